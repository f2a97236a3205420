"""The consultation list's queries: filters, sort orders, first page, cancellation."""

from __future__ import annotations

from datetime import date, timedelta

from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.services import records
from kimdesk.services.consultations import (
    ConsultationFilter,
    case_choices,
    consultation_ids,
    consultation_lines,
    first_page,
)
from kimdesk.store.records import insert_records

TROISDORF, SIEGBURG = "05382068", "05382060"


def fill(ws, n: int) -> list[Consultation]:
    day = date(2025, 1, 1)
    items = [
        Consultation(occurred_on=day + timedelta(days=i % 300), municipality=TROISDORF,
                     kind="einmalig", topics=("wohnen",) if i % 2 else ("deutsch", "wohnen"),
                     duration_min=10 + i % 50)
        for i in range(n)
    ]  # fmt: skip
    with ws.store.begin() as conn:
        insert_records(conn, items, origin=ws.installation.id)
    return items


def test_text_finds_the_client_of_a_cm_consultation_through_its_case(cm_ws):
    client = records.save(cm_ws, Client(given_name="Olena", family_name="Kovalenko")).record
    case = records.save(
        cm_ws, Case(client_id=client.id, municipality=SIEGBURG, program="kim",
                    opened_on=date(2025, 2, 1), legacy_ref="F-17")
    ).record  # fmt: skip
    cm = records.save(
        cm_ws, Consultation(occurred_on=date(2025, 3, 1), municipality=SIEGBURG, kind="cm",
                            case_id=case.id, topics=("arbeit",),
                            referrals=(Referral("jc_afa", accompanied=True),))
    ).record  # fmt: skip
    noted = records.save(
        cm_ws, Consultation(occurred_on=date(2025, 3, 2), municipality=TROISDORF,
                            kind="einmalig", topics=("wohnen",), notes="Frage zur Kaution")
    ).record  # fmt: skip
    assert consultation_ids(cm_ws, ConsultationFilter(text="kovalenko")) == [cm.id]
    assert consultation_ids(cm_ws, ConsultationFilter(text="f-17")) == [cm.id]
    assert consultation_ids(cm_ws, ConsultationFilter(text="kaution")) == [noted.id]
    assert consultation_ids(cm_ws, ConsultationFilter(text="%")) == []  # no wildcard
    [line] = consultation_lines(cm_ws, [cm.id])
    assert line.who == "Kovalenko, Olena" and line.referrals == ("jc_afa",)
    assert consultation_ids(cm_ws, ConsultationFilter(topic="arbeit")) == [cm.id]
    assert consultation_ids(cm_ws, ConsultationFilter(kind="cm")) == [cm.id]
    assert consultation_ids(cm_ws, ConsultationFilter(municipality=TROISDORF)) == [noted.id]
    assert consultation_ids(cm_ws, ConsultationFilter(date_from=date(2025, 3, 2))) == [noted.id]
    assert consultation_ids(cm_ws, ConsultationFilter(date_to=date(2025, 3, 1))) == [cm.id]
    records.delete(cm_ws, Consultation, noted.id)
    assert consultation_ids(cm_ws, ConsultationFilter()) == [cm.id]
    # The picker offers the open case under the client's name.
    [choice] = case_choices(cm_ws)
    assert choice.case_id == case.id and choice.label.startswith("Kovalenko, Olena [F-17]")


def test_sort_orders_and_the_first_page(cm_ws):
    items = fill(cm_ws, 450)
    newest_first = consultation_ids(cm_ws, ConsultationFilter())
    days = [c.occurred_on for c in sorted(items, key=lambda c: (c.occurred_on, c.id), reverse=True)]
    by_id = {c.id: c for c in items}
    assert [by_id[i].occurred_on for i in newest_first] == days
    shortest = consultation_ids(cm_ws, ConsultationFilter(), sort="duration", descending=False)
    assert [by_id[i].duration_min for i in shortest] == sorted(c.duration_min for c in items)
    total, lines = first_page(cm_ws, ConsultationFilter(topic="deutsch"), limit=100)
    assert total == 225 and len(lines) == 100
    assert [line.id for line in lines] == consultation_ids(
        cm_ws, ConsultationFilter(topic="deutsch")
    )[:100]
    assert first_page(cm_ws, ConsultationFilter(text="nothing like this")) == (0, [])


def test_an_outdated_id_query_is_interrupted(cm_ws):
    fill(cm_ws, 3000)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    assert consultation_ids(cm_ws, ConsultationFilter(), cancelled=cancelled) is None
    assert asked
    # The connection is fine afterwards.
    assert len(consultation_ids(cm_ws, ConsultationFilter(), cancelled=lambda: False)) == 3000
