"""Sitroom's own spaCy components, registered by an explicit, idempotent call.

- ``sitroom_sentences`` sets sentence starts by rule before the parser runs (the parser
  keeps preset boundaries). The French models split "..." , a déclaré X" in two and run
  sentences together across a closing quote; the rule does neither.
- ``sitroom_entities`` writes the gazetteer's places and the actor table's names into
  ``doc.ents`` before NER, so NER cannot call "Kyiv" a PERSON or "Fastiv" an ORG; NER
  only labels what is left around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from sitroom.types import Mention

MentionScanner = Callable[[str], Sequence[Mention]]

# Tokens ending in a period that do not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "m.",
        "mm.",
        "mme.",
        "mmes.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "st.",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "sgt.",
        "gov.",
        "sen.",
        "rep.",
        "prof.",
        "jr.",
        "sr.",
        "no.",
        "vs.",
        "etc.",
        "jan.",
        "feb.",
        "aug.",
        "sept.",
        "sep.",
        "oct.",
        "nov.",
        "dec.",
        "u.s.",
        "u.k.",
        "u.n.",
        "e.u.",
        "st.",
        "av.",
        "bd.",
        "cf.",
        "env.",
        "p.",
        "pp.",
        "a.m.",
        "p.m.",
    ]
)
_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSING = frozenset({'"', "”", "»", "’", ")"})
_OPENING = frozenset({'"', "“", "«", "(", "‘"})
_INITIAL = re.compile(r"^[A-Z]\.$")

_COMPONENTS_REGISTERED: list[bool] = []


def register_components() -> None:
    """Register Sitroom's spaCy factories once; calling it again does nothing."""
    if _COMPONENTS_REGISTERED:
        return
    Language.component("sitroom_sentences", func=set_sentence_starts)
    Language.factory("sitroom_entities", func=_make_entity_writer)
    _COMPONENTS_REGISTERED.append(True)


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark every token as sentence start or not, by punctuation and capitals."""
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0 or _starts_sentence(doc, i)
    return doc


def _starts_sentence(doc: Doc, i: int) -> bool:
    token, prev = doc[i], doc[i - 1]
    if "\n" in prev.text or (prev.is_space and "\n" in prev.whitespace_ + prev.text):
        return True
    if prev.text == ";" and not prev.whitespace_ and token.text[:1].isupper():
        return True  # headlines joined by a bare semicolon ("…fighting;Two civilians die…")
    if _footnote_after_end(doc, i):
        return token.text[:1].isupper()  # "… on February 25 and 26. [89] A Russian …"
    if prev.text in _CLOSING and i >= 2 and doc[i - 2].text in _SENTENCE_END:
        english = doc.lang_ == "en"  # French copy: a mark after a full stop stays as is
        if english and doc[i - 2].whitespace_:
            return False  # 'He said. "Today…': an opening mark, glued to the word after it
        if english and doc[i - 2].text in ("?", "!") and _speech_tag(doc, i):
            return False  # '"Where are you now?" Zelensky asked': the quote's own tag
        prev = doc[i - 2]
    elif prev.text not in _SENTENCE_END and not _ends_with_period(prev.text):
        return False
    if _ends_with_period(prev.text) and prev.text not in _SENTENCE_END:
        low = prev.text.lower()
        if low in _ABBREVIATIONS or _INITIAL.match(prev.text):
            return False
    if token.text in _CLOSING and (token.text not in _OPENING or not doc[i - 1].whitespace_):
        return False
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.text in _OPENING


def _footnote_after_end(doc: Doc, i: int) -> bool:
    """Whether a footnote marker ("[89]", "[xii]") stands between a sentence's end and
    ``i``."""
    if i < 4 or doc[i - 1].text != "]" or doc[i - 3].text != "[":
        return False
    mark = doc[i - 2].text
    return _FOOTNOTE.match(mark) is not None and doc[i - 4].text in _SENTENCE_END


_FOOTNOTE = re.compile(r"^(?:\d{1,4}|[ivxlc]{1,8})$")


def _speech_tag(doc: Doc, i: int) -> bool:
    """Whether a speech verb follows within a few words of ``i`` ("Zelensky asked",
    "the minister told reporters"), before any other sentence end."""
    for token in doc[i : i + _TAG_WORDS]:
        if token.text in _SENTENCE_END:
            return False
        if token.lower_ in _TAG_VERBS:
            return True
    return False


_TAG_WORDS = 5
_TAG_VERBS = frozenset(
    {"said", "says", "asked", "asks", "added", "adds", "replied", "replies", "told", "tells",
     "wrote", "writes", "shouted", "exclaimed", "wondered", "demanded"}
)  # fmt: skip


def _ends_with_period(text: str) -> bool:
    return len(text) > 1 and text.endswith(".") and not text.endswith("..")


class EntityWriter:
    """Write scanned mentions into ``doc.ents`` (set ``scanner`` after adding the pipe)."""

    def __init__(self, nlp: Language, name: str, person_label: str, place_label: str) -> None:
        self.name = name
        self.person_label = person_label
        self.place_label = place_label
        self.scanner: MentionScanner | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.scanner is None:
            return doc
        spans = []
        for mention in self.scanner(doc.text):
            if mention.kind not in ("place", "person"):
                continue
            span = doc.char_span(
                mention.start,
                mention.end,
                label=self._label(mention),
                kb_id=mention.ref or "",
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc

    def _label(self, mention: Mention) -> str:
        return self.place_label if mention.kind == "place" else self.person_label


def _make_entity_writer(
    nlp: Language, name: str, person_label: str = "PERSON", place_label: str = "GPE"
) -> EntityWriter:
    return EntityWriter(nlp, name, person_label, place_label)
