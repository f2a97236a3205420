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
from importlib import resources

import openpyxl
import pytest
from jsonschema import Draft202012Validator

from kimdesk.domain.catalog import load_profile
from kimdesk.domain.profile import document
from kimdesk.services import (
    county_report,
    exports,
    land_reports,
    land_stats,
    records,
    server,
    setup,
    sync,
)
from kimdesk.services.statistics import make_filters, statistics
from kimdesk.services.workspace import open_workspace
from kimdesk.stats import charts, land
from kimdesk.sync.identity import Identity

from ..conftest import CM_PASS, OFFICE_PASS
from .random_data import fill_random
from .sync_helpers import consultation
from .test_publication import HIDDEN, at, every_count, rank, sums
from .test_stats_exports import pages

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


def schema_validator() -> Draft202012Validator:
    path = resources.files("kimdesk") / "resources" / "schemas" / "county-report-1.schema.json"
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


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


def fill_land(ws, folder, reports) -> list[str]:
    """Every county's office enrolled for its county at the Land ``ws``, every report merged;
    the statuses."""
    for ags in COUNTIES:
        sync.enroll(ws, folder / ags / "office.json", county=ags)
    return [r.status for r in land_reports.merge_reports(ws, list(reports.values()),
                                                         today=TODAY).reports]  # fmt: skip


def a_land(tmp_path, folder, reports):
    """A Land with the template's identity (every report is encrypted to it), filled."""
    store = tmp_path / "land.kdb"
    store.write_bytes((folder / "land-template.kdb").read_bytes())
    with open_workspace(store, LAND_PASS) as ws:
        assert fill_land(ws, folder, reports) == ["imported"] * 3
    return store


def comparable(printed: str) -> dict:
    report = json.loads(printed)
    report.pop("generated_at")
    for about in report["counties"].values():
        about.pop("received_at")
    return report


def test_three_counties_at_the_land_on_sqlite_and_postgresql(counties, pg_url, tmp_path, cli):
    folder, reports = counties
    # The Land's identity is the template's: each office encrypted its report to it.
    lite = a_land(tmp_path, folder, reports)
    code, out, err = cli("stats", "--store", str(lite), "--json", "--period", "2023",
                         passphrase=LAND_PASS)  # fmt: skip
    assert code == 0, err
    on_sqlite = comparable(out)
    assert sorted(on_sqlite["by_county"]) == sorted(COUNTIES)
    assert len(on_sqlite["missing"]) == 51
    # Each county as it reported (every report valid against the shipped JSON Schema); the
    # same keys summed.
    for ags, path in reports.items():
        with open_workspace(lite, LAND_PASS) as ws:
            document_ = land_reports.read_report(ws, path, today=TODAY).document
        schema_validator().validate(document_)
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
        assert fill_land(ws, folder, reports) == ["imported"] * 3
    code, out, err = cli("stats", "--store", pg_url, "--json", "--period", "2023",
                         passphrase=LAND_PASS)  # fmt: skip
    assert code == 0, err
    assert comparable(out) == on_sqlite


def test_a_newer_report_replaces_the_county_in_the_lands_figures(counties, tmp_path, cli):
    folder, reports = counties
    store = a_land(tmp_path, folder, reports)
    with open_workspace(store, LAND_PASS) as ws:
        before = land_stats.land_statistics(ws, period="2023")
    # Heinsberg's office takes in a late consultation of 2023 and reports the year again.
    here = folder / "05370000"
    with open_workspace(here / "office.kdb", OFFICE_PASS) as office:
        records.save(office, consultation(occurred_on=date(2023, 12, 30),
                                          municipality="05370004"), today=TODAY)  # fmt: skip
        newer = county_report.report_to_land(office, "2023", tmp_path, today=TODAY).report
    code, out, err = cli("merge", "--store", str(store), str(newer), passphrase=LAND_PASS)
    assert code == 0, err
    assert "übernommen, ersetzt Nr. 1" in out
    assert "der Bericht Nr. 1 für 05370000 2023 bleibt in der Historie; es gilt Nr. 2" in out
    with open_workspace(store, LAND_PASS) as ws:
        after = land_stats.land_statistics(ws, period="2023")
    assert after["counties"]["05370000"]["report"] == 2
    heinsberg = [r["by_county"]["05370000"]["consultations"]["total"] for r in (before, after)]
    assert heinsberg[1] == heinsberg[0] + 1
    assert after["consultations"]["total"] == before["consultations"]["total"] + 1
    for ags in ("05382000", "05366000"):  # the others as they were
        assert after["by_county"][ags] == before["by_county"][ags]


