"""Where each coded field of a synced record takes its values from, and which fields are free
text.

The device's forms validate their own records (``validation``); the office must also check what
arrives in a bundle, whose signature proves only who wrote it, not that its codes exist. Both
use this one list. Entities are named as in bundles (``client``, ``case`` ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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

_NATIONALITY = re.compile(r"[A-Z]{2}|unknown")  # ISO 3166 alpha-2; XX stateless
_LANGUAGE = re.compile(r"[a-z]{2}")  # ISO 639-1


@dataclass(frozen=True)
class Coded:
    """A field whose value must come from a catalog, a fixed set, or match a pattern."""

    field: str
    catalog: str | None = None
    fixed: type[StrEnum] | None = None
    pattern: re.Pattern | None = None

    def allows(self, catalog: Catalog, value: str | None) -> bool:
        if value is None:
            return True  # whether a field may be empty is the strict reader's concern
        if self.catalog is not None:
            return catalog.has(self.catalog, value, active_only=False)
        if self.fixed is not None:
            return value in self.fixed._value2member_map_
        return bool(self.pattern and self.pattern.fullmatch(value))


def _in(field: str, catalog: str) -> Coded:
    return Coded(field, catalog=catalog)


def _one_of(field: str, fixed: type[StrEnum]) -> Coded:
    return Coded(field, fixed=fixed)


CODED_FIELDS: dict[str, tuple[Coded, ...]] = {
    "client": (
        _one_of("gender", Gender),
        Coded("nationality", pattern=_NATIONALITY),
        _in("residence_group", "residence_group"),
        _in("arrival_band", "arrival_band"),
        _one_of("minors", Minors),
        Coded("main_language", pattern=_LANGUAGE),
        _in("municipality", "municipality"),
        _one_of("age_group", AgeGroup),
    ),
    "case": (
        _in("municipality", "municipality"),
        _in("program", "program"),
        _one_of("phase", Phase),
        _in("access_route", "access_route"),
        _in("closure_reason", "closure_reason"),
    ),
    "goal": (_in("topic", "topic"), _one_of("status", GoalStatus)),
    "consultation": (
        _in("municipality", "municipality"),
        _in("program", "program"),
        _in("kind", "kind"),
        _in("setting", "setting"),
        _in("language_mediation", "language_mediation"),
        Coded("language", pattern=_LANGUAGE),
    ),
    "group_offer": (
        _in("program", "program"),
        _in("format", "group_format"),
        _in("municipality", "municipality"),
        _one_of("status", OfferStatus),
    ),
    "group_session": (_one_of("status", SessionStatus),),
    "structural_need": (
        _in("municipality", "municipality"),
        _in("topic", "topic"),
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
