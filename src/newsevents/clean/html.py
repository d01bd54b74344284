"""HTML pages to article text and metadata, through trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from newsevents.errors import InputError

log = logging.getLogger(__name__)

# trafilatura logs ERROR lines ("empty HTML tree", "discarding data") for pages it cannot use;
# the InputError raised here says the same once, naming the file, so its own lines are noise on
# the command line. Quieted only when nobody has set its level.
_TRAFILATURA_LOG = logging.getLogger("trafilatura")


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
    it lets through is classified again by the plain-text rules. ``bare_extraction`` returns a
    ``Document`` in trafilatura 2.x (a dict in 1.x), with paragraphs joined by line breaks.
    """
    import trafilatura  # imported here: it costs 0.3 s and plain-text runs never need it

    if _TRAFILATURA_LOG.level == logging.NOTSET:
        _TRAFILATURA_LOG.setLevel(logging.CRITICAL)
    try:
        page = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(origin, f"cannot parse HTML: {exc}") from exc
    if isinstance(page, dict):  # only with as_dict=True; says so to the type checker
        raise TypeError("trafilatura returned a dict: is it older than 2.0?")
    text = (page.text or "") if page is not None else ""
    if page is None or not text.strip():
        raise InputError(origin, "no article text found in the HTML page")
    published = None
    if page.date:
        try:
            published = dt.date.fromisoformat(page.date[:10])
        except ValueError:
            log.debug("%s: unusable date %r", origin, page.date)
    return ExtractedPage(
        text=text, title=page.title or None, published=published, url=page.url or None, sitename=page.sitename or None
    )
