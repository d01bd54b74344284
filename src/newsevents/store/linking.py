"""Linking event mentions that report the same real-world event into one linked event.

Two mentions are linked when they have the same category, the same negation and modality, the
same dyad (each side compared by country, or by actor name where no country is known; the order
is ignored for the undirected categories AGREE, CONSULT and COOPERATE), days no more than
``window_days`` apart (the event's own date at day precision, else the article's), and similar
evidence: a token Jaccard of at least ``min_jaccard`` on the evidence sentences, or the same
trigger word with at least ``min_jaccard_same_trigger`` (names of the sides and the trigger itself are left out
of the comparison: they are compared already).

Linking runs at write time, inside the article's transaction: the candidates are looked up by a
64-bit hash of (category, status, dyad) that is indexed, then compared in Python. A new mention
is compared with the first mention of each candidate (its tokens are kept on the linked event),
so a link does not drift as reports pile up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.records import UNDIRECTED_CATEGORIES
from newsevents.store.arrow import insert_arrow, registered, scalar, table_schema

Row = dict[str, Any]

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOPWORDS = (
    "the and for that with from this was were are has have had its his her their they them but not said says "
    "will would could should been being also after before over into about than then there which who whom what "
    "when where while other more most some such only very just all any our out one two new on in of to by as"
)
_STOP = frozenset(_STOPWORDS.split())
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


@dataclass(frozen=True, kw_only=True)
class LinkOptions:
    """How close two mentions must be to count as one event."""

    window_days: int = 3
    min_jaccard: float = 0.3
    min_jaccard_same_trigger: float = 0.15


def tokens(text: str) -> frozenset[str]:
    """Content words of an evidence sentence, lower-cased and crudely stemmed."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


def stem(word: str) -> str:
    """A crude suffix strip, enough to make "attacked" and "attacks" agree."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def link_key(category: str, negated: bool, hypothetical: bool, src_key: str | None, tgt_key: str | None) -> int:
    """The 64-bit hash that candidates are looked up by."""
    sides = [src_key or "", tgt_key or ""]
    if category in UNDIRECTED_CATEGORIES:
        sides.sort()
    raw = f"{category}|{int(negated)}{int(hypothetical)}|{sides[0]}|{sides[1]}"
    return int.from_bytes(hashlib.blake2b(raw.encode("utf-8"), digest_size=8).digest(), "little")


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two token sets; two empty sets (nothing but names and the verb) count as equal."""
    return len(a & b) / len(a | b) if a or b else 1.0


def evidence_tokens(event: Row) -> frozenset[str]:
    """The evidence's content words less the sides' names and the trigger: those are compared already."""
    known = tokens(f"{event.get('src_label') or ''} {event.get('tgt_label') or ''} {event.get('trigger_text') or ''}")
    return tokens(event.get("evidence_text") or "") - known


@dataclass
class _Link:
    """A linked event as the linker sees it while a batch is written."""

    id: int
    key: int
    first_day: dt.date | None
    last_day: dt.date | None
    tokens: frozenset[str]
    trigger: str
    n_mentions: int
    n_articles: int
    sources: set[str]
    articles: set[str] = field(default_factory=set)
    new: bool = False
    row: Row = field(default_factory=dict)

    def near(self, day: dt.date | None, window: int) -> bool:
        if day is None or self.first_day is None or self.last_day is None:
            return day is None and self.first_day is None
        gap = dt.timedelta(days=window)
        return self.first_day - gap <= day <= self.last_day + gap


def _source_name(article: Row) -> str:
    if article.get("source"):
        return str(article["source"])
    url = article.get("url") or ""
    host = re.match(r"^[a-z]+://([^/]+)", url)
    return host.group(1) if host else "?" + str(article["id"])


def link_events(
    con: duckdb.DuckDBPyConnection,
    events: Sequence[Row],
    articles: Mapping[str, Row],
    options: LinkOptions | None = None,
) -> None:
    """Set ``link_id`` on each event row, creating and updating linked events in the database."""
    if not events:
        return
    options = options or LinkOptions()
    keyed = [(link_key(e["category"], e["negated"], e["hypothetical"], e["src_key"], e["tgt_key"]), e) for e in events]
    links = _candidates(con, sorted({k for k, _ in keyed}))
    next_id = _next_id(con)
    for key, event in keyed:
        found = _best(links.get(key, []), event, options)
        if found is None:
            found = _new_link(next_id, key, event)
            next_id += 1
            links.setdefault(key, []).append(found)
        _add(found, event, articles[event["article_id"]])
        event["link_id"] = found.id
    _save(con, [link for group in links.values() for link in group if link.new or link.articles])


def _candidates(con: duckdb.DuckDBPyConnection, keys: list[int]) -> dict[int, list[_Link]]:
    with registered(con, "_link_keys", pa.table({"link_key": pa.array(keys, pa.uint64())})):
        rows = con.execute(
            "SELECT id, link_key, first_day, last_day, tokens, trigger_norm, n_mentions, n_articles, sources "
            "FROM linked_events WHERE link_key IN (SELECT link_key FROM _link_keys)"
        ).fetchall()
    links: dict[int, list[_Link]] = {}
    for id_, key, first, last, toks, trig, n_m, n_a, srcs in rows:
        links.setdefault(key, []).append(
            _Link(id=id_, key=key, first_day=first, last_day=last, tokens=frozenset(toks or ()), trigger=trig or "",
                  n_mentions=n_m, n_articles=n_a, sources=set(srcs or ()))
        )  # fmt: skip
    return links


