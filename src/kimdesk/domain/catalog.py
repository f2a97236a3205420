"""Catalogs: the coded value lists of a county profile (topics, referral targets, ...).

Catalogs are data. A profile is a JSON file in ``kimdesk/resources/catalogs``; another
county is another file. Codes are stable identifiers; labels are for people.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .errors import KimdeskError
from .text import printable

PROFILE_FORMAT = 1

#: The catalogs every profile must provide; the domain validates against them.
REQUIRED_CATALOGS = (
    "program",
    "kind",
    "topic",
    "referral_target",
    "setting",
    "language_mediation",
    "municipality",
    "access_route",
    "closure_reason",
    "residence_group",
    "arrival_band",
    "group_format",
)


@dataclass(frozen=True)
class CatalogEntry:
    catalog: str
    code: str
    label_de: str
    label_en: str
    parent: str | None = None
    sort: int = 0
    active: bool = True
    aliases: tuple[str, ...] = ()
    #: The county profile version that added the code (1: the profile the county started with).
    since: int = 1

    def label(self, language: str = "de") -> str:
        return self.label_en if language == "en" else self.label_de


DEFAULT_RETENTION_YEARS = 3
#: Counts below this are hidden in publication mode unless the profile says otherwise.
DEFAULT_MIN_COUNT = 5
#: An open case without a consultation for this many weeks is due (Wiedervorlage); the county
#: may set it in its profile as ``case_work.inactive_weeks``.
DEFAULT_INACTIVE_WEEKS = 8


@dataclass(frozen=True)
class RetentionRules:
    """The deletion concept's periods besides ``retention_years`` (closed cases): months after
    a client's last consultation when the client only ever had one-off consultations
    (``one_off_months``), and months of no activity after which a client's open cases count as
    abandoned (``inactive_months``). The county sets them in its profile as ``retention``;
    docs/privacy.md gives each rule's reference date."""

    one_off_months: int = 12
    inactive_months: int = 24


#: The bounds a county may set each period of ``RetentionRules`` within.
RETENTION_MONTHS = (1, 120)


@dataclass(frozen=True)
class Population:
    """The county's inhabitants and the year the figure is from (issue 20): the Land's rates
    per 10,000 inhabitants. A county profile may carry it as ``population``."""

    inhabitants: int
    year: int


def population_problem(data: dict) -> str | None:
    """Why a profile document's ``population`` is not ``{"inhabitants": 1–30,000,000,
    "year": 1990–2100}`` (None: it is, or there is none)."""
    if "population" not in data or data["population"] is None:
        return None
    given = data["population"]
    if not isinstance(given, dict) or set(given) != {"inhabitants", "year"}:
        return 'ist nicht genau {"inhabitants": Zahl, "year": Jahr}'
    inhabitants, year = given["inhabitants"], given["year"]
    if type(inhabitants) is not int or not 1 <= inhabitants <= 30_000_000:
        return "„inhabitants“ ist keine Einwohnerzahl (1 bis 30.000.000)"
    if type(year) is not int or not 1990 <= year <= 2100:
        return "„year“ ist kein Jahr (1990 bis 2100)"
    return None


def population_of(data: dict) -> Population | None:
    if population_problem(data) is not None:
        raise KimdeskError("Die Einwohnerzahl im Katalogprofil ist ungültig (population).")
    given = data.get("population")
    return Population(given["inhabitants"], given["year"]) if given else None


def _fold(text: str) -> str:
    """Normalise user text for matching: trimmed, case-insensitive, single spaces."""
    return " ".join(text.split()).casefold()


