"""The charts in the English interface (issue 16): every text of every chart in English,
with the catalog's English labels, in both modes; the German figures stay as they were."""

from __future__ import annotations

import random
import re

import pytest
from matplotlib.text import Text

from kimdesk.services.statistics import make_filters, statistics
from kimdesk.stats.charts import chart_builders
from kimdesk.stats.english import Translator, translate_figure

from .random_data import fill_random

#: Words of the German figures that must not survive (whole words or stems).
GERMAN = re.compile(
    r"Beratung|Fälle|\bFall\b|keine|unbekannt|weitere|Kommune|Zeitraum|Stand|Personen|geheim|"
    r"Termine|Ziele|Anzahl|erreicht|Geschlecht|Aufenthalt|Einzel|Gruppen|Verweise|Themen|Uhr|"
    r"\bbis\b|\balle\b|\bMär\b|\bMai\b|\bOkt\b|\bDez\b|Sprachmittlung|Zugang|Ankunft|Monat|"
    r"weiblich|männlich|Wohnen|Gesundheit|Arbeit"
)


def texts(fig) -> set[str]:
    fig.canvas.draw()
    found = {t.get_text() for t in fig.findobj(Text)}
    for ax in fig.axes:
        found |= {t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()}
    return {t for t in found if t}


@pytest.mark.parametrize("publication", [False, True])
def test_every_chart_speaks_english(cm_ws, publication):
    fill_random(cm_ws, random.Random(7), consultations=300)
    report = statistics(cm_ws, make_filters(cm_ws), publication=publication)
    for spec in chart_builders():
        german = texts(spec.build(report, cm_ws.catalog))
        english = texts(translate_figure(spec.build(report, cm_ws.catalog), cm_ws.catalog))
        assert any(GERMAN.search(t) for t in german), spec.key  # the test can see German
        left = sorted(t for t in english if GERMAN.search(t))
        assert left == [], f"{spec.key}: {left}"


def test_catalog_values_and_numbers_come_through():
    from kimdesk.domain.catalog import load_profile

    english = Translator(load_profile("rhein-sieg"))
    assert english("Wohnen") == "Housing"
    assert english("1.234 Verweise") == "1.234 referrals"
    assert english("Sprachentwicklung/Mehrsprachig\nkeit").replace("\n", " ").startswith(
        "Language")  # fmt: skip
    assert english("Jan\n2024") == "Jan\n2024" and english("Mär") == "Mar"
    assert english("Zeitraum: 01.01.2023 bis 31.12.2023") == "Period: 01.01.2023 to 31.12.2023"


def test_the_nationality_chart_names_countries_in_english(cm_ws):
    from kimdesk.domain.persons import english_country_names

    fill_random(cm_ws, random.Random(7), consultations=300)
    report = statistics(cm_ws, make_filters(cm_ws))
    [spec] = [s for s in chart_builders() if s.key == "S11-staatsangehoerigkeit"]
    german = texts(spec.build(report, cm_ws.catalog))
    english = texts(translate_figure(spec.build(report, cm_ws.catalog), cm_ws.catalog))
    names = {de: en for de, en in english_country_names().items() if de != en}
    shown = [name for name in names if any(name in text for text in german)]
    assert shown, "the data must name some country whose English name differs"
    for name in shown:
        assert not any(name in text for text in english), name
        assert any(names[name] in text for text in english), names[name]
    translate = Translator(cm_ws.catalog)
    assert (translate("Syrien"), translate("Türkei"), translate("staatenlos")) == (
        "Syria", "Türkiye", "stateless")  # fmt: skip
