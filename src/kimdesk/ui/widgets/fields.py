"""Small input widgets every form uses: catalog codes, dates, optional numbers."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from kimdesk.domain.dates import DateInputError, add_months, parse_typed_date
from kimdesk.domain.errors import KimdeskError

from ..i18n import tr

NONE_TEXT = "–"
# Marks the entry of a retired code that only the shown record still has.
RETIRED = "retired"


class FieldInputError(KimdeskError):
    """What a user typed into a field cannot be read; the message names the field."""

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class CodeCombo(QComboBox):
    """A choice from a catalog (or fixed pairs), shown by label, read as code.

    Typing selects by any part of the label (not only its start): "sieg" offers "Hennef
    (Sieg)" and "Siegburg" in a list (↓ and Return pick one). Return or leaving the field
    with the text alone takes the entry it names, else the first that starts with it
    ("Siegburg"), else the first that contains it; text that fits none is undone.
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
        self.lineEdit().returnPressed.connect(self._settle)
        # The completer keeps the combo's focus-out to itself while its list is open, even
        # when Tab left the field: the application says where the focus went.
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def set_pairs(self, pairs: list[tuple[str, str]], *, optional: bool = False) -> None:
        current = self.code() if self.count() else None
        self.blockSignals(True)
        self.clear()
        if optional:
            self.addItem(NONE_TEXT, None)
        for code, label in pairs:
            self.addItem(label, code)
        # The open list shows every label whole, however narrow the closed box.
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str | None:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        return self.itemData(index)

    def set_code(self, code: str | None) -> None:
        """Select the entry of ``code``. A code the list does not offer (retired in a newer
        county profile) is shown as it is, so that saving the record keeps it."""
        retired = self.findData(RETIRED, Qt.ItemDataRole.UserRole + 1)
        if retired >= 0 and self.itemData(retired) != code:
            self.removeItem(retired)
        index = self.findData(code)
        if index < 0 and code:
            self.addItem(tr("{code} (nicht mehr angeboten)", code=code), code)
            index = self.count() - 1
            self.setItemData(index, RETIRED, Qt.ItemDataRole.UserRole + 1)
        self.setCurrentIndex(index if index >= 0 else 0)

    def focusOutEvent(self, event) -> None:
        self._settle()
        super().focusOutEvent(event)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is self and new is not None and new is not self.completer().popup():
            self._settle()

    def _settle(self) -> None:
        """Typed text becomes an entry: the one it names, else the first whose label
        contains it (the first the list offered), else the entry selected before. A "–"
        typed after stays out of it."""
        text = self.currentText().replace(NONE_TEXT, "").strip() or self.currentText()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        for loosely in (Qt.MatchFlag.MatchStartsWith, Qt.MatchFlag.MatchContains):
            if index < 0 and text:
                index = self.findText(text, loosely)
        if index < 0:
            index = self.currentIndex()
        if index != self.currentIndex():
            self.setCurrentIndex(index)
        if self.currentText() != self.itemText(index):
            self.setEditText(self.itemText(index))


