"""JSON Lines and JSON inputs: one item per line or object, bad lines rejected alone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitroom.config import IngestSettings
from sitroom.errors import RejectedInput
from sitroom.ingest import iter_inputs, jsonl
from sitroom.types import RawDocument

SETTINGS = IngestSettings()
TEXT = "Shelling killed a woman in the town on Tuesday, local officials said."


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_broken_line_is_rejected_and_rest_ingested(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"text": TEXT, "url": "https://example.org/a"}),
            '{"text": "unterminated',
            json.dumps({"text": TEXT + " Again."}),
        ],
    )
    items = list(iter_inputs([path], SETTINGS))
    assert [type(i) for i in items] == [RawDocument, RejectedInput, RawDocument]
    bad = items[1]
    assert isinstance(bad, RejectedInput)
    assert bad.locator == f"{path}:2" and "invalid JSON" in bad.reason
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.kind == "jsonl" and first.locator == f"{path}:1"
    assert first.url == "https://example.org/a" and first.text == TEXT


def test_jsonl_line_without_text_or_html_is_rejected(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "b.jsonl", [json.dumps({"title": "No body"})])
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RejectedInput) and 'no "text" or "html"' in item.reason


def test_jsonl_line_that_is_not_an_object_is_rejected(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.ndjson", ["[1, 2, 3]"])
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RejectedInput) and "not an object" in item.reason


def test_jsonl_non_string_text_is_rejected(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "d.jsonl", [json.dumps({"text": 42})])
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RejectedInput) and "must be a string" in item.reason


def test_jsonl_blank_lines_are_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.jsonl", ["", json.dumps({"text": TEXT}), "   "])
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RawDocument) and item.locator.endswith(":2")


def test_jsonl_html_field_gives_html_document_with_metadata(tmp_path: Path) -> None:
    record = {
        "html": f"<html><body><p>{TEXT}</p></body></html>",
        "title": "Shelling",
        "published": "Tue, 06 Jan 2026 09:15:00 +0200",
        "source": "Example Wire",
    }
    path = write_lines(tmp_path / "f.jsonl", [json.dumps(record)])
    (item,) = iter_inputs([path], SETTINGS, source="Ignored", published=dt.date(2020, 1, 1))
    assert isinstance(item, RawDocument)
    assert item.html == record["html"] and item.text is None
    assert item.title == "Shelling" and item.source == "Example Wire"
    assert item.published == dt.date(2026, 1, 6) and item.published_how == "metadata"


def test_jsonl_bad_date_is_ignored_not_rejected(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "g.jsonl", [json.dumps({"text": TEXT, "published": "soon"})])
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RawDocument)
    assert item.published is None and item.published_how == "unknown"


def test_jsonl_line_too_long_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_JSONL_LINE_CHARS", 50)
    path = write_lines(
        tmp_path / "h.jsonl", [json.dumps({"text": TEXT * 3}), json.dumps({"text": "ok"})]
    )
    first, second = iter_inputs([path], SETTINGS)
    assert isinstance(first, RejectedInput) and "line too long" in first.reason
    assert isinstance(second, RawDocument)


def test_json_file_with_a_list_gives_one_item_per_object(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": TEXT}, {"nope": 1}]), encoding="utf-8")
    first, second = iter_inputs([path], SETTINGS)
    assert isinstance(first, RawDocument) and first.locator == f"{path}#1"
    assert isinstance(second, RejectedInput) and second.locator == f"{path}#2"


def test_invalid_json_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{oops", encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RejectedInput) and "invalid JSON" in item.reason
