"""JSON Lines: one article per line, ids from the line or its number, bad lines skipped."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from newsevents.ingest import ReadOptions, iter_documents
from newsevents.records import Failure, RawDocument


def test_each_line_is_a_document_with_its_metadata(data: Path) -> None:
    first, second, third = iter_documents([data / "wire-batch.jsonl"])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument) and isinstance(third, RawDocument)
    assert first.id == "meridian-20240312-0042"
    assert first.url == "https://meridian.example/2024/03/12/sanctions"
    assert first.title == "EU adds shipping firms to sanctions list"
    assert (first.published, first.source, first.media_type) == (dt.date(2024, 3, 12), "Meridian", "text/plain")
    assert first.origin == f"{data / 'wire-batch.jsonl'}:1"


def test_line_without_id_is_named_by_file_stem_and_line_number(data: Path) -> None:
    docs = list(iter_documents([data / "wire-batch.jsonl"]))
    assert [d.id for d in docs] == ["meridian-20240312-0042", "wire-batch-2", "7731"]
    # The blank third line is skipped but still counted: origins are real line numbers.
    assert [d.origin.rsplit(":", 1)[1] for d in docs] == ["1", "2", "4"]


def test_content_field_is_text_with_universal_newlines(data: Path) -> None:
    doc = list(iter_documents([data / "wire-batch.jsonl"]))[1]
    assert isinstance(doc, RawDocument)
    assert "\r" not in doc.content and doc.content.count("\n") == 2


def test_datetime_with_offset_keeps_the_writers_calendar_date(data: Path) -> None:
    doc = list(iter_documents([data / "wire-batch.jsonl"]))[1]
    assert isinstance(doc, RawDocument) and doc.published == dt.date(2024, 3, 13)


def test_html_field_makes_an_html_document(data: Path) -> None:
    doc = list(iter_documents([data / "wire-batch.jsonl"]))[2]
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.media_type, doc.source) == ("7731", "text/html", "Harbour Times")


def test_text_wins_over_html_when_a_line_has_both(tmp_path: Path) -> None:
    path = tmp_path / "both.jsonl"
    path.write_text(json.dumps({"text": "Extracted story.", "html": "<p>Page</p>"}) + "\n", encoding="utf-8")
    [doc] = iter_documents([path])
    assert isinstance(doc, RawDocument) and (doc.content, doc.media_type) == ("Extracted story.", "text/plain")


def test_bad_lines_are_failures_and_the_rest_go_on(data: Path) -> None:
    path = data / "bad" / "some-bad-lines.jsonl"
    items = list(iter_documents([path]))
    assert [i.id if isinstance(i, RawDocument) else None for i in items] == ["ok-1", *[None] * 5, "some-bad-lines-7"]
    failures = {i.origin.rsplit(":", 1)[1]: i.message for i in items if isinstance(i, Failure)}
    assert failures == {
        "2": "not valid JSON (Invalid control character at column 39)",
        "3": "expected a JSON object with a 'text' field, found an array",
        "4": "no article text: expected a non-empty 'text', 'content', 'body' or 'html' field",
        "5": "'published' is not an ISO 8601 or RFC 822 date: 'last Tuesday'",
        "6": "'text' must be a string, not int",
    }
    assert all(i.origin.startswith(f"{path}:") for i in items if isinstance(i, Failure))


def test_gzip_compressed_lines_are_read(tmp_path: Path, data: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress((data / "wire-batch.jsonl").read_bytes()))
    docs = list(iter_documents([path]))
    assert [d.id for d in docs] == ["meridian-20240312-0042", "wire-2", "7731"]
    assert docs[1].origin == f"{path}:2"


def test_gzip_data_is_recognised_whatever_the_name(tmp_path: Path, data: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(gzip.compress((data / "wire-batch.jsonl").read_bytes()))
    assert len([d for d in iter_documents([path]) if isinstance(d, RawDocument)]) == 3


def test_truncated_gzip_keeps_the_lines_before_the_break(data: Path) -> None:
    path = data / "bad" / "truncated.jsonl.gz"
    *docs, failure = iter_documents([path])
    assert [d.id for d in docs] == ["trunc-1", "trunc-2"]
    assert isinstance(failure, Failure) and failure.origin == str(path)
    assert failure.message.startswith("gzip data is truncated or damaged after line 2")


def test_non_utf8_line_is_a_failure_naming_the_column(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "Bri\xf1ones said"}\n{"text": "fine"}\n')
    failure, doc = iter_documents([path])
    assert isinstance(failure, Failure) and failure.origin == f"{path}:1"
    assert failure.message == "not valid UTF-8: byte 0xf1 at column 14"
    assert isinstance(doc, RawDocument) and doc.id == "latin-2"


def test_file_of_blank_lines_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    assert list(iter_documents([path])) == [Failure(origin=str(path), message="no article in file")]


def test_overrides_win_over_every_line(data: Path) -> None:
    options = ReadOptions(published=dt.date(2030, 1, 2), source="Desk", url="https://desk.example/x")
    for doc in iter_documents([data / "wire-batch.jsonl", data / "bad" / "some-bad-lines.jsonl"], options):
        if isinstance(doc, RawDocument):
            assert (doc.published, doc.source, doc.url) == (dt.date(2030, 1, 2), "Desk", "https://desk.example/x")
        else:
            # With the date given, a line's unreadable date no longer matters.
            assert "published" not in doc.message
