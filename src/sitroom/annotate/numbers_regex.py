"""Regular-expression helpers shared by the number and date finders."""

from __future__ import annotations

import re
from typing import Final

# Whitespace inside one expression: never a line break.
S: Final = r"[^\S\n]+"

_Node = dict[str, "_Node"]


def word_list(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a lexicon block, in order."""
    return tuple(text.split())


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon block, as a set."""
    return frozenset(text.split())


def trie(words: list[str] | tuple[str, ...]) -> str:
    """One regular expression for a list of literal words, factored by shared prefixes
    ("six|sixteen|sixty" -> "s(?:ix(?:t(?:een|y))?)"), so that a failed start position
    costs one character test instead of one per word. A space stands for ``S``, an
    apostrophe for either apostrophe. Longer words are tried first."""
    tree: _Node = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(tree)


def _emit(node: _Node) -> str:
    alts = []
    for ch in sorted(node):
        if ch:
            atom = S if ch == " " else "['’]" if ch == "'" else re.escape(ch)
            alts.append(atom + _emit(node[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body
