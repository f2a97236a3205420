"""Statistik: the figures of one's own data (a case manager) or the county (the office) as
charts, with the same filters as ``kimdesk stats``, and Excel/PNG/PDF export.

matplotlib is imported only when the screen is first shown: the app starts without it.
Reports and figures are built on the store thread; the GUI only puts a figure on a canvas.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kimdesk.services.changes import RECORDS, Change
from kimdesk.services.office import devices
from kimdesk.services.statistics import make_filters, statistics

from .i18n import tr
from .operations import message_for
from .screen import Context, Screen
from .widgets.common import confirm, read_form
from .widgets.fields import CodeCombo, DateField


class StatisticsScreen(Screen):
    refresh_on = (*RECORDS, Change.PEER)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.office = ctx.installation is not None and ctx.installation.role == "office"
        self.title = tr("M&onitoring") if self.office else tr("&Statistik")
        self.report: dict | None = None
        self.specs = []
        self.canvas = None
        self.date_from = DateField(optional=True)
        self.date_to = DateField(optional=True)
        self.municipality = CodeCombo([], optional=True)
        self.program = CodeCombo([], optional=True)
        self.device = CodeCombo([], optional=True)
        apply = QPushButton(tr("A&nwenden"))
        apply.clicked.connect(self.load)
        bar = QGridLayout()
        fields = [(tr("&von"), self.date_from), (tr("b&is"), self.date_to),
                  (tr("&Kommune"), self.municipality), (tr("&Programm"), self.program)]  # fmt: skip
        if self.office:
            fields.append((tr("Gerä&t"), self.device))
        for column, (text, widget) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label, 0, column)
            bar.addWidget(widget, 1, column)
        bar.addWidget(apply, 1, len(fields))
        self.publication = QCheckBox(tr("&Zur Veröffentlichung (kleine Zahlen geheim)"))
        self.publication.setToolTip(
            tr("Zahlen unter der Mindestfallzahl des Kreises und was sie verriete stehen als "
               "„•“; so auch in Excel-Datei, Diagrammen und Foliensatz.")
        )  # fmt: skip
        self.publication.toggled.connect(self.load)
        bar.addWidget(self.publication, 2, 0, 1, len(fields) + 1)
        self.summary = QLabel()
        self.summary.setObjectName("keyFigures")
        self.summary.setWordWrap(True)
        self.charts = QListWidget()
        self.charts.setObjectName("chartList")
        self.charts.setAccessibleName(tr("Diagramme"))
        self.charts.currentRowChanged.connect(self.show_chart)
        self.excel = QPushButton(tr("&Excel-Datei …"))
        self.excel.clicked.connect(self.export_excel)
        self.images = QPushButton(tr("Diagramme als PNG/P&DF …"))
        self.images.clicked.connect(self.export_images)
        self.deck = QPushButton(tr("&Foliensatz (PDF) …"))
        self.deck.clicked.connect(self.export_deck)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.result = QLabel()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(tr("Diagramme")))
        column.addWidget(self.charts, 1)
        column.addWidget(self.excel)
        column.addWidget(self.images)
        column.addWidget(self.deck)
        column.addWidget(self.busy)
        column.addWidget(self.result)
        self.chart_area = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_area)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(tr("Die Zahlen werden berechnet …"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_layout.addWidget(self.placeholder)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.chart_area)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        for _text, widget in fields:
            widget.installEventFilter(self)
        self._catalog = None

    def eventFilter(self, watched, event) -> bool:
        # Enter in any filter field applies the filters.
        if event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.load()
            return True
        return super().eventFilter(watched, event)

    # -- Screen ---------------------------------------------------------------------------

    def load(self) -> None:
        if self.ctx.catalog is None:
            return
        if self._catalog is not self.ctx.catalog:
            self._catalog = self.ctx.catalog
            from kimdesk.stats.charts import chart_builders  # matplotlib: only now

            self.specs = chart_builders()
            self.charts.blockSignals(True)
            self.charts.clear()
            titles = [spec.title for spec in self.specs]
            if self.ctx.language == "en":  # the charts' own English words name them here too
                from kimdesk.stats.english import WORDS

                titles = [WORDS.get(title, title) for title in titles]
            self.charts.addItems(titles)
            # The titles whole, not cut (the list is beside a chart that gets the rest).
            self.charts.setMinimumWidth(min(360, self.charts.sizeHintForColumn(0) + 30))
            self.charts.blockSignals(False)
            self.municipality.set_pairs(self.ctx.pairs("municipality"), optional=True)
            self.program.set_pairs(self.ctx.pairs("program"), optional=True)
            if self.office:
                self.ctx.ops.query(devices, self._show_devices)
        period = read_form(self.summary, lambda: (self.date_from.value(), self.date_to.value()))
        if period is None:
            return
        start, end = period
        town, program = self.municipality.code(), self.program.code()
        device = self.device.code() if self.office else None
        publication = self.publication.isChecked()

        def compute(ws):
            return statistics(ws, make_filters(ws, date_from=start, date_to=end,
                                               municipality=town, program=program,
                                               installation=device),
                              publication=publication)  # fmt: skip

        self.summary.setText(tr("Die Zahlen werden berechnet …"))
        self.ctx.ops.query(compute, self._computed, self._failed)

    def _show_devices(self, lines) -> None:
        self.device.set_pairs([(d.installation_id, d.name) for d in lines], optional=True)

    def clear(self) -> None:
        self._catalog = None
        self.device.set_pairs([], optional=True)
        self.report = None
        self.summary.clear()
        self.result.clear()
        self.charts.clear()
        self._set_canvas(None)

    def focus_first(self) -> None:
        self.date_from.setFocus()

    def _failed(self, error: Exception) -> None:
        self.summary.setText(message_for(error))

    def _computed(self, report: dict) -> None:
        self.report = report
        c, r, t = report["consultations"], report["referrals"], report["topics"]
        self.summary.setText(
            tr("Einzelberatungen: {total} (einmalig {one}, Case Management {cm}) · Verweise: "
               "{referrals} · Themennennungen: {mentions}", total=c["total"],
               one=c["by_kind"].get("einmalig", 0), cm=c["by_kind"].get("cm", 0),
               referrals=r["total"], mentions=t["mentions"])
        )  # fmt: skip
        if self.charts.currentRow() < 0 and self.charts.count():
            self.charts.setCurrentRow(0)
        else:
            self.show_chart(self.charts.currentRow())

    def show_chart(self, row: int) -> None:
        if self.report is None or not 0 <= row < len(self.specs):
            return
        spec, report, english = self.specs[row], self.report, self.ctx.language == "en"

        def build(ws):
            figure = spec.build(report, ws.catalog)
            if english:  # the figures of kimdesk.stats are German documents
                from kimdesk.stats.english import translate_figure

                translate_figure(figure, ws.catalog)
            return figure

        self.ctx.ops.query(build, self._set_canvas)

    def _set_canvas(self, figure) -> None:
        if self.canvas is not None:
            self.chart_layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None
        self.placeholder.setVisible(figure is None)
        if figure is None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        figure.set_dpi(self.logicalDpiX() or 96)  # slide figures are 150 dpi: too big on screen
        self.canvas = FigureCanvasQTAgg(figure)
        self.canvas.setObjectName("chartCanvas")
        self.chart_layout.addWidget(self.canvas, 1)

    # -- export ---------------------------------------------------------------------------

    def export_excel(self) -> None:
        path = self._save_as(tr("Statistik als Excel-Datei"), "kimdesk-statistik.xlsx",
                             tr("Excel-Dateien (*.xlsx)"))  # fmt: skip
        if path is not None:
            self.write_excel(path)

    def export_images(self) -> None:
        if self.report is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, tr("Ordner für die Diagramme"), str(Path.home())
        )
        if not folder:
            return
        from kimdesk.services.exports import chart_files

        replace = any(path.exists() for path in chart_files(Path(folder)))
        if replace and not confirm(
            self, tr("Diagramme ersetzen"),
            tr("In diesem Ordner liegen schon Diagramme. Die früheren Diagramme von KIMdesk "
               "ersetzen?"),
        ):  # fmt: skip
            return
        self.write_images(Path(folder), force=replace)

    def export_deck(self) -> None:
        path = self._save_as(tr("Foliensatz speichern"), "kimdesk-foliensatz.pdf",
                             tr("PDF-Dateien (*.pdf)"))  # fmt: skip
        if path is not None:
            self.write_deck(path)

    # The file dialogs asked before an existing file was chosen: only an earlier KIMdesk
    # file is replaced (the services refuse any other file).

    def write_excel(self, path: Path) -> None:
        from kimdesk.services.exports import write_workbook

        self._write(tr("Die Excel-Datei wird geschrieben …"),
                    lambda report, catalog: write_workbook(report, catalog, path, force=True),
                    lambda p: tr("Gespeichert: {path}", path=str(p)))  # fmt: skip

    def write_images(self, folder: Path, *, force: bool = False) -> None:
        from kimdesk.services.exports import write_charts

        self._write(tr("Die Diagramme werden geschrieben …"),
                    lambda report, catalog: write_charts(report, catalog, folder, force=force),
                    lambda paths: tr("%n Dateien in {folder} gespeichert.", "", len(paths),
                                     folder=str(folder)))  # fmt: skip

    def write_deck(self, path: Path) -> None:
        from kimdesk.services.exports import write_deck

        self._write(tr("Der Foliensatz wird geschrieben …"),
                    lambda report, catalog: write_deck(report, catalog, path, force=True),
                    lambda p: tr("Gespeichert: {path}", path=str(p)))  # fmt: skip

    def _save_as(self, title: str, name: str, pattern: str) -> Path | None:
        """The file the user names in a save dialog, with the suffix of ``name``."""
        if self.report is None:
            return None
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name),
                                                      pattern)  # fmt: skip
        if not chosen:
            return None
        suffix = Path(name).suffix
        return Path(chosen if chosen.endswith(suffix) else chosen + suffix)

    def _write(self, busy: str, write, said) -> None:
        """``write(report, catalog)`` on the store thread; then ``said(result)`` is shown."""
        report = self.report
        self._busy(busy)
        self.ctx.ops.query(lambda ws: write(report, ws.catalog),
                           lambda result: self._exported(said(result)),
                           self._export_failed)  # fmt: skip

    def _busy(self, text: str) -> None:
        self.busy.setVisible(True)
        for button in (self.excel, self.images, self.deck):
            button.setEnabled(False)
        self.result.setText(text)

    def _exported(self, text: str) -> None:
        self._done()
        self.result.setText(text)

    def _export_failed(self, error: Exception) -> None:
        self._done()
        self.result.setText(message_for(error))

    def _done(self) -> None:
        self.busy.setVisible(False)
        for button in (self.excel, self.images, self.deck):
            button.setEnabled(True)
