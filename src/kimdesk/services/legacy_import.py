"""``kimdesk import-legacy``: take over an existing consultation list
(docs/legacy-import.md).

All-or-nothing by default: every bad row is reported (row as Excel shows it, column,
reason) and nothing is imported. With ``skip_invalid`` the good rows are imported and the
rejected ones written to ``FILE.rejected.csv``. The same file twice is refused.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import and_, insert, select

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.domain.enums import Phase, ReferralOutcome, Role
from kimdesk.domain.errors import KimdeskError, ValidationError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.validation import validate_consultation
from kimdesk.fileio import publish, read_limited, write_temp
from kimdesk.store.bookkeeping import audit
from kimdesk.store.models import LegacyImport
from kimdesk.store.records import (
    case_ids_by_legacy_ref,
    case_t,
    consultation_t,
    get_record,
    insert_records,
    referral_t,
    save_record,
    topic_t,
)

from .changes import NOTHING, Change, Changes
from .excel_csv import excel_csv
from .handovers import handed_over_ids
from .legacy_rows import (
    CHUNK,
    COLUMNS,
    FIELD_COLUMN,
    MAX_LIST_BYTES,
    ListRow,
    Progress,
    RowParser,
    RowProblem,
    column_index,
)
from .legacy_table import LegacyFileError, read_table
from .workspace import Workspace


class LegacyImportError(KimdeskError):
    """Bad rows: nothing was imported. ``hint`` says how to import anyway."""

    hint = "Mit --skip-invalid werden die fehlerfreien Zeilen übernommen."

    def __init__(
        self, file_name: str, problems: list[RowProblem], rejected_file: Path | None = None
    ):
        self.problems = problems
        self.rejected_file = rejected_file
        rows = len({p.row for p in problems})
        if rejected_file is None:
            message = (
                f"Die Datei {file_name} wurde nicht importiert: {rows} "
                f"{'Zeile ist' if rows == 1 else 'Zeilen sind'} fehlerhaft."
            )
        else:
            message = (
                f"Die Datei {file_name} wurde nicht importiert: keine Zeile ist fehlerfrei; "
                f"die Gründe stehen in {rejected_file}."
            )
        super().__init__(message)


class LegacyDuplicatesError(LegacyImportError):
    """Rows whose consultations are in the store already: nothing was imported."""

    hint = ("Sind es echte Wiederholungen (zwei Beratungen eines Falls an einem Tag), übernimmt "
            "--allow-duplicates sie trotzdem.")  # fmt: skip

    def __init__(self, file_name: str, problems: list[RowProblem]):
        KimdeskError.__init__(
            self,
            f"Die Datei {file_name} wurde nicht importiert: {len(problems)} "
            f"{'Zeile steht' if len(problems) == 1 else 'Zeilen stehen'} schon im Speicher "
            "(dieselbe Liste, z. B. als CSV und als XLSX, oder schon erfasste Beratungen).",
        )
        self.problems = problems
        self.rejected_file = None


#: What an imported list changes.
CHANGED = (Change.CONSULTATION, Change.CASE, Change.CLIENT)


@dataclass
class ImportResult:
    file: Path
    imported: int
    rejected: int
    cases_created: int
    rejected_file: Path | None = None
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        """Consultations, and the cases and clients a list names, once rows are in."""
        return Changes.of(*CHANGED) if self.imported else NOTHING


def import_legacy(
    ws: Workspace,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    allow_duplicates: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportResult:
    """Take over a list. Rows whose consultation is in the store already (same date,
    municipality, kind, programme, case, topics, referrals, duration and setting) stop the
    import unless ``allow_duplicates``: the same list as CSV and as XLSX, or a list with
    consultations that were entered in the app, would otherwise count twice."""
    path = Path(path)
    if ws.installation.role == Role.LAND:
        raise KimdeskError("Die Landesstelle nimmt Berichte der Kreise an, keine Beratungslisten.")
    if ws.installation.role == Role.OFFICE:
        raise KimdeskError(
            "Eine Beratungsliste gehört in den Speicher des Case-Managements, das die Beratungen "
            "geführt hat: dort mit „kimdesk import-legacy“ übernehmen; sie kommt mit dem nächsten "
            "Bundle zur Kreisstelle. In der Kreisstelle übernommen, zählte sie als eigenes Gerät "
            "und neben denselben Beratungen aus dem Bundle doppelt."
        )
    data = read_limited(path, MAX_LIST_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    legacy_t = LegacyImport.__table__
    with ws.store.connect() as conn:
        earlier = conn.execute(
            select(legacy_t.c.imported_at, legacy_t.c.rows_imported).where(
                legacy_t.c.file_sha256 == digest
            )
        ).first()
    if earlier is not None:
        raise KimdeskError(
            f"Die Datei {path.name} wurde bereits am {earlier.imported_at:%d.%m.%Y} importiert "
            f"({_count(earlier.rows_imported, 'Beratung', 'Beratungen')}); "
            "sie wird nicht noch einmal übernommen."
        )

    table = read_table(path, data)
    index, ignored = column_index(table.header, path.name)
    parser = RowParser(ws.catalog, index, today or date.today())
    good: list[ListRow] = []
    cells_of: dict[int, list[object]] = {}
    rejected: list[tuple[int, list[object], list[RowProblem]]] = []
    problems: list[RowProblem] = []
    for number, cells in table.rows:
        if all(c == "" or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        row, row_problems = parser.parse(number, cells)
        if row is not None:
            row_problems = _domain_problems(row, ws.catalog, parser.today)
        if row_problems:
            problems.extend(row_problems)
            rejected.append((number, cells, row_problems))
        else:
            good.append(row)
            if row.person:
                cells_of[number] = cells
        if progress and number % 2000 == 0:
            progress(number - 1, table.total)
    if not good and not rejected:
        raise LegacyFileError(f"Die Datei {path.name} enthält keine Beratungen.")
    for row, problem in _contradicting_persons(good):
        good.remove(row)
        problems.append(problem)
        rejected.append((row.number, cells_of[row.number], [problem]))
    if problems and not skip_invalid:
        raise LegacyImportError(path.name, problems)
    if good and not allow_duplicates:
        repeated = _already_stored(ws, good)
        if repeated:
            raise LegacyDuplicatesError(path.name, repeated)

    result = ImportResult(
        file=path,
        imported=len(good),
        rejected=len(rejected),
        cases_created=0,
        ignored_columns=ignored,
        problems=problems,
    )
    if rejected:
        result.rejected_file = _free_name(path.with_name(path.name + ".rejected.csv"))
        listing = _rejected_csv(table.header, index, rejected)
        if not good:
            publish(write_temp(result.rejected_file, listing), result.rejected_file)
            raise LegacyImportError(path.name, problems, rejected_file=result.rejected_file)
        # Written aside first, named only once the rows are committed: a failed import
        # leaves no listing that claims otherwise.
        pending = write_temp(result.rejected_file, listing)
    else:
        pending = None
    try:
        result.cases_created = _write(ws, path, digest, good, len(rejected), progress)
    except BaseException:
        if pending:
            pending.unlink(missing_ok=True)
        raise
    if pending:
        publish(pending, result.rejected_file)
    if progress:
        progress(table.total or len(good), table.total)
    return result


def _contradicting_persons(good: list[ListRow]) -> list[tuple[ListRow, RowProblem]]:
    """Rows that describe their case's client otherwise than an earlier row of that case."""
    first: dict[str, ListRow] = {}
    found = []
    for row in good:
        if row.person is None:
            continue
        earlier = first.setdefault(row.case_key, row)
        if earlier is row:
            continue
        for heading, mine, theirs in zip(
            ("Geschlecht", "Altersgruppe", "Staatsangehörigkeit", "Aufenthalt"),
            row.person, earlier.person, strict=True,
        ):  # fmt: skip
            if mine and theirs and mine != theirs:
                found.append((row, RowProblem(
                    row.number, heading,
                    f"widerspricht Zeile {earlier.number} desselben Falls ({theirs}).",
                )))  # fmt: skip
                break
    return found


