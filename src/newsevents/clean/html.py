"""HTML pages to article text and metadata, through trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from newsevents.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    sitename: str | None = None


def html_to_text(html: str, origin: str) -> ExtractedPage:
    """The main text of a page, paragraphs one per line, with its metadata.

    trafilatura drops navigation, cookie banners, figure captions and related-story boxes; what
    it lets through is classified again by the plain-text rules.
    """
    import trafilatura  # imported here: it costs 0.3 s and plain-text runs never need it

    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(origin, f"cannot parse HTML: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in the HTML page")
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            log.debug("%s: unusable date %r", origin, doc.date)
    return ExtractedPage(
        text=doc.text, title=doc.title or None, published=published, url=doc.url or None, sitename=doc.sitename or None
    )
