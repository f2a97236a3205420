"""Hilfe in the app: the keyboard map (F1) and "Erste Schritte" for the case manager or the
coordinator, in the interface language. docs/desktop.md says the same at more length."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr
from .widgets.common import fill_table, record_table

#: (keys, where, what it does); the role it applies to ("" for both).
KEYS = [
    (QT_TR_NOOP("F1"), QT_TR_NOOP("überall"), QT_TR_NOOP("diese Hilfe"), ""),
    (QT_TR_NOOP("Strg+1 … Strg+6"), QT_TR_NOOP("überall"), QT_TR_NOOP("Bildschirme wechseln"), ""),
    (QT_TR_NOOP("Alt+Buchstabe"), QT_TR_NOOP("überall"),
     QT_TR_NOOP("das Feld oder den Knopf mit dem unterstrichenen Buchstaben ansteuern"), ""),
    (QT_TR_NOOP("Tab, Umschalt+Tab"), QT_TR_NOOP("Formulare"),
     QT_TR_NOOP("nächstes, voriges Feld (auch aus Datumsfeldern heraus)"), ""),
    (QT_TR_NOOP("Alt+Rück, Strg+Z"), QT_TR_NOOP("überall (Strg+Z außerhalb von Textfeldern)"),
     QT_TR_NOOP("den letzten Schritt rückgängig machen, wie Datei → Rückgängig ihn nennt"), ""),
    (QT_TR_NOOP("Strg+L"), QT_TR_NOOP("überall"), QT_TR_NOOP("sperren"), ""),
    (QT_TR_NOOP("Strg+,"), QT_TR_NOOP("überall"), QT_TR_NOOP("Einstellungen"), ""),
    (QT_TR_NOOP("Strg+Q"), QT_TR_NOOP("überall"), QT_TR_NOOP("beenden"), ""),
    (QT_TR_NOOP("h, +1, -1, +2w"), QT_TR_NOOP("Datumsfelder"),
     QT_TR_NOOP("heute, morgen, gestern, in zwei Wochen; auch 171126 oder 17.11.26"), ""),
    (QT_TR_NOOP("↑ ↓, Alt+↓ oder F4"), QT_TR_NOOP("Datumsfelder"),
     QT_TR_NOOP("einen Tag vor oder zurück; Kalender öffnen (Pfeile, Eingabe, Esc)"), ""),
    (QT_TR_NOOP("e, c"), QT_TR_NOOP("Beratungen: Art"),
     QT_TR_NOOP("einmalige Beratung, Case Management; springt weiter"), "casemanager"),
    (QT_TR_NOOP("Buchstaben, Eingabe"), QT_TR_NOOP("Beratungen: Themen, Verweise"),
     QT_TR_NOOP("das beste Passende anhaken (wo → Wohnen); Rück im leeren Feld hakt ab"),
     "casemanager"),
    (QT_TR_NOOP("Strg+Eingabe"), QT_TR_NOOP("Beratungen"),
     QT_TR_NOOP("speichern und die nächste Beratung beginnen"), "casemanager"),
    (QT_TR_NOOP("Strg+N, Esc"), QT_TR_NOOP("Beratungen"), QT_TR_NOOP("leeres Formular"),
     "casemanager"),
    (QT_TR_NOOP("Strg+F"), QT_TR_NOOP("Beratungen, Fälle"), QT_TR_NOOP("suchen"), "casemanager"),
    (QT_TR_NOOP("Eingabe, Strg+E"), QT_TR_NOOP("Liste der Beratungen"),
     QT_TR_NOOP("die gewählte Beratung bearbeiten"), "casemanager"),
    (QT_TR_NOOP("Entf"), QT_TR_NOOP("Listen"), QT_TR_NOOP("löschen (nach einer Rückfrage)"), ""),
    (QT_TR_NOOP("Strg+N, Strg+S"), QT_TR_NOOP("Fälle, Gruppenangebote, Bedarfsmeldungen"),
     QT_TR_NOOP("neu, speichern"), ""),
    (QT_TR_NOOP("Strg+I"), QT_TR_NOOP("überall"), QT_TR_NOOP("bisherige Excel-Liste übernehmen"),
     "casemanager"),
]  # fmt: skip

FIRST_STEPS = {
    "casemanager": QT_TR_NOOP(
        "<h3>Erste Schritte im Rathaus</h3><ol>"
        "<li><b>Beratung erfassen</b> (Strg+1): Art mit <i>e</i> oder <i>c</i>, Klient:in oder "
        "Fall tippen, Themen und Verweise tippen und mit Eingabe anhaken, Strg+Eingabe "
        "speichert. Datum, Kommune und Programm sind schon ausgefüllt.</li>"
        "<li><b>Fälle</b> (Strg+2): Strg+N legt eine Person mit ihrem Fall an. Name, "
        "Geburtsdatum, Kontakt und Notizen bleiben auf diesem Gerät; nur die statistischen "
        "Angaben gehen an die Kreisstelle.</li>"
        "<li><b>Gruppenangebote</b> und <b>Bedarfsmeldungen</b> (Strg+3, Strg+4) für "
        "MuKi-S-Kurse und strukturelle Bedarfe.</li>"
        "<li><b>Übertragung</b> (Strg+6): den USB-Stick wählen und das Bundle schreiben; es ist "
        "verschlüsselt und signiert. Den Stick zur Kreisstelle bringen.</li>"
        "<li>Eine bisherige Excel-Liste übernimmt Datei → Bisherige Liste übernehmen "
        "(Strg+I).</li>"
        "<li>Beim Verlassen des Platzes Strg+L: KIMdesk sperrt sich sonst nach der in den "
        "Einstellungen gewählten Zeit von selbst.</li></ol>"
    ),
    "office": QT_TR_NOOP(
        "<h3>Erste Schritte in der Kreisstelle</h3><ol>"
        "<li><b>Geräte eintragen</b> (Strg+2): die Identitätsdatei eines Rathaus-Geräts wählen "
        "und den Fingerabdruck mit dem vergleichen, den das Gerät selbst zeigt (Hilfe → Über "
        "KIMdesk auf dem Gerät).</li>"
        "<li><b>Import</b> (Strg+1): den USB-Stick wählen. KIMdesk prüft jedes Bundle zuerst "
        "und zeigt, was es ändern würde; erst „Importieren“ übernimmt es.</li>"
        "<li><b>Konflikte</b> (Strg+3): wo zwei Fassungen eines Datensatzes abweichen, beide "
        "nebeneinander ansehen und eine behalten.</li>"
        "<li><b>Monitoring</b> (Strg+4): die Zahlen des Kreises, je Kommune, Programm und "
        "Gerät; Excel, Diagramme und Foliensatz. „Zur Veröffentlichung“ hält kleine Zahlen "
        "geheim.</li>"
        "<li><b>Bedarfsmeldungen</b> (Strg+5): Status, Lösung und zuständige Stelle "
        "eintragen.</li></ol>"
    ),
}


class HelpDialog(QDialog):
    def __init__(self, role: str | None, parent: QWidget | None = None, *, page: int = 0):
        super().__init__(parent)
        self.setWindowTitle(tr("KIMdesk – Hilfe"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Hilfe"))
        self.keys = record_table([tr("Tasten"), tr("Wo"), tr("Was")], "keyboardMap")
        self.keys.setAccessibleName(tr("Tastaturbelegung"))
        rows = [(tr(k), tr(w), tr(d)) for k, w, d, only in KEYS if only in ("", role)]
        fill_table(self.keys, rows)
        header = self.keys.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keys.setWordWrap(True)
        self.keys.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps = QTextBrowser()
        self.steps.setObjectName("firstSteps")
        self.steps.setAccessibleName(tr("Erste Schritte"))
        self.steps.setHtml(tr(FIRST_STEPS.get(role or "casemanager", FIRST_STEPS["casemanager"])))
        self.tabs.addTab(self.keys, tr("&Tastatur"))
        self.tabs.addTab(self.steps, tr("&Erste Schritte"))
        self.tabs.setCurrentIndex(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(900, 560)
