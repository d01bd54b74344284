"""RSS and Atom feed files: one document per entry, through feedparser.

Text comes from the entry's ``content`` (usually the whole story, as HTML) or else its
``summary``; the title, link and date from the entry, the source from the feed's title. A feed
that feedparser flags as malformed ("bozo") but that still yields entries is used, with a
warning: feeds in the wild are often slightly broken, and their entries are still good.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.errors import InputError
from newsevents.ingest.dates import parse_published
from newsevents.ingest.decode import universal_newlines
from newsevents.ingest.options import ReadOptions, base_name, make_document, read_limited
from newsevents.records import Failure, MediaType, RawDocument

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[a-zA-Z/!]")


def read_feed(path: Path, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """The entries of one feed file, in the feed's order."""
    import feedparser  # imported here: most runs read no feeds

    origin = str(path)
    data = read_limited(path, options.max_feed_bytes, what="a feed")
    # Bytes, never a str: feedparser takes a str for a URL or a file name and would go fetching.
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    problem = _bozo(parsed)
    if not entries:
        if problem:
            raise InputError(origin, f"not a readable RSS or Atom feed ({problem})")
        raise InputError(origin, "feed has no entries" if parsed.get("version") else "not an RSS or Atom feed")
    feed_title = (parsed.get("feed") or {}).get("title") or None
    results = [_entry(entry, n, path, feed_title, options) for n, entry in enumerate(entries, 1)]
    usable = sum(isinstance(item, RawDocument) for item in results)
    if not usable:
        broken = f"; the feed is malformed ({problem})" if problem else ""
        raise InputError(origin, f"none of the feed's {len(entries)} entries has any text{broken}")
    if problem:
        log.warning(
            "%s: malformed feed (%s); reading the %d entries with text found before it", origin, problem, usable
        )
    yield from results


def _bozo(parsed: Any) -> str | None:
    """What feedparser found wrong with the XML, readably; None for a well-formed feed."""
    if not parsed.get("bozo"):
        return None
    return str(parsed.get("bozo_exception")).replace("<unknown>:", "line ")


def _entry(entry: Any, number: int, path: Path, feed_title: str | None, options: ReadOptions) -> RawDocument | Failure:
    origin = f"{path}#{number}"
    found = _text(entry)
    if found is None:
        return Failure(origin=origin, message="entry has no text (content or summary)")
    content, media_type = found
    key = entry.get("id") or entry.get("link")
    # The guid or link, not the position, names the entry: the same story keeps its id when the
    # feed is fetched again with newer entries on top.
    suffix = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12] if key else str(number)
    return make_document(
        options, id=f"{base_name(path)}-{suffix}", content=content, media_type=media_type, origin=origin,
        url=entry.get("link") or None, title=(entry.get("title") or "").strip() or None,
        published=None if options.published else _published(entry), source=feed_title,
    )  # fmt: skip


def _text(entry: Any) -> tuple[str, MediaType] | None:
    """The entry's fullest text and whether it is HTML; None when it has none."""
    details = [*(entry.get("content") or []), entry.get("summary_detail") or {}]
    for detail in details:
        value = (detail.get("value") or "").strip()
        if not value:
            continue
        # feedparser says "text/html" for most plain summaries too; only markup makes it HTML.
        if "html" in (detail.get("type") or "") and _TAG.search(value):
            return value, "text/html"
        return universal_newlines(value), "text/plain"
    return None


def _published(entry: Any) -> dt.date | None:
    """The date as the feed wrote it; feedparser's parsed form is in UTC and can be a day off."""
    for key in ("published", "updated"):
        if entry.get(key):
            try:
                return parse_published(entry[key])
            except ValueError:
                pass
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
