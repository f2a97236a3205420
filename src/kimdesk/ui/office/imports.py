"""Import: bundle files or a whole USB stick, a preview (the dry run) per bundle, the import
with progress, a summary that stays and can be saved, and the import history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.text import number_ranges, printable
from kimdesk.services import office, replies, sync
from kimdesk.services.changes import Change
from kimdesk.services.sync import MergeSummary

from .. import colors
from ..i18n import tr
from ..operations import message_for
from ..screen import Context, Screen
from ..widgets.common import fill_table, record_table
from .reasons import reason_text

STATUS = {
    "imported": QT_TR_NOOP("wird importiert"),
    "already_imported": QT_TR_NOOP("schon importiert"),
    "rejected": QT_TR_NOOP("abgelehnt"),
}
DONE_STATUS = {"imported": QT_TR_NOOP("importiert")}
COUNT_HEADERS = (QT_TR_NOOP("neu"), QT_TR_NOOP("geändert"), QT_TR_NOOP("unverändert"),
                 QT_TR_NOOP("veraltet"), QT_TR_NOOP("gelöscht"), QT_TR_NOOP("Konflikte"))  # fmt: skip
REJECTED = colors.REFUSED
WARNED = colors.NOTICE


class ImportScreen(Screen):
    refresh_on = (Change.BUNDLE, Change.PEER)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Import")
        self.files: list[Path] = []
        self.summary: MergeSummary | None = None
        self.task = None
        pick_files = QPushButton(tr("&Bundles wählen …"))
        pick_files.clicked.connect(self.choose_files)
        pick_folder = QPushButton(tr("&USB-Stick oder Ordner wählen …"))
        pick_folder.clicked.connect(self.choose_folder)
        self.import_button = QPushButton(tr("Jetzt im&portieren"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.save_button = QPushButton(tr("Zusammenfassung &speichern …"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_summary)
        self.reply_button = QPushButton(tr("Ant&worten für alle Geräte schreiben …"))
        self.reply_button.setToolTip(tr("Jedem Gerät mit Neuigkeiten eine Antwort auf den "
                                        "USB-Stick: welche seiner Bundles angekommen sind."))  # fmt: skip
        self.reply_button.clicked.connect(self.choose_reply_folder)
        self.cancel_button = QPushButton(tr("Abbrechen"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        for button in (pick_files, pick_folder, self.import_button, self.save_button,
                       self.reply_button, self.cancel_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.state = QLabel(tr("Bundles von einem USB-Stick wählen: zuerst wird geprüft, "
                               "dann importiert."))  # fmt: skip
        self.state.setObjectName("importState")
        self.state.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        headers = [tr("Datei"), tr("Gerät"), tr("Nr."), tr("Ergebnis"),
                   *(tr(h) for h in COUNT_HEADERS), tr("Grund / Hinweise")]  # fmt: skip
        self.table = record_table(headers, "importSummary")
        self.table.setAccessibleName(tr("Gewählte Bundles"))
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setObjectName("importDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals = QLabel()
        self.totals.setObjectName("importTotals")
        self.history = record_table([tr("Importiert am"), tr("von"), tr("Gerät"), tr("Nr."),
                                     tr("Datei"), tr("Datensätze")], "importHistory")  # fmt: skip
        self.history.setAccessibleName(tr("Bisherige Importe"))
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.state)
        column.addWidget(self.progress)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        column.addWidget(self.totals)
        history = QGroupBox(tr("Bisherige Importe"))
        QVBoxLayout(history).addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

    # -- Screen ---------------------------------------------------------------------------

    def load(self) -> None:
        self.ctx.ops.query(office.import_history, self._show_history)
        if self.files:  # a preview not yet imported: check it again (a device was enrolled)
            self.preview(self.files)

    def clear(self) -> None:
        self.files, self.summary = [], None
        self.table.setRowCount(0)
        self.detail.clear()
        self.history.setRowCount(0)
        self.totals.clear()
        self.import_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _show_history(self, lines: list[office.ImportLine]) -> None:
        fill_table(self.history, (
            (f"{h.imported_at.astimezone():%d.%m.%Y %H:%M}", h.imported_by, h.device, h.seq,
             h.file_name, sum(h.counts.get(k, 0) for k in ("created", "updated", "deleted")))
            for h in lines
        ))  # fmt: skip
        self.history.resizeColumnsToContents()

    # -- choosing and previewing ----------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, tr("Bundles wählen"), str(Path.home()), tr("KIMdesk-Bundles (*.kimb)"))  # fmt: skip
        if names:
            self.preview([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Ordner mit Bundles"), str(Path.home()))
        if folder:
            self.preview_folder(Path(folder))

    def preview_folder(self, folder: Path) -> None:
        self.ctx.ops.query(lambda _ws: office.bundle_files(folder), self._found, self._failed)

    def _found(self, files: list[Path]) -> None:
        if not files:
            self.state.setText(tr("In diesem Ordner liegen keine Bundles (*.kimb)."))
            self.table.setRowCount(0)
            return
        self.preview(files)

    def preview(self, files: list[Path]) -> None:
        """The dry run: what each bundle would do, nothing changes yet."""
        self.files = files
        self.state.setText(tr("%n Bundles werden geprüft …", "", len(files)))
        self._run(dry_run=True)

    def run_import(self) -> None:
        if self.files:
            self.state.setText(tr("%n Bundles werden importiert …", "", len(self.files)))
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        files = list(self.files)
        self.import_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)

        def merge(ws, task):
            return sync.merge_bundles(ws, files, dry_run=dry_run,
                                progress=lambda done, total: task.report(done, total or 0))  # fmt: skip

        self.task = self.ctx.ops.change(merge, lambda m: self._merged(m, dry_run), self._failed,
                                     progress=self._progressed)  # fmt: skip

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _idle(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _failed(self, error: Exception) -> None:
        self._idle()
        self.state.setText(message_for(error))
        self.import_button.setEnabled(bool(self.files))

    def _merged(self, summary: MergeSummary, dry_run: bool) -> None:
        self._idle()
        self.summary = summary
        self.show_summary(summary)
        self.save_button.setEnabled(True)
        rejected = sum(b.status == "rejected" for b in summary.bundles)
        new = sum(b.status == "imported" for b in summary.bundles)
        if dry_run:
            self.import_button.setEnabled(new > 0)
            self.state.setText(
                tr("Geprüft: {new} Bundles können importiert werden, {rejected} werden abgelehnt. "
                   "Noch ist nichts geändert.", new=new, rejected=rejected)
            )  # fmt: skip
        else:
            self.files = []
            self.state.setText(tr("Importiert: {new} Bundles, abgelehnt: {rejected}.", new=new,
                                  rejected=rejected))  # fmt: skip
            self.ctx.messages.info.emit(self.state.text())

    def choose_reply_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Ordner für die Antworten (USB-Stick)"), str(Path.home())
        )
        if folder:
            self.write_replies(Path(folder))

    def write_replies(self, folder: Path) -> None:
        self.state.setText(tr("Die Antworten werden geschrieben …"))
        self.ctx.ops.change(lambda ws: replies.write_replies(ws, folder), self._replied,
                            self._failed)  # fmt: skip

    def _replied(self, result: replies.Replies) -> None:
        lines = [tr("Antwort {n} an {device}: angekommene Bundles {bundles}.", n=w.seq,
                    device=printable(w.device),
                    bundles=number_ranges(w.acknowledged) or tr("noch keins"))
                 + (tr(" Entscheidungen: {n}.", n=w.decisions) if w.decisions else "")
                 for w in result.written]  # fmt: skip
        lines += [tr("Keine Antwort: {why}", why=why) for why in result.skipped]
        self.state.setText("\n".join(lines) or tr("Es ist kein Gerät eingetragen."))

    def show_summary(self, summary: MergeSummary) -> None:
        names = STATUS if summary.dry_run else {**STATUS, **DONE_STATUS}
        fill_table(self.table, (
            (b.display_name, printable(b.installation_name or ""), b.seq or "",
             tr(names[b.status]),
             *(b.counts[k] for k in ("created", "updated", "unchanged", "stale", "deleted",
                                     "conflicts")),
             reason_text(b.reason_code, b.reason) or " ".join(b.warnings))
            for b in summary.bundles
        ))  # fmt: skip
        for row, b in enumerate(summary.bundles):
            self.table.item(row, self.table.columnCount() - 1).setToolTip(self._details(b))
            color = REJECTED if b.status == "rejected" else WARNED if b.warnings else None
            if color is not None:
                for column in range(self.table.columnCount()):
                    colors.mark(self.table.item(row, column), color)
        self.table.resizeColumnsToContents()
        t = summary.totals
        self.totals.setText(
            tr("Summe: {created} neu, {updated} geändert, {deleted} gelöscht, {conflicts} "
               "Konflikte, {rejected} abgelehnt", **{k: t[k] for k in
               ("created", "updated", "deleted", "conflicts", "rejected")})
        )  # fmt: skip

    @staticmethod
    def _details(b) -> str:
        return "\n".join([reason_text(b.reason_code, b.reason), *b.warnings]).strip()

    def _show_detail(self) -> None:
        """The whole reason and every warning of the selected bundle (a cell cuts them)."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        bundles = self.summary.bundles if self.summary else []
        texts = [f"{bundles[r].display_name}: {self._details(bundles[r])}"
                 for r in sorted(rows) if r < len(bundles) and self._details(bundles[r])]  # fmt: skip
        self.detail.setText("\n".join(texts))

    def save_summary(self) -> None:
        if self.summary is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Zusammenfassung speichern"), str(Path.home() / "import-zusammenfassung.csv"),
            tr("CSV-Dateien (*.csv)"))  # fmt: skip
        if name:
            self.write_summary(Path(name))

    def write_summary(self, path: Path) -> None:
        summary = self.summary
        # The file dialog has asked before an existing file is chosen: only an earlier summary
        # is replaced, never another file.
        self.ctx.ops.query(lambda _ws: office.write_summary(summary, path, force=True),
                         lambda p: self.ctx.messages.info.emit(tr("Gespeichert: {path}", path=str(p))),
                         self._failed)  # fmt: skip
