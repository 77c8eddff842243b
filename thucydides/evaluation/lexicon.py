"""How much of real news the event lexicon (``data/events/verbs.tsv``) has judged, and what it misses most.

A *predicate* is a word that can carry an event between actors:

- a verb with an actor mention as its subject, object, agent or the object of one of its prepositions
  ("Iran *summoned* the envoy", "talks were *brokered* by Qatar", "troops *pulled out* of Gao");
- an event noun with an actor mention as its possessor, its nationality or compound modifier, or the object of
  one of its prepositions ("Ankara's *crackdown*", "a Russian *offensive*", "the *expulsion* of diplomats from
  Oslo"); a noun counts as an event noun when a row of the lexicon names it, when the same lemma is used as a
  verb elsewhere in the corpus ("strike", "visit"), or when it ends like a nominalisation (-tion, -ment ...);
- an adjective that takes a clause, with an actor as the subject of its copula ("Seoul is *ready* to talk").

A predicate is *covered* when the lexicon has a row for its part of speech and lemma (with its particle, for a
phrasal verb), including ``none`` rows: a word judged to code no event is covered. Coverage is the share of
predicate tokens covered. The tally is plain counts, so it can be saved, merged across corpora and scored again
after the lexicon changes without parsing anything twice.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from thucydides.events.patterns import Pattern
from thucydides.tree import children
from thucydides.types import ActorMention, Article, Rejected, Token

# dependents of a verb through which an actor takes part in its event
VERB_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "iobj"})
# prepositions of a noun or verb whose object may be a party of the event ("in", "at" give places, not parties)
PARTY_PREPOSITIONS = frozenset({"of", "by", "against", "on", "with", "to", "toward", "towards", "between", "from",
                                "for", "into", "upon", "over", "among", "at"})
NOUN_MODIFIERS = frozenset({"poss", "amod", "compound", "nmod"})
NOMINAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ure", "ade", "ism")
EXAMPLES = 3  # example sentences kept per predicate
_POS = {"VERB": "V", "NOUN": "N", "ADJ": "A"}


@dataclass(frozen=True, slots=True)
class Predicate:
    pos: str  # V, N or A, as in verbs.tsv
    lemma: str  # lower case; a phrasal verb with its particle ("pull out")
    token: int  # index in the sentence


def predicates(tokens: Sequence[Token], mentions: Iterable[ActorMention]) -> Iterator[Predicate]:
    """The actor-bearing predicates of one parsed sentence (``mentions`` are the sentence's actor mentions)."""
    inside = {k for m in mentions for k in range(m.token_start, m.token_end)}
    if not inside:
        return
    kids = children(tokens)

    def party(k: int) -> bool:  # k is, or introduces, an actor mention
        t = tokens[k]
        if t.dep == "prep" or t.dep == "agent":
            return (t.dep == "agent" or t.text.lower() in PARTY_PREPOSITIONS) and any(
                tokens[o].dep == "pobj" and o in inside for o in kids[k])
        return k in inside

    for t in tokens:
        pos = _POS.get(t.pos)
        if pos is None or t.i in inside:
            continue
        if pos == "A" and t.dep in ("dobj", "pobj", "nsubj", "nsubjpass", "attr"):
            pos = "N"  # a noun the tagger took for an adjective ("launched an offensive")
        lemma = t.lemma.lower()
        if pos == "V":
            roles = [k for k in kids[t.i] if tokens[k].dep in VERB_ROLES or tokens[k].dep in ("prep", "agent")]
            if t.dep == "conj" and not any(tokens[k].dep.startswith("nsubj") for k in kids[t.i]):
                roles += [k for k in kids[t.head] if tokens[k].dep.startswith("nsubj")]  # "X met and praised Y"
            if not any(party(k) for k in roles):
                continue
            particle = next((tokens[k].text.lower() for k in kids[t.i] if tokens[k].dep == "prt"), None)
            yield Predicate("V", f"{lemma} {particle}" if particle else lemma, t.i)
        elif pos == "N":
            if any(party(k) for k in kids[t.i] if tokens[k].dep in NOUN_MODIFIERS or tokens[k].dep == "prep"):
                yield Predicate("N", lemma, t.i)
        else:
            if not any(tokens[k].dep in ("xcomp", "ccomp") for k in kids[t.i]):
                continue
            subjects = [k for k in kids[t.i] + (kids[t.head] if t.dep == "acomp" else [])
                        if tokens[k].dep.startswith("nsubj")]
            if any(k in inside for k in subjects):
                yield Predicate("A", lemma, t.i)


def covered(pos: str, lemma: str, index: dict[tuple[str, str], list[Pattern]]) -> bool:
    """A row of the lexicon judges this word: its own lemma, or the bare verb of a phrasal one, or a phrasal
    row of the verb (the matcher tries "call on" and "call" alike)."""
    if (pos, lemma) in index:
        return True
    if pos == "V":
        base = lemma.split(" ", 1)[0]
        return (pos, base) in index
    return False


class SavedTally:
    """Saving and loading a tally as JSON (``to_json`` / ``from_json``), shared by the corpus tallies."""

    what = "tally"  # named in the error when a file is not one

    def to_json(self) -> dict:
        raise NotImplementedError

    @classmethod
    def from_json(cls, data: dict) -> Any:
        raise NotImplementedError

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Any:
        try:
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a {cls.what} ({exc})") from exc


def keep_examples(examples: dict, other: dict) -> None:
    """Merge ``other``'s example sentences into ``examples``, at most EXAMPLES a key."""
    for key, shown in other.items():
        mine = examples.setdefault(key, [])
        mine.extend(shown[:EXAMPLES - len(mine)])


@dataclass
class Tally(SavedTally):
    """Counts of predicates over a corpus, with a few example sentences each."""

    what = "predicate tally"

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    articles: int = 0
    sentences: int = 0

    def add_article(self, article: Article, where: str = "") -> None:
        self.articles += 1
        by_sentence: dict[int, list[ActorMention]] = {}
        for m in article.actors:
            by_sentence.setdefault(m.sentence, []).append(m)
        for sentence in article.sentences:
            self.sentences += 1
            for p in predicates(sentence.tokens, by_sentence.get(sentence.index, ())):
                key = (p.pos, p.lemma)
                self.counts[key] += 1
                shown = self.examples.setdefault(key, [])
                if len(shown) < EXAMPLES:
                    text = " ".join(sentence.text.split())
                    shown.append(f"{where}: {text}" if where else text)

    def merge(self, other: Tally) -> None:
        self.counts.update(other.counts)
        keep_examples(self.examples, other.examples)
        self.articles += other.articles
        self.sentences += other.sentences

    def event_nouns(self, index: dict[tuple[str, str], list[Pattern]]) -> set[str]:
        """The noun lemmas that count as event nouns (see the module's docstring)."""
        verbs = {lemma.split(" ", 1)[0] for pos, lemma in self.counts if pos == "V"}
        return {lemma for pos, lemma in self.counts if pos == "N" and (
            ("N", lemma) in index or lemma in verbs or lemma.endswith(NOMINAL_ENDINGS))}

    def predicate_counts(self, index: dict[tuple[str, str], list[Pattern]]) -> Counter[tuple[str, str]]:
        nouns = self.event_nouns(index)
        return Counter({k: n for k, n in self.counts.items() if k[0] != "N" or k[1] in nouns})

    def coverage(self, index: dict[tuple[str, str], list[Pattern]]) -> dict[str, float | int]:
        """Token and type coverage, overall and by part of speech."""
        counts = self.predicate_counts(index)
        out: dict[str, float | int] = {}
        for pos in ("all", "V", "N", "A"):
            keys = [k for k in counts if pos == "all" or k[0] == pos]
            total = sum(counts[k] for k in keys)
            hit = sum(counts[k] for k in keys if covered(k[0], k[1], index))
            out[f"{pos}_tokens"] = total
            out[f"{pos}_coverage"] = round(hit / total, 4) if total else 0.0
            out[f"{pos}_types_missing"] = sum(1 for k in keys if not covered(k[0], k[1], index))
        return out

    def gaps(self, index: dict[tuple[str, str], list[Pattern]], min_count: int = 1) -> list[tuple[str, str, int]]:
        """Uncovered predicates, most frequent first: ``(pos, lemma, count)``."""
        counts = self.predicate_counts(index)
        missing = [(pos, lemma, n) for (pos, lemma), n in counts.items()
                   if n >= min_count and not covered(pos, lemma, index)]
        return sorted(missing, key=lambda row: (-row[2], row[0], row[1]))

    # -- saving and merging ---------------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"articles": self.articles, "sentences": self.sentences,
                "predicates": [{"pos": pos, "lemma": lemma, "count": n, "examples": self.examples.get((pos, lemma), [])}
                               for (pos, lemma), n in self.counts.most_common()]}

    @classmethod
    def from_json(cls, data: dict) -> Tally:
        tally = cls(articles=int(data.get("articles", 0)), sentences=int(data.get("sentences", 0)))
        for row in data.get("predicates", ()):
            key = (row["pos"], row["lemma"])
            tally.counts[key] = int(row["count"])
            if row.get("examples"):
                tally.examples[key] = list(row["examples"])[:EXAMPLES]
        return tally



