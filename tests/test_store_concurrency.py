"""Concurrent writers on one PostgreSQL store (issue 18 part 5): `code --recode` and `cluster` run several at
once, and every process ends with exit status 0 and the store as one run leaves it. Before the advisory
locks (store/locks.py) 5 of 12 `code --recode` processes and 9 of 20 `cluster` processes died with
UniqueViolation. A throwaway server from Debian's package (tests/conftest.py); skipped without one."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from typing import Any

import pytest

from conftest import SAMPLES, coded_article

# four articles, and a relay pair (a TASS retelling of a Meridian Wire report): stories and relays are written too
FILES = [str(SAMPLES / name) for name in ("04_tass_prisoner_swap_source.txt", "13_afp_port_sudan_drones.txt",
                                           "21_corpus.jsonl", "22_meridian_moldova_energy.txt",
                                           "23_tass_moldova_energy_relay.txt")]
TIMEOUT = 600  # seconds for any one process on a slow, busy machine


def _rule() -> Any:
    from thucydides import config
    from thucydides.stories import Rule

    return Rule.from_settings(config.load())


def _database(postgres_url: str, name: str) -> str:
    """A fresh, empty database on the throwaway server; its URL."""
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # fixed names
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_url.replace("/postgres?", f"/{name}?")


def _state(url: str) -> dict[str, Any]:
    """What one run leaves in a store, without what differs between runs (run ids, times)."""
    import psycopg

    with psycopg.connect(url) as conn:
        def rows(sql: str) -> list[tuple[Any, ...]]:
            return sorted(conn.execute(sql).fetchall(), key=repr)

        stories: dict[int, set[str]] = {}
        for story, article in conn.execute("SELECT story_id, article_id FROM story_articles"):
            stories.setdefault(story, set()).add(article)
        sizes = dict(conn.execute("SELECT id, num_articles FROM stories").fetchall())
        return {
            "articles": rows("SELECT id, pipeline_version, text, record FROM articles"),
            "events": rows("SELECT id, article_id, cameo, source_code, target_code, date, record FROM events"),
            "sentences": conn.execute("SELECT count(*) FROM sentences").fetchone()[0],
            "actors": conn.execute("SELECT count(*) FROM actors").fetchone()[0],
            "clusters": rows("SELECT id, source_code, target_code, cameo, first_date, last_date, first_event,"
                             " num_mentions, num_articles, num_sources FROM clusters"),
            "event_clusters": rows("SELECT event_id, cluster_id FROM event_clusters"),
            "stories": sorted(sorted(members) for members in stories.values()),
            "story_sizes": sorted(sizes.items()) == sorted((k, len(v)) for k, v in stories.items()),
            "relays": rows("SELECT relay_id, original_id, kind FROM relays"),
            "relay_checked": rows("SELECT article_id FROM relay_checked"),
            "unfinished_runs": conn.execute("SELECT count(*) FROM runs WHERE finished IS NULL").fetchone()[0],
        }


def _together(commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Start every command at once, then wait for them all."""
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    done = []
    for process, command in zip(processes, commands, strict=True):
        out, err = process.communicate(timeout=TIMEOUT)
        done.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return done


CLI = [sys.executable, "-c", "from thucydides.cli import main; main()"]


@pytest.mark.slow
@pytest.mark.model
def test_concurrent_code_and_cluster_runs_on_postgres(postgres_url):
    """3 `code --recode` runs at once on a new store (creating its schema at once too), 3 more on the stored
    articles, then 4 `cluster` runs at once: all exit 0, and the store is the one a single run gives."""
    single = _database(postgres_url, "thucydides_single")
    shared = _database(postgres_url, "thucydides_shared")
    code = [*CLI, "code", *FILES, "--published", "2025-05-06", "--recode", "-q"]
    alone = subprocess.run([*code, "--db", single], capture_output=True, text=True, timeout=TIMEOUT)
    assert alone.returncode == 0, alone.stderr
    expected = _state(single)
    assert expected["articles"] and expected["events"] and expected["clusters"] and expected["story_sizes"]
    assert expected["relays"] and max(len(members) for members in expected["stories"]) == 2
    for round_ in ("new store", "recode"):
        for result in _together([[*code, "--db", shared]] * 3):
            assert result.returncode == 0 and "Traceback" not in result.stderr, (round_, result.stderr)
        assert _state(shared) == expected, round_
    for result in _together([[*CLI, "cluster", "--db", shared]] * 4):
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert result.stdout.strip() == f"{len(expected['clusters'])} clusters (window 3 days)"
    assert _state(shared) == expected


def _articles(prefix: str = "c") -> list[Any]:
    return [coded_article(f"{prefix}{n}", f"2024-03-{1 + n % 20:02d}", [(f"2024-03-{1 + n % 20:02d}", "day")] * 3,
                          source=f"S{n % 7}", outlet=f"Outlet {n % 4}") for n in range(40)]


def _hammer(url: str, seed: int, start: threading.Barrier, errors: list[BaseException]) -> None:
    """One writer: open the store, write every article (in its own order) and rebuild the clusters, stories and
    relays, three times over."""
    from thucydides.store import Store
    from thucydides.store import stories as story_store

    try:
        start.wait()
        with Store(url) as store:
            order = _articles()
            random.Random(seed).shuffle(order)
            for _ in range(3):
                run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
                for article in order:
                    store.write_article(article, run, "t")
                story_store.update(store, _rule())
                store.cluster(window_days=3)
                store.finish_run(run, articles=len(order), skipped=0, failed=0, seconds=0.0)
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)


def test_concurrent_writers_in_threads_on_postgres(postgres_url):
    """Six connections write the same 40 articles in different orders and rebuild the clusters and stories, all
    at once, on a new store: no error, and the store one writer alone leaves (its stories aside: see below)."""
    from thucydides.store import Store
    from thucydides.store import stories as story_store

    single = _database(postgres_url, "thucydides_threads_single")
    with Store(single) as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for article in _articles():
            store.write_article(article, run, "t")
        story_store.update(store, _rule())
        store.cluster(window_days=3)
        store.finish_run(run, articles=40, skipped=0, failed=0, seconds=0.0)
    shared = _database(postgres_url, "thucydides_threads")
    errors: list[BaseException] = []
    start = threading.Barrier(6)
    threads = [threading.Thread(target=_hammer, args=(shared, seed, start, errors)) for seed in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not errors, errors
    got, expected = _state(shared), _state(single)
    for key in ("articles", "events", "sentences", "actors", "clusters", "event_clusters", "relays", "relay_checked"):
        assert got[key] == expected[key], key
    # stories are grouped as articles arrive (docs/stories.md), and here they arrive in six orders: each article
    # is in one story, and each story's summary counts its articles
    members = [article for story in got["stories"] for article in story]
    assert sorted(members) == sorted(row[0] for row in expected["articles"]) and got["story_sizes"]


def test_a_postgres_store_opened_read_only_refuses_writes(postgres_url):
    from thucydides.errors import StoreError
    from thucydides.store import Store

    url = _database(postgres_url, "thucydides_read_only")
    with Store(url) as store:  # creates the schema
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        store.write_article(_articles()[0], run, "t")
    with Store(url, read_only=True) as store:
        assert store.stats()["articles"] == 1
        with pytest.raises(StoreError) as caught:
            store.write_article(_articles()[1], run, "t")
    assert caught.value.fault == "read-only" and "[T501 store]" in str(caught.value)
    assert "give the role write access" in str(caught.value)
