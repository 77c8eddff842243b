"""The store: SQLite by default, PostgreSQL for a ``postgresql://`` target; one transaction per article.

``Store(target)`` creates or upgrades the schema (store/migrate.py). Both back ends run the same SQL
(written with ``?`` placeholders, translated for PostgreSQL). A run is opened with :meth:`Store.begin_run`;
each article is written by :meth:`Store.write_article` in its own transaction, so a crash (even ``kill -9``)
loses at most the article being written and a rerun skips every article already stored by the same pipeline
version (:meth:`Store.coded`). ``--recode`` rewrites them. Several processes may write one store at once
(store/locks.py); ``Store(target, read_only=True)`` only reads. Every database error leaves as a
:class:`StoreError` (T501) whose ``fault`` says what went wrong (store/faults.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from thucydides.errors import StoreError
from thucydides.filters import event_interval
from thucydides.output import article_to_dict
from thucydides.store import connect, faults, locks, migrate
from thucydides.store.faults import database_errors
from thucydides.types import Article, Rejected

SCHEMA_VERSION = 5  # 2: clusters, event_clusters; 3: events.date_start/date_end, undated events; 4: stories;
# 5: article search; relays, relay_checked and the counted_events view
_postgres_schema = migrate.postgres_schema  # the name the tests use


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A database of coded articles. Use as a context manager, or call :meth:`close`. ``read_only``: open it
    only to read (SQLite ``mode=ro``, PostgreSQL ``default_transaction_read_only``); a store whose schema is
    older is upgraded first through a writable connection, or the opening fails with T501."""

    def __init__(self, target: str | Path, *, read_only: bool = False) -> None:
        self.path = str(target)
        self.postgres = self.path.startswith(("postgresql://", "postgres://"))
        self.read_only = read_only
        self.where = _redact(self.path)  # the store as messages name it
        self.timeout = connect.busy_timeout()
        self._depth = 0  # transaction() blocks open
        try:
            self.conn: Any = connect.open_postgres(self.path) if self.postgres else \
                connect.open_sqlite(self.path, read_only=read_only, timeout=self.timeout)
        except ImportError as exc:
            raise StoreError("PostgreSQL needs psycopg: pip install 'thucydides[postgres]'", source=self.where,
                             fault="unavailable") from exc
        except database_errors() as exc:
            raise faults.store_error(exc, self.where, timeout=self.timeout) from exc
        try:
            with faults.translated(self):
                migrate.prepare(self, SCHEMA_VERSION)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        self.close()
        if exc is not None and isinstance(exc, database_errors()):  # raised in the block (a cursor read there)
            raise faults.store_error(exc, self.where, timeout=self.timeout) from exc

    def close(self) -> None:
        try:
            self.conn.close()
        except database_errors():  # noqa: S110 - nothing is left to save on a connection being closed
            pass

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement with bound parameters (``?`` in the SQL) on either back end."""
        with faults.translated(self):
            if self.postgres:
                return self.conn.execute(sql.replace("?", "%s"), params)
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with faults.translated(self):
            if self.postgres:
                with self.conn.cursor() as cursor:
                    cursor.executemany(sql.replace("?", "%s"), rows)
            else:
                self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self, *, lock: str | None = None, shared: bool = False) -> Iterator[None]:
        """One transaction; a block inside another joins it. SQLite: ``BEGIN IMMEDIATE``, the write lock at
        once; PostgreSQL: the advisory ``lock`` (store/locks.py), shared or not, taken first."""
        self._depth += 1
        try:
            if self._depth > 1:
                if lock is not None:
                    locks.acquire(self, lock, shared=shared)
                yield
                return
            with faults.translated(self):
                if self.postgres:
                    with self.conn.transaction():
                        if lock is not None:
                            locks.acquire(self, lock, shared=shared)
                        yield
                    return
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self.conn.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise
        finally:
            self._depth -= 1

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:  # SQLite may have rolled back already (a full disk, an I/O error)
                self.conn.execute("ROLLBACK")
        except database_errors():  # noqa: S110 - the error that made us roll back is the one to report
            pass

    # -- runs -------------------------------------------------------------------------------------------
    def begin_run(self, *, pipeline_version: str, settings: dict[str, Any], inputs: Iterable[str]) -> int:
        with self.transaction():
            row = self.execute(
                "INSERT INTO runs(started, pipeline_version, settings, inputs) VALUES (?, ?, ?, ?) RETURNING id",
                (_now(), pipeline_version, json.dumps(settings, default=str), json.dumps(list(inputs)))).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, *, articles: int, skipped: int, failed: int, seconds: float) -> None:
        with self.transaction():
            self.execute("UPDATE runs SET finished = ?, articles = ?, skipped = ?, failed = ?, seconds = ? "
                              "WHERE id = ?", (_now(), articles, skipped, failed, round(seconds, 3), run_id))

    def coded(self, pipeline_version: str) -> set[str]:
        """Ids of the articles already stored by this pipeline version (what a resumed run skips)."""
        with faults.translated(self):
            rows = self.execute("SELECT id FROM articles WHERE pipeline_version = ?", (pipeline_version,)).fetchall()
        return {row[0] for row in rows}

    # -- writing ----------------------------------------------------------------------------------------
    @locks.retried
    def write_article(self, article: Article, run_id: int, pipeline_version: str) -> None:
        """Write one article with everything coded in it, atomically (replacing an earlier coding, also one
        another process is writing at the same time: the article's own lock makes them take turns)."""
        record = article_to_dict(article)
        dl = article.dateline
        with self.transaction(lock=locks.ARTICLES, shared=True):
            locks.acquire_article(self, article.id)
            self.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # cascades to its rows
            self.execute(
                "INSERT INTO articles(id, run_id, pipeline_version, input_path, input_line, input_record, outlet,"
                " url, headline, published, published_precision, dateline_place, dateline_country, agency,"
                " language, text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, run_id, pipeline_version, article.ref.path, article.ref.line, article.ref.record,
                 article.outlet, article.url, article.headline, article.published, article.published_precision,
                 dl.place if dl else None, dl.country if dl else None, dl.agency if dl else None,
                 article.language, article.text, json.dumps(record, ensure_ascii=False)))
            self.executemany(
                "INSERT INTO sentences(article_id, idx, start, end_, paragraph) VALUES (?,?,?,?,?)",
                [(article.id, s.index, s.start, s.end, s.paragraph) for s in article.sentences])
            self.executemany(
                "INSERT INTO actors(article_id, sentence, start, end_, text, code, country, sector, name, entity,"
                " kind, rule, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(article.id, m.sentence, m.start, m.end, m.text, m.actor.code, m.actor.country, m.actor.sector,
                  m.actor.name, m.actor.entity, m.actor.kind, m.rule, m.evidence)
                 for m in (*article.actors, *article.inferred_actors)])
            self.executemany(
                "INSERT INTO quotes(article_id, start, end_, text, record) VALUES (?,?,?,?,?)",
                [(article.id, q.start, q.end, q.text, json.dumps(q.to_dict(), ensure_ascii=False))
                 for q in article.quotes])
            self.executemany(
                "INSERT INTO sources(article_id, name, kind, code, mentions) VALUES (?,?,?,?,?)",
                [(article.id, src["name"], src["kind"], src["code"], src["mentions"]) for src in article.sources])
            self.executemany(
                "INSERT INTO attribution_hops(article_id, event_id, hop, name, kind, code, cue) VALUES (?,?,?,?,?,?,?)",
                [(article.id, c.event, n, h.name, h.kind, h.code, h.cue) for c in article.chains
                 for n, h in enumerate(c.chain)])
            self.executemany(
                "INSERT INTO framing(article_id, start, end_, text, kind, note) VALUES (?,?,?,?,?,?)",
                [(article.id, f.start, f.end, f.text, f.kind, f.note) for f in article.framing])
            rows = []
            chains = article.chains_by_event()
            for event in article.events:
                s, t, loc, mood = event.source, event.target, event.location, event.modality
                first, last = event_interval(event.date, event.date_precision, published=article.published) or \
                    (None, None)
                rows.append((
                    event.id, article.id, event.sentence, event.trigger_text, event.trigger_start,
                    s.actor.code if s else None, s.actor.country if s else None, s.actor.sector if s else None,
                    s.actor.name if s else None, t.actor.code if t else None, t.actor.country if t else None,
                    t.actor.sector if t else None, t.actor.name if t else None, event.cameo, event.cameo_root,
                    event.goldstein, event.quad_class, event.plover, event.plover_mode, event.date,
                    event.date_precision, first, last, loc.name if loc else None, loc.country if loc else None,
                    loc.lat if loc else None, loc.lon if loc else None, mood.polarity, mood.certainty,
                    mood.condition, event.negates, event.pattern,
                    json.dumps(event.to_dict(chains.get(event.id, ())), ensure_ascii=False)))
            self.executemany(
                "INSERT INTO events(id, article_id, sentence, trigger, trigger_start, source_code,"
                " source_country, source_sector, source_name, target_code, target_country, target_sector,"
                " target_name, cameo, cameo_root, goldstein, quad_class, plover, plover_mode, date,"
                " date_precision, date_start, date_end, location_name, location_country, lat, lon, polarity,"
                " certainty, condition, negates, pattern, record)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows)

    def write_failure(self, rejected: Rejected, run_id: int) -> None:
        with self.transaction():
            self.execute("INSERT INTO failures(run_id, input, stage, code, reason, message) VALUES (?,?,?,?,?,?)",
                              (run_id, str(rejected.ref), rejected.stage, rejected.code, rejected.reason,
                               rejected.message))

    @locks.retried
    def cluster(self, *, window_days: int = 3) -> int:
        """Link events of the same dyad and CAMEO code whose dates fall within ``window_days`` of the cluster's
        first report into one cluster; rebuilds the cluster tables; returns the number of clusters.

        Negated events are left out (they report what did not happen), and so are a syndicated copy's events
        (they are its original's, counted once). Events without a date use their
        article's publication date; an undated event (its article has none either) is a cluster of its own.
        """
        with self.transaction(lock=locks.CLUSTERS):  # one rebuild at a time: each sees the last one's rows
            self.execute("DELETE FROM event_clusters")
            self.execute("DELETE FROM clusters")
            return self._link(self.execute(_CLUSTER_EVENTS.format(where="")), window_days=window_days, first_id=1)

    @locks.retried
    def recluster(self, keys: Iterable[tuple[str | None, str | None, str]], *, window_days: int = 3) -> int:
        """Rebuild only the clusters of these ``(source code, target code, CAMEO)`` keys, as after storing one
        article (give the keys of its events before and after): the clusters :meth:`cluster` would build for
        them, numbered after the store's highest cluster id. Returns their number."""
        wanted = set(keys)
        if not wanted:
            return 0
        cameos = sorted({key[2] for key in wanted})
        marks = ",".join("?" * len(cameos))
        with self.transaction(lock=locks.CLUSTERS):
            old = [(row[0],) for row in self.execute(
                f"SELECT id, source_code, target_code, cameo FROM clusters WHERE cameo IN ({marks})", cameos)
                if tuple(row[1:]) in wanted]
            self.executemany("DELETE FROM event_clusters WHERE cluster_id = ?", old)
            self.executemany("DELETE FROM clusters WHERE id = ?", old)
            rows = [row for row in self.execute(_CLUSTER_EVENTS.format(where=f" AND e.cameo IN ({marks})"), cameos)
                    if tuple(row[1:4]) in wanted]
            self.executemany("DELETE FROM event_clusters WHERE event_id = ?", [(row[0],) for row in rows])
            first = int(self.execute("SELECT coalesce(max(id), 0) FROM clusters").fetchone()[0]) + 1
            return self._link(iter(rows), window_days=window_days, first_id=first)

    def _link(self, rows: Iterator[tuple[Any, ...]], *, window_days: int, first_id: int) -> int:
        """Write the clusters of ``rows`` (sorted as :data:`_CLUSTER_EVENTS` sorts them), numbered from
        ``first_id``; returns their number."""
        # Streamed: the events come sorted, so only the open cluster is held and rows are written in batches of
        # 5,000 (lists of every event and cluster took 138 MB more for 100,000 events; this takes 5 MB).
        clusters: list[tuple[Any, ...]] = []
        members: list[tuple[str, int]] = []
        count = 0
        current: dict[str, Any] | None = None

        def close(cluster: dict[str, Any] | None) -> None:
            if cluster is not None:
                clusters.append((cluster["id"], *cluster["key"], cluster["first_date"], cluster["last_date"],
                                 cluster["first"], cluster["events"], len(cluster["articles"]),
                                 len(cluster["outlets"])))

        def flush() -> None:
            self.executemany(
                "INSERT INTO clusters(id, source_code, target_code, cameo, first_date, last_date, first_event,"
                " num_mentions, num_articles, num_sources) VALUES (?,?,?,?,?,?,?,?,?,?)", clusters)
            self.executemany("INSERT INTO event_clusters(event_id, cluster_id) VALUES (?, ?)", members)
            clusters.clear()
            members.clear()

        for event_id, source, target, cameo, when, article_id, outlet in rows:
            day = _day(when)
            if current is None or (current["key"] != (source, target, cameo)) or day is None or \
                    current["start"] is None or (day - current["start"]).days > window_days:
                close(current)
                current = {"key": (source, target, cameo), "start": day, "first": event_id, "first_date": when,
                           "last_date": when, "events": 0, "articles": set(), "outlets": set(),
                           "id": first_id + count}
                count += 1
            current["events"] += 1
            current["articles"].add(article_id)
            current["outlets"].add(outlet or article_id)
            current["last_date"] = when
            members.append((event_id, current["id"]))
            if len(members) >= 5000:
                flush()
        close(current)
        flush()
        return count

    # -- reading ----------------------------------------------------------------------------------------
    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts for the summary: articles, events by root and quad class, top dyads, outlets, failures."""
        one = self.execute
        out: dict[str, Any] = {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "sentences": one("SELECT count(*) FROM sentences").fetchone()[0],
            "actor_mentions": one("SELECT count(*) FROM actors").fetchone()[0],
            "events": one("SELECT count(*) FROM counted_events").fetchone()[0],
            # a syndicated copy (the same wire story on another site) is counted once: its events are its original's
            "syndicated_copies": one("SELECT count(DISTINCT relay_id) FROM relays WHERE kind = 'syndicated'"
                                     " AND original_id IS NOT NULL").fetchone()[0],
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
            "runs": one("SELECT count(*) FROM runs").fetchone()[0],
        }
        out["by_root"] = one("SELECT cameo_root, count(*) FROM counted_events GROUP BY cameo_root ORDER BY cameo_root"
                             ).fetchall()
        out["by_quad_class"] = one("SELECT quad_class, count(*) FROM counted_events GROUP BY quad_class"
                                   " ORDER BY quad_class").fetchall()
        out["by_plover"] = one("SELECT coalesce(plover, '-'), count(*) FROM counted_events GROUP BY plover "
                               "ORDER BY count(*) DESC").fetchall()
        out["top_dyads"] = one(
            "SELECT source_code, target_code, count(*), sum(goldstein) FROM counted_events "
            "WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND polarity = 'positive' "
            "GROUP BY source_code, target_code ORDER BY count(*) DESC, source_code LIMIT ?", (top,)).fetchall()
        out["top_dyads"] = [(s, t, n, round(float(g), 1)) for s, t, n, g in out["top_dyads"]]
        out["by_outlet"] = one("SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY outlet "
                               "ORDER BY count(*) DESC LIMIT ?", (top,)).fetchall()
        out["by_source_kind"] = one(
            "SELECT h.kind, count(*) FROM attribution_hops h JOIN (SELECT event_id, max(hop) AS last FROM"
            " attribution_hops GROUP BY event_id) f ON f.event_id = h.event_id AND f.last = h.hop"
            " GROUP BY h.kind ORDER BY count(*) DESC").fetchall()  # whose claim each event ultimately is
        # undated events (their article has no date) are counted apart, never placed on a day
        first, last, undated = one("SELECT min(date_start), max(date_end), sum(CASE WHEN date_start IS NULL"
                                   " THEN 1 ELSE 0 END) FROM counted_events").fetchone()
        out["dates"] = {"first": first, "last": last, "undated_events": int(undated or 0),
                        "undated_articles": one("SELECT count(*) FROM articles WHERE published IS NULL"
                                                ).fetchone()[0]}
        out["stories"] = one("SELECT count(*) FROM stories WHERE num_articles >= 2").fetchone()[0]
        out["relays"] = one("SELECT kind, count(*) FROM relays GROUP BY kind ORDER BY kind").fetchall()
        out["relays_linked"] = one("SELECT count(*) FROM relays WHERE original_id IS NOT NULL AND kind <> 'syndicated'"
                                   ).fetchone()[0]
        out["modality"] = one("SELECT polarity, certainty, count(*) FROM counted_events GROUP BY polarity, certainty "
                              "ORDER BY count(*) DESC").fetchall()
        return out


# The events clustering reads, sorted so that each cluster's events come together ({where}: more conditions).
_CLUSTER_EVENTS = (
    "SELECT e.id, e.source_code, e.target_code, e.cameo, coalesce(e.date, a.published), e.article_id, a.outlet"
    " FROM counted_events e JOIN articles a ON a.id = e.article_id WHERE e.polarity = 'positive'{where}"
    " ORDER BY e.source_code, e.target_code, e.cameo, coalesce(e.date, a.published), e.id")


def _day(value: str | None) -> date | None:
    if not value:
        return None
    text = value[:10]
    try:
        return date.fromisoformat(text if len(text) == 10 else (text + "-01-01")[:10])
    except ValueError:
        return None


def _redact(target: str) -> str:
    """A connection string without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", target)
