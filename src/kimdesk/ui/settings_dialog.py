"""Einstellungen: idle lock, language, usual town hall."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from .i18n import LANGUAGES, tr
from .screen import Context
from .widgets.common import ok_cancel


class SettingsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Einstellungen"))
        settings = ctx.settings
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(tr(" min"))
        self.idle.setSpecialValueText(tr("nie"))
        self.idle.setValue(settings.idle_minutes)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or "de")))
        self.municipality = QComboBox()
        self.municipality.addItem(tr("– keine –"), None)
        for code, label in ctx.pairs("municipality"):
            self.municipality.addItem(label, code)
        index = self.municipality.findData(settings.usual_municipality)
        self.municipality.setCurrentIndex(max(0, index))
        self.municipality.setEnabled(ctx.catalog is not None)
        form = QFormLayout(self)
        for text, widget in (
            (tr("&Sperren nach:"), self.idle),
            (tr("S&prache:"), self.language),
            (tr("Übliches &Rathaus:"), self.municipality),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        hint = QLabel(tr("Eine andere Sprache gilt nach dem nächsten Start."))
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        settings = self.ctx.settings
        settings.idle_minutes = self.idle.value()
        settings.language = self.language.currentData()
        if self.municipality.isEnabled():
            settings.usual_municipality = self.municipality.currentData()
        super().accept()
