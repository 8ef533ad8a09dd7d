"""Where an event happened: the place mention of a sentence that the event belongs to.

Candidates are the sentence's place entities (written by the gazetteer component before
NER, or found by NER) plus "the capital" / "la capitale". A place that names a speaker
or an office ("the Kyiv regional governor", "le maire de Kiev") or that acts as a party
("Kyiv says") is not where anything happened. Among the rest the finest place closest to
the trigger in the parse wins; a locative preposition in front of it counts in its favour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan

from sitroom.extract.units import Unit, path_length
from sitroom.types import Place

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Nouns of offices and bodies: a place that modifies one of them names an office holder.
OFFICE_WORDS = frozenset(
    "governor governors mayor administration president minister ministry official officials "
    "authorities authority spokesman spokeswoman spokesperson army forces force police "
    "prosecutor prosecutors council government leader leaders envoy ambassador chief head "
    "gouverneur maire administration président ministre ministère responsable responsables "
    "autorités porte-parole armée forces police parquet gouvernement dirigeant envoyé "
    "ambassadeur chef".split()
)
SPEECH_LEMMAS = frozenset(
    "say tell warn accuse claim deny reject dire déclarer affirmer accuser nier indiquer".split()
)
_RANK = {"town": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


@dataclass(frozen=True)
class PlaceCandidate:
    """A place mention of the sentence with its resolution (``None`` if unresolved)."""

    tokens: SpacySpan
    place: Place | None


Resolve = Callable[[str], Place | None]


def place_candidates(
    unit: Unit, resolve: Resolve, capital: Place | None, exclude: Sequence[SpacySpan]
) -> list[PlaceCandidate]:
    """Resolved place mentions of the sentence that can be an event's location."""
    out = []
    for ent in unit.sent.ents:
        if ent.label_ not in PLACE_LABELS or _inside(ent, exclude) or _is_office(ent):
            continue
        if _is_party(ent):
            continue
        place = resolve(ent.text)
        if place is not None:
            span = unit.span_of(ent)
            place = replace(place, text=span.text, start=span.start, end=span.end)
        out.append(PlaceCandidate(ent, place))
    if capital is not None:
        for cue in unit.get("capital"):
            if _inside(cue, exclude):
                continue
            span = unit.span_of(cue)
            out.append(
                PlaceCandidate(cue, replace(capital, text=span.text, start=span.start,
                                            end=span.end))
            )
    return out


def choose_place(
    trigger: SpacySpan, candidates: Sequence[PlaceCandidate], locatives: frozenset[str]
) -> Place | None:
    """The place the event of ``trigger`` happened at, or ``None``."""
    scored = []
    for cand in candidates:
        if cand.place is None:
            continue
        rank = _RANK.get(cand.place.precision, 5)
        before = cand.tokens.doc[cand.tokens.start - 1] if cand.tokens.start > 0 else None
        locative = before is not None and before.text.lower() in locatives
        path = path_length(trigger.root, cand.tokens.root)
        scored.append((rank, 0 if locative else 1, path, cand.tokens.start, cand.place))
    if not scored:
        return None
    scored.sort(key=lambda s: s[:4])
    return scored[0][4]


def _inside(span: SpacySpan, spans: Sequence[SpacySpan]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _is_office(ent: SpacySpan) -> bool:
    """True for "Kyiv regional governor", "le maire de Kiev", "Ukraine's Prime Minister"."""
    head = ent.root.head
    if head.lower_ in ("of", "de", "d'") and head.head is not head:
        head = head.head
    return head.lower_ in OFFICE_WORDS or head.lemma_.lower() in OFFICE_WORDS


def _is_party(ent: SpacySpan) -> bool:
    """True when the place is the subject of a speech or accusation verb ("Kyiv says")."""
    root = ent.root
    return root.dep_.startswith("nsubj") and root.head.lemma_.lower() in SPEECH_LEMMAS
