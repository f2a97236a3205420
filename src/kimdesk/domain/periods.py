"""Reporting periods (issue 20): what a county reports to the Land and the Land compares —
a year (``2023``), a half-year (``2023-H1``) or a quarter (``2023-Q2``), each a closed range
of days. A period is written one way only (its ``key``), so two reports of the same county
and period are recognised as the same even when typed differently (``2023-h1``, `` 2023-Q2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import KimdeskError
from .text import printable

_PERIOD = re.compile(r"([0-9]{4})(?:-([HQ])([1-4]))?")
#: Years a report may cover: KIM began in 2020; a period that has not begun is refused.
FIRST_YEAR = 2020


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str  # "Y" (year), "H" (half-year) or "Q" (quarter)
    number: int  # 1 for a year; 1–2 for a half-year; 1–4 for a quarter

    @property
    def key(self) -> str:
        """The one way the period is written: 2023, 2023-H1, 2023-Q2."""
        return str(self.year) if self.kind == "Y" else f"{self.year}-{self.kind}{self.number}"

    @property
    def months(self) -> int:
        return {"Y": 12, "H": 6, "Q": 3}[self.kind]

    @property
    def start(self) -> date:
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        last_month = self.number * self.months
        if last_month == 12:
            return date(self.year, 12, 31)
        return date(self.year, last_month + 1, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        """German, as a committee reads it: "2023", "1. Halbjahr 2023", "2. Quartal 2023"."""
        if self.kind == "Y":
            return str(self.year)
        return f"{self.number}. {'Halbjahr' if self.kind == 'H' else 'Quartal'} {self.year}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def ended_by(self, today: date) -> bool:
        """Whether the period is over on ``today`` (a report of a running period is partial)."""
        return today > self.end


def parse_period(text: str, *, today: date | None = None) -> Period:
    """``2023``, ``2023-H1`` or ``2023-Q2`` (case and surrounding spaces do not matter); any
    other text is refused with the forms that work."""
    cleaned = text.strip().upper() if isinstance(text, str) else ""
    match = _PERIOD.fullmatch(cleaned)
    if not match or (match.group(2) == "H" and match.group(3) not in ("1", "2")):
        raise KimdeskError(
            f"„{printable(str(text), 40)}“ ist kein Zeitraum: erlaubt sind ein Jahr (2023), ein "
            "Halbjahr (2023-H1, 2023-H2) oder ein Quartal (2023-Q1 bis 2023-Q4)."
        )
    year = int(match.group(1))
    latest = (today or date.today()).year
    if not FIRST_YEAR <= year <= latest:
        raise KimdeskError(f"Das Jahr {year} liegt außerhalb der Berichtsjahre {FIRST_YEAR} bis "
                           f"{latest}.")  # fmt: skip
    chosen = Period(year, "Y", 1) if match.group(2) is None else \
        Period(year, match.group(2), int(match.group(3)))  # fmt: skip
    if chosen.start > (today or date.today()):
        raise KimdeskError(f"Der Zeitraum {chosen.key} hat noch nicht begonnen.")
    return chosen
