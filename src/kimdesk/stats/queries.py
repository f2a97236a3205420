"""S1–S12 of docs/statistics.md as aggregates of the database (SQLAlchemy Core, portable SQL).

Nothing here loads records to count them in Python: the database returns counts. The
consultations are counted once, as a cube (month × municipality × kind × program × language
mediation × installation: some thousand cells, whatever the number of consultations), and S1, S2, S5, S6,
S10 and the language mediation add up its cells; on SQLite an index of exactly those columns
(``ix_consultation_cube``) lets the database group without sorting. Topics and referrals
count per catalog code in one pass each (a sum per code, no sort). Tombstoned records never
count; topics and referrals count through their live consultation. Periods apply to the date
of the consultation, the session, the report.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import and_, case, extract, func, literal_column, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join

from kimdesk.store.models import (
    CaseRow,
    CatalogEntryRow,
    ConsultationRow,
    ConsultationTopicRow,
    GroupOfferRow,
    GroupSessionRow,
    ReferralRow,
    StructuralNeedRow,
)
from kimdesk.store.owners import record_owner
from kimdesk.store.planner import live

from .filters import Filters
from .percent import pct, shares, top

consultation = ConsultationRow.__table__
topic = ConsultationTopicRow.__table__
referral = ReferralRow.__table__
case_file = CaseRow.__table__
offer = GroupOfferRow.__table__
session = GroupSessionRow.__table__
need = StructuralNeedRow.__table__
entry = CatalogEntryRow.__table__

KINDS = ("einmalig", "cm")


def _filtered(
    f: Filters, table, *, place=None, program=None, period=None, program_code: str | None = None
) -> list:
    """The filters' conditions on one table: its live rows of the chosen installation, in the
    period (on the date column ``period``), the municipality and programme (on ``place`` and
    ``program``, the columns that hold them; ``program_code`` instead of the filters' one)."""
    conditions = [table.c.deleted.is_(False), *f.origin(table)]
    if period is not None:
        conditions.extend(f.period(period))
    if place is not None and f.municipality:
        conditions.append(place == f.municipality)
    program_code = program_code or f.program
    if program is not None and program_code:
        conditions.append(program == program_code)
    return conditions


def _consultation_where(f: Filters, program: str | None = None, live=None):
    conditions = _filtered(
        f, consultation, place=consultation.c.municipality, program=consultation.c.program,
        period=consultation.c.occurred_on, program_code=program,
    )  # fmt: skip
    if live is not None:
        conditions[0] = live
    return and_(*conditions)


class ConsultationsFirst(Join):
    """``consultation JOIN part``, which SQLite runs as written (a CROSS JOIN): along the
    consultations, the parts of each found in the part's own index. Its planner would
    otherwise walk the parts and look up each consultation (twice as slow)."""

    inherit_cache = True


@compiles(ConsultationsFirst, "sqlite")
def _cross_join(join, compiler, **kw) -> str:
    kw["asfrom"] = True
    left = join.left._compiler_dispatch(compiler, **kw)
    right = join.right._compiler_dispatch(compiler, **kw)
    on = join.onclause._compiler_dispatch(compiler, **kw)
    return f"{left} CROSS JOIN {right} ON {on}"


def scanned_consultations(f: Filters):
    """The consultations of the filters, for counting their parts or the people reached. SQLite
    would find them through the cube index (in month order, from all over the table): here
    ``deleted`` takes no index, so it reads them in the table's order."""
    return _consultation_where(f, live=live(consultation))


def _session_where(f: Filters, program: str | None = None):
    conditions = _filtered(
        f, session, place=offer.c.municipality, program=offer.c.program,
        period=session.c.held_on, program_code=program,
    )  # fmt: skip
    return and_(offer.c.deleted.is_(False), *conditions)


class Cell(NamedTuple):
    """One cell of the consultation cube: how many consultations share these values."""

    month: str  # "2023-03"
    municipality: str
    kind: str
    program: str
    mediation: str | None
    origin: str  # the installation that recorded them
    n: int


def month_of(conn: Connection, column):
    """``"YYYY-MM"`` of a date column, written as the cube index has it on SQLite."""
    if conn.dialect.name == "sqlite":  # literal 1 and 7: bound values would not match the index
        return func.substr(column, literal_column("1"), literal_column("7"))
    return func.to_char(column, literal_column("'YYYY-MM'"))


def cube(conn: Connection, f: Filters) -> list[Cell]:
    """The consultations of the filters, counted by month, municipality, kind, program,
    language mediation and installation."""
    c = consultation.c
    month = month_of(conn, c.occurred_on)
    keys = (month, c.municipality, c.kind, c.program, c.language_mediation, c.origin)
    query = select(*keys, func.count()).where(_consultation_where(f)).group_by(*keys)
    cells = [Cell(*row) for row in conn.execute(query).all()]
    return _to_owners(conn, f, cells, keys)


def _to_owners(conn: Connection, f: Filters, cells: list[Cell], keys) -> list[Cell]:
    """The office's versions of a device's consultations (a settled conflict) count for the
    device, as its own do: moved to their owner's cells. Few rows: read through
    ``record_owner``, not the consultations."""
    owner = record_owner.c.owner
    moved = conn.execute(
        select(*keys, owner, func.count())
        .select_from(record_owner.join(consultation, consultation.c.id == record_owner.c.record_id))
        .where(_consultation_where(f), consultation.c.origin != owner)
        .group_by(*keys, owner)
    ).all()  # fmt: skip
    if not moved:
        return cells
    counts = {tuple(cell[:-1]): cell.n for cell in cells}
    for *place, origin, to, n in moved:  # out of the office's cell, into the owner's
        counts[(*place, origin)] -= n
        counts[(*place, to)] = counts.get((*place, to), 0) + n
    return [Cell(*k, n) for k, n in counts.items() if n]


def consultations(conn: Connection, f: Filters, cells: list[Cell] | None = None) -> dict:
    """S1 per year, S2 by kind, S6 per municipality, S5 per month: sums of the cube."""
    cells = cube(conn, f) if cells is None else cells
    by_kind = dict.fromkeys(KINDS, 0)
    by_year: dict[str, dict[str, int]] = {}
    by_municipality: dict[str, dict[str, int]] = {}
    for cell in cells:
        by_kind[cell.kind] = by_kind.get(cell.kind, 0) + cell.n
        for table, key in ((by_year, cell.month[:4]), (by_municipality, cell.municipality)):
            entry = table.setdefault(key, {"einmalig": 0, "cm": 0, "total": 0})
            if cell.kind in entry:
                entry[cell.kind] += cell.n
            entry["total"] += cell.n
    total = sum(by_kind.values())
    years = _span(f, by_year, lambda key: (int(key), 1))
    by_year = {str(y): by_year.get(str(y), {"einmalig": 0, "cm": 0, "total": 0})
               for y in range(years[0][0], years[1][0] + 1)} if years else {}  # fmt: skip
    months = by_month(conn, f, cells)
    return {
        "total": total,
        "by_kind": by_kind,
        "by_kind_pct": {k: pct(n, total) for k, n in by_kind.items()},
        "by_year": by_year,
        "by_municipality": dict(sorted(by_municipality.items())),
        "by_month": months,
        "muki_by_month": by_month(conn, f, cells, program="muki", keys=list(months)),
    }


def _month_key(y, m) -> str:
    return f"{int(y):04d}-{int(m):02d}"


def _span(f: Filters, found: dict, month_of) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (year, month) range a time axis covers: the period, or where it is open, the first
    and last month that has data; None for an open period without data."""
    months = sorted(month_of(key) for key in found)
    first = (
        (f.date_from.year, f.date_from.month) if f.date_from else (months[0] if months else None)
    )
    last = (f.date_to.year, f.date_to.month) if f.date_to else (months[-1] if months else None)
    if first is None or last is None or first > last:
        return None
    return first, last


def _months(span) -> list[str]:
    (y, m), last = span
    keys = []
    while (y, m) <= last:
        keys.append(_month_key(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return keys


def by_month(
    conn: Connection,
    f: Filters,
    cells: list[Cell],
    program: str | None = None,
    keys: list[str] | None = None,
) -> dict:
    """S5: individual consultations (from the cube) and held group sessions per month, every
    month of the period (or of ``keys``, the months of another series to line up with)."""
    months: dict[str, dict[str, int]] = {}
    for cell in cells:
        if program is None or cell.program == program:
            entry = months.setdefault(cell.month, {"individual": 0, "group_sessions": 0})
            entry["individual"] += cell.n
    sy, sm = extract("year", session.c.held_on), extract("month", session.c.held_on)
    query = (
        select(sy, sm, func.count())
        .select_from(session.join(offer, session.c.offer_id == offer.c.id))
        .where(_session_where(f, program), session.c.status == "held")
        .group_by(sy, sm)
    )
    other_program = program and f.program and program != f.program  # nothing of it is shown
    for yy, mm, n in [] if other_program else conn.execute(query):
        months.setdefault(_month_key(yy, mm), {"individual": 0, "group_sessions": 0})[
            "group_sessions"
        ] = n
    # Every month of the period, zero where nothing happened: a gap is a month, not nothing.
    if keys is None:
        span = _span(f, months, lambda key: (int(key[:4]), int(key[5:])))
        keys = _months(span) if span else []
    return {key: months.get(key, {"individual": 0, "group_sessions": 0}) for key in keys}


def _count_parts(
    conn: Connection, f: Filters, part, key, catalog: str, *extra
) -> tuple[dict[str, int], tuple]:
    """Counts of a consultation part (topic, referral) by ``key``, through live consultations,
    and the ``extra`` aggregates over the same rows.

    One pass, one sum per code of the store's ``catalog`` (a GROUP BY would sort every row);
    codes outside the catalog, should a store hold any, are grouped separately."""
    codes = list(conn.execute(select(entry.c.code).where(entry.c.catalog == catalog)).scalars())
    through = ConsultationsFirst(consultation, part, part.c.consultation_id == consultation.c.id)
    if conn.dialect.name == "sqlite":  # a comparison is 0 or 1: the cheapest sum per code
        sums = [func.total(key == code) for code in codes]
    else:
        sums = [func.coalesce(func.sum(case((key == code, 1), else_=0)), 0) for code in codes]
    row = conn.execute(
        select(func.count(), *extra, *sums).select_from(through).where(scanned_consultations(f))
    ).one()
    everything, others, found = row[0], tuple(row[1 : 1 + len(extra)]), row[1 + len(extra) :]
    counts = {code: int(n) for code, n in zip(codes, found, strict=True) if n}
    if sum(counts.values()) != everything:
        rest = (
            select(key, func.count())
            .select_from(through)
            .where(_consultation_where(f), key.not_in(codes))
            .group_by(key)
        )
        counts.update(conn.execute(rest).all())
    return counts, others


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def referrals(conn: Connection, f: Filters) -> dict:
    """S3: referrals by target, absolute and % of all referrals."""
    counts, (accompanied, with_referral) = _count_parts(
        conn, f, referral, referral.c.target, "referral_target",
        func.count(case((referral.c.accompanied.is_(True), 1))),
        func.count(case((referral.c.pos == 0, 1))),  # each consultation's first referral
    )  # fmt: skip
    total = sum(counts.values())
    return {
        "total": total,
        "accompanied": accompanied,
        "by_target": shares(_by_count(counts), total),
        "consultations_with_referral": with_referral,
    }


def topics(conn: Connection, f: Filters) -> dict:
    """S4: topic mentions (consultation × topic), absolute and %, and the top five."""
    counts, _ = _count_parts(conn, f, topic, topic.c.topic, "topic")
    mentions = sum(counts.values())
    return {
        "mentions": mentions,
        "by_topic": shares(_by_count(counts), mentions),
        "top5": top(counts),
    }


def cases(conn: Connection, f: Filters) -> dict:
    """S9: opened and closed (by reason) in the period, active at its end, by phase."""
    base = _filtered(f, case_file, place=case_file.c.municipality, program=case_file.c.program)
    opened = conn.execute(
        select(func.count()).where(*base, *f.period(case_file.c.opened_on))
    ).scalar()
    closed_rows = conn.execute(
        select(case_file.c.closure_reason, func.count())
        .where(*base, case_file.c.closed_on.is_not(None), *f.period(case_file.c.closed_on))
        .group_by(case_file.c.closure_reason)
    ).all()
    closed_by_reason = {str(reason or "unknown"): n for reason, n in sorted(closed_rows, key=str)}
    active = [*base]
    if f.date_to:
        active += [
            case_file.c.opened_on <= f.date_to,
            or_(case_file.c.closed_on.is_(None), case_file.c.closed_on > f.date_to),
        ]
    else:
        active.append(case_file.c.closed_on.is_(None))
    by_phase = dict(
        conn.execute(
            select(case_file.c.phase, func.count())
            .where(*active)
            .group_by(case_file.c.phase)
            .order_by(case_file.c.phase)
        ).all()
    )
    return {
        "opened": opened,
        "closed": sum(closed_by_reason.values()),
        "closed_by_reason": closed_by_reason,
        "active_at_end": sum(by_phase.values()),
        "active_by_phase": by_phase,
    }


def _session_sums(conn: Connection, f: Filters, *keys) -> list[tuple]:
    """Per ``keys``: sessions held, cancelled, and participants of held sessions."""
    held = case((session.c.status == "held", 1), else_=0)
    cancelled = case((session.c.status == "cancelled", 1), else_=0)
    participants = case((session.c.status == "held", session.c.participants), else_=0)
    query = (
        select(*keys, func.sum(held), func.sum(cancelled), func.sum(participants))
        .select_from(session.join(offer, session.c.offer_id == offer.c.id))
        .where(_session_where(f))
        .group_by(*keys)
        .order_by(*keys)
    )
    return [
        (*row[: len(keys)], *(int(v or 0) for v in row[len(keys) :])) for row in conn.execute(query)
    ]


def group_offers(conn: Connection, f: Filters) -> dict:
    """S7: sessions held and cancelled, participants, per place and month (and format)."""
    y, m = extract("year", session.c.held_on), extract("month", session.c.held_on)
    place = (offer.c.municipality, offer.c.format)
    rows = [
        {"municipality": mun, "format": fmt, "month": _month_key(yy, mm), "held": h,
         "cancelled": c, "participants": p}
        for mun, fmt, yy, mm, h, c, p in _session_sums(conn, f, *place, y, m)
    ]  # fmt: skip
    by_place = [
        {"municipality": mun, "format": fmt, "held": h, "cancelled": c, "participants": p}
        for mun, fmt, h, c, p in _session_sums(conn, f, *place)
    ]
    offers_where = _filtered(f, offer, place=offer.c.municipality, program=offer.c.program)
    return {
        "offers": conn.execute(select(func.count()).where(*offers_where)).scalar(),
        "sessions_held": sum(r["held"] for r in rows),
        "sessions_cancelled": sum(r["cancelled"] for r in rows),
        "participants": sum(r["participants"] for r in rows),
        "by_place": by_place,
        "by_place_month": rows,
    }


def structural_needs(conn: Connection, f: Filters) -> dict:
    """S8: challenge -> solution -> status, and counts by status."""
    where = _filtered(f, need, place=need.c.municipality, period=need.c.reported_on)
    by_status = dict(
        conn.execute(
            select(need.c.status, func.count())
            .where(*where)
            .group_by(need.c.status)
            .order_by(need.c.status)
        ).all()
    )
    items = [
        {
            "reported_on": r.reported_on.isoformat(),
            "municipality": r.municipality,
            "topic": r.topic,
            "challenge": r.challenge,
            "affected_cases": r.affected_cases,
            "solution": r.solution,
            "status": r.status,
            "responsible_body": r.responsible_body,
        }
        for r in conn.execute(
            select(need).where(*where).order_by(need.c.reported_on, need.c.id).limit(1000)
        )
    ]
    return {"total": sum(by_status.values()), "by_status": by_status, "items": items}


def staffing(conn: Connection, f: Filters, cells: list[Cell] | None = None) -> dict:
    """S10: installations that recorded consultations, and municipalities served, in the period."""
    cells = cube(conn, f) if cells is None else cells
    municipalities = sorted({cell.municipality for cell in cells})
    return {
        "installations": len({cell.origin for cell in cells}),
        "municipalities": len(municipalities),
        "municipality_codes": municipalities,
    }
