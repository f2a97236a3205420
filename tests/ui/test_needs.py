"""Bedarfsmeldungen: the personal-data warning, saving, changing the status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kimdesk.services import needs
from kimdesk.ui.needs import NeedsScreen

from .conftest import answer_next_dialog, in_store


def shown(window) -> NeedsScreen:
    screen = window.screen(NeedsScreen)
    window.show_screen(screen)
    return screen


def test_a_need_with_what_looks_like_personal_data_asks_first(qtbot, cm_window):
    screen = shown(cm_window)
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "keine personenbezogenen Daten" in screen.findChild(
        type(screen.message), "personalDataWarning").text()  # fmt: skip
    screen.topic.set_code("wohnen")
    screen.challenge.setFocus()
    qtbot.keyClicks(screen.challenge, "Familie Yilmaz, geb. 01.02.1980, findet keine Wohnung")
    screen.affected.setValue(1)
    answer_next_dialog(QMessageBox.StandardButton.No)
    qtbot.keyClick(screen.challenge, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert in_store(cm_window, needs.need_list) == []
    assert "Yilmaz" in screen.challenge.toPlainText()  # nothing typed is lost

    with qtbot.waitActive(cm_window):  # offscreen, no window manager reactivates it
        cm_window.activateWindow()
    screen.challenge.setPlainText("Kaum bezahlbarer Wohnraum fuer grosse Familien")
    screen.affected.setValue(12)
    qtbot.keyClick(screen.challenge, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [need] = in_store(cm_window, needs.need_list)
    assert need.topic == "wohnen" and need.affected_cases == 12 and need.status == "reported"
    assert need.municipality == screen.municipality.code()
    assert screen.table.rowCount() == 1 and screen.table.item(0, 5).text() == "gemeldet"

    screen.table.selectRow(0)
    screen.status.setCurrentIndex(screen.status.findData("in_progress"))
    screen.responsible.setText("Sozialamt")
    screen.save()
    [need] = in_store(cm_window, needs.need_list)
    assert need.status == "in_progress" and need.responsible_body == "Sozialamt"
    assert need.version == 2
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert screen.table.rowCount() == 0 and not screen.challenge.toPlainText()


def test_personal_data_hints():
    assert needs.personal_data_hints("Frau Nasser, mariam@example.org, 0171 2345678") == [
        "eine E-Mail-Adresse", "eine Telefonnummer", "eine Anrede mit Namen"]  # fmt: skip
    assert needs.personal_data_hints("Wartezeiten bei der ABH von 6 Monaten") == []
