"""Publication dates as documents write them: ISO 8601 (JSON) or RFC 822 (RSS)."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime


def parse_published(value: str) -> dt.date:
    """The calendar date of an ISO or RFC 822 date or datetime; ValueError when it is neither.

    The date is the one written, in the writer's own time zone, not converted to UTC: a story
    published at 23:30 in Washington belongs to that day, as its dateline and "today" do.
    """
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"not an ISO 8601 or RFC 822 date: {value!r}") from exc
