"""Who is reached and with what result: the figures the Land and the federal migration
counselling (MBE) report first. Aggregates in the database, as every statistic here.

- ``reached``: the persons with a consultation in the period — distinct clients (of the
  consultation, or of its case), and each consultation without a client as one person about
  whom nothing is known — by gender, age group, nationality (top 10 and the rest), residence
  group and arrival band; the cases reached by their access route; the share of
  consultations with language mediation.
- ``outcomes``: the goals of the cases active in the period by topic and status, cases closed
  in the period by reason, and the days from opening to closing (median and 75th percentile,
  nearest rank).
"""

from __future__ import annotations

import math
from datetime import date

from sqlalchemy import and_, case, distinct, extract, func, literal, or_, select
from sqlalchemy.engine import Connection

from kimdesk.store.models import CaseRow, ClientRow, ConsultationRow, GoalRow

from . import queries
from .filters import Filters
from .percent import pct, shares

consultation = ConsultationRow.__table__
case_file = CaseRow.__table__
client = ClientRow.__table__
goal = GoalRow.__table__

UNKNOWN = "unknown"
OTHER = "other"
TOP_NATIONALITIES = 10
NO_MEDIATION = "keine"


def _through_case():
    return consultation.outerjoin(
        case_file, and_(consultation.c.case_id == case_file.c.id, case_file.c.deleted.is_(False))
    )


_PERSON = func.coalesce(consultation.c.client_id, case_file.c.client_id)


def age_group_of(today: date):
    """The age group of a client: from the birth date (a device) on ``today``, else the group
    stored with the record (a bundle's, or a list's), else unknown."""
    born = client.c.birth_date
    later_in_year = (
        extract("month", born) * 100 + extract("day", born) > today.month * 100 + today.day
    )
    years = literal(today.year) - extract("year", born) - case((later_in_year, 1), else_=0)
    by_birth = case(
        (years < 18, "<18"), (years <= 26, "18-26"), (years <= 44, "27-44"),
        (years <= 64, "45-64"), else_="65+",
    )  # fmt: skip
    return case((born.is_not(None), by_birth), else_=func.coalesce(client.c.age_group, UNKNOWN))


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def reached(conn: Connection, f: Filters, today: date, cells: list | None = None) -> dict:
    """Persons, cases and language mediation of the consultations of ``f``; ``cells`` is
    the consultation cube (``queries.cube``), if the caller has it already."""
    where = queries.scanned_consultations(f)
    known, unknown = conn.execute(
        select(
            func.count(distinct(_PERSON)),
            func.count(case((_PERSON.is_(None), 1))),
        )
        .select_from(_through_case())
        .where(where)
    ).one()
    persons = known + unknown
    people = select(_PERSON).select_from(_through_case()).where(where, _PERSON.is_not(None))
    columns = {
        "by_gender": client.c.gender,
        "by_age_group": age_group_of(today),
        "by_nationality": client.c.nationality,
        "by_residence": client.c.residence_group,
        "by_arrival": client.c.arrival_band,
    }
    # One pass over the persons: their attributes together, added up per attribute below.
    tables: dict[str, dict[str, int]] = {name: {} for name in columns}
    for *values, n in conn.execute(
        select(*columns.values(), func.count())
        .where(client.c.deleted.is_(False), client.c.id.in_(people))
        .group_by(*columns.values())
    ):
        for name, value in zip(columns, values, strict=True):
            counts = tables[name]
            counts[str(value or UNKNOWN)] = counts.get(str(value or UNKNOWN), 0) + n
    for counts in tables.values():
        described = sum(counts.values())
        if persons - described:  # without a client, or whose client was deleted
            counts[UNKNOWN] = counts.get(UNKNOWN, 0) + persons - described

    nationality = _ranked(tables["by_nationality"])
    top = dict(list(nationality.items())[:TOP_NATIONALITIES])
    rest = sum(list(nationality.values())[TOP_NATIONALITIES:])
    if rest:
        top[OTHER] = rest
    return {
        "persons": persons,
        "known": known,
        "unknown": unknown,
        "by_gender": shares(_ranked(tables["by_gender"]), persons),
        "by_age_group": shares(tables["by_age_group"], persons),
        "by_nationality": shares(top, persons),
        "by_residence": shares(_ranked(tables["by_residence"]), persons),
        "by_arrival": shares(tables["by_arrival"], persons),
        **_access(conn, where),
        "language_mediation": _mediation(conn, f, cells),
    }


