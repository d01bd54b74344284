"""The store's schema, as numbered migrations applied in order.

``schema_version`` holds one row per applied migration. Opening a store applies the missing ones,
each in its own transaction, so a crash mid-upgrade leaves the file at the last complete version.
A file written by a newer newsevents (a version we do not know) is refused rather than guessed at.

Child tables carry ``article_id`` and the record's own id (ids of events and quotes are unique
within one article only). Spans are stored flat as ``*_start``, ``*_end``, ``*_text``; a NULL start
means the record had no span. Columns marked "derived" are written for fast queries and are not
needed to rebuild the records.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import duckdb

from newsevents.errors import StoreError
from newsevents.store.arrow import scalar

log = logging.getLogger(__name__)

V1_TABLES = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    url VARCHAR, title VARCHAR, source VARCHAR, published DATE, published_from VARCHAR,
    origin VARCHAR, wire_start INTEGER, wire_end INTEGER, wire_text VARCHAR, dateline_place VARCHAR,
    text VARCHAR NOT NULL,
    components VARCHAR,            -- JSON object: component role -> versioned name
    newsevents_version VARCHAR,    -- the package version that extracted it
    ingested_at TIMESTAMP NOT NULL
);
-- Every address a story was seen at: syndicated copies (same content hash) add rows here.
CREATE TABLE article_urls (
    article_id VARCHAR NOT NULL, url VARCHAR, source VARCHAR, origin VARCHAR, published DATE,
    added_at TIMESTAMP NOT NULL
);
CREATE TABLE paragraphs (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, role VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, rule VARCHAR
);
CREATE TABLE actors (
    article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL, country VARCHAR,
    sector VARCHAR, kind VARCHAR, role VARCHAR, origin VARCHAR
);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text VARCHAR, via VARCHAR
);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, text VARCHAR, "start" INTEGER, "end" INTEGER,
    speaker VARCHAR, speaker_name VARCHAR, speaker_start INTEGER, speaker_end INTEGER, speaker_text VARCHAR,
    channel VARCHAR, channel_start INTEGER, channel_end INTEGER, channel_text VARCHAR,
    verb VARCHAR, partial BOOLEAN, component VARCHAR,
    speaker_country VARCHAR        -- derived: the speaker actor's country
);
CREATE TABLE events (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
    category VARCHAR NOT NULL, cameo VARCHAR, mode VARCHAR, context VARCHAR[],
    source_ids VARCHAR[], source_multi BOOLEAN, target_ids VARCHAR[], target_multi BOOLEAN,
    source_start INTEGER, source_end INTEGER, source_text VARCHAR,
    target_start INTEGER, target_end INTEGER, target_text VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN,
    date_text VARCHAR, date_start INTEGER, date_end INTEGER, date_value DATE, date_precision VARCHAR,
    date_relative BOOLEAN,
    evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    confidence DOUBLE, goldstein DOUBLE, quad_class TINYINT, rule VARCHAR, coder VARCHAR, coder_version VARCHAR,
    inferred VARCHAR[],
    -- derived, for queries: each side's countries ("USA", "EGY+ITA"), names, and the dyad key
    src_country VARCHAR, tgt_country VARCHAR, src_label VARCHAR, tgt_label VARCHAR,
    src_key VARCHAR, tgt_key VARCHAR,
    day DATE,                      -- the event date at day precision, else the article's published date
    day_from VARCHAR               -- "event" or "published" (NULL: undated)
);
CREATE TABLE sources_cited (
    article_id VARCHAR NOT NULL, name VARCHAR, "start" INTEGER, "end" INTEGER, kind VARCHAR, actor VARCHAR
);
CREATE TABLE dates (
    article_id VARCHAR NOT NULL, text VARCHAR, "start" INTEGER, "end" INTEGER, value DATE, "precision" VARCHAR,
    relative BOOLEAN
);
"""

V2_LINKED = """
-- One row per real-world event; every event mention (row of events) points at one by link_id.
CREATE TABLE linked_events (
    id BIGINT NOT NULL, link_key UBIGINT NOT NULL,
    category VARCHAR NOT NULL, cameo VARCHAR, quad_class TINYINT, goldstein DOUBLE,
    negated BOOLEAN, hypothetical BOOLEAN,
    src_key VARCHAR, tgt_key VARCHAR, src_country VARCHAR, tgt_country VARCHAR, src_label VARCHAR, tgt_label VARCHAR,
    day DATE, first_day DATE, last_day DATE,
    n_mentions INTEGER NOT NULL, n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL, sources VARCHAR[],
    trigger_norm VARCHAR, tokens VARCHAR[],
    article_id VARCHAR, event_id VARCHAR, evidence_text VARCHAR, url VARCHAR
);
ALTER TABLE events ADD COLUMN link_id BIGINT;
CREATE INDEX linked_events_key ON linked_events (link_key);
CREATE INDEX events_article ON events (article_id);
"""


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(V1_TABLES)


def _v2(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(V2_LINKED)
    # Events stored by a v1 file are linked now, in the order they were written.
    from newsevents.store.linking import relink_all

    relink_all(con)


# (version, description, function): append only; never edit a released migration.
MIGRATIONS: tuple[tuple[int, str, Callable[[duckdb.DuckDBPyConnection], None]], ...] = (
    (1, "articles, paragraphs, actors, mentions, quotes, events, sources cited, dates", _v1),
    (2, "linked events: mentions of one real-world event counted once", _v2),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for an empty file."""
    if not scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"):
        return 0
    return int(scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version"))


def migrate(con: duckdb.DuckDBPyConnection, *, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to ``target``; returns the version reached."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}; this newsevents knows up to {SCHEMA_VERSION}: upgrade newsevents"
        )
    if version == 0:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL, description VARCHAR)"
        )
    for number, description, apply in MIGRATIONS:
        if version < number <= target:
            log.info("migrating store to schema version %d: %s", number, description)
            con.execute("BEGIN TRANSACTION")
            try:
                apply(con)
                con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [number, dt.datetime.now(), description])
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"migration to schema version {number} failed: {exc}") from exc
            version = number
    return version
