"""The loaded pipelines: Sitroom's components and tokenizer additions in place."""

from __future__ import annotations

import pytest

from sitroom.engine import Engine

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_glued_semicolon_lists_split_into_names(engine: Engine, lang: str) -> None:
    """UCDP source fields glue names with ';': each name must be its own token."""
    doc = engine.models.get(lang)("Slavyansk: Kiev;Andriivka")
    assert [t.text for t in doc][-3:] == ["Kiev", ";", "Andriivka"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_headlines_glued_after_a_number_split(engine: Engine, lang: str) -> None:
    """UCDP joins headlines with a bare ';' after a count too: "wounded 85;The toll"."""
    doc = engine.models.get(lang)("Russia killed 26 people, wounded 85;The toll rose to 31")
    words = [t.text for t in doc]
    assert words[words.index(";") - 1 : words.index(";") + 2] == ["85", ";", "The"]
    assert [s.text.split()[0] for s in doc.sents] == ["Russia", "The"]


def test_french_sentences_glued_by_a_full_stop_split(engine: Engine) -> None:
    doc = engine.models.get("fr")("interrogé par l'AFP.Une délégation était à Kaboul.")
    assert [s.text for s in doc.sents] == ["interrogé par l'AFP.", "Une délégation était à Kaboul."]


def test_french_sentences_glued_between_quotes_split(engine: Engine) -> None:
    doc = engine.models.get("fr")('reflétait "les échecs"."Il semble que oui", a-t-il dit.')
    words = [t.text for t in doc]
    assert words[3:9] == ["échecs", '"', ".", '"', "Il", "semble"]
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("text", ["le site franceinfo.fr", "M.Macron", "U.S.A"])
def test_dotted_names_stay_whole(engine: Engine, text: str) -> None:
    words = [t.text for t in engine.models.get("fr")(text)]
    assert text.split()[-1] in words


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_typed_double_dash_is_not_part_of_a_name(engine: Engine, lang: str) -> None:
    doc = engine.models.get(lang)("la capitale Sanaa-- aux forces --soutenus")
    words = [t.text for t in doc]
    assert "Sanaa" in words and "soutenus" in words and words.count("--") == 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_other_tokens_keep_the_model_rules(engine: Engine, lang: str) -> None:
    doc = engine.models.get(lang)("at 5:30 in Kyiv-Pechersk; then 3;4")
    words = [t.text for t in doc]
    assert "5:30" in words and "3;4" in words
    assert words.count(";") == 1


def test_sitroom_components_are_in_place(engine: Engine) -> None:
    for lang in ("en", "fr"):
        names = engine.models.get(lang).pipe_names
        assert names.index("sitroom_sentences") < names.index("parser")
        assert names.index("sitroom_entities") < names.index("ner")
