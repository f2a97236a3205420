"""Benchmark: ``import_legacy`` against plain ``sqlite3`` doing the same inserts.

    python bench/legacy_import.py [--rows N] [--seed S] [--keep]

Generates a legacy list as German Excel writes it (``;``, Windows-1252, DD.MM.YYYY; one-off
and case-management rows with ~5,000 case references, 1-3 topics, 0-2 referrals,
municipalities by name) and times

* KIMdesk: ``import_legacy`` into a fresh encrypted store (SQLCipher, SQLAlchemy Core),
  i.e. read + decode + parse + catalog lookup + validation + cases + consultations, topics,
  referrals, audit entries, legacy-import record, in one transaction;
* baseline: stdlib ``sqlite3`` on an unencrypted file with the same tables, indexes and
  pragmas (WAL, synchronous=FULL, foreign keys), reading and parsing the same CSV with the
  ``csv`` module (dict lookups for codes, no validation, no audit entries) and inserting
  cases, consultations, topics and referrals with ``executemany`` in one transaction.

Goal: KIMdesk at most 5x the baseline. Opening/creating the stores (key derivation) is
not timed on either side.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import cache
from itertools import count
from pathlib import Path

import results  # bench/results.py

GOAL_RATIO = 5.0
CASE_REFS = 5_000
HEADER = [
    "Datum",
    "Kommune",
    "Art",
    "Programm",
    "Fall",
    "Themen",
    "Verweise",
    "Dauer",
    "Setting",
    "Sprachmittlung",
]

MUNICIPALITIES = [
    "Alfter",
    "Bad Honnef",
    "Bornheim",
    "Eitorf",
    "Hennef (Sieg)",
    "Königswinter",
    "Lohmar",
    "Meckenheim",
    "Much",
    "Neunkirchen-Seelscheid",
    "Niederkassel",
    "Rheinbach",
    "Ruppichteroth",
    "Sankt Augustin",
    "Siegburg",
    "Swisttal",
    "Troisdorf",
    "Wachtberg",
    "Windeck",
    "Kreisweit",
]
# Codes and labels as people type them, weighted roughly like the 2022/23 evaluation.
TOPICS = [
    ("Lebensunterhalt/Existenzsicherung", 16),
    ("Deutsch (Kurse)", 15),
    ("Aufenthalt/Einbürgerung", 14),
    ("Gesundheit", 13),
    ("Wohnen", 11),
    ("Arbeit/Ausbildung", 8),
    ("Kinderbetreuung", 5),
    ("schule", 5),
    ("Familie", 4),
    ("Schulden/Finanzen", 4),
    ("Sprachmittlung", 3),
    ("Sonstiges", 2),
]
REFERRALS = [
    ("Beratungsstellen der Freien Wohlfahrtspflege", 23),
    ("Ämter/Bürgerservice", 20),
    ("Jobcenter", 11),
    ("Ausländerbehörde", 8),
    ("Integrations-/Sprachkursträger", 10),
    ("Gesundheitswesen/Therapie", 8),
    ("Kita/Schule", 8),
    ("MBE/JMD", 7),
    ("Sonstige", 5),
]
SETTINGS = ["Sprechstunde", "Hausbesuch", "Telefon", "Video", "Begleitung", ""]
MEDIATION = ["keine", "Dolmetscher", "Vasco", "eigene Sprache", ""]
FIRST_DAY = date(2021, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days

OFFICE_PASS = "bench office passphrase"
CM_PASS = "bench case manager passphrase"


# -- the legacy file -------------------------------------------------------------------------


def generate_csv(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    topics, topic_weights = zip(*TOPICS, strict=True)
    referrals, referral_weights = zip(*REFERRALS, strict=True)
    refs = [f"RSK-{2021 + i % 4}-{i:05d}" for i in range(CASE_REFS)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for _ in range(rows):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        cm = rng.random() < 0.6
        chosen_topics = set(rng.choices(topics, topic_weights, k=rng.choice((1, 1, 2, 3))))
        chosen_referrals = set(rng.choices(referrals, referral_weights, k=rng.choice((0, 1, 1, 2))))
        separator = rng.choice((", ", "|"))
        writer.writerow(
            [
                f"{day:%d.%m.%Y}",
                rng.choice(MUNICIPALITIES),
                "CM" if cm else "einmalig",
                rng.choice(("", "KIM", "KIM", "MuKi-S")),
                rng.choice(refs) if cm else "",
                separator.join(sorted(chosen_topics)),
                separator.join(sorted(chosen_referrals)),
                str(rng.choice((15, 30, 30, 45, 60, 90))),
                rng.choice(SETTINGS),
                rng.choice(MEDIATION),
            ]
        )
    path.write_bytes(out.getvalue().encode("cp1252"))


# -- KIMdesk ---------------------------------------------------------------------------------


def run_kimdesk(folder: Path, legacy: Path) -> tuple[float, dict]:
    from kimdesk.services import setup
    from kimdesk.services.legacy_import import import_legacy

    with setup.init_store(folder / "office.kdb", OFFICE_PASS, role="office", name="Kreis") as ws:
        setup.write_identity(ws, folder / "office.json")
    with setup.init_store(
        folder / "cm.kdb",
        CM_PASS,
        role="casemanager",
        name="CM Bench",
        office_identity=folder / "office.json",
    ) as ws:
        start = time.perf_counter()
        result = import_legacy(ws, legacy)
        elapsed = time.perf_counter() - start
        with ws.store.connect() as conn:
            counts = {
                table: conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                for table in ("consultation", "consultation_topic", "referral", "case_file")
            }
    if result.rejected:
        raise SystemExit(f"the generated file had {result.rejected} rejected rows")
    return elapsed, counts


# -- baseline: plain sqlite3 -----------------------------------------------------------------

SCHEMA = """
CREATE TABLE case_file (
    id VARCHAR(36) PRIMARY KEY, version INTEGER NOT NULL, origin VARCHAR(36) NOT NULL,
    updated_at DATETIME NOT NULL, deleted BOOLEAN NOT NULL, change_seq INTEGER NOT NULL,
    client_id VARCHAR(36), municipality VARCHAR(16) NOT NULL, program VARCHAR(16) NOT NULL,
    opened_on DATE NOT NULL, phase VARCHAR(16) NOT NULL, access_route VARCHAR(32),
    closed_on DATE, closure_reason VARCHAR(32), consent_on DATE, notes TEXT,
    legacy_ref VARCHAR(200));
