"""JSON Lines (``.jsonl``, ``.jsonl.gz``): one article object per line, streamed.

A line holds ``text`` (or ``content`` or ``body``) or ``html``, and optionally ``id``, ``url``,
``title``, ``published`` (ISO date or datetime) and ``source``. When a line has both text and
HTML the text wins: whoever made the dump has already extracted it. A bad line becomes a
Failure at ``file.jsonl:LINE`` and the rest go on. Lines are read one at a time, each capped at
the per-article limit, so memory stays flat however large the file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from newsevents.errors import InputError
from newsevents.ingest.dates import parse_published
from newsevents.ingest.decode import universal_newlines
from newsevents.ingest.options import ReadOptions, base_name, make_document, megabytes, unreadable
from newsevents.records import Failure, MediaType, RawDocument

TEXT_FIELDS = ("text", "content", "body")
_CHUNK = 1 << 16
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false"}


class _LineError(ValueError):
    """What is wrong with one line; it becomes that line's Failure."""


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """Every article of a JSON Lines file, plain or gzip-compressed, in line order."""
    stem = base_name(path)
    number = 0
    try:
        with _open(path) as stream:
            while line := stream.readline(options.max_bytes + 1):
                number += 1
                origin = f"{path}:{number}"
                if len(line) > options.max_bytes and not line.endswith(b"\n"):
                    _skip_line(stream)
                    yield Failure(origin=origin, message=f"line is over the {megabytes(options.max_bytes)} limit")
                    continue
                if line.strip():
                    yield _document(line, origin, f"{stem}-{number}", options)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(str(path), f"gzip data is truncated or damaged after line {number} ({exc})") from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc


def _open(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it starts with gzip's magic number, whatever its name."""
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb") if compressed else path.open("rb"))


def _skip_line(stream: IO[bytes]) -> None:
    """Read past the rest of an over-long line in chunks, never holding it whole."""
    while chunk := stream.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _document(line: bytes, origin: str, default_id: str, options: ReadOptions) -> RawDocument | Failure:
    try:
        record = _parse(line)
        content, media_type = _content(record)
        published = None if options.published else _published(record)
        doc_id = _field(record, "id", numbers=True) or default_id
        return make_document(
            options, id=doc_id, content=content, media_type=media_type, origin=origin, url=_field(record, "url"),
            title=_field(record, "title"), published=published, source=_field(record, "source"),
        )  # fmt: skip
    except _LineError as exc:
        return Failure(origin=origin, message=str(exc))


def _parse(line: bytes) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except UnicodeDecodeError as exc:
        raise _LineError(f"not valid UTF-8: byte 0x{line[exc.start]:02x} at column {exc.start + 1}") from exc
    except json.JSONDecodeError as exc:
        raise _LineError(f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from exc
    if record is None:
        raise _LineError("expected a JSON object with a 'text' field, found null")
    if not isinstance(record, dict):
        found = _JSON_TYPES.get(type(record), type(record).__name__)
        raise _LineError(f"expected a JSON object with a 'text' field, found {found}")
    return record


def _content(record: dict[str, Any]) -> tuple[str, MediaType]:
    for key in TEXT_FIELDS:
        text = _string(record, key)
        if text and text.strip():
            return universal_newlines(text), "text/plain"
    html = _string(record, "html")
    if html and html.strip():
        return html, "text/html"
    raise _LineError("no article text: expected a non-empty 'text', 'content', 'body' or 'html' field")


def _published(record: dict[str, Any]) -> dt.date | None:
    value = _field(record, "published")
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise _LineError(f"'published' is {exc}") from exc


def _string(record: dict[str, Any], key: str, *, numbers: bool = False) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _LineError(f"'{key}' must be a string, not {type(value).__name__}")
    return value


def _field(record: dict[str, Any], key: str, *, numbers: bool = False) -> str | None:
    """A metadata field, trimmed; None when absent or blank."""
    value = _string(record, key, numbers=numbers)
    return value.strip() or None if value is not None else None
