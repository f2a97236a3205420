"""UI tests: real windows (offscreen) over real template stores.

Store operations run serially on the test's thread: the ``serial`` flag is passed in here,
the app never detects that it is under test.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import CM_PASS, OFFICE_PASS


@pytest.fixture
def ui_settings(tmp_path):
    from kimdesk.ui.settings import Settings

    return Settings(tmp_path / "settings" / "kimdesk.ini")


def unlock(qtbot, window, passphrase: str) -> None:
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def in_store(window, fn):
    """Run ``fn(ws)`` as a store operation of the window and return its result."""
    box = []
    window.ctx.ops.run(fn, box.append)
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
