"""The dashboard in real headless Chromium, over a real server, with the seed articles.

Screenshots go to ``tests/screenshots/`` (kept out of git).
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn

from conftest import REPO, chromium, shared_path
from sitroom.api import SEED_DATES, IngestRequest, ingest
from sitroom.pipeline import Pipeline
from sitroom.store import Store
from sitroom.web import create_app

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.engine import Engine

pytestmark = pytest.mark.slow
SHOTS = REPO / "tests" / "screenshots"
HOSTILE = (
    "Russian drones struck the town of Bucha early Monday, killing two people and wounding "
    'five, officials said. A resident wrote <script>alert("pwned")</script> and '
    '<img src=x onerror="alert(1)"> on a wall near the damaged school.'
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def seeded(settings: Settings, engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the two seed articles and a hostile article."""
    seeds = shared_path("seeds")
    tmp = tmp_path_factory.mktemp("dashboard")
    db = tmp / "sitroom.db"
    pipeline = Pipeline(settings, engine)
    for path in sorted(seeds.glob("*.txt")):
        request = IngestRequest([path], db, SEED_DATES.get(path.name), "seed")
        ingest(request, settings, pipeline=pipeline)
    hostile = tmp / "hostile.txt"
    hostile.write_text(HOSTILE, "utf-8")
    ingest(
        IngestRequest([hostile], db, dt.date(2026, 1, 5), "Test Wire"), settings, pipeline=pipeline
    )
    return db


@pytest.fixture(scope="module")
def site(seeded: Path, settings: Settings) -> Iterator[str]:
    """The dashboard over ``seeded``, served by a real server on a free local port."""
    db = seeded
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, settings), host="127.0.0.1", port=_free_port(), log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    exe = chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _page(browser: Any, site: str) -> tuple[Any, list[str], list[str]]:
    """A page that may reach only the local server; returns it with the lists of
    requests refused and dialogs opened (an alert would mean a script ran)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    refused: list[str] = []
    dialogs: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(site):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page, refused, dialogs


def test_the_map_shows_the_seed_events_and_a_click_opens_the_evidence(
    browser: Any, site: str
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, refused, dialogs = _page(browser, site)
    page.goto(site + "/")
    page.wait_for_selector("#map circle.event")
    page.wait_for_selector("#events tbody tr")
    circles = page.locator("#map circle.event")
    assert circles.count() >= 4  # Kyiv, Fastiv, Hrabovske, Moscow…
    titles = " ".join(circles.nth(i).text_content() or "" for i in range(circles.count()))
    assert "Fastiv" in titles and "Kyiv" in titles
    assert page.locator("#timeline rect").count() >= 2
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    fastiv = page.locator("#map circle.event", has_text="Fastiv").first
    fastiv.dispatch_event("click")
    page.wait_for_selector("#event article mark.evidence")
    assert "Fastiv" in (page.locator("#event-title").text_content() or "")
    marks = page.locator("#event mark")
    assert marks.count() >= 1
    assert any("Fastiv" in (marks.nth(i).text_content() or "") for i in range(marks.count()))
    assert page.locator("#sources tbody tr").count() >= 2  # a source and the consensus
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    assert refused == [] and dialogs == []


def test_article_markup_shows_as_text_and_never_runs(browser: Any, site: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, refused, dialogs = _page(browser, site)
    page.goto(site + "/")
    page.fill("#filters input[name=place]", "Bucha")
    page.click("#filters button[type=submit]")
    page.wait_for_function(
        "() => { const rows = [...document.querySelectorAll('#events tbody tr')];"
        " return rows.length > 0 && rows.every(r => r.textContent.includes('Bucha')); }"
    )
    page.locator("#events tbody tr").first.click()
    article = page.wait_for_selector("#event article")
    text = article.text_content() or ""
    assert '<script>alert("pwned")</script>' in text
    assert '<img src=x onerror="alert(1)">' in text
    assert page.locator("#event article script, #event article img").count() == 0
    page.screenshot(path=str(SHOTS / "hostile-article.png"), full_page=True)
    assert dialogs == [] and refused == []


def test_the_seed_events_behind_the_map_are_in_the_database(site: str, settings: Settings) -> None:
    # the map draws located events only: what it shows is what the store holds
    from urllib.request import urlopen

    with urlopen(site + "/api/events?limit=500") as response:
        import json

        items = json.loads(response.read())["items"]
    assert {"Kyiv", "Fastiv"} <= {i["location"] for i in items}


def test_the_daily_report_of_the_seeds_reads_well_and_opens_offline(
    seeded: Path, browser: Any, tmp_path: Path
) -> None:
    from sitroom.report.daily import build_daily, to_html, to_markdown
    from sitroom.resolve.lookups import default_lookups

    with Store.open(seeded, create=False) as store:
        report = build_daily(store, dt.date(2026, 1, 5))
    md = to_markdown(report)
    assert "# Situation report — 2026-01-05" in md
    for place in ("Kyiv", "Fastiv", "Hrabovske"):
        assert place in md
    assert "## Air raids" in md and "drones 165" in md  # the seed's salvo
    page_file = tmp_path / "report.html"
    page_file.write_text(to_html(report, default_lookups().gazetteer.cells("UA")), "utf-8")
    page = browser.new_page()
    refused: list[str] = []
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith("file:")
            else (refused.append(r.request.url), r.abort())
        ),
    )
    page.goto(page_file.as_uri())
    assert "Situation report" in (page.locator("h1").text_content() or "")
    assert page.locator("svg circle").count() >= 3 and refused == []
    assert page.locator("script, img").count() == 0  # the page runs and loads nothing
    page.screenshot(path=str(SHOTS / "report.png"), full_page=True)
