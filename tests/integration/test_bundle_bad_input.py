"""Bad bundles at the office: each is rejected with a clear reason and changes nothing.

docs/sync.md ("What the office checks, in this order"): size cap → strict header → known
signer and valid signature → decryption → manifest hashes and counts → strict JSON → schema
version → sequence, then one transaction.
The content-level attacks are sealed with the real case manager key, so the signature is valid
and only the content is bad.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import tarfile
import tracemalloc
import unicodedata
import uuid
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kimdesk.domain.ids import uuid7
from kimdesk.services import sync
from kimdesk.store.models import Base
from kimdesk.sync import container, wire
from kimdesk.sync.identity import Identity
from kimdesk.sync.reasons import BundleRejected, Reason

from ..conftest import OFFICE_PASS
from .bundle_craft import (
    COUNT_KEYS,
    COUNT_ORDER,
    assert_reasons,
    assert_rejected,
    dump,
    line,
    manifest_dict,
    plaintext,
    rejection,
)

BUNDLE_ORDER = ["file", "status", "reason", "reason_code", "installation", "seq", "counts",
                "warnings"]  # fmt: skip

# -- the crafting itself is sound --------------------------------------------------------------


def test_a_crafted_bundle_with_honest_content_is_imported(enrolled_office_ws, crafter):
    summary = sync.merge_bundles(enrolled_office_ws, [crafter.bundle()])
    (report,) = summary.bundles
    assert report.status == "imported", report.reason
    assert report.counts["created"] == 3


# -- damaged files -------------------------------------------------------------------------------


def _expected_for_offset(offset: int, header: container.Header) -> tuple[Reason, ...]:
    name_start = container._FIXED.size
    if offset < 8:
        return (Reason.NOT_A_BUNDLE,)
    if offset < 10:
        return (Reason.FORMAT_VERSION,)
    if offset < 26:
        return (Reason.UNKNOWN_SIGNER,)
    if offset < 58:
        return (Reason.KEY_MISMATCH,)
    if offset < 66:  # the sequence number: 0 or too large, else the signature
        return (Reason.BAD_SIGNATURE, Reason.HEADER_DAMAGED)
    if offset < name_start - 1:
        return (Reason.BAD_SIGNATURE,)
    if offset == name_start - 1:  # the name length
        return (Reason.HEADER_DAMAGED, Reason.LENGTH_MISMATCH, Reason.TRUNCATED)
    if offset < header.payload_offset - 8:
        return (Reason.BAD_SIGNATURE, Reason.HEADER_DAMAGED)
    if offset < header.payload_offset:
        return (Reason.LENGTH_MISMATCH,)
    return (Reason.BAD_SIGNATURE,)


def test_bit_flips_anywhere_are_rejected(enrolled_office_ws, bundle, tmp_path):
    office = enrolled_office_ws
    data = bundle.read_bytes()
    header = container.read_header(data)
    assert len(data) < 2000  # small enough to flip every 7th byte
    offsets = sorted({*range(0, len(data), 7), *range(0, 110), len(data) - 1})
    folder = tmp_path / "flipped"
    folder.mkdir()
    paths = {}
    for offset in offsets:
        damaged = bytearray(data)
        damaged[offset] ^= 1 << (offset % 8)
        paths[offset] = folder / f"flip-{offset:05d}.kimb"
        paths[offset].write_bytes(bytes(damaged))
    before = dump(office)
    summary = sync.merge_bundles(office, list(paths.values()))
    for offset, report in zip(paths, summary.bundles, strict=True):
        assert report.status == "rejected", offset
        assert report.reason_code in _expected_for_offset(offset, header), (
            offset,
            report.reason,
        )
    assert dump(office) == before
    # The undamaged bundle is still good: the rejections were about the damage.
    assert sync.merge_bundles(office, [bundle]).bundles[0].status == "imported"


def test_truncated_files_are_rejected(enrolled_office_ws, bundle, tmp_path):
    data = bundle.read_bytes()
    header = container.read_header(data)
    cuts = sorted(
        {
            0,
            1,
            8,
            50,
            container._FIXED.size,
            header.payload_offset - 8,
            header.payload_offset,
            len(data) // 2,
            len(data) - 64,
            len(data) - 1,
        }
    )
    paths = []
    for cut in cuts:
        path = tmp_path / f"cut-{cut:05d}.kimb"
        path.write_bytes(data[:cut])
        paths.append(path)
    summary = assert_rejected(enrolled_office_ws, paths, Reason.TRUNCATED, Reason.LENGTH_MISMATCH)
    assert summary.bundles[0].reason_code == Reason.TRUNCATED  # the empty file


def test_empty_file_is_rejected(enrolled_office_ws, tmp_path):
    empty = tmp_path / "empty.kimb"
    empty.write_bytes(b"")
    assert_rejected(enrolled_office_ws, [empty], Reason.TRUNCATED)


def test_random_bytes_are_rejected(enrolled_office_ws, tmp_path):
    paths = []
    for size in (10, 171, 1000, 100_000):
        path = tmp_path / f"random-{size}.kimb"
        path.write_bytes(os.urandom(size))
        paths.append(path)
    assert_rejected(enrolled_office_ws, paths, Reason.NOT_A_BUNDLE, Reason.TRUNCATED)


def test_appended_bytes_are_rejected(enrolled_office_ws, bundle, tmp_path):
    data = bundle.read_bytes()
    paths = []
    for i, extra in enumerate((b"\x00", b"\n", os.urandom(64), data)):
        path = tmp_path / f"appended-{i}.kimb"
        path.write_bytes(data + extra)
        paths.append(path)
    assert_rejected(enrolled_office_ws, paths, Reason.LENGTH_MISMATCH)


def test_header_lengths_that_do_not_add_up(enrolled_office_ws, bundle, tmp_path):
    data = bundle.read_bytes()
    header = container.read_header(data)
    at = header.payload_offset - 8
    huge = tmp_path / "huge-length.kimb"
    huge.write_bytes(data[:at] + struct.pack(">Q", 2**64 - 1) + data[at + 8 :])
    long_name = tmp_path / "long-name.kimb"
    long_name.write_bytes(data[:98] + bytes([255]) + data[99:])
    assert_rejected(enrolled_office_ws, [huge], Reason.LENGTH_MISMATCH)
    assert_rejected(enrolled_office_ws, [long_name], Reason.HEADER_DAMAGED)


def test_a_future_container_format_is_rejected(enrolled_office_ws, bundle, tmp_path):
    data = bundle.read_bytes()
    future = tmp_path / "future.kimb"
    future.write_bytes(data[:8] + struct.pack(">H", 2) + data[10:])
    assert_rejected(enrolled_office_ws, [future], Reason.FORMAT_VERSION)


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """Work from a nested folder, so ``../../evil`` would land in ``tmp_path``."""
    cwd = tmp_path / "a" / "b"
    cwd.mkdir(parents=True)
    monkeypatch.chdir(cwd)
    return cwd


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_archives_with_path_traversal_are_not_bundles(enrolled_office_ws, tmp_path, elsewhere):
    zipped = elsewhere / "bundle.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("../../evil", b"#!/bin/sh\necho owned\n" * 20)
        zf.writestr("/tmp/evil-absolute", b"x" * 300)
    tarred = elsewhere / "bundle.tar"
    with tarfile.open(tarred, "w") as tf:
        payload = b"#!/bin/sh\necho owned\n" * 20
        info = tarfile.TarInfo("../../evil")
        info.size = len(payload)
        tf.addfile(info, io.BytesIO(payload))
        link = tarfile.TarInfo("../../evil-link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
    # Under the bundle suffix too: the name must not matter.
    renamed = elsewhere / "looks-like.kimb"
    renamed.write_bytes(zipped.read_bytes())
    files = _listing(tmp_path)

    assert_rejected(enrolled_office_ws, [zipped, tarred, renamed], Reason.NOT_A_BUNDLE)

    assert not (tmp_path / "evil").exists() and not (tmp_path / "evil-link").exists()
    assert not Path("/tmp/evil-absolute").exists()
    # Only the office store's own files may have changed; nothing new beside the archives.
    new = _listing(tmp_path) - files
    assert {Path(n).name for n in new} <= {"office.kdb-wal", "office.kdb-shm", "office.kdb-journal"}


def test_a_directory_is_not_a_bundle(enrolled_office_ws, tmp_path):
    folder = tmp_path / "folder.kimb"
    folder.mkdir()
    assert_rejected(enrolled_office_ws, [folder], Reason.NOT_A_FILE)


def test_a_missing_file_is_rejected(enrolled_office_ws, tmp_path):
    assert_rejected(enrolled_office_ws, [tmp_path / "nowhere.kimb"], Reason.MISSING)


# -- signer and recipient ----------------------------------------------------------------------


def _fresh_signing_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def test_a_bundle_from_a_device_that_is_not_enrolled(office_ws, bundle):
    """A genuine bundle at an office that never enrolled the device."""
    summary = assert_rejected(office_ws, [bundle], Reason.UNKNOWN_SIGNER)
    assert "CM-07 Troisdorf" in summary.bundles[0].reason  # names the claimed device
    assert "Fingerabdruck" in summary.bundles[0].reason


def test_a_stranger_with_its_own_key(enrolled_office_ws, crafter):
    stranger = _fresh_signing_key()
    other_id = str(uuid.uuid4())
    path = crafter.bundle(
        manifest={"installation_id": other_id},
        installation_id=other_id,
        signing_key=stranger,
        signer_name="Fremdes Gerät",
    )
    assert_rejected(enrolled_office_ws, [path], Reason.UNKNOWN_SIGNER)


def test_a_strangers_name_cannot_put_control_characters_into_the_reason(
    enrolled_office_ws, crafter
):
    other_id = str(uuid.uuid4())
    path = crafter.bundle(
        manifest={"installation_id": other_id},
        installation_id=other_id,
        signing_key=_fresh_signing_key(),
        signer_name="X\nkimdesk-1.kimb: übernommen\x1b[2J",
    )
    summary = assert_rejected(enrolled_office_ws, [path], Reason.UNKNOWN_SIGNER)
    assert not any(unicodedata.category(c) == "Cc" for c in summary.bundles[0].reason)


def test_an_enrolled_device_id_with_another_key(enrolled_office_ws, crafter):
    path = crafter.bundle(signing_key=_fresh_signing_key())
    summary = assert_rejected(enrolled_office_ws, [path], Reason.KEY_MISMATCH)
    assert "CM-07 Troisdorf" in summary.bundles[0].reason


def test_the_enrolled_public_key_in_the_header_with_a_foreign_signature(
    enrolled_office_ws, crafter, cm_ws
):
    """The header names the enrolled key, but another key signed: the signature fails."""
    attacker = _fresh_signing_key()
    data = crafter.bundle(signing_key=attacker).read_bytes()
    enrolled = Ed25519PrivateKey.from_private_bytes(cm_ws.installation.signing_key).public_key()
    raw = enrolled.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    body = data[:26] + raw + data[58:-64]
    forged = crafter.folder / "forged.kimb"
    forged.write_bytes(body + Ed25519PrivateKey.from_private_bytes(attacker).sign(body))
    assert_rejected(enrolled_office_ws, [forged], Reason.BAD_SIGNATURE)


def test_a_bundle_for_another_office(enrolled_office_ws, crafter, templates):
    office2 = Identity.read(templates / "office2.json")
    to_other = crafter.bundle(
        recipient_id=office2.installation_id, recipient_key=office2.encryption_key
    )
    assert_rejected(enrolled_office_ws, [to_other], Reason.WRONG_RECIPIENT)


def test_the_right_office_id_but_another_offices_key(enrolled_office_ws, crafter, templates):
    office2 = Identity.read(templates / "office2.json")
    wrong_key = crafter.bundle(recipient_key=office2.encryption_key)
    assert_rejected(enrolled_office_ws, [wrong_key], Reason.UNDECRYPTABLE)


def test_a_valid_signature_over_a_payload_moved_under_another_header(enrolled_office_ws, crafter):
    """The HPKE info binds the header: re-signing a payload under a changed seq fails."""
    data = crafter.bundle(seq=5).read_bytes()
    header = container.read_header(data)
    body = bytearray(data[:-64])
    body[58:66] = struct.pack(">Q", 6)
    key = Ed25519PrivateKey.from_private_bytes(crafter.cm.signing_key)
    moved = crafter.folder / "moved.kimb"
    moved.write_bytes(bytes(body) + key.sign(bytes(body)))
    assert container.read_header(moved.read_bytes()).seq == header.seq + 1
    assert_rejected(enrolled_office_ws, [moved], Reason.UNDECRYPTABLE)


# -- content behind a valid signature -----------------------------------------------------------


def _with_line(crafter, index: int, text: bytes) -> list[tuple[str, bytes]]:
    lines = crafter.lines()
    lines[index] = (lines[index][0], text)
    return lines


def _index(crafter, entity: str) -> int:
    return next(i for i, (e, _) in enumerate(crafter.records) if e == entity)


def test_duplicate_keys_are_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "client")
    text = crafter.lines()[i][1]
    # The same key twice, the second value would win in a lax parser.
    dup = b'{"gender":"m",' + text[1:]
    assert text.count(b'"gender"') == 1 and dup.count(b'"gender"') == 2
    path = crafter.bundle(_with_line(crafter, i, dup))
    assert_rejected(enrolled_office_ws, [path], Reason.STRICT_JSON)


def test_nan_infinity_and_fractions_are_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "consultation")
    cases = {}
    for value in (b"NaN", b"Infinity", b"-Infinity", b"30.5", b"3e1", b"30.0"):
        text = crafter.lines()[i][1].replace(b'"duration_min":30', b'"duration_min":' + value)
        assert value in text
        cases[crafter.bundle(_with_line(crafter, i, text))] = Reason.STRICT_JSON
    assert_reasons(enrolled_office_ws, cases)


def test_deep_nesting_is_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "client")
    deep = b"[" * 30_000 + b"]" * 30_000  # under the line cap: the depth is what fails
    inside = crafter.lines()[i][1][:-1] + b',"x":' + b"[" * 20_000 + b"]" * 20_000 + b"}"
    paths = [
        crafter.bundle(_with_line(crafter, i, deep)),
        crafter.bundle(_with_line(crafter, i, inside)),
    ]
    assert_rejected(enrolled_office_ws, paths, Reason.STRICT_JSON)


def test_100000_nested_lists_are_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "client")
    deep = b"[" * 100_000 + b"]" * 100_000
    path = crafter.bundle(_with_line(crafter, i, deep))
    # Twice the line cap: the size check stops it before the parser sees any nesting.
    assert_rejected(enrolled_office_ws, [path], Reason.RECORD_TOO_LARGE)


def test_a_record_line_over_the_size_cap_is_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "consultation")
    record = dict(crafter.records[i][1], language="x" * (wire.MAX_LINE + 10))
    path = crafter.bundle(_with_line(crafter, i, line(record)))
    assert_rejected(enrolled_office_ws, [path], Reason.RECORD_TOO_LARGE)


def test_a_long_field_under_the_line_cap_is_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "consultation")
    record = dict(crafter.records[i][1], language="x" * 5000)
    path = crafter.bundle(_with_line(crafter, i, line(record)))
    assert_rejected(enrolled_office_ws, [path], Reason.RECORD_INVALID)


def test_absurd_counts_in_the_manifest(enrolled_office_ws, crafter):
    cases = {}
    for count in (10**12, -1, wire.MAX_RECORDS + 1, 2**64):

        def change(m, count=count):
            m["entities"]["consultation"]["count"] = count

        cases[crafter.bundle(manifest=change)] = Reason.MANIFEST_INVALID
    assert_reasons(enrolled_office_ws, cases)


def test_a_manifest_count_higher_than_the_records(enrolled_office_ws, crafter):
    def more(m):
        m["entities"]["consultation"]["count"] += 1

    path = crafter.bundle(manifest=more)
    assert_rejected(enrolled_office_ws, [path], Reason.COUNT_MISMATCH)


def test_a_manifest_count_lower_than_the_records(enrolled_office_ws, crafter):
    def fewer(m):
        m["entities"]["consultation"] = {"count": 0, "sha256": hashlib.sha256().hexdigest()}

    path = crafter.bundle(manifest=fewer)
    assert_rejected(enrolled_office_ws, [path], Reason.COUNT_MISMATCH)


def test_a_count_that_shifts_records_into_the_wrong_entity(enrolled_office_ws, crafter):
    def shifted(m):
        m["entities"]["client"]["count"] += 1

    path = crafter.bundle(manifest=shifted)
    # The case record is read as a client: its fields do not belong there.
    assert_rejected(enrolled_office_ws, [path], Reason.RECORD_INVALID)


def test_a_manifest_hash_that_disagrees(enrolled_office_ws, crafter):
    def other_hash(m):
        m["entities"]["case"]["sha256"] = hashlib.sha256(b"something else").hexdigest()

    path = crafter.bundle(manifest=other_hash)
    assert_rejected(enrolled_office_ws, [path], Reason.HASH_MISMATCH)


def test_a_record_changed_after_the_manifest(enrolled_office_ws, crafter):
    i = _index(crafter, "consultation")
    lines = crafter.lines()
    changed = line(dict(crafter.records[i][1], duration_min=31))
    lines_changed = _with_line(crafter, i, changed)
    m = manifest_dict(lines, bundle_id="x", installation_id="x", seq=1)["entities"]

    def stale_hashes(manifest):
        manifest["entities"] = m

    path = crafter.bundle(lines_changed, manifest=stale_hashes)
    assert_rejected(enrolled_office_ws, [path], Reason.HASH_MISMATCH)


def _clients(n: int) -> list[dict]:
    return [
        dict(
            {f.name: None for f in wire.FIELDS["client"]},
            id=uuid7(),
            version=1,
            origin="",
            updated_at="2025-01-01T00:00:00.000000Z",
            deleted=False,
            gender="w",
            nationality="SY",
            residence_group="unknown",
            arrival_band="unknown",
            minors="0",
            age_group="unknown",
        )
        for _ in range(n)
    ]


def test_records_out_of_id_order(enrolled_office_ws, crafter):
    a, b = sorted(_clients(2), key=lambda r: r["id"])
    for r in (a, b):
        r["origin"] = crafter.cm.id
    ordered = crafter.bundle([("client", line(a)), ("client", line(b))])
    backwards = crafter.bundle([("client", line(b)), ("client", line(a))])
    duplicate = crafter.bundle([("client", line(a)), ("client", line(a))])
    assert_rejected(enrolled_office_ws, [backwards, duplicate], Reason.RECORD_ORDER)
    # The same records in order are fine: it was the order.
    assert sync.merge_bundles(enrolled_office_ws, [ordered]).bundles[0].status == "imported"


def test_unknown_fields_are_rejected(enrolled_office_ws, crafter):
    cases = {}
    for entity, key in [
        ("client", "surprise"),
        ("client", "given_name"),  # a local personal field has no place in a bundle
        ("client", "birth_date"),
        ("consultation", "notes"),
        ("case", "change_seq"),
    ]:
        i = _index(crafter, entity)
        record = dict(crafter.records[i][1], **{key: "x"})
        path = crafter.bundle(_with_line(crafter, i, line(record)))
        cases[path] = Reason.RECORD_INVALID
    assert_reasons(enrolled_office_ws, cases)


def test_bad_values_are_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "consultation")
    cases = {}
    for field, value, code in [
        ("id", "not-a-uuid", Reason.RECORD_INVALID),
        ("id", 7, Reason.RECORD_INVALID),
        ("version", 0, Reason.RECORD_INVALID),
        ("version", 2**60, Reason.RECORD_INVALID),
        ("version", True, Reason.RECORD_INVALID),
        ("deleted", 0, Reason.RECORD_INVALID),
        ("updated_at", "2025-01-01T00:00:00", Reason.RECORD_INVALID),
        ("updated_at", 1700000000, Reason.RECORD_INVALID),
        ("occurred_on", "2024-5-6", Reason.RECORD_INVALID),
        ("occurred_on", "2024-02-30", Reason.RECORD_INVALID),
        ("municipality", None, Reason.RECORD_INVALID),
        ("municipality", "a\x00b", Reason.RECORD_INVALID),
        ("municipality", ["05382068"], Reason.RECORD_INVALID),
        ("topics", "wohnen", Reason.RECORD_INVALID),
        ("topics", ["wohnen", "wohnen"], Reason.RECORD_INVALID),
        ("topics", [1], Reason.RECORD_INVALID),
        ("topics", ["x"] * 31, Reason.RECORD_INVALID),
        ("referrals", [{"target": "jc_afa"}], Reason.RECORD_INVALID),
        (
            "referrals",
            [{"target": "jc_afa", "accompanied": 1, "outcome": "open"}],
            Reason.RECORD_INVALID,
        ),
    ]:
        record = dict(crafter.records[i][1], **{field: value})
        cases[crafter.bundle(_with_line(crafter, i, line(record)))] = code
    assert_reasons(enrolled_office_ws, cases)


def test_lone_surrogates_are_rejected(enrolled_office_ws, crafter):
    """``\\ud800`` is valid JSON text but no storable string: it must not crash the merge."""
    i = _index(crafter, "consultation")
    text = crafter.lines()[i][1]
    cases = {}
    for old, new, code in [
        (b'"municipality":"05382068"', b'"municipality":"\\ud800"', Reason.STRICT_JSON),
        (b'"topics":["wohnen"]', b'"topics":["\\udfff"]', Reason.STRICT_JSON),
        (b'"target":"jc_afa"', b'"target":"jc\\ud800"', Reason.STRICT_JSON),
        (b'"deleted":false', b'"deleted":false,"\\ud800":1', Reason.STRICT_JSON),
        (b'"kind":"einmalig"', b'"kind":"\xed\xa0\x80"', Reason.STRICT_JSON),  # encoded raw
    ]:
        assert old in text
        cases[crafter.bundle(_with_line(crafter, i, text.replace(old, new)))] = code
    summary = assert_reasons(enrolled_office_ws, cases)
    for report in summary.bundles:  # the reason can be printed and written as UTF-8
        report.reason.encode("utf-8")
        json.dumps(report.as_json(), ensure_ascii=False).encode("utf-8")


def test_a_record_that_is_not_an_object(enrolled_office_ws, crafter):
    i = _index(crafter, "client")
    paths = [crafter.bundle(_with_line(crafter, i, text)) for text in (b"[]", b"1", b'"x"')]
    assert_rejected(enrolled_office_ws, paths, Reason.RECORD_INVALID)


def test_a_missing_required_field_is_rejected(enrolled_office_ws, crafter):
    i = _index(crafter, "consultation")
    record = dict(crafter.records[i][1])
    del record["municipality"]
    path = crafter.bundle(_with_line(crafter, i, line(record)))
    assert_rejected(enrolled_office_ws, [path], Reason.RECORD_INVALID)


def test_a_schema_version_from_the_future(enrolled_office_ws, crafter):
    path = crafter.bundle(manifest={"schema_version": 999})
    summary = assert_rejected(enrolled_office_ws, [path], Reason.SCHEMA_NEWER)
    assert "Schema 999" in summary.bundles[0].reason


def test_manifest_disagreeing_with_the_header(enrolled_office_ws, crafter):
    cases = {}
    for change in (
        {"bundle_id": "0190a1b2-0000-7000-8000-000000000000"},
        {"seq": 2},
        {"seq": 0},
        {"installation_id": "0190a1b2-0000-7000-8000-000000000001"},
    ):
        path = crafter.bundle(manifest=change, seq=1)
        cases[path] = Reason.MANIFEST_MISMATCH
    assert_reasons(enrolled_office_ws, cases)


def test_sequence_numbers_the_store_cannot_hold(enrolled_office_ws, crafter):
    """A signed header may carry any 64-bit number; the stores hold 32-bit ones (PostgreSQL)."""
    cases = {crafter.bundle(seq=seq): Reason.HEADER_DAMAGED for seq in (2**31, 2**63, 2**64 - 1)}
    assert_reasons(enrolled_office_ws, cases)


def test_broken_manifests(enrolled_office_ws, crafter):
    cases = {}
    for manifest, code in [
        (b"", Reason.STRICT_JSON),
        (b"[]", Reason.MANIFEST_INVALID),
        (b'{"format":"x"}', Reason.MANIFEST_INVALID),
        (b'{"a":1,"a":1}', Reason.STRICT_JSON),
        (b"\xff\xfe", Reason.STRICT_JSON),
        (b"[" * 5000 + b"]" * 5000, Reason.STRICT_JSON),
    ]:
        crafter.seq += 1
        path = crafter.folder / f"manifest-{crafter.seq}.kimb"
        plain = plaintext(manifest, zlib.compress(b""))
        path.write_bytes(crafter.seal(plain, seq=crafter.seq, bundle_id=uuid7()))
        cases[path] = code
    assert_reasons(enrolled_office_ws, cases)


_ID_A, _ID_B = "0190a0a0-0000-7000-8000-00000000000a", "0190a0a0-0000-7000-8000-00000000000b"


def _note(**changed) -> dict:
    """A manifest's entry for a handover package (version 5)."""
    return {"handover_id": _ID_A, "receiver_id": _ID_B, "length": 10, "sha256": "a" * 64} | changed


