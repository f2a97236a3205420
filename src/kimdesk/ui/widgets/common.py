"""Pieces every screen repeats: record tables, the error line, shortcuts, confirmations."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kimdesk.domain.errors import ValidationError

from ..colors import error_color
from ..i18n import tr
from ..labels import FIELD_NAMES
from ..operations import message_for
from .fields import FieldInputError


def record_table(headers: list[str], name: str = "") -> QTableWidget:
    """A read-only table of records: whole rows selected, one at a time."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


def fill_table(table: QTableWidget, rows: Iterable[tuple]) -> None:
    rows = list(rows)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(str(text)))


def list_column(table: QWidget, new_button: QPushButton) -> QWidget:
    """The left side of a list-and-form screen: the list above its "new" button."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    layout.addWidget(new_button)
    return column


def error_label(name: str) -> QLabel:
    """Where a form says in German what is wrong; stays empty otherwise."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {error_color()};")
    return label


def show_error(label: QLabel, error: Exception) -> None:
    """A validation error as its sentences, one per line, each after the field's name;
    anything else as one."""
    if isinstance(error, ValidationError):
        label.setText("\n".join(
            f"{tr(FIELD_NAMES[p.field]) if p.field in FIELD_NAMES else p.field}: {p.message}"
            for p in error.problems
        ))  # fmt: skip
    else:
        label.setText(message_for(error))
    reveal(label)


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so that it is in view (an error below a
    long form on a small screen)."""
    area = widget.parentWidget()
    while area is not None:
        if isinstance(area, QScrollArea) and area.widget() is not None:
            if area.widget().isAncestorOf(widget):
                area.ensureWidgetVisible(widget, 10, 10)
        area = area.parentWidget()


class _Scrolling(QScrollArea):
    def __init__(self, panel: QWidget):
        super().__init__()
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus
        # The panel's own minimum width (a scroll area alone would allow less).
        self.setMinimumWidth(
            panel.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        )
        QApplication.instance().focusChanged.connect(self._follow)  # a method: gone with us

    def sizeHint(self) -> QSize:
        """As wide as the panel wants (a splitter shares by hints), only a little high."""
        panel = self.widget().sizeHint()
        return QSize(panel.width() + self.verticalScrollBar().sizeHint().width(),
                     min(panel.height(), 400))  # fmt: skip

    def _follow(self, _old, new) -> None:
        panel = self.widget()
        if new is not None and panel is not None and panel.isAncestorOf(new):
            self.ensureWidgetVisible(new, 10, 10)


def scrolling(panel: QWidget) -> QScrollArea:
    """A panel that scrolls on a small screen instead of making the window taller; the
    field with the focus is scrolled into view."""
    return _Scrolling(panel)


def read_form(label: QLabel, build):
    """``build()``, or ``None`` after saying in ``label`` which field holds unreadable input
    (or, for a ``build`` that checks what it built, what is not valid)."""
    try:
        return build()
    except (FieldInputError, ValidationError) as error:
        show_error(label, error)
        return None


def ok_cancel(dialog: QDialog, accept: Callable[[], None] | None = None) -> QDialogButtonBox:
    """A dialog's OK and Cancel: OK calls ``accept`` (the dialog's own by default), Cancel
    rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def plain(label_text: str) -> str:
    """A label's text as a screen reader says it: no mnemonic, no colon."""
    return label_text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(": ")


def add_rows(form: QFormLayout, rows) -> None:
    """Labelled rows; each label is the buddy of its field, so its mnemonic reaches it, and
    names it for screen readers and error messages."""
    for text, widget in rows:
        label = QLabel(text)
        label.setBuddy(widget.focusProxy() or widget)
        if text and not widget.accessibleName():
            widget.setAccessibleName(plain(text))
            if widget.focusProxy() is not None:  # the part that takes the focus says it too
                widget.focusProxy().setAccessibleName(plain(text))
        form.addRow(label, widget)


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side, left-aligned."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def shortcuts(widget: QWidget, keys_and_slots: Iterable[tuple[str, Callable]], *,
              only_widget: bool = False) -> None:  # fmt: skip
    """Shortcuts that work while the focus is in ``widget`` (or its children)."""
    context = (Qt.ShortcutContext.WidgetShortcut if only_widget
               else Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
    for keys, slot in keys_and_slots:
        QShortcut(QKeySequence(keys), widget, slot).setContext(context)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose default is no (deleting must be meant)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, yes | no, no) == yes
