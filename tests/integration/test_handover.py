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
from kimdesk.services import cases as cases_service
from kimdesk.services import handovers, privacy, records, replies, statistics, sync
from kimdesk.store.models import Base, DirectoryEntry, HandoverIn
from kimdesk.store.owners import owners
from kimdesk.sync import container, wire
from kimdesk.sync.identity import KeyPairs
from kimdesk.sync.reasons import Reason

from .sync_helpers import a_case, a_client, add, consultation, dump, remove, rows

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
    # Deleted records keep their personal data until erased: a case and a goal of the client.
    [gone_case] = add(cm_ws, a_case(client_id=client.id, notes=f"{CANARY} gelöschter Fall"))
    [gone_goal] = add(cm_ws, Goal(case_id=cases[0].id, topic="arbeit", text=f"{CANARY} weg"))
    remove(cm_ws, Case, gone_case.id)
    remove(cm_ws, Goal, gone_goal.id)
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
    with pytest.raises(KimdeskError, match="übergeben"):  # the case screen's save
        cases_service.save_case(cm_ws, replace(client, family_name="Neu"), cases[0])
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
    assert privacy.erase_client(cm_ws, client.id).records == 0  # nothing left to erase

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
    assert manifest.version == wire.MANIFEST_VERSION and len(manifest.handovers) == 1
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


def test_a_package_other_than_its_list_is_left_with_a_warning(cm_ws, cm2_ws, county, stick):
    """The sender's signature holds and the office's checks of the listed records pass, but
    the sealed package holds another version than listed: the receiver leaves the package,
    says so and applies the rest of the reply."""
    import hashlib

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
        forged = tuple((kind, {**r, "version": r["version"] + 1} if kind == "goal" else r)
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
    assert any("andere Datensätze, als die Kreisstelle geprüft hat" in w for w in got.warnings)
    assert cases[0].id not in rows(cm2_ws, "case")


def test_a_former_owner_cannot_plant_data_in_a_client_it_handed_over(cm_ws, cm2_ws, county,
                                                                      stick):  # fmt: skip
    """After handing a client over, the sender forges a second handover: its own new case,
    but inside the package the case points to the handed-over client, one version up, with
    planted data, and its list names that client. The office refuses the bundle: the client
    is not part of that case at the office. The receiver's client stays as taken."""
    import hashlib

    from kimdesk.domain.ids import utc_now
    from kimdesk.store.models import HandoverOut
    from kimdesk.store.records import TABLES
    from kimdesk.sync.handover import FULL_FIELDS, Package, seal_package

    office = county
    client, cases, _goal = a_case_file(cm_ws)
    round_trip(office, [cm_ws, cm2_ws], stick)
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    for _ in range(3):  # package, confirmation, completion
        round_trip(office, [cm_ws, cm2_ws], stick)
    taken = personal(cm2_ws, client.id)
    [own_client] = add(cm_ws, a_client())
    [own_case] = add(cm_ws, a_case(client_id=own_client.id))
    round_trip(office, [cm_ws, cm2_ws], stick)
    written = handovers.hand_over(cm_ws, to=RECEIVER, cases=[own_case.id])

    def full(kind, record_id):
        table = TABLES[kind]
        with cm2_ws.store.connect() as conn:  # the receiver's copy, as the forger knew it
            return dict(conn.execute(select(*[table.c[f.name] for f in FULL_FIELDS[kind]])
                                     .where(table.c.id == record_id)).mappings().one())  # fmt: skip

    planted = full("client", client.id) | {"family_name": "GEFÄLSCHT"}
    planted["version"] += 1
    with cm_ws.store.connect() as conn:
        table = TABLES["case"]
        case = dict(conn.execute(select(*[table.c[f.name] for f in FULL_FIELDS["case"]])
                                 .where(table.c.id == own_case.id)).mappings().one())  # fmt: skip
    case["client_id"] = client.id
    [receiver] = handovers.directory(cm_ws)
    package = Package(written.handover_id, cm_ws.installation.id, receiver.installation_id,
                      utc_now(), (own_case.id,), (("client", planted), ("case", case)))  # fmt: skip
    sealed = seal_package(package, signer_name=SENDER, signing_key=cm_ws.installation.signing_key,
                          receiver_key=receiver.agreement_key)  # fmt: skip
    out = HandoverOut.__table__
    with cm_ws.store.begin() as conn:
        conn.execute(update(out).where(out.c.handover_id == written.handover_id).values(
            package=sealed, length=len(sealed), sha256=hashlib.sha256(sealed).hexdigest(),
            contents=json.dumps(package.listed)))  # fmt: skip
    before = dump(office)
    [report] = sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path]).bundles
    assert (report.status, report.reason_code) == ("rejected", Reason.HANDOVER_INVALID)
    assert "nicht zu ihren Fällen" in report.reason
    assert dump(office) == before
    assert personal(cm2_ws, client.id) == taken


