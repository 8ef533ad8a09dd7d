"""Per-language extraction lexicons: data files under ``patterns/<lang>/``, compiled
into one spaCy ``PhraseMatcher`` per pipeline.

A lexicon names every cue the rules look for: event triggers, casualty and weapon words,
speech verbs, modality cues, target categories. ``Lexicon.cues(doc)`` runs the matcher
once per doc and hands back the matches grouped by cue name.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitroom.errors import ConfigError

# Groups of cue names read from the lexicon file; each becomes a matcher key.
_GROUPS = (
    "casualties",
    "weapons",
    "speech",
    "modality",
    "targets",
    "places",
    "sanctions",
    "armed",
)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One trigger family: its event type, default subtype and strength."""

    key: str
    type: str
    subtype: str | None
    strong: bool


@dataclass(frozen=True)
class LexiconData:
    """The parsed lexicon file of one language."""

    lang: str
    version: str
    triggers: tuple[TriggerRule, ...]
    terms: dict[str, tuple[str, ...]]
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def words(self, key: str) -> frozenset[str]:
        """The lower-cased terms of cue ``key`` as a set (empty if unknown)."""
        return self.word_sets.get(key, frozenset())

    def keys(self, prefix: str) -> list[str]:
        """Cue names that start with ``prefix`` ("weapon:", "target:")."""
        return [k for k in self.terms if k.startswith(prefix)]


@cache
def load_lexicon_data(lang: str) -> LexiconData:
    """Read ``patterns/<lang>/lexicon.toml`` shipped with the package."""
    try:
        text = (
            resources.files("sitroom.extract")
            .joinpath("patterns", lang, "lexicon.toml")
            .read_text("utf-8")
        )
    except FileNotFoundError:
        raise ConfigError(f"no extraction lexicon for language {lang!r}") from None
    raw = tomllib.loads(text)
    terms: dict[str, tuple[str, ...]] = {}
    triggers = []
    for i, rule in enumerate(raw.get("trigger", [])):
        key = f"trigger:{i}"
        terms[key] = tuple(rule["terms"])
        triggers.append(
            TriggerRule(key, rule["type"], rule.get("subtype"), rule.get("strength") == "strong")
        )
    for group in _GROUPS:
        for name, words in raw.get(group, {}).items():
            terms[_cue_name(group, name)] = tuple(words)
    terms = {key: _with_apostrophe_twins(words) for key, words in terms.items()}
    word_sets = {k: frozenset(w.lower() for w in v) for k, v in terms.items()}
    version = str(raw.get("version", f"rules.{lang}.v1"))
    return LexiconData(lang, version, tuple(triggers), terms, word_sets)


def _with_apostrophe_twins(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with each term that holds an apostrophe also written with the other one
    ("s'emparer", "s’emparer"): outlets use either, and the text keeps what they used."""
    out = dict.fromkeys(words)
    for word in words:
        if "'" in word:
            out.setdefault(word.replace("'", "’"))
        elif "’" in word:
            out.setdefault(word.replace("’", "'"))
    return tuple(out)


def _pattern(nlp: Language, term: str) -> Doc:
    """``term`` tokenised as it is in running text: a term that ends in an elided word
    ("au lendemain d'") is cut the way "d'" is before a word, not as "d" and "'"."""
    if not term.endswith(("'", "’")):
        return nlp.make_doc(term)
    return nlp.make_doc(term + "x")[:-1].as_doc()


def _cue_name(group: str, name: str) -> str:
    if group in ("sanctions", "armed"):
        return f"{group}_{name}"
    if group in ("weapons",) and name not in ("launch_verbs", "intercept_verbs"):
        return f"weapon:{name}"
    if group == "targets":
        return f"target:{name}"
    return name


@dataclass
class Lexicon:
    """A lexicon compiled for one spaCy pipeline."""

    data: LexiconData
    matcher: PhraseMatcher
    _ids: dict[int, str] = field(default_factory=dict)

    @classmethod
    def build(cls, nlp: Language, lang: str) -> Lexicon:
        data = load_lexicon_data(lang)
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        ids: dict[int, str] = {}
        for key, words in data.terms.items():
            matcher.add(key, [_pattern(nlp, w) for w in words])
            ids[nlp.vocab.strings[key]] = key
        return cls(data, matcher, ids)

    def cues(self, doc: Doc) -> dict[str, list[Span]]:
        """All cue matches in ``doc`` by cue name; triggers keep the longest match (with
        every rule that matches those same words)."""
        found: dict[str, list[Span]] = defaultdict(list)
        trigger_spans: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            key = self._ids[match_id]
            span = Span(doc, start, end, label=key)
            if key.startswith("trigger:"):
                trigger_spans.append(span)
            else:
                found[key].append(span)
        kept = {(s.start, s.end) for s in filter_spans(trigger_spans)}
        for span in trigger_spans:  # words two rules share ("expelled") stay with both
            if (span.start, span.end) in kept:
                found[span.label_].append(span)
        return dict(found)
