"""Placeholder until the screen is built."""

from __future__ import annotations

from .i18n import tr
from .screen import Screen


class NeedsScreen(Screen):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.title = tr("Be&darfsmeldungen")
