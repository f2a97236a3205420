"""What a use case changed, so that every face refreshes only what it shows.

Every service that writes says so where the write happens: it returns a ``Changes``, or a
result with a ``changes`` field (``Changed``). The desktop app runs writes as
``ops.change`` and passes their change set to all screens from one signal (as Anki's
``CollectionOp`` and ``OpChanges``); a screen names what it shows in ``refresh_on``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from kimdesk.domain.registry import Kind


class Change(StrEnum):
    """What can change: each entity (``domain.registry.Kind``) and the rest of a store."""

    CLIENT = Kind.CLIENT.value
    CASE = Kind.CASE.value
    GOAL = Kind.GOAL.value
    CONSULTATION = Kind.CONSULTATION.value
    GROUP_OFFER = Kind.GROUP_OFFER.value
    GROUP_SESSION = Kind.GROUP_SESSION.value
    STRUCTURAL_NEED = Kind.STRUCTURAL_NEED.value
    #: Bundles written (a device) or merged (the office).
    BUNDLE = "bundle"
    CONFLICT = "conflict"
    #: Enrolled devices, trusted offices.
    PEER = "peer"
    #: The computer's settings (language, usual town hall, …).
    SETTINGS = "settings"
    #: The county profile: catalogs and the county's settings (a new version).
    PROFILE = "profile"


#: Every entity's change.
RECORDS = tuple(Change(kind) for kind in Kind)


@dataclass(frozen=True)
class Changes:
    touched: frozenset[Change] = frozenset()

    @classmethod
    def of(cls, *names: str) -> Changes:
        """The change set of these names; a name that is no ``Change`` raises ValueError."""
        return cls(frozenset(map(Change, names)))

    def touches(self, *names: str) -> bool:
        return not self.touched.isdisjoint(map(Change, names))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.touched | other.touched)

    def __bool__(self) -> bool:
        return bool(self.touched)


NOTHING = Changes()


@runtime_checkable
class Changed(Protocol):
    """A service's result that says what it changed."""

    @property
    def changes(self) -> Changes: ...


def changes_of(result: object) -> Changes | None:
    """The change set a result carries, or ``None`` if it carries none."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, Changed) and isinstance(result.changes, Changes):
        return result.changes
    return None
