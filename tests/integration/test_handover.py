"""Case handover (issue 18) over real files: CM-07 Troisdorf hands a client's cases to CM-11
Siegburg by way of the office, which cannot read them. The receiver takes client, cases, goals
and notes; the sender's personal data go once the receiver has confirmed; the office's
statistics stay as they were; the client's canary strings appear in no file the office holds
or writes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, update

from kimdesk.domain.entities import Case, Client, Goal
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import handovers, privacy, records, replies, statistics, sync
from kimdesk.store.models import Base, DirectoryEntry, HandoverIn
from kimdesk.store.owners import owners
from kimdesk.sync import container, wire
from kimdesk.sync.identity import KeyPairs
from kimdesk.sync.reasons import Reason

from .sync_helpers import a_case, a_client, add, consultation, dump, rows

SENDER, RECEIVER = "CM-07 Troisdorf", "CM-11 Siegburg"
CANARY = "Qxzanaria"  # in every personal field of the client handed over


def stats(office) -> dict:
    report = statistics.statistics(office, statistics.make_filters(office))
    for bookkeeping in ("generated_at", "sources"):  # which bundles came when
        report.pop(bookkeeping, None)
    return report


def round_trip(office, devices, stick) -> None:
    """Every device writes a bundle, the office merges them all and answers every device."""
    paths = [r.path for r in (sync.export_bundle(ws, stick) for ws in devices) if r.path]
    for report in sync.merge_bundles(office, paths).bundles:
        assert report.status == "imported", report.reason
    folder = stick / f"answers-{len(list(stick.iterdir()))}"
    folder.mkdir()
    written = replies.write_replies(office, folder).written
    by_name = {w.device: w.path for w in written}
    for ws in devices:
        if ws.installation.name in by_name:
            [got] = replies.receive_replies(ws, [by_name[ws.installation.name]]).replies
            assert got.status == "received", got.reason


def a_case_file(cm) -> tuple[Client, list[Case], Goal]:
    """A client with personal data (the canary), two cases, a goal and a consultation."""
    client = replace(a_client(), family_name=f"{CANARY}-Name", given_name=f"{CANARY}-Vorname",
                     birth_date=date(1990, 5, 17), phone="0170 4711",
                     file_numbers=f"AZ-{CANARY}, 50-1234", notes=f"{CANARY} Notiz zur Person")  # fmt: skip
    [client] = add(cm, client)
    first, second = add(cm, a_case(client_id=client.id, notes=f"{CANARY} Fallnotiz"),
                        a_case(client_id=client.id, opened_on=date(2024, 2, 1)))  # fmt: skip
    [goal] = add(cm, Goal(case_id=first.id, topic="wohnen", text=f"{CANARY} Ziel"))
    add(cm, consultation(case_id=first.id, client_id=client.id, notes=f"{CANARY} Beratung"))
    return client, [first, second], goal


@pytest.fixture
def county(cm_ws, cm2_ws, enrolled_office_ws, stick):
    """Both devices have sent a bundle and know the directory of the county's devices."""
    add(cm_ws, a_case(municipality="05382060"))  # another client's case stays with the sender
    add(cm2_ws, consultation())
    round_trip(enrolled_office_ws, [cm_ws, cm2_ws], stick)
    return enrolled_office_ws


def personal(cm, client_id: str) -> dict:
    client = rows(cm, "client")[client_id]
    return {k: client[k] for k in ("family_name", "given_name", "birth_date", "phone",
                                   "file_numbers", "notes")}  # fmt: skip


