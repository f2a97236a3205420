"""Type-ahead inputs for quick entry: a checklist and a single-choice picker.

Both filter their entries as the user types and act on the best match with Enter, so a
topic costs two or three keystrokes ("wo" Enter → Wohnen). Matching ignores case and
accents ("amter" finds "Ämter") and ranks label starts before codes and aliases, word
starts, and finally any part of the label.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    terms: tuple[str, ...] = ()  # codes, aliases: also matched
    _folded: tuple[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_folded", (fold(self.label), tuple(fold(t) for t in self.terms)))

    def rank(self, typed: str) -> int | None:
        """0 best … 3 worst; ``None`` when the entry does not match."""
        label, terms = self._folded
        if label.startswith(typed):
            return 0
        if any(t.startswith(typed) for t in terms):
            return 1
        words = label.replace("/", " ").replace("-", " ").replace("(", " ").split()
        if any(w.startswith(typed) for w in words):
            return 2
        if typed in label or any(typed in t for t in terms):
            return 3
        return None


def best_matches(entries: list[Entry], typed: str) -> list[Entry]:
    typed = fold(typed.strip())
    if not typed:
        return list(entries)
    ranked = [(r, i, e) for i, e in enumerate(entries) if (r := e.rank(typed)) is not None]
    return [e for _r, _i, e in sorted(ranked, key=lambda t: (t[0], t[1]))]


def catalog_entries(catalog, name: str, language: str = "de") -> list[Entry]:
    return [
        Entry(e.code, e.label(language), (e.code, *e.aliases)) for e in catalog.entries_of(name)
    ]


class _FilterEdit(QLineEdit):
    """Sends Up/Down to the list below while the focus stays here."""

    moved = Signal(int)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.moved.emit(1)
        elif event.key() == Qt.Key.Key_Up:
            self.moved.emit(-1)
        else:
            super().keyPressEvent(event)


class _TypeAhead(QWidget):
    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.edit = _FilterEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.textEdited.connect(self._filter)
        self.edit.returnPressed.connect(self._enter)
        self.edit.moved.connect(self._move)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemClicked.connect(self._clicked)
        self.setFocusProxy(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = list(entries)
        self._filter(self.edit.text())

    def _make_item(self, entry: Entry) -> QListWidgetItem:
        item = QListWidgetItem(entry.label)
        item.setData(Qt.ItemDataRole.UserRole, entry.key)
        return item

    def _filter(self, text: str) -> None:
        self.list.clear()
        for entry in best_matches(self.entries, text):
            self.list.addItem(self._make_item(entry))
        if self.list.count():
            self.list.setCurrentRow(0)

    def _move(self, step: int) -> None:
        if self.list.count():
            row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
            self.list.setCurrentRow(row)

    def _enter(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._take(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        self._take(item)

    def _take(self, item: QListWidgetItem) -> None:
        raise NotImplementedError


class TypeAheadChecklist(_TypeAhead):
    """Several codes. Enter checks (or unchecks) the best match and clears the filter;
    Backspace in the empty filter unchecks the last one."""

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(placeholder or tr("Tippen, Eingabe wählt"), parent)
        self._checked: list[str] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("checkedSummary")
        self.layout().insertWidget(1, self.summary)
        self.edit.installEventFilter(self)
        self._show_summary()

    def _make_item(self, entry: Entry) -> QListWidgetItem:
        item = super()._make_item(entry)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        checked = entry.key in self._checked
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def checked(self) -> list[str]:
        return list(self._checked)

    def set_checked(self, keys) -> None:
        self._checked = [k for k in keys]
        self.edit.clear()
        self._filter("")
        self._show_summary()
        self.changed.emit()

    def toggle(self, key: str) -> None:
        if key in self._checked:
            self._checked.remove(key)
        else:
            self._checked.append(key)
        self._show_summary()
        self.changed.emit()

    def _take(self, item: QListWidgetItem) -> None:
        self.toggle(item.data(Qt.ItemDataRole.UserRole))
        self.edit.clear()
        self._filter("")
        self.edit.setFocus()

    def _show_summary(self) -> None:
        labels = {e.key: e.label for e in self.entries}
        names = [labels.get(k, k) for k in self._checked]
        self.summary.setText(
            tr("Gewählt: {names}", names=", ".join(names)) if names else tr("Nichts gewählt")
        )

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.edit
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and not self.edit.text()
            and self._checked
        ):
            self.toggle(self._checked[-1])
            self._filter("")
            return True
        return super().eventFilter(watched, event)


class ChoicePicker(_TypeAhead):
    """One choice (or none). The matches show while typing; Enter takes the best one and
    moves on to the next field."""

    chosen = Signal(object)  # the key, or None when cleared

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(placeholder, parent)
        self._key: str | None = None
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self._typed)
        self.list.setVisible(False)

    def key(self) -> str | None:
        return self._key

    def _filter(self, text: str) -> None:
        if not text.strip():  # nothing typed: the list is hidden; thousands of items can wait
            self.list.clear()
            return
        super()._filter(text)

    def set_key(self, key: str | None) -> None:
        self._key = key
        label = next((e.label for e in self.entries if e.key == key), "") if key else ""
        self.edit.setText(label)
        self.list.setVisible(False)

    def _typed(self, text: str) -> None:
        if self._key is not None:
            self._key = None
            self.chosen.emit(None)
        rows = min(self.list.count(), 6)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 6 if rows else 0)
        self.list.setVisible(bool(text.strip()) and rows > 0)

    def _enter(self) -> None:
        if self.list.isVisible():
            super()._enter()
        elif self._key is not None or not self.edit.text():
            self.focusNextChild()

    def _take(self, item: QListWidgetItem) -> None:
        self.set_key(item.data(Qt.ItemDataRole.UserRole))
        self.chosen.emit(self._key)
        self.focusNextChild()
