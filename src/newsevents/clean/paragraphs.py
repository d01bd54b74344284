"""Split text into paragraphs: each non-empty line is one, trimmed of surrounding spaces."""

from __future__ import annotations


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, leading and trailing whitespace excluded."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans
