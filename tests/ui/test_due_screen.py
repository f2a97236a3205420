"""Heute fällig (issue 19): the app opens on it when anything is due, the status bar keeps
the count, Enter opens the case in Fälle; with nothing due the app opens as before."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kimdesk.domain.entities import Case, Client
from kimdesk.services import cases, records
from kimdesk.services.workspace import open_workspace
from kimdesk.ui.cases.screen import CasesScreen
from kimdesk.ui.consultations.screen import ConsultationsScreen
from kimdesk.ui.due import DueScreen

from ..conftest import CM_PASS
from .conftest import answer_next_dialog, in_store


def test_the_app_opens_on_what_is_due(qtbot, make_window, cm_file):
    today = date.today()
    with open_workspace(cm_file, CM_PASS) as ws:
        saved = cases.save_case(ws, Client(given_name="Amina", family_name="Haidari"), Case(
            client_id=None, municipality="05382068", program="kim",
            opened_on=today - timedelta(weeks=10),  # no consultation for 10 weeks: overdue
        ))  # fmt: skip
    window = make_window(cm_file, CM_PASS)
    screen = window.current_screen()
    assert isinstance(screen, DueScreen)
    assert screen.counts.text() == "Überfällig: 1 · Heute: 0 · Diese Woche: 0"
    assert window.status_due.text() == "Fällig: 1"
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 1).text() == "ohne Beratung"
    assert screen.table.item(0, 2).text().startswith("Haidari, Amina · F-")
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    cases_screen = window.current_screen()
    assert isinstance(cases_screen, CasesScreen)
    qtbot.waitUntil(lambda: cases_screen.current is not None)
    assert cases_screen.current.case.id == saved.case.id


def test_with_nothing_due_the_app_opens_as_before(make_window, cm_file):
    window = make_window(cm_file, CM_PASS)
    assert isinstance(window.current_screen(), ConsultationsScreen)
    assert window.status_due.text() == ""


def test_unlocking_names_clients_past_their_retention(qtbot, make_window, cm_file):
    """The due list's erasures give the reminder (one query); Delete on the row asks, and No
    keeps everything, Yes erases this client only."""
    with open_workspace(cm_file, CM_PASS) as ws:
        old = cases.save_case(ws, Client(given_name="Alt", family_name="Fall"), Case(
            client_id=None, municipality="05382068", program="kim", opened_on=date(2019, 5, 1),
            closed_on=date(2020, 1, 10), phase="closed", closure_reason="ziele_erreicht",
        ))  # fmt: skip
        kept = cases.save_case(ws, Client(given_name="Neu", family_name="Fall"), Case(
            client_id=None, municipality="05382068", program="kim", opened_on=date(2024, 5, 1),
            closed_on=date.today(), phase="closed", closure_reason="ziele_erreicht",
        ))  # fmt: skip
    window = make_window(cm_file, CM_PASS)
    screen = window.current_screen()
    assert isinstance(screen, DueScreen)
    assert (
        "Bei einer Klient:in ist die Löschfrist abgelaufen" in window.statusBar().currentMessage()
    )
    [row] = [
        r for r in range(screen.table.rowCount()) if screen.table.item(r, 1).text() == "Löschfrist"
    ]
    assert screen.table.item(row, 2).text().startswith("Fall, Alt · K-")
    assert "Aufbewahrungsfrist von 3 Jahren abgelaufen" in screen.table.item(row, 3).text()
    screen.table.selectRow(row)
    answer_next_dialog(QMessageBox.StandardButton.No)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert in_store(window, lambda ws: records.load(ws, Client, old.client.id)).given_name == "Alt"
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Personendaten gelöscht"))
    assert in_store(window, lambda ws: records.load(ws, Client, old.client.id)).given_name is None
    assert in_store(window, lambda ws: records.load(ws, Client, kept.client.id)).given_name == "Neu"
    qtbot.waitUntil(lambda: all(screen.table.item(r, 1).text() != "Löschfrist"
                                for r in range(screen.table.rowCount())))  # fmt: skip
