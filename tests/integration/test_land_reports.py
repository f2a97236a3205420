"""At the Land (issue 20): a county's report read back with every check — and each bad report
refused with its reason, the Land's store unchanged: from a county not enrolled, for another
Land, altered, from a future format, with a period that does not parse, for a county outside
KIM NRW, whose totals do not add up."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from sqlalchemy import text

from kimdesk.domain.errors import KimdeskError
from kimdesk.services import county_report, land_reports, records, setup, sync
from kimdesk.services.report_shape import shape_problem
from kimdesk.sync import container
from kimdesk.sync.fields import canonical
from kimdesk.sync.identity import Identity
from kimdesk.sync.reasons import BundleRejected, Reason

from .stats_data import fill
from .sync_helpers import consultation, dump

TODAY = date(2026, 12, 3)
LAND_PASS = "land passphrase 1"


@pytest.fixture
def county(office_ws, tmp_path):
    """An office with figures, a Land that enrolled it, and the office's first report."""
    fill(office_ws)
    setup.write_identity(office_ws, tmp_path / "office.json")
    land = setup.init_store(tmp_path / "land.kdb", LAND_PASS, role="land", name="Land NRW")
    setup.write_identity(land, tmp_path / "land.json")
    sync.enroll(land, tmp_path / "office.json", county="05382000")
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
    bavaria["county"]["places"] = {}
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
    strange = copy.deepcopy(good)
    strange["county"]["places"]["05111000"] = "Düsseldorf"  # not a place of Rhein-Sieg
    sealed(office, land, strange, tmp_path / "strange.kiml")
    bad["strange.kiml"] = Reason.MANIFEST_INVALID
    late = copy.deepcopy(good) | {"created_at": "2027-06-01T10:00:00+00:00"}
    sealed(office, land, late, tmp_path / "late.kiml")
    bad["late.kiml"] = Reason.FUTURE_TIMESTAMP
    naive = copy.deepcopy(good) | {"created_at": "2026-12-01T10:00:00"}
    sealed(office, land, naive, tmp_path / "naive.kiml")
    bad["naive.kiml"] = Reason.MANIFEST_INVALID
    for name, reason in bad.items():
        with pytest.raises(BundleRejected) as refused:
            land_reports.read_report(land, tmp_path / name, today=TODAY)
        assert refused.value.code == reason, (name, refused.value)
    # ``kimdesk merge`` at the Land refuses each of them with the same reason, keeping nothing.
    summary = land_reports.merge_reports(land, [tmp_path / n for n in bad], today=TODAY)
    assert [(r.status, r.reason_code) for r in summary.reports] == [
        ("rejected", reason) for reason in bad.values()]  # fmt: skip
    assert dump(land) == before
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


def kept(land) -> list[tuple]:
    """The Land's reports: (AGS, period, office's number, number of the one replacing it)."""
    with land.store.connect() as conn:
        found = conn.execute(text(
            "SELECT r.ags, r.period, r.seq, n.seq FROM county_report r "
            "LEFT JOIN county_report n ON n.report_id = r.replaced_by ORDER BY r.seq")).all()  # fmt: skip
    return [tuple(row) for row in found]


def test_a_newer_report_replaces_the_older_which_stays_in_the_history(county, tmp_path):
    office, land, first = county
    summary = land_reports.merge_reports(land, [first.report], today=TODAY)
    [result] = summary.reports
    assert (result.status, result.ags, result.period, result.seq) == (
        "imported", "05382000", "2023", 1)  # fmt: skip
    assert kept(land) == [("05382000", "2023", 1, None)]
    # A late consultation of 2023 at the office, and the year reported again.
    records.save(office, consultation(occurred_on=date(2023, 12, 20)), today=TODAY)
    second = county_report.report_to_land(office, "2023", tmp_path / "out", today=TODAY)
    summary = land_reports.merge_reports(land, [second.report], today=TODAY)
    assert [r.status for r in summary.reports] == ["replaced"]
    assert summary.as_json()["replaced"][0] | {} == summary.as_json()["reports"][0]
    assert summary.as_json()["replaced"][0]["replaced_seq"] == 1
    assert kept(land) == [("05382000", "2023", 1, 2), ("05382000", "2023", 2, None)]
    # The same file again is a replay: refused, nothing changes.
    before = dump(land)
    for again in (first.report, second.report):
        [replayed] = land_reports.merge_reports(land, [again], today=TODAY).reports
        assert replayed.reason_code == Reason.REPORT_REPLAYED, replayed
    assert dump(land) == before


