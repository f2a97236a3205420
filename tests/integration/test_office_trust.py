"""What the office believes after a good signature (issue 13): a device speaks only for
itself, times come from the past, codes from the catalog, texts stay small and are checked.

Every bundle here is signed with a real device key: the signature is good, the content lies.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kimdesk.domain.codes import FIELD_RULES, REFERRAL_TARGET, TOPIC
from kimdesk.domain.entities import Consultation, GroupOffer, StructuralNeed
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.services import conflicts, exports, statistics, sync
from kimdesk.store.records import save_record
from kimdesk.sync import fields, wire
from kimdesk.sync.admission import MAX_BUNDLE_RECORDS, MAX_BUNDLE_TEXT
from kimdesk.sync.reasons import Reason

from ..conftest import OFFICE_PASS
from .bundle_craft import Crafter, assert_rejected, dump, line, wire_records
from .sync_helpers import add, consultation, remove, rows


def export(ws, folder):
    folder.mkdir(exist_ok=True)
    result = sync.export_bundle(ws, folder)
    assert result.path is not None, result.message
    return result.path


def merged(office, *paths) -> sync.MergeSummary:
    summary = sync.merge_bundles(office, list(paths))
    for report in summary.bundles:
        assert report.status == "imported", (report.reason_code, report.reason)
    return summary


def as_lines(records: list[tuple[str, dict]]) -> list[tuple[str, bytes]]:
    """Records in bundle order: by entity, then id."""
    order = {e: i for i, e in enumerate(wire.ENTITY_ORDER)}
    ranked = sorted(records, key=lambda er: (order[er[0]], er[1]["id"]))
    return [(e, line(r)) for e, r in ranked]


@pytest.fixture
def forger(cm2_ws, templates, tmp_path):
    """Device B (CM-11 Siegburg), whose key signs what the tests craft."""
    return Crafter(cm2_ws, templates, tmp_path / "forged")


@pytest.fixture
def office(enrolled_office_ws):
    return enrolled_office_ws


# -- a device speaks only for itself --------------------------------------------------------


def test_a_device_cannot_send_records_in_another_devices_name(office, cm_ws, forger, tmp_path):
    """B signs a bundle whose records say origin A: three invented consultations, one of A's
    changed, one of A's deleted. Rejected whole; A's own next bundle is merged normally."""
    changed_one, deleted_one = add(cm_ws, consultation(duration_min=30), consultation())
    merged(office, export(cm_ws, tmp_path / "a"))
    before = dump(office)
    a_records = {r["id"]: r for e, r in wire_records(cm_ws) if e == "consultation"}
    invented = [dict(a_records[changed_one.id], id=uuid7(), duration_min=90) for _ in range(3)]
    changed = dict(a_records[changed_one.id], version=2, duration_min=5)
    deleted = dict(a_records[deleted_one.id], version=2, deleted=True)
    forger.folder.mkdir()
    path = forger.bundle(as_lines([("consultation", r) for r in (*invented, changed, deleted)]))

    summary = assert_rejected(office, [path], Reason.FOREIGN_ORIGIN)
    reason = summary.bundles[0].reason
    assert "CM-11 Siegburg" in reason and "CM-07 Troisdorf" in reason  # signer and victim
    assert dump(office) == before

    # A's own change afterwards is an update, not "stale" behind a forgery.
    add(cm_ws, replace(changed_one, duration_min=45))
    summary = merged(office, export(cm_ws, tmp_path / "a"))
    assert summary.bundles[0].counts["updated"] == 1
    assert summary.bundles[0].counts["stale"] == 0
    assert rows(office, "consultation")[changed_one.id]["duration_min"] == 45


def test_a_device_cannot_overrule_another_devices_record(office, cm_ws, cm2_ws, tmp_path):
    """B sends A's record ids under its own name (a later change, a deletion): both are kept
    as conflicts for the coordinator, A's versions stay applied."""
    kept, gone = add(cm_ws, consultation(duration_min=30), consultation(duration_min=20))
    merged(office, export(cm_ws, tmp_path / "a"))
    add(cm2_ws, replace(kept, duration_min=99, version=1), replace(gone, version=1))
    remove(cm2_ws, Consultation, gone.id)

    summary = merged(office, export(cm2_ws, tmp_path / "b"))

    assert summary.bundles[0].counts["conflicts"] == 2
    stored = rows(office, "consultation")
    assert (
        stored[kept.id]["duration_min"] == 30 and stored[kept.id]["origin"] == cm_ws.installation.id
    )
    assert stored[gone.id]["deleted"] is False
    assert {c["applied"] for c in conflicts.list_conflicts(office)} == {"stored"}


