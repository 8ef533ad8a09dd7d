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
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitroom.annotate.dates import find_dates, has_year, in_story, runs_from, year_range
from sitroom.annotate.numbers import parse_count
from sitroom.clean.boilerplate import match_form
from sitroom.clean.lexicon import RELATED
from sitroom.extract import figures
from sitroom.extract.lexicon import Lexicon, LexiconData
from sitroom.extract.marks import QuotedSpan, quoted_spans
from sitroom.extract.mentions import actors_in, completed, places_in
from sitroom.extract.modality import HISTORICAL_DAYS, is_future, modality
from sitroom.extract.parties import ActorLookup, Parties, event_actors, subject_of
from sitroom.extract.quotes import continued, quotes_in_unit
from sitroom.extract.reports import (
    Draft,
    coalesce,
    drop_totals,
    each_place,
    finish,
    headline_towns,
)
from sitroom.extract.speech import SpeechAct, speech_acts
from sitroom.extract.triggers import (
    Trigger,
    attack_subtype,
    civilian_target,
    find_triggers,
    takes_ground,
    target_noun,
)
from sitroom.extract.units import (
    CASUALTY_LEMMAS,
    PLACE_LABELS,
    VERB_POS,
    Unit,
    build_units,
    path_length,
)
from sitroom.extract.where import (
    Attach,
    PlaceCandidate,
    choose_place,
    lies_in,
    place_candidates,
    trigger_distance,
)
from sitroom.resolve.build import RIVERS
from sitroom.resolve.gazetteer import COVERED_COUNTRIES as SHIPPED_COUNTRIES
from sitroom.types import (
    Actor,
    Article,
    Attribution,
    DateValue,
    Extraction,
    Mention,
    Place,
    Quote,
    Target,
    WeaponCount,
)

MAX_DATE_PATH = 3
MAX_PLACE_PATH = {"meeting": 4}
DEFAULT_PLACE_PATH = 5
WEAK_PATH = 3
# How a place must attach to the trigger: meetings need "in Paris" or "the Paris meeting";
# sanctions need "in": "sanctions against Russia" names the target, not a place.
_ATTACH: dict[str, Attach] = {
    "meeting": "locative_or_modifier",
    "sanction": "locative",
    "other": "locative",
}
DATE_INHERIT_WINDOW = 8


class PlaceLookup(Protocol):
    """What extraction needs of the geocoder."""

    def place(self, text: str, country: str | None) -> Place | None: ...

    def place_of(self, geonameid: int, text: str) -> Place | None: ...

    def population(self, geonameid: int) -> int: ...

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
    cache: dict[tuple[str, str], Place | None] = field(default_factory=dict)
    country_mentions: dict[str, Place] = field(default_factory=dict)
    last_town: Place | None = None
    last_date: DateValue | None = None  # the last date an event sentence stated
    story: dt.date | None = None  # where a retrospective's told days have reached
    since_story: int = 0  # event sentences since the story last moved
    said_on: tuple[int, DateValue] | None = None  # (sentence, day) words were last said on
    # (name, id) -> id: a town read by its name alone, read as elsewhere in the article
    readings: dict[tuple[str, str], str] = field(default_factory=dict)

    def resolve(self, text: str, ref: str = "") -> Place | None:
        """The place ``text`` names; ``ref``, the GeoNames id the mention scanner gave it
        (read with the towns named next to it), wins over the name alone."""
        ref = self.readings.get((text, ref), ref)
        key = (text, ref)
        if key not in self.cache:
            place = self.places.place_of(int(ref), text) if ref.isdigit() else None
            self.cache[key] = place or self._by_name(text)
        return self.cache[key]

    def _by_name(self, text: str) -> Place | None:
        """The place a name alone means, unless that is a hamlet abroad the article gives
        no reason to think of: "Africa" is no village of Mexico, "Asia" none of the
        Philippines (the gazetteer lists no continents)."""
        place = self.places.place(text, self.country)
        if place is None or place.geonames_id is None or place.precision != "town":
            return place
        if place.country in SHIPPED_COUNTRIES or place.country == self.country:
            return place
        if place.country in self.country_mentions:
            return place
        return place if self.places.population(place.geonames_id) >= _HAMLET else None

    def metonym(self, text: str) -> Actor | None:
        """The state a country or capital name stands for when it acts or speaks."""
        place = self.resolve(text)
        if place is None or place.country is None:
            return None
        if place.precision == "town":
            capital = self.places.capital(place.country)
            if capital is None or capital.geonames_id != place.geonames_id:
                return None
        elif place.precision != "country":
            return None
        country = self.places.country(place.country)
        return self.parties.table.resolve(country.name) if country else None


