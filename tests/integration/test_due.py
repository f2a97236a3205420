"""Wiedervorlage (issue 19): what is due, against dates computed by hand, in a real store;
the county's N-week rule arrives with the office's profile; the list carries no names."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from kimdesk.domain import consent
from kimdesk.domain.entities import Case, Goal
from kimdesk.domain.errors import KimdeskError, ValidationError
from kimdesk.services import due, profile, records, replies, sync

from .sync_helpers import a_case, a_client, add, consultation

TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.fixture
def desk(cm_ws):
    """Cases in every state the list must tell apart."""
    agreed = consent.dump(
        [
            consent.Consent(
                date(2026, 11, 1), "schriftlich", targets=("jc_afa",), data=("personalien",)
            )
        ]
    )  # its referrals are covered
    [client] = add(cm_ws, replace(a_client(), family_name="Qxzanaria", given_name="Vorname",
                                  consents=agreed))  # fmt: skip
    [a, b, closed] = add(
        cm_ws,
        a_case(client_id=client.id, opened_on=date(2026, 11, 1),
               follow_up_on=date(2026, 12, 6)),  # a Sunday
        a_case(opened_on=date(2026, 9, 1)),  # never a consultation
        a_case(opened_on=date(2026, 1, 5), closed_on=date(2026, 3, 1), phase="closed",
               closure_reason="ziele_erreicht", follow_up_on=date(2026, 11, 1)),
    )  # fmt: skip
    add(cm_ws, consultation(case_id=a.id, client_id=client.id, occurred_on=date(2026, 11, 20)))
    add(
        cm_ws,
        Goal(case_id=a.id, topic="wohnen", due_on=TODAY),
        Goal(case_id=a.id, topic="arbeit", due_on=date(2026, 11, 1), status="reached"),
        Goal(case_id=a.id, topic="deutsch", due_on=date(2026, 12, 9), status="partial"),
        Goal(case_id=closed.id, topic="wohnen", due_on=date(2026, 6, 1)),
    )
    [gone] = add(cm_ws, replace(a_client(), family_name="Alt"))  # all its cases long closed
    add(cm_ws, a_case(client_id=gone.id, opened_on=date(2019, 5, 1), closed_on=date(2020, 1, 10),
                      phase="closed", closure_reason="ziele_erreicht"))  # fmt: skip
    return {"a": a, "b": b, "closed": closed, "gone": gone}


def listed(found) -> list[tuple]:
    return [(i.kind, i.case_id or i.client_id, i.due_on) for i in found.items]


def test_what_is_due_today_and_this_week(cm_ws, desk):
    a, b, gone = desk["a"].id, desk["b"].id, desk["gone"].id
    today = due.due(cm_ws, today=TODAY)
    assert listed(today) == [
        ("erasure", gone, date(2023, 1, 10)),  # closed 10.01.2020 + 3 calendar years
        ("inactive", b, date(2026, 10, 27)),  # opened 01.09.2026 + 8 weeks
        ("goal", a, TODAY),
    ]
    assert (today.overdue, today.due_today, today.this_week) == (2, 1, 0)
    week = due.due(cm_ws, today=TODAY, days=7)
    assert listed(week)[3:] == [
        ("follow_up", a, date(2026, 12, 4)),  # Sunday 06.12. → the Friday before
        ("goal", a, date(2026, 12, 9)),  # partly reached: still due
    ]
    assert (week.overdue, week.due_today, week.this_week) == (2, 1, 1)  # Friday, not next Wed
    # The latest consultation counts: 20.11.2026 + 8 weeks = 15.01.2027.
    later = due.due(cm_ws, today=TODAY, days=44)
    assert ("inactive", a, date(2027, 1, 15)) in listed(later)
    assert desk["closed"].id not in {i.case_id for i in later.items}  # closed: nothing due


def test_the_county_sets_the_weeks_and_the_device_gets_them(cm_ws, enrolled_office_ws, desk,
                                                            stick, tmp_path):  # fmt: skip
    office = enrolled_office_ws
    doc = profile.show(office)["profile"]
    assert "case_work" not in doc  # the default leaves the document as it was
    doc["case_work"] = {"inactive_weeks": 4}
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    applied = profile.apply(office, tmp_path / "p.json")
    assert "Wiedervorlage ohne Beratung nach: 8 → 4 Wochen" in applied.change.settings
    [written] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    [got] = replies.receive_replies(cm_ws, [written.path]).replies
    assert got.status == "received" and cm_ws.catalog.inactive_weeks == 4
    # 20.11.2026 + 4 weeks = 18.12.2026; 01.09.2026 + 4 weeks = 29.09.2026.
    found = listed(due.due(cm_ws, today=TODAY, days=16))
    assert ("inactive", desk["a"].id, date(2026, 12, 18)) in found
    assert ("inactive", desk["b"].id, date(2026, 9, 29)) in found
    for wrong in ({"inactive_weeks": 0}, {"inactive_weeks": "8"}, {"weeks": 8}, []):
        doc["case_work"] = wrong
        (tmp_path / "p.json").write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(KimdeskError, match="case_work"):
            profile.apply(office, tmp_path / "p.json")


def test_a_follow_up_date_is_typed_ahead_but_not_too_far(cm_ws):
    [case] = add(cm_ws, a_case())
    saved = records.save(cm_ws, replace(case, follow_up_on=date(2027, 3, 1)), today=TODAY).record
    assert saved.follow_up_on == date(2027, 3, 1)
    with pytest.raises(ValidationError, match="Jahre in der Zukunft"):
        records.save(cm_ws, replace(saved, follow_up_on=date(2032, 1, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="Zukunft"):  # a consent is not given ahead
        records.save(cm_ws, replace(saved, consent_on=date(2027, 1, 1)), today=TODAY)


def test_the_follow_up_stays_on_the_device(cm_ws, enrolled_office_ws, stick):
    """Local like the case's notes: no bundle carries it."""
    [case] = add(cm_ws, a_case(follow_up_on=date(2026, 12, 24)))
    path = sync.export_bundle(cm_ws, stick).path
    sync.merge_bundles(enrolled_office_ws, [path])
    stored = records.load(enrolled_office_ws, Case, case.id)
    assert stored is not None and stored.follow_up_on is None


def test_the_command_line_lists_without_names(cli, cm_ws, desk):
    from ..conftest import CM_PASS

    code, out, err = cli("due", "--store", cm_ws.path, "--json", "--days", "366",
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert {i["kind"] for i in data["items"]} == {"erasure", "inactive", "goal", "follow_up"}
    case_item = next(i for i in data["items"] if i["case"])
    assert set(case_item) == {"kind", "case", "client", "due_on", "reason"}
    assert set(case_item["case"]) == {"id", "reference"}
    assert "Qxzanaria" not in out and "Vorname" not in out
    code, out, err = cli("due", "--store", cm_ws.path, passphrase=CM_PASS)
    assert code == 0 and out.startswith("Überfällig: ") and "Qxzanaria" not in out
    code, _out, err = cli("due", "--store", cm_ws.path, "--days", "-1", passphrase=CM_PASS)
    assert code == 1 and "--days" in err
