"""Use cases of the transfer: enrol a device, write a bundle, merge bundles, settle conflicts."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.text import printable
from kimdesk.fileio import InputRefused, check_output, read_limited, shown, write_recorded
from kimdesk.store import migrate
from kimdesk.store.bookkeeping import BUNDLE_SEQ, CHANGE_SEQ, audit, current_seq, next_seq
from kimdesk.store.bulk import cyclic_gc_paused
from kimdesk.store.installation import PeerInfo
from kimdesk.store.models import BundleIn, BundleOut, Conflict, ReplyIn
from kimdesk.store.records import TABLES
from kimdesk.sync import container, wire
from kimdesk.sync.admission import RECORD_SKEW, Admission
from kimdesk.sync.export import changed_records
from kimdesk.sync.identity import fingerprint, x25519_public
from kimdesk.sync.merge import COUNT_KEYS, Merger
from kimdesk.sync.reasons import BundleRejected, Reason

from . import forwarding, handovers
from .changes import NOTHING, RECORDS, Change, Changes
from .enrolment import Enrolment, enroll  # noqa: F401 - the office's API: sync.enroll
from .trust import take_announced_key, trusted_peers, unsigned_peers
from .workspace import Workspace, require_role

_out = BundleOut.__table__
_in = BundleIn.__table__
_conflict = Conflict.__table__
#: Page cache during a merge: encrypted upserts are bound by it (KiB).
MERGE_CACHE_KIB = 512 * 1024

Progress = Callable[[int, int | None], None]


# -- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    seq: int | None
    records: int
    counts: dict[str, int]
    message: str
    #: Case handover packages and confirmations the bundle carries.
    handovers: int = 0

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.BUNDLE) if self.path else NOTHING


def slug(text: str) -> str:
    """A name as a file name may hold it everywhere: ASCII letters, digits and hyphens."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    return slug[:40] or "geraet"


def default_bundle_name(ws: Workspace, seq: int) -> str:
    return f"kimdesk-{slug(ws.installation.name)}-{ws.installation.id[-8:]}-{seq:05d}.kimb"


