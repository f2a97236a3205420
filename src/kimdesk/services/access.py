"""The client's right of access (Art. 15 DSGVO) and to data portability (Art. 20): everything
this device stores about a person, for the person.

``client_report`` gathers it from the store (SQLAlchemy Core): the personal data, every case
with its goals, every consultation with topics and referrals (their named recipients too),
the history of consents, the audit entries about these records (ids and times), and what was
sent to the district office — the fields of the bundle format (``sync.fields``), never the
local ones. ``write_client_report`` writes it as JSON (machine-readable, Art. 20) or as a PDF
in plain German (``access_pdf``) with the controller's name from the county profile.

The report holds personal data: it is written for the case manager to hand over, with the
output rules of every export (no overwriting of a foreign file, owner-only permissions).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select

from kimdesk.domain import consent
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.fileio import starts_with, write_output
from kimdesk.store import records as store_records
from kimdesk.store.bookkeeping import audit
from kimdesk.store.models import AuditEntry
from kimdesk.sync.export import with_derived
from kimdesk.sync.fields import json_value, to_wire

from .handovers import find_cases
from .privacy import ACTIONS
from .workspace import Workspace, require_role

FORMAT = "kimdesk-client-report"
VERSION = 1
_audit = AuditEntry.__table__
_client, _case, _goal = (store_records.TABLES[k] for k in ("client", "case", "goal"))
_consultation = store_records.consultation_t
_BOOKKEEPING = {"change_seq"}


@dataclass(frozen=True)
class Written:
    path: Path
    cases: int
    consultations: int


def _plain(row) -> dict:
    return {k: json_value(v) for k, v in row.items() if k not in _BOOKKEEPING}


def client_report(ws: Workspace, reference: str, *, today: date | None = None) -> dict:
    """Everything stored about the client of the case ``reference`` (a case id, a whole
    Aktenzeichen or a list's case reference), as a JSON-able dict."""
    require_role(ws, Role.CASEMANAGER, "Die Auskunft an eine Klient:in")
    today = today or date.today()
    case_ids = find_cases(ws, reference, "Die Auskunft an eine Klient:in")
    with ws.store.connect() as conn:
        client_id = conn.execute(
            select(_case.c.client_id).where(_case.c.id == case_ids[0])
        ).scalar()  # fmt: skip
        if client_id is None:
            raise KimdeskError("Dieser Fall hat keine Klient:in; eine Auskunft braucht eine "
                               "Person.")  # fmt: skip
        person = conn.execute(select(_client).where(_client.c.id == client_id)).mappings().one()
        cases = conn.execute(
            select(_case).where(_case.c.client_id == client_id).order_by(_case.c.opened_on)
        ).mappings().all()  # fmt: skip
        ids_of_cases = [c["id"] for c in cases]
        goals = conn.execute(
            select(_goal).where(_goal.c.case_id.in_(ids_of_cases))
            .order_by(_goal.c.case_id, _goal.c.id)
        ).mappings().all()  # fmt: skip
        visits = conn.execute(
            select(_consultation).where(or_(_consultation.c.client_id == client_id,
                                            _consultation.c.case_id.in_(ids_of_cases)))
            .order_by(_consultation.c.occurred_on, _consultation.c.id)
        ).mappings().all()  # fmt: skip
        visit_ids = [v["id"] for v in visits]
        parts = store_records.consultation_parts(conn, visit_ids)
        recipients = store_records.referral_recipients(conn, visit_ids)
        everything = [client_id, *ids_of_cases, *(g["id"] for g in goals), *visit_ids]
        trail = []
        for start in range(0, len(everything), 500):
            trail += conn.execute(
                select(_audit.c.at, _audit.c.action, _audit.c.entity, _audit.c.record_id)
                .where(_audit.c.record_id.in_(everything[start : start + 500]))
            ).all()  # fmt: skip
    trail.sort(key=lambda t: (t.at, t.record_id or ""))
    catalog = ws.catalog
    history = consent.parse(person["consents"])
    report_cases = []
    for case in cases:
        entry = _plain(case)
        entry["goals"] = [_plain(g) for g in goals if g["case_id"] == case["id"]]
        report_cases.append(entry)
    report_visits = []
    for visit in visits:
        topics, referrals = parts[visit["id"]]
        named = recipients.get(visit["id"], {})
        entry = _plain(visit)
        entry["topics"] = list(topics)
        entry["referrals"] = [
            {"target": t, "accompanied": a, "outcome": o, "recipient": named.get(pos)}
            for pos, (t, a, o) in enumerate(referrals)
        ]
        report_visits.append(entry)
    personal = _plain(person)
    personal.pop("consents")
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": json_value(utc_now()),
        "controller": catalog.name,
        "county": catalog.county,
        "client": personal,
        "consents": json.loads(consent.dump(history) or "[]"),
        "cases": report_cases,
        "consultations": report_visits,
        "audit": [
            {
                "at": json_value(t.at),
                "action": t.action,
                "action_de": ACTIONS.get(t.action, t.action),
                "entity": t.entity,
                "record_id": t.record_id,
            }
            for t in trail
        ],  # fmt: skip
        "sent_to_office": {  # as the bundle writer makes them (age group and flag derived)
            "client": to_wire("client", with_derived(person, today)),
            "cases": [to_wire("case", c) for c in cases],
            "goals": [to_wire("goal", g) for g in goals],
            "consultations": [to_wire("consultation", v, parts[v["id"]]) for v in visits],
        },  # fmt: skip
    }


def write_client_report(
    ws: Workspace, reference: str, out: str | os.PathLike, *, force: bool = False,
    today: date | None = None,
) -> Written:  # fmt: skip
    """The report as ``.json`` or ``.pdf`` (by the file's ending); audited (ids only)."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise KimdeskError(
            "Die Auskunft wird als .pdf (für die Person) oder .json "
            "(maschinenlesbar) geschrieben; bitte eine dieser Endungen angeben."
        )
    report = client_report(ws, reference, today=today)
    if suffix == ".json":
        data = json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True).encode() + b"\n"
        recognise = starts_with(b"{")
    else:
        from .access_pdf import render  # fpdf2 only where a PDF is asked for

        data = render(report, ws.catalog)
        recognise = starts_with(b"%PDF")
    written = write_output(path, data, force=force, recognise=recognise)
    with ws.store.begin() as conn:
        audit(conn, at=utc_now(), installation_id=ws.installation.id, action="report",
              entity="client", record_ids=[report["client"]["id"]],
              detail=f"Auskunft ({suffix[1:]})")  # fmt: skip
    return Written(written, len(report["cases"]), len(report["consultations"]))
