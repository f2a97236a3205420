"""Übertragung: what waits for the next bundle, writing it to a USB stick, bundles written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.text import number_ranges
from kimdesk.services.changes import RECORDS, Change
from kimdesk.services.handovers import HandoverShown, overview
from kimdesk.services.replies import ReceivedReplies, receive_replies
from kimdesk.services.sync import ExportResult, bundle_history, export_bundle
from kimdesk.services.transfer import Pending, pending_changes

from .i18n import tr
from .labels import ENTITY_PLURALS
from .operations import message_for
from .screen import Context, Screen


class TransferScreen(Screen):
    refresh_on = (*RECORDS, Change.BUNDLE)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Übertragung")
        self.pending = QLabel()
        self.pending.setObjectName("pendingChanges")
        self.pending.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(tr("Ordner auf dem USB-Stick"))
        choose = QPushButton(tr("Ordner &wählen …"))
        choose.clicked.connect(self.choose_folder)
        self.full = QCheckBox(
            tr("&Vollständiges Bundle (alle Daten, z. B. für ein neues Gerät der Kreisstelle)")
        )
        self.write_button = QPushButton(tr("Bundle auf USB-Stick sch&reiben"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.folder.returnPressed.connect(self.write)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # the export reports no steps: an indeterminate bar
        self.busy.setVisible(False)
        self.result = QLabel()
        self.result.setObjectName("transferResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QTableWidget(0, 6)
        self.history.setObjectName("bundleHistory")
        self.history.setHorizontalHeaderLabels(
            [tr("Nr."), tr("Geschrieben am"), tr("Datei"), tr("Datensätze"), tr("Umfang"),
             tr("Bei der Kreisstelle angekommen")]
        )  # fmt: skip
        self.handovers = QTableWidget(0, 5)
        self.handovers.setObjectName("handoverList")
        self.handovers.setAccessibleName(tr("Fallübergaben"))
        self.handovers.setHorizontalHeaderLabels(
            [tr("Richtung"), tr("Gerät"), tr("Fälle"), tr("Zeitpunkt"), tr("Stand")]
        )
        self.handovers.verticalHeader().setVisible(False)
        self.handovers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.handovers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.receive_button = QPushButton(tr("Antwort der Kreisstelle &einlesen …"))
        self.receive_button.clicked.connect(self.choose_replies)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        waiting = QGroupBox(tr("Seit dem letzten Bundle"))
        QVBoxLayout(waiting).addWidget(self.pending)
        target = QGroupBox(tr("Bundle für die Kreisstelle schreiben"))
        row = QHBoxLayout()
        label = QLabel(tr("Ziel&ordner:"))
        label.setBuddy(self.folder)
        row.addWidget(label)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        column = QVBoxLayout(target)
        column.addLayout(row)
        column.addWidget(self.full)
        column.addWidget(self.write_button, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.busy)
        column.addWidget(self.result)
        written = QGroupBox(tr("Geschriebene Bundles"))
        listed = QVBoxLayout(written)
        listed.addWidget(self.history)
        listed.addWidget(self.receive_button, alignment=Qt.AlignmentFlag.AlignLeft)
        handed = self.handover_box = QGroupBox(tr("Fallübergaben"))
        QVBoxLayout(handed).addWidget(self.handovers)
        handed.setVisible(False)  # shown once there is one
        layout = QVBoxLayout(self)
        layout.addWidget(waiting)
        layout.addWidget(target)
        layout.addWidget(written, 1)
        layout.addWidget(handed, 1)
        for first, second in (
            (self.folder, choose),
            (choose, self.full),
            (self.full, self.write_button),
            (self.write_button, self.history),
            (self.history, self.receive_button),
            (self.receive_button, self.handovers),
        ):
            QWidget.setTabOrder(first, second)  # fmt: skip

    # -- Screen ---------------------------------------------------------------------------

    def load(self) -> None:
        if not self.folder.text() and self.ctx.settings.stick_folder:
            self.folder.setText(self.ctx.settings.stick_folder)  # the stick of last time
        self.ctx.ops.query(pending_changes, self._show_pending)
        self.ctx.ops.query(bundle_history, self._show_history)
        self.ctx.ops.query(overview, self._show_handovers)

    def clear(self) -> None:
        self.pending.clear()
        self.result.clear()
        self.history.setRowCount(0)

    def focus_first(self) -> None:
        self.folder.setFocus()

    def _show_pending(self, pending: Pending) -> None:
        handed = (" " + tr("Dazu %n Fallübergaben oder Bestätigungen.", "", pending.handovers)
                  if pending.handovers else "")  # fmt: skip
        if not pending.total:
            self.pending.setText(
                tr("Keine geänderten Datensätze.") + handed if handed
                else tr("Keine Änderungen: alles ist schon in einem Bundle.")
            )  # fmt: skip
            return
        parts = []
        for entity in dict.fromkeys([*pending.counts, *pending.deleted]):
            part = f"{tr(ENTITY_PLURALS[entity])}: {pending.counts.get(entity, 0)}"
            if pending.deleted.get(entity):
                part += " " + tr("(dazu %n gelöscht)", "", pending.deleted[entity])
            parts.append(part)
        self.pending.setText(
            tr("%Ln geänderte Datensätze warten auf das nächste Bundle ({parts}).", "",
               pending.total, parts=", ".join(parts)) + handed
        )  # fmt: skip

    def _show_history(self, rows: list[dict]) -> None:
        self.history.setRowCount(len(rows))
        for i, row in enumerate(reversed(rows)):
            cells = (
                str(row["seq"]),
                f"{row['created_at'].astimezone():%d.%m.%Y %H:%M}",
                row["file_name"],
                str(row["records"]),
                tr("vollständig") if row["full"] else tr("Änderungen"),
                f"{row['acknowledged_at'].astimezone():%d.%m.%Y}"
                if row.get("acknowledged_at")
                else tr("noch nicht bestätigt"),
            )
            for column, text in enumerate(cells):
                self.history.setItem(i, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _show_handovers(self, lines: list[HandoverShown]) -> None:
        self.handover_box.setVisible(bool(lines))
        self.handovers.setRowCount(len(lines))
        for i, line in enumerate(lines):
            cells = (
                tr("übergeben an") if line.direction == "out" else tr("übernommen von"),
                line.device,
                str(line.cases),
                f"{line.at.astimezone():%d.%m.%Y %H:%M}",
                self._state(line),
            )
            for column, text in enumerate(cells):
                self.handovers.setItem(i, column, QTableWidgetItem(text))
        self.handovers.resizeColumnsToContents()
        self.handovers.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _state(line: HandoverShown) -> str:
        return {
            "waiting": tr("wartet auf das nächste Bundle"),
            "travelling": tr("mit Bundle {n} unterwegs; wartet auf die Übernahme", n=line.bundle),
            "completed": tr("abgeschlossen: übernommen, Personendaten hier gelöscht"),
            "taken": tr("übernommen; wird mit dem nächsten Bundle bestätigt"),
            "confirmed": tr("übernommen; bestätigt mit Bundle {n}", n=line.bundle),
        }[line.state]

    # -- actions --------------------------------------------------------------------------

    def choose_replies(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, tr("Antworten der Kreisstelle einlesen"),
            self.folder.text() or str(Path.home()), tr("Antworten der Kreisstelle (*.kimr)"),
        )  # fmt: skip
        if names:
            self.receive([Path(n) for n in names])

    def receive(self, files: list[Path]) -> None:
        self.result.setText(tr("Die Antwort wird geprüft …"))
        self.ctx.ops.change(lambda ws: receive_replies(ws, files), self._received, self._failed)

    def _received(self, received: ReceivedReplies) -> None:
        lines = []
        for r in received.replies:
            if r.status == "rejected":
                lines.append(tr("{file}: abgelehnt – {reason}", file=Path(r.file).name,
                                reason=r.reason or ""))  # fmt: skip
                continue
            bundles = number_ranges(r.acknowledged) or tr("noch keins")
            text = (tr("Antwort {n} eingelesen; bei der Kreisstelle angekommen: Bundles {bundles}.",
                       n=r.reply_seq, bundles=bundles) if r.status == "received"
                    else tr("Antwort {n} war schon eingelesen.", n=r.reply_seq))  # fmt: skip
            if r.taken.updated:
                text += tr(" Entscheidungen der Kreisstelle übernommen: {n}.", n=r.taken.updated)
            if r.profile_version:
                text += tr(" Kreisprofil: Version {n} übernommen.", n=r.profile_version)
            for item in r.handovers.items:
                text += (tr(" Fallübergabe von {device} übernommen: %n Fälle.", "", item["cases"],
                            device=item["device"]) if item["direction"] == "taken"
                         else tr(" Übergabe an {device} abgeschlossen; die Personendaten sind "
                                 "hier gelöscht.", device=item["device"]))  # fmt: skip
            lines.append(text + "".join(" " + w for w in r.warnings))
        self.result.setText("\n".join(lines))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Ordner für das Bundle wählen"), self.folder.text() or str(Path.home())
        )
        if folder:
            self.folder.setText(folder)

    def write(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.result.setText(tr("Bitte zuerst einen Ordner wählen (z. B. den USB-Stick)."))
            return
        folder = Path(text)
        if not folder.is_dir():
            self.result.setText(tr("Den Ordner {folder} gibt es nicht.", folder=str(folder)))
            return
        full = self.full.isChecked()
        self.write_button.setEnabled(False)
        self.busy.setVisible(True)
        self.result.setText(tr("Das Bundle wird geschrieben …"))
        self.ctx.ops.change(lambda ws: export_bundle(ws, folder, full=full), self._written,
                         self._failed)  # fmt: skip

    def _written(self, result: ExportResult) -> None:
        self._done()
        if result.path is None:
            self.result.setText(result.message)
            return
        handed = (" " + tr("Dazu %n Fallübergaben oder Bestätigungen.", "", result.handovers)
                  if result.handovers else "")  # fmt: skip
        self.result.setText(
            tr("Bundle {seq} geschrieben: {path} ({records} Datensätze).\n"
               "Bitte bringen Sie den USB-Stick zur Kreisstelle.",
               seq=result.seq, path=str(result.path), records=result.records) + handed
        )  # fmt: skip
        self.full.setChecked(False)
        self.ctx.settings.stick_folder = str(result.path.parent)

    def _failed(self, error: Exception) -> None:
        self._done()
        self.result.setText(message_for(error))

    def _done(self) -> None:
        self.write_button.setEnabled(True)
        self.busy.setVisible(False)
