-- Thucydides store (SQLite; version in meta, SCHEMA_VERSION in sqlite.py). Every coded article, its sentences, actor mentions and
-- events (one row per source-target dyad; the full JSON record is kept as well), the runs that wrote them
-- and the inputs that failed. Quotes, sources, attribution hops and framing flags get their tables now and
-- are filled when the attribution stage lands. Offsets are character offsets into articles.text.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    started          TEXT NOT NULL,      -- ISO timestamp, UTC
    finished         TEXT,
    pipeline_version TEXT NOT NULL,      -- package version + hash of the packaged dictionaries and patterns
    settings         TEXT NOT NULL,      -- JSON
    inputs           TEXT NOT NULL,      -- JSON list of the command's inputs
    articles         INTEGER DEFAULT 0,  -- coded in this run
    skipped          INTEGER DEFAULT 0,  -- already in the store with the same pipeline version, or not English
    failed           INTEGER DEFAULT 0,
    seconds          REAL
);

CREATE TABLE IF NOT EXISTS articles (
    id                  TEXT PRIMARY KEY,
    run_id              INTEGER NOT NULL REFERENCES runs(id),
    pipeline_version    TEXT NOT NULL,
    input_path          TEXT NOT NULL,
    input_line          INTEGER,
    input_record        INTEGER,
    outlet              TEXT,
    url                 TEXT,
    headline            TEXT,
    published           TEXT,
    published_precision TEXT,
    dateline_place      TEXT,
    dateline_country    TEXT,
    agency              TEXT,
    language            TEXT,
    text                TEXT NOT NULL,
    record              TEXT NOT NULL    -- the public JSON record (README "The JSON record")
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end_       INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end_       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT,
    name       TEXT,
    entity     TEXT,
    kind       TEXT,
    rule       TEXT,
    evidence   TEXT
);
CREATE INDEX IF NOT EXISTS actors_article ON actors(article_id);
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);

CREATE TABLE IF NOT EXISTS events (
    id               TEXT PRIMARY KEY,
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence         INTEGER NOT NULL,
    trigger          TEXT NOT NULL,
    trigger_start    INTEGER NOT NULL,
    source_code      TEXT,
    source_country   TEXT,
    source_sector    TEXT,
    source_name      TEXT,
    target_code      TEXT,
    target_country   TEXT,
    target_sector    TEXT,
    target_name      TEXT,
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,
    goldstein        REAL NOT NULL,
    quad_class       INTEGER NOT NULL,
    plover           TEXT,
    plover_mode      TEXT,
    date             TEXT,             -- NULL: undated (its article has no date)
    date_precision   TEXT,             -- day, week, month, year, reported, report; unknown when undated
    date_start       TEXT,             -- the first and last day the date covers (docs/filters.md); NULL when
    date_end         TEXT,             -- undated. Date filters compare these: intervals overlap
    location_name    TEXT,
    location_country TEXT,
    lat              REAL,
    lon              REAL,
    polarity         TEXT NOT NULL,
    certainty        TEXT NOT NULL,
    condition        TEXT,
    negates          TEXT,
    pattern          TEXT,
    record           TEXT NOT NULL    -- the event's JSON (source/target lists, modality, attribution)
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country, date);
CREATE INDEX IF NOT EXISTS events_root ON events(cameo_root, date);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover, date);
CREATE INDEX IF NOT EXISTS events_interval ON events(date_start, date_end);

CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end_       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    record     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);  -- quotes per article (the article list)
CREATE TABLE IF NOT EXISTS sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    code       TEXT,
    mentions   INTEGER
);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id, kind);  -- the article list's source facet
CREATE TABLE IF NOT EXISTS attribution_hops (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id   TEXT,
    hop        INTEGER NOT NULL,
    name       TEXT,
    kind       TEXT,
    code       TEXT,
    cue        TEXT
);
-- an event's chain, last hop first found (the web's "where claims come from" and the source_kind filter)
CREATE INDEX IF NOT EXISTS attribution_hops_event ON attribution_hops(event_id, hop);
CREATE TABLE IF NOT EXISTS framing (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end_       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    note       TEXT
);

CREATE TABLE IF NOT EXISTS failures (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id  INTEGER NOT NULL REFERENCES runs(id),
    input   TEXT NOT NULL,     -- path, with :line or #record
    stage   TEXT NOT NULL,
    code    TEXT NOT NULL,     -- T1xx ... (README "Exit status and bad input")
    reason  TEXT NOT NULL,
    message TEXT NOT NULL
);

