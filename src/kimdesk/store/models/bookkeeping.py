"""The audit trail and the record of legacy files taken over."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class AuditEntry(Base):
    """Eingabekontrolle: who created, changed or deleted which record, when. Ids only."""

    __tablename__ = "audit"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    installation_id: Mapped[str] = mapped_column(String(36), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    record_id: Mapped[str | None] = mapped_column(String(36))
    # A non-personal detail, e.g. the legacy import batch a record came from.
    detail: Mapped[str | None] = mapped_column(String(200))


class LegacyImport(Base):
    """Legacy files already taken over (schema 2): the same file twice is refused."""

    __tablename__ = "legacy_import"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    file_name: Mapped[str] = mapped_column(String(400), nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    rows_imported: Mapped[int] = mapped_column(Integer, nullable=False)
    rows_rejected: Mapped[int] = mapped_column(Integer, nullable=False)
