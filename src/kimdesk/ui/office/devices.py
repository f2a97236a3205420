"""Geräte: enrolling a case manager device (fingerprint compared first), and the devices
with their latest bundle, gaps and a warning for those silent too long."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.text import printable
from kimdesk.services import office, sync
from kimdesk.services.changes import Change

from ..colors import NOTICE, mark
from ..i18n import tr
from ..operations import message_for
from ..screen import Context, Screen
from ..widgets.common import error_label, fill_table, record_table

SILENT = NOTICE
DEFAULT_WEEKS = 4


#: An identity file of format 1: its fingerprint does not cover the device's role and name.
LEGACY = QT_TR_NOOP("Hinweis: Die Identitätsdatei hat das alte Format 1; ihr Fingerabdruck deckt "
                    "Rolle und Name nicht. Das Gerät speichert unter Datei → Identitätsdatei speichern "
                    "eine neue.")  # fmt: skip


class DevicesScreen(Screen):
    refresh_on = (Change.PEER, Change.BUNDLE)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.title = tr("&Geräte")
        self.lines: list[office.DeviceLine] = []
        enrol = QPushButton(tr("Gerät &eintragen …"))
        enrol.clicked.connect(self.choose_identity)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 52)
        self.weeks.setValue(DEFAULT_WEEKS)
        self.weeks.setSuffix(tr(" Wochen"))
        self.weeks.valueChanged.connect(lambda _v: self._show(self.lines))
        weeks_label = QLabel(tr("&Warnen nach:"))
        weeks_label.setBuddy(self.weeks)
        row = QHBoxLayout()
        row.addWidget(enrol)
        row.addStretch(1)
        row.addWidget(weeks_label)
        row.addWidget(self.weeks)
        self.table = record_table([tr("Gerät"), tr("Fingerabdruck"), tr("Eingetragen am"),
                                   tr("Letztes Bundle"), tr("vom"), tr("Lücken"), tr("Hinweis")],
                                  "deviceTable")  # fmt: skip
        self.table.setAccessibleName(tr("Eingetragene Geräte"))
        self.message = QLabel()
        self.message.setObjectName("deviceMessage")
        self.message.setWordWrap(True)
        self.untrusted = error_label("untrustedDevices")
        self.untrusted.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.untrusted)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def load(self) -> None:
        self.ctx.ops.query(office.devices, self._show)
        self.ctx.ops.query(office.unsigned_devices, self._show_untrusted)

    def clear(self) -> None:
        self.lines = []
        self.table.setRowCount(0)
        self.message.clear()
        self.untrusted.clear()

    def _show_untrusted(self, names: list[str]) -> None:
        """Rows written into the database without this office's signature (on a server)."""
        self.untrusted.setText(
            tr("Nicht vertraut: {names}. Diese Einträge stehen in der Datenbank, tragen aber nicht "
               "die Signatur dieser Kreisstelle; ihre Bundles werden abgelehnt, bis das Gerät "
               "hier eingetragen wird.", names=", ".join(names)) if names else ""
        )  # fmt: skip
        self.untrusted.setVisible(bool(names))

    def focus_first(self) -> None:
        self.table.setFocus()

    def _show(self, lines: list[office.DeviceLine]) -> None:
        self.lines = lines
        now, limit = office.now(), timedelta(weeks=self.weeks.value())
        rows, silent_rows = [], []
        for i, d in enumerate(lines):
            silent = d.silent_for(now)
            if silent is None:
                note = tr("noch kein Bundle")
            elif silent > limit:
                note = tr("seit {weeks} Wochen nichts gesendet", weeks=silent.days // 7)
                silent_rows.append(i)
            else:
                note = ""
            rows.append((
                d.name, d.fingerprint, f"{d.trusted_at.astimezone():%d.%m.%Y}",
                d.last_seq or "–",
                f"{d.last_created_at.astimezone():%d.%m.%Y}" if d.last_created_at else "–",
                office.gap_text(d.gaps), note,
            ))  # fmt: skip
        fill_table(self.table, rows)
        for i in silent_rows:
            for column in range(self.table.columnCount()):
                mark(self.table.item(i, column), SILENT)
        self.table.resizeColumnsToContents()

    # -- enrolling ------------------------------------------------------------------------

    def choose_identity(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Identitätsdatei des Geräts"), str(Path.home()),
            tr("Identitätsdateien (*.json)"))  # fmt: skip
        if name:
            self.check_identity(Path(name))

    def check_identity(self, path: Path) -> None:
        self.ctx.ops.query(lambda _ws: office.read_identity(path),
                         lambda identity: self._confirm(path, identity), self._failed)  # fmt: skip

    def _confirm(self, path: Path, identity) -> None:
        answer = QMessageBox.question(
            self, tr("Gerät eintragen"),
            tr("Gerät: {name}\nFingerabdruck: {fingerprint}\n\nStimmt der Fingerabdruck mit dem "
               "überein, den das Gerät anzeigt (Hilfe → Über KIMdesk)? "
               "Erst dann eintragen.", name=printable(identity.name),
               fingerprint=identity.fingerprint)
            + (("\n\n" + tr(LEGACY)) if identity.version == 1 else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.enroll(path)

    def enroll(self, path: Path) -> None:
        self.ctx.ops.change(lambda ws: sync.enroll(ws, path), self._enrolled, self._failed)

    def _enrolled(self, enrolment: sync.Enrolment) -> None:
        identity = enrolment.identity
        name = printable(identity.name)
        text = (tr("{name} ist eingetragen.", name=name) if enrolment.new
                else tr("{name} war schon eingetragen.", name=name))  # fmt: skip
        if enrolment.legacy:
            text += " " + tr(LEGACY)
        self.message.setText(text)

    def _failed(self, error: Exception) -> None:
        self.message.setText(message_for(error))
