"""The statistics workbook: a cover sheet, one sheet per statistic S1–S12, the comparison sheet.

Every figure is read from the report dict (``report.compute``), nothing is counted here; in
publication mode a count may be the text "•" (hidden) and a share ``None``. Charts are native Excel
charts on the cells of the table beside them, so the file stays correct when someone edits it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break

from kimdesk.domain.catalog import Catalog

from . import charts, land_sheets
from . import labels as de
from .sheet import (
    HEADER_ROW,
    Block,
    Col,
    Sheet,
    bar_chart,
    pie_chart,
)

SHEETS = [
    ("S1 Beratungen pro Jahr", "S1"),
    ("S2 Beratungsart", "S2"),
    ("S3 Verweise", "S3"),
    ("S4 Themen", "S4"),
    ("S5 Monate", "S5"),
    ("S6 Kommunen", "S6"),
    ("S7 Gruppenangebote", "S7"),
    ("S8 Strukturelle Bedarfe", "S8"),
    ("S9 Fälle", "S9"),
    ("S10 Personal", "S10"),
    ("S11 Erreichte Personen", "S11"),
    ("S12 Ergebnisse", "S12"),
]
COVER, DECK = "Übersicht", "Vergleich"


def build_workbook(report: dict, catalog: Catalog) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    cover(wb, report, catalog)
    caption = de.caption(report, catalog)
    note = (f"Veröffentlichungsfassung: {de.hidden_note(report)}; ihre Anteile fehlen, in den "
            "Diagrammen sind sie schraffiert." if report.get("publication") else "")  # fmt: skip
    if land_sheets.is_land(report):
        note = f"{note} {land_sheets.NOTE}"
        for name, title, build in land_sheets.SHEETS:
            sheet = Sheet(wb, name, title, caption, note, repeat_header=False)
            build(sheet, report, catalog)
            sheet.finish()
    for name, key in SHEETS:
        sheet = Sheet(wb, name, f"{key} – {de.TITLES[key]}", caption, note)
        _BUILDERS[key](sheet, report, catalog)
        sheet.finish()
    deck = Sheet(wb, DECK, "Vergleich für die Präsentation", caption, note, freeze=False)
    deck_sheet(deck, report, catalog)
    deck.finish()
    wb.properties.title = f"KIM-Statistik {de.county(report, catalog)}"
    wb.properties.creator = "KIMdesk"
    return wb


def cover(wb: Workbook, report: dict, catalog: Catalog) -> None:
    title = f"KIM-Statistik – {de.county(report, catalog)}"
    sheet = Sheet(wb, COVER, title, "", freeze=False)
    sheet.row = 3
    profile = report.get("profile") or {}
    facts = [
        ["Land" if land_sheets.is_land(report) else "Kreis", de.county(report, catalog)],
        ["Profil", f"{profile.get('name', catalog.profile)} (AGS {catalog.county})"],
        *[[name, value] for name, value in de.filter_lines(report, catalog)],
        ["Exportiert am", de.moment(report.get("generated_at"))],
        [
            "Veröffentlichung",
            f"ja: {de.hidden_note(report)}; ihre Anteile fehlen"
            if report.get("publication")
            else "nein: interne Auswertung mit allen Zahlen, nicht zur Veröffentlichung",
        ],
    ]
    sheet.table([Col("Angabe"), Col("Wert", wrap=70)], facts)
    if land_sheets.is_land(report):
        _reports(sheet, report)
    else:
        _sources(sheet, report)
    sheet.heading("Inhalt")
    contents = [[name, de.TITLES[key]] for name, key in SHEETS]
    if land_sheets.is_land(report):
        contents[:0] = [[land_sheets.SHEET, land_sheets.TITLE],
                        [land_sheets.GAPS, land_sheets.GAPS_TITLE]]  # fmt: skip
    contents.append([DECK, "Vergleich: Jahre, Verweise, Themen, MuKi-S pro Monat"])
    block = sheet.table([Col("Blatt"), Col("Inhalt")], contents)
    for r, (name, _) in enumerate(contents, start=block.first):
        cell = sheet.ws.cell(r, 1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(name)}!A1")
        cell.font = Font(color="1F4E79", underline="single")
    sheet.widths[1] = max(sheet.widths[1], 24)
    sheet.finish()


def _sources(sheet: Sheet, report: dict) -> None:
    sheet.heading("Enthaltene Daten (Bundles je Installation)")
    sources = [
        [s["name"], de.bundle_ranges(s["bundles"]), de.moment(s["latest"]), s["installation"]]
        for s in report.get("sources", [])
    ]
    heads = ["Installation", "Bundles", "zuletzt eingegangen"]
    sheet.table([*map(Col, heads), Col("Kennung", "code")], sources)


def _reports(sheet: Sheet, report: dict) -> None:
    """The Land's figures: which report of each county they hold."""
    sheet.heading("Enthaltene Berichte (je Kreis der gültige)")
    rows = [[ags, a["name"], a["office"], a["report"], de.moment(a["created_at"]),
             de.moment(a["received_at"])] for ags, a in report["counties"].items()]  # fmt: skip
    sheet.table([Col("AGS", "code"), Col("Kreis"), Col("Kreisstelle"), Col("Nr.", "int"),
                 Col("erstellt"), Col("eingegangen")], rows)  # fmt: skip