CREATE INDEX ix_case_file_change_seq ON case_file (change_seq);
CREATE INDEX ix_case_file_client_id ON case_file (client_id);
CREATE INDEX ix_case_file_legacy_ref ON case_file (legacy_ref);
CREATE TABLE consultation (
    id VARCHAR(36) PRIMARY KEY, version INTEGER NOT NULL, origin VARCHAR(36) NOT NULL,
    updated_at DATETIME NOT NULL, deleted BOOLEAN NOT NULL, change_seq INTEGER NOT NULL,
    occurred_on DATE NOT NULL, duration_min INTEGER, municipality VARCHAR(16) NOT NULL,
    program VARCHAR(16) NOT NULL, kind VARCHAR(16) NOT NULL, client_id VARCHAR(36),
    case_id VARCHAR(36) REFERENCES case_file (id), setting VARCHAR(32),
    language_mediation VARCHAR(32), language VARCHAR(8), notes TEXT);
CREATE INDEX ix_consultation_change_seq ON consultation (change_seq);
CREATE INDEX ix_consultation_occurred_on ON consultation (occurred_on);
CREATE INDEX ix_consultation_client_id ON consultation (client_id);
CREATE INDEX ix_consultation_case_id ON consultation (case_id);
CREATE TABLE consultation_topic (
    consultation_id VARCHAR(36) REFERENCES consultation (id) ON DELETE CASCADE,
    topic VARCHAR(32), PRIMARY KEY (consultation_id, topic));
