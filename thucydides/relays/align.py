"""Align a relay with its original, clause by clause: what it retold, added, changed and dropped.

Each relay sentence is matched to the one or two original sentences sharing most word trigrams with it, then
the two are aligned word by word (``difflib``). Runs the two share are retold. What lies between them is read
by the ordered table :data:`GAPS` (credit, claim, gloss, hedge, wording, renaming, framing, clause, nothing):
a parenthesised gloss is an editorial insertion, a word or two slipped into a retold clause is framing, a
rewrite touching a word of firmness ("will" -> "may") is a hedge change. A relay sentence with no counterpart
is an addition (own sourcing, or background); an original sentence the relay barely touches is dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from thucydides.relays.naming import Credit
from thucydides.relays.text import Span, Text, Token, find_phrase, phrases, tokenize_words, words

MIN_SHARED_TRIGRAMS = 2  # a relay sentence is compared with original sentences sharing this many word trigrams
MIN_RETOLD_WORDS = 4  # ... and retells one when this many of its words, and RETOLD_SHARE of them, align
RETOLD_SHARE = 0.35
MIN_RUN = 4  # ... with at least one run of this many words in a row
DROPPED_BELOW = 0.25  # an original sentence with less than this share of its words retold is dropped
FRAMING_MAX_WORDS = 4  # an insertion of at most this many words into a retold clause is framing
RUN_WORDS = 6  # a shared run of this many words counts as retold wording (see Alignment.runs)


@dataclass(frozen=True)
class Retold:
    start: int
    end: int
    text: str
    original_start: int
    original_end: int


@dataclass(frozen=True)
class Added:
    start: int
    end: int
    text: str
    kind: str  # dateline | background | editorial-insertion | framing | own-sourcing


@dataclass(frozen=True)
class Changed:
    start: int
    end: int
    text: str
    original_start: int
    original_end: int
    original_text: str
    kind: str  # hedge | wording


@dataclass(frozen=True)
class Dropped:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Alignment:
    retold: tuple[Retold, ...]
    added: tuple[Added, ...]
    changed: tuple[Changed, ...]
    dropped: tuple[Dropped, ...]
    credited: tuple[Span, ...]  # where the relay credits the original ("the newspaper reported"): no addition
    similarity: float  # the share of the relay's words retold from the original
    coverage: float  # the share of the original's words the relay retells
    runs: int  # shared runs of RUN_WORDS words or more outside quotation marks
    retold_sentences: int
    own_sentences: int = 0  # retold sentences whose retold words are mostly outside quotation marks


@dataclass(frozen=True)
class Gap:
    """Relay words between two retold runs of one sentence, and the original words they stand for."""
    relay: Text
    original: Text
    words: list[Token]  # relay side (empty: the relay left original words out)
    replaced: list[Token]  # original side (empty: an insertion)
    credits: tuple[Credit, ...]
    vocabulary: frozenset[str] = frozenset()  # every word of the original

    @property
    def norms(self) -> list[str]:
        return [t.norm for t in self.words]


# -- the gap table: the first rule that answers classifies a gap ---------------------------------------------
def _credit(gap: Gap) -> str | None:
    if gap.words and any(c.start < gap.words[-1].end and gap.words[0].start < c.end for c in gap.credits):
        return "credit"
    return None


def _rewrite(gap: Gap) -> str | None:
    norms = gap.norms
    return "credit" if any(find_phrase(norms, p) >= 0 for p in phrases("attribution-rewrites")) else None


def _claim(gap: Gap) -> str | None:
    return "hedge" if any(n in words("hedge-claim-verbs") for n in gap.norms) else None


def _gloss(gap: Gap) -> str | None:
    return "editorial-insertion" if "(" in gap.norms and ")" in gap.norms else None


def _hedge(gap: Gap) -> str | None:
    if not gap.replaced:
        return None
    before, after = {t.norm for t in gap.replaced}, set(gap.norms)
    hedges = words("hedge-words")
    # a word of firmness put in ("will" -> "may") or taken out ("could cover" -> "covers"); a plain "said"
    # dropped in a reshuffled attribution is no hedge
    return "hedge" if (after - before) & hedges or (before - after) & (hedges - words("plain-saying")) else None


def _wording(gap: Gap) -> str | None:
    return "wording" if gap.replaced and gap.words and not _neutral(gap.norms) else None


def _renaming(gap: Gap) -> str | None:
    raw = [gap.relay.text[t.start] for t in gap.words if t.is_word]
    return "wording" if raw and all(c.isupper() for c in raw) else None


def _framing(gap: Gap) -> str | None:
    content = [n for n in gap.norms if n[0].isalnum()]
    if gap.replaced or not content or len(content) > FRAMING_MAX_WORDS or _neutral(gap.norms):
        return None
    # framing is new wording: a word the original uses elsewhere ("gas" -> "gas supplies") is a reshuffle
    neutral = words("neutral-words")
    if any(n in gap.vocabulary for n in content if n not in neutral):
        return None
    return "framing"


def _clause(gap: Gap) -> str | None:
    if gap.replaced or len([t for t in gap.words if t.is_word]) <= FRAMING_MAX_WORDS:
        return None
    return "own-sourcing" if _own_sourcing(gap.relay, gap.norms) else "background"


GAPS: tuple[tuple[str, Callable[[Gap], str | None]], ...] = (
    ("credit", _credit),  # "According to the newspaper," the relay names its source: neither added nor changed
    ("rewrite", _rewrite),  # "said Sandvik" -> "Sandvik was quoted as saying": retelling the attribution
    ("claim", _claim),  # "The ministry claimed" put before a statement: a fact turned into a claim (hedge)
    ("gloss", _gloss),  # "(armed units of the ... - TASS)": an editorial insertion
    ("hedge", _hedge),  # "will" -> "could", "said" -> "claimed"
    ("wording", _wording),  # any other rewrite
    ("renaming", _renaming),  # "Mitrovica" -> "Kosovska Mitrovica"
    ("framing", _framing),  # "rightly", "self-styled", "a handful of"
    ("clause", _clause),  # a clause of the relay's own inside a retold sentence
)
_ADDED_KINDS = frozenset({"editorial-insertion", "framing", "background", "own-sourcing"})


def align(relay: Text, original: Text, credits: tuple[Credit, ...] = ()) -> Alignment:
    """How ``relay`` retells ``original``."""
    units = [s for s in relay.sentences if relay.dateline is None or s.start >= relay.dateline.end]
    sentences = [s for s in original.sentences if original.dateline is None or s.start >= original.dateline.end]
    original_tokens = [original.tokens(s) for s in sentences]
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for n, tokens in enumerate(original_tokens):
        for gram in _trigrams(tokens):
            index[gram].add(n)
    out = _Collector(relay, original, credits)
    for unit in units:
        tokens = relay.tokens(unit)
        shared = Counter(n for gram in set(_trigrams(tokens)) for n in index.get(gram, ()))
        best = sorted(n for n, count in shared.most_common(2) if count >= MIN_SHARED_TRIGRAMS)
        if not best or not out.sentence(unit, tokens, [t for n in best for t in original_tokens[n]]):
            out.unaligned(unit, tokens)
    out.dateline()
    matched = out.matched_original
    for span, tokens in zip(sentences, original_tokens, strict=True):
        wordlike = [t for t in tokens if t.is_word]
        if wordlike and sum(t.start in matched for t in wordlike) < DROPPED_BELOW * len(wordlike):
            out.dropped.append(Dropped(span.start, span.end, original.text[span.start:span.end]))
    return out.result(sum(len([t for t in original.tokens(s) if t.is_word]) for s in sentences))


class _Collector:
    """The alignment as it is built, sentence by sentence."""

    def __init__(self, relay: Text, original: Text, credits: tuple[Credit, ...]) -> None:
        self.relay, self.original, self.credits = relay, original, credits
        self.retold: list[Retold] = []
        self.added: list[Added] = []
        self.changed: list[Changed] = []
        self.dropped: list[Dropped] = []
        self.credited: list[Span] = []
        self.matched_original: set[int] = set()  # start offsets of original tokens retold
        self.relay_words = self.relay_matched = self.runs = self.sentences = self.own_sentences = 0
        self.quoted = _Quoted(relay.text)  # offsets inside quotation marks: two outlets may quote one speaker
        self.vocabulary = frozenset(t.norm for s in original.sentences for t in original.tokens(s))

    def sentence(self, unit: Span, tokens: list[Token], against: list[Token]) -> bool:
        """Align one relay sentence with original tokens; False when it does not retell them."""
        glosses = _glosses(tokens, self.vocabulary)
        tokens = [t for t in tokens if not any(g[0].start <= t.start < g[-1].end for g in glosses)]
        matcher = SequenceMatcher(None, [t.norm for t in against], [t.norm for t in tokens], autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        retold_words = sum(1 for b in blocks for t in tokens[b.b:b.b + b.size] if t.is_word)
        wordlike = sum(t.is_word for t in tokens)
        longest = max((sum(t.is_word for t in tokens[b.b:b.b + b.size]) for b in blocks), default=0)
        if retold_words < MIN_RETOLD_WORDS or retold_words < RETOLD_SHARE * wordlike or longest < MIN_RUN:
            return False
        self.sentences += 1
        outside = sum(1 for b in blocks for t in tokens[b.b:b.b + b.size] if t.is_word and t.start not in self.quoted)
        self.own_sentences += outside >= retold_words / 2
        for gloss in glosses:
            self._add(gloss[0].start, gloss[-1].end, "editorial-insertion")
        self.relay_words += wordlike
        self.relay_matched += retold_words
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                self._equal(tokens[j1:j2], against[i1:i2])
            elif j2 > j1:
                self._gap(Gap(self.relay, self.original, tokens[j1:j2], against[i1:i2], self.credits,
                              self.vocabulary),
                          against[i2] if i2 < len(against) else None)
            elif 0 < j1 < len(tokens):
                self._left_out(against[i1:i2], tokens[j1 - 1:j1 + 1])
        return True

    def _left_out(self, words_out: list[Token], around: list[Token]) -> None:
        """A few original words the relay leaves out of a retold clause ("may attack" -> "attack"): a change
        marked on the relay words around the gap; a longer cut is a partial drop, not listed."""
        norms = [t.norm for t in words_out]
        content = [n for n in norms if n[0].isalnum()]
        if not content or len(content) > FRAMING_MAX_WORDS or _neutral(norms):
            return
        hedges = words("hedge-words") - words("plain-saying")
        kind = "hedge" if set(norms) & hedges else "wording"
        start, end = around[0].start, around[-1].end
        o_start, o_end = words_out[0].start, words_out[-1].end
        self.changed.append(Changed(start, end, self.relay.text[start:end], o_start, o_end,
                                    self.original.text[o_start:o_end], kind))

    def _equal(self, relay: list[Token], original: list[Token]) -> None:
        self.matched_original.update(t.start for t in original)
        wordlike = sum(t.is_word for t in relay)
        if wordlike >= RUN_WORDS and relay[0].start not in self.quoted:
            self.runs += 1
        last = self.retold[-1] if self.retold else None
        if last and self.original.text[last.original_end:original[0].start].count(".") == 0 \
                and last.end <= relay[0].start and "\n" not in self.relay.text[last.end:relay[0].start] \
                and last.original_end <= original[0].start and self._same_sentence(last.end, relay[0].start):
            self.retold[-1] = self._retold(last.start, relay[-1].end, last.original_start, original[-1].end)
        else:
            self.retold.append(self._retold(relay[0].start, relay[-1].end, original[0].start, original[-1].end))

    def _gap(self, gap: Gap, next_original: Token | None) -> None:
        kind = next((k for _name, rule in GAPS if (k := rule(gap))), None)
        if kind is None:
            return
        start, end = gap.words[0].start, gap.words[-1].end
        if kind == "credit":
            self.credited.append(Span(start, end))
        elif kind == "editorial-insertion":
            opening = next(t for t in gap.words if t.norm == "(")
            closing = next(t for t in reversed(gap.words) if t.norm == ")")
            self._add(opening.start, closing.end, kind)
        elif kind in _ADDED_KINDS:
            self._add(start, end, kind)
        else:
            at = gap.replaced or ([next_original] if next_original is not None else [])
            o_start, o_end = (at[0].start, at[-1].end) if at else (0, 0)
            self.changed.append(Changed(start, end, self.relay.text[start:end], o_start, o_end,
                                        self.original.text[o_start:o_end], kind))

    def unaligned(self, unit: Span, tokens: list[Token]) -> None:
        """A relay sentence with no counterpart: the credit alone, the relay's own sourcing, or background."""
        wordlike = [t for t in tokens if t.is_word]
        credit = [t for t in wordlike if any(c.start <= t.start < c.end for c in self.credits)]
        if wordlike and len(credit) >= 0.6 * len(wordlike):
            self.credited.append(unit)
            return
        self.relay_words += len(wordlike)
        kind = "own-sourcing" if _own_sourcing(self.relay, [t.norm for t in tokens]) else "background"
        last = self.added[-1] if self.added else None
        if last and last.kind == kind and last.end <= unit.start and not self.relay.text[last.end:unit.start].strip():
            self.added[-1] = Added(last.start, unit.end, self.relay.text[last.start:unit.end], kind)
        else:
            self._add(unit.start, unit.end, kind)

    def dateline(self) -> None:
        """The relay's own dateline is an addition unless it is the original's."""
        span = self.relay.dateline
        if span is None:
            return
        theirs = self.original.tokens(self.original.dateline) if self.original.dateline else []
        if [t.norm for t in self.relay.tokens(span)] != [t.norm for t in theirs]:
            self.added.insert(0, Added(span.start, span.end, self.relay.text[span.start:span.end], "dateline"))

    def result(self, original_words: int) -> Alignment:
        covered = sum(1 for s in self.original.sentences for t in self.original.tokens(s)
                      if t.is_word and t.start in self.matched_original)
        return Alignment(
            retold=tuple(self.retold), added=tuple(sorted(self.added, key=lambda a: a.start)),
            changed=tuple(self.changed), dropped=tuple(self.dropped), credited=tuple(self.credited),
            similarity=round(self.relay_matched / self.relay_words, 3) if self.relay_words else 0.0,
            coverage=round(covered / original_words, 3) if original_words else 0.0,
            runs=self.runs, retold_sentences=self.sentences, own_sentences=self.own_sentences)

    def _add(self, start: int, end: int, kind: str) -> None:
        self.added.append(Added(start, end, self.relay.text[start:end], kind))

    def _retold(self, start: int, end: int, o_start: int, o_end: int) -> Retold:
        return Retold(start, end, self.relay.text[start:end], o_start, o_end)

    def _same_sentence(self, a: int, b: int) -> bool:
        return any(s.start <= a <= s.end and s.start <= b <= s.end for s in self.relay.sentences)


