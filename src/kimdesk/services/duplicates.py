"""One person, one record (issue 19): likely duplicates of a client, and merging two clients.

``likely_duplicates`` reads every named client of this device once (Core, no ORM) and keeps
those ``domain.likeness`` finds alike; it changes nothing. Only ``merge_clients``, called when
the case manager has chosen and confirmed, joins two records: the other client's cases and
consultations move to the kept client (new versions, so the office's figures follow with the
next bundle: one client fewer), blank personal fields of the kept client are filled from the
other, notes, file numbers and consents are joined, and the other client becomes a tombstone
with its personal data emptied. A merge is final, like an erasure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select

from kimdesk.domain import consent, validation
from kimdesk.domain.entities import Case, Client
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.likeness import Likeness, likeness
from kimdesk.domain.registry import LOCAL_FIELDS
from kimdesk.store import records as store_records
from kimdesk.store.bookkeeping import audit

from . import records
from .cases import SavedCase, save_case
from .changes import Change, Changes
from .handovers import handed_over_ids, refuse_if_handed_over
from .privacy import checkpoint, empty_tree
from .workspace import Workspace, require_role

_client, _case = store_records.TABLES["client"], store_records.TABLES["case"]
_consultation = store_records.consultation_t
#: Suggestions shown at most.
LIMIT = 5
#: Statistical fields whose "unknown" a merge fills from the other record.
_UNKNOWN = {"gender": "unknown", "nationality": "unknown", "residence_group": "unknown",
            "arrival_band": "unknown"}  # fmt: skip
_BIRTH_RANK = {"same": 0, "near": 1, "unknown": 2}
#: Local texts a merge joins instead of choosing one.
_JOINED = {"file_numbers": "; ", "notes": "\n"}


@dataclass(frozen=True, slots=True)
class Candidate:
    client_id: str
    name: str  # "Family, Given": for this device's screen only
    birth_date: date | None
    cases: int
    likeness: Likeness


def likely_duplicates(ws: Workspace, client: Client, *, limit: int = LIMIT) -> list[Candidate]:
    """Clients of this device that are likely the same person as ``client`` (a new one being
    created, or a stored one), most alike first; none where it has no name."""
    if not (client.given_name or client.family_name):
        return []
    with ws.store.connect() as conn:
        handed = handed_over_ids(conn)
        found = []
        for row in conn.execute(
            select(_client.c.id, _client.c.given_name, _client.c.family_name,
                   _client.c.birth_date)
            .where(_client.c.deleted.is_(False), _client.c.id != client.id,
                   or_(_client.c.given_name.is_not(None), _client.c.family_name.is_not(None)))
        ):  # fmt: skip
            if row.id in handed:
                continue
            alike = likeness(client.given_name, client.family_name, client.birth_date,
                             row.given_name, row.family_name, row.birth_date)  # fmt: skip
            if alike is not None:
                found.append((alike, row))
        # The same birth date first, then the most alike: namesakes without a date do not
        # push the likely person off the list.
        found.sort(key=lambda pair: (_BIRTH_RANK[pair[0].birth], -pair[0].score, pair[1].id))
        found = found[:limit]
        cases = {row.id: 0 for _a, row in found}
        for row in conn.execute(
            select(_case.c.client_id).where(_case.c.client_id.in_(list(cases)),
                                            _case.c.deleted.is_(False))
        ):  # fmt: skip
            cases[row.client_id] += 1
    return [Candidate(row.id, ", ".join(p for p in (row.family_name, row.given_name) if p),
                      row.birth_date, cases[row.id], alike)
            for alike, row in found]  # fmt: skip


@dataclass(frozen=True)
class Merged:
    cases: int
    consultations: int
    changes: Changes


def merge_clients(ws: Workspace, keep_id: str, other_id: str) -> Merged:
    """Join ``other_id`` into ``keep_id`` in one transaction (see the module's doc)."""
    require_role(ws, Role.CASEMANAGER, "Das Zusammenführen von Klient:innen")
    if keep_id == other_id:
        raise KimdeskError("Eine Klient:in kann nicht mit sich selbst zusammengeführt werden.")
    origin = ws.installation.id
    with ws.store.begin() as conn:
        keep = store_records.get_record(conn, Client, keep_id)
        other = store_records.get_record(conn, Client, other_id)
        if keep is None or other is None or keep.deleted or other.deleted:
            raise KimdeskError("Eine der beiden Klient:innen gibt es nicht (mehr).")
        for record in (keep, other):
            refuse_if_handed_over(conn, record)
        case_ids = list(conn.execute(select(_case.c.id).where(
            _case.c.client_id == other_id, _case.c.deleted.is_(False))).scalars())  # fmt: skip
        consultation_ids = list(conn.execute(select(_consultation.c.id).where(
            _consultation.c.client_id == other_id,
            _consultation.c.deleted.is_(False))).scalars())  # fmt: skip
        joined = joined_client(keep, other)
        validation.validate_client(joined, ws.catalog)
        store_records.save_record(conn, joined, origin=origin, stored=keep)
        for case_id in case_ids:
            case = store_records.get_record(conn, Case, case_id)
            refuse_if_handed_over(conn, case)
            store_records.save_record(conn, replace(case, client_id=keep_id), origin=origin,
                                      stored=case)  # fmt: skip
        for consultation_id in consultation_ids:
            moved = store_records.get_consultation(conn, consultation_id)
            store_records.save_record(conn, replace(moved, client_id=keep_id), origin=origin,
                                      stored=moved)  # fmt: skip
        store_records.delete_record(conn, Client, other_id, origin=origin)
        # What stays with the other client (its deleted cases and their goals, deleted
        # consultations) is emptied: no erasure of either person could reach it later.
        empty_tree(conn, origin, other_id)
        audit(conn, at=utc_now(), installation_id=origin, action="join", entity="client",
              record_ids=[keep_id, other_id],
              detail=f"Doppelung zusammengeführt: {len(case_ids)} Fälle, "
                     f"{len(consultation_ids)} Beratungen")  # fmt: skip
    checkpoint(ws)
    return Merged(len(case_ids), len(consultation_ids),
                  Changes.of(Change.CLIENT, Change.CASE, Change.CONSULTATION))  # fmt: skip


def joined_client(keep: Client, other: Client) -> Client:
    """``keep`` with its blanks filled from ``other``: personal fields it lacks, statistical
    ones it has as unknown; notes and file numbers joined; both consent histories."""
    values = {}
    for name in LOCAL_FIELDS[Client]:
        mine, theirs = getattr(keep, name), getattr(other, name)
        if name == "consents":
            values[name] = _consents(mine, theirs)
        elif name in _JOINED and mine and theirs:
            values[name] = _joined(mine, theirs, _JOINED[name])
        elif mine in (None, "") and theirs not in (None, ""):
            values[name] = theirs
    for name, unknown in _UNKNOWN.items():
        if getattr(keep, name) == unknown and getattr(other, name) != unknown:
            values[name] = getattr(other, name)
    for name in ("main_language", "municipality", "age_group"):  # where the kept one has none
        if getattr(keep, name) is None:
            values[name] = getattr(other, name)
    return replace(keep, **values)


def _joined(mine: str, theirs: str, separator: str) -> str:
    """Two texts as one: the other's entries (file numbers, lines of notes) that this one
    lacks appended — compared entry by entry, so "AZ 1" is kept beside "AZ 12"."""

    def entries(text: str) -> list[str]:
        parts = text.splitlines() if separator == "\n" else re.split(r"[,;]", text)
        return [part.strip() for part in parts if part.strip()]

    have = set(entries(mine))
    extra = [entry for entry in entries(theirs) if entry not in have]
    return separator.join([mine, *extra]) if extra else mine


def _consents(mine: str | None, theirs: str | None) -> str | None:
    try:
        both = consent.parse(mine) + consent.parse(theirs)
    except consent.ConsentsUnreadable:
        raise KimdeskError("Die Einwilligungen einer der beiden Klient:innen sind nicht lesbar; "
                           "es wurde nichts zusammengeführt.") from None  # fmt: skip
    unique = list(dict.fromkeys(both))
    return consent.dump(sorted(unique, key=lambda c: c.given_on))


def save_case_for(ws: Workspace, typed: Client, case: Case, existing_id: str) -> SavedCase:
    """A new case for a client who exists already (the case manager chose a suggestion):
    what was typed for the new client fills the existing one's blanks and joins its notes
    instead of becoming a second record."""
    existing = records.load(ws, Client, existing_id)
    if existing is None:
        raise KimdeskError("Diese Klient:in gibt es nicht (mehr).")
    return save_case(ws, joined_client(existing, typed), case)
