"""Saving, deleting and undoing single records, as every screen of the app does it.

Each call validates against the active catalog, runs in one transaction, leaves an audit
entry (ids only) and returns what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kimdesk.domain import validation
from kimdesk.domain.entities import (
    Case,
    Client,
    Consultation,
    Goal,
    GroupOffer,
    GroupSession,
    Record,
    StructuralNeed,
)
from kimdesk.domain.errors import KimdeskError
from kimdesk.store import records as store_records

from .changes import Changes
from .workspace import Workspace

_VALIDATORS = {
    Client: validation.validate_client,
    Case: validation.validate_case,
    Goal: validation.validate_goal,
    Consultation: validation.validate_consultation,
    GroupOffer: validation.validate_group_offer,
    GroupSession: validation.validate_group_session,
    StructuralNeed: validation.validate_structural_need,
}
ENTITY_NAMES = {
    Client: "client",
    Case: "case",
    Goal: "goal",
    Consultation: "consultation",
    GroupOffer: "group_offer",
    GroupSession: "group_session",
    StructuralNeed: "structural_need",
}


@dataclass(frozen=True)
class Saved:
    """A saved record and the one it replaced (``None`` when it was created): enough to undo."""

    record: Record
    previous: Record | None
    changes: Changes


def load(ws: Workspace, entity_type: type[Record], record_id: str) -> Record | None:
    with ws.store.connect() as conn:
        if entity_type is Consultation:
            record = store_records.get_consultation(conn, record_id)
        else:
            record = store_records.get_record(conn, entity_type, record_id)
    return None if record is None or record.deleted else record


def save(ws: Workspace, record: Record, *, today: date | None = None) -> Saved:
    """Validate and store a new or changed record (raises ``ValidationError`` with German
    sentences per field)."""
    entity_type = type(record)
    _VALIDATORS[entity_type](record, ws.catalog, today)
    with ws.store.begin() as conn:
        if entity_type is Consultation:
            previous = store_records.get_consultation(conn, record.id)
        else:
            previous = store_records.get_record(conn, entity_type, record.id)
        if previous is not None and previous.deleted:
            raise KimdeskError("Der Datensatz wurde inzwischen gelöscht.")
        saved = store_records.save_record(conn, record, origin=ws.installation.id)
    return Saved(saved, previous, Changes.of(ENTITY_NAMES[entity_type]))


def delete(ws: Workspace, entity_type: type[Record], record_id: str) -> Changes:
    """Make a record a tombstone; the deletion travels in the next bundle."""
    with ws.store.begin() as conn:
        store_records.delete_record(conn, entity_type, record_id, origin=ws.installation.id)
    return Changes.of(ENTITY_NAMES[entity_type])


def undo(ws: Workspace, saved: Saved) -> Changes:
    """Take back a save: a created record is deleted, a changed one gets its old content back
    (as a new version, so the office sees the correction too)."""
    entity_type = type(saved.record)
    if saved.previous is None:
        return delete(ws, entity_type, saved.record.id)
    with ws.store.begin() as conn:
        store_records.save_record(
            conn, replace(saved.previous, deleted=False), origin=ws.installation.id
        )
    return Changes.of(ENTITY_NAMES[entity_type])
