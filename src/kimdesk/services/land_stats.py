"""The Land's statistics (issue 20): for one reporting period, each county's figures as its
current report gave them (``by_county``), the same keys summed over the counties
(``stats.land``), and rates per 10,000 inhabitants where a county's profile carries its
population. ``kimdesk stats`` at the Land prints, writes and charts this dict as the office
does its own; docs/statistics.md, "An der Landesstelle".

The filters are the office's, as far as the reports allow: ``--period`` chooses the reporting
period (the reports are of whole periods, so ``--from``/``--to`` are refused), ``--municipality``
a county (the Land's places are the counties); the reports are not split by program.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from sqlalchemy import select

from kimdesk.domain.catalog import Catalog, CatalogEntry
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.periods import Period, parse_period
from kimdesk.domain.text import printable
from kimdesk.stats import land
from kimdesk.stats.report import REPORT_VERSION
from kimdesk.store.models import CountyReport

from .profile import county_name, kim_counties, kim_county
from .trust import trusted_peers
from .workspace import Workspace, require_role

_report = CountyReport.__table__


def land_statistics(ws: Workspace, *, period: str | None = None, county: str | None = None,
                    today: date | None = None) -> dict:  # fmt: skip
    """The Land's figures for ``period`` (default: the latest one reported), of every county
    or of one (AGS or name)."""
    require_role(ws, Role.LAND, "Die Statistik der Landesstelle")
    with ws.store.connect() as conn:
        offices = {p.installation_id: p.name
                   for p in trusted_peers(ws.installation, conn, role=Role.OFFICE)}  # fmt: skip
        current = conn.execute(
            select(_report.c.ags, _report.c.period, _report.c.seq, _report.c.received_at,
                   _report.c.office_id, _report.c.document)
            .where(_report.c.replaced_by.is_(None)).order_by(_report.c.ags)
        ).all()  # fmt: skip
    if not current:
        raise KimdeskError("Die Landesstelle hat noch keinen Kreisbericht eingelesen "
                           "(kimdesk merge --store … BERICHT.kiml).")  # fmt: skip
    ags = kim_county(county) if county else None
    mine = [r for r in current if ags in (None, r.ags)]
    chosen = parse_period(period, today=today) if period else _latest(mine or current, today)
    rows = [r for r in mine if r.period == chosen.key]
    if not rows:
        reported = sorted({r.period for r in mine or current})
        whose = f" von {county_name(ags)}" if ags else ""
        raise KimdeskError(f"Für {chosen.label} liegt kein Kreisbericht{whose} vor; "
                           f"Berichte gibt es für {', '.join(reported)}.")  # fmt: skip
    documents = {r.ags: json.loads(r.document) for r in rows}
    by_county = {a: d["figures"] for a, d in documents.items()}
    summed, incomplete = land.combine(by_county)
    population = {a: d["county"].get("population") for a, d in documents.items()}
    received = {r.ags: r for r in rows}
    return {
        "report_version": REPORT_VERSION,
        "generated_at": utc_now().isoformat(timespec="seconds"),
        "filters": {
            "from": chosen.start.isoformat(),
            "to": chosen.end.isoformat(),
            "municipality": ags,
            "program": None,
            "period": chosen.key,
        },  # fmt: skip
        "publication": True,
        "profile": {
            "profile": ws.catalog.profile,
            "name": ws.catalog.name,
            "county": ws.catalog.county,
        },  # fmt: skip
        "period": {"key": chosen.key, "label": chosen.label},
        "counties": {a: _about(d, received[a], offices) for a, d in documents.items()},
        "missing": [] if ags else sorted(set(kim_counties()) - set(documents)),
        # counties without a report for the period, with reports of another kind that year
        "other_periods": _other_periods(mine, chosen, set(documents)),
        # the counties' municipalities by name, as their reports named them
        "places": {
            code: name
            for d in documents.values()
            for code, name in sorted(d["county"].get("places", {}).items())
        },  # fmt: skip
        **summed,
        "incomplete": incomplete,
        "rates": land.rates(by_county, population),
        "by_county": by_county,
    }


def labels(ws: Workspace, report: dict) -> Catalog:
    """The Land's catalog with the counties' municipalities of ``report`` (their names as the
    reports gave them): for the tables and charts of the Land's figures."""
    catalog = ws.catalog
    known = set(catalog.codes("municipality", active_only=False))
    added = tuple(
        CatalogEntry("municipality", code, name, name, parent=code[:5] + "000")
        for code, name in report.get("places", {}).items()
        if code not in known
    )
    return replace(catalog, entries=catalog.entries + added)


def _about(document: dict, row, offices: dict[str, str]) -> dict:
    """A county's report: named as the Land knows the county and the office it enrolled."""
    county, period = document["county"], document["period"]
    return {
        "name": county_name(row.ags),
        "office": printable(offices.get(row.office_id, row.office_id), 80),
        "report": row.seq,
        "created_at": document.get("created_at"),
        "received_at": row.received_at.isoformat(timespec="seconds"),
        "complete": period.get("complete"),
        "profile": county.get("profile"),
        "profile_version": county.get("profile_version"),
        "population": county.get("population"),
        "min_count": document.get("min_count"),
    }


def _latest(current, today: date | None) -> Period:
    """The period reported last: one that is over before one still running, the latest
    end, and of those the one most counties sent (then the longer one)."""
    periods = {r.period: parse_period(r.period) for r in current}
    counts = {key: sum(r.period == key for r in current) for key in periods}
    day = today or date.today()
    return max(periods.values(),
               key=lambda p: (p.ended_by(day), p.end, counts[p.key], p.months))  # fmt: skip


def _other_periods(current, chosen: Period, reported: set[str]) -> dict[str, list[str]]:
    """Counties without a report for ``chosen`` that reported other periods of its year."""
    found: dict[str, set[str]] = {}
    for row in current:
        if row.ags not in reported and row.period != chosen.key and row.period.startswith(
                str(chosen.year)):  # fmt: skip
            found.setdefault(row.ags, set()).add(row.period)
    return {ags: sorted(keys) for ags, keys in sorted(found.items())}
