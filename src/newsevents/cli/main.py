"""``newsevents``: the command-line entry point."""

from __future__ import annotations

import logging
import sys

import typer

from newsevents.cli.export import export_command
from newsevents.cli.extract import extract_command
from newsevents.cli.ingest import ingest_command
from newsevents.cli.query import (
    actors_command,
    article_command,
    events_command,
    quotes_command,
    sql_command,
    timeline_command,
)

app = typer.Typer(
    name="newsevents",
    help="Political event data from news articles: who did what to whom, who said what, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_command)
app.command("ingest")(ingest_command)
app.command("events")(events_command)
app.command("timeline")(timeline_command)
app.command("actors")(actors_command)
app.command("quotes")(quotes_command)
app.command("article")(article_command)
app.command("sql")(sql_command)
app.command("export")(export_command)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress and decisions to stderr.")) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
