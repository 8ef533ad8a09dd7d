"""HTML to text: trafilatura for whole pages, a plain converter for feed fragments.

Nothing here touches the network: trafilatura and htmldate only read the markup they
are given (a bare URL is never passed to them).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from sitroom.ingest.dates import parse_date

log = logging.getLogger(__name__)

# htmldate settings: only the reliable places (meta tags, JSON-LD, <time>, the URL).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "pre", "figcaption", "hr", "dd", "dt",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PageText:
    """What trafilatura found in a page: main text (one paragraph a line) and metadata."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    sitename: str | None = None
    url: str | None = None


def page_text(html: str, url: str | None = None) -> PageText | None:
    """Main text and metadata of a web page, or ``None`` when nothing can be extracted.

    Comments, images and links are left out; tables are kept. The date comes from
    htmldate (run by trafilatura's metadata step) without its extensive search.
    """
    if not _is_markup(html):
        return None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            output_format="python",
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except (ValueError, RecursionError, lxml.etree.LxmlError) as exc:
        log.debug("trafilatura failed on a page: %s", exc)
        return None
    if doc is None or isinstance(doc, dict):
        return None
    text = doc.text or ""
    if not text.strip():
        return None
    return PageText(
        text=text,
        title=_clean(doc.title),
        published=parse_date(doc.date),
        sitename=_clean(doc.sitename),
        url=_clean(doc.url),
    )


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content): block elements become line
    breaks, scripts and styles are dropped."""
    if not _is_markup(html):
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.LxmlError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return str(root.text_content())


def host_name(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.``: "www.bbc.com/…" → "bbc.com"."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _is_markup(html: str) -> bool:
    # htmldate would fetch a lone URL: only markup is ever handed on.
    return "<" in html and not (html.lstrip().startswith("http") and " " not in html.strip())


def _clean(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None
