"""German words for the statistics: titles, labels of codes, numbers and dates as printed.

The workbook, the chart figures and the deck all read the report dict through these helpers,
so a heading or a number looks the same in Excel, on a slide and in the GUI.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from kimdesk.domain.catalog import Catalog, load_profile
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.persons import country_name

#: What publication mode shows in place of a hidden count (``report.for_publication``).
HIDDEN = "•"
NO_DATA = "keine Daten"
ALL = "alle"

TITLES = {
    "S1": "Einzelberatungen pro Jahr",
    "S2": "Einzelberatungen nach Beratungsart",
    "S3": "Verweise nach Ziel",
    "S4": "Themen der Beratungen",
    "S5": "Beratungen und Gruppentermine pro Monat",
    "S5-muki": "MuKi-S: Beratungen und Gruppentermine pro Monat",
    "S6": "Einzelberatungen pro Kommune",
    "S7": "Gruppenangebote",
    "S6-land": "Einzelberatungen pro Kreis",
    "S7-land": "Gruppenangebote pro Kreis",
    "S8": "Strukturelle Bedarfe",
    "S9": "Fälle (Case Management)",
    "S10": "Personal und Versorgung",
    "S11": "Erreichte Personen",
    "S11-nationality": "Erreichte Personen nach Staatsangehörigkeit",
    "S11-access": "Zugangswege der Fälle und Sprachmittlung",
    "S12": "Ergebnisse: Ziele der Fälle",
    "S12-closed": "Ergebnisse: abgeschlossene Fälle",
}

KINDS = ("einmalig", "cm")
INDIVIDUAL = "Einzelberatungen"
GROUP_SESSIONS = "Gruppentermine"

PHASES = {
    "intake": "Aufnahme",
    "assessment": "Situationsanalyse",
    "planning": "Hilfeplanung",
    "implementation": "Umsetzung",
    "monitoring": "Monitoring",
    "evaluation": "Auswertung",
    "closed": "abgeschlossen",
}

NEED_STATUS = {
    "reported": "gemeldet",
    "in_progress": "in Bearbeitung",
    "solved": "gelöst",
    "rejected": "abgelehnt",
}

GENDERS = {"w": "weiblich", "m": "männlich", "d": "divers", "x": "keine Angabe"}
AGE_GROUPS = {"<18": "unter 18", "18-26": "18 bis 26", "27-44": "27 bis 44",
              "45-64": "45 bis 64", "65+": "65 und älter"}  # fmt: skip
GOAL_STATUS = {"open": "offen", "partial": "teilweise erreicht", "reached": "erreicht",
               "not_reached": "nicht erreicht", "dropped": "verworfen"}  # fmt: skip
#: Which catalog (or which list here) names the codes of a table of ``report["reached"]``.
_REACHED_NAMES = {
    "by_gender": GENDERS, "by_age_group": AGE_GROUPS, "by_residence": "residence_group",
    "by_arrival": "arrival_band", "by_access_route": "access_route",
    "by_kind": "language_mediation",
}  # fmt: skip

_MONTHS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


def code_label(catalog: Catalog, name: str, code: str | None) -> str:
    """The German label of a catalog code; unknown or missing codes say so."""
    if code in (None, "", "unknown"):
        return "unbekannt"
    return catalog.label(name, code)


def reached_label(catalog: Catalog, table: str, code: str) -> str:
    """The German label of a code in a table of ``report["reached"]`` (a nationality: the
    country's German name; ``other``: "weitere")."""
    if code in (None, "", "unknown"):
        return "unbekannt"
    if code == "other":
        return "weitere"
    if table == "by_nationality":
        return country(code)
    names = _REACHED_NAMES.get(table)
    if isinstance(names, dict):
        return names.get(code, code)
    return code_label(catalog, names, code) if names else code


@cache
def country(code: str) -> str:
    """``"SY"`` -> ``"Syrien"``; ``"XX"`` -> ``"staatenlos"``."""
    return country_name(code) or code


def phase(code: str) -> str:
    return PHASES.get(code, code)


def need_status(code: str) -> str:
    return NEED_STATUS.get(code, code)


def month(key: str) -> str:
    """``"2023-03"`` -> ``"Mär 2023"``."""
    year, _, mm = key.partition("-")
    try:
        return f"{_MONTHS[int(mm) - 1]} {year}"
    except (ValueError, IndexError):
        return key


def day(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else ""


def moment(iso: str | None) -> str:
    """A UTC timestamp of the report in local time, as Germans write it."""
    if not iso:
        return "–"
    local = datetime.fromisoformat(iso).astimezone()
    return local.strftime("%d.%m.%Y, %H:%M Uhr")


def is_hidden(value) -> bool:
    return value == HIDDEN


def hidden_note(report: dict) -> str:
    """What "•" means, for captions, cover sheets and the deck."""
    limit = report.get("suppression", {}).get("min_count", 5)
    return (f"• = geheim gehalten (Werte von 1 bis {limit - 1} und Werte, aus denen sie sich "
            "errechnen ließen)")  # fmt: skip


def count(value) -> int | None:
    """A count to draw or add up; ``None`` when publication mode hid it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def number(value) -> str:
    """``1234`` -> ``"1.234"``; a hidden count stays ``"•"``."""
    n = count(value)
    if n is None:
        return HIDDEN if is_hidden(value) else "–"
    return f"{n:,}".replace(",", ".")


def percent(value) -> str:
    if value is None:
        return "–"
    return f"{value:.1f} %".replace(".", ",")


def rate(value) -> str:
    """A rate per 10,000 inhabitants: ``7.25`` -> ``"7,3"``, ``1234.5`` -> ``"1.234,5"``."""
    if value is None:
        return "–"
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def county(report: dict, catalog: Catalog) -> str:
    """The county's name: a store's catalog knows only the profile's code, the profile more."""
    if catalog.name and catalog.name != catalog.profile:
        return catalog.name
    return _profile_name(catalog.profile) or report.get("profile", {}).get("name", "")


@cache
def _profile_name(profile: str) -> str | None:
    try:
        return load_profile(profile).name
    except KimdeskError:
        return None


def period(filters: dict) -> str:
    start, end = filters.get("from"), filters.get("to")
    if start and end:
        return f"{day(start)} bis {day(end)}"
    if start:
        return f"ab {day(start)}"
    if end:
        return f"bis {day(end)}"
    return ALL


def filter_lines(report: dict, catalog: Catalog) -> list[tuple[str, str]]:
    filters = report["filters"]
    municipality, program = filters.get("municipality"), filters.get("program")
    if "by_county" in report:  # the Land's: a reporting period, a county or all
        return [
            ("Zeitraum", f"{report['period']['label']} ({period(filters)})"),
            ("Kreis", catalog.label("municipality", municipality) if municipality else ALL),
        ]
    lines = [
        ("Zeitraum", period(filters)),
        ("Kommune", catalog.label("municipality", municipality) if municipality else ALL),
        ("Programm", catalog.label("program", program) if program else ALL),
    ]
    if filters.get("installation"):
        lines.append(("Gerät", filters.get("installation_name") or filters["installation"]))
    return lines


def caption(report: dict, catalog: Catalog) -> str:
    """One line under every table and chart: whose figures, which filters, as of when."""
    parts = [county(report, catalog)]
    parts += [f"{name}: {value}" for name, value in filter_lines(report, catalog)]
    parts.append(f"Stand: {moment(report.get('generated_at'))}")
    if report.get("publication"):
        parts.append("Veröffentlichungsfassung (• = geheim gehalten)")
    return " · ".join(parts)


def bundle_ranges(seqs: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``"1–3, 5"``."""
    if not seqs:
        return "noch keine"
    ranges: list[list[int]] = []
    for seq in sorted(seqs):
        if ranges and seq == ranges[-1][1] + 1:
            ranges[-1][1] = seq
        else:
            ranges.append([seq, seq])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges)


def in_order(codes, order) -> list[str]:
    """``codes`` in the order of ``order``; codes it does not know last, by code."""
    rank = {code: i for i, code in enumerate(order)}
    return sorted(codes, key=lambda code: (rank.get(code, len(rank)), str(code)))


def municipality_order(catalog: Catalog, codes) -> list[str]:
    """Municipalities in the profile's order (alphabetical), unknown codes last."""
    return in_order(codes, catalog.codes("municipality", active_only=False))


# Rows of the report with German labels: the tables of the workbook and the charts use them.


def year_rows(report: dict) -> list[list]:
    """S1/S2 per year: [year, einmalig, cm, total]."""
    by_year = report["consultations"]["by_year"]
    return [[year, *(row[k] for k in KINDS), row["total"]] for year, row in by_year.items()]


def share_rows(shares: dict, catalog: Catalog, name: str) -> list[list]:
    """S3/S4: [label, n, pct, code] in the report's order (largest first)."""
    return [
        [code_label(catalog, name, code), share["n"], share["pct"], code]
        for code, share in shares.items()
    ]


def reached_rows(report: dict, catalog: Catalog, table: str) -> list[list]:
    """A table of ``report["reached"]`` (``by_kind``: of its language mediation):
    [label, n, pct, code]; gender, age groups and arrival in their natural order, the others
    largest first; "weitere" and "unbekannt" last."""
    reached = report["reached"]
    shares = reached["language_mediation"]["by_kind"] if table == "by_kind" else reached[table]
    rows = [[reached_label(catalog, table, code), share["n"], share["pct"], code]
            for code, share in shares.items()]  # fmt: skip
    order = {"by_gender": list(GENDERS), "by_age_group": list(AGE_GROUPS),
             "by_arrival": catalog.codes("arrival_band", active_only=False)}.get(table)  # fmt: skip
    if order:
        rank = {code: i for i, code in enumerate(order)}
        rows.sort(key=lambda r: rank.get(r[3], len(rank)))
    last = {"other": 1, "unknown": 2}
    return sorted(rows, key=lambda r: last.get(r[3], 0))  # stable: the order above first


def goal_rows(report: dict, catalog: Catalog) -> list[list]:
    """Goals per topic: [topic, one count per ``GOAL_STATUS``, total, code]."""
    goals = report["outcomes"]["goals_by_status"]
    return [
        [code_label(catalog, "topic", topic), *(goals[topic].get(s, 0) for s in GOAL_STATUS),
         goals[topic]["total"], topic]
        for topic in in_order(goals, catalog.codes("topic", active_only=False))
    ]  # fmt: skip


def closing_rows(report: dict, catalog: Catalog) -> list[list]:
    """Closed cases by reason: [reason, n, code] in the profile's order."""
    by_reason = report["outcomes"]["closed_by_reason"]
    return [[code_label(catalog, "closure_reason", code), by_reason[code], code]
            for code in in_order(by_reason, catalog.codes("closure_reason", active_only=False))]  # fmt: skip


def month_rows(report: dict) -> list[list]:
    """S5: [month, individual, group sessions, MuKi-S individual, MuKi-S group sessions]."""
    c = report["consultations"]
    every, muki = c["by_month"], c["muki_by_month"]
    rows = []
    for key in sorted(set(every) | set(muki)):
        a, b = every.get(key, {}), muki.get(key, {})
        rows.append([
            month(key),
            a.get("individual", 0), a.get("group_sessions", 0),
            b.get("individual", 0), b.get("group_sessions", 0),
        ])  # fmt: skip
    return rows


def municipality_rows(report: dict, catalog: Catalog) -> list[list]:
    """S6: [municipality, einmalig, cm, total, AGS] in the profile's order."""
    by_mun = report["consultations"]["by_municipality"]
    return [
        [code_label(catalog, "municipality", code), *(by_mun[code][k] for k in KINDS),
         by_mun[code]["total"], code]
        for code in municipality_order(catalog, by_mun)
    ]  # fmt: skip


def place(catalog: Catalog, municipality: str, group_format: str | None) -> str:
    """ "Troisdorf – Sprachcafé"; without a format (the Land's counties) the place alone."""
    if group_format is None:
        return code_label(catalog, "municipality", municipality)
    return (
        f"{code_label(catalog, 'municipality', municipality)} – "
        f"{code_label(catalog, 'group_format', group_format)}"
    )


def place_rows(report: dict, catalog: Catalog) -> list[list]:
    """S7 per place and format over the whole period: [place, held, cancelled, participants].

    Uses ``group_offers["by_place"]`` when the report has it; otherwise adds up the months. A
    sum that includes a hidden count ("•") is unknown and stays ``None`` (shown empty).
    """
    g = report["group_offers"]
    places = g.get("by_place")
    if places is None:
        sums: dict[tuple, dict] = {}
        for row in g["by_place_month"]:
            key = (row["municipality"], row["format"])
            entry = sums.setdefault(key, {"held": 0, "cancelled": 0, "participants": 0})
            for name, total in entry.items():
                n = count(row[name])
                entry[name] = None if n is None or total is None else total + n
        places = [{"municipality": m, "format": f, **v} for (m, f), v in sums.items()]
    return [
        [place(catalog, p["municipality"], p["format"]), p["held"], p["cancelled"],
         p["participants"]]
        for p in places
    ]  # fmt: skip
