"""Reports of the same real-world event become one linked event; different events stay apart."""

from __future__ import annotations

import datetime as dt

from newsevents.store import Store

from .factories import Ev, make_result, strike

D = dt.date


def links(store: Store) -> list[dict]:  # type: ignore[type-arg]
    return store.query("SELECT * FROM linked_events ORDER BY id").to_pylist()


def test_two_reports_of_one_strike_are_linked(store: Store) -> None:
    store.write(strike("ap", published=D(2020, 1, 8), source="AP"))
    store.write(strike("reuters", "US forces attacked Iran with missiles near Baghdad, officials said.",
                       published=D(2020, 1, 9), source="Reuters"))  # fmt: skip
    [link] = links(store)
    assert (link["n_mentions"], link["n_articles"], link["n_sources"]) == (2, 2, 2)
    assert (link["first_day"], link["last_day"]) == (D(2020, 1, 8), D(2020, 1, 9))
    ids = {r[0] for r in store.con.execute("SELECT link_id FROM events").fetchall()}
    assert ids == {link["id"]}


def test_reports_in_one_batch_are_linked_too(store: Store) -> None:
    store.write_many(
        [strike("a", source="AP"), strike("b", "The United States attacked Iran near Baghdad.", source="AP")]
    )
    [link] = links(store)
    assert (link["n_mentions"], link["n_articles"], link["n_sources"]) == (2, 2, 1)


def test_a_different_dyad_is_a_different_event(store: Store) -> None:
    store.write(strike("a"))
    store.write(make_result("b", [Ev("ISR", "ASSAULT", "IRN", "Israel attacked Iran with missiles near Baghdad on Wednesday.",
                                     "attacked")]))  # fmt: skip
    assert len(links(store)) == 2


def test_dates_beyond_the_window_are_different_events(store: Store) -> None:
    store.write(strike("a", published=D(2020, 1, 8)))
    store.write(
        strike("b", "The United States attacked Iran with missiles near Baghdad on Friday.", published=D(2020, 1, 20))
    )
    assert len(links(store)) == 2


def test_the_events_own_date_wins_over_the_published_date(store: Store) -> None:
    store.write(strike("a", published=D(2020, 1, 8)))
    late = make_result("b", [Ev("USA", "ASSAULT", "IRN", "In January the United States attacked Iran near Baghdad.",
                                "attacked", date=D(2020, 1, 8))], published=D(2020, 3, 1))  # fmt: skip
    store.write(late)
    assert [link["n_mentions"] for link in links(store)] == [2]


def test_unrelated_evidence_is_not_linked(store: Store) -> None:
    store.write(strike("a"))
    store.write(strike("b", "Drones of the United States attacked Iran's oil tankers in the Gulf of Oman."))
    assert len(links(store)) == 2


def test_negated_and_asserted_reports_stay_apart(store: Store) -> None:
    store.write(strike("a"))
    store.write(make_result("b", [Ev("USA", "ASSAULT", "IRN", "The United States attacked Iran with missiles near Baghdad on Wednesday, it denied.",
                                     "attacked", negated=True)]))  # fmt: skip
    assert len(links(store)) == 2


def test_undirected_categories_link_either_direction(store: Store) -> None:
    store.write(
        make_result("a", [Ev("USA", "CONSULT", "IRN", "The United States held talks with Iran in Oman.", "talks")])
    )
    store.write(
        make_result("b", [Ev("IRN", "CONSULT", "USA", "Iran held talks with the United States in Oman.", "talks")])
    )
    assert [link["n_mentions"] for link in links(store)] == [2]


def test_replacing_an_article_recounts_its_links(store: Store) -> None:
    store.write(strike("a", source="AP"))
    b = strike("b", "US forces attacked Iran with missiles near Baghdad, officials said.", source="Reuters")
    store.write(b)
    from dataclasses import replace

    store.write_many([replace(b, events=())], replace=True)
    [link] = links(store)
    assert (link["n_mentions"], link["n_articles"], link["sources"]) == (1, 1, ["AP"])
    assert link["n_sources"] == 1
    store.write_many([replace(strike("a", source="AP"), events=())], replace=True)
    assert links(store) == []
