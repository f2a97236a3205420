"""Accessible as public-sector software must be (BITV 2.0 / EN 301 549, issue 16): every
control a keyboard reaches has a name a screen reader says, errors are not said by colour
alone, and the app stays usable with a high-contrast palette and at 200 % text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

from tests.conftest import CM_PASS, OFFICE_PASS

from .screen_sizes import USABLE


def reachable(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches in ``root``, without the inner parts of composite widgets."""
    found = []
    for w in root.findChildren(QWidget):
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisibleTo(root):
            continue
        if isinstance(w, QScrollBar | QTabBar):
            continue
        parent = w.parentWidget()
        if isinstance(w, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
            continue  # the editor inside a combo box or spin box: the box has the name
        if any(isinstance(a, QCalendarWidget) for a in ancestors(w)):
            continue
        if (
            isinstance(w, QAbstractScrollArea)
            and not w.viewport().findChildren(QWidget)
            and (w.objectName() == "" and type(w).__name__ == "QScrollArea")
        ):
            continue
        found.append(w)
    return found


def ancestors(w: QWidget):
    while (w := w.parentWidget()) is not None:
        yield w


def spoken_name(w: QWidget) -> str:
    """What a screen reader says: the accessible name, or what Qt derives (a buddy label,
    a button's text)."""
    interface = QAccessible.queryAccessibleInterface(w)
    return (interface.text(QAccessible.Text.Name) if interface else "") or w.accessibleName()


@pytest.mark.parametrize("role", ["cm", "office"])
def test_every_control_the_keyboard_reaches_has_a_name(make_window, cm_file, office_file, role):
    window = make_window(cm_file, CM_PASS) if role == "cm" else make_window(office_file,
                                                                               OFFICE_PASS)  # fmt: skip
    nameless = []
    for screen in window.screens:
        window.show_screen(screen)
        QApplication.processEvents()
        for w in reachable(screen):
            if not spoken_name(w).strip():
                nameless.append(f"{type(screen).__name__}: {type(w).__name__} "
                                f"{w.objectName()!r} {getattr(w, 'placeholderText', lambda: '')()!r}")  # fmt: skip
    assert nameless == [], "\n".join(nameless)


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def high_contrast(qapp):
    """Windows' "Kontrast Schwarz": white text on black, yellow selection."""
    old = QApplication.palette()
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#000000"),
                        (QPalette.ColorRole.WindowText, "#ffffff"),
                        (QPalette.ColorRole.Base, "#000000"), (QPalette.ColorRole.Text, "#ffffff"),
                        (QPalette.ColorRole.Button, "#000000"),
                        (QPalette.ColorRole.ButtonText, "#ffffff"),
                        (QPalette.ColorRole.Highlight, "#ffff00"),
                        (QPalette.ColorRole.HighlightedText, "#000000")):  # fmt: skip
        palette.setColor(role, QColor(color))
    QApplication.setPalette(palette)
    yield palette
    QApplication.setPalette(old)


def test_messages_and_marks_keep_their_contrast_in_a_high_contrast_palette(high_contrast):
    from PySide6.QtWidgets import QTableWidgetItem

    from kimdesk.ui import colors
    from kimdesk.ui.widgets.common import error_label

    label = error_label("probe")
    color = QColor(label.styleSheet().split("color:")[1].strip(" ;"))
    assert contrast(color, high_contrast.color(QPalette.ColorRole.Window)) >= 4.5
    item = QTableWidgetItem("3")
    colors.mark(item, colors.NOTICE)
    assert contrast(item.foreground().color(), item.background().color()) >= 4.5


def test_at_200_percent_text_every_screen_stays_reachable(qapp, make_window, cm_file):
    old = QApplication.font()
    big = QFont(old)
    big.setPointSizeF(old.pointSizeF() * 2)
    QApplication.setFont(big)
    try:
        window = make_window(cm_file, CM_PASS)
        for screen in window.screens:
            window.show_screen(screen)
            QApplication.processEvents()
            # The page scrolls instead of the window outgrowing the screen.
            need = window.minimumSizeHint()
            assert need.width() <= USABLE[0] and need.height() <= USABLE[1], type(screen)
            page = window.tabs.currentWidget()
            assert page.widget() is screen
    finally:
        QApplication.setFont(old)


def test_every_control_of_the_dialogs_has_a_name(make_window, cm_file, ui_settings):
    from kimdesk.ui.audit import AuditDialog
    from kimdesk.ui.cases.screen import CloseDialog
    from kimdesk.ui.help import HelpDialog
    from kimdesk.ui.legacy import LegacyImportDialog
    from kimdesk.ui.operations import Operations
    from kimdesk.ui.screen import Context
    from kimdesk.ui.settings_dialog import SettingsDialog
    from kimdesk.ui.wizard import SetupWizard

    window = make_window(cm_file, CM_PASS)
    ctx = window.ctx
    dialogs = [SettingsDialog(ctx, window), AuditDialog(ctx, window),
               LegacyImportDialog(ctx, window), HelpDialog("casemanager", window),
               CloseDialog(ctx, window)]  # fmt: skip
    wizard = SetupWizard(Context(Operations(serial=True), ui_settings), cm_file.with_name("n.kdb"))
    nameless = []
    for dialog in [*dialogs, wizard]:
        dialog.show()
        pages = [wizard.page(i) for i in wizard.pageIds()] if dialog is wizard else [dialog]
        for page in pages:
            for w in reachable(page) if dialog is not wizard else page.findChildren(QWidget):
                if dialog is wizard and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
                    continue
                if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), QComboBox):
                    continue
                if any(isinstance(a, QComboBox) or type(a).__name__.startswith("QComboBox")
                       for a in ancestors(w)):  # fmt: skip
                    continue  # a combo box's popup list
                if not spoken_name(w).strip():
                    nameless.append(f"{type(dialog).__name__}: {type(w).__name__} "
                                    f"{w.objectName()!r}")  # fmt: skip
        dialog.close()
    wizard.ctx.ops.shutdown()
    assert nameless == [], "\n".join(nameless)
