"""Property-based bad input: whatever a user types — lengths, emoji, right-to-left text, NUL
bytes, impossible dates — validation answers in German or accepts, and never crashes."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kimdesk.domain.catalog import load_profile
from kimdesk.domain.entities import Client, Consultation, StructuralNeed
from kimdesk.domain.errors import ValidationError
from kimdesk.domain.validation import (
    validate_client,
    validate_consultation,
    validate_structural_need,
)

CATALOG = load_profile()
TODAY = date(2026, 11, 24)
TEXT = st.one_of(
    st.text(max_size=5000),
    st.text(alphabet=st.sampled_from("אבגدهوزحطيك‏‎ 😀🏳️‍🌈\x00\u202e"), max_size=300),
    st.just("\x00" * 10),
    st.just("a" * 10_000),
)
CODES = st.one_of(st.sampled_from(CATALOG.codes("topic")), st.text(max_size=40))
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def _answers_in_german(check, record) -> None:
    try:
        check(record, CATALOG, TODAY)
    except ValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            message = problem.message
            assert (message[:1].isupper() or message[:1] == "„") and message.endswith((".", ")"))
            # A sentence about the input, never the input itself (it may be 10,000 characters).
            assert len(message) < 300 and "\x00" not in message, message
            # No exception's words outside the quoted input (a topic may be called "Error").
            bare = re.sub(r"„[^“]*“", "", message)
            assert not any(word in bare for word in ("Error", "Traceback")), message


@settings(max_examples=150, deadline=None)
@given(
    notes=TEXT,
    topics=st.lists(CODES, max_size=5),
    day=DAYS,
    minutes=st.one_of(st.none(), st.integers(-(10**6), 10**6)),
    language=st.one_of(st.none(), st.text(max_size=5)),
    municipality=st.text(max_size=12),
)
def test_a_consultation_form_never_crashes(notes, topics, day, minutes, language, municipality):  # fmt: skip
    record = Consultation(occurred_on=day, municipality=municipality, kind="einmalig",
                          topics=tuple(topics), duration_min=minutes, language=language,
                          notes=notes)  # fmt: skip
    _answers_in_german(validate_consultation, record)


@settings(max_examples=150, deadline=None)
@given(
    name=TEXT,
    phone=TEXT,
    nationality=st.text(max_size=8),
    birth=st.one_of(st.none(), DAYS),
    notes=TEXT,
)
def test_a_client_form_never_crashes(name, phone, nationality, birth, notes):
    record = Client(given_name=name, family_name=name[::-1], phone=phone,
                    nationality=nationality or "unknown", birth_date=birth, notes=notes)  # fmt: skip
    _answers_in_german(validate_client, record)


@settings(max_examples=100, deadline=None)
@given(challenge=TEXT, affected=st.integers(-(10**9), 10**9), day=DAYS)
def test_a_need_form_never_crashes(challenge, affected, day):
    record = StructuralNeed(reported_on=day, municipality="05382068", topic="wohnen",
                            challenge=challenge, affected_cases=affected)  # fmt: skip
    _answers_in_german(validate_structural_need, record)


@settings(max_examples=100, deadline=None)
@given(text=TEXT, day=DAYS, other=st.one_of(st.none(), DAYS), code=st.text(max_size=20),
       count=st.one_of(st.none(), st.integers(-10**9, 10**9)))  # fmt: skip
def test_case_goal_offer_and_session_forms_never_crash(text, day, other, code, count):
    from kimdesk.domain.entities import Case, Goal, GroupOffer, GroupSession
    from kimdesk.domain.validation import (
        validate_case,
        validate_goal,
        validate_group_offer,
        validate_group_session,
    )

    _answers_in_german(validate_case, Case(client_id=None, municipality=code, program="kim",
                                           opened_on=day, closed_on=other, notes=text,
                                           closure_reason=code or None))  # fmt: skip
    _answers_in_german(validate_goal, Goal(case_id="x", topic=code, text=text, due_on=other))
    _answers_in_german(validate_group_offer, GroupOffer(program="muki", format=code, title=text,
                                                        municipality="05382068",
                                                        planned_sessions=count))  # fmt: skip
    _answers_in_german(validate_group_session, GroupSession(offer_id="x", held_on=day,
                                                            duration_min=count,
                                                            participants=count or 0))  # fmt: skip
