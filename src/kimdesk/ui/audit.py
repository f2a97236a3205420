"""Eingabekontrolle: the audit trail to read and export (ids and actions, never contents),
the deletion log to export, and erasing every client the deletion concept names as due."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kimdesk.services import privacy, retention

from .i18n import tr
from .labels import ENTITY_LABELS
from .operations import message_for
from .screen import Context
from .widgets.common import confirm, fill_table, record_table

SHOWN = 2000
ENTITIES = {
    **ENTITY_LABELS,
    "installation": QT_TR_NOOP("Installation"),
    "bundle": QT_TR_NOOP("Bundle"),
    "peer": QT_TR_NOOP("Gerät"),
}


class AuditDialog(QDialog):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Eingabekontrolle"))
        intro = QLabel(tr("Wer wann welchen Datensatz angelegt, geändert oder gelöscht hat – "
                          "nur Kennungen, nie Inhalte. Die neuesten {n} Einträge:", n=SHOWN))  # fmt: skip
        intro.setWordWrap(True)
        self.table = record_table([tr("Zeitpunkt"), tr("Aktion"), tr("Art"), tr("Datensatz"),
                                   tr("Hinweis")], "auditTable")  # fmt: skip
        self.table.setAccessibleName(tr("Eingabekontrolle"))
        export = QPushButton(tr("Als CSV &speichern …"))
        export.clicked.connect(self.export)
        log = QPushButton(tr("&Löschprotokoll speichern …"))
        log.clicked.connect(self.export_log)
        periods = QLabel(rules_text(ctx.catalog) if ctx.catalog else "")
        periods.setWordWrap(True)
        erase = QPushButton(tr("Personendaten nach &Frist löschen …"))
        erase.clicked.connect(self.erase_past_retention)
        close = QPushButton(tr("Schließen"))
        close.clicked.connect(self.accept)
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (export, log, erase):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(periods)
        layout.addLayout(row)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().height() * 30)
        self.load()

    def load(self) -> None:
        self.ctx.ops.query(lambda ws: privacy.audit_trail(ws, limit=SHOWN), self._show)

    def _show(self, lines: list[privacy.AuditLine]) -> None:
        fill_table(self.table, (
            (f"{a.at.astimezone():%d.%m.%Y %H:%M:%S}", privacy.ACTIONS.get(a.action, a.action),
             tr(ENTITIES[a.entity]) if a.entity in ENTITIES else a.entity, a.record_id or "",
             a.detail or "")
            for a in lines
        ))  # fmt: skip
        self.table.resizeColumnsToContents()

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Eingabekontrolle speichern"), str(Path.home() / "eingabekontrolle.csv"),
            tr("CSV-Dateien (*.csv)"))  # fmt: skip
        if name:
            self.write(Path(name))

    def write(self, path: Path, writer=privacy.write_audit_csv) -> None:
        # Asked by the file dialog: only an earlier export of the same kind is replaced.
        self.ctx.ops.query(lambda ws: writer(ws, path, force=True),
                         lambda p: self.message.setText(tr("Gespeichert: {path}", path=str(p))),
                         lambda e: self.message.setText(message_for(e)))  # fmt: skip

    def export_log(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Löschprotokoll speichern"), str(Path.home() / "loeschprotokoll.csv"),
            tr("CSV-Dateien (*.csv)"))  # fmt: skip
        if name:
            self.write(Path(name), retention.write_deletion_log)

    def erase_past_retention(self) -> None:
        if not confirm(self, tr("Personendaten löschen"),
                       tr("Die persönlichen Daten aller Klient:innen löschen, deren Löschfrist "
                          "abgelaufen ist (Heute fällig zeigt sie einzeln)? Ruhende offene Fälle "
                          "werden dabei mit „kein Kontakt“ abgeschlossen. Die Beratungen bleiben "
                          "für die Statistik erhalten.")):  # fmt: skip
            return
        self.erase()

    def erase(self) -> None:
        def done(erased: privacy.Erased) -> None:
            if self.ctx.undo is not None:
                self.ctx.undo.clear()  # an erasure is final: no step may bring a name back
            self.message.setText(tr("%n Datensätze geleert.", "", erased.records))
            self.load()

        self.ctx.ops.change(retention.erase_all_due, done,
                         lambda e: self.message.setText(message_for(e)))  # fmt: skip


def rules_text(catalog) -> str:
    """The county's three deletion periods, as the dialogs state them."""
    return tr("Löschfristen (Kreisprofil): {years} Jahre nach Fallabschluss, {one_off} Monate "
              "nach nur einmaliger Beratung, {inactive} Monate bei ruhenden offenen Fällen.",
              years=catalog.retention_years, one_off=catalog.retention.one_off_months,
              inactive=catalog.retention.inactive_months)  # fmt: skip
