"""Moving an office (or the Land) from its SQLite file to a PostgreSQL server
(``init --from-store``).

Everything moves — identity and keys (sealed on the server), enrolled devices, bundle and
change bookkeeping, conflicts, import history, audit trail, data — in one transaction on the
server, read with SQLAlchemy Core in chunks. The move counts as done only when every table
has the same number of rows on both sides and the statistics are identical.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, func, insert, select

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.stats.filters import Filters
from kimdesk.stats.report import compute
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import load_installation, save_installation
from kimdesk.store.models import Base
from kimdesk.store.server import ServerStore, display_url

from .workspace import Workspace, open_workspace

CHUNK = 5000
_SKIP = {"alembic_version", "installation"}


@dataclass(frozen=True)
class Moved:
    url: str
    rows: dict[str, int]


def _comparable(report: dict) -> dict:
    return {k: v for k, v in report.items() if k != "generated_at"}


def move_to_server(source: Workspace, url: str, passphrase: str, progress=None) -> Moved:
    """Copy an office's (or the Land's) store to an empty server database under the same
    passphrase."""
    if source.installation.role not in (Role.OFFICE, Role.LAND):
        raise KimdeskError("Nur der Speicher einer Kreisstelle oder der Landesstelle kann auf "
                           "einen Server umziehen.")  # fmt: skip
    target = ServerStore.create(url, passphrase)
    tables = [t for t in Base.metadata.sorted_tables if t.name not in _SKIP]
    rows: dict[str, int] = {}
    try:
        with source.store.connect() as src, target.begin() as dst:
            save_installation(dst, load_installation(src), seal=target.seal)
            for number, table in enumerate(tables, start=1):
                copied = 0
                result = src.execute(select(table).order_by(*table.primary_key.columns))
                for chunk in result.mappings().partitions(CHUNK):
                    dst.execute(insert(table), [dict(r) for r in chunk])
                    copied += len(chunk)
                rows[table.name] = copied
                if progress:
                    progress(number, len(tables))
            _continue_sequences(dst, tables)
            _verify(src, dst, tables, rows)
            audit(dst, at=utc_now(), installation_id=source.installation.id, action="move",
                  entity="installation", record_ids=[source.installation.id],
                  detail=f"from file to {display_url(url)}")  # fmt: skip
    finally:
        target.close()
    return Moved(display_url(url), rows)


def _continue_sequences(dst, tables) -> None:
    """Copied rows brought their numbers along: the server's counters carry on after them."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if (
            len(pk) == 1
            and isinstance(pk[0].type, Integer)
            and pk[0].autoincrement in (True, "auto")
        ):
            dst.execute(
                select(func.setval(func.pg_get_serial_sequence(table.name, pk[0].name),
                                   func.coalesce(func.max(pk[0]), 0) + 1, False))
            )  # fmt: skip


def _verify(src, dst, tables, rows: dict[str, int]) -> None:
    for table in tables:
        there = dst.execute(select(func.count()).select_from(table)).scalar()
        if there != rows[table.name]:
            raise KimdeskError(f"Der Umzug ist unvollständig (Tabelle {table.name}).")
    now = utc_now()
    if _comparable(compute(src, Filters(), generated_at=now)) != _comparable(
        compute(dst, Filters(), generated_at=now)
    ):
        raise KimdeskError("Nach dem Umzug weichen die Statistiken ab; der Umzug wurde verworfen.")


def open_moved(url: str, passphrase: str) -> Workspace:
    return open_workspace(url, passphrase)


__all__ = ["Moved", "move_to_server", "open_moved"]
