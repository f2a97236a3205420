"""What a use case changed, so that every face refreshes only what it shows.

Every service that writes returns a ``Changes`` (or a result carrying one as ``.changes``);
the desktop app passes it to all screens from one signal (as Anki's ``OpChanges``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Names besides the entity names of ``kimdesk.store.records.ENTITY_TABLES``.
BUNDLE = "bundle"
CONFLICT = "conflict"
PEER = "peer"
SETTINGS = "settings"


@dataclass(frozen=True)
class Changes:
    touched: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *names: str) -> Changes:
        return cls(frozenset(names))

    def touches(self, *names: str) -> bool:
        return not self.touched.isdisjoint(names)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.touched | other.touched)

    def __bool__(self) -> bool:
        return bool(self.touched)


NOTHING = Changes()
