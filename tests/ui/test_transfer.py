"""Übertragung: pending changes, writing the bundle to a folder by keyboard, the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from kimdesk.domain.entities import Consultation
from kimdesk.services import records
from kimdesk.services.sync import bundle_history
from kimdesk.ui.transfer import TransferScreen

from .conftest import in_store


def shown(window) -> TransferScreen:
    screen = window.screen(TransferScreen)
    window.show_screen(screen)
    return screen


def test_pending_changes_go_into_a_bundle_on_the_stick(qtbot, cm_window, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    for topic in ("wohnen", "deutsch"):
        in_store(cm_window, lambda ws, t=topic: records.save(ws, Consultation(
            occurred_on=date(2026, 3, 2), municipality="05382068", kind="einmalig",
            topics=(t,))))  # fmt: skip
    screen = shown(cm_window)
    assert "2 geänderte Datensätze" in screen.pending.text()
    assert "Beratungen: 2" in screen.pending.text()
    assert screen.history.rowCount() == 0

    screen.folder.setFocus()
    qtbot.keyClicks(screen.folder, str(stick))
    qtbot.keyClick(screen.folder, Qt.Key.Key_Return)

    [bundle] = list(stick.glob("*.kimb"))
    assert bundle.name in screen.result.text()
    assert "Bitte bringen Sie den USB-Stick zur Kreisstelle." in screen.result.text()
    assert screen.history.rowCount() == 1 and screen.history.item(0, 2).text() == bundle.name
    assert screen.history.item(0, 3).text() == "2"
    assert "Keine Änderungen" in screen.pending.text()
    assert [h["file_name"] for h in in_store(cm_window, bundle_history)] == [bundle.name]
    assert "Letztes Bundle: Nr. 1" in cm_window.status_bundle.text()

    # Nothing new: nothing is written, and the page says why.
    qtbot.keyClick(screen.folder, Qt.Key.Key_Return)
    assert list(stick.glob("*.kimb")) == [bundle]
    assert "kein Bundle geschrieben" in screen.result.text()


def test_a_missing_folder_is_named_and_nothing_is_written(qtbot, cm_window, tmp_path):
    screen = shown(cm_window)
    screen.folder.setText(str(tmp_path / "nicht-da"))
    qtbot.keyClick(screen.folder, Qt.Key.Key_Return)
    assert "gibt es nicht" in screen.result.text()
    assert in_store(cm_window, bundle_history) == []


def test_a_full_bundle_and_locking_clears_the_page(qtbot, cm_window, tmp_path):
    in_store(cm_window, lambda ws: records.save(ws, Consultation(
        occurred_on=date(2026, 3, 2), municipality="05382068", kind="einmalig",
        topics=("wohnen",))))  # fmt: skip
    screen = shown(cm_window)
    screen.folder.setText(str(tmp_path))
    qtbot.keyClick(screen.folder, Qt.Key.Key_Return)
    screen.full.setChecked(True)
    qtbot.mouseClick(screen.write_button, Qt.MouseButton.LeftButton)
    assert screen.history.rowCount() == 2
    assert screen.history.item(0, 4).text() == "vollständig"
    assert len(list(tmp_path.glob("*.kimb"))) == 2
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert screen.history.rowCount() == 0 and not screen.pending.text()


def test_deletions_are_counted_apart_and_the_stick_folder_is_remembered(qtbot, cm_window,
                                                                        tmp_path):  # fmt: skip
    stick = tmp_path / "usb"
    stick.mkdir()
    made = [in_store(cm_window, lambda ws, d=d: records.save(ws, Consultation(
        occurred_on=date(2026, 3, d), municipality="05382068", kind="einmalig",
        topics=("wohnen",)))).record for d in (2, 3, 4)]  # fmt: skip
    screen = shown(cm_window)
    screen.folder.setText(str(stick))
    screen.write()
    in_store(cm_window, lambda ws: records.delete(ws, Consultation, made[0].id))
    in_store(cm_window, lambda ws: records.save(ws, replace(made[1], duration_min=30)))
    screen.load()
    text = screen.pending.text()
    assert "2 geänderte Datensätze" in text and "Beratungen: 1 (dazu 1 gelöscht)" in text
    # The next day, a fresh window: the folder of the stick is filled in.
    assert cm_window.ctx.settings.stick_folder == str(stick)
    screen.folder.clear()
    screen.load()
    assert screen.folder.text() == str(stick)


def test_a_reply_of_the_office_shows_which_bundles_arrived(qtbot, cm_window, templates, tmp_path):
    """Issue 18, receipts: the reply read on Übertragung marks the bundles the office has."""
    from kimdesk.services import replies, sync
    from kimdesk.services.workspace import open_workspace
    from tests.conftest import OFFICE_PASS

    stick = tmp_path / "usb"
    stick.mkdir()
    in_store(cm_window, lambda ws: records.save(ws, Consultation(
        occurred_on=date(2026, 3, 2), municipality="05382068", kind="einmalig",
        topics=("wohnen",))))  # fmt: skip
    in_store(cm_window, lambda ws: sync.export_bundle(ws, stick))
    office_file = tmp_path / "office.kdb"
    office_file.write_bytes((templates / "office.kdb").read_bytes())
    with open_workspace(office_file, OFFICE_PASS) as office:
        sync.enroll(office, templates / "cm.json")
        sync.merge_bundles(office, list(stick.glob("*.kimb")))
        [written] = replies.write_replies(office, stick).written
    screen = shown(cm_window)
    assert screen.history.item(0, 5).text() == "noch nicht bestätigt"
    screen.receive([written.path])
    assert "Antwort 1 eingelesen; bei der Kreisstelle angekommen: Bundles 1." in (
        screen.result.text())  # fmt: skip
    assert screen.history.item(0, 5).text() == f"{date.today():%d.%m.%Y}"
    screen.receive([written.path])
    assert screen.result.text() == "Antwort 1 war schon eingelesen."


def test_a_new_county_profile_reaches_the_forms(qtbot, cm_window, templates, tmp_path):
    """Issue 18, county profile: after the reply, the consultation form offers the new topic
    and no longer the retired one."""
    import json

    from kimdesk.services import profile, replies, sync
    from kimdesk.services.workspace import open_workspace
    from kimdesk.ui.consultations.screen import ConsultationsScreen
    from tests.conftest import OFFICE_PASS

    stick = tmp_path / "usb"
    stick.mkdir()
    office_file = tmp_path / "office.kdb"
    office_file.write_bytes((templates / "office.kdb").read_bytes())
    with open_workspace(office_file, OFFICE_PASS) as office:
        sync.enroll(office, templates / "cm.json")
        doc = profile.show(office)["profile"]
        doc["catalogs"]["topic"].append({"code": "digital", "de": "Digitale Teilhabe"})
        doc["catalogs"]["topic"][0]["active"] = False
        retired = doc["catalogs"]["topic"][0]["de"]
        (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        profile.apply(office, tmp_path / "p.json")
        [written] = replies.write_replies(office, stick).written
    screen = shown(cm_window)
    screen.receive([written.path])
    assert "Antwort 1 eingelesen" in screen.result.text()
    assert "Kreisprofil: Version 2 übernommen." in screen.result.text()
    assert cm_window.ctx.catalog.version == 2
    form = cm_window.screen(ConsultationsScreen)
    cm_window.show_screen(form)
    labels = [label for _code, label in cm_window.ctx.pairs("topic")]
    assert "Digitale Teilhabe" in labels and retired not in labels
