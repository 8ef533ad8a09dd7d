"""Run the pipeline over gold articles and score what it finds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.config import Settings
from sitroom.errors import RejectedInput
from sitroom.evaluate.case import Snippet, TypingResult, predicted_type, score_typing
from sitroom.evaluate.gold import GoldArticle, GoldError, resolve_text
from sitroom.evaluate.mentions import score_actors, score_places
from sitroom.evaluate.score import ArticleScore, EvalResult, Tally, aggregate, score_article
from sitroom.ingest import iter_inputs
from sitroom.pipeline import Pipeline
from sitroom.resolve.actors import table_ref
from sitroom.types import Actor, Extraction, RawDocument

if TYPE_CHECKING:
    from sitroom.engine import Engine
    from sitroom.resolve.lookups import Lookups

#: Where the shared data sits relative to the current directory, by default.
DEFAULT_DATA = Path("..") / "shared" / "data"


def select_split(articles: Iterable[GoldArticle], split: str) -> list[GoldArticle]:
    """The articles of ``split`` (``dev``, ``heldout``, or ``all``)."""
    return [a for a in articles if split == "all" or a.split == split]


def gold_inputs(article: GoldArticle, data_dir: Path, settings: Settings) -> list[RawDocument]:
    found = resolve_text(article, data_dir)
    if found.text is not None:
        locator = f"{article.source.describe()}"
        return [
            RawDocument(
                locator,
                "text",
                text=found.text,
                published=article.published,
                published_how="cli",
                path=str(found.path),
            )
        ]
    items = list(iter_inputs([found.path], settings.ingest, published=article.published))
    rejected = [i for i in items if isinstance(i, RejectedInput)]
    if rejected:
        raise GoldError(f"{article.id}: the source is not readable: {rejected[0].reason}")
    return [i for i in items if isinstance(i, RawDocument)]


def extract_gold(pipeline: Pipeline, article: GoldArticle, data_dir: Path) -> Extraction:
    """What the pipeline finds in the text ``article`` annotates."""
    for outcome in pipeline.run(gold_inputs(article, data_dir, pipeline.settings)):
        if outcome.extraction is not None:
            return outcome.extraction
        raise GoldError(f"{article.id}: not extracted ({outcome.status}: {outcome.reason})")
    raise GoldError(f"{article.id}: the source holds no article")


def evaluate(
    articles: Sequence[GoldArticle],
    settings: Settings,
    data_dir: Path = DEFAULT_DATA,
    engine: Engine | None = None,
) -> EvalResult:
    """Every gold article extracted and scored; texts are checked before any model loads."""
    for article in articles:
        resolve_text(article, data_dir)
    pipeline = Pipeline(settings, engine)
    scores: list[ArticleScore] = []
    for article in articles:
        ex = extract_gold(pipeline, article, data_dir)
        tallies = resolution_tallies(article, ex, pipeline.engine.lookups)
        scores.append(score_article(article, ex.reports, ex.quotes, tallies))
    return aggregate(scores)


def resolution_tallies(article: GoldArticle, ex: Extraction, lookups: Lookups) -> dict[str, Tally]:
    """Place and actor resolution of ``ex`` against the gold article's name lists."""

    def coords(gid: int) -> tuple[float, float] | None:
        rec = lookups.gazetteer.get(gid)
        return None if rec is None or rec.lat is None or rec.lon is None else (rec.lat, rec.lon)

    def ref_of(key: str) -> str | None:
        entry = lookups.actors.get(key)
        if entry is None:
            raise GoldError(
                f"{article.id}: actor {key!r} is not a key of the actor table "
                "(resolve/data/actors.toml); use a key from it, or null and a name"
            )
        return entry.ref

    def ref_of_name(name: str) -> str | None:
        return _ref(lookups.actors.named(name))

    def within_name(name: str) -> str | None:
        return _ref(lookups.actors.resolve(name))

    exact, near = score_places(article.places, ex.mentions, ex.article.text, coords)
    return {
        "place_id": exact,
        "place_25km": near,
        "actor_id": score_actors(
            article.actors, ex.mentions, ref_of, ref_of_name, ex.article.text, within_name
        ),
    }


def _ref(actor: Actor | None) -> str | None:
    return table_ref(actor) if actor else None


def evaluate_case(
    snippets: Sequence[Snippet], settings: Settings, engine: Engine | None = None
) -> TypingResult:
    """Type every CASE snippet whose label maps to a Sitroom type, and score the typing."""
    scored = [s for s in snippets if s.expected is not None]
    docs = [RawDocument(f"case:{s.id}", "text", text=s.text) for s in scored]
    predicted: dict[str, str] = {}
    for outcome in Pipeline(settings, engine).run(docs):
        if outcome.extraction is None:
            continue
        predicted[outcome.locator] = predicted_type(
            (r.type, r.confidence) for r in outcome.extraction.reports
        )
    pairs = [(s.expected or "", predicted.get(f"case:{s.id}", "none")) for s in scored]
    return score_typing(pairs)
