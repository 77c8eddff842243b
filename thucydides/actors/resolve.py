"""Resolve actor mentions in parsed sentences to dated CAMEO-style codes.

How a sentence is read:

1. **Match.** Every dictionary phrase is found by longest match over the tokens (``"Russian Foreign Minister
   Sergey Lavrov"`` -> adjective *Russian*, sector phrase *foreign minister*, person *Sergey Lavrov*). A surname
   alone matches a known person only when it is not part of a longer, different name. Names the parser tags as
   PERSON but no dictionary knows become *name* units.
2. **Group.** Adjacent units, with modifiers between them (``the``, ``'s``, ``senior``, ``former``) and ``of`` /
   ``for`` after a role (``the foreign minister of Iran``), make one mention. Commas and ``and`` separate mentions
   and mark lists.
3. **Compose.** A known person takes their role on the article's date; an organisation its code; a country or
   capital plus the strongest role phrase gives country + sector (``Kenyan police`` -> KENCOP); a capital alone is
   its government (metonymy) unless a locative preposition makes it a place (``in Kyiv``).
4. **Context.** A role phrase with no country (``the ministry``, ``the regional governor``) refers back to the
   last mention with the same head, else takes the dateline's country; a surname refers back to the person
   named in full; ``the newspaper`` to the last outlet named; in ``US and Ukrainian officials`` the head noun is
   shared.

Every mention records its ``rule`` and ``evidence`` (the dictionary line that decided it).

The steps live in one module each, as mixins of :class:`Resolver`: ``matching`` (1), ``grouping`` (2),
``composing`` (3), ``context`` (4: the article's memory and the mentions read from it) and ``lists`` (lists and
appositions); ``records`` holds the records they pass along. This module reads a sentence through them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from thucydides.actors.composing import Composing
from thucydides.actors.context import Referring, _Context, article_date
from thucydides.actors.dictionary import ActorDictionary, default_dictionary, phrase_key
from thucydides.actors.grouping import Grouping
from thucydides.actors.lists import Lists
from thucydides.actors.matching import Matching
from thucydides.actors.records import _Resolved
from thucydides.types import ActorMention, Article, Sentence, Token


class Resolver(Matching, Grouping, Composing, Referring, Lists):
    """Holds the loaded dictionaries; call :meth:`article` for a parsed article."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.d = dictionary or default_dictionary()

    # -- public ---------------------------------------------------------------------------------------
    def article(self, article: Article, *, today: date | None = None) -> tuple[ActorMention, ...]:
        country = article.dateline.country if article.dateline else None
        context = _Context(on=article_date(article, today), country=country)
        out: list[ActorMention] = []
        for sentence in article.sentences:
            out.extend(self.sentence(sentence, article.text, context))
        return tuple(out)

    def sentences(self, sentences: Sequence[Sentence], text: str, *, on: date,
                  country: str | None = None) -> tuple[ActorMention, ...]:
        context = _Context(on=on, country=country)
        return tuple(m for s in sentences for m in self.sentence(s, text, context))

    def sentence(self, sentence: Sentence, text: str, context: _Context) -> list[ActorMention]:
        tokens = sentence.tokens
        if not tokens:
            return []
        units = self._match(tokens, context)
        segments = self._group(tokens, units)
        resolved: list[_Resolved] = []
        for segment in segments:  # in order: a mention may refer back to one earlier in the same sentence
            found = self._compose(segment, tokens, context)
            if found is not None:
                resolved.append(found)
                self._remember(found, context, tokens)
        self._lists(resolved, tokens, context)
        self._strangers(tokens, resolved, context)
        for changed in self._appositions(resolved, tokens):
            self._remember(changed, context, tokens)
        out = []
        for r in resolved:
            if r.modifier:
                continue
            seg = r.segment
            start, end = tokens[seg.i].start, tokens[seg.j - 1].end
            out.append(ActorMention(text=text[start:end], start=start, end=end, sentence=sentence.index,
                                    token_start=seg.i, token_end=seg.j, actor=r.actor, rule=r.rule,
                                    evidence=r.evidence, list_id=r.list_id, head=r.head))
        return out

    def _strangers(self, tokens: Sequence[Token], resolved: list[_Resolved], context: _Context) -> None:
        """Remember the surnames of people named in full (a PERSON name of two words or more) whom no dictionary
        person matches: "Rick Perry" makes a later bare "Perry" no former head of state of Liberia."""
        known = {k for r in resolved if r.actor.entity for k in range(r.segment.i, r.segment.j)}
        k = 0
        while k < len(tokens):
            if tokens[k].ent_type != "PERSON" or tokens[k].ent_iob != "B":
                k += 1
                continue
            j = k + 1
            while j < len(tokens) and tokens[j].ent_iob == "I" and tokens[j].ent_type == "PERSON":
                j += 1
            words = [phrase_key(t.text) for t in tokens[k:j] if t.text[:1].isalpha()]
            if len(words) >= 2 and not known & set(range(k, j)):
                namesakes = (self.d.people[e] for e in self.d.surnames.get(words[-1], ()) if e in self.d.people)
                if not any(set(words[:-1]) & set(phrase_key(p.name).split(" ")[:-1]) for p in namesakes):
                    context.strangers.add(words[-1])  # "Barack] Obama" shares a first name: no stranger
            k = j

