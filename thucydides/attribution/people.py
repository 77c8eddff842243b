"""The people and organisations an article names, indexed once before its sentences are read: who holds
which role ("Defence Minister Manohar Parrikar"), surnames and full names, organisations in order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from thucydides.attribution.state import State
from thucydides.attribution.words import ORG_WORDS, PARTICLES, PLACE_ENTITIES, ROLE_KEYS, TITLES, role_key
from thucydides.types import ActorMention, Article, Hop, Sentence, Token


def named_roles(article: Article, at_by: dict[int, dict[int, ActorMention]]) -> dict[str, list[tuple[int, Hop]]]:
    """Every person the article names with a role: a title before the name ("Defence Minister Manohar Parrikar",
    "police spokesman Terna Tyopev") or a role set off by commas ("Terna Tyopev, the state police spokesperson,";
    "Investigating officer, ASI Rachhpal Singh,"). A later "the minister said", or a lead's "a police
    spokesperson told Xinhua" that the article names further down, is that person."""
    out: dict[str, list[tuple[int, Hop]]] = {}
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = at_by.get(sentence.index, {})
        for k, last in name_runs(tokens, at):
            if tokens[last].ent_type in PLACE_ENTITIES:
                continue  # "near the Liancourt Rocks, the foreign ministry said": a place holds no role
            mention = at.get(last)
            dictionary_role: list[str] = []
            if mention is not None and mention.actor.kind == "person":
                hop = Hop(mention.actor.name, "named", mention.actor.code)
                # the role the dictionary gives for the article's date ("Defence Minister of India (2014-...")
                found = re.search(r", ([^,(]+?) (?:\(|->)", mention.evidence)
                dictionary_role = re.findall(r"[a-z]+", found.group(1).lower()) if found else []
            else:
                # "Ambassador Jean-Marc de La Sabliere", "Homeland Security Secretary Kirstjen Nielsen": the name
                # starts after the last title word of the run
                titles = [j for j in range(k, last) if ROLE_KEYS.get(tokens[j].text.lower().rstrip("."))
                          or tokens[j].text.lower().rstrip(".") in TITLES]
                first = titles[-1] + 1 if titles else k
                hop = Hop(name_text(tokens, first, last), "named", None)
            for word in dictionary_role:
                if word in ROLE_KEYS:
                    out.setdefault(ROLE_KEYS[word], []).append((sentence.index, hop))
            roles = [tokens[j] for j in range(max(0, k - 4), k)]  # a title: "Defence Minister", "police spokesman"
            roles += [tokens[j] for j in range(k, last) if not any(tokens[j].text == h for h in hop.name.split())]
            roles = roles[max((n + 1 for n, t in enumerate(roles)
                               if t.pos in ("PUNCT", "DET", "VERB", "AUX", "ADP", "CCONJ")), default=0):]
            if last + 1 < len(tokens) and tokens[last + 1].text == ",":
                phrase = role_phrase(tokens, range(last + 2, min(len(tokens), last + 9)))
                name = tokens[last]
                inside = name.dep == "pobj" or (name.dep == "conj" and tokens[name.head].dep == "pobj")
                if not (inside and any(t.dep in ("nsubj", "nsubjpass") for t in phrase)):
                    roles += phrase  # "in interviews with Mr. Stephanopoulos, the governor said": the next clause
            if k > 0 and tokens[k - 1].text == ",":
                roles += role_phrase(tokens, range(k - 2, max(-1, k - 9), -1))
            for token in roles:
                key = role_key(token.text) or role_key(token.lemma)
                if key:
                    out.setdefault(key, []).append((sentence.index, hop))
    return out


def organisations(article: Article, at_by: dict[int, dict[int, ActorMention]]) -> list[tuple[int, Hop]]:
    """Organisations the article names (the parser's ORG names, or dictionary groups and institutions), in order:
    whom an unattached "a spokesman said" or "its bosses said" speaks for."""
    out: list[tuple[int, Hop]] = []
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = at_by.get(sentence.index, {})
        k = 0
        while k < len(tokens):
            mention = at.get(k)
            if mention is not None and mention.actor.kind in ("organization", "group", "igo", "ngo", "institution"):
                out.append((sentence.index, Hop(mention.actor.name, "institution", mention.actor.code)))
                k = mention.token_end
                continue
            if mention is not None and mention.actor.kind == "role" and mention.actor.entity is None and \
                    len(mention.text.split()) > 1 and all(w[:1].isupper() for w in mention.text.split()):
                # a force or body named in capitals the dictionaries lack: "West Yorkshire Police"
                out.append((sentence.index, Hop(mention.text, "institution", mention.actor.code)))
                k = mention.token_end
                continue
            if mention is None and tokens[k].ent_type == "ORG" and tokens[k].ent_iob == "B" and \
                    tokens[k].pos == "PROPN":
                last = k
                while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I" and tokens[last + 1].ent_type == "ORG":
                    last += 1
                covered = [at[j] for j in range(k, last + 1) if j in at]
                if all(m.actor.kind == "role" and m.actor.entity is None for m in covered):
                    # "Thames Valley Police": the parser's name, the sector word the dictionary matched inside it
                    code = covered[-1].actor.code if covered else None
                    out.append((sentence.index, Hop(name_text(tokens, k, last), "institution", code)))
                k = last + 1
                continue
            k += 1
    return out


