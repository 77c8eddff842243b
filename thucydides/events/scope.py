"""What a sentence reports as news and what it does not: conditions, questions, background and reasons
(reported before), relative clauses that only identify who is meant, and the content or purpose of an act (what an
appeal asks for is no second event)."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.events.codebook import CameoCode
from thucydides.events.patterns import Pattern
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import subtree
from thucydides.types import Token

_WANT = word_set("wanting-verbs")
_CONTENT_ROOTS = word_set("content-roots")
_CLAIM_NOUNS = word_set("claim-nouns")
_NEGATING = word_set("negating-verbs")
_TOPIC_PREPOSITIONS = word_set("topic-prepositions")

# Nouns of deciding and announcing whose owner is the actor of the act they name ("the Council's decision on
# the impossibility of negotiations").
_DECISIONS = word_set("decision-nouns")

# Passive forms that state the subject's own stance: "is opposed to", "is committed to".
_STATIVES = word_set("stative-participles")

# Passives and adjectives of permission: "authorized to", "entitled to", "free to".
_LICENSED = word_set("licensing-words")
_REASONS = word_set("reason-nouns")
_ONGOING = word_set("ongoing-words")
_BACKGROUND = word_set("background-words")
_OWN_ACT = word_set("own-act-prepositions")
_MEETING_AFTER = word_set("meeting-after-prepositions")
_MEETING_NOUNS = word_set("meeting-name-nouns")
_SAYING = word_set("reporting-verbs")
_REASON_PREPOSITIONS = word_set("punishment-reason-prepositions")
_OF_CONTENT = word_set("of-content-verbs")
_HEADLINE_ACTIVE = word_set("headline-active-verbs")
_OPERATIONS = word_set("operation-nouns")


def _consumed_by(s: _Sentence, token: Token, pattern: Pattern, code: CameoCode, used: set[int]) -> set[int]:
    """The tokens the event of ``token`` takes up besides those its pattern used: what an appeal, a promise or a
    refusal is about, the purpose of an act, the reason for a punishment, the topic of a comment or a meeting.
    None of them is coded again as an event of its own."""
    tokens = s.tokens
    consumed: set[int] = set()
    if not code.code.startswith("01"):
        # what an appeal, a promise, an accusation or a refusal is about is its content, not a second
        # event ("urging Zelensky to show openness to talks", "accused the US of violating"); nor is the
        # purpose of an act ("signed an agreement to increase trade", "will visit X to mediate")
        content = [c for c in s.kids[token.i] if tokens[c].dep in ("xcomp",) or _purpose(s, c)]
        if pattern.pos == "N" and token.head in used:  # "gave permission to Turkey to use the base"
            content += [c for c in s.kids[token.head] if c != token.i and (
                tokens[c].dep == "xcomp" or _purpose(s, c))]
        if pattern.pos == "N" and code.code[:2] in _CONTENT_ROOTS and token.dep in ("dobj", "obj") \
                and token.head != token.i:
            # "reiterated its demand that Israel ease restrictions": the parser hangs the noun's clause on
            # the verb
            content += [c for c in s.kids[token.head] if tokens[c].dep == "ccomp" and c > token.i]
        if pattern.pos == "N" and code.code[:2] in _CONTENT_ROOTS:  # "its demand that Israel ease ..."
            content += [c for c in s.kids[token.i] if tokens[c].dep == "acl" and any(
                tokens[g].dep == "mark" and tokens[g].text.lower() == "that" for g in s.kids[c])]
        if code.code[:2] in _CONTENT_ROOTS:
            content += [c for c in s.kids[token.i] if tokens[c].dep in ("ccomp", "advcl", "prep")
                        and (tokens[c].dep != "prep" or any(tokens[g].dep == "pcomp" for g in s.kids[c])
                             or (code.code[:2] == "03" and tokens[c].text.lower() in ("to", "on")
                                 and not any(g in s.at for g in s.kids[c]))
                             or (code.code[:2] in ("11", "12") and tokens[c].text.lower() in ("for", "over")))]
            # "agreed to a ceasefire": the ceasefire is what was agreed, not a second event
            # "demanded an admission that X murdered ...", "demanded a meeting to discuss ...": the clause of
            # the object noun is what is demanded, promised or rejected
            content += [c for o in s.kids[token.i] if tokens[o].dep in ("dobj", "obj")
                        for c in s.kids[o] if tokens[c].dep in ("acl", "ccomp", "relcl") and (
                            tokens[c].dep != "relcl" or _purpose(s, c))
                        and (tokens[c].dep != "acl" or _purpose(s, c) or any(
                            tokens[g].dep == "mark" and tokens[g].text.lower() == "that" for g in s.kids[c]))]
            if code.code[:2] in ("02", "03", "10", "12", "13") and pattern.pos == "V":
                # "demanded a meeting", "opposed sending a force", "threatened an attack": what is
                # asked, refused or threatened has not happened
                content += [o for o in s.kids[token.i] if tokens[o].dep in ("dobj", "obj")]
        if code.code[:2] in ("16", "17") or code.code[:3] == "116":
            # "imposed sanctions on officials over the crackdown", "arrested for collaborating with Israel",
            # "charged two men with murder": what a punishment is for is its reason, reported before or only
            # alleged, not a second event
            for h in [token.i] + ([token.head] if pattern.pos == "N" and token.head != token.i else []):
                content += [c for c in s.kids[h] if tokens[c].dep == "prep"
                            and tokens[c].text.lower() in _REASON_PREPOSITIONS
                            and not any(_absolute_passive(s, g) for g in s.kids[c])]
                # (not ", with dozens of students detained": an absolute phrase reports its own act)
        if code.code[:2] in ("11", "12") and token.lemma.lower() in _OF_CONTENT:
            # "accused two men of murder": the act an accusation alleges is its content, not a second event (the
            # parser may hang the "of" phrase on the accused)
            for h in [token.i] + [o for o in s.kids[token.i] if tokens[o].dep in ("dobj", "obj")]:
                content += [c for c in s.kids[h] if tokens[c].dep == "prep" and tokens[c].text.lower() == "of"]
        for k in list(used) + content:
            # the verb governing a nominal trigger is used up, not the rest of its clause ("opened fire to
            # disperse the crowd, killing one and arresting 30": the killing and the arrests are their own)
            consumed.update({k} if k == token.head and pattern.pos == "N" else
                            subtree(s.kids, k) - _decided(s, subtree(s.kids, k)))
    elif code.code not in ("01", "010"):
        # "expressed sorrow for the shootings": what a comment is about is not a second event; but the act a
        # denied claim reports is coded, as denied ("dismissed reports that its jets bombed the hospital")
        for k in s.kids[token.i]:
            if tokens[k].dep == "prep" or k in used:
                consumed.update(subtree(s.kids, k) - _claimed(s, k, code.code))
    if code.quad_class == 4 and pattern.pos == "V":
        # "arrested the opposition leader in a dawn raid", "killed ten fighters during an operation": the raid is
        # how the act was done, the same act, not a second one
        consumed.update(o for c in s.kids[token.i] if tokens[c].dep == "prep" and tokens[c].text.lower() in
                        ("in", "during") for o in s.kids[c] if tokens[o].dep == "pobj"
                        and tokens[o].lemma.lower() in _OPERATIONS)
    if code.code[:2] == "04" or code.code == "036":
        # "attended a conference on the violence in Sudan": what a meeting is about is not a second event
        for h in [token.i] + [k for k in s.kids[token.i] if tokens[k].dep in ("dobj", "obj")]:
            for k in s.kids[h]:
                if tokens[k].dep == "prep" and tokens[k].text.lower() in _TOPIC_PREPOSITIONS:
                    consumed.update(subtree(s.kids, k))
    return consumed


def _claimed(s: _Sentence, k: int, code: str) -> set[int]:
    """The "that" clause of a claim noun a denial takes as object ("denied reports that X bombed Y"), which
    modality codes as denied; empty for other codes and other nouns."""
    tokens = s.tokens
    if code != "016" or tokens[k].dep not in ("dobj", "obj") or tokens[k].lemma.lower() not in _CLAIM_NOUNS:
        return set()
    return {t for c in s.kids[k] if tokens[c].dep in ("acl", "ccomp") and any(
        tokens[g].dep == "mark" and tokens[g].text.lower() == "that" for g in s.kids[c]) for t in subtree(s.kids, c)}


def _denied_claim(s: _Sentence, k: int) -> bool:
    """ "denied reports that its jets had bombed ...": ``k`` is the clause, with its own subject, of a claim noun
    that a negating verb ("deny", "dismiss", "reject") takes as object."""
    tokens = s.tokens
    noun = tokens[tokens[k].head]
    return any(tokens[c].dep == "nsubj" for c in s.kids[k]) and noun.lemma.lower() in _CLAIM_NOUNS and \
        noun.dep in ("dobj", "obj") and tokens[noun.head].lemma.lower() in _NEGATING


def _own_gerund(s: _Sentence, prep: int) -> bool:
    """A gerund with no subject of its own after "after", "before", "despite" ("After meeting the premier, the
    president said"): the main subject's own act in the same news, not background."""
    return s.tokens[prep].text.lower() in _OWN_ACT and any(
        s.tokens[c].dep == "pcomp" and s.tokens[c].tag == "VBG" and
        not any(s.tokens[g].dep in ("nsubj", "nsubjpass") for g in s.kids[c]) for c in s.kids[prep])


def _own_meeting(s: _Sentence, prep: int) -> bool:
    """Talks or a meeting "with" someone after "after" ("Thatcher left Bonn after talks with Kohl", "said after his
    first meeting with the committee"): held by the main subject in the same news, not background."""
    tokens = s.tokens
    head = tokens[prep].head
    if tokens[head].dep in ("acl", "relcl") and any(tokens[c].dep in ("nsubj", "nsubjpass") for c in s.kids[head]):
        return False  # (hung on the clause of a claim: "Putin's claim that Russia had nothing to do with it, after")
    return tokens[prep].text.lower() in _MEETING_AFTER and any(
        tokens[c].dep == "pobj" and tokens[c].lemma.lower() in _MEETING_NOUNS and any(
            tokens[w].dep == "prep" and tokens[w].text.lower() == "with" for w in s.kids[c])
        for c in s.kids[prep])


def _split_clause(s: _Sentence, prep: int) -> int | None:
    """The rest of a clause the parser cut at its conjunction: "after the leaders asked Moscow" is often read as
    the phrase "after the leaders" and a subject-less finite clause "asked Moscow" of the main verb."""
    tokens = s.tokens
    nouns = [c for c in s.kids[prep] if tokens[c].dep == "pobj"]
    if not nouns:
        return None
    end = max(subtree(s.kids, nouns[0]))
    return next((c for c in s.kids[tokens[prep].head] if tokens[c].dep == "advcl"
                 and tokens[c].tag in ("VBD", "VBZ", "VBP") and min(subtree(s.kids, c)) == end + 1
                 and not any(tokens[k].dep in ("nsubj", "nsubjpass") for k in s.kids[c])), None)


def _conditional_clauses(s: _Sentence) -> set[int]:
    """Tokens of clauses that state no act: "if they offered talks", "seeking to mend ties", "aimed at ending"."""
    out: set[int] = set()
    for token in s.tokens:
        if token.dep == "advcl" and any(s.tokens[c].dep == "mark" and s.tokens[c].text.lower() in ("if", "unless")
                                        for c in s.kids[token.i]):
            out |= subtree(s.kids, token.i)
        elif token.dep in ("ccomp", "advcl", "xcomp") and any(
                s.tokens[c].dep == "mark" and (s.tokens[c].text.lower() == "whether" or (
                    s.tokens[c].text.lower() == "if" and s.tokens[token.head].lemma.lower() in ("ask", "wonder")))
                for c in s.kids[token.i]):
            # "asked whether Uganda would withdraw", "it is unclear whether talks will resume", "is deciding whether
            # to expel the envoy": a question
            out |= subtree(s.kids, token.i)
        elif token.dep == "pobj" and token.lemma.lower() in ("event", "case") and \
                s.tokens[token.head].text.lower() == "in" and token.head != token.i:
            out |= subtree(s.kids, token.i) - {token.i}  # "in the event that X attacks", "in case of war"
        elif token.dep in ("advcl", "acl") and token.tag in ("VBG", "VBN") and \
                token.lemma.lower() in _WANT | {"try", "attempt", "push"}:
            out |= subtree(s.kids, token.i) - {token.i}
        elif token.dep == "prep" and token.text.lower() in _BACKGROUND and token.head != token.i and \
                not _own_gerund(s, token.i):
            # "after a week of unrest", "following an attack": the background of the act, reported before (but for
            # the subject's own talks: "after talks with Kohl at the summit" codes the talks, not the summit)
            out |= subtree(s.kids, token.i) - ({c for c in s.kids[token.i] if s.tokens[c].dep == "pobj"}
                                               if _own_meeting(s, token.i) else set())
            clause = _split_clause(s, token.i)
            if clause is not None:
                out |= subtree(s.kids, clause)
        elif token.dep == "advcl" and any(s.tokens[c].dep == "mark" and s.tokens[c].text.lower() in _BACKGROUND
                                          for c in s.kids[token.i]):
            out |= subtree(s.kids, token.i)
        elif token.dep == "acl" and token.tag == "VBN" and s.tokens[token.head].pos in ("NOUN", "PROPN") and \
                not _root_phrase(s, token.head) and not _nonrestrictive(s, token.i) and \
                not _existential(s, token.head) and not _finite_acl(s, token.i) and not _denied_claim(s, token.i) \
                and not _reported_participle(s, token.i):
            # (not "denied reports that Russian jets had bombed the hospital": the act of a denied claim is coded,
            # as denied)
            # "the reporters jailed for criticising the junta", "victims killed by the missile": a past act
            # (not on the sentence's root noun: "Violence flared as ...", "Protesters detained in Minsk" misparsed
            # or a headline, where the participle is the main verb)
            # that identifies who is meant, reported before, not the news of this sentence
            out |= subtree(s.kids, token.i)
        elif token.dep == "pobj" and token.pos == "NOUN" and any(
                s.tokens[c].dep == "amod" and s.tokens[c].lemma.lower() in _ONGOING for c in s.kids[token.i]):
            # "the deadliest raid of the ongoing Kurdish insurgency": a running conflict named as the frame of the
            # news is not a new event each time it is mentioned
            out.add(token.i)
        elif token.dep == "prep" and token.text.lower() in ("of", "at", "against", "over", "to", "for") and \
                _reason_frame(s, token.head):
            # "in protest of the earlier detentions", "in retaliation for the attack", "in response to the shelling":
            # the reason given for the act happened before; it is the background, not this sentence's news
            out |= subtree(s.kids, token.i)
        elif token.dep == "prep" and token.text.lower() in ("because", "due", "owing") and token.head != token.i:
            # "because of the indictments", "due to the shelling": a reason given, reported before
            out |= subtree(s.kids, token.i)
        elif token.dep == "xcomp" and token.head != token.i and s.tokens[token.head].lemma.lower() in _LICENSED and (
                s.tokens[token.head].pos == "ADJ" or any(s.tokens[c].dep == "auxpass" for c in s.kids[token.head])):
            # "they were not authorized to discuss the talks", "is entitled to inspect": what someone may do is
            # no act
            out |= subtree(s.kids, token.i)
        elif _reduced_relative(s, token.i):
            # "The reporters jailed for criticising the junta were freed": the parser read the participle
            # as the main verb; it identifies who is meant, the conjoined passive is the news
            out |= {token.i} | {d for c in s.kids[token.i] if s.tokens[c].dep in ("prep", "agent", "advmod", "npadvmod")
                                for d in subtree(s.kids, c)}
        elif token.dep == "relcl" and any(
                s.tokens[c].dep == "aux" and s.tokens[c].lemma.lower() == "have" for c in s.kids[token.i]):
            # "Paris and Berlin -- which have opposed a tougher stance", "the faction that has taken over towns in
            # Syria": a perfect-tense relative clause describes the actor's record, it does not report the act
            out |= subtree(s.kids, token.i)
    return out


def _root_phrase(s: _Sentence, k: int) -> bool:
    """Noun ``k`` is, or sits in the "of" phrase of, a sentence whose root is a noun: a headline with no verb
    ("Dozens of people killed in air strikes"), whose participle is its news."""
    tokens = s.tokens
    for _ in range(4):
        if tokens[k].dep == "ROOT":
            return tokens[k].pos != "VERB"
        if tokens[k].dep == "pobj" and tokens[tokens[k].head].text.lower() == "of":
            k = tokens[tokens[k].head].head
            continue
        return False
    return False


def _stative(s: _Sentence, k: int) -> bool:
    """ "Turkey is opposed to Swedish membership": a passive of stance, whose subject holds it (no agent)."""
    token = s.tokens[k]
    if token.lemma.lower() not in _STATIVES or token.tag != "VBN" or \
            any(s.tokens[c].dep == "agent" for c in s.kids[k]):
        return False
    return any(s.tokens[c].dep == "nsubjpass" for c in s.kids[k]) or token.dep == "acomp"  # "is opposed to"


def _decided(s: _Sentence, tokens: set[int]) -> set[int]:
    """Inside what is demanded or refused, the phrase of a decision some actor already took ("refuse a decree
    enacting the Council's decision on the impossibility of negotiations"): a fact, not part of the demand."""
    out: set[int] = set()
    for k in tokens:
        if s.tokens[k].lemma.lower() in _DECISIONS and s.tokens[k].pos == "NOUN" and any(
                s.tokens[c].dep == "poss" and c in s.at for c in s.kids[k]):
            out |= {d for c in s.kids[k] if s.tokens[c].dep in ("prep", "acl") for d in subtree(s.kids, c)}
    return out


def _reason_frame(s: _Sentence, k: int) -> bool:
    """Token ``k`` is the noun of "in protest", "in retaliation", "in response" (the object of "in")."""
    token = s.tokens[k]
    return token.lemma.lower() in _REASONS and token.dep == "pobj" and token.head != k and \
        s.tokens[token.head].text.lower() == "in"


def _finite_acl(s: _Sentence, k: int) -> bool:
    """A past participle read as modifying the noun before it but with a direct object of its own: the parser
    missed a finite verb ("Israeli airstrikes killed at least 30 people", with "airstrikes" as the root)."""
    token = s.tokens[k]
    if token.dep == "acl" and token.tag == "VBD" and token.head != k and s.tokens[token.head].dep in ("nsubj", "ROOT") \
            and (s.tokens[token.head].dep == "nsubj" or s.tokens[-1].text == "."):
        # "The NATO chief called on both sides ..., his spokesman said", "The NATO chief called on both sides to
        # de-escalate.": a past tense (no participle) on a subject, or on the root of a sentence with a stop
        return True
    if not (token.dep == "acl" and token.tag in ("VBN", "VBD") and token.head != k and
            s.tokens[token.head].dep == "ROOT"):
        return False
    return any(s.tokens[c].dep in ("dobj", "obj") for c in s.kids[k])  # with an object of its own


def _reported_participle(s: _Sentence, k: int) -> bool:
    """A participle on the object of a verb of reporting: the reported clause of a headline, misread ("Zelensky says
    2,500 troops killed in fighting": the troops were killed, it is the news, not who is meant)."""
    head = s.tokens[s.tokens[k].head]
    return head.i != k and head.dep in ("dobj", "obj") and head.head != head.i and \
        s.tokens[head.head].lemma.lower() in _SAYING


def _headline_passive(s: _Sentence, k: int, force: bool = False) -> bool:
    """A past participle heading a sentence with no closing stop, with a subject and no auxiliary or object: a
    headline's passive ("Dozens of protesters detained in Minsk", "Envoy summoned over remarks"), whose subject
    underwent the act (in running text a participle so tagged is as often a past tense misread: "France on
    Wednesday condemned as unacceptable ...")."""
    token = s.tokens[k]
    deps = {s.tokens[c].dep for c in s.kids[k]}
    # the parser's past tense is a passive too when its result is "dead" ("Three policemen shot dead in Kashmir")
    # or, with ``force``, when the verb of force takes an object ("Protesters detained in Minsk")
    dead = any(s.tokens[c].dep in ("acomp", "oprd", "xcomp") and s.tokens[c].lemma.lower() == "dead" for c in s.kids[k])
    past = dead or (force and token.lemma.lower() not in _HEADLINE_ACTIVE)
    # (also a headline's reported clause: "Zelensky says 2,500 troops killed in conflict with Russia")
    reported = token.dep == "ccomp" and token.head != k and s.tokens[token.head].dep == "ROOT" and \
        s.tokens[token.head].lemma.lower() in _SAYING
    return (token.dep == "ROOT" or reported) and (token.tag == "VBN" or (token.tag == "VBD" and past)) and \
        token.pos == "VERB" and \
        "nsubj" in deps and \
        not deps & {"aux", "auxpass", "dobj", "obj", "ccomp", "xcomp", "nsubjpass"} and \
        s.tokens[-1].text not in (".", "!", "?", '"', "”")


def _absolute_passive(s: _Sentence, k: int) -> bool:
    """A past participle in an absolute "with" phrase ("..., with 52 civilians killed", "with dozens of protesters
    detained"): passive, though the parser gives its noun as the subject; the noun underwent the act."""
    token = s.tokens[k]
    introduced = any(s.tokens[c].dep == "mark" and s.tokens[c].text.lower() == "with" for c in s.kids[k]) or (
        token.dep == "pcomp" and s.tokens[token.head].text.lower() == "with")  # (or the parser's "with" + pcomp)
    return token.tag in ("VBN", "VBD") and token.pos == "VERB" and introduced and any(
        s.tokens[c].dep == "nsubj" for c in s.kids[k]) and not any(
        s.tokens[c].dep in ("aux", "auxpass", "dobj", "obj") for c in s.kids[k])


def _credit_tail(tokens: Sequence[Token]) -> set[int]:
    """The words of a headline's closing credit ("Gunmen kill 3 in central Nigeria: police", "China opposes arms
    sales to Taiwan: military spokesperson"): who said it, never a side of the act before the colon. A short tail
    after the last colon, with no verb, comma or "and" (not "met two leaders: Erdogan and Raisi"), and not a
    transcript's opening "Name: ..."."""
    colon = max((t.i for t in tokens if t.text == ":"), default=None)
    if colon is None or colon < 3:
        return set()
    tail = [t for t in tokens[colon + 1:] if t.pos != "PUNCT" or t.text not in (".", "!", "?")]
    if not 1 <= len(tail) <= 6 or any(t.pos in ("VERB", "AUX", "CCONJ") or t.text == "," for t in tail):
        return set()
    return {t.i for t in tail}


def _subjectless_passive(s: _Sentence, k: int) -> bool:
    """A passive participle with its auxiliary and no subject of its own ("... and was released in 2011")."""
    return s.tokens[k].tag == "VBN" and any(s.tokens[c].dep == "auxpass" for c in s.kids[k]) and not any(
        s.tokens[c].dep in ("nsubj", "nsubjpass") for c in s.kids[k])


def _shared_passive(s: _Sentence, k: int) -> bool:
    """A passive verb joined to another, with no subject of its own ("Sinwar served 20 years and was released in
    2011"): the subject it shares underwent its act rather than doing it."""
    return s.tokens[k].dep == "conj" and _subjectless_passive(s, k) and not any(
        s.tokens[c].dep == "csubj" for c in s.kids[k]) and not _stative(s, k)


def _reduced_relative(s: _Sentence, k: int) -> bool:
    """A past-tense main verb with a subject and no object, conjoined to a passive verb with no subject of its
    own: a misparsed reduced relative ("The civilians imprisoned for X were released by Y")."""
    token, kids = s.tokens[k], s.kids[k]
    if token.head != k or token.tag not in ("VBD", "VBN") or token.pos != "VERB":
        return False
    deps = [s.tokens[c].dep for c in kids]
    if "nsubj" not in deps or any(d in deps for d in ("dobj", "obj", "aux", "auxpass", "ccomp", "xcomp")):
        return False
    return any(s.tokens[c].dep == "conj" and _subjectless_passive(s, c)
               and not any(s.tokens[g].dep == "cc" for g in kids) for c in kids)


def _existential(s: _Sentence, k: int) -> bool:
    """Token ``k`` is what "there were/was ..." introduces ("There were 10 soldiers killed"): the news itself."""
    head = s.tokens[k].head
    return s.tokens[k].dep == "attr" and any(s.tokens[c].dep == "expl" for c in s.kids[head])


def _nonrestrictive(s: _Sentence, k: int) -> bool:
    """A relative clause set off by a comma or a dash ("X, which ...")."""
    first = min(subtree(s.kids, k))
    return first > 0 and s.tokens[first].text.lower() in ("which", "who") and \
        s.tokens[first - 1].text[-1:] in (",", "-", "—", "–")  # the tokenizer may leave "Beijing--" whole


def _purpose(s: _Sentence, k: int) -> bool:
    """An infinitival purpose clause without its own subject: "to increase trade", "to mediate"."""
    token = s.tokens[k]
    return token.dep in ("advcl", "acl") and token.pos == "VERB" and \
        any(s.tokens[c].dep == "aux" and s.tokens[c].text.lower() == "to" for c in s.kids[k]) and \
        not any(s.tokens[c].dep in ("nsubj", "nsubjpass") for c in s.kids[k])