@dataclass
class Catalog:
    """All catalogs of one profile, with lookup by code, label or alias."""

    profile: str
    name: str
    county: str
    entries: tuple[CatalogEntry, ...]
    #: Years after a case is closed until the client's personal data are erased; the county
    #: (its district office) sets it in its profile.
    retention_years: int = DEFAULT_RETENTION_YEARS
    #: Publication mode hides counts from 1 to ``min_count - 1`` (``stats.suppression``); the
    #: county sets it in its profile as ``publication.min_count``.
    min_count: int = DEFAULT_MIN_COUNT
    #: The county profile's version (``domain.profile``): 1 as shipped, one more per change.
    version: int = 1
    #: Weeks without a consultation after which an open case is due (``case_work``).
    inactive_weeks: int = DEFAULT_INACTIVE_WEEKS
    #: The other retention rules of the deletion concept (``retention``).
    retention: RetentionRules = RetentionRules()
    #: The county's inhabitants with their source year, if the profile carries them.
    population: Population | None = None
    _by_code: dict[tuple[str, str], CatalogEntry] = field(init=False, repr=False)
    _by_text: dict[tuple[str, str], CatalogEntry] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_code = {}
        self._by_text = {}
        for entry in self.entries:
            key = (entry.catalog, entry.code)
            if key in self._by_code:
                raise KimdeskError(
                    f"Der Katalog „{entry.catalog}“ enthält den Code „{entry.code}“ doppelt."
                )
            self._by_code[key] = entry
        # Codes win over labels, labels over aliases, when texts collide (whichever entry comes
        # later); within one kind, the first entry keeps the text.
        for texts in (lambda e: e.aliases, lambda e: (e.label_en,), lambda e: (e.label_de,),
                      lambda e: (e.code,)):  # fmt: skip
            layer: dict[tuple[str, str], CatalogEntry] = {}
            for entry in self.entries:
                for text in texts(entry):
                    layer.setdefault((entry.catalog, _fold(text)), entry)
            self._by_text.update(layer)
        missing = [name for name in REQUIRED_CATALOGS if name not in self.catalog_names()]
        if missing:
            raise KimdeskError(
                f"Dem Profil „{self.profile}“ fehlen die Kataloge: {', '.join(missing)}."
            )

    def catalog_names(self) -> set[str]:
        return {entry.catalog for entry in self.entries}

    def entries_of(self, catalog: str, *, active_only: bool = True) -> list[CatalogEntry]:
        found = [e for e in self.entries if e.catalog == catalog and (e.active or not active_only)]
        return sorted(found, key=lambda e: (e.sort, e.code))

    def codes(self, catalog: str, *, active_only: bool = True) -> list[str]:
        return [e.code for e in self.entries_of(catalog, active_only=active_only)]

    def get(self, catalog: str, code: str) -> CatalogEntry | None:
        return self._by_code.get((catalog, code))

    def has(self, catalog: str, code: str, *, active_only: bool = True) -> bool:
        entry = self.get(catalog, code)
        return entry is not None and (entry.active or not active_only)

    def resolve(self, catalog: str, text: str, *, active_only: bool = True) -> CatalogEntry | None:
        """Find an entry by code, German or English label or alias (case-insensitive); a
        retired one only with ``active_only=False`` (a filter of statistics, say)."""
        entry = self._by_text.get((catalog, _fold(text)))
        if entry is None or (active_only and not entry.active):
            return None
        return entry

    def label(self, catalog: str, code: str, language: str = "de") -> str:
        entry = self.get(catalog, code)
        return entry.label(language) if entry else printable(str(code), 40)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    @classmethod
    def from_entries(
        cls,
        profile: str,
        name: str,
        county: str,
        entries: Iterable[CatalogEntry],
        retention_years: int = 0,
        min_count: int = DEFAULT_MIN_COUNT,
        version: int = 1,
        inactive_weeks: int = DEFAULT_INACTIVE_WEEKS,
        retention: RetentionRules = RetentionRules(),
        population: Population | None = None,
    ) -> Catalog:
        return cls(profile=profile, name=name, county=county, entries=tuple(entries),
                   retention_years=retention_years or DEFAULT_RETENTION_YEARS,
                   min_count=min_count, version=version,
                   inactive_weeks=inactive_weeks, retention=retention,
                   population=population)  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> Catalog:
        if data.get("format") != PROFILE_FORMAT:
            raise KimdeskError("Das Katalogprofil hat ein unbekanntes Format.")
        entries = []
        for catalog, items in data["catalogs"].items():
            for sort, item in enumerate(items, start=1):
                entries.append(
                    CatalogEntry(
                        catalog=catalog,
                        code=item["code"],
                        label_de=item["de"],
                        label_en=item.get("en", item["de"]),
                        parent=item.get("parent"),
                        sort=item.get("sort", sort),
                        active=item.get("active", True),
                        aliases=tuple(item.get("aliases", ())),
                        since=item.get("since", 1),
                    )
                )
        retention = data.get("retention_years", DEFAULT_RETENTION_YEARS)
        if type(retention) is not int or not 1 <= retention <= 30:
            raise KimdeskError("Die Aufbewahrungsfrist im Katalogprofil ist ungültig (1–30 Jahre).")
        publication = data.get("publication", {})
        min_count = (
            publication.get("min_count", DEFAULT_MIN_COUNT)
            if isinstance(publication, dict)
            else None
        )
        if (
            not isinstance(min_count, int)
            or isinstance(min_count, bool)
            or not 2 <= min_count <= 20
        ):
            raise KimdeskError(
                "Die Mindestfallzahl für Veröffentlichungen im Katalogprofil ist ungültig "
                "(publication.min_count: 2–20)."
            )
        weeks = inactive_weeks(data)
        if weeks is None:
            raise KimdeskError(
                "Die Wochen ohne Beratung bis zur Wiedervorlage im Katalogprofil sind ungültig "
                "(case_work.inactive_weeks: 1–52)."
            )
        rules = retention_rules(data)
        if rules is None:
            raise KimdeskError(
                "Die Löschfristen im Katalogprofil sind ungültig (retention.one_off_months, "
                "retention.inactive_months: 1–120)."
            )
        return cls.from_entries(data["profile"], data["name"], data["county"], entries, retention,
                                min_count, data.get("version", 1), weeks, rules,
                                population_of(data))  # fmt: skip