@dataclass
class Extractor:
    """Extraction against a geocoder and an actor table; the lexicon comes per call."""

    places: PlaceLookup
    actors: ActorLookup

    def extract(
        self, article: Article, docs: Sequence[tuple[Doc, int]], lexicon: Lexicon
    ) -> Extraction:
        """Reports and quotes of ``article`` from its paragraph docs ``(doc, offset)``."""
        run = _ArticleRun(article, lexicon.data, self.places, Parties(self.actors))
        run.parties.metonym = run.metonym
        run.parties.expect(article.text)
        units = build_units(docs, [lexicon.cues(doc) for doc, _ in docs])
        run.country = self._main_country(run, units)
        run.readings = _article_readings(run, docs)
        run.quoted = quoted_spans(article.text)
        drafts: list[Draft] = []
        quotes: list[Quote] = []
        mentions: list[Mention] = []
        for unit in units:
            actors = run.parties.actor_spans(unit)
            mentions.extend(places_in(unit, run.resolve))
            mentions.extend(actors_in(unit, actors, run.parties.table))
            acts = speech_acts(unit, run.lex)
            quotes.extend(
                quotes_in_unit(
                    article.id,
                    unit,
                    units[: unit.index + 1],
                    run.quoted,
                    run.lex,
                    run.parties.speaker,
                )
            )
            if any(k.startswith("trigger:") for k in unit.cues):
                drafts.extend(self._drafts(run, unit, actors, acts))
            run.last_town = _last_town(run, unit) or run.last_town
            run.parties.remember(unit, actors)
        quotes = continued(article.id, article.text, run.quoted, quotes)
        quotes = _first_of_each_id(quotes)
        mentions = completed(mentions, quotes, article.text, run.parties.table)
        drafts = drop_totals(coalesce(_inherit_dates(drafts)))
        drafts = headline_towns(drafts, mentions, article.paragraphs, run.resolve)
        fallback = self._target_country(run, drafts)
        drafts = _implied_attacker(drafts, run, mentions, fallback)
        drafts = [_as_recalled(d) for d in drafts]
        reports = finish(drafts, article.id, article.published, article.language, fallback)
        return Extraction(
            article=article,
            reports=tuple(reports),
            quotes=tuple(quotes),
            mentions=tuple(mentions),
        )

    def _target_country(self, run: _ArticleRun, drafts: Sequence[Draft]) -> Place | None:
        """Where an air raid without a place fell: the country of the article's first
        placed attack, else the article's main country; given as its first mention in
        the text, or ``None`` when the text never names it."""
        code = next(
            (
                d.place.country
                for d in drafts
                if d.type == "attack" and d.place is not None and d.place.country
            ),
            run.country,
        )
        return run.country_mentions.get(code) if code else None

    def _main_country(self, run: _ArticleRun, units: Sequence[Unit]) -> str | None:
        counts: Counter[str] = Counter()
        for unit in units:
            for ent in unit.sent.ents:
                if ent.label_ not in PLACE_LABELS:
                    continue
                place = run.resolve(ent.text)
                if place is None or not place.country:
                    continue
                counts[place.country] += 2 if place.precision != "country" else 1
                if place.precision == "country" and place.country not in run.country_mentions:
                    span = unit.span_of(ent)
                    run.country_mentions[place.country] = replace(
                        place, text=span.text, start=span.start, end=span.end
                    )
        run.cache.clear()
        return counts.most_common(1)[0][0] if counts else None

    def _drafts(
        self,
        run: _ArticleRun,
        unit: Unit,
        actors: list[tuple[SpacySpan, Actor]],
        acts: list[SpeechAct],
    ) -> list[Draft]:
        if not any(t.pos_ in VERB_POS for t in unit.sent) and not unit.get("verbs"):
            # a heading ("Paris meeting"), not a statement; a speech verb the tagger
            # missed ("Kiev dément une attaque", "dément" read as an adverb) makes one
            return []
        if match_form(unit.text).startswith(RELATED.starts):
            return []  # "Lire aussi sur BBC Afrique : …": a link to another story
        located = figures.counted_in(unit, run.lex)
        salvo = figures.weapons(unit, located, run.lex, "launched")
        triggers = find_triggers(unit, run.lex, sum(w.launched is not None for w in salvo))
        if any(t.type == "air_raid" for t in triggers):
            # a salvo sentence: its interceptions are the raid's, not separate events
            triggers = [t for t in triggers if t.type != "interception"]
        if not triggers:
            return []
        capital = run.places.capital(run.country) if run.country else None
        speaker_spans = [a.speaker for a in acts if a.speaker is not None and not a.pronoun]
        sentence = _Sentence(
            unit=unit,
            triggers=triggers,
            located=located,
            salvo=tuple(salvo),
            candidates=place_candidates(
                unit,
                run.resolve,
                capital,
                speaker_spans,
                [t.span for t in triggers],
                run.last_town,
            ),
            dates=_dates_in(unit, run),
            actors=run.parties.office_holders(unit, actors),
            acts=[(a, run.parties.speaker(unit, a)) for a in acts],
            casualties=figures.casualties(unit, located, run.lex),
            frames=_time_frames(unit),
        )
        groups: dict[tuple[str, str, int, int], list[Trigger]] = {}
        for trig in triggers:
            mod = modality(unit, trig.span, None, run.article.published)
            # each leg of a journey is a visit of its own: "ira à Ankara avant de se
            # rendre à Kiev"
            leg = trig.span.start if trig.subtype == "visit" else -1
            # an event that times another is another: "au lendemain de son déplacement à
            # Moscou, il a rencontré son homologue ukrainien"
            frame = next((f for f in sentence.frames if _inside(trig.span, [f])), (-1, -1))
            groups.setdefault((trig.type, mod, leg, frame[0]), []).append(trig)
        drafts = [self._draft(run, sentence, group) for group in groups.values()]
        folded = _fold_bare([d for d in drafts if d is not None])
        text = run.article.text
        targets = run.lex.words("target_locative")
        return [x for d in folded for x in each_place(d, sentence.candidates, text, targets)]

    def _draft(self, run: _ArticleRun, s: _Sentence, group: list[Trigger]) -> Draft | None:
        unit, published = s.unit, run.article.published
        anchor = next((t for t in group if t.strong), group[0])
        if anchor.type == "attack" and (
            _on_armed_target(
                anchor, run.lex.words("armed_targets"), run.lex.words("armed_civilian")
            )
            or (not anchor.strong and _both_sides_dead(unit, s.located, run.lex))
        ):
            anchor = Trigger(anchor.span, "battle", None, anchor.strong)
        spans = [anchor.span, *(t.span for t in group if t is not anchor)]
        diplomatic = anchor.subtype == "diplomatic"
        if anchor.type == "sanction" and not diplomatic and not _sanction_act(unit, spans):
            return None  # "sanctions can stabilise oil supply" is not a sanction event
        if _hypothetical(anchor.span):
            return None
        # a phrase that times this event by another one keeps its places and dates
        frames = [f for f in s.frames if not any(_inside(t, [f]) for t in spans)]
        dates = [(t, v) for t, v in s.dates if not _inside(t, frames)]
        found = _date_for(spans, dates) or _closing_date(unit, dates, published)
        date = found[1] if found else _year_of(anchor.span, unit, published)
        held = [f for f in s.frames if f not in frames]  # "au lendemain de <this event>"
        if held and not (found and _inside(found[0], held)) and not _anaphoric(spans):
            # the day of the sentence: the one nearest the trigger, else any it states
            days = [v for t, v in dates if not _inside(t, held) and v.precision == "day"]
            base = found[1] if found else days[0] if days else None
            timed = _timed_by_frame(unit, held[0], base, published, run.lex.lang)
            if timed is not None:
                found, date = None, timed
        if date is not None and is_future(anchor.span) and published:
            date = _future(date, run, unit)
        mod = modality(unit, anchor.span, date, published)
        governing = [(a, sp) for a, sp in s.acts if _governs(a, anchor.span)]
        # (only a date as the sentence gave it: not one re-read in the future tense)
        if found and date is found[1] and _dates_telling(found, s.dates, anchor.span, governing):
            date = replace(date, precision="unresolved")
        if mod == "reported" and anchor.type == "territory_change" and _party_says(governing):
            mod = "claimed"
        limit = MAX_PLACE_PATH.get(anchor.type, DEFAULT_PLACE_PATH)
        back = bool(held) and _anaphoric(spans)  # only a timing phrase's event needs it
        near = [
            c
            for c in s.candidates
            if min(trigger_distance(t, c) for t in spans) <= limit
            and not _inside(c.tokens, frames)
            # an event told before and named again to time this one ("Hours before the
            # meeting, …") takes no place from the rest of the sentence
            and not (back and not _inside(c.tokens, held))
        ]
        if anchor.subtype == "visit":  # each leg its own place: not one nearer another leg
            legs = [t.span for t in s.triggers if t.subtype == "visit" and t not in group]
            near = [c for c in near if not _nearer_other(c, spans, legs)]
        place = choose_place(
            spans,
            near,
            run.lex.words("locative"),
            attach=_ATTACH.get(anchor.type, "any"),
            sentence=s.candidates,
        )
        if anchor.type == "territory_change" and place is not None and place.geonames_id in RIVERS:
            place = None  # "a foothold on the east bank of the Dnipro": land, not the river
        casualties = s.casualties if anchor.type in ("attack", "battle") else figures.Casualties()
        if place is None and anchor.strong and casualties.any():
            place = _lone_town(s.towns, spans, limit + LONE_TOWN_SLACK, frames)
        weapons: tuple[WeaponCount, ...] = ()
        raid = any(t.type == "air_raid" for t in s.triggers)
        if anchor.type == "interception":
            weapons = tuple(figures.weapons(unit, s.located, run.lex, "intercepted"))
        elif anchor.type == "air_raid" or (anchor.type == "attack" and not raid):
            weapons = s.salvo
        if not any(t.strong for t in group) and not _weak_supported(
            spans, place, s, casualties, weapons
        ):
            return None
        if weapons and not (found and found[1].precision == "day") and _TALLY.search(unit.text):
            return None  # "Russia attacked Ukraine during the week with 1,500 drones": a sum
        parties = event_actors(anchor.type, spans, s.actors, governing, run.parties)
        actor1 = parties.actor1
        if anchor.type != "meeting":
            actor1 = _place_as_actor(run, s, spans) or actor1
        if (
            mod == "reported"
            and found is None
            and _crimea_taken(anchor.type, place, actor1, published)
        ):
            mod = "historical"
        return Draft(
            unit=unit.index,
            type=anchor.type,
            subtype=attack_subtype(unit, s.triggers) if anchor.type == "attack" else anchor.subtype,
            modality=mod,
            trigger=unit.span_of(anchor.span),
            evidence=(unit.evidence(),),
            date=date,
            own_date=date is not None,
            place=place,
            actor1=actor1,
            actor2=parties.actor2,
            participants=parties.participants,
            figures=casualties,
            weapons=weapons,
            targets=_targets(unit) if anchor.type == "attack" else (),
            attributed_to=_attributions(unit, governing),
            strong=anchor.strong,
            ground=anchor.type == "territory_change" and takes_ground(anchor.span),
            anaphoric=_anaphoric(spans),
            towns=s.town_ids,
            recalled=date is None and _in_past_story(run, unit),
            framing=bool(held),
        )


