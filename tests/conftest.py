"""Shared fixtures: one real spaCy pipeline for the whole session (loading it costs ~1 s)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.records import UNDIRECTED_CATEGORIES, ArticleResult, RawDocument

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from newsevents.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline):  # type: ignore[no-untyped-def]
    """Run the whole pipeline on a text: ``extract("...", published="2024-05-01")``."""

    def run(text: str, *, published: str | None = None, doc_id: str = "t") -> ArticleResult:
        day = dt.date.fromisoformat(published) if published else None
        return pipeline.process(RawDocument(id=doc_id, content=text, published=day))

    return run


def undirected(triple: tuple[str, str | None, str | None]) -> tuple[str, str | None, str | None]:
    """AGREE, CONSULT and COOPERATE have no direction: compare their pairs sorted, as the scorer does."""
    category, source, target = triple
    if category in UNDIRECTED_CATEGORIES:
        source, target = sorted((source or "", target or ""))
    return category, source, target


def triples(result: ArticleResult, *, asserted: bool = True) -> set[tuple[str, str | None, str | None]]:
    """(category, source country, target country) of the result's events, one per side member;
    undirected categories with their pair sorted."""
    countries = {a.id: a.country for a in result.actors}
    out = set()
    for event in result.events:
        if asserted and (event.negated or event.hypothetical):
            continue
        sources = event.source if isinstance(event.source, tuple) else (event.source,)
        targets = event.target if isinstance(event.target, tuple) else (event.target,)
        for s in sources:
            for t in targets:
                out.add(undirected((event.category, countries.get(s), countries.get(t))))
    return out
