"""Give each paragraph a role: title, byline, dateline, body, caption or boilerplate.

Scraped plain text has no markup to say what is story and what is page furniture, so the roles
come from cues (photo credits, appeals, cookie notices) in ``data/paragraphs.yaml`` and from
position: house notices cluster at the end of a page, captions around the top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsevents.clean.metadata import is_byline, is_date_line
from newsevents.records import Paragraph
from newsevents.yamlio import load_yaml

# Lines in a "Related stories" list are headlines: short and without a closing full stop.
_HEADLINE_MAX_CHARS = 140
_SHORT_LINE_CHARS = 40


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class RoleCues:
    captions: tuple[re.Pattern[str], ...]
    strong: tuple[_Cue, ...]
    weak: tuple[re.Pattern[str], ...]

    def boilerplate_weight(self, text: str) -> float:
        return sum(cue.weight for cue in self.strong if cue.pattern.search(text))

    def is_weak(self, text: str) -> bool:
        return any(p.search(text) for p in self.weak)

    def is_caption(self, text: str) -> bool:
        return any(p.search(text) for p in self.captions)


@lru_cache(maxsize=1)
def load_cues() -> RoleCues:
    raw = load_yaml((resources.files("newsevents.clean") / "data" / "paragraphs.yaml").read_text("utf-8"))
    strong = tuple(
        _Cue(re.compile(item["pattern"], 0 if item.get("case_sensitive") else re.IGNORECASE), float(item["weight"]))
        for item in raw["boilerplate"]["strong"]
    )
    return RoleCues(
        captions=tuple(re.compile(p, re.IGNORECASE) for p in raw["caption"]["credits"]),
        strong=strong,
        weak=tuple(re.compile(p, re.IGNORECASE) for p in raw["boilerplate"]["weak"]),
    )


def assign_roles(text: str, spans: list[tuple[int, int]], *, cues: RoleCues | None = None) -> list[Paragraph]:
    """One Paragraph per span, each with the role its cues and position give it."""
    cues = cues or load_cues()
    lines = [text[s:e] for s, e in spans]
    roles: list[str] = ["body"] * len(lines)
    rules: list[str] = [""] * len(lines)
    weights = [cues.boilerplate_weight(line) for line in lines]

    for i, line in enumerate(lines):
        if weights[i] >= 1:
            roles[i], rules[i] = "boilerplate", "cue"
        elif cues.is_caption(line):
            roles[i], rules[i] = "caption", "credit"
        elif is_date_line(line):
            roles[i], rules[i] = "dateline", "date"
        elif is_byline(line):
            roles[i], rules[i] = "byline", "byline"
    _mark_related_lists(lines, roles, rules)
    _mark_tail_run(lines, roles, rules, weights, cues)
    _mark_title(lines, roles, rules)
    return [
        Paragraph(index=i, role=roles[i], start=s, end=e, rule=rules[i])  # type: ignore[arg-type]
        for i, (s, e) in enumerate(spans)
    ]


def _is_headline(line: str) -> bool:
    return len(line) <= _HEADLINE_MAX_CHARS and not line.rstrip().endswith((".", '"', "”", ":"))


def _mark_related_lists(lines: list[str], roles: list[str], rules: list[str]) -> None:
    """Headlines listed under a "Related stories:" header are links, not story."""
    for i, line in enumerate(lines):
        if roles[i] == "boilerplate" and line.rstrip().endswith(":"):
            j = i + 1
            while j < len(lines) and roles[j] == "body" and _is_headline(lines[j]):
                roles[j], rules[j] = "boilerplate", "related-list"
                j += 1


def _mark_tail_run(lines: list[str], roles: list[str], rules: list[str], weights: list[float], cues: RoleCues) -> None:
    """Appeals and signatures at the end of a page form one run: mark the whole run.

    Walking back from the last paragraph, a paragraph joins the run when it has a boilerplate cue
    of any strength, or is a short line; the run counts once it holds a strong cue.
    """
    start = len(lines)
    has_strong = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if roles[i] == "boilerplate" or weights[i] >= 1:
            has_strong = True
        elif not (weights[i] > 0 or cues.is_weak(line) or (len(line) <= _SHORT_LINE_CHARS and roles[i] == "body")):
            break
        start = i
    if not has_strong:
        return
    # Short lines only join when they are not the story's last words: trim them from the front.
    while start < len(lines) and roles[start] == "body" and weights[start] == 0 and not cues.is_weak(lines[start]):
        start += 1
    for i in range(start, len(lines)):
        if roles[i] == "body":
            roles[i], rules[i] = "boilerplate", "tail-run"


def _mark_title(lines: list[str], roles: list[str], rules: list[str]) -> None:
    """A short first line without closing punctuation, before the story, is its headline."""
    first = next((i for i, r in enumerate(roles) if r != "caption"), None)
    if first is None or first != 0 or roles[first] != "body" or len(lines) < 3:
        return
    line = lines[first]
    if len(line) <= 150 and _is_headline(line) and not line.endswith(("?", "!")) and len(line.split()) >= 3:
        roles[first], rules[first] = "title", "first-line"