def test_the_office_never_takes_a_record_in_its_own_name_from_a_device(office, crafter):
    """A device cannot put records in the office's name either."""
    crafter.records = [(e, dict(r, origin=office.installation.id)) for e, r in crafter.records]
    assert crafter.records
    assert_rejected(office, [crafter.bundle()], Reason.FOREIGN_ORIGIN)


# -- times ------------------------------------------------------------------------------------


def _at(moment) -> str:
    return fields.json_value(moment)


def test_a_record_from_the_far_future_is_rejected(office, crafter):
    i = next(i for i, (e, _) in enumerate(crafter.records) if e == "consultation")
    entity, record = crafter.records[i]
    crafter.records[i] = (entity, dict(record, updated_at="9999-12-31T23:59:59.000000Z"))
    summary = assert_rejected(office, [crafter.bundle()], Reason.FUTURE_TIMESTAMP)
    assert "31.12.9999" in summary.bundles[0].reason


def test_a_bundle_written_after_the_offices_clock_is_rejected(office, crafter):
    later = _at(utc_now() + timedelta(days=3))
    records = [(e, dict(r, updated_at=later)) for e, r in crafter.records]
    crafter.records = records
    path = crafter.bundle(manifest={"created_at": later})
    assert_rejected(office, [path], Reason.FUTURE_TIMESTAMP)


def test_a_small_skew_between_record_and_bundle_is_accepted(office, crafter):
    soon = _at(utc_now() + timedelta(minutes=10))
    crafter.records = [(e, dict(r, updated_at=soon)) for e, r in crafter.records]
    merged(office, crafter.bundle())
    late = _at(utc_now() + timedelta(minutes=40))
    crafter.records = [(e, dict(r, updated_at=late, version=2)) for e, r in crafter.records]
    assert_rejected(office, [crafter.bundle()], Reason.FUTURE_TIMESTAMP)


# -- codes ------------------------------------------------------------------------------------

HOSTILE = [
    ("consultation", "topics", ['=HYPERLINK("x","y")']),
    ("consultation", "municipality", "$\\frac{1}$"),
    ("consultation", "setting", "\x1b[31mrot\x1b[0m"),
    ("consultation", "kind", "beratung"),
    (
        "consultation",
        "referrals",
        [{"target": "=cmd|'/C calc'!A0", "accompanied": False, "outcome": "open"}],
    ),  # fmt: skip
    (
        "consultation",
        "referrals",
        [{"target": "jc_afa", "accompanied": False, "outcome": "vielleicht"}],
    ),  # fmt: skip
    ("client", "gender", "f"),
    ("client", "nationality", "SYR"),
    ("client", "age_group", "99+"),
    ("case", "phase", "\u202eesolc"),
    ("case", "program", "kim\n"),
]


@pytest.mark.parametrize(("entity", "field", "value"), HOSTILE,
                         ids=[f"{e}.{f}" for e, f, _ in HOSTILE])  # fmt: skip
def test_a_code_outside_the_catalog_is_rejected_printably(office, crafter, entity, field, value):
    i = next(i for i, (e, _) in enumerate(crafter.records) if e == entity)
    crafter.records[i] = (entity, dict(crafter.records[i][1], **{field: value}))
    summary = assert_rejected(office, [crafter.bundle()], Reason.UNKNOWN_CODE)
    reason = summary.bundles[0].reason
    assert field in reason
    assert reason.isprintable() and len(reason) < 200


