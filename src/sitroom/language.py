"""Stage 3, language: which language each article (and each paragraph) is written in.

py3langid classifies every paragraph; the article's language is the one that covers
most characters. A language outside ``[language] supported`` is still recorded (for
example "ru"): the orchestrator decides not to extract it. Text too short or too
unclear to tell is "und".

The identifier (about 100 MB) is loaded once, on first use, by a cached loader; nothing
is loaded at import time.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

from sitroom.config import LanguageSettings
from sitroom.types import Article

log = logging.getLogger(__name__)

UNDETERMINED = "und"
# Languages the identifier chooses among: those of the news Sitroom is likely to meet.
# Restricting the set keeps short paragraphs from landing on rare look-alikes.
CANDIDATE_LANGUAGES: tuple[str, ...] = (
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el",
    "en", "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "ha", "he", "hi", "hr", "hu",
    "hy", "id", "is", "it", "ja", "ka", "kk", "ko", "ku", "ky", "lt", "lv", "mk", "mn",
    "ms", "mt", "nl", "no", "pl", "ps", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sr",
    "sv", "sw", "ta", "tg", "th", "tk", "tr", "uk", "ur", "uz", "vi", "yo", "zh",
)  # fmt: skip
# Paragraphs with fewer letters than this are not classified on their own.
MIN_LETTERS = 20
# Only this much of a paragraph is classified (the rest adds time, not accuracy).
_MAX_CHARS = 5_000


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier with normalised probabilities, restricted to
    ``CANDIDATE_LANGUAGES``; loaded on first call."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(CANDIDATE_LANGUAGES)
    log.debug("language identifier loaded (%d languages)", len(CANDIDATE_LANGUAGES))
    return identifier


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def detect_language(text: str) -> tuple[str, float]:
    """The language code of ``text`` and the identifier's probability for it.

    Text with fewer than ``MIN_LETTERS`` letters gives ``("und", 0.0)``.
    """
    if _letters(text[:_MAX_CHARS]) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    code, probability = _identifier().classify(text[:_MAX_CHARS])
    return str(code), float(probability)


@dataclass(frozen=True, slots=True)
class _Vote:
    """One paragraph's say: its language ("und" where unclear), probability, letters."""

    language: str
    probability: float
    letters: int


def _paragraph_votes(article: Article, min_confidence: float) -> list[_Vote]:
    texts = [p.text for p in article.paragraphs] or [article.text]
    votes = []
    for text in texts:
        code, probability = detect_language(text)
        if probability < min_confidence:
            code = UNDETERMINED
        votes.append(_Vote(code, probability, _letters(text[:_MAX_CHARS])))
    return votes


def paragraph_languages(article: Article, settings: LanguageSettings | None = None) -> list[str]:
    """The language of each paragraph of ``article`` ("und" where too short or unclear
    by ``settings.min_confidence``)."""
    settings = settings or LanguageSettings()
    return [vote.language for vote in _paragraph_votes(article, settings.min_confidence)]


def assign_language(article: Article, settings: LanguageSettings) -> Article:
    """``article`` with ``language`` and ``language_confidence`` set.

    Each paragraph votes with its number of letters; paragraphs below
    ``settings.min_confidence`` do not vote. The language with most letters wins, and
    its confidence is the probability-weighted share of voting letters it holds. If no
    paragraph can vote, the whole text is tried once more; failing that, "und".
    """
    votes = [
        v for v in _paragraph_votes(article, settings.min_confidence) if v.language != UNDETERMINED
    ]
    if not votes:
        code, probability = detect_language(article.text)
        if probability < settings.min_confidence:
            code, probability = UNDETERMINED, 0.0
        return replace(article, language=code, language_confidence=round(probability, 4))
    letters: Counter[str] = Counter()
    weighted: defaultdict[str, float] = defaultdict(float)
    for vote in votes:
        letters[vote.language] += vote.letters
        weighted[vote.language] += vote.probability * vote.letters
    winner, _ = letters.most_common(1)[0]
    confidence = weighted[winner] / sum(letters.values())
    if len(letters) > 1:
        log.debug("article %s mixes languages %s; %s wins", article.id, dict(letters), winner)
    return replace(article, language=winner, language_confidence=round(confidence, 4))
