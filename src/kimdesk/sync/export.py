"""Reading the changes of a store for a bundle (SQLAlchemy Core, streamed, sorted by id)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kimdesk.domain import consent
from kimdesk.domain.validation import age_group
from kimdesk.store.records import TABLES, consultation_parts

from .fields import ENTITY_ORDER, FIELDS, to_wire

_BATCH = 2000


def changed_records(
    conn: Connection, change_from: int, change_to: int, today: date, origin: str | None = None
) -> Iterator[tuple[str, dict]]:
    """Every record with ``change_from < change_seq <= change_to``, as wire records; with
    ``origin``, only that installation's versions (a device sends its own, never a decision
    of the office it took from a reply)."""
    for entity in ENTITY_ORDER:
        table = TABLES[entity]
        columns = [table.c[f.name] for f in FIELDS[entity] if not f.derived]
        if entity == "client":
            columns.append(table.c.birth_date)  # only to derive the age group, never sent
            columns.append(table.c.age_group)  # a list's group where no birth date is known
            columns.append(table.c.consents)  # only to derive the consent flag, never sent
        query = (
            select(*columns)
            .where(table.c.change_seq > change_from, table.c.change_seq <= change_to)
            .order_by(table.c.id)
        )
        if origin is not None:
            query = query.where(table.c.origin == origin)
        result = conn.execution_options(yield_per=_BATCH).execute(query).mappings()
        for rows in result.partitions(_BATCH):
            parts = (
                consultation_parts(conn, [r["id"] for r in rows])
                if entity == "consultation"
                else {}
            )
            for row in rows:
                if entity == "client":
                    row = with_derived(row, today)
                yield entity, to_wire(entity, row, parts.get(row["id"]))


def with_derived(row, today: date) -> dict:
    """A client's stored row (with ``birth_date`` and ``consents``) with the fields a bundle
    derives on ``today``: the age group from the birth date (else a list's group, else
    unknown) and the consent flag. ``to_wire`` then takes only what travels."""
    derived = dict(row)
    born = derived["birth_date"]
    if born is not None or not derived["age_group"]:
        derived["age_group"] = age_group(born, today).value
    derived["consent"] = consent_flag(derived["consents"], today)
    return derived


def consent_flag(consents: str | None, today: date) -> bool | None:
    """ "Einwilligung liegt vor" on ``today`` (false for none recorded); None where the
    history cannot be read (validation keeps it from being stored)."""
    try:
        return consent.given(consent.parse(consents), today)
    except consent.ConsentsUnreadable:
        return None
