"""Coreference: the actors a word points back to, found once per article for every stage that reads them.

The actor stage resolves names and noun phrases ("the ministry", a surname, "the president"); this stage
resolves the words that name no one by themselves, with an ordered table of small resolvers, the first that
answers winning:

- ``pair``: "both sides", "the two leaders" (a pair noun of ``pair-nouns`` with "both" or "two"), or "the two",
  "both" alone as a subject ("The two met in Geneva") -> the last
  list of two named, else the last two actors of different countries named in this sentence or the three before
  (states and their leaders first);
- ``group``: "they", "them" right after a list ("Putin and Xi met ... They signed") -> every member of that list;
- ``pronoun``: "he", "she", "his" (``personal-pronouns``) -> the last person named as the subject of a clause
  in the five sentences before, else the last person named in the thirty before (never a person's government,
  never a person named inside a quotation from outside it; no answer when a person no actor codes was named
  since, of the pronoun's gender), else the last role naming one person that was a subject in the five sentences
  before ("The minister spoke. He added ..."); anyone whose gender (``actors/gender.py``) is not the pronoun's
  is skipped ("she" is never the last man named; one whose gender nothing shows agrees with both);
  "it", "they" (``impersonal-pronouns``) -> the last actor named that is not a person;
- ``speaker``: "I", "we", "our" (``first-person-pronouns``) inside a quotation -> the actor who says it: the
  subject of a verb of reporting (``reporting-verbs``) outside the quotation, in the sentence where it opens or
  closes ('"We arrested five men," police said', 'The minister said: "I met my Polish counterpart"'), or the
  actor a "he" or "she" there points to.

A word that is itself part of an actor mention is not resolved here. The events stage reads the references for
its sources and targets, the attribution stage for its speakers (``attribution/speakers.py``), so that "he"
is the same actor for both.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import chain
from dataclasses import dataclass

from thucydides.actors.gender import agrees, entity_gender, mention_genders, pronoun_gender
from thucydides.structure.quotations import quotation_spans
from thucydides.tables import cell_values, packaged, rows, word_set
from thucydides.tree import children
from thucydides.types import ActorMention, Article, Reference, Token

PERSONAL = word_set("personal-pronouns")
FIRST_PERSON = word_set("first-person-pronouns")  # inside a quotation: its speaker
REPORTING = word_set("reporting-verbs")
IMPERSONAL = word_set("impersonal-pronouns")
PAIR_NOUNS = word_set("pair-nouns")  # with "both" or "two", they name the last two parties
INSTITUTIONS = word_set("institution-nouns")  # "the Modi government" is coded as its head, but is no "he"
GROUP_PRONOUNS = frozenset({"they", "them"})
GROUP_WINDOW = 12  # a list counts for "they" when it is among the last 12 mentions
PAIR_WINDOW = 3  # "both sides": the parties named in this sentence or the three before
SUBJECT_WINDOW = 5  # "he": a person named as a subject is preferred within this many sentences back
THEY_WINDOW = 1  # "they": the subject of the main verb of this sentence or the one before, before any actor named
PERSON_WINDOW = 30  # "he": no person named within this many sentences back, no answer (and no long search)
# role word that names one person -> the key of its group ("spokeswoman" -> spokesperson), from
# data/attribution/roles.tsv: "he" may be "the minister" when no person is named (attribution files speakers by it)
ROLE_KEYS = {word: key for _where, (key, words, _note) in rows(packaged("attribution", "roles.tsv"), 3,
                                                               note_optional=True)
             for word in [key, *sorted(cell_values(words))]}


@dataclass(frozen=True, slots=True)
class _Where:
    """What a resolver sees of one token: the mentions named before it, in text order."""

    token: Token
    tokens: Sequence[Token]
    sentence: int
    earlier: Sequence[ActorMention]  # every mention of the sentences before
    before: Sequence[ActorMention]  # the mentions of this sentence that end before the token
    subjects: set[tuple[int, int]]  # (sentence, start) of the mentions that are the subject of a clause
    main_subjects: set[tuple[int, int]]  # ... of the sentence's main verb (the root, or a verb joined to it)
    # (sentence, start, gender) of the words of people named whom no mention codes, in text order
    strangers: Sequence[tuple[int, int, str | None]]
    genders: dict[tuple[int, int], str]  # (sentence, start) of a mention -> the gender it shows (actors/gender.py)
    quoted: Sequence[tuple[int, int]]  # character spans of the article's quotations, in text order


def _last_list(w: _Where) -> list[ActorMention]:
    pool = [*w.earlier[-GROUP_WINDOW:], *w.before]
    if not pool or pool[-1].list_id is None:
        return []
    last = pool[-1]
    return [m for m in pool if m.list_id == last.list_id and m.sentence == last.sentence]


def _pair(w: _Where) -> tuple[ActorMention, ...] | None:
    token = w.token
    alone = token.dep in ("nsubj", "nsubjpass") and (token.text.lower() == "both" or (
        token.text.lower() == "two" and any(t.head == token.i and t.text.lower() == "the" for t in w.tokens)))
    if not alone and (token.pos != "NOUN" or token.lemma.lower() not in PAIR_NOUNS or not any(
            t.head == token.i and t.i != token.i and t.text.lower() in ("both", "two") for t in w.tokens)):
        return None  # ("the two met", "both agreed": the number or "both" alone as the subject stands for the pair)
    group = _last_list(w)
    if len(group) == 2:
        return tuple(group)
    pool = [m for m in w.earlier if m.sentence >= w.sentence - PAIR_WINDOW] + list(w.before)
    if token.dep in ("dobj", "obj") or (token.dep == "pobj" and w.tokens[token.head].text.lower() in ("on", "to")):
        # "Russia urged both sides to show restraint", "called on both sides": who speaks to the pair is not one
        # of it (but "the agreement between the two countries" may be the subject's own)
        outside = {m.actor.country for m in w.before if (m.sentence, m.start) in w.subjects}
        pool = [m for m in pool if m.actor.country not in outside]
    for kinds in (("person", "country", "government"), ("person", "country", "government", "role", "group")):
        out: list[ActorMention] = []
        for m in reversed(pool):
            if m.actor.country and m.actor.kind in kinds and m.actor.country not in {o.actor.country for o in out}:
                out.append(m)
            if len(out) == 2:
                return tuple(out[::-1])
    return None


def _group(w: _Where) -> tuple[ActorMention, ...] | None:
    if w.token.pos != "PRON" or w.token.text.lower() not in GROUP_PRONOUNS:
        return None
    group = _last_list(w)
    return tuple(group) if len(group) >= 2 else None


def _pronoun(w: _Where) -> tuple[ActorMention, ...] | None:
    if w.token.pos != "PRON":
        return None
    word = w.token.text.lower()
    backwards = chain(reversed(w.before), reversed(w.earlier))  # nearest first; read only as far as needed
    if word in PERSONAL:  # the last person named as the subject of a clause, else the last person named
        inside = _inside(w.token.start, w.quoted)
        gender = pronoun_gender(word)
        # a person named inside a quotation is not who "he" is outside it ('"... Christie ...," he said')
        people = (m for m in backwards if m.actor.kind == "person" and m.text.split()[-1:] != [] and
                  m.text.split()[-1].lower() not in INSTITUTIONS and _inside(m.start, w.quoted) in (None, inside)
                  and agrees(gender, w.genders.get((m.sentence, m.start))))
        nearest, found = None, None
        for m in people:
            if m.sentence < w.sentence - PERSON_WINDOW:
                break
            nearest = nearest or m
            if m.sentence < w.sentence - SUBJECT_WINDOW:
                break  # no subject near: the nearest person named
            if (m.sentence, m.start) in w.subjects:
                found = m
                break
        found = found or nearest or _role_subject(w, gender)
        here = (w.sentence, w.token.start)
        if found is not None:
            after = bisect_right(w.strangers, (found.sentence, found.start))
            if any(agrees(gender, g) for _s, _at, g in
                   w.strangers[after:bisect_right(w.strangers, here)]):
                return None  # a person named since, whom the actor stage does not know: no actor to point to
    elif word in IMPERSONAL:  # the last actor named that is not a person; for "they", first the subject of a
        # main verb nearby ("Democratic strategists said Democrats could counter ... They said": the strategists,
        # not a party named in what they reported)
        nearest, found = None, None
        for m in (m for m in backwards if m.actor.kind != "person"):
            nearest = nearest or m
            if word not in GROUP_PRONOUNS or m.sentence < w.sentence - THEY_WINDOW:
                break
            if (m.sentence, m.start) in w.main_subjects:
                found = m
                break
        found = found or nearest
    else:
        return None
    return (found,) if found is not None else None


def _role_subject(w: _Where, gender: str | None) -> ActorMention | None:
    """With no person named, "he" or "she" is the last role naming one person that was the subject of a clause in
    the sentences just before ("The minister spoke on Monday. He added ..."), never a plural ("officials")."""
    for m in chain(reversed(w.before), reversed(w.earlier)):
        if m.sentence < w.sentence - SUBJECT_WINDOW:
            return None
        if m.actor.kind == "role" and (m.sentence, m.start) in w.subjects and m.text.split() and \
                m.text.split()[-1].lower() in ROLE_KEYS and agrees(gender, w.genders.get((m.sentence, m.start))):
            return m
    return None


def _main_subject(tokens: Sequence[Token], token: Token) -> bool:
    """``token`` is the subject of the sentence's main verb (the root, or a verb joined to it), or joined to
    that subject ("Ruritania and Freedonia met")."""
    if token.dep == "conj" and tokens[token.head].dep in ("nsubj", "nsubjpass"):
        token = tokens[token.head]
    verb = tokens[token.head]
    return token.dep in ("nsubj", "nsubjpass") and (
        verb.dep == "ROOT" or (verb.dep == "conj" and tokens[verb.head].dep == "ROOT"))


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation (of ``spans``, in text order, never nested) that holds character ``at``, or None."""
    k = bisect_right(spans, (at, float("inf"))) - 1
    return spans[k] if k >= 0 and spans[k][0] <= at < spans[k][1] else None


