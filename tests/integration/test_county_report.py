"""The county's report to the Land (issue 20): built from an office's real store for a period,
valid against the shipped JSON Schema, publication rules applied (nothing the office's own
publication hides is shown), never a record, never a device; a document with a record or an
unhidden small count planted fails the schema."""

from __future__ import annotations

import copy
import json
from datetime import date
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from kimdesk.domain.errors import KimdeskError
from kimdesk.services import county_report, statistics

from .stats_data import fill

TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def validator():
    path = resources.files("kimdesk") / "resources" / "schemas" / "county-report-1.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_a_year_of_the_county_as_the_land_receives_it(office_ws, validator):
    fill(office_ws)
    report = county_report.county_report(office_ws, "2023", today=TODAY)
    validator.validate(report)
    assert report["format"] == "kimdesk-county-report" and report["version"] == 1
    places = report["county"].pop("places")
    assert report["county"] == {"ags": "05382000", "name": "Rhein-Sieg-Kreis",
                                "profile": "rhein-sieg", "profile_version": 1,
                                "population": None}  # fmt: skip
    assert places["05382068"] == "Troisdorf" and len(places) == 20
    assert all(code.startswith("05382") for code in places)
    assert report["period"] == {"key": "2023", "from": "2023-01-01", "to": "2023-12-31",
                                "complete": True}  # fmt: skip
    # The same figures as the office's own publication of that year, less the records.
    published = statistics.statistics(
        office_ws, statistics.make_filters(office_ws, period="2023"), publication=True
    )
    figures = report["figures"]
    for key in ("consultations", "referrals", "topics", "cases", "reached", "outcomes",
                "group_offers", "staffing", "suppression"):  # fmt: skip
        assert figures[key] == published[key], key
    assert figures["structural_needs"] == {"total": published["structural_needs"]["total"],
                                           "by_status": published["structural_needs"]["by_status"]}  # fmt: skip
    text = json.dumps(report, ensure_ascii=False)
    for never in ("Wohnraum", "Wartelisten", "dieses Gerät", '"sources"', '"items"'):
        assert never not in text, never
    assert "•" in text  # the year has small counts, hidden


def test_a_running_period_is_marked_and_bad_periods_refused(office_ws, validator):
    fill(office_ws)
    running = county_report.county_report(office_ws, "2026-Q4", today=TODAY)
    validator.validate(running)
    assert running["period"]["complete"] is False
    assert running["figures"]["consultations"]["total"] == 0
    for wrong in ("2023-H3", "2019", "letztes Jahr"):
        with pytest.raises(KimdeskError):
            county_report.county_report(office_ws, wrong, today=TODAY)


def test_only_an_office_reports(cm_ws):
    with pytest.raises(KimdeskError, match="Kreisstelle"):
        county_report.county_report(cm_ws, "2023", today=TODAY)


def test_the_schema_refuses_a_record_or_an_unhidden_count(office_ws, validator):
    fill(office_ws)
    good = county_report.county_report(office_ws, "2023", today=TODAY)
    planted = []
    needs = copy.deepcopy(good)
    needs["figures"]["structural_needs"]["items"] = [{"challenge": "Kaum Wohnraum"}]
    planted.append(needs)
    words = copy.deepcopy(good)
    words["figures"]["topics"]["note"] = "Frau K. kam dreimal"
    planted.append(words)
    devices = copy.deepcopy(good)
    devices["figures"]["sources"] = [{"installation": "x"}]
    planted.append(devices)
    other_land = copy.deepcopy(good)
    other_land["county"]["ags"] = "09162000"  # München: not a county of NRW
    planted.append(other_land)
    negative = copy.deepcopy(good)
    negative["figures"]["consultations"]["total"] = -1
    planted.append(negative)
    for document in planted:
        assert not validator.is_valid(document)


