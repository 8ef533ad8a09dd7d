"""Unicode repair, whitespace, paragraphs and the article id."""

from __future__ import annotations

import pytest

from sitroom.clean import article_id, canonical, normalize_whitespace, paragraphs


def test_crlf_tabs_and_no_break_spaces_become_plain() -> None:
    text = "Kyiv\u00a0: deux\u202fblessés\r\nSecond\t\tline  here\rThird"
    assert normalize_whitespace(text) == "Kyiv : deux blessés\nSecond line here\nThird"


def test_paragraphs_are_stripped_and_empty_ones_dropped() -> None:
    assert paragraphs("  First one.  \n\n \n\u2003Second one.\n") == ["First one.", "Second one."]


def test_mojibake_is_repaired() -> None:
    assert paragraphs("Le ministÃ¨re a dÃ©menti.") == ["Le ministère a démenti."]


def test_curly_quotes_and_apostrophes_are_kept_verbatim() -> None:
    text = "“We will respond,” the minister’s spokesman said. « Jamais », a-t-il dit."
    assert paragraphs(text) == [text]


def test_zero_width_characters_are_removed() -> None:
    assert paragraphs("Zapo\u200brizhzhia\ufeff") == ["Zaporizhzhia"]


def test_article_id_is_stable_across_whitespace_and_case() -> None:
    a = article_id("Russian strikes killed two people.\nEvacuations followed.")
    b = article_id("  russian  strikes killed two people. \n\n EVACUATIONS followed. ")
    assert a == b and len(a) == 16 and int(a, 16) >= 0


def test_article_id_differs_for_different_text() -> None:
    assert article_id("Two killed in Kharkiv.") != article_id("Three killed in Kharkiv.")


def test_canonical_applies_nfkc_and_casefold() -> None:
    assert canonical("Ｋyiv  STRASSE ﬁre") == "kyiv strasse fire"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La traque se poursuit au SahelL'armée française mène",
            ["La traque se poursuit au Sahel", "L'armée française mène"],
        ),
        ("Drones over KyivThe governor said", ["Drones over Kyiv", "The governor said"]),
        (
            "Attentat en AfghanistanLes talibans ont revendiqué",
            ["Attentat en Afghanistan", "Les talibans ont revendiqué"],
        ),
    ],
)
def test_a_paragraph_glued_to_the_next_is_split(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "EgyptAir flight",
        "on LinkedIn is",
        "LeBron James",
        "McLaren driver",
        "iPhone Les",
        "Les Echos",
    ],
)
def test_names_with_inner_capitals_stay_whole(text: str) -> None:
    assert paragraphs(text) == [text]


def test_lines_broken_at_inline_markup_are_joined_back() -> None:
    text = (
        "Among those who left, Mila Horova tells her story.\n"
        "“W\n"
        "e left in March, or I just\n"
        "don’t\n"
        "remember the date,\n"
        "”\n"
        "Horova said.\n"
        "“I think people forget. Some say,\n"
        "‘\n"
        "Oh, is it still on?’ and\n"
        "I’m stunned,” said a student."
    )
    assert paragraphs(text) == [
        "Among those who left, Mila Horova tells her story.",
        "“W e left in March, or I just don’t remember the date, ” Horova said.",
        "“I think people forget. Some say, ‘ Oh, is it still on?’ and I’m stunned,” said a "
        "student.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a quote that goes on in a new paragraph opens again: two paragraphs
        "“We will rebuild the school.\n“It will take years.”",
        "“We will rebuild the school.\n*“It will take years.”",
        # a mark left open with no closing line soon after joins nothing
        "A stray “ mark here\nHeadline one\nHeadline two\nHeadline three\nHeadline four",
        # a straight mark may open or close
        'He said "no.\nNext story',
        # list items in capitals stay apart
        "A\nB",
    ],
)
def test_paragraphs_that_are_paragraphs_stay_apart(text: str) -> None:
    assert len(paragraphs(text)) == text.count("\n") + 1


def test_line_breaks_an_export_left_escaped_are_line_breaks() -> None:
    text = r"Par Will Vernon\nBBC News, Volosovo. Fin.\n\nAvec les remerciements"
    assert paragraphs(text) == [
        "Par Will Vernon",
        "BBC News, Volosovo. Fin.",
        "Avec les remerciements",
    ]


def test_a_backslash_n_inside_a_word_stays() -> None:
    assert normalize_whitespace(r"saved in C:\new folder") == r"saved in C:\new folder"


def test_a_line_broken_at_a_link_goes_on() -> None:
    text = "Bot articles are “rewriting the story of the war,” according to the\nAtlantic Council ."
    assert paragraphs(text) == [
        "Bot articles are “rewriting the story of the war,” according to the Atlantic Council ."
    ]
