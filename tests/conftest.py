"""Shared fixtures: template stores created once per run and copied per test.

Key derivation makes opening a store cost ~125 ms, creating one more; tests copy a
template file instead of creating a store each time (as Anki's tests do).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Before anything imports Qt: no display in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KIMDESK_PASSPHRASE", None)
os.environ.pop("KIMDESK_NEW_PASSPHRASE", None)

OFFICE_PASS = "office passphrase 1"
CM_PASS = "case manager pass"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _state_dir(tmp_path_factory, monkeypatch):
    """Unlock-failure counters live in a per-test folder, never in the user's home."""
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    """An office store, its identity file, and a case manager store enrolled to it."""
    from kimdesk.services import setup

    folder = tmp_path_factory.mktemp("templates")
    os.environ["KIMDESK_STATE_DIR"] = str(folder / "state")
    with setup.init_store(
        folder / "office.kdb", OFFICE_PASS, role="office", name="Kreis RSK"
    ) as ws:
        setup.write_identity(ws, folder / "office.json")
    with setup.init_store(
        folder / "cm.kdb",
        CM_PASS,
        role="casemanager",
        name="CM-07 Troisdorf",
        office_identity=folder / "office.json",
    ) as ws:
        setup.write_identity(ws, folder / "cm.json")
    with setup.init_store(
        folder / "cm2.kdb",
        CM_PASS,
        role="casemanager",
        name="CM-11 Siegburg",
        office_identity=folder / "office.json",
    ) as ws:
        setup.write_identity(ws, folder / "cm2.json")
    # A second district office: bundles for it must not open at the first.
    with setup.init_store(folder / "office2.kdb", OFFICE_PASS, role="office", name="Kreis B") as ws:
        setup.write_identity(ws, folder / "office2.json")
    return folder


def _copy(templates: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(templates / name, target)
    return target


def _workspace(path: Path, passphrase: str):
    from kimdesk.services.workspace import open_workspace

    ws = open_workspace(path, passphrase)
    yield ws
    ws.close()


@pytest.fixture
def office_file(templates, tmp_path) -> Path:
    return _copy(templates, tmp_path, "office.kdb")


@pytest.fixture
def cm_file(templates, tmp_path) -> Path:
    return _copy(templates, tmp_path, "cm.kdb")


@pytest.fixture
def office_identity(templates, tmp_path) -> Path:
    return _copy(templates, tmp_path, "office.json")


@pytest.fixture
def cm2_file(templates, tmp_path) -> Path:
    return _copy(templates, tmp_path, "cm2.kdb")


@pytest.fixture
def cm2_ws(cm2_file):
    yield from _workspace(cm2_file, CM_PASS)


@pytest.fixture
def enrolled_office_ws(office_ws, templates):
    """The office with both case manager devices enrolled."""
    from kimdesk.services import sync

    sync.enroll(office_ws, templates / "cm.json")
    sync.enroll(office_ws, templates / "cm2.json")
    return office_ws


@pytest.fixture
def cm_ws(cm_file):
    yield from _workspace(cm_file, CM_PASS)


@pytest.fixture
def office_ws(office_file):
    yield from _workspace(office_file, OFFICE_PASS)


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``kimdesk ARGS`` in-process; returns (exit code, stdout, stderr)."""
    from kimdesk.cli.main import main

    def run(*args: str, passphrase: str | None = None, new_passphrase: str | None = None):
        if passphrase is None:
            monkeypatch.delenv("KIMDESK_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("KIMDESK_PASSPHRASE", passphrase)
        if new_passphrase is None:
            monkeypatch.delenv("KIMDESK_NEW_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("KIMDESK_NEW_PASSPHRASE", new_passphrase)
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --version, usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL 15 server for the session (see tests/pgcluster.py)."""
    from tests.pgcluster import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """An empty database of its own for each test."""
    import uuid

    return pg_cluster.create_database("t" + uuid.uuid4().hex[:16])
