"""The consultation list: ids for a filter and sort order, and rows for a page of ids.

The list holds ids only (100,000 are a few megabytes) and asks for rows a page at a time,
as Anki's browser does. Text search looks at the case manager's own notes, client names
and case references, which are local to this device.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.exc import OperationalError

from kimdesk.store import records as store_records
from kimdesk.store.models import CaseRow, ClientRow
from kimdesk.store.planner import live

from .workspace import Workspace

consultation = store_records.consultation_t
topic_t = store_records.topic_t
client = ClientRow.__table__
case = CaseRow.__table__

#: Sortable columns of the list, by the key the screen uses.
SORT_KEYS = ("date", "municipality", "kind", "program", "who", "duration")


@dataclass(frozen=True)
class ConsultationFilter:
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    municipality: str | None = None
    kind: str | None = None
    topic: str | None = None
    program: str | None = None


@dataclass(frozen=True, slots=True)
class ConsultationLine:
    """One row of the list: immutable, never an ORM object."""

    id: str
    occurred_on: date
    municipality: str
    kind: str
    program: str
    duration_min: int | None
    who: str
    topics: tuple[str, ...]
    referrals: tuple[str, ...]
    has_notes: bool


def client_name():
    """ "Family, Given" of the joined client (local data: shown on this device only)."""
    return func.trim(
        func.coalesce(client.c.family_name, "")
        + func.iif(client.c.given_name.is_(None), "", ", " + client.c.given_name)
    )


def who():
    """The client's name, else the case reference, else nothing."""
    return func.coalesce(func.nullif(client_name(), ""), case.c.legacy_ref, "")


def _joined(columns):
    """Consultations with their case and client (the case's client for CM consultations)."""
    return select(*columns).select_from(
        consultation.outerjoin(case, case.c.id == consultation.c.case_id).outerjoin(
            client, client.c.id == func.coalesce(consultation.c.client_id, case.c.client_id)
        )
    )


def contains_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(flt: ConsultationFilter) -> list:
    conds = [live(consultation)]
    if flt.date_from:
        conds.append(consultation.c.occurred_on >= flt.date_from)
    if flt.date_to:
        conds.append(consultation.c.occurred_on <= flt.date_to)
    for column, value in (
        (consultation.c.municipality, flt.municipality),
        (consultation.c.kind, flt.kind),
        (consultation.c.program, flt.program),
    ):
        if value:
            conds.append(column == value)
    if flt.topic:
        conds.append(
            consultation.c.id.in_(
                select(topic_t.c.consultation_id).where(topic_t.c.topic == flt.topic)
            )
        )
    text = flt.text.strip()
    if text:
        conds.append(_text_matches(contains_pattern(text)))
    return conds


def _text_matches(pattern: str):
    """Notes, the client's names and Aktenzeichen, the case reference. The clients and cases
    that match are found once (a few thousand rows), not once per consultation: a keystroke
    in the search costs one pass over the consultations' notes and two set lookups each."""
    people = select(client.c.id).where(
        or_(
            client.c.family_name.like(pattern, escape="\\"),
            client.c.given_name.like(pattern, escape="\\"),
            client.c.file_numbers.like(pattern, escape="\\"),
        )
    )
    cases = select(case.c.id).where(
        or_(case.c.legacy_ref.like(pattern, escape="\\"), case.c.client_id.in_(people))
    )
    return or_(
        consultation.c.notes.like(pattern, escape="\\"),
        consultation.c.client_id.in_(people),
        consultation.c.case_id.in_(cases),
    )


def _sort_column(key: str):
    return {
        "date": consultation.c.occurred_on,
        "municipality": consultation.c.municipality,
        "kind": consultation.c.kind,
        "program": consultation.c.program,
        "who": who(),
        "duration": consultation.c.duration_min,
    }[key]


def _order(sort: str, descending: bool):
    column = _sort_column(sort)
    return (column.desc(), consultation.c.id.desc()) if descending else (column, consultation.c.id)


