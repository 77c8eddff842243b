"""News page HTML to article parts: headline, body paragraphs, byline, date, outlet, dek, language, URL.

The page is parsed once with lxml. Metadata comes from our own reading of JSON-LD (``@graph`` included),
``<meta>`` tags (OpenGraph, ``article:published_time``, ``author``...) and a few visible elements; the body
text comes from trafilatura, run on that tree after boilerplate containers are pruned. Where sources
disagree the rules are general, never per site:

* headline: ``og:title`` (minus a site-name tail) when the JSON-LD headline or the ``<h1>`` agrees with it,
  or when it is that headline with words left out; otherwise (a social-media rewrite) the JSON-LD headline,
  then the ``<h1>``;
* date: the article object's ``datePublished``, then published-time metas, then ``<time datetime>``, then
  htmldate's reading of the page; a modified date is never used;
* body: trafilatura's paragraphs, completed with paragraphs styled like them that it skipped; JSON-LD
  ``articleBody`` instead when that is far longer (pages that render their text with scripts). A standfirst
  the page shows above the body but the extractor left out becomes the first paragraph (it is also
  ``description``).
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
from dateutil import parser as date_parser

from thucydides.errors import EmptyInput, InputTooLarge, MalformedRecord, NoText

__all__ = ["MAX_PAGE_CHARS", "PageExtract", "extract_page"]

MAX_PAGE_CHARS = 20_000_000
"""Pages longer than this many characters are refused with :class:`InputTooLarge`."""

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class PageExtract:
    title: str | None  # the headline as the page gives it, without a " | Site" tail
    paragraphs: tuple[str, ...]  # body paragraphs in reading order, whitespace-normalised
    authors: tuple[str, ...]
    published: str | None  # ISO 8601 date or datetime, as precise as the page states it
    outlet: str | None
    description: str | None  # standfirst / dek
    language: str | None  # declared primary language subtag, e.g. "en"
    url: str | None  # canonical URL if declared, else the given one


def extract_page(html: str, *, url: str | None = None, source: str | None = None) -> PageExtract:
    """Extract the article parts of one page; raises an ``InputError`` or :class:`NoText`, never lxml errors."""
    tree = _parse(html, source)
    meta = _read_metadata(tree)
    outlet = meta.first("og:site_name") or _name_of((meta.article or {}).get("publisher")) \
        or meta.first("application-name") or None
    page_url = _canonical(tree, meta, url)
    title = _choose_title(tree, meta, _outlet_keys(meta, outlet, page_url))
    authors, published = _choose_authors(tree, meta), _choose_date(tree, meta)
    leads = _leads(tree, meta)
    paragraphs = _body(tree, meta.article, url=page_url, title=title, leads=leads)
    if not paragraphs:
        raise NoText("no article text found in the page", source=source)
    shown_lead = paragraphs[0] if paragraphs[0] in leads else None
    return PageExtract(title=title, paragraphs=paragraphs, authors=authors, published=published,
                       outlet=outlet, description=shown_lead or (leads[0] if leads else None),
                       language=_language(tree, meta), url=page_url)


# --- parsing -----------------------------------------------------------------------------------------------

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _parse(html: str, source: str | None) -> lxml.html.HtmlElement:
    if not html or not html.strip():
        raise EmptyInput("the page is empty", source=source)
    if len(html) > MAX_PAGE_CHARS:
        raise InputTooLarge(f"the page has {len(html):,} characters, above the {MAX_PAGE_CHARS:,} limit",
                            source=source)
    # a fresh parser per page: lxml parser objects must not be shared between threads
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", _CONTROL.sub("", html), count=1), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise MalformedRecord(f"the page cannot be parsed as HTML ({exc})", source=source) from exc
    return tree


def _clean(text: Any, *, unescape: bool = False) -> str:
    """NFC-normalise and collapse whitespace (metadata values also get leftover entities unescaped)."""
    if not isinstance(text, str):
        return ""
    if unescape and "&" in text:
        text = html_lib.unescape(text)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _key(text: str) -> str:
    """Comparison key: typographic quotes and dashes folded, case folded."""
    return _clean(text).translate(_FOLD).casefold()


_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


# --- metadata sources --------------------------------------------------------------------------------------

_ARTICLE_TYPES = frozenset({"article", "blogposting", "liveblogposting", "report", "socialmediaposting"})


@dataclass(frozen=True, slots=True)
class _Metadata:
    metas: dict[str, tuple[str, ...]]  # lower-cased name/property/itemprop -> contents, in page order
    objects: tuple[Json, ...]  # every JSON-LD object, @graph and nesting flattened
    article: Json | None  # the first JSON-LD object typed as an article

    def first(self, *keys: str) -> str | None:
        values = (_clean(v, unescape=True) for key in keys for v in self.metas.get(key, ()))
        return next((v for v in values if v), None)


def _read_metadata(tree: lxml.html.HtmlElement) -> _Metadata:
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
    return _clean(value.get("name") if isinstance(value, dict) else value, unescape=True)


# --- headline ----------------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s+[|\-–—:·•»/]{1,2}\s+")
_OUTLET_SUFFIXES = ("news", "online", "com", "couk", "net", "org")


def _compact(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", _clean(name).lower()))


def _outlet_keys(meta: _Metadata, outlet: str | None, url: str | None) -> frozenset[str]:
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
    texts = (_clean(el.text_content()) for el in [*preferred, *tree.iter("h1")])
    return next((t for t in texts if len(t.split()) >= 2 and not _names_outlet(t, keys)), "")


def _is_abridged(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` with words left out (an editor's trim, not a rewrite)."""
    words, target = _key(short).split(), iter(_key(long).split())
    return len(words) >= 3 and all(any(w == t for t in target) for w in words)


