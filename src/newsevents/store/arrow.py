"""Arrow tables in and out of DuckDB: bulk writes go through these, never ``executemany``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    """``table`` visible to SQL as ``name`` for the length of the block."""
    con.register(name, table)
    try:
        yield name
    finally:
        con.unregister(name)


def insert_arrow(con: duckdb.DuckDBPyConnection, table_name: str, table: pa.Table) -> None:
    """Append an Arrow table by column name (``table_name`` is ours, never user input)."""
    if table.num_rows == 0:
        return
    with registered(con, "_insert_rows", table):
        con.execute(f"INSERT INTO {table_name} BY NAME SELECT * FROM _insert_rows")


def table_schema(con: duckdb.DuckDBPyConnection, table_name: str) -> pa.Schema:
    """The Arrow schema of a stored table, so that rows of Python values convert to its types."""
    return fetch_arrow(con, f"SELECT * FROM {table_name} LIMIT 0").schema


def fetch_arrow(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> pa.Table:
    """The result of one parameterised query as an Arrow table (``con.sql`` avoids an extra copy)."""
    return con.sql(sql, params=list(params) or None).to_arrow_table()


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first value of a one-row query (fetched whole: DuckDB 2 refuses new work beside a half-read result)."""
    rows = con.execute(sql, list(params)).fetchall()
    return rows[0][0] if rows else None
