"""Writing a statistics sheet: tables with their formats, native Excel charts on them, and
the page layout that prints each sheet on A4 landscape (``workbook`` builds the sheets).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from . import charts
from . import labels as de

INT = "#,##0"
#: Publication mode puts the chart figures in as pictures, this wide (pixels) and sharp.
FIGURE_WIDTH, FIGURE_DPI = 680, 110
PCT = "0.0 %"
RATE = "0.0"
#: Text starting with these is a formula (or its start) to a spreadsheet program.
_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_ROW = 5
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_RULE = Side(style="thin", color="808080")
_GREY = "666666"


@dataclass(frozen=True)
class Col:
    heading: str
    kind: str = "text"  # text | int | pct | rate | code
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
        elif kind == "rate":  # per 10,000 inhabitants: one decimal
            cell.value, cell.number_format = value, RATE
        else:
            self._text(row, col, value)
            if kind == "code":  # apart from the figures on its left
                cell.font = Font(color=_GREY)
                cell.alignment = Alignment(horizontal="left", indent=1)
        return cell

    def _measure(self, col: int, value, kind: str, wrap: int | None) -> None:
        if value is None:
            return
        shown = {"int": de.number, "pct": de.percent, "rate": de.rate}.get(kind, str)(value)
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
