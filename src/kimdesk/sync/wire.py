"""The bundle payload: a manifest and the records, as strict JSON.

Plaintext layout (before HPKE)::

    4 bytes   m: length of the manifest (big-endian)
    m bytes   manifest, JSON
    rest      zlib stream of JSON Lines: the records of each entity in ENTITY_ORDER,
              sorted by id; the manifest's counts say where one entity ends

Each record line is canonical JSON (sorted keys, no spaces, UTF-8). The manifest holds per
entity the count and the SHA-256 over that entity's lines (each with its ``\\n``).
Only exported fields travel; local personal fields have no place in the format.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from operator import itemgetter, le

from sqlalchemy import Boolean, Date, Integer, String, Text

from kimdesk.domain.errors import KimdeskError
from kimdesk.store.models import UTCDateTime
from kimdesk.store.records import ENTITY_TABLES

from .container import BundleRejected

MANIFEST_FORMAT = "kimdesk-bundle-manifest"
MANIFEST_VERSION = 1
ENTITY_ORDER = tuple(ENTITY_TABLES)
MAX_MANIFEST = 64 * 1024
MAX_LINE = 64 * 1024
MAX_RECORDS = 5_000_000
MAX_PLAINTEXT = 4 << 30
MAX_PARTS = 30
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CANONICAL_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_CHUNK = 1 << 20


def _fail(reason: str) -> BundleRejected:
    return BundleRejected(reason)


# -- fields --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # str, int, bool, date, datetime
    nullable: bool
    max_length: int = 0
    derived: bool = False


def _kind(column) -> tuple[str, int]:
    t = column.type
    if isinstance(t, UTCDateTime):
        return "datetime", 0
    if isinstance(t, Boolean):
        return "bool", 0
    if isinstance(t, Integer):
        return "int", 0
    if isinstance(t, Date):
        return "date", 0
    if isinstance(t, Text):
        return "str", 20_000
    if isinstance(t, String):
        return "str", t.length or 20_000
    raise TypeError(f"no wire kind for {t!r}")


def wire_fields(table) -> tuple[Field, ...]:
    """The exported columns of a synced table: not local, not the store's own change_seq."""
    result = []
    for column in table.columns:
        if column.info.get("local") or column.name == "change_seq":
            continue
        kind, length = _kind(column)
        result.append(
            Field(
                column.name,
                kind,
                bool(column.nullable),
                length,
                bool(column.info.get("derived")),
            )
        )
    return tuple(result)


FIELDS = {entity: wire_fields(table) for entity, table in ENTITY_TABLES.items()}
PART_KEYS = {"consultation": ("topics", "referrals")}


def _to_json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_wire(entity: str, row, parts: dict | None = None) -> dict:
    """A stored row (mapping) as a wire record."""
    record = {f.name: _to_json_value(row[f.name]) for f in FIELDS[entity]}
    if entity == "consultation":
        parts = parts or {}
        record["topics"] = sorted(parts.get("topics", ()))
        record["referrals"] = [
            {"target": t, "accompanied": bool(a), "outcome": o}
            for t, a, o in parts.get("referrals", ())
        ]
    return record


