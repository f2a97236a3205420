"""An independent reader of bundles and identity files, written from docs/sync.md alone.

It imports nothing of ``kimdesk`` to parse or verify: the standard library and `cryptography`
for X25519, Ed25519 and ChaCha20-Poly1305; HPKE (RFC 9180) is done by hand from the RFC, so the
specification's claims about the suite, ``info`` and the payload layout are checked too. It
reads the frozen test vectors in docs/test-vectors/ and a bundle KIMdesk writes now (through
its command line). If KIMdesk and this reader disagree, the specification decides.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import struct
import subprocess
import sys
import uuid
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "docs" / "sync.md"
VECTORS = ROOT / "docs" / "test-vectors"
ENTITIES = ["client", "case", "goal", "consultation", "group_offer", "group_session",
            "structural_need"]  # fmt: skip
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")
DATE = re.compile(r"\d{4}-\d\d-\d\d")


# -- identity files ------------------------------------------------------------------------


def fingerprint(identity: dict) -> str:
    """docs/sync.md, "Fingerprint (version 2)" and "Version 1"."""
    signing = base64.b64decode(identity["signing_key"])
    encryption = base64.b64decode(identity["encryption_key"]) if identity["encryption_key"] else b""
    if identity["version"] == 1:
        data = (b"kimdesk-identity-v1\x00" + identity["installation_id"].encode("ascii")
                + b"\x00" + signing + b"\x00" + encryption)  # fmt: skip
    else:
        data = b"kimdesk-identity-v2\x00"
        for part in (identity["installation_id"].encode("ascii"), identity["role"].encode("ascii"),
                     identity["name"].encode("utf-8"), signing, encryption):  # fmt: skip
            data += struct.pack(">H", len(part)) + part
    text = base64.b32encode(hashlib.sha256(data).digest()[:20]).decode("ascii")
    assert len(text) == 32 and "=" not in text
    return "-".join(text[i : i + 4] for i in range(0, 32, 4))


def read_identity(path: Path) -> dict:
    identity = json.loads(path.read_bytes())
    assert identity["format"] == "kimdesk-identity" and identity["version"] in (1, 2)
    assert fingerprint(identity) == identity["fingerprint"], path
    assert len(base64.b64decode(identity["signing_key"], validate=True)) == 32
    return identity


# -- HPKE, RFC 9180, base mode, by hand ------------------------------------------------------

KEM_ID, KDF_ID, AEAD_ID = 0x0020, 0x0001, 0x0003


def _extract(salt: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()


def _expand(prk: bytes, info: bytes, length: int) -> bytes:
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def _labeled_extract(suite: bytes, salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return _extract(salt, b"HPKE-v1" + suite + label + ikm)


def _labeled_expand(suite: bytes, prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    return _expand(prk, struct.pack(">H", length) + b"HPKE-v1" + suite + label + info, length)


def hpke_open(private: bytes, payload: bytes, info: bytes) -> bytes:
    """Single-shot open: ``payload`` is enc (32 bytes) ‖ ciphertext with tag; aad empty."""
    enc, ciphertext = payload[:32], payload[32:]
    key = X25519PrivateKey.from_private_bytes(private)
    receiver = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    dh = key.exchange(X25519PublicKey.from_public_bytes(enc))
    kem = b"KEM" + struct.pack(">H", KEM_ID)
    prk = _labeled_extract(kem, b"", b"eae_prk", dh)
    shared = _labeled_expand(kem, prk, b"shared_secret", enc + receiver, 32)
    suite = b"HPKE" + struct.pack(">HHH", KEM_ID, KDF_ID, AEAD_ID)
    context = (b"\x00" + _labeled_extract(suite, b"", b"psk_id_hash", b"")
               + _labeled_extract(suite, b"", b"info_hash", info))  # fmt: skip
    secret = _labeled_extract(suite, shared, b"secret", b"")
    aead_key = _labeled_expand(suite, secret, b"key", context, 32)
    nonce = _labeled_expand(suite, secret, b"base_nonce", context, 12)
    return ChaCha20Poly1305(aead_key).decrypt(nonce, ciphertext, b"")


# -- the specification's record tables --------------------------------------------------------


def record_tables() -> dict[str, dict[str, tuple[str, bool]]]:
    """{entity: {field: (type, may be null)}} from the tables of docs/sync.md."""
    text = SPEC.read_text(encoding="utf-8")
    tables = {}
    for entity, body in re.findall(r"#### `(\w+)`\n\n(.*?)(?:\n\n|\n<!--)", text, re.S):
        fields = {}
        for line in body.splitlines()[2:]:
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            fields[cells[0].strip("`")] = (cells[1], cells[2] == "yes")
        tables[entity] = fields
    assert list(tables) == ENTITIES, list(tables)
    return tables


def check_value(entity: str, name: str, kind: str, value) -> None:
    where = f"{entity}.{name}"
    if kind.startswith("string"):
        assert isinstance(value, str) and len(value) <= int(kind.split("≤")[1]), where
    elif kind == "integer":
        assert type(value) is int, where
    elif kind == "boolean":
        assert type(value) is bool, where
    elif kind == "date":
        assert isinstance(value, str) and DATE.fullmatch(value), where
    elif kind == "timestamp":
        assert isinstance(value, str) and TIME.fullmatch(value), where
    elif name == "topics":
        assert value == sorted(set(value)) and all(isinstance(t, str) for t in value), where
    elif name == "referrals":
        assert all(set(r) == {"target", "accompanied", "outcome"} for r in value), where
    else:
        raise AssertionError(f"unknown type {kind} of {where}")


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


# -- the bundle --------------------------------------------------------------------------------


def read_bundle(data: bytes, device: dict, office: dict, office_private: bytes) -> dict:
    """Every check of the specification a reader can make; returns what it read."""
    assert data[:8] == b"KIMB\r\n\x1a\n"
    (version,) = struct.unpack(">H", data[8:10])
    assert version == 1
    installation = str(uuid.UUID(bytes=data[10:26]))
    signer_key, (seq,) = data[26:58], struct.unpack(">Q", data[58:66])
    bundle_id, recipient = str(uuid.UUID(bytes=data[66:82])), str(uuid.UUID(bytes=data[82:98]))
    n = data[98]
    name = data[99 : 99 + n].decode("utf-8")
    (length,) = struct.unpack(">Q", data[99 + n : 107 + n])
    assert len(data) == 171 + n + length
    assert 1 <= seq < 2**31
    # The signature, with the key of the device's identity file (what the office enrolled).
    assert installation == device["installation_id"] and recipient == office["installation_id"]
    assert signer_key == base64.b64decode(device["signing_key"])
    signed = data[: 107 + n + length]
    Ed25519PublicKey.from_public_bytes(base64.b64decode(device["signing_key"])).verify(
        data[107 + n + length :], signed
    )
    info = b"kimdesk-bundle-v1\x00" + data[: 99 + n]
    plaintext = hpke_open(office_private, data[107 + n : 107 + n + length], info)
    (m,) = struct.unpack(">I", plaintext[:4])
    manifest_bytes = plaintext[4 : 4 + m]
    manifest = json.loads(manifest_bytes)
    assert canonical(manifest) == manifest_bytes
    v1 = {"format", "version", "bundle_id", "installation_id", "seq", "schema_version",
          "created_at", "full", "change_from", "change_to", "entities"}  # fmt: skip
    assert manifest["format"] == "kimdesk-bundle-manifest" and manifest["version"] in (
        1,
        2,
        3,
        4,
        5,
        6,
    )
    if manifest["version"] == 1:
        assert set(manifest) == v1
    else:  # 2 to 6: the device's X25519 key (base64, 32 bytes, or null), its reply number;
        # 4: the county profile version it holds; 5: handover packages carried and taken;
        # 6: the keys of 5 (its clients carry the consent flag)
        four = {"profile_version"} if manifest["version"] >= 4 else set()
        five = {"handovers", "taken"} if manifest["version"] >= 5 else set()
        assert set(manifest) == v1 | {"agreement_key", "reply_seq"} | four | five
        if four:
            assert type(manifest["profile_version"]) is int and manifest["profile_version"] >= 1
        key = manifest["agreement_key"]
        assert key is None or len(base64.b64decode(key, validate=True)) == 32
        assert type(manifest["reply_seq"]) is int and manifest["reply_seq"] >= 0
    assert (manifest["bundle_id"], manifest["installation_id"], manifest["seq"]) == (
        bundle_id, installation, seq,
    )  # fmt: skip
    assert TIME.fullmatch(manifest["created_at"])
    assert list(manifest["entities"]) == sorted(ENTITIES)
    unzip = zlib.decompressobj()
    stream = unzip.decompress(plaintext[4 + m :])
    assert unzip.eof and not unzip.unused_data  # exactly one zlib stream, nothing after it
    assert stream.endswith(b"\n") or not stream
    lines = [line + b"\n" for line in stream.split(b"\n")[:-1]]
    tables = record_tables()
    start, records = 0, {}
    for entity in ENTITIES:
        count = manifest["entities"][entity]["count"]
        mine = lines[start : start + count]
        start += count
        digest = hashlib.sha256(b"".join(mine)).hexdigest()
        assert digest == manifest["entities"][entity]["sha256"], entity
        ids = []
        for line in mine:
            record = json.loads(line)
            assert canonical(record) + b"\n" == line
            fields = tables[entity]
            assert set(record) <= set(fields), (entity, set(record) - set(fields))
            for key, (kind, nullable) in fields.items():
                if key not in record or record[key] is None:
                    assert nullable, (entity, key)
                    continue
                check_value(entity, key, kind, record[key])
            assert record["origin"] == installation
            base = record.get("base_version")
            assert base is None or manifest["version"] >= 3 and 1 <= base < record["version"]
            assert record.get("consent") is None or manifest["version"] >= 6
            ids.append(record["id"])
        assert ids == sorted(set(ids))
        records[entity] = [json.loads(line) for line in mine]
    # Version 5: one line per handover package the manifest names, after the records.
    for note in manifest.get("handovers", []):
        assert set(note) == {"handover_id", "receiver_id", "length", "sha256"}
        line = lines[start][:-1]
        start += 1
        assert (len(line), hashlib.sha256(line).hexdigest()) == (note["length"], note["sha256"])
        package = json.loads(line)
        assert canonical(package) == line
        assert set(package) == {"handover_id", "receiver_id", "cases", "records", "package"}
        kinds = ("client", "case", "goal")
        listed = package["records"]  # [kind, id, version] of every record, no content
        assert all(len(t) == 3 and t[0] in kinds and type(t[2]) is int for t in listed)
        assert listed == sorted(listed, key=lambda t: (kinds.index(t[0]), t[1]))
        assert [i for kind, i, _v in listed if kind == "case"] == package["cases"]
        assert (package["handover_id"], package["receiver_id"]) == (
            note["handover_id"], note["receiver_id"],
        )  # fmt: skip
        assert package["cases"] == sorted(set(package["cases"])) and package["cases"]
        sealed = base64.b64decode(package["package"], validate=True)
        assert sealed[:8] == b"KIMH\r\n\x1a\n"  # signed by the device, for the receiver only
        assert str(uuid.UUID(bytes=sealed[10:26])) == installation
        assert sealed[26:58] == signer_key
    assert manifest.get("taken", []) == sorted(set(manifest.get("taken", [])))
    assert start == len(lines)
    return {"name": name, "seq": seq, "manifest_bytes": manifest_bytes, "stream": stream,
            "records": records, "bundle_id": bundle_id}  # fmt: skip


# -- the frozen test vectors ----------------------------------------------------------------------


@pytest.mark.parametrize("version", ["", "-v1"])
def test_the_vectors_identities_and_their_fingerprints(version):
    office = read_identity(VECTORS / f"office-identity{version}.json")
    device = read_identity(VECTORS / f"device-identity{version}.json")
    assert (office["role"], device["role"]) == ("office", "casemanager")
    assert device["encryption_key"] is None and office["encryption_key"]
    assert office["version"] == device["version"] == (1 if version else 2)


def test_the_vector_bundle_reads_as_specified():
    office = read_identity(VECTORS / "office-identity.json")
    device = read_identity(VECTORS / "device-identity.json")
    private = bytes.fromhex((VECTORS / "office-x25519-private.hex").read_text().strip())
    public = X25519PrivateKey.from_private_bytes(private).public_key()
    assert public.public_bytes(Encoding.Raw, PublicFormat.Raw) == base64.b64decode(
        office["encryption_key"]
    )
    read = read_bundle((VECTORS / "bundle.kimb").read_bytes(), device, office, private)
    assert read["manifest_bytes"] == (VECTORS / "manifest.json").read_bytes()
    assert read["stream"] == (VECTORS / "records.jsonl").read_bytes()
    header = json.loads((VECTORS / "header.json").read_text())
    assert (header["seq"], header["bundle_id"], header["signer_name"]) == (
        read["seq"], read["bundle_id"], read["name"],
    )  # fmt: skip
    assert {e: len(r) for e, r in read["records"].items()} == {
        "client": 1, "case": 1, "goal": 1, "consultation": 3, "group_offer": 1,
        "group_session": 1, "structural_need": 1,
    }  # fmt: skip
    deleted = [r for r in read["records"]["consultation"] if r["deleted"]]
    assert len(deleted) == 1 and deleted[0]["version"] == 2


def test_a_changed_byte_anywhere_fails_the_reader():
    office = read_identity(VECTORS / "office-identity.json")
    device = read_identity(VECTORS / "device-identity.json")
    private = bytes.fromhex((VECTORS / "office-x25519-private.hex").read_text().strip())
    data = (VECTORS / "bundle.kimb").read_bytes()
    for offset in range(0, len(data), max(1, len(data) // 40)):
        damaged = bytearray(data)
        damaged[offset] ^= 0x01
        with pytest.raises(Exception):  # noqa: B017 - any failure: signature, length, magic …
            read_bundle(bytes(damaged), device, office, private)


# -- a bundle KIMdesk writes now ----------------------------------------------------------------


def kimdesk(*args: str, passphrase: str, home: Path) -> str:
    env = {**os.environ, "KIMDESK_PASSPHRASE": passphrase, "KIMDESK_STATE_DIR": str(home)}
    run = subprocess.run([sys.executable, "-m", "kimdesk", *map(str, args)], env=env,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run.stdout


def office_private_key(store: Path, passphrase: str) -> bytes:
    """The office's X25519 key, read from its store with SQLCipher's own driver: the
    ``installation`` table's ``agreement_key`` column (32 raw bytes in a file store)."""
    sqlcipher = pytest.importorskip("sqlcipher3")
    conn = sqlcipher.connect(str(store))
    try:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        (key,) = conn.execute("SELECT agreement_key FROM installation").fetchone()
    finally:
        conn.close()
    return bytes(key)


