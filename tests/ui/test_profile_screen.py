"""Kreisprofil: the coordinator adds a topic, retires one, sets the retention and applies the
form as a new version by keyboard; the history shows it; a device's topic list follows after
the reply."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kimdesk.services import profile
from kimdesk.ui.office.profile import NewCodeDialog, ProfileScreen

from .conftest import in_store, when_visible
from .test_groups import mnemonics

ALT = Qt.KeyboardModifier.AltModifier


def shown(window) -> ProfileScreen:
    screen = window.screen(ProfileScreen)
    window.show_screen(screen)
    return screen


def test_every_mnemonic_is_unique_in_the_office_window(office_window):
    window_letters = [re.search(r"&(\w)", t).group(1).lower() for t in
                      [office_window.tabs.tabText(i) for i in range(office_window.tabs.count())]
                      + [a.text() for a in office_window.menuBar().actions()]]  # fmt: skip
    letters = mnemonics(shown(office_window))
    assert not {k: v for k, v in letters.items() if len(v) > 1 or k in window_letters}
    assert len(window_letters) == len(set(window_letters))


def test_a_new_version_from_the_form(qtbot, office_window):
    screen = shown(office_window)
    assert "Version 1" in screen.version.text()
    assert screen.catalog.currentData() == "topic"
    topics = [screen.codes.item(r, 0).text() for r in range(screen.codes.rowCount())]
    assert "wohnen" in topics

    def fill(dialog: NewCodeDialog) -> None:
        qtbot.keyClicks(dialog.code, "wohnen")  # taken: never a second time
        dialog.check()
        assert dialog.isVisible() and "schon" in dialog.problem.text()
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "digital")
        dialog.check()
        assert dialog.isVisible() and "Bezeichnung" in dialog.problem.text()
        qtbot.keyClicks(dialog.label_de, "Digitale Teilhabe")
        dialog.check()
        assert not dialog.isVisible()

    when_visible(NewCodeDialog, fill)
    screen.add_code()
    assert screen.codes.item(screen.codes.rowCount() - 1, 0).text() == "digital"
    assert screen.codes.item(screen.codes.rowCount() - 1, 3).text() == "neu"
    with qtbot.waitActive(office_window):  # offscreen, nothing reactivates it after a dialog
        office_window.activateWindow()
    screen.codes.selectRow(topics.index("lebensunterhalt"))
    screen.codes.setFocus()
    qtbot.keyClick(screen.codes, Qt.Key.Key_E, ALT)  # Stilllegen (a button clicks animated)
    row = topics.index("lebensunterhalt")
    qtbot.waitUntil(lambda: screen.codes.item(row, 4).text() == "stillgelegt")
    qtbot.keyClick(screen, Qt.Key.Key_W, ALT)  # Aufbewahrungsfrist
    assert QApplication.focusWidget() is screen.retention
    screen.retention.setValue(5)
    qtbot.keyClick(screen, Qt.Key.Key_L, ALT)  # Wiedervorlage ohne Beratung nach (issue 19)
    assert QApplication.focusWidget() is screen.inactive_weeks
    assert screen.inactive_weeks.value() == 8
    screen.inactive_weeks.setValue(6)
    with qtbot.waitSignal(office_window.ctx.messages.info) as news:
        qtbot.keyClick(screen.retention, Qt.Key.Key_V, ALT)  # Als neue Version übernehmen
    assert "Version 2 übernommen" in news.args[0] and "digital (topic)" in news.args[0]
    assert screen.message.text() == ""
    shown_now = in_store(office_window, profile.show)
    doc = shown_now["profile"]
    assert doc["version"] == 2 and doc["retention_years"] == 5
    assert doc["case_work"] == {"inactive_weeks": 6}
    assert [h["version"] for h in shown_now["history"]] == [2]
    qtbot.waitUntil(lambda: "Version 2" in screen.version.text())
    assert screen.history.rowCount() == 1
    assert screen.history.item(0, 1).text().count(".") == 2  # a German date
    assert office_window.ctx.catalog.version == 2  # every screen works with the new version

    # Applied again unchanged: no new version. A code cannot be brought back.
    screen.name.setFocus()
    qtbot.keyClick(screen.name, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: "ändert nichts" in screen.message.text())
    for item in screen.document["catalogs"]["topic"]:
        item["active"] = True
    screen.apply()
    assert "wird nicht wieder vergeben" in screen.message.text()
    assert in_store(office_window, profile.show)["profile"]["version"] == 2