def _merged_persons(good: list[ListRow]) -> dict[str, tuple]:
    """Per case: the client's attributes, each from the first row that gives it."""
    merged: dict[str, list] = {}
    for row in good:
        if row.person is not None:
            values = merged.setdefault(row.case_key, [None] * 4)
            for i, value in enumerate(row.person):
                values[i] = values[i] or value
    return {key: tuple(values) for key, values in merged.items()}


def _client(person: tuple, municipality: str) -> Client:
    gender, age, nationality, residence = person
    return Client(gender=gender or "unknown", age_group=age, nationality=nationality or "unknown",
                  residence_group=residence or "unknown", municipality=municipality)  # fmt: skip


def _key(occurred_on, municipality, kind, program, case_key, topics, referrals, duration, setting):
    """What makes two consultations the same for a list: the content of its row."""
    return (occurred_on, municipality, kind, program, case_key or "", tuple(sorted(topics)),
            tuple(sorted(referrals)), duration, setting)  # fmt: skip


def _row_key(row: ListRow) -> tuple:
    return _key(row.occurred_on, row.municipality, row.kind, row.program, row.case_key,
                row.topics, row.referrals, row.duration, row.setting)  # fmt: skip


def _already_stored(ws: Workspace, good: list[ListRow]) -> list[RowProblem]:
    """The rows whose consultation the store holds already, with their row numbers."""
    first = min(row.occurred_on for row in good)
    last = max(row.occurred_on for row in good)
    c, k = consultation_t, case_t
    in_range = and_(c.c.deleted.is_(False), c.c.occurred_on >= first, c.c.occurred_on <= last)
    topics: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    with ws.store.connect() as conn:
        for cid, code in conn.execute(
            select(topic_t.c.consultation_id, topic_t.c.topic)
            .join(c, topic_t.c.consultation_id == c.c.id).where(in_range)
        ):  # fmt: skip
            topics[cid].append(code)
        for cid, code in conn.execute(
            select(referral_t.c.consultation_id, referral_t.c.target)
            .join(c, referral_t.c.consultation_id == c.c.id).where(in_range)
        ):  # fmt: skip
            targets[cid].append(code)
        stored = {
            _key(r.occurred_on, r.municipality, r.kind, r.program,
                 " ".join(r.legacy_ref.split()).casefold() if r.legacy_ref else None,
                 topics[r.id], targets[r.id], r.duration_min, r.setting)
            for r in conn.execute(
                select(c.c.id, c.c.occurred_on, c.c.municipality, c.c.kind, c.c.program,
                       k.c.legacy_ref, c.c.duration_min, c.c.setting)
                .select_from(c.outerjoin(k, c.c.case_id == k.c.id)).where(in_range)
            )
        }  # fmt: skip
    return [
        RowProblem(row.number, "Zeile", f"die Beratung vom {row.occurred_on:%d.%m.%Y} steht "
                                        "schon im Speicher.")
        for row in good
        if _row_key(row) in stored
    ]  # fmt: skip


