"""The coordinator's screens, driven as a coordinator would: enrol devices, import a stick
with good, replayed and tampered bundles, settle a conflict, filter the monitoring and
export it, edit a structural need on the board."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kimdesk.services import conflicts, office, sync
from kimdesk.services.statistics import make_filters, statistics
from kimdesk.services.workspace import open_workspace
from kimdesk.ui.needs import NeedsScreen
from kimdesk.ui.office.conflicts import ConflictsScreen
from kimdesk.ui.office.devices import DevicesScreen
from kimdesk.ui.office.imports import ImportScreen
from kimdesk.ui.statistics import StatisticsScreen
from tests.conftest import CM_PASS
from tests.integration.sync_helpers import add, consultation, rows

from .conftest import answer_next_dialog, in_store


def shown(window, screen_type):
    screen = window.screen(screen_type)
    window.show_screen(screen)
    return screen


def enrol(qtbot, window, identity):
    screen = shown(window, DevicesScreen)
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    screen.check_identity(identity)
    return screen


@pytest.fixture
def stick(tmp_path, cm_file, cm2_file):
    """A USB stick: two bundles of CM-07, one of CM-11, a copy (replay), a tampered one."""
    folder = tmp_path / "stick"
    folder.mkdir()
    with open_workspace(cm_file, CM_PASS) as cm:
        (first,) = add(cm, consultation(duration_min=30))
        one = sync.export_bundle(cm, folder).path
        add(cm, consultation(municipality="05382060", topics=("arbeit",)))
        sync.export_bundle(cm, folder)
    with open_workspace(cm2_file, CM_PASS) as cm2:
        add(cm2, consultation(municipality="05382060"))
        tampered = sync.export_bundle(cm2, folder).path
    shutil.copyfile(one, folder / "zz-kopie.kimb")
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x40
    tampered.write_bytes(bytes(data))
    return folder


def test_enrolling_shows_the_fingerprint_first(qtbot, office_window, templates):
    screen = shown(office_window, DevicesScreen)
    answer_next_dialog(QMessageBox.StandardButton.No)
    screen.check_identity(templates / "cm.json")
    assert screen.table.rowCount() == 0
    enrol(qtbot, office_window, templates / "cm.json")
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 0).text() == "CM-07 Troisdorf"
    fingerprint = office.read_identity(templates / "cm.json").fingerprint
    assert screen.table.item(0, 1).text() == fingerprint
    assert screen.table.item(0, 6).text() == "noch kein Bundle"
    screen.check_identity(templates / "office2.json")
    assert "nicht zu einem Case-Management-Gerät" in screen.message.text()


def test_importing_a_stick_previews_then_imports(qtbot, office_window, templates, stick,
                                                 tmp_path):  # fmt: skip
    enrol(qtbot, office_window, templates / "cm.json")
    enrol(qtbot, office_window, templates / "cm2.json")
    screen = shown(office_window, ImportScreen)
    screen.preview_folder(stick)
    table = screen.table
    assert table.rowCount() == 4
    status = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(4)}
    assert sorted(status.values()) == ["abgelehnt", "schon importiert", "wird importiert",
                                       "wird importiert"]  # fmt: skip
    assert status["zz-kopie.kimb"] == "schon importiert"
    assert "Noch ist nichts geändert" in screen.state.text()
    assert in_store(office_window, lambda ws: rows(ws, "consultation")) == {}
    assert screen.import_button.isEnabled()

    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    status = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(4)}
    assert sorted(status.values()) == ["abgelehnt", "importiert", "importiert", "schon importiert"]
    rejected = next(r for r in range(4) if table.item(r, 3).text() == "abgelehnt")
    assert "Signatur" in table.item(rejected, 10).text() or table.item(rejected, 10).text()
    assert len(in_store(office_window, lambda ws: rows(ws, "consultation"))) == 2
    assert "Importiert: 2 Bundles, abgelehnt: 1." in screen.state.text()
    assert "Letzter Import:" in office_window.status_bundle.text()
    assert "2 neu" in screen.totals.text()
    assert screen.history.rowCount() == 2
    assert {screen.history.item(r, 2).text() for r in range(2)} == {"CM-07 Troisdorf"}
    screen.write_summary(tmp_path / "zusammenfassung.csv")
    text = (tmp_path / "zusammenfassung.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Datei;Ergebnis;Code;Grund")
    assert text.count("rejected") == 1

    devices = shown(office_window, DevicesScreen)
    names = {devices.table.item(r, 0).text(): r for r in range(2)}
    assert devices.table.item(names["CM-07 Troisdorf"], 3).text() == "2"
    assert devices.table.item(names["CM-11 Siegburg"], 3).text() == "–"

    # After the import, the answers for the devices go onto the stick (issue 18, receipts).
    screen = shown(office_window, ImportScreen)
    answers = tmp_path / "antworten"
    answers.mkdir()
    screen.write_replies(answers)
    assert screen.state.text() == (
        "Antwort 1 an CM-07 Troisdorf: angekommene Bundles 1–2.\n"
        # A device without a bundle yet hears of the county's devices (a handover's address).
        "Antwort 1 an CM-11 Siegburg: angekommene Bundles noch keins.")  # fmt: skip
    assert [p.suffix for p in answers.iterdir()] == [".kimr", ".kimr"]
    screen.write_replies(answers)
    assert "Antwort" not in screen.state.text().split("Keine Antwort")[0]


def test_a_gap_is_shown_per_device(qtbot, office_window, templates, cm_file, tmp_path):
    enrol(qtbot, office_window, templates / "cm.json")
    with open_workspace(cm_file, CM_PASS) as cm:
        for n in range(3):
            add(cm, consultation(duration_min=10 + n))
            path = sync.export_bundle(cm, tmp_path / f"b{n}.kimb").path
    screen = shown(office_window, ImportScreen)
    screen.preview([path])  # only bundle 3 arrives
    screen.run_import()
    assert "Bundles 1–2" in screen.table.item(0, 10).text()
    devices = shown(office_window, DevicesScreen)
    assert devices.table.item(0, 5).text() == "Bundles 1–2 fehlen"


def test_a_conflict_is_shown_side_by_side_and_settled(qtbot, office_window, templates, cm_file,
                                                      cm2_file, tmp_path):  # fmt: skip
    enrol(qtbot, office_window, templates / "cm.json")
    enrol(qtbot, office_window, templates / "cm2.json")
    with open_workspace(cm_file, CM_PASS) as cm:
        (record,) = add(cm, consultation(duration_min=30))
        a = sync.export_bundle(cm, tmp_path / "a.kimb").path
    with open_workspace(cm2_file, CM_PASS) as cm2:
        add(cm2, replace(record, duration_min=45, version=1))
        b = sync.export_bundle(cm2, tmp_path / "b.kimb").path
    imports = shown(office_window, ImportScreen)
    imports.preview([a, b])
    imports.run_import()
    screen = shown(office_window, ConflictsScreen)
    assert screen.list.rowCount() == 1
    assert "Dauer (min)" in screen.list.item(0, 2).text()
    fields = {screen.fields.item(r, 0).text(): r for r in range(screen.fields.rowCount())}
    row = fields["Dauer (min)"]
    assert row == 0  # what differs comes first
    origin = fields["Zuletzt geändert von"]
    assert {screen.fields.item(origin, 1).text(), screen.fields.item(origin, 2).text()} == {
        "CM-07 Troisdorf", "CM-11 Siegburg"}  # fmt: skip
    assert (
        screen.fields.item(fields["Themen"], 1).text() == "Wohnen, Deutsch (Kurse)"
        or screen.fields.item(fields["Themen"], 1).text() == "Deutsch (Kurse), Wohnen"
    )
    assert {screen.fields.item(row, 1).text(), screen.fields.item(row, 2).text()} == {"30", "45"}
    assert screen.fields.item(row, 1).font().bold()
    assert not screen.fields.item(fields["Art"], 1).font().bold()
    assert screen.fields.item(fields["Art"], 1).text() == "Einmalige Beratung"
    keep = "stored" if screen.fields.item(row, 1).text() == "30" else "incoming"
    button = screen.keep_stored if keep == "stored" else screen.keep_incoming
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert in_store(office_window, conflicts.list_conflicts) == []
    assert in_store(office_window, lambda ws: rows(ws, "consultation"))[record.id][
        "duration_min"] == 30  # fmt: skip
    assert screen.list.rowCount() == 0 and "Keine offenen Konflikte" in screen.heading.text()


def test_monitoring_filters_by_device_and_exports(qtbot, office_window, templates, stick,
                                                  tmp_path):  # fmt: skip
    enrol(qtbot, office_window, templates / "cm.json")
    imports = shown(office_window, ImportScreen)
    imports.preview_folder(stick)
    imports.run_import()
    screen = shown(office_window, StatisticsScreen)
    assert screen.title == "M&onitoring"
    devices = in_store(office_window, office.devices)
    screen.device.set_code(devices[0].installation_id)
    screen.municipality.set_code("05382060")
    screen.load()
    expected = in_store(office_window, lambda ws: statistics(ws, make_filters(
        ws, municipality="05382060", installation=devices[0].installation_id)))  # fmt: skip
    assert expected["consultations"]["total"] == 1
    assert "Einzelberatungen: 1 " in screen.summary.text()
    assert expected["filters"]["installation_name"] == "CM-07 Troisdorf"
    screen.write_excel(tmp_path / "monitoring.xlsx")
    book = openpyxl.load_workbook(tmp_path / "monitoring.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert "CM-07 Troisdorf" in cells
    screen.write_deck(tmp_path / "folien.pdf")
    assert (tmp_path / "folien.pdf").read_bytes().startswith(b"%PDF")


def test_the_board_lets_the_coordinator_set_status_solution_and_body(qtbot, office_window,
                                                                    templates, cm_file, tmp_path):  # fmt: skip
    from kimdesk.domain.entities import StructuralNeed

    enrol(qtbot, office_window, templates / "cm.json")
    with open_workspace(cm_file, CM_PASS) as cm:
        add(
            cm,
            StructuralNeed(
                reported_on=date(2026, 5, 4),
                municipality="05382068",
                topic="wohnen",
                challenge="Zu wenig Wohnraum",
                affected_cases=9,
            ),
        )
        path = sync.export_bundle(cm, tmp_path / "n.kimb").path
    imports = shown(office_window, ImportScreen)
    imports.preview([path])
    imports.run_import()
    board = shown(office_window, NeedsScreen)
    assert board.table.rowCount() == 1
    board.table.selectRow(0)
    board.status.setCurrentIndex(board.status.findData("solved"))
    board.solution.setPlainText("Kontingent beim Wohnungsbauverein")
    board.responsible.setText("Sozialamt")
    board.save()
    [need] = in_store(office_window, lambda ws: list(rows(ws, "structural_need").values()))
    assert need["status"] == "solved" and need["responsible_body"] == "Sozialamt"
    assert board.table.item(0, 5).text() == "gelöst"


def test_a_device_silent_for_longer_than_the_limit_is_marked(qtbot, office_window, templates,
                                                             cm_file, tmp_path):  # fmt: skip
    from datetime import timedelta

    from sqlalchemy import update

    from kimdesk.domain.ids import utc_now
    from kimdesk.store.models import BundleIn

    enrol(qtbot, office_window, templates / "cm.json")
    with open_workspace(cm_file, CM_PASS) as cm:
        add(cm, consultation())
        path = sync.export_bundle(cm, tmp_path / "alt.kimb").path
    imports = shown(office_window, ImportScreen)
    imports.preview([path])
    imports.run_import()

    def age(ws):  # as if the bundle had been written six weeks ago
        with ws.store.begin() as conn:
            conn.execute(
                update(BundleIn.__table__).values(created_at=utc_now() - timedelta(weeks=6))
            )

    in_store(office_window, age)
    screen = shown(office_window, DevicesScreen)
    screen.load()
    assert screen.table.item(0, 6).text() == "seit 6 Wochen nichts gesendet"
    screen.weeks.setValue(8)
    assert screen.table.item(0, 6).text() == ""


def test_the_coordinator_workspace_on_a_server_store(qtbot, make_window, office_file, templates,
                                                     stick, pg_url, ui_settings):  # fmt: skip
    from kimdesk.services.server import move_to_server

    with open_workspace(office_file, "office passphrase 1") as ws:
        sync.enroll(ws, templates / "cm.json")
        move_to_server(ws, pg_url, "office passphrase 1")
    window = make_window(pg_url, "office passphrase 1")
    assert "postgresql+psycopg://" in window.status_store.text()
    screen = shown(window, ImportScreen)
    screen.preview_folder(stick)
    screen.run_import()
    assert "Importiert: 2 Bundles" in screen.state.text()
    assert len(in_store(window, lambda ws: rows(ws, "consultation"))) == 2
    assert ui_settings.last_store == pg_url  # no password in it to begin with


def test_a_device_row_the_office_did_not_sign_is_named_and_not_trusted(qtbot, office_window,
                                                                        templates):  # fmt: skip
    import base64
    import json

    device = json.loads((templates / "cm2.json").read_text())

    def insert(ws):  # what a database user could do on a server
        with ws.store.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO peer (installation_id, role, name, signing_key, agreement_key,"
                " fingerprint, trusted_at, signature) VALUES (?, 'casemanager', ?, ?, NULL, ?,"
                " '2026-01-01 00:00:00.000000', NULL)",
                (device["installation_id"], device["name"],
                 base64.b64decode(device["signing_key"]), device["fingerprint"]),
            )  # fmt: skip
        return True

    in_store(office_window, insert)
    screen = shown(office_window, DevicesScreen)
    qtbot.waitUntil(lambda: "CM-11 Siegburg" in screen.untrusted.text())
    assert "Nicht vertraut" in screen.untrusted.text()
    assert screen.table.rowCount() == 0


def test_the_whole_reason_of_a_selected_bundle_is_shown(qtbot, office_window, templates, stick,
                                                        tmp_path):  # fmt: skip
    enrol(qtbot, office_window, templates / "cm.json")
    screen = shown(office_window, ImportScreen)
    junk = tmp_path / "junk.kimb"
    junk.write_bytes(b"not a bundle at all, but long enough to be looked at" * 4)
    screen.preview([junk])
    row = 0
    screen.table.selectRow(row)
    assert "kein KIMdesk-Bundle" in screen.detail.text() and "junk.kimb" in screen.detail.text()
    assert "kein KIMdesk-Bundle" in screen.table.item(row, 10).toolTip()


def test_a_need_conflict_speaks_german_and_shows_both_versions(qtbot, office_window, templates,
                                                               cm_file, cm2_file, tmp_path):  # fmt: skip
    from kimdesk.domain.entities import StructuralNeed

    enrol(qtbot, office_window, templates / "cm.json")
    enrol(qtbot, office_window, templates / "cm2.json")
    need = StructuralNeed(reported_on=date(2024, 2, 1), municipality="05382068", topic="wohnen",
                          challenge="Wohnraum fehlt für große Familien, seit Monaten unverändert",
                          affected_cases=3, status="in_progress")  # fmt: skip
    with open_workspace(cm_file, CM_PASS) as cm:
        add(cm, need)
        a = sync.export_bundle(cm, tmp_path / "a.kimb").path
    with open_workspace(cm2_file, CM_PASS) as cm2:
        add(cm2, replace(need, affected_cases=5, status="solved"))
        b = sync.export_bundle(cm2, tmp_path / "b.kimb").path
    imports = shown(office_window, ImportScreen)
    imports.preview([a, b])
    imports.run_import()
    office_window.resize(1280, 720)
    screen = shown(office_window, ConflictsScreen)
    table = screen.fields
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "Betroffene Fälle" in names and "Status" in names
    assert not [n for n in names if "_" in n], names  # no raw field names
    status = names.index("Status")
    # The status is the office's: the first device's "in Bearbeitung" was not taken (a new
    # need is "gemeldet"); the second device's claim shows as what it sent.
    assert {table.item(status, 1).text(), table.item(status, 2).text()} == {
        "gemeldet", "gelöst"}  # fmt: skip
    assert "Betroffene Fälle" in screen.list.item(0, 2).text()
    # Both versions in view: the columns fit the table's width.
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    assert table.horizontalHeader().length() <= table.viewport().width()


def test_the_preview_is_checked_again_after_enrolling_the_device(qtbot, office_window, templates,
                                                                  cm_file, tmp_path):  # fmt: skip
    folder = tmp_path / "stick"
    folder.mkdir()
    with open_workspace(cm_file, CM_PASS) as cm:
        add(cm, consultation())
        sync.export_bundle(cm, folder)
    screen = shown(office_window, ImportScreen)
    screen.preview_folder(folder)
    assert screen.table.item(0, 3).text() == "abgelehnt"  # the device is not enrolled yet
    enrol(qtbot, office_window, templates / "cm.json")
    screen = shown(office_window, ImportScreen)
    assert screen.table.item(0, 3).text() == "wird importiert"
    assert screen.import_button.isEnabled()
