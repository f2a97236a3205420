"""Receipts, the first part of the two-way county (issue 18): the office's reply says which
bundles it has merged; the device reads it with real files and shows it. Bad replies are
refused with a reason and change nothing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.services import handovers, replies, sync
from kimdesk.services.trust import trusted_peers
from kimdesk.services.workspace import open_workspace
from kimdesk.store.models import BundleOut, ReplyIn
from kimdesk.sync import container
from kimdesk.sync.identity import x25519_public
from kimdesk.sync.reply import Reply

from ..conftest import OFFICE_PASS
from .sync_helpers import add, consultation


def bundle(cm, folder) -> sync.ExportResult:
    add(cm, consultation())
    return sync.export_bundle(cm, folder)


def device_state(cm) -> tuple:
    """What a reply may change at the device: its receipts and the replies it applied."""
    with cm.store.connect() as conn:
        out = conn.execute(select(BundleOut.seq, BundleOut.acknowledged_at)).all()
        received = conn.execute(select(ReplyIn.seq, ReplyIn.reply_id)).all()
    return sorted(out), sorted(received)


def test_receipts_round_trip_over_several_rounds(cm_ws, enrolled_office_ws, stick):
    office = enrolled_office_ws
    first = bundle(cm_ws, stick)
    second = bundle(cm_ws, stick)
    sync.merge_bundles(office, [first.path])
    written = replies.write_replies(office, stick, device="CM-07 Troisdorf")
    [reply] = written.written
    assert (reply.seq, reply.acknowledged) == (1, (1,)) and written.changes
    assert reply.path.suffix == ".kimr" and reply.path.read_bytes()[:4] == b"KIMR"

    got = replies.receive_replies(cm_ws, [reply.path])
    [r] = got.replies
    assert (r.status, r.reply_seq, r.acknowledged, r.warnings) == ("received", 1, [1], []), r.reason
    assert set(replies.receipts(cm_ws)) == {1} and got.changes
    summary = r.as_json()
    assert {k: summary[k] for k in ("reply_seq", "acknowledged", "records", "profile_version",
                                    "handovers", "warnings")} == {
        "reply_seq": 1, "acknowledged": [1], "records": {"created": 0, "updated": 0},
        "profile_version": None, "handovers": [], "warnings": []}  # fmt: skip

    # The same reply again: said so, nothing changes.
    before = device_state(cm_ws)
    [again] = replies.receive_replies(cm_ws, [reply.path]).replies
    assert again.status == "already_received" and device_state(cm_ws) == before

    # Nothing new at the office: no reply. Then bundle 2 arrives: reply 2 lists both.
    assert replies.write_replies(office, stick, device="CM-07 Troisdorf").written == []
    sync.merge_bundles(office, [second.path])
    [reply2] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    assert (reply2.seq, reply2.acknowledged) == (2, (1, 2))
    [r2] = replies.receive_replies(cm_ws, [reply2.path]).replies
    assert r2.status == "received" and set(replies.receipts(cm_ws)) == {1, 2}


def test_a_lost_reply_costs_nothing(cm_ws, enrolled_office_ws, stick, tmp_path):
    office = enrolled_office_ws
    sync.merge_bundles(office, [bundle(cm_ws, stick).path])
    lost = replies.write_replies(office, stick, device="CM-07 Troisdorf").written[0].path
    lost.rename(tmp_path / "lost.kimr")
    sync.merge_bundles(office, [bundle(cm_ws, stick).path])
    [reply] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    [r] = replies.receive_replies(cm_ws, [reply.path]).replies
    assert r.status == "received" and set(replies.receipts(cm_ws)) == {1, 2}
    assert "Antwort 1 der Kreisstelle wurde nicht eingelesen" in r.warnings[0]
    # The lost reply turns up later: covered by the later one, nothing changes, no alarm.
    before = device_state(cm_ws)
    [late] = replies.receive_replies(cm_ws, [tmp_path / "lost.kimr"]).replies
    assert late.status == "already_received" and "überholt" in late.warnings[0]
    assert device_state(cm_ws) == before


def forged(office_ws, cm_ws, *, signer=None, recipient=None, payload=None, kind=None) -> bytes:
    """A reply as the office would write it, with one thing changed."""
    signer = signer or office_ws
    reply = Reply(
        uuid7(), signer.installation.id, cm_ws.installation.id, 1, utc_now(), ((1, uuid7()),)
    )
    plaintext = payload(reply) if payload else reply.to_bytes()
    return container.seal(
        installation_id=signer.installation.id, signing_key=signer.installation.signing_key,
        signer_name=signer.installation.name, seq=1, bundle_id=reply.reply_id,
        recipient_id=recipient or cm_ws.installation.id,
        recipient_key=x25519_public(cm_ws.installation.agreement_key),
        plaintext=plaintext,
        kind=kind or container.REPLY,
    )  # fmt: skip


@pytest.mark.parametrize(
    "case, code",
    [
        ("another office", "unknown_signer"),
        ("a device", "unknown_signer"),
        ("for another device", "wrong_recipient"),
        ("altered", "bad_signature"),
        ("a bundle, not a reply", "not_a_bundle"),
        ("a future format", "format_version"),
        ("contents not its header", "manifest_mismatch"),
        ("not strict JSON", "manifest_invalid"),
    ],
)
def test_a_bad_reply_is_refused_with_its_reason_and_changes_nothing(
    case, code, cm_ws, cm2_ws, office_ws, templates, tmp_path
):
    other_office = open_workspace(templates / "office2.kdb", OFFICE_PASS)
    try:
        data = {
            "another office": lambda: forged(office_ws, cm_ws, signer=other_office),
            "a device": lambda: forged(office_ws, cm_ws, signer=cm2_ws),
            "for another device": lambda: forged(office_ws, cm_ws,
                                                 recipient=cm2_ws.installation.id),
            "altered": lambda: bytes(
                b ^ (1 if i == 150 else 0) for i, b in enumerate(forged(office_ws, cm_ws))),
            "a bundle, not a reply": lambda: forged(office_ws, cm_ws, kind=container.BUNDLE),
            "a future format": lambda: forged(office_ws, cm_ws, payload=lambda r: r.to_bytes()
                                              .replace(b'"version":1', b'"version":2')),
            "contents not its header": lambda: forged(office_ws, cm_ws,
                                                      payload=lambda r: replace(r, seq=5).to_bytes()),
            "not strict JSON": lambda: forged(office_ws, cm_ws, payload=lambda r: r.to_bytes()
                                              .replace(b'"seq":1', b'"seq":1,"seq":1')),
        }[case]()  # fmt: skip
    finally:
        other_office.close()
    path = tmp_path / "antwort.kimr"
    path.write_bytes(data)
    before = device_state(cm_ws)
    [r] = replies.receive_replies(cm_ws, [path]).replies
    assert (r.status, r.reason_code) == ("rejected", code), r.reason
    assert device_state(cm_ws) == before


def test_each_side_does_only_its_part(cm_ws, enrolled_office_ws, stick):
    with pytest.raises(KimdeskError, match="Kreisstelle"):
        replies.write_replies(cm_ws, stick)
    with pytest.raises(KimdeskError):
        replies.receive_replies(enrolled_office_ws, [stick / "x.kimr"])
    with pytest.raises(KimdeskError, match="gibt es nicht"):
        replies.write_replies(enrolled_office_ws, stick, device="CM-99 Nirgendwo")


def test_a_device_enrolled_without_a_key_gets_no_reply_yet(office_ws, templates, stick):
    """A device made before schema 7 was enrolled without an X25519 key: until it announces
    one, the office says why it writes it no reply."""
    from kimdesk.services.setup import peer_from_identity
    from kimdesk.services.trust import trust
    from kimdesk.sync.identity import Identity

    old = replace(Identity.read(templates / "cm.json"), encryption_key=None)
    with office_ws.store.begin() as conn:
        trust(office_ws.installation, conn, peer_from_identity(old, utc_now()))
    result = replies.write_replies(office_ws, stick)
    assert result.written == [] and not result.changes
    assert result.skipped == [
        "CM-07 Troisdorf: noch kein Schlüssel für Antworten (mit dem nächsten Bundle des Geräts)"
    ]


def test_the_command_line_writes_and_receives_replies(cli, cm_file, office_file, templates, stick):
    from ..conftest import CM_PASS

    code, _, err = cli("enroll", "--store", office_file, templates / "cm.json",
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    with open_workspace(cm_file, CM_PASS) as cm:
        add(cm, consultation())
    code, out, err = cli("export-bundle", "--store", cm_file, "--out", stick, passphrase=CM_PASS)
    assert code == 0 and "angekommen" not in out
    code, _, err = cli("merge", "--store", office_file, *stick.glob("*.kimb"),
                       passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0, err
    code, out, err = cli("reply", "--store", office_file, "--out", stick, passphrase=OFFICE_PASS)
    assert code == 0, err
    assert "Antwort 1 an CM-07 Troisdorf" in out and "angekommene Bundles: 1" in out
    assert "Keine Antwort: CM-11 Siegburg" not in out  # not enrolled at this office
    [reply] = stick.glob("*.kimr")
    code, out, err = cli("receive", "--store", cm_file, "--json", reply, passphrase=CM_PASS)
    assert code == 0, err
    [summary] = json.loads(out)["replies"]
    assert (summary["status"], summary["reply_seq"], summary["acknowledged"]) == (
        "received", 1, [1])  # fmt: skip
    with open_workspace(cm_file, CM_PASS) as cm:
        add(cm, consultation())
    code, out, err = cli("export-bundle", "--store", cm_file, "--out", stick, passphrase=CM_PASS)
    assert "Bei der Kreisstelle angekommen: Bundles 1." in out
    # A file that is no reply: exit 1, the reason said.
    code, out, err = cli("receive", "--store", cm_file, *stick.glob("*.kimb"),
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 1 and "ABGELEHNT" in out and "keine Antwort der Kreisstelle" in out


def test_a_device_enrolled_before_it_had_a_key_announces_it_in_its_next_bundle(
    cm_ws, office_ws, templates, stick
):
    """Its identity file had no X25519 key (schema 6): the bundle it writes now carries the
    key under its signature (manifest version 2), the office takes it without a new
    enrolment, and the device gets its first reply."""
    from kimdesk.services.setup import peer_from_identity
    from kimdesk.services.trust import trust, trusted_peers
    from kimdesk.sync.identity import Identity

    old = replace(Identity.read(templates / "cm.json"), encryption_key=None)
    with office_ws.store.begin() as conn:
        trust(office_ws.installation, conn, peer_from_identity(old, utc_now()))
    assert replies.write_replies(office_ws, stick).written == []  # no key yet

    [report] = sync.merge_bundles(office_ws, [bundle(cm_ws, stick).path]).bundles
    assert report.status == "imported"
    assert any("Schlüssel für Antworten" in w for w in report.warnings), report.warnings
    with office_ws.store.connect() as conn:
        [device] = trusted_peers(office_ws.installation, conn, role="casemanager")
    assert device.agreement_key == x25519_public(cm_ws.installation.agreement_key)
    assert device.fingerprint == Identity.read(templates / "cm.json").fingerprint

    [reply] = replies.write_replies(office_ws, stick).written
    [r] = replies.receive_replies(cm_ws, [reply.path]).replies
    assert (r.status, r.acknowledged) == ("received", [1])
    # The next bundle carries the same key and the reply it applied: nothing more to take.
    [report] = sync.merge_bundles(office_ws, [bundle(cm_ws, stick).path]).bundles
    assert report.status == "imported" and report.warnings == []


# -- found by an attack on this code (each failed before its fix) ------------------------


LOW_ORDER = (bytes(32), b"\x01" + bytes(31))  # X25519 points HPKE cannot encrypt to


def test_an_unusable_key_is_refused_in_a_bundle_and_in_an_identity(cm_ws, office_ws, templates,
                                                                   tmp_path):  # fmt: skip
    """An enrolled device announcing a low-order point would have made every later
    `kimdesk reply` crash (HPKE refuses it) for it and every device after it."""
    import base64

    from kimdesk.sync import wire
    from kimdesk.sync.reasons import BundleRejected

    for key in LOW_ORDER:
        text = base64.b64encode(key).decode()
        manifest = wire.Manifest(uuid7(), cm_ws.installation.id, 1, 7, utc_now(), False, 0, 1,
                                 dict.fromkeys(wire.ENTITY_ORDER, 0),
                                 dict.fromkeys(wire.ENTITY_ORDER, "0" * 64))  # fmt: skip
        data = manifest.to_json().replace(
            b'"agreement_key":null', f'"agreement_key":"{text}"'.encode()
        )
        with pytest.raises(BundleRejected, match="Schlüssel"):
            wire.Manifest.parse(data)
        identity = json.loads((templates / "cm.json").read_text())
        identity["encryption_key"] = text
        (tmp_path / "bad.json").write_text(json.dumps(identity))
        with pytest.raises(KimdeskError, match="unbrauchbar"):
            sync.enroll(office_ws, tmp_path / "bad.json")


def test_one_devices_trouble_does_not_stop_the_replies_of_the_others(
    cm_ws, cm2_ws, enrolled_office_ws, stick
):
    office = enrolled_office_ws
    sync.merge_bundles(office, [bundle(cm_ws, stick).path, bundle(cm2_ws, stick).path])
    planted = stick / f"kimdesk-antwort-CM-07-Troisdorf-{cm_ws.installation.id[-8:]}-00001.kimr"
    planted.write_text("schon da")
    result = replies.write_replies(office, stick)
    assert [w.device for w in result.written] == ["CM-11 Siegburg"]
    assert result.skipped == [f"CM-07 Troisdorf: die Datei {planted} gibt es schon"]
    planted.unlink()
    [again] = replies.write_replies(office, stick).written  # CM-07's turn is still open
    assert (again.device, again.seq) == ("CM-07 Troisdorf", 1)


def test_a_restored_device_is_not_told_that_its_new_bundle_arrived(cm_file, enrolled_office_ws,
                                                                   stick, tmp_path):  # fmt: skip
    """Receipts name bundles by number and id: a device restored from a backup writes a new
    bundle 1, which the office does not have although it merged the old bundle 1."""
    import shutil

    from ..conftest import CM_PASS

    backup = tmp_path / "sicherung.kdb"
    shutil.copyfile(cm_file, backup)
    with open_workspace(cm_file, CM_PASS) as cm:
        sync.merge_bundles(enrolled_office_ws, [bundle(cm, stick).path])
    [reply] = replies.write_replies(enrolled_office_ws, stick, device="CM-07 Troisdorf").written
    with open_workspace(backup, CM_PASS) as restored:
        elsewhere = tmp_path / "neu"
        elsewhere.mkdir()
        bundle(restored, elsewhere)  # its own bundle 1, never at the office
        [r] = replies.receive_replies(restored, [reply.path]).replies
        assert r.status == "received" and r.acknowledged == []
        assert "so nicht geschrieben" in r.warnings[0]
        assert replies.receipts(restored) == {}


def test_a_reused_reply_number_is_refused_not_taken_for_a_replay(cm_ws, office_file, templates,
                                                                  stick, tmp_path):  # fmt: skip
    """An office restored from a backup numbers its replies again: the device says so instead
    of dropping the new reply as one it had."""
    import shutil

    with open_workspace(office_file, OFFICE_PASS) as office:
        sync.enroll(office, templates / "cm.json")
    backup = tmp_path / "kreis-sicherung.kdb"
    shutil.copyfile(office_file, backup)
    sent = bundle(cm_ws, stick).path
    with open_workspace(office_file, OFFICE_PASS) as office:
        sync.merge_bundles(office, [sent])
        [first] = replies.write_replies(office, stick).written
    assert replies.receive_replies(cm_ws, [first.path]).replies[0].status == "received"
    other = tmp_path / "stick2"
    other.mkdir()
    with open_workspace(backup, OFFICE_PASS) as restored:
        sync.merge_bundles(restored, [sent])
        [second] = replies.write_replies(restored, other).written
    assert second.seq == 1
    before = device_state(cm_ws)
    [r] = replies.receive_replies(cm_ws, [second.path]).replies
    assert r.status == "rejected" and "Antwortnummer 1 schon einmal" in r.reason
    assert device_state(cm_ws) == before


def test_an_older_bundle_does_not_bring_back_an_earlier_key(cm_ws, enrolled_office_ws, stick):
    """A device's key changes only when it is restored and migrated anew; an older bundle,
    merged after a newer one, must not put the dead key back."""
    from kimdesk.services.trust import take_announced_key, trusted_peers
    from kimdesk.sync.identity import KeyPairs

    office = enrolled_office_ws
    sync.merge_bundles(office, [bundle(cm_ws, stick).path, bundle(cm_ws, stick).path])
    dead = KeyPairs.generate().public_agreement()
    mine = cm_ws.installation.id
    with office.store.begin() as conn:
        [device] = [
            p for p in trusted_peers(office.installation, conn) if p.installation_id == mine
        ]
        said = take_announced_key(office.installation, conn, device, dead, seq=1)
        [after] = [p for p in trusted_peers(office.installation, conn) if p.installation_id == mine]
    assert "älteren Bundle" in said
    assert after.agreement_key == device.agreement_key != dead


def test_a_reply_brings_the_directory_of_the_countys_devices(cm_ws, enrolled_office_ws, stick):
    """Issue 18, handover's address book: each reply carries the office's enrolled devices
    (names, keys, fingerprints) under its signature; the device keeps the latest."""
    office = enrolled_office_ws
    with pytest.raises(KimdeskError, match="kennt noch keine anderen Geräte"):
        handovers.find_device(cm_ws, "CM-11 Siegburg")
    sync.merge_bundles(office, [bundle(cm_ws, stick).path])
    [written] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    replies.receive_replies(cm_ws, [written.path])
    [other] = handovers.directory(cm_ws)  # itself left out
    with office.store.connect() as conn:
        peers = {p.name: p for p in trusted_peers(office.installation, conn)}
    siegburg = peers["CM-11 Siegburg"]
    assert (other.name, other.installation_id, other.fingerprint, other.agreement_key) == (
        "CM-11 Siegburg", siegburg.installation_id, siegburg.fingerprint, siegburg.agreement_key,
    )  # fmt: skip
    assert handovers.find_device(cm_ws, siegburg.installation_id) == other
    assert handovers.find_device(cm_ws, "CM-11 Siegburg") == other
    assert handovers.find_device(cm_ws, "cm-11 siegburg") == other  # as people type it
    with pytest.raises(KimdeskError, match="selbst"):
        handovers.find_device(cm_ws, "CM-07 Troisdorf")
    with pytest.raises(KimdeskError, match="gibt es nicht; die Geräte des Kreises: CM-11"):
        handovers.find_device(cm_ws, "CM-99")
    # Nothing new, no reply; a device enrolled since is news for everyone.
    assert replies.write_replies(office, stick, device="CM-07 Troisdorf").written == []


@pytest.mark.parametrize(
    "fault",
    ["short key", "low-order key", "unsorted", "fingerprint", "the office's keys",
     "the office as device", "this device, other keys", "id with a newline", "bidi name"],
)  # fmt: skip
def test_a_reply_with_a_bad_directory_is_refused(cm_ws, enrolled_office_ws, fault):
    """The directory is what a handover is encrypted to: a fingerprint must be the one over
    the entry's own keys, this device must appear with its own keys, the office never."""
    from kimdesk.sync.identity import KeyPairs, fingerprint
    from kimdesk.sync.reply import DirectoryEntry

    office = enrolled_office_ws

    def entry(installation_id, name, signing, agreement):
        return DirectoryEntry(installation_id, name, signing, agreement,
                              fingerprint(installation_id, "casemanager", name, signing, agreement))  # fmt: skip

    other = KeyPairs.generate()
    first = entry(str(uuid7()), "CM-11", other.public_signing(), other.public_agreement())
    entries = [first, entry(str(uuid7()), "CM-12", other.public_signing(),
                            other.public_agreement())]  # fmt: skip
    office_keys = KeyPairs(office.installation.signing_key, office.installation.agreement_key)
    if fault == "short key":
        entries[0] = replace(first, agreement_key=b"\1" * 16)
    elif fault == "low-order key":
        entries[0] = replace(first, agreement_key=b"\0" * 32)
    elif fault == "unsorted":
        entries.reverse()
    elif fault == "fingerprint":
        entries[0] = replace(first, fingerprint="A" * 4 + "-AAAA" * 7)
    elif fault == "the office's keys":  # CM-11's true fingerprint, the office's keys
        entries[0] = replace(first, signing_key=office_keys.public_signing(),
                             agreement_key=office_keys.public_agreement())  # fmt: skip
    elif fault == "the office as device":
        entries = [entry(office.installation.id, "Kreis", office_keys.public_signing(),
                         office_keys.public_agreement())]  # fmt: skip
    elif fault == "this device, other keys":
        entries = [entry(cm_ws.installation.id, "CM-07 Troisdorf", other.public_signing(),
                         other.public_agreement())]  # fmt: skip
    elif fault == "id with a newline":
        entries[0] = replace(first, installation_id=first.installation_id + "\n")
    else:
        entries[0] = entry(first.installation_id, "CM-11\u202e", other.public_signing(),
                           other.public_agreement())  # fmt: skip
    data = forged(office, cm_ws, payload=lambda r: replace(r, directory=tuple(entries)).to_bytes())
    path = cm_ws.store.path.parent / "bad-directory.kimr"
    path.write_bytes(data)
    [received] = replies.receive_replies(cm_ws, [path]).replies
    assert received.status == "rejected", fault
    assert "Verzeichnis" in received.reason or "Schlüssel" in received.reason, received.reason
    assert handovers.directory(cm_ws) == []


