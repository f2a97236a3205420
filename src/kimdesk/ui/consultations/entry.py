"""The quick-entry panel: a consultation in a dozen keystrokes.

Date defaults to today, municipality to the usual town hall; the kind switches with one
letter (e/c) and moves on; client/case, topics and referrals are type-ahead; Ctrl+Enter
saves and starts the next consultation with the focus back on the kind.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import Consultation, Referral
from kimdesk.services import consents, records
from kimdesk.services.consultations import CaseChoice, case_choices

from ..i18n import tr
from ..screen import Context
from ..undo import UndoButton
from ..widgets.common import add_rows, confirm, error_label, read_form, shortcuts, show_error
from ..widgets.fields import CodeCombo, CountField, DateField
from ..widgets.typeahead import ChoicePicker, Entry, TypeAheadChecklist, catalog_entries
from .referrals import ReferralTable


def _choice_key(choice: CaseChoice) -> str:
    return f"case:{choice.case_id}" if choice.case_id else f"client:{choice.client_id}"


def _entries(choices: list[CaseChoice]) -> list[Entry]:
    return [Entry(_choice_key(c), c.label) for c in choices]


#: The quick-entry letters of the kinds, the same in every language (the docs and the
#: case managers' habits name them); a label's first letter works too ("o" for One-off).
KIND_KEYS = {"e": "einmalig", "c": "cm"}


class KindChoice(QComboBox):
    """The kind of consultation: a letter (e, c) or digit picks it and moves on."""

    def keyPressEvent(self, event) -> None:
        text = event.text().casefold()
        if text:
            for i in range(self.count()):
                if (self.itemData(i) == KIND_KEYS.get(text)
                        or self.itemText(i).casefold().startswith(text) or text == str(i + 1)):  # fmt: skip
                    self.setCurrentIndex(i)
                    self.focusNextChild()
                    return
        super().keyPressEvent(event)


class EntryPanel(QGroupBox):
    saved = Signal(object)  # records.Saved

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.editing: Consultation | None = None
        self._choices: dict[str, CaseChoice] = {}
        self._saving = False
        self._locked_key: str | None = None
        self._build()
        self.new()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.day = DateField()
        self.municipality = CodeCombo([])
        self.program = CodeCombo([])
        self.kind = KindChoice()
        self.who = ChoicePicker(tr("Name oder Fallzeichen tippen"))
        self.who.chosen.connect(self._who_chosen)
        self.topics = TypeAheadChecklist(tr("Thema tippen, Eingabe hakt an"))
        self.referrals = TypeAheadChecklist(tr("Verweis tippen, Eingabe hakt an"))
        self.referrals.changed.connect(self._referrals_changed)
        self.accompanied = ReferralTable(self.ctx)
        self.duration = CountField(24 * 60, optional=True, suffix=tr(" min"))
        self.setting = CodeCombo([])
        self.mediation = CodeCombo([])
        self.language = QLineEdit()
        self.language.setMaxLength(2)
        self.language.setPlaceholderText(tr("ISO-Code, z. B. ar"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(tr("Nur auf diesem Gerät, wird nie übertragen"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.message = error_label("entryMessage")
        self.save_button = QPushButton(tr("Speichern (Strg+Eingabe)"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(tr("Neu (Strg+N)"))
        self.new_button.clicked.connect(self.new)
        self.undo_button = UndoButton(self.ctx.undo.action) if self.ctx.undo else None
        if self.ctx.undo is not None:
            self.ctx.undo.undone.connect(self._undone)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (tr("Dat&um:"), self.day),
            (tr("&Kommune:"), self.municipality),
            (tr("&Programm:"), self.program),
            (tr("A&rt:"), self.kind),
            (tr("K&lient:in / Fall:"), self.who),
            (tr("&Themen:"), self.topics),
            (tr("&Verweise:"), self.referrals),
            (tr("Im Einzelnen:"), self.accompanied),  # no letter left; Tab from Verweise
            (tr("Dau&er:"), self.duration),
            (tr("Sett&ing:"), self.setting),
            (tr("Sprachmittlu&ng:"), self.mediation),
            (tr("Spra&che:"), self.language),
            (tr("N&otizen:"), self.notes),
        )
        add_rows(form, rows)
        self._form = form
        form.setRowVisible(self.accompanied, False)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.new_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        order = [w for _t, w in rows] + [self.save_button, self.new_button]
        if self.undo_button is not None:
            layout.addWidget(self.undo_button)
            order.append(self.undo_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        shortcuts(self, (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save),
                         ("Ctrl+N", self.new), ("Esc", self.new)))  # fmt: skip

    def set_catalog(self) -> None:
        """Fill the choices from the unlocked store's catalog."""
        catalog, language, pairs = self.ctx.catalog, self.ctx.language, self.ctx.pairs
        served = set(self.ctx.settings.municipalities)
        towns = pairs("municipality")
        towns.sort(key=lambda p: p[0] not in served)  # the served ones first
        self.municipality.set_pairs(towns)
        self.program.set_pairs(pairs("program"))
        first = self.kind.count() == 0
        kind = self.kind.currentData()
        self.kind.clear()
        for code, label in pairs("kind"):
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.setting.set_pairs(pairs("setting"), optional=True)
        self.mediation.set_pairs(pairs("language_mediation"), optional=True)
        self.topics.set_entries(catalog_entries(catalog, "topic", language))
        self.referrals.set_entries(catalog_entries(catalog, "referral_target", language))
        self._referrals_changed()
        if first:  # after an unlock the draft stays as it was
            self.new()

    def set_choices(self, choices: list[CaseChoice], entries: list[Entry] | None = None) -> None:
        self._choices = {_choice_key(c): c for c in choices}
        self.who.set_entries(entries if entries is not None else _entries(choices))
        if self._locked_key in self._choices:  # the draft's client/case, back after unlocking
            self.who.set_key(self._locked_key)
        self._locked_key = None

    def load_choices(self) -> None:
        def fetch(ws):  # the entries' folded labels are made on the store thread, too
            choices = case_choices(ws)
            return choices, _entries(choices)

        self.ctx.ops.query(fetch, lambda result: self.set_choices(*result))

    def clear_data(self) -> None:
        """The window locks: forget the picker's names; the draft stays (hidden) and gets its
        client or case back after unlocking."""
        key = self.who.key()
        self.set_choices([])
        self.who.set_key(None)
        self._locked_key = key

    # -- form state -----------------------------------------------------------------------

    def focus_first(self) -> None:
        self.kind.setFocus()

    def new(self) -> None:
        """An empty consultation; date, town hall and programme stay as they were."""
        self.editing = None
        self.setTitle(tr("Neue Beratung"))
        if self.municipality.code() is None or self.ctx.settings.usual_municipality:
            self.municipality.set_code(self.ctx.settings.usual_municipality)
        self.kind.setCurrentIndex(0)
        self.who.set_key(None)
        self.topics.set_checked([])
        self.referrals.set_checked([])
        self.duration.set_number(None)
        self.setting.set_code(None)
        self.mediation.set_code(None)
        self.language.clear()
        self.notes.clear()
        self.message.clear()
        self.focus_first()

    def edit(self, c: Consultation) -> None:
        self.new()
        self.editing = c
        self.setTitle(tr("Beratung vom {day} bearbeiten", day=f"{c.occurred_on:%d.%m.%Y}"))
        self.day.set_value(c.occurred_on)
        self.municipality.set_code(c.municipality)
        self.program.set_code(c.program)
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        key = (
            f"case:{c.case_id}" if c.case_id else (f"client:{c.client_id}" if c.client_id else None)
        )
        self.who.set_key(key)
        self.topics.set_checked(c.topics)
        self.referrals.set_checked([r.target for r in c.referrals])
        self._set_accompanied({r.target: r for r in c.referrals})
        self.duration.set_number(c.duration_min)
        self.setting.set_code(c.setting)
        self.mediation.set_code(c.language_mediation)
        self.language.setText(c.language or "")
        self.notes.setPlainText(c.notes or "")
        self.focus_first()

    def _who_chosen(self, key: str | None) -> None:
        choice = self._choices.get(key) if key else None
        if choice is not None and choice.case_id:
            if choice.municipality:
                self.municipality.set_code(choice.municipality)
            if choice.program:
                self.program.set_code(choice.program)

    def _referrals_changed(self) -> None:
        self._set_accompanied(self.accompanied.by_target())

    def _set_accompanied(self, kept: dict[str, Referral]) -> None:
        """The table of the ticked referrals: accompanied, outcome, recipient."""
        targets = list(self.referrals.checked())
        self.accompanied.show_targets(targets, kept)
        self._form.setRowVisible(self.accompanied, bool(targets))

    def consultation(self) -> Consultation:
        choice = self._choices.get(self.who.key() or "")
        kind = self.kind.currentData()
        details = self.accompanied.by_target()
        values = dict(
            occurred_on=self.day.value(),
            municipality=self.municipality.code(),
            program=self.program.code(),
            kind=kind,
            client_id=choice.client_id if choice else None,
            case_id=choice.case_id if choice and kind == "cm" else None,
            topics=tuple(self.topics.checked()),
            referrals=tuple(details.get(t, Referral(t)) for t in self.referrals.checked()),
            duration_min=self.duration.number(),
            setting=self.setting.code(),
            language_mediation=self.mediation.code(),
            language=self.language.text().strip().lower() or None,
            notes=self.notes.toPlainText().strip() or None,
        )
        if self.editing is not None:
            return replace(self.editing, **values)
        return Consultation(**values)

    # -- actions --------------------------------------------------------------------------

    def save(self) -> None:
        # A second Ctrl+Enter (or double-click) while the first save runs saves nothing twice.
        if self.ctx.catalog is None or self._saving:
            return
        record = read_form(self.message, self.consultation)
        if record is None:
            return
        self._saving = True
        self.ctx.ops.query(lambda ws: consents.outside_scope(ws, record),
                           lambda scope: self._store(record, scope), self._failed)  # fmt: skip

    def _store(self, record: Consultation, scope: consents.Scope) -> None:
        """Save, once the case manager has agreed to referrals no consent covers."""
        if scope.outside:
            targets = ", ".join(self.ctx.label("referral_target", t) for t in scope.outside)
            text = tr(
                "Der Verweis an {targets} ist von keiner Einwilligung der Klient:in gedeckt, "
                "die am Tag der Beratung gilt. Trotzdem speichern? Er steht dann in „Heute "
                "fällig“, bis die Einwilligung erfasst oder das Ergebnis eingetragen ist.",
                targets=targets)  # fmt: skip
            if not confirm(self, tr("Verweis ohne Einwilligung"), text):
                self._saving = False
                self.activateWindow()
                self.referrals.setFocus()  # to untick it, or to look up the consent
                return
        today = date.today()
        self.ctx.ops.change(
            lambda ws: records.save(ws, record, today=today), self._saved, self._failed
        )

    def _saved(self, saved: records.Saved) -> None:
        self._saving = False
        c = saved.record
        if saved.step is None:
            self.ctx.messages.info.emit(
                tr(
                    "Beratung vom {day} unverändert: nichts gespeichert.",
                    day=f"{c.occurred_on:%d.%m.%Y}",
                )  # fmt: skip
            )
        else:
            what = tr("geändert") if saved.previous is not None else tr("gespeichert")
            self.ctx.messages.info.emit(
                tr(
                    "Beratung vom {day} {what}. Rückgängig: Alt+Rück",
                    day=f"{c.occurred_on:%d.%m.%Y}",
                    what=what,
                )
            )
        self.saved.emit(saved)
        self.new()

    def _failed(self, error: Exception) -> None:
        self._saving = False
        show_error(self.message, error)

    def _undone(self, step) -> None:
        """A step taken back that wrote the consultation being edited: the form's copy is
        outdated, start afresh."""
        if self.editing is not None and any(a.id == self.editing.id for _b, a in step.records):
            self.new()
