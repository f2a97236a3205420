"""Case handover (issue 18): a client's case files from one case manager device to another,
personal data end to end, by way of the office, which cannot read them (docs/sync.md,
"Case handover").

The way of one handover, each step in one transaction:

1. *Sender*, ``hand_over`` (``kimdesk handover``): the client's cases, the client and the
   cases' goals, local fields included, become a package (``sync.handover``) signed by the
   sender and encrypted to the receiver's key from the office's directory. The records are
   no longer the sender's to change (``handed_over``); the package waits in ``handover_out``.
2. *Sender*, its next bundles carry the package (manifest version 5) until one of them has
   arrived at the office.
3. *Office*, ``register`` (at the merge): checks the package's header and signature without
   opening it, that the cases, their clients and goals are the sender's, stores it
   (``handover_in``) and records the receiver as the records' owner (``record_owner``).
4. *Receiver*, its replies carry the package until it confirms it; ``take`` (at ``receive``)
   opens it, checks it and stores the records as they were (the sender's versions: its next
   edit of one starts from that version, which the office holds); ``handover_taken``.
5. *Receiver*, its next bundles confirm the handover (``taken``); *office*, ``confirm``.
6. *Sender*, its next reply names the handover as completed; ``complete`` erases the
   personal data of the handed-over records here, as ``kimdesk erase`` does, in place (the
   records are the receiver's now, so nothing of it travels); the sender's consultations stay
   and count for it, their notes erased too.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.entities import Record
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.registry import BY_KIND
from kimdesk.domain.text import printable
from kimdesk.domain.validation import age_group
from kimdesk.store.bookkeeping import CHANGE_SEQ, audit, next_seq
from kimdesk.store.bulk import known_ids
from kimdesk.store.models import (
    BundleOut,
    HandedOver,
    HandoverIn,
    HandoverOut,
    HandoverTaken,
)
from kimdesk.store.models import DirectoryEntry as DirectoryRow
from kimdesk.store.records import TABLES, blank_recipients, consultation_t
from kimdesk.sync.admission import RECORD_SKEW
from kimdesk.sync.handover import FULL_FIELDS, KINDS, Package, open_package, seal_package
from kimdesk.sync.reasons import BundleRejected
from kimdesk.sync.reply import DirectoryEntry, ForwardedHandover
from kimdesk.sync.wire import MAX_HANDOVERS, MAX_TAKEN, HandoverLine

from .changes import Change, Changes
from .workspace import Workspace, require_role

_out, _handed, _taken, _in = (HandoverOut.__table__, HandedOver.__table__,
                              HandoverTaken.__table__, HandoverIn.__table__)  # fmt: skip
_bundle_out = BundleOut.__table__
_directory = DirectoryRow.__table__
_client, _case, _goal = TABLES["client"], TABLES["case"], TABLES["goal"]
#: A record handed over, with the handover that took it away.
_HANDED_OUT = _handed.join(_out, _out.c.handover_id == _handed.c.handover_id)
_BATCH = 500


# -- the directory: whom a case can go to ----------------------------------------------------


def directory(ws: Workspace) -> list[DirectoryEntry]:
    """The county's other case manager devices, as the office's latest reply named them."""
    with ws.store.connect() as conn:
        rows = conn.execute(
            select(_directory).where(_directory.c.installation_id != ws.installation.id)
        ).mappings().all()  # fmt: skip
    return sorted((DirectoryEntry(r["installation_id"], r["name"], r["signing_key"],
                                  r["agreement_key"], r["fingerprint"]) for r in rows),
                  key=lambda e: (e.name.casefold(), e.installation_id))  # fmt: skip


def find_device(ws: Workspace, wanted: str) -> DirectoryEntry:
    """A device of the directory by name or installation id, or a German sentence why not."""
    if wanted in (ws.installation.id, ws.installation.name):
        raise KimdeskError("An dieses Gerät selbst kann nichts übergeben werden.")
    entries = directory(ws)
    if not entries:
        raise KimdeskError("Dieses Gerät kennt noch keine anderen Geräte des Kreises; sie kommen "
                           "mit der nächsten Antwort der Kreisstelle.")  # fmt: skip
    found = [e for e in entries if wanted in (e.installation_id, e.name)] or [
        e
        for e in entries
        if e.name.casefold() == wanted.casefold()  # "cm-11 siegburg"
    ]
    if len(found) != 1:
        names = ", ".join(printable(e.name, 60) for e in entries[:10])
        why = "mehrere Geräte heißen so" if found else "ein solches Gerät gibt es nicht"
        raise KimdeskError(f"„{printable(wanted, 60)}“: {why}; die Geräte des Kreises: {names}.")
    return found[0]


# -- the sender ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HandoverWritten:
    handover_id: str
    receiver: str  # the receiving device's name
    cases: int
    clients: int
    records: int

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.CASE, Change.BUNDLE)

    @property
    def message(self) -> str:
        whose = (f" von {self.clients} {'Klient:in' if self.clients == 1 else 'Klient:innen'}"
                 if self.clients else "")  # fmt: skip
        return (
            f"Übergabe an {printable(self.receiver)} vorbereitet: {self.cases} "
            f"{'Fall' if self.cases == 1 else 'Fälle'}{whose}. Sie reist mit dem "
            "nächsten Bundle zur Kreisstelle; die Fälle sind hier ab jetzt schreibgeschützt."
        )


def handed_over_ids(conn: Connection) -> set[str]:
    """The records this device has handed over: no longer its to change."""
    return set(conn.execute(select(_handed.c.record_id)).scalars())


def handed_to(conn: Connection, *record_ids: str) -> str | None:
    """The name of the device one of these records was handed over to, or None."""
    return conn.execute(
        select(_out.c.receiver_name).select_from(_HANDED_OUT)
        .where(_handed.c.record_id.in_(record_ids)).limit(1)
    ).scalar()  # fmt: skip


def refuse_if_handed_over(conn: Connection, record: Record) -> None:
    """A record handed over, or a new one for a handed-over case or client, is not this
    device's to write (``services.records``)."""
    ids = {record.id} | {getattr(record, name, None) for name in ("case_id", "client_id")}
    ids.discard(None)
    receiver = handed_to(conn, *ids)
    if receiver is not None:
        raise KimdeskError(
            f"Dieser Fall wurde an {printable(receiver)} übergeben; ändern und "
            "ergänzen kann ihn nur noch das neue Gerät."
        )


