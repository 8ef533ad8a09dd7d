"""RSS and Atom feeds: one document per entry, dates from the entries, caps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.config import IngestSettings
from sitroom.errors import RejectedInput
from sitroom.ingest import feeds, iter_inputs
from sitroom.types import RawDocument

SETTINGS = IngestSettings()

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Example Monde - International</title>
  <link>https://example.fr/international</link>
  <item>
    <title>Au moins trois morts dans une frappe sur Odessa</title>
    <link>https://example.fr/international/odessa</link>
    <pubDate>Sun, 04 Jan 2026 18:30:00 +0100</pubDate>
    <description>&lt;p&gt;Une frappe de drones a touché un immeuble
      dimanche soir.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Sommet à Paris mardi</title>
    <link>https://example.fr/international/paris</link>
    <description>Les alliés de l'Ukraine se réunissent mardi à Paris.</description>
  </item>
  <item><title>Empty</title></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <updated>2026-01-05T10:00:00Z</updated>
  <entry>
    <title>Strike on Kyiv clinic</title>
    <id>urn:example:1</id>
    <link href="https://wire.example.com/kyiv-clinic"/>
    <updated>2026-01-05T09:00:00Z</updated>
    <published>2026-01-05T07:45:00Z</published>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;A clinic caught fire after a drone strike.&lt;/p&gt;
      &lt;p&gt;One person was killed.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_become_feed_documents(tmp_path: Path) -> None:
    path = tmp_path / "monde.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(iter_inputs([path], SETTINGS, published=dt.date(2026, 1, 7)))
    assert len(items) == 3
    first, second, empty = items
    assert isinstance(first, RawDocument) and first.kind == "feed"
    assert first.locator == f"{path}#1"
    assert first.title == "Au moins trois morts dans une frappe sur Odessa"
    assert first.url == "https://example.fr/international/odessa"
    assert first.source == "Example Monde - International"
    assert first.published == dt.date(2026, 1, 4) and first.published_how == "feed"
    assert first.html is not None and "<p>" in first.html and first.text is None
    assert isinstance(second, RawDocument) and second.text is not None
    assert second.published == dt.date(2026, 1, 7) and second.published_how == "cli"
    assert isinstance(empty, RejectedInput) and "no content or summary" in empty.reason


def test_atom_entry_content_is_preferred_to_summary(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RawDocument)
    assert item.html is not None and "One person was killed" in item.html
    assert item.published == dt.date(2026, 1, 5)
    assert item.url == "https://wire.example.com/kyiv-clinic"


def test_feed_is_sniffed_from_an_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed.download"
    path.write_text(ATOM, encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RawDocument) and item.kind == "feed"


def test_malformed_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><item><title>x</ti", encoding="utf-8")
    items = list(iter_inputs([path], SETTINGS))
    assert all(isinstance(i, RejectedInput) for i in items) and len(items) == 1


def test_xml_that_is_not_a_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>Title</book></catalog>", encoding="utf-8")
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RejectedInput)


def test_feed_entries_beyond_the_cap_are_one_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feeds, "MAX_FEED_ENTRIES", 1)
    path = tmp_path / "monde.rss"
    path.write_text(RSS, encoding="utf-8")
    first, rest = iter_inputs([path], SETTINGS)
    assert isinstance(first, RawDocument)
    assert isinstance(rest, RejectedInput) and rest.locator == f"{path}#2-3"
    assert "only the first 1" in rest.reason


def test_binary_junk_named_as_a_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.rss"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (item,) = iter_inputs([path], SETTINGS)
    assert isinstance(item, RejectedInput) and "binary" in item.reason
