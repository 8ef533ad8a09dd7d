"""Rule-based extraction of event reports and quotes from annotated paragraphs.

``Extractor.extract`` walks an article sentence by sentence:

1. lexicon cues, counts and dates of the sentence;
2. speech acts, speakers and actors (with the article's memory of people and titles);
3. typed triggers, and one draft per (type, place, modality) with its arguments;
4. quotes that end in the sentence;
then coalesces drafts told over several sentences, drops article-level totals, and
turns drafts into ``EventReport`` records (see ``reports``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitroom.annotate.dates import find_dates
from sitroom.extract import figures
from sitroom.extract.lexicon import Lexicon, LexiconData
from sitroom.extract.modality import modality
from sitroom.extract.parties import ActorLookup, Parties, closest_actor
from sitroom.extract.quotes import QuotedSpan, quoted_spans, quotes_in_unit
from sitroom.extract.reports import Draft, coalesce, drop_totals, finish
from sitroom.extract.speech import SpeechAct, speech_acts
from sitroom.extract.triggers import Trigger, attack_subtype, find_triggers
from sitroom.extract.units import Unit, build_units, path_length
from sitroom.extract.where import PLACE_LABELS, choose_place, place_candidates
from sitroom.types import (
    Actor,
    Article,
    Attribution,
    DateValue,
    Extraction,
    Place,
    Quote,
    Target,
)

MAX_DATE_PATH = 3
MAX_PLACE_PATH = {"meeting": 4}
DEFAULT_PLACE_PATH = 7
DATE_INHERIT_WINDOW = 4


class PlaceLookup(Protocol):
    """What extraction needs of the geocoder."""

    def place(self, text: str, country: str | None) -> Place | None: ...

    def capital(self, country: str) -> Place | None: ...

    def country(self, code: str) -> Place | None: ...


@dataclass
class _ArticleRun:
    """State of one article's extraction."""

    article: Article
    lex: LexiconData
    places: PlaceLookup
    parties: Parties
    country: str | None = None
    quoted: list[QuotedSpan] = field(default_factory=list)
    cache: dict[str, Place | None] = field(default_factory=dict)

    def resolve(self, text: str) -> Place | None:
        if text not in self.cache:
            self.cache[text] = self.places.place(text, self.country)
        return self.cache[text]