def export_bundle(
    ws: Workspace,
    out: str | os.PathLike,
    *,
    full: bool = False,
    today: date | None = None,
) -> ExportResult:
    """Write the next bundle: changes since the last one (or everything), atomically."""
    require_role(ws, Role.CASEMANAGER, "Das Schreiben eines Bundles")
    office = _office(ws)
    with ws.store.connect() as conn:
        last = conn.execute(select(func.max(_out.c.change_to))).scalar() or 0
        last_seq = conn.execute(select(func.max(_out.c.seq))).scalar() or 0
        upto = current_seq(conn, CHANGE_SEQ)
        packages, taken = handovers.to_send(conn)
    since = 0 if full else last
    if upto <= since and not packages and not taken:
        return ExportResult(
            None, None, 0, {},
            f"Keine neuen Änderungen seit Bundle {last_seq}; es wurde kein Bundle geschrieben."
            if last_seq else "Der Speicher enthält noch keine Daten; es wurde kein Bundle geschrieben.",
        )  # fmt: skip
    target = Path(out)
    created = utc_now()
    bundle_id = uuid7()
    payload = wire.PayloadWriter()
    latest = ""
    with ws.store.connect() as conn:
        for entity, record in changed_records(
            conn, since, upto, today or date.today(), ws.installation.id
        ):
            payload.add(entity, record)
            latest = max(latest, record["updated_at"])
        notes = [payload.add_handover(line) for line in packages]  # after the records
        seq = current_seq(conn, BUNDLE_SEQ) + 1  # taken for real in the transaction below
        reply_seq = conn.execute(select(func.max(ReplyIn.seq))).scalar() or 0
    _refuse_times_after(latest, created)
    if target.is_dir():
        target = target / default_bundle_name(ws, seq)
    if os.path.lexists(target):
        raise KimdeskError(
            f"Die Datei {shown(target)} gibt es schon; ein Bundle wird nicht überschrieben."
        )
    check_output(target)  # not a store's companion file, not beside a store in use
    manifest = wire.Manifest(
        bundle_id=bundle_id,
        installation_id=ws.installation.id,
        seq=seq,
        schema_version=migrate.HEAD_VERSION,
        created_at=created,
        full=full,
        change_from=since,
        change_to=upto,
        counts=dict(payload.counts),
        hashes=payload.hashes,
        agreement_key=x25519_public(ws.installation.agreement_key),
        reply_seq=reply_seq,
        profile_version=ws.catalog.version,
        handovers=tuple(notes),
        taken=tuple(taken),
    )
    data = container.seal(
        installation_id=ws.installation.id,
        signing_key=ws.installation.signing_key,
        signer_name=ws.installation.name,
        seq=seq,
        bundle_id=bundle_id,
        recipient_id=office.installation_id,
        recipient_key=office.agreement_key,
        plaintext=payload.finish(manifest),
    )

    def record(conn) -> None:
        if next_seq(conn, BUNDLE_SEQ) != seq:
            raise KimdeskError("Gleichzeitig wurde ein anderes Bundle geschrieben.")
        conn.execute(
            insert(_out).values(
                seq=seq,
                bundle_id=bundle_id,
                created_at=created,
                change_from=since,
                change_to=upto,
                full=full,
                file_name=shown(target.name)[:400],
                records=manifest.total,
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
        handovers.mark_sent(conn, seq, (line.handover_id for line in packages), taken)
        audit(conn, at=created, installation_id=ws.installation.id, action="export",
              entity="bundle", record_ids=[bundle_id], detail=f"Bundle {seq}")  # fmt: skip

    write_recorded(target, data, ws.store.begin, record)
    return ExportResult(
        target, seq, manifest.total, dict(manifest.counts),
        f"Bundle {seq} geschrieben: {shown(target)} ({manifest.total} "
        f"{'Datensatz' if manifest.total == 1 else 'Datensätze'}"
        f"{handovers.carried(packages, taken)}). Bitte zur Kreisstelle bringen.",
        len(packages) + len(taken),
    )  # fmt: skip


def _refuse_times_after(latest: str, created) -> None:
    """The office refuses a bundle with a record saved after the bundle was written (a clock
    that ran ahead): say so here, where the clock can be fixed, instead of on the stick."""
    when = wire.parse_time(latest) if latest else None
    if when is not None and when > created + RECORD_SKEW:
        raise KimdeskError(
            f"Datensätze dieses Geräts tragen eine Zeit nach jetzt ({when:%d.%m.%Y %H:%M} UTC): "
            "die Uhr des Geräts ging beim Speichern vor. Die Kreisstelle würde das "
            "Bundle ablehnen. Bitte Datum und Uhrzeit prüfen und diese Datensätze erneut "
            "speichern; es wurde kein Bundle geschrieben."
        )


def _office(ws: Workspace) -> PeerInfo:
    with ws.store.connect() as conn:
        offices = trusted_peers(ws.installation, conn, role=Role.OFFICE)
    if not offices:
        raise KimdeskError("Dieser Speicher kennt keine Kreisstelle, an die er Bundles schickt.")
    return offices[0]


def bundle_history(ws: Workspace) -> list[dict]:
    with ws.store.connect() as conn:
        rows = conn.execute(select(_out).order_by(_out.c.seq)).mappings().all()
    return [dict(r) for r in rows]


# -- merge -----------------------------------------------------------------------------------


@dataclass
class BundleReport:
    file: str
    status: str  # imported | already_imported | rejected
    reason: str | None = None
    reason_code: Reason | None = None
    installation: str | None = None
    installation_name: str | None = None
    seq: int | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    warnings: list[str] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        """The file's name as it can be printed (a stick may hold any bytes)."""
        return shown(Path(self.file).name)

    def reject(self, exc: BundleRejected) -> None:
        self.status, self.reason, self.reason_code = "rejected", str(exc), exc.code
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.warnings = []

    def as_json(self) -> dict:
        return {
            "file": shown(self.file),
            "status": self.status,
            "reason": self.reason,
            "reason_code": self.reason_code and str(self.reason_code),
            "installation": self.installation,
            "seq": self.seq,
            "counts": dict(self.counts),
            "warnings": list(self.warnings),
        }


@dataclass
class MergeSummary:
    bundles: list[BundleReport]
    dry_run: bool

    @property
    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(COUNT_KEYS, 0)
        for b in self.bundles:
            if b.status == "imported":
                for k in COUNT_KEYS:
                    totals[k] += b.counts[k]
        totals["rejected"] = sum(b.status == "rejected" for b in self.bundles)
        return totals

    @property
    def any_rejected(self) -> bool:
        return any(b.status == "rejected" for b in self.bundles)

    @property
    def changes(self) -> Changes:
        """Every record may have changed, and conflicts and bundles, once one is imported."""
        if self.dry_run or not any(b.status == "imported" for b in self.bundles):
            return NOTHING
        return Changes.of(*RECORDS, Change.CONFLICT, Change.BUNDLE)

    def as_json(self) -> dict:
        return {"bundles": [b.as_json() for b in self.bundles], "totals": self.totals}


def merge_bundles(
    ws: Workspace,
    files: Sequence[str | os.PathLike],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> MergeSummary:
    """Verify and merge each bundle in its own transaction; a rejected one changes nothing.

    A dry run merges in the same way inside one transaction that is rolled back at the end,
    so it reports exactly what the real run would (a bundle twice: already_imported).
    """
    require_role(ws, Role.OFFICE, "Das Zusammenführen von Bundles")
    reports = []
    with ws.store.pragmas(foreign_keys=False, cache_size=-MERGE_CACHE_KIB, secure_delete=False):
        conn = ws.store.connect(write=True)
        try:
            for path in files:
                reports.append(merge_one(ws, conn, Path(path), progress))
                if not dry_run:
                    conn.commit()
            conn.rollback()
        finally:
            conn.close()
    return MergeSummary(reports, dry_run)


_INPUT_REASONS = {
    "missing": Reason.MISSING,
    "not_a_file": Reason.NOT_A_FILE,
    "too_large": Reason.TOO_LARGE,
    "unreadable": Reason.UNREADABLE,
}


def read_bundle(path: Path, what: str = "Die Bundle-Datei", *,
                limit: int = container.MAX_BUNDLE_BYTES) -> bytes:  # fmt: skip
    """A bundle's (or reply's, or report's) bytes: a regular file of at most ``limit`` bytes
    (1 GiB), checked before it is read."""
    try:
        return read_limited(path, limit, what=what)
    except InputRefused as exc:
        raise BundleRejected(_INPUT_REASONS[exc.kind], str(exc).rstrip(".")) from None


def merge_one(
    ws: Workspace, conn, path: Path, progress: Progress | None, opened: dict | None = None
) -> BundleReport:
    report = BundleReport(file=str(path), status="rejected")
    try:
        data = read_bundle(path)
    except BundleRejected as exc:
        report.reject(exc)
        return report
    for attempt in range(MERGE_ATTEMPTS):
        savepoint = conn.begin_nested()
        try:
            _verify_and_merge(ws, conn, path, data, report, progress, opened)
        except BundleRejected as exc:
            savepoint.rollback()
            report.reject(exc)
        except DBAPIError as exc:
            savepoint.rollback()
            if not _concurrent(exc) or attempt == MERGE_ATTEMPTS - 1:
                raise
            # Another coordinator merged the same records at the same moment (a server
            # store): its work is committed now, so this bundle is merged again on top.
            report.counts, report.warnings = dict.fromkeys(COUNT_KEYS, 0), []
            continue
        except BaseException:
            savepoint.rollback()
            raise
        else:
            savepoint.commit()
        return report
    return report


#: On a server, a bundle whose records another coordinator wrote at the same time is retried.
MERGE_ATTEMPTS = 4
#: unique_violation, serialization_failure, deadlock_detected
_CONCURRENT_STATES = {"23505", "40001", "40P01"}


def _concurrent(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in _CONCURRENT_STATES


def _signer(ws: Workspace, conn, header: container.Header) -> PeerInfo:
    known = {p.installation_id: p for p in trusted_peers(ws.installation, conn)}
    peer = known.get(header.installation_id)
    if peer is None:
        print_ = fingerprint(header.installation_id, Role.CASEMANAGER, header.signer_name,
                             header.signer_key, None)  # fmt: skip
        forged = any(p.installation_id == header.installation_id
                     for p in unsigned_peers(ws.installation, conn))  # fmt: skip
        raise BundleRejected(
            Reason.UNKNOWN_SIGNER,
            f"signiert von einer nicht eingetragenen Installation: {printable(header.signer_name)} "
            f"(Fingerabdruck {print_})"
            + ("; ihr Eintrag in der Datenbank trägt nicht die Signatur dieser Kreisstelle"
               if forged else ""),
        )  # fmt: skip
    if peer.role != Role.CASEMANAGER:
        raise BundleRejected(
            Reason.NOT_A_DEVICE, "das Bundle stammt nicht von einem Case-Management-Gerät"
        )
    if peer.signing_key != header.signer_key:
        raise BundleRejected(
            Reason.KEY_MISMATCH,
            f"signiert mit einem anderen Schlüssel als dem eingetragenen von {printable(peer.name)} "
            f"(Fingerabdruck {peer.fingerprint})",
        )
    return peer


def _verify_and_merge(ws, conn, path, data, report, progress, opened=None) -> None:
    """The checks of docs/sync.md in their order, then the merge. ``opened`` (inspect) receives
    what was read: header, manifest, plaintext and where the records start."""
    header = container.read_header(data)
    # Not yet verified, but it tells the coordinator which device the file claims to be from.
    report.installation, report.seq = header.installation_id, header.seq
    peer = _signer(ws, conn, header)
    container.verify(data, header, peer.signing_key)
    report.installation, report.installation_name = peer.installation_id, peer.name
    report.seq = header.seq
    if header.recipient_id != ws.installation.id:
        raise BundleRejected(
            Reason.WRONG_RECIPIENT, "das Bundle ist für eine andere Kreisstelle verschlüsselt"
        )
    plaintext = container.open_payload(data, header, ws.installation.agreement_key)
    manifest, offset = wire.read_manifest(plaintext)
    if (manifest.bundle_id, manifest.installation_id, manifest.seq) != (
        header.bundle_id, header.installation_id, header.seq,
    ):  # fmt: skip
        raise BundleRejected(
            Reason.MANIFEST_MISMATCH, "Manifest und Kopf des Bundles widersprechen sich"
        )
    names = {p.installation_id: p.name for p in trusted_peers(ws.installation, conn)}
    names[ws.installation.id] = ws.installation.name
    admission = Admission(signer=peer.installation_id, signer_name=peer.name,
                          created_at=manifest.created_at, now=utc_now(), catalog=ws.catalog,
                          names=names, profile_version=manifest.profile_version)  # fmt: skip
    admission.check_bundle(manifest.total)
    # Manifest hashes and counts, strict JSON, every record's fields, origins, times and codes:
    # checked in full before the store is touched. Progress: the check is the first half, the
    # merge the second.
    steps = 2 * manifest.total
    with cyclic_gc_paused():  # a dict per record, freed at once: no cycles to look for
        verified = wire.verify_records(
            plaintext,
            offset,
            manifest,
            tick=(lambda done: progress(done, steps)) if progress else None,
            observe=admission.observe,
        )
    text_warnings = admission.finish()
    if opened is not None:
        opened.update(data=data, header=header, peer=peer, plaintext=plaintext, offset=offset)
    if manifest.schema_version > migrate.HEAD_VERSION:
        raise BundleRejected(
            Reason.SCHEMA_NEWER,
            f"das Bundle stammt von einer neueren KIMdesk-Version (Schema "
            f"{manifest.schema_version}); bitte KIMdesk in der Kreisstelle aktualisieren",
        )
    digest = hashlib.sha256(data).hexdigest()
    # Two coordinators importing from the same device wait for each other here (server).
    ws.store.lock_installation(conn, header.installation_id)
    seen = conn.execute(
        select(_in.c.installation_id, _in.c.sha256).where(_in.c.bundle_id == header.bundle_id)
    ).first()
    if seen is not None:
        if (seen.installation_id, seen.sha256) != (header.installation_id, digest):
            raise BundleRejected(
                Reason.BUNDLE_ID_REUSED,
                "ein Bundle mit dieser Kennung wurde schon mit anderem Inhalt übernommen",
            )
        report.status = "already_imported"
        return
    earlier = conn.execute(
        select(_in.c.bundle_id).where(
            _in.c.installation_id == header.installation_id, _in.c.seq == header.seq
        )
    ).first()
    if earlier is not None:
        report.warnings.append(
            f"Bundle {header.seq} von {printable(peer.name)} kam schon einmal mit anderem Inhalt; wurde das "
            "Gerät aus einer Sicherung wiederhergestellt? Alle Datensätze werden übernommen, "
            "abweichende Fassungen als Konflikte."
        )

    if manifest.agreement_key and manifest.agreement_key != peer.agreement_key:
        taken = take_announced_key(ws.installation, conn, peer, manifest.agreement_key, header.seq)
        report.warnings.append(taken)

    def tick(done: int) -> None:
        if progress:
            progress(manifest.total + done, steps)

    now = utc_now()
    counts = Merger(
        conn, header.bundle_id, tick, signer=header.installation_id, office=ws.installation.id
    ).merge(wire.verified_records(plaintext, offset, manifest, verified))
    report.counts = counts.as_dict()
    if verified.handovers or manifest.taken:
        report.warnings += forwarding.register(
            conn, ws.installation, signer=peer, bundle_id=header.bundle_id,
            lines=verified.handovers, taken=manifest.taken, now=now,
        )  # fmt: skip
    conn.execute(
        insert(_in).values(
            bundle_id=header.bundle_id,
            installation_id=header.installation_id,
            seq=header.seq,
            created_at=manifest.created_at,
            imported_at=now,
            imported_by=ws.installation.id,
            file_name=shown(path.name)[:400],
            sha256=digest,
            counts=json.dumps(report.counts),
        )
    )
    audit(conn, at=now, installation_id=ws.installation.id, action="merge", entity="bundle",
          record_ids=[header.bundle_id],
          detail=f"{peer.installation_id} #{header.seq}")  # fmt: skip
    report.warnings.extend(text_warnings)
    report.warnings.extend(_gap_warnings(conn, peer))
    report.warnings.extend(_dangling_warnings(conn))
    report.status = "imported"


def missing_bundles(conn, installation_id: str) -> list[tuple[int, int]]:
    """Ranges (first, last) of sequence numbers below the highest received that are missing."""
    seqs = sorted(
        set(
            conn.execute(
                select(_in.c.seq).where(_in.c.installation_id == installation_id)
            ).scalars()
        )
    )
    gaps, expected = [], 1
    for seq in seqs:
        if seq > expected:
            gaps.append((expected, seq - 1))
        expected = seq + 1
    return gaps


def _gap_warnings(conn, peer: PeerInfo) -> list[str]:
    gaps = missing_bundles(conn, peer.installation_id)
    if not gaps:
        return []
    word = "Bundle" if gaps == [(gaps[0][0], gaps[0][0])] else "Bundles"
    text = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in gaps[:20])
    if len(gaps) > 20:
        text += f" und {len(gaps) - 20} weitere Lücken"
    return [f"{word} {text} von {printable(peer.name)} noch nicht eingetroffen."]


_REFERENCES = (
    ("case", "client_id", "client", "Fälle verweisen auf Klient:innen"),
    ("goal", "case_id", "case", "Ziele verweisen auf Fälle"),
    ("consultation", "case_id", "case", "Beratungen verweisen auf Fälle"),
    ("consultation", "client_id", "client", "Beratungen verweisen auf Klient:innen"),
    ("group_session", "offer_id", "group_offer", "Gruppentermine verweisen auf Angebote"),
)


def _dangling_warnings(conn) -> list[str]:
    warnings = []
    for entity, column, target, text in _REFERENCES:
        table, other = TABLES[entity], TABLES[target]
        missing = conn.execute(
            select(func.count())
            .select_from(table)
            .where(table.c[column].is_not(None), table.c[column].not_in(select(other.c.id)))
        ).scalar()
        if missing:
            warnings.append(f"{missing} {text}, die noch nicht eingetroffen sind.")
    return warnings