def test_codes_of_group_offers_and_needs_are_checked_too(office, cm_ws, tmp_path):
    with cm_ws.store.begin() as conn:
        offer = GroupOffer(program="muki", format="het", title="HET", municipality="05382068")
        save_record(conn, offer, origin=cm_ws.installation.id)
    path = export(cm_ws, tmp_path / "s")
    merged(office, path)
    # The same device, a need whose status no office knows.
    with cm_ws.store.begin() as conn:
        need = StructuralNeed(reported_on=utc_now().date(), municipality="05382000",
                              topic="wohnen", challenge="Wohnraum", status="erledigt")  # fmt: skip
        save_record(conn, need, origin=cm_ws.installation.id)
    assert_rejected(office, [export(cm_ws, tmp_path / "s")], Reason.UNKNOWN_CODE)


def test_an_inactive_code_of_the_catalog_is_still_accepted(office, cm_ws, tmp_path):
    """Old records keep the codes they were written with, even after the county retired one."""
    with office.store.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE catalog_entry SET active = 0 WHERE catalog = 'topic' AND code = 'wohnen'"
        )
    add(cm_ws, consultation(topics=("wohnen",)))
    from kimdesk.services.workspace import open_workspace

    path, store = export(cm_ws, tmp_path / "s"), office.path
    office.close()
    with open_workspace(store, OFFICE_PASS) as reopened:
        merged(reopened, path)


# -- texts -------------------------------------------------------------------------------------

CANARY_NAME, CANARY_PHONE = "Frau Canarya Yilmaz", "0228 123 45 67"


def test_personal_data_in_a_need_is_merged_with_a_warning_that_does_not_repeat_it(
    office, cm_ws, tmp_path
):
    text = f"{CANARY_NAME}, geb. 03.04.1979, Tel. {CANARY_PHONE}, findet keine Wohnung"
    with cm_ws.store.begin() as conn:
        need = StructuralNeed(reported_on=utc_now().date(), municipality="05382000",
                              topic="wohnen", challenge=text, affected_cases=1)  # fmt: skip
        save_record(conn, need, origin=cm_ws.installation.id)
    summary = merged(office, export(cm_ws, tmp_path / "s"))
    (warning,) = summary.bundles[0].warnings
    assert need.id in warning and "challenge" in warning
    for kind in ("Geburtsdatum", "Telefonnummer", "Namen"):
        assert kind in warning
    for secret in ("Canarya", "Yilmaz", "123 45", "03.04.1979"):
        assert secret not in warning
        assert secret not in json.dumps(summary.as_json(), ensure_ascii=False)


def _need(crafter, text: str) -> dict:
    record = {f.name: None for f in wire.FIELDS["structural_need"]}
    record.update(id=uuid7(), version=1, origin=crafter.cm.id, updated_at=_at(utc_now()),
                  deleted=False, reported_on=utc_now().date().isoformat(),
                  municipality="05382000", topic="wohnen", challenge=text, affected_cases=1,
                  status="reported")  # fmt: skip
    return record


