"""Data protection use cases: the audit trail (Eingabekontrolle) to view and export, and the
erasure of a client's personal data (right to erasure, retention periods).

Erasure empties the local personal fields of a client, of the client's cases, goals and
consultations (names, birth date, contacts, file numbers, notes, consents, goal texts, the
recipients named in referrals):
the records stay — statistics keep their counts — and each emptied record gets a new version,
so the erasure is a change like any other and travels in the next bundle. The store runs with
``secure_delete``: the old contents are overwritten, not just unlinked from the page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from kimdesk.domain.entities import Case, Client, Consultation, Goal
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.registry import LOCAL_FIELDS
from kimdesk.domain.validation import age_group
from kimdesk.fileio import starts_with, write_output
from kimdesk.store import records as store_records
from kimdesk.store.bookkeeping import audit
from kimdesk.store.models import AuditEntry, CaseRow, GoalRow

from . import records
from .changes import Change, Changes
from .excel_csv import excel_csv, header_of
from .handovers import pending_clients
from .workspace import Workspace

_audit = AuditEntry.__table__
_case = CaseRow.__table__
_client = store_records.client_t
_goal = GoalRow.__table__
_consultation = store_records.consultation_t

ACTIONS = {
    "init": "eingerichtet", "create": "angelegt", "update": "geändert", "delete": "gelöscht",
    "restore": "wiederhergestellt", "erase": "Personendaten gelöscht",
    "export": "Bundle geschrieben", "merge": "Bundle übernommen",
    "resolve": "Konflikt aufgelöst", "enroll": "Gerät eingetragen", "rekey": "Passphrase geändert",
    "backup": "gesichert", "import": "Liste übernommen", "move": "umgezogen",
    "unlock_failed": "Fehlversuche beim Entsperren", "report": "Auskunft erstellt",
    "join": "zusammengeführt", "summary": "Fallübersicht erstellt",
    "land": "Bericht an das Land", "county_report": "Kreisbericht eingelesen",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: datetime
    action: str
    entity: str
    record_id: str | None
    detail: str | None


def audit_trail(ws: Workspace, *, limit: int | None = None) -> list[AuditLine]:
    """Who did what when, newest first: ids and actions only, never contents."""
    query = select(_audit).order_by(_audit.c.seq.desc())
    if limit:
        query = query.limit(limit)
    with ws.store.connect() as conn:
        return [AuditLine(r.at, r.action, r.entity, r.record_id, r.detail)
                for r in conn.execute(query)]  # fmt: skip


AUDIT_HEADER = ["Zeitpunkt", "Aktion", "Art", "Datensatz", "Hinweis"]


def write_audit_csv(ws: Workspace, path: str | os.PathLike, *, force: bool = False) -> Path:
    """The audit trail for Excel; ``force`` replaces an earlier audit export."""
    rows = [[f"{line.at.astimezone():%d.%m.%Y %H:%M:%S}", ACTIONS.get(line.action, line.action),
             line.entity, line.record_id or "", line.detail or ""]
            for line in audit_trail(ws)]  # fmt: skip
    return write_output(Path(path), excel_csv(AUDIT_HEADER, rows), force=force,
                        recognise=starts_with(header_of(AUDIT_HEADER)))  # fmt: skip


# -- erasure ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Erased:
    records: int
    changes: Changes


def _emptied(record):
    fields = LOCAL_FIELDS[type(record)]  # a legacy case reference may name a person, too
    emptied = replace(record, **dict.fromkeys(fields, None))
    if isinstance(record, Consultation):  # the recipients named in its referrals
        emptied = replace(emptied, referrals=tuple(replace(r, recipient=None)
                                                   for r in record.referrals))  # fmt: skip
    if isinstance(record, Client) and record.birth_date is not None:
        # The birth date goes; the age group it gave today stays for the statistics.
        emptied = replace(emptied, age_group=age_group(record.birth_date, date.today()).value)
    return emptied


def erase_client(ws: Workspace, client_id: str, *, detail: str = "von Hand") -> Erased:
    """Empty the personal data of one client and everything local that belongs to them;
    ``detail`` says why in the deletion log (a retention rule and its reference date)."""
    if records.load(ws, Client, client_id) is None:
        raise KimdeskError("Diese Klient:in gibt es nicht (mehr).")
    with ws.store.begin() as conn:
        changed = erase_in(conn, ws.installation.id, client_id, detail)
    checkpoint(ws)
    return Erased(changed, Changes.of(Change.CLIENT, Change.CASE, Change.GOAL, Change.CONSULTATION))


def erase_in(conn, origin: str, client_id: str, detail: str) -> int:
    """``erase_client`` inside a caller's transaction (a retention rule closing cases first);
    the audit entry of the deletion log included. Returns the number of emptied records."""
    if client_id in pending_clients(conn):
        raise KimdeskError(
            "Diese Klient:in wurde an ein anderes Gerät übergeben; ihre Daten werden hier "
            "gelöscht, sobald das Gerät die Übergabe übernommen hat."
        )
    changed = empty_tree(conn, origin, client_id)
    audit(conn, at=utc_now(), installation_id=origin, action="erase", entity="client",
          record_ids=[client_id], detail=f"{detail}; {changed} Datensätze")  # fmt: skip
    return changed


def empty_tree(conn, origin: str, client_id: str) -> int:
    """Empty the local fields of a client, of all their cases (deleted ones too), the goals
    of these cases and the consultations of the client or these cases: live records get a
    new version (it travels), tombstones are blanked in place. Returns the new versions."""
    case_ids = list(
        conn.execute(select(_case.c.id).where(_case.c.client_id == client_id)).scalars()
    )
    goal_ids = list(conn.execute(select(_goal.c.id).where(_goal.c.case_id.in_(case_ids))).scalars())
    consultation_ids = list(conn.execute(select(_consultation.c.id).where(
        (_consultation.c.client_id == client_id) | _consultation.c.case_id.in_(case_ids)
    )).scalars())  # fmt: skip
    targets = [store_records.get_record(conn, Client, client_id)]
    targets += [store_records.get_record(conn, Case, i) for i in case_ids]
    targets += [store_records.get_record(conn, Goal, i) for i in goal_ids]
    targets += [store_records.get_consultation(conn, i) for i in consultation_ids]
    changed = 0
    for record in targets:
        if record is None:
            continue
        if record.deleted:  # a deleted consultation still held its notes
            store_records.blank_tombstone(conn, record)
            continue
        emptied = _emptied(record)
        if emptied != record:
            store_records.save_record(conn, emptied, origin=origin)
            changed += 1
    return changed


def checkpoint(ws: Workspace) -> None:
    """Move the overwritten pages out of the WAL into the file (SQLite only)."""
    if ws.store.engine.dialect.name == "sqlite":
        with ws.store.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            conn.rollback()
