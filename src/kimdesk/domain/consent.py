"""A client's consents to pass data on (Einwilligung, Art. 7 DSGVO, § 67b SGB X).

A client holds a history of consents, newest last, in the local field ``Client.consents``
(JSON text, schema 13): each with the day it was given, its form, who gave it (the client
from the age of 15, § 36 SGB I; below it the guardian), its scope — the referral targets
(catalog ``referral_target``) and the kinds of data (``DATA``) that may be passed on — how
long it is valid and the day it was withdrawn. A consent is never edited away: a withdrawal
is a date on it, a new scope a new consent. Only whether a consent is in force on the day a
bundle is written travels (``Client.consent``), for the statistics.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date
from enum import StrEnum

#: From this age a client's own consent counts (§ 36 SGB I); below it the guardian's.
OWN_CONSENT_AGE = 15


class ConsentForm(StrEnum):
    WRITTEN = "schriftlich"
    ELECTRONIC = "elektronisch"
    ORAL = "muendlich"  # with a note in the file (Vermerk)
    #: A consent date from before schema 13 ("Einwilligung vom" of a case): form and scope
    #: were never recorded. Not offered for a new consent.
    UNRECORDED = "nicht_erfasst"


class GivenBy(StrEnum):
    CLIENT = "klient"
    GUARDIAN = "sorgeberechtigt"


#: The kinds of data a consent may allow to be passed on, with their German names.
DATA: dict[str, str] = {
    "personalien": "Name, Geburtsdatum, Anschrift",
    "kontakt": "Telefon und E-Mail",
    "aufenthalt": "Aufenthaltsstatus und Dokumente",
    "verlauf": "Beratungsverlauf und Ziele",
    "gesundheit": "Angaben zur Gesundheit",
}
FORMS_DE: dict[str, str] = {
    ConsentForm.WRITTEN: "schriftlich",
    ConsentForm.ELECTRONIC: "elektronisch",
    ConsentForm.ORAL: "mündlich mit Vermerk",
    ConsentForm.UNRECORDED: "Form nicht erfasst",
}
GIVEN_BY_DE: dict[str, str] = {
    GivenBy.CLIENT: "die Klient:in selbst",
    GivenBy.GUARDIAN: "die/der Sorgeberechtigte",
}
MAX_CONSENTS = 100
_TEXT_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Consent:
    given_on: date
    form: str
    given_by: str = GivenBy.CLIENT
    targets: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    valid_until: date | None = None
    withdrawn_on: date | None = None
    #: The guardian's name (below 15), local like every field here.
    guardian: str | None = None
    #: The note of an oral consent (Vermerk).
    note: str | None = None

    def in_force(self, day: date) -> bool:
        return (
            self.given_on <= day
            and (self.valid_until is None or day <= self.valid_until)
            and (self.withdrawn_on is None or day < self.withdrawn_on)
        )


class ConsentsUnreadable(ValueError):
    """The stored text is not a list of consents (never shown with the text: it is local)."""


def parse(text: str | None) -> tuple[Consent, ...]:
    """The consents of ``Client.consents``; empty for none."""
    if not text:
        return ()
    try:
        items = json.loads(text)
        if not isinstance(items, list):
            raise TypeError
        return tuple(_consent(item) for item in items)
    except (TypeError, ValueError, KeyError) as error:
        raise ConsentsUnreadable("Die Einwilligungen sind nicht lesbar.") from error


def _consent(item: dict) -> Consent:
    if not isinstance(item, dict) or not set(item) <= _KEYS:
        raise TypeError
    values = dict(item)
    for name in ("given_on", "valid_until", "withdrawn_on"):
        if values.get(name) is not None:
            values[name] = date.fromisoformat(values[name])
    for name in ("targets", "data"):
        values[name] = tuple(values.get(name) or ())
        if not all(isinstance(v, str) for v in values[name]):
            raise TypeError
    for name in ("form", "given_by", "guardian", "note"):
        if values.get(name) is not None and not isinstance(values[name], str):
            raise TypeError
    return Consent(**values)


_KEYS = frozenset(Consent.__slots__)


def dump(consents: tuple[Consent, ...] | list[Consent]) -> str | None:
    """The text for ``Client.consents``: canonical JSON, None for none."""
    if not consents:
        return None
    items = []
    for c in consents:
        item = asdict(c)
        for name in ("given_on", "valid_until", "withdrawn_on"):
            item[name] = item[name].isoformat() if item[name] else None
        item["targets"], item["data"] = sorted(c.targets), sorted(c.data)
        items.append(item)
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def in_force(consents, day: date) -> list[Consent]:
    return [c for c in consents if c.in_force(day)]


def given(consents, day: date) -> bool:
    """Whether a consent is in force on ``day``: the flag "Einwilligung liegt vor"."""
    return any(c.in_force(day) for c in consents)


def covers(consents, target: str, day: date) -> bool:
    """Whether a consent in force on ``day`` allows a referral to ``target``."""
    return any(target in c.targets for c in in_force(consents, day))


def withdrawn(consents, day: date) -> date | None:
    """The day of the latest withdrawal when no consent is in force on ``day`` and one was
    withdrawn on or before it: new referrals stop."""
    if given(consents, day):
        return None
    days = [c.withdrawn_on for c in consents if c.withdrawn_on and c.withdrawn_on <= day]
    return max(days) if days else None


def withdraw(consents, index: int, day: date) -> tuple[Consent, ...]:
    """The history with consent ``index`` withdrawn on ``day``."""
    result = list(consents)
    result[index] = replace(result[index], withdrawn_on=day)
    return tuple(result)


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def problems(consents, birth_date: date | None, today: date, is_target) -> list[str]:
    """German sentences on what is wrong with a history of consents; ``is_target(code)``
    says whether a referral target is in the catalog."""
    found: list[str] = []
    if len(consents) > MAX_CONSENTS:
        found.append(f"Mehr als {MAX_CONSENTS} Einwilligungen.")
    for number, c in enumerate(consents, 1):
        prefix = f"Einwilligung {number}: "  # not its date: a message never holds local data

        def say(text: str, prefix=prefix) -> str:
            return prefix + text

        if c.given_on > today:
            found.append(say("das Datum liegt in der Zukunft."))
        if c.form not in set(ConsentForm):
            found.append(say("die Form fehlt oder ist unbekannt."))
        if c.form == ConsentForm.ORAL and not (c.note or "").strip():
            found.append(say("eine mündliche Einwilligung braucht einen Vermerk."))
        recorded = c.form != ConsentForm.UNRECORDED  # one from before schema 13: no scope
        if recorded:
            found += _given_by_problems(c, birth_date, say)
        if not c.targets and recorded:
            found.append(say("es ist kein Verweisziel angegeben."))
        unknown = [t for t in c.targets if not is_target(t)]
        if unknown:
            found.append(say(f"„{unknown[0][:30]}“ ist kein Verweisziel des Katalogs."))
        if not c.data and recorded:
            found.append(say("es ist nicht angegeben, welche Daten weitergegeben werden dürfen."))
        if any(d not in DATA for d in c.data):
            found.append(say("eine Datenart ist unbekannt."))
        if c.valid_until is not None and c.valid_until < c.given_on:
            found.append(say("„gültig bis“ liegt vor dem Tag der Einwilligung."))
        if c.withdrawn_on is not None and not c.given_on <= c.withdrawn_on <= today:
            found.append(say("der Widerruf muss zwischen Einwilligung und heute liegen."))
        for text in (c.guardian, c.note):
            if text is not None and (len(text) > _TEXT_LIMIT or "\x00" in text):
                found.append(say(f"ein Text ist länger als {_TEXT_LIMIT} Zeichen."))
    return found


def _given_by_problems(c: Consent, birth_date: date | None, say) -> list[str]:
    """Who consented, by the client's age on the day (§ 36 SGB I)."""
    found = []
    if c.given_by not in set(GivenBy):
        found.append(say("es fehlt, wer eingewilligt hat."))
    elif birth_date is not None:
        age = age_on(birth_date, c.given_on)
        if age < OWN_CONSENT_AGE and c.given_by != GivenBy.GUARDIAN:
            found.append(
                say(
                    f"die Klient:in war {age} Jahre alt; unter {OWN_CONSENT_AGE} "
                    "Jahren willigt die/der Sorgeberechtigte ein (§ 36 SGB I)."
                )
            )
        if age >= OWN_CONSENT_AGE and c.given_by == GivenBy.GUARDIAN:
            found.append(
                say(
                    f"ab {OWN_CONSENT_AGE} Jahren zählt die Einwilligung der "
                    "Klient:in selbst (§ 36 SGB I)."
                )
            )
    if c.given_by == GivenBy.GUARDIAN and not (c.guardian or "").strip():
        found.append(say("der Name der/des Sorgeberechtigten fehlt."))
    return found
