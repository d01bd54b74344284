"""RSS and Atom feeds: one document per entry, metadata from the entry and the feed."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

import pytest

from newsevents.ingest import ReadOptions, iter_documents
from newsevents.records import Failure, RawDocument

ITEM = "<item><title>{title}</title><link>https://x.example/{n}</link>{body}</item>"


def rss(tmp_path: Path, *items: str, name: str = "wire.rss", tail: str = "</channel></rss>") -> Path:
    path = tmp_path / name
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
    path.write_text(head + "".join(items) + tail, encoding="utf-8")
    return path


def test_rss_items_become_documents_in_feed_order(data: Path) -> None:
    strike, rescue = iter_documents([data / "feed-harbour.rss"])
    assert isinstance(strike, RawDocument) and isinstance(rescue, RawDocument)
    assert strike.title == "Port workers end strike after pay deal"
    assert strike.url == "https://harbourtimes.example/world/2021/03/04/strike-ends"
    assert strike.source == rescue.source == "The Harbour Times — World"
    assert strike.origin == f"{data / 'feed-harbour.rss'}#1" and rescue.origin.endswith("#2")


def test_full_content_is_preferred_to_the_summary_and_kept_as_html(data: Path) -> None:
    strike, rescue = iter_documents([data / "feed-harbour.rss"])
    assert isinstance(strike, RawDocument) and isinstance(rescue, RawDocument)
    assert strike.media_type == "text/html" and strike.content.startswith("<p>BALTIMORE (HT)")
    assert rescue.media_type == "text/plain" and rescue.content.startswith("The Italian coast guard rescued 40")


def test_publication_date_is_the_feeds_local_date_not_utc(data: Path) -> None:
    # "Thu, 04 Mar 2021 23:30:00 -0500" is already Friday in UTC.
    strike, _ = iter_documents([data / "feed-harbour.rss"])
    assert isinstance(strike, RawDocument) and strike.published == dt.date(2021, 3, 4)


def test_entry_ids_hash_the_guid_so_they_survive_a_refetch(data: Path) -> None:
    strike, rescue = iter_documents([data / "feed-harbour.rss"])
    assert strike.id == "feed-harbour-" + hashlib.sha1(b"ht-2021-03-04-0193").hexdigest()[:12]
    assert rescue.id.startswith("feed-harbour-") and rescue.id != strike.id


def test_atom_entries_use_published_or_updated(data: Path) -> None:
    talks, summons = iter_documents([data / "feed-statewire.atom"])
    assert isinstance(talks, RawDocument) and isinstance(summons, RawDocument)
    assert (talks.source, talks.media_type) == ("State Wire: Diplomacy", "text/html")
    assert talks.published == summons.published == dt.date(2022, 6, 2)
    assert summons.content.startswith("Turkey summoned Sweden's ambassador")


def test_xml_file_that_is_a_feed_is_sniffed(tmp_path: Path) -> None:
    path = rss(tmp_path, ITEM.format(title="T", n=1, body="<description>Story text.</description>"), name="feed.xml")
    [doc] = iter_documents([path])
    assert isinstance(doc, RawDocument) and doc.content == "Story text."


def test_feed_without_a_suffix_is_sniffed(tmp_path: Path) -> None:
    path = rss(tmp_path, ITEM.format(title="T", n=1, body="<description>Story text.</description>"), name="latest")
    [doc] = iter_documents([path])
    assert isinstance(doc, RawDocument) and doc.origin == f"{path}#1"


def test_entry_without_text_is_a_failure_beside_good_ones(tmp_path: Path) -> None:
    good = ITEM.format(title="Good", n=1, body="<description>Story text.</description>")
    empty = ITEM.format(title="Empty", n=2, body="")
    doc, failure = iter_documents([rss(tmp_path, good, empty)])
    assert isinstance(doc, RawDocument)
    assert failure == Failure(origin=f"{tmp_path / 'wire.rss'}#2", message="entry has no text (content or summary)")


def test_feed_with_no_usable_entry_is_one_failure_naming_the_file(tmp_path: Path) -> None:
    path = rss(tmp_path, ITEM.format(title="A", n=1, body=""), ITEM.format(title="B", n=2, body=""))
    assert list(iter_documents([path])) == [
        Failure(origin=str(path), message="none of the feed's 2 entries has any text")
    ]


def test_broken_feed_with_entries_is_used_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    good = ITEM.format(title="Good", n=1, body="<description>Story text.</description>")
    path = rss(tmp_path, good, tail="<item><title>Cut off")
    with caplog.at_level(logging.WARNING):
        items = list(iter_documents([path]))
    assert isinstance(items[0], RawDocument) and items[0].content == "Story text."
    assert "malformed feed" in caplog.text and str(path) in caplog.text


def test_broken_feed_without_entries_names_the_problem(data: Path) -> None:
    [failure] = iter_documents([data / "bad" / "broken-feed.xml"])
    assert isinstance(failure, Failure) and failure.origin == str(data / "bad" / "broken-feed.xml")
    assert failure.message.startswith("none of the feed's 1 entries has any text; the feed is malformed (line 4")


def test_xml_that_is_not_a_feed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', "utf-8")
    [failure] = iter_documents([path])
    assert failure == Failure(origin=str(path), message="not an RSS or Atom feed")


def test_overrides_win_over_entry_metadata(data: Path) -> None:
    options = ReadOptions(published=dt.date(2030, 1, 2), source="Desk", url="https://desk.example/x")
    for doc in iter_documents([data / "feed-harbour.rss", data / "feed-statewire.atom"], options):
        assert isinstance(doc, RawDocument)
        assert (doc.published, doc.source, doc.url) == (dt.date(2030, 1, 2), "Desk", "https://desk.example/x")


def test_feed_over_its_size_limit_is_refused(data: Path) -> None:
    [failure] = iter_documents([data / "feed-harbour.rss"], ReadOptions(max_feed_bytes=1000))
    assert isinstance(failure, Failure) and "over the 0.001 MB limit for a feed" in failure.message