# Arcs beyond the usual reach at which the one town of a sentence that tells a toll
# still places its strike: the parser often hangs "on a building in the town of X" on
# the verb of the sentence rather than on the strike ("Rescuers cleared rubble from a
# Russian strike on a residential building in the town of Selydove …, taking the death
# toll to three").
LONE_TOWN_SLACK = 2


def _lone_town(
    towns: Sequence[PlaceCandidate],
    spans: Sequence[SpacySpan],
    reach: int,
    frames: Sequence[tuple[int, int]],
) -> Place | None:
    """The sentence's one town, if it lies within ``reach`` arcs of the trigger."""
    if len(towns) != 1 or _inside(towns[0].tokens, frames):
        return None
    near = min(trigger_distance(t, towns[0]) for t in spans) <= reach
    return towns[0].place if near else None


@dataclass(frozen=True)
class _Sentence:
    """Everything one sentence offers to the drafts of its triggers."""

    unit: Unit
    triggers: list[Trigger]
    located: list[figures.Located]
    salvo: tuple[WeaponCount, ...]  # weapons read with "launched" as the default role
    candidates: list[PlaceCandidate]
    dates: list[tuple[SpacySpan, DateValue]]
    actors: list[tuple[SpacySpan, Actor]]
    acts: list[tuple[SpeechAct, Actor | None]]
    casualties: figures.Casualties
    frames: list[tuple[int, int]]  # events that time another: "au lendemain de …"

    @cached_property
    def towns(self) -> list[PlaceCandidate]:
        """The town-level places the sentence names."""
        return [c for c in self.candidates if c.place is not None and c.place.precision == "town"]

    @cached_property
    def town_ids(self) -> frozenset[int]:
        return frozenset(c.place.geonames_id for c in self.towns if c.place and c.place.geonames_id)