def _next_id(con: duckdb.DuckDBPyConnection) -> int:
    return int(scalar(con, "SELECT coalesce(max(id), 0) + 1 FROM linked_events"))


def _best(candidates: list[_Link], event: Row, options: LinkOptions) -> _Link | None:
    mine = evidence_tokens(event)
    trigger = stem(event["trigger_text"] or "")
    best, best_score = None, -1.0
    for link in candidates:
        if not link.near(event["day"], options.window_days):
            continue
        score = jaccard(mine, link.tokens)
        needed = options.min_jaccard_same_trigger if trigger and trigger == link.trigger else options.min_jaccard
        if score >= needed and score > best_score:
            best, best_score = link, score
    return best


def _new_link(id_: int, key: int, event: Row) -> _Link:
    row = {name: event[name] for name in ("category", "cameo", "quad_class", "goldstein", "negated", "hypothetical",
                                            "src_key", "tgt_key", "src_country", "tgt_country", "src_label", "tgt_label",
                                            "day", "article_id", "event_id", "evidence_text")}  # fmt: skip
    return _Link(id=id_, key=key, first_day=event["day"], last_day=event["day"],
                 tokens=evidence_tokens(event), trigger=stem(event["trigger_text"] or ""),
                 n_mentions=0, n_articles=0, sources=set(), new=True, row=row)  # fmt: skip


def _add(link: _Link, event: Row, article: Row) -> None:
    link.n_mentions += 1
    if event["article_id"] not in link.articles:
        # Articles already counted in the database are never the ones being written now.
        link.articles.add(event["article_id"])
        link.n_articles += 1
    link.sources.add(_source_name(article))
    if link.new and not link.row.get("url"):
        link.row["url"] = article.get("url")
    day = event["day"]
    if day is not None and link.first_day is not None and link.last_day is not None:
        link.first_day, link.last_day = min(link.first_day, day), max(link.last_day, day)


def _save(con: duckdb.DuckDBPyConnection, links: list[_Link]) -> None:
    def counts(link: _Link) -> Row:
        return {"id": link.id, "first_day": link.first_day, "last_day": link.last_day, "n_mentions": link.n_mentions,
                "n_articles": link.n_articles, "n_sources": len(link.sources), "sources": sorted(link.sources)}  # fmt: skip

    new = [{**link.row, **counts(link), "link_key": link.key, "trigger_norm": link.trigger, "tokens": sorted(link.tokens)}
           for link in links if link.new]  # fmt: skip
    if new:
        insert_arrow(con, "linked_events", pa.Table.from_pylist(new, schema=table_schema(con, "linked_events")))
    updated = [counts(link) for link in links if not link.new]
    if updated:
        with registered(con, "_link_changes", pa.Table.from_pylist(updated)):
            con.execute(
                "UPDATE linked_events SET first_day = c.first_day, last_day = c.last_day, n_mentions = c.n_mentions, "
                "n_articles = c.n_articles, n_sources = c.n_sources, sources = c.sources FROM _link_changes c "
                "WHERE linked_events.id = c.id"
            )


def relink_all(con: duckdb.DuckDBPyConnection, options: LinkOptions | None = None, *, chunk: int = 50_000) -> int:
    """Link every stored event again from scratch, in the order articles were written; returns the links made."""
    con.execute("DELETE FROM linked_events")
    articles = {
        r[0]: {"id": r[0], "source": r[1], "url": r[2]}
        for r in con.execute("SELECT id, source, url FROM articles").fetchall()
    }
    cursor = con.execute(
        "SELECT e.article_id, e.event_id, e.category, e.cameo, e.quad_class, e.goldstein, e.negated, e.hypothetical, "
        "e.src_key, e.tgt_key, e.src_country, e.tgt_country, e.src_label, e.tgt_label, e.day, e.evidence_text, "
        "e.trigger_text FROM events e JOIN articles a ON a.id = e.article_id "
        "ORDER BY a.ingested_at, e.article_id, e.evidence_start, e.trigger_start"
    )
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    for batch in _article_chunks(rows, chunk):
        link_events(con, batch, articles, options)
        ids = pa.Table.from_pylist([{"article_id": r["article_id"], "event_id": r["event_id"], "link_id": r["link_id"]}
                                    for r in batch])  # fmt: skip
        with registered(con, "_link_ids", ids):
            con.execute("UPDATE events SET link_id = i.link_id FROM _link_ids i "
                        "WHERE events.article_id = i.article_id AND events.event_id = i.event_id")  # fmt: skip
    return int(scalar(con, "SELECT count(*) FROM linked_events"))


def _article_chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    """Chunks of about ``size`` rows that never split one article (its mentions are counted together)."""
    batch: list[Row] = []
    for row in rows:
        if len(batch) >= size and row["article_id"] != batch[-1]["article_id"]:
            yield batch
            batch = []
        batch.append(row)
    if batch:
        yield batch
