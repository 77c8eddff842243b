"""Score event modality against factuality gold (MEANTIME as in ``../shared/gold/factuality/``).

Each gold event has a character span in its sentence and a factuality from -3 (certainly did not happen) to +3
(certainly happened). Our modality maps to the same scale: positive certain +3, probable +1.5, possible +0.75,
unknown 0; negative certain -3 (negative probable -1.5, possible -0.75). Printed: mean absolute error, the
always-asserted floor, and per gold bucket the count, MAE and how often we left the asserted default.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.types import Modality

SCORE = {"certain": 3.0, "probable": 1.5, "possible": 0.75, "unknown": 0.0}


def score_of(modality: Modality) -> float:
    value = SCORE.get(modality.certainty, 3.0)
    return -value if modality.polarity == "negative" else value


@dataclass
class ModalityScores:
    events: int = 0
    error: float = 0.0
    floor_error: float = 0.0
    by_bucket: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    moved: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    def add(self, bucket: str, gold: float, predicted: float, note: str) -> None:
        self.events += 1
        self.error += abs(gold - predicted)
        self.floor_error += abs(gold - 3.0)
        self.by_bucket[bucket].append(abs(gold - predicted))
        if predicted != 3.0:
            self.moved[bucket] += 1
        if abs(gold - predicted) >= 1.5:
            self.misses.append(f"gold {gold:+.2f} ({bucket}), coded {predicted:+.2f}: {note}")

    @property
    def mae(self) -> float:
        return self.error / self.events if self.events else 0.0

    def summary(self) -> str:
        floor = self.floor_error / max(self.events, 1)
        lines = [f"{self.events} events: MAE {self.mae:.3f} (always asserted: {floor:.3f})"]
        for bucket, errors in sorted(self.by_bucket.items()):
            lines.append(f"  {bucket:<10} {len(errors):>5} events  MAE {sum(errors) / len(errors):.3f}  "
                         f"coded as not asserted: {self.moved[bucket]}/{len(errors)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "mae": round(self.mae, 4),
                "floor_mae": round(self.floor_error / max(self.events, 1), 4),
                "by_bucket": {b: {"events": len(e), "mae": round(sum(e) / len(e), 4), "moved": self.moved[b]}
                              for b, e in self.by_bucket.items()}}


def read_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(records: Sequence[dict[str, Any]], sentences: Sequence[Sequence[Any]],
          text_of: Sequence[str]) -> ModalityScores:
    """``sentences[i]``: the parsed sentences of record i (their tokens carry offsets into ``text_of[i]``)."""
    from thucydides.events.modality import modality

    scores = ModalityScores()
    for record, parsed, text in zip(records, sentences, text_of, strict=True):
        for event in record["events"]:
            start = event["char_span"][0]
            found = None
            for sentence in parsed:
                for token in sentence.tokens:
                    if token.start <= start < token.end:
                        found = (sentence, token)
                        break
                if found:
                    break
            if found is None:
                continue
            sentence, token = found
            mood = modality(sentence.tokens, token.i, text[sentence.start:sentence.end], sentence.start)
            scores.add(event["modality_bucket"], float(event["factuality"]), score_of(mood),
                       f"{event['text']!r} ({mood.cue or 'no cue'}) in {record['text'][:90]}")
    return scores
