"""spaCy pipelines per language, loaded once per ``Models`` object, run in batches.

Paragraphs, not whole articles, are the unit sent to ``nlp.pipe``: the French models do
not break sentences at newlines, and short docs batch better. Each doc keeps its
``(article_id, paragraph_index)`` through ``as_tuples=True``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from sitroom.annotate.components import EntityWriter, MentionScanner, register_components
from sitroom.config import AnnotateSettings, ModelSettings
from sitroom.errors import ModelError

log = logging.getLogger(__name__)

ParagraphKey = tuple[str, int]

_LABELS = {"en": ("PERSON", "GPE"), "fr": ("PER", "LOC")}


@dataclass
class Models:
    """Loaded spaCy pipelines, one per language, built on first use."""

    settings: ModelSettings
    annotate: AnnotateSettings
    scanner: MentionScanner | None = None
    _loaded: dict[str, Language] = field(default_factory=dict)

    def get(self, lang: str) -> Language:
        """The pipeline for ``lang``, with Sitroom's components in place."""
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def _load(self, lang: str) -> Language:
        name = self.settings.for_language(lang)
        register_components()
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelError(
                f"spaCy model {name!r} for {lang!r} is not installed: pip install it, "
                f"or set [models] {lang} in the config to an installed model ({exc})"
            ) from None
        _split_glued_lists(nlp, _GLUED_SENTENCES.get(lang))
        _keep_compounds(nlp, _COMPOUNDS.get(lang, ()))
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("sitroom_sentences", before="parser")
        person, place = _LABELS.get(lang, ("PERSON", "GPE"))
        if "ner" in nlp.pipe_names:
            writer = nlp.add_pipe(
                "sitroom_entities",
                before="ner",
                config={"person_label": person, "place_label": place},
            )
            if isinstance(writer, EntityWriter):
                writer.scanner = self.scanner
        log.info("loaded spaCy model %s for %s: %s", name, lang, nlp.pipe_names)
        return nlp

    def pipe(
        self, lang: str, items: Iterable[tuple[str, ParagraphKey]]
    ) -> Iterator[tuple[Doc, ParagraphKey]]:
        """Run ``nlp.pipe`` over ``(text, key)`` pairs, yielding ``(doc, key)``."""
        nlp = self.get(lang)
        yield from nlp.pipe(
            items,
            as_tuples=True,
            batch_size=self.annotate.batch_size,
            n_process=self.annotate.n_process,
        )


# A semicolon between two words with no space is a list separator (UCDP source fields
# write "Kiev;Andriivka", and join headlines so: "wounded 85;The death toll"); spaCy's
# default infixes keep such a pair as one token. A double hyphen glued to a word is a
# dash typed on a keyboard ("la capitale Sanaa-- aux").
_GLUED_SEMICOLON = r"(?<=[^\W_]);(?=[^\W\d])"
_GLUED_DASH_PREFIX = r"^--+"
_GLUED_DASH_SUFFIX = r"--+$"
# French agency copy whose paragraphs lost their breaks glues a sentence to the next one
# ("interrogé par l'AFP.Une délégation talibane", "« le mal ».Pour le chef du
# gouvernement"): a full stop between a word or a closing quote and a capitalised word
# splits. English text writes names so ("DeepStateMap.Live").
_CAPITALISED = r"[A-ZÀ-Ý][a-zà-ÿ'’]"
_NEXT_SENTENCE = rf"\.(?=[\"«“]?{_CAPITALISED})"
_GLUED_SENTENCES: dict[str, dict[str, str]] = {
    "fr": {
        "infix_finditer": "|".join(
            (
                rf"(?<=[^\W\d_]{{2}}|[^\W\d_][\"»”]){_NEXT_SENTENCE}",  # "l'AFP.Une", "mal".Pour
                rf"(?<=[^\W\d_])[\"»”](?={_NEXT_SENTENCE})",  # the quote that closes it
                rf"(?<=\.)[\"«“](?={_CAPITALISED})",  # the quote that opens the next
            )
        ),
        "prefix_search": rf"^{_NEXT_SENTENCE}",
    },
}


# Hyphenated nouns a model's tokenizer splits, whose halves the parser then misreads:
# "détaille l'état-major" came out as "l'état" said it, with "-major" a sentence of its
# own.
_COMPOUNDS: dict[str, tuple[str, ...]] = {
    "fr": tuple(f"{e}tat{s}-major{s}" for e in ("é", "É", "E", "e") for s in ("", "s")),
}


def _keep_compounds(nlp: Language, words: Iterable[str]) -> None:
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for word in words:
        tokenizer.add_special_case(word, [{ORTH: word}])


def _split_glued_lists(nlp: Language, glued_sentences: Mapping[str, str] | None = None) -> None:
    """Add the glued-semicolon and glued-dash splits, and the language's glued-sentence
    splits, to the model's own rules."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer: leave it as it is
    sentences = glued_sentences or {}
    for attr, extra in (
        ("infix_finditer", _GLUED_SEMICOLON),
        ("prefix_search", _GLUED_DASH_PREFIX),
        ("suffix_search", _GLUED_DASH_SUFFIX),
    ):
        if attr in sentences:
            extra = f"{extra}|{sentences[attr]}"
        method = getattr(tokenizer, attr)
        pattern = getattr(getattr(method, "__self__", None), "pattern", None)
        if isinstance(pattern, str):
            compiled = re.compile(f"{pattern}|{extra}")
            setattr(
                tokenizer, attr, compiled.finditer if attr == "infix_finditer" else compiled.search
            )
