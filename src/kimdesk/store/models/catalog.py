"""The catalog of the store's county profile, copied in at creation."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


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
