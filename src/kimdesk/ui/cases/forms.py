"""The client form (personal data local, statistical attributes exported) and the case form."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import Case, Client
from kimdesk.domain.enums import Minors, Phase

from ..i18n import tr
from ..labels import GENDERS, PHASES
from ..screen import Context
from ..widgets.common import add_rows
from ..widgets.fields import CodeCombo, DateField
from .consent import ConsentBox


def _text(widget) -> str | None:
    text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    return text.strip() or None


def _combo(pairs) -> QComboBox:
    combo = QComboBox()
    for code, label in pairs:
        combo.addItem(tr(label), str(code))
    return combo


def _notes() -> QPlainTextEdit:
    notes = QPlainTextEdit()
    notes.setTabChangesFocus(True)
    notes.setMaximumHeight(notes.fontMetrics().height() * 4)
    return notes


def _form(box: QGroupBox, rows) -> None:
    add_rows(QFormLayout(box), rows)


class ClientForm(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.client: Client | None = None
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.birth = DateField(optional=True, years_back=30)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.file_numbers = QLineEdit()
        self.notes = _notes()
        personal = QGroupBox(tr("Persönliche Daten – nur auf diesem Gerät, werden nie übertragen"))
        personal.setObjectName("personalData")
        _form(personal, (
            (tr("Vor&name:"), self.given), (tr("Famili&enname:"), self.family),
            (tr("Geburtsdat&um:"), self.birth), (tr("&Telefon:"), self.phone),
            (tr("E-Ma&il:"), self.email), (tr("Ad&resse:"), self.address),
            (tr("A&ktenzeichen:"), self.file_numbers), (tr("Noti&zen:"), self.notes),
        ))  # fmt: skip
        self.gender = _combo(GENDERS.items())
        self.gender.setCurrentIndex(self.gender.findData("unknown"))
        self.nationality = QLineEdit()
        self.nationality.setMaxLength(7)
        self.nationality.setPlaceholderText(tr("ISO-Code, z. B. SY; XX staatenlos"))
        self.residence = CodeCombo([])
        self.arrival = CodeCombo([])
        self.minors = _combo((m.value, m.value) for m in Minors)
        self.language = QLineEdit()
        self.language.setMaxLength(2)
        self.language.setPlaceholderText(tr("ISO-Code, z. B. ar"))
        self.home = CodeCombo([], optional=True)
        stats = QGroupBox(tr("Statistische Angaben – werden an die Kreisstelle übertragen"))
        _form(stats, (
            (tr("Geschlecht:"), self.gender), (tr("Staatsangehörigkeit:"), self.nationality),
            (tr("Aufenthalt:"), self.residence), (tr("Einreise:"), self.arrival),
            (tr("Minderjährige im Haushalt:"), self.minors), (tr("Hauptsprache:"), self.language),
            (tr("Wohnort:"), self.home),
        ))  # fmt: skip
        self.consents = ConsentBox(ctx, self.birth.value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(personal)
        layout.addWidget(self.consents)
        layout.addWidget(stats)

    def set_catalog(self) -> None:
        for combo, name, optional in ((self.residence, "residence_group", False),
                                      (self.arrival, "arrival_band", False),
                                      (self.home, "municipality", True)):  # fmt: skip
            combo.set_pairs(self.ctx.pairs(name),
                            optional=optional)  # fmt: skip
        self.show_client(None)

    def show_client(self, client: Client | None) -> None:
        self.client = client
        c = client or Client()
        for widget, value in ((self.given, c.given_name), (self.family, c.family_name),
                              (self.phone, c.phone), (self.email, c.email),
                              (self.address, c.address), (self.file_numbers, c.file_numbers),
                              (self.language, c.main_language)):  # fmt: skip
            widget.setText(value or "")
        self.notes.setPlainText(c.notes or "")
        self.birth.set_value(c.birth_date)
        self.gender.setCurrentIndex(max(0, self.gender.findData(c.gender)))
        self.nationality.setText("" if c.nationality == "unknown" else c.nationality)
        self.residence.set_code(c.residence_group)
        self.arrival.set_code(c.arrival_band)
        self.minors.setCurrentIndex(max(0, self.minors.findData(c.minors)))
        self.home.set_code(c.municipality)
        self.consents.message.clear()
        self.consents.show_entries(c.consents)

    def value(self) -> Client:
        nationality = self.nationality.text().strip().upper() or "unknown"
        values = dict(
            given_name=_text(self.given), family_name=_text(self.family),
            birth_date=self.birth.value(), phone=_text(self.phone), email=_text(self.email),
            address=_text(self.address), file_numbers=_text(self.file_numbers),
            notes=_text(self.notes), gender=self.gender.currentData(),
            nationality="unknown" if nationality == "UNKNOWN" else nationality,
            residence_group=self.residence.code() or "unknown",
            arrival_band=self.arrival.code() or "unknown", minors=self.minors.currentData(),
            main_language=(_text(self.language) or "").lower() or None,
            municipality=self.home.code(), consents=self.consents.value(),
        )  # fmt: skip
        return replace(self.client, **values) if self.client else Client(**values)

    def clear(self) -> None:
        self.show_client(None)


class CaseForm(QGroupBox):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(tr("Fall"), parent)
        self.ctx = ctx
        self.case: Case | None = None
        self.municipality = CodeCombo([])
        self.program = CodeCombo([])
        self.opened = DateField()
        self.phase = _combo((p.value, label) for p, label in PHASES.items() if p != Phase.CLOSED)
        self.access = CodeCombo([], optional=True)
        self.follow_up = DateField(optional=True)
        self.follow_up.setObjectName("followUp")
        self.follow_up.setToolTip(tr("Wann der Fall wieder vorgelegt wird, z. B. +2w für in zwei "
                                     "Wochen; bleibt auf diesem Gerät."))  # fmt: skip
        self.notes = _notes()
        self.closed = QLabel()
        self.closed.setObjectName("caseClosed")
        _form(self, (
            (tr("&Kommune:"), self.municipality), (tr("&Programm:"), self.program),
            (tr("Er&öffnet am:"), self.opened), (tr("Pha&se:"), self.phase),
            (tr("&Zugangsweg:"), self.access),
            (tr("Wiedervor&lage am:"), self.follow_up),
            (tr("Notizen zum Fall:"), self.notes), ("", self.closed),
        ))  # fmt: skip

    def set_catalog(self) -> None:
        for combo, name, optional in ((self.municipality, "municipality", False),
                                      (self.program, "program", False),
                                      (self.access, "access_route", True)):  # fmt: skip
            combo.set_pairs(self.ctx.pairs(name),
                            optional=optional)  # fmt: skip
        self.show_case(None)

    def show_case(self, case: Case | None) -> None:
        self.case = case
        usual = self.ctx.settings.usual_municipality
        self.municipality.set_code(case.municipality if case else usual)
        self.program.set_code(case.program if case else "kim")
        self.opened.set_value(case.opened_on if case else None)
        phase = case.phase if case and case.phase != Phase.CLOSED else Phase.INTAKE
        self.phase.setCurrentIndex(max(0, self.phase.findData(str(phase))))
        self.phase.setEnabled(not (case and case.closed_on))
        self.access.set_code(case.access_route if case else None)
        self.follow_up.set_value(case.follow_up_on if case else None)
        self.notes.setPlainText(case.notes or "" if case else "")
        if case and case.closed_on:
            reason = self.ctx.label("closure_reason", case.closure_reason)
            self.closed.setText(tr("Abgeschlossen am {day}: {reason}",
                                   day=f"{case.closed_on:%d.%m.%Y}", reason=reason))  # fmt: skip
        else:
            self.closed.clear()

    def value(self) -> Case:
        values = dict(
            municipality=self.municipality.code(), program=self.program.code(),
            opened_on=self.opened.value(), access_route=self.access.code(),
            follow_up_on=self.follow_up.value(),
            notes=_text(self.notes),
        )  # fmt: skip
        if self.case is None:
            return Case(client_id=None, phase=self.phase.currentData(), **values)
        phase = self.case.phase if self.case.closed_on else self.phase.currentData()
        return replace(self.case, phase=phase, **values)