def test_a_late_older_report_goes_into_the_history(county, tmp_path):
    office, land, first = county
    second = county_report.report_to_land(office, "2023", tmp_path / "out", today=TODAY)
    summary = land_reports.merge_reports(land, [second.report, first.report], today=TODAY)
    assert [(r.status, r.seq, r.other_seq) for r in summary.reports] == [
        ("imported", 2, None), ("older", 1, 2)]  # fmt: skip
    assert kept(land) == [("05382000", "2023", 1, 2), ("05382000", "2023", 2, None)]


def test_a_dry_run_keeps_nothing(county):
    _, land, first = county
    before = dump(land)
    summary = land_reports.merge_reports(land, [first.report], dry_run=True, today=TODAY)
    assert [r.status for r in summary.reports] == ["imported"] and summary.dry_run
    assert dump(land) == before


def test_an_office_reports_for_the_county_the_land_enrolled_it_for(county, tmp_path):
    """The county is bound at enrolment, not by a report: an enrolled office cannot take
    another county, and a new office of a county (a reinstalled one) takes the old one's
    place when the Land enrols it for that county."""
    office, land, first = county
    land_reports.merge_reports(land, [first.report], today=TODAY)
    # The first office, speaking for another county of KIM NRW (Köln, before Köln reports).
    good = land_reports.read_report(land, first.report, today=TODAY).document
    cologne = copy.deepcopy(good)
    cologne["county"].update(ags="05315000", places={"05315000": "Köln"})
    figures = cologne["figures"]  # no place of Rhein-Sieg left in it
    figures["consultations"]["by_municipality"] = {}
    figures["group_offers"].update(by_place=[], by_place_month=[])
    figures["staffing"]["municipality_codes"] = []
    moved = sealed(office, land, cologne, tmp_path / "cologne.kiml")
    before = dump(land)
    [refused] = land_reports.merge_reports(land, [moved], today=TODAY).reports
    assert refused.reason_code == Reason.COUNTY_MISMATCH
    assert "für den Kreis 05382000 eingetragen, nicht für 05315000" in refused.reason
    assert dump(land) == before
    # A second office of Rhein-Sieg: enrolled, but not for a county, it reports nothing ...
    with setup.init_store(tmp_path / "rival.kdb", LAND_PASS, role="office",
                          name="Kreis RSK neu") as rival:  # fmt: skip
        fill(rival)
        setup.write_identity(rival, tmp_path / "rival.json")
        (tmp_path / "rival").mkdir()
        claim = county_report.report_to_land(rival, "2023", tmp_path / "rival", today=TODAY,
                                             land=Identity.read(tmp_path / "land.json"))  # fmt: skip
    with pytest.raises(KimdeskError, match="Kreis nennen"):
        sync.enroll(land, tmp_path / "rival.json")
    # ... until the Land enrols it for Rhein-Sieg: then it replaces the former office.
    enrolled = sync.enroll(land, tmp_path / "rival.json", county="05382000")
    assert (enrolled.new, enrolled.county, enrolled.replaced) == (True, "05382000", "Kreis RSK")
    late = county_report.report_to_land(office, "2023", tmp_path / "out", today=TODAY)
    summary = land_reports.merge_reports(land, [claim.report, late.report], today=TODAY)
    assert [r.status for r in summary.reports] == ["replaced", "rejected"]
    assert "für keinen Kreis eingetragen" in summary.reports[1].reason
    assert kept(land) == [("05382000", "2023", 1, 1), ("05382000", "2023", 1, None)]


