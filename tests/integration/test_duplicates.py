"""One person, one record (issue 19) in a real store: likely duplicates offered for a new
client, two clients merged with their cases and consultations following, the office's figures
following with the next bundle; nothing merged without the explicit call."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kimdesk.domain import consent
from kimdesk.domain.entities import Case, Client, Consultation
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import duplicates, privacy, records, sync
from kimdesk.services.cases import save_case
from kimdesk.services.statistics import make_filters, statistics

from .sync_helpers import a_case, a_client, add, consultation, dump, rows

BORN = date(1991, 3, 14)


def person(ws, given_name, family_name, birth_date=BORN, **over) -> Client:
    [client] = add(ws, a_client(given_name=given_name, family_name=family_name,
                                birth_date=birth_date, **over))  # fmt: skip
    return client


def test_a_new_client_is_offered_the_likely_same_persons(cm_ws):
    mohammed = person(cm_ws, "Mohammed", "Al-Haddad")
    add(cm_ws, a_case(client_id=mohammed.id), a_case(client_id=mohammed.id))
    yilmaz = person(cm_ws, "Ayşe", "Yılmaz", None)
    person(cm_ws, "Mohammed", "Al-Haddad", date(1975, 8, 2))  # another man of that name
    person(cm_ws, "Anna", "Becker")
    new = a_client(given_name="Muhammad", family_name="Alhaddad", birth_date=BORN)
    [found] = duplicates.likely_duplicates(cm_ws, new)
    assert (found.client_id, found.name, found.birth_date, found.cases) == (
        mohammed.id, "Al-Haddad, Mohammed", BORN, 2)  # fmt: skip
    assert found.likeness.birth == "same" and "Mohammed" not in found.likeness.reason
    [found] = duplicates.likely_duplicates(cm_ws, a_client(given_name="Ayse", family_name="Yilmaz"))
    assert found.client_id == yilmaz.id and found.likeness.birth == "unknown"
    assert duplicates.likely_duplicates(cm_ws, a_client()) == []  # no name: nothing to compare
    # A stored client is never its own duplicate.
    assert duplicates.likely_duplicates(cm_ws, yilmaz) == []


def test_two_clients_merge_with_their_cases_and_consultations(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    agreed = consent.Consent(date(2026, 1, 5), "schriftlich", targets=("jc_afa",),
                             data=("personalien",))  # fmt: skip
    keep = person(cm_ws, "Mohammed", "Haddad", phone="0171 1", notes="Erstkontakt Rathaus",
                  file_numbers="AZ 1", nationality="unknown")  # fmt: skip
    other = person(cm_ws, "Muhammad", "Haddad", None, email="m@example.org",
                   notes="Sprachkurs angefragt", file_numbers="AZ 2", nationality="SY",
                   consents=consent.dump([agreed]))  # fmt: skip
    [kept_case] = add(cm_ws, a_case(client_id=keep.id))
    [moved_case] = add(cm_ws, a_case(client_id=other.id, opened_on=date(2025, 2, 3)))
    [in_case] = add(cm_ws, consultation(case_id=moved_case.id, client_id=other.id, kind="cm"))
    [one_off] = add(cm_ws, consultation(client_id=other.id, occurred_on=date(2025, 6, 2)))
    add(cm_ws, consultation(case_id=kept_case.id, client_id=keep.id, kind="cm"))
    sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path])
    before = statistics(office, make_filters(office))
    assert before["reached"]["persons"] == 2

    merged = duplicates.merge_clients(cm_ws, keep.id, other.id)
    assert (merged.cases, merged.consultations) == (1, 2)
    joined = records.load(cm_ws, Client, keep.id)
    assert (joined.given_name, joined.birth_date, joined.phone, joined.email) == (
        "Mohammed", BORN, "0171 1", "m@example.org")  # fmt: skip
    assert joined.notes == "Erstkontakt Rathaus\nSprachkurs angefragt"
    assert joined.file_numbers == "AZ 1; AZ 2" and joined.nationality == "SY"
    assert consent.parse(joined.consents) == (agreed,)
    assert records.load(cm_ws, Case, moved_case.id).client_id == keep.id
    assert records.load(cm_ws, Case, kept_case.id).client_id == keep.id
    for moved in (in_case, one_off):
        assert records.load(cm_ws, Consultation, moved.id).client_id == keep.id
    assert records.load(cm_ws, Client, other.id) is None  # a tombstone, emptied
    tombstone = rows(cm_ws, "client")[other.id]
    assert tombstone["deleted"] and tombstone["given_name"] is None and tombstone["notes"] is None
    assert "Sprachkurs" not in repr([r for r in dump(cm_ws)["client"] if r[0] == other.id])
    joins = [a for a in privacy.audit_trail(cm_ws) if a.action == "join"]
    assert sorted(a.record_id for a in joins) == sorted([keep.id, other.id])
    assert {a.detail for a in joins} == {"Doppelung zusammengeführt: 1 Fälle, 2 Beratungen"}

    # The office follows with the next bundle: one client, the same consultations.
    sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path])
    after = statistics(office, make_filters(office))
    assert after["reached"]["persons"] == 1
    assert after["consultations"] == before["consultations"]
    assert after["cases"] == before["cases"]


def test_a_merge_refuses_what_it_cannot_join(cm_ws):
    one = person(cm_ws, "Olena", "Kovalenko")
    with pytest.raises(KimdeskError, match="mit sich selbst"):
        duplicates.merge_clients(cm_ws, one.id, one.id)
    gone = person(cm_ws, "Olena", "Kowalenko")
    records.delete(cm_ws, Client, gone.id)
    with pytest.raises(KimdeskError, match="nicht \\(mehr\\)"):
        duplicates.merge_clients(cm_ws, one.id, gone.id)
    broken = person(cm_ws, "Olena", "Kovalenko", consents="{kaputt")
    with pytest.raises(KimdeskError, match="nicht lesbar") as refused:
        duplicates.merge_clients(cm_ws, one.id, broken.id)
    assert "Olena" not in str(refused.value)
    assert records.load(cm_ws, Client, broken.id).given_name == "Olena"  # nothing changed


NAMES = st.sampled_from(["Mohammed", "Muhammad", "Mohamed", "Ahmad", "Ahmed", "Ayşe", "Ayse",
                         "Olena", "Olga", "Yılmaz", "Yilmaz", "Haddad", "Müller", "Mueller"])  # fmt: skip


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(given_name=NAMES, family=NAMES, born=st.one_of(st.none(), st.just(BORN)))
def test_creating_a_client_never_merges_without_confirmation(cm_ws, given_name, family, born):
    """However alike the new client is to one stored, saving it adds a client and changes no
    other: merging is only ever the case manager's explicit choice."""
    before = {k: v for k, v in rows(cm_ws, "client").items()}
    offered = duplicates.likely_duplicates(
        cm_ws, a_client(given_name=given_name, family_name=family, birth_date=born)
    )
    saved = save_case(cm_ws, a_client(given_name=given_name, family_name=family, birth_date=born),
                      a_case())  # fmt: skip
    after = rows(cm_ws, "client")
    assert set(after) == set(before) | {saved.client.id}
    assert all(after[k] == v for k, v in before.items())
    assert {c.client_id for c in offered} <= set(before)


