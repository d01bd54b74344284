"""One exception tree for the whole library.

    NewsEventsError
    ├── ConfigError        a bad option, dictionary or pattern file
    ├── ModelError         the spaCy pipeline is missing or broken
    ├── InputError         a document that cannot be read or parsed (names the file)
    ├── ExtractionError    a stage failed on one article
    ├── StoreError         the database cannot be opened, migrated or written
    └── NotFoundError      an id or actor that is not there

Library code raises these with the cause chained; the CLI turns them into a one-line message and
an exit status, and batch runs record them per document and go on.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Root of every error the library raises on purpose."""


class ConfigError(NewsEventsError):
    """A bad option, dictionary or pattern file."""


class ModelError(NewsEventsError):
    """The spaCy pipeline is missing or cannot be loaded."""


class InputError(NewsEventsError):
    """A document that cannot be read or parsed; the message names the file and the problem."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class ExtractionError(NewsEventsError):
    """A stage of the pipeline failed on one article."""


class StoreError(NewsEventsError):
    """The database cannot be opened, migrated, read or written."""


class NotFoundError(NewsEventsError):
    """An article, event or actor that is not there."""