_SEPARATORS = re.compile(r"[,;]")


def _entries(numbers: str | None) -> set[str]:
    """A client's Aktenzeichen, each as written (several separated by comma or semicolon),
    with spaces normalised and case folded."""
    return {" ".join(n.split()).casefold() for n in _SEPARATORS.split(numbers or "") if n.strip()}


def find_cases(ws: Workspace, reference: str, what: str = "Das Übergeben von Fällen") -> list[str]:
    """The cases a reference names: a case id, an Aktenzeichen of its client (one of the
    client's file numbers, as a whole) or a legacy list's case reference (``Fall``). A
    reference that fits more than one client is refused: a handover cannot be withdrawn, an
    access report must not show another person. ``what`` names the use case in a refusal."""
    require_role(ws, Role.CASEMANAGER, what)
    wanted = reference.strip()
    if not wanted:
        raise KimdeskError("Bitte einen Fall angeben (Kennung, Aktenzeichen oder Fallzeichen).")
    with ws.store.connect() as conn:
        live = _case.c.deleted.is_(False)
        found = conn.execute(select(_case.c.id, _case.c.client_id).where(
            live, (_case.c.id == wanted) | (_case.c.legacy_ref == wanted)
        )).all()  # fmt: skip
        if not found:
            rows = conn.execute(
                select(_case.c.id, _case.c.client_id, _client.c.file_numbers)
                .join(_client, _client.c.id == _case.c.client_id)
                .where(live, _client.c.file_numbers.contains(wanted.split()[0], autoescape=True))
            ).all()
            folded = " ".join(wanted.split()).casefold()
            found = [(case_id, client_id) for case_id, client_id, numbers in rows
                     if folded in _entries(numbers)]  # fmt: skip
    if not found:
        raise KimdeskError(f"Einen Fall „{printable(wanted, 60)}“ gibt es auf diesem Gerät nicht.")
    clients = {client_id for _case_id, client_id in found}
    if len(clients) > 1:
        raise KimdeskError(
            f"„{printable(wanted, 60)}“ passt zu Fällen von {len(clients)} Klient:innen; bitte "
            "die Kennung des Falls angeben (Fälle → Fall, oder das ganze Aktenzeichen)."
        )
    return sorted(case_id for case_id, _client_id in found)


