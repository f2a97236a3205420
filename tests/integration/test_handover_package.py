"""The case handover package (issue 18): a case file with its personal data, signed by the
sending device and encrypted to the receiving one. The office that forwards it cannot read it;
a change on the way, another receiver, an unknown sender or an incomplete file is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from kimdesk.domain.entities import Case, Client, Goal
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.store.records import TABLES, save_record
from kimdesk.sync import container
from kimdesk.sync.handover import FULL_FIELDS, Package, open_package, read_package, seal_package
from kimdesk.sync.identity import KeyPairs, x25519_public
from kimdesk.sync.reasons import BundleRejected

CANARY = "Kanarienvogel-Übergabe-4711"


def public_signing(ws) -> bytes:
    return KeyPairs(ws.installation.signing_key, None).public_signing()


def case_file(cm) -> Package:
    """A client with personal data, her case with notes and two goals, as the store has them."""
    client = Client(gender="w", nationality="SY", given_name=CANARY, family_name="Haddad",
                    birth_date=date(1988, 4, 1), phone="0151 000", notes=f"Notiz {CANARY}")  # fmt: skip
    case = Case(client_id=client.id, municipality="05382068", program="kim",
                opened_on=date(2026, 1, 5), phase="planning", notes="Wohnungssuche")  # fmt: skip
    goals = [Goal(case_id=case.id, topic="wohnen", status="open", text=f"Ziel {CANARY}"),
             Goal(case_id=case.id, topic="deutsch", status="partial")]  # fmt: skip
    origin = cm.installation.id
    rows = []
    with cm.store.begin() as conn:
        for record in (client, case, *goals):
            save_record(conn, record, origin=origin)
        for kind, ids in (("client", [client.id]), ("case", [case.id]),
                          ("goal", sorted(g.id for g in goals))):  # fmt: skip
            table = TABLES[kind]
            for row in conn.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id)):
                rows.append((kind, dict(row._mapping)))
    return Package(str(uuid7()), origin, "", utc_now(), (case.id,), tuple(rows))


def sealed(cm, receiver, package: Package) -> bytes:
    return seal_package(replace(package, receiver_id=receiver.installation.id),
                        signer_name=cm.installation.name, signing_key=cm.installation.signing_key,
                        receiver_key=x25519_public(receiver.installation.agreement_key))  # fmt: skip


def test_a_case_file_reaches_its_receiver_whole(cm_ws, cm2_ws):
    package = case_file(cm_ws)
    data = sealed(cm_ws, cm2_ws, package)
    assert data[:8] == b"KIMH\r\n\x1a\n" and CANARY.encode() not in data
    opened = open_package(data, receiver_id=cm2_ws.installation.id,
                          agreement_key=cm2_ws.installation.agreement_key,
                          senders={cm_ws.installation.id: public_signing(cm_ws)})  # fmt: skip
    assert opened.cases == package.cases and opened.sender_id == cm_ws.installation.id
    sent = {(k, r["id"]): r for k, r in package.records}
    got = {(k, r["id"]): r for k, r in opened.records}
    assert got.keys() == sent.keys()
    for key, row in sent.items():  # every field, local ones included, as stored
        assert {f.name: row[f.name] for f in FULL_FIELDS[key[0]]} == got[key], key
    [client] = [r for k, r in opened.records if k == "client"]
    assert (client["given_name"], client["birth_date"]) == (CANARY, date(1988, 4, 1))


def test_the_office_cannot_read_a_package_it_forwards(cm_ws, cm2_ws, office_ws):
    data = sealed(cm_ws, cm2_ws, case_file(cm_ws))
    header = container.read_header(data, container.HANDOVER)
    with pytest.raises(BundleRejected):
        container.open_payload(data, header, office_ws.installation.agreement_key,
                               container.HANDOVER)  # fmt: skip


@pytest.mark.parametrize(
    "fault, code",
    [
        ("altered on the way", "bad_signature"),
        ("another receiver", "wrong_recipient"),
        ("unknown sender", "unknown_signer"),
        ("a bundle", "not_a_bundle"),
    ],
)
def test_a_bad_package_is_refused(cm_ws, cm2_ws, office_ws, fault, code):
    data = sealed(cm_ws, cm2_ws, case_file(cm_ws))
    receiver, senders = cm2_ws, {cm_ws.installation.id: public_signing(cm_ws)}
    if fault == "altered on the way":
        data = data[:300] + bytes([data[300] ^ 1]) + data[301:]
    elif fault == "another receiver":
        receiver = office_ws
    elif fault == "unknown sender":
        senders = {}
    else:
        data = b"KIMB" + data[4:]
    with pytest.raises(BundleRejected) as refused:
        open_package(data, receiver_id=receiver.installation.id,
                     agreement_key=receiver.installation.agreement_key, senders=senders)  # fmt: skip
    assert refused.value.code.value == code


@pytest.mark.parametrize(
    "fault",
    ["no client", "a foreign goal", "twice", "a future format", "a NUL", "an empty client id",
     "a deleted case"],
)  # fmt: skip
def test_an_incomplete_or_strange_case_file_is_refused(cm_ws, fault):
    package = case_file(cm_ws)
    records = list(package.records)
    if fault == "no client":
        records = [(k, r) for k, r in records if k != "client"]
    elif fault == "a foreign goal":
        kind, goal = next((k, r) for k, r in records if k == "goal")
        records.append((kind, {**goal, "id": str(uuid7()), "case_id": str(uuid7())}))
    elif fault == "twice":
        records.append(records[0])
    elif fault in ("a NUL", "an empty client id", "a deleted case"):
        kind, case = next((k, r) for k, r in records if k == "case")
        changed = {"a NUL": {"notes": "Notiz\x00"}, "an empty client id": {"client_id": ""},
                   "a deleted case": {"deleted": True}}[fault]  # fmt: skip
        records = [(k, {**r, **changed} if r is case else r) for k, r in records]
    plaintext = replace(package, receiver_id=str(uuid7()), records=tuple(records)).to_bytes()
    if fault == "a future format":
        plaintext = plaintext.replace(b'"version":1}', b'"version":2}')
    with pytest.raises(BundleRejected, match="Übergabe"):
        read_package(plaintext)