def test_a_bundle_kimdesk_writes_now_reads_as_specified(tmp_path):
    office_pass, cm_pass = "conformance office pass", "conformance device pass"
    kimdesk("init", "--store", tmp_path / "kreis.kdb", "--role", "office", "--name",
            "Kreis Prüfung", passphrase=office_pass, home=tmp_path)  # fmt: skip
    kimdesk("identity", "--store", tmp_path / "kreis.kdb", "--out", tmp_path / "kreis.json",
            passphrase=office_pass, home=tmp_path)  # fmt: skip
    kimdesk("init", "--store", tmp_path / "cm.kdb", "--role", "casemanager", "--name",
            "CM-02 Königswinter", "--office-key", tmp_path / "kreis.json", "--yes",
            passphrase=cm_pass, home=tmp_path)  # fmt: skip
    kimdesk("identity", "--store", tmp_path / "cm.kdb", "--out", tmp_path / "cm.json",
            passphrase=cm_pass, home=tmp_path)  # fmt: skip
    listing = tmp_path / "liste.csv"
    listing.write_text("Datum;Kommune;Art;Fall;Themen;Verweise\n09.01.2023;Troisdorf;einmalig;;"
                       "Wohnen;Jobcenter\n10.01.2023;Königswinter;CM;K-1;Deutsch, Arbeit;\n",
                       encoding="utf-8")  # fmt: skip
    kimdesk("import-legacy", "--store", tmp_path / "cm.kdb", listing, passphrase=cm_pass,
            home=tmp_path)  # fmt: skip
    stick = tmp_path / "stick"
    stick.mkdir()
    kimdesk("export-bundle", "--store", tmp_path / "cm.kdb", "--out", stick, passphrase=cm_pass,
            home=tmp_path)  # fmt: skip
    (bundle,) = stick.glob("*.kimb")
    office = read_identity(tmp_path / "kreis.json")
    device = read_identity(tmp_path / "cm.json")
    read = read_bundle(bundle.read_bytes(), device, office,
                       office_private_key(tmp_path / "kreis.kdb", office_pass))  # fmt: skip
    assert read["name"] == "CM-02 Königswinter" and read["seq"] == 1
    assert len(read["records"]["consultation"]) == 2 and len(read["records"]["case"]) == 1
    # No personal field: the legacy case reference stays on the device.
    assert b"K-1" not in read["stream"]
    # What ``inspect`` writes for the auditor is what this reader read.
    kimdesk("enroll", "--store", tmp_path / "kreis.kdb", tmp_path / "cm.json",
            passphrase=office_pass, home=tmp_path)  # fmt: skip
    kimdesk("inspect", "--store", tmp_path / "kreis.kdb", bundle, "--out", tmp_path / "audit",
            passphrase=office_pass, home=tmp_path)  # fmt: skip
    assert (tmp_path / "audit" / "records.jsonl").read_bytes() == read["stream"]
    assert (tmp_path / "audit" / "manifest.json").read_bytes() == read["manifest_bytes"]


def test_the_reader_imports_nothing_of_kimdesk():
    import ast

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}  # fmt: skip
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not [name for name in imported if name and name.split(".")[0] == "kimdesk"]
    assert {name.split(".")[0] for name in imported if name} <= {
        "__future__", "base64", "hashlib", "hmac", "json", "os", "re", "struct", "subprocess",
        "sys", "uuid", "zlib", "pathlib", "pytest", "cryptography", "ast",
    }  # fmt: skip
