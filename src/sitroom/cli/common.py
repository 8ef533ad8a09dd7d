"""What every CLI command shares: the context object, common options, consoles, errors.

The root callback (``root``, installed by ``new_app``) loads the ``Settings`` (``--config
FILE``) into ``ctx.obj`` of the root context; commands read them with ``settings_of(ctx)``
and the database path with ``db_path(ctx, db)``.
Progress and errors go to stderr (``err_console``), results to stdout.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from sitroom.config import Settings
from sitroom.errors import SitroomError
from sitroom.store.db import Store
from sitroom.store.queries import EventFilter
from sitroom.types import Place


class SitroomGroup(TyperGroup):
    """The root command group: turns ``SitroomError`` into one line and exit code 1."""

    def invoke(self, ctx: Any) -> Any:  # ctx: typer's (vendored click) Context
        try:
            return super().invoke(ctx)
        except SitroomError as exc:
            print_error(exc)
            raise typer.Exit(1) from None


def new_app() -> typer.Typer:
    """A ``sitroom`` app with the root options and error handling, and no commands yet."""
    app = typer.Typer(
        name="sitroom",
        cls=SitroomGroup,
        help="News articles about armed conflict in, an evidence-linked event database out.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )
    app.callback()(root)
    return app


def root(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            dir_okay=False,
            help="Settings file (TOML) over the shipped defaults; also SITROOM_CONFIG",
        ),
    ] = None,
) -> None:
    """Sitroom: what was hit, where, how many, who says so, and the sentence that says it."""
    ctx.obj = Settings.load(config)


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class QuotesFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


class ExportLevel(StrEnum):
    report = "report"
    event = "event"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def parse_date(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` option value, or a usage error that says what was expected."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it like 2026-01-05") from None


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite database file [default: store.path from the settings]",
        dir_okay=False,
        show_default=False,
    ),
]
SinceOption = Annotated[
    dt.date | None,
    typer.Option("--since", parser=parse_date, metavar="DATE", help="From this day (YYYY-MM-DD)"),
]
UntilOption = Annotated[
    dt.date | None,
    typer.Option("--until", parser=parse_date, metavar="DATE", help="Up to this day, inclusive"),
]
TypeOption = Annotated[
    str | None, typer.Option("--type", help="Event type or subtype, e.g. attack, air_drone_strike")
]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        "--place",
        help="A country, oblast or raion (events inside it), else part of a place name",
    ),
]


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the root callback loaded (``ctx.obj``), else the defaults."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings.load()


def db_path(ctx: typer.Context, db: Path | None) -> Path:
    """``--db`` if given, else the configured ``store.path``."""
    return db if db is not None else Path(settings_of(ctx).store.path)


def open_for_reading(ctx: typer.Context, db: Path | None) -> Store:
    """Open an existing database; a missing file is an error, never created empty."""
    return Store.open(db_path(ctx, db), create=False)


def make_filter(
    since: dt.date | None,
    until: dt.date | None,
    type_: str | None,
    place: str | None,
    limit: int | None = None,
    offset: int = 0,
) -> EventFilter:
    """An ``EventFilter`` from command options; ``--since`` after ``--until`` is refused."""
    if since is not None and until is not None and since > until:
        raise typer.BadParameter(
            f"--since {since.isoformat()} is after --until {until.isoformat()}",
            param_hint="'--since'",
        )
    return EventFilter(
        since=since,
        until=until,
        type=type_,
        place=place,
        area=area_of(place) if place else None,
        limit=limit,
        offset=offset,
    )


def area_of(place: str) -> Place | None:
    """The area a ``--place`` names, when it is a country, an oblast or a raion."""
    from sitroom.resolve.lookups import area_of as gazetteer_area

    return gazetteer_area(place)


def out_console() -> Console:
    """A console on stdout for tables and event views."""
    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    """A console on stderr for progress and error lines, one line each: a log
    line is grepped, so it is never wrapped at the terminal's width."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_error(message: object) -> None:
    """One red ``error: …`` line on stderr (the message is never read as markup)."""
    line = " ".join(str(message).split())
    err_console().print(Text(f"error: {line}", style="red"), soft_wrap=True)


@contextmanager
def output_file(path: Path | None, stdout: TextIO) -> Iterator[TextIO]:
    """Write to ``path`` (all or nothing: a temporary file renamed at the end) or stdout."""
    if path is None:
        yield stdout
        return
    tmp = path.with_name(path.name + ".partial")
    try:
        fp = tmp.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise SitroomError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with fp:
            yield fp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
