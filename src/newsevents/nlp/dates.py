"""Date expressions in the story and the dates they name.

Explicit dates ("April 7, 2025", "in 2015") resolve on their own. Relative ones ("on Friday",
"last month", "yesterday") resolve against the publication date when it is known and are kept
unresolved, with their text, when it is not: never against today's clock.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache

from spacy.tokens import Doc

from newsevents.records import DateRef

log = logging.getLogger(__name__)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIVE_WORDS = re.compile(
    r"\b(yesterday|today|tonight|tomorrow|last|next|this|ago|earlier|later|previous|coming|past|recent|"
    + "|".join(_WEEKDAYS)
    + r")\b",
    re.IGNORECASE,
)
# Durations and ages are not dates: "four years", "34 years old", "two hours".
_NOT_A_DATE = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many)\s+"
                         r"(?:years?|months?|weeks?|days?|hours?|decades?)(?:\s+old)?$", re.IGNORECASE)  # fmt: skip


def find_dates(doc: Doc, ranges: list[tuple[int, int]], published: dt.date | None) -> list[DateRef]:
    """Every DATE entity in the given character ranges, resolved where that is possible."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or not any(s <= ent.start_char < e for s, e in ranges):
            continue
        text = ent.text.strip()
        if _NOT_A_DATE.match(text) or len(text) < 3:
            continue
        found.append(resolve(text, ent.start_char, ent.end_char, published))
    return found


def resolve(text: str, start: int, end: int, published: dt.date | None) -> DateRef:
    """A DateRef for one expression; ``value`` stays None when it cannot be resolved honestly."""
    lowered = text.lower()
    relative = bool(_RELATIVE_WORDS.search(lowered)) and not _YEAR.search(lowered)
    precision = _precision(lowered)
    value: dt.date | None = None
    if relative and published is None:
        return DateRef(text=text, start=start, end=end, value=None, precision=precision, relative=True)
    base = published or dt.date(2000, 1, 1)
    month_only = _month_phrase(lowered, published)
    if month_only is not None:
        value = month_only
    else:
        value = _parse(text, base.isoformat())
        if value is not None and not relative and not _YEAR.search(lowered) and published is None:
            # "April 7" with no year and no publication date: the year is unknown.
            value = None
    if value is not None and precision != "day":
        # "in 2015" is the year, not the publication's day and month in it.
        value = value.replace(month=1 if precision == "year" else value.month, day=1)
    return DateRef(text=text, start=start, end=end, value=value, precision=precision, relative=relative)


def _precision(lowered: str) -> str:
    without_year = _YEAR.sub("", lowered)
    if (
        re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", without_year)
        or any(w in lowered for w in _WEEKDAYS)
        or any(w in lowered for w in ("yesterday", "today", "tomorrow", "tonight"))
    ):
        return "day"
    if "month" in lowered or any(m in lowered for m in _MONTHS):
        return "month"
    if "year" in lowered or _YEAR.search(lowered):
        return "year"
    return "day"


def _month_phrase(lowered: str, published: dt.date | None) -> dt.date | None:
    """'last month', 'this month', 'earlier this month', 'next month' against the publication date."""
    if published is None:
        return None
    first = published.replace(day=1)
    if re.search(r"\b(this|earlier this|later this|early this|late this)\s+month\b", lowered):
        return first
    if re.search(r"\blast month\b", lowered):
        return (first - dt.timedelta(days=1)).replace(day=1)
    if re.search(r"\bnext month\b", lowered):
        return (first + dt.timedelta(days=32)).replace(day=1)
    if re.search(r"\blast year\b", lowered):
        return dt.date(published.year - 1, 1, 1)
    if re.search(r"\bthis year\b", lowered):
        return dt.date(published.year, 1, 1)
    return None


@lru_cache(maxsize=4096)
def _parse(text: str, base_iso: str) -> dt.date | None:
    import dateparser  # imported lazily: it costs 0.2 s at start-up

    base = dt.datetime.fromisoformat(base_iso)
    cleaned = re.sub(r"^(?:on|in|at|by|since|from|until|during|early|late|mid)\s+", "", text, flags=re.IGNORECASE)
    cleaned = re.sub(r"\b(?:the )?(?:morning|afternoon|evening|night) of\b", "", cleaned, flags=re.IGNORECASE)
    try:
        parsed = dateparser.parse(
            cleaned,
            languages=["en"],
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
        )
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        log.debug("dateparser failed on %r", text)
        return None
    return parsed.date() if parsed else None
