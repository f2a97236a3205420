"""Start of the desktop app: settings, language, the store thread, wizard or unlock."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kimdesk.paths import data_dir
from kimdesk.services.workspace import store_target

from .i18n import install, tr
from .main_window import MainWindow
from .operations import Operations
from .screen import Context
from .settings import Settings

log = logging.getLogger(__name__)
ICON = Path(__file__).resolve().parents[1] / "resources" / "icons" / "kimdesk.png"


def default_store_path() -> Path:
    return data_dir() / "kimdesk.kdb"


def start(
    store: str | Path | None, settings: Settings, *, serial: bool = False
) -> MainWindow | None:
    """The window for a store, after the first-run wizard if there is no store yet.

    Returns ``None`` if the wizard was cancelled. ``serial`` runs store operations on the
    calling thread (tests).
    """
    install(settings.language or "de")
    path = store_target(store or settings.last_store or default_store_path())
    ctx = Context(Operations(serial=serial), settings)
    if isinstance(path, str) or path.exists():  # a server store, or an existing file
        return MainWindow(ctx, path)
    from .wizard import SetupWizard

    wizard = SetupWizard(ctx, path)
    if wizard.exec() != QDialog.DialogCode.Accepted or wizard.workspace is None:
        ctx.ops.shutdown()
        return None
    window = MainWindow(ctx, wizard.store_path)
    window.on_unlocked(wizard.workspace)
    return window


def _excepthook(kind, value, tb) -> None:
    # Type only: the message of an unexpected error may quote personal data.
    log.error("unexpected error in the interface: %s", kind.__name__)
    QMessageBox.critical(
        None,
        tr("KIMdesk"),
        tr("Ein unerwarteter Fehler ist aufgetreten. Gespeicherte Daten sind nicht betroffen."),
    )


def run_gui(store: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("KIMdesk")
    app.setOrganizationName("KIMdesk")
    app.setWindowIcon(QIcon(str(ICON)))
    sys.excepthook = _excepthook
    window = start(store, Settings())
    if window is None:
        return 0
    window.show()
    return app.exec()
