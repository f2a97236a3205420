"""The county profile in versions (issue 18): the office applies a new version, devices take it
with their reply; a code of a newer version is usable on a device only after that, retired
codes are offered no more but stay valid. Real stores, real bundle and reply files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from kimdesk.domain.entities import Consultation
from kimdesk.domain.errors import KimdeskError, ValidationError
from kimdesk.services import profile, records, replies, statistics, sync
from kimdesk.store.records import save_record

from ..conftest import OFFICE_PASS
from .sync_helpers import dump
from .test_decisions import DEVICE, send

TROISDORF = "05382068"


def version_2(office, tmp_path) -> dict:
    """The office's profile with a new topic, a retired one and five years' retention."""
    doc = profile.show(office)["profile"]
    doc["catalogs"]["topic"].append({"code": "digital", "de": "Digitale Teilhabe",
                                     "en": "Digital inclusion"})  # fmt: skip
    for item in doc["catalogs"]["topic"]:
        if item["code"] == "lebensunterhalt":
            item["active"] = False
    doc["retention_years"] = 5
    return doc


def write(doc: dict, path) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def visit(topic: str, **over) -> Consultation:
    return Consultation(occurred_on=date(2026, 11, 30), municipality=TROISDORF, kind="einmalig",
                        program="kim", topics=(topic,), **over)  # fmt: skip


def test_a_new_topic_code_is_usable_on_the_device_only_after_receive(
    cm_ws, enrolled_office_ws, stick, tmp_path
):
    office = enrolled_office_ws
    old = records.save(cm_ws, visit("lebensunterhalt")).record
    send(cm_ws, office, stick)
    applied = profile.apply(office, write(version_2(office, tmp_path), tmp_path / "p.json"))
    assert applied.change.version == 2 and applied.changes
    assert applied.change.added == (("topic", "digital"),)
    assert applied.change.retired == (("topic", "lebensunterhalt"),)
    assert office.catalog.version == 2 and office.catalog.retention_years == 5

    # Not yet on the device: the form refuses the code, and a bundle with it is refused.
    with pytest.raises(ValidationError, match="digital"):
        records.save(cm_ws, visit("digital"))
    with cm_ws.store.begin() as conn:  # past the form: the office still says no
        save_record(conn, visit("digital"), origin=cm_ws.installation.id)
    early = sync.export_bundle(cm_ws, stick).path
    [report] = sync.merge_bundles(office, [early]).bundles
    assert (report.status, report.reason_code) == ("rejected", "unknown_code")
    assert "Version 2 des Kreisprofils" in report.reason

    [written] = replies.write_replies(office, stick, device=DEVICE).written
    [received] = replies.receive_replies(cm_ws, [written.path]).replies
    assert received.status == "received" and received.as_json()["profile_version"] == 2
    assert cm_ws.catalog.version == 2 and cm_ws.catalog.retention_years == 5
    assert "digital" in cm_ws.catalog.codes("topic")
    assert "lebensunterhalt" not in cm_ws.catalog.codes("topic")  # offered no more ...
    records.save(cm_ws, replace(old, duration_min=30))  # ... but valid in an old record
    records.save(cm_ws, visit("digital"))

    # The rejected bundle's number is sent again in a full bundle, now with version 2.
    full = sync.export_bundle(cm_ws, stick, full=True).path
    [report] = sync.merge_bundles(office, [full]).bundles
    assert report.status == "imported", report.reason
    figures = statistics.statistics(office, statistics.make_filters(office))
    topics = figures["topics"]["counts"] if "counts" in figures["topics"] else figures["topics"]
    assert json.dumps(topics).count("digital") >= 1 and "lebensunterhalt" in json.dumps(topics)

    # The same reply again changes nothing; the next reply carries the profile, unchanged.
    [again] = replies.receive_replies(cm_ws, [written.path]).replies
    assert again.status == "already_received"


@pytest.mark.parametrize(
    "change, words",
    [
        ("remove", "fehlt: Codes werden nie entfernt"),
        ("reuse", "wird nicht wieder vergeben"),
        ("parent", "wechselt nicht"),
        ("county", "den Kreis 05314000"),
        ("bad item", "keinen gültigen Code"),
        ("not json", "kein gültiges JSON"),
        # found by an attack on the profile:
        ("second county", "genau einen Eintrag ohne übergeordneten Code"),
        ("empty parent", "ungültigen übergeordneten Code"),
        ("retention true", "retention_years"),
        ("no publication", "publication"),
        ("code too long", "bis 16 Zeichen"),
        ("unknown catalog", "einen Katalog „topics“ gibt es nicht"),
        ("control characters", "Text ohne Steuerzeichen"),
        ("bidi", "ungültige andere Schreibweisen"),
        ("blank name", "„name“ fehlt"),
        ("nested", "kein gültiges JSON"),
        ("decomposed", "keinen gültigen Code"),
        ("case only", "bis auf die Schreibweise"),
        ("upper case", "nur aus Kleinbuchstaben"),
    ],
)
def test_a_profile_that_removes_or_reuses_a_code_is_refused(
    enrolled_office_ws, tmp_path, change, words
):
    office = enrolled_office_ws
    profile.apply(office, write(version_2(office, tmp_path), tmp_path / "v2.json"))
    before = (dump(office), profile.show(office))
    doc = profile.show(office)["profile"]
    topics = doc["catalogs"]["topic"]
    if change == "remove":
        doc["catalogs"]["topic"] = [t for t in topics if t["code"] != "wohnen"]
    elif change == "reuse":
        next(t for t in topics if t["code"] == "lebensunterhalt")["active"] = True
    elif change == "parent":
        doc["catalogs"]["municipality"][1]["parent"] = "05314000"
    elif change == "county":
        doc["county"] = "05314000"
    elif change == "bad item":
        topics.append({"code": "zwei worte", "de": "Zwei Worte"})
    elif change == "second county":
        doc["catalogs"]["municipality"].insert(0, {"code": "05382099", "de": "Neue Gemeinde"})
    elif change == "empty parent":
        doc["catalogs"]["municipality"].append({"code": "05382099", "de": "Neu", "parent": ""})
    elif change == "retention true":
        doc["retention_years"] = True
    elif change == "no publication":
        del doc["publication"]
    elif change == "code too long":
        doc["catalogs"]["program"].append({"code": "programm_mit_langem_code", "de": "Lang"})
    elif change == "unknown catalog":
        doc["catalogs"]["topics"] = [{"code": "x", "de": "X"}]
    elif change == "control characters":
        topics.append({"code": "neu", "de": "Neu\x1b[2J"})
    elif change == "bidi":
        topics.append({"code": "neu", "de": "Neu", "aliases": ["\u202eueN"]})
    elif change == "blank name":
        doc["name"] = " "
    elif change == "decomposed":
        topics.append({"code": "ba\u0308r", "de": "Bär"})
    elif change == "case only":
        topics.append({"code": "wohnen_", "de": "A"})
        topics.append({"code": "Wohnen_", "de": "B"})
    elif change == "upper case":
        topics.append({"code": "Digital", "de": "Digital"})
    path = write(doc, tmp_path / "v3.json")
    if change == "not json":
        (tmp_path / "v3.json").write_bytes(b"\xff{")
    elif change == "nested":
        (tmp_path / "v3.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(KimdeskError, match=words.replace("(", r"\(").replace(")", r"\)")):
        profile.apply(office, path)
    assert (dump(office), profile.show(office)) == before


def test_a_device_cannot_change_the_profile(cm_ws, tmp_path):
    doc = profile.show(cm_ws)["profile"]
    with pytest.raises(KimdeskError, match="Kreisstelle"):
        profile.apply(cm_ws, write(doc, tmp_path / "p.json"))


def test_the_command_line_shows_and_applies_the_profile(cli, office_file, tmp_path):
    code, out, _err = cli("profile", "--store", str(office_file), "--show", "--json",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0
    shown = json.loads(out)
    assert shown["profile"]["version"] == 1 and shown["history"] == []
    doc = shown["profile"]
    doc["catalogs"]["topic"].append({"code": "digital", "de": "Digitale Teilhabe"})
    path = write(doc, tmp_path / "p.json")
    code, out, _err = cli("profile", "--store", str(office_file), "--apply", path, "--dry-run",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0 and "würde Version 2 anlegen" in out and "digital (topic)" in out
    code, out, _err = cli("profile", "--store", str(office_file), "--apply", path,
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0 and "Version 2 angelegt" in out
    code, out, _err = cli("profile", "--store", str(office_file), "--show",
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert "Version 2" in out and "neu: digital (ab 2)" in out
    doc["catalogs"]["topic"] = doc["catalogs"]["topic"][1:]
    code, _out, err = cli("profile", "--store", str(office_file), "--apply",
                          write(doc, tmp_path / "bad.json"), passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 1 and "nie entfernt" in err and "Traceback" not in err


def test_a_reply_whose_profile_removes_codes_is_refused(cm_ws, enrolled_office_ws, stick):
    from .test_replies import forged

    office = enrolled_office_ws
    doc = profile.show(office)["profile"]
    doc["version"] = 2
    doc["catalogs"]["topic"] = doc["catalogs"]["topic"][1:]
    data = forged(office, cm_ws, payload=lambda r: replace(r, profile=doc).to_bytes())
    path = stick / "bad.kimr"
    path.write_bytes(data)
    before = dump(cm_ws)
    [received] = replies.receive_replies(cm_ws, [path]).replies
    assert (received.status, received.reason_code) == ("rejected", "manifest_invalid")
    assert "entfernt Codes" in received.reason
    assert dump(cm_ws) == before and cm_ws.catalog.version == 1


def test_a_retired_code_stays_in_old_records_but_is_given_out_no_more(
    cm_ws, enrolled_office_ws, stick, tmp_path
):
    office = enrolled_office_ws
    old = records.save(cm_ws, visit("lebensunterhalt")).record
    send(cm_ws, office, stick)
    profile.apply(office, write(version_2(office, tmp_path), tmp_path / "p.json"))
    [written] = replies.write_replies(office, stick, device=DEVICE).written
    replies.receive_replies(cm_ws, [written.path])
    records.save(cm_ws, replace(old, duration_min=15))  # kept: valid
    with pytest.raises(ValidationError, match="stillgelegt"):
        records.save(cm_ws, visit("lebensunterhalt"))  # taken up anew: refused
    other = records.save(cm_ws, visit("wohnen")).record
    with pytest.raises(ValidationError, match="stillgelegt"):  # changed to it: refused
        records.save(cm_ws, replace(other, topics=("lebensunterhalt",)))
    # The office still counts it, and its statistics filter by a retired code.
    figures = statistics.statistics(office, statistics.make_filters(office))
    assert "lebensunterhalt" in json.dumps(figures)
    doc = profile.show(office)["profile"]
    place = next(i for i in doc["catalogs"]["municipality"] if i["code"] == TROISDORF)
    place["active"] = False
    profile.apply(office, write(doc, tmp_path / "p3.json"))
    assert statistics.make_filters(office, municipality=TROISDORF).municipality == TROISDORF


def test_an_alias_never_takes_over_another_code():
    from kimdesk.domain.catalog import load_profile
    from kimdesk.domain.profile import document, next_version, read_profile

    current = load_profile()
    doc = document(current)
    doc["catalogs"]["topic"].append({"code": "obdach", "de": "Obdach", "aliases": ["wohnen"]})
    catalog, _change = next_version(current, read_profile(doc))
    assert catalog.resolve("topic", "wohnen").code == "wohnen"
    assert catalog.resolve("topic", "Obdach").code == "obdach"


def test_a_device_hears_of_a_new_profile_on_the_command_line(cli, office_file, cm_file,
                                                             templates, tmp_path):  # fmt: skip
    """The README's commands: the coordinator applies a version and replies; the case manager
    receives it and sees the new version and the county's devices."""
    from ..conftest import CM_PASS

    assert cli("enroll", "--store", office_file, templates / "cm.json",
               passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    code, out, _err = cli("profile", "--store", office_file, "--show", "--json",
                          passphrase=OFFICE_PASS)  # fmt: skip
    doc = json.loads(out)["profile"]
    doc["catalogs"]["topic"].append({"code": "digital", "de": "Digitale Teilhabe"})
    assert cli("profile", "--store", office_file, "--apply", write(doc, tmp_path / "p.json"),
               passphrase=OFFICE_PASS)[0] == 0  # fmt: skip
    stick = tmp_path / "usb"
    stick.mkdir()
    code, out, _err = cli("reply", "--store", office_file, "--out", stick,
                          passphrase=OFFICE_PASS)  # fmt: skip
    assert code == 0 and "Antwort 1 an CM-07 Troisdorf" in out
    [reply] = stick.glob("kimdesk-antwort-*.kimr")
    code, out, _err = cli("receive", "--store", cm_file, reply, passphrase=CM_PASS)
    assert code == 0 and "Kreisprofil: Version 2 übernommen" in out
    code, out, _err = cli("profile", "--store", cm_file, "--show", passphrase=CM_PASS)
    assert "Version 2" in out and "neu: digital (ab 2)" in out
