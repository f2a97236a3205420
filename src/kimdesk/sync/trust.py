"""Signed trust: every peer row (an enrolled device, a case manager's office) carries the
Ed25519 signature of the installation that trusted it.

A store on a database server can be written by whoever has a database login; a row inserted
there would otherwise enrol a device. Rows are signed when the coordinator enrols (or the
case manager sets up with the office's identity file), and only rows with a valid signature
by this installation's own key are believed.

Signed bytes: ``kimdesk-peer-v1`` and a NUL byte, then installation id, role, name, Ed25519
key, X25519 key (empty if none), fingerprint and the time of trust (ISO 8601, UTC), each as a
2-byte big-endian length and its bytes.
"""

from __future__ import annotations

import struct
from dataclasses import replace
from datetime import UTC

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kimdesk.store.installation import PeerInfo

_LABEL = b"kimdesk-peer-v1\x00"


def statement(peer: PeerInfo) -> bytes:
    when = peer.trusted_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    parts = (
        peer.installation_id.encode("utf-8"), peer.role.encode("utf-8"),
        peer.name.encode("utf-8", "surrogatepass"), peer.signing_key, peer.agreement_key or b"",
        peer.fingerprint.encode("utf-8"), when.encode("ascii"),
    )  # fmt: skip
    return _LABEL + b"".join(struct.pack(">H", len(p)) + p for p in parts)


def signed(peer: PeerInfo, private_key: bytes) -> PeerInfo:
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    return replace(peer, signature=key.sign(statement(peer)))


def is_signed_by(peer: PeerInfo, public_key: bytes) -> bool:
    if not peer.signature:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(peer.signature, statement(peer))
    except (InvalidSignature, ValueError):
        return False
    return True
