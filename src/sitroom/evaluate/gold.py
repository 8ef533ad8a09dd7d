"""Gold annotations: one JSON file per annotated article, pointing at text kept elsewhere.

A gold file holds only our annotations and a reference to the real text, which stays in
the shared data folder (it is never copied into the project)::

    {
      "id": "en-seed-000",
      "lang": "en",
      "split": "dev",                       # or "heldout"
      "published": "2026-01-05",
      "source": {"root": "seeds", "path": "000_f5f08e3f5b41b927.txt"},
      "sha256": "…",                        # of the text the pipeline reads
      "events": [{"type": "attack", "modality": "reported", "date": "2026-01-05",
                  "location": {"name": "Kyiv", "geonames_id": 703448},
                  "killed": {"min": 1, "max": 1}, "injured": {"min": 3, "max": 3},
                  "weapons": [{"kind": "drone", "launched": 165, "intercepted": null}],
                  "actor1": "Russia"}],
      "quotes": [{"speaker": "Yulia Svyrydenko", "prefix": "Doctors and nurses"}],
      "indirect_quotes": false              # true once reported speech is annotated too
    }

``source.root`` is ``data`` (the data folder, by default ``../shared/data``) or ``seeds``
(its sibling ``seeds`` folder). A whole file is read as the ingest stage reads it, and
``sha256`` is the hash of its bytes. One record of a (gzipped) JSONL or CSV file is named
by ``record``: ``{"line": 1816}`` (0-based line of a JSONL file) or ``{"key": "id",
"value": "446272"}`` (the row whose column ``key`` holds ``value``), with ``fields``, the
fields joined by a blank line into the text, and ``encoding`` (default ``utf-8``); then
``sha256`` is the hash of that text (UTF-8).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from sitroom.errors import SitroomError

T = TypeVar("T")

Split = Literal["dev", "heldout"]
ROOTS = ("data", "seeds")


class GoldError(SitroomError):
    """A gold file is malformed, or the text it points at is missing or changed."""

    code = "E700"


@dataclass(frozen=True, slots=True)
class GoldCount:
    """A count as the text states it: "at least 14" is 14/None."""

    min: int | None
    max: int | None


@dataclass(frozen=True, slots=True)
class GoldWeapon:
    kind: str
    launched: int | None = None
    intercepted: int | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event as a careful analyst codes it from the article (DESIGN.md section 3)."""

    type: str
    modality: str = "reported"
    date: dt.date | None = None
    place: str | None = None
    geonames_id: int | None = None
    killed: GoldCount | None = None
    injured: GoldCount | None = None
    children_killed: GoldCount | None = None
    children_injured: GoldCount | None = None
    weapons: tuple[GoldWeapon, ...] = ()
    actor1: str | None = None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A quote: its speaker and the first few words (at most 8) of what was said."""

    speaker: str | None
    prefix: str


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    geonames_id: int | None
    lat: float | None = None
    lon: float | None = None
    occurrence: int | None = None


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    actor: str | None  # actor table key; None for someone the table does not list
    name: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where the annotated text lives, relative to a root folder."""

    root: str
    path: str
    line: int | None = None
    key: str | None = None
    value: str | None = None
    fields: tuple[str, ...] = ()
    encoding: str = "utf-8"

    @property
    def is_record(self) -> bool:
        return self.line is not None or self.key is not None

    def describe(self) -> str:
        where = f"{self.root}/{self.path}"
        if self.line is not None:
            return f"{where}#line{self.line}"
        if self.key is not None:
            return f"{where}#{self.key}={self.value}"
        return where


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold file."""

    id: str
    lang: str
    split: Split
    published: dt.date
    source: SourceRef
    sha256: str
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]
    file: str = ""
    indirect_quotes: bool = False  # reported speech annotated too (else direct quotes only)
    places: tuple[GoldPlace, ...] = ()  # distinct place names, for the geocoder's score
    actors: tuple[GoldActor, ...] = ()  # distinct actor names, for the actor table's score


@dataclass(frozen=True, slots=True)
class ResolvedText:
    """The text behind a gold article: a file path to ingest, or a record's text."""

    path: Path
    text: str | None


# ---------------------------------------------------------------------- parsing


def _count(d: Any) -> GoldCount | None:
    if d is None:
        return None
    if isinstance(d, int):
        return GoldCount(d, d)
    return GoldCount(d.get("min"), d.get("max"))


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def parse_event(d: Mapping[str, Any]) -> GoldEvent:
    """A gold event from its JSON object."""
    loc = d.get("location") or {}
    return GoldEvent(
        type=str(d["type"]),
        modality=str(d.get("modality", "reported")),
        date=_date(d.get("date")),
        place=loc.get("name"),
        geonames_id=loc.get("geonames_id"),
        killed=_count(d.get("killed")),
        injured=_count(d.get("injured")),
        children_killed=_count(d.get("children_killed")),
        children_injured=_count(d.get("children_injured")),
        weapons=tuple(
            GoldWeapon(str(w["kind"]), w.get("launched"), w.get("intercepted"))
            for w in d.get("weapons", [])
        ),
        actor1=d.get("actor1"),
    )


