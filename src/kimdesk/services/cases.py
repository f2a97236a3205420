"""Cases and their clients: the case list, saving a client with a case, goals, closing,
and a case's consultation history. Client names are local and shown on this device only."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select

from kimdesk.domain import validation
from kimdesk.domain.entities import Case, Client, Goal, Record
from kimdesk.domain.enums import Phase, Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.store import records as store_records
from kimdesk.store.models import CaseRow, ClientRow, GoalRow

from . import handovers, records
from .changes import NOTHING, Change, Changes
from .consultations import contains_pattern, who
from .undo import Action, Step
from .workspace import Workspace

case_t = CaseRow.__table__
client_t = ClientRow.__table__
goal_t = GoalRow.__table__
consultation_t = store_records.consultation_t


@dataclass(frozen=True, slots=True)
class CaseLine:
    case_id: str
    client_id: str | None
    who: str
    municipality: str
    program: str
    opened_on: date
    phase: str
    closed_on: date | None


def case_lines(ws: Workspace, text: str = "", *, closed: bool = False) -> list[CaseLine]:
    """Cases (open ones, or all), newest first, optionally filtered by name or reference."""
    query = (
        select(case_t.c.id, case_t.c.client_id, who().label("who"), case_t.c.municipality,
               case_t.c.program, case_t.c.opened_on, case_t.c.phase, case_t.c.closed_on)
        .select_from(case_t.outerjoin(client_t, client_t.c.id == case_t.c.client_id))
        .where(case_t.c.deleted.is_(False))
        .order_by(case_t.c.opened_on.desc(), case_t.c.id.desc())
    )  # fmt: skip
    if not closed:
        query = query.where(case_t.c.closed_on.is_(None))
    if text.strip():
        pattern = contains_pattern(text.strip())
        query = query.where(
            or_(
                client_t.c.family_name.like(pattern, escape="\\"),
                client_t.c.given_name.like(pattern, escape="\\"),
                client_t.c.file_numbers.like(pattern, escape="\\"),
                case_t.c.legacy_ref.like(pattern, escape="\\"),
            )
        )
    with ws.store.connect() as conn:
        return [CaseLine(*row) for row in conn.execute(query)]


@dataclass(frozen=True)
class CaseFile:
    """Everything the case screen shows for one case."""

    case: Case
    client: Client | None
    goals: list[Goal]
    history: list[tuple[date, str, tuple[str, ...], int | None]]  # day, kind, topics, minutes
    #: The device the case was handed over to (read-only here from then on), if any.
    handed_to: str | None = None


def case_file(ws: Workspace, case_id: str) -> CaseFile | None:
    case = records.load(ws, Case, case_id)
    if case is None:
        return None
    client = records.load(ws, Client, case.client_id) if case.client_id else None
    with ws.store.connect() as conn:
        goal_ids = conn.execute(
            select(goal_t.c.id)
            .where(goal_t.c.case_id == case_id, goal_t.c.deleted.is_(False))
            .order_by(goal_t.c.id)
        ).scalars().all()  # fmt: skip
        rows = conn.execute(
            select(consultation_t.c.id, consultation_t.c.occurred_on, consultation_t.c.kind,
                   consultation_t.c.duration_min)
            .where(consultation_t.c.case_id == case_id, consultation_t.c.deleted.is_(False))
            .order_by(consultation_t.c.occurred_on.desc())
        ).all()  # fmt: skip
        parts = store_records.consultation_parts(conn, [r.id for r in rows])
        handed_to = handovers.handed_to(conn, case_id)
    goals = [records.load(ws, Goal, gid) for gid in goal_ids]
    history = [(r.occurred_on, r.kind, parts[r.id][0], r.duration_min) for r in rows]
    return CaseFile(case, client, goals, history, handed_to)


def case_count(ws: Workspace, case_id: str, client_id: str | None) -> int:
    """How many cases go with this one in a handover: all of its client's."""
    if client_id is None:
        return 1
    with ws.store.connect() as conn:
        return len(conn.execute(select(case_t.c.id).where(
            case_t.c.client_id == client_id, case_t.c.deleted.is_(False)
        )).all())  # fmt: skip


@dataclass(frozen=True)
class SavedCase:
    case: Case
    client: Client | None
    changes: Changes
    step: Step | None


def save_case(ws: Workspace, client: Client | None, case: Case) -> SavedCase:
    """Save a client (if given) and the case in one transaction; both are validated first."""
    if client is not None:
        validation.validate_client(client, ws.catalog)
        case = replace(case, client_id=client.id)
    validation.validate_case(case, ws.catalog)
    origin = ws.installation.id
    written: list[tuple[Record | None, Record]] = []
    with ws.store.begin() as conn:
        if ws.installation.role == Role.CASEMANAGER:  # a case handed over is no longer ours
            handovers.refuse_if_handed_over(conn, case)
        if client is not None:
            before = store_records.get_any(conn, Client, client.id)
            client = store_records.save_record(conn, client, origin=origin, stored=before)
            written.append((before, client))
        before = store_records.get_any(conn, Case, case.id)
        records.check_against_store(conn, case)
        case = store_records.save_record(conn, case, origin=origin, stored=before)
        written.append((before, case))
    written = [(b, a) for b, a in written if b is None or a.version != b.version]
    if not written:
        return SavedCase(case, client, NOTHING, None)
    action = Action.CHANGE if written[-1][0] is not None else Action.CREATE
    return SavedCase(
        case, client, Changes.of(Change.CLIENT, Change.CASE), Step(action, tuple(written))
    )


def close_case(ws: Workspace, case_id: str, closed_on: date, reason: str | None) -> records.Saved:
    case = records.load(ws, Case, case_id)
    if case is None:
        raise KimdeskError("Den Fall gibt es nicht (mehr).")
    closed = replace(case, closed_on=closed_on, closure_reason=reason, phase=Phase.CLOSED)
    return records.save(ws, closed, action=Action.CLOSE)


def reopen_case(ws: Workspace, case_id: str) -> records.Saved:
    case = records.load(ws, Case, case_id)
    if case is None:
        raise KimdeskError("Den Fall gibt es nicht (mehr).")
    opened = replace(case, closed_on=None, closure_reason=None, phase=Phase.MONITORING)
    return records.save(ws, opened, action=Action.REOPEN)
