"""The loaded half of the pipeline: spaCy models, lexicons, gazetteer and actor table.

``Engine.extract_many`` runs stages 4-7 (annotate, extract, resolve, merge) over cleaned
articles. spaCy ``Doc`` objects live only inside this call; what comes out is plain
``Extraction`` records.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from sitroom.annotate.models import Models
from sitroom.config import Settings
from sitroom.errors import ExtractionError
from sitroom.extract.extractor import Extractor
from sitroom.extract.lexicon import Lexicon
from sitroom.merge.cluster import event_id_for
from sitroom.resolve.lookups import Lookups
from sitroom.types import Article, Extraction, Span

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failed:
    """An article whose extraction raised: it is reported, not stored, and the batch
    goes on (the next run tries it again)."""

    article: Article
    reason: str


@dataclass
class Engine:
    """Everything that is loaded once and reused across batches."""

    settings: Settings
    models: Models
    lookups: Lookups
    extractor: Extractor
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: Settings) -> Engine:
        lookups = Lookups.load()
        models = Models(settings.models, settings.annotate, scanner=lookups.scan)
        extractor = Extractor(places=lookups, actors=lookups.actors)
        return cls(settings, models, lookups, extractor)

    def lexicon(self, lang: str) -> Lexicon:
        """The lexicon of ``lang``, compiled for its pipeline on first use."""
        if lang not in self.lexicons:
            self.lexicons[lang] = Lexicon.build(self.models.get(lang), lang)
        return self.lexicons[lang]

    def extract_many(self, articles: Sequence[Article]) -> Iterator[Extraction | Failed]:
        """Annotate and extract ``articles`` (any mix of supported languages)."""
        by_lang: dict[str, list[Article]] = defaultdict(list)
        for a in articles:
            by_lang[a.language].append(a)
        for lang, group in by_lang.items():
            yield from self._extract_language(lang, group)

    def extract_one(self, article: Article) -> Extraction:
        """Extraction of one article; raises ``ExtractionError`` if it fails."""
        result = next(iter(self.extract_many([article])))
        if isinstance(result, Failed):
            raise ExtractionError(f"article {article.id}: {result.reason}")
        return result

    def _extract_language(
        self, lang: str, articles: list[Article]
    ) -> Iterator[Extraction | Failed]:
        lexicon = self.lexicon(lang)
        limit = self.settings.annotate.max_chars
        by_id = {a.id: a for a in articles}
        docs: dict[str, list[tuple[Doc, int]]] = defaultdict(list)
        for doc, (article_id, offset) in self.models.pipe(lang, _paragraphs(articles, limit)):
            docs[article_id].append((doc, offset))
        for article_id, article in by_id.items():
            try:
                extraction = self.extractor.extract(article, docs.get(article_id, []), lexicon)
            except Exception as exc:  # noqa: BLE001 - one article's failure must not end the batch
                log.exception("extraction failed on article %s", article_id)
                yield Failed(article, f"extraction failed ({type(exc).__name__}: {exc})")
                continue
            # one article tells each event once: its reports are events of their own until
            # the store merges them with other articles' reports
            reports = tuple(
                replace(r, event_id=event_id_for(r.report_id)) for r in extraction.reports
            )
            yield replace(extraction, reports=reports)


def _paragraphs(articles: Iterable[Article], limit: int) -> Iterator[tuple[str, tuple[str, int]]]:
    """``(paragraph text, (article id, offset))`` pairs, up to ``limit`` chars an article."""
    for article in articles:
        spans = article.paragraphs or _split(article.text)
        for span in spans:
            if span.end > limit:
                break
            if span.text.strip():
                yield span.text, (article.id, span.start)


def _split(text: str) -> list[Span]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    return out
