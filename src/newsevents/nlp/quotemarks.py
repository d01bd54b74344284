"""Where the quotation marks are: shared by the quote extractor and pronoun resolution."""

from __future__ import annotations

_OPENERS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'


def quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) inside the marks of every quoted stretch in the given paragraphs."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        open_at: int | None = None
        closer = ""
        for i in range(p_start, p_end):
            ch = text[i]
            if open_at is None:
                if ch in _OPENERS:
                    open_at, closer = i + 1, _OPENERS[ch]
                elif ch == _STRAIGHT:
                    open_at, closer = i + 1, _STRAIGHT
            elif ch == closer:
                if i > open_at:
                    spans.append((open_at, i))
                open_at = None
        if open_at is not None and p_end > open_at:
            # An unclosed quote runs to the end of its paragraph; the next paragraph reopens it.
            spans.append((open_at, p_end))
    return spans
