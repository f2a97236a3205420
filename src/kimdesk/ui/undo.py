"""The app's one undo: an action naming the step it will take back (Datei → Rückgängig,
Alt+Rück or Strg+Z outside a text field) and a button for the quick-entry panel.

Every operation whose result carries an undo step (``services.undo``) lands on the stack;
the stack is emptied when the window locks (its records hold personal data).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from kimdesk.domain.entities import (
    Case,
    Client,
    Consultation,
    Goal,
    GroupOffer,
    GroupSession,
    Record,
    StructuralNeed,
)
from kimdesk.services import records
from kimdesk.services.undo import Action, Step, UndoStack

from .i18n import tr


def _day(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def _what(record: Record, label) -> str:
    """The record in the genitive, as "Löschen {what}" needs it."""
    match record:
        case Consultation():
            return tr("der Beratung vom {day}", day=_day(record.occurred_on))
        case Case():
            return tr("des Falls vom {day}", day=_day(record.opened_on))
        case Client():
            return tr("der Angaben zur Person")
        case Goal():
            return tr("des Ziels „{topic}“", topic=label("topic", record.topic))
        case GroupOffer():
            return tr("des Gruppenangebots „{title}“", title=record.title)
        case GroupSession():
            return tr("des Gruppentermins vom {day}", day=_day(record.held_on))
        case StructuralNeed():
            return tr("der Bedarfsmeldung vom {day}", day=_day(record.reported_on))
    return tr("des Datensatzes")


def describe(step: Step, label) -> str:
    """ "Löschen der Beratung vom 28.11.2026": what taking back ``step`` will undo."""
    action = {
        Action.CREATE: tr("Anlegen"),
        Action.CHANGE: tr("Änderung"),
        Action.DELETE: tr("Löschen"),
        Action.CLOSE: tr("Abschluss"),
        Action.REOPEN: tr("Wiederaufnahme"),
    }[step.action]
    return tr("{action} {what}", action=action, what=_what(step.main, label))


class UndoController(QObject):
    """Holds the stack and the action; runs an undo through the operations queue."""

    undone = Signal(object)  # the Step taken back

    def __init__(self, ctx, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.stack = UndoStack()
        self.action = QAction(parent)
        self.action.setShortcuts([QKeySequence("Alt+Backspace"), QKeySequence.StandardKey.Undo])
        self.action.triggered.connect(self.undo)
        ctx.ops.stepped.connect(self.push)
        self._running = False
        self._update()

    def push(self, step: Step) -> None:
        self.stack.push(step)
        self._update()

    def clear(self) -> None:
        self.stack.clear()
        self._update()

    def text(self) -> str:
        step = self.stack.top()
        if step is None:
            return tr("Rückgängig")
        return tr("Rückgängig: {what}", what=describe(step, self.ctx.label))

    def _update(self) -> None:
        step = self.stack.top()
        text = self.text()
        self.action.setText("&" + text.replace("&", "&&"))
        self.action.setData(text)
        self.action.setEnabled(step is not None and not self._running)
        self.action.setToolTip(
            tr("Nimmt den letzten Schritt genau zurück (Alt+Rück).")
            if step is not None
            else tr("Es gibt nichts rückgängig zu machen.")
        )

    def undo(self) -> None:
        step = self.stack.top()
        if step is None or self._running or self.ctx.catalog is None:
            return
        what = describe(step, self.ctx.label)
        self._running = True
        self._update()

        def done(_changes) -> None:
            self._running = False
            self.stack.pop(step)
            self._update()
            self.ctx.messages.info.emit(tr("Zurückgenommen: {what}", what=what))
            self.undone.emit(step)

        def failed(error: Exception) -> None:
            self._running = False
            self.stack.pop(step)  # it cannot be taken back later either
            self._update()
            self.ctx.messages.error.emit(str(error))

        self.ctx.ops.change(lambda ws: records.undo(ws, step), done, failed)


class UndoButton(QPushButton):
    """A push button that shows the undo action's text, elided to its width."""

    def __init__(self, action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self._action = action
        self._full = ""
        self.setObjectName("undoButton")
        # As wide as the panel gives, never wider: a long step name is cut with "…".
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(tr("Rückgängig")) + 40)
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        self._full = self._action.data()
        self.setToolTip(self._full)
        self.setAccessibleName(self._full)
        self.setEnabled(self._action.isEnabled())
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        keys = tr(" (Alt+Rück)")
        room = self.width() - self.fontMetrics().horizontalAdvance(keys) - 24
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        self.setText(shown + keys)
