"""The place and actor mentions of a sentence, each with the identity it resolves to.

These are what an article names, whether or not an event is built on them: analysts
search them ("every article that names Pokrovsk"), and evaluation scores the geocoder
and the actor table on them. A place mention's ``ref`` is its GeoNames id and its
``label`` the precision (town, admin1…); an actor mention's ``ref`` is the actor table's
Wikidata id (else its canonical name) and its ``label`` the canonical name; people and
bodies the table does not know keep ``ref = None`` and their name as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from sitroom.extract.parties import ActorLookup
from sitroom.extract.units import Unit
from sitroom.extract.where import Resolve, place_mentions
from sitroom.resolve.actors import table_ref
from sitroom.types import Actor, Mention, MentionKind, Quote


def places_in(unit: Unit, resolve: Resolve) -> list[Mention]:
    """The sentence's place mentions; an unresolved one has ``ref = None``."""
    out = []
    for cand in place_mentions(unit, resolve):
        span = unit.span_of(cand.tokens)
        place = cand.place
        out.append(
            Mention(
                "place",
                span.start,
                span.end,
                span.text,
                label=place.precision if place else None,
                ref=str(place.geonames_id) if place and place.geonames_id else None,
            )
        )
    return out


def actors_in(
    unit: Unit, actors: Sequence[tuple[SpacySpan, Actor]], table: ActorLookup
) -> list[Mention]:
    """The sentence's actor mentions (``Parties.actor_spans``) as mentions."""
    out = []
    for tokens, actor in actors:
        span = unit.span_of(tokens)
        known = table.resolve(actor.name)
        kind: MentionKind = "actor" if known else "person" if actor.kind == "person" else "org"
        ref = table_ref(known) if known else None
        out.append(Mention(kind, span.start, span.end, span.text, label=actor.name, ref=ref))
    return out


def speakers_in(quotes: Sequence[Quote], text: str, known: Sequence[Mention]) -> list[Mention]:
    """People the quotes name as their speakers that no mention covers yet ("…," said
    Margaryta Maliovana, the clinic's CEO): the name as written inside the speaker's span,
    with the speaker's identity. A speaker known only by a pronoun or a role adds nothing."""
    taken = [(m.start, m.end) for m in known if m.kind in ("actor", "person", "org")]
    out: list[Mention] = []
    for q in quotes:
        who = q.speaker
        if who is None or who.kind != "person" or who.start < 0:
            continue
        at = text.find(who.name, who.start, who.end)
        if at < 0:
            continue
        end = at + len(who.name)
        if any(s < end and at < e for s, e in taken):
            continue
        taken.append((at, end))
        out.append(Mention("person", at, end, who.name, label=who.name, ref=who.wikidata))
    return out
