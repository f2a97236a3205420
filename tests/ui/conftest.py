"""UI tests: real windows (offscreen) over real template stores.

Store operations run serially on the test's thread: the ``serial`` flag is passed in here,
the app never detects that it is under test.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kimdesk.services.changes import NOTHING, Changes, changes_of
from tests.conftest import CM_PASS, OFFICE_PASS


@pytest.fixture
def ui_settings(tmp_path):
    from kimdesk.ui.settings import Settings

    return Settings(tmp_path / "settings" / "kimdesk.ini")


def unlock(qtbot, window, passphrase: str) -> None:
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


@dataclass(frozen=True)
class _Carried:
    """A test's store operation, read or write: it announces what its result changed."""

    result: object

    @property
    def changes(self) -> Changes:
        return changes_of(self.result) or NOTHING

    @property
    def step(self):
        """The undo step of a save or delete, as the app's own results carry it."""
        return getattr(self.result, "step", None)


def in_store(window, fn):
    """Run ``fn(ws)`` as a store operation of the window and return its result; what it
    changed (if anything) reaches the screens as after any write of the app."""
    box = []
    window.ctx.ops.change(lambda ws: _Carried(fn(ws)), lambda carried: box.append(carried.result))
    assert box, "the operation did not finish"
    return box[0]


@pytest.fixture
def make_window(qtbot, ui_settings):
    from kimdesk.ui.app import start

    def make(store, passphrase: str | None = None):
        window = start(store, ui_settings, serial=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        if passphrase is not None:
            unlock(qtbot, window, passphrase)
            assert not window.is_locked, window.unlock_page.message.text()
        return window

    return make


@pytest.fixture
def cm_window(make_window, cm_file):
    return make_window(cm_file, CM_PASS)


@pytest.fixture
def office_window(make_window, office_file):
    return make_window(office_file, OFFICE_PASS)


def when_visible(kind, action) -> None:
    """Act on the next visible top-level widget of ``kind`` once it shows (a modal dialog,
    whose ``exec()`` the test is about to call). The dialog is never left open."""

    def attempt():
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            QTimer.singleShot(10, attempt)
            return
        try:
            action(found[0])
        finally:
            if found[0].isVisible():
                found[0].reject()

    QTimer.singleShot(0, attempt)


def answer_next_dialog(button) -> None:
    """Press ``button`` in the next message box that appears."""
    when_visible(QMessageBox, lambda box: box.button(button).click())


@pytest.fixture
def english_ui(tmp_path, monkeypatch, qapp):
    """The English interface from freshly compiled .ts files (German again afterwards)."""
    import subprocess
    import sys
    from pathlib import Path

    from kimdesk.ui import i18n

    root, bin_dir = Path(__file__).resolve().parents[2], Path(sys.executable).parent
    for language in ("en", "de"):
        subprocess.run([str(bin_dir / "pyside6-lrelease"), "-silent",
                        str(root / "translations" / f"kimdesk_{language}.ts"), "-qm",
                        str(tmp_path / f"kimdesk_{language}.qm")], check=True, timeout=60)  # fmt: skip
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    assert i18n.install("en") == "en"
    yield
    i18n.install("de")
