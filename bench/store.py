"""Store write rate and query latency on a synthetic corpus of 100,000 events.

Run: .venv/bin/python bench/store.py [--articles 10000] [--events-per-article 10] [--db /tmp/bench.db]
Builds hand-made articles (no model needed), writes them with Store.write_article (one transaction each),
then times dyad/time queries through thucydides.store.query.events. Target (issue 6): < 200 ms per query.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from thucydides.store import Store
from thucydides.store.query import Filters, events
from thucydides.types import Actor, ActorMention, Article, Event, InputRef, Location, Modality, Sentence

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "ISR", "PSE", "IRN", "TUR", "SDN", "KEN", "IND", "PAK"]
CODES = [("190", 4, -10.0, "ASSAULT"), ("163", 4, -8.0, "SANCTION"), ("046", 1, 7.0, "CONSULT"),
         ("112", 3, -2.0, "ACCUSE"), ("072", 2, 8.3, "AID"), ("036", 1, 4.0, "AGREE")]


def mention(code: str, start: int) -> ActorMention:
    actor = Actor(code + "GOV", code, "GOV", f"{code} government", None, "role")
    return ActorMention(code, start, start + 3, 0, 0, 1, actor, "role", "bench")


def article(i: int, per: int, rng: random.Random) -> Article:
    text = "x" * 400
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
    evs = []
    for k in range(per):
        a, b = rng.sample(COUNTRIES, 2)
        cameo, quad, goldstein, plover = rng.choice(CODES)
        evs.append(Event(id=f"e{i}-{k}", sentence=0, sentence_text="x", trigger_text="x", trigger_start=k,
                         trigger_end=k + 1, source=mention(a, 0), target=mention(b, 10), sources_all=(),
                         targets_all=(), cameo=cameo, cameo_name="", goldstein=goldstein, quad_class=quad,
                         plover=plover, plover_mode=None, date=day.isoformat(), date_text=None, date_precision="day",
                         location=Location("Kyiv", "UKR", 50.45, 30.52, 0, 4), modality=Modality(),
                         pattern="bench"))
    return Article(id=f"a{i}", ref=InputRef(f"bench:{i}"), format="text", text=text, outlet="Bench",
                   published=day.isoformat(), sentences=(Sentence(0, 0, 400, 0, text),), events=tuple(evs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events-per-article", type=int, default=10)
    parser.add_argument("--db", type=Path, default=Path("/tmp/thucydides-bench.db"))
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(str(args.db) + suffix).unlink(missing_ok=True)
    rng = random.Random(7)
    built = [article(i, args.events_per_article, rng) for i in range(args.articles)]
    with Store(args.db) as store:
        run = store.begin_run(pipeline_version="bench", settings={}, inputs=[])
        started = time.perf_counter()
        for item in built:
            store.write_article(item, run, "bench")
        seconds = time.perf_counter() - started
        total = args.articles * args.events_per_article
        print(f"write: {args.articles} articles, {total} events in {seconds:.1f} s = "
              f"{args.articles / seconds:.0f} articles/s, {total / seconds:.0f} events/s")
        timings, found = [], 0
        for a, b in [("RUS", "UKR"), ("USA", "CHN"), ("ISR", "PSE"), ("IND", "PAK"), ("TUR", "SDN")] * 4:
            started = time.perf_counter()
            rows = list(events(store, Filters(source=a, target=b, since="2021-01-01", until="2021-12-31")))
            timings.append(time.perf_counter() - started)
            found += len(rows)
        print(f"dyad/time query over {total} events: median {statistics.median(timings) * 1000:.1f} ms, "
              f"max {max(timings) * 1000:.1f} ms ({found / len(timings):.0f} rows per query)")


if __name__ == "__main__":
    main()
