"""The shape of a county report (format 1), as the Land checks it before it keeps a report
(issue 20, docs/report-format.md, "The shape of the report").

A signed report is believed to come from its office, not to be well made: an office's key may
sign anything. So the Land takes a report only in exactly the shape ``kimdesk report`` writes —
every key in its place and no other, every count a whole number from 0 or the hidden marker,
every share a percentage, each table's keys of their kind (an AGS, a month, a catalog code: no
text that could hold a name), a population a plausible number — and refuses anything else with
the first path that is wrong. No part of a refused report reaches the Land's store.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kimdesk.domain.catalog import load_land_profile
from kimdesk.domain.enums import AgeGroup, Gender, GoalStatus, NeedStatus, Phase
from kimdesk.domain.text import printable
from kimdesk.stats.report import HIDDEN

MAX_COUNT = 1_000_000_000
#: Rows of one table or list: a county's municipalities, codes or months are far fewer.
MAX_ROWS = 5_000
#: Values in one report: an honest one of a large county holds some ten thousand.
MAX_CELLS = 200_000


@dataclass(frozen=True)
class Leaf:
    fits: Callable[[object], bool]
    #: What it must be, in German ("eine Anzahl").
    what: str


def _matching(pattern: str, what: str) -> Leaf:
    compiled = re.compile(pattern)
    return Leaf(lambda v: isinstance(v, str) and compiled.fullmatch(v) is not None, what)


def _whole(low: int, high: int, what: str) -> Leaf:
    return Leaf(lambda v: type(v) is int and low <= v <= high, what)


def _number(low: float, high: float) -> Callable[[object], bool]:
    return lambda v: isinstance(v, int | float) and not isinstance(v, bool) and low <= v <= high


COUNT = Leaf(lambda v: v == HIDDEN or (type(v) is int and 0 <= v <= MAX_COUNT), "eine Anzahl")
PCT = Leaf(lambda v: v is None or _number(0, 100)(v), "ein Anteil in Prozent")
DAYS = Leaf(lambda v: v is None or _number(0, 100_000)(v), "eine Zahl von Tagen")
AGS = _matching(r"05[0-9]{6}", "ein AGS in NRW")
YEAR = _matching(r"20[0-9]{2}", "ein Jahr")
MONTH = _matching(r"20[0-9]{2}-(0[1-9]|1[0-2])", "ein Monat")


@cache
def vocabulary() -> frozenset[str]:
    """Every code a report's tables may be keyed by: the codes of the Land's catalog (the
    counties' template), the fixed codes of phases, goals, genders and needs, and ``unknown``,
    ``other``, ``total``. A code a county added to its profile reaches the Land once the
    Land's catalog has it; a name or file number never fits."""
    land = load_land_profile()
    codes = {e.code for e in land if e.catalog != "municipality"}
    for fixed in (Phase, GoalStatus, Gender, NeedStatus):
        codes |= {str(member) for member in fixed}
    return frozenset(codes | {"unknown", "other", "total"})


CODE = Leaf(lambda v: isinstance(v, str) and v in vocabulary(), "ein Code des Landes")
AGE = Leaf(lambda v: v in {str(a) for a in AgeGroup}, "eine Altersgruppe")
COUNTRY = _matching(r"[A-Z]{2}|other|unknown", "ein Staat")
NAME = Leaf(lambda v: isinstance(v, str) and 0 < len(v) <= 200 and printable(v, 200) == v,
            "ein Name")  # fmt: skip
PLACE_NAME = Leaf(lambda v: isinstance(v, str) and 0 < len(v) <= 100 and printable(v, 100) == v,
                  "ein Ortsname")  # fmt: skip
DAY = _matching(r"20[0-9]{2}-[0-9]{2}-[0-9]{2}", "ein Tag")
MOMENT = _matching(r"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,15}(Z|[+-][0-9]{2}:[0-9]{2})",
                   "eine Zeit mit Zeitzone")  # fmt: skip
PERIOD = _matching(r"20[0-9]{2}(-[HQhq][1-4])?", "ein Berichtszeitraum")
UUID = _matching(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "eine Kennung")
BOOL = Leaf(lambda v: isinstance(v, bool), "ja oder nein")


@dataclass(frozen=True)
class Table:
    """Rows keyed by ``key`` (a leaf), each of the shape ``row``, at most ``rows``."""

    row: object
    key: Leaf = CODE
    rows: int = MAX_ROWS


@dataclass(frozen=True)
class Rows:
    """A list, each item of the shape ``item``."""

    item: object


@dataclass(frozen=True)
class Maybe:
    """``shape``, or none."""

    shape: object


SHARE = {"n": COUNT, "pct": PCT}
BY_MONTH = Table({"individual": COUNT, "group_sessions": COUNT}, key=MONTH)
PLACE = {"municipality": AGS, "format": CODE, "held": COUNT, "cancelled": COUNT,
         "participants": COUNT}  # fmt: skip

FIGURES = {
    "consultations": {
        "total": COUNT, "by_kind": Table(COUNT), "by_kind_pct": Table(PCT),
        "by_year": Table(Table(COUNT), key=YEAR), "by_municipality": Table(Table(COUNT), key=AGS),
        "by_month": BY_MONTH, "muki_by_month": BY_MONTH,
    },
    "referrals": {"total": COUNT, "consultations_with_referral": COUNT, "accompanied": COUNT,
                  "by_target": Table(SHARE)},
    "topics": {"mentions": COUNT, "by_topic": Table(SHARE), "top5": Maybe(Rows(CODE))},
    "cases": {"opened": COUNT, "closed": COUNT, "active_at_end": COUNT,
              "closed_by_reason": Table(COUNT), "active_by_phase": Table(COUNT)},
    "group_offers": {"offers": COUNT, "participants": COUNT, "sessions_held": COUNT,
                     "sessions_cancelled": COUNT, "by_place": Rows(PLACE),
                     "by_place_month": Rows({**PLACE, "month": MONTH})},
    "structural_needs": {"total": COUNT, "by_status": Table(COUNT)},
    "staffing": {"installations": COUNT, "municipalities": COUNT,
                 "municipality_codes": Rows(AGS)},
    "reached": {
        "persons": COUNT, "known": COUNT, "unknown": COUNT, "cases": COUNT,
        "by_gender": Table(SHARE), "by_age_group": Table(SHARE, key=AGE),
        "by_nationality": Table(SHARE, key=COUNTRY), "by_residence": Table(SHARE),
        "by_arrival": Table(SHARE), "by_access_route": Table(SHARE),
        "language_mediation": {"consultations": COUNT, "with": COUNT, "pct": PCT,
                               "by_kind": Table(SHARE)},
    },
    "outcomes": {"goals_total": COUNT, "goals_by_status": Table(Table(COUNT)), "closed": COUNT,
                 "closed_by_reason": Table(COUNT),
                 "case_days": {"cases": COUNT, "median": DAYS, "p75": DAYS}},
    "suppression": {"min_count": _whole(2, 20, "eine Mindestfallzahl von 2 bis 20"),
                    "hidden": _whole(0, MAX_CELLS, "eine Zahl geheim gehaltener Werte")},
}  # fmt: skip

DOCUMENT = {
    "format": _matching(r"kimdesk-county-report", "das Format"),
    "version": _whole(1, 1, "die Version 1"),
    "county": {
        "ags": AGS, "name": NAME, "profile": _matching(r"[a-z0-9-]{1,64}", "ein Profil"),
        "profile_version": _whole(1, 1_000_000, "eine Profilversion"),
        "population": Maybe({
            "inhabitants": _whole(1, 30_000_000, "eine Einwohnerzahl von 1 bis 30.000.000"),
            "year": _whole(1990, 2100, "ein Jahr von 1990 bis 2100"),
        }),
        "places": Table(PLACE_NAME, key=AGS, rows=500),
    },
    "period": {"key": PERIOD, "from": DAY, "to": DAY, "complete": BOOL},
    "office": {"installation_id": UUID, "name": NAME},
    "created_at": MOMENT,
    "min_count": _whole(2, 20, "eine Mindestfallzahl von 2 bis 20"),
    "figures": FIGURES,
}  # fmt: skip


def shape_problem(document) -> str | None:
    """Where ``document`` is not in the shape of a county report of format 1 (a German phrase
    naming the path), or None."""
    cells = [0]
    try:
        return _problem(document, DOCUMENT, "", cells)
    except _TooLarge:
        return f"er hat mehr als {MAX_CELLS:,} Werte".replace(",", ".")


class _TooLarge(Exception):
    pass


def _problem(value, shape, path: str, cells: list[int]) -> str | None:
    cells[0] += 1
    if cells[0] > MAX_CELLS:
        raise _TooLarge
    here = path.lstrip("/") or "der Bericht"
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return f"{here} ist keine Tabelle"
        if set(value) != set(shape):
            odd = sorted(set(value) ^ set(shape), key=str)[0]
            return f"{here} hat nicht die Teile eines Kreisberichts ({_cut(odd)})"
        return next((p for k, s in shape.items()
                     if (p := _problem(value[k], s, f"{path}/{k}", cells))), None)  # fmt: skip
    if isinstance(shape, Table | Rows):
        container = dict if isinstance(shape, Table) else list
        most = shape.rows if isinstance(shape, Table) else MAX_ROWS
        if not isinstance(value, container) or len(value) > most:
            return f"{here} ist keine Tabelle mit höchstens {most} Zeilen"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        row = shape.row if isinstance(shape, Table) else shape.item
        for key, item in items:
            if isinstance(shape, Table) and not shape.key.fits(key):
                return f"{here} hat eine Zeile, die {_not(shape.key.what)} ist ({_cut(key)})"
            found = _problem(item, row, f"{path}/{key}", cells)
            if found:
                return found
        return None
    if isinstance(shape, Maybe):
        return None if value is None else _problem(value, shape.shape, path, cells)
    if shape.fits(value):
        return None
    return f"{here} ist {_not(shape.what)}"


def _not(what: str) -> str:
    """ "ein Code" -> "kein Code", "eine Anzahl" -> "keine Anzahl", "ja oder nein" -> "nicht
    ja oder nein"."""
    return f"k{what}" if what.startswith("ein") else f"nicht {what}"


def _cut(key) -> str:
    return f"„{printable(str(key), 40)}“"
