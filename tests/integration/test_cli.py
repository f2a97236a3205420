"""The command line as a district office's script would use it."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys

import pytest

from kimdesk import __version__

from ..conftest import CM_PASS, OFFICE_PASS


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"kimdesk {__version__}"


def test_usage_error_exits_2(cli):
    code, _, err = cli("frobnicate")
    assert code == 2 and "Aufruf fehlerhaft" in err
    code, _, err = cli("init", "--store", "x.kdb")
    assert code == 2


def test_office_and_case_manager_set_up(cli, tmp_path):
    office = tmp_path / "office.kdb"
    code, out, err = cli(
        "init", "--store", office, "--role", "office", "--name", "Kreis RSK", passphrase=OFFICE_PASS
    )
    assert (code, err) == (0, "")
    assert "Fingerabdruck:" in out
    printed = out.split("Fingerabdruck: ")[1].strip()

    code, out, _ = cli(
        "identity", "--store", office, "--out", tmp_path / "office.json", passphrase=OFFICE_PASS
    )
    assert code == 0
    ident = json.loads((tmp_path / "office.json").read_text())
    assert ident["role"] == "office" and ident["encryption_key"]
    assert ident["fingerprint"] == printed

    cm = tmp_path / "cm.kdb"
    init_cm = ("init", "--store", cm, "--role", "casemanager", "--name", "CM-07",
               "--office-key", tmp_path / "office.json")  # fmt: skip
    # Without a terminal to ask in, the office's fingerprint must be confirmed by --yes.
    code, out, err = cli(*init_cm, passphrase=CM_PASS)
    assert code == 1 and "--yes" in err and not cm.exists()
    assert f"Fingerabdruck der Kreisstelle: {printed}" in out
    code, out, err = cli(*init_cm, "--yes", passphrase=CM_PASS)
    assert (code, err) == (0, "")
    assert f"Fingerabdruck der Kreisstelle: {printed}" in out
    code, _, _ = cli("identity", "--store", cm, "--out", tmp_path / "cm.json", passphrase=CM_PASS)
    cm_ident = json.loads((tmp_path / "cm.json").read_text())
    assert cm_ident["role"] == "casemanager"
    assert len(base64.b64decode(cm_ident["encryption_key"])) == 32  # schema 7: replies reach it

    code, out, _ = cli("check", "--store", cm, passphrase=CM_PASS)
    assert code == 0 and "in Ordnung" in out


def test_case_manager_store_needs_the_office_identity(cli, tmp_path):
    cm = tmp_path / "cm.kdb"
    code, _, err = cli(
        "init", "--store", cm, "--role", "casemanager", "--name", "CM", passphrase=CM_PASS
    )
    assert code == 1 and "Identitätsdatei der Kreisstelle" in err
    assert not cm.exists()
    code, _, err = cli(
        "init",
        "--store",
        cm,
        "--role",
        "casemanager",
        "--name",
        "CM",
        "--office-key",
        tmp_path / "missing.json",
        passphrase=CM_PASS,
    )
    assert code == 1 and "gibt es nicht" in err and not cm.exists()
    (tmp_path / "broken.json").write_text("{}")
    code, _, err = cli(
        "init",
        "--store",
        cm,
        "--role",
        "casemanager",
        "--name",
        "CM",
        "--office-key",
        tmp_path / "broken.json",
        passphrase=CM_PASS,
    )
    assert code == 1 and "keine gültige KIMdesk-Identität" in err and not cm.exists()


def test_a_case_managers_identity_is_not_an_office_key(cli, tmp_path, templates):
    code, _, err = cli(
        "init",
        "--store",
        tmp_path / "x.kdb",
        "--role",
        "casemanager",
        "--name",
        "CM",
        "--office-key",
        templates / "cm.json",
        passphrase=CM_PASS,
    )
    assert code == 1 and "nicht zu einer Kreisstelle" in err


def test_short_passphrase_is_refused_at_creation(cli, tmp_path):
    code, _, err = cli(
        "init", "--store", tmp_path / "o.kdb", "--role", "office", "--name", "K", passphrase="short"
    )
    assert code == 1 and "mindestens 10 Zeichen" in err
    assert not (tmp_path / "o.kdb").exists()


def test_no_passphrase_and_no_terminal_is_a_clear_error(cli, office_file, monkeypatch):
    monkeypatch.setattr(sys, "stdin", open(os.devnull))
    code, _, err = cli("check", "--store", office_file)
    assert code == 1
    assert err.strip() == (
        "kimdesk: Keine Passphrase: bitte KIMDESK_PASSPHRASE setzen oder den Befehl in einem "
        "Terminal aufrufen."
    )


def test_wrong_passphrase_is_one_sentence_and_the_store_is_unchanged(cli, office_file):
    before = hashlib.sha256(office_file.read_bytes()).hexdigest()
    code, out, err = cli("check", "--store", office_file, passphrase="wrong passphrase")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Passphrase ist falsch" in err
    assert hashlib.sha256(office_file.read_bytes()).hexdigest() == before


def test_rekey_and_backup(cli, office_file, tmp_path):
    code, out, _ = cli(
        "backup", "--store", office_file, "--out", tmp_path / "b.kdb", passphrase=OFFICE_PASS
    )
    assert code == 0 and "geprüft" in out
    code, _, _ = cli("check", "--store", tmp_path / "b.kdb", passphrase=OFFICE_PASS)
    assert code == 0

    code, _, err = cli(
        "rekey", "--store", office_file, passphrase=OFFICE_PASS, new_passphrase="tiny"
    )
    assert code == 1 and "mindestens 10 Zeichen" in err
    code, _, _ = cli(
        "rekey",
        "--store",
        office_file,
        passphrase=OFFICE_PASS,
        new_passphrase="the new office passphrase",
    )
    assert code == 0
    assert cli("check", "--store", office_file, passphrase=OFFICE_PASS)[0] == 1
    assert cli("check", "--store", office_file, passphrase="the new office passphrase")[0] == 0
    # The backup still opens with the passphrase it was written with.
    assert cli("check", "--store", tmp_path / "b.kdb", passphrase=OFFICE_PASS)[0] == 0


def test_backup_into_a_missing_folder(cli, office_file, tmp_path):
    code, _, err = cli(
        "backup", "--store", office_file, "--out", tmp_path / "no" / "b.kdb", passphrase=OFFICE_PASS
    )
    assert code == 1 and "existiert nicht" in err


def test_check_finds_a_damaged_page(cli, office_file):
    data = bytearray(office_file.read_bytes())
    page = 4096 * 3  # a page of table data, not the first (which holds the salt)
    data[page + 200 : page + 260] = os.urandom(60)
    office_file.write_bytes(bytes(data))
    code, out, err = cli("check", "--store", office_file, passphrase=OFFICE_PASS)
    assert code == 1 and out == ""
    assert "beschädigt" in err and "Traceback" not in err


def test_store_addresses_kimdesk_does_not_know_or_cannot_reach(cli):
    code, _, err = cli("check", "--store", "mysql://u@h/db", passphrase=OFFICE_PASS)
    assert code == 1 and "postgresql+psycopg://" in err
    code, _, err = cli("check", "--store", "postgresql+psycopg://u:geheim@127.0.0.1:1/db",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "nicht erreichbar" in err
    assert "geheim" not in err  # the password of the address is never shown


@pytest.mark.parametrize("args", [["--version"], ["check", "--store", "/nonexistent/x.kdb"]])
def test_python_dash_m_and_no_traceback(args, tmp_path):
    env = {**os.environ, "KIMDESK_PASSPHRASE": OFFICE_PASS, "KIMDESK_STATE_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "kimdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert "Traceback" not in proc.stderr
    if args == ["--version"]:
        assert proc.returncode == 0 and __version__ in proc.stdout
    else:
        assert proc.returncode == 1
        assert proc.stderr.strip() == "kimdesk: Den Speicher /nonexistent/x.kdb gibt es nicht."


@pytest.mark.parametrize("damage", ["page", "truncated", "foreign"])
def test_a_damaged_store_is_named_with_a_pointer_to_the_backup(cli, cm_file, damage):
    data = bytearray(cm_file.read_bytes())
    if damage == "page":
        for i in range(3 * 4096 + 200, 3 * 4096 + 300):
            data[i] ^= 0x5A
    elif damage == "truncated":
        data = data[: len(data) // 2 + 123]
    else:
        data = bytearray(b"PK\x03\x04 this is a zip file, not a store" * 100)
    cm_file.write_bytes(bytes(data))
    code, out, err = cli("check", "--store", cm_file, passphrase=CM_PASS)
    assert code == 1
    assert str(cm_file) in err or cm_file.name in err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 3
    if damage != "foreign":
        assert "Sicherung" in err or "beschädigt" in err or "Prüfung" in out + err


def test_usage_errors_are_german(cli):
    """argparse's own words too: one German line, exit 2."""
    code, _out, err = cli("handover", "--store", "x.kdb", "--case", "1", "--all", "--to", "y")
    assert code == 2 and "Aufruf fehlerhaft: --all: geht nicht zusammen mit --case" in err
    code, _out, err = cli("receive", "--store", "x.kdb")
    assert code == 2 and "es fehlt: ANTWORT" in err and "Aufruf:" in err
