"""What the Land's workbook, charts and deck add to the office's (issue 20): the counties
side by side — their reports, key figures and rates per 10,000 inhabitants — and which sums
count only what the counties showed.

A report of the Land is recognised by its ``by_county`` (``services.land_stats``); every other
sheet and chart draws its summed figures as it draws an office's.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from kimdesk.domain.catalog import Catalog

from . import charts
from . import labels as de
from .sheet import Col, Sheet

SHEET, GAPS = "Kreise", "Vollständigkeit"
GAPS_TITLE = "Fehlende Berichte und Summen mit geheim gehaltenen Teilen"
CHART_KEY = "L-kreise-je-10000"
TITLE = "Kreise im Vergleich"
#: Under every sheet of the Land's workbook.
NOTE = ("Summen über die Kreise: wo Kreise einen Teil geheim halten, zählt eine Summe nur die "
        "gezeigten Teile (Untergrenze; Blatt „Vollständigkeit“).")  # fmt: skip


def is_land(report: dict) -> bool:
    return "by_county" in report


def key_figures(report: dict) -> list[list]:
    """Per county: AGS, name, report number, complete, key figures, population, rates."""
    rows = []
    for ags, about in report["counties"].items():
        figures, rate = report["by_county"][ags], report["rates"]["by_county"][ags]
        population = about["population"] or {}
        rows.append([
            ags, about["name"], about["report"], "ja" if about["complete"] else "nein (läuft)",
            figures["consultations"]["total"], figures["reached"]["persons"],
            figures["cases"]["opened"], population.get("inhabitants"),
            str(population["year"]) if population else None,
            rate["consultations"], rate["persons"], rate["cases_opened"],
        ])  # fmt: skip
    return rows


COLUMNS = [
    Col("AGS", "code"), Col("Kreis", wrap=28), Col("Bericht Nr.", "int"), Col("vollständig"),
    Col("Beratungen", "int"), Col("erreichte Personen", "int"), Col("Fälle eröffnet", "int"),
    Col("Einwohner", "int"), Col("Stand"), Col("Beratungen je 10.000", "rate"),
    Col("Personen je 10.000", "rate"), Col("Fälle je 10.000", "rate"),
]  # fmt: skip


def counties_sheet(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    total = report["rates"]["total"]
    sum_row = ["", "Summe", None, "", report["consultations"]["total"],
               report["reached"]["persons"], report["cases"]["opened"],
               total["consultations"]["inhabitants"] or None, None,
               total["consultations"]["rate"], total["persons"]["rate"],
               total["cases_opened"]["rate"]]  # fmt: skip
    sheet.table(COLUMNS, key_figures(report), total=sum_row)
    sheet.row += 1
    counted = total["consultations"]["counties"]
    sheet.heading(f"Raten je 10.000 Einwohner: über die {counted} der {len(report['counties'])} "
                  "Kreise mit Einwohnerzahl im Kreisprofil (Summe: ihre Zahlen durch ihre "
                  "Einwohner)" if counted else "Keiner dieser Kreise hat eine Einwohnerzahl im "
                  "Kreisprofil: keine Raten je 10.000 Einwohner.")  # fmt: skip
    sheet.figure(figure_counties(report, catalog), sheet.row + 1, 1)


def gaps_sheet(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    """Which counties sent no report for the period, and which sums lack hidden parts."""
    missing = report["missing"]
    sheet.heading(f"Ohne Bericht für {report['period']['label']}: {len(missing)} Kreise"
                  if missing else f"Alle gewählten Kreise haben für {report['period']['label']} "
                  "berichtet.")  # fmt: skip
    rows = [[ags, catalog.label("municipality", ags)] for ags in missing]
    sheet.table([Col("AGS", "code"), Col("Kreis")], rows)
    sheet.row += 1
    sheet.heading("Summen, in denen Kreise Teile geheim halten: sie zählen nur die gezeigten "
                  "Teile (Untergrenzen)")  # fmt: skip
    rows = [[path, n] for path, n in report["incomplete"].items()]
    sheet.table([Col("Zahl (Schlüssel wie in kimdesk stats --json)", wrap=60),
                 Col("Kreise mit geheim gehaltenem Teil", "int")], rows)  # fmt: skip


def figure_counties(report: dict, catalog: Catalog) -> Figure:
    """Consultations per county, and per 10,000 inhabitants where the population is known."""
    fig, (left, right) = charts.new_figure(report, catalog, TITLE, ncols=2)
    names = [textwrap.shorten(a["name"], 32) for a in report["counties"].values()]
    counts = [f["consultations"]["total"] for f in report["by_county"].values()]
    rates = [r["consultations"] for r in report["rates"]["by_county"].values()]
    left.set_title("Beratungen", fontsize=12, loc="left")
    if charts.only_hidden(counts):
        charts.no_data(left, charts.ALL_HIDDEN)
    else:
        charts.hbars(left, names, [("Beratungen", counts, charts.KIND_COLORS["einmalig"])])
    right.set_title("Beratungen je 10.000 Einwohner", fontsize=12, loc="left")
    if not any(r is not None for r in rates):
        charts.no_data(right, "keine Einwohnerzahl\nin den Kreisprofilen")
    else:
        drawn = right.barh(range(len(names)), [r or 0 for r in rates], 0.7,
                           color=charts.KIND_COLORS["cm"])  # fmt: skip
        right.bar_label(drawn, labels=[de.rate(r) if r is not None else "ohne Einwohnerzahl"
                                       for r in rates], padding=2, fontsize=9)  # fmt: skip
        right.tick_params(axis="y", left=False, labelleft=False)
        right.xaxis.grid(True, color=charts.GRID)
        right.set_axisbelow(True)
        right.margins(x=0.25)
    return fig


#: The Land's own sheets, after the cover: (name, title, builder).
SHEETS = ((SHEET, TITLE, counties_sheet), (GAPS, GAPS_TITLE, gaps_sheet))
