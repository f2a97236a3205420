"""Hilfe in the app (issue 16): F1 opens the keyboard map, Erste Schritte fits the role, both
languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kimdesk.ui.help import HelpDialog

from .conftest import when_visible


def rows(dialog: HelpDialog) -> list[tuple[str, str, str]]:
    table = dialog.keys
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_f1_opens_the_keyboard_map(qtbot, cm_window):
    seen = []
    when_visible(HelpDialog, lambda dialog: (seen.append(rows(dialog)), dialog.reject()))
    with qtbot.waitActive(cm_window):
        cm_window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or cm_window, Qt.Key.Key_F1)
    [keys] = seen
    assert ("Strg+Eingabe", "Beratungen", "speichern und die nächste Beratung beginnen") in keys
    assert any(k[0] == "Alt+Rück, Strg+Z" for k in keys)


def test_first_steps_fit_the_role(qapp):
    cm, office = HelpDialog("casemanager"), HelpDialog("office", page=1)
    assert "Beratung erfassen" in cm.steps.toPlainText()
    assert "Geräte eintragen" in office.steps.toPlainText() and office.tabs.currentIndex() == 1
    assert not any(k[0] == "e, c" for k in rows(office))  # the quick entry is not there


def test_help_in_english(english_ui):
    dialog = HelpDialog("casemanager")
    assert ("Ctrl+Enter", "Consultations", "save and start the next consultation") in rows(dialog)
    assert "Record a consultation" in dialog.steps.toPlainText()
