"""Decisions flow back (issue 18): the office's versions of a device's records travel in the
device's replies and become the device's versions there.

At the office, ``decisions`` lists what a reply carries: every record of the device
(``store.owners``) whose latest version is the office's (a coordinator's edit, a settled
conflict, a need merged by field) and that has no open conflict.

At the device, ``apply_decisions`` takes each one, inside the reply's transaction:

- a record the device has not changed since a bundle the office has merged (its change
  number at most the highest of the acknowledged bundles) takes the office's version: its
  exported fields, version and origin; local personal fields and a derived age group stay,
  and the change number too, so the decision is not sent back as the device's own;
- a record changed since keeps the device's edit. A need takes the office's fields (status,
  solution, responsible body) into it and the office's version as its base, so the edit
  merges without a conflict; any other record keeps its base, and the office sees a real
  concurrent edit (a conflict for the coordinator), which the warning says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.ids import utc_now
from kimdesk.domain.registry import BY_KIND
from kimdesk.store.bookkeeping import CHANGE_SEQ, next_seq
from kimdesk.store.bulk import write_parts
from kimdesk.store.models import BundleOut, Conflict
from kimdesk.store.owners import record_owner
from kimdesk.store.records import TABLES, consultation_parts
from kimdesk.sync.fields import ENTITY_ORDER, FIELDS, to_wire

_conflict, _out = Conflict.__table__, BundleOut.__table__


def decisions(conn: Connection, office_id: str, device_id: str) -> list[tuple[str, dict]]:
    """The office's standing versions of the device's records, as wire records in bundle
    order (kind, then id)."""
    open_conflicts = select(_conflict.c.record_id).where(_conflict.c.resolved_at.is_(None))
    found = []
    for kind in ENTITY_ORDER:
        table = TABLES[kind]
        query = (
            select(*[table.c[f.name] for f in FIELDS[kind]])
            .join(record_owner, record_owner.c.record_id == table.c.id)
            .where(record_owner.c.owner == device_id, table.c.origin == office_id,
                   table.c.id.not_in(open_conflicts))
            .order_by(table.c.id)
        )  # fmt: skip
        rows = conn.execute(query).mappings().all()
        parts = consultation_parts(conn, [r["id"] for r in rows]) if kind == "consultation" else {}
        found += [(kind, to_wire(kind, r, parts.get(r["id"]))) for r in rows]
    return found


@dataclass
class Taken:
    """What the decisions of one reply did on the device."""

    updated: int = 0
    kinds: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def apply_decisions(conn: Connection, records, taken: Taken) -> None:
    """Take the office's versions (typed wire records) as the module says."""
    if not records:
        return
    merged = conn.execute(
        select(_out.c.change_from, _out.c.change_to).where(_out.c.acknowledged_at.is_not(None))
    ).all()

    def seen(change_seq: int) -> bool:
        """The office has this version: it lies in a bundle the office has merged (not in
        one still on its way, even if a later one arrived)."""
        return any(start < change_seq <= end for start, end in merged)

    crossed = []
    for kind, record in records:
        table = TABLES[kind]
        local = conn.execute(
            select(table.c.version, table.c.origin, table.c.change_seq)
            .where(table.c.id == record["id"])
        ).first()  # fmt: skip
        if local is None:
            taken.warnings.append(
                f"Die Kreisstelle schickt ihre Fassung eines Datensatzes ({BY_KIND[kind].name_de} "
                f"{record['id']}), den dieses Gerät nicht hat; er bleibt unberücksichtigt."
            )
            continue
        if (local.version, local.origin) == (record["version"], record["origin"]):
            continue  # taken from an earlier reply
        office_fields = BY_KIND[kind].office_fields
        taken_whole = seen(local.change_seq)
        if taken_whole:
            names = [f.name for f in FIELDS[kind] if f.name != "id" and not f.derived]
            values = {n: record[n] for n in names} | {"base_version": None}
        elif office_fields:  # the device's edit with the office's fields: a new version of it
            values = {n: record[n] for n in office_fields} | {
                "base_version": record["version"],
                "version": max(local.version, record["version"]) + 1,
                "updated_at": utc_now(),
                "change_seq": next_seq(conn, CHANGE_SEQ),
            }
        else:
            crossed.append((kind, record["id"]))
            continue
        conn.execute(update(table).where(table.c.id == record["id"]).values(values))
        if kind == "consultation" and taken_whole:
            write_parts(conn, [], [record])
        taken.updated += 1
        taken.kinds.add(kind)
    if crossed:
        kind, record_id = crossed[0]
        more = f" und {len(crossed) - 1} weitere" if len(crossed) > 1 else ""
        taken.warnings.append(
            f"Die Kreisstelle hat über {BY_KIND[kind].name_de} {record_id}{more} entschieden, "
            "während sie hier geändert wurden; die Änderung von hier geht mit dem nächsten "
            "Bundle an die Kreisstelle, die erneut entscheidet."
        )
