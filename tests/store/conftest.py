"""Fixtures for store tests: a real DuckDB file in tmp_path, filled with hand-built articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.store import Store

from .factories import Ev, make_result, strike

D = dt.date


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(db_path) as s:
        yield s


def corpus() -> list:  # type: ignore[type-arg]
    """A small news day: one strike reported three times, talks, a threat, a hypothetical and a negated event."""
    return [
        strike("ap-strike", published=D(2020, 1, 8), source="AP", url="https://ap.example/strike"),
        strike(
            "reuters-strike",
            "US forces attacked Iran with missiles near Baghdad, officials said.",
            published=D(2020, 1, 9),
            source="Reuters",
            url="https://reuters.example/strike",
        ),
        strike(
            "bbc-strike",
            "The United States attacked Iran again near Baghdad on Wednesday night.",
            published=D(2020, 1, 8),
            source="BBC",
            url="https://bbc.example/strike",
        ),
        make_result(
            "talks",
            [Ev("IRN", "CONSULT", "USA", "Iran held talks with the United States in Oman.", "talks")],
            published=D(2020, 2, 3),
            source="AP",
            quote="Iran wants peace with the United States",
        ),
        make_result(
            "threat",
            [
                Ev("IRN", "THREATEN", "ISR", "Iran threatened Israel with retaliation.", "threatened"),
                Ev("ISR", "ASSAULT", "IRN", "Israel may strike Iran soon.", "strike", hypothetical=True),
                Ev("USA", "SANCTION", "IRN", "The United States did not sanction Iran.", "sanction", negated=True),
            ],
            published=D(2020, 2, 20),
            source="Reuters",
        ),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_many(corpus())
    return store
