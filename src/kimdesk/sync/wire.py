"""The bundle payload: a manifest and the records, as strict JSON.

Plaintext layout (before HPKE)::

    4 bytes   m: length of the manifest (big-endian)
    m bytes   manifest, JSON
    rest      zlib stream of JSON Lines: the records of each entity in ENTITY_ORDER,
              sorted by id; the manifest's counts say where one entity ends; from
              manifest version 5, then one line per case handover package the manifest
              names (``HandoverLine``), in the manifest's order

Each record line is canonical JSON (sorted keys, no spaces, UTF-8). The manifest holds per
entity the count and the SHA-256 over that entity's lines (each with its ``\\n``).
Only exported fields travel; local personal fields have no place in the format.
Which fields those are, and how each record is checked, live in ``fields.py`` and ``strict.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import UUID_PATTERN

from .fields import (
    ENTITY_ORDER,
    FIELDS,  # noqa: F401 - part of the format's public names (wire.FIELDS)
    canonical,
    json_value,
    parse_time,  # noqa: F401 - likewise (the wire's UTC timestamps)
    to_wire,  # noqa: F401 - likewise
)
from .identity import canonical_base64, key_from_base64, usable_x25519
from .reasons import BundleRejected, Reason
from .strict import (
    from_wire,  # noqa: F401 - likewise
    read_record,
    reread_records,
    strict_loads,
)

MANIFEST_FORMAT = "kimdesk-bundle-manifest"
MANIFEST_VERSION = 6
MAX_MANIFEST = 64 * 1024
MAX_LINE = 64 * 1024
#: A handover package (a laptop's case files, signed and encrypted) and its line (base64).
MAX_PACKAGE = 128 << 20
MAX_HANDOVER_LINE = MAX_PACKAGE * 4 // 3 + 64 * 1024
#: Packages and confirmations one manifest names (its 64 KiB hold them).
MAX_HANDOVERS = 200
MAX_TAKEN = 300
MAX_RECORDS = 5_000_000
MAX_PLAINTEXT = 512 << 20
_CHUNK = 1 << 20


# -- manifest and payload -----------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    installation_id: str
    seq: int
    schema_version: int
    created_at: datetime
    full: bool
    change_from: int
    change_to: int
    counts: dict[str, int]
    hashes: dict[str, str]
    #: Manifest version 2 (issue 18): the device's X25519 public key, announced to the office
    #: under the bundle's signature, and the last reply of the office it applied.
    agreement_key: bytes | None = None
    reply_seq: int = 0
    version: int = MANIFEST_VERSION
    #: Manifest version 4: the county profile version the device holds (1 before).
    profile_version: int = 1
    #: Manifest version 5: the case handover packages the bundle carries, in payload order,
    #: and the handovers this device has taken (their ids, ascending).
    handovers: tuple[HandoverNote, ...] = ()
    taken: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> bytes:
        obj = {
                "format": MANIFEST_FORMAT,
                "version": self.version,
                "bundle_id": self.bundle_id,
                "installation_id": self.installation_id,
                "seq": self.seq,
                "schema_version": self.schema_version,
                "created_at": json_value(self.created_at),
                "full": self.full,
                "change_from": self.change_from,
                "change_to": self.change_to,
                "entities": {
                    e: {"count": self.counts[e], "sha256": self.hashes[e]} for e in ENTITY_ORDER
                },
        }  # fmt: skip
        if self.version >= 2:
            obj["agreement_key"] = (
                base64.b64encode(self.agreement_key).decode("ascii") if self.agreement_key else None
            )
            obj["reply_seq"] = self.reply_seq
        if self.version >= 4:
            obj["profile_version"] = self.profile_version
        if self.version >= 5:
            obj["handovers"] = [n.as_json() for n in self.handovers]
            obj["taken"] = list(self.taken)
        return canonical(obj)

    @classmethod
    def parse(cls, data: bytes) -> Manifest:
        obj = strict_loads(data)
        version = obj.get("version") if isinstance(obj, dict) else None
        keys = _MANIFEST_KEYS.get(version if type(version) is int else 0, _MANIFEST_KEYS[1])
        if not isinstance(obj, dict) or set(obj) != keys:
            raise BundleRejected(
                Reason.MANIFEST_INVALID, "das Manifest des Bundles ist unvollständig"
            )
        if (
            obj["format"] != MANIFEST_FORMAT
            or type(version) is not int
            or version not in _MANIFEST_KEYS
        ):
            raise BundleRejected(
                Reason.MANIFEST_INVALID, "das Manifest des Bundles hat ein unbekanntes Format"
            )
        agreement_key, reply_seq = _announced(obj) if version >= 2 else (None, 0)
        profile_version = obj["profile_version"] if version >= 4 else 1
        handovers, taken = _handover_notes(obj) if version >= 5 else ((), ())
        if type(profile_version) is not int or not 1 <= profile_version < 2**31:
            raise BundleRejected(
                Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt (Profilversion)"
            )
        ints = ("seq", "schema_version", "change_from", "change_to")
        if not all(isinstance(obj[k], int) and not isinstance(obj[k], bool) for k in ints):
            raise BundleRejected(Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt")
        entities = obj["entities"]
        if not isinstance(entities, dict) or set(entities) != set(ENTITY_ORDER):
            raise BundleRejected(
                Reason.MANIFEST_INVALID, "das Manifest nennt nicht genau die bekannten Datenarten"
            )
        counts, hashes = {}, {}
        for e in ENTITY_ORDER:
            item = entities[e]
            if (
                not isinstance(item, dict)
                or set(item) != {"count", "sha256"}
                or not isinstance(item["count"], int)
                or isinstance(item["count"], bool)
                or not isinstance(item["sha256"], str)
                or not re.fullmatch(r"[0-9a-f]{64}", item["sha256"])
            ):
                raise BundleRejected(
                    Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt"
                )
            if not 0 <= item["count"] <= MAX_RECORDS:
                raise BundleRejected(
                    Reason.MANIFEST_INVALID,
                    f"das Manifest nennt eine unmögliche Anzahl ({e}: {item['count']})",
                )
            counts[e], hashes[e] = item["count"], item["sha256"]
        try:
            created = parse_time(obj["created_at"])
        except (ValueError, TypeError):
            raise BundleRejected(
                Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt (Zeitpunkt)"
            ) from None
        if not isinstance(obj["full"], bool) or not all(
            isinstance(obj[k], str) and UUID_PATTERN.match(obj[k])
            for k in ("bundle_id", "installation_id")
        ):
            raise BundleRejected(Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt")
        return cls(
            bundle_id=obj["bundle_id"],
            installation_id=obj["installation_id"],
            seq=obj["seq"],
            schema_version=obj["schema_version"],
            created_at=created,
            full=obj["full"],
            change_from=obj["change_from"],
            change_to=obj["change_to"],
            counts=counts,
            hashes=hashes,
            agreement_key=agreement_key,
            reply_seq=reply_seq,
            version=version,
            profile_version=profile_version,
            handovers=handovers,
            taken=taken,
        )


_V1_KEYS = frozenset({
    "format", "version", "bundle_id", "installation_id", "seq", "schema_version",
    "created_at", "full", "change_from", "change_to", "entities",
})  # fmt: skip
#: The keys of each manifest version an office reads; no other key is allowed.
_MANIFEST_KEYS = {1: _V1_KEYS, 2: _V1_KEYS | {"agreement_key", "reply_seq"}}
#: Version 3: the manifest's keys of version 2; its records carry ``base_version``.
_MANIFEST_KEYS[3] = _MANIFEST_KEYS[2]
#: Version 4: the county profile version the device holds.
_MANIFEST_KEYS[4] = _MANIFEST_KEYS[3] | {"profile_version"}
#: Version 5: case handover packages carried and taken.
_MANIFEST_KEYS[5] = _MANIFEST_KEYS[4] | {"handovers", "taken"}
#: Version 6: the manifest's keys of version 5; its clients carry ``consent``.
_MANIFEST_KEYS[6] = _MANIFEST_KEYS[5]


@dataclass(frozen=True)
class HandoverNote:
    """A package the bundle carries, as the manifest names it: its line in the payload has
    ``length`` bytes and this SHA-256."""

    handover_id: str
    receiver_id: str
    length: int
    sha256: str

    def as_json(self) -> dict:
        return {"handover_id": self.handover_id, "receiver_id": self.receiver_id,
                "length": self.length, "sha256": self.sha256}  # fmt: skip


#: The kinds of record a handover moves, in the order a package and its list hold them.
HANDOVER_KINDS = ("client", "case", "goal")
#: Records one package moves: a laptop's cases, with clients and goals, many times over.
MAX_HANDOVER_RECORDS = 200_000

Listed = tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class HandoverLine:
    """One package line of the payload: the ids of the cases handed over (ascending), every
    record the package holds as ``(kind, id, version)`` (in ``HANDOVER_KINDS`` order, by id:
    no content, so the office can check them against its store) and the package
    (``sync.handover``), which only its receiver can open."""

    handover_id: str
    receiver_id: str
    cases: tuple[str, ...]
    records: Listed
    package: bytes

    def to_line(self) -> bytes:
        return canonical({
            "handover_id": self.handover_id, "receiver_id": self.receiver_id,
            "cases": list(self.cases), "records": [list(r) for r in self.records],
            "package": base64.b64encode(self.package).decode("ascii"),
        })  # fmt: skip


def read_listed(items) -> Listed | None:
    """A handover's list of records, checked strictly, or None."""
    if not isinstance(items, list) or not 0 < len(items) <= MAX_HANDOVER_RECORDS:
        return None
    listed = []
    for item in items:
        if not isinstance(item, list) or len(item) != 3 or item[0] not in HANDOVER_KINDS \
                or not is_uuid(item[1]) or type(item[2]) is not int \
                or not 1 <= item[2] < 2**31:  # fmt: skip
            return None
        listed.append((item[0], item[1], item[2]))
    order = [(HANDOVER_KINDS.index(kind), i) for kind, i, _v in listed]
    if any(a >= b for a, b in zip(order, order[1:], strict=False)):
        return None
    return tuple(listed)


