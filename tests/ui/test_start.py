"""Start with several stores (issue 16): the unlock page offers the stores used before, the
last first, and "Anderen Speicher öffnen …"; each opens with the screens of its role."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from kimdesk.ui.office.imports import ImportScreen
from kimdesk.ui.transfer import TransferScreen
from tests.conftest import CM_PASS, OFFICE_PASS

from .conftest import unlock


def test_the_stores_used_before_are_offered_last_first(qtbot, make_window, ui_settings,
                                                       cm_file, office_file):  # fmt: skip
    ui_settings.last_store = str(office_file)
    ui_settings.last_store = str(cm_file)
    assert ui_settings.recent_stores == [str(cm_file), str(office_file)]
    window = make_window(None)  # plain `kimdesk`: the last store, with a choice
    page = window.unlock_page
    assert window.store == cm_file and page.chooser.isVisibleTo(page)
    assert [page.chooser.itemData(i) for i in range(page.chooser.count())] == [
        str(cm_file), str(office_file)]  # fmt: skip

    page.chooser.activated.emit(1)
    assert window.store == office_file and "office.kdb" in window.status_store.text()
    unlock(qtbot, window, OFFICE_PASS)
    assert not window.is_locked and window.screen(ImportScreen)

    window.lock()
    page.chooser.activated.emit(0)
    unlock(qtbot, window, CM_PASS)
    assert not window.is_locked and window.screen(TransferScreen)
    assert not any(isinstance(s, ImportScreen) for s in window.screens)
    assert ui_settings.recent_stores[0] == str(cm_file)


def test_another_store_is_opened_from_a_file(qtbot, make_window, ui_settings, cm_file,
                                             office_file, monkeypatch):  # fmt: skip
    ui_settings.last_store = str(cm_file)
    window = make_window(None)
    page = window.unlock_page
    assert not page.chooser.isVisibleTo(page)  # one store used: nothing to choose from
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(office_file), "")))  # fmt: skip
    page.other.click()
    assert window.store == office_file
    unlock(qtbot, window, OFFICE_PASS)
    assert window.screen(ImportScreen)


def test_the_chooser_shows_the_store_being_unlocked(qtbot, make_window, ui_settings, cm_file,
                                                     office_file):  # fmt: skip
    """`kimdesk gui --store OTHER` with other stores used before: the list names OTHER, not
    the last used one beside a label saying OTHER."""
    ui_settings.last_store = str(cm_file)
    window = make_window(office_file, None)
    page = window.unlock_page
    assert page.chooser.currentData() == str(office_file)
    assert page.chooser.isVisibleTo(page) and page.chooser.count() == 2
    unlock(qtbot, window, OFFICE_PASS)
    assert window.screen(ImportScreen)
