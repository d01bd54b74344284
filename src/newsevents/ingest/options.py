"""What every reader shares: the user's options and the one way to build a RawDocument."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import InputError
from newsevents.records import MediaType, RawDocument

# Larger documents are refused rather than read whole: a news article is rarely over 1 MB, and a
# 50 MB "article" is almost always a dump that should be split (JSON Lines, WARC, a feed).
MAX_DOCUMENT_BYTES = 5_000_000
# A feed is parsed whole by feedparser (about ten times its size in memory), so it has its own,
# larger limit; JSON Lines and WARC files are streamed and have none.
MAX_FEED_BYTES = 50_000_000

# Suffixes that name a container rather than the article, stripped to make ids ("wire.jsonl.gz" -> "wire").
_COMPOUND_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".warc.gz", ".jsonl", ".ndjson", ".warc")


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """Metadata the user gives on the command line, which wins over what documents say, and limits."""

    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_feed_bytes: int = MAX_FEED_BYTES


def make_document(
    options: ReadOptions,
    *,
    id: str,
    content: str,
    origin: str,
    media_type: MediaType = "text/plain",
    url: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
) -> RawDocument:
    """A RawDocument whose metadata the user's options override."""
    return RawDocument(
        id=id,
        content=content,
        media_type=media_type,
        origin=origin,
        url=options.url or url,
        title=title,
        published=options.published or published,
        published_from="option" if options.published else ("metadata" if published else None),
        source=options.source or source,
    )


def base_name(path: Path) -> str:
    """The file's name without its suffixes: the stem of the ids a container's documents get."""
    name = path.name
    for suffix in _COMPOUND_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem


def megabytes(size: int) -> str:
    """A size for messages: 5 MB, 52.4 MB, 0.002 MB."""
    return f"{size / 1e6:.3g} MB"


def unreadable(path: Path, exc: OSError) -> InputError:
    """The error for a file the operating system will not let us read."""
    return InputError(str(path), f"cannot read file: {exc.strerror or exc}")


def read_limited(path: Path, limit: int, what: str = "one article") -> bytes:
    """The bytes of a file, or an InputError when it is over ``limit`` or cannot be read.

    The size is checked before reading, and the read itself is capped too, for files whose size
    ``stat`` does not know (pipes, /proc).
    """
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(origin, f"file is {megabytes(size)}, over the {megabytes(limit)} limit for {what}")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if len(data) > limit:
        raise InputError(origin, f"file is over the {megabytes(limit)} limit for {what}")
    return data
