"""Developer aid: print each event, quote and actor of an article with its evidence.

python scripts/show_events.py FILE [FILE...] [--published YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from newsevents.ingest import ReadOptions, iter_documents
from newsevents.pipeline import Pipeline
from newsevents.records import Failure


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--published")
    parser.add_argument("--actors", action="store_true", help="list actors and their mentions")
    args = parser.parse_args()
    options = ReadOptions(published=dt.date.fromisoformat(args.published) if args.published else None)
    pipeline = Pipeline()
    for result in pipeline.process_many(iter_documents([Path(p) for p in args.paths], options)):
        if isinstance(result, Failure):
            print("FAILED", result.origin, result.message)
            continue
        actors = {a.id: a for a in result.actors}

        def name(ref, actors=actors):  # type: ignore[no-untyped-def]
            refs = ref if isinstance(ref, tuple) else (ref,)
            return "+".join(f"{actors[r].name}[{actors[r].country}]" if r in actors else str(r) for r in refs)

        print(f"=== {result.article.id} published={result.article.published}")
        for e in result.events:
            flags = ("NEG " if e.negated else "") + ("HYP " if e.hypothetical else "")
            print(
                f"  {e.category:9s} {name(e.source)} -> {name(e.target)} {flags}[{e.rule}] '{e.trigger.text}' "
                f"inf={','.join(e.inferred)}\n      | {e.evidence.text[:160]}"
            )
        for q in result.quotes:
            print(f"  Q {q.speaker_name!r} ({q.speaker}) ch={q.channel!r}: {q.text[:70]!r}")
        if args.actors:
            for a in result.actors:
                print(
                    f"  A {a.id} {a.name!r} {a.country} {a.sector} {a.kind} {a.origin} :: "
                    + "; ".join(f"{m.text}/{m.via}" for m in a.mentions)
                )


if __name__ == "__main__":
    main()
