"""``kimdesk inspect``: a bundle's header, manifest and record lines for an auditor, checked as a
merge checks them; the office store stays as it was (issue 14)."""

from __future__ import annotations

import hashlib
import json

from kimdesk.services import sync

from ..conftest import OFFICE_PASS
from .bundle_craft import add_records, dump

ENTITIES = ["client", "case", "goal", "consultation", "group_offer", "group_session",
            "structural_need"]  # fmt: skip


def test_inspect_writes_what_the_bundle_holds_and_changes_nothing(
    cli, enrolled_office_ws, bundle, tmp_path
):
    before = dump(enrolled_office_ws)
    store = enrolled_office_ws.path
    enrolled_office_ws.close()
    out = tmp_path / "pruefung"
    code, stdout, err = cli("inspect", "--store", store, bundle, "--out", out,
                            passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert "würde übernommen" in stdout
    assert sorted(p.name for p in out.iterdir()) == ["header.json", "manifest.json",
                                                     "records.jsonl"]  # fmt: skip
    header = json.loads((out / "header.json").read_text())
    assert header["file_sha256"] == hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert header["merge"]["status"] == "imported" and header["merge"]["counts"]["created"] == 3
    assert header["device"]["name"] == "CM-07 Troisdorf"
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert manifest["bundle_id"] == header["bundle_id"] and manifest["seq"] == header["seq"]
    # Recount and rehash with nothing but the files: each entity's lines in order.
    lines = (out / "records.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b""
    lines = [line + b"\n" for line in lines[:-1]]
    start = 0
    for entity in ENTITIES:
        expected = manifest["entities"][entity]
        mine = lines[start : start + expected["count"]]
        start += expected["count"]
        assert hashlib.sha256(b"".join(mine)).hexdigest() == expected["sha256"], entity
    assert start == len(lines) == 3
    from kimdesk.services.workspace import open_workspace

    with open_workspace(store, OFFICE_PASS) as office:
        assert dump(office) == before


def test_inspect_of_a_merged_bundle_says_so(cli, enrolled_office_ws, bundle, tmp_path):
    sync.merge_bundles(enrolled_office_ws, [bundle])
    store = enrolled_office_ws.path
    enrolled_office_ws.close()
    code, stdout, err = cli("inspect", "--store", store, bundle, "--out", tmp_path / "x",
                            passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert "schon übernommen" in stdout
    header = json.loads((tmp_path / "x" / "header.json").read_text())
    assert header["merge"]["status"] == "already_imported"


def test_a_rejected_bundle_writes_nothing(cli, enrolled_office_ws, bundle, tmp_path):
    data = bytearray(bundle.read_bytes())
    data[-1] ^= 1
    tampered = tmp_path / "veraendert.kimb"
    tampered.write_bytes(bytes(data))
    store = enrolled_office_ws.path
    enrolled_office_ws.close()
    out = tmp_path / "pruefung"
    code, _out, err = cli("inspect", "--store", store, tampered, "--out", out,
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "[bad_signature]" in err
    assert not out.exists()


def test_inspect_never_overwrites_earlier_files(cli, enrolled_office_ws, bundle, tmp_path):
    store = enrolled_office_ws.path
    enrolled_office_ws.close()
    out = tmp_path / "pruefung"
    out.mkdir()
    (out / "records.jsonl").write_text("meine Notizen")
    code, _out, err = cli("inspect", "--store", store, bundle, "--out", out,
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "gibt es schon" in err
    assert sorted(p.name for p in out.iterdir()) == ["records.jsonl"]
    assert (out / "records.jsonl").read_text() == "meine Notizen"


def test_inspect_is_for_the_office(cli, cm_file, cm_ws, tmp_path):
    add_records(cm_ws)
    path = sync.export_bundle(cm_ws, tmp_path).path
    cm_ws.close()
    code, _out, err = cli("inspect", "--store", cm_file, path, "--out", tmp_path / "x",
                          passphrase="case manager pass")  # fmt: skip
    assert code == 1 and "Kreisstelle" in err
