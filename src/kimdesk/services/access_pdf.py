"""The access report as a PDF for the person (fpdf2; DejaVu Sans from matplotlib's data, so
every name prints, whatever its script, in the frozen build too). Plain German."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.consent import DATA, FORMS_DE, GIVEN_BY_DE
from kimdesk.stats.labels import AGE_GROUPS, GENDERS, GOAL_STATUS, PHASES

#: Fields in German, and the catalog whose label a coded field shows.
FIELD_DE = {
    "given_name": "Vorname", "family_name": "Familienname", "birth_date": "Geburtsdatum",
    "phone": "Telefon", "email": "E-Mail", "address": "Adresse", "file_numbers": "Aktenzeichen",
    "notes": "Notizen", "gender": "Geschlecht", "nationality": "Staatsangehörigkeit",
    "residence_group": "Aufenthalt", "arrival_band": "Einreise",
    "minors": "Minderjährige im Haushalt", "main_language": "Hauptsprache",
    "municipality": "Kommune", "age_group": "Altersgruppe", "consent": "Einwilligung liegt vor",
    "program": "Programm", "opened_on": "Eröffnet am", "phase": "Phase",
    "access_route": "Zugangsweg", "closed_on": "Abgeschlossen am", "closure_reason": "Grund",
    "legacy_ref": "Fallzeichen aus einer Liste", "follow_up_on": "Wiedervorlage am",
    "consent_on": "Einwilligung vom", "topic": "Thema", "status": "Stand", "due_on": "Bis",
    "text": "Ziel", "occurred_on": "Datum", "kind": "Art", "duration_min": "Dauer (Minuten)",
    "setting": "Setting", "language_mediation": "Sprachmittlung", "language": "Sprache",
    "deleted": "gelöscht", "id": "Kennung", "version": "Version",
}  # fmt: skip
CODED = {
    "municipality": "municipality", "program": "program", "access_route": "access_route",
    "closure_reason": "closure_reason", "residence_group": "residence_group",
    "arrival_band": "arrival_band", "topic": "topic", "kind": "kind", "setting": "setting",
    "language_mediation": "language_mediation",
}  # fmt: skip
#: Fixed values in German, as the statistics name them.
FIXED_DE = {"gender": {**GENDERS, "unknown": "unbekannt"}, "phase": PHASES, "status": GOAL_STATUS,
            "age_group": {**AGE_GROUPS, "unknown": "unbekannt"},
            "nationality": {"unknown": "unbekannt", "XX": "staatenlos"}}  # fmt: skip
_SKIP = {"origin", "updated_at", "base_version", "client_id", "case_id", "deleted", "version"}
OUTCOMES_DE = {"open": "offen", "taken_up": "wahrgenommen", "not_taken_up": "nicht wahrgenommen",
               "unknown": "unbekannt"}  # fmt: skip


def _font_dir() -> Path:
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def shown(name: str, value, catalog: Catalog) -> str:
    """A stored value as the person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if name in CODED:
        return catalog.label(CODED[name], str(value))
    if name in FIXED_DE:
        return FIXED_DE[name].get(str(value), str(value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return f"{date.fromisoformat(value):%d.%m.%Y}"
        except ValueError:
            return value
    return str(value)


def when(value: str) -> str:
    return f"{datetime.fromisoformat(value.replace('Z', '+00:00')).astimezone():%d.%m.%Y %H:%M}"


class Document(FPDF):
    def __init__(self, controller: str):
        super().__init__(format="A4")
        self.controller = controller
        fonts = _font_dir()
        self.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"{self.controller} · Seite {self.page_no()}/{{nb}}", align="C")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font("DejaVu", "B", 12)
        self.multi_cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", "", 10)

    def para(self, text: str, size: int = 10) -> None:
        self.set_font("DejaVu", "", size)
        self.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def pairs(self, rows) -> None:
        self.set_font("DejaVu", "", 10)
        for label, value in rows:
            self.set_font("DejaVu", "B", 9)
            self.cell(55, 5, label)
            self.set_font("DejaVu", "", 9)
            self.multi_cell(0, 5, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def labelled(record: dict, catalog: Catalog) -> list[tuple[str, str]]:
    return [(FIELD_DE.get(k, k), shown(k, v, catalog)) for k, v in record.items()
            if k not in _SKIP and not isinstance(v, list | dict)]  # fmt: skip


def render(report: dict, catalog: Catalog) -> bytes:
    """The PDF of ``access.client_report``."""
    pdf = Document(report["controller"])
    pdf.set_title("Auskunft nach Art. 15 DSGVO")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, "Auskunft über Ihre gespeicherten Daten",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    pdf.para(f"nach Art. 15 der Datenschutz-Grundverordnung (DSGVO) · erstellt am "
             f"{when(report['created_at'])}")  # fmt: skip
    pdf.para(f"Verantwortlich: {report['controller']} (Kommunales Integrationsmanagement)")
    pdf.ln(2)
    pdf.para(
        "Sie haben gefragt, welche Daten wir über Sie gespeichert haben. Hier steht alles, was "
        "auf dem Gerät Ihrer Fallmanagerin oder Ihres Fallmanagers über Sie gespeichert ist: "
        "Ihre Angaben, Ihre Fälle und Ziele, Ihre Beratungen, Ihre Einwilligungen, wann wer "
        "etwas gespeichert oder geändert hat, und was davon an die Kreisstelle ging. Die "
        "Kreisstelle bekommt keine Namen, keine Kontaktdaten und keine Notizen – nur Angaben "
        "für die Statistik.")  # fmt: skip

    pdf.heading("1. Ihre Angaben")
    pdf.pairs(labelled(report["client"], catalog))

    pdf.heading("2. Ihre Einwilligungen")
    if not report["consents"]:
        pdf.para("Es ist keine Einwilligung gespeichert.")
    for number, c in enumerate(report["consents"], 1):
        scope = ", ".join(catalog.label("referral_target", t) for t in c["targets"]) or "—"
        data = ", ".join(DATA.get(d, d) for d in c["data"]) or "—"
        rows = [("Einwilligung", f"{number}, vom {shown('', c['given_on'], catalog)}"),
                ("Form", FORMS_DE.get(c["form"], c["form"])),
                ("Eingewilligt hat", GIVEN_BY_DE.get(c["given_by"], c["given_by"])
                 + (f" ({c['guardian']})" if c.get("guardian") else "")),
                ("Weitergabe an", scope), ("Welche Daten", data),
                ("Gültig bis", shown("", c["valid_until"], catalog)),
                ("Widerrufen am", shown("", c["withdrawn_on"], catalog))]  # fmt: skip
        if c.get("note"):
            rows.append(("Vermerk", c["note"]))
        pdf.pairs(rows)
        pdf.ln(1)

    pdf.heading("3. Ihre Fälle und Ziele")
    if not report["cases"]:
        pdf.para("Es ist kein Fall gespeichert.")
    for number, case in enumerate(report["cases"], 1):
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(0, 6, f"Fall {number}" + (" (gelöscht)" if case["deleted"] else ""),
                 new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        pdf.pairs(labelled(case, catalog))
        for goal in case["goals"]:
            pdf.pairs([("Ziel", f"{shown('topic', goal['topic'], catalog)}: "
                                f"{goal['text'] or '—'} (Stand: "
                                f"{shown('status', goal['status'], catalog)}, bis "
                                f"{shown('', goal['due_on'], catalog)})")])  # fmt: skip
        pdf.ln(1)

    pdf.heading("4. Ihre Beratungen")
    if not report["consultations"]:
        pdf.para("Es ist keine Beratung gespeichert.")
    for visit in report["consultations"]:
        topics = ", ".join(catalog.label("topic", t) for t in visit["topics"]) or "—"
        rows = [("Beratung am", shown("", visit["occurred_on"], catalog)
                 + (" (gelöscht)" if visit["deleted"] else "")),
                ("Art", shown("kind", visit["kind"], catalog)),
                ("Kommune", shown("municipality", visit["municipality"], catalog)),
                ("Themen", topics)]  # fmt: skip
        for r in visit["referrals"]:
            to = catalog.label("referral_target", r["target"])
            rows.append(
                (
                    "Weitervermittelt an",
                    f"{to}"
                    + (f": {r['recipient']}" if r["recipient"] else "")
                    + (", begleitet" if r["accompanied"] else "")
                    + f" (Ergebnis: {OUTCOMES_DE.get(r['outcome'], r['outcome'])})",
                )
            )
        if visit.get("notes"):
            rows.append(("Notizen", visit["notes"]))
        pdf.pairs(rows)
        pdf.ln(1)

    pdf.heading("5. Was an die Kreisstelle ging")
    pdf.para("Für die Statistik des Kreises gehen nur diese Angaben an die Kreisstelle, ohne "
             "Namen und ohne Kontaktdaten:")  # fmt: skip
    sent = report["sent_to_office"]
    pdf.pairs(labelled(sent["client"], catalog))
    pdf.para(
        f"Dazu {len(sent['cases'])} Fall/Fälle (Kommune, Programm, Daten, Phase, "
        f"Zugangsweg, Abschlussgrund), {len(sent['goals'])} Ziel(e) (Thema, Stand, "
        f"Datum, ohne den Text) und {len(sent['consultations'])} Beratung(en) (Datum, "
        "Art, Kommune, Themen, Verweisziele ohne Empfänger, ohne Notizen).",
        9,
    )

    pdf.heading("6. Wer wann etwas gespeichert hat (Protokoll)")
    for entry in report["audit"]:
        pdf.para(f"{when(entry['at'])} · {entry['action_de']} · {entry['entity']} · "
                 f"{entry['record_id']}", 8)  # fmt: skip

    pdf.heading("Ihre Rechte")
    pdf.para(
        "Sie können verlangen, dass falsche Angaben berichtigt (Art. 16 DSGVO) und Ihre Daten "
        "gelöscht werden (Art. 17), soweit keine Aufbewahrungspflicht besteht. Sie können Ihre "
        "Einwilligung jederzeit widerrufen. Sie können sich bei der Landesbeauftragten für "
        "Datenschutz und Informationsfreiheit Nordrhein-Westfalen beschweren.")  # fmt: skip
    return bytes(pdf.output())
