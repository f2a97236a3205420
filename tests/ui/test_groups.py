"""Gruppenangebote: an HET offer with sessions entered by keyboard, totals, deleting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kimdesk.services import groups
from kimdesk.ui.groups import GroupOffersScreen

from .conftest import answer_next_dialog, in_store


def shown(window) -> GroupOffersScreen:
    screen = window.screen(GroupOffersScreen)
    window.show_screen(screen)
    return screen


def add_session(qtbot, screen, day: date, participants: int, cancelled=False):
    screen.held_on.set_value(day)
    screen.cancelled.setChecked(cancelled)
    screen.participants.setFocus()
    screen.participants.selectAll()
    qtbot.keyClicks(screen.participants, str(participants))
    qtbot.keyClick(screen.participants, Qt.Key.Key_Return)


def test_an_het_with_three_sessions(qtbot, cm_window):
    screen = shown(cm_window)
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.name
    qtbot.keyClicks(screen.name, "HET Troisdorf Herbst")
    screen.municipality.set_code("05382068")
    assert screen.format.code() == "het" and screen.planned.number() == 5
    qtbot.keyClick(screen.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [line] = in_store(cm_window, groups.offer_lines)
    assert line.offer.title == "HET Troisdorf Herbst" and line.offer.program == "muki"
    assert screen.sessions_box.isEnabled()

    add_session(qtbot, screen, date(2026, 9, 1), 8)
    add_session(qtbot, screen, date(2026, 9, 8), 7)
    add_session(qtbot, screen, date(2026, 9, 15), 0, cancelled=True)
    [line] = in_store(cm_window, groups.offer_lines)
    assert (line.held, line.cancelled, line.participants) == (2, 1, 15)
    sessions = in_store(cm_window, lambda ws: groups.sessions_of(ws, line.offer.id))
    assert [s.duration_min for s in sessions] == [120, 120, 120]
    assert screen.session_table.rowCount() == 3
    assert screen.session_table.item(2, 3).text() == "ausgefallen"
    assert [screen.offers.item(0, c).text() for c in (2, 3, 4)] == ["2/5", "1", "15"]

    screen.session_table.setFocus()
    screen.session_table.selectRow(0)
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(screen.session_table, Qt.Key.Key_Delete)
    [line] = in_store(cm_window, groups.offer_lines)
    assert (line.held, line.participants) == (1, 7)
    assert screen.session_table.rowCount() == 2


def test_an_offer_without_title_is_refused_and_locking_clears(qtbot, cm_window):
    screen = shown(cm_window)
    screen.new_offer()
    screen.save_offer()
    assert screen.message.text()
    assert in_store(cm_window, groups.offer_lines) == []
    screen.name.setText("Sprachcafe")
    screen.save_offer()
    assert screen.offers.rowCount() == 1
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert screen.offers.rowCount() == 0 and not screen.name.text()
