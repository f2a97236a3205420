"""Gruppenangebote: an HET with its sessions entered by keyboard, totals, editing, deleting."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox

from kimdesk.services import groups
from kimdesk.ui.groups import GroupOffersScreen
from kimdesk.ui.needs import NeedsScreen

from .conftest import answer_next_dialog, in_store

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def shown(window) -> GroupOffersScreen:
    screen = window.screen(GroupOffersScreen)
    window.show_screen(screen)
    return screen


def type_session(qtbot, screen, day: str, participants: str, *, cancelled=False) -> None:
    """As a user enters a past session: date (digits only, the field moves on by itself),
    Tab, (duration kept), Tab, people, Enter."""
    panel = screen.sessions
    assert QApplication.focusWidget() is panel.held_on
    qtbot.keyClicks(panel.held_on, day)
    qtbot.keyClick(panel.held_on, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.participants
    qtbot.keyClicks(panel.participants, participants)
    if cancelled:
        qtbot.keyClick(panel.participants, Qt.Key.Key_N, ALT)  # "ausgefalle&n"
        qtbot.waitUntil(panel.cancelled.isChecked)  # a mnemonic clicks with a short animation
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_an_het_with_three_sessions_by_keyboard(qtbot, cm_window):
    screen = shown(cm_window)
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is screen.name
    qtbot.keyClicks(screen.name, "HET Troisdorf Herbst")
    qtbot.keyClick(screen.name, Qt.Key.Key_K, ALT)
    assert QApplication.focusWidget() is screen.municipality
    screen.municipality.lineEdit().selectAll()
    qtbot.keyClicks(screen.municipality, "Troisdorf")
    # The HET's catalog entry says "5 × 120 min": five sessions are planned.
    assert screen.format.code() == "het" and screen.planned.number() == 5
    qtbot.keyClick(screen.name, Qt.Key.Key_S, CTRL)
    [line] = in_store(cm_window, groups.offer_lines)
    assert line.offer.title == "HET Troisdorf Herbst" and line.offer.program == "muki"
    assert line.offer.municipality == "05382068" and line.offer.planned_sessions == 5
    assert screen.sessions.isEnabled() and screen.sessions.duration.number() == 120

    type_session(qtbot, screen, "01092026", "8")
    type_session(qtbot, screen, "08092026", "7")
    type_session(qtbot, screen, "15092026", "0", cancelled=True)
    [line] = in_store(cm_window, groups.offer_lines)
    assert (line.held, line.cancelled, line.participants) == (2, 1, 15)
    sessions = in_store(cm_window, lambda ws: groups.sessions_of(ws, line.offer.id))
    assert [(s.held_on, s.duration_min, s.participants, s.status) for s in sessions] == [
        (date(2026, 9, 1), 120, 8, "held"), (date(2026, 9, 8), 120, 7, "held"),
        (date(2026, 9, 15), 120, 0, "cancelled")]  # fmt: skip
    table = screen.sessions.table
    assert [table.item(r, 0).text() for r in range(3)] == ["01.09.2026", "08.09.2026", "15.09.2026"]
    assert table.item(2, 3).text() == "ausgefallen" and table.item(0, 3).text() == "stattgefunden"
    assert [screen.offers.item(0, c).text() for c in (2, 3, 4)] == ["2/5", "1", "15"]

    # Correct the second session: Enter on its row, new count, Enter.
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert screen.sessions.editing is not None
    assert QApplication.focusWidget() is screen.sessions.participants
    qtbot.keyClicks(screen.sessions.participants, "9")
    qtbot.keyClick(screen.sessions.participants, Qt.Key.Key_Return)
    sessions = in_store(cm_window, lambda ws: groups.sessions_of(ws, line.offer.id))
    assert [s.participants for s in sessions] == [8, 9, 0] and sessions[1].version == 2
    assert screen.offers.item(0, 4).text() == "17" and screen.sessions.editing is None


def test_deleting_a_session_asks_first(qtbot, cm_window):
    screen = shown(cm_window)
    screen.new_offer()
    screen.name.setText("Sprachcafe")
    screen.save_offer()
    type_session(qtbot, screen, "01092026", "5")
    type_session(qtbot, screen, "08092026", "6")
    table = screen.sessions.table
    table.setFocus()
    table.selectRow(0)
    answer_next_dialog(QMessageBox.StandardButton.No)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert in_store(cm_window, groups.offer_lines)[0].held == 2
    with qtbot.waitActive(cm_window):  # offscreen, no window manager reactivates it
        cm_window.activateWindow()
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    [line] = in_store(cm_window, groups.offer_lines)
    assert (line.held, line.participants) == (1, 6)
    assert table.rowCount() == 1 and table.item(0, 0).text() == "08.09.2026"
    assert screen.offers.item(0, 4).text() == "6"


def test_an_offer_without_title_is_refused_and_locking_clears(qtbot, cm_window):
    screen = shown(cm_window)
    screen.new_offer()
    screen.provider.setText("AWO")
    qtbot.keyClick(screen.provider, Qt.Key.Key_S, CTRL)
    assert screen.message.text()
    assert in_store(cm_window, groups.offer_lines) == []
    assert screen.provider.text() == "AWO" and not screen.sessions.isEnabled()
    screen.name.setText("Sprachcafe")
    qtbot.keyClick(screen.provider, Qt.Key.Key_S, CTRL)
    assert not screen.message.text() and screen.offers.rowCount() == 1
    type_session(qtbot, screen, "01092026", "5")
    assert screen.sessions.table.rowCount() == 1

    qtbot.keyClick(cm_window, Qt.Key.Key_L, CTRL)
    assert cm_window.is_locked
    assert screen.offers.rowCount() == 0 and screen.sessions.table.rowCount() == 0
    assert not screen.name.text() and not screen.provider.text()


def mnemonics(widget) -> dict[str, object]:
    """Letter → the labelled widget (label buddies) or button of every mnemonic in ``widget``."""
    found = {}
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        letter = re.search(r"&(\w)", child.text().replace("&&", ""))
        if letter:
            found.setdefault(letter.group(1).lower(), []).append(child)
    return found


def test_every_mnemonic_is_unique_in_the_window_and_reaches_its_field(qtbot, cm_window):
    window_letters = [re.search(r"&(\w)", t).group(1).lower() for t in
                      [cm_window.tabs.tabText(i) for i in range(cm_window.tabs.count())]
                      + [a.text() for a in cm_window.menuBar().actions()]]  # fmt: skip
    groups_screen = shown(cm_window)
    groups_screen.name.setText("Sprachcafe")
    groups_screen.save_offer()  # so that the sessions' fields are enabled
    for kind in (GroupOffersScreen, NeedsScreen):
        screen = cm_window.screen(kind)
        cm_window.show_screen(screen)
        letters = mnemonics(screen)
        clashes = {k: v for k, v in letters.items() if len(v) > 1 or k in window_letters}
        assert not clashes, (kind.__name__, clashes)
        for letter, [label] in letters.items():
            if not isinstance(label, QLabel) or not letter.isascii():
                continue
            cm_window.show_screen(screen)
            screen.setFocus()
            qtbot.keyClick(screen, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
            focus = QApplication.focusWidget()
            assert focus is label.buddy() or label.buddy().isAncestorOf(focus), label.text()
