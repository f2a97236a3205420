"""Who is reached and with what result (issue 15): every figure against a dataset counted by
hand."""

from __future__ import annotations

from datetime import date

import pytest

from kimdesk.domain.entities import Case, Client, Consultation, Goal
from kimdesk.services.statistics import make_filters, statistics
from kimdesk.store.records import delete_record, save_record

from ..conftest import CM_PASS

TROISDORF = "05382068"


def _c(day, kind="cm", case=None, client=None, mediation=None) -> Consultation:
    return Consultation(occurred_on=day, municipality=TROISDORF, kind=kind, topics=("deutsch",),
                        case_id=case.id if case else None, client_id=client.id if client else None,
                        language_mediation=mediation)  # fmt: skip


@pytest.fixture
def reach_ws(cm_ws):
    a = Client(gender="w", nationality="SY", residence_group="schutz", arrival_band="2015_2019",
               birth_date=date(1990, 6, 15))  # fmt: skip
    b = Client(gender="m", nationality="AF", residence_group="duldung", arrival_band="2020_2022",
               birth_date=date(2012, 1, 1))  # fmt: skip
    c = Client(gender="w", nationality="SY", residence_group="schutz", arrival_band="ab_2023",
               age_group="65+")  # a list gave the group, no birth date  # fmt: skip
    d = Client(gender="d", nationality="UA")  # deleted below: nothing known any more
    k1 = Case(client_id=a.id, municipality=TROISDORF, program="kim", opened_on=date(2023, 1, 10),
              access_route="selbst", phase="closed", closed_on=date(2023, 3, 11),
              closure_reason="ziele_erreicht")  # fmt: skip
    k2 = Case(client_id=b.id, municipality=TROISDORF, program="kim", opened_on=date(2023, 2, 1),
              access_route="jobcenter")  # fmt: skip
    k3 = Case(client_id=c.id, municipality=TROISDORF, program="kim", opened_on=date(2022, 5, 1),
              phase="closed", closed_on=date(2023, 6, 30), closure_reason="umzug")  # fmt: skip
    k4 = Case(client_id=a.id, municipality=TROISDORF, program="kim", opened_on=date(2023, 4, 1),
              access_route="selbst", phase="closed", closed_on=date(2023, 4, 11),
              closure_reason="ziele_erreicht")  # fmt: skip
    goals = [Goal(case_id=k1.id, topic="deutsch", status="reached"),
             Goal(case_id=k1.id, topic="arbeit", status="open"),
             Goal(case_id=k2.id, topic="deutsch", status="partial"),
             Goal(case_id=k3.id, topic="wohnen", status="not_reached"),
             Goal(case_id=k4.id, topic="deutsch", status="reached")]  # fmt: skip
    consultations = [
        _c(date(2023, 1, 12), case=k1, mediation="dolmetscher"),  # client only through the case
        _c(date(2023, 2, 2), case=k1, client=a, mediation="keine"),
        _c(date(2023, 2, 3), case=k2, client=b, mediation="vasco"),
        _c(date(2023, 3, 1), case=k3, client=c),
        _c(date(2023, 4, 5), case=k4, client=a),
        _c(date(2023, 5, 5), kind="einmalig", mediation="eigene"),  # nobody known: one person
        _c(date(2023, 5, 6), kind="einmalig"),
        _c(date(2023, 5, 7), kind="einmalig", client=d),
        _c(date(2022, 12, 1), case=k2, client=b),  # outside the period
    ]
    with cm_ws.store.begin() as conn:
        for record in (a, b, c, d, k1, k2, k3, k4, *goals, *consultations):
            save_record(conn, record, origin=cm_ws.installation.id)
        delete_record(conn, Client, d.id, origin=cm_ws.installation.id)
    return cm_ws


def figures(ws, **filters):
    return statistics(ws, make_filters(ws, date_from="01.01.2023", date_to="31.12.2023",
                                       **filters))  # fmt: skip


def shares(**counts):
    total = counts.pop("of")
    return {k: {"n": n, "pct": round(100 * n / total + 1e-9, 1)} for k, n in counts.items()}


