"""Peak memory of `thucydides code --db` at two corpus sizes: does it stay flat as the corpus grows?

Run: .venv/bin/python bench/memory.py [--sizes 1000 10000] [--workers 1] [--shared ../shared]

Each size is one real run, as a user would start it: `python -m thucydides.cli code CORPUS.jsonl --db DB -q`
in a fresh process, writing to a new SQLite store in a temporary folder. The corpus is the Reuters-21578
stories of ../shared/corpus/articles of at least 80 words (7,363; at most 1,315 words), cycled with new ids
when a size needs more: one population of articles at both sizes, because the peak follows the longest
article, not the corpus size (three official press releases of 13,000-30,000 words alone peak at 1.6 GB,
the parse of one long document). --files adds other files of that folder, in order.
The peak RSS is the kernel's (``ru_maxrss`` of the process from
``wait4``, which also covers worker processes it reaped); while it runs the bench also samples the RSS of the
process tree from /proc and the number of articles stored, and prints the RSS after 10 %, 50 % and 100 % of
them. Target (issue 6): the peak at the larger size within 1.2x of the smaller.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FILES = ("reuters21578_1987.jsonl",)


def _stories(shared: Path, min_words: int, files: tuple[str, ...] = FILES) -> list[dict]:
    rows = []
    for name in files:
        path = shared / "corpus" / "articles" / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    if len((row.get("text") or "").split()) >= min_words:
                        rows.append(row)
    if not rows:
        sys.exit(f"no stories under {shared / 'corpus' / 'articles'} (give --shared)")
    return rows


def write_corpus(shared: Path, n: int, path: Path, min_words: int = 80, files: tuple[str, ...] = FILES) -> Path:
    """``n`` stories of at least ``min_words`` words as one JSON Lines file (cycled, each with its own id)."""
    rows = _stories(shared, min_words, files)
    with path.open("w", encoding="utf-8") as handle:
        for i, row in enumerate(itertools.islice(itertools.cycle(rows), n)):
            handle.write(json.dumps({**row, "id": f"{row['id']}-{i}"}) + "\n")
    return path


def _tree(pid: int) -> Iterator[int]:
    yield pid
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return
    for child in children:
        yield from _tree(int(child))


def _rss_kb(pid: int) -> int:
    """Resident set of a process and its descendants, in kB (0 when gone)."""
    total = 0
    for member in _tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def _stored(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return None


def measure(corpus: Path, db: Path, workers: int = 1, every: float = 1.0) -> dict:
    """Run `thucydides code CORPUS --db DB -q`; its kernel peak RSS (``ru_maxrss`` from ``os.wait4``), duration,
    and samples of (seconds, articles stored, RSS of the process tree)."""
    command = [sys.executable, "-m", "thucydides.cli", "code", str(corpus), "--db", str(db), "-q",
               "--workers", str(workers)]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        samples: list[tuple[float, int | None, int]] = []  # (seconds, articles stored, RSS kB)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            samples.append((time.perf_counter() - started, _stored(db), _rss_kb(process.pid)))
            time.sleep(every)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    return {"returncode": process.returncode, "seconds": time.perf_counter() - started, "samples": samples,
            "peak_kb": usage.ru_maxrss, "sampled_peak_kb": max((s[2] for s in samples), default=0),
            "stderr": stderr}


def _at(samples: list[tuple[float, int | None, int]], count: int) -> int | None:
    """The RSS of the first sample taken once ``count`` articles were stored."""
    return next((rss for _, stored, rss in samples if stored is not None and stored >= count), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--files", nargs="+", default=list(FILES), metavar="NAME",
                        help="files of ../shared/corpus/articles to take stories from (default: Reuters-21578)")
    args = parser.parse_args()
    peaks = []
    with tempfile.TemporaryDirectory(prefix="thucydides-memory-") as tmp:
        for n in args.sizes:
            corpus = write_corpus(args.shared, n, Path(tmp) / f"corpus-{n}.jsonl", files=tuple(args.files))
            db = Path(tmp) / f"store-{n}.db"
            result = measure(corpus, db, workers=args.workers)
            stored = _stored(db) or 0
            if result["returncode"] not in (0, 1) or stored == 0:
                sys.exit(f"`code` failed on {n} articles (exit {result['returncode']}):\n{result['stderr'][-2000:]}")
            checkpoints = ", ".join(
                f"{pct} % {rss / 1024:.0f} MB" for pct in (10, 50, 100)
                if (rss := _at(result["samples"], max(1, n * pct // 100))) is not None)
            peaks.append(result["peak_kb"])
            print(f"{n} articles ({stored} stored, workers {args.workers}): peak RSS {result['peak_kb'] / 1024:.0f} MB "
                  f"(sampled {result['sampled_peak_kb'] / 1024:.0f} MB; after {checkpoints}), "
                  f"{result['seconds']:.0f} s, {stored / result['seconds']:.1f} articles/s", flush=True)
    ratio = peaks[1] / peaks[0]
    print(f"peak RSS ratio {ratio:.2f} ({args.sizes[1]} vs {args.sizes[0]} articles; target <= 1.20: "
          f"{'met' if ratio <= 1.2 else 'NOT met'})")


if __name__ == "__main__":
    main()
