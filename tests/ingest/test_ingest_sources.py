"""iter_inputs: directories, stdin, sniffing, metadata precedence, real files."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from conftest import shared_path
from sitroom.config import IngestSettings
from sitroom.errors import RejectedInput
from sitroom.ingest import iter_inputs, sniff
from sitroom.types import RawDocument

SETTINGS = IngestSettings()
TEXT = "Air defences shot down eleven drones over the region overnight, the governor said.\n"
PAGE = f"<!DOCTYPE html><html><body><article><p>{TEXT}</p></article></body></html>"


def test_directory_is_walked_sorted_recursively_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT, encoding="utf-8")
    locators = [i.locator for i in iter_inputs([tmp_path], SETTINGS)]
    assert locators == [str(tmp_path / n) for n in ("a.txt", "b/2.txt", "c.txt")]


def test_every_input_ends_as_exactly_one_item(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.dat").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    items = list(iter_inputs([tmp_path, tmp_path / "missing.txt"], SETTINGS))
    kinds = {Path(i.locator).name: type(i).__name__ for i in items}
    assert kinds == {
        "empty.txt": "RejectedInput",
        "junk.dat": "RejectedInput",
        "ok.txt": "RawDocument",
        "page.html": "RawDocument",
        "missing.txt": "RejectedInput",
    }


def test_missing_path_is_rejected_with_a_reason(tmp_path: Path) -> None:
    (item,) = iter_inputs([tmp_path / "nope.txt"], SETTINGS)
    assert isinstance(item, RejectedInput) and item.reason == "no such file or directory"


def test_stdin_plain_text_is_one_document() -> None:
    (item,) = iter_inputs(["-"], SETTINGS, stdin=io.StringIO(TEXT), source="Wire")
    assert isinstance(item, RawDocument)
    assert item.locator == "-" and item.kind == "stdin" and item.text == TEXT
    assert item.source == "Wire"


def test_stdin_json_lines_give_one_document_per_line() -> None:
    lines = "\n".join(json.dumps({"text": TEXT, "title": f"t{n}"}) for n in range(3))
    items = list(iter_inputs(["-"], SETTINGS, stdin=io.StringIO(lines + "\n")))
    assert [i.locator for i in items] == ["-:1", "-:2", "-:3"]
    assert all(isinstance(i, RawDocument) and i.kind == "jsonl" for i in items)


def test_stdin_with_a_text_line_that_is_not_json_is_plain_text() -> None:
    data = json.dumps({"text": TEXT}) + "\nnot json at all\n"
    (item,) = iter_inputs(["-"], SETTINGS, stdin=io.StringIO(data))
    assert isinstance(item, RawDocument) and item.kind == "stdin" and item.text == data


def test_stdin_html_is_kept_as_html() -> None:
    (item,) = iter_inputs(["-"], SETTINGS, stdin=io.StringIO(PAGE))
    assert isinstance(item, RawDocument) and item.html == PAGE and item.text is None


def test_empty_stdin_is_rejected() -> None:
    (item,) = iter_inputs(["-"], SETTINGS, stdin=io.StringIO("\n \n"))
    assert isinstance(item, RejectedInput) and "empty" in item.reason


def test_unknown_extension_is_sniffed_as_html_or_text(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text("  \n" + PAGE, encoding="utf-8")
    (tmp_path / "note.log").write_text(TEXT, encoding="utf-8")
    page, note = iter_inputs([tmp_path / "page.php", tmp_path / "note.log"], SETTINGS)
    assert isinstance(page, RawDocument) and page.kind == "html"
    assert isinstance(note, RawDocument) and note.kind == "text"


def test_sniff_recognises_pages_feeds_and_text() -> None:
    assert sniff("\ufeff <!doctype html><html>") == "html"
    assert sniff("<?xml version='1.0'?>\n<rss version='2.0'>") == "feed"
    assert sniff("<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert sniff("Kyiv, Jan 5 (Wire) - Russia launched") == "text"


def test_published_argument_is_used_when_metadata_has_none(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS, published=dt.date(2026, 1, 5))
    assert isinstance(item, RawDocument)
    assert item.published == dt.date(2026, 1, 5) and item.published_how == "cli"


def test_metadata_date_and_source_beat_the_arguments(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"text": TEXT, "published": "2026-01-04", "source": "Example Wire"}
    path.write_text(json.dumps(record), encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS, published=dt.date(2026, 1, 5), source="Mine")
    assert isinstance(item, RawDocument)
    assert item.published == dt.date(2026, 1, 4) and item.published_how == "metadata"
    assert item.source == "Example Wire"


def test_real_seed_files_are_ingested_as_text() -> None:
    seeds = shared_path("seeds")
    items = list(iter_inputs([seeds], SETTINGS))
    assert len(items) == 2 and all(isinstance(i, RawDocument) for i in items)
    assert all(i.kind == "text" and i.text for i in items if isinstance(i, RawDocument))


def test_real_gzipped_pages_are_read_or_rejected_as_empty() -> None:
    html_dir = shared_path("data", "raw-html-ukraine-war-2023", "html")
    page, empty = iter_inputs(
        [html_dir / "url_en_ukraine_1.html.gz", html_dir / "url_ru_ukraine_9.html.gz"], SETTINGS
    )
    assert isinstance(page, RawDocument) and page.kind == "html"
    assert page.html is not None and "<html" in page.html.lower()
    assert isinstance(empty, RejectedInput) and "empty" in empty.reason


def test_real_markdown_front_matter_is_read() -> None:
    articles = shared_path("data", "en-news-ukraine-feb2026", "articles")
    path = sorted(articles.glob("corpusA_*.md"))[0]
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RawDocument)
    assert item.title and item.url and item.url.startswith("http")
    assert item.published is not None and item.published_how == "metadata"
    assert item.text is not None and not item.text.startswith("---")


def test_txt_file_holding_a_web_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RawDocument) and item.kind == "html"
