"""Name normalisation shared by the gazetteer, the scanners and the geocoder.

Matching is done on a *folded* form of names and texts: case folded, accents and other
combining marks removed, hyphens and whitespace turned into one space, and apostrophes
handled by their role:

- inside a transliterated name ("Hrabovs'ke", "Oblast'") an apostrophe is dropped, so
  "Hrabovs'ke" and "Hrabovske" fold alike;
- an elision ("l'Ukraine", "d'Odessa", "qu'il") or a possessive ("Kyiv's") is a word
  boundary, so "Ukraine" and "Kyiv" are still found inside them.

``fold_text`` keeps, for every folded character, the index of the character of the
original text it came from, so that matches found in the folded text map back to exact
offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

APOSTROPHES = "'’ʼ‘`´ʹʻ"
_DASHES = frozenset("-‐‑‒–—―")
# Letters NFKD does not decompose but that readers treat as their base letter.
_EXTRA = {
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ı": "i",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ß": "ss",
    "þ": "th",
    "ħ": "h",
    "ŀ": "l",
}
_A = "['’ʼ‘`´ʹʻ]"
# Apostrophes that separate words: elisions (l', d', qu', jusqu'...), possessives ('s)
# and apostrophes not followed by a letter. They become a space; the others are dropped.
_BOUNDARY_APOSTROPHE = re.compile(
    rf"(?:(?<=^[lLdDjJmMnNsStTcC])|(?<=[\W\d_][lLdDjJmMnNsStTcC])){_A}"
    rf"|(?<=[qQ][uU]){_A}"
    rf"|{_A}(?=[sS](?![^\W\d_]))"
    rf"|{_A}(?![^\W\d_])"
)


@cache
def fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly two characters)."""
    if ch in APOSTROPHES:
        return ""
    if ch in _DASHES or ch.isspace():
        return " "
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base != ch:
        return "".join(fold_char(c) for c in base)
    low = ch.casefold()
    return ch if low == ch else "".join(fold_char(c) for c in low)


def _mark_boundaries(text: str) -> str:
    """``text`` with boundary apostrophes replaced by spaces (same length)."""
    if not any(a in text for a in APOSTROPHES):
        return text
    return _BOUNDARY_APOSTROPHE.sub(" ", text)


def norm(name: str) -> str:
    """The folded matching key of a name: "Kyïv" -> "kyiv", "Zaporiz'ka" -> "zaporizka"."""
    folded = "".join(fold_char(c) for c in _mark_boundaries(name))
    return " ".join(folded.split())


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A text folded for matching, with the map back to the original offsets.

    ``origin[i]`` is the index in ``original`` of the character that produced
    ``folded[i]``; ``origin`` has one extra entry, ``len(original)``, at the end.
    """

    original: str
    folded: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the folded slice ``folded[start:end]``."""
        return self.origin[start], self.origin[end - 1] + 1

    def is_word(self, start: int, end: int) -> bool:
        """Whether ``folded[start:end]`` is bounded by non-word characters."""
        before = self.folded[start - 1] if start > 0 else " "
        after = self.folded[end] if end < len(self.folded) else " "
        return not (before.isalnum() or after.isalnum())


def fold_text(text: str) -> FoldedText:
    """Fold ``text`` for matching, keeping offsets (whitespace is not collapsed)."""
    marked = _mark_boundaries(text)
    pieces = [fold_char(c) for c in marked]
    folded = "".join(pieces)
    if len(folded) == len(text):
        origin: tuple[int, ...] = tuple(range(len(text) + 1))
    else:
        origin = tuple([i for i, p in enumerate(pieces) for _ in p] + [len(text)])
    return FoldedText(text, folded, origin)


def is_acronym(form: str) -> bool:
    """Whether a written form is a short all-capitals acronym ("US", "U.S.", "OTAN")."""
    letters = [c for c in form if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in form


def starts_upper(text: str) -> bool:
    """Whether the first letter of ``text`` is a capital."""
    for c in text:
        if c.isalpha():
            return c.isupper()
    return False


def letters_ok(name: str) -> bool:
    """Latin or Cyrillic letters only (plus spaces, hyphens, apostrophes and dots)."""
    for c in name:
        if c.isalpha():
            if not (
                "A" <= c <= "z"
                or "\u00c0" <= c <= "\u024f"
                or "\u0400" <= c <= "\u04ff"
                or "\u1e00" <= c <= "\u1eff"
            ):
                return False
        elif not (c in " -'’ʼ." or c.isspace()):
            return False
    return True


def keep_alternates(name: str, alternates: Iterable[str]) -> list[str]:
    """Alternate names worth matching, without repeats of ``name`` or of each other."""
    seen = {norm(name)}
    out = []
    for alt in alternates:
        alt = alt.strip()
        key = norm(alt)
        if len(key) < 3 or key in seen or not alt[:1].isupper():
            continue
        if not letters_ok(alt) or (alt.isupper() and len(alt) <= 4):
            continue
        seen.add(key)
        out.append(alt)
    return out
