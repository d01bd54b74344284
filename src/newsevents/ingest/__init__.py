"""Readers: from files, folders, globs and stdin to :class:`RawDocument` records.

Plain text, HTML pages, JSON Lines (``.jsonl``, ``.jsonl.gz``), RSS and Atom feeds and WARC
archives; the kind comes from the suffix or, failing that, the first bytes. Every reader yields
``RawDocument`` or, for input it cannot use, a :class:`Failure` naming the file (and position)
and the problem, so that batch work can count it and go on. Containers are streamed, so memory
stays flat however large the input.
"""

from newsevents.ingest.options import MAX_DOCUMENT_BYTES, MAX_FEED_BYTES, ReadOptions
from newsevents.ingest.readers import READERS, iter_documents, read_path
from newsevents.ingest.text import read_stdin

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_FEED_BYTES",
    "READERS",
    "ReadOptions",
    "iter_documents",
    "read_path",
    "read_stdin",
]