# "in case of a Russian attack", "en cas d'attaque russe": an event that may come.
_IN_CASE_OF = re.compile(
    r"(?:\ben\s+cas\s+(?:de\s+|d['’])|\bin\s+(?:the\s+)?(?:case|event)\s+of\s+)"
    r"(?:(?:une?|an?|the|la|le|l['’])\s*)?(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)


_IN_CASE_OF_TOKENS = 8  # "in the event of a Russian": the longest such lead-in


def _first_of_each_id(quotes: Sequence[Quote]) -> list[Quote]:
    """One quote per id (an id is the article and the quote's start), the first found: a
    store keeps quote ids unique, and an article must not fail for a repeat."""
    seen: set[str] = set()
    out = []
    for q in quotes:
        if q.quote_id not in seen:
            seen.add(q.quote_id)
            out.append(q)
    return out


def _hypothetical(trigger: SpacySpan) -> bool:
    """Whether the event is one that may happen: "ready to fight in case of a Russian
    attack", "prête à se battre en cas d'attaque russe"; or only on a condition: "il ne
    rencontrerait Vladimir Poutine que s'il savait…", "would only meet Putin if…"."""
    before = trigger.doc[max(0, trigger.start - _IN_CASE_OF_TOKENS) : trigger.start]
    if _IN_CASE_OF.search(before.text_with_ws):
        return True
    sent = trigger.root.sent
    after = trigger.doc[trigger.end : min(sent.end, trigger.end + _ONLY_IF_TOKENS)]
    only = any(t.lower_ in ("only", "ne", "n'", "n’") for t in before[-3:])
    return only and bool(_ONLY_IF.search(after.text_with_ws))


# "ne … que si", "only … if", "only … unless": the one condition of the event.
_ONLY_IF = re.compile(r"\bque\s+s(?:i\b|['’])|\bif\b|\bunless\b", re.IGNORECASE)
_ONLY_IF_TOKENS = 12  # "rencontrerait son homologue russe Vladimir Poutine à Budapest que s'il"


def _nearer_other(
    cand: PlaceCandidate, own: Sequence[SpacySpan], others: Sequence[SpacySpan]
) -> bool:
    """Whether a place hangs nearer another trigger than the event's own: "ira en Turquie
    avant de se rendre à Moscou" goes to Turkey on the first leg, Moscow on the second."""
    if not others:
        return False
    mine = min(trigger_distance(t, cand) for t in own)
    return min(trigger_distance(t, cand) for t in others) < mine


def _article_readings(
    run: _ArticleRun, docs: Sequence[tuple[Doc, int]]
) -> dict[tuple[str, str], str]:
    """``(name, id) -> id``: the scanner's readings of place names, read again with what
    only the whole article shows (the scanner reads each paragraph alone)."""
    found: dict[str, list[str]] = {}
    for doc, _ in docs:
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                found.setdefault(ent.text, []).append(ent.kb_id_)
    out = _short_forms(run, found)
    found = {t: kept for t, refs in found.items() if (kept := [r for r in refs if r.isdigit()])}
    for text, refs in found.items():
        alone = run.places.place(text, run.country)
        if alone is None or alone.geonames_id is None or alone.precision != "town":
            continue
        default = str(alone.geonames_id)
        out.update(_in_main_country(run, text, refs, alone))
        if len(set(refs)) > 1 and default in refs:
            out.update(_one_town(run, text, refs, default))
    return out


_CITY = 100_000  # people: a foreign town this large is meant even in a story elsewhere
_HAMLET = 15_000  # people: a foreign town smaller is meant only where the text says so


def _in_main_country(
    run: _ArticleRun, text: str, refs: list[str], alone: Place
) -> dict[tuple[str, str], str]:
    """A town read by its name alone in a paragraph that names no country is read in
    the article's country: "the village of Krynki" in a story on Ukraine is Krynky on
    the Dnipro, not Krynki in Poland. A foreign city stays itself ("New York" is not
    the Donbas village once called so)."""
    if alone.country != run.country or all(r == str(alone.geonames_id) for r in refs):
        return {}  # (every occurrence already read there: no second look-up)
    anywhere = run.places.place(text, None)
    if anywhere is None or anywhere.country == run.country or anywhere.precision != "town":
        return {}
    if anywhere.geonames_id is None or run.places.population(anywhere.geonames_id) >= _CITY:
        return {}
    wrong = str(anywhere.geonames_id)
    return {(text, wrong): str(alone.geonames_id)} if wrong in refs else {}


def _short_forms(run: _ArticleRun, found: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    """The last word of a country's or a region's name the article gives in full is
    that country, where alone it would be a small foreign town or nothing: "le Congo"
    after "la République démocratique du Congo" is not Congo in Brazil."""
    out: dict[tuple[str, str], str] = {}
    for text, refs in found.items():
        longer = Counter(
            ref
            for name, name_refs in found.items()
            if name.endswith(" " + text)
            for ref in name_refs
            if ref.isdigit()
        )
        if not longer:
            continue
        alone = run.places.place(text, None)
        if alone is not None and (
            alone.precision != "town"
            or alone.geonames_id is None
            or run.places.population(alone.geonames_id) >= _CITY
        ):
            continue
        for ref, _ in longer.most_common():
            area = run.places.place_of(int(ref), text)
            if area is not None and area.precision in ("country", "region", "admin1"):
                out.update({(text, r): ref for r in set(refs)})
                break
    return out


def _one_town(
    run: _ArticleRun, text: str, refs: list[str], default: str
) -> dict[tuple[str, str], str]:
    """One town per name in an article: a common name ("Oleksandrivka") is the
    front-line village where the villages around it say so and the largest namesake
    where nothing does. Where fewer than half the occurrences are read by the name
    alone, those take the reading most of the others were given (the first, on a tie)."""
    if 2 * refs.count(default) >= len(refs):
        return {}
    votes = Counter(r for r in refs if r != default)
    best = max(votes, key=lambda r: (votes[r], -refs.index(r)))
    other = run.places.place_of(int(best), text)
    return {(text, default): best} if other is not None and other.precision == "town" else {}


# Dead or wounded on both sides: the toll of a fight, not of a strike on one side.
_BOTH_SIDES = re.compile(
    r"\b(?:dans\s+les\s+deux\s+camps|de\s+part\s+et\s+d['’]autre|des\s+deux\s+côtés"
    r"|on\s+both\s+sides|on\s+each\s+side)\b",
    re.IGNORECASE,
)


def _both_sides_dead(unit: Unit, located: Sequence[figures.Located], lex: LexiconData) -> bool:
    """Whether a sentence counts the dead of both sides of a fight: "dans les deux camps",
    "on both sides", or soldiers and rebels each counted ("Five Ukrainian soldiers, two
    rebels killed")."""
    if _BOTH_SIDES.search(unit.sent.text):
        return True
    return figures.both_sides({item.noun.text.lower() for item in located}, lex)


def _on_armed_target(trig: Trigger, armed: frozenset[str], civilian: frozenset[str]) -> bool:
    """A ground attack on soldiers, a base or a checkpoint is an armed clash (ACLED); on
    a humanitarian or evacuation convoy it stays an attack."""
    if trig.subtype not in (None, "other", "ground_attack"):
        return False  # air strikes, shelling and bombs stay attacks whatever they hit
    for child in trig.span.root.children:
        target = target_noun(child)
        if target is not None and target.lower_ in armed:
            return not civilian_target(target, civilian)
    return False


def _sanction_act(unit: Unit, spans: list[SpacySpan]) -> bool:
    """Sanctions imposed, announced, lifted, "new sanctions": an act near the trigger."""
    return any(
        min(path_length(t.root, cue.root) for t in spans) <= 2 for cue in unit.get("sanctions_acts")
    )


def _party_says(governing: list[tuple[SpeechAct, Actor | None]]) -> bool:
    """True if a state or armed force vouches for the event: territorial gains a side
    announces about itself are claims until confirmed (as ACLED codes them)."""
    return any(
        a is not None and (a.kind in ("state", "force") or (a.kind == "org" and a.country))
        for _, a in governing
    )


def _fold_bare(drafts: list[Draft]) -> list[Draft]:
    """Within one sentence, a draft with neither place nor date of its own joins another
    draft of its type ("The meeting, hosted by Switzerland, will be attended by…") that
    is not the event which times it ("au lendemain de son déplacement à Moscou"), and
    casualty words of a battle sentence are the battle's, not a separate attack."""
    if any(d.type == "battle" for d in drafts):
        drafts = [d for d in drafts if d.type != "attack" or d.strong]
    out: list[Draft] = []
    for d in drafts:
        host = next((o for o in out if o.type == d.type and not o.timed_apart(d)), None)
        if host is not None and d.place is None and not d.own_date:
            continue
        if host is not None and host.place is None and not host.own_date:
            out[out.index(host)] = replace(d, evidence=host.evidence)
            continue
        out.append(d)
    return out


def _weak_supported(
    spans: list[SpacySpan],
    place: Place | None,
    s: _Sentence,
    casualties: figures.Casualties,
    weapons: tuple[WeaponCount, ...],
) -> bool:
    """A weak trigger ("killed", "fighting", "talks") stands only with a count, a place
    or a date near it."""

    def near(tokens: SpacySpan, limit: int = WEAK_PATH) -> bool:
        return min(path_length(t.root, tokens.root) for t in spans) <= limit

    if (casualties.any() or weapons) and any(near(item.noun, WEAK_PATH + 1) for item in s.located):
        return True
    if any(near(tokens) for tokens, _ in s.dates):
        return True
    if place is None:
        return False
    return any(  # the place, or the area named near the trigger that holds it
        min(trigger_distance(t, c) for t in spans) <= WEAK_PATH
        for c in s.candidates
        if c.place is not None and (c.place == place or lies_in(place, c.place))
    )


def _dates_telling(
    found: tuple[SpacySpan, DateValue],
    dates: list[tuple[SpacySpan, DateValue]],
    trigger: SpacySpan,
    governing: list[tuple[SpeechAct, Actor | None]],
) -> bool:
    """Whether the date ``found`` (its words, its value) dates the telling of the event,
    not the event: "Ukraine reported on Tuesday that its forces had established a
    foothold", "a milblogger claimed on February 21 that Russian forces seized Karpivka".
    The date hangs on the speech verb, and the trigger lies in the clause the verb
    reports. A clause that times itself from the telling ("said on Saturday that it shot
    down 29 drones in an overnight raid") happened that day."""
    tokens, value = found
    if value.precision != "day":
        return False
    trigger_root = trigger.root
    for other, _ in dates:
        if other is not tokens and (
            other.root.i == trigger_root.i or trigger_root in other.root.ancestors
        ):
            return False
    head = tokens.root.head
    if head.pos_ == "ADP":  # "said on Tuesday", "a affirmé le 21 février"
        head = head.head
    if head.lemma_.lower() in _PUBLISHED and head.i != trigger_root.i:
        return True  # "published a map on February 20 acknowledging that … advanced"
    for act, _ in governing:
        verb = act.verb.root
        if act.according or verb.i == trigger_root.i or verb not in trigger_root.ancestors:
            continue
        if head.i == verb.i:
            return True
    return False


# Verbs that date a record of an event, not the event: the day footage or a map came out.
_PUBLISHED = frozenset({"publish", "post", "upload", "publier", "diffuser"})


def _governs(act: SpeechAct, trigger: SpacySpan) -> bool:
    """True if the speech act vouches for the trigger's clause."""
    if act.according:
        return True
    verb, root = act.verb.root, trigger.root
    if verb in root.ancestors:
        return True
    sent_root = verb.sent.root
    sentence_level = verb.i == sent_root.i or (
        verb.head.i == sent_root.i
        and verb.dep_ in ("parataxis", "advcl", "conj")
        and verb.i > root.i
    )
    return sentence_level and not (root in verb.subtree and root.i != verb.i)


def _attributions(
    unit: Unit, governing: list[tuple[SpeechAct, Actor | None]]
) -> tuple[Attribution, ...]:
    out: dict[str, Attribution] = {}
    for act, actor in governing:
        if actor is None:
            continue
        span = unit.span_of(act.words)
        out.setdefault(actor.name, Attribution(actor.name, span.text, span.start, span.end))
    return tuple(out.values())


def _place_as_actor(run: _ArticleRun, s: _Sentence, spans: list[SpacySpan]) -> Actor | None:
    """A capital in the subject of the trigger stands for its state ("Kyiv had launched
    a drone" -> Ukraine; "les troupes de Kiev ont réussi à chasser…" -> Ukraine)."""
    named = {i for tokens, _ in s.actors for i in range(tokens.start, tokens.end)}
    for trig in spans:
        subject = subject_of(trig.root)
        if subject is None:
            continue
        for token in subject.subtree:
            if token.i in named or (token.i != subject.i and token.head.i != subject.i):
                continue  # an actor already, or deeper ("le contrôle de l'aéroport de Tripoli")
            if _where_not_who(token):
                continue  # "Five killed in eastern Ukraine fighting": where, not who
            if token.ent_type_ in PLACE_LABELS and token.ent_iob_ == "B":
                ent = next((e for e in token.sent.ents if e.start == token.i), None)
                actor = run.metonym(ent.text) if ent is not None else None
                if actor is not None and ent is not None:
                    span = s.unit.span_of(ent)
                    return replace(actor, text=span.text, start=span.start, end=span.end)
    return None


_DEMONSTRATIVES = frozenset(
    {"this", "that", "these", "those", "ce", "cet", "cette", "ces", "ledit", "ladite"}
)


def _points_back(span: SpacySpan) -> bool:
    """A trigger noun named with a demonstrative ("cette attaque", "this strike"), or a
    definite one that only dates something else ("hours before the meeting", "après le
    sommet"): the event told before, not a new one."""
    root = span.root
    if any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in root.children):
        return True
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in root.children):
        return False
    if root.dep_ == "pobj":  # "before the meeting", "ahead of the talks"
        prep = root.head
        return prep.lower_ in _TIME_WORDS or (
            prep.lower_ == "of" and prep.head.lower_ in _TIME_WORDS
        )
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    if cases & _TIME_WORDS:  # "avant la rencontre", "après le sommet"
        return True
    return bool(cases & {"de", "du", "d'", "d’"}) and root.head.lower_ in ("veille", "lendemain")