def _chart(sheet: Sheet, report: dict, catalog: Catalog, at: tuple[int, int],
           native: Callable[[], object], figure: Callable[[dict, Catalog], object]) -> None:  # fmt: skip
    """The native chart ``native()`` at ``at`` (row, column); in publication mode the
    picture of ``figure`` instead: a native chart cannot mark a hidden count."""
    if report.get("publication"):
        sheet.figure(charts.marked(figure)(report, catalog), *at)
    else:
        sheet.chart(native(), *at)


def _pie(sheet: Sheet, report: dict, catalog: Catalog, block: Block, width: int, key: str,
         figure: Callable) -> None:  # fmt: skip
    """The pie of a share table (its shares in column 2), beside the table."""
    _chart(sheet, report, catalog, (block.header, width + 2),
           lambda: pie_chart(sheet, block, 2, title=de.TITLES[key]), figure)  # fmt: skip


def _kinds(catalog: Catalog) -> list[Col]:
    return [Col(catalog.label("kind", k), "int") for k in de.KINDS]


def s1(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    c = report["consultations"]
    cols = [Col("Jahr"), *_kinds(catalog), Col("Gesamt", "int")]
    total = ["Gesamt", *(c["by_kind"][k] for k in de.KINDS), c["total"]]
    block = sheet.table(cols, de.year_rows(report), total=total)
    if block:
        _chart(sheet, report, catalog, (block.header, len(cols) + 2),
               lambda: bar_chart(sheet, block, [1, 2], title=de.TITLES["S1"], x_title="Jahr",
                                 y_title="Beratungen"), charts.figure_s1)  # fmt: skip


def s2(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    c = report["consultations"]
    rows = [
        [catalog.label("kind", k), c["by_kind"][k], c["by_kind_pct"][k], k]
        for k in de.KINDS
        if c["total"] != 0
    ]
    cols = [Col("Beratungsart"), Col("Anzahl", "int"), Col("Anteil", "pct"), Col("Code", "code")]
    block = sheet.table(cols, rows, total=["Gesamt", c["total"], None, None])
    if block:
        _chart(sheet, report, catalog, (block.header, len(cols) + 2),
               lambda: bar_chart(sheet, block, [1], title=de.TITLES["S2"],
                                 x_title="Beratungsart", y_title="Beratungen"),
               charts.figure_s2)  # fmt: skip


def s3(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    r = report["referrals"]
    cols = [Col("Verwiesen an", wrap=60), Col("Anzahl", "int"), Col("Anteil", "pct"),
            Col("Code", "code")]  # fmt: skip
    rows = de.share_rows(r["by_target"], catalog, "referral_target")
    block = sheet.table(cols, rows, total=["Gesamt", r["total"], None, None])
    if block:
        _pie(sheet, report, catalog, block, len(cols), "S3", charts.figure_s3)
    sheet.table(
        [Col("Kennzahl"), Col("Anzahl", "int")],
        [
            ["Beratungen mit mindestens einem Verweis", r["consultations_with_referral"]],
            ["Verweise mit Begleitung", r["accompanied"]],
        ],
    )


def s4(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    t = report["topics"]
    top5 = t["top5"] or []  # publication mode: none while a topic is hidden
    cols = [Col("Thema"), Col("Nennungen", "int"), Col("Anteil", "pct"), Col("Top 5", "int"),
            Col("Code", "code")]  # fmt: skip
    rows = [
        [label, n, share, top5.index(code) + 1 if code in top5 else None, code]
        for label, n, share, code in de.share_rows(t["by_topic"], catalog, "topic")
    ]
    block = sheet.table(cols, rows, total=["Gesamt", t["mentions"], None, None, None])
    if block:
        _pie(sheet, report, catalog, block, len(cols), "S4", charts.figure_s4)


_MONTH_COLS = [
    Col("Monat"),
    Col(de.INDIVIDUAL, "int"),
    Col(de.GROUP_SESSIONS, "int"),
    Col(f"MuKi-S: {de.INDIVIDUAL}", "int"),
    Col(f"MuKi-S: {de.GROUP_SESSIONS}", "int"),
]


def s5(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    block = sheet.table(_MONTH_COLS, de.month_rows(report))
    if block:
        values = block.last - block.first < 12
        parts = (("Alle Programme", [1, 2], charts.figure_s5),
                 ("MuKi-S", [3, 4], charts.figure_s5_muki))  # fmt: skip
        for i, (title, series, figure) in enumerate(parts):
            _chart(sheet, report, catalog, (block.header + 23 * i, len(_MONTH_COLS) + 2),
                   lambda title=title, series=series: bar_chart(
                       sheet, block, series, title=title, x_title="Monat", y_title="Anzahl",
                       values=values, width=24, height=10.5),
                   figure)  # fmt: skip


def s6(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    c = report["consultations"]
    rows = de.municipality_rows(report, catalog)
    cols = [Col("Kommune"), *_kinds(catalog), Col("Gesamt", "int"), Col("AGS", "code")]
    total = ["Gesamt", *(c["by_kind"][k] for k in de.KINDS), c["total"], None]
    block = sheet.table(cols, rows, total=total)
    if block:
        _chart(sheet, report, catalog, (block.header, len(cols) + 2),
               lambda: bar_chart(sheet, block, [1, 2], title=de.TITLES["S6"], x_title="Kommune",
                                 y_title="Beratungen", horizontal=True, stacked=True,
                                 height=max(8.5, 2.5 + 0.55 * len(rows))),
               charts.figure_s6)  # fmt: skip


def s7(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    g = report["group_offers"]
    sheet.repeat_header = False  # the long table is the last one, not the key figures
    facts = [
        ["Gruppenangebote", g["offers"]],
        ["Termine durchgeführt", g["sessions_held"]],
        ["Termine ausgefallen", g["sessions_cancelled"]],
        ["Teilnahmen", g["participants"]],
    ]
    sheet.table([Col("Kennzahl"), Col("Anzahl", "int")], facts)
    # Both tables share their columns, so they line up one below the other.
    counts = [Col("durchgeführt", "int"), Col("ausgefallen", "int"), Col("Teilnahmen", "int")]
    sheet.heading("Je Ort und Format (Summe über den Zeitraum)")
    places = [[name, "gesamt", *figures] for name, *figures in de.place_rows(report, catalog)]
    block = sheet.table([Col("Ort – Format", wrap=60), Col("Monat"), *counts], places)
    if block:
        _chart(sheet, report, catalog, (HEADER_ROW, 9),
               lambda: bar_chart(sheet, block, [2, 3], title="Gruppentermine je Ort und Format",
                                 x_title="Ort – Format", y_title="Termine", horizontal=True,
                                 stacked=True, width=20,
                                 height=max(7.5, 3 + 0.7 * len(places))),
               charts.figure_s7)  # fmt: skip
    if land_sheets.is_land(report):  # thousands of rows at the Land: the counties keep them
        sheet.heading(
            "Je Ort, Format und Monat: in den Berichten der Kreise (kimdesk stats --json)"
        )
        return
    sheet.heading("Je Ort, Format und Monat")
    rows = [
        [de.place(catalog, r["municipality"], r["format"]), de.month(r["month"]), r["held"],
         r["cancelled"], r["participants"], r["municipality"]]
        for r in g["by_place_month"]
    ]  # fmt: skip
    sheet.table([Col("Ort – Format", wrap=60), Col("Monat"), *counts, Col("AGS", "code")], rows)


def s8(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    n = report["structural_needs"]
    if "items" in n:
        rows = [
            [de.day(i["reported_on"]), de.code_label(catalog, "municipality", i["municipality"]),
             de.code_label(catalog, "topic", i["topic"]), i["challenge"], i["solution"] or "",
             de.need_status(i["status"]), i["affected_cases"], i["responsible_body"] or ""]
            for i in n["items"]
        ]  # fmt: skip
        cols = [Col("gemeldet am"), Col("Kommune"), Col("Thema"), Col("Herausforderung", wrap=45),
                Col("Lösung", wrap=40), Col("Status"), Col("betroffene Fälle", "int"),
                Col("zuständig", wrap=25)]  # fmt: skip
        sheet.table(cols, rows)
    else:  # the Land's: a county reports how many, never a need's own words
        sheet.heading(
            "Die einzelnen Bedarfe bleiben in den Kreisen; ihre Berichte nennen die Zahl."
        )
    sheet.heading("Bedarfe nach Status")
    by_status = n["by_status"]
    status = [[de.need_status(c), by_status[c]] for c in de.in_order(by_status, de.NEED_STATUS)]
    sheet.table([Col("Status"), Col("Anzahl", "int")], status, total=["Gesamt", n["total"]])


def s9(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    k = report["cases"]
    facts = [
        ["Fälle eröffnet im Zeitraum", k["opened"]],
        ["Fälle abgeschlossen im Zeitraum", k["closed"]],
        ["Fälle aktiv am Ende des Zeitraums", k["active_at_end"]],
    ]
    sheet.table([Col("Kennzahl"), Col("Anzahl", "int")], facts)
    sheet.heading("Abschlüsse nach Grund")
    by_reason, by_phase = k["closed_by_reason"], k["active_by_phase"]
    reasons = [[de.code_label(catalog, "closure_reason", code), by_reason[code]]
               for code in de.in_order(by_reason, catalog.codes("closure_reason"))]  # fmt: skip
    sheet.table([Col("Grund"), Col("Anzahl", "int")], reasons)
    sheet.heading("Aktive Fälle nach Phase")
    phases = [[de.phase(code), by_phase[code]] for code in de.in_order(by_phase, de.PHASES)]
    sheet.table([Col("Phase"), Col("Anzahl", "int")], phases)


def s10(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    s = report["staffing"]
    facts = [
        ["Aktive Installationen (Case Manager:innen mit Beratungen)", s["installations"]],
        ["Versorgte Kommunen", s["municipalities"]],
    ]
    sheet.table([Col("Kennzahl"), Col("Anzahl", "int")], facts)
    sheet.heading("Versorgte Kommunen")
    rows = [[de.code_label(catalog, "municipality", code), code]
            for code in de.municipality_order(catalog, s["municipality_codes"])]  # fmt: skip
    sheet.table([Col("Kommune"), Col("AGS", "code")], rows)


#: Rows a chart beside a table takes, so the next table starts below it.
_SIDE_CHART_ROWS = 20


def _share_table(sheet: Sheet, report: dict, catalog: Catalog, heading: str, table: str,
                 total, figure=None) -> None:  # fmt: skip
    """One table of ``reached`` (label, count, share, code) with its bar chart beside it; in
    publication mode ``figure`` (if given) in place of the chart."""
    sheet.heading(heading)
    start = sheet.row
    rows = de.reached_rows(report, catalog, table)
    cols = [Col(heading.split(" (")[0], wrap=40), Col("Anzahl", "int"), Col("Anteil", "pct"),
            Col("Code", "code")]  # fmt: skip
    block = sheet.table(cols, rows, total=["Gesamt", total, None, None])
    if block is None:
        return
    if report.get("publication"):
        if figure is not None:
            sheet.figure(charts.marked(figure)(report, catalog), start, 6)
            sheet.row = max(sheet.row, start + _SIDE_CHART_ROWS)
        return
    chart = bar_chart(sheet, block, [1], title=heading, x_title="", y_title="Anzahl",
                      horizontal=True, width=15, height=max(6, 2 + 0.6 * len(rows)))  # fmt: skip
    sheet.chart(chart, start, 6)
    sheet.row = max(sheet.row, start + math.ceil(max(6, 2 + 0.6 * len(rows)) * 2) + 1)


def s11(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    sheet.repeat_header = False  # seven tables: the first one's header means nothing below
    r = report["reached"]
    m = r["language_mediation"]
    facts = [
        ["Erreichte Personen (Beratung im Zeitraum)", r["persons"], None],
        ["davon mit Klient:in erfasst", r["known"], None],
        ["davon ohne Klient:in (einmalige Beratungen, je Beratung eine Person)", r["unknown"], None],
        ["Fälle mit Beratung im Zeitraum", r["cases"], None],
        ["Beratungen mit Sprachmittlung", m["with"], m["pct"]],
    ]  # fmt: skip
    sheet.table([Col("Kennzahl", wrap=60), Col("Anzahl", "int"), Col("Anteil", "pct")], facts)
    persons, cases = r["persons"], r["cases"]
    tables = [
        ("Geschlecht", "by_gender", persons, charts.figure_s11),
        ("Altersgruppe", "by_age_group", persons, None),
        ("Staatsangehörigkeit (10 häufigste, weitere)", "by_nationality", persons,
         charts.figure_s11_nationality),
        ("Aufenthalt", "by_residence", persons, None),
        ("Ankunft in Deutschland", "by_arrival", persons, None),
        ("Zugangsweg (Fälle)", "by_access_route", cases, charts.figure_s11_access),
        ("Sprachmittlung (Beratungen)", "by_kind", m["with"], None),
    ]  # fmt: skip
    for i, (heading, table, total, figure) in enumerate(tables):
        if i in (2, 4, 6):  # printed: two tables with their charts a page
            sheet.ws.row_breaks.append(Break(id=sheet.row - 1))
        _share_table(sheet, report, catalog, heading, table, total, figure)


def s12(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    o = report["outcomes"]
    days = o["case_days"]
    facts = [
        ["Ziele der Fälle (Fall im Zeitraum offen)", o["goals_total"]],
        ["Fälle abgeschlossen im Zeitraum", o["closed"]],
        ["Dauer bis zum Abschluss, Median (Tage)", days["median"]],
        ["Dauer bis zum Abschluss, 75 %-Perzentil (Tage)", days["p75"]],
    ]
    sheet.table([Col("Kennzahl", wrap=60), Col("Anzahl", "int")], facts)
    sheet.heading("Ziele nach Thema und Stand")
    start = sheet.row
    rows = de.goal_rows(report, catalog)
    cols = [Col("Thema", wrap=40), *(Col(name, "int", wrap=12) for name in de.GOAL_STATUS.values()),
            Col("Gesamt", "int"), Col("Code", "code")]  # fmt: skip
    block = sheet.table(cols, rows, total=["Gesamt", *([None] * len(de.GOAL_STATUS)),
                                           o["goals_total"], None])  # fmt: skip
    if block:
        height = max(7.5, 2.5 + 0.6 * len(rows))
        _chart(sheet, report, catalog, (start, len(cols) + 2),
               lambda: bar_chart(sheet, block, list(range(1, 1 + len(de.GOAL_STATUS))),
                                 title=de.TITLES["S12"], x_title="Thema", y_title="Ziele",
                                 horizontal=True, stacked=True, width=18, height=height),
               charts.figure_s12)  # fmt: skip
        sheet.row = max(sheet.row, start + _SIDE_CHART_ROWS)
    sheet.heading("Abschlüsse nach Grund")
    start = sheet.row
    reasons = de.closing_rows(report, catalog)
    block = sheet.table([Col("Grund", wrap=40), Col("Anzahl", "int"), Col("Code", "code")],
                        reasons, total=["Gesamt", o["closed"], None])  # fmt: skip
    if block:
        _chart(sheet, report, catalog, (start, len(cols) + 2),
               lambda: bar_chart(sheet, block, [1], title=de.TITLES["S12-closed"], x_title="",
                                 y_title="Fälle", horizontal=True, width=18, height=7.5),
               charts.figure_s12_closed)  # fmt: skip


_BUILDERS = {"S1": s1, "S2": s2, "S3": s3, "S4": s4, "S5": s5, "S6": s6, "S7": s7, "S8": s8,
             "S9": s9, "S10": s10, "S11": s11, "S12": s12}  # fmt: skip

#: Rows a chart of the comparison sheet takes, so the next block starts below it.
_CHART_ROWS = 23
_SHARE_COLS = [Col("Anzahl", "int"), Col("Anteil", "pct")]


def deck_sheet(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    """The comparison the evaluation showed, each table with its chart on its right.

    Printed, each comparison gets a page of its own.
    """
    referrals = de.share_rows(report["referrals"]["by_target"], catalog, "referral_target")
    topics = de.share_rows(report["topics"]["by_topic"], catalog, "topic")
    muki = [[row[0], row[3], row[4]] for row in de.month_rows(report)]
    if all(de.count(v) == 0 for row in muki for v in row[1:]):
        muki = []
    blocks = [
        ("Einzelberatungen pro Jahr nach Beratungsart",
         [Col("Jahr"), *_kinds(catalog), Col("Gesamt", "int")], de.year_rows(report),
         lambda b: bar_chart(sheet, b, [1, 2], title=de.TITLES["S1"], x_title="Jahr",
                             y_title="Beratungen")),
        (de.TITLES["S3"], [Col("Verwiesen an", wrap=60), *_SHARE_COLS],
         [r[:3] for r in referrals],
         lambda b: pie_chart(sheet, b, 2, title=de.TITLES["S3"])),
        (de.TITLES["S4"], [Col("Thema"), *_SHARE_COLS], [r[:3] for r in topics],
         lambda b: pie_chart(sheet, b, 2, title=de.TITLES["S4"])),
        (de.TITLES["S5-muki"],
         [Col("Monat"), Col(de.INDIVIDUAL, "int"), Col(de.GROUP_SESSIONS, "int")], muki,
         lambda b: bar_chart(sheet, b, [1, 2], title="MuKi-S pro Monat", x_title="Monat",
                             y_title="Anzahl", values=len(muki) <= 12, width=24, height=10.5)),
    ]  # fmt: skip
    figures = [charts.figure_s1, charts.figure_s3, charts.figure_s4, charts.figure_s5_muki]
    charted = False
    for (title, cols, rows, make), figure in zip(blocks, figures, strict=True):
        if charted:
            sheet.ws.row_breaks.append(Break(id=sheet.row - 1))
        sheet.heading(title)
        start = sheet.row
        block = sheet.table(cols, rows)
        charted = block is not None
        if block:
            _chart(sheet, report, catalog, (start, 6), lambda make=make, block=block: make(block),
                   figure)  # fmt: skip
            sheet.row = max(sheet.row, start + _CHART_ROWS)
