"""The engine of ``data/events/recodes.tsv``: what surrounds an act changes its code. Each row names *where* its
words are sought (``when``); this module holds one small function per place, and tries the rows in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from thucydides.events.codebook import Recode, recodes
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import subtree
from thucydides.types import ActorMention, Token

_INSTRUMENTAL = word_set("instrument-prepositions")
_TOWARD = word_set("toward-prepositions")
_POLITICAL = word_set("political-sectors")
_NOT_PHRASE = frozenset({"nsubj", "nsubjpass", "csubj", "advcl", "ccomp", "xcomp", "conj", "relcl", "parataxis"})
_MEDIUM = word_set("medium-prepositions")


def _instrument(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
                row: Recode) -> bool:
    """A word of a "with", "using" or "by" phrase of the trigger, or of its object where the parser hangs the
    phrase there ("attacked villagers with chlorine gas")."""
    tokens = s.tokens
    heads = [token.i] + [k for k in s.kids[token.i] if tokens[k].dep in ("dobj", "obj")]
    found = {tokens[o].lemma.lower() for h in heads for k in s.kids[h] if tokens[k].dep in ("prep", "agent")
             and tokens[k].text.lower() in _INSTRUMENTAL for o in subtree(s.kids, k)}
    return bool(found & row.words) and not found & row.unless


def _source_head(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
                 row: Recode) -> bool:
    """Every source ends in one of the words ("protesters", "demonstrators")."""
    return bool(sources) and all(m.text.split() and m.text.lower().split()[-1] in row.words for m in sources)


def _actor_word(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
                row: Recode) -> bool:
    """A word of a source, or the trigger's object, is one of the words ("UN peacekeepers", "sent peacekeepers")."""
    found = {w for m in sources for w in m.text.lower().split()}
    found |= {s.tokens[k].text.lower() for k in s.kids[token.i] if s.tokens[k].dep in ("dobj", "obj")}
    return bool(found & row.words) and not found & row.unless


def _joint(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
           row: Recode) -> bool:
    """Two or more countries act together, on no one named ("French and Egyptian warships launched war games")."""
    return token.lemma.lower() in row.words and not targets and len({m.actor.country for m in sources}) >= 2


def _into(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
          row: Recode) -> bool:
    """The act went into, toward or off one of the words, and hit no one named ("fired a missile into the sea")."""
    tokens = s.tokens
    return not targets and any(
        tokens[o].lemma.lower() in row.words for k in s.kids[token.i]
        if tokens[k].dep == "prep" and tokens[k].text.lower() in _TOWARD for o in s.kids[k] if tokens[o].dep == "pobj")


def _political(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
               row: Recode) -> bool:
    """The trigger's lemma is one of the words, every side named (one at least) is a civilian political actor (list
    political-sectors), a passive names who did it ("the senator was shot" does not: it is force on him), and
    nothing in the trigger's own phrase is a thing force falls on or is done with
    (``unless``: "attacked the party's offices", "attacked him with a knife"): "Republicans attacked the
    president", "the senator stepped up his attacks", "the president attacked the media". Forces, police and
    armed groups are no such side, and a capital attacked is its country, not its government."""
    sides = [*sources, *targets]
    # the trigger's own phrase: not its subject, nor a clause of its own ("targeted the administration for not taking
    # a firm stance, claiming it had thrown Israel under a bus")
    phrase = {k for c in s.kids[token.i] if s.tokens[c].dep not in _NOT_PHRASE for k in subtree(s.kids, c)}
    kids = s.kids[token.i]
    unseen = any(s.tokens[k].dep == "auxpass" for k in kids) and not any(s.tokens[k].dep == "agent" for k in kids)
    # a headline's bare passive ("US journalist shot dead in Ukraine"): its subject is whom the force fell on
    unseen = unseen or any(s.tokens[k].dep == "nsubj" and any(m.sentence == s.sentence.index and
                                                                m.token_start <= k < m.token_end for m in targets)
                           for k in kids)
    return token.lemma.lower() in row.words and bool(sides) and not (unseen and not sources) and \
        all(m.actor.sector in _POLITICAL for m in sides) and \
        not {s.tokens[k].lemma.lower() for k in phrase | {token.i}} & row.unless


def _phrase(s: _Sentence, token: Token, sources: Sequence[ActorMention], targets: Sequence[ActorMention],
            row: Recode) -> bool:
    """A word of a phrase the trigger's "in", "on", "during", "via" ... introduces (list medium-prepositions) is one
    of the words, and none of ``unless`` is ("attacked the West in a speech", "his attacks on Twitter"; not "after
    the speech")."""
    tokens = s.tokens
    found = {tokens[o].lemma.lower() for k in s.kids[token.i] if tokens[k].dep == "prep"
             and tokens[k].text.lower() in _MEDIUM for o in subtree(s.kids, k) if o != k}
    return bool(found & row.words) and not found & row.unless


WHEN: dict[str, Callable[..., bool]] = {"instrument": _instrument, "source-head": _source_head,
                                        "actor-word": _actor_word, "joint": _joint, "into": _into,
                                        "political": _political, "phrase": _phrase}


def recoded(s: _Sentence, token: Token, code: str, places: Sequence[str], sources: Sequence[ActorMention],
            targets: Sequence[ActorMention]) -> Recode | None:
    """The first row of recodes.tsv for ``code`` whose words are found in one of ``places``, or None."""
    for row in recodes():
        if row.when in places and code.startswith(row.codes) and WHEN[row.when](s, token, sources, targets, row):
            return row
    return None
