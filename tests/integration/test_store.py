"""The encrypted store on real SQLCipher files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from kimdesk.domain.entities import Case, Consultation, Referral
from kimdesk.services.workspace import delay_for, failed_attempts, open_workspace
from kimdesk.store import migrate
from kimdesk.store.engine import NewerStore, NotAStore, Store, StoreError, WrongPassphrase
from kimdesk.store.models import AuditEntry, ConsultationRow, Counter
from kimdesk.store.records import delete_record, get_consultation, save_record

from ..conftest import CM_PASS


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _consultation(**over) -> Consultation:
    values = dict(
        occurred_on=date(2024, 5, 6),
        municipality="05382068",
        kind="einmalig",
        topics=("wohnen", "deutsch"),
        referrals=(Referral("jc_afa", accompanied=True),),
        duration_min=30,
        notes="CANARY-NOTE-7731",
    )
    values.update(over)
    return Consultation(**values)


def test_store_file_is_encrypted(cm_file):
    head = cm_file.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    conn = sqlite3.connect(cm_file)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_personal_fields_are_not_in_the_file_in_plain_text(cm_ws):
    with cm_ws.store.begin() as conn:
        save_record(conn, _consultation(), origin=cm_ws.installation.id)
    cm_ws.close()
    for suffix in ("", "-wal", "-shm"):
        part = cm_ws.path.with_name(cm_ws.path.name + suffix)
        if part.exists():
            assert b"CANARY-NOTE-7731" not in part.read_bytes()


def test_wrong_passphrase_fails_at_once_and_leaves_the_file_untouched(cm_file):
    before = _digest(cm_file)
    with pytest.raises(WrongPassphrase) as err:
        Store.open(cm_file, "not the passphrase")
    assert "Passphrase ist falsch" in str(err.value)
    assert _digest(cm_file) == before
    assert not cm_file.with_name(cm_file.name + "-wal").exists()


def test_repeated_wrong_passphrases_grow_the_delay(cm_file):
    waits: list[float] = []
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            open_workspace(cm_file, "not the passphrase", sleep=waits.append)
    assert waits == [1.0, 2.0, 4.0]  # the first mistake costs nothing
    assert failed_attempts(cm_file) == 4
    ws = open_workspace(cm_file, CM_PASS, sleep=waits.append)
    ws.close()
    assert waits[-1] == 8.0 and failed_attempts(cm_file) == 0
    assert delay_for(40) == 30.0


def test_plain_sqlite_file_is_not_a_store(tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotAStore, match="unverschlüsselte SQLite-Datenbank"):
        Store.open(plain, CM_PASS)


@pytest.mark.parametrize("content", [b"", b"hello", b"x" * 5000])
def test_other_files_are_refused_clearly(tmp_path, content):
    junk = tmp_path / "junk.kdb"
    junk.write_bytes(content)
    with pytest.raises(StoreError):
        Store.open(junk, CM_PASS)
    assert junk.read_bytes() == content


def test_missing_store(tmp_path):
    with pytest.raises(StoreError, match="gibt es nicht"):
        Store.open(tmp_path / "nowhere.kdb", CM_PASS)


def test_create_refuses_short_passphrase_and_existing_file(cm_file, tmp_path):
    with pytest.raises(StoreError, match="mindestens 10 Zeichen"):
        Store.create(tmp_path / "new.kdb", "short")
    assert not (tmp_path / "new.kdb").exists()
    before = _digest(cm_file)
    with pytest.raises(StoreError, match="nicht überschrieben"):
        Store.create(cm_file, CM_PASS)
    assert _digest(cm_file) == before


def test_rekey_old_passphrase_fails_new_works(cm_file):
    store = Store.open(cm_file, CM_PASS)
    store.rekey("a brand new passphrase")
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(cm_file, CM_PASS)
    with Store.open(cm_file, "a brand new passphrase") as store:
        assert store.integrity_problems() == []


def test_backup_opens_with_same_passphrase_and_holds_the_same_data(cm_ws, tmp_path):
    with cm_ws.store.begin() as conn:
        saved = save_record(conn, _consultation(), origin=cm_ws.installation.id)
    target = cm_ws.store.backup_to(tmp_path / "copy.kdb")
    assert target.read_bytes()[:16] != b"SQLite format 3\x00"
    assert not list(tmp_path.glob(".copy.kdb.tmp*"))
    with Store.open(target, CM_PASS) as copy:
        with copy.connect() as conn:
            restored = get_consultation(conn, saved.id)
        assert copy.integrity_problems() == []
    # Topics are a set: they come back in code order.
    assert restored == replace(saved, topics=("deutsch", "wohnen"))


def test_backup_refuses_to_overwrite_the_store_itself(cm_ws):
    with pytest.raises(StoreError):
        cm_ws.store.backup_to(cm_ws.path)


def test_records_get_versions_change_sequence_and_audit(cm_ws):
    origin = cm_ws.installation.id
    with cm_ws.store.begin() as conn:
        first = save_record(conn, _consultation(), origin=origin)
        case = save_record(
            conn,
            Case(
                client_id=None, municipality="05382068", program="kim", opened_on=date(2024, 1, 2)
            ),
            origin=origin,
        )
        second = save_record(
            conn, _consultation(id=first.id, kind="cm", case_id=case.id), origin=origin
        )
    assert (first.version, second.version) == (1, 2)
    assert second.origin == origin and second.updated_at is not None
    with cm_ws.store.connect() as conn:
        stored = get_consultation(conn, first.id)
        assert stored.kind == "cm" and stored.topics == ("deutsch", "wohnen")
        assert stored.referrals == (Referral("jc_afa", accompanied=True),)
        seqs = conn.execute(select(ConsultationRow.change_seq)).scalars().all()
        assert seqs == [3]  # consultation 1, case 2, consultation again 3
        counter = conn.execute(select(Counter.value).where(Counter.name == "change_seq")).scalar()
        assert counter == 3
    with cm_ws.store.begin() as conn:
        delete_record(conn, Consultation, first.id, origin=origin)
    with cm_ws.store.connect() as conn:
        gone = get_consultation(conn, first.id)
        assert gone.deleted and gone.version == 3
        actions = conn.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.record_id).where(
                AuditEntry.record_id == first.id
            )
        ).all()
    assert actions == [
        ("create", "consultation", first.id),
        ("update", "consultation", first.id),
        ("delete", "consultation", first.id),
    ]


def test_audit_trail_holds_ids_only(cm_ws):
    with cm_ws.store.begin() as conn:
        save_record(conn, _consultation(), origin=cm_ws.installation.id)
    with cm_ws.store.connect() as conn:
        rows = conn.execute(select(AuditEntry.__table__)).all()
    assert rows and not any("CANARY" in str(value) for row in rows for value in row)


def test_failed_transaction_changes_nothing(cm_ws):
    origin = cm_ws.installation.id
    with pytest.raises(RuntimeError):
        with cm_ws.store.begin() as conn:
            save_record(conn, _consultation(), origin=origin)
            raise RuntimeError("power cut")
    with cm_ws.store.connect() as conn:
        assert conn.execute(select(ConsultationRow.id)).all() == []


# -- schema versions ---------------------------------------------------------------------

FIXTURE_V1 = "fixture passphrase v1"


@pytest.fixture
def store_v1(tmp_path):
    from ..conftest import FIXTURES

    target = tmp_path / "store_v1.kdb"
    shutil.copyfile(FIXTURES / "stores" / "store_v1.kdb", target)
    return target


def test_frozen_v1_store_is_backed_up_and_migrated(store_v1):
    original = store_v1.read_bytes()
    with Store.open(store_v1, FIXTURE_V1) as store:
        assert store.schema_version == migrate.HEAD_VERSION >= 2
        backup = store.backup_path_before_migration
        with store.connect() as conn:
            consultation = get_consultation(conn, "01900000-0000-7000-8000-000000000030")
            legacy_col = conn.exec_driver_sql("SELECT legacy_ref FROM case_file").scalar()
        assert store.integrity_problems() == []
    assert consultation.topics == ("deutsch", "wohnen")
    assert consultation.referrals == (Referral("jc_afa", accompanied=True, outcome="open"),)
    assert consultation.notes == "CANARY consultation note"
    assert legacy_col is None
    # The backup is the untouched schema-1 file.
    assert backup.read_bytes() == original
    with pytest.raises(StoreError, match="zuerst aktualisiert"):
        Store.open(backup, FIXTURE_V1, migrate_ok=False)
    # The migrated store opens with the workspace services and works normally.
    with open_workspace(store_v1, FIXTURE_V1) as ws:
        assert ws.installation.name == "CM-01 Fixture"
        with ws.store.begin() as conn:
            save_record(conn, _consultation(), origin=ws.installation.id)


def test_a_copy_aside_from_an_interrupted_migration_in_the_same_second_is_kept(store_v1):
    """A migration killed after its copy aside, run again within the same second: the first
    copy stays, the second gets a name of its own (seen: "ist eben entstanden")."""
    from datetime import datetime as real

    class Frozen(real):
        @classmethod
        def now(cls, tz=None):
            return real(2026, 12, 2, 3, 9, 15, tzinfo=tz)

    import kimdesk.store.engine as engine

    original = store_v1.read_bytes()
    first = store_v1.with_name(f"{store_v1.name}.vor-schema{migrate.HEAD_VERSION}-von-schema1."
                               "20261202T030915Z.bak")  # fmt: skip
    first.write_bytes(original)  # as the killed run left it
    engine.datetime, saved = Frozen, engine.datetime
    try:
        with Store.open(store_v1, FIXTURE_V1) as store:
            second = store.backup_path_before_migration
    finally:
        engine.datetime = saved
    assert second.name.endswith("20261202T030915Z-2.bak")
    assert first.read_bytes() == second.read_bytes() == original


def test_backup_before_migration_refuses_outdated_open(store_v1):
    with pytest.raises(StoreError, match="zuerst aktualisiert"):
        Store.open(store_v1, FIXTURE_V1, migrate_ok=False)


def test_store_from_a_newer_version_is_refused(cm_file):
    with Store.open(cm_file, CM_PASS) as store, store.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    before = _digest(cm_file)
    with pytest.raises(NewerStore, match="neueren KIMdesk-Version.*Schema 99"):
        Store.open(cm_file, CM_PASS)
    assert _digest(cm_file) == before


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_models_and_migrations_agree(cm_ws):
    """(The expression index of schema 5 cannot be compared here: see the next test.)"""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from kimdesk.store.models import Base

    with cm_ws.store.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_damaged_store_gives_a_clear_error(cm_file):
    data = bytearray(cm_file.read_bytes())
    # Overwrite bytes in a page past the first: the HMAC of that page no longer matches.
    for i in range(8192 + 100, 8192 + 164):
        data[i] ^= 0xFF
    cm_file.write_bytes(bytes(data))
    try:
        store = Store.open(cm_file, CM_PASS)
    except StoreError as exc:
        assert "beschädigt" in str(exc) or "Passphrase" in str(exc)
        return
    with store:
        problems = store.integrity_problems()
    assert problems, "a flipped page must be found by the integrity check"


CUBE = (
    "SELECT substr(occurred_on, 1, 7), municipality, kind, program, language_mediation, origin, "
    "count(*) FROM consultation WHERE deleted = 0 AND occurred_on >= '2023-01-01' "
    "GROUP BY 1, 2, 3, 4, 5, 6"
)


def test_statistics_count_along_the_cube_index_new_or_migrated(cm_ws, tmp_path):
    """Schema 5: a new store and a migrated one have the same index, and the statistics'
    count reads it alone (no table, no sort: the speed of ``stats`` depends on it)."""
    from ..conftest import FIXTURES

    def index_and_plan(store) -> tuple[str, list[str]]:
        with store.connect() as conn:
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'ix_consultation_cube'"
            ).scalar()
            plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + CUBE)]
        return " ".join(sql.split()), plan

    new_sql, new_plan = index_and_plan(cm_ws.store)
    migrated = tmp_path / "store_v4.kdb"
    shutil.copyfile(FIXTURES / "stores" / "store_v4.kdb", migrated)
    with Store.open(migrated, FIXTURE_V1) as store:
        old_sql, old_plan = index_and_plan(store)
    assert new_sql.lower().replace(" ", "") == old_sql.lower().replace(" ", "")
    for plan in (new_plan, old_plan):
        assert plan == ["SEARCH consultation USING COVERING INDEX ix_consultation_cube (deleted=?)"]


def test_schema_6_finds_a_topics_consultations_by_index_new_or_migrated(cm_ws, tmp_path):
    """The topic filter of the list and of the statistics: a store made at schema 5 gains the
    same index a new store has."""
    from ..conftest import FIXTURES

    def index_sql(store) -> str:
        with store.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'ix_consultation_topic_topic'"
            ).scalar()

    migrated = tmp_path / "store_v5.kdb"
    shutil.copyfile(FIXTURES / "stores" / "store_v5.kdb", migrated)
    with Store.open(migrated, FIXTURE_V1) as store:
        assert store.schema_version == migrate.HEAD_VERSION >= 6
        old_sql = index_sql(store)
    assert old_sql == index_sql(cm_ws.store)
    assert "(topic, consultation_id)" in old_sql.replace('"', "")
