"""This installation, the peers it trusts, and the store's counters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class Installation(Base):
    """Exactly one row: who this store belongs to, with its private keys."""

    __tablename__ = "installation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    profile: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    # X25519 private key: only an office decrypts bundles.
    agreement_key: Mapped[bytes | None] = mapped_column(LargeBinary)


class Peer(Base):
    """Another installation this store trusts: a case manager's office, or an office's devices."""

    __tablename__ = "peer"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    agreement_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    trusted_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: This installation's Ed25519 signature over the row (``sync.trust``); a row without a
    #: valid one is not trusted.
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)


class Counter(Base):
    """Named monotonic counters (the change sequence, the bundle sequence)."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
