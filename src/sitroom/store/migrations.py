"""The database schema as ordered, versioned migrations (in the sqlite-utils spirit).

Each ``Migration`` is a list of SQL statements. ``migrate()`` runs the ones a database
has not seen, each in its own ``BEGIN IMMEDIATE`` transaction together with the row that
records it in ``_migrations`` (version, name, applied_at), so a database is never left
half-migrated. An applied migration is never edited: a schema change is a new migration.

A database whose schema is newer than this code knows is refused, never written to.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sitroom.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``statements`` run in order, in one transaction."""

    version: int
    name: str
    statements: tuple[str, ...]


_V1_TABLES: tuple[str, ...] = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT,
        url TEXT,
        title TEXT,
        published TEXT,
        published_how TEXT NOT NULL,
        language TEXT NOT NULL,
        language_confidence REAL NOT NULL,
        text TEXT NOT NULL,
        raw_path TEXT,
        removed_json TEXT NOT NULL,
        paragraphs_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT,
        ref TEXT
    )""",
    """CREATE TABLE reports (
        report_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        subtype TEXT,
        modality TEXT NOT NULL,
        date TEXT,
        date_precision TEXT NOT NULL,
        location_name TEXT,
        geonames_id INTEGER,
        lat REAL,
        lon REAL,
        admin1 TEXT,
        country TEXT,
        killed_min INTEGER,
        killed_max INTEGER,
        injured_min INTEGER,
        injured_max INTEGER,
        confidence REAL NOT NULL,
        record_json TEXT NOT NULL
    )""",
    """CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        subtype TEXT,
        modality TEXT NOT NULL,
        date TEXT,
        location_name TEXT,
        geonames_id INTEGER,
        admin1 TEXT,
        country TEXT,
        n_reports INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        consensus_json TEXT NOT NULL
    )""",
    """CREATE TABLE quotes (
        quote_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker_name TEXT,
        speaker_wikidata TEXT,
        verb TEXT,
        direct INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        record_json TEXT NOT NULL
    )""",
    """CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY,
        locator TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ingested', 'duplicate', 'rejected')),
        reason TEXT,
        article_id TEXT,
        at TEXT NOT NULL
    )""",
)

_V1_INDEXES: tuple[str, ...] = (
    "CREATE INDEX reports_event_id ON reports(event_id)",
    "CREATE INDEX reports_date ON reports(date)",
    "CREATE INDEX reports_type ON reports(type)",
    "CREATE INDEX reports_article_id ON reports(article_id)",
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX mentions_article_id ON mentions(article_id)",
    "CREATE INDEX quotes_article_id ON quotes(article_id)",
    "CREATE INDEX ingest_log_status ON ingest_log(status)",
)

# Version 2: the raion (admin2) of each report and event, so that a raion finds the
# events of its towns; filled in for what version 1 stored.
_V2_ADMIN2 = (
    "ALTER TABLE reports ADD COLUMN admin2 TEXT",
    "ALTER TABLE events ADD COLUMN admin2 TEXT",
    "UPDATE reports SET admin2 = json_extract(record_json, '$.location.admin2')",
    "UPDATE events SET admin2 = (SELECT r.admin2 FROM reports r "
    "WHERE r.event_id = events.event_id ORDER BY r.report_id LIMIT 1)",
    "CREATE INDEX reports_admin ON reports(admin1, admin2)",
    "CREATE INDEX events_admin ON events(admin1, admin2)",
)

# Version 3: reports of one event from several articles are merged. Each event counts its
# sources; an event id that a merge retired points at the event that took its reports.
_V3_MERGE = (
    "ALTER TABLE events ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 1",
    """CREATE TABLE event_aliases (
        old_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        since TEXT NOT NULL
    )""",
    "CREATE INDEX event_aliases_event_id ON event_aliases(event_id)",
    "CREATE INDEX reports_block ON reports(country, admin1, date)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "articles, mentions, reports, events, quotes, ingest_log", _V1_TABLES + _V1_INDEXES
    ),
    Migration(2, "admin2 of reports and events", _V2_ADMIN2),
    Migration(3, "merged events: sources and retired ids", _V3_MERGE),
)

_CREATE_LOG = """CREATE TABLE IF NOT EXISTS _migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` if the block raises.

    The connection must be in autocommit mode (``isolation_level=None``) so that this is
    the only place that opens and closes write transactions.
    """
    if conn.in_transaction:
        raise StoreError("a write transaction is already open on this connection")
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to the database, 0 for a new one."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM _migrations").fetchone()
    return int(row[0])


def applied(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """``(version, name, applied_at)`` of every migration applied, oldest first."""
    if schema_version(conn) == 0:
        return []
    rows = conn.execute("SELECT version, name, applied_at FROM _migrations ORDER BY version")
    return [(int(v), str(n), str(a)) for v, n, a in rows]


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    where: str = "the database",
) -> list[int]:
    """Apply the migrations the database lacks; return the versions applied.

    Raises ``StoreError`` when the database is newer than ``migrations`` know, or when a
    migration fails (the failed step is rolled back; earlier steps stay applied).
    """
    ordered = sorted(migrations, key=lambda m: m.version)
    latest = ordered[-1].version if ordered else 0
    current = schema_version(conn)
    if current > latest:
        raise StoreError(
            f"{where} has schema version {current}, but this version of Sitroom knows "
            f"only up to {latest}; upgrade Sitroom to read it"
        )
    done: list[int] = []
    for step in ordered:
        if step.version > current and _apply(conn, step, where):
            done.append(step.version)
    return done


def _apply(conn: sqlite3.Connection, step: Migration, where: str) -> bool:
    try:
        with write_transaction(conn):
            conn.execute(_CREATE_LOG)
            if schema_version(conn) >= step.version:  # another process got there first
                return False
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (step.version, step.name, now_utc()),
            )
    except sqlite3.Error as exc:
        raise StoreError(
            f"could not migrate {where} to schema version {step.version} ({step.name}): {exc}"
        ) from exc
    return True


def now_utc() -> str:
    """The current time as an ISO 8601 UTC timestamp, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
