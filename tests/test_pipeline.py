"""The pipeline as a library: batches, failures that do not stop a batch, swappable coders."""

from __future__ import annotations

import pytest

from newsevents.errors import ConfigError
from newsevents.pipeline import Pipeline, PipelineOptions
from newsevents.records import Event, Failure, RawDocument, Span
from newsevents.registry import coder_names, make_coder, register_coder

pytestmark = pytest.mark.slow


class _RaisingCoder:
    name = "test.raises.v1"

    def code(self, doc, article, table, quotes, dates):  # type: ignore[no-untyped-def]
        if "boom" in article.text:
            raise RuntimeError("a bug")
        return []


class _FirstSentenceCoder:
    """A stand-in for a user's own coder: one PROTEST per article, on its first sentence."""

    name = "test.first-sentence.v1"

    def code(self, doc, article, table, quotes, dates):  # type: ignore[no-untyped-def]
        sentence = next(doc.sents)
        span = Span(start=sentence.start_char, end=sentence.end_char, text=sentence.text)
        return [Event(id="e1", category="PROTEST", cameo="141", source=None, target=None, evidence=span,
                      trigger=span, coder=self.name, rule="first-sentence")]  # fmt: skip


register_coder("test.raises.v1")(lambda **_: _RaisingCoder())
register_coder("test.first-sentence.v1")(lambda **_: _FirstSentenceCoder())


def test_a_bug_on_one_article_is_a_failure_and_the_batch_goes_on(pipeline):
    broken = Pipeline(PipelineOptions(coder="test.raises.v1"), nlp=pipeline.nlp)
    docs = [
        RawDocument(id=n, content=t, origin=f"{n}.txt") for n, t in [("a", "Fine."), ("b", "boom"), ("c", "Fine too.")]
    ]
    results = list(broken.process_many(docs))
    assert [type(r).__name__ for r in results] == ["ArticleResult", "Failure", "ArticleResult"]
    assert "internal error" in results[1].message and results[1].origin == "b.txt"


def test_a_registered_coder_replaces_the_rules(pipeline):
    assert "rules.plover.v1" in coder_names()
    custom = Pipeline(PipelineOptions(coder="test.first-sentence.v1"), nlp=pipeline.nlp)
    result = custom.process(RawDocument(id="x", content="Crowds marched in Lima. Police watched."))
    assert [(e.category, e.coder) for e in result.events] == [("PROTEST", "test.first-sentence.v1")]
    assert result.components["coder"] == "test.first-sentence.v1"


def test_unknown_coder_is_a_config_error():
    with pytest.raises(ConfigError, match="no coder named"):
        make_coder("nope.v9")


def test_empty_and_failed_documents_pass_through_in_order(pipeline):
    items = [
        Failure(origin="bad.bin", message="binary"),
        RawDocument(id="e", content="   \n"),
        RawDocument(id="ok", content="Fine."),
    ]
    results = list(pipeline.process_many(items))
    assert isinstance(results[0], Failure) and results[0].origin == "bad.bin"
    assert isinstance(results[1], Failure) and "no article text" in results[1].message
    assert results[2].article.id == "ok"
