"""Errors the core raises. Messages are German sentences a user can act on.

No message may contain a local personal field (names, birth dates, contacts, notes).
"""

from __future__ import annotations

from dataclasses import dataclass


class KimdeskError(Exception):
    """An expected failure with a message for the user."""


@dataclass(frozen=True)
class Problem:
    """One reason why a record is invalid: the field and a German sentence."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(KimdeskError):
    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))
