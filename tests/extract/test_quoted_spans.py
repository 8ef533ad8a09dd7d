"""The quoted stretches of a text, whatever marks the outlet or the scraper left."""

from __future__ import annotations

from sitroom.extract.quotes import quoted_spans


def test_straight_curly_mixed_and_guillemet_marks() -> None:
    text = (
        '"Repairs are under way,” the agency said. “It is calm now" and “fine” and '
        '"plain" and « bonjour là »'
    )
    found = [q.text for q in quoted_spans(text)]
    assert found == ["Repairs are under way,", "It is calm now", "fine", "plain", "bonjour là"]
    for q in quoted_spans(text):
        assert text[q.start : q.end] == q.text


def test_a_mark_never_pairs_across_a_line_break() -> None:
    assert quoted_spans('He said "stop\nnow" twice') == []


def test_a_quote_opened_after_a_colon_runs_to_the_end_of_its_paragraph() -> None:
    text = "The director said:\n“*Four weeks of war, and no respite.\n“More came later.”"
    found = [q.text for q in quoted_spans(text)]
    assert found == ["Four weeks of war, and no respite.", "More came later."]
