"""Heute fällig: the Wiedervorlage of the case manager (issue 19, ``services.due``).

Overdue, today and this week at the top; below every item up to Sunday, earliest first.
Enter or a double click on a case's row opens it in Fälle; on a due erasure, Enter or Delete
asks and then erases (``retention.erase_due``). The app opens here when anything is due
(``main_window``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TR_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from kimdesk.services import due, retention
from kimdesk.services.changes import Change

from .i18n import tr
from .operations import message_for
from .screen import Context, Screen
from .widgets.common import confirm, fill_table, record_table

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
        hint = QLabel(tr("Eingabe oder Doppelklick öffnet den Fall. Eine abgelaufene Löschfrist "
                         "bestätigen Sie mit Eingabe oder Entf: die Personendaten werden gelöscht, "
                         "die Beratungen bleiben für die Statistik."))  # fmt: skip
        hint.setWordWrap(True)
        self.message = QLabel()  # what the last erasure did, or why it did not
        self.message.setObjectName("dueMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        self._items: list[due.DueItem] = []
        self._names: dict[str, str] = {}
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
        self._names = names
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
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.erase_current()
                return True
        return super().eventFilter(watched, event)

    def current(self) -> due.DueItem | None:
        row = self.table.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def open_current(self) -> None:
        item = self.current()
        if item is not None and item.case_id:
            self.case_wanted.emit(item.case_id)
        elif item is not None and item.kind == "erasure":
            self.erase_current()

    def erase_current(self) -> None:
        """Confirm one due erasure: the reason says what happens (an abandoned open case is
        closed first); the default answer is no."""
        item = self.current()
        if item is None or item.kind != "erasure":
            return
        if item.due_on > date.today():  # listed ahead, up to Sunday
            self.message.setText(tr("Diese Löschfrist läuft erst am {day} ab; dann kann sie "
                                    "bestätigt werden.", day=f"{item.due_on:%d.%m.%Y}"))  # fmt: skip
            return
        name = self._names.get(item.client_id) or tr("(ohne Namen)")
        if not confirm(self, tr("Personendaten löschen"),
                       tr("{name} ({reference}): {reason}\n\nName, Geburtsdatum, Kontakte, "
                          "Notizen und Einwilligungen werden endgültig gelöscht; die Beratungen "
                          "bleiben für die Statistik erhalten.", name=name,
                          reference=item.reference, reason=item.reason)):  # fmt: skip
            return

        def erased(done) -> None:
            if self.ctx.undo is not None:
                self.ctx.undo.clear()  # an erasure is final: no step may bring a name back
            self.message.setText(tr("Personendaten gelöscht ({reference}).",
                                    reference=item.reference))  # fmt: skip

        self.message.clear()
        self.ctx.ops.change(lambda ws: retention.erase_due(ws, item.client_id), erased,
                            lambda e: self.message.setText(message_for(e)))  # fmt: skip


def due_count(found: due.DueList) -> int:
    """What the status bar shows: overdue and today."""
    return found.overdue + found.due_today
