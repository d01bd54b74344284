"""The pipeline: build once, then process one article or a stream of them.

RawDocument --clean--> Article --nlp--> Doc --actors/quotes/coding--> ArticleResult
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.actors.dictionary import load_builtin, load_file
from newsevents.actors.gazetteer import Gazetteer
from newsevents.actors.resolver import Resolver
from newsevents.clean import make_article
from newsevents.coding.coder import CODER_NAME, RuleCoder
from newsevents.coding.patterns import load_patterns
from newsevents.errors import NewsEventsError
from newsevents.nlp import DEFAULT_MODEL, load_nlp
from newsevents.nlp.dates import find_dates
from newsevents.quotes.extractor import COMPONENT as QUOTES_COMPONENT
from newsevents.quotes.extractor import QuoteExtractor
from newsevents.records import Article, ArticleResult, Failure, RawDocument
from newsevents.registry import make_coder, register_coder

log = logging.getLogger(__name__)

ACTORS_COMPONENT = "actors.rules.v1"


@register_coder(CODER_NAME)
def _rule_coder(*, nlp: Language, pattern_files: tuple[Path, ...] = (), **_: object) -> RuleCoder:
    return RuleCoder(load_patterns(list(pattern_files)), nlp)


@dataclass(frozen=True, kw_only=True)
class PipelineOptions:
    """How to build a pipeline: the model, the user's dictionaries and patterns, the coder."""

    model: str = DEFAULT_MODEL
    actor_files: tuple[Path, ...] = ()
    pattern_files: tuple[Path, ...] = ()
    coder: str = CODER_NAME
    batch_size: int = 32


class Pipeline:
    """Loads the model, dictionaries and patterns once; processes articles with them."""

    def __init__(self, options: PipelineOptions | None = None, *, nlp: Language | None = None) -> None:
        self.options = options or PipelineOptions()
        self.nlp = nlp or load_nlp(self.options.model)
        dictionary = load_builtin()
        for path in self.options.actor_files:
            dictionary = dictionary.merged(load_file(Path(path)))
        self.resolver = Resolver(Gazetteer.build(dictionary, self.nlp))
        self.quotes = QuoteExtractor()
        self.coder = make_coder(self.options.coder, nlp=self.nlp, pattern_files=self.options.pattern_files)
        self.components = {"actors": ACTORS_COMPONENT, "quotes": QUOTES_COMPONENT, "coder": self.coder.name}

    def process(self, raw: RawDocument) -> ArticleResult:
        """One document; raises a NewsEventsError subclass if it cannot be processed."""
        article = make_article(raw)
        return self.analyse(self.nlp(article.text), article)

    def process_many(self, items: Iterable[RawDocument | Failure]) -> Iterator[ArticleResult | Failure]:
        """Results (or failures) in input order, parsing in batches with ``nlp.pipe``."""
        articles = self._clean_all(items)
        stream = ((a.text, a) if isinstance(a, Article) else ("", a) for a in articles)
        for doc, item in self.nlp.pipe(stream, as_tuples=True, batch_size=self.options.batch_size):
            if not isinstance(item, Article):
                yield cast(Failure, item)
                continue
            try:
                yield self.analyse(doc, item)
            except NewsEventsError as exc:
                yield Failure(origin=item.origin, message=str(exc), document_id=item.id)
            except Exception as exc:  # a bug on one article must not stop a batch of thousands
                log.exception("internal error on %s", item.origin or item.id)
                message = f"internal error while analysing the article ({type(exc).__name__}: {exc}); please report it"
                yield Failure(origin=item.origin or item.id, message=message, document_id=item.id)

    def _clean_all(self, items: Iterable[RawDocument | Failure]) -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield make_article(item)
            except NewsEventsError as exc:
                message = getattr(exc, "problem", str(exc))
                yield Failure(origin=item.origin or item.id, message=message, document_id=item.id)

    def analyse(self, doc: Doc, article: Article) -> ArticleResult:
        """Actors, quotes, dates and events of one parsed article."""
        story = _without_wire(article, [(p.start, p.end) for p in article.paragraphs if p.role in ("body", "title")])
        body = _without_wire(article, [(p.start, p.end) for p in article.paragraphs if p.role == "body"])
        table = self.resolver.resolve(doc, story, article.published, article.dateline_place)
        quotes, sources = self.quotes.extract(doc, article, table)
        dates = find_dates(doc, body, article.published)
        events = self.coder.code(doc, article, table, quotes, dates)
        referenced = {ref for e in events for side in (e.source, e.target) for ref in _refs(side)}
        return ArticleResult(
            article=article,
            actors=table.freeze(referenced),
            quotes=tuple(quotes),
            events=tuple(events),
            sources_cited=tuple(sources),
            dates=tuple(dates),
            components=dict(self.components),
        )


def _refs(side: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if side is None:
        return ()
    return side if isinstance(side, tuple) else (side,)


def _without_wire(article: Article, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The story's ranges less a wire tag: "(JTA) —" names the agency, not an actor of the story."""
    if article.wire is None:
        return ranges
    cut = article.wire
    return [(max(start, cut.end) if start <= cut.start < end else start, end) for start, end in ranges]
