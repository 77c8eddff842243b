"""The keys a trigger is looked up by in the event lexicon: its lemma (the whole of a hyphenated word the tokenizer
split, without hyphens, after a prefix meaning "again" its stem), and the lemma with a particle or preposition of its
own ("call on", "walk out", "charge ahead")."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.types import Token

# Particles that make a phrasal verb of their own ("call off", "blow up", "pull out"): a pattern for the bare verb
# does not apply.
_PARTICLES = word_set("verb-particles")
_AGAIN = word_set("repeating-prefixes")


def _keys(s: _Sentence, token: Token, pos: str) -> list[tuple[str, float]]:
    """The lexicon keys a trigger is looked up by, each with its bonus: its lemma's, and the lemma with a particle
    or preposition of its own ("call on", "walk out", "charge ahead")."""
    lemma = token.lemma.lower()
    keys = [key for form in word_forms(s.tokens, token.i) for key in lemma_keys(form)]
    for k in s.kids[token.i]:
        child = s.tokens[k]
        if child.dep == "advmod" and pos == "V" and child.text.lower() in ("ahead", "forward") and not any(
                s.tokens[p].dep == "prep" and s.tokens[p].text.lower() == "of" for p in s.kids[k]):
            # (not "ahead of the summit": a time, no particle)
            keys.append((f"{lemma} {child.text.lower()}", 0.0))  # "charging ahead": a row may block it
        elif child.dep == "advmod" and pos == "V" and child.text.lower() in _PARTICLES and child.i > token.i:
            keys.append((f"{lemma} {child.text.lower()}", -0.5))  # "hauled away protesters" (tagged an adverb)
        if child.dep == "prep" and any(s.tokens[o].ent_type in ("DATE", "TIME") for o in s.kids[k]):
            continue  # "called on Tuesday" is a call, not "call on"
        if child.dep in ("advcl", "ccomp") and pos == "V" and any(
                s.tokens[m].dep == "mark" and s.tokens[m].text.lower() == "for" for m in s.kids[k]):
            keys.append((f"{lemma} for", -0.5))  # "calling for him to step aside": a for-to clause
        if child.dep in ("prt", "prep") and pos == "V":
            # a particle binds tighter than a preposition that may belong elsewhere ("with strings attached")
            keys.append((f"{lemma} {child.text.lower()}", 0.0 if child.dep == "prt" else -0.5))
    after = s.tokens[token.i + 1] if token.i + 1 < len(s.tokens) else None
    if pos == "V" and after is not None and after.dep == "quantmod" and after.text.lower() in _PARTICLES:
        keys.append((f"{lemma} {after.text.lower()}", -0.5))  # "handed over 13 hostages", read as "more than 13"
    return keys


def word_forms(tokens: Sequence[Token], k: int) -> list[str]:
    """The lemmas token ``k`` is looked up by: its own, and first, for the last part of a hyphenated word the
    tokenizer split ("cease-fire", "sit-in", "walk-out": three tokens, the last one heading the phrase), the whole
    word with that lemma ("sit-ins" -> "sit-in"; ``lemma_keys`` adds it without the hyphen, "walkout")."""
    lemma = tokens[k].lemma.lower()
    if k >= 2 and tokens[k - 1].text == "-" and tokens[k - 2].end == tokens[k - 1].start and \
            tokens[k - 1].end == tokens[k].start and tokens[k - 2].text.isalpha():
        whole = f"{tokens[k - 2].text.lower()}-{lemma}"
        return [whole, whole.replace("-", ""), lemma]
    return [lemma]


def lemma_keys(lemma: str) -> list[tuple[str, float]]:
    """The lexicon keys a lemma is looked up by, each with its bonus: itself; a hyphenated word also without its
    hyphens ("re-open" finds "reopen") and, after a prefix meaning "again", its stem, below a row of its own
    ("re-impose" finds "impose")."""
    keys = [(lemma, 0.0)]
    if "-" in lemma and " " not in lemma:
        keys.append((lemma.replace("-", ""), 0.0))
        prefix, _, rest = lemma.partition("-")
        if prefix in _AGAIN and rest.isalpha():
            keys.append((rest, -0.25))
    return keys
