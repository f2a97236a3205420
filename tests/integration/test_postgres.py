"""The office store on a real PostgreSQL server: set-up, sealed keys, the move from SQLite,
identical statistics, concurrent merges, rejected bundles change nothing."""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import replace

import pytest
from sqlalchemy import text

from kimdesk.services import conflicts, office, sync
from kimdesk.services.workspace import open_workspace
from kimdesk.store.server import SEAL_MAGIC, ServerStore
from tests.conftest import CM_PASS, OFFICE_PASS

from .stats_data import fill
from .sync_helpers import add, consultation, dump

RECORD_TABLES = ("client", "case_file", "goal", "consultation", "consultation_topic", "referral",
                 "group_offer", "group_session", "structural_need", "counter", "peer")  # fmt: skip


def records(ws) -> dict:
    """The data and bookkeeping that must be equal (not audit times or conflict ids)."""
    everything = dump(ws)
    return {name: everything[name] for name in RECORD_TABLES}


def stats(cli, store) -> dict:
    code, out, err = cli("stats", "--store", store, "--json", passphrase=OFFICE_PASS)
    assert code == 0, err
    report = json.loads(out)
    report.pop("generated_at")
    return report


def test_an_office_on_the_server_keeps_its_keys_sealed(cli, pg_url):
    code, out, err = cli("init", "--store", pg_url, "--role", "office", "--name", "Kreis PG",
                         passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert "Fingerabdruck" in out and "postgresql+psycopg://" in out
    with open_workspace(pg_url, OFFICE_PASS) as ws:
        signing = ws.installation.signing_key
        with ws.store.connect() as conn:
            raw = conn.execute(text("SELECT signing_key, agreement_key FROM installation")).one()
    # What the database administrator sees: sealed blobs, not the keys.
    assert raw.signing_key.startswith(SEAL_MAGIC) and raw.agreement_key.startswith(SEAL_MAGIC)
    assert signing not in raw.signing_key
    code, _out, err = cli("check", "--store", pg_url, passphrase="not the passphrase")
    assert code == 1 and "Passphrase" in err and "falsch" in err
    code, _out, err = cli("init", "--store", pg_url, "--role", "office", "--name", "Nochmal",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "gibt es schon" in err


def test_a_case_manager_store_never_lives_on_a_server(cli, pg_url, office_identity):
    code, _out, err = cli("init", "--store", pg_url, "--role", "casemanager", "--name", "CM",
                          "--office-key", office_identity, "--yes", passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and "Kreisstelle" in err


def test_rekey_on_the_server(cli, pg_url):
    cli("init", "--store", pg_url, "--role", "office", "--name", "Kreis", passphrase=OFFICE_PASS)
    code, _out, err = cli("rekey", "--store", pg_url, passphrase=OFFICE_PASS,
                          new_passphrase="new office passphrase")  # fmt: skip
    assert code == 0, err
    assert cli("check", "--store", pg_url, passphrase=OFFICE_PASS)[0] == 1
    assert cli("check", "--store", pg_url, passphrase="new office passphrase")[0] == 0


@pytest.fixture
def bundles(templates, cm_file, cm2_file, tmp_path):
    """Bundles of two devices: a dataset, later changes, a deletion, a conflict."""
    folder = tmp_path / "bundles"
    folder.mkdir()
    with open_workspace(cm_file, CM_PASS) as cm:
        fill(cm, other_device=cm.installation.id)
        (shared,) = add(cm, consultation(duration_min=30))
        first = [sync.export_bundle(cm, folder).path]
        add(cm, replace(shared, duration_min=35), consultation(topics=("schule",)))
        first.append(sync.export_bundle(cm, folder).path)
    with open_workspace(cm2_file, CM_PASS) as cm2:
        add(cm2, replace(shared, duration_min=45, version=1), consultation(municipality="05382060"))
        second = [sync.export_bundle(cm2, folder).path]
    return first + second


def test_the_move_from_sqlite_and_the_same_bundles_give_identical_figures(
    cli, office_file, templates, pg_url, bundles
):
    for identity in ("cm.json", "cm2.json"):
        assert cli("enroll", "--store", office_file, templates / identity,
                   passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    # Part of the history before the move, part after.
    assert cli("merge", "--store", office_file, bundles[0], passphrase=OFFICE_PASS)[0] == 0
    code, out, err = cli("init", "--store", pg_url, "--role", "office", "--name", "Kreis RSK",
                         "--from-store", office_file, passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert "Statistiken auf beiden Seiten gleich" in out
    assert stats(cli, office_file) == stats(cli, pg_url)
    with open_workspace(office_file, OFFICE_PASS) as a, open_workspace(pg_url, OFFICE_PASS) as b:
        assert a.installation == b.installation  # the same identity and keys
        assert [d.name for d in office.devices(a)] == [d.name for d in office.devices(b)]

    for store in (office_file, pg_url):
        code, out, err = cli("merge", "--store", store, "--json", *bundles[1:],
                             passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 0, err
        result = json.loads(out)
        assert [b["status"] for b in result["bundles"]] == ["imported", "imported"]
        assert result["totals"]["conflicts"] == 1
    assert stats(cli, office_file) == stats(cli, pg_url)
    with open_workspace(office_file, OFFICE_PASS) as a, open_workspace(pg_url, OFFICE_PASS) as b:
        assert records(a) == records(b)
        [ca], [cb] = conflicts.list_conflicts(a), conflicts.list_conflicts(b)
        assert (ca["record"], ca["differing_fields"]) == (cb["record"], cb["differing_fields"])
        conflicts.resolve_conflict(b, cb["id"], "stored")
        assert conflicts.list_conflicts(b) == []


def test_two_coordinators_merging_at_once(pg_url, office_file, templates, bundles, tmp_path):
    from kimdesk.services.server import move_to_server

    with open_workspace(office_file, OFFICE_PASS) as ws:
        sync.enroll(ws, templates / "cm.json")
        sync.enroll(ws, templates / "cm2.json")
        move_to_server(ws, pg_url, OFFICE_PASS)
    # Each coordinator has the whole stick; both start at the same moment.
    copies = []
    for n in range(2):
        folder = tmp_path / f"stick{n}"
        folder.mkdir()
        copies.append([shutil.copy(p, folder / p.name) for p in bundles])
    results, errors = [None, None], []
    start = threading.Barrier(2)

    def coordinator(n: int) -> None:
        try:
            with open_workspace(pg_url, OFFICE_PASS) as ws:
                start.wait()
                results[n] = sync.merge_bundles(ws, copies[n])
        except Exception as exc:  # the test fails below with the error
            errors.append(exc)

    threads = [threading.Thread(target=coordinator, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    per_bundle = list(zip(*(r.bundles for r in results), strict=True))
    for a, b in per_bundle:
        assert sorted([a.status, b.status]) == ["already_imported", "imported"]
    with open_workspace(pg_url, OFFICE_PASS) as ws, ws.store.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM bundle_in")).scalar() == len(bundles)
        assert len(conflicts.list_conflicts(ws)) == 1
        assert conn.execute(text("SELECT count(*) FROM consultation")).scalar() == len(
            {r for r in dump(ws)["consultation"]}
        )


def test_a_rejected_bundle_leaves_the_server_unchanged(pg_url, office_file, templates, bundles):
    from kimdesk.services.server import move_to_server

    with open_workspace(office_file, OFFICE_PASS) as ws:
        sync.enroll(ws, templates / "cm.json")
        move_to_server(ws, pg_url, OFFICE_PASS)
    data = bytearray(bundles[0].read_bytes())
    data[-40] ^= 1
    bundles[0].write_bytes(bytes(data))
    with open_workspace(pg_url, OFFICE_PASS) as ws:
        before = dump(ws)
        summary = sync.merge_bundles(ws, [bundles[0], bundles[2]])
        assert [b.status for b in summary.bundles] == ["rejected", "rejected"]
        assert dump(ws) == before


def test_a_server_store_is_not_taken_for_a_file(pg_url):
    with pytest.raises(Exception) as caught:
        ServerStore.open(pg_url, OFFICE_PASS)
    assert "kein KIMdesk-Speicher" in str(caught.value)


def test_the_office_commands_take_the_server_address(cli, pg_url, templates, bundles, tmp_path):
    assert cli("init", "--store", pg_url, "--role", "office", "--name", "Kreis",
               passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    code, out, err = cli("enroll", "--store", pg_url, templates / "cm.json", passphrase=OFFICE_PASS)
    assert code == 0, err
    code, out, err = cli("identity", "--store", pg_url, "--out", tmp_path / "kreis.json",
                         passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0 and (tmp_path / "kreis.json").exists()
    # Bundles for another office (the templates' one) cannot be opened here: rejected.
    code, out, err = cli("merge", "--store", pg_url, "--json", bundles[0], passphrase=OFFICE_PASS)
    assert code == 1 and json.loads(out)["bundles"][0]["status"] == "rejected"
    code, out, err = cli("conflicts", "--store", pg_url, "--json", passphrase=OFFICE_PASS)
    assert code == 0 and json.loads(out)["conflicts"] == []
    code, out, err = cli("backup", "--store", pg_url, "--out", tmp_path / "b.kdb",
                         passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "pg_dump" in err


def test_a_database_user_cannot_enrol_a_device(cli, pg_url, office_file, templates, bundles):
    """Whoever may write rows on the server inserts a peer for a device the coordinator never
    enrolled: the office does not believe it, says so, and enrolling it for real still works."""
    import base64

    code, _out, err = cli("init", "--store", pg_url, "--role", "office", "--name", "Kreis RSK",
                          "--from-store", office_file, passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    device = json.loads((templates / "cm2.json").read_text())
    with open_workspace(pg_url, OFFICE_PASS) as ws:
        with ws.store.begin() as conn:
            conn.execute(
                text("INSERT INTO peer (installation_id, role, name, signing_key, agreement_key,"
                     " fingerprint, trusted_at, signature) VALUES (:i, 'casemanager', :n, :k,"
                     " NULL, :f, now(), :s)"),
                {"i": device["installation_id"], "n": device["name"],
                 "k": base64.b64decode(device["signing_key"]), "f": device["fingerprint"],
                 "s": b"\x00" * 64},
            )  # fmt: skip
        assert office.unsigned_devices(ws) == ["CM-11 Siegburg"]
        assert [d.name for d in office.devices(ws)] == []
        before = records(ws)
        (report,) = sync.merge_bundles(ws, [bundles[2]]).bundles  # CM-11's bundle
        assert report.status == "rejected" and report.reason_code == "unknown_signer"
        assert "nicht die Signatur dieser Kreisstelle" in report.reason
        assert records(ws) == before
        # The coordinator enrols the device after comparing its fingerprint: now it counts.
        assert sync.enroll(ws, templates / "cm2.json").new
        assert office.unsigned_devices(ws) == []
        (report,) = sync.merge_bundles(ws, [bundles[2]]).bundles
        assert report.status == "imported", report.reason


def test_numbers_a_server_column_cannot_hold_are_rejected_not_crashed(
    cli, pg_url, office_file, templates, cm_ws, tmp_path
):
    """The server's columns are 32-bit: a version or a bundle number beyond that is refused
    with a reason, and the bundles after it in the same run are still merged."""
    from .bundle_craft import Crafter, add_records

    code, _out, err = cli("init", "--store", pg_url, "--role", "office", "--name", "Kreis RSK",
                          "--from-store", office_file, passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    add_records(cm_ws)
    crafter = Crafter(cm_ws, templates, tmp_path)
    honest = crafter.bundle()
    crafter.records = [(e, dict(r, version=2**31)) for e, r in crafter.records]
    huge_version = crafter.bundle()
    huge_seq = crafter.bundle(seq=2**31)
    with open_workspace(pg_url, OFFICE_PASS) as ws:
        sync.enroll(ws, templates / "cm.json")
        summary = sync.merge_bundles(ws, [huge_version, huge_seq, honest])
    assert [(b.status, b.reason_code) for b in summary.bundles] == [
        ("rejected", "record_invalid"), ("rejected", "header_damaged"), ("imported", None),
    ]  # fmt: skip
