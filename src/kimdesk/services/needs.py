"""Structural needs (Bedarfsmeldungen): the list, and a check against personal data.

The challenge text goes to the district office and into its reports, so it must not name
anybody; the check is a soft one (the case manager may save anyway after being asked).
"""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.entities import StructuralNeed
from kimdesk.domain.hints import Hint, personal_data_hints
from kimdesk.store.models import StructuralNeedRow
from kimdesk.store.owners import owners

from .workspace import Workspace

need_t = StructuralNeedRow.__table__
_FIELDS = frozenset(f.name for f in fields(StructuralNeed))
__all__ = ["Hint", "device_needs", "municipality_choices", "need_list", "personal_data_hints"]


def need_list(ws: Workspace) -> list[StructuralNeed]:
    """Live needs, the latest reported first."""
    query = (
        select(need_t)
        .where(need_t.c.deleted.is_(False))
        .order_by(need_t.c.reported_on.desc(), need_t.c.id.desc())
    )
    with ws.store.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [StructuralNeed(**{k: v for k, v in r.items() if k in _FIELDS}) for r in rows]


def device_needs(ws: Workspace) -> frozenset[str]:
    """At the office: the needs that belong to a device (reported there), whose challenge,
    topic, municipality, date and affected cases only their device changes."""
    with ws.store.connect() as conn:
        rows = conn.execute(
            select(need_t.c.id, need_t.c.origin).where(need_t.c.deleted.is_(False))
        ).all()
        owned = owners(conn, [r.id for r in rows if r.origin == ws.installation.id])
    return frozenset(r.id for r in rows if owned.get(r.id, r.origin) != ws.installation.id)


def municipality_choices(catalog: Catalog, language: str = "de") -> list[tuple[str, str]]:
    """Municipalities for a need, the county-wide entry (the one without a parent) first:
    most needs concern the whole county."""
    entries = catalog.entries_of("municipality")
    county = [e for e in entries if e.parent is None]
    towns = [e for e in entries if e.parent is not None]
    return [(e.code, e.label(language)) for e in county + towns]
