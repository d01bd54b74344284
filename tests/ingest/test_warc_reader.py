"""WARC archives: HTML pages with status 200 only, ids from the URL, damage reported."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from newsevents.ingest import ReadOptions, iter_documents
from newsevents.records import Failure, RawDocument

from .conftest import CRAWL_PAGES, KENYA_PAGE

WriteWarc = Callable[..., Path]


def test_only_html_responses_with_status_200_become_documents(data: Path) -> None:
    docs = list(iter_documents([data / "crawl.warc.gz"]))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.url for d in docs] == [
        "https://riftdaily.example/region/kenya-ethiopia-water",
        "https://andes.example/chile-cabinet",
    ]
    assert {d.media_type for d in docs} == {"text/html"}


def test_page_id_is_a_hash_of_its_url_and_published_is_left_to_the_page(data: Path) -> None:
    kenya, _ = iter_documents([data / "crawl.warc.gz"])
    url = b"https://riftdaily.example/region/kenya-ethiopia-water"
    assert kenya.id == "url-" + hashlib.sha1(url).hexdigest()[:16]
    assert isinstance(kenya, RawDocument) and kenya.published is None
    assert kenya.origin.startswith(f"{data / 'crawl.warc.gz'}@")
    assert kenya.content == KENYA_PAGE.decode("utf-8")


def test_charset_from_the_http_header_decodes_the_page(data: Path) -> None:
    _, chile = iter_documents([data / "crawl.warc.gz"])
    assert isinstance(chile, RawDocument)
    assert "Chile’s president" in chile.content and "Ignacio Briñones" in chile.content


def test_uncompressed_warc_reads_the_same(tmp_path: Path, write_warc: WriteWarc) -> None:
    path = write_warc(tmp_path / "crawl.warc", CRAWL_PAGES, gzip=False)
    assert [d.url for d in iter_documents([path])] == [CRAWL_PAGES[0][0], CRAWL_PAGES[-1][0]]


def test_warc_is_sniffed_without_its_suffix(tmp_path: Path, write_warc: WriteWarc) -> None:
    path = write_warc(tmp_path / "capture.bin", CRAWL_PAGES[:1])
    [doc] = iter_documents([path])
    assert isinstance(doc, RawDocument) and doc.url == CRAWL_PAGES[0][0]


def test_the_same_url_in_two_crawls_gets_the_same_id(tmp_path: Path, write_warc: WriteWarc) -> None:
    first = write_warc(tmp_path / "a.warc.gz", CRAWL_PAGES[:1])
    second = write_warc(tmp_path / "b.warc", CRAWL_PAGES[:1], gzip=False)
    a, b = iter_documents([first, second])
    assert a.id == b.id and a.origin != b.origin


def test_overrides_win_over_the_target_uri(data: Path) -> None:
    options = ReadOptions(published=dt.date(2030, 1, 2), source="Desk", url="https://desk.example/x")
    for doc in iter_documents([data / "crawl.warc.gz"], options):
        assert isinstance(doc, RawDocument)
        assert (doc.published, doc.source, doc.url) == (dt.date(2030, 1, 2), "Desk", "https://desk.example/x")


def test_warc_without_html_pages_is_one_failure(tmp_path: Path, write_warc: WriteWarc) -> None:
    path = write_warc(tmp_path / "images.warc.gz", [CRAWL_PAGES[1], CRAWL_PAGES[2]])
    [failure] = iter_documents([path])
    assert isinstance(failure, Failure) and failure.origin == str(path)
    assert failure.message.startswith("WARC file holds no HTML page")


def test_text_posing_as_a_warc_is_refused(data: Path) -> None:
    [failure] = iter_documents([data / "bad" / "broken.warc"])
    assert failure == Failure(
        origin=str(data / "bad" / "broken.warc"), message="not a WARC file (it does not start with a 'WARC/1.x' header)"
    )


def test_truncated_gzip_warc_keeps_the_pages_before_the_cut(tmp_path: Path, data: Path) -> None:
    raw = (data / "crawl.warc.gz").read_bytes()
    path = tmp_path / "cut.warc.gz"
    # Every record is its own gzip member: cut a few bytes into the one after the first page.
    member = raw.index(b"\x1f\x8b", 3000)
    path.write_bytes(raw[: member + 50])
    page, failure = iter_documents([path])
    assert isinstance(page, RawDocument) and page.url == CRAWL_PAGES[0][0]
    assert failure == Failure(
        origin=str(path), message=f"WARC file is truncated: the record at byte {member} is incomplete"
    )


def test_gzip_warc_cut_inside_a_header_is_damaged(tmp_path: Path, data: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    path.write_bytes((data / "crawl.warc.gz").read_bytes()[:700])
    [failure] = iter_documents([path])
    assert isinstance(failure, Failure) and failure.origin == str(path)
    assert failure.message.startswith("WARC file is damaged or truncated after 0 page(s) (")


def test_cut_inside_a_page_is_reported_for_that_page(tmp_path: Path, write_warc: WriteWarc) -> None:
    raw = write_warc(tmp_path / "full.warc", CRAWL_PAGES[:1], gzip=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(raw[: raw.index(b"signing ceremony")])
    [failure] = iter_documents([path])
    assert isinstance(failure, Failure) and failure.origin.startswith(f"{path}@")
    assert failure.message == "record is truncated (shorter than its Content-Length)"


def test_cut_inside_a_record_header_is_reported(tmp_path: Path, write_warc: WriteWarc) -> None:
    raw = write_warc(tmp_path / "full.warc", CRAWL_PAGES[:1] * 2, gzip=False).read_bytes()
    second = raw.index(b"WARC/1.", raw.index(b"WARC-Type: response"))
    second = raw.index(b"WARC/1.", second + 10)  # past the second request's header too
    path = tmp_path / "cut.warc"
    path.write_bytes(raw[: second + 40])
    items = list(iter_documents([path]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Failure) and "truncated" in items[-1].message


def test_page_over_the_limit_is_a_failure_and_the_crawl_goes_on(data: Path) -> None:
    items = list(iter_documents([data / "crawl.warc.gz"], ReadOptions(max_bytes=500)))
    assert isinstance(items[0], Failure) and items[0].message == "page is over the 0.0005 MB limit for one article"
    assert isinstance(items[1], RawDocument)
