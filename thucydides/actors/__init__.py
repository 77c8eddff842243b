"""The actor stage: dictionaries of who is who, and resolution of mentions to dated CAMEO-style codes."""

from thucydides.actors.context import article_date
from thucydides.actors.dictionary import ActorDictionary, Entry, default_dictionary, load_dictionary, phrase_key
from thucydides.actors.records import split_code
from thucydides.actors.resolve import Resolver

__all__ = ["ActorDictionary", "Entry", "Resolver", "article_date", "default_dictionary", "load_dictionary",
           "phrase_key", "split_code"]
