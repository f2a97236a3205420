"""The case file on paper (issue 19): a printable summary of one case as a PDF, for the paper
file or a handover meeting, holding only the parts the case manager ticks.

The figures come from the access report (``access.client_report``), narrowed to this case:
the case's own data always, and of the rest only what is ticked (``PARTS``). Without
"Personalien" the person is named by the short reference only, so a summary can go to a
meeting that must not learn who it is. Each summary written is audited (ids only).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fpdf.enums import XPos, YPos

from kimdesk.domain.consent import DATA, FORMS_DE
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.fileio import starts_with, write_output
from kimdesk.store.bookkeeping import audit

from .access import client_report
from .access_pdf import OUTCOMES_DE, Document, labelled, shown, when
from .workspace import Workspace

#: The parts a summary may hold, in print order, with their German names.
PARTS = {
    "person": "Personalien",
    "contact": "Kontaktdaten",
    "goals": "Ziele",
    "consultations": "Beratungen",
    "referrals": "Weitervermittlungen mit Empfänger",
    "notes": "Notizen",
    "consents": "Einwilligungen",
}
#: What a summary holds unless the case manager ticks otherwise.
DEFAULT_PARTS = frozenset({"person", "goals", "consultations"})
_PERSON = ("given_name", "family_name", "birth_date", "gender", "nationality", "main_language",
           "residence_group", "arrival_band", "minors", "municipality")  # fmt: skip
_CONTACT = ("phone", "email", "address", "file_numbers")
_CASE = ("program", "municipality", "opened_on", "phase", "access_route", "follow_up_on",
         "closed_on", "closure_reason", "legacy_ref")  # fmt: skip


@dataclass(frozen=True)
class Summary:
    path: Path
    parts: tuple[str, ...]
    pages: int


def write_case_summary(ws: Workspace, case_id: str, parts, out: str | os.PathLike, *,
                       force: bool = False) -> Summary:  # fmt: skip
    """The summary of ``case_id`` with ``parts`` (keys of ``PARTS``) as a PDF at ``out``."""
    requested = set(parts)
    unknown = requested - PARTS.keys()
    parts = tuple(p for p in PARTS if p in requested)
    if unknown:
        raise KimdeskError(f"Unbekannte Teile der Fallübersicht: {', '.join(sorted(unknown))}.")
    path = Path(out)
    if path.suffix.lower() != ".pdf":
        raise KimdeskError("Die Fallübersicht wird als PDF geschrieben; bitte „.pdf“ angeben.")
    report = client_report(ws, case_id)
    data, pages = render(report, case_id, parts, ws.catalog)
    written = write_output(path, data, force=force, recognise=starts_with(b"%PDF"))
    with ws.store.begin() as conn:
        audit(conn, at=utc_now(), installation_id=ws.installation.id, action="summary",
              entity="case", record_ids=[case_id],
              detail="Fallübersicht: " + ", ".join(parts) if parts else "Fallübersicht")  # fmt: skip
    return Summary(written, parts, pages)


def render(report: dict, case_id: str, parts: tuple[str, ...], catalog) -> tuple[bytes, int]:
    [case] = [c for c in report["cases"] if c["id"] == case_id]
    client = report["client"]
    visits = [v for v in report["consultations"] if v["case_id"] == case_id and not v["deleted"]]
    reference = f"F-{case_id[-8:]}"
    pdf = Document(report["controller"])
    pdf.set_title(f"Fallübersicht {reference}")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, f"Fallübersicht {reference}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.para(f"{report['controller']} · Kommunales Integrationsmanagement · erstellt am "
             f"{when(report['created_at'])}")  # fmt: skip
    pdf.para("Vertraulich: enthält Sozialdaten. Nur für die Fallakte oder das Übergabegespräch; "
             "nach Gebrauch vernichten.", 8)  # fmt: skip

    def pick(names) -> list[tuple[str, str]]:
        return labelled({n: client.get(n) for n in names}, catalog)

    pdf.heading("Klient:in")
    if "person" in parts:
        pdf.pairs(pick(_PERSON))
    else:
        pdf.para(f"K-{client['id'][-8:]} (Personalien nicht ausgewählt)")
    if "contact" in parts:
        pdf.pairs(pick(_CONTACT))
    if "notes" in parts and client.get("notes"):
        pdf.pairs([("Notizen zur Person", client["notes"])])

    pdf.heading("Fall")
    pdf.pairs(labelled({n: case.get(n) for n in _CASE}, catalog))
    if "notes" in parts and case.get("notes"):
        pdf.pairs([("Notizen zum Fall", case["notes"])])

    if "goals" in parts:
        pdf.heading("Ziele")
        goals = [g for g in case["goals"] if not g["deleted"]]
        if not goals:
            pdf.para("Keine Ziele.")
        for goal in goals:
            text = f": {goal['text']}" if goal.get("text") else ""
            pdf.pairs([(shown("topic", goal["topic"], catalog),
                        f"{shown('status', goal['status'], catalog)}, bis "
                        f"{shown('', goal['due_on'], catalog)}{text}")])  # fmt: skip

    if "consultations" in parts or "referrals" in parts:
        pdf.heading(f"Beratungen ({len(visits)})")
        for visit in visits:
            rows = []
            if "consultations" in parts:
                topics = ", ".join(catalog.label("topic", t) for t in visit["topics"]) or "—"
                minutes = f", {visit['duration_min']} Minuten" if visit.get("duration_min") else ""
                rows.append((shown("", visit["occurred_on"], catalog),
                             f"{shown('kind', visit['kind'], catalog)}{minutes}: {topics}"))  # fmt: skip
            if "referrals" in parts:
                for r in visit["referrals"]:
                    to = catalog.label("referral_target", r["target"])
                    rows.append(("Verweis" if rows else shown("", visit["occurred_on"], catalog),
                                 f"{to}" + (f": {r['recipient']}" if r["recipient"] else "")
                                 + (", begleitet" if r["accompanied"] else "")
                                 + f" ({OUTCOMES_DE.get(r['outcome'], r['outcome'])})"))  # fmt: skip
            if "notes" in parts and visit.get("notes"):
                rows.append(("Notizen", visit["notes"]))
            pdf.pairs(rows)

    if "consents" in parts:
        pdf.heading("Einwilligungen")
        if not report["consents"]:
            pdf.para("Keine Einwilligung erfasst.")
        for c in report["consents"]:
            scope = ", ".join(catalog.label("referral_target", t) for t in c["targets"]) or "—"
            data = ", ".join(DATA.get(d, d) for d in c["data"]) or "—"
            until = shown("", c["valid_until"], catalog)
            withdrawn = f", widerrufen am {shown('', c['withdrawn_on'], catalog)}" \
                if c["withdrawn_on"] else ""  # fmt: skip
            pdf.pairs([(f"vom {shown('', c['given_on'], catalog)}",
                        f"{FORMS_DE.get(c['form'], c['form'])}; an: {scope}; Daten: {data}; "
                        f"gültig bis {until}{withdrawn}")])  # fmt: skip
    return bytes(pdf.output()), pdf.page_no()
