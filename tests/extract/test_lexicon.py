"""The compiled lexicon finds its cues where running text has them."""

from __future__ import annotations

import pytest

from sitroom.engine import Engine


@pytest.mark.parametrize(
    ("text", "cue", "found"),
    [
        ("Au lendemain d'une attaque à Kharkiv, il a parlé.", "relative", "Au lendemain d'"),
        ("À la veille d’un sommet à Paris, il a parlé.", "relative", "À la veille d’"),
        ("Au lendemain de l'attaque à Kharkiv, il a parlé.", "relative", "Au lendemain de"),
    ],
)
def test_a_term_ending_in_an_elided_word_is_found(
    engine: Engine, text: str, cue: str, found: str
) -> None:
    lexicon = engine.lexicon("fr")
    doc = engine.models.get("fr")(text)
    assert [s.text for s in lexicon.cues(doc).get(cue, [])] == [found]
