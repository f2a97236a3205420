"""Statistics exports: the workbook read back, chart images, the deck PDF, `kimdesk stats`.

One small dataset whose every figure is counted by hand below; the workbook must show exactly
those numbers, with German labels, native charts and nothing a spreadsheet would execute.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, PieChart

from kimdesk.domain.entities import (
    Case,
    Consultation,
    GroupOffer,
    GroupSession,
    Referral,
    StructuralNeed,
)
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import exports
from kimdesk.services.statistics import statistics
from kimdesk.services.workspace import open_workspace
from kimdesk.stats import labels
from kimdesk.stats.charts import chart_builders
from kimdesk.stats.deck import build_deck
from kimdesk.stats.filters import Filters
from kimdesk.stats.workbook import build_workbook

from ..conftest import CM_PASS
from .sync_helpers import add, remove

TROISDORF, SIEGBURG = "05382068", "05382060"
JOBCENTER = "Jobcenter/Integration Point/Agentur für Arbeit (SGB II/III)"
EVIL = '=HYPERLINK("http://example.invalid/x","klick")'
SHEETS = [
    "Übersicht",
    "S1 Beratungen pro Jahr",
    "S2 Beratungsart",
    "S3 Verweise",
    "S4 Themen",
    "S5 Monate",
    "S6 Kommunen",
    "S7 Gruppenangebote",
    "S8 Strukturelle Bedarfe",
    "S9 Fälle",
    "S10 Personal",
    "S11 Erreichte Personen",
    "S12 Ergebnisse",
    "Vergleich",
]
PNG = b"\x89PNG\r\n\x1a\n"


def seed(ws) -> None:
    """Four live consultations (one more deleted), one MuKi-S offer, one need, one case.

    By hand: 2022: einmalig 1, cm 1; 2023: einmalig 2, cm 0 -> 3 einmalig (75.0 %), 1 cm.
    Referrals: jc_afa 3 (75.0 %), wohlfahrt 1 (25.0 %), 1 of them accompanied.
    Topics (6 mentions): wohnen 3 (50.0 %), arbeit, deutsch, kinderbetreuung 1 each (16.7 %).
    Months: 2022-03 two consultations; 2023-05 two consultations and two sessions held;
    MuKi-S 2023-05: one consultation, two sessions. Sessions: 2 held, 1 cancelled, 14 people.
    """
    jc = Referral("jc_afa")
    c = [
        Consultation(occurred_on=date(2022, 3, 10), municipality=TROISDORF, kind="einmalig",
                     topics=("wohnen", "deutsch"), referrals=(jc,)),
        Consultation(occurred_on=date(2022, 3, 15), municipality=TROISDORF, kind="cm",
                     topics=("wohnen",),
                     referrals=(Referral("wohlfahrt"), Referral("jc_afa", accompanied=True))),
        Consultation(occurred_on=date(2023, 5, 2), municipality=SIEGBURG, kind="einmalig",
                     program="muki", topics=("kinderbetreuung",)),
        Consultation(occurred_on=date(2023, 5, 20), municipality=SIEGBURG, kind="einmalig",
                     topics=("wohnen", "arbeit"), referrals=(jc,)),
    ]  # fmt: skip
    gone = Consultation(occurred_on=date(2023, 6, 1), municipality=TROISDORF, kind="cm",
                        topics=("finanzen",), referrals=(Referral("sonstige"),))  # fmt: skip
    offer = GroupOffer(program="muki", format="het", title="HET Siegburg", municipality=SIEGBURG)
    sessions = [
        GroupSession(offer_id=offer.id, held_on=date(2023, 5, 9), participants=8),
        GroupSession(offer_id=offer.id, held_on=date(2023, 5, 16), participants=6),
        GroupSession(offer_id=offer.id, held_on=date(2023, 5, 23), status="cancelled"),
    ]
    need = StructuralNeed(reported_on=date(2023, 4, 1), municipality=TROISDORF, topic="wohnen",
                          challenge=EVIL, affected_cases=3, solution="-Runder Tisch",
                          responsible_body="@Sozialamt")  # fmt: skip
    case = Case(client_id=None, municipality=TROISDORF, program="kim",
                opened_on=date(2023, 1, 10), phase="planning")  # fmt: skip
    add(ws, *c, gone, offer, *sessions, need, case)
    remove(ws, Consultation, gone.id)


def table(sheet, header_row: int = 5) -> list[list]:
    """The header row and the rows below it, up to the first empty row."""
    rows = []
    for row in sheet.iter_rows(min_row=header_row, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    width = next((i for i, v in enumerate(rows[0]) if v is None), len(rows[0]))  # beside: a chart
    return [r[:width] for r in rows]


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def chart_types(sheet) -> list[type]:
    return [type(c) for c in sheet._charts]


@pytest.fixture
def seeded(cm_ws):
    seed(cm_ws)
    return cm_ws


@pytest.fixture
def seeded_many(cm_ws):
    """2022: 10 one-off and 8 case management consultations; 2023: 12 and 3; 2024: 9 and 7."""
    for year, kind, n in ((2022, "einmalig", 10), (2022, "cm", 8), (2023, "einmalig", 12),
                          (2023, "cm", 3), (2024, "einmalig", 9), (2024, "cm", 7)):  # fmt: skip
        add(cm_ws, *(Consultation(occurred_on=date(year, 1 + i % 12, 3), municipality=TROISDORF,
                                  kind=kind, topics=("deutsch",)) for i in range(n)))  # fmt: skip
    return cm_ws


@pytest.fixture
def book(seeded, tmp_path):
    path = exports.write_workbook(
        statistics(seeded, Filters()), seeded.catalog, tmp_path / "s.xlsx"
    )
    return load_workbook(path), path


def test_workbook_holds_the_hand_counted_figures(book):
    wb, _ = book
    assert wb.sheetnames == SHEETS
    s1 = wb["S1 Beratungen pro Jahr"]
    assert table(s1) == [
        ["Jahr", "Einmalige Beratung", "Case Management", "Gesamt"],
        ["2022", 1, 1, 2],
        ["2023", 2, 0, 2],
        ["Gesamt", 3, 1, 4],
    ]
    assert s1["A1"].value == "S1 – Einzelberatungen pro Jahr"
    assert s1["B6"].number_format == "#,##0"
    assert table(wb["S2 Beratungsart"])[1:] == [
        ["Einmalige Beratung", 3, 0.75, "einmalig"],
        ["Case Management", 1, 0.25, "cm"],
        ["Gesamt", 4, None, None],
    ]
    assert wb["S2 Beratungsart"]["C6"].number_format == "0.0 %"
    assert table(wb["S3 Verweise"])[1:] == [
        [JOBCENTER, 3, 0.75, "jc_afa"],
        ["Beratungsstellen der Freien Wohlfahrtspflege", 1, 0.25, "wohlfahrt"],
        ["Gesamt", 4, None, None],
    ]
    s4 = table(wb["S4 Themen"])
    assert s4[0] == ["Thema", "Nennungen", "Anteil", "Top 5", "Code"]
    assert s4[1:] == [
        ["Wohnen", 3, 0.5, 1, "wohnen"],
        ["Arbeit/Ausbildung", 1, 0.167, 2, "arbeit"],
        ["Deutsch (Kurse)", 1, 0.167, 3, "deutsch"],
        ["Kinderbetreuung", 1, 0.167, 4, "kinderbetreuung"],
        ["Gesamt", 6, None, None, None],
    ]
    months = table(wb["S5 Monate"])
    assert months[0] == ["Monat", "Einzelberatungen", "Gruppentermine",
                         "MuKi-S: Einzelberatungen", "MuKi-S: Gruppentermine"]  # fmt: skip
    assert months[1] == ["Mär 2022", 2, 0, 0, 0] and months[-1] == ["Mai 2023", 2, 2, 1, 2]
    assert months[2] == ["Apr 2022", 0, 0, 0, 0]  # every month between, none left out
    assert len(months) == 1 + 15
    assert table(wb["S6 Kommunen"])[1:] == [
        ["Siegburg", 2, 0, 2, SIEGBURG],  # the profile's (alphabetical) order
        ["Troisdorf", 1, 1, 2, TROISDORF],
        ["Gesamt", 3, 1, 4, None],
    ]
    s7 = wb["S7 Gruppenangebote"]
    assert table(s7)[1:] == [
        ["Gruppenangebote", 1],
        ["Termine durchgeführt", 2],
        ["Termine ausgefallen", 1],
        ["Teilnahmen", 14],
    ]
    places = table(s7, header_row=12)
    assert places[1] == ["Siegburg – Heidelberger Elterntraining (5 × 120 min)", "gesamt", 2, 1, 14]
    s9 = table(wb["S9 Fälle"])
    assert s9[1:] == [
        ["Fälle eröffnet im Zeitraum", 1],
        ["Fälle abgeschlossen im Zeitraum", 0],
        ["Fälle aktiv am Ende des Zeitraums", 1],
    ]
    assert ("Hilfeplanung", 1) in [r[:2] for r in wb["S9 Fälle"].iter_rows(values_only=True)]
    assert table(wb["S10 Personal"])[1:] == [
        ["Aktive Installationen (Case Manager:innen mit Beratungen)", 1],
        ["Versorgte Kommunen", 2],
    ]


def test_workbook_charts_layout_and_print_setup(book):
    wb, _ = book
    expected = {
        "S1 Beratungen pro Jahr": [BarChart],
        "S2 Beratungsart": [BarChart],
        "S3 Verweise": [PieChart],
        "S4 Themen": [PieChart],
        "S5 Monate": [BarChart, BarChart],
        "S6 Kommunen": [BarChart],
        "S7 Gruppenangebote": [BarChart],
        "S8 Strukturelle Bedarfe": [],
        "S11 Erreichte Personen": [BarChart] * 5,  # no access route, no language mediation
        "S12 Ergebnisse": [],  # no goals, no closed case
        "Vergleich": [BarChart, PieChart, PieChart, BarChart],
    }
    for name, types in expected.items():
        assert chart_types(wb[name]) == types, name
    for name in SHEETS[1:-1]:
        sheet = wb[name]
        assert sheet.freeze_panes == "A6", name
        assert sheet["A5"].font.bold, name
        assert sheet.page_setup.orientation == "landscape"
        # A page as full as its width allows (not fitted to the width: a strip at the top).
        assert not sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert 40 <= sheet.page_setup.scale <= 125, name
    # Numbers' headings stand over the numbers; a code keeps its distance from them.
    s6 = wb["S6 Kommunen"]
    assert [s6.cell(5, c).alignment.horizontal for c in range(1, 6)] == [
        None, "right", "right", "right", "left"]  # fmt: skip
    assert s6["E6"].alignment.indent == 1
    # Charts stand to the right of their table, never on it.
    assert all(c.anchor._from.col >= 5 for c in wb["S1 Beratungen pro Jahr"]._charts)


def test_cover_states_filters_time_and_sources(book):
    wb, _ = book
    cover = {r[0]: r[1] for r in table(wb["Übersicht"], header_row=3)[1:]}
    assert cover["Kreis"] == "Rhein-Sieg-Kreis"
    assert cover["Zeitraum"] == cover["Kommune"] == cover["Programm"] == "alle"
    assert cover["Exportiert am"].endswith(" Uhr")
    assert cover["Veröffentlichung"].startswith("nein")
    values = [v for row in wb["Übersicht"].iter_rows(values_only=True) for v in row]
    assert "dieses Gerät" in values  # a case manager's store: its own data
    assert any(c.hyperlink for row in wb["Übersicht"].iter_rows() for c in row)


def test_text_that_looks_like_a_formula_stays_text(book):
    wb, path = book
    s8 = table(wb["S8 Strukturelle Bedarfe"])
    assert s8[0][:6] == ["gemeldet am", "Kommune", "Thema", "Herausforderung", "Lösung", "Status"]
    row = s8[1]
    assert row[:6] == ["01.04.2023", "Troisdorf", "Wohnen", EVIL, "-Runder Tisch", "gemeldet"]
    assert row[7] == "@Sozialamt"
    cell = wb["S8 Strukturelle Bedarfe"]["D6"]
    assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(z.read(n).decode() for n in names)
    assert "<f>" not in xml and "HYPERLINK" in xml  # stored as a string, never a formula


def test_filters_show_on_cover_and_narrow_the_figures(seeded, tmp_path):
    filters = Filters(date(2022, 1, 1), date(2022, 12, 31), municipality=TROISDORF)
    wb = build_workbook(statistics(seeded, filters), seeded.catalog)
    cover = {r[0]: r[1] for r in table(wb["Übersicht"], header_row=3)[1:]}
    assert cover["Zeitraum"] == "01.01.2022 bis 31.12.2022"
    assert cover["Kommune"] == "Troisdorf"
    assert cover["Programm"] == "alle"
    assert table(wb["S1 Beratungen pro Jahr"])[1:] == [["2022", 1, 1, 2], ["Gesamt", 1, 1, 2]]
    assert "Zeitraum: 01.01.2022 bis 31.12.2022" in wb["S1 Beratungen pro Jahr"]["A2"].value


def test_publication_mode_writes_small_counts_as_text(seeded):
    report = statistics(seeded, Filters(), publication=True)
    wb = build_workbook(report, seeded.catalog)
    assert table(wb["S1 Beratungen pro Jahr"])[1:] == [
        ["2022", "•", "•", "•"],
        ["2023", "•", 0, "•"],
        ["Gesamt", "•", "•", "•"],
    ]
    assert table(wb["S3 Verweise"])[1] == [JOBCENTER, "•", None, "jc_afa"]  # no share
    assert wb["S1 Beratungen pro Jahr"]["B6"].data_type == "s"
    assert "• = geheim gehalten" in wb["S1 Beratungen pro Jahr"]["A3"].value  # the note says so
    cover = {r[0]: r[1] for r in table(wb["Übersicht"], header_row=3)[1:]}
    assert cover["Veröffentlichung"].startswith("ja")
    # Every count and share of this small dataset is hidden: no chart, a line that says so.
    for name in ("S1 Beratungen pro Jahr", "S3 Verweise"):
        ws = wb[name]
        assert ws._charts == [] and ws._images == []
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert "Kein Diagramm: nur geheim gehaltene Werte (•)." in texts
    figures = {spec.key: spec.build(report, seeded.catalog) for spec in chart_builders()}
    for key in ("S1-beratungen-pro-jahr", "S3-verweise", "S2-beratungsart"):
        texts = {t.get_text() for t in figures[key].axes[0].texts}
        assert "nur geheim gehaltene Werte (•):\nkein Diagramm" in texts, key
        assert not figures[key].axes[0].patches, key  # no bar, no slice


def test_hidden_counts_are_hatched_bars_labelled(seeded_many):
    """A hidden count is a hatched stub labelled "•", never a missing bar or a 0."""
    report = statistics(seeded_many, Filters(), publication=True)
    cells = [v for row in report["consultations"]["by_year"].values()
             for k, v in row.items() if k != "total"]  # fmt: skip
    shown = sorted(v for v in cells if v != "•")
    assert cells.count("•") >= 2 and shown  # 2023's three CM consultations and a complement
    by_key = {s.key: s.build(report, seeded_many.catalog) for s in chart_builders()}
    fig = by_key["S1-beratungen-pro-jahr"]
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if p.get_hatch()]
    plain = [p for p in ax.patches if not p.get_hatch() and p.get_height() > 0]
    labels_ = [t.get_text() for t in ax.texts]
    assert len(hatched) == labels_.count("•") == cells.count("•")
    assert sorted(round(p.get_height()) for p in plain) == shown  # published counts, to scale
    assert max(p.get_height() for p in hatched) < min(shown) * 0.5  # a mark, not a value
    caption = next(t for t in fig.texts if t.get_gid() == "caption").get_text()
    assert "schraffiert: geheim gehalten" in caption
    # The workbook shows the same figure as a picture: native charts cannot mark a hidden bar.
    wb = build_workbook(report, seeded_many.catalog)
    assert wb["S1 Beratungen pro Jahr"]._charts == []
    assert len(wb["S1 Beratungen pro Jahr"]._images) == 1


def test_empty_store_says_keine_daten(cm_ws, tmp_path):
    report = statistics(cm_ws, Filters())
    wb = build_workbook(report, cm_ws.catalog)
    for name in SHEETS[1:7] + ["S8 Strukturelle Bedarfe"]:
        assert wb[name]["A6"].value == "keine Daten", name
        assert wb[name]._charts == [], name
    assert wb["Vergleich"]._charts == []
    for spec in chart_builders():
        fig = spec.build(report, cm_ws.catalog)
        assert any(t.get_text() == "keine Daten" for ax in fig.axes for t in ax.texts), spec.key
    assert pages(build_deck(report, cm_ws.catalog)) == 7


def test_chart_images_and_deck(seeded, tmp_path):
    report = statistics(seeded, Filters())
    folder = tmp_path / "diagramme"
    written = exports.write_charts(report, seeded.catalog, folder)
    keys = [spec.key for spec in chart_builders()]
    assert keys[0] == "S1-beratungen-pro-jahr"
    assert [p.name for p in written] == [
        *(f"{k}.{ext}" for k in keys for ext in ("png", "pdf")),
        "vergleich.pdf",
    ]
    for path in written:
        data = path.read_bytes()
        if path.suffix == ".png":
            assert data.startswith(PNG) and len(data) > 20_000, path.name
        else:
            assert data.startswith(b"%PDF") and len(data) > 5_000, path.name
    deck = (folder / "vergleich.pdf").read_bytes()
    assert pages(deck) == 7  # title page, four comparisons, persons reached, goals
    assert not list(folder.glob(".*"))  # no temporary files left behind


def test_figures_show_the_values(seeded):
    report = statistics(seeded, Filters())
    by_key = {spec.key: spec.build(report, seeded.catalog) for spec in chart_builders()}

    def texts(fig):
        return {t.get_text() for ax in fig.axes for t in ax.texts}

    assert {"1", "2"} <= texts(by_key["S1-beratungen-pro-jahr"])
    assert "3 (75,0 %)" in texts(by_key["S2-beratungsart"])
    assert {"75,0 %", "25,0 %"} <= texts(by_key["S3-verweise"])
    assert "50,0 %" in texts(by_key["S4-themen"])
    assert {"2", "14"} <= texts(by_key["S7-gruppenangebote"])
    assert by_key["S1-beratungen-pro-jahr"]._suptitle.get_text() == labels.TITLES["S1"]


def test_chart_folder_needs_an_existing_parent(cm_ws, tmp_path):
    report = statistics(cm_ws, Filters())
    with pytest.raises(KimdeskError, match="kann nicht angelegt werden"):
        exports.write_charts(report, cm_ws.catalog, tmp_path / "fehlt" / "diagramme")
    assert not (tmp_path / "fehlt").exists()


def test_label_helpers():
    assert labels.bundle_ranges([5, 1, 2, 3, 7, 8]) == "1–3, 5, 7–8"
    assert labels.bundle_ranges([]) == "noch keine"
    assert labels.period({"from": "2023-01-01", "to": None}) == "ab 01.01.2023"
    assert labels.number(12345) == "12.345" and labels.number("•") == "•"
    assert labels.percent(16.7) == "16,7 %" and labels.percent(None) == "–"
    assert labels.month("2023-03") == "Mär 2023"


def test_cli_stats_writes_workbook_and_charts(cli, cm_file, tmp_path):
    with open_workspace(cm_file, CM_PASS) as ws:
        seed(ws)
    xlsx, charts = tmp_path / "statistik.xlsx", tmp_path / "folien"
    code, out, err = cli(
        "stats", "--store", cm_file, "--xlsx", xlsx, "--charts", charts, passphrase=CM_PASS
    )
    assert code == 0, err
    assert f"geschrieben: {xlsx}" in out
    assert (charts / "vergleich.pdf").is_file()
    assert (charts / "S6-kommunen.png").read_bytes().startswith(PNG)
    wb = load_workbook(xlsx)
    assert table(wb["S1 Beratungen pro Jahr"])[-1] == ["Gesamt", 3, 1, 4]
