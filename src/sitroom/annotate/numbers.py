"""Counts in English and French text: "two people", "at least 14", "1 500", "une
cinquantaine", "dozens", "quatre-vingt-dix".

Public API
----------
``parse_count(phrase, lang)``  the first count in a phrase, or ``None``.
``find_counts(text, lang)``    every count of a sentence or paragraph, with offsets.
``find_counted(text, lang)``   the counts that have a noun after them, with that noun.

How a count reads (``Quantity.min``/``max``/``qualifier``):

* exact "two people" 2/2; approx ("about 50", "nearly 50", "some 50", "environ 50",
  "près de 50", "une cinquantaine", "a dozen") 50/50.
* "at least 14", "au moins 14", "14 or more", "les 14 personnes au moins": 14/None.
* "more than 20", "over 20", "plus de 20": **21**/None at_least. The text says the count
  is above 20, so the smallest value it allows is 21 (ACLED's conservative reading of the
  lowest number the sentence supports).
* "up to 30", "as many as 30", "jusqu'à 30": None/30 at_most; "fewer than 30",
  "moins de 30": None/**29**.
* ranges "14 to 16", "14-16", "between 14 and 16", "entre 14 et 16", "de 14 à 16",
  "two or three": 14/16. "The toll rose from 14 to 16" is two counts, not a range.
* vague words (ACLED's conservative table), ``min`` = the value, ``max`` = None:
  several / a few / some / a number of / a handful / plusieurs / quelques /
  de nombreux = 3, a couple of = 2, tens / des dizaines = 10, dozens / des douzaines = 12,
  scores (of) = 20, hundreds / des centaines = 100, thousands / des milliers = 1000,
  millions = 1 000 000; products for "several hundred" (300), "tens of thousands"
  (10 000), "plusieurs milliers" (3000); "tens, if not hundreds, of thousands" takes
  the lower figure (10 000).

Numbers: digits with thousands separators (comma, full stop, space, no-break and narrow
no-break space: "1,500", "1.500", "1 500"), decimals only with a scale ("1,5 million",
"1.5 million"); a bare decimal ("2.5") is not a count. "1,500" and "1.500" are both 1500
in either language (three digits after the mark make it a thousands separator); a run
of eight or more bare digits is an identifier, not a count.

Words go through text2num's ``text2num`` on the isolated run of number words found
here. ``alpha2digit`` is not used: it skips 0-2 by default and, with threshold 0, turns
the French article in "une attaque" into 1; it knows neither "dozen" nor the "-aine"
nouns, and it gives no offsets. French "un"/"une" count only before a person or weapon
noun ("un mort", "une personne", "un drone", "un seul"); English "a"/"an" never counts
alone ("a drone" is not 1; "one drone", "a single drone" are). French "neuf" right
after a noun is the adjective "new".

Not counts (dropped): ages ("30-year-old", "aged 30", "in his 70s", "30 ans"),
percentages, years (a bare 1800-2099 unless a count noun follows: "2000 soldiers"),
dates, clock times, temperatures, ordinals ("2nd", "1er"), money, distances and other
units, durations ("four years ago", "quelques jours"), names ("Air Force One", "G7",
"F-16", "Article 5") and "one of".

A ``Counted`` needs a noun within three words after the count, skipping "of"/"de"
("nine Shahed-type attack drones" -> "drones", "dozens of residents" -> "residents"): a
word of the small count-noun lexicon (people, weapons, casualties; the last of a run, so
"165 Shahed drones" -> "drones"), else in English the first plural-looking word, in
French the first word that is not a preposed adjective. Counts without a noun
("killing one and wounding three") are in ``find_counts`` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

from text_to_num import text2num

from sitroom.annotate import numbers_lexicon as lx
from sitroom.types import Qualifier, Quantity

_BEFORE_WINDOW = 32
_MAX_TOKENS = 6
_MAX_GAP = 3
_SPACES = re.compile(r"\s+")
_OF = re.compile(r"[^\S\n]+of\b", re.IGNORECASE)
_THOUSANDS_ONLY = re.compile(r"[0-9]{1,3}(?:[,. \u00a0\u202f][0-9]{3})+")
_WORD_BEFORE = re.compile(
    r"(?<!\w)(?!(?:les|des|ces|et|à|de|dont|sur|avec|parmi|environ|aux|leurs|ses|mes)\b)"
    r"[^\W\d_]{3,}[^\S\n]+\Z",
    re.IGNORECASE,
)
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w])[A-Z][\w-]*[^\S\n]+\Z")


# Values of single number words, read once through text2num (most runs are one word).
_SINGLE_WORDS = MappingProxyType(
    {
        "en": MappingProxyType({w: text2num(w, "en") for w in lx.EN_UNITS if w != "zero"}),
        "fr": MappingProxyType({w: text2num(w, "fr") for w in lx.FR_UNITS if w != "zéro"}),
    }
)


@dataclass(frozen=True, slots=True)
class Counted:
    """A count and the noun it counts: ``noun`` is lower-cased as written ("drones",
    "personnes"); ``noun_start``/``noun_end`` are offsets into the text searched."""

    quantity: Quantity
    noun: str
    noun_start: int
    noun_end: int


@dataclass(frozen=True, slots=True)
class _Value:
    """The value of one core expression and what kind of number it was."""

    value: int
    kind: Literal["exact", "approx", "vague"]
    end: int
    words: bool = False
    year_like: bool = False
    lone_un: bool = False
    neuf: bool = False
    needs_noun: bool = False


@dataclass(frozen=True, slots=True)
class _Noun:
    word: str
    start: int
    end: int


def parse_count(phrase: str, lang: str) -> Quantity | None:
    """The first count in ``phrase`` ("at least 14" -> 14/None at_least), or ``None``."""
    found = find_counts(phrase, lang)
    return found[0] if found else None


def find_counts(text: str, lang: str) -> list[Quantity]:
    """Every count expression of ``text``, qualifier words included, in text order."""
    return [q for q, _ in _scan(text, lang)]


def find_counted(text: str, lang: str) -> list[Counted]:
    """Counts with the noun that follows them ("165 drones", "deux morts")."""
    return [Counted(q, n.word, n.start, n.end) for q, n in _scan(text, lang) if n is not None]


def _lang(lang: str) -> str:
    return "fr" if lang.lower().startswith("fr") else "en"


def _scan(text: str, lang: str) -> list[tuple[Quantity, _Noun | None]]:
    lang = _lang(lang)
    pattern = lx.MAIN[lang]
    out: list[tuple[Quantity, _Noun | None]] = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return out
        if m.group("skip") is not None:
            pos = m.end()
            continue
        found, pos = _read(text, m, lang)
        out.extend(found)


def _read(
    text: str, m: re.Match[str], lang: str
) -> tuple[list[tuple[Quantity, _Noun | None]], int]:
    """Read one match: range, qualifiers, exclusions and noun. Returns what was found
    and where scanning goes on."""
    core_start = m.start("core")
    first = _value(m, text, lang)
    if first is None:
        return [], m.end("core")
    pre = _norm(m.group("pre")) if m.group("pre") else None
    kind, adjust = lx.PREFIXES[lang].get(pre, ("exact", 0)) if pre else ("exact", 0)
    start = m.start("pre") if pre else core_start
    second, end = _range(text, first, pre, lang)
    if kind == "range" and second is None:
        kind, start = "exact", core_start
    elif (
        second is not None
        and kind == "range"
        and lx.CHANGE_VERB.search(text, max(0, start - 60), start)
    ):
        quantity = _quantity(first, None, "exact", 0, text, core_start, first.end)
        return [(quantity, None)], first.end
    post = lx.POST.match(text, end) if second is None else None
    if post is None and _not_a_count(text, start, end, first, second, lang):
        return [], end
    if post is not None:
        kind, adjust, end = lx.POST_KIND[_norm(post.group("post"))], 0, post.end()
    tokens = _tokens(text, end)
    noun = _noun(tokens, lang, first.value)
    if _rejected_by_noun(first, second, tokens, noun, lang):
        return [], end
    quantity = _quantity(first, second, kind, adjust, text, start, end)
    if noun is not None and post is None:
        quantity = _post_noun(text, quantity, noun)
    return [(quantity, noun)], max(end, quantity.end)


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.lower().replace("’", "'")).strip()


def _value(m: re.Match[str], text: str, lang: str) -> _Value | None:
    """The value of the core expression of ``m`` (``None``: not a number after all)."""
    end = m.end("core")
    if m.group("digits") is not None:
        return _digits(m.group("digits"), m.group("scale"), end)
    if m.group("words") is not None:
        return _words(m, lang)
    if m.group("vq") is not None:
        key = _norm(m.group("vq"))
        value = lx.VAGUE[key] * (lx.VAGUE[_norm(m.group("vqm"))] if m.group("vqm") else 1)
        return _Value(value, "vague", end, needs_noun=key in lx.NEEDS_NOUN and not m["vqm"])
    if m.group("vm") is not None:
        key = _norm(m.group("vm"))
        if key in ("tens", "scores") and not m.group("vm2") and not _OF.match(text, end):
            return None  # "tens" and "scores" count only with "of"
        value = lx.VAGUE[key] * (lx.VAGUE[_norm(m.group("vm2"))] if m.group("vm2") else 1)
        return _Value(value, "vague", end)
    if lang == "fr" and m.group("aine") is not None:
        return _Value(lx.FR_AINE[_norm(m.group("aine")).split(" ")[-1]], "approx", end)
    if lang == "en" and m.group("adozen") is not None:
        return _Value(12 if _norm(m.group("adozen")) == "a dozen" else 6, "approx", end)
    if lang == "en" and m.group("single") is not None:
        return _Value(1, "exact", end)
    return None


def _digits(raw: str, scale: str | None, end: int) -> _Value | None:
    factor = lx.SCALES[scale.lower()] if scale else 1
    if _THOUSANDS_ONLY.fullmatch(raw):
        digits = re.sub(r"[^0-9]", "", raw)
        return _Value(int(digits) * factor, "exact", end)
    if "." in raw or "," in raw:
        if not scale:
            return None  # "2.5" is a measure, not a count
        return _Value(round(float(raw.replace(",", ".")) * factor), "exact", end)
    if len(raw) > 7 and not scale:
        return None  # an identifier (a URL, a phone number), not a count
    value = int(raw) * factor
    year_like = not scale and len(raw) == 4 and 1800 <= value <= 2099
    return _Value(value, "exact", end, year_like=year_like)


def _words(m: re.Match[str], lang: str) -> _Value | None:
    """Number words through text2num; a run it refuses ("two and three" cannot happen
    here, but "one two" can) is cut back word by word to the longest run it accepts."""
    raw = m.group("words")
    start = m.start("words")
    ends = [w.end() for w in re.finditer(r"\S+", raw)]
    for cut in reversed(ends):
        words = _norm(raw[:cut])
        if lang == "en":
            words = re.sub(r"^an? ", "one ", words)
        try:
            value = _SINGLE_WORDS[lang].get(words) or text2num(words, lang)
        except ValueError:
            continue
        full = cut == len(raw)
        dozen = lang == "en" and full and m.group("dozen") is not None
        end = m.end("core") if full else start + cut
        lone_un = lang == "fr" and words in ("un", "une")
        # French "neuf" is also "new": alone after a noun ("un immeuble neuf") it is not 9.
        neuf = words == "neuf" and bool(_WORD_BEFORE.search(m.string, max(0, start - 30), start))
        return _Value(value * (12 if dozen else 1), "approx" if dozen else "exact", end,
                      words=True, lone_un=lone_un, neuf=neuf)  # fmt: skip
    return None


def _range(text: str, first: _Value, pre: str | None, lang: str) -> tuple[_Value | None, int]:
    """The second number of a range ("14 to 16", "entre 14 et 16"), if one follows."""
    join = lx.RANGE_JOIN.match(text, first.end)
    if join is None or first.kind == "vague":
        return None, first.end
    m2 = lx.CORE_ONLY[lang].match(text, join.end())
    if m2 is None:
        return None, first.end
    second = _value(m2, text, lang)
    word = join.group("join").lower()
    if second is None or second.kind == "vague" or second.end != m2.end():
        return None, first.end
    if word in ("and", "et") and pre not in ("between", "entre"):
        return None, first.end
    if word in ("-", "–", "—") and (first.words or second.words or second.value < first.value):
        return None, first.end  # "twenty-three" is one number; "3-1" is a score
    return second, second.end


def _not_a_count(
    text: str, start: int, end: int, first: _Value, second: _Value | None, lang: str
) -> bool:
    """Ages, percentages, dates, times, units, names: numbers that count nothing."""
    if lx.SUFFIX_NOT_COUNT.match(text, end) or lx.AFTER_NOT_COUNT.match(text, end):
        return True
    if lx.MONTH_AFTER[lang].match(text, end):
        return True
    if second is not None and second.year_like and first.year_like:
        return True
    lo = max(0, start - _BEFORE_WINDOW)
    if lx.BEFORE_NOT_COUNT[lang].search(text, lo, start):
        return True
    if first.words and text[start].isupper() and _CAPITALISED_WORD_BEFORE.search(text, lo, start):
        return True  # "Air Force One", "World War Two"
    if lang == "en" and second is None and _norm(text[start:end]) == "one":
        return bool(lx.EN_ONE_BEFORE.search(text, lo, start) or lx.EN_ONE_AFTER.match(text, end))
    return False


def _tokens(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to six words right after ``pos`` on the same line, up to the first other token
    (punctuation, digit, line break); an elided "d'" is split off its word."""
    out: list[tuple[str, int, int]] = []
    while len(out) < _MAX_TOKENS:
        t = lx.NEXT_WORD.match(text, pos)
        if t is None:
            break
        word, s, pos = t.group(1), t.start(1), t.end()
        elided = lx.ELISION.match(word)
        if elided:
            out.append((word[: elided.end()].lower().replace("’", "'"), s, s + elided.end()))
            word, s = word[elided.end() :], s + elided.end()
        out.append((word.lower(), s, pos))
    return out


