"""Reading single files: sizes, encodings, compression, Markdown front matter."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from sitroom.config import IngestSettings
from sitroom.errors import RejectedInput
from sitroom.ingest import iter_inputs
from sitroom.types import RawDocument

SETTINGS = IngestSettings()
ARTICLE = (
    "A drone struck an apartment block in the city overnight, the regional governor said.\n"
    "Two people were taken to hospital with shrapnel wounds.\n"
)


def one(path: Path, settings: IngestSettings = SETTINGS) -> RawDocument | RejectedInput:
    items = list(iter_inputs([path], settings))
    assert len(items) == 1, items
    return items[0]


def rejected(path: Path, settings: IngestSettings = SETTINGS) -> str:
    item = one(path, settings)
    assert isinstance(item, RejectedInput), item
    return item.reason


def test_text_file_becomes_one_text_document(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    item = one(path)
    assert isinstance(item, RawDocument)
    assert item.kind == "text" and item.text == ARTICLE and item.html is None
    assert item.locator == str(path) and item.path == str(path)
    assert item.published is None and item.published_how == "unknown"


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert rejected(path) == "empty file"


def test_whitespace_only_file_is_rejected_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    assert "empty" in rejected(path)


def test_binary_junk_with_nul_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert "binary" in rejected(path)


def test_binary_junk_without_nul_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 20)
    assert "binary" in rejected(path)


def test_file_larger_than_max_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    reason = rejected(path, IngestSettings(max_bytes=100))
    assert "too large" in reason and "max_bytes" in reason


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    assert "too large" in rejected(path, IngestSettings(max_bytes=100))


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    assert rejected(path) == "cannot read file: permission denied"


def test_gzipped_html_is_decompressed_and_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>" + ARTICLE.encode() + b"</p></body></html>"))
    item = one(path)
    assert isinstance(item, RawDocument)
    assert item.kind == "html" and item.html is not None and "drone" in item.html


def test_gzip_larger_than_max_bytes_after_decompression_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 50_000))
    assert path.stat().st_size < 1_000
    assert "after decompression" in rejected(path, IngestSettings(max_bytes=1_000))


def test_truncated_gzip_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 20)[:30])
    assert "gzip" in rejected(path)


def test_empty_gzip_is_rejected_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "nothing.html.gz"
    path.write_bytes(gzip.compress(b""))
    assert "empty" in rejected(path)


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Frappe sur Kharkiv : trois blessés.\n".encode("utf-16"))
    item = one(path)
    assert isinstance(item, RawDocument)
    assert item.text == "Frappe sur Kharkiv : trois blessés.\n"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    item = one(path)
    assert isinstance(item, RawDocument) and item.text == ARTICLE


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = "Le ministère a démenti l’attaque contre la centrale, « aucune victime »."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    item = one(path)
    assert isinstance(item, RawDocument) and item.text == text


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"></head><body><p>Удар по Киеву</p></body></html>'
    )
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    item = one(path)
    assert isinstance(item, RawDocument) and item.html is not None
    assert "Удар по Киеву" in item.html


def test_markdown_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\n"
        'title: "Strike on a depot"\n'
        "source: https://www.example.org/world/strike-depot\n"
        "date: 2026-02-20\n"
        "word_count: 30\n"
        "---\n\n" + ARTICLE,
        encoding="utf-8",
    )
    item = one(path)
    assert isinstance(item, RawDocument)
    assert item.title == "Strike on a depot"
    assert item.url == "https://www.example.org/world/strike-depot"
    assert item.published == dt.date(2026, 2, 20) and item.published_how == "metadata"
    assert item.text is not None and item.text.strip() == ARTICLE.strip()


@pytest.mark.parametrize(
    ("stated", "url", "published"),
    [
        ("2022-02-07", "https://www.example.org/world/2026/feb/20/war", dt.date(2026, 2, 20)),
        ("2026-02-21", "https://www.example.org/world/2026/02/20/war", dt.date(2026, 2, 21)),
        ("2022-02-07", "https://www.example.org/world/war", dt.date(2022, 2, 7)),
    ],
)
def test_a_day_the_url_files_the_story_under_wins_over_a_distant_stated_one(
    tmp_path: Path, stated: str, url: str, published: dt.date
) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"---\nsource: {url}\ndate: {stated}\n---\n\n" + ARTICLE, encoding="utf-8")
    item = one(path)
    assert isinstance(item, RawDocument) and item.published == published


def test_markdown_without_front_matter_is_kept_whole(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("--- not front matter\n" + ARTICLE, encoding="utf-8")
    item = one(path)
    assert isinstance(item, RawDocument) and item.text is not None
    assert item.text.startswith("--- not front matter")


def test_markdown_headings_links_and_images_are_flattened(tmp_path: Path) -> None:
    path = tmp_path / "md.md"
    path.write_text(
        "## Overnight\nThe [air force](https://example.org/af) said ![map](m.png)nine drones.\n",
        encoding="utf-8",
    )
    item = one(path)
    assert isinstance(item, RawDocument)
    assert item.text == "Overnight\nThe air force said nine drones.\n"


def test_markdown_note_calls_are_dropped_so_the_sentence_ends(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "Russian forces attacked near Hrekivka on February 21.[[xlviii]](https://example.org/"
        "a/<#_edn48>) A milblogger claimed 5 were killed.[12](https://example.org/n12) "
        "[Three](https://example.org/3) drones fell on February 25 and 26.[80] A "
        "milblogger claimed it.[81]\n",
        encoding="utf-8",
    )
    item = one(path)
    assert isinstance(item, RawDocument)
    assert item.text == (
        "Russian forces attacked near Hrekivka on February 21. A milblogger claimed 5 were "
        "killed. Three drones fell on February 25 and 26. A milblogger claimed it.\n"
    )


def test_markdown_with_only_front_matter_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "head.md"
    path.write_text("---\ntitle: Nothing\n---\n\n", encoding="utf-8")
    assert "front matter" in rejected(path)