def test_the_lands_filters(counties, tmp_path, cli):
    folder, reports = counties
    store = tmp_path / "land.kdb"
    store.write_bytes((folder / "land-template.kdb").read_bytes())
    code, _, err = cli("stats", "--store", str(store), passphrase=LAND_PASS)
    assert code == 1 and "noch keinen Kreisbericht" in err
    with open_workspace(store, LAND_PASS) as ws:
        fill_land(ws, folder, reports)
        one = land_stats.land_statistics(ws, county="Kreis Heinsberg")  # the latest period
        assert one["period"]["key"] == "2023" and list(one["by_county"]) == ["05370000"]
        assert one["missing"] == []
        assert one["consultations"] == one["by_county"]["05370000"]["consultations"] | {
            "by_kind_pct": one["consultations"]["by_kind_pct"]}  # fmt: skip
    # Euskirchen also reports the running quarter: the default stays the year that is over.
    with open_workspace(folder / "05366000" / "office.kdb", OFFICE_PASS) as office:
        running = county_report.report_to_land(office, "2026-Q4", tmp_path, today=TODAY).report
    with open_workspace(store, LAND_PASS) as ws:
        land_reports.merge_reports(ws, [running], today=TODAY)
        assert land_stats.land_statistics(ws, today=TODAY)["period"]["key"] == "2023"
        quarter = land_stats.land_statistics(ws, period="2026-Q4", today=TODAY)
        assert list(quarter["by_county"]) == ["05366000"]
        assert quarter["counties"]["05366000"]["complete"] is False
        assert quarter["other_periods"] == {}
    code, out, _ = cli("stats", "--store", str(store), "--period", "2026-Q4",
                       passphrase=LAND_PASS)  # fmt: skip
    assert "Kreis Euskirchen (läuft noch)" in out and "Bericht aus 1 Kreis;" in out
    for args, message in [
        (("--period", "2023-H1"), "liegt kein Kreisbericht vor; Berichte gibt es für 2023"),
        (("--from", "01.01.2023"), "wählt --period den Berichtszeitraum"),
        (("--program", "muki"), "nicht nach Programmen getrennt"),
        (("--municipality", "Troisdorf"), "kein Kreis des KIM in NRW"),
        (("--municipality", "Kreis"), "passt auf mehrere Kreise"),
        (
            ("--municipality", "Heinsberg", "--period", "2026-Q4"),
            "liegt kein Kreisbericht von Kreis Heinsberg vor; Berichte gibt es für 2023.",
        ),
    ]:
        code, _, err = cli("stats", "--store", str(store), *args, passphrase=LAND_PASS)
        assert code == 1 and message in err, (args, err)


# -- no hidden cell recoverable across the county and state tables -------------------------


def county_relations(ags: str, full: dict, published: dict) -> tuple[list[dict], set]:
    """The county's own sums (``test_publication.sums``) over its hidden cells, as rows."""
    rows, hidden = [], set()
    for total, parts in sums(full):
        row: dict = {}
        for path, sign in ((total, 1), *((p, -1) for p in parts)):
            if at(published, path) == HIDDEN:
                hidden.add((ags, path))
                row[(ags, path)] = row.get((ags, path), 0) + sign
                if row[(ags, path)] == 0:
                    del row[(ags, path)]
        rows.append(row)
    return rows, hidden


def state_relations(state: dict, incomplete: dict, full: dict, published: dict) -> list[dict]:
    """Each summed count of the state is a sum of the counties' counts a reader can use: a
    whole sum over every county's cell (true of the real figures, checked), a lower bound
    over the shown ones only (true of them, checked; it holds no hidden cell)."""
    rows = []
    for path, value in every_count(state):
        if path[0] == "suppression" or any(isinstance(k, int) for k in path):
            continue  # bookkeeping; lists are joined, not summed
        having = [a for a in published if _has(published[a], path)]
        shown = [a for a in having if at(published[a], path) != HIDDEN]
        key = "/".join(path)
        if key in incomplete:
            assert value == sum(at(full[a], path) for a in shown), path
            assert incomplete[key] == len(having) - len(shown), path
            continue
        assert value == sum(at(full[a], path) for a in having), path
        rows.append({(a, path): 1 for a in having if a not in shown})
    return rows


def _has(figures: dict, path: tuple) -> bool:
    try:
        at(figures, path)
    except (KeyError, TypeError):
        return False
    return True


