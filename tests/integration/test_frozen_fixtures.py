"""Every frozen file under ``tests/fixtures`` is read here by the KIMdesk of today.

A frozen file is the output of an older KIMdesk (a store of schema N, a bundle or identity
file of format N), made once by the ``make_*.py`` beside it and never regenerated. Each one
has its check below; a file added without one fails ``test_every_frozen_file``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kimdesk.domain.entities import Referral
from kimdesk.services import land_reports, land_stats, setup, sync, trust
from kimdesk.services.workspace import open_workspace
from kimdesk.store import migrate
from kimdesk.store.records import get_consultation
from kimdesk.sync import container

from ..conftest import FIXTURES
from .sync_helpers import rows

PASS = "fixture passphrase v1"
FROZEN_DIRS = ("stores", "bundles", "identities")


def frozen_files() -> list[str]:
    return sorted(
        f"{folder}/{path.name}"
        for folder in FROZEN_DIRS
        for path in (FIXTURES / folder).iterdir()
        if path.is_file() and not path.name.startswith("make_") and path.suffix != ".pyc"
    )


def copied(name: str, tmp_path: Path) -> Path:
    target = tmp_path / Path(name).name
    shutil.copyfile(FIXTURES / name, target)
    return target


# -- stores --------------------------------------------------------------------------------


def a_case_managers_store(name: str, tmp_path: Path) -> None:
    """It migrates, passes the checks, holds an X25519 key of its own afterwards (schema 7),
    and the office it trusted before schema 4 (peer rows without signature) is signed and
    trusted afterwards."""
    target = copied(name, tmp_path)
    with open_workspace(target, PASS) as ws:
        assert ws.store.schema_version == migrate.HEAD_VERSION
        assert ws.store.integrity_problems() == []
        key = ws.installation.agreement_key  # schema 7 gave the device its X25519 key
        assert key is not None and len(key) == 32
        with ws.store.connect() as conn:
            offices = trust.trusted_peers(ws.installation, conn, role="office")
            assert trust.unsigned_peers(ws.installation, conn) == []
        assert [o.name for o in offices] == ["Kreis Fixture"]
    # Opened again (no migration this time), the signatures still hold.
    with open_workspace(target, PASS) as ws, ws.store.connect() as conn:
        assert len(trust.trusted_peers(ws.installation, conn)) == 1


def an_office_store(name: str, tmp_path: Path) -> None:
    """The office of the frozen bundle: it migrates and has its device enrolled."""
    with open_workspace(copied(name, tmp_path), PASS) as ws:
        assert ws.installation.role == "office"
        assert ws.store.schema_version == migrate.HEAD_VERSION
        assert ws.store.integrity_problems() == []
        with ws.store.connect() as conn:
            [device] = trust.trusted_peers(ws.installation, conn, role="casemanager")
        assert device.name == "CM-01 Fixture"


# -- bundles -------------------------------------------------------------------------------


def a_format_1_bundle(name: str, tmp_path: Path, office: str = "bundles/office_v1.kdb") -> None:
    tmp_path.mkdir(exist_ok=True)
    """It merges into its office with every field as it was written."""
    bundle = copied(name, tmp_path)
    office_store = copied(office, tmp_path)
    header = container.read_header(bundle.read_bytes())
    assert (header.version, header.seq, header.signer_name) == (1, 1, "CM-01 Fixture")
    with open_workspace(office_store, PASS) as office:
        summary = sync.merge_bundles(office, [bundle])
        (report,) = summary.bundles
        assert report.status == "imported", report.reason
        assert report.counts == {
            "created": 7, "updated": 0, "unchanged": 0, "stale": 0, "deleted": 1, "conflicts": 0,
        }  # fmt: skip
        assert report.warnings == []
        (client,) = rows(office, "client").values()
        assert (client["nationality"], client["minors"], client["age_group"]) == (
            "UA",
            "2",
            "27-44",
        )
        (need,) = rows(office, "structural_need").values()
        assert need["challenge"] == "Zu wenig Wohnraum für große Familien"
        (session,) = rows(office, "group_session").values()
        assert (session["participants"], session["held_on"]) == (9, date(2024, 3, 12))
        live = [c for c in rows(office, "consultation").values() if not c["deleted"]]
        with office.store.connect() as conn:
            consultation = get_consultation(conn, live[0]["id"])
        assert consultation.topics == ("arbeit", "deutsch")
        assert consultation.referrals == (
            Referral("sprachkurs", True, "taken_up"),
            Referral("jc_afa", False, "open"),
        )
        again = sync.merge_bundles(office, [bundle]).bundles[0]
        assert again.status == "already_imported"


def opened(office, data: bytes):
    """A bundle opened as its office opens it: header, plaintext, manifest, records' offset."""
    from kimdesk.sync import wire

    header = container.read_header(data)
    plaintext = container.open_payload(data, header, office.installation.agreement_key)
    manifest, offset = wire.read_manifest(plaintext)
    return header, plaintext, manifest, offset