def test_who_is_reached(reach_ws):
    r = figures(reach_ws)["reached"]
    assert (r["persons"], r["known"], r["unknown"]) == (6, 4, 2)
    assert r["by_gender"] == shares(unknown=3, w=2, m=1, of=6)
    assert r["by_age_group"] == shares(**{"<18": 1, "27-44": 1, "65+": 1, "unknown": 3}, of=6)
    assert r["by_nationality"] == shares(unknown=3, SY=2, AF=1, of=6)
    assert r["by_residence"] == shares(unknown=3, schutz=2, duldung=1, of=6)
    assert r["by_arrival"] == shares(**{"2015_2019": 1, "2020_2022": 1, "ab_2023": 1,
                                        "unknown": 3}, of=6)  # fmt: skip
    assert r["cases"] == 4
    assert r["by_access_route"] == shares(selbst=2, jobcenter=1, unknown=1, of=4)
    assert r["language_mediation"] == {
        "consultations": 8, "with": 3, "pct": 37.5,
        "by_kind": shares(dolmetscher=1, eigene=1, vasco=1, of=8),
    }  # fmt: skip


def test_with_what_result(reach_ws):
    o = figures(reach_ws)["outcomes"]
    assert o["goals_by_status"] == {
        "arbeit": {"open": 1, "total": 1},
        "deutsch": {"partial": 1, "reached": 2, "total": 3},
        "wohnen": {"not_reached": 1, "total": 1},
    }
    assert o["goals_total"] == 5
    assert (o["closed"], o["closed_by_reason"]) == (3, {"ziele_erreicht": 2, "umzug": 1})
    # 10, 60 and 425 days: the median is the 2nd, the 75th percentile the 3rd (nearest rank).
    assert o["case_days"] == {"cases": 3, "median": 60, "p75": 425}


def test_a_period_before_any_case_closed(reach_ws):
    o = statistics(reach_ws, make_filters(reach_ws, date_from="01.01.2022",
                                          date_to="31.12.2022"))["outcomes"]  # fmt: skip
    assert o["case_days"] == {"cases": 0, "median": None, "p75": None}
    assert o["goals_by_status"] == {"wohnen": {"not_reached": 1, "total": 1}}  # only K3 was open
    r = statistics(reach_ws, make_filters(reach_ws, date_from="01.01.2022",
                                          date_to="31.12.2022"))["reached"]  # fmt: skip
    assert (r["persons"], r["by_gender"]) == (1, shares(m=1, of=1))


def test_more_than_ten_nationalities_are_summed_as_other(cm_ws):
    codes = ["SY", "AF", "IQ", "IR", "TR", "UA", "ER", "SO", "NG", "GN", "AL", "XK"]
    with cm_ws.store.begin() as conn:
        for i, code in enumerate(codes):
            for _ in range(len(codes) - i):  # SY the most persons, XK the fewest
                person = Client(nationality=code)
                save_record(conn, person, origin=cm_ws.installation.id)
                save_record(conn, _c(date(2023, 3, 1), kind="einmalig", client=person),
                            origin=cm_ws.installation.id)  # fmt: skip
    r = figures(cm_ws)["reached"]
    assert list(r["by_nationality"]) == [*codes[:10], "other"]
    assert r["by_nationality"]["other"]["n"] == 2 + 1  # AL (2 persons) and XK (1)


def test_cli_prints_who_is_reached(cli, reach_ws, cm_file):
    reach_ws.close()
    code, out, err = cli("stats", "--store", cm_file, "--from", "01.01.2023", "--to",
                         "31.12.2023", passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    assert ("Erreichte Personen: 6 (mit Klient:in 4, ohne 2); Fälle mit Beratung: 4; "
            "Beratungen mit Sprachmittlung: 3 (37,5 %)") in out  # fmt: skip
    assert ("Ziele der Fälle: 5; abgeschlossene Fälle: 3; Dauer bis zum Abschluss: Median "
            "60 Tage, 75 % bis 425 Tage") in out  # fmt: skip
    code, out, err = cli("stats", "--store", cm_file, "--publication", passphrase=CM_PASS)
    assert code == 0, err
    # 6 persons over four hidden age groups would hold each to 1-3: the 6 is hidden too.
    assert "Erreichte Personen: • (mit Klient:in •, ohne •)" in out
    assert "• = geheim gehalten (Werte von 1 bis 4" in out