def test_manifest_fields_are_checked(enrolled_office_ws, crafter):
    def entity_count(value):
        def change(m):
            m["entities"]["goal"]["count"] = value

        return change

    def entity_hash(m):
        m["entities"]["goal"]["sha256"] = "ABC"

    cases = {}
    for change, code in [
        ({"format": "other"}, Reason.MANIFEST_INVALID),
        ({"version": 7}, Reason.MANIFEST_INVALID),  # a later format
        ({"version": 4}, Reason.MANIFEST_INVALID),  # version 4 has no handovers nor taken
        ({"handovers": {}}, Reason.MANIFEST_INVALID),
        ({"handovers": [{}]}, Reason.MANIFEST_INVALID),
        ({"handovers": [_note(length=0)]}, Reason.MANIFEST_INVALID),
        ({"handovers": [_note(length=True)]}, Reason.MANIFEST_INVALID),
        ({"handovers": [_note(receiver_id="../x")]}, Reason.MANIFEST_INVALID),
        ({"handovers": [_note(sha256="A" * 64)]}, Reason.MANIFEST_INVALID),
        ({"handovers": [_note(), _note()]}, Reason.MANIFEST_INVALID),  # one package twice
        ({"handovers": [_note()]}, Reason.COUNT_MISMATCH),  # named, not carried
        ({"taken": None}, Reason.MANIFEST_INVALID),
        ({"taken": ["not an id"]}, Reason.MANIFEST_INVALID),
        ({"taken": [_ID_B, _ID_A]}, Reason.MANIFEST_INVALID),  # out of order
        ({"taken": [_ID_A, _ID_A]}, Reason.MANIFEST_INVALID),
        ({"taken": [_ID_A] * 301}, Reason.MANIFEST_INVALID),
        ({"profile_version": 0}, Reason.MANIFEST_INVALID),
        ({"profile_version": "2"}, Reason.MANIFEST_INVALID),
        ({"version": 1}, Reason.MANIFEST_INVALID),  # version 1 has no key nor reply number
        ({"agreement_key": "AAAA"}, Reason.MANIFEST_INVALID),  # not 32 bytes
        ({"agreement_key": "!" * 44}, Reason.MANIFEST_INVALID),
        ({"agreement_key": 5}, Reason.MANIFEST_INVALID),
        ({"reply_seq": -1}, Reason.MANIFEST_INVALID),
        ({"reply_seq": True}, Reason.MANIFEST_INVALID),
        ({"created_at": "gestern"}, Reason.MANIFEST_INVALID),
        ({"created_at": 5}, Reason.MANIFEST_INVALID),
        ({"created_at": None}, Reason.MANIFEST_INVALID),
        ({"created_at": ["2025-01-02T03:04:05.000000Z"]}, Reason.MANIFEST_INVALID),
        ({"seq": "1"}, Reason.MANIFEST_INVALID),
        ({"seq": True}, Reason.MANIFEST_INVALID),
        ({"change_to": 1.5}, Reason.STRICT_JSON),
        ({"full": "yes"}, Reason.MANIFEST_INVALID),
        ({"bundle_id": "../../evil"}, Reason.MANIFEST_INVALID),
        ({"installation_id": None}, Reason.MANIFEST_INVALID),
        ({"entities": {}}, Reason.MANIFEST_INVALID),
        ({"entities": []}, Reason.MANIFEST_INVALID),
        ({"extra": 1}, Reason.MANIFEST_INVALID),
        (entity_count("1"), Reason.MANIFEST_INVALID),
        (entity_count(False), Reason.MANIFEST_INVALID),
        (entity_hash, Reason.MANIFEST_INVALID),
    ]:
        cases[crafter.bundle(manifest=change)] = code
    assert_reasons(enrolled_office_ws, cases)


