"""Reading one input file: bounded bytes, gzip, text decoding, Markdown front matter.

Every problem with a file is raised as ``RejectedInput`` with a reason a user can act
on; the caller turns it into an item of the stream and goes on with the batch.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import stat
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitroom.errors import RejectedInput
from sitroom.ingest.dates import parse_date, published_day
from sitroom.types import PublishedHow, RawDocument

log = logging.getLogger(__name__)

# Front matter longer than this is not front matter.
_MAX_FRONT_MATTER_CHARS = 20_000
# Share of control characters above which decoded bytes are taken for binary data.
_MAX_CONTROL_SHARE = 0.005
# Share of non-ASCII characters above which a Windows-1252 reading is not trusted.
_MAX_CP1252_NON_ASCII_SHARE = 0.3

ItemKind = Literal["text", "html", "jsonl", "feed", "stdin"]


@dataclass(frozen=True, slots=True)
class ItemDefaults:
    """What the caller says about every item, used where the item itself says nothing."""

    published: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What an item says about itself (JSON fields, front matter, feed entry)."""

    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None


def make_document(
    locator: str,
    kind: ItemKind,
    body: str,
    *,
    is_html: bool,
    defaults: ItemDefaults,
    meta: Metadata | None = None,
    path: str | None = None,
    how: PublishedHow = "metadata",
) -> RawDocument:
    """Build a ``RawDocument``: item metadata first, then the caller's defaults.

    ``how`` says how a date found in ``meta`` was known ("metadata" or "feed"); a date
    from ``defaults`` is marked "cli".
    """
    meta = meta or Metadata()
    published, published_how = published_day(meta.published, meta.url), how
    if published is None:
        published = defaults.published
        published_how = "cli" if published is not None else "unknown"
    return RawDocument(
        locator=locator,
        kind=kind,
        text=None if is_html else body,
        html=body if is_html else None,
        url=meta.url,
        title=meta.title,
        published=published,
        published_how=published_how,
        source=meta.source or defaults.source,
        path=path,
    )


# ---------------------------------------------------------------- bytes