CREATE TABLE referral (
    consultation_id VARCHAR(36) REFERENCES consultation (id) ON DELETE CASCADE,
    pos INTEGER, target VARCHAR(32) NOT NULL, accompanied BOOLEAN NOT NULL,
    outcome VARCHAR(16) NOT NULL, PRIMARY KEY (consultation_id, pos));
"""
_SPLIT = re.compile(r"[,|]")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _lookups() -> dict[str, dict[str, str]]:
    """code/label/alias -> code per catalog, as any importer would keep it (a dict)."""
    from kimdesk.domain.catalog import load_profile

    found: dict[str, dict[str, str]] = {}
    for entry in load_profile("rhein-sieg"):
        table = found.setdefault(entry.catalog, {})
        for text in (*entry.aliases, entry.label_en, entry.label_de, entry.code):
            table[_fold(text)] = entry.code
    return found


def run_baseline(folder: Path, legacy: Path) -> tuple[float, float, dict]:
    lookups = _lookups()  # the catalog is loaded before the clock starts, as on the store side
    db = folder / "baseline.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.executescript(SCHEMA)

    start = time.perf_counter()
    data = legacy.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    index = {_fold(h): i for i, h in enumerate(next(reader))}

    @cache  # cell texts repeat: look each one up once, as the importer does
    def code(catalog: str, text: str) -> str:
        return lookups[catalog][_fold(text)]

    i_date, i_mun, i_art, i_prog = (index[k] for k in ("datum", "kommune", "art", "programm"))
    i_fall, i_top, i_ref, i_dur = (index[k] for k in ("fall", "themen", "verweise", "dauer"))
    i_set, i_med = index["setting"], index["sprachmittlung"]

    parsed = []
    for cells in reader:
        day, month, year = cells[i_date].split(".")
        kind = code("kind", cells[i_art])
        topics = {code("topic", t) for t in _SPLIT.split(cells[i_top]) if t.strip()}
        referrals = list(
            dict.fromkeys(
                code("referral_target", t) for t in _SPLIT.split(cells[i_ref]) if t.strip()
            )
        )
        parsed.append(
            (
                date(int(year), int(month), int(day)),
                code("municipality", cells[i_mun]),
                kind,
                code("program", cells[i_prog] or "kim"),
                _fold(cells[i_fall]) if kind == "cm" else None,
                cells[i_fall].strip(),
                topics,
                referrals,
                int(cells[i_dur]) if cells[i_dur] else None,
                code("setting", cells[i_set]) if cells[i_set] else None,
                code("language_mediation", cells[i_med]) if cells[i_med] else None,
            )
        )

    origin = str(uuid.uuid4())
    # Time-ordered ids like KIMdesk's UUIDv7 (B-tree inserts stay local), at no cost.
    prefix = uuid.uuid4().hex[:20]
    ids = (f"{prefix[:8]}-{prefix[8:12]}-7{prefix[13:16]}-{n >> 48:04x}-{n:012x}" for n in count())
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    cases: dict[str, list] = {}
    for row in parsed:
        key = row[4]
        if key is None:
            continue
        case = cases.get(key)
        if case is None:
            cases[key] = [next(ids), row[1], row[3], row[0], row[5]]
        elif row[0] < case[3]:
            case[3] = row[0]
    seq = 0
    case_rows = []
    for case_id, mun, program, opened, ref in cases.values():
        seq += 1
        case_rows.append(
            (case_id, origin, now, seq, mun, program, opened.isoformat(), "implementation", ref)
        )
    consultation_rows, topic_rows, referral_rows = [], [], []
    for occurred, mun, kind, program, key, _, topics, referrals, dur, setting, med in parsed:
        seq += 1
        cid = next(ids)
        case_id = cases[key][0] if key else None
        consultation_rows.append(
            (cid, origin, now, seq, occurred.isoformat(), dur, mun, program, kind, case_id)
            + (setting, med)
        )
        topic_rows.extend((cid, t) for t in topics)
        referral_rows.extend((cid, pos, t) for pos, t in enumerate(referrals))

    insert_start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO case_file (id, version, origin, updated_at, deleted, change_seq, "
        "municipality, program, opened_on, phase, legacy_ref) "
        "VALUES (?, 1, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
        case_rows,
    )
    conn.executemany(
        "INSERT INTO consultation (id, version, origin, updated_at, deleted, change_seq, "
        "occurred_on, duration_min, municipality, program, kind, case_id, setting, "
        "language_mediation) VALUES (?, 1, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        consultation_rows,
    )
    conn.executemany("INSERT INTO consultation_topic VALUES (?, ?)", topic_rows)
    conn.executemany(
        "INSERT INTO referral VALUES (?, ?, ?, 0, 'unknown')",
        referral_rows,
    )
    conn.execute("COMMIT")
    end = time.perf_counter()
    elapsed, insert_only = end - start, end - insert_start

    counts = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("consultation", "consultation_topic", "referral", "case_file")
    }
    conn.close()
    return elapsed, insert_only, counts


# -- main ------------------------------------------------------------------------------------


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="kimdesk-bench-"))
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")
    try:
        legacy = folder / "Beratungen.csv"
        generate_csv(legacy, args.rows, args.seed)
        size = legacy.stat().st_size / (1024 * 1024)
        print(f"file:      {legacy.name}, {args.rows:,} rows, {size:.1f} MiB (cp1252, ';')")

        rss_before = _peak_rss_mib()
        kim_time, kim_counts = run_kimdesk(folder, legacy)
        rss_kimdesk = _peak_rss_mib()
        base_time, insert_only, base_counts = run_baseline(folder, legacy)
        if kim_counts != base_counts:
            print(f"row counts differ: KIMdesk {kim_counts}, baseline {base_counts}")
            return 1
        print(
            "rows:      {consultation:,} consultations, {consultation_topic:,} topics, "
            "{referral:,} referrals, {case_file:,} cases (same on both sides)".format(**kim_counts)
        )
        print(
            f"KIMdesk:   {kim_time:7.2f} s  {args.rows / kim_time:9,.0f} rows/s  "
            "(read+parse+validate+insert incl. audit, SQLCipher, one transaction)"
        )
        print(
            f"baseline:  {base_time:7.2f} s  {args.rows / base_time:9,.0f} rows/s  "
            "(read+parse+insert, stdlib sqlite3 unencrypted, executemany, one transaction)"
        )
        print(
            f"  of it:   {insert_only:7.2f} s  {args.rows / insert_only:9,.0f} rows/s  "
            "(the inserts alone: BEGIN, executemany, COMMIT)"
        )
        ratio = kim_time / base_time
        verdict = "PASS" if ratio <= GOAL_RATIO else "MISS"
        print(f"ratio:     {ratio:.2f}x  (goal <= {GOAL_RATIO:g}x: {verdict})")
        print(f"  vs inserts alone: {kim_time / insert_only:.2f}x")
        results.record(f"legacy import, {args.rows:,} rows", kim_time, "s",
                       goal=f"≤ {GOAL_RATIO:g}× baseline", baseline=base_time,
                       baseline_name="stdlib sqlite3, unencrypted: parse + executemany")  # fmt: skip
        results.save("legacy_import")
        print(
            f"peak RSS:  {rss_kimdesk:.0f} MiB after the KIMdesk import "
            f"(before: {rss_before:.0f} MiB), {_peak_rss_mib():.0f} MiB at the end"
        )
        return 0 if verdict == "PASS" else 1
    finally:
        if args.keep:
            print(f"kept:      {folder}")
        else:
            shutil.rmtree(folder)


if __name__ == "__main__":
    sys.exit(main())
