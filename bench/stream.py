"""Memory while reading a 1,000,000-record JSON Lines corpus: do the ingest readers stream?

Run: .venv/bin/python bench/stream.py [--records 1000000] [--gzip] [--checkpoints 10000 100000 1000000]

The script writes a synthetic corpus into a temporary folder (short wire-style dispatches it composes itself
from small word lists: dateline, agency, actors, a verb, a second sentence; about 400 bytes a record), then
reads it in a fresh process through ``thucydides.ingest.read`` (format detection, the JSON Lines reader,
field mapping: everything `thucydides code` does before structure and parsing) and prints the resident set
size after each checkpoint and the ratio of the last to the first. A streaming reader keeps it flat.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = [("KYIV", "Reuters"), ("MOSCOW", "TASS"), ("BEIJING", "Xinhua"), ("NAIROBI", "AFP"), ("DOHA", "AP"),
          ("ANKARA", "Anadolu"), ("BRUSSELS", "Reuters"), ("ISLAMABAD", "AFP"), ("CAIRO", "AP"),
          ("BOGOTA", "Reuters"), ("JERUSALEM", "AP"), ("TEHRAN", "AFP")]
ACTORS = ["Ukraine's foreign ministry", "The Kremlin", "China's defence ministry", "Kenyan police",
          "Qatar's prime minister", "Turkish officials", "The European Commission", "Pakistan's army",
          "Egypt's president", "Colombian rebels", "Israeli troops", "Iran's foreign minister", "The United Nations",
          "NATO", "Hamas", "The African Union"]
VERBS = ["accused {t} of violating the ceasefire", "called for talks with {t}", "rejected a proposal from {t}",
         "agreed to resume negotiations with {t}", "threatened sanctions against {t}",
         "said it would send aid to {t}", "condemned an attack by {t}", "met a delegation from {t}",
         "warned {t} against further escalation", "signed a trade agreement with {t}"]
TAILS = ["officials said on {day}.", "a spokesperson told reporters on {day}.", "according to a statement.",
         "the ministry said in a statement on {day}.", "two sources familiar with the matter said."]
SECOND = ["The talks are expected to continue next week in Geneva.", "There was no immediate comment from {t}.",
          "Hundreds of people gathered in the capital in protest.",
          "The move drew criticism from opposition lawmakers.",
          "Analysts said the decision could affect grain exports.", "Prices rose sharply after the announcement."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def record(i: int, rng: random.Random) -> dict:
    place, agency = rng.choice(PLACES)
    source, target = rng.sample(ACTORS, 2)
    month, day = rng.randrange(12), rng.randrange(1, 29)
    target_low = target[0].lower() + target[1:] if target.startswith("The ") else target
    weekday = rng.choice(DAYS)
    text = (f"{place}, {MONTHS[month]} {day} ({agency}) - {source} {rng.choice(VERBS).format(t=target_low)}, "
            f"{rng.choice(TAILS).format(day=weekday)} {rng.choice(SECOND).format(t=target_low)}")
    return {"id": f"syn-{i:07d}", "title": f"{source} and {target_low}: talks, claims and denials",
            "date": f"2024-{month + 1:02d}-{day:02d}", "outlet": agency, "text": text}


def write_corpus(path: Path, records: int, compress: bool, seed: int = 6) -> int:
    rng = random.Random(seed)
    opener = gzip.open if compress else open
    with opener(path, "wt", encoding="utf-8") as handle:  # type: ignore[operator]
        for i in range(records):
            handle.write(json.dumps(record(i, rng)) + "\n")
    return path.stat().st_size


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def read_and_report(path: str, checkpoints: list[int]) -> None:
    """In this (fresh) process: read ``path`` through the ingest readers, one JSON line per checkpoint."""
    from thucydides import config
    from thucydides.ingest import read
    from thucydides.types import RawDocument

    settings = config.load()
    marks = sorted(checkpoints)
    print(json.dumps({"at": 0, "rss_mb": round(_rss_mb(), 1)}), flush=True)
    started, count, chars, rejected = time.perf_counter(), 0, 0, 0
    for item in read([path], settings):
        count += 1
        if isinstance(item, RawDocument):
            chars += len(item.text or "")
        else:
            rejected += 1
        if marks and count == marks[0]:
            marks.pop(0)
            print(json.dumps({"at": count, "rss_mb": round(_rss_mb(), 1), "seconds": time.perf_counter() - started,
                              "chars": chars, "rejected": rejected}), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"at": count, "end": True, "rss_mb": round(_rss_mb(), 1), "peak_mb": round(peak, 1),
                      "seconds": time.perf_counter() - started, "rejected": rejected}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--gzip", action="store_true", help="write and read corpus.jsonl.gz")
    parser.add_argument("--read", metavar="PATH", help=argparse.SUPPRESS)  # the child process's job
    args = parser.parse_args()
    checkpoints = [c for c in args.checkpoints if c <= args.records]
    if args.read:
        read_and_report(args.read, checkpoints)
        return
    with tempfile.TemporaryDirectory(prefix="thucydides-stream-") as tmp:
        path = Path(tmp) / ("corpus.jsonl.gz" if args.gzip else "corpus.jsonl")
        started = time.perf_counter()
        size = write_corpus(path, args.records, args.gzip)
        print(f"wrote {args.records:,} records, {size / 1e6:.0f} MB{' gzip' if args.gzip else ''}, "
              f"in {time.perf_counter() - started:.0f} s", flush=True)
        child = subprocess.run([sys.executable, __file__, "--read", str(path), "--checkpoints",
                                *map(str, checkpoints)], capture_output=True, text=True, check=False)
    if child.returncode != 0:
        sys.exit(f"the reading process failed:\n{child.stderr[-2000:]}")
    points = [json.loads(line) for line in child.stdout.splitlines()]
    base, end = points[0], points[-1]
    marks = [p for p in points[1:] if not p.get("end")]
    print(f"RSS before reading (interpreter and modules): {base['rss_mb']:.0f} MB")
    for p in marks:
        print(f"after {p['at']:>9,} records: RSS {p['rss_mb']:.0f} MB ({p['at'] / p['seconds']:,.0f} records/s)")
    print(f"read {end['at']:,} records ({end['rejected']} rejected) in {end['seconds']:.0f} s; "
          f"peak RSS {end['peak_mb']:.0f} MB")
    if len(marks) >= 2:
        print(f"RSS ratio {marks[-1]['rss_mb'] / marks[0]['rss_mb']:.2f} (after {marks[-1]['at']:,} vs "
              f"{marks[0]['at']:,} records); peak / RSS after {marks[0]['at']:,}: "
              f"{end['peak_mb'] / marks[0]['rss_mb']:.2f}")


if __name__ == "__main__":
    main()
