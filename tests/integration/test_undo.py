"""Undo takes back exactly the step it names, and a save that changes nothing writes nothing
(issue 16): real stores, real bundles to the office."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from kimdesk.domain.entities import (
    Case,
    Client,
    Consultation,
    Goal,
    GroupOffer,
    GroupSession,
    Referral,
    StructuralNeed,
)
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import cases, groups, privacy, records, sync
from kimdesk.services.undo import Action, UndoStack
from kimdesk.store.bookkeeping import CHANGE_SEQ, current_seq
from kimdesk.store.models import AuditEntry
from kimdesk.store.records import get_any

from .sync_helpers import consultation, dump

TROISDORF = "05382068"


def stored(ws, entity_type, record_id):
    with ws.store.connect() as conn:
        return get_any(conn, entity_type, record_id)


def footprint(ws) -> tuple[int, int]:
    """The change sequence and the number of audit entries: a write moves both."""
    with ws.store.connect() as conn:
        audits = conn.execute(select(func.count()).select_from(AuditEntry.__table__)).scalar()
        return current_seq(conn, CHANGE_SEQ), audits


def test_undo_after_a_delete_brings_back_the_deleted_record_not_an_earlier_edit(cm_ws):
    """The defect seen: edit A and save, delete B, undo -> A's edit was reverted, B stayed
    deleted."""
    stack = UndoStack()
    a = records.save(cm_ws, consultation(duration_min=30, notes="A"))
    b = records.save(cm_ws, consultation(occurred_on=date(2024, 3, 5), topics=("gesundheit",),
                                         referrals=(Referral("gesundheit", accompanied=True),)))  # fmt: skip
    edited = records.save(cm_ws, replace(a.record, duration_min=45))
    stack.push(edited.step)
    deleted = records.delete(cm_ws, Consultation, b.record.id)
    stack.push(deleted.step)

    records.undo(cm_ws, stack.top())
    stack.pop(deleted.step)
    back = stored(cm_ws, Consultation, b.record.id)
    assert not back.deleted and back.version == 3  # created, deleted, restored
    assert (back.topics, back.referrals) == (b.record.topics, b.record.referrals)
    assert stored(cm_ws, Consultation, a.record.id).duration_min == 45  # A untouched

    records.undo(cm_ws, stack.top())
    assert stored(cm_ws, Consultation, a.record.id).duration_min == 30
    assert stored(cm_ws, Consultation, a.record.id).notes == "A"


def test_undo_of_a_create_leaves_a_tombstone_and_of_a_close_reopens(cm_ws):
    made = records.save(cm_ws, consultation())
    assert made.step.action is Action.CREATE and made.step.records[0][0] is None
    records.undo(cm_ws, made.step)
    assert stored(cm_ws, Consultation, made.record.id).deleted

    saved = cases.save_case(cm_ws, Client(family_name="Canary-Undo"),
                            Case(client_id=None, municipality=TROISDORF, program="kim",
                                 opened_on=date(2024, 1, 8)))  # fmt: skip
    assert saved.step.action is Action.CREATE and len(saved.step.records) == 2
    closed = cases.close_case(cm_ws, saved.case.id, date(2024, 6, 30), "ziele_erreicht")
    assert closed.step.action is Action.CLOSE
    records.undo(cm_ws, closed.step)
    case = stored(cm_ws, Case, saved.case.id)
    assert case.closed_on is None and case.closure_reason is None
    assert case.phase == saved.case.phase

    records.undo(cm_ws, saved.step)  # the new client and case go together
    assert stored(cm_ws, Case, saved.case.id).deleted
    assert stored(cm_ws, Client, saved.client.id).deleted


def test_undo_of_deleting_an_offer_brings_back_its_sessions(cm_ws):
    offer = records.save(cm_ws, GroupOffer(program="muki", format="het", title="HET",
                                           municipality=TROISDORF)).record  # fmt: skip
    for day in (1, 8):
        records.save(cm_ws, GroupSession(offer_id=offer.id, held_on=date(2026, 9, day),
                                         participants=6))  # fmt: skip
    deleted = groups.delete_offer(cm_ws, offer.id)
    assert len(deleted.step.records) == 3 and groups.offer_lines(cm_ws) == []
    records.undo(cm_ws, deleted.step)
    [line] = groups.offer_lines(cm_ws)
    assert (line.offer.id, line.held, line.participants) == (offer.id, 2, 12)


def test_a_step_whose_record_changed_since_is_refused_and_changes_nothing(cm_ws):
    a = records.save(cm_ws, consultation(duration_min=30))
    first = records.save(cm_ws, replace(a.record, duration_min=45))
    records.save(cm_ws, replace(first.record, duration_min=60))  # not undone first
    before = dump(cm_ws)
    with pytest.raises(KimdeskError, match="seitdem geändert"):
        records.undo(cm_ws, first.step)
    assert dump(cm_ws) == before


def test_an_erasure_is_no_step_and_outdates_the_steps_it_touched(cm_ws):
    saved = cases.save_case(cm_ws, Client(family_name="Canary-Erase", phone="0170 1"),
                            Case(client_id=None, municipality=TROISDORF, program="kim",
                                 opened_on=date(2024, 1, 8)))  # fmt: skip
    erased = privacy.erase_client(cm_ws, saved.client.id)
    assert getattr(erased, "step", None) is None
    with pytest.raises(KimdeskError):  # undo must not bring the erased name back
        records.undo(cm_ws, saved.step)
    assert stored(cm_ws, Client, saved.client.id).family_name is None


def test_a_restored_record_travels_and_the_office_has_it_alive(enrolled_office_ws, cm_ws, tmp_path):
    made = records.save(cm_ws, consultation())
    folder = tmp_path / "stick"
    folder.mkdir()
    first = sync.export_bundle(cm_ws, folder).path
    deleted = records.delete(cm_ws, Consultation, made.record.id)
    second = sync.export_bundle(cm_ws, folder).path
    records.undo(cm_ws, deleted.step)
    third = sync.export_bundle(cm_ws, folder).path
    summary = sync.merge_bundles(enrolled_office_ws, [first, second, third])
    assert [b.counts["deleted"] for b in summary.bundles] == [0, 1, 0]
    assert [b.counts["updated"] for b in summary.bundles] == [0, 0, 1]
    back = stored(enrolled_office_ws, Consultation, made.record.id)
    assert not back.deleted and back.version == 3 and set(back.topics) == set(made.record.topics)


SAMPLES = [
    lambda ws: Client(family_name="Canary", gender="w"),
    lambda ws: Case(client_id=None, municipality=TROISDORF, program="kim",
                    opened_on=date(2024, 1, 8)),
    lambda ws: consultation(topics=("wohnen", "deutsch", "gesundheit")),
    lambda ws: GroupOffer(program="muki", format="het", title="HET", municipality=TROISDORF),
    lambda ws: StructuralNeed(reported_on=date(2024, 2, 1), municipality=TROISDORF,
                              topic="wohnen", challenge="Wohnraum fehlt", affected_cases=3),
]  # fmt: skip


@pytest.mark.parametrize("make", SAMPLES, ids=["client", "case", "consultation", "offer", "need"])
def test_a_save_that_changes_nothing_writes_nothing(cm_ws, make):
    first = records.save(cm_ws, make(cm_ws))
    before, rows = footprint(cm_ws), dump(cm_ws)
    # As a form builds it again: a new object with the same content (topics in typed order).
    again = replace(first.record, version=1, updated_at=None)
    if isinstance(again, Consultation):
        again = replace(again, topics=tuple(reversed(again.topics)))
    result = records.save(cm_ws, again)
    assert result.step is None and not result.changes
    assert result.record.version == first.record.version
    assert footprint(cm_ws) == before and dump(cm_ws) == rows


def test_unchanged_goals_sessions_cases_and_closings_write_nothing(cm_ws):
    saved = cases.save_case(cm_ws, Client(family_name="Canary"),
                            Case(client_id=None, municipality=TROISDORF, program="kim",
                                 opened_on=date(2024, 1, 8)))  # fmt: skip
    goal = records.save(cm_ws, Goal(case_id=saved.case.id, topic="wohnen")).record
    offer = records.save(cm_ws, GroupOffer(program="muki", format="het", title="HET",
                                           municipality=TROISDORF)).record  # fmt: skip
    session = records.save(cm_ws, GroupSession(offer_id=offer.id, held_on=date(2026, 9, 1),
                                               participants=4)).record  # fmt: skip
    cases.close_case(cm_ws, saved.case.id, date(2024, 6, 30), "ziele_erreicht")
    before, rows = footprint(cm_ws), dump(cm_ws)
    assert records.save(cm_ws, goal).step is None
    assert records.save(cm_ws, session).step is None
    assert cases.close_case(cm_ws, saved.case.id, date(2024, 6, 30), "ziele_erreicht").step is None
    case = stored(cm_ws, Case, saved.case.id)
    again = cases.save_case(cm_ws, saved.client, case)
    assert again.step is None and not again.changes
    assert footprint(cm_ws) == before and dump(cm_ws) == rows
    # One changed field is a write again, of that record only.
    changed = cases.save_case(cm_ws, replace(saved.client, phone="0170 2"), case)
    assert [after.id for _b, after in changed.step.records] == [saved.client.id]
    assert changed.step.action is Action.CHANGE


def test_an_unchanged_need_at_the_office_makes_no_version(office_ws):
    """The coordinator's Ctrl+S on an unchanged need made a version a device's later bundle
    turned into a conflict."""
    need = records.save(office_ws, StructuralNeed(reported_on=date(2024, 2, 1),
                                                  municipality=TROISDORF, topic="wohnen",
                                                  challenge="Wohnraum", status="in_progress",
                                                  solution="Runder Tisch")).record  # fmt: skip
    before = footprint(office_ws)
    assert records.save(office_ws, replace(need)).step is None
    assert footprint(office_ws) == before


def test_an_erasure_reaches_deleted_consultations_and_undo_cannot_bring_notes_back(cm_ws):
    """Found by a review: the erasure skipped deleted records, and undoing the deletion then
    revived the consultation with its notes."""
    saved = cases.save_case(cm_ws, Client(family_name="Canary-Erase"),
                            Case(client_id=None, municipality=TROISDORF, program="kim",
                                 opened_on=date(2024, 1, 8)))  # fmt: skip
    made = records.save(cm_ws, consultation(kind="cm", case_id=saved.case.id,
                                            client_id=saved.client.id,
                                            notes="Canary-Note Hauptstr 1"))  # fmt: skip
    deleted = records.delete(cm_ws, Consultation, made.record.id)
    privacy.erase_client(cm_ws, saved.client.id)
    assert stored(cm_ws, Consultation, made.record.id).notes is None
    with pytest.raises(KimdeskError):
        records.undo(cm_ws, deleted.step)
    gone = stored(cm_ws, Consultation, made.record.id)
    assert gone.deleted and gone.notes is None
    assert "Canary-Note" not in str(dump(cm_ws))