def is_uuid(value) -> bool:
    """Text that is a whole UUID."""
    return isinstance(value, str) and UUID_PATTERN.fullmatch(value) is not None


def ascending_ids(items, cap: int) -> bool:
    """A list of at most ``cap`` UUIDs in strictly ascending order."""
    return (isinstance(items, list) and len(items) <= cap and all(map(is_uuid, items))
            and all(a < b for a, b in zip(items, items[1:], strict=False)))  # fmt: skip


def _handover_notes(obj: dict) -> tuple[tuple[HandoverNote, ...], tuple[str, ...]]:
    """Version 5: the packages carried and the handovers taken, checked strictly."""
    items, taken = obj["handovers"], obj["taken"]
    if not ascending_ids(taken, MAX_TAKEN):
        raise BundleRejected(
            Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt (übernommene Fälle)"
        )
    keys = {"handover_id", "receiver_id", "length", "sha256"}
    if not isinstance(items, list) or len(items) > MAX_HANDOVERS:
        items = None
    notes = []
    for item in items or ():
        if not isinstance(item, dict) or set(item) != keys or not is_uuid(item["handover_id"]) \
                or not is_uuid(item["receiver_id"]) or type(item["length"]) is not int \
                or not 0 < item["length"] <= MAX_HANDOVER_LINE \
                or not isinstance(item["sha256"], str) \
                or not re.fullmatch(r"[0-9a-f]{64}", item["sha256"]):  # fmt: skip
            items = None
            break
        notes.append(HandoverNote(**item))
    if items is None or len({n.handover_id for n in notes}) != len(notes):
        raise BundleRejected(
            Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt (Fallübergaben)"
        )
    return tuple(notes), tuple(taken)


