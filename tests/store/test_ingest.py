"""Ingest: stored articles are skipped before NLP, bad records are counted and skipped, copies add URLs.

These tests stand a fake analyser in for spaCy; test_ingest_process.py runs the real thing.
"""

from __future__ import annotations

from pathlib import Path

from newsevents.ingest import iter_documents
from newsevents.records import Article, ArticleResult, Failure
from newsevents.store import Store
from newsevents.store.ingest import Ingest, IngestOptions

STORY = "Headline number {n}\nThe United States and Iran held talks in Oman on day {n}, officials said.\n"


class FakeAnalyser:
    """Records what it was asked to analyse; returns bare results (or a failure for 'explode')."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: list[Article]) -> list[ArticleResult | Failure]:
        self.seen.extend(a.id for a in articles)
        return [
            Failure(origin=a.origin, message="the coder fell over", document_id=a.id)
            if "explode" in a.text
            else ArticleResult(article=a, components={"coder": "fake.v1"})
            for a in articles
        ]


def write_stories(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:02d}.txt").write_text(STORY.format(n=i))


def ingest(db: Path, folder: Path, analyser: FakeAnalyser, **options: object):  # type: ignore[no-untyped-def]
    run = Ingest(db, None, IngestOptions(batch_size=4, **options), analyser=analyser)  # type: ignore[arg-type]
    return run.run(iter_documents([folder]))


def test_reingest_is_a_no_op_and_skips_nlp(db_path: Path, tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 10)
    first = FakeAnalyser()
    summary = ingest(db_path, tmp_path / "in", first)
    assert (summary.new, summary.present, summary.failed) == (10, 0, 0) and len(first.seen) == 10
    with Store.open(db_path) as store:
        before = store.counts()
    again = FakeAnalyser()
    summary = ingest(db_path, tmp_path / "in", again)
    assert (summary.new, summary.present) == (0, 10)
    assert again.seen == []  # nothing parsed: the hashes were known before NLP
    with Store.open(db_path) as store:
        assert store.counts() == before


def test_bad_records_are_counted_and_skipped(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_stories(folder, 3)
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "explode.txt").write_text("Title\nThis one will explode in the coder.\n")
    lines = ['{"id": "j1", "text": "Title\\nIran and the United States met in Oman."}', "{bad json", '{"id": "j3"}']
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    summary = ingest(db_path, folder, FakeAnalyser())
    assert (summary.new, summary.failed) == (4, 5)
    origins = {Path(origin).name for origin, _ in summary.failures}
    assert origins == {"empty.txt", "binary.txt", "explode.txt", "feed.jsonl:2", "feed.jsonl:3"}
    with Store.open(db_path) as store:
        assert store.counts()["articles"] == 4


def test_a_syndicated_copy_adds_its_address_only(db_path: Path, tmp_path: Path) -> None:
    write_stories(tmp_path / "ap", 2)
    write_stories(tmp_path / "yahoo", 2)  # the same two stories under another folder
    analyser = FakeAnalyser()
    ingest(db_path, tmp_path / "ap", analyser)
    summary = ingest(db_path, tmp_path / "yahoo", analyser)
    assert (summary.new, summary.present) == (0, 2) and len(analyser.seen) == 2
    with Store.open(db_path, read_only=True) as store:
        origins = [u["origin"] for u in store.article_urls("story-00")]
        assert [Path(o).parent.name for o in origins] == ["ap", "yahoo"]


def test_copies_within_one_run_are_parsed_once(db_path: Path, tmp_path: Path) -> None:
    write_stories(tmp_path / "a", 3)
    write_stories(tmp_path / "b", 3)
    analyser = FakeAnalyser()
    run = Ingest(db_path, None, IngestOptions(batch_size=2), analyser=analyser)  # type: ignore[arg-type]
    summary = run.run(iter_documents([tmp_path / "a", tmp_path / "b"]))
    assert (summary.new, summary.present) == (3, 3) and len(analyser.seen) == 3


def test_recode_re_extracts_stored_articles(db_path: Path, tmp_path: Path) -> None:
    write_stories(tmp_path / "in", 2)
    ingest(db_path, tmp_path / "in", FakeAnalyser())
    again = FakeAnalyser()
    summary = ingest(db_path, tmp_path / "in", again, recode=True)
    assert (summary.new, summary.recoded) == (0, 2) and len(again.seen) == 2
