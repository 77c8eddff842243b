"""What the claims of an article add up to: each event's chain (the claim it sits in, else its sentence's
frame, else the publisher) and the article's source profile."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from thucydides.attribution.state import State
from thucydides.types import Event, EventChain, Hop, Quote


def event_chain(event: Event, state: State) -> tuple[Hop, ...]:
    inside = [c for c in state.claims if c.start <= event.trigger_start < c.end]
    if inside:
        return min(inside, key=lambda c: c.end - c.start).chain
    if event.sentence in state.sentence_frames:
        return state.sentence_frames[event.sentence]  # a sentence inside a reporting frame
    return (state.publisher,)


def source_profile(state: State, quotes: Sequence[Quote], chains: Sequence[EventChain]) -> tuple[
        tuple[Any, ...], dict[str, Any]]:
    counts: Counter[tuple[str, str, str | None]] = Counter()
    for chain in [q.chain for q in quotes] + [c.chain for c in chains]:
        for hop in chain:
            counts[(hop.name, hop.kind, hop.code)] += 1
    sources = tuple({"name": n, "kind": k, "code": c, "mentions": m} for (n, k, c), m in counts.most_common())
    finals = [q.chain[-1].kind for q in quotes if q.chain]
    depth = max((len(q.chain) for q in quotes), default=1)
    profile = {
        "relay_depth": max(depth, max((len(c.chain) for c in chains), default=1)),
        "share_anonymous": round(finals.count("anonymous") / len(finals), 3) if finals else 0.0,
        "named": sorted({h.name for q in quotes for h in q.chain if h.kind == "named"}),
        "outlets": sorted({h.name for q in quotes for h in q.chain if h.kind == "outlet"}),
        "claims_by_kind": dict(Counter(finals)),
    }
    return sources, profile
