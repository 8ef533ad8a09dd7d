"""The daily situation report: what it adds up, and that untrusted text stays text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import chromium
from sitroom.cli import build_app
from sitroom.report.daily import build_daily, to_html, to_markdown
from sitroom.report.svg import MapPoint, event_map
from sitroom.store import Store
from store_factory import FASTIV, make_extraction, make_quote, make_store

DAY = dt.date(2026, 1, 5)
HOSTILE = 'In Kyiv <script>alert(1)</script><img src=x onerror="alert(2)"> a strike hit.'


@pytest.fixture
def db(tmp_path: Path) -> Path:
    hostile = make_extraction("hostile", text=HOSTILE, article={"source": "Bad <b>Wire</b>"})
    quote = dataclasses.replace(make_quote("art_hostile", "q_h", HOSTILE), text=HOSTILE[8:40])
    make_store(
        tmp_path,
        make_extraction("kyiv", killed=(1, 1)),
        dataclasses.replace(hostile, quotes=(quote,)),
        make_extraction("fastiv", **FASTIV, killed=(2, 2)),
        make_extraction(
            "talks", type="meeting", subtype=None, place=None, killed=None, injured=None,
            weapons=False, modality="planned",
        ),
        make_extraction("earlier", killed=(9, 9), date=dt.date(2026, 1, 2), place="Sumy",
                        admin1="Sumy Oblast", geonames_id=692194),
    ).close()  # fmt: skip
    return tmp_path / "sitroom.db"


def test_the_day_by_oblast_with_totals_and_sources(db: Path) -> None:
    with Store.open(db, create=False) as store:
        report = build_daily(store, DAY)
    names = [b.name for b in report.oblasts]
    assert names == ["Kyiv Oblast", "Kyiv City"]  # the larger toll first
    kyiv = report.oblasts[1]
    [event] = kyiv.events  # the Kyiv strike told by two outlets
    assert set(event.sources) == {"Example Wire", "Bad <b>Wire</b>"}
    assert (event.killed.value, event.killed.low, event.killed.high) == (1, 1, 1)
    assert report.killed.value == 3 and report.injured.value == 6
    assert [e.type for e in report.other] == ["meeting"]
    assert len(report.air_raids) == 0
    assert [b.killed for b in report.week][-4:] == [9, 0, 0, 3]  # 2 Jan … 5 Jan
    assert report.quotes and report.quotes[0].text.startswith("<script>")


def test_markdown_reads_and_keeps_article_text_inert(db: Path) -> None:
    with Store.open(db, create=False) as store:
        md = to_markdown(build_daily(store, DAY))
    assert md.startswith("# Situation report — 2026-01-05")
    assert "killed 3, injured 6" in md
    assert "### Kyiv Oblast — killed 2, injured 3" in md
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_html_is_one_offline_file_with_text_escaped(db: Path) -> None:
    with Store.open(db, create=False) as store:
        page = to_html(
            build_daily(store, DAY), {(252, 152): "Kyiv City", (250, 149): "Kyiv Oblast"}
        )
    assert "<script" not in page and "<img" not in page and 'onerror="' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Bad &lt;b&gt;Wire&lt;/b&gt;" in page
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)  # nothing to fetch
    assert page.count("<svg") == 2 and "<circle" in page and "<rect" in page
    assert "default-src 'none'" in page


def test_map_projects_points_inside_the_picture() -> None:
    cells = {(r, c): "A" for r in range(240, 260) for c in range(110, 200)}
    svg = event_map(cells, [MapPoint(50.45, 30.52, "Kyiv <x>", 3)], width=400)
    width = float(re.search(r'width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    height = float(re.search(r'height="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    cx = float(re.search(r'cx="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    cy = float(re.search(r'cy="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    assert 0 < cx < width and 0 < cy < height
    assert "Kyiv &lt;x&gt;" in svg


def test_report_cli_html_opens_with_the_network_off_and_prints_to_pdf(
    db: Path, tmp_path: Path
) -> None:
    exe = chromium()
    runner = CliRunner()
    html = tmp_path / "report.html"
    result = runner.invoke(
        build_app(), ["report", "--date", "2026-01-05", "--db", str(db), "--out", str(html)]
    )
    assert result.exit_code == 0, result.output
    # the browser may reach nothing: every request goes to a closed local port
    dom = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", html.as_uri()],
        capture_output=True, timeout=120, check=True,
    ).stdout.decode()  # fmt: skip
    assert "Situation report — 2026-01-05" in dom and "<circle" in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    pdf = tmp_path / "report.pdf"
    result = runner.invoke(
        build_app(),
        ["report", "--date", "2026-01-05", "--db", str(db), "-f", "pdf", "--out", str(pdf)],
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000


def test_report_cli_markdown_to_stdout(db: Path) -> None:
    result = CliRunner().invoke(
        build_app(), ["report", "--date", "2026-01-05", "--db", str(db), "-f", "md"]
    )
    assert result.exit_code == 0, result.output
    assert "# Situation report — 2026-01-05" in result.stdout
