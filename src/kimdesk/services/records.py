"""Saving, deleting and undoing single records, as every screen of the app does it.

Each call validates against the active catalog, runs in one transaction, leaves an audit
entry (ids only) and returns what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kimdesk.domain.codes import retired_in
from kimdesk.domain.entities import (
    Case,
    Consultation,
    GroupSession,
    Record,
    content,
    same_content,
)
from kimdesk.domain.enums import Role, SessionStatus
from kimdesk.domain.errors import KimdeskError, Problem, ValidationError
from kimdesk.domain.registry import OFFICE_DEFAULTS, entity_of
from kimdesk.store import records as store_records
from kimdesk.store.owners import keep_owner, owner_of

from .changes import NOTHING, Changes
from .consents import refuse_withdrawn
from .handovers import refuse_if_handed_over
from .undo import Action, Step
from .workspace import Workspace


@dataclass(frozen=True)
class Saved:
    """A saved record and the one it replaced (``None`` when it was created).

    A save that changed nothing has ``record is previous``, no changes and no undo step.
    """

    record: Record
    previous: Record | None
    changes: Changes
    step: Step | None


@dataclass(frozen=True)
class Deleted:
    step: Step
    changes: Changes


def load(ws: Workspace, entity_type: type[Record], record_id: str) -> Record | None:
    with ws.store.connect() as conn:
        record = store_records.get_any(conn, entity_type, record_id)
    return None if record is None or record.deleted else record


def save(ws: Workspace, record: Record, *, today: date | None = None, action: str = "") -> Saved:
    """Validate and store a new or changed record (raises ``ValidationError`` with German
    sentences per field). ``action`` names the step for undo (create or change by default).

    On a device, the fields the office decides (a need's status, solution and responsible
    body) keep their stored values; at the office, an edit of a device's record stays that
    device's record (``store.owners``) and goes back to it with the next reply."""
    if ws.installation.role == Role.LAND:  # it holds figures of counties, never records
        raise KimdeskError("In der Landesstelle werden keine Datensätze erfasst.")
    entity_type = type(record)
    entity = entity_of(entity_type)
    entity.validate(record, ws.catalog, today)
    office = ws.installation.role == Role.OFFICE
    with ws.store.begin() as conn:
        if not office:
            refuse_if_handed_over(conn, record)
        check_against_store(conn, record)
        previous = store_records.get_any(conn, entity_type, record.id)
        if previous is not None and previous.deleted:
            raise KimdeskError("Der Datensatz wurde inzwischen gelöscht.")
        if not office and isinstance(record, Consultation):
            refuse_withdrawn(conn, record, previous)
        retired = retired_in(entity.kind, record, previous, ws.catalog)
        if retired:
            raise ValidationError(retired)
        if entity.office_fields and not office:
            record = replace(record, **_office_values(entity, previous))
        if office and previous is not None:
            owner = owner_of(conn, record.id, previous.origin)
            if entity.office_fields and owner != ws.installation.id:  # the device's fields
                record = replace(record, **_device_values(entity, previous))
            keep_owner(conn, entity.kind, record.id, owner, ws.installation.id)
        saved = store_records.save_record(conn, record, origin=ws.installation.id, stored=previous)
    if previous is not None and saved.version == previous.version:
        return Saved(previous, previous, NOTHING, None)
    action = action or (Action.CHANGE if previous is not None else Action.CREATE)
    step = Step(action, ((previous, saved),))
    return Saved(saved, previous, Changes.of(entity_of(entity_type).kind), step)


def _office_values(entity, previous: Record | None) -> dict:
    """The office's fields of a record as a device must keep them: stored, or for a new
    record the defaults (a new need is reported, without solution or responsible body)."""
    if previous is not None:
        return {name: getattr(previous, name) for name in entity.office_fields}
    return OFFICE_DEFAULTS[entity.kind]


