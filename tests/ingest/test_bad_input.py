"""Bad input: one clear line naming the file and the problem, never a traceback; the batch goes on."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.ingest import ReadOptions, iter_documents
from newsevents.records import Failure, RawDocument

BAD = "bad"
MB = 1_000_000


def failures(items: Iterator[RawDocument | Failure]) -> dict[str, str]:
    return {Path(f.origin).name: f.message for f in items if isinstance(f, Failure)}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "file is empty"),
        ("blank.txt", "file holds only whitespace"),
        ("photo.png", "not a text, HTML, JSON Lines, feed or WARC file (it looks like a PNG image)"),
        ("pretty.json", "a JSON file, not JSON Lines: put one article object per line"),
        ("broken.warc", "not a WARC file (it does not start with a 'WARC/1.x' header)"),
    ],
)
def test_bad_file_is_one_failure_with_a_clear_message(data: Path, name: str, message: str) -> None:
    [failure] = iter_documents([data / BAD / name])
    assert failure == Failure(origin=str(data / BAD / name), message=message, document_id=failure.document_id)


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.rss", "empty.warc.gz", "empty.html", "empty"])
def test_empty_file_of_any_kind_says_so(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    assert list(iter_documents([tmp_path / name])) == [Failure(origin=str(tmp_path / name), message="file is empty")]


def test_binary_file_with_a_text_suffix_says_what_it_looks_like(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    [failure] = iter_documents([path])
    assert isinstance(failure, Failure)
    assert failure.message == "not a text, HTML, JSON Lines, feed or WARC file (it looks like a PDF document)"


def test_gzip_of_plain_text_asks_to_decompress(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Plain story text."))
    [failure] = iter_documents([path])
    assert failure == Failure(
        origin=str(path), message="gzip-compressed, but not JSON Lines or WARC inside: decompress it first"
    )


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    assert list(iter_documents([missing])) == [Failure(origin=missing, message="no such file or directory")]


def test_glob_matching_nothing_is_a_failure(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")
    assert list(iter_documents([pattern])) == [Failure(origin=pattern, message="no file matches this pattern")]


def test_folder_with_nothing_to_read_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text("Story.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    assert list(iter_documents([tmp_path])) == [
        Failure(origin=str(tmp_path), message="folder has no files to read (hidden files and *.gold.json are skipped)")
    ]


def test_fifty_megabyte_text_file_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as stream:
        for _ in range(50):
            stream.write(b"All work and no play makes a dull article.\n" * (MB // 43 + 1))
    tracemalloc.start()
    try:
        [failure] = iter_documents([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(failure, Failure) and failure.origin == str(path)
    assert failure.message == "file is 50 MB, over the 5 MB limit for one article"
    assert peak < 1 * MB


def test_size_limit_is_configurable(data: Path) -> None:
    [failure] = iter_documents([data / "wire-ceasefire.txt"], ReadOptions(max_bytes=100))
    assert isinstance(failure, Failure) and failure.message.endswith("over the 0.0001 MB limit for one article")
    [doc] = iter_documents([data / "wire-ceasefire.txt"], ReadOptions(max_bytes=10 * MB))
    assert isinstance(doc, RawDocument)


def test_large_json_lines_file_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "GENEVA (Meridian) — Delegates met again on Monday. " * 20}) + "\n"
    with path.open("w", encoding="utf-8") as stream:
        stream.writelines(line for _ in range(12 * MB // len(line)))
    tracemalloc.start()
    try:
        count = sum(1 for item in iter_documents([path]) if isinstance(item, RawDocument))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 12 * MB // len(line)
    assert peak < 1 * MB


def test_over_long_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "one-huge-line.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{"text": "' + "x" * (20 * MB) + '"}\n')
        stream.write('{"id": "after", "text": "Story after the huge line."}\n')
    tracemalloc.start()
    try:
        items = list(iter_documents([path], ReadOptions(max_bytes=MB)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items[0] == Failure(origin=f"{path}:1", message="line is over the 1 MB limit")
    assert isinstance(items[1], RawDocument) and items[1].id == "after"
    assert peak < 3 * MB


def test_bad_files_in_a_batch_are_skipped_and_counted(data: Path) -> None:
    items = list(iter_documents([data / BAD]))
    found = failures(iter(items))
    assert found == {
        "blank.txt": "file holds only whitespace",
        "broken-feed.xml": "none of the feed's 1 entries has any text; the feed is malformed (line 4:0: no element found)",
        "broken.warc": "not a WARC file (it does not start with a 'WARC/1.x' header)",
        "damaged-utf8.txt": "not valid UTF-8: byte 0x93 at offset 127 (line 3); convert it with iconv -f <encoding> -t utf-8",
        "empty.txt": "file is empty",
        "photo.png": "not a text, HTML, JSON Lines, feed or WARC file (it looks like a PNG image)",
        "pretty.json": "a JSON file, not JSON Lines: put one article object per line",
        "some-bad-lines.jsonl:2": "not valid JSON (Invalid control character at column 39)",
        "some-bad-lines.jsonl:3": "expected a JSON object with a 'text' field, found an array",
        "some-bad-lines.jsonl:4": "no article text: expected a non-empty 'text', 'content', 'body' or 'html' field",
        "some-bad-lines.jsonl:5": "'published' is not an ISO 8601 or RFC 822 date: 'last Tuesday'",
        "some-bad-lines.jsonl:6": "'text' must be a string, not int",
        "truncated.jsonl.gz": "gzip data is truncated or damaged after line 2 "
        "(Compressed file ended before the end-of-stream marker was reached)",
    }
    # The good parts of bad files, and the HTML page whose emptiness only the clean stage can see.
    assert [i.id for i in items if isinstance(i, RawDocument)] == [
        "no-article", "ok-1", "some-bad-lines-7", "trunc-1", "trunc-2"
    ]  # fmt: skip


def test_a_reader_bug_costs_one_file_not_the_batch(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents.ingest import readers

    def broken(path: Path, options: ReadOptions) -> Iterator[RawDocument]:
        raise KeyError("surprise")
        yield  # pragma: no cover

    monkeypatch.setitem(readers.READERS, "feed", broken)
    items = list(iter_documents([data / "feed-harbour.rss", data / "wire-crlf.txt"]))
    assert items[0] == Failure(
        origin=str(data / "feed-harbour.rss"), message="unexpected error while reading (KeyError: 'surprise')"
    )
    assert isinstance(items[1], RawDocument)
