"""Helpers for the sync tests: records in a case manager store, dumps of a whole store."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.store.models import Base
from kimdesk.store.records import delete_record, save_record


def consultation(**over) -> Consultation:
    values = dict(
        occurred_on=date(2024, 3, 4),
        municipality="05382068",
        kind="einmalig",
        topics=("wohnen", "deutsch"),
        referrals=(Referral("jc_afa"),),
        duration_min=30,
    )
    values.update(over)
    return Consultation(**values)


def add(ws, *entities):
    with ws.store.begin() as conn:
        return [save_record(conn, e, origin=ws.installation.id) for e in entities]


def remove(ws, entity_type, record_id):
    with ws.store.begin() as conn:
        delete_record(conn, entity_type, record_id, origin=ws.installation.id)


def a_case(**over) -> Case:
    values = dict(
        client_id=None, municipality="05382068", program="kim", opened_on=date(2024, 1, 8)
    )
    values.update(over)
    return Case(**values)


def a_client(**over) -> Client:
    values = dict(gender="w", nationality="SY", residence_group="schutz", arrival_band="2015_2019")
    values.update(over)
    return Client(**values)


def dump(ws) -> dict[str, list[tuple]]:
    """Every row of every table: the store before and after must compare equal."""
    with ws.store.connect() as conn:
        return {
            table.name: sorted(
                conn.execute(select(table)).all(), key=lambda r: tuple(str(v) for v in r)
            )
            for table in Base.metadata.sorted_tables
        }


def rows(ws, entity: str) -> dict[str, dict]:
    from kimdesk.store.records import TABLES

    table = TABLES[entity]
    with ws.store.connect() as conn:
        return {r["id"]: dict(r) for r in conn.execute(select(table)).mappings()}
