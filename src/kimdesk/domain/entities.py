"""The entities of KIMdesk as immutable dataclasses.

Every synced record carries ``id`` (UUIDv7), ``version``, ``origin``, ``updated_at`` and
``deleted``. ``registry.ENTITIES`` lists them with their validators and the fields that
never leave the device.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from .enums import GoalStatus, NeedStatus, OfferStatus, Phase, ReferralOutcome, SessionStatus
from .ids import uuid7


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    id: str = field(default_factory=uuid7)
    version: int = 1
    origin: str = ""
    updated_at: datetime | None = None
    deleted: bool = False
    #: The version of another installation's record this installation's edits started from
    #: (the office's decision a device took; null for a record of its own making).
    base_version: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Client(Record):
    # exported (statistical attributes)
    gender: str = "unknown"
    nationality: str = "unknown"
    residence_group: str = "unknown"
    arrival_band: str = "unknown"
    minors: str = "0"
    main_language: str | None = None
    municipality: str | None = None
    #: Where no birth date is known (a list gave only the group); a bundle otherwise derives
    #: the group from the birth date on the day it is written.
    age_group: str | None = None
    #: "Einwilligung liegt vor" (schema 13): derived from ``consents`` on the day a bundle is
    #: written; the only trace of a consent that travels.
    consent: bool | None = None
    # local
    given_name: str | None = None
    family_name: str | None = None
    birth_date: date | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    file_numbers: str | None = None
    notes: str | None = None
    #: The history of consents (schema 13), JSON text of ``domain.consent``.
    consents: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Case(Record):
    client_id: str | None
    municipality: str
    program: str
    opened_on: date
    phase: str = Phase.INTAKE
    access_route: str | None = None
    closed_on: date | None = None
    closure_reason: str | None = None
    # local (a legacy list's case reference may name a person)
    legacy_ref: str | None = None
    consent_on: date | None = None
    notes: str | None = None
    #: Wiedervorlage (schema 12): when the case manager wants to look at the case again.
    follow_up_on: date | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Goal(Record):
    case_id: str
    topic: str
    status: str = GoalStatus.OPEN
    due_on: date | None = None
    # local
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Referral:
    target: str
    accompanied: bool = False
    outcome: str = ReferralOutcome.OPEN
    #: The actual recipient (an office, an agency, a person there; schema 13): local.
    recipient: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Consultation(Record):
    occurred_on: date
    municipality: str
    kind: str
    topics: tuple[str, ...]
    program: str = "kim"
    duration_min: int | None = None
    client_id: str | None = None
    case_id: str | None = None
    setting: str | None = None
    language_mediation: str | None = None
    language: str | None = None
    referrals: tuple[Referral, ...] = ()
    # local
    notes: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class GroupOffer(Record):
    program: str
    format: str
    title: str
    municipality: str
    provider: str | None = None
    planned_sessions: int | None = None
    status: str = OfferStatus.PLANNED


@dataclass(frozen=True, kw_only=True, slots=True)
class GroupSession(Record):
    offer_id: str
    held_on: date
    duration_min: int | None = None
    participants: int = 0
    status: str = SessionStatus.HELD


@dataclass(frozen=True, kw_only=True, slots=True)
class StructuralNeed(Record):
    reported_on: date
    municipality: str
    topic: str
    challenge: str
    affected_cases: int = 0
    status: str = NeedStatus.REPORTED
    solution: str | None = None
    responsible_body: str | None = None


#: The bookkeeping every record carries besides its content.
META_FIELDS = frozenset({"id", "version", "origin", "updated_at", "deleted", "base_version"})


def content(record: Record) -> dict[str, object]:
    """What a user can change in a record: every field but the bookkeeping, a consultation's
    topics as a set (the store keeps them in code order)."""
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name not in META_FIELDS}
    if isinstance(record, Consultation):
        values["topics"] = frozenset(record.topics)
    return values


def same_content(a: Record, b: Record) -> bool:
    """Whether saving ``a`` over ``b`` would change nothing a user can see."""
    return type(a) is type(b) and content(a) == content(b)
