"""At the Land (issue 20): a county's report read back with every check — and each bad report
refused with its reason, the Land's store unchanged: from a county not enrolled, for another
Land, altered, from a future format, with a period that does not parse, for a county outside
KIM NRW, whose totals do not add up."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from kimdesk.services import county_report, land_reports, setup, sync
from kimdesk.sync import container
from kimdesk.sync.fields import canonical
from kimdesk.sync.identity import Identity
from kimdesk.sync.reasons import BundleRejected, Reason

from .stats_data import fill
from .sync_helpers import dump

TODAY = date(2026, 12, 3)
LAND_PASS = "land passphrase 1"


@pytest.fixture
def county(office_ws, tmp_path):
    """An office with figures, a Land that enrolled it, and the office's first report."""
    fill(office_ws)
    setup.write_identity(office_ws, tmp_path / "office.json")
    land = setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land NRW")
    setup.write_identity(land, tmp_path / "land.json")
    sync.enroll(land, tmp_path / "office.json")
    (tmp_path / "out").mkdir()
    sent = county_report.report_to_land(office_ws, "2023", tmp_path / "out", today=TODAY,
                                        land=Identity.read(tmp_path / "land.json"))  # fmt: skip
    yield office_ws, land, sent
    land.close()


def sealed(office, land, document, path):
    """A document signed by the office for the Land, as report_to_land seals one."""
    info = office.installation
    path.write_bytes(container.seal(
        installation_id=info.id, signing_key=info.signing_key, signer_name=info.name, seq=9,
        bundle_id="01a23c4c-aa44-72d7-86f7-8359101b434d", recipient_id=land.installation.id,
        recipient_key=setup.own_identity(land).encryption_key, plaintext=canonical(document),
        kind=container.REPORT))  # fmt: skip
    return path


def unhidden(document: dict) -> dict:
    """The document with figures large enough to show (as a bigger county's would)."""
    changed = copy.deepcopy(document)
    figures = changed["figures"]
    figures["consultations"]["total"] = 120
    figures["consultations"]["by_kind"] = {"einmalig": 70, "cm": 50}
    figures["topics"]["mentions"] = 30
    figures["topics"]["by_topic"] = {"wohnen": {"n": 20, "pct": 66.7}, "deutsch": {"n": 10,
                                                                                   "pct": 33.3}}  # fmt: skip
    figures["reached"].update(persons=60, known=55, unknown=5)
    return changed


def test_the_land_reads_a_good_report(county):
    office, land, sent = county
    received = land_reports.read_report(land, sent.report, today=TODAY)
    assert received.office.installation_id == office.installation.id
    assert (received.seq, received.period.key) == (1, "2023")
    assert received.document["county"]["ags"] == "05382000"


def test_every_bad_report_is_refused_with_its_reason(county, tmp_path):
    office, land, sent = county
    good = land_reports.read_report(land, sent.report, today=TODAY).document
    before = dump(land)
    bad = {}
    altered = bytearray(sent.report.read_bytes())
    altered[len(altered) // 2] ^= 1
    (tmp_path / "altered.kiml").write_bytes(bytes(altered))
    bad["altered.kiml"] = Reason.BAD_SIGNATURE
    future = copy.deepcopy(good) | {"version": 2}
    sealed(office, land, future, tmp_path / "future.kiml")
    bad["future.kiml"] = Reason.FORMAT_VERSION
    period = copy.deepcopy(good)
    period["period"]["key"] = "2023-H3"
    sealed(office, land, period, tmp_path / "period.kiml")
    bad["period.kiml"] = Reason.MANIFEST_INVALID
    days = copy.deepcopy(good)
    days["period"]["to"] = "2023-06-30"
    sealed(office, land, days, tmp_path / "days.kiml")
    bad["days.kiml"] = Reason.MANIFEST_INVALID
    bavaria = copy.deepcopy(good)
    bavaria["county"]["ags"] = "09162000"
    sealed(office, land, bavaria, tmp_path / "bavaria.kiml")
    bad["bavaria.kiml"] = Reason.MANIFEST_INVALID
    sums = unhidden(good)
    sums["figures"]["consultations"]["total"] = 121  # one more than its kinds
    sealed(office, land, sums, tmp_path / "sums.kiml")
    bad["sums.kiml"] = Reason.COUNT_MISMATCH
    persons = unhidden(good)
    persons["figures"]["reached"]["known"] = 56
    sealed(office, land, persons, tmp_path / "persons.kiml")
    bad["persons.kiml"] = Reason.COUNT_MISMATCH
    # For another Land: a second Land the office never met.
    other = setup.init_store(tmp_path / "other.kdb", LAND_PASS, role="land", name="Andere")
    sealed(office, other, good, tmp_path / "other.kiml")
    other.close()
    bad["other.kiml"] = Reason.WRONG_RECIPIENT
    # A bundle is no report.
    bad["bundle.kiml"] = Reason.NOT_A_BUNDLE
    (tmp_path / "bundle.kiml").write_bytes(container.MAGIC + b"\0" * 200)
    for name, reason in bad.items():
        with pytest.raises(BundleRejected) as refused:
            land_reports.read_report(land, tmp_path / name, today=TODAY)
        assert refused.value.code == reason, (name, refused.value)
    assert land_reports.read_report(land, sealed(office, land, unhidden(good),
                                                 tmp_path / "fine.kiml"), today=TODAY)  # fmt: skip
    assert dump(land) == before  # reading never changes the Land's store


def test_a_county_not_enrolled_is_refused(office_ws, tmp_path):
    fill(office_ws)
    land = setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land NRW")
    setup.write_identity(land, tmp_path / "land.json")
    (tmp_path / "out").mkdir()
    sent = county_report.report_to_land(office_ws, "2023", tmp_path / "out", today=TODAY,
                                        land=Identity.read(tmp_path / "land.json"))  # fmt: skip
    with pytest.raises(BundleRejected) as refused:
        land_reports.read_report(land, sent.report, today=TODAY)
    assert refused.value.code == Reason.UNKNOWN_SIGNER and "nicht eingetragen" in str(refused.value)
    land.close()
    with pytest.raises(Exception, match="Landesstelle"):  # an office does not read reports
        land_reports.read_report(office_ws, sent.report, today=TODAY)
