"""A small dataset whose every figure is computed by hand in the statistics tests."""

from __future__ import annotations

from datetime import date

from kimdesk.domain.entities import (
    Case,
    Consultation,
    GroupOffer,
    GroupSession,
    Referral,
    StructuralNeed,
)
from kimdesk.store.records import delete_record, save_record

OTHER_DEVICE = "01900000-0000-7000-8000-00000000beef"
TROISDORF, SIEGBURG, MUCH, COUNTY = "05382068", "05382060", "05382036", "05382000"


def _c(day, municipality, kind, topics, referrals=(), program="kim", case_id=None):
    return Consultation(
        occurred_on=day,
        municipality=municipality,
        kind=kind,
        program=program,
        topics=topics,
        referrals=tuple(Referral(t) for t in referrals),
        case_id=case_id,
    )


def fill(ws, *, other_device: str = OTHER_DEVICE) -> dict[str, str]:
    """Write the dataset into a store; returns ids of the records the tests refer to.

    One consultation comes from ``other_device`` (S10 counts two installations); a store whose
    records go into a bundle passes its own id: a device may only send its own records."""
    me = ws.installation.id
    k1 = Case(client_id=None, municipality=SIEGBURG, program="kim",
              opened_on=date(2022, 11, 1), phase="implementation")  # fmt: skip
    k2 = Case(client_id=None, municipality=TROISDORF, program="kim", opened_on=date(2023, 2, 1),
              phase="closed", closed_on=date(2023, 10, 1), closure_reason="ziele_erreicht")  # fmt: skip
    k3 = Case(client_id=None, municipality=MUCH, program="kim",
              opened_on=date(2023, 5, 5), phase="planning")  # fmt: skip
    k4 = Case(client_id=None, municipality=MUCH, program="kim", opened_on=date(2023, 5, 6))
    c1 = _c(date(2022, 3, 10), TROISDORF, "einmalig", ("wohnen", "deutsch"), ("jc_afa",))
    c2 = _c(date(2022, 11, 2), SIEGBURG, "cm", ("wohnen",), ("wohlfahrt", "aemter"), case_id=k1.id)
    c3 = _c(date(2023, 1, 15), TROISDORF, "cm", ("aufenthalt", "gesundheit", "wohnen"),
            case_id=k1.id)  # fmt: skip
    c4 = _c(date(2023, 1, 20), SIEGBURG, "einmalig", ("kinderbetreuung",), ("kita_schule",),
            program="muki")  # fmt: skip
    c5 = _c(date(2023, 6, 30), TROISDORF, "einmalig", ("deutsch",), ("wohlfahrt",))
    c6 = _c(date(2023, 12, 31), MUCH, "einmalig", ("gesundheit", "deutsch"), ("wohlfahrt",))
    o1 = GroupOffer(program="muki", format="het", title="HET Siegburg", municipality=SIEGBURG,
                    planned_sessions=5)  # fmt: skip
    o2 = GroupOffer(program="kim", format="sprachcafe", title="Sprachcafé",
                    municipality=TROISDORF)  # fmt: skip
    sessions = [
        GroupSession(offer_id=o1.id, held_on=date(2023, 1, 10), participants=8),
        GroupSession(offer_id=o1.id, held_on=date(2023, 1, 17), status="cancelled"),
        GroupSession(offer_id=o1.id, held_on=date(2023, 2, 7), participants=6),
        GroupSession(offer_id=o2.id, held_on=date(2023, 2, 14), participants=12),
    ]
    gone_session = GroupSession(offer_id=o2.id, held_on=date(2023, 3, 1), participants=5)
    n1 = StructuralNeed(reported_on=date(2023, 3, 1), municipality=TROISDORF, topic="wohnen",
                        challenge="Kaum bezahlbarer Wohnraum", affected_cases=12)  # fmt: skip
    n2 = StructuralNeed(reported_on=date(2023, 4, 1), municipality=COUNTY, topic="deutsch",
                        challenge="Wartelisten für Integrationskurse", affected_cases=30,
                        status="in_progress", solution="Zusätzlicher Kurs ab Herbst",
                        responsible_body="VHS")  # fmt: skip
    with ws.store.begin() as conn:
        for record in (k1, k2, k3, k4, c1, c2, c3, c4, c5, o1, o2, *sessions, gone_session, n1, n2):
            save_record(conn, record, origin=me)
        save_record(conn, c6, origin=other_device)
        delete_record(conn, Consultation, c5.id, origin=me)
        delete_record(conn, Case, k4.id, origin=me)
        delete_record(conn, GroupSession, gone_session.id, origin=me)
    return {"c1": c1.id, "k1": k1.id}