def test_one_case_goes_from_one_device_to_another(cm_ws, cm2_ws, county, stick):
    office = county
    client, cases, goal = a_case_file(cm_ws)
    round_trip(office, [cm_ws, cm2_ws], stick)
    before = stats(office)

    # The reference may be the Aktenzeichen; the client's other case goes along.
    assert handovers.find_cases(cm_ws, "50-1234") == sorted(c.id for c in cases)
    assert handovers.find_cases(cm_ws, cases[1].id) == [cases[1].id]
    written = handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[1].id])
    assert (written.cases, written.clients, written.records) == (2, 1, 4)
    with pytest.raises(KimdeskError, match="übergeben"):  # the sender's hands are off
        records.save(cm_ws, replace(records.load(cm_ws, Case, cases[0].id), phase="monitoring"))
    with pytest.raises(KimdeskError, match="übergeben"):
        privacy.erase_client(cm_ws, client.id)
    with pytest.raises(KimdeskError, match="schon übergeben"):
        handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])

    # The sender's bundle carries the package; the office stores it unopened and records the
    # receiver as the owner of the case file.
    carried = sync.export_bundle(cm_ws, stick)
    assert "1 Fallübergabe" in carried.message
    [report] = sync.merge_bundles(office, [carried.path]).bundles
    assert report.status == "imported", report.reason
    assert any("Fallübergabe von CM-07 Troisdorf an CM-11 Siegburg (2 Fälle)" in w
               for w in report.warnings)  # fmt: skip
    with office.store.connect() as conn:
        owned = owners(conn, [client.id, goal.id, *(c.id for c in cases)])
    assert set(owned.values()) == {cm2_ws.installation.id} and len(owned) == 4
    assert stats(office) == before

    # The receiver takes it with its reply.
    answers = stick / "answers"
    answers.mkdir()
    written = {w.device: w for w in replies.write_replies(office, answers).written}
    assert written[RECEIVER].handovers == 1
    [got] = replies.receive_replies(cm2_ws, [written[RECEIVER].path]).replies
    assert got.status == "received", got.reason
    summary = got.as_json()
    assert summary["handovers"] == [{"handover_id": carried_id(cm_ws), "direction": "taken",
                                     "device": SENDER, "cases": 2, "records": 4}]  # fmt: skip
    assert summary["records"]["created"] == 4
    assert personal(cm2_ws, client.id)["family_name"] == f"{CANARY}-Name"
    assert rows(cm2_ws, "goal")[goal.id]["text"] == f"{CANARY} Ziel"
    again = replies.receive_replies(cm2_ws, [written[RECEIVER].path]).replies[0]
    assert again.status == "already_received"

    # The receiver works on: a note (local) and the phase; its bundle confirms the handover.
    case = records.load(cm2_ws, Case, cases[0].id)
    records.save(cm2_ws, replace(case, notes="übernommen", phase="monitoring"))
    confirm = sync.export_bundle(cm2_ws, stick)
    assert "1 übernommene Übergabe bestätigt" in confirm.message
    [report] = sync.merge_bundles(office, [confirm.path]).bundles
    assert report.status == "imported", report.reason
    assert (report.counts["updated"], report.counts["conflicts"]) == (1, 0)
    assert any("hat die Fallübergabe von CM-07 Troisdorf übernommen" in w for w in report.warnings)
    confirmed = stats(office)

    # The sender's next reply completes it: its copy of the personal data is gone, its
    # consultation stays and counts for it.
    later = stick / "later"
    later.mkdir()
    written = {w.device: w for w in replies.write_replies(office, later).written}
    [done] = replies.receive_replies(cm_ws, [written[SENDER].path]).replies
    assert done.status == "received", done.reason
    assert [item["direction"] for item in done.handovers.items] == ["completed"]
    assert set(personal(cm_ws, client.id).values()) == {None}
    assert rows(cm_ws, "case")[cases[0].id]["notes"] is None
    assert rows(cm_ws, "goal")[goal.id]["text"] is None
    [visit] = [v for v in rows(cm_ws, "consultation").values() if v["case_id"] == cases[0].id]
    assert visit["notes"] is None and not visit["deleted"]
    assert not any(CANARY in str(v) for table in dump(cm_ws).values() for row in table for v in row)
    assert sync.export_bundle(cm_ws, stick).path is None  # the erasure does not travel

    assert stats(office) == confirmed


def carried_id(cm) -> str:
    [line] = handovers.overview(cm)
    return line.handover_id


