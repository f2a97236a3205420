"""The default profile carries exactly the codes of docs/domain.md."""

import pytest

from kimdesk.domain.catalog import REQUIRED_CATALOGS, Catalog, available_profiles, load_profile
from kimdesk.domain.errors import KimdeskError

DESIGN_CODES = {
    "program": {"kim", "muki"},
    "kind": {"einmalig", "cm"},
    "topic": {
        "lebensunterhalt",
        "deutsch",
        "aufenthalt",
        "gesundheit",
        "wohnen",
        "arbeit",
        "kinderbetreuung",
        "sprachentwicklung",
        "werte",
        "sprachmittlung",
        "schule",
        "familie",
        "finanzen",
        "sonstiges",
    },
    "referral_target": {
        "wohlfahrt",
        "sprachkurs",
        "aemter",
        "abh_ebh",
        "jc_afa",
        "gesundheit",
        "kita_schule",
        "migrationsdienste",
        "sonstige",
    },
    "setting": {"sprechstunde", "hausbesuch", "telefon", "video", "begleitung"},
    "language_mediation": {"keine", "dolmetscher", "vasco", "eigene"},
    "municipality": {f"053820{n:02d}" for n in range(4, 77, 4)} | {"05382000"},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_profile("rhein-sieg")


def test_profile_is_shipped_as_package_data():
    assert "rhein-sieg" in available_profiles()


@pytest.mark.parametrize("name", sorted(DESIGN_CODES))
def test_codes_are_exactly_those_of_the_design(catalog, name):
    assert set(catalog.codes(name)) == DESIGN_CODES[name]


def test_every_entry_has_german_and_english_labels(catalog):
    for entry in catalog:
        assert entry.label_de.strip() and entry.label_en.strip(), entry


def test_municipalities_of_the_design(catalog):
    assert len(catalog.codes("municipality")) == 20
    assert catalog.label("municipality", "05382024") == "Königswinter"
    assert catalog.label("municipality", "05382020") == "Hennef (Sieg)"
    assert catalog.county == "05382000"


@pytest.mark.parametrize(
    ("catalog_name", "text", "code"),
    [
        ("municipality", "  sankt augustin ", "05382056"),
        ("municipality", "St. Augustin", "05382056"),
        ("municipality", "05382068", "05382068"),
        ("municipality", "KÖNIGSWINTER", "05382024"),
        ("topic", "Aufenthalt/Einbürgerung", "aufenthalt"),
        ("topic", "german (courses)", "deutsch"),
        ("referral_target", "Jobcenter", "jc_afa"),
        ("kind", "CM", "cm"),
        ("program", "MuKi-S", "muki"),
    ],
)
def test_resolve_by_code_label_or_alias(catalog, catalog_name, text, code):
    assert catalog.resolve(catalog_name, text).code == code


def test_unknown_text_resolves_to_nothing(catalog):
    assert catalog.resolve("topic", "Raumfahrt") is None


def test_inactive_entries_do_not_resolve():
    data = {
        "format": 1,
        "profile": "test",
        "name": "Test",
        "county": "1",
        "catalogs": {
            name: [{"code": "a", "de": "A"}, {"code": "b", "de": "B", "active": False}]
            for name in REQUIRED_CATALOGS
        },
    }
    catalog = Catalog.from_json(data)
    assert catalog.resolve("topic", "B") is None
    assert catalog.codes("topic") == ["a"]
    assert catalog.codes("topic", active_only=False) == ["a", "b"]


@pytest.mark.parametrize("publication", [{"min_count": 1}, {"min_count": 21},
                                         {"min_count": "5"}, {"min_count": True}, [5]])  # fmt: skip
def test_publication_limit_of_a_profile(publication):
    data = {"format": 1, "profile": "test", "name": "Test", "county": "1",
            "catalogs": {name: [{"code": "a", "de": "A"}] for name in REQUIRED_CATALOGS}}  # fmt: skip
    assert Catalog.from_json(data).min_count == 5  # not given: 5
    assert Catalog.from_json({**data, "publication": {"min_count": 3}}).min_count == 3
    with pytest.raises(KimdeskError, match="publication.min_count: 2–20"):
        Catalog.from_json({**data, "publication": publication})
    assert load_profile("rhein-sieg").min_count == 5


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(KimdeskError, match="gibt es nicht"):
        load_profile("atlantis")


def test_no_county_specific_code_in_the_source():
    """All 54 NRW districts run KIM: codes of this county live in its profile only."""
    from pathlib import Path

    import kimdesk

    root = Path(kimdesk.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "05382" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
