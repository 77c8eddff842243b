"""Relays: which article retells which, named or not, and what the relay added, changed and dropped.

``text`` (what the stage reads of an article), ``naming`` (credits: "the newspaper X reported"), ``align``
(clause-level alignment of a relay with its original), ``detect`` (named, unnamed or syndicated), ``record``
(the JSON object). The store side is ``thucydides/store/relays.py``; docs/relays.md says how it works.
"""

from thucydides.relays.align import Alignment, align
from thucydides.relays.detect import Relay, between, detect
from thucydides.relays.naming import Credit, credits
from thucydides.relays.text import Text, from_record

__all__ = ["Alignment", "Credit", "Relay", "Text", "align", "between", "credits", "detect", "from_record"]
