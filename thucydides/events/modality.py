"""How sure the text is that an event happened: negation, hedges, predictions and conditions.

Read from the dependency parse around the trigger and up its chain of governing verbs: "did not agree" and
"refused to meet" are negative; "may attack" is possible; "is likely to agree", "is expected to sign",
"reportedly met" and "officials believe X will ..." are probable; "if they offered ..." is a condition.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.tree import bounds, children
from thucydides.types import Modality, Token
from thucydides.tables import word_set

# Verbs whose complement did not happen: "refused to negotiate", "failed to agree", "denied attacking".
NEGATING_GOVERNORS = word_set("negating-verbs")
POSSIBLE = word_set("possibility-words")  # not "can": ability
PROBABLE = word_set("probability-words")
# Verbs of belief and prediction: their complement is someone's expectation, not a reported fact.
BELIEF = word_set("belief-verbs")
CONDITION_MARKS = word_set("condition-marks")
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "conj", "acl", "pcomp", "pobj", "dobj", "prep", "acomp", "attr"})
# A noun's governing verb decides the noun's modality only when the verb is light: "did not hold talks".
LIGHT_VERBS = word_set("light-verbs")
# Nouns that make what they are about a prospect, not a fact: "hopes of a recovery", "plans to cut jobs".
PROSPECT_NOUNS = word_set("prospect-nouns")
# Verbs whose complement is only a prospect ("wants to meet", "weighs sending troops"), and words whose
# complement is probable ("is expected to sign").
PROSPECT_VERBS = word_set("prospect-verbs")
PROSPECT_MODIFIERS = word_set("prospect-modifiers")  # "a potential attack", "the planned strike"
GENERIC_DETERMINERS = word_set("generic-determiners")  # "any attack on China", "will respond to any sanctions"
CLAIM_NOUNS = word_set("claim-nouns")  # "denied reports that ...": the clause of the denied claim
LIKELIHOOD = word_set("likelihood-words")
NOBODY = word_set("nobody-words")  # "nobody was hurt": the act did not happen to anyone
WEIGHING = word_set("weighing-words")  # "it would be a mistake to", "it is time to": a course of action weighed
_OPENING_QUOTES = frozenset({'"', "“", "'", "‘", "``"})



def chain(tokens: Sequence[Token], trigger: int, limit: int = 6) -> list[int]:
    """The trigger and the words governing it, up to the clause that states it (at most ``limit`` steps)."""
    out = [trigger]
    node = trigger
    for _ in range(limit):
        head = tokens[node].head
        # an act named as the subject of a light verb takes that verb's modality ("the attack may have been
        # carried out by ...", "talks could be held")
        light = tokens[node].dep in ("nsubjpass", "nsubj") and tokens[head].lemma.lower() in LIGHT_VERBS
        if head == node or (tokens[node].dep not in CLAUSE_LINKS and not light):
            break
        out.append(head)
        if tokens[node].dep in ("ccomp",) and tokens[head].lemma.lower() not in BELIEF:
            break  # "X said (that) ...": the saying does not change the content's modality
        node = head
    return out


def modality(tokens: Sequence[Token], trigger: int, text: str, base: int, also: Sequence[int] = ()) -> Modality:
    """The modality of the event whose trigger is token ``trigger``; ``text`` starts at character ``base``.

    ``also``: tokens the trigger's pattern used (its complement clause), whose conditions apply too.
    """
    polarity, certainty, condition, cues = "positive", "certain", None, []
    kids = children(tokens)
    path = chain(tokens, trigger)
    for node in also:
        if condition is None:
            condition, mark = _condition(tokens, kids, node, text, base)
            cues.extend([mark] if mark else [])
    for position, node in enumerate(path):
        token = tokens[node]
        lemma = token.lemma.lower()
        if position > 0 and not _passes(tokens, path[position - 1], node):
            break  # "stopped the market", "not all of their claims": the governor's modality is its own
        if position > 0 and _own_tense(tokens, kids, path[position - 1], node):
            continue  # (what governs both verbs still counts: "believe they are and will continue to be")
        for child in (tokens[k] for k in kids[node]):
            word = child.text.lower()
            if child.dep == "neg" or (child.dep == "det" and word == "no") or \
                    (word in ("never",) and child.dep in ("advmod", "neg")):
                polarity = "negative"
                cues.append(child.text)
            elif word in POSSIBLE and child.dep in ("aux", "advmod"):
                certainty = _weaker(certainty, "possible")
                cues.append(child.text)
            elif word in PROBABLE and child.dep in ("advmod", "acomp", "amod", "auxpass", "aux"):
                certainty = _weaker(certainty, "probable")
                cues.append(child.text)
            elif position == 0 and ((word in PROSPECT_MODIFIERS and child.dep == "amod")
                                    or (word in GENERIC_DETERMINERS and child.dep == "det")):
                certainty = _weaker(certainty, "possible")
                cues.append(child.text)
        if condition is None:
            condition, mark = _condition(tokens, kids, node, text, base)
            cues.extend([mark] if mark else [])
        if _extraposed(tokens, kids, node):
            certainty = _weaker(certainty, "possible")  # "it would be a mistake to attack", "it is time to talk"
            cues.append(tokens[node].text)
        if _asked(tokens, kids, node):
            certainty = _weaker(certainty, "possible")  # "Did Russia attack the convoy?", "what help did X provide?"
            cues.append("?")
        if position == 0:
            nobody = _nobody(tokens, kids, node)
            if nobody is not None:  # "no soldiers were hurt", "police arrested no one", "with no Israelis killed"
                polarity = "negative"
                cues.append(nobody)
            continue
        below = tokens[path[position - 1]]
        denied_claim = below.dep in ("dobj", "obj") and below.lemma.lower() in CLAIM_NOUNS
        if lemma in NEGATING_GOVERNORS and node not in also and (below.dep in ("xcomp", "ccomp", "pcomp")
                                                                 or denied_claim) and (
                lemma != "rule" or any(tokens[k].dep == "prt" and tokens[k].text.lower() == "out" for k in kids[node])):
            polarity = "negative" if polarity == "positive" else "positive"
            cues.append(token.text)
        elif lemma in LIKELIHOOD and below.dep == "xcomp":  # "is expected to sign" (not "set to": scheduled)
            certainty = _weaker(certainty, "probable")
            if lemma == "unlikely":
                polarity = "negative"
            cues.append(token.text)
        elif lemma in BELIEF and below.dep == "ccomp":
            certainty = _weaker(certainty, "probable")
            cues.append(token.text)
        elif lemma in PROSPECT_VERBS and below.dep == "xcomp":
            certainty = _weaker(certainty, "possible")  # "wants to meet", "is considering expelling"
            cues.append(token.text)
        elif lemma in PROSPECT_NOUNS and below.dep in ("pobj", "acl", "prep") and token.pos == "NOUN":
            certainty = _weaker(certainty, "possible")  # "hopes of recovery", "plans to cut"
            cues.append(token.text)
    return Modality(polarity=polarity, certainty=certainty, condition=condition,
                    cue=" ".join(dict.fromkeys(cues)) or None)


def _nobody(tokens: Sequence[Token], kids: list[list[int]], trigger: int) -> str | None:
    """The word saying that no one did or underwent the act at ``trigger``, or None.

    The trigger's subject or object is "nobody", "none" or a noun under "no" ("no soldiers were hurt", "arrested
    no one"), or the trigger is a participle on such a noun ("with no Israelis killed").
    """
    nouns = [k for k in kids[trigger] if tokens[k].dep in ("nsubj", "nsubjpass", "dobj", "obj")]
    if tokens[trigger].dep == "acl" and tokens[trigger].head != trigger:
        nouns.append(tokens[trigger].head)
    for noun in nouns:
        if tokens[noun].text.lower() in NOBODY:
            return tokens[noun].text
        det = next((tokens[k] for k in kids[noun] if tokens[k].dep == "det" and tokens[k].text.lower() == "no"), None)
        if det is not None and not (det.i > 0 and tokens[det.i - 1].text in _OPENING_QUOTES):
            return det.text  # (not a slogan: chanting "No Trump!")
    return None


def _condition(tokens: Sequence[Token], kids: list[list[int]], node: int, text: str,
               base: int) -> tuple[str | None, str | None]:
    """The text of an "if"/"unless" clause hanging on ``node``, and its marker word."""
    for k in kids[node]:
        if tokens[k].dep != "advcl":
            continue
        mark = next((tokens[m] for m in kids[k] if tokens[m].dep == "mark"), None)
        if mark is not None and mark.text.lower() in CONDITION_MARKS - {"whether"}:
            start, end = bounds(kids, k)
            return text[tokens[start].start - base:tokens[end].end - base], mark.text
    return None, None


def _passes(tokens: Sequence[Token], below: int, node: int) -> bool:
    """Does the modality of the word at ``node`` carry down to the word ``below`` it?"""
    dep = tokens[below].dep
    if dep in ("xcomp", "ccomp", "conj", "pcomp", "acomp", "attr"):  # "was (not) ready ... if": the copula's
        return True
    if dep in ("nsubjpass", "nsubj"):  # "the attack may have been carried out", "talks could be held"
        return tokens[node].lemma.lower() in LIGHT_VERBS
    if dep in ("dobj", "obj"):  # "did not hold talks"; "denied reports that ...": the denial reaches the claim
        return tokens[node].lemma.lower() in LIGHT_VERBS or (
            tokens[below].lemma.lower() in CLAIM_NOUNS and tokens[node].lemma.lower() in NEGATING_GOVERNORS)
    if dep in ("pobj", "prep", "acl"):  # through a preposition to a prospect noun ("hopes of a recovery")
        return True
    return False


def _asked(tokens: Sequence[Token], kids: list[list[int]], node: int) -> bool:
    """The clause of ``node`` is a direct question: an auxiliary before its subject ("did Israel provide", "will
    Moscow retaliate") and a question mark closing it. Its act is asked about, not stated ("Who attacked the convoy?",
    with no inversion, still states an attack)."""
    subject = next((k for k in kids[node] if tokens[k].dep in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(tokens[k].dep in ("aux", "auxpass") and k < subject for k in kids[node]) and \
        any(t.text == "?" for t in tokens[node + 1:])


def _extraposed(tokens: Sequence[Token], kids: list[list[int]], node: int) -> bool:
    """``node`` is an infinitive that a copula with an expletive "it" weighs ("it would be a mistake to attack Iran",
    "it is important to meet", "said it was time to negotiate"): a course of action weighed, not an act done (only
    with a word of weighing-words: in "it is ready to sign", "it was the first to recognise" the "it" is an actor)."""
    head = tokens[node].head
    if head == node or tokens[node].dep not in ("xcomp", "relcl", "acl") or tokens[node].tag != "VB" or not any(
            tokens[k].dep == "aux" and tokens[k].text.lower() == "to" for k in kids[node]):
        return False
    copula = tokens[head].head if tokens[head].dep in ("acomp", "attr") else head
    # (the parser hangs the infinitive on the weighing word or, beside it, on the copula)
    words = {tokens[k].lemma.lower() for k in (head, *kids[copula]) if k == head or tokens[k].dep in ("acomp", "attr")}
    return bool(words & WEIGHING) and tokens[copula].lemma.lower() == "be" and any(
        tokens[k].dep == "nsubj" and tokens[k].text.lower() == "it" for k in kids[copula])


def _own_tense(tokens: Sequence[Token], kids: list[list[int]], below: int, node: int) -> bool:
    """Does the verb ``below``, joined to ``node``, have a tense, auxiliary or subject of its own? Then the negation
    and auxiliaries of ``node`` are not its own ("did not comment but arrested two men", "is not running and has
    been banned"; not "will not attend or vote", "has not confirmed or denied"), though what governs both does."""
    if tokens[below].dep != "conj" or tokens[below].pos not in ("VERB", "AUX"):
        return False
    return tokens[below].tag in ("VBZ", "VBP") or (
        tokens[below].tag in ("VBD", "VBN") and tokens[node].tag == "VB") or any(
        tokens[k].dep in ("nsubj", "nsubjpass", "aux", "auxpass") and k < below for k in kids[below])


def _weaker(current: str, new: str) -> str:
    order = ("certain", "probable", "possible", "unknown")
    return new if order.index(new) > order.index(current) else current