def a_manifest_2_bundle(name: str, tmp_path: Path) -> None:
    """The same records with manifest version 2: the device's key travels with them, the
    office already has it from the enrolment (nothing to take), and it merges alike."""

    data = (FIXTURES / name).read_bytes()
    office_store = copied("bundles/office_v2.kdb", tmp_path)
    with open_workspace(office_store, PASS) as office, office.store.connect() as conn:
        [device] = trust.trusted_peers(office.installation, conn, role="casemanager")
        _header, _plaintext, manifest, _offset = opened(office, data)
    assert (manifest.version, manifest.reply_seq) == (2, 0)
    assert manifest.agreement_key == device.agreement_key and len(device.agreement_key) == 32
    a_format_1_bundle(name, tmp_path / "merged", office="bundles/office_v2.kdb")


def a_manifest_3_bundle(name: str, tmp_path: Path) -> None:
    """Bundle 2 of a device that took the office's decision on its need and edited it: the
    need names the office's version as its base, so it merges as an update without a
    conflict, the challenge the device's, the status and solution the office's."""
    from kimdesk.sync import wire

    bundle = copied(name, tmp_path)
    office_store = copied("bundles/office_v3.kdb", tmp_path)
    with open_workspace(office_store, PASS) as office:
        (need,) = rows(office, "structural_need").values()
        assert need["origin"] == office.installation.id  # the coordinator's decision
        header, plaintext, manifest, offset = opened(office, bundle.read_bytes())
        assert (manifest.version, manifest.seq, manifest.reply_seq) == (3, 2, 1)
        [sent] = [r for e, r in wire.iter_records(plaintext, offset, manifest)
                  if e == "structural_need"]  # fmt: skip
        assert sent["base_version"] == need["version"]
        [report] = sync.merge_bundles(office, [bundle]).bundles
        assert report.status == "imported", report.reason
        assert (report.counts["created"], report.counts["updated"], report.counts["conflicts"]) == (
            1, 1, 0,
        )  # fmt: skip
        (merged,) = rows(office, "structural_need").values()
        assert merged["challenge"] == "Zu wenig Wohnraum für Familien ab fünf Personen"
        assert (merged["status"], merged["solution"]) == ("in_progress", "Runder Tisch")
        assert merged["origin"] == header.installation_id


def a_manifest_4_bundle(name: str, tmp_path: Path) -> None:
    """A device on version 2 of the county profile, using the topic that version added: the
    office that issued it takes the bundle; its profile keeps both versions' codes."""

    bundle = copied(name, tmp_path)
    with open_workspace(copied("bundles/office_v4.kdb", tmp_path), PASS) as office:
        assert office.catalog.version == 2 and office.catalog.get("topic", "digital").since == 2
        _header, plaintext, manifest, _offset = opened(office, bundle.read_bytes())
        assert (manifest.version, manifest.profile_version, manifest.reply_seq) == (4, 2, 1)
        [report] = sync.merge_bundles(office, [bundle]).bundles
        assert report.status == "imported", report.reason
        [visit_id] = rows(office, "consultation")
        with office.store.connect() as conn:
            visit = get_consultation(conn, visit_id)
        assert visit.topics == ("digital",)