def _domain_problems(row: ListRow, catalog: Catalog, today: date) -> list[RowProblem]:
    """The domain's own rules (dates sane, durations in range) on the parsed row."""
    probe = Consultation(
        id="",
        occurred_on=row.occurred_on,
        municipality=row.municipality,
        kind=row.kind,
        program=row.program,
        topics=row.topics,
        case_id="legacy" if row.case_ref else None,
        duration_min=row.duration,
        setting=row.setting,
        language_mediation=row.mediation,
        referrals=tuple(Referral(t, outcome=ReferralOutcome.UNKNOWN) for t in row.referrals),
    )
    try:
        validate_consultation(probe, catalog, today)
    except ValidationError as exc:
        return [
            RowProblem(row.number, FIELD_COLUMN.get(p.field, p.field), p.message)
            for p in exc.problems
        ]
    return []


def _write(ws, path, digest, good: list[ListRow], rejected: int, progress) -> int:
    origin = ws.installation.id
    batch = uuid7()
    detail = f"legacy-import {batch}"
    at = utc_now()
    with ws.store.begin() as conn:
        known = {" ".join(k.split()).casefold(): v for k, v in case_ids_by_legacy_ref(conn).items()}
        handed = handed_over_ids(conn)
        away = sorted({row.case_key for row in good if known.get(row.case_key) in handed})
        if away:  # those cases are another device's now
            raise KimdeskError(
                f"Die Liste enthält Beratungen zu {len(away)} Fällen, die an ein anderes Gerät "
                "übergeben wurden; bitte diese Zeilen entfernen oder dort erfassen. Es wurde "
                "nichts übernommen."
            )
        people = _merged_persons(good)
        first_row = {row.case_key: row for row in reversed(good) if row.case_key}
        client_of = _clients_of(conn, known)
        # A client for each case this list describes that has none yet, before any case
        # refers to it.
        needed = {key: _client(person, first_row[key].municipality)
                  for key, person in people.items() if key not in client_of}  # fmt: skip
        insert_records(conn, list(needed.values()), origin=origin, detail=detail, at=at)
        for key, client in needed.items():
            if key in known:  # a case of an earlier list gets its client: a new version
                case = get_record(conn, Case, known[key])
                save_record(conn, replace(case, client_id=client.id), origin=origin)
            client_of[key] = client.id
        new_cases: dict[str, Case] = {}
        first_seen: dict[str, ListRow] = {}
        opened: dict[str, date] = {}
        for row in good:
            if row.case_key is None or row.case_key in known:
                continue
            first_seen.setdefault(row.case_key, row)
            if row.case_key not in opened or row.occurred_on < opened[row.case_key]:
                opened[row.case_key] = row.occurred_on
        for key, row in first_seen.items():
            new_cases[key] = Case(
                client_id=client_of.get(key),
                municipality=row.municipality,
                program=row.program,
                opened_on=opened[key],
                phase=Phase.IMPLEMENTATION,
                legacy_ref=row.case_ref,
            )
        insert_records(conn, list(new_cases.values()), origin=origin, detail=detail, at=at)
        case_ids = {**known, **{k: c.id for k, c in new_cases.items()}}
        for start in range(0, len(good), CHUNK):
            chunk = [
                Consultation(
                    occurred_on=row.occurred_on,
                    municipality=row.municipality,
                    kind=row.kind,
                    program=row.program,
                    topics=row.topics,
                    case_id=case_ids[row.case_key] if row.case_key else None,
                    client_id=client_of.get(row.case_key) if row.case_key else None,
                    duration_min=row.duration,
                    setting=row.setting,
                    language_mediation=row.mediation,
                    referrals=tuple(
                        Referral(t, outcome=ReferralOutcome.UNKNOWN) for t in row.referrals
                    ),
                )
                for row in good[start : start + CHUNK]
            ]
            insert_records(conn, chunk, origin=origin, detail=detail, at=at)
            if progress:
                progress(start + len(chunk), len(good))
        conn.execute(
            insert(LegacyImport.__table__).values(
                id=batch,
                file_sha256=digest,
                file_name=path.name,
                imported_at=at,
                rows_imported=len(good),
                rows_rejected=rejected,
            )
        )
        audit(
            conn,
            at=at,
            installation_id=origin,
            action="import",
            entity="legacy_import",
            record_ids=[batch],
            detail=f"{len(good)} Beratungen, {rejected} abgelehnt",
        )
    return len(new_cases)


def _clients_of(conn, known: dict[str, str]) -> dict[str, str]:
    """The clients of cases earlier lists created (those that have one), by case key."""
    if not known:
        return {}
    rows = conn.execute(
        select(case_t.c.id, case_t.c.client_id).where(
            case_t.c.id.in_(list(known.values())), case_t.c.client_id.is_not(None)
        )
    ).all()
    client_by_case = dict(rows)
    return {key: client_by_case[cid] for key, cid in known.items() if cid in client_by_case}


def _count(n: int, one: str, many: str) -> str:
    return f"1 {one}" if n == 1 else f"{n} {many}"


def _free_name(path: Path) -> Path:
    """``path``, or the first of ``….rejected-2.csv``, ``-3`` … that does not exist yet: an
    earlier listing is never overwritten."""
    candidate, n = path, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(path.name.removesuffix(".csv") + f"-{n}.csv")
    return candidate


def _rejected_csv(header, index, rejected) -> bytes:
    """The rejected rows with their reasons, readable by Excel (UTF-8 with BOM, ``;``)."""
    keys = [k for k in COLUMNS if k in index]
    rows = []
    for number, cells, problems in rejected:
        values = []
        for key in keys:
            i = index[key]
            value = cells[i] if i < len(cells) else ""
            values.append(value.strftime("%d.%m.%Y") if isinstance(value, date) else value)
        reasons = " | ".join(f"{p.column}: {p.reason}" for p in problems)
        rows.append([number, *values, reasons])
    return excel_csv(["Zeile", *(COLUMNS[k] for k in keys), "Fehler"], rows)