RESOLVERS: tuple[tuple[str, Callable[[_Where], tuple[ActorMention, ...] | None]], ...] = (
    ("pair", _pair), ("group", _group), ("pronoun", _pronoun),
)


def _speakers(article: Article, quoted: Sequence[tuple[int, int]], refs: Sequence[Reference],
              by_sentence: dict[int, list[ActorMention]]) -> dict[tuple[int, int], tuple[ActorMention, ...]]:
    """Quotation -> the actors who say it: the subject of a verb of reporting outside it, in a sentence where
    it opens or closes (a named actor, or whom the pronoun there points to)."""
    pointed = {(ref.sentence, ref.token): ref.antecedents for ref in refs if ref.rule == "pronoun"}
    out: dict[tuple[int, int], tuple[ActorMention, ...]] = {}
    for sentence in article.sentences:
        tokens = sentence.tokens
        spans = [q for q in quoted if sentence.start <= q[0] < sentence.end or sentence.start < q[1] <= sentence.end]
        if not spans:
            continue
        kids = children(tokens)
        for verb in tokens:
            if verb.pos != "VERB" or verb.lemma.lower() not in REPORTING or _inside(verb.start, quoted):
                continue
            for k in (c for c in kids[verb.i] if tokens[c].dep == "nsubj"):
                found = tuple(m for m in by_sentence.get(sentence.index, ()) if m.token_start <= k < m.token_end) \
                    or pointed.get((sentence.index, k), ())
                for span in spans:
                    if found and not _inside(tokens[k].start, [span]):
                        out.setdefault(span, found)
    return out


