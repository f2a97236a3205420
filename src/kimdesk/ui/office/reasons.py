"""Why a bundle was refused, in the interface language: one short text per reason code.

The service's German sentence carries the details (an entity, a code from the file); in German
it is shown as it is, in another language after the translated short text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from kimdesk.sync.reasons import Reason

from ..i18n import tr

SHORT = {
    Reason.MISSING: QT_TR_NOOP("Datei fehlt"),
    Reason.NOT_A_FILE: QT_TR_NOOP("keine gewöhnliche Datei"),
    Reason.UNREADABLE: QT_TR_NOOP("Datei nicht lesbar"),
    Reason.TOO_LARGE: QT_TR_NOOP("Datei zu groß"),
    Reason.NOT_A_BUNDLE: QT_TR_NOOP("kein KIMdesk-Bundle"),
    Reason.TRUNCATED: QT_TR_NOOP("Datei abgeschnitten"),
    Reason.FORMAT_VERSION: QT_TR_NOOP("unbekanntes Bundle-Format"),
    Reason.HEADER_DAMAGED: QT_TR_NOOP("Kopf beschädigt"),
    Reason.LENGTH_MISMATCH: QT_TR_NOOP("Länge stimmt nicht"),
    Reason.UNKNOWN_SIGNER: QT_TR_NOOP("Gerät nicht eingetragen"),
    Reason.NOT_A_DEVICE: QT_TR_NOOP("kein Case-Management-Gerät"),
    Reason.KEY_MISMATCH: QT_TR_NOOP("anderer Schlüssel als eingetragen"),
    Reason.BAD_SIGNATURE: QT_TR_NOOP("Signatur ungültig"),
    Reason.WRONG_RECIPIENT: QT_TR_NOOP("für eine andere Kreisstelle"),
    Reason.UNDECRYPTABLE: QT_TR_NOOP("nicht entschlüsselbar"),
    Reason.MANIFEST_INVALID: QT_TR_NOOP("Manifest beschädigt"),
    Reason.MANIFEST_MISMATCH: QT_TR_NOOP("Manifest passt nicht zum Kopf"),
    Reason.PAYLOAD_DAMAGED: QT_TR_NOOP("Inhalt beschädigt"),
    Reason.PAYLOAD_TOO_LARGE: QT_TR_NOOP("Inhalt zu groß"),
    Reason.COUNT_MISMATCH: QT_TR_NOOP("Anzahl der Datensätze stimmt nicht"),
    Reason.HASH_MISMATCH: QT_TR_NOOP("Prüfsumme stimmt nicht"),
    Reason.RECORD_TOO_LARGE: QT_TR_NOOP("Datensatz zu groß"),
    Reason.STRICT_JSON: QT_TR_NOOP("Datensatz kein strenges JSON"),
    Reason.RECORD_INVALID: QT_TR_NOOP("Datensatz ungültig"),
    Reason.RECORD_ORDER: QT_TR_NOOP("Datensätze falsch sortiert"),
    Reason.SCHEMA_NEWER: QT_TR_NOOP("von einer neueren KIMdesk-Version"),
    Reason.FOREIGN_ORIGIN: QT_TR_NOOP("Datensätze eines anderen Geräts"),
    Reason.FUTURE_TIMESTAMP: QT_TR_NOOP("Zeit aus der Zukunft"),
    Reason.UNKNOWN_CODE: QT_TR_NOOP("unbekannter Code"),
    Reason.TOO_MANY_RECORDS: QT_TR_NOOP("zu viele Datensätze"),
    Reason.TOO_MUCH_TEXT: QT_TR_NOOP("zu viel Text"),
    Reason.HANDOVER_INVALID: QT_TR_NOOP("unzulässige Fallübergabe"),
    Reason.BUNDLE_ID_REUSED: QT_TR_NOOP("Bundle-Kennung mit anderem Inhalt"),
    Reason.REPORT_REPLAYED: QT_TR_NOOP("Kreisbericht schon eingelesen"),
    Reason.COUNTY_MISMATCH: QT_TR_NOOP("Kreisstelle für einen anderen Kreis"),
    Reason.PERIOD_OVERLAP: QT_TR_NOOP("überschneidender Berichtszeitraum"),
}


def reason_text(code: Reason | None, sentence: str | None) -> str:
    """The reason as the coordinator reads it: the German sentence, or in another language
    the translated short text with the sentence after it."""
    if code is None:
        return sentence or ""
    short = SHORT[code]
    translated = tr(short)
    if translated == short:
        return sentence or translated
    return f"{translated} ({sentence})" if sentence else translated
