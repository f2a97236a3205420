"""The window shell: lock, unlock, idle lock, settings, about."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import CM_PASS

from .conftest import unlock


def test_a_wrong_passphrase_is_refused_and_the_right_one_opens(qtbot, make_window, cm_file):
    window = make_window(cm_file)
    assert window.is_locked
    unlock(qtbot, window, "not the passphrase")
    assert window.is_locked
    assert "falsch" in window.unlock_page.message.text()
    unlock(qtbot, window, CM_PASS)
    assert not window.is_locked
    assert window.tabs.count() == 6
    assert "CM-07 Troisdorf" in window.status_role.text()


def test_ctrl_l_locks_and_the_locked_window_shows_no_data(qtbot, cm_window):
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert cm_window.is_locked
    assert not cm_window.tabs.isVisible()
    assert cm_window.ctx.catalog is None
    unlock(qtbot, cm_window, CM_PASS)
    assert not cm_window.is_locked


def test_the_window_locks_after_idle_time(qtbot, cm_window):
    cm_window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: cm_window.is_locked, timeout=2000)
