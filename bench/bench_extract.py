"""Benchmark: `extract` (the whole pipeline) next to bare `nlp.pipe` on the same texts.

    python bench/bench_extract.py [--articles 300] [--batch-size 32]

Each mode runs in its own process so that its peak memory is its own. Texts: the Wikinews
articles of ../shared/external (CC BY 2.5) when present, else the bundled sample repeated.
Prints articles/s, words/s and peak RSS per mode, and the time the coding adds to spaCy's.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "external" / "wikinews-2019-2020"


def load_texts(count: int) -> list[str]:
    texts: list[str] = []
    files = sorted(WIKINEWS.glob("wikinews_*.csv")) if WIKINEWS.exists() else []
    csv.field_size_limit(10**8)
    for path in files:
        with path.open(encoding="utf-8") as handle:
            texts += [row["text"] for row in csv.DictReader(handle) if len(row["text"]) > 200]
    if not texts:
        sys.path.insert(0, str(ROOT / "src"))
        from newsevents.cli.extract import sample_path

        texts = [sample_path().read_text(encoding="utf-8")]
    # Very long interviews would dominate the timing; wire stories are what the pipeline is for.
    texts = [t for t in texts if len(t) < 20_000] or texts
    return [texts[i % len(texts)] for i in range(count)]


def run_mode(mode: str, count: int, batch_size: int) -> dict:
    texts = load_texts(count)
    from newsevents.nlp import load_nlp

    if mode == "bare":
        nlp = load_nlp()
        start = time.perf_counter()
        docs = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    else:
        from newsevents.pipeline import Pipeline, PipelineOptions
        from newsevents.records import Failure, RawDocument

        pipeline = Pipeline(PipelineOptions(batch_size=batch_size))
        raws = [RawDocument(id=f"a{i}", content=t) for i, t in enumerate(texts)]
        start = time.perf_counter()
        docs = events = 0
        for result in pipeline.process_many(raws):
            if not isinstance(result, Failure):
                docs += 1
                events += len(result.events)
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "articles": docs, "seconds": seconds, "words": words, "peak_rss_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--mode", choices=["bare", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.articles, args.batch_size)))
        return
    rows = []
    for mode in ("bare", "extract"):
        cmd = [
            sys.executable,
            __file__,
            "--mode",
            mode,
            "--articles",
            str(args.articles),
            "--batch-size",
            str(args.batch_size),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{'mode':<10}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MB':>13}")
    for row in rows:
        rate = row["articles"] / row["seconds"]
        print(
            f"{row['mode']:<10}{row['articles']:>9}{row['seconds']:>9.1f}{rate:>12.1f}{row['words'] / row['seconds']:>10.0f}{row['peak_rss_mb']:>13.0f}"
        )
    bare, full = rows
    print(
        f"coding adds {100 * (full['seconds'] - bare['seconds']) / bare['seconds']:.1f}% to spaCy's own time "
        "(bare = nlp.pipe with the same model; extract = clean + nlp.pipe + actors, quotes, dates, events)"
    )


if __name__ == "__main__":
    main()
