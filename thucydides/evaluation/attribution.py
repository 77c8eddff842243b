"""Score quotes, speakers and chains against the team's annotations (``tests/data/attribution``).

Annotations give character offsets into the source record's raw text (no text is stored). Our quotes are
mapped back to the raw text by locating the article text in it. A gold quote is found when a predicted quote
covers at least half of it; its speaker is right when the names agree (or the speaker spans overlap); its chain
is right when every hop has the same kind and a matching name.

Names are compared loosely (case, "the", one contained in the other, the same last word, one dictionary entry);
an anonymous speaker found as anonymous at the annotated mention is right whatever its descriptor.
Beside speaker accuracy the summary prints how often the speaker *mention* was found: our speaker span overlaps
the annotated one (not a pronoun) or the names agree. The gap between the two is resolution and naming ("the
envoy" found but not resolved to the ambassador named earlier; "Spanish government" for "Government of Spain").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from thucydides.types import Article, InputRef, Quote, RawDocument


CLASSES = ("direct", "indirect", "unsourced")


def class_of(gold: dict[str, Any]) -> str:
    """``direct`` (a quotation), ``unsourced`` ("it was reported that ...") or ``indirect`` (reported content
    with a source)."""
    if gold.get("direct"):
        return "direct"
    return "unsourced" if gold["speaker"].get("kind") == "unsourced" else "indirect"


def cue_group(cue: str | None) -> str:
    """The cue as a short key for recall by cue: an inflected verb of the cue lexicon becomes its lemma ("said",
    "says" -> "say"); a colon, a dash and "according to" keep their form; a continuation is "(none)"."""
    if cue is None:
        return "(none)"
    word = re.sub(r"\s+", " ", cue.lower()).strip()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    known = _cue_lemmas()
    for candidate in (word, word[:-1], word[:-2], word[:-3], word[:-1] + "e", word[:-2] + "e", word[:-3] + "e",
                      word[:-3] + "y", word[:-4]):
        if candidate in known:
            return candidate
    return word


_IRREGULAR = {"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell",
              "wrote": "write", "written": "write", "thought": "think", "felt": "feel", "found": "find",
              "showed": "show", "shown": "show", "spoke": "speak", "spoken": "speak"}


@cache
def _cue_lemmas() -> frozenset[str]:
    from thucydides.attribution.quotes import cues

    return frozenset(w for words in cues().values() for w in words)


@dataclass
class AttributionScores:
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    speaker_mention_right: int = 0
    chain_right: int = 0
    chain_kinds_right: int = 0
    predicted: int = 0
    predicted_right: int = 0  # coded claims that overlap a gold span by half of either
    by_zone: Counter[str] = field(default_factory=Counter)
    found_by_zone: Counter[str] = field(default_factory=Counter)
    by_class: Counter[str] = field(default_factory=Counter)
    found_by_class: Counter[str] = field(default_factory=Counter)
    speaker_by_class: Counter[str] = field(default_factory=Counter)
    by_cue: Counter[str] = field(default_factory=Counter)
    found_by_cue: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        found = max(self.found, 1)
        return {"quote_recall": self.found / max(self.gold, 1), "speaker_accuracy": self.speaker_right / found,
                "speaker_mention": self.speaker_mention_right / found, "chain_exact": self.chain_right / found,
                "chain_kinds": self.chain_kinds_right / found,
                "quote_precision": self.predicted_right / max(self.predicted, 1)}

    def by_class_rates(self) -> dict[str, dict[str, float | int]]:
        return {c: {"gold": self.by_class[c], "recall": round(self.found_by_class[c] / max(self.by_class[c], 1), 3),
                    "speaker_accuracy": round(self.speaker_by_class[c] / max(self.found_by_class[c], 1), 3)}
                for c in CLASSES if self.by_class[c]}

    def summary(self) -> str:
        r = self.rates()
        body = self.by_zone["body"]
        classes = ", ".join(f"{c} {v['recall']:.3f} of {v['gold']} (speakers {v['speaker_accuracy']:.3f})"
                            for c, v in self.by_class_rates().items())
        return (f"{self.gold} gold quotes ({body} in bodies), {self.predicted} coded\n"
                f"  quote recall {r['quote_recall']:.3f} (bodies {self.found_by_zone['body'] / max(body, 1):.3f}), "
                f"precision {r['quote_precision']:.3f}\n"
                f"  by class: {classes}\n"
                f"  speaker accuracy {r['speaker_accuracy']:.3f} (speaker mention found {r['speaker_mention']:.3f}), "
                f"chain exact {r['chain_exact']:.3f} "
                f"(kinds only {r['chain_kinds']:.3f}) over the quotes found")

    def cue_table(self, least: int = 3) -> str:
        rows = [(n, cue) for cue, n in self.by_cue.most_common() if n >= least]
        return "\n".join(f"  {cue:<16} {self.found_by_cue[cue] / n:.2f} of {n}" for n, cue in rows)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "coded": self.predicted, **{k: round(v, 3) for k, v in self.rates().items()},
                "by_class": self.by_class_rates(),
                "by_cue": {c: {"gold": n, "recall": round(self.found_by_cue[c] / n, 3)}
                           for c, n in self.by_cue.most_common()}}


HALVES = ("tune", "check")


@dataclass
class AttributionHalves:
    """One annotation file scored whole and by its dev halves (a hash of the record id); misses are the tune
    half's only, so the check half stays a measure nobody tuned on."""

    name: str
    whole: AttributionScores
    halves: dict[str, AttributionScores]

    @property
    def misses(self) -> list[str]:
        return self.halves["tune"].misses

    def summary(self) -> str:
        lines = [f"{self.name}: {self.whole.summary()}"]
        for half in HALVES:
            r = self.halves[half].rates()
            lines.append(f"  {half} half: recall {r['quote_recall']:.3f}, precision {r['quote_precision']:.3f}, "
                         f"speakers {r['speaker_accuracy']:.3f}, chains {r['chain_exact']:.3f} "
                         f"({self.halves[half].gold} gold)")
        lines.append("  recall by cue (3 or more):")
        lines.append(self.whole.cue_table())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, **self.whole.to_dict(),
                "halves": {h: self.halves[h].to_dict() for h in HALVES}}


