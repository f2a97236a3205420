"""The merge's own rules, one test each where a mutation of ``sync/merge.py`` or
``stats/queries.py`` survived the suite before (issue 13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from kimdesk.domain.entities import (
    Case,
    Consultation,
    GroupOffer,
    GroupSession,
    Referral,
    StructuralNeed,
)
from kimdesk.services import conflicts, statistics, sync
from kimdesk.store.records import TABLES, get_consultation, save_record

from .bundle_craft import line
from .sync_helpers import a_case, a_client, add, consultation, remove, rows


def export(ws, folder):
    folder.mkdir(exist_ok=True)
    result = sync.export_bundle(ws, folder)
    assert result.path is not None, result.message
    return result.path


def merge_one(office, path) -> sync.BundleReport:
    (report,) = sync.merge_bundles(office, [path]).bundles
    assert report.status == "imported", (report.reason_code, report.reason)
    return report


def parts(office, record_id):
    with office.store.connect() as conn:
        c = get_consultation(conn, record_id)
    return c.topics, c.referrals


# -- 1. a difference only in topics or referrals is a conflict ----------------------------------


@pytest.mark.parametrize(
    "change",
    [dict(topics=("arbeit",)), dict(referrals=(Referral("aemter", True, "taken_up"),))],
    ids=["topics", "referrals"],
)
def test_another_device_differing_only_in_parts_is_a_conflict(
    enrolled_office_ws, cm_ws, cm2_ws, tmp_path, change
):
    office = enrolled_office_ws
    (record,) = add(cm_ws, consultation())
    merge_one(office, export(cm_ws, tmp_path / "a"))
    add(cm2_ws, replace(record, version=1, **change))
    report = merge_one(office, export(cm2_ws, tmp_path / "b"))
    assert report.counts["conflicts"] == 1 and report.counts["unchanged"] == 0
    (conflict,) = conflicts.list_conflicts(office)
    assert set(conflict["differing_fields"]) - {"origin"} == set(change)
    assert parts(office, record.id) == (tuple(sorted(record.topics)), record.referrals)


@pytest.mark.parametrize(
    "change",
    [dict(topics=("arbeit",)), dict(referrals=(Referral("aemter", True, "taken_up"),))],
    ids=["topics", "referrals"],
)
def test_a_restored_device_differing_only_in_parts_is_a_conflict(
    enrolled_office_ws, cm_ws, cm_file, tmp_path, change
):
    """The same device, the same version, other parts: a device restored from a backup."""
    office = enrolled_office_ws
    backup = tmp_path / "backup.kdb"
    cm_ws.store.backup_to(backup)
    (record,) = add(cm_ws, consultation())
    merge_one(office, export(cm_ws, tmp_path / "a"))
    from kimdesk.services.workspace import open_workspace

    from ..conftest import CM_PASS

    with open_workspace(backup, CM_PASS) as restored:
        add(restored, replace(record, version=1, **change))
        report = merge_one(office, export(restored, tmp_path / "b"))
    assert report.counts["conflicts"] == 1
    assert len(conflicts.list_conflicts(office)) == 1


# -- 2. conflicts of every other entity, and their resolution --------------------------------


def _need(**over):
    values = dict(reported_on=date(2024, 3, 1), municipality="05382000", topic="wohnen",
                  challenge="Wohnraum", affected_cases=3)  # fmt: skip
    values.update(over)
    return StructuralNeed(**values)


ENTITIES = {
    "client": (lambda: a_client(), dict(minors="2")),
    "case": (lambda: a_case(), dict(phase="planning")),
    "group_offer": (lambda: GroupOffer(program="muki", format="het", title="HET",
                                       municipality="05382068"), dict(planned_sessions=5)),
    "structural_need": (_need, dict(affected_cases=9)),
}  # fmt: skip


@pytest.mark.parametrize("entity", [*ENTITIES, "group_session"])
@pytest.mark.parametrize("keep", ["stored", "incoming"])
def test_a_conflict_of_any_entity_keeps_both_and_resolve_restores_the_kept_one(
    enrolled_office_ws, cm_ws, cm2_ws, tmp_path, entity, keep
):
    office = enrolled_office_ws
    if entity == "group_session":
        offer = GroupOffer(program="muki", format="het", title="HET", municipality="05382068")
        original = GroupSession(offer_id=offer.id, held_on=date(2024, 3, 5), participants=7)
        change = dict(participants=11)
        add(cm_ws, offer)
        add(cm2_ws, offer)  # the same offer on both: unchanged at the office
    else:
        make, change = ENTITIES[entity]
        original = make()
    (record,) = add(cm_ws, original)
    merge_one(office, export(cm_ws, tmp_path / "a"))
    add(cm2_ws, replace(record, version=1, **change))

    report = merge_one(office, export(cm2_ws, tmp_path / "b"))

    assert report.counts["conflicts"] == 1
    (conflict,) = conflicts.list_conflicts(office)
    assert conflict["entity"] == entity
    field, value = next(iter(change.items()))
    assert conflict["incoming"][field] == value
    assert conflict["stored"][field] == getattr(record, field)
    conflicts.resolve_conflict(office, conflict["id"], keep)
    kept = value if keep == "incoming" else getattr(record, field)
    assert rows(office, entity)[record.id][field] == kept
    assert conflicts.list_conflicts(office) == []


# -- 3. resolving a consultation restores its parts --------------------------------------------


@pytest.mark.parametrize("keep", ["stored", "incoming"])
def test_resolving_a_consultation_restores_the_kept_topics_and_referrals(
    enrolled_office_ws, cm_ws, cm2_ws, tmp_path, keep
):
    office = enrolled_office_ws
    (record,) = add(cm_ws, consultation(topics=("wohnen",), referrals=(Referral("jc_afa"),)))
    merge_one(office, export(cm_ws, tmp_path / "a"))
    theirs = replace(record, version=1, topics=("arbeit", "schule"),
                     referrals=(Referral("aemter", True, "taken_up"), Referral("wohlfahrt")))  # fmt: skip
    add(cm2_ws, theirs)
    merge_one(office, export(cm2_ws, tmp_path / "b"))
    (conflict,) = conflicts.list_conflicts(office)

    conflicts.resolve_conflict(office, conflict["id"], keep)

    chosen = theirs if keep == "incoming" else record
    assert parts(office, record.id) == (tuple(sorted(chosen.topics)), chosen.referrals)


# -- 4. a tombstone for an unknown id among known ones ------------------------------------------


def test_an_unknown_tombstone_among_known_records_counts_as_deleted(
    enrolled_office_ws, cm_ws, crafter
):
    office = enrolled_office_ws
    merge_one(office, crafter.bundle())  # the office knows the crafted records now
    entity, known = next((e, r) for e, r in crafter.records if e == "consultation")
    changed = dict(known, version=known["version"] + 1, duration_min=55)
    ghost = dict(known, id=known["id"][:-4] + "ffff", version=2, deleted=True)
    lines = sorted([(entity, changed), (entity, ghost)], key=lambda er: er[1]["id"])

    report = merge_one(office, crafter.bundle([(e, line(r)) for e, r in lines]))

    assert report.counts == {"created": 0, "updated": 1, "unchanged": 0, "stale": 0,
                             "deleted": 1, "conflicts": 0}  # fmt: skip
    assert rows(office, "consultation")[ghost["id"]]["deleted"] is True


# -- 5. change sequence numbers ---------------------------------------------------------------


def test_every_written_row_gets_its_own_change_sequence_number_above_the_last(
    enrolled_office_ws, cm_ws, tmp_path
):
    office = enrolled_office_ws
    first = add(cm_ws, consultation(), consultation(), a_case())
    merge_one(office, export(cm_ws, tmp_path / "a"))

    def seqs() -> dict[str, int]:
        found = {}
        with office.store.connect() as conn:
            for table in TABLES.values():
                found.update(dict(conn.execute(select(table.c.id, table.c.change_seq)).all()))
        return found

    before = seqs()
    add(cm_ws, replace(first[0], duration_min=77), consultation(), consultation(), a_client())
    remove(cm_ws, Consultation, first[1].id)
    report = merge_one(office, export(cm_ws, tmp_path / "a"))
    assert report.counts["created"] == 3 and report.counts["updated"] == 1
    after = seqs()
    written = {i: s for i, s in after.items() if before.get(i) != s}
    assert len(written) == 5  # 3 new, 1 changed, 1 deleted
    assert len(set(written.values())) == len(written)
    assert min(written.values()) > max(before.values())
    assert after[first[2].id] == before[first[2].id]  # untouched rows keep theirs


# -- 6. a case closed on the last day of the period -------------------------------------------


@pytest.mark.parametrize(
    ("closed_on", "active"),
    [
        (date(2023, 12, 30), False),
        (date(2023, 12, 31), False),
        (date(2024, 1, 1), True),
        (None, True),
    ],
)
def test_a_case_closed_on_the_last_day_is_not_active_at_its_end(cm_ws, closed_on, active):
    case = Case(client_id=None, municipality="05382068", program="kim",
                opened_on=date(2023, 3, 1), phase="closed" if closed_on else "planning",
                closed_on=closed_on, closure_reason="umzug" if closed_on else None)  # fmt: skip
    with cm_ws.store.begin() as conn:
        save_record(conn, case, origin=cm_ws.installation.id)
    filters = statistics.make_filters(cm_ws, date_from="01.01.2023", date_to="31.12.2023")
    report = statistics.statistics(cm_ws, filters)
    assert report["cases"]["active_at_end"] == (1 if active else 0)
    closed_in_period = closed_on is not None and closed_on <= date(2023, 12, 31)
    assert report["cases"]["closed"] == (1 if closed_in_period else 0)


def test_no_row_is_left_without_a_change_sequence_number(enrolled_office_ws, crafter):
    merge_one(enrolled_office_ws, crafter.bundle())
    with enrolled_office_ws.store.connect() as conn:
        for table in TABLES.values():
            missing = conn.execute(
                select(func.count()).select_from(table).where(table.c.change_seq.is_(None))
            ).scalar()
            assert missing == 0, table.name


def test_the_merge_reports_its_progress_to_the_end(enrolled_office_ws, crafter):
    """Half for the check, half for the merge: the last report is the whole of both."""
    seen = []
    (report,) = sync.merge_bundles(enrolled_office_ws, [crafter.bundle()],
                                   progress=lambda done, total: seen.append((done, total))).bundles  # fmt: skip
    assert report.status == "imported"
    total = 2 * len(crafter.records)
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_case_opened_on_the_last_day_is_active_at_its_end(cm_ws):
    case = Case(
        client_id=None, municipality="05382068", program="kim", opened_on=date(2023, 12, 31)
    )
    with cm_ws.store.begin() as conn:
        save_record(conn, case, origin=cm_ws.installation.id)
    report = statistics.statistics(
        cm_ws, statistics.make_filters(cm_ws, date_from="01.01.2023", date_to="31.12.2023")
    )
    assert (report["cases"]["opened"], report["cases"]["active_at_end"]) == (1, 1)
    before = statistics.statistics(
        cm_ws, statistics.make_filters(cm_ws, date_from="01.01.2023", date_to="30.12.2023")
    )
    assert (before["cases"]["opened"], before["cases"]["active_at_end"]) == (0, 0)


def test_equal_counts_are_listed_by_code(cm_ws):
    """Ties in topics and referrals are ordered by code, so tables and charts never change
    their order from one export to the next."""
    add(cm_ws, consultation(topics=("wohnen", "deutsch"), referrals=(Referral("wohlfahrt"),)),
        consultation(topics=("deutsch", "wohnen"), referrals=(Referral("aemter"),)),
        consultation(topics=("arbeit",), referrals=(Referral("wohlfahrt"), Referral("aemter"))))  # fmt: skip
    report = statistics.statistics(cm_ws, statistics.make_filters(cm_ws))
    assert list(report["topics"]["by_topic"]) == ["deutsch", "wohnen", "arbeit"]
    assert report["topics"]["top5"][:2] == ["deutsch", "wohnen"]
    assert list(report["referrals"]["by_target"]) == ["aemter", "wohlfahrt"]


def test_structural_needs_follow_the_municipality_filter(cm_ws):
    add(cm_ws, _need(municipality="05382068", challenge="Troisdorf"),
        _need(municipality="05382060", challenge="Siegburg"), _need(challenge="kreisweit"))  # fmt: skip
    report = statistics.statistics(cm_ws, statistics.make_filters(cm_ws, municipality="05382060"))
    needs = report["structural_needs"]
    assert [n["challenge"] for n in needs["items"]] == ["Siegburg"]
    assert needs["total"] == 1


def test_ties_are_ordered_by_code_whatever_order_the_database_returns():
    """PostgreSQL's grouping returns groups in any order; SQLite's happens to be sorted."""
    from kimdesk.stats.queries import _by_count

    assert list(_by_count({"wohnen": 2, "deutsch": 2, "arbeit": 5, "aemter": 2})) == [
        "arbeit", "aemter", "deutsch", "wohnen",
    ]  # fmt: skip
