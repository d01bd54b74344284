"""Changing what is stored: dropping an article's extractions (to re-code it) and keeping links right."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from newsevents.store.arrow import registered

# The outlet a mention counts for in a linked event's n_sources (as linking.py's _source_name).
SOURCE_SQL = "coalesce(a.source, nullif(regexp_extract(a.url, '^[a-z]+://([^/]+)', 1), ''), '?' || a.id)"


def drop_extractions(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], tables: Sequence[str]) -> None:
    """Delete the rows extracted from these articles, inside the caller's transaction.

    The linked events their mentions fed are recounted from the mentions that remain, and those
    left with none are deleted.
    """
    with registered(con, "_drop_ids", pa.table({"id": pa.array(list(article_ids), pa.string())})):
        con.execute("CREATE OR REPLACE TEMP TABLE _touched AS "
                    "SELECT DISTINCT link_id FROM events WHERE article_id IN (SELECT id FROM _drop_ids) AND link_id IS NOT NULL")  # fmt: skip
        for table in tables:  # our own table names, not user input
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _drop_ids)")
    recount_links(con, "_touched")
    con.execute("DROP TABLE _touched")


def recount_links(con: duckdb.DuckDBPyConnection, ids_table: str) -> None:
    """Recount mentions, articles, sources and days of the linked events listed in ``ids_table``."""
    con.execute(
        f"UPDATE linked_events SET n_mentions = s.n, n_articles = s.na, n_sources = len(s.sources), sources = s.sources, "
        f"first_day = s.first_day, last_day = s.last_day FROM ("
        f"  SELECT e.link_id, count(*) AS n, count(DISTINCT e.article_id) AS na, "
        f"  list_sort(list_distinct(list({SOURCE_SQL}))) AS sources, min(e.day) AS first_day, max(e.day) AS last_day "
        f"  FROM events e JOIN articles a ON a.id = e.article_id "
        f"  WHERE e.link_id IN (SELECT link_id FROM {ids_table}) GROUP BY e.link_id) s "
        f"WHERE linked_events.id = s.link_id"
    )
    con.execute(
        f"DELETE FROM linked_events WHERE id IN (SELECT link_id FROM {ids_table}) "
        f"AND id NOT IN (SELECT link_id FROM events WHERE link_id IN (SELECT link_id FROM {ids_table}))"
    )
