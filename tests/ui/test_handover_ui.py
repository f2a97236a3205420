"""Fälle → "Fall übergeben …" and the handovers on Übertragung (issue 18): a case manager
hands a client's case to another device of the directory by keyboard; the case turns
read-only, Übertragung lists the handover waiting for the next bundle."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from kimdesk.domain.entities import Case, Client
from kimdesk.services import cases, replies, sync
from kimdesk.services.workspace import open_workspace
from kimdesk.ui.cases.screen import CasesScreen, HandoverDialog
from kimdesk.ui.transfer import TransferScreen

from .conftest import in_store, when_visible


def test_a_case_is_handed_over_from_the_case_screen(qtbot, cm_window, templates, tmp_path):
    from tests.conftest import OFFICE_PASS

    saved = in_store(cm_window, lambda ws: cases.save_case(
        ws, Client(given_name="Olena", family_name="Kovalenko"),
        Case(client_id=None, municipality="05382068", program="kim", opened_on=date(2026, 1, 5)),
    ))  # fmt: skip
    stick = tmp_path / "usb"
    stick.mkdir()
    in_store(cm_window, lambda ws: sync.export_bundle(ws, stick))
    office_file = tmp_path / "office.kdb"
    office_file.write_bytes((templates / "office.kdb").read_bytes())
    with open_workspace(office_file, OFFICE_PASS) as office:
        sync.enroll(office, templates / "cm.json")
        sync.enroll(office, templates / "cm2.json")
        sync.merge_bundles(office, list(stick.glob("*.kimb")))
        [written] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    in_store(cm_window, lambda ws: replies.receive_replies(ws, [written.path]))

    screen = cm_window.screen(CasesScreen)
    cm_window.show_screen(screen)
    screen.open_case(saved.case.id)
    qtbot.waitUntil(lambda: screen.current is not None and screen.handover_button.isEnabled())

    def choose(dialog: HandoverDialog) -> None:
        assert dialog.device.count() == 1 and "CM-11 Siegburg" in dialog.device.currentText()
        qtbot.keyClick(dialog.device, Qt.Key.Key_Return)  # the default button: Übergeben

    when_visible(HandoverDialog, choose)
    qtbot.mouseClick(screen.handover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.handover_button.isEnabled(), timeout=5000)
    assert "an CM-11 Siegburg übergeben" in screen.message.text()
    assert not screen.save_button.isEnabled() and not screen.erase_button.isEnabled()

    transfer = cm_window.screen(TransferScreen)
    cm_window.show_screen(transfer)
    qtbot.waitUntil(lambda: transfer.handovers.rowCount() == 1)
    cells = [transfer.handovers.item(0, c).text() for c in range(5)]
    assert cells[:3] == ["übergeben an", "CM-11 Siegburg", "1"]
    assert cells[4] == "wartet auf das nächste Bundle"
    assert transfer.handover_box.isVisibleTo(transfer)
    assert "Dazu 1 Fallübergabe oder Bestätigung." in transfer.pending.text()
    assert not screen.client_form.isEnabled() and not screen.case_form.isEnabled()