def test_manifest_length_prefix_out_of_bounds(enrolled_office_ws, crafter):
    cases = {}
    for plain, code in [
        (b"", Reason.MANIFEST_INVALID),
        (b"\x00\x00", Reason.MANIFEST_INVALID),
        (
            struct.pack(">I", 2**32 - 1) + b"{}",
            Reason.MANIFEST_INVALID,
        ),
        (
            struct.pack(">I", wire.MAX_MANIFEST + 1) + b"x" * (wire.MAX_MANIFEST + 1),
            Reason.MANIFEST_INVALID,
        ),
    ]:
        crafter.seq += 1
        path = crafter.folder / f"prefix-{crafter.seq}.kimb"
        path.write_bytes(crafter.seal(plain, seq=crafter.seq, bundle_id=uuid7()))
        cases[path] = code
    assert_reasons(enrolled_office_ws, cases)


def test_a_zlib_bomb_is_rejected_without_much_memory(enrolled_office_ws, crafter):
    squeeze = zlib.compressobj(9)
    block = b"a" * (1 << 20)
    parts = [squeeze.compress(b'{"id":"')]
    parts += [squeeze.compress(block) for _ in range(256)]
    stream = b"".join(parts) + squeeze.flush()
    assert len(stream) < 1 << 20  # 256 MiB of plaintext in well under a MiB
    path = crafter.bundle([("client", b"{}")], stream=stream)
    tracemalloc.start()
    try:
        report = rejection(enrolled_office_ws, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.reason_code == Reason.RECORD_TOO_LARGE
    assert peak < 40 << 20, peak


def test_a_zlib_bomb_of_many_lines_stops_after_the_manifest_count(enrolled_office_ws, crafter):
    squeeze = zlib.compressobj(9)
    block = b"{}\n" * (1 << 18)
    stream = b"".join(squeeze.compress(block) for _ in range(256)) + squeeze.flush()
    path = crafter.bundle([], stream=stream)  # the manifest says: no records at all
    tracemalloc.start()
    try:
        report = rejection(enrolled_office_ws, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.reason_code == Reason.COUNT_MISMATCH
    assert peak < 40 << 20, peak


def test_trailing_data_after_the_zlib_stream(enrolled_office_ws, crafter):
    paths = [crafter.bundle(tail=tail) for tail in (b"\x00", b"garbage", zlib.compress(b"{}\n"))]
    assert_rejected(enrolled_office_ws, paths, Reason.PAYLOAD_DAMAGED)


def test_a_damaged_or_unfinished_zlib_stream(enrolled_office_ws, crafter):
    good = zlib.compress(b"".join(t + b"\n" for _, t in crafter.lines()))
    broken = crafter.bundle(stream=b"not zlib at all")
    cut = crafter.bundle(stream=good[: len(good) // 2])
    assert_rejected(enrolled_office_ws, [broken, cut], Reason.PAYLOAD_DAMAGED)


def test_a_record_without_its_newline(enrolled_office_ws, crafter):
    text = b"".join(t + b"\n" for _, t in crafter.lines())[:-1]
    path = crafter.bundle(stream=zlib.compress(text))
    assert_rejected(enrolled_office_ws, [path], Reason.PAYLOAD_DAMAGED)


# -- replay and mixed merges --------------------------------------------------------------------


def test_the_same_bundle_twice_changes_nothing_the_second_time(
    enrolled_office_ws, bundle, tmp_path
):
    office = enrolled_office_ws
    first = sync.merge_bundles(office, [bundle]).bundles[0]
    assert first.status == "imported" and first.counts["created"] == 3
    after_first = dump(office)
    copy = tmp_path / "copy-under-another-name.kimb"
    copy.write_bytes(bundle.read_bytes())

    again = sync.merge_bundles(office, [bundle, copy])

    assert [b.status for b in again.bundles] == ["already_imported", "already_imported"]
    assert all(b.reason is None for b in again.bundles)
    assert all(b.counts == dict.fromkeys(COUNT_KEYS, 0) for b in again.bundles)
    assert not again.any_rejected
    assert dump(office) == after_first


def test_the_same_bundle_twice_in_one_merge(enrolled_office_ws, bundle):
    summary = sync.merge_bundles(enrolled_office_ws, [bundle, bundle])
    assert [b.status for b in summary.bundles] == ["imported", "already_imported"]
    assert summary.totals["created"] == 3


def test_one_good_and_one_tampered_bundle(enrolled_office_ws, bundle, tmp_path):
    office = enrolled_office_ws
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x40
    tampered = tmp_path / "tampered.kimb"
    tampered.write_bytes(bytes(data))
    with office.store.connect() as conn:
        audit_before = len(conn.execute(select(Base.metadata.tables["audit"])).all())

    summary = sync.merge_bundles(office, [tampered, bundle, tampered])

    assert [b.status for b in summary.bundles] == ["rejected", "imported", "rejected"]
    assert summary.bundles[0].reason_code == Reason.BAD_SIGNATURE
    assert summary.totals == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "stale": 0,
        "deleted": 0,
        "conflicts": 0,
        "rejected": 2,
    }
    with office.store.connect() as conn:
        bundles_in = conn.execute(select(Base.metadata.tables["bundle_in"])).all()
        audit_after = len(conn.execute(select(Base.metadata.tables["audit"])).all())
    assert len(bundles_in) == 1
    assert audit_after == audit_before + 1  # only the good bundle's merge


def test_cli_merge_reports_the_rejection_as_json(enrolled_office_ws, bundle, tmp_path, cli, cm_ws):
    cm_id = cm_ws.installation.id
    data = bytearray(bundle.read_bytes())
    data[-1] ^= 1
    tampered = tmp_path / "tampered.kimb"
    tampered.write_bytes(bytes(data))
    store = enrolled_office_ws.path
    enrolled_office_ws.close()

    code, out, err = cli(
        "merge", "--store", store, "--json", bundle, tampered, passphrase=OFFICE_PASS
    )

    assert code == 1
    assert "Traceback" not in err and "Unerwarteter Fehler" not in err
    result = json.loads(out)
    # Exactly the structure of docs/sync.md ("Summary format"), in its order.
    assert list(result) == ["bundles", "totals"]
    assert list(result["totals"]) == [*COUNT_ORDER, "rejected"]
    good, bad = result["bundles"]
    for item in (good, bad):
        assert list(item) == BUNDLE_ORDER
        assert list(item["counts"]) == COUNT_ORDER
        assert all(isinstance(v, int) for v in item["counts"].values())
        assert isinstance(item["warnings"], list)
        assert item["installation"] == cm_id
        assert item["file"] in (str(bundle), str(tampered))
    assert good["status"] == "imported" and good["reason"] is None and good["seq"] == 1
    assert good["counts"]["created"] == 3 and good["file"] == str(bundle)
    assert bad["status"] == "rejected" and bad["reason_code"] == "bad_signature" and bad["reason"]
    assert result["totals"]["rejected"] == 1 and result["totals"]["created"] == 3


def test_cli_merge_of_garbage_only(enrolled_office_ws, tmp_path, cli):
    junk = tmp_path / "junk.kimb"
    junk.write_bytes(os.urandom(500))
    store = enrolled_office_ws.path
    enrolled_office_ws.close()
    code, out, err = cli(
        "merge",
        "--store",
        store,
        "--json",
        junk,
        tmp_path / "gone.kimb",
        tmp_path,
        passphrase=OFFICE_PASS,
    )
    assert code == 1
    assert "Traceback" not in err
    result = json.loads(out)
    assert [b["status"] for b in result["bundles"]] == ["rejected"] * 3
    assert result["totals"]["rejected"] == 3


# -- fuzzing ---------------------------------------------------------------------------------------

_OPS = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 20), st.integers(0, 7)),
    st.tuples(st.just("insert"), st.integers(0, 1 << 20), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 1 << 20), st.integers(1, 16)),
    st.tuples(st.just("truncate"), st.integers(0, 1 << 20), st.just(0)),
)


