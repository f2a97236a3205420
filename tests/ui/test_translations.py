"""Translations: the .ts files cover every interface text, English keeps every placeholder,
and the English interface loads."""

from __future__ import annotations

import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kimdesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations"
BIN = Path(sys.executable).parent


def messages(path: Path) -> dict[str, ET.Element]:
    return {m.find("source").text: m.find("translation") for m in ET.parse(path).iter("message")}


def fields(text: str) -> set[str]:
    return {name for _l, name, _s, _c in string.Formatter().parse(text) if name}


def test_the_ts_files_hold_exactly_the_texts_of_the_code(tmp_path):
    sources = sorted(str(p) for p in (ROOT / "src/kimdesk/ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete",
                    "-locations", "none", "-silent"], check=True, timeout=120)  # fmt: skip
    expected = set(messages(fresh))
    assert set(messages(TS / "kimdesk_en.ts")) == expected, "run `make translations`"
    assert set(messages(TS / "kimdesk_de.ts")) == expected, "run `make translations`"


def forms(translation: ET.Element) -> list[str]:
    """A translation's texts: its plural forms, or the one text."""
    plural = [f.text or "" for f in translation.findall("numerusform")]
    return plural or [translation.text or ""]


def test_every_text_has_an_english_translation_with_the_same_placeholders():
    for source, translation in messages(TS / "kimdesk_en.ts").items():
        assert translation.get("type") != "unfinished", source
        for text in forms(translation):
            assert text, source
            assert fields(text) == fields(source), source
            assert source.count("&") == text.count("&"), source
            assert ("%n" in source or "%Ln" in source) == ("%n" in text or "%Ln" in text), source


def test_every_count_has_german_plural_forms():
    """German is the source language; only its plurals need a translation file."""
    for source, translation in messages(TS / "kimdesk_de.ts").items():
        if "%n" in source or "%Ln" in source:
            singular, plural = forms(translation)
            assert translation.get("type") != "unfinished" and singular and plural, source
            assert fields(singular) == fields(plural) == fields(source), source


def test_counts_read_right_in_both_languages(english):
    assert i18n.tr("%Ln Beratungen", "", 1) == "1 consultation"
    assert i18n.tr("%Ln Fälle angelegt.", "", 2) == "2 cases created."
    i18n.install("de")
    assert i18n.tr("%Ln Beratungen", "", 1) == "1 Beratung"
    assert i18n.tr("%Ln Beratungen", "", 1234) == "1.234 Beratungen"
    assert i18n.tr("%n Bundles werden geprüft …", "", 1) == "1 Bundle wird geprüft …"
    assert i18n.tr("Bitte %n Sekunden warten …", "", 1) == "Bitte 1 Sekunde warten …"


def test_a_translation_that_breaks_a_placeholder_is_ignored(qapp):
    assert i18n._fields("{n} Beratungen") == {"n"}
    assert i18n._fields("{kaputt") == {"\0invalid"}


@pytest.fixture
def english(tmp_path, monkeypatch, qapp):
    for language in ("en", "de"):
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS / f"kimdesk_{language}.ts"),
                        "-qm", str(tmp_path / f"kimdesk_{language}.qm")], check=True, timeout=60)  # fmt: skip
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    assert i18n.install("en") == "en"
    yield
    i18n.install("de")


def test_the_english_interface(english, make_window, cm_file, ui_settings):
    from tests.conftest import CM_PASS

    ui_settings.language = "en"
    assert i18n.tr("%Ln Beratungen", "", 3) == "3 consultations"
    window = make_window(cm_file, CM_PASS)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["C&onsultations", "&Cases", "&Group offers", "Structural &needs",
                      "&Statistics", "T&ransfer", "D&ue today"]  # fmt: skip
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Help"]
    letters = [
        re.search(r"&(\w)", t).group(1).lower() for t in titles + ["&File", "&View", "&Help"]
    ]
    assert len(letters) == len(set(letters))


