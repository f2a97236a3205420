"""The Land's statistics (issue 20): three counties' offices built from their devices'
bundles, each reporting 2023 to the Land; the Land merges the reports on SQLite and on
PostgreSQL and ``stats --json`` gives the same figures on both — each county's as it reported
them, the same keys summed, rates per 10,000 where a profile carries its population; a
replaced report changes the Land's figures; and no hidden cell of a county can be worked out
from the county tables and the state's sums together."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest

from kimdesk.domain.catalog import load_profile
from kimdesk.domain.profile import document
from kimdesk.services import county_report, land_reports, server, setup, sync
from kimdesk.services.workspace import open_workspace
from kimdesk.sync.identity import Identity

from ..conftest import CM_PASS, OFFICE_PASS
from .random_data import fill_random
from .test_publication import HIDDEN

TODAY = date(2026, 12, 3)
LAND_PASS = "land passphrase 1"

#: AGS: (profile id, name, municipalities, population) — Rhein-Sieg is the shipped profile.
COUNTIES = {
    "05382000": ("rhein-sieg", None, None, None),
    "05370000": ("heinsberg", "Kreis Heinsberg",
                 {"05370004": "Erkelenz", "05370016": "Heinsberg", "05370020": "Hückelhoven"},
                 {"inhabitants": 256_000, "year": 2023}),
    "05366000": ("euskirchen", "Kreis Euskirchen",
                 {"05366016": "Euskirchen", "05366028": "Mechernich", "05366044": "Zülpich"},
                 {"inhabitants": 195_000, "year": 2022}),
}  # fmt: skip


def profile_file(folder, ags: str):
    """The Rhein-Sieg template as the county's own profile (``init --profile``)."""
    profile, name, places, population = COUNTIES[ags]
    doc = document(load_profile("rhein-sieg"))
    doc.pop("version")
    doc.update(profile=profile, name=name, county=ags, population=population)
    rows = [{"code": ags, "de": name, "en": name}]
    rows += [{"code": c, "de": n, "en": n, "parent": ags} for c, n in places.items()]
    doc["catalogs"]["municipality"] = rows
    path = folder / f"{profile}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def counties(tmp_path_factory):
    """Per county an office whose figures came in a device's bundle, and its 2023 report
    for the Land (whose identity is ``land.json``)."""
    folder = tmp_path_factory.mktemp("counties")
    monkey = pytest.MonkeyPatch()
    monkey.setenv("KIMDESK_STATE_DIR", str(folder / "state"))
    with setup.init_store(folder / "land-template.kdb", LAND_PASS, role="land",
                          name="Landesstelle KIM NRW") as template:  # fmt: skip
        setup.write_identity(template, folder / "land.json")
    reports = {}
    for n, ags in enumerate(COUNTIES):
        here = folder / ags
        here.mkdir()
        profile = "rhein-sieg" if ags == "05382000" else str(profile_file(here, ags))
        with setup.init_store(here / "office.kdb", OFFICE_PASS, role="office",
                              name=f"Kreisstelle {ags}", profile=profile) as office:  # fmt: skip
            setup.write_identity(office, here / "office.json")
            with setup.init_store(here / "cm.kdb", CM_PASS, role="casemanager", name=f"CM {ags}",
                                  profile=profile, office_identity=here / "office.json") as cm:  # fmt: skip
                fill_random(cm, random.Random(20 + n), consultations=60 + 40 * n, days=365)
                setup.write_identity(cm, here / "cm.json")
                bundle = sync.export_bundle(cm, here).path
            sync.enroll(office, here / "cm.json")
            assert not sync.merge_bundles(office, [bundle]).any_rejected
            (here / "out").mkdir()
            reports[ags] = county_report.report_to_land(
                office, "2023", here / "out", land=Identity.read(folder / "land.json"),
                today=TODAY).report  # fmt: skip
    yield folder, reports
    monkey.undo()


def comparable(printed: str) -> dict:
    report = json.loads(printed)
    report.pop("generated_at")
    for about in report["counties"].values():
        about.pop("received_at")
    return report


def test_three_counties_at_the_land_on_sqlite_and_postgresql(counties, pg_url, tmp_path, cli):
    folder, reports = counties
    # The Land's identity is the template's: each office encrypted its report to it.
    lite = tmp_path / "land.kdb"
    lite.write_bytes((folder / "land-template.kdb").read_bytes())
    with open_workspace(lite, LAND_PASS) as ws:
        for ags in COUNTIES:
            sync.enroll(ws, folder / ags / "office.json")
        assert [r.status for r in land_reports.merge_reports(ws, list(reports.values()),
                                                             today=TODAY).reports] == ["imported"] * 3  # fmt: skip
    code, out, err = cli("stats", "--store", str(lite), "--json", "--period", "2023",
                         passphrase=LAND_PASS)  # fmt: skip
    assert code == 0, err
    on_sqlite = comparable(out)
    assert sorted(on_sqlite["by_county"]) == sorted(COUNTIES)
    assert len(on_sqlite["missing"]) == 51
    # Each county as it reported; the same keys summed.
    for ags, path in reports.items():
        with open_workspace(lite, LAND_PASS) as ws:
            document_ = land_reports.read_report(ws, path, today=TODAY).document
        assert on_sqlite["by_county"][ags] == document_["figures"]
        assert on_sqlite["counties"][ags]["population"] == COUNTIES[ags][3]
    shown = [f["consultations"]["total"] for f in on_sqlite["by_county"].values()]
    assert HIDDEN not in shown
    assert on_sqlite["consultations"]["total"] == sum(shown)
    keys = set(on_sqlite["by_county"]["05382000"]) - {"suppression"}
    assert keys <= set(on_sqlite)
    rates = on_sqlite["rates"]
    assert rates["by_county"]["05382000"]["consultations"] is None  # no population
    heinsberg = on_sqlite["by_county"]["05370000"]["consultations"]["total"]
    assert rates["by_county"]["05370000"]["consultations"] == round(heinsberg / 25.6, 1)
    both = heinsberg + on_sqlite["by_county"]["05366000"]["consultations"]["total"]
    assert rates["total"]["consultations"] == {
        "rate": round(both * 10_000 / 451_000, 1), "counties": 2, "inhabitants": 451_000}  # fmt: skip
    # The same on PostgreSQL: the empty Land moved to a database server (same identity), then
    # enrolling and merging there.
    with open_workspace(folder / "land-template.kdb", LAND_PASS) as template:
        server.move_to_server(template, pg_url, LAND_PASS)
    with open_workspace(pg_url, LAND_PASS) as ws:
        for ags in COUNTIES:
            sync.enroll(ws, folder / ags / "office.json")
        land_reports.merge_reports(ws, list(reports.values()), today=TODAY)
    code, out, err = cli("stats", "--store", pg_url, "--json", "--period", "2023",
                         passphrase=LAND_PASS)  # fmt: skip
    assert code == 0, err
    assert comparable(out) == on_sqlite
