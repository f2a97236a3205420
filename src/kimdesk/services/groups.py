"""Group offers with their sessions, for the Gruppenangebote screen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case as when
from sqlalchemy import func, select

from kimdesk.domain.entities import GroupOffer, GroupSession
from kimdesk.store.models import GroupOfferRow, GroupSessionRow

from . import records
from .workspace import Workspace

offer_t = GroupOfferRow.__table__
session_t = GroupSessionRow.__table__


@dataclass(frozen=True, slots=True)
class OfferLine:
    offer: GroupOffer
    held: int
    cancelled: int
    participants: int


def offer_lines(ws: Workspace) -> list[OfferLine]:
    """Live offers, newest first, with sessions held/cancelled and participants in total."""
    live = session_t.c.deleted.is_(False)
    sums = (
        select(
            session_t.c.offer_id,
            func.sum(when((live & (session_t.c.status == "held"), 1), else_=0)).label("held"),
            func.sum(when((live & (session_t.c.status == "cancelled"), 1), else_=0)).label("cancelled"),
            func.sum(when((live & (session_t.c.status == "held"), session_t.c.participants),
                          else_=0)).label("participants"),
        )
        .group_by(session_t.c.offer_id)
        .subquery()
    )  # fmt: skip
    query = (
        select(offer_t.c.id, sums.c.held, sums.c.cancelled, sums.c.participants)
        .select_from(offer_t.outerjoin(sums, sums.c.offer_id == offer_t.c.id))
        .where(offer_t.c.deleted.is_(False))
        .order_by(offer_t.c.id.desc())
    )
    with ws.store.connect() as conn:
        rows = conn.execute(query).all()
    lines = []
    for row in rows:
        offer = records.load(ws, GroupOffer, row.id)
        lines.append(OfferLine(offer, row.held or 0, row.cancelled or 0, row.participants or 0))
    return lines


def sessions_of(ws: Workspace, offer_id: str) -> list[GroupSession]:
    query = (
        select(session_t.c.id)
        .where(session_t.c.offer_id == offer_id, session_t.c.deleted.is_(False))
        .order_by(session_t.c.held_on, session_t.c.id)
    )
    with ws.store.connect() as conn:
        ids = conn.execute(query).scalars().all()
    return [records.load(ws, GroupSession, i) for i in ids]
