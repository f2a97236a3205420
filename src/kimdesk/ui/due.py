"""Heute fällig: the Wiedervorlage of the case manager (issue 19, ``services.due``).

Overdue, today and this week at the top; below every item up to Sunday, earliest first.
Enter or a double click on a case's row opens it in Fälle. The app opens here when
anything is due (``main_window``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TR_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from kimdesk.services import due
from kimdesk.services.changes import Change

from .i18n import tr
from .screen import Context, Screen
from .widgets.common import fill_table, record_table

KIND_LABELS = {
    "follow_up": QT_TR_NOOP("Wiedervorlage"),
    "goal": QT_TR_NOOP("Ziel"),
    "inactive": QT_TR_NOOP("ohne Beratung"),
    "erasure": QT_TR_NOOP("Löschfrist"),
    "consent": QT_TR_NOOP("Einwilligung"),
}


def until_sunday(today: date) -> int:
    """Days from today to this week's Sunday: what the screen lists ahead."""
    return 6 - today.weekday()


class DueScreen(Screen):
    #: Alt+Ä (Gruppenangebote gave the letter up: "&Veranstaltender Träger"); also Ctrl+7.
    title = QT_TR_NOOP("Heute f&ällig")
    refresh_on = (Change.CLIENT, Change.CASE, Change.GOAL, Change.CONSULTATION, Change.PROFILE)
    #: A case to open in Fälle (its id).
    case_wanted = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr(DueScreen.title)
        self.counts = QLabel()
        self.counts.setObjectName("dueCounts")
        font = self.counts.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.counts.setFont(font)
        self.table = record_table([tr("Fällig am"), tr("Art"), tr("Klient:in / Fall"),
                                   tr("Grund")], "dueList")  # fmt: skip
        self.table.setAccessibleName(tr("Fällige Wiedervorlagen"))
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.installEventFilter(self)  # Enter on a row: the table would swallow it
        hint = QLabel(tr("Eingabe oder Doppelklick öffnet den Fall. Löschfristen bestätigen Sie "
                         "unter Datei → Eingabekontrolle."))  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self._items: list[due.DueItem] = []
        self.found: due.DueList | None = None

    def load(self) -> None:
        today = date.today()

        def fetch(ws):
            found = due.due(ws, today=today, days=until_sunday(today))
            return found, due.names(ws, found)

        self.ctx.ops.query(fetch, self._show)

    def _show(self, result) -> None:
        found, names = result
        self.found = found
        self._items = found.items
        self.counts.setText(tr("Überfällig: {overdue} · Heute: {today} · Diese Woche: {week}",
                               overdue=found.overdue, today=found.due_today,
                               week=found.this_week))  # fmt: skip
        fill_table(self.table, (
            (f"{item.due_on:%d.%m.%Y}", tr(KIND_LABELS[item.kind]),
             f"{names.get(item.client_id) or tr('(ohne Namen)')} · {item.reference}",
             item.reason)
            for item in found.items
        ))  # fmt: skip
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if found.items:
            self.table.selectRow(0)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.counts.clear()
        self._items = []
        self.found = None

    def focus_first(self) -> None:
        self.table.setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # fmt: skip
            self.open_current()
            return True
        return super().eventFilter(watched, event)

    def open_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._items) and self._items[row].case_id:
            self.case_wanted.emit(self._items[row].case_id)


def due_count(found: due.DueList) -> int:
    """What the status bar shows: overdue and today."""
    return found.overdue + found.due_today
