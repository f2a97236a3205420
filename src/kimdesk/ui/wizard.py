"""Placeholder until the first-run wizard is built."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard


class SetupWizard(QWizard):
    def __init__(self, ctx, path, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store_path = path
        self.workspace = None
