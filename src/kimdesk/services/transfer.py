"""The case manager's transfer page: what is waiting for the next bundle, and writing it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from kimdesk.store.models import BundleOut
from kimdesk.store.records import ENTITY_TABLES

from . import sync
from .changes import Changes
from .workspace import Workspace

_out = BundleOut.__table__


@dataclass(frozen=True)
class Pending:
    """Records changed since the last bundle, per entity (created, changed or deleted)."""

    counts: dict[str, int]
    last_seq: int | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def pending_changes(ws: Workspace) -> Pending:
    with ws.store.connect() as conn:
        since = conn.execute(select(func.max(_out.c.change_to))).scalar() or 0
        last_seq = conn.execute(select(func.max(_out.c.seq))).scalar()
        counts = {}
        for entity, table in ENTITY_TABLES.items():
            n = conn.execute(
                select(func.count()).select_from(table).where(table.c.change_seq > since)
            ).scalar()
            if n:
                counts[entity] = n
    return Pending(counts, last_seq)


@dataclass(frozen=True)
class Written:
    result: sync.ExportResult
    changes: Changes


def write_bundle(
    ws: Workspace, folder: str | os.PathLike, *, full: bool = False, today: date | None = None
) -> Written:
    """Write the next bundle into a folder (a USB stick); the file name is chosen here."""
    result = sync.export_bundle(ws, folder, full=full, today=today)
    return Written(result, Changes.of("bundle") if result.path else Changes())