-- Events of several articles that report the same act: same dyad and CAMEO code, dates within a window
-- (`thucydides cluster`, run after every `code --db`). GDELT's NumMentions/NumSources/NumArticles come from here.
CREATE TABLE IF NOT EXISTS clusters (
    id            INTEGER PRIMARY KEY,
    source_code   TEXT,
    target_code   TEXT,
    cameo         TEXT NOT NULL,
    first_date    TEXT,
    last_date     TEXT,
    first_event   TEXT NOT NULL,     -- the earliest report's event
    num_mentions  INTEGER NOT NULL,  -- events in the cluster
    num_articles  INTEGER NOT NULL,
    num_sources   INTEGER NOT NULL   -- distinct outlets
);
CREATE TABLE IF NOT EXISTS event_clusters (
    event_id   TEXT PRIMARY KEY,
    cluster_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS event_clusters_cluster ON event_clusters(cluster_id);

-- Stories: articles (of any outlets) that report the same story, found by text similarity within a few days
-- (thucydides/stories; `thucydides stories`, updated after every `code --db`). story_articles keeps each
-- article's profile (its weighted words, JSON) so new articles are compared without re-reading old ones.
CREATE TABLE IF NOT EXISTS stories (
    id           INTEGER PRIMARY KEY,
    first_date   TEXT,
    last_date    TEXT,
    num_articles INTEGER NOT NULL,
    num_outlets  INTEGER NOT NULL,
    headline     TEXT              -- the earliest article's headline
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL,
    similarity REAL NOT NULL,      -- cosine with the story's centroid when the article joined (1: it opened it)
    profile    TEXT NOT NULL       -- JSON [[word, weight], ...]
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
CREATE INDEX IF NOT EXISTS stories_first ON stories(first_date);

-- Article search (version 5; thucydides/store/search.py): words of the headline and text, stemmed (English).
-- SQLite: an FTS5 index with no copy of the text (contentless). Its rowids are article_search.id, a key of our
-- own, because the implicit rowid of articles may change on VACUUM. Triggers keep it in step with articles
-- (an article is deleted and inserted again when recoded); the last statement indexes the articles of an older
-- store, once. PostgreSQL: an expression index of the same words (the "postgres:" line, a comment to SQLite).
-- _postgres_schema in sqlite.py drops the lines between the "sqlite only" markers and keeps the postgres line.
-- sqlite only {
CREATE TABLE IF NOT EXISTS article_search (
    id         INTEGER PRIMARY KEY,   -- the rowid of the article's entry in article_search_fts
    article_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE IF NOT EXISTS article_search_fts USING fts5(
    headline, text, content='', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS article_search_add AFTER INSERT ON article_search BEGIN
    INSERT INTO article_search_fts(rowid, headline, text)
        SELECT new.id, headline, text FROM articles WHERE id = new.article_id;
END;
-- a contentless index forgets an entry only when told the words it indexed: the article is still there to say
CREATE TRIGGER IF NOT EXISTS article_search_remove AFTER DELETE ON article_search BEGIN
    INSERT INTO article_search_fts(article_search_fts, rowid, headline, text)
        SELECT 'delete', old.id, headline, text FROM articles WHERE id = old.article_id;
END;
CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search(article_id) VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS articles_search_delete BEFORE DELETE ON articles BEGIN
    DELETE FROM article_search WHERE article_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS articles_search_update_old BEFORE UPDATE OF id, headline, text ON articles BEGIN
    DELETE FROM article_search WHERE article_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS articles_search_update_new AFTER UPDATE OF id, headline, text ON articles BEGIN
    INSERT INTO article_search(article_id) VALUES (new.id);
END;
INSERT INTO article_search(article_id) SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_search);
-- sqlite only }
-- postgres: CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin (to_tsvector('english', left(coalesce(headline, '') || ' ' || text, 200000)));

-- Relays: a stored article that retells another (thucydides/relays; `thucydides relays`, updated with the stories).
-- original_id is NULL for a named relay whose original is not stored; record is the relay's JSON (retold,
-- added, changed, dropped spans). relay_checked lists the articles already compared with the others.
CREATE TABLE IF NOT EXISTS relays (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    relay_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
    outlet      TEXT,
    kind        TEXT NOT NULL,   -- named | unnamed | syndicated
    similarity  REAL NOT NULL,
    day         TEXT,            -- the original's day, as stored or as the relay's text gives it
    record      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS relays_relay ON relays(relay_id);
CREATE INDEX IF NOT EXISTS relays_original ON relays(original_id);
CREATE TABLE IF NOT EXISTS relay_checked (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
-- The events counted in stats, clusters, dyads, charts and exports: a syndicated copy's events are its
-- original's, so they are counted once (the copy's own rows stay in `events`, shown on its article page).
CREATE VIEW IF NOT EXISTS counted_events AS
    SELECT * FROM events WHERE article_id NOT IN
        (SELECT relay_id FROM relays WHERE kind = 'syndicated' AND original_id IS NOT NULL);
