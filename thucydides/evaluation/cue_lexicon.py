"""How much of real news the attribution cue lexicon (``data/attribution/cues.tsv``) has judged.

A *cue candidate* is a word that introduces content the way a verb of saying does:

- a verb with a subject and a content clause ("the ministry *warned* that ...", "he *insisted* the talks ...");
- a verb reported after its content ("X did Y, the ministry *announced*"), an inverted report;
- a verb with an object and a to-infinitive ("*urged* Japan to show restraint", "*called on* both sides to ...");
- a noun with a that-clause ("the *claim* that ...", "a *warning* that ...").

A candidate is *covered* when any row of ``cues.tsv`` names its lemma (``none`` rows included: a word judged
not to report is judged). The tally is plain counts with example sentences, so it can be saved and scored
again after the lexicon changes, as the event lexicon's tally (:mod:`thucydides.evaluation.lexicon`) is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from thucydides.evaluation.lexicon import EXAMPLES, SavedTally, keep_examples
from thucydides.tree import children
from thucydides.types import Article, Token

FRAMES = ("clause", "inverted", "object-to", "noun-that")
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})


def candidates(tokens: Sequence[Token]) -> Iterator[tuple[str, str, str]]:
    """``(pos, lemma, frame)`` for every cue candidate of one parsed sentence."""
    kids = children(tokens)
    for t in tokens:
        lemma = t.lemma.lower()
        deps = {tokens[k].dep for k in kids[t.i]}
        subject = any(tokens[k].dep in ("nsubj", "nsubjpass") and tokens[k].pos in _SUBJECT_POS for k in kids[t.i])
        if t.pos == "VERB":
            particle = next((tokens[k].text.lower() for k in kids[t.i] if tokens[k].dep == "prt"), None)
            lemma = f"{lemma} {particle}" if particle else lemma
            if subject and "ccomp" in deps:
                yield "V", lemma, "clause"
            elif subject and t.dep in ("parataxis", "ccomp") and t.head < t.i and _set_off(t, tokens, kids):
                yield "V", lemma, "inverted"  # "X did Y, the ministry announced"
            elif "dobj" in deps and any(tokens[k].dep == "xcomp" and any(
                    tokens[c].text.lower() == "to" for c in kids[k]) for k in kids[t.i]):
                yield "V", lemma, "object-to"
        elif t.pos == "NOUN":
            for k in kids[t.i]:
                if tokens[k].dep in ("acl", "ccomp") and any(
                        tokens[c].dep == "mark" and tokens[c].text.lower() == "that" for c in kids[k]):
                    yield "N", lemma, "noun-that"
                    break


def _set_off(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> bool:
    """The verb's clause follows a comma or a dash, as an inverted report's does."""
    from thucydides.tree import bounds

    first = bounds(kids, verb.i)[0]
    return any(t.text in (",", "--", "—", "-", ";") for t in tokens[max(0, first - 1):first + 1])


@dataclass
class CueTally(SavedTally):
    what = "cue tally"
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    frames: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    articles: int = 0
    sentences: int = 0

    def add_article(self, article: Article, where: str = "") -> None:
        self.articles += 1
        for sentence in article.sentences:
            self.sentences += 1
            for pos, lemma, frame in candidates(sentence.tokens):
                self.counts[(pos, lemma)] += 1
                self.frames[(pos, lemma, frame)] += 1
                shown = self.examples.setdefault((pos, lemma), [])
                if len(shown) < EXAMPLES:
                    text = " ".join(sentence.text.split())
                    shown.append(f"{where}: {text}" if where else text)

    def merge(self, other: CueTally) -> None:
        self.counts.update(other.counts)
        self.frames.update(other.frames)
        keep_examples(self.examples, other.examples)
        self.articles += other.articles
        self.sentences += other.sentences

    def coverage(self, judged: frozenset[str]) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for pos in ("all", "V", "N"):
            keys = [k for k in self.counts if pos == "all" or k[0] == pos]
            total = sum(self.counts[k] for k in keys)
            hit = sum(self.counts[k] for k in keys if k[1] in judged)
            out[f"{pos}_tokens"] = total
            out[f"{pos}_coverage"] = round(hit / total, 4) if total else 0.0
        return out

    def gaps(self, judged: frozenset[str], min_count: int = 1) -> list[tuple[str, str, int, str]]:
        """Unjudged candidates, most frequent first: ``(pos, lemma, count, frames)``."""
        out = []
        for (pos, lemma), n in self.counts.items():
            if n >= min_count and lemma not in judged:
                frames = ", ".join(f"{f} {self.frames[(pos, lemma, f)]}" for f in FRAMES
                                   if self.frames[(pos, lemma, f)])
                out.append((pos, lemma, n, frames))
        return sorted(out, key=lambda row: (-row[2], row[0], row[1]))

    def to_json(self) -> dict:
        return {"articles": self.articles, "sentences": self.sentences,
                "candidates": [{"pos": p, "lemma": lem, "count": n, "examples": self.examples.get((p, lem), []),
                                "frames": {f: self.frames[(p, lem, f)] for f in FRAMES if self.frames[(p, lem, f)]}}
                               for (p, lem), n in self.counts.most_common()]}

    @classmethod
    def from_json(cls, data: dict) -> CueTally:
        tally = cls(articles=int(data.get("articles", 0)), sentences=int(data.get("sentences", 0)))
        for row in data.get("candidates", ()):
            key = (row["pos"], row["lemma"])
            tally.counts[key] = int(row["count"])
            tally.examples[key] = list(row.get("examples", ()))[:EXAMPLES]
            for frame, n in row.get("frames", {}).items():
                tally.frames[(*key, frame)] = int(n)
        return tally


def judged_cues() -> frozenset[str]:
    """Every lemma some row of cues.tsv names, whatever its kind."""
    from thucydides.attribution.quotes import cues

    return frozenset(w for words in cues().values() for w in words)
