"""The event stage: CAMEO and PLOVER events from parsed sentences and resolved actors."""

from thucydides.events.code import EventCoder
from thucydides.events.codebook import CameoCode, codebook

__all__ = ["CameoCode", "EventCoder", "codebook"]
