"""Mögliche Doppelung: the likely same persons (``services.duplicates``), offered when a new
client is saved and on request for a stored one. The case manager chooses; nothing is joined
without that choice."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kimdesk.services.duplicates import Candidate

from ..i18n import tr
from ..widgets.common import fill_table, record_table

#: What the case manager chose.
JOIN, NEW = "join", "new"


class DuplicatesDialog(QDialog):
    """The candidates in a table, most likely first; ``join_text`` acts on the selected row,
    ``new_text`` (when given) goes on without joining. ``choice`` and ``chosen`` tell.

    Saving a new client (``new_text`` given), Enter creates it, as the case manager meant to:
    giving the case to someone else takes Alt+Z or a click. Checking a stored client, Enter
    on a row chooses it (a question with the answer No by default follows)."""

    def __init__(self, candidates: list[Candidate], intro: str, join_text: str,
                 new_text: str | None = None, parent=None):  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("Mögliche Doppelung"))
        self.candidates = candidates
        self.choice: str | None = None
        self.chosen: str | None = None
        text = QLabel(intro)
        text.setWordWrap(True)
        self.table = record_table([tr("Name"), tr("Geburtsdatum"), tr("Fälle"), tr("Warum")],
                                  "duplicateList")  # fmt: skip
        self.table.setAccessibleName(tr("Mögliche Doppelungen"))
        fill_table(self.table, (
            (c.name, f"{c.birth_date:%d.%m.%Y}" if c.birth_date else tr("unbekannt"), c.cases,
             c.likeness.reason)
            for c in candidates
        ))  # fmt: skip
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self._decide(JOIN))
        self.table.installEventFilter(self)  # Enter on a row joins: the table would swallow it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = QPushButton(join_text)
        self.join_button.clicked.connect(lambda: self._decide(JOIN))
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button = None
        if new_text:
            self.new_button = QPushButton(new_text)
            self.new_button.clicked.connect(lambda: self._decide(NEW))
            buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.enter_choice = NEW if new_text else JOIN
        (self.new_button or self.join_button).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100,
                    self.fontMetrics().height() * (10 + len(candidates)))  # fmt: skip

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.setFocus()  # the rows first: arrows choose

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # fmt: skip
            self._decide(self.enter_choice)
            return True
        return super().eventFilter(watched, event)

    def _decide(self, choice: str) -> None:
        row = self.table.currentRow()
        if choice == JOIN and not 0 <= row < len(self.candidates):
            return
        self.choice = choice
        self.chosen = self.candidates[row].client_id if choice == JOIN else None
        self.accept()
