"""Settling merge conflicts at the office: both versions side by side, keep one."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select, update

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.store.bookkeeping import CHANGE_SEQ, audit, next_seq
from kimdesk.store.bulk import write_parts
from kimdesk.store.models import Conflict
from kimdesk.store.owners import keep_owner, owner_of
from kimdesk.store.records import TABLES
from kimdesk.sync import fields, wire

from .changes import Change, Changes
from .sync import require_role
from .workspace import Workspace

_conflict = Conflict.__table__


def list_conflicts(ws: Workspace, *, include_resolved: bool = False) -> list[dict]:
    query = select(_conflict).order_by(_conflict.c.detected_at, _conflict.c.id)
    if not include_resolved:
        query = query.where(_conflict.c.resolved_at.is_(None))
    with ws.store.connect() as conn:
        rows = conn.execute(query).mappings().all()
    result = []
    for row in rows:
        stored, incoming = json.loads(row["stored"]), json.loads(row["incoming"])
        differing = sorted(k for k in stored.keys() | incoming.keys()
                           if stored.get(k) != incoming.get(k)
                           and k not in ("updated_at", "base_version"))  # fmt: skip
        result.append(
            {
                "id": row["id"],
                "entity": row["entity"],
                "record": row["record_id"],
                "bundle": row["bundle_id"],
                "detected_at": fields.json_value(row["detected_at"]),
                "applied": row["applied"],
                "kept": row["kept"],
                "differing_fields": differing,
                "stored": stored,
                "incoming": incoming,
            }
        )
    return result


@dataclass(frozen=True)
class Resolved:
    record_id: str
    changes: Changes


def resolve_conflict(ws: Workspace, conflict_id: str, keep: str) -> Resolved:
    """Settle a conflict by keeping the stored or the incoming version of the record.

    Unless the kept version is the one stored and its owner's (or the office's) already,
    the kept content is written as a new version of the office's: the device that owns the
    record takes it with its next reply and is not asked again (docs/sync.md)."""
    require_role(ws, Role.OFFICE, "Das Auflösen von Konflikten")
    if keep not in ("stored", "incoming"):
        raise KimdeskError("--keep nimmt stored oder incoming.")
    with ws.store.begin() as conn:
        row = (
            conn.execute(select(_conflict).where(_conflict.c.id == conflict_id)).mappings().first()
        )
        if row is None:
            raise KimdeskError(f"Einen Konflikt {conflict_id} gibt es nicht.")
        if row["resolved_at"] is not None:
            raise KimdeskError(f"Der Konflikt {conflict_id} ist schon aufgelöst.")
        entity = row["entity"]
        table = TABLES[entity]
        chosen = wire.from_wire(entity, json.loads(row[keep]))
        applied = wire.from_wire(entity, json.loads(row[row["applied"]]))
        current = conn.execute(
            select(table.c.version, table.c.origin, table.c.base_version).where(
                table.c.id == row["record_id"]
            )
        ).first()
        if current is None or (current.version, current.origin) != (
            applied["version"], applied["origin"],
        ):  # fmt: skip
            raise KimdeskError(
                "Der Datensatz wurde seit dem Konflikt erneut geändert; "
                "bitte die neuere Fassung prüfen."
            )
        office = ws.installation.id
        owner = owner_of(conn, row["record_id"], current.origin)
        now = utc_now()
        if keep != row["applied"] or current.origin not in (owner, office):
            # The decision becomes a version of the office's: it goes back to the owner with
            # the next reply, and the owner's edits from it are no conflict.
            keep_owner(conn, entity, row["record_id"], owner, office)
            incoming = wire.from_wire(entity, json.loads(row["incoming"]))
            # The owner's latest version this decision supersedes: a later bundle with an
            # older one is stale (sync.merge).
            seen = [v for v, origin in ((current.version, current.origin),
                                        (incoming["version"], incoming["origin"]))
                    if origin == owner]  # fmt: skip
            if current.origin == office and current.base_version:
                seen.append(current.base_version)
            decided = {**chosen, "version": max(current.version, chosen["version"]) + 1,
                       "origin": office, "updated_at": now,
                       "base_version": max(seen, default=None)}  # fmt: skip
            names = [f.name for f in wire.FIELDS[entity] if f.name != "id"]
            seq = next_seq(conn, CHANGE_SEQ)
            conn.execute(
                update(table)
                .where(table.c.id == row["record_id"])
                .values({**{n: decided[n] for n in names}, "change_seq": seq})
            )
            if entity == "consultation":
                write_parts(conn, [], [decided])
        conn.execute(
            update(_conflict)
            .where(_conflict.c.id == conflict_id)
            .values(resolved_at=now, kept=keep)
        )
        audit(conn, at=now, installation_id=ws.installation.id, action="resolve",
              entity=entity, record_ids=[row["record_id"]], detail=f"kept {keep}")  # fmt: skip
    return Resolved(row["record_id"], Changes.of(entity, Change.CONFLICT))
