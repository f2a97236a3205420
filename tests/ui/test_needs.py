"""Bedarfsmeldungen: the personal-data warning, saving, changing the status, deleting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kimdesk.services import needs
from kimdesk.store.records import save_record
from kimdesk.ui.needs import NeedsScreen

from .conftest import answer_next_dialog, in_store

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
COUNTY = "05382000"


def shown(window) -> NeedsScreen:
    screen = window.screen(NeedsScreen)
    window.show_screen(screen)
    return screen


def reactivate(qtbot, window) -> None:
    with qtbot.waitActive(window):  # offscreen, no window manager reactivates it after a dialog
        window.activateWindow()


def test_a_need_with_what_looks_like_personal_data_asks_first(qtbot, cm_window):
    screen = shown(cm_window)
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is screen.reported
    warning = screen.findChild(QLabel, "personalDataWarning")
    assert warning.isVisible()
    assert "Bitte keine personenbezogenen Daten (Namen, Geburtsdaten, Adressen)" in warning.text()
    assert screen.municipality.itemData(0) == COUNTY  # county-wide first
    screen.municipality.set_code(COUNTY)
    qtbot.keyClick(screen, Qt.Key.Key_T, ALT)
    screen.topic.lineEdit().selectAll()
    qtbot.keyClicks(screen.topic, "Wohnen")
    qtbot.keyClick(screen, Qt.Key.Key_R, ALT)
    assert QApplication.focusWidget() is screen.challenge
    qtbot.keyClicks(screen.challenge, "Familie Yilmaz, geb. 01.02.1980, findet keine Wohnung")
    assert "Familie Yilmaz" in screen.suspicion.text()  # flagged while typing
    qtbot.keyClick(screen.challenge, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.affected  # Tab leaves the text, adds no tab
    qtbot.keyClicks(screen.affected, "12")

    answer_next_dialog(QMessageBox.StandardButton.No)
    qtbot.keyClick(screen.affected, Qt.Key.Key_S, CTRL)
    assert in_store(cm_window, needs.need_list) == []
    assert "Yilmaz" in screen.challenge.toPlainText()  # nothing typed is lost
    assert cm_window.focusWidget() is screen.challenge  # back to the text (window inactive)

    reactivate(qtbot, cm_window)
    screen.challenge.setPlainText("Kaum bezahlbarer Wohnraum fuer grosse Familien; die Wartezeit "
                                  "beim Wohnungsamt liegt bei ueber einem Jahr")  # fmt: skip
    assert not screen.suspicion.text()
    qtbot.keyClick(screen.challenge, Qt.Key.Key_Return, CTRL)
    [need] = in_store(cm_window, needs.need_list)
    assert (need.municipality, need.topic, need.affected_cases, need.status) == (
        COUNTY,
        "wohnen",
        12,
        "reported",
    )
    row = [screen.table.item(0, c).text() for c in range(6)]
    assert row[1:3] == ["Kreisweit (Rhein-Sieg-Kreis)", "Wohnen"]
    assert row[3].endswith("…") and len(row[3]) == 60 and row[4:] == ["12", "gemeldet"]


def test_the_status_is_edited_at_the_office_and_a_need_deleted(qtbot, office_window):
    cm_window = office_window  # the coordinator keeps status, solution and responsible body
    screen = shown(cm_window)
    screen.new_need()
    screen.topic.set_code("kinderbetreuung")
    screen.challenge.setPlainText("Zu wenige Kita-Plaetze fuer neu zugezogene Kinder")
    screen.save()
    assert screen.table.rowCount() == 1

    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_U, ALT)
    assert QApplication.focusWidget() is screen.status
    screen.status.setCurrentIndex(screen.status.findData("in_progress"))
    qtbot.keyClick(screen, Qt.Key.Key_Z, ALT)
    qtbot.keyClicks(screen.responsible, "Jugendamt")
    screen.solution.setPlainText("Ansprechpartnerin: kita@example.org")
    answer_next_dialog(QMessageBox.StandardButton.Yes)  # the address of an office: meant
    qtbot.keyClick(screen.responsible, Qt.Key.Key_S, CTRL)
    [need] = in_store(cm_window, needs.need_list)
    assert (need.status, need.responsible_body, need.version) == ("in_progress", "Jugendamt", 2)
    assert need.solution == "Ansprechpartnerin: kita@example.org"
    assert screen.table.item(0, 5).text() == "in Bearbeitung"

    reactivate(qtbot, cm_window)
    screen.table.setFocus()
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert in_store(cm_window, needs.need_list) == []
    assert screen.table.rowCount() == 0 and not screen.challenge.toPlainText()


def test_each_side_sees_the_others_fields_read_only(qtbot, cm_window, office_window):
    """Field ownership (docs/sync.md): on a device the office's fields are read-only and a
    note says why; at the office a device's need keeps the device's fields read-only."""
    screen = shown(cm_window)
    screen.new_need()
    assert screen.status.isHidden() and screen.status_shown.isReadOnly()
    assert screen.status_shown.text() == "gemeldet"
    assert screen.solution.isReadOnly() and screen.responsible.isReadOnly()
    assert screen.owned_note.isVisible() and "Kreisstelle" in screen.owned_note.text()
    screen.topic.set_code("wohnen")
    screen.challenge.setPlainText("Zu wenig Wohnraum")
    screen.save()
    [need] = in_store(cm_window, needs.need_list)
    assert need.status == "reported" and need.solution is None

    office = shown(office_window)
    device = "0190a1b2-0000-7000-8000-00000000beef"

    def reported_on_a_device(ws):
        with ws.store.begin() as conn:
            save_record(conn, need, origin=device)
        return needs.device_needs(ws)

    assert in_store(office_window, reported_on_a_device) == {need.id}
    office.load()  # as after the import of the device's bundle
    office.table.selectRow(0)
    assert not office.topic.isEnabled() and office.challenge.isReadOnly()
    assert office.status.isEnabled() and not office.solution.isReadOnly()
    assert office.owned_note.isVisible() and "Gerät" in office.owned_note.text()
    office.new_need()  # a need of the office's own: everything editable
    assert office.topic.isEnabled() and not office.challenge.isReadOnly()
    assert not office.owned_note.isVisible()


def test_a_need_without_topic_is_refused_and_locking_clears(qtbot, cm_window):
    screen = shown(cm_window)
    screen.new_need()
    assert screen.topic.code() is None  # chosen on purpose, never by default
    screen.challenge.setPlainText("Keine Sprachkurse am Abend")
    qtbot.keyClick(screen.challenge, Qt.Key.Key_S, CTRL)
    assert "Thema fehlt." in screen.message.text()
    assert in_store(cm_window, needs.need_list) == []
    assert screen.challenge.toPlainText() == "Keine Sprachkurse am Abend"
    screen.topic.set_code("deutsch")
    qtbot.keyClick(screen.challenge, Qt.Key.Key_S, CTRL)
    assert not screen.message.text() and screen.table.rowCount() == 1

    qtbot.keyClick(cm_window, Qt.Key.Key_L, CTRL)
    assert cm_window.is_locked
    assert screen.table.rowCount() == 0 and not screen.challenge.toPlainText()
