"""One article per file or per standard input: plain text or an HTML page.

The offsets contract: a text document's ``content`` is the file decoded (a UTF-8 BOM dropped)
with universal newlines, exactly what ``Path.read_text(encoding="utf-8-sig")`` returns, so that
every offset the pipeline reports points into the same string any other tool reads.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decode import decode_html, decode_text
from newsevents.ingest.options import ReadOptions, make_document, megabytes, read_limited
from newsevents.ingest.sniff import HEAD_BYTES, sniff
from newsevents.records import Failure, RawDocument


def read_text_file(path: Path, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """A plain-text article; its id is the file's stem."""
    yield _read_one(path, options, html=False)


def read_html_file(path: Path, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """An HTML page, left whole: the clean stage extracts its text and metadata."""
    yield _read_one(path, options, html=True)


def _read_one(path: Path, options: ReadOptions, *, html: bool) -> RawDocument | Failure:
    origin = str(path)
    try:
        data = read_limited(path, options.max_bytes)
        content = decode_html(data, origin) if html else decode_text(data, origin)
    except InputError as exc:
        return Failure(origin=exc.origin, message=exc.problem, document_id=path.stem)
    return make_document(
        options, id=path.stem, content=content, origin=origin, media_type="text/html" if html else "text/plain"
    )


def read_stdin(options: ReadOptions | None = None) -> RawDocument:
    """The whole of standard input as one document, its id a hash of the text; InputError if unusable."""
    options = options or ReadOptions()
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError("<stdin>", f"input is over the {megabytes(options.max_bytes)} limit for one article")
    html = sniff(data[:HEAD_BYTES]) == "html"
    content = decode_html(data, "<stdin>") if html else decode_text(data, "<stdin>")
    doc_id = "stdin-" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]
    return make_document(
        options, id=doc_id, content=content, origin="<stdin>", media_type="text/html" if html else "text/plain"
    )
