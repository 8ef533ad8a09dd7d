"""CLI commands that run the pipeline: ingest, extract, demo. Each parses its arguments
and calls one function of ``sitroom.api``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from sitroom import api
from sitroom.cli.common import db_path, settings_of
from sitroom.errors import ConfigError
from sitroom.pipeline import Outcome, Tally
from sitroom.report import export
from sitroom.store import Store, queries
from sitroom.types import EventReport, Quantity

err = Console(stderr=True, soft_wrap=True)
DEMO_DB = "sitroom-demo.db"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--published must be a date like 2026-01-05, got {value!r}") from None


def ingest_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds; '-' for stdin.")],
    db: Annotated[Path | None, typer.Option(help="SQLite file (default: [store] path).")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date when the input has none (YYYY-MM-DD).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name when the input has none.")] = None,
) -> None:
    """Ingest articles into the database and print the tally."""
    settings = settings_of(ctx)
    request = api.IngestRequest(paths, db_path(ctx, db), _date(published), source)
    with _progress() as (progress, on_outcome):
        tally = api.ingest(request, settings, stdin=sys.stdin, progress=on_outcome)
        progress.stop()
    _print_tally(tally)


def extract_cmd(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="One file or folder; '-' for stdin.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    format: Annotated[ExtractFormat, typer.Option(help="jsonl or table.")] = ExtractFormat.jsonl,
) -> None:
    """Print the event reports of one input, without a database."""
    settings = settings_of(ctx)
    out = Console(highlight=False, soft_wrap=True)
    for outcome in api.extract([path], settings, published=_date(published), stdin=sys.stdin):
        if outcome.status == "rejected":
            err.print(
                f"[red]rejected[/red] {escape(outcome.locator)}: {escape(outcome.reason or '')}"
            )
            continue
        reports = outcome.extraction.reports if outcome.extraction else ()
        if format is ExtractFormat.jsonl:
            for r in reports:
                sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.print(report_table(reports, title=outcome.locator))


def demo_cmd(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option(help="SQLite file for the demo.")] = None,
    seeds: Annotated[
        Path | None,
        typer.Option(help="Folder of seed articles to add (default: ../shared/seeds if present)."),
    ] = None,
) -> None:
    """Run Sitroom on the bundled sample articles (and the seeds) and print the events."""
    settings = settings_of(ctx)
    path = db or Path(DEMO_DB)
    if db is None:
        # the demo starts from an empty database each time, so it always shows its events
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    folder = seeds if seeds is not None else Path("..") / "shared" / "seeds"
    extra = api.seed_files(folder) if folder.is_dir() else []
    out = Console(highlight=False, soft_wrap=True)

    def collect(outcome: Outcome) -> None:
        if outcome.extraction is not None:
            out.print(f"[bold]{escape(Path(outcome.locator).name)}[/bold]")
            for r in outcome.extraction.reports:
                out.print("  " + escape(report_line(r)))

    tally = api.demo(settings, path, extra, progress=collect)
    _print_merged(out, path)
    _print_tally(tally)
    err.print(
        f"database: {path}  (try: sitroom events --db {path}, or sitroom serve --db {path} "
        "and open http://127.0.0.1:8000/)"
    )


def _print_merged(out: Console, path: Path) -> None:
    """The events more than one source told, with what each source said."""
    with Store.open(path, create=False) as store:
        merged = [r for r in queries.events(store) if r.n_sources > 1]
        consensus = queries.consensus_by_event(store, (r.event_id for r in merged))
    out.print(f"[bold]events told by several sources[/bold]: {len(merged)}")
    for row in merged:
        c = consensus[row.event_id]
        killed = c.get("killed") or {}
        said = f"killed {killed['value']}" if killed.get("value") is not None else ""
        when = row.date.isoformat() if row.date else "?"
        line = f"{row.event_id[:12]}  {when}  {row.type}  {row.location or '-'}  {said}"
        out.print("  " + escape(f"{line}  ({row.n_sources} sources)"))
        for source in c.get("sources", []):
            out.print("    " + escape(export.source_summary(source)))


def report_table(reports: tuple[EventReport, ...] | list[EventReport], title: str) -> Table:
    """A Rich table of event reports, one row each."""
    table = Table(title=escape(title), title_justify="left", show_lines=False)
    for col in ("type", "modality", "date", "place", "killed", "injured", "weapons", "actor"):
        table.add_column(col, overflow="fold")
    for r in reports:
        table.add_row(*(escape(cell) for cell in report_cells(r)))
    return table


def report_cells(r: EventReport) -> tuple[str, ...]:
    """The cells of one report in tables and one-line listings."""
    actors = [r.actor1.name] if r.actor1 else []
    if r.type == "meeting":
        actors = [a.name for a in r.participants] or actors
    return (
        r.type + (f"/{r.subtype}" if r.subtype else ""),
        r.modality,
        r.date.date.isoformat() if r.date and r.date.date else "",
        r.location.name if r.location else "",
        _q(r.killed) + (f" ({_q(r.children_killed)} children)" if r.children_killed else ""),
        _q(r.injured) + (f" ({_q(r.children_injured)} children)" if r.children_injured else ""),
        ", ".join(
            f"{w.kind} {w.launched if w.launched is not None else '?'}"
            f"/{w.intercepted if w.intercepted is not None else '-'}"
            for w in r.weapons
        ),
        ", ".join(actors),
    )


def report_line(r: EventReport) -> str:
    """One report as one line: date, type, modality, place, figures, actors."""
    kind, modality, date, place, killed, injured, weapons, actors = report_cells(r)
    parts = [f"{date or '?':10s}", f"{kind:34s}", f"{modality:10s}", f"{place or '-':14s}"]
    figures = [
        f"killed {killed}" if killed else "",
        f"injured {injured}" if injured else "",
        f"weapons {weapons}" if weapons else "",
        actors,
    ]
    return "  ".join(parts + [p for p in figures if p])


def _q(q: Quantity | None) -> str:
    if q is None:
        return ""
    if q.qualifier == "at_least":
        return f"≥{q.min}"
    if q.qualifier == "range":
        return f"{q.min}-{q.max}"
    if q.qualifier == "vague":
        return f"~{q.min}"
    return str(q.min if q.min is not None else q.max)


class _progress:
    """A progress bar on stderr that counts finished inputs."""

    def __enter__(self) -> tuple[Progress, api.Progress]:
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self.bar.start()
        task = self.bar.add_task("ingesting", total=None)

        def on_outcome(outcome: Outcome) -> None:
            self.bar.advance(task)
            if outcome.status == "rejected":
                err.print(
                    f"[red]rejected[/red] {escape(outcome.locator)}: {escape(outcome.reason or '')}"
                )

        return self.bar, on_outcome

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def _print_tally(tally: Tally) -> None:
    line = (
        f"{tally.ingested} ingested, {tally.duplicate} duplicate, "
        f"{tally.rejected} rejected; {tally.reports} event reports, {tally.quotes} quotes"
    )
    if tally.not_extracted:
        line += f"; {tally.not_extracted} stored but not extracted (unsupported language)"
    if tally.ingested == 0 and tally.duplicate and not tally.rejected:
        line += " (nothing new: every input was already in the database)"
    err.print(line)


def register(app: typer.Typer) -> None:
    """Add the pipeline commands to ``app``."""
    app.command("ingest")(ingest_cmd)
    app.command("extract")(extract_cmd)
    app.command("demo")(demo_cmd)
