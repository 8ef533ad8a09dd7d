"""Actors of an event and speakers of quotes, resolved through the actor table.

``Parties`` holds what one article has taught so far: the last person named or heard
(for "she said", "a-t-il ajouté") and the titles seen in front of names ("le président
américain Donald Trump"), so that a later bare title ("Le président américain doit
rencontrer…") resolves to the same person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Protocol

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitroom.extract.figures import leader_hit
from sitroom.extract.marks import quoted
from sitroom.extract.offices import holder, office_of, titled
from sitroom.extract.speech import SUBJECT_DEPS, SpeechAct, speaker_name
from sitroom.extract.units import (
    CASUALTY_LEMMAS,
    DEFINITE,
    PERSON_LABELS,
    PLACE_LABELS,
    Unit,
    path_length,
)
from sitroom.resolve.gazetteer import data_lines
from sitroom.types import Actor, ActorKind, Mention

ORG_LABELS = frozenset({"ORG"})
MAX_ACTOR_PATH = 4
_TITLE_POS = frozenset({"NOUN", "ADJ", "PROPN"})
_PLACE_NOUNS = frozenset(
    {
        "capital", "city", "cities", "town", "towns", "village", "villages", "settlement",
        "settlements", "region", "regions", "territory", "territories", "country", "oblast",
        "soil", "capitale", "ville", "villes", "région", "régions", "territoire",
        "territoires", "pays", "sol", "localité", "localités", "peninsula", "péninsule",
        "province", "provinces", "border", "frontière", "coast", "côte", "port",
    }
)  # fmt: skip
_VICTIM_NOUNS = frozenset(
    [
        "dead",
        "deaths",
        "victims",
        "civilians",
        "casualties",
        "wounded",
        "injured",
        "morts",
        "victimes",
        "civils",
        "tués",
        "blessés",
    ]
)
_POSSESSIVES = frozenset({"its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs"})
_DOER_KINDS = frozenset({"state", "force", "group"})
_RELATIVES = frozenset({"who", "which", "that", "qui", "que", "lequel", "laquelle"})
_NAMING_POS = frozenset({"NOUN", "PROPN", "PRON"})
_FORCE_NOUNS = frozenset(
    {"forces", "troops", "army", "military", "soldiers", "troupes", "armée", "soldats"}
)
_SIDE_NOUNS = _FORCE_NOUNS | {
    "regime", "government", "authorities", "leadership", "régime", "gouvernement", "autorités"
}  # fmt: skip
_NOT_PEOPLE = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "MISC"})


# How many sentences back the last speaker is still who an unnamed voice means: the body
# behind "it said" or "the statement", the person behind a bare title ("le Premier
# ministre").
VOICE_REACH = 2


class ActorLookup(Protocol):
    """What extraction needs of the actor table."""

    def scan(self, text: str) -> list[Mention]: ...

    def resolve(self, text: str) -> Actor | None: ...

    def abbreviations(self, name: str) -> tuple[str, ...] | None: ...


@dataclass
class Parties:
    """Actor resolution for one article, with its memory of people and titles."""

    table: ActorLookup
    metonym: Callable[[str], Actor | None] = lambda _text: None
    last_person: Actor | None = None
    last_body: Actor | None = None  # the last organisation, state or force: what "it" is
    titles: dict[str, Actor] = field(default_factory=dict)
    surnames: dict[str, Actor] = field(default_factory=dict)  # "Gnounou": Mohamad Gnounou
    given: dict[str, Actor] = field(default_factory=dict)  # "Anastasia": Anastasia Leonova
    officials: list[Actor] = field(default_factory=list)  # people named, with a known role
    acronyms: dict[str, Actor] = field(default_factory=dict)  # "MoD" after "… (MoD)"
    # people the text describes in apposition: "The prosecutor, Svetlana Tarasova,"
    described: list[tuple[int, frozenset[str], Actor]] = field(default_factory=list)
    bodies: list[Actor] = field(default_factory=list)  # organisations named, in order
    author: Actor | None = None  # who wrote the last study or report the text introduced
    article_text: str = ""
    _ahead: list[Actor] | None = None
    _titled: list[Actor] | None = None
    _spoke: tuple[int, Actor] | None = None  # the last person speaker, with its sentence
    _voice: tuple[int, Actor] | None = None  # the last named speaker of any kind

    def expect(self, text: str) -> None:
        """Note the article's text: an office named before its holder ("le président
        ukrainien a accusé ... M. Zelensky") is looked up in all of it, once, when one is."""
        self.article_text, self._ahead, self._titled = text, None, None

    @property
    def ahead(self) -> list[Actor]:
        """The officials the whole article names, in text order (read on first use)."""
        if self._ahead is None:
            found = (self.table.resolve(m.text) for m in self.table.scan(self.article_text))
            self._ahead = [p for p in found if p is not None and p.kind == "person" and p.role]
        return self._ahead

    @property
    def titled_ahead(self) -> list[Actor]:
        """People the article names with an office word just before the name ("le
        président Farmajo", "defence minister Rustem Umerov"), with that office, in text
        order."""
        if self._titled is None:
            self._titled = []
            for (office, country), name in titled(self.article_text, self.table.resolve):
                known = self.table.resolve(name)
                role = f"{office} of"
                if known is not None and (
                    known.kind != "person" or (known.role or "").startswith(role)
                ):
                    continue  # no person, or a table official ``ahead`` already finds
                # the article's own title wins over the table's: offices change hands
                person = known or Actor(name=name, text=name, kind="person")
                self._titled.append(replace(person, role=role, country=country or person.country))
            # a state one title names is the person's in all ("German defence minister
            # Boris Pistorius" and, earlier, "defence minister Boris Pistorius")
            states = {p.name: p.country for p in reversed(self._titled) if p.country}
            self._titled = [replace(p, country=states.get(p.name)) for p in self._titled]
        return self._titled

    def _titled_holder(self, office: tuple[str, str | None]) -> Actor | None:
        """The first person the article titles with ``office`` (of another state than
        the phrase's only when the title names none)."""
        name, country = office
        for person in self.titled_ahead:
            if person.role != f"{name} of":
                continue
            if country is not None and person.country not in (None, country):
                continue
            return person
        return None

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
            if len(ent) > 1 and ent[-1].lower_ in ("'s", "’s"):
                # "Boris Pistorius’s comments": Boris Pistorius
                ent = SpacySpan(ent.doc, ent.start, ent.end - 1, label=ent.label_)
            if ent.label_ in PERSON_LABELS and ent.start > unit.sent.start:
                before = ent.doc[ent.start - 1]
                if before.text in given_names():  # "Natalia" read as a place, "Naumenko"
                    ent = SpacySpan(ent.doc, ent.start - 1, ent.end, label=ent.label_)
            # a given name alone is a person's whatever its label ("Galina" read as a
            # place): the list leaves out names that are places too
            first_name = (
                len(ent) == 1
                and ent[0].pos_ == "PROPN"
                and ent.text in given_names()
                and not (ent.end < len(ent.doc) and ent.doc[ent.end].text[:1].isupper())
            )
            if (ent.label_ in PERSON_LABELS | ORG_LABELS or first_name) and not taken & set(
                range(ent.start, ent.end)
            ):
                person = (
                    first_name
                    or ent.label_ in PERSON_LABELS
                    or _aged(ent)
                    or _honorific_before(ent)
                    or (len(ent) == 1 and ent.text in self.surnames)
                    or _given_name_first(ent)
                )
                kind: ActorKind = "person" if person else "org"
                actor = Actor(name=ent.text, text=ent.text, kind=kind)
                if not person and ent.text in self.acronyms:
                    actor = self.acronyms[ent.text]
                if kind == "person":  # "M. Aksionov": Sergueï Aksionov, named in full before
                    actor = self._full_name(actor)
                found.append((ent, _at(actor, unit, ent)))
        found.extend(
            self._capital_sides(unit, taken | {i for t, _ in found for i in range(t.start, t.end)})
        )
        titled = self._titles_in(unit, found)
        if titled:
            found = [
                f
                for f in found
                if f[1].kind == "person"
                or not any(t.start <= f[0].start < t.end for t, _ in titled)
            ]
            found.extend(titled)
        return sorted(found, key=lambda f: f[0].start)

    def _capital_sides(self, unit: Unit, taken: set[int]) -> list[tuple[SpacySpan, Actor]]:
        """A capital's forces or regime stand for its state's: "Kyiv's forces" are the
        Armed Forces of Ukraine, "the Kyiv regime" Ukraine."""
        out = []
        doc = unit.sent.doc
        for ent in unit.sent.ents:
            if ent.label_ not in PLACE_LABELS or taken & set(range(ent.start, ent.end)):
                continue
            after = doc[ent.end : min(ent.end + 2, unit.sent.end)]
            if after and after[0].lower_ in ("'s", "’s"):
                after = after[1:]
            before = doc[max(ent.start - 2, unit.sent.start) : ent.start]
            if after and after[0].lower_ in _SIDE_NOUNS:  # "Kyiv's forces"
                noun, tokens = after[0], doc[ent.start : after[0].i + 1]
            elif len(before) == 2 and before[1].lower_ in ("de", "d'", "d’"):
                noun, tokens = before[0], doc[before[0].i : ent.end]  # "les forces de Kiev"
            else:
                continue
            if noun.lower_ not in _SIDE_NOUNS:
                continue
            state = self.metonym(ent.text)
            if state is None or state.kind != "state":
                continue
            if noun.lower_ in _FORCE_NOUNS:
                state = self.table.resolve(f"{state.name}'s forces") or state
            out.append((tokens, _at(state, unit, tokens)))
        return out

    def remember(self, unit: Unit, actors: Sequence[tuple[SpacySpan, Actor]]) -> None:
        """Learn titles, the last person and the last body from a sentence already
        processed. The person "he" or "a-t-il" means next is the sentence's speaker, else
        its last person in the place of a subject, else its last person: in "X a insisté,
        oubliant sa fenêtre de dialogue avec Poutine", X."""
        people: list[tuple[SpacySpan, Actor]] = []
        for tokens, actor in actors:
            if _credit(tokens):
                continue  # "(AA Photo)": not who "he said" is
            if actor.kind != "person":
                acronym = _acronym_after(tokens)
                if acronym is not None and actor.kind != "group":
                    # "the British Ministry of Defence (MoD)": "the MoD" is that ministry
                    self.acronyms.setdefault(acronym, actor)
                if actor.name in self.acronyms:
                    continue  # the acronym in brackets, read before it was known: its body
                if actor.kind in ("org", "state", "force") and tokens.root.pos_ == "PROPN":
                    self.last_body = actor
                if actor.kind == "org":
                    self.bodies.append(actor)
                continue
            people.append((tokens, actor))
            role = _apposed_role(tokens)
            if role:
                self.described.append((unit.index, role, actor))
            if actor.role and actor.wikidata:
                self.officials.append(actor)
            title = _title_before(tokens)
            if title:
                self.titles.setdefault(title, actor)
            words = actor.name.split()
            if len(words) > 1:
                self.surnames.setdefault(words[-1], actor)
                # people of the story go by their first name, and so, in a quote, may a
                # leader ("chaque fois que je parle à Vladimir")
                self.given.setdefault(words[0], actor)
        self.author = self._author(unit, actors) or self.author
        if self._spoke is not None and self._spoke[0] == unit.index:
            self.last_person = self._spoke[1]
        elif outside := [(t, a) for t, a in people if not quoted(t.root)]:
            # a person a quote names is not whom "a-t-il" means after it ("Bachar al-Assad
            # fait la guerre à son peuple (…) », a-t-il déclaré)
            subjects = [a for t, a in outside if _subject_name(t)]
            self.last_person = subjects[-1] if subjects else outside[-1][1]

    def _author(self, unit: Unit, actors: Sequence[tuple[SpacySpan, Actor]]) -> Actor | None:
        """Who wrote a study or report the sentence introduces: "a report by Human Rights
        Watch", "un rapport d'Amnesty International", "Pavel Baev wrote in a November
        report", "Amnesty a publié un rapport" (the writer named as the subject, or heard
        as the sentence's speaker). A report the sentence refers back to ("the report")
        introduces no one."""
        for word in unit.sent:
            if word.pos_ != "NOUN" or word.lemma_.lower() not in _REPORTS:
                continue
            if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in word.children):
                continue
            by = _by_whom(word)
            verb = (
                word.head.head
                if word.dep_ == "pobj" and word.head.lower_ in _IN
                else word.head
                if word.dep_ in ("dobj", "obj")
                else None
            )
            if verb is not None and verb.lemma_.lower() in _WRITE:
                by += [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            for head in by:
                actor = next((a for t, a in actors if t.start <= head.i < t.end), None)
                if actor is None and verb is not None and head.head == verb:
                    spoke = self._spoke
                    if spoke is not None and spoke[0] == unit.index:
                        actor = spoke[1]
                if actor is not None:
                    return actor
        return None

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
            if tokens is None or any(
                t.start < tokens.end and tokens.start < t.end
                for t, a in found
                if a.kind == "person"
            ):
                continue
            nxt = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN":
                continue
            out.append((tokens, _at(actor, unit, tokens)))
        return out

    def speaker(self, unit: Unit, act: SpeechAct) -> Actor | None:
        """The actor behind a speech act (pronouns take the last person; "it" the last
        body; a French "il"/"elle" the speaker of this sentence or the one before, body or
        person: '"…", détaille l'état-major. Mais "…", affirme-t-il')."""
        if act.pronoun:
            word = act.speaker.text.lower() if act.speaker is not None else ""
            it = word == "it"
            referent = self.last_body if it else self.last_person
            english = word in ("he", "she", "it", "they")
            if self._voice is not None and unit.index - self._voice[0] <= 1 and not english:
                referent = self._voice[1]
                # still speaking: "poursuit le communiqué" two sentences on is its
                self._voice = (unit.index, referent)
            elif it or word in _PLURAL_PRONOUNS:
                # "it said" after "The IAEA said Friday…" and a sentence naming two
                # states: the body that spoke; "they said in a statement" after "Ukrainian
                # police said…" too, and "ont-ils déclaré" after "Les dirigeants du G7 ont
                # accusé…"
                referent = self._body_that_spoke(unit) or referent
            if referent is None:
                return None
            span = unit.span_of(act.speaker or act.verb)
            return replace(referent, text=span.text, start=span.start, end=span.end)
        if act.speaker is None or not any(
            t.pos_ in _NAMING_POS or t.ent_type_ in PERSON_LABELS for t in act.speaker
        ):
            return None  # a misread phrase ('"Le', "a été") names nobody
        actor = self._phrase_actor(unit, act.speaker)
        if actor.kind == "person":
            actor = self._full_name(actor)
            self.last_person = actor
            self._spoke = (unit.index, actor)
        elif self._unknown_body(actor) and (body := self._body_named(unit, act.speaker)):
            span = unit.span_of(act.speaker)
            actor = replace(body, text=span.text, start=span.start, end=span.end)
        elif actor.kind == "group" and (issuer := self._issuer(unit, act.speaker)) is not None:
            span = unit.span_of(act.speaker)
            actor = replace(issuer, text=span.text, start=span.start, end=span.end)
        self._voice = (unit.index, actor)
        return actor

    def _issuer(self, unit: Unit, phrase: SpacySpan) -> Actor | None:
        """Who a statement named as the speaker comes from: "selon un communiqué de son
        bureau", "his statement" -> the person named before; "poursuit le communiqué" ->
        the body that spoke just before ("détaille l'état-major"), else the body named
        before."""
        root = phrase.root
        if root.lemma_.lower() in _REPORTS:  # "the report says": its author
            return self.author if _definite(phrase) else None
        if root.lemma_.lower() not in _DOCUMENTS:
            return None
        if any(t.lower_ in _HIS_OR_HER for t in phrase.subtree):
            return self.last_person
        by = _written_by(phrase)
        if by is not None:  # "un communiqué du ministère de la défense": the ministry
            return self._phrase_actor(unit, by)
        return self._body_that_spoke(unit) or self.last_body

    def _body_that_spoke(self, unit: Unit) -> Actor | None:
        """The last speaker, when it is no person and spoke at most ``VOICE_REACH``
        sentences before ``unit``."""
        voice = self._voice
        if voice is None or unit.index - voice[0] > VOICE_REACH:
            return None
        return voice[1] if voice[1].kind != "person" else None

    def _unknown_body(self, actor: Actor) -> bool:
        """A speaker phrase that names no actor of the table: a group of words, or an
        organisation only the tagger found ("the MoD")."""
        return actor.kind == "group" or (
            actor.kind == "org" and self.table.abbreviations(actor.name) is None
        )

    def _body_named(self, unit: Unit, phrase: SpacySpan) -> Actor | None:
        """The body a one-word speaker phrase names: "the ministry said", "selon le
        ministère": the body named before by a name with that word ("Britain's Ministry of
        Defence"); "the commissioners said": the last organisation named with a name whose
        word their word is made of (the Commission of Inquiry: "commission" + "ers"); "the
        MoD said": the body named before that the acronym ends one of the abbreviations of
        ("UK MoD"); "the company said": the company that spoke just before, else the one
        named last."""
        words = [t for t in phrase if t.lower_ not in DEFINITE]
        if len(words) != 1:
            return None
        body, head = self.last_body, words[0]
        abbreviations = (self.table.abbreviations(body.name) if body else None) or ()
        if any(a.split()[-1] == head.text for a in abbreviations):
            return body
        word = head.lower_
        if head.pos_ != "NOUN" or len(word) <= 3:
            return None
        if word in _COMPANY_NOUNS:
            body = self._body_that_spoke(unit) or body
            return body if body is not None and body.kind == "org" else None
        if word in _GROUP_NOUNS:
            # "a indiqué le mouvement" after the STC spoke, "selon le quotidien" after the
            # Global Times: the organisation or group that spoke just before, else the
            # last one named; never a state or a force ("the group" is no army)
            body = self._body_that_spoke(unit) or body
            return body if body is not None and body.kind in ("org", "group") else None
        if body is not None and word in body.name.lower().split():
            return body
        return next(
            (
                b
                for b in reversed(self.bodies)
                if any(len(w) >= 6 and word == f"{w}ers" for w in b.name.lower().split())
            ),
            None,
        )

    def _full_name(self, actor: Actor) -> Actor:
        """A person named by surname alone ("M. Gnounou") is the one named in full before;
        so is one named by first name alone ("Anastasia says"), as features name people of
        the story."""
        words = [w for w in actor.name.split() if w.lower() not in _HONORIFICS]
        known = self._named_before(words[0]) if len(words) == 1 else None
        if known is None or actor.wikidata:
            return actor
        return replace(known, text=actor.text, start=actor.start, end=actor.end)

    def _named_before(self, word: str) -> Actor | None:
        """The person named in full before whose surname or first name ``word`` is."""
        return self.surnames.get(word) or self.given.get(word)

    def office_holders(
        self, unit: Unit, actors: Sequence[tuple[SpacySpan, Actor]]
    ) -> list[tuple[SpacySpan, Actor]]:
        """``actors`` with a state named by its office's adjective read as the person who
        holds that office, when the article named them before: in "le président français
        a rencontré…" or "the French president met…", after Emmanuel Macron was named,
        Macron meets, not France."""
        out = []
        for tokens, actor in actors:
            head = tokens.root.head
            if actor.kind == "state" and tokens.root.dep_ == "amod":
                phrase = head.doc[head.left_edge.i : max(head.i + 1, tokens.end)]
                official = self._office_holder(unit, phrase, expected=False)
                if official is not None:
                    out.append((phrase, official))
                    continue
            out.append((tokens, actor))
        return out

    def _office_holder(self, unit: Unit, phrase: SpacySpan, *, expected: bool) -> Actor | None:
        """The person named before who holds the office ``phrase`` names ("le président
        ukrainien": Zelensky), as written there; with ``expected``, else the last such
        official the whole article names (``ahead``)."""
        office = office_of(phrase.text, self.table.resolve)
        if office is None:
            return None
        official = holder(office, self.officials)
        if official is None and expected:
            official = holder(office, self.ahead[::-1])
        if official is None and expected:  # "le président somalien", then "le président
            official = self._titled_holder(office)  # Farmajo"
        if official is None and expected and office[1] is None:
            official = self._untitled_speaker(unit)
        if official is None:
            return None
        span = unit.span_of(phrase)
        return replace(official, text=span.text, start=span.start, end=span.end)

    def _described_as(self, unit: Unit, phrase: SpacySpan) -> Actor | None:
        """The person described in apposition, at most ``DESCRIBED_REACH`` sentences
        before, by the noun of a bare definite role phrase: "the prosecutor" after "The
        prosecutor, Svetlana Tarasova,"; "l'analyste" after "Alexandre Baounov, analyste au
        centre Carnegie". Not "one official" or "the official from British intelligence"."""
        words = _definite(phrase)
        if len(words) != 2 or words[1].pos_ != "NOUN":
            return None
        if "Plur" in words[1].morph.get("Number", []):
            return None
        word = words[1].lower_
        for at, role, actor in reversed(self.described):
            if unit.index - at > DESCRIBED_REACH:
                break
            if word in role or (len(word) >= 6 and any(w.startswith(word) for w in role)):
                return actor
        return None

    def _former(self, phrase: SpacySpan) -> Actor | None:
        """A definite phrase of a past role ("l'ancien leader travailliste", "the former
        prime minister") that names no one: the person the article last named, whom such
        phrases describe rather than introduce."""
        words = _definite(phrase)
        if len(words) < 3 or words[1].lower_ not in _FORMER:
            return None
        return self.last_person

    def _untitled_speaker(self, unit: Unit) -> Actor | None:
        """The person who spoke in the last two sentences, when the table gives them no
        office: "a déclaré Jean Castex" then "a souligné le Premier ministre" names the
        same man by his title."""
        spoke = self._spoke
        if spoke is None or unit.index - spoke[0] > VOICE_REACH or spoke[1].role:
            return None
        return spoke[1]

    def _group_of(self, members: Token) -> Actor | None:
        """The group that leaders counted by their number make: "les sept dirigeants" are
        the G7's, "the twenty leaders" the G20's."""
        counts = [c.lower_ for c in members.children if c.dep_ == "nummod"]
        group = _GROUPS_OF.get(counts[0]) if len(counts) == 1 else None
        return self.table.resolve(group) if group else None

    def _phrase_actor(self, unit: Unit, phrase: SpacySpan) -> Actor:
        phrase = _before_time_phrase(phrase)
        span = unit.span_of(phrase)
        inside = [
            (t, a)
            for t, a in self.actor_spans(unit)
            if t.start >= phrase.start and t.end <= phrase.end
        ]
        spokesman = _speaks_for(phrase)  # the name in the phrase is whom he speaks for
        people = [
            (t, a)
            for t, a in inside
            if a.kind == "person" and not (spokesman and t.start > phrase.root.i)
        ]
        # the person the phrase is about: "Zelenskyy's chief of staff Andriy Yermak"
        heading = [a for t, a in people if _heads(t, phrase.root)]
        people = [(t, a) for t, a in people if not _owner_only(t, phrase.root)]
        person = heading[0] if heading else people[0][1] if people else None
        if person is not None:
            return replace(
                person,
                role=_role(phrase, person) or person.role,
                text=span.text,
                start=span.start,
                end=span.end,
            )
        root = phrase.root
        covering = next((a for t, a in inside if t.start <= root.i < t.end), None)
        if covering is not None:
            return replace(covering, text=span.text, start=span.start, end=span.end)
        official = None
        if root.lower_ not in _SPOKESMEN:  # a spokesman holds no office the table lists
            official = self._office_holder(unit, _with_words_after(phrase), expected=True)
        if official is not None:  # "le président ukrainien": Zelensky, named before
            return official
        body = next((a for t, a in inside if a.kind in _DOER_KINDS and len(t) > 1), None)
        if body is None and root.lower_ in _MEMBERS:
            # "les dirigeants du G7", "les sept dirigeants" (the G7); not "les chefs de la
            # diplomatie française", which names three states
            sits = [a for _, a in inside if a.kind in ("org", *_DOER_KINDS)]
            if len(sits) == 1:
                body = sits[0]
            elif not sits:
                body = self._group_of(root)
        if body is not None:  # "les forces du Gouvernement d'union nationale (GNA)"
            return replace(body, text=span.text, start=span.start, end=span.end)
        if root.ent_type_ in PLACE_LABELS:
            state = self.metonym(phrase.text)
            if state is not None:
                return replace(state, text=span.text, start=span.start, end=span.end)
        named = None
        if root.ent_type_ not in _NOT_PEOPLE and not spokesman:
            named = _appositive_name(phrase)
        if named is None and not root.text[:1].isupper() and not spokesman:
            named = _name_after(unit, phrase)
        if named is not None:
            name, role = named
            return Actor(
                name=name, text=span.text, kind="person", role=role, start=span.start, end=span.end
            )
        described = self._described_as(unit, phrase) or self._former(phrase)
        if described is not None:  # "said the linguist": Yuri Khomyakov, "an FSB linguist"
            return replace(described, text=span.text, start=span.start, end=span.end)
        name = speaker_name(phrase)
        known = self._named_before(name)
        if known is not None:  # "confie Nassima", the model seeing no person: Nassima Ahmed
            return replace(known, text=span.text, start=span.start, end=span.end)
        return Actor(name=name, text=span.text, kind="group", start=span.start, end=span.end)


_PLURAL_PRONOUNS = frozenset({"they", "ils", "elles", "-ils", "-elles", "-t-ils", "-t-elles"})
# Leaders counted by the group they make: "les sept dirigeants", "the seven leaders".
_GROUPS_OF = {"sept": "G7", "seven": "G7", "7": "G7", "vingt": "G20", "twenty": "G20"}
# The people who sit for a body and speak for it together: "les dirigeants du G7", "the
# leaders of the G7" (a body of one word, taken for these only, and only when they name
# one body).
_MEMBERS = frozenset({"dirigeants", "leaders", "membres", "members"})


def _by_whom(word: Token) -> list[Token]:
    """The heads of the phrases that say whose ``word`` is: "a report by Human Rights
    Watch", "un communiqué du ministère" (English "by X" first, then French "de X")."""
    english = [
        g
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in _BY
        for g in c.children
        if g.dep_ == "pobj"
    ]
    french = [
        c
        for c in word.children
        if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in _BY for g in c.children)
    ]
    return english + french


