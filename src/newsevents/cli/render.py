"""A readable terminal summary of one article's extraction, with rich."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsevents.records import ArticleResult


def render_result(result: ArticleResult, console: Console | None = None) -> None:
    console = console or Console()
    article = result.article
    actors = {a.id: a for a in result.actors}
    roles = Counter(p.role for p in article.paragraphs)
    console.rule(f"[bold]{article.id}[/bold]")
    meta = [f"published: {article.published or 'unknown'}"]
    if article.source:
        meta.append(f"source: {article.source}")
    if article.title:
        meta.append(f"title: {article.title}")
    meta.append("paragraphs: " + ", ".join(f"{n} {role}" for role, n in sorted(roles.items())))
    console.print(" | ".join(meta))

    def name(ref) -> str:  # type: ignore[no-untyped-def]
        refs = ref if isinstance(ref, tuple) else (ref,)
        return " + ".join(f"{actors[r].name} ({actors[r].country or '?'})" if r in actors else "?" for r in refs if r)

    events = Table(title="Events", expand=True)
    for column, ratio in (("category", 2), ("source", 3), ("target", 3), ("status", 3), ("date", 2), ("evidence", 6)):
        events.add_column(column, overflow="fold", ratio=ratio)
    for e in result.events:
        status = "negated" if e.negated else "hypothetical" if e.hypothetical else "asserted"
        date = e.date.value.isoformat() if e.date and e.date.value else e.date.text if e.date else ""
        events.add_row(
            f"{e.category} {e.cameo}", name(e.source), name(e.target), status, date, _snippet(article.text, e)
        )
    console.print(events)

    quotes = Table(title="Quotes", expand=True)
    for column in ("speaker", "channel", "quote"):
        quotes.add_column(column, overflow="fold")
    for q in result.quotes:
        speaker = actors[q.speaker].name if q.speaker in actors else (q.speaker_name or "?")
        quotes.add_row(speaker, q.channel or "", q.text[:200])
    console.print(quotes)

    table = Table(title="Actors", expand=True)
    for column in ("name", "country", "sector", "kind", "mentions"):
        table.add_column(column, overflow="fold")
    for a in result.actors:
        table.add_row(a.name, a.country or "?", a.sector or "", a.kind, str(len(a.mentions)))
    console.print(table)


def _snippet(text: str, event) -> str:  # type: ignore[no-untyped-def]
    """The words around the trigger, the trigger in bold: enough to see why it was coded."""
    start = max(event.evidence.start, event.trigger.start - 45)
    end = min(event.evidence.end, event.trigger.end + 45)
    before = escape(text[start : event.trigger.start])
    after = escape(text[event.trigger.end : end])
    lead = "…" if start > event.evidence.start else ""
    tail = "…" if end < event.evidence.end else ""
    return f"{lead}{before}[bold]{escape(event.trigger.text)}[/bold]{after}{tail}".replace("\n", " ")
