"""The case file on paper (issue 19): the PDF of one case holds exactly the ticked parts —
opened and its text extracted — nothing of the client's other case, and is audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from kimdesk.domain import consent
from kimdesk.domain.entities import Goal, Referral
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import case_summary, privacy, records

from .sync_helpers import a_case, a_client, consultation

TODAY = date(2026, 12, 2)


@pytest.fixture
def file(cm_ws):
    agreed = consent.Consent(date(2026, 2, 1), "schriftlich", targets=("jc_afa",),
                             data=("kontakt",))  # fmt: skip
    her = records.save(cm_ws, replace(
        a_client(), given_name="Şükran", family_name="Yılmaz-Papier", birth_date=date(1988, 3, 9),
        phone="0176 555 12", notes="NOTIZPERSON", consents=consent.dump([agreed]),
    ), today=TODAY).record  # fmt: skip
    this = records.save(cm_ws, a_case(client_id=her.id, opened_on=date(2026, 1, 5),
                                      notes="NOTIZFALL"), today=TODAY).record  # fmt: skip
    other = records.save(cm_ws, a_case(client_id=her.id, opened_on=date(2026, 6, 1)),
                         today=TODAY).record  # fmt: skip
    records.save(cm_ws, Goal(case_id=this.id, topic="wohnen", text="Wohnung in Siegburg",
                             due_on=date(2026, 9, 1)), today=TODAY)  # fmt: skip
    records.save(cm_ws, consultation(
        kind="cm", case_id=this.id, client_id=her.id, occurred_on=date(2026, 2, 3),
        notes="NOTIZBERATUNG", duration_min=45,
        referrals=(Referral("jc_afa", accompanied=True, recipient="Jobcenter Siegburg, Frau K."),),
    ), today=TODAY)  # fmt: skip
    records.save(cm_ws, consultation(kind="cm", case_id=other.id, client_id=her.id,
                                     occurred_on=date(2026, 7, 1), notes="ANDERERFALL"),
                 today=TODAY)  # fmt: skip
    return this


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_only_the_ticked_parts_are_printed(cm_ws, file, tmp_path):
    written = case_summary.write_case_summary(cm_ws, file.id, {"goals", "consultations"},
                                              tmp_path / "akte.pdf")  # fmt: skip
    assert written.parts == ("goals", "consultations") and written.pages == 1
    text = text_of(written.path)
    assert f"Fallübersicht F-{file.id[-8:]}" in text
    assert "Wohnen" in text and "Wohnung in Siegburg" in text  # the goal and its text
    assert "03.02.2026" in text and "45 Minuten" in text
    assert "Personalien nicht ausgewählt" in text
    for absent in ("Şükran", "Yılmaz", "0176 555 12", "NOTIZ", "Jobcenter Siegburg",
                   "ANDERERFALL", "01.07.2026", "schriftlich"):  # fmt: skip
        assert absent not in text, absent


def test_every_part_ticked_prints_the_whole_case(cm_ws, file, tmp_path):
    path = case_summary.write_case_summary(cm_ws, file.id, case_summary.PARTS,
                                           tmp_path / "akte.pdf").path  # fmt: skip
    text = text_of(path)
    for present in ("Şükran", "Yılmaz-Papier", "09.03.1988", "0176 555 12", "NOTIZPERSON",
                    "NOTIZFALL", "NOTIZBERATUNG", "Jobcenter Siegburg, Frau K.", "begleitet",
                    "schriftlich", "05.01.2026"):  # fmt: skip
        assert present in text, present
    assert "ANDERERFALL" not in text and "01.07.2026" not in text  # the client's other case
    [entry] = [a for a in privacy.audit_trail(cm_ws) if a.action == "summary"]
    assert entry.record_id == file.id and "Şükran" not in repr(entry)


def test_bad_requests_are_refused(cm_ws, file, tmp_path):
    with pytest.raises(KimdeskError, match="Unbekannte Teile"):
        case_summary.write_case_summary(cm_ws, file.id, {"goals", "secrets"}, tmp_path / "a.pdf")
    with pytest.raises(KimdeskError, match="PDF"):
        case_summary.write_case_summary(cm_ws, file.id, {"goals"}, tmp_path / "a.docx")
    (tmp_path / "brief.pdf").write_bytes(b"not ours")
    with pytest.raises(KimdeskError):  # an unrelated file is never replaced
        case_summary.write_case_summary(cm_ws, file.id, {"goals"}, tmp_path / "brief.pdf",
                                        force=True)  # fmt: skip
    assert (tmp_path / "brief.pdf").read_bytes() == b"not ours"