def test_a_device_with_a_name_a_directory_cannot_carry_is_left_out(cm_ws, office_ws, templates,
                                                                     stick):  # fmt: skip
    """An old identity may carry a name of any length: that device is left out of the
    directory (it cannot receive a handover by name), and every other reply still reads."""
    from kimdesk.services import trust
    from kimdesk.store.models import Peer

    office = office_ws
    sync.enroll(office, templates / "cm.json")
    sync.enroll(office, templates / "cm2.json")
    with office.store.begin() as conn:  # as an old release could have enrolled it, signed
        [peer] = [p for p in trusted_peers(office.installation, conn) if p.name == "CM-11 Siegburg"]
        conn.execute(Peer.__table__.delete().where(
            Peer.__table__.c.installation_id == peer.installation_id))  # fmt: skip
        trust.trust(office.installation, conn, replace(peer, name="CM-11 " + "S" * 300,
                                                       signature=None))  # fmt: skip
        assert len(trusted_peers(office.installation, conn, role="casemanager")) == 2
    sync.merge_bundles(office, [bundle(cm_ws, stick).path])
    [written] = replies.write_replies(office, stick, device="CM-07 Troisdorf").written
    [received] = replies.receive_replies(cm_ws, [written.path]).replies
    assert received.status == "received", received.reason
    assert handovers.directory(cm_ws) == []
