"""Dates as people type them into a form.

``TT.MM.JJJJ``, ``TT.MM.JJ`` (00–69 → 20xx, 70–99 → 19xx, as the legacy import reads it),
``TT.MM.`` and ``TTMM`` (this year), ``TTMMJJ`` and ``TTMMJJJJ`` without dots, ``heute`` or ``h``, and
``+N``/``-N`` days from today (``+2w`` weeks, ``+3m`` months). Separators may be dots,
slashes, hyphens or spaces; ISO ``JJJJ-MM-TT`` is read too.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_RELATIVE = re.compile(r"([+-])\s*(\d{1,4})\s*([tdwm]?)")
_PARTS = re.compile(r"(\d{1,2})[./\- ](\d{1,2})(?:[./\- ](\d{2}|\d{4}))?[./\- ]?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"\d{4}|\d{6}|\d{8}")
_TODAY = {"h", "heute", "t", "today"}
_WRITTEN_DE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_WRITTEN_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class DateInputError(ValueError):
    """Typed text that is no date; the message is a German sentence."""


def full_year(two_digits: int) -> int:
    """The pivot of the legacy import: 00–69 are 2000–2069, 70–99 are 1970–1999."""
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits


def _two_digits(yy: int, today: date, past: bool) -> int:
    if not past:
        return full_year(yy)
    year = today.year - today.year % 100 + yy
    return year - 100 if year > today.year else year


def written_date(text: str) -> date:
    """A date as a list or a command line writes it: ``TT.MM.JJJJ``, ``TT.MM.JJ`` (the pivot
    of ``full_year``) or ISO ``JJJJ-MM-TT``; else ``DateInputError`` with a German reason."""
    text = text.strip()
    match = _WRITTEN_DE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year = full_year(year)
    else:
        match = _WRITTEN_ISO.fullmatch(text)
        if not match:
            raise DateInputError(f"„{text}“ ist kein Datum (TT.MM.JJJJ, TT.MM.JJ oder JJJJ-MM-TT).")
        year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(f"„{text}“ ist ein unmögliches Datum.") from None


def as_date(value) -> date:
    """A date read back from a store: raw SQL and aggregates (``max``) on SQLite hand a date
    column back as ISO text, mapped columns as a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), the month's last day where it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_typed_date(text: str, today: date, *, past: bool = False) -> date | None:
    """The date ``text`` names, ``None`` for empty text; ``DateInputError`` otherwise.

    ``past`` (birth dates): a two-digit year is the latest one not after this year, so
    "12.05.65" is 1965 and "01.01.26" is 1926 in 2025, not the legacy pivot's 2026.
    """
    typed = text.strip().casefold()
    if not typed or typed == "–":
        return None
    if typed in _TODAY:
        return today
    if m := _RELATIVE.fullmatch(typed):
        sign = 1 if m[1] == "+" else -1
        n, unit = int(m[2]) * sign, m[3]
        try:
            if unit == "m":
                meant = add_months(today, n)
            else:
                meant = today + timedelta(days=n * (7 if unit == "w" else 1))
        except (ValueError, OverflowError):
            meant = date.max
        if not 1900 <= meant.year <= 2099:
            raise DateInputError(f"„{text.strip()}“ liegt zu weit entfernt.")
        return meant
    if m := _ISO.fullmatch(typed):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _PARTS.fullmatch(typed):
        day, month = int(m[1]), int(m[2])
        year = today.year if m[3] is None else int(m[3])
        if m[3] is not None and len(m[3]) == 2:
            year = _two_digits(year, today, past)
    elif _DIGITS.fullmatch(typed):
        day, month = int(typed[:2]), int(typed[2:4])
        rest = typed[4:]
        year = (
            today.year
            if not rest
            else _two_digits(int(rest), today, past)
            if len(rest) == 2
            else int(rest)
        )
    else:
        raise DateInputError(
            f"„{text.strip()[:20]}“ ist kein Datum. Bitte TT.MM.JJJJ eingeben "
            "(auch TT.MM.JJ, TTMMJJ, „heute“ oder +1/-1)."
        )
    if not 1900 <= year <= 2099:
        raise DateInputError(f"Das Jahr {year} ist nicht möglich (1900 bis 2099).")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(f"Den {day:02d}.{month:02d}.{year} gibt es nicht.") from None