def _choose_title(tree: lxml.html.HtmlElement, meta: _Metadata, keys: frozenset[str]) -> str | None:
    og = _strip_site_tail(meta.first("og:title") or "", keys)
    headline, h1 = _name_of((meta.article or {}).get("headline")), _h1(tree, keys)
    if headline and h1 and len(h1) > len(headline) and _key(h1).startswith(_key(headline).rstrip(".… ")):
        headline = h1  # a JSON-LD headline cut to a length limit
    rivals = [t for t in (headline, h1) if t]
    if og and (not rivals or any(_key(og) == _key(r) or _is_abridged(og, r) for r in rivals)):
        return og
    title_el = tree.find(".//title")
    fallback = _strip_site_tail(_clean(title_el.text_content()), keys) if title_el is not None else ""
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
    text = _BY.sub("", _clean(text, unescape=True)).strip(" .")
    if text.startswith(("http://", "https://", "www.")) or len(text) > 120 or len(text) < 2:
        return []
    parts = [p for p in (_BY.sub("", x).strip(" .") for x in _AUTHOR_SPLIT.split(text)) if p]
    return parts if all(len(p.split()) >= 2 for p in parts) else [text]


def _choose_authors(tree: lxml.html.HtmlElement, meta: _Metadata) -> tuple[str, ...]:
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
    text = _clean(raw)
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
    return value.isoformat() if re.search(r"\d:\d\d", text) else value.date().isoformat()


def _choose_date(tree: lxml.html.HtmlElement, meta: _Metadata) -> str | None:
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


def _leads(tree: lxml.html.HtmlElement, meta: _Metadata) -> tuple[str, ...]:
    """Standfirst candidates, best first: OpenGraph, meta and JSON-LD descriptions, then a dek element."""
    found = [meta.first(key) for key in ("og:description", "description", "twitter:description")]
    found.append(_clean((meta.article or {}).get("description"), unescape=True))
    return tuple(dict.fromkeys(x for x in [*found, _dek(tree)] if x))


_PITCH = re.compile(r"\bsubscri|\bsign up\b|\bnewsletter|\bcookies?\b", re.I)


def _dek(tree: lxml.html.HtmlElement) -> str:
    """A standfirst element: classed as one (``standfirst``, ``dek``, ``subtitle``...) and in the headline's block."""
    for h1 in tree.xpath("//article//h1 | //main//h1 | //h1")[:1]:
        block = h1.getparent().getparent() if h1.getparent() is not None else None
        for el in h1.xpath("following::*[self::p or self::h2 or self::div or self::span][@class][position() <= 30]"):
            text = _clean(el.text_content())
            inside = block is not None and any(a is block for a in el.iterancestors())
            if inside and _DEK_WORDS.intersection(_class_words(el)) and 5 <= len(text.split()) <= 80 \
                    and not _PITCH.search(text):
                return text
    return ""


