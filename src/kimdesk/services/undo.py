"""Undo: the user's operations as steps on a stack, each taken back exactly.

A step holds every record an operation wrote, as it was before (``None``: it did not exist)
and as the operation left it. Saves, deletions, closing and reopening a case are steps; an
erasure of personal data is not (it is meant to be final), and a save that changed nothing
is no step at all. The stack lives in memory only and is emptied when the window locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kimdesk.domain.entities import Record


class Action(StrEnum):
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    CLOSE = "close"
    REOPEN = "reopen"


@dataclass(frozen=True)
class Step:
    action: Action
    records: tuple[tuple[Record | None, Record], ...]  # (before, after), in write order

    @property
    def main(self) -> Record:
        """The record the step is named after (the last written: a case after its client)."""
        return self.records[-1][1]


class UndoStack:
    """The most recent steps, newest last; older ones drop off beyond ``limit``."""

    def __init__(self, limit: int = 50):
        self.limit = limit
        self._steps: list[Step] = []

    def push(self, step: Step) -> None:
        self._steps.append(step)
        del self._steps[: -self.limit]

    def top(self) -> Step | None:
        return self._steps[-1] if self._steps else None

    def pop(self, step: Step) -> None:
        """Remove ``step`` (taken back, or found impossible to take back)."""
        self._steps = [s for s in self._steps if s is not step]

    def clear(self) -> None:
        self._steps.clear()

    def __len__(self) -> int:
        return len(self._steps)
