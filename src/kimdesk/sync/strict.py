"""The strict reader of wire records: JSON without surprises, fields of the right types.

The ``_checked`` functions are the reference: they decide and name every rejection. A fast
path in front of them accepts only what they accept and returns the same value; anything it
is not sure about goes to them, so outcome and reason are always theirs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from operator import itemgetter, le

from kimdesk.domain.ids import UUID_PATTERN
from kimdesk.domain.text import printable

from .fields import (
    FIELDS,
    MAX_PARTS,
    PART_KEYS,
    Field,
    parse_time,
)
from .reasons import BundleRejected, Reason


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
        raise BundleRejected(
            Reason.STRICT_JSON, "ein Datensatz ist zu tief verschachtelt"
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRejected(
            Reason.STRICT_JSON, f"ein Datensatz ist kein strenges JSON ({_why(exc)})"
        ) from None


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


def from_wire(entity: str, obj) -> dict:
    """Check a wire record strictly and return it typed (dates as date, datetimes as UTC)."""
    typed = _fast_from_wire(entity, obj)
    return typed if typed is not None else _from_wire_checked(entity, obj)


def _from_wire_checked(entity: str, obj) -> dict:
    """The reference check: decides and names every rejection (see ``_fast_from_wire``)."""
    if not isinstance(obj, dict):
        raise BundleRejected(Reason.RECORD_INVALID, f"ein Datensatz ({entity}) ist kein Objekt")
    fields = FIELDS[entity]
    allowed = {f.name for f in fields} | set(PART_KEYS.get(entity, ()))
    unknown = set(obj) - allowed
    if unknown:
        raise BundleRejected(
            Reason.RECORD_INVALID,
            f"ein Datensatz ({entity}) hat unbekannte Felder: {', '.join(sorted(unknown))}",
        )
    typed: dict = {}
    for f in fields:
        if f.name not in obj:
            if f.nullable:
                typed[f.name] = None  # written by an older schema that lacked the field
                continue
            raise BundleRejected(
                Reason.RECORD_INVALID, f"einem Datensatz ({entity}) fehlt das Feld {f.name}"
            )
        typed[f.name] = _typed(entity, f, obj[f.name])
    if not UUID_PATTERN.match(typed["id"]):
        raise BundleRejected(
            Reason.RECORD_INVALID, f"ein Datensatz ({entity}) hat keine gültige id"
        )
    if typed["version"] < 1:
        raise BundleRejected(
            Reason.RECORD_INVALID, f"ein Datensatz ({entity}) hat eine ungültige Version"
        )
    if entity == "consultation":
        typed["topics"], typed["referrals"] = _parts(obj)
    return typed


def _typed(entity: str, f: Field, value):
    if value is None:
        if f.nullable:
            return None
        raise BundleRejected(
            Reason.RECORD_INVALID, f"im Datensatz ({entity}) fehlt ein Wert für {f.name}"
        )
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
            return parse_time(value)
    except ValueError:
        pass
    raise BundleRejected(
        Reason.RECORD_INVALID, f"im Datensatz ({entity}) hat {f.name} einen unzulässigen Wert"
    )


def _bad():
    raise ValueError


def _parts(obj) -> tuple[tuple[str, ...], tuple[tuple[str, bool, str], ...]]:
    topics = obj.get("topics")
    referrals = obj.get("referrals")
    if not isinstance(topics, list) or not isinstance(referrals, list):
        raise BundleRejected(
            Reason.RECORD_INVALID, "eine Beratung hat keine Themen- oder Verweisliste"
        )
    if len(topics) > MAX_PARTS or len(referrals) > MAX_PARTS:
        raise BundleRejected(
            Reason.RECORD_INVALID, "eine Beratung hat zu viele Themen oder Verweise"
        )
    if not all(isinstance(t, str) and 0 < len(t) <= 32 for t in topics):
        raise BundleRejected(Reason.RECORD_INVALID, "eine Beratung hat ein ungültiges Thema")
    if len(set(topics)) != len(topics):
        raise BundleRejected(Reason.RECORD_INVALID, "eine Beratung nennt ein Thema doppelt")
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
            raise BundleRejected(
                Reason.RECORD_INVALID, "eine Beratung hat einen ungültigen Verweis"
            )
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
    if not UUID_PATTERN.match(record_id) or version < 1:
        return None
    try:
        converted = [
            (name, date.fromisoformat(values[i]) if len(values[i]) == 10 else _bad())
            for i, name in dates
        ]
        converted += [(name, parse_time(values[i])) for i, name in datetimes]
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
            obj[name] = parse_time(value)
    if plan.parts:
        obj["topics"] = tuple(sorted(obj["topics"]))
        obj["referrals"] = tuple(
            [(r["target"], r["accompanied"], r["outcome"]) for r in obj["referrals"]]
        )
    return obj


# -- the entry points of a bundle's reader ----------------------------------------------


def read_record(entity: str, line: bytes) -> tuple[dict, bool]:
    """One record line of a bundle, checked strictly and typed, and whether it was plain:
    strict JSON a plain parser reads the same (UTF-8, no ``\\u`` escapes), so that
    ``reread_records`` may read it again without the checks."""
    obj = _fast_loads(line)
    if obj is not None:
        return _fast_from_wire(entity, obj, own=True) or _from_wire_checked(entity, obj), True
    return from_wire(entity, _strict_loads_checked(line)), False


def reread_records(entity: str, objs: Iterable[dict]) -> Iterator[dict]:
    """Records ``read_record`` has passed as plain, parsed again by a plain parser: typed as
    it typed them, without checking again (each object becomes its typed record)."""
    plan = _PLANS[entity]
    for obj in objs:
        yield _typed_valid(entity, plan, obj)


def read_document(
    plaintext: bytes,
    *,
    keys: set[str],
    form: str,
    version: int,
    ids: tuple[str, ...],
    it: str,
    bad: Callable[[str], BundleRejected],
) -> tuple[dict, list[str], datetime]:
    """The part every signed JSON document of ours shares (a reply, a handover package):
    strict JSON, exactly ``keys``, its ``format`` and ``version``, the UUIDs named by ``ids``
    and ``created_at``; returns the object, those ids and the time. ``it`` names the document
    in the refusal of another version ("die Antwort"); ``bad`` makes every other refusal."""
    try:
        obj = strict_loads(plaintext)
    except BundleRejected:
        raise bad("kein strenges JSON") from None
    if not isinstance(obj, dict) or set(obj) != keys:
        raise bad("unvollständig oder hat unbekannte Felder")
    if obj["format"] != form:
        raise bad("beschädigt (Format)")
    if type(obj["version"]) is not int or obj["version"] != version:
        raise BundleRejected(
            Reason.FORMAT_VERSION,
            f"{it} hat das Format {printable(repr(obj['version']), 20)}, diese KIMdesk-Version "
            f"liest Format {version}",
        )
    found = [obj[k] for k in ids]
    if not all(isinstance(v, str) and UUID_PATTERN.fullmatch(v) for v in found):
        raise bad("beschädigt (Kennungen)")
    try:
        created = parse_time(obj["created_at"]) if isinstance(obj["created_at"], str) else None
    except ValueError:
        created = None
    if created is None:
        raise bad("beschädigt (Zeit)")
    return obj, found, created