def mutate(data: bytes, ops) -> bytes:
    out = bytearray(data)
    for op, where, arg in ops:
        at = where % (len(out) + 1)
        if op == "flip" and at < len(out):
            out[at] ^= 1 << arg
        elif op == "insert":
            out[at:at] = arg
        elif op == "delete":
            del out[at : at + arg]
        elif op == "truncate":
            del out[at:]
    return bytes(out)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(_OPS, min_size=1, max_size=4))
def test_fuzzed_bundles_are_rejected_and_change_nothing(enrolled_office_ws, bundle, ops):
    office = enrolled_office_ws
    data = bundle.read_bytes()
    mutated = mutate(data, ops)
    target = bundle.with_name("fuzzed.kimb")
    target.write_bytes(mutated)
    before = dump(office)

    (report,) = sync.merge_bundles(office, [target]).bundles

    if mutated == data:
        assert report.status in ("imported", "already_imported")
    else:
        assert report.status == "rejected", ops
        assert report.reason
        assert dump(office) == before


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(_OPS, min_size=1, max_size=3),
    where=st.sampled_from(["plaintext", "record"]),
    index=st.integers(0, 2),
)
def test_fuzzed_content_behind_a_valid_signature(enrolled_office_ws, crafter, ops, where, index):
    """Damage after the signature check: the plaintext, or one record line (hashes fixed)."""
    office = enrolled_office_ws
    before = dump(office)
    if where == "record":
        text = crafter.lines()[index][1]
        path = crafter.bundle(_with_line(crafter, index, mutate(text, ops)))
    else:
        crafter.seq += 1
        bundle_id = uuid7()
        lines = crafter.lines()
        m = manifest_dict(
            lines, bundle_id=bundle_id, installation_id=crafter.cm.id, seq=crafter.seq
        )
        plain = plaintext(m, zlib.compress(b"".join(t + b"\n" for _, t in lines)))
        path = crafter.folder / f"fuzzed-{crafter.seq}.kimb"
        sealed = crafter.seal(mutate(plain, ops), seq=crafter.seq, bundle_id=bundle_id)
        path.write_bytes(sealed)

    (report,) = sync.merge_bundles(office, [path]).bundles

    assert report.status in ("imported", "rejected"), report
    if report.status == "rejected":
        assert report.reason
        report.reason.encode("utf-8")
        assert dump(office) == before