def score_halves(name: str, cases: Sequence[tuple[dict[str, Any], str, RawDocument]],
                 articles: Sequence[Article]) -> AttributionHalves:
    from thucydides.evaluation.events import half_of

    halves = {}
    for half in HALVES:
        pairs = [(c, a) for c, a in zip(cases, articles, strict=True)
                 if half_of(str(c[0].get("record_id") or c[0]["source"])) == half]
        halves[half] = score([c for c, _a in pairs], [a for _c, a in pairs])
    return AttributionHalves(name, score(cases, articles), halves)


def load_cases(annotations: Path, shared: Path) -> list[tuple[dict[str, Any], str, RawDocument]]:
    """(annotation, raw text, raw document to code) for every annotated article."""
    records: dict[str, dict[str, dict[str, Any]]] = {}
    out = []
    for line in annotations.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        note = json.loads(line)
        source = note["source"]
        if note.get("record_id") is None:
            text = (shared / source).read_text("utf-8")
            raw = RawDocument(ref=InputRef(source), format="text", text=text, outlet=note["publisher"]["name"])
        else:
            if source not in records:
                with (shared / source).open(encoding="utf-8") as handle:
                    records[source] = {str(r.get("id")): r for r in map(json.loads, handle)}
            record = records[source][str(note["record_id"])]
            text = record["text"]
            raw = RawDocument(ref=InputRef(source, line=0), format="jsonl", text=text, outlet=record.get("outlet"),
                              headline=record.get("title"), published=(record.get("date") or "")[:10] or None,
                              id=str(record.get("id")))
        out.append((note, text, raw))
    return out


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"})


def _same_mention(quote: Quote, offset: int, gold: dict[str, Any], raw: str) -> bool:
    """Our speaker span (moved to raw offsets) overlaps the annotated speaker span, and is not a pronoun."""
    if quote.speaker is None or quote.speaker_start is None or gold.get("start") is None:
        return False
    start, end = quote.speaker_start + offset, quote.speaker_end + offset
    if raw[start:end].strip().lower() in _PRONOUNS:
        return False
    return min(end, gold["end"]) > max(start, gold["start"])


def _names_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = _norm(a), _norm(b)
    if x == y or x in y or y in x or x.split()[-1:] == y.split()[-1:]:
        return True
    known = _entities(a) & _entities(b)  # "FSB" and "Federal Security Service": one dictionary entry
    if known:
        return True
    if _acronym(a) == _norm(b).replace(" ", "") or _acronym(b) == _norm(a).replace(" ", ""):
        return True  # "ISPR" and "Inter Services Public Relations"
    # "Spanish government" and "Government of Spain", "Justice Department" and "US Department of Justice":
    # the same words once country names and adjectives become the country (a missing country is no conflict)
    (ca, wa), (cb, wb) = _country_words(a), _country_words(b)
    return bool(wa) and wa == wb and (not ca or not cb or ca == cb)


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def _country_words(name: str) -> tuple[frozenset[str], frozenset[str]]:
    from thucydides.actors import default_dictionary, phrase_key

    countries, words = set(), set()
    for word in _norm(name).split():
        if word in ("of", "the", "and", "for"):
            continue
        codes = {e.code for e, _rule in default_dictionary().lookup(phrase_key(word)) if e.kind in
                 ("country", "adjective")}
        if codes:
            countries |= codes
        else:
            words.add(word)
    return frozenset(countries), frozenset(words)


