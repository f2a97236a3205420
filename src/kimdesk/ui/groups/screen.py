"""The Gruppenangebote screen: the list of offers, the offer's form, its sessions."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import GroupOffer
from kimdesk.domain.enums import OfferStatus
from kimdesk.services import groups, records
from kimdesk.services.changes import Change

from ..i18n import tr
from ..labels import OFFER_STATUS
from ..screen import Context, Screen
from ..widgets.common import (
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
from ..widgets.fields import CodeCombo, CountField
from .sessions import SessionsPanel

#: Most group offers of the town halls are MuKi-S courses.
DEFAULT_PROGRAM = "muki"
DEFAULT_FORMAT = "het"


class GroupOffersScreen(Screen):
    refresh_on = (Change.GROUP_OFFER, Change.GROUP_SESSION)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Gruppenangebote")
        self.lines: list[groups.OfferLine] = []
        self.offer: GroupOffer | None = None
        self.offers = record_table([tr("Titel"), tr("Kommune"), tr("Termine"), tr("ausgefallen"),
                                    tr("Teilnahmen"), tr("Status")], "offerTable")  # fmt: skip
        self.offers.setAccessibleName(tr("Gruppenangebote"))
        self.offers.itemSelectionChanged.connect(self._picked)
        header = self.offers.horizontalHeader()  # the title takes the width the figures leave
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        self.save_button = QPushButton(tr("Angebot speichern (Strg+S)"))
        self.save_button.clicked.connect(self.save_offer)
        self.delete_button = QPushButton(tr("Angebot löschen"))
        self.delete_button.clicked.connect(self.delete_offer)
        form_box = QGroupBox(tr("Angebot"))
        form = QFormLayout(form_box)
        add_rows(form, ((tr("&Titel:"), self.name), (tr("F&ormat:"), self.format),
                        (tr("&Programm:"), self.program), (tr("&Kommune:"), self.municipality),
                        (tr("&Veranstaltender Träger:"), self.provider), (tr("Geplante T&ermine:"), self.planned),
                        (tr("Stat&us:"), self.status)))  # fmt: skip
        form.addRow(button_row(self.save_button, self.delete_button))
        form.addRow(self.message)
        self.sessions = SessionsPanel(ctx)

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(form_box)
        right_column.addWidget(self.sessions, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([1000, 1000])  # proportions: half and half
        QVBoxLayout(self).addWidget(splitter)
        chain = (self.offers, new_button, self.name, self.format, self.program, self.municipality,
                 self.provider, self.planned, self.status, self.save_button, self.delete_button,
                 self.sessions.table)  # fmt: skip
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        shortcuts(self, (("Ctrl+N", self.new_offer), ("Ctrl+S", self.save_offer)))
        shortcuts(self.offers, (("Del", self.delete_offer),), only_widget=True)
        self._catalog = None
        self._select: str | None = None

    # -- Screen -----------------------------------------------------------------------------

    def load(self) -> None:
        if self._catalog is not self.ctx.catalog:
            self._catalog = self.ctx.catalog
            for combo, name in ((self.format, "group_format"), (self.program, "program"),
                                (self.municipality, "municipality")):  # fmt: skip
                combo.set_pairs(self.ctx.pairs(name))
            self.new_offer()
        self.ctx.ops.query(groups.offer_lines, self._show_offers)

    def clear(self) -> None:
        self._catalog = None
        self.lines, self.offer, self._select = [], None, None
        self.offers.setRowCount(0)
        self.name.clear()
        self.provider.clear()
        self.planned.set_number(None)
        self.message.clear()
        self.sessions.clear()

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
        wanted = self._select or (self.offer.id if self.offer else None)
        self._select = None
        row = next((r for r, line in enumerate(lines) if line.offer.id == wanted), None)
        if row is not None:
            self.offers.selectRow(row)
        self.offers.blockSignals(False)
        if row is None:
            return
        if self.offer is not None and self.offer.id == wanted:
            # The same offer: keep what is typed in the form, take the new version (so that a
            # later save does not collide with itself) and renew its sessions.
            self.offer = lines[row].offer
            self.sessions.set_offer(wanted, self._format_minutes(self.offer.format))
        else:
            self.show_offer(lines[row].offer)

    def _picked(self) -> None:
        rows = self.offers.selectionModel().selectedRows()
        if rows:
            self.show_offer(self.lines[rows[0].row()].offer)

    def show_offer(self, offer: GroupOffer | None) -> None:
        self.offer = offer
        self.message.clear()
        newest = self.lines[0].offer if self.lines else None
        self.name.setText(offer.title if offer else "")
        self.format.blockSignals(True)  # a stored offer keeps its planned sessions
        self.format.set_code(offer.format if offer else DEFAULT_FORMAT)
        self.format.blockSignals(False)
        self.program.set_code(offer.program if offer else
                              newest.program if newest else DEFAULT_PROGRAM)  # fmt: skip
        self.municipality.set_code(
            offer.municipality if offer else self.ctx.settings.usual_municipality
        )
        self.provider.setText(offer.provider or "" if offer else "")
        self.planned.set_number(offer.planned_sessions if offer else None)
        self.status.setCurrentIndex(max(0, self.status.findData(offer.status if offer else
                                                                OfferStatus.PLANNED)))  # fmt: skip
        self.delete_button.setEnabled(offer is not None)
        if offer is None:
            self._format_chosen()
        self.sessions.set_offer(offer.id if offer else None, self._format_minutes(
            offer.format if offer else self.format.code()))  # fmt: skip

    def _format_minutes(self, format_code: str | None) -> int | None:
        defaults = (
            groups.format_defaults(self.ctx.catalog, format_code) if self.ctx.catalog else None
        )
        return defaults[1] if defaults else None

    def _format_chosen(self) -> None:
        """A new offer of a format with a fixed size (HET: 5 sessions) plans that many."""
        if self.offer is None and self.ctx.catalog is not None:
            defaults = groups.format_defaults(self.ctx.catalog, self.format.code())
            self.planned.set_number(defaults[0] if defaults else None)

    # -- actions ----------------------------------------------------------------------------

    def new_offer(self) -> None:
        self.offers.clearSelection()
        self.show_offer(None)
        self.name.setFocus()

    def save_offer(self) -> None:
        if self.ctx.catalog is None:
            return
        values = dict(title=self.name.text().strip(), format=self.format.code(),
                      program=self.program.code(), municipality=self.municipality.code(),
                      provider=self.provider.text().strip() or None,
                      planned_sessions=self.planned.number(), status=self.status.currentData())  # fmt: skip
        offer = replace(self.offer, **values) if self.offer else GroupOffer(**values)
        self.ctx.ops.change(lambda ws: records.save(ws, offer), self._offer_saved, self._failed)

    def _offer_saved(self, saved: records.Saved) -> None:
        self.offer = saved.record
        self._select = saved.record.id
        self.message.clear()
        self.delete_button.setEnabled(True)
        self.ctx.messages.info.emit(tr("Das Angebot wurde gespeichert."))
        if saved.previous is None:
            # A new offer: its sessions come next.
            self.sessions.set_offer(saved.record.id, self._format_minutes(saved.record.format))
            self.sessions.start_entry()

    def _failed(self, error: Exception) -> None:
        show_error(self.message, error)

    def delete_offer(self) -> None:
        offer = self.offer
        question = tr("Das Angebot „{title}“ mit allen Terminen löschen?", title=offer.title
                      ) if offer else ""  # fmt: skip
        if offer is None or not confirm(self, tr("Angebot löschen"), question):
            return
        self.ctx.ops.change(lambda ws: groups.delete_offer(ws, offer.id),
                         lambda _c: self.new_offer(), self._failed)  # fmt: skip
