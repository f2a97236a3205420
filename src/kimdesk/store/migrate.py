"""Schema versions and forward-only migrations (Alembic, inside the package).

The schema version is an integer: revision ``0001`` is version 1, ``0002`` version 2, ...
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def known_revisions() -> list[str]:
    """All revisions, oldest first."""
    return [r.revision for r in reversed(list(_script().walk_revisions()))]


def head_revision() -> str:
    return _script().get_current_head()


def schema_version(revision: str | None) -> int:
    """``0002`` -> 2; unknown or missing -> 0."""
    return int(revision) if revision and revision.isdigit() else 0


HEAD_VERSION = schema_version(head_revision())


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(_config(connection), target)