def _device_values(entity, previous: Record) -> dict:
    """The fields of a device's record that its device decides (a need's challenge, topic,
    municipality, affected cases, date): the office keeps them as the device sent them."""
    return {name: value for name, value in content(previous).items()
            if name not in entity.office_fields}  # fmt: skip


def check_against_store(conn, record: Record) -> None:
    """The rules a single record cannot check alone: a case's consultation is not dated
    before the case opened (nor a case opened after its first consultation); an offer has
    one held session per day, with people in it."""
    problems = []
    if isinstance(record, Case) and not record.deleted:
        first = store_records.earliest_consultation(conn, record.id)
        if first is not None and first < record.opened_on:
            problems.append(Problem("opened_on", (
                f"Der Fall hat eine Beratung vom {first:%d.%m.%Y}; er kann nicht später "
                "eröffnet worden sein.")))  # fmt: skip
    if isinstance(record, Consultation) and record.case_id:
        case = store_records.get_any(conn, Case, record.case_id)
        if case is not None and record.occurred_on < case.opened_on:
            problems.append(Problem("occurred_on", (
                f"Die Beratung liegt vor der Eröffnung des Falls am {case.opened_on:%d.%m.%Y}; "
                "bitte das Datum oder das Eröffnungsdatum des Falls prüfen.")))  # fmt: skip
    if isinstance(record, GroupSession) and record.status == SessionStatus.HELD:
        if record.participants == 0:
            problems.append(Problem("participants", (
                "Ein stattgefundener Termin hat mindestens eine teilnehmende Person; "
                "sonst „ausgefallen“ ankreuzen.")))  # fmt: skip
        if store_records.session_held_on(conn, record.offer_id, record.held_on, record.id):
            problems.append(Problem("held_on", (
                f"Am {record.held_on:%d.%m.%Y} hat dieses Angebot schon einen Termin; "
                "bitte jenen ändern statt einen zweiten anzulegen.")))  # fmt: skip
    if problems:
        raise ValidationError(problems)


def delete(ws: Workspace, entity_type: type[Record], record_id: str) -> Deleted:
    """Make a record a tombstone; the deletion travels in the next bundle."""
    with ws.store.begin() as conn:
        before = store_records.get_any(conn, entity_type, record_id)
        if before is not None and ws.installation.role == Role.CASEMANAGER:
            refuse_if_handed_over(conn, before)
        if before is not None and ws.installation.role == Role.OFFICE:
            keep_owner(conn, entity_of(entity_type).kind, record_id, before.origin,
                       ws.installation.id)  # fmt: skip
        tomb = store_records.delete_record(conn, entity_type, record_id, origin=ws.installation.id)
    return Deleted(Step(Action.DELETE, ((before, tomb),)), Changes.of(entity_of(entity_type).kind))


def undo(ws: Workspace, step: Step) -> Changes:
    """Take back one step exactly, in one transaction: a created record is deleted, a changed
    or closed one gets its content back, a deleted one comes back (each as a new version, so
    the office sees the correction too). Refused when a record is no longer as the step left
    it (an undone later step brings it back to that, so the stack unwinds in order)."""
    origin = ws.installation.id
    with ws.store.begin() as conn:
        for _before, after in step.records:
            if ws.installation.role == Role.CASEMANAGER:
                refuse_if_handed_over(conn, after)
            current = store_records.get_any(conn, type(after), after.id)
            if (
                current is None
                or current.deleted != after.deleted
                or (not same_content(current, after))
            ):
                raise KimdeskError(
                    "Der Datensatz wurde seitdem geändert oder gelöscht; "
                    "dieser Schritt kann nicht mehr zurückgenommen werden."
                )
        for before, after in reversed(step.records):
            if before is None:
                store_records.delete_record(conn, type(after), after.id, origin=origin)
            else:
                store_records.save_record(
                    conn, replace(before, deleted=False), origin=origin, revive=True
                )
    return Changes.of(*(entity_of(after).kind for _b, after in step.records))