def test_too_much_text_in_one_bundle_is_rejected(office, crafter):
    """6 MB of valid records must not grow the office by a gigabyte: texts are capped."""
    per_need = 4000
    count = MAX_BUNDLE_TEXT // per_need + 1
    needs = [("structural_need", _need(crafter, "Wohnraum fehlt. " * (per_need // 16)))
             for _ in range(count)]  # fmt: skip
    path = crafter.bundle(as_lines(needs))
    assert path.stat().st_size < 1 << 20  # compressible: small on the stick
    assert_rejected(office, [path], Reason.TOO_MUCH_TEXT)


def test_too_many_records_are_rejected_from_the_manifest_alone(office, crafter):
    def many(m):
        m["entities"]["consultation"]["count"] = MAX_BUNDLE_RECORDS + 1

    assert_rejected(office, [crafter.bundle(manifest=many)], Reason.TOO_MANY_RECORDS)


# -- what is already in an office store ---------------------------------------------------------


def test_charts_of_a_store_with_hostile_codes_are_plain_text(office, tmp_path):
    """An office store merged before these checks may hold any code: its statistics and
    charts still come out, with the codes as plain text."""
    with office.store.begin() as conn:
        for municipality in ("$\\frac{1}$", '=HYPERLINK("x")', "$x^2$ \x1b[2J"):
            c = Consultation(occurred_on=utc_now().date(), municipality=municipality,
                             kind="einmalig", topics=("$\\sqrt{2}$",))  # fmt: skip
            save_record(conn, c, origin=str(uuid.uuid4()))
    filters = statistics.make_filters(office)
    report = statistics.statistics(office, filters)
    written = exports.write_charts(report, office.catalog, tmp_path / "charts")
    assert len(written) == len(exports.chart_files(tmp_path / "charts"))
    exports.write_workbook(report, office.catalog, tmp_path / "s.xlsx")


# -- any code, any text: never a crash -----------------------------------------------------------

CODED = ["municipality", "program", "kind", "setting", "language_mediation", "language",
         "topics", "referrals"]  # fmt: skip
_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(field=st.sampled_from(CODED), value=_ANY_TEXT)
def test_any_code_is_rejected_with_a_reason_or_merged(office, crafter, field, value):
    i = next(i for i, (e, _) in enumerate(crafter.records) if e == "consultation")
    if field == "topics":
        new = [value]
    elif field == "referrals":
        new = [{"target": value, "accompanied": False, "outcome": "open"}]
    else:
        new = value
    record = dict(crafter.records[i][1], **{field: new})
    lines = [(e, line(record if n == i else r)) for n, (e, r) in enumerate(crafter.records)]
    (report,) = sync.merge_bundles(office, [crafter.bundle(lines)]).bundles
    if report.status == "rejected":
        assert report.reason_code in (Reason.UNKNOWN_CODE, Reason.RECORD_INVALID), report.reason
        assert report.reason.isprintable()
    else:  # merged: then the value is a code the office knows
        rules = {rule.field: rule for rule in FIELD_RULES["consultation"]}
        rule = {"topics": TOPIC, "referrals": REFERRAL_TARGET}.get(field) or rules[field]
        assert rule.allows(office.catalog, value, utc_now().date()), (field, value)


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(codes=st.lists(_ANY_TEXT.filter(bool), min_size=1, max_size=3))
def test_statistics_and_charts_of_any_stored_codes_never_crash(office, tmp_path_factory, codes):
    with office.store.begin() as conn:
        for code in codes:
            c = Consultation(occurred_on=utc_now().date(), municipality=code[:16], kind="einmalig",
                             topics=(code[:32],), setting=code[:32])  # fmt: skip
            save_record(conn, c, origin=str(uuid.uuid4()))
    report = statistics.statistics(office, statistics.make_filters(office))
    folder = tmp_path_factory.mktemp("charts")
    exports.write_charts(report, office.catalog, folder)
    exports.write_workbook(report, office.catalog, folder / "s.xlsx")


def test_a_device_whose_clock_ran_ahead_is_told_before_it_writes_a_bundle(cm_ws, tmp_path):
    with cm_ws.store.begin() as conn:
        (record,) = [save_record(conn, consultation(), origin=cm_ws.installation.id)]
        conn.exec_driver_sql("UPDATE consultation SET updated_at = '2099-01-01 00:00:00.000000'")
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(KimdeskError, match="Uhr des Geräts ging beim Speichern vor"):
        sync.export_bundle(cm_ws, stick)
    assert list(stick.iterdir()) == [] and sync.bundle_history(cm_ws) == []
    assert record.id


# -- numbers, dates and references in the ranges of the forms --------------------------------


def _replace_in(crafter, entity: str, **values) -> Path:
    i = next(i for i, (e, _) in enumerate(crafter.records) if e == entity)
    crafter.records[i] = (entity, dict(crafter.records[i][1], **values))
    return crafter.bundle()


BAD_VALUES = [
    ("consultation", "duration_min", -100),
    ("consultation", "duration_min", 2**53 - 1),
    ("consultation", "occurred_on", "0001-01-01"),
    ("consultation", "occurred_on", "9999-12-31"),
    ("consultation", "version", 2**31),
    ("consultation", "case_id", "Fatma Yilmaz *01.02.1980"),
    ("consultation", "client_id", '=HYPERLINK("x")'),
    ("case", "opened_on", "2014-12-31"),
    ("case", "client_id", "0228-123456 Hauptstr. 5"),
]


@pytest.mark.parametrize(("entity", "field", "value"), BAD_VALUES,
                         ids=[f"{e}.{f}={v}"[:40] for e, f, v in BAD_VALUES])  # fmt: skip
def test_numbers_dates_and_references_outside_the_forms_are_rejected(
    office, crafter, entity, field, value
):
    summary = assert_rejected(office, [_replace_in(crafter, entity, **{field: value})],
                              Reason.RECORD_INVALID)  # fmt: skip
    assert field in summary.bundles[0].reason and summary.bundles[0].reason.isprintable()


def test_a_case_closed_before_it_was_opened_is_rejected(office, crafter):
    path = _replace_in(crafter, "case", opened_on="2024-03-01", closed_on="2024-02-01",
                       phase="closed", closure_reason="umzug")  # fmt: skip
    assert_rejected(office, [path], Reason.RECORD_INVALID)


def _session(crafter, offer_id: str, participants: int) -> dict:
    record = {f.name: None for f in wire.FIELDS["group_session"]}
    record.update(id=uuid7(), version=1, origin=crafter.cm.id, updated_at=_at(utc_now()),
                  deleted=False, offer_id=offer_id, held_on="2024-03-05",
                  participants=participants, status="held")  # fmt: skip
    return record


def test_a_participant_count_that_would_break_every_sum_is_rejected(office, crafter, cm_ws):
    """1,100 sessions of 2⁵³−1 participants overflowed SQLite's SUM: every statistic failed."""
    offer = GroupOffer(program="muki", format="het", title="HET", municipality="05382068")
    add(cm_ws, offer)
    sessions = [("group_session", _session(crafter, offer.id, 2**53 - 1)) for _ in range(1100)]
    assert_rejected(office, [crafter.bundle(as_lines(sessions))], Reason.RECORD_INVALID)
    report = statistics.statistics(office, statistics.make_filters(office))
    assert report["group_offers"]["participants"] == 0


# -- an edit at the office stays until the coordinator decides ---------------------------------


def test_no_device_overrules_an_edit_made_at_the_office(office, cm_ws, cm2_ws, tmp_path):
    """Another device's version of the need is a conflict, the stored version stays; the
    owner's own edit merges by field (docs/sync.md): its challenge, the office's status and
    solution, as a new version of the office's that goes back to the device."""
    from kimdesk.services import records

    need = StructuralNeed(reported_on=utc_now().date(), municipality="05382000", topic="wohnen",
                          challenge="Wohnraum", affected_cases=3)  # fmt: skip
    (need,) = add(cm_ws, need)
    merged(office, export(cm_ws, tmp_path / "a"))
    edited = records.save(
        office, replace(need, status="in_progress", solution="Runder Tisch")
    ).record
    add(cm2_ws, replace(need, version=1, affected_cases=100_000, challenge="überschrieben"))
    add(cm_ws, replace(need, challenge="Wohnraum für große Familien"))
    summary = merged(office, export(cm2_ws, tmp_path / "b"), export(cm_ws, tmp_path / "a"))
    assert [b.counts["conflicts"] for b in summary.bundles] == [1, 0]
    assert summary.bundles[1].counts["updated"] == 1
    stored = rows(office, "structural_need")[need.id]
    assert (stored["status"], stored["solution"], stored["affected_cases"], stored["challenge"]) == (
        "in_progress", "Runder Tisch", 3, "Wohnraum für große Familien",
    )  # fmt: skip
    assert stored["origin"] == office.installation.id
    assert stored["version"] == edited.version + 1
    assert {c["applied"] for c in conflicts.list_conflicts(office)} == {"stored"}


def test_device_names_reach_the_statistics_printable(office, crafter, tmp_path):
    """A peer row of an older store may hold any name: the workbook's cover and stats --json
    show it without control or bidi characters."""
    merged(office, crafter.bundle())
    with office.store.begin() as conn:
        conn.exec_driver_sql("UPDATE peer SET name = 'CM\x1b[2J\u202e07\u200b\nX'")
    report = statistics.statistics(office, statistics.make_filters(office))
    (source,) = report["sources"]
    assert source["name"] == "CM?[2J?07??X"
    book = exports.write_workbook(report, office.catalog, tmp_path / "s.xlsx")
    from openpyxl import load_workbook

    cells = [str(c.value) for ws in load_workbook(book) for row in ws.iter_rows() for c in row
             if c.value is not None]  # fmt: skip
    assert any("CM?[2J?07??X" in c for c in cells)
    assert not any("\x1b" in c or "\u202e" in c for c in cells)