def test_handed_over_clients_are_neither_offered_nor_merged(cm_ws, cm2_ws, enrolled_office_ws,
                                                            stick):  # fmt: skip
    from kimdesk.services import handovers

    from .test_handover import RECEIVER, round_trip

    add(cm2_ws, consultation())
    round_trip(enrolled_office_ws, [cm_ws, cm2_ws], stick)
    away = person(cm_ws, "Mohammed", "Haddad")
    [case] = add(cm_ws, a_case(client_id=away.id))
    here = person(cm_ws, "Muhammad", "Haddad")
    assert [c.client_id for c in duplicates.likely_duplicates(cm_ws, here)] == [away.id]
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[case.id])
    assert duplicates.likely_duplicates(cm_ws, here) == []
    with pytest.raises(KimdeskError, match="übergeben"):
        duplicates.merge_clients(cm_ws, here.id, away.id)
    assert records.load(cm_ws, Client, here.id) == replace(here)


def test_a_merge_leaves_nothing_of_the_other_person_behind(cm_ws):
    """Deleted cases, their goals, deleted consultations and their recipients of the client
    merged away are emptied: no erasure of either person could reach them afterwards."""
    from kimdesk.domain.entities import Goal, Referral

    from .sync_helpers import remove

    mark = "Qxmergerest"
    keep = person(cm_ws, "Olena", "Kovalenko")
    other = person(cm_ws, "Olena", "Kowalenko", notes="Qxmoved Person")
    [gone_case] = add(cm_ws, a_case(client_id=other.id, notes=f"{mark} Fall"))
    [goal] = add(cm_ws, Goal(case_id=gone_case.id, topic="wohnen", text=f"{mark} Ziel"))
    [gone_visit] = add(cm_ws, consultation(client_id=other.id, notes=f"{mark} Beratung",
                                           referrals=(Referral("jc_afa", recipient=mark),)))  # fmt: skip
    remove(cm_ws, Case, gone_case.id)
    remove(cm_ws, Consultation, gone_visit.id)
    duplicates.merge_clients(cm_ws, keep.id, other.id)
    assert mark not in repr(dump(cm_ws))
    assert records.load(cm_ws, Client, keep.id).notes == "Qxmoved Person"  # joined, not lost
    privacy.erase_client(cm_ws, keep.id)
    assert mark not in repr(dump(cm_ws))


def test_joined_texts_keep_every_entry():
    keep = a_client(file_numbers="AZ 12", notes="Termin am Montag")
    other = a_client(file_numbers="AZ 1; AZ 12", notes="Termin\nTermin am Montag")
    joined = duplicates.joined_client(keep, other)
    assert joined.file_numbers == "AZ 12; AZ 1"
    assert joined.notes == "Termin am Montag\nTermin"
