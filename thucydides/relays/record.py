"""A relay as the JSON object `thucydides relays`, the API and the store give (docs/relays.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from thucydides.relays.claims import retold_claims
from thucydides.relays.detect import Relay
from thucydides.relays.text import Text


def relay_to_json(relay: Relay, text: Text | None, original: Text | None) -> dict[str, Any]:
    """``relay`` and ``original`` are article ids (``original`` None when the original is not stored); the
    spans are character offsets into each article's text."""
    alignment = relay.alignment
    credit = relay.credit
    return {
        "relay": relay.relay,
        "original": relay.original,
        "outlet": relay.outlet,
        "kind": relay.kind,
        "similarity": relay.similarity,
        "day": relay.day.isoformat() if relay.day else None,
        "relay_outlet": text.outlet if text else None,
        "relay_published": text.published.isoformat() if text and text.published else None,
        "original_outlet": original.outlet if original else None,
        "credit": None if credit is None else {
            "start": credit.start, "end": credit.end, "cue": credit.cue,
            "text": text.text[credit.start:credit.end] if text else None},
        "retold": [asdict(r) for r in alignment.retold] if alignment else [],
        "added": [asdict(a) for a in alignment.added] if alignment else [],
        "changed": [asdict(c) for c in alignment.changed] if alignment else [],
        "dropped": [asdict(d) for d in alignment.dropped] if alignment else [],
        "coverage": alignment.coverage if alignment else None,
        # the coded events of the retold clauses beside the original's, with the relay's changes to each
        "claims": retold_claims(text, original, alignment) if alignment and text and original else [],
    }
