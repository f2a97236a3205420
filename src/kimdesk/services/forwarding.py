"""The office's part of a case handover (issue 18; the whole way: ``services.handovers``):
at a merge, store each package a device hands over — checked, never opened — and record the
receiver as the owner of the case file; note the handovers a device confirms; and give each
device's reply what it must carry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.enums import Role
from kimdesk.domain.text import printable
from kimdesk.store.bookkeeping import audit
from kimdesk.store.models import HandoverIn
from kimdesk.store.owners import owners, record_owner
from kimdesk.store.records import TABLES
from kimdesk.sync import container
from kimdesk.sync.reasons import BundleRejected, Reason
from kimdesk.sync.reply import ForwardedHandover
from kimdesk.sync.wire import HandoverLine

from .trust import trusted_peers

_in = HandoverIn.__table__
_client, _case, _goal = TABLES["client"], TABLES["case"], TABLES["goal"]
_BATCH = 500


def _refuse(text: str) -> BundleRejected:
    return BundleRejected(Reason.HANDOVER_INVALID, text)


def register(conn: Connection, office, *, signer, bundle_id: str, lines: Sequence[HandoverLine],
             taken: Sequence[str], now: datetime) -> list[str]:  # fmt: skip
    """The office's part at a merge, after the bundle's records: store each package the
    signer hands over (checked, not opened) and record its receiver as the owner of the case
    files; note the handovers the signer confirms. Returns lines for the import summary; a
    fault refuses the bundle (``Reason.HANDOVER_INVALID``)."""
    office_id = office.id
    devices = {p.installation_id: p for p in trusted_peers(office, conn, role=Role.CASEMANAGER)}
    said = []
    for line in lines:
        said += _register_one(conn, signer, devices, bundle_id, line, now, office_id)
    for handover_id in taken:
        row = conn.execute(
            select(_in.c.receiver_id, _in.c.sender_id, _in.c.taken_at)
            .where(_in.c.handover_id == handover_id)
        ).first()  # fmt: skip
        if row is None:  # an office restored from a backup: said, not held against the device
            said.append(f"{printable(signer.name)} bestätigt eine Fallübergabe, die die "
                        "Kreisstelle nicht kennt (aus einer Sicherung zurückgeholt?).")  # fmt: skip
            continue
        if row.receiver_id != signer.installation_id:
            raise _refuse("das Bundle bestätigt eine Fallübergabe, die nicht an dieses Gerät "
                          "ging")  # fmt: skip
        if row.taken_at is None:
            conn.execute(update(_in).where(_in.c.handover_id == handover_id).values(
                taken_at=now, taken_bundle=bundle_id, package=None,
            ))  # fmt: skip
            sender = devices.get(row.sender_id)
            said.append(f"{printable(signer.name)} hat die Fallübergabe von "
                        f"{printable(sender.name) if sender else row.sender_id} übernommen.")  # fmt: skip
    return said


def _register_one(
    conn, signer, devices, bundle_id, line: HandoverLine, now, office_id
) -> list[str]:
    receiver = devices.get(line.receiver_id)
    if receiver is None or line.receiver_id in (signer.installation_id, office_id):
        raise _refuse("eine Fallübergabe ist an kein anderes eingetragenes Gerät gerichtet")
    header = container.read_header(line.package, container.HANDOVER)
    if (header.installation_id, header.signer_key, header.bundle_id, header.recipient_id,
            header.seq) != (signer.installation_id, signer.signing_key, line.handover_id,
                            line.receiver_id, 1):  # fmt: skip
        raise _refuse("Kopf und Manifest einer Fallübergabe widersprechen sich")
    container.verify(line.package, header, signer.signing_key)
    digest = hashlib.sha256(line.package).hexdigest()
    seen = conn.execute(
        select(_in.c.sha256, _in.c.sender_id).where(_in.c.handover_id == line.handover_id)
    ).first()
    if seen is not None:
        if (seen.sha256, seen.sender_id) != (digest, signer.installation_id):
            raise _refuse("eine Fallübergabe mit dieser Kennung kam schon mit anderem Inhalt")
        return []  # carried again: the bundle that brought it first had not arrived yet
    ids = _case_file_ids(conn, list(line.cases))
    have = owners(conn, [i for _kind, i, _origin, _v in ids])
    strangers = [i for _k, i, origin, _v in ids if have.get(i, origin) != signer.installation_id]
    if len(ids) == 0 or {i for kind, i, _o, _v in ids if kind == "case"} != set(line.cases):
        raise _refuse(
            "eine Fallübergabe nennt Fälle, die der Kreisstelle nicht vorliegen (fehlt ein "
            "früheres Bundle? Ein vollständiges Bundle des Geräts bringt sie mit)"
        )
    if strangers:
        raise _refuse("eine Fallübergabe nennt Fälle oder Klient:innen, die nicht diesem "
                      "Gerät gehören")  # fmt: skip
    stored = {(kind, i): version for kind, i, _origin, version in ids}
    for kind, record_id, version in line.records:
        if (kind, record_id) not in stored:
            raise _refuse("eine Fallübergabe enthält Datensätze, die nicht zu ihren Fällen "
                          "gehören")  # fmt: skip
        if version > stored[kind, record_id]:
            raise _refuse(
                "eine Fallübergabe enthält neuere Fassungen, als der Kreisstelle vorliegen "
                "(fehlt ein früheres Bundle des Geräts?)"
            )
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(
            delete(record_owner).where(record_owner.c.record_id.in_([t[1] for t in chunk]))
        )
        conn.execute(insert(record_owner), [
            {"record_id": i, "entity": kind, "owner": receiver.installation_id}
            for kind, i, _origin, _version in chunk
        ])  # fmt: skip
    conn.execute(insert(_in).values(
        handover_id=line.handover_id, sender_id=signer.installation_id,
        receiver_id=receiver.installation_id, bundle_id=bundle_id, received_at=now,
        cases=json.dumps(line.cases), contents=json.dumps(line.records),
        length=len(line.package), sha256=digest,
        package=line.package,
    ))  # fmt: skip
    audit(conn, at=now, installation_id=office_id, action="handover", entity="case",
          record_ids=list(line.cases),
          detail=f"Übergabe {line.handover_id}: {signer.installation_id} an "
                 f"{receiver.installation_id}")  # fmt: skip
    n = len(line.cases)
    return [f"Fallübergabe von {printable(signer.name)} an {printable(receiver.name)} "
            f"({n} {'Fall' if n == 1 else 'Fälle'}): zur Weitergabe mit der nächsten Antwort "
            "gespeichert."]  # fmt: skip


def _case_file_ids(conn: Connection, case_ids: list[str]) -> list[tuple[str, str, str, int]]:
    """(kind, id, origin, version) of the cases (not deleted), their clients and all their
    goals, as the office holds them."""
    found = []
    for start in range(0, len(case_ids), _BATCH):
        chunk = case_ids[start : start + _BATCH]
        cases = conn.execute(select(_case.c.id, _case.c.client_id, _case.c.origin,
                                    _case.c.version).where(
            _case.c.id.in_(chunk), _case.c.deleted.is_(False)
        )).all()  # fmt: skip
        found += [("case", i, origin, v) for i, _client, origin, v in cases]
        clients = sorted({client for _i, client, _o, _v in cases if client})
        found += [("client", *row) for row in conn.execute(
            select(_client.c.id, _client.c.origin, _client.c.version)
            .where(_client.c.id.in_(clients))
        )]  # fmt: skip
        found += [("goal", *row) for row in conn.execute(
            select(_goal.c.id, _goal.c.origin, _goal.c.version).where(_goal.c.case_id.in_(chunk))
        )]  # fmt: skip
    return sorted(set(found))


def forwarded(conn: Connection, device_id: str) -> tuple[list[ForwardedHandover], list[str]]:
    """What a device's reply carries: the packages for it not yet taken, and the ids of its
    own handovers their receiver has taken."""
    waiting = [
        ForwardedHandover(r.handover_id, r.sender_id, tuple(json.loads(r.cases)),
                          tuple(tuple(t) for t in json.loads(r.contents)), r.package)
        for r in conn.execute(
            select(_in).where(_in.c.receiver_id == device_id, _in.c.taken_at.is_(None))
            .order_by(_in.c.handover_id)
        )
    ]  # fmt: skip
    done = list(conn.execute(
        select(_in.c.handover_id).where(_in.c.sender_id == device_id, _in.c.taken_at.is_not(None))
        .order_by(_in.c.handover_id)
    ).scalars())  # fmt: skip
    return waiting, done
