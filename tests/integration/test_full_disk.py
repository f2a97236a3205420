"""A full disk or USB stick (a small tmpfs): a clear message, no half file under the final
name, the store unchanged, and working again once there is space."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kimdesk.services import sync
from kimdesk.services.workspace import open_workspace
from tests.conftest import CM_PASS

from .test_kill import ROWS, big_list, check_ok, consultations


class SmallDisk:
    def __init__(self, where: Path, size_kib: int):
        self.path = where
        where.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(where)],
                       check=True, capture_output=True)  # fmt: skip

    def grow(self, size_kib: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size_kib}k", str(self.path)], check=True,
                       capture_output=True)  # fmt: skip

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True,
                       capture_output=True)  # fmt: skip

    def remove(self) -> None:
        subprocess.run(["umount", str(self.path)], check=False, capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a tmpfs needs root to mount (CI and the development machine run as root)")
    disks = []

    def make(name: str, size_kib: int) -> SmallDisk:
        try:
            disks.append(SmallDisk(tmp_path / name, size_kib))
        except (subprocess.CalledProcessError, FileNotFoundError):
            # A container without the right to mount: there is no small disk to fill here.
            pytest.skip("mounting a tmpfs is not permitted on this machine")
        return disks[-1]

    yield make
    for disk in disks:
        disk.remove()


def test_a_full_stick(cli, cm_file, tmp_path, small_disk):
    listing = big_list(tmp_path / "liste.csv")
    assert cli("import-legacy", "--store", cm_file, listing, passphrase=CM_PASS)[0] == 0
    stick = small_disk("stick", 64)
    (stick.path / "fotos.jpg").write_bytes(b"x" * 40_000)
    code, _out, err = cli("export-bundle", "--store", cm_file, "--out", stick.path,
                          passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and "nicht genug Platz" in err
    assert sorted(p.name for p in stick.path.iterdir()) == ["fotos.jpg"]  # no half bundle
    with open_workspace(cm_file, CM_PASS) as ws:
        assert sync.bundle_history(ws) == []  # the bundle number was not used up
    stick.grow(4096)
    code, _out, err = cli("export-bundle", "--store", cm_file, "--out", stick.path,
                          passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    assert len(list(stick.path.glob("*.kimb"))) == 1


def test_a_full_disk_under_the_store(cli, cm_file, tmp_path, small_disk):
    listing = big_list(tmp_path / "liste.csv")
    size_kib = cm_file.stat().st_size // 1024
    disk = small_disk("data", size_kib + 200)
    store = disk.path / cm_file.name
    shutil.copyfile(cm_file, store)
    code, _out, err = cli("import-legacy", "--store", store, listing, passphrase=CM_PASS)
    assert code == 1 and "kein Platz" in err, err
    disk.grow(size_kib + 20_000)
    check_ok(cli, store, CM_PASS)
    assert consultations(store, CM_PASS) == 0  # all or nothing
    code, _out, err = cli("import-legacy", "--store", store, listing, passphrase=CM_PASS)
    assert code == 0, err
    assert consultations(store, CM_PASS) == ROWS


# -- a write-protected medium, a store in use: never "damaged" ----------------------------------


def test_a_store_on_a_write_protected_medium(cli, cm_file, small_disk):
    disk = small_disk("ro", 4096)
    store = disk.path / cm_file.name
    shutil.copyfile(cm_file, store)
    disk.read_only()
    for command in (("stats",), ("check",), ("export-bundle", "--out", disk.path)):
        code, _out, err = cli(command[0], "--store", store, *command[1:], passphrase=CM_PASS)
        assert code == 1, command
        assert "schreibgeschützt" in err, (command, err)
        assert "beschädigt" not in err and "Sicherung" not in err, err


def test_a_write_protected_stick(cli, cm_file, small_disk):
    from .bundle_craft import add_records

    with open_workspace(cm_file, CM_PASS) as ws:
        add_records(ws)
    stick = small_disk("stick", 1024)
    stick.read_only()
    code, _out, err = cli("export-bundle", "--store", cm_file, "--out", stick.path,
                          passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and "schreibgeschützt" in err, err
    with open_workspace(cm_file, CM_PASS) as ws:
        assert sync.bundle_history(ws) == []  # the bundle number was not used up


def test_a_store_in_use_by_another_kimdesk(cli, office_file, cm_file, tmp_path):
    """Another process holds the write lock (a long merge): this merge waits the busy timeout,
    then says so; nothing is called damaged, nothing changes."""
    import sqlcipher3

    from .bundle_craft import add_records

    with open_workspace(cm_file, CM_PASS) as cm:
        add_records(cm)
        bundle = sync.export_bundle(cm, tmp_path).path
    other = sqlcipher3.connect(str(office_file), isolation_level=None)
    other.execute("PRAGMA key = " + "'" + "office passphrase 1" + "'")
    other.execute("PRAGMA journal_mode = WAL").fetchall()
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _out, err = cli(
            "merge", "--store", office_file, bundle, passphrase="office passphrase 1"
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert "anderen KIMdesk benutzt" in err, err
    assert "beschädigt" not in err and "Unerwarteter Fehler" not in err
