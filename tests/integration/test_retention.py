"""The deletion concept (issue 19, docs/privacy.md): each retention rule against its reference
date computed by hand, in a real store; the county's periods arrive with the profile; the
confirmation erases one client only, closes an abandoned case, keeps the figures and travels;
the deletion log names rule and dates, never contents."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from kimdesk.domain.entities import Case, Client
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import due, handovers, privacy, profile, records, replies, retention, sync
from kimdesk.services.statistics import make_filters, statistics

from .sync_helpers import a_case, a_client, add, consultation, dump

CANARY = "Qxloeschkanarie"


def named(ws, **over) -> Client:
    [client] = add(ws, a_client(given_name=CANARY, family_name=f"{CANARY}-F",
                                phone=f"0171 {CANARY}", **over))  # fmt: skip
    return client


def listed(ws, today: date) -> list[tuple[str, str, date, date]]:
    return [(e.client_id, e.rule, e.reference, e.due_on)
            for e in retention.due_erasures(ws, today)]  # fmt: skip


def test_one_off_consultations_only_count_from_the_latest(cm_ws):
    client = named(cm_ws)
    add(cm_ws, consultation(client_id=client.id, occurred_on=date(2025, 3, 10)),
        consultation(client_id=client.id, occurred_on=date(2025, 11, 3)))  # fmt: skip
    # 03.11.2025 + 12 months = 03.11.2026: not the day before, on the day.
    assert listed(cm_ws, date(2026, 11, 2)) == []
    assert listed(cm_ws, date(2026, 11, 3)) == [
        (client.id, "one_off", date(2025, 11, 3), date(2026, 11, 3))]  # fmt: skip
    # A client without any consultation: from the day the record was last changed.
    fresh = named(cm_ws)
    today = date.today()
    found = {e.client_id: e for e in retention.due_erasures(cm_ws, date(today.year + 2, 1, 1))}
    assert found[fresh.id].rule == "one_off" and found[fresh.id].reference == today


def test_closed_cases_count_from_the_later_of_closure_and_consultation(cm_ws):
    client = named(cm_ws)
    first, second = add(
        cm_ws,
        a_case(client_id=client.id, opened_on=date(2020, 2, 3), closed_on=date(2021, 3, 1),
               phase="closed", closure_reason="ziele_erreicht"),
        a_case(client_id=client.id, opened_on=date(2021, 9, 6), closed_on=date(2022, 6, 30),
               phase="closed", closure_reason="umzug"),
    )  # fmt: skip
    add(cm_ws, consultation(case_id=second.id, kind="cm", occurred_on=date(2022, 5, 2)))
    assert listed(cm_ws, date(2025, 6, 29)) == []
    assert listed(cm_ws, date(2025, 6, 30)) == [
        (client.id, "closed", date(2022, 6, 30), date(2025, 6, 30))]  # fmt: skip
    # A one-off consultation after the closure moves the reference date: 15.08.2022 + 3 years.
    add(cm_ws, consultation(client_id=client.id, occurred_on=date(2022, 8, 15)))
    assert listed(cm_ws, date(2025, 8, 14)) == []
    assert listed(cm_ws, date(2025, 8, 15)) == [
        (client.id, "closed", date(2022, 8, 15), date(2025, 8, 15))]  # fmt: skip
    # Reopened: an open case is never under the closed rule.
    records.save(cm_ws, replace(records.load(cm_ws, Case, first.id), closed_on=None,
                                closure_reason=None, phase="monitoring"))  # fmt: skip
    assert [e.rule for e in retention.due_erasures(cm_ws, date(2030, 1, 1))] == ["inactive"]


def test_an_abandoned_open_case_is_closed_and_erased_on_confirmation(cm_ws, stick):
    client = named(cm_ws)
    [case] = add(cm_ws, a_case(client_id=client.id, opened_on=date(2022, 1, 10),
                               follow_up_on=date(2023, 2, 1)))  # fmt: skip
    add(cm_ws, consultation(case_id=case.id, kind="cm", occurred_on=date(2023, 4, 20)))
    # The latest of opening, follow-up and consultation: 20.04.2023 + 24 months.
    assert listed(cm_ws, date(2025, 4, 19)) == []
    today = date(2025, 4, 22)
    assert listed(cm_ws, today) == [(client.id, "inactive", date(2023, 4, 20), date(2025, 4, 20))]
    [item] = [i for i in due.due(cm_ws, today=today).items if i.kind == "erasure"]
    assert item.client_id == client.id and "seit 20.04.2023" in item.reason
    assert "Fall schließen" in item.reason and CANARY not in item.reason
    sync.export_bundle(cm_ws, stick)
    before = statistics(cm_ws, make_filters(cm_ws))["consultations"]

    erased = retention.erase_due(cm_ws, client.id, today=today)
    closed = records.load(cm_ws, Case, case.id)
    assert (closed.closed_on, closed.closure_reason, closed.phase) == (today, "kein_kontakt",
                                                                       "closed")  # fmt: skip
    assert records.load(cm_ws, Client, client.id).given_name is None
    assert erased.records == 2  # client and case (its follow-up date) emptied
    assert statistics(cm_ws, make_filters(cm_ws))["consultations"] == before
    assert retention.due_erasures(cm_ws, date(2040, 1, 1)) == []
    assert not [i for i in due.due(cm_ws, today=today).items if i.client_id == client.id]
    counts = sync.export_bundle(cm_ws, stick).counts
    assert (counts["client"], counts["case"], counts["consultation"]) == (1, 1, 0)  # no notes


def test_only_clients_still_named_and_still_here_are_due(cm_ws):
    gone = named(cm_ws)
    add(cm_ws, consultation(client_id=gone.id, occurred_on=date(2020, 1, 6)))
    privacy.erase_client(cm_ws, gone.id)  # erased by hand already
    anonymous = add(cm_ws, a_client())[0]  # never held a name
    add(cm_ws, consultation(client_id=anonymous.id, occurred_on=date(2020, 1, 6)))
    deleted = named(cm_ws)
    records.delete(cm_ws, Client, deleted.id)
    assert listed(cm_ws, date(2030, 1, 1)) == []


def test_a_client_no_longer_due_is_refused_and_nothing_changes(cm_ws):
    client = named(cm_ws)
    add(cm_ws, consultation(client_id=client.id, occurred_on=date(2024, 1, 8)))
    today = date(2025, 2, 3)
    assert [e.client_id for e in retention.due_erasures(cm_ws, today)] == [client.id]
    # A consultation comes in between the list and the confirmation.
    add(cm_ws, consultation(client_id=client.id, occurred_on=date(2025, 2, 1)))
    with pytest.raises(KimdeskError, match="nicht mehr") as refused:
        retention.erase_due(cm_ws, client.id, today=today)
    assert CANARY not in str(refused.value)
    assert records.load(cm_ws, Client, client.id).given_name == CANARY
    assert retention.deletion_log(cm_ws) == []


def test_a_client_handed_over_is_left_to_the_handover(cm_ws, cm2_ws, enrolled_office_ws,
                                                     stick):  # fmt: skip
    from .test_handover import RECEIVER, round_trip

    add(cm2_ws, consultation())
    round_trip(enrolled_office_ws, [cm_ws, cm2_ws], stick)  # both know the county's devices
    client = named(cm_ws)
    [case] = add(cm_ws, a_case(client_id=client.id, opened_on=date(2020, 1, 6),
                               closed_on=date(2020, 6, 1), phase="closed",
                               closure_reason="umzug"))  # fmt: skip
    assert [e.client_id for e in retention.due_erasures(cm_ws, date(2026, 1, 1))] == [client.id]
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[case.id])
    assert retention.due_erasures(cm_ws, date(2026, 1, 1)) == []  # erased when it completes
    with pytest.raises(KimdeskError):
        retention.erase_due(cm_ws, client.id, today=date(2026, 1, 1))


def test_the_deletion_log_names_rule_and_dates_never_contents(cm_ws, tmp_path):
    old = named(cm_ws)
    add(cm_ws, consultation(client_id=old.id, occurred_on=date(2023, 5, 15),
                            notes=f"Notiz {CANARY}"))  # fmt: skip
    by_hand = named(cm_ws)
    retention.erase_due(cm_ws, old.id, today=date(2024, 6, 1))
    privacy.erase_client(cm_ws, by_hand.id)
    log = retention.deletion_log(cm_ws)
    assert [(line.client_id, line.detail) for line in log] == [
        (by_hand.id, "von Hand; 1 Datensätze"),
        (old.id, "Löschfrist nach einmaliger Beratung, Bezugstag 15.05.2023; 2 Datensätze"),
    ]
    path = retention.write_deletion_log(cm_ws, tmp_path / "loeschprotokoll.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Zeitpunkt;Klient:in (Kennung);Anlass und Umfang"
    assert old.id in text and CANARY not in text
    with pytest.raises(KimdeskError):  # an unrelated file is never replaced
        (tmp_path / "other.csv").write_text("Wichtig;Daten\n", encoding="utf-8")
        retention.write_deletion_log(cm_ws, tmp_path / "other.csv", force=True)


def test_the_county_sets_the_periods_and_the_device_gets_them(cm_ws, enrolled_office_ws,
                                                              stick, tmp_path):  # fmt: skip
    office = enrolled_office_ws
    doc = profile.show(office)["profile"]
    assert "retention" not in doc  # the defaults leave the document as it was
    doc["retention"] = {"one_off_months": 6, "inactive_months": 36}
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    applied = profile.apply(office, tmp_path / "p.json")
    assert "Löschfrist nach nur einmaliger Beratung: 12 → 6 Monate" in applied.change.settings
    assert "Löschfrist für ruhende offene Fälle: 24 → 36 Monate" in applied.change.settings
    [written] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    [got] = replies.receive_replies(cm_ws, [written.path]).replies
    assert got.status == "received"
    assert (cm_ws.catalog.retention.one_off_months, cm_ws.catalog.retention.inactive_months) == (
        6,
        36,
    )
    client = named(cm_ws)
    add(cm_ws, consultation(client_id=client.id, occurred_on=date(2025, 8, 31)))
    # 31.08.2025 + 6 months: February has no 31st, so the 28th.
    assert listed(cm_ws, date(2026, 2, 28)) == [
        (client.id, "one_off", date(2025, 8, 31), date(2026, 2, 28))]  # fmt: skip
    for wrong in ({"one_off_months": 0}, {"inactive_months": "24"}, {"years": 3}, []):
        doc["retention"] = wrong
        (tmp_path / "p.json").write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(KimdeskError, match="retention"):
            profile.apply(office, tmp_path / "p.json")


def test_a_client_without_a_name_is_due_when_their_records_name_them(cm_ws):
    """Case notes, goal texts, consultation notes and recipients are personal data too."""
    from kimdesk.domain.entities import Goal, Referral

    [anonymous] = add(cm_ws, a_client())
    [case] = add(cm_ws, a_case(client_id=anonymous.id, opened_on=date(2020, 1, 6),
                               closed_on=date(2020, 6, 1), phase="closed",
                               closure_reason="umzug"))  # fmt: skip
    add(cm_ws, Goal(case_id=case.id, topic="wohnen", text=f"{CANARY} Ziel"))
    add(cm_ws, consultation(case_id=case.id, kind="cm", occurred_on=date(2020, 3, 2),
                            referrals=(Referral("jc_afa", recipient=CANARY),)))  # fmt: skip
    assert listed(cm_ws, date(2023, 6, 1)) == [
        (anonymous.id, "closed", date(2020, 6, 1), date(2023, 6, 1))]  # fmt: skip
    retention.erase_due(cm_ws, anonymous.id, today=date(2023, 6, 1))
    assert CANARY not in repr(dump(cm_ws))
    assert listed(cm_ws, date(2040, 1, 1)) == []


def test_a_retired_closure_reason_closes_without_one_and_all_due_are_erased(
        cm_ws, enrolled_office_ws, stick, tmp_path):  # fmt: skip
    """The county may retire "kein Kontakt": the dormant case is then closed without a
    reason, and the erasures after it still happen (each in one transaction)."""
    office = enrolled_office_ws
    doc = profile.show(office)["profile"]
    for item in doc["catalogs"]["closure_reason"]:
        if item["code"] == "kein_kontakt":
            item["active"] = False
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    profile.apply(office, tmp_path / "p.json")
    [written] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    replies.receive_replies(cm_ws, [written.path])
    dormant, later = named(cm_ws), named(cm_ws)
    [case] = add(cm_ws, a_case(client_id=dormant.id, opened_on=date(2022, 1, 10)))
    add(cm_ws, consultation(client_id=later.id, occurred_on=date(2024, 2, 5)))
    today = date(2025, 6, 2)
    assert [e.client_id for e in retention.due_erasures(cm_ws, today)] == [dormant.id, later.id]
    retention.erase_all_due(cm_ws, today=today)
    closed = records.load(cm_ws, Case, case.id)
    assert (closed.closed_on, closed.closure_reason) == (today, None)
    for client in (dormant, later):
        assert records.load(cm_ws, Client, client.id).given_name is None
    assert retention.due_erasures(cm_ws, date(2040, 1, 1)) == []
