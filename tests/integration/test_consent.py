"""Consent (issue 19): scope, the age rule (§ 36 SGB I), withdrawal, referrals outside the
scope in the Wiedervorlage, and the store of schema 12 whose case consent dates become the
client's consents. Real stores, the services the screens call."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kimdesk.domain import consent
from kimdesk.domain.consent import Consent
from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.domain.errors import KimdeskError, ValidationError
from kimdesk.services import consents, due, records
from kimdesk.services.workspace import open_workspace

from .sync_helpers import a_case, a_client, consultation

TODAY = date(2026, 12, 2)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stores"


def written(day=date(2026, 10, 1), **over) -> Consent:
    values = dict(given_on=day, form="schriftlich", targets=("jc_afa", "gesundheit"),
                  data=("personalien", "kontakt"))  # fmt: skip
    values.update(over)
    return Consent(**values)


def saved_client(ws, *given: Consent, born: date | None = date(1990, 5, 5)) -> Client:
    client = replace(a_client(), birth_date=born, given_name="Vorname", family_name="Name",
                     consents=consent.dump(list(given)))  # fmt: skip
    return records.save(ws, client, today=TODAY).record


def visit(client: Client, *targets: str, day=date(2026, 11, 2), **over) -> Consultation:
    return consultation(client_id=client.id, occurred_on=day,
                        referrals=tuple(Referral(t) for t in targets), **over)  # fmt: skip


def test_a_referral_inside_the_scope_is_not_asked_about_one_outside_is(cm_ws):
    client = saved_client(cm_ws, written(valid_until=date(2026, 12, 31)))
    inside = consents.outside_scope(cm_ws, visit(client, "jc_afa", "gesundheit"))
    assert inside.outside == () and inside.has_consent
    outside = consents.outside_scope(cm_ws, visit(client, "jc_afa", "abh_ebh"))
    assert outside.outside == ("abh_ebh",)
    # before the consent was given and after it expired, nothing is covered
    early = consents.outside_scope(cm_ws, visit(client, "jc_afa", day=date(2026, 9, 30)))
    assert early.outside == ("jc_afa",) and not early.has_consent
    late = consents.outside_scope(cm_ws, visit(client, "jc_afa", day=date(2027, 1, 1)))
    assert late.outside == ("jc_afa",)
    # a referral already saved is not asked about again when the consultation is edited
    kept = records.save(cm_ws, visit(client, "abh_ebh"), today=TODAY).record
    again = replace(kept, referrals=(*kept.referrals, Referral("jc_afa")))
    assert consents.outside_scope(cm_ws, again).outside == ()
    # a consultation of a case asks about the case's client
    case = records.save(cm_ws, a_case(client_id=client.id, opened_on=date(2026, 10, 1)),
                        today=TODAY).record  # fmt: skip
    by_case = consultation(kind="cm", case_id=case.id, occurred_on=date(2026, 11, 3),
                           referrals=(Referral("kita_schule"),))  # fmt: skip
    assert consents.outside_scope(cm_ws, by_case).outside == ("kita_schule",)


@pytest.mark.parametrize(
    ("born", "given_by", "guardian", "fine"),
    [
        (date(2012, 1, 1), "klient", None, False),  # 14 on the day: the guardian consents
        (date(2012, 1, 1), "sorgeberechtigt", None, False),  # ... and is named
        (date(2012, 1, 1), "sorgeberechtigt", "Mutter Name", True),
        (date(2011, 10, 1), "klient", None, True),  # 15 on the very day: own consent
        (date(2011, 10, 1), "sorgeberechtigt", "Mutter Name", False),
        (None, "klient", None, True),  # no birth date: the form cannot tell
    ],
)
def test_from_fifteen_the_clients_own_consent_counts(cm_ws, born, given_by, guardian, fine):
    given = written(given_by=given_by, guardian=guardian)
    if fine:
        client = saved_client(cm_ws, given, born=born)
        stored = consent.parse(records.load(cm_ws, Client, client.id).consents)
        assert stored == consent.parse(consent.dump([given])) and stored[0].given_by == given_by
    else:
        with pytest.raises(ValidationError, match="§ 36 SGB I|Sorgeberechtigten fehlt"):
            saved_client(cm_ws, given, born=born)


@pytest.mark.parametrize(
    ("over", "message"),
    [
        (dict(form="muendlich"), "Vermerk"),
        (dict(form="fax"), "Form"),
        (dict(targets=()), "kein Verweisziel"),
        (dict(targets=("nirgendwo",)), "kein Verweisziel des Katalogs"),
        (dict(data=()), "welche Daten"),
        (dict(valid_until=date(2026, 9, 1)), "gültig bis"),
        (dict(withdrawn_on=date(2026, 12, 24)), "Widerruf"),
        (dict(given_on=date(2026, 12, 3)), "Zukunft"),
    ],
)
def test_a_consent_that_is_not_complete_is_refused_with_a_reason(cm_ws, over, message):
    with pytest.raises(ValidationError, match=message) as refused:
        saved_client(cm_ws, written(**over))
    assert "Vorname" not in str(refused.value) and "01.10.2026" not in str(refused.value)


def test_a_withdrawn_consent_stops_new_referrals(cm_ws):
    client = saved_client(cm_ws, written())
    before = records.save(cm_ws, visit(client, "jc_afa"), today=TODAY).record
    withdrawn = replace(records.load(cm_ws, Client, client.id),
                        consents=consent.dump(consent.withdraw(consent.parse(client.consents), 0,
                                                               date(2026, 11, 10))))  # fmt: skip
    records.save(cm_ws, withdrawn, today=TODAY)
    with pytest.raises(KimdeskError, match="widerrufen") as refused:
        records.save(cm_ws, visit(client, "jc_afa", day=date(2026, 11, 20)), today=TODAY)
    assert "Vorname" not in str(refused.value) and "10.11.2026" not in str(refused.value)
    # a consultation without referrals is still recorded; the earlier one keeps its referral
    records.save(cm_ws, visit(client, day=date(2026, 11, 20)), today=TODAY)
    records.save(cm_ws, replace(before, duration_min=45), today=TODAY)
    # a consultation from before the withdrawal may still get its referral
    records.save(cm_ws, visit(client, "gesundheit", day=date(2026, 11, 5)), today=TODAY)
    # a new consent lets referrals happen again
    renewed = replace(records.load(cm_ws, Client, client.id), consents=consent.dump(
        (*consent.parse(withdrawn.consents), written(day=date(2026, 11, 25)))))  # fmt: skip
    records.save(cm_ws, renewed, today=TODAY)
    records.save(cm_ws, visit(client, "jc_afa", day=date(2026, 11, 26)), today=TODAY)


def test_referrals_outside_consent_stay_due_until_consent_or_outcome(cm_ws):
    client = saved_client(cm_ws, written(targets=("jc_afa",)))
    case = records.save(cm_ws, a_case(client_id=client.id, opened_on=date(2026, 10, 1)),
                        today=TODAY).record  # fmt: skip
    inside = records.save(cm_ws, consultation(kind="cm", case_id=case.id, occurred_on=date(
        2026, 11, 30), referrals=(Referral("jc_afa"),)), today=TODAY).record  # fmt: skip
    outside = records.save(
        cm_ws,
        consultation(
            kind="cm",
            case_id=case.id,
            occurred_on=date(2026, 11, 30),
            referrals=(Referral("abh_ebh"), Referral("jc_afa")),
        ),
        today=TODAY,
    ).record
    found = [i for i in due.due(cm_ws, today=TODAY).items if i.kind == "consent"]
    assert [(i.case_id, i.client_id, i.due_on) for i in found] == [
        (case.id, client.id, date(2026, 11, 30))
    ]
    label = cm_ws.catalog.label("referral_target", "abh_ebh")
    assert found[0].reason.startswith(f"Verweis an „{label}“ am 30.11.2026 ohne Einwilligung")
    assert "Vorname" not in found[0].reason and inside.id
    # the outcome entered: no longer due
    records.save(cm_ws, replace(outside, referrals=(Referral("abh_ebh", outcome="taken_up"),
                                                    Referral("jc_afa"))), today=TODAY)  # fmt: skip
    assert not [i for i in due.due(cm_ws, today=TODAY).items if i.kind == "consent"]
    # another open referral outside, then a consent that covers it: no longer due
    records.save(cm_ws, visit(client, "kita_schule", day=date(2026, 12, 1)), today=TODAY)
    assert [i.kind for i in due.due(cm_ws, today=TODAY).items].count("consent") == 1
    later = replace(
        records.load(cm_ws, Client, client.id),
        consents=consent.dump(
            (*consent.parse(client.consents), written(day=TODAY, targets=("kita_schule",)))
        ),
    )
    records.save(cm_ws, later, today=TODAY)
    assert not [i for i in due.due(cm_ws, today=TODAY).items if i.kind == "consent"]


def test_the_flag_follows_the_consents_on_the_day(cm_ws):
    from kimdesk.sync.export import consent_flag

    history = consent.dump([written(valid_until=date(2026, 12, 31)),
                            written(day=date(2027, 3, 1), form="elektronisch")])  # fmt: skip
    assert consent_flag(history, date(2026, 9, 30)) is False
    assert consent_flag(history, date(2026, 12, 31)) is True
    assert consent_flag(history, date(2027, 2, 1)) is False
    assert consent_flag(history, date(2027, 3, 1)) is True
    assert consent_flag(None, TODAY) is False


def test_a_store_of_schema_12_keeps_its_case_consent_date_as_the_clients_consent(tmp_path):
    store = tmp_path / "cm.kdb"
    shutil.copyfile(FIXTURES / "store_v12.kdb", store)
    with open_workspace(store, "fixture passphrase v1") as ws:
        case = records.load(ws, Case, "01900000-0000-7000-8000-000000000020")
        client = records.load(ws, Client, case.client_id)
        assert case.consent_on is None and case.follow_up_on == date(2026, 9, 1)
        [kept] = consent.parse(client.consents)
        assert (kept.given_on, kept.form, kept.targets) == (date(2023, 5, 2), "nicht_erfasst", ())
        assert client.version == 1  # nothing of it travels: no new version
        # the client can still be saved: a consent without recorded form passes
        records.save(ws, replace(client, phone="0123"), today=TODAY)
