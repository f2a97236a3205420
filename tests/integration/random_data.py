"""A random but plausible dataset of every kind of record the statistics count.

Small sizes make many counts of 1 to 4, which is what the suppression audit needs; large
ones give charts and workbooks something to show. Written through ``save_record`` like the
app writes, so every statistic sees real rows of a real store.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

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
from kimdesk.domain.enums import AgeGroup, Gender, GoalStatus
from kimdesk.store.records import save_record

START = date(2023, 1, 1)
NATIONALITIES = ["SY", "AF", "UA", "TR", "IQ", "ER", "IR", "SO", "GN", "NG", "AL", "XK", "RU",
                 "XX", "unknown"]  # fmt: skip


def fill_random(ws, rng: random.Random, *, consultations: int, days: int = 730,
                municipalities: int = 3) -> None:  # fmt: skip
    """``consultations`` consultations (a third in cases) over ``days`` days from 2023, with
    clients, cases, goals, group offers, sessions and structural needs to match."""
    cat = ws.catalog
    places = cat.codes("municipality")[1 : 1 + municipalities]  # not the county itself

    def pick(name: str, none: float = 0.0):
        return None if rng.random() < none else rng.choice(cat.codes(name))

    def day(start: date = START, span: int = days) -> date:
        return start + timedelta(days=rng.randrange(max(span, 1)))

    records = []
    clients = []
    for _ in range(max(1, consultations // 4)):
        client = Client(
            gender=rng.choice(list(Gender)),
            nationality=rng.choice(NATIONALITIES),
            residence_group=pick("residence_group"),
            arrival_band=pick("arrival_band"),
            age_group=rng.choice(list(AgeGroup)) if rng.random() < 0.5 else None,
            birth_date=date(rng.randrange(1950, 2015), 1 + rng.randrange(12), 1)
            if rng.random() < 0.4
            else None,
        )
        clients.append(client)
    records += clients
    cases = []
    for client in rng.sample(clients, k=max(1, len(clients) // 2)):
        opened = day()
        closed = opened + timedelta(days=rng.randrange(1, 400)) if rng.random() < 0.5 else None
        case = Case(
            client_id=client.id,
            municipality=rng.choice(places),
            program=rng.choice(["kim", "kim", "muki"]),
            opened_on=opened,
            access_route=pick("access_route", none=0.2),
            phase="closed" if closed else rng.choice(["intake", "planning", "implementation"]),
            closed_on=closed,
            closure_reason=pick("closure_reason") if closed else None,
        )
        cases.append(case)
        for _ in range(rng.randrange(0, 3)):
            records.append(Goal(case_id=case.id, topic=pick("topic"),
                                status=rng.choice(list(GoalStatus))))  # fmt: skip
    records = records[: len(clients)] + cases + records[len(clients) :]
    for _ in range(consultations):
        case = rng.choice(cases) if cases and rng.random() < 0.35 else None
        client = None
        if case is None and rng.random() < 0.3:
            client = rng.choice(clients).id
        elif case is not None and rng.random() < 0.7:
            client = case.client_id
        records.append(
            Consultation(
                occurred_on=day(),
                municipality=case.municipality if case else rng.choice(places),
                kind="cm" if case else "einmalig",
                program=case.program if case else rng.choice(["kim", "kim", "muki"]),
                topics=tuple(rng.sample(cat.codes("topic"), k=rng.randrange(1, 3))),
                referrals=tuple(
                    Referral(t)
                    for t in rng.sample(cat.codes("referral_target"), k=rng.randrange(0, 2))
                ),  # fmt: skip
                case_id=case.id if case else None,
                client_id=client,
                language_mediation=pick("language_mediation", none=0.3),
            )
        )
    for _ in range(max(1, consultations // 12)):
        offer = GroupOffer(program=rng.choice(["kim", "muki"]), format=pick("group_format"),
                           title="Gruppe", municipality=rng.choice(places))  # fmt: skip
        records.append(offer)
        for _ in range(rng.randrange(1, 9)):
            status = "cancelled" if rng.random() < 0.15 else "held"
            records.append(GroupSession(offer_id=offer.id, held_on=day(), status=status,
                                        participants=rng.randrange(1, 12) if status == "held"
                                        else 0))  # fmt: skip
    for _ in range(rng.randrange(0, 4)):
        records.append(StructuralNeed(reported_on=day(), municipality=rng.choice(places),
                                      topic=pick("topic"), challenge="Bedarf",
                                      affected_cases=rng.randrange(0, 20),
                                      status=rng.choice(["reported", "in_progress", "solved"])))  # fmt: skip
    with ws.store.begin() as conn:
        for record in records:
            save_record(conn, record, origin=ws.installation.id)
