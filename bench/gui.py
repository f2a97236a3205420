"""Benchmark: the case manager's consultation list with 100,000 consultations.

    python bench/gui.py [--rows N]

Fills a case manager store with N consultations (as ``bench/stats.py`` does, plus clients
with names on a fifth of the cases and notes on a tenth of the consultations; not timed),
then measures with the real window (offscreen platform, store operations on their thread):

* cold start: from launching a fresh Python process to the unlock page on screen
  (``kimdesk.ui.app.start`` + ``show``; median of 3 processes);
* first paint: from unlocking (the list's query of all ids and the first page) until the
  table has painted its rows — the first time after unlocking, then the median of 5 reloads;
* filter keystroke: one character typed into the search field (or a topic chosen) until the
  table has repainted with the new result; median and worst of 20 keystrokes;
* first open of Monitoring: at an office store with 2,000 consultations, three seconds after
  unlocking (as a coordinator first looks at the import screen), from switching to the
  screen until its first chart is drawn.

Goals: first paint <= 0.3 s, filter keystroke <= 0.1 s, cold start <= 1 s, Monitoring <= 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics as stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import results as figures  # noqa: E402  (bench/results.py)
from stats import PASS, fill  # noqa: E402  (the same data as the statistics benchmark)

GOALS = {"first paint": 0.3, "filter keystroke": 0.1, "cold start": 1.0, "monitoring": 0.3}
FAMILY = ["Yilmaz", "Kovalenko", "Haidari", "Nasser", "Tesfaye", "Schmidt", "Popescu", "Ali"]
GIVEN = ["Aylin", "Olena", "Ahmad", "Mariam", "Dawit", "Anna", "Ioana", "Omar"]

COLD_START = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kimdesk.ui.app import start
from kimdesk.ui.settings import Settings
window = start(sys.argv[1], Settings(sys.argv[2]))
window.show()
def shown():
    print(time.time(), flush=True)
    window.ctx.ops.shutdown()
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


PLAIN_START = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("plain Qt")
label.show()
def shown():
    print(time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def plain_start() -> float:
    """Baseline of the cold start: a fresh Python showing one plain Qt label."""
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", PLAIN_START], capture_output=True, text=True,
                         check=True, timeout=60).stdout  # fmt: skip
    return float(out.split()[-1]) - t0


def plain_qt_list(app, rows: int) -> tuple[float, float]:
    """Baseline of list and filter: a QTableView over the same number of rows held in a
    Python list (no store, no thread); the filter is a Python substring scan."""
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtWidgets import QTableView

    names = [f"{FAMILY[i % len(FAMILY)]}, {GIVEN[i % len(GIVEN)]}" for i in range(rows)]
    table_rows = [(f"{1 + i % 28:02d}.03.2024", "Troisdorf", "Einmalige Beratung", "KIM",
                   names[i], "Wohnen, Deutsch (Kurse)", "Jobcenter", "30 min")
                  for i in range(rows)]  # fmt: skip

    class Model(QAbstractTableModel):
        shown = table_rows

        def rowCount(self, parent=None):
            return len(self.shown)

        def columnCount(self, parent=None):
            return 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.shown[index.row()][index.column()]
            return None

    model = Model()
    view = QTableView()
    view.resize(1000, 700)
    view.show()
    t0 = time.perf_counter()
    view.setModel(model)
    view.viewport().repaint()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    model.beginResetModel()
    model.shown = [r for r in table_rows if "kova" in r[4].casefold()]
    model.endResetModel()
    view.viewport().repaint()
    filtered = time.perf_counter() - t0
    view.close()
    app.processEvents()
    return first, filtered


def add_people(ws, seed: int) -> None:
    """Names for a fifth of the cases, notes for a tenth of the consultations (local data)."""
    from sqlalchemy import select, update

    from kimdesk.domain.entities import Client
    from kimdesk.store.records import case_t, consultation_t, insert_records

    rnd = random.Random(seed)
    with ws.store.begin() as conn:
        case_ids = list(conn.execute(select(case_t.c.id)).scalars())[::5]
        clients = [Client(given_name=rnd.choice(GIVEN), family_name=rnd.choice(FAMILY))
                   for _ in case_ids]  # fmt: skip
        insert_records(conn, clients, origin=ws.installation.id)
        for case_id, client in zip(case_ids, clients, strict=True):
            conn.execute(update(case_t).where(case_t.c.id == case_id).values(client_id=client.id))
        ids = list(conn.execute(select(consultation_t.c.id)).scalars())[::10]
        for cid in ids:
            conn.execute(
                update(consultation_t)
                .where(consultation_t.c.id == cid)
                .values(notes=f"Termin {rnd.randrange(1000)} wegen Wohnung und Kita")
            )


def cold_start(store: Path, folder: Path) -> float:
    env = {**os.environ, "KIMDESK_STATE_DIR": str(folder / "state")}
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", COLD_START, str(store), str(folder / "cold.ini")],
        capture_output=True, text=True, env=env, check=True, timeout=60,
    ).stdout  # fmt: skip
    return float(out.split()[-1]) - t0


def wait_loaded(app, model, timeout: float = 30.0) -> None:
    done = []
    model.loaded.connect(done.append)
    deadline = time.perf_counter() + timeout
    while not done:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the list did not load")
        time.sleep(0.0005)
    model.loaded.disconnect(done.append)


def monitoring_first_open(app, store: Path, folder: Path) -> float:
    """Seconds from switching to Monitoring until its first chart is drawn."""
    from kimdesk.ui.app import start
    from kimdesk.ui.settings import Settings
    from kimdesk.ui.statistics import StatisticsScreen

    window = start(store, Settings(folder / "office.ini"))
    window.show()
    done = []
    window.unlock_page.unlocked.connect(done.append)
    window.unlock_page.passphrase.setText(PASS)
    window.unlock_page.submit()
    until = time.perf_counter() + 30
    while not done and time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.001)
    until = time.perf_counter() + 3  # the coordinator looks at the import screen first
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)
    screen = window.screen(StatisticsScreen)
    t0 = time.perf_counter()
    window.show_screen(screen)
    while screen.canvas is None and time.perf_counter() - t0 < 30:
        app.processEvents()
        time.sleep(0.001)
    screen.canvas.repaint()
    seconds = time.perf_counter() - t0
    window.ctx.ops.shutdown()
    window.hide()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kimdesk.services import setup

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="kimdesk-bench-gui-"))
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")
    with setup.init_store(folder / "office.kdb", PASS, role="office", name="Kreis") as office:
        setup.write_identity(office, folder / "office.json")
        fill(office, 2_000, args.seed)  # Monitoring on a small store
    with setup.init_store(folder / "cm.kdb", PASS, role="casemanager", name="CM",
                          office_identity=folder / "office.json") as ws:  # fmt: skip
        t0 = time.perf_counter()
        fill(ws, args.rows, args.seed)
        add_people(ws, args.seed)
        print(f"fill:             {args.rows:,} consultations in "
              f"{time.perf_counter() - t0:.1f} s (not timed)")  # fmt: skip

    from kimdesk.ui.app import start
    from kimdesk.ui.consultations.screen import ConsultationsScreen
    from kimdesk.ui.settings import Settings

    results: dict[str, list[float]] = {name: [] for name in GOALS}
    cold_start(folder / "cm.kdb", folder)  # warm the file cache and Python's bytecode
    results["cold start"] = [cold_start(folder / "cm.kdb", folder) for _ in range(3)]

    window = start(folder / "cm.kdb", Settings(folder / "gui.ini"))
    window.show()
    page = window.unlock_page
    page.passphrase.setText(PASS)
    done = []
    page.unlocked.connect(done.append)
    page.submit()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    screen = window.screen(ConsultationsScreen)
    model, table = screen.model, screen.table
    t0 = time.perf_counter()  # the unlock itself (key derivation) is not part of the list
    wait_loaded(app, model)
    table.viewport().repaint()
    first_after_unlock = time.perf_counter() - t0
    assert model.rowCount() == args.rows, model.rowCount()
    for _ in range(5):  # the list again, as after a saved consultation
        t0 = time.perf_counter()
        model.query(screen.filters.current())
        wait_loaded(app, model)
        table.viewport().repaint()
        results["first paint"].append(time.perf_counter() - t0)

    search = screen.filters.text
    search.setFocus()
    pause_until = time.perf_counter() + 1.0  # a person looks at the list before typing
    while time.perf_counter() < pause_until:
        app.processEvents()
        time.sleep(0.005)

    def measured(action) -> None:
        t0 = time.perf_counter()
        action()
        wait_loaded(app, model)
        table.viewport().repaint()
        results["filter keystroke"].append(time.perf_counter() - t0)

    shown_for_kova = 0
    for word in ("kova", "wohn"):  # a client's name, then the notes
        for letter in word:
            measured(lambda letter=letter: QTest.keyClick(search, letter))
        shown_for_kova = shown_for_kova or model.rowCount()
        for _ in word:
            measured(lambda: QTest.keyClick(search, Qt.Key.Key_Backspace))
    for topic in ("wohnen", "deutsch", "arbeit", None):
        measured(lambda topic=topic: screen.filters.topic.set_code(topic))
    print("list reloads:", " ".join(f"{x:.3f}" for x in results["first paint"]))
    print("keystrokes:", " ".join(f"{x:.3f}" for x in results["filter keystroke"]),
          "(k o v a, 4 x Backspace, w o h n, 4 x Backspace, 3 topics and none)")  # fmt: skip
    window.close()
    results["monitoring"] = [monitoring_first_open(app, folder / "office.kdb", folder)]

    base_first, base_filter = plain_qt_list(app, args.rows)
    base_start = min(plain_start() for _ in range(3))
    print(f"rows shown:       {args.rows:,}; after typing 'kova': {shown_for_kova:,}")
    print(f"plain Qt:         list {base_first:.3f} s, filter {base_filter:.3f} s, "
          f"start {base_start:.3f} s (in-memory model; a bare window)")  # fmt: skip
    plain = "plain Qt: in-memory model of the same rows"
    figures.record(f"list first paint, {args.rows:,} consultations",
                   stat.median(results["first paint"]), "s", goal="≤ 0.3 s",
                   baseline=base_first, baseline_name=plain,
                   note=f"worst {max(results['first paint']):.3f} s; "
                        f"{first_after_unlock:.3f} s right after unlocking")  # fmt: skip
    figures.record("filter keystroke", stat.median(results["filter keystroke"]), "s",
                   goal="≤ 0.1 s", baseline=base_filter,
                   baseline_name="plain Qt: Python substring scan of the same rows",
                   note=f"worst {max(results['filter keystroke']):.3f} s")  # fmt: skip
    figures.record("cold start to the unlock page", stat.median(results["cold start"]), "s",
                   goal="≤ 1 s", baseline=base_start,
                   baseline_name="plain Qt: a fresh Python showing one label")  # fmt: skip
    figures.record("first open of Monitoring, 2,000 consultations", results["monitoring"][0], "s",
                   goal="≤ 0.3 s", note="3 s after unlocking; charts warmed up meanwhile")  # fmt: skip
    figures.save("gui")
    print(f"first paint:      {first_after_unlock:.3f} s after unlocking")
    print(f"{'measure':<18}{'median':>9}{'worst':>9}{'goal':>9}{'ratio':>8}")
    for name, goal in GOALS.items():
        values = results[name]
        median, worst = stat.median(values), max(values)
        print(f"{name:<18}{median:>8.3f}s{worst:>8.3f}s{goal:>8.1f}s{worst / goal:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
