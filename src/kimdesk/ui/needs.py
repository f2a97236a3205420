"""Bedarfsmeldungen: structural needs for the steering group, with a guard against personal
data in the texts (the challenge and the solution go to the district office's reports).

The office shows the same screen. Fields are owned (docs/sync.md, "Decisions and field
ownership"): the coordinator keeps status, solution and responsible body up to date, which a
case manager sees read-only; a need reported on a device keeps its challenge, topic,
municipality, date and affected cases as the device sends them, read-only at the office.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import StructuralNeed
from kimdesk.domain.enums import NeedStatus
from kimdesk.services import needs, records
from kimdesk.services.changes import Change

from .colors import warning_color
from .i18n import tr
from .labels import NEED_STATUS as STATUS
from .screen import Context, Screen
from .widgets.common import (
    add_rows,
    button_row,
    confirm,
    error_label,
    fill_table,
    list_column,
    read_form,
    record_table,
    shortcuts,
    show_error,
)
from .widgets.fields import CodeCombo, CountField, DateField

#: What the personal-data check found, as the warning names it.
HINT_KINDS = {"birth_date": QT_TR_NOOP("ein Geburtsdatum"), "email": QT_TR_NOOP("eine E-Mail-Adresse"),
              "phone": QT_TR_NOOP("eine Telefonnummer"), "name": QT_TR_NOOP("ein Name"),
              "address": QT_TR_NOOP("eine Adresse")}  # fmt: skip
SHORT = 60


def fit_columns(table: QTableWidget, stretch: int) -> None:
    """Columns as wide as their contents, one taking the rest: no sideways scrolling."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def read_only(widget: QWidget, flag: bool) -> None:
    """A field the other side decides: readable, selectable, on the window's grey so that it
    does not look like one to type into."""
    widget.setReadOnly(flag)
    widget.setStyleSheet("background: palette(window);" if flag else "")


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


