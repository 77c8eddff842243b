import pytest

from thucydides.structure.headline import parse_byline, split_headline


@pytest.mark.parametrize(("headline", "expected", "tag"), [
    ("EU quietly presses Serbia to signal readiness for Kosovo talks — newspaper",
     "EU quietly presses Serbia to signal readiness for Kosovo talks", "newspaper"),
    ("Israel strikes Gaza refugee camp: report", "Israel strikes Gaza refugee camp", "report"),
    ("Russia, Ukraine swap prisoners - sources", "Russia, Ukraine swap prisoners", "sources"),
    ("Talks with Kyiv must include guarantees — Peskov", "Talks with Kyiv must include guarantees", "Peskov"),
    ("Moscow ready for dialogue with Washington — Russian MFA", "Moscow ready for dialogue with Washington", "Russian MFA"),
    ("Iran enriching uranium at Fordow - IAEA report", "Iran enriching uranium at Fordow", "IAEA report"),
    ("Ceasefire talks stall in Cairo – diplomats", "Ceasefire talks stall in Cairo", "diplomats"),
    ("How Trump Won The Election: What We Know", "How Trump Won The Election: What We Know", None),
    ("Biden meets Xi - Live updates", "Biden meets Xi - Live updates", None),
    ("Budget 2024: what it means", "Budget 2024: what it means", None),
    ("Ukraine war: day 100", "Ukraine war: day 100", None),
    ("Kenya protests", "Kenya protests", None),
    ("Putin signs decree - Analysis", "Putin signs decree - Analysis", None),
])
def test_headline_attribution_tag(headline, expected, tag):
    assert split_headline(headline) == (expected, tag)


def test_tag_naming_the_outlet_itself_is_recognised():
    assert split_headline("Sudan army retakes Khartoum airport - Reuters", outlet="Reuters")[1] == "Reuters"


@pytest.mark.parametrize(("line", "byline"), [
    ("By MATTHEW LEE and ELLEN KNICKMEYER Associated Press", "MATTHEW LEE and ELLEN KNICKMEYER"),
    ("By Jane Doe, Reuters", "Jane Doe"),
    ("By: David THOMSON | Kate WILLIAMS 1 min", "David THOMSON | Kate WILLIAMS"),
    ("by Olena Harmash", "Olena Harmash"),
    ("Byzantine ruins found in Gaza", None),
    ("By the time the talks ended on Friday, both sides had agreed to meet again in Doha next month to settle details", None),
])
def test_byline(line, byline):
    assert parse_byline(line) == byline
