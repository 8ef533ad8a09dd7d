"""Quotation marks: the stretches of a text they enclose, and whether a word stands
inside one.

Scraped text mixes straight and curly marks ("…” and “…"), nests them badly and leaves
some open, so marks are paired by a pattern that never spans a line or another opening
mark, not by counting them: in '“belief … “verg[es] on the messianic.” One of his
“closest aides” said', "One" stands outside any quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Straight or curly marks, mixed as scraped text mixes them ("…” and “…"), or guillemets.
_QUOTED = re.compile(r'["“]([^"“”\n]{1,2000})["”]|«\s?([^»\n]{1,2000}?)\s?»')

# A quote opened after a colon, or at the start of a sentence, that runs to the end of
# its paragraph, unclosed: the next paragraph goes on with it.
_OPEN_TO_END = re.compile(
    r'(?:[:.!?]\s*|^)(?:["“]([^"“”\n]{1,2000})|«\s?([^«»\n]{1,2000}))$', re.MULTILINE
)
EDGES = " \t*_"
# Two to four capitalised words and nothing else: how French copy sets a newspaper's or
# an operation's name in guillemets.
_TITLE = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){1,3}")


@dataclass(frozen=True)
class QuotedSpan:
    start: int
    end: int
    text: str


def quoted_spans(text: str) -> list[QuotedSpan]:
    """The quoted stretches of ``text`` (offsets of the words inside the marks, without
    the asterisks and underscores of Markdown emphasis), in text order. A quote opened
    after a colon or at a sentence's start and not closed before the paragraph ends runs
    to the paragraph's end (the next paragraph opens again: "he said: “… ¶ “… ”", "…»,
    a-t-il déclaré. « Il commet… ¶ « …»")."""
    spans: list[tuple[int, int]] = []
    marks: set[int] = set()
    for m in _QUOTED.finditer(text):
        marks.update((m.start(), m.end() - 1))
        if m.group(2) is not None and _TITLE.fullmatch(m.group(2)):
            continue  # « Global Times »: a title in guillemets, not words anyone said
        spans.append(m.span(1 if m.group(1) is not None else 2))
    for m in _OPEN_TO_END.finditer(text):
        group = 1 if m.group(1) is not None else 2
        mark = m.start(1) - 1 if group == 1 else text.rfind("«", 0, m.start(2))
        if mark in marks:  # the closing mark of a quote: 'He said: "It's over." Then…'
            continue
        if not any(s < m.end(group) and m.start(group) < e for s, e in spans):
            spans.append(m.span(group))
    out = []
    for start, end in sorted(spans):
        inner = text[start:end]
        stripped = inner.strip(EDGES)
        start += len(inner) - len(inner.lstrip(EDGES))
        if stripped:
            out.append(QuotedSpan(start, start + len(stripped), stripped))
    return out


_DOC_KEY = "sitroom_quoted"


def quoted(token: Token) -> bool:
    """True if ``token`` stands inside a quoted stretch of its document's text."""
    spans = _spans_of(token.doc)
    return any(q.start <= token.idx < q.end for q in spans)


def _spans_of(doc: Doc) -> list[QuotedSpan]:
    spans = doc.user_data.get(_DOC_KEY)
    if spans is None:
        spans = quoted_spans(doc.text)
        doc.user_data[_DOC_KEY] = spans
    return spans
