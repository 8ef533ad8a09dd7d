"""clean(): RawDocument → Article, on written fixtures and on the real samples."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest

from conftest import shared_path
from sitroom.clean import RepeatIndex, article_id, clean
from sitroom.config import CleanSettings, IngestSettings
from sitroom.errors import RejectedInput
from sitroom.ingest import iter_inputs
from sitroom.types import Article, RawDocument

SETTINGS = CleanSettings()
LEDE = "A drone hit a clinic in the capital early Monday, killing one person, officials said."
SECOND = "Three other people were wounded and the fire was put out by morning."
THIRD = "Air defences shot down most of the 40 drones launched overnight, the air force said."

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Clinic hit in drone strike | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-01-05T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Clinic hit in drone strike</h1>
<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>
<p>Sign up for our newsletter</p></article>
<footer>Example News, all rights reserved</footer>
</body></html>"""


def raw_text(text: str, **kw: object) -> RawDocument:
    return RawDocument(locator="t.txt", kind="text", text=text, **kw)  # type: ignore[arg-type]


def raw_html(html: str, **kw: object) -> RawDocument:
    return RawDocument(locator="p.html", kind="html", html=html, **kw)  # type: ignore[arg-type]


def assert_spans_consistent(article: Article) -> None:
    for span in article.paragraphs:
        assert article.text[span.start : span.end] == span.text
    assert "\n".join(s.text for s in article.paragraphs) == article.text
    for removed in article.removed:
        assert 0 <= removed.at <= len(article.text)


def test_text_is_cleaned_into_paragraph_spans() -> None:
    article = clean(raw_text(f"  {LEDE}\r\n\r\n{SECOND}\u00a0 \n{THIRD}\n"), SETTINGS)
    assert article.text == f"{LEDE}\n{SECOND}\n{THIRD}"
    assert [s.text for s in article.paragraphs] == [LEDE, SECOND, THIRD]
    assert article.paragraphs[1].start == len(LEDE) + 1
    assert article.language == "und" and article.removed == ()
    assert_spans_consistent(article)


def test_removed_paragraph_records_where_it_stood() -> None:
    text = f"Share this article\n{LEDE}\nRead more: Talks resume\n{SECOND}\nAdvertisement"
    article = clean(raw_text(text), SETTINGS)
    assert article.text == f"{LEDE}\n{SECOND}"
    at = {r.text: (r.at, r.reason) for r in article.removed}
    assert at["Share this article"] == (0, "lexicon:share")
    assert at["Read more: Talks resume"] == (len(LEDE) + 1, "lexicon:related")
    assert at["Advertisement"] == (len(article.text), "lexicon:advert")
    assert_spans_consistent(article)


def test_article_id_is_hash_of_the_normalised_clean_text() -> None:
    a = clean(raw_text(f"{LEDE}\n{SECOND}"), SETTINGS)
    b = clean(raw_text(f"\n\n{LEDE}   \n\n\n  {SECOND}  \n"), SETTINGS)
    assert a.id == b.id == article_id(a.text)


def test_same_text_with_boilerplate_added_keeps_its_id() -> None:
    a = clean(raw_text(f"{LEDE}\n{SECOND}"), SETTINGS)
    b = clean(raw_text(f"{LEDE}\n{SECOND}\nSign up for our newsletter"), SETTINGS)
    assert a.id == b.id


def test_too_short_text_is_rejected_with_min_chars_in_the_reason() -> None:
    with pytest.raises(RejectedInput) as err:
        clean(raw_text("Kyiv, Monday."), SETTINGS, min_chars=IngestSettings().min_chars)
    assert "too short" in err.value.reason and "min_chars" in err.value.reason


def test_only_boilerplate_is_rejected() -> None:
    with pytest.raises(RejectedInput) as err:
        clean(raw_text("Share this article\nSign up for our newsletter\nAdvertisement"), SETTINGS)
    assert "only boilerplate" in err.value.reason


def test_html_page_gives_text_title_sitename_and_date() -> None:
    article = clean(raw_html(PAGE), SETTINGS)
    assert LEDE in article.text and THIRD in article.text
    assert "Home" not in article.text and "newsletter" not in article.text
    assert article.title == "Clinic hit in drone strike"
    assert article.source == "Example News"
    assert article.published == dt.date(2026, 1, 5) and article.published_how == "htmldate"
    assert [r.reason for r in article.removed] == ["lexicon:newsletter"]
    assert_spans_consistent(article)


def test_item_metadata_beats_the_page() -> None:
    raw = raw_html(
        PAGE,
        title="Own title",
        source="Own Wire",
        published=dt.date(2026, 1, 6),
        published_how="metadata",
    )
    article = clean(raw, SETTINGS)
    assert article.title == "Own title" and article.source == "Own Wire"
    assert article.published == dt.date(2026, 1, 6) and article.published_how == "metadata"


def test_page_date_beats_a_date_given_on_the_command_line() -> None:
    article = clean(raw_html(PAGE, published=dt.date(2026, 2, 1), published_how="cli"), SETTINGS)
    assert article.published == dt.date(2026, 1, 5) and article.published_how == "htmldate"


