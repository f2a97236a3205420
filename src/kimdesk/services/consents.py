"""Consent on the device (issue 19): what a consultation's referrals may do under the
client's consents (``kimdesk.domain.consent``).

- A referral to a target the consents in force on the consultation's day do not cover is
  *outside the scope*: the entry form asks before saving (``outside_scope``), and it stays in
  the Wiedervorlage while its outcome is open (``referrals_outside``).
- After a withdrawal, with no consent in force, a consultation gets no new referral
  (``refuse_withdrawn``, called by ``records.save`` on a device).

Messages name no date or person: they may reach a log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from kimdesk.domain import consent
from kimdesk.domain.dates import as_date
from kimdesk.domain.entities import Client, Consultation
from kimdesk.domain.enums import ReferralOutcome
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.registry import LOCAL_FIELDS
from kimdesk.store import records as store_records

from .workspace import Workspace

_client, _case = store_records.TABLES["client"], store_records.TABLES["case"]
_consultation, _referral = store_records.consultation_t, store_records.referral_t


@dataclass(frozen=True)
class Scope:
    """The new referrals of a consultation against its client's consents."""

    outside: tuple[str, ...]  # target codes not covered on the consultation's day
    has_consent: bool  # any consent in force on that day


def client_of(conn: Connection, record: Consultation) -> str | None:
    if record.client_id or not record.case_id:
        return record.client_id
    return conn.execute(select(_case.c.client_id).where(_case.c.id == record.case_id)).scalar()


def consents_of(conn: Connection, client_id: str | None) -> tuple[consent.Consent, ...]:
    if client_id is None:
        return ()
    text = conn.execute(select(_client.c.consents).where(_client.c.id == client_id)).scalar()
    return consent.parse(text)


def _new_targets(record: Consultation, stored: Consultation | None) -> list[str]:
    """The targets of ``record`` its stored version (if any) does not refer to yet."""
    before = {r.target for r in stored.referrals} if stored is not None else set()
    return [r.target for r in record.referrals if r.target not in before]


def outside_scope(ws: Workspace, record: Consultation) -> Scope:
    """The referrals the form should ask about before saving ``record``: those new to it
    whose target no consent in force on its day covers. A consultation without a client
    has none to ask about."""
    with ws.store.connect() as conn:
        client_id = client_of(conn, record)
        if client_id is None:
            return Scope((), False)
        consents = consents_of(conn, client_id)
        new = _new_targets(record, store_records.get_any(conn, Consultation, record.id))
    day = record.occurred_on
    return Scope(tuple(t for t in new if not consent.covers(consents, t, day)),
                 consent.given(consents, day))  # fmt: skip


def refuse_withdrawn(conn: Connection, record: Consultation, stored: Consultation | None) -> None:
    """A consultation of a client who withdrew consent (none in force on its day) gets no new
    referral; ``stored`` is its version in the store (``None`` for a new one)."""
    if not record.referrals or record.deleted:
        return
    consents = consents_of(conn, client_of(conn, record))
    if consent.withdrawn(consents, record.occurred_on) and _new_targets(record, stored):
        raise KimdeskError(
            "Die Klient:in hat ihre Einwilligung widerrufen: neue Verweise sind nicht möglich. "
            "Bitte den Verweis entfernen oder eine neue Einwilligung erfassen."
        )


@dataclass(frozen=True, slots=True)
class OutsideReferral:
    consultation_id: str
    case_id: str | None
    client_id: str
    occurred_on: date
    target: str


def referrals_outside(conn: Connection, today: date) -> list[OutsideReferral]:
    """Referrals with an open outcome that no consent covered on their day nor covers
    ``today``: for the Wiedervorlage (obtain the consent, or record the outcome). A client
    whose personal data are erased is not asked for anything any more: left out."""
    # From the persons, not the referrals: only named clients can be asked, so the read starts
    # at them (CROSS JOIN keeps SQLite's order; a case manager's store is always SQLite) and
    # never touches the referrals of anonymous contacts. A consultation's own client counts
    # before its case's.
    named = " OR ".join(f"p.{f} IS NOT NULL" for f in sorted(LOCAL_FIELDS[Client]))
    rows = conn.execute(text(
        "SELECT c.id, c.case_id, p.id, c.occurred_on, r.target, p.consents, r.pos "
        "FROM client AS p CROSS JOIN consultation AS c CROSS JOIN referral AS r "
        f"WHERE p.deleted = 0 AND ({named}) AND c.client_id = p.id AND c.deleted = 0 "
        "AND r.consultation_id = c.id AND r.outcome = :open "
        "UNION ALL "
        "SELECT c.id, c.case_id, p.id, c.occurred_on, r.target, p.consents, r.pos "
        "FROM client AS p CROSS JOIN case_file AS k CROSS JOIN consultation AS c "
        "CROSS JOIN referral AS r "
        f"WHERE p.deleted = 0 AND ({named}) AND k.client_id = p.id AND c.case_id = k.id "
        "AND c.client_id IS NULL AND c.deleted = 0 AND r.consultation_id = c.id "
        "AND r.outcome = :open"
    ), {"open": ReferralOutcome.OPEN.value}).all()  # fmt: skip
    rows = sorted((as_date(r[3]), r[0], r[6], r) for r in rows)
    parsed: dict[str, tuple[consent.Consent, ...]] = {}
    found = []
    for day, _id, _pos, (consultation_id, case_id, client_id, _, target, stored, _) in rows:
        if client_id not in parsed:
            try:
                parsed[client_id] = consent.parse(stored)
            except consent.ConsentsUnreadable:
                parsed[client_id] = ()
        consents = parsed[client_id]
        if not (consent.covers(consents, target, day) or consent.covers(consents, target, today)):
            found.append(OutsideReferral(consultation_id, case_id, client_id, day, target))
    return found
