"""Finding boilerplate paragraphs: by phrase lexicon and by repetition within an outlet.

``lexicon_reasons`` marks paragraphs that are donation appeals, newsletter and cookie
prompts, related-link lists, share/follow prompts, copyright lines and advert labels
(English and French, see ``sitroom.clean.lexicon``). ``RepeatIndex`` remembers which
short paragraphs an outlet repeats across its articles.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.clean.lexicon import (
    APPEAL_CUES,
    APPEAL_HEADERS,
    APPEAL_MAX_GAP,
    DONATION,
    LINE_RULES,
    MORE_STORIES,
    MORE_STORIES_AFTER_CHARS,
    PhraseRule,
)
from sitroom.clean.normalize import text_hash

log = logging.getLogger(__name__)

_BULLETS = " \t-–—•·*>|"
_TRAILING = " \t.:;,!?…|-–—»›>"
_SPACES = re.compile(r"\s+")


def match_form(paragraph: str) -> str:
    """The form lexicon phrases are compared with: case-folded, straight apostrophes,
    single spaces, leading bullets and trailing punctuation dropped."""
    text = paragraph.casefold().replace("\u2019", "'").replace("\u02bc", "'")
    text = _SPACES.sub(" ", text)
    return text.lstrip(_BULLETS).rstrip(_TRAILING)


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    reason: str
    max_chars: int
    exact: frozenset[str]
    pattern: re.Pattern[str] | None


def _phrase(phrase: str) -> str:
    """A phrase as a regex that starts and ends on word boundaries where it has words."""
    body = re.escape(phrase)
    head = r"\b" if phrase[:1].isalnum() else ""
    tail = r"\b" if phrase[-1:].isalnum() else ""
    return head + body + tail


def _compile(rule: PhraseRule) -> _CompiledRule:
    parts = [f"^(?:{'|'.join(_phrase(p) for p in rule.starts)})"] if rule.starts else []
    if rule.contains:
        parts.append(f"(?:{'|'.join(_phrase(p) for p in rule.contains)})")
    if rule.ends:
        # "…in UkraineRead more": no word boundary before, the end of the paragraph after
        parts.append(f"(?:{'|'.join(re.escape(p) for p in rule.ends)})$")
    if rule.regex:
        parts.append(f"(?:{rule.regex})")
    pattern = re.compile("|".join(parts)) if parts else None
    return _CompiledRule(rule.reason, rule.max_chars, frozenset(rule.exact), pattern)


@functools.cache
def _rules() -> tuple[_CompiledRule, ...]:
    return tuple(_compile(rule) for rule in LINE_RULES)


@functools.cache
def _appeal_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    header = re.compile(f"^(?:{'|'.join(APPEAL_HEADERS)})$")
    cue = re.compile("|".join(re.escape(c) for c in APPEAL_CUES))
    return header, cue


def line_reason(paragraph: str) -> str | None:
    """The reason a single paragraph is boilerplate, or ``None`` if it is not."""
    form = match_form(paragraph)
    for rule in _rules():
        if len(paragraph) > rule.max_chars:
            continue
        if form in rule.exact or (rule.pattern is not None and rule.pattern.search(form)):
            return rule.reason
    return None


def appeal_blocks(paragraphs: Sequence[str]) -> set[int]:
    """Indexes of paragraphs inside donation appeals.

    An appeal starts at a header paragraph ("A Message from The Moscow Times:",
    "Dear readers,", "Chers lecteurs,") and runs to the last paragraph that still asks
    for support, bridging up to ``APPEAL_MAX_GAP`` paragraphs without such a cue. A
    header with no cue after it is left alone.
    """
    header, cue = _appeal_patterns()
    forms = [match_form(p) for p in paragraphs]
    found: set[int] = set()
    index = 0
    while index < len(forms):
        if len(paragraphs[index]) > DONATION.max_chars or not header.match(forms[index]):
            index += 1
            continue
        end = index
        probe = index + 1
        while probe < len(forms) and probe - end <= APPEAL_MAX_GAP + 1:
            if cue.search(forms[probe]) or header.match(forms[probe]):
                end = probe
            probe += 1
        if end > index:
            found.update(range(index, end + 1))
        index = end + 1
    return found


def lexicon_reasons(paragraphs: Sequence[str]) -> list[str | None]:
    """For each paragraph, why it is boilerplate by the lexicon, or ``None``; a "More
    News" heading after the article's text ends the article (see ``more_stories_from``)."""
    in_appeal = appeal_blocks(paragraphs)
    reasons = [
        DONATION.reason if i in in_appeal else line_reason(p) for i, p in enumerate(paragraphs)
    ]
    tail = more_stories_from(paragraphs, reasons)
    if tail is not None:
        reasons[tail:] = [MORE_STORIES.reason] * (len(paragraphs) - tail)
    return reasons


