"""The sessions of one group offer: a table and an entry row under it.

Entering a finished course afterwards is the usual case (five sessions in one go), so the
row stays open after each save: date, Tab, duration (kept from the last session), Tab,
participants, Enter. Enter on a row of the table takes it back into the entry row to edit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import GroupSession
from kimdesk.domain.enums import SessionStatus
from kimdesk.services import groups, records

from ..i18n import tr
from ..screen import Context
from ..widgets.common import (
    confirm,
    error_label,
    fill_table,
    read_form,
    record_table,
    shortcuts,
    show_error,
)
from ..widgets.fields import CountField, DateField


class SessionsPanel(QGroupBox):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(tr("Termine"), parent)
        self.ctx = ctx
        self.offer_id: str | None = None
        self.sessions: list[GroupSession] = []
        #: The session taken into the entry row to be changed (None: the row adds one).
        self.editing: GroupSession | None = None
        self.default_duration: int | None = None

        self.table = record_table(
            [tr("Datum"), tr("Dauer"), tr("Teilnehmende"), tr("Status")], "sessionTable"
        )
        self.table.doubleClicked.connect(self.edit_selected)
        self.held_on = DateField()
        self.duration = CountField(24 * 60, optional=True, suffix=tr(" min"))
        self.participants = CountField(1000)
        self.cancelled = QCheckBox(tr("ausgefalle&n"))
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.entry = QWidget()
        row = QHBoxLayout(self.entry)
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget in ((tr("Term&in am:"), self.held_on), (tr("Daue&r:"), self.duration),
                             (tr("Tei&lnehmende:"), self.participants)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.cancelled)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message = error_label("sessionMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.entry)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        QWidget.setTabOrder(self.table, self.held_on)
        QWidget.setTabOrder(self.held_on, self.duration)
        QWidget.setTabOrder(self.duration, self.participants)
        QWidget.setTabOrder(self.participants, self.cancelled)
        QWidget.setTabOrder(self.cancelled, self.save_button)
        shortcuts(self.table, (("Del", self.delete_selected), ("Return", self.edit_selected),
                               ("Enter", self.edit_selected)), only_widget=True)  # fmt: skip
        shortcuts(self.entry, (("Return", self.save), ("Enter", self.save),
                               ("Esc", self.stop_editing)))  # fmt: skip
        self._entry_mode()

    # -- showing ----------------------------------------------------------------------------

    def set_offer(self, offer_id: str | None, default_duration: int | None = None) -> None:
        """Show the sessions of an offer (None: no offer chosen, nothing to enter)."""
        changed = offer_id != self.offer_id
        self.offer_id = offer_id
        self.default_duration = default_duration
        self.setEnabled(offer_id is not None)
        if changed:
            self.sessions = []
            self.table.setRowCount(0)
            self.message.clear()
            self.editing = None
            self._entry_mode()
            self.duration.set_number(default_duration)
        if offer_id is not None:
            self.ctx.ops.query(lambda ws: groups.sessions_of(ws, offer_id), self._show)

    def clear(self) -> None:
        self.offer_id, self.sessions, self.editing = None, [], None
        self.table.setRowCount(0)
        self.participants.set_number(0)
        self.message.clear()
        self._entry_mode()
        self.setEnabled(False)

    def _show(self, sessions: list[GroupSession]) -> None:
        if sessions and sessions[0].offer_id != self.offer_id:
            return  # an answer for the offer shown before
        self.sessions = sessions
        status = {
            SessionStatus.HELD: tr("stattgefunden"),
            SessionStatus.CANCELLED: tr("ausgefallen"),
        }
        fill_table(self.table, [
            (f"{s.held_on:%d.%m.%Y}", tr("{minutes} min", minutes=s.duration_min) if s.duration_min
             else "–", s.participants, status[SessionStatus(s.status)]) for s in sessions
        ])  # fmt: skip
        self.table.resizeColumnsToContents()
        if self.editing is None:
            # A course keeps its rhythm: the next session most likely lasts as long as the last.
            last = next((s.duration_min for s in reversed(sessions) if s.duration_min), None)
            self.duration.set_number(last or self.default_duration)

    def _entry_mode(self) -> None:
        if self.editing is None:
            self.save_button.setText(tr("Termin hin&zufügen"))
            self.hint.setText(tr("Enter speichert den Termin. In der Tabelle: Enter bearbeitet, "
                                 "Entf löscht den gewählten Termin."))  # fmt: skip
        else:
            self.save_button.setText(tr("Termin spei&chern"))
            self.hint.setText(tr("Termin vom {day} wird bearbeitet. Esc bricht ab.",
                                 day=f"{self.editing.held_on:%d.%m.%Y}"))  # fmt: skip

    def _selected(self) -> GroupSession | None:
        rows = self.table.selectionModel().selectedRows()
        return self.sessions[rows[0].row()] if rows else None

    # -- actions ----------------------------------------------------------------------------

    def edit_selected(self) -> None:
        session = self._selected()
        if session is None:
            return
        self.editing = session
        self.held_on.set_value(session.held_on)
        self.duration.set_number(session.duration_min)
        self.participants.set_number(session.participants)
        self.cancelled.setChecked(session.status == SessionStatus.CANCELLED)
        self.message.clear()
        self._entry_mode()
        self.participants.setFocus()
        self.participants.selectAll()

    def stop_editing(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.participants.set_number(0)
            self.cancelled.setChecked(False)
            self._entry_mode()
            self.table.setFocus()

    def save(self) -> None:
        if self.offer_id is None:
            return
        held_on = read_form(self.message, self.held_on.value)
        if held_on is None:
            return
        values = dict(
            held_on=held_on, duration_min=self.duration.number(),
            participants=self.participants.value(),
            status=SessionStatus.CANCELLED if self.cancelled.isChecked() else SessionStatus.HELD,
        )  # fmt: skip
        session = (replace(self.editing, **values) if self.editing
                   else GroupSession(offer_id=self.offer_id, **values))  # fmt: skip
        self.ctx.ops.change(lambda ws: records.save(ws, session), self._saved, self._failed)

    def _saved(self, _saved: records.Saved) -> None:
        was_editing = self.editing is not None
        self.editing = None
        self.participants.set_number(0)
        self.cancelled.setChecked(False)
        self.message.clear()
        self._entry_mode()
        if was_editing:
            self.table.setFocus()
        else:
            self.start_entry()  # the next session: a new date first

    def start_entry(self) -> None:
        """Focus in the date, selected: typing 0109 gives the 1 September."""
        self.held_on.setFocus()

    def _failed(self, error: Exception) -> None:
        show_error(self.message, error)

    def delete_selected(self) -> None:
        session = self._selected()
        if session is None:
            return
        question = tr("Den Termin vom {day} löschen?", day=f"{session.held_on:%d.%m.%Y}")
        if confirm(self, tr("Termin löschen"), question):
            if self.editing is not None and self.editing.id == session.id:
                self.stop_editing()
            self.ctx.ops.change(
                lambda ws: records.delete(ws, GroupSession, session.id), None, self._failed
            )
