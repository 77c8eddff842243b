"""The embedded store: SQLite, one transaction per article, resumable runs.

``Store(path)`` creates or upgrades the schema (``schema.sql``; the version is kept in ``meta``). A run is
opened with :meth:`Store.begin_run`; each article is written by :meth:`Store.write_article` in its own
transaction, so a crash (even ``kill -9``) loses at most the article being written and a rerun skips every
article already stored by the same pipeline version (:meth:`Store.coded`). ``--recode`` rewrites them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from thucydides.errors import StoreError
from thucydides.output import article_to_dict
from thucydides.types import Article, Rejected

SCHEMA_VERSION = 1


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A SQLite database of coded articles. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database: {exc}", source=self.path) from exc
        self.conn.execute("PRAGMA journal_mode=WAL")  # readers (the web pages) never block the writer
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema -----------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            found = self.conn.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:
            found = None
        version = int(found[0]) if found else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"schema version {version} is newer than this program's ({SCHEMA_VERSION})",
                             source=self.path)
        if version < 1:
            script = resources.files("thucydides").joinpath("store", "schema.sql").read_text("utf-8")
            with self.conn:
                self.conn.executescript(script)
                self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                                  (str(SCHEMA_VERSION),))

    # -- runs -------------------------------------------------------------------------------------------
    def begin_run(self, *, pipeline_version: str, settings: dict[str, Any], inputs: Iterable[str]) -> int:
        with self.conn:
            cursor = self.conn.execute(
                "INSERT INTO runs(started, pipeline_version, settings, inputs) VALUES (?, ?, ?, ?)",
                (_now(), pipeline_version, json.dumps(settings, default=str), json.dumps(list(inputs))))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, *, articles: int, skipped: int, failed: int, seconds: float) -> None:
        with self.conn:
            self.conn.execute("UPDATE runs SET finished = ?, articles = ?, skipped = ?, failed = ?, seconds = ? "
                              "WHERE id = ?", (_now(), articles, skipped, failed, round(seconds, 3), run_id))

    def coded(self, pipeline_version: str) -> set[str]:
        """Ids of the articles already stored by this pipeline version (what a resumed run skips)."""
        rows = self.conn.execute("SELECT id FROM articles WHERE pipeline_version = ?", (pipeline_version,))
        return {row[0] for row in rows}

    # -- writing ----------------------------------------------------------------------------------------
    def write_article(self, article: Article, run_id: int, pipeline_version: str) -> None:
        """Write one article with everything coded in it, atomically (replacing an earlier coding)."""
        record = article_to_dict(article)
        dl = article.dateline
        with self.conn:
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # cascades to its rows
            self.conn.execute(
                "INSERT INTO articles(id, run_id, pipeline_version, input_path, input_line, input_record, outlet,"
                " url, headline, published, published_precision, dateline_place, dateline_country, agency,"
                " language, text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, run_id, pipeline_version, article.ref.path, article.ref.line, article.ref.record,
                 article.outlet, article.url, article.headline, article.published, article.published_precision,
                 dl.place if dl else None, dl.country if dl else None, dl.agency if dl else None,
                 article.language, article.text, json.dumps(record, ensure_ascii=False)))
            self.conn.executemany(
                "INSERT INTO sentences(article_id, idx, start, end_, paragraph) VALUES (?,?,?,?,?)",
                [(article.id, s.index, s.start, s.end, s.paragraph) for s in article.sentences])
            self.conn.executemany(
                "INSERT INTO actors(article_id, sentence, start, end_, text, code, country, sector, name, entity,"
                " kind, rule, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(article.id, m.sentence, m.start, m.end, m.text, m.actor.code, m.actor.country, m.actor.sector,
                  m.actor.name, m.actor.entity, m.actor.kind, m.rule, m.evidence) for m in article.actors])
            rows = []
            for event in article.events:
                s, t, loc, mood = event.source, event.target, event.location, event.modality
                rows.append((
                    event.id, article.id, event.sentence, event.trigger_text, event.trigger_start,
                    s.actor.code if s else None, s.actor.country if s else None, s.actor.sector if s else None,
                    s.actor.name if s else None, t.actor.code if t else None, t.actor.country if t else None,
                    t.actor.sector if t else None, t.actor.name if t else None, event.cameo, event.cameo_root,
                    event.goldstein, event.quad_class, event.plover, event.plover_mode, event.date,
                    event.date_precision, loc.name if loc else None, loc.country if loc else None,
                    loc.lat if loc else None, loc.lon if loc else None, mood.polarity, mood.certainty,
                    mood.condition, event.negates, event.pattern, json.dumps(event.to_dict(), ensure_ascii=False)))
            self.conn.executemany(
                "INSERT OR REPLACE INTO events(id, article_id, sentence, trigger, trigger_start, source_code,"
                " source_country, source_sector, source_name, target_code, target_country, target_sector,"
                " target_name, cameo, cameo_root, goldstein, quad_class, plover, plover_mode, date,"
                " date_precision, location_name, location_country, lat, lon, polarity, certainty, condition,"
                " negates, pattern, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows)

    def write_failure(self, rejected: Rejected, run_id: int) -> None:
        with self.conn:
            self.conn.execute("INSERT INTO failures(run_id, input, stage, code, reason, message) VALUES (?,?,?,?,?,?)",
                              (run_id, str(rejected.ref), rejected.stage, rejected.code, rejected.reason,
                               rejected.message))

    # -- reading ----------------------------------------------------------------------------------------
    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Counts for the summary: articles, events by root and quad class, top dyads, outlets, failures."""
        one = self.conn.execute
        out: dict[str, Any] = {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "sentences": one("SELECT count(*) FROM sentences").fetchone()[0],
            "actor_mentions": one("SELECT count(*) FROM actors").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
            "runs": one("SELECT count(*) FROM runs").fetchone()[0],
        }
        out["by_root"] = one("SELECT cameo_root, count(*) FROM events GROUP BY cameo_root ORDER BY cameo_root"
                             ).fetchall()
        out["by_quad_class"] = one("SELECT quad_class, count(*) FROM events GROUP BY quad_class ORDER BY quad_class"
                                   ).fetchall()
        out["by_plover"] = one("SELECT coalesce(plover, '-'), count(*) FROM events GROUP BY plover "
                               "ORDER BY count(*) DESC").fetchall()
        out["top_dyads"] = one(
            "SELECT source_code, target_code, count(*), round(sum(goldstein), 1) FROM events "
            "WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND polarity = 'positive' "
            "GROUP BY source_code, target_code ORDER BY count(*) DESC, source_code LIMIT ?", (top,)).fetchall()
        out["by_outlet"] = one("SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY outlet "
                               "ORDER BY count(*) DESC LIMIT ?", (top,)).fetchall()
        out["modality"] = one("SELECT polarity, certainty, count(*) FROM events GROUP BY polarity, certainty "
                              "ORDER BY count(*) DESC").fetchall()
        return out