def _access(conn: Connection, where) -> dict:
    """The cases reached (a consultation in the period) by the way they came."""
    reached_cases = (
        select(consultation.c.case_id)
        .where(where, consultation.c.case_id.is_not(None))
        .distinct()
        .subquery()
    )
    counts = {
        str(route or UNKNOWN): n
        for route, n in conn.execute(
            select(case_file.c.access_route, func.count())
            .select_from(case_file.join(reached_cases, case_file.c.id == reached_cases.c.case_id))
            .where(case_file.c.deleted.is_(False))
            .group_by(case_file.c.access_route)
        )
    }
    total = sum(counts.values())
    return {"cases": total, "by_access_route": shares(_ranked(counts), total)}


def _mediation(conn: Connection, f: Filters, cells: list | None) -> dict:
    """Consultations with language mediation (any but "keine"), and by kind of mediation."""
    counts: dict = {}
    for cell in queries.cube(conn, f) if cells is None else cells:
        counts[cell.mediation] = counts.get(cell.mediation, 0) + cell.n
    total = sum(counts.values())
    used = {str(k): n for k, n in counts.items() if k and k != NO_MEDIATION}
    with_mediation = sum(used.values())
    return {
        "consultations": total,
        "with": with_mediation,
        "pct": pct(with_mediation, total),
        "by_kind": shares(_ranked(used), total),
    }


# -- outcomes -----------------------------------------------------------------------------------


def _case_where(f: Filters) -> list:
    where = [case_file.c.deleted.is_(False), *f.origin(case_file)]
    if f.municipality:
        where.append(case_file.c.municipality == f.municipality)
    if f.program:
        where.append(case_file.c.program == f.program)
    return where


def _days(conn: Connection):
    """Days from opening to closing, portable (SQLite has no date subtraction)."""
    if conn.dialect.name == "sqlite":
        return func.julianday(case_file.c.closed_on) - func.julianday(case_file.c.opened_on)
    return case_file.c.closed_on - case_file.c.opened_on


def outcomes(conn: Connection, f: Filters) -> dict:
    where = _case_where(f)
    active = list(where)
    if f.date_to:
        active.append(case_file.c.opened_on <= f.date_to)
    if f.date_from:
        active.append(or_(case_file.c.closed_on.is_(None), case_file.c.closed_on >= f.date_from))
    goals: dict[str, dict[str, int]] = {}
    for topic, status, n in conn.execute(
        select(goal.c.topic, goal.c.status, func.count())
        .select_from(goal.join(case_file, goal.c.case_id == case_file.c.id))
        .where(goal.c.deleted.is_(False), *active)
        .group_by(goal.c.topic, goal.c.status)
        .order_by(goal.c.topic, goal.c.status)
    ):
        goals.setdefault(topic, {})[status] = n
    by_topic = {t: {**s, "total": sum(s.values())} for t, s in goals.items()}
    closed = [*where, case_file.c.closed_on.is_not(None), *f.period(case_file.c.closed_on)]
    by_reason = {
        str(reason or UNKNOWN): n
        for reason, n in conn.execute(
            select(case_file.c.closure_reason, func.count())
            .where(*closed)
            .group_by(case_file.c.closure_reason)
        )
    }
    days = _days(conn)
    histogram = sorted(
        (int(round(d)), n)
        for d, n in conn.execute(select(days, func.count()).where(*closed).group_by(days))
    )
    return {
        "goals_by_status": dict(sorted(by_topic.items())),
        "goals_total": sum(t["total"] for t in by_topic.values()),
        "closed_by_reason": _ranked(by_reason),
        "closed": sum(by_reason.values()),
        "case_days": _percentiles(histogram),
    }


def _percentiles(histogram: list[tuple[int, int]]) -> dict:
    """Median and 75th percentile by nearest rank (the value at rank ⌈p·n⌉)."""
    n = sum(count for _, count in histogram)

    def at(p: float) -> int | None:
        if not n:
            return None
        rank, seen = math.ceil(p * n), 0
        for value, count in histogram:
            seen += count
            if seen >= rank:
                return value
        return histogram[-1][0]

    return {"cases": n, "median": at(0.5), "p75": at(0.75)}
