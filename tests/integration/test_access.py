"""The right of access (Art. 15/20, issue 19): the report of a client with two cases holds every
stored field, compared field by field with the store, and nothing of another client; the PDF
is opened and its text read; the command line writes both."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kimdesk.domain import consent
from kimdesk.domain.entities import Goal, Referral
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import access, records
from kimdesk.store.models import AuditEntry
from kimdesk.store.records import TABLES, consultation_t, referral_t, topic_t
from kimdesk.sync.fields import json_value

from ..conftest import CM_PASS
from .sync_helpers import a_case, a_client, consultation

TODAY = date(2026, 12, 2)


@pytest.fixture
def two_people(cm_ws):
    agreed = consent.Consent(date(2026, 2, 1), "muendlich", targets=("jc_afa",),
                             data=("kontakt",), note="Vermerk im Gespräch")  # fmt: skip
    her = records.save(cm_ws, replace(
        a_client(), given_name="Şükran", family_name="Yılmaz-Access", birth_date=date(1988, 3, 9),
        phone="0176 555", email="s@example.invalid", address="Markt 1, Siegburg",
        file_numbers="AZ 50/77", notes="spricht Türkisch", consents=consent.dump([agreed]),
    ), today=TODAY).record  # fmt: skip
    other = records.save(
        cm_ws,
        replace(a_client(), given_name="Otto", family_name="OTHERPERSON", file_numbers="AZ 99/1"),
        today=TODAY,
    ).record
    first = records.save(cm_ws, a_case(client_id=her.id, opened_on=date(2026, 1, 5),
                                       notes="erster Fall"), today=TODAY).record  # fmt: skip
    second = records.save(
        cm_ws,
        a_case(client_id=her.id, opened_on=date(2026, 6, 1), follow_up_on=date(2026, 12, 20)),
        today=TODAY,
    ).record
    theirs = records.save(
        cm_ws,
        a_case(client_id=other.id, opened_on=date(2026, 3, 1), notes="OTHERPERSON-NOTE"),
        today=TODAY,
    ).record
    records.save(cm_ws, Goal(case_id=first.id, topic="wohnen", text="Wohnung finden",
                             due_on=date(2026, 9, 1)), today=TODAY)  # fmt: skip
    records.save(cm_ws, Goal(case_id=second.id, topic="arbeit", text="Praktikum"), today=TODAY)
    records.save(cm_ws, consultation(
        kind="cm", case_id=first.id, occurred_on=date(2026, 2, 3), notes="Termin vereinbart",
        referrals=(Referral("jc_afa", accompanied=True, recipient="Jobcenter Siegburg, Frau K."),)),
        today=TODAY)  # fmt: skip
    records.save(
        cm_ws,
        consultation(kind="einmalig", client_id=her.id, occurred_on=date(2026, 7, 1), referrals=()),
        today=TODAY,
    )
    records.save(
        cm_ws,
        consultation(
            kind="cm",
            case_id=theirs.id,
            occurred_on=date(2026, 3, 2),
            notes="OTHERPERSON-VISIT",
            referrals=(),
        ),
        today=TODAY,
    )
    return her, other


def test_the_report_holds_every_stored_field_and_nothing_of_another_person(cm_ws, two_people):
    her, other = two_people
    report = access.client_report(cm_ws, "AZ 50/77", today=TODAY)
    text = json.dumps(report, ensure_ascii=False)
    assert "OTHERPERSON" not in text and other.id not in text and "Otto" not in text
    assert report["controller"] == cm_ws.catalog.name

    def stored(table, where):
        with cm_ws.store.connect() as conn:
            return [{k: json_value(v) for k, v in row.items() if k != "change_seq"}
                    for row in conn.execute(select(table).where(where)).mappings()]  # fmt: skip

    [person] = stored(TABLES["client"], TABLES["client"].c.id == her.id)
    assert json.loads(person.pop("consents")) == report["consents"]
    assert report["client"] == person  # every field, local and statistical
    case_t = TABLES["case"]
    cases = stored(case_t, case_t.c.client_id == her.id)
    assert len(cases) == 2
    shown_cases = {c["id"]: {k: v for k, v in c.items() if k != "goals"} for c in report["cases"]}
    assert shown_cases == {c["id"]: c for c in cases}
    goal_t = TABLES["goal"]
    goals = stored(goal_t, goal_t.c.case_id.in_([c["id"] for c in cases]))
    assert sorted((g for c in report["cases"] for g in c["goals"]), key=lambda g: g["id"]) == \
        sorted(goals, key=lambda g: g["id"])  # fmt: skip
    visits = stored(consultation_t, (consultation_t.c.client_id == her.id)
                    | consultation_t.c.case_id.in_([c["id"] for c in cases]))  # fmt: skip
    assert len(visits) == 2
    for visit in report["consultations"]:
        mine = next(v for v in visits if v["id"] == visit["id"])
        assert {k: v for k, v in visit.items() if k not in ("topics", "referrals")} == mine
        assert visit["topics"] == [r["topic"] for r in stored(
            topic_t, topic_t.c.consultation_id == visit["id"])]  # fmt: skip
        assert visit["referrals"] == [
            {k: r[k] for k in ("target", "accompanied", "outcome", "recipient")}
            for r in stored(referral_t, referral_t.c.consultation_id == visit["id"])
        ]
    assert "Jobcenter Siegburg, Frau K." in text  # the actual recipient, not only the category
    ids = {her.id, *(c["id"] for c in cases), *(g["id"] for g in goals),
           *(v["id"] for v in visits)}  # fmt: skip
    audit_t = AuditEntry.__table__
    trail = stored(audit_t, audit_t.c.record_id.in_(ids))
    assert sorted((a["record_id"], a["action"]) for a in report["audit"]) == \
        sorted((a["record_id"], a["action"]) for a in trail)  # fmt: skip
    # what the office got: the bundle's fields, none of the local ones
    sent = report["sent_to_office"]
    assert sent["client"]["consent"] is True and "family_name" not in sent["client"]
    assert sent["client"]["age_group"] == "27-44"  # derived as the bundle does (born 1988)
    assert "notes" not in sent["cases"][0] and "text" not in sent["goals"][0]
    assert all("recipient" not in r for v in sent["consultations"] for r in v["referrals"])
    assert "Yılmaz" not in json.dumps(sent, ensure_ascii=False)


def test_the_pdf_is_readable_german_and_names_only_the_person(cm_ws, two_people, tmp_path):
    written = access.write_client_report(cm_ws, "AZ 50/77", tmp_path / "auskunft.pdf",
                                         today=TODAY)  # fmt: skip
    assert (written.cases, written.consultations) == (2, 2)
    assert oct(written.path.stat().st_mode & 0o777) == "0o600"
    pages = PdfReader(written.path).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())  # wrapped lines
    for expected in ("Auskunft über Ihre gespeicherten Daten", cm_ws.catalog.name, "Şükran",
                     "Yılmaz-Access", "09.03.1988", "Jobcenter Siegburg, Frau K.",
                     "Wohnung finden", "mündlich mit Vermerk", "Vermerk im Gespräch",
                     "Was an die Kreisstelle ging", "Ihre Rechte", "Geschlecht weiblich",
                     "Stand: offen"):  # fmt: skip
        assert expected in text, expected
    assert "OTHERPERSON" not in text
    # the report is in the audit trail, with ids only
    with cm_ws.store.connect() as conn:
        audit_t = AuditEntry.__table__
        [row] = conn.execute(select(audit_t).where(audit_t.c.action == "report")).mappings()
    assert row["record_id"] == two_people[0].id and "Yılmaz" not in (row["detail"] or "")


def test_the_command_line_writes_json_and_refuses_what_it_cannot(cm_file, two_people, tmp_path,
                                                                 cli):  # fmt: skip
    out = tmp_path / "auskunft.json"
    code, stdout, err = cli("client-report", "--store", cm_file, "--case", "AZ 50/77",
                            "--out", out, passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    assert "Yılmaz" not in stdout + err  # the report holds the names, the console does not
    assert json.loads(out.read_text("utf-8"))["client"]["family_name"] == "Yılmaz-Access"
    code, _out, err = cli("client-report", "--store", cm_file, "--case", "AZ 50/77",
                          "--out", out, passphrase=CM_PASS)  # fmt: skip
    assert code != 0 and "--force" in err or "ersetz" in err.lower() or "existiert" in err
    code, _out, err = cli("client-report", "--store", cm_file, "--case", "AZ 50/77",
                          "--out", tmp_path / "auskunft.txt", passphrase=CM_PASS)  # fmt: skip
    assert code != 0 and ".pdf" in err
    code, _out, err = cli("client-report", "--store", cm_file, "--case", "AZ",
                          "--out", tmp_path / "a.json", passphrase=CM_PASS)  # fmt: skip
    assert code != 0 and "AZ" in err and "Yılmaz" not in err


def test_an_office_store_refuses(office_ws, tmp_path):
    with pytest.raises(KimdeskError, match="Case-Managements"):
        access.client_report(office_ws, "x")


def test_an_erasure_takes_the_named_recipients_too(cm_ws, two_people):
    """The recipient is local: erasing the person empties it, in a live consultation and in
    a deleted one (whose tombstone is emptied in place)."""
    from kimdesk.domain.entities import Consultation
    from kimdesk.services import privacy

    her, _other = two_people
    extra = records.save(cm_ws, consultation(client_id=her.id, occurred_on=date(2026, 8, 3),
                         referrals=(Referral("jc_afa", recipient="Agentur Bonn, Herr L."),)),
                         today=TODAY).record  # fmt: skip
    records.delete(cm_ws, Consultation, extra.id)
    with cm_ws.store.connect() as conn:
        named = (
            conn.execute(select(referral_t.c.recipient).where(referral_t.c.recipient.is_not(None)))
            .scalars()
            .all()
        )
    assert sorted(named) == ["Agentur Bonn, Herr L.", "Jobcenter Siegburg, Frau K."]
    privacy.erase_client(cm_ws, her.id)
    with cm_ws.store.connect() as conn:
        assert (
            conn.execute(
                select(referral_t.c.recipient).where(referral_t.c.recipient.is_not(None))
            ).all()
            == []
        )
