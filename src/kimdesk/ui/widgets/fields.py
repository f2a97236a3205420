"""Small input widgets every form uses: catalog codes, dates, optional numbers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QSpinBox, QWidget

from kimdesk.domain.catalog import Catalog

from ..i18n import tr

NONE_TEXT = "–"


class CodeCombo(QComboBox):
    """A choice from a catalog (or fixed pairs), shown by label, read as code.

    Typing selects by any part of the label (not only its start): "sieg" finds "Siegburg".
    """

    def __init__(
        self,
        pairs: list[tuple[str, str]],
        *,
        optional: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.set_pairs(pairs, optional=optional)

    @classmethod
    def of_catalog(
        cls, catalog: Catalog, name: str, *, optional: bool = False, language: str = "de",
        parent: QWidget | None = None,
    ) -> CodeCombo:  # fmt: skip
        pairs = [(e.code, e.label(language)) for e in catalog.entries_of(name)]
        return cls(pairs, optional=optional, parent=parent)

    def set_pairs(self, pairs: list[tuple[str, str]], *, optional: bool = False) -> None:
        current = self.code() if self.count() else None
        self.blockSignals(True)
        self.clear()
        if optional:
            self.addItem(NONE_TEXT, None)
        for code, label in pairs:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str | None:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        return self.itemData(index)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)

    def focusOutEvent(self, event) -> None:
        # Typed text that names no entry falls back to the selected entry's label.
        if self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString) < 0:
            self.setEditText(self.itemText(self.currentIndex()))
        super().focusOutEvent(event)


class DateField(QDateEdit):
    """A German date (TT.MM.JJJJ) with a calendar; ``value()`` is a ``datetime.date``.

    With ``optional=True`` the lowest date stands for "no date" and shows "–".
    """

    _NONE = QDate(1900, 1, 1)

    def __init__(self, value: date | None = None, *, optional: bool = False, parent=None):
        super().__init__(parent)
        self.optional = optional
        self.setDisplayFormat("dd.MM.yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(self._NONE if optional else QDate(2015, 1, 1))
        if optional:
            self.setSpecialValueText(NONE_TEXT)
        self.set_value(value if value is not None or optional else date.today())

    def value(self) -> date | None:
        qd = self.date()
        if self.optional and qd == self._NONE:
            return None
        return date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(self._NONE if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class CountField(QSpinBox):
    """A whole number; with ``optional=True`` zero shows "–" and reads as ``None``."""

    def __init__(self, high: int = 9999, *, optional: bool = False, suffix: str = "", parent=None):
        super().__init__(parent)
        self.optional = optional
        self.setRange(0, high)
        if suffix:
            self.setSuffix(suffix)
        if optional:
            self.setSpecialValueText(NONE_TEXT)

    def number(self) -> int | None:
        value = self.value()
        return None if self.optional and value == 0 else value

    def set_number(self, value: int | None) -> None:
        self.setValue(value or 0)


def minutes_suffix() -> str:
    return tr(" min")
