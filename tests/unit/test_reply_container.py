"""The office's reply to a device (issue 18): the bundle's container with its own magic and
HPKE ``info``, signed by the office and encrypted to the device's X25519 key."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kimdesk.domain.ids import uuid7
from kimdesk.sync import container
from kimdesk.sync.container import BUNDLE, REPLY
from kimdesk.sync.identity import KeyPairs
from kimdesk.sync.reasons import BundleRejected, Reason

OFFICE, DEVICE, OTHER = KeyPairs.generate(), KeyPairs.generate(), KeyPairs.generate()
OFFICE_ID, DEVICE_ID = uuid7(), uuid7()
PLAIN = b'{"reply_seq": 3}'


def sealed(kind=REPLY, *, to: KeyPairs = DEVICE, plaintext: bytes = PLAIN) -> bytes:
    return container.seal(
        installation_id=OFFICE_ID, signing_key=OFFICE.signing, signer_name="Kreis Rhein-Sieg",
        seq=3, bundle_id=uuid7(), recipient_id=DEVICE_ID, recipient_key=to.public_agreement(),
        plaintext=plaintext, kind=kind,
    )  # fmt: skip


def test_a_reply_is_read_by_its_device_with_the_offices_signature():
    data = sealed()
    assert data[:8] == b"KIMR\r\n\x1a\n"
    header = container.read_header(data, REPLY)
    assert (header.installation_id, header.recipient_id, header.seq) == (OFFICE_ID, DEVICE_ID, 3)
    container.verify(data, header, OFFICE.public_signing())
    assert container.open_payload(data, header, DEVICE.agreement, REPLY) == PLAIN


def test_a_reply_is_no_bundle_and_a_bundle_no_reply():
    with pytest.raises(BundleRejected) as refused:
        container.read_header(sealed(REPLY), BUNDLE)
    assert refused.value.code == Reason.NOT_A_BUNDLE and "kein KIMdesk-Bundle" in str(refused.value)
    with pytest.raises(BundleRejected) as refused:
        container.read_header(sealed(BUNDLE), REPLY)
    assert refused.value.code == Reason.NOT_A_BUNDLE
    assert "keine Antwort der Kreisstelle" in str(refused.value)


def test_a_reply_for_another_device_cannot_be_opened():
    data = sealed(to=OTHER)
    header = container.read_header(data, REPLY)
    container.verify(data, header, OFFICE.public_signing())  # genuine, but not for this device
    with pytest.raises(BundleRejected) as refused:
        container.open_payload(data, header, DEVICE.agreement, REPLY)
    assert refused.value.code == Reason.UNDECRYPTABLE
    assert "für ein anderes Gerät verschlüsselt?" in str(refused.value)


def test_a_reply_signed_by_someone_else_or_altered_is_refused():
    data = sealed()
    header = container.read_header(data, REPLY)
    with pytest.raises(BundleRejected) as refused:
        container.verify(data, header, DEVICE.public_signing())  # not the office's key
    assert refused.value.code == Reason.BAD_SIGNATURE
    altered = bytearray(data)
    altered[header.payload_offset + 40] ^= 1
    with pytest.raises(BundleRejected) as refused:
        container.verify(bytes(altered), header, OFFICE.public_signing())
    assert refused.value.code == Reason.BAD_SIGNATURE


def test_a_reply_payload_moved_under_a_bundle_header_does_not_open():
    """Even re-signed by someone holding the office's key, the kind is part of the HPKE
    ``info``: a reply's payload does not open as a bundle's, nor the other way round."""
    data = sealed()
    header = container.read_header(data, REPLY)
    body = BUNDLE.magic + data[8 : header.signed_length]
    forged = body + Ed25519PrivateKey.from_private_bytes(OFFICE.signing).sign(body)
    moved = container.read_header(forged, BUNDLE)
    container.verify(forged, moved, OFFICE.public_signing())
    with pytest.raises(BundleRejected) as refused:
        container.open_payload(forged, moved, DEVICE.agreement, BUNDLE)
    assert refused.value.code == Reason.UNDECRYPTABLE
