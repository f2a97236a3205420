"""Erasure of personal data (on request and after a retention period), the audit trail,
wrong passphrases in the audit trail — never any content."""

from __future__ import annotations

from datetime import date

import pytest

from kimdesk.domain.entities import Case, Client, Consultation, Goal
from kimdesk.services import privacy, records, retention, sync
from kimdesk.services.cases import save_case
from kimdesk.services.statistics import make_filters, statistics
from kimdesk.services.workspace import open_workspace
from kimdesk.store.engine import WrongPassphrase
from tests.conftest import CM_PASS

CANARY = "Zzyzx-Canary-4711"


def person(ws, *, closed_on=None):
    saved = save_case(
        ws,
        Client(given_name=CANARY, family_name=f"{CANARY}-F", phone=f"0171 {CANARY}",
               notes=f"Notiz {CANARY}", birth_date=date(1980, 2, 1), gender="w", nationality="SY"),
        Case(client_id=None, municipality="05382068", program="kim", opened_on=date(2020, 1, 6),
             notes=f"Fall {CANARY}", legacy_ref=f"Akte {CANARY}", closed_on=closed_on,
             closure_reason="ziele_erreicht" if closed_on else None,
             phase="closed" if closed_on else "intake"),
    )  # fmt: skip
    records.save(ws, Goal(case_id=saved.case.id, topic="deutsch", text=f"Ziel {CANARY}"))
    records.save(ws, Consultation(occurred_on=date(2020, 3, 2), municipality="05382068",
                                  kind="cm", case_id=saved.case.id, client_id=saved.client.id,
                                  topics=("deutsch",), notes=f"Beratung {CANARY}"))  # fmt: skip
    return saved


def everything_local(ws) -> str:
    from tests.integration.sync_helpers import dump

    return repr(dump(ws))


def test_erasure_empties_personal_data_keeps_the_figures_and_travels(cm_ws, tmp_path):
    saved = person(cm_ws)
    before = statistics(cm_ws, make_filters(cm_ws))
    assert CANARY in everything_local(cm_ws)
    sync.export_bundle(cm_ws, tmp_path / "1.kimb")

    erased = privacy.erase_client(cm_ws, saved.client.id)
    assert erased.records == 4  # client, case, goal, consultation
    assert CANARY not in everything_local(cm_ws)
    client = records.load(cm_ws, Client, saved.client.id)
    assert client.given_name is None and client.birth_date is None
    assert (client.gender, client.nationality, client.version) == ("w", "SY", 2)
    assert client.age_group == "27-44" or client.age_group == "45-64"  # the group stays
    after = statistics(cm_ws, make_filters(cm_ws))
    for key in ("consultations", "referrals", "topics", "cases"):
        assert after[key] == before[key]
    # The erasure is a change: the next bundle carries the new versions.
    result = sync.export_bundle(cm_ws, tmp_path / "2.kimb")
    assert {k: n for k, n in result.counts.items() if n} == {
        "client": 1, "case": 1, "goal": 1, "consultation": 1}  # fmt: skip
    [entry] = [a for a in privacy.audit_trail(cm_ws) if a.action == "erase"]
    assert entry.record_id == saved.client.id and CANARY not in repr(entry)


def test_a_retention_period_erases_only_long_closed_cases(cm_ws):
    old = person(cm_ws, closed_on=date(2021, 5, 31))
    running = person(cm_ws)
    records.save(cm_ws, Consultation(occurred_on=date(2026, 1, 5), municipality="05382068",
                                     kind="cm", case_id=running.case.id,
                                     client_id=running.client.id, topics=("deutsch",)))  # fmt: skip
    today = date(2026, 11, 24)
    assert [e.client_id for e in retention.due_erasures(cm_ws, today)] == [old.client.id]
    retention.erase_all_due(cm_ws, today=today)
    assert records.load(cm_ws, Client, old.client.id).given_name is None
    assert records.load(cm_ws, Client, running.client.id).given_name == CANARY
    assert retention.due_erasures(cm_ws, today) == []


def test_the_audit_trail_exports_without_contents(cm_ws, tmp_path):
    person(cm_ws)
    path = privacy.write_audit_csv(cm_ws, tmp_path / "eingabekontrolle.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Zeitpunkt;Aktion;Art;Datensatz;Hinweis"
    assert "angelegt" in text and CANARY not in text


def test_wrong_passphrases_are_counted_in_the_audit_trail(cm_file):
    data = cm_file.read_bytes()
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            open_workspace(cm_file, "falsche passphrase", sleep=lambda s: None)
    assert cm_file.read_bytes() == data  # byte-identical after wrong attempts
    with open_workspace(cm_file, CM_PASS, sleep=lambda s: None) as ws:
        [entry] = [a for a in privacy.audit_trail(ws) if a.action == "unlock_failed"]
    assert entry.detail == "2 Fehlversuche" and "falsche" not in repr(entry)
