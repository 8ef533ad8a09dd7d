"""Evaluation: extraction scored against gold annotations of real articles.

- ``gold``: the gold file format (annotations plus a checked reference to the text);
- ``score``: matching predictions to gold and the metrics, per language and split;
- ``runner``: the pipeline over gold articles (``evaluate``).
"""

from sitroom.evaluate.gold import GoldArticle, GoldError, load_gold
from sitroom.evaluate.score import EvalResult, aggregate, check_floors, score_article

__all__ = [
    "EvalResult",
    "GoldArticle",
    "GoldError",
    "aggregate",
    "check_floors",
    "load_gold",
    "score_article",
]
