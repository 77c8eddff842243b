"""Headlines, their trailing attribution tags, and bylines.

``US privately asks Ukraine ... — newspaper``: the tag after the dash says who the claim comes from; it is
recorded as ``headline_attribution`` and removed from the headline. Tags are lower-case attribution nouns
(newspaper, sources, report, media ...), a known agency, or one to three capitalised words (a name such as
``— Peskov``). Section labels (``Live``, ``Analysis``) are not tags.
"""

from __future__ import annotations

import re

from thucydides.structure.resources import agencies

ATTRIBUTION_NOUNS = frozenset("""
newspaper newspapers paper report reports reported media source sources official officials diplomat diplomats
spokesman spokeswoman spokesperson ministry minister mfa envoy ambassador embassy analysts analyst experts
expert poll survey study witnesses witness residents police army military authorities government agency
statement insiders insider aide aides lawmaker lawmakers senator governor mayor president premier pm
chancellor kremlin pentagon commander intelligence data document documents memo leak
""".split())
NOT_TAGS = frozenset("""
live update updates video videos photos photo opinion analysis explainer factbox timeline q&a exclusive
podcast watch listen review interview editorial comment newsletter quiz breaking
""".split())
_TRAILING = re.compile(r"^(?P<head>.{12,}?)\s*(?:\s[—–\-|]{1,2}\s|:\s)\s*(?P<tag>[^—–|:]{1,40}?)\s*$")
_BYLINE = re.compile(r"^\s*by:?\s+(?P<names>.+?)\s*$", re.I)
_BYLINE_TAIL = re.compile(r"(?:\s*(?:\||,|\band\b)?\s*(?:The\s+)?(?:Associated Press|AP|Reuters|AFP|Xinhua|TASS|UPI|"
                          r"Bloomberg|Staff Writer|Staff Reporter|Correspondent))+\s*$", re.I)


def _is_tag(tag: str, outlet: str | None) -> bool:
    words = tag.split()
    if not 1 <= len(words) <= 3 or tag.casefold() in NOT_TAGS:
        return False
    if any(w.casefold() in NOT_TAGS for w in words) or any(ch.isdigit() for ch in tag):
        return False
    if tag.casefold() in agencies() or (outlet and tag.casefold() == outlet.casefold()):
        return True
    nouns = [w.casefold().strip(".") in ATTRIBUTION_NOUNS for w in words]
    if any(nouns) and all(n or w[:1].isupper() or w in ("the", "of") for n, w in zip(nouns, words, strict=True)):
        return True  # "newspaper", "IAEA report", "Russian MFA"
    return all(w[:1].isupper() for w in words)  # a name: "Peskov", "White House"


def _title_case(text: str) -> bool:
    long_words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.7


def split_headline(headline: str, *, outlet: str | None = None) -> tuple[str, str | None]:
    """``(headline without tag, tag or None)``."""
    match = _TRAILING.match(headline.strip())
    if not match or len(match.group("head").split()) < 3:
        return headline.strip(), None
    tag = match.group("tag").strip()
    if not _is_tag(tag, outlet):
        return headline.strip(), None
    if _title_case(match.group("head")) and not any(w.casefold() in ATTRIBUTION_NOUNS for w in tag.split()) \
            and tag.casefold() not in agencies():
        return headline.strip(), None  # in a Title Case Headline, capitals do not mark a name
    return match.group("head").strip(), tag


def byline_credit(line: str) -> str | None:
    """The wire service a byline credits: ``By The Associated Press`` or ``By JOHN DOE, Reuters`` ->
    ``Associated Press`` / ``Reuters``; ``None`` for a byline of people only."""
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 16:
        return None
    tail = re.search(r"(?:^|\s|,|\|)(?:The\s+)?(Associated Press|AP|Reuters|AFP|Agence France-Presse|Xinhua|TASS|UPI|"
                     r"Bloomberg)\s*$", match.group("names"), re.I)
    return tail.group(1) if tail else None


def parse_byline(line: str) -> str | None:
    """``By MATTHEW LEE and ELLEN KNICKMEYER Associated Press`` -> ``MATTHEW LEE and ELLEN KNICKMEYER``."""
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 16:
        return None
    names = re.sub(r"\s+(?:\d+\s+min(?:\s+read)?|Follow)\b.*$", "", match.group("names"))
    names = _BYLINE_TAIL.sub("", names).strip(" ,|")
    return names or None