def test_german_works_without_any_file(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    assert i18n.install("de") == "de"
    assert i18n.tr("%Ln Beratungen", "", 2) == "2 Beratungen"
    assert i18n.tr("{n} Beratungen", n=2) == "2 Beratungen"


def test_every_reason_code_has_a_short_text_and_it_is_translated(english):
    from kimdesk.sync.reasons import Reason
    from kimdesk.ui.office.reasons import SHORT, reason_text

    assert set(SHORT) == set(Reason)
    for code, short in SHORT.items():
        assert i18n.tr(short) != short, code  # English differs from the German source
    sentence = "die Signatur ist ungültig: die Datei wurde nach dem Schreiben verändert"
    assert reason_text(Reason.BAD_SIGNATURE, sentence) == f"invalid signature ({sentence})"
    i18n.install("de")
    assert reason_text(Reason.BAD_SIGNATURE, sentence) == sentence


def test_qt_speaks_german_in_the_german_app(qapp, make_window, cm_file):
    """Ja/Nein, Abbrechen, calendar months and "Strg+1" in menus come from Qt's qtbase_de."""
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.conftest import CM_PASS

    assert i18n.install("de") == "de"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
                           | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Ja", "Nein", "Abbrechen"}
    assert QKeySequence("Ctrl+1").toString(QKeySequence.SequenceFormat.NativeText) == "Strg+1"
    assert QLocale().monthName(3) == "März" and QLocale().dayName(1) == "Montag"
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    window = make_window(cm_file, CM_PASS)
    view = window.menuBar().actions()[1].menu()
    shown = [a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in view.actions()]
    assert shown[0] == "Strg+1"


def test_the_built_translations_are_committed_and_current(tmp_path):
    """The .qm files travel in the repository (and so in every wheel) and match the .ts."""
    for ts in TS.glob("kimdesk_*.ts"):
        fresh = tmp_path / f"{ts.stem}.qm"
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)],
                       check=True, timeout=60)  # fmt: skip
        committed = ROOT / "src/kimdesk/ui/translations" / f"{ts.stem}.qm"
        assert committed.read_bytes() == fresh.read_bytes(), "run `make translations`"
    tracked = subprocess.run(["git", "ls-files", "src/kimdesk/ui/translations"], cwd=ROOT,
                             capture_output=True, text=True, timeout=30).stdout.split()  # fmt: skip
    for name in ("kimdesk_en.qm", "kimdesk_de.qm"):
        assert f"src/kimdesk/ui/translations/{name}" in tracked or not (ROOT / ".git").exists()


@pytest.mark.slow
def test_the_wheel_carries_the_english_translation(tmp_path):
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)],
                   check=True, timeout=300, cwd=tmp_path)  # fmt: skip
    [wheel] = tmp_path.glob("kimdesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kimdesk/ui/translations/kimdesk_en.qm" in names
    assert "kimdesk/ui/translations/kimdesk_de.qm" in names


def test_every_chart_title_has_its_english_name(english):
    from kimdesk.stats.charts import chart_builders
    from kimdesk.stats.english import WORDS
    from kimdesk.stats.labels import TITLES

    assert set(TITLES.values()) <= set(WORDS)  # in step with the statistics
    for spec in chart_builders():
        assert WORDS[spec.title] != spec.title, spec.title
    assert WORDS["Erreichte Personen"] == "People reached"


def test_the_english_statistics_screen_draws_english_charts(english, make_window, cm_file,
                                                            ui_settings):  # fmt: skip
    from kimdesk.ui.statistics import StatisticsScreen
    from tests.conftest import CM_PASS

    ui_settings.language = "en"
    window = make_window(cm_file, CM_PASS)
    screen = window.screen(StatisticsScreen)
    window.show_screen(screen)
    assert screen.canvas is not None
    figure = screen.canvas.figure
    assert figure._suptitle.get_text() == "Individual consultations per year"
    assert "no data" in [t.get_text() for ax in figure.axes for t in ax.texts]
    assert screen.charts.item(0).text() == "Individual consultations per year"


def test_the_english_office_window_has_unique_mnemonics(english, make_window, office_file,
                                                         ui_settings):  # fmt: skip
    """The coordinator's tabs, menus and the Kreisprofil screen in English: each Alt+letter
    reaches one thing."""
    from kimdesk.ui.office.profile import ProfileScreen
    from tests.conftest import OFFICE_PASS

    from .test_groups import mnemonics

    ui_settings.language = "en"
    window = make_window(office_file, OFFICE_PASS)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-1] == "County &profile"
    window_letters = [re.search(r"&(\w)", t).group(1).lower()
                      for t in titles + [a.text() for a in window.menuBar().actions()]]  # fmt: skip
    assert len(window_letters) == len(set(window_letters))
    screen = window.screen(ProfileScreen)
    window.show_screen(screen)
    letters = mnemonics(screen)
    assert not {k: v for k, v in letters.items() if len(v) > 1 or k in window_letters}
