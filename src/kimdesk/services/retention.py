"""The deletion concept (issue 19, docs/privacy.md): when a client's personal data are due
for erasure, confirmed one by one in the Wiedervorlage or all at once in the Eingabekontrolle,
and the deletion log.

Three rules, each with its own period (the county profile) and reference date; a client falls
under exactly one, by the state of their cases:

- ``one_off``: no case at all (one-off consultations only): ``retention.one_off_months``
  after the latest consultation, or, without one, after the client's record was last changed.
- ``closed``: cases, all closed: ``retention_years`` after the later of the latest closure
  and the latest consultation.
- ``inactive``: an open case, but nothing happened for ``retention.inactive_months``: counted
  from the latest consultation, case opening, closure or follow-up date of the client. The
  confirmation closes the open cases ("kein Kontakt", on the day of the erasure) and erases.

Only clients that still hold personal data, are not deleted and not handed over to another
device are due. Periods are calendar months and years: due on the same day of the month,
the month's last day where it is shorter. The erasure itself is ``privacy.erase_client``:
records and figures stay, the emptied versions travel in the next bundle. Each erasure
writes one audit entry (``erase``) whose detail names the rule, the reference date and the
number of emptied records — never a content; these entries are the deletion log.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, or_, select, text

from kimdesk.domain.dates import add_months, as_date
from kimdesk.domain.entities import Case, Client, Consultation, Goal
from kimdesk.domain.enums import Phase, Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.registry import LOCAL_FIELDS
from kimdesk.fileio import starts_with, write_output
from kimdesk.store import records as store_records
from kimdesk.store.models import AuditEntry
from kimdesk.store.records import TABLES

from .changes import Change, Changes
from .excel_csv import excel_csv, header_of
from .handovers import handed_over_ids
from .privacy import Erased, checkpoint, erase_in
from .workspace import Workspace, require_role

_case, _client, _goal = TABLES["case"], TABLES["client"], TABLES["goal"]
_consultation, _referral = store_records.consultation_t, store_records.referral_t
_audit = AuditEntry.__table__

RULES = ("one_off", "closed", "inactive")
#: The rules as the deletion log names them.
RULE_NAMES = {"one_off": "Löschfrist nach einmaliger Beratung",
              "closed": "Aufbewahrungsfrist nach Fallabschluss",
              "inactive": "Löschfrist für ruhende offene Fälle"}  # fmt: skip
#: What closes an abandoned open case when its client's data are erased.
ABANDONED = "kein_kontakt"


@dataclass(frozen=True, slots=True)
class DueErasure:
    client_id: str
    rule: str  # one of RULES
    reference: date  # the rule's reference date
    due_on: date  # reference + the rule's period

    def detail(self) -> str:
        """The deletion log's line for this erasure: rule and dates, no content."""
        return f"{RULE_NAMES[self.rule]}, Bezugstag {self.reference:%d.%m.%Y}"


def period_months(ws: Workspace, rule: str) -> int:
    catalog = ws.catalog
    return {"one_off": catalog.retention.one_off_months, "closed": 12 * catalog.retention_years,
            "inactive": catalog.retention.inactive_months}[rule]  # fmt: skip


def reason(ws: Workspace, item: DueErasure) -> str:
    """The German sentence the Wiedervorlage shows for a due erasure."""
    months = period_months(ws, item.rule)
    years = months // 12
    span = ("einem Jahr" if years == 1 else f"{years} Jahren") if months % 12 == 0 \
        else ("einem Monat" if months == 1 else f"{months} Monaten")  # fmt: skip
    return {
        "one_off": f"nur einmalige Beratungen, zuletzt am {item.reference:%d.%m.%Y}; nach "
                   f"{span} Personendaten löschen?",
        "closed": f"Fälle abgeschlossen, zuletzt aktiv am {item.reference:%d.%m.%Y}; "
                  f"Aufbewahrungsfrist von {span} abgelaufen: Personendaten löschen?",
        "inactive": f"offener Fall ohne Aktivität seit {item.reference:%d.%m.%Y}; nach {span} "
                    "Fall schließen (kein Kontakt) und Personendaten löschen?",
    }[item.rule]  # fmt: skip