def test_more_handovers_than_one_bundle_holds_go_with_the_next(cm_ws, cm2_ws, county, stick):
    """A manifest names at most 200 packages: the rest wait for the next bundle, which
    carries those never sent first."""
    from kimdesk.sync import wire as wire_format

    office = county
    made = [add(cm_ws, a_client())[0] for _ in range(wire_format.MAX_HANDOVERS + 1)]
    case_ids = [add(cm_ws, a_case(client_id=c.id))[0].id for c in made]
    round_trip(office, [cm_ws], stick)
    for case_id in case_ids:
        handovers.hand_over(cm_ws, to=RECEIVER, cases=[case_id])
    first = sync.export_bundle(cm_ws, stick)
    second = sync.export_bundle(cm_ws, stick)
    assert first.handovers == wire_format.MAX_HANDOVERS == second.handovers
    reports = sync.merge_bundles(office, [first.path, second.path]).bundles
    assert [r.status for r in reports] == ["imported", "imported"], reports[0].reason
    assert len(dump(office)["handover_in"]) == wire_format.MAX_HANDOVERS + 1


def test_a_legacy_list_cannot_add_to_a_case_handed_over(cm_ws, cm2_ws, county, stick, tmp_path):
    """A later Excel list with rows for a case handed over is refused whole, naming no
    reference (a list's case reference may name a person), and nothing is written."""
    from kimdesk.services.legacy_import import import_legacy

    from .test_legacy_import import csv_bytes, write

    header = ["Datum", "Kommune", "Art", "Fall", "Themen"]
    first = [header, ["10.03.2023", "Troisdorf", "CM", "F-1", "wohnen"]]
    import_legacy(cm_ws, write(tmp_path, "q1.csv", csv_bytes(first)), today=date(2023, 6, 1))
    [case_id] = handovers.find_cases(cm_ws, "F-1")
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[case_id])
    before = dump(cm_ws)
    second = [header, ["12.04.2023", "Troisdorf", "CM", "F-1", "deutsch"]]
    with pytest.raises(KimdeskError, match="an ein anderes Gerät übergeben") as refused:
        import_legacy(cm_ws, write(tmp_path, "q2.csv", csv_bytes(second)), today=date(2023, 6, 1))
    assert "F-1" not in str(refused.value)
    assert dump(cm_ws) == before


def test_a_case_comes_back_to_the_device_that_handed_it_over(cm_ws, cm2_ws, county, stick):
    """Troisdorf → Siegburg → Troisdorf: the case returns with its personal data, replaces
    the erased copy and is Troisdorf's to change again; the office's owner follows."""
    office = county
    client, cases, _goal = a_case_file(cm_ws)
    round_trip(office, [cm_ws, cm2_ws], stick)
    handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    for _ in range(3):
        round_trip(office, [cm_ws, cm2_ws], stick)
    assert personal(cm_ws, client.id)["family_name"] is None
    handovers.hand_over(cm2_ws, to=SENDER, cases=[cases[0].id])
    for _ in range(3):
        round_trip(office, [cm_ws, cm2_ws], stick)
    assert personal(cm_ws, client.id)["family_name"] == f"{CANARY}-Name"
    assert personal(cm2_ws, client.id)["family_name"] is None
    case = records.load(cm_ws, Case, cases[0].id)
    records.save(cm_ws, replace(case, phase="monitoring"))  # Troisdorf's again
    [report] = sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path]).bundles
    assert (report.status, report.counts["updated"], report.counts["conflicts"]) == (
        "imported", 1, 0,
    )  # fmt: skip
    with office.store.connect() as conn:
        assert set(owners(conn, [client.id, cases[0].id]).values()) == {cm_ws.installation.id}