class NeedsScreen(Screen):
    refresh_on = (Change.STRUCTURAL_NEED,)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("Bedarfs&meldungen")
        self.items: list[StructuralNeed] = []
        self.need: StructuralNeed | None = None
        self.table = record_table([tr("Gemeldet"), tr("Kommune"), tr("Thema"),
                                   tr("Herausforderung"), tr("Fälle"), tr("Status")], "needTable")  # fmt: skip
        self.table.setAccessibleName(tr("Bedarfsmeldungen"))
        self.table.itemSelectionChanged.connect(self._picked)
        fit_columns(self.table, stretch=3)  # the challenge takes what is left, shortened
        self.table.setWordWrap(False)
        new_button = QPushButton(tr("Neue Meldung (Strg+N)"))
        new_button.clicked.connect(self.new_need)
        left = list_column(self.table, new_button)

        self.reported = DateField()
        self.municipality = CodeCombo([])
        self.topic = CodeCombo([])
        self.challenge = _text_box(5)
        self.challenge.textChanged.connect(self._check_text)
        self.warning = QLabel(tr("Bitte keine personenbezogenen Daten (Namen, Geburtsdaten, Adressen) "
                                 "in den Text: Er geht in die Berichte der Kreisstelle ein."))  # fmt: skip
        self.warning.setObjectName("personalDataWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {warning_color()}; font-weight: bold;")
        self.suspicion = error_label("personalDataHint")
        self.affected = CountField(100_000)
        self.status = QComboBox()
        for code, label in STATUS.items():
            self.status.addItem(tr(label), str(code))
        # On a device the status is the office's: shown read-only (readable, focusable).
        self.status_shown = QLineEdit()
        self.status_shown.setReadOnly(True)
        self.status_shown.setObjectName("statusShown")
        self.status_shown.setAccessibleName(tr("Status (trägt die Kreisstelle ein)"))
        status_box = QWidget()
        status_row = QHBoxLayout(status_box)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.status)
        status_row.addWidget(self.status_shown)
        self.status_shown.hide()
        status_box.setFocusProxy(self.status)
        self.status_box = status_box
        self.solution = _text_box(3)
        self.solution.textChanged.connect(self._check_text)
        self.responsible = QLineEdit()
        self.owned_note = QLabel()
        self.owned_note.setObjectName("ownedNote")
        self.owned_note.setWordWrap(True)
        self.owned_note.hide()
        self.device_needs: frozenset[str] = frozenset()
        self.message = error_label("needMessage")
        self.save_button = QPushButton(tr("Speichern (Strg+S)"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(tr("Löschen"))
        self.delete_button.clicked.connect(self.delete)
        box = QGroupBox(tr("Bedarfsmeldung"))
        form = QFormLayout(box)
        add_rows(form, ((tr("Gem&eldet am:"), self.reported),
                        (tr("Kommu&ne:"), self.municipality), (tr("&Thema:"), self.topic),
                        (tr("He&rausforderung:"), self.challenge)))  # fmt: skip
        form.addRow("", self.warning)
        form.addRow("", self.suspicion)
        add_rows(form, ((tr("Betroffene Fä&lle:"), self.affected), (tr("Stat&us:"), self.status_box),
                        (tr("L&ösung:"), self.solution),
                        (tr("&Zuständige Stelle:"), self.responsible)))  # fmt: skip
        self.status_label = form.labelForField(self.status_box)
        form.addRow("", self.owned_note)
        form.addRow(button_row(self.save_button, self.delete_button))
        form.addRow(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(box)
        splitter.setSizes([3000, 2000])  # proportions: the list a little wider than the form
        QVBoxLayout(self).addWidget(splitter)
        chain = (self.table, new_button, self.reported, self.municipality, self.topic,
                 self.challenge, self.affected, self.status, self.status_shown, self.solution,
                 self.responsible,
                 self.save_button, self.delete_button)  # fmt: skip
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        shortcuts(self, (("Ctrl+N", self.new_need), ("Ctrl+S", self.save),
                         ("Ctrl+Return", self.save), ("Ctrl+Enter", self.save)))  # fmt: skip
        shortcuts(self.table, (("Del", self.delete),), only_widget=True)
        self._catalog = None
        self._select: str | None = None

    # -- Screen -----------------------------------------------------------------------------

    def load(self) -> None:
        if self._catalog is not self.ctx.catalog:
            self._catalog = catalog = self.ctx.catalog
            self.municipality.set_pairs(needs.municipality_choices(catalog, self.ctx.language))
            self.topic.set_pairs(self.ctx.pairs("topic"), optional=True)
            self.new_need()
        if self.at_office:
            self.ctx.ops.query(needs.device_needs, self._show_owned)
        self.ctx.ops.query(needs.need_list, self._show_list)

    @property
    def at_office(self) -> bool:
        return self.ctx.installation is not None and self.ctx.installation.role == "office"

    def _show_owned(self, ids: frozenset[str]) -> None:
        self.device_needs = ids
        self._owned_fields(self.need)

    def _owned_fields(self, n: StructuralNeed | None) -> None:
        """Read-only what the other side decides: the office's fields on a device, a device's
        fields of its own need at the office."""
        device_fields = (self.reported, self.municipality, self.topic, self.challenge,
                         self.affected)  # fmt: skip
        if self.at_office:
            locked = n is not None and n.id in self.device_needs
            for widget in device_fields:
                widget.setEnabled(not locked)
            self.challenge.setEnabled(True)
            read_only(self.challenge, locked)  # readable and selectable, not changeable
            self.owned_note.setText(tr("Gemeldet von einem Gerät: Datum, Kommune, Thema, "
                                       "Herausforderung und Fälle ändert nur das Gerät."))  # fmt: skip
            self.owned_note.setVisible(locked)
        else:
            self.status.hide()
            self.status_shown.show()
            self.status_box.setFocusProxy(self.status_shown)
            self.status_label.setBuddy(self.status_shown)
            self.status_shown.setText(self.status.currentText())
            for widget in (self.status_shown, self.solution, self.responsible):
                read_only(widget, True)
            self.owned_note.setText(tr("Status, Lösung und zuständige Stelle trägt die "
                                       "Kreisstelle ein; sie kommen mit ihrer Antwort."))  # fmt: skip
            self.owned_note.setVisible(True)

    def clear(self) -> None:
        self._catalog = None
        self.items, self.need, self._select = [], None, None
        self.table.setRowCount(0)
        for widget in (self.challenge, self.solution):
            widget.clear()
        self.responsible.clear()
        self.affected.set_number(0)
        self.message.clear()

    def focus_first(self) -> None:
        self.table.setFocus()

    def _show_list(self, items: list[StructuralNeed]) -> None:
        self.items = items
        self.table.blockSignals(True)
        fill_table(self.table, [
            (f"{n.reported_on:%d.%m.%Y}", self.ctx.label("municipality", n.municipality),
             self.ctx.label("topic", n.topic), shorten(n.challenge), n.affected_cases,
             tr(STATUS[NeedStatus(n.status)])) for n in items
        ])  # fmt: skip
        for row, n in enumerate(items):
            self.table.item(row, 3).setToolTip(n.challenge)
        wanted = self._select or (self.need.id if self.need else None)
        self._select = None
        row = next((r for r, n in enumerate(items) if n.id == wanted), None)
        if row is not None:
            self.table.selectRow(row)
            if self.need is not None and self.need.id == wanted:
                self.need = items[row]  # the new version; what is typed in the form stays
        self.table.blockSignals(False)

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
        self.status.setCurrentIndex(max(0, self.status.findData(n.status if n else
                                                                NeedStatus.REPORTED)))  # fmt: skip
        self.solution.setPlainText(n.solution or "" if n else "")
        self.responsible.setText(n.responsible_body or "" if n else "")
        self.delete_button.setEnabled(n is not None)
        self._owned_fields(n)

    def _hints(self) -> list[needs.Hint]:
        first: dict[str, needs.Hint] = {}
        for box in (self.challenge, self.solution):
            for hint in needs.personal_data_hints(box.toPlainText()):
                first.setdefault(hint.kind, hint)
        return list(first.values())

    def _check_text(self) -> None:
        hints = self._hints()
        self.suspicion.setText(tr("Achtung, das sieht nach personenbezogenen Daten aus: {found}",
                                  found=", ".join(f"„{h.found}“" for h in hints)) if hints else "")  # fmt: skip

    # -- actions ----------------------------------------------------------------------------

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
        need = read_form(self.message, self.value)
        if need is None:
            return
        hints = self._hints()
        if hints and not self._save_anyway(hints):
            self.challenge.setFocus()
            return
        self.ctx.ops.change(lambda ws: records.save(ws, need), self._saved, self._failed)

    def _save_anyway(self, hints: list[needs.Hint]) -> bool:
        found = "\n".join(f"• {tr(HINT_KINDS[h.kind])}: „{h.found}“" for h in hints)
        answer = QMessageBox.warning(
            self, tr("Personenbezogene Daten?"),
            tr("Der Text enthält anscheinend personenbezogene Daten:\n{found}\n\nEr geht in die "
               "Berichte der Kreisstelle ein. Trotzdem so speichern?", found=found),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, saved: records.Saved) -> None:
        self.need = saved.record
        self._select = saved.record.id
        self.message.clear()
        self.delete_button.setEnabled(True)
        self.ctx.messages.info.emit(tr("Die Bedarfsmeldung wurde gespeichert."))

    def _failed(self, error: Exception) -> None:
        show_error(self.message, error)

    def delete(self) -> None:
        need = self.need
        if need is None:
            return
        question = tr("Die Bedarfsmeldung vom {day} löschen?", day=f"{need.reported_on:%d.%m.%Y}")
        if confirm(self, tr("Bedarfsmeldung löschen"), question):
            self.ctx.ops.change(lambda ws: records.delete(ws, StructuralNeed, need.id),
                             lambda _c: self.new_need(), self._failed)  # fmt: skip