def _written_by(phrase: SpacySpan) -> SpacySpan | None:
    """Who a document phrase names as its writer: "a statement by the ministry", "un
    communiqué du ministère nigérien de la défense": the words after "by", "de" or "du"."""
    root = phrase.root
    doc = phrase.doc
    for head in _by_whom(root):
        if not root.i < head.i < phrase.end:
            continue
        start = head.left_edge.i
        while doc[start].dep_ in ("case", "prep") and start < head.i:
            start += 1  # "du ministère": the ministry
        return doc[start : min(head.right_edge.i + 1, phrase.end)]
    return None


# How many sentences back a role given in apposition still names its person.
DESCRIBED_REACH = 8
_FORMER = frozenset({"ancien", "ancienne", "former", "ex"})


def _definite(phrase: SpacySpan) -> list[Token]:
    """The words of a phrase that opens with a definite article ("the linguist",
    "l'ancien chef du parti"), punctuation left out; none for any other phrase."""
    words = [t for t in phrase if not t.is_punct]
    return words if words and words[0].lower_ in DEFINITE else []


def _apposed_role(name: SpacySpan) -> frozenset[str]:
    """The nouns of a role set in apposition to a name: "Svetlana Tarasova" in "The
    prosecutor, Svetlana Tarasova," or "Yuri Khomyakov, an FSB linguistic expert"."""
    root = name.root
    inside = range(name.start, name.end)
    role: Token | None
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        role = root.head
    else:
        role = next(
            (
                c
                for c in root.children
                if c.dep_ == "appos" and c.i not in inside and c.pos_ == "NOUN"
            ),
            None,
        )
    if role is None:
        return frozenset()
    # a role before the name holds the name in its phrase: leave the name's words out
    skip = (set(inside) | {t.i for t in root.subtree}) if role is root.head else set(inside)
    return frozenset(
        t.lower_ for t in role.subtree if t.i not in skip and t.pos_ in ("NOUN", "ADJ")
    ) | {role.lower_}


