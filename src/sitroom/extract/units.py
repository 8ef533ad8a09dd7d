"""Sentences of one article, as extraction sees them.

A ``Unit`` is one sentence of a paragraph doc, with its offset into the clean article
text and the lexicon cues that fall inside it. Offsets of everything extraction emits
are article offsets: ``unit.base + span.start_char``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitroom.types import Span

VERB_POS = frozenset({"VERB", "AUX"})
# People as the English and French models label them.
PERSON_LABELS = frozenset({"PERSON", "PER"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# The singular definite articles before a bare noun ("the ministry", "l'analyste").
DEFINITE = frozenset({"the", "le", "la", "l'", "l’"})
# The verbs that say someone was killed or wounded.
CASUALTY_LEMMAS = frozenset(
    {"kill", "die", "wound", "injure", "tuer", "mourir", "blesser", "blessé", "décéder", "périr"}
)


@dataclass(frozen=True)
class Unit:
    """One sentence: the spaCy span, its article offset and its cues."""

    index: int
    sent: SpacySpan
    base: int
    cues: dict[str, list[SpacySpan]]

    @property
    def start(self) -> int:
        return self.base + self.sent.start_char

    @property
    def end(self) -> int:
        return self.base + self.sent.end_char

    @property
    def text(self) -> str:
        return self.sent.text

    def has(self, *names: str) -> bool:
        return any(self.cues.get(n) for n in names)

    def get(self, *names: str) -> list[SpacySpan]:
        out: list[SpacySpan] = []
        for n in names:
            out.extend(self.cues.get(n, ()))
        return sorted(out, key=lambda s: s.start)

    def span_of(self, item: SpacySpan | Token) -> Span:
        """Article span of a spaCy span or token."""
        if isinstance(item, Token):
            start, end = item.idx, item.idx + len(item.text)
        else:
            start, end = item.start_char, item.end_char
        return Span(self.base + start, self.base + end, item.text)

    def evidence(self) -> Span:
        return Span(self.start, self.end, self.text)

    def tokens_at(self, start: int, end: int) -> SpacySpan | None:
        """Tokens covering article offsets ``start:end`` in this sentence."""
        doc = self.sent.doc
        return doc.char_span(start - self.base, end - self.base, alignment_mode="expand")


def build_units(
    docs: Sequence[tuple[Doc, int]], cues_of: Iterable[dict[str, list[SpacySpan]]]
) -> list[Unit]:
    """Units for the paragraph docs of one article, in text order.

    ``docs`` pairs each paragraph doc with its offset in the article text; ``cues_of``
    gives the lexicon cues of each doc in the same order.
    """
    units: list[Unit] = []
    for (doc, base), cues in zip(docs, cues_of, strict=True):
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            mine = {
                k: [s for s in v if s.start >= sent.start and s.end <= sent.end]
                for k, v in cues.items()
            }
            units.append(Unit(len(units), sent, base, {k: v for k, v in mine.items() if v}))
    return units


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive: it takes a passive auxiliary ("was hit", "a été tué")."""
    return any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)


def governor(token: Token) -> Token:
    """The verb that governs ``token`` (itself if it is a verb), or the sentence root."""
    current = token
    for _ in range(12):
        if current.pos_ in VERB_POS and current.dep_ not in (
            "aux",
            "auxpass",
            "aux:tense",
            "aux:pass",
            "cop",
        ):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def path_length(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large if unlinked)."""
    ancestors_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in ancestors_a:
            return n + ancestors_a[t.i]
    return 99
