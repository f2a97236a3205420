"""Reporting periods (issue 20): a year, a half-year or a quarter, one way of writing each."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.periods import Period, parse_period

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "key", "start", "end", "label"),
    [("2023", "2023", date(2023, 1, 1), date(2023, 12, 31), "2023"),
     ("2023-H1", "2023-H1", date(2023, 1, 1), date(2023, 6, 30), "1. Halbjahr 2023"),
     (" 2023-h2 ", "2023-H2", date(2023, 7, 1), date(2023, 12, 31), "2. Halbjahr 2023"),
     ("2024-Q1", "2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "1. Quartal 2024"),
     ("2023-q2", "2023-Q2", date(2023, 4, 1), date(2023, 6, 30), "2. Quartal 2023"),
     ("2023-Q4", "2023-Q4", date(2023, 10, 1), date(2023, 12, 31), "4. Quartal 2023")],
)  # fmt: skip
def test_periods_parse_to_their_days(text, key, start, end, label):
    period = parse_period(text, today=TODAY)
    assert (period.key, period.start, period.end, period.label) == (key, start, end, label)
    assert parse_period(period.key, today=TODAY) == period


@pytest.mark.parametrize(
    "text", ["", "23", "2023-H3", "2023-Q5", "2023-Q0", "2023-1", "2023/Q2", "Q2-2023",
             "2023-M05", "2023 H1", "２０２３"],
)  # fmt: skip
def test_other_texts_are_refused_with_the_forms_that_work(text):
    with pytest.raises(KimdeskError, match="erlaubt sind ein Jahr"):
        parse_period(text, today=TODAY)


def test_years_outside_the_reporting_years_are_refused():
    with pytest.raises(KimdeskError, match="Berichtsjahre 2020 bis 2026"):
        parse_period("2019", today=TODAY)
    with pytest.raises(KimdeskError, match="Berichtsjahre"):
        parse_period("2027-Q1", today=TODAY)
    assert not parse_period("2026-Q4", today=TODAY).ended_by(TODAY)
    assert parse_period("2026-Q3", today=TODAY).ended_by(TODAY)


@given(st.dates(date(2020, 1, 1), date(2026, 12, 31)))
def test_every_day_lies_in_one_quarter_one_half_and_its_year(day):
    for kind, count in (("Q", 4), ("H", 2), ("Y", 1)):
        holding = [n for n in range(1, count + 1) if Period(day.year, kind, n).contains(day)]
        assert len(holding) == 1
    quarters = [Period(day.year, "Q", n) for n in range(1, 5)]
    for before, after in zip(quarters, quarters[1:], strict=False):
        assert before.end + timedelta(days=1) == after.start  # no gap, no overlap