def _acronym_after(name: SpacySpan) -> str | None:
    """ "Ministry of Defence (MoD)": the acronym in brackets right after a name, of no more
    than eight characters with two capitals at least."""
    doc = name.doc
    at = name.end
    if at + 2 >= len(doc) or doc[at].text != "(" or doc[at + 2].text != ")":
        return None
    word = doc[at + 1].text
    return word if len(word) <= 8 and sum(c.isupper() for c in word) >= 2 else None


def _subject_name(tokens: SpacySpan) -> bool:
    """True if the name stands in a subject (or a phrase in apposition to one): not in an
    object or after a preposition."""
    token = tokens.root
    for _ in range(4):
        if token.dep_ in SUBJECT_DEPS:
            return True
        if (
            token.dep_ not in ("appos", "flat", "flat:name", "compound", "conj")
            or token.head is token
        ):
            return False
        token = token.head
    return False


@cache
def given_names() -> frozenset[str]:
    """Given names that start a person's name (``resolve/data/given_names.txt``)."""
    return frozenset(word for line in data_lines("given_names.txt") for word in line.split())


def _given_name_first(ent: SpacySpan) -> bool:
    """A name of two or three capitalised words led by a given name is a person's, whatever
    label the model gave it ("Natalia Humeniuk" read as an organisation)."""
    words = [t.text for t in ent]
    return (
        2 <= len(words) <= 3
        and words[0] in given_names()
        and all(w[:1].isupper() for w in words[1:])
    )


