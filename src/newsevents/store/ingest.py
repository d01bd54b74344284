"""Ingest: documents in, stored articles out, with NLP in worker processes and one writer.

    iter_documents --clean + hash (parent)--> known? add its URL : NLP (workers) --> write batch (parent)

Cleaning is cheap and deterministic, so the parent cleans every document and checks its content
hash against the store *before* any NLP: a re-run after a crash parses only what is missing. The
parent is the only process that opens the database (DuckDB allows one writer); it opens it for
each batch of results and closes it again, so other processes can read in between.
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.clean import make_article
from newsevents.errors import NewsEventsError
from newsevents.records import Article, ArticleResult, Failure, RawDocument
from newsevents.store.store import SeenCopy, Store

if TYPE_CHECKING:  # importing the pipeline loads spaCy: only workers and in-process runs need it
    from newsevents.pipeline import Pipeline, PipelineOptions

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """How to run an ingest. ``recode`` re-extracts articles already stored (a newer coder)."""

    workers: int = 1
    batch_size: int = 32
    # Results are written at least this often (seconds), so readers see progress and a kill loses little.
    flush_seconds: float = 2.0
    recode: bool = False
    lock_timeout: float = 600.0


@dataclass
class IngestSummary:
    """What an ingest did; ``failures`` lists (origin, message) of every skipped document."""

    seen: int = 0
    # Documents dealt with so far: skipped as known, failed, or back from NLP (the progress bar's count).
    handled: int = 0
    new: int = 0
    present: int = 0
    recoded: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    # Time spent opening, writing (with linking) and closing the store: what the store adds to NLP.
    store_seconds: float = 0.0

    @property
    def done(self) -> int:
        return self.new + self.present + self.recoded + self.failed


Progress = Callable[[IngestSummary], None]
# Extraction of one batch of cleaned articles; the default runs the spaCy pipeline.
Analyser = Callable[[list[Article]], list[ArticleResult | Failure]]

# -- worker side ------------------------------------------------------------------------------

_PIPELINE: Pipeline | None = None


def _init_worker(options: PipelineOptions | None) -> None:
    global _PIPELINE
    from newsevents.pipeline import Pipeline

    _PIPELINE = Pipeline(options)


def analyse_batch(articles: list[Article], pipeline: Pipeline | None = None) -> list[ArticleResult | Failure]:
    """Parse cleaned articles with ``nlp.pipe`` and extract from them (in a worker, or in-process)."""
    p = pipeline or _PIPELINE
    assert p is not None, "worker used before its pipeline was built"
    out: list[ArticleResult | Failure] = []
    docs = p.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=p.options.batch_size)
    for doc, article in docs:
        try:
            out.append(p.analyse(doc, article))
        except NewsEventsError as exc:
            out.append(Failure(origin=article.origin, message=str(exc), document_id=article.id))
    return out


# -- parent side ------------------------------------------------------------------------------


class Ingest:
    """One ingest run into the store at ``db``."""

    def __init__(
        self, db: Path, pipeline_options: PipelineOptions | None, options: IngestOptions,
        progress: Progress | None = None, *, analyser: Analyser | None = None,
    ) -> None:  # fmt: skip
        self.db = db
        self.analyser = analyser
        self.pipeline_options = pipeline_options
        self.options = options
        self.progress = progress or (lambda _summary: None)
        self.summary = IngestSummary()
        self._pending: list[ArticleResult] = []
        self._copies: list[SeenCopy] = []
        self._last_flush = time.monotonic()
        self._known: set[str] = set()

    def run(self, documents: Iterable[RawDocument | Failure]) -> IngestSummary:
        started = time.monotonic()
        with Store.open(self.db, timeout=self.options.lock_timeout) as store:
            self._known = store.known_hashes()
        for batch in self._analysed(self._to_parse(documents)):
            for item in batch:
                self._take(item)
            self.progress(self.summary)
            self._maybe_flush()
        self._flush()
        self.summary.seconds = time.monotonic() - started
        self.progress(self.summary)
        return self.summary

    def _to_parse(self, documents: Iterable[RawDocument | Failure]) -> Iterator[list[Article]]:
        """Batches of cleaned articles that need NLP; copies of stored stories only add their URL."""
        batch: list[Article] = []
        seen_now: set[str] = set()
        for item in documents:
            self.summary.seen += 1
            article = self._clean(item)
            if article is None:
                continue
            h = article.content_hash
            if (h in self._known and not self.options.recode) or h in seen_now:
                self._copies.append(SeenCopy(content_hash=h, url=article.url, source=article.source,
                                             origin=article.origin, published=article.published))  # fmt: skip
                self.summary.present += 1
                self.summary.handled += 1
                self._maybe_flush()
                continue
            seen_now.add(h)
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _clean(self, item: RawDocument | Failure) -> Article | None:
        if isinstance(item, Failure):
            self.summary.handled += 1
            self._fail(item.origin, item.message)
            return None
        try:
            return make_article(item)
        except NewsEventsError as exc:
            self.summary.handled += 1
            self._fail(item.origin or item.id, getattr(exc, "problem", str(exc)))
            return None

    def _fail(self, origin: str, message: str) -> None:
        log.info("skipped %s: %s", origin, message)  # the caller reports failures; no double messages
        self.summary.failed += 1
        self.summary.failures.append((origin, message))
        self.progress(self.summary)

    def _analysed(self, batches: Iterator[list[Article]]) -> Iterator[list[ArticleResult | Failure]]:
        if self.analyser is not None:
            yield from map(self.analyser, batches)
            return
        if self.options.workers <= 1:
            from newsevents.pipeline import Pipeline

            pipeline = None
            for batch in batches:
                # Built at the first article that needs NLP: a re-run with nothing new loads no model.
                pipeline = pipeline or Pipeline(self.pipeline_options)
                yield analyse_batch(batch, pipeline)
            return
        yield from self._pooled(batches)

    def _pooled(self, batches: Iterator[list[Article]]) -> Iterator[list[ArticleResult | Failure]]:
        # spawn, not fork: the parent may hold a DuckDB handle and spaCy state that must not be shared.
        first = next(batches, None)
        if first is None:  # nothing to parse: start no workers
            return
        batches = itertools.chain([first], batches)
        context = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(self.options.workers, mp_context=context, initializer=_init_worker,
                                    initargs=(self.pipeline_options,)) as pool:  # fmt: skip
            in_flight: set[cf.Future[list[ArticleResult | Failure]]] = set()
            for batch in batches:
                in_flight.add(pool.submit(analyse_batch, batch))
                # A bounded queue keeps memory flat however large the input is.
                if len(in_flight) >= 2 * self.options.workers:
                    done, in_flight = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            for future in cf.as_completed(in_flight):
                yield future.result()

    def _take(self, item: ArticleResult | Failure) -> None:
        self.summary.handled += 1
        if isinstance(item, Failure):
            self._fail(item.origin, item.message)
        else:
            self._pending.append(item)

    def _maybe_flush(self) -> None:
        due = time.monotonic() - self._last_flush >= self.options.flush_seconds
        if len(self._pending) >= self.options.batch_size or (due and (self._pending or self._copies)):
            self._flush()

    def _flush(self) -> None:
        if not self._pending and not self._copies:
            return
        results, copies = self._pending, self._copies
        self._pending, self._copies = [], []
        started = time.monotonic()
        with Store.open(self.db, timeout=self.options.lock_timeout) as store:
            flags = self._write(store, results, copies)
        self.summary.store_seconds += time.monotonic() - started
        for result, new in zip(results, flags, strict=True):
            if new is None:
                continue
            self._known.add(result.article.content_hash)
            if new:
                self.summary.new += 1
            elif self.options.recode:
                self.summary.recoded += 1
            else:
                self.summary.present += 1
            self.summary.events += len(result.events)
            self.summary.quotes += len(result.quotes)
        self._last_flush = time.monotonic()
        self.progress(self.summary)

    def _write(self, store: Store, results: list[ArticleResult], copies: list[SeenCopy]) -> list[bool | None]:
        """Write the batch whole; if that fails, article by article so one bad article costs only itself."""
        try:
            return list(store.write_many(results, copies=copies, replace=self.options.recode))
        except NewsEventsError as exc:
            log.warning("batch write failed (%s); writing its articles one by one", exc)
        flags: list[bool | None] = []
        for result in results:
            try:
                flags.append(store.write_many([result], replace=self.options.recode)[0])
            except NewsEventsError as exc:
                self._fail(result.article.origin, f"cannot store: {exc}")
                flags.append(None)
        store.write_many([], copies=copies)
        return flags
