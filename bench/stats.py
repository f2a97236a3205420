"""Benchmark: ``kimdesk stats --json`` and ``--xlsx`` against plain SQL GROUP BYs.

    python bench/stats.py [--rows N] [--seed S]

Fills a case manager store with N consultations (1-3 topics, 0-2 referrals, language
mediation in a third, ~5,000 cases with their clients and two goals each, half of them
closed, ~2,000 group sessions, rhein-sieg codes, 2022-2024) through ``insert_records`` (not
timed), then times, on the same data:

* KIMdesk json: ``statistics(ws, Filters())`` + ``json.dumps`` — all of S1-S10 from the
  encrypted store (SQLCipher, SQLAlchemy Core), as ``kimdesk stats --json`` does;
* KIMdesk xlsx: the same report + ``write_workbook`` (openpyxl, native charts), as
  ``kimdesk stats --xlsx`` does;
* baseline: stdlib ``sqlite3`` on an unencrypted copy of the store (``sqlcipher_export``),
  running hand-written GROUP BY queries for the same figures (kind, year x kind,
  municipality x kind, month, referrals by target, topics, sessions per month, cases,
  installations, persons reached by gender/age/nationality/residence/arrival, access routes,
  language mediation, goals by topic and status, closings and case days).

Goals (issue 15): json <= 1 s and xlsx <= 1.5 s on 200,000 consultations; ratios printed
beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import results  # bench/results.py

GOAL_JSON, GOAL_XLSX = 1.0, 1.5
MUNICIPALITIES = [f"05382{n:03d}" for n in range(4, 77, 4)]
TOPICS = ["lebensunterhalt", "deutsch", "aufenthalt", "gesundheit", "wohnen", "arbeit",
          "kinderbetreuung", "schule", "familie", "finanzen"]  # fmt: skip
TARGETS = ["wohlfahrt", "aemter", "jc_afa", "abh_ebh", "sprachkurs", "gesundheit", "kita_schule"]
PASS = "benchmark passphrase"
NATIONS = ["SY", "AF", "UA", "TR", "IQ", "ER", "IR", "SO", "GN", "NG", "AL", "XK", "RU", "XX",
           "unknown"]  # fmt: skip
RESIDENCE = ["asyl_verfahren", "schutz", "duldung", "eu", "niederlassung", "unknown"]
ARRIVAL = ["vor_2015", "2015_2019", "2020_2022", "ab_2023", "unknown"]
ROUTES = ["selbst", "kommune", "jobcenter", "abh", "wohlfahrt", "schule_kita", None]
REASONS = ["ziele_erreicht", "abbruch_klient", "kein_kontakt", "umzug", "uebergabe", "sonstige"]
GOALS = ["open", "partial", "reached", "not_reached", "dropped"]
MEDIATION = ["keine", "keine", "dolmetscher", "vasco", "eigene", None]

BASELINE = [
    "SELECT kind, count(*) FROM consultation WHERE deleted = 0 GROUP BY kind",
    "SELECT strftime('%Y', occurred_on), kind, count(*) FROM consultation WHERE deleted = 0 "
    "GROUP BY 1, 2",
    "SELECT municipality, kind, count(*) FROM consultation WHERE deleted = 0 GROUP BY 1, 2",
    "SELECT strftime('%Y-%m', occurred_on), count(*) FROM consultation WHERE deleted = 0 "
    "GROUP BY 1",
    "SELECT strftime('%Y-%m', occurred_on), count(*) FROM consultation WHERE deleted = 0 "
    "AND program = 'muki' GROUP BY 1",
    "SELECT r.target, count(*) FROM referral r JOIN consultation c ON c.id = r.consultation_id "
    "WHERE c.deleted = 0 GROUP BY 1",
    "SELECT t.topic, count(*) FROM consultation_topic t JOIN consultation c "
    "ON c.id = t.consultation_id WHERE c.deleted = 0 GROUP BY 1",
    "SELECT strftime('%Y-%m', s.held_on), count(*) FROM group_session s JOIN group_offer o "
    "ON o.id = s.offer_id WHERE s.deleted = 0 AND o.deleted = 0 AND s.status = 'held' GROUP BY 1",
    "SELECT o.municipality, o.format, strftime('%Y-%m', s.held_on), sum(s.status = 'held'), "
    "sum(s.status = 'cancelled'), sum(s.participants) FROM group_session s JOIN group_offer o "
    "ON o.id = s.offer_id WHERE s.deleted = 0 GROUP BY 1, 2, 3",
    "SELECT phase, count(*) FROM case_file WHERE deleted = 0 AND closed_on IS NULL GROUP BY 1",
    "SELECT count(DISTINCT origin), count(DISTINCT municipality) FROM consultation "
    "WHERE deleted = 0",
    # who is reached, and with what result
    *(f"SELECT k.{column}, count(*) FROM client k WHERE k.deleted = 0 AND k.id IN (SELECT "
      "coalesce(c.client_id, f.client_id) FROM consultation c LEFT JOIN case_file f "
      "ON f.id = c.case_id WHERE c.deleted = 0) GROUP BY 1"
      for column in ("gender", "nationality", "residence_group", "arrival_band", "age_group")),
    "SELECT count(DISTINCT coalesce(c.client_id, f.client_id)), sum(coalesce(c.client_id, "
    "f.client_id) IS NULL) FROM consultation c LEFT JOIN case_file f ON f.id = c.case_id "
    "WHERE c.deleted = 0",
    "SELECT f.access_route, count(*) FROM case_file f WHERE f.deleted = 0 AND f.id IN "
    "(SELECT case_id FROM consultation WHERE deleted = 0) GROUP BY 1",
    "SELECT language_mediation, count(*) FROM consultation WHERE deleted = 0 GROUP BY 1",
    "SELECT g.topic, g.status, count(*) FROM goal g JOIN case_file f ON f.id = g.case_id "
    "WHERE g.deleted = 0 AND f.deleted = 0 GROUP BY 1, 2",
    "SELECT closure_reason, count(*) FROM case_file WHERE deleted = 0 AND closed_on IS NOT NULL "
    "GROUP BY 1",
    "SELECT julianday(closed_on) - julianday(opened_on), count(*) FROM case_file "
    "WHERE deleted = 0 AND closed_on IS NOT NULL GROUP BY 1",
]  # fmt: skip


def fill(ws, rows: int, seed: int) -> None:
    from kimdesk.domain.entities import (
        Case,
        Client,
        Consultation,
        Goal,
        GroupOffer,
        GroupSession,
        Referral,
    )
    from kimdesk.store.records import insert_records

    rnd = random.Random(seed)
    start = date(2022, 1, 1)
    clients = [
        Client(gender=rnd.choice("wmdx"), nationality=rnd.choice(NATIONS),
               residence_group=rnd.choice(RESIDENCE), arrival_band=rnd.choice(ARRIVAL),
               birth_date=date(rnd.randrange(1950, 2015), 1, 1) if rnd.random() < 0.7 else None)
        for _ in range(5_000)
    ]  # fmt: skip
    cases = []
    for client in clients:
        opened = start + timedelta(days=rnd.randrange(900))
        closed = opened + timedelta(days=rnd.randrange(20, 400)) if rnd.random() < 0.5 else None
        cases.append(Case(client_id=client.id, municipality=rnd.choice(MUNICIPALITIES),
                          program="kim", opened_on=opened, access_route=rnd.choice(ROUTES),
                          phase="closed" if closed else "implementation", closed_on=closed,
                          closure_reason=rnd.choice(REASONS) if closed else None))  # fmt: skip
    goals = [Goal(case_id=k.id, topic=rnd.choice(TOPICS), status=rnd.choice(GOALS))
             for k in cases for _ in range(2)]  # fmt: skip
    offers = [
        GroupOffer(program="muki", format="het", title=f"HET {i}",
                   municipality=rnd.choice(MUNICIPALITIES), planned_sessions=5)
        for i in range(400)
    ]  # fmt: skip
    sessions = [
        GroupSession(offer_id=o.id, held_on=start + timedelta(days=rnd.randrange(1000)),
                     participants=rnd.randrange(3, 15),
                     status="held" if rnd.random() < 0.9 else "cancelled")
        for o in offers for _ in range(5)
    ]  # fmt: skip
    origin = ws.installation.id
    with ws.store.begin() as conn:
        insert_records(conn, clients, origin=origin)
        insert_records(conn, cases, origin=origin)
        insert_records(conn, goals, origin=origin)
        insert_records(conn, offers, origin=origin)
        for chunk in range(0, len(sessions), 1000):
            insert_records(conn, sessions[chunk : chunk + 1000], origin=origin)
        for chunk in range(0, rows, 10_000):
            batch = []
            for _ in range(min(10_000, rows - chunk)):
                cm = rnd.random() < 0.4
                batch.append(
                    Consultation(
                        occurred_on=start + timedelta(days=rnd.randrange(1090)),
                        municipality=rnd.choice(MUNICIPALITIES),
                        kind="cm" if cm else "einmalig",
                        program="muki" if rnd.random() < 0.15 else "kim",
                        topics=tuple(rnd.sample(TOPICS, rnd.randint(1, 3))),
                        referrals=tuple(
                            Referral(t) for t in rnd.sample(TARGETS, rnd.randint(0, 2))
                        ),
                        case_id=rnd.choice(cases).id if cm else None,
                        language_mediation=rnd.choice(MEDIATION),
                    )
                )
            insert_records(conn, batch, origin=origin)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args(argv)

    from kimdesk.services import setup
    from kimdesk.services.statistics import statistics
    from kimdesk.stats.filters import Filters

    folder = Path(tempfile.mkdtemp(prefix="kimdesk-bench-stats-"))
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")
    with setup.init_store(folder / "office.kdb", PASS, role="office", name="Kreis") as office:
        setup.write_identity(office, folder / "office.json")
    ws = setup.init_store(folder / "cm.kdb", PASS, role="casemanager", name="CM",
                          office_identity=folder / "office.json")  # fmt: skip
    t0 = time.perf_counter()
    fill(ws, args.rows, args.seed)
    print(f"fill:      {args.rows:,} consultations in {time.perf_counter() - t0:.1f} s (not timed)")

    # Plain copy for the baseline, made with SQLCipher's own export to an unencrypted file.
    raw = ws.store.engine.raw_connection()
    raw.execute("ATTACH DATABASE ? AS plain KEY ''", (str(folder / "plain.db"),))
    raw.execute("SELECT sqlcipher_export('plain')").fetchall()
    raw.execute("DETACH DATABASE plain")
    raw.close()

    # Warm both sides once (page cache, statement caches), then take the best of three.
    statistics(ws, Filters())
    json_times, xlsx_times, base_times = [], [], []
    exports = _exports()
    for _ in range(3):
        t = time.perf_counter()
        text = json.dumps(statistics(ws, Filters()), ensure_ascii=False)
        json_times.append(time.perf_counter() - t)
        if exports:
            t = time.perf_counter()
            report = statistics(ws, Filters())
            exports.write_workbook(report, ws.catalog, folder / "stats.xlsx", force=True)
            xlsx_times.append(time.perf_counter() - t)
    plain = sqlite3.connect(folder / "plain.db")
    for query in BASELINE:
        plain.execute(query).fetchall()
    for _ in range(3):
        t = time.perf_counter()
        for query in BASELINE:
            plain.execute(query).fetchall()
        base_times.append(time.perf_counter() - t)
    plain.close()
    ws.close()

    best_json, best_base = min(json_times), min(base_times)
    print(f"report:    {len(text) / 1024:.0f} KiB JSON")
    print(f"baseline:  {best_base:6.2f} s  (plain sqlite3, {len(BASELINE)} GROUP BY queries)")
    verdict = "PASS" if best_json <= GOAL_JSON else "MISS"
    print(f"json:      {best_json:6.2f} s  ratio {best_json / best_base:4.1f}x  "
          f"(goal <= {GOAL_JSON:g} s: {verdict})")  # fmt: skip
    if xlsx_times:
        best_xlsx = min(xlsx_times)
        xverdict = "PASS" if best_xlsx <= GOAL_XLSX else "MISS"
        print(f"xlsx:      {best_xlsx:6.2f} s  ratio {best_xlsx / best_base:4.1f}x  "
              f"(goal <= {GOAL_XLSX:g} s: {xverdict})")  # fmt: skip
        verdict = "PASS" if verdict == xverdict == "PASS" else "MISS"
    else:
        print("xlsx:      (kimdesk.services.exports not available)")
    base_name = f"stdlib sqlite3, unencrypted: {len(BASELINE)} GROUP BY queries"
    results.record(
        f"statistics JSON, {args.rows:,} consultations",
        best_json,
        "s",
        goal=f"≤ {GOAL_JSON:g} s",
        baseline=best_base,
        baseline_name=base_name,
    )
    if xlsx_times:
        results.record(
            f"statistics Excel, {args.rows:,} consultations",
            min(xlsx_times),
            "s",
            goal=f"≤ {GOAL_XLSX:g} s",
            baseline=best_base,
            baseline_name=base_name,
        )
    results.save("stats")
    shutil.rmtree(folder)
    return 0 if verdict == "PASS" else 1


def _exports():
    try:
        from kimdesk.services import exports
    except ImportError:
        return None
    return exports


if __name__ == "__main__":
    sys.exit(main())