def parse_places(items: Sequence[Mapping[str, Any]]) -> tuple[GoldPlace, ...]:
    return tuple(
        GoldPlace(
            str(d["text"]),
            None if d.get("geonames_id") is None else int(d["geonames_id"]),
            d.get("lat"),
            d.get("lon"),
            d.get("occurrence"),
        )
        for d in items
    )


def parse_actors(items: Sequence[Mapping[str, Any]]) -> tuple[GoldActor, ...]:
    return tuple(GoldActor(str(d["text"]), d.get("actor"), d.get("name")) for d in items)


def parse_source(d: Mapping[str, Any]) -> SourceRef:
    """A ``SourceRef`` from a gold file's ``source`` object."""
    rec = d.get("record") or {}
    root = str(d.get("root", "data"))
    if root not in ROOTS:
        raise ValueError(f"source.root must be one of {', '.join(ROOTS)}, not {root!r}")
    return SourceRef(
        root=root,
        path=str(d["path"]),
        line=rec.get("line"),
        key=rec.get("key"),
        value=None if rec.get("value") is None else str(rec["value"]),
        fields=tuple(rec.get("fields", ())),
        encoding=str(rec.get("encoding", "utf-8")),
    )


def parse_gold(d: Mapping[str, Any], file: str = "") -> GoldArticle:
    """A gold article from the JSON object of one gold file."""
    split = d.get("split", "dev")
    if split not in ("dev", "heldout"):
        raise ValueError(f"split must be dev or heldout, not {split!r}")
    quotes = tuple(GoldQuote(q.get("speaker"), str(q["prefix"])) for q in d.get("quotes", []))
    for q in quotes:
        if len(q.prefix.split()) > 8:
            raise ValueError(f"quote prefix {q.prefix!r} is longer than 8 words")
    return GoldArticle(
        id=str(d["id"]),
        lang=str(d["lang"]),
        split=split,
        published=dt.date.fromisoformat(str(d["published"])),
        source=parse_source(d["source"]),
        sha256=str(d["sha256"]),
        events=tuple(parse_event(e) for e in d.get("events", [])),
        quotes=quotes,
        file=file,
        indirect_quotes=bool(d.get("indirect_quotes", False)),
        places=parse_places(d.get("places", [])),
        actors=parse_actors(d.get("actors", [])),
    )


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``*.json`` gold files in ``paths`` (files, or folders searched recursively)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.rglob("*.json")))
        elif p.is_file():
            out.append(p)
        else:
            raise GoldError(f"{p}: no such gold file or folder")
    return out


def load_json_files(
    paths: Iterable[str | Path], parse: Callable[[Mapping[str, Any], str], T], what: str
) -> list[T]:
    """``parse(object, file name)`` of every ``*.json`` file in ``paths``; a malformed file
    is one ``GoldError`` that names it and says it is not a valid ``what``."""
    out = []
    for f in gold_files(paths):
        try:
            out.append(parse(json.loads(f.read_text("utf-8")), str(f)))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GoldError(f"{f}: not a valid {what}: {exc}") from None
    return out


def load_gold(paths: Iterable[str | Path]) -> list[GoldArticle]:
    """Every gold article in ``paths``; a malformed file is one ``GoldError``."""
    return load_json_files(paths, parse_gold, "gold file")


# ---------------------------------------------------------------------- source text


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _open_text(path: Path, encoding: str) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
    return io.TextIOWrapper(path.open("rb"), encoding=encoding, newline="")


def _records(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, Any]]]:
    inner = path.name.removesuffix(".gz")
    with _open_text(path, encoding) as fh:
        if inner.endswith(".csv"):
            yield from enumerate(csv.DictReader(fh))
        else:
            for i, line in enumerate(fh):
                if line.strip():
                    yield i, json.loads(line)


def record_text(path: Path, ref: SourceRef) -> str | None:
    """The text of the record ``ref`` names in ``path``, or None when there is none."""
    for i, rec in _records(path, ref.encoding):
        if (ref.line is not None and i == ref.line) or (
            ref.key is not None and str(rec.get(ref.key)) == ref.value
        ):
            return "\n\n".join(str(rec.get(f) or "") for f in ref.fields).strip()
    return None


def root_dir(data_dir: Path, root: str) -> Path:
    return data_dir if root == "data" else data_dir.parent / root


def resolve_text(article: GoldArticle, data_dir: Path) -> ResolvedText:
    """The text ``article`` annotates, checked against its ``sha256``."""
    ref = article.source
    path = root_dir(data_dir, ref.root) / ref.path
    where = f"{Path(article.file).name or article.id}: {ref.describe()}"
    if not path.is_file():
        raise GoldError(f"{where} is missing (is --data {data_dir} right?)")
    if ref.is_record:
        text = record_text(path, ref)
        if text is None:
            raise GoldError(f"{where}: no such record in the file")
        digest = sha256_text(text)
    else:
        text = None
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != article.sha256:
        raise GoldError(f"{where} has changed since it was annotated (sha256 {digest[:12]}…)")
    return ResolvedText(path, text)
