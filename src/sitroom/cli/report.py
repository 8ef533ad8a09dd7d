"""``sitroom report``: the daily situation report as Markdown, one HTML file, or PDF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sitroom.cli.common import DbOption, err_console, open_for_reading, out_console
from sitroom.errors import ReportError
from sitroom.report.daily import build_daily, to_html, to_markdown
from sitroom.resolve.lookups import default_lookups

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def register(app: typer.Typer) -> None:
    """Add ``report`` to ``app``."""
    app.command("report")(report_cmd)


def report_cmd(
    ctx: typer.Context,
    date: Annotated[
        dt.datetime, typer.Option("--date", formats=["%Y-%m-%d"], help="The day (YYYY-MM-DD)")
    ],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.html,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", dir_okay=False, help="Write to this file")
    ] = None,
    db: DbOption = None,
) -> None:
    """The day's events by oblast with totals, ranges and sources, air raids, quotes, a map
    and a chart. HTML is one file that works offline; PDF is printed by headless Chromium."""
    day = date.date()
    with open_for_reading(ctx, db) as store:
        report = build_daily(store, day)
    if fmt is ReportFormat.md:
        text = to_markdown(report)
    else:
        text = to_html(report, default_lookups().gazetteer.cells("UA"))
    if fmt is ReportFormat.pdf:
        target = out or Path(f"sitroom-report-{day.isoformat()}.pdf")
        print_pdf(text, target)
        err_console().print(f"wrote {target}", style="dim")
        return
    if out is None:
        out_console().print(text, markup=False, highlight=False, soft_wrap=True)
        return
    out.write_text(text, "utf-8")
    err_console().print(f"wrote {out}", style="dim")


def browser() -> str | None:
    """The headless browser on this machine, if any."""
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def print_pdf(html: str, target: Path) -> None:
    """Print an HTML page to PDF with headless Chromium (nothing is fetched: the page is
    self-contained and the browser runs with networking off)."""
    exe = browser()
    if exe is None:
        raise ReportError(
            "PDF needs Chromium: install it (scripts/install-chromium.sh, or your system's "
            "chromium package), or ask for --format html"
        )
    with tempfile.TemporaryDirectory(prefix="sitroom-report-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, "utf-8")
        command = [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--proxy-server=127.0.0.1:9", f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={target.resolve()}", page.as_uri(),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            raise ReportError("Chromium took more than 120 s to print the PDF") from None
    if done.returncode != 0 or not target.exists():
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise ReportError(f"Chromium could not print the PDF: {tail[0]}")