@dataclass
class Extractor:
    """Extraction for every language whose lexicon is compiled into ``lexicons``."""

    places: PlaceLookup
    actors: ActorLookup
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    def extract(self, article: Article, docs: Sequence[tuple[Doc, int]], lexicon: Lexicon
                ) -> Extraction:
        """Reports and quotes of ``article`` from its paragraph docs ``(doc, offset)``."""
        run = _ArticleRun(article, lexicon.data, self.places, Parties(self.actors))
        units = build_units(docs, [lexicon.cues(doc) for doc, _ in docs])
        run.country = self._main_country(run, units)
        run.quoted = quoted_spans(article.text)
        drafts: list[Draft] = []
        quotes: list[Quote] = []
        for unit in units:
            actors = run.parties.actor_spans(unit)
            acts = speech_acts(unit, run.lex)
            quotes.extend(
                quotes_in_unit(article.id, unit, units[: unit.index + 1], run.quoted, run.lex,
                               run.parties.speaker)
            )
            if any(k.startswith("trigger:") for k in unit.cues):
                drafts.extend(self._drafts(run, unit, actors, acts))
            run.parties.remember(unit, actors)
        drafts = drop_totals(coalesce(_inherit_dates(drafts)))
        fallback = self.places.country(run.country) if run.country else None
        reports = finish(drafts, article.id, article.published, article.language, fallback)
        return Extraction(article=article, reports=tuple(reports), quotes=tuple(quotes))

    def _main_country(self, run: _ArticleRun, units: Sequence[Unit]) -> str | None:
        counts: Counter[str] = Counter()
        for unit in units:
            for ent in unit.sent.ents:
                if ent.label_ in PLACE_LABELS:
                    place = run.resolve(ent.text)
                    if place is not None and place.country:
                        counts[place.country] += 2 if place.precision != "country" else 1
        run.cache.clear()
        return counts.most_common(1)[0][0] if counts else None

    def _drafts(
        self,
        run: _ArticleRun,
        unit: Unit,
        actors: list[tuple[SpacySpan, Actor]],
        acts: list[SpeechAct],
    ) -> list[Draft]:
        located = figures.counted_in(unit, run.lex.lang)
        launched = [w for w in figures.weapons(unit, located, run.lex, "launched")
                    if w.launched is not None]
        triggers = find_triggers(unit, run.lex, len(launched))
        if not triggers:
            return []
        speaker_spans = [a.speaker for a in acts if a.speaker is not None and not a.pronoun]
        attributions = tuple(
            a for a in (run.parties.attribution(unit, act) for act in acts) if a is not None
        )
        capital = run.places.capital(run.country) if run.country else None
        candidates = place_candidates(unit, run.resolve, capital, speaker_spans)
        dates = _dates_in(unit, run)
        casualties = figures.casualties(unit, located, run.lex)
        out: dict[tuple[str, object, str], Draft] = {}
        for trig in triggers:
            draft = self._draft(run, unit, trig, triggers, candidates, dates, actors,
                                speaker_spans, casualties, located, attributions)
            key = (draft.type, draft.place.geonames_id if draft.place else None, draft.modality)
            out[key] = _combine(out.get(key), draft)
        return sorted(out.values(), key=lambda d: d.trigger.start)

    def _draft(
        self,
        run: _ArticleRun,
        unit: Unit,
        trig: Trigger,
        triggers: list[Trigger],
        candidates: list,  # type: ignore[type-arg]
        dates: list[tuple[SpacySpan, DateValue]],
        actors: list[tuple[SpacySpan, Actor]],
        speaker_spans: list[SpacySpan],
        casualties: figures.Casualties,
        located: list[figures.Located],
        attributions: tuple[Attribution, ...],
    ) -> Draft:
        published = run.article.published
        first = modality(unit, trig.span, None, published)
        date_pair = _date_for(trig.span, dates)
        date = date_pair[1] if date_pair else None
        if date is not None and first == "planned" and date.date is not None and published:
            date = _future(date, run, unit)
        mod = modality(unit, trig.span, date, published)
        limit = MAX_PLACE_PATH.get(trig.type, DEFAULT_PLACE_PATH)
        near = [c for c in candidates if path_length(trig.span.root, c.tokens.root) <= limit]
        place = choose_place(trig.span, near, run.lex.words("locative"))
        subtype = attack_subtype(unit, triggers) if trig.type == "attack" else None
        default_role = "intercepted" if trig.type == "interception" else "launched"
        weapons = tuple(figures.weapons(unit, located, run.lex, default_role))
        if trig.type not in ("air_raid", "interception", "attack"):
            weapons = ()
        actor1, actor2, participants = _parties_for(trig, actors, speaker_spans, run, unit)
        return Draft(
            unit=unit.index,
            type=trig.type,
            subtype=subtype,
            modality=mod,
            trigger=unit.span_of(trig.span),
            evidence=(unit.evidence(),),
            date=date,
            own_date=date is not None,
            place=place,
            actor1=actor1,
            actor2=actor2,
            participants=participants,
            figures=casualties if trig.type in ("attack", "battle") else figures.Casualties(),
            weapons=weapons,
            targets=_targets(unit) if trig.type == "attack" else (),
            attributed_to=attributions,
            strong=trig.strong,
        )


def _dates_in(unit: Unit, run: _ArticleRun) -> list[tuple[SpacySpan, DateValue]]:
    out = []
    for d in find_dates(unit.text, run.lex.lang, run.article.published):
        start, end = unit.start + d.start, unit.start + d.end
        tokens = unit.tokens_at(start, end)
        if tokens is not None:
            out.append((tokens, replace(d, start=start, end=end)))
    return out


