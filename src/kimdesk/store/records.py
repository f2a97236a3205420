"""Writing and reading synced records with SQLAlchemy Core.

Every write bumps ``version``, sets ``origin`` and ``updated_at``, takes a number from the
change sequence and leaves an audit entry. Bulk inserts go through ``executemany``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.entities import (
    Consultation,
    GroupSession,
    Record,
    Referral,
    same_content,
)
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.registry import ENTITIES, LOCAL_FIELDS, Kind

from .bookkeeping import CHANGE_SEQ, audit, next_seq
from .models import (
    CaseRow,
    ClientRow,
    ConsultationRow,
    ConsultationTopicRow,
    GoalRow,
    GroupOfferRow,
    GroupSessionRow,
    ReferralRow,
    StructuralNeedRow,
)

consultation_t = ConsultationRow.__table__
topic_t = ConsultationTopicRow.__table__
referral_t = ReferralRow.__table__
case_t = CaseRow.__table__
client_t = ClientRow.__table__

#: The one kind → table map of the store, in the registry's order (a test holds it so).
TABLES = {
    Kind.CLIENT: client_t,
    Kind.CASE: case_t,
    Kind.GOAL: GoalRow.__table__,
    Kind.CONSULTATION: consultation_t,
    Kind.GROUP_OFFER: GroupOfferRow.__table__,
    Kind.GROUP_SESSION: GroupSessionRow.__table__,
    Kind.STRUCTURAL_NEED: StructuralNeedRow.__table__,
}
_TABLE_OF = {e.cls: TABLES[e.kind] for e in ENTITIES}
_ENTITY_NAME = {table: name for name, table in TABLES.items()}


def _columns_of(entity_type: type[Record], table) -> list[str]:
    names = {f.name for f in fields(entity_type)}
    return [c.name for c in table.columns if c.name in names]


_COLUMNS = {t: _columns_of(cls, t) for cls, t in _TABLE_OF.items()}


def _row(entity: Record, table, *, origin: str, at: datetime, seq: int, version: int) -> dict:
    row = {name: getattr(entity, name) for name in _COLUMNS[table]}
    row.update(version=version, origin=origin, updated_at=at, change_seq=seq)
    return row


def insert_records(
    conn: Connection,
    entities: Sequence[Record],
    *,
    origin: str,
    detail: str | None = None,
    at: datetime | None = None,
) -> None:
    """Insert new records of one type (version 1) in bulk, with their parts and audit entries."""
    if not entities:
        return
    table = _TABLE_OF[type(entities[0])]
    at = at or utc_now()
    first = next_seq(conn, CHANGE_SEQ, len(entities))
    rows = [
        _row(e, table, origin=origin, at=at, seq=first + i, version=1)
        for i, e in enumerate(entities)
    ]
    conn.execute(insert(table), rows)
    if table is consultation_t:
        _insert_parts(conn, entities)
    audit(
        conn,
        at=at,
        installation_id=origin,
        action="create",
        entity=_ENTITY_NAME[table],
        record_ids=[e.id for e in entities],
        detail=detail,
    )


def _insert_parts(conn: Connection, consultations: Sequence[Consultation]) -> None:
    topics = [{"consultation_id": c.id, "topic": t} for c in consultations for t in c.topics]
    referrals = [
        {
            "consultation_id": c.id,
            "pos": pos,
            "target": r.target,
            "accompanied": r.accompanied,
            "outcome": r.outcome,
            "recipient": r.recipient,
        }
        for c in consultations
        for pos, r in enumerate(c.referrals)
    ]
    if topics:
        conn.execute(insert(topic_t), topics)
    if referrals:
        conn.execute(insert(referral_t), referrals)


#: ``save_record``'s "read the stored record yourself".
_UNREAD = object()


def base_of(stored, origin: str) -> int | None:
    """The ``base_version`` of an edit by ``origin`` of the ``stored`` version (a record or a
    row): a record of its own keeps the base it has (null if it never took another's
    version); an edit of another installation's version starts from that version."""
    if stored is None:
        return None
    return stored.base_version if stored.origin == origin else stored.version


