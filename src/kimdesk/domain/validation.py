"""Validation of entities against the active catalog. Messages are German."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import consent
from .catalog import Catalog
from .entities import (
    Case,
    Client,
    Consultation,
    Goal,
    GroupOffer,
    GroupSession,
    StructuralNeed,
)
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
from .errors import Problem, ValidationError

#: No KIM record is older than the programme itself (KIM started in 2020; legacy lists
#: may reach back a little further).
EARLIEST_DATE = date(2015, 1, 1)
#: A Wiedervorlage lies ahead, but not beyond this.
FOLLOW_UP_AHEAD = timedelta(days=5 * 365)
MAX_DURATION_MIN = 24 * 60
MAX_TEXT = 4000
MAX_PLANNED_SESSIONS = 200
MAX_PARTICIPANTS = 1000
MAX_AFFECTED_CASES = 100_000
_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
_NATIONALITY_RE = re.compile(r"^[A-Z]{2}$")

CATALOG_NAMES_DE = {
    "program": "Programm",
    "kind": "Art",
    "topic": "Thema",
    "referral_target": "Verweis",
    "setting": "Setting",
    "language_mediation": "Sprachmittlung",
    "municipality": "Kommune",
    "access_route": "Zugangsweg",
    "closure_reason": "Abschlussgrund",
    "residence_group": "Aufenthaltsgruppe",
    "arrival_band": "Einreisezeitraum",
    "group_format": "Format",
}


def _shown(value: object, limit: int = 30) -> str:
    """A wrong value quoted in a message: printable and short, whatever was typed."""
    text = "".join(c if c.isprintable() else "?" for c in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Checker:
    def __init__(self, catalog: Catalog, today: date):
        self.catalog = catalog
        self.today = today
        self.problems: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def code(self, field: str, catalog: str, value: str | None, *, required: bool = True) -> None:
        if value is None or value == "":
            if required:
                self.add(field, f"{CATALOG_NAMES_DE[catalog]} fehlt.")
            return
        # A retired code is offered no more, but a record that has one stays valid.
        if not self.catalog.has(catalog, value, active_only=False):
            self.add(
                field, f"„{_shown(value)}“ ist kein gültiger Code für {CATALOG_NAMES_DE[catalog]}."
            )

    def choice(self, field: str, value: str | None, allowed: type, *, required: bool = True):
        if value is None:
            if required:
                self.add(field, "Angabe fehlt.")
            return
        if value not in {m.value for m in allowed}:
            self.add(field, f"„{_shown(value)}“ ist kein zulässiger Wert.")

    def day(
        self, field: str, value: date | None, *, required: bool = True, earliest=EARLIEST_DATE,
        ahead: timedelta = timedelta(days=1),
    ) -> None:  # fmt: skip
        if value is None:
            if required:
                self.add(field, "Datum fehlt.")
            return
        if not isinstance(value, date):
            self.add(field, "Kein gültiges Datum.")
        elif value < earliest:
            self.add(field, f"Das Datum liegt vor dem {earliest:%d.%m.%Y}.")
        elif value > self.today + ahead:
            self.add(field, "Das Datum liegt in der Zukunft." if ahead.days <= 1 else
                     f"Das Datum liegt mehr als {ahead.days // 365} Jahre in der Zukunft.")  # fmt: skip

    def count(self, field: str, value: int | None, *, low: int, high: int, required=False):
        if value is None:
            if required:
                self.add(field, "Angabe fehlt.")
            return
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.add(field, f"Erlaubt ist eine ganze Zahl von {low} bis {high}.")

    def text(self, field: str, value: str | None, *, required=False, limit=MAX_TEXT) -> None:
        if value is None or not value.strip():
            if required:
                self.add(field, "Text fehlt.")
            return
        if len(value) > limit:
            self.add(field, f"Der Text ist länger als {limit} Zeichen.")
        if "\x00" in value:
            self.add(field, "Der Text enthält ein unzulässiges Steuerzeichen.")

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def validate_consultation(c: Consultation, catalog: Catalog, today: date | None = None) -> None:
    ck = _Checker(catalog, today or date.today())
    ck.day("occurred_on", c.occurred_on)
    ck.code("municipality", "municipality", c.municipality)
    ck.code("program", "program", c.program)
    ck.code("kind", "kind", c.kind)
    if c.kind == "cm" and not c.case_id:
        ck.add("case_id", "Eine Case-Management-Beratung gehört zu einem Fall.")
    ck.count("duration_min", c.duration_min, low=1, high=MAX_DURATION_MIN)
    ck.code("setting", "setting", c.setting, required=False)
    ck.code("language_mediation", "language_mediation", c.language_mediation, required=False)
    if c.language is not None and not _LANGUAGE_RE.match(c.language):
        ck.add("language", "Die Sprache ist als ISO-639-1-Code anzugeben (z. B. ar, uk).")
    if not c.topics:
        ck.add("topics", "Mindestens ein Thema ist anzugeben.")
    if len(set(c.topics)) != len(c.topics):
        ck.add("topics", "Ein Thema ist doppelt angegeben.")
    for topic in c.topics:
        ck.code("topics", "topic", topic)
    for referral in c.referrals:
        ck.code("referrals", "referral_target", referral.target)
        ck.choice("referrals", referral.outcome, ReferralOutcome)
        ck.text("referrals", referral.recipient, limit=200)
    ck.text("notes", c.notes)
    ck.done()


def validate_client(c: Client, catalog: Catalog, today: date | None = None) -> None:
    ck = _Checker(catalog, today or date.today())
    ck.choice("gender", c.gender, Gender)
    if c.nationality not in ("XX", "unknown") and not _NATIONALITY_RE.match(c.nationality or ""):
        ck.add("nationality", "Die Staatsangehörigkeit ist als ISO-3166-Code anzugeben (z. B. SY).")
    ck.code("residence_group", "residence_group", c.residence_group)
    ck.code("arrival_band", "arrival_band", c.arrival_band)
    ck.choice("minors", c.minors, Minors)
    if c.main_language is not None and not _LANGUAGE_RE.match(c.main_language):
        ck.add("main_language", "Die Sprache ist als ISO-639-1-Code anzugeben (z. B. ar, uk).")
    ck.code("municipality", "municipality", c.municipality, required=False)
    ck.choice("age_group", c.age_group, AgeGroup, required=False)
    ck.day("birth_date", c.birth_date, required=False, earliest=date(1900, 1, 1))
    for name in ("given_name", "family_name", "phone", "email", "address", "file_numbers"):
        ck.text(name, getattr(c, name), limit=200)
    ck.text("notes", c.notes)
    try:
        consents = consent.parse(c.consents)
    except consent.ConsentsUnreadable as error:
        ck.add("consents", str(error))
    else:
        is_target = lambda code: catalog.has("referral_target", code, active_only=False)  # noqa: E731
        for problem in consent.problems(consents, c.birth_date, ck.today, is_target):
            ck.add("consents", problem)
    ck.done()


def validate_case(c: Case, catalog: Catalog, today: date | None = None) -> None:
    ck = _Checker(catalog, today or date.today())
    ck.code("municipality", "municipality", c.municipality)
    ck.code("program", "program", c.program)
    ck.day("opened_on", c.opened_on)
    ck.choice("phase", c.phase, Phase)
    ck.code("access_route", "access_route", c.access_route, required=False)
    ck.day("closed_on", c.closed_on, required=False)
    if c.closed_on and c.opened_on and c.closed_on < c.opened_on:
        ck.add("closed_on", "Der Fall kann nicht vor seiner Eröffnung abgeschlossen werden.")
    if c.phase == Phase.CLOSED:
        if not c.closed_on:
            ck.add("closed_on", "Ein abgeschlossener Fall braucht ein Abschlussdatum.")
        ck.code("closure_reason", "closure_reason", c.closure_reason)
    ck.day("consent_on", c.consent_on, required=False)
    ck.day("follow_up_on", c.follow_up_on, required=False, ahead=FOLLOW_UP_AHEAD)
    ck.text("notes", c.notes)
    ck.done()


def validate_goal(g: Goal, catalog: Catalog, today: date | None = None) -> None:
    ck = _Checker(catalog, today or date.today())
    ck.code("topic", "topic", g.topic)
    ck.choice("status", g.status, GoalStatus)
    ck.text("text", g.text)
    ck.done()


def validate_group_offer(o: GroupOffer, catalog: Catalog, today: date | None = None) -> None:
    ck = _Checker(catalog, today or date.today())
    ck.code("program", "program", o.program)
    ck.code("format", "group_format", o.format)
    ck.code("municipality", "municipality", o.municipality)
    ck.text("title", o.title, required=True, limit=200)
    ck.text("provider", o.provider, limit=200)
    ck.count("planned_sessions", o.planned_sessions, low=1, high=MAX_PLANNED_SESSIONS)
    ck.choice("status", o.status, OfferStatus)
    ck.done()


def validate_group_session(s: GroupSession, catalog: Catalog, today: date | None = None) -> None:
    ck = _Checker(catalog, today or date.today())
    ck.day("held_on", s.held_on)
    ck.count("duration_min", s.duration_min, low=1, high=MAX_DURATION_MIN)
    ck.count("participants", s.participants, low=0, high=MAX_PARTICIPANTS, required=True)
    ck.choice("status", s.status, SessionStatus)
    ck.done()


def validate_structural_need(n: StructuralNeed, catalog: Catalog, today: date | None = None):
    ck = _Checker(catalog, today or date.today())
    ck.day("reported_on", n.reported_on)
    ck.code("municipality", "municipality", n.municipality)
    ck.code("topic", "topic", n.topic)
    ck.text("challenge", n.challenge, required=True)
    ck.count("affected_cases", n.affected_cases, low=0, high=MAX_AFFECTED_CASES, required=True)
    ck.choice("status", n.status, NeedStatus)
    ck.text("solution", n.solution)
    ck.text("responsible_body", n.responsible_body, limit=200)
    ck.done()


def age_group(birth_date: date | None, on: date) -> str:
    """The exported age group of a client on a given day (derived, never the birth date)."""
    if birth_date is None:
        return AgeGroup.UNKNOWN
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if years < 18:
        return AgeGroup.UNDER_18
    if years <= 26:
        return AgeGroup.FROM_18
    if years <= 44:
        return AgeGroup.FROM_27
    if years <= 64:
        return AgeGroup.FROM_45
    return AgeGroup.FROM_65
