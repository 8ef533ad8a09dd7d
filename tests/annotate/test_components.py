"""Sentence starts by rule, and gazetteer entities ahead of NER."""

from __future__ import annotations

import spacy

from sitroom.annotate.components import register_components, set_sentence_starts
from sitroom.annotate.models import _split_glued_lists


def _sents(text: str, lang: str = "fr") -> list[str]:
    nlp = spacy.blank(lang)
    return [s.text for s in set_sentence_starts(nlp(text)).sents]


def test_sentence_keeps_closing_quote_and_attribution_together() -> None:
    text = '"Tout va bien, certains ont été hospitalisés", a déclaré le maire. Il est parti.'
    assert _sents(text) == [
        '"Tout va bien, certains ont été hospitalisés", a déclaré le maire.',
        "Il est parti.",
    ]


def test_sentence_not_split_after_abbreviation_or_initial() -> None:
    text = "M. Trump a parlé avec J. Smith hier. Puis il est parti."
    assert _sents(text) == ["M. Trump a parlé avec J. Smith hier.", "Puis il est parti."]


def test_sentence_split_after_quote_that_ends_a_sentence() -> None:
    text = '"One person died." A man was killed, she said.'
    assert _sents(text) == ['"One person died."', "A man was killed, she said."]


def test_headlines_joined_by_a_bare_semicolon_are_sentences() -> None:
    nlp = spacy.blank("en")
    _split_glued_lists(nlp)  # as the pipeline does: "fighting;Two" is three tokens
    text = "Five killed in eastern fighting;Two civilians die in a mine blast; others fled."
    sents = [s.text for s in set_sentence_starts(nlp(text)).sents]
    assert sents == [
        "Five killed in eastern fighting;",
        "Two civilians die in a mine blast; others fled.",
    ]


def test_an_opening_straight_quote_starts_the_sentence_it_opens() -> None:
    text = 'He left. "We will win," he said.'
    assert _sents(text, "en") == ["He left.", '"We will win," he said.']


def test_a_quoted_question_keeps_its_speech_tag() -> None:
    text = '"Where are you now?" Zelensky asked in return. "Today you are in Kyiv."'
    assert _sents(text, "en") == [
        '"Where are you now?" Zelensky asked in return.',
        '"Today you are in Kyiv."',
    ]


def test_a_quoted_question_without_a_tag_ends_its_sentence() -> None:
    text = '"Will we lose?" Of course not.'
    assert _sents(text, "en") == ['"Will we lose?"', "Of course not."]


def test_register_components_is_idempotent() -> None:
    register_components()
    register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("sitroom_sentences")
    assert [s.text for s in nlp("One. Two.").sents] == ["One.", "Two."]


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence_with_it() -> None:
    text = "Russian forces attacked near Ivanivka on February 25. [89] A milblogger claimed more."
    assert _sents(text, "en") == [
        "Russian forces attacked near Ivanivka on February 25. [89]",
        "A milblogger claimed more.",
    ]


def test_a_bracketed_figure_inside_a_sentence_is_no_end() -> None:
    text = "The toll [12] was given by the mayor."
    assert _sents(text, "en") == [text]
