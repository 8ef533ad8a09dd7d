"""The SQLite store: one file, one connection, one writer, versioned schema.

``Store.open(path)`` creates the file (and its folder) when needed, switches on WAL,
foreign keys, ``synchronous=NORMAL`` and a busy timeout, and applies the migrations the
file lacks (``store.migrations``).

One writer: a ``Store`` instance is the single writer of its database. Use it from one
thread; every write runs in one ``BEGIN IMMEDIATE`` transaction, so a crash or a kill in
the middle of a write leaves the database as it was before the write began. Other
processes may open the same file to read while it writes (WAL).

Reads live in ``store.queries``; this module only opens, migrates and writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sitroom.errors import StoreError
from sitroom.merge.cluster import event_id_for
from sitroom.store.merging import ReportCache, merge_around, recluster_all
from sitroom.store.migrations import (
    MIGRATIONS,
    Migration,
    migrate,
    now_utc,
    schema_version,
    write_transaction,
)
from sitroom.types import Article, EventReport, Extraction, Mention, Quote

InputStatus = Literal["ingested", "duplicate", "rejected"]
INPUT_STATUSES: tuple[str, ...] = ("ingested", "duplicate", "rejected")

#: SQL function registered on every connection: Unicode case folding (``str.casefold``),
#: so that place and speaker filters match "KYIV", "kyiv" and "Kyiv" alike.
FOLD = "sitroom_fold"

BUSY_TIMEOUT_MS = 5000


def fold(value: str | None) -> str | None:
    """Case-fold a value for case-insensitive matching (``None`` stays ``None``)."""
    return value.casefold() if value is not None else None


class Store:
    """A Sitroom database. Build it with ``Store.open``; it is a context manager.

    A ``Store`` is the single writer of its file (see the module docstring).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self._path = path
        self._reports = ReportCache()  # decoded reports for merging, by report id

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Open (and with ``create``, create) the database at ``path`` and migrate it.

        ``":memory:"`` opens a private in-memory database. Raises ``StoreError`` when the
        file is missing and ``create`` is false, is not a SQLite database, or has a schema
        newer than this code knows.
        """
        memory = str(path) == ":memory:"
        where = Path(path) if not memory else None
        if where is not None:
            if not where.exists() and not create:
                raise StoreError(
                    f"no database at {where}; run `sitroom ingest` first or pass --db FILE"
                )
            if where.is_dir():
                raise StoreError(f"{where} is a folder, not a database file")
            _make_parent(where)
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        try:
            _configure(conn)
            migrate(conn, migrations, where=str(path))
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path} is not a usable SQLite database: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, where)

    # ------------------------------------------------------------------ plumbing

    @property
    def path(self) -> Path | None:
        """The database file (``None`` for an in-memory database)."""
        return self._path

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for ``store.queries``. Write through ``Store`` methods only."""
        return self._conn

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` write transaction: commits on success, rolls back on error."""
        return write_transaction(self._conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writes

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def add_extraction(self, extraction: Extraction) -> bool:
        """Store an article with its mentions, reports and quotes, all or nothing.

        The reports then join the events they tell, with the reports of other articles
        (``store.merging``), and those events are recomputed, in the same transaction.
        Returns ``False`` and changes nothing when the article is already stored:
        re-ingesting adds nothing.
        """
        article = extraction.article
        _check_owner(article.id, extraction)
        reports = tuple(replace(r, event_id=event_id_for(r.report_id)) for r in extraction.reports)
        try:
            with self.transaction() as conn:
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                    return False
                now = now_utc()
                conn.execute(_INSERT_ARTICLE, _article_row(article, now))
                mentions = (_mention_row(article.id, m) for m in extraction.mentions)
                conn.executemany(_INSERT_MENTION, mentions)
                conn.executemany(_INSERT_REPORT, (_report_row(r) for r in reports))
                conn.executemany(_INSERT_QUOTE, (_quote_row(q) for q in extraction.quotes))
                merge_around(conn, reports, now, {r.report_id for r in reports}, self._reports)
        except sqlite3.Error as exc:
            raise StoreError(f"could not store article {article.id}: {exc}") from exc
        return True

    def recluster(self) -> int:
        """Cluster every stored report into events again, as if the articles had been
        ingested anew (after the merge rules changed); returns the number of events."""
        try:
            with self.transaction() as conn:
                return recluster_all(conn, now_utc())
        except sqlite3.Error as exc:
            raise StoreError(f"could not re-cluster the events: {exc}") from exc

    def log_input(
        self,
        locator: str,
        status: InputStatus,
        reason: str | None = None,
        article_id: str | None = None,
    ) -> None:
        """Record what became of one input: ingested, duplicate, or rejected (with reason)."""
        if status not in INPUT_STATUSES:
            raise StoreError(f"unknown input status {status!r}; use one of {INPUT_STATUSES}")
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO ingest_log (locator, status, reason, article_id, at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (locator, status, reason, article_id, now_utc()),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"could not log input {locator}: {exc}") from exc


# ---------------------------------------------------------------------- helpers


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for {path}: {exc.strerror}") from exc


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.create_function(FOLD, 1, fold, deterministic=True)
    conn.row_factory = sqlite3.Row


def _check_owner(article_id: str, extraction: Extraction) -> None:
    owned: Iterable[tuple[str, str]] = [
        *((r.report_id, r.article_id) for r in extraction.reports),
        *((q.quote_id, q.article_id) for q in extraction.quotes),
    ]
    for record_id, owner in owned:
        if owner != article_id:
            raise StoreError(
                f"{record_id} belongs to article {owner}, not to {article_id}; "
                "an extraction holds the records of one article only"
            )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_INSERT_ARTICLE = (
    "INSERT INTO articles (id, source, url, title, published, published_how, language, "
    "language_confidence, text, raw_path, removed_json, paragraphs_json, ingested_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_MENTION = (
    'INSERT INTO mentions (article_id, kind, start, "end", text, label, ref) '
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_REPORT = (
    "INSERT INTO reports (report_id, article_id, event_id, type, subtype, modality, date, "
    "date_precision, location_name, geonames_id, lat, lon, admin1, admin2, country, "
    "killed_min, killed_max, injured_min, injured_max, confidence, record_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_QUOTE = (
    "INSERT INTO quotes (quote_id, article_id, speaker_name, speaker_wikidata, verb, direct, "
    'start, "end", text, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
)


def _article_row(a: Article, now: str) -> tuple[Any, ...]:
    return (
        a.id,
        a.source,
        a.url,
        a.title,
        a.published.isoformat() if a.published else None,
        a.published_how,
        a.language,
        a.language_confidence,
        a.text,
        a.raw_path,
        _dumps([r.to_dict() for r in a.removed]),
        _dumps([p.to_dict() for p in a.paragraphs]),
        now,
    )


def _mention_row(article_id: str, m: Mention) -> tuple[Any, ...]:
    return (article_id, m.kind, m.start, m.end, m.text, m.label, m.ref)


def _report_row(r: EventReport) -> tuple[Any, ...]:
    d = r.to_dict()
    loc = r.location
    return (
        r.report_id,
        r.article_id,
        r.event_id,
        r.type,
        r.subtype,
        r.modality,
        d["date"],
        d["date_precision"],
        loc.name if loc else None,
        loc.geonames_id if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.admin1 if loc else None,
        loc.admin2 if loc else None,
        loc.country if loc else None,
        r.killed.min if r.killed else None,
        r.killed.max if r.killed else None,
        r.injured.min if r.injured else None,
        r.injured.max if r.injured else None,
        r.confidence,
        _dumps(d),
    )


def _quote_row(q: Quote) -> tuple[Any, ...]:
    speaker = q.speaker
    return (
        q.quote_id,
        q.article_id,
        speaker.name if speaker else None,
        speaker.wikidata if speaker else None,
        q.verb,
        int(q.direct),
        q.start,
        q.end,
        q.text,
        _dumps(q.to_dict()),
    )
