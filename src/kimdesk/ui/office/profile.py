"""Kreisprofil: the county profile as a form with its history (coordinator only).

The form edits a copy of the current version: the county's name, the retention years, the
publication threshold, and per catalog new codes and retired ones. "Als neue Version
übernehmen" applies it by the rules of ``domain.profile`` (codes are never removed or
reused); the devices get it with their next reply.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.catalog import (
    DEFAULT_INACTIVE_WEEKS,
    RETENTION_MONTHS,
    RetentionRules,
    retention_rules,
)
from kimdesk.domain.profile import CODE_LENGTH, NEW_CODE
from kimdesk.services import profile
from kimdesk.services.changes import Change

from ..i18n import tr
from ..screen import Context, Screen
from ..widgets.common import add_rows, error_label, fill_table, ok_cancel, record_table, show_error

#: The catalogs a coordinator edits here, with their names in the interface.
CATALOGS = {
    "topic": QT_TR_NOOP("Themen"), "referral_target": QT_TR_NOOP("Verweisziele"),
    "program": QT_TR_NOOP("Programme"), "setting": QT_TR_NOOP("Settings"),
    "language_mediation": QT_TR_NOOP("Sprachmittlung"), "access_route": QT_TR_NOOP("Zugangswege"),
    "closure_reason": QT_TR_NOOP("Abschlussgründe"), "group_format": QT_TR_NOOP("Gruppenformate"),
    "municipality": QT_TR_NOOP("Kommunen"), "kind": QT_TR_NOOP("Beratungsarten"),
    "residence_group": QT_TR_NOOP("Aufenthaltsgruppen"),
    "arrival_band": QT_TR_NOOP("Einreisezeiträume"),
}  # fmt: skip


def _german_day(iso: str) -> str:
    """ "2026-12-02T…" as 02.12.2026."""
    return f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}"


class NewCodeDialog(QDialog):
    """A new code: its identifier and its labels, checked before the dialog closes."""

    def __init__(self, taken: set[str], length: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.taken = {code.casefold() for code in taken}
        self.setWindowTitle(tr("Neuer Code"))
        self.code = QLineEdit()
        self.code.setMaxLength(length)
        self.code.setPlaceholderText(tr("z. B. digital (ohne Leerzeichen)"))
        self.label_de = QLineEdit()
        self.label_en = QLineEdit()
        for box in (self.label_de, self.label_en):
            box.setMaxLength(200)
        form = QFormLayout(self)
        add_rows(form, ((tr("&Code:"), self.code), (tr("&Bezeichnung:"), self.label_de),
                        (tr("&Englisch:"), self.label_en)))  # fmt: skip
        buttons = ok_cancel(self, self.check)
        self.problem = error_label("newCodeProblem")
        form.addRow(self.problem)
        form.addRow(buttons)

    def check(self) -> None:
        item = self.item()
        code = item["code"]
        if not NEW_CODE.fullmatch(code):
            self.problem.setText(tr("Der Code besteht aus Kleinbuchstaben a–z, Ziffern und _, "
                                    "z. B. digital."))  # fmt: skip
            self.code.setFocus()
        elif code.casefold() in self.taken:
            self.problem.setText(tr("Den Code „{code}“ gibt es in diesem Katalog schon; ein "
                                    "Code wird nie ein zweites Mal vergeben.", code=code))  # fmt: skip
            self.code.setFocus()
        elif not item["de"]:
            self.problem.setText(tr("Bitte eine Bezeichnung eingeben."))
            self.label_de.setFocus()
        else:
            self.accept()

    def item(self) -> dict:
        de = self.label_de.text().strip()
        return {"code": self.code.text().strip(), "de": de,
                "en": self.label_en.text().strip() or de}  # fmt: skip


class ProfileScreen(Screen):
    refresh_on = (Change.PROFILE,)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("Kreis&profil")
        self.document: dict | None = None  # the copy being edited
        self.version = QLabel()
        self.version.setObjectName("profileVersion")
        self.name = QLineEdit()
        self.retention = QSpinBox()
        self.retention.setRange(1, 30)
        self.retention.setSuffix(tr(" Jahre"))
        self.min_count = QSpinBox()
        self.min_count.setRange(2, 20)
        self.inactive_weeks = QSpinBox()  # case_work.inactive_weeks: the devices' Wiedervorlage
        self.inactive_weeks.setRange(1, 52)
        self.inactive_weeks.setSuffix(tr(" Wochen"))
        # retention: the deletion concept's periods besides the years after closure
        self.one_off_months, self.inactive_months = QSpinBox(), QSpinBox()
        for box in (self.one_off_months, self.inactive_months):
            box.setRange(*RETENTION_MONTHS)
            box.setSuffix(tr(" Monate"))
        settings = QGroupBox(tr("Einstellungen"))
        form = QFormLayout(settings)
        add_rows(form, ((tr("&Name des Kreises:"), self.name),
                        (tr("Aufbe&wahrungsfrist:"), self.retention),
                        (tr("Mindest&fallzahl für Veröffentlichungen:"), self.min_count),
                        (tr("Wiedervor&lage ohne Beratung nach:"), self.inactive_weeks),
                        (tr("Löschfrist nach nur einmaliger &Beratung:"), self.one_off_months),
                        (tr("Löschfrist für r&uhende offene Fälle (ohne Aktivität):"),
                         self.inactive_months)))  # fmt: skip
        self.catalog = QComboBox()
        for code, label in CATALOGS.items():
            self.catalog.addItem(tr(label), code)
        self.catalog.currentIndexChanged.connect(lambda _i: self._show_codes())
        catalog_label = QLabel(tr("Ka&talog:"))
        catalog_label.setBuddy(self.catalog)
        self.codes = record_table([tr("Code"), tr("Bezeichnung"), tr("Englisch"), tr("seit Version"),
                                   tr("Status")], "profileCodes")  # fmt: skip
        self.codes.setAccessibleName(tr("Codes des Katalogs"))
        add = QPushButton(tr("Code hin&zufügen …"))
        add.clicked.connect(self.add_code)
        retire = QPushButton(tr("Stilll&egen"))
        retire.clicked.connect(self.retire_code)
        row = QHBoxLayout()
        row.addWidget(catalog_label)
        row.addWidget(self.catalog, 1)
        row.addWidget(add)
        row.addWidget(retire)
        self.apply_button = QPushButton(tr("Als neue &Version übernehmen"))
        self.apply_button.clicked.connect(self.apply)
        discard = QPushButton(tr("Änderungen verwe&rfen"))
        discard.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(discard)
        buttons.addStretch(1)
        self.message = error_label("profileMessage")
        self.history = record_table([tr("Version"), tr("vom"), tr("Änderungen")], "profileHistory")
        self.history.setAccessibleName(tr("Versionen des Kreisprofils"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(settings)
        layout.addLayout(row)
        layout.addWidget(self.codes, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(tr("Verlauf:")))
        layout.addWidget(self.history, 1)

    # -- Screen -----------------------------------------------------------------------------

    def load(self) -> None:
        self.ctx.ops.query(profile.show, self._show)

    def focus_first(self) -> None:
        self.name.setFocus()

    def _show(self, shown: dict) -> None:
        self.document = copy.deepcopy(shown["profile"])
        doc = self.document
        self.version.setText(tr("Version {n} des Kreisprofils „{profile}“ ({county}). Die Geräte "
                                "erhalten eine neue Version mit ihrer nächsten Antwort.",
                                n=doc["version"], profile=doc["profile"], county=doc["county"]))  # fmt: skip
        self.name.setText(doc["name"])
        self.retention.setValue(doc["retention_years"])
        self.min_count.setValue(doc["publication"]["min_count"])
        self.inactive_weeks.setValue(doc.get("case_work", {}).get("inactive_weeks",
                                                                 DEFAULT_INACTIVE_WEEKS))  # fmt: skip
        rules = retention_rules(doc) or RetentionRules()
        self.one_off_months.setValue(rules.one_off_months)
        self.inactive_months.setValue(rules.inactive_months)
        fill_table(self.history, [
            (h["version"], _german_day(h["created_at"]), "; ".join(h["summary"]))
            for h in shown["history"]
        ])  # fmt: skip
        self.history.resizeColumnsToContents()
        self._show_codes()

    def _items(self) -> list[dict]:
        if self.document is None:
            return []
        return self.document["catalogs"].setdefault(self.catalog.currentData(), [])

    def _show_codes(self) -> None:
        self.codes.clearSelection()  # "Stilllegen" acts on a code of the catalog shown
        fill_table(self.codes, [
            (i["code"], i["de"], i.get("en", ""), i.get("since") or tr("neu"),
             tr("stillgelegt") if i.get("active") is False else tr("aktiv"))
            for i in self._items()
        ])  # fmt: skip
        self.codes.resizeColumnsToContents()

    # -- actions ----------------------------------------------------------------------------

    def add_code(self) -> None:
        if self.document is None:
            return
        catalog = self.catalog.currentData()
        dialog = NewCodeDialog({i["code"] for i in self._items()}, CODE_LENGTH[catalog], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        item = dialog.item()
        if catalog == "municipality":
            item["parent"] = self.document["county"]
        self._items().append(item)
        self._show_codes()
        self.message.setText(tr("Noch nicht übernommen: „{code}“ kommt mit der neuen Version.",
                                code=item["code"]))  # fmt: skip

    def retire_code(self) -> None:
        rows = self.codes.selectionModel().selectedRows()
        if not rows:
            self.message.setText(tr("Bitte zuerst einen Code in der Liste wählen."))
            return
        item = self._items()[rows[0].row()]
        item["active"] = False
        self._show_codes()
        self.message.setText(tr("Noch nicht übernommen: „{code}“ wird mit der neuen Version "
                                "stillgelegt.", code=item["code"]))  # fmt: skip

    def value(self) -> dict:
        doc = copy.deepcopy(self.document)
        doc["name"] = self.name.text().strip()
        doc["retention_years"] = self.retention.value()
        doc["publication"] = {"min_count": self.min_count.value()}
        doc.pop("case_work", None)  # written only where the county sets another number
        if self.inactive_weeks.value() != DEFAULT_INACTIVE_WEEKS:
            doc["case_work"] = {"inactive_weeks": self.inactive_weeks.value()}
        doc.pop("retention", None)  # likewise
        rules = RetentionRules(self.one_off_months.value(), self.inactive_months.value())
        if rules != RetentionRules():
            doc["retention"] = {"one_off_months": rules.one_off_months,
                                "inactive_months": rules.inactive_months}  # fmt: skip
        return doc

    def apply(self) -> None:
        if self.document is None:
            return
        doc = self.value()
        self.ctx.ops.change(lambda ws: profile.apply_document(ws, doc), self._applied,
                            lambda error: show_error(self.message, error))  # fmt: skip

    def _applied(self, applied: profile.Applied) -> None:
        change = applied.change
        if change.empty:
            self.message.setText(tr("Das Profil ändert nichts; es wurde keine neue Version "
                                    "angelegt."))  # fmt: skip
            return
        self.message.clear()  # an error label: the news goes to the status bar and the history
        self.ctx.messages.info.emit(tr("Version {n} übernommen: {what}", n=change.version,
                                       what="; ".join(profile.summary(change))))  # fmt: skip
