"""The catalog of the store's county profile, copied in at creation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class CatalogEntryRow(Base):
    __tablename__ = "catalog_entry"

    catalog: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    label_de: Mapped[str] = mapped_column(String(200), nullable=False)
    label_en: Mapped[str] = mapped_column(String(200), nullable=False)
    parent: Mapped[str | None] = mapped_column(String(64))
    sort: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # JSON list of alternative spellings accepted on import.
    aliases: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    # The county profile version that added the code (schema 9).
    since: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")


class ProfileVersionRow(Base):
    """A version of the county profile (schema 9): applied at the office, received on a
    device. The store's profile is its highest version; without a row, version 1 as shipped."""

    __tablename__ = "profile_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # The profile as a document (domain.profile.document), canonical JSON.
    document: Mapped[str] = mapped_column(Text, nullable=False)
    # German sentences of what the version changed, JSON list (the history shows them).
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
