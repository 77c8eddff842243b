"""Story grouping: time to profile and group N stored articles, and how it grows with N.

Run: .venv/bin/python bench/stories.py [--shared ../shared] [--sizes 1000,2500,5000,10000]
Articles: Reuters-21578 (1987, about 11,900 stories over a few months: many articles per day, the dense case),
then the press releases and the Helsinki and BASIL clusters when more are asked for. Each size is grouped
three ways: in memory (profiles and links), into an empty SQLite store in one update, and into the same store
in batches of 500 articles (as successive `code --db` runs add them). Prints seconds and articles per second.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path

from thucydides import config
from thucydides.stories import Rule, group, profile
from thucydides.store import Store
from thucydides.store import stories as story_store
from thucydides.types import Article, InputRef


def _records(shared: Path, limit: int) -> list[dict]:
    out = []
    for name in ("articles/reuters21578_1987.jsonl", "articles/official_press_releases_2021_2022.jsonl",
                 "clusters/helsinki_summit_2018.jsonl", "clusters/basil_triplets_2010_2019.jsonl"):
        with open(shared / "corpus" / name, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("text"):
                    out.append(record)
                if len(out) >= limit:
                    return out
    return out


def _day(record: dict) -> date | None:
    return date.fromisoformat(record["date"][:10]) if record.get("date") else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    args = parser.parse_args()
    rule = Rule.from_settings(config.load())
    sizes = [int(n) for n in args.sizes.split(",")]
    records = _records(args.shared, max(sizes))
    print(f"rule: threshold {rule.threshold}, window {rule.window_days} days, undated {rule.undated_threshold}")
    print(f"{'articles':>8}  {'profile s':>9}  {'group s':>7}  {'stories':>7}  {'store, one update s':>19}"
          f"  {'store, batches of 500 s':>23}")
    for size in sizes:
        chosen = records[:size]
        started = time.perf_counter()
        profiles = [profile(r["id"], r["text"], headline=r.get("title"), day=_day(r), outlet=r.get("outlet"))
                    for r in chosen]
        profiled = time.perf_counter() - started
        started = time.perf_counter()
        grouping = group(profiles, rule)
        linked = time.perf_counter() - started
        timings = []
        for batch in (size, 500):
            with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
                run = store.begin_run(pipeline_version="bench", settings={}, inputs=[])
                seconds = 0.0
                for start in range(0, size, batch):
                    for r in chosen[start:start + batch]:
                        store.write_article(Article(id=r["id"], ref=InputRef("bench"), format="text", text=r["text"],
                                                    headline=r.get("title"), outlet=r.get("outlet"),
                                                    published=(r.get("date") or None) and r["date"][:10],
                                                    published_precision="day"), run, "bench")
                    started = time.perf_counter()
                    story_store.update(store, rule)
                    seconds += time.perf_counter() - started
                timings.append(seconds)
        print(f"{size:>8}  {profiled:>9.1f}  {linked:>7.1f}  {len(grouping.stories):>7}  {timings[0]:>19.1f}"
              f"  {timings[1]:>23.1f}")


if __name__ == "__main__":
    main()
