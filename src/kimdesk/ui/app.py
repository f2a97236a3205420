"""Start of the desktop app. For now a window that says what is there; the workspaces follow."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from kimdesk import __version__


def default_store_path() -> Path:
    return Path(user_data_dir("kimdesk", appauthor=False)) / "kimdesk.kdb"


class PlaceholderWindow(QMainWindow):
    def __init__(self, store: Path):
        super().__init__()
        self.setWindowTitle(f"KIMdesk {__version__}")
        label = QLabel(
            "<h2>KIMdesk</h2>"
            "<p>Die Arbeitsoberfläche für Beratungen, Fälle und Übertragung entsteht gerade.</p>"
            f"<p>Speicher: {store}</p>"
            "<p>Bis dahin stehen alle Funktionen auf der Kommandozeile bereit: "
            "<code>kimdesk --help</code></p>"
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setCentralWidget(label)
        self.resize(640, 360)


def run_gui(store: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("KIMdesk")
    window = PlaceholderWindow(Path(store) if store else default_store_path())
    window.show()
    return app.exec()
