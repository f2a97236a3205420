"""Installation names and identity files at the trust boundary (issue 13): a name fits the
bundle header, reaches no terminal with control characters, and is covered by the fingerprint.
"""

from __future__ import annotations

import base64
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.text import MAX_NAME_BYTES
from kimdesk.services import setup, sync
from kimdesk.services.workspace import open_workspace
from kimdesk.sync import container
from kimdesk.sync.identity import fingerprint

from ..conftest import CM_PASS, FIXTURES, OFFICE_PASS
from .sync_helpers import add, consultation

HIDDEN = {"Cc", "Cf", "Zl", "Zp"}


def visible(text: str) -> bool:
    return not any(unicodedata.category(c) in HIDDEN for c in text if c != "\n")


def new_device(tmp_path: Path, templates: Path, name: str, file: str = "cm.kdb"):
    return setup.init_store(tmp_path / file, CM_PASS, role="casemanager", name=name,
                            office_identity=templates / "office.json")  # fmt: skip


def test_a_name_of_200_bytes_of_umlauts_syncs(office_ws, templates, tmp_path):
    name = "Ä" * (MAX_NAME_BYTES // 2)
    with new_device(tmp_path, templates, name) as cm:
        setup.write_identity(cm, tmp_path / "cm.json")
        add(cm, consultation())
        path = sync.export_bundle(cm, tmp_path).path
    assert container.read_header(path.read_bytes()).signer_name == name
    sync.enroll(office_ws, tmp_path / "cm.json")
    (report,) = sync.merge_bundles(office_ws, [path]).bundles
    assert report.status == "imported", report.reason


def test_a_longer_name_is_refused_at_init_and_nothing_is_created(templates, tmp_path):
    with pytest.raises(KimdeskError, match="202 Bytes"):
        new_device(tmp_path, templates, "Ä" * 101)
    assert not (tmp_path / "cm.kdb").exists()


def test_a_long_umlaut_name_of_an_older_store_still_syncs(office_ws, templates, tmp_path):
    """A store set up before names were limited in bytes: 200 characters, 400 bytes. The
    header takes the name cut at a character boundary; the office reads it."""
    long_name = "Öffentliche Beratungsstelle für Zuwanderung " * 5
    long_name = long_name[:200]
    with new_device(tmp_path, templates, "CM kurz") as cm:
        with cm.store.begin() as conn:
            conn.exec_driver_sql("UPDATE installation SET name = ?", (long_name,))
    with open_workspace(tmp_path / "cm.kdb", CM_PASS) as cm:
        assert cm.installation.name == long_name
        setup.write_identity(cm, tmp_path / "cm.json")
        add(cm, consultation())
        path = sync.export_bundle(cm, tmp_path).path
    header = container.read_header(path.read_bytes())
    assert len(header.signer_name.encode()) <= MAX_NAME_BYTES
    assert long_name.startswith(header.signer_name)
    sync.enroll(office_ws, tmp_path / "cm.json")
    (report,) = sync.merge_bundles(office_ws, [path]).bundles
    assert report.status == "imported", report.reason


@pytest.mark.parametrize("name", ["CM\x1b[2J07", "CM 07\nTroisdorf", "CM \u202eftdt", "CM\u200b07",
                                  " CM 07", "CM\x00"])  # fmt: skip
def test_control_and_bidi_characters_are_refused_at_init(templates, tmp_path, name):
    with pytest.raises(KimdeskError, match="Name der Installation"):
        new_device(tmp_path, templates, name)
    assert not (tmp_path / "cm.kdb").exists()


def hostile_identity(templates: Path, tmp_path: Path, name: str) -> Path:
    """A format-2 identity whose name holds terminal escapes, with a matching fingerprint (as
    a device set up before the check could write it)."""
    data = json.loads((templates / "cm2.json").read_text())
    data["name"] = name
    key = data["encryption_key"] and base64.b64decode(data["encryption_key"])
    data["fingerprint"] = fingerprint(data["installation_id"], data["role"], name,
                                      base64.b64decode(data["signing_key"]), key)  # fmt: skip
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


def test_a_name_with_escapes_is_refused_at_enroll_and_never_reaches_the_terminal(
    cli, office_file, templates, tmp_path, cm_file
):
    """A device set up before names were checked (or a crafted file, with a matching
    fingerprint): enrolling is refused, and neither the refusal nor the merge of its bundle
    puts an escape sequence, a line break or a bidi override on the terminal."""
    name = "CM\x1b[2J\u202e07\nkimdesk-1.kimb: übernommen"
    path = hostile_identity(templates, tmp_path, name)
    code, out, err = cli("enroll", "--store", office_file, path, passphrase=OFFICE_PASS)
    assert code == 1 and "Steuer- oder Formatzeichen" in err
    assert visible(out + err.rstrip("\n"))
    with open_workspace(cm_file, CM_PASS) as cm:
        with cm.store.begin() as conn:
            conn.exec_driver_sql("UPDATE installation SET name = ?", (name,))
    with open_workspace(cm_file, CM_PASS) as cm:
        add(cm, consultation())
        bundle = sync.export_bundle(cm, tmp_path).path
    for extra in ((), ("--json",)):
        code, out, err = cli(
            "merge", "--store", office_file, *extra, bundle, passphrase=OFFICE_PASS
        )
        assert code == 1 and "nicht eingetragenen Installation" in out
        assert visible(out) and visible(err.rstrip("\n"))


def test_a_second_device_of_the_same_name_is_enrolled_with_a_notice(
    cli, office_file, templates, tmp_path
):
    assert (
        cli("enroll", "--store", office_file, templates / "cm.json", passphrase=OFFICE_PASS)[0] == 0
    )
    twin = hostile_identity(templates, tmp_path, "CM-07 Troisdorf")  # cm2's keys, cm's name
    code, out, err = cli("enroll", "--store", office_file, twin, passphrase=OFFICE_PASS)
    assert code == 0, err
    assert "heißt ebenfalls" in out


def test_an_office_identity_relabelled_as_a_device_is_refused(office_ws, templates, tmp_path):
    data = json.loads((templates / "office2.json").read_text())
    data["role"] = "casemanager"
    (tmp_path / "relabelled.json").write_text(json.dumps(data))
    with pytest.raises(KimdeskError, match="Fingerabdruck passt nicht"):
        sync.enroll(office_ws, tmp_path / "relabelled.json")


def test_a_format_1_identity_is_enrolled_with_a_notice(cli, office_file, tmp_path):
    frozen = FIXTURES / "identities" / "identity_v1_casemanager.json"
    shutil.copyfile(frozen, tmp_path / "cm-v1.json")
    code, out, err = cli("enroll", "--store", office_file, tmp_path / "cm-v1.json",
                         passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert "Format 1" in out
    assert json.loads(frozen.read_text())["fingerprint"] in out
    with open_workspace(office_file, OFFICE_PASS) as office:
        again = sync.enroll(office, tmp_path / "cm-v1.json")
    assert again.legacy and not again.new


def test_a_format_1_office_identity_sets_up_a_device(cli, tmp_path):
    frozen = FIXTURES / "identities" / "identity_v1_office.json"
    code, out, err = cli("init", "--store", tmp_path / "cm.kdb", "--role", "casemanager",
                         "--name", "CM-01", "--office-key", frozen, "--yes",
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    assert "Format 1" in out and json.loads(frozen.read_text())["fingerprint"] in out


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(name=st.text(min_size=0, max_size=120))
def test_any_name_either_is_refused_at_init_or_syncs(office_ws, templates, tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("name")
    try:
        device = new_device(folder, templates, name)
    except KimdeskError:
        assert not (folder / "cm.kdb").exists()
        return
    with device as cm:
        setup.write_identity(cm, folder / "cm.json")
        add(cm, consultation())
        path = sync.export_bundle(cm, folder).path
    enrolment = sync.enroll(office_ws, folder / "cm.json")
    assert enrolment.identity.name == name
    (report,) = sync.merge_bundles(office_ws, [path]).bundles
    assert report.status == "imported", report.reason
    assert all(visible(w) for w in report.warnings)


def test_a_new_device_hands_the_office_its_encryption_key(office_ws, templates, tmp_path):
    """Schema 7: every device holds an X25519 key, and its identity file carries the public
    half (under the fingerprint), so the office can encrypt replies to it."""
    from kimdesk.services.trust import trusted_peers

    with new_device(tmp_path, templates, "CM-21 Hennef") as cm:
        identity = setup.write_identity(cm, tmp_path / "cm.json")
        assert cm.installation.agreement_key is not None
    data = json.loads((tmp_path / "cm.json").read_text())
    assert base64.b64decode(data["encryption_key"]) == identity.encryption_key
    assert len(identity.encryption_key) == 32
    sync.enroll(office_ws, tmp_path / "cm.json")
    with office_ws.store.connect() as conn:
        [device] = trusted_peers(office_ws.installation, conn, role="casemanager")
    assert device.agreement_key == identity.encryption_key
