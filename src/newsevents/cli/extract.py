"""``newsevents extract``: articles in, events, quotes and actors out."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path

import typer

from newsevents.cli.common import EXIT_FAILED, library_errors, parse_day, warn
from newsevents.ingest import ReadOptions, iter_documents, read_stdin
from newsevents.pipeline import Pipeline, PipelineOptions
from newsevents.records import ArticleResult, Failure
from newsevents.schema import to_dict


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def sample_path() -> Path:
    """The Wikinews story bundled with the package (CC BY 2.5, see its NOTICE)."""
    return Path(str(resources.files("newsevents") / "samples" / "wikinews-sample.txt"))


def extract_command(
    paths: list[str] = typer.Argument(None, help="Text or HTML files, folders or globs; '-' reads stdin."),
    output_format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json or jsonl."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (resolves 'last month')."),
    source: str = typer.Option(None, "--source", help="Who published the article (an outlet or agency)."),
    url: str = typer.Option(None, "--url", help="The article's address."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML or CSV); repeatable."),
    patterns: list[Path] = typer.Option([], "--patterns", help="Extra event pattern file (YAML); repeatable."),
    sample: bool = typer.Option(False, "--sample", help="Run on the Wikinews story bundled with the package."),
    no_text: bool = typer.Option(False, "--no-text", help="Leave the article text out of JSON output."),
) -> None:
    """Extract actors, quotes and PLOVER-coded events from news articles."""
    options = ReadOptions(published=parse_day(published, "--published"), source=source, url=url)
    targets = list(paths or [])
    if sample:
        targets.append(str(sample_path()))
    if not targets:
        warn("no input: give files, folders, '-' for stdin, or --sample")
        raise typer.Exit(2)
    with library_errors():
        pipeline = Pipeline(PipelineOptions(actor_files=tuple(actors), pattern_files=tuple(patterns)))
        documents = [read_stdin(options) if t == "-" else None for t in targets]
        stream = _documents(targets, documents, options)
        done, failed = _emit(pipeline.process_many(stream), output_format, include_text=not no_text)
    if failed:
        warn(f"{done} article(s) processed, {failed} skipped")
    if failed and not done:
        raise typer.Exit(EXIT_FAILED)


def _documents(targets, stdin_docs, options):  # type: ignore[no-untyped-def]
    files = [t for t in targets if t != "-"]
    for doc in stdin_docs:
        if doc is not None:
            yield doc
    yield from iter_documents(files, options)


def _emit(results, output_format: OutputFormat, *, include_text: bool) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    done = failed = 0
    collected: list[dict] = []
    for item in results:
        if isinstance(item, Failure):
            failed += 1
            warn(f"skipped {item.origin}: {item.message}")
            continue
        done += 1
        if output_format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(to_dict(item, include_text=include_text), ensure_ascii=False) + "\n")
        elif output_format is OutputFormat.json:
            collected.append(to_dict(item, include_text=include_text))
        else:
            _print_table(item)
    if output_format is OutputFormat.json and collected:
        payload = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    return done, failed


def _print_table(result: ArticleResult) -> None:
    from newsevents.cli.render import render_result

    render_result(result)
