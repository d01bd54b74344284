"""Contracts every result keeps, whatever the text: offsets point at their words, categories are
PLOVER's, every side refers to an actor of the result, every component is named."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.cli.extract import sample_path
from newsevents.records import PARAGRAPH_ROLES, PLOVER_CATEGORIES, ArticleResult

pytestmark = pytest.mark.slow

WIRE_COPY = """KYIV (Reuters) — Ukraine's foreign minister met his Polish counterpart in Warsaw on Monday.
"We will not accept any deal about us without us," the minister told reporters.
Russian forces shelled Kharkiv overnight, killing two civilians, regional officials said.
The European Union imposed new sanctions on Moscow last week.
Sign up for our newsletter. © 2024 Example Wire. All rights reserved.
"""

SENTENCES = [
    "Police in Nairobi arrested 12 protesters on Tuesday.",
    "The president said he would meet the opposition leader next week.",
    "Israel and Jordan signed a water agreement.",
    "\u201cThis is unacceptable,\u201d said the spokesman, according to AFP.",
    "Protesters marched through Caracas demanding the release of political prisoners.",
    "Turkey's army shelled Kurdish positions in northern Syria.",
    "The court sentenced the former minister to five years in prison.",
    "Greece expelled the Libyan ambassador.",
]


def assert_contract(result: ArticleResult) -> None:
    text = result.article.text
    actor_ids = {a.id for a in result.actors}
    for paragraph in result.article.paragraphs:
        assert paragraph.role in PARAGRAPH_ROLES
        assert text[paragraph.start : paragraph.end].strip() == text[paragraph.start : paragraph.end]
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker is None or quote.speaker in actor_ids
        if quote.speaker_span:
            assert text[quote.speaker_span.start : quote.speaker_span.end] == quote.speaker_span.text
    for event in result.events:
        assert event.category in PLOVER_CATEGORIES
        assert event.coder and event.rule
        for span in (event.evidence, event.trigger, event.source_span, event.target_span):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert event.evidence.start <= event.trigger.start < event.evidence.end
        for side in (event.source, event.target):
            refs = side if isinstance(side, tuple) else (side,)
            assert all(ref is None or ref in actor_ids for ref in refs)
        if event.date is not None:
            assert text[event.date.start : event.date.end] == event.date.text
    body = [(p.start, p.end) for p in result.article.paragraphs if p.role == "body"]
    for event in result.events:
        assert any(s <= event.evidence.start < e for s, e in body), "an event came from outside the story"
    assert set(result.components) == {"actors", "quotes", "coder"}


def test_bundled_sample_keeps_the_contract(pipeline):
    from newsevents.ingest import iter_documents

    (raw,) = list(iter_documents([sample_path()]))
    assert_contract(pipeline.process(raw))


def test_wire_copy_keeps_the_contract(extract):
    result = extract(WIRE_COPY, published="2024-03-04")
    assert_contract(result)
    assert result.article.source == "Reuters"
    assert result.article.paragraphs[-1].role == "boilerplate"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(["\n", "\n\n", " "]))
def test_any_mix_of_sentences_keeps_the_contract(extract, sentences, joiner):
    assert_contract(extract(joiner.join(sentences), published="2024-05-05"))


def test_processing_twice_gives_the_same_ids(extract):
    first = extract(WIRE_COPY, published="2024-03-04")
    second = extract(WIRE_COPY, published="2024-03-04")
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert first.article.content_hash == second.article.content_hash
