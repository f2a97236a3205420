"""The charts in English, for the English interface (the workbook, the deck and exported
charts stay German: they are documents for German committees).

A chart is built in German as everywhere, then every text of the finished figure is put
into English: fixed words by a table, catalog values by the catalog's English labels, and
phrases with a number by their pattern. Tick labels are fixed after one draw, so that a
later draw keeps them.
"""

from __future__ import annotations

import re
import textwrap

from matplotlib.figure import Figure
from matplotlib.text import Text

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.persons import english_country_names

from . import labels as de

WORDS = {
    **{
        de.TITLES["S1"]: "Individual consultations per year",
        de.TITLES["S2"]: "Individual consultations by kind",
        de.TITLES["S3"]: "Referrals by target",
        de.TITLES["S4"]: "Topics of the consultations",
        de.TITLES["S5"]: "Consultations and group sessions per month",
        de.TITLES["S5-muki"]: "MuKi-S: consultations and group sessions per month",
        de.TITLES["S6"]: "Individual consultations per municipality",
        de.TITLES["S7"]: "Group offers",
        de.TITLES["S6-land"]: "Individual consultations per county",
        de.TITLES["S7-land"]: "Group offers per county",
        de.TITLES["S8"]: "Structural needs",
        de.TITLES["S9"]: "Cases (case management)",
        de.TITLES["S10"]: "Staff and coverage",
        de.TITLES["S11"]: "People reached",
        de.TITLES["S11-nationality"]: "People reached by nationality",
        de.TITLES["S11-access"]: "Access routes of the cases and language mediation",
        de.TITLES["S12"]: "Results: goals of the cases",
        de.TITLES["S12-closed"]: "Results: closed cases",
    },
    de.NO_DATA: "no data", de.ALL: "all", de.INDIVIDUAL: "Individual consultations",
    de.GROUP_SESSIONS: "Group sessions", "Beratungen": "Consultations", "Anzahl": "Number",
    "Termine": "Sessions", "durchgeführt": "held", "ausgefallen": "cancelled",
    "Teilnahmen": "Attendances", "Ziele": "Goals", "Geschlecht": "Gender",
    "Altersgruppe": "Age group", "Aufenthalt": "Residence status",
    "Ankunft in Deutschland": "Arrival in Germany", "unbekannt": "unknown", "weitere": "others",
    "weiblich": "female", "männlich": "male", "divers": "diverse", "keine Angabe": "not stated",
    "unter 18": "under 18", "18 bis 26": "18 to 26", "27 bis 44": "27 to 44",
    "45 bis 64": "45 to 64", "65 und älter": "65 and older", "offen": "open",
    "teilweise erreicht": "partly reached", "erreicht": "reached",
    "nicht erreicht": "not reached", "verworfen": "dropped", "staatenlos": "stateless",
    "nur geheim gehaltene Werte (•):\nkein Diagramm": "only values kept secret (•):\nno chart",
    "schraffiert: geheim gehalten": "hatched: kept secret",
    "„–“: Summe enthält geheim gehaltene Werte": "“–”: the sum includes values kept secret",
    "Veröffentlichungsfassung (• = geheim gehalten)": "for publication (• = kept secret)",
    "ohne Fallakte (als unbekannt gezählt)": "without a case file (counted as unknown)",
    "Zeitraum": "Period", "Kommune": "Municipality", "Programm": "Programme",
    "Gerät": "Device", "Stand": "As of",
}  # fmt: skip

MONTHS = dict(zip(("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
                   "Nov", "Dez"),
                  ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                   "Nov", "Dec"), strict=True))  # fmt: skip