def hand_over(ws: Workspace, *, to: str, cases: Sequence[str] = (), every: bool = False,
              now: datetime | None = None) -> HandoverWritten:  # fmt: skip
    """Prepare the handover of the named cases (``every``: all of this device's) to the
    device ``to`` (name or id from the directory). A client goes whole: all of the client's
    cases go with the named one, so that one device holds the client."""
    require_role(ws, Role.CASEMANAGER, "Das Übergeben von Fällen")
    receiver = find_device(ws, to)
    now = now or utc_now()
    with ws.store.begin() as conn:
        gone = handed_over_ids(conn)
        live = select(_case.c.id, _case.c.client_id).where(_case.c.deleted.is_(False))
        if not every:
            live = live.where(_case.c.id.in_(list(cases)))
        chosen = conn.execute(live).all()
        if every:  # a laptop's cases: those not handed over before
            chosen = [(case_id, client_id) for case_id, client_id in chosen if case_id not in gone]
        elif any(case_id in gone for case_id, _client_id in chosen):
            raise KimdeskError("Dieser Fall wurde schon übergeben.")
        if not chosen:
            raise KimdeskError("Auf diesem Gerät gibt es keinen Fall (mehr), der übergeben "
                               "werden kann.")  # fmt: skip
        clients = sorted({client_id for _case_id, client_id in chosen if client_id})
        case_ids = {case_id for case_id, _client_id in chosen}
        for start in range(0, len(clients), _BATCH):  # the clients' other cases go along
            case_ids |= set(conn.execute(select(_case.c.id).where(
                _case.c.client_id.in_(clients[start : start + _BATCH]), _case.c.deleted.is_(False)
            )).scalars())  # fmt: skip
        case_ids -= gone
        records = _case_files(conn, sorted(case_ids))
        package = Package(uuid7(), ws.installation.id, receiver.installation_id, now,
                          tuple(sorted(case_ids)), tuple(records))  # fmt: skip
        sealed = seal_package(package, signer_name=ws.installation.name,
                              signing_key=ws.installation.signing_key,
                              receiver_key=receiver.agreement_key)  # fmt: skip
        conn.execute(insert(_out).values(
            handover_id=package.handover_id, receiver_id=receiver.installation_id,
            receiver_name=receiver.name, created_at=now, cases=json.dumps(package.cases),
            records=len(records), contents=json.dumps(package.listed), package=sealed,
            length=len(sealed),
            sha256=hashlib.sha256(sealed).hexdigest(),
        ))  # fmt: skip
        conn.execute(insert(_handed), [
            {"record_id": row["id"], "entity": kind, "handover_id": package.handover_id}
            for kind, row in records
        ])  # fmt: skip
        audit(conn, at=now, installation_id=ws.installation.id, action="handover",
              entity="case", record_ids=list(package.cases),
              detail=f"Übergabe {package.handover_id} an {receiver.installation_id}")  # fmt: skip
    return HandoverWritten(package.handover_id, receiver.name, len(case_ids),
                           sum(kind == "client" for kind, _row in records), len(records))  # fmt: skip


def _case_files(conn: Connection, case_ids: list[str]) -> list[tuple[str, dict]]:
    """The cases, their clients and their goals (not deleted), every column but the change
    number: what the package carries."""
    found: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    columns = {kind: [TABLES[kind].c[f.name] for f in FULL_FIELDS[kind]] for kind in KINDS}
    for start in range(0, len(case_ids), _BATCH):
        chunk = case_ids[start : start + _BATCH]
        cases = [dict(r) for r in conn.execute(
            select(*columns["case"]).where(_case.c.id.in_(chunk))
        ).mappings()]  # fmt: skip
        found["case"] += cases
        clients = sorted({c["client_id"] for c in cases if c["client_id"]})
        found["client"] += [dict(r) for r in conn.execute(
            select(*columns["client"]).where(_client.c.id.in_(clients))
        ).mappings()]  # fmt: skip
        found["goal"] += [dict(r) for r in conn.execute(
            select(*columns["goal"]).where(_goal.c.case_id.in_(chunk), _goal.c.deleted.is_(False))
        ).mappings()]  # fmt: skip
    unique = {kind: {r["id"]: r for r in rows} for kind, rows in found.items()}
    return [(kind, unique[kind][i]) for kind in KINDS for i in sorted(unique[kind])]


