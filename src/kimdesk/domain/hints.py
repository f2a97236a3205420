"""Does a text look like it names a person? The soft check of texts that leave the device.

A structural need's challenge goes to the district office and into its reports, so it must not
name anybody. The device's form asks before saving; the office runs the same check on every
text that arrives and lists what it found as warnings (never the text itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Hint:
    """Something in a text that looks like personal data: its ``kind`` (birth_date, email,
    phone, name, address) and the matched text (shown to the user only, never logged)."""

    kind: str
    found: str


_BIRTH_DATE = "birth_date"
#: Patterns that look like personal data, with the kind of data they look like.
_SUSPICIOUS = (
    (re.compile(r"\b(?:geb\.|geboren)", re.IGNORECASE), _BIRTH_DATE),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "email"),
    (re.compile(r"(?:\+\d{2}|\b0)[\d ()/-]{6,}\d"), "phone"),
    (re.compile(r"\b(?:Herr|Frau|Hr\.|Fr\.|Familie)\s+[A-ZÄÖÜ]\w*"), "name"),
    (re.compile(r"\b[A-ZÄÖÜ]\w+(?:straße|strasse|str\.|weg|gasse|allee)\s+\d+"), "address"),
)
#: A German date; whether it could be a birth date depends on its year.
_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(\d{4}|\d{2})\b")


def _birth_date(text: str, today: date) -> str | None:
    """The first date that lies far enough back to be somebody's birthday (recent dates,
    "seit dem 01.03.2024", are common in these texts and harmless)."""
    for found in _DATE.finditer(text):
        year = int(found.group(1))
        if year < 100:  # "3.4.85": a two-digit year is read as the closest past one
            year += 2000 if year <= today.year % 100 else 1900
        if 1900 <= year <= today.year - 10:
            return found.group(0)
    return None


def personal_data_hints(text: str | None, today: date | None = None) -> list[Hint]:
    """What in a text looks like personal data, each kind once, in the order of the checks."""
    text = text or ""
    hints: dict[str, Hint] = {}
    day = _birth_date(text, today or date.today())
    if day:
        hints[_BIRTH_DATE] = Hint(_BIRTH_DATE, day)
    for pattern, kind in _SUSPICIOUS:
        found = pattern.search(text)
        if found and kind not in hints:
            hints[kind] = Hint(kind, found.group(0).strip())
    return list(hints.values())