def read_back(data: bytes) -> tuple[set, dict]:
    """The CSV as a state database reads it: rows into the nested figures again."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["ags", "period", "figure", "type", "value"]
    figures: dict = {}
    keys = set()
    for ags, period, path, kind, value in rows[1:]:
        keys.add((ags, period))
        value = {"number": lambda v: float(v) if "." in v else int(v), "hidden": str,
                 "code": str, "none": lambda v: None, "table": lambda v: {},
                 "list": lambda v: []}[kind](value)  # fmt: skip
        parts = path.split("/")
        node = figures
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return keys, lists(figures)


def lists(node):
    """Tables whose keys are 0, 1, 2, … were lists."""
    if not isinstance(node, dict):
        return node
    if node and all(k.isdigit() for k in node) and sorted(map(int, node)) == list(range(len(node))):
        return [lists(node[str(i)]) for i in range(len(node))]
    return {k: lists(v) for k, v in node.items()}


def test_the_csv_holds_the_same_figures(office_ws):
    fill(office_ws)
    report = county_report.county_report(office_ws, "2023-H1", today=TODAY)
    keys, figures = read_back(county_report.county_csv(report))
    assert keys == {("05382000", "2023-H1")}
    assert figures == json.loads(json.dumps(report["figures"]))
    assert "Wohnraum" not in county_report.county_csv(report).decode("utf-8-sig")


# -- the signed, encrypted file ---------------------------------------------------------------

LAND_PASS = "land passphrase 1"


@pytest.fixture
def land(tmp_path):
    from kimdesk.services import setup

    with setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land NRW") as ws:
        setup.write_identity(ws, tmp_path / "land.json")
        yield ws


def opened_at_land(land, path, office_identity) -> dict:
    """What the Land reads: the header, the office's signature, then the plaintext."""
    from kimdesk.sync import container

    data = path.read_bytes()
    header = container.read_header(data, container.REPORT)
    container.verify(data, header, office_identity.signing_key)
    assert header.recipient_id == land.installation.id
    return json.loads(container.open_payload(data, header, land.installation.agreement_key,
                                             container.REPORT))  # fmt: skip


def test_the_report_reaches_only_the_land_signed_by_the_office(office_ws, land, tmp_path,
                                                               validator):  # fmt: skip
    from kimdesk.services import setup, sync
    from kimdesk.sync.identity import Identity

    fill(office_ws)
    office_identity = setup.write_identity(office_ws, tmp_path / "office.json")
    (tmp_path / "out").mkdir()  # a folder that exists, as on a stick
    first = county_report.report_to_land(office_ws, "2023", tmp_path / "out",
                                         land=Identity.read(tmp_path / "land.json"), today=TODAY)  # fmt: skip
    assert (first.seq, first.land, first.period) == (1, "Land NRW", "2023")
    assert first.report.name == "kreisbericht-05382000-2023-1.kiml"
    document = opened_at_land(land, first.report, office_identity)
    validator.validate(document)
    expected = county_report.county_report(office_ws, "2023", today=TODAY)
    document.pop("created_at"), expected.pop("created_at")
    assert document == json.loads(json.dumps(expected))
    assert first.csv.read_bytes() == county_report.county_csv(expected)
    # The office keeps its Land: the next report needs no key, and no other Land is taken.
    again = county_report.report_to_land(office_ws, "2024", tmp_path / "out", today=TODAY)
    assert again.seq == 2
    with setup.init_store(tmp_path / "other.kdb", LAND_PASS, role="land", name="Andere") as other:
        setup.write_identity(other, tmp_path / "other.json")
    with pytest.raises(KimdeskError, match="berichtet an Land NRW"):
        county_report.report_to_land(office_ws, "2023", tmp_path / "out",
                                     land=Identity.read(tmp_path / "other.json"), today=TODAY)  # fmt: skip
    # A report is no bundle: the office's merge names what it is.
    [refused] = sync.merge_bundles(office_ws, [first.report]).bundles
    assert refused.status == "rejected" and "Kreisbericht" in refused.reason


def test_the_first_report_needs_a_land(office_ws, tmp_path, templates):
    from kimdesk.sync.identity import Identity

    with pytest.raises(KimdeskError, match="--land-key"):
        county_report.report_to_land(office_ws, "2023", tmp_path / "out", today=TODAY)
    with pytest.raises(KimdeskError, match="nicht zu einer Landesstelle"):
        county_report.report_to_land(office_ws, "2023", tmp_path / "out",
                                     land=Identity.read(templates / "cm.json"), today=TODAY)  # fmt: skip
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_the_command_line_writes_both_files(cli, office_file, land, tmp_path):
    from ..conftest import OFFICE_PASS

    (tmp_path / "o").mkdir()
    code, out, err = cli("report", "--store", str(office_file), "--period", "2023-q2",
                         "--land-key", str(tmp_path / "land.json"), "--out", str(tmp_path / "o"),
                         "--yes", passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    assert "Fingerabdruck der Landesstelle" in out and "Bericht 1 für 2023-Q2" in out
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "kreisbericht-05382000-2023-Q2-1.csv", "kreisbericht-05382000-2023-Q2-1.kiml"]  # fmt: skip
    code, _out, err = cli("report", "--store", str(office_file), "--period", "2023-Q5",
                          "--out", str(tmp_path / "o"), passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "kein Zeitraum" in err


def test_one_kind_of_period_a_year_so_no_hidden_count_comes_back(office_ws, land, tmp_path):
    """10 consultations in January, 3 in April: the second quarter hides its 3. A half-year
    report (13) minus the first quarter (10) would give them back: refused."""
    from kimdesk.services import records
    from kimdesk.sync.identity import Identity

    from .sync_helpers import consultation

    for day in [date(2023, 1, d) for d in range(2, 12)] + [date(2023, 4, d) for d in (3, 4, 5)]:
        records.save(office_ws, consultation(occurred_on=day))
    (tmp_path / "out").mkdir()
    kwargs = {"today": TODAY}
    first = county_report.report_to_land(office_ws, "2023-Q2", tmp_path / "out",
                                         land=Identity.read(tmp_path / "land.json"), **kwargs)  # fmt: skip
    assert county_report.county_report(office_ws, "2023-Q2", **kwargs)["figures"][
        "consultations"]["total"] == "•"  # fmt: skip
    county_report.report_to_land(office_ws, "2023-Q1", tmp_path / "out", **kwargs)
    for overlapping in ("2023-H1", "2023"):
        with pytest.raises(KimdeskError, match="Quartalsberichte"):
            county_report.report_to_land(office_ws, overlapping, tmp_path / "out", **kwargs)
    county_report.report_to_land(office_ws, "2024-H1", tmp_path / "out", **kwargs)  # another year
    assert first.seq == 1 and len(list((tmp_path / "out").glob("*.kiml"))) == 3


def test_a_future_period_and_a_false_land_are_refused(office_ws, land, tmp_path, templates):
    from kimdesk.domain.periods import parse_period
    from kimdesk.services import sync
    from kimdesk.sync.identity import Identity

    with pytest.raises(KimdeskError, match="noch nicht begonnen"):
        parse_period("2026-Q4", today=date(2026, 9, 30))
    # A "Land" that is an enrolled device's identity with another role, or its id with other
    # keys: refused, nothing kept, nothing written.
    from dataclasses import replace as changed

    sync.enroll(office_ws, templates / "cm.json")
    device = Identity.read(templates / "cm.json")
    (tmp_path / "out").mkdir()
    for fake, message in (
        (changed(device, role="land"), "schon als Gerät"),
        (changed(Identity.read(tmp_path / "land.json"), installation_id=device.installation_id),
         "anderer Schlüssel"),
    ):  # fmt: skip
        with pytest.raises(KimdeskError, match=message):
            county_report.report_to_land(office_ws, "2023", tmp_path / "out", land=fake,
                                         today=TODAY)  # fmt: skip
    assert not list((tmp_path / "out").iterdir())


def test_the_county_population_travels_for_the_lands_rates(office_ws, tmp_path, validator):
    """The county sets its inhabitants and their source year in its profile; the report
    carries them (the Land's rates per 10,000); a wrong figure is refused."""
    from kimdesk.services import profile

    doc = profile.show(office_ws)["profile"]
    doc["population"] = {"inhabitants": 605_000, "year": 2023}
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    applied = profile.apply(office_ws, tmp_path / "p.json")
    assert "Einwohnerzahl: — → 605.000 (2023)" in applied.change.settings
    report = county_report.county_report(office_ws, "2023", today=TODAY)
    validator.validate(report)
    assert report["county"]["population"] == {"inhabitants": 605_000, "year": 2023}
    assert profile.show(office_ws)["profile"]["population"] == {"inhabitants": 605_000,
                                                                 "year": 2023}  # fmt: skip
    for wrong in ({"inhabitants": 0, "year": 2023}, {"inhabitants": "605000", "year": 2023},
                  {"inhabitants": 605_000, "year": 1800}, {"inhabitants": 605_000}, [605_000]):  # fmt: skip
        doc["population"] = wrong
        (tmp_path / "p.json").write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(KimdeskError, match="population"):
            profile.apply(office_ws, tmp_path / "p.json")