def test_merge_at_the_land_on_the_command_line(county, tmp_path, cli):
    _, land, first = county
    store = str(tmp_path / "land.kdb")
    code, out, err = cli("merge", "--store", store, str(first.report), passphrase=LAND_PASS)
    assert code == 0, err
    assert "05382000 Rhein-Sieg-Kreis  2023" in out and "übernommen" in out
    assert "1 Bericht übernommen, 0 abgelehnt." in out
    code, out, err = cli("merge", "--store", store, "--json", str(first.report),
                         passphrase=LAND_PASS)  # fmt: skip
    assert code == 1
    [again] = json.loads(out)["reports"]
    assert (again["status"], again["reason_code"]) == ("rejected", "report_replayed")
    # A device's bundle at the Land, or a report at an office, is named for what it is.
    code, out, err = cli("merge", "--store", store, str(tmp_path / "office.json"),
                         passphrase=LAND_PASS)  # fmt: skip
    assert code == 1 and "[not_a_bundle]" in out


def test_the_land_takes_figures_only_in_the_shape_of_a_report(county, tmp_path):
    """An office's key may sign anything: figures of another shape are refused before any of
    them reaches the Land's sums, with the path that is wrong."""
    office, land, sent = county
    good = land_reports.read_report(land, sent.report, today=TODAY).document
    assert shape_problem(good) is None
    running = county_report.county_report(office, "2026-Q4", today=TODAY)  # nothing in it
    assert shape_problem(running) is None
    wrong = {
        "consultations": lambda f: f.pop("consultations"),
        "figures": lambda f: f.update(by_county={}),
        "figures/consultations": lambda f: f.update(consultations=[]),
        "figures/consultations/total": lambda f: f["consultations"].update(total=True),
        "figures/referrals/total": lambda f: f["referrals"].update(total=-1),
        "figures/topics/mentions": lambda f: f["topics"].update(mentions=2.5),
        "figures/cases/opened": lambda f: f["cases"].update(opened=10**12),
        "figures/reached/persons": lambda f: f["reached"].update(persons="viele"),
        "figures/reached/by_gender": lambda f: f["reached"]["by_gender"].update(
            {"Frau Müller": {"n": 1, "pct": 1.0}}),
        "figures/reached/by_age_group/27-44/pct": lambda f: f["reached"]["by_age_group"].update(
            {"27-44": {"n": 5, "pct": 250.0}}),
        "figures/staffing/municipality_codes": lambda f: f["staffing"].update(
            municipality_codes=["05382004"] * 6000),
        "figures/group_offers/by_place/0": lambda f: f["group_offers"].update(
            by_place=[{"municipality": "05382004", "note": "Kursleitung krank"}]),
        "figures/outcomes/case_days": lambda f: f["outcomes"].update(case_days={"cases": 1}),
        "figures/suppression/min_count": lambda f: f["suppression"].update(min_count="•"),
        "figures/topics/by_topic hat eine Zeile, die kein Code des Landes ist („Ahmad.Rahimi.1990-03-04“)":
            lambda f: f["topics"]["by_topic"].update({"Ahmad.Rahimi.1990-03-04": {"n": "•",
                                                                                  "pct": None}}),
        "figures/consultations/by_municipality hat eine Zeile, die kein AGS in NRW ist":
            lambda f: f["consultations"]["by_municipality"].update({"Syrien.AZ-4711": {}}),
        # a place of another county (Erkelenz, Kreis Heinsberg) in Rhein-Sieg's figures
        "nicht unter den Orten des Kreises 05382000 steht (05370004)": lambda f: f["consultations"][
            "by_municipality"].update({"05370004": {"einmalig": 900, "cm": 0, "total": 900}}),
        # a name in the letters of a code: not a code of the Land's catalog
        "figures/reached/by_gender hat eine Zeile, die kein Code des Landes ist":
            lambda f: f["reached"]["by_gender"].update({"ahmad_rahimi_19900304": {
                "n": "•", "pct": None}}),
        # a place within the county's numbers that is not one of its places
        "nicht unter den Orten des Kreises 05382000 steht (05382099)": lambda f: f[
            "consultations"]["by_municipality"].update({"05382099": {"einmalig": 0, "cm": 0,
                                                                    "total": 0}}),
        # a year outside the period
        "außerhalb des Zeitraums 2023 (2022)": lambda f: f["consultations"]["by_year"].update(
            {"2022": {"einmalig": 0, "cm": 0, "total": 0}}),
        # a small count shown, where the county's rules hide it
        "figures/referrals/accompanied zeigt 3, weniger als die Mindestfallzahl 5":
            lambda f: f["referrals"].update(accompanied=3),
    }  # fmt: skip
    document_wrong = {
        "county hat nicht die Teile eines Kreisberichts („notes“)":
            lambda d: d["county"].update(notes="Frau K., geb. 3.4.1980"),
        "der Bericht hat nicht die Teile eines Kreisberichts („remarks“)":
            lambda d: d.update(remarks="bitte anrufen"),
        "county/population/inhabitants ist keine Einwohnerzahl von 1 bis 30.000.000":
            lambda d: d["county"].update(population={"inhabitants": 0, "year": 2023}),
        "county/population ist keine Tabelle": lambda d: d["county"].update(population="viele"),
        "period/complete ist nicht ja oder nein":
            lambda d: d["period"].update(complete="ja klar"),
        "min_count ist keine Mindestfallzahl": lambda d: d.update(min_count=1),
        # Stadt Aachen is a county of its own, though its AGS lies in the Städteregion's range
        "außerhalb des Kreises 05382000 (05334002)": lambda d: d["county"]["places"].update(
            {"05334002": "Stadt Aachen"}),
        "county/places ist keine Tabelle mit höchstens 500 Zeilen": lambda d: d["county"][
            "places"].update({f"05382{n:03d}": "Ort" for n in range(600)}),
        "ein Ortsname sieht nach Personendaten aus": lambda d: d["county"]["places"].update(
            {"05382004": "Ahmad Rahimi geb. 04.03.1990"}),
        "die Mindestfallzahl steht zweimal verschieden": lambda d: d.update(min_count=7),
    }  # fmt: skip
    before = dump(land)
    for n, (where, change) in enumerate([*wrong.items(), *document_wrong.items()]):
        document = copy.deepcopy(good)
        change(document["figures"] if where in wrong else document)
        path = sealed(office, land, document, tmp_path / f"shape{n}.kiml")
        [result] = land_reports.merge_reports(land, [path], today=TODAY).reports
        assert result.reason_code == Reason.MANIFEST_INVALID, (where, result)
        assert where in result.reason, (where, result.reason)
    assert dump(land) == before


