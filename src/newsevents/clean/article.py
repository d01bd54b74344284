"""Build the Article every later stage reads: text, paragraphs with roles, metadata."""

from __future__ import annotations

import hashlib
import re

from newsevents.clean.html import html_to_text
from newsevents.clean.metadata import find_wire_tag, parse_date_line
from newsevents.clean.paragraphs import split_lines
from newsevents.clean.roles import assign_roles
from newsevents.errors import InputError
from newsevents.records import Article, RawDocument


def content_hash(text: str) -> str:
    """A hash of the text with spacing and case normalised, so trivial copies hash the same."""
    normalised = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def make_article(raw: RawDocument) -> Article:
    """Clean one document; raises InputError when nothing of an article is left."""
    text, title, published, url, source = raw.content, raw.title, raw.published, raw.url, raw.source
    published_from = raw.published_from or ("option" if published else None)
    if raw.media_type == "text/html":
        extracted = html_to_text(raw.content, raw.origin)
        text = extracted.text
        title = title or extracted.title
        url = url or extracted.url
        source = source or extracted.sitename
        if published is None and extracted.published is not None:
            published, published_from = extracted.published, "html"
    if not text.strip():
        raise InputError(raw.origin, "no article text found")
    paragraphs = assign_roles(text, split_lines(text))
    wire = None
    dateline_place = None
    for paragraph in paragraphs:
        if paragraph.role == "dateline" and published is None:
            published = parse_date_line(text[paragraph.start : paragraph.end])
            published_from = "dateline" if published else None
        if paragraph.role == "body":
            found = find_wire_tag(text, paragraph.start, paragraph.end)
            if found:
                wire, agency, dateline_place = found
                source = source or agency
            break
    return Article(
        id=raw.id,
        text=text,
        paragraphs=tuple(paragraphs),
        content_hash=content_hash(text),
        title=title or next((text[p.start : p.end] for p in paragraphs if p.role == "title"), None),
        url=url,
        published=published,
        published_from=published_from,
        source=source,
        origin=raw.origin,
        wire=wire,
        dateline_place=dateline_place,
    )
