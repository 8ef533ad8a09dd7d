"""Where an event happened: distances from its trigger to the places of the sentence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.units import path_length
from sitroom.extract.where import PlaceCandidate, trigger_distance

pytestmark = pytest.mark.slow


def test_the_town_of_is_not_counted_between_a_trigger_and_its_place(nlp_en: Language) -> None:
    doc = nlp_en("A strike damaged a school in the town of Selydove and a shop in Kyiv.")
    strike, town = doc[1:2], next(t for t in doc if t.text == "town")
    at = {t.text: t.i for t in doc}
    selydove = PlaceCandidate(doc[at["Selydove"] : at["Selydove"] + 1], None)
    kyiv = PlaceCandidate(doc[at["Kyiv"] : at["Kyiv"] + 1], None)
    assert selydove.tokens.text == "Selydove" and kyiv.tokens.text == "Kyiv"
    assert trigger_distance(strike, selydove) == path_length(strike.root, town)
    assert trigger_distance(strike, selydove) < path_length(strike.root, selydove.tokens.root)
    assert trigger_distance(strike, kyiv) == path_length(strike.root, kyiv.tokens.root)
