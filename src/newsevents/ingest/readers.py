"""Find input files and dispatch each to the reader for its kind; the one entry point for batches.

A reader is a function ``(path, options) -> Iterator[RawDocument | Failure]`` registered under
the kind of file it reads. Readers raise :class:`InputError` for a file they cannot use at all
and yield a Failure for one bad entry inside a file; :func:`read_path` turns everything into
Failures, so that a batch never stops on bad input.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.decode import UNKNOWN_KIND, binary_kind
from newsevents.ingest.feed import read_feed
from newsevents.ingest.jsonl import read_jsonl
from newsevents.ingest.options import ReadOptions
from newsevents.ingest.paths import expand_paths
from newsevents.ingest.sniff import kind_for, read_head
from newsevents.ingest.text import read_html_file, read_text_file
from newsevents.ingest.warc import read_warc
from newsevents.records import Failure, RawDocument

log = logging.getLogger(__name__)

Reader = Callable[[Path, ReadOptions], Iterator[RawDocument | Failure]]

READERS: dict[str, Reader] = {
    "text": read_text_file,
    "html": read_html_file,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}

# Why a file of a kind no reader takes is refused.
_UNREADABLE = {
    "json": "a JSON file, not JSON Lines: put one article object per line",
    "gzip": "gzip-compressed, but not JSON Lines or WARC inside: decompress it first",
}


def iter_documents(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[RawDocument | Failure]:
    """Every document under ``paths`` (files, folders, globs), in a stable order; never raises for bad input."""
    options = options or ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_path(item, options)


def read_path(path: Path, options: ReadOptions) -> Iterator[RawDocument | Failure]:
    """Every document in one file, with a Failure for each part that cannot be read."""
    origin = str(path)
    count = 0
    try:
        head = read_head(path)
        if not head:
            raise InputError(origin, "file is empty")
        kind = kind_for(path.name, head)
        reader = READERS.get(kind)
        if reader is None:
            raise InputError(origin, _refusal(kind, head))
        for item in reader(path, options):
            count += 1
            yield item
        if not count:
            yield Failure(origin=origin, message="no article in file")
    except InputError as exc:
        yield Failure(origin=exc.origin, message=exc.problem)
    except MemoryError:
        raise
    except Exception as exc:  # a parser's bug on odd input must cost one file, not the batch
        log.debug("%s: unexpected error", origin, exc_info=True)
        yield Failure(origin=origin, message=f"unexpected error while reading ({type(exc).__name__}: {exc})")


def _refusal(kind: str, head: bytes) -> str:
    """Why no reader takes the file; for binary files, what its first bytes say it is."""
    if kind in _UNREADABLE:
        return _UNREADABLE[kind]
    found = binary_kind(head)
    return f"{UNKNOWN_KIND} (it looks like {found})" if found else UNKNOWN_KIND
