"""The goals of a case: a table and a small form to add, change or remove one."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from kimdesk.domain.entities import Goal
from kimdesk.domain.enums import GoalStatus

from ..i18n import tr
from ..labels import GOAL_STATUS as STATUSES
from ..screen import Context
from ..widgets.fields import CodeCombo, DateField


class GoalsPanel(QGroupBox):
    """Emits ``save(goal)`` and ``remove(goal)``; the screen runs them for its case."""

    save = Signal(object)
    remove = Signal(object)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(tr("Ziele"), parent)
        self.ctx = ctx
        self.goals: list[Goal] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("goalTable")
        self.table.setHorizontalHeaderLabels(
            [tr("Thema"), tr("Stand"), tr("Bis"), tr("Ziel (lokal)")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        self.topic = CodeCombo([])
        self.status = QComboBox()
        for code, label in STATUSES.items():
            self.status.addItem(tr(label), str(code))
        self.due = DateField(optional=True)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("Ziel in eigenen Worten (bleibt auf diesem Gerät)"))
        self.text.returnPressed.connect(self._save)
        self.add_button = QPushButton(tr("Ziel speichern"))
        self.add_button.clicked.connect(self._save)
        self.remove_button = QPushButton(tr("Ziel entfernen"))
        self.remove_button.clicked.connect(self._remove)
        self.new_button = QPushButton(tr("Neues Ziel"))
        self.new_button.clicked.connect(lambda: self.table.clearSelection() or self._edit(None))
        grid = QGridLayout(self)
        grid.addWidget(self.table, 0, 0, 1, 4)
        for column, widget in enumerate((self.topic, self.status, self.due, self.text)):
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.new_button, 2, 1)
        grid.addWidget(self.add_button, 2, 2)
        grid.addWidget(self.remove_button, 2, 3, alignment=Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(3, 1)
        self._editing: Goal | None = None

    def set_catalog(self) -> None:
        self.topic.set_pairs(self.ctx.pairs("topic"))

    def show_goals(self, goals: list[Goal]) -> None:
        self.goals = goals
        self.table.clearSelection()
        self.table.setRowCount(len(goals))
        for row, g in enumerate(goals):
            cells = (self.ctx.label("topic", g.topic), tr(STATUSES[GoalStatus(g.status)]),
                     f"{g.due_on:%d.%m.%Y}" if g.due_on else "", g.text or "")  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._edit(None)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._edit(self.goals[rows[0].row()] if rows else None)

    def _edit(self, goal: Goal | None) -> None:
        self._editing = goal
        self.topic.set_code(goal.topic if goal else None)
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status if goal else "open")))
        self.due.set_value(goal.due_on if goal else None)
        self.text.setText(goal.text or "" if goal else "")
        self.remove_button.setEnabled(goal is not None)

    def value(self, case_id: str) -> Goal:
        values = dict(topic=self.topic.code(), status=self.status.currentData(),
                      due_on=self.due.value(), text=self.text.text().strip() or None)  # fmt: skip
        if self._editing is not None:
            return replace(self._editing, **values)
        return Goal(case_id=case_id, **values)

    def _save(self) -> None:
        self.save.emit(self)

    def _remove(self) -> None:
        if self._editing is not None:
            self.remove.emit(self._editing)