def an_office_of_two_devices(name: str, tmp_path: Path) -> None:
    """The office of the handover fixtures: it migrates and has both devices enrolled."""
    with open_workspace(copied(name, tmp_path), PASS) as ws:
        assert ws.store.schema_version == migrate.HEAD_VERSION
        assert ws.store.integrity_problems() == []
        with ws.store.connect() as conn:
            devices = trust.trusted_peers(ws.installation, conn, role="casemanager")
        assert sorted(d.name for d in devices) == ["CM-01 Fixture", "CM-02 Fixture"]


def a_manifest_5_bundle(name: str, tmp_path: Path) -> None:
    """A device hands a client's case over: the office takes the bundle, stores the package
    unopened and records the receiver as the owner of the case file."""
    from kimdesk.store.models import HandoverIn
    from kimdesk.store.owners import owners

    bundle = copied(name, tmp_path)
    with open_workspace(copied("bundles/office_v5.kdb", tmp_path), PASS) as office:
        _header, plaintext, manifest, _offset = opened(office, bundle.read_bytes())
        assert (manifest.version, len(manifest.handovers), manifest.taken) == (5, 1, ())
        [report] = sync.merge_bundles(office, [bundle]).bundles
        assert report.status == "imported", report.reason
        with office.store.connect() as conn:
            [row] = conn.execute(select(HandoverIn.__table__)).mappings().all()
            devices = {p.name: p.installation_id
                       for p in trust.trusted_peers(office.installation, conn)}  # fmt: skip
            owned = owners(conn, json.loads(row["cases"]))
        assert row["receiver_id"] == devices["CM-02 Fixture"]
        assert set(owned.values()) == {devices["CM-02 Fixture"]}


def a_manifest_6_bundle(name: str, tmp_path: Path) -> None:
    """Clients carry the consent flag: the office keeps it (true and false), and nothing of the
    consents or the referral's recipient."""

    bundle = copied(name, tmp_path)
    with open_workspace(copied("bundles/office_v6.kdb", tmp_path), PASS) as office:
        _header, plaintext, manifest, _offset = opened(office, bundle.read_bytes())
        assert manifest.version == 6
        assert b"Jobcenter Fixture" not in plaintext and b"personalien" not in plaintext
        [report] = sync.merge_bundles(office, [bundle]).bundles
        assert report.status == "imported", report.reason
        clients = rows(office, "client").values()
        assert sorted(c["consent"] for c in clients) == [False, True]
        assert {c["consents"] for c in clients} == {None}


def a_format_1_reply(name: str, tmp_path: Path) -> None:
    """The receiving device reads the office's reply and takes the case file it forwards."""
    from kimdesk.services import replies

    reply = copied(name, tmp_path)
    with open_workspace(copied("bundles/receiver_v5.kdb", tmp_path), PASS) as cm:
        [got] = replies.receive_replies(cm, [reply]).replies
        assert got.status == "received", got.reason
        [taken] = got.handovers.items
        assert (taken["direction"], taken["device"], taken["cases"]) == (
            "taken",
            "CM-01 Fixture",
            1,
        )
        [client] = [c for c in rows(cm, "client").values() if c["family_name"]]
        assert client["family_name"] == "Fixture-Name"
        [goal] = rows(cm, "goal").values()
        assert goal["text"] == "Fixture-Ziel"


# -- county reports (the Land) -------------------------------------------------------------


def a_land_store(name: str, tmp_path: Path) -> None:
    """The Land of the frozen report: it migrates and has the county's office enrolled."""
    with open_workspace(copied(name, tmp_path), PASS) as ws:
        assert ws.installation.role == "land"
        assert ws.store.schema_version == migrate.HEAD_VERSION
        assert ws.store.integrity_problems() == []
        with ws.store.connect() as conn:
            [office] = trust.trusted_peers(ws.installation, conn, role="office")
        assert office.name == "Kreis Fixture"


