"""The REST API and the dashboard: a thin FastAPI shell over ``store.queries``.

``/`` is the dashboard (``web/static``: one page, its own script and style, nothing
loaded from elsewhere; a Content-Security-Policy on every response lets no other script
run), ``/api/…`` the API it reads, ``/api/map.svg`` and ``/api/chart.svg`` the pictures
(drawn by ``report.svg``, the map's ground from the gazetteer's places).

Read-only by default. ``POST /api/ingest`` exists only when the operator sets a token
(``create_app(token=…)``, ``sitroom serve`` reads it from ``SITROOM_API_TOKEN``) and
needs ``Authorization: Bearer <token>``. Every error has one JSON shape::

    {"error": {"code": "E601", "status": 404, "message": "no event with id 'ev_x'"}}

Filters are query parameters, checked (types, ranges, lengths) before any query runs and
bound as SQL parameters (``store.queries``). A store is opened per request, read-only for
reads, so the server never holds the database locked between requests.
"""

from __future__ import annotations

import datetime as dt
import hmac
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitroom.api import ingest_documents
from sitroom.config import Settings
from sitroom.errors import NotFound, SitroomError
from sitroom.pipeline import Pipeline
from sitroom.report.svg import Bar, MapPoint, day_bars, event_map
from sitroom.store import EventFilter, Store, catalog, queries
from sitroom.store.queries import MAX_TEXT_QUERY
from sitroom.types import Place, RawDocument

