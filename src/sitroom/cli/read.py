"""CLI commands that read the database: events, show, quotes, export.

Each command parses its options and calls one library function (``store.queries``,
``report.export``); what is left here is presentation. Text from articles is untrusted:
it is put on screen only inside ``rich.text.Text`` objects, which Rich never reads as
markup (safer still than ``rich.markup.escape``), so "[/]" in an article is just text.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, cast

import typer
from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sitroom.cli.common import (
    DbOption,
    EventsFormat,
    ExportFormat,
    ExportLevel,
    PlaceOption,
    QuotesFormat,
    SinceOption,
    TypeOption,
    UntilOption,
    err_console,
    make_filter,
    open_for_reading,
    out_console,
    output_file,
)
from sitroom.merge.cluster import FIGURES
from sitroom.report import export
from sitroom.store import queries
from sitroom.store.queries import EventDetail, EventRow
from sitroom.types import Actor, Article, EventReport, Quantity, Quote, Span, WeaponCount

#: How much of an event id the tables show; ``show`` takes any unique prefix.
ID_WIDTH = 11
#: Console width from which the event table shows every column in full.
WIDE = 120

_FIGURE = "bold yellow"
_PLACE = "bold cyan"
_DATE = "bold green"
_ACTOR = "bold magenta"
_SOURCE = "italic underline"

LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many")]


def register(app: typer.Typer) -> None:
    """Add the read commands to ``app``."""
    app.command("events")(events_cmd)
    app.command("show")(show_cmd)
    app.command("quotes")(quotes_cmd)
    app.command("export")(export_cmd)


# ---------------------------------------------------------------------- commands


def events_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type_: TypeOption = None,
    place: PlaceOption = None,
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many")] = 0,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:
    """List events, newest first."""
    flt = make_filter(since, until, type_, place, limit, offset)
    with open_for_reading(ctx, db) as store:
        rows = queries.events(store, flt)
    if fmt is EventsFormat.table:
        if not rows:
            err_console().print("no events match", style="dim")
            return
        console = out_console()
        console.print(events_table(rows, console.width))
    else:
        export.write_event_rows(rows, sys.stdout, cast(export.ExportFormat, fmt.value))


def show_cmd(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="An event id, or 6+ characters of it")
    ],
    db: DbOption = None,
) -> None:
    """Show one event: its figures, where each comes from, and the evidence."""
    with open_for_reading(ctx, db) as store:
        detail = queries.event_detail(store, event_id)
    out_console().print(render_event(detail))


def quotes_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Part of the speaker's name, any case")
    ] = None,
    article: Annotated[str | None, typer.Option("--article", help="One article's id")] = None,
    limit: LimitOption = 50,
    fmt: Annotated[QuotesFormat, typer.Option("--format", "-f")] = QuotesFormat.table,
) -> None:
    """List what people and organisations said."""
    with open_for_reading(ctx, db) as store:
        found = queries.quotes(store, article_id=article, speaker=speaker, limit=limit)
    if fmt is QuotesFormat.jsonl:
        export.write_quotes_jsonl(found, sys.stdout)
    elif not found:
        err_console().print("no quotes match", style="dim")
    else:
        out_console().print(quotes_table(found))


def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", dir_okay=False, help="Write to this file, not stdout"),
    ] = None,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type_: TypeOption = None,
    place: PlaceOption = None,
    level: Annotated[
        ExportLevel,
        typer.Option(
            "--level",
            help="report: one row per source's report, with its event's consensus; "
            "event: one row per event, with each source's figures",
        ),
    ] = ExportLevel.report,
) -> None:
    """Export event reports (one per source) or events: JSONL, ACLED-style CSV, GeoJSON or
    Parquet."""
    flt = make_filter(since, until, type_, place)
    if fmt is ExportFormat.parquet:
        if out is None:
            raise typer.BadParameter(
                "Parquet is binary: give a file with --out", param_hint="'--out'"
            )
        with open_for_reading(ctx, db) as store:
            n = export.export_parquet(store, out, flt, level.value)
        err_console().print(Text(f"wrote {n} {level.value}(s) to {out}"), style="dim")
        return
    with open_for_reading(ctx, db) as store, output_file(out, sys.stdout) as fp:
        n = export.export_store(store, fp, cast(export.ExportFormat, fmt.value), flt, level.value)
    if out is not None:
        err_console().print(Text(f"wrote {n} {level.value}(s) to {out}"), style="dim")


# ---------------------------------------------------------------------- tables


def events_table(rows: Sequence[EventRow], width: int = 200) -> Table:
    """The event list as a Rich table; below ``WIDE`` columns of console it is compact.

    Compact: the type column shows the subtype alone (attack subtypes name their type)
    with the modality under it unless it is "reported", and headers are shorter.
    """
    wide = width >= WIDE
    pad = (0, 1, 0, 0) if wide else (0, 0)
    extra = max(0, width - 80) // 3  # compact: share what is beyond 80 columns
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=pad)
    table.add_column("id", no_wrap=True, style="cyan", min_width=ID_WIDTH)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("type", overflow="fold", max_width=None if wide else 11 + extra)
    if wide:
        table.add_column("modality", overflow="fold")
    table.add_column("place", max_width=None if wide else 14 + extra)
    table.add_column("killed", justify="right", no_wrap=True, min_width=6)
    table.add_column("injured" if wide else "inj.", justify="right", no_wrap=True, min_width=4)
    table.add_column(
        "weapons", overflow="fold", min_width=13, max_width=None if wide else 13 + extra
    )
    table.add_column("sources" if wide else "src", justify="right", no_wrap=True, min_width=3)
    for r in rows:
        cells = [Text(r.event_id[:ID_WIDTH]), Text(r.date.isoformat() if r.date else "?")]
        if wide:
            cells += [Text(_type_text(r.type, r.subtype)), Text(r.modality)]
        else:
            what = Text(r.subtype if r.subtype and r.subtype != "other" else r.type)
            if r.modality != "reported":
                what.append(f"\n{r.modality}", style="italic")
            cells.append(what)
        cells += [
            Text(", ".join(p for p in (r.location, r.admin1) if p)),
            Text(figure_range(r.killed_min, r.killed_max)),
            Text(figure_range(r.injured_min, r.injured_max)),
            Text(r.weapons.replace(";", " ")),
            Text(str(r.n_sources)),
        ]
        table.add_row(*cells)
    return table


def quotes_table(found: Sequence[Quote]) -> Table:
    """Quotes as a Rich table."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("speaker")
    table.add_column("verb")
    table.add_column("", no_wrap=True)
    table.add_column("quote")
    table.add_column("article", no_wrap=True, style="dim")
    for q in found:
        table.add_row(
            Text(q.speaker.name if q.speaker else "?"),
            Text(q.verb or ""),
            Text("direct" if q.direct else "indirect"),
            Text(q.text),
            Text(q.article_id[:12]),
        )
    return table


