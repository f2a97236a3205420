"""How the test vectors were made (once, on 2026-12-02). Frozen: never regenerate them.

    PYTHONPATH=src python docs/test-vectors/make_vectors.py docs/test-vectors

An office "Kreis Beispiel" and a device "CM-01 Beispiel" are set up with keys made only for
these vectors; the device records one client, case, goal, two consultations, a group offer
with one session, a structural need and a deleted consultation, and writes bundle 1. The
office's private X25519 key is published here, so that anyone can decrypt the bundle: never
use these keys for anything else.
"""

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from kimdesk.domain.entities import (
    Case,
    Client,
    Consultation,
    Goal,
    GroupOffer,
    GroupSession,
    Referral,
    StructuralNeed,
)
from kimdesk.services import setup, sync
from kimdesk.services.inspect import inspect_bundle
from kimdesk.store.records import delete_record, save_record

PASS = "test vectors passphrase"


def main(folder: Path) -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["KIMDESK_STATE_DIR"] = str(work)
    with setup.init_store(work / "office.kdb", PASS, role="office", name="Kreis Beispiel") as office:
        setup.write_identity(office, folder / "office-identity.json")
        (folder / "office-x25519-private.hex").write_text(office.installation.agreement_key.hex() + "\n")
    with setup.init_store(
        work / "cm.kdb", PASS, role="casemanager", name="CM-01 Beispiel",
        office_identity=folder / "office-identity.json",
    ) as cm:  # fmt: skip
        setup.write_identity(cm, folder / "device-identity.json")
        me = cm.installation.id
        client = Client(gender="w", nationality="SY", residence_group="schutz",
                        arrival_band="2015_2019", minors="2", main_language="ar",
                        municipality="05382068", birth_date=date(1988, 3, 12),
                        given_name="nie im Bundle")  # fmt: skip
        case = Case(client_id=client.id, municipality="05382068", program="kim",
                    opened_on=date(2024, 2, 1), phase="planning", access_route="jobcenter")  # fmt: skip
        goal = Goal(case_id=case.id, topic="deutsch", status="open", due_on=date(2024, 9, 30))
        one = Consultation(occurred_on=date(2024, 3, 5), municipality="05382068", kind="cm",
                           program="kim", topics=("deutsch", "arbeit"), case_id=case.id,
                           client_id=client.id, duration_min=50, setting="sprechstunde",
                           language_mediation="dolmetscher", language="ar",
                           referrals=(Referral("sprachkurs", True, "taken_up"),
                                      Referral("jc_afa")))  # fmt: skip
        two = Consultation(occurred_on=date(2024, 3, 7), municipality="05382060",
                           kind="einmalig", topics=("wohnen",), duration_min=20)  # fmt: skip
        gone = Consultation(occurred_on=date(2024, 3, 8), municipality="05382060",
                            kind="einmalig", topics=("gesundheit",))  # fmt: skip
        offer = GroupOffer(program="muki", format="het", title="HET Troisdorf",
                           municipality="05382068", planned_sessions=5, status="running")  # fmt: skip
        session = GroupSession(offer_id=offer.id, held_on=date(2024, 3, 12), duration_min=120,
                               participants=9)  # fmt: skip
        need = StructuralNeed(reported_on=date(2024, 3, 14), municipality="05382000",
                              topic="wohnen", challenge="Zu wenig Wohnraum für große Familien",
                              affected_cases=7)  # fmt: skip
        with cm.store.begin() as conn:
            for record in (client, case, goal, one, two, gone, offer, session, need):
                save_record(conn, record, origin=me)
            delete_record(conn, Consultation, gone.id, origin=me)
        bundle = sync.export_bundle(cm, work, today=date(2024, 4, 1)).path
    (folder / "bundle.kimb").write_bytes(bundle.read_bytes())
    with setup.open_workspace(work / "office.kdb", PASS) as office:
        sync.enroll(office, folder / "device-identity.json")
        inspected = inspect_bundle(office, folder / "bundle.kimb", work / "inspected")
        assert inspected.report.status == "imported", inspected.report.reason
    for path in inspected.written:
        (folder / path.name).write_bytes(path.read_bytes())


if __name__ == "__main__":
    main(Path(sys.argv[1]))
