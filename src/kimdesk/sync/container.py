"""The bundle file, format version 1: a signed, encrypted container.

Layout (all integers big-endian)::

    offset  size  field
    0       8     magic  b"KIMB\\r\\n\\x1a\\n"
    8       2     format version (1)
    10      16    installation id of the signer (UUID bytes)
    26      32    signer's Ed25519 public key
    58      8     sequence number of the bundle at its installation (1, 2, 3, ...)
    66      16    bundle id (UUID bytes)
    82      16    recipient: installation id of the office (UUID bytes)
    98      1     n: length of the signer's name in UTF-8 bytes (at most 200)
    99      n     signer's name
    99+n    8     L: length of the payload
    107+n   L     payload: HPKE (RFC 9180) ciphertext to the office's X25519 key
    end-64  64    Ed25519 signature over every byte before it

The office verifies the signature against the key it enrolled for that installation
*before* it decrypts or parses anything else. HPKE suite: DHKEM(X25519, HKDF-SHA256),
HKDF-SHA256, ChaCha20-Poly1305, base mode; ``info`` is ``kimdesk-bundle-v1`` and the header,
so a payload cannot be moved under another header.

The office's reply to a device (``*.kimr``, ``REPLY``) is the same container with its own magic
``KIMR\r\n\x1a\n`` and ``info`` ``kimdesk-reply-v1``: the office signs, the device is the
recipient and holds the key. A county's report to the Land (``*.kiml``, ``REPORT``, issue 20)
likewise: ``KIML\r\n\x1a\n``, ``kimdesk-county-report-v1``, the office signs, the Land is the
recipient. No kind of file passes for another.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from kimdesk.domain.text import cut_utf8

from .reasons import BundleRejected, Reason

MAGIC = b"KIMB\r\n\x1a\n"
FORMAT_VERSION = 1
SIGNATURE_SIZE = 64
MAX_NAME = 200
#: Bundle numbers: one a day for five million years.
MAX_SEQ = 2**31 - 1
#: Size cap: checked first, before anything is read from the file.
MAX_BUNDLE_BYTES = 1 << 30
_FIXED = struct.Struct(">8sH16s32sQ16s16sB")
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
_INFO = b"kimdesk-bundle-v1\x00"
TOO_LARGE = "die Datei ist größer als 1 GiB und damit kein KIMdesk-Bundle"
_SHORT = "die Datei ist zu kurz für ein KIMdesk-Bundle (abgeschnitten?)"


@dataclass(frozen=True)
class FileKind:
    """A kind of signed, encrypted file: its magic, format version, HPKE ``info`` and the
    words its refusals use (German sentences, as every refusal)."""

    magic: bytes
    version: int
    info: bytes
    not_one: str  # "die Datei ist …"
    too_large: str
    short: str
    of_it: str  # "der Kopf …", genitive
    it: str  # "das Bundle hat …", nominative
    elsewhere: str  # "… lässt sich nicht entschlüsseln (…)"
    is_one: str = ""  # "die Datei ist keine Antwort, sondern …"


BUNDLE = FileKind(
    MAGIC, FORMAT_VERSION, _INFO, "kein KIMdesk-Bundle", TOO_LARGE, _SHORT, "des Bundles",
    "das Bundle", "für eine andere Kreisstelle verschlüsselt?",
    "ein Bundle eines Geräts (für kimdesk merge in der Kreisstelle)",
)  # fmt: skip
REPLY = FileKind(
    b"KIMR\r\n\x1a\n", 1, b"kimdesk-reply-v1\x00", "keine Antwort der Kreisstelle",
    "die Datei ist größer als 1 GiB und damit keine Antwort der Kreisstelle",
    "die Datei ist zu kurz für eine Antwort der Kreisstelle (abgeschnitten?)", "der Antwort",
    "die Antwort", "für ein anderes Gerät verschlüsselt?",
    "eine Antwort der Kreisstelle (für kimdesk receive auf dem Gerät)",
)  # fmt: skip
HANDOVER = FileKind(
    b"KIMH\r\n\x1a\n", 1, b"kimdesk-handover-v1\x00", "keine Fallübergabe",
    "die Datei ist größer als 1 GiB und damit keine Fallübergabe",
    "die Datei ist zu kurz für eine Fallübergabe (abgeschnitten?)", "der Übergabe",
    "die Übergabe", "für ein anderes Gerät verschlüsselt?",
    "eine einzelne Fallübergabe (sie reist in einem Bundle)",
)  # fmt: skip


REPORT = FileKind(
    b"KIML\r\n\x1a\n", 1, b"kimdesk-county-report-v1\x00", "kein Kreisbericht",
    "die Datei ist größer als 1 GiB und damit kein Kreisbericht",
    "die Datei ist zu kurz für einen Kreisbericht (abgeschnitten?)", "des Berichts",
    "der Bericht", "für eine andere Landesstelle verschlüsselt?",
    "ein Kreisbericht an das Land (für die Landesstelle)",
)  # fmt: skip


@dataclass(frozen=True)
class Header:
    version: int
    installation_id: str
    signer_key: bytes
    seq: int
    bundle_id: str
    recipient_id: str
    signer_name: str
    payload_offset: int
    payload_length: int

    @property
    def signed_length(self) -> int:
        return self.payload_offset + self.payload_length


def seal(
    *,
    installation_id: str,
    signing_key: bytes,
    signer_name: str,
    seq: int,
    bundle_id: str,
    recipient_id: str,
    recipient_key: bytes,
    plaintext: bytes,
    kind: FileKind = BUNDLE,
) -> bytes:
    """Encrypt ``plaintext`` to the recipient and sign the whole file."""
    signer = Ed25519PrivateKey.from_private_bytes(signing_key)
    from cryptography.hazmat.primitives import serialization

    public = signer.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    name = cut_utf8(signer_name, MAX_NAME)  # a name cut inside a character cannot be read
    head = _FIXED.pack(
        kind.magic,
        kind.version,
        uuid.UUID(installation_id).bytes,
        public,
        seq,
        uuid.UUID(bundle_id).bytes,
        uuid.UUID(recipient_id).bytes,
        len(name),
    )
    head += name
    ciphertext = _SUITE.encrypt(
        plaintext, X25519PublicKey.from_public_bytes(recipient_key), info=kind.info + head
    )
    body = head + struct.pack(">Q", len(ciphertext)) + ciphertext
    return body + signer.sign(body)


def read_header(data: bytes, kind: FileKind = BUNDLE) -> Header:
    """The strict header check: magic, version, lengths that add up exactly."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRejected(Reason.TOO_LARGE, kind.too_large)
    if len(data) < _FIXED.size + 8 + SIGNATURE_SIZE:
        raise BundleRejected(Reason.TRUNCATED, kind.short)
    magic, version, inst, key, seq, bundle, recipient, n = _FIXED.unpack_from(data, 0)
    if magic != kind.magic:
        other = next((k for k in (BUNDLE, REPLY, HANDOVER, REPORT) if k.magic == magic), None)
        raise BundleRejected(
            Reason.NOT_A_BUNDLE,
            f"die Datei ist {kind.not_one}" + (f", sondern {other.is_one}" if other else ""),
        )
    if version != kind.version:
        raise BundleRejected(
            Reason.FORMAT_VERSION,
            f"{kind.it} hat das Format {version}, diese KIMdesk-Version liest Format {kind.version}",
        )
    if n > MAX_NAME:
        raise BundleRejected(
            Reason.HEADER_DAMAGED, f"der Kopf {kind.of_it} ist beschädigt (Name zu lang)"
        )
    name_end = _FIXED.size + n
    if len(data) < name_end + 8 + SIGNATURE_SIZE:
        raise BundleRejected(Reason.TRUNCATED, kind.short)
    try:
        name = data[_FIXED.size : name_end].decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(
            Reason.HEADER_DAMAGED, f"der Kopf {kind.of_it} ist beschädigt (Name)"
        ) from None
    (length,) = struct.unpack_from(">Q", data, name_end)
    offset = name_end + 8
    expected = offset + length + SIGNATURE_SIZE
    if expected != len(data):
        what = "abgeschnitten" if len(data) < expected else "mit angehängten Daten"
        raise BundleRejected(Reason.LENGTH_MISMATCH, f"die Länge der Datei stimmt nicht ({what})")
    if seq < 1:
        raise BundleRejected(
            Reason.HEADER_DAMAGED, f"der Kopf {kind.of_it} ist beschädigt (Laufnummer 0)"
        )
    if seq > MAX_SEQ:  # the stores hold 32-bit integers (PostgreSQL ``integer``)
        raise BundleRejected(
            Reason.HEADER_DAMAGED, f"der Kopf {kind.of_it} ist beschädigt (Laufnummer zu groß)"
        )
    return Header(
        version=version,
        installation_id=str(uuid.UUID(bytes=inst)),
        signer_key=key,
        seq=seq,
        bundle_id=str(uuid.UUID(bytes=bundle)),
        recipient_id=str(uuid.UUID(bytes=recipient)),
        signer_name=name,
        payload_offset=offset,
        payload_length=length,
    )


def verify(data: bytes, header: Header, enrolled_key: bytes) -> None:
    signed = data[: header.signed_length]
    signature = data[header.signed_length :]
    try:
        Ed25519PublicKey.from_public_bytes(enrolled_key).verify(signature, signed)
    except InvalidSignature:
        raise BundleRejected(
            Reason.BAD_SIGNATURE,
            "die Signatur ist ungültig: die Datei wurde nach dem Schreiben verändert",
        ) from None


def open_payload(
    data: bytes, header: Header, agreement_key: bytes, kind: FileKind = BUNDLE
) -> bytes:
    ciphertext = data[header.payload_offset : header.signed_length]
    head = data[: header.payload_offset - 8]
    try:
        return _SUITE.decrypt(
            ciphertext, X25519PrivateKey.from_private_bytes(agreement_key), info=kind.info + head
        )
    except (InvalidTag, ValueError):
        raise BundleRejected(
            Reason.UNDECRYPTABLE,
            f"{kind.it} lässt sich nicht entschlüsseln ({kind.elsewhere})",
        ) from None
