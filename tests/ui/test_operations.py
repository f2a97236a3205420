"""Store operations run on one worker thread; results, errors and progress come back by
signal to the GUI thread, which never waits."""

from __future__ import annotations

import threading
import time

import pytest

from kimdesk.domain.errors import KimdeskError
from kimdesk.services.changes import Changes
from kimdesk.ui.operations import Operations
from tests.conftest import CM_PASS


@pytest.fixture
def ops(qtbot, cm_file):
    from kimdesk.services.workspace import open_workspace

    ops = Operations()  # threaded, as in the app
    ops.open(lambda: open_workspace(cm_file, CM_PASS))
    yield ops
    ops.shutdown()


def test_nothing_runs_while_no_store_is_open(qtbot, cm_file):
    """A screen emptied on lock must not reach for the closed store (it did: locking with a
    case selected picked the next one and showed "unexpected error")."""
    from kimdesk.services.workspace import open_workspace

    ops = Operations(serial=True)
    ran = []
    assert ops.query(lambda ws: ran.append(ws)) is None and ran == []  # before unlocking
    ops.open(lambda: open_workspace(cm_file, "wrong passphrase"), failed=lambda _e: None)
    ops.query(lambda ws: ran.append(ws))
    assert ran == []  # the opening failed
    ops.open(lambda: open_workspace(cm_file, CM_PASS))
    ops.query(lambda ws: ran.append(ws.installation.name))
    assert ran == ["CM-07 Troisdorf"]
    ops.close()
    ops.query(lambda ws: ran.append(ws))
    assert ran == ["CM-07 Troisdorf"]
    ops.shutdown()


def test_operations_run_in_order_on_one_other_thread(qtbot, ops):
    gui = threading.get_ident()
    seen, results = [], []

    def op(n):
        def run(ws):
            seen.append((threading.get_ident(), ws.installation.name))
            time.sleep(0.05)
            return n

        return run

    started = time.perf_counter()
    for n in range(3):
        ops.query(op(n), results.append)
    assert time.perf_counter() - started < 0.05  # the GUI thread did not wait
    assert ops.busy
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5000)
    assert results == [0, 1, 2]
    threads = {ident for ident, _name in seen}
    assert len(threads) == 1 and gui not in threads
    assert {name for _ident, name in seen} == {"CM-07 Troisdorf"}
    assert not ops.busy


def test_errors_come_back_and_changes_are_announced(qtbot, ops):
    failures, changed = [], []
    ops.changed.connect(changed.append)

    def fail(_ws):
        raise KimdeskError("Das ging nicht.")

    ops.query(fail, failed=failures.append)
    ops.change(lambda _ws: Changes.of("consultation"))
    qtbot.waitUntil(lambda: bool(changed), timeout=5000)
    assert str(failures[0]) == "Das ging nicht."
    assert changed[0].touches("consultation")


def test_unexpected_errors_become_one_german_sentence_without_their_message(qtbot, ops, caplog):
    messages = []
    ops.failed.connect(messages.append)

    def broken(_ws):
        raise ValueError("Kovalenko, Olena")  # a message that could quote personal data

    ops.query(broken)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "unerwarteter Fehler" in messages[0] and "Kovalenko" not in messages[0]
    assert "ValueError" in caplog.text and "Kovalenko" not in caplog.text


def test_progress_arrives_and_cancel_stops_the_operation(qtbot, ops):
    reports, failures = [], []

    def long(_ws, task):
        for i in range(200):
            task.report(i, 200, "Schritt")
            time.sleep(0.005)
        return "fertig"

    task = ops.query(long, failed=failures.append, progress=lambda d, t, s: reports.append(d))
    qtbot.waitUntil(lambda: len(reports) >= 3, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert str(failures[0]) == "Abgebrochen."
    assert reports[-1] < 199


def test_jobs_queued_behind_a_failing_opening_are_dropped_without_a_word(qtbot, cm_file):
    from kimdesk.services.workspace import open_workspace

    ops = Operations()  # threaded: the job is queued before the opening fails
    failed, ran = [], []
    ops.failed.connect(failed.append)
    opening_failed = []
    ops.open(lambda: open_workspace(cm_file, "wrong passphrase"), failed=opening_failed.append)
    ops.query(lambda ws: ran.append(ws), failed=failed.append)
    qtbot.waitUntil(lambda: not ops.busy, timeout=10000)
    assert opening_failed and ran == [] and failed == []
    ops.shutdown()


def test_a_save_finishing_after_the_lock_leaves_no_undo_step(qtbot, cm_file):
    """Found by a review: a save still running when the window locked put its step (with
    the record's notes) on the emptied stack."""
    from datetime import date

    from kimdesk.domain.entities import Consultation
    from kimdesk.services import records
    from kimdesk.services.workspace import open_workspace

    ops = Operations()
    ops.open(lambda: open_workspace(cm_file, CM_PASS))
    steps, saved = [], []
    ops.stepped.connect(steps.append)

    def slow_save(ws):
        time.sleep(0.3)
        return records.save(
            ws,
            Consultation(
                occurred_on=date(2026, 3, 2),
                municipality="05382068",
                kind="einmalig",
                topics=("wohnen",),
                notes="Canary",
            ),
        )

    ops.change(slow_save, saved.append)
    ops.close()  # the lock, while the save runs
    qtbot.waitUntil(lambda: not ops.busy, timeout=10000)
    assert len(saved) == 1 and saved[0].step is not None  # the save itself happened
    assert steps == []
    ops.shutdown()


def test_a_write_says_what_it_changed_and_a_read_changes_nothing(qtbot, cm_file):
    """``ops.change`` whose result carries no change set, or ``ops.query`` whose result
    carries one, is a programming error that fails loudly (here and in every UI test)."""
    from kimdesk.services.workspace import open_workspace

    ops = Operations(serial=True)
    ops.open(lambda: open_workspace(cm_file, CM_PASS))
    # Raised in the slot that hands results back: pytest-qt fails any test where it happens.
    with qtbot.captureExceptions() as raised:
        ops.change(lambda ws: "saved")
        ops.query(lambda ws: Changes.of("consultation"))
    assert [(kind, str(error).split(" ", 1)[1]) for kind, error, _tb in raised] == [
        (TypeError, "ran as ops.change but did not say what it changed"),
        (TypeError, "changed the store: run it as ops.change"),
    ]
    done = []
    ops.change(lambda ws: Changes(), done.append)  # a write that changed nothing says so
    ops.query(lambda ws: 42, done.append)
    assert done == [Changes(), 42]
    ops.shutdown()


def test_a_screen_may_only_name_changes_that_exist():
    from kimdesk.services.changes import Change
    from kimdesk.ui.screen import Screen

    class Listening(Screen):
        refresh_on = ("consultation", "bundle")

    assert Listening.refresh_on == (Change.CONSULTATION, Change.BUNDLE)
    with pytest.raises(ValueError):

        class Misspelt(Screen):
            refresh_on = ("consultations",)


def test_a_change_name_is_checked_where_it_is_made():
    with pytest.raises(ValueError):
        Changes.of("consultations")
    assert Changes.of("case").touches("case") and not Changes.of("case").touches("goal")