def _announced(obj: dict) -> tuple[bytes | None, int]:
    """Version 2: the device's X25519 public key (or null) and its last applied reply."""
    key, reply_seq = obj["agreement_key"], obj["reply_seq"]
    if type(reply_seq) is not int or not 0 <= reply_seq < 2**31:
        raise BundleRejected(Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt")
    if key is None:
        return None, reply_seq
    raw = key_from_base64(key)
    if raw is None or not usable_x25519(raw):
        raise BundleRejected(
            Reason.MANIFEST_INVALID, "das Manifest des Bundles ist beschädigt (Schlüssel)"
        )
    return raw, reply_seq


class PayloadWriter:
    """Collects record lines per entity (in ENTITY_ORDER, sorted by id) into the payload."""

    def __init__(self):
        self._zip = zlib.compressobj(6)
        self._parts: list[bytes] = []
        self.counts = dict.fromkeys(ENTITY_ORDER, 0)
        self._hashes = {e: hashlib.sha256() for e in ENTITY_ORDER}
        self._position = 0

    def add(self, entity: str, record: dict) -> None:
        position = ENTITY_ORDER.index(entity)  # after a package, too late for any record
        if position < self._position:
            raise KimdeskError("records must be added in ENTITY_ORDER")
        self._position = position
        line = canonical(record) + b"\n"
        self._hashes[entity].update(line)
        self.counts[entity] += 1
        self._parts.append(self._zip.compress(line))

    @property
    def hashes(self) -> dict[str, str]:
        return {e: h.hexdigest() for e, h in self._hashes.items()}

    def add_handover(self, line: HandoverLine) -> HandoverNote:
        """A package after all records; the note is the manifest's entry for it."""
        self._position = len(ENTITY_ORDER)
        data = line.to_line()
        self._parts.append(self._zip.compress(data + b"\n"))
        return HandoverNote(line.handover_id, line.receiver_id, len(data),
                            hashlib.sha256(data).hexdigest())  # fmt: skip

    def finish(self, manifest: Manifest) -> bytes:
        self._parts.append(self._zip.flush())
        head = manifest.to_json()
        return struct.pack(">I", len(head)) + head + b"".join(self._parts)


def read_manifest(plaintext: bytes) -> tuple[Manifest, int]:
    if len(plaintext) < 4:
        raise BundleRejected(Reason.MANIFEST_INVALID, "der Inhalt des Bundles ist leer")
    (length,) = struct.unpack_from(">I", plaintext, 0)
    if length > MAX_MANIFEST or 4 + length > len(plaintext):
        raise BundleRejected(
            Reason.MANIFEST_INVALID, "das Manifest des Bundles ist zu groß oder abgeschnitten"
        )
    return Manifest.parse(plaintext[4 : 4 + length]), 4 + length


def _lines(plaintext: bytes, offset: int, max_line: int = MAX_LINE) -> Iterator[bytes]:
    """Decompress with bounded memory and yield the lines (without ``\\n``), none longer than
    ``max_line`` (a bundle with handover packages allows their size; ``_checked_records``
    holds record lines to ``MAX_LINE``)."""
    unzip = zlib.decompressobj()
    parts: list[bytes] = []  # the line in progress, in pieces (a package's is long)
    size = 0
    produced = 0
    view = memoryview(plaintext)[offset:]
    position = 0
    try:
        while True:
            if unzip.unconsumed_tail:
                chunk = unzip.decompress(unzip.unconsumed_tail, _CHUNK)
            elif position < len(view):
                chunk = unzip.decompress(view[position : position + _CHUNK], _CHUNK)
                position += _CHUNK
            else:
                chunk = unzip.flush()
                if not chunk:
                    break
            produced += len(chunk)
            if produced > MAX_PLAINTEXT:
                raise BundleRejected(
                    Reason.PAYLOAD_TOO_LARGE, "der Inhalt des Bundles ist unzulässig groß"
                )
            if not chunk:
                pass
            elif b"\n" not in chunk:
                parts.append(chunk)
                size += len(chunk)
                if size > max_line:
                    raise BundleRejected(
                        Reason.RECORD_TOO_LARGE, "ein Datensatz des Bundles ist unzulässig groß"
                    )
            else:
                first, *complete, rest = chunk.split(b"\n")
                if parts:
                    parts.append(first)
                    first = b"".join(parts)
                for line in (first, *complete):
                    if len(line) > max_line:
                        raise BundleRejected(
                            Reason.RECORD_TOO_LARGE, "ein Datensatz des Bundles ist unzulässig groß"
                        )
                    yield line
                parts, size = ([rest], len(rest)) if rest else ([], 0)
            if unzip.eof:
                break
    except zlib.error:
        raise BundleRejected(
            Reason.PAYLOAD_DAMAGED, "der Inhalt des Bundles ist beschädigt"
        ) from None
    if not unzip.eof or unzip.unused_data or position < len(view) and view[position:].tobytes():
        raise BundleRejected(
            Reason.PAYLOAD_DAMAGED, "der Inhalt des Bundles ist beschädigt (Daten nach dem Ende)"
        )
    if parts:
        raise BundleRejected(
            Reason.PAYLOAD_DAMAGED, "der Inhalt des Bundles endet mitten in einem Datensatz"
        )


def _max_line(manifest: Manifest) -> int:
    return MAX_HANDOVER_LINE if manifest.handovers else MAX_LINE


_VERIFIED_CHUNK = 1000


@dataclass(frozen=True)
class Verified:
    """Proof that ``verify_records`` read a payload to the end without a fault.

    ``plain``: every line was a plain UTF-8 object the fast reader took (no ``\\u`` escapes),
    so a second read may join lines into arrays and skip the checks.
    """

    records: int
    plain: bool
    #: The handover packages the bundle carries, checked against the manifest.
    handovers: tuple[HandoverLine, ...] = ()


def verify_records(
    plaintext: bytes,
    offset: int,
    manifest: Manifest,
    tick: Callable[[int], None] | None = None,
    observe: Callable[[str, dict], None] | None = None,
) -> Verified:
    """Read every record with all checks (order, uniqueness, counts, hashes, fields);
    ``observe`` sees each typed record (the office's own checks, see ``admission``)."""
    state: dict = {"plain": True, "handovers": []}
    done = 0
    records = _checked_records(plaintext, offset, manifest, state)
    for done, (entity, record) in enumerate(records, start=1):
        if observe is not None:
            observe(entity, record)
        if tick and done % 5000 == 0:
            tick(done)
    return Verified(done, state["plain"], tuple(state["handovers"]))


def verified_records(
    plaintext: bytes, offset: int, manifest: Manifest, verified: Verified
) -> Iterator[tuple[str, dict]]:
    """The records of a payload ``verify_records`` has passed: read again, without re-checking
    what cannot have changed (the caller holds the same bytes and manifest)."""
    if verified.plain:
        return _reread(plaintext, offset, manifest)
    return iter_records(plaintext, offset, manifest)


def iter_records(plaintext: bytes, offset: int, manifest: Manifest) -> Iterator[tuple[str, dict]]:
    """Yield (entity, typed record), checking order, uniqueness, counts and hashes."""
    return _checked_records(plaintext, offset, manifest, {"plain": True, "handovers": []})


def _checked_records(
    plaintext: bytes, offset: int, manifest: Manifest, state: dict
) -> Iterator[tuple[str, dict]]:
    lines = _lines(plaintext, offset, _max_line(manifest))
    for entity in ENTITY_ORDER:
        digest = hashlib.sha256()
        last_id = ""
        for _ in range(manifest.counts[entity]):
            line = next(lines, None)
            if line is None:
                raise BundleRejected(
                    Reason.COUNT_MISMATCH,
                    f"das Bundle enthält weniger Datensätze ({entity}) als das Manifest nennt",
                )
            if len(line) > MAX_LINE:
                raise BundleRejected(
                    Reason.RECORD_TOO_LARGE, "ein Datensatz des Bundles ist unzulässig groß"
                )
            digest.update(line)
            digest.update(b"\n")
            record, plain = read_record(entity, line)
            if not plain:
                state["plain"] = False
            if record["id"] <= last_id:
                raise BundleRejected(
                    Reason.RECORD_ORDER, f"die Datensätze ({entity}) sind nicht eindeutig sortiert"
                )
            last_id = record["id"]
            yield entity, record
        if digest.hexdigest() != manifest.hashes[entity]:
            raise BundleRejected(
                Reason.HASH_MISMATCH,
                f"die Prüfsumme der Datensätze ({entity}) stimmt nicht mit dem Manifest überein",
            )
    for note in manifest.handovers:
        line = next(lines, None)
        if line is None:
            raise BundleRejected(
                Reason.COUNT_MISMATCH,
                "das Bundle enthält weniger Fallübergaben als das Manifest nennt",
            )
        state["handovers"].append(_handover_line(note, line))
    if next(lines, None) is not None:
        raise BundleRejected(
            Reason.COUNT_MISMATCH, "das Bundle enthält mehr Datensätze als das Manifest nennt"
        )


def _handover_line(note: HandoverNote, line: bytes) -> HandoverLine:
    """A package line as its manifest entry says: length, hash, ids, then its form."""
    if len(line) != note.length or hashlib.sha256(line).hexdigest() != note.sha256:
        raise BundleRejected(
            Reason.HASH_MISMATCH, "eine Fallübergabe stimmt nicht mit dem Manifest überein"
        )
    obj = strict_loads(line)
    if not isinstance(obj, dict) or set(obj) != {"handover_id", "receiver_id", "cases",
                                                  "records", "package"}:  # fmt: skip
        raise BundleRejected(Reason.MANIFEST_INVALID, "eine Fallübergabe ist beschädigt")
    raw, listed = canonical_base64(obj["package"]), read_listed(obj["records"])
    if (obj["handover_id"], obj["receiver_id"]) != (note.handover_id, note.receiver_id) \
            or not obj["cases"] or not ascending_ids(obj["cases"], MAX_HANDOVER_RECORDS) \
            or listed is None or [i for kind, i, _v in listed if kind == "case"] != obj["cases"] \
            or raw is None or not 0 < len(raw) <= MAX_PACKAGE:  # fmt: skip
        raise BundleRejected(Reason.MANIFEST_INVALID, "eine Fallübergabe ist beschädigt")
    return HandoverLine(note.handover_id, note.receiver_id, tuple(obj["cases"]), listed, raw)


_PLAIN_DECODER = json.JSONDecoder()


def _reread(plaintext: bytes, offset: int, manifest: Manifest) -> Iterator[tuple[str, dict]]:
    """The records of a payload ``iter_records`` has just verified, without checking again.

    Each line is known to be one complete strict JSON object in UTF-8 (read by
    ``read_record`` as plain: no ``\\u`` escapes, no duplicate keys, floats or constants), so the lines
    of a chunk joined by commas are a JSON array of exactly these objects, and a plain parser
    reads them as the strict one did.
    """
    lines = _lines(plaintext, offset, _max_line(manifest))
    for entity in ENTITY_ORDER:
        left = manifest.counts[entity]
        while left:
            chunk = list(islice(lines, min(left, _VERIFIED_CHUNK)))
            left -= len(chunk)
            text = (b"[" + b",".join(chunk) + b"]").decode("utf-8")
            for record in reread_records(entity, _PLAIN_DECODER.decode(text)):
                yield entity, record
