"""Benchmark: ``merge_bundles`` of one full bundle against plain ``sqlite3`` doing the inserts.

    python bench/merge.py [--rows N] [--repeat R] [--seed S] [--keep]
                          [--store postgresql | --store postgresql+psycopg://…]

Creates an office store and a case manager store enrolled with each other, fills the case
manager store with N consultations (1-3 topics, 0-2 referrals, rhein-sieg codes; one-off and
case-management consultations over ~5,000 cases) through ``insert_records`` in one
transaction (not timed), and times

* export: ``export_bundle(full=True)`` of everything into one bundle (read, canonical JSON,
  zlib, HPKE, signature, atomic write);
* KIMdesk merge: ``merge_bundles(office, [bundle])`` into the encrypted office store
  (SQLCipher, SQLAlchemy Core), i.e. size cap + header + signature + decryption + manifest
  hashes + strict JSON of every record + merge per record by id + bookkeeping, in one
  transaction;
* baseline: stdlib ``sqlite3`` on an unencrypted file with the same tables and indexes as
  the office store (its DDL read from ``sqlite_master``) and the same pragmas as the merge
  (WAL, synchronous=FULL, foreign keys off, the merge's page cache), inserting exactly the
  rows the merge wrote (read back from the office store before the clock starts): BEGIN,
  ``executemany`` of cases, consultations, topics and referrals, COMMIT;
* the same bundle again (``already_imported``) and an incremental bundle after 1,000
  consultations were changed with ``save_record``.

With ``--store postgresql`` the same full bundle is also merged into an office store on a
PostgreSQL server (a throwaway cluster started for the run, as the tests do; or the empty
database at the given address): the enrolled office is moved there with ``init --from-store``
logic first (not timed), and the merge's time and rate are printed beside the SQLite figure.

Goals: the merge at most 3x the baseline, peak RSS of the merge at most 1 GB.

Timings on a shared machine wander by 10-20 %, so the first merge and the baseline run
``--repeat`` times (default 3), each merge into a fresh copy of the enrolled, still empty
office store and each baseline into a new file; the ratio uses the best of each (printed
with all runs). The second and the incremental merge run once, on the first copy.

Peak RSS: every merge runs in its own ``multiprocessing`` child, which opens the office
store, times ``merge_bundles`` and reports its ``ru_maxrss`` (RUSAGE_SELF: the high-water
mark of that process, i.e. interpreter + imports + the open store + the merge). Linux carries
``ru_maxrss`` over fork *and* exec, so a child forked or spawned from the parent after the
fill step would report the parent's size; the children therefore come from a fork server
("forkserver" start method) started at the very beginning, while the parent is still small.
Opening the stores (key derivation) is not timed on either side.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import zlib
from dataclasses import replace
from datetime import date, timedelta
from multiprocessing import forkserver
from pathlib import Path

import results  # bench/results.py

GOAL_RATIO = 3.0
GOAL_RSS_MIB = 1024.0
CASES = 5_000
CHANGED = 1_000
FILL_CHUNK = 10_000

MUNICIPALITIES = [f"05382{n:03d}" for n in range(4, 77, 4)]
# Catalog codes, weighted roughly like the 2022/23 evaluation.
TOPICS = [
    ("lebensunterhalt", 16),
    ("deutsch", 15),
    ("aufenthalt", 14),
    ("gesundheit", 13),
    ("wohnen", 11),
    ("arbeit", 8),
    ("kinderbetreuung", 5),
    ("schule", 5),
    ("familie", 4),
    ("finanzen", 4),
    ("sprachmittlung", 3),
    ("sonstiges", 2),
]
REFERRALS = [
    ("wohlfahrt", 23),
    ("aemter", 20),
    ("jc_afa", 11),
    ("abh_ebh", 8),
    ("sprachkurs", 10),
    ("gesundheit", 8),
    ("kita_schule", 8),
    ("migrationsdienste", 7),
    ("sonstige", 5),
]
OUTCOMES = ["open", "taken_up", "not_taken_up", "unknown"]
SETTINGS = ["sprechstunde", "hausbesuch", "telefon", "video", "begleitung", None]
MEDIATION = ["keine", "dolmetscher", "vasco", "eigene", None]
PHASES = ["intake", "assessment", "planning", "implementation", "monitoring"]
FIRST_DAY = date(2021, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days

OFFICE_PASS = "bench office passphrase"
CM_PASS = "bench case manager passphrase"
TABLES = ("case_file", "consultation", "consultation_topic", "referral")


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- the case manager's data -----------------------------------------------------------------


def generate(rows: int, seed: int):
    from kimdesk.domain.entities import Case, Consultation, Referral

    rng = random.Random(seed)
    topics, topic_weights = zip(*TOPICS, strict=True)
    targets, target_weights = zip(*REFERRALS, strict=True)
    cases = [
        Case(
            client_id=None,
            municipality=rng.choice(MUNICIPALITIES),
            program=rng.choice(("kim", "kim", "muki")),
            opened_on=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
            phase=rng.choice(PHASES),
            access_route=rng.choice(("selbst", "kommune", "jobcenter", "wohlfahrt", None)),
        )
        for _ in range(CASES)
    ]
    consultations = []
    for _ in range(rows):
        case = rng.choice(cases) if rng.random() < 0.6 else None
        chosen_topics = set(rng.choices(topics, topic_weights, k=rng.choice((1, 1, 2, 3))))
        chosen_targets = set(rng.choices(targets, target_weights, k=rng.choice((0, 1, 1, 2))))
        consultations.append(
            Consultation(
                occurred_on=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                municipality=case.municipality if case else rng.choice(MUNICIPALITIES),
                kind="cm" if case else "einmalig",
                program=case.program if case else rng.choice(("kim", "kim", "muki")),
                case_id=case.id if case else None,
                topics=tuple(sorted(chosen_topics)),
                referrals=tuple(
                    Referral(target=t, accompanied=rng.random() < 0.2, outcome=rng.choice(OUTCOMES))
                    for t in sorted(chosen_targets)
                ),
                duration_min=rng.choice((15, 30, 30, 45, 60, 90, None)),
                setting=rng.choice(SETTINGS),
                language_mediation=rng.choice(MEDIATION),
                language=rng.choice(("ar", "uk", "fa", "tr", None)),
            )
        )
    return cases, consultations


def fill(ws, cases, consultations) -> None:
    from kimdesk.store.records import insert_records

    origin = ws.installation.id
    with ws.store.pragmas(cache_size=-256 * 1024), ws.store.begin() as conn:
        insert_records(conn, cases, origin=origin, detail="bench")
        for start in range(0, len(consultations), FILL_CHUNK):
            chunk = consultations[start : start + FILL_CHUNK]
            insert_records(conn, chunk, origin=origin, detail="bench")


# -- the merge, in a fresh process ------------------------------------------------------------


def _merge_child(office: str, bundle: str) -> dict:
    from kimdesk.services.sync import merge_bundles
    from kimdesk.services.workspace import open_workspace

    with open_workspace(office, OFFICE_PASS) as ws:
        rss_open = _peak_rss_mib()
        start = time.perf_counter()
        summary = merge_bundles(ws, [bundle])
        elapsed = time.perf_counter() - start
    return {
        "elapsed": elapsed,
        "report": summary.bundles[0].as_json(),
        "rss_open": rss_open,
        "rss_peak": _peak_rss_mib(),
    }


def merge_in_child(office: Path | str, bundle: Path) -> dict:
    context = multiprocessing.get_context("forkserver")
    with context.Pool(1) as pool:
        result = pool.apply(_merge_child, (str(office), str(bundle)))
    report = result["report"]
    if report["status"] == "rejected":
        raise SystemExit(f"the bundle was rejected: {report['reason']}")
    return result


def merge_on_server(store: str, empty_office: Path, bundle: Path) -> dict:
    """Move a copy of the enrolled empty office to PostgreSQL, then time the merge there."""
    from kimdesk.services.server import move_to_server
    from kimdesk.services.workspace import open_workspace

    cluster = None
    if store == "postgresql":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.pgcluster import Cluster

        cluster = Cluster().start()
        store = cluster.create_database("bench")
    try:
        copy = empty_office.with_name("office-for-server.kdb")
        shutil.copyfile(empty_office, copy)
        with open_workspace(copy, OFFICE_PASS) as ws:
            move_to_server(ws, store, OFFICE_PASS)
        return merge_in_child(store, bundle)
    finally:
        if cluster is not None:
            cluster.stop()


# -- baseline: plain sqlite3 -----------------------------------------------------------------


def office_schema_and_rows(office: Path) -> tuple[list[str], dict[str, list[tuple]]]:
    """The office store's DDL and the rows the merge wrote, read before any clock runs."""
    from kimdesk.services.workspace import open_workspace

    order = {
        "case_file": "id",
        "consultation": "id",
        "consultation_topic": "consultation_id, topic",
        "referral": "consultation_id, pos",
    }
    with open_workspace(office, OFFICE_PASS) as ws, ws.store.connect() as conn:
        ddl = [
            sql
            for (sql,) in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid"
            )
        ]
        rows = {
            table: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY {key}")]
            for table, key in order.items()
        }
    return ddl, rows


