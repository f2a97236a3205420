"""The entity registry: every list of the synced entities derives from it or is held to it."""

from __future__ import annotations

from dataclasses import fields

from kimdesk.domain import codes, registry
from kimdesk.domain.entities import Record
from kimdesk.domain.registry import ENTITIES, KINDS, Kind


def test_each_kind_once_with_its_class_and_validator():
    assert KINDS == tuple(Kind)
    assert len({e.cls for e in ENTITIES}) == len(ENTITIES)
    for entity in ENTITIES:
        assert issubclass(entity.cls, Record) and entity.cls is not Record
        assert registry.entity_of(entity.cls) is entity
        assert entity.validate.__name__.startswith("validate_")
        names = {f.name for f in fields(entity.cls)}
        assert entity.local_fields <= names, entity.kind  # no typo in a local field


def test_a_kind_is_its_stored_name():
    assert Kind.GROUP_SESSION == "group_session" and {"case": 1}[Kind.CASE] == 1


def test_the_store_has_a_table_for_each_kind_and_nothing_else():
    from kimdesk.store.records import TABLES

    assert tuple(TABLES) == KINDS
    for entity in ENTITIES:  # the record's fields are the table's columns
        columns = set(TABLES[entity.kind].columns.keys())
        own = {f.name for f in fields(entity.cls)} - {"topics", "referrals"}
        assert own <= columns, entity.kind


def test_the_bundle_order_is_frozen_and_holds_every_kind():
    """A new kind needs a decision about the bundle format: it cannot slip in by itself."""
    from kimdesk.sync.fields import ENTITY_ORDER

    assert ENTITY_ORDER == (
        "client", "case", "goal", "consultation", "group_offer", "group_session",
        "structural_need",
    )  # fmt: skip
    assert set(ENTITY_ORDER) == set(KINDS)


def test_each_kind_has_its_field_rules_and_names_in_the_interface():
    from kimdesk.ui.labels import ENTITY_LABELS, ENTITY_PLURALS

    assert set(codes.FIELD_RULES) == set(KINDS)
    assert set(ENTITY_LABELS) == set(KINDS) and set(ENTITY_PLURALS) == set(KINDS)
