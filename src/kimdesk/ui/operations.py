"""Every read and write of the store runs here: on one worker thread that owns the workspace.

The GUI never holds a database connection. A screen reads with ``ops.query(fn, done)`` and
writes with ``ops.change(fn, done)`` (Anki's ``QueryOp`` and ``CollectionOp``); ``fn(ws)`` runs
on the store thread, ``done(result)`` back on the GUI thread. A change's result says what it
changed (a ``Changes``, or a result with ``changes``): that is announced once on ``changed``,
from which every screen refreshes what it shows. A change whose result says nothing, or a
query whose result carries a change set, is a programming error and raises (tests fail).

Tests pass ``serial=True`` through a fixture: operations then run at once on the calling
thread, in the same order and with the same callbacks.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kimdesk.domain.errors import KimdeskError, ValidationError
from kimdesk.services import faults
from kimdesk.services.changes import changes_of
from kimdesk.services.workspace import Workspace

log = logging.getLogger(__name__)


class Cancelled(KimdeskError):
    def __init__(self):
        super().__init__("Abgebrochen.")


@dataclass
class Task:
    """What a long operation sees besides the workspace: progress and a cancel flag."""

    _emit: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


@dataclass
class _Job:
    token: int
    fn: Callable
    done: Callable | None
    failed: Callable | None
    progress: Callable | None
    task: Task | None = None
    needs_store: bool = True  # opening and closing run without one
    writes: bool = False  # ops.change: the result must say what changed


class _NoStore(Exception):
    """A job queued behind an opening that failed: dropped without a word."""


class _Runner(QObject):
    """Lives on the store thread; holds the workspace."""

    finished = Signal(int, object, object)
    progressed = Signal(int, int, int, str)

    def __init__(self):
        super().__init__()
        self.ws: Workspace | None = None

    @Slot(object)
    def execute(self, job: _Job) -> None:
        result, error = self._call(job)
        self.finished.emit(job.token, result, error)

    def _call(self, job: _Job):
        if job.needs_store and self.ws is None:
            return None, _NoStore()
        try:
            if job.task is not None:
                return job.fn(self.ws, job.task), None
            return job.fn(self.ws), None
        except Exception as exc:  # handed to the GUI thread, never lost
            if not isinstance(exc, KimdeskError):
                # Type and place only: an exception message may quote stored values.
                frames = traceback.extract_tb(exc.__traceback__)
                where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames)
                log.error("store operation failed: %s at %s", type(exc).__name__, where)
            return None, exc


class Operations(QObject):
    """The GUI side: queue operations, dispatch their results."""

    _submit = Signal(object)
    changed = Signal(object)  # Changes
    stepped = Signal(object)  # an undo Step, from results that carry one
    busy_changed = Signal(bool)
    failed = Signal(str)  # an error nobody handled, as a German sentence

    def __init__(self, *, serial: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.serial = serial
        self._tokens = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._runner = _Runner()
        self._thread: QThread | None = None
        self._shut = False
        self._open = False
        if not serial:
            self._thread = QThread()
            self._thread.setObjectName("kimdesk-store")
            self._runner.moveToThread(self._thread)
            self._submit.connect(self._runner.execute)
            self._thread.start()
        self._runner.finished.connect(self._finish)
        self._runner.progressed.connect(self._progress)

    # -- submitting -----------------------------------------------------------------------

    def query(
        self,
        fn: Callable[[Workspace], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        *,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> Task | None:
        """Read: run ``fn(ws)`` on the store thread (``fn(ws, task)`` when ``progress`` is
        given); it changes nothing in the store (writing a file is fine).

        Nothing runs while no workspace is open (before unlocking, after locking): a screen
        that reacts to being emptied on lock must not reach for the closed store."""
        if not self._open:
            return None
        return self._enqueue(fn, done, failed, progress)

    def change(
        self,
        fn: Callable[[Workspace], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        *,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> Task | None:
        """Write: as ``query``, and ``fn`` returns what it changed (a ``Changes``, or a
        result with ``changes``), which every screen hears of once ``done`` has run. A write
        that changed nothing says so with an empty set (a merge's dry run, an unchanged save)."""
        if not self._open:
            return None
        return self._enqueue(fn, done, failed, progress, writes=True)

    def _enqueue(
        self, fn, done, failed, progress=None, *, needs_store=True, writes=False
    ) -> Task | None:
        if self._shut:
            return None
        job = _Job(next(self._tokens), fn, done, failed, progress, needs_store=needs_store,
                   writes=writes)  # fmt: skip
        if progress is not None:
            token = job.token
            job.task = Task(lambda d, t, s: self._runner.progressed.emit(token, d, t, s))
        self._jobs[job.token] = job
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        if self.serial:
            self._runner.execute(job)
        else:
            self._submit.emit(job)
        return job.task

    def open(self, opener: Callable[[], Workspace], done=None, failed=None) -> None:
        """Open (or create) the workspace on the store thread and keep it there."""

        def op(_ws):
            ws = opener()
            self._runner.ws = ws
            return ws

        def not_opened(error: Exception) -> None:
            self._open = False
            if failed is not None:
                failed(error)
            else:
                self.failed.emit(message_for(error))

        self._open = True  # what is queued behind the opening runs once it is open
        self._enqueue(op, done, not_opened, needs_store=False)

    def close(self, done=None) -> None:
        """Close the workspace (the store's keys leave memory with its connection)."""

        def op(ws):
            self._runner.ws = None
            if ws is not None:
                ws.close()

        self._enqueue(op, done, None, needs_store=False)
        self._open = False

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def shutdown(self) -> None:
        """Close the workspace and stop the store thread; later operations are refused."""
        if self._shut:
            return
        self.close()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        self._shut = True
        self._jobs.clear()  # results still queued for the GUI thread are of no use now

    # -- results ------------------------------------------------------------------------

    @Slot(int, int, int, str)
    def _progress(self, token: int, done: int, total: int, text: str) -> None:
        job = self._jobs.get(token)
        if job is not None and job.progress is not None:
            job.progress(done, total, text)

    @Slot(int, object, object)
    def _finish(self, token: int, result, error) -> None:
        job = self._jobs.pop(token, None)
        if job is None:
            return
        if not self._jobs:
            self.busy_changed.emit(False)
        if isinstance(error, _NoStore):
            return
        if error is not None:
            if job.failed is not None:
                job.failed(error)
            else:
                self.failed.emit(message_for(error))
            return
        changes = changes_of(result)
        if job.writes and changes is None:
            raise TypeError(f"{_name(job.fn)} ran as ops.change but did not say what it changed")
        if not job.writes and changes is not None and job.needs_store:
            raise TypeError(f"{_name(job.fn)} changed the store: run it as ops.change")
        if job.done is not None:
            job.done(result)
        step = getattr(result, "step", None)
        if step is not None and self._open:  # a save finishing after the lock leaves no step
            self.stepped.emit(step)
        if changes:
            self.changed.emit(changes)


def _name(fn) -> str:
    return getattr(fn, "__qualname__", repr(fn))


def message_for(error: Exception) -> str:
    """A German sentence for the user; unexpected errors say that nothing was lost."""
    if isinstance(error, ValidationError):
        return " ".join(p.message for p in error.problems)
    if isinstance(error, KimdeskError):
        return str(error)
    if known := faults.explain(error):
        return known
    return (
        "Ein unerwarteter Fehler ist aufgetreten; die Aktion wurde nicht ausgeführt und "
        "gespeicherte Daten sind unverändert. Bitte wenden Sie sich an den Support."
    )
