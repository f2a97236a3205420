"""Wiedervorlage on a full laptop: ``services.due`` over 200,000 consultations and 5,000 cases
(the data of ``merge.py``), as the app runs it after each save of a case, goal or
consultation: first as generated (anonymous contacts), then with every case a named client's
and a fifth of the one-off consultations too — none with a consent, all long inactive, so
their referrals are checked against consent and every one of them is due for erasure (a
stress: tens of thousands of items).
Goal: ≤ 0.3 s (a status bar that keeps up with typing in saves). Baseline, in the
same run: the same three questions to stdlib sqlite3, unencrypted, over the same rows.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import results  # noqa: E402
from merge import CM_PASS, fill, generate  # noqa: E402

BASELINE = {
    "case_file": "CREATE TABLE case_file (id TEXT PRIMARY KEY, client_id TEXT, opened_on TEXT, "
                 "closed_on TEXT, follow_up_on TEXT, deleted INT)",
    "goal": "CREATE TABLE goal (id TEXT PRIMARY KEY, case_id TEXT, due_on TEXT, status TEXT, "
            "deleted INT)",
    "consultation": "CREATE TABLE consultation (id TEXT PRIMARY KEY, case_id TEXT, "
                    "occurred_on TEXT, deleted INT)",
}  # fmt: skip
QUESTIONS = (
    "SELECT id FROM case_file WHERE deleted = 0 AND closed_on IS NULL AND follow_up_on <= ?",
    "SELECT c.id FROM case_file c JOIN goal g ON g.case_id = c.id WHERE c.deleted = 0 AND "
    "c.closed_on IS NULL AND g.deleted = 0 AND g.due_on <= ? AND g.status IN ('open','partial')",
    "SELECT c.id, c.opened_on, l.last FROM case_file c LEFT JOIN (SELECT case_id, "
    "max(occurred_on) AS last FROM consultation WHERE deleted = 0 AND case_id IS NOT NULL "
    "GROUP BY case_id) l ON l.case_id = c.id WHERE c.deleted = 0 AND c.closed_on IS NULL",
)


def _plain(value):
    """A value as stdlib sqlite3 stores it: numbers and text as they are, dates as ISO."""
    if value is None or isinstance(value, int | str):
        return int(value) if isinstance(value, bool) else value
    return str(value)


def baseline(ws, repeat: int) -> float:
    """The same rows in an unencrypted stdlib sqlite3 file, the same three questions."""
    path = Path(tempfile.mkdtemp()) / "plain.sqlite"
    plain = sqlite3.connect(path)
    with ws.store.connect() as conn:
        for table, ddl in BASELINE.items():
            plain.execute(ddl)
            columns = ddl[ddl.index("(") + 1 : -1].replace(" PRIMARY KEY", "")
            names = [c.split()[0] for c in columns.split(", ")]
            rows = conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table}").fetchall()
            marks = ", ".join("?" * len(names))
            plain.executemany(
                f"INSERT INTO {table} VALUES ({marks})", [tuple(map(_plain, r)) for r in rows]
            )
    plain.execute("CREATE INDEX ix_goal_case ON goal (case_id)")
    plain.execute("CREATE INDEX ix_consultation_case ON consultation (case_id)")
    plain.commit()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for question in QUESTIONS:
            plain.execute(
                question, (date.today().isoformat(),) if "?" in question else ()
            ).fetchall()
        times.append(time.perf_counter() - start)
    plain.close()
    return statistics.median(times)


def measure(ws, repeat: int) -> tuple[float, list[float], int]:
    """The median of ``repeat`` runs of the list up to Sunday, the runs, the items listed."""
    from kimdesk.services import due

    times, found = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        found = due.due(ws, days=6)
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, len(found.items)


def name_everyone(ws, cases, consultations) -> int:
    """A named client for every case and for every fifth one-off consultation: a laptop's
    people, whose consents and retention the list checks. Returns how many."""

    from kimdesk.domain.entities import Client
    from kimdesk.store.records import insert_records

    one_off = [c for c in consultations if c.case_id is None][::5]
    people = [Client(given_name=f"Vorname {i}", family_name=f"Name {i}")
              for i in range(len(cases) + len(one_off))]  # fmt: skip
    with ws.store.begin() as conn:
        insert_records(conn, people, origin=ws.installation.id, detail="bench")
        for case, person in zip(cases, people, strict=False):
            conn.exec_driver_sql("UPDATE case_file SET client_id = ? WHERE id = ?",
                                 (person.id, case.id))  # fmt: skip
        for visit, person in zip(one_off, people[len(cases) :], strict=True):
            conn.exec_driver_sql("UPDATE consultation SET client_id = ? WHERE id = ?",
                                 (person.id, visit.id))  # fmt: skip
    return len(people)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="kimdesk-bench-due-"))
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")

    from kimdesk.services import setup

    with setup.init_store(folder / "office.kdb", CM_PASS, role="office", name="Kreis") as office:
        setup.write_identity(office, folder / "office.json")
    with setup.init_store(folder / "cm.kdb", CM_PASS, role="casemanager", name="CM Bench",
                          office_identity=folder / "office.json") as ws:  # fmt: skip
        cases, consultations = generate(args.rows, 2023)
        fill(ws, cases, consultations)
        anonymous = measure(ws, args.repeat)
        base = baseline(ws, args.repeat)
        clients = name_everyone(ws, cases, consultations)
        named = measure(ws, args.repeat)
    for label, (measured, times, items), people in (("due", anonymous, 0),
                                                     ("due, named", named, clients)):  # fmt: skip
        print(f"{label + ':':<13}{measured:.3f} s  ({items:,} items over {people:,} named clients, "
              f"{len(cases):,} cases and {args.rows:,} consultations; runs: "
              f"{', '.join(f'{t:.3f}' for t in times)})")  # fmt: skip
        print(f"  ratio:     {measured / base:.2f}x to the baseline  (goal <= 0.3 s: "
              f"{'PASS' if measured <= 0.3 else 'MISS'})")  # fmt: skip
        results.record(f"Wiedervorlage ({label}), {people:,} named clients, {len(cases):,} cases, "
                       f"{args.rows:,} consultations", measured, "s", goal="≤ 0.3 s",
                       baseline=base, note=f"{items:,} items",
                       baseline_name="stdlib sqlite3, unencrypted: the same questions")  # fmt: skip
    print(f"baseline:    {base:.3f} s  (stdlib sqlite3, unencrypted: the same three questions)")
    results.save("due")
    return 0


if __name__ == "__main__":
    sys.exit(main())
