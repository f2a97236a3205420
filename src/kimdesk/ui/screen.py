"""What every screen of the workspace shares: the context, the change set, lazy refresh."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kimdesk.domain.catalog import Catalog
from kimdesk.services.changes import Change, Changes
from kimdesk.services.workspace import InstallationInfo

from .operations import Operations
from .settings import Settings


class Messages(QObject):
    """Short notices for the status bar (``info``) and errors for a dialog (``error``)."""

    info = Signal(str)
    error = Signal(str)


@dataclass
class Context:
    """Handed to every screen. ``catalog`` and ``installation`` are set while unlocked."""

    ops: Operations
    settings: Settings
    messages: Messages = field(default_factory=Messages)
    catalog: Catalog | None = None
    installation: InstallationInfo | None = None
    #: The window's undo (``ui.undo.UndoController``), set by the main window.
    undo: object | None = None

    @property
    def language(self) -> str:
        return "en" if (self.settings.language or "de") == "en" else "de"

    def pairs(self, catalog: str) -> list[tuple[str, str]]:
        """(code, label) of a catalog's entries in the interface language."""
        if self.catalog is None:
            return []
        return [(e.code, e.label(self.language)) for e in self.catalog.entries_of(catalog)]

    def label(self, catalog: str, code: str | None) -> str:
        if not code:
            return ""
        return self.catalog.label(catalog, code, self.language) if self.catalog else code


class Screen(QWidget):
    """A page of the workspace.

    ``load()`` fetches what the screen shows (through ``ctx.ops``); ``clear()`` drops it when
    the window locks. ``refresh_on`` names the entities whose changes make it reload; a hidden
    screen only marks itself stale and reloads when it is shown again.
    """

    #: The tab title with its mnemonic, e.g. "&Beratungen" (set by subclasses, translated).
    title = ""
    refresh_on: tuple[Change, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        """``refresh_on`` holds only names of ``Change``: a typo fails when the class is made."""
        super().__init_subclass__(**kwargs)
        cls.refresh_on = tuple(map(Change, cls.refresh_on))

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True

    def load(self) -> None:
        """Fetch and show the screen's data. Subclasses override."""

    def clear(self) -> None:
        """Forget all shown data (the window is being locked). Subclasses override."""

    def unlocked(self) -> None:
        self._stale = True
        if self.isVisible():
            self._reload()

    def locked(self) -> None:
        self._stale = True
        self.clear()

    def on_changes(self, changes: Changes) -> None:
        if not changes.touches(*self.refresh_on):
            return
        self._stale = True
        if self.isVisible():
            self._reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.ctx.catalog is not None:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.load()

    def catalog_changed(self) -> None:
        """A new county profile arrived: load again (now if shown, else when shown next)."""
        self._stale = True
        if self.isVisible():
            self._reload()