def test_the_office_never_holds_the_clients_data(cm_ws, cm2_ws, county, stick):
    """The canary strings of the handed-over client are in no table of the office, no
    reply's or bundle's plaintext outside the sealed package."""
    office = county
    _client, cases, _goal = a_case_file(cm_ws)
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    carried = sync.export_bundle(cm_ws, stick)
    sync.merge_bundles(office, [carried.path])
    answers = stick / "answers"
    answers.mkdir()
    written = replies.write_replies(office, answers).written
    data = carried.path.read_bytes()
    header = container.read_header(data)
    plain = container.open_payload(data, header, office.installation.agreement_key)
    manifest, offset = wire.read_manifest(plain)
    assert manifest.version == 5 and len(manifest.handovers) == 1
    assert CANARY.encode() not in b"".join(wire._lines(plain, offset, wire.MAX_HANDOVER_LINE))
    for w in written:
        device = cm2_ws if w.device == RECEIVER else cm_ws
        reply = w.path.read_bytes()
        text = container.open_payload(reply, container.read_header(reply, container.REPLY),
                                      device.installation.agreement_key, container.REPLY)  # fmt: skip
        assert CANARY.encode() not in text
    office_rows = dump(office)
    assert not any(CANARY in str(v) for table in office_rows.values() for row in table for v in row)
    report = json.dumps(stats(office), default=str)
    assert CANARY not in report


def test_a_whole_laptop_goes_to_its_replacement(cm_ws, cm2_ws, county, stick):
    office = county
    client, cases, goal = a_case_file(cm_ws)
    round_trip(office, [cm_ws, cm2_ws], stick)
    before = stats(office)
    written = handovers.hand_over(cm_ws, to=cm2_ws.installation.id, every=True)
    sender_cases = {i for i, r in rows(cm_ws, "case").items() if not r["deleted"]}
    assert written.cases == len(sender_cases) == 3
    round_trip(office, [cm_ws, cm2_ws], stick)  # the package to the office and on
    round_trip(office, [cm_ws, cm2_ws], stick)  # the confirmation, then the completion
    assert sender_cases <= set(rows(cm2_ws, "case"))
    assert set(personal(cm_ws, client.id).values()) == {None}
    assert personal(cm2_ws, client.id)["given_name"] == f"{CANARY}-Vorname"
    [out] = handovers.overview(cm_ws)
    assert out.state == "completed"
    [taken] = handovers.overview(cm2_ws)
    assert (taken.direction, taken.device, taken.cases) == ("in", SENDER, 3)
    assert stats(office) == before


def test_a_case_that_is_not_the_senders_is_refused(cm_ws, cm2_ws, county, stick):
    """An enrolled device may hand over only what the office holds as its own: a case of
    another device (here: one it wrote with the other's id) is refused, the store unchanged."""
    office = county
    [theirs] = add(cm2_ws, a_case())
    round_trip(office, [cm2_ws], stick)
    add(cm_ws, replace(theirs, origin=None, version=0))  # a copy under the same id
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[theirs.id])
    carried = sync.export_bundle(cm_ws, stick)
    before = dump(office)
    [report] = sync.merge_bundles(office, [carried.path]).bundles
    assert (report.status, report.reason_code) == ("rejected", Reason.HANDOVER_INVALID)
    assert "nicht diesem Gerät gehören" in report.reason
    assert dump(office) == before


def test_a_package_altered_at_the_office_refuses_the_reply(cm_ws, cm2_ws, county, stick):
    office = county
    _client, cases, _goal = a_case_file(cm_ws)
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path])
    table = HandoverIn.__table__
    with office.store.begin() as conn:
        package = bytearray(conn.execute(select(table.c.package)).scalar())
        package[200] ^= 1
        conn.execute(update(table).values(package=bytes(package)))
    answers = stick / "answers"
    answers.mkdir()
    [written] = replies.write_replies(office, answers, device=RECEIVER).written
    before = dump(cm2_ws)
    [got] = replies.receive_replies(cm2_ws, [written.path]).replies
    assert (got.status, got.reason_code) == ("rejected", Reason.BAD_SIGNATURE.value)
    assert "Fallübergabe" in got.reason
    assert dump(cm2_ws) == before


def test_a_package_for_a_key_the_receiver_does_not_hold(cm_ws, cm2_ws, county, stick):
    """A directory that named another key for the receiver (an office that lied): the
    receiver cannot open the package and refuses the reply, its store unchanged."""
    office = county
    _client, cases, _goal = a_case_file(cm_ws)
    table = DirectoryEntry.__table__
    with cm_ws.store.begin() as conn:
        conn.execute(update(table).where(table.c.name == RECEIVER)
                     .values(agreement_key=KeyPairs.generate().public_agreement()))  # fmt: skip
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path])
    answers = stick / "answers"
    answers.mkdir()
    [written] = replies.write_replies(office, answers, device=RECEIVER).written
    before = dump(cm2_ws)
    [got] = replies.receive_replies(cm2_ws, [written.path]).replies
    assert (got.status, got.reason_code) == ("rejected", Reason.UNDECRYPTABLE.value)
    assert dump(cm2_ws) == before


