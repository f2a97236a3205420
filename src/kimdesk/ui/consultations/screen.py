"""Beratungen: the filterable list of consultations beside the quick-entry panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.entities import Consultation
from kimdesk.services import records
from kimdesk.services.changes import Change

from ..i18n import tr
from ..screen import Context, Screen
from ..widgets.common import confirm, scrolling, shortcuts
from .entry import EntryPanel
from .filters import FilterBar
from .model import ConsultationModel


class ConsultationsScreen(Screen):
    refresh_on = (Change.CONSULTATION, Change.CLIENT, Change.CASE)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Beratungen")
        self.model = ConsultationModel(ctx, self)
        self.model.loaded.connect(self._loaded)
        self.filters = FilterBar(ctx)
        self.filters.changed.connect(self.model.query)
        self.table = QTableView()
        self.table.setObjectName("consultationTable")
        self.table.setAccessibleName(tr("Beratungen"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        samples = ("00.00.0000", "Neunkirchen-S.", "Case Management", "MuKi-S", "Kovalenko, Olena",
                   "Familie/Erziehung, Wohnen", "Jobcenter/Integration", "000 min")  # fmt: skip
        for column, sample in enumerate(samples):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.table.doubleClicked.connect(lambda index: self.edit_row(index.row()))
        self.count = QLabel()
        self.entry = EntryPanel(ctx)
        self.entry.saved.connect(self._saved)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(self.entry))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._keep_selection: str | None = None

        shortcuts(self, (("Ctrl+F", self.filters.focus_search), ("Ctrl+E", self.edit_current)))
        shortcuts(self.table, (("Return", self.edit_current), ("Enter", self.edit_current),
                               ("Del", self.delete_current)), only_widget=True)  # fmt: skip

    # -- Screen ---------------------------------------------------------------------------

    def load(self) -> None:
        if self.filters.catalog_set is not self.ctx.catalog:
            self.filters.set_catalog()
            self.entry.set_catalog()
        self.model.query(self.filters.current())  # first: the list is what the eye waits for
        self.entry.load_choices()

    def on_changes(self, changes) -> None:
        """A saved consultation renews the list only; the picker's names and cases change
        seldom, and reading them again would hold up the next keystroke."""
        if changes.touches(Change.CLIENT, Change.CASE) or not self.isVisible():
            super().on_changes(changes)
        elif changes.touches(Change.CONSULTATION):
            self.model.query(self.filters.current())

    def clear(self) -> None:
        self.model.clear()
        self.entry.clear_data()
        self.count.clear()

    def focus_first(self) -> None:
        self.entry.focus_first()

    # -- list -----------------------------------------------------------------------------

    def _loaded(self, rows: int) -> None:
        self.count.setText(tr("%Ln Beratungen", "", rows))
        if self._keep_selection:
            row = self.model.row_of(self._keep_selection)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
            self._keep_selection = None

    def _saved(self, saved: records.Saved) -> None:
        self._keep_selection = saved.record.id

    def edit_current(self) -> None:
        self.edit_row(self.table.currentIndex().row())

    def edit_row(self, row: int) -> None:
        consultation_id = self.model.id_at(row)
        if consultation_id is None:
            return
        self.ctx.ops.query(
            lambda ws: records.load(ws, Consultation, consultation_id), self._edit_loaded
        )

    def _edit_loaded(self, consultation: Consultation | None) -> None:
        if consultation is None:
            self.ctx.messages.info.emit(tr("Diese Beratung gibt es nicht mehr."))
            return
        self.entry.edit(consultation)

    def delete_current(self) -> None:
        row = self.table.currentIndex().row()
        consultation_id = self.model.id_at(row)
        line = self.model.line_at(row) if consultation_id else None
        if line is None:
            return
        question = tr(
            "Die Beratung vom {day} löschen? Die Löschung wird mit dem nächsten Bundle "
            "an die Kreisstelle übertragen.",
            day=f"{line.occurred_on:%d.%m.%Y}",
        )
        if not confirm(self, tr("Beratung löschen"), question):
            return

        def deleted(_changes) -> None:
            self.ctx.messages.info.emit(tr("Die Beratung wurde gelöscht."))
            if self.entry.editing is not None and self.entry.editing.id == consultation_id:
                self.entry.new()

        self.ctx.ops.change(lambda ws: records.delete(ws, Consultation, consultation_id), deleted)
