"""JSON Lines and JSON inputs: one item per line (or per object), each line on its own.

A broken line is one ``RejectedInput`` located as ``FILE:LINE``; the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sitroom.errors import RejectedInput
from sitroom.ingest.dates import parse_date
from sitroom.ingest.files import ItemDefaults, ItemKind, Metadata, make_document
from sitroom.types import RawDocument

# A JSON Lines line longer than this is refused (the file as a whole is bounded by
# ``[ingest] max_bytes``).
MAX_JSONL_LINE_CHARS = 5_000_000
# At most this many items are read from one JSON Lines or JSON file.
MAX_JSON_ITEMS = 100_000


def iter_jsonl(
    text: str, locator: str, defaults: ItemDefaults, path: str | None
) -> Iterator[RawDocument | RejectedInput]:
    """One item per non-empty line, located as ``LOCATOR:LINE``; a bad line is rejected
    on its own and the other lines go on."""
    count = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        count += 1
        where = f"{locator}:{number}"
        if count > MAX_JSON_ITEMS:
            yield RejectedInput(where, f"more than {MAX_JSON_ITEMS:,} lines; the rest are not read")
            return
        try:
            yield item_from_object(_load_line(line, where), where, "jsonl", defaults, path)
        except RejectedInput as exc:
            yield exc


def iter_json(
    text: str, locator: str, defaults: ItemDefaults, path: str | None
) -> Iterator[RawDocument | RejectedInput]:
    """A ``.json`` file: one object (one item) or a list of objects (``LOCATOR#N``)."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield RejectedInput(locator, f"invalid JSON: {_json_reason(exc)}")
        return
    if isinstance(value, dict):
        try:
            yield item_from_object(value, locator, "jsonl", defaults, path)
        except RejectedInput as exc:
            yield exc
        return
    if not isinstance(value, list) or not value:
        yield RejectedInput(locator, "JSON file is neither an object nor a list of objects")
        return
    for number, entry in enumerate(value[:MAX_JSON_ITEMS], start=1):
        where = f"{locator}#{number}"
        try:
            if not isinstance(entry, dict):
                raise RejectedInput(where, "list entry is not a JSON object")
            yield item_from_object(entry, where, "jsonl", defaults, path)
        except RejectedInput as exc:
            yield exc
    if len(value) > MAX_JSON_ITEMS:
        yield RejectedInput(f"{locator}#{MAX_JSON_ITEMS + 1}", "too many entries; rest not read")


def _load_line(line: str, where: str) -> dict[str, Any]:
    if len(line) > MAX_JSONL_LINE_CHARS:
        raise RejectedInput(
            where, f"line too long ({len(line):,} characters, limit {MAX_JSONL_LINE_CHARS:,})"
        )
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise RejectedInput(where, f"invalid JSON line: {_json_reason(exc)}") from None
    if not isinstance(value, dict):
        raise RejectedInput(where, "JSON line is not an object")
    return value


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return "nested too deeply"


def item_from_object(
    obj: Mapping[str, Any],
    locator: str,
    kind: ItemKind,
    defaults: ItemDefaults,
    path: str | None,
) -> RawDocument:
    """A JSON object with ``text`` or ``html`` plus optional ``url``, ``title``,
    ``published`` (or ``date``) and ``source``. ``text`` wins when both are given."""
    for field in ("text", "html"):
        value = obj.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise RejectedInput(locator, f'the "{field}" field must be a string')
        if value.strip():
            meta = Metadata(
                url=_string(obj.get("url")),
                title=_string(obj.get("title")),
                published=parse_date(obj.get("published", obj.get("date"))),
                source=_string(obj.get("source")),
            )
            return make_document(
                locator, kind, value, is_html=field == "html", defaults=defaults,
                meta=meta, path=path,
            )  # fmt: skip
    if "text" in obj or "html" in obj:
        raise RejectedInput(locator, 'the "text"/"html" field is empty')
    raise RejectedInput(locator, 'no "text" or "html" field')


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
