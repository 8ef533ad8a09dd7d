"""RSS and Atom feeds: each entry becomes one ``RawDocument`` of kind "feed".

feedparser reads the bytes handed to it from a stream, so it never opens a URL or a
file by itself. Entry HTML goes in ``RawDocument.html``; plain entry text in ``text``.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from sitroom.errors import RejectedInput
from sitroom.ingest.dates import parse_date
from sitroom.ingest.files import ItemDefaults, Metadata, make_document
from sitroom.types import RawDocument

log = logging.getLogger(__name__)

# At most this many entries are read from one feed; the rest are rejected as one item.
MAX_FEED_ENTRIES = 10_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>")


def iter_feed(
    data: bytes, locator: str, defaults: ItemDefaults, path: str | None = None
) -> Iterator[RawDocument | RejectedInput]:
    """The entries of an RSS/Atom feed, located as ``LOCATOR#N`` (N from 1).

    A feed that cannot be parsed at all, or has no entries, is one rejected item.
    A feed with a recoverable error yields the entries that could be read.
    """
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            problem = parsed.get("bozo_exception")
            yield RejectedInput(locator, f"malformed feed, no entries could be read ({problem})")
        elif not parsed.version:
            yield RejectedInput(locator, "not an RSS or Atom feed")
        else:
            yield RejectedInput(locator, "feed has no entries")
        return
    if parsed.bozo:
        log.warning("%s: feed has errors (%s); reading what parsed", locator,
                    parsed.get("bozo_exception"))  # fmt: skip
    outlet = _text(parsed.feed.get("title"))
    for number, entry in enumerate(entries[:MAX_FEED_ENTRIES], start=1):
        where = f"{locator}#{number}"
        try:
            yield _entry_document(entry, where, outlet, defaults, path)
        except RejectedInput as exc:
            yield exc
    if len(entries) > MAX_FEED_ENTRIES:
        yield RejectedInput(
            f"{locator}#{MAX_FEED_ENTRIES + 1}-{len(entries)}",
            f"feed has {len(entries):,} entries; only the first {MAX_FEED_ENTRIES:,} are read",
        )


def _entry_document(
    entry: Any, locator: str, outlet: str | None, defaults: ItemDefaults, path: str | None
) -> RawDocument:
    body, is_html = _entry_body(entry)
    if not body:
        raise RejectedInput(locator, "feed entry has no content or summary")
    published = None
    for key in ("published_parsed", "updated_parsed", "published", "updated"):
        published = parse_date(entry.get(key))
        if published is not None:
            break
    meta = Metadata(
        url=_text(entry.get("link")),
        title=_text(entry.get("title")),
        published=published,
        source=outlet,
    )
    return make_document(
        locator, "feed", body, is_html=is_html, defaults=defaults, meta=meta, path=path,
        how="feed",
    )  # fmt: skip


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The entry's longest content block, else its summary; and whether it is HTML."""
    candidates: list[Any] = [c for c in entry.get("content") or [] if _text(c.get("value"))]
    detail = entry.get("summary_detail")
    if not candidates and detail is not None and _text(detail.get("value")):
        candidates = [detail]
    if not candidates:
        summary = _text(entry.get("summary"))
        return (summary or "", bool(summary and _MARKUP.search(summary)))
    best = max(candidates, key=lambda c: len(c.get("value") or ""))
    value = str(best.get("value")).strip()
    is_html = best.get("type", "text/html") in _HTML_TYPES and bool(_MARKUP.search(value))
    return value, is_html


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
