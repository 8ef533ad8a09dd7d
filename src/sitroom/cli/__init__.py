"""The ``sitroom`` command line: a thin shell over the library.

Commands live in one module per group: ``cli.run`` (the pipeline: ingest, extract,
demo), ``cli.read`` (events, show, quotes, export), ``cli.catalog`` (places, actors,
merge), ``cli.evaluate`` and ``cli.serve`` (the REST API). Every ``SitroomError`` a command
raises becomes ONE red line on stderr, ``error: <message>``, and exit code 1; usage
errors exit with 2 (Typer's own handling). Never a traceback for a known error.

The app is built on first use (``build_app()``, or the ``app`` attribute), not at import
time, so that importing ``sitroom.cli.common`` loads no command module.
"""

from __future__ import annotations

from typing import Any

import typer

from sitroom.cli.common import new_app, print_error
from sitroom.errors import SitroomError

__all__ = ["app", "build_app", "main"]


def build_app() -> typer.Typer:
    """The full ``sitroom`` app: root options, pipeline commands, read commands."""
    from sitroom.cli import catalog, evaluate, read, report, run, serve

    app = new_app()
    run.register(app)
    read.register(app)
    evaluate.register(app)
    catalog.register(app)
    serve.register(app)
    report.register(app)
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console entry point (``sitroom``)."""
    try:
        build_app()(prog_name="sitroom")
    except SitroomError as exc:  # raised outside a command, e.g. while building the app
        print_error(exc)
        raise SystemExit(1) from None