def test_only_the_receiver_confirms_a_handover(cm_ws, cm2_ws, county, stick):
    """A device that confirms a handover not addressed to it (here: the sender itself) has
    its bundle refused; one the office does not know (a restored office) is only named."""
    from kimdesk.domain.ids import utc_now, uuid7
    from kimdesk.store.models import HandoverTaken

    office = county
    _client, cases, _goal = a_case_file(cm_ws)
    written = handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
    sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path])
    table = HandoverTaken.__table__
    row = {"sender_id": cm2_ws.installation.id, "sender_name": RECEIVER, "taken_at": utc_now(),
           "cases": "[]", "records": 0}  # fmt: skip
    with cm_ws.store.begin() as conn:
        conn.execute(table.insert().values(handover_id=written.handover_id, **row))
    before = dump(office)
    [report] = sync.merge_bundles(office, [sync.export_bundle(cm_ws, stick).path]).bundles
    assert (report.status, report.reason_code) == ("rejected", Reason.HANDOVER_INVALID)
    assert dump(office) == before
    with cm2_ws.store.begin() as conn:
        conn.execute(table.insert().values(handover_id=uuid7(), **row))
    [report] = sync.merge_bundles(office, [sync.export_bundle(cm2_ws, stick).path]).bundles
    assert report.status == "imported", report.reason
    assert any("die die Kreisstelle nicht kennt" in w for w in report.warnings)


def test_a_handover_through_an_office_on_the_server(cm_ws, cm2_ws, office_file, templates,
                                                    pg_url, stick):  # fmt: skip
    """The same way with the office's store on a real PostgreSQL server."""
    from kimdesk.services.server import move_to_server
    from kimdesk.services.workspace import open_workspace

    from ..conftest import OFFICE_PASS

    with open_workspace(office_file, OFFICE_PASS) as ws:
        sync.enroll(ws, templates / "cm.json")
        sync.enroll(ws, templates / "cm2.json")
        move_to_server(ws, pg_url, OFFICE_PASS)
    with open_workspace(pg_url, OFFICE_PASS) as office:
        add(cm2_ws, consultation())
        client, cases, _goal = a_case_file(cm_ws)
        round_trip(office, [cm_ws, cm2_ws], stick)
        before = stats(office)
        handovers.hand_over(cm_ws, to=RECEIVER, cases=[cases[0].id])
        for _ in range(3):
            round_trip(office, [cm_ws, cm2_ws], stick)
        assert personal(cm2_ws, client.id)["family_name"] == f"{CANARY}-Name"
        assert set(personal(cm_ws, client.id).values()) == {None}
        assert stats(office) == before
        office_rows = dump(office)
        assert not any(CANARY in str(v) for t in office_rows.values() for r in t for v in r)
        assert [r.taken_at is not None for r in office_rows["handover_in"]] == [True]


def test_references_name_one_client_or_are_refused(cm_ws, enrolled_office_ws):
    """An Aktenzeichen is matched whole (several per client, separated by comma or
    semicolon); one word shared by two clients' Aktenzeichen hands over nobody."""
    [first] = add(cm_ws, replace(a_client(), file_numbers="AZ 50/1234; SGB-7"))
    [second] = add(cm_ws, replace(a_client(), file_numbers="AZ 50/9999"))
    [case] = add(cm_ws, a_case(client_id=first.id))
    add(cm_ws, a_case(client_id=second.id))
    assert handovers.find_cases(cm_ws, "az  50/1234") == [case.id]
    assert handovers.find_cases(cm_ws, "SGB-7") == [case.id]
    with pytest.raises(KimdeskError, match="gibt es auf diesem Gerät nicht"):
        handovers.find_cases(cm_ws, "AZ")
    [twin] = add(cm_ws, replace(a_client(), file_numbers="SGB-7"))
    add(cm_ws, a_case(client_id=twin.id))
    with pytest.raises(KimdeskError, match="passt zu Fällen von 2 Klient:innen"):
        handovers.find_cases(cm_ws, "SGB-7")
    with pytest.raises(KimdeskError, match="nur im Speicher eines Case-Managements"):
        handovers.find_cases(enrolled_office_ws, "AZ 50/1234")


def test_a_file_given_to_the_wrong_command_says_what_it_is(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    add(cm_ws, consultation())
    sent = sync.export_bundle(cm_ws, stick).path
    sync.merge_bundles(office, [sent])
    answers = stick / "answers"
    answers.mkdir()
    [written] = replies.write_replies(office, answers, device=SENDER).written
    [got] = replies.receive_replies(cm_ws, [sent]).replies
    assert got.status == "rejected" and "sondern ein Bundle eines Geräts" in got.reason
    [report] = sync.merge_bundles(office, [written.path]).bundles
    assert report.status == "rejected" and "sondern eine Antwort der Kreisstelle" in report.reason
