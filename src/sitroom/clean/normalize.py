"""Unicode repair, whitespace normalisation, paragraphs, and the article id.

The clean text stays verbatim apart from repairs: ftfy fixes mojibake and HTML
entities (curly quotes and full-width characters are kept as they are), line breaks
become ``\\n``, no-break and other Unicode spaces become a plain space, runs of spaces
and tabs collapse to one, and each paragraph is one stripped, non-empty line.

A paragraph break lost when a page was flattened ("…au SahelL'armée française mène…",
"…in KyivThe governor said…") is put back: a lower-case word glued to a capitalised
sentence opener of French or English is split there. The openers are function words
that no brand or name ends with ("EgyptAir", "LinkedIn", "LeBron" stay whole).

The reverse, a line broken where a scraper met inline markup (a link, a drop capital,
an emphasis: "“W" ¶ "e moved…" ¶ "don’t" ¶ "”"), is joined back with a space (``rejoin``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

import ftfy

# Longest text handed to ftfy's encoding repair in one piece.
_FTFY_MAX_DECODE = 1_000_000
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    explain=False,
    max_decode_length=_FTFY_MAX_DECODE,
)
# Unicode spaces that become a plain space: no-break, narrow no-break, en/em and
# the other fixed-width spaces, ideographic space, ogham space mark.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\u0085]")
_SPACE_RUNS = re.compile(" {2,}")
_ESCAPED_BREAK = re.compile(r"(?<!\\)\\n(?=[\sA-ZÀ-Ý\"«“(\\]|$)")
_ANY_SPACE = re.compile(r"\s+")
_OPENERS = (
    "L['’]|(?:Le|La|Les|Un|Une|Des|Il|Elle|Ils|Elles|Selon|Pour|Dans|Ce|Cette|Mais|Depuis"
    "|Après|The|According|This|These|Officials)(?= )"
)
_GLUED_PARAGRAPH = re.compile(rf"(?<=[a-zà-ÿ]{{3}})(?={_OPENERS})")


def repair(text: str) -> str:
    """Fix broken Unicode with ftfy (mojibake, entities, control characters)."""
    return ftfy.fix_text(text, _FTFY_CONFIG)


def normalize_whitespace(text: str) -> str:
    """Line breaks to ``\\n``, Unicode spaces and tabs to one plain space, zero-width
    characters and soft hyphens removed, every line stripped. A line break an export
    left escaped ("Par Will Vernon\\nBBC News", a backslash and an "n") is a line break
    where a capital, a quote mark, a space or another escape follows it ("C:\\new"
    stays)."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _ESCAPED_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_RUNS.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def unglue_paragraphs(text: str) -> str:
    """Put back the line break between a paragraph and the next one glued to it."""
    return _GLUED_PARAGRAPH.sub("\n", text)


def paragraphs(text: str) -> list[str]:
    """Repaired, normalised, non-empty paragraphs (one per line of the input, and one
    more where two were glued together; a line that only goes on with the one before
    joins it, see ``rejoin``)."""
    clean = unglue_paragraphs(normalize_whitespace(repair(text)))
    return rejoin([line for line in clean.split("\n") if line])


# A line that is only the end of a sentence: closing marks and punctuation ("”", ".").
_CLOSING_ONLY = re.compile(r"[”»\"’)\].,;:!?…]+")
# A line that is only an opening mark, a drop capital or both ("“W" before "e moved…").
_DROP_CAPITAL = re.compile(r"[“«‘\"]\s?[A-ZÀ-Þ]?")
_REOPENING = tuple('“«"')
# A quote closed after a comma: its sentence goes on with who said it.
_QUOTE_GOES_ON = re.compile(r",\s?[”»\"]$")
_SENTENCE_END = tuple('.!?:;”»"…)')


def rejoin(lines: Sequence[str]) -> list[str]:
    """Lines that a scraper broke at inline markup (a link, a drop capital, an emphasis),
    joined back with a space: a line of closing punctuation, a line that goes on in
    lower case after one that ends mid-sentence, the line after a drop capital or after a
    quote closed on a comma, and the lines of a quote up to the one that closes it, when
    that comes within ``MAX_QUOTE_LINES`` lines. "“W" ¶ "e moved to the U.K., or just" ¶
    "don’t" ¶ "get the joke," ¶ "”" ¶ "Vodopianov said." becomes one paragraph."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        end: int | None = i
        if out and not _goes_on(out[-1], line):
            end = _closing_line(lines, i) if _unclosed(out[-1]) else None
        if out and end is not None:
            out[-1] = " ".join([out[-1], *lines[i : end + 1]])
            i = end + 1
        else:
            out.append(line)
            i += 1
    return out


# How many lines a quote broken by markup may run over before the line that closes it.
MAX_QUOTE_LINES = 4


def _closing_line(lines: Sequence[str], start: int) -> int | None:
    """The index of the line that closes a quote left open before ``start``, if it comes
    soon and no line on the way opens another one (a new paragraph of the same quote)."""
    for j in range(start, min(start + MAX_QUOTE_LINES, len(lines))):
        if lines[j].lstrip("*_ ").startswith(_REOPENING):  # "*“Since last February"
            return None
        if "”" in lines[j] or "»" in lines[j]:
            return j
    return None


def _unclosed(line: str) -> bool:
    """True if ``line`` opens a curly double quote or a guillemet it does not close
    (a straight mark may open or close: a stray one would join paragraphs)."""
    return line.count("“") + line.count("«") > line.count("”") + line.count("»")


def _goes_on(before: str, line: str) -> bool:
    if _CLOSING_ONLY.fullmatch(line) or _DROP_CAPITAL.fullmatch(before):
        return True
    if _QUOTE_GOES_ON.search(before):
        return True  # "…get the joke, ”" ¶ "Vodopianov said."
    words = before.split()
    if len(words) > 1 and words[-1] in _NEVER_LAST:
        return True  # "… according to the" ¶ "Atlantic Council ." (a link on its own line)
    return line[:1].islower() and not before.endswith(_SENTENCE_END)


# Words no sentence or title ends on: a line that ends on one was broken at a link.
_NEVER_LAST = frozenset(
    {"the", "a", "an", "of", "to", "by", "from", "with", "according", "le", "la", "les",
     "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "au", "aux", "selon", "par"}
)  # fmt: skip


def canonical(text: str) -> str:
    """The form texts are compared in: NFKC, case-folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _ANY_SPACE.sub(" ", folded).strip()


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its
    canonical text, so the same text with other spacing or case gets the same id."""
    return hashlib.sha256(canonical(text).encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """A short hash of a text's canonical form, for counting repeated paragraphs."""
    return hashlib.blake2b(canonical(text).encode("utf-8"), digest_size=8).hexdigest()
