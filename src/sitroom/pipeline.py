"""The one place that lists the stages, in data-flow order.

    ingest → clean → language → annotate (spaCy) → extract → resolve → merge → store

``Pipeline.run`` streams inputs through the stages in batches and yields one ``Outcome``
per input item: ingested (with its extraction), duplicate, or rejected with a reason.
Each stage declares what it needs and what it adds; ``Pipeline.check`` verifies the order
before the first article is read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from sitroom.config import Settings
from sitroom.errors import ConfigError, RejectedInput, SitroomError
from sitroom.types import Article, Extraction, RawDocument

if TYPE_CHECKING:
    from sitroom.engine import Engine

log = logging.getLogger(__name__)

Status = Literal["ingested", "duplicate", "rejected"]


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage's name, what it needs on the record and what it adds."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]


STAGES: tuple[Stage, ...] = (
    Stage("ingest", frozenset(), frozenset({"raw"})),
    Stage("clean", frozenset({"raw"}), frozenset({"article.text", "article.id"})),
    Stage("language", frozenset({"article.text"}), frozenset({"article.language"})),
    Stage("annotate", frozenset({"article.text", "article.language"}), frozenset({"docs"})),
    Stage("extract", frozenset({"docs", "article.id"}), frozenset({"reports", "quotes"})),
    Stage("resolve", frozenset({"reports"}), frozenset({"reports.places", "reports.actors"})),
    Stage("merge", frozenset({"reports"}), frozenset({"reports.event_id"})),
    Stage("store", frozenset({"reports.event_id", "quotes", "article.id"}), frozenset()),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Raise ``ConfigError`` if a stage needs something no earlier stage provides."""
    available: set[str] = set()
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage provides"
            )
        available |= stage.provides


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input item."""

    locator: str
    status: Status
    reason: str | None = None
    article: Article | None = None
    extraction: Extraction | None = None


@dataclass
class Tally:
    """Counts of outcomes, for the ingest summary line."""

    ingested: int = 0
    duplicate: int = 0
    rejected: int = 0
    reports: int = 0
    quotes: int = 0
    not_extracted: int = 0
    rejections: list[tuple[str, str]] = field(default_factory=list)

    def merge(self, other: Tally) -> None:
        """Add the counts of ``other`` to these."""
        for name in ("ingested", "duplicate", "rejected", "reports", "quotes", "not_extracted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejections.extend(other.rejections)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "rejected":
            self.rejected += 1
            self.rejections.append((outcome.locator, outcome.reason or "rejected"))
        elif outcome.status == "duplicate":
            self.duplicate += 1
        else:
            self.ingested += 1
            if outcome.extraction is None:
                self.not_extracted += 1
            else:
                self.reports += len(outcome.extraction.reports)
                self.quotes += len(outcome.extraction.quotes)


class Pipeline:
    """Loaded resources (models, gazetteer, lexicons) and the stage order over them."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        check_stages()
        self.settings = settings
        self._engine = engine

    @property
    def engine(self) -> Engine:
        """Models and extraction, loaded on first use."""
        if self._engine is None:
            from sitroom.engine import Engine  # loads spaCy: only when needed

            self._engine = Engine.load(self.settings)
        return self._engine

    def prepare(
        self, items: Iterable[RawDocument | RejectedInput], seen: Callable[[str], bool]
    ) -> Iterator[Outcome]:
        """Stages clean and language, plus de-duplication against ``seen`` and the batch."""
        from sitroom.clean import RepeatIndex, clean
        from sitroom.language import assign_language

        repeats = RepeatIndex()
        batch_ids: set[str] = set()
        for item in items:
            if isinstance(item, RejectedInput):
                yield Outcome(item.locator, "rejected", item.reason)
                continue
            try:
                # 2. clean
                article = clean(
                    item, self.settings.clean, repeats, min_chars=self.settings.ingest.min_chars
                )
                # 3. language
                article = assign_language(article, self.settings.language)
            except RejectedInput as exc:
                yield Outcome(item.locator, "rejected", exc.reason)
                continue
            except SitroomError as exc:
                yield Outcome(item.locator, "rejected", str(exc))
                continue
            if article.id in batch_ids or seen(article.id):
                yield Outcome(
                    item.locator, "duplicate", f"same text as article {article.id}", article
                )
                continue
            batch_ids.add(article.id)
            yield Outcome(item.locator, "ingested", None, article)

    def run(
        self,
        items: Iterable[RawDocument | RejectedInput],
        seen: Callable[[str], bool] = lambda _id: False,
        batch_articles: int = 32,
    ) -> Iterator[Outcome]:
        """All stages up to merge; the caller stores what comes out."""
        pending: list[Outcome] = []
        for outcome in self.prepare(items, seen):
            if outcome.status != "ingested":
                yield outcome
                continue
            pending.append(outcome)
            if len(pending) >= batch_articles:
                yield from self._extract(pending)
                pending = []
        if pending:
            yield from self._extract(pending)

    def _extract(self, outcomes: list[Outcome]) -> Iterator[Outcome]:
        articles = [o.article for o in outcomes if o.article is not None]
        supported = set(self.settings.language.supported)
        todo = [a for a in articles if a.language in supported]
        # 4.-7. annotate, extract, resolve, merge
        results = {r.article.id: r for r in self.engine.extract_many(todo)}
        for o in outcomes:
            assert o.article is not None
            result = results.get(o.article.id)
            if result is None:
                log.info("%s: language %r is not extracted", o.locator, o.article.language)
                yield o
            elif isinstance(result, Extraction):
                yield replace(o, extraction=result)
            else:
                yield Outcome(o.locator, "rejected", result.reason)
