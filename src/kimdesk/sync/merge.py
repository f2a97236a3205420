"""The merge: records of a verified bundle into the office store, per record by id.

Rules (docs/sync.md, "The merge, per record by id"), comparing the incoming version with the stored one:

- unknown id: created (a tombstone is stored as one and counted as deleted);
- same installation (origin): newer version -> updated (or deleted for a tombstone),
  older -> stale (ignored, counted), same version and same content -> unchanged,
  same version with other content (a device restored from a backup) -> conflict;
- another installation's stored version (an edit of the office, a settled conflict): if the
  record is the signer's (``store.owners``) and the incoming version says it was edited from
  the stored one (``base_version``), updated; same content -> unchanged; else conflict.
  A structural need of the signer's merges by field instead: the device's fields
  (challenge, topic, municipality, affected cases, ...) from the incoming version, the
  office's (status, solution, responsible body) from the stored one; where the result is
  neither version it is written as a new version of the office's, which goes back to the
  device with the next reply. Never a conflict.
- conflict: the later ``updated_at`` wins, then the greater installation id; the winner is
  applied, both versions are kept in ``conflict`` until the coordinator settles it. A bundle
  overrules only the same device's own version, though: against another device's record or
  an edit the office made, the stored version stays and the coordinator decides (a device
  speaks only for itself; it cannot tell the office which record it "owns").

Everything runs inside the caller's transaction with SQLAlchemy Core, in batches sorted by id;
how rows are written in bulk is ``store.bulk``'s business, not this module's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.registry import BY_KIND, OFFICE_DEFAULTS
from kimdesk.store.bookkeeping import CHANGE_SEQ, next_seq
from kimdesk.store.bulk import cyclic_gc_paused, insert_tuples, known_ids, write_parts
from kimdesk.store.models import Conflict
from kimdesk.store.owners import keep_owner, owners, record_owner
from kimdesk.store.records import TABLES, consultation_parts

from .fields import FIELDS, canonical, to_wire

#: Records per lookup and per executemany (an IN list of this many ids; SQLite allows 32766).
BATCH = 5000
COUNT_KEYS = ("created", "updated", "unchanged", "stale", "deleted", "conflicts")
_conflict = Conflict.__table__
_META = {"version", "origin", "updated_at", "base_version"}


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


def _content_of(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in _META}


def _wins(incoming: dict, stored: dict) -> bool:
    return (incoming["updated_at"], incoming["origin"]) > (stored["updated_at"], stored["origin"])


class Merger:
    def __init__(
        self,
        conn: Connection,
        bundle_id: str,
        progress: Callable[[int], None] | None,
        *,
        signer: str = "",
        office: str = "",
    ):
        self.conn = conn
        self.bundle_id = bundle_id
        self.signer = signer  # the device that signed the bundle
        self.office = office  # this office: the origin of its own versions
        self.claimed: list[tuple[str, str, str]] = []  # new versions of the office's: owners
        self.counts = MergeCounts()
        self.progress = progress
        self.done = 0
        self._any_owner: bool | None = None

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

    def _owner_rows(self) -> bool:
        """Does the office keep any owner row (none until it edits or a case is handed over)?"""
        if self._any_owner is None:
            self._any_owner = (
                self.conn.execute(select(record_owner.c.record_id).limit(1)).first() is not None
            )
        return self._any_owner

    def _stored(self, entity: str, ids: list[str]) -> dict[str, dict]:
        table = TABLES[entity]
        ids = known_ids(self.conn, table, ids)
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
        office_fields = BY_KIND[entity].office_fields
        fast = not stored and not office_fields
        if fast:  # all new (a first bundle): created, tombstones counted as deleted
            inserts = batch
            deleted = sum(1 for record in batch if record["deleted"])
            c.deleted += deleted
            c.created += len(batch) - deleted
        # Whose records these are: the office's versions of a device's records, and records
        # handed over to another device (whose former owner's versions are no longer its).
        owned = owners(self.conn, list(stored)) if stored and self._owner_rows() else {}
        for record in () if fast else batch:
            old = stored.get(record["id"])
            if old is None:
                if office_fields:  # the office's fields of a new need are the defaults
                    record = self._office_values(entity, record, OFFICE_DEFAULTS[entity])
                inserts.append(record)
                if record["deleted"]:
                    c.deleted += 1
                else:
                    c.created += 1
                continue
            same_content = _content(entity, record) == _content(entity, old)
            handed_away = owned.get(record["id"], self.signer) != self.signer
            if handed_away and old["origin"] == self.signer:
                # Handed over to another device: the former owner's versions stop here (an
                # older one is stale, a newer one a conflict for the coordinator).
                if record["version"] <= old["version"]:
                    c.stale += 1
                    continue
            elif record["origin"] == old["origin"]:
                if record["version"] > old["version"]:
                    if office_fields:  # a device never sets the office's fields
                        record = self._office_values(entity, record, old)
                        if _content_of(record) == _content_of(old):
                            c.unchanged += 1
                            updates.append(record)  # tells the device the truth, no change
                            continue
                    self._update(record, old, updates)
                    continue
                if record["version"] < old["version"]:
                    c.stale += 1
                    continue
            elif owned.get(record["id"], old["origin"]) == self.signer:
                # The office's version of the signer's own record (its edit, a settled
                # conflict, a merge by field): an edit from it is no conflict; a version the
                # office's one already superseded (a late bundle) is stale.
                if record["version"] <= (old["base_version"] or 0):
                    c.stale += 1
                    continue
                based = record["base_version"] == old["version"]
                if office_fields:
                    self._by_field(record, old, office_fields, based, updates)
                    continue
                if based:
                    self._update(record, old, updates)
                    continue
            if same_content:
                c.unchanged += 1
                continue
            c.conflicts += 1
            applied = "incoming" if not handed_away and self._overrules(record, old) else "stored"
            if applied == "incoming":
                updates.append(record)
            conflicts.append(self._conflict_row(entity, old, record, applied))
        self._write(entity, inserts, updates)
        for kind, record_id, owner in self.claimed:
            keep_owner(self.conn, kind, record_id, owner, self.office)
        self.claimed.clear()
        if conflicts:
            self.conn.execute(insert(_conflict), conflicts)
        self.done += len(batch)
        if self.progress:
            self.progress(self.done)

    def _by_field(self, record: dict, old: dict, office_fields, based: bool, updates) -> None:
        """A need of the signer's over the office's version: the device's fields from the
        incoming version, the office's from the stored one."""
        c = self.counts
        kept = {name: old[name] for name in office_fields}
        if based and all(record[name] == value for name, value in kept.items()):
            merged = record  # edited from the office's version, its fields as they were
        else:
            merged = {**record, **kept}
            if _content_of(merged) == _content_of(old):
                c.unchanged += 1
                return
            merged.update(  # neither version: a new version of the office's
                version=max(record["version"], old["version"]) + 1,
                origin=self.office,
                updated_at=utc_now(),
                base_version=record["version"],
            )
        self._update(merged, old, updates)

    def _office_values(self, entity: str, record: dict, source: dict) -> dict:
        """``record`` with the office's fields of ``source``; if that changes it, as a new
        version of the office's (the device's record still, ``store.owners``), which goes
        back to the device with its next reply."""
        kept = {name: source[name] for name in BY_KIND[entity].office_fields}
        if all(record[name] == value for name, value in kept.items()):
            return record
        self.claimed.append((entity, record["id"], self.signer))
        return {**record, **kept, "version": record["version"] + 1, "origin": self.office,
                "updated_at": utc_now(), "base_version": record["version"]}  # fmt: skip

    def _update(self, record: dict, old: dict, updates: list[dict]) -> None:
        """Apply ``record`` over the stored ``old``: counted as deleted for a new tombstone."""
        updates.append(record)
        if record["deleted"] and not old["deleted"]:
            self.counts.deleted += 1
        else:
            self.counts.updated += 1

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
        table = TABLES[entity]
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


def _insert_rows(conn: Connection, table, names: list[str], records: list[dict], first: int):
    """INSERT the records (their ``names``) with change_seq first, first + 1, ..."""
    get = itemgetter(*names)
    columns = [*zip(*map(get, records), strict=True), range(first, first + len(records))]
    insert_tuples(conn, table, (*names, "change_seq"), columns, by_column=True)
