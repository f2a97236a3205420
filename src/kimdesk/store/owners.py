"""Whose record it is (``record_owner``, schema 8): the office's versions of its devices'
records, and (later) cases handed from one device to another.

A record without a row belongs to the installation of its latest change (its ``origin``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from kimdesk.store.models import RecordOwner

record_owner = RecordOwner.__table__
_BATCH = 5000


def owners(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """The owner rows of these records (record id -> owner); records without one are left out."""
    ids = list(ids)
    found: dict[str, str] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        found.update(conn.execute(
            select(record_owner.c.record_id, record_owner.c.owner)
            .where(record_owner.c.record_id.in_(chunk))
        ).all())  # fmt: skip
    return found


def owner_of(conn: Connection, record_id: str, origin: str) -> str:
    """The owner of one record whose stored version came from ``origin``."""
    return owners(conn, [record_id]).get(record_id, origin)


def keep_owner(conn: Connection, entity: str, record_id: str, origin: str, writer: str) -> None:
    """``writer`` (the office) is about to write its own version over the stored one from
    ``origin``: the record stays its owner's (a row is written the first time)."""
    if origin == writer:
        return
    exists = conn.execute(
        select(record_owner.c.owner).where(record_owner.c.record_id == record_id)
    ).first()
    if exists is None:
        conn.execute(insert(record_owner).values(record_id=record_id, entity=entity, owner=origin))
