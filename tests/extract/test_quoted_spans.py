"""The quoted stretches of a text, whatever marks the outlet or the scraper left."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from sitroom.extract.extractor import _first_of_each_id
from sitroom.extract.marks import quoted, quoted_spans
from sitroom.extract.quotes import _speaker_inside
from sitroom.extract.speech import SpeechAct
from sitroom.extract.units import build_units
from sitroom.types import Quote


def test_straight_curly_mixed_and_guillemet_marks() -> None:
    text = (
        '"Repairs are under way,” the agency said. “It is calm now" and “fine” and '
        '"plain" and « bonjour là »'
    )
    found = [q.text for q in quoted_spans(text)]
    assert found == ["Repairs are under way,", "It is calm now", "fine", "plain", "bonjour là"]
    for q in quoted_spans(text):
        assert text[q.start : q.end] == q.text


def test_a_title_in_guillemets_is_no_quote() -> None:
    text = "Le « Global Times » écrit que « les paroles ne suffisent pas » ; « Le Monde » aussi."
    assert [q.text for q in quoted_spans(text)] == ["les paroles ne suffisent pas"]


def test_a_mark_never_pairs_across_a_line_break() -> None:
    assert quoted_spans('He said "stop\nnow" twice') == []


def test_a_quote_opened_after_a_colon_runs_to_the_end_of_its_paragraph() -> None:
    text = "The director said:\n“*Four weeks of war, and no respite.\n“More came later.”"
    found = [q.text for q in quoted_spans(text)]
    assert found == ["Four weeks of war, and no respite.", "More came later."]


def test_a_quote_opened_at_a_sentence_start_runs_to_the_end_of_its_paragraph() -> None:
    text = (
        "« Tout est calme », a-t-il dit. « La nuit fut longue. Rien ne bouge.\n"
        "« Nous restons. »\n"
        'He said: "It is over." Then he left.'
    )
    found = [q.text for q in quoted_spans(text)]
    # the mark after "over." closes a quote: it opens nothing
    assert found == [
        "Tout est calme",
        "La nuit fut longue. Rien ne bouge.",
        "Nous restons.",
        "It is over.",
    ]


@pytest.mark.slow
def test_a_speaker_read_inside_the_quote_is_none(nlp_fr: Language) -> None:
    text = "« Tout ce que nous savons, c'est cela », a déclaré le maire."
    doc = nlp_fr(text)
    unit = build_units([(doc, 0)], [{}])[0]
    quote = quoted_spans(text)[0]
    verb = next(t for t in doc if t.text == "déclaré")
    inside = SpeechAct(doc[verb.i : verb.i + 1], doc[1:3], None, False, False)
    outside = SpeechAct(doc[verb.i : verb.i + 1], doc[verb.i + 1 : verb.i + 3], None, False, False)
    assert _speaker_inside(unit, inside, quote)
    assert not _speaker_inside(unit, outside, quote)
    assert not _speaker_inside(unit, replace(inside, pronoun=True), quote)


def test_a_word_is_quoted_by_paired_marks_not_by_counting() -> None:
    import spacy

    nlp = spacy.blank("en")
    # an unclosed mark opened earlier in the paragraph does not put "aides" inside a quote;
    # a straight mark closed by a curly one does close
    doc = nlp('His “belief in “victory.” One of his aides said it. "We stop,” it said.')
    inside = {t.text for t in doc if quoted(t)}
    assert "One" not in inside and "aides" not in inside
    assert "victory" in inside and "stop" in inside
    assert doc[-3].text == "it" and not quoted(doc[-3])


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_speaker_name_drops_its_article_whatever_the_apostrophe(apostrophe: str) -> None:
    import spacy

    from sitroom.extract.speech import speaker_name

    doc = spacy.blank("fr")(f"l{apostrophe}état-major")
    assert speaker_name(doc[:]) == "état-major"


def test_an_article_keeps_one_quote_per_id() -> None:
    said = Quote("q1", "a1", "its troops held", 10, 25, None, "said", False)
    reports = replace(said, verb="reports", end=20)
    other = replace(said, quote_id="q2", start=40, end=50)
    assert _first_of_each_id([said, other, reports]) == [said, other]
