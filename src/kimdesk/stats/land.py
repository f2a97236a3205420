"""The Land's figures (issue 20): the county reports' figures summed over the counties, with
what the sums cannot say marked, and rates per 10,000 inhabitants.

The Land holds only what the counties published: each hidden count arrives as "•". A sum is
therefore the sum of the counts a county showed. Where some county hid a part, the sum is a
lower bound, and ``incomplete`` names it with how many counties hid a part of it; where every
county hid it, the sum is "•" as well. Nothing here can give a hidden count back: every figure
is a sum of published ones (docs/statistics.md, "At the Land").

Shares are computed again from the sums, and only where no part of the share or of its total
is hidden; medians cannot be summed and are left to each county's own figures.
"""

from __future__ import annotations

from .percent import pct, top
from .report import HIDDEN, SHARE_TABLES, code_order
from .suppression import get, put

#: Figures a rate per 10,000 inhabitants is given for: (name, path in the figures).
RATE_FIGURES = (
    ("consultations", ("consultations", "total")),
    ("persons", ("reached", "persons")),
    ("cases_opened", ("cases", "opened")),
)
PER = 10_000

#: Leaves that are not counts: computed again after summing, or not summable at all.
_RECOMPUTED = {"pct", "median", "p75", "top5", "by_kind_pct"}


def combine(by_county: dict[str, dict]) -> tuple[dict, dict[str, int]]:
    """The counties' figures summed, and ``{path: counties that hid a part of it}``."""
    incomplete: dict[str, int] = {}
    summed = _add(list(by_county.values()), (), incomplete)
    _shares(summed, incomplete)
    for table in [t for t, _ in SHARE_TABLES] + [("outcomes", "closed_by_reason")]:
        rows = get(summed, table)
        put(summed, table, dict(sorted(rows.items(), key=lambda kv: code_order(kv[0]))))
    rules = [f.get("suppression", {}) for f in by_county.values()]
    summed["suppression"] = {
        # the largest of the counties' limits: what "•" may stand for in the Land's tables
        "min_count": max((r.get("min_count", 0) for r in rules), default=0),
        "hidden": sum(r.get("hidden", 0) for r in rules),
        "incomplete": len(incomplete),
    }
    return summed, dict(sorted(incomplete.items()))


def _add(values: list, path: tuple, incomplete: dict[str, int]):
    if all(isinstance(v, dict) for v in values):
        keys: list = []
        for value in values:
            keys += [k for k in value if k not in keys]
        return {k: (None if k in _RECOMPUTED else
                    _add([v[k] for v in values if k in v], (*path, k), incomplete))
                for k in keys}  # fmt: skip
    if all(isinstance(v, list) for v in values):
        joined = [item for value in values for item in value]
        return sorted(joined, key=_list_order)
    counts = [v for v in values if type(v) is int]
    hidden = sum(v == HIDDEN for v in values)
    if not counts and not hidden:
        return None
    if hidden:
        if not counts:
            return HIDDEN
        incomplete["/".join(map(str, path))] = hidden
    return sum(counts)


def _list_order(item) -> tuple:
    """Group offers by place (and month), municipality codes by code."""
    if isinstance(item, dict):
        return tuple(str(item.get(k)) for k in ("municipality", "month", "format"))
    return (str(item),)


def _known(figures: dict, path: tuple, incomplete: dict[str, int]) -> int | None:
    """The count at ``path`` if it is whole: shown by every county."""
    value = get(figures, path)
    if type(value) is not int or "/".join(path) in incomplete:
        return None
    return value


def _shares(summed: dict, incomplete: dict[str, int]) -> None:
    """Shares of the summed tables, where their counts and totals are whole."""
    for table, total_path in SHARE_TABLES:
        total = _known(summed, total_path, incomplete)
        for code, share in get(summed, table).items():
            n = _known(summed, (*table, code, "n"), incomplete)
            share["pct"] = None if n is None or total is None else pct(n, total)
    consultations = summed["consultations"]
    total = _known(summed, ("consultations", "total"), incomplete)
    consultations["by_kind_pct"] = {}
    for kind in consultations["by_kind"]:
        n = _known(summed, ("consultations", "by_kind", kind), incomplete)
        consultations["by_kind_pct"][kind] = None if n is None or total is None else pct(n, total)
    mediation = summed["reached"]["language_mediation"]
    used = _known(summed, ("reached", "language_mediation", "with"), incomplete)
    of = _known(summed, ("reached", "language_mediation", "consultations"), incomplete)
    mediation["pct"] = None if used is None or of is None else pct(used, of)
    summed["outcomes"]["case_days"].update(median=None, p75=None)
    topics = summed["topics"]["by_topic"]
    counts = {code: _known(summed, ("topics", "by_topic", code, "n"), incomplete)
              for code in topics}  # fmt: skip
    # Ranking is only told where every topic's sum is whole (as a county's own report does).
    whole = all(n is not None for n in counts.values())
    summed["topics"]["top5"] = top(counts) if whole else None


def rates(by_county: dict[str, dict], population: dict[str, dict | None]) -> dict:
    """Per 10,000 inhabitants, each county's and over the counties whose population and
    count are known (``counties`` and ``inhabitants`` say which)."""
    result: dict = {"per": PER, "by_county": {}, "total": {}}
    sums = {name: [0, 0, 0] for name, _ in RATE_FIGURES}  # count, inhabitants, counties
    for ags, figures in by_county.items():
        people = population.get(ags)
        row: dict = {"inhabitants": people and people["inhabitants"],
                     "year": people and people["year"]}  # fmt: skip
        for name, path in RATE_FIGURES:
            value = get(figures, path)
            if not people or type(value) is not int:
                row[name] = None
                continue
            row[name] = round(value * PER / people["inhabitants"], 1)
            sums[name][0] += value
            sums[name][1] += people["inhabitants"]
            sums[name][2] += 1
        result["by_county"][ags] = row
    for name, (count, inhabitants, counties) in sums.items():
        result["total"][name] = {
            "rate": round(count * PER / inhabitants, 1) if inhabitants else None,
            "counties": counties,
            "inhabitants": inhabitants,
        }
    return result


def county_view(report: dict) -> dict:
    """The Land's figures with the counties in place of municipalities and places, for the
    charts of S6 and S7: each county's own totals of consultations and of group sessions and
    attendances, as it published them. At the scale of a Land, a bar per municipality or
    place would be thousands of bars."""
    view = dict(report)
    by_county = report["by_county"]
    view["consultations"] = {
        **report["consultations"],
        "by_municipality": {
            ags: {**f["consultations"]["by_kind"], "total": f["consultations"]["total"]}
            for ags, f in by_county.items()
        },
    }
    view["group_offers"] = {
        **report["group_offers"],
        "by_place": [  # each county's own totals, as it published them
            {
                "municipality": ags,
                "format": None,
                "held": g["sessions_held"],
                "cancelled": g["sessions_cancelled"],
                "participants": g["participants"],
            }
            for ags, g in ((a, f["group_offers"]) for a, f in by_county.items())
        ],  # fmt: skip
        "by_place_month": [],
    }
    return view
