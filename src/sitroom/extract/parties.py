"""Actors of an event and speakers of quotes, resolved through the actor table.

``Parties`` holds what one article has taught so far: the last person named or heard
(for "she said", "a-t-il ajouté") and the titles seen in front of names ("le président
américain Donald Trump"), so that a later bare title ("Le président américain doit
rencontrer…") resolves to the same person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from spacy.tokens import Span as SpacySpan

from sitroom.extract.speech import SpeechAct, speaker_name
from sitroom.extract.units import Unit, path_length
from sitroom.types import Actor, Attribution, Mention

PERSON_LABELS = frozenset({"PERSON", "PER"})
ORG_LABELS = frozenset({"ORG"})
MAX_ACTOR_PATH = 4
_TITLE_POS = frozenset({"NOUN", "ADJ", "PROPN"})


class ActorLookup(Protocol):
    """What extraction needs of the actor table."""

    def scan(self, text: str) -> list[Mention]: ...

    def resolve(self, text: str) -> Actor | None: ...


@dataclass
class Parties:
    """Actor resolution for one article, with its memory of people and titles."""

    table: ActorLookup
    last_person: Actor | None = None
    titles: dict[str, Actor] = field(default_factory=dict)

    def actor_spans(self, unit: Unit) -> list[tuple[SpacySpan, Actor]]:
        """Actors named in the sentence: table entries, then NER persons and orgs."""
        found: list[tuple[SpacySpan, Actor]] = []
        taken: set[int] = set()
        for m in self.table.scan(unit.text):
            tokens = unit.tokens_at(unit.start + m.start, unit.start + m.end)
            actor = self.table.resolve(m.text)
            if tokens is None or actor is None:
                continue
            found.append((tokens, _at(actor, unit, tokens)))
            taken.update(range(tokens.start, tokens.end))
        for ent in unit.sent.ents:
            if ent.label_ in PERSON_LABELS | ORG_LABELS and not taken & set(
                range(ent.start, ent.end)
            ):
                kind = "person" if ent.label_ in PERSON_LABELS else "org"
                found.append((ent, _at(Actor(name=ent.text, text=ent.text, kind=kind), unit,
                                       ent)))
        found.extend(self._titles_in(unit, found))
        return sorted(found, key=lambda f: f[0].start)

    def remember(self, unit: Unit, actors: Sequence[tuple[SpacySpan, Actor]]) -> None:
        """Learn titles and the last person from a sentence already processed."""
        for tokens, actor in actors:
            if actor.kind != "person":
                continue
            self.last_person = actor
            title = _title_before(tokens)
            if title:
                self.titles.setdefault(title, actor)

    def _titles_in(
        self, unit: Unit, found: Sequence[tuple[SpacySpan, Actor]]
    ) -> list[tuple[SpacySpan, Actor]]:
        out = []
        lower = unit.text.lower()
        for title, actor in self.titles.items():
            at = lower.find(title)
            if at < 0:
                continue
            tokens = unit.tokens_at(unit.start + at, unit.start + at + len(title))
            if tokens is None or any(t[0].start <= tokens.end <= t[0].end for t in found):
                continue
            nxt = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN":
                continue
            out.append((tokens, _at(actor, unit, tokens)))
        return out

    def speaker(self, unit: Unit, act: SpeechAct) -> Actor | None:
        """The actor behind a speech act (pronouns take the last person)."""
        if act.pronoun:
            if self.last_person is None:
                return None
            span = unit.span_of(act.speaker or act.verb)
            return replace(self.last_person, text=span.text, start=span.start, end=span.end)
        if act.speaker is None:
            return None
        phrase = act.speaker
        inside = [a for t, a in self.actor_spans(unit)
                  if t.start >= phrase.start and t.end <= phrase.end]
        person = next((a for a in inside if a.kind == "person"), None)
        span = unit.span_of(phrase)
        if person is not None:
            role = _role(phrase, person)
            return replace(person, role=role or person.role, text=span.text,
                           start=span.start, end=span.end)
        whole = self.table.resolve(phrase.text)
        if whole is not None:
            return replace(whole, text=span.text, start=span.start, end=span.end)
        return Actor(name=speaker_name(phrase), text=span.text, kind="group",
                     start=span.start, end=span.end)

    def attribution(self, unit: Unit, act: SpeechAct) -> Attribution | None:
        """The attribution a speech act gives to the reports of its sentence."""
        actor = self.speaker(unit, act)
        if actor is None:
            return None
        doc = unit.sent.doc
        span = unit.span_of(doc[act.start : act.end])
        return Attribution(actor.name, span.text, span.start, span.end)


def closest_actor(
    trigger: SpacySpan,
    actors: Sequence[tuple[SpacySpan, Actor]],
    exclude: Sequence[SpacySpan] = (),
    kinds: frozenset[str] = frozenset({"state", "force", "org", "group", "person"}),
) -> Actor | None:
    """The actor nearest the trigger in the parse, within ``MAX_ACTOR_PATH`` arcs."""
    best: tuple[int, int, Actor] | None = None
    for tokens, actor in actors:
        if actor.kind not in kinds or any(e.start <= tokens.start < e.end for e in exclude):
            continue
        if tokens.start <= trigger.start < tokens.end:
            continue
        path = path_length(trigger.root, tokens.root)
        if path > MAX_ACTOR_PATH:
            continue
        gap = min(abs(tokens.start - trigger.end), abs(trigger.start - tokens.end))
        if best is None or (path, gap) < best[:2]:
            best = (path, gap, actor)
    return best[2] if best else None


def _at(actor: Actor, unit: Unit, tokens: SpacySpan) -> Actor:
    span = unit.span_of(tokens)
    return replace(actor, text=span.text, start=span.start, end=span.end)


def _title_before(tokens: SpacySpan) -> str | None:
    """Lower-cased title words just before a name ("président américain")."""
    doc = tokens.doc
    i = tokens.start - 1
    words = []
    while i >= 0 and doc[i].pos_ in _TITLE_POS and not doc[i].ent_type_ and len(words) < 3:
        if doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN":
            break
        words.insert(0, doc[i].text.lower())
        i -= 1
    if not words or len(" ".join(words)) < 6:
        return None
    return " ".join(words)


def _role(phrase: SpacySpan, person: Actor) -> str | None:
    """The words of the speaker phrase that are not the name ("the clinic's CEO")."""
    text = phrase.text
    at = text.find(person.text) if person.text else -1
    if at < 0:
        return None
    rest = (text[:at] + " " + text[at + len(person.text) :]).strip(" ,")
    rest = " ".join(rest.replace(" ,", ",").split())
    return rest or None
