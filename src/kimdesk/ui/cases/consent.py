"""The client's consents in Fälle: the history, a dialog to record one, withdrawing one.

The consents are part of the client form and saved with it (Strg+S); they stay on this
device. The dialog checks an entry as the services will (``domain.consent.problems``), with
the age rule of § 36 SGB I from the birth date in the form.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from kimdesk.domain import consent
from kimdesk.domain.consent import Consent, ConsentForm, GivenBy
from kimdesk.domain.errors import KimdeskError, Problem, ValidationError

from ..i18n import tr
from ..screen import Context
from ..widgets.common import add_rows, error_label, ok_cancel, read_form
from ..widgets.fields import DateField

#: The forms a new consent is recorded in; a consent from before schema 13 has none.
FORMS = {ConsentForm.WRITTEN: QT_TR_NOOP("schriftlich"),
         ConsentForm.ELECTRONIC: QT_TR_NOOP("elektronisch"),
         ConsentForm.ORAL: QT_TR_NOOP("mündlich mit Vermerk")}  # fmt: skip
FORM_LABELS = {**FORMS, ConsentForm.UNRECORDED: QT_TR_NOOP("Form nicht erfasst")}
#: ``consent.DATA`` for the screen.
DATA_LABELS = {
    "personalien": QT_TR_NOOP("Name, Geburtsdatum, Anschrift"),
    "kontakt": QT_TR_NOOP("Telefon und E-Mail"),
    "aufenthalt": QT_TR_NOOP("Aufenthaltsstatus und Dokumente"),
    "verlauf": QT_TR_NOOP("Beratungsverlauf und Ziele"),
    "gesundheit": QT_TR_NOOP("Angaben zur Gesundheit"),
}


def _checklist(pairs, name: str) -> QListWidget:
    box = QListWidget()
    box.setObjectName(name)
    for code, label in pairs:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                      | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMaximumHeight(box.fontMetrics().height() * 6)
    return box


def _checked(box: QListWidget) -> tuple[str, ...]:
    return tuple(box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
                 if box.item(i).checkState() == Qt.CheckState.Checked)  # fmt: skip


def describe(ctx: Context, c: Consent, today: date) -> str:
    """One line of the history, in plain German."""
    parts = [f"{c.given_on:%d.%m.%Y}",
             tr(FORM_LABELS[c.form]) if c.form in FORM_LABELS else c.form,
             tr("Sorgeberechtigte:r {name}", name=c.guardian or "")
             if c.given_by == GivenBy.GUARDIAN else tr("Klient:in selbst")]  # fmt: skip
    if c.targets:
        parts.append(tr("an: {targets}", targets=", ".join(
            ctx.label("referral_target", t) for t in c.targets)))  # fmt: skip
    if c.data:
        parts.append(tr("Daten: {data}", data=", ".join(tr(DATA_LABELS.get(d, d))
                                                        for d in c.data)))  # fmt: skip
    if c.valid_until:
        parts.append(tr("gültig bis {day}", day=f"{c.valid_until:%d.%m.%Y}"))
    if c.withdrawn_on:
        parts.append(tr("widerrufen am {day}", day=f"{c.withdrawn_on:%d.%m.%Y}"))
    state = tr("gilt") if c.in_force(today) else tr("gilt nicht")
    return f"{state}: " + " · ".join(p for p in parts if p)


class ConsentDialog(QDialog):
    """Einwilligung erfassen."""

    def __init__(self, ctx: Context, birth_date: date | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Einwilligung erfassen"))
        self.ctx = ctx
        self.birth_date = birth_date
        self.given_on = DateField()
        self.given_on.setObjectName("consentDay")
        self.form = QComboBox()
        for code, label in FORMS.items():
            self.form.addItem(tr(label), str(code))
        self.given_by = QComboBox()
        self.given_by.addItem(tr("die Klient:in selbst"), str(GivenBy.CLIENT))
        self.given_by.addItem(tr("die/der Sorgeberechtigte"), str(GivenBy.GUARDIAN))
        self.guardian = QLineEdit()
        self.guardian.setObjectName("consentGuardian")
        self.targets = _checklist(ctx.pairs("referral_target"), "consentTargets")
        self.targets.setToolTip(tr("Wohin verwiesen werden darf (Leertaste hakt an)"))
        self.data = _checklist(((code, tr(label)) for code, label in DATA_LABELS.items()),
                               "consentData")  # fmt: skip
        self.data.setToolTip(tr("Welche Daten weitergegeben werden dürfen (Leertaste hakt an)"))
        self.valid_until = DateField(optional=True)
        self.note = QLineEdit()
        self.note.setObjectName("consentNote")
        self.note.setPlaceholderText(tr("Pflicht bei mündlicher Einwilligung"))
        self.age_hint = QLabel()
        self.age_hint.setWordWrap(True)
        self.message = error_label("consentMessage")
        form = QFormLayout(self)
        add_rows(form, (
            (tr("Einwilligung &am:"), self.given_on), (tr("&Form:"), self.form),
            (tr("Eingewilligt &hat:"), self.given_by),
            (tr("&Name der/des Sorgeberechtigten:"), self.guardian),
            (tr("&Verweisziele:"), self.targets), (tr("&Daten:"), self.data),
            (tr("&Gültig bis:"), self.valid_until), (tr("Ver&merk:"), self.note),
        ))  # fmt: skip
        form.addRow(self.age_hint)
        form.addRow(self.message)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.given_on.dateChanged.connect(self._age_rule)
        self.given_by.currentIndexChanged.connect(self._guardian_enabled)
        self._age_rule(None)
        self.setMinimumWidth(560)

    def _age_rule(self, day: date | None) -> None:
        """Below 15 on the day the guardian consents (§ 36 SGB I): say so and preset it."""
        if self.birth_date is None:
            self.age_hint.setText(
                tr(
                    "Ohne Geburtsdatum prüft KIMdesk das Alter nicht: ab 15 "
                    "Jahren willigt die Klient:in selbst ein (§ 36 SGB I)."
                )
            )
            self._guardian_enabled()
            return
        age = consent.age_on(self.birth_date, day or date.today())
        own = age >= consent.OWN_CONSENT_AGE
        self.given_by.setCurrentIndex(0 if own else 1)
        self.age_hint.setText(
            tr("Die Klient:in ist {age} Jahre alt: sie willigt selbst ein (§ 36 SGB I).",
               age=age) if own else
            tr("Die Klient:in ist {age} Jahre alt: es willigt die/der Sorgeberechtigte ein "
               "(§ 36 SGB I).", age=age))  # fmt: skip
        self._guardian_enabled()

    def _guardian_enabled(self) -> None:
        self.guardian.setEnabled(self.given_by.currentData() == GivenBy.GUARDIAN)

    def value(self) -> Consent:
        guardian = self.guardian.text().strip() or None
        entry = Consent(
            given_on=self.given_on.value(), form=self.form.currentData(),
            given_by=self.given_by.currentData(),
            guardian=guardian if self.given_by.currentData() == GivenBy.GUARDIAN else None,
            targets=_checked(self.targets), data=_checked(self.data),
            valid_until=self.valid_until.value(), note=self.note.text().strip() or None,
        )  # fmt: skip
        catalog = self.ctx.catalog
        found = consent.problems(
            [entry], self.birth_date, date.today(),
            lambda code: catalog.has("referral_target", code, active_only=False))  # fmt: skip
        if found:
            raise ValidationError([Problem("consents", p.removeprefix("Einwilligung 1: "))
                                   for p in found])  # fmt: skip
        return entry

    def accept(self) -> None:
        if read_form(self.message, self.value) is not None:
            super().accept()


class WithdrawDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Einwilligung widerrufen"))
        self.day = DateField(date.today())
        self.message = error_label("withdrawMessage")
        form = QFormLayout(self)
        add_rows(form, ((tr("Widerrufen &am:"), self.day),))
        form.addRow(QLabel(tr("Ab diesem Tag sind keine neuen Verweise mehr möglich, bis eine "
                              "neue Einwilligung erfasst ist.")))  # fmt: skip
        form.addRow(self.message)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        if read_form(self.message, self.day.value) is not None:
            super().accept()


class ConsentBox(QGroupBox):
    """The history of consents in the client form; saved with the client."""

    def __init__(self, ctx: Context, birth_date, parent=None):
        super().__init__(tr("Einwilligungen – nur auf diesem Gerät; übertragen wird nur, ob "
                            "eine vorliegt"), parent)  # fmt: skip
        self.ctx = ctx
        self.birth_date = birth_date  # a callable: the form's birth date as typed
        self.entries: tuple[Consent, ...] = ()
        self.history = QListWidget()
        self.history.setObjectName("consentHistory")
        self.history.setAccessibleName(tr("Einwilligungen"))
        self.history.setMaximumHeight(self.history.fontMetrics().height() * 4)
        self.add_button = QPushButton(tr("Einwilligung erfassen …"))
        self.add_button.setObjectName("consentAdd")
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton(tr("Widerrufen …"))
        self.withdraw_button.setObjectName("consentWithdraw")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.message = error_label("consentBoxMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def show_entries(self, text: str | None) -> None:
        try:
            self.entries = consent.parse(text)
        except consent.ConsentsUnreadable as error:
            self.entries = ()
            self.message.setText(str(error))
        self._fill()

    def _fill(self) -> None:
        self.history.clear()
        today = date.today()
        for entry in self.entries:
            self.history.addItem(describe(self.ctx, entry, today))
        if not self.entries:
            self.history.addItem(tr("Keine Einwilligung erfasst."))
        self.history.setCurrentRow(len(self.entries) - 1)
        self.withdraw_button.setEnabled(any(e.withdrawn_on is None for e in self.entries))

    def add(self) -> None:
        self.message.clear()
        try:
            born = self.birth_date()
        except KimdeskError:  # a birth date being typed: the dialog cannot tell the age
            born = None
        dialog = ConsentDialog(self.ctx, born, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.entries = (*self.entries, dialog.value())
            self._fill()
            self.message.setText(tr("Erfasst – wird mit der Klient:in gespeichert (Strg+S)."))

    def withdraw(self) -> None:
        row = self.history.currentRow()
        if not 0 <= row < len(self.entries) or self.entries[row].withdrawn_on is not None:
            row = max((i for i, e in enumerate(self.entries) if e.withdrawn_on is None),
                      default=-1)  # fmt: skip
        if row < 0:
            return
        dialog = WithdrawDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.entries = consent.withdraw(self.entries, row, dialog.day.value())
            self._fill()
            self.message.setText(tr("Widerruf erfasst – wird mit der Klient:in gespeichert "
                                    "(Strg+S)."))  # fmt: skip

    def value(self) -> str | None:
        return consent.dump(self.entries)
