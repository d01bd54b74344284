"""Records go into DuckDB and come back equal; writing twice changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.errors import NotFoundError, StoreError
from newsevents.records import Article, ArticleResult, Span
from newsevents.store import Store

from .conftest import corpus
from .factories import Ev, make_result, strike


def test_every_record_type_round_trips_through_the_store(store: Store) -> None:
    for result in corpus():
        store.write(result)
    for result in corpus():
        assert store.article(result.article.id) == result


def test_round_trip_keeps_multi_actor_sides_wire_and_missing_fields(store: Store) -> None:
    base = strike("multi")
    event = base.events[0]
    article = base.article
    wire = Span(start=0, end=5, text=article.text[:5])
    from dataclasses import replace

    article = replace(article, wire=wire, dateline_place="BAGHDAD", published=None, url=None, title=None)
    events = (
        replace(event, source=("usa", "irn"), target=None, target_span=None, date=None, goldstein=None, cameo=None),
    )
    result = replace(base, article=article, events=events)
    store.write(result)
    assert store.article("multi") == result


def test_writing_the_same_article_twice_is_a_no_op(store: Store) -> None:
    result = strike("a")
    assert store.write(result) is True
    before = store.counts()
    assert store.write(result) is False
    assert store.counts() == before


def test_a_syndicated_copy_is_stored_once_with_both_urls(store: Store) -> None:
    from dataclasses import replace

    original = strike("ap", url="https://ap.example/1", source="AP")
    copy = replace(
        original, article=replace(original.article, id="yahoo", url="https://yahoo.example/2", source="Yahoo")
    )
    assert store.write_many([original, copy]) == [True, False]
    assert store.write(copy) is False  # seen again: still one URL row for it
    assert store.counts()["articles"] == 1
    assert [u["url"] for u in store.article_urls("ap")] == ["https://ap.example/1", "https://yahoo.example/2"]


def test_two_different_stories_with_the_same_id_are_both_kept(store: Store) -> None:
    one = strike("index")
    other = make_result("index", [Ev("IRN", "THREATEN", "USA", "Iran threatened the United States.", "threatened")])
    assert store.write_many([one, other]) == [True, True]
    ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids[0] == "index" and ids[1].startswith("index~")


def test_a_batch_is_one_transaction(store: Store) -> None:
    good = strike("good")
    bad = ArticleResult(article=Article(id="bad", text=None, paragraphs=(), content_hash="x"))  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.write_many([good, bad])
    assert store.counts()["articles"] == 0


def test_unknown_article_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.article("nope")


def test_read_only_store_refuses_writes_and_missing_file_is_not_found(db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db_path) as s:
        s.write(strike("a"))
    with Store.open(db_path, read_only=True) as s, pytest.raises(StoreError):
        s.write(strike("b"))
    with pytest.raises(NotFoundError):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_replace_re_extracts_a_stored_article(store: Store) -> None:
    store.write(strike("a", published=dt.date(2020, 1, 8)))
    newer = make_result("a", [Ev("USA", "ASSAULT", "IRN", "The United States attacked Iran with missiles near Baghdad on Wednesday.", "attacked"),
                              Ev("IRN", "THREATEN", "USA", "The United States attacked Iran with missiles near Baghdad on Wednesday.", "Wednesday")],
                        published=dt.date(2020, 1, 8))  # fmt: skip
    # Same text, hence same hash: the extraction is replaced, not added.
    newer = ArticleResult(article=strike("a", published=dt.date(2020, 1, 8)).article, actors=newer.actors,
                          events=newer.events, components={"coder": "coder.test.v2"})  # fmt: skip
    assert store.write_many([newer], replace=True) == [False]
    stored = store.article("a")
    assert len(stored.events) == 2 and stored.components == {"coder": "coder.test.v2"}
    assert store.counts()["articles"] == 1
