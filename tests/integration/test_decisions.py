"""Decisions flow back (issue 18): the office's version of a device's record travels in the
device's reply and becomes the device's version; an edit from it is no conflict, a real
concurrent edit still is one. Round trips with real bundle and reply files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from kimdesk.domain.entities import Consultation, StructuralNeed
from kimdesk.domain.ids import utc_now
from kimdesk.services import conflicts, records, replies, statistics, sync
from kimdesk.stats import queries
from kimdesk.store.records import get_any, save_record
from kimdesk.sync.fields import FIELDS, to_wire
from kimdesk.sync.reply import Reply

from .sync_helpers import add, consultation, rows
from .test_office_trust import export as export_of
from .test_office_trust import merged
from .test_replies import forged

DEVICE = "CM-07 Troisdorf"


def send(cm, office, stick) -> sync.BundleReport:
    """The device's changes to the office: one bundle written and merged."""
    path = sync.export_bundle(cm, stick).path
    [report] = sync.merge_bundles(office, [path]).bundles
    assert report.status == "imported", report.reason
    return report


def answer(office, cm, stick) -> replies.Received:
    """The office's reply to the device, written and read there."""
    [written] = replies.write_replies(office, stick, device=DEVICE).written
    [received] = replies.receive_replies(cm, [written.path]).replies
    assert received.status == "received", received.reason
    return received


def local(ws, entity_type, record_id):
    with ws.store.connect() as conn:
        return get_any(conn, entity_type, record_id)


def need() -> StructuralNeed:
    return StructuralNeed(reported_on=date(2026, 11, 2), municipality="05382068", topic="wohnen",
                          challenge="Wohnraum für große Familien", affected_cases=3)  # fmt: skip


def test_a_need_edited_on_both_sides_without_a_conflict(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)

    # The coordinator works on it; meanwhile the case manager sharpens the challenge.
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="in_progress", solution="Runder Tisch",
                                 responsible_body="Sozialamt"))  # fmt: skip
    records.save(cm_ws, replace(reported, challenge="Wohnraum für Familien ab fünf Personen"))
    report = send(cm_ws, office, stick)
    assert (report.counts["conflicts"], report.counts["updated"]) == (0, 1)
    stored = rows(office, "structural_need")[reported.id]
    assert (stored["challenge"], stored["status"], stored["solution"]) == (
        "Wohnraum für Familien ab fünf Personen", "in_progress", "Runder Tisch",
    )  # fmt: skip

    # The reply brings the office's version; the device takes it as its own.
    received = answer(office, cm_ws, stick)
    assert received.as_json()["records"] == {"created": 0, "updated": 1}
    taken = local(cm_ws, StructuralNeed, reported.id)
    assert (taken.status, taken.solution, taken.responsible_body, taken.challenge) == (
        "in_progress", "Runder Tisch", "Sozialamt", "Wohnraum für Familien ab fünf Personen",
    )  # fmt: skip
    assert (taken.version, taken.origin) == (stored["version"], office.installation.id)

    # The case manager cannot change the office's fields; an edit from the office's version
    # is an update at the office, not a conflict, and keeps the office's fields.
    edited = records.save(cm_ws, replace(taken, affected_cases=7, status="solved")).record
    assert (edited.status, edited.base_version) == ("in_progress", stored["version"])
    report = send(cm_ws, office, stick)
    assert (report.counts["conflicts"], report.counts["updated"]) == (0, 1)
    stored = rows(office, "structural_need")[reported.id]
    assert (stored["affected_cases"], stored["status"], stored["origin"]) == (
        7, "in_progress", cm_ws.installation.id,
    )  # fmt: skip
    # The device's own version stands at the office: nothing to send back any more.
    with office.store.connect() as conn:
        assert replies.decisions(conn, office.installation.id, cm_ws.installation.id) == []
    assert conflicts.list_conflicts(office) == []


def test_a_settled_conflict_goes_back_and_is_not_raised_again(
    cm_ws, cm2_ws, enrolled_office_ws, stick
):
    office = enrolled_office_ws
    (visit,) = add(cm_ws, consultation(duration_min=45, notes="Notiz bleibt hier"))
    send(cm_ws, office, stick)

    # The coordinator decides on the record (here: a version another device sent of it).
    add(cm2_ws, replace(visit, version=1, duration_min=90))
    merged(office, export_of(cm2_ws, stick / "cm2"))
    [conflict] = conflicts.list_conflicts(office)
    conflicts.resolve_conflict(office, conflict["id"], "incoming")
    decided = rows(office, "consultation")[visit.id]
    assert (decided["duration_min"], decided["origin"]) == (90, office.installation.id)
    # The decision still counts for the device, not for the office.
    mine = statistics.statistics(
        office, statistics.make_filters(office, installation=cm_ws.installation.id)
    )
    assert mine["consultations"]["total"] == 1
    everyone = statistics.statistics(office, statistics.make_filters(office))
    assert everyone["staffing"]["installations"] == 1  # the device, not the office
    with office.store.connect() as conn:
        cells = queries.cube(conn, statistics.make_filters(office))
    assert {cell.origin for cell in cells} == {cm_ws.installation.id}

    # A real concurrent edit: the case manager changes the record before the decision came.
    add(cm_ws, replace(local(cm_ws, Consultation, visit.id), duration_min=60))
    report = send(cm_ws, office, stick)
    assert report.counts["conflicts"] == 1
    assert rows(office, "consultation")[visit.id]["duration_min"] == 90  # the decision stays
    # While that conflict is open, the office sends no version of the record.
    with office.store.connect() as conn:
        assert replies.decisions(conn, office.installation.id, cm_ws.installation.id) == []
    [second] = conflicts.list_conflicts(office)
    conflicts.resolve_conflict(office, second["id"], "stored")

    received = answer(office, cm_ws, stick)
    assert received.taken.updated == 1 and received.warnings == []
    taken = local(cm_ws, Consultation, visit.id)
    assert (taken.duration_min, taken.origin) == (90, office.installation.id)
    assert set(taken.topics) == set(visit.topics)
    assert taken.notes == "Notiz bleibt hier"  # local fields stay as they were

    # Edited from the decision: an update, the conflict is not raised again.
    add(cm_ws, replace(taken, duration_min=75))
    report = send(cm_ws, office, stick)
    assert (report.counts["conflicts"], report.counts["updated"]) == (0, 1)
    assert rows(office, "consultation")[visit.id]["duration_min"] == 75
    assert conflicts.list_conflicts(office) == []