#: Phrases with numbers: (German pattern, English replacement).
PATTERNS = [
    (r"^(\S+) Verweise$", r"\1 referrals"),
    (r"^(\S+) Themennennungen$", r"\1 topic mentions"),
    (r"^(\S+) Personen$", r"\1 people"),
    (r"^(\S+) Personen, davon (\S+) ohne Fallakte \(als unbekannt gezählt\)$",
     r"\1 people, \2 of them without a case file (counted as unknown)"),
    (r"^Zugangswege \((\S+) Fälle\)$", r"Access routes (\1 cases)"),
    (r"^Sprachmittlung \((\S+) Beratungen(.*)\)$", r"Language mediation (\1 consultations\2)"),
    (r"^(\S+) Fälle abgeschlossen$", r"\1 cases closed"),
    (r"^(\S+) Fälle abgeschlossen · Dauer bis zum Abschluss: Median (\S+) Tage, "
     r"drei Viertel nach höchstens (\S+) Tagen$",
     r"\1 cases closed · time to closing: median \2 days, three quarters within \3 days"),
    (r"^geheim gehalten: (\d+) Werte? \(•\)$", r"kept secret: \1 value(s) (•)"),
    (r"^(\d\d\.\d\d\.\d{4}) bis (\d\d\.\d\d\.\d{4})$", r"\1 to \2"),
    (r"^ab (\d\d\.\d\d\.\d{4})$", r"from \1"),
    (r"^bis (\d\d\.\d\d\.\d{4})$", r"until \1"),
    (r"^(\d\d\.\d\d\.\d{4}, \d\d:\d\d) Uhr$", r"\1"),
    (r"^(.+) – (.+)$", None),  # a place and its format: both parts translated
    (r"^(.+) \((\S+); (\S+ %|–)\)$", None),  # a pie's legend: label (n; share)
    (r"^• = geheim gehalten \(Werte von 1 bis (\d+) und Werte, aus denen sie sich "
     r"errechnen ließen\)$",
     r"• = kept secret (values from 1 to \1 and values they could be worked out from)"),
]  # fmt: skip


class Translator:
    """German chart texts into English, with the catalog's English labels."""

    def __init__(self, catalog: Catalog):
        self.words = {**english_country_names(), **WORDS}
        for entry in catalog.entries:
            if entry.label_de and entry.label_en:
                self.words.setdefault(entry.label_de, entry.label_en)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if text in self.words:
            return self.words[text]
        if text in MONTHS:
            return MONTHS[text]
        for pattern, replacement in PATTERNS:
            match = re.match(pattern, text, re.DOTALL)
            if match is None:
                continue
            if replacement is not None:
                return match.expand(replacement)
            if pattern.startswith("^(.+) – "):
                return f"{self(match[1])} – {self(match[2])}"
            return f"{self(match[1])} ({match[2]}; {match[3]})"
        if "\n" in text:  # a wrapped label (perhaps inside a word), a month with its year
            parts = text.split("\n")
            for joined in (" ".join(parts), "".join(parts)):
                whole = self(joined)
                if whole != joined:
                    return textwrap.fill(whole, max(len(p) for p in parts) + 4)
            return "\n".join(self(part) for part in parts)
        if " · " in text:  # a caption
            return " · ".join(self(part) for part in text.split(" · "))
        name, sep, value = text.partition(": ")
        if sep and name in self.words:
            return f"{self.words[name]}: {self(value)}"
        return text


def translate_figure(fig: Figure, catalog: Catalog) -> Figure:
    """Every text of ``fig`` in English (titles, captions, axis and tick labels, legends,
    bar labels); tick labels are fixed, so that the next draw keeps them."""
    english = Translator(catalog)
    fig.canvas.draw()  # makes the tick labels
    for ax in fig.axes:
        for axis, ticks, texts in (
            (ax.xaxis, ax.get_xticks(), ax.get_xticklabels()),
            (ax.yaxis, ax.get_yticks(), ax.get_yticklabels()),
        ):
            words = [t.get_text() for t in texts]
            if any(english(w) != w for w in words):
                axis.set_ticks(ticks, [english(w) for w in words])
    for text in fig.findobj(Text):
        original = text.get_text()
        translated = english(original)
        if translated != original:
            text.set_text(translated)
    return fig
