"""What the office checks in a bundle whose signature is good.

A valid signature proves which device wrote a bundle, nothing more. So, record by record:

- every record's ``origin`` is the signing device: a device speaks only for itself;
- no ``updated_at`` lies after the bundle was written (plus a small skew), and the bundle was
  not written after the office's own clock (plus a day): a far-future time would win every
  later conflict;
- every code is in the office's catalog (inactive codes included, old records keep theirs):
  a code is printed in tables, charts and workbooks, where "=HYPERLINK(…)" or "$\\frac{1}$"
  do harm; numbers and dates lie in the ranges the device's forms allow (a participant count
  of 2⁵³ breaks every sum), references are record ids (``domain/codes.py``);
- the free texts of a bundle together stay below a cap, and each is checked for what looks
  like personal data (a warning for the coordinator, never the text itself).

``observe`` runs for every record while the bundle is verified, so it stays cheap: it keeps
the last few records and folds them into the distinct values of each field (C-level set
updates); ``finish`` checks each distinct value once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from operator import itemgetter

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.codes import (
    FIELD_RULES,
    FREE_TEXTS,
    REFERRAL_OUTCOME,
    REFERRAL_TARGET,
    TOPIC,
    Rule,
)
from kimdesk.domain.hints import personal_data_hints
from kimdesk.domain.registry import BY_KIND
from kimdesk.domain.text import printable

from .reasons import BundleRejected, Reason

#: How far a record's time may lie after the bundle's (both from the device's clock).
RECORD_SKEW = timedelta(minutes=15)
#: How far a bundle's time may lie after the office's clock (laptop clocks drift).
CLOCK_SKEW = timedelta(days=1)
#: All free texts of one bundle together, in characters (a need's challenge is at most 4,000).
MAX_BUNDLE_TEXT = 4_000_000
#: Records of one bundle: a county's full history is a few hundred thousand.
MAX_BUNDLE_RECORDS = 2_000_000
#: Records kept before they are folded into the distinct values of their fields. Few: records
#: kept longer leave the processor's cache and slow the whole check (measured: 16 records cost
#: 0.26 s per 205,000, 4,096 cost 1.7 s).
_FOLD = 16
#: Warnings about personal data listed one by one; the rest are counted.
MAX_LISTED_HINTS = 20

_HINT_DE = {
    "birth_date": "ein Geburtsdatum",
    "email": "eine E-Mail-Adresse",
    "phone": "eine Telefonnummer",
    "name": "einen Namen",
    "address": "eine Adresse",
}


#: Fields every record is checked for besides its rules; a consultation adds its parts.
_ALWAYS = ("origin", "updated_at")
_PARTS = ("topics", "referrals")


class Admission:
    def __init__(self, *, signer: str, signer_name: str, created_at: datetime, now: datetime,
                 catalog: Catalog, names: dict[str, str] | None = None,
                 profile_version: int = 1):  # fmt: skip
        self.signer = signer
        #: The county profile version the device holds: no code of a later version.
        self.profile_version = profile_version
        self.names = names or {}
        self.signer_name = signer_name
        self.created_at = created_at
        self.now = now
        self.catalog = catalog
        # Per entity: the fields looked at; the records of a chunk (``rows``) are folded into
        # the distinct values of each field (``distinct``) by C-level set updates.
        self.fields = {
            entity: [rule.field for rule in rules] + list(_ALWAYS)
            + (list(_PARTS) if entity == "consultation" else [])
            for entity, rules in FIELD_RULES.items()
        }  # fmt: skip
        self._get = {
            entity: [itemgetter(n) for n in names] for entity, names in self.fields.items()
        }
        self.rows: dict[str, list[dict]] = {entity: [] for entity in FIELD_RULES}
        self.distinct = {entity: [set() for _ in names] for entity, names in self.fields.items()}
        self.backwards: list[str] = []  # cases closed before they were opened
        self.bad_bases: list[str] = []  # a base version not below the record's version
        self.text_chars = 0
        self.hints: list[tuple[str, str, str, list[str]]] = []

    def check_bundle(self, total: int) -> None:
        """What the manifest alone shows: the bundle's time and its size."""
        if self.created_at > self.now + CLOCK_SKEW:
            raise BundleRejected(
                Reason.FUTURE_TIMESTAMP,
                f"das Bundle trägt die Zeit {self.created_at:%d.%m.%Y %H:%M} UTC, später als die "
                "Uhr der Kreisstelle; bitte Datum und Uhrzeit des Geräts prüfen",
            )
        if total > MAX_BUNDLE_RECORDS:
            raise BundleRejected(
                Reason.TOO_MANY_RECORDS,
                f"das Bundle enthält {total} Datensätze, erlaubt sind {MAX_BUNDLE_RECORDS}",
            )

    def observe(self, entity: str, record: dict) -> None:
        rows = self.rows[entity]
        rows.append(record)
        base = record["base_version"]
        if base is not None and not 0 < base < record["version"]:
            self.bad_bases.append(record["id"])
        if len(rows) >= _FOLD:
            self._fold(entity)
        if entity in FREE_TEXTS:
            self._texts(entity, record)
        elif entity == "case" and record["closed_on"] and record["closed_on"] < record["opened_on"]:
            self.backwards.append(record["id"])

    def _fold(self, entity: str) -> None:
        rows = self.rows[entity]
        if rows:
            for values, get in zip(self.distinct[entity], self._get[entity], strict=True):
                values.update(map(get, rows))
            rows.clear()

    def _seen(self, entity: str, field: str) -> set:
        return self.distinct[entity][self.fields[entity].index(field)]

    def _texts(self, entity: str, record: dict) -> None:
        for name in FREE_TEXTS[entity]:
            text = record[name]
            if not text:
                continue
            self.text_chars += len(text)
            found = personal_data_hints(text, self.now.date())
            if found:
                self.hints.append((entity, record["id"], name, [h.kind for h in found]))

    def finish(self) -> list[str]:
        """Reject the bundle for what ``observe`` saw, or return the warnings about texts."""
        for entity in FIELD_RULES:
            self._fold(entity)
        origins = set().union(*(self._seen(e, "origin") for e in FIELD_RULES))
        foreign = sorted(origins - {self.signer})
        if foreign:
            raise BundleRejected(
                Reason.FOREIGN_ORIGIN,
                f"{printable(self.signer_name)} schickt Datensätze einer anderen Installation "
                f"({printable(self.names.get(foreign[0], foreign[0]), 40)}); ein Gerät darf nur "
                "eigene Datensätze senden",
            )
        latest = max(set().union(*(self._seen(e, "updated_at") for e in FIELD_RULES)), default=None)
        if latest is not None and latest > self.created_at + RECORD_SKEW:
            raise BundleRejected(
                Reason.FUTURE_TIMESTAMP,
                f"ein Datensatz trägt die Zeit {latest:%d.%m.%Y %H:%M} UTC, später als das Bundle "
                f"({self.created_at:%d.%m.%Y %H:%M} UTC); bitte Datum und Uhrzeit von "
                f"{printable(self.signer_name)} prüfen",
            )
        written = self.created_at.date()
        for entity, rules in FIELD_RULES.items():
            for rule, values in zip(rules, self.distinct[entity], strict=False):
                for value in values:
                    self._check(entity, rule, value, written)
        for topics in self._seen("consultation", "topics"):
            for topic in topics:
                self._check("consultation", TOPIC, topic, written)
        for referrals in self._seen("consultation", "referrals"):
            for target, _accompanied, outcome in referrals:
                self._check("consultation", REFERRAL_TARGET, target, written)
                self._check("consultation", REFERRAL_OUTCOME, outcome, written)
        if self.bad_bases:
            raise BundleRejected(
                Reason.RECORD_INVALID,
                f"ein Datensatz ({self.bad_bases[0]}) nennt eine Ausgangsversion, die nicht "
                "vor seiner Version liegt",
            )
        if self.backwards:
            raise BundleRejected(
                Reason.RECORD_INVALID,
                f"ein Fall ({self.backwards[0]}) ist vor seiner Eröffnung abgeschlossen",
            )
        if self.text_chars > MAX_BUNDLE_TEXT:
            raise BundleRejected(
                Reason.TOO_MUCH_TEXT,
                f"die Texte des Bundles sind zusammen {self.text_chars} Zeichen lang, erlaubt "
                f"sind {MAX_BUNDLE_TEXT}",
            )
        return self._hint_warnings()

    def _check(self, entity: str, rule: Rule, value, written) -> None:
        if rule.allows(self.catalog, value, written):
            if rule.catalog is None or value is None:
                return
            since = self.catalog.get(rule.catalog, value).since
            if since <= self.profile_version:
                return
            raise BundleRejected(
                Reason.UNKNOWN_CODE,
                f"der Code „{printable(str(value), 32)}“ im Feld {rule.field} "
                f"({BY_KIND[entity].name_de}) kam mit Version {since} des Kreisprofils; "
                f"{printable(self.signer_name)} hat Version {self.profile_version} und kann ihn "
                "noch nicht kennen",
            )
        shown = printable(str(value), 32)
        if rule.is_code:
            raise BundleRejected(
                Reason.UNKNOWN_CODE,
                f"unbekannter Code „{shown}“ im Feld {rule.field} ({BY_KIND[entity].name_de}); er "
                "steht nicht im Katalog der Kreisstelle",
            )
        raise BundleRejected(
            Reason.RECORD_INVALID,
            f"im Datensatz ({BY_KIND[entity].name_de}) hat {rule.field} einen unzulässigen Wert "
            f"(„{shown}“)",
        )

    def _hint_warnings(self) -> list[str]:
        warnings = []
        for entity, record_id, name, kinds in self.hints[:MAX_LISTED_HINTS]:
            found = ", ".join(_HINT_DE.get(k, k) for k in kinds)
            warnings.append(
                f"{BY_KIND[entity].name_de} {record_id}: der Text im Feld {name} enthält anscheinend "
                f"personenbezogene Daten ({found}); bitte mit {printable(self.signer_name)} klären"
            )
        if len(self.hints) > MAX_LISTED_HINTS:
            warnings.append(
                f"… und {len(self.hints) - MAX_LISTED_HINTS} weitere Texte mit anscheinend "
                "personenbezogenen Daten."
            )
        return warnings