# How many words the parser may have cut off an office's phrase ("le numéro | un chinois").
_CUT_WORDS = 2


def _with_words_after(phrase: SpacySpan) -> SpacySpan:
    """``phrase`` with the lower-case words that follow it up to a punctuation mark, when
    there are at most ``_CUT_WORDS`` of them: "a ajouté le numéro un chinois, alors que…",
    parsed as "le numéro" and "un chinois", is one office."""
    doc, end = phrase.doc, phrase.end
    sent_end = phrase.sent.end
    while end < sent_end and end - phrase.end <= _CUT_WORDS and doc[end].is_lower:
        end += 1
    if end - phrase.end > _CUT_WORDS or (end < sent_end and not doc[end].is_punct):
        return phrase
    return doc[phrase.start : end]


def _owner_only(tokens: SpacySpan, root: Token) -> bool:
    """Whether a name inside a speaker phrase only says whose the speaker is: "one of
    Zelensky's closest aides", "un proche de Zelensky" are aides, not Zelensky."""
    own = tokens.root
    if tokens.start <= root.i < tokens.end:
        return False
    if own.dep_ == "poss":
        return True
    return own.dep_ == "nmod" and own.head.lemma_.lower() in _RETINUE


# Nouns of the people around a leader, who speak for themselves.
_RETINUE = frozenset(
    {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "proche", "proches",
     "conseiller", "conseillers", "conseillère", "entourage", "collaborateur",
     "collaborateurs", "ally", "allies", "allié", "alliés", "associate", "associates"}
)  # fmt: skip


