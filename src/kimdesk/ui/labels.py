"""What the interface calls the fields of the records and their fixed values, in one place:
forms, error messages and the conflict view use the same words."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from kimdesk.domain.enums import (
    Gender,
    GoalStatus,
    NeedStatus,
    OfferStatus,
    Phase,
    ReferralOutcome,
    SessionStatus,
)
from kimdesk.domain.registry import Kind

from .i18n import tr

#: Each entity: one of it, several of it (the registry's kinds, all of them).
ENTITY_LABELS = {
    Kind.CLIENT: QT_TR_NOOP("Klient:in"), Kind.CASE: QT_TR_NOOP("Fall"),
    Kind.GOAL: QT_TR_NOOP("Ziel"), Kind.CONSULTATION: QT_TR_NOOP("Beratung"),
    Kind.GROUP_OFFER: QT_TR_NOOP("Gruppenangebot"), Kind.GROUP_SESSION: QT_TR_NOOP("Gruppentermin"),
    Kind.STRUCTURAL_NEED: QT_TR_NOOP("Bedarfsmeldung"),
}  # fmt: skip
ENTITY_PLURALS = {
    Kind.CLIENT: QT_TR_NOOP("Klient:innen"), Kind.CASE: QT_TR_NOOP("Fälle"),
    Kind.GOAL: QT_TR_NOOP("Ziele"), Kind.CONSULTATION: QT_TR_NOOP("Beratungen"),
    Kind.GROUP_OFFER: QT_TR_NOOP("Gruppenangebote"),
    Kind.GROUP_SESSION: QT_TR_NOOP("Gruppentermine"),
    Kind.STRUCTURAL_NEED: QT_TR_NOOP("Bedarfsmeldungen"),
}  # fmt: skip
GENDERS = {
    Gender.W: QT_TR_NOOP("weiblich"),
    Gender.M: QT_TR_NOOP("männlich"),
    Gender.D: QT_TR_NOOP("divers"),
    Gender.X: QT_TR_NOOP("keine Angabe"),
    Gender.UNKNOWN: QT_TR_NOOP("unbekannt"),
}
PHASES = {
    Phase.INTAKE: QT_TR_NOOP("Erstgespräch"),
    Phase.ASSESSMENT: QT_TR_NOOP("Situationsanalyse"),
    Phase.PLANNING: QT_TR_NOOP("Hilfeplanung"),
    Phase.IMPLEMENTATION: QT_TR_NOOP("Umsetzung"),
    Phase.MONITORING: QT_TR_NOOP("Begleitung"),
    Phase.EVALUATION: QT_TR_NOOP("Auswertung"),
    Phase.CLOSED: QT_TR_NOOP("Abgeschlossen"),
}
GOAL_STATUS = {
    GoalStatus.OPEN: QT_TR_NOOP("offen"),
    GoalStatus.PARTIAL: QT_TR_NOOP("teilweise erreicht"),
    GoalStatus.REACHED: QT_TR_NOOP("erreicht"),
    GoalStatus.NOT_REACHED: QT_TR_NOOP("nicht erreicht"),
    GoalStatus.DROPPED: QT_TR_NOOP("verworfen"),
}
NEED_STATUS = {NeedStatus.REPORTED: QT_TR_NOOP("gemeldet"), NeedStatus.IN_PROGRESS: QT_TR_NOOP("in Bearbeitung"),
               NeedStatus.SOLVED: QT_TR_NOOP("gelöst"), NeedStatus.REJECTED: QT_TR_NOOP("abgelehnt")}  # fmt: skip
OFFER_STATUS = {OfferStatus.PLANNED: QT_TR_NOOP("geplant"), OfferStatus.RUNNING: QT_TR_NOOP("läuft"),
                OfferStatus.FINISHED: QT_TR_NOOP("beendet"),
                OfferStatus.CANCELLED: QT_TR_NOOP("abgesagt")}  # fmt: skip
SESSION_STATUS = {SessionStatus.HELD: QT_TR_NOOP("stattgefunden"),
                  SessionStatus.CANCELLED: QT_TR_NOOP("ausgefallen")}  # fmt: skip
OUTCOMES = {ReferralOutcome.OPEN: QT_TR_NOOP("offen"),
            ReferralOutcome.TAKEN_UP: QT_TR_NOOP("wahrgenommen"),
            ReferralOutcome.NOT_TAKEN_UP: QT_TR_NOOP("nicht wahrgenommen"),
            ReferralOutcome.UNKNOWN: QT_TR_NOOP("unbekannt")}  # fmt: skip
#: Fixed values by (entity, field); "*" for any entity.
VALUES = {
    ("structural_need", "status"): NEED_STATUS, ("goal", "status"): GOAL_STATUS,
    ("group_offer", "status"): OFFER_STATUS, ("group_session", "status"): SESSION_STATUS,
    ("*", "phase"): PHASES, ("*", "gender"): GENDERS,
}  # fmt: skip


def value_label(entity: str, field: str, value: str) -> str | None:
    """The label of a fixed value (a status, a phase), translated; ``None`` if it has none."""
    labels = VALUES.get((entity, field)) or VALUES.get(("*", field)) or {}
    return tr(labels[value]) if value in labels else None


#: The record fields as the forms label them, so that an error names the field.
FIELD_NAMES = {
    "occurred_on": QT_TR_NOOP("Datum"), "municipality": QT_TR_NOOP("Kommune"),
    "program": QT_TR_NOOP("Programm"), "kind": QT_TR_NOOP("Art"), "case_id": QT_TR_NOOP("Fall"),
    "topics": QT_TR_NOOP("Themen"), "referrals": QT_TR_NOOP("Verweise"),
    "duration_min": QT_TR_NOOP("Dauer"), "setting": QT_TR_NOOP("Setting"),
    "language_mediation": QT_TR_NOOP("Sprachmittlung"), "language": QT_TR_NOOP("Sprache"),
    "notes": QT_TR_NOOP("Notizen"), "gender": QT_TR_NOOP("Geschlecht"),
    "nationality": QT_TR_NOOP("Staatsangehörigkeit"), "residence_group": QT_TR_NOOP("Aufenthalt"),
    "arrival_band": QT_TR_NOOP("Einreise"), "minors": QT_TR_NOOP("Minderjährige im Haushalt"),
    "main_language": QT_TR_NOOP("Hauptsprache"), "birth_date": QT_TR_NOOP("Geburtsdatum"),
    "given_name": QT_TR_NOOP("Vorname"), "family_name": QT_TR_NOOP("Familienname"),
    "phone": QT_TR_NOOP("Telefon"), "email": QT_TR_NOOP("E-Mail"),
    "address": QT_TR_NOOP("Adresse"), "file_numbers": QT_TR_NOOP("Aktenzeichen"),
    "opened_on": QT_TR_NOOP("Eröffnet am"), "phase": QT_TR_NOOP("Phase"),
    "access_route": QT_TR_NOOP("Zugangsweg"), "closed_on": QT_TR_NOOP("Abgeschlossen am"),
    "closure_reason": QT_TR_NOOP("Grund"), "consent_on": QT_TR_NOOP("Einwilligung vom"),
    "consents": QT_TR_NOOP("Einwilligungen"),
    "follow_up_on": QT_TR_NOOP("Wiedervorlage am"),
    "topic": QT_TR_NOOP("Thema"), "status": QT_TR_NOOP("Status"), "due_on": QT_TR_NOOP("Bis"),
    "text": QT_TR_NOOP("Ziel"), "format": QT_TR_NOOP("Format"), "title": QT_TR_NOOP("Titel"),
    "provider": QT_TR_NOOP("Träger"), "planned_sessions": QT_TR_NOOP("Geplante Termine"),
    "held_on": QT_TR_NOOP("Termin am"), "participants": QT_TR_NOOP("Teilnehmende"),
    "reported_on": QT_TR_NOOP("Gemeldet am"), "challenge": QT_TR_NOOP("Herausforderung"),
    "affected_cases": QT_TR_NOOP("Betroffene Fälle"), "solution": QT_TR_NOOP("Lösung"),
    "responsible_body": QT_TR_NOOP("Zuständige Stelle"),
}  # fmt: skip
