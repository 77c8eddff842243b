"""The attribution stage: framing flags now; quotes, reporting frames and source chains next (issue 5)."""

from thucydides.attribution.framing import framing, lexicon

__all__ = ["framing", "lexicon"]
