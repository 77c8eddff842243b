"""Code events from parsed sentences: trigger patterns plus arguments from the dependency parse.

For each verb, noun or predicative adjective whose lemma has patterns, the most specific matching pattern gives
the CAMEO code; the source and target come from the parse:

- verbs: subject (inherited through "agreed to meet", "urged ... to"), passive subject as target and the
  ``by`` agent as source, direct or indirect object as target, else the object of a target preposition
  ("talks with", "sanctions against", "called on");
- nouns: possessor or actor modifier ("Russia's invasion", "US sanctions", "Russian airstrikes"), ``by`` and
  ``from`` phrases ("a request for help from the rebels"), else the subject of the verb that governs the
  noun ("imposed sanctions"); target from ``against``/``on``/``of``/``with``/``to`` on the noun or its verb;
- coordination gives one event per source and per target; a reciprocal verb with a plural subject ("X and Y
  agreed") gives both directions;
- a meeting place ("met in Doha") is the location, never the target.

Statements (CAMEO 010) are not events here: what was said is a quote with its own attribution.
"""

from __future__ import annotations

from datetime import date

from thucydides.actors import coreference
from thucydides.actors.dictionary import ActorDictionary, default_dictionary
from thucydides.actors.context import article_date
from thucydides.events.agents import Agents
from thucydides.events.arguments import Arguments
from thucydides.events.assembly import Assembly
from thucydides.events.dedupe import _dedupe
from thucydides.events.codebook import codebook
from thucydides.events.conventions import Conventions
from thucydides.events.dates import date_spans
from thucydides.events.derived import Derived
from thucydides.events.matching import Matching
from thucydides.events.mentions import Mentions
from thucydides.events.patterns import Pattern, patterns
from thucydides.events.roles import Roles
from thucydides.events.scope import _conditional_clauses, _consumed_by, _credit_tail
from thucydides.events.sentence import _Sentence
from thucydides.events.situating import Situating
from thucydides.tree import children
from thucydides.types import ActorMention, Article, Event, Location, Reference, Sentence


# The steps live in one module each: matching (the pattern of a trigger), scope (what is no news: conditions,
# background, content, purpose), arguments (source and target), roles (subject, objects, prepositions),
# mentions (the actors a phrase names), conventions (CAMEO's recodes), derived (demands and accusations no
# pattern codes), assembly (Event records and dedupe) and situating (the country of each actor).
SCENE_SENTENCES = 2  # how many sentences with no placed act of their own keep the place of the act before


class EventCoder(Matching, Arguments, Agents, Roles, Mentions, Conventions, Derived, Assembly, Situating):
    """Holds the patterns, the codebook and the actor dictionary; call :meth:`article`."""

    def __init__(self, dictionary: ActorDictionary | None = None,
                 pattern_index: dict[tuple[str, str], list[Pattern]] | None = None) -> None:
        self.patterns = pattern_index if pattern_index is not None else patterns()
        self.codes = codebook()
        self.d = dictionary or default_dictionary()

    # -- public -----------------------------------------------------------------------------------------
    def article(self, article: Article, *, today: date | None = None) -> tuple[Event, ...]:
        report = article_date(article, today) if (article.published or today) else None
        by_sentence: dict[int, list[ActorMention]] = {}
        for mention in article.actors:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        refs = coreference.by_sentence(article.references)
        events: list[Event] = []
        recent: list[ActorMention] = []
        scene: Location | None = None
        age = 0  # sentences since the scene's act
        for sentence in article.sentences:
            mentions = by_sentence.get(sentence.index, [])
            found = self.sentence(article, sentence, mentions, report, recent, refs.get(sentence.index, {}), scene)
            events.extend(found)
            recent.extend(mentions)
            # the place of this sentence's last act with a known country; a sentence that places no act of its own
            # keeps the one before for a while ("... attack on Kyiv. The assault damaged buildings. At least 83
            # people were wounded."), as long as it names no other country (situating.py asks the sentence first)
            placed = next((e.location for e in reversed(found) if e.location is not None and e.location.country
                           and e.location.country in self.d.countries), None)
            if placed is not None:
                scene, age = placed, 0
            elif scene is not None:
                age += 1
                others = {m.actor.country for m in mentions if m.actor.country in self.d.countries} - {scene.country}
                scene = scene if age <= SCENE_SENTENCES and not others else None
        return tuple(events)

    def sentence(self, article: Article, sentence: Sentence, mentions: list[ActorMention], report: date | None,
                 recent: list[ActorMention], refs: dict[int, Reference] | None = None,
                 scene: Location | None = None) -> list[Event]:
        tokens = sentence.tokens
        if not tokens:
            return []
        credit = _credit_tail(tokens)  # "...: police": who said it is no side of the act
        mentions = [m for m in mentions if m.token_start not in credit]
        at = {k: m for m in mentions for k in range(m.token_start, m.token_end)}
        s = _Sentence(sentence, tokens, children(tokens), mentions, at, sentence.start, refs or {}, recent, scene)
        spans = date_spans(tokens)
        consumed: set[int] = set()
        hypothetical = _conditional_clauses(s)  # "if they offered talks": a condition, not an event
        out: list[Event] = []
        matched: set[int] = set()
        for token in tokens:
            if token.i in consumed or token.i in hypothetical:
                continue
            match = self._match(s, token)
            if match is None:
                continue
            matched.add(token.i)
            pattern, used = match
            code = self.codes[pattern.code]
            consumed.update(used)
            consumed.update(_consumed_by(s, token, pattern, code, used))
            if code.code in ("01", "010"):
                continue  # statements are quotes (attribution), not events
            sources, targets, reciprocal = self._arguments(s, token, pattern, matched)
            if not sources and pattern.pos == "V" and self._event_subject(s, token.i) & matched:
                continue  # "a walkout that paralysed the capital": what an event did is not a second act
            out.extend(self._events(article, s, token, pattern, code, sources, targets, reciprocal, report, spans,
                                    used))
        out.extend(self._accusations(article, s, out, report, spans))
        out.extend(self._charges(article, s, report, spans))
        out.extend(self._obligations(article, s, matched, consumed | hypothetical, report, spans))
        # an act whose actors are named only by role ("Rioters torched shops", "police arrested two men") stays
        # with the country blank, as GDELT leaves it: domestic news often never names its country, and a
        # country-level analysis filters on the country, which a dropped event would not let it see
        return _dedupe(out)
