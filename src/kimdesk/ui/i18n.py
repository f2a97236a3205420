"""The one entry point for interface text.

Source strings are German; ``translations/kimdesk_en.ts`` holds the English ones, edited
in Qt Linguist. ``pyside6-lupdate`` finds every ``tr("…")`` call. Placeholders are
``{name}``: a translation that loses or invents one is ignored, so a translator cannot
break a message.
"""

from __future__ import annotations

import string
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: The .qm files, built by ``make translations`` from the committed .ts sources.
TRANSLATIONS = Path(__file__).parent / "translations"
LANGUAGES = {"de": "Deutsch", "en": "English"}
_installed: list[QTranslator] = []


def _fields(text: str) -> set[str]:
    try:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
    except ValueError:
        return {"\0invalid"}


def tr(text: str, disambiguation: str = "", n: int = -1, /, **values) -> str:
    """The text in the interface language with ``{name}`` filled in. With a count ``n`` the
    text is a Qt plural: ``tr("%n Fälle angelegt.", "", 1)`` gives "1 Fall angelegt." (the
    forms are in the .ts files of both languages; ``%Ln`` writes 1.234)."""
    translated = QCoreApplication.translate("", text, disambiguation or None, n)
    if n >= 0 and translated == text:  # no plural forms loaded: the source, counted
        translated = text.replace("%Ln", _grouped(n)).replace("%n", str(n))
    if translated != text and _fields(translated) != _fields(text):
        translated = text
    return translated.format(**values) if values else translated


def _load(app, path: Path) -> bool:
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False


def _grouped(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def install(language: str) -> str:
    """Load the interface language: Qt's own texts (Ja/Nein, Abbrechen, file dialogs,
    "Strg+1"), the locale for calendars and numbers, and for English our translation.
    Returns the language in use (``de`` when the English file is missing)."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "de" and not (TRANSLATIONS / f"kimdesk_{language}.qm").is_file():
        language = "de"
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if language == "de":
        _load(app, qt_dir / "qtbase_de.qm")
        _load(app, TRANSLATIONS / "kimdesk_de.qm")  # the German plural forms
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        return "de"
    _load(app, TRANSLATIONS / f"kimdesk_{language}.qm")
    # English texts with the German region: dates stay TT.MM.JJJJ, weeks start on Monday.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Germany))
    return language


def system_language() -> str:
    return "en" if QLocale.system().language() == QLocale.Language.English else "de"
