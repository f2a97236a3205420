"""The window shell: lock, unlock, idle lock, settings, about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import CM_PASS

from .conftest import unlock, when_visible


def test_a_wrong_passphrase_is_refused_and_the_right_one_opens(qtbot, make_window, cm_file):
    window = make_window(cm_file)
    assert window.is_locked
    unlock(qtbot, window, "not the passphrase")
    assert window.is_locked
    assert "falsch" in window.unlock_page.message.text()
    unlock(qtbot, window, CM_PASS)
    assert not window.is_locked
    assert window.tabs.count() == 7
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


def test_settings_change_the_idle_lock_and_the_usual_town_hall(qtbot, cm_window, ui_settings):
    from kimdesk.ui.settings_dialog import SettingsDialog

    def fill(dialog):
        dialog.idle.selectAll()
        qtbot.keyClicks(dialog.idle, "12")
        qtbot.keyClicks(dialog.municipality, "Tr")
        dialog.accept()

    when_visible(SettingsDialog, fill)
    cm_window.settings_action.trigger()
    assert ui_settings.idle_minutes == 12
    assert ui_settings.usual_municipality == "05382068"
    # Kept in the file, for the next start.
    from kimdesk.ui.settings import Settings

    again = Settings(ui_settings.path)
    assert again.idle_minutes == 12 and again.usual_municipality == "05382068"


def test_about_names_version_store_and_installation(cm_window, cm_file):
    from kimdesk import __version__
    from kimdesk.ui.about import about_text

    text = about_text(cm_window.ctx, cm_file, "ABCD-EFGH")
    assert __version__ in text and str(cm_file) in text and "CM-07 Troisdorf" in text
    assert "ABCD-EFGH" in text


def test_every_screen_is_reachable_with_ctrl_and_a_number(qtbot, cm_window):
    for number, screen in enumerate(cm_window.screens, start=1):
        qtbot.keyClick(
            cm_window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert cm_window.current_screen() is screen


@pytest.mark.parametrize("role", ["cm", "office"])
def test_tab_mnemonics_and_menus_do_not_clash(role, request):
    import re

    cm_window = request.getfixturevalue(f"{role}_window")
    letters = [
        re.search(r"&(\w)", cm_window.tabs.tabText(i)) for i in range(cm_window.tabs.count())
    ]
    menus = [re.search(r"&(\w)", a.text()) for a in cm_window.menuBar().actions()]
    keys = [m.group(1).lower() for m in letters + menus if m]
    assert len(keys) == len(set(keys)) == cm_window.tabs.count() + 3