def read_bytes(path: Path, locator: str, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing special, unreadable, empty and oversized files.

    The size is checked before reading, and the read itself is bounded too.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise RejectedInput(locator, f"cannot read file: {_os_reason(exc)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise RejectedInput(locator, "not a regular file")
    if info.st_size > max_bytes:
        raise RejectedInput(locator, _too_large(info.st_size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise RejectedInput(locator, f"cannot read file: {_os_reason(exc)}") from None
    if len(data) > max_bytes:
        raise RejectedInput(locator, _too_large(len(data), max_bytes))
    if not data:
        raise RejectedInput(locator, "empty file")
    return data


def gunzip(data: bytes, locator: str, max_bytes: int) -> bytes:
    """Decompress gzip data, stopping with a rejection past ``max_bytes``."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise RejectedInput(locator, f"corrupt gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise RejectedInput(
            locator,
            f"file too large after decompression: more than {max_bytes:,} bytes "
            "(raise [ingest] max_bytes to accept it)",
        )
    if not decompressor.eof:
        raise RejectedInput(locator, "truncated gzip file (the data ends early)")
    if not out:
        raise RejectedInput(locator, "empty file (the gzip archive holds no data)")
    return out


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` starts with the gzip magic number."""
    return data[:2] == b"\x1f\x8b"


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"file too large: {size:,} bytes, the limit is {max_bytes:,} "
        "(raise [ingest] max_bytes to accept it)"
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


# ---------------------------------------------------------------- decoding


def decode_text(data: bytes, locator: str, declared: str | None = None) -> str:
    """Decode bytes as text, or reject them as binary.

    Tries a byte order mark (UTF-32, UTF-16, UTF-8), then ``declared`` (an HTML meta
    charset), then UTF-8, then Windows-1252 only when the result looks like text.
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked_text(_strict(data, codec, locator), locator)
    if b"\x00" in data:
        raise RejectedInput(locator, "binary file (it contains NUL bytes), not text")
    for codec in (declared or "utf-8-sig", "utf-8-sig"):
        try:
            return _checked_text(data.decode(codec), locator)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and looks_like_text(text, _MAX_CP1252_NON_ASCII_SHARE):
        log.debug("%s: decoded as Windows-1252", locator)
        return text
    raise RejectedInput(
        locator, "binary or undecodable file: not UTF-8, UTF-16 or Windows-1252 text"
    )


def looks_like_text(text: str, max_non_ascii: float = 1.0) -> bool:
    """Few control characters (and, if asked, few non-ASCII ones) in the first 64 KiB."""
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\x7f")
    non_ascii = sum(1 for c in sample if ord(c) > 127)
    return controls / len(sample) <= _MAX_CONTROL_SHARE and non_ascii / len(sample) <= max_non_ascii


def _strict(data: bytes, codec: str, locator: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise RejectedInput(
            locator, f"undecodable file: it starts with a {codec.upper()} mark but is not"
        ) from None


def _checked_text(text: str, locator: str) -> str:
    if not text.strip():
        raise RejectedInput(locator, "empty file (only whitespace)")
    if not looks_like_text(text):
        raise RejectedInput(locator, "binary file (too many control characters), not text")
    return text


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", re.I
)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# ---------------------------------------------------------------- markdown


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """A Markdown file's body (front matter removed) and what the front matter said."""

    body: str
    meta: Metadata


def read_markdown(text: str) -> MarkdownText:
    """Split a leading YAML front matter block off a Markdown text.

    Reads the flat ``key: value`` lines of the block: title, date/published, and
    url/link/source (a URL) plus an outlet name (site_name/outlet/publisher, or
    ``source`` when it is not a URL). The body keeps its text; heading marks, images
    and link targets are dropped.
    """
    body, fields = _split_front_matter(text)
    url = _first(fields, "url", "link", "canonical_url", "source_url")
    outlet = _first(fields, "site_name", "sitename", "outlet", "publisher")
    source = fields.get("source")
    if source and source.startswith(("http://", "https://")):
        url = url or source
    elif source:
        outlet = outlet or source
    meta = Metadata(
        url=url,
        title=_first(fields, "title", "headline"),
        published=parse_date(_first(fields, "date", "published", "published_at", "pubdate")),
        source=outlet,
    )
    return MarkdownText(_strip_markdown(body), meta)


def _split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return text, {}
    fields: dict[str, str] = {}
    size = 0
    for index, line in enumerate(lines[1:], start=1):
        size += len(line) + 1
        if size > _MAX_FRONT_MATTER_CHARS:
            break
        if line.strip() in ("---", "..."):
            return "\n".join(lines[index + 1 :]), fields
        key, sep, value = line.partition(":")
        if sep and key.strip() and not line[:1].isspace():
            fields[key.strip().lower()] = _unquote(value.strip())
    return text, {}


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value


def _first(fields: Mapping[str, str], *keys: str) -> str | None:
    for key in keys:
        value = fields.get(key)
        if value:
            return value
    return None


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# A note-call link ("…on February 21.[[li]](https://…#_edn51)", "[12](…)"): dropped whole,
# as its number is no part of the sentence and the link hides where the sentence ends.
_MD_NOTE_CALL = re.compile(r"\[\[?(?:\d{1,3}|[ivxlcdm]{1,8})\]?\]\([^)\s]+\)", re.I)
# The same note call without a link, right after the sentence's last mark ("… 26.[80] A").
_NOTE_MARK = re.compile(r"(?<=[.,;:!?\"”’])\[\d{1,3}\](?!\()")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)


def _strip_markdown(body: str) -> str:
    body = _MD_IMAGE.sub("", body)
    body = _MD_NOTE_CALL.sub("", body)
    body = _NOTE_MARK.sub("", body)
    body = _MD_LINK.sub(r"\1", body)
    return _MD_HEADING.sub("", body)
