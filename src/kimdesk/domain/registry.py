"""The synced entities, once. Every list of them in KIMdesk derives from ``ENTITIES``.

An entity has a kind (its name in bundles, the audit trail, conflicts and change sets), a
record class, a validator and the fields that never leave the device. The store maps each
kind to its table (``store.records.TABLES``); the bundle format fixes its own order of the
kinds (``sync.fields.ENTITY_ORDER``), which a test holds equal to this one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum

from . import validation
from .entities import (
    Case,
    Client,
    Consultation,
    Goal,
    GroupOffer,
    GroupSession,
    Record,
    StructuralNeed,
)


class Kind(StrEnum):
    """The name of an entity wherever a name is stored or sent (a ``str``: ``"case"``)."""

    CLIENT = "client"
    CASE = "case"
    GOAL = "goal"
    CONSULTATION = "consultation"
    GROUP_OFFER = "group_offer"
    GROUP_SESSION = "group_session"
    STRUCTURAL_NEED = "structural_need"


@dataclass(frozen=True)
class EntityType:
    kind: Kind
    cls: type[Record]
    #: ``validate(record, catalog, today)`` raises ``ValidationError`` with German sentences.
    validate: Callable[..., None]
    #: Fields that never leave the device: not in a bundle, a log, an exception or an export.
    local_fields: frozenset[str]
    #: Its name in German sentences of the services ("Fall", "Beratung").
    name_de: str
    #: Fields the district office decides on a device's record (a need's status, solution and
    #: responsible body); the device shows them read-only and keeps the office's values.
    office_fields: frozenset[str] = frozenset()


#: Each entity after the ones it refers to (a case after its client, a session after its
#: offer): the order in which they are written, merged and counted.
ENTITIES: tuple[EntityType, ...] = (
    EntityType(
        Kind.CLIENT, Client, validation.validate_client,
        frozenset({"given_name", "family_name", "birth_date", "phone", "email", "address",
                   "file_numbers", "notes", "consents"}),
        "Klient:in",
    ),
    EntityType(Kind.CASE, Case, validation.validate_case,
               frozenset({"consent_on", "notes", "legacy_ref", "follow_up_on"}), "Fall"),
    EntityType(Kind.GOAL, Goal, validation.validate_goal, frozenset({"text"}), "Ziel"),
    EntityType(Kind.CONSULTATION, Consultation, validation.validate_consultation,
               frozenset({"notes"}), "Beratung"),
    EntityType(Kind.GROUP_OFFER, GroupOffer, validation.validate_group_offer, frozenset(),
               "Gruppenangebot"),
    EntityType(Kind.GROUP_SESSION, GroupSession, validation.validate_group_session,
               frozenset(), "Gruppentermin"),
    EntityType(Kind.STRUCTURAL_NEED, StructuralNeed, validation.validate_structural_need,
               frozenset(), "Bedarfsmeldung",
               frozenset({"status", "solution", "responsible_body"})),
)  # fmt: skip

KINDS: tuple[Kind, ...] = tuple(e.kind for e in ENTITIES)
BY_KIND: dict[str, EntityType] = {e.kind: e for e in ENTITIES}
BY_CLASS: dict[type[Record], EntityType] = {e.cls: e for e in ENTITIES}
#: The fields of each record class that never leave the device.
LOCAL_FIELDS: dict[type[Record], frozenset[str]] = {e.cls: e.local_fields for e in ENTITIES}
#: The office's fields of a new record as its class sets them (a need: reported, without
#: solution or responsible body), by kind.
OFFICE_DEFAULTS: dict[str, dict[str, object]] = {
    e.kind: {f.name: f.default for f in fields(e.cls) if f.name in e.office_fields}
    for e in ENTITIES
}


def entity_of(record: Record | type[Record]) -> EntityType:
    """The entity of a record or record class."""
    return BY_CLASS[record if isinstance(record, type) else type(record)]
