"""What each field of a synced record may hold, beyond its type: the rules the office applies
to every record of a bundle whose signature is good.

The device's forms validate their own records (``validation``); a bundle proves only who
wrote it. So the office checks what arrives: codes from its catalog or a fixed set, numbers in
the ranges the forms allow (a participant count of 2⁵³ would break every sum), dates in the
programme's time and not after the bundle was written, references that are record ids. The
bounds are the forms' own. Entities are named as in bundles (``client``, ``case`` ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .catalog import Catalog
from .enums import (
    AgeGroup,
    Gender,
    GoalStatus,
    Minors,
    NeedStatus,
    OfferStatus,
    Phase,
    ReferralOutcome,
    SessionStatus,
)
from .errors import Problem
from .validation import (
    EARLIEST_DATE,
    MAX_AFFECTED_CASES,
    MAX_DURATION_MIN,
    MAX_PARTICIPANTS,
    MAX_PLANNED_SESSIONS,
)

_NATIONALITY = re.compile(r"[A-Z]{2}|unknown")  # ISO 3166 alpha-2; XX stateless
_LANGUAGE = re.compile(r"[a-z]{2}")  # ISO 639-1
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: Versions and counts the stores hold as 32-bit integers (PostgreSQL ``integer``).
MAX_INT = 2**31 - 1
#: A goal's due date may lie ahead, but not in another century.
LATEST_DUE = date(2099, 12, 31)


@dataclass(frozen=True)
class Rule:
    """A field and what it may hold: a code (``catalog``, ``fixed`` set), a ``pattern``, or a
    number or date between ``low`` and ``high``. ``past``: a date no later than the day after
    the bundle was written (the forms allow today and tomorrow)."""

    field: str
    catalog: str | None = None
    fixed: type[StrEnum] | None = None
    pattern: re.Pattern | None = None
    low: int | date | None = None
    high: int | date | None = None
    past: bool = False
    #: A code given by a pattern (ISO country and language codes), not a catalog.
    iso: bool = False

    @property
    def is_code(self) -> bool:
        return self.catalog is not None or self.fixed is not None or self.iso

    def allows(self, catalog: Catalog, value, written: date) -> bool:
        if value is None:
            return True  # whether a field may be empty is the strict reader's concern
        if self.catalog is not None:
            return catalog.has(self.catalog, value, active_only=False)
        if self.fixed is not None:
            return value in self.fixed._value2member_map_
        if self.pattern is not None:
            return bool(self.pattern.fullmatch(value))
        high = written + timedelta(days=1) if self.past else self.high
        return self.low <= value <= high


def _in(field: str, catalog: str) -> Rule:
    return Rule(field, catalog=catalog)


def _one_of(field: str, fixed: type[StrEnum]) -> Rule:
    return Rule(field, fixed=fixed)


def _count(field: str, low: int, high: int) -> Rule:
    return Rule(field, low=low, high=high)


def _day(field: str) -> Rule:
    return Rule(field, low=EARLIEST_DATE, past=True)


def _ref(field: str) -> Rule:
    return Rule(field, pattern=_ID)


_VERSION = _count("version", 1, MAX_INT)

FIELD_RULES: dict[str, tuple[Rule, ...]] = {
    "client": (
        _VERSION,
        _one_of("gender", Gender),
        Rule("nationality", pattern=_NATIONALITY, iso=True),
        _in("residence_group", "residence_group"),
        _in("arrival_band", "arrival_band"),
        _one_of("minors", Minors),
        Rule("main_language", pattern=_LANGUAGE, iso=True),
        _in("municipality", "municipality"),
        _one_of("age_group", AgeGroup),
    ),
    "case": (
        _VERSION,
        _ref("client_id"),
        _in("municipality", "municipality"),
        _in("program", "program"),
        _day("opened_on"),
        _one_of("phase", Phase),
        _in("access_route", "access_route"),
        _day("closed_on"),
        _in("closure_reason", "closure_reason"),
    ),
    "goal": (
        _VERSION,
        _ref("case_id"),
        _in("topic", "topic"),
        _one_of("status", GoalStatus),
        Rule("due_on", low=EARLIEST_DATE, high=LATEST_DUE),
    ),
    "consultation": (
        _VERSION,
        _day("occurred_on"),
        _count("duration_min", 1, MAX_DURATION_MIN),
        _in("municipality", "municipality"),
        _in("program", "program"),
        _in("kind", "kind"),
        _ref("client_id"),
        _ref("case_id"),
        _in("setting", "setting"),
        _in("language_mediation", "language_mediation"),
        Rule("language", pattern=_LANGUAGE, iso=True),
    ),
    "group_offer": (
        _VERSION,
        _in("program", "program"),
        _in("format", "group_format"),
        _in("municipality", "municipality"),
        _count("planned_sessions", 1, MAX_PLANNED_SESSIONS),
        _one_of("status", OfferStatus),
    ),
    "group_session": (
        _VERSION,
        _ref("offer_id"),
        _day("held_on"),
        _count("duration_min", 1, MAX_DURATION_MIN),
        _count("participants", 0, MAX_PARTICIPANTS),
        _one_of("status", SessionStatus),
    ),
    "structural_need": (
        _VERSION,
        _day("reported_on"),
        _in("municipality", "municipality"),
        _in("topic", "topic"),
        _count("affected_cases", 0, MAX_AFFECTED_CASES),
        _one_of("status", NeedStatus),
    ),
}
#: The parts of a consultation: each topic, each referral's target and outcome.
TOPIC = _in("topics", "topic")
REFERRAL_TARGET = _in("referrals", "referral_target")
REFERRAL_OUTCOME = _one_of("referrals", ReferralOutcome)

#: Texts a person typed that leave the device (everything else that travels is a code,
#: a number, a date or an id).
FREE_TEXTS: dict[str, tuple[str, ...]] = {
    "group_offer": ("title", "provider"),
    "structural_need": ("challenge", "solution", "responsible_body"),
}


def retired_in(kind: str, record, previous, catalog: Catalog) -> list[Problem]:
    """Retired codes a record takes up anew (a new record, or a field changed to one): a
    retired code stays valid where a record has it, but is given out no more."""
    problems = []

    def check(field: str, catalog_name: str, values, before) -> None:
        for value in values:
            entry = catalog.get(catalog_name, value) if value else None
            if entry is not None and not entry.active and value not in before:
                problems.append(Problem(field, f"„{entry.label_de}“ ist stillgelegt und wird "
                                               "nicht mehr vergeben."))  # fmt: skip

    for rule in FIELD_RULES.get(kind, ()):
        if rule.catalog is None or not hasattr(record, rule.field):
            continue
        old = getattr(previous, rule.field, None) if previous is not None else None
        check(rule.field, rule.catalog, [getattr(record, rule.field)], {old})
    if kind == "consultation":
        check("topics", "topic", record.topics, set(previous.topics) if previous else set())
        check("referrals", "referral_target", [r.target for r in record.referrals],
              {r.target for r in previous.referrals} if previous else set())  # fmt: skip
    return problems
