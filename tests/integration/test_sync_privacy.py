"""Canary test: local personal fields never reach a bundle, the office store or any output."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kimdesk.domain import consent
from kimdesk.domain.entities import Goal, Referral
from kimdesk.services import sync
from kimdesk.services.legacy_import import import_legacy
from kimdesk.services.workspace import open_workspace
from kimdesk.store.models import Base
from kimdesk.sync import container, wire

from ..conftest import CM_PASS, OFFICE_PASS
from .sync_helpers import a_case, a_client, add, consultation

CANARIES = {
    "given_name": "Zyxwvu-Canary-Given",
    "family_name": "Qwerty-Canary-Family",
    "phone": "+49 2241 555-8137",
    "email": "canary.person@example.invalid",
    "address": "Canarystraße 77, 53721 Siegburg",
    "file_numbers": "AZ-CANARY-4242",
    "notes": "CANARY-CLIENT-NOTE",
}
BIRTH = date(1961, 2, 27)
OTHER_CANARIES = [
    "CANARY-CASE-NOTE",
    "CANARY-GOAL-TEXT",
    "CANARY-CONSULT-NOTE",
    "CANARY-LEGACY-REF",
    "CANARY-CONSENT-NOTE",
    "CANARY-RECIPIENT",
    "muendlich",
    "1961-02-27",
    "27.02.1961",
]
ALL = [*CANARIES.values(), *OTHER_CANARIES]


def _hits(blob: bytes | str) -> list[str]:
    text = blob if isinstance(blob, str) else blob.decode("utf-8", "replace")
    return [c for c in ALL if c in text]


def plaintext_of(office_ws, path) -> bytes:
    """Decrypt a bundle as the office does and return manifest and records as text."""
    data = path.read_bytes()
    header = container.read_header(data)
    plain = container.open_payload(data, header, office_ws.installation.agreement_key)
    manifest, offset = wire.read_manifest(plain)
    return plain[:offset] + b"\n".join(wire._lines(plain, offset))


def test_no_personal_field_leaves_the_device(enrolled_office_ws, cm_file, tmp_path, cli, capsys):
    cm = open_workspace(cm_file, CM_PASS)
    agreed = consent.dump(
        [
            consent.Consent(
                date(2024, 1, 8),
                "muendlich",
                targets=("jc_afa",),
                data=("kontakt",),
                note="CANARY-CONSENT-NOTE",
            )
        ]
    )
    client = a_client(birth_date=BIRTH, consents=agreed, **CANARIES)
    case = a_case(client_id=client.id, notes="CANARY-CASE-NOTE", consent_on=date(2024, 1, 8))
    add(cm, client, case)
    add(
        cm,
        Goal(case_id=case.id, topic="wohnen", text="CANARY-GOAL-TEXT"),
        consultation(
            kind="cm",
            case_id=case.id,
            client_id=client.id,
            notes="CANARY-CONSULT-NOTE",
            referrals=(Referral("jc_afa", recipient="CANARY-RECIPIENT"),),
        ),
    )
    legacy = tmp_path / "liste.csv"
    legacy.write_text(
        "Datum;Kommune;Art;Fall;Themen\n05.03.2024;Siegburg;CM;CANARY-LEGACY-REF;Wohnen\n",
        encoding="utf-8",
    )
    import_legacy(cm, legacy)
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = sync.export_bundle(cm, stick).path
    cm.close()

    assert _hits(bundle.read_bytes()) == []
    plain = plaintext_of(enrolled_office_ws, bundle)
    assert b"Klient" not in plain and _hits(plain) == []
    assert b'"age_group":"65+"' in plain  # derived at export (born 1961), the date stays home
    assert b'"consent":true' in plain  # derived from the consents: only the flag travels

    summary = sync.merge_bundles(enrolled_office_ws, [bundle])
    assert summary.bundles[0].counts["created"] == 6
    with enrolled_office_ws.store.connect() as conn:
        flags = conn.execute(select(Base.metadata.tables["client"].c.consent)).scalars().all()
        assert flags == [True]  # the office keeps the flag for the statistics
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                assert _hits(" ".join(str(v) for v in row)) == [], table.name
    office_path = enrolled_office_ws.path
    enrolled_office_ws.close()
    for suffix in ("", "-wal"):
        part = office_path.with_name(office_path.name + suffix)
        if part.exists():
            assert _hits(part.read_bytes()) == []

    # Nor in anything the command line prints, at either end.
    outputs = []
    outputs.append(cli("export-bundle", "--store", cm_file, "--out", stick, "--full",
                       passphrase=CM_PASS))  # fmt: skip
    outputs.append(cli("merge", "--store", office_path, "--json", *sorted(stick.iterdir()),
                       passphrase=OFFICE_PASS))  # fmt: skip
    outputs.append(cli("conflicts", "--store", office_path, "--json", passphrase=OFFICE_PASS))
    outputs.append(cli("check", "--store", cm_file, passphrase=CM_PASS))
    for code, out, err in outputs:
        assert code == 0, err
        assert _hits(out + err) == []
    captured = capsys.readouterr()
    assert _hits(captured.out + captured.err) == []


def test_no_personal_field_in_exports_logs_or_the_stores_files(cm_file, tmp_path, caplog):
    import logging
    import zipfile

    from kimdesk.services import privacy, setup
    from kimdesk.services.exports import write_charts, write_workbook
    from kimdesk.services.maintenance import backup_store
    from kimdesk.services.statistics import make_filters, statistics

    caplog.set_level(logging.DEBUG)
    cm = open_workspace(cm_file, CM_PASS)
    client = a_client(birth_date=BIRTH, **CANARIES)
    case = a_case(client_id=client.id, notes="CANARY-CASE-NOTE", legacy_ref="CANARY-LEGACY-REF")
    add(cm, client, case)
    add(cm, Goal(case_id=case.id, topic="wohnen", text="CANARY-GOAL-TEXT"),
        consultation(kind="cm", case_id=case.id, client_id=client.id, notes="CANARY-CONSULT-NOTE"))  # fmt: skip
    report = statistics(cm, make_filters(cm))
    book = write_workbook(report, cm.catalog, tmp_path / "statistik.xlsx")
    charts = write_charts(report, cm.catalog, tmp_path / "charts")
    audit = privacy.write_audit_csv(cm, tmp_path / "audit.csv")
    identity = setup.write_identity(cm, tmp_path / "id.json")
    backup = backup_store(cm, tmp_path / "backup.kdb")
    store_files = [cm_file.with_name(cm_file.name + s) for s in ("", "-wal", "-shm")]
    outputs = [audit, tmp_path / "id.json", backup, *charts, *store_files]
    for path in outputs:
        if path.exists():
            assert _hits(path.read_bytes()) == [], path.name
    with zipfile.ZipFile(book) as z:  # the xlsx is a zip: look inside
        for name in z.namelist():
            assert _hits(z.read(name)) == [], name
    assert identity.name == "CM-07 Troisdorf"
    cm.close()
    for path in store_files:
        if path.exists():
            assert _hits(path.read_bytes()) == [], path.name
    assert _hits(caplog.text) == []
