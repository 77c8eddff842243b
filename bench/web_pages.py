"""Page load times, full-text search latency and export throughput on a synthetic store of 100,000 events.

Run: .venv/bin/python bench/web_pages.py [--articles 10000] [--events-per-article 10] [--requests 20]
                                         [--db /tmp/thucydides-web-pages.db] [--reuse]

Builds hand-made articles (no model): headlines and texts drawn from a small news vocabulary (so searches find
something), 20 outlets, dates over 2020-2025 with some weeks left empty, dyads among 12 countries and 3 sectors,
30 located cities, attribution chains of every kind and length, two quotes an article, stored with
Store.write_article and clustered. Then starts `thucydides serve` on 127.0.0.1 (a free port, a subprocess) and
times, one request at a time after one warm-up each: every page (p50/p95 of --requests loads, the whole HTML
response), GET /api/articles?q=... for several searches, and `thucydides export --format csv|gdelt` of the
whole store (rows per second). "first" is a page's first load after the server started (pages in the order
listed: an aggregate two pages share is computed by the first); the percentiles are of the loads after it,
which the server answers from the aggregates it keeps while the store is unchanged (thucydides/web/cache.py).
--reuse keeps a store built before at --db. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from serving import wait_ready

from thucydides.store import Store
from thucydides.types import (Actor, ActorMention, Article, Event, EventChain, Hop, InputRef, Location, Modality,
                              Quote, Sentence)

REPO = Path(__file__).resolve().parents[1]
THUCYDIDES = REPO / ".venv" / "bin" / "thucydides"
COUNTRIES = ["RUS", "UKR", "USA", "CHN", "ISR", "PSE", "IRN", "TUR", "SDN", "KEN", "IND", "PAK"]
SECTORS = ["GOV", "MIL", ""]
CODES = [("190", 4, -10.0, "ASSAULT"), ("163", 4, -8.0, "SANCTION"), ("046", 1, 7.0, "CONSULT"),
         ("112", 3, -2.0, "ACCUSE"), ("072", 2, 8.3, "AID"), ("036", 1, 4.0, "AGREE")]
CITIES = [("Kyiv", "UKR", 50.45, 30.52), ("Moscow", "RUS", 55.75, 37.62), ("Washington", "USA", 38.9, -77.04),
          ("Beijing", "CHN", 39.9, 116.4), ("Gaza", "PSE", 31.5, 34.47), ("Tehran", "IRN", 35.69, 51.39),
          ("Ankara", "TUR", 39.92, 32.85), ("Khartoum", "SDN", 15.5, 32.56), ("Nairobi", "KEN", -1.29, 36.82),
          ("New Delhi", "IND", 28.61, 77.21), ("Islamabad", "PAK", 33.69, 73.05), ("Kharkiv", "UKR", 49.99, 36.23),
          ("Odesa", "UKR", 46.48, 30.72), ("Jerusalem", "ISR", 31.77, 35.21), ("Istanbul", "TUR", 41.01, 28.95),
          ("Shanghai", "CHN", 31.23, 121.47), ("Mumbai", "IND", 19.08, 72.88), ("Lahore", "PAK", 31.55, 74.34),
          ("Mombasa", "KEN", -4.04, 39.67), ("Port Sudan", "SDN", 19.62, 37.22), ("New York", "USA", 40.71, -74.0),
          ("Geneva", None, 46.2, 6.14), ("Brussels", None, 50.85, 4.35), ("Doha", None, 25.29, 51.53),
          ("Cairo", None, 30.04, 31.24), ("Riyadh", None, 24.71, 46.68), ("Minsk", None, 53.9, 27.57),
          ("Warsaw", None, 52.23, 21.01), ("Tokyo", None, 35.68, 139.69), ("Seoul", None, 37.57, 126.98)]
WORDS = ("missile strike drone sanctions talks ceasefire ministry officials border troops shelling aid grain "
         "election protest parliament embassy summit agreement negotiations refugees convoy artillery port "
         "pipeline oil gas energy tariffs exports envoy delegation minister president army navy coast "
         "hospital school village city region capital power grid attack defence statement").split()
SEARCHES = ["ceasefire", "missile strike", '"grain convoy"', "sanctions oil", "parliament election protest",
            "pipeline"]
CHAINS = [(), (Hop("a spokesman", "named", None, "said"),), (Hop("the ministry", "institution", None, "said"),),
          (Hop("officials", "anonymous", None, "said"),), (Hop("a report", "document", None, "according to"),),
          (Hop("The Post", "outlet", None, "reported"), Hop("officials", "anonymous", None, "citing")),
          (Hop("The Post", "outlet", None, "reported"), Hop("a diplomat", "named", None, "told"))]


def mention(code: str, start: int) -> ActorMention:
    actor = Actor(code, code[:3], code[3:] or None, f"{code} name", None, "role")
    return ActorMention(code, start, start + 3, 0, 0, 1, actor, "role", "bench")


def article(i: int, per: int, rng: random.Random) -> Article:
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(2190))
    if day.isocalendar()[1] % 9 == 0:  # some weeks stay empty: gaps on the timelines
        day += timedelta(days=7)
    text = " ".join(rng.choice(WORDS) for _ in range(80)) + "."
    publisher = Hop(f"Outlet {i % 20}", "publisher", None, None)
    events = []
    chains = []
    for k in range(per):
        a, b = rng.sample(COUNTRIES, 2)
        cameo, quad, goldstein, plover = rng.choice(CODES)
        city = rng.choice(CITIES) if rng.random() < 0.6 else None
        events.append(Event(
            id=f"e{i}-{k}", sentence=0, sentence_text=text[:120], trigger_text="x", trigger_start=k, trigger_end=k + 1,
            source=mention(a + rng.choice(SECTORS), 0), target=mention(b + rng.choice(SECTORS), 10), sources_all=(),
            targets_all=(), cameo=cameo, cameo_name="", goldstein=goldstein, quad_class=quad, plover=plover,
            plover_mode=None, date=day.isoformat(), date_text=None, date_precision="day",
            location=Location(city[0], city[1], city[2], city[3], 0, 4) if city else None, modality=Modality(),
            pattern="bench"))
        chains.append(EventChain(f"e{i}-{k}", (publisher, *rng.choice(CHAINS))))
    quotes = tuple(Quote(text[:40], 0, 40, True, "said", None, None, None, (publisher, *rng.choice(CHAINS)), 0)
                   for _ in range(2))
    return Article(id=f"a{i}", ref=InputRef(f"bench:{i}"), format="text", text=text, outlet=f"Outlet {i % 20}",
                   headline=" ".join(rng.choice(WORDS) for _ in range(8)), published=day.isoformat(),
                   sentences=(Sentence(0, 0, len(text), 0, text),), events=tuple(events), chains=tuple(chains),
                   quotes=quotes)


def build(db: Path, articles: int, per: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    rng = random.Random(7)
    started = time.perf_counter()
    with Store(db) as store:
        run = store.begin_run(pipeline_version="bench", settings={}, inputs=[])
        for i in range(articles):
            store.write_article(article(i, per, rng), run, "bench")
        store.cluster()
    print(f"built {db}: {articles} articles, {articles * per} events in {time.perf_counter() - started:.0f} s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5))) - 1]


def timed(client: httpx.Client, url: str, count: int) -> tuple[float, float, float, int]:
    """The first GET of ``url`` and the p50 and p95 of ``count`` more, in ms, and the response size."""
    start = time.perf_counter()
    response = client.get(url)
    first = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return first, percentile(times, 50), percentile(times, 95), len(response.content)


def export_rate(db: Path, fmt: str) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"events.{fmt}"
        start = time.perf_counter()
        subprocess.run([str(THUCYDIDES), "export", "--format", fmt, "--db", str(db), "-o", str(out)], check=True,
                       capture_output=True)
        seconds = time.perf_counter() - start
        rows = sum(1 for _ in out.open(encoding="utf-8")) - (1 if fmt == "csv" else 0)
    return rows, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events-per-article", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20, help="timed loads of each page (default 20)")
    parser.add_argument("--db", type=Path, default=Path("/tmp/thucydides-web-pages.db"))
    parser.add_argument("--reuse", action="store_true", help="use the store already at --db")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        build(args.db, args.articles, args.events_per_article)
    with Store(args.db) as store:
        events = store.execute("SELECT count(*) FROM counted_events").fetchone()[0]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(THUCYDIDES), "serve", "--db", str(args.db), "--host", "127.0.0.1", "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            if not wait_ready(client, server):
                return 1
            print(f"store: {events} events; {os.cpu_count()} CPUs; one uvicorn process; {args.requests} loads each")
            print(f"{'page':<52} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'KB':>7}")
            pages = ["/", "/articles", "/articles?q=ceasefire", "/events", "/events?sort=goldstein&page=500",
                     "/events?source_kind=anonymous&chain=3", "/dyads", "/dyads?level=country",
                     "/dyads?from=RUSGOV&to=UKRGOV", "/map", "/map/world.svg", "/actors", "/actors/RUS",
                     "/actors/RUS?measure=sum&side=source", "/sources", "/stories"]
            for url in pages:
                first, p50, p95, size = timed(client, url, args.requests)
                print(f"GET {url:<48} {first:>9.1f} {p50:>8.1f} {p95:>8.1f} {size / 1024:>7.0f}")
            print(f"{'full-text search (50 results)':<52} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'total':>7}")
            for words in SEARCHES:
                first, p50, p95, _ = timed(client, "/api/articles?" + str(httpx.QueryParams({"q": words})),
                                           args.requests)
                total = client.get("/api/articles", params={"q": words, "limit": 1}).json()["total"]
                print(f"GET /api/articles?q={words:<32} {first:>9.1f} {p50:>8.1f} {p95:>8.1f} {total:>7}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    for fmt in ("csv", "gdelt"):
        rows, seconds = export_rate(args.db, fmt)
        print(f"thucydides export --format {fmt:<6} {rows} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s "
              "(whole command, start-up included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
