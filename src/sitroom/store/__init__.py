"""store stage: the SQLite database (one file, WAL, versioned migrations, one writer).

``Store`` opens, migrates and writes; ``queries`` holds every read the serving side uses.
"""

from sitroom.store.db import Store
from sitroom.store.migrations import MIGRATIONS, Migration
from sitroom.store.queries import (
    EventDetail,
    EventFilter,
    EventRow,
    article,
    counts,
    event,
    event_detail,
    events,
    ingest_tally,
    quotes,
    reports,
    resolve_event_id,
)

__all__ = [
    "MIGRATIONS",
    "EventDetail",
    "EventFilter",
    "EventRow",
    "Migration",
    "Store",
    "article",
    "counts",
    "event",
    "event_detail",
    "events",
    "ingest_tally",
    "quotes",
    "reports",
    "resolve_event_id",
]