def _not_arrived(table):
    """Rows of ``handover_out`` or ``handover_taken`` no bundle the office has carried yet."""
    return table.c.bundle_seq.is_(None) | table.c.bundle_seq.in_(
        select(_bundle_out.c.seq).where(_bundle_out.c.acknowledged_at.is_(None))
    )


def to_send(conn: Connection) -> tuple[list[HandoverLine], list[str]]:
    """What the next bundle carries: every package not yet in a bundle the office has, and
    every handover taken here whose confirmation has not arrived."""
    packages = [
        HandoverLine(r.handover_id, r.receiver_id, tuple(json.loads(r.cases)),
                     tuple(tuple(t) for t in json.loads(r.contents)), r.package)
        for r in conn.execute(
            select(_out).where(_not_arrived(_out), _out.c.package.is_not(None))
            .order_by(_out.c.bundle_seq.is_not(None), _out.c.handover_id)  # never carried first
            .limit(MAX_HANDOVERS)  # more go with the next bundle
        )
    ]  # fmt: skip
    taken = list(conn.execute(
        select(_taken.c.handover_id).where(_not_arrived(_taken))
        .order_by(_taken.c.bundle_seq.is_not(None), _taken.c.handover_id).limit(MAX_TAKEN)
    ).scalars())  # fmt: skip
    return sorted(packages, key=lambda p: p.handover_id), sorted(taken)


def carried(packages: Sequence, taken: Sequence) -> str:
    """What a bundle carries of handovers, for its summary (empty: nothing)."""
    said = ""
    if packages:
        said += f", {len(packages)} {'Fallübergabe' if len(packages) == 1 else 'Fallübergaben'}"
    if taken:
        said += (
            f", {len(taken)} übernommene {'Übergabe' if len(taken) == 1 else 'Übergaben'} bestätigt"
        )
    return said


def not_yet_sent(conn: Connection) -> int:
    """Packages and confirmations no bundle has carried yet (the Übertragung page)."""
    return sum(
        conn.execute(select(func.count()).select_from(table).where(
            table.c.bundle_seq.is_(None), *extra
        )).scalar()
        for table, extra in ((_out, (_out.c.package.is_not(None),)), (_taken, ()))
    )  # fmt: skip


def mark_sent(conn: Connection, seq: int, packages: Iterable[str], taken: Iterable[str]) -> None:
    """Bundle ``seq`` carries these packages and confirmations."""
    if packages := list(packages):
        conn.execute(update(_out).where(_out.c.handover_id.in_(packages)).values(bundle_seq=seq))
    if taken := list(taken):
        conn.execute(update(_taken).where(_taken.c.handover_id.in_(taken)).values(bundle_seq=seq))


# -- the receiver and the sender, at ``receive`` --------------------------------------------


@dataclass
class HandoverNews:
    """What a reply did with handovers, for the receive summary."""

    items: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.items)


def take(ws: Workspace, conn: Connection, forwarded: Sequence[ForwardedHandover],
         senders: Sequence[DirectoryEntry], news: HandoverNews) -> None:  # fmt: skip
    """Open and take each package for this device not taken yet. A package that is not what
    its sender signed for this device refuses the reply; one whose records this device holds
    in a newer version of its own is left (a warning), so nothing here is overwritten."""
    known = set(conn.execute(select(_taken.c.handover_id)).scalars())
    by_id = {e.installation_id: e for e in senders}
    keys = {i: e.signing_key for i, e in by_id.items()}
    now = utc_now()
    for item in forwarded:
        if item.handover_id in known:
            continue
        try:
            package = open_package(item.package, receiver_id=ws.installation.id,
                                   agreement_key=ws.installation.agreement_key, senders=keys)  # fmt: skip
        except BundleRejected as exc:
            raise BundleRejected(
                exc.code, f"eine Fallübergabe ist nicht in Ordnung: {exc}"
            ) from None
        sender = by_id[package.sender_id]
        if (package.handover_id, package.cases, package.listed) != (
            item.handover_id, item.cases, item.records,
        ):  # fmt: skip
            trouble = "sie enthält andere Datensätze, als die Kreisstelle geprüft hat"
        else:
            trouble = _collisions(conn, package, now)
        if trouble:
            news.warnings.append(f"Die Fallübergabe von {printable(sender.name)} wurde nicht "
                                 f"übernommen: {trouble}. Bitte die Kreisstelle ansprechen.")  # fmt: skip
            continue
        _store(conn, package)
        conn.execute(insert(_taken).values(
            handover_id=package.handover_id, sender_id=package.sender_id,
            sender_name=sender.name, taken_at=now, cases=json.dumps(package.cases),
            records=len(package.records),
        ))  # fmt: skip
        # Handed back: the records are this device's again.
        conn.execute(delete(_handed).where(
            _handed.c.record_id.in_([r["id"] for _kind, r in package.records])
        ))  # fmt: skip
        audit(conn, at=now, installation_id=ws.installation.id, action="take", entity="case",
              record_ids=list(package.cases),
              detail=f"Übergabe {package.handover_id} von {package.sender_id}")  # fmt: skip
        news.items.append({"handover_id": package.handover_id, "direction": "taken",
                           "device": sender.name, "cases": len(package.cases),
                           "records": len(package.records)})  # fmt: skip


