"""Property: any article the factory can build goes into DuckDB and comes back equal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.store import Store

from .factories import Ev, make_result

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé’ ", min_size=1, max_size=30).map(str.strip).filter(bool)
events = st.builds(
    lambda verb, tail, neg, hyp, dated: Ev(
        "USA",
        "ASSAULT",
        "IRN",
        f"The United States {verb} Iran in January {tail}.",
        verb,
        date=dt.date(2020, 1, 7) if dated else None,
        negated=neg,
        hypothetical=hyp,
    ),
    st.sampled_from(["attacked", "struck", "bombed"]),
    words,
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    evs=st.lists(events, min_size=0, max_size=4),
    published=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)),
    source=st.none() | words,
    url=st.none() | words.map(lambda w: "https://example.org/" + w.replace(" ", "-")),
    quote=st.none() | words,
)
def test_any_article_round_trips(tmp_path_factory, evs, published, source, url, quote) -> None:  # type: ignore[no-untyped-def]
    db: Path = tmp_path_factory.mktemp("prop") / "p.duckdb"
    result = make_result("prop", evs, published=published, source=source, url=url, quote=quote)
    with Store.open(db) as store:
        assert store.write(result) is True
        assert store.article("prop") == result
        assert store.write(result) is False
