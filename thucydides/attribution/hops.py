"""How an actor the actor stage resolved speaks, as a hop of a chain: a person, an outlet, an institution, an
unnamed source."""

from __future__ import annotations

import re

from thucydides.actors.dictionary import default_dictionary
from thucydides.attribution.words import ANONYMOUS_WORDS, INSTITUTION_NOUNS, MEDIA_NOUNS
from thucydides.types import ActorMention, Hop


def hop_of(mention: ActorMention) -> Hop:
    """The hop of a speaker the actor stage resolved."""
    actor = mention.actor
    text = mention.text.lower()
    if actor.kind == "media" or actor.sector == "MED" or (text.split() or [""])[-1] in MEDIA_NOUNS:
        # "Israeli public radio", "state media", "state television"
        return Hop(actor.name if actor.kind == "media" else mention.text, "outlet", actor.code)
    if actor.kind == "person" and mention.rule == "coreference" and \
            any(w in ANONYMOUS_WORDS for w in text.split()):
        return Hop(mention.text, "anonymous", actor.code)  # "said the official, who asked not to be named"
    if actor.kind == "person" and mention.rule == "coreference" and text.split()[-1:] and \
            text.split()[-1] in INSTITUTION_NOUNS:
        # "Joe Biden's administration said": the body the person heads, not the person
        return Hop(f"{actor.name} {text.split()[-1]}", "institution", actor.code)
    if actor.kind == "person":
        return Hop(actor.name, "named", actor.code)
    words = text.split()
    if words and (words[-1] in ANONYMOUS_WORDS or (any(w in words for w in ANONYMOUS_WORDS) and actor.kind == "role")):
        # "Egyptian medical sources", "US officials": unnamed members, coded by the group they belong to
        return Hop(mention.text, "anonymous", actor.code)
    surface = re.sub(r"^(?:the|a|an)\s+", "", mention.text.strip(), flags=re.I)  # the text's words, no article
    if actor.kind == "role" and actor.code.startswith("---") and mention.text.strip():
        # a role whose country is unknown keeps the text's words ("the legislature"), not "unidentified ..."
        return Hop(surface, "institution", actor.code)
    if actor.kind in ("role", "government") and actor.entity is None:
        # a role phrase the text names precisely ("US authorities", "the Russian Foreign Ministry", "Texas
        # Department of Public Safety") keeps its own words; a bare "the government" takes the actor's label
        body = re.sub(r"\s+(?:spokes(?:man|woman|person)|official|officials)$", "", surface)  # "... spokesman"
        if any(w[:1].isupper() for w in body.split()) and len(body.split()) <= 6 and body.split()[-1][:1].isalpha():
            return Hop(body, "institution", actor.code)
        if actor.country and actor.country in default_dictionary().countries and \
                body.replace(" ", "").isalpha() and len(body.split()) <= 3 \
                and body.lower() not in ("government", "administration", "spokesman", "spokeswoman", "spokesperson"):
            # "authorities said" in a Houston story: "American authorities", the words of the text with their country
            return Hop(f"{default_dictionary().country_label(actor.country)} {body}", "institution", actor.code)
    last = surface.split()[-1] if surface.split() else ""
    if actor.kind == "group" and last[:1].isupper() and last.endswith("s") and last not in actor.name.split():
        # "Other Democrats said", "House Republicans said": members of the party speak, in the text's words
        return Hop(surface, "institution", actor.code)
    return Hop(actor.name, "institution", actor.code)
