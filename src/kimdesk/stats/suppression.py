"""Publication mode: which counts of a report are kept secret, and why none can be worked out.

**Primary suppression.** A count of a person-related figure from 1 to ``min_count − 1`` (the
county profile's ``publication.min_count``, 5 by default) is hidden: a small cell can point
to a person.

**Secondary suppression.** A hidden count must not be recoverable from what is published:
a total minus the other parts of a row or column, or the same figure in another table of the
same report (S1's row of a year and S2 for that year, S6's municipalities and the total, the
months of S5 and the year of S1, closings in S9 and in the outcomes …). ``equations`` lists
every such sum the report holds; a hidden cell counts as *determined* if the published cells
and these equations fix its value. Linear algebra over the rationals decides that exactly:
the cell is determined iff its unit vector lies in the row space of the equations restricted
to the hidden cells. While some hidden cell is determined, the smallest published positive
count of an equation it is in is hidden as well (then a zero), and the test runs again. This
is the cell-suppression method of official statistics (Hundepool et al., *Statistical
Disclosure Control*, 2012, ch. 4 "Magnitude and frequency tables"; Destatis' "Sperrung"),
with the audit reduced to exact linear determination.

**Ranges.** A reader also knows that a hidden count is a whole number, in practice at least
1: where a published total leaves its hidden parts little room (5 closed cases over 5 hidden
reasons), they are fixed all the same. So every published total must leave each of its hidden
parts a range of ``min_count - 1`` values at least, 1 to 4 (``_narrow``); where it does not,
one more part is hidden (or the total). ``report.for_publication`` also lists hidden tables in code order, not
by count, so the order tells nothing either.

Every hidden value is shown alike ("•"), whether small or hidden to protect another: a
reader cannot tell which.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

Path = tuple
Equation = tuple[Path, list[Path]]  # total, parts: total = sum(parts)

#: Numbers in a report that are not counts of people or events.
NOT_COUNTS = {"pct", "median", "p75", "report_version"}
#: Sections that carry no counts of people or events: staffing counts installations and
#: municipalities served, not clients.
NO_COUNTS = {"report_version", "generated_at", "filters", "publication", "sources", "profile",
             "suppression", "staffing"}  # fmt: skip


def get(report: dict, path: Path):
    node = report
    for key in path:
        node = node[key]
    return node


def put(report: dict, path: Path, value) -> None:
    node = report
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def counts(report: dict) -> Iterator[Path]:
    """Every count of the report (a path to an int that is not a share or a percentile)."""

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in NOT_COUNTS or (not path and key in NO_COUNTS):
                    continue
                if path == ("structural_needs",) and key in ("total", "by_status"):
                    continue  # the needs are listed one by one: these are public anyway
                yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, (*path, i))
        elif isinstance(node, int) and not isinstance(node, bool):
            yield path

    yield from walk(report, ())


def _sum(total: Path, parts: list[Path]) -> list[Equation]:
    """``total = sum(parts)``; with no parts, ``total = 0`` (a month without any place's
    session has none): such a cell is known, hiding it would protect nothing."""
    return [(total, parts)]


def _shares(table: Path, report: dict, total: Path) -> list[Equation]:
    return _sum(total, [(*table, code, "n") for code in get(report, table)])


def equations(report: dict) -> list[Equation]:
    """Every sum the report holds, between its own cells."""
    eq: list[Equation] = []
    c = ("consultations",)
    con = report["consultations"]
    kinds = list(con["by_kind"])
    eq += _sum((*c, "total"), [(*c, "by_kind", k) for k in kinds])
    for table in ("by_year", "by_municipality"):
        rows = list(con[table])
        eq += _sum((*c, "total"), [(*c, table, row, "total") for row in rows])
        for row in rows:
            eq += _sum((*c, table, row, "total"), [(*c, table, row, k) for k in kinds])
        for k in kinds:
            eq += _sum((*c, "by_kind", k), [(*c, table, row, k) for row in rows])
    months = list(con["by_month"])
    if report.get("filters", {}).get("program") == "muki":  # then the MuKi-S view is S5 again
        for m in months:
            for figure in ("individual", "group_sessions"):
                eq += _sum((*c, "by_month", m, figure), [(*c, "muki_by_month", m, figure)])
    for year in con["by_year"]:
        eq += _sum((*c, "by_year", year, "total"),
                   [(*c, "by_month", m, "individual") for m in months if m[:4] == year])  # fmt: skip
    g = ("group_offers",)
    offers = report["group_offers"]
    eq += _sum((*g, "sessions_held"), [(*c, "by_month", m, "group_sessions") for m in months])
    for m in months:  # the places' sessions of a month are the month's sessions
        eq += _sum((*c, "by_month", m, "group_sessions"),
                   [(*g, "by_place_month", j, "held")
                    for j, row in enumerate(offers["by_place_month"]) if row["month"] == m])  # fmt: skip
    for measure, total in (("held", "sessions_held"), ("cancelled", "sessions_cancelled"),
                           ("participants", "participants")):  # fmt: skip
        places = offers["by_place"]
        eq += _sum((*g, total), [(*g, "by_place", i, measure) for i in range(len(places))])
        for i, p in enumerate(places):
            months_of = [
                (*g, "by_place_month", j, measure)
                for j, row in enumerate(offers["by_place_month"])
                if (row["municipality"], row["format"]) == (p["municipality"], p["format"])
            ]
            eq += _sum((*g, "by_place", i, measure), months_of)
    eq += _shares(("referrals", "by_target"), report, ("referrals", "total"))
    eq += _shares(("topics", "by_topic"), report, ("topics", "mentions"))
    k = ("cases",)
    eq += _sum(
        (*k, "closed"), [(*k, "closed_by_reason", r) for r in report["cases"]["closed_by_reason"]]
    )
    eq += _sum((*k, "active_at_end"),
               [(*k, "active_by_phase", p) for p in report["cases"]["active_by_phase"]])  # fmt: skip
    needs = ("structural_needs",)
    statuses = report["structural_needs"]["by_status"]
    eq += _sum((*needs, "total"), [(*needs, "by_status", s) for s in statuses])
    eq += _reached(report) + _outcomes(report)
    return eq


def _reached(report: dict) -> list[Equation]:
    if "reached" not in report:
        return []
    r = ("reached",)
    eq = _sum((*r, "persons"), [(*r, "known"), (*r, "unknown")])
    for table in ("by_gender", "by_age_group", "by_nationality", "by_residence", "by_arrival"):
        eq += _shares((*r, table), report, (*r, "persons"))
    eq += _shares((*r, "by_access_route"), report, (*r, "cases"))
    lm = (*r, "language_mediation")
    eq += _shares((*lm, "by_kind"), report, (*lm, "with"))
    eq += _sum((*lm, "consultations"), [("consultations", "total")])  # the same count
    return eq


def _outcomes(report: dict) -> list[Equation]:
    if "outcomes" not in report:
        return []
    o = ("outcomes",)
    goals = report["outcomes"]["goals_by_status"]
    eq = _sum((*o, "goals_total"), [(*o, "goals_by_status", t, "total") for t in goals])
    for topic, statuses in goals.items():
        eq += _sum((*o, "goals_by_status", topic, "total"),
                   [(*o, "goals_by_status", topic, s) for s in statuses if s != "total"])  # fmt: skip
    eq += _sum(
        (*o, "closed"),
        [(*o, "closed_by_reason", r) for r in report["outcomes"]["closed_by_reason"]],
    )
    eq += _sum((*o, "closed"), [("cases", "closed")])
    eq += _sum((*o, "case_days", "cases"), [(*o, "closed")])
    for reason in report["outcomes"]["closed_by_reason"]:
        eq += _sum((*o, "closed_by_reason", reason), [("cases", "closed_by_reason", reason)])
    return eq


# -- which hidden cells the published ones determine ------------------------------------------


def determined(eqs: list[Equation], hidden: set[Path]) -> set[Path]:
    """The hidden cells whose value the published cells and ``eqs`` fix (exact arithmetic)."""
    unknown = sorted(hidden, key=repr)
    column = {path: i for i, path in enumerate(unknown)}
    rows: list[dict[int, Fraction]] = []
    for total, parts in eqs:
        row: dict[int, Fraction] = {}
        for path, sign in ((total, 1), *((p, -1) for p in parts)):
            if path in column:
                i = column[path]
                row[i] = row.get(i, Fraction(0)) + sign
        row = {i: v for i, v in row.items() if v}
        if row:
            rows.append(row)
    pivots: dict[int, dict[int, Fraction]] = {}  # pivot column -> its row (reduced)
    for row in rows:
        for col, prow in pivots.items():  # eliminate the known pivots
            if col in row:
                factor = row[col]
                for j, v in prow.items():
                    row[j] = row.get(j, Fraction(0)) - factor * v
                row = {j: v for j, v in row.items() if v}
        if not row:
            continue
        col = min(row)
        lead = row[col]
        row = {j: v / lead for j, v in row.items()}
        for other in pivots.values():  # keep every pivot row reduced
            if col in other:
                factor = other[col]
                for j, v in row.items():
                    other[j] = other.get(j, Fraction(0)) - factor * v
                for j in [j for j, v in other.items() if not v]:
                    del other[j]
        pivots[col] = row
    return {unknown[col] for col, row in pivots.items() if len(row) == 1}


def suppress(report: dict, min_count: int) -> set[Path]:
    """The cells to hide: the small ones, and as many more as keep every one of them
    undetermined."""
    cells = list(counts(report))
    value = {path: get(report, path) for path in cells}
    hidden = {p for p in cells if 0 < value[p] < min_count}
    eqs = [eq for eq in equations(report) if eq[1]]
    known = {total for total, parts in equations(report) if not parts}  # = 0, plainly
    while True:
        found = determined(eqs, hidden)
        zeros = {p for p in found if value[p] == 0}
        if zeros:  # a zero hidden to protect others, now fixed by them: shown, it tells nothing
            hidden -= zeros  # new (a reader works it out anyway), and it is never hidden again
            known |= zeros
            continue
        if found:
            hidden.add(_complement(eqs, hidden, value, found, known))
            continue
        narrow = _narrow(eqs, hidden, value, min_count)
        if narrow is None:
            return hidden
        total, parts = narrow
        open_parts = [p for p in parts if p not in hidden and p not in known and value[p] > 0]
        hidden.add(min(open_parts, key=lambda p: (value[p], repr(p))) if open_parts else total)


def _narrow(eqs: list[Equation], hidden: set[Path], value: dict, min_count: int):
    """A published total whose hidden parts a reader could squeeze. A hidden count is at
    least 1, a hidden total at least what its parts are at least (a topic's goals at least
    as many as the statuses it lists); with hidden parts summing to ``S`` (the total minus
    the published parts) and at least ``L`` together, each lies within ``S - L + 1`` values.
    That must be ``min_count - 1`` values at least (1 to 4 for the usual 5), as wide as what
    "•" says of a small count; else a count shows through (5 closed cases over 5 hidden
    reasons: each is 1)."""
    least = lower_bounds(eqs, hidden, value)
    for total, parts in eqs:
        if total in hidden:
            continue
        secret = [p for p in parts if p in hidden]
        if secret:
            room = sum(value[p] for p in secret) - sum(least[p] for p in secret) + 1
            if room < min_count - 1:
                return total, parts
    return None


def lower_bounds(eqs: list[Equation], hidden: set[Path], value: dict) -> dict[Path, int]:
    """What a reader knows each hidden cell to be at least: 1, or for a hidden total the
    published parts plus what its hidden parts are at least."""
    least = dict.fromkeys(hidden, 1)
    for _ in range(8):  # sums nest a few levels deep at most
        changed = False
        for total, parts in eqs:
            if total in hidden:
                bound = sum(least[p] if p in hidden else value[p] for p in parts)
                if bound > least[total]:
                    least[total], changed = bound, True
        if not changed:
            break
    return least


def _complement(
    eqs: list[Equation], hidden: set[Path], value: dict, found: set[Path], known: set[Path]
) -> Path:
    """One more cell to hide while the cells ``found`` are determined.

    A sum with exactly one hidden cell gives that cell away directly: the cell chosen is one
    of such a sum that leaves the fewest such sums behind (so that hidden cells pair up in
    rows and columns rather than spreading), then a cell that is no total (totals are what a
    committee reads first), then the smallest positive count; a zero only where nothing else
    is left. Where no sum has a single hidden cell but cells are still determined (through
    several sums), a sum of a determined cell with the fewest hidden cells gets one more.
    """
    members = [(total, *parts) for total, parts in eqs]
    of: dict[Path, list[int]] = {}
    for i, cells in enumerate(members):
        for cell in cells:
            of.setdefault(cell, []).append(i)
    secret = [sum(1 for c in cells if c in hidden) for cells in members]
    totals = {total for total, _ in eqs}

    def rank(cell: Path) -> tuple:
        after = sum(1 if secret[i] == 0 else -1 if secret[i] == 1 else 0 for i in of[cell])
        return (after, cell in totals, value[cell] == 0, value[cell], repr(cell))

    direct = [i for i, n in enumerate(secret) if n == 1]
    if not direct:  # determined through several sums: widen the smallest sum of one of them
        direct = sorted(
            (
                i
                for i, cells in enumerate(members)
                if any(c in found for c in cells)
                and any(c not in hidden and c not in known for c in cells)
            ),  # fmt: skip
            key=lambda i: secret[i],
        )[:1]
    candidates = {c for i in direct for c in members[i] if c not in hidden and c not in known}
    reached = set(found)
    while not candidates:
        # Every sum of the determined cells is hidden throughout: the cells are fixed through
        # hidden neighbours (a hidden total and its hidden months); widen a sum one step out.
        near = {c for i, cells in enumerate(members) if reached & set(cells) for c in cells}
        if near <= reached:
            raise AssertionError(f"no complement for {sorted(found, key=repr)[:3]}")
        reached |= near
        candidates = {c for c in near if c not in hidden and c not in known}
    return min(candidates, key=rank)
