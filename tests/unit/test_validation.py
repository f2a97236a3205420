"""Domain validation against the catalog (pure: no store, no Qt)."""

from datetime import date

import pytest

from kimdesk.domain.catalog import load_profile
from kimdesk.domain.entities import (
    Case,
    Client,
    Consultation,
    GroupSession,
    Referral,
    StructuralNeed,
)
from kimdesk.domain.errors import ValidationError
from kimdesk.domain.ids import is_uuid, uuid7
from kimdesk.domain.registry import LOCAL_FIELDS
from kimdesk.domain.validation import (
    age_group,
    validate_case,
    validate_client,
    validate_consultation,
    validate_group_session,
    validate_structural_need,
)

TODAY = date(2024, 6, 30)


@pytest.fixture(scope="module")
def catalog():
    return load_profile()


def consultation(**over):
    values = dict(
        occurred_on=date(2024, 6, 3),
        municipality="05382068",
        kind="einmalig",
        topics=("wohnen",),
    )
    values.update(over)
    return Consultation(**values)


def fields_of(exc: ValidationError) -> list[str]:
    return [p.field for p in exc.problems]


def test_a_plain_one_off_consultation_is_valid(catalog):
    validate_consultation(consultation(), catalog, TODAY)


def test_cm_consultation_needs_a_case(catalog):
    with pytest.raises(ValidationError) as err:
        validate_consultation(consultation(kind="cm"), catalog, TODAY)
    assert fields_of(err.value) == ["case_id"]
    assert "Fall" in err.value.problems[0].message
    validate_consultation(consultation(kind="cm", case_id=uuid7()), catalog, TODAY)


def test_at_least_one_topic_and_no_duplicates(catalog):
    with pytest.raises(ValidationError) as err:
        validate_consultation(consultation(topics=()), catalog, TODAY)
    assert fields_of(err.value) == ["topics"]
    with pytest.raises(ValidationError):
        validate_consultation(consultation(topics=("wohnen", "wohnen")), catalog, TODAY)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("municipality", "05111000"),
        ("kind", "gruppe"),
        ("program", "xyz"),
        ("setting", "kneipe"),
        ("language_mediation", "google"),
        ("topics", ("raumfahrt",)),
        ("referrals", (Referral("mond"),)),
    ],
)
def test_every_code_must_exist_in_the_catalog(catalog, field, value):
    with pytest.raises(ValidationError) as err:
        validate_consultation(consultation(**{field: value}), catalog, TODAY)
    assert fields_of(err.value) == [field]


@pytest.mark.parametrize("day", [date(2031, 1, 1), date(2014, 12, 31), date(1899, 1, 1)])
def test_dates_must_be_sane(catalog, day):
    with pytest.raises(ValidationError) as err:
        validate_consultation(consultation(occurred_on=day), catalog, TODAY)
    assert fields_of(err.value) == ["occurred_on"]


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1, True])
def test_duration_range(catalog, minutes):
    with pytest.raises(ValidationError):
        validate_consultation(consultation(duration_min=minutes), catalog, TODAY)


def test_language_is_an_iso_code(catalog):
    validate_consultation(consultation(language="uk"), catalog, TODAY)
    with pytest.raises(ValidationError):
        validate_consultation(consultation(language="Ukrainisch"), catalog, TODAY)


def test_nul_bytes_in_notes_are_refused(catalog):
    with pytest.raises(ValidationError):
        validate_consultation(consultation(notes="a\x00b"), catalog, TODAY)


def test_messages_are_german_and_never_echo_personal_fields(catalog):
    client = Client(given_name="Canary\x00Name", birth_date=date(2099, 1, 1), nationality="Syrien")
    with pytest.raises(ValidationError) as err:
        validate_client(client, catalog, TODAY)
    text = str(err.value)
    assert "Canary" not in text and "2099" not in text
    assert {"given_name", "birth_date", "nationality"} <= set(fields_of(err.value))


def test_closed_case_needs_date_and_reason(catalog):
    case = Case(
        client_id=None,
        municipality="05382068",
        program="kim",
        opened_on=date(2024, 1, 1),
        phase="closed",
    )
    with pytest.raises(ValidationError) as err:
        validate_case(case, catalog, TODAY)
    assert set(fields_of(err.value)) == {"closed_on", "closure_reason"}
    with pytest.raises(ValidationError):
        validate_case(
            Case(
                client_id=None,
                municipality="05382068",
                program="kim",
                opened_on=date(2024, 3, 1),
                closed_on=date(2024, 2, 1),
                closure_reason="umzug",
                phase="closed",
            ),
            catalog,
            TODAY,
        )


def test_group_session_and_structural_need(catalog):
    validate_group_session(
        GroupSession(offer_id=uuid7(), held_on=date(2024, 5, 1), participants=8), catalog, TODAY
    )
    with pytest.raises(ValidationError):
        validate_group_session(
            GroupSession(offer_id=uuid7(), held_on=date(2024, 5, 1), participants=-1),
            catalog,
            TODAY,
        )
    with pytest.raises(ValidationError) as err:
        validate_structural_need(
            StructuralNeed(
                reported_on=date(2024, 5, 1),
                municipality="05382000",
                topic="wohnen",
                challenge="   ",
            ),
            catalog,
            TODAY,
        )
    assert fields_of(err.value) == ["challenge"]


@pytest.mark.parametrize(
    ("born", "group"),
    [
        (None, "unknown"),
        (date(2007, 7, 1), "<18"),
        (date(2006, 6, 30), "18-26"),
        (date(1997, 6, 30), "27-44"),
        (date(1979, 6, 30), "45-64"),
        (date(1979, 7, 1), "27-44"),
        (date(1959, 6, 30), "65+"),
    ],
)
def test_age_group_is_derived_on_a_day(born, group):
    assert age_group(born, TODAY) == group


def test_uuid7_is_time_ordered_and_unique():
    ids = [uuid7() for _ in range(5000)]
    assert len(set(ids)) == 5000
    assert ids == sorted(ids)
    assert all(is_uuid(i) and i[14] == "7" for i in ids[:10])


def test_local_fields_are_declared_for_every_entity():
    assert LOCAL_FIELDS[Client] >= {"given_name", "family_name", "birth_date", "phone", "notes"}
    assert LOCAL_FIELDS[Consultation] == {"notes"}


def test_store_marks_exactly_the_local_fields():
    """The store's ``local`` columns and the registry's local fields must not drift apart."""
    from kimdesk.domain.registry import ENTITIES
    from kimdesk.store.models import local_columns
    from kimdesk.store.records import TABLES

    for entity in ENTITIES:
        assert set(local_columns(TABLES[entity.kind])) == entity.local_fields, entity.kind