def canonical(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _storable(value) -> None:
    """No lone surrogates (from ``\\ud800`` escapes): SQLite and UTF-8 output cannot hold them."""
    if isinstance(value, str):
        value.encode("utf-8")  # UnicodeEncodeError is a ValueError


def _strict_pairs(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    for key, value in pairs:
        _storable(key)
        _storable(value)
        if isinstance(value, list):  # topics; referrals are objects and pass through here
            for item in value:
                _storable(item)
    return dict(pairs)


def _no_constant(name):
    raise ValueError(f"{name} is not allowed")


def _no_float(text):
    raise ValueError("numbers with a fraction are not allowed")


def strict_loads(data: bytes):
    """JSON without duplicate keys, NaN/Infinity, fractions or unbounded nesting."""
    obj = _fast_loads(data)
    return obj if obj is not None else _strict_loads_checked(data)


def _strict_loads_checked(data: bytes):
    """The reference reader: decides and names every rejection (see ``_fast_loads``)."""
    try:
        return json.loads(
            data,
            object_pairs_hook=_strict_pairs,
            parse_constant=_no_constant,
            parse_float=_no_float,
        )
    except RecursionError:
        raise _fail("ein Datensatz ist zu tief verschachtelt") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise _fail(f"ein Datensatz ist kein strenges JSON ({_why(exc)})") from None


def _why(exc: Exception) -> str:
    text = str(exc)
    for key, reason in (
        ("duplicate key", "doppelter Schlüssel"),
        ("is not allowed", "NaN oder Infinity"),
        ("fraction", "Kommazahl"),
        ("surrogates not allowed", "ungültiges Unicode-Zeichen"),
    ):
        if key in text:
            return reason
    return "Syntax"


def _parse_datetime(text: str) -> datetime:
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ValueError
    if _CANONICAL_TIME.fullmatch(text):
        # The shape the writer uses: read as strptime reads it (ValueError alike), 20x faster.
        return datetime.fromisoformat(text)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def from_wire(entity: str, obj) -> dict:
    """Check a wire record strictly and return it typed (dates as date, datetimes as UTC)."""
    typed = _fast_from_wire(entity, obj)
    return typed if typed is not None else _from_wire_checked(entity, obj)


def _from_wire_checked(entity: str, obj) -> dict:
    """The reference check: decides and names every rejection (see ``_fast_from_wire``)."""
    if not isinstance(obj, dict):
        raise _fail(f"ein Datensatz ({entity}) ist kein Objekt")
    fields = FIELDS[entity]
    allowed = {f.name for f in fields} | set(PART_KEYS.get(entity, ()))
    unknown = set(obj) - allowed
    if unknown:
        raise _fail(f"ein Datensatz ({entity}) hat unbekannte Felder: {', '.join(sorted(unknown))}")
    typed: dict = {}
    for f in fields:
        if f.name not in obj:
            if f.nullable:
                typed[f.name] = None  # written by an older schema that lacked the field
                continue
            raise _fail(f"einem Datensatz ({entity}) fehlt das Feld {f.name}")
        typed[f.name] = _typed(entity, f, obj[f.name])
    if not _UUID.match(typed["id"]):
        raise _fail(f"ein Datensatz ({entity}) hat keine gültige id")
    if typed["version"] < 1:
        raise _fail(f"ein Datensatz ({entity}) hat eine ungültige Version")
    if entity == "consultation":
        typed["topics"], typed["referrals"] = _parts(obj)
    return typed


def _typed(entity: str, f: Field, value):
    if value is None:
        if f.nullable:
            return None
        raise _fail(f"im Datensatz ({entity}) fehlt ein Wert für {f.name}")
    try:
        if f.kind == "str" and isinstance(value, str):
            if len(value) > f.max_length or "\x00" in value:
                raise ValueError
            return value
        if f.kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            if not -(2**53) < value < 2**53:
                raise ValueError
            return value
        if f.kind == "bool" and isinstance(value, bool):
            return value
        if f.kind == "date" and isinstance(value, str):
            return date.fromisoformat(value) if len(value) == 10 else _bad()
        if f.kind == "datetime" and isinstance(value, str):
            return _parse_datetime(value)
    except ValueError:
        pass
    raise _fail(f"im Datensatz ({entity}) hat {f.name} einen unzulässigen Wert")


def _bad():
    raise ValueError


def _parts(obj) -> tuple[tuple[str, ...], tuple[tuple[str, bool, str], ...]]:
    topics = obj.get("topics")
    referrals = obj.get("referrals")
    if not isinstance(topics, list) or not isinstance(referrals, list):
        raise _fail("eine Beratung hat keine Themen- oder Verweisliste")
    if len(topics) > MAX_PARTS or len(referrals) > MAX_PARTS:
        raise _fail("eine Beratung hat zu viele Themen oder Verweise")
    if not all(isinstance(t, str) and 0 < len(t) <= 32 for t in topics):
        raise _fail("eine Beratung hat ein ungültiges Thema")
    if len(set(topics)) != len(topics):
        raise _fail("eine Beratung nennt ein Thema doppelt")
    parsed = []
    for r in referrals:
        if (
            not isinstance(r, dict)
            or set(r) != {"target", "accompanied", "outcome"}
            or not isinstance(r["target"], str)
            or not 0 < len(r["target"]) <= 32
            or not isinstance(r["accompanied"], bool)
            or not isinstance(r["outcome"], str)
            or not 0 < len(r["outcome"]) <= 16
        ):
            raise _fail("eine Beratung hat einen ungültigen Verweis")
        parsed.append((r["target"], r["accompanied"], r["outcome"]))
    return tuple(sorted(topics)), tuple(parsed)


# -- the fast path of the strict reader --------------------------------------------------------
#
# A bundle is read twice (verified in full, then merged), so the strict reader runs twice per
# record. The functions above are the reference: they decide and name every rejection. The fast
# path below accepts only what they accept and returns the same value; anything it is not sure
# about goes to them, so the outcome and the reason are always theirs.


def _unique_pairs(pairs):
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise ValueError("duplicate key")
    return obj


_FAST_SCAN = json.JSONDecoder(
    object_pairs_hook=_unique_pairs, parse_constant=_no_constant, parse_float=_no_float
).scan_once


def _fast_loads(data):
    """Strict JSON of a plain UTF-8 object without ``\\u`` escapes, or None (not handled).

    Strict UTF-8 decoding yields no surrogates and without ``\\u`` escapes the parser makes
    none, so the lone surrogate check has nothing to find; duplicate keys still fail.
    """
    if type(data) is not bytes or data[:1] != b"{" or data[1:2] == b"\x00" or b"\\u" in data:
        return None  # not an object in UTF-8 (detect_encoding: UTF-16/32), or \u escapes
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        obj, end = _FAST_SCAN(text, 0)  # what json.loads does, minus its wrappers
    except (ValueError, RecursionError, StopIteration):
        return None
    return obj if end == len(text) else None  # trailing data (or whitespace): the reference


class _Plan:
    """How to check one entity's records quickly: fields by position, per type signature."""

    def __init__(self, entity: str):
        self.fields = FIELDS[entity]
        self.names = tuple(f.name for f in self.fields)
        self.keys = frozenset(self.names) | frozenset(PART_KEYS.get(entity, ()))
        self.size = len(self.keys)
        self.values = itemgetter(*self.names)
        self.parts = entity in PART_KEYS
        self.dates = tuple(f.name for f in self.fields if f.kind == "date")
        self.datetimes = tuple(f.name for f in self.fields if f.kind == "datetime")
        self.id_version = itemgetter(self.names.index("id"), self.names.index("version"))
        self.checks: dict[tuple, tuple] = {}

    def check(self, signature: tuple) -> tuple | None:
        """For the value types of a record: string positions with their limits, int, date and
        datetime positions; None if these types are not all allowed."""
        strs, limits, ints, dates, datetimes = [], [], [], [], []
        for i, (f, t) in enumerate(zip(self.fields, signature, strict=True)):
            if t is type(None) and f.nullable:
                continue
            if f.kind == "str" and t is str:
                strs.append(i)
                limits.append(f.max_length)
            elif f.kind == "int" and t is int:
                ints.append(i)
            elif f.kind == "date" and t is str:
                dates.append((i, f.name))
            elif f.kind == "datetime" and t is str:
                datetimes.append((i, f.name))
            elif not (f.kind == "bool" and t is bool):
                return None  # not kept: only valid signatures are, and there are few of them
        found = (_getter(strs), tuple(limits), _getter(ints), tuple(dates), tuple(datetimes))
        self.checks[signature] = found
        return found


def _getter(positions: list[int]):
    if not positions:
        return lambda values: ()
    if len(positions) == 1:
        (i,) = positions
        return lambda values: (values[i],)
    return itemgetter(*positions)


_PLANS = {entity: _Plan(entity) for entity in FIELDS}
_REFERRAL_KEYS = frozenset({"target", "accompanied", "outcome"})
_INT_LOW, _INT_HIGH = -(2**53), 2**53


def _fast_from_wire(entity: str, obj, *, own: bool = False) -> dict | None:
    """``from_wire`` for a record that is valid in every respect, else None (not handled).

    ``own``: ``obj`` is a fresh object of ``_fast_loads`` (no NUL can be in its strings) that
    becomes the typed record itself (same items; the keys keep the order of the line). It is
    changed only once every check has passed.
    """
    plan = _PLANS.get(entity)
    if plan is None or type(obj) is not dict or len(obj) != plan.size:
        return None
    try:  # as many keys as expected and each expected one there: exactly the expected keys
        values = plan.values(obj)
        if plan.parts:
            topics, referrals = obj["topics"], obj["referrals"]
    except KeyError:
        return None
    signature = tuple(map(type, values))
    check = plan.checks.get(signature) or plan.check(signature)
    if check is None:
        return None
    strs, limits, ints, dates, datetimes = check
    texts = strs(values)
    if not all(map(le, map(len, texts), limits)) or (not own and "\x00" in "".join(texts)):
        return None
    numbers = ints(values)
    if numbers and not (_INT_LOW < min(numbers) and max(numbers) < _INT_HIGH):
        return None
    record_id, version = plan.id_version(values)
    if not _UUID.match(record_id) or version < 1:
        return None
    try:
        converted = [
            (name, date.fromisoformat(values[i]) if len(values[i]) == 10 else _bad())
            for i, name in dates
        ]
        converted += [(name, _parse_datetime(values[i])) for i, name in datetimes]
    except ValueError:
        return None
    if plan.parts:
        parts = _fast_parts(topics, referrals)
        if parts is None:
            return None
    typed = obj if own else dict(zip(plan.names, values, strict=False))
    for name, value in converted:
        typed[name] = value
    if plan.parts:
        typed["topics"], typed["referrals"] = parts
    return typed


def _fast_parts(topics, referrals) -> tuple | None:
    if (
        type(topics) is not list
        or type(referrals) is not list
        or len(topics) > MAX_PARTS
        or len(referrals) > MAX_PARTS
    ):
        return None
    for t in topics:
        if type(t) is not str or not 0 < len(t) <= 32:
            return None
    if len(set(topics)) != len(topics):
        return None
    parsed = []
    for r in referrals:
        if type(r) is not dict or r.keys() != _REFERRAL_KEYS:
            return None
        target, accompanied, outcome = r["target"], r["accompanied"], r["outcome"]
        if (
            type(target) is not str
            or not 0 < len(target) <= 32
            or type(accompanied) is not bool
            or type(outcome) is not str
            or not 0 < len(outcome) <= 16
        ):
            return None
        parsed.append((target, accompanied, outcome))
    return tuple(sorted(topics)), tuple(parsed)


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

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> bytes:
        return canonical(
            {
                "format": MANIFEST_FORMAT,
                "version": MANIFEST_VERSION,
                "bundle_id": self.bundle_id,
                "installation_id": self.installation_id,
                "seq": self.seq,
                "schema_version": self.schema_version,
                "created_at": _to_json_value(self.created_at),
                "full": self.full,
                "change_from": self.change_from,
                "change_to": self.change_to,
                "entities": {
                    e: {"count": self.counts[e], "sha256": self.hashes[e]} for e in ENTITY_ORDER
                },
            }
        )

    @classmethod
    def parse(cls, data: bytes) -> Manifest:
        obj = strict_loads(data)
        keys = {
            "format", "version", "bundle_id", "installation_id", "seq", "schema_version",
            "created_at", "full", "change_from", "change_to", "entities",
        }  # fmt: skip
        if not isinstance(obj, dict) or set(obj) != keys:
            raise _fail("das Manifest des Bundles ist unvollständig")
        if obj["format"] != MANIFEST_FORMAT or obj["version"] != MANIFEST_VERSION:
            raise _fail("das Manifest des Bundles hat ein unbekanntes Format")
        ints = ("seq", "schema_version", "change_from", "change_to")
        if not all(isinstance(obj[k], int) and not isinstance(obj[k], bool) for k in ints):
            raise _fail("das Manifest des Bundles ist beschädigt")
        entities = obj["entities"]
        if not isinstance(entities, dict) or set(entities) != set(ENTITY_ORDER):
            raise _fail("das Manifest nennt nicht genau die bekannten Datenarten")
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
                raise _fail("das Manifest des Bundles ist beschädigt")
            if not 0 <= item["count"] <= MAX_RECORDS:
                raise _fail(f"das Manifest nennt eine unmögliche Anzahl ({e}: {item['count']})")
            counts[e], hashes[e] = item["count"], item["sha256"]
        try:
            created = _parse_datetime(obj["created_at"])
        except (ValueError, TypeError):
            raise _fail("das Manifest des Bundles ist beschädigt (Zeitpunkt)") from None
        if not isinstance(obj["full"], bool) or not all(
            isinstance(obj[k], str) and _UUID.match(obj[k])
            for k in ("bundle_id", "installation_id")
        ):
            raise _fail("das Manifest des Bundles ist beschädigt")
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
        )


class PayloadWriter:
    """Collects record lines per entity (in ENTITY_ORDER, sorted by id) into the payload."""

    def __init__(self):
        self._zip = zlib.compressobj(6)
        self._parts: list[bytes] = []
        self.counts = dict.fromkeys(ENTITY_ORDER, 0)
        self._hashes = {e: hashlib.sha256() for e in ENTITY_ORDER}
        self._position = 0

    def add(self, entity: str, record: dict) -> None:
        position = ENTITY_ORDER.index(entity)
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

    def finish(self, manifest: Manifest) -> bytes:
        self._parts.append(self._zip.flush())
        head = manifest.to_json()
        return struct.pack(">I", len(head)) + head + b"".join(self._parts)


def read_manifest(plaintext: bytes) -> tuple[Manifest, int]:
    if len(plaintext) < 4:
        raise _fail("der Inhalt des Bundles ist leer")
    (length,) = struct.unpack_from(">I", plaintext, 0)
    if length > MAX_MANIFEST or 4 + length > len(plaintext):
        raise _fail("das Manifest des Bundles ist zu groß oder abgeschnitten")
    return Manifest.parse(plaintext[4 : 4 + length]), 4 + length


def _lines(plaintext: bytes, offset: int) -> Iterator[bytes]:
    """Decompress with bounded memory and yield the lines (without ``\\n``)."""
    unzip = zlib.decompressobj()
    pending = b""
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
                raise _fail("der Inhalt des Bundles ist unzulässig groß")
            pending += chunk
            if len(pending) > MAX_LINE and b"\n" not in pending:
                raise _fail("ein Datensatz des Bundles ist unzulässig groß")
            *complete, pending = pending.split(b"\n")
            for line in complete:
                if len(line) > MAX_LINE:
                    raise _fail("ein Datensatz des Bundles ist unzulässig groß")
                yield line
            if unzip.eof:
                break
    except zlib.error:
        raise _fail("der Inhalt des Bundles ist beschädigt") from None
    if not unzip.eof or unzip.unused_data or position < len(view) and view[position:].tobytes():
        raise _fail("der Inhalt des Bundles ist beschädigt (Daten nach dem Ende)")
    if pending:
        raise _fail("der Inhalt des Bundles endet mitten in einem Datensatz")


_VERIFIED_CHUNK = 1000


@dataclass(frozen=True)
class Verified:
    """Proof that ``verify_records`` read a payload to the end without a fault.

    ``plain``: every line was a plain UTF-8 object the fast reader took (no ``\\u`` escapes),
    so a second read may join lines into arrays and skip the checks.
    """

    records: int
    plain: bool


def verify_records(
    plaintext: bytes, offset: int, manifest: Manifest, tick: Callable[[int], None] | None = None
) -> Verified:
    """Read every record with all checks (order, uniqueness, counts, hashes, fields)."""
    state = {"plain": True}
    done = 0
    for done, _ in enumerate(_checked_records(plaintext, offset, manifest, state), start=1):
        if tick and done % 5000 == 0:
            tick(done)
    return Verified(done, state["plain"])


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
    return _checked_records(plaintext, offset, manifest, {"plain": True})


def _checked_records(
    plaintext: bytes, offset: int, manifest: Manifest, state: dict
) -> Iterator[tuple[str, dict]]:
    lines = _lines(plaintext, offset)
    for entity in ENTITY_ORDER:
        digest = hashlib.sha256()
        last_id = ""
        for _ in range(manifest.counts[entity]):
            line = next(lines, None)
            if line is None:
                raise _fail(
                    f"das Bundle enthält weniger Datensätze ({entity}) als das Manifest nennt"
                )
            digest.update(line)
            digest.update(b"\n")
            obj = _fast_loads(line)
            if obj is not None:
                record = _fast_from_wire(entity, obj, own=True) or _from_wire_checked(entity, obj)
            else:
                state["plain"] = False
                record = from_wire(entity, _strict_loads_checked(line))
            if record["id"] <= last_id:
                raise _fail(f"die Datensätze ({entity}) sind nicht eindeutig sortiert")
            last_id = record["id"]
            yield entity, record
        if digest.hexdigest() != manifest.hashes[entity]:
            raise _fail(
                f"die Prüfsumme der Datensätze ({entity}) stimmt nicht mit dem Manifest überein"
            )
    if next(lines, None) is not None:
        raise _fail("das Bundle enthält mehr Datensätze als das Manifest nennt")


_PLAIN_DECODER = json.JSONDecoder()


def _reread(plaintext: bytes, offset: int, manifest: Manifest) -> Iterator[tuple[str, dict]]:
    """The records of a payload ``iter_records`` has just verified, without checking again.

    Each line is known to be one complete strict JSON object in UTF-8 (read by
    ``_fast_loads``: no ``\\u`` escapes, no duplicate keys, floats or constants), so the lines
    of a chunk joined by commas are a JSON array of exactly these objects, and a plain parser
    reads them as the strict one did.
    """
    lines = _lines(plaintext, offset)
    for entity in ENTITY_ORDER:
        plan = _PLANS[entity]
        left = manifest.counts[entity]
        while left:
            chunk = list(islice(lines, min(left, _VERIFIED_CHUNK)))
            left -= len(chunk)
            text = (b"[" + b",".join(chunk) + b"]").decode("utf-8")
            for obj in _PLAIN_DECODER.decode(text):
                yield entity, _typed_valid(entity, plan, obj)


def _typed_valid(entity: str, plan: _Plan, obj: dict) -> dict:
    """``from_wire`` of a fresh record known to pass it: the same items, without the checks
    (``obj`` itself becomes the typed record, as with ``own`` in ``_fast_from_wire``)."""
    if len(obj) != plan.size:  # verified: no unknown keys, so some are missing
        return from_wire(entity, obj)  # (fields an older schema lacked)
    for name in plan.dates:
        value = obj[name]
        if value is not None:
            obj[name] = date.fromisoformat(value)
    for name in plan.datetimes:
        value = obj[name]
        if value is not None:
            obj[name] = _parse_datetime(value)
    if plan.parts:
        obj["topics"] = tuple(sorted(obj["topics"]))
        obj["referrals"] = tuple(
            [(r["target"], r["accompanied"], r["outcome"]) for r in obj["referrals"]]
        )
    return obj
