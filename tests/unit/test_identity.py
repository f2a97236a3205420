"""Identity files: versioned, with a fingerprint that detects any change of key, id, role or
name (format 2), and the frozen format-1 files still read."""

import base64
import hashlib
import json
import struct
from pathlib import Path

import pytest

from kimdesk.domain.ids import uuid7
from kimdesk.sync.identity import (
    Identity,
    IdentityError,
    KeyPairs,
    fingerprint,
    fingerprint_v1,
)

FROZEN = Path(__file__).parents[1] / "fixtures" / "identities"


def office_identity() -> Identity:
    keys = KeyPairs.generate()
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
    assert data["format"] == "kimdesk-identity" and data["version"] == 2
    assert len(ident.fingerprint) == 39 and ident.fingerprint.count("-") == 7


def test_every_installation_gets_an_encryption_key():
    """Schema 7: a device receives the office's replies encrypted to its own X25519 key."""
    first, second = KeyPairs.generate(), KeyPairs.generate()
    assert first.public_agreement() is not None and len(first.public_agreement()) == 32
    assert first.agreement != second.agreement


def test_private_keys_are_not_in_the_file():
    keys = KeyPairs.generate()
    ident = Identity(
        "office", "x", uuid7(), "rhein-sieg", "", keys.public_signing(), keys.public_agreement()
    )
    text = ident.to_json()
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
        lambda d: d.update(name="Kreis  RSK"),
        lambda d: d.update(name="Kreis Rsk"),
    ],
    ids=["id", "signing key", "encryption key", "name with two spaces", "name case"],
)
def test_a_changed_key_id_or_name_no_longer_matches_the_fingerprint(change):
    data = json.loads(office_identity().to_json())
    change(data)
    with pytest.raises(IdentityError, match="Fingerabdruck"):
        Identity.from_json(json.dumps(data))


def test_an_office_relabelled_as_a_case_manager_fails_the_fingerprint():
    data = json.loads(office_identity().to_json())
    data["role"] = "casemanager"
    with pytest.raises(IdentityError, match="Fingerabdruck"):
        Identity.from_json(json.dumps(data))


def test_a_relabelled_format_1_office_is_refused_too():
    """Format 1's fingerprint does not cover the role, but a case manager of format 1 never had
    an encryption key: an office's file relabelled as a device's does not pass."""
    data = json.loads((FROZEN / "identity_v1_office.json").read_text())
    data["role"] = "casemanager"
    with pytest.raises(IdentityError, match="Schlüssel einer Kreisstelle"):
        Identity.from_json(json.dumps(data))


@pytest.mark.parametrize("path", sorted(FROZEN.glob("*.json")), ids=lambda p: p.name)
def test_every_frozen_identity_file_is_still_read(path):
    data = json.loads(path.read_text())
    ident = Identity.from_json(path.read_bytes())
    assert ident.version == data["version"]
    assert ident.fingerprint == data["fingerprint"]
    assert (ident.role, ident.name, ident.installation_id) == (
        data["role"], data["name"], data["installation_id"],
    )  # fmt: skip
    # Written again, it is a format-2 file with the format-2 fingerprint of the same keys.
    again = json.loads(ident.to_json())
    assert again["version"] == 2
    assert Identity.from_json(ident.to_json()).signing_key == ident.signing_key


def test_the_format_1_fingerprint_is_reproducible_from_the_documented_bytes():
    ident = Identity.from_json((FROZEN / "identity_v1_office.json").read_bytes())
    digest = hashlib.sha256(
        b"kimdesk-identity-v1\x00" + ident.installation_id.encode() + b"\x00"
        + ident.signing_key + b"\x00" + ident.encryption_key
    ).digest()  # fmt: skip
    text = base64.b32encode(digest[:20]).decode()
    assert ident.fingerprint == "-".join(text[i : i + 4] for i in range(0, 32, 4))


def test_the_format_2_fingerprint_is_reproducible_from_the_documented_bytes():
    """docs/sync.md: SHA-256 over "kimdesk-identity-v2\\0", then id, role, name, Ed25519 key and
    X25519 key (empty for none), each as a 2-byte big-endian length and its bytes; the first 20
    bytes in base32, 8 groups of 4 joined by "-"."""
    installation, name = "01900000-0000-7000-8000-000000000001", "CM-07 Königswinter"
    signing = bytes(range(32))
    data = b"kimdesk-identity-v2\x00"
    for part in (installation.encode(), b"casemanager", name.encode("utf-8"), signing, b""):
        data += struct.pack(">H", len(part)) + part
    text = base64.b32encode(hashlib.sha256(data).digest()[:20]).decode()
    expected = "-".join(text[i : i + 4] for i in range(0, 32, 4))
    assert fingerprint(installation, "casemanager", name, signing, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": "kimdesk-identity", "version": 3}',
        '{"format": "kimdesk-identity", "version": true}',
        '{"format": "kimdesk-identity", "version": 1, "version": 1}',
        "x" * 100_000,
    ],
)
def test_broken_files_are_refused_clearly(text):
    with pytest.raises(IdentityError, match="keine gültige KIMdesk-Identität"):
        Identity.from_json(text)


@pytest.mark.parametrize("name", ["Kreis\nRSK", "Kreis\u202eKSR", "Kreis\u200bRSK", " Kreis"])
def test_a_name_with_hidden_characters_is_refused_even_with_a_matching_fingerprint(name):
    ident = office_identity()
    data = json.loads(ident.to_json())
    data["name"] = name
    data["fingerprint"] = fingerprint(ident.installation_id, "office", name, ident.signing_key,
                                      ident.encryption_key)  # fmt: skip
    with pytest.raises(IdentityError, match="Name der Installation") as refused:
        Identity.from_json(json.dumps(data))
    assert str(refused.value).isprintable()


def test_deep_nesting_is_no_json_but_no_crash_either():
    with pytest.raises(IdentityError, match="kein JSON"):
        Identity.from_json("[" * 30_000 + "]" * 30_000)


def test_an_office_without_encryption_key_is_refused():
    data = json.loads(office_identity().to_json())
    data["encryption_key"] = None
    with pytest.raises(IdentityError):
        Identity.from_json(json.dumps(data))


def test_fingerprints_differ_in_every_part():
    inst, key, other = "01900000-0000-7000-8000-000000000001", b"\x01" * 32, b"\x02" * 32
    base = fingerprint(inst, "office", "A", key, other)
    assert base == fingerprint(inst, "office", "A", key, other)
    variants = [
        fingerprint(inst[:-1] + "2", "office", "A", key, other),
        fingerprint(inst, "casemanager", "A", key, other),
        fingerprint(inst, "office", "B", key, other),
        fingerprint(inst, "office", "A", other, other),
        fingerprint(inst, "office", "A", key, None),
        # Lengths keep the parts apart: "A" + "B…" is not "AB" + "…".
        fingerprint(inst, "office", "AB", key[:31], key[31:] + other),
    ]
    assert base not in variants and len(set(variants)) == len(variants)
    assert fingerprint_v1(inst, key, None) != fingerprint_v1(inst, key, other)