def test_the_former_owners_later_versions_do_not_count(cm_ws, cm2_ws, county, stick):
    """After the office recorded the handover, a version the sender still wrote (around its
    service) is a conflict for the coordinator, and the stored version stays."""
    from kimdesk.store.records import save_record

    office = county
    _client, cases, _goal = a_case_file(cm_ws)
    round_trip(office, [cm_ws, cm2_ws], stick)
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path])
    case = records.load(cm_ws, Case, cases[0].id)
    with cm_ws.store.begin() as conn:
        save_record(conn, replace(case, phase="evaluation"), origin=cm_ws.installation.id)
    [report] = sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path]).bundles
    assert report.status == "imported" and report.counts["conflicts"] == 1
    assert rows(office, "case")[cases[0].id]["phase"] == cases[0].phase


def test_a_handover_needs_a_device_of_the_directory(cm_ws, county):
    with pytest.raises(KimdeskError, match="gibt es nicht"):
        handovers.hand_over(cm_ws, to="CM-99 Nirgendwo", every=True)
    with pytest.raises(KimdeskError, match="selbst"):
        handovers.hand_over(cm_ws, to=SENDER, every=True)
    with pytest.raises(KimdeskError, match="gibt es auf diesem Gerät nicht"):
        handovers.find_cases(cm_ws, "AZ-unbekannt")
    assert all(not t for t in dump(cm_ws)["handover_out"])


def test_the_cli_hands_over_and_receives(cli, cm_ws, cm2_ws, county, stick):
    from ..conftest import CM_PASS

    _client, cases, _goal = a_case_file(cm_ws)
    path = str(cm_ws.path)
    code, out, err = cli("handover", "--store", path, "--case", f"AZ-{CANARY}",
                         "--to", RECEIVER, "--json", passphrase=CM_PASS)  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["cases"] == 2 and CANARY not in out
    code, out, err = cli("handover", "--store", path, "--case", "nichts", "--to", RECEIVER,
                         passphrase=CM_PASS)  # fmt: skip
    assert code != 0 and "gibt es auf diesem Gerät nicht" in err


assert Base  # the dump covers every table of the models, the handover tables included


def test_a_package_with_records_of_a_third_party_is_left_with_a_warning(cm_ws, cm2_ws, county,
                                                                        stick):  # fmt: skip
    """The sender's signature holds, the office's checks pass, but a record inside claims
    another installation's origin: the receiver leaves the package, says so and applies the
    rest of the reply."""
    import hashlib

    from kimdesk.domain.ids import uuid7
    from kimdesk.store.models import HandoverOut
    from kimdesk.sync.handover import read_package, seal_package

    office = county
    _client, cases, _goal = a_case_file(cm_ws)
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    table = HandoverOut.__table__
    [receiver] = handovers.directory(cm_ws)
    with cm_ws.store.begin() as conn:
        sealed = conn.execute(select(table.c.package)).scalar()
        header = container.read_header(sealed, container.HANDOVER)
        plain = container.open_payload(sealed, header, cm2_ws.installation.agreement_key,
                                       container.HANDOVER)  # fmt: skip
        package = read_package(plain)
        forged = tuple((kind, {**r, "origin": uuid7()} if kind == "goal" else r)
                       for kind, r in package.records)  # fmt: skip
        resealed = seal_package(replace(package, records=forged), signer_name=SENDER,
                                signing_key=cm_ws.installation.signing_key,
                                receiver_key=receiver.agreement_key)  # fmt: skip
        conn.execute(update(table).values(package=resealed, length=len(resealed),
                                          sha256=hashlib.sha256(resealed).hexdigest()))  # fmt: skip
    [report] = sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path]).bundles
    assert report.status == "imported", report.reason
    answers = stick / "answers"
    answers.mkdir()
    [written] = replies.write_replies(office, answers, device=RECEIVER).written
    [got] = replies.receive_replies(cm2_ws, [written.path]).replies
    assert got.status == "received" and got.handovers.items == []
    assert any("weder vom übergebenden Gerät noch von der Kreisstelle" in w for w in got.warnings)
    assert cases[0].id not in rows(cm2_ws, "case")
