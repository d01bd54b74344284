"""Paragraph roles on plain text written in the style of scraped news pages."""

from __future__ import annotations

from newsevents.clean import make_article
from newsevents.clean.metadata import find_wire_tag, parse_date_line
from newsevents.records import RawDocument

PAGE = """Soldiers patrol a market in Bamako on Tuesday. (Photo: Awa Traore/Sahel Wire)
BAMAKO (AP) — Mali's military government expelled the French ambassador on Monday, the foreign ministry said.
The ministry gave the envoy 72 hours to leave the country.
"We will not accept interference," the spokesman said.
Related coverage:
Mali's junta sets election date
Who are the Wagner fighters in the Sahel?
Support independent reporting from West Africa. Donate today!
Our journalists rely on readers like you to keep reporting from the ground.
— Jane Roe, Editor-in-Chief
We use cookies to personalise content. By continuing to browse, you accept our cookie policy. Accept | Settings
"""


def _roles(text: str) -> list[str]:
    article = make_article(RawDocument(id="page", content=text))
    return [p.role for p in article.paragraphs]


def test_caption_first_story_then_page_furniture():
    assert _roles(PAGE) == [
        "caption", "body", "body", "body",
        "boilerplate", "boilerplate", "boilerplate",
        "boilerplate", "boilerplate", "boilerplate", "boilerplate",
    ]  # fmt: skip


def test_wire_tag_gives_the_source_and_place():
    article = make_article(RawDocument(id="page", content=PAGE))
    assert article.source == "AP"
    assert article.dateline_place == "BAMAKO"
    assert article.wire is not None and article.text[article.wire.start : article.wire.end].startswith("BAMAKO (AP)")


def test_a_source_given_by_the_user_wins_over_the_wire_tag():
    article = make_article(RawDocument(id="page", content=PAGE, source="Sahel Wire"))
    assert article.source == "Sahel Wire"


def test_date_line_sets_publication_date_when_none_given():
    text = "Tuesday, March 5, 2024\n\nLawmakers in Nairobi passed the finance bill on Monday.\n"
    article = make_article(RawDocument(id="d", content=text))
    assert [p.role for p in article.paragraphs] == ["dateline", "body"]
    assert article.published.isoformat() == "2024-03-05"
    assert article.published_from == "dateline"


def test_body_paragraph_ending_in_agency_name_is_not_a_caption():
    text = "Police in Lagos arrested 12 protesters on Friday, a spokesman told Reuters.\nThe protest was peaceful.\n"
    assert _roles(text) == ["body", "body"]


def test_pull_quote_attribution_inside_story_stays_body():
    text = "The journalist was shot in Aden on Tuesday.\n—Maria Lopez, of the press union\nHe was 34.\n"
    assert _roles(text) == ["body", "body", "body"]


def test_paragraph_offsets_cover_the_line_without_its_spaces():
    text = "  First line of the story.  \n\nSecond line.\n"
    article = make_article(RawDocument(id="o", content=text))
    assert [article.text[p.start : p.end] for p in article.paragraphs] == ["First line of the story.", "Second line."]


def test_roles_are_stable_when_cleaning_twice():
    first = make_article(RawDocument(id="page", content=PAGE))
    second = make_article(RawDocument(id="page", content=first.text))
    assert [p.role for p in first.paragraphs] == [p.role for p in second.paragraphs]
    assert first.content_hash == second.content_hash


def test_date_line_variants():
    assert parse_date_line("Monday, January 7, 2019").isoformat() == "2019-01-07"
    assert parse_date_line("7 January 2019").isoformat() == "2019-01-07"
    assert parse_date_line("Published: 2021-03-04").isoformat() == "2021-03-04"
    assert parse_date_line("January 7 was a Monday") is None


def test_wire_tag_variants():
    text = "GAZA CITY, Dec 3 (Reuters) - Israeli jets struck"
    _span, agency, place = find_wire_tag(text, 0, len(text))
    assert (agency, place) == ("Reuters", "GAZA CITY")
    assert find_wire_tag("US - Iran talks resumed", 0, 23) is None
    # A dateline's country stays with its city: it says where the story was filed.
    text = "SEOUL, South Korea — North Korea flew more balloons"
    _span, agency, place = find_wire_tag(text, 0, len(text))
    assert (agency, place) == (None, "SEOUL, South Korea")
    text = "NAIROBI, Kenya (AP) — Police fired tear gas"
    assert find_wire_tag(text, 0, len(text))[1:] == ("AP", "NAIROBI, Kenya")
