"""Page metadata for :mod:`thucydides.ingest.html`: JSON-LD, OpenGraph and ``<meta>`` reading, and the choice of
headline, date, authors, outlet, standfirst candidates, language and canonical URL (rules in that module's docstring).
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
from dateutil import parser as date_parser

from thucydides.errors import BadValue

Json = dict[str, Any]


# --- text helpers ------------------------------------------------------------------------------------------

def clean_value(text: Any, *, unescape: bool = False) -> str:
    """NFC-normalise and collapse whitespace (metadata values also get leftover entities unescaped)."""
    if not isinstance(text, str):
        return ""
    if unescape and "&" in text:
        text = html_lib.unescape(text)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def compare_key(text: str) -> str:
    """Comparison key: typographic quotes and dashes folded, case folded."""
    return clean_value(text).translate(_FOLD).casefold()


_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


# --- metadata sources --------------------------------------------------------------------------------------

_ARTICLE_TYPES = frozenset({"article", "blogposting", "liveblogposting", "report", "socialmediaposting"})


@dataclass(frozen=True, slots=True)
class _Metadata:
    metas: dict[str, tuple[str, ...]]  # lower-cased name/property/itemprop -> contents, in page order
    objects: tuple[Json, ...]  # every JSON-LD object, @graph and nesting flattened
    article: Json | None  # the first JSON-LD object typed as an article

    def first(self, *keys: str) -> str | None:
        values = (clean_value(v, unescape=True) for key in keys for v in self.metas.get(key, ()))
        return next((v for v in values if v), None)


def read_metadata(tree: lxml.html.HtmlElement) -> _Metadata:
    metas: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        for attr in ("property", "name", "itemprop", "http-equiv"):
            if el.get(attr) and el.get("content") is not None:
                metas.setdefault(el.get(attr, "").strip().lower(), []).append(el.get("content", ""))
    objects = tuple(obj for script in tree.iter("script") for obj in _json_ld(script))
    article = next((obj for obj in objects if _types(obj) & _ARTICLE_TYPES or
                    any(t.endswith("article") for t in _types(obj))), None)
    return _Metadata({k: tuple(v) for k, v in metas.items()}, objects, article)


def _json_ld(script: lxml.html.HtmlElement) -> Iterator[Json]:
    if "ld+json" not in (script.get("type") or "").lower() or not script.text:
        return
    try:
        data = json.loads(script.text.strip().rstrip(";"))
    except (ValueError, RecursionError):
        return
    yield from _flatten(data, 0)


def _flatten(data: Any, depth: int) -> Iterator[Json]:
    if isinstance(data, list) and depth < 6:
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict) and depth < 6:
        yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            yield from _flatten(data.get(key), depth + 1)


def _types(obj: Json) -> set[str]:
    raw = obj.get("@type")
    return {t.lower().rsplit("/", 1)[-1] for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)}


def _name_of(value: Any) -> str:
    if isinstance(value, list):
        return _name_of(value[0]) if value else ""
    return clean_value(value.get("name") if isinstance(value, dict) else value, unescape=True)


def choose_outlet(meta: _Metadata) -> str | None:
    return meta.first("og:site_name") or _name_of((meta.article or {}).get("publisher")) \
        or meta.first("application-name") or None


# --- headline ----------------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s+[|\-–—:·•»/]{1,2}\s+")
_OUTLET_SUFFIXES = ("news", "online", "com", "couk", "net", "org")


def _compact(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", clean_value(name).lower()))


def outlet_keys(meta: _Metadata, outlet: str | None, url: str | None) -> frozenset[str]:
    names = [outlet, meta.first("application-name"), meta.first("publisher"),
             _name_of((meta.article or {}).get("publisher"))]
    names += [_name_of(obj.get("name")) for obj in meta.objects if {"website", "organization"} & _types(obj)]
    host = (urlsplit(url).hostname or "") if url else ""
    names += [part for part in host.lower().split(".") if part not in ("www", "com", "co", "uk", "org", "net")][:1]
    return frozenset(key for key in map(_compact, names) if len(key) >= 2)


def _names_outlet(segment: str, keys: frozenset[str]) -> bool:
    seg = _compact(segment)
    return any(seg == key or any(seg == key + s or key == seg + s for s in _OUTLET_SUFFIXES) for key in keys)


def _strip_site_tail(title: str, keys: frozenset[str]) -> str:
    """Drop a ``| Site`` / ``- Section | Site`` tail, only when one of its short parts names the outlet."""
    for match in _SEPARATOR.finditer(title):
        head, parts = title[: match.start()], _SEPARATOR.split(" " + title[match.start():].strip())
        parts = [p for p in parts if p.strip()]
        if len(head.split()) >= 2 and all(len(p.split()) <= 5 for p in parts) and \
                any(_names_outlet(p, keys) for p in parts):
            return head.strip()
    return title


def _h1(tree: lxml.html.HtmlElement, keys: frozenset[str]) -> str:
    """The visible headline: the first ``<h1>`` (article ones first) that is not the site's name."""
    preferred = tree.xpath("//*[@itemprop='headline'][not(self::meta)] | //article//h1 | //main//h1")
    texts = (clean_value(el.text_content()) for el in [*preferred, *tree.iter("h1")])
    return next((t for t in texts if len(t.split()) >= 2 and not _names_outlet(t, keys)), "")