class _Quoted:
    """The character offsets of a text that lie inside quotation marks, paragraph by paragraph (a quotation
    may run over several sentences; a paragraph break closes it)."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        start = None
        for i, ch in enumerate(text):
            if ch == "\n" and start is not None:
                self.spans.append((start, i))
                start = None
            elif ch == "“" or (ch == '"' and start is None):
                start = i if start is None else start
            elif ch in "”\"" and start is not None:
                self.spans.append((start, i + 1))
                start = None
        if start is not None:
            self.spans.append((start, len(text)))

    def __contains__(self, offset: int) -> bool:
        at = bisect_right(self.spans, (offset, len(self.spans) + 10**12)) - 1
        return at >= 0 and self.spans[at][0] <= offset < self.spans[at][1]


def _glosses(tokens: list[Token], vocabulary: frozenset[str]) -> list[list[Token]]:
    """Parenthesised groups whose words the original does not have: "(Transnistria - TASS)"."""
    found, opened = [], None
    for i, token in enumerate(tokens):
        if token.norm == "(":
            opened = i
        elif token.norm == ")" and opened is not None:
            inner = [t.norm for t in tokens[opened + 1:i] if t.is_word]
            if inner and not all(n in vocabulary for n in inner):
                found.append(tokens[opened:i + 1])
            opened = None
    return found


def _trigrams(tokens: list[Token]) -> list[tuple[str, ...]]:
    norms = [t.norm for t in tokens if t.is_word]
    return [tuple(norms[i:i + 3]) for i in range(len(norms) - 2)]


def _neutral(norms: list[str]) -> bool:
    """Only words of no weight (articles, prepositions, days), figures and punctuation."""
    neutral = words("neutral-words")
    return all(n in neutral or not n[0].isalpha() for n in norms)


def _own_sourcing(relay: Text, norms: list[str]) -> bool:
    """The relay's own reporting: its own name ("told TASS"), or a phrase of own sourcing ("declined to
    comment", "a source close to")."""
    for name in (relay.outlet, relay.agency):
        if name and find_phrase(norms, tuple(tokenize_words(name))) >= 0:
            return True
    return any(find_phrase(norms, phrase) >= 0 for phrase in phrases("own-sourcing"))
