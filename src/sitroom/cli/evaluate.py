"""``sitroom eval``: extraction scored against gold annotations, with floors for CI."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from sitroom.cli.common import err_console, out_console, settings_of
from sitroom.evaluate.case import load_snippets
from sitroom.evaluate.gold import GoldError, load_gold
from sitroom.evaluate.merging import (
    MergeScore,
    evaluate_merge,
    load_scenarios,
    merge_floor_failures,
    raised_merge_floors,
)
from sitroom.evaluate.runner import DEFAULT_DATA, evaluate, evaluate_case, select_split
from sitroom.evaluate.score import EvalResult, check_floors, raised_floors

DEFAULT_FLOORS = Path("eval") / "floors.json"
DEFAULT_MERGE_FLOORS = Path("eval") / "merge_floors.json"


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


class SplitChoice(StrEnum):
    dev = "dev"
    heldout = "heldout"
    all = "all"


def register(app: typer.Typer) -> None:
    """Add ``eval`` to ``app``."""
    app.command("eval")(eval_cmd)
    app.command("eval-case")(eval_case_cmd)
    app.command("eval-merge")(eval_merge_cmd)


def eval_cmd(
    ctx: typer.Context,
    gold: Annotated[list[Path], typer.Argument(metavar="GOLD...", help="Gold files or folders")],
    data: Annotated[
        Path, typer.Option("--data", help="The shared data folder the gold files point into")
    ] = DEFAULT_DATA,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    floors: Annotated[
        Path, typer.Option("--floors", help="JSON of metric floors; exit 1 below any")
    ] = DEFAULT_FLOORS,
    split: Annotated[SplitChoice, typer.Option("--split")] = SplitChoice.all,
    raise_floors: Annotated[
        bool,
        typer.Option(
            "--raise-floors",
            help="Raise the floors file to what was measured "
            "(less a margin); floors never go down this way",
        ),
    ] = False,
) -> None:
    """Score extraction against gold annotations (per language and split)."""
    articles = select_split(load_gold(gold), split.value)
    if not articles:
        raise GoldError(f"no gold articles of split {split.value} in {', '.join(map(str, gold))}")
    result = evaluate(articles, settings_of(ctx), data)
    if fmt is EvalFormat.json:
        out_console().print_json(json.dumps(result.to_dict()))
    else:
        out_console().print(result_table(result))
    _gate(
        floors,
        raise_floors,
        lambda current: raised_floors(result, current),
        lambda current: check_floors(result, current),
        keep=lambda key: split.value in ("all", key.split("/")[1]),
    )


def eval_case_cmd(
    ctx: typer.Context,
    data: Annotated[
        Path, typer.Option("--data", help="The shared data folder holding the CASE snippets")
    ] = DEFAULT_DATA,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
) -> None:
    """Event typing on the CASE 2021 snippets whose labels map to Sitroom types."""
    result = evaluate_case(load_snippets(data), settings_of(ctx))
    if fmt is EvalFormat.json:
        out_console().print_json(json.dumps(result.to_dict()))
        return
    table = Table("type", "precision", "recall", "F1", "snippets", box=box.SIMPLE)
    for cls, (p, r, f, n) in result.per_class.items():
        table.add_row(cls, f"{p:.2f}", f"{r:.2f}", f"{f:.2f}", str(n))
    table.add_row("accuracy", "", "", f"{result.accuracy:.2f}", str(result.scored))
    table.add_row("weighted F1", "", "", f"{result.weighted_f1:.2f}", str(result.scored))
    out_console().print(table)


def eval_merge_cmd(
    ctx: typer.Context,
    gold: Annotated[
        list[Path], typer.Argument(metavar="GOLD...", help="Cluster gold files or folders")
    ],
    data: Annotated[
        Path, typer.Option("--data", help="The shared data folder the gold files point into")
    ] = DEFAULT_DATA,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    floors: Annotated[
        Path, typer.Option("--floors", help="JSON of metric floors; exit 1 below any")
    ] = DEFAULT_MERGE_FLOORS,
    split: Annotated[SplitChoice, typer.Option("--split")] = SplitChoice.all,
    raise_floors: Annotated[
        bool, typer.Option("--raise-floors", help="Raise the floors to what was measured")
    ] = False,
) -> None:
    """Score merging against gold clusters: B-cubed, near misses, order independence."""
    scenarios = [s for s in load_scenarios(gold) if split.value in ("all", s.split)]
    if not scenarios:
        raise GoldError(f"no cluster scenarios of split {split.value} in the given paths")
    scores = evaluate_merge(scenarios, settings_of(ctx), data)
    if fmt is EvalFormat.json:
        out_console().print_json(json.dumps({k: v.to_dict() for k, v in scores.items()}))
    else:
        out_console().print(merge_table(scores))
    _gate(
        floors,
        raise_floors,
        lambda current: raised_merge_floors(scores, current),
        lambda current: merge_floor_failures(scores, current),
        keep=lambda key: split.value in ("all", key.split("/")[0]),
    )


def merge_table(scores: dict[str, MergeScore]) -> Table:
    """One row per measure, one column per split."""
    table = Table(title="Sitroom merge evaluation", box=box.SIMPLE, pad_edge=False)
    table.add_column("measure", no_wrap=True)
    splits = [k for k in ("dev", "heldout", "all") if k in scores]
    for k in splits:
        table.add_column(k, justify="right", no_wrap=True)
    rows = [scores[k].to_dict() for k in splits]
    for name in rows[0]:
        if name == "near_misses_merged":
            table.add_row(name, *(str(len(r[name])) for r in rows))
        elif isinstance(rows[0][name], float):
            table.add_row(name, *(f"{r[name]:.3f}" for r in rows))
        else:
            table.add_row(name, *(str(r[name]) for r in rows))
    return table


Floors = dict[str, float]


def _gate(
    path: Path,
    raise_them: bool,
    raised: Callable[[Floors], Floors],
    failed: Callable[[Floors], list[str]],
    keep: Callable[[str], bool],
) -> None:
    """Read the floors file (none: no floors), raise it when asked, and exit 1 with one
    line per failure. Only the floors ``keep`` names take part: those of the split that
    was run (a dev-only run says nothing of the held-out floors, and its "all" figures
    are dev figures)."""
    current = _floors(path) if path.exists() else {}
    if raise_them:
        current |= {k: v for k, v in raised(current).items() if keep(k)}
        path.write_text(json.dumps(current, indent=2) + "\n", "utf-8")
    failures = failed({k: v for k, v in current.items() if keep(k)})
    for line in failures:
        err_console().print(f"below floor: {line}", style="red", markup=False)
    if failures:
        raise typer.Exit(1)


def _floors(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text("utf-8"))
        return {str(k): float(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError) as exc:
        raise GoldError(f"{path}: not a floors file (a JSON object of numbers): {exc}") from None


def result_table(result: EvalResult) -> Table:
    """One row per metric, one column per language/split group (with its article count)."""
    table = Table(title="Sitroom evaluation", box=box.SIMPLE, pad_edge=False, padding=(0, 0))
    table.add_column("metric", no_wrap=True, min_width=23)
    for g in result.groups:
        split = "held" if g.split == "heldout" else g.split
        header = f"{g.lang}\n{split}\n{g.articles}"
        table.add_column(header, justify="right", no_wrap=True, min_width=5)
    names = list(result.groups[0].metrics()) if result.groups else []
    per_group = [g.metrics() for g in result.groups]
    for name in names:
        cells = [_fmt(m.get(name)) for m in per_group]
        table.add_row(name, *cells)
    return table


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}"
