"""Readers and one writing ingest share the file: DuckDB lets one process hold it, so the ingest
opens it per batch and readers wait (with back-off) for the gaps. Readers see whole articles only."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from newsevents.store import Store

from .test_ingest import write_stories

WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from newsevents.ingest import iter_documents
from newsevents.records import ArticleResult
from newsevents.store.ingest import Ingest, IngestOptions
from store.factories import strike

def slow(articles):
    time.sleep(0.05 * len(articles))  # NLP takes time; the store is closed meanwhile
    out = []
    for a in articles:
        example = strike(a.id)  # an event, actors and mentions to write with each article
        out.append(ArticleResult(article=a, actors=example.actors, events=example.events))
    return out

Ingest({db!r}, None, IngestOptions(batch_size=2, flush_seconds=0), analyser=slow).run(iter_documents([{folder!r}]))
"""


def test_reads_work_while_an_ingest_is_writing(db_path: Path, tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 30)
    Store.open(db_path).close()  # created before the race starts
    script = WRITER.format(tests=str(Path(__file__).parents[1]), db=str(db_path), folder=str(tmp_path / "in"))
    writer = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    seen: list[int] = []
    try:
        while writer.poll() is None:
            with Store.open(db_path, read_only=True, timeout=30) as store:
                articles = store.counts()["articles"]
                half = store.query(
                    "SELECT count(*) AS n FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM events e WHERE e.article_id = a.id) "
                    "OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)"
                )
                assert half.column(0)[0].as_py() == 0, "a reader saw a half-written article"
            seen.append(articles)
            time.sleep(0.05)
    finally:
        _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert seen == sorted(seen), "a reader saw the store go back in time"
    assert len(set(seen)) >= 3, f"readers should have seen the ingest progress, saw {seen}"
    with Store.open(db_path, read_only=True) as store:
        assert store.counts()["articles"] == 30
