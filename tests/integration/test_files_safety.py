"""No command destroys a file, and no file from a stick can hang or flood the office (issue 13).

Through the command line on real stores: outputs never replace an existing file, a store least
of all; ``--force`` replaces only the command's own earlier output; links planted under any
temporary name are not followed; inputs are checked before they are read.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from kimdesk import fileio
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import sync
from kimdesk.services.excel_csv import excel_csv
from kimdesk.services.office import summary_csv
from kimdesk.sync.reasons import Reason

from ..conftest import CM_PASS, OFFICE_PASS
from .bundle_craft import add_records


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def office_store(office_file) -> Path:
    return office_file


@pytest.fixture
def other_store(cm2_file) -> Path:
    """Another case manager's store, the file a hurried user must never overwrite."""
    return cm2_file


# -- outputs ----------------------------------------------------------------------------------


def test_identity_out_never_replaces_a_store(cli, office_store, other_store):
    before = digest(other_store)
    for extra in ((), ("--force",)):
        code, _out, err = cli("identity", "--store", office_store, "--out", other_store, *extra,
                              passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 1 and "Traceback" not in err
        assert digest(other_store) == before
    assert "--force" in cli("identity", "--store", office_store, "--out", other_store,
                            passphrase=OFFICE_PASS)[2]  # fmt: skip


def test_identity_out_replaces_an_earlier_identity_only_with_force(cli, office_store, tmp_path):
    target = tmp_path / "kreis.json"
    assert cli("identity", "--store", office_store, "--out", target, passphrase=OFFICE_PASS)[0] == 0
    first = target.read_text()
    code, _out, err = cli("identity", "--store", office_store, "--out", target,
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "gibt es schon" in err
    code, _out, err = cli("identity", "--store", office_store, "--out", target, "--force",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert target.read_text() == first  # the same identity, written again


def test_stats_outputs_refuse_existing_files(cli, office_store, other_store, tmp_path):
    before = digest(other_store)
    for extra in ((), ("--force",)):
        code, _, err = cli("stats", "--store", office_store, "--xlsx", other_store, *extra,
                           passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 1 and digest(other_store) == before, err
    book = tmp_path / "statistik.xlsx"
    assert cli("stats", "--store", office_store, "--xlsx", book, passphrase=OFFICE_PASS)[0] == 0
    assert cli("stats", "--store", office_store, "--xlsx", book, passphrase=OFFICE_PASS)[0] == 1
    code, _, err = cli("stats", "--store", office_store, "--xlsx", book, "--force",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    # A workbook somebody else made is not KIMdesk's earlier output.
    from openpyxl import Workbook

    theirs = tmp_path / "haushalt.xlsx"
    Workbook().save(theirs)
    saved = digest(theirs)
    code, _, err = cli("stats", "--store", office_store, "--xlsx", theirs, "--force",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "keine frühere Ausgabe" in err and digest(theirs) == saved


def test_charts_are_written_all_or_none(cli, office_store, tmp_path):
    folder = tmp_path / "folien"
    folder.mkdir()
    foreign = folder / "S3-verweise.png"
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n the committee's own picture")
    code, _out, err = cli("stats", "--store", office_store, "--charts", folder, "--force",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "S3-verweise.png" in err
    assert sorted(p.name for p in folder.iterdir()) == ["S3-verweise.png"]  # nothing else
    foreign.unlink()
    assert cli("stats", "--store", office_store, "--charts", folder, passphrase=OFFICE_PASS)[0] == 0
    count = len(list(folder.iterdir()))
    assert cli("stats", "--store", office_store, "--charts", folder, passphrase=OFFICE_PASS)[0] == 1
    code, _out, err = cli("stats", "--store", office_store, "--charts", folder, "--force",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert len(list(folder.iterdir())) == count  # no temporary file left behind


def test_backup_never_replaces_another_store(cli, office_store, other_store, tmp_path):
    before = digest(other_store)
    for extra in ((), ("--force",)):
        code, _, err = cli("backup", "--store", office_store, "--out", other_store, *extra,
                           passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 1 and digest(other_store) == before, err
    # Nor the store itself, nor its companion files.
    for target in (office_store, Path(f"{office_store}-wal"), Path(f"{office_store}-shm")):
        code, _, err = cli("backup", "--store", office_store, "--out", target, "--force",
                           passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 1, target
    assert (
        not Path(f"{office_store}-wal").exists()
        or Path(f"{office_store}-wal").stat().st_size < 1 << 20
    )


def test_backup_replaces_an_earlier_backup_of_the_same_store_with_force(
    cli, office_store, tmp_path
):
    target = tmp_path / "sicherung.kdb"
    assert cli("backup", "--store", office_store, "--out", target, passphrase=OFFICE_PASS)[0] == 0
    assert mode(target) == 0o600
    assert cli("backup", "--store", office_store, "--out", target, passphrase=OFFICE_PASS)[0] == 1
    code, _, err = cli("backup", "--store", office_store, "--out", target, "--force",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert cli("check", "--store", target, passphrase=OFFICE_PASS)[0] == 0


def test_backup_into_a_folder_leaves_no_hidden_copy(cli, office_store, tmp_path):
    folder = tmp_path / "sicherungen"
    folder.mkdir()
    code, out, err = cli("backup", "--store", office_store, "--out", folder, passphrase=OFFICE_PASS)
    assert code == 0, err
    (copy,) = folder.iterdir()
    assert copy.suffix == ".kdb" and copy.name in out
    assert not [p for p in tmp_path.rglob(".*")]  # no hidden temporary file anywhere


def test_export_bundle_never_writes_over_a_file(cli, cm_file, other_store, tmp_path, cm_ws):
    add_records(cm_ws)
    cm_ws.close()
    before = digest(other_store)
    code, _, err = cli("export-bundle", "--store", cm_file, "--out", other_store,
                       passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and digest(other_store) == before and "gibt es schon" in err
    code, _, err = cli("export-bundle", "--store", cm_file, "--out", f"{other_store}-wal",
                       passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and not Path(f"{other_store}-wal").exists()
    code, out, err = cli("export-bundle", "--store", cm_file, "--out", tmp_path,
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    (bundle,) = tmp_path.glob("*.kimb")
    assert mode(bundle) == 0o600


def test_a_new_store_is_readable_by_its_owner_only(cli, tmp_path):
    store = tmp_path / "neu.kdb"
    code, _, err = cli("init", "--store", store, "--role", "office", "--name", "Kreis X",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert mode(store) == 0o600
    for companion in (Path(f"{store}-wal"), Path(f"{store}-shm")):
        if companion.exists():
            assert mode(companion) == 0o600


# -- planted links ------------------------------------------------------------------------------


@pytest.fixture
def predictable_names(monkeypatch):
    """mkstemp's candidate names made known in advance, as an attacker would wish."""
    names = [f"cand{i:03d}" for i in range(100)]
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: iter(names))
    return names


def plant_links(folder: Path, target_name: str, victim: Path, names) -> None:
    """A link to ``victim`` under every name a temporary file beside ``target_name`` could
    have: the old predictable one, and the first mkstemp candidates."""
    (folder / f".{target_name}.tmp-{os.getpid()}").symlink_to(victim)
    for name in names[:3]:
        (folder / f".{target_name[:40]}.{name}.tmp").symlink_to(victim)


def test_planted_links_at_temporary_names_are_never_followed(
    cli, office_store, tmp_path, predictable_names, cm_ws, cm_file
):
    victim = tmp_path / "opfer.txt"
    victim.write_text("unverändert")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("statistik.xlsx", "kreis.json", "sicherung.kdb"):
        plant_links(out, name, victim, predictable_names)
    assert cli("stats", "--store", office_store, "--xlsx", out / "statistik.xlsx",
               passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    assert cli("identity", "--store", office_store, "--out", out / "kreis.json",
               passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    assert cli("backup", "--store", office_store, "--out", out / "sicherung.kdb",
               passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    add_records(cm_ws)
    cm_ws.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    name = "b.kimb"
    plant_links(stick, name, victim, predictable_names)
    assert cli("export-bundle", "--store", cm_file, "--out", stick / name,
               passphrase=CM_PASS)[0] == 0  # fmt: skip
    assert victim.read_text() == "unverändert"
    for written in (
        out / "statistik.xlsx",
        out / "kreis.json",
        out / "sicherung.kdb",
        stick / name,
    ):
        assert written.is_file() and not written.is_symlink()


def test_a_link_as_the_output_itself_is_refused(cli, office_store, tmp_path):
    victim = tmp_path / "opfer.json"
    victim.write_text("{}")
    link = tmp_path / "kreis.json"
    link.symlink_to(victim)
    code, _, err = cli("identity", "--store", office_store, "--out", link, "--force",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "Verknüpfung" in err and victim.read_text() == "{}"


# -- inputs ------------------------------------------------------------------------------------


def _merge_in_thread(office, path: Path, unblock) -> tuple[list, float, int]:
    """Merge in a thread with a watchdog: a reader that blocks (a FIFO) fails the test instead
    of hanging the run."""
    result: list = []
    tracemalloc.start()
    started = time.monotonic()
    worker = threading.Thread(target=lambda: result.append(sync.merge_bundles(office, [path])))
    worker.start()
    worker.join(10)
    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if worker.is_alive():
        unblock()
        worker.join(10)
        pytest.fail(f"reading {path.name} blocked")
    return result, elapsed, peak


def test_a_link_to_dev_zero_and_a_fifo_are_refused_at_once(enrolled_office_ws, tmp_path):
    zero = tmp_path / "zero.kimb"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.kimb"
    os.mkfifo(fifo)

    def unblock():
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)

    for path in (zero, fifo):
        result, elapsed, peak = _merge_in_thread(enrolled_office_ws, path, unblock)
        (report,) = result[0].bundles
        assert report.status == "rejected" and report.reason_code == Reason.NOT_A_FILE
        assert elapsed < 1.0, elapsed
        assert peak < 50 << 20, peak


def test_enroll_refuses_a_link_to_dev_zero_and_a_fifo(cli, office_store, tmp_path):
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        started = time.monotonic()
        code, _, err = cli("enroll", "--store", office_store, path, passphrase=OFFICE_PASS)
        assert code == 1 and "keine gewöhnliche Datei" in err
        assert time.monotonic() - started < 5


def test_a_file_larger_than_its_cap_is_not_read_past_it(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(10 << 20)  # sparse: 10 MiB that cost nothing
    tracemalloc.start()
    with pytest.raises(fileio.InputRefused) as refused:
        fileio.read_limited(big, 64 * 1024)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert refused.value.kind == "too_large" and peak < 1 << 20


def test_a_bundle_whose_name_is_not_utf8_is_merged(cli, enrolled_office_ws, bundle, tmp_path):
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/b\xfcndel-\xff.kimb"))
    odd.write_bytes(bundle.read_bytes())
    store = enrolled_office_ws.path
    enrolled_office_ws.close()
    code, out, err = cli("merge", "--store", store, odd, passphrase=OFFICE_PASS)
    assert code == 0, err
    assert "übernommen" in out and "Traceback" not in err


# -- the one CSV writer ---------------------------------------------------------------------------


def test_cells_that_start_like_a_formula_are_neutralised():
    data = excel_csv(["Datei"], [["=cmd|' /C calc'!A0"], ["+1"], ["-2"], ["@SUM(A1)"],
                                 ["\tTab"], ["\rCR"], [-3], ["ok"]])  # fmt: skip
    text = data.decode("utf-8-sig").splitlines()
    assert text[1:6] == ["'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)", "'\tTab"]
    assert text[-2:] == ["-3", "ok"]  # numbers stay numbers


def test_the_import_summary_neutralises_names_from_the_stick(enrolled_office_ws, crafter):
    path = crafter.bundle(name="=HYPERLINK(x).kimb", signer_name="=1+1 Gerät")
    stranger = crafter.bundle(name="@stranger.kimb", installation_id=str(os.urandom(16).hex()[:8]
                              + "-0000-7000-8000-000000000000"), signer_name="+evil\x1b[2J",
                              manifest={"installation_id": "00000000-0000-7000-8000-000000000000"})  # fmt: skip
    summary = sync.merge_bundles(enrolled_office_ws, [path, stranger])
    rows = summary_csv(summary).decode("utf-8-sig").splitlines()
    assert rows[1].startswith("'=HYPERLINK(x).kimb;")
    assert rows[2].startswith("'@stranger.kimb;")
    assert "\x1b" not in "".join(rows)


def test_write_error_messages_name_what_happened(tmp_path):
    import errno

    assert "Platz" in str(fileio.write_error(tmp_path / "x", OSError(errno.ENOSPC, "full")))
    assert "schreibgeschützt" in str(fileio.write_error(tmp_path / "x", OSError(errno.EROFS, "ro")))
    with pytest.raises(KimdeskError, match="existiert nicht"):
        fileio.write_output(tmp_path / "nirgends" / "x.csv", b"")


def test_force_does_not_replace_another_installations_identity(cli, office_store, templates,
                                                               tmp_path):  # fmt: skip
    theirs = tmp_path / "geraet.json"
    theirs.write_bytes((templates / "cm.json").read_bytes())
    code, _, err = cli("identity", "--store", office_store, "--out", theirs, "--force",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "keine frühere Ausgabe" in err
    assert theirs.read_bytes() == (templates / "cm.json").read_bytes()


def test_force_does_not_take_any_file_that_mentions_kimdesk_for_a_chart(cli, office_store,
                                                                        tmp_path):  # fmt: skip
    folder = tmp_path / "folien"
    folder.mkdir()
    theirs = folder / "vergleich.pdf"
    theirs.write_bytes(b"%PDF-1.4 Auswertung mit KIMdesk, von Hand nachbearbeitet")
    code, _, err = cli("stats", "--store", office_store, "--charts", folder, "--force",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "vergleich.pdf" in err
    assert theirs.read_bytes().startswith(b"%PDF-1.4 Auswertung")


@pytest.mark.parametrize("content", [b"just text", b"PK\x03\x04 broken zip"])
def test_force_onto_a_file_that_is_no_workbook_says_so(cli, office_store, tmp_path, content):
    import zipfile

    victim = tmp_path / "notiz.xlsx"
    victim.write_bytes(content)
    empty_zip = tmp_path / "leer.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as book:
        book.writestr("x.txt", "no core properties")
    for path in (victim, empty_zip):
        before = path.read_bytes()
        code, _, err = cli("stats", "--store", office_store, "--xlsx", path, "--force",
                           passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 1 and "keine frühere Ausgabe" in err and "Unerwarteter" not in err
        assert path.read_bytes() == before


def test_a_companion_name_in_any_case_is_refused(cli, office_store, tmp_path):
    code, _, err = cli("backup", "--store", office_store, "--out", tmp_path / "x.kdb-WAL",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "gehört zu einem Speicher" in err