def _entities(name: str) -> set[str]:
    from thucydides.actors import default_dictionary, phrase_key

    key = phrase_key(re.sub(r"^the\s+", "", name, flags=re.I))
    return {e.entity for e, _rule in default_dictionary().lookup(key) if e.entity}


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.lower().replace("the ", "")).strip()


def _raw_spans(article: Article, raw: str, quotes: Sequence[Quote]) -> list[tuple[int, int, Quote]]:
    base = raw.find(article.text[:60]) if article.text else -1
    out = []
    for quote in quotes:
        start = quote.start + base if base >= 0 else -1
        if start < 0 or raw[start:start + len(quote.text)] != quote.text:
            start = raw.find(quote.text)
        if start >= 0:
            out.append((start, start + len(quote.text), quote))
            continue
        # the reader collapsed a run of spaces or a line break inside the quote ("respect.  No matter"): find the
        # same words with any whitespace between them, the occurrence nearest the quote's own offset
        words = quote.text.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        found = min(pattern.finditer(raw), key=lambda m: abs(m.start() - quote.start - max(base, 0)), default=None)
        if found is not None:
            out.append((found.start(), found.end(), quote))
    return out


def score(cases: Sequence[tuple[dict[str, Any], str, RawDocument]], articles: Sequence[Article]) -> AttributionScores:
    scores = AttributionScores()
    for (note, raw, _doc), article in zip(cases, articles, strict=True):
        predicted = _raw_spans(article, raw, article.quotes)
        scores.predicted += len(predicted)
        scores.predicted_right += sum(
            any(min(b, g["end"]) - max(a, g["start"]) >= 0.5 * min(b - a, g["end"] - g["start"])
                for g in note["quotes"]) for a, b, _q in predicted)
        for gold in note["quotes"]:
            zone = gold.get("zone", "body")
            kind, cue = class_of(gold), cue_group(gold.get("cue"))
            scores.gold += 1
            scores.by_zone[zone] += 1
            scores.by_class[kind] += 1
            scores.by_cue[cue] += 1
            length = gold["end"] - gold["start"]
            best = max(predicted, key=lambda p: min(p[1], gold["end"]) - max(p[0], gold["start"]), default=None)
            if best is None or (min(best[1], gold["end"]) - max(best[0], gold["start"])) < 0.5 * length:
                scores.misses.append(f"{note.get('record_id') or note['source']}: missed quote at {gold['start']} "
                                     f"(speaker {gold['speaker']['name']})")
                continue
            scores.found += 1
            scores.found_by_zone[zone] += 1
            scores.found_by_class[kind] += 1
            scores.found_by_cue[cue] += 1
            quote = best[2]
            speaker = quote.speaker.name if quote.speaker else None
            at_span = _same_mention(quote, best[0] - quote.start, gold["speaker"], raw)
            # an anonymous speaker has no name to match ("one of the sources" / "anonymous source"): the same
            # mention, found as anonymous, is the same speaker (as chains already ignore anonymous names)
            by_name = _names_match(speaker, gold["speaker"]["name"]) or (
                gold["speaker"].get("kind") == "anonymous" and quote.speaker is not None
                and quote.speaker.kind == "anonymous" and at_span)
            if kind == "unsourced":  # no source named: right when we name none either
                by_name = quote.speaker is None or len(quote.chain) <= 1
            scores.speaker_right += by_name
            scores.speaker_by_class[kind] += by_name
            scores.speaker_mention_right += by_name or at_span
            kinds = [h.kind for h in quote.chain] == [h["kind"] for h in gold["chain"]]
            scores.chain_kinds_right += kinds
            if kinds and all(_names_match(h.name, g["name"]) or g["kind"] == "anonymous"
                             for h, g in zip(quote.chain, gold["chain"], strict=True)):
                scores.chain_right += 1
            else:
                scores.misses.append(f"{note.get('record_id') or note['source']}: chain "
                                     f"{[(h.name, h.kind) for h in quote.chain]} vs "
                                     f"{[(g['name'], g['kind']) for g in gold['chain']]}")
    return scores
