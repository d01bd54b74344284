"""WARC web archives (``.warc``, ``.warc.gz``): the HTML pages a crawler fetched, streamed.

Only ``response`` records with HTTP status 200 and an HTML Content-Type are articles; requests,
metadata, redirects, images and the like are passed over quietly. A page's id is a hash of its
URL, so the same page crawled twice gets the same id. ``published`` is left unset: WARC-Date is
when the crawler fetched the page, not when it was published; the clean stage reads the date
from the page itself.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.errors import InputError
from newsevents.ingest.decode import decode_html
from newsevents.ingest.options import ReadOptions, make_document, megabytes, unreadable
from newsevents.records import Failure, RawDocument

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """Every HTML page in a WARC file, in the file's order."""
    from warcio.archiveiterator import ArchiveIterator  # imported here: most runs read no WARCs

    origin = str(path)
    pages = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.format != "warc":
                    raise InputError(origin, "not a WARC file (it does not start with a 'WARC/1.x' header)")
                if _is_html_page(record):
                    pages += 1
                    yield _page(record, records, path, options)
            # warcio stops without a word where a record's header is cut off; what it has not
            # consumed is the evidence.
            end, size = records.offset, path.stat().st_size
    except InputError:
        raise
    except OSError as exc:
        raise unreadable(path, exc) from exc
    except Exception as exc:  # warcio raises ArchiveLoadFailed, ValueError, zlib.error, even AttributeError
        detail = f"{type(exc).__name__}: {exc}"
        raise InputError(origin, f"WARC file is damaged or truncated after {pages} page(s) ({detail})") from exc
    if end < size:
        raise InputError(origin, f"WARC file is truncated: the record at byte {end} is incomplete")
    if not pages:
        raise InputError(origin, "WARC file holds no HTML page (a response record with status 200 and HTML)")


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return record.http_headers.get_statuscode() == "200" and content_type.startswith(_HTML_TYPES)


def _page(record: Any, records: Any, path: Path, options: ReadOptions) -> RawDocument | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    data = record.content_stream().read(options.max_bytes + 1)
    # Only now: asking for the offset makes warcio read past the record's content.
    origin = f"{path}@{records.get_record_offset()}"
    if len(data) > options.max_bytes:
        return Failure(origin=origin, message=f"page is over the {megabytes(options.max_bytes)} limit for one article")
    if record.raw_stream.limit > 0:
        # The record's stream ran out before its declared length: the file was cut off mid-page.
        return Failure(origin=origin, message="record is truncated (shorter than its Content-Length)")
    try:
        html = decode_html(data, origin, charset=_charset(record.http_headers.get_header("Content-Type")))
    except InputError as exc:
        return Failure(origin=origin, message=exc.problem)
    key = url or record.rec_headers.get_header("WARC-Record-ID") or origin
    return make_document(
        options, id="url-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], content=html,
        media_type="text/html", origin=origin, url=url or None,
    )  # fmt: skip


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
