"""kill -9 in the middle of long operations: afterwards the store passes ``check``, every
operation took place completely or not at all, and it can simply be run again."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from kimdesk.services import sync
from kimdesk.services.consultations import ConsultationFilter, consultation_ids
from kimdesk.services.workspace import open_workspace
from tests.conftest import CM_PASS, OFFICE_PASS

ROWS = 12_000
#: Seconds after the start at which the process is killed. Python and the store take ~0.45 s
#: to start; the operations end after 0.7-1.2 s on the development machine.
KILL_AFTER = (0.5, 0.65, 0.8, 1.0)


def run_and_kill(args: list[str], passphrase: str, after: float, tmp_path: Path,
                 new_passphrase: str | None = None) -> int | None:  # fmt: skip
    """Start ``kimdesk ARGS``, kill -9 it after ``after`` s; its exit code if it ended first."""
    env = {**os.environ, "KIMDESK_PASSPHRASE": passphrase,
           "KIMDESK_STATE_DIR": str(tmp_path / "state")}  # fmt: skip
    if new_passphrase:
        env["KIMDESK_NEW_PASSPHRASE"] = new_passphrase
    proc = subprocess.Popen([sys.executable, "-m", "kimdesk", *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    time.sleep(after)
    code = proc.poll()
    if code is None:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    return code


def consultations(path: Path, passphrase: str) -> int:
    with open_workspace(path, passphrase) as ws:
        return len(consultation_ids(ws, ConsultationFilter()))


def check_ok(cli, path: Path, passphrase: str) -> None:
    code, out, err = cli("check", "--store", path, passphrase=passphrase)
    assert code == 0, out + err


def big_list(path: Path) -> Path:
    day = date(2023, 1, 2)
    lines = ["Datum;Kommune;Art;Fall;Themen;Verweise"]
    for i in range(ROWS):
        kind, case = ("CM", f"F-{i % 700}") if i % 3 else ("einmalig", "")
        lines.append(f"{day + timedelta(days=i % 360):%d.%m.%Y};Troisdorf;{kind};{case};"
                     "Wohnen|Deutsch;Jobcenter")  # fmt: skip
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("after", KILL_AFTER)
def test_legacy_import_is_all_or_nothing(cli, cm_file, tmp_path, after):
    listing = big_list(tmp_path / "liste.csv")
    run_and_kill(["import-legacy", "--store", cm_file, listing], CM_PASS, after, tmp_path)
    check_ok(cli, cm_file, CM_PASS)
    n = consultations(cm_file, CM_PASS)
    assert n in (0, ROWS)
    if n == 0:  # simply run it again
        code, _out, err = cli("import-legacy", "--store", cm_file, listing, passphrase=CM_PASS)
        assert code == 0, err
        assert consultations(cm_file, CM_PASS) == ROWS


@pytest.fixture
def full_cm(cm_file, tmp_path):
    listing = big_list(tmp_path / "liste.csv")
    with open_workspace(cm_file, CM_PASS) as ws:
        from kimdesk.services.legacy_import import import_legacy

        import_legacy(ws, listing)
    return cm_file


@pytest.mark.parametrize("after", KILL_AFTER)
def test_export_leaves_a_whole_bundle_or_none(cli, full_cm, tmp_path, after):
    stick = tmp_path / "stick"
    stick.mkdir()
    run_and_kill(["export-bundle", "--store", full_cm, "--out", stick], CM_PASS, after, tmp_path)
    check_ok(cli, full_cm, CM_PASS)
    files = sorted(stick.iterdir())
    with open_workspace(full_cm, CM_PASS) as ws:
        written = sync.bundle_history(ws)
    # Either the bundle exists under its name and is recorded, or neither (no half file).
    assert [f.name for f in files if f.suffix == ".kimb"] == [h["file_name"] for h in written]
    code, _out, err = cli("export-bundle", "--store", full_cm, "--out", stick, passphrase=CM_PASS)
    assert code == 0, err


@pytest.mark.parametrize("after", KILL_AFTER)
def test_merge_is_all_or_nothing(cli, full_cm, office_file, templates, tmp_path, after):
    with open_workspace(full_cm, CM_PASS) as cm:
        bundle = sync.export_bundle(cm, tmp_path / "b.kimb").path
    with open_workspace(office_file, OFFICE_PASS) as office:
        sync.enroll(office, templates / "cm.json")
    run_and_kill(["merge", "--store", office_file, bundle], OFFICE_PASS, after, tmp_path)
    check_ok(cli, office_file, OFFICE_PASS)
    n = consultations(office_file, OFFICE_PASS)
    assert n in (0, ROWS)
    code, out, err = cli("merge", "--store", office_file, "--json", bundle, passphrase=OFFICE_PASS)
    assert code == 0, err
    assert consultations(office_file, OFFICE_PASS) == ROWS


@pytest.mark.parametrize("after", (0.55, 0.7))
def test_rekey_and_backup_survive_a_kill(cli, full_cm, tmp_path, after):
    new = "eine neue Passphrase"
    run_and_kill(["rekey", "--store", full_cm], CM_PASS, after, tmp_path, new_passphrase=new)
    # Exactly one of the two passphrases opens the store, and it is whole.
    works = [p for p in (CM_PASS, new) if cli("check", "--store", full_cm, passphrase=p)[0] == 0]
    assert len(works) == 1
    passphrase = works[0]
    assert consultations(full_cm, passphrase) == ROWS
    target = tmp_path / "sicherung.kdb"
    run_and_kill(["backup", "--store", full_cm, "--out", target], passphrase, after, tmp_path)
    check_ok(cli, full_cm, passphrase)
    if target.exists():  # a backup under its name is always whole
        check_ok(cli, target, passphrase)
    code, _out, err = cli("backup", "--store", full_cm, "--out", tmp_path / "zwei.kdb",
                          passphrase=passphrase)  # fmt: skip
    assert code == 0, err


@pytest.mark.parametrize("after", (0.45, 0.55, 0.65))
def test_a_schema_migration_survives_a_kill(cli, tmp_path, after):
    """An old store is copied aside and migrated when it is opened: killed in between, it is
    either still the old schema (migrated at the next opening) or the new one, and whole."""
    from kimdesk.store import migrate
    from kimdesk.store.engine import Store
    from tests.conftest import FIXTURES

    store = tmp_path / "alt.kdb"
    shutil.copyfile(FIXTURES / "stores" / "store_v1.kdb", store)
    passphrase = "fixture passphrase v1"
    run_and_kill(["check", "--store", store], passphrase, after, tmp_path)
    check_ok(cli, store, passphrase)  # opens (and migrates, if it was not done) and checks
    with Store.open(store, passphrase) as opened:
        assert opened.schema_version == migrate.HEAD_VERSION
    assert consultations(store, passphrase) == 1
    for aside in list(tmp_path.glob("alt.kdb.*.bak")):  # a copy aside is whole, or not there
        with Store.open(aside, passphrase) as copy:
            assert copy.integrity_problems() == []
