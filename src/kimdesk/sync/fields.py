"""The records of a bundle: which fields travel, and how values are written as JSON.

The exported columns of each synced table (not ``local``, not the store's ``change_seq``)
are the fields of its wire records; a consultation adds its ``topics`` and ``referrals``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Boolean, Date, Integer, String, Text

from kimdesk.store.models import UTCDateTime
from kimdesk.store.records import TABLES

#: The order of the records in a bundle (format 1, frozen: a later format may add kinds
#: at the end, never reorder them). Each kind after those it refers to.
ENTITY_ORDER = (
    "client", "case", "goal", "consultation", "group_offer", "group_session", "structural_need",
)  # fmt: skip
MAX_PARTS = 30
_CANONICAL_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")


# -- fields --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # str, int, bool, date, datetime
    nullable: bool
    max_length: int = 0
    derived: bool = False


def column_kind(column) -> tuple[str, int]:
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
        kind, length = column_kind(column)
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


FIELDS = {entity: wire_fields(TABLES[entity]) for entity in ENTITY_ORDER}
PART_KEYS = {"consultation": ("topics", "referrals")}


def json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_wire(entity: str, row, parts: tuple | None = None) -> dict:
    """A stored row (mapping) as a wire record; a consultation's ``parts`` are
    (topics, referrals as (target, accompanied, outcome)), see ``consultation_parts``."""
    record = {f.name: json_value(row[f.name]) for f in FIELDS[entity]}
    if entity == "consultation":
        topics, referrals = parts or ((), ())
        record["topics"] = sorted(topics)
        record["referrals"] = [
            {"target": t, "accompanied": bool(a), "outcome": o} for t, a, o in referrals
        ]
    return record


def canonical(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


#: Parsed timestamps by text: the records of one save share theirs, so a bundle repeats them.
_PARSED: dict[str, datetime] = {}


def parse_time(text: str) -> datetime:
    parsed = _PARSED.get(text) if type(text) is str else None
    if parsed is not None:
        return parsed
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ValueError
    if _CANONICAL_TIME.fullmatch(text):
        # The shape the writer uses: read as strptime reads it (ValueError alike), 20x faster.
        parsed = datetime.fromisoformat(text)
    else:
        parsed = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    if len(_PARSED) > 50_000:
        _PARSED.clear()
    _PARSED[text] = parsed
    return parsed