_JSON_ATOMS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(
        st.characters(codec=None, categories=["Cs", "L", "N", "P", "S", "Z", "C"]), max_size=20
    ),
)
_JSON = st.recursive(
    _JSON_ATOMS,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [f.name for f in wire.FIELDS["consultation"]]
                + ["topics", "referrals", "target", "x"]
            )
            | st.text(max_size=10),
            inner,
            max_size=8,
        )
    ),
    max_leaves=30,
)


def _json_text(value, ascii_only: bool = False) -> bytes:
    text = json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        _JSON.map(_json_text),
        _JSON.map(lambda v: _json_text(v, ascii_only=True)),
        st.binary(max_size=200),
        st.text(alphabet='{}[]",:0123456789.eE+-truefalsnNaIiy \\u', max_size=80).map(str.encode),
        st.tuples(_JSON.map(_json_text), st.binary(max_size=3), st.integers(0, 200)).map(
            lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
        ),
    ),
    entity=st.sampled_from(wire.ENTITY_ORDER),
)
def test_strict_json_reader_raises_only_bundle_rejected(text, entity):
    try:
        obj = wire.strict_loads(text)
        wire.from_wire(entity, obj)
    except BundleRejected as exc:
        assert str(exc)


def _valid_consultation(**over) -> dict:
    record = {f.name: None for f in wire.FIELDS["consultation"]}
    record.update(
        id=str(uuid7()),
        version=1,
        origin=str(uuid.uuid4()),
        updated_at=datetime(2025, 1, 1, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        deleted=False,
        occurred_on="2024-05-06",
        municipality="05382068",
        kind="einmalig",
        program="kim",
        topics=["wohnen"],
        referrals=[],
    )
    record.update(over)
    return record


@settings(max_examples=200, deadline=None)
@given(
    field=st.sampled_from([f.name for f in wire.FIELDS["consultation"]] + ["topics", "referrals"]),
    value=_JSON,
)
def test_from_wire_with_any_value_in_any_field(field, value):
    record = _valid_consultation(**{field: value})
    try:
        typed = wire.from_wire("consultation", wire.strict_loads(_json_text(record)))
    except BundleRejected:
        return
    # Accepted: every string must be storable (UTF-8) and every int within SQLite's range.
    pending = list(typed.values())
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            item.encode("utf-8")
        elif isinstance(item, int) and not isinstance(item, bool):
            assert -(2**63) <= item < 2**63, item
        elif isinstance(item, tuple):  # topics, referrals
            pending.extend(item)


def test_an_absurd_sequence_number_reports_the_gap_without_listing_it(enrolled_office_ws, crafter):
    path = crafter.bundle(seq=2**31 - 1)
    summary = sync.merge_bundles(enrolled_office_ws, [path])
    (report,) = summary.bundles
    assert report.status == "imported", report.reason
    assert report.warnings == ["Bundles 1–2147483646 von CM-07 Troisdorf noch nicht eingetroffen."]


def test_a_known_bundle_id_with_other_content_is_refused(enrolled_office_ws, crafter):
    bundle_id = uuid7()
    first = crafter.bundle(bundle_id=bundle_id, seq=1)
    assert sync.merge_bundles(enrolled_office_ws, [first]).bundles[0].status == "imported"
    second = crafter.bundle(bundle_id=bundle_id, seq=1, name="second.kimb")
    assert_rejected(enrolled_office_ws, [second], Reason.BUNDLE_ID_REUSED)
