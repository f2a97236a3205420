"""The rows of a legacy list: its columns, and each row read into values or problems
(``legacy_import`` checks them against the store and writes them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kimdesk.domain import persons
from kimdesk.domain.catalog import Catalog
from kimdesk.domain.dates import DateInputError, written_date

from .legacy_table import LegacyFileError

#: Column key -> heading as the user writes it (matched case-insensitively).
COLUMNS = {
    "datum": "Datum",
    "kommune": "Kommune",
    "art": "Art",
    "programm": "Programm",
    "fall": "Fall",
    "themen": "Themen",
    "verweise": "Verweise",
    "dauer": "Dauer",
    "setting": "Setting",
    "sprachmittlung": "Sprachmittlung",
    # The client of a case (``Fall``), for the figures of who is reached.
    "geschlecht": "Geschlecht",
    "altersgruppe": "Altersgruppe",
    "staatsangehörigkeit": "Staatsangehörigkeit",
    "aufenthalt": "Aufenthalt",
}
#: Other spellings of headings.
HEADING_ALIASES = {
    "staatsangehoerigkeit": "staatsangehörigkeit",
    "nationalität": "staatsangehörigkeit",
}
PERSON_COLUMNS = ("geschlecht", "altersgruppe", "staatsangehörigkeit", "aufenthalt")
REQUIRED = ("datum", "kommune", "art", "themen")
FIELD_COLUMN = {
    "occurred_on": "Datum",
    "municipality": "Kommune",
    "kind": "Art",
    "program": "Programm",
    "case_id": "Fall",
    "topics": "Themen",
    "referrals": "Verweise",
    "duration_min": "Dauer",
    "setting": "Setting",
    "language_mediation": "Sprachmittlung",
}
CHUNK = 5000
#: A list larger than this is not a consultation list (the bench's 200,000 rows: 19 MB).
MAX_LIST_BYTES = 512 * 1024 * 1024
_SPLIT = re.compile(r"[,|]")
_LOST_ZERO = re.compile(r"[1-9][0-9]{6}")
#: Whole minutes as Excel writes them: ``45`` or ``45,0`` (ASCII digits only).
_MINUTES = re.compile(r"([0-9]{1,9})(?:,0+)?")

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"Zeile {self.row}, Spalte {self.column}: {self.reason}"


@dataclass(slots=True)
class ListRow:
    number: int
    occurred_on: date
    municipality: str
    kind: str
    program: str
    case_key: str | None
    case_ref: str | None
    topics: tuple[str, ...]
    referrals: tuple[str, ...]
    duration: int | None
    setting: str | None
    mediation: str | None
    #: The case's client as the row describes them: gender, age group, nationality,
    #: residence group (None where a cell is empty); None without a case or without cells.
    person: tuple[str | None, str | None, str | None, str | None] | None = None


class RowParser:
    def __init__(self, catalog: Catalog, index: dict[str, int], today: date):
        self.catalog = catalog
        self.index = index
        self.today = today
        self._codes: dict[tuple[str, str], str | None] = {}

    def _get(self, cells: list[object], key: str) -> object:
        i = self.index.get(key)
        if i is None or i >= len(cells):
            return ""
        value = cells[i]
        return value.strip() if isinstance(value, str) else value

    def _code(self, catalog: str, text: str) -> str | None:
        key = (catalog, text)
        if key not in self._codes:
            entry = self.catalog.resolve(catalog, text)
            if entry is None and catalog == "municipality" and _LOST_ZERO.fullmatch(text):
                # Excel shows an AGS typed as a number without its leading zero.
                entry = self.catalog.resolve(catalog, "0" + text)
            self._codes[key] = entry.code if entry else None
        return self._codes[key]

    def _codes_of(self, catalog, text, column, number, problems) -> tuple[str, ...]:
        found: list[str] = []
        for part in _SPLIT.split(text):
            part = part.strip()
            if not part:
                continue
            code = self._code(catalog, part)
            if code is None:
                problems.append(RowProblem(number, column, f"„{part}“ ist unbekannt."))
            elif code not in found:
                found.append(code)
        return tuple(found)

    def parse(self, number: int, cells: list[object]) -> tuple[ListRow | None, list[RowProblem]]:
        problems: list[RowProblem] = []

        def problem(column: str, reason: str) -> None:
            problems.append(RowProblem(number, column, reason))

        occurred = _parse_date(self._get(cells, "datum"))
        if isinstance(occurred, str):
            problem("Datum", occurred)

        municipality = self._code("municipality", str(self._get(cells, "kommune")))
        if municipality is None:
            text = self._get(cells, "kommune")
            problem("Kommune", f"„{text}“ ist keine bekannte Kommune." if text else "fehlt.")

        art = str(self._get(cells, "art"))
        kind = self._code("kind", art) if art else None
        if kind is None:
            problem("Art", f"„{art}“ ist weder einmalig noch CM." if art else "fehlt.")

        program_text = str(self._get(cells, "programm")) or "kim"
        program = self._code("program", program_text)
        if program is None:
            problem("Programm", f"„{program_text}“ ist weder KIM noch MuKi-S.")

        ref = str(self._get(cells, "fall")) or None
        if kind == "cm" and ref is None:
            problem("Fall", "Eine CM-Beratung braucht eine Fallnummer.")

        topics_text = str(self._get(cells, "themen"))
        topics = self._codes_of("topic", topics_text, "Themen", number, problems)
        if not topics_text:
            problem("Themen", "Mindestens ein Thema ist anzugeben.")

        referrals = self._codes_of(
            "referral_target", str(self._get(cells, "verweise")), "Verweise", number, problems
        )

        duration = None
        duration_text = str(self._get(cells, "dauer"))
        if duration_text:
            minutes = _MINUTES.fullmatch(duration_text)
            if minutes:
                duration = int(minutes.group(1))
            else:
                problem("Dauer", f"„{duration_text}“ ist keine Minutenzahl.")

        setting = mediation = None
        setting_text = str(self._get(cells, "setting"))
        if setting_text:
            setting = self._code("setting", setting_text)
            if setting is None:
                problem("Setting", f"„{setting_text}“ ist unbekannt.")
        mediation_text = str(self._get(cells, "sprachmittlung"))
        if mediation_text:
            mediation = self._code("language_mediation", mediation_text)
            if mediation is None:
                problem("Sprachmittlung", f"„{mediation_text}“ ist unbekannt.")

        person = self._person(cells, number, problems)
        if problems:
            return None, problems
        case_ref = ref if kind == "cm" else None
        row = ListRow(
            number=number,
            occurred_on=occurred,
            municipality=municipality,
            kind=kind,
            program=program,
            case_key=" ".join(case_ref.split()).casefold() if case_ref else None,
            case_ref=case_ref,
            topics=topics,
            referrals=referrals,
            duration=duration,
            setting=setting,
            mediation=mediation,
            person=person if case_ref else None,
        )
        return row, []

    def _person(self, cells, number: int, problems: list[RowProblem]) -> tuple | None:
        if not any(k in self.index for k in PERSON_COLUMNS):
            return None
        values = []
        for key, read, what in (
            ("geschlecht", persons.gender, "w, m, d, x oder unbekannt"),
            ("altersgruppe", persons.age_group, "<18, 18-26, 27-44, 45-64, 65+"),
            ("staatsangehörigkeit", persons.nationality, "ISO-Code wie SY oder deutscher Name"),
            ("aufenthalt", lambda t: self._code("residence_group", t), "Aufenthaltsgruppe des Profils"),
        ):  # fmt: skip
            text = str(self._get(cells, key))
            value = read(text) if text else None
            if text and value is None:
                problems.append(
                    RowProblem(number, COLUMNS[key], f"„{text}“ ist unbekannt ({what}).")
                )
            values.append(value)
        return tuple(values) if any(values) else None


def _parse_date(value: object) -> date | str:
    """A date, or the German reason why the value is none."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return "fehlt."
    try:
        return written_date(text)
    except DateInputError as exc:
        return str(exc)


def column_index(header: list[str], file_name: str) -> tuple[dict[str, int], list[str]]:
    index: dict[str, int] = {}
    ignored: list[str] = []
    for i, name in enumerate(header):
        key = " ".join(name.split()).casefold()
        key = HEADING_ALIASES.get(key, key)
        if key in COLUMNS:
            if key in index:
                raise LegacyFileError(
                    f"Die Spalte {COLUMNS[key]} kommt in der Datei {file_name} zweimal vor."
                )
            index[key] = i
        elif name:
            ignored.append(name)
    missing = [COLUMNS[k] for k in REQUIRED if k not in index]
    if missing:
        raise LegacyFileError(
            f"In der Datei {file_name} fehlen die Spalten {', '.join(missing)} "
            f"(erwartet werden {', '.join(COLUMNS.values())})."
        )
    return index, ignored