def inactive_weeks(data: dict) -> int | None:
    """A profile document's ``case_work.inactive_weeks`` (the default where it has none), or
    None where it is not exactly ``{"inactive_weeks": 1–52}``."""
    if "case_work" not in data:
        return DEFAULT_INACTIVE_WEEKS
    case_work = data["case_work"]
    if not isinstance(case_work, dict) or set(case_work) != {"inactive_weeks"}:
        return None
    weeks = case_work["inactive_weeks"]
    return weeks if type(weeks) is int and 1 <= weeks <= 52 else None


def retention_rules(data: dict) -> RetentionRules | None:
    """A profile document's ``retention`` (the defaults where it has none, or where it leaves
    one out), or None where it holds anything but the two periods in months, 1–120."""
    if "retention" not in data:
        return RetentionRules()
    given = data["retention"]
    low, high = RETENTION_MONTHS
    if not isinstance(given, dict) or not set(given) <= {"one_off_months", "inactive_months"} \
            or any(type(v) is not int or not low <= v <= high for v in given.values()):  # fmt: skip
        return None
    return RetentionRules(**given)


def available_profiles() -> list[str]:
    folder = resources.files("kimdesk") / "resources" / "catalogs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


#: The Land's catalog (issue 20): the codes every county's profile starts from, and as its
#: "municipalities" the 54 counties of KIM NRW by AGS. Not a county profile: not listed.
LAND_PROFILE = "land-nrw"


@cache
def load_land_profile() -> Catalog:
    """The Land's catalog, read once (a frozen catalog: the Land's statistics, enrolment and
    every report's checks ask it for county names and codes)."""
    path = resources.files("kimdesk") / "resources" / "land" / "nrw.json"
    return Catalog.from_json(json.loads(path.read_text(encoding="utf-8")))


def load_profile(profile: str = "rhein-sieg") -> Catalog:
    """Load a shipped county profile (works from a source tree, a wheel or a frozen build),
    or the Land's."""
    if profile == LAND_PROFILE:
        return load_land_profile()
    if profile not in available_profiles():
        raise KimdeskError(
            f"Das Profil „{profile}“ gibt es nicht; verfügbar: {', '.join(available_profiles())}."
        )
    path = resources.files("kimdesk") / "resources" / "catalogs" / f"{profile}.json"
    return Catalog.from_json(json.loads(path.read_text(encoding="utf-8")))