def due_erasures(ws: Workspace, horizon: date, *, only: set[str] | None = None,
                 case_latest: dict | None = None) -> list[DueErasure]:  # fmt: skip
    """Clients due for erasure on or before ``horizon``, earliest first (``only``: these
    clients; ``case_latest``: each case's latest consultation, where the caller has read it
    already, as the Wiedervorlage has)."""
    with ws.store.connect() as conn:
        holding = _holding_personal_data(conn)
        named = {row.id: row.updated_at for row in conn.execute(
            select(_client.c.id, _client.c.updated_at).where(_client.c.deleted.is_(False))
        ) if row.id in holding}  # fmt: skip
        for client_id in handed_over_ids(conn) & named.keys():
            del named[client_id]  # erased when the handover completes
        if only is not None:
            named = {c: at for c, at in named.items() if c in only}
        if not named:
            return []
        cases: dict[str, list] = defaultdict(list)
        owned: dict[str, str] = {}  # every live case with a client: its client
        for row in conn.execute(
            select(_case.c.id, _case.c.client_id, _case.c.opened_on, _case.c.closed_on,
                   _case.c.follow_up_on)
            .where(_case.c.deleted.is_(False), _case.c.client_id.is_not(None))
        ):  # fmt: skip
            owned[row.id] = row.client_id
            if row.client_id in named:
                cases[row.client_id].append(row)
        latest = _latest_consultations(conn, named.keys(), owned, case_latest)
    found = []
    for client_id, changed_at in named.items():
        own = cases.get(client_id, [])
        consulted = latest.get(client_id)
        if not own:
            rule, reference = "one_off", consulted or _local_day(changed_at)
        elif any(c.closed_on is None for c in own):
            days = [d for c in own for d in (c.opened_on, c.closed_on, c.follow_up_on) if d]
            rule, reference = "inactive", max(days + [consulted] if consulted else days)
        else:
            days = [c.closed_on for c in own]
            rule, reference = "closed", max(days + [consulted] if consulted else days)
        due_on = add_months(reference, period_months(ws, rule))
        if due_on <= horizon:
            found.append(DueErasure(client_id, rule, reference, due_on))
    return sorted(found, key=lambda item: (item.due_on, item.client_id))


def _holding_personal_data(conn) -> set[str]:
    """Clients with a local field filled in their own record or anywhere in their tree: a
    case (notes, a list's reference, a follow-up), a goal's text, a consultation's notes or a
    referral's named recipient — a client entered without a name may still be named there."""

    def filled(table, entity):
        return or_(*(table.c[f].is_not(None) for f in LOCAL_FIELDS[entity]))

    held = set(conn.execute(select(_client.c.id).where(filled(_client, Client))).scalars())
    held |= set(conn.execute(select(_case.c.client_id).where(
        _case.c.client_id.is_not(None), filled(_case, Case))).scalars())  # fmt: skip
    held |= set(conn.execute(
        select(_case.c.client_id).join(_goal, _goal.c.case_id == _case.c.id)
        .where(_case.c.client_id.is_not(None), filled(_goal, Goal))).scalars())  # fmt: skip
    noted = (filled(_consultation, Consultation)
             | _consultation.c.id.in_(select(_referral.c.consultation_id)
                                      .where(_referral.c.recipient.is_not(None))))  # fmt: skip
    held |= set(conn.execute(select(_consultation.c.client_id).where(
        _consultation.c.client_id.is_not(None), noted)).scalars())  # fmt: skip
    held |= set(conn.execute(
        select(_case.c.client_id).join(_consultation, _consultation.c.case_id == _case.c.id)
        .where(_case.c.client_id.is_not(None), noted)).scalars())  # fmt: skip
    return held


def _latest_consultations(conn, persons, owned: dict[str, str], case_latest=None) -> dict:
    """Each person's latest live consultation: a consultation counts for the client of its
    live case, else for its own client. Two grouped reads — per case from the covering index
    the Wiedervorlage reads anyway, per client from the client index — instead of reading a
    laptop's some hundred thousand rows (a case manager's store is always SQLite)."""
    latest: dict[str, date] = {}

    def later(person: str, day) -> None:
        day = as_date(day)
        if person in persons and (person not in latest or day > latest[person]):
            latest[person] = day

    persons = set(persons)
    if case_latest is None:
        case_latest = case_latest_consultations(conn)
    for case_id, last in case_latest.items():
        if case_id in owned:
            later(owned[case_id], last)
    for client_id, case_id, last in conn.execute(
        select(_consultation.c.client_id, _consultation.c.case_id,
               func.max(_consultation.c.occurred_on))
        .where(_consultation.c.deleted.is_(False), _consultation.c.client_id.is_not(None))
        .group_by(_consultation.c.client_id, _consultation.c.case_id)
    ):  # fmt: skip
        if case_id not in owned:  # of a live case: it counts for that case's client
            later(client_id, last)
    return latest


