"""Analysts' questions: filters, timeline, actors, quotes and read-only SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.errors import ConfigError
from newsevents.store import EventFilter, QuoteFilter, Store, queries
from newsevents.store.timeline import summarise

D = dt.date


def categories(store: Store, f: EventFilter, *, mentions: bool = False) -> list[str]:
    return sorted(queries.events(store.con, f, mentions=mentions, limit=100).column("category").to_pylist())


def test_linked_events_are_counted_once_and_mentions_on_request(filled: Store) -> None:
    f = EventFilter(categories=("ASSAULT",))
    assert queries.count_events(filled.con, f) == 1
    assert queries.count_events(filled.con, f, mentions=True) == 3
    [row] = queries.events(filled.con, f).to_pylist()
    assert (row["n_mentions"], row["n_articles"], row["n_sources"]) == (3, 3, 3)


def test_only_asserted_events_by_default(filled: Store) -> None:
    assert "SANCTION" not in categories(filled, EventFilter())
    assert categories(filled, EventFilter(country="ISR")) == ["THREATEN"]
    assert categories(filled, EventFilter(country="ISR", include_hypothetical=True)) == ["ASSAULT", "THREATEN"]
    assert "SANCTION" in categories(filled, EventFilter(include_negated=True))


def test_dyad_is_directed_unless_asked(filled: Store) -> None:
    assert categories(filled, EventFilter(dyad=("USA", "IRN"))) == ["ASSAULT"]
    assert categories(filled, EventFilter(dyad=("USA", "IRN"), undirected=True)) == ["ASSAULT", "CONSULT"]
    assert categories(filled, EventFilter(dyad=("United States", "Iran"))) == ["ASSAULT"]


def test_filters_by_actor_category_quad_dates_source_and_text(filled: Store) -> None:
    assert categories(filled, EventFilter(actor="israel")) == ["THREATEN"]
    assert categories(filled, EventFilter(quad_classes=(1,))) == ["CONSULT"]
    assert categories(filled, EventFilter(since=D(2020, 2, 1), until=D(2020, 2, 10))) == ["CONSULT"]
    assert categories(filled, EventFilter(source="bbc")) == ["ASSAULT"]
    assert categories(filled, EventFilter(text="oman")) == ["CONSULT"]
    assert categories(filled, EventFilter(text="100%_")) == []


def test_paging(filled: Store) -> None:
    every = queries.events(filled.con, EventFilter(), limit=100).column("id").to_pylist()
    page = queries.events(filled.con, EventFilter(), limit=1, offset=1).column("id").to_pylist()
    assert page == every[1:2]


def test_timeline_counts_per_month_with_mean_goldstein(filled: Store) -> None:
    rows = summarise(queries.timeline(filled.con, EventFilter(dyad=("USA", "IRN"), undirected=True), by="month"))
    assert [(r["period"], r["events"], r["categories"]) for r in rows] == [
        (D(2020, 1, 1), 1, {"ASSAULT": 1}),
        (D(2020, 2, 1), 1, {"CONSULT": 1}),
    ]
    assert rows[0]["score"] == -10.0 and rows[0]["conflict"] == 1
    by_mention = summarise(queries.timeline(filled.con, EventFilter(dyad=("USA", "IRN")), by="week", mentions=True))
    assert by_mention[0]["events"] == 3 and by_mention[0]["goldstein_sum"] == -30.0


def test_timeline_refuses_an_unknown_period(filled: Store) -> None:
    with pytest.raises(ConfigError):
        queries.timeline(filled.con, EventFilter(), by="fortnight")


def test_actors_with_partners(filled: Store) -> None:
    rows = queries.actors(filled.con, EventFilter()).to_pylist()
    top = rows[0]
    assert top["actor"] == "Iran" and top["events"] == 3
    assert top["partners"][0] == "United States (2)"


def test_quotes_by_speaker_and_about_a_country(filled: Store) -> None:
    [quote] = queries.quotes(filled.con, QuoteFilter(speaker="foreign minister", about="USA")).to_pylist()
    assert quote["quote"] == "Iran wants peace with the United States" and quote["speaker_country"] == "IRN"
    assert queries.quotes(filled.con, QuoteFilter(about="ISR")).num_rows == 0


def test_read_only_sql_runs_selects_and_refuses_writes(filled: Store) -> None:
    assert queries.read_only_sql(filled.con, "SELECT count(*) AS n FROM articles").to_pylist() == [{"n": 5}]
    for sql in ("DELETE FROM events", "COPY events TO 'x.csv'", "SELECT 1; DROP TABLE events", "ATTACH 'x.db'"):
        with pytest.raises(ConfigError):
            queries.read_only_sql(filled.con, sql)
    assert filled.counts()["events"] == 7
    with pytest.raises(ConfigError, match="disabled"):
        queries.read_only_sql(filled.con, "SELECT * FROM read_csv('/etc/hostname')")


def test_frames_for_pandas(filled: Store) -> None:
    pytest.importorskip("pandas")
    frame = filled.events_frame(EventFilter(categories=("ASSAULT",)))
    assert list(frame["n_mentions"]) == [3]
    assert len(filled.table_frame("articles")) == 5
    assert filled.events_frame(kind="arrow").num_rows == 3
