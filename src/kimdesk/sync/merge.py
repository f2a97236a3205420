"""The merge: records of a verified bundle into the office store, per record by id.

Rules (DESIGN §5), comparing the incoming version with the stored one:

- unknown id: created (a tombstone is stored as one and counted as deleted);
- same installation (origin): newer version -> updated (or deleted for a tombstone),
  older -> stale (ignored, counted), same version and same content -> unchanged,
  same version with other content (a device restored from a backup) -> conflict;
- another installation: same content -> unchanged, else conflict. Case managers never
  receive other installations' changes, so such a change is never based on the stored one.
- conflict: the later ``updated_at`` wins, then the greater installation id; the winner is
  applied, both versions are kept in ``conflict`` until the coordinator settles it.

Everything runs inside the caller's transaction with SQLAlchemy Core, in batches sorted by id.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.store.bookkeeping import CHANGE_SEQ, next_seq
from kimdesk.store.models import Conflict, ConsultationTopicRow, ReferralRow
from kimdesk.store.records import ENTITY_TABLES

from .wire import FIELDS, canonical, to_wire

BATCH = 1000
COUNT_KEYS = ("created", "updated", "unchanged", "stale", "deleted", "conflicts")
_topic = ConsultationTopicRow.__table__
_referral = ReferralRow.__table__
_conflict = Conflict.__table__
_META = {"version", "origin", "updated_at"}


@dataclass
class MergeCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    deleted: int = 0
    conflicts: int = 0
    conflict_ids: list[str] = field(default_factory=list)

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
    def __init__(self, conn: Connection, bundle_id: str, progress: Callable[[int], None] | None):
        self.conn = conn
        self.bundle_id = bundle_id
        self.counts = MergeCounts()
        self.progress = progress
        self.done = 0

    def merge(self, records: Iterable[tuple[str, dict]]) -> MergeCounts:
        batch: list[dict] = []
        current = None
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
        columns = [table.c[f.name] for f in FIELDS[entity]]
        rows = {
            r["id"]: dict(r)
            for r in self.conn.execute(select(*columns).where(table.c.id.in_(ids))).mappings()
        }
        if entity == "consultation" and rows:
            found = list(rows)
            for row in rows.values():
                row["topics"], row["referrals"] = [], []
            for cid, topic in self.conn.execute(
                select(_topic.c.consultation_id, _topic.c.topic).where(
                    _topic.c.consultation_id.in_(found)
                )
            ):
                rows[cid]["topics"].append(topic)
            query = (
                select(_referral.c.consultation_id, _referral.c.target,
                       _referral.c.accompanied, _referral.c.outcome)
                .where(_referral.c.consultation_id.in_(found))
                .order_by(_referral.c.consultation_id, _referral.c.pos)
            )  # fmt: skip
            for cid, target, accompanied, outcome in self.conn.execute(query):
                rows[cid]["referrals"].append((target, bool(accompanied), outcome))
            for row in rows.values():
                row["topics"] = tuple(sorted(row["topics"]))
                row["referrals"] = tuple(row["referrals"])
        return rows

    def _merge_batch(self, entity: str, batch: list[dict]) -> None:
        stored = self._stored(entity, [r["id"] for r in batch])
        inserts: list[dict] = []
        updates: list[dict] = []
        conflicts: list[dict] = []
        c = self.counts
        for record in batch:
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
            applied = "incoming" if _wins(record, old) else "stored"
            if applied == "incoming":
                updates.append(record)
            conflicts.append(self._conflict_row(entity, old, record, applied))
        self._write(entity, inserts, updates)
        if conflicts:
            self.conn.execute(insert(_conflict), conflicts)
            c.conflict_ids.extend(row["id"] for row in conflicts)
        self.done += len(batch)
        if self.progress:
            self.progress(self.done)

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
            rows = [
                {**{n: r[n] for n in names}, "change_seq": first + i} for i, r in enumerate(inserts)
            ]
            self.conn.execute(insert(table), rows)
        if updates:
            offset = first + len(inserts)
            statement = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({**{n: bindparam(n) for n in names if n != "id"}, "change_seq": bindparam("_seq")})
            )
            rows = [
                {**{n: r[n] for n in names if n != "id"}, "_id": r["id"], "_seq": offset + i}
                for i, r in enumerate(updates)
            ]
            self.conn.execute(statement, rows)
        if entity == "consultation":
            write_parts(self.conn, inserts, updates)


def _parts_of(record: dict) -> dict | None:
    if "topics" not in record:
        return None
    return {"topics": record["topics"], "referrals": record["referrals"]}


def write_parts(conn: Connection, inserts: list[dict], updates: list[dict]) -> None:
    """Replace the topics and referrals of the given consultations."""
    if updates:
        ids = [r["id"] for r in updates]
        conn.execute(delete(_topic).where(_topic.c.consultation_id.in_(ids)))
        conn.execute(delete(_referral).where(_referral.c.consultation_id.in_(ids)))
    records = inserts + updates
    topics = [{"consultation_id": r["id"], "topic": t} for r in records for t in r["topics"]]
    referrals = [
        {"consultation_id": r["id"], "pos": pos, "target": t, "accompanied": a, "outcome": o}
        for r in records
        for pos, (t, a, o) in enumerate(r["referrals"])
    ]
    if topics:
        conn.execute(insert(_topic), topics)
    if referrals:
        conn.execute(insert(_referral), referrals)


def conflict_record(row) -> tuple[dict, dict]:
    """The two JSON versions of a stored conflict."""
    return json.loads(row.stored), json.loads(row.incoming)