def _heads(tokens: SpacySpan, root: Token) -> bool:
    """Whether a name is what a phrase with this root is about: the root itself, or a
    name set beside it ("chief of staff Andriy Yermak")."""
    own = tokens.root
    return tokens.start <= root.i < tokens.end or (own.dep_ == "appos" and own.head.i == root.i)


def _honorific_before(ent: SpacySpan) -> bool:
    """ "Mr Pistorius", "Mme Merkel": a person, whatever the tagger said."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _HONORIFICS


def _aged(ent: SpacySpan) -> bool:
    """A name followed by an age is a person's, whatever the tagger said: "said Yevgenia
    Antoniuk, 43", "Oleg, 52, ..."."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    return (
        len(after) >= 2
        and after[0].text == ","
        and after[1].like_num
        and after[1].text.isdigit()
        and 12 <= int(after[1].text) <= 110
        and (len(after) == 2 or after[2].is_punct)
    )


def _credit(ent: SpacySpan) -> bool:
    """A photo credit or a byline, not somebody in the story: "(AA Photo)", "Photo:
    Reuters", "Par Will Vernon" opening a paragraph."""
    doc = ent.doc
    if ent.start == 1 and doc[0].lower_ in ("by", "par"):
        return True
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(ent.start - 2, 0) : ent.start]]
    return (
        ent[-1].lower_ in ("photo", "photos")
        or after in ("photo", "photos")
        or before[-2:] in (["photo", ":"], ["photo", "by"], ["photos", ":"])
    )


def closest_actor(
    triggers: Sequence[SpacySpan],
    actors: Sequence[tuple[SpacySpan, Actor]],
    exclude: Sequence[SpacySpan] = (),
) -> Actor | None:
    """The actor nearest any of the triggers in the parse, within ``MAX_ACTOR_PATH`` arcs."""
    best: tuple[int, int, Actor] | None = None
    for tokens, actor in actors:
        if any(e.start <= tokens.start < e.end for e in exclude):
            continue
        for trigger in triggers:
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
    words: list[str] = []
    while i >= 0 and doc[i].pos_ in _TITLE_POS and not doc[i].ent_type_ and len(words) < 3:
        if doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN":
            break
        words.insert(0, doc[i].text.lower())
        i -= 1
    if not words or len(" ".join(words)) < 6:
        return None
    return " ".join(words)


# A statement named as the speaker: its issuer speaks (see ``Parties._issuer``).
_DOCUMENTS = frozenset({"communiqué", "statement", "déclaration", "release", "publication"})
# documents written by someone the text names: "the report says" quotes its author
_REPORTS = frozenset({"report", "study", "paper", "analysis", "rapport", "étude", "analyse"})
_BY = frozenset({"by", "par", "de", "d'", "d’", "du", "des"})
_IN = frozenset({"in", "dans"})
_COMPANY_NOUNS = frozenset({"company", "firm", "operator", "société", "entreprise", "opérateur"})
# words by which a text refers back to a paper, an agency, a movement or a group it named
_GROUP_NOUNS = frozenset(
    {"newspaper", "daily", "agency", "group", "movement", "organisation", "organization",
     "quotidien", "journal", "hebdomadaire", "agence", "groupe", "mouvement"}
)  # fmt: skip
_WRITE = frozenset({"write", "publish", "argue", "conclude", "écrire", "publier", "conclure"})
_HIS_OR_HER = frozenset({"son", "sa", "ses", "his", "her"})
_HONORIFICS = frozenset(
    {"m.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mme", "mme.", "dr", "dr.", "mm.", "mlle"}
)


