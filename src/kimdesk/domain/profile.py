"""Versions of a county profile (issue 18): what may change from one version to the next,
and the profile as a document (the catalog file format of ``resources/catalogs``).

A new version may add codes, retire codes (``"active": false``), change labels and aliases,
the county's name, the retention years and the publication threshold. It may never remove a
code, bring a retired code back (its meaning in old records is fixed: a new meaning needs a
new code), move a code to another parent, or change the profile's id or the county's AGS.
Codes keep the version that added them (``since``): a device may use a code only once it
holds that version.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from .catalog import (
    DEFAULT_INACTIVE_WEEKS,
    PROFILE_FORMAT,
    Catalog,
    CatalogEntry,
    RetentionRules,
    inactive_weeks,
    population_problem,
    retention_rules,
)
from .errors import KimdeskError
from .text import printable

#: At most this many problems are named in one refusal.
MAX_NAMED = 12
#: How long a code of each catalog may be: as long as the record fields that hold it
#: (a test holds this to the store's columns).
CODE_LENGTH = {"municipality": 16, "program": 16, "kind": 16, "topic": 32, "referral_target": 32,
               "setting": 32, "language_mediation": 32, "access_route": 32, "closure_reason": 32,
               "residence_group": 32, "arrival_band": 32, "group_format": 32}  # fmt: skip
#: A new code: lowercase letters, digits and underscores (codes are identifiers, never text
#: that could look like another code).
NEW_CODE = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True)
class ProfileChange:
    """What a new version changes, for the coordinator to read before and after applying."""

    version: int
    added: tuple[tuple[str, str], ...]  # (catalog, code)
    retired: tuple[tuple[str, str], ...]
    relabelled: tuple[tuple[str, str], ...]
    settings: tuple[str, ...]  # German sentences: "Aufbewahrungsfrist: 3 → 5 Jahre"

    @property
    def empty(self) -> bool:
        return not (self.added or self.retired or self.relabelled or self.settings)


_ITEM_KEYS = {"code", "de", "en", "parent", "sort", "active", "aliases", "since"}
_TOP_KEYS = {"format", "profile", "version", "name", "county", "retention_years", "publication",
             "catalogs", "case_work", "retention", "population"}  # fmt: skip


def read_profile(data) -> Catalog:
    """A profile file (``profile --apply``, a reply's profile) checked field by field; every
    fault is named in German, none ends in a traceback. ``version`` and ``since`` are read
    (a reply carries them); an applied file's are replaced by the office."""

    def bad(what: str) -> KimdeskError:
        return KimdeskError(f"Das Profil ist ungültig: {what}.")

    if not isinstance(data, dict):
        raise bad("sie enthält kein JSON-Objekt")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise bad(f"unbekannte Angaben {printable(', '.join(sorted(map(str, unknown))), 200)}")
    for key in ("profile", "name", "county"):
        if not _text(data.get(key)):
            raise bad(f"„{key}“ fehlt oder ist kein Text ohne Steuerzeichen")
    if type(data.get("retention_years")) is not int or not 1 <= data["retention_years"] <= 30:
        raise bad("„retention_years“ fehlt oder ist keine Zahl von 1 bis 30")
    publication = data.get("publication")
    if not isinstance(publication, dict) or set(publication) != {"min_count"}:
        raise bad('„publication“ fehlt oder ist nicht genau {"min_count": Zahl}')
    if inactive_weeks(data) is None:
        raise bad('„case_work“ ist nicht genau {"inactive_weeks": Zahl von 1 bis 52}')
    if population_problem(data):
        raise bad(f"„population“ {population_problem(data)}")
    if retention_rules(data) is None:
        raise bad("„retention“ hat andere Angaben als one_off_months und inactive_months "
                  "(je eine Zahl von 1 bis 120)")  # fmt: skip
    if not isinstance(data.get("catalogs"), dict):
        raise bad("„catalogs“ fehlt")
    version = data.get("version", 1)
    if type(version) is not int or not 1 <= version < 2**31:
        raise bad("„version“ ist keine Zahl ab 1")
    for name, items in data["catalogs"].items():
        if name not in CODE_LENGTH:
            raise bad(f"einen Katalog „{printable(str(name), 40)}“ gibt es nicht (bekannt: "
                      f"{', '.join(sorted(CODE_LENGTH))})")  # fmt: skip
        if not isinstance(items, list):
            raise bad(f"der Katalog „{name}“ ist keine Liste")
        for item in items:
            problem = _item_problem(item, CODE_LENGTH[name])
            if problem:
                raise bad(f"im Katalog „{name}“ {problem}")
    places = data["catalogs"].get("municipality", [])
    roots = [i["code"] for i in places if i.get("parent") is None]
    if roots != [data["county"]]:
        raise bad(f"der Katalog „municipality“ hat genau einen Eintrag ohne übergeordneten Code, "
                  f"den Kreis {printable(data['county'], 20)}; hier: "
                  f"{printable(', '.join(roots), 80) or 'keinen'}")  # fmt: skip
    try:
        return Catalog.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise bad(type(exc).__name__) from None


def _text(value, limit: int = 200) -> bool:
    """A label or name: text, not blank, without control or direction characters."""
    return isinstance(value, str) and 0 < len(value) <= limit and value.strip() != "" \
        and value.isprintable()  # fmt: skip


def _item_problem(item, length: int) -> str | None:
    if not isinstance(item, dict) or set(item) - _ITEM_KEYS:
        return "ist ein Eintrag kein Objekt oder hat unbekannte Angaben"
    code = item.get("code")
    if not isinstance(code, str) or not 0 < len(code) <= length or not code.isprintable() \
            or any(c.isspace() for c in code) \
            or unicodedata.normalize("NFC", code) != code:  # fmt: skip
        return (f"hat ein Eintrag keinen gültigen Code (ein Wort ohne Leerzeichen, bis {length} "
                "Zeichen)")  # fmt: skip
    code = printable(code, 40)
    for key in ("de", "en"):
        if key in item and not _text(item[key]):
            return f"hat „{code}“ keine gültige Bezeichnung ({key}: Text ohne Steuerzeichen)"
    if "de" not in item:
        return f"fehlt „{code}“ die deutsche Bezeichnung (de)"
    if "parent" in item and item["parent"] is not None and not (
        isinstance(item["parent"], str) and 0 < len(item["parent"]) <= 64
        and item["parent"].isprintable()
    ):  # fmt: skip
        return f"hat „{code}“ einen ungültigen übergeordneten Code"
    for key in ("sort", "since"):
        if key in item and (type(item[key]) is not int or not 0 <= item[key] < 2**31):
            return f"hat „{code}“ eine ungültige Angabe {key}"
    if "active" in item and type(item["active"]) is not bool:
        return f"hat „{code}“ bei „active“ weder true noch false"
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(_text(a) for a in aliases):
        return f"hat „{code}“ ungültige andere Schreibweisen (aliases)"
    return None


def next_version(current: Catalog, proposed: Catalog) -> tuple[Catalog, ProfileChange]:
    """The proposed profile as the next version of ``current``, with what it changes; raises
    ``KimdeskError`` naming every rule it breaks."""
    problems = []
    if proposed.profile != current.profile:
        problems.append(f"das Profil heißt „{printable(proposed.profile, 40)}“, nicht "
                        f"„{current.profile}“")  # fmt: skip
    if proposed.county != current.county:
        problems.append(f"der Kreis (AGS) ist {printable(proposed.county, 20)}, nicht "
                        f"{current.county}")  # fmt: skip
    old = {(e.catalog, e.code): e for e in current.entries}
    new = {(e.catalog, e.code): e for e in proposed.entries}
    for catalog, code in sorted(new.keys() - old.keys()):
        if not NEW_CODE.fullmatch(code):
            problems.append(f"der neue Code „{printable(code, 40)}“ ({catalog}) besteht nicht nur "
                            "aus Kleinbuchstaben a–z, Ziffern und _")  # fmt: skip
        elif any(c == catalog and k.casefold() == code.casefold() and k != code
                 for c, k in new):  # fmt: skip
            problems.append(f"der neue Code „{code}“ ({catalog}) gleicht einem anderen bis auf "
                            "die Schreibweise")  # fmt: skip
    for key in sorted(old.keys() - new.keys()):
        problems.append(f"der Code „{key[1]}“ ({key[0]}) fehlt: Codes werden nie entfernt, "
                        "nur stillgelegt (\"active\": false)")  # fmt: skip
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        if not before.active and after.active:
            problems.append(f"der stillgelegte Code „{key[1]}“ ({key[0]}) wird nicht wieder "
                            "vergeben; für eine neue Bedeutung bitte einen neuen Code")  # fmt: skip
        if before.parent != after.parent:
            problems.append(f"der Code „{key[1]}“ ({key[0]}) gehört zu "
                            f"„{before.parent or '–'}“ und wechselt nicht")  # fmt: skip
    if problems:
        shown = problems[:MAX_NAMED]
        more = f" (und {len(problems) - MAX_NAMED} weitere)" if len(problems) > MAX_NAMED else ""
        raise KimdeskError(
            "Das Profil kann so nicht übernommen werden: " + "; ".join(shown) + more + "."
        )
    version = current.version + 1
    entries = []
    for key, entry in new.items():
        since = old[key].since if key in old else version
        entries.append(replace(entry, since=since))
    settings = []
    if proposed.name != current.name:
        settings.append(f"Name: {current.name} → {proposed.name}")
    if proposed.retention_years != current.retention_years:
        settings.append(f"Aufbewahrungsfrist: {current.retention_years} → "
                        f"{proposed.retention_years} Jahre")  # fmt: skip
    if proposed.inactive_weeks != current.inactive_weeks:
        settings.append(f"Wiedervorlage ohne Beratung nach: {current.inactive_weeks} → "
                        f"{proposed.inactive_weeks} Wochen")  # fmt: skip
    for field, label in (("one_off_months", "Löschfrist nach nur einmaliger Beratung"),
                         ("inactive_months", "Löschfrist für ruhende offene Fälle")):  # fmt: skip
        before, after = getattr(current.retention, field), getattr(proposed.retention, field)
        if before != after:
            settings.append(f"{label}: {before} → {after} Monate")
    if proposed.population != current.population:

        def shown(people):
            return f"{people.inhabitants:,} ({people.year})".replace(",", ".") if people else "—"

        settings.append(f"Einwohnerzahl: {shown(current.population)} → "
                        f"{shown(proposed.population)}")  # fmt: skip
    if proposed.min_count != current.min_count:
        settings.append(f"Mindestfallzahl für Veröffentlichungen: {current.min_count} → "
                        f"{proposed.min_count}")  # fmt: skip
    change = ProfileChange(
        version,
        added=tuple(sorted(new.keys() - old.keys())),
        retired=tuple(
            sorted(k for k in old.keys() & new.keys() if old[k].active and not new[k].active)
        ),  # fmt: skip
        relabelled=tuple(
            sorted(k for k in old.keys() & new.keys() if _labels(old[k]) != _labels(new[k]))
        ),  # fmt: skip
        settings=tuple(settings),
    )
    return replace(proposed, entries=tuple(entries), version=version), change


def _labels(entry: CatalogEntry) -> tuple:
    return entry.label_de, entry.label_en, entry.aliases, entry.sort


def document(catalog: Catalog) -> dict:
    """The profile as a JSON document in the catalog file format, with its version and each
    code's ``since``: what ``profile --show --json`` prints and a reply carries."""
    catalogs: dict[str, list[dict]] = {}
    for entry in sorted(catalog.entries, key=lambda e: (e.catalog, e.sort, e.code)):
        item = {"code": entry.code, "de": entry.label_de, "en": entry.label_en,
                "sort": entry.sort, "since": entry.since}  # fmt: skip
        if entry.parent is not None:
            item["parent"] = entry.parent
        if not entry.active:
            item["active"] = False
        if entry.aliases:
            item["aliases"] = list(entry.aliases)
        catalogs.setdefault(entry.catalog, []).append(item)
    return {
        "format": PROFILE_FORMAT,
        "profile": catalog.profile,
        "version": catalog.version,
        "name": catalog.name,
        "county": catalog.county,
        "retention_years": catalog.retention_years,
        "publication": {"min_count": catalog.min_count},
        # Only where the county set it: a document without it reads as before everywhere.
        **(
            {"case_work": {"inactive_weeks": catalog.inactive_weeks}}
            if catalog.inactive_weeks != DEFAULT_INACTIVE_WEEKS
            else {}
        ),
        **(
            {
                "retention": {
                    "one_off_months": catalog.retention.one_off_months,
                    "inactive_months": catalog.retention.inactive_months,
                }
            }
            if catalog.retention != RetentionRules()
            else {}
        ),  # fmt: skip
        **(
            {
                "population": {
                    "inhabitants": catalog.population.inhabitants,
                    "year": catalog.population.year,
                }
            }
            if catalog.population is not None
            else {}
        ),  # fmt: skip
        "catalogs": catalogs,
    }
