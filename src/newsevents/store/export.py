"""Exports: Parquet tables, GDELT-like CSV, newsevents/1 JSON Lines and PLOVER JSON records.

Everything streams in Arrow record batches or chunks of articles, so memory stays flat however
large the store is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from newsevents.errors import StoreError
from newsevents.schema import to_dict
from newsevents.store.store import Store, package_version

ExportFormat = Literal["parquet", "csv", "jsonl", "plover"]
PARQUET_TABLES = ("articles", "article_urls", "paragraphs", "actors", "mentions", "quotes", "events", "linked_events",
                  "sources_cited", "dates")  # fmt: skip
BATCH_ROWS = 50_000

# GDELT 2.0 event fields (see docs/store.md for the mapping); one row per linked event.
GDELT_SQL = """
SELECT l.id AS GlobalEventID,
       CAST(strftime(l.day, '%Y%m%d') AS INTEGER) AS Day,
       CAST(strftime(l.day, '%Y%m') AS INTEGER) AS MonthYear,
       year(l.day) AS Year,
       round(year(l.day) + (dayofyear(l.day) - 1) / 365.0, 4) AS FractionDate,
       coalesce(s.country, '') || coalesce(s.sector, '') AS Actor1Code,
       l.src_label AS Actor1Name, l.src_country AS Actor1CountryCode, s.sector AS Actor1Type1Code,
       coalesce(t.country, '') || coalesce(t.sector, '') AS Actor2Code,
       l.tgt_label AS Actor2Name, l.tgt_country AS Actor2CountryCode, t.sector AS Actor2Type1Code,
       1 AS IsRootEvent,
       l.cameo AS EventCode, left(l.cameo, 3) AS EventBaseCode, left(l.cameo, 2) AS EventRootCode,
       l.quad_class AS QuadClass, l.goldstein AS GoldsteinScale,
       l.n_mentions AS NumMentions, l.n_sources AS NumSources, l.n_articles AS NumArticles,
       CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
       coalesce(l.url, a.url) AS SOURCEURL,
       l.category AS PloverCategory, l.negated AS Negated, l.hypothetical AS Hypothetical,
       e.day_from AS DayFrom, l.article_id AS ArticleID, l.evidence_text AS Evidence, e.coder AS Coder
FROM linked_events l
LEFT JOIN events e ON e.article_id = l.article_id AND e.event_id = l.event_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.actor_id = e.source_ids[1]
LEFT JOIN actors t ON t.article_id = e.article_id AND t.actor_id = e.target_ids[1]
LEFT JOIN articles a ON a.id = l.article_id
ORDER BY l.id
"""

PLOVER_SQL = """
SELECT e.article_id, e.event_id, e.link_id, e.day, e.category, e.mode, e.context, e.cameo, e.goldstein, e.quad_class,
       e.negated, e.hypothetical, e.confidence, e.coder, e.coder_version, e.evidence_text, e.evidence_start,
       e.evidence_end, e.src_country, e.tgt_country,
       (SELECT list({'name': x.name, 'country': x.country, 'sector': x.sector} ORDER BY x.actor_id)
          FROM actors x WHERE x.article_id = e.article_id AND list_contains(e.source_ids, x.actor_id)) AS src,
       (SELECT list({'name': x.name, 'country': x.country, 'sector': x.sector} ORDER BY x.actor_id)
          FROM actors x WHERE x.article_id = e.article_id AND list_contains(e.target_ids, x.actor_id)) AS tgt,
       a.url, a.source AS publisher, a.title AS headline, a.published
FROM events e JOIN articles a ON a.id = e.article_id
ORDER BY e.article_id, e.evidence_start, e.trigger_start
"""


def _batches(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[pa.RecordBatch]:
    reader = con.sql(sql).to_arrow_reader(BATCH_ROWS)
    yield from reader


def export(store: Store, fmt: ExportFormat, target: Path) -> dict[str, int]:
    """Write the store in ``fmt`` to ``target`` (a folder for parquet, else a file); rows written per output."""
    try:
        if fmt == "parquet":
            return export_parquet(store, target)
        if fmt == "csv":
            return {str(target): export_gdelt_csv(store, target)}
        if fmt == "jsonl":
            return {str(target): export_jsonl(store, target)}
        if fmt == "plover":
            return {str(target): export_plover(store, target)}
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from exc
    raise StoreError(f"unknown export format {fmt!r}")


def export_parquet(store: Store, folder: Path) -> dict[str, int]:
    """One Parquet file per table in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in PARQUET_TABLES:
        path = folder / f"{table}.parquet"
        reader = store.con.sql(f"SELECT * FROM {table}").to_arrow_reader(BATCH_ROWS)
        with pq.ParquetWriter(path, reader.schema, compression="zstd") as writer:
            n = 0
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
        counts[str(path)] = n
    return counts


def export_gdelt_csv(store: Store, path: Path) -> int:
    """Linked events as GDELT-like flat CSV columns."""
    _parent(path)
    reader = store.con.sql(GDELT_SQL).to_arrow_reader(BATCH_ROWS)
    n = 0
    with pacsv.CSVWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def export_jsonl(store: Store, path: Path, *, chunk: int = 200) -> int:
    """One newsevents/1 object per article (with its text), in the order written."""
    _parent(path)
    ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY ingested_at, id").fetchall()]
    with path.open("w", encoding="utf-8") as out:
        for start in range(0, len(ids), chunk):
            for result in store.articles(ids[start : start + chunk]):
                out.write(json.dumps(to_dict(result), ensure_ascii=False) + "\n")
    return len(ids)


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event mention in PLOVER's JSON event record fields, with our additions under ``newsevents``."""

    def actor(side: list[dict[str, Any]] | None, country: str | None) -> tuple[str | None, str | None, str | None]:
        members = side or []
        names = " + ".join(m["name"] for m in members) or None
        agents = "+".join(sorted({m["sector"] for m in members if m.get("sector")})) or None
        return country, names, agents

    source, source_actor, source_agent = actor(row["src"], row["src_country"])
    target, target_actor, target_agent = actor(row["tgt"], row["tgt_country"])
    return {
        "id": f"{row['article_id']}:{row['event_id']}",
        "date": row["day"].isoformat() if row["day"] else None,
        "event": row["category"], "mode": row["mode"] or "", "context": ",".join(row["context"] or ()),
        "source": source, "source_actor": source_actor, "source_agent": source_agent,
        "target": target, "target_actor": target_actor, "target_agent": target_agent,
        "text": row["evidence_text"], "url": row["url"], "publisher": row["publisher"], "headline": row["headline"],
        "story_date": row["published"].isoformat() if row["published"] else None,
        "version": f"newsevents {package_version()} {row['coder']}",
        "newsevents": {"link_id": row["link_id"], "cameo": row["cameo"], "goldstein": row["goldstein"],
                       "quad_class": row["quad_class"], "negated": row["negated"], "hypothetical": row["hypothetical"],
                       "confidence": row["confidence"], "coder": row["coder"], "coder_version": row["coder_version"],
                       "evidence": [row["evidence_start"], row["evidence_end"]]},
    }  # fmt: skip


def export_plover(store: Store, path: Path) -> int:
    """Every event mention as a PLOVER JSON record, one per line."""
    _parent(path)
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for batch in _batches(store.con, PLOVER_SQL):
            for row in batch.to_pylist():
                out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
                n += 1
    return n


def _parent(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give a file name for this format")
    path.parent.mkdir(parents=True, exist_ok=True)