def _date_for(
    trigger: SpacySpan, dates: list[tuple[SpacySpan, DateValue]]
) -> tuple[SpacySpan, DateValue] | None:
    best = None
    for tokens, value in dates:
        path = min(path_length(trigger.root, t) for t in tokens)
        if path <= MAX_DATE_PATH and (best is None or path < best[0]):
            best = (path, tokens, value)
    return (best[1], best[2]) if best else None


def _future(date: DateValue, run: _ArticleRun, unit: Unit) -> DateValue:
    """Re-read a date expression in the future tense (for planned events)."""
    local = date.start - unit.start
    for d in find_dates(unit.text, run.lex.lang, run.article.published, tense="future"):
        if d.start == local:
            return replace(d, start=date.start, end=date.end)
    return date


def _parties_for(
    trig: Trigger,
    actors: list[tuple[SpacySpan, Actor]],
    speakers: list[SpacySpan],
    run: _ArticleRun,
    unit: Unit,
) -> tuple[Actor | None, Actor | None, tuple[Actor, ...]]:
    if trig.type == "meeting":
        people = [a for t, a in actors if a.kind in ("person", "state", "org")
                  and not any(s.start <= t.start < s.end for s in speakers)
                  or (a.kind == "person" and path_length(trig.span.root, t.root) <= 2)]
        uniq = list({(a.wikidata or a.name): a for a in people}.values())
        return (uniq[0] if uniq else None, uniq[1] if len(uniq) > 1 else None, tuple(uniq))
    actor1 = closest_actor(trig.span, actors, exclude=speakers,
                           kinds=frozenset({"state", "force", "group", "org", "person"}))
    if actor1 is None:
        actor1 = _subject_speaker(trig, actors, speakers)
    participants: tuple[Actor, ...] = ()
    if trig.type == "sanction":
        participants = tuple(a for _, a in actors if a.kind == "org" and a != actor1)
        if actor1 is None:
            actor1 = run.parties.last_person
    return actor1, None, participants


def _subject_speaker(
    trig: Trigger, actors: list[tuple[SpacySpan, Actor]], speakers: list[SpacySpan]
) -> Actor | None:
    """"Russia said it had seized…": the speaker is the actor of a pronoun subject."""
    for child in trig.span.root.children:
        if child.dep_.startswith("nsubj") and child.pos_ == "PRON":
            for tokens, actor in actors:
                if any(s.start <= tokens.start < s.end for s in speakers):
                    return actor
    return None


def _targets(unit: Unit) -> tuple[Target, ...]:
    out = []
    for key, spans in unit.cues.items():
        if key.startswith("target:"):
            span = unit.span_of(spans[0])
            out.append(Target(key.split(":", 1)[1], span.text, span.start, span.end))
    return tuple(sorted(out, key=lambda t: t.start))


def _combine(a: Draft | None, b: Draft) -> Draft:
    if a is None:
        return b
    if not a.strong and b.strong:
        a, b = b, a
    return replace(
        a,
        subtype=a.subtype if a.subtype not in (None, "other") else b.subtype,
        date=a.date or b.date,
        own_date=a.own_date or b.own_date,
        actor1=a.actor1 or b.actor1,
        participants=a.participants or b.participants,
        weapons=a.weapons or b.weapons,
    )


def _inherit_dates(drafts: list[Draft]) -> list[Draft]:
    """A draft with no date of its own takes the date of the last dated draft of its
    type a few sentences back ("The pre-dawn attack also killed…")."""
    out: list[Draft] = []
    for d in drafts:
        if not d.own_date:
            for prev in reversed(out):
                if (prev.type == d.type and prev.own_date and prev.modality == d.modality
                        and d.unit - prev.unit <= DATE_INHERIT_WINDOW):
                    d = replace(d, date=prev.date)
                    break
        out.append(d)
    return out
