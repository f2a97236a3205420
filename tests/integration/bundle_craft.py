"""Crafting bundles for the office's tests: validly signed by a real device, with any content.

``Crafter`` seals bundles with a case manager's real key, so the signature is good and only
the content is bad (or forged). ``assert_rejected`` merges and checks the reason code and that
the office is byte-for-byte unchanged.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy import text as sql

from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.services import sync
from kimdesk.store import migrate
from kimdesk.store.bookkeeping import CHANGE_SEQ, current_seq
from kimdesk.store.models import Base
from kimdesk.store.records import save_record
from kimdesk.sync import container, fields, wire
from kimdesk.sync.export import changed_records
from kimdesk.sync.identity import Identity
from kimdesk.sync.reasons import Reason

COUNT_ORDER = ["created", "updated", "unchanged", "stale", "deleted", "conflicts"]
COUNT_KEYS = set(COUNT_ORDER)


def now_text() -> str:
    """The manifest's time of a bundle written now (records are saved just before)."""
    return fields.json_value(utc_now())


def dump(ws) -> dict[str, list[tuple]]:
    """Every row of every table of the store (the audit table included), order-independent."""
    result = {}
    with ws.store.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            result[table.name] = sorted((tuple(r) for r in rows), key=repr)
        # Tables outside the models (alembic_version) and the schema itself, too.
        schema = conn.execute(sql("SELECT type, name, sql FROM sqlite_master")).all()
        result["sqlite_master"] = sorted((tuple(r) for r in schema), key=repr)
        for kind, name, _ in schema:
            if kind == "table" and name not in result:
                rows = conn.execute(sql(f'SELECT * FROM "{name}"')).all()
                result[name] = sorted((tuple(r) for r in rows), key=repr)
    assert "audit" in result and "alembic_version" in result
    return result


def add_records(ws) -> None:
    """A client, a case and a consultation in a case manager store."""
    client = Client(gender="w", nationality="SY", municipality="05382068")
    case = Case(
        client_id=client.id, municipality="05382068", program="kim", opened_on=date(2024, 3, 1)
    )
    consultation = Consultation(
        occurred_on=date(2024, 5, 6),
        municipality="05382068",
        kind="einmalig",
        topics=("wohnen",),
        referrals=(Referral("jc_afa"),),
        duration_min=30,
        client_id=client.id,
        case_id=case.id,
    )
    with ws.store.begin() as conn:
        for record in (client, case, consultation):
            save_record(conn, record, origin=ws.installation.id)


def wire_records(ws) -> list[tuple[str, dict]]:
    """The case manager's records as a bundle carries them (entity order, sorted by id)."""
    with ws.store.connect() as conn:
        upto = current_seq(conn, CHANGE_SEQ)
        return list(changed_records(conn, 0, upto, date(2025, 1, 1)))


def line(record: dict) -> bytes:
    return wire.canonical(record)


def manifest_dict(
    lines: list[tuple[str, bytes]], *, bundle_id: str, installation_id: str, seq: int
) -> dict:
    """A manifest whose counts and hashes agree with ``lines`` (each without its newline)."""
    counts = dict.fromkeys(wire.ENTITY_ORDER, 0)
    hashes = {e: hashlib.sha256() for e in wire.ENTITY_ORDER}
    for entity, text in lines:
        counts[entity] += 1
        hashes[entity].update(text + b"\n")
    return {
        "format": wire.MANIFEST_FORMAT,
        "version": wire.MANIFEST_VERSION,
        "bundle_id": bundle_id,
        "installation_id": installation_id,
        "seq": seq,
        "schema_version": migrate.HEAD_VERSION,
        "created_at": now_text(),
        "full": True,
        "change_from": 0,
        "change_to": 3,
        "entities": {
            e: {"count": counts[e], "sha256": hashes[e].hexdigest()} for e in wire.ENTITY_ORDER
        },
        "agreement_key": None,  # version 2: no key announced, no reply applied
        "reply_seq": 0,
        "profile_version": 1,  # version 4: the county profile as shipped
        "handovers": [],  # version 5: no case handover carried, none taken
        "taken": [],
    }


def plaintext(manifest: dict | bytes, stream: bytes) -> bytes:
    head = manifest if isinstance(manifest, bytes) else wire.canonical(manifest)
    return struct.pack(">I", len(head)) + head + stream


def office_identity(templates) -> Identity:
    return Identity.read(templates / "office.json")


class Crafter:
    """Validly signed bundles from the case manager with crafted content."""

    def __init__(self, cm_ws, templates, folder: Path):
        self.cm = cm_ws.installation
        self.office = office_identity(templates)
        self.folder = folder
        self.records = wire_records(cm_ws)
        self.seq = 0

    def lines(self) -> list[tuple[str, bytes]]:
        return [(e, line(r)) for e, r in self.records]

    def seal(self, plain: bytes, *, seq: int, bundle_id: str, **over) -> bytes:
        args = dict(
            installation_id=self.cm.id,
            signing_key=self.cm.signing_key,
            signer_name=self.cm.name,
            seq=seq,
            bundle_id=bundle_id,
            recipient_id=self.office.installation_id,
            recipient_key=self.office.encryption_key,
            plaintext=plain,
        )
        args.update(over)
        return container.seal(**args)

    def bundle(
        self,
        lines=None,
        *,
        manifest=None,
        stream=None,
        tail=b"",
        name=None,
        seq=None,
        bundle_id=None,
        **seal_over,
    ) -> Path:
        """Write a bundle; ``manifest`` is a dict of overrides or a function changing it."""
        self.seq += 1
        seq = self.seq if seq is None else seq
        bundle_id = bundle_id or uuid7()
        lines = self.lines() if lines is None else lines
        m = manifest_dict(lines, bundle_id=bundle_id, installation_id=self.cm.id, seq=seq)
        if callable(manifest):
            m = manifest(m) or m
        elif manifest:
            m.update(manifest)
        if stream is None:
            stream = zlib.compress(b"".join(text + b"\n" for _, text in lines))
        data = self.seal(plaintext(m, stream + tail), seq=seq, bundle_id=bundle_id, **seal_over)
        path = self.folder / (name or f"crafted-{self.seq:03d}.kimb")
        path.write_bytes(data)
        return path


def assert_rejected(office, paths, *codes: Reason):
    """Merge ``paths``; each must be rejected with one of ``codes``, the store unchanged."""
    before = dump(office)
    summary = sync.merge_bundles(office, [str(p) for p in paths])
    for report in summary.bundles:
        assert report.status == "rejected", (report.file, report.reason)
        assert report.reason, report.file
        assert report.reason_code in codes, (report.file, report.reason_code, report.reason)
        assert report.counts == dict.fromkeys(COUNT_KEYS, 0)
    assert summary.totals["rejected"] == len(paths)
    assert dump(office) == before
    return summary


def assert_reasons(office, cases: dict[Path, Reason]):
    """Merge all ``cases`` at once; each is rejected with its own code, the store unchanged."""
    before = dump(office)
    summary = sync.merge_bundles(office, list(cases))
    for (path, code), report in zip(cases.items(), summary.bundles, strict=True):
        assert report.status == "rejected", (path.name, code, report.reason)
        assert report.reason_code == code, (path.name, code, report.reason_code, report.reason)
        assert report.counts == dict.fromkeys(COUNT_KEYS, 0)
    assert dump(office) == before
    return summary


def rejection(office, path) -> sync.BundleReport:
    (report,) = sync.merge_bundles(office, [str(path)]).bundles
    assert report.status == "rejected", report.reason
    return report