AreaOf = Callable[[str], Place | None]
MAX_PAGE = 500
MAX_INGEST_CHARS = 2_000_000
CHART_DAYS = 60
MAP_COUNTRY = "UA"
STATIC = Path(__file__).parent / "static"
# The dashboard runs only its own script and style; text from articles can never run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class ApiError(Exception):
    """An error answered with the JSON error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    body = {"error": {"code": code, "status": status, "message": message}}
    return JSONResponse(body, status_code=status)


class IngestBody(BaseModel):
    """One article to ingest over HTTP."""

    text: str = Field(min_length=1, max_length=MAX_INGEST_CHARS)
    published: dt.date | None = None
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)


Text = Annotated[str | None, Query(max_length=MAX_TEXT_QUERY)]
Id = Annotated[str, PathParam(max_length=64)]


@dataclass(frozen=True, slots=True)
class Filters:
    """The event filters of a request (query parameters)."""

    since: dt.date | None = None
    until: dt.date | None = None
    type: Text = None
    place: Text = None
    actor: Text = None
    min_killed: Annotated[int | None, Query(ge=0)] = None
    min_injured: Annotated[int | None, Query(ge=0)] = None
    modality: Text = None
    source: Text = None
    language: Text = None
    q: Text = None
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50
    offset: Annotated[int, Query(ge=0)] = 0

    def event_filter(self, area_of: AreaOf, *, paged: bool = True) -> EventFilter:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ApiError(422, "E422", "since is after until")
        return EventFilter(
            since=self.since,
            until=self.until,
            type=self.type,
            place=self.place,
            area=area_of(self.place) if self.place else None,
            limit=self.limit if paged else None,
            offset=self.offset if paged else 0,
            modality=self.modality,
            actor=self.actor,
            min_killed=self.min_killed,
            min_injured=self.min_injured,
            source=self.source,
            language=self.language,
            text=self.q,
        )


def create_app(
    db: str | Path,
    settings: Settings | None = None,
    *,
    token: str | None = None,
    area_of: AreaOf | None = None,
) -> FastAPI:
    """The API over the database at ``db``. ``token`` enables ``POST /api/ingest``;
    ``area_of`` turns a place filter into an area (default: the gazetteer)."""
    settings = settings or Settings.load()
    path = Path(db)
    write_lock = threading.Lock()
    pipelines: list[Pipeline] = []  # made on the first ingest: it loads the models
    from sitroom.resolve.lookups import area_of as gazetteer_area

    areas: AreaOf = area_of or gazetteer_area

    app = FastAPI(
        title="Sitroom",
        description="Events extracted from news about armed conflict and diplomacy, "
        "each figure with the sentence it comes from.",
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,  # its page loads scripts from the internet: the schema is enough
        redoc_url=None,
    )

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(NotFound)
    async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, exc.code, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(SitroomError)
    async def _sitroom(_: Request, exc: SitroomError) -> JSONResponse:
        return _error(400, exc.code, str(exc.args[0]) if exc.args else exc.code)

    @app.exception_handler(ValueError)
    async def _value(_: Request, exc: ValueError) -> JSONResponse:
        return _error(422, "E422", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body"))
        return _error(422, "E422", f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, f"E{exc.status_code}", str(exc.detail))

    @contextmanager
    def reading() -> Iterator[Store]:
        if not path.exists():
            raise ApiError(503, "E602", "the database does not exist yet: ingest articles first")
        with Store.open(path, create=False) as store:
            yield store

    @app.middleware("http")
    async def _security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    ground: list[dict[tuple[int, int], str]] = []

    def cells() -> dict[tuple[int, int], str]:
        if not ground:
            from sitroom.resolve.lookups import default_lookups

            ground.append(default_lookups().gazetteer.cells(MAP_COUNTRY))
        return ground[0]

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/map.svg", summary="The filtered events on a map (SVG)")
    def map_svg(f: Annotated[Filters, Depends()]) -> Response:
        flt = f.event_filter(areas, paged=False)
        with reading() as store:
            rows = queries.events(store, flt)
            consensus = queries.consensus_by_event(store, (r.event_id for r in rows))
        points = []
        for row in rows:
            loc = consensus[row.event_id].get("location") or {}
            if loc.get("lat") is None or loc.get("precision") in ("country", "region"):
                continue
            killed = (consensus[row.event_id].get("killed") or {}).get("value") or 0
            label = f"{row.date or '?'} {row.type} {row.location or ''}: killed {killed}"
            points.append(MapPoint(loc["lat"], loc["lon"], label, killed, row.event_id))
        return Response(event_map(cells(), points), media_type="image/svg+xml")

    @app.get("/api/chart.svg", summary="Killed and injured per day (SVG)")
    def chart_svg(f: Annotated[Filters, Depends()]) -> Response:
        flt = f.event_filter(areas, paged=False)
        with reading() as store:
            rows = queries.daily_stats(store, flt)
        per_day: dict[dt.date, list[int]] = {}
        for s in rows:
            day = per_day.setdefault(s.date, [0, 0])
            day[0] += s.killed
            day[1] += s.injured
        days = sorted(per_day)[-CHART_DAYS:]
        bars = [Bar(d.strftime("%d %b"), *per_day[d]) for d in days]
        return Response(day_bars(bars), media_type="image/svg+xml")

    @app.get("/api/events", summary="Events, newest first, filtered and paged")
    def list_events(f: Annotated[Filters, Depends()]) -> dict[str, Any]:
        flt = f.event_filter(areas)
        with reading() as store:
            rows = queries.events(store, flt)
        return {
            "items": [r.to_dict() for r in rows],
            "limit": f.limit,
            "offset": f.offset,
            "next_offset": f.offset + len(rows) if len(rows) == f.limit else None,
        }

    @app.get("/api/events/{event_id}", summary="One event: every source's figures and evidence")
    def get_event(event_id: Id) -> dict[str, Any]:
        with reading() as store:
            detail = queries.event_detail(store, event_id)
        ev = detail.event
        return {
            "event_id": ev.event_id,
            "type": ev.type,
            "consensus": ev.consensus,
            "reports": [r.to_dict() for r in ev.reports],
            "articles": {
                aid: {"title": a.title, "source": a.source, "url": a.url, "language": a.language}
                for aid, a in detail.articles.items()
            },
        }

    @app.get("/api/articles/{article_id}", summary="An article's text and its marked spans")
    def get_article(article_id: Id) -> dict[str, Any]:
        with reading() as store:
            article = queries.article(store, article_id)
            reports = list(queries.reports_of_article(store, article_id))
        spans = []
        for r in reports:
            for e in r.evidence:
                spans.append(
                    {"start": e.start, "end": e.end, "kind": "evidence", "report": r.report_id}
                )
        return {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "language": article.language,
            "text": article.text,
            "spans": spans,
            "reports": [r.report_id for r in reports],
        }

    @app.get("/api/quotes", summary="Quotes with their speakers")
    def list_quotes(
        speaker: Text = None,
        article: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        with reading() as store:
            found = queries.quotes(
                store, speaker=speaker, article_id=article, limit=limit, offset=offset
            )
        return {"items": [q.to_dict() for q in found], "limit": limit, "offset": offset}

    @app.get("/api/places", summary="Places with their number of events")
    def list_places(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        with reading() as store:
            rows = catalog.places(store, limit)
        return {"items": [r.to_dict() for r in rows]}

    @app.get("/api/stats/daily", summary="Killed, injured, launched, intercepted per day")
    def daily(f: Annotated[Filters, Depends()]) -> dict[str, Any]:
        flt = f.event_filter(areas, paged=False)
        with reading() as store:
            rows = queries.daily_stats(store, flt)
        return {"items": [r.to_dict() for r in rows]}

    @app.post("/api/ingest", status_code=201, summary="Ingest one article (token needed)")
    def ingest_article(
        body: IngestBody, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        if not token:
            raise ApiError(403, "E403", "ingest over HTTP is off: the operator set no token")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "E401", "a valid 'Authorization: Bearer <token>' is needed")
        raw = RawDocument(
            "http",
            "text",
            text=body.text,
            published=body.published,
            published_how="cli" if body.published else "unknown",
            source=body.source,
            url=body.url,
            title=body.title,
        )
        with write_lock:
            if not pipelines:
                pipelines.append(Pipeline(settings))
            tally = ingest_documents([raw], path, settings, pipeline=pipelines[0])
        return {
            "ingested": tally.ingested,
            "duplicate": tally.duplicate,
            "rejected": tally.rejected,
            "reports": tally.reports,
        }

    return app
