"""The merge: records of a verified bundle into the office store, per record by id.

Rules (DESIGN §5), comparing the incoming version with the stored one:

- unknown id: created (a tombstone is stored as one and counted as deleted);
- same installation (origin): newer version -> updated (or deleted for a tombstone),
  older -> stale (ignored, counted), same version and same content -> unchanged,
  same version with other content (a device restored from a backup) -> conflict;
- another installation: same content -> unchanged, else conflict. Case managers never
  receive other installations' changes, so such a change is never based on the stored one.
- conflict: the later ``updated_at`` wins, then the greater installation id; the winner is
  applied, both versions are kept in ``conflict`` until the coordinator settles it. A bundle
  overrules only the same device's own version, though: against another device's record or
  an edit the office made, the stored version stays and the coordinator decides (a device
  speaks only for itself; it cannot tell the office which record it "owns").

Everything runs inside the caller's transaction with SQLAlchemy Core, in batches sorted by id.
New rows (the bulk of a first bundle) go in as positional tuples through ``exec_driver_sql``:
the INSERT is compiled from the table and every value passes the column type's own bind
processor, so the stored values are exactly those of ``execute(insert(table), dicts)``,
without its per-row dictionary handling.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.store.bookkeeping import CHANGE_SEQ, next_seq
from kimdesk.store.models import Conflict, ConsultationTopicRow, ReferralRow
from kimdesk.store.records import ENTITY_TABLES, consultation_parts

from .fields import FIELDS, canonical, to_wire

#: Records per lookup and per executemany (an IN list of this many ids; SQLite allows 32766).
BATCH = 5000
COUNT_KEYS = ("created", "updated", "unchanged", "stale", "deleted", "conflicts")
_topic = ConsultationTopicRow.__table__
_referral = ReferralRow.__table__
_conflict = Conflict.__table__
_META = {"version", "origin", "updated_at"}


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


@dataclass
class MergeCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    deleted: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in COUNT_KEYS}


def _content(entity: str, record: dict) -> dict:
    """What makes two versions the same: every exported field but metadata and derived ones."""
    return {
        f.name: record[f.name]
        for f in FIELDS[entity]
        if f.name not in _META and not f.derived
    } | ({"topics": record["topics"], "referrals": record["referrals"]}
         if entity == "consultation" else {})  # fmt: skip


def _wins(incoming: dict, stored: dict) -> bool:
    return (incoming["updated_at"], incoming["origin"]) > (stored["updated_at"], stored["origin"])


class Merger:
    def __init__(
        self,
        conn: Connection,
        bundle_id: str,
        progress: Callable[[int], None] | None,
    ):
        self.conn = conn
        self.bundle_id = bundle_id
        self.counts = MergeCounts()
        self.progress = progress
        self.done = 0

    def merge(self, records: Iterable[tuple[str, dict]]) -> MergeCounts:
        batch: list[dict] = []
        current = None
        with cyclic_gc_paused():
            for entity, record in records:
                if entity != current or len(batch) >= BATCH:
                    if batch:
                        self._merge_batch(current, batch)
                    batch, current = [], entity
                batch.append(record)
            if batch:
                self._merge_batch(current, batch)
        return self.counts

    def _stored(self, entity: str, ids: list[str]) -> dict[str, dict]:
        table = ENTITY_TABLES[entity]
        ids = _known(self.conn, table, ids)
        if not ids:
            return {}
        columns = [table.c[f.name] for f in FIELDS[entity]]
        rows = {
            r["id"]: dict(r)
            for r in self.conn.execute(select(*columns).where(table.c.id.in_(ids))).mappings()
        }
        if entity == "consultation" and rows:
            for cid, (topics, referrals) in consultation_parts(self.conn, list(rows)).items():
                rows[cid]["topics"], rows[cid]["referrals"] = topics, referrals
        return rows

    def _merge_batch(self, entity: str, batch: list[dict]) -> None:
        stored = self._stored(entity, [r["id"] for r in batch])
        inserts: list[dict] = []
        updates: list[dict] = []
        conflicts: list[dict] = []
        c = self.counts
        if not stored:  # all new (a first bundle): created, tombstones counted as deleted
            inserts = batch
            deleted = sum(1 for record in batch if record["deleted"])
            c.deleted += deleted
            c.created += len(batch) - deleted
        for record in batch if stored else ():
            old = stored.get(record["id"])
            if old is None:
                inserts.append(record)
                if record["deleted"]:
                    c.deleted += 1
                else:
                    c.created += 1
                continue
            same_content = _content(entity, record) == _content(entity, old)
            if record["origin"] == old["origin"]:
                if record["version"] > old["version"]:
                    updates.append(record)
                    if record["deleted"] and not old["deleted"]:
                        c.deleted += 1
                    else:
                        c.updated += 1
                    continue
                if record["version"] < old["version"]:
                    c.stale += 1
                    continue
            if same_content:
                c.unchanged += 1
                continue
            c.conflicts += 1
            applied = "incoming" if self._overrules(record, old) else "stored"
            if applied == "incoming":
                updates.append(record)
            conflicts.append(self._conflict_row(entity, old, record, applied))
        self._write(entity, inserts, updates)
        if conflicts:
            self.conn.execute(insert(_conflict), conflicts)
        self.done += len(batch)
        if self.progress:
            self.progress(self.done)

    def _overrules(self, incoming: dict, stored: dict) -> bool:
        """May the incoming version of a conflict be applied? Only over the same device's own
        version (a device restored from a backup), and then only if it is the later one. Over
        another device's record or the office's own edit, the coordinator decides."""
        return stored["origin"] == incoming["origin"] and _wins(incoming, stored)

    def _conflict_row(self, entity: str, old: dict, new: dict, applied: str) -> dict:
        return {
            "id": uuid7(),
            "entity": entity,
            "record_id": new["id"],
            "bundle_id": self.bundle_id,
            "detected_at": utc_now(),
            "stored": canonical(to_wire(entity, old, _parts_of(old))).decode(),
            "incoming": canonical(to_wire(entity, new, _parts_of(new))).decode(),
            "applied": applied,
            "resolved_at": None,
            "kept": None,
        }

    def _write(self, entity: str, inserts: list[dict], updates: list[dict]) -> None:
        table = ENTITY_TABLES[entity]
        names = [f.name for f in FIELDS[entity]]
        if not inserts and not updates:
            return
        first = next_seq(self.conn, CHANGE_SEQ, len(inserts) + len(updates))
        if inserts:
            _insert_rows(self.conn, table, names, inserts, first)
        if updates:
            offset = first + len(inserts)
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values(
                    {
                        **{n: bindparam(n) for n in names if n != "id"},
                        "change_seq": bindparam("_seq"),
                    }
                )
            )
            rows = [
                {**{n: r[n] for n in names if n != "id"}, "_id": r["id"], "_seq": offset + i}
                for i, r in enumerate(updates)
            ]
            self.conn.execute(statement, rows)
        if entity == "consultation":
            write_parts(self.conn, inserts, updates)


def _parts_of(record: dict) -> tuple | None:
    if "topics" not in record:
        return None
    return record["topics"], record["referrals"]


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
        _execute_tuples(conn, _topic, ("consultation_id", "topic"), topics)
    if referrals:
        names = ("consultation_id", "pos", "target", "accompanied", "outcome")
        _execute_tuples(conn, _referral, names, referrals)


def _insert_rows(conn: Connection, table, names: list[str], records: list[dict], first: int):
    """INSERT the records (their ``names``) with change_seq first, first + 1, ..."""
    get = itemgetter(*names)
    columns = [*zip(*map(get, records), strict=True), range(first, first + len(records))]
    _execute_tuples(conn, table, (*names, "change_seq"), columns, by_column=True)


#: Compiled statements and bind processors, per dialect, table and columns.
_STATEMENTS: dict = {}


def _fast(conn: Connection) -> bool:
    """The tuple fast path is for SQLite's positional parameters; a server gets plain Core
    statements (its driver binds by name and the round trip dominates anyway)."""
    return conn.dialect.name == "sqlite"


def _known(conn: Connection, table, ids: list[str]) -> list[str]:
    """Which of the ids the store has: one plain query (a first bundle finds none)."""
    if not _fast(conn):
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
            (i, _quick(p))
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


def _quick(process):
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


def _execute_tuples(conn: Connection, table, names, data, *, by_column: bool = False) -> None:
    """executemany of rows (or, ``by_column``, of columns) given in the order of ``names``."""
    if not _fast(conn):
        rows = zip(*data, strict=True) if by_column else data
        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    sql, processors = _insert_plan(conn, table, tuple(names))
    if processors:
        columns = list(data) if by_column else list(zip(*data, strict=True))
        for i, process in processors:
            columns[i] = _bound(process, columns[i])
        rows = list(zip(*columns, strict=True))
    else:
        rows = list(zip(*data, strict=True)) if by_column else data
    conn.exec_driver_sql(sql, rows)


def _bound(process, column):
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
