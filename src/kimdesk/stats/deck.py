"""The deck view: the comparison the evaluation showed, as one multi-page PDF for slides.

A title page, then consultations per year split by kind, referrals by target, topics and
MuKi-S per month (individual consultations vs group sessions), as the "Vergleich" sheet of
the workbook; then who was reached and the goals of the cases. The same figures as
``charts``.
"""

from __future__ import annotations

from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kimdesk.domain.catalog import Catalog

from . import charts, land_sheets
from . import labels as de

DECK_CHARTS = (
    ("S1", charts.marked(charts.figure_s1)),
    ("S3", charts.marked(charts.figure_s3)),
    ("S4", charts.marked(charts.figure_s4)),
    ("S5-muki", charts.marked(charts.figure_s5_muki)),
    ("S11", charts.marked(charts.figure_s11)),
    ("S12", charts.marked(charts.figure_s12)),
)


def title_page(report: dict, catalog: Catalog) -> Figure:
    fig = Figure(figsize=charts.SIZE, dpi=charts.DPI)
    FigureCanvasAgg(fig)
    ink, muted = charts.TEXT, charts.MUTED
    fig.text(0.07, 0.72, "KIM – Vergleich", fontsize=34, fontweight="bold", color=ink)
    fig.text(0.07, 0.63, de.county(report, catalog), fontsize=20, color=ink)
    fig.add_artist(Line2D([0.07, 0.93], [0.58, 0.58], color=charts.KIND_COLORS["einmalig"],
                          linewidth=3))  # fmt: skip
    facts = [f"{name}: {value}" for name, value in de.filter_lines(report, catalog)]
    facts.append(f"Stand: {de.moment(report.get('generated_at'))}")
    if report.get("publication"):
        facts.append("Veröffentlichungsfassung: • = geheim gehalten")
    for i, line in enumerate(facts):
        fig.text(0.07, 0.50 - i * 0.055, line, fontsize=13, color=muted)
    listed = enumerate(_deck_charts(report), start=1)
    contents = [f"{n}. {title}" for n, (title, _) in listed]
    for i, line in enumerate(contents):
        fig.text(0.55, 0.50 - i * 0.055, line, fontsize=12, color=ink)
    return fig


def deck_figures(report: dict, catalog: Catalog) -> list[Figure]:
    pages = [build(report, catalog) for _, build in _deck_charts(report)]
    return [title_page(report, catalog), *pages]


def _deck_charts(report: dict) -> list[tuple[str, object]]:
    """The deck's charts after the title page, (title, builder): the Land's start with the
    counties side by side."""
    listed = [(de.TITLES[key], build) for key, build in DECK_CHARTS]
    if land_sheets.is_land(report):
        listed.insert(0, (land_sheets.TITLE, land_sheets.figure_counties))
    return listed


def build_deck(report: dict, catalog: Catalog) -> bytes:
    """The deck as PDF bytes, one figure per page."""
    buf = BytesIO()
    metadata = {"Title": f"KIM – Vergleich {de.county(report, catalog)}", "Creator": "KIMdesk"}
    with PdfPages(buf, metadata=metadata) as pdf, charts.quiet_glyphs():
        for fig in deck_figures(report, catalog):
            pdf.savefig(fig)
    return buf.getvalue()
