"""Gruppenangebote: offers (e.g. Heidelberger Elterntraining) and their sessions."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import GroupOffer, GroupSession
from kimdesk.domain.enums import OfferStatus, SessionStatus
from kimdesk.services import groups, records

from .i18n import tr
from .screen import Context, Screen
from .widgets.common import (
    add_rows,
    button_row,
    confirm,
    error_label,
    fill_table,
    list_column,
    record_table,
    shortcuts,
    show_error,
)
from .widgets.fields import CodeCombo, CountField, DateField

OFFER_STATUS = {OfferStatus.PLANNED: QT_TR_NOOP("geplant"), OfferStatus.RUNNING: QT_TR_NOOP("läuft"),
                OfferStatus.FINISHED: QT_TR_NOOP("beendet"),
                OfferStatus.CANCELLED: QT_TR_NOOP("abgesagt")}  # fmt: skip
#: Sessions and minutes a format usually has (the HET: 5 × 120 min).
FORMAT_DEFAULTS = {"het": (5, 120)}


class GroupOffersScreen(Screen):
    refresh_on = ("group_offer", "group_session")

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Gruppenangebote")
        self.lines: list[groups.OfferLine] = []
        self.offer: GroupOffer | None = None
        self.sessions: list[GroupSession] = []
        self.offers = record_table([tr("Titel"), tr("Kommune"), tr("Termine"), tr("ausgefallen"),
                              tr("Teilnahmen"), tr("Status")], "offerTable")  # fmt: skip
        self.offers.itemSelectionChanged.connect(self._picked)
        new_button = QPushButton(tr("Neues Angebot (Strg+N)"))
        new_button.clicked.connect(self.new_offer)
        left = list_column(self.offers, new_button)

        self.name = QLineEdit()
        self.format = CodeCombo([])
        self.format.currentIndexChanged.connect(self._format_chosen)
        self.program = CodeCombo([])
        self.municipality = CodeCombo([])
        self.provider = QLineEdit()
        self.planned = CountField(200, optional=True)
        self.status = QComboBox()
        for code, label in OFFER_STATUS.items():
            self.status.addItem(tr(label), str(code))
        self.message = error_label("offerMessage")
        save = QPushButton(tr("Angebot speichern (Strg+S)"))
        save.clicked.connect(self.save_offer)
        self.delete_button = QPushButton(tr("Angebot löschen"))
        self.delete_button.clicked.connect(self.delete_offer)
        form_box = QGroupBox(tr("Angebot"))
        form = QFormLayout(form_box)
        add_rows(form, ((tr("&Titel:"), self.name), (tr("Fo&rmat:"), self.format),
                             (tr("&Programm:"), self.program), (tr("&Kommune:"), self.municipality),
                             (tr("Trä&ger:"), self.provider), (tr("Geplante T&ermine:"), self.planned),
                             (tr("Stat&us:"), self.status)))  # fmt: skip
        form.addRow(button_row(save, self.delete_button))
        form.addRow(self.message)

        self.session_table = record_table(
            [tr("Datum"), tr("Dauer"), tr("Teilnehmende"), tr("Status")], "sessionTable"
        )
        self.held_on = DateField()
        self.duration = CountField(24 * 60, optional=True, suffix=tr(" min"))
        self.participants = CountField(1000)
        self.participants.lineEdit().returnPressed.connect(self.add_session)
        self.cancelled = QCheckBox(tr("ausge&fallen"))
        add = QPushButton(tr("Termin &hinzufügen"))
        add.clicked.connect(self.add_session)
        quick = QHBoxLayout()
        for text, widget in ((tr("Term&in am:"), self.held_on), (tr("Dauer:"), self.duration),
                             (tr("Teil&nehmende:"), self.participants)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            quick.addWidget(label)
            quick.addWidget(widget)
        quick.addWidget(self.cancelled)
        quick.addWidget(add)
        self.sessions_box = QGroupBox(tr("Termine"))
        sessions = QVBoxLayout(self.sessions_box)
        sessions.addWidget(self.session_table, 1)
        sessions.addLayout(quick)
        sessions.addWidget(QLabel(tr("Entf löscht den gewählten Termin.")))

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(form_box)
        right_column.addWidget(self.sessions_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        shortcuts(self, (("Ctrl+N", self.new_offer), ("Ctrl+S", self.save_offer)))
        shortcuts(self.session_table, (("Del", self.delete_session),), only_widget=True)
        self._catalog = None
        self._select: str | None = None

    # -- Screen ---------------------------------------------------------------------------

    def load(self) -> None:
        if self._catalog is not self.ctx.catalog:
            self._catalog = catalog = self.ctx.catalog
            for combo, name in ((self.format, "group_format"), (self.program, "program"),
                                (self.municipality, "municipality")):  # fmt: skip
                combo.set_pairs([(e.code, e.label_de) for e in catalog.entries_of(name)])
            self.new_offer()
        self.ctx.ops.run(groups.offer_lines, self._show_offers)

    def clear(self) -> None:
        self._catalog = None
        self.lines, self.offer, self.sessions = [], None, []
        self.offers.setRowCount(0)
        self.session_table.setRowCount(0)
        self.name.clear()
        self.provider.clear()

    def focus_first(self) -> None:
        self.offers.setFocus()

    def _show_offers(self, lines: list[groups.OfferLine]) -> None:
        self.lines = lines
        self.offers.blockSignals(True)
        fill_table(self.offers, [
            (o.offer.title, self.ctx.label("municipality", o.offer.municipality),
             f"{o.held}/{o.offer.planned_sessions or '–'}", o.cancelled, o.participants,
             tr(OFFER_STATUS[OfferStatus(o.offer.status)]))
            for o in lines
        ])  # fmt: skip
        self.offers.resizeColumnsToContents()
        self.offers.blockSignals(False)
        wanted = self._select or (self.offer.id if self.offer else None)
        self._select = None
        for row, line in enumerate(lines):
            if line.offer.id == wanted:
                self.offers.blockSignals(True)
                self.offers.selectRow(row)
                self.offers.blockSignals(False)
                if self.offer is not None and self.offer.id == wanted:
                    self.offer = line.offer  # keep what is typed in the form, renew sessions
                    self.ctx.ops.run(lambda ws: groups.sessions_of(ws, wanted), self._show_sessions)
                else:
                    self.show_offer(line.offer)
                return

    def _picked(self) -> None:
        rows = self.offers.selectionModel().selectedRows()
        if rows:
            self.show_offer(self.lines[rows[0].row()].offer)

    def show_offer(self, offer: GroupOffer | None) -> None:
        self.offer = offer
        self.message.clear()
        self.name.setText(offer.title if offer else "")
        self.format.set_code(offer.format if offer else "het")
        self.program.set_code(offer.program if offer else "muki")
        self.municipality.set_code(
            offer.municipality if offer else self.ctx.settings.usual_municipality
        )
        self.provider.setText(offer.provider or "" if offer else "")
        self.planned.set_number(offer.planned_sessions if offer else FORMAT_DEFAULTS["het"][0])
        self.status.setCurrentIndex(
            max(0, self.status.findData(offer.status if offer else "planned"))
        )
        self.delete_button.setEnabled(offer is not None)
        self.sessions_box.setEnabled(offer is not None)
        self.sessions = []
        self.session_table.setRowCount(0)
        if offer is not None:
            offer_id = offer.id
            self.ctx.ops.run(lambda ws: groups.sessions_of(ws, offer_id), self._show_sessions)

    def _show_sessions(self, sessions: list[GroupSession]) -> None:
        self.sessions = sessions
        status = {"held": tr("stattgefunden"), "cancelled": tr("ausgefallen")}
        fill_table(self.session_table, [
            (f"{s.held_on:%d.%m.%Y}", tr("{minutes} min", minutes=s.duration_min) if s.duration_min else "",
             s.participants, status[s.status]) for s in sessions
        ])  # fmt: skip
        if sessions and sessions[-1].duration_min:
            self.duration.set_number(sessions[-1].duration_min)

    def _format_chosen(self) -> None:
        defaults = FORMAT_DEFAULTS.get(self.format.code() or "")
        if defaults and self.offer is None:
            self.planned.set_number(defaults[0])
            self.duration.set_number(defaults[1])

    # -- actions --------------------------------------------------------------------------

    def new_offer(self) -> None:
        self.offers.clearSelection()
        self.show_offer(None)
        self._format_chosen()
        self.name.setFocus()

    def save_offer(self) -> None:
        if self.ctx.catalog is None:
            return
        values = dict(title=self.name.text().strip(), format=self.format.code(),
                      program=self.program.code(), municipality=self.municipality.code(),
                      provider=self.provider.text().strip() or None,
                      planned_sessions=self.planned.number(), status=self.status.currentData())  # fmt: skip
        offer = replace(self.offer, **values) if self.offer else GroupOffer(**values)
        self.ctx.ops.run(lambda ws: records.save(ws, offer), self._offer_saved, self._failed)

    def _offer_saved(self, saved: records.Saved) -> None:
        self.offer = saved.record
        self._select = saved.record.id
        self.sessions_box.setEnabled(True)
        self.delete_button.setEnabled(True)
        self.ctx.messages.info.emit(tr("Das Angebot wurde gespeichert."))

    def _failed(self, error: Exception) -> None:
        show_error(self.message, error)

    def delete_offer(self) -> None:
        offer = self.offer
        if offer is None or not confirm(
            self,
            tr("Löschen"),
            tr("Das Angebot „{title}“ mit allen Terminen löschen?", title=offer.title),
        ):
            return

        def remove(ws):
            for s in groups.sessions_of(ws, offer.id):
                records.delete(ws, GroupSession, s.id)
            return records.delete(ws, GroupOffer, offer.id)

        self.offer = None
        self.ctx.ops.run(remove, lambda _c: self.new_offer(), self._failed)

    def add_session(self) -> None:
        if self.offer is None:
            return
        session = GroupSession(
            offer_id=self.offer.id, held_on=self.held_on.value(),
            duration_min=self.duration.number(), participants=self.participants.value(),
            status=SessionStatus.CANCELLED if self.cancelled.isChecked() else SessionStatus.HELD,
        )  # fmt: skip

        def added(_saved) -> None:
            self.participants.set_number(0)
            self.cancelled.setChecked(False)
            self.participants.setFocus()
            self.participants.selectAll()

        self.ctx.ops.run(lambda ws: records.save(ws, session), added, self._failed)

    def delete_session(self) -> None:
        rows = self.session_table.selectionModel().selectedRows()
        if not rows:
            return
        session = self.sessions[rows[0].row()]
        if confirm(
            self,
            tr("Löschen"),
            tr("Den Termin vom {day} löschen?", day=f"{session.held_on:%d.%m.%Y}"),
        ):
            self.ctx.ops.run(
                lambda ws: records.delete(ws, GroupSession, session.id), None, self._failed
            )
