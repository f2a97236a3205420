"""Wiedervorlage on a full laptop: ``services.due`` over 200,000 consultations and 5,000 cases
(the data of ``merge.py``), as the app runs it after each save of a case, goal or
consultation. Goal: ≤ 0.3 s (a status bar that keeps up with typing in saves). Baseline, in the
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="kimdesk-bench-due-"))
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")

    from kimdesk.services import due, setup

    with setup.init_store(folder / "office.kdb", CM_PASS, role="office", name="Kreis") as office:
        setup.write_identity(office, folder / "office.json")
    with setup.init_store(folder / "cm.kdb", CM_PASS, role="casemanager", name="CM Bench",
                          office_identity=folder / "office.json") as ws:  # fmt: skip
        cases, consultations = generate(args.rows, 2023)
        fill(ws, cases, consultations)
        times, found = [], None
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = due.due(ws, days=6)
            times.append(time.perf_counter() - start)
        measured = statistics.median(times)
        base = baseline(ws, args.repeat)
    print(
        f"due:       {measured:.3f} s  ({len(found.items):,} items over {len(cases):,} cases and "
        f"{args.rows:,} consultations; runs: {', '.join(f'{t:.3f}' for t in times)})"
    )
    print(f"baseline:  {base:.3f} s  (stdlib sqlite3, unencrypted: the same three questions)")
    print(
        f"ratio:     {measured / base:.2f}x  (goal <= 0.3 s: "
        f"{'PASS' if measured <= 0.3 else 'MISS'})"
    )
    results.record(f"Wiedervorlage (due), {len(cases):,} cases, {args.rows:,} consultations",
                   measured, "s", goal="≤ 0.3 s", baseline=base,
                   baseline_name="stdlib sqlite3, unencrypted: the same questions")  # fmt: skip
    results.save("due")
    return 0


if __name__ == "__main__":
    sys.exit(main())
