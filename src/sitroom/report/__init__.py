"""report stage: exports (JSONL, CSV with ACLED-compatible columns)."""

from sitroom.report.export import (
    CSV_COLUMNS,
    acled_type,
    export_store,
    safe_cell,
    write_csv,
    write_event_rows,
    write_jsonl,
    write_quotes_jsonl,
)

__all__ = [
    "CSV_COLUMNS",
    "acled_type",
    "export_store",
    "safe_cell",
    "write_csv",
    "write_event_rows",
    "write_jsonl",
    "write_quotes_jsonl",
]
