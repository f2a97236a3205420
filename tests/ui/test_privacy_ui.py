"""Data protection in the window: no double save, the draft survives a lock, the clipboard
does not, the audit trail and erasure from the screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kimdesk.domain.entities import Case, Client
from kimdesk.services import cases, privacy, records
from kimdesk.services.consultations import ConsultationFilter, consultation_ids
from kimdesk.ui.audit import AuditDialog
from kimdesk.ui.cases.screen import CasesScreen
from kimdesk.ui.consultations.screen import ConsultationsScreen
from tests.conftest import CM_PASS

from .conftest import answer_next_dialog, in_store, unlock


def test_a_double_save_creates_one_consultation(qtbot, make_window, cm_file):
    window = make_window(cm_file, CM_PASS)
    screen = window.screen(ConsultationsScreen)
    window.show_screen(screen)
    entry = screen.entry
    entry.topics.set_checked(["wohnen"])
    entry._saving = True  # as while a save runs on the store thread
    entry.save()  # the second Ctrl+Enter of a double press
    assert in_store(window, lambda ws: consultation_ids(ws, ConsultationFilter())) == []
    entry._saving = False
    entry.save()
    entry.save()  # after the first finished: the form is empty again, nothing to save
    assert len(in_store(window, lambda ws: consultation_ids(ws, ConsultationFilter()))) == 1


def test_a_draft_survives_locking_and_the_clipboard_does_not(qtbot, cm_window):
    screen = cm_window.screen(ConsultationsScreen)
    cm_window.show_screen(screen)
    saved = in_store(cm_window, lambda ws: cases.save_case(
        ws, Client(given_name="Dawit", family_name="Tesfaye"),
        Case(client_id=None, municipality="05382068", program="kim", opened_on=date(2025, 1, 2))))  # fmt: skip
    screen.load()
    screen.entry.who.set_key(f"case:{saved.case.id}")
    screen.entry.notes.setPlainText("Rueckruf am Freitag")
    screen.entry.topics.set_checked(["wohnen", "deutsch"])
    QApplication.clipboard().setText("kopiert aus KIMdesk")
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert cm_window.is_locked
    assert QApplication.clipboard().text() != "kopiert aus KIMdesk"
    assert "Tesfaye" not in screen.entry.who.edit.text() and not screen.entry.who.entries
    unlock(qtbot, cm_window, CM_PASS)
    assert screen.entry.notes.toPlainText() == "Rueckruf am Freitag"
    assert screen.entry.topics.checked() == ["wohnen", "deutsch"]
    assert screen.entry.who.key() == f"case:{saved.case.id}"
    assert screen.entry.who.edit.text().startswith("Tesfaye, Dawit")


def test_erasing_a_person_from_the_case_screen(qtbot, cm_window):
    saved = in_store(cm_window, lambda ws: cases.save_case(
        ws, Client(given_name="Mariam", family_name="Nasser", phone="0171"),
        Case(client_id=None, municipality="05382068", program="kim", opened_on=date(2025, 1, 2))))  # fmt: skip
    screen = cm_window.screen(CasesScreen)
    cm_window.show_screen(screen)
    screen.list.setCurrentRow(0)
    assert screen.erase_button.isEnabled()
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.erase_button, Qt.MouseButton.LeftButton)
    client = in_store(cm_window, lambda ws: records.load(ws, Client, saved.client.id))
    assert client.given_name is None and client.phone is None
    assert "Nasser" not in screen.list.item(0).text()


def test_the_audit_trail_dialog_lists_and_exports(qtbot, cm_window, tmp_path):
    in_store(cm_window, lambda ws: records.save(ws, Client(given_name="Olena")))
    dialog = AuditDialog(cm_window.ctx, cm_window)
    qtbot.addWidget(dialog)
    actions = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"angelegt", "eingerichtet"} <= actions
    kinds = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert {"Klient:in", "Installation"} <= kinds
    dialog.write(tmp_path / "audit.csv")
    text = (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
    assert "angelegt" in text and "Olena" not in text
    dialog.erase()  # nobody is due: nothing to erase, said so
    assert dialog.message.text() == "0 Datensätze geleert."
    assert privacy.ACTIONS["erase"] == "Personendaten gelöscht"


def test_the_countys_retention_period_is_announced_after_unlocking(qtbot, make_window, cm_file):
    from kimdesk.services.workspace import open_workspace

    with open_workspace(cm_file, CM_PASS) as ws:
        assert ws.catalog.retention_years == 3  # from the county profile
        cases.save_case(ws, Client(given_name="Ioana", family_name="Popescu"),
                        Case(client_id=None, municipality="05382068", program="kim",
                             opened_on=date(2019, 1, 7), closed_on=date(2020, 6, 30),
                             closure_reason="umzug", phase="closed"))  # fmt: skip
    window = make_window(cm_file, CM_PASS)
    assert "Löschfrist abgelaufen" in window.statusBar().currentMessage()
    dialog = AuditDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.erase()
    assert dialog.message.text() == "1 Datensatz geleert."
