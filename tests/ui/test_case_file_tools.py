"""Fälle (issue 19): likely duplicates offered when a new client is saved (join or create),
two clients merged from "Doppelte prüfen …", the case summary printed with the ticked parts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kimdesk.domain.entities import Case, Client
from kimdesk.services import cases, records
from kimdesk.services.case_summary import PARTS
from kimdesk.ui.cases.duplicates import DuplicatesDialog
from kimdesk.ui.cases.summary import PART_LABELS, SummaryDialog

from .conftest import answer_next_dialog, in_store, when_visible
from .test_cases import all_cases, shown

BORN = date(1990, 5, 17)


def stored_haddad(window) -> cases.SavedCase:
    return in_store(window, lambda ws: cases.save_case(
        ws, Client(given_name="Mohammed", family_name="Haddad", birth_date=BORN),
        Case(client_id=None, municipality="05382068", program="kim",
             opened_on=date(2026, 1, 5))))  # fmt: skip


def alt(qtbot, dialog, key, done=None) -> None:
    """Alt+letter in a modal dialog, as a user presses it once the dialog has the focus; a
    mnemonic clicks a little later (an animated click): wait for ``done``, by default the
    dialog closing."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(done or (lambda: not dialog.isVisible()))


def type_new_client(qtbot, screen, given: str, family: str, birth: str) -> None:
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = screen.client_form
    qtbot.keyClicks(form.given, given)
    qtbot.keyClick(form.given, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.family, family)
    form.birth.setFocus()
    qtbot.keyClicks(form.birth.focusProxy() or form.birth, birth)
    form.phone.setText("0171 424242")


def test_a_new_client_like_a_stored_one_is_offered_and_joined(qtbot, cm_window):
    saved = stored_haddad(cm_window)
    screen = shown(cm_window)
    type_new_client(qtbot, screen, "Muhammad", "Haddad", "17.5.90")
    seen = []

    def join(dialog: DuplicatesDialog) -> None:
        seen.append([dialog.table.item(0, c).text() for c in range(4)])
        alt(qtbot, dialog, Qt.Key.Key_Z)

    when_visible(DuplicatesDialog, join)
    qtbot.keyClick(screen.client_form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seen == [["Haddad, Mohammed", "17.05.1990", "1",
                     "Name zu 96 % ähnlich, gleiches Geburtsdatum"]]  # fmt: skip
    lines = all_cases(cm_window)
    assert len(lines) == 2 and {line.who for line in lines} == {"Haddad, Mohammed"}
    client = in_store(cm_window, lambda ws: records.load(ws, Client, saved.client.id))
    assert client.phone == "0171 424242"  # what was typed filled the blank
    assert client.given_name == "Mohammed"  # the stored name stays


def test_a_new_client_is_still_created_by_enter_and_cancel_saves_nothing(qtbot, cm_window):
    stored_haddad(cm_window)
    screen = shown(cm_window)
    type_new_client(qtbot, screen, "Mohamed", "Haddad", "17.05.1990")
    when_visible(DuplicatesDialog, lambda dialog: dialog.reject())
    screen.save()
    assert len(all_cases(cm_window)) == 1 and screen.message.text() == "Nicht gespeichert."
    assert screen.client_form.given.text() == "Mohamed"  # nothing typed is lost
    when_visible(DuplicatesDialog, lambda dialog: qtbot.keyClick(dialog.table, Qt.Key.Key_Return))
    screen.save()  # Enter creates, as Strg+S meant: giving the case away takes Alt+Z
    assert sorted(line.who for line in all_cases(cm_window)) == ["Haddad, Mohamed",
                                                                 "Haddad, Mohammed"]  # fmt: skip


def test_two_clients_are_merged_from_the_case(qtbot, cm_window):
    kept = stored_haddad(cm_window)
    other = in_store(cm_window, lambda ws: cases.save_case(
        ws, Client(given_name="Muhammad", family_name="Haddad", notes="zweite Akte"),
        Case(client_id=None, municipality="05382060", program="kim",
             opened_on=date(2026, 3, 2))))  # fmt: skip
    screen = shown(cm_window)
    screen.load()
    screen.open_case(kept.case.id)
    qtbot.waitUntil(lambda: screen.current is not None)
    assert screen.duplicates_button.isEnabled()

    def merge(dialog: DuplicatesDialog) -> None:
        assert dialog.new_button is None and dialog.table.rowCount() == 1
        answer_next_dialog(QMessageBox.StandardButton.Yes)  # "Zusammenführen?" after it
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter on the row joins

    when_visible(DuplicatesDialog, merge)
    screen.duplicates_button.click()
    qtbot.waitUntil(lambda: len({line.who for line in all_cases(cm_window)}) == 1)
    moved = in_store(cm_window, lambda ws: records.load(ws, Case, other.case.id))
    assert moved.client_id == kept.client.id
    client = in_store(cm_window, lambda ws: records.load(ws, Client, kept.client.id))
    assert client.notes == "zweite Akte"
    assert in_store(cm_window, lambda ws: records.load(ws, Client, other.client.id)) is None


def test_the_case_summary_is_printed_with_the_ticked_parts(qtbot, cm_window, tmp_path,
                                                           monkeypatch):  # fmt: skip
    from pypdf import PdfReader

    saved = stored_haddad(cm_window)
    screen = shown(cm_window)
    screen.load()
    screen.open_case(saved.case.id)
    qtbot.waitUntil(lambda: screen.current is not None)
    assert PART_LABELS.keys() == PARTS.keys()
    target = tmp_path / "Akte Haddad"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def tick(dialog: SummaryDialog) -> None:
        assert dialog.parts() == {"person", "goals", "consultations"}  # the defaults
        alt(qtbot, dialog, Qt.Key.Key_P, lambda: not dialog.boxes["person"].isChecked())
        assert dialog.parts() == {"goals", "consultations"}
        dialog.accept()

    when_visible(SummaryDialog, tick)
    screen.summary_button.click()
    written = tmp_path / "Akte Haddad.pdf"
    qtbot.waitUntil(lambda: str(written) in screen.message.text())
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(written).pages).split())
    assert f"F-{saved.case.id[-8:]}" in text and "Haddad" not in text
