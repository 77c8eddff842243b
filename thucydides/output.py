"""The public JSON record of an article (docs/record.md, ../shared/notes/output-contract.md) and summaries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from thucydides.types import Article, Rejected

SCHEMA_VERSION = "0.1"


def article_to_dict(article: Article) -> dict[str, Any]:
    dateline = article.dateline.to_dict(date=article.extra.get("dateline_date")) if article.dateline else None
    chains = article.chains_by_event()
    return {
        "id": article.id,
        "schema": SCHEMA_VERSION,
        "input": article.ref.to_dict(),
        "format": article.format,
        "outlet": article.outlet,
        "url": article.url,
        "headline": article.headline,
        "headline_attribution": article.headline_attribution,
        "dek": article.dek,
        "description": article.extra.get("description"),
        "dateline": dateline,
        "byline": article.byline,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_time": article.extra.get("published_time"),
        "published_source": article.extra.get("published_source"),
        "language": article.language,
        "text": article.text,
        "paragraphs": [{"index": i, "start": p.start, "end": p.end} for i, p in enumerate(article.paragraphs)],
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph, "text": s.text}
                      for s in article.sentences],
        "actors": [m.to_dict() for m in article.actors],
        "references": [r.to_dict() for r in article.references],
        "inferred_actors": [m.to_dict() for m in article.inferred_actors],
        "events": [e.to_dict(chains.get(e.id, ())) for e in article.events],
        "quotes": [q.to_dict() for q in article.quotes],
        "sources": list(article.sources),
        "source_profile": article.extra.get("source_profile"),
        "framing": [f.to_dict() for f in article.framing],
        "warnings": list(article.warnings),
    }


def article_table_row(article: Article) -> str:
    dl = article.dateline
    where = f"{dl.place} ({dl.country or '?'})" if dl else "-"
    tag = f"  [{article.headline_attribution}]" if article.headline_attribution else ""
    published = f"{article.published or '-'} ({article.published_precision or 'unknown'})"
    lines = [
        f"{article.id}  {article.ref}",
        f"  headline   {article.headline or '-'}{tag}",
        f"  outlet     {article.outlet or '-'}   dateline {where}   agency {dl.agency if dl and dl.agency else '-'}",
        f"  published  {published}   byline {article.byline or '-'}",
        f"  body       {len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences, "
        f"{len(article.text)} chars",
    ]
    if article.actors:
        seen = dict.fromkeys(f"{m.actor.code}" for m in article.actors)
        lines.append(f"  actors     {len(article.actors)} mentions: {' '.join(list(seen)[:12])}")
    for event in article.events[:12]:
        source = event.source.actor.code if event.source else "?"
        target = event.target.actor.code if event.target else "-"
        flags = "" if event.modality.polarity == "positive" else " NEG"
        flags += "" if event.modality.certainty == "certain" else f" {event.modality.certainty}"
        lines.append(f"  event      {source} -> {target}  {event.cameo} {event.plover or '-'}  "
                     f"{event.date or '-'} {event.trigger_text!r}{flags}")
    if article.dek:
        lines.insert(2, f"  dek        {article.dek[:100]}")
    lines.extend(f"  warning    {w}" for w in article.warnings)
    return "\n".join(lines)


def is_failure(rejected: Rejected) -> bool:
    """Skips (T2xx, e.g. not-english) are deliberate; everything else is a failed input."""
    return not rejected.code.startswith("T2")


@dataclass(slots=True)
class Summary:
    """Counts over a run, for the closing lines of ``thucydides code`` and ``make demo``."""

    articles: int = 0
    sentences: int = 0
    actors: int = 0
    events: int = 0
    failed: int = 0
    skipped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    with_dateline: int = 0
    year_inferred: int = 0
    undated: int = 0  # articles with no publication date: their events have none either

    def add(self, item: Article | Rejected) -> None:
        if isinstance(item, Rejected):
            self.reasons[item.reason] += 1
            if is_failure(item):
                self.failed += 1
            else:
                self.skipped += 1
            return
        self.articles += 1
        self.sentences += len(item.sentences)
        self.actors += len(item.actors)
        self.events += len(item.events)
        self.outlets[item.outlet or "(unknown)"] += 1
        self.formats[item.format] += 1
        self.with_dateline += item.dateline is not None
        self.year_inferred += item.published_precision == "year-inferred"
        self.undated += item.published is None

    def lines(self) -> list[str]:
        out = [f"{self.articles} articles coded ({self.sentences} sentences, {self.actors} actor mentions, "
               f"{self.events} events), "
               f"{self.skipped} skipped, {self.failed} failed"]
        if self.articles:
            out.append("formats: " + ", ".join(f"{k} {v}" for k, v in self.formats.most_common()))
            out.append("outlets: " + ", ".join(f"{k} {v}" for k, v in self.outlets.most_common(8)))
            out.append(f"datelines: {self.with_dateline}/{self.articles}; year inferred: {self.year_inferred}; "
                       f"undated: {self.undated}")
            if self.undated:
                out.append(f"warning: {self.undated} article(s) have no date, so their events are undated "
                           "(give --published DATE, or --date-from-filename for files named by date)")
        if self.reasons:
            out.append("not coded: " + ", ".join(f"{k} {v}" for k, v in self.reasons.most_common()))
        return out
