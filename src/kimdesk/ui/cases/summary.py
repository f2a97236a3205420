"""Fallübersicht drucken: which parts of the case go on paper (``services.case_summary``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout

from kimdesk.services.case_summary import DEFAULT_PARTS

from ..i18n import tr
from ..widgets.common import ok_cancel

#: The parts as ticked in the dialog, with their mnemonics (the dialog's own letters).
PART_LABELS = {
    "person": QT_TR_NOOP("&Personalien (Name, Geburtsdatum, statistische Angaben)"),
    "contact": QT_TR_NOOP("&Kontaktdaten und Aktenzeichen"),
    "goals": QT_TR_NOOP("&Ziele"),
    "consultations": QT_TR_NOOP("&Beratungen (Datum, Art, Themen)"),
    "referrals": QT_TR_NOOP("&Weitervermittlungen mit Empfänger"),
    "notes": QT_TR_NOOP("&Notizen"),
    "consents": QT_TR_NOOP("&Einwilligungen"),
}


class SummaryDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Fallübersicht drucken"))
        intro = QLabel(tr("Was soll auf das Papier? Die Falldaten stehen immer darin; ohne "
                          "Personalien nennt die Übersicht die Person nur mit ihrem Kürzel."))  # fmt: skip
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for part, label in PART_LABELS.items():
            box = QCheckBox(tr(label))
            box.setChecked(part in DEFAULT_PARTS)
            self.boxes[part] = box
            layout.addWidget(box)
        layout.addWidget(ok_cancel(self))
        self.boxes["person"].setFocus()

    def parts(self) -> set[str]:
        return {part for part, box in self.boxes.items() if box.isChecked()}