def figure_range(low: int | None, high: int | None) -> str:
    """``2``, ``14–16``, ``14+`` (no upper bound) or ``≤5`` (no lower bound)."""
    if low is None and high is None:
        return ""
    if high is None:
        return f"{low}+"
    if low is None:
        return f"≤{high}"
    return str(low) if low == high else f"{low}–{high}"


def _type_text(type_: str, subtype: str | None) -> str:
    return f"{type_}/{subtype}" if subtype else type_


# ---------------------------------------------------------------------- show


@dataclass(frozen=True, slots=True)
class _Mark:
    """A stretch of the article to highlight in the evidence."""

    start: int
    end: int
    text: str
    style: str


def render_event(detail: EventDetail) -> RenderableType:
    """One event: a header, each source's figures side by side with the consensus, then
    each report with its evidence."""
    ev = detail.event
    c = ev.consensus
    n_sources = c.get("n_sources", len(detail.articles))
    header = Text.assemble(
        ("event ", "bold"),
        (ev.event_id, "bold cyan"),
        "  ",
        (_type_text(ev.type, c.get("subtype")), "bold"),
        f"  {c.get('modality', '')}  ·  {len(ev.reports)} report(s) "
        f"from {len(detail.articles)} article(s), {n_sources} source(s)",
    )
    parts: list[RenderableType] = [header]
    if c.get("sources"):
        parts.append(sources_table(c))
    parts.append(_legend())
    for report in ev.reports:
        parts.append(_report_panel(report, detail.articles.get(report.article_id)))
    return Group(*parts)


