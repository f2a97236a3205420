"""The district office's views: devices with their bundles and gaps, the import history,
bundle files on a stick, merging with a change set, the import summary as CSV."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.text import printable
from kimdesk.fileio import starts_with, write_output
from kimdesk.store.models import BundleIn
from kimdesk.sync.identity import Identity
from kimdesk.sync.merge import COUNT_KEYS

from . import sync
from .excel_csv import excel_csv, header_of
from .trust import trusted_peers, unsigned_peers
from .workspace import Workspace

_in = BundleIn.__table__
BUNDLE_SUFFIX = ".kimb"


@dataclass(frozen=True, slots=True)
class DeviceLine:
    installation_id: str
    name: str
    fingerprint: str
    trusted_at: datetime
    last_seq: int | None
    last_created_at: datetime | None
    gaps: tuple[tuple[int, int], ...]

    def silent_for(self, now: datetime) -> timedelta | None:
        """How long since the device's latest bundle was written (None: never sent one)."""
        return now - self.last_created_at if self.last_created_at else None


def devices(ws: Workspace) -> list[DeviceLine]:
    """The enrolled case manager devices, by name, with their latest bundle and gaps."""
    with ws.store.connect() as conn:
        latest = {
            row.installation_id: row
            for row in conn.execute(
                select(_in.c.installation_id, func.max(_in.c.seq).label("seq"),
                       func.max(_in.c.created_at).label("created_at"))
                .group_by(_in.c.installation_id)
            )
        }  # fmt: skip
        lines = []
        for peer in trusted_peers(ws.installation, conn, role=Role.CASEMANAGER):
            last = latest.get(peer.installation_id)
            lines.append(
                DeviceLine(
                    peer.installation_id, printable(peer.name), peer.fingerprint, peer.trusted_at,
                    last.seq if last else None, last.created_at if last else None,
                    tuple(sync.missing_bundles(conn, peer.installation_id)),
                )
            )  # fmt: skip
    return sorted(lines, key=lambda d: d.name.casefold())


def unsigned_devices(ws: Workspace) -> list[str]:
    """Names of peer rows that this office did not sign (inserted into its database by someone
    else): they are not trusted, and the Geräte screen says so."""
    with ws.store.connect() as conn:
        return sorted(printable(p.name) for p in unsigned_peers(ws.installation, conn))


def gap_text(gaps: tuple[tuple[int, int], ...]) -> str:
    """ "Bundles 4–5 fehlen" as the device list shows it; empty without gaps."""
    if not gaps:
        return ""
    parts = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in gaps)
    single = len(gaps) == 1 and gaps[0][0] == gaps[0][1]
    return f"{'Bundle' if single else 'Bundles'} {parts} {'fehlt' if single else 'fehlen'}"


def read_identity(path: str | os.PathLike) -> Identity:
    """A case manager device's identity file, read to show its name and fingerprint before
    the coordinator enrols it."""
    identity = Identity.read(path)
    if identity.role != Role.CASEMANAGER:
        raise KimdeskError("Die Identitätsdatei gehört nicht zu einem Case-Management-Gerät.")
    return identity


def bundle_files(folder: str | os.PathLike) -> list[Path]:
    """The bundle files in a folder (a USB stick), in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise KimdeskError(f"Den Ordner {folder} gibt es nicht.")
    return sorted(p for p in folder.iterdir() if p.suffix == BUNDLE_SUFFIX and p.is_file())


@dataclass(frozen=True, slots=True)
class ImportLine:
    imported_at: datetime
    imported_by: str
    device: str
    seq: int
    file_name: str
    counts: dict[str, int]


def import_history(ws: Workspace) -> list[ImportLine]:
    """Every bundle merged here, newest first: when, by whom, from which device."""
    with ws.store.connect() as conn:
        names = {p.installation_id: printable(p.name) for p in trusted_peers(ws.installation, conn)}
        rows = conn.execute(select(_in).order_by(_in.c.imported_at.desc(), _in.c.seq.desc()))
        names[ws.installation.id] = printable(ws.installation.name)
        return [
            ImportLine(r.imported_at, names.get(r.imported_by, r.imported_by),
                       names.get(r.installation_id, r.installation_id), r.seq, r.file_name,
                       json.loads(r.counts))
            for r in rows
        ]  # fmt: skip


SUMMARY_HEADER = ["Datei", "Ergebnis", "Code", "Grund", "Gerät", "Bundle", *COUNT_KEYS, "Hinweise"]


def summary_csv(summary: sync.MergeSummary) -> bytes:
    """The import summary for Excel. File names come from a stick and, for a rejected bundle,
    the device from an unverified header: both printable, and no cell runs as a formula."""
    rows = [[printable(b.display_name, 200), b.status, b.reason_code or "", b.reason or "",
             printable(b.installation_name or b.installation or ""), b.seq or "",
             *(b.counts[k] for k in COUNT_KEYS), " | ".join(b.warnings)]
            for b in summary.bundles]  # fmt: skip
    return excel_csv(SUMMARY_HEADER, rows)


def write_summary(summary: sync.MergeSummary, path: str | os.PathLike, *, force=False) -> Path:
    return write_output(Path(path), summary_csv(summary), force=force,
                        recognise=starts_with(header_of(SUMMARY_HEADER)))  # fmt: skip


def now() -> datetime:
    return utc_now()