def _noun(tokens: list[tuple[str, int, int]], lang: str, value: int) -> _Noun | None:
    """The head noun among the first words after a count (see the module docstring)."""
    words = tokens[1:] if tokens and tokens[0][0] in lx.OF_WORDS else tokens
    nouns, stop = lx.NOUNS[lang], lx.STOP[lang]
    seen: list[tuple[str, int, int]] = []
    window = words[: _MAX_GAP + 1]
    for i, (word, s, e) in enumerate(window):
        if word in nouns:
            # "Shahed drones", "drone attacks": the last of a run of nouns is the head.
            while i + 1 < len(window) and window[i + 1][0] in nouns:
                i += 1
            return _Noun(*window[i])
        if word in lx.OTHERS and i + 1 < len(window) and window[i + 1][0] in nouns:
            continue  # "two more people", "three other civilians"
        if word in stop or word in lx.OF_WORDS or word.split("-")[0] in lx.NUMBER_WORDS:
            break
        seen.append((word, s, e))
    return _fallback_noun(seen, lang, value)


def _fallback_noun(seen: list[tuple[str, int, int]], lang: str, value: int) -> _Noun | None:
    """A noun not in the lexicon: English, the first plural-looking word (or the last
    word for a count of one); French, the first word that is not a preposed adjective."""
    if lang == "en":
        for word, s, e in seen:
            if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
                return _Noun(word, s, e)
        if value == 1 and seen and seen[-1][0] not in lx.OTHERS:
            return _Noun(*seen[-1])
    else:
        for word, s, e in seen:
            if word not in lx.FR_PRENOMINAL:
                return _Noun(word, s, e)
    others = [w for w in seen if w[0] in lx.OTHERS]
    return _Noun(*others[0]) if others else None