_DEFINITE = frozenset({"the", "le", "la", "l'", "l’", "les"})
# Words that make an event a point in time for another: "hours before the meeting".
_TIME_WORDS = frozenset({"before", "after", "following", "ahead", "avant", "après"})


# How near a casualty verb stands to the trigger that points back, for it to count its dead.
_TOLD_PATH = 2


def _anaphoric(spans: Sequence[SpacySpan]) -> bool:
    """The sentence tells an event told before: every trigger points back, or counts
    the dead of one that does ("38 personnes ont été tuées dans cet attentat")."""
    back = [t for t in spans if _points_back(t)]
    return bool(back) and all(
        t in back
        or (
            t.root.lemma_.lower() in CASUALTY_LEMMAS
            and any(path_length(t.root, b.root) <= _TOLD_PATH for b in back)
        )
        for t in spans
    )


_IN = frozenset({"in", "at", "near", "inside", "en", "à", "dans", "près"})


def _where_not_who(token: Token) -> bool:
    """A place named with "in", "at", "près de" says where, not who."""
    if token.dep_ == "pobj" and token.head.lower_ in _IN:
        return True
    return any(c.dep_ == "case" and c.lower_ in _IN for c in token.children)


def _last_town(run: _ArticleRun, unit: Unit) -> Place | None:
    """The last town-level place named in the sentence, for "the city" later on."""
    for ent in reversed(unit.sent.ents):
        if ent.label_ in PLACE_LABELS:
            place = run.resolve(ent.text)
            if place is not None and place.precision == "town":
                return place
    return None


def _dates_in(unit: Unit, run: _ArticleRun) -> list[tuple[SpacySpan, DateValue]]:
    run.since_story += 1
    if run.since_story > STORY_REACH:
        run.story = None
    text = unit.text
    found = [_in_story(d, run, text) for d in find_dates(text, run.lex.lang, run.article.published)]
    found += _same_time(text, found, run.last_date)
    beside = _day_beside(text, found, run.last_date, run.article.published)
    out = []
    for d, told_beside in [*((d, False) for d in found), *((d, True) for d in beside)]:
        start, end = unit.start + d.start, unit.start + d.end
        tokens = unit.tokens_at(start, end)
        if tokens is not None and not (told_beside and _in_relative(tokens.root)):
            out.append((tokens, replace(d, start=start, end=end)))
    stated = [d for _, d in out if d.precision in ("day", "month")]
    run.last_date = stated[-1] if stated else run.last_date
    return _as_said(unit, run, out)


