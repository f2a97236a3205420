"""Creating and opening a store of either kind: a SQLCipher file or a PostgreSQL server.

The only module that knows both (``engine`` for files, ``server`` for servers, which builds
on ``engine``'s errors and checks), so neither imports the other back.
"""

from __future__ import annotations

import os

from .engine import Store
from .server import ServerStore, is_server_url


def create_store(target: str | os.PathLike, passphrase: str) -> Store | ServerStore:
    """A new store: a SQLCipher file, or for a ``postgresql+psycopg://`` address a server store."""
    if is_server_url(target):
        return ServerStore.create(str(target), passphrase)
    return Store.create(target, passphrase)


def open_store(
    target: str | os.PathLike, passphrase: str, *, migrate_ok: bool = True
) -> Store | ServerStore:
    if is_server_url(target):
        return ServerStore.open(str(target), passphrase, migrate_ok=migrate_ok)
    return Store.open(target, passphrase, migrate_ok=migrate_ok)
