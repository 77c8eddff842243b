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

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import lxml.etree
import lxml.html

from thucydides.errors import EmptyInput, InputTooLarge, MalformedRecord, NoText
from thucydides.ingest.html_meta import (
    Json,
    canonical_url,
    choose_authors,
    choose_date,
    choose_outlet,
    choose_title,
    class_words,
    clean_value,
    compare_key,
    page_language,
    lead_texts,
    outlet_keys,
    read_metadata,
)

__all__ = ["MAX_PAGE_CHARS", "PageExtract", "extract_page"]

MAX_PAGE_CHARS = 20_000_000
"""Pages longer than this many characters are refused with :class:`InputTooLarge`."""


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
    meta = read_metadata(tree)
    outlet = choose_outlet(meta)
    page_url = canonical_url(tree, meta, url)
    title = choose_title(tree, meta, outlet_keys(meta, outlet, page_url))
    authors, published = choose_authors(tree, meta), choose_date(tree, meta)
    leads = lead_texts(tree, meta)
    paragraphs = _body(tree, meta.article, url=page_url, title=title, leads=leads)
    if not paragraphs:
        raise NoText("no article text found in the page", source=source)
    shown_lead = paragraphs[0] if paragraphs[0] in leads else None
    return PageExtract(title=title, paragraphs=paragraphs, authors=authors, published=published,
                       outlet=outlet, description=shown_lead or (leads[0] if leads else None),
                       language=page_language(tree, meta), url=page_url)


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
    paragraphs = _complete([p for p in map(clean_value, _main_text(tree, url).split("\n")) if _keep_line(p)], tree)
    if paragraphs and title and compare_key(paragraphs[0]) == compare_key(title):
        paragraphs = paragraphs[1:]
    ld_body = _ld_body(article)
    same_text = compare_key(" ".join(ld_body)) == compare_key(" ".join(paragraphs)) and len(ld_body) > len(paragraphs)
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


def _is_boilerplate(el: lxml.html.HtmlElement) -> bool:
    """True for a container whose class or id words name a newsletter, promo, cookie, related... block."""
    if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
        return False
    words = class_words(el)
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
    position = {compare_key(p): i for i, p in enumerate(paragraphs)}
    elements = [(el, clean_value(el.text_content())) for el in tree.iter("p", "h2", "h3", "h4")]
    styles = Counter(_style(el) for el, text in elements if el.tag == "p" and compare_key(text) in position)
    body_styles = {style for style, count in styles.items() if count >= 2}
    headings_dropped = not any(el.tag != "p" and compare_key(text) in position for el, text in elements)
    inserts: dict[int, list[str]] = {}
    anchor, pending, added = -1, [], set()
    for el, text in elements:
        key = compare_key(text)
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
    return [p for p in (clean_value(x, unescape=True) for x in text.split("\n")) if _keep_line(p)]


def _visible_lead(tree: lxml.html.HtmlElement, leads: tuple[str, ...], paragraphs: list[str]) -> str | None:
    """The first standfirst candidate that the page shows as text but the body does not contain."""
    body = compare_key(" ".join(paragraphs))
    candidates = [lead for lead in leads if len(lead.split()) >= 5 and compare_key(lead) not in body]
    if not candidates:
        return None
    shown = compare_key(" ".join(tree.xpath("//body//text()[not(ancestor::script or ancestor::style"
                                     " or ancestor::noscript)]")))
    return next((lead for lead in candidates if compare_key(lead) in shown), None)
