"""The consultation list as a lazy table model: all ids, rows fetched a page at a time.

A query arrives in two store operations: first the number of matches with the first page
(one pass in SQLite, so the table repaints quickly), then all ids; further pages are asked
for when the view first shows their rows.
Only the newest query counts: results of an older one are dropped, and while a query runs
only the latest request waits behind it (typing in the filter never piles up queries).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal

from kimdesk.services.consultations import (
    ConsultationFilter,
    ConsultationLine,
    consultation_ids,
    consultation_lines,
    first_page,
    read_ahead,
)

from ..i18n import tr
from ..operations import message_for
from ..screen import Context

PAGE = 200
LOADING = "…"

#: (sort key of the service, header) per column.
COLUMNS = (
    ("date", QT_TR_NOOP("Datum")),
    ("municipality", QT_TR_NOOP("Kommune")),
    ("kind", QT_TR_NOOP("Art")),
    ("program", QT_TR_NOOP("Programm")),
    ("who", QT_TR_NOOP("Klient:in / Fall")),
    (None, QT_TR_NOOP("Themen")),
    (None, QT_TR_NOOP("Verweise")),
    ("duration", QT_TR_NOOP("Dauer")),
)


class ConsultationModel(QAbstractTableModel):
    loaded = Signal(int)  # number of rows after a query

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.filter = ConsultationFilter()
        self.sort_key = "date"
        self.descending = True
        self._ids: list[str] = []
        self._pages: dict[int, dict[str, ConsultationLine]] = {}
        self._asked: set[int] = set()
        self._wanted: set[int] = set()  # pages shown before their ids arrived
        self._total = 0
        self._generation = 0
        self._running = False
        self._waiting = False
        self.active = False  # between the first query and clear(): sorting re-queries
        self._read_ahead = False  # the table has been read once since unlocking

    # -- queries --------------------------------------------------------------------------

    def query(self, flt: ConsultationFilter | None = None) -> None:
        if flt is not None:
            self.filter = flt
        self.active = True
        self._generation += 1
        if self._running:
            self._waiting = True
            return
        self._start()

    def _start(self) -> None:
        self._running, self._waiting = True, False
        generation = self._generation
        flt, key, desc = self.filter, self.sort_key, self.descending

        def fetch(ws):
            return first_page(ws, flt, sort=key, descending=desc, limit=PAGE)

        self.ctx.ops.query(
            fetch, lambda result: self._arrived(generation, *result), self._query_failed
        )

    def _query_failed(self, error: Exception) -> None:
        self._running = False
        self.ctx.messages.error.emit(message_for(error))

    def _arrived(self, generation: int, total: int, first: list[ConsultationLine]) -> None:
        """The count and first page are there: show them; the other ids follow."""
        self._running = False
        if self._waiting:
            self._start()
            return
        if generation != self._generation:
            return
        self.beginResetModel()
        self._total = total
        self._ids = [line.id for line in first]
        self._pages = {0: {line.id: line for line in first}}
        self._asked = {0}
        self.endResetModel()
        self.loaded.emit(total)
        if total > len(first):
            flt, key, desc = self.filter, self.sort_key, self.descending

            def outdated() -> bool:  # read on the store thread: a plain int comparison
                return generation != self._generation

            self.ctx.ops.query(
                lambda ws: consultation_ids(ws, flt, sort=key, descending=desc, cancelled=outdated),
                lambda ids: self._all_ids(generation, ids),
            )

    def _all_ids(self, generation: int, ids: list[str] | None) -> None:
        if ids is None or generation != self._generation:
            return
        self._ids = ids
        if len(ids) != self._total:  # changed in between (cannot happen from this window)
            self.beginResetModel()
            self._total = len(ids)
            self.endResetModel()
        wanted, self._wanted = self._wanted, set()
        for page in sorted(wanted):
            self._ask_page(page)
        if not self._read_ahead:  # while the user looks at the list, before the first search
            self.ctx.ops.query(
                lambda ws: read_ahead(ws, cancelled=lambda: generation != self._generation),
                self._was_read,
            )

    def _was_read(self, complete: bool) -> None:
        self._read_ahead = self._read_ahead or complete

    def _ask_page(self, page: int) -> None:
        if page in self._asked or self.ctx.catalog is None:
            return
        if (page + 1) * PAGE > len(self._ids) and len(self._ids) < self._total:
            self._wanted.add(page)  # its ids are still on the way
            return
        self._asked.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE : (page + 1) * PAGE]

        def arrived(lines: list[ConsultationLine]) -> None:
            if generation != self._generation:
                return
            self._pages[page] = {line.id: line for line in lines}
            self.dataChanged.emit(
                self.index(page * PAGE, 0),
                self.index(min((page + 1) * PAGE, self._total) - 1, len(COLUMNS) - 1),
            )

        self.ctx.ops.query(lambda ws: consultation_lines(ws, ids), arrived)

    def clear(self) -> None:
        self.active = False
        self._read_ahead = False
        self._generation += 1
        self.beginResetModel()
        self._ids, self._pages, self._asked, self._wanted = [], {}, set(), set()
        self._total = 0
        self.endResetModel()

    # -- access ---------------------------------------------------------------------------

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    @property
    def complete(self) -> bool:
        """All ids of the current result are known (not only the first page)."""
        return len(self._ids) == self._total

    def row_of(self, consultation_id: str) -> int:
        try:
            return self._ids.index(consultation_id)
        except ValueError:
            return -1

    def line_at(self, row: int) -> ConsultationLine | None:
        page = self._pages.get(row // PAGE)
        if page is None or row >= len(self._ids):
            self._ask_page(row // PAGE)
            return None
        return page.get(self._ids[row])

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self._total

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        line = self.line_at(index.row())
        if line is None:
            return LOADING
        return self._text(line, index.column(), role == Qt.ItemDataRole.ToolTipRole)

    def _text(self, line: ConsultationLine, column: int, full: bool) -> str:
        label = self.ctx.label
        if column == 0:
            return f"{line.occurred_on:%d.%m.%Y}"
        if column == 1:
            return label("municipality", line.municipality)
        if column == 2:
            return label("kind", line.kind)
        if column == 3:  # "KIM (Case Management)" → "KIM": the column is narrow
            return label("program", line.program).split(" (")[0]
        if column == 4:
            return line.who
        if column == 5:
            return ", ".join(label("topic", t) for t in line.topics)
        if column == 6:
            return ", ".join(label("referral_target", t) for t in line.referrals)
        return tr("{minutes} min", minutes=line.duration_min) if line.duration_min else ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.active:
            self.query()
