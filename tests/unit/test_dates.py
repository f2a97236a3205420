"""Dates as people type them (issue 16): every documented form, and what is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kimdesk.domain.dates import DateInputError, add_months, full_year, parse_typed_date

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("17.11.2026", date(2026, 11, 17)),
        (" 1.2.2026 ", date(2026, 2, 1)),
        ("09.01.23", date(2023, 1, 9)),
        ("12.03.88", date(1988, 3, 12)),
        ("12.03.", date(2026, 3, 12)),
        ("1203", date(2026, 3, 12)),
        ("120388", date(1988, 3, 12)),
        ("12031988", date(1988, 3, 12)),
        ("12/03/1988", date(1988, 3, 12)),
        ("12-03-1988", date(1988, 3, 12)),
        ("1988-03-12", date(1988, 3, 12)),
        ("heute", TODAY),
        ("H", TODAY),
        ("+1", date(2026, 11, 25)),
        ("-1", date(2026, 11, 23)),
        ("+2w", date(2026, 12, 8)),
        ("+3m", date(2027, 2, 24)),
        ("-9m", date(2026, 2, 24)),
        ("", None),
        ("  ", None),
        ("–", None),
    ],
)
def test_what_people_type(typed, meant):
    assert parse_typed_date(typed, TODAY) == meant


def test_birth_dates_read_two_digit_years_in_the_past():
    today = date(2025, 6, 1)
    assert parse_typed_date("12.05.65", today, past=True) == date(1965, 5, 12)
    assert parse_typed_date("120565", today, past=True) == date(1965, 5, 12)
    assert parse_typed_date("01.01.26", today, past=True) == date(1926, 1, 1)
    assert parse_typed_date("01.01.25", today, past=True) == date(2025, 1, 1)
    assert parse_typed_date("12.05.65", today) == date(2065, 5, 12)  # other fields: the pivot


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("31.02.2026", "Den 31.02.2026 gibt es nicht."),
        ("12.02.2411", "Das Jahr 2411 ist nicht möglich"),
        ("–2031988", "ist kein Datum"),
        ("morgen", "ist kein Datum"),
        ("12.13.1988", "Den 12.13.1988 gibt es nicht."),
        ("+99999", "ist kein Datum"),
        ("+9999m", "liegt zu weit entfernt"),
    ],
)
def test_what_is_refused_says_why(typed, says):
    with pytest.raises(DateInputError, match=says):
        parse_typed_date(typed, TODAY)


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)))
def test_every_shown_date_reads_back(day):
    assert parse_typed_date(f"{day:%d.%m.%Y}", TODAY) == day
    assert parse_typed_date(f"{day:%d%m%Y}", TODAY) == day
    assert parse_typed_date(f"{day:%Y-%m-%d}", TODAY) == day


@given(st.dates(date(1970, 1, 1), date(2069, 12, 31)))
def test_two_digit_years_use_the_legacy_pivot(day):
    assert parse_typed_date(f"{day:%d.%m.%y}", TODAY) == day
    assert parse_typed_date(f"{day:%d%m%y}", TODAY) == day
    assert full_year(day.year % 100) == day.year


@given(st.integers(-600, 600))
def test_months_keep_the_day_or_take_the_months_last(n):
    later = add_months(date(2024, 1, 31), n)
    assert (later.year * 12 + later.month) - (2024 * 12 + 1) == n
    assert later.day == 31 or (later + timedelta(days=1)).day == 1


def test_a_written_date_as_lists_and_command_lines_give_it():
    from kimdesk.domain.dates import written_date

    assert written_date(" 09.01.2023 ") == date(2023, 1, 9)
    assert written_date("9.1.23") == date(2023, 1, 9) and written_date("1.1.75") == date(1975, 1, 1)
    assert written_date("2023-01-09") == date(2023, 1, 9)
    for text, reason in (("31.02.2023", "unmögliches Datum"), ("2023-1-9", "kein Datum"),
                         ("Januar 2023", "kein Datum"), ("09.01.2023x", "kein Datum")):  # fmt: skip
        with pytest.raises(DateInputError, match=reason):
            written_date(text)
