"""Store: opening, pragmas, migrations, all-or-nothing writes, the ingest log."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitroom.errors import StoreError
from sitroom.merge.cluster import event_id_for
from sitroom.store import MIGRATIONS, Migration, Store, queries
from sitroom.store.migrations import applied
from store_factory import make_extraction, make_report, make_store

EMPTY = {"articles": 0, "mentions": 0, "reports": 0, "events": 0, "quotes": 0, "ingest_log": 0}


# ---------------------------------------------------------------------- opening


def test_store_open_creates_file_and_parent_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "sitroom.db"
    with Store.open(path) as store:
        assert store.path == path
    assert path.is_file()


def test_store_open_sets_wal_foreign_keys_synchronous_busy_timeout(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_store_open_without_create_refuses_missing_file_and_creates_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no database at"):
        Store.open(path, create=False)
    assert not path.exists()


def test_store_open_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite, just some text " * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store.open(path)


def test_store_open_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)


def test_store_open_memory_database_works() -> None:
    with Store.open(":memory:") as store:
        assert store.path is None
        assert store.add_extraction(make_extraction("a"))


# ---------------------------------------------------------------------- migrations


def test_store_migrations_table_records_each_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        rows = applied(store.connection)
        assert [v for v, _, _ in rows] == [m.version for m in MIGRATIONS]
        assert store.schema_version == MIGRATIONS[-1].version
        assert all(name and at for _, name, at in rows)


def test_store_reopen_applies_nothing_twice(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    with Store.open(tmp_path / "s.db") as store:
        assert len(applied(store.connection)) == len(MIGRATIONS)


def test_store_open_applies_a_new_migration(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    extra = Migration(len(MIGRATIONS) + 1, "notes", ("CREATE TABLE notes (id INTEGER)",))
    with Store.open(tmp_path / "s.db", migrations=(*MIGRATIONS, extra)) as store:
        assert store.schema_version == extra.version
        store.connection.execute("SELECT id FROM notes").fetchall()


def test_store_failed_migration_rolls_back_its_step(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    bad = Migration(
        len(MIGRATIONS) + 1, "broken", ("CREATE TABLE half (id INTEGER)", "NOT SQL AT ALL")
    )
    with pytest.raises(StoreError, match="could not migrate"):
        Store.open(tmp_path / "s.db", migrations=(*MIGRATIONS, bad))
    with Store.open(tmp_path / "s.db") as store:
        assert store.schema_version == MIGRATIONS[-1].version
        tables = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables


def test_admin2_migration_fills_in_what_version_1_stored(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.add_extraction(make_extraction("a", admin2="Fastiv Raion"))
    conn = sqlite3.connect(path)  # back to version 1: no admin2 columns, no merge tables
    conn.execute("DROP TABLE event_aliases")
    conn.execute("DROP INDEX reports_block")
    conn.execute("ALTER TABLE events DROP COLUMN n_sources")
    for table in ("reports", "events"):
        conn.execute(f"DROP INDEX {table}_admin")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN admin2")
    conn.execute("DELETE FROM _migrations WHERE version >= 2")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == 3
        for table in ("reports", "events"):
            rows = store.connection.execute(f"SELECT admin2 FROM {table}").fetchall()
            assert [r[0] for r in rows] == ["Fastiv Raion"]


def test_store_refuses_a_schema_newer_than_it_knows(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO _migrations VALUES (99, 'from the future', '2030-01-01')")
    conn.close()
    with pytest.raises(StoreError, match="schema version 99.*upgrade Sitroom"):
        Store.open(path)


# ---------------------------------------------------------------------- writes


def test_store_add_extraction_writes_article_mentions_reports_events_quotes(
    tmp_path: Path,
) -> None:
    with make_store(tmp_path, make_extraction("a", n_reports=2, n_quotes=2)) as store:
        assert queries.counts(store) == {
            **EMPTY,
            "articles": 1,
            "mentions": 1,
            "reports": 2,
            "events": 2,
            "quotes": 2,
        }
        assert store.has_article("art_a")
        assert not store.has_article("art_b")


def test_store_add_extraction_twice_adds_nothing(tmp_path: Path) -> None:
    extraction = make_extraction("a")
    with make_store(tmp_path, extraction) as store:
        before = queries.counts(store)
        first_seen = store.connection.execute("SELECT first_seen FROM events").fetchall()
        assert store.add_extraction(extraction) is False
        assert queries.counts(store) == before
        assert store.connection.execute("SELECT first_seen FROM events").fetchall() == first_seen


def test_store_assigns_stable_event_ids(tmp_path: Path) -> None:
    extraction = make_extraction("a")
    one = make_store(tmp_path, extraction, name="one.db")
    two = make_store(tmp_path, extraction, name="two.db")
    with one, two:
        ids = [r.event_id for r in queries.events(one)]
        assert ids == [r.event_id for r in queries.events(two)]
        assert ids == [event_id_for("rep_a_0")]


def test_store_sets_event_ids_itself(tmp_path: Path) -> None:
    report = make_report("art_a", "rep_a_0", event_id="ev_from_elsewhere")
    extraction = dataclasses.replace(make_extraction("a"), reports=(report,))
    with make_store(tmp_path, extraction) as store:
        assert [r.event_id for r in queries.events(store)] == [event_id_for("rep_a_0")]


def test_store_refuses_records_of_another_article(tmp_path: Path) -> None:
    stray = make_report("art_other", "rep_x")
    extraction = dataclasses.replace(make_extraction("a"), reports=(stray,))
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(StoreError, match="belongs to article art_other"):
            store.add_extraction(extraction)
        assert queries.counts(store) == EMPTY


def test_store_failed_write_leaves_nothing_partial(tmp_path: Path) -> None:
    # Two reports with one id: the second INSERT fails after the article went in.
    report = make_report("art_a", "rep_same")
    extraction = dataclasses.replace(make_extraction("a"), reports=(report, report))
    path = tmp_path / "s.db"
    with (
        Store.open(path) as store,
        pytest.raises(StoreError, match="could not store article art_a"),
    ):
        store.add_extraction(extraction)
    with Store.open(path) as store:
        assert queries.counts(store) == EMPTY
        assert store.add_extraction(make_extraction("a"))


def test_store_exception_inside_a_transaction_rolls_it_back(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as store, pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("INSERT INTO ingest_log (locator, status, at) VALUES ('x', 'ingested', 'now')")
        raise RuntimeError("crash in the middle of a write")
    with Store.open(path) as store:
        assert queries.counts(store) == EMPTY


def test_store_nested_write_transaction_is_refused(tmp_path: Path) -> None:
    with (
        Store.open(tmp_path / "s.db") as store,
        store.transaction(),
        pytest.raises(StoreError, match="already open"),
    ):
        store.add_extraction(make_extraction("a"))


def test_store_process_killed_mid_write_leaves_database_consistent(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    script = textwrap.dedent(
        f"""
        import os
        from sitroom.store import Store
        store = Store.open({str(path)!r})
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO articles (id, published_how, language, language_confidence, "
                "text, removed_json, paragraphs_json, ingested_at) "
                "VALUES ('art_k', 'unknown', 'en', 1.0, 'text', '[]', '[]', 'now')"
            )
            os._exit(9)  # killed before COMMIT
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 9, done.stderr.decode()
    with Store.open(path) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not store.has_article("art_k")
        assert store.add_extraction(make_extraction("k"))


# ---------------------------------------------------------------------- ingest log


def test_store_log_input_counts_each_status(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.log_input("a.txt", "ingested", article_id="art_a")
        store.log_input("b.txt", "duplicate", article_id="art_a")
        store.log_input("c.bin", "rejected", reason="binary file, not text")
        store.log_input("d.txt", "rejected", reason="empty file")
        assert queries.ingest_tally(store) == {"ingested": 1, "duplicate": 1, "rejected": 2}


def test_store_log_input_refuses_an_unknown_status(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(StoreError, match="unknown input status"):
            store.log_input("a.txt", "maybe")  # type: ignore[arg-type]
        assert queries.ingest_tally(store) == {"ingested": 0, "duplicate": 0, "rejected": 0}
