"""Cleaning: from a RawDocument to an Article with paragraph roles and metadata."""

from newsevents.clean.article import make_article

__all__ = ["make_article"]
