"""The office answers its devices (issue 18, first part: receipts).

``write_replies`` (``kimdesk reply``) writes one reply per enrolled device that has something
new: which of its bundles the office has merged. ``receive_replies`` (``kimdesk receive``)
checks a reply at the device in the order of docs/sync.md ("Two-way county") and applies it in
one transaction; a rejected reply changes nothing, one already applied says so.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.profile import document
from kimdesk.domain.text import number_ranges, printable
from kimdesk.fileio import check_output, shown, write_recorded
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import load_catalog
from kimdesk.store.models import BundleIn, BundleOut, ReplyIn, ReplyOut
from kimdesk.store.models import DirectoryEntry as DirectoryRow
from kimdesk.sync import container
from kimdesk.sync.fields import canonical
from kimdesk.sync.identity import KeyPairs, usable_x25519, x25519_public
from kimdesk.sync.reasons import BundleRejected, Reason
from kimdesk.sync.reply import DirectoryEntry, Reply, directory_name_ok, read_reply

from . import forwarding, handovers, privacy
from . import profile as county_profile
from .changes import NOTHING, Change, Changes
from .decisions import Taken, apply_decisions, decisions
from .handovers import HandoverNews
from .sync import read_bundle, require_role, slug
from .trust import trusted_peers
from .workspace import Workspace

REPLY_SUFFIX = ".kimr"
_in, _out = BundleIn.__table__, BundleOut.__table__
_reply_in, _reply_out = ReplyIn.__table__, ReplyOut.__table__
_directory = DirectoryRow.__table__


# -- the office -------------------------------------------------------------------------


@dataclass(frozen=True)
class WrittenReply:
    device: str  # the device's name
    path: Path
    seq: int
    acknowledged: tuple[int, ...]  # the bundle numbers
    decisions: int = 0  # the office's versions of the device's records it carries
    handovers: int = 0  # case handover packages it forwards


@dataclass(frozen=True)
class Replies:
    written: list[WrittenReply]
    #: Devices without a reply, with the reason (nothing new, no key yet).
    skipped: list[str]

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.BUNDLE) if self.written else NOTHING


def write_replies(
    ws: Workspace, folder: str | os.PathLike, *, device: str | None = None
) -> Replies:
    """One reply per enrolled device (or the one named by ``device``, name or id) whose
    merged bundles the last reply did not list yet, written into ``folder``."""
    require_role(ws, Role.OFFICE, "Das Schreiben von Antworten")
    folder = Path(folder)
    if not folder.is_dir():
        raise KimdeskError(f"Den Ordner {shown(folder)} gibt es nicht.")
    with ws.store.connect() as conn:
        devices = trusted_peers(ws.installation, conn, role=Role.CASEMANAGER)
        news = _CountyNews.of(load_catalog(conn), devices)  # the same for every device
    if device is not None:
        chosen = [d for d in devices if device in (d.installation_id, d.name)]
        if not chosen:
            names = ", ".join(printable(d.name, 60) for d in devices[:10]) or "keine"
            raise KimdeskError(f"Ein eingetragenes Gerät „{printable(device)}“ gibt es nicht; "
                               f"die eingetragenen Geräte: {names}.")  # fmt: skip
        devices = chosen
    written, skipped = [], []
    for peer in sorted(devices, key=lambda p: (p.name, p.installation_id)):
        if peer.agreement_key is None:
            skipped.append(f"{printable(peer.name)}: noch kein Schlüssel für Antworten "
                           "(mit dem nächsten Bundle des Geräts)")  # fmt: skip
            continue
        try:
            reply = _write_one(ws, peer, folder, news)
        except KimdeskError as exc:  # one device's trouble does not stop the others
            skipped.append(f"{printable(peer.name)}: {exc}")
            continue
        if reply is None:
            skipped.append(f"{printable(peer.name)}: nichts Neues")
        else:
            written.append(reply)
    return Replies(written, skipped)


@dataclass(frozen=True)
class _CountyNews:
    """What every device's reply carries alike: the county profile (from version 2) and the
    directory of devices."""

    profile: dict | None
    profile_version: int | None
    directory: tuple[DirectoryEntry, ...]
    directory_sha: str

    @classmethod
    def of(cls, catalog, devices) -> _CountyNews:
        directory = tuple(
            DirectoryEntry(p.installation_id, p.name, p.signing_key, p.agreement_key,
                           p.fingerprint)
            for p in sorted(devices, key=lambda p: p.installation_id)
            if p.agreement_key is not None and usable_x25519(p.agreement_key)
            and directory_name_ok(p.name)  # an old identity's name a directory cannot carry
        )  # fmt: skip
        sha = hashlib.sha256(canonical([e.as_json() for e in directory])).hexdigest()
        if catalog.version > 1:
            return cls(document(catalog), catalog.version, directory, sha)
        return cls(None, None, directory, sha)


def _write_one(ws: Workspace, peer, folder: Path, news: _CountyNews) -> WrittenReply | None:
    with ws.store.connect() as conn:
        merged = tuple(sorted(tuple(row) for row in conn.execute(
            select(_in.c.seq, _in.c.bundle_id).where(_in.c.installation_id == peer.installation_id)
        )))  # fmt: skip
        last = conn.execute(
            select(
                _reply_out.c.seq,
                _reply_out.c.acknowledged,
                _reply_out.c.records,
                _reply_out.c.profile_version,
                _reply_out.c.directory_sha,
                _reply_out.c.handovers,
            )
            .where(_reply_out.c.device_id == peer.installation_id)
            .order_by(_reply_out.c.seq.desc())
            .limit(1)
        ).first()
        decided = decisions(conn, ws.installation.id, peer.installation_id)
        waiting, completed = forwarding.forwarded(conn, peer.installation_id)
    # A package goes only with its sender in the directory: the device checks it by that key.
    named = {e.installation_id for e in news.directory}
    waiting = [h for h in waiting if h.sender_id in named]
    carried = [[kind, r["id"], r["version"]] for kind, r in decided]
    handed = [[h.handover_id for h in waiting], completed]
    if last is None and not (merged or decided or news.profile or waiting or completed
                             or len(news.directory) > 1):  # fmt: skip
        return None  # nothing to hear yet, not even of another device to hand a case to
    if last is not None and (merged, carried, news.profile_version, news.directory_sha,
                             handed) == (
        tuple(tuple(p) for p in json.loads(last.acknowledged)), json.loads(last.records),
        last.profile_version, last.directory_sha, json.loads(last.handovers or "[[], []]"),
    ):  # fmt: skip
        return None  # nothing new since the last reply
    seq = (last.seq if last else 0) + 1
    reply = Reply(uuid7(), ws.installation.id, peer.installation_id, seq, utc_now(), merged,
                  tuple(decided), news.profile, news.directory, tuple(waiting),
                  tuple(completed))  # fmt: skip
    if not usable_x25519(peer.agreement_key):
        raise KimdeskError("sein Schlüssel für Antworten ist unbrauchbar; bitte neu eintragen")
    data = container.seal(
        installation_id=ws.installation.id, signing_key=ws.installation.signing_key,
        signer_name=ws.installation.name, seq=seq, bundle_id=reply.reply_id,
        recipient_id=peer.installation_id, recipient_key=peer.agreement_key,
        plaintext=reply.to_bytes(), kind=container.REPLY,
    )  # fmt: skip
    target = (
        folder
        / f"kimdesk-antwort-{slug(peer.name)}-{peer.installation_id[-8:]}-{seq:05d}{REPLY_SUFFIX}"
    )
    if os.path.lexists(target):
        raise KimdeskError(f"die Datei {shown(target)} gibt es schon")
    check_output(target)

    def record(conn) -> None:
        conn.execute(_reply_out.insert().values(
            device_id=peer.installation_id, seq=seq, reply_id=reply.reply_id,
            created_at=reply.created_at, file_name=shown(target.name)[:400],
            acknowledged=json.dumps([list(p) for p in merged]), records=json.dumps(carried),
            profile_version=news.profile_version, directory_sha=news.directory_sha,
            handovers=json.dumps(handed),
        ))  # fmt: skip
        audit(conn, at=reply.created_at, installation_id=ws.installation.id, action="reply",
              entity="bundle", record_ids=[reply.reply_id],
              detail=f"Antwort {seq} an {peer.installation_id}")  # fmt: skip

    write_recorded(target, data, ws.store.begin, record)
    return WrittenReply(peer.name, target, seq, tuple(n for n, _bundle in merged), len(decided),
                        len(waiting))  # fmt: skip


# -- the device --------------------------------------------------------------------------


@dataclass
class Received:
    file: str
    status: str = "rejected"  # received | already_received | rejected
    reason: str | None = None
    reason_code: str | None = None
    reply_seq: int | None = None
    acknowledged: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The office's decisions this device took (records updated) and their kinds.
    taken: Taken = field(default_factory=Taken)
    #: The county profile version this reply brought (None: none newer).
    profile_version: int | None = None
    #: Handovers this reply brought (taken) or completed.
    handovers: HandoverNews = field(default_factory=HandoverNews)

    @property
    def created(self) -> int:
        """Records a taken handover brought."""
        return sum(item["records"] for item in self.handovers.items if item["direction"] == "taken")

    def as_json(self) -> dict:
        """The summary of docs/cli.md: what the reply brought."""
        return {
            "file": self.file, "status": self.status, "reason": self.reason,
            "reason_code": self.reason_code, "reply_seq": self.reply_seq,
            "acknowledged": self.acknowledged,
            "records": {"created": self.created, "updated": self.taken.updated},
            "profile_version": self.profile_version, "handovers": self.handovers.items,
            "warnings": self.warnings,
        }  # fmt: skip


@dataclass(frozen=True)
class ReceivedReplies:
    replies: list[Received]

    @property
    def changes(self) -> Changes:
        if any(r.status == "received" for r in self.replies):
            kinds = set().union(*(r.taken.kinds for r in self.replies))
            return Changes.of(Change.BUNDLE, *sorted(kinds))
        return NOTHING

    @property
    def any_rejected(self) -> bool:
        return any(r.status == "rejected" for r in self.replies)


def receive_replies(ws: Workspace, files: list[str | os.PathLike]) -> ReceivedReplies:
    require_role(ws, Role.CASEMANAGER, "Das Einlesen einer Antwort der Kreisstelle")
    return ReceivedReplies([_receive_one(ws, Path(path)) for path in files])


def _receive_one(ws: Workspace, path: Path) -> Received:
    result = Received(file=str(path))
    try:
        data = read_bundle(path, what="Die Antwort-Datei")
        with ws.store.begin() as conn:
            reply = _checked(ws, conn, data)
            result.reply_seq = reply.seq
            last = conn.execute(select(func.max(_reply_in.c.seq))).scalar() or 0
            if reply.seq <= last:
                same_seq = conn.execute(
                    select(_reply_in.c.reply_id).where(_reply_in.c.seq == reply.seq)
                ).scalar()
                if same_seq is None:  # skipped: a later reply brought all it held
                    result.status = "already_received"
                    result.acknowledged = [n for n, _bundle in reply.acknowledged]
                    result.warnings.append(f"Antwort {reply.seq} ist durch eine spätere Antwort "
                                           "schon überholt; nichts geändert.")  # fmt: skip
                    return result
                if same_seq != reply.reply_id:  # an office restored from a backup numbers again
                    raise BundleRejected(
                        Reason.MANIFEST_MISMATCH,
                        f"die Kreisstelle hat die Antwortnummer {reply.seq} schon einmal für "
                        "eine andere Antwort vergeben (aus einer Sicherung zurückgeholt?); "
                        "bitte die Kreisstelle ansprechen",
                    )
                result.status = "already_received"
                result.acknowledged = [n for n, _bundle in reply.acknowledged]
                return result
            if reply.seq > last + 1:
                missed = (f"Antwort {last + 1} der Kreisstelle wurde" if reply.seq == last + 2
                          else f"Antworten {last + 1}–{reply.seq - 1} der Kreisstelle wurden")  # fmt: skip
                result.warnings.append(f"{missed} nicht eingelesen; diese enthält alles Nötige.")
            written = dict(conn.execute(select(_out.c.seq, _out.c.bundle_id)).all())
            mine = [n for n, bundle_id in reply.acknowledged if written.get(n) == bundle_id]
            other = [n for n, bundle_id in reply.acknowledged if written.get(n) != bundle_id]
            result.acknowledged = mine
            if other:
                result.warnings.append(
                    "Die Kreisstelle nennt Bundles, die dieses Gerät so nicht geschrieben hat "
                    f"(aus einer Sicherung zurückgeholt?): {number_ranges(other[:20])}."
                )
            now = utc_now()
            conn.execute(
                update(_out)
                .where(_out.c.seq.in_(mine), _out.c.acknowledged_at.is_(None))
                .values(acknowledged_at=reply.created_at)
            )
            apply_decisions(conn, reply.records, result.taken)
            result.warnings += result.taken.warnings
            conn.execute(delete(_directory))  # the office's latest word on its devices
            if reply.directory:
                conn.execute(insert(_directory), [
                    {"installation_id": e.installation_id, "name": e.name,
                     "signing_key": e.signing_key, "agreement_key": e.agreement_key,
                     "fingerprint": e.fingerprint, "reply_seq": reply.seq}
                    for e in reply.directory
                ])  # fmt: skip
            if reply.profile is not None:
                catalog = county_profile.take(ws, conn, reply.profile)
                if catalog is not None:
                    result.profile_version = catalog.version
                    result.taken.kinds.add(Change.PROFILE)
            handovers.take(ws, conn, reply.handovers, reply.directory, result.handovers)
            handovers.complete(ws, conn, reply.completed, result.handovers)
            result.warnings += result.handovers.warnings
            if result.handovers.changed:
                result.taken.kinds |= {Change.CLIENT, Change.CASE, Change.GOAL, Change.CONSULTATION}
            conn.execute(_reply_in.insert().values(
                seq=reply.seq, reply_id=reply.reply_id, office_id=reply.office_id,
                created_at=reply.created_at, received_at=now,
                acknowledged=json.dumps([list(p) for p in reply.acknowledged]),
            ))  # fmt: skip
            audit(conn, at=now, installation_id=ws.installation.id, action="receive",
                  entity="bundle", record_ids=[reply.reply_id],
                  detail=f"Antwort {reply.seq}")  # fmt: skip
            result.status = "received"
        if result.profile_version is not None:
            ws.catalog = catalog  # committed: the workspace works with the new version
        if any(item["direction"] == "completed" for item in result.handovers.items):
            privacy.checkpoint(ws)  # the erased contents out of the WAL, overwritten
    except BundleRejected as exc:
        result.status, result.reason, result.reason_code = "rejected", str(exc), exc.code.value
    return result


def _checked(ws: Workspace, conn, data: bytes) -> Reply:
    """The checks of a reply in their order; the plaintext is read only after them."""
    header = container.read_header(data, container.REPLY)
    offices = {p.installation_id: p for p in trusted_peers(ws.installation, conn, role=Role.OFFICE)}
    office = offices.get(header.installation_id)
    if office is None:
        raise BundleRejected(
            Reason.UNKNOWN_SIGNER,
            f"die Antwort stammt nicht von der Kreisstelle dieses Geräts "
            f"(signiert von {printable(header.signer_name)})",
        )
    container.verify(data, header, office.signing_key)
    if header.recipient_id != ws.installation.id:
        raise BundleRejected(Reason.WRONG_RECIPIENT, "die Antwort ist für ein anderes Gerät")
    reply = read_reply(container.open_payload(data, header, ws.installation.agreement_key,
                                              container.REPLY))  # fmt: skip
    if (reply.reply_id, reply.office_id, reply.device_id, reply.seq) != (
        header.bundle_id, header.installation_id, header.recipient_id, header.seq,
    ):  # fmt: skip
        raise BundleRejected(
            Reason.MANIFEST_MISMATCH, "Inhalt und Kopf der Antwort widersprechen sich"
        )
    me = ws.installation
    for entry in reply.directory:
        if entry.installation_id == reply.office_id:
            raise BundleRejected(Reason.MANIFEST_INVALID, "die Antwort nennt die Kreisstelle "
                                 "als Gerät im Verzeichnis")  # fmt: skip
        if entry.installation_id == me.id and (
            entry.signing_key, entry.agreement_key,
        ) != (KeyPairs(me.signing_key, None).public_signing(), x25519_public(me.agreement_key)):  # fmt: skip
            raise BundleRejected(Reason.MANIFEST_INVALID, "die Antwort nennt für dieses Gerät "
                                 "andere Schlüssel; bitte die Kreisstelle ansprechen")  # fmt: skip
    return reply


def receipts(ws: Workspace) -> dict[int, object]:
    """Which of this device's bundles the office has merged, and since when (bundle number
    -> time of the reply that said so)."""
    with ws.store.connect() as conn:
        return dict(conn.execute(
            select(_out.c.seq, _out.c.acknowledged_at).where(_out.c.acknowledged_at.is_not(None))
        ).all())  # fmt: skip
