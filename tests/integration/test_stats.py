"""S1–S10 on a hand-counted dataset (see stats_data.py for every record)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kimdesk.domain.errors import KimdeskError
from kimdesk.services.statistics import make_filters, statistics
from kimdesk.stats.filters import Filters
from kimdesk.stats.percent import pct, top

from ..conftest import CM_PASS
from .stats_data import fill


@pytest.fixture
def data_ws(cm_ws):
    fill(cm_ws)
    return cm_ws


def test_percentages_round_half_up_and_survive_empty_tables():
    assert pct(1, 16) == 6.3  # 6.25: half up, not to even
    assert pct(1, 8) == 12.5
    assert pct(1, 3) == 33.3 and pct(2, 3) == 66.7
    assert pct(0, 0) == 0.0 and pct(5, 0) == 0.0
    assert top({"b": 2, "a": 2, "c": 5, "d": 1, "e": 1, "f": 1, "z": 0}) == [
        "c",
        "a",
        "b",
        "d",
        "e",
    ]


def test_consultations_s1_s2_s6(data_ws):
    c = statistics(data_ws, Filters())["consultations"]
    assert c["total"] == 5  # the deleted one never counts
    assert c["by_kind"] == {"einmalig": 3, "cm": 2}
    assert c["by_kind_pct"] == {"einmalig": 60.0, "cm": 40.0}
    assert c["by_year"] == {
        "2022": {"einmalig": 1, "cm": 1, "total": 2},
        "2023": {"einmalig": 2, "cm": 1, "total": 3},
    }
    assert c["by_municipality"] == {
        "05382036": {"einmalig": 1, "cm": 0, "total": 1},
        "05382060": {"einmalig": 1, "cm": 1, "total": 2},
        "05382068": {"einmalig": 1, "cm": 1, "total": 2},
    }


def test_referrals_s3(data_ws):
    r = statistics(data_ws, Filters())["referrals"]
    assert r["total"] == 5
    assert r["by_target"] == {
        "wohlfahrt": {"n": 2, "pct": 40.0},
        "aemter": {"n": 1, "pct": 20.0},
        "jc_afa": {"n": 1, "pct": 20.0},
        "kita_schule": {"n": 1, "pct": 20.0},
    }
    assert list(r["by_target"]) == ["wohlfahrt", "aemter", "jc_afa", "kita_schule"]
    assert r["consultations_with_referral"] == 4


def test_topics_s4(data_ws):
    t = statistics(data_ws, Filters())["topics"]
    assert t["mentions"] == 9
    assert t["by_topic"] == {
        "wohnen": {"n": 3, "pct": 33.3},
        "deutsch": {"n": 2, "pct": 22.2},
        "gesundheit": {"n": 2, "pct": 22.2},
        "aufenthalt": {"n": 1, "pct": 11.1},
        "kinderbetreuung": {"n": 1, "pct": 11.1},
    }
    assert t["top5"] == ["wohnen", "deutsch", "gesundheit", "aufenthalt", "kinderbetreuung"]


def test_months_s5_and_the_muki_view(data_ws):
    """Every month from the first record to the last, zero where nothing happened (issue 15:
    June must not stand next to September)."""
    c = statistics(data_ws, Filters())["consultations"]
    months = list(c["by_month"])
    assert months[0] == "2022-03" and months[-1] == "2023-12" and len(months) == 22
    assert {
        k: v for k, v in c["by_month"].items() if v != {"individual": 0, "group_sessions": 0}
    } == {
        "2022-03": {"individual": 1, "group_sessions": 0},
        "2022-11": {"individual": 1, "group_sessions": 0},
        "2023-01": {"individual": 2, "group_sessions": 1},
        "2023-02": {"individual": 0, "group_sessions": 2},
        "2023-12": {"individual": 1, "group_sessions": 0},
    }
    assert c["by_month"]["2023-06"] == {"individual": 0, "group_sessions": 0}
    assert list(c["muki_by_month"]) == months  # the same axis, to line up in one table
    assert {k: v for k, v in c["muki_by_month"].items() if any(v.values())} == {
        "2023-01": {"individual": 1, "group_sessions": 1},
        "2023-02": {"individual": 0, "group_sessions": 1},
    }


def test_a_period_shows_all_its_months_and_years_even_without_data(data_ws):
    c = statistics(data_ws, Filters(date_from=date(2021, 11, 1), date_to=date(2023, 2, 28)))[
        "consultations"
    ]
    assert list(c["by_year"]) == ["2021", "2022", "2023"]
    assert c["by_year"]["2021"] == {"einmalig": 0, "cm": 0, "total": 0}
    assert list(c["by_month"])[:3] == ["2021-11", "2021-12", "2022-01"]
    assert list(c["by_month"])[-1] == "2023-02" and len(c["by_month"]) == 16
    empty = statistics(data_ws, Filters(date_from=date(2019, 1, 1), date_to=date(2019, 3, 31)))
    assert list(empty["consultations"]["by_month"]) == ["2019-01", "2019-02", "2019-03"]
    assert empty["consultations"]["by_year"] == {"2019": {"einmalig": 0, "cm": 0, "total": 0}}


def test_group_offers_s7(data_ws):
    g = statistics(data_ws, Filters())["group_offers"]
    assert (g["offers"], g["sessions_held"], g["sessions_cancelled"], g["participants"]) == (
        2, 3, 1, 26,
    )  # fmt: skip
    assert g["by_place"] == [
        {"municipality": "05382060", "format": "het", "held": 2, "cancelled": 1,
         "participants": 14},
        {"municipality": "05382068", "format": "sprachcafe", "held": 1, "cancelled": 0,
         "participants": 12},
    ]  # fmt: skip
    assert g["by_place_month"] == [
        {"municipality": "05382060", "format": "het", "month": "2023-01", "held": 1,
         "cancelled": 1, "participants": 8},
        {"municipality": "05382060", "format": "het", "month": "2023-02", "held": 1,
         "cancelled": 0, "participants": 6},
        {"municipality": "05382068", "format": "sprachcafe", "month": "2023-02", "held": 1,
         "cancelled": 0, "participants": 12},
    ]  # fmt: skip


def test_structural_needs_s8_cases_s9_staffing_s10(data_ws):
    report = statistics(data_ws, Filters())
    needs = report["structural_needs"]
    assert needs["total"] == 2 and needs["by_status"] == {"in_progress": 1, "reported": 1}
    assert [(i["challenge"], i["solution"], i["status"]) for i in needs["items"]] == [
        ("Kaum bezahlbarer Wohnraum", None, "reported"),
        ("Wartelisten für Integrationskurse", "Zusätzlicher Kurs ab Herbst", "in_progress"),
    ]
    assert report["cases"] == {
        "opened": 3,
        "closed": 1,
        "closed_by_reason": {"ziele_erreicht": 1},
        "active_at_end": 2,
        "active_by_phase": {"implementation": 1, "planning": 1},
    }
    assert report["staffing"] == {
        "installations": 2,
        "municipalities": 3,
        "municipality_codes": ["05382036", "05382060", "05382068"],
    }


def test_period_filter(data_ws):
    f = Filters(date(2023, 1, 1), date(2023, 6, 30))
    report = statistics(data_ws, f)
    c = report["consultations"]
    assert (c["total"], c["by_kind"]) == (2, {"einmalig": 1, "cm": 1})
    assert report["referrals"]["total"] == 1
    assert report["topics"]["mentions"] == 4
    assert report["cases"] == {
        "opened": 2,
        "closed": 0,
        "closed_by_reason": {},
        "active_at_end": 3,  # K2 closed only in October
        "active_by_phase": {"closed": 1, "implementation": 1, "planning": 1},
    }
    g = report["group_offers"]
    assert (g["sessions_held"], g["sessions_cancelled"], g["participants"]) == (3, 1, 26)
    assert report["structural_needs"]["total"] == 2
    assert report["filters"] == {"from": "2023-01-01", "to": "2023-06-30", "municipality": None,
                                 "program": None}  # fmt: skip


def test_municipality_and_program_filters(data_ws):
    troisdorf = statistics(data_ws, Filters(municipality="05382068"))
    assert troisdorf["consultations"]["total"] == 2
    assert troisdorf["referrals"]["by_target"] == {"jc_afa": {"n": 1, "pct": 100.0}}
    assert troisdorf["group_offers"]["participants"] == 12
    assert troisdorf["structural_needs"]["total"] == 1
    muki = statistics(data_ws, Filters(program="muki"))
    assert muki["consultations"]["total"] == 1
    assert muki["topics"]["by_topic"] == {"kinderbetreuung": {"n": 1, "pct": 100.0}}
    assert muki["group_offers"]["sessions_held"] == 2
    assert muki["cases"]["opened"] == 0


def test_empty_period_has_no_division_by_zero(data_ws):
    report = statistics(data_ws, Filters(date(2030, 1, 1), date(2030, 12, 31)))
    assert report["consultations"]["total"] == 0
    assert report["consultations"]["by_kind_pct"] == {"einmalig": 0.0, "cm": 0.0}
    assert report["referrals"] == {"total": 0, "accompanied": 0, "by_target": {},
                                   "consultations_with_referral": 0}  # fmt: skip
    assert report["topics"] == {"mentions": 0, "by_topic": {}, "top5": []}


def test_publication_hides_small_counts(data_ws):
    report = statistics(data_ws, Filters(), publication=True)
    c = report["consultations"]
    # 5 consultations in three municipalities (2, 2, 1): the total would hold each to 1-3.
    assert c["total"] == "•" and c["by_kind"] == {"einmalig": "•", "cm": "•"}
    assert c["by_kind_pct"] == {"einmalig": None, "cm": None}
    assert report["referrals"]["by_target"]["wohlfahrt"] == {"n": "•", "pct": None}
    assert report["group_offers"]["participants"] == 26
    assert report["group_offers"]["by_place_month"][0]["month"] == "2023-01"
    assert report["structural_needs"]["items"][1]["affected_cases"] == 30
    assert report["structural_needs"]["items"][0]["challenge"] == "Kaum bezahlbarer Wohnraum"
    places = report["group_offers"]["by_place"]
    assert (places[0]["held"], places[0]["cancelled"]) == ("•", "•")
    assert (places[0]["participants"], places[1]["participants"]) == (14, 12)  # none small
    assert report["suppression"]["min_count"] == 5
    assert report["suppression"]["hidden"] > 0 and "small" not in report["suppression"]
    assert report["profile"]["name"] == "Rhein-Sieg-Kreis"
    assert report["publication"] is True


def test_filters_from_user_input(data_ws):
    f = make_filters(data_ws, date_from="01.01.2023", date_to="2023-06-30",
                     municipality="Troisdorf", program="MuKi-S")  # fmt: skip
    assert f == Filters(date(2023, 1, 1), date(2023, 6, 30), "05382068", "muki")
    for kwargs, message in [
        ({"date_from": "31.02.2023"}, "Das Anfangsdatum: „31.02.2023“ ist ein unmögliches Datum."),
        ({"date_to": "Mai 2023"}, "Das Enddatum: „Mai 2023“ ist kein Datum"),
        ({"date_from": "2023-05-01", "date_to": "2023-04-01"}, "Zeitraum ist leer"),
        ({"municipality": "Atlantis"}, "keine Kommune"),
        ({"program": "xyz"}, "kein Programm"),
    ]:
        with pytest.raises(KimdeskError, match=message):
            make_filters(data_ws, **kwargs)


def test_cli_stats_json_has_the_keys_of_the_design(cli, cm_file):
    from kimdesk.services.workspace import open_workspace

    with open_workspace(cm_file, CM_PASS) as ws:
        fill(ws)
    code, out, err = cli("stats", "--store", cm_file, "--json", "--from", "01.01.2023",
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert {"filters", "consultations", "referrals", "topics", "cases", "group_offers",
            "structural_needs"} <= set(data)  # fmt: skip
    assert {"total", "by_kind", "by_year", "by_municipality", "by_month"} <= set(
        data["consultations"]
    )
    assert data["consultations"]["total"] == 3
    code, out, _ = cli("stats", "--store", cm_file, passphrase=CM_PASS)
    assert code == 0 and "Einzelberatungen: 5" in out
    code, _, err = cli("stats", "--store", cm_file, "--municipality", "Atlantis",
                       passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and "keine Kommune" in err
    # A reporting period (issue 20) is the same as its first and last day.
    code, out, err = cli("stats", "--store", cm_file, "--json", "--period", "2023-h1",
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    code, same, err = cli("stats", "--store", cm_file, "--json", "--from", "01.01.2023", "--to",
                          "30.06.2023", passphrase=CM_PASS)  # fmt: skip
    by_period, by_days = json.loads(out), json.loads(same)
    assert by_period["consultations"] == by_days["consultations"]
    assert by_period["filters"] == by_days["filters"]
    for wrong, message in ((["--period", "2023-H3"], "kein Zeitraum"),
                           (["--period", "2023", "--from", "01.01.2023"], "nicht beides")):  # fmt: skip
        code, _, err = cli("stats", "--store", cm_file, *wrong, passphrase=CM_PASS)
        assert code == 1 and message in err, err
