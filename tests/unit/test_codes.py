"""Every field that travels in a bundle is checked at the office: by its type (the strict
reader), and beyond it by a rule of ``domain/codes.py`` or as a free text."""

from __future__ import annotations

from datetime import date

from kimdesk.domain.catalog import load_profile
from kimdesk.domain.codes import FIELD_RULES, FREE_TEXTS, Rule
from kimdesk.domain.validation import MAX_PARTICIPANTS
from kimdesk.sync.fields import FIELDS

#: Fields the office checks otherwise: id (UUID), origin (the signer), updated_at (time
#: checks), deleted and a client's consent flag (booleans: the strict reader's type check is
#: all they need), base_version (below the version); age_group is in the rules.
CHECKED_ELSEWHERE = {"id", "origin", "updated_at", "deleted", "base_version", "consent"}


def test_every_field_that_travels_has_a_rule_or_is_a_free_text():
    for entity, fields in FIELDS.items():
        ruled = {rule.field for rule in FIELD_RULES[entity]}
        texts = set(FREE_TEXTS.get(entity, ()))
        for f in fields:
            assert f.name in ruled | texts | CHECKED_ELSEWHERE, (entity, f.name)
        assert ruled <= {f.name for f in fields}, entity  # no rule for a field that is gone
        assert not ruled & texts


def test_rules_allow_what_the_forms_allow_and_nothing_more():
    catalog = load_profile("rhein-sieg")
    written = date(2026, 12, 2)
    rules = {(e, r.field): r for e, rs in FIELD_RULES.items() for r in rs}
    participants: Rule = rules[("group_session", "participants")]
    assert participants.allows(catalog, 0, written) and participants.allows(
        catalog, MAX_PARTICIPANTS, written
    )
    assert not participants.allows(catalog, -1, written)
    assert not participants.allows(catalog, MAX_PARTICIPANTS + 1, written)
    day = rules[("consultation", "occurred_on")]
    assert day.allows(catalog, date(2026, 12, 3), written)  # tomorrow, as the forms allow
    assert not day.allows(catalog, date(2026, 12, 4), written)
    assert not day.allows(catalog, date(2014, 12, 31), written)
    assert rules[("consultation", "municipality")].allows(catalog, "05382068", written)
    assert not rules[("consultation", "municipality")].allows(catalog, "05382068 ", written)
    assert rules[("client", "nationality")].allows(catalog, "XX", written)
    assert not rules[("client", "nationality")].allows(catalog, "SYR", written)
    assert rules[("case", "client_id")].allows(catalog, None, written)
    assert not rules[("case", "client_id")].allows(
        catalog, "01900000-0000-7000-8000-00000000000G", written
    )


def test_a_new_code_fits_every_field_that_holds_its_catalog():
    """domain.profile.CODE_LENGTH is the shortest store column of each catalog's codes."""
    from kimdesk.domain.codes import REFERRAL_TARGET, TOPIC
    from kimdesk.domain.profile import CODE_LENGTH
    from kimdesk.store.models import ConsultationTopicRow, ReferralRow

    shortest: dict[str, int] = {}
    for entity, rules in FIELD_RULES.items():
        lengths = {f.name: f.max_length for f in FIELDS[entity]}
        for rule in rules:
            if rule.catalog:
                shortest[rule.catalog] = min(shortest.get(rule.catalog, 10**6), lengths[rule.field])
    for rule, column in ((TOPIC, ConsultationTopicRow.__table__.c.topic),
                         (REFERRAL_TARGET, ReferralRow.__table__.c.target)):  # fmt: skip
        shortest[rule.catalog] = min(shortest.get(rule.catalog, 10**6), column.type.length)
    assert CODE_LENGTH == shortest
