"""CLI commands about what the database holds as a whole: places, actors, and merging
its reports into events again."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Annotated

import typer
from rich.table import Table

from sitroom.cli.common import DbOption, QuotesFormat, open_for_reading, out_console
from sitroom.store import catalog

LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many")]
FormatOption = Annotated[QuotesFormat, typer.Option("--format", "-f")]


def register(app: typer.Typer) -> None:
    """Add ``places`` and ``actors`` to ``app``."""
    app.command("places")(places_cmd)
    app.command("actors")(actors_cmd)
    app.command("merge")(merge_cmd)


def merge_cmd(ctx: typer.Context, db: DbOption = None) -> None:
    """Merge every stored report into events again (after an upgrade that changed the
    merge rules, or a database written before merging existed). Safe to repeat."""
    with open_for_reading(ctx, db) as store:
        before = store.connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        after = store.recluster()
    out_console().print(f"{before} events before, {after} after")


def places_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = QuotesFormat.table,
) -> None:
    """List the places events happened at, with how many events each."""
    with open_for_reading(ctx, db) as store:
        rows = catalog.places(store, limit)
    table = Table("place", "geonames", "admin1", "country", "events", "reports")
    for r in rows:
        table.add_row(
            r.name,
            str(r.geonames_id or ""),
            r.admin1 or "",
            r.country or "",
            str(r.events),
            str(r.reports),
        )
    _emit(rows, fmt, table)


def actors_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    limit: LimitOption = 50,
    fmt: FormatOption = QuotesFormat.table,
) -> None:
    """List the actors named in events (canonical names), with counts."""
    with open_for_reading(ctx, db) as store:
        rows = catalog.actors(store, limit)
    table = Table("actor", "wikidata", "kind", "actor 1", "participant")
    for r in rows:
        table.add_row(
            r.name, r.wikidata or "", r.kind or "", str(r.as_actor1), str(r.as_participant)
        )
    _emit(rows, fmt, table)


def _emit(
    rows: Sequence[catalog.PlaceCount] | Sequence[catalog.ActorCount],
    fmt: QuotesFormat,
    table: Table,
) -> None:
    if fmt is QuotesFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    else:
        out_console().print(table)
