"""Recover an article's structure from a raw document: headline, dek, byline, dateline, dates, language.

``build_article(raw, settings, today=...)`` returns an :class:`Article` (without sentences: the nlp stage
adds them) or a :class:`Rejected` record with the reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date

from thucydides.config import Settings
from thucydides.errors import NotEnglish, NoText, ThucydidesError
from thucydides.structure.dateline import find_dateline
from thucydides.structure.dates import DateValue, combine, date_from_filename, infer_year, latest_year, parse_date
from thucydides.structure.headline import byline_credit, parse_byline, split_headline
from thucydides.structure.language import identify
from thucydides.structure.normalize import clean
from thucydides.structure.paragraphs import split_paragraphs
from thucydides.types import Article, Dateline, RawDocument, Rejected, Span

__all__ = ["build_article"]

_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")
_HEADER_SCAN = 5  # paragraphs looked at for headline, dek, byline and dateline


@dataclass(slots=True)
class _Header:
    headline: str | None
    dek: str | None
    byline: str | None
    warnings: list[str] = field(default_factory=list)


def _one_line(text: str | None) -> str | None:
    if not text:
        return None
    return re.sub(r"\s+", " ", clean(text)).strip() or None


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and re.sub(r"\W+", "", a.casefold()) == re.sub(r"\W+", "", b.casefold())  # type: ignore[union-attr]


def _words(text: str) -> int:
    return len(text.split())


def _read_header(text: str, paragraphs: tuple[Span, ...], header_end: int, meta: _Header,
                 settings: Settings) -> _Header:
    """Classify the paragraphs before ``header_end`` (the first body paragraph) as headline/dek/byline."""
    out = _Header(meta.headline, meta.dek, meta.byline, list(meta.warnings))
    for span in paragraphs[:header_end]:
        line = re.sub(r"\s+", " ", text[span.start:span.end])
        byline = parse_byline(line)
        if byline:
            out.byline = out.byline or byline
        elif _same(line, out.headline) or _same(line, out.dek):
            continue
        elif out.headline is None and _words(line) <= settings.max_headline_words:
            out.headline = line
        elif out.dek is None and _words(line) <= settings.max_dek_words:
            out.dek = line
        else:
            out.warnings.append(f"header-line: kept out of the body: {line[:60]!r}")
    return out


def _header_end(text: str, paragraphs: tuple[Span, ...], meta: _Header, fmt: str,
                settings: Settings) -> tuple[int, Dateline | None]:
    """Index of the first body paragraph, and the dateline that opens it if any."""
    for index, span in enumerate(paragraphs[:_HEADER_SCAN]):
        dateline = find_dateline(text, span.start)
        if dateline:
            return index, dateline
    index = 0
    # Without a dateline: a leading byline, a repeat of the metadata headline, and (plain text only) a
    # headline-like first line and a dek-like second line belong to the header.
    while index < len(paragraphs) - 1:
        line = text[paragraphs[index].start:paragraphs[index].end]
        if parse_byline(line) or _same(line, meta.headline):
            index += 1
            continue
        unpunctuated = not _SENTENCE_END.search(line)
        if fmt == "text" and meta.headline is None and index == 0 and unpunctuated \
                and _words(line) <= settings.max_headline_words:
            meta = _Header(line, meta.dek, meta.byline)
            index += 1
            continue
        follows_headline = _same(text[paragraphs[0].start:paragraphs[0].end], meta.headline)
        if fmt == "text" and meta.dek is None and index >= 1 and unpunctuated and len(paragraphs) - index >= 3 \
                and _words(line) <= settings.max_dek_words and follows_headline:
            meta = _Header(meta.headline, line, meta.byline)
            index += 1
            continue
        break
    return index, None


UNDATED = ("undated: no publication date in the metadata, the file name or a dateline; its events have no date "
           "(give --published DATE, or --date-from-filename for files named by date)")


def _published(published_raw: str | None, dateline: Dateline | None, text: str, settings: Settings,
               today: date, path: str) -> tuple[DateValue | None, str | None, list[str], str | None]:
    """``(article date, dateline date ISO, warnings, where the date came from)``: ``option`` (--published),
    ``metadata``, ``filename`` (--date-from-filename) or ``dateline`` (its month and day); ``None`` when the
    article stays undated. The run's date dates nothing unless the setting ``year_from_run_date`` says so."""
    warnings: list[str] = []
    stated, source = (settings.published, "option") if settings.published else (published_raw, "metadata")
    value = parse_date(stated) if stated else None
    if stated and value is None:
        warnings.append(f"unparsed-date: {stated!r}")
    if value is None and settings.date_from_filename:
        value, source = date_from_filename(path), "filename"
    if value is None:
        source = None
    if not dateline or dateline.month is None or dateline.day is None:
        return value, None, warnings, source
    dl_date: date | None = None
    if dateline.year:
        try:
            dl_date = date(dateline.year, dateline.month, dateline.day)
        except ValueError:
            dl_date = None
    elif value and value.precision in ("day", "month"):
        anchor = date.fromisoformat(value.iso if value.precision == "day" else value.iso + "-01")
        dl_date = combine(dateline.month, dateline.day, anchor)
    elif value and value.precision == "year":
        dl_date = combine(dateline.month, dateline.day, date(int(value.iso), dateline.month, 1))
    if dl_date is None and (value is None or value.precision == "year"):
        if latest_year(text, today=today) is None and not settings.year_from_run_date:
            if value is None:
                warnings.append(f"undated: the dateline gives {dateline.month:02d}-{dateline.day:02d} but no year, "
                                "and neither the metadata nor the text names one; its events have no date (give "
                                "--published DATE, or --date-from-filename for files named by date)")
            return value, None, warnings, source
        year, note = infer_year(dateline.month, dateline.day, text, today=today)
        try:
            dl_date = date(year, dateline.month, dateline.day)
        except ValueError:
            return value, None, warnings, source
        warnings.append(note)
        if value is None:
            return DateValue(dl_date.isoformat(), "year-inferred", note=note), dl_date.isoformat(), warnings, \
                "dateline"
    if value is None and dl_date is not None:
        value, source = DateValue(dl_date.isoformat(), "day"), "dateline"
    elif value is not None and value.precision in ("month", "year") and dl_date is not None:
        value, source = DateValue(dl_date.isoformat(), "day"), "dateline"
    return value, dl_date.isoformat() if dl_date else None, warnings, source


