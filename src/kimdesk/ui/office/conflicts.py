"""Konflikte: two versions of one record side by side, the differing fields highlighted;
the coordinator keeps one."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kimdesk.services.changes import Changes
from kimdesk.services.sync import list_conflicts, resolve_conflict

from ..i18n import tr
from ..operations import message_for
from ..screen import Context, Screen
from ..widgets.common import fill_table, record_table

DIFFERENT = QColor("#fbeec9")
ENTITIES = {
    "client": QT_TR_NOOP("Klient:in"), "case": QT_TR_NOOP("Fall"), "goal": QT_TR_NOOP("Ziel"),
    "consultation": QT_TR_NOOP("Beratung"), "group_offer": QT_TR_NOOP("Gruppenangebot"),
    "group_session": QT_TR_NOOP("Gruppentermin"), "structural_need": QT_TR_NOOP("Bedarfsmeldung"),
}  # fmt: skip
VERSIONS = {"stored": QT_TR_NOOP("gespeicherte"), "incoming": QT_TR_NOOP("eingetroffene")}


@dataclass(frozen=True)
class Resolved:
    record_id: str
    changes: Changes


def resolve(ws, conflict_id: str, keep: str, entity: str) -> Resolved:
    return Resolved(resolve_conflict(ws, conflict_id, keep), Changes.of(entity, "conflict"))


def _value(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return tr("ja") if value else tr("nein")
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictsScreen(Screen):
    refresh_on = ("conflict", "bundle")

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Konflikte")
        self.items: list[dict] = []
        self.list = record_table([tr("Datensatz"), tr("Erkannt am"), tr("Abweichende Felder")],
                                 "conflictList")  # fmt: skip
        self.list.itemSelectionChanged.connect(self._picked)
        self.heading = QLabel(tr("Keine offenen Konflikte."))
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.fields = record_table([tr("Feld"), tr("Gespeichert"), tr("Eingetroffen")],
                                   "conflictFields")  # fmt: skip
        self.keep_stored = QPushButton(tr("&Gespeicherte Fassung behalten"))
        self.keep_stored.clicked.connect(lambda: self.keep("stored"))
        self.keep_incoming = QPushButton(tr("&Eingetroffene Fassung behalten"))
        self.keep_incoming.clicked.connect(lambda: self.keep("incoming"))
        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_stored)
        buttons.addWidget(self.keep_incoming)
        buttons.addStretch(1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.fields, 1)
        column.addLayout(buttons)
        column.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self._enable(False)

    def load(self) -> None:
        self.ctx.ops.run(list_conflicts, self._show)

    def clear(self) -> None:
        self.items = []
        self.list.setRowCount(0)
        self.fields.setRowCount(0)
        self.heading.clear()
        self.message.clear()

    def focus_first(self) -> None:
        self.list.setFocus()

    def _enable(self, on: bool) -> None:
        self.keep_stored.setEnabled(on)
        self.keep_incoming.setEnabled(on)

    def _show(self, items: list[dict]) -> None:
        self.items = items
        fill_table(self.list, (
            (f"{tr(ENTITIES.get(c['entity'], c['entity']))} {c['record'][-8:]}",
             c["detected_at"][:10], ", ".join(c["differing_fields"]))
            for c in items
        ))  # fmt: skip
        self.list.resizeColumnsToContents()
        self.fields.setRowCount(0)
        self._enable(False)
        if items:
            self.heading.setText(tr("{n} offene Konflikte. Bitte einen wählen.", n=len(items)))
            self.list.selectRow(0)
        else:
            self.heading.setText(tr("Keine offenen Konflikte."))

    def _picked(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        c = self.items[rows[0].row()]
        stored, incoming = c["stored"], c["incoming"]
        names = [k for k in stored if k in incoming] + [k for k in incoming if k not in stored]
        fill_table(self.fields, ((k, _value(stored.get(k)), _value(incoming.get(k)))
                                 for k in names))  # fmt: skip
        bold = QFont(self.fields.font())
        bold.setBold(True)
        for row, key in enumerate(names):
            if key in c["differing_fields"]:
                for column in range(3):
                    item = self.fields.item(row, column)
                    item.setBackground(DIFFERENT)
                    item.setFont(bold)
        self.fields.resizeColumnsToContents()
        self.heading.setText(
            tr("{entity} {record}: die {applied} Fassung ist angewendet; die andere ist hier "
               "aufbewahrt. Welche soll gelten?", entity=tr(ENTITIES.get(c["entity"], c["entity"])),
               record=c["record"], applied=tr(VERSIONS[c["applied"]]))
        )  # fmt: skip
        self._enable(True)

    def keep(self, which: str) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        c = self.items[rows[0].row()]
        self._enable(False)
        self.ctx.ops.run(lambda ws: resolve(ws, c["id"], which, c["entity"]),
                         lambda _r: self.message.setText(tr("Der Konflikt ist aufgelöst.")),
                         self._failed)  # fmt: skip

    def _failed(self, error: Exception) -> None:
        self._enable(True)
        self.message.setText(message_for(error))
