"""The ``--db`` option shared by the store commands, and opening the store for a command."""

from __future__ import annotations

from pathlib import Path

import typer

from newsevents.store import ENV_DB, Store, default_path

DB_HELP = f"The event store (a DuckDB file). Default: ${ENV_DB} or ./newsevents.duckdb."


def db_option() -> Path:
    return typer.Option(None, "--db", help=DB_HELP, envvar=ENV_DB, show_default=False)  # type: ignore[no-any-return]


def open_store(db: Path | None, *, read_only: bool = True, timeout: float = 30.0) -> Store:
    """The store for a command; readers wait up to ``timeout`` seconds while an ingest writes."""
    return Store.open(db or default_path(), read_only=read_only, timeout=timeout)
