"""The shape of a county report's figures (format 1), as the Land checks it before it adds a
county to its sums (issue 20, docs/report-format.md, "The shape of the figures").

A signed report is believed to come from its office, not to be well made: an office's key may
sign anything. So the Land takes figures only in exactly the shape ``kimdesk stats`` gives
them — every key in its place, every count a whole number from 0 or the hidden marker, every
share a percentage, every code a code — and refuses anything else with the first path that
is wrong. No figure of a refused report reaches the Land's tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kimdesk.domain.text import printable
from kimdesk.stats.report import HIDDEN

#: A count: 0 to a billion, or hidden.
COUNT = "count"
#: A share in percent (0–100, one decimal) or none (hidden with its count).
PCT = "pct"
#: A number of days (median, 75th percentile) or none.
DAYS = "days"
#: A code: catalog code, AGS, month, age group — never free text (as the JSON Schema says).
CODE = "code"

_CODE = re.compile(r"[A-Za-z0-9_.:+<>-]{1,40}")
MAX_COUNT = 1_000_000_000
#: Rows of one table or list: a county's municipalities, codes or months are far fewer.
MAX_ROWS = 5_000


@dataclass(frozen=True)
class Table:
    """Rows keyed by code, each of the shape ``row``."""

    row: object


@dataclass(frozen=True)
class Rows:
    """A list, each item of the shape ``item``."""

    item: object


@dataclass(frozen=True)
class Maybe:
    """``shape``, or none."""

    shape: object


SHARE = {"n": COUNT, "pct": PCT}
MONTH = {"individual": COUNT, "group_sessions": COUNT}
PLACE = {"municipality": CODE, "format": CODE, "held": COUNT, "cancelled": COUNT,
         "participants": COUNT}  # fmt: skip

FIGURES = {
    "consultations": {
        "total": COUNT, "by_kind": Table(COUNT), "by_kind_pct": Table(PCT),
        "by_year": Table(Table(COUNT)), "by_municipality": Table(Table(COUNT)),
        "by_month": Table(MONTH), "muki_by_month": Table(MONTH),
    },
    "referrals": {"total": COUNT, "consultations_with_referral": COUNT, "accompanied": COUNT,
                  "by_target": Table(SHARE)},
    "topics": {"mentions": COUNT, "by_topic": Table(SHARE), "top5": Maybe(Rows(CODE))},
    "cases": {"opened": COUNT, "closed": COUNT, "active_at_end": COUNT,
              "closed_by_reason": Table(COUNT), "active_by_phase": Table(COUNT)},
    "group_offers": {"offers": COUNT, "participants": COUNT, "sessions_held": COUNT,
                     "sessions_cancelled": COUNT, "by_place": Rows(PLACE),
                     "by_place_month": Rows({**PLACE, "month": CODE})},
    "structural_needs": {"total": COUNT, "by_status": Table(COUNT)},
    "staffing": {"installations": COUNT, "municipalities": COUNT,
                 "municipality_codes": Rows(CODE)},
    "reached": {
        "persons": COUNT, "known": COUNT, "unknown": COUNT, "cases": COUNT,
        "by_gender": Table(SHARE), "by_age_group": Table(SHARE), "by_nationality": Table(SHARE),
        "by_residence": Table(SHARE), "by_arrival": Table(SHARE), "by_access_route": Table(SHARE),
        "language_mediation": {"consultations": COUNT, "with": COUNT, "pct": PCT,
                               "by_kind": Table(SHARE)},
    },
    "outcomes": {"goals_total": COUNT, "goals_by_status": Table(Table(COUNT)), "closed": COUNT,
                 "closed_by_reason": Table(COUNT),
                 "case_days": {"cases": COUNT, "median": DAYS, "p75": DAYS}},
    "suppression": {"min_count": COUNT, "hidden": COUNT},
}  # fmt: skip


def shape_problem(figures) -> str | None:
    """Where ``figures`` is not in the shape of a county report (a German phrase naming the
    path), or None."""
    return _problem(figures, FIGURES, "figures")


def _problem(value, shape, path: str) -> str | None:
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return f"{path} ist keine Tabelle"
        if set(value) != set(shape):
            odd = sorted(set(value) ^ set(shape), key=str)[0]
            return f"{path} hat nicht die Teile eines Kreisberichts ({_cut(odd)})"
        return next((p for k, s in shape.items()
                     if (p := _problem(value[k], s, f"{path}/{k}"))), None)  # fmt: skip
    if isinstance(shape, Table | Rows):
        container = dict if isinstance(shape, Table) else list
        if not isinstance(value, container) or len(value) > MAX_ROWS:
            return f"{path} ist keine Tabelle mit höchstens {MAX_ROWS} Zeilen"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        row = shape.row if isinstance(shape, Table) else shape.item
        for key, item in items:
            if isinstance(shape, Table) and not _is_code(key):
                return f"{path} hat eine Zeile, die kein Code ist ({_cut(key)})"
            found = _problem(item, row, f"{path}/{_cut(key)}")
            if found:
                return found
        return None
    if isinstance(shape, Maybe):
        return None if value is None else _problem(value, shape.shape, path)
    if _leaf_fits(value, shape):
        return None
    return f"{path} ist kein{_WHAT[shape]}"


_WHAT = {COUNT: "e Anzahl", PCT: " Anteil in Prozent", DAYS: "e Zahl von Tagen", CODE: " Code"}


def _leaf_fits(value, shape: str) -> bool:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if shape == COUNT:
        return value == HIDDEN or (type(value) is int and 0 <= value <= MAX_COUNT)
    if shape == PCT:
        return value is None or (number and 0 <= value <= 100)
    if shape == DAYS:
        return value is None or (number and 0 <= value <= 100_000)
    return _is_code(value)


def _is_code(value) -> bool:
    return isinstance(value, str) and _CODE.fullmatch(value) is not None


def _cut(key) -> str:
    return f"„{printable(str(key), 40)}“"
