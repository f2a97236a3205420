"""The case manager's transfer page: what is waiting for the next bundle, and writing it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from kimdesk.store.models import BundleOut
from kimdesk.store.records import TABLES

from .handovers import not_yet_sent
from .workspace import Workspace

_out = BundleOut.__table__


@dataclass(frozen=True)
class Pending:
    """Records changed since the last bundle, per entity: ``counts`` created or changed
    (what the lists show), ``deleted`` the deletions (they travel too, but no list shows
    them: "Beratungen: 9" beside a list of 7 confused)."""

    counts: dict[str, int]
    last_seq: int | None
    deleted: dict[str, int] = field(default_factory=dict)
    #: Case handover packages and confirmations of taken handovers no bundle has carried yet.
    handovers: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + sum(self.deleted.values())


def pending_changes(ws: Workspace) -> Pending:
    with ws.store.connect() as conn:
        since = conn.execute(select(func.max(_out.c.change_to))).scalar() or 0
        last_seq = conn.execute(select(func.max(_out.c.seq))).scalar()
        counts, deleted = {}, {}
        for entity, table in TABLES.items():
            query = (
                select(table.c.deleted, func.count())
                .where(table.c.change_seq > since)
                .where(table.c.origin == ws.installation.id)  # what a bundle sends
                .group_by(table.c.deleted)
            )
            for gone, n in conn.execute(query):
                (deleted if gone else counts)[entity] = n
        waiting = not_yet_sent(conn)
    return Pending(counts, last_seq, deleted, waiting)
