"""Integrity check, new passphrase, backup."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kimdesk.domain.ids import utc_now
from kimdesk.fileio import check_output
from kimdesk.store import migrate
from kimdesk.store.bookkeeping import audit

from .workspace import Workspace


@dataclass(frozen=True)
class CheckReport:
    path: Path
    schema_version: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(ws: Workspace) -> CheckReport:
    problems = ws.store.integrity_problems()
    version = ws.store.schema_version
    if ws.store.revision != migrate.head_revision():
        problems.append(f"Schema {version} statt {migrate.HEAD_VERSION}")
    return CheckReport(ws.path, version, problems)


def _audit_store_action(ws: Workspace, action: str) -> None:
    with ws.store.begin() as conn:
        audit(
            conn,
            at=utc_now(),
            installation_id=ws.installation.id,
            action=action,
            entity="installation",
            record_ids=[ws.installation.id],
        )


def rekey_store(ws: Workspace, new_passphrase: str) -> None:
    ws.store.rekey(new_passphrase)
    _audit_store_action(ws, "rekey")


def backup_store(ws: Workspace, out: str | os.PathLike, *, force: bool = False) -> Path:
    """A verified encrypted copy. ``out`` may be a folder (a dated name is chosen in it);
    ``force`` replaces only an earlier backup of this same installation."""
    target = Path(out)
    if target.is_dir() and not target.is_symlink():
        stem = Path(str(ws.path)).stem
        target = target / f"{stem}-sicherung-{datetime.now():%Y%m%d-%H%M%S}.kdb"
    replace = check_output(target, force=force, recognise=ws.store.is_backup_of_self)
    ws.store.backup_to(target, replace=replace)
    _audit_store_action(ws, "backup")
    return target
