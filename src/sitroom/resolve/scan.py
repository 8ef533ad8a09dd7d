"""Fast place-mention scanner: Aho-Corasick over folded gazetteer names.

``PlaceScanner.scan(text)`` finds, without any NLP model:

(a) countries, admin areas (ADM1/ADM2) and named regions ("Donbas", "Crimea");
(b) populated places of 1,000 people or more, and capitals and regional/district
    centres of any size;
(c) any gazetteer place, however small ("Hrabovske", 52 people), right after a cue
    word: "the village of", "town of", "city of", "settlement of", "near", "outside",
    "toward", "north of", "southeast of", "le village de", "la ville de", "la localité
    de", "près de", "au nord de", "à l'est de" ...;
(d) any Ukrainian village named in a list with a Ukrainian town ("near Avdiivka, Tonenke
    and Pervomaiske");
(e) any Ukrainian place followed by its oblast ("Prychepylivka, Luhansk Obl", "Kamianka,
    Donetsk region"): the one of that name in that oblast;
(f) a river, where the text says it is one: "the Dnipro River", "the river Oskil", "le
    fleuve Dniepr", "the east bank of the Dnipro", "the Dnipro's left bank", "across the
    Dnipro". A bare "Dnipro" is the city.
(g) a power plant named after its town: "la centrale nucléaire de Zaporijjia", "the
    Zaporizhzhia nuclear plant", "Chernobyl NPP" are the plant, not the town.

Matches are whole words, longest first, never overlapping, and must be capitalised in
the text (short abbreviations such as "US" must match exactly). Names that are also
common words or given names ("Bar", "Police", "Vladimir", "Putin") are in a stoplist and
only match after a cue word. An admin word next to a name makes the mention the admin
area: "Sumy region", "Sumy oblast", "région de Soumy", "Kyiv regional" -> the oblast;
"Fastiv district" / "Fastiv raion" -> the raion; "the Nikopol region", named after a
district centre, is its raion; names listed after a plural admin word ("les régions de
Kharkiv et de Soumy") are all areas.

Each mention's ``ref`` is the GeoNames id of the best candidate, ranked with the
article's own context (the countries it names most, the admin areas it names) and, for a
village, the towns named within a few words of it: a place of that name within 30 km of
one of them wins, however small.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import ahocorasick

from sitroom.resolve.gazetteer import Candidate, GeoRecord, data_lines, respellings
from sitroom.resolve.geocode import (
    ADMIN1_WORDS,
    ADMIN_AFTER,
    NEAR_KM,
    Geocoder,
    GeoContext,
    admin_level,
    bearing,
    km_between,
    point_of,
)
from sitroom.resolve.text import FoldedText, fold_text, is_acronym, norm, starts_upper
from sitroom.types import Mention

MIN_LETTERS = 3
# How close in the text (characters) a town must be named to tell which of several
# homonyms a name means ("Lyman, Stavky, and Yampil").
NEAR_CHARS = 150
VILLAGE_POPULATION = 20_000
MIN_ALTERNATE_LETTERS = 5
# "north of", "southeast of", "nord de", "sud-est de": the words that place one name from
# another, in cues ("north of X") and front-line anchors (see ``_direction_anchor``).
_DIRECTION_EN = r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of"
_DIRECTION_FR = r"(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|du|d['’])"
_CUE = re.compile(
    r"(?:\b(?:villages?|towns?|city|cities|settlements?|hamlets?|localit(?:y|ies)"
    r"|communit(?:y|ies))\s+of"
    r"|\bnear(?:by)?|\boutside|\baround|\btowards?"
    rf"|\b{_DIRECTION_EN}|\b(?:au|à\s+l['’])\s*{_DIRECTION_FR}"
    r"|\b(?:villages?|villes?|localités?|communes?|bourgs?|hameaux|hameau|agglomérations?)"
    r"\s+(?:de|du|d['’])"
    r"|\bprès\s+(?:de|du|d['’])|\b(?:non\s+loin|proche|proximité|abords|environs)\s+(?:de|du|d['’]))"
    r"\s*",
    re.IGNORECASE,
)
# Front-line reports place villages from a town: "southeast of Borova near Olhivka",
# "Zahirne (east of Orikhiv)", "au nord de Bakhmout".
_DIRECTION = rf"{_DIRECTION_EN}|{_DIRECTION_FR}"
_DIRECTION_BEFORE = re.compile(rf"\b(?:{_DIRECTION})\s*$", re.IGNORECASE)
_BRACKET_DIRECTION = re.compile(
    rf"\s*\(\s*(?:(?:both|all|tous|toutes)(?:\s+(?:les\s+)?(?:deux|trois))?\s+)?(?:{_DIRECTION})\s*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
# The name of a list before the comma that joins it to the next: "Prydorozhnie, ".
_NAME_THEN_COMMA = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÀ-Þ][\w'’]+(?:[ -][A-ZÀ-Þ][\w'’]+){0,2})\s*,\s*\Z"
)
# A name right before such a bracket: "Karpivka (southeast of Borova)".
_NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÀ-Þ][\w'’]+(?:[ -][A-ZÀ-Þ][\w'’]+){0,2})"
    rf"(?=(?i:{_BRACKET_DIRECTION.pattern}))"
)
ANCHOR_CHARS = 400
# How far from the town it is placed from a front-line village may lie.
ANCHOR_KM = 60.0
# A plant named after its town: "la centrale nucléaire de Zaporijjia", "the Zaporizhzhia
# nuclear power plant", "Zaporizhzhia NPP".
_PLANT = re.compile(
    r"\bcentrales?\s+(?:nucléaires?\s+|atomiques?\s+)?(?:de\s+|d['’]\s*)"
    r"(?P<fr>[A-ZÀ-Þ][\w'’-]+)"
    r"|(?P<en>[A-ZÀ-Þ][\w'’-]+)(?=['’]?s?\s+(?:(?:nuclear|atomic)\s+(?:power\s+)?"
    r"(?:plant|station)|NPP)\b)"
)
# Prepositions before a place, for the villages of a text about Ukraine (see
# ``_locative_hits``).
_LOCATIVE = re.compile(
    r"(?<![\w'’])(?:in|at|from|à|(?:part|parts|outskirts|edge|centre|center)\s+of)\s+(?=[A-ZÀ-Þ])"
)
_TOWN_CUES = re.compile(
    r"villag|town|city|cit|settlement|hamlet|localit|ville|commune|bourg"
    r"|hameau",
    re.IGNORECASE,
)
_NAME = re.compile(r"[^\W\d_][\w'’ʼ]*(?:[ -][^\W\d_][\w'’ʼ]*){0,3}")
# The old word of a renamed place in brackets after the new one, then the rest of the
# name: "Chervonyi (Krasnyi) Lyman".
_WITHOUT_OLD_NAME = re.compile(r" \([^()]*\)")
_RENAMED = re.compile(
    r" \((?P<old>[A-ZÀ-Þ][\w'’ʼ]+)\) (?P<rest>[A-ZÀ-Þ][\w'’ʼ]+(?:[ -][A-ZÀ-Þ][\w'’ʼ]+)?)"
)
# What joins the names of one list: "Hai and Novooleksandrivka", "Kupyansk, Kurylivka,
# and Lyman" (a comma before the last "and" too).
_LIST_JOIN = re.compile(r"\s*,\s*(?:(?:and|or|et|ou)\s+)?|\s+(?:and|or|et|ou)\s+")
_ADMIN1_BEFORE = re.compile(
    rf"\b(?P<word>{'|'.join(ADMIN1_WORDS)})(?P<plural>s)?\s+"
    r"(?:of\s+(?:the\s+)?|de\s+(?:la\s+|l['’]\s*)?|du\s+|d['’]\s*)$",
    re.IGNORECASE,
)
# A plural admin word after the last name of a list: "Kursk and Sumy oblasts".
_PLURAL_ADMIN_AFTER = re.compile(
    r"\s+(?P<word>regions|oblasts|provinces|districts|raions|rayons)\b", re.IGNORECASE
)
# The next name of a list after a plural admin word: "the regions of Kharkiv and Sumy",
# "les régions de Kharkiv et de Soumy".
_NEXT_IN_LIST = re.compile(
    r"^\s*(?:,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)(?:of\s+|de\s+|du\s+|d['’]\s*)?$",
    re.IGNORECASE,
)
# A place name followed by one of these words names an outlet or an institution.
_ORG_AFTER = re.compile(
    r"\s+(?:Times|Post|Independent|Herald|Journal|Telegraph|Tribune|Gazette|Daily|University"
    r"|Institute|Stadium|Club|Dynamo"
    r"|(?i:declaration|accords?|agreements?|format|protocols?|memorandum))\b"
)
_LOC_CLASSES = frozenset("LTHV")
# A place and the oblast it lies in, after a comma: "Prychepylivka, Luhansk Obl".
_IN_OBLAST = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w'’ʼ]*(?:[ -][A-ZÀ-Þ][\w'’ʼ]*){0,2}),\s+"
    r"(?P<area>[A-ZÀ-Þ][\w'’ʼ-]*)\s+(?:[Oo]blast|Obl\b\.?|[Rr]egion\b)"
)
# Regions that stand for their oblasts in an article's context ("near Vodiane in
# Donbas"): Donbas is Donetsk and Luhansk oblasts, Crimea the republic and Sevastopol.
REGION_ADMIN1 = {709718: ("UA.05", "UA.14"), 703884: ("UA.11", "UA.20"), 703862: ("UA.11", "UA.20")}
# What makes a name a river: a river word after it or before it, a bank of it, a crossing.
_RIVER_WORD = re.compile(r"\s+[Rr]iver\b")
_NAME_BEFORE_RIVER = re.compile(r"(?<![\w'’ʼ-])[^\W\d_][\w'’ʼ-]*(?:\s+[^\W\d_][\w'’ʼ-]*)?$")
_RIVER_WORDS = ("river", "rivière", "fleuve", "bank", "shore", "cross", "rive", "travers")
_RIVER_BEFORE = re.compile(
    r"\b(?:rivers?|rivières?|fleuves?|banks?\s+of|shores?\s+of|across|cross(?:ed|es|ing)?"
    r"|rives?(?:\s+(?:gauche|droite|est|ouest))?\s+(?:du|de\s+la)|travers(?:é|ée|er|ant)s?)"
    r"\s+(?:the\s+|le\s+|la\s+)?(?:\(\s*(?:river|fleuve|rivière)\s*\)\s*)?(?=[^\W\d_])",
    re.IGNORECASE,
)
_THE_NAME = re.compile(r"\bthe\s+(?=[A-ZÀ-Þ])")
# What makes "the Dnipro" a town's or an area's name: an admin word, a capitalised word
# that goes on with the name, a hyphen ("the Dnipro-based").
_NOT_THE_RIVER = re.compile(
    r"(?:\s+(?:region|regions|oblast|oblasts|city|direction|axis|area|district|raion"
    r"|province|airport|front|sector)\b|\s+(?-i:[A-Z])|[-‐])",
    re.IGNORECASE,
)
_BANK_AFTER = re.compile(
    r"(?<![\w'’ʼ-])(?-i:[A-ZÀ-Þ])[\w'’ʼ-]*?(?:['’]s)?\s+(?:east(?:ern)?|west(?:ern)?|left|right|opposite)"
    r"\s+banks?\b",
    re.IGNORECASE,
)
# Words that may stand capitalised before or after a place name without making it part
# of a person's or an organisation's name.
_FUNCTION_TEXT = (
    "in at the from to for of on by with and but near outside since after before during "
    "over into while as when like also across around between toward towards via both "
    "à a au aux de du des le la les l d en dans pour sur par avec chez vers et mais depuis "
    "selon après avant pendant entre comme aussi ou or"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# French writes the generic word of a feature's name in lower case: "le pont de Crimée",
# "le détroit de Kertch", "la mer Noire".
_FRENCH_GENERIC = re.compile(
    r"(?:pont|détroit|mer|golfe|barrage|canal|lac|île|presqu['’]île|péninsule)\s"
)


def _described(written: str, entries: Iterable[tuple[int, bool, int]]) -> bool:
    """A hand-written description of one place, in lower case but for a name inside it:
    "la plus grande centrale nucléaire d'Europe" is the Zaporizhzhia plant. ``entries``
    are the automaton's (geonameid, primary, curated) for the name."""
    return (
        len(written.split()) >= 3
        and any(ch.isupper() for ch in written)
        and all(curated for _, _, curated in entries)
    )


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'’]*)")
STRONG_POPULATION = 1_000_000
# In a headline written in title case, a city this large is a place whatever words
# stand capitalised around it ("US Warned Ukraine Over Novorossiysk Oil Hub Strike").
TITLE_CITY_POPULATION = 100_000
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’]{3,}")


