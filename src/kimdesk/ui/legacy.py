"""Taking over the Excel list kept so far (``kimdesk import-legacy`` as a dialog)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from kimdesk.services.legacy_import import (
    ImportResult,
    LegacyDuplicatesError,
    LegacyImportError,
    import_legacy,
)

from .i18n import tr
from .operations import Task, message_for
from .screen import Context


def run_import(
    ws, task: Task, path: Path, skip_invalid: bool, repeats: bool = False
) -> ImportResult:
    """The import with the dialog's progress bar (and its cancel button) as its progress."""
    return import_legacy(ws, path, skip_invalid=skip_invalid, allow_duplicates=repeats,
                         progress=lambda done, total: task.report(done, total or 0))  # fmt: skip


class LegacyImportDialog(QDialog):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.setWindowTitle(tr("Bisherige Liste übernehmen"))
        intro = QLabel(tr("Eine Excel- oder CSV-Liste mit den Spalten Datum, Kommune, Art, Programm, "
                          "Fall, Themen, Verweise (Dauer, Setting, Sprachmittlung nach Wunsch). "
                          "Ist eine Zeile fehlerhaft, wird nichts übernommen."))  # fmt: skip
        intro.setWordWrap(True)
        self.path = QLineEdit()
        browse = QPushButton(tr("&Durchsuchen …"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        label = QLabel(tr("&Datei:"))
        label.setBuddy(self.path)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.skip = QCheckBox(
            tr("Fehlerhafte Zeilen &überspringen (sie kommen in eine eigene Datei)")
        )
        self.repeats = QCheckBox(
            tr("Beratungen, die schon im Speicher stehen, &trotzdem übernehmen "
               "(echte Wiederholungen)")
        )  # fmt: skip
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setAccessibleName(tr("Ergebnis der Prüfung"))
        self.report.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            tr("Über&nehmen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            tr("Schließen"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.stop_or_close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.skip)
        layout.addWidget(self.repeats)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 24)

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Liste wählen"), self.path.text(), tr("Listen (*.xlsx *.csv *.ods)"))  # fmt: skip
        if name:
            self.path.setText(name)

    def start(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip():
            self.report.setPlainText(tr("Bitte eine Datei wählen."))
            return
        skip, repeats = self.skip.isChecked(), self.repeats.isChecked()
        self.start_button.setEnabled(False)
        self.close_button.setText(tr("Abbrechen"))
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.report.setPlainText(tr("Die Liste wird geprüft und übernommen …"))
        self.task = self.ctx.ops.change(lambda ws, task: run_import(ws, task, path, skip, repeats),
                                     self._done, self._failed, progress=self._progressed)  # fmt: skip

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.start_button.setEnabled(True)
        self.close_button.setText(tr("Schließen"))

    def _done(self, r: ImportResult) -> None:
        self._finish()
        lines = [
            tr("%Ln Beratungen übernommen.", "", r.imported)
            + " "
            + tr("%Ln Fälle angelegt.", "", r.cases_created)
        ]
        if r.rejected:
            lines.append(tr("%Ln Zeilen übersprungen; die Gründe stehen in {file}.", "", r.rejected,
                            file=str(r.rejected_file)))  # fmt: skip
        if r.ignored_columns:
            lines.append(
                tr("Nicht übernommene Spalten: {names}", names=", ".join(r.ignored_columns))
            )
        self.report.setPlainText("\n".join(lines))
        self.ctx.messages.info.emit(lines[0])

    def _failed(self, error: Exception) -> None:
        self._finish()
        lines = [message_for(error)]
        if isinstance(error, LegacyImportError):
            lines += [str(p) for p in error.problems[:200]]
            if len(error.problems) > 200:
                lines.append(tr("… und {n} weitere.", n=len(error.problems) - 200))
            if isinstance(error, LegacyDuplicatesError):
                lines.append(tr("Sind es echte Wiederholungen (zwei Beratungen eines Falls an "
                                "einem Tag), das Kästchen „trotzdem übernehmen“ ankreuzen."))  # fmt: skip
        self.report.setPlainText("\n".join(lines))

    def stop_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is not None:  # running: the import stops and rolls back, nothing half-done
            self.task.cancel()
        super().reject()