def _figure_cell(q: dict[str, object] | None) -> str:
    if not q:
        return ""
    low, high = q.get("min"), q.get("max")
    return figure_range(
        low if isinstance(low, int) else None, high if isinstance(high, int) else None
    )


def _weapons_cell(weapons: Sequence[dict[str, object]]) -> str:
    out = []
    for w in weapons:
        launched, intercepted = w.get("launched"), w.get("intercepted")
        said = f"{w.get('kind')} {launched if launched is not None else '?'}"
        if intercepted is not None:
            said += f"/{intercepted}"
        out.append(said)
    return ", ".join(out)


def sources_table(consensus: dict[str, object]) -> Table:
    """Each source's reports in the order they came (the one that counts marked), and
    the consensus: the lowest well-sourced figure, with the range the sources give."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left")
    table.add_column("source")
    table.add_column("published", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    for name in FIGURES:
        table.add_column(name.replace("_", " "), justify="right", no_wrap=True)
    table.add_column("weapons (launched/intercepted)")
    sources = consensus.get("sources")
    for src in sources if isinstance(sources, list) else []:
        for row in src["reports"]:
            who = Text(str(src["source"]))
            if not row["latest"]:
                who = Text(f"{src['source']} (earlier)", style="dim")
            table.add_row(
                who,
                row.get("published") or "?",
                row.get("language") or "",
                *(_figure_cell(row.get(f)) for f in FIGURES),
                _weapons_cell(row.get("weapons") or []),
            )
    cells = []
    for name in FIGURES:
        fig = consensus.get(name)
        if isinstance(fig, dict) and fig.get("value") is not None:
            spread = _figure_cell(fig)
            cells.append(f"{fig['value']} ({spread})" if spread != str(fig["value"]) else spread)
        else:
            cells.append(_figure_cell(fig) if isinstance(fig, dict) else "")
    weapons = consensus.get("weapons")
    summary = []
    for w in weapons if isinstance(weapons, list) else []:
        launched, intercepted = w.get("launched") or {}, w.get("intercepted") or {}
        said = f"{w['kind']} {figure_range(launched.get('min'), launched.get('max'))}".strip()
        if intercepted:
            said += f"/{figure_range(intercepted.get('min'), intercepted.get('max'))}"
        summary.append(said)
    table.add_row(Text("consensus", style="bold"), "", "", *cells, ", ".join(summary), style="bold")
    return table


def _legend() -> Text:
    return Text.assemble(
        ("highlighted: ", "dim"),
        ("figures", _FIGURE),
        " ",
        ("places", _PLACE),
        " ",
        ("dates", _DATE),
        " ",
        ("actors", _ACTOR),
        " ",
        ("sources", _SOURCE),
    )


def _report_panel(report: EventReport, article: Article | None) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in _report_fields(report):
        grid.add_row(label, value)
    marks = _marks(report)
    evidence: list[RenderableType] = [Text("evidence", style="bold")]
    evidence += [Text("  ") + _highlight(span, marks) for span in report.evidence]
    title = Text(f"report {report.report_id}")
    if article is not None:
        title.append(f" · {_article_label(article)}", style="dim")
    return Panel(Group(grid, *evidence), title=title, title_align="left", box=box.ROUNDED)


def _article_label(article: Article) -> str:
    bits = [article.source or "unknown source", article.title or "", article.id[:12]]
    if article.published:
        bits.insert(1, article.published.isoformat())
    return " · ".join(b for b in bits if b)


def _report_fields(r: EventReport) -> list[tuple[str, Text]]:
    rows = [("type", Text(f"{_type_text(r.type, r.subtype)}  ({r.modality})"))]
    if r.date:
        when = r.date.date.isoformat() if r.date.date else "unknown"
        rows.append(("date", _said(f"{when} ({r.date.precision})", r.date.text)))
    if r.location:
        loc = r.location
        where = [loc.name, f"geonames {loc.geonames_id}" if loc.geonames_id else None]
        where += [loc.admin1, loc.country, f"({loc.precision})"]
        rows.append(("place", _said(" · ".join(w for w in where if w), loc.text)))
    actors = [("actor 1", r.actor1), ("actor 2", r.actor2)]
    actors += [("participant", a) for a in r.participants]
    rows += [(label, _said(_actor_desc(a), a.text)) for label, a in actors if a is not None]
    for name in FIGURES:
        q: Quantity | None = getattr(r, name)
        if q is not None:
            rows.append((name.replace("_", " "), _said(_quantity_desc(q), q.text)))
    rows += [("weapons", _said(_weapon_desc(w), w.text)) for w in r.weapons]
    if r.targets:
        rows.append(("targets", Text(", ".join(t.category for t in r.targets))))
    rows += [("according to", _said(a.name, a.text)) for a in r.attributed_to]
    rows.append(("confidence", Text(f"{r.confidence:.2f}")))
    return rows


def _said(value: str, text: str) -> Text:
    """``value  — "the text it came from"``."""
    out = Text(value)
    if text:
        out.append("  — “", style="dim")
        out.append(text, style="italic")
        out.append("”", style="dim")
    return out


def _actor_desc(a: Actor) -> str:
    bits = [a.name, f"({a.wikidata})" if a.wikidata else "", f"[{a.role}]" if a.role else ""]
    return " ".join(b for b in bits if b)


def _quantity_desc(q: Quantity) -> str:
    return f"{figure_range(q.min, q.max)} ({q.qualifier})"


def _weapon_desc(w: WeaponCount) -> str:
    bits = [f"{w.launched} launched" if w.launched is not None else ""]
    bits.append(f"{w.intercepted} intercepted" if w.intercepted is not None else "")
    return f"{w.kind}: " + ", ".join(b for b in bits if b)


def _marks(r: EventReport) -> list[_Mark]:
    marks: list[_Mark] = []
    for name in FIGURES:
        q: Quantity | None = getattr(r, name)
        if q is not None:
            marks.append(_Mark(q.start, q.end, q.text, _FIGURE))
    marks += [_Mark(w.start, w.end, w.text, _FIGURE) for w in r.weapons]
    if r.date:
        marks.append(_Mark(r.date.start, r.date.end, r.date.text, _DATE))
    if r.location:
        marks.append(_Mark(r.location.start, r.location.end, r.location.text, _PLACE))
    for a in (r.actor1, r.actor2, *r.participants):
        if a is not None:
            marks.append(_Mark(a.start, a.end, a.text, _ACTOR))
    marks += [_Mark(a.start, a.end, a.text, _SOURCE) for a in r.attributed_to]
    return marks


def _highlight(span: Span, marks: Sequence[_Mark]) -> Text:
    """The evidence text with each mark styled: by its offsets, else by its words."""
    text = Text(span.text)
    for m in marks:
        if not m.text:
            continue
        lo, hi = m.start - span.start, m.end - span.start
        if not (0 <= lo < hi <= len(span.text) and span.text[lo:hi] == m.text):
            lo = span.text.find(m.text)
            hi = lo + len(m.text)
        if lo >= 0:
            text.stylize(m.style, lo, hi)
    return text