def sealed_bytes(office, land, plaintext: bytes, path, seq=9):
    info = office.installation
    path.write_bytes(container.seal(
        installation_id=info.id, signing_key=info.signing_key, signer_name=info.name, seq=seq,
        bundle_id="01a23c4c-aa44-72d7-86f7-8359101b4300", recipient_id=land.installation.id,
        recipient_key=setup.own_identity(land).encryption_key, plaintext=plaintext,
        kind=container.REPORT))  # fmt: skip
    return path


def test_what_an_enrolled_office_may_sign_and_the_land_still_refuses(county, tmp_path):
    office, land, first = county
    land_reports.merge_reports(land, [first.report], today=TODAY)
    good = land_reports.read_report(land, first.report, today=TODAY).document
    text = canonical(good)
    bad = {
        # JSON that Python reads but KIMdesk never writes: NaN, a number of 5,000 digits
        "nan.kiml": (text.replace(b'"min_count":5', b'"min_count":NaN', 1), Reason.MANIFEST_INVALID),
        "digits.kiml": (text.replace(b'"min_count":5', b'"min_count":' + b"9" * 5000, 1),
                        Reason.MANIFEST_INVALID),
        # a key twice (the last would win) and a byte-order mark: not as KIMdesk writes JSON
        "twice.kiml": (text.replace(b'"min_count":5', b'"min_count":2,"min_count":5', 1),
                       Reason.MANIFEST_INVALID),
        "bom.kiml": ("\ufeff".encode() + text, Reason.MANIFEST_INVALID),
        # a half-year of a year the county reported as a whole
        "half.kiml": (canonical(county_report.county_report(office, "2023-H1", today=TODAY)),
                      Reason.PERIOD_OVERLAP),
    }  # fmt: skip
    for n, (name, (plaintext, _)) in enumerate(bad.items()):
        sealed_bytes(office, land, plaintext, tmp_path / name, seq=20 + n)
    # A file far larger than any report is not read.
    (tmp_path / "large.kiml").write_bytes(container.REPORT.magic + b"\0" * (17 << 20))
    bad["large.kiml"] = (b"", Reason.TOO_LARGE)
    # The same number as the report the Land holds, with other content: a restored office.
    sealed_bytes(office, land, canonical(good | {"created_at": "2026-12-02T09:00:00+00:00"}),
                 tmp_path / "restored.kiml", seq=1)  # fmt: skip
    bad["restored.kiml"] = (b"", Reason.REPORT_REPLAYED)
    before = dump(land)
    summary = land_reports.merge_reports(land, [tmp_path / n for n in bad], today=TODAY)
    assert [(r.file.rsplit("/", 1)[-1], r.reason_code) for r in summary.reports] == [
        (name, reason) for name, (_, reason) in bad.items()]  # fmt: skip
    reasons = {r.file.rsplit("/", 1)[-1]: r.reason for r in summary.reports}
    assert "aus der Differenz" in reasons["half.kiml"]
    assert "nur Jahresberichte" in reasons["half.kiml"]
    assert "Sicherung zurückgespielt" in reasons["restored.kiml"]
    assert dump(land) == before