# Sentences after the one that dates a statement ("The UN on Thursday condemned…") in
# which the days its quoted words name ("between yesterday and the early hours of today")
# are counted from the day it was made.
SAID_REACH = 2
SPEECH_DATE_PATH = 2  # arcs from a speech verb to the day that dates it
# verbs of a statement that are not speech verbs of their own ("The UN on Thursday
# condemned the latest attacks" does not say what the UN said)
_STATEMENT_VERBS = frozenset({"condemn", "welcome", "condamner", "saluer"})


def _as_said(
    unit: Unit, run: _ArticleRun, dates: list[tuple[SpacySpan, DateValue]]
) -> list[tuple[SpacySpan, DateValue]]:
    """``dates`` with the days quoted words name counted from the day they were said, when
    a sentence at most ``SAID_REACH`` back (or this one) states that day and it is not the
    publication day."""
    published = run.article.published
    verbs = [v.root for v in unit.get("verbs")]
    verbs += [t for t in unit.sent if t.pos_ == "VERB" and t.lemma_ in _STATEMENT_VERBS]
    for tokens, value in dates:
        if (
            value.precision == "day"
            and not _quoted(run, value)
            and any(path_length(v, tokens.root) <= SPEECH_DATE_PATH for v in verbs)
        ):
            run.said_on = (unit.index, value)
    said = run.said_on
    if (
        said is None
        or published is None
        or said[1].date in (None, published)
        or unit.index - said[0] > SAID_REACH
        or not any(_quoted(run, v) for _, v in dates)
    ):
        return dates
    again = {(d.start, d.end): d for d in find_dates(unit.text, run.lex.lang, said[1].date)}
    out = []
    for tokens, value in dates:
        redone = again.get((value.start - unit.start, value.end - unit.start))
        if _quoted(run, value) and redone is not None and redone.date != value.date:
            value = replace(redone, start=value.start, end=value.end)
        out.append((tokens, value))
    return out


def _quoted(run: _ArticleRun, value: DateValue) -> bool:
    """Whether a date's words lie inside a quote."""
    return any(q.start <= value.start and value.end <= q.end for q in run.quoted)


# Event sentences a story lasts without a date that moves it on: a date of long ago in
# one paragraph does not time a day named pages later ("the 13 November attacks … on
# 27 June").
STORY_REACH = 6


def _in_story(value: DateValue, run: _ArticleRun, text: str) -> DateValue:
    """``value`` read in the story the article is telling, and the story moved on.

    A date that states its year and lies more than ``HISTORICAL_DAYS`` back starts a
    story; a day or month named without a year after it is the next such one from there
    (``in_story``), and moves the story on; any other date of the last ``HISTORICAL_DAYS``
    ("on Tuesday", "yesterday", "February 18, 2026") brings the text back to the news and
    ends the story, and so do ``STORY_REACH`` event sentences that do not move it. A date
    that a time runs from ("depuis fin octobre 2019") starts none."""
    published = run.article.published
    if value.date is None or published is None or value.precision == "unresolved":
        return value
    if run.story is not None and value.date <= published:
        moved = in_story(value, run.lex.lang, run.story)
        if moved is not None and moved.date is not None and moved.date < value.date:
            run.story, run.since_story = moved.date, 0
            return moved
    last = value.end_date or value.date
    if (published - last).days <= HISTORICAL_DAYS:
        run.story = None
    elif value.precision in ("day", "month") and has_year(value) and not runs_from(text, value):
        run.story, run.since_story = value.date, 0
    return value


# Words that tell of now, not of the story: "which Ukrainians recently demonstrated".
_NOW = re.compile(
    r"\b(?:recently|now|currently|today|this\s+week|récemment|désormais|actuellement"
    r"|aujourd'hui|aujourd’hui|cette\s+semaine)\b",
    re.IGNORECASE,
)


# A period longer than a night or a day over which weapons are summed: a tally of many
# attacks, not one ("during the week", "over the past month", "cette semaine", "in
# February alone").
_TALLY = re.compile(
    r"\b(?:(?:during|over|in|throughout)\s+the\s+(?:past\s+|last\s+)?(?:week|month)"
    r"|(?:this|last)\s+(?:week|month)|since\s+the\s+(?:start|beginning)\s+of\s+the\s+(?:week|month|year)"
    r"|in\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+alone"
    r"|au\s+cours\s+de\s+la\s+semaine|cette\s+semaine|la\s+semaine\s+(?:dernière|passée)"
    r"|(?:ce|le)\s+mois(?:-ci|\s+dernier)|depuis\s+le\s+début\s+(?:de\s+la\s+semaine|du\s+mois|de\s+l['’]année)"
    r"|en\s+une\s+semaine)\b",
    re.IGNORECASE,
)


def _in_past_story(run: _ArticleRun, unit: Unit) -> bool:
    """Whether ``unit`` is told while the text is still telling a story of long ago
    (``_in_story``) and says nothing of now."""
    published = run.article.published
    return (
        run.story is not None
        and published is not None
        and (published - run.story).days > HISTORICAL_DAYS
        and not _NOW.search(unit.text)
    )


def _as_recalled(d: Draft) -> Draft:
    """An undated report told within a story of long ago is background ("Talks followed in
    Belarus" after "In February 2022, …"). Read last, once drafts are merged and dated, so
    that whether a report joins another or takes its date does not hang on it."""
    if d.recalled and d.modality == "reported" and (d.date is None or d.date.date is None):
        return replace(d, modality="historical")
    return d


# "the same day", "that month", "le même mois", "ce jour-là": the time told before.
_SAME_TIME = re.compile(
    r"\b(?:(?:on\s+)?(?:the\s+same|that)\s+(?:(?P<day>day)|(?P<month>month))"
    r"|le\s+même\s+(?:(?P<jour>jour)|(?P<mois>mois))|ce\s+(?:(?P<jourla>jour)|(?P<moisla>mois))-là)\b",
    re.IGNORECASE,
)


def _same_time(text: str, found: list[DateValue], last: DateValue | None) -> list[DateValue]:
    """Dates a sentence gives as the one told before: "Le même mois, cinq combattants ont
    été tués" is in the month of the last date an event sentence stated."""
    if last is None or last.date is None:
        return []
    out = []
    for m in _SAME_TIME.finditer(text):
        if _overlaps(m, found):
            continue
        if m.group("day") or m.group("jour") or m.group("jourla"):
            if last.precision != "day":
                continue
            value = replace(last, end_date=None)
        else:
            first = last.date.replace(day=1)
            value = replace(last, date=first, precision="month", end_date=None)
        out.append(replace(value, text=m.group(0), start=m.start(), end=m.end()))
    return out