def save_record(
    conn: Connection, entity: Record, *, origin: str, revive: bool = False, stored=_UNREAD
) -> Record:
    """Create or change one record; returns it with its new version.

    Content equal to the stored record writes nothing (no version, change number or audit
    entry) and returns the stored record. ``revive`` lets a tombstone come back (undoing a
    deletion); otherwise a deleted record cannot be changed. A caller that has just read the
    stored record in this transaction (``get_any``) passes it as ``stored``.
    """
    table = _TABLE_OF[type(entity)]
    if stored is _UNREAD:
        stored = get_any(conn, type(entity), entity.id)
    if stored is not None and not stored.deleted and same_content(entity, stored):
        return stored
    if stored is not None and stored.deleted and not revive:
        raise KimdeskError("Der Datensatz wurde gelöscht und kann nicht geändert werden.")
    at = utc_now()
    seq = next_seq(conn, CHANGE_SEQ)
    base = base_of(stored, origin)
    entity = replace(entity, base_version=base)
    if stored is None:
        conn.execute(
            insert(table).values(_row(entity, table, origin=origin, at=at, seq=seq, version=1))
        )
        version, action = 1, "create"
    else:
        version, action = stored.version + 1, "restore" if stored.deleted else "update"
        values = _row(replace(entity, deleted=False), table, origin=origin, at=at, seq=seq,
                      version=version)  # fmt: skip
        conn.execute(update(table).where(table.c.id == entity.id).values(values))
        if table is consultation_t:
            conn.execute(delete(topic_t).where(topic_t.c.consultation_id == entity.id))
            conn.execute(delete(referral_t).where(referral_t.c.consultation_id == entity.id))
    if table is consultation_t:
        _insert_parts(conn, [entity])
    audit(
        conn,
        at=at,
        installation_id=origin,
        action=action,
        entity=_ENTITY_NAME[table],
        record_ids=[entity.id],
    )
    return replace(entity, version=version, origin=origin, updated_at=at, deleted=False)


def delete_record(
    conn: Connection, entity_type: type[Record], record_id: str, *, origin: str
) -> Record:
    """Turn a record into a tombstone: the deletion is a change that travels like any other.
    Returns the tombstone."""
    table = _TABLE_OF[entity_type]
    stored = conn.execute(
        select(table.c.version, table.c.deleted, table.c.origin, table.c.base_version).where(
            table.c.id == record_id
        )
    ).first()
    if stored is None or stored.deleted:
        raise KimdeskError("Den Datensatz gibt es nicht (mehr).")
    at = utc_now()
    seq = next_seq(conn, CHANGE_SEQ)
    conn.execute(
        update(table)
        .where(table.c.id == record_id)
        .values(
            deleted=True,
            version=stored.version + 1,
            origin=origin,
            updated_at=at,
            change_seq=seq,
            base_version=base_of(stored, origin),
        )
    )
    audit(
        conn,
        at=at,
        installation_id=origin,
        action="delete",
        entity=_ENTITY_NAME[table],
        record_ids=[record_id],
    )
    return get_any(conn, entity_type, record_id)


Parts = tuple[tuple[str, ...], tuple[tuple[str, bool, str], ...]]


def consultation_parts(conn: Connection, ids: list[str]) -> dict[str, Parts]:
    """Topics (in code order) and referrals (target, accompanied, outcome; in their order)
    of the given consultations, two queries for all of them."""
    topics: dict[str, list[str]] = {i: [] for i in ids}
    referrals: dict[str, list[tuple[str, bool, str]]] = {i: [] for i in ids}
    query = (
        select(topic_t.c.consultation_id, topic_t.c.topic)
        .where(topic_t.c.consultation_id.in_(ids))
        .order_by(topic_t.c.consultation_id, topic_t.c.topic)
    )
    for cid, topic in conn.execute(query):
        topics[cid].append(topic)
    query = (
        select(referral_t.c.consultation_id, referral_t.c.target, referral_t.c.accompanied,
               referral_t.c.outcome)
        .where(referral_t.c.consultation_id.in_(ids))
        .order_by(referral_t.c.consultation_id, referral_t.c.pos)
    )  # fmt: skip
    for cid, target, accompanied, outcome in conn.execute(query):
        referrals[cid].append((target, bool(accompanied), outcome))
    return {i: (tuple(topics[i]), tuple(referrals[i])) for i in ids}


