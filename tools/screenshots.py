"""`make screenshots`: every screen and dialog at 1280 × 720, German and English, as PNG in
``build/screens/{de,en}/`` (offscreen, not committed). Look at each one.

Two fresh stores are made in a temporary folder: a case manager's with a few hundred random
consultations (and one named client), enrolled at an office that has merged its bundle and
a conflicting one from a second device.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

OFFICE_PASS, CM_PASS = "office passphrase 1", "case manager pass"
#: The client area of a 1280 × 720 screen with a taskbar and a title bar.
SIZE = (1280, 640)


def prepare(folder: Path) -> dict[str, Path]:
    from kimdesk.domain.entities import Case, Client, StructuralNeed
    from kimdesk.services import cases, records, setup, sync
    from kimdesk.services.workspace import open_workspace
    from tests.integration.random_data import fill_random

    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")
    with setup.init_store(folder / "office.kdb", OFFICE_PASS, role="office",
                          name="Kreis Rhein-Sieg") as ws:  # fmt: skip
        setup.write_identity(ws, folder / "office.json")
    for name, label in (("cm", "CM-07 Troisdorf"), ("cm2", "CM-11 Siegburg")):
        with setup.init_store(folder / f"{name}.kdb", CM_PASS, role="casemanager", name=label,
                              office_identity=folder / "office.json") as ws:  # fmt: skip
            setup.write_identity(ws, folder / f"{name}.json")
    need = StructuralNeed(reported_on=date(2024, 2, 1), municipality="05382068", topic="wohnen",
                          challenge="Wohnraum für große Familien fehlt", affected_cases=3,
                          status="in_progress")  # fmt: skip
    stick = folder / "stick"
    stick.mkdir()
    with open_workspace(folder / "cm.kdb", CM_PASS) as ws:
        fill_random(ws, random.Random(16), consultations=300)
        cases.save_case(ws, Client(given_name="Olena", family_name="Kovalenko", gender="w",
                                   nationality="UA", birth_date=date(1988, 3, 12)),
                        Case(client_id=None, municipality="05382068", program="kim",
                             opened_on=date(2026, 9, 1)))  # fmt: skip
        records.save(ws, need)
        sync.export_bundle(ws, stick)
    with open_workspace(folder / "cm2.kdb", CM_PASS) as ws:
        from kimdesk.store.records import save_record

        with ws.store.begin() as conn:  # the same need, seen differently: a conflict
            save_record(conn, replace(need, affected_cases=5, status="solved"),
                        origin=ws.installation.id)  # fmt: skip
        sync.export_bundle(ws, stick)
    with open_workspace(folder / "office.kdb", OFFICE_PASS) as ws:
        sync.enroll(ws, folder / "cm.json")
        sync.enroll(ws, folder / "cm2.json")
        sync.merge_bundles(ws, sorted(stick.glob("*.kimb")))
    return {"cm": folder / "cm.kdb", "office": folder / "office.kdb", "stick": stick}


class Camera:
    def __init__(self, out: Path):
        self.out = out
        self.n = 0
        out.mkdir(parents=True, exist_ok=True)

    def shoot(self, widget: QWidget, name: str) -> None:
        for _ in range(3):
            QApplication.processEvents()
        self.n += 1
        widget.grab().save(str(self.out / f"{self.n:02d}-{name}.png"))


def dialog(camera: Camera, make, name: str) -> None:
    widget = make()
    widget.show()
    camera.shoot(widget, name)
    widget.close()


def walk(stores: dict[str, Path], language: str, out: Path, folder: Path) -> None:
    from kimdesk.ui import i18n
    from kimdesk.ui.app import start
    from kimdesk.ui.settings import Settings

    camera = Camera(out / language)
    settings = Settings(folder / f"{language}.ini")
    settings.language = language
    settings.usual_municipality = "05382068"
    i18n.install(language)
    for role, passphrase in (("cm", CM_PASS), ("office", OFFICE_PASS)):
        window = start(stores[role], settings, serial=True)
        window.resize(*SIZE)
        window.show()
        page = window.unlock_page
        page.passphrase.setText("falsch")
        page.submit()
        camera.shoot(window, f"{role}-unlock-wrong-passphrase")
        page.passphrase.setText(passphrase)
        page.submit()
        for screen in window.screens:
            window.show_screen(screen)
            name = type(screen).__name__.removesuffix("Screen").lower()
            camera.shoot(window, f"{role}-{name}")
            extra = EXTRAS.get(type(screen).__name__)
            if extra is not None:
                extra(window, screen, camera, role, stores)
        for make, name in menus(window):
            dialog(camera, make, f"{role}-{name}")
        window.lock()
        window.hide()  # not close(): it would ask about a draft, modally
        window.ctx.ops.shutdown()


def _consultations(window, screen, camera, role, stores) -> None:
    entry = screen.entry
    entry.referrals.set_checked([e.key for e in entry.referrals.entries[:3]])
    entry._referrals_changed()
    camera.shoot(window, f"{role}-consultations-referrals")
    entry.day.open_picker()
    camera.shoot(entry.day.picker, f"{role}-date-picker")
    entry.day.picker.hide()
    entry.new()


def _cases(window, screen, camera, role, stores) -> None:
    if screen.list.count():
        screen.list.setCurrentRow(0)
        camera.shoot(window, f"{role}-cases-selected")
        from kimdesk.ui.cases.screen import CloseDialog

        dialog(camera, lambda: CloseDialog(window.ctx, window), f"{role}-close-case")


def _statistics(window, screen, camera, role, stores) -> None:
    for row in (0, 4, 8):
        if row < screen.charts.count():
            screen.charts.setCurrentRow(row)
            camera.shoot(window, f"{role}-statistics-chart-{row}")


def _imports(window, screen, camera, role, stores) -> None:
    screen.preview(sorted(stores["stick"].glob("*.kimb")))
    camera.shoot(window, f"{role}-import-preview")


EXTRAS = {
    "ConsultationsScreen": _consultations,
    "CasesScreen": _cases,
    "StatisticsScreen": _statistics,
    "ImportScreen": _imports,
}


def menus(window):
    from kimdesk.ui.audit import AuditDialog
    from kimdesk.ui.settings_dialog import SettingsDialog

    found = [(lambda: SettingsDialog(window.ctx, window), "settings"),
             (lambda: AuditDialog(window.ctx, window), "audit")]  # fmt: skip
    if window.ctx.installation.role == "casemanager":
        from kimdesk.ui.legacy import LegacyImportDialog

        found.append((lambda: LegacyImportDialog(window.ctx, window), "legacy-import"))
    help_dialog = getattr(window, "help_dialog", None)
    if help_dialog is not None:
        found.append((help_dialog, "help"))
    return found


def wizard(language: str, out: Path, folder: Path) -> None:
    from kimdesk.ui.operations import Operations
    from kimdesk.ui.screen import Context
    from kimdesk.ui.settings import Settings
    from kimdesk.ui.wizard import SetupWizard

    camera = Camera(out / language)
    ctx = Context(Operations(serial=True), Settings(folder / f"w{language}.ini"))
    wiz = SetupWizard(ctx, folder / f"new-{language}.kdb")
    wiz.show()
    while True:
        camera.shoot(wiz, f"wizard-{wiz.currentId()}")
        page = wiz.currentPage()
        if hasattr(page, "passphrase"):
            page.passphrase.setText("kurz")
            camera.shoot(wiz, f"wizard-{wiz.currentId()}-weak")
            break
        if not wiz.button(wiz.WizardButton.NextButton).isEnabled():
            break
        before = wiz.currentId()
        wiz.next()
        if wiz.currentId() == before:
            break
    wiz.reject()
    ctx.ops.shutdown()


def main() -> int:
    out = ROOT / "build" / "screens"
    app = QApplication.instance() or QApplication([])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stores = prepare(folder)
        for language in ("de", "en"):
            walk(stores, language, out, folder)
            wizard(language, out, folder)
    print(f"{len(list(out.rglob('*.png')))} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