def _overlaps(m: re.Match[str], found: list[DateValue]) -> bool:
    """Whether a phrase matched in a sentence overlaps a date already found there."""
    return any(d.start < m.end() and m.start() < d.end for d in found)


# "the previous day", "la veille", "the next day", "le lendemain", said alone (not "la
# veille du sommet", which times the event by another one): a day from the day told.
_DAY_BESIDE = re.compile(
    r"\b(?:(?P<before>the\s+previous\s+day|la\s+veille)"
    r"|(?P<after>the\s+(?:next|following)\s+day|le\s+lendemain))\b"
    r"(?!\s+(?:of|de|du|des|d['’]))",
    re.IGNORECASE,
)


def _in_relative(token: Token) -> bool:
    """Whether ``token`` stands in a relative or adverbial clause: "un kamikaze qui s'était
    enregistré à l'hôtel la veille" is the eve of the registration, not of the attack."""
    return any(t.dep_ in ("relcl", "acl:relcl", "acl", "advcl") for t in [token, *token.ancestors])


def _day_beside(
    text: str, found: list[DateValue], last: DateValue | None, published: dt.date | None
) -> list[DateValue]:
    """ "Rescuers cleared rubble from a strike … the previous day": the day before the
    day the sentence or the text told last, else before publication; "le lendemain" the
    day after the day told (with no day told, it says nothing)."""
    out = []
    for m in _DAY_BESIDE.finditer(text):
        if _overlaps(m, found):
            continue
        told = [d for d in found if d.end <= m.start() and d.precision == "day" and d.date]
        base = told[-1].date if told else last.date if last and last.precision == "day" else None
        if m.group("before"):
            base = base or published
            day = base - dt.timedelta(days=1) if base else None
        else:
            day = base + dt.timedelta(days=1) if base else None
        if day is not None:
            out.append(DateValue(day, "day", m.group(0), m.start(), m.end()))
    return out


def _time_frames(unit: Unit) -> list[tuple[int, int]]:
    """Token ranges of the events that time another one: "au lendemain de son déplacement
    à Moscou", "a day after Ukraine claimed bridgeheads". The range runs from the cue to
    the end of the phrase or clause the cue opens."""
    out = []
    for cue in unit.get("relative"):
        last = cue[-1]  # "de", "after": what it opens is its head ("de") or itself ("after")
        opens = last.dep_ in ("mark", "case") and last.head.i > last.i
        node = last.head if opens else last
        end = max(node.right_edge.i + 1, cue.end)
        lead = unit.sent.doc[unit.sent.start : cue.start]
        if all(t.like_num or t.is_punct for t in lead):  # "Trois jours après l'incendie …,
            # un homme a été interpellé": a phrase that opens the sentence ends at its first
            # comma, however the parser hung the main clause on it, and however it hung
            # the phrase's own relative clause ("Au lendemain de la frappe qui a touché
            # un centre commercial à Krementchouk, les dirigeants…")
            rest = unit.sent.doc[cue.end : unit.sent.end]
            end = next((t.i for t in rest if t.text == ","), end)
        out.append((cue.start, end))
    return out


# Days between an event a timing phrase names and the time of its sentence: "au
# lendemain de l'attaque" is a day after it, "à la veille du sommet" a day before it.
_FRAME_SHIFT = (
    (re.compile(r"(?:au|le)\s+surlendemain\b", re.IGNORECASE), 2),
    (re.compile(r"(?:au|le)\s+lendemain\b|(?:the|a)\s+day\s+after\b", re.IGNORECASE), 1),
    (
        re.compile(
            r"(?:à\s+)?la\s+veille\b|(?:the|a)\s+day\s+before\b|on\s+the\s+eve\b",
            re.IGNORECASE,
        ),
        -1,
    ),
)
_DAYS_AFTER = re.compile(
    r"(?P<n>\S+)\s+(?:jours|days)\s+(?P<way>après|after|avant|before)\b", re.IGNORECASE
)


def _frame_shift(unit: Unit, start: int, lang: str) -> int | None:
    """Days the event inside the timing phrase at token ``start`` lies before its
    sentence's time (negative: after it); None when the phrase gives no count of days
    ("peu après", "weeks after")."""
    doc = unit.sent.doc
    text = doc[max(start - 1, 0) : start + 4].text
    lead = doc[start : start + 4].text
    if start > 0 and doc[start - 1].lower_ == "to":
        return None  # "74 years to the day before": an anniversary, not the eve
    for pattern, shift in _FRAME_SHIFT:
        if pattern.match(lead):
            return shift
    m = _DAYS_AFTER.match(text) if start > 0 else None
    if m is None:
        return None
    q = parse_count(m.group("n"), lang)
    if q is None or q.min is None or q.min != q.max or not 0 < q.min <= _MAX_FRAME_DAYS:
        return None
    return q.min if m.group("way").lower() in ("après", "after") else -q.min


_MAX_FRAME_DAYS = 31


def _timed_by_frame(
    unit: Unit,
    frame: tuple[int, int],
    base: DateValue | None,
    published: dt.date | None,
    lang: str,
) -> DateValue | None:
    """The day of an event told only to time its sentence ("deux jours après la chute de
    ce missile", "au lendemain de la frappe"): the sentence's own day, less the days the
    phrase counts; with no day of its own, an event before it is counted back from the
    publication day (a statement is news the day it is made)."""
    shift = _frame_shift(unit, frame[0], lang)
    if shift is None:
        return None
    if base is not None:
        if base.precision != "day" or base.date is None:
            return None
        day = base.date
    elif published is not None and shift > 0:
        day = published  # "a déclaré …, deux jours après la chute": told on the day
    else:
        return None
    phrase = unit.span_of(unit.sent.doc[frame[0] : frame[1]])  # the words that time it
    return DateValue(day - dt.timedelta(days=shift), "day", phrase.text, phrase.start, phrase.end)


def _inside(tokens: SpacySpan, frames: Sequence[tuple[int, int]]) -> bool:
    return any(start <= tokens.start and tokens.end <= end for start, end in frames)


def _date_for(
    triggers: list[SpacySpan], dates: list[tuple[SpacySpan, DateValue]]
) -> tuple[SpacySpan, DateValue] | None:
    """The date nearest the trigger in the parse, with its words; a day is worth one arc
    more than a week, a month or a range ("just last week on 19 August" is the 19th)."""
    best: tuple[int, tuple[SpacySpan, DateValue]] | None = None
    for tokens, value in dates:
        path = min(path_length(trig.root, t) for t in tokens for trig in triggers)
        if path > MAX_DATE_PATH:
            continue
        rank = path - (1 if value.precision == "day" else 0)
        if best is None or rank < best[0]:
            best = (rank, (tokens, value))
    return best[1] if best else None


