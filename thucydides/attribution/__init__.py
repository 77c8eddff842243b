"""The attribution stage: quotes, speakers, reporting frames and source chains; framing flags."""

from thucydides.attribution.framing import framing, lexicon
from thucydides.attribution.quotes import attribute, publisher_hop

__all__ = ["attribute", "framing", "lexicon", "publisher_hop"]
