"""Name likeness across transliterations, and the birth date deciding (domain.likeness)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kimdesk.domain.likeness import birth_relation, fold, likeness, name_likeness, skeleton

BORN = date(1988, 4, 17)


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Yılmaz", "yilmaz"), ("Müller-Lüdenscheidt", "muller ludenscheidt"),
     ("Mueller", "muller"), ("Strauß", "strauss"), ("Чернов", "chernov"), ("محمد", "mhmd"),
     ("  de  la Cruz ", "de la cruz"), ("", ""), (None, "")],
)  # fmt: skip
def test_names_fold_to_plain_ascii(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [("Mohammed", "Muhammad"), ("Mohammed", "Mohamed"), ("Muhammad", "محمد"),
     ("Yılmaz", "Yilmaz"), ("Müller", "Mueller"), ("Ahmad", "Ahmed"), ("Aisha", "Aischa"),
     ("Hussein", "Husain"), ("Olena", "Олена")],
)  # fmt: skip
def test_transliterations_of_one_name_are_alike(a, b):
    assert name_likeness(a, b) >= 75
    found = likeness(a, "Al-Rashid", BORN, b, "Alrashid", BORN)
    assert found is not None and found.birth == "same"


def test_spellings_that_only_share_consonants_are_not_transliterations():
    for a, b in (("Mohammed", "Mahmoud"), ("Ahmad", "Hamid"), ("Hassan", "Hussein")):
        assert name_likeness(a, b) < 75, (a, b)
    assert fold("Al-Haddad") == fold("El Haddad") == "haddad" and fold("Ali") == "ali"
    assert likeness("Mohammed", "Al-Haddad", None, "Muhammad", "Haddad", None) is not None
    assert likeness("Maria", "Gonzalez Lopez", None, "Maria", "Gonzalez", None) is not None


def test_the_same_skeleton_is_a_transliteration():
    assert skeleton(fold("Mohammed")) == skeleton(fold("Muhammad")) == skeleton(fold("محمد"))
    assert name_likeness("Mohammed", "Muhammad") == 92  # plain comparison: 75
    assert skeleton(fold("Maria")) == skeleton(fold("Mario")) == "mr"  # too short to count
    assert name_likeness("Maria", "Mario") == 80


def test_given_and_family_name_swapped_are_found():
    found = likeness("Hassan", "Ali", BORN, "Ali", "Hassan", BORN)
    assert found is not None and found.score == 100


def test_the_birth_date_decides_how_alike_names_must_be():
    assert birth_relation(BORN, BORN) == "same"
    assert birth_relation(BORN, date(1988, 4, 18)) == "near"  # one part
    assert birth_relation(date(1988, 4, 7), date(1988, 7, 4)) == "near"  # day and month swapped
    assert birth_relation(BORN, date(1989, 5, 17)) == "different"
    assert birth_relation(BORN, None) == "unknown"
    # Same date: alike names suffice; a different person's date: never, however alike.
    assert likeness("Anna", "Schmidt", BORN, "Anna", "Schmitt", BORN) is not None
    assert likeness("Anna", "Schmidt", BORN, "Anna", "Schmidt", date(1990, 3, 5)) is None
    # 1 January is what an office writes when the day is not known: no evidence either way.
    assert birth_relation(date(1975, 1, 1), date(2001, 1, 1)) == "unknown"
    assert (
        likeness("Mohammed", "Haddad", date(1975, 1, 1), "Mahmoud", "Haddad", date(2001, 1, 1))
        is None
    )  # father and son: names not alike enough
    assert likeness("Anna", "Becker", BORN, "Lena", "Berger", BORN) is None
    # Without a date the names must be nearly the same.
    assert likeness("Ayşe", "Yılmaz", None, "Ayse", "Yilmaz", None).birth == "unknown"
    assert likeness("Maria", "Schmidt", None, "Mario", "Schmitt", None) is None


def test_the_reason_names_no_name():
    found = likeness("Mohammed", "Haddad", BORN, "Muhammad", "Haddad", BORN)
    assert found.reason == "Name zu 96 % ähnlich, gleiches Geburtsdatum"
    assert likeness(None, None, BORN, "Anna", "Becker", BORN) is None


LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=2, max_size=12)


@settings(max_examples=300, deadline=None)
@given(LETTERS, LETTERS, st.dates(date(1930, 1, 1), date(2020, 1, 1)), LETTERS, LETTERS,
       st.integers(min_value=400, max_value=20_000))  # fmt: skip
def test_people_born_years_apart_are_never_suggested(given_a, family_a, born, given_b,
                                                     family_b, apart):  # fmt: skip
    other = born + timedelta(days=apart)
    if birth_relation(born, other) != "different":
        return  # the same day and month some years later is a typing slip of the year
    assert likeness(given_a, family_a, born, given_b, family_b, other) is None


@settings(max_examples=300, deadline=None)
@given(LETTERS, LETTERS, st.dates(date(1930, 1, 1), date(2020, 1, 1)))
def test_a_person_is_always_alike_to_itself_written_otherwise(given_name, family, born):
    shouted = likeness(given_name, family, born, given_name.upper(), f" {family} ", born)
    assert shouted is not None and shouted.score == 100