def _calendar_icon() -> QIcon:
    """A small calendar drawn in code (no image plugin needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#444"), 1))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#444"))
    for row in range(2):
        for col in range(3):
            painter.fillRect(3 + 4 * col, 8 + 3 * row, 2, 2, QColor("#444"))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A date as people type it (``domain.dates``: TT.MM.JJJJ, TT.MM.JJ, TTMMJJ, heute, +1 …),
    shown as TT.MM.JJJJ once the field is left, with a calendar (Alt+↓, F4 or the icon).

    It is one field: Tab leaves it. Up and Down move a day. ``value()`` is the typed date and
    raises ``FieldInputError`` naming the field (its accessible name) for text that is no
    date; ``committed()`` is the last valid date (for filters). An empty optional field is
    ``None``, and its calendar opens near today, or ``years_back`` years ago (birth dates).
    """

    dateChanged = Signal(object)  # date | None, when a valid date is committed

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 years_back: int = 0, parent=None):  # fmt: skip
        super().__init__(parent)
        self.optional = optional
        self.years_back = years_back
        self._committed: date | None = None
        self._picker: QCalendarWidget | None = None
        self.setPlaceholderText(tr("TT.MM.JJJJ") if not optional else tr("TT.MM.JJJJ oder leer"))
        self._help = tr("Datum: TT.MM.JJJJ, TT.MM.JJ, TTMMJJ, „heute“ (h), +1/-1 Tage, "
                        "+2w Wochen, +3m Monate. Kalender: Alt+↓")  # fmt: skip
        self.setToolTip(self._help)
        self.picker_action = self.addAction(
            _calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
        )
        self.picker_action.setToolTip(tr("Kalender öffnen (Alt+↓)"))
        self.picker_action.triggered.connect(self.open_picker)
        self.editingFinished.connect(self._commit)
        self.textEdited.connect(lambda _t: self._mark(None))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_value(value if value is not None or optional else date.today())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(" 00.00.0000 ") + 16 + 24
        return QSize(max(width, self.fontMetrics().horizontalAdvance(self.placeholderText()) + 40),
                     hint.height())  # fmt: skip

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- values -------------------------------------------------------------------------

    def name(self) -> str:
        return self.accessibleName() or tr("Datum")

    def value(self) -> date | None:
        """The date typed; ``FieldInputError`` if the text is no date or a needed one is empty."""
        try:
            typed = parse_typed_date(self.text(), date.today(), past=self.years_back > 0)
        except DateInputError as error:
            self._mark(str(error))
            raise FieldInputError(self.name(), str(error)) from None
        if typed is None and not self.optional:
            self._mark(tr("Datum fehlt."))
            raise FieldInputError(self.name(), tr("Datum fehlt."))
        return typed

    def committed(self) -> date | None:
        return self._committed

    def set_value(self, value: date | None) -> None:
        if value is None and not self.optional:
            value = date.today()
        self._mark(None)
        self.setText(f"{value:%d.%m.%Y}" if value else "")
        changed = value != self._committed
        self._committed = value
        if changed:
            self.dateChanged.emit(value)

    def _commit(self) -> None:
        try:
            typed = self.value()
        except FieldInputError:
            return
        self.set_value(typed)

    def _mark(self, problem: str | None) -> None:
        """Show a text that is no date (red frame, the reason as tooltip and description)."""
        self.setStyleSheet("QLineEdit { border: 2px solid #a40000; }" if problem else "")
        self.setAccessibleDescription(problem or "")
        self.setToolTip(problem or self._help)

    # -- keys and calendar --------------------------------------------------------------

    def focusInEvent(self, event) -> None:
        """Entered by keyboard or by the program, the date is selected: typing replaces it."""
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.selectAll()

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
        ):
            self.open_picker()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
            try:
                current = self.value() or self._picker_start()
            except FieldInputError:
                return
            moved = current + timedelta(days=1 if key == Qt.Key.Key_Up else -1)
            if date(1900, 1, 1) <= moved <= date(2099, 12, 31):  # what typing accepts
                self.set_value(moved)
            self.selectAll()
            return
        super().keyPressEvent(event)

    def _picker_start(self) -> date:
        today = date.today()
        if self.years_back:
            return add_months(today, -12 * self.years_back)
        return today

    def open_picker(self) -> None:
        try:
            start = self.value() or self._picker_start()
        except FieldInputError:
            start = self._picker_start()
        calendar = self.picker
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()

    @property
    def picker(self) -> QCalendarWidget:
        """The calendar popup, made once per field."""
        if self._picker is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setObjectName("datePicker")
            calendar.setGridVisible(True)
            calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            calendar.setAccessibleName(tr("Kalender für {field}", field=self.name()))
            calendar.activated.connect(self._chosen)
            calendar.clicked.connect(self._chosen)
            self._picker = calendar
        return self._picker

    def _chosen(self, day: QDate) -> None:
        self.set_value(date(day.year(), day.month(), day.day()))
        self._picker.hide()
        self.setFocus()
        self.selectAll()


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
