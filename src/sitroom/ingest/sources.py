"""Where inputs come from: paths, directories and standard input, dispatched by format.

``iter_inputs`` turns every input item into exactly one ``RawDocument`` or one
``RejectedInput`` (yielded, not raised), so a bad file never stops the batch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, TextIO

from sitroom.config import IngestSettings
from sitroom.errors import RejectedInput
from sitroom.ingest.feeds import iter_feed
from sitroom.ingest.files import (
    ItemDefaults,
    declared_charset,
    decode_text,
    gunzip,
    is_gzip,
    looks_like_text,
    make_document,
    read_bytes,
    read_markdown,
)
from sitroom.ingest.jsonl import iter_json, iter_jsonl
from sitroom.types import RawDocument

log = logging.getLogger(__name__)

Item = RawDocument | RejectedInput
Format = Literal["text", "markdown", "html", "jsonl", "json", "feed", "sniff"]

STDIN = "-"
FORMATS_BY_SUFFIX: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_SNIFF_CHARS = 4096
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def iter_inputs(
    paths: Iterable[str | Path],
    settings: IngestSettings,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    stdin: TextIO | None = None,
) -> Iterator[RawDocument | RejectedInput]:
    """Every input item under ``paths``, in order, as a document or a rejection.

    ``"-"`` reads standard input (``stdin``, default ``sys.stdin``). Directories are
    walked recursively in sorted order, skipping hidden entries. ``published`` and
    ``source`` apply to items whose own metadata does not give them. Nothing is fetched
    from the network.
    """
    defaults = ItemDefaults(published=published, source=source)
    for raw_path in paths:
        name = str(raw_path)
        if name == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, settings, defaults)
            continue
        path = Path(raw_path)
        if path.is_dir():
            yield from _walk(path, settings, defaults)
        elif path.exists() or path.is_symlink():
            yield from read_file(path, settings, defaults)
        else:
            yield RejectedInput(name, "no such file or directory")


def _walk(root: Path, settings: IngestSettings, defaults: ItemDefaults) -> Iterator[Item]:
    """Files under ``root``, depth first in sorted order; hidden names are skipped and
    symbolic links to directories are not followed (no loops)."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield RejectedInput(str(root), f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = root / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, settings, defaults)
        else:
            yield from read_file(path, settings, defaults)


def read_file(path: Path, settings: IngestSettings, defaults: ItemDefaults) -> Iterator[Item]:
    """The items of one file: one for most formats, one per line/entry for JSON Lines
    and feeds. Whole-file problems come out as one ``RejectedInput``."""
    locator = str(path)
    try:
        data = read_bytes(path, locator, settings.max_bytes)
        name = path.name.lower()
        if name.endswith(".gz") or is_gzip(data):
            data = gunzip(data, locator, settings.max_bytes)
            name = name.removesuffix(".gz")
        fmt = FORMATS_BY_SUFFIX.get(Path(name).suffix, "sniff")
        # read the whole file (bounded by max_bytes) so that a whole-file problem found
        # part-way is one rejection, never a rejection after some items
        items = list(_read_format(data, fmt, locator, defaults, str(path)))
    except RejectedInput as exc:
        yield exc
        return
    yield from items


def _resolve(fmt: Format, data: bytes) -> Format:
    """The extension's format, corrected by sniffing where an extension can mislead:
    an unknown extension, a ``.txt`` holding a web page, an ``.xml`` that is XHTML."""
    if fmt not in ("feed", "sniff", "text"):
        return fmt
    sniffed = sniff(_head_text(data))
    if sniffed == "html":
        return "html"
    if fmt == "sniff":
        return "feed" if sniffed == "feed" else "text"
    return fmt


def _read_format(
    data: bytes, fmt: Format, locator: str, defaults: ItemDefaults, path: str
) -> Iterator[Item]:
    fmt = _resolve(fmt, data)
    if fmt == "feed":
        if b"\x00" in data and not data.startswith(_UTF16_BOMS):
            raise RejectedInput(locator, "binary file (it contains NUL bytes), not a feed")
        yield from iter_feed(data, locator, defaults, path)
        return
    if fmt == "html":
        html = decode_text(data, locator, declared_charset(data))
        yield make_document(locator, "html", html, is_html=True, defaults=defaults, path=path)
        return
    text = decode_text(data, locator)
    if fmt == "jsonl":
        yield from iter_jsonl(text, locator, defaults, path)
    elif fmt == "json":
        yield from iter_json(text, locator, defaults, path)
    elif fmt == "markdown":
        md = read_markdown(text)
        if not md.body.strip():
            raise RejectedInput(locator, "no text after the front matter")
        yield make_document(
            locator, "text", md.body, is_html=False, defaults=defaults, meta=md.meta, path=path
        )
    else:
        yield make_document(locator, "text", text, is_html=False, defaults=defaults, path=path)


def _head_text(data: bytes) -> str:
    """The first characters of ``data`` for sniffing, whatever the encoding."""
    head = data[:_SNIFF_CHARS]
    if head.startswith(_UTF16_BOMS):
        return head.decode("utf-16", "ignore")
    return head.decode("utf-8", "ignore")


def sniff(head: str) -> Literal["html", "feed", "text"]:
    """Guess a format from the first characters: markup that starts like an HTML page
    or like an RSS/Atom feed, else text."""
    start = head.lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<?xml"):
        if any(tag in start for tag in ("<rss", "<feed", "<rdf:rdf")):
            return "feed"
        return "html" if "<html" in start else "text"
    if start.startswith(("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if start.startswith(("<!doctype", "<html", "<head", "<body", "<meta", "<!--")):
        return "html"
    return "text"


def _read_stdin(stream: TextIO, settings: IngestSettings, defaults: ItemDefaults) -> Iterator[Item]:
    """Standard input: JSON Lines if every non-empty line is a JSON object, else one
    page, feed or text."""
    try:
        data = stream.read(settings.max_bytes + 1)
    except (OSError, UnicodeDecodeError) as exc:
        yield RejectedInput(STDIN, f"cannot read standard input: {exc}")
        return
    if len(data) > settings.max_bytes:
        yield RejectedInput(STDIN, f"standard input is larger than {settings.max_bytes:,} bytes")
    elif not data.strip():
        yield RejectedInput(STDIN, "empty standard input")
    elif "\x00" in data or not looks_like_text(data):
        yield RejectedInput(STDIN, "binary data on standard input, not text")
    elif _is_jsonl(data):
        yield from iter_jsonl(data, STDIN, defaults, None)
    else:
        kind = sniff(data[:_SNIFF_CHARS])
        if kind == "feed":
            yield from iter_feed(data.encode("utf-8"), STDIN, defaults)
        else:
            yield make_document(STDIN, "stdin", data, is_html=kind == "html", defaults=defaults)


def _is_jsonl(text: str) -> bool:
    if not text.lstrip().startswith("{"):
        return False
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except (json.JSONDecodeError, RecursionError):
            return False
    return True
