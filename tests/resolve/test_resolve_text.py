"""Name folding: accents, apostrophes, hyphens, offsets back into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.resolve.text import fold_text, is_acronym, norm, starts_upper


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kyïv", "Kyiv"),
        ("Zaporijjia", "ZAPORIJJIA"),
        ("Hrabovs'ke", "Hrabovske"),
        ("Hrabovs’ke", "Hrabovske"),
        ("Hrabovsʼke", "Hrabovske"),
        ("Ivano-Frankivsk", "Ivano Frankivsk"),
        ("Corée du Sud", "coree du sud"),
        ("États-Unis", "Etats Unis"),
        ("Łódź", "Lodz"),
        ("Київ", "КИЇВ"),
        ("Kyiv  region", "Kyiv region"),
    ],
)
def test_norm_folds_spelling_variants_alike(a: str, b: str) -> None:
    assert norm(a) == norm(b)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("l'Ukraine", "l ukraine"),
        ("d’Odessa", "d odessa"),
        ("jusqu'à Kyiv", "jusqu a kyiv"),
        ("Kyiv's", "kyiv s"),
        ("Kyiv’s mayor", "kyiv s mayor"),
        ("Oblast'", "oblast"),
    ],
)
def test_norm_keeps_elisions_and_possessives_as_word_boundaries(text: str, folded: str) -> None:
    assert norm(text) == folded


def test_fold_text_maps_matches_back_to_original_offsets() -> None:
    text = "Trump's envoy near Hrabovs'ke, l’Ukraine"
    folded = fold_text(text)
    i = folded.folded.index("hrabovske")
    start, end = folded.span(i, i + len("hrabovske"))
    assert text[start:end] == "Hrabovs'ke"
    j = folded.folded.index("ukraine")
    assert text[slice(*folded.span(j, j + 7))] == "Ukraine"
    assert folded.is_word(j, j + 7)


def test_fold_text_word_boundaries() -> None:
    folded = fold_text("Nigeria and Niger")
    i = folded.folded.index("niger")
    assert not folded.is_word(i, i + 5)  # inside "Nigeria"
    k = folded.folded.rindex("niger")
    assert folded.is_word(k, k + 5)


@given(st.text(max_size=80))
def test_fold_text_offsets_are_monotonic_and_in_range(text: str) -> None:
    folded = fold_text(text)
    assert len(folded.origin) == len(folded.folded) + 1
    assert list(folded.origin) == sorted(folded.origin)
    assert all(0 <= i <= len(text) for i in folded.origin)


@given(st.text(alphabet=st.characters(categories=("L", "Zs", "Pd")), max_size=40))
def test_norm_is_idempotent(text: str) -> None:
    assert norm(norm(text)) == norm(text)


def test_acronyms_and_capitals() -> None:
    assert is_acronym("US") and is_acronym("U.S.") and is_acronym("OTAN")
    assert not is_acronym("Us") and not is_acronym("United States")
    assert starts_upper("Kyiv") and starts_upper("«Київ") and not starts_upper("kyiv")
