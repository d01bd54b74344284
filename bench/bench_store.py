"""Store benchmark: prints figures, asserts nothing.

1. Ingest end to end (clean, hash check, NLP, write, link) next to extraction alone
   (``Pipeline.process_many``) on the same articles, both in one process. The articles are made
   from the Wikinews CSVs in ../shared by repetition with small changes (a different window of
   paragraphs and a report line), so every content hash differs. Skipped when ../shared is absent.
2. A synthetic store of N events written directly through Arrow (no NLP), then the analysts'
   queries timed next to a bare DuckDB GROUP BY over N narrow rows, and the file size per
   million events.

    python bench/bench_store.py                       # 2,000 articles, 10 million events (~5 min)
    python bench/bench_store.py --articles 300 --events 1000000
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsevents.records import RawDocument
from newsevents.store import EventFilter, Store, queries
from newsevents.store.arrow import insert_arrow

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WIKINEWS = SHARED / "external" / "wikinews-2019-2020"


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return own / 1024


# -- 1. ingest vs extract ---------------------------------------------------------------------


def wikinews_documents(n: int, words: int) -> list[RawDocument]:
    """``n`` documents from the Wikinews CSVs: each repetition takes another window of paragraphs."""
    csv.field_size_limit(10**8)
    stories = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (WIKINEWS / name).open(encoding="utf-8") as f:
            stories.extend(csv.DictReader(f))
    docs = []
    for i in range(n):
        story = stories[i % len(stories)]
        paragraphs = [p.strip() for p in story["text"].split("\n") if p.strip()]
        rep = i // len(stories)
        body, count = [], 0
        for p in paragraphs[rep % max(1, len(paragraphs) - 2) :] + paragraphs:
            body.append(p)
            count += len(p.split())
            if count >= words:
                break
        text = "\n".join([story["title"], *body, f"(Report {rep} of this story.)"])
        docs.append(RawDocument(id=f"wn{i:05d}", content=text, url=story["url"] + f"#r{rep}", source="Wikinews",
                                published=None, origin=f"wikinews:{i}"))  # fmt: skip
    return docs


def bench_ingest(n: int, words: int) -> None:
    if not WIKINEWS.exists():
        print(f"[skip] ingest vs extract: {WIKINEWS} is absent")
        return
    from newsevents.pipeline import Pipeline

    docs = wikinews_documents(n, words)
    mean_words = statistics.mean(len(d.content.split()) for d in docs)
    print(f"\n== ingest vs extract: {n} Wikinews-derived articles, {mean_words:.0f} words each, one process ==")
    pipeline = Pipeline()
    list(pipeline.process_many(docs[:20]))  # warm up: first batches pay for lazy loading
    half = n // 2
    # A-B-B-A over two halves, so that neither mode gains from running second (the vocabulary
    # grows, other processes come and go).
    extract_s = _extract(pipeline, docs[:half])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        first = _ingest(pipeline, db, docs[:half])
        second = _ingest(pipeline, db, docs[half:])
        size = db.stat().st_size
    extract_s += _extract(pipeline, docs[half:])
    ingest_s = first[0] + second[0]
    store_s = first[1].store_seconds + second[1].store_seconds
    new = first[1].new + second[1].new
    events = first[1].events + second[1].events
    print(f"extract alone : {n / extract_s:7.1f} articles/s ({extract_s:.1f} s)")
    print(f"ingest        : {new / ingest_s:7.1f} articles/s ({ingest_s:.1f} s; {new} new, {events} events)")
    print(
        f"store overhead: {100 * (ingest_s - extract_s) / extract_s:+.1f}% end to end "
        f"(noisy on a shared machine); measured inside ingest: {store_s:.1f} s opening, writing, "
        f"linking and closing = {100 * store_s / (ingest_s - store_s):.1f}% of the rest (file {size / 1e6:.1f} MB)"
    )
    print(f"peak RSS so far {peak_rss_mb():.0f} MB")


def _extract(pipeline, docs: list[RawDocument]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    sum(1 for _ in pipeline.process_many(docs))
    return time.perf_counter() - started


def _ingest(pipeline, db: Path, docs: list[RawDocument]):  # type: ignore[no-untyped-def]
    from newsevents.store.ingest import Ingest, IngestOptions

    run = Ingest(db, None, IngestOptions(batch_size=32), analyser=lambda batch: _analyse(pipeline, batch))
    started = time.perf_counter()
    summary = run.run(iter(docs))
    return time.perf_counter() - started, summary


def _analyse(pipeline, batch):  # type: ignore[no-untyped-def]
    from newsevents.store.ingest import analyse_batch

    return analyse_batch(batch, pipeline)


# -- 2. synthetic store -----------------------------------------------------------------------

COUNTRIES = ["USA", "IRN", "ISR", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "TUR", "SAU", "SYR", "IRQ", "PAK", "IND",
             "JPN", "KOR", "PRK", "EGY", "LBY", "YEM", "AFG", "BRA", "VEN", "MEX", "NGA", "ETH", "SDN", "SOM", "KEN"]  # fmt: skip
CATEGORIES = [("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.4), ("AGREE", 1, 4.0), ("COOPERATE", 2, 6.0), ("AID", 2, 7.0),
              ("REQUEST", 3, -2.0), ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -4.4),
              ("PROTEST", 4, -6.5), ("SANCTION", 4, -4.0), ("COERCE", 4, -7.0), ("ASSAULT", 4, -10.0)]  # fmt: skip
VERBS = ["met", "praised", "signed a deal with", "traded with", "sent aid to", "asked", "accused", "rejected",
         "threatened", "protested against", "sanctioned", "arrested citizens of", "attacked"]  # fmt: skip


def _zipf_choice(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    weights = 1 / np.arange(1, k + 1)
    return rng.choice(k, size=n, p=weights / weights.sum())


def synthetic_chunk(rng: np.random.Generator, start: int, n: int, per_article: int, per_link: float) -> pa.Table:
    idx = np.arange(start, start + n)
    src = _zipf_choice(rng, n, len(COUNTRIES))
    tgt = (src + 1 + _zipf_choice(rng, n, len(COUNTRIES) - 1)) % len(COUNTRIES)
    cat = rng.integers(0, len(CATEGORIES), n)
    day = np.datetime64("2015-01-01") + rng.integers(0, 3652, n).astype("timedelta64[D]")
    country = np.array(COUNTRIES)
    verbs = np.array(VERBS)
    evidence = pc.binary_join_element_wise(pa.array(country[src]), pa.array(verbs[cat]), pa.array(country[tgt]),
                                           pa.array(idx.astype(str)), " ")  # fmt: skip
    names = {"USA": "United States", "IRN": "Iran"}
    label = np.array([names.get(c, c.title()) for c in COUNTRIES])
    return pa.table({
        "article_id": pa.array(np.char.add("a", (idx // per_article).astype(str))),
        "event_id": pa.array(np.char.add("e", idx.astype(str))),
        "category": pa.array(np.array([c[0] for c in CATEGORIES])[cat]),
        "cameo": pa.array(np.full(n, "190")),
        "quad_class": pa.array(np.array([c[1] for c in CATEGORIES], dtype=np.int8)[cat]),
        "goldstein": pa.array(np.array([c[2] for c in CATEGORIES])[cat]),
        "negated": pa.array(rng.random(n) < 0.03), "hypothetical": pa.array(rng.random(n) < 0.08),
        "src_country": pa.array(country[src]), "tgt_country": pa.array(country[tgt]),
        "src_label": pa.array(label[src]), "tgt_label": pa.array(label[tgt]),
        "src_key": pa.array(country[src]), "tgt_key": pa.array(country[tgt]),
        "day": pa.array(day), "day_from": pa.array(np.full(n, "published")),
        "evidence_text": evidence, "trigger_text": pa.array(verbs[cat]),
        "confidence": pa.array(np.full(n, 0.8)), "coder": pa.array(np.full(n, "rules.plover.v1")),
        "link_id": pa.array((idx / per_link).astype(np.int64)),
    })  # fmt: skip


def build_synthetic(db: Path, events: int, *, chunk: int = 1_000_000) -> float:
    rng = np.random.default_rng(7)
    started = time.perf_counter()
    with Store.open(db) as store:
        con = store.con
        for start in range(0, events, chunk):
            insert_arrow(con, "events", synthetic_chunk(rng, start, min(chunk, events - start), 4, 1.5))
        # One article row per four events, short texts: the events table is what is measured.
        con.execute("INSERT INTO articles (id, content_hash, source, published, text, ingested_at) "
                    "SELECT article_id, md5(article_id), 'Outlet ' || (hash(article_id) % 40), min(day), 'synthetic', now() "
                    "FROM events GROUP BY article_id")  # fmt: skip
        con.execute("""INSERT INTO linked_events SELECT link_id, hash(any_value(category), any_value(src_key)),
                any_value(category), any_value(cameo), any_value(quad_class), any_value(goldstein), any_value(negated),
                any_value(hypothetical), any_value(src_key), any_value(tgt_key), any_value(src_country),
                any_value(tgt_country), any_value(src_label), any_value(tgt_label), min(day), min(day), max(day),
                count(*), count(DISTINCT article_id), 1, ['Outlet'], any_value(trigger_text), [],
                any_value(article_id), any_value(event_id), any_value(evidence_text), NULL
            FROM events GROUP BY link_id""")
        con.execute("CHECKPOINT")
    return time.perf_counter() - started


def timed(label: str, run: Callable[[], object], repeat: int = 7) -> float:
    """Median and best of ``repeat`` runs after a warm-up; the best is the cost when no other process competes."""
    run()  # warm: the first run reads the file into the buffer pool
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    median = statistics.median(times) * 1000
    print(f"  {label:<62} {median:7.1f} ms  (best {min(times) * 1000:6.1f})")
    return median


def bench_queries(events: int, keep: Path | None = None) -> None:
    print(f"\n== synthetic store: {events:,} event mentions written through Arrow ==")
    with tempfile.TemporaryDirectory() as tmp:
        db = keep or Path(tmp) / "synthetic.duckdb"
        if db.exists():
            print(f"reusing {db}")
        else:
            print(f"built in {build_synthetic(db, events):.1f} s")
        size = db.stat().st_size
        with Store.open(db, read_only=True) as store:
            con = store.con
            events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            links = con.execute("SELECT count(*) FROM linked_events").fetchall()[0][0]
            print(f"{events:,} mentions, {links:,} linked events; file {size / 1e6:.0f} MB, "
                  f"{size / 1e6 / (events / 1e6):.0f} MB per million events")  # fmt: skip
            narrow = con.sql("SELECT (range % 1000)::INTEGER AS k, range::INTEGER AS v FROM range(?)",
                             params=[events]).to_arrow_table()  # fmt: skip
            bare = duckdb.connect()
            bare.register("narrow", narrow)
            print("query (median of 7 after a warm-up, and the best)")
            timed(f"baseline: bare GROUP BY over {events:,} narrow rows", lambda: bare.execute(
                "SELECT k, count(*), sum(v) FROM narrow GROUP BY k").fetchall())  # fmt: skip
            timed(
                "baseline: GROUP BY category over the events table",
                lambda: con.execute("SELECT category, count(*) FROM events GROUP BY ALL").fetchall(),
            )
            dyad = EventFilter(dyad=("USA", "IRN"), undirected=True)
            timed("timeline USA-IRN by month (linked events)", lambda: queries.timeline(con, dyad, by="month"))
            timed(
                "timeline USA-IRN by month (--mentions)", lambda: queries.timeline(con, dyad, by="month", mentions=True)
            )
            timed(
                "timeline IRN by week (one actor, linked)",
                lambda: queries.timeline(con, EventFilter(country="IRN"), by="week"),
            )
            recent = EventFilter(
                country="IRN", categories=("ASSAULT", "THREATEN"), since=_d("2020-01-01"), until=_d("2020-06-30")
            )
            timed("events --country IRN -c ASSAULT -c THREATEN, 6 months, page 1", lambda: queries.events(con, recent))
            timed("events --dyad USA:IRN --undirected, page 1", lambda: queries.events(con, dyad))
            timed("events --dyad USA:IRN --mentions, page 1", lambda: queries.events(con, dyad, mentions=True))
            timed(
                "count of events for --country IRN (whole store)",
                lambda: queries.count_events(con, EventFilter(country="IRN")),
            )
            timed(
                "events --actor 'iran' (name substring), page 1", lambda: queries.events(con, EventFilter(actor="iran"))
            )
            timed(
                "events --text 'attacked' --since 2024-01-01 (evidence), page 1",
                lambda: queries.events(con, EventFilter(text="attacked", since=_d("2024-01-01"))),
            )
            timed("actors (most active, top partners)", lambda: queries.actors(con, EventFilter()))


def _d(value: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(value)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="articles for ingest vs extract (0 skips it)")
    parser.add_argument("--words", type=int, default=200, help="about this many words per article")
    parser.add_argument("--events", type=int, default=10_000_000, help="events in the synthetic store (0 skips it)")
    parser.add_argument("--keep", type=Path, help="build the synthetic store here and keep it (reused when it exists)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, duckdb {duckdb.__version__}, pyarrow {pa.__version__}")
    if args.articles:
        bench_ingest(args.articles, args.words)
    if args.events:
        bench_queries(args.events, args.keep)
    print(f"\npeak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
