"""The actor stage: dictionaries of who is who, and resolution of mentions to dated CAMEO-style codes."""

from thucydides.actors.dictionary import ActorDictionary, Entry, default_dictionary, load_dictionary, phrase_key
from thucydides.actors.resolve import Resolver, article_date, split_code

__all__ = ["ActorDictionary", "Entry", "Resolver", "article_date", "default_dictionary", "load_dictionary",
           "phrase_key", "split_code"]
