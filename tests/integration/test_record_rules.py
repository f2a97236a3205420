"""Rules a record cannot check alone, found by a new user (issue 16): a consultation before
its case opened, a held session without people or twice on one day; the search finds what
its placeholder promises."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kimdesk.domain.entities import Case, Client, Consultation, GroupOffer, GroupSession
from kimdesk.domain.errors import ValidationError
from kimdesk.services import cases, records
from kimdesk.services.consultations import ConsultationFilter, consultation_ids

TROISDORF = "05382068"


def a_case(ws, opened=date(2026, 3, 2), **client):
    return cases.save_case(ws, Client(**client) if client else None,
                           Case(client_id=None, municipality=TROISDORF, program="kim",
                                opened_on=opened)).case  # fmt: skip


def test_a_consultation_before_its_case_opened_is_refused_with_the_date(cm_ws):
    case = a_case(cm_ws)
    early = Consultation(occurred_on=date(2026, 3, 1), municipality=TROISDORF, kind="cm",
                         topics=("wohnen",), case_id=case.id)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        records.save(cm_ws, early)
    [problem] = refused.value.problems
    assert problem.field == "occurred_on" and "02.03.2026" in problem.message
    assert records.save(cm_ws, replace(early, occurred_on=date(2026, 3, 2))).step is not None


def test_a_held_session_needs_people_and_its_own_day(cm_ws):
    offer = records.save(cm_ws, GroupOffer(program="muki", format="het", title="HET",
                                           municipality=TROISDORF)).record  # fmt: skip
    day = date(2026, 9, 1)
    with pytest.raises(ValidationError, match="mindestens eine teilnehmende Person"):
        records.save(cm_ws, GroupSession(offer_id=offer.id, held_on=day, participants=0))
    cancelled = GroupSession(offer_id=offer.id, held_on=day, participants=0, status="cancelled")
    records.save(cm_ws, cancelled)  # a cancelled session has nobody
    held = records.save(cm_ws, GroupSession(offer_id=offer.id, held_on=day, participants=6))
    with pytest.raises(ValidationError, match="schon einen Termin"):
        records.save(cm_ws, GroupSession(offer_id=offer.id, held_on=day, participants=4))
    records.save(cm_ws, replace(held.record, participants=7))  # the same session, changed
    other = records.save(cm_ws, GroupOffer(program="muki", format="het", title="HET 2",
                                           municipality=TROISDORF)).record  # fmt: skip
    records.save(cm_ws, GroupSession(offer_id=other.id, held_on=day, participants=5))


def test_the_search_finds_a_file_number(cm_ws):
    case = a_case(cm_ws, family_name="Haidari", file_numbers="ABH 12-3456")
    saved = records.save(cm_ws, Consultation(occurred_on=date(2026, 3, 3), municipality=TROISDORF,
                                             kind="cm", topics=("wohnen",), case_id=case.id,
                                             client_id=case.client_id))  # fmt: skip
    assert consultation_ids(cm_ws, ConsultationFilter(text="12-3456")) == [saved.record.id]


def test_a_case_cannot_be_opened_after_its_first_consultation(cm_ws):
    case = a_case(cm_ws, family_name="Canary")
    records.save(cm_ws, Consultation(occurred_on=date(2026, 3, 4), municipality=TROISDORF,
                                     kind="cm", topics=("wohnen",), case_id=case.id))  # fmt: skip
    file = cases.case_file(cm_ws, case.id)
    with pytest.raises(ValidationError, match="Beratung vom 04.03.2026"):
        cases.save_case(cm_ws, file.client, replace(file.case, opened_on=date(2026, 3, 5)))
    with pytest.raises(ValidationError, match="Beratung vom 04.03.2026"):
        records.save(cm_ws, replace(file.case, opened_on=date(2026, 3, 5)))
    cases.save_case(cm_ws, file.client, replace(file.case, opened_on=date(2026, 3, 4)))