def _role(phrase: SpacySpan, person: Actor) -> str | None:
    """The words of the speaker phrase that are not the name ("the clinic's CEO")."""
    text = phrase.text
    at = text.find(person.text) if person.text else -1
    if at < 0:
        return None
    rest = (text[:at] + " " + text[at + len(person.text) :]).strip(" ,")
    words = [w for w in rest.replace(" ,", ",").split() if w.lower() not in _HONORIFICS]
    return " ".join(words).strip(" ,") or None


def _appositive_name(phrase: SpacySpan) -> tuple[str, str | None] | None:
    """Name and role of "Margaryta Maliovana, the clinic's CEO" / "le maire de la ville,
    Sergei Sobyanin": the proper-noun part is the name, the rest the role."""
    root = phrase.root
    doc = phrase.doc
    appos = [c for c in root.children if c.dep_ == "appos" and phrase.start <= c.i < phrase.end]
    if root.pos_ == "PROPN":
        name_end = min([a.left_edge.i for a in appos] + [root.i + 1])
        name = doc[
            root.left_edge.i if root.left_edge.i >= phrase.start else phrase.start : name_end
        ].text.strip(" ,")
        role = doc[appos[0].left_edge.i : appos[0].right_edge.i + 1].text if appos else None
        return name, None if appos and appos[0].like_num else role  # an age is no role
    for a in appos:
        if a.pos_ == "PROPN":
            name = doc[a.i : a.right_edge.i + 1].text.strip(" ,")
            role = doc[phrase.start : a.left_edge.i].text.strip(" ,")
            return name, speaker_role(role)
    return None


# A person's name after a role word: two or three capitalised words
# ("Stéphane Dujarric", "Jonathan Conricus", "Sayed Nasir Musawi").
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[-'’][A-ZÀ-Þa-zà-ÿ]+)?"
PERSON_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}"
# A role and, right after it, the name of who holds it: "le porte-parole de l'état-major,
# le colonel Frédéric Barbry", "le lieutenant-colonel Jonathan Conricus".
_NAME_AFTER = re.compile(
    r"\)?[\s,]*(?:(?:le|la|l['’]|the)\s*)?(?:[-a-zà-ÿ][\w'’-]*,?\s+(?:(?:le|la|l['’]|the)\s*)?){0,6}?"
    rf"(?P<name>{PERSON_NAME})\b"
)


def _name_after(unit: Unit, phrase: SpacySpan) -> tuple[str, str | None] | None:
    """The person a role phrase is followed by in apposition, with the role."""
    end = unit.span_of(phrase).end - unit.start
    m = _NAME_AFTER.match(unit.text, end)
    if m is None or "\n" in unit.text[end : m.start("name")]:
        return None
    if _NOT_APPOSED & set(unit.text[end : m.start("name")].lower().split()):
        return None  # "a déclaré le porte-parole … après un entretien entre Mme Merkel"
    return m.group("name"), speaker_role(phrase.text)


def _before_time_phrase(phrase: SpacySpan) -> SpacySpan:
    """A speaker phrase without the phrase of time the parser hung on it ("le porte-parole
    de l'exécutif allemand [après un entretien entre Mme Merkel et M. Macron]"): those
    named there were met, they do not speak."""
    root = phrase.root
    for word in phrase:
        if word.i > root.i and word.lower_ in _TIME_WORDS and word.dep_ in ("case", "prep"):
            return phrase.doc[phrase.start : word.i]
    return phrase


_TIME_WORDS = frozenset({"après", "avant", "lors", "pendant", "after", "before", "during"})
# Words after a role phrase that start another phrase, so that the name after them is not
# who holds the role.
_NOT_APPOSED = _TIME_WORDS | {"entre", "avec", "between", "with"}


def _speaks_for(phrase: SpacySpan) -> bool:
    """A spokesman's phrase that names whom he speaks for: a name in it or after it is
    that one's ("le porte-parole du premier ministre britannique Boris Johnson", "un
    porte-parole du premier ministre britannique, Boris Johnson"); not "le porte-parole
    de l'ONU Stéphane Dujarric"."""
    root = phrase.root
    return root.lower_ in _SPOKESMEN and any(
        t.lower_ in _PRINCIPALS for t in phrase if t.i > root.i
    )


_SPOKESMEN = frozenset({"porte-parole", "spokesman", "spokeswoman", "spokesperson"})
_PRINCIPALS = frozenset(
    {"ministre", "président", "présidente", "chancelier", "chancelière", "chef", "secrétaire",
     "minister", "president", "chancellor", "leader", "secretary", "premier"}
)  # fmt: skip


def speaker_role(text: str) -> str | None:
    words = text.split()
    while words and words[0].lower() in ("the", "le", "la", "l'", "les", "a", "un", "une"):
        words = words[1:]
    return " ".join(words) or None


# ---------------------------------------------------------------- actors of one event


@dataclass(frozen=True)
class EventActors:
    actor1: Actor | None = None
    actor2: Actor | None = None
    participants: tuple[Actor, ...] = ()


def event_actors(
    event_type: str,
    triggers: Sequence[SpacySpan],
    actors: Sequence[tuple[SpacySpan, Actor]],
    governing: Sequence[tuple[SpeechAct, Actor | None]],
    parties: Parties,
) -> EventActors:
    """actor1/actor2/participants of an event named by ``triggers``.

    ``governing`` are the speech acts whose clause holds the trigger, with their
    speakers: "Russia said it had seized…" makes Russia the actor of the seizure,
    "Trump said he would meet Putin" makes Trump a participant.
    """
    speakers = [a.speaker for a, _ in governing if a.speaker is not None]
    voiced = _pronoun_subject_speaker(triggers, governing)
    if event_type == "meeting":
        people = _participants(triggers, actors, speakers)
        if voiced is not None and all(_key(voiced) != _key(p) for p in people):
            people.insert(0, voiced)
        return EventActors(
            people[0] if people else None, people[1] if len(people) > 1 else None, tuple(people)
        )
    doers = [
        (t, a)
        for t, a in actors
        if (a.kind in _DOER_KINDS or (a.kind == "org" and a.wikidata)) and not _not_a_doer(t)
    ]
    blamed = _blamed(triggers, [(t, a) for t, a in actors if a.kind in _DOER_KINDS])
    if event_type in ("interception", "air_raid") and _defending(triggers):
        # "its forces shot down 29 of 38 drones": who shoots down is the defender; the
        # attacker is whose weapons they were, or who launched them ("la Russie a lancé 87
        # drones…, dont 71 ont été abattus", "drones launched by Russia")
        defences = [t for t in triggers if _defending([t])]
        launches = [t for t in triggers if t not in defences]
        inside = _subject_tokens(defences)
        rest = [(t, a) for t, a in doers if t.root.i not in inside]
        launcher = _in_subject(launches, rest) if launches else None
        return EventActors(blamed or _weapons_owner(actors) or launcher or _launcher(rest))
    actor1 = (
        blamed or voiced or _in_subject(triggers, doers) or closest_actor(triggers, doers, speakers)
    )
    if event_type == "interception":
        actor1 = _weapons_owner(actors) or actor1
    if event_type == "territory_change" and actor1 is None:
        # "Moscou a revendiqué la prise de Marioupol": who claims a capture made it
        actor1 = next((a for _, a in governing if a is not None and a.kind in _DOER_KINDS), None)
    participants: tuple[Actor, ...] = ()
    if event_type == "sanction":
        participants = tuple(a for _, a in actors if a.kind == "org")
        subject = _subject_actor(triggers[0], actors, parties)
        actor1 = subject or voiced or parties.last_person
    return EventActors(actor1, None, participants)


