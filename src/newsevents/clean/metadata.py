"""Metadata found in the text itself: a date line, a byline, a wire tag and dateline place."""

from __future__ import annotations

import datetime as dt
import re

from newsevents.records import Span

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# "Monday, January 7, 2019", "7 January 2019", "January 7, 2019 10:32 AM EST", "2019-01-07".
_DATE_LINE = re.compile(
    rf"""^\s*(?:(?:published|updated|posted)\s*:?\s*)?(?:(?:{_WEEKDAYS}),?\s+)?
    (?:
      (?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
    | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
    )
    (?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}}|UTC|GMT)?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

_BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*.{0,60})?$", re.IGNORECASE)

# "(JTA) —", "WASHINGTON (AP) —", "GAZA CITY, Dec 3 (Reuters) -", "MOSCOW —".
_WIRE = re.compile(
    r"""(?P<place>[A-Z][A-Z .,'’-]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)?\s*
    (?:\((?P<agency>[A-Z][\w.&' -]{0,30})\))?\s*[—–-]{1,2}\s+""",
    re.VERBOSE,
)

_MONTH_NUMBERS = {name: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for name in names}  # fmt: skip


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line))


def parse_date_line(line: str) -> dt.date | None:
    """The date a date line names, or None if the line is not one."""
    m = _DATE_LINE.match(line)
    if not m:
        return None
    try:
        if m["y3"]:
            return dt.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        month = m["m1"] or m["m2"]
        day = m["d1"] or m["d2"]
        year = m["y1"] or m["y2"]
        return dt.date(int(year), _MONTH_NUMBERS[month.lower()], int(day))
    except (ValueError, KeyError):
        return None


def is_byline(line: str) -> bool:
    return len(line) < 120 and bool(_BYLINE.match(line))


def find_wire_tag(text: str, start: int, end: int) -> tuple[Span, str | None, str | None] | None:
    """A wire tag at the start of the paragraph ``text[start:end]``: its span, agency and place."""
    m = _WIRE.match(text, start, end)
    if not m or not (m["agency"] or m["place"]):
        return None
    place = (m["place"] or "").split(",")[0].strip(" ,") or None
    if place and not place.isupper():
        return None
    # Without an agency, only an em or en dash after a capitalised place ("MOSCOW —") is a tag:
    # "US - Iran talks" is a sentence.
    if not m["agency"] and (len(place or "") < 4 or "-" in m.group(0)[-3:]):
        return None
    tag_end = m.end()
    return Span(start=start, end=tag_end, text=text[start:tag_end]), m["agency"], place