def _is_abridged(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` with words left out (an editor's trim, not a rewrite)."""
    words, target = compare_key(short).split(), iter(compare_key(long).split())
    return len(words) >= 3 and all(any(w == t for t in target) for w in words)


def choose_title(tree: lxml.html.HtmlElement, meta: _Metadata, keys: frozenset[str]) -> str | None:
    og = _strip_site_tail(meta.first("og:title") or "", keys)
    headline, h1 = _name_of((meta.article or {}).get("headline")), _h1(tree, keys)
    if headline and h1 and len(h1) > len(headline) and compare_key(h1).startswith(compare_key(headline).rstrip(".… ")):
        headline = h1  # a JSON-LD headline cut to a length limit
    rivals = [t for t in (headline, h1) if t]
    if og and (not rivals or any(compare_key(og) == compare_key(r) or _is_abridged(og, r) for r in rivals)):
        return og
    title_el = tree.find(".//title")
    fallback = _strip_site_tail(clean_value(title_el.text_content()), keys) if title_el is not None else ""
    return next((t for t in [*rivals, og, fallback] if t), None)


# --- byline, date, dek, language, URL ----------------------------------------------------------------------

_BY = re.compile(r"^\s*(?:by|written by|words by)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.I)
_NOT_A_NAME = re.compile(r"[()\[\]{}:@/\\<>=|]|\d|^(?:image|photo|getty|staff$|by$|no author|unknown|admin$)", re.I)
_AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_BYLINE_XPATH = ("//*[@rel='author' or @itemprop='author' or contains(@class, 'byline')"
                 " or contains(@class, 'author-name')][not(self::meta)]")


def _split_authors(text: str) -> list[str]:
    """Names in a byline; split at commas/"and" only when every part has two words or more (a person's name),
    so "Jane Doe and John Roe" splits but "Directorate General for Press and Information" does not."""
    text = _BY.sub("", clean_value(text, unescape=True)).strip(" .")
    if text.startswith(("http://", "https://", "www.")) or len(text) > 120 or len(text) < 2:
        return []
    parts = [p for p in (_BY.sub("", x).strip(" .") for x in _AUTHOR_SPLIT.split(text)) if p]
    return parts if all(len(p.split()) >= 2 for p in parts) else [text]


def choose_authors(tree: lxml.html.HtmlElement, meta: _Metadata) -> tuple[str, ...]:
    raw = (meta.article or {}).get("author")
    names = [n for item in (raw if isinstance(raw, list) else [raw]) for n in _split_authors(_name_of(item))]
    for key in _AUTHOR_METAS:
        names = names or [n for value in meta.metas.get(key, ()) for n in _split_authors(value)]
    for el in tree.xpath(_BYLINE_XPATH)[:6] if not names else ():
        names += _split_authors(el.text_content())
    unique: dict[str, str] = {}
    for name in names:
        if len(name.split()) <= 6 and not _NOT_A_NAME.search(name):
            unique.setdefault(re.sub(r"[^a-z]", "", name.lower()), name)
    return tuple(unique.values())


_DATE_METAS = ("article:published_time", "og:article:published_time", "article:published", "datepublished",
               "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
               "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "og:published_time")


def _iso_date(raw: Any) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) or datetime, as precise as ``raw`` is; None if it is no date."""
    text = clean_value(raw)
    if not re.search(r"\d", text):
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = date_parser.parse(text)
        except (ValueError, OverflowError, TypeError):
            return None
    if not 1900 < value.year < 2200:
        return None
    try:
        value.utcoffset()
    except ValueError as exc:  # a stated '+99:00', which the date parser keeps: reported for the page
        raise BadValue(f"the page's date {text!r} has a UTC offset beyond ±24 hours") from exc
    return value.isoformat() if re.search(r"\d:\d\d", text) else value.date().isoformat()


def choose_date(tree: lxml.html.HtmlElement, meta: _Metadata) -> str | None:
    article = meta.article or {}
    candidates: list[Any] = [article.get("datePublished"), article.get("dateCreated")]
    candidates += [v for key in _DATE_METAS for v in meta.metas.get(key, ())]
    candidates += [obj.get("datePublished") for obj in meta.objects]
    candidates += tree.xpath("//*[@itemprop='datePublished']/@datetime | //article//time/@datetime"
                             " | //time[@pubdate]/@datetime | //time/@datetime")
    found = next((d for d in map(_iso_date, candidates) if d), None)
    return found or _htmldate(tree)


def _htmldate(tree: lxml.html.HtmlElement) -> str | None:
    from htmldate import find_date  # trafilatura's date finder; given a tree it never goes online

    try:
        return find_date(tree, original_date=True, extensive_search=True)
    except (ValueError, TypeError, AttributeError, lxml.etree.LxmlError):
        return None


_DEK_WORDS = frozenset({"standfirst", "dek", "deck", "subtitle", "subheadline", "subhead", "excerpt", "lede",
                        "strapline", "summary", "description"})


def lead_texts(tree: lxml.html.HtmlElement, meta: _Metadata) -> tuple[str, ...]:
    """Standfirst candidates, best first: OpenGraph, meta and JSON-LD descriptions, then a dek element."""
    found = [meta.first(key) for key in ("og:description", "description", "twitter:description")]
    found.append(clean_value((meta.article or {}).get("description"), unescape=True))
    return tuple(dict.fromkeys(x for x in [*found, _dek(tree)] if x))


_PITCH = re.compile(r"\bsubscri|\bsign up\b|\bnewsletter|\bcookies?\b", re.I)


def _dek(tree: lxml.html.HtmlElement) -> str:
    """A standfirst element: classed as one (``standfirst``, ``dek``, ``subtitle``...) and in the headline's block."""
    for h1 in tree.xpath("//article//h1 | //main//h1 | //h1")[:1]:
        block = h1.getparent().getparent() if h1.getparent() is not None else None
        for el in h1.xpath("following::*[self::p or self::h2 or self::div or self::span][@class][position() <= 30]"):
            text = clean_value(el.text_content())
            inside = block is not None and any(a is block for a in el.iterancestors())
            if inside and _DEK_WORDS.intersection(class_words(el)) and 5 <= len(text.split()) <= 80 \
                    and not _PITCH.search(text):
                return text
    return ""


def page_language(tree: lxml.html.HtmlElement, meta: _Metadata) -> str | None:
    raw = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
           meta.first("content-language", "language", "dc.language", "og:locale"),
           (meta.article or {}).get("inLanguage")]
    for value in raw:
        if isinstance(value, str) and (match := re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", value)):
            return match.group(1).lower()
    return None


def canonical_url(tree: lxml.html.HtmlElement, meta: _Metadata, url: str | None) -> str | None:
    links = [el.get("href") for el in tree.iter("link") if "canonical" in (el.get("rel") or "").lower().split()]
    for value in [*links, meta.first("og:url")]:
        joined = urljoin(url, value.strip()) if url and value else (value or "").strip()
        if urlsplit(joined).scheme in ("http", "https") and urlsplit(joined).netloc:
            return joined
    return url


def class_words(el: lxml.html.HtmlElement) -> list[str]:
    """The words of an element's class and id: ``TrustBadge-box`` gives trust, badge, box."""
    raw = re.sub(r"([a-z])([A-Z])", r"\1 \2", f"{el.get('class') or ''} {el.get('id') or ''}")
    return [w for w in re.split(r"[^a-z0-9]+", raw.lower()) if w]