def consultation_ids(
    ws: Workspace,
    flt: ConsultationFilter,
    *,
    sort: str = "date",
    descending: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> list[str] | None:
    """Ids of the live consultations matching the filter, in list order.

    Returns ``None`` as soon as ``cancelled()`` says the result is no longer wanted (the
    user typed on): the scan is interrupted, so a newer query does not wait for it.
    """
    query = (
        _joined([consultation.c.id]).where(*_conditions(flt)).order_by(*_order(sort, descending))
    )
    return _interruptible(ws, lambda conn: list(conn.execute(query).scalars()), cancelled)


def read_ahead(ws: Workspace, cancelled: Callable[[], bool] | None = None) -> bool:
    """Read every consultation once while the list is idle, so that the first text search
    finds the table decrypted in the page cache: at 100,000 consultations the first scan
    otherwise costs that keystroke some 50 ms more. False when ``cancelled()`` stopped it."""
    query = select(func.count(consultation.c.notes)).where(live(consultation))
    return _interruptible(ws, lambda conn: conn.execute(query).scalar(), cancelled) is not None


def _interruptible(ws: Workspace, read, cancelled: Callable[[], bool] | None):
    """``read(conn)``, or ``None`` as soon as ``cancelled()`` says the result is no longer
    wanted: the scan is interrupted, so a newer query does not wait for it."""
    with ws.store.connect() as conn:
        if cancelled is None:
            return read(conn)
        # SQLite asks the handler every few thousand steps; a true answer interrupts the scan.
        raw = conn.connection.dbapi_connection
        raw.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
        try:
            return read(conn)
        except OperationalError:
            if cancelled():
                return None
            raise
        finally:
            raw.set_progress_handler(None, 0)


def first_page(
    ws: Workspace,
    flt: ConsultationFilter,
    *,
    sort: str = "date",
    descending: bool = True,
    limit: int = 200,
) -> tuple[int, list[ConsultationLine]]:
    """How many consultations match, and the rows of the first ``limit`` of them.

    So a list can show a new result before all of its ids have crossed into Python: a text
    search counts beside its LIMIT in one pass; otherwise the page and a plain count are two
    quick queries.
    """
    conditions = _conditions(flt)
    if flt.text.strip():
        # A text search scans every row anyway: count and first page in that one scan.
        query = (
            _joined([consultation.c.id, func.count().over().label("total")])
            .where(*conditions)
            .order_by(*_order(sort, descending))
            .limit(limit)
        )
        with ws.store.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return 0, []
        return rows[0].total, consultation_lines(ws, [r.id for r in rows])
    # Without text the page comes from the date index at once and the count needs no join.
    page = _joined([consultation.c.id]).where(*conditions).order_by(*_order(sort, descending))
    counted = select(func.count()).select_from(consultation).where(*conditions)
    with ws.store.connect() as conn:
        ids = list(conn.execute(page.limit(limit)).scalars())
        total = conn.execute(counted).scalar() if len(ids) == limit else len(ids)
    return total, consultation_lines(ws, ids)


def consultation_lines(ws: Workspace, ids: list[str]) -> list[ConsultationLine]:
    """Rows for the given ids, in the same order (ids that vanished are left out)."""
    if not ids:
        return []
    query = _joined(
        [
            consultation.c.id,
            consultation.c.occurred_on,
            consultation.c.municipality,
            consultation.c.kind,
            consultation.c.program,
            consultation.c.duration_min,
            who().label("who"),
            (func.length(func.coalesce(consultation.c.notes, "")) > 0).label("has_notes"),
        ]
    ).where(consultation.c.id.in_(ids))
    with ws.store.connect() as conn:
        rows = {r.id: r for r in conn.execute(query)}
        parts = store_records.consultation_parts(conn, list(rows))
    lines = []
    for cid in ids:
        r = rows.get(cid)
        if r is None:
            continue
        topics, referrals = parts[cid]
        lines.append(
            ConsultationLine(
                id=r.id,
                occurred_on=r.occurred_on,
                municipality=r.municipality,
                kind=r.kind,
                program=r.program,
                duration_min=r.duration_min,
                who=r.who,
                topics=topics,
                referrals=tuple(t for t, _a, _o in referrals),
                has_notes=bool(r.has_notes),
            )
        )
    return lines


@dataclass(frozen=True, slots=True)
class CaseChoice:
    """An entry of the client/case picker."""

    case_id: str | None
    client_id: str | None
    label: str
    municipality: str | None
    program: str | None


def case_choices(ws: Workspace) -> list[CaseChoice]:
    """Open cases (with their client) and clients without an open case, for the picker."""
    name = client_name()
    cases = (
        select(case.c.id, case.c.client_id, name.label("name"), case.c.legacy_ref,
               case.c.municipality, case.c.program, case.c.opened_on)
        .select_from(case.outerjoin(client, client.c.id == case.c.client_id))
        .where(case.c.deleted.is_(False), case.c.closed_on.is_(None))
        .order_by(name, case.c.legacy_ref, case.c.opened_on)
    )  # fmt: skip
    open_case_clients = select(case.c.client_id).where(
        case.c.deleted.is_(False), case.c.closed_on.is_(None), case.c.client_id.is_not(None)
    )
    loose = (
        select(client.c.id, name.label("name"), client.c.municipality)
        .where(client.c.deleted.is_(False), client.c.id.not_in(open_case_clients))
        .order_by(name)
    )
    choices = []
    with ws.store.connect() as conn:
        for r in conn.execute(cases):
            who = r.name or r.legacy_ref or "Fall ohne Namen"
            ref = f" [{r.legacy_ref}]" if r.legacy_ref and r.name else ""
            label = f"{who}{ref} – Fall seit {r.opened_on:%d.%m.%Y}"
            choices.append(CaseChoice(r.id, r.client_id, label, r.municipality, r.program))
        for r in conn.execute(loose):
            if r.name:
                choices.append(CaseChoice(None, r.id, f"{r.name} – ohne offenen Fall",
                                          r.municipality, None))  # fmt: skip
    return choices