def test_a_new_office_may_change_the_kind_its_predecessor_left(county, tmp_path):
    """A reinstalled office whose predecessor reported the year writes a half-year: the Land
    refuses it and says which kind it takes; the office, which counted the year as one of
    half-years, switches with --change-kind and reports the year, which replaces the old one."""
    _, land, sent = county
    assert [r.status for r in land_reports.merge_reports(land, [sent.report],
                                                         today=TODAY).reports] == ["imported"]  # fmt: skip
    with setup.init_store(tmp_path / "new.kdb", LAND_PASS, role="office", name="RSK neu") as new:
        fill(new)
        setup.write_identity(new, tmp_path / "new.json")
        sync.enroll(land, tmp_path / "new.json", county="05382000")
        (tmp_path / "n").mkdir()
        half = county_report.report_to_land(new, "2023-H1", tmp_path / "n", today=TODAY,
                                            land=Identity.read(tmp_path / "land.json"))  # fmt: skip
        # The Land holds the predecessor's year 2023: a half-year is refused, naming the kind.
        [refused] = land_reports.merge_reports(land, [half.report], today=TODAY).reports
        assert refused.reason_code == Reason.PERIOD_OVERLAP
        assert "nur Jahresberichte" in refused.reason and "--change-kind" in refused.reason
        with pytest.raises(KimdeskError, match="--change-kind"):
            county_report.report_to_land(new, "2023", tmp_path / "n", today=TODAY)
        whole = county_report.report_to_land(new, "2023", tmp_path / "n", today=TODAY,
                                             change_kind=True)  # fmt: skip
    [taken] = land_reports.merge_reports(land, [whole.report], today=TODAY).reports
    assert taken.status == "replaced", taken.reason
