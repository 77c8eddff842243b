"""Score event coding against gold sentences (the format of ``../shared/gold/events/``).

Each gold record has ``text``, ``date`` and ``expected_events`` (``source``, ``target``, ``code``, ``scheme``,
and for PLOVER records ``code_plover_0_8``, ``source_sector``, ``target_sector``). Three strictness levels:

- ``type``: the event type alone (PLOVER type, or the CAMEO root for CAMEO gold);
- ``type+countries``: the type with the source and target country (PLOVER ``IGO`` for organisations);
- ``full``: PLOVER type with country + sector, or the full CAMEO code with the full actor codes.

Predicted and expected events of a sentence are matched as multisets at each level; precision, recall and F1
sum over sentences. Also reported: extra events (predicted events matching nothing at the type level) per
sentence, and clean negatives (sentences expecting no event where none was coded).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.types import Event

# Country codes some gold files use that are not ISO 3166 alpha-3 (Phoenix-era spellings).
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "---": None, "": None}
LEVELS = ("type", "type+countries", "full")
HALVES = ("tune", "check")


def half_of(record_id: str) -> str:
    """The dev half of a gold record: ``tune`` or ``check``, fixed by a hash of its id (stable across runs,
    machines and Python versions, unlike ``hash``)."""
    return HALVES[hashlib.sha256(record_id.encode("utf-8")).digest()[0] & 1]


@dataclass
class Scores:
    scheme: str
    sentences: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    extra: int = 0
    sentences_with_extra: int = 0
    negatives: int = 0
    clean_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    def prf(self, level: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[level], self.fp[level], self.fn[level]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def summary(self) -> str:
        lines = [f"{self.sentences} sentences, {self.tp['type'] + self.fn['type']} expected events "
                 f"({self.scheme} gold)"]
        for level in LEVELS:
            p, r, f = self.prf(level)
            lines.append(f"  {level:<15} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   "
                         f"(tp {self.tp[level]}, fp {self.fp[level]}, fn {self.fn[level]})")
        lines.append(f"  extra events    {self.extra} ({self.extra / max(self.sentences, 1):.2f} per sentence; "
                     f"{self.sentences_with_extra} sentences with any)")
        if self.negatives:
            lines.append(f"  clean negatives {self.clean_negatives}/{self.negatives} sentences expecting no event "
                         "coded none")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scheme": self.scheme, "sentences": self.sentences, "extra_events": self.extra,
                               "clean_negatives": self.clean_negatives, "negatives": self.negatives}
        for level in LEVELS:
            p, r, f = self.prf(level)
            out[level] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        return out


def _country(code: str | None) -> str | None:
    if code is None:
        return None
    code = COUNTRY_ALIASES.get(code, code)
    if code is None:
        return None
    return code[:3] if not code.startswith("---") else None


def gold_keys(event: dict[str, Any], scheme: str) -> dict[str, tuple]:
    if scheme == "PLOVER":
        kind = event.get("code_plover_0_8") or event.get("code")
        source, target = _country(event.get("source")), _country(event.get("target"))
        return {"type": (kind,), "type+countries": (kind, source, target),
                "full": (kind, source, event.get("source_sector"), target, event.get("target_sector"))}
    code = event["code"]
    source, target = _country(event.get("source")), _country(event.get("target"))
    full_source = COUNTRY_ALIASES.get(event.get("source") or "", event.get("source"))
    full_target = COUNTRY_ALIASES.get(event.get("target") or "", event.get("target"))
    return {"type": (code[:2],), "type+countries": (code[:2], source, target),
            "full": (code, full_source, full_target)}


def predicted_keys(event: Event, scheme: str) -> dict[str, tuple] | None:
    if event.modality.polarity == "negative":
        return None  # "did not attack": not an event that happened
    source = event.source.actor if event.source else None
    target = event.target.actor if event.target else None
    if scheme == "PLOVER":
        if event.plover is None:
            return None  # CAMEO statements have no PLOVER type
        return {"type": (event.plover,),
                "type+countries": (event.plover, source and source.country, target and target.country),
                "full": (event.plover, source and source.country, source and source.sector,
                         target and target.country, target and target.sector)}
    s_code = source.code if source and not source.code.startswith("---") else None
    t_code = target.code if target and not target.code.startswith("---") else None
    return {"type": (event.cameo_root,),
            "type+countries": (event.cameo_root, _country(s_code), _country(t_code)),
            "full": (event.cameo, s_code, t_code)}


def read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON ({exc})") from exc
    return records


def scheme_of(records: Sequence[dict[str, Any]]) -> str:
    for record in records:
        for event in record.get("expected_events", ()):
            return "CAMEO" if str(event.get("scheme", "")).upper() == "CAMEO" else "PLOVER"
    return "CAMEO"


def score(records: Sequence[dict[str, Any]], predictions: Iterable[Sequence[Event]],
          scheme: str | None = None) -> Scores:
    scheme = scheme or scheme_of(records)
    scores = Scores(scheme)
    for record, events in zip(records, predictions, strict=True):
        scores.sentences += 1
        gold = [gold_keys(e, scheme) for e in record.get("expected_events", ())]
        predicted = [k for k in (predicted_keys(e, scheme) for e in events) if k is not None]
        for level in LEVELS:
            want = Counter(g[level] for g in gold)
            got = Counter(p[level] for p in predicted)
            hit = sum((want & got).values())
            scores.tp[level] += hit
            scores.fp[level] += sum(got.values()) - hit
            scores.fn[level] += sum(want.values()) - hit
        want = Counter(g["type"] for g in gold)
        got = Counter(p["type"] for p in predicted)
        extra = sum((got - want).values())
        scores.extra += extra
        scores.sentences_with_extra += extra > 0
        if record.get("expect_no_event"):
            scores.negatives += 1
            scores.clean_negatives += not predicted
        if Counter(g["type+countries"] for g in gold) != Counter(p["type+countries"] for p in predicted):
            scores.misses.append(f"{record.get('id')}: expected {[g['type+countries'] for g in gold]}, "
                                 f"coded {[p['type+countries'] for p in predicted]} | {record.get('text', '')[:120]}")
    return scores


@dataclass
class HalfScores:
    """Scores of a gold file as a whole and of its two dev halves; misses are those of the tune half only."""

    whole: Scores
    halves: dict[str, Scores]

    @property
    def misses(self) -> list[str]:
        return self.halves["tune"].misses

    def summary(self) -> str:
        lines = [f"all: {self.whole.summary()}"]
        for half in HALVES:
            lines.append(f"{half} half: {self.halves[half].summary()}")
        gaps = "  ".join(f"{level} {self.gap(level):+.3f}" for level in LEVELS)
        lines.append(f"gap (tune - check F1): {gaps}")
        return "\n".join(lines)

    def gap(self, level: str) -> float:
        return self.halves["tune"].prf(level)[2] - self.halves["check"].prf(level)[2]

    def to_dict(self) -> dict[str, Any]:
        out = self.whole.to_dict()
        for half in HALVES:
            out[half] = self.halves[half].to_dict()
        out["gap"] = {level: round(self.gap(level), 4) for level in LEVELS}
        return out


def score_halves(records: Sequence[dict[str, Any]], predictions: Sequence[Sequence[Event]]) -> HalfScores:
    """:func:`score` over the whole file and over each dev half (see :func:`half_of`)."""
    halves = {}
    for half in HALVES:
        pairs = [(r, p) for r, p in zip(records, predictions, strict=True) if half_of(str(r.get("id"))) == half]
        halves[half] = score([r for r, _ in pairs], [p for _, p in pairs], scheme_of(records))
    return HalfScores(score(records, predictions), halves)
