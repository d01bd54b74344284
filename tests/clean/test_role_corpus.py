"""Every page of tests/data/clean gets the roles its .roles file lists, one per non-empty line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.clean import make_article
from newsevents.records import PARAGRAPH_ROLES, RawDocument

PAGES = sorted((Path(__file__).parent.parent / "data" / "clean").glob("*.txt"))


def test_the_corpus_is_there():
    assert len(PAGES) >= 40


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_roles(page: Path):
    text = page.read_text(encoding="utf-8")
    expected = page.with_suffix(".roles").read_text(encoding="utf-8").split()
    assert set(expected) <= set(PARAGRAPH_ROLES)
    article = make_article(RawDocument(id=page.stem, content=text))
    assert len(article.paragraphs) == len(expected), "one role per non-empty line"
    wrong = [
        f"line {p.index}: expected {want}, got {p.role} ({p.rule or 'no rule'}): {text[p.start : p.end][:90]}"
        for p, want in zip(article.paragraphs, expected, strict=True)
        if p.role != want
    ]
    assert not wrong, "\n".join(wrong)
