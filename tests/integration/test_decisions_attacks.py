"""Attacks on decisions flowing back (issue 18), found by a review and kept as regression
tests: a crossed need edit, a late older bundle, a device setting the office's fields, an
acknowledgement out of order, a revived need. Real stores and files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kimdesk.domain.entities import Client, Consultation, Referral, StructuralNeed
from kimdesk.services import conflicts, records, replies, statistics, sync
from kimdesk.store.records import save_record

from .sync_helpers import a_client, add, consultation, rows
from .test_decisions import DEVICE, answer, local, need, send
from .test_office_trust import export as export_of
from .test_office_trust import merged


def test_a_crossed_need_edit_is_sent_and_merged(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="in_progress", solution="Runder Tisch"))
    [written] = replies.write_replies(office, stick, device=DEVICE).written
    # the case manager edits before reading the reply
    records.save(cm_ws, replace(reported, challenge="geschärft"))
    [received] = replies.receive_replies(cm_ws, [written.path]).replies
    assert received.status == "received"
    local(cm_ws, StructuralNeed, reported.id)
    path = sync.export_bundle(cm_ws, stick).path
    [report] = sync.merge_bundles(office, [path]).bundles
    assert report.status == "imported", report.reason
    stored = rows(office, "structural_need")[reported.id]
    assert (stored["challenge"], stored["status"]) == ("geschärft", "in_progress")


def test_a_crossed_need_edit_does_not_cost_the_bundle(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="in_progress"))
    [written] = replies.write_replies(office, stick, device=DEVICE).written
    records.save(cm_ws, replace(reported, challenge="geschärft"))
    (visit,) = add(cm_ws, consultation())
    replies.receive_replies(cm_ws, [written.path])
    first = sync.export_bundle(cm_ws, stick).path
    [report] = sync.merge_bundles(office, [first]).bundles
    sync.export_bundle(cm_ws, stick)
    assert visit.id in rows(office, "consultation"), "the consultation never reaches the office"


def merge(office, path):
    [report] = sync.merge_bundles(office, [path]).bundles
    assert report.status == "imported", report.reason
    return report


def three_bundles(cm_ws, stick, third):
    """A need in bundle 1, its second challenge in bundle 2, ``third(v2)`` in bundle 3."""
    reported = records.save(cm_ws, need()).record
    b1 = sync.export_bundle(cm_ws, stick).path
    v2 = records.save(cm_ws, replace(reported, challenge="zweite Fassung")).record
    b2 = sync.export_bundle(cm_ws, stick).path
    third(v2)
    return reported, b1, b2, sync.export_bundle(cm_ws, stick).path


def test_a_late_older_version_is_stale_not_a_revert(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported, b1, b2, b3 = three_bundles(
        cm_ws, stick, lambda v2: records.save(cm_ws, replace(v2, challenge="dritte Fassung"))
    )
    merge(office, b1)
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="in_progress"))
    merge(office, b3)
    assert rows(office, "structural_need")[reported.id]["challenge"] == "dritte Fassung"
    late = merge(office, b2)  # bundle 2 arrives last
    stored = rows(office, "structural_need")[reported.id]
    assert stored["challenge"] == "dritte Fassung", stored["challenge"]
    assert late.counts["stale"] == 1


def test_a_late_older_version_does_not_revive_a_deleted_need(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported, b1, b2, b3 = three_bundles(
        cm_ws, stick, lambda v2: records.delete(cm_ws, StructuralNeed, v2.id)
    )
    merge(office, b1)
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="in_progress"))
    merge(office, b3)
    assert (
        rows(office, "structural_need")[reported.id]["deleted"] is True
        or rows(office, "structural_need")[reported.id]["deleted"] == 1
    )
    merge(office, b2)
    stored = rows(office, "structural_need")[reported.id]
    assert stored["deleted"], f"tombstone revived: {stored['version']} {stored['origin']}"


def forge(cm_ws, record):
    with cm_ws.store.begin() as conn:
        return save_record(conn, record, origin=cm_ws.installation.id)


def test_a_device_cannot_override_the_decision_after_its_based_edit(
    cm_ws, enrolled_office_ws, stick
):
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)
    at_office = local(office, StructuralNeed, reported.id)
    records.save(office, replace(at_office, status="rejected", solution="Kein Bedarf"))
    answer(office, cm_ws, stick)
    taken = local(cm_ws, StructuralNeed, reported.id)
    edited = records.save(cm_ws, replace(taken, affected_cases=9)).record
    send(cm_ws, office, stick)  # honest: an update, origin the device again
    assert rows(office, "structural_need")[reported.id]["status"] == "rejected"
    forge(
        cm_ws,
        replace(edited, status="solved", solution="vom Gerät erledigt", responsible_body="Gerät"),
    )
    send(cm_ws, office, stick)
    stored = rows(office, "structural_need")[reported.id]
    assert (stored["status"], stored["solution"]) == ("rejected", "Kein Bedarf")


def test_a_device_cannot_set_the_office_fields_of_a_new_need(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    forged = forge(
        cm_ws, replace(need(), status="solved", solution="Erledigt", responsible_body="Landrat")
    )
    send(cm_ws, office, stick)
    stored = rows(office, "structural_need")[forged.id]
    assert stored["status"] == "reported" and stored["solution"] in (None, "")


def _decide_topics(cm_ws, cm2_ws, office, stick):
    (visit,) = add(cm_ws, consultation(notes="lokal"))
    send(cm_ws, office, stick)
    add(
        cm2_ws,
        replace(
            visit,
            version=1,
            topics=("arbeit",),
            referrals=(Referral("jc_afa"), Referral("jc_afa", accompanied=True)),
        ),
    )
    merged(office, export_of(cm2_ws, stick / "cm2"))
    [c] = conflicts.list_conflicts(office)
    conflicts.resolve_conflict(office, c["id"], "incoming")
    return visit


def test_consultation_decision_brings_topics_and_referrals(
    cm_ws, cm2_ws, enrolled_office_ws, stick
):
    office = enrolled_office_ws
    visit = _decide_topics(cm_ws, cm2_ws, office, stick)
    received = answer(office, cm_ws, stick)
    assert received.taken.updated == 1
    taken = local(cm_ws, Consultation, visit.id)
    assert tuple(taken.topics) == ("arbeit",)
    assert len(taken.referrals) == 2 and taken.notes == "lokal"
    # stats at the office: one consultation, one installation
    s = statistics.statistics(office, statistics.make_filters(office))
    assert s["consultations"]["total"] == 1
    assert s["staffing"]["installations"] == 1
    s2 = statistics.statistics(
        office, statistics.make_filters(office, installation=cm2_ws.installation.id)
    )
    assert s2["consultations"]["total"] == 0


def test_tombstone_decision(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported = records.save(cm_ws, need()).record
    send(cm_ws, office, stick)
    records.delete(office, StructuralNeed, reported.id)
    received = answer(office, cm_ws, stick)
    assert received.taken.updated == 1
    assert local(cm_ws, StructuralNeed, reported.id).deleted
    # a full export then is accepted, nothing revived at the office
    full = sync.export_bundle(cm_ws, stick, full=True)
    if full.path:
        [r] = sync.merge_bundles(office, [full.path]).bundles
        assert r.status in ("imported", "already_imported"), r.reason
    assert rows(office, "structural_need")[reported.id]["deleted"]


def test_an_edit_in_a_bundle_still_on_its_way_is_not_overwritten(
    cm_ws, cm2_ws, enrolled_office_ws, stick
):
    """Bundle 2 (with the device's edit) lies on a lost stick; bundle 3 is merged. The reply
    acknowledges 1 and 3: the edit of bundle 2 is not one the office has seen, so the decision
    does not overwrite it (it was the highest acknowledged change number once)."""
    office = enrolled_office_ws
    (visit,) = add(cm_ws, consultation(duration_min=45))
    send(cm_ws, office, stick)  # bundle 1
    add(cm2_ws, replace(visit, version=1, duration_min=90))
    merged(office, export_of(cm2_ws, stick / "cm2"))
    [c] = conflicts.list_conflicts(office)
    conflicts.resolve_conflict(office, c["id"], "incoming")

    add(cm_ws, replace(local(cm_ws, Consultation, visit.id), duration_min=60))
    lost = stick / "lost"
    lost.mkdir()
    sync.export_bundle(cm_ws, lost)  # bundle 2, never arrives (yet)
    add(cm_ws, consultation(duration_min=10))
    send(cm_ws, office, stick)  # bundle 3
    received = answer(office, cm_ws, stick)
    assert local(cm_ws, Consultation, visit.id).duration_min == 60 or received.warnings, (
        "the device's unsent edit was replaced without a warning"
    )


def test_client_decision_keeps_personal_fields(cm_ws, cm2_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    (c,) = add(
        cm_ws, a_client(given_name="Amal", family_name="X", birth_date=date(1990, 1, 1), notes="n")
    )
    send(cm_ws, office, stick)
    add(cm2_ws, replace(c, version=1, gender="m"))
    merged(office, export_of(cm2_ws, stick / "cm2"))
    [k] = conflicts.list_conflicts(office)
    conflicts.resolve_conflict(office, k["id"], "incoming")
    got = answer(office, cm_ws, stick)
    assert got.taken.updated == 1
    after = local(cm_ws, Client, c.id)
    before = c
    for f in ("given_name", "family_name", "birth_date", "notes", "age_group"):
        if hasattr(after, f):
            assert getattr(after, f) == getattr(before, f), f
    assert after.gender == "m"


def test_a_deleted_need_stays_deleted_on_the_device(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    reported, b1, b2, b3 = three_bundles(
        cm_ws, stick, lambda v2: records.delete(cm_ws, StructuralNeed, v2.id)
    )
    for p in (b1,):
        sync.merge_bundles(office, [p])
    records.save(office, replace(local(office, StructuralNeed, reported.id), status="in_progress"))
    sync.merge_bundles(office, [b3])
    sync.merge_bundles(office, [b2])
    answer(office, cm_ws, stick)
    assert local(cm_ws, StructuralNeed, reported.id).deleted, "the device's deleted need is back"