def lexicon_size(index: dict[tuple[str, str], list[Pattern]]) -> dict[str, int]:
    """Distinct lemmas of the lexicon by part of speech (a phrasal verb counts once, as its own entry), and
    the number of rows."""
    out = {f"{pos}_lemmas": len({lemma for p, lemma in index if p == pos}) for pos in ("V", "N", "A")}
    out["rows"] = sum(len(rows) for rows in index.values())
    return out


def tally_inputs(inputs: Sequence[str], settings, *, limit: int | None = None,  # noqa: ANN001 - Settings
                 progress=None, nlp=None, tally=None):  # noqa: ANN001 - a callable; a loaded spaCy pipeline
    """Read, structure, parse and resolve the actors of ``inputs`` (any format ``thucydides code`` reads) and
    tally their predicates. Inputs that cannot be read are skipped, as ``code`` would report them. ``nlp``: a
    spaCy pipeline already loaded (default: load the configured one); ``tally``: what counts (anything with
    ``add_article``; default a predicate :class:`Tally`)."""
    from itertools import islice

    from thucydides.actors import Resolver
    from thucydides.ingest import read
    from thucydides.nlp import Parser, load_model
    from thucydides.batch.chunks import CHUNK, chunked
    from thucydides.structure import build_article

    model = nlp if nlp is not None else load_model(settings.model, disable=settings.disable)
    parser = Parser(model, batch_size=settings.batch_size, batch_chars=settings.batch_chars,
                    max_parse_chars=settings.max_parse_chars)
    resolver = Resolver()
    tally = Tally() if tally is None else tally
    raw = (item for item in read(inputs, settings) if not isinstance(item, Rejected))
    built = (build_article(item, settings) for item in islice(raw, limit))
    parseable = (a for a in built if isinstance(a, Article) and parser.check(a) is None)
    for chunk in chunked(parseable, CHUNK):
        for article in parser(chunk):
            article = replace(article, actors=resolver.article(article))
            tally.add_article(article, where=str(article.ref))
        if progress is not None:
            progress(tally.articles)
    return tally
