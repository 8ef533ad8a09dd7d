"""The clean stage: ``RawDocument`` → ``Article``.

    1. HTML → main text, title, date and site name (trafilatura, htmldate)
    2. Unicode repair (ftfy) and whitespace normalisation, one paragraph a line
    3. boilerplate paragraphs removed by phrase lexicon (English and French)
    4. boilerplate paragraphs removed by repetition across one outlet's articles
    5. clean text, paragraph spans, removed spans and the article id assembled

Every removed paragraph is kept as a ``RemovedSpan`` with its reason. An item with
too little text left is refused with ``RejectedInput``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.clean.boilerplate import RepeatIndex, lexicon_reasons
from sitroom.clean.html import PageText, fragment_text, host_name, page_text
from sitroom.clean.normalize import article_id, paragraphs, repair, text_hash
from sitroom.config import CleanSettings, IngestSettings
from sitroom.errors import RejectedInput
from sitroom.types import Article, PublishedHow, RawDocument, RemovedSpan, Span

log = logging.getLogger(__name__)

DEFAULT_MIN_CHARS = IngestSettings().min_chars
REPEATED = "repeated:outlet"
# Repetition never removes more than this share of an article's remaining text: an
# article mostly made of paragraphs seen before is a new version of a story, not
# boilerplate.
MAX_REPEATED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class _Body:
    """Step 1's result: the text to clean plus what the page said about itself."""

    text: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    published_how: PublishedHow


def clean(
    raw: RawDocument,
    settings: CleanSettings,
    repeats: RepeatIndex | None = None,
    *,
    min_chars: int = DEFAULT_MIN_CHARS,
) -> Article:
    """Clean one input item into an ``Article`` (language still "und").

    ``repeats`` is the caller's ``RepeatIndex`` for the batch (``None``: no removal by
    repetition). ``min_chars`` is ``[ingest] min_chars``: an item with less clean text
    than this is not an article and raises ``RejectedInput``.
    """
    # 1. HTML → main text and metadata
    body = _body(raw)
    # 2. Unicode repair, whitespace, paragraphs
    paras = paragraphs(body.text)
    # 3. lexicon boilerplate
    reasons = lexicon_reasons(paras)
    # 4. repetition within the outlet
    if repeats is not None and body.source and settings.repeat_min_articles >= 2:
        reasons = _repeat_reasons(paras, reasons, body.source, repeats, settings)
    # 5. text, spans, id
    text, spans, removed = _assemble(paras, reasons)
    if len(text) < min_chars:
        raise RejectedInput(raw.locator, _too_short(len(text), min_chars, len(removed)))
    return Article(
        id=article_id(text),
        text=text,
        language="und",
        title=body.title,
        source=body.source,
        url=body.url,
        published=body.published,
        published_how=body.published_how,
        paragraphs=spans,
        removed=removed,
        language_confidence=0.0,
        raw_path=raw.path,
    )


def _body(raw: RawDocument) -> _Body:
    """The text to clean and the metadata: the item's own first, then the page's."""
    if raw.html is None:
        page = PageText(text=raw.text or "")
    elif raw.kind == "feed":
        page = PageText(text=fragment_text(raw.html))
    else:
        found = page_text(raw.html, raw.url)
        if found is None and raw.kind == "jsonl":
            found = PageText(text=fragment_text(raw.html))
        if found is None:
            raise RejectedInput(
                raw.locator,
                "no article text found in the HTML (empty, truncated or not an article page)",
            )
        page = found
    url = raw.url or page.url
    published, how = raw.published, raw.published_how
    if how not in ("metadata", "feed") and page.published is not None:
        published, how = page.published, "htmldate"
    title = raw.title or page.title
    return _Body(
        text=page.text,
        title=" ".join(repair(title).split()) if title else None,
        url=url,
        source=raw.source or page.sitename or host_name(url),
        published=published,
        published_how=how if published is not None else "unknown",
    )


def _repeat_reasons(
    paras: Sequence[str],
    reasons: Sequence[str | None],
    outlet: str,
    repeats: RepeatIndex,
    settings: CleanSettings,
) -> list[str | None]:
    """Mark paragraphs the outlet has used in ``repeat_min_articles`` articles."""
    kept = [p for p, r in zip(paras, reasons, strict=True) if r is None]
    repeats.observe(outlet, text_hash("\n".join(paras)), kept,
                    settings.repeat_max_chars, settings.repeat_min_articles)  # fmt: skip
    marked = [
        r is None
        and len(p) <= settings.repeat_max_chars
        and repeats.count(outlet, p) >= settings.repeat_min_articles
        for p, r in zip(paras, reasons, strict=True)
    ]
    repeated_chars = sum(len(p) for p, m in zip(paras, marked, strict=True) if m)
    if repeated_chars > MAX_REPEATED_SHARE * sum(len(p) for p in kept):
        log.debug("%s: most paragraphs seen before; kept as a new version", outlet)
        return list(reasons)
    return [REPEATED if m else r for r, m in zip(reasons, marked, strict=True)]


def _assemble(
    paras: Sequence[str], reasons: Sequence[str | None]
) -> tuple[str, tuple[Span, ...], tuple[RemovedSpan, ...]]:
    """Join kept paragraphs with ``\\n``; a removed paragraph is recorded at the offset
    of the kept paragraph that follows it (or the end of the text)."""
    spans: list[Span] = []
    removed: list[RemovedSpan] = []
    waiting: list[tuple[str, str]] = []
    offset = 0
    for para, reason in zip(paras, reasons, strict=True):
        if reason is not None:
            waiting.append((para, reason))
            continue
        start = offset + 1 if spans else 0
        removed.extend(RemovedSpan(start, p, r) for p, r in waiting)
        waiting.clear()
        spans.append(Span(start, start + len(para), para))
        offset = start + len(para)
    removed.extend(RemovedSpan(offset, p, r) for p, r in waiting)
    text = "\n".join(s.text for s in spans)
    return text, tuple(spans), tuple(removed)


def _too_short(length: int, min_chars: int, removed: int) -> str:
    if length == 0 and removed:
        return f"only boilerplate found ({removed} paragraphs removed), no article text"
    if length == 0:
        return "no text after cleaning"
    return (
        f"too short to be an article: {length} characters after cleaning "
        f"(minimum {min_chars}, set by [ingest] min_chars)"
    )