def a_format_1_report(name: str, tmp_path: Path) -> None:
    """The Land of today keeps it and counts its figures."""
    report = copied(name, tmp_path)
    with open_workspace(copied("bundles/land_v1.kdb", tmp_path), PASS) as land:
        [kept] = land_reports.merge_reports(land, [report]).reports
        assert (kept.status, kept.ags, kept.period, kept.seq) == ("imported", "05382000",
                                                                  "2023", 1), kept.reason  # fmt: skip
        figures = land_stats.land_statistics(land, period="2023")
    assert figures["consultations"]["total"] == 60
    assert figures["consultations"]["by_kind"] == {"cm": 30, "einmalig": 30}
    assert figures["places"]["05382068"] == "Troisdorf"
    assert figures["counties"]["05382000"]["office"] == "Kreis Fixture"


# -- identities ----------------------------------------------------------------------------


def a_format_1_device_identity(name: str, tmp_path: Path) -> None:
    """An office of today enrols it, with the notice that it is format 1."""
    frozen = copied(name, tmp_path)
    with setup.init_store(tmp_path / "office.kdb", PASS, role="office", name="Kreis") as office:
        enrolment = sync.enroll(office, frozen)
    assert enrolment.legacy and enrolment.new
    assert enrolment.identity.fingerprint == json.loads(frozen.read_text())["fingerprint"]


def a_format_1_office_identity(name: str, tmp_path: Path) -> None:
    """A device of today is set up with it and trusts that office."""
    frozen = copied(name, tmp_path)
    with setup.init_store(tmp_path / "cm.kdb", PASS, role="casemanager", name="CM-01",
                          office_identity=frozen) as cm, cm.store.connect() as conn:  # fmt: skip
        [office] = trust.trusted_peers(cm.installation, conn, role="office")
    assert office.name == json.loads(frozen.read_text())["name"]


CHECKS: dict[str, Callable[[str, Path], None]] = {
    "stores/store_v1.kdb": a_case_managers_store,
    "stores/store_v2.kdb": a_case_managers_store,
    "stores/store_v3.kdb": a_case_managers_store,
    "stores/store_v4.kdb": a_case_managers_store,
    "stores/store_v5.kdb": a_case_managers_store,
    "stores/store_v6.kdb": a_case_managers_store,
    "stores/store_v7.kdb": a_case_managers_store,
    "stores/store_v8.kdb": a_case_managers_store,
    "stores/store_v9.kdb": a_case_managers_store,
    "stores/store_v10.kdb": a_case_managers_store,
    "stores/store_v11.kdb": a_case_managers_store,
    "stores/store_v12.kdb": a_case_managers_store,
    "stores/store_v13.kdb": a_case_managers_store,
    "bundles/bundle_v1.kimb": a_format_1_bundle,
    "bundles/office_v1.kdb": an_office_store,
    "bundles/bundle_v2.kimb": a_manifest_2_bundle,
    "bundles/office_v2.kdb": an_office_store,
    "bundles/bundle_v3.kimb": a_manifest_3_bundle,
    "bundles/office_v3.kdb": an_office_store,
    "bundles/bundle_v4.kimb": a_manifest_4_bundle,
    "bundles/office_v4.kdb": an_office_store,
    "bundles/bundle_v5.kimb": a_manifest_5_bundle,
    "bundles/office_v5.kdb": an_office_of_two_devices,
    "bundles/bundle_v6.kimb": a_manifest_6_bundle,
    "bundles/office_v6.kdb": an_office_store,
    "bundles/reply_v1.kimr": a_format_1_reply,
    "bundles/report_v1.kiml": a_format_1_report,
    "bundles/land_v1.kdb": a_land_store,
    "bundles/receiver_v5.kdb": a_case_managers_store,
    "identities/identity_v1_casemanager.json": a_format_1_device_identity,
    "identities/identity_v1_office.json": a_format_1_office_identity,
}


@pytest.mark.parametrize("name", frozen_files())
def test_every_frozen_file(name, tmp_path):
    assert name in CHECKS, f"{name}: a frozen file without a check in this module"
    recipes = (FIXTURES / name).parent.glob("make_*.py")
    assert any(Path(name).name in r.read_text("utf-8") for r in recipes), (
        f"{name}: no make_*.py beside it says how it was made"
    )
    CHECKS[name](name, tmp_path)


def test_every_check_has_its_file():
    assert sorted(CHECKS) == frozen_files()