def _check_language(headline: str | None, text: str, settings: Settings, source: str) -> str:
    sample = f"{headline or ''}\n{text[:2000]}".strip()
    if len(sample) < settings.min_language_chars:
        return "en"
    lang, probability = identify(sample)
    # Short texts (headline-only records) give the identifier little to go on: ask for more certainty.
    needed = settings.not_english_probability if len(sample) >= 200 else max(settings.not_english_probability, 0.99)
    if lang != "en" and probability >= needed:
        raise NotEnglish(f"the article is in {lang!r}, not English (p={probability:.2f})", source=source)
    return "en"


def _rebase(dateline: Dateline | None, offset: int) -> Dateline | None:
    if dateline is None or offset == 0:
        return dateline
    return replace(dateline, start=dateline.start - offset, end=dateline.end - offset)


def build_article(raw: RawDocument, settings: Settings, *, today: date | None = None) -> Article | Rejected:
    try:
        return _build(raw, settings, today or date.today())
    except ThucydidesError as exc:
        return Rejected(raw.ref, "structure", exc.code, exc.reason, exc.message)


def _build(raw: RawDocument, settings: Settings, today: date) -> Article:
    source = str(raw.ref)
    meta = _Header(_one_line(raw.headline), _one_line(raw.dek), _one_line(raw.byline), list(raw.warnings))
    body, outlet, url, published_raw = raw.text or "", raw.outlet, raw.url, raw.published
    description: str | None = None
    if raw.html is not None:
        from thucydides.ingest.html import extract_page

        page = extract_page(raw.html, url=raw.url, source=source)
        body = "\n\n".join(page.paragraphs)
        meta.headline = meta.headline or _one_line(page.title)
        # A page's meta description is a summary written for search engines, not a visible standfirst:
        # it is kept as ``description``, and the dek stays what the page or record states as one.
        description = _one_line(page.description)
        meta.byline = meta.byline or (", ".join(page.authors) or None)
        outlet, url, published_raw = outlet or page.outlet, url or page.url, published_raw or page.published
    full = clean(body)
    paragraphs = split_paragraphs(full)
    first, dateline = _header_end(full, paragraphs, meta, raw.format, settings)
    header = _read_header(full, paragraphs, first, meta, settings)
    offset = paragraphs[first].start if first < len(paragraphs) else len(full)
    text = full[offset:]
    spans = tuple(Span(p.start - offset, p.end - offset) for p in paragraphs[first:])
    dateline = _rebase(dateline, offset)
    warnings = header.warnings
    if not text.strip():
        if not header.headline:
            raise NoText("no article text", source=source)
        text, spans = header.headline, (Span(0, len(header.headline)),)
        warnings.append("headline-only: no body text; the headline is the text")
    headline, headline_tag = split_headline(header.headline, outlet=outlet) if header.headline else (None, None)
    outlet = settings.outlet or outlet or (dateline.agency if dateline else None)
    if headline_tag and outlet and headline_tag.casefold() == outlet.casefold():
        headline_tag = None  # "... - Reuters" names the outlet itself, not a source
    language = _check_language(headline, text, settings, source)
    value, dateline_date, date_warnings, date_source = _published(published_raw, dateline, text, settings, today,
                                                                  raw.ref.path)
    warnings.extend(date_warnings)
    if value is None and not any(w.startswith("undated:") for w in warnings):
        warnings.append(UNDATED)
    article_id = raw.id or hashlib.sha1(f"{outlet}\x1f{headline}\x1f{text}".encode()).hexdigest()[:16]
    extra = {"dateline_date": dateline_date, "description": description, "published_source": date_source}
    # a wire credit outside the dateline: "By The Associated Press", or "(Washington Examiner) President ..."
    # opening the story; attribution checks the name against its outlets before using it as the publisher
    credit = next((c for c in (byline_credit(re.sub(r"\s+", " ", full[p.start:p.end])) for p in paragraphs[:first])
                   if c), None) or byline_credit(f"By {meta.byline}" if meta.byline else "")
    for span in spans[:4] if not dateline else ():
        # "(Washington Examiner) President ...", or an aggregator's credit line of its own: "CBS News•"
        leading = re.match(r"\((?P<name>[A-Z][^()\n]{1,40})\)\s+[A-Z]", text[span.start:span.end]) or \
            re.fullmatch(r"(?P<name>[A-Z][\w.&' -]{1,40}?)\s*•\s*", text[span.start:span.end])
        if leading:
            credit = leading.group("name")
            break
    if credit:
        extra["credit"] = credit
    if value and value.timestamp:
        extra["published_time"] = value.timestamp
    return Article(
        id=article_id, ref=raw.ref, format=raw.format, text=text, headline=headline,
        headline_attribution=headline_tag, dek=header.dek, dateline=dateline, byline=header.byline,
        outlet=outlet, url=url, published=value.iso if value else None,
        published_precision=value.precision if value else None, language=language, paragraphs=spans,
        warnings=tuple(warnings), extra=extra,
    )
