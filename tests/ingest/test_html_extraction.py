"""HTML through the clean stage (trafilatura 2.x): text as lines, metadata to the Article, no crashes."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from newsevents.clean import make_article
from newsevents.clean.html import html_to_text
from newsevents.errors import InputError
from newsevents.ingest import ReadOptions, iter_documents
from newsevents.records import RawDocument


def read(path: Path, options: ReadOptions | None = None) -> RawDocument:
    [doc] = iter_documents([path], options)
    assert isinstance(doc, RawDocument)
    return doc


def test_page_text_has_one_paragraph_per_line_without_page_furniture(data: Path) -> None:
    page = html_to_text(read(data / "page-grain-corridor.html").content, "page")
    lines = page.text.split("\n")
    assert lines[0] == "Ministers agree to reopen Black Sea grain corridor"
    assert lines[1].startswith("ISTANBUL (HT) — Foreign ministers from Turkey and Ukraine agreed")
    assert (
        lines[-1]
        == "Russia has not commented on the proposal. Its navy stopped two cargo ships bound for Odesa last month."
    )
    for furniture in ("cookies", "Subscribe", "Cargo ships wait", "Related stories", "All rights reserved"):
        assert furniture not in page.text


def test_page_metadata_reaches_the_article(data: Path) -> None:
    article = make_article(read(data / "page-grain-corridor.html"))
    assert article.title == "Ministers agree to reopen Black Sea grain corridor"
    assert (article.published, article.published_from) == (dt.date(2021, 3, 4), "html")
    assert article.url == "https://harbourtimes.example/world/2021/03/04/grain-corridor"
    assert article.source == "The Harbour Times"
    assert [article.text[p.start : p.end][:9] for p in article.body_paragraphs()][:1] == ["ISTANBUL "]


def test_options_win_over_page_metadata(data: Path) -> None:
    options = ReadOptions(published=dt.date(2030, 1, 2), source="Desk", url="https://desk.example/x")
    article = make_article(read(data / "page-grain-corridor.html", options))
    assert (article.published, article.published_from) == (dt.date(2030, 1, 2), "option")
    assert (article.source, article.url) == ("Desk", "https://desk.example/x")


def test_warc_page_gets_its_date_from_the_page_not_the_crawl(data: Path) -> None:
    kenya = next(iter(iter_documents([data / "crawl.warc.gz"])))
    assert isinstance(kenya, RawDocument)
    article = make_article(kenya)
    assert (article.published, article.source) == (dt.date(2023, 5, 17), "Rift Daily")
    assert article.url == "https://riftdaily.example/region/kenya-ethiopia-water"


def test_feed_entry_html_becomes_lines_with_the_entry_title(data: Path) -> None:
    strike = next(iter(iter_documents([data / "feed-harbour.rss"])))
    assert isinstance(strike, RawDocument)
    article = make_article(strike)
    assert article.title == "Port workers end strike after pay deal"
    assert article.text.split("\n")[0].startswith("BALTIMORE (HT) — Port workers")
    assert len(article.body_paragraphs()) == 3


def test_page_without_article_text_is_an_input_error(data: Path) -> None:
    with pytest.raises(InputError, match=r"no-article\.html: no article text found in the HTML page$"):
        make_article(read(data / "bad" / "no-article.html"))


@pytest.mark.parametrize(
    "html",
    ["<<<>>>", "<html><body></body></html>", "<div>" * 50_000, "</p></div><p>&#xffffffff; <b", "<html>\x0c\x0b</html>"],
    ids=["brackets", "empty-body", "deep-nesting", "broken-entities", "control-chars"],
)
def test_malformed_html_is_an_input_error_not_a_crash(html: str) -> None:
    with pytest.raises(InputError, match=r"^bad\.html: "):
        html_to_text(html, "bad.html")


def test_trafilatura_exception_becomes_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("lxml choked")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(InputError, match=r"^bad\.html: cannot parse HTML: lxml choked$"):
        html_to_text("<html><body><p>Story.</p></body></html>", "bad.html")


def test_unusable_page_logs_nothing_from_trafilatura(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="newsevents"), pytest.raises(InputError):
        html_to_text("<<<>>>", "bad.html")
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]
