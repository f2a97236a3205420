"""The consultation list's queries: filters, sort orders, first page, cancellation."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import event

from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.services import records
from kimdesk.services.consultations import (
    ConsultationFilter,
    case_choices,
    consultation_ids,
    consultation_lines,
    first_page,
    read_ahead,
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
    fill(cm_ws, 8000)  # enough for SQLite to ask the handler during each read
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    assert consultation_ids(cm_ws, ConsultationFilter(), cancelled=cancelled) is None
    assert asked
    assert read_ahead(cm_ws, cancelled=cancelled) is False  # the user typed meanwhile
    assert read_ahead(cm_ws, cancelled=lambda: False) is True
    # The connection is fine afterwards.
    assert len(consultation_ids(cm_ws, ConsultationFilter(), cancelled=lambda: False)) == 8000


def plans(ws, run) -> list[str]:
    """The query plans of the statements ``run()`` sends to the store."""
    sent = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(ws.store.engine, "before_cursor_execute", remember)
    try:
        run()
    finally:
        event.remove(ws.store.engine, "before_cursor_execute", remember)
    with ws.store.connect() as conn:
        raw = conn.connection.dbapi_connection
        return [
            " / ".join(row[-1] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params))
            for sql, params in sent
        ]


def test_the_list_never_reads_consultations_through_the_statistics_index(cm_ws):
    """Schema 6 and the list's queries: without statistics SQLite took the cube index (it
    leads with ``deleted``) for every list query and read the whole table in month order
    from all over the file, five times slower at 100,000 consultations (bench/gui.py)."""
    fill(cm_ws, 300)
    filters = [
        ConsultationFilter(),
        ConsultationFilter(text="k"),
        ConsultationFilter(topic="deutsch"),
        ConsultationFilter(text="k", topic="wohnen", municipality=TROISDORF),
    ]
    for flt in filters:
        for plan in plans(cm_ws, lambda flt=flt: first_page(cm_ws, flt)) + plans(
            cm_ws, lambda flt=flt: consultation_ids(cm_ws, flt)
        ):
            # Counting along it alone (a covering index) is fine; reading rows through it is not.
            assert "USING INDEX ix_consultation_cube" not in plan, (flt, plan)
    topic_plans = plans(cm_ws, lambda: first_page(cm_ws, ConsultationFilter(topic="deutsch")))
    assert any("ix_consultation_topic_topic (topic=?)" in plan for plan in topic_plans)
    [unfiltered, *_] = plans(cm_ws, lambda: first_page(cm_ws, ConsultationFilter()))
    assert "SCAN consultation USING INDEX ix_consultation_occurred_on" in unfiltered
    [scan] = plans(cm_ws, lambda: read_ahead(cm_ws))
    assert scan == "SCAN consultation"  # the table itself, in its own order
