"""The schema is versioned; a v1 file is upgraded in place and its events linked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newsevents.errors import StoreError
from newsevents.store import SCHEMA_VERSION, Store
from newsevents.store.arrow import insert_arrow, table_schema
from newsevents.store.migrations import current_version, migrate
from newsevents.store.rows import result_rows

from .conftest import corpus


def _write_v1(path: Path) -> None:
    """A file as newsevents with schema version 1 wrote it: no linked events."""
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == 1
    for result in corpus():
        rows = result_rows(result, article_id=result.article.id, version="0.0.1", now=dt.datetime(2020, 1, 1))
        for name, items in rows.items():
            if items:
                insert_arrow(con, name, pa.Table.from_pylist(items, schema=table_schema(con, name)))
    con.close()


def test_a_new_store_is_at_the_latest_version(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert current_version(store.con) == SCHEMA_VERSION
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
        assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_a_v1_store_is_upgraded_and_its_events_linked(db_path: Path) -> None:
    _write_v1(db_path)
    with pytest.raises(StoreError, match="schema version 1"):
        Store.open(db_path, read_only=True)
    with Store.open(db_path) as store:
        assert current_version(store.con) == SCHEMA_VERSION
        assert store.counts()["articles"] == len(corpus())
        unlinked = store.con.execute("SELECT count(*) FROM events WHERE link_id IS NULL").fetchall()[0][0]
        assert unlinked == 0
        strikes = store.query("SELECT n_mentions FROM linked_events WHERE category = 'ASSAULT' AND NOT hypothetical")
        assert strikes.column(0).to_pylist() == [3]
        for result in corpus():
            assert store.article(result.article.id) == result


def test_a_store_from_a_newer_version_is_refused(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (99, now(), 'from the future')")
    with pytest.raises(StoreError, match="upgrade newsevents"):
        Store.open(db_path)
