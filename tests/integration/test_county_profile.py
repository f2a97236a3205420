"""Other counties (issue 20): `init --profile FILE.json` starts a county's office and its
devices from the county's own profile — the Rhein-Sieg template with its own id, AGS, name and
municipalities — checked with clear messages; the whole way from a device to the office's
statistics works with the county's codes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kimdesk.domain.catalog import load_profile
from kimdesk.domain.profile import document
from kimdesk.services import profile, records, setup, sync
from kimdesk.services.statistics import make_filters, statistics

from ..conftest import CM_PASS, OFFICE_PASS
from .sync_helpers import consultation

#: Kreis Heinsberg with three of its municipalities.
HEINSBERG = {"05370004": "Erkelenz", "05370016": "Heinsberg", "05370020": "Hückelhoven"}


def county_file(tmp_path, **change) -> str:
    """The Rhein-Sieg template turned into Kreis Heinsberg, with ``change`` applied last."""
    doc = document(load_profile("rhein-sieg"))
    doc.pop("version")
    doc.update(profile="heinsberg", name="Kreis Heinsberg", county="05370000")
    places = [{"code": "05370000", "de": "Kreis Heinsberg", "en": "District of Heinsberg"}]
    places += [{"code": code, "de": name, "en": name, "parent": "05370000"}
               for code, name in HEINSBERG.items()]  # fmt: skip
    doc["catalogs"]["municipality"] = places
    doc.update(change)
    path = tmp_path / "heinsberg.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_county_starts_from_its_own_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    path = county_file(tmp_path)
    with setup.init_store(tmp_path / "office.kdb", OFFICE_PASS, role="office",
                          name="Kreisstelle Heinsberg", profile=path) as office:  # fmt: skip
        assert (office.catalog.profile, office.catalog.county, office.catalog.name) == (
            "heinsberg", "05370000", "Kreis Heinsberg")  # fmt: skip
        assert office.catalog.version == 1
        assert office.catalog.codes("municipality") == ["05370000", *HEINSBERG]
        shown = profile.show(office)
        assert shown["history"][0]["summary"] == ["Kreisprofil aus Datei übernommen"]
        setup.write_identity(office, tmp_path / "office.json")
    with setup.init_store(tmp_path / "cm.kdb", CM_PASS, role="casemanager", name="CM Erkelenz",
                          profile=path, office_identity=tmp_path / "office.json") as cm:  # fmt: skip
        assert cm.installation.profile == "heinsberg"
        records.save(cm, consultation(municipality="05370004", occurred_on=date(2026, 3, 2)))
        setup.write_identity(cm, tmp_path / "cm.json")
        bundle = sync.export_bundle(cm, tmp_path).path
    # Reopened, the stores still know the county (no shipped profile of that name exists).
    from kimdesk.services.workspace import open_workspace

    with open_workspace(tmp_path / "office.kdb", OFFICE_PASS) as office:
        assert office.catalog.label("municipality", "05370016") == "Heinsberg"
        sync.enroll(office, tmp_path / "cm.json")
        [report] = sync.merge_bundles(office, [bundle]).bundles
        assert report.status == "imported", report.reason
        figures = statistics(office, make_filters(office))
        assert figures["consultations"]["by_municipality"]["05370004"]["total"] == 1


def test_a_kreisfreie_stadt_is_its_only_municipality(tmp_path, monkeypatch):
    """Köln: the city is the county and the place of every consultation."""
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    doc = json.loads(open(county_file(tmp_path), encoding="utf-8").read())
    doc.update(profile="koeln", name="Stadt Köln", county="05315000")
    doc["catalogs"]["municipality"] = [{"code": "05315000", "de": "Köln", "en": "Cologne"}]
    (tmp_path / "koeln.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with setup.init_store(tmp_path / "office.kdb", OFFICE_PASS, role="office",
                          name="Stadt Köln", profile=str(tmp_path / "koeln.json")) as office:  # fmt: skip
        records.save(office, consultation(municipality="05315000"))
        assert office.catalog.codes("municipality") == ["05315000"]


def test_a_device_of_another_county_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    with setup.init_store(tmp_path / "office.kdb", OFFICE_PASS, role="office",
                          name="Kreisstelle Heinsberg", profile=county_file(tmp_path)) as office:  # fmt: skip
        setup.write_identity(office, tmp_path / "office.json")
    with pytest.raises(Exception, match="heinsberg"):
        setup.init_store(tmp_path / "cm.kdb", CM_PASS, role="casemanager", name="CM",
                         office_identity=tmp_path / "office.json")  # fmt: skip
    assert not (tmp_path / "cm.kdb").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"profile": "rhein-sieg"}, "keine eigene"),
        ({"county": "5370000"}, "den Kreis 5370000"),  # the county's own entry differs
        ({"county": "09162000"}, "in NRW"),
        ({"colour": "blau"}, "unbekannte Angaben colour"),
        ({"retention": {"one_off_months": 0}}, "retention"),
        ({"profile": "../../etc/passwd"}, "keine eigene"),
        ({"profile": "Rhein-Sieg"}, "keine eigene"),
        ({"profile": "land-nrw"}, "keine eigene"),
        ({"county": "05999000"}, "keiner der Kreise"),
    ],
)
def test_a_bad_profile_file_is_refused_with_its_fault(tmp_path, monkeypatch, change, message):
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    path = county_file(tmp_path, **change)
    if change.get("county") in ("09162000", "05999000"):  # its own entry following: not KIM NRW
        doc = json.loads(open(path, encoding="utf-8").read())
        doc["catalogs"]["municipality"] = [
            {"code": change["county"], "de": "Anderswo", "en": "Elsewhere"}]  # fmt: skip
        open(path, "w", encoding="utf-8").write(json.dumps(doc))
    with pytest.raises(Exception, match=message):
        setup.init_store(tmp_path / "office.kdb", OFFICE_PASS, role="office", name="K",
                         profile=path)  # fmt: skip
    assert not (tmp_path / "office.kdb").exists()


def test_municipalities_outside_the_county_and_files_that_are_no_profile(tmp_path, monkeypatch,
                                                                          cli):  # fmt: skip
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    doc = json.loads(open(county_file(tmp_path), encoding="utf-8").read())
    doc["catalogs"]["municipality"].append(
        {"code": "05382068", "de": "Troisdorf", "en": "Troisdorf", "parent": "05370000"}
    )
    (tmp_path / "mixed.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{nicht json", encoding="utf-8")
    for name, message in (("mixed.json", "05382068"), ("broken.json", "kein gültiges JSON"),
                          ("missing.json", "gibt es nicht")):  # fmt: skip
        code, out, err = cli("init", "--store", str(tmp_path / "o.kdb"), "--role", "office",
                             "--name", "K", "--profile", str(tmp_path / name),
                             passphrase=OFFICE_PASS)  # fmt: skip
        assert code == 1 and message in err, (name, err)
        assert "Traceback" not in err and not (tmp_path / "o.kdb").exists()


def test_codes_are_identifiers_never_text(tmp_path, monkeypatch):
    """A code travels in every report: a slash, a semicolon, a formula or a name in one is
    refused (the report would otherwise carry it, or break its CSV)."""
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    for code in ("schule/kita", "a;b", '=HYPERLINK("x")', "•", "Herr.Mustermann", "ärzte"):
        doc = json.loads(open(county_file(tmp_path), encoding="utf-8").read())
        doc["catalogs"]["topic"].append({"code": code, "de": "Neu", "en": "New"})
        (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(Exception, match="Codes bestehen"):
            setup.init_store(tmp_path / "o.kdb", OFFICE_PASS, role="office", name="K",
                             profile=str(tmp_path / "p.json"))  # fmt: skip
    doc = json.loads(open(county_file(tmp_path), encoding="utf-8").read())
    doc["catalogs"]["municipality"][1]["parent"] = "05370004"  # a Gemeinde under a Gemeinde
    (tmp_path / "p.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(Exception, match="Gemeindeschlüssel"):
        setup.init_store(tmp_path / "o.kdb", OFFICE_PASS, role="office", name="K",
                         profile=str(tmp_path / "p.json"))  # fmt: skip
    with pytest.raises(Exception, match="kein Kreisprofil"):
        setup.init_store(tmp_path / "o.kdb", OFFICE_PASS, role="office", name="K",
                         profile="land-nrw")  # fmt: skip
    assert not (tmp_path / "o.kdb").exists()
