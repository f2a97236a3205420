"""Installation keys and the public identity file.

Every installation signs with Ed25519 and holds an X25519 key pair: case managers encrypt
their bundles to the office's, the office its replies to a device's (a device made before
schema 7 has none in its identity file: ``encryption_key`` is null). The identity file carries
only public keys.

Identity file, version 2 (JSON, UTF-8)::

    {"format": "kimdesk-identity", "version": 2, "role": "office", "name": "...",
     "installation_id": "<uuid>", "profile": "rhein-sieg", "created_at": "<ISO UTC>",
     "signing_key": "<base64 Ed25519 public key>",
     "encryption_key": "<base64 X25519 public key or null>",
     "fingerprint": "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"}

The fingerprint is compared by eye or phone, so it covers everything the other side trusts:
installation id, role, name and both public keys (``fingerprint`` says exactly how; the same
construction is in docs/sync.md). Version 1 files covered only the id and the keys: they are
still read, and a case manager in them may not carry an encryption key (so an office's file
cannot pass as a device's).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import is_uuid
from kimdesk.domain.text import name_problem, printable
from kimdesk.fileio import InputRefused, read_limited, shown

IDENTITY_FORMAT = "kimdesk-identity"
IDENTITY_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_IDENTITY_BYTES = 64 * 1024

_RAW = serialization.Encoding.Raw
_PUB = serialization.PublicFormat.Raw
_PRIV = serialization.PrivateFormat.Raw


class IdentityError(KimdeskError):
    pass


@dataclass(frozen=True)
class KeyPairs:
    """Private keys as raw bytes (kept only inside the encrypted store)."""

    signing: bytes
    agreement: bytes | None

    @classmethod
    def generate(cls) -> KeyPairs:
        """Both key pairs: every installation signs, and receives encrypted files (an office
        its devices' bundles, a device the office's replies; schema 7)."""
        signing = Ed25519PrivateKey.generate().private_bytes(
            _RAW, _PRIV, serialization.NoEncryption()
        )
        agreement = X25519PrivateKey.generate().private_bytes(
            _RAW, _PRIV, serialization.NoEncryption()
        )
        return cls(signing, agreement)

    def public_signing(self) -> bytes:
        return (
            Ed25519PrivateKey.from_private_bytes(self.signing).public_key().public_bytes(_RAW, _PUB)
        )

    def public_agreement(self) -> bytes | None:
        return x25519_public(self.agreement)


def usable_x25519(public: bytes) -> bool:
    """Whether ``public`` is an X25519 key one can encrypt to: 32 bytes, not one of the
    low-order points whose shared secret is all zeros (HPKE refuses them)."""
    if len(public) != 32:
        return False
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError:
        return False
    return True


def canonical_base64(text) -> bytes | None:
    """Bytes written as canonical base64, or None (no other spelling is taken)."""
    if not isinstance(text, str):
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return raw if base64.b64encode(raw).decode("ascii") == text else None


def key_from_base64(text) -> bytes | None:
    """A 32-byte public key as the files write it (canonical base64), or None for anything
    else: no other spelling of the same bytes is taken."""
    raw = canonical_base64(text)
    return raw if raw is not None and len(raw) == 32 else None


def x25519_public(private: bytes | None) -> bytes | None:
    """The public half of a raw X25519 private key (``None`` for none)."""
    if private is None:
        return None
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(_RAW, _PUB)


def _group(digest: bytes) -> str:
    """The first 160 bits as 32 base32 characters in 8 groups of 4."""
    text = base64.b32encode(digest[:20]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 32, 4))


def fingerprint_v1(installation_id: str, signing_key: bytes, encryption_key: bytes | None) -> str:
    """Identity format 1: the id and the public keys only."""
    digest = hashlib.sha256()
    digest.update(b"kimdesk-identity-v1\x00")
    digest.update(installation_id.encode("ascii") + b"\x00")
    digest.update(signing_key)
    digest.update(b"\x00" + (encryption_key or b""))
    return _group(digest.digest())


def fingerprint(
    installation_id: str, role: str, name: str, signing_key: bytes, encryption_key: bytes | None
) -> str:
    """Identity format 2: SHA-256 over the label ``kimdesk-identity-v2`` and a NUL byte, then
    each of installation id (ASCII), role (ASCII), name (UTF-8), Ed25519 key and X25519 key
    (empty if none) as a 2-byte big-endian length and its bytes."""
    digest = hashlib.sha256(b"kimdesk-identity-v2\x00")
    for part in (
        installation_id.encode("ascii"), role.encode("ascii"), name.encode("utf-8"),
        signing_key, encryption_key or b"",
    ):  # fmt: skip
        digest.update(struct.pack(">H", len(part)) + part)
    return _group(digest.digest())


@dataclass(frozen=True)
class Identity:
    """The public identity of an installation."""

    role: str
    name: str
    installation_id: str
    profile: str
    created_at: str
    signing_key: bytes
    encryption_key: bytes | None
    #: The format of the file this identity was read from (new files are always the latest).
    version: int = IDENTITY_VERSION

    @property
    def fingerprint(self) -> str:
        if self.version == 1:
            return fingerprint_v1(self.installation_id, self.signing_key, self.encryption_key)
        return fingerprint(self.installation_id, self.role, self.name, self.signing_key,
                           self.encryption_key)  # fmt: skip

    def to_json(self) -> str:
        data = {
            "format": IDENTITY_FORMAT,
            "version": IDENTITY_VERSION,
            "role": self.role,
            "name": self.name,
            "installation_id": self.installation_id,
            "profile": self.profile,
            "created_at": self.created_at,
            "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
            "encryption_key": (
                base64.b64encode(self.encryption_key).decode("ascii")
                if self.encryption_key
                else None
            ),
            "fingerprint": fingerprint(self.installation_id, self.role, self.name,
                                       self.signing_key, self.encryption_key),
        }  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes, source: str = "Die Identitätsdatei") -> Identity:
        def fail(reason: str) -> IdentityError:
            return IdentityError(f"{source} ist keine gültige KIMdesk-Identität: {reason}.")

        if len(text) > MAX_IDENTITY_BYTES:
            raise fail("sie ist zu groß")
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise fail("sie ist kein JSON") from None
        if not isinstance(data, dict) or data.get("format") != IDENTITY_FORMAT:
            raise fail("das Format fehlt")
        version = data.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:
            raise fail(f"unbekannte Version {printable(repr(version), 20)}")
        for key in ("role", "name", "installation_id", "profile", "signing_key", "fingerprint"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise fail(f"das Feld „{key}“ fehlt")
        if data["role"] not in {r.value for r in Role}:
            raise fail("unbekannte Rolle")
        if not is_uuid(data["installation_id"]):
            raise fail("die Installations-ID ist ungültig")
        # Control, bidi and zero-width characters hide what a name says; init refuses them
        # (an older installation may have a longer name: its bundles cut it).
        problem = name_problem(data["name"], max_bytes=None)
        if problem:
            raise fail(f"{problem.rstrip('.')} – {printable(data['name'])}")
        try:
            signing = base64.b64decode(data["signing_key"], validate=True)
            enc = data.get("encryption_key")
            encryption = base64.b64decode(enc, validate=True) if enc else None
        except (binascii.Error, TypeError):
            raise fail("ein Schlüssel ist nicht lesbar") from None
        if len(signing) != 32 or (encryption is not None and len(encryption) != 32):
            raise fail("ein Schlüssel hat die falsche Länge")
        if encryption is not None and not usable_x25519(encryption):
            raise fail("der Verschlüsselungsschlüssel ist unbrauchbar")
        if data["role"] in (Role.OFFICE, Role.LAND) and encryption is None:
            raise fail("einer Kreisstelle oder Landesstelle fehlt der Verschlüsselungsschlüssel")
        if version == 1 and data["role"] == Role.CASEMANAGER and encryption is not None:
            # Format 1 gave only offices this key; its fingerprint does not cover the role.
            raise fail("ein Case-Management-Gerät mit dem Schlüssel einer Kreisstelle")
        if not isinstance(data.get("created_at", ""), str):
            raise fail("das Feld „created_at“ ist kein Text")
        identity = cls(
            role=data["role"],
            name=data["name"],
            installation_id=data["installation_id"],
            profile=data["profile"],
            created_at=str(data.get("created_at", "")),
            signing_key=signing,
            encryption_key=encryption,
            version=version,
        )
        if identity.fingerprint != data["fingerprint"]:
            raise fail(
                "der Fingerabdruck passt nicht zu Rolle, Name und Schlüsseln (Datei verändert?)"
            )
        return identity

    @classmethod
    def read(cls, path: str | Path) -> Identity:
        """An identity file: a regular file of at most 64 KiB (a link to /dev/zero or a pipe
        is refused before anything is read)."""
        try:
            raw = read_limited(path, MAX_IDENTITY_BYTES, what="Die Identitätsdatei")
        except InputRefused as exc:
            raise IdentityError(str(exc)) from None
        return cls.from_json(raw, source=f"Die Datei {shown(path)}")


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)
