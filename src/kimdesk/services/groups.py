"""Group offers with their sessions, for the Gruppenangebote screen.

Offers are few (a town hall runs a handful a year), so the list carries whole records; the
totals come from one grouped query over the sessions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from sqlalchemy import case as when
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.entities import GroupOffer, GroupSession
from kimdesk.domain.enums import SessionStatus
from kimdesk.store import records as store_records
from kimdesk.store.models import GroupOfferRow, GroupSessionRow

from . import records
from .changes import Change, Changes
from .undo import Action, Step
from .workspace import Workspace

offer_t = GroupOfferRow.__table__
session_t = GroupSessionRow.__table__
_OFFER_FIELDS = frozenset(f.name for f in fields(GroupOffer))
_SESSION_FIELDS = frozenset(f.name for f in fields(GroupSession))
#: "Heidelberger Elterntraining (5 × 120 min)": the profile states sessions and minutes in
#: the label, there is no field for them.
_SESSIONS_IN_LABEL = re.compile(r"(\d+)\s*[×x]\s*(\d+)\s*min", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OfferLine:
    offer: GroupOffer
    held: int
    cancelled: int
    participants: int


def _offer(row: Mapping) -> GroupOffer:
    return GroupOffer(**{k: v for k, v in row.items() if k in _OFFER_FIELDS})


def offer_lines(ws: Workspace) -> list[OfferLine]:
    """Live offers, newest first, with sessions held/cancelled and participants of the held
    sessions in total."""
    live = session_t.c.deleted.is_(False)
    held = live & (session_t.c.status == SessionStatus.HELD)
    cancelled = live & (session_t.c.status == SessionStatus.CANCELLED)
    sums = (
        select(
            session_t.c.offer_id,
            func.sum(when((held, 1), else_=0)).label("n_held"),
            func.sum(when((cancelled, 1), else_=0)).label("n_cancelled"),
            func.sum(when((held, session_t.c.participants), else_=0)).label("n_participants"),
        )
        .group_by(session_t.c.offer_id)
        .subquery()
    )
    query = (
        select(offer_t, sums.c.n_held, sums.c.n_cancelled, sums.c.n_participants)
        .select_from(offer_t.outerjoin(sums, sums.c.offer_id == offer_t.c.id))
        .where(offer_t.c.deleted.is_(False))
        .order_by(offer_t.c.id.desc())
    )
    with ws.store.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        OfferLine(_offer(r), r["n_held"] or 0, r["n_cancelled"] or 0, r["n_participants"] or 0)
        for r in rows
    ]


def sessions_of(ws: Workspace, offer_id: str) -> list[GroupSession]:
    """The live sessions of an offer in date order."""
    with ws.store.connect() as conn:
        return _sessions(conn, offer_id)


def _sessions(conn: Connection, offer_id: str) -> list[GroupSession]:
    query = (
        select(session_t)
        .where(session_t.c.offer_id == offer_id, session_t.c.deleted.is_(False))
        .order_by(session_t.c.held_on, session_t.c.id)
    )
    rows = conn.execute(query).mappings().all()
    return [GroupSession(**{k: v for k, v in r.items() if k in _SESSION_FIELDS}) for r in rows]


def delete_offer(ws: Workspace, offer_id: str) -> records.Deleted:
    """An offer goes with its sessions (each a tombstone, so the office drops them too), in
    one transaction and as one step to undo."""
    origin = ws.installation.id
    written = []
    with ws.store.begin() as conn:
        for session in _sessions(conn, offer_id):
            tomb = store_records.delete_record(conn, GroupSession, session.id, origin=origin)
            written.append((session, tomb))
        offer = store_records.get_any(conn, GroupOffer, offer_id)
        tomb = store_records.delete_record(conn, GroupOffer, offer_id, origin=origin)
        written.append((offer, tomb))
    changes = Changes.of(Change.GROUP_OFFER, Change.GROUP_SESSION)
    return records.Deleted(Step(Action.DELETE, tuple(written)), changes)


def format_defaults(catalog: Catalog, format_code: str | None) -> tuple[int, int] | None:
    """Sessions and minutes per session a group format prescribes, if its catalog entry
    says so (the Heidelberger Elterntraining: 5 × 120 min)."""
    for entry in catalog.entries_of("group_format"):
        if entry.code == format_code:
            found = _SESSIONS_IN_LABEL.search(entry.label_de)
            return (int(found.group(1)), int(found.group(2))) if found else None
    return None
