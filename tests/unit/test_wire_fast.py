"""The fast paths of the bundle reader and the merge's writes agree with the reference.

``strict._fast_loads`` / ``strict._fast_from_wire`` may only accept what ``_strict_loads_checked``
/ ``_from_wire_checked`` accept and must return the same value; ``verified_records`` after
a clean ``verify_records`` must yield the same records; the merge's quick bind
processors must bind what SQLAlchemy's own bind.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy
from hypothesis import given, settings
from hypothesis import strategies as st

from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.store import bulk
from kimdesk.store.records import TABLES
from kimdesk.sync import fields, strict, wire
from kimdesk.sync.container import BundleRejected

TIME = "%Y-%m-%dT%H:%M:%S.%fZ"


def _consultation(**over) -> dict:
    record = {
        "id": uuid7(),
        "version": 1,
        "origin": str(uuid.uuid4()),
        "updated_at": datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC).strftime(TIME),
        "deleted": False,
        "base_version": None,
        "occurred_on": "2024-05-06",
        "duration_min": 45,
        "municipality": "05382068",
        "program": "kim",
        "kind": "cm",
        "client_id": None,
        "case_id": uuid7(),
        "setting": "telefon",
        "language_mediation": None,
        "language": "ar",
        "topics": ["wohnen", "deutsch"],
        "referrals": [{"target": "jc_afa", "accompanied": True, "outcome": "open"}],
    }
    record.update(over)
    return record


def _case(**over) -> dict:
    record = {
        "id": uuid7(),
        "version": 2,
        "origin": str(uuid.uuid4()),
        "updated_at": datetime(2024, 12, 31, 23, 59, 59, 0, tzinfo=UTC).strftime(TIME),
        "deleted": False,
        "base_version": 1,
        "client_id": None,
        "municipality": "05382004",
        "program": "muki",
        "opened_on": "2024-02-29",
        "phase": "planning",
        "access_route": None,
        "closed_on": None,
        "closure_reason": None,
    }
    record.update(over)
    return record


def _reference(entity: str, obj):
    try:
        return "ok", strict._from_wire_checked(entity, obj)
    except BundleRejected as exc:
        return "rejected", str(exc)


# -- datetimes ---------------------------------------------------------------------------------


def test_canonical_datetimes_read_as_strptime_reads_them():
    rng = random.Random(7)
    samples = ["0000-01-01T00:00:00.000000Z", "2024-02-29T23:59:59.999999Z"]
    samples += ["2023-02-29T12:00:00.000000Z", "2024-13-01T00:00:00.000000Z"]
    samples += ["2024-01-01T24:00:00.000000Z", "2024-01-01T00:60:00.000000Z"]
    samples += ["2024-01-01T00:00:60.000000Z", "9999-12-31T23:59:59.999999Z"]
    for _ in range(20_000):
        samples.append(
            f"{rng.randrange(10000):04d}-{rng.randrange(14):02d}-{rng.randrange(33):02d}T"
            f"{rng.randrange(26):02d}:{rng.randrange(62):02d}:{rng.randrange(63):02d}."
            f"{rng.randrange(10**6):06d}Z"
        )
    for text in samples:
        try:
            expected = datetime.strptime(text, TIME).replace(tzinfo=UTC)
        except ValueError:
            expected = None
        try:
            got = fields.parse_time(text)
        except ValueError:
            got = None
        assert got == expected, text
        assert got is None or got.tzinfo is UTC


# -- strict JSON -------------------------------------------------------------------------------

_ATOMS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(codec=None, categories=["Cs", "L", "N", "P", "S", "Z", "C"]), max_size=8),
)
_VALUES = st.recursive(
    _ATOMS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "a", "topics", "ä"]) | st.text(max_size=4), inner)
    ),
    max_leaves=12,
)


def _texts():
    as_json = _VALUES.map(
        lambda v: json.dumps(v, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")
    )
    duplicated = st.tuples(st.text(max_size=3), _ATOMS, _ATOMS).map(
        lambda t: (
            "{"
            + f"{json.dumps(t[0])}:{json.dumps(t[1])},{json.dumps(t[0])}:{json.dumps(t[2])}"
            + "}"
        ).encode("utf-8", "surrogatepass")
    )
    return st.one_of(
        as_json,
        duplicated,
        st.binary(max_size=60).map(lambda b: b"{" + b),
        st.text(alphabet='{}[]",:019.eE-truefalsnNaI \\u\x00', max_size=40).map(str.encode),
        as_json.map(lambda b: b.decode("utf-8", "surrogatepass").encode("utf-16", "surrogatepass")),
    )


@settings(max_examples=500, deadline=None)
@given(data=_texts())
def test_fast_loads_only_accepts_what_the_reference_accepts(data):
    fast = strict._fast_loads(data)
    if fast is None:
        return
    assert strict._strict_loads_checked(data) == fast


def test_fast_loads_declines_what_it_does_not_check():
    assert strict._fast_loads(b'{"a":"\\ud800"}') is None  # lone surrogate: the reference names it
    assert strict._fast_loads(b'{"a":1,"a":2}') is None
    assert strict._fast_loads(b'{"a":NaN}') is None
    assert strict._fast_loads(b'{"a":1.5}') is None
    assert strict._fast_loads(b'{"a":1} ') is None
    assert strict._fast_loads(b'{"a":1}{}') is None
    assert strict._fast_loads('{"a":"ä"}'.encode("utf-16")) is None
    assert strict._fast_loads(b'{"a":"\xed\xa0\x80"}') is None  # a surrogate in UTF-8 bytes
    with pytest.raises(BundleRejected):
        wire.strict_loads(b'{"a":1,"a":2}')
    assert wire.strict_loads(b'{"a":[1,{"b":null}]}') == {"a": [1, {"b": None}]}


# -- typed records -----------------------------------------------------------------------------

_FIELD_VALUES = st.one_of(
    _ATOMS,
    st.sampled_from(
        ["", "x" * 17, "x" * 33, "x" * 37, "a\x00b", "2024-05-06", "2024-5-6", "2024-W01-1",
         "2024-02-30", "2025-01-02T03:04:05.678901Z", "2025-01-02T03:04:05Z", "2025-01-02 03:04:05.678901Z",
         str(uuid.uuid4()), str(uuid.uuid4()).upper(), 0, -1, 2**53, 2**53 - 1, -(2**53) + 1,
         ["wohnen"], ["wohnen", "wohnen"], [""], ["x" * 33], ["wohnen"] * 31, [1], {},
         [{"target": "a", "accompanied": False, "outcome": "open"}],
         [{"target": "a", "accompanied": 0, "outcome": "open"}],
         [{"target": "a", "accompanied": False, "outcome": "x" * 17}],
         [{"target": "a", "accompanied": False}], [["a", False, "open"]]]
    ),
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(
    entity=st.sampled_from(["consultation", "case"]),
    changes=st.dictionaries(
        st.sampled_from(
            [f.name for f in wire.FIELDS["consultation"]]
            + [f.name for f in wire.FIELDS["case"]]
            + ["topics", "referrals", "extra"]
        ),
        _FIELD_VALUES | st.just(KeyError),
        max_size=3,
    ),
)
def test_fast_from_wire_agrees_with_the_reference(entity, changes):
    obj = _consultation() if entity == "consultation" else _case()
    for key, value in changes.items():
        if value is KeyError:
            obj.pop(key, None)
        else:
            obj[key] = value
    snapshot = json.dumps(obj, sort_keys=True)
    expected = _reference(entity, obj)
    fast = strict._fast_from_wire(entity, obj)
    assert json.dumps(obj, sort_keys=True) == snapshot  # never changed
    if fast is not None:
        assert expected == ("ok", fast)
        assert list(fast) == list(expected[1])  # the same key order, too
    # ``own``: for objects of the fast reader only (their strings cannot hold a NUL).
    line = json.dumps(obj, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")
    parsed = strict._fast_loads(line)
    if parsed is not None:
        before = json.dumps(parsed, sort_keys=True)
        own = strict._fast_from_wire(entity, parsed, own=True)
        if own is None:
            assert json.dumps(parsed, sort_keys=True) == before  # declined: left as it was
        else:
            assert own is parsed and _reference(entity, json.loads(before)) == ("ok", own)
    # The public function answers as the reference does, whichever path it takes.
    try:
        public = ("ok", wire.from_wire(entity, json.loads(snapshot)))
    except BundleRejected as exc:
        public = ("rejected", str(exc))
    assert public == _reference(entity, json.loads(snapshot))


def test_valid_records_take_the_fast_path():
    for entity, obj in (("consultation", _consultation()), ("case", _case())):
        assert strict._fast_from_wire(entity, obj) == strict._from_wire_checked(entity, obj)


def test_a_record_of_manifest_version_2_has_no_base_version():
    """Records written before manifest version 3 lack ``base_version``: read as null."""
    obj = _case()
    del obj["base_version"]
    assert strict._fast_from_wire("case", dict(obj)) is None  # not the fast path's shape
    assert wire.from_wire("case", obj)["base_version"] is None


# -- reading a payload twice -------------------------------------------------------------------


def _payload(records: list[tuple[str, dict]]):
    writer = wire.PayloadWriter()
    for entity in wire.ENTITY_ORDER:
        for e, record in sorted(records, key=lambda r: r[1]["id"]):
            if e == entity:
                writer.add(entity, record)
    manifest = wire.Manifest(
        bundle_id=uuid7(),
        installation_id=uuid7(),
        seq=1,
        schema_version=1,
        created_at=utc_now(),
        full=True,
        change_from=0,
        change_to=len(records),
        counts=dict(writer.counts),
        hashes=writer.hashes,
    )
    plaintext = writer.finish(manifest)
    manifest, offset = wire.read_manifest(plaintext)
    return plaintext, offset, manifest


def _records(n: int) -> list[tuple[str, dict]]:
    rng = random.Random(n)
    records = []
    for i in range(n):
        records.append(
            (
                "consultation",
                _consultation(
                    topics=rng.sample(["wohnen", "deutsch", "arbeit", "schule"], rng.randint(1, 3)),
                    referrals=[
                        {"target": t, "accompanied": rng.random() < 0.5, "outcome": "open"}
                        for t in rng.sample(["jc_afa", "aemter"], rng.randint(0, 2))
                    ],
                    duration_min=rng.choice([None, 15, 30]),
                    updated_at=(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=i)).strftime(
                        TIME
                    ),
                ),
            )
        )
        if i % 3 == 0:
            records.append(("case", _case(closed_on=rng.choice([None, "2025-03-04"]))))
    return records


@pytest.mark.parametrize("odd", [None, "escape", "old_schema", "spaces"])
def test_a_second_read_yields_the_same_records(odd):
    records = _records(2500)
    if odd == "escape":  # a \u escape: the fast reader declines, nothing is reread
        records[7][1]["setting"] = "tel\x01"
    elif odd == "old_schema":  # a field an older schema lacked
        del records[8][1]["language"]
    elif odd == "spaces":
        records[9][1]["municipality"] = "0538 068"
    plaintext, offset, manifest = _payload(records)
    first = list(wire.iter_records(plaintext, offset, manifest))
    verified = wire.verify_records(plaintext, offset, manifest)
    assert verified.plain == (odd != "escape") and verified.records == len(records)
    second = list(wire.verified_records(plaintext, offset, manifest, verified))
    assert second == first
    reference = [
        (entity, strict._from_wire_checked(entity, strict._strict_loads_checked(line)))
        for entity, line in zip(
            [e for e in wire.ENTITY_ORDER for _ in range(manifest.counts[e])],
            wire._lines(plaintext, offset),
            strict=True,
        )
    ]
    assert first == reference


def test_a_faulty_payload_gives_no_verification():
    records = _records(50)
    plaintext, offset, manifest = _payload(records)
    other = wire.Manifest(**{**manifest.__dict__, "hashes": {**manifest.hashes, "case": "0" * 64}})
    with pytest.raises(BundleRejected):
        wire.verify_records(plaintext, offset, other)
    with pytest.raises(BundleRejected):
        list(wire.iter_records(plaintext, offset, other))


# -- the merge's bind processors ---------------------------------------------------------------


def _binds(process, value) -> bool:
    try:
        process(value)
    except Exception:
        return False
    return True


def test_quick_bind_processors_bind_as_sqlalchemy_does():
    dialect = sqlalchemy.create_engine("sqlite+pysqlcipher://:x@/:memory:").dialect
    rng = random.Random(3)
    values = {
        "datetime": [
            datetime(1, 1, 1, tzinfo=UTC) + timedelta(microseconds=rng.randrange(3 * 10**17))
            for _ in range(2000)
        ]
        + [datetime(2024, 1, 1, tzinfo=UTC), None],
        "date": [date(1, 1, 1) + timedelta(days=rng.randrange(3_600_000)) for _ in range(2000)]
        + [None],
        "bool": [True, False, None],
    }
    checked = 0
    for table in TABLES.values():
        for column in table.columns:
            process = column.type.dialect_impl(dialect).bind_processor(dialect)
            if process is None:
                continue
            quick = bulk.quick(process)
            assert quick is not process  # every processor of the synced tables has a quick one
            for kind, samples in values.items():
                for value in samples:
                    try:
                        expected = ("ok", process(value))
                    except Exception as exc:  # the failure must be the same, too
                        expected = ("error", type(exc))
                    try:
                        got = ("ok", quick(value))
                    except Exception as exc:
                        got = ("error", type(exc))
                    assert got == expected and type(got[1]) is type(expected[1]), (kind, value)
                if all(_binds(process, v) for v in samples):  # a column of this kind
                    column_values = samples * 3  # repeated values: each bound once
                    bound = list(bulk.bound(quick, column_values))
                    assert bound == list(map(process, column_values))
            checked += 1
    assert checked >= 20


def test_a_processor_that_no_quick_one_matches_is_kept():
    """A column type whose binding the quick ones do not reproduce keeps its own processor."""

    def process(value):
        return f"<{value}>"

    assert bulk.quick(process) is process
    assert list(bulk.bound(process, ["a", "b", "a", "a"])) == ["<a>", "<b>", "<a>", "<a>"]
