"""Bulk writes with SQLAlchemy Core: the machinery of the merge and of settling conflicts.

New rows go in as positional tuples through ``exec_driver_sql`` on SQLite: the INSERT is
compiled from the table once and every value passes the column type's own bind processor
(or a quicker one that agrees with it on every sample), so the stored values are exactly
those of ``execute(insert(table), dicts)``, without its per-row dictionary handling. A server
gets plain Core statements (its driver binds by name and the round trip dominates anyway).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from datetime import UTC, date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from .models import ConsultationTopicRow, ReferralRow

_topic = ConsultationTopicRow.__table__
_referral = ReferralRow.__table__


@contextmanager
def cyclic_gc_paused():
    """Pause the cyclic garbage collector for a merge (reference counting still frees).

    Each batch keeps thousands of fresh containers alive, so the collector would traverse
    the heap again and again: about a tenth of a large merge. A merge makes no reference
    cycles worth collecting early; the collector resumes (if it was on) when it ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_parts(conn: Connection, inserts: list[dict], updates: list[dict]) -> None:
    """Replace the topics and referrals of the given consultations."""
    if updates:
        ids = [r["id"] for r in updates]
        conn.execute(delete(_topic).where(_topic.c.consultation_id.in_(ids)))
        conn.execute(delete(_referral).where(_referral.c.consultation_id.in_(ids)))
    records = inserts + updates
    topics = [(r["id"], t) for r in records for t in r["topics"]]
    referrals = [
        (r["id"], pos, t, a, o) for r in records for pos, (t, a, o) in enumerate(r["referrals"])
    ]
    if topics:
        insert_tuples(conn, _topic, ("consultation_id", "topic"), topics)
    if referrals:
        names = ("consultation_id", "pos", "target", "accompanied", "outcome")
        insert_tuples(conn, _referral, names, referrals)


#: Compiled statements and bind processors, per dialect, table and columns.
_STATEMENTS: dict = {}


def positional(conn: Connection) -> bool:
    """The tuple fast path is for SQLite's positional parameters; a server gets plain Core
    statements (its driver binds by name and the round trip dominates anyway)."""
    return conn.dialect.name == "sqlite"


def known_ids(conn: Connection, table, ids: list[str]) -> list[str]:
    """Which of the ids the store has: one plain query (a first bundle finds none)."""
    if not positional(conn):
        return list(conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
    key = ("known", type(conn.dialect), conn.dialect.paramstyle, table, len(ids))
    sql = _STATEMENTS.get(key)
    if sql is None:
        compiled = (
            select(table.c.id)
            .where(table.c.id.in_([""] * len(ids)))
            .compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        )
        if not compiled.positional or len(compiled.positiontup or ()) != len(ids):
            raise RuntimeError(f"unexpected query parameters for {table.name}")
        sql = _STATEMENTS[key] = compiled.string
    return [i for (i,) in conn.exec_driver_sql(sql, tuple(ids))]


def _insert_plan(conn: Connection, table, names: tuple[str, ...]):
    key = ("insert", type(conn.dialect), conn.dialect.paramstyle, table, names)
    plan = _STATEMENTS.get(key)
    if plan is None:
        compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(names))
        if not compiled.positional or tuple(compiled.positiontup or ()) != names:
            raise RuntimeError(f"unexpected INSERT parameters for {table.name}")
        processors = tuple(
            (i, quick(p))
            for i, name in enumerate(names)
            if (p := table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect))
        )
        plan = _STATEMENTS[key] = (compiled.string, processors)
    return plan


def _quick_datetime(process):
    def bind(value):
        if type(value) is datetime and value.tzinfo is UTC:
            return value.replace(tzinfo=None).isoformat(" ", "microseconds")
        return process(value)

    return bind


def _quick_date(process):
    def bind(value):
        return value.isoformat() if type(value) is date else process(value)

    return bind


def _quick_bool(process):
    def bind(value):
        return int(value) if type(value) is bool else process(value)

    return bind


_SAMPLES = (
    *(datetime(*t, tzinfo=UTC) for t in ((1, 1, 1), (999, 12, 31, 23, 59, 59, 999999),
                                         (2024, 2, 29, 12, 0, 0), (2025, 6, 7, 8, 9, 10, 11))),
    date(1, 1, 1), date(999, 12, 31), date(2024, 2, 29),
    True, False,
)  # fmt: skip


def quick(process):
    """A bind processor that formats the merge's usual values (UTC datetimes, dates, bools)
    itself where that agrees with the type's own processor on every sample; else that one."""
    for make, kind in ((_quick_datetime, datetime), (_quick_date, date), (_quick_bool, bool)):
        candidate = make(process)
        try:
            if all(_same(candidate(v), process(v)) for v in _SAMPLES if type(v) is kind):
                return candidate
        except Exception:  # the type's processor does not take this kind of value
            continue
    return process


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b


def insert_tuples(conn: Connection, table, names, data, *, by_column: bool = False) -> None:
    """executemany of rows (or, ``by_column``, of columns) given in the order of ``names``."""
    if not positional(conn):
        rows = zip(*data, strict=True) if by_column else data
        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    sql, processors = _insert_plan(conn, table, tuple(names))
    if processors:
        columns = list(data) if by_column else list(zip(*data, strict=True))
        for i, process in processors:
            columns[i] = bound(process, columns[i])
        rows = list(zip(*columns, strict=True))
    else:
        rows = list(zip(*data, strict=True)) if by_column else data
    conn.exec_driver_sql(sql, rows)


def bound(process, column):
    """``process`` over a column, once per distinct value where values repeat (records
    written together share ``updated_at``, dates recur). Equal values bind alike: the
    processors normalise datetimes to UTC and booleans to 0/1."""
    try:
        distinct = set(column)
    except TypeError:
        return map(process, column)
    if len(distinct) * 2 > len(column):
        return map(process, column)
    table = {value: process(value) for value in distinct}
    return map(table.__getitem__, column)
