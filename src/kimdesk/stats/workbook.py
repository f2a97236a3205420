"""The statistics workbook: a cover sheet, one sheet per statistic S1–S10, the comparison sheet.

Every figure is read from the report dict (``report.compute``), nothing is counted here; in
publication mode a count may be the text "•" (hidden) and a share ``None``. Charts are native Excel
charts on the cells of the table beside them, so the file stays correct when someone edits it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break

from kimdesk.domain.catalog import Catalog

from . import charts
from . import labels as de

INT = "#,##0"
#: Publication mode puts the chart figures in as pictures, this wide (pixels) and sharp.
FIGURE_WIDTH, FIGURE_DPI = 680, 110
PCT = "0.0 %"
#: Text starting with these is a formula (or its start) to a spreadsheet program.
_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_ROW = 5
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_RULE = Side(style="thin", color="808080")
_GREY = "666666"


@dataclass(frozen=True)
class Col:
    heading: str
    kind: str = "text"  # text | int | pct | code
    wrap: int | None = None  # wrap text at about this many characters


@dataclass(frozen=True)
class Block:
    """Where a table landed: its header row, first and last data row, first column."""

    header: int
    first: int
    last: int
    left: int = 1

    def ref(self, ws, col: int, *, with_header: bool = True) -> Reference:
        top = self.header if with_header else self.first
        return Reference(ws, min_col=self.left + col, min_row=top, max_row=self.last)


def safe_text(value) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


class Sheet:
    """One worksheet being written top to bottom: title, tables, charts, print set-up."""

    def __init__(
        self,
        wb: Workbook,
        name: str,
        title: str,
        caption: str,
        note: str = "",
        *,
        freeze: bool = True,
        repeat_header: bool = True,
    ):
        self.ws = wb.create_sheet(name)
        self.repeat_header = repeat_header
        self.widths: dict[int, float] = {}
        #: Charts and pictures as (row, column, width cm, height cm): for the print scale.
        self.drawings: list[tuple[int, int, float, float]] = []
        self.frozen = not freeze  # the first table's header row stays in view
        self._text(1, 1, title).font = Font(bold=True, size=14)
        self._text(2, 1, caption).font = Font(italic=True, color=_GREY)
        self.lines = [2] if caption else []  # caption and note: wrapped over the tables' width
        if note:
            self._text(3, 1, note).font = Font(color=_GREY)
            self.lines.append(3)
        self.row = HEADER_ROW

    def _text(self, row: int, col: int, value):
        cell = self.ws.cell(row, col)
        text = safe_text(value)
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the text
        if text.startswith(_UNSAFE_START):
            cell.quotePrefix = True
        return cell

    def put(self, row: int, col: int, value, kind: str = "text"):
        cell = self.ws.cell(row, col)
        if value is None:
            return cell
        if de.is_hidden(value):
            cell = self._text(row, col, value)
            cell.alignment = Alignment(horizontal="right")
        elif kind == "int" and de.count(value) is not None:
            cell.value, cell.number_format = value, INT
        elif kind == "pct":
            cell.value, cell.number_format = round(value / 100, 3), PCT  # as shown: 71.4 %
        else:
            self._text(row, col, value)
            if kind == "code":  # apart from the figures on its left
                cell.font = Font(color=_GREY)
                cell.alignment = Alignment(horizontal="left", indent=1)
        return cell

    def _measure(self, col: int, value, kind: str, wrap: int | None) -> None:
        if value is None:
            return
        shown = {"int": de.number, "pct": de.percent}.get(kind, str)(value)
        width = min(len(shown), wrap) if wrap else len(shown)
        if kind == "code":
            width += 2  # the indent
        self.widths[col] = max(self.widths.get(col, 0), width)

    def heading(self, text: str) -> None:
        self._text(self.row, 1, text).font = Font(bold=True, size=12)
        self.row += 1

    def table(
        self, columns: list[Col], rows: list[list], *, total: list | None = None, left: int = 1
    ) -> Block | None:
        """Header, rows and an optional total row at the current row; None when empty."""
        header = self.row
        for i, col in enumerate(columns):
            cell = self._text(header, left + i, col.heading)
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.border = Border(bottom=_RULE)
            cell.alignment = Alignment(wrap_text=True, vertical="bottom",
                                       horizontal="right" if col.kind in ("int", "pct") else None,
                                       indent=1 if col.kind == "code" else 0)  # fmt: skip
            if col.kind == "code":
                cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="left",
                                           indent=1)  # fmt: skip
            self._measure(left + i, col.heading, "text", col.wrap or 30)
        if not self.frozen:
            self.ws.freeze_panes = self.ws.cell(header + 1, 1)
            if self.repeat_header:  # on every printed page
                self.ws.print_title_rows = f"{header}:{header}"
            self.frozen = True
        if not rows:
            self._text(header + 1, left, de.NO_DATA).font = Font(italic=True, color=_GREY)
            self.row = header + 3
            return None
        for r, values in enumerate(rows, start=header + 1):
            self._row(r, columns, values, left)
        last = header + len(rows)
        if total is not None:
            self._row(last + 1, columns, total, left, bold=True)
        self.row = last + (3 if total is not None else 2)
        return Block(header, header + 1, last, left)

    def _row(self, r: int, columns: list[Col], values: list, left: int, bold=False) -> None:
        lines = 1
        cells = []
        for i, (col, value) in enumerate(zip(columns, values, strict=True)):
            cell = self.put(r, left + i, value, col.kind)
            cells.append(cell)
            self._measure(left + i, value, col.kind, col.wrap)
            if col.wrap and value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                # Words break before the edge: allow some slack per line.
                if len(str(value)) > col.wrap:
                    lines = max(lines, math.ceil(len(str(value)) * 1.15 / col.wrap))
            if bold:
                cell.font = Font(bold=True)
                cell.border = Border(top=_RULE)
        if lines > 1:  # spreadsheet programs do not all grow wrapped rows by themselves
            self.ws.row_dimensions[r].height = 15 * lines
            for cell in cells:  # a tall row reads from its top line
                cell.alignment = Alignment(
                    wrap_text=cell.alignment.wrap_text,
                    horizontal=cell.alignment.horizontal,
                    vertical="top",
                )

    def chart(self, chart, row: int, col: int) -> None:
        if chart is not None:
            self.ws.add_chart(chart, f"{get_column_letter(col)}{row}")
            self.drawings.append((row, col, chart.width, chart.height))

    def figure(self, fig, row: int, col: int) -> None:
        """A chart figure (``charts``) as a picture: publication mode, where hidden counts
        are hatched; a figure with nothing but hidden counts becomes a line saying so."""
        if all(any(t.get_text() in (charts.ALL_HIDDEN, de.NO_DATA) for t in ax.texts)
               for ax in fig.axes):  # fmt: skip
            text = self._text(row, col, "Kein Diagramm: nur geheim gehaltene Werte (•).")
            text.font = Font(italic=True, color=_GREY)
            return
        buf = BytesIO()
        with charts.quiet_glyphs():
            fig.savefig(buf, format="png", dpi=FIGURE_DPI)
        picture = Image(buf)
        picture.width, picture.height = FIGURE_WIDTH, round(FIGURE_WIDTH * 5.6 / 10)
        self.ws.add_image(picture, f"{get_column_letter(col)}{row}")
        self.drawings.append((row, col, picture.width * _CM_PER_PX, picture.height * _CM_PER_PX))

    def finish(self) -> None:
        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = max(8, min(width + 2, 60))
        setup = self.ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.page_margins.left = self.ws.page_margins.right = 0.5
        self.ws.oddFooter.left.text = self.ws.title
        self.ws.oddFooter.right.text = "Seite &P von &N"
        self._wrap_caption()
        width, height = self._extent()
        across = min(_PAGE_CM[0] * _SLACK / width, _MAX_SCALE / 100)  # as wide as the page
        down = _PAGE_CM[1] * _SLACK / height  # as tall as the page
        if down >= across * _SHRINK:  # one page (or one per block), as large as fits
            setup.scale = max(10, int(min(across, down) * 100))
        else:  # longer than a page: as wide as the page, as many pages as it takes
            setup.fitToWidth, setup.fitToHeight = 1, 0
            self.ws.sheet_properties.pageSetUpPr.fitToPage = True

    def _wrap_caption(self) -> None:
        """Caption and note span the columns of the tables, wrapped: a long line would
        otherwise print on a page of its own."""
        last = max([*self.widths, 1])
        if last < 2:
            return
        chars = sum(max(8, min(w + 2, 60)) for w in self.widths.values())
        for row in self.lines:
            cell = self.ws.cell(row, 1)
            self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = math.ceil(len(str(cell.value)) * 1.1 / chars)
            if lines > 1:
                self.ws.row_dimensions[row].height = 15 * lines

    def _extent(self) -> tuple[float, float]:
        """Width and height (cm, at 100 %) of what this sheet prints: cells and drawings; for a
        sheet with page breaks, of its largest block."""
        left = [0.0]
        for col in range(1, max([*self.widths, 1, *(d[1] for d in self.drawings)]) + 2):
            dim = self.ws.column_dimensions[get_column_letter(col)]
            left.append(left[-1] + (dim.width or 8.43) * _CM_PER_CHAR)
        width = left[max(self.widths)] if self.widths else 1.0
        breaks = [b.id for b in self.ws.row_breaks.brk]
        top = [0.0]  # top[r]: where row r + 1 starts
        for r in range(1, self.row + 1):
            points = self.ws.row_dimensions[r].height or (22 if r == 1 else 15)
            top.append(top[-1] + points * _CM_PER_POINT)

        def block_top(row: int) -> float:  # where the printed page of ``row`` starts
            return top[max([0, *(b for b in breaks if b < row)])]

        height = max(top[b] - block_top(b) for b in [*breaks, self.row])
        for row, col, w, h in self.drawings:
            width = max(width, left[col - 1] + w)
            height = max(height, top[min(row - 1, self.row)] - block_top(row) + h)
        return width, height


#: What a sheet may use of an A4 landscape page (cm), margins, header and footer off.
_PAGE_CM = (27.6, 17.2)
_MAX_SCALE = 125
#: Charts print a little wider than their anchors say; a sheet a little too long for a page
#: is made smaller to fit rather than broken.
_SLACK, _SHRINK = 0.92, 0.7
#: Sizes at 100 %: a column width unit (as LibreOffice prints it; Excel takes less), a point,
#: a pixel.
_CM_PER_CHAR, _CM_PER_POINT, _CM_PER_PX = 0.25, 2.54 / 72, 2.54 / 96


# Native charts -------------------------------------------------------------------------------


def _labels(*, values: bool = True) -> DataLabelList:
    """Value labels only: left unset, some programs also print series and category names."""
    labels = DataLabelList()
    labels.showVal = values
    labels.showPercent = labels.showCatName = labels.showSerName = False
    labels.showLegendKey = False
    return labels


def bar_chart(
    sheet: Sheet,
    block: Block,
    series: list[int],
    *,
    title: str,
    x_title: str,
    y_title: str,
    horizontal: bool = False,
    stacked: bool = False,
    values: bool = True,
    width: float = 17,
    height: float = 12,
) -> BarChart | None:
    """A bar chart of columns ``series`` (offsets in the block) against its first column.

    None when there is no bar to draw (publication mode may hide every count).
    """
    counts = [
        sheet.ws.cell(r, block.left + col).value
        for col in series
        for r in range(block.first, block.last + 1)
    ]
    counts = [v for v in counts if isinstance(v, int | float)]
    if not any(v > 0 for v in counts):
        return None
    chart = BarChart()
    if max(counts) < 10:  # a count axis in steps of 0.5 would show "1" twice
        chart.y_axis.majorUnit = 1
    chart.type = "bar" if horizontal else "col"
    chart.title, chart.style = title, 10
    chart.x_axis.title, chart.y_axis.title = x_title, y_title
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes otherwise
    chart.y_axis.numFmt = INT
    if horizontal:  # first row on top, as in the table
        chart.x_axis.scaling.orientation = "maxMin"
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    chart.gapWidth = 60
    for col in series:
        chart.add_data(block.ref(sheet.ws, col), titles_from_data=True)
    chart.set_categories(block.ref(sheet.ws, 0, with_header=False))
    for s in chart.series:
        s.dLbls = _labels(values=values and not stacked)
    if len(series) == 1:
        chart.legend = None
    else:
        chart.legend.position = "b"
    chart.width, chart.height = width, height
    return chart


def pie_chart(sheet: Sheet, block: Block, share_col: int, *, title: str) -> PieChart | None:
    """A pie of the shares in the table: labels are the report's percentages, not Excel's.

    None when publication mode hid every share: an empty pie would only confuse.
    """
    column = block.left + share_col
    shares = [sheet.ws.cell(r, column).value for r in range(block.first, block.last + 1)]
    if not any(isinstance(v, float | int) and v > 0 for v in shares):
        return None
    chart = PieChart()
    chart.title = title
    chart.add_data(block.ref(sheet.ws, share_col), titles_from_data=True)
    chart.set_categories(block.ref(sheet.ws, 0, with_header=False))
    labels = _labels()
    labels.numFmt = PCT
    chart.series[0].dLbls = labels
    chart.legend.position = "r"
    chart.width, chart.height = 22, 10
    return chart


# Sheets --------------------------------------------------------------------------------------

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
        ["Kreis", de.county(report, catalog)],
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
    sheet.heading("Enthaltene Daten (Bundles je Installation)")
    sources = [
        [s["name"], de.bundle_ranges(s["bundles"]), de.moment(s["latest"]), s["installation"]]
        for s in report.get("sources", [])
    ]
    heads = ["Installation", "Bundles", "zuletzt eingegangen"]
    sheet.table([*map(Col, heads), Col("Kennung", "code")], sources)
    sheet.heading("Inhalt")
    contents = [[name, de.TITLES[key]] for name, key in SHEETS]
    contents.append([DECK, "Vergleich: Jahre, Verweise, Themen, MuKi-S pro Monat"])
    block = sheet.table([Col("Blatt"), Col("Inhalt")], contents)
    for r, (name, _) in enumerate(contents, start=block.first):
        cell = sheet.ws.cell(r, 1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheetname(name)}!A1")
        cell.font = Font(color="1F4E79", underline="single")
    sheet.widths[1] = max(sheet.widths[1], 24)
    sheet.finish()


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
    sheet.heading("Je Ort, Format und Monat")
    rows = [
        [de.place(catalog, r["municipality"], r["format"]), de.month(r["month"]), r["held"],
         r["cancelled"], r["participants"], r["municipality"]]
        for r in g["by_place_month"]
    ]  # fmt: skip
    sheet.table([Col("Ort – Format", wrap=60), Col("Monat"), *counts, Col("AGS", "code")], rows)


def s8(sheet: Sheet, report: dict, catalog: Catalog) -> None:
    n = report["structural_needs"]
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