def determined(rows: list[dict], hidden: set) -> list:
    from fractions import Fraction

    rows = [{k: Fraction(v) for k, v in r.items()} for r in rows if r]
    base = rank(rows)
    return sorted((c for c in hidden if rank([*rows, {c: Fraction(1)}]) == base), key=repr)


@pytest.mark.parametrize("seed", [3, 17, 101])
def test_no_hidden_cell_of_a_county_can_be_worked_out_with_the_states_sums(
    templates, tmp_path, seed
):
    rng = random.Random(seed)
    full, published = {}, {}
    for ags in ("05382000", "05370000", "05366000"):
        path = tmp_path / f"{ags}.kdb"
        path.write_bytes((templates / "office.kdb").read_bytes())
        with open_workspace(path, OFFICE_PASS) as office:
            fill_random(office, rng, consultations=rng.randint(4, 40), days=365,
                        municipalities=rng.randint(1, 3))  # fmt: skip
            full[ags] = statistics(office, make_filters(office, period="2023"))
            published[ags] = county_report.county_report(office, "2023", today=TODAY)["figures"]
    state, incomplete = land.combine(published)
    rows, hidden = [], set()
    for ags in published:
        county_rows, county_hidden = county_relations(ags, full[ags], published[ags])
        rows += county_rows
        hidden |= county_hidden
    assert hidden, "the counties hide nothing: the audit would be empty"
    assert determined(rows, hidden) == []  # each county's own publication holds
    assert determined(rows + state_relations(state, incomplete, full, published), hidden) == []
    # The audit would see a leak: a state whose sums took in the hidden counts.
    leaky = land.combine({a: {k: full[a][k] for k in published[a] if k in full[a]}
                          for a in published})[0]  # fmt: skip
    leaks = determined(rows + state_relations(leaky, {}, full, published), hidden)
    assert leaks, "a state of true totals would give hidden counts away"


def test_the_lands_workbook_charts_and_deck(counties, tmp_path, cli):
    folder, reports = counties
    store = a_land(tmp_path, folder, reports)
    with open_workspace(store, LAND_PASS) as ws:
        report = land_stats.land_statistics(ws, period="2023")
    code, out, err = cli("stats", "--store", str(store), "--xlsx", str(tmp_path / "land.xlsx"),
                         "--charts", str(tmp_path / "charts"), passphrase=LAND_PASS)  # fmt: skip
    assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "land.xlsx")
    assert book.sheetnames[:3] == ["Übersicht", "Kreise", "Vollständigkeit"]
    cells = [[c.value for c in row] for row in book["Kreise"].iter_rows()]
    rows = {row[0]: row for row in cells if row[0] in COUNTIES}
    for ags in COUNTIES:
        figures = report["by_county"][ags]
        assert rows[ags][4:7] == [figures["consultations"]["total"],
                                  figures["reached"]["persons"], figures["cases"]["opened"]]  # fmt: skip
    assert rows["05370000"][7:10] == [256_000, "2023", report["rates"]["by_county"]["05370000"]
                                      ["consultations"]]  # fmt: skip
    assert rows["05382000"][7] is None  # no population in its profile
    missing = [row[0] for row in book["Vollständigkeit"].iter_rows(values_only=True)]
    assert "05111000" in missing and "05382000" not in missing
    places = {row[0] for row in book["S6 Kommunen"].iter_rows(values_only=True)}
    assert {"Erkelenz", "Mechernich"} <= places  # named as the counties' reports name them
    text = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                    if c.value is not None)  # fmt: skip
    assert "Kreisstelle 05370000" in text and "Wohnraum" not in text
    assert (tmp_path / "charts" / "L-kreise-je-10000.png").stat().st_size > 10_000
    written = sorted((tmp_path / "charts").iterdir())
    assert written == sorted(exports.chart_files(tmp_path / "charts", land=True))
    # At the Land's scale, S6 and S7 chart the counties (their own totals), not every place.
    with open_workspace(store, LAND_PASS) as ws:
        labels = land_stats.labels(ws, report)
    for build, title in ((charts.figure_s6, "Einzelberatungen pro Kreis"),
                         (charts.figure_s7, "Gruppenangebote pro Kreis")):  # fmt: skip
        figure = build(report, labels)
        assert figure.get_suptitle() == title
        ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert ticks == ["Kreis Euskirchen", "Kreis Heinsberg", "Rhein-Sieg-Kreis"], ticks
    # The deck: title, the counties side by side, then the office's comparisons.
    assert pages((tmp_path / "charts" / "vergleich.pdf").read_bytes()) == 8
