"""The change sequence and the audit trail (Eingabekontrolle). Ids only, never contents."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from .models import AuditEntry, Counter

CHANGE_SEQ = "change_seq"
BUNDLE_SEQ = "bundle_seq"

_counter = Counter.__table__
_audit = AuditEntry.__table__


def next_seq(conn: Connection, name: str, n: int = 1) -> int:
    """Reserve ``n`` numbers of a counter; returns the first. Call inside the write transaction."""
    current = conn.execute(select(_counter.c.value).where(_counter.c.name == name)).scalar()
    if current is None:
        conn.execute(insert(_counter).values(name=name, value=n))
        return 1
    conn.execute(update(_counter).where(_counter.c.name == name).values(value=current + n))
    return current + 1


def current_seq(conn: Connection, name: str) -> int:
    value = conn.execute(select(_counter.c.value).where(_counter.c.name == name)).scalar()
    return value or 0


def audit(
    conn: Connection,
    *,
    at: datetime,
    installation_id: str,
    action: str,
    entity: str,
    record_ids: Iterable[str | None] = (None,),
    detail: str | None = None,
) -> None:
    rows = [
        {
            "at": at,
            "installation_id": installation_id,
            "action": action,
            "entity": entity,
            "record_id": rid,
            "detail": detail,
        }
        for rid in record_ids
    ]
    if rows:
        conn.execute(insert(_audit), rows)
