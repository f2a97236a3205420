"""The one date field, typed into key by key as people type (issue 16): Tab leaves it,
typing replaces a selected date, empty optional dates take a typed one whole, the calendar
opens near the date meant, and errors name the field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kimdesk.domain.dates import add_months
from kimdesk.services import cases
from kimdesk.ui.cases.screen import CasesScreen
from kimdesk.ui.consultations.screen import ConsultationsScreen
from kimdesk.ui.widgets.fields import DateField

from .conftest import in_store


def typed(qtbot, text: str) -> None:
    """Key by key into whatever has the focus, as a keyboard does."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def grid(picker):
    """The calendar's day grid, where its keys go."""
    from PySide6.QtWidgets import QTableView

    return picker.findChild(QTableView)


def tab(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


@pytest.fixture
def case_screen(qtbot, cm_window) -> CasesScreen:
    screen = cm_window.screen(CasesScreen)
    with qtbot.waitActive(cm_window):
        cm_window.activateWindow()
    cm_window.show_screen(screen)
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return screen


def test_tab_leaves_the_birth_date_and_the_phone_lands_in_the_phone_field(qtbot, case_screen):
    form = case_screen.client_form
    typed(qtbot, "Olena")
    tab(qtbot)
    typed(qtbot, "Kovalenko")
    tab(qtbot)
    assert QApplication.focusWidget() is form.birth
    typed(qtbot, "12.02.1988")
    tab(qtbot)
    assert QApplication.focusWidget() is form.phone
    typed(qtbot, "0171555")
    assert form.birth.text() == "12.02.1988" and form.phone.text() == "0171555"
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [line] = in_store(case_screen.window(), lambda ws: cases.case_lines(ws))
    file = in_store(case_screen.window(), lambda ws: cases.case_file(ws, line.case_id))
    assert file.client.birth_date == date(1988, 2, 12) and file.client.phone == "0171555"


@pytest.mark.parametrize(
    ("keys", "meant"),
    [("17.11.2026", date(2026, 11, 17)), ("24.11.2026", date(2026, 11, 24)),
     ("170326", date(2026, 3, 17)), ("h", None), ("-1", None)],
)  # fmt: skip
def test_typing_over_the_selected_date_replaces_it(qtbot, cm_window, keys, meant):
    screen = cm_window.screen(ConsultationsScreen)
    with qtbot.waitActive(cm_window):
        cm_window.activateWindow()
    cm_window.show_screen(screen)
    day = screen.entry.day
    qtbot.keyClick(screen.entry, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Dat&um
    assert QApplication.focusWidget() is day and day.selectedText() == day.text()
    typed(qtbot, keys)
    tab(qtbot)
    expected = meant or (date.today() if keys == "h" else date.today() - timedelta(days=1))
    assert day.value() == expected and day.text() == f"{expected:%d.%m.%Y}"


def test_an_empty_birth_date_takes_a_typed_date_whole(qtbot, case_screen):
    birth = case_screen.client_form.birth
    assert birth.text() == "" and birth.value() is None
    birth.setFocus()
    typed(qtbot, "12.03.1988")
    tab(qtbot)
    assert birth.value() == date(1988, 3, 12)


def test_up_and_down_move_a_day(qtbot, case_screen):
    opened = case_screen.case_form.opened
    opened.setFocus()
    qtbot.keyClick(opened, Qt.Key.Key_Down)
    assert opened.value() == date.today() - timedelta(days=1)


def test_the_calendar_of_an_empty_optional_date_opens_near_the_date_meant(qtbot, case_screen):
    birth = case_screen.client_form.birth
    birth.setFocus()
    qtbot.keyClick(birth, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    picker = birth.picker
    assert picker.isVisible()
    shown = picker.selectedDate()
    thirty = add_months(date.today(), -360)
    assert (shown.year(), shown.month()) == (thirty.year, thirty.month)
    qtbot.keyClick(grid(picker), Qt.Key.Key_Escape)
    assert birth.value() is None  # Esc chose nothing
    assert not picker.isVisible()

    window = case_screen.window()
    screen = window.screen(ConsultationsScreen)
    window.show_screen(screen)
    since = screen.filters.date_from  # the list's "von": empty, its calendar opens on today
    since.setFocus()
    qtbot.keyClick(since, Qt.Key.Key_F4)
    shown = since.picker.selectedDate()
    assert (shown.year(), shown.month()) == (date.today().year, date.today().month)
    qtbot.keyClick(grid(since.picker), Qt.Key.Key_Left)
    qtbot.keyClick(grid(since.picker), Qt.Key.Key_Return)
    assert since.value() == since.committed() == date.today() - timedelta(days=1)
    assert QApplication.focusWidget() is since


def test_errors_name_the_field(qtbot, case_screen):
    form = case_screen.client_form
    form.family.setText("Haidari")
    form.birth.setFocus()
    typed(qtbot, "31.02.1988")
    tab(qtbot)
    assert form.birth.text() == "31.02.1988"  # kept, to be corrected, not lost
    assert "31.02.1988 gibt es nicht" in form.birth.accessibleDescription()
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert case_screen.message.text().startswith("Geburtsdatum: Den 31.02.1988 gibt es nicht.")
    assert in_store(case_screen.window(), lambda ws: cases.case_lines(ws)) == []

    form.birth.selectAll()
    form.birth.setFocus()
    typed(qtbot, f"{date.today() + timedelta(days=40):%d.%m.%Y}")
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert case_screen.message.text() == "Geburtsdatum: Das Datum liegt in der Zukunft."


def test_every_date_in_the_app_is_the_one_date_field(cm_window, office_window):
    from PySide6.QtWidgets import QDateEdit

    for window in (cm_window, office_window):
        for screen in window.screens:
            assert screen.findChildren(QDateEdit) == []
        assert any(s.findChildren(DateField) for s in window.screens)


def test_up_and_down_stop_at_the_range_typing_accepts(qtbot, case_screen):
    birth = case_screen.client_form.birth
    birth.setFocus()
    birth.set_value(date(1900, 1, 1))
    qtbot.keyClick(birth, Qt.Key.Key_Down)
    assert birth.value() == date(1900, 1, 1)