_WEAPON_NOUNS = frozenset(
    {
        "drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets",
        "shahed", "shaheds", "roquette", "roquettes", "aircraft", "jets", "helicopter",
        "helicopters",
    }
)  # fmt: skip


# Verbs that lay an act at someone's door: "an attack blamed on the Taliban",
# "attributed to IS", "une attaque imputée aux talibans", "attribuée à l'EI".
_BLAME = frozenset({"blame", "attribute", "impute", "attribuer", "imputer"})
_BLAME_PATH = 2


def _blamed(
    triggers: Sequence[SpacySpan], actors: Sequence[tuple[SpacySpan, Actor]]
) -> Actor | None:
    """The side an event is blamed on: whom the blame verb next to the trigger names."""
    for trig in triggers:
        sent = trig.root.sent
        for verb in sent:
            if verb.lemma_.lower() not in _BLAME or path_length(trig.root, verb) > _BLAME_PATH:
                continue
            for arg in verb.children:
                if arg.dep_ not in ("prep", "obl:arg", "obl", "obl:mod"):
                    continue
                inside = range(arg.left_edge.i, arg.right_edge.i + 1)
                found = next((a for t, a in actors if t.root.i in inside), None)
                if found is not None:
                    return found
    return None


_DEFENDING = frozenset(
    {"shoot", "down", "intercept", "destroy", "neutralise", "neutralize", "repel", "repulse",
     "abattre", "intercepter", "détruire", "neutraliser", "repousser"}
)  # fmt: skip


def _defending(triggers: Sequence[SpacySpan]) -> bool:
    """Whether the event is named by what the defence did ("shot down", "abattu")."""
    return any(t.root.lemma_.lower() in _DEFENDING for t in triggers)


def _launcher(actors: Sequence[tuple[SpacySpan, Actor]]) -> Actor | None:
    """The agent of a launch: "drones launched by Russia", "tirés par la Russie"."""
    for tokens, actor in actors:
        root = tokens.root
        if root.dep_ == "obl:agent" or (root.dep_ == "pobj" and root.head.lower_ in ("by", "par")):
            return actor
    return None


def _weapons_owner(actors: Sequence[tuple[SpacySpan, Actor]]) -> Actor | None:
    """Whose weapons were shot down: the side named on them ("30 Ukrainian combat drones
    were shot down", "des drones ukrainiens abattus"), the attacker of an interception."""
    for tokens, actor in actors:
        root = tokens.root
        head = root.head
        while head.dep_ in ("amod", "compound") and head.head.i != head.i:
            head = head.head
        if root.dep_ == "nmod" and any(c.lower_ in _AIMED_AT for c in root.children):
            continue  # "missiles contre l'Ukraine": the target, not the owner
        if root.dep_ in ("amod", "compound", "nmod") and head.lower_ in _WEAPON_NOUNS:
            return actor
    return None


# Prepositions that name what weapons are aimed at, not whose they are.
_AIMED_AT = frozenset({"contre", "sur", "vers", "against", "on", "at", "toward", "towards"})


def _key(actor: Actor) -> str:
    return actor.wikidata or actor.name.lower()


def _participants(
    triggers: Sequence[SpacySpan],
    actors: Sequence[tuple[SpacySpan, Actor]],
    speakers: Sequence[SpacySpan],
) -> list[Actor]:
    people: dict[str, Actor] = {}
    person_tokens = [t for t, a in actors if a.kind == "person"]
    for tokens, actor in actors:
        path = min(path_length(t.root, tokens.root) for t in triggers)
        if path > 2 and any(s.start <= tokens.start < s.end for s in speakers):
            continue
        limit = 4 if actor.kind == "person" else 2
        if path > limit:
            continue
        if actor.kind != "person" and any(
            path_length(tokens.root, p.root) <= 2 for p in person_tokens
        ):
            continue
        people.setdefault(_key(actor), actor)
    return list(people.values())


def _pronoun_subject_speaker(
    triggers: Sequence[SpacySpan], governing: Sequence[tuple[SpeechAct, Actor | None]]
) -> Actor | None:
    """The speaker when the trigger's subject is a pronoun in the clause they said."""
    for trig in triggers:
        verb = trig.root
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("xcomp",) and verb.head.i != verb.i:
            subjects += [c for c in verb.head.children if c.dep_ == "nsubj"]
        if any(_personal_pronoun(s) or _their_own(s) for s in subjects):
            for act, speaker in governing:
                if speaker is not None and not act.according:
                    return speaker
    return None


def _not_a_doer(tokens: SpacySpan) -> bool:
    """A demonym or state name that describes a place or the victims is not the attacker:
    "la capitale ukrainienne", "deux morts polonais", "en Ukraine"; nor are forces counted
    among the dead or wounded ("49 Ukrainian troops killed", "50 soldats ukrainiens ont
    été tués"), nor one that condemns or reports what happened ("Germany condemned the
    strikes"), nor the side of those counted ("six French tourists killed", "seven
    members of the Afghan forces were killed")."""
    root = tokens.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _REACTIONS:
        return True  # "Germany condemned the strikes"
    described = root.head.lower_ in _PLACE_NOUNS or root.head.lower_ in _VICTIM_NOUNS
    if described and root.dep_ in ("amod", "nmod", "compound", "poss", "nmod:poss"):
        return True
    if _counted_casualties(root):
        return True
    head = root.head
    if head.lower_ in ("of", "de", "des", "du", "d'", "d’") and head.head.i != head.i:
        head = head.head  # "seven members of the Afghan forces were killed"
    if head.i != root.i and root.dep_ != "nsubj" and _counted_casualties(head):
        return True  # "six French tourists killed"
    if _led_by_the_dead(root):
        return True  # "le chef de l'organisation Etat islamique tué"
    if root.ent_type_ in PLACE_LABELS and not _acting(root):
        return True  # "Kolomyia, western Ukraine", "du centre de l'Ukraine"
    doc = tokens.doc
    return tokens.start > 0 and doc[tokens.start - 1].lower_ in ("in", "en", "à", "au", "aux")


