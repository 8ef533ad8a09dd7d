"""Language identification per paragraph and per article."""

from __future__ import annotations

import pytest

from conftest import shared_path
from sitroom import language
from sitroom.clean import clean
from sitroom.config import CleanSettings, LanguageSettings
from sitroom.language import assign_language, detect_language, paragraph_languages
from sitroom.types import Article, RawDocument

SETTINGS = LanguageSettings()
EN = [
    "Russian drones struck an energy facility in the south of the country overnight.",
    "The regional governor said two people were injured and a fire broke out at the site.",
]
FR = [
    "Des drones russes ont frappé une installation énergétique dans le sud du pays cette nuit.",
    "Le gouverneur régional a indiqué que deux personnes avaient été blessées.",
]
RU = [
    "Российские беспилотники атаковали энергетический объект на юге страны этой ночью.",
    "Губернатор области сообщил, что два человека получили ранения.",
]


def article(paragraphs: list[str]) -> Article:
    raw = RawDocument(locator="t", kind="text", text="\n".join(paragraphs))
    return clean(raw, CleanSettings())


@pytest.mark.parametrize(("text", "code"), [(EN[0], "en"), (FR[0], "fr"), (RU[0], "ru")])
def test_detect_language_names_the_language(text: str, code: str) -> None:
    found, probability = detect_language(text)
    assert found == code and 0.5 < probability <= 1.0


@pytest.mark.parametrize("text", ["", "AFP", "2026-01-05 12:00", "Remind me later."])
def test_very_short_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == ("und", 0.0)


def test_assign_language_sets_language_and_confidence() -> None:
    result = assign_language(article(FR), SETTINGS)
    assert result.language == "fr" and result.language_confidence > 0.8
    assert result.text == article(FR).text


def test_unsupported_language_is_kept_as_its_code() -> None:
    result = assign_language(article(RU), SETTINGS)
    assert result.language == "ru" and "ru" not in SETTINGS.supported


def test_mixed_article_goes_to_the_language_with_most_characters() -> None:
    mixed = article([EN[0], FR[0], FR[1]])
    assert paragraph_languages(mixed) == ["en", "fr", "fr"]
    result = assign_language(mixed, SETTINGS)
    assert result.language == "fr"
    assert 0.3 < result.language_confidence < 0.9


def test_short_paragraphs_do_not_vote() -> None:
    mixed = article(["Kyiv, Monday (Wire)", *EN])
    assert paragraph_languages(mixed)[0] == "und"
    assert assign_language(mixed, SETTINGS).language == "en"


def test_undetectable_article_is_und() -> None:
    numbers = article(["12 345 678 910 1112 1314 1516 1718 1920 2122 2324 2526"])
    result = assign_language(numbers, SETTINGS)
    assert result.language == "und" and result.language_confidence == 0.0


def test_identifier_is_loaded_once() -> None:
    detect_language(EN[0])
    detect_language(FR[0])
    assert language._identifier.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("name", "code"), [("000_f5f08e3f5b41b927.txt", "en"), ("004_cfd940451f5b2d9f.txt", "fr")]
)
def test_seed_articles_get_their_language(name: str, code: str) -> None:
    text = shared_path("seeds", name).read_text(encoding="utf-8")
    result = assign_language(article(text.splitlines()), SETTINGS)
    assert result.language == code and result.language_confidence > 0.9
    assert paragraph_languages(result).count(code) >= len(result.paragraphs) - 2
