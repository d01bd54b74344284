"""Where an article's publication date came from is recorded with it."""

from __future__ import annotations

import datetime as dt
import json

from newsevents.clean import make_article
from newsevents.ingest import ReadOptions, iter_documents
from newsevents.records import RawDocument


def test_date_from_a_json_lines_field_is_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "Police arrested two men.", "published": "2024-02-03"}) + "\n")
    (raw,) = list(iter_documents([path]))
    article = make_article(raw)
    assert (article.published, article.published_from) == (dt.date(2024, 2, 3), "metadata")


def test_date_given_as_an_option_wins_and_says_so(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "Police arrested two men.", "published": "2024-02-03"}) + "\n")
    (raw,) = list(iter_documents([path], ReadOptions(published=dt.date(2024, 3, 1))))
    article = make_article(raw)
    assert (article.published, article.published_from) == (dt.date(2024, 3, 1), "option")


def test_no_date_anywhere_stays_unknown():
    article = make_article(RawDocument(id="x", content="Police arrested two men.\n"))
    assert (article.published, article.published_from) == (None, None)