def _language(tree: lxml.html.HtmlElement, meta: _Metadata) -> str | None:
    raw = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
           meta.first("content-language", "language", "dc.language", "og:locale"),
           (meta.article or {}).get("inLanguage")]
    for value in raw:
        if isinstance(value, str) and (match := re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", value)):
            return match.group(1).lower()
    return None


def _canonical(tree: lxml.html.HtmlElement, meta: _Metadata, url: str | None) -> str | None:
    links = [el.get("href") for el in tree.iter("link") if "canonical" in (el.get("rel") or "").lower().split()]
    for value in [*links, meta.first("og:url")]:
        joined = urljoin(url, value.strip()) if url and value else (value or "").strip()
        if urlsplit(joined).scheme in ("http", "https") and urlsplit(joined).netloc:
            return joined
    return url


# --- body --------------------------------------------------------------------------------------------------

_BOILERPLATE_WORDS = frozenset({
    "newsletter", "newsletters", "promo", "promos", "trustbadge", "cookie", "cookies", "consent", "gdpr", "paywall",
    "subscribe", "subscription", "signup", "related", "recommended", "recommendations", "outbrain", "taboola",
    "sharebar", "advert", "advertisement", "sponsored", "mostpopular", "mostread", "breadcrumb", "breadcrumbs"})
_BOILERPLATE_PAIRS = frozenset({("trust", "badge"), ("most", "popular"), ("most", "read"), ("sign", "up"),
                                ("share", "bar"), ("social", "share"), ("read", "more"), ("also", "read")})
_MAX_PRUNED_CHARS = 1000
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|(?:story|article) continues below(?: advertisement)?|"
    r"\(?(?:photo|image|picture|credit|illustration|video)s?(?: credit)?:.{0,120}?\)?|"
    r"(?:read more|see also|also read|more on this story)\b.{0,100}|(?:related|recommended)(?: for you| ?:.{0,100}|"
    r" (?:articles?|stories|coverage|content|reading|videos?|links?|topics?)\b.{0,60})?|"
    r"share|tweet|email|print|copy link|share this(?: article)?:?|share on \w+|comments?|"
    r"(?:sign up|subscribe)\b.{0,100}|.{0,60}all rights reserved\.?|.{0,200}(?:\.\.\.|…) ?(?:read )?more|"
    r"about the author|social sharing|more (?:about|from) [^.]{0,40}|"
    r"up next|(?:more )?trending(?: now)?|latest news|most (?:read|popular|viewed)|editor'?s picks|"
    r"you may also like|leave a reply.{0,20})$", re.I)
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
                     "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})
_MIN_LOOSE_CHARS = 80
_MIN_SENTENCE_WORDS = 4


def _body(tree: lxml.html.HtmlElement, article: Json | None, *, url: str | None, title: str | None,
          leads: tuple[str, ...]) -> tuple[str, ...]:
    """Body paragraphs in reading order (prunes and restructures ``tree`` in place)."""
    _prune_boilerplate(tree)
    _wrap_loose_text(tree)
    paragraphs = _complete([p for p in map(_clean, _main_text(tree, url).split("\n")) if _keep_line(p)], tree)
    if paragraphs and title and _key(paragraphs[0]) == _key(title):
        paragraphs = paragraphs[1:]
    ld_body = _ld_body(article)
    same_text = _key(" ".join(ld_body)) == _key(" ".join(paragraphs)) and len(ld_body) > len(paragraphs)
    if same_text or sum(map(len, ld_body)) > max(400, 2 * sum(map(len, paragraphs))):
        paragraphs = ld_body  # the page renders its text with scripts (or the extractor read it from JSON)
    if not any(len(p.split()) >= _MIN_SENTENCE_WORDS for p in paragraphs):
        return ()  # menus, buttons and link lists are no article
    lead = _visible_lead(tree, leads, paragraphs)
    return tuple([lead, *paragraphs] if lead else paragraphs)


def _keep_line(line: str) -> bool:
    return bool(line) and not _BOILERPLATE_LINE.match(line)


def _main_text(tree: lxml.html.HtmlElement, url: str | None) -> str:
    import trafilatura  # imported late: heavy, and only needed for HTML

    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=False)
    return (doc.text or "") if doc is not None else ""


def _class_words(el: lxml.html.HtmlElement) -> list[str]:
    """The words of an element's class and id: ``TrustBadge-box`` gives trust, badge, box."""
    raw = re.sub(r"([a-z])([A-Z])", r"\1 \2", f"{el.get('class') or ''} {el.get('id') or ''}")
    return [w for w in re.split(r"[^a-z0-9]+", raw.lower()) if w]


def _is_boilerplate(el: lxml.html.HtmlElement) -> bool:
    """True for a container whose class or id words name a newsletter, promo, cookie, related... block."""
    if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
        return False
    words = _class_words(el)
    return bool(_BOILERPLATE_WORDS.intersection(words)) or any(p in _BOILERPLATE_PAIRS for p in pairwise(words))


def _prune_boilerplate(tree: lxml.html.HtmlElement) -> None:
    doomed = [el for el in tree.iter() if (el.get("class") or el.get("id")) and _is_boilerplate(el)]
    for el in doomed:
        if el.getparent() is not None and len(el.text_content()) < _MAX_PRUNED_CHARS:
            el.drop_tree()


