"""``newsevents ingest``: documents into the event store, with progress and a summary."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsevents.cli.common import EXIT_FAILED, library_errors, parse_day, warn
from newsevents.cli.db import db_option, open_store
from newsevents.ingest import ReadOptions, iter_documents
from newsevents.store import default_path
from newsevents.store.ingest import Ingest, IngestOptions, IngestSummary

# Inputs up to this size are counted first, so the progress bar can show an ETA.
COUNT_FIRST_BYTES = 200_000_000
SHOW_FAILURES = 20


def ingest_command(
    paths: list[str] = typer.Argument(None, help="Files, folders, globs: text, HTML, JSON Lines, feeds, WARC."),
    db: Path = db_option(),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="NLP worker processes (each loads the model once)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per NLP batch and per write."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for documents without one."),
    source: str = typer.Option(None, "--source", help="Who published the documents (an outlet or agency)."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML or CSV); repeatable."),
    patterns: list[Path] = typer.Option([], "--patterns", help="Extra event pattern file (YAML); repeatable."),
    recode: bool = typer.Option(
        False, "--recode", help="Re-extract articles already stored (without PATH: all of them)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract events from documents and store them; stored articles (same content hash) are skipped."""
    from newsevents.pipeline import PipelineOptions

    if not paths and not recode:
        warn("no input: give files, folders or globs (or --recode to re-extract what is stored)")
        raise typer.Exit(2)
    read_options = ReadOptions(published=parse_day(published, "--published"), source=source)
    pipeline_options = PipelineOptions(actor_files=tuple(actors), pattern_files=tuple(patterns))
    options = IngestOptions(workers=workers, batch_size=batch_size, recode=recode)
    path = db or default_path()
    with library_errors():
        total = _count(paths, read_options, path) if not quiet else None
        documents = iter_documents(paths, read_options) if paths else _stored(path)
        with _Bar(total, quiet=quiet) as bar:
            summary = Ingest(path, pipeline_options, options, progress=bar.update).run(documents)
    _report(summary, path)
    if summary.failed and not (summary.new or summary.present or summary.recoded):
        raise typer.Exit(EXIT_FAILED)


def _stored(path: Path):  # type: ignore[no-untyped-def]
    """Stored articles as documents, read up front so the store is not held open during NLP."""
    with open_store(path, read_only=True) as store:
        return list(store.iter_documents())


def _count(paths: list[str] | None, options: ReadOptions, db: Path) -> int | None:
    if not paths:
        with open_store(db, read_only=True) as store:
            return store.counts()["articles"]
    size = 0
    for raw in paths:
        p = Path(raw)
        files = p.rglob("*") if p.is_dir() else Path().glob(raw) if any(c in raw for c in "*?[") else [p]
        size += sum(f.stat().st_size for f in files if f.is_file())
        if size > COUNT_FIRST_BYTES:
            return None
    return sum(1 for _ in iter_documents(paths, options))


class _Bar:
    """A rich progress bar with articles/s and an ETA (no ETA when the total is unknown)."""

    def __init__(self, total: int | None, *, quiet: bool) -> None:
        console = Console(stderr=True)
        # No bar when stderr is not a terminal (a log file, CI): it would only leave blank lines.
        self.quiet = quiet or not console.is_terminal
        self.started = time.monotonic()
        self.progress = Progress(
            TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[counts]}"), TimeRemainingColumn(), console=console, transient=True,
        )  # fmt: skip
        self.task = self.progress.add_task("ingest", total=total, rate="", counts="")

    def __enter__(self) -> _Bar:
        if not self.quiet:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.quiet:
            self.progress.stop()

    def update(self, s: IngestSummary) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = f"{s.handled / elapsed:.1f} articles/s"
        counts = f"new {s.new} · present {s.present} · failed {s.failed} · events {s.events}"
        self.progress.update(self.task, completed=s.handled, rate=rate, counts=counts)


def _report(s: IngestSummary, path: Path) -> None:
    for origin, message in s.failures[:SHOW_FAILURES]:
        warn(f"skipped {origin}: {message}")
    if len(s.failures) > SHOW_FAILURES:
        warn(f"... and {len(s.failures) - SHOW_FAILURES} more skipped")
    rate = s.done / s.seconds if s.seconds else 0.0
    recoded = f", {s.recoded} re-extracted" if s.recoded else ""
    typer.echo(
        f"{path}: {s.new} new, {s.present} already present{recoded}, {s.failed} failed; "
        f"{s.events} events, {s.quotes} quotes; {s.seconds:.1f} s ({rate:.1f} articles/s)"
    )