def _collisions(conn: Connection, package: Package, now: datetime) -> str | None:
    """Why the package cannot be taken here, or None: a record from the future, or one this
    device holds already (only a record it handed over itself comes back, in the version it
    gave or a later one: it replaces the erased copy)."""
    if any(r["updated_at"] > now + RECORD_SKEW for _kind, r in package.records):
        return "Datensätze tragen eine Zeit nach jetzt"
    gone = handed_over_ids(conn)
    for kind in KINDS:
        table = TABLES[kind]
        incoming = {r["id"]: r["version"] for k, r in package.records if k == kind}
        ids = list(incoming)
        for start in range(0, len(ids), _BATCH):
            for record_id, version in conn.execute(
                select(table.c.id, table.c.version).where(table.c.id.in_(ids[start : start + _BATCH]))
            ):  # fmt: skip
                if record_id not in gone or version > incoming[record_id]:
                    return "dieses Gerät hat einige der Datensätze schon"
    return None


def _store(conn: Connection, package: Package) -> None:
    """The package's records as the sender held them, each with a change number of this
    device (their origin is not this device, so its bundles do not send them back). A record
    handed back replaces this device's erased copy."""
    for kind in KINDS:
        table = TABLES[kind]
        rows = [r for k, r in package.records if k == kind]
        if not rows:
            continue
        ids = [r["id"] for r in rows]
        present = set().union(*(known_ids(conn, table, ids[start : start + _BATCH])
                                for start in range(0, len(ids), _BATCH)))  # fmt: skip
        first = next_seq(conn, CHANGE_SEQ, len(rows))
        rows = [{**r, "change_seq": first + i} for i, r in enumerate(rows)]
        if fresh := [r for r in rows if r["id"] not in present]:
            conn.execute(insert(table), fresh)
        if again := [r for r in rows if r["id"] in present]:
            names = [name for name in again[0] if name != "id"]
            conn.execute(
                update(table).where(table.c.id == bindparam("_id"))
                .values({name: bindparam(name) for name in names}),
                [{**{name: r[name] for name in names}, "_id": r["id"]} for r in again],
            )  # fmt: skip


def complete(ws: Workspace, conn: Connection, done: Sequence[str], news: HandoverNews) -> None:
    """The office says the receiver has taken these handovers of this device: erase the
    personal data of the records handed over, and of this device's consultations with the
    client, in place (they travel no more), and drop the package."""
    rows = conn.execute(
        select(_out.c.handover_id, _out.c.receiver_name, _out.c.cases)
        .where(_out.c.handover_id.in_(list(done)), _out.c.completed_at.is_(None))
    ).all()  # fmt: skip
    now = utc_now()
    for handover_id, receiver_name, cases in rows:
        handed = conn.execute(
            select(_handed.c.entity, _handed.c.record_id).where(_handed.c.handover_id == handover_id)
        ).all()  # fmt: skip
        erased = _erase_in_place(conn, handed, now.date())
        conn.execute(update(_out).where(_out.c.handover_id == handover_id).values(
            completed_at=now, package=None,
        ))  # fmt: skip
        audit(conn, at=now, installation_id=ws.installation.id, action="erase", entity="client",
              record_ids=[i for kind, i in handed if kind == "client"],
              detail=f"Übergabe {handover_id} abgeschlossen: {erased} Datensätze")  # fmt: skip
        news.items.append({"handover_id": handover_id, "direction": "completed",
                           "device": receiver_name, "cases": len(json.loads(cases)),
                           "records": len(handed)})  # fmt: skip


