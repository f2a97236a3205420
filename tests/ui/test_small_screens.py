"""Every screen fits a town-hall laptop (issue 16): 1280 × 720 and 1366 × 768 with a taskbar,
also at Windows' 150 % scaling, in German and English; panels scroll, the window never grows
by itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CM_PASS, OFFICE_PASS

from .screen_sizes import USABLE, measure

ROOT = Path(__file__).resolve().parents[2]


def fits(sizes: dict) -> dict:
    return {name: size for name, size in sizes.items()
            if size[0] > USABLE[0] or size[1] > USABLE[1]}  # fmt: skip


@pytest.fixture
def qm_dir(tmp_path):
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "pyside6-lrelease"), "-silent",
                    str(ROOT / "translations/kimdesk_en.ts"), "-qm",
                    str(tmp_path / "kimdesk_en.qm")], check=True, timeout=60)  # fmt: skip
    return tmp_path


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_screen_fits_in_both_languages(qapp, cm_file, office_file, ui_settings, qm_dir,
                                             monkeypatch, language):  # fmt: skip
    from kimdesk.ui import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS", qm_dir)
    ui_settings.language = language
    for store, passphrase in ((cm_file, CM_PASS), (office_file, OFFICE_PASS)):
        sizes = measure(store, passphrase, ui_settings)
        assert len(sizes) >= 6, sizes
        assert fits(sizes) == {}, f"{store.name} {language}: {sizes}"
    i18n.install("de")


@pytest.mark.slow
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_screen_fits_at_150_percent(cm_file, office_file, qm_dir, language):
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen"}
    for store, passphrase in ((cm_file, CM_PASS), (office_file, OFFICE_PASS)):
        run = subprocess.run(
            [sys.executable, "-m", "tests.ui.screen_sizes", str(store), passphrase, language,
             str(qm_dir)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        sizes = json.loads(run.stdout.strip().splitlines()[-1])
        assert fits(sizes) == {}, f"{store.name} {language} at 150 %: {sizes}"


def test_an_error_below_the_fold_is_scrolled_into_view(qtbot, make_window, cm_file):
    from kimdesk.ui.consultations.screen import ConsultationsScreen

    window = make_window(cm_file, CM_PASS)
    window.resize(1280, 520)  # the entry panel cannot show everything
    screen = window.screen(ConsultationsScreen)
    window.show_screen(screen)
    entry = screen.entry
    entry.topics.set_checked([])
    area = entry.parentWidget().parentWidget()
    assert area.verticalScrollBar().maximum() > 0
    area.verticalScrollBar().setValue(0)
    entry.save()  # no topic: refused, the message is at the panel's bottom
    assert "Thema" in entry.message.text()
    top = entry.message.mapTo(entry, entry.message.rect().topLeft()).y()
    shown_from = area.verticalScrollBar().value()
    assert shown_from <= top <= shown_from + area.viewport().height()


def test_new_case_starts_at_the_top_of_the_form(qtbot, make_window, cm_file):
    from PySide6.QtCore import Qt

    from kimdesk.ui.cases.screen import CasesScreen

    window = make_window(cm_file, CM_PASS)
    window.resize(1280, 480)
    screen = window.screen(CasesScreen)
    window.show_screen(screen)
    bar = screen.detail_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than its room
    bar.setValue(bar.maximum())
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0 and screen.client_form.given.hasFocus()