def case_latest_consultations(conn) -> dict:
    """Each case's latest live consultation (a date), from the covering index in case order;
    named, since SQLite would pick the statistics' cube index and sort (0.3 s instead of
    0.02 s over 200,000 consultations). A case manager's store is always SQLite."""
    return {case_id: as_date(last) for case_id, last in conn.execute(text(
        "SELECT case_id, max(occurred_on) FROM consultation "
        "INDEXED BY ix_consultation_case_day "
        "WHERE case_id IS NOT NULL AND deleted = 0 GROUP BY case_id"
    ))}  # fmt: skip


def _local_day(at: datetime | None) -> date:
    return at.astimezone().date() if at else date.today()


def erase_due(ws: Workspace, client_id: str, *, today: date | None = None) -> Erased:
    """Erase one client the deletion concept names as due today (the case manager confirmed
    it); an abandoned open case is closed first, in the same transaction. A client no longer
    due is refused: a consultation may have come in between."""
    require_role(ws, Role.CASEMANAGER, "Das Löschen nach Frist")
    today = today or date.today()
    [item] = due_erasures(ws, today, only={client_id}) or [None]
    if item is None:
        raise KimdeskError("Die Personendaten dieser Klient:in sind (nicht mehr) zur Löschung "
                           "fällig; es wurde nichts gelöscht.")  # fmt: skip
    return _erase(ws, [item], today)


def erase_all_due(ws: Workspace, *, today: date | None = None) -> Erased:
    """Every erasure due today, after one confirmation (the Eingabekontrolle's button): the
    list computed once, each client in its own transaction, one checkpoint at the end."""
    require_role(ws, Role.CASEMANAGER, "Das Löschen nach Frist")
    today = today or date.today()
    return _erase(ws, due_erasures(ws, today), today)


def _erase(ws: Workspace, items: list[DueErasure], today: date) -> Erased:
    origin = ws.installation.id
    # "kein Kontakt" unless the county retired it: then closed without a reason.
    reason = ABANDONED if ws.catalog.has("closure_reason", ABANDONED) else None
    total = 0
    for item in items:
        with ws.store.begin() as conn:
            if item.rule == "inactive":
                for case_id in conn.execute(select(_case.c.id).where(
                        _case.c.client_id == item.client_id, _case.c.deleted.is_(False),
                        _case.c.closed_on.is_(None))).scalars().all():  # fmt: skip
                    case = store_records.get_record(conn, Case, case_id)
                    store_records.save_record(conn, replace(
                        case, closed_on=today, closure_reason=reason, phase=Phase.CLOSED,
                    ), origin=origin, stored=case)  # fmt: skip
            total += erase_in(conn, origin, item.client_id, item.detail())
    checkpoint(ws)
    return Erased(total, Changes.of(Change.CLIENT, Change.CASE, Change.GOAL, Change.CONSULTATION))


# -- the deletion log ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogLine:
    at: datetime
    client_id: str
    detail: str  # rule and reference date, or "von Hand"; the number of records


def deletion_log(ws: Workspace) -> list[LogLine]:
    """Every erasure on this device, newest first: when, which client id, by which rule —
    never what was erased."""
    with ws.store.connect() as conn:
        return [LogLine(row.at, row.record_id, row.detail or "")
                for row in conn.execute(select(_audit).where(_audit.c.action == "erase")
                                        .order_by(_audit.c.seq.desc()))]  # fmt: skip


LOG_HEADER = ["Zeitpunkt", "Klient:in (Kennung)", "Anlass und Umfang"]


def write_deletion_log(ws: Workspace, path: str | os.PathLike, *, force: bool = False) -> Path:
    rows = [[f"{line.at.astimezone():%d.%m.%Y %H:%M:%S}", line.client_id, line.detail]
            for line in deletion_log(ws)]  # fmt: skip
    return write_output(Path(path), excel_csv(LOG_HEADER, rows), force=force,
                        recognise=starts_with(header_of(LOG_HEADER)))  # fmt: skip