def get_consultation(conn: Connection, consultation_id: str) -> Consultation | None:
    row = (
        conn.execute(select(consultation_t).where(consultation_t.c.id == consultation_id))
        .mappings()
        .first()
    )
    if row is None:
        return None
    topics, referrals = consultation_parts(conn, [consultation_id])[consultation_id]
    recipients = referral_recipients(conn, [consultation_id]).get(consultation_id, {})
    values = {k: v for k, v in row.items() if k != "change_seq"}
    return Consultation(
        **values,
        topics=topics,
        referrals=tuple(
            Referral(*r, recipient=recipients.get(pos)) for pos, r in enumerate(referrals)
        ),
    )


def referral_recipients(conn: Connection, ids: list[str]) -> dict[str, dict[int, str]]:
    """The named recipients of the consultations' referrals, by consultation and position
    (local: never part of ``consultation_parts``, which is what travels)."""
    found: dict[str, dict[int, str]] = {}
    for cid, pos, recipient in conn.execute(
        select(referral_t.c.consultation_id, referral_t.c.pos, referral_t.c.recipient)
        .where(referral_t.c.consultation_id.in_(ids), referral_t.c.recipient.is_not(None))
    ):  # fmt: skip
        found.setdefault(cid, {})[pos] = recipient
    return found


def get_record(conn: Connection, entity_type: type[Record], record_id: str) -> Record | None:
    """Any record but a consultation (use ``get_consultation``, which adds its parts)."""
    table = _TABLE_OF[entity_type]
    row = conn.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        return None
    names = {f.name for f in fields(entity_type)}
    return entity_type(**{k: v for k, v in row.items() if k in names})


def blank_tombstone(conn: Connection, record: Record) -> None:
    """Empty the local fields of a deleted record in place: they never travel, so no new
    version; an erasure must reach them too (or undoing the deletion would bring them back)."""
    table = _TABLE_OF[type(record)]
    local = dict.fromkeys(LOCAL_FIELDS[type(record)], None)
    conn.execute(update(table).where(table.c.id == record.id).values(local))
    if isinstance(record, Consultation):
        blank_recipients(conn, [record.id])


def blank_recipients(conn: Connection, consultation_ids: Sequence[str]) -> None:
    """Empty the recipients named in the consultations' referrals in place: the one local
    field of a consultation's parts (an erasure, a completed handover, a tombstone)."""
    conn.execute(update(referral_t).where(referral_t.c.consultation_id.in_(consultation_ids))
                 .values(recipient=None))  # fmt: skip


def earliest_consultation(conn: Connection, case_id: str):
    """The date of a case's earliest live consultation, or ``None``."""
    t = consultation_t
    query = select(func.min(t.c.occurred_on)).where(t.c.case_id == case_id, t.c.deleted.is_(False))
    return conn.execute(query).scalar()


def session_held_on(conn: Connection, offer_id: str, day, other_than: str) -> bool:
    """Whether the offer has another live, held session on ``day``."""
    t = _TABLE_OF[GroupSession]
    query = select(t.c.id).where(
        t.c.offer_id == offer_id, t.c.held_on == day, t.c.id != other_than,
        t.c.deleted.is_(False), t.c.status == "held",
    ).limit(1)  # fmt: skip
    return conn.execute(query).first() is not None


def get_any(conn: Connection, entity_type: type[Record], record_id: str) -> Record | None:
    """A record of any entity as stored, tombstones included."""
    if entity_type is Consultation:
        return get_consultation(conn, record_id)
    return get_record(conn, entity_type, record_id)


def case_ids_by_legacy_ref(conn: Connection) -> dict[str, str]:
    query = select(case_t.c.legacy_ref, case_t.c.id).where(
        case_t.c.legacy_ref.is_not(None), case_t.c.deleted.is_(False)
    )
    return {ref: cid for ref, cid in conn.execute(query)}
