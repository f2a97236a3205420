"""Konflikte: two versions of one record side by side, the differing fields highlighted;
the coordinator keeps one."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.text import printable
from kimdesk.services.changes import Change
from kimdesk.services.conflicts import list_conflicts, resolve_conflict
from kimdesk.services.office import devices

from ..colors import NOTICE, mark
from ..i18n import tr
from ..labels import ENTITY_LABELS, FIELD_NAMES, value_label
from ..operations import message_for
from ..screen import Context, Screen
from ..widgets.common import fill_table, record_table

DIFFERENT = NOTICE
VERSIONS = {"stored": QT_TR_NOOP("gespeicherte"), "incoming": QT_TR_NOOP("eingetroffene")}
FIELDS = {
    **FIELD_NAMES, "duration_min": QT_TR_NOOP("Dauer (min)"), "client_id": QT_TR_NOOP("Klient:in"),
    "version": QT_TR_NOOP("Version"), "origin": QT_TR_NOOP("Zuletzt geändert von"),
    "updated_at": QT_TR_NOOP("Geändert am"), "deleted": QT_TR_NOOP("Gelöscht"),
    "age_group": QT_TR_NOOP("Altersgruppe"), "base_version": QT_TR_NOOP("Bearbeitet ab Version"),
}  # fmt: skip
#: Fields whose values are catalog codes, by catalog.
CODES = {"municipality": "municipality", "program": "program", "kind": "kind", "topic": "topic",
         "setting": "setting", "language_mediation": "language_mediation",
         "access_route": "access_route", "closure_reason": "closure_reason",
         "format": "group_format"}  # fmt: skip
HIDDEN = {"id"}  # the record id is in the heading


def describe(ctx: Context, key: str, value, devices: dict[str, str], entity: str = "*") -> str:
    """A stored value as the coordinator reads it: labels for codes and fixed values, names
    for devices."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return tr("ja") if value else tr("nein")
    if key in CODES:
        return ctx.label(CODES[key], value)
    if isinstance(value, str) and (label := value_label(entity, key, value)):
        return label
    if key == "topics":
        return ", ".join(ctx.label("topic", t) for t in value)
    if key == "referrals":
        return ", ".join(
            ctx.label("referral_target", r.get("target")) + (tr(" (begleitet)") if r.get("accompanied") else "")
            for r in value
        )  # fmt: skip
    if key == "origin":
        return devices.get(value, value)
    if key.endswith("_on") and isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}.{value[5:7]}.{value[:4]}"
    if key == "updated_at" and isinstance(value, str):
        return (
            f"{datetime.fromisoformat(value.replace('Z', '+00:00')).astimezone():%d.%m.%Y %H:%M:%S}"
        )
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def conflicts_and_devices(ws) -> tuple[list[dict], dict[str, str]]:
    names = {d.installation_id: d.name for d in devices(ws)}
    names[ws.installation.id] = printable(ws.installation.name)
    return list_conflicts(ws), names


class ConflictsScreen(Screen):
    refresh_on = (Change.CONFLICT, Change.BUNDLE)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Konflikte")
        self.items: list[dict] = []
        self.devices: dict[str, str] = {}
        self.list = record_table([tr("Datensatz"), tr("Erkannt am"), tr("Abweichende Felder")],
                                 "conflictList")  # fmt: skip
        self.list.setAccessibleName(tr("Offene Konflikte"))
        self.list.itemSelectionChanged.connect(self._picked)
        self.heading = QLabel(tr("Keine offenen Konflikte."))
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.fields = record_table([tr("Feld"), tr("Gespeichert"), tr("Eingetroffen")],
                                   "conflictFields")  # fmt: skip
        self.fields.setAccessibleName(tr("Die beiden Fassungen, Feld für Feld"))
        # Both versions always in view, side by side; long values wrap instead of widening.
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
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
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([self.fontMetrics().averageCharWidth() * 60, 800])
        QVBoxLayout(self).addWidget(splitter)
        self._enable(False)

    def load(self) -> None:
        self.ctx.ops.query(conflicts_and_devices, lambda result: self._show(*result))

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

    def _field(self, key: str) -> str:
        return tr(FIELDS[key]) if key in FIELDS else key

    def _show(self, items: list[dict], names: dict[str, str]) -> None:
        self.items, self.devices = items, names
        fill_table(self.list, (
            (f"{tr(ENTITY_LABELS.get(c['entity'], c['entity']))} {c['record'][-8:]}",
             f"{c['detected_at'][8:10]}.{c['detected_at'][5:7]}.{c['detected_at'][:4]}",
             ", ".join(self._field(k) for k in c["differing_fields"]))
            for c in items
        ))  # fmt: skip
        self.list.resizeColumnsToContents()
        self.fields.setRowCount(0)
        self._enable(False)
        if items:
            self.heading.setText(tr("%n offene Konflikte. Bitte einen wählen.", "", len(items)))
            self.list.selectRow(0)
        else:
            self.heading.setText(tr("Keine offenen Konflikte."))

    def _picked(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        c = self.items[rows[0].row()]
        stored, incoming = c["stored"], c["incoming"]
        keys = [k for k in stored if k in incoming] + [k for k in incoming if k not in stored]
        keys = [k for k in keys if k not in HIDDEN]
        keys.sort(key=lambda k: k not in c["differing_fields"])  # what differs comes first
        fill_table(self.fields, (
            (self._field(k), describe(self.ctx, k, stored.get(k), self.devices, c["entity"]),
             describe(self.ctx, k, incoming.get(k), self.devices, c["entity"]))
            for k in keys
        ))  # fmt: skip
        bold = QFont(self.fields.font())
        bold.setBold(True)
        for row, key in enumerate(keys):
            if key in c["differing_fields"]:
                for column in range(3):
                    item = self.fields.item(row, column)
                    mark(item, DIFFERENT)
                    item.setFont(bold)
        self.fields.resizeRowsToContents()
        self.heading.setText(
            tr("{entity} {record}: die {applied} Fassung ist angewendet; die andere ist hier "
               "aufbewahrt. Welche soll gelten?", entity=tr(ENTITY_LABELS.get(c["entity"], c["entity"])),
               record=c["record"], applied=tr(VERSIONS[c["applied"]]))
        )  # fmt: skip
        self._enable(True)

    def keep(self, which: str) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        c = self.items[rows[0].row()]
        self._enable(False)
        self.ctx.ops.change(lambda ws: resolve_conflict(ws, c["id"], which),
                         lambda _r: self.message.setText(tr("Der Konflikt ist aufgelöst.")),
                         self._failed)  # fmt: skip

    def _failed(self, error: Exception) -> None:
        self._enable(True)
        self.message.setText(message_for(error))
