"""HTML page extraction: hand-written pages for each rule, then the shared corpus against the quality floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.errors import EmptyInput, InputTooLarge, NoText, ThucydidesError
from thucydides.ingest.encoding import decode
from thucydides.ingest.html import MAX_PAGE_CHARS, PageExtract, extract_page

BODY = [
    "The finance minister said on Tuesday that the budget talks would resume next week in the capital.",
    "Opposition leaders rejected the plan, saying it cut spending on schools and hospitals too deeply.",
    "The government needs the votes of at least two smaller parties to pass the budget before June.",
]


def page(head: str = "", body: str = "", *, paragraphs: list[str] | None = None, lang: str = "en") -> str:
    """A small news page: ``head`` markup, then ``body`` markup before the article paragraphs."""
    text = "".join(f"<p>{p}</p>\n" for p in (BODY if paragraphs is None else paragraphs))
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}<article>{text}</article></body></html>")


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def og(prop: str, value: str) -> str:
    return f'<meta property="{prop}" content="{value}">'


# --- headline ----------------------------------------------------------------------------------------------

TITLE_CASES = [
    pytest.param(og("og:title", "Budget talks to resume | Daily Bugle") + og("og:site_name", "Daily Bugle"),
                 "", "Budget talks to resume", id="og-title-site-suffix-stripped"),
    pytest.param("<title>Budget talks to resume - The Daily Bugle</title>" + og("og:site_name", "Daily Bugle"),
                 "", "Budget talks to resume", id="title-tag-suffix-matching-outlet"),
    pytest.param("<title>Budget talks to resume - Politics | Daily Bugle</title>"
                 + og("og:site_name", "Daily Bugle"), "", "Budget talks to resume", id="section-and-site-tail"),
    pytest.param("<title>Budget talks: what happens next - Analysis</title>" + og("og:site_name", "Daily Bugle"),
                 "", "Budget talks: what happens next - Analysis", id="tail-not-outlet-kept"),
    pytest.param(og("og:title", "Budget talks to resume") + "<title>Budget talks to resume | Bugle</title>",
                 "<h1>Budget talks to resume</h1>", "Budget talks to resume", id="og-confirmed-by-h1"),
    pytest.param(og("og:title", "You won't believe what the minister said")
                 + ld({"@type": "NewsArticle", "headline": "Budget talks to resume next week"}),
                 "<h1>Budget talks to resume next week</h1>", "Budget talks to resume next week",
                 id="og-social-rewrite-loses-to-headline"),
    pytest.param(og("og:title", "Budget talks to resume"), "<h1>Budget talks to resume in the capital</h1>",
                 "Budget talks to resume", id="og-abridged-h1-kept"),
    pytest.param(og("og:title", "Minister's budget talks to resume"),
                 "<h1>Minister\u2019s budget talks to resume</h1>", "Minister's budget talks to resume",
                 id="quote-style-from-og"),
    pytest.param("", "<h1>Budget talks to resume</h1>", "Budget talks to resume", id="h1-only"),
    pytest.param(ld({"@type": "NewsArticle", "headline": "Budget talks to resume next week after the minister…"}),
                 "<h1>Budget talks to resume next week after the minister met union leaders</h1>",
                 "Budget talks to resume next week after the minister met union leaders", id="truncated-json-ld"),
    pytest.param(og("og:title", "Budget talks to resume") + og("og:site_name", "Daily Bugle"),
                 "<header><h1>Daily Bugle</h1></header>", "Budget talks to resume", id="site-name-h1-ignored"),
]


@pytest.mark.parametrize(("head", "body", "expected"), TITLE_CASES)
def test_title(head: str, body: str, expected: str) -> None:
    assert extract_page(page(head, body)).title == expected


# --- date --------------------------------------------------------------------------------------------------

DATE_CASES = [
    pytest.param(ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "x", "dateModified": "2024-05-03T09:00:00Z"},
        {"@type": "NewsArticle", "headline": "Budget", "datePublished": "2024-05-01T18:30:00+02:00",
         "dateModified": "2024-05-02T08:00:00+02:00"}]}), "", "2024-05-01T18:30:00+02:00",
        id="json-ld-graph-published-not-modified"),
    pytest.param(og("article:published_time", "2023-11-15T17:00:00+00:00")
                 + og("article:modified_time", "2023-11-16T10:00:00+00:00"), "", "2023-11-15T17:00:00+00:00",
                 id="article-published-time"),
    pytest.param("", "<time datetime='2022-10-10'>10 October 2022</time>", "2022-10-10", id="time-element-date-only"),
    pytest.param("<meta name='pubdate' content='Wed, 24 Apr 2019 06:59:25 +0000'>", "",
                 "2019-04-24T06:59:25+00:00", id="rfc-2822-meta"),
]


@pytest.mark.parametrize(("head", "body", "expected"), DATE_CASES)
def test_published(head: str, body: str, expected: str) -> None:
    assert extract_page(page(head, body)).published == expected


# --- byline ------------------------------------------------------------------------------------------------

AUTHOR_CASES = [
    pytest.param("<meta name='author' content='Jane Doe'>", "", ("Jane Doe",), id="meta-author"),
    pytest.param("<meta name='author' content='By Jane Doe and John Roe'>", "", ("Jane Doe", "John Roe"),
                 id="meta-author-split"),
    pytest.param(ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Doe"},
                                                        {"@type": "Person", "name": "John Roe"}]}),
                 "", ("Jane Doe", "John Roe"), id="json-ld-person-list"),
    pytest.param("", "<span class='byline'>By Jane Doe</span>", ("Jane Doe",), id="visible-byline"),
    pytest.param("<meta name='author' content='https://www.facebook.com/janedoe'>", "", (), id="url-is-no-name"),
    pytest.param("<meta name='author' content='Directorate General for Press and Information'>", "",
                 ("Directorate General for Press and Information",), id="organisation-not-split"),
]


@pytest.mark.parametrize(("head", "body", "expected"), AUTHOR_CASES)
def test_authors(head: str, body: str, expected: tuple[str, ...]) -> None:
    assert extract_page(page(head, body)).authors == expected


# --- other metadata ----------------------------------------------------------------------------------------


def test_outlet_description_language_and_canonical_url() -> None:
    head = (og("og:site_name", "Daily Bugle") + og("og:description", "Talks resume after a week of protests.")
            + "<link rel='canonical' href='/politics/budget-talks'>")
    result = extract_page(page(head, lang="en-GB"), url="https://bugle.example/politics/budget-talks?utm=x")
    assert result.outlet == "Daily Bugle"
    assert result.description == "Talks resume after a week of protests."
    assert result.language == "en"
    assert result.url == "https://bugle.example/politics/budget-talks"


def test_visible_standfirst_is_first_paragraph_and_description() -> None:
    dek = "Ministers meet again after a week of protests over spending cuts."
    html = page(og("og:description", dek), f"<header><h1>Budget talks to resume</h1><p class='standfirst'>{dek}</p></header>")
    result = extract_page(html)
    assert result.paragraphs == (dek, *BODY)
    assert result.description == dek


def test_meta_description_not_shown_stays_out_of_body() -> None:
    result = extract_page(page("<meta name='description' content='A summary written for search engines only.'>"))
    assert result.paragraphs == tuple(BODY)
    assert result.description == "A summary written for search engines only."


def test_given_url_kept_without_canonical() -> None:
    assert extract_page(page(), url="https://bugle.example/a").url == "https://bugle.example/a"


# --- body --------------------------------------------------------------------------------------------------


def test_paragraphs_in_reading_order_and_whitespace_normalised() -> None:
    spaced = [p.replace(" ", "  \n ") for p in BODY]
    assert extract_page(page(paragraphs=spaced)).paragraphs == tuple(BODY)


BOILERPLATE_CASES = [
    pytest.param("<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World news today</a></li></ul></nav>",
                 "World news today", id="nav"),
    pytest.param("<footer><p>Copyright 2024 Daily Bugle Media Group. All rights reserved.</p></footer>",
                 "All rights reserved", id="footer"),
    pytest.param("<div class='cookie-banner'><p>We use cookies to improve your experience on our site. "
                 "Accept all cookies to continue.</p></div>", "We use cookies", id="cookie-banner"),
    pytest.param("<div class='newsletter-promo'><p>Get the Daily Bugle morning briefing in your inbox "
                 "every day.</p></div>", "morning briefing", id="newsletter-promo"),
]


@pytest.mark.parametrize(("extra", "unwanted"), BOILERPLATE_CASES)
def test_boilerplate_dropped(extra: str, unwanted: str) -> None:
    html = page(body=extra).replace("</article>", f"</article>{extra}")
    result = extract_page(html)
    body = "\n".join(result.paragraphs)
    assert unwanted not in body
    assert all(p in result.paragraphs for p in BODY)


def test_text_directly_in_div_split_at_line_breaks() -> None:
    html = f"<html><body><article><div class='story'>{'<br><br>'.join(BODY)}</div></article></body></html>"
    assert extract_page(html).paragraphs == tuple(BODY)


def test_json_ld_article_body_used_when_page_renders_no_text() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Budget", "articleBody": "\n\n".join(BODY * 3)})
    html = f"<html><head>{head}</head><body><div id='app'></div></body></html>"
    assert extract_page(html).paragraphs[:3] == tuple(BODY)


MALFORMED_CASES = [
    pytest.param("<html><body><article><p>" + "<p>".join(BODY), id="unclosed-tags"),
    pytest.param("<p>" + "</div></span><p>".join(BODY) + "</table></html></body>", id="stray-end-tags"),
    pytest.param("<?xml version='1.0' encoding='utf-8'?>" + page(), id="xml-declaration"),
    pytest.param(page().replace("<article>", "<article>\x00\x01"), id="control-characters"),
]


@pytest.mark.parametrize("html", MALFORMED_CASES)
def test_malformed_html_still_extracted(html: str) -> None:
    assert extract_page(html).paragraphs == tuple(BODY)


NO_TEXT_CASES = [
    pytest.param("<html><head><title>Budget</title></head><body></body></html>", NoText, id="empty-body"),
    pytest.param("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>", NoText,
                 id="menu-only"),
    pytest.param("<<<>>> &&& <div <p </p> ]]> <!--", NoText, id="garbage"),
    pytest.param("   \n ", EmptyInput, id="blank"),
    pytest.param("<p>x</p>" * (MAX_PAGE_CHARS // 8 + 1), InputTooLarge, id="over-size-limit"),
]


@pytest.mark.parametrize(("html", "error"), NO_TEXT_CASES)
def test_pages_without_article_raise(html: str, error: type[ThucydidesError]) -> None:
    with pytest.raises(error):
        extract_page(html, source="page.html")


def test_no_text_error_names_source() -> None:
    with pytest.raises(NoText) as info:
        extract_page("<html><body></body></html>", source="page.html")
    assert info.value.source == "page.html"


def test_windows_1252_page_decoded_right() -> None:
    html = page("<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>",
                paragraphs=["The caf\u00e9 owner said \u201cwe are closing\u201d after the rent doubled \u2014 again.",
                            *BODY]).replace("<meta charset='utf-8'>", "")
    text, encoding, _ = decode(html.encode("cp1252"))
    assert encoding == "cp1252"
    result = extract_page(text)
    assert result.paragraphs[0] == "The caf\u00e9 owner said \u201cwe are closing\u201d after the rent doubled \u2014 again."


def test_result_is_frozen() -> None:
    result = extract_page(page())
    assert isinstance(result, PageExtract)
    with pytest.raises(AttributeError):
        result.title = "x"  # type: ignore[misc]


# --- the shared corpus -------------------------------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"
MANIFEST = SHARED / "corpus" / "html" / "manifest.jsonl"
FLOORS = {"title": 0.95, "date": 0.90, "paragraph recall": 0.95, "snippets": 0.95}


@pytest.mark.shared
def test_corpus_quality_floors() -> None:
    if not MANIFEST.is_file():
        pytest.skip(f"shared corpus not found at {MANIFEST}")
    from thucydides.evaluation.html import score_html_corpus

    scores = score_html_corpus(MANIFEST)
    print(f"\nHTML extraction on {scores.full_pages} fundus + {scores.snippet_pages} trafilatura pages:\n"
          f"  {scores.summary()}")
    for failure in scores.failures:
        if failure.field in ("title", "date", "snippet", "error"):
            print(f"  miss {failure.field}: {failure.page}: want {failure.expected[:80]!r} got {failure.got[:80]!r}")
    figures = {"title": scores.title_rate, "date": scores.date_rate,
               "paragraph recall": scores.paragraph_recall, "snippets": scores.snippet_rate}
    assert scores.errors == 0
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.3f} is below the floor {floor}"