def full_names(article: Article, at_by: dict[int, dict[int, ActorMention]]) -> dict[str, str]:
    """Surname -> full name for the people the article names in full ("Doc Smith" ... "Smith said")."""
    out: dict[str, str] = {}
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = at_by.get(sentence.index, {})
        for k, last in name_runs(tokens, at):
            while k < last and (ROLE_KEYS.get(tokens[k].text.lower().rstrip("."))
                                or tokens[k].text.lower().rstrip(".") in TITLES):
                k += 1
            # a name right after a title is a person's whatever the parser called it ("editor-in-chief Eero
            # Lassila", not tagged a person)
            titled = k > 0 and (role_key(tokens[k - 1].text) or tokens[k - 1].text.lower().rstrip(".") in TITLES)
            person = bool(titled) or any(tokens[j].ent_type == "PERSON" or (j in at and at[j].actor.kind == "person")
                                         for j in range(k, last + 1))
            if person and last > k and tokens[last].text not in out and tokens[last].text.lower() not in ORG_WORDS:
                out[tokens[last].text] = name_text(tokens, k, last)
    return out


def name_runs(tokens: Sequence[Token], at: dict[int, ActorMention]) -> list[tuple[int, int]]:
    """Stretches of capitalised proper nouns that may name a person: a person the dictionary knows, a PERSON
    entity, or two or more proper nouns no other actor claims (the small model often calls names ORG)."""
    def name_word(j: int) -> bool:
        return tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper()

    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if not name_word(k):
            k += 1
            continue
        last = k
        while last + 1 < len(tokens):
            if name_word(last + 1):
                last += 1
            elif last + 2 < len(tokens) and name_word(last + 2) and (
                    tokens[last + 1].text.lower() in PARTICLES
                    or (tokens[last + 1].text == "-" and tokens[last + 1].start == tokens[last].end)):
                last += 2  # "Jean-Marc de La Sabliere", "Abu Mohammad al-Golani"
            else:
                break
        kinds = {at[j].actor.kind for j in range(k, last + 1) if j in at}
        if kinds - {"person", "role"} and last not in at:
            # "Homeland Security Secretary Kirstjen Nielsen": the institution is the title, the rest the name
            start = max(j for j in range(k, last + 1) if j in at) + 1
            if last > start or tokens[last].ent_type == "PERSON":
                runs.append((max(k, start - 1) if role_key(tokens[start - 1].text) else start, last))
        elif "person" in kinds or (kinds <= {"role"} and (tokens[last].ent_type == "PERSON" or last > k)):
            runs.append((k, last))
        k = last + 1
    return runs


def name_text(tokens: Sequence[Token], first: int, last: int) -> str:
    out = tokens[first].text
    for j in range(first + 1, last + 1):
        out += (" " if tokens[j].start > tokens[j - 1].end else "") + tokens[j].text
    return out


def role_phrase(tokens: Sequence[Token], positions: range) -> list[Token]:
    """The nouns of a short phrase set off by a comma, up to the next comma or verb."""
    out = []
    for j in positions:
        if tokens[j].text == "," or tokens[j].pos in ("VERB", "AUX"):
            break
        if tokens[j].pos in ("NOUN", "PROPN"):
            out.append(tokens[j])
    return out


def role_person(token: Token, state: State, country: str | None = None) -> Hop | None:
    """The person a role noun stands for: the one last named with that role, else the next ("a police
    spokesperson told Xinhua ..." then "Terna Tyopev, the state police spokesperson, said"); a country the
    role phrase states ("the Indian defence minister") must be the person's."""
    if token.tag not in ("NN", "NNP") or token.pos not in ("NOUN", "PROPN"):
        return None
    key = role_key(token.lemma) or role_key(token.text)
    people = [(index, hop) for index, hop in state.named_roles.get(key or "", [])
              if country is None or hop.code is None or hop.code[:3] == country]
    before = [hop for index, hop in people if index <= state.sentence]
    after = [hop for index, hop in people if index > state.sentence]
    if before:
        return before[-1]
    return after[0] if after and len({h.name for h in after}) == 1 else None


def noun_phrase(tokens: Sequence[Token], k: int) -> str:
    start = k
    while start > 0 and (tokens[start - 1].dep in ("amod", "compound", "det", "nummod") or
                         tokens[start - 1].tag == "HYPH") and tokens[start - 1].head in range(start, k + 1):
        start -= 1  # "secretary-general": a hyphen inside the phrase joins its words
    words = [t for t in tokens[start:k + 1] if t.text.lower() not in ("the", "a", "an")]
    return "".join(t.text if n == 0 or t.start == words[n - 1].end else " " + t.text for n, t in enumerate(words))


def last_named(sentence: Sentence, at: dict[int, ActorMention], quoted: Sequence[tuple[int, int]],
               state: State) -> Hop | None:
    """The last person the sentence names as a subject outside a quotation: a person the dictionary knows, else a PERSON
    entity by the full name the article gives it ("Kevin McCarthy" for a later "McCarthy"); for a "he said"
    when no one has spoken yet and the coreference stage knows no one (it answers only with actors)."""
    tokens = sentence.tokens
    found: Hop | None = None
    for k, last in name_runs(tokens, at):
        if any(a <= tokens[k].start < b for a, b in quoted) or tokens[last].dep not in ("nsubj", "nsubjpass"):
            continue  # (the subject of a clause: "X criticized Y. '...,' he said" is X's)
        mention = at.get(last)
        if mention is not None and mention.actor.kind == "person":
            found = Hop(mention.actor.name, "named", mention.actor.code)
        elif mention is None and tokens[last].ent_type == "PERSON":
            name = name_text(tokens, next(j for j in range(k, last + 1) if tokens[j].ent_type == "PERSON"), last)
            found = Hop(state.full_names.get(name, name), "named", None)
    return found
