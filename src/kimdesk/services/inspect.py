"""``kimdesk inspect``: a bundle's contents for an auditor, without a key leaving the store.

The bundle is checked exactly as ``merge`` checks it (and merged in a transaction that is
rolled back, so the status is the one a merge would report now); then its header, its
manifest and its record lines are written as they are in the bundle. With these files and
docs/sync.md anyone can recount the records and recompute every hash with their own tools.
Nothing is merged; the office store is unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.fileio import shown, write_outputs

from .sync import MERGE_CACHE_KIB, BundleReport, merge_one, require_role
from .workspace import Workspace

FILES = ("header.json", "manifest.json", "records.jsonl")


@dataclass(frozen=True)
class Inspection:
    report: BundleReport
    written: list[Path]


def inspect_bundle(ws: Workspace, path: str | os.PathLike, out: str | os.PathLike) -> Inspection:
    """Verify ``path`` as a merge would and write header, manifest and records into ``out``
    (a new or empty folder). A rejected bundle writes nothing; the report says why."""
    require_role(ws, Role.OFFICE, "Das Prüfen von Bundles")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise KimdeskError(f"{shown(folder)} ist kein Ordner.")
    if not folder.parent.is_dir():
        raise KimdeskError(f"Der Ordner {shown(folder.parent)} existiert nicht.")
    opened: dict = {}
    with ws.store.pragmas(foreign_keys=False, cache_size=-MERGE_CACHE_KIB, secure_delete=False):
        conn = ws.store.connect(write=True)
        try:
            report = merge_one(ws, conn, Path(path), None, opened)
        finally:
            conn.rollback()
            conn.close()
    if report.status == "rejected":
        return Inspection(report, [])
    folder.mkdir(exist_ok=True)
    plaintext, offset = opened["plaintext"], opened["offset"]
    files = [
        (folder / "header.json", _header_json(opened, report)),
        (folder / "manifest.json", plaintext[4:offset]),
        (folder / "records.jsonl", zlib.decompress(plaintext[offset:])),
    ]
    return Inspection(report, write_outputs(files))


def _header_json(opened: dict, report: BundleReport) -> bytes:
    header, peer, data = opened["header"], opened["peer"], opened["data"]
    document = {
        "file": report.display_name,
        "file_size": len(data),
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "format_version": header.version,
        "installation_id": header.installation_id,
        "signer_key": base64.b64encode(header.signer_key).decode("ascii"),
        "seq": header.seq,
        "bundle_id": header.bundle_id,
        "recipient_id": header.recipient_id,
        "signer_name": header.signer_name,
        "payload_offset": header.payload_offset,
        "payload_length": header.payload_length,
        "signature": "valid",
        "device": {"name": peer.name, "fingerprint": peer.fingerprint},
        "merge": {
            "status": report.status,
            "counts": report.counts,
            "warnings": report.warnings,
        },
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
