"""Bedarfsmeldungen: structural needs for the steering group, with a guard against personal
data in the challenge text (it is exported)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import StructuralNeed
from kimdesk.domain.enums import NeedStatus
from kimdesk.services import needs, records

from .i18n import tr
from .screen import Context, Screen
from .widgets.common import (
    add_rows,
    button_row,
    confirm,
    error_label,
    list_column,
    record_table,
    shortcuts,
    show_error,
)
from .widgets.fields import CodeCombo, CountField, DateField

STATUS = {NeedStatus.REPORTED: QT_TR_NOOP("gemeldet"), NeedStatus.IN_PROGRESS: QT_TR_NOOP("in Bearbeitung"),
          NeedStatus.SOLVED: QT_TR_NOOP("gelöst"), NeedStatus.REJECTED: QT_TR_NOOP("abgelehnt")}  # fmt: skip


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(box.fontMetrics().height() * (lines + 1))
    return box


class NeedsScreen(Screen):
    refresh_on = ("structural_need",)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("Bedarfs&meldungen")
        self.items: list[StructuralNeed] = []
        self.need: StructuralNeed | None = None
        self.table = record_table([tr("Gemeldet"), tr("Kommune"), tr("Thema"),
                                   tr("Herausforderung"), tr("Fälle"), tr("Status")], "needTable")  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.itemSelectionChanged.connect(self._picked)
        new_button = QPushButton(tr("Neue Meldung (Strg+N)"))
        new_button.clicked.connect(self.new_need)
        left = list_column(self.table, new_button)

        self.reported = DateField()
        self.municipality = CodeCombo([])
        self.topic = CodeCombo([])
        self.challenge = _text_box(5)
        warning = QLabel(tr("Dieser Text wird an die Kreisstelle übertragen. Bitte keine "
                            "personenbezogenen Daten (Namen, Geburtsdaten, Adressen, "
                            "Telefonnummern) eintragen."))  # fmt: skip
        warning.setObjectName("personalDataWarning")
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.affected = CountField(100_000)
        self.status = QComboBox()
        for code, label in STATUS.items():
            self.status.addItem(tr(label), str(code))
        self.solution = _text_box(3)
        self.responsible = QLineEdit()
        self.message = error_label("needMessage")
        save = QPushButton(tr("Speichern (Strg+S)"))
        save.clicked.connect(self.save)
        self.delete_button = QPushButton(tr("Löschen"))
        self.delete_button.clicked.connect(self.delete)
        box = QGroupBox(tr("Bedarfsmeldung"))
        form = QFormLayout(box)
        add_rows(form, ((tr("Gemeldet a&m:"), self.reported),
                             (tr("&Kommune:"), self.municipality), (tr("&Thema:"), self.topic),
                             (tr("Herausforderung:"), self.challenge), ("", warning),
                             (tr("Betroffene &Fälle:"), self.affected),
                             (tr("Stat&us:"), self.status), (tr("&Lösung:"), self.solution),
                             (tr("&Zuständige Stelle:"), self.responsible)))  # fmt: skip
        form.addRow(button_row(save, self.delete_button))
        form.addRow(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        shortcuts(self, (("Ctrl+N", self.new_need), ("Ctrl+S", self.save)))
        self._catalog = None
        self._select: str | None = None

    def load(self) -> None:
        if self._catalog is not self.ctx.catalog:
            self._catalog = catalog = self.ctx.catalog
            self.municipality.set_pairs(
                [(e.code, e.label_de) for e in catalog.entries_of("municipality")]
            )
            self.topic.set_pairs([(e.code, e.label_de) for e in catalog.entries_of("topic")])
            self.new_need()
        self.ctx.ops.run(needs.need_list, self._show_list)

    def clear(self) -> None:
        self._catalog = None
        self.items, self.need = [], None
        self.table.setRowCount(0)
        for widget in (self.challenge, self.solution):
            widget.clear()
        self.responsible.clear()

    def focus_first(self) -> None:
        self.table.setFocus()

    def _show_list(self, items: list[StructuralNeed]) -> None:
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for row, n in enumerate(items):
            short = n.challenge if len(n.challenge) <= 60 else n.challenge[:59] + "…"
            cells = (f"{n.reported_on:%d.%m.%Y}", self.ctx.label("municipality", n.municipality),
                     self.ctx.label("topic", n.topic), short, str(n.affected_cases),
                     tr(STATUS[NeedStatus(n.status)]))  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if n.id == self._select:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self._select = None

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_need(self.items[rows[0].row()])

    def show_need(self, n: StructuralNeed | None) -> None:
        self.need = n
        self.message.clear()
        self.reported.set_value(n.reported_on if n else None)
        self.municipality.set_code(n.municipality if n else self.ctx.settings.usual_municipality)
        self.topic.set_code(n.topic if n else None)
        self.challenge.setPlainText(n.challenge if n else "")
        self.affected.set_number(n.affected_cases if n else 0)
        self.status.setCurrentIndex(max(0, self.status.findData(n.status if n else "reported")))
        self.solution.setPlainText(n.solution or "" if n else "")
        self.responsible.setText(n.responsible_body or "" if n else "")
        self.delete_button.setEnabled(n is not None)

    def new_need(self) -> None:
        self.table.clearSelection()
        self.show_need(None)
        self.reported.setFocus()

    def value(self) -> StructuralNeed:
        values = dict(reported_on=self.reported.value(), municipality=self.municipality.code(),
                      topic=self.topic.code(), challenge=self.challenge.toPlainText().strip(),
                      affected_cases=self.affected.value(), status=self.status.currentData(),
                      solution=self.solution.toPlainText().strip() or None,
                      responsible_body=self.responsible.text().strip() or None)  # fmt: skip
        return replace(self.need, **values) if self.need else StructuralNeed(**values)

    def save(self) -> None:
        if self.ctx.catalog is None:
            return
        need = self.value()
        hints = needs.personal_data_hints(need.challenge) + needs.personal_data_hints(
            need.solution or ""
        )
        if hints:
            answer = QMessageBox.warning(
                self, tr("Personenbezogene Daten?"),
                tr("Der Text enthält anscheinend {what}. Er wird an die Kreisstelle übertragen. "
                   "Trotzdem so speichern?", what=", ".join(dict.fromkeys(hints))),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                self.challenge.setFocus()
                return
        self.ctx.ops.run(lambda ws: records.save(ws, need), self._saved, self._failed)

    def _saved(self, saved: records.Saved) -> None:
        self.need = saved.record
        self._select = saved.record.id
        self.delete_button.setEnabled(True)
        self.ctx.messages.info.emit(tr("Die Bedarfsmeldung wurde gespeichert."))

    def _failed(self, error: Exception) -> None:
        show_error(self.message, error)

    def delete(self) -> None:
        need = self.need
        if need is None:
            return
        if confirm(self, tr("Löschen"), tr("Diese Bedarfsmeldung löschen?")):
            self.ctx.ops.run(lambda ws: records.delete(ws, StructuralNeed, need.id),
                             lambda _c: self.new_need(), self._failed)  # fmt: skip
