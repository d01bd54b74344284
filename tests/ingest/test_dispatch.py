"""Paths, folders and globs to files, files to readers: order, ids, skipping, overrides."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.ingest import READERS, ReadOptions, iter_documents
from newsevents.ingest.sniff import kind_for
from newsevents.records import Failure, RawDocument

GOOD_IDS = [
    "url-2c0dfafd72f50808",
    "url-c2173b57598b2953",
    "feed-harbour-5ff49b289fd4",
    "feed-harbour-6f51af96d2d3",
    "feed-statewire-c6decea90124",
    "feed-statewire-06404fb994b3",
    "page-grain-corridor",
    "wn-who-declares-pandemic",
    "wn-biden-picks-harris",
    "meridian-20240312-0042",
    "wire-batch-2",
    "7731",
    "wire-ceasefire",
    "wire-crlf",
    "wire-windows1252",
]


def test_folder_yields_every_article_in_a_stable_order_files_before_subfolders(data: Path) -> None:
    items = list(iter_documents([data]))
    ids = [i.id for i in items if isinstance(i, RawDocument)]
    assert ids[: len(GOOD_IDS)] == GOOD_IDS
    assert all(f"{os.sep}bad{os.sep}" in i.origin for i in items[len(GOOD_IDS) :])
    assert [repr(i) for i in iter_documents([data])] == [repr(i) for i in items]


def test_folder_skips_hidden_files_gold_annotations_and_notes(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("GENEVA (Meridian) — Talks began.", encoding="utf-8")
    (tmp_path / "story.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "NOTICE.md").write_text("# Attribution", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    assert [i.id for i in iter_documents([tmp_path])] == ["story"]


def test_folders_are_walked_recursively(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/b/y.txt", "c/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"Story {rel}.", encoding="utf-8")
    assert [i.id for i in iter_documents([tmp_path])] == ["b", "z", "y", "x"]


def test_glob_matches_are_sorted(tmp_path: Path) -> None:
    for name in ["c.txt", "a.txt", "b.md", "d.html"]:
        (tmp_path / name).write_text("Story text.", encoding="utf-8")
    assert [i.id for i in iter_documents([str(tmp_path / "*.txt")])] == ["a", "c"]
    assert [i.id for i in iter_documents([str(tmp_path / "**" / "[ab].*")])] == ["a", "b"]


def test_relative_glob_is_read_from_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "one.txt").write_text("Story text.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [i.id for i in iter_documents(["*.txt"])] == ["one"]


def test_paths_are_read_in_the_order_given(data: Path) -> None:
    items = list(iter_documents([data / "wire-crlf.txt", data / "wire-ceasefire.txt"]))
    assert [i.id for i in items] == ["wire-crlf", "wire-ceasefire"]


def test_overrides_win_over_what_documents_say(data: Path) -> None:
    options = ReadOptions(published=dt.date(2030, 1, 2), source="Desk", url="https://desk.example/x")
    docs = [i for i in iter_documents([data], options) if isinstance(i, RawDocument)]
    assert len(docs) >= len(GOOD_IDS)
    assert {(d.published, d.source, d.url) for d in docs} == {(dt.date(2030, 1, 2), "Desk", "https://desk.example/x")}


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.txt", b"Plain story.", "text"),
        ("a.txt", b"<!DOCTYPE html><html>", "html"),
        ("a.txt", b'{"text": "x"}\n', "text"),
        ("a", b"Plain story.", "text"),
        ("a", b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("a.json", b'{\n  "text": "x"\n}\n', "json"),
        ("a.dat", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("a.xml", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("a.xml", b'<?xml version="1.0"?><!DOCTYPE html><html><body>', "html"),
        ("a", b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("a", b"<p>Fragment of a page.</p>", "html"),
        ("a.rss", b"anything", "feed"),
        ("a.jsonl", b"anything", "jsonl"),
        ("a.warc.gz", b"anything", "warc"),
        ("a.html", b"%PDF-1.7\n", "binary"),
        ("a.pdf", b"%PDF-1.7\n", "binary"),
        ("a.txt", b"\x00\x01\x02\x03", "binary"),
        ("a.txt", b"\xff\xfeT\x00e\x00x\x00t\x00", "text"),
        ("a.jsonl", b"\x00\x01\x02\x03 junk", "binary"),
        ("a.rss", b"%PDF-1.7\n", "binary"),
        ("a", b"WARC/1.1\r\nWARC-Type: response\r\n\r\n\x89PNG\x00\x00", "warc"),
    ],
)
def test_kind_comes_from_a_trusted_suffix_or_the_first_bytes(name: str, head: bytes, kind: str) -> None:
    assert kind_for(name, head) == kind


def test_every_kind_that_has_a_reader_is_registered() -> None:
    assert set(READERS) == {"text", "html", "jsonl", "feed", "warc"}


def test_documents_are_yielded_lazily(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second story.", encoding="utf-8")
    stream = iter_documents([tmp_path])
    assert next(stream).id == "a"
    (tmp_path / "b.txt").unlink()  # read only when asked for
    [failure] = list(stream)
    assert isinstance(failure, Failure) and failure.origin == str(tmp_path / "b.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Story.", encoding="utf-8")
    path.chmod(0)
    [failure] = iter_documents([path])
    assert isinstance(failure, Failure) and "Permission denied" in failure.message


def test_contract_every_document_names_its_origin_and_has_content(data: Path, tmp_path: Path) -> None:
    shutil.copytree(data, tmp_path / "data")
    for item in iter_documents([tmp_path / "data"]):
        assert item.origin.startswith(str(tmp_path / "data"))
        if isinstance(item, RawDocument):
            assert item.id and item.content.strip() and item.media_type in ("text/plain", "text/html")
            assert "\r" not in item.content
        else:
            assert item.message and "\n" not in item.message and "Traceback" not in item.message


SUFFIXES = ["", ".txt", ".html", ".json", ".jsonl", ".jsonl.gz", ".xml", ".rss", ".warc", ".warc.gz", ".gz"]
PREFIXES = [
    b"",
    b"\x1f\x8b\x08\x00",
    b"WARC/1.0\r\n",
    b'{"text": "',
    b"<?xml version='1.0'?><rss><channel><item>",
    b"<html>",
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SUFFIXES), st.sampled_from(PREFIXES), st.binary(max_size=300))
def test_no_input_makes_the_readers_raise(suffix: str, prefix: bytes, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + suffix)
        path.write_bytes(prefix + body)
        for item in iter_documents([path]):
            assert isinstance(item, RawDocument | Failure)
            if isinstance(item, Failure):
                assert item.message and "\n" not in item.message