def export_baseline(cm, folder: Path) -> float:
    """Baseline of the export: stdlib sqlite3 on an unencrypted copy of the case manager
    store reads the same tables, writes every row as JSON, compresses and writes one file
    durably (no canonical form, no encryption, no signature)."""
    plain = folder / "cm-plain.sqlite"
    raw = cm.store.engine.raw_connection()
    try:
        raw.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        raw.execute("SELECT sqlcipher_export('plain')").fetchall()
        raw.execute("DETACH DATABASE plain")
    finally:
        raw.close()
    conn = sqlite3.connect(plain)
    start = time.perf_counter()
    out = zlib.compressobj(6)
    chunks = []
    for table in ("case_file", "consultation", "consultation_topic", "referral"):
        cursor = conn.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
        names = [d[0] for d in cursor.description]
        for row in cursor:
            chunks.append(out.compress(json.dumps(dict(zip(names, row, strict=True))).encode()))
    chunks.append(out.flush())
    target = folder / "baseline-bundle.bin"
    with open(target, "wb") as fh:
        fh.write(b"".join(chunks))
        fh.flush()
        os.fsync(fh.fileno())
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def run_baseline(path: Path, ddl: list[str], rows: dict[str, list[tuple]]) -> float:
    from kimdesk.services.sync import MERGE_CACHE_KIB

    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "temp_store = MEMORY",
        "foreign_keys = OFF",
        f"cache_size = -{MERGE_CACHE_KIB}",
    ):
        conn.execute(f"PRAGMA {pragma}")
    for statement in ddl:
        conn.execute(statement)
    inserts = {
        table: f"INSERT INTO {table} VALUES ({', '.join('?' * len(table_rows[0]))})"
        for table, table_rows in rows.items()
        if table_rows
    }
    start = time.perf_counter()
    conn.execute("BEGIN")
    for table in TABLES:
        if table in inserts:
            conn.executemany(inserts[table], rows[table])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    for table in TABLES:
        (n,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        if n != len(rows[table]):
            raise SystemExit(f"baseline {table}: {n} rows, expected {len(rows[table])}")
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return elapsed


# -- main ------------------------------------------------------------------------------------


def _runs(times) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def _counts(report: dict) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in report["counts"].items() if v) or "nothing"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of merge and baseline")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--store", help="also merge into PostgreSQL: 'postgresql' or a URL")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="kimdesk-bench-"))
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")
    # The merge children fork from this server: started first, it holds no benchmark data.
    forkserver.ensure_running()

    from kimdesk.services import setup
    from kimdesk.services.sync import enroll, export_bundle
    from kimdesk.services.workspace import open_workspace
    from kimdesk.store.records import save_record

    office_path, cm_path = folder / "office.kdb", folder / "cm.kdb"
    outbox = folder / "out"
    outbox.mkdir()
    try:
        with setup.init_store(office_path, OFFICE_PASS, role="office", name="Kreis") as ws:
            setup.write_identity(ws, folder / "office.json")
        cm = setup.init_store(
            cm_path,
            CM_PASS,
            role="casemanager",
            name="CM Bench",
            office_identity=folder / "office.json",
        )
        try:
            setup.write_identity(cm, folder / "cm.json")
            cases, consultations = generate(args.rows, args.seed)
            start = time.perf_counter()
            fill(cm, cases, consultations)
            fill_time = time.perf_counter() - start
            print(
                f"fill:      {len(consultations):,} consultations, {len(cases):,} cases "
                f"via insert_records in {fill_time:.1f} s (not part of the comparison)"
            )

            start = time.perf_counter()
            full = export_bundle(cm, outbox, full=True)
            export_time = time.perf_counter() - start
            size = full.path.stat().st_size / (1024 * 1024)
            print(
                f"export:    {export_time:7.2f} s  {full.records / export_time:9,.0f} records/s  "
                f"bundle {full.path.name}: {full.records:,} records, {size:.1f} MiB"
            )

            with open_workspace(office_path, OFFICE_PASS) as office:
                enroll(office, folder / "cm.json")
            # Closed, the store is one file (the WAL is checkpointed away): copies are stores.
            empty = folder / "office-empty.kdb"
            office_path.rename(empty)

            merges = []
            for i in range(max(1, args.repeat)):
                target = office_path if i == 0 else folder / f"office-{i}.kdb"
                shutil.copyfile(empty, target)
                merges.append(merge_in_child(target, full.path))
                if i:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{target}{suffix}").unlink(missing_ok=True)
            first = min(merges, key=lambda m: m["elapsed"])
            merge_time = first["elapsed"]
            ddl, rows = office_schema_and_rows(office_path)
            base_times = [
                run_baseline(folder / f"baseline-{i}.sqlite", ddl, rows)
                for i in range(max(1, args.repeat))
            ]
            base_time = min(base_times)
            counts = {t: len(r) for t, r in rows.items()}
            base_records = sum(counts.values())
            print(
                "rows:      {consultation:,} consultations, {consultation_topic:,} topics, "
                "{referral:,} referrals, {case_file:,} cases "
                "(the merge's rows; the baseline inserts the same)".format(**counts)
            )
            print(
                f"merge:     {merge_time:7.2f} s  {full.records / merge_time:9,.0f} records/s  "
                f"({_counts(first['report'])}; SQLCipher, verify+decrypt+parse+merge, "
                f"one transaction; runs: {_runs(m['elapsed'] for m in merges)})"
            )
            print(
                f"baseline:  {base_time:7.2f} s  {full.records / base_time:9,.0f} records/s  "
                f"({base_records:,} rows incl. topics/referrals; stdlib sqlite3 unencrypted, "
                f"BEGIN + executemany + COMMIT; runs: {_runs(base_times)})"
            )
            ratio = merge_time / base_time
            verdict = "PASS" if ratio <= GOAL_RATIO else "MISS"
            print(f"ratio:     {ratio:.2f}x  (goal <= {GOAL_RATIO:g}x: {verdict})")
            rss = max(m["rss_peak"] for m in merges)
            rss_verdict = "PASS" if rss <= GOAL_RSS_MIB else "MISS"
            print(
                f"peak RSS:  {rss:.0f} MiB in the merge's own process (goal <= 1 GB: "
                f"{rss_verdict}; {first['rss_open']:.0f} MiB after opening the store)"
            )

            base_name = "stdlib sqlite3, unencrypted: executemany of the same rows"
            export_base = export_baseline(cm, folder)
            print(f"  export baseline: {export_base:.2f} s (stdlib sqlite3 unencrypted: "
                  "SELECT, json.dumps, zlib, one durable file)")  # fmt: skip
            results.record(f"export, {full.records:,} records", export_time, "s",
                           goal="≤ 3× baseline", baseline=export_base,
                           baseline_name="stdlib sqlite3, unencrypted: rows as JSON, zlib, fsync",
                           note="read, canonical JSON, zlib, HPKE, signature, atomic write")  # fmt: skip
            results.record(f"merge, {full.records:,} records (SQLite)", merge_time, "s",
                           goal=f"≤ {GOAL_RATIO:g}× baseline", baseline=base_time,
                           baseline_name=base_name)  # fmt: skip
            results.record("merge, peak memory", rss, "MiB", goal="≤ 1024 MiB")

            again = merge_in_child(office_path, full.path)
            print(
                f"again:     {again['elapsed']:7.2f} s  same bundle: {again['report']['status']} "
                f"(peak RSS {again['rss_peak']:.0f} MiB)"
            )

            if args.store:
                server = merge_on_server(args.store, empty, full.path)
                print(
                    f"server:    {server['elapsed']:7.2f} s  "
                    f"{full.records / server['elapsed']:9,.0f} records/s  "
                    f"({_counts(server['report'])}; PostgreSQL, same bundle; "
                    f"{server['elapsed'] / merge_time:.1f}x the SQLite merge)"
                )
                results.record(f"merge, {full.records:,} records (PostgreSQL)", server["elapsed"],
                               "s", baseline=base_time, baseline_name=base_name,
                               note="local PostgreSQL 15, fsync off")  # fmt: skip

            rng = random.Random(args.seed + 1)
            changed = rng.sample(consultations, min(CHANGED, len(consultations)))
            with cm.store.begin() as conn:
                for c in changed:
                    changed_one = replace(c, duration_min=(c.duration_min or 0) + 5)
                    save_record(conn, changed_one, origin=cm.installation.id)
            start = time.perf_counter()
            delta = export_bundle(cm, outbox)
            delta_export = time.perf_counter() - start
            third = merge_in_child(office_path, delta.path)
            print(
                f"increment: {len(changed):,} consultations changed (save_record); export "
                f"{delta_export:.2f} s ({delta.path.stat().st_size / 1024:.0f} KiB), "
                f"merge {third['elapsed']:.2f} s: {third['report']['status']}, "
                f"{_counts(third['report'])} (peak RSS {third['rss_peak']:.0f} MiB)"
            )
        finally:
            cm.close()
        results.save("merge")
        return 0 if verdict == rss_verdict == "PASS" else 1
    finally:
        if args.keep:
            print(f"kept:      {folder}")
        else:
            shutil.rmtree(folder)


if __name__ == "__main__":
    sys.exit(main())
