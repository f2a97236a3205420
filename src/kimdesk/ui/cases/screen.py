"""Fälle: the case list beside the selected case with its client, goals and history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import Goal
from kimdesk.services import access, case_summary, cases, duplicates, handovers, privacy, records
from kimdesk.services.changes import Change

from ..i18n import tr
from ..screen import Context, Screen
from ..widgets.common import (
    add_rows,
    confirm,
    error_label,
    ok_cancel,
    read_form,
    record_table,
    scrolling,
    shortcuts,
    show_error,
)
from ..widgets.fields import CodeCombo, DateField
from .duplicates import JOIN, DuplicatesDialog
from .forms import PHASES, CaseForm, ClientForm
from .goals import GoalsPanel
from .summary import SummaryDialog


class CloseDialog(QDialog):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Fall abschließen"))
        self.day = DateField()
        self.reason = CodeCombo(ctx.pairs("closure_reason"))
        form = QFormLayout(self)
        add_rows(form, ((tr("Abgeschlossen &am:"), self.day), (tr("&Grund:"), self.reason)))
        buttons = ok_cancel(self)
        self.message = error_label("closeMessage")
        form.addRow(self.message)
        form.addRow(buttons)

    def accept(self) -> None:
        if read_form(self.message, self.day.value) is not None:
            super().accept()


class HandoverDialog(QDialog):
    """Fall übergeben: the device of the county the client's cases go to."""

    def __init__(self, devices, cases: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Fall übergeben"))
        self.device = QComboBox()
        self.device.setObjectName("handoverDevice")
        for entry in devices:
            self.device.addItem(f"{entry.name} ({entry.fingerprint})", entry.installation_id)
        text = QLabel(tr(
            "Die Klient:in geht mit allen ihren Fällen (%n) an das gewählte Gerät: Personendaten, "
            "Fälle, Ziele und Notizen, verschlüsselt nur für dieses Gerät. Die Übergabe reist mit "
            "dem nächsten Bundle; die Fälle sind hier ab sofort schreibgeschützt. Sobald das "
            "Gerät sie übernommen hat, werden die Personendaten hier gelöscht; die Beratungen "
            "bleiben für die Statistik.", "", cases))  # fmt: skip
        text.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(text)
        add_rows(form, ((tr("An &Gerät:"), self.device),))
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Übergeben"))
        form.addRow(buttons)
        self.setMinimumWidth(480)


class CasesScreen(Screen):
    refresh_on = (Change.CLIENT, Change.CASE, Change.GOAL, Change.CONSULTATION)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Fälle")
        self.current: cases.CaseFile | None = None
        self.search = QLineEdit()
        self.search.setAccessibleName(tr("Fälle suchen"))
        self.search.setPlaceholderText(tr("Suche nach Name, Aktenzeichen, Fallzeichen (Strg+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.load_list())
        self.with_closed = QCheckBox(tr("auch abgeschlossene"))
        self.with_closed.toggled.connect(lambda _b: self.load_list())
        self.list = QListWidget()
        self.list.setObjectName("caseList")
        self.list.setAccessibleName(tr("Fälle"))
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.currentItemChanged.connect(self._picked)
        new_button = QPushButton(tr("Neuer Fall (Strg+N)"))
        new_button.clicked.connect(self.new_case)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.with_closed)
        column.addWidget(self.list, 1)
        column.addWidget(new_button)

        self.heading = QLabel()
        self.heading.setObjectName("caseHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.client_form = ClientForm(ctx)
        self.case_form = CaseForm(ctx)
        self.goals = GoalsPanel(ctx)
        self.goals.save.connect(self.save_goal)
        self.goals.remove.connect(self.remove_goal)
        self.history = record_table(
            [tr("Datum"), tr("Art"), tr("Themen"), tr("Dauer")], "caseHistory"
        )
        self.history.setAccessibleName(tr("Beratungen in diesem Fall"))
        self.message = error_label("caseMessage")
        self.save_button = QPushButton(tr("Speichern (Strg+S)"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(tr("Fall abschließen …"))
        self.close_button.clicked.connect(self.close_case)
        self.erase_button = QPushButton(tr("Personendaten löschen …"))
        self.erase_button.setToolTip(tr("Löscht Namen, Kontaktdaten und Notizen dieser Person; "
                                        "die Beratungen bleiben für die Statistik."))  # fmt: skip
        self.erase_button.clicked.connect(self.erase_person)
        self.handover_button = QPushButton(tr("Fall übergeben …"))
        self.handover_button.setToolTip(tr("Übergibt die Klient:in mit ihren Fällen an ein "
                                           "anderes Gerät des Kreises."))  # fmt: skip
        self.handover_button.clicked.connect(self.hand_over)
        self.report_button = QPushButton(tr("Auskunft …"))
        self.report_button.setObjectName("accessReport")
        self.report_button.setToolTip(
            tr(
                "Alles, was über diese Person gespeichert ist, als PDF "
                "für sie oder als JSON (Art. 15 und 20 DSGVO)."
            )
        )
        self.report_button.clicked.connect(self.report_access)
        self.summary_button = QPushButton(tr("Fallübersicht drucken …"))
        self.summary_button.setToolTip(tr("Eine Übersicht des Falls als PDF für die Papierakte "
                                          "oder ein Übergabegespräch, mit den Teilen, die Sie "
                                          "ankreuzen."))  # fmt: skip
        self.summary_button.clicked.connect(self.print_summary)
        self.duplicates_button = QPushButton(tr("Doppelte prüfen …"))
        self.duplicates_button.setToolTip(tr("Sucht Klient:innen, die dieselbe Person sein "
                                             "könnten, und führt sie auf Wunsch zusammen."))  # fmt: skip
        self.duplicates_button.clicked.connect(self.check_duplicates)
        buttons = QGridLayout()  # two columns: seven buttons do not fit beside the client form
        for index, button in enumerate((self.save_button, self.close_button, self.erase_button,
                                        self.handover_button, self.report_button,
                                        self.summary_button, self.duplicates_button)):  # fmt: skip
            buttons.addWidget(button, index // 2, index % 2)

        detail = QWidget()
        body = QVBoxLayout(detail)
        body.addWidget(self.heading)
        top = QHBoxLayout()
        top.addWidget(self.client_form, 1)
        right = QVBoxLayout()
        right.addWidget(self.case_form)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch(1)
        top.addLayout(right, 1)
        body.addLayout(top)
        body.addWidget(self.goals)
        history_label = QLabel(tr("Beratungen in diesem Fall"))
        body.addWidget(history_label)
        body.addWidget(self.history)
        scroll = self.detail_scroll = scrolling(detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        shortcuts(self, (("Ctrl+N", self.new_case), ("Ctrl+S", self.save),
                         ("Ctrl+F", self.search.setFocus)))  # fmt: skip
        self._catalog = None
        self._select: str | None = None

    # -- Screen ---------------------------------------------------------------------------

    def load(self) -> None:
        if self._catalog is not self.ctx.catalog:
            self._catalog = self.ctx.catalog
            self.client_form.set_catalog()
            self.case_form.set_catalog()
            self.goals.set_catalog()
            self.new_case()
        self.load_list()
        if self.current is not None:
            self.open_case(self.current.case.id)

    def clear(self) -> None:
        self.list.blockSignals(True)  # emptying the list picks nothing
        self.list.clear()
        self.list.blockSignals(False)
        self.current = None
        self.client_form.clear()
        self.goals.table.setRowCount(0)
        self.goals.text.clear()
        self.history.setRowCount(0)
        self.heading.clear()
        self.search.clear()
        self._catalog = None

    def focus_first(self) -> None:
        self.search.setFocus()

    # -- list -----------------------------------------------------------------------------

    def load_list(self) -> None:
        if self.ctx.catalog is None:
            return
        text, closed = self.search.text(), self.with_closed.isChecked()
        self.ctx.ops.query(lambda ws: cases.case_lines(ws, text, closed=closed), self._show_list)

    def _show_list(self, lines: list[cases.CaseLine]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for line in lines:
            who = line.who or tr("(ohne Namen)")
            state = (tr("abgeschlossen") if line.closed_on
                     else tr(PHASES.get(line.phase, line.phase)))  # fmt: skip
            item = QListWidgetItem(
                f"{who}\n{self.ctx.label('municipality', line.municipality)} · "
                f"{line.opened_on:%d.%m.%Y} · {state}"
            )
            item.setData(Qt.ItemDataRole.UserRole, line.case_id)
            self.list.addItem(item)
            if line.case_id == self._select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._select = None

    def _picked(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.open_case(item.data(Qt.ItemDataRole.UserRole))

    def open_case(self, case_id: str) -> None:
        self.ctx.ops.query(lambda ws: cases.case_file(ws, case_id), self._show_case)

    def _show_case(self, file: cases.CaseFile | None) -> None:
        if file is None:
            self.new_case()
            return
        self.current = file
        self.message.clear()
        name = (
            " ".join(p for p in (file.client.given_name, file.client.family_name) if p)
            if file.client
            else ""
        )
        self.heading.setText(tr("Fall von {who}", who=name) if name else tr("Fall"))
        self.client_form.show_client(file.client)
        self.case_form.show_case(file.case)
        self.goals.show_goals(file.goals)
        handed = file.handed_to is not None
        self.close_button.setEnabled(file.case.closed_on is None and not handed)
        self.erase_button.setEnabled(file.client is not None and not handed)
        self.handover_button.setEnabled(not handed)
        self.report_button.setEnabled(file.client is not None and not handed)
        self.summary_button.setEnabled(file.client is not None and not handed)
        self.duplicates_button.setEnabled(file.client is not None and not handed)
        self.save_button.setEnabled(not handed)
        for part in (self.goals, self.client_form, self.case_form):
            part.setEnabled(not handed)
        if handed:
            self.message.setText(tr("Dieser Fall wurde an {device} übergeben und ist hier "
                                    "schreibgeschützt.", device=file.handed_to))  # fmt: skip
        self.history.setRowCount(len(file.history))
        for row, (day, kind, topics, minutes) in enumerate(file.history):
            cells = (f"{day:%d.%m.%Y}", self.ctx.label("kind", kind),
                     ", ".join(self.ctx.label("topic", t) for t in topics),
                     tr("{minutes} min", minutes=minutes) if minutes else "")  # fmt: skip
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))

    # -- actions --------------------------------------------------------------------------

    def report_access(self) -> None:
        """Auskunft (Art. 15/20): the file the case manager names, PDF or JSON."""
        if self.current is None:
            return
        chosen, kind = QFileDialog.getSaveFileName(
            self, tr("Auskunft speichern"), str(Path.home() / "Auskunft.pdf"),
            tr("PDF für die Person (*.pdf);;JSON, maschinenlesbar (*.json)"))  # fmt: skip
        if not chosen:
            return
        if not chosen.lower().endswith((".pdf", ".json")):
            chosen += ".json" if "json" in kind.lower() else ".pdf"
        case_id = self.current.case.id
        self.ctx.ops.query(
            lambda ws: access.write_client_report(ws, case_id, chosen, force=True),
            lambda written: self.message.setText(tr(
                "Auskunft gespeichert: {path}. Sie enthält Personendaten: nur der Person "
                "aushändigen.", path=str(written.path))),
            lambda error: show_error(self.message, error))  # fmt: skip

    def new_case(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.heading.setText(tr("Neuer Fall"))
        self.client_form.show_client(None)
        if self.ctx.catalog is not None:
            self.case_form.show_case(None)
        if self.ctx.catalog is not None:
            self.goals.show_goals([])
        self.goals.setEnabled(False)
        self.close_button.setEnabled(False)
        self.erase_button.setEnabled(False)
        self.handover_button.setEnabled(False)
        self.report_button.setEnabled(False)
        self.summary_button.setEnabled(False)
        self.duplicates_button.setEnabled(False)
        self.save_button.setEnabled(True)
        self.client_form.setEnabled(True)
        self.case_form.setEnabled(True)
        self.history.setRowCount(0)
        self.message.clear()
        self.detail_scroll.verticalScrollBar().setValue(0)  # the new form from its top
        self.client_form.given.setFocus()

    def save(self) -> None:
        if self.ctx.catalog is None:
            return
        values = read_form(self.message, lambda: (self.client_form.value(), self.case_form.value()))
        if values is None:
            return
        client, case = values
        if self.current is None and (client.given_name or client.family_name):
            # A new client: is this person here already? Offered, never joined unasked.
            self.ctx.ops.query(lambda ws: duplicates.likely_duplicates(ws, client),
                               lambda found: self._offer(found, client, case), self._failed)  # fmt: skip
            return
        self._write(lambda ws: cases.save_case(ws, client, case))

    def _write(self, fn) -> None:
        self.ctx.ops.change(fn, self._saved, self._failed)

    def _offer(self, found, client, case) -> None:
        if not found:
            self._write(lambda ws: cases.save_case(ws, client, case))
            return
        dialog = DuplicatesDialog(
            found, tr("Diese Person gibt es vielleicht schon. Den neuen Fall der gewählten Person "
                      "zuordnen (Ihre Eingaben ergänzen deren leere Angaben) oder doch eine neue "
                      "Klient:in anlegen?"),
            tr("Fall dieser Person &zuordnen"), tr("&Neue Klient:in anlegen"), self)  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.message.setText(tr("Nicht gespeichert."))
            return
        existing = dialog.chosen if dialog.choice == JOIN else None
        self._write(lambda ws: duplicates.save_case_for(ws, client, case, existing)
                    if existing else cases.save_case(ws, client, case))  # fmt: skip

    def _saved(self, saved: cases.SavedCase) -> None:
        self.message.clear()
        self._select = saved.case.id
        self.current = cases.CaseFile(saved.case, saved.client, self.goals.goals, [])
        self.ctx.messages.info.emit(tr("Der Fall wurde gespeichert."))

    def _failed(self, error: Exception) -> None:
        show_error(self.message, error)

    def save_goal(self, panel: GoalsPanel) -> None:
        if self.current is None:
            return
        goal = read_form(self.message, lambda: panel.value(self.current.case.id))
        if goal is None:
            return
        self.ctx.ops.change(lambda ws: records.save(ws, goal), None, self._failed)

    def remove_goal(self, goal: Goal) -> None:
        self.ctx.ops.change(lambda ws: records.delete(ws, Goal, goal.id), None, self._failed)

    def erase_person(self) -> None:
        client = self.current.client if self.current else None
        if client is None:
            return
        if not confirm(self, tr("Personendaten löschen"),
                       tr("Name, Geburtsdatum, Kontaktdaten, Aktenzeichen und alle Notizen dieser "
                          "Person und ihrer Fälle endgültig löschen? Die Beratungen und die "
                          "statistischen Angaben bleiben erhalten.")):  # fmt: skip
            return
        client_id = client.id

        def erased(result) -> None:
            if self.ctx.undo is not None:
                self.ctx.undo.clear()  # an erasure is final: no step may bring a name back
            self.ctx.messages.info.emit(tr("%n Datensätze geleert.", "", result.records))

        self.ctx.ops.change(lambda ws: privacy.erase_client(ws, client_id), erased, self._failed)

    def hand_over(self) -> None:
        if self.current is None:
            return
        case_id = self.current.case.id
        client_id = self.current.case.client_id

        def chosen(found) -> None:
            devices, count = found
            if not devices:
                self.message.setText(tr("Dieses Gerät kennt noch keine anderen Geräte des "
                                        "Kreises; sie kommen mit der nächsten Antwort der "
                                        "Kreisstelle."))  # fmt: skip
                return
            dialog = HandoverDialog(devices, count, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            to = dialog.device.currentData()
            self.ctx.ops.change(lambda ws: handovers.hand_over(ws, to=to, cases=[case_id]),
                                self._handed, self._failed)  # fmt: skip

        self.ctx.ops.query(lambda ws: (handovers.directory(ws),
                                       cases.case_count(ws, case_id, client_id)), chosen)  # fmt: skip

    def check_duplicates(self) -> None:
        """Likely duplicates of this case's client; the chosen one is merged into it after a
        question (final, like an erasure)."""
        client = self.current.client if self.current else None
        if client is None:
            return

        def found(candidates) -> None:
            if not candidates:
                self.message.setText(tr("Keine mögliche Doppelung gefunden."))
                return
            dialog = DuplicatesDialog(
                candidates, tr("Diese Klient:innen könnten dieselbe Person sein. Zusammenführen "
                               "übernimmt Fälle und Beratungen der gewählten Person in diese; "
                               "deren Angaben ergänzen leere Felder, Notizen, Aktenzeichen und "
                               "Einwilligungen werden zusammengelegt."),
                tr("Mit dieser Person &zusammenführen …"), None, self)  # fmt: skip
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            other = dialog.chosen
            if not confirm(self, tr("Zusammenführen"),
                           tr("Die gewählte Klient:in in diese zusammenführen? Das lässt sich "
                              "nicht rückgängig machen.")):  # fmt: skip
                return
            self.ctx.ops.change(lambda ws: duplicates.merge_clients(ws, client.id, other),
                                self._merged, self._failed)  # fmt: skip

        self.message.clear()
        self.ctx.ops.query(lambda ws: duplicates.likely_duplicates(ws, client), found,
                           self._failed)  # fmt: skip

    def _merged(self, merged) -> None:
        if self.ctx.undo is not None:
            self.ctx.undo.clear()  # final: no step may bring the other record back
        self.ctx.messages.info.emit(tr("Zusammengeführt: {cases} Fälle und {visits} Beratungen "
                                       "übernommen.", cases=merged.cases,
                                       visits=merged.consultations))  # fmt: skip
        if self.current is not None:
            self.open_case(self.current.case.id)

    def print_summary(self) -> None:
        if self.current is None:
            return
        dialog = SummaryDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        parts = dialog.parts()
        reference = f"F-{self.current.case.id[-8:]}"
        chosen, _kind = QFileDialog.getSaveFileName(
            self, tr("Fallübersicht speichern"), str(Path.home() / f"Fallübersicht {reference}.pdf"),
            tr("PDF (*.pdf)"))  # fmt: skip
        if not chosen:
            return
        if not chosen.lower().endswith(".pdf"):
            chosen += ".pdf"
        self.write_summary(parts, Path(chosen))

    def write_summary(self, parts: set[str], path: Path) -> None:
        case_id = self.current.case.id
        self.ctx.ops.query(
            lambda ws: case_summary.write_case_summary(ws, case_id, parts, path, force=True),
            lambda written: self.message.setText(tr(
                "Fallübersicht gespeichert: {path}. Sie enthält Sozialdaten: vertraulich "
                "behandeln.", path=str(written.path))),
            lambda error: show_error(self.message, error))  # fmt: skip

    def _handed(self, written) -> None:
        self.ctx.messages.info.emit(tr(
            "Übergabe an {device} vorbereitet: %n Fälle. Sie reist mit dem nächsten Bundle.", "",
            written.cases, device=written.receiver))  # fmt: skip

    def close_case(self) -> None:
        if self.current is None or self.current.case.closed_on is not None:
            return
        dialog = CloseDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        case_id, day, reason = self.current.case.id, dialog.day.value(), dialog.reason.code()
        self.ctx.ops.change(
            lambda ws: cases.close_case(ws, case_id, day, reason), None, self._failed
        )
