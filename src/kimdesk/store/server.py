"""The office store on a PostgreSQL server (``--store postgresql+psycopg://…``).

The same schema and Alembic migrations as the embedded store, the same interface as
``Store``. A server has administrators: the office's private keys are therefore stored only
sealed — ChaCha20-Poly1305 under a key derived from the passphrase with Argon2id — so whoever
can read the database still cannot open a bundle or sign as the office without the passphrase.
"""

from __future__ import annotations

import os
from contextlib import nullcontext

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import Engine, create_engine, func, inspect, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from . import migrate
from .engine import (
    EngineAccess,
    NewerStore,
    NotAStore,
    StoreError,
    WrongPassphrase,
    check_passphrase,
)

#: Sealed secrets: magic, salt, nonce, ciphertext with tag.
SEAL_MAGIC = b"KDS1"
SALT_BYTES, NONCE_BYTES = 16, 12
#: Argon2id as RFC 9106's second recommendation (64 MiB, 3 passes, 4 lanes).
KDF = dict(iterations=3, lanes=4, memory_cost=64 * 1024)
SERVER_SCHEMES = ("postgresql",)


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.split(":", 1)[0].split("+")[0] in SERVER_SCHEMES


def display_url(url: str) -> str:
    """The address without its password, for messages and the status bar."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "Server"


def _engine(url: str) -> Engine:
    try:
        return create_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True,
                             hide_parameters=True)  # fmt: skip
    except (ArgumentError, NoSuchModuleError):
        raise StoreError(
            f"„{display_url(url)}“ ist keine gültige Server-Adresse "
            "(postgresql+psycopg://benutzer@host:port/datenbank)."
        ) from None


def _unreachable(url: str) -> StoreError:
    return StoreError(
        f"Der Datenbankserver {display_url(url)} ist nicht erreichbar oder lehnt die Anmeldung ab."
    )


class ServerStore(EngineAccess):
    """An office store on PostgreSQL; ``path`` is its address without the password."""

    def __init__(self, url: str, engine: Engine, passphrase: str):
        self.url = url
        self.path = display_url(url)
        self.engine = engine
        self._passphrase = passphrase
        self._keys: dict[bytes, bytes] = {}
        self._salt = os.urandom(SALT_BYTES)

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def create(cls, url: str, passphrase: str) -> ServerStore:
        check_passphrase(passphrase)
        engine = _engine(url)
        try:
            with engine.begin() as conn:
                tables = inspect(conn).get_table_names()
                # Tables without an installation are the rest of a set-up that failed.
                if (
                    "installation" in tables
                    and conn.execute(text("SELECT count(*) FROM installation")).scalar()
                ):
                    raise StoreError(
                        f"In der Datenbank {display_url(url)} gibt es schon einen KIMdesk-Speicher."
                    )
                migrate.upgrade(conn)
        except DBAPIError:
            engine.dispose()
            raise _unreachable(url) from None
        except Exception:
            engine.dispose()
            raise
        return cls(url, engine, passphrase)

    @classmethod
    def open(cls, url: str, passphrase: str, *, migrate_ok: bool = True) -> ServerStore:
        engine = _engine(url)
        store = cls(url, engine, passphrase)
        try:
            with engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
                if "alembic_version" not in tables or "installation" not in tables:
                    raise NotAStore(f"Die Datenbank {store.path} ist kein KIMdesk-Speicher.")
                revision = migrate.current_revision(conn)
        except DBAPIError:
            engine.dispose()
            raise _unreachable(url) from None
        except StoreError:
            engine.dispose()
            raise
        if revision not in migrate.known_revisions():
            engine.dispose()
            raise NewerStore(
                f"Der Speicher {store.path} stammt von einer neueren KIMdesk-Version; "
                "bitte KIMdesk aktualisieren."
            )
        if revision != migrate.head_revision():
            if not migrate_ok:
                engine.dispose()
                raise StoreError(f"Der Speicher {store.path} muss zuerst aktualisiert werden.")
            # PostgreSQL runs DDL in the transaction: a failed migration leaves nothing behind.
            with engine.begin() as conn:
                migrate.upgrade(conn)
            store.migrated_from = revision
        return store

    # -- use (as Store) ----------------------------------------------------------------

    def pragmas(self, **_settings):
        """SQLite PRAGMAs have no meaning here; foreign keys are declared, not enforced
        differently, and PostgreSQL sizes its own cache."""
        return nullcontext()

    def lock_installation(self, conn: Connection, installation_id: str) -> None:
        """Serialise merges of one installation's bundles across coordinators (until commit)."""
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(installation_id))))

    # -- secrets -----------------------------------------------------------------------

    def _key(self, salt: bytes) -> bytes:
        if salt not in self._keys:
            kdf = Argon2id(salt=salt, length=32, **KDF)
            self._keys[salt] = kdf.derive(self._passphrase.encode("utf-8"))
        return self._keys[salt]

    def seal(self, secret: bytes | None) -> bytes | None:
        if secret is None:
            return None
        nonce = os.urandom(NONCE_BYTES)
        body = ChaCha20Poly1305(self._key(self._salt)).encrypt(nonce, secret, SEAL_MAGIC)
        return SEAL_MAGIC + self._salt + nonce + body

    def unseal(self, sealed: bytes | None) -> bytes | None:
        if sealed is None:
            return None
        if not sealed.startswith(SEAL_MAGIC):
            raise StoreError("Ein Schlüssel der Kreisstelle liegt unverschlüsselt auf dem Server.")
        salt = sealed[4 : 4 + SALT_BYTES]
        nonce = sealed[4 + SALT_BYTES : 4 + SALT_BYTES + NONCE_BYTES]
        try:
            return ChaCha20Poly1305(self._key(salt)).decrypt(
                nonce, sealed[4 + SALT_BYTES + NONCE_BYTES :], SEAL_MAGIC
            )
        except InvalidTag:
            raise WrongPassphrase(f"Die Passphrase für {self.path} ist falsch.") from None

    # -- maintenance -------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """The server keeps its pages itself; check what KIMdesk relies on."""
        problems = []
        with self.engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM installation")).scalar() != 1:
                problems.append("Der Speicher hat nicht genau eine Installation.")
        return problems

    def rekey(self, new_passphrase: str) -> None:
        """Seal the keys again under a new passphrase, in one transaction."""
        check_passphrase(new_passphrase)
        with self.engine.begin() as conn:
            row = conn.execute(
                text("SELECT id, signing_key, agreement_key FROM installation")
            ).one()
            signing, agreement = self.unseal(row.signing_key), self.unseal(row.agreement_key)
            self._passphrase, self._keys, self._salt = new_passphrase, {}, os.urandom(SALT_BYTES)
            conn.execute(
                text("UPDATE installation SET signing_key = :s, agreement_key = :a WHERE id = :i"),
                {"s": self.seal(signing), "a": self.seal(agreement), "i": row.id},
            )

    def is_backup_of_self(self, path) -> bool:
        return False

    def backup_to(self, target, *, replace: bool = False):
        raise StoreError(
            "Einen Server-Speicher sichert die Datenbank-Administration (z. B. mit pg_dump)."
        )
