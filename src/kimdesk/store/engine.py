"""The encrypted store: one SQLCipher 4 file, opened once per process.

Key derivation costs ~125 ms, so a process opens the store once and keeps its single
connection. A wrong key passes ``PRAGMA key`` and fails at the first read: the check runs
right after connecting, before anything could be written.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import QueuePool

from kimdesk.domain.errors import KimdeskError
from kimdesk.fileio import fsync_file, publish, temp_beside, write_error

from . import migrate

_BINARY = getattr(os, "O_BINARY", 0)
SQLITE_HEADER = b"SQLite format 3\x00"
_IMMEDIATE = "kimdesk_immediate"
#: How long a write waits for another KIMdesk that holds the store (ms).
BUSY_TIMEOUT_MS = 5000
MIN_PASSPHRASE = 10
#: Page cache for normal work (KiB when negative); bulk paths raise it for their duration.
DEFAULT_CACHE_KIB = 64 * 1024


class StoreError(KimdeskError):
    """The store cannot be opened or used."""


class WrongPassphrase(StoreError):
    pass


class NotAStore(StoreError):
    pass


class NewerStore(StoreError):
    pass


class StoreBusy(StoreError):
    """Another process holds the store's write lock longer than the busy timeout."""


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def make_engine(path: Path, passphrase: str) -> Engine:
    """An engine for the SQLCipher file at ``path``: one connection, its PRAGMAs set, the key
    not yet checked. ``Store.open``/``Store.create`` check it; the frozen fixtures' scripts
    use this to write a store as an older KIMdesk did."""
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        # One connection: a second checkout while it is in use is a bug, not a wait.
        pool_timeout=10,
        # Operations run on one store thread; the pool hands out the one connection.
        connect_args={"check_same_thread": False},
        # SQL parameters may hold personal fields: keep them out of error messages.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the driver, decide where transactions begin (see "begin").
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA cipher_log_level = NONE")
            # Fails here with "file is not a database" if the key is wrong.
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchall()
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA temp_store = MEMORY")
            cursor.execute("PRAGMA foreign_keys = ON")
            # Deleted and overwritten contents are zeroed, not left in free pages (erasure).
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA cache_size = -{DEFAULT_CACHE_KIB}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # The driver's implicit transactions are off; DDL and DML share one real transaction.
        # A write transaction takes the write lock at once (IMMEDIATE): if another KIMdesk
        # holds it, this one waits up to the busy timeout instead of failing later, when its
        # snapshot would no longer be the latest.
        immediate = conn.get_execution_options().get(_IMMEDIATE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class EngineAccess:
    """What every store offers on top of its engine (``self.engine``)."""

    engine: Engine
    #: The revision this store had before this process migrated it (None: not migrated).
    migrated_from: str | None = None

    def connect(self, *, write: bool = False) -> Connection:
        """A connection; its transaction begins with the first statement. ``write``: that
        transaction takes the write lock at once (see ``begin``)."""
        conn = self.engine.connect()
        return conn.execution_options(**{_IMMEDIATE: True}) if write else conn

    def begin(self):
        """A write transaction: ``with store.begin() as conn`` commits on success."""
        return self.engine.execution_options(**{_IMMEDIATE: True}).begin()

    @property
    def revision(self) -> str:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    @property
    def schema_version(self) -> int:
        return migrate.schema_version(self.revision)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Store(EngineAccess):
    """An open store. ``connect()`` yields the single connection inside a transaction."""

    def __init__(self, path: Path, engine: Engine, passphrase: str):
        self.path = path
        self.engine = engine
        self._passphrase = passphrase

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, passphrase: str) -> Store:
        path = Path(path)
        check_passphrase(passphrase)
        if path.exists():
            raise StoreError(
                f"Die Datei {path} gibt es schon; ein Speicher wird nicht überschrieben."
            )
        if not path.parent.is_dir():
            raise StoreError(f"Der Ordner {path.parent} existiert nicht.")
        try:  # readable by its owner only; O_EXCL: never through a planted link
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600))
        except FileExistsError:
            raise StoreError(
                f"Die Datei {path} gibt es schon; ein Speicher wird nicht überschrieben."
            ) from None
        except OSError as exc:
            raise write_error(path, exc) from None
        engine = make_engine(path, passphrase)
        store = cls(path, engine, passphrase)
        try:
            with engine.connect() as conn:
                migrate.upgrade(conn)
                conn.commit()
        except Exception:
            engine.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            raise
        return store

    @classmethod
    def open(cls, path: str | os.PathLike, passphrase: str, *, migrate_ok: bool = True) -> Store:
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"Den Speicher {path} gibt es nicht.")
        with open(path, "rb") as fh:
            head = fh.read(16)
        if len(head) < 16:
            raise NotAStore(f"Die Datei {path} ist kein KIMdesk-Speicher (sie ist zu kurz).")
        if head == SQLITE_HEADER:
            raise NotAStore(
                f"Die Datei {path} ist eine unverschlüsselte SQLite-Datenbank, kein KIMdesk-Speicher."
            )
        engine = make_engine(path, passphrase)
        store = cls(path, engine, passphrase)
        try:
            with engine.connect() as conn:
                revision = store._revision(conn)
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            raise open_error(path, exc) from None
        except StoreError:
            engine.dispose()
            raise
        if revision != migrate.head_revision():
            if not migrate_ok:
                engine.dispose()
                raise StoreError(f"Der Speicher {path} muss zuerst aktualisiert werden.")
            store._migrate(revision)
        return store

    def _revision(self, conn: Connection) -> str:
        tables = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables or "installation" not in tables:
            raise NotAStore(f"Die Datei {self.path} ist kein KIMdesk-Speicher.")
        revision = migrate.current_revision(conn)
        if revision not in migrate.known_revisions():
            raise NewerStore(
                f"Der Speicher {self.path} stammt von einer neueren KIMdesk-Version "
                f"(Schema {migrate.schema_version(revision)}, diese Version kennt bis "
                f"Schema {migrate.HEAD_VERSION}); bitte KIMdesk aktualisieren."
            )
        return revision

    def _migrate(self, revision: str) -> None:
        """Back the file up, then migrate forward in one transaction."""
        self.migrated_from = revision
        self.backup_path_before_migration = self._copy_aside(
            f"vor-schema{migrate.HEAD_VERSION}-von-schema{migrate.schema_version(revision)}"
        )
        with self.engine.connect() as conn:
            migrate.upgrade(conn)
            conn.commit()

    def _copy_aside(self, label: str) -> Path:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            conn.rollback()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.{label}.{stamp}.bak")
        n = 1
        while target.exists() or target.is_symlink():  # a run killed within the same second
            n += 1
            target = self.path.with_name(f"{self.path.name}.{label}.{stamp}-{n}.bak")
        tmp = temp_beside(target)  # 0600, and never through a planted link
        try:
            shutil.copyfile(self.path, tmp)
            fsync_file(tmp)
            publish(tmp, target)  # never over an existing file
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return target

    # -- use ---------------------------------------------------------------------------

    @contextmanager
    def pragmas(
        self,
        *,
        foreign_keys: bool | None = None,
        cache_size: int | None = None,
        secure_delete: bool | None = None,
    ):
        """Set connection PRAGMAs for a stretch of work (outside any transaction), then restore.

        Merges turn off foreign key enforcement (bundles may arrive out of order; dangling
        references are reported instead), raise the page cache, and skip zeroing freed space
        (``secure_delete``, ~12 % of a merge): bundles hold no personal fields to erase.
        """
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            before_fk = cur.execute("PRAGMA foreign_keys").fetchone()[0]
            before_cache = cur.execute("PRAGMA cache_size").fetchone()[0]
            before_secure = cur.execute("PRAGMA secure_delete").fetchone()[0]
            if secure_delete is not None:
                cur.execute(f"PRAGMA secure_delete = {'ON' if secure_delete else 'OFF'}")
            if foreign_keys is not None:
                cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if cache_size is not None:
                cur.execute(f"PRAGMA cache_size = {int(cache_size)}")
            cur.close()
        finally:
            raw.close()
        try:
            yield
        finally:
            raw = self.engine.raw_connection()
            try:
                cur = raw.cursor()
                cur.execute(f"PRAGMA foreign_keys = {int(before_fk)}")
                cur.execute(f"PRAGMA cache_size = {int(before_cache)}")
                cur.execute(f"PRAGMA secure_delete = {int(before_secure)}")
                cur.close()
            finally:
                raw.close()

    def seal(self, secret: bytes | None) -> bytes | None:
        """Secrets need no extra layer here: the whole file is encrypted (see ``ServerStore``)."""
        return secret

    def unseal(self, sealed: bytes | None) -> bytes | None:
        return sealed

    def lock_installation(self, conn: Connection, installation_id: str) -> None:
        """One connection per process: merges are serial already."""

    # -- maintenance -------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """Run SQLCipher's page HMAC check, SQLite's integrity and foreign key checks."""
        problems: list[str] = []
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            for row in cur.execute("PRAGMA cipher_integrity_check").fetchall():
                problems.append(f"Verschlüsselung: {row[0]}")
            for row in cur.execute("PRAGMA integrity_check").fetchall():
                if row[0] != "ok":
                    problems.append(f"Struktur: {row[0]}")
            for row in cur.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"Verweis ohne Ziel in Tabelle {row[0]} (Zeile {row[1]})")
            cur.close()
        except Exception as exc:  # a damaged page may fail the check itself
            problems.append(f"Die Prüfung brach ab: {type(exc).__name__}")
        finally:
            raw.close()
        return problems

    def rekey(self, new_passphrase: str) -> None:
        check_passphrase(new_passphrase)
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            # Rekeying rewrites every page; do it outside WAL so no old-key frames remain.
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            cur.execute("PRAGMA journal_mode = DELETE").fetchall()
            cur.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")
            cur.execute("PRAGMA journal_mode = WAL").fetchall()
            cur.close()
        finally:
            raw.close()
        self.engine.dispose()
        self._passphrase = new_passphrase
        self.engine = make_engine(self.path, new_passphrase)

    def backup_to(self, target: str | os.PathLike, *, replace: bool = False) -> Path:
        """A consistent, encrypted copy with the same passphrase, written atomically; the
        caller has checked the target (``fileio.check_output``), ``replace`` if it exists."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise StoreError("Die Sicherung kann nicht die Speicherdatei selbst überschreiben.")
        tmp = temp_beside(target)  # empty and 0600: SQLCipher exports into it
        try:
            self._export_to(tmp)
            publish(tmp, target, replace=replace)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return target

    def _export_to(self, tmp: Path) -> None:
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("ATTACH DATABASE ? AS backup KEY ?", (str(tmp), self._passphrase))
            try:
                # sqlcipher_export copies schema and data in one read transaction.
                cur.execute("SELECT sqlcipher_export('backup')").fetchall()
            finally:
                cur.execute("DETACH DATABASE backup")
            cur.close()
        finally:
            raw.close()
        fsync_file(tmp)
        # Prove the copy opens with the same passphrase and is whole before it takes the name.
        copy = Store.open(tmp, self._passphrase, migrate_ok=False)
        try:
            problems = copy.integrity_problems()
        finally:
            copy.close()
        if problems:
            raise StoreError("Die Sicherung ließ sich nicht fehlerfrei prüfen und wurde verworfen.")

    def is_backup_of_self(self, path: Path) -> bool:
        """Is ``path`` another file of this installation (an earlier backup): it opens with
        this passphrase and holds the same installation?"""
        if path.resolve() == self.path.resolve():
            return False
        try:
            other = Store.open(path, self._passphrase, migrate_ok=False)
        except StoreError:
            return False
        try:
            query = "SELECT id FROM installation"
            with other.connect() as theirs, self.connect() as ours:
                return (
                    theirs.exec_driver_sql(query).scalar() == ours.exec_driver_sql(query).scalar()
                )
        finally:
            other.close()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(f"Die Passphrase muss mindestens {MIN_PASSPHRASE} Zeichen lang sein.")


def open_error(path: Path, exc: DatabaseError) -> StoreError:
    """What went wrong opening a store, in words that do not send a user to the backup for a
    full or write-protected disk or a store another KIMdesk holds."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "not a database" in text:
        return WrongPassphrase(f"Die Passphrase ist falsch, oder {path} ist kein KIMdesk-Speicher.")
    if "locked" in text or "busy" in text:
        return StoreBusy(busy_message(path))
    if "readonly" in text or "read-only" in text or not os.access(path.parent, os.W_OK):
        return StoreError(
            f"Der Speicher {path} liegt auf einem schreibgeschützten Datenträger oder in einem "
            "Ordner ohne Schreibrecht; KIMdesk braucht dort Schreibrecht. Der Speicher ist "
            "unverändert."
        )
    if "full" in text:
        return StoreError(
            f"Auf dem Datenträger von {path} ist kein Platz mehr; der Speicher ist unverändert. "
            "Bitte Platz schaffen und erneut öffnen."
        )
    if "malformed" in text or "corrupt" in text:
        return StoreError(
            f"Der Speicher {path} ist beschädigt und kann nicht gelesen werden; "
            "bitte die letzte Sicherung verwenden."
        )
    return StoreError(
        f"Der Speicher {path} lässt sich nicht öffnen ({type(exc.orig).__name__}); er ist "
        "unverändert. Wenn das bleibt: kimdesk check --store …"
    )


def busy_message(path: Path | str) -> str:
    return (
        f"Der Speicher {path} wird gerade von einem anderen KIMdesk benutzt (z. B. einem "
        f"laufenden Zusammenführen); nach {BUSY_TIMEOUT_MS // 1000} Sekunden Warten wurde "
        "abgebrochen, nichts wurde geändert. Bitte später wiederholen."
    )


__all__ = [
    "MIN_PASSPHRASE",
    "NewerStore",
    "NotAStore",
    "Store",
    "StoreBusy",
    "StoreError",
    "WrongPassphrase",
    "check_passphrase",
]
