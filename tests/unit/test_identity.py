"""Identity files: versioned, with a fingerprint that detects any change of key or id."""

import json

import pytest

from kimdesk.domain.enums import Role
from kimdesk.domain.ids import uuid7
from kimdesk.sync.identity import Identity, IdentityError, KeyPairs, fingerprint


def office_identity() -> Identity:
    keys = KeyPairs.generate(Role.OFFICE)
    return Identity(
        role="office",
        name="Kreis RSK",
        installation_id=uuid7(),
        profile="rhein-sieg",
        created_at="2026-01-01T00:00:00+00:00",
        signing_key=keys.public_signing(),
        encryption_key=keys.public_agreement(),
    )


def test_round_trip():
    ident = office_identity()
    again = Identity.from_json(ident.to_json())
    assert again == ident
    data = json.loads(ident.to_json())
    assert data["format"] == "kimdesk-identity" and data["version"] == 1
    assert len(ident.fingerprint) == 39 and ident.fingerprint.count("-") == 7


def test_only_an_office_gets_an_encryption_key():
    assert KeyPairs.generate(Role.CASEMANAGER).agreement is None
    assert KeyPairs.generate(Role.OFFICE).public_agreement() is not None


def test_private_keys_are_not_in_the_file():
    keys = KeyPairs.generate(Role.OFFICE)
    ident = Identity(
        "office", "x", uuid7(), "rhein-sieg", "", keys.public_signing(), keys.public_agreement()
    )
    text = ident.to_json()
    import base64

    assert base64.b64encode(keys.signing).decode() not in text
    assert base64.b64encode(keys.agreement).decode() not in text


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(installation_id=uuid7()),
        lambda d: d.update(signing_key=json.loads(office_identity().to_json())["signing_key"]),
        lambda d: d.update(
            encryption_key=json.loads(office_identity().to_json())["encryption_key"]
        ),
    ],
)
def test_a_changed_key_or_id_no_longer_matches_the_fingerprint(change):
    data = json.loads(office_identity().to_json())
    change(data)
    with pytest.raises(IdentityError, match="Fingerabdruck"):
        Identity.from_json(json.dumps(data))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": "kimdesk-identity", "version": 2}',
        '{"format": "kimdesk-identity", "version": 1, "version": 1}',
        "x" * 100_000,
    ],
)
def test_broken_files_are_refused_clearly(text):
    with pytest.raises(IdentityError, match="keine gültige KIMdesk-Identität"):
        Identity.from_json(text)


def test_an_office_without_encryption_key_is_refused():
    data = json.loads(office_identity().to_json())
    data["encryption_key"] = None
    with pytest.raises(IdentityError):
        Identity.from_json(json.dumps(data))


def test_fingerprint_is_stable():
    assert fingerprint("01900000-0000-7000-8000-000000000001", b"\x01" * 32, None) == (
        fingerprint("01900000-0000-7000-8000-000000000001", b"\x01" * 32, None)
    )
    assert fingerprint("a", b"\x01" * 32, None) != fingerprint("a", b"\x01" * 32, b"\x02" * 32)
