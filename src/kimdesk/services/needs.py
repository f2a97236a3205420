"""Structural needs (Bedarfsmeldungen): the list, and a check against personal data."""

from __future__ import annotations

import re

from sqlalchemy import select

from kimdesk.domain.entities import StructuralNeed
from kimdesk.store.models import StructuralNeedRow

from . import records
from .workspace import Workspace

need_t = StructuralNeedRow.__table__

#: Patterns that look like personal data in a text that leaves the device.
_SUSPICIOUS = (
    (re.compile(r"\b\d{1,2}\.\d{1,2}\.(19|20)\d{2}\b"), "ein Datum (Geburtsdatum?)"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "eine E-Mail-Adresse"),
    (re.compile(r"(\+49|\b0)\d[\d /-]{6,}\d"), "eine Telefonnummer"),
    (re.compile(r"\b(Herr|Frau|Fr\.|Hr\.)\s+[A-ZÄÖÜ]"), "eine Anrede mit Namen"),
)


def personal_data_hints(text: str) -> list[str]:
    """What in a challenge text looks like personal data (German descriptions)."""
    return [what for pattern, what in _SUSPICIOUS if pattern.search(text or "")]


def need_list(ws: Workspace) -> list[StructuralNeed]:
    query = (
        select(need_t.c.id)
        .where(need_t.c.deleted.is_(False))
        .order_by(need_t.c.reported_on.desc(), need_t.c.id.desc())
    )
    with ws.store.connect() as conn:
        ids = conn.execute(query).scalars().all()
    return [records.load(ws, StructuralNeed, i) for i in ids]
