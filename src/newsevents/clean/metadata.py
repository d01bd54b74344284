"""Metadata found in the text itself: a date line, a byline, a wire tag and dateline place."""

from __future__ import annotations

import datetime as dt
import re

from newsevents.records import Span

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|UTC|GMT)?"
# What pages put before a date: "Published", "Updated:", "First published on", "Last modified on".
_STAMP = r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)\s*(?:on|at)?\s*[:–—-]?\s*)"

# "Monday, January 7, 2019", "7 January 2019", "Updated: Feb 12, 2019, 14:05 IST", "2019-01-07",
# "Wed 11 Sep 2019 10.32 BST", "Updated 6:42 PM ET, Fri October 25, 2019", "August 22, 2020 · 4 min read".
_DATE_LINE = re.compile(
    rf"""^\s*{_STAMP}?(?:{_CLOCK},?\s+)?(?:(?:{_WEEKDAYS})\.?,?\s+)?
    (?:
      (?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
    | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
    )
    (?:[,\s/|·]+(?:at\s+)?{_CLOCK})?
    (?:\s*[|·•–—-]\s*\d+\s*min(?:ute)?s?\s+read)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# "Updated 3 hours ago", "Published 2 days ago": a date line without a date to parse.
_RELATIVE_DATE_LINE = re.compile(
    rf"^\s*{_STAMP}?(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week)s?\s+ago\s*$", re.IGNORECASE
)

# A reporter's name as bylines print it: "Jane Doe", "JANE DOE", "Jean-Luc de la Tour".
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|da|del|di|dos|du|la|le|van|von|bin|al|el)){0,4}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
_JOB = r"(?i:writer|reporter|correspondent|editor|columnist|contributor|bureau|desk|staff|photographer|producer)s?"
_BYLINES = (
    # "By Jane Doe", "By JANE DOE and JOHN ROE Associated Press", "By Jane Doe, Reuters", "Interview by Jane Doe".
    # Names are capitalised, so "By the time police arrived" is no byline; nor is a sentence ending in a full stop.
    re.compile(
        rf"^(?i:(?:interview|words|story|text|written|photos?)\s+by|by)\s+{_NAMES}(?:\s*[,|/–—-]\s*[^.!?]{{1,60}})?\s*$"
    ),
    # "Jane Doe | Staff writer", "Jane Doe, Scotland editor", "Jane Doe – Manila bureau".
    re.compile(rf"^{_NAMES}\s*[,|–—]\s*(?:[\w'’-]+\s+){{0,3}}{_JOB}\b[^.!?]{{0,30}}$"),
    # "Staff Correspondent", "Our Reporter".
    re.compile(r"^(?i:(?:staff|our|special|senior|foreign)\s+(?:correspondent|reporter|writer)s?)$"),
)

# "(JTA) —", "WASHINGTON (AP) —", "GAZA CITY, Dec 3 (Reuters) -", "MOSCOW —", "SEOUL, South Korea —".
_WIRE = re.compile(
    r"""(?P<place>[A-Z][A-Z .,'’-]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}|,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?)?\s*
    (?:\((?P<agency>[A-Z][\w.&' -]{0,30})\))?\s*[—–-]{1,2}\s+""",
    re.VERBOSE,
)

_MONTH_NUMBERS = {name: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for name in names}  # fmt: skip


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line) or _RELATIVE_DATE_LINE.match(line))


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


# Above the story only, where nothing else is printed like it: "JANE DOE", "Jane Doe, Associated Press".
_LOOSE_BYLINES = (
    re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,3}$"),
    re.compile(rf"^{_NAME}\s*,\s*(?:The\s+)?[A-Z][\w.&'’-]+(?:\s+[A-Z][\w.&'’-]+){{0,3}}$"),
)


def is_byline(line: str, *, above_story: bool = False) -> bool:
    """Whether a line is a byline; ``above_story`` admits the forms only the top of a page has."""
    line = line.strip()
    if len(line) >= 120:
        return False
    patterns = _BYLINES + _LOOSE_BYLINES if above_story else _BYLINES
    return any(pattern.match(line) for pattern in patterns)


_DATE_PART = re.compile(r"^[A-Z][a-z]{2,8}\.?\s+\d{1,2}$")


def find_wire_tag(text: str, start: int, end: int) -> tuple[Span, str | None, str | None] | None:
    """A wire tag at the start of the paragraph ``text[start:end]``: its span, agency and place."""
    m = _WIRE.match(text, start, end)
    if not m or not (m["agency"] or m["place"]):
        return None
    parts = [p.strip(" ,") for p in (m["place"] or "").split(",")]
    if parts[0] and not parts[0].isupper():
        return None
    # "SEOUL, South Korea" keeps its country; "GAZA CITY, Dec 3" drops its date.
    kept = [p for p in parts if p and not _DATE_PART.match(p)]
    place = ", ".join(kept) or None
    # Without an agency, only an em or en dash after a capitalised place ("MOSCOW —") is a tag:
    # "US - Iran talks" is a sentence.
    if not m["agency"] and (len(parts[0]) < 4 or "-" in m.group(0)[-3:]):
        return None
    tag_end = m.end()
    return Span(start=start, end=tag_end, text=text[start:tag_end]), m["agency"], place
