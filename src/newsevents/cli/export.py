"""``newsevents export``: the store as Parquet, GDELT-like CSV, newsevents/1 or PLOVER JSON Lines."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from newsevents.cli.common import library_errors
from newsevents.cli.db import db_option, open_store
from newsevents.store.export import export


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    plover = "plover"


def export_command(
    target: Path = typer.Argument(..., help="A folder (parquet) or a file (csv, jsonl, plover)."),
    fmt: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="parquet, csv, jsonl or plover."),
    db: Path = db_option(),
) -> None:
    """Export the store: Parquet tables, GDELT-like CSV, newsevents/1 or PLOVER JSON Lines."""
    with library_errors(), open_store(db) as store:
        counts = export(store, fmt.value, target)
    for path, n in counts.items():
        typer.echo(f"{path}: {n} rows")
