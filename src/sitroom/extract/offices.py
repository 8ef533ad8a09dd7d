"""Offices named instead of their holders: "le président ukrainien", "the French president",
"the Russian foreign minister", "le chef de la diplomatie russe".

A news story names a leader once and then by office. ``office_of`` reads the office and
the state of such a phrase; ``holder`` finds, among the people the article has already
named, the one whose actor-table role is that office of that state. Offices change
hands and the actor table does not know since when, so it is asked only about people
the article names; ``titled`` reads the article's own titles ("le président Farmajo",
"defence minister Rustem Umerov"), which name the holder as of the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from sitroom.types import Actor

# Office words, longest first, with the office as the actor table's roles write it.
_OFFICES: dict[str, str] = {
    "ministre des affaires étrangères": "Foreign Minister",
    "chef de la diplomatie": "Foreign Minister",
    "foreign minister": "Foreign Minister",
    "ministre de la défense": "Defence Minister",
    "defence minister": "Defence Minister",
    "defense minister": "Defence Minister",
    "premier ministre": "Prime Minister",
    "prime minister": "Prime Minister",
    "chef du gouvernement": "Prime Minister",
    "head of government": "Prime Minister",
    "numéro un": "President",  # "le numéro un chinois"
    "chef de l'etat": "President",
    "chef de l'état": "President",
    "head of state": "President",
    "chancelière": "Chancellor",
    "chancelier": "Chancellor",
    "chancellor": "Chancellor",
    "présidente": "President",
    "président": "President",
    "president": "President",
}


def _pattern(term: str) -> re.Pattern[str]:
    """The words of an office term; French may put the state's adjective after
    "ministre" ("le ministre russe des affaires étrangères")."""
    words = [re.escape(w) for w in term.split()]
    if words[0] == "ministre" and len(words) > 1:
        joined = words[0] + r"\s+(?:[^\W\d_][\w-]*\s+)?" + r"\s+".join(words[1:])
    else:
        joined = r"\s+".join(words)
    return re.compile(rf"\b{joined}\b", re.IGNORECASE)


_TERMS = [(_pattern(term), office) for term, office in _OFFICES.items()]
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that make a phrase something other than the office itself ("vice-président",
# "former president", "l'ancien président", "président de la commission").
_NOT_THE_OFFICE = re.compile(
    r"\b(?:vice|former|ex|ancien|ancienne|deputy|adjoint|commission|parlement|parliament"
    r"|assemblée|sénat|senate|conseil|council|club|fédération|federation|company|société)\b",
    re.IGNORECASE,
)
MAX_WORDS = 8

StateOf = Callable[[str], Actor | None]


def office_of(phrase: str, state_of: StateOf) -> tuple[str, str | None] | None:
    """The office a phrase names and the country code of its state (``None`` when the
    phrase names none: "le président"), or ``None`` if it names no office."""
    text = phrase.replace("’", "'")
    if len(text.split()) > MAX_WORDS or _NOT_THE_OFFICE.search(text):
        return None
    # the first term found in the text, the longer term first where two start together
    hits = [(m.start(), i) for i, (p, _) in enumerate(_TERMS) if (m := p.search(text))]
    if not hits:
        return None
    return _TERMS[min(hits)[1]][1], _state_named(text, state_of)


def _state_named(text: str, state_of: StateOf) -> str | None:
    """The country code of the first state the words of an office phrase name."""
    for word in _WORD.findall(text.replace("’", "'")):  # office words name no state
        state = state_of(word)
        if state is not None and state.kind == "state" and state.country:
            return state.country
    return None


def holder(office: tuple[str, str | None], seen: Iterable[Actor]) -> Actor | None:
    """The last person already named whose role is ``office`` (of that state, when the
    phrase names one)."""
    name, country = office
    found = None
    for person in seen:
        role = person.role or ""
        if not role.startswith(f"{name} of"):
            continue
        if country is not None and person.country != country:
            continue
        found = person
    return found


# A name right after an office word: capitalised words, up to four ("Rustem Umerov").
_NAME_AFTER = re.compile(r"\s+((?:[A-ZÀ-Ý][\w'’-]+)(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3})")
# The words before an office word that may name its state ("German defence minister").
_LEAD = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){1,3}$")


def titled(text: str, state_of: StateOf) -> list[tuple[tuple[str, str | None], str]]:
    """(office, name) for each person the text names with an office word just before
    the name ("le président Farmajo", "German defence minister Boris Pistorius"), in text
    order; the office with the state its words name, as ``office_of`` reads it."""
    found = []
    for pattern, office in _TERMS:
        for m in pattern.finditer(text):
            name = _NAME_AFTER.match(text, m.end())
            lead = _LEAD.search(text, max(0, m.start() - 40), m.start())
            phrase = (lead.group(0) if lead else "") + m.group(0)
            if name is None or _NOT_THE_OFFICE.search(phrase):
                continue
            found.append((m.start(), (office, _state_named(phrase, state_of)), name.group(1)))
    return [(office, name) for _, office, name in sorted(found)]