def test_a_decision_crossing_an_unsent_edit_is_named_and_the_edit_kept(
    cm_ws, cm2_ws, enrolled_office_ws, stick
):
    office = enrolled_office_ws
    (visit,) = add(cm_ws, consultation(duration_min=45))
    send(cm_ws, office, stick)
    add(cm2_ws, replace(visit, version=1, duration_min=90))
    merged(office, export_of(cm2_ws, stick / "cm2"))
    [conflict] = conflicts.list_conflicts(office)
    conflicts.resolve_conflict(office, conflict["id"], "incoming")
    [written] = replies.write_replies(office, stick, device=DEVICE).written

    add(cm_ws, replace(local(cm_ws, Consultation, visit.id), duration_min=60))  # not sent yet
    [received] = replies.receive_replies(cm_ws, [written.path]).replies
    assert received.status == "received" and received.taken.updated == 0
    assert "während sie hier geändert wurden" in received.warnings[0]
    assert local(cm_ws, Consultation, visit.id).duration_min == 60
    assert send(cm_ws, office, stick).counts["conflicts"] == 1  # the coordinator decides


def test_the_export_sends_only_the_devices_own_versions(cm_ws, enrolled_office_ws, stick):
    """A full bundle after taking a decision would otherwise carry a record of the office's
    and be refused (a device may send only its own records)."""
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="rejected", solution="Kein Bedarf"))
    [written] = replies.write_replies(office, stick, device=DEVICE).written
    [received] = replies.receive_replies(cm_ws, [written.path]).replies
    assert received.taken.updated == 1
    full = sync.export_bundle(cm_ws, stick, full=True)
    [report] = sync.merge_bundles(office, [full.path]).bundles
    assert report.status in ("imported", "already_imported"), report.reason
    assert report.counts["conflicts"] == 0


@pytest.mark.parametrize("bad", ["foreign origin", "unknown kind", "out of order"])
def test_a_reply_with_a_bad_decision_is_refused(cm_ws, enrolled_office_ws, bad):
    office = enrolled_office_ws
    record = json.loads(json.dumps(_wire_need(office.installation.id)))

    def payload(reply: Reply) -> bytes:
        items = [("structural_need", record)]
        if bad == "foreign origin":
            items = [("structural_need", {**record, "origin": cm_ws.installation.id})]
        elif bad == "unknown kind":
            items = [("person", record)]
        else:
            items = [("structural_need", record), ("consultation", record)]
        return replace(reply, records=tuple(items)).to_bytes()

    data = forged(office, cm_ws, payload=payload)
    path = cm_ws.store.path.parent / "bad.kimr"
    path.write_bytes(data)
    [received] = replies.receive_replies(cm_ws, [path]).replies
    assert (received.status, received.reason_code) == ("rejected", "manifest_invalid")
    assert "Antwort der Kreisstelle ist beschädigt" in received.reason


def _wire_need(origin: str) -> dict:
    """A need as the office would send it back."""
    n = replace(need(), origin=origin, version=2, updated_at=utc_now())
    return to_wire(
        "structural_need", {f.name: getattr(n, f.name) for f in FIELDS["structural_need"]}
    )


def test_another_device_cannot_claim_the_office_version_as_its_base(
    cm_ws, cm2_ws, enrolled_office_ws, stick
):
    """A base names the office's version, but only the owner's edit is taken from it: a
    second device that sends the decision's version number as its base for the first
    device's record gets a conflict, the decision stays."""
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)
    at_office = local(office, StructuralNeed, reported.id)
    decided = records.save(office, replace(at_office, status="solved", solution="Erledigt")).record
    with cm2_ws.store.begin() as conn:  # forged on the second device, its own signature
        save_record(conn, replace(decided, challenge="überschrieben", origin=""),
                    origin=cm2_ws.installation.id)  # fmt: skip
        conn.exec_driver_sql(
            "UPDATE structural_need SET version = ?, base_version = ? WHERE id = ?",
            (decided.version + 1, decided.version, reported.id),
        )
    report = send(cm2_ws, office, stick)
    assert report.counts["conflicts"] == 1 and report.counts["updated"] == 0
    stored = rows(office, "structural_need")[reported.id]
    assert (stored["challenge"], stored["status"], stored["origin"]) == (
        reported.challenge, "solved", office.installation.id,
    )  # fmt: skip