def more_stories_from(paragraphs: Sequence[str], reasons: Sequence[str | None]) -> int | None:
    """The index of a heading such as "More News" that follows at least
    ``MORE_STORIES_AFTER_CHARS`` of article text: what comes after it is other stories."""
    said = 0
    for i, paragraph in enumerate(paragraphs):
        if said >= MORE_STORIES_AFTER_CHARS and match_form(paragraph) in _MORE_STORIES:
            return i
        if reasons[i] is None and _prose(paragraph):
            said += len(paragraph)
    return None


def _prose(paragraph: str) -> bool:
    """A paragraph of running text (a sentence that ends), not a menu line or a title."""
    text = paragraph.strip()
    return len(text) >= _PROSE_CHARS and text[-1:] in ".!?\"»”'"


_PROSE_CHARS = 100


_MORE_STORIES = frozenset(MORE_STORIES.exact)


class RepeatIndex:
    """Which short paragraphs each outlet repeats across its articles.

    The caller owns the state: the orchestrator keeps one index per batch and passes it
    to every ``clean`` call (persisting it across runs is for later). A paragraph seen
    in ``min_articles`` distinct articles of one outlet counts as that outlet's
    boilerplate. Memory is bounded: at most ``max_paragraphs`` hashes are kept per
    outlet and ``max_outlets`` outlets; beyond that new paragraphs are not counted.
    Because counting is streaming, the first articles of an outlet keep a repeated
    paragraph until it has been seen often enough.
    """

    def __init__(self, max_paragraphs: int = 200_000, max_outlets: int = 10_000) -> None:
        self.max_paragraphs = max_paragraphs
        self.max_outlets = max_outlets
        # outlet -> paragraph hash -> ids of the articles it was seen in (capped)
        self._seen: dict[str, dict[str, set[str]]] = {}

    def observe(self, outlet: str, article_key: str, paragraphs: Sequence[str],
                max_chars: int, min_articles: int) -> None:  # fmt: skip
        """Count the short paragraphs of one article of ``outlet``; an article seen
        again (same ``article_key``) does not count twice."""
        table = self._table(outlet)
        if table is None:
            return
        for paragraph in paragraphs:
            if len(paragraph) > max_chars:
                continue
            key = text_hash(paragraph)
            articles = table.get(key)
            if articles is None:
                if len(table) >= self.max_paragraphs:
                    continue
                articles = table[key] = set()
            if len(articles) < min_articles:
                articles.add(article_key)

    def count(self, outlet: str, paragraph: str) -> int:
        """In how many distinct articles of ``outlet`` the paragraph was seen."""
        table = self._seen.get(outlet.casefold())
        if not table:
            return 0
        return len(table.get(text_hash(paragraph), ()))

    def __len__(self) -> int:
        return sum(len(table) for table in self._seen.values())

    def _table(self, outlet: str) -> dict[str, set[str]] | None:
        key = outlet.casefold()
        table = self._seen.get(key)
        if table is None:
            if len(self._seen) >= self.max_outlets:
                log.debug("repeat index holds %d outlets; %r is not tracked", len(self._seen),
                          outlet)  # fmt: skip
                return None
            table = self._seen[key] = {}
        return table
