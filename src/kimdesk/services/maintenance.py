"""Integrity check, new passphrase, backup."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kimdesk.domain.ids import utc_now
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


def backup_store(ws: Workspace, out: str | os.PathLike) -> Path:
    target = ws.store.backup_to(out)
    _audit_store_action(ws, "backup")
    return target
