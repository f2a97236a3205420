"""Colours that keep their contrast in any palette (Windows' high-contrast themes included).

Colour never says anything alone: every marked row or message also says it in words. Marked
table cells get a dark text with their light background; messages in red are light red on a
dark window.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTableWidgetItem

#: Backgrounds of marked table rows: a difference or warning, a refusal.
NOTICE = QColor("#fbeec9")
REFUSED = QColor("#f6d5d3")
_DARK_TEXT = QColor("#1a1a1a")


def _dark_window() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_color() -> str:
    """Red for error text, readable on the window's background (4.5:1 or more)."""
    return "#ff9c9c" if _dark_window() else "#a40000"


def warning_color() -> str:
    return "#ffd27f" if _dark_window() else "#7a4f00"


def mark(item: QTableWidgetItem, background: QColor) -> None:
    """A marked cell: the light background with dark text, whatever the palette's text."""
    item.setBackground(background)
    item.setForeground(_DARK_TEXT)