def _wrap_loose_text(tree: lxml.html.HtmlElement) -> None:
    """Turn text written straight into a ``<div>`` (runs split by ``<br>`` or blocks) into ``<p>`` elements."""
    for el in list(tree.iter("div", "section", "article", "td")):
        if len(((el.text or "") + "".join(c.tail or "" for c in el)).strip()) < _MIN_LOOSE_CHARS:
            continue
        items: list[Any] = [el.text or ""]
        for child in list(el):
            items += [child, child.tail or ""]
            child.tail = None
            el.remove(child)
        el.text, run = None, []
        for item in [*items, None]:
            if isinstance(item, str) or (item is not None and item.tag in _INLINE):
                run.append(item)
                continue
            if any(x.strip() if isinstance(x, str) else True for x in run):
                el.append(_paragraph(run))
            run = []
            if item is not None and item.tag != "br":
                el.append(item)


def _paragraph(run: list[Any]) -> lxml.html.HtmlElement:
    p = lxml.html.Element("p")
    last: lxml.html.HtmlElement | None = None
    for item in run:
        if not isinstance(item, str):
            p.append(item)
            last = item
        elif last is None:
            p.text = (p.text or "") + item
        else:
            last.tail = (last.tail or "") + item
    return p


def _style(el: lxml.html.HtmlElement) -> tuple[str | None, ...]:
    """How a paragraph is styled: its class and its parent's tag and class (the parent itself if unstyled)."""
    parent = el.getparent()
    if parent is None:
        return (el.get("class"),)
    if not (el.get("class") or parent.get("class")):
        return (el.getroottree().getpath(parent),)
    return el.get("class"), parent.tag, parent.get("class")


def _complete(paragraphs: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """Add back body text the extractor skipped, each after the kept paragraph that precedes it in the page.

    Restored are ``<p>`` elements styled exactly like at least two kept paragraphs, and (when the extractor
    kept no subheading at all) ``<h2>``-``<h4>`` subheadings standing between two consecutive kept paragraphs.
    """
    position = {_key(p): i for i, p in enumerate(paragraphs)}
    elements = [(el, _clean(el.text_content())) for el in tree.iter("p", "h2", "h3", "h4")]
    styles = Counter(_style(el) for el, text in elements if el.tag == "p" and _key(text) in position)
    body_styles = {style for style, count in styles.items() if count >= 2}
    headings_dropped = not any(el.tag != "p" and _key(text) in position for el, text in elements)
    inserts: dict[int, list[str]] = {}
    anchor, pending, added = -1, [], set()
    for el, text in elements:
        key = _key(text)
        if key in position:
            if pending and position[key] == anchor + 1 and _is_prose(paragraphs[anchor]) and _is_prose(text):
                inserts.setdefault(anchor, []).extend(pending)
            anchor, pending = max(anchor, position[key]), []
        elif key in added or not _keep_line(text):
            continue
        elif el.tag == "p" and len(text.split()) >= 5 and _style(el) in body_styles:
            inserts.setdefault(anchor, []).append(text)
            added.add(key)
        elif el.tag != "p" and headings_dropped and anchor >= 0 and 1 < len(text.split()) <= 20:
            pending.append(text)
            added.add(key)
    merged = list(inserts.get(-1, []))
    for i, paragraph in enumerate(paragraphs):
        merged += [paragraph, *inserts.get(i, [])]
    return merged


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 8


_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|section)\s*>", re.I)
_MARKUP_LINE = re.compile(r"^(?:\+\+\+|\{:|\[#)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
_MD_ATTRS = re.compile(r"\{:[^}]*\}")
_MD_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,2}([^*_\n]+?)[*_]{1,2}(?![\w*])")


def _ld_body(article: Json | None) -> list[str]:
    """JSON-LD ``articleBody`` as paragraphs, with HTML tags and Markdown link/emphasis markup removed."""
    raw = (article or {}).get("articleBody")
    if not isinstance(raw, str) or not raw.strip():
        return []
    if re.search(r"<[a-zA-Z][^>]*>", raw):
        raw = _BLOCK_END.sub("\n", raw)
        try:
            raw = lxml.html.fragment_fromstring(raw, create_parent="div").text_content()
        except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
            return []
    lines = [line for line in raw.split("\n") if not _MARKUP_LINE.match(line.strip())]
    text = _MD_EMPHASIS.sub(r"\1", _MD_ATTRS.sub("", _MD_LINK.sub(r"\1", "\n".join(lines))))
    return [p for p in (_clean(x, unescape=True) for x in text.split("\n")) if _keep_line(p)]


def _visible_lead(tree: lxml.html.HtmlElement, leads: tuple[str, ...], paragraphs: list[str]) -> str | None:
    """The first standfirst candidate that the page shows as text but the body does not contain."""
    body = _key(" ".join(paragraphs))
    candidates = [lead for lead in leads if len(lead.split()) >= 5 and _key(lead) not in body]
    if not candidates:
        return None
    shown = _key(" ".join(tree.xpath("//body//text()[not(ancestor::script or ancestor::style"
                                     " or ancestor::noscript)]")))
    return next((lead for lead in candidates if _key(lead) in shown), None)