def _first_person(article: Article, quoted: Sequence[tuple[int, int]], refs: Sequence[Reference],
                  by_sentence: dict[int, list[ActorMention]]) -> list[Reference]:
    """ "I", "we", "our" inside a quotation: the actors who say it."""
    speakers = _speakers(article, quoted, refs, by_sentence)
    out: list[Reference] = []
    for sentence in article.sentences:
        covered = {k for m in by_sentence.get(sentence.index, ()) for k in range(m.token_start, m.token_end)}
        for token in sentence.tokens:
            if token.pos == "PRON" and token.text.lower() in FIRST_PERSON and token.i not in covered:
                span = _inside(token.start, quoted)
                if span is not None and span in speakers:
                    out.append(Reference(sentence.index, token.i, token.start, token.end, "speaker", speakers[span]))
    return out


def by_sentence(refs: Sequence[Reference]) -> dict[int, dict[int, Reference]]:
    """Sentence -> token -> its reference: how the events and attribution stages look the answers up."""
    out: dict[int, dict[int, Reference]] = {}
    for ref in refs:
        out.setdefault(ref.sentence, {})[ref.token] = ref
    return out


def references(article: Article) -> tuple[Reference, ...]:
    """Every word of the article that points back to actors named before it, with those actors."""
    by_sentence: dict[int, list[ActorMention]] = {}
    for mention in article.actors:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    quoted = quotation_spans(article)
    earlier: list[ActorMention] = []
    out: list[Reference] = []
    subjects: set[tuple[int, int]] = set()
    main_subjects: set[tuple[int, int]] = set()
    strangers: list[tuple[int, int, str | None]] = []
    genders = mention_genders(article)
    for sentence in article.sentences:
        mentions = by_sentence.get(sentence.index, [])
        subjects.update((m.sentence, m.start) for m in mentions if any(
            t.dep in ("nsubj", "nsubjpass") for t in sentence.tokens[m.token_start:m.token_end]))
        main_subjects.update((m.sentence, m.start) for m in mentions if any(
            _main_subject(sentence.tokens, t) for t in sentence.tokens[m.token_start:m.token_end]))
        covered = {k for m in mentions for k in range(m.token_start, m.token_end)}
        # people named whom no mention codes (a pronoun checks only those before it: they are in text order)
        strangers.extend((sentence.index, t.start, entity_gender(sentence.tokens, t.i)) for t in sentence.tokens
                         if t.ent_type == "PERSON" and t.i not in covered)
        for token in sentence.tokens:
            if token.pos not in ("PRON", "NOUN", "NUM", "DET"):
                continue
            where = _Where(token, sentence.tokens, sentence.index, earlier,
                           [m for m in mentions if m.token_end <= token.i], subjects, main_subjects, strangers,
                           genders, quoted)
            for rule, resolve in RESOLVERS:
                if rule != "pair" and token.i in covered:
                    continue  # the actor stage named it already
                found = resolve(where)
                if found:
                    out.append(Reference(sentence.index, token.i, token.start, token.end, rule, found))
                    break
        earlier.extend(mentions)
    out += _first_person(article, quoted, out, by_sentence)
    return tuple(sorted(out, key=lambda ref: (ref.sentence, ref.token)))
