"""Dates: explicit ones resolve alone, relative ones only against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.nlp.dates import resolve

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision", "relative"),
    [
        ("April 7, 2025", "2025-04-07", "day", False),
        ("7 April 2025", "2025-04-07", "day", False),
        ("yesterday", "2024-05-14", "day", True),
        ("on Monday", "2024-05-13", "day", True),
        ("last month", "2024-04-01", "month", True),
        ("earlier this month", "2024-05-01", "month", True),
        ("last year", "2023-01-01", "year", True),
        ("in 2015", "2015-01-01", "year", False),
    ],
)
def test_resolved_against_the_publication_date(text, value, precision, relative):
    ref = resolve(text, 0, len(text), PUBLISHED)
    assert (ref.value.isoformat() if ref.value else None, ref.precision, ref.relative) == (value, precision, relative)


@pytest.mark.parametrize("text", ["last month", "on Friday", "yesterday", "April 7"])
def test_without_a_publication_date_relative_dates_stay_unresolved(text):
    ref = resolve(text, 0, len(text), None)
    assert ref.value is None and ref.text == text


def test_explicit_date_resolves_without_a_publication_date():
    assert resolve("March 3, 2021", 0, 13, None).value == dt.date(2021, 3, 3)


@pytest.mark.slow
def test_event_carries_its_date(extract):
    result = extract("Police in Quito arrested 40 people on Friday.", published="2024-05-15")
    (event,) = [e for e in result.events if e.category == "COERCE"]
    assert event.date is not None and event.date.value == dt.date(2024, 5, 10)
