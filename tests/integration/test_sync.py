"""Bundles from case manager devices merged into the office store (docs/sync.md)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from kimdesk.domain.entities import Consultation
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import conflicts, sync
from kimdesk.services.workspace import open_workspace
from kimdesk.store.models import AuditEntry, BundleOut
from kimdesk.store.records import get_consultation

from ..conftest import CM_PASS, OFFICE_PASS
from .sync_helpers import a_case, a_client, add, consultation, dump, remove, rows

ZERO = dict.fromkeys(("created", "updated", "unchanged", "stale", "deleted", "conflicts"), 0)


def counts(**over) -> dict[str, int]:
    return {**ZERO, **over}


def export(ws, folder, **kwargs):
    folder.mkdir(exist_ok=True)
    result = sync.export_bundle(ws, folder, **kwargs)
    assert result.path is not None, result.message
    return result.path


def merge(office, *paths, **kwargs):
    return sync.merge_bundles(office, list(paths), **kwargs)


def test_two_devices_round_trip_into_one_office(enrolled_office_ws, cm_ws, cm2_ws, tmp_path):
    office = enrolled_office_ws
    case = a_case()
    add(cm_ws, case, consultation(kind="cm", case_id=case.id), consultation(), consultation())
    add(cm2_ws, consultation(municipality="05382060", topics=("arbeit",)))
    first, second = export(cm_ws, tmp_path / "a"), export(cm2_ws, tmp_path / "b")

    summary = merge(office, first, second)

    assert [b.status for b in summary.bundles] == ["imported", "imported"]
    assert summary.bundles[0].counts == counts(created=4)
    assert summary.bundles[1].counts == counts(created=1)
    assert summary.totals == {**counts(created=5), "rejected": 0}
    assert summary.bundles[0].seq == 1 and summary.bundles[0].installation == cm_ws.installation.id
    assert summary.bundles[0].warnings == []
    stored = rows(office, "consultation")
    assert len(stored) == 4
    # The office holds exactly the exported fields of each device's records.
    ids = sorted(rows(cm_ws, "consultation"))
    with cm_ws.store.connect() as conn:
        mine = [get_consultation(conn, cid) for cid in ids]
    with office.store.connect() as conn:
        theirs = [get_consultation(conn, c.id) for c in mine]
    assert theirs == [replace(c, notes=None) for c in mine]
    assert {r["origin"] for r in stored.values()} == {cm_ws.installation.id, cm2_ws.installation.id}


def test_increments_carry_only_the_changes(enrolled_office_ws, cm_ws, tmp_path):
    office = enrolled_office_ws
    first, second = add(cm_ws, consultation(), consultation())
    b1 = export(cm_ws, tmp_path / "s")
    changed = replace(first, duration_min=90)
    add(cm_ws, changed, consultation(topics=("gesundheit",)))
    b2 = export(cm_ws, tmp_path / "s")
    assert b1.name.endswith("-00001.kimb") and b2.name.endswith("-00002.kimb")

    summary = merge(office, b1, b2)
    assert [b.counts for b in summary.bundles] == [counts(created=2), counts(updated=1, created=1)]
    assert rows(office, "consultation")[first.id]["duration_min"] == 90
    assert rows(office, "consultation")[first.id]["version"] == 2
    # Nothing new: no file, and it says so.
    result = sync.export_bundle(cm_ws, tmp_path / "s")
    assert result.path is None and "Keine neuen Änderungen seit Bundle 2" in result.message
    assert len(list((tmp_path / "s").iterdir())) == 2


def test_full_export_repeats_everything_and_merges_as_unchanged(
    enrolled_office_ws, cm_ws, tmp_path
):
    office = enrolled_office_ws
    add(cm_ws, consultation(), a_client(given_name="Nobody"))
    merge(office, export(cm_ws, tmp_path / "s"))
    full = export(cm_ws, tmp_path / "s", full=True)
    summary = merge(office, full)
    assert summary.bundles[0].counts == counts(unchanged=2)
    assert summary.bundles[0].seq == 2


def test_replay_is_already_imported_and_changes_nothing(enrolled_office_ws, cm_ws, tmp_path):
    office = enrolled_office_ws
    add(cm_ws, consultation())
    bundle = export(cm_ws, tmp_path / "s")
    merge(office, bundle)
    before = dump(office)
    summary = merge(office, bundle)
    assert summary.bundles[0].status == "already_imported"
    assert summary.bundles[0].counts == ZERO and not summary.any_rejected
    assert dump(office) == before


def test_gap_is_reported_until_the_missing_bundle_arrives(enrolled_office_ws, cm_ws, tmp_path):
    office = enrolled_office_ws
    bundles = []
    for _ in range(4):
        add(cm_ws, consultation())
        bundles.append(export(cm_ws, tmp_path / "s"))
    summary = merge(office, bundles[0], bundles[3])
    assert summary.bundles[1].warnings == [
        "Bundles 2–3 von CM-07 Troisdorf noch nicht eingetroffen."
    ]
    summary = merge(office, bundles[2])
    assert summary.bundles[0].warnings == ["Bundle 2 von CM-07 Troisdorf noch nicht eingetroffen."]
    summary = merge(office, bundles[1])
    assert summary.bundles[0].warnings == []
    assert len(rows(office, "consultation")) == 4


def test_dry_run_reports_the_same_and_changes_nothing(enrolled_office_ws, cm_ws, tmp_path):
    office = enrolled_office_ws
    add(cm_ws, consultation(), consultation())
    bundle = export(cm_ws, tmp_path / "s")
    before = dump(office)
    dry = merge(office, bundle, bundle, dry_run=True)
    assert dump(office) == before
    assert [b.status for b in dry.bundles] == ["imported", "already_imported"]
    real = merge(office, bundle, bundle)
    assert dry.as_json() == real.as_json()


def test_tombstone_deletes_and_an_older_version_cannot_resurrect(
    enrolled_office_ws, cm_file, tmp_path
):
    office = enrolled_office_ws
    cm = open_workspace(cm_file, CM_PASS)
    (record,) = add(cm, consultation())
    merge(office, export(cm, tmp_path / "s"))
    cm.store.backup_to(tmp_path / "old.kdb")  # the device as it was: version 1
    remove(cm, Consultation, record.id)
    summary = merge(office, export(cm, tmp_path / "s"))
    cm.close()
    assert summary.bundles[0].counts == counts(deleted=1)
    assert rows(office, "consultation")[record.id]["deleted"] is True

    # The device restored from the old copy sends version 1 again in a full bundle.
    old = open_workspace(tmp_path / "old.kdb", CM_PASS)
    late = export(old, tmp_path / "late", full=True)
    old.close()
    summary = merge(office, late)
    assert summary.bundles[0].counts == counts(stale=1)
    assert rows(office, "consultation")[record.id]["deleted"] is True


def test_restored_device_reusing_sequence_numbers_loses_no_record(
    enrolled_office_ws, cm_file, tmp_path
):
    office = enrolled_office_ws
    cm = open_workspace(cm_file, CM_PASS)
    (kept,) = add(cm, consultation())
    merge(office, export(cm, tmp_path / "s"))
    cm.store.backup_to(tmp_path / "backup.kdb")
    add(cm, replace(kept, duration_min=60), consultation(topics=("schule",)))
    sent = merge(office, export(cm, tmp_path / "s"))
    assert sent.bundles[0].seq == 2
    cm.close()

    # Laptop breaks; the backup is restored and work goes on: bundle 2 again, other content.
    shutil.copyfile(tmp_path / "backup.kdb", cm_file)
    cm = open_workspace(cm_file, CM_PASS)
    add(cm, replace(kept, duration_min=75), consultation(topics=("familie",)))
    again = export(cm, tmp_path / "r")
    cm.close()
    summary = merge(office, again)
    report = summary.bundles[0]
    assert report.status == "imported" and report.seq == 2
    assert any("aus einer Sicherung wiederhergestellt" in w for w in report.warnings)
    assert report.counts == counts(created=1, conflicts=1)
    stored = rows(office, "consultation")
    assert len(stored) == 3  # both new consultations are there
    (conflict,) = conflicts.list_conflicts(office)
    assert conflict["record"] == kept.id
    assert {conflict["stored"]["duration_min"], conflict["incoming"]["duration_min"]} == {60, 75}
    assert conflict["differing_fields"] == ["duration_min"]


def test_conflict_between_two_devices_keeps_both_and_can_be_resolved(
    enrolled_office_ws, cm_ws, cm2_ws, tmp_path, cli
):
    office = enrolled_office_ws
    (record,) = add(cm_ws, consultation(duration_min=30))
    merge(office, export(cm_ws, tmp_path / "a"))
    # The same consultation, changed on the other device (e.g. a handed-over case).
    add(cm2_ws, replace(record, duration_min=45, version=1))
    summary = merge(office, export(cm2_ws, tmp_path / "b"))
    assert summary.bundles[0].counts == counts(conflicts=1)
    (conflict,) = conflicts.list_conflicts(office)
    # A device never overrules another device's record, however late its change: the stored
    # version stays applied, the other is kept for the coordinator.
    assert conflict["applied"] == "stored"
    assert rows(office, "consultation")[record.id]["duration_min"] == 30

    office.close()
    office_path = office.path
    code, out, _ = cli("conflicts", "--store", office_path, "--json", passphrase=OFFICE_PASS)
    listed = json.loads(out)["conflicts"]
    assert code == 0 and [c["id"] for c in listed] == [conflict["id"]]
    code, out, _ = cli("conflicts", "--store", office_path, passphrase=OFFICE_PASS)
    assert conflict["id"] in out and "duration_min" in out
    code, out, _ = cli("resolve", "--store", office_path, conflict["id"], "--keep", "incoming",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0 and "eingehende Fassung" in out
    reopened = open_workspace(office_path, OFFICE_PASS)
    try:
        assert rows(reopened, "consultation")[record.id]["duration_min"] == 45
        assert conflicts.list_conflicts(reopened) == []
        with pytest.raises(KimdeskError, match="schon aufgelöst"):
            conflicts.resolve_conflict(reopened, conflict["id"], "stored")
    finally:
        reopened.close()


def test_consultation_parts_travel_with_it(enrolled_office_ws, cm_ws, tmp_path):
    office = enrolled_office_ws
    from kimdesk.domain.entities import Referral

    (record,) = add(cm_ws, consultation(topics=("wohnen", "arbeit", "deutsch"),
                                        referrals=(Referral("aemter", True, "taken_up"),
                                                   Referral("wohlfahrt"))))  # fmt: skip
    merge(office, export(cm_ws, tmp_path / "s"))
    add(cm_ws, replace(record, topics=("schule",), referrals=()))
    merge(office, export(cm_ws, tmp_path / "s"))
    with office.store.connect() as conn:
        stored = get_consultation(conn, record.id)
    assert stored.topics == ("schule",) and stored.referrals == ()


def test_merge_needs_an_office_and_export_a_case_manager(cm_ws, office_ws, tmp_path):
    with pytest.raises(KimdeskError, match="Kreisstelle"):
        sync.merge_bundles(cm_ws, [])
    with pytest.raises(KimdeskError, match="Case-Managements"):
        sync.export_bundle(office_ws, tmp_path)


def test_enrolment_is_idempotent_and_refuses_a_changed_key(office_ws, templates, tmp_path):
    first = sync.enroll(office_ws, templates / "cm.json")
    again = sync.enroll(office_ws, templates / "cm.json")
    assert first.new and not again.new
    forged = json.loads((templates / "cm2.json").read_text())
    import base64

    from kimdesk.sync.identity import fingerprint

    forged["installation_id"] = first.identity.installation_id
    forged["fingerprint"] = fingerprint(
        forged["installation_id"], forged["role"], forged["name"],
        base64.b64decode(forged["signing_key"]),
        forged["encryption_key"] and base64.b64decode(forged["encryption_key"]),
    )  # fmt: skip
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    with pytest.raises(KimdeskError, match="anderer Schlüssel"):
        sync.enroll(office_ws, tmp_path / "forged.json")
    with pytest.raises(KimdeskError, match="nicht zu einem Case-Management-Gerät"):
        sync.enroll(office_ws, templates / "office2.json")


def test_failed_export_leaves_no_file_and_uses_no_sequence_number(cm_ws, tmp_path):
    add(cm_ws, consultation())
    with cm_ws.store.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER injected_fault BEFORE INSERT ON bundle_out "
            "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
        )
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(Exception, match="injected fault"):
        sync.export_bundle(cm_ws, stick)
    assert list(stick.iterdir()) == []
    with cm_ws.store.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER injected_fault")
    result = sync.export_bundle(cm_ws, stick)
    assert result.seq == 1 and [p.name for p in stick.iterdir()] == [result.path.name]


def test_export_never_overwrites_a_file(cm_ws, tmp_path):
    add(cm_ws, consultation())
    target = tmp_path / "x.kimb"
    target.write_bytes(b"keep me")
    with pytest.raises(KimdeskError, match="gibt es schon"):
        sync.export_bundle(cm_ws, target)
    assert target.read_bytes() == b"keep me"


def test_bundle_history_and_audit(enrolled_office_ws, cm_ws, tmp_path):
    add(cm_ws, consultation())
    bundle = export(cm_ws, tmp_path / "s")
    history = sync.bundle_history(cm_ws)
    assert [(h["seq"], h["file_name"], h["records"]) for h in history] == [(1, bundle.name, 1)]
    merge(enrolled_office_ws, bundle)
    with enrolled_office_ws.store.connect() as conn:
        actions = conn.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars().all()
    assert actions[-1] == "merge" and "enroll" in actions
    with cm_ws.store.connect() as conn:
        assert conn.execute(select(BundleOut.seq)).scalars().all() == [1]


def test_cli_export_and_merge(cli, cm_file, office_file, templates, tmp_path):
    ws = open_workspace(cm_file, CM_PASS)
    add(ws, consultation(occurred_on=date(2024, 2, 2)))
    ws.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = cli("export-bundle", "--store", cm_file, "--out", stick, passphrase=CM_PASS)
    assert code == 0 and "Bundle 1 geschrieben" in out and "Kreisstelle" in out
    code, out, _ = cli("export-bundle", "--store", cm_file, "--out", stick, passphrase=CM_PASS)
    assert code == 0 and "Keine neuen Änderungen" in out
    code, out, _ = cli("enroll", "--store", office_file, templates / "cm.json",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0 and "Fingerabdruck" in out
    (bundle,) = stick.iterdir()
    code, out, err = cli("merge", "--store", office_file, bundle, passphrase=OFFICE_PASS)
    assert code == 0 and "übernommen" in out and err == ""
    code, out, _ = cli("merge", "--store", office_file, "--json", bundle, passphrase=OFFICE_PASS)
    data = json.loads(out)
    assert data["bundles"][0]["status"] == "already_imported"
    assert set(data["totals"]) == {*ZERO, "rejected"}
