"""Scoring place and actor resolution against the gold files' mention lists.

A gold file may list the distinct place and actor names its text uses::

    "places": [{"text": "Fastiv", "geonames_id": 709248, "lat": 50.08, "lon": 29.92},
               {"text": "Sumy region", "geonames_id": 692196, "lat": 51.0, "lon": 34.0}],
    "actors": [{"text": "Poutine", "actor": "putin"},
               {"text": "Oleh Syniehubov", "actor": null, "name": "Oleh Syniehubov"}]

``actor`` is a key of the actor table (or ``null`` for someone the table does not list).
``occurrence`` (1-based) names one occurrence when the same words mean two places.

Each gold entry is compared with the predicted mentions written the same way (any case,
a leading article ignored); several occurrences vote and the most frequent resolution
wins. A name no mention is written as is compared with the mentions that overlap its
occurrences in the text: "Etat islamique" inside a mention of "groupe Etat islamique",
"régime syrien" around a mention of "syrien", "Soumy" inside "régions de Kharkiv et de
Soumy" read as one mention. A gold name the pipeline did
not find at all counts as wrong.

- ``place_id``: the GeoNames id is the gold one;
- ``place_25km``: the id is the gold one, or both have coordinates at most 25 km apart.
  Both are over the gold places that have an id: a place GeoNames has no record for in
  the offline files (a US state, a Russian oblast, "the LPR") cannot be scored;
- ``actor_id``: the actor table entry is the gold one (its Wikidata id, else its name).
  A gold ``null`` (someone the table did not list when the gold was written) expects
  what the table makes of the gold ``name`` as a whole today: no entry, or the entry
  added since. A body of a state that the table lacks may also be read as the state
  the name is built on ("US Senate", "armée turque": the table's reading of the longest
  actor it contains); a name that merely contains a state's name still expects nothing
  when the system finds nothing ("France 24").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from sitroom.evaluate.gold import GoldActor, GoldPlace
from sitroom.evaluate.score import Tally
from sitroom.resolve.geocode import km_between
from sitroom.types import Mention

WITHIN_KM = 25.0
_LEADING = re.compile(r"^(?:the|la|le|les|l['’])\s*", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")

Coords = Callable[[int], tuple[float, float] | None]
ActorRef = Callable[[str], str | None]


def mention_key(text: str) -> str:
    """How names are compared: case, a leading article and a possessive ignored."""
    return _POSSESSIVE.sub("", _LEADING.sub("", " ".join(text.split()))).casefold()


def _occurrence_start(text: str, words: str, n: int) -> int | None:
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    return starts[n - 1] if 0 < n <= len(starts) else None


def _overlapping(text: str, words: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that overlap a whole-word occurrence of ``words`` (any case) in ``text``."""
    spans = [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE)
    ]
    return [m for m in mentions if any(m.start < end and start < m.end for start, end in spans)]


def _voted(
    words: str,
    mentions: Sequence[Mention],
    text: str = "",
    occurrence: int | None = None,
    overlap: bool = False,
) -> tuple[bool, str | None]:
    """(found, ref): the resolution the article's mentions of ``words`` agree on; with
    ``occurrence``, the mention at that occurrence of ``words`` in ``text``; with
    ``overlap``, when no mention is written as ``words``, those overlapping them in ``text``."""
    if occurrence is not None:  # the mention there, however much of the text it spans
        at = _occurrence_start(text, words, occurrence)
        same = [m for m in mentions if at is not None and m.start <= at < m.end]
    else:
        key = mention_key(words)
        same = [m for m in mentions if mention_key(m.text) == key]
        if not same and overlap:
            same = _overlapping(text, words, mentions)
    if not same:
        return False, None
    votes = Counter(m.ref for m in same)
    best = max(votes.values())
    return True, next(m.ref for m in same if votes[m.ref] == best)


def score_places(
    gold: Sequence[GoldPlace], mentions: Sequence[Mention], text: str, coords: Coords
) -> tuple[Tally, Tally]:
    """(exact id, within 25 km) over the gold places."""
    places = [m for m in mentions if m.kind == "place"]
    known = [g for g in gold if g.geonames_id is not None]
    exact = near = 0
    for g in known:
        _, ref = _voted(g.text, places, text, g.occurrence, overlap=True)
        pid = int(ref) if ref and ref.isdigit() else None
        if pid is not None and pid == g.geonames_id:
            exact += 1
            near += 1
        elif pid is not None and g.lat is not None and g.lon is not None:
            there = coords(pid)
            near += there is not None and km_between((g.lat, g.lon), there) <= WITHIN_KM
    return Tally(exact, len(known)), Tally(near, len(known))


def score_actors(
    gold: Sequence[GoldActor],
    mentions: Sequence[Mention],
    ref_of: ActorRef,
    ref_of_name: ActorRef = lambda _name: None,
    text: str = "",
    within_name: ActorRef = lambda _name: None,
) -> Tally:
    """Gold actor names resolved to the right table entry (or to none, when none);
    ``within_name`` is the actor a gold ``null`` name is built on, also accepted."""
    actors = [m for m in mentions if m.kind in ("actor", "person", "org")]
    correct = 0
    for g in gold:
        found, ref = _voted(g.text, actors, text, overlap=True)
        if g.actor:
            expected = {ref_of(g.actor)}
        else:
            name = g.name or g.text
            whole = ref_of_name(name)
            expected = {whole, within_name(name) or whole}
        correct += found and ref in expected
    return Tally(correct, len(gold))
