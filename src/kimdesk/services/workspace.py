"""An open store with its installation and catalog: what every use case works on."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.paths import state_dir
from kimdesk.store.bookkeeping import audit
from kimdesk.store.engine import Store, WrongPassphrase
from kimdesk.store.installation import InstallationInfo, load_catalog, load_installation
from kimdesk.store.opening import open_store
from kimdesk.store.server import ServerStore, display_url, is_server_url

from .trust import sign_after_migration

#: After the second wrong passphrase in a row each attempt waits longer, up to this limit.
MAX_DELAY_S = 30.0


@dataclass
class Workspace:
    store: Store | ServerStore
    installation: InstallationInfo
    catalog: Catalog

    @property
    def path(self) -> Path | str:
        """The store file, or a server store's address without password."""
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def require_role(ws: Workspace, role: Role, what: str) -> None:
    """Refuse a use case in a store of the other role, in a German sentence."""
    if ws.installation.role != role:
        where = {Role.OFFICE: "einer Kreisstelle", Role.LAND: "der Landesstelle"}.get(
            role, "eines Case-Managements")  # fmt: skip
        raise KimdeskError(f"{what} geht nur im Speicher {where}.")


def _failure_file(path: Path | str) -> Path:
    where = str(path.resolve()) if isinstance(path, Path) else display_url(path)
    key = hashlib.sha256(where.encode("utf-8")).hexdigest()[:24]
    folder = state_dir()
    return folder / f"unlock-{key}.json"


def store_target(path: str | os.PathLike) -> Path | str:
    """A store file as a path; a server address stays the string it is."""
    return path if is_server_url(path) else Path(path)


def failed_attempts(path: Path | str) -> int:
    try:
        return int(json.loads(_failure_file(path).read_text())["failures"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def delay_for(failures: int) -> float:
    """No delay for the first mistake; then 1, 2, 4 ... seconds, at most MAX_DELAY_S."""
    if failures < 1:
        return 0.0
    return min(2.0 ** (failures - 1), MAX_DELAY_S)


def _record_failure(path: Path | str, failures: int) -> None:
    target = _failure_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"failures": failures}))
    except OSError:
        pass  # the delay is a courtesy brake, not a lock; never fail an unlock on it


def open_workspace(path: str | os.PathLike, passphrase: str, *, sleep=time.sleep) -> Workspace:
    """Open a store (file or server) with a growing delay after repeated wrong passphrases."""
    path = store_target(path)
    failures = failed_attempts(path)
    wait = delay_for(failures)
    if wait:
        sleep(wait)
    try:
        store = open_store(path, passphrase)
        try:
            with store.connect() as conn:
                # On a server the keys are sealed: a wrong passphrase shows here.
                installation = load_installation(conn, unseal=store.unseal)
                catalog = load_catalog(conn)
            if store.migrated_from is not None:
                with store.begin() as conn:
                    sign_after_migration(installation, conn, store)
        except Exception:
            store.close()
            raise
    except WrongPassphrase:
        _record_failure(path, failures + 1)
        raise
    if failures:
        _failure_file(path).unlink(missing_ok=True)
        # The audit trail learns of the wrong attempts (how many, never what was typed).
        with store.begin() as conn:
            audit(conn, at=utc_now(), installation_id=installation.id, action="unlock_failed",
                  entity="installation", record_ids=[installation.id],
                  detail=f"{failures} Fehlversuche")  # fmt: skip
    return Workspace(store, installation, catalog)


def open_for_desktop(path: str | os.PathLike, passphrase: str) -> Workspace:
    """``open_workspace`` for the desktop app: a Land's store has no screens (issue 20: the
    Land works on the command line) and is refused with a sentence saying what works instead;
    the store is closed again."""
    ws = open_workspace(path, passphrase)
    if ws.installation.role == Role.LAND:
        ws.close()
        raise KimdeskError(
            "Ein Speicher der Landesstelle: sie arbeitet auf der Kommandozeile mit "
            "kimdesk enroll, merge und stats."
        )
    return ws
