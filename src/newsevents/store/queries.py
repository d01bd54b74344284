"""The questions analysts ask of the store, as parameterised SQL returning Arrow tables.

Queries count linked events (one row per real-world event) unless ``mentions=True`` asks for
every event mention. A side of an event is matched by country when the value is a three-letter
code ("USA") and by actor name or id otherwise ("Netanyahu").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb
import pyarrow as pa

from newsevents.errors import ConfigError
from newsevents.store.arrow import fetch_arrow

Period = Literal["day", "week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which events a query keeps. Empty fields keep everything."""

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    undirected: bool = False
    categories: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None
    text: str | None = None
    article_id: str | None = None
    include_hypothetical: bool = False
    include_negated: bool = False


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) or "TRUE"


def side(prefix: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching one side (``src`` or ``tgt``) to a country code or an actor name."""
    if _CODE.match(value):
        # Sides with several countries are stored joined ("EGY+ITA").
        return (f"({prefix}_country = ? OR (contains({prefix}_country, '+') "
                f"AND list_contains(string_split({prefix}_country, '+'), ?)))"), [value, value]  # fmt: skip
    return f"contains(lower({prefix}_label), ?)", [value.lower()]


def where(f: EventFilter, *, linked: bool) -> _Where:
    """The WHERE clause for ``linked_events`` (linked) or ``events`` (mentions)."""
    w = _Where()
    if not f.include_negated:
        w.add("NOT negated")
    if not f.include_hypothetical:
        w.add("NOT hypothetical")
    if f.categories:
        w.add(f"category IN ({', '.join('?' * len(f.categories))})", *[c.upper() for c in f.categories])
    if f.quad_classes:
        w.add(f"quad_class IN ({', '.join('?' * len(f.quad_classes))})", *f.quad_classes)
    if f.since:
        w.add("day >= ?", f.since)
    if f.until:
        w.add("day <= ?", f.until)
    for value in (f.actor, f.country):
        if value:
            a_sql, a_params = side("src", value)
            b_sql, b_params = side("tgt", value)
            w.add(f"({a_sql} OR {b_sql})", *a_params, *b_params)
    if f.dyad:
        _dyad(w, f.dyad, undirected=f.undirected)
    _mention_level(w, f, linked=linked)
    return w


def _dyad(w: _Where, dyad: tuple[str, str], *, undirected: bool) -> None:
    a_src, p1 = side("src", dyad[0])
    b_tgt, p2 = side("tgt", dyad[1])
    if not undirected:
        w.add(f"({a_src} AND {b_tgt})", *p1, *p2)
        return
    b_src, p3 = side("src", dyad[1])
    a_tgt, p4 = side("tgt", dyad[0])
    w.add(f"(({a_src} AND {b_tgt}) OR ({b_src} AND {a_tgt}))", *p1, *p2, *p3, *p4)


def _mention_level(w: _Where, f: EventFilter, *, linked: bool) -> None:
    """Conditions on the article or the evidence: a linked event matches when one mention does."""
    inner = _Where()
    # contains(lower(...)) rather than ILIKE: a plain substring (no wildcards to escape), and faster.
    if f.source:
        inner.add("article_id IN (SELECT id FROM articles WHERE contains(lower(source), ?) OR contains(lower(url), ?))",
                  f.source.lower(), f.source.lower())  # fmt: skip
    if f.text:
        # Evidence sentences are nearly all distinct: a case-blind RE2 match is twice as fast as lower() here.
        inner.add("regexp_matches(evidence_text, regexp_escape(?), 'i')", f.text)
    if f.article_id:
        inner.add("article_id = ?", f.article_id)
    if not inner.clauses:
        return
    if linked and f.since:
        # A linked event's day is its first mention's, so no mention of a kept event is earlier.
        inner.add("day >= ?", f.since)
    if linked:
        w.add(f"id IN (SELECT link_id FROM events WHERE {inner.sql()})", *inner.params)
    else:
        w.add(inner.sql(), *inner.params)


LINKED_COLUMNS = ("id, day, category, cameo, quad_class, goldstein, src_label AS source, src_country AS source_country, "
                  "tgt_label AS target, tgt_country AS target_country, n_mentions, n_articles, n_sources, negated, "
                  "hypothetical, evidence_text AS evidence, article_id, url")  # fmt: skip
MENTION_COLUMNS = ("e.link_id, e.article_id, e.event_id, e.day, e.day_from, e.category, e.cameo, e.quad_class, e.goldstein, "
                   "e.src_label AS source, e.src_country AS source_country, e.tgt_label AS target, "
                   "e.tgt_country AS target_country, e.negated, e.hypothetical, e.trigger_text AS trigger, "
                   "e.evidence_text AS evidence, e.evidence_start, e.evidence_end, e.confidence, e.rule, e.coder, "
                   "e.coder_version, a.source AS outlet, a.url")  # fmt: skip


def events(
    con: duckdb.DuckDBPyConnection, f: EventFilter, *, mentions: bool = False, limit: int = 50, offset: int = 0
) -> pa.Table:
    """Linked events (or mentions) matching ``f``, newest first, one page."""
    w = where(f, linked=not mentions)
    if mentions:
        # The page is cut before the join with articles: joining every matching mention first is 4x slower.
        sql = (f"SELECT {MENTION_COLUMNS} FROM (SELECT * FROM events WHERE {w.sql()} "
               "ORDER BY day DESC NULLS LAST, article_id, evidence_start LIMIT ? OFFSET ?) e "
               "JOIN articles a ON a.id = e.article_id ORDER BY e.day DESC NULLS LAST, e.article_id, e.evidence_start")  # fmt: skip
    else:
        sql = f"SELECT {LINKED_COLUMNS} FROM linked_events WHERE {w.sql()} ORDER BY day DESC NULLS LAST, id LIMIT ? OFFSET ?"
    return fetch_arrow(con, sql, [*w.params, limit, offset])


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter, *, mentions: bool = False) -> int:
    w = where(f, linked=not mentions)
    table = "events" if mentions else "linked_events"
    return int(fetch_arrow(con, f"SELECT count(*) AS n FROM {table} WHERE {w.sql()}", w.params).column(0)[0].as_py())


def timeline(con: duckdb.DuckDBPyConnection, f: EventFilter, *, by: str = "month", mentions: bool = False) -> pa.Table:
    """Counts per period and category with the period's Goldstein sum and mean (long form).

    Columns: period (NULL for undated events), category, quad_class, events, goldstein_sum.
    """
    if by not in PERIODS:
        raise ConfigError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    w = where(f, linked=not mentions)
    table = "events" if mentions else "linked_events"
    sql = (f"SELECT date_trunc('{by}', day)::DATE AS period, category, any_value(quad_class) AS quad_class, "
           f"count(*) AS events, sum(goldstein) AS goldstein_sum FROM {table} WHERE {w.sql()} "
           "GROUP BY ALL ORDER BY period NULLS LAST, category")  # fmt: skip
    return fetch_arrow(con, sql, w.params)


def actors(
    con: duckdb.DuckDBPyConnection, f: EventFilter, *, by_country: bool = False, limit: int = 20, partners: int = 3
) -> pa.Table:
    """The most active actors (as source or target) with their most frequent partners."""
    w = where(f, linked=True)
    name = "country" if by_country else "label"
    # One scan folds the events into dyads (a few thousand rows); actors and partners come from those.
    sql = f"""
        WITH dyads AS (
            SELECT src_{name} AS src, any_value(src_country) AS src_country, tgt_{name} AS tgt,
                   any_value(tgt_country) AS tgt_country, count(*) AS n, sum(goldstein) AS g
            FROM linked_events WHERE {w.sql()} GROUP BY src_{name}, tgt_{name}),
        sides AS (
            SELECT src AS actor, src_country AS country, tgt AS partner, n, n AS as_source, g FROM dyads WHERE src IS NOT NULL
            UNION ALL
            SELECT tgt, tgt_country, src, n, 0, g FROM dyads WHERE tgt IS NOT NULL),
        per AS (SELECT actor, any_value(country) AS country, CAST(sum(n) AS BIGINT) AS events,
                       CAST(sum(as_source) AS BIGINT) AS as_source, round(sum(g) / sum(n), 2) AS mean_goldstein
                FROM sides GROUP BY actor),
        pairs AS (SELECT actor, partner, CAST(sum(n) AS BIGINT) AS n FROM sides
                  WHERE partner IS NOT NULL AND partner <> actor GROUP BY ALL),
        top AS (SELECT actor, list(partner || ' (' || n || ')' ORDER BY n DESC, partner)[1:{int(partners)}] AS partners
                FROM pairs GROUP BY actor)
        SELECT per.actor, per.country, per.events, per.as_source, per.events - per.as_source AS as_target,
               per.mean_goldstein, coalesce(top.partners, []) AS partners
        FROM per LEFT JOIN top USING (actor) ORDER BY per.events DESC, per.actor LIMIT ?"""
    return fetch_arrow(con, sql, [*w.params, limit])


@dataclass(frozen=True, kw_only=True)
class QuoteFilter:
    """``speaker`` matches the speaker's name or id; ``about`` a country code or actor name in the quote's paragraph."""

    speaker: str | None = None
    about: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None


def quotes(con: duckdb.DuckDBPyConnection, f: QuoteFilter, *, limit: int = 50, offset: int = 0) -> pa.Table:
    """Quotes with speaker, article and date: "who said what about Iran"."""
    w = _Where()
    if f.speaker:
        w.add("(contains(lower(q.speaker_name), ?) OR contains(lower(s.name), ?) OR q.speaker = ?)",
              f.speaker.lower(), f.speaker.lower(), f.speaker)  # fmt: skip
    if f.since:
        w.add("a.published >= ?", f.since)
    if f.until:
        w.add("a.published <= ?", f.until)
    if f.article_id:
        w.add("q.article_id = ?", f.article_id)
    if f.about:
        match = "x.country = ?" if _CODE.match(f.about) else "contains(lower(x.name), ?)"
        value = f.about if _CODE.match(f.about) else f.about.lower()
        # An actor other than the speaker mentioned in the quote or in the paragraph around it.
        w.add(f"""EXISTS (SELECT 1 FROM mentions m JOIN actors x ON x.article_id = m.article_id AND x.actor_id = m.actor_id
                  JOIN paragraphs p ON p.article_id = q.article_id AND p."start" <= q."start" AND q."start" < p."end"
                  WHERE m.article_id = q.article_id AND {match} AND m.actor_id IS DISTINCT FROM q.speaker
                  AND ((m."start" >= q."start" AND m."end" <= q."end") OR (m."start" >= p."start" AND m."end" <= p."end")))""",
              value)  # fmt: skip
    sql = f"""SELECT q.article_id, a.published, coalesce(s.name, q.speaker_name) AS speaker, s.country AS speaker_country,
                     q.channel, q.verb, q.text AS quote, q."start", q."end", a.source AS outlet, a.url
              FROM quotes q JOIN articles a ON a.id = q.article_id
              LEFT JOIN actors s ON s.article_id = q.article_id AND s.actor_id = q.speaker
              WHERE {w.sql()} ORDER BY a.published DESC NULLS LAST, q.article_id, q."start" LIMIT ? OFFSET ?"""
    return fetch_arrow(con, sql, [*w.params, limit, offset])


_READ_ONLY_TYPES = frozenset({"SELECT", "EXPLAIN"})


def read_only_sql(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """Run one SELECT (or EXPLAIN) statement; anything that could write is refused before it runs.

    The connection loses access to files outside the store for good: give it one of its own.
    """
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ConfigError(f"cannot parse the query: {exc}") from exc
    if len(statements) != 1:
        raise ConfigError(f"give exactly one statement, not {len(statements)}")
    kind = statements[0].type.name
    if kind not in _READ_ONLY_TYPES:
        raise ConfigError(f"only SELECT queries are allowed here, not {kind}")
    # A SELECT can still read or fetch other files (read_csv, URLs): the store is all it may see.
    # This cannot be undone on this connection, so callers give it one of its own.
    con.execute("SET enable_external_access = false")
    try:
        return fetch_arrow(con, sql)
    except duckdb.Error as exc:
        raise ConfigError(f"query failed: {exc}") from exc
