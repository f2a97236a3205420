"""The first-run wizard, driven by keyboard: store, passphrase, role, towns, office key."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWizard

from kimdesk.domain.passphrase import strength
from kimdesk.services.setup import own_identity
from kimdesk.services.workspace import open_workspace
from kimdesk.store.installation import peers
from kimdesk.sync.identity import Identity
from kimdesk.ui.operations import Operations
from kimdesk.ui.screen import Context
from kimdesk.ui.wizard import SetupWizard

PASS = "Sonnenblume am Rhein 7"


def make(qtbot, ui_settings, path):
    ctx = Context(Operations(serial=True), ui_settings)
    wizard = SetupWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_a_case_manager_sets_up_the_device(qtbot, ui_settings, tmp_path, templates):
    path = tmp_path / "daten" / "beratung.kdb"
    wizard = make(qtbot, ui_settings, path)
    page = wizard.store_page
    assert page.path.text() == str(path)
    type_into(qtbot, page.passphrase, "kurz")
    assert "schwach" in page.strength.text()
    wizard.next()
    assert wizard.currentId() == 0 and "mindestens 10" in page.error.text()
    type_into(qtbot, page.passphrase, PASS)
    assert page.strength.text() == "stark"
    type_into(qtbot, page.repeat, PASS + "x")
    wizard.next()
    assert wizard.currentId() == 0 and "verschieden" in page.error.text()
    type_into(qtbot, page.repeat, PASS)
    wizard.next()
    assert wizard.currentId() == 1

    role = wizard.role_page
    wizard.next()
    assert wizard.currentId() == 1 and "Namen" in role.error.text()
    type_into(qtbot, role.name, "CM-07 Troisdorf")
    wizard.next()

    towns = wizard.towns_page.list
    for label in ("Troisdorf", "Niederkassel"):
        item = towns.findItems(label, Qt.MatchFlag.MatchExactly)[0]
        towns.setCurrentItem(item)
        towns.setFocus()
        qtbot.keyClick(towns, Qt.Key.Key_Space)
    wizard.next()

    office = wizard.office_page
    type_into(qtbot, office.path, str(templates / "cm.json"))  # a case manager's file
    assert "nicht zu einer Kreisstelle" in office.error.text()
    wizard.next()
    assert wizard.currentId() == 3 and not path.exists()
    type_into(qtbot, office.path, str(templates / "office.json"))
    expected = Identity.read(templates / "office.json").fingerprint
    assert expected in office.shown.text()
    wizard.next()

    done = wizard.done_page
    assert wizard.workspace is not None
    ws = wizard.workspace
    assert done.fingerprint.text() == own_identity(ws).fingerprint
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert ws.installation.role == "casemanager" and ws.installation.name == "CM-07 Troisdorf"
    with ws.store.connect() as conn:
        [trusted] = peers(conn)
    assert trusted.fingerprint == expected
    # The first ticked (Troisdorf) is the usual town hall, not the first in the alphabet.
    assert ui_settings.municipalities == ["05382068", "05382044"]
    assert ui_settings.usual_municipality == "05382068"
    wizard.ctx.ops.shutdown()
    with open_workspace(path, PASS) as again:
        assert again.installation.id == ws.installation.id


def test_an_office_gets_its_identity_file_to_hand_out(qtbot, ui_settings, tmp_path):
    path = tmp_path / "kreis.kdb"
    wizard = make(qtbot, ui_settings, path)
    type_into(qtbot, wizard.store_page.passphrase, PASS)
    type_into(qtbot, wizard.store_page.repeat, PASS)
    wizard.next()
    wizard.role_page.office.setFocus()
    qtbot.keyClick(wizard.role_page.office, Qt.Key.Key_Space)
    type_into(qtbot, wizard.role_page.name, "Kreis Rhein-Sieg")
    wizard.next()
    wizard.next()  # no office page for an office
    assert wizard.currentPage() is wizard.done_page
    ws = wizard.workspace
    assert ws.installation.role == "office"
    target = tmp_path / "kreis-identitaet.json"
    wizard.save_identity(target)
    identity = Identity.read(target)
    assert identity.fingerprint == wizard.done_page.fingerprint.text()
    assert str(target) in wizard.done_page.status.text()
    wizard.accept()
    wizard.ctx.ops.shutdown()


def test_an_existing_file_is_never_overwritten(qtbot, ui_settings, tmp_path):
    existing = tmp_path / "da.kdb"
    existing.write_bytes(b"something")
    wizard = make(qtbot, ui_settings, existing)
    type_into(qtbot, wizard.store_page.passphrase, PASS)
    type_into(qtbot, wizard.store_page.repeat, PASS)
    wizard.next()
    assert wizard.currentId() == 0 and "gibt es schon" in wizard.store_page.error.text()
    assert existing.read_bytes() == b"something"


def test_the_app_starts_with_the_wizard_and_opens_the_new_store(qtbot, ui_settings, tmp_path,
                                                               templates):  # fmt: skip
    from PySide6.QtWidgets import QApplication

    from kimdesk.ui.app import start

    path = tmp_path / "neu.kdb"

    def drive():
        wizard = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, SetupWizard) and w.isVisible()), None)  # fmt: skip
        if wizard is None:
            QTimer.singleShot(10, drive)
            return
        try:
            wizard.store_page.passphrase.setText(PASS)
            wizard.store_page.repeat.setText(PASS)
            wizard.next()
            wizard.role_page.name.setText("CM-11 Siegburg")
            wizard.next()
            wizard.next()
            wizard.office_page.path.setText(str(templates / "office.json"))
            wizard.next()
            wizard.accept()
        finally:
            if wizard.isVisible():
                wizard.reject()

    QTimer.singleShot(0, drive)
    window = start(path, ui_settings, serial=True)
    qtbot.addWidget(window)
    assert path.exists() and not window.is_locked
    assert "CM-11 Siegburg" in window.status_role.text()
    assert window.tabs.count() == 7  # the six screens and "Heute fällig"


def test_strength_is_an_honest_estimate():
    assert strength("aaaaaaaaaaaa") == "weak"
    assert strength("1234567890") == "weak"
    assert strength("passwort2024") == "weak"
    assert strength("Kj8#mQ2!xv9L") == "strong"