def _title_case(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a headline in title case: four words of four
    letters or more, nearly all capitalised."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = _TITLE_WORD.findall(text, start, end if end >= 0 else len(text))
    upper = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and upper >= 0.8 * len(words)


@cache
def stoplist() -> frozenset[str]:
    """Folded names the scanner finds only after a cue word (``data/stoplist.txt``)."""
    return frozenset(norm(line) for line in data_lines("stoplist.txt"))


@cache
def acronyms() -> dict[str, frozenset[str]]:
    """Folded abbreviation -> the exact written forms that may match it ("us" -> {"US"})."""
    text = (
        resources.files("sitroom.resolve").joinpath("data", "country_names.tsv").read_text("utf-8")
    )
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "abbr" and is_acronym(parts[2]):
            out.setdefault(norm(parts[2]), set()).add(parts[2])
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class _Hit:
    """A candidate place mention: offsets in the original text and what it may be."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]
    cue: bool = False
    area: GeoRecord | None = None
    level: int = 0
    plural: bool = False  # read after a plural admin word ("the regions of ...")


class PlaceScanner:
    """Place mentions in a text (see the module docstring). The automaton is built on
    the first scan and kept; ``build_seconds`` says how long that took."""

    def __init__(self, geocoder: Geocoder) -> None:
        self.geocoder = geocoder
        self.gazetteer = geocoder.gazetteer
        self._automaton: ahocorasick.Automaton | None = None
        self._records: dict[int, GeoRecord] = {}
        self.build_seconds: float | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"geocoder": self.geocoder}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["geocoder"])  # type: ignore[misc]

    @property
    def automaton(self) -> ahocorasick.Automaton:
        """The Aho-Corasick automaton over scannable names (built once, on first use)."""
        if self._automaton is None:
            started = time.perf_counter()
            self._automaton = self._build()
            self.build_seconds = time.perf_counter() - started
        return self._automaton

    def _build(self) -> ahocorasick.Automaton:
        stop, abbr = stoplist(), acronyms()
        by_key: dict[str, list[tuple[int, bool, int]]] = {}
        for key, gid, primary, curated in self.gazetteer.scan_names():
            letters = sum(c.isalpha() for c in key)
            if key in stop or (key not in abbr and letters < MIN_LETTERS):
                continue
            if not (primary or curated) and letters < MIN_ALTERNATE_LETTERS:
                continue
            by_key.setdefault(key, []).append((gid, primary, curated))
        self._records = self.gazetteer.records(sorted({g for v in by_key.values() for g, *_ in v}))
        automaton = ahocorasick.Automaton()
        for key, entries in by_key.items():
            automaton.add_word(key, (key, tuple(entries)))
        automaton.make_automaton()
        return automaton

    # ------------------------------------------------------------ scanning

    def scan(self, text: str) -> list[Mention]:
        """Place mentions of ``text``, in text order."""
        folded = fold_text(text)
        hits = _select(
            [
                *self._dictionary_hits(folded),
                *self._cue_hits(text),
                *self._bracket_hits(text),
                *self._river_hits(text),
                *self._oblast_hits(text),
                *self._plant_hits(text),
            ]
        )
        hits = _select([*hits, *self._listed_hits(text, hits)])
        hits = self._admin_lists(text, [self._with_admin(text, h) for h in hits])
        hits = [h for h in hits if h.level or h.cue or self._plausible(text, h)]
        context = self._context(hits)
        hits = _select([*hits, *self._locative_hits(text, hits)])
        records = [self._record(text, h, context) for h in hits]
        anchors = [_direction_anchor(text, hits, i) for i in range(len(hits))]
        records = self._anchor_towns(text, hits, records, anchors)
        records = [
            self._nearest(text, hits, records, i, context, anchors[i]) for i in range(len(hits))
        ]
        out = [self._mention(text, h, r) for h, r in zip(hits, records, strict=True)]
        return [m for m in out if m is not None]

    def _dictionary_hits(self, folded: FoldedText) -> Iterator[_Hit]:
        abbr = acronyms()
        for end_index, (key, entries) in self.automaton.iter(folded.folded):
            fstart, fend = end_index - len(key) + 1, end_index + 1
            if not folded.is_word(fstart, fend):
                continue
            start, end = folded.span(fstart, fend)
            written = folded.original[start:end]
            if key in abbr and written not in abbr[key]:
                continue
            lower = not starts_upper(written) and not _FRENCH_GENERIC.match(written)
            if lower and not _described(written, entries):
                continue
            cands = tuple(Candidate(self._records[g], p, c) for g, p, c in entries)
            yield _Hit(start, end, cands)

    def _bracket_hits(self, text: str) -> Iterator[_Hit]:
        """A Ukrainian village named just before a bracket that places it from a town
        ("seized Karpivka (southeast of Borova)"), however small: the bracket says it is
        a place."""
        for m in _NAME_BEFORE_BRACKET.finditer(text):
            hit = self._longest_at(text, m.start("name"), _ua_villages)
            if hit is not None and hit.end == m.end("name"):
                yield hit

    def _cue_hits(self, text: str) -> Iterator[_Hit]:
        for cue in _CUE.finditer(text):
            town_only = bool(_TOWN_CUES.match(cue.group(0)))
            pos = cue.end()
            while True:
                hit = self._name_at(text, pos, town_only, alike=True)
                if hit is None:
                    break
                yield hit
                join = _LIST_JOIN.match(text, hit.end)
                if join is None:
                    break
                pos = join.end()

    def _oblast_hits(self, text: str) -> Iterator[_Hit]:
        """Places followed by their oblast ("Prychepylivka, Luhansk Obl")."""
        for m in _IN_OBLAST.finditer(text):
            area = self.geocoder.admin_area(m.group("area"), 1)
            if area is None or area.country != "UA":
                continue
            cands = tuple(
                c
                for c in self.gazetteer.candidates(norm(m.group("name")))
                if c.record.admin1_key == area.admin1_key and c.record.feature_class == "P"
            )
            if cands:
                yield _Hit(m.start("name"), m.end("name"), cands, cue=True)

    def _plant_hits(self, text: str) -> Iterator[_Hit]:
        """A power plant named after its town ("la centrale nucléaire de Zaporijjia", "the
        Zaporizhzhia nuclear plant"): the name is the plant, not the town."""
        low = text.lower()
        if "centrale" not in low and "plant" not in low and "npp" not in low:
            return
        for m in _PLANT.finditer(text):
            name = m.group("fr") or m.group("en")
            start = m.start("fr") if m.group("fr") else m.start("en")
            cands = self._plants(name)
            if cands:
                yield _Hit(start, start + len(name), cands, cue=True)

    def _plants(self, name: str) -> tuple[Candidate, ...]:
        key = norm(name)
        for variant in (key, *respellings(key)):
            for suffix in (" nuclear power plant", " npp"):
                found = self.gazetteer.candidates(variant + suffix)
                plants = tuple(c for c in found if c.record.feature_code == "PS")
                if plants:
                    return plants
        return ()

    def _rivers(self, name: str) -> tuple[Candidate, ...]:
        return _rivers_only(self.gazetteer.candidates(norm(name)))

    def _river_hits(self, text: str) -> Iterator[_Hit]:
        """Rivers the text calls rivers (see (f) in the module docstring), and a river's
        name after "the" in English ("along the Dnipro"): a town takes no article."""
        for the in _THE_NAME.finditer(text):
            hit = self._river_named(text, the.end())
            if hit is not None and not _NOT_THE_RIVER.match(text, hit.end):
                yield hit
        low = text.lower()
        if not any(word in low for word in _RIVER_WORDS):
            return  # most texts name no river: skip the patterns
        for river in _RIVER_WORD.finditer(text) if "river" in low else ():
            lead = max(0, river.start() - 60)
            m = _NAME_BEFORE_RIVER.search(text, lead, river.start())
            if m is None:
                continue
            name, start = m.group(0), m.start()
            if (cands := self._rivers(name)) and name[0].isupper():
                yield _Hit(start, river.end(), cands, cue=True)
            elif " " in name.strip():
                last = re.search(r"\S+$", name)
                assert last is not None
                if (cands := self._rivers(last.group(0))) and last.group(0)[0].isupper():
                    yield _Hit(start + last.start(), river.end(), cands, cue=True)
        for m in _RIVER_BEFORE.finditer(text):
            hit = self._river_named(text, m.end())
            if hit is not None:
                yield hit
        for m in _BANK_AFTER.finditer(text) if "bank" in low else ():
            hit = self._river_named(text, m.start())
            if hit is not None:
                yield hit

    def _river_named(self, text: str, pos: int) -> _Hit | None:
        return self._longest_at(text, pos, _rivers_only, max_words=2, possessive=True)

    def _listed_hits(self, text: str, hits: list[_Hit]) -> Iterator[_Hit]:
        """Villages named in a list with a town ("near Avdiivka, Tonenke and Pervomaiske",
        "Juiz de Fora, Matias Barbosa and Ubá"): however small, a listed name is a place
        like its neighbours, in the same country."""
        ends = {h.start: h.end for h in hits}
        for hit in hits:
            best = hit.area or self.geocoder.best(hit.candidates)
            if best is None or best.feature_class != "P":
                continue
            end = hit.end
            while (join := _LIST_JOIN.match(text, end)) is not None:
                listed = self._name_at(text, join.end(), town_only=True)
                if listed is None or listed.end <= ends.get(listed.start, listed.start):
                    break  # none, or no longer than the name found there ("Kryva Luka")
                same = tuple(c for c in listed.candidates if c.record.country == best.country)
                if not same or any(c.record.feature_class != "P" for c in same):
                    break
                yield replace(listed, candidates=same)
                end = listed.end
            if best.country != "UA":
                continue
            start = hit.start  # and back: "seized Prydorozhnie, Varvarivka, and Pryluky"
            while (before := _NAME_THEN_COMMA.search(text, max(0, start - 60), start)) is not None:
                if before.start("name") in ends:
                    break
                listed = self._longest_at(text, before.start("name"), _ua_villages)
                if listed is None or listed.end != before.end("name"):
                    break
                yield listed
                start = listed.start

    def _locative_hits(self, text: str, hits: list[_Hit]) -> Iterator[_Hit]:
        """Ukrainian villages right after "in", "at", "from" or "à" ("fighting in
        Krynky"), where no other name starts, if the name means no place outside Ukraine:
        front-line news names villages so, and the language model may take one for a
        person."""
        starts, stop = {h.start for h in hits}, stoplist()
        for m in _LOCATIVE.finditer(text):
            if m.end() in starts:
                continue
            hit = self._longest_at(text, m.end(), _ua_villages)
            if (
                hit is not None
                and norm(text[hit.start : hit.end]) not in stop
                and self._plausible(text, hit)
            ):
                yield hit

    def _name_at(self, text: str, pos: int, town_only: bool, alike: bool = False) -> _Hit | None:
        """The longest gazetteer name (of up to four words) starting at ``pos``."""
        return self._longest_at(text, pos, _towns_first if town_only else _all, alike=alike)

    def _longest_at(
        self,
        text: str,
        pos: int,
        pick: Callable[[tuple[Candidate, ...]], tuple[Candidate, ...]],
        max_words: int = 4,
        possessive: bool = False,
        alike: bool = False,
    ) -> _Hit | None:
        """A cue hit for the longest name starting at ``pos`` of which ``pick`` keeps some
        gazetteer candidates; with ``possessive``, "Dnipro's" is read as "Dnipro"; with
        ``alike``, the whole capitalised name may also be one spelled otherwise ("Maly
        Shcherbaky", see ``Gazetteer.spelled_alike``), never a part of it."""
        m = _NAME.match(text, pos)
        if m is None or not m.group(0)[0].isupper():
            return None
        words = list(re.finditer(r"[^ -]+", m.group(0)))
        renamed = _RENAMED.match(text, pos + words[0].end())
        if renamed is not None:
            return self._renamed_at(text, pos, words[0].group(0), renamed, pick)
        # how many words the capitalised name has: a look-up by spelling takes them all
        whole = next((i for i, w in enumerate(words) if not w.group(0)[0].isupper()), len(words))
        for n in range(min(len(words), max_words), 0, -1):
            end = pos + words[n - 1].end()
            if possessive and text[end - 2 : end] in ("'s", "’s"):
                end -= 2
            key = norm(text[pos:end])
            cands = pick(self.gazetteer.lookup_key(key))
            if not cands and alike and n == whole:
                cands = pick(self.gazetteer.spelled_alike(key))
            if cands:
                return _Hit(pos, end, cands, cue=True)
        return None

    def _renamed_at(
        self,
        text: str,
        pos: int,
        first: str,
        renamed: re.Match[str],
        pick: Callable[[tuple[Candidate, ...]], tuple[Candidate, ...]],
    ) -> _Hit | None:
        """A renamed place written with its old word in brackets, "Chervonyi (Krasnyi)
        Lyman": the places of either name, never of its first word alone."""
        rest = renamed.group("rest")
        found: dict[int, Candidate] = {}
        for name in (f"{first} {rest}", f"{renamed.group('old')} {rest}"):
            for c in pick(self.gazetteer.lookup_key(norm(name))):
                found.setdefault(c.record.geonameid, c)
        return _Hit(pos, renamed.end(), tuple(found.values()), cue=True) if found else None

    def _with_admin(self, text: str, hit: _Hit) -> _Hit:
        """``hit`` widened to an admin word next to it ("Sumy region", "oblast de Soumy")."""
        best = self.geocoder.best(hit.candidates)
        if best is None or best.feature_code.startswith("PCL"):
            return hit
        start, end, word = hit.start, hit.end, None
        after = ADMIN_AFTER.match(text, hit.end)
        before = _ADMIN1_BEFORE.search(text, max(0, hit.start - 40), hit.start)
        if after:
            end, word = after.end(), after.group("word")
        elif before:
            start, word = before.start(), before.group("word")
        if word is None:
            return hit
        level = admin_level(word)
        area = self.geocoder.admin_area(text[hit.start : hit.end], level)
        if area is None and level == 1 and best.country == "UA":
            # "the Nikopol region": a district centre's region is its raion
            level, area = 2, self.geocoder.admin_area(text[hit.start : hit.end], 2)
        if area is None and (level == 2 or best.country == "UA"):
            return hit
        plural = bool(before and not after and before.group("plural"))
        return replace(hit, start=start, end=end, area=area, level=level, plural=plural)

    def _admin_lists(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """Names listed after a plural admin word are areas of the same level as the first
        ("les régions de Kharkiv et de Soumy": both oblasts), and so are names listed
        before one ("Kursk and Sumy oblasts", "the Donetsk and Kharkiv regions")."""
        out = list(hits)
        for i in range(1, len(out)):
            prev, hit = out[i - 1], out[i]
            if not prev.plural or hit.level or hit.area:
                continue
            if not _NEXT_IN_LIST.match(text[prev.end : hit.start]):
                continue
            area = self.geocoder.admin_area(text[hit.start : hit.end], prev.level)
            if area is not None:
                out[i] = replace(hit, area=area, level=prev.level, plural=True)
        for i in range(len(out)):
            after = _PLURAL_ADMIN_AFTER.match(text, out[i].end)
            if after is None:
                continue
            level = admin_level(after.group("word")[:-1])
            j = i
            while j >= 0 and not out[j].level and not out[j].area:
                hit = out[j]
                area = self.geocoder.admin_area(text[hit.start : hit.end], level)
                if area is not None:  # else an area the offline data lacks ("Kursk")
                    out[j] = replace(hit, area=area, level=level, plural=True)
                if j == 0 or not _NEXT_IN_LIST.match(text[out[j - 1].end : hit.start]):
                    break
                j -= 1
        return out

    def _plausible(self, text: str, hit: _Hit) -> bool:
        """Whether a dictionary hit reads as a place: not an outlet ("Moscow Times"), and
        for a minor foreign town, not part of a longer capitalised name ("Hillary Clinton",
        "Croix-Rouge", "Martin Schulz")."""
        if _ORG_AFTER.match(text, hit.end):
            return False
        best = self.geocoder.best(hit.candidates)
        if self._strong(hit, best):
            return True
        if (hit.start > 1 and text[hit.start - 1] == "-" and text[hit.start - 2].isalpha()) or (
            text[hit.end : hit.end + 1] == "-" and text[hit.end + 1 : hit.end + 2].isalpha()
        ):
            return False
        city = best is not None and best.population >= TITLE_CITY_POPULATION
        if city and _title_case(text, hit.start):
            return True  # a headline capitalises every word around the name
        before = _WORD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
        after = _WORD_AFTER.match(text, hit.end)
        for m in (before, after):
            if m and m.group(1)[0].isupper() and m.group(1).lower() not in _FUNCTION_WORDS:
                return False
        return True

    def _strong(self, hit: _Hit, best: GeoRecord | None) -> bool:
        """Names that stay places next to other capitalised words ("Kyiv Mayor"); ``best``
        is the hit's likeliest place."""
        if any(c.curated > 0 for c in hit.candidates):
            return True
        return best is not None and (
            best.country == "UA"
            or best.feature_class != "P"
            or best.feature_code == "PPLC"
            or best.population >= STRONG_POPULATION
        )

    def _context(self, hits: list[_Hit]) -> GeoContext:
        """Countries the text names most (first) and the admin1 areas it names."""
        counts: Counter[str] = Counter()
        ctx = GeoContext()
        for hit in hits:
            record = hit.area or self.geocoder.best(hit.candidates)
            if record is None:
                continue
            if hit.area or len({c.record.country for c in hit.candidates}) == 1:
                counts[record.country] += 1  # only names that say which country
            if record.feature_code in ("ADM1", "ADM2"):
                ctx = ctx.with_admin1(record.admin1_key)
            for key in REGION_ADMIN1.get(record.geonameid, ()):
                ctx = ctx.with_admin1(key)
        return replace(ctx, countries=tuple(c for c, _ in counts.most_common()))

    def _record(self, text: str, hit: _Hit, context: GeoContext) -> GeoRecord | None:
        if hit.area or hit.level:
            return hit.area
        best = self.geocoder.best(hit.candidates, context)
        if best is None or not context.admin1 or best.admin1_key in context.admin1:
            return best
        if best.feature_code != "PPL" or not _village(best) or best.country != "UA":
            return best  # a raion's seat is meant however far
        # the oblast the text names holds a namesake too small to scan for: "in the Sumy
        # Oblast ... the Pysarivka direction" is not the larger Pysarivka near Odesa
        inside = tuple(
            c
            for c in self._namesakes(text, hit, alike=False)
            if c.record.feature_class == "P" and c.record.admin1_key in context.admin1
        )
        return self.geocoder.best(inside, context) if inside else best

    def _nearest(
        self,
        text: str,
        hits: list[_Hit],
        records: list[GeoRecord | None],
        i: int,
        context: GeoContext,
        anchor: int | None,
    ) -> GeoRecord | None:
        """Hit ``i``'s place again, when it is a village and towns are named within a few
        words of it: a place of that name (however small) within ``NEAR_KM`` of one of
        them wins ("Lyman, Stavky, and Yampil"; "near Slavyansk: Andriivka"). A town the
        village is placed from ("southeast of Borova near Olhivka", "Zahirne (east of
        Orikhiv)") counts however far in the sentence, and even if it is a village too."""
        record, hit = records[i], hits[i]
        if record is not None and anchor is not None and record.feature_class == "P":
            heading = _heading_before(text, hits[anchor].start)
            for alike in (False, True):  # a namesake spelled so first
                placed = _closest_to(records[anchor], self._namesakes(text, hit, alike), heading)
                if placed is not None:  # the town a village is placed from says which it is
                    return placed
        if record is None or not _village(record):
            return record
        near = tuple(
            p
            for j, (other, r) in enumerate(zip(hits, records, strict=True))
            if j != i
            and r is not None
            and (p := point_of(r)) is not None
            and r.feature_class == "P"
            and (
                j == anchor
                or min(abs(other.start - hit.end), abs(hit.start - other.end)) <= NEAR_CHARS
                and not (_village(r) and _far_apart(other.candidates))
            )
        )
        if not near:
            return record
        for alike in (False, True):
            best = self.geocoder.best(self._namesakes(text, hit, alike), context, near)
            where = point_of(best) if best else None
            if where is not None and any(km_between(where, p) <= NEAR_KM for p in near):
                return best
        return record

    def _namesakes(self, text: str, hit: _Hit, alike: bool = True) -> tuple[Candidate, ...]:
        """Every place the hit's name may mean: its candidates and, however small, the
        gazetteer's other places of that name (each once); with ``alike``, also those
        whose name is spelled otherwise ("Novyi Mir" is also Novyi Myr)."""
        found = {c.record.geonameid: c for c in hit.candidates}
        key = norm(_WITHOUT_OLD_NAME.sub("", text[hit.start : hit.end]))
        more = self.gazetteer.spelled_alike(key) if alike else ()
        for c in (*self.gazetteer.lookup_key(key), *more):
            found.setdefault(c.record.geonameid, c)
        return tuple(found.values())

    def _anchor_towns(
        self,
        text: str,
        hits: list[_Hit],
        records: list[GeoRecord | None],
        anchors: list[int | None],
    ) -> list[GeoRecord | None]:
        """Towns that villages are placed from, read as the namesake most of those villages
        lie near: "east of Oleksandrivka toward Tykhe", "southeast of Oleksandrivka near
        Ternove" make the Oleksandrivka of that front, not the largest one."""
        dependents: dict[str, list[int]] = {}
        for i, j in enumerate(anchors):
            if j is not None:
                dependents.setdefault(norm(text[hits[j].start : hits[j].end]), []).append(i)
        if not dependents:
            return records
        spots: dict[int, list[tuple[float, float]]] = {}

        def support(record: GeoRecord | None, villages: list[int]) -> int:
            p = point_of(record) if record is not None else None
            if p is None:
                return 0
            total = 0
            for i in villages:
                if i not in spots:
                    found = self._namesakes(text, hits[i])
                    spots[i] = [q for c in found if (q := point_of(c.record)) is not None]
                total += any(_within_km(p, q, NEAR_KM) for q in spots[i])
            return total

        chosen: dict[str, GeoRecord | None] = {}
        out = list(records)
        for j, (hit, record) in enumerate(zip(hits, records, strict=True)):
            key = norm(text[hit.start : hit.end])
            villages = dependents.get(key)
            if record is None or hit.area or hit.level or not villages:
                continue
            if key not in chosen:
                chosen[key] = self._best_anchor(text, hit, record, villages, support)
            out[j] = chosen[key] or record
        return out

    def _best_anchor(
        self,
        text: str,
        hit: _Hit,
        record: GeoRecord,
        villages: list[int],
        support: Callable[[GeoRecord | None, list[int]], int],
    ) -> GeoRecord | None:
        """The namesake of an anchor town most of its villages lie near, when it beats
        ``record`` (``None`` otherwise)."""
        current = support(record, villages)
        if current == len(villages):
            return None
        towns = {c.record.geonameid: c.record for c in _towns_first(self._namesakes(text, hit))}
        scored = [(support(r, villages), r.population, -r.geonameid, r) for r in towns.values()]
        best = max(scored, key=lambda t: t[:3], default=None)
        return best[3] if best is not None and best[0] > current else None

    def _mention(self, text: str, hit: _Hit, record: GeoRecord | None) -> Mention | None:
        if record is None and not hit.level:
            return None
        label = "GPE"
        if record is not None and record.feature_class in _LOC_CLASSES:
            label = "LOC"
        elif record is not None and record.feature_class == "S":
            label = "FAC"
        ref = str(record.geonameid) if record is not None else None
        return Mention("place", hit.start, hit.end, text[hit.start : hit.end], label, ref)


def _all(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    return cands


def _towns_first(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Only the populated places, when a name is also one ("the village of X")."""
    towns = tuple(c for c in cands if c.record.feature_class == "P")
    return towns or cands


def _within_km(a: tuple[float, float], b: tuple[float, float], km: float) -> bool:
    """``km_between(a, b) <= km``, with a cheap latitude test first (1° is 111 km)."""
    if abs(a[0] - b[0]) * 111.0 > km:
        return False
    return km_between(a, b) <= km


def _closest_to(
    anchor: GeoRecord | None, cands: Iterable[Candidate], heading: float | None = None
) -> GeoRecord | None:
    """The namesake nearest the town a village is placed from, if it lies within
    ``ANCHOR_KM`` of it ("southeast of Sumy City near Pokrovka": the Pokrovka 43 km away);
    with the direction the text gives (``heading``, degrees), one that lies that way wins
    over a nearer one that does not ("southwest of Druzhkivka near Sofiivka"). With none
    that near, one of the town's region twice as far that lies the stated way."""
    if anchor is None or (at := point_of(anchor)) is None:
        return None
    cands = [c for c in cands if c.record.feature_class == "P"]
    ranked = sorted(
        (not _lies_towards(at, p, km, heading), km, c.record.geonameid, c.record)
        for c in cands
        if (p := point_of(c.record)) is not None and (km := km_between(at, p)) <= ANCHOR_KM
    )
    if ranked:
        return ranked[0][3]
    if heading is None:
        return None
    region = (anchor.country, anchor.admin1_code)
    farther = sorted(  # "Zakharivka (northeast of Kharkiv City)", 77 km off in that oblast
        (km, c.record.geonameid, c.record)
        for c in cands
        if (c.record.country, c.record.admin1_code) == region
        and (p := point_of(c.record)) is not None
        and (km := km_between(at, p)) <= 2 * ANCHOR_KM
        and _lies_towards(at, p, km, heading)
    )
    return farther[0][2] if farther else None


# Compass headings of the direction words ("southwest of", "au nord-est de").
_HEADINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
    "southwest": 225.0, "west": 270.0, "northwest": 315.0,
    "nord": 0.0, "nordest": 45.0, "est": 90.0, "sudest": 135.0, "sud": 180.0,
    "sudouest": 225.0, "ouest": 270.0, "nordouest": 315.0,
}  # fmt: skip
# How far off the stated direction a place may lie and still lie that way: a sector of
# 135 degrees (a "southeast" village may lie east-southeast or south-southeast).
_SECTOR = 67.5
# Closer than this, a bearing says little.
_SAME_SPOT_KM = 2.0


def _heading_before(text: str, start: int) -> float | None:
    """The compass heading of the direction words just before ``start`` ("southwest of
    Druzhkivka", "(east of Orikhiv"), or ``None``."""
    m = _DIRECTION_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return None
    words = re.findall(r"[a-z]+", m.group(0).lower())[:-1]  # without "of", "de", "d'"
    return _HEADINGS.get("".join(words))


def _lies_towards(
    at: tuple[float, float], p: tuple[float, float], km: float, heading: float | None
) -> bool:
    """Whether ``p``, ``km`` from ``at``, lies in the direction ``heading``."""
    if heading is None or km < _SAME_SPOT_KM:
        return True
    off = abs((bearing(at, p) - heading + 180.0) % 360.0 - 180.0)
    return off <= _SECTOR


def _direction_anchor(text: str, hits: list[_Hit], i: int) -> int | None:
    """The hit a village is placed from, front-line style: the town of a bracket just
    after it ("Zahirne (east of Orikhiv)"), else the last "<direction> of <town>" before
    it in the same sentence ("northeast of Borova near Kruhlyakivka, Bohuslavka")."""
    hit = hits[i]
    # a bracket after a list places all its names: "Hai and Novooleksandrivka (both
    # southeast of Oleksandrivka)"
    last = i
    while last + 1 < len(hits) and _LIST_JOIN.fullmatch(text, hits[last].end, hits[last + 1].start):
        last += 1
    for k in dict.fromkeys((i, last)):
        if k + 1 < len(hits) and _BRACKET_DIRECTION.fullmatch(text, hits[k].end, hits[k + 1].start):
            return k + 1
    for j in range(i - 1, -1, -1):
        between = text[hits[j].end : hit.start]
        if len(between) > ANCHOR_CHARS or _SENTENCE_END.search(between):
            return None
        if _DIRECTION_BEFORE.search(text, max(0, hits[j].start - 30), hits[j].start):
            return j
    return None


def _ua_villages(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Ukrainian populated places, if the name means no place elsewhere."""
    if any(c.record.country != "UA" for c in cands):
        return ()
    return tuple(c for c in cands if c.record.country == "UA" and c.record.feature_class == "P")


def _rivers_only(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    return tuple(c for c in cands if c.record.feature_code == "STM")


def _village(record: GeoRecord) -> bool:
    """A populated place too small to be the town a bare name means wherever it is named
    (not a capital or a regional or district centre)."""
    return (
        record.feature_class == "P"
        and record.feature_code not in ("PPLC", "PPLA", "PPLA2")
        and record.population < VILLAGE_POPULATION
    )


def _far_apart(candidates: tuple[Candidate, ...]) -> bool:
    """Whether the places a name may mean lie more than ``NEAR_KM`` apart."""
    points = [p for c in candidates if (p := point_of(c.record)) is not None]
    return any(km_between(points[0], p) > NEAR_KM for p in points[1:])


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest hits first (cue hits win ties), without overlaps, back in text order."""
    taken: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), not h.cue, h.start)):
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)