def _rejected_by_noun(
    first: _Value,
    second: _Value | None,
    tokens: list[tuple[str, int, int]],
    noun: _Noun | None,
    lang: str,
) -> bool:
    """Durations, units, money ("four years ago", "15 km", "2 million dollars"); years
    and French articles that do not count a noun."""
    words = [t[0] for t in tokens[:3]]
    if words and words[0] in lx.OF_WORDS:
        words = words[1:]
    if words and (words[0] in lx.NOT_COUNTED or (
        words[0] in lx.MODIFIERS and words[1:2] and words[1] in lx.NOT_COUNTED
    )):  # fmt: skip
        return True
    if first.year_like and (noun is None or noun.word not in lx.NOUNS[lang]):
        return True
    if first.lone_un and second is None and not (words and words[0] in lx.FR_UN_NOUNS):
        return True
    if first.neuf and noun is None:
        return True
    return first.needs_noun and noun is None


def _quantity(
    first: _Value,
    second: _Value | None,
    kind: str,
    adjust: int,
    text: str,
    start: int,
    end: int,
) -> Quantity:
    span = text[start:end]
    if second is not None:
        lo, hi = sorted((first.value, second.value))
        return Quantity(lo, hi, "range", span, start, end)
    v = first.value
    if first.kind == "vague":
        return Quantity(v, None, "vague", span, start, end)
    if kind == "at_least":
        return Quantity(v + adjust, None, "at_least", span, start, end)
    if kind == "at_most":
        return Quantity(None, max(v + adjust, 0), "at_most", span, start, end)
    qualifier: Qualifier = "approx" if kind == "approx" or first.kind == "approx" else "exact"
    return Quantity(v, v, qualifier, span, start, end)


def _post_noun(text: str, q: Quantity, noun: _Noun) -> Quantity:
    """A qualifier after the noun ("les 14 personnes au moins") widens the span to it."""
    post = lx.POST_NOUN.match(text, noun.end)
    if post is None or q.qualifier != "exact":
        return q
    kind = lx.POST_KIND[_norm(post.group("post"))]
    end = post.end()
    value = q.min
    if kind == "at_least":
        return replace(q, max=None, qualifier="at_least", text=text[q.start : end], end=end)
    return Quantity(value, value, "approx", text[q.start : end], q.start, end)
