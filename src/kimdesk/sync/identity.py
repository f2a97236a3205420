"""Installation keys and the public identity file.

Every installation signs with Ed25519; an office also holds an X25519 key pair to which
case managers encrypt their bundles. The identity file carries only public keys.

Identity file, version 1 (JSON, UTF-8)::

    {"format": "kimdesk-identity", "version": 1, "role": "office", "name": "...",
     "installation_id": "<uuid>", "profile": "rhein-sieg", "created_at": "<ISO UTC>",
     "signing_key": "<base64 Ed25519 public key>",
     "encryption_key": "<base64 X25519 public key or null>",
     "fingerprint": "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"}

The fingerprint is SHA-256 over ``kimdesk-identity-v1``, the installation id and both public
keys, shown as 32 base32 characters in groups of four, to be compared by eye or phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import is_uuid

IDENTITY_FORMAT = "kimdesk-identity"
IDENTITY_VERSION = 1
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
    def generate(cls, role: Role) -> KeyPairs:
        signing = Ed25519PrivateKey.generate().private_bytes(
            _RAW, _PRIV, serialization.NoEncryption()
        )
        agreement = None
        if role == Role.OFFICE:
            agreement = X25519PrivateKey.generate().private_bytes(
                _RAW, _PRIV, serialization.NoEncryption()
            )
        return cls(signing, agreement)

    def public_signing(self) -> bytes:
        return (
            Ed25519PrivateKey.from_private_bytes(self.signing).public_key().public_bytes(_RAW, _PUB)
        )

    def public_agreement(self) -> bytes | None:
        if self.agreement is None:
            return None
        return (
            X25519PrivateKey.from_private_bytes(self.agreement)
            .public_key()
            .public_bytes(_RAW, _PUB)
        )


def fingerprint(installation_id: str, signing_key: bytes, encryption_key: bytes | None) -> str:
    digest = hashlib.sha256()
    digest.update(b"kimdesk-identity-v1\x00")
    digest.update(installation_id.encode("ascii") + b"\x00")
    digest.update(signing_key)
    digest.update(b"\x00" + (encryption_key or b""))
    text = base64.b32encode(digest.digest()[:20]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 32, 4))


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

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.installation_id, self.signing_key, self.encryption_key)

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
            "fingerprint": self.fingerprint,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes, source: str = "Die Identitätsdatei") -> Identity:
        def fail(reason: str) -> IdentityError:
            return IdentityError(f"{source} ist keine gültige KIMdesk-Identität: {reason}.")

        if len(text) > MAX_IDENTITY_BYTES:
            raise fail("sie ist zu groß")
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except (ValueError, UnicodeDecodeError):
            raise fail("sie ist kein JSON") from None
        if not isinstance(data, dict) or data.get("format") != IDENTITY_FORMAT:
            raise fail("das Format fehlt")
        if data.get("version") != IDENTITY_VERSION:
            raise fail(f"unbekannte Version {data.get('version')!r}")
        for key in ("role", "name", "installation_id", "profile", "signing_key", "fingerprint"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise fail(f"das Feld „{key}“ fehlt")
        if data["role"] not in {r.value for r in Role}:
            raise fail("unbekannte Rolle")
        if not is_uuid(data["installation_id"]):
            raise fail("die Installations-ID ist ungültig")
        try:
            signing = base64.b64decode(data["signing_key"], validate=True)
            enc = data.get("encryption_key")
            encryption = base64.b64decode(enc, validate=True) if enc else None
        except (binascii.Error, TypeError):
            raise fail("ein Schlüssel ist nicht lesbar") from None
        if len(signing) != 32 or (encryption is not None and len(encryption) != 32):
            raise fail("ein Schlüssel hat die falsche Länge")
        if data["role"] == Role.OFFICE and encryption is None:
            raise fail("einer Kreisstelle fehlt der Verschlüsselungsschlüssel")
        identity = cls(
            role=data["role"],
            name=data["name"],
            installation_id=data["installation_id"],
            profile=data["profile"],
            created_at=str(data.get("created_at", "")),
            signing_key=signing,
            encryption_key=encryption,
        )
        if identity.fingerprint != data["fingerprint"]:
            raise fail("der Fingerabdruck passt nicht zu den Schlüsseln (Datei verändert?)")
        return identity

    @classmethod
    def read(cls, path: str | Path) -> Identity:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise IdentityError(f"Die Identitätsdatei {path} gibt es nicht.") from None
        except OSError as exc:
            raise IdentityError(
                f"Die Identitätsdatei {path} ist nicht lesbar ({exc.strerror})."
            ) from None
        return cls.from_json(raw, source=f"Die Datei {path}")


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)