def test_cli_date_is_kept_when_the_page_has_none() -> None:
    page = f"<html><body><p>{LEDE}</p><p>{SECOND}</p></body></html>"
    article = clean(raw_html(page, published=dt.date(2026, 2, 1), published_how="cli"), SETTINGS)
    assert article.published == dt.date(2026, 2, 1) and article.published_how == "cli"


def test_source_falls_back_to_the_url_host() -> None:
    page = f"<html><body><p>{LEDE}</p><p>{SECOND}</p></body></html>"
    article = clean(raw_html(page, url="https://www.example.org/a/1"), SETTINGS)
    assert article.source == "example.org" and article.url == "https://www.example.org/a/1"


@pytest.mark.parametrize("html", ["", "<html><body></body></html>", "<html><head><title>x"])
def test_empty_or_truncated_html_is_rejected(html: str) -> None:
    with pytest.raises(RejectedInput) as err:
        clean(raw_html(html), SETTINGS)
    assert "HTML" in err.value.reason or "text" in err.value.reason


def test_feed_entry_html_is_converted_as_a_fragment() -> None:
    raw = RawDocument(
        locator="f.rss#1", kind="feed", html=f"<p>{LEDE}</p><p>{SECOND}<br>{THIRD}</p>"
    )
    article = clean(raw, SETTINGS)
    assert article.text == f"{LEDE}\n{SECOND}\n{THIRD}"


def test_paragraph_repeated_across_an_outlets_articles_is_removed() -> None:
    footer = "Follow the Example Wire live blog for the latest updates."
    repeats = RepeatIndex()
    bodies = [LEDE, SECOND, THIRD, LEDE + " Update."]
    articles = [
        clean(raw_text(f"{body}\n{footer}", source="Example Wire"), SETTINGS, repeats)
        for body in bodies
    ]
    assert [footer in a.text for a in articles] == [True, True, False, False]
    assert articles[2].removed[0].reason == "repeated:outlet"
    other = clean(raw_text(f"{LEDE}\n{footer}", source="Other"), SETTINGS, repeats)
    assert footer in other.text


def test_new_version_of_a_story_is_not_gutted_by_repetition() -> None:
    repeats = RepeatIndex()
    body = f"{LEDE}\n{SECOND}\n{THIRD}"
    for n in range(4):
        article = clean(raw_text(f"{body}\nUpdate number {n}."), SETTINGS, repeats)
    assert article.text.startswith(LEDE) and article.removed == ()


def test_seed_000_loses_the_donation_appeal_and_nothing_else() -> None:
    path = shared_path("seeds", "000_f5f08e3f5b41b927.txt")
    raw = path.read_text(encoding="utf-8")
    article = clean(raw_text(raw), SETTINGS)
    assert article.text.endswith("according to AFP analysis.")
    for phrase in ("Moscow Times", "Dear readers", "Remind me later", "support us"):
        assert phrase not in article.text
    assert {r.reason for r in article.removed} == {"lexicon:donation"}
    assert article.removed[0].text.startswith("A Message from")
    assert all(r.at == len(article.text) for r in article.removed)
    assert len(article.text) + sum(len(r.text) + 1 for r in article.removed) == len(raw.strip())
    assert_spans_consistent(article)


def test_seed_004_in_french_loses_nothing() -> None:
    path = shared_path("seeds", "004_cfd940451f5b2d9f.txt")
    raw = path.read_text(encoding="utf-8")
    article = clean(raw_text(raw), SETTINGS)
    assert article.removed == ()
    assert article.text == "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def test_real_page_yields_text_title_and_site() -> None:
    path = shared_path("data", "raw-html-ukraine-war-2023", "html", "url_en_ukraine_5.html.gz")
    raw = raw_html(gzip.decompress(path.read_bytes()).decode("utf-8"))
    article = clean(raw, SETTINGS)
    assert article.title and len(article.text) > 1000 and len(article.paragraphs) > 5
    assert article.source and article.published is not None
    assert "<" not in article.text
    assert_spans_consistent(article)


def test_real_benchmark_pages_all_give_text() -> None:
    html_dir = shared_path("data", "article-extraction-benchmark-html", "html")
    paths = sorted(html_dir.glob("*.html.gz"))[:10]
    items = list(iter_inputs(paths, IngestSettings()))
    articles = [clean(i, SETTINGS) for i in items if isinstance(i, RawDocument)]
    assert len(articles) == 10 and all(len(a.text) > 200 for a in articles)


def test_real_markdown_related_links_are_removed() -> None:
    articles = shared_path("data", "en-news-ukraine-feb2026", "articles")
    (item,) = iter_inputs([articles / "corpusA_crawl_139c6543194a.md"], IngestSettings())
    assert isinstance(item, RawDocument)
    article = clean(item, SETTINGS)
    assert "Previous Article" not in article.text and "Next Article" not in article.text
    assert {r.reason for r in article.removed} >= {"lexicon:related"}
