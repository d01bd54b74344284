"""Questions to the store: ``events``, ``timeline``, ``actors``, ``quotes``, ``article`` and ``sql``."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli.common import EXIT_USAGE, fail, library_errors, parse_day
from newsevents.cli.db import db_option, open_store
from newsevents.schema import to_dict
from newsevents.store import EventFilter, QuoteFilter, queries
from newsevents.store.timeline import summarise


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):  # sums in `newsevents sql` queries
        return float(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def emit(table: pa.Table, fmt: Format, *, title: str = "", wrap: tuple[str, ...] = ()) -> None:
    """Rows as a rich table, a JSON array or CSV on stdout."""
    if fmt is Format.json:
        sys.stdout.write(json.dumps(table.to_pylist(), ensure_ascii=False, indent=2, default=_json_default) + "\n")
    elif fmt is Format.csv:
        sink = io.BytesIO()
        flat = pa.table({n: _flat(c) for n, c in zip(table.column_names, table.columns, strict=True)})
        pacsv.write_csv(flat, sink)
        sys.stdout.write(sink.getvalue().decode("utf-8"))
    else:
        _rich(table, title, wrap)


def _flat(column: pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    if pa.types.is_list(column.type):  # CSV has no lists: "a; b"
        return pa.array(["; ".join(map(str, v)) if v is not None else None for v in column.to_pylist()], pa.string())
    return column


def _rich(table: pa.Table, title: str, wrap: tuple[str, ...]) -> None:
    out = Table(title=title or None, expand=bool(wrap))
    for name in table.column_names:
        if name in wrap:
            out.add_column(name, overflow="fold", ratio=3)
        else:  # short values (codes, counts, dates) read best unbroken
            out.add_column(name, overflow="fold", ratio=1, min_width=min(len(name), 12))
    for row in table.to_pylist():
        out.add_row(
            *("" if v is None else "; ".join(map(str, v)) if isinstance(v, list) else str(v) for v in row.values())
        )
    Console().print(out)


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.split(":")
    if len(parts) != 2 or not all(parts):
        fail(f"--dyad expects SOURCE:TARGET (e.g. USA:IRN), not {value!r}", EXIT_USAGE)
    return parts[0], parts[1]


def events_command(
    db: Path = db_option(),
    actor: str = typer.Option(None, "--actor", help="An actor's name or id (substring), either side."),
    country: str = typer.Option(None, "--country", help="A country code (USA), either side."),
    dyad: str = typer.Option(None, "--dyad", help="SOURCE:TARGET, country codes or names (USA:IRN)."),
    undirected: bool = typer.Option(False, "--undirected", help="The dyad in either direction."),
    category: list[str] = typer.Option([], "--category", "-c", help="PLOVER category; repeatable."),
    quad: list[int] = typer.Option([], "--quad", help="Quad class 1-4; repeatable."),
    since: str = typer.Option(None, "--since", help="First day YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Last day YYYY-MM-DD."),
    source: str = typer.Option(None, "--source", help="The outlet (name or URL substring)."),
    text: str = typer.Option(None, "--text", help="Words in the evidence sentence."),
    include_hypothetical: bool = typer.Option(False, "--include-hypothetical", help="Also threats of, plans to..."),
    include_negated: bool = typer.Option(False, "--include-negated", help="Also events said not to have happened."),
    mentions: bool = typer.Option(False, "--mentions", help="Every report (mention), not linked events."),
    limit: int = typer.Option(50, "--limit", min=0),
    offset: int = typer.Option(0, "--offset", min=0),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """Events filtered by actor, country, dyad, category, dates, source or text (linked events by default)."""
    f = EventFilter(actor=actor, country=country, dyad=_dyad(dyad), undirected=undirected, categories=tuple(category),
                    quad_classes=tuple(quad), since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                    source=source, text=text, include_hypothetical=include_hypothetical,
                    include_negated=include_negated)  # fmt: skip
    with library_errors(), open_store(db) as store:
        table = queries.events(store.con, f, mentions=mentions, limit=limit, offset=offset)
        total = queries.count_events(store.con, f, mentions=mentions) if fmt is Format.table else 0
    if fmt is Format.table:
        table = _narrow(table, mentions=mentions)
    what = "mentions" if mentions else "events"
    title = f"{what} {offset + 1}-{offset + table.num_rows} of {total}" + (
        "" if mentions else "; reports = mentions/articles/sources"
    )
    emit(table, fmt, title=title, wrap=("evidence",))


def _narrow(table: pa.Table, *, mentions: bool) -> pa.Table:
    """The columns a terminal has room for; --format json or csv gives them all."""

    def side(name: str | None, country: str | None) -> str:
        return f"{name or '?'} ({country})" if country else name or ""

    rows = []
    for r in table.to_pylist():
        evidence = r["evidence"] or ""
        row = {"id": r["link_id"] if mentions else r["id"], "day": r["day"], "category": r["category"],
               "source": side(r["source"], r["source_country"]), "target": side(r["target"], r["target_country"])}  # fmt: skip
        if mentions:
            row["article"] = r["article_id"]
        else:
            row["reports"] = f"{r['n_mentions']}/{r['n_articles']}/{r['n_sources']}"
        row["evidence"] = evidence if len(evidence) <= 160 else evidence[:157] + "..."
        rows.append(row)
    return pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.int64())})


def timeline_command(
    first: str = typer.Argument(..., help="A country code or actor name."),
    second: str = typer.Argument(None, help="The other side of the dyad (optional)."),
    db: Path = db_option(),
    by: str = typer.Option("month", "--by", help="day, week, month, quarter or year."),
    directed: bool = typer.Option(False, "--directed", help="Only FIRST acting on SECOND."),
    category: list[str] = typer.Option([], "--category", "-c", help="PLOVER category; repeatable."),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
    include_hypothetical: bool = typer.Option(False, "--include-hypothetical"),
    include_negated: bool = typer.Option(False, "--include-negated"),
    mentions: bool = typer.Option(False, "--mentions", help="Count every report, not linked events."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """Events per period and category for a dyad (or one actor), with a cooperation-conflict score."""
    f = EventFilter(actor=None if second else first, dyad=(first, second) if second else None, undirected=not directed,
                    categories=tuple(category), since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                    include_hypothetical=include_hypothetical, include_negated=include_negated)  # fmt: skip
    with library_errors(), open_store(db) as store:
        rows = summarise(queries.timeline(store.con, f, by=by, mentions=mentions))
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, default=_json_default) + "\n")
        return
    if fmt is Format.csv:  # one column per category, for spreadsheets
        names = sorted({c for r in rows for c in r["categories"]})
        flat = [{"period": period_label(r["period"], by), **{c: r["categories"].get(c, 0) for c in names},
                 "events": r["events"], "coop": r["cooperation"], "conflict": r["conflict"], "score": r["score"],
                 "goldstein_sum": r["goldstein_sum"]} for r in rows]  # fmt: skip
    else:  # a terminal has no room for sixteen category columns
        flat = [{"period": period_label(r["period"], by), "events": r["events"], "coop": r["cooperation"],
                 "conflict": r["conflict"], "score": r["score"],
                 "by category": ", ".join(f"{c} {n}" for c, n in sorted(r["categories"].items(), key=lambda x: -x[1]))}
                for r in rows]  # fmt: skip
    title = f"{first} – {second}" if second else first
    what = "mentions" if mentions else "linked events"
    emit(
        pa.Table.from_pylist(flat),
        fmt,
        title=f"{title} by {by} ({what}; score = mean Goldstein)",
        wrap=("by category",),
    )


def period_label(period: dt.date | None, by: str) -> str:
    """2019-09 for a month, 2019-Q3 for a quarter, 2019 for a year; weeks and days by their first day."""
    if period is None:
        return "undated"
    if by == "month":
        return period.strftime("%Y-%m")
    if by == "quarter":
        return f"{period.year}-Q{(period.month - 1) // 3 + 1}"
    if by == "year":
        return str(period.year)
    return period.isoformat()


def actors_command(
    db: Path = db_option(),
    country: str = typer.Option(None, "--country", help="Only events with this country on a side."),
    by_country: bool = typer.Option(False, "--by-country", help="Group actors by country."),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
    limit: int = typer.Option(20, "--limit", min=1),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """The most active actors, with their most frequent partners."""
    f = EventFilter(country=country, since=parse_day(since, "--since"), until=parse_day(until, "--until"))
    with library_errors(), open_store(db) as store:
        table = queries.actors(store.con, f, by_country=by_country, limit=limit)
    emit(table, fmt, title="most active actors (linked events)")


def quotes_command(
    db: Path = db_option(),
    speaker: str = typer.Option(None, "--speaker", help="The speaker's name or id (substring)."),
    about: str = typer.Option(None, "--about", help="A country code or actor name mentioned in or around the quote."),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
    limit: int = typer.Option(50, "--limit", min=0),
    offset: int = typer.Option(0, "--offset", min=0),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """Who said what (about whom): quotes by speaker and subject."""
    f = QuoteFilter(speaker=speaker, about=about, since=parse_day(since, "--since"), until=parse_day(until, "--until"))
    with library_errors(), open_store(db) as store:
        table = queries.quotes(store.con, f, limit=limit, offset=offset)
    if fmt is Format.table:
        table = table.select(["published", "speaker", "speaker_country", "quote", "outlet", "article_id"])
    emit(table, fmt, title="quotes", wrap=("quote",))


def article_command(
    article_id: str = typer.Argument(..., help="The article's id (see `newsevents events`)."),
    db: Path = db_option(),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json (newsevents/1)."),
) -> None:
    """One stored article: its text with its actors, quotes and events."""
    with library_errors(), open_store(db) as store:
        result = store.article(article_id)
        urls = [u["url"] or u["origin"] for u in store.article_urls(result.article.id)]
    if fmt is Format.json:
        sys.stdout.write(json.dumps({**to_dict(result), "urls": urls}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is Format.csv:
        fail("article supports --format table or json", EXIT_USAGE)
    from newsevents.cli.render import render_result

    console = Console()
    console.print(result.article.text, highlight=False)
    console.print("seen at: " + ", ".join(urls), highlight=False)
    render_result(result, console)


def sql_command(
    query: str = typer.Argument(
        ..., help='One SELECT statement, e.g. "SELECT category, count(*) FROM events GROUP BY 1".'
    ),
    db: Path = db_option(),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """Run a read-only SQL query on the store (tables: articles, events, linked_events, actors, quotes, ...)."""
    with library_errors(), open_store(db) as store:
        table = queries.read_only_sql(store.con, query)
    emit(table, fmt)
