"""Readers: from files, folders, globs and stdin to :class:`RawDocument` records.

Every reader yields ``RawDocument`` or, for input it cannot use, a :class:`Failure` naming the
file (and position) and the problem, so that batch work can count it and go on.
"""

from newsevents.ingest.readers import ReadOptions, iter_documents, read_stdin

__all__ = ["ReadOptions", "iter_documents", "read_stdin"]
