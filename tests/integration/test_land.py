"""The Land's role (issue 20), first part: `init --role land` on SQLite and PostgreSQL with
the counties of KIM NRW as its places; the Land enrols a county's office by its identity
file (and nothing else); the desktop app says what a Land's store can do instead of opening
screens it does not have."""

from __future__ import annotations

import pytest

from kimdesk.domain.errors import KimdeskError
from kimdesk.services import setup, sync
from kimdesk.services.workspace import open_for_desktop, open_workspace

from ..conftest import OFFICE_PASS

LAND_PASS = "land passphrase 1"


def test_the_land_starts_with_the_counties_as_its_places(tmp_path, monkeypatch, cli):
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    code, out, err = cli("init", "--store", str(tmp_path / "land.kdb"), "--role", "land",
                         "--name", "Landesstelle KIM NRW", passphrase=LAND_PASS)  # fmt: skip
    assert code == 0, err
    assert "Rolle: land" in out
    with open_workspace(tmp_path / "land.kdb", LAND_PASS) as land:
        places = land.catalog.codes("municipality")
        assert land.catalog.county == "05000000" and land.catalog.profile == "land-nrw"
        assert len(places) == 55  # the Land and its 54 KIM counties
        assert land.catalog.label("municipality", "05382000") == "Rhein-Sieg-Kreis"
        assert land.catalog.label("municipality", "05334002") == "Stadt Aachen"
    code, _out, err = cli("init", "--store", str(tmp_path / "x.kdb"), "--role", "land",
                          "--name", "L", "--office-key", str(tmp_path / "none.json"),
                          passphrase=LAND_PASS)  # fmt: skip
    assert code == 1 and not (tmp_path / "x.kdb").exists()


def test_the_land_enrols_county_offices_only(tmp_path, monkeypatch, templates):
    """``templates``: an office and its devices, with their identity files."""
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    for name in ("office.json", "cm.json"):
        (tmp_path / name).write_bytes((templates / name).read_bytes())
    with setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land") as land:
        setup.write_identity(land, tmp_path / "land.json")
        with pytest.raises(KimdeskError, match="Kreis nennen"):
            sync.enroll(land, tmp_path / "office.json")  # the Land names the office's county
        first = sync.enroll(land, tmp_path / "office.json", county="Rhein-Sieg")
        assert first.new and first.identity.role == "office" and first.county == "05382000"
        again = sync.enroll(land, tmp_path / "office.json", county="05382000")
        assert not again.new  # once is enough
        with pytest.raises(KimdeskError, match="nicht zu einer Kreisstelle"):
            sync.enroll(land, tmp_path / "cm.json", county="05382000")
        with pytest.raises(KimdeskError, match="nicht zu einer Kreisstelle"):
            sync.enroll(
                land, tmp_path / "land.json", county="05382000"
            )  # a Land's, not an office's
        with pytest.raises(KimdeskError, match="mehrere Kreise"):
            sync.enroll(land, tmp_path / "office.json", county="Aachen")
    with setup.init_store(tmp_path / "office.kdb", OFFICE_PASS, role="office",
                          name="K") as office:  # an office enrols devices, not a Land  # fmt: skip
        with pytest.raises(KimdeskError, match="Case-Management-Gerät"):
            sync.enroll(office, tmp_path / "land.json")


def test_the_land_on_a_database_server(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    with setup.init_store(pg_url, LAND_PASS, role="land", name="Land NRW") as land:
        assert land.installation.role == "land"
        assert land.catalog.label("municipality", "05315000") == "Köln"


def test_the_desktop_app_says_what_a_land_store_can_do(tmp_path, monkeypatch):
    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land").close()
    with pytest.raises(KimdeskError, match="Kommandozeile"):
        open_for_desktop(tmp_path / "land.kdb", LAND_PASS)
    with open_workspace(tmp_path / "land.kdb", LAND_PASS) as land:  # closed, not damaged
        assert land.installation.name == "Land"


def test_a_land_store_takes_no_records_and_no_lists(tmp_path, monkeypatch):
    from kimdesk.services import legacy_import, records, statistics

    from .sync_helpers import consultation

    monkeypatch.setenv("KIMDESK_STATE_DIR", str(tmp_path / "state"))
    (tmp_path / "liste.csv").write_text("Datum;Kommune;Art;Themen\n09.01.2023;Köln;einmalig;"
                                        "Wohnen\n", encoding="utf-8")  # fmt: skip
    with setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land") as land:
        with pytest.raises(KimdeskError, match="keine Datensätze"):
            records.save(land, consultation(municipality="05315000"))
        with pytest.raises(KimdeskError, match="keine Beratungslisten"):
            legacy_import.import_legacy(land, tmp_path / "liste.csv")
        with pytest.raises(KimdeskError, match="nicht bekannt"):  # the Land is no device
            statistics.make_filters(land, installation=land.installation.id + "x")