# Since the full-scale invasion, a strike on Ukraine that names no attacker is Russia's
# ("Dnipro, Lviv et surtout Kiev ont été ciblées", "29 of 38 drones were shot down"),
# except where Russia or its proxies held the land before it and Ukraine strikes too:
# Crimea, and the larger towns of Donetsk and Luhansk oblasts held since 2014 (smaller
# places there are not told apart from the rest of the two oblasts). The actor given
# has no text (``Actor.stated`` is false): it is inferred, not stated.
FULL_SCALE_INVASION = dt.date(2022, 2, 24)
_HELD_BEFORE_INVASION = frozenset({"Crimea", "Sevastopol"})  # admin1 names
# Crimea and the Crimean Peninsula; Donetsk, Makiivka, Horlivka, Yenakiieve, Khartsyzk;
# Luhansk, Alchevsk, Kadiivka, Khrustalnyi, Dovzhansk (GeoNames ids)
_HELD_BEFORE_IDS = frozenset(
    {703884, 703862, 709717, 702320, 707753, 688148, 706466, 702658, 713716, 692975,
     704202, 692105}
)  # fmt: skip
_STRIKES = frozenset({"attack", "air_raid"})


# Russia took Crimea in February and March 2014 and has held it since: told later, its
# taking, undated, is that recalled ("La Russie s'est alors emparée de la Crimée",
# "Russia's annexation of Crimea"), not news.
CRIMEA_TAKEN = dt.date(2014, 3, 31)
_CRIMEA_IDS = frozenset({703884, 703862})  # Crimea, the Crimean Peninsula (GeoNames)


def _crimea_taken(
    kind: str, place: Place | None, actor: Actor | None, published: dt.date | None
) -> bool:
    """Whether an undated territory change is Crimea taken by Russia (or by no side
    named), told after 2014."""
    return (
        kind == "territory_change"
        and place is not None
        and place.geonames_id in _CRIMEA_IDS
        and (actor is None or actor.country in (None, "RU"))
        and published is not None
        and published > CRIMEA_TAKEN
    )


def _implied_attacker(
    drafts: list[Draft], run: _ArticleRun, mentions: Sequence[Mention], fallback: Place | None
) -> list[Draft]:
    """Strikes on Ukraine with no attacker of their own, given to Russia where the
    article is told after the full-scale invasion and names Russia or a Russian actor;
    an air raid with no place is on ``fallback``, the country it is reported in."""
    published = run.article.published
    if published is None or published < FULL_SCALE_INVASION:
        return drafts
    unclaimed = [i for i, d in enumerate(drafts) if _struck_in_ukraine(d, fallback)]
    if not unclaimed:
        return drafts
    russia = run.parties.table.resolve("Russia")
    if russia is None or not _names_russia(run, mentions):
        return drafts
    inferred = replace(russia, text="", start=-1, end=-1)
    out = list(drafts)
    for i in unclaimed:
        out[i] = replace(out[i], actor1=inferred)
    return out


def _struck_in_ukraine(d: Draft, fallback: Place | None) -> bool:
    """A strike with no actor, on Ukraine outside the land held before the invasion."""
    place = d.place or (fallback if d.type == "air_raid" else None)
    return (
        d.type in _STRIKES
        and d.actor1 is None
        and place is not None
        and place.country == "UA"
        and place.admin1 not in _HELD_BEFORE_INVASION
        and place.geonames_id not in _HELD_BEFORE_IDS
    )


def _names_russia(run: _ArticleRun, mentions: Sequence[Mention]) -> bool:
    """Whether the article names Russia as a place, or an actor of Russia."""
    if "RU" in run.country_mentions:
        return True
    for m in mentions:
        if m.kind == "actor":
            actor = run.parties.table.resolve(m.text)
            if actor is not None and actor.country == "RU":
                return True
    return False


_YEAR_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod"})
_FIRST_YEAR = 1900


def _closing_date(
    unit: Unit, dates: list[tuple[SpacySpan, DateValue]], published: dt.date | None
) -> tuple[SpacySpan, DateValue] | None:
    """The one date of a sentence that closes it after a comma, as a photo caption's does
    ("A woman passes by shelled shops near the train station in Donetsk, in August
    2014."), when it lies in a year before the article's: what the picture shows is
    that old, however far the date is from the trigger. A caption of this year's
    ("…heavily damaged by Russian strikes, in Kyiv, on February 4") dates the picture,
    not the strike."""
    if len(dates) != 1 or published is None:
        return None
    tokens, value = dates[0]
    if value.date is None or value.date.year >= published.year:
        return None
    sent = unit.sent
    end = sent.end
    while end > tokens.end and sent.doc[end - 1].is_punct:
        end -= 1
    if end != tokens.end:
        return None
    start = tokens.start
    if start > sent.start and sent.doc[start - 1].lower_ in ("in", "on", "en", "le"):
        start -= 1
    return (tokens, value) if start > sent.start and sent.doc[start - 1].text == "," else None


def _year_of(trigger: SpacySpan, unit: Unit, published: dt.date | None) -> DateValue | None:
    """A year that modifies the trigger's noun: "Russia's 2014 annexation of Crimea", "the
    2022 invasion" (the date finder leaves a bare number alone elsewhere)."""
    for child in trigger.root.children:
        if child.dep_ not in _YEAR_DEPS or not child.is_digit or len(child.text) != 4:
            continue
        year = int(child.text)
        if year >= _FIRST_YEAR and (published is None or year <= published.year):
            span = unit.span_of(trigger.doc[child.i : child.i + 1])
            first, precision, last = year_range(year)
            return DateValue(first, precision, span.text, span.start, span.end, last)
    return None


def _future(date: DateValue, run: _ArticleRun, unit: Unit) -> DateValue:
    """Re-read a date expression in the future tense (for planned events)."""
    local = date.start - unit.start
    for d in find_dates(unit.text, run.lex.lang, run.article.published, tense="future"):
        if d.start == local:
            return replace(d, start=date.start, end=date.end)
    return date


def _targets(unit: Unit) -> tuple[Target, ...]:
    out = []
    for key, spans in unit.cues.items():
        if key.startswith("target:"):
            span = unit.span_of(spans[0])
            out.append(Target(key.split(":", 1)[1], span.text, span.start, span.end))
    return tuple(sorted(out, key=lambda t: t.start))


def _inherit_dates(drafts: list[Draft]) -> list[Draft]:
    """A draft with no date (or actor) of its own takes those of the last draft of its
    type a few sentences back ("The pre-dawn attack also killed…")."""
    out: list[Draft] = []
    for d in drafts:
        for prev in reversed(out):
            if (
                prev.type != d.type
                or prev.modality != d.modality
                or d.unit - prev.unit > DATE_INHERIT_WINDOW
                or (prev.framing and prev.unit == d.unit)  # the event it is timed by
            ):
                continue
            if not d.own_date and prev.date is not None:
                d = replace(d, date=prev.date)
            if d.actor1 is None and prev.actor1 is not None:
                d = replace(d, actor1=prev.actor1)
            break
        out.append(d)
    return out