def _led_by_the_dead(word: Token) -> bool:
    """A body whose leader the sentence says was killed: the victim's side ("the commander
    of the Wagner group was killed", "le chef de l'organisation Etat islamique tué")."""
    for _ in range(4):
        if word.head.i == word.i or word.dep_ not in _OWNER_DEPS:
            return False
        word = word.head
        if leader_hit(word):
            return True
    return False


_OWNER_DEPS = frozenset({"amod", "nmod", "pobj", "prep", "compound", "flat", "flat:name", "poss"})


# Where a place name stands for the state that acts: its subject, whose weapons or forces
# ("Ukraine's drones"), or the agent ("by Russia", "par la Russie", "from Russia").
_ACTING_DEPS = frozenset({"nsubj", "poss", "nmod:poss", "compound", "obl:agent"})


def _acting(token: Token) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Russia and Belarus launched"
    if token.dep_ in _ACTING_DEPS:
        return True
    return token.dep_ in ("pobj", "obl", "nmod") and token.head.lower_ in ("by", "from", "par")


def _counted_casualties(root: Token) -> bool:
    """A counted group of people that is killed or wounded: the subject of a casualty verb
    or described by one ("troops killed", "soldats … tués")."""
    counted = any(c.dep_ == "nummod" or c.like_num for c in root.children)
    if not counted and not any(t.like_num for t in root.subtree if t.i < root.i):
        return False  # "Four Ukraine soldiers": the count may hang on the state's name
    # "six touristes français et deux Nigériens tués": the participle of the last conjunct
    # describes them all
    if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in _ELIMINATING:
        return True  # "border guards destroyed 11 Russian invaders": the dead, not the doer
    nouns = [root, *(c for c in root.children if c.dep_ == "conj")]
    verbs = [root.head]
    verbs += [c for n in nouns for c in n.children if c.dep_ in ("acl", "amod", "acl:relcl")]
    return any(v.lemma_.lower() in CASUALTY_LEMMAS for v in verbs)


# Verbs that kill what they count when it is people: "destroyed 11 Russian invaders",
# "ont neutralisé 20 terroristes".
_ELIMINATING = frozenset(
    {"destroy", "eliminate", "liquidate", "neutralize", "neutralise", "détruire", "éliminer",
     "neutraliser", "abattre"}
)  # fmt: skip


def subject_of(token: Token) -> Token | None:
    """The active subject of the verb that governs ``token``, climbing through control
    verbs ("ont réussi à chasser", "tried to capture")."""
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj":
                return child
        if current.dep_ == "acl" and _acts_on_its_noun(current):
            return current.head  # "claimed that Ukrainian forces counterattacked near X"
        if current.dep_ not in ("xcomp", "acl", "ccomp", "obl:arg", "obl", "dobj", "obj"):
            return None
        if current.head.lemma_.lower() in _REACTIONS:
            return None  # "Washington condemned the strikes": not who struck
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in _SAYING:
            return None  # "officials said all drones were destroyed": who speaks, not who did
        current = current.head
    return None


def _acts_on_its_noun(verb: Token) -> bool:
    """A participle hung on the noun that does what it says ("forces [who] attacked"),
    not on the one it befalls ("people killed in the strike", "la ville bombardée")."""
    if verb.lemma_.lower() in CASUALTY_LEMMAS or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("auxpass", "aux:pass", "agent", "obl:agent") for c in verb.children):
        return False
    if verb.tag_ in ("VBD", "VBG") or "Ger" in verb.morph.get("VerbForm", []):
        return True
    # a past participle read as one: the fighters it hangs on are who acted
    return verb.head.lower_ in _FIGHTERS and not any(
        c.dep_ in ("dobj", "obj") for c in verb.children
    )


_FIGHTERS = frozenset(
    {"forces", "troops", "units", "soldiers", "fighters", "militants", "rebels", "troupes",
     "soldats", "combattants", "rebelles", "unités", "jihadistes", "insurgés"}
)  # fmt: skip


# Verbs of reacting to what others did: their subject is not the doer of their object.
_REACTIONS = frozenset(
    {"condemn", "denounce", "deplore", "criticize", "criticise", "blame", "decry", "slam",
     "welcome", "mourn", "investigate", "report", "document", "confirm", "deny",
     "condamner", "dénoncer", "déplorer", "critiquer", "fustiger", "saluer", "regretter",
     "enquêter", "confirmer", "démentir", "nier"}
)  # fmt: skip


# Verbs whose subject tells of a clause ("officials said the drones were destroyed").
_SAYING = frozenset(
    {"say", "tell", "state", "announce", "add", "write", "declare", "explain", "note",
     "dire", "déclarer", "annoncer", "indiquer", "préciser", "ajouter", "expliquer",
     "écrire", "souligner"}
)  # fmt: skip


def _in_subject(
    triggers: Sequence[SpacySpan], actors: Sequence[tuple[SpacySpan, Actor]]
) -> Actor | None:
    """An actor named inside the subject of the trigger's verb ("Ukrainian troops
    recaptured…")."""
    for trig in triggers:
        inside = _subject_tokens([trig])
        for tokens, actor in actors:
            if tokens.root.i in inside:
                return actor
    return None


def _subject_tokens(triggers: Sequence[SpacySpan]) -> set[int]:
    """The token indexes of the triggers' subjects (a pronoun subject names nobody)."""
    out: set[int] = set()
    for trig in triggers:
        subject = subject_of(trig.root)
        if subject is not None and subject.pos_ != "PRON":
            out.update(range(subject.left_edge.i, subject.right_edge.i + 1))
    return out


def _their_own(token: Token) -> bool:
    """ "its forces", "ses troupes": a subject owned by a possessive pronoun."""
    return any(
        c.dep_ in ("poss", "det:poss", "nmod:poss")
        and c.pos_ in ("PRON", "DET")
        and c.lower_ in _POSSESSIVES
        for c in token.children
    )


def _personal_pronoun(token: Token) -> bool:
    relative = "Rel" in token.morph.get("PronType", []) or token.lower_ in _RELATIVES
    return token.pos_ == "PRON" and not relative


def _subject_actor(
    trigger: SpacySpan, actors: Sequence[tuple[SpacySpan, Actor]], parties: Parties
) -> Actor | None:
    """The actor in subject position of the verb that governs a nominal trigger
    ("the EU adopted sanctions"; "il annonçait des sanctions" gives the last person)."""
    head = trigger.root
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            break
        if head.head.i == head.i:
            return None
        head = head.head
    for child in head.children:
        if not child.dep_.startswith("nsubj"):
            continue
        if child.pos_ == "PRON":
            return parties.last_person
        for tokens, actor in actors:
            if tokens.start <= child.i < tokens.end:
                return actor
    return None