def _erase_in_place(conn: Connection, handed: Sequence[tuple[str, str]], today: date) -> int:
    """Blank the local fields of the clients handed over and of everything of theirs here,
    deleted records (tombstones) included: their cases, the cases' goals, and this device's
    consultations with them."""
    clients = [i for kind, i in handed if kind == "client"]
    cases = {i for kind, i in handed if kind == "case"}
    for start in range(0, len(clients), _BATCH):
        cases |= set(conn.execute(select(_case.c.id).where(
            _case.c.client_id.in_(clients[start : start + _BATCH])
        )).scalars())  # fmt: skip
    cases = sorted(cases)
    goals = {i for kind, i in handed if kind == "goal"}
    visits: set[str] = set()
    for start in range(0, max(len(cases), len(clients)), _BATCH):
        some_cases, some_clients = cases[start : start + _BATCH], clients[start : start + _BATCH]
        goals |= set(conn.execute(
            select(_goal.c.id).where(_goal.c.case_id.in_(some_cases))
        ).scalars())  # fmt: skip
        visits |= set(conn.execute(select(consultation_t.c.id).where(
            consultation_t.c.case_id.in_(some_cases) | consultation_t.c.client_id.in_(some_clients)
        )).scalars())  # fmt: skip
    targets = (("client", clients), ("case", cases), ("goal", sorted(goals)),
               ("consultation", sorted(visits)))  # fmt: skip
    erased = 0
    for kind, record_ids in targets:
        table = TABLES[kind]
        emptied = dict.fromkeys(BY_KIND[kind].local_fields, None)
        for start in range(0, len(record_ids), _BATCH):
            chunk = record_ids[start : start + _BATCH]
            if kind == "client":  # the birth date goes, the age group it gave stays
                for client_id, born in conn.execute(
                    select(table.c.id, table.c.birth_date)
                    .where(table.c.id.in_(chunk), table.c.birth_date.is_not(None))
                ).all():  # fmt: skip
                    conn.execute(update(table).where(table.c.id == client_id).values(
                        age_group=age_group(born, today).value))  # fmt: skip
            erased += conn.execute(
                update(table).where(table.c.id.in_(chunk)).values(emptied)
            ).rowcount
            if kind == "consultation":  # the recipients its referrals name
                blank_recipients(conn, chunk)
    return erased


def pending_clients(conn: Connection) -> set[str]:
    """Clients handed over whose handover is not complete yet: their data stay until then."""
    return set(conn.execute(
        select(_handed.c.record_id).select_from(_HANDED_OUT)
        .where(_handed.c.entity == "client", _out.c.completed_at.is_(None))
    ).scalars())  # fmt: skip


# -- what the screens show -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HandoverShown:
    handover_id: str
    direction: str  # out | in
    device: str  # the other device's name
    cases: int
    at: datetime
    #: out: waiting (for a bundle), travelling (in bundle ``bundle``), completed;
    #: in: taken (to be confirmed), confirmed (in bundle ``bundle``)
    state: str
    bundle: int | None


def overview(ws: Workspace) -> list[HandoverShown]:
    """This device's handovers, out and in, newest first."""
    with ws.store.connect() as conn:
        out = conn.execute(select(
            _out.c.handover_id, _out.c.receiver_name, _out.c.cases, _out.c.created_at,
            _out.c.bundle_seq, _out.c.completed_at,
        )).all()  # fmt: skip
        taken = conn.execute(select(
            _taken.c.handover_id, _taken.c.sender_name, _taken.c.cases, _taken.c.taken_at,
            _taken.c.bundle_seq,
        )).all()  # fmt: skip
    lines = [
        HandoverShown(handover_id, "out", name, len(json.loads(cases)), at,
                      "completed" if completed else "travelling" if seq else "waiting", seq)
        for handover_id, name, cases, at, seq, completed in out
    ]  # fmt: skip
    lines += [
        HandoverShown(handover_id, "in", name, len(json.loads(cases)), at,
                      "confirmed" if seq else "taken", seq)
        for handover_id, name, cases, at, seq in taken
    ]  # fmt: skip
    return sorted(lines, key=lambda line: line.at, reverse=True)
