"""The list services of Gruppenangebote and Bedarfsmeldungen, and the personal-data check."""

from __future__ import annotations

from datetime import date

from kimdesk.domain.entities import GroupOffer, GroupSession, StructuralNeed
from kimdesk.services import groups, needs, records

from .sync_helpers import rows

TROISDORF, COUNTY = "05382068", "05382000"


def an_offer(ws, **over) -> GroupOffer:
    values = dict(program="muki", format="het", title="HET Troisdorf", municipality=TROISDORF,
                  planned_sessions=5)  # fmt: skip
    values.update(over)
    return records.save(ws, GroupOffer(**values)).record


def a_session(ws, offer, day: int, participants: int, status="held") -> GroupSession:
    session = GroupSession(offer_id=offer.id, held_on=date(2026, 9, day), duration_min=120,
                           participants=participants, status=status)  # fmt: skip
    return records.save(ws, session).record


def test_offer_totals_count_live_held_sessions_only(cm_ws):
    het = an_offer(cm_ws)
    cafe = an_offer(cm_ws, format="sprachcafe", title="Sprachcafe", planned_sessions=None)
    a_session(cm_ws, het, 15, 6)
    a_session(cm_ws, het, 1, 8)
    a_session(cm_ws, het, 8, 4, status="cancelled")  # counted as cancelled, not its people
    gone = a_session(cm_ws, het, 22, 50)
    records.delete(cm_ws, GroupSession, gone.id)
    a_session(cm_ws, cafe, 3, 11)

    lines = groups.offer_lines(cm_ws)
    assert [line.offer.title for line in lines] == ["Sprachcafe", "HET Troisdorf"]  # newest first
    totals = {line.offer.id: (line.held, line.cancelled, line.participants) for line in lines}
    assert totals == {het.id: (2, 1, 14), cafe.id: (1, 0, 11)}
    assert lines[1].offer == het
    sessions = groups.sessions_of(cm_ws, het.id)
    assert [(s.held_on.day, s.participants) for s in sessions] == [(1, 8), (8, 4), (15, 6)]


def test_an_offer_without_sessions_and_a_deleted_offer(cm_ws):
    empty = an_offer(cm_ws, title="Noch ohne Termine")
    old = an_offer(cm_ws, title="Abgesagt")
    session = a_session(cm_ws, old, 1, 9)

    changes = groups.delete_offer(cm_ws, old.id).changes
    assert changes.touches("group_offer") and changes.touches("group_session")
    [line] = groups.offer_lines(cm_ws)
    assert (line.offer.id, line.held, line.cancelled, line.participants) == (empty.id, 0, 0, 0)
    assert groups.sessions_of(cm_ws, old.id) == []
    # Tombstones, so that the deletion travels to the office with the next bundle.
    assert rows(cm_ws, "group_session")[session.id]["deleted"]
    assert rows(cm_ws, "group_offer")[old.id]["deleted"]


def test_a_format_prescribes_sessions_only_if_its_catalog_entry_says_so(cm_ws):
    assert groups.format_defaults(cm_ws.catalog, "het") == (5, 120)
    assert groups.format_defaults(cm_ws.catalog, "sprachcafe") is None
    assert groups.format_defaults(cm_ws.catalog, None) is None


def test_needs_latest_first_without_tombstones(cm_ws):
    def need(day: int, text: str) -> StructuralNeed:
        return records.save(cm_ws, StructuralNeed(reported_on=date(2026, 3, day), municipality=COUNTY,
                                                  topic="wohnen", challenge=text)).record  # fmt: skip

    need(2, "Wohnraum")
    need(20, "Kita-Plaetze")
    gone = need(10, "doppelt")
    records.delete(cm_ws, StructuralNeed, gone.id)
    assert [n.challenge for n in needs.need_list(cm_ws)] == ["Kita-Plaetze", "Wohnraum"]


def test_the_county_comes_first_among_the_municipalities(cm_ws):
    choices = needs.municipality_choices(cm_ws.catalog)
    assert choices[0] == (COUNTY, "Kreisweit (Rhein-Sieg-Kreis)")
    assert (TROISDORF, "Troisdorf") in choices and len(choices) == 20


def test_what_looks_like_personal_data():
    today = date(2026, 11, 24)

    def kinds(text):
        return [(h.kind, h.found) for h in needs.personal_data_hints(text, today)]

    assert kinds("Frau Nasser, mariam@example.org, 0171 2345678, Hauptstr. 5") == [
        ("email", "mariam@example.org"), ("phone", "0171 2345678"), ("name", "Frau Nasser"),
        ("address", "Hauptstr. 5")]  # fmt: skip
    assert kinds("Familie Yilmaz, geb. 01.02.1980") == [
        ("birth_date", "01.02.1980"), ("name", "Familie Yilmaz")]  # fmt: skip
    assert kinds("kam am 3.4.85 nach Deutschland") == [("birth_date", "3.4.85")]
    assert kinds("wohnt in der Bahnhofstraße 12") == [("address", "Bahnhofstraße 12")]
    # What a structural need usually says is not flagged: recent dates, counts, authorities.
    assert kinds("Seit dem 01.03.2024 warten 40 Familien 6 Monate auf einen Termin der ABH.") == []
    assert kinds("") == [] and kinds(None) == []
