"""The claims a relay retells: each coded event of a retold clause beside the original's event, with what the
relay changed about it (its modality, the hedges and framing in its sentence).

An event of the relay is retold when its trigger lies in a retold span; its original is the original's event
whose trigger lies in the aligned original span, with the same CAMEO code (else the same root).
"""

from __future__ import annotations

from typing import Any

from thucydides.relays.align import Alignment
from thucydides.relays.text import Event, Text


def retold_claims(relay: Text, original: Text, alignment: Alignment) -> list[dict[str, Any]]:
    out = []
    for event in relay.events:
        span = next((r for r in alignment.retold if r.start <= event.trigger < r.end), None)
        if span is None:
            continue
        theirs = [e for e in original.events if span.original_start <= e.trigger < span.original_end]
        match = next((e for e in theirs if e.cameo == event.cameo), None) or next(
            (e for e in theirs if e.cameo[:2] == event.cameo[:2]), None)
        sentence = next(((s.start, s.end) for s in relay.sentences if s.start <= event.trigger < s.end),
                        (span.start, span.end))
        changes = [{"text": c.text, "original_text": c.original_text, "kind": c.kind} for c in alignment.changed
                   if sentence[0] <= c.start < sentence[1]]
        changes += [{"text": a.text, "original_text": None, "kind": a.kind} for a in alignment.added
                    if a.kind in ("framing", "editorial-insertion") and sentence[0] <= a.start < sentence[1]]
        out.append({
            "event": event.id, "cameo": event.cameo, "modality": _modality(event), "chain": list(event.chain),
            "original_event": match.id if match else None,
            "original_cameo": match.cameo if match else None,
            "original_modality": _modality(match) if match else None,
            "original_chain": list(match.chain) if match else None,
            "modality_changed": bool(match and _modality(match) != _modality(event)),
            "changes": changes,
        })
    return out


def _modality(event: Event) -> dict[str, str]:
    return {"polarity": event.polarity, "certainty": event.certainty}
