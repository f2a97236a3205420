"""The frozen format-1 bundle: every later KIMdesk must still read it (and its office)."""

from __future__ import annotations

import shutil
from datetime import date

from kimdesk.domain.entities import Referral
from kimdesk.services import sync
from kimdesk.services.workspace import open_workspace
from kimdesk.store.records import get_consultation
from kimdesk.sync import container

from ..conftest import FIXTURES
from .sync_helpers import rows

PASS = "fixture passphrase v1"


def test_frozen_v1_bundle_merges_into_its_office(tmp_path):
    for name in ("office_v1.kdb", "bundle_v1.kimb"):
        shutil.copyfile(FIXTURES / "bundles" / name, tmp_path / name)
    data = (tmp_path / "bundle_v1.kimb").read_bytes()
    header = container.read_header(data)
    assert (header.version, header.seq, header.signer_name) == (1, 1, "CM-01 Fixture")

    with open_workspace(tmp_path / "office_v1.kdb", PASS) as office:
        summary = sync.merge_bundles(office, [tmp_path / "bundle_v1.kimb"])
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
        assert sync.merge_bundles(office, [tmp_path / "bundle_v1.kimb"]).bundles[0].status == (
            "already_imported"
        )
