"""``sitroom serve``: the REST API (``sitroom.web``) on a local port."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from sitroom.cli.common import DbOption, db_path, err_console, settings_of

TOKEN_ENV = "SITROOM_API_TOKEN"
LOCAL = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""
    app.command("serve")(serve_cmd)


def serve_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than localhost exposes the API")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the REST API over the database (read-only; ingest over HTTP only when
    SITROOM_API_TOKEN is set, with 'Authorization: Bearer <token>')."""
    import uvicorn

    from sitroom.web import create_app

    token = os.environ.get(TOKEN_ENV) or None
    path = db_path(ctx, db)
    app = create_app(path, settings_of(ctx), token=token)
    if host not in LOCAL:
        err_console().print(
            f"warning: listening on {host}: the API is reachable from other machines"
        )
    err_console().print(
        f"Sitroom API on http://{host}:{port}/api/events (schema: /api/openapi.json), "
        f"database {path}; ingest over HTTP is {'on' if token else 'off'}",
        markup=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
