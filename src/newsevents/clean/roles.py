"""Give each paragraph a role: title, byline, dateline, body, caption or boilerplate.

Scraped plain text has no markup to say what is story and what is page furniture, so the roles
come from cues in ``data/paragraphs.yaml`` (photo credits, appeals, cookie notices, share buttons)
and from position: furniture clusters at the end of a page, links stand in lists under a header,
captions sit above the story or between its paragraphs, next to their credit.

Each line is first read on its own (``_classify``); the passes after it look at neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsevents.clean.metadata import is_byline, is_date_line
from newsevents.records import Paragraph
from newsevents.yamlio import load_yaml

# Headlines (in a related list, a newsletter box, a page title) are short and end without a full stop.
_HEADLINE_MAX_CHARS = 140
# A photo credit ending a caption ("(Photo: Jane Doe/Reuters)") is shorter than this.
_CREDIT_MAX_CHARS = 160
# A box's name or a button is a few words.
_SHORT_LINE_CHARS = 40
# A caption's description is a sentence or two; a longer paragraph next to a credit is story.
_CAPTION_MAX_CHARS = 250
# An appeal in the middle of a page is a box of a sentence or two; a longer paragraph that asks for
# support is someone in the story speaking (an interview), unless it stands in the run ending the page.
_APPEAL_MAX_CHARS = 300
# House notices (copyright lines, sign-offs, syndication notes) are a sentence or two; searching
# only lines this short for them keeps cleaning fast.
_NOTICE_MAX_CHARS = 400
# Page furniture is at most a long appeal; longer paragraphs are story and are not searched for cues,
# which keeps cleaning fast on long interviews.
_FURNITURE_MAX_CHARS = 1000
# Quoted passages are the story's words, even when they sound like an appeal ("click here to ...").
_QUOTED = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)')
_TRAILING_COLON = re.compile(r"\s*:\s*$")


def _compile(patterns: list[str], agencies: str = "") -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("{agency}", agencies), re.IGNORECASE) for p in patterns)


def _whole_line(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"^\s*(?:{p})\s*[.!:]?\s*$", re.IGNORECASE) for p in patterns)


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class RoleCues:
    """The vocabulary of ``data/paragraphs.yaml``, compiled; see that file for what each list means."""

    credits: tuple[re.Pattern[str], ...]
    caption_prefixes: tuple[re.Pattern[str], ...]
    credit_lines: tuple[re.Pattern[str], ...]
    weak_credits: tuple[re.Pattern[str], ...]
    notices: tuple[re.Pattern[str], ...]
    furniture: tuple[re.Pattern[str], ...]
    menus: tuple[re.Pattern[str], ...]
    headers: tuple[re.Pattern[str], ...]
    header_prefixes: tuple[re.Pattern[str], ...]
    appeals: tuple[_Cue, ...]
    weak: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    narrative: re.Pattern[str]
    reader: re.Pattern[str]
    imperative: re.Pattern[str]

    def appeal_weight(self, text: str) -> float:
        return sum(cue.weight for cue in self.appeals if cue.pattern.search(text))

    def is_credit_line(self, text: str) -> bool:
        return len(text) <= 80 and _any(self.credit_lines, text)

    def is_header(self, text: str) -> bool:
        return _any(self.headers, _TRAILING_COLON.sub("", text))


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _any_at_end(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Like _any for patterns anchored at the line's end ("... (AP Photo/Name)"), searching only its tail."""
    pos = max(0, len(text) - _CREDIT_MAX_CHARS)
    return any(p.search(text, pos) for p in patterns)


@lru_cache(maxsize=1)
def load_cues() -> RoleCues:
    raw = load_yaml((resources.files("newsevents.clean") / "data" / "paragraphs.yaml").read_text("utf-8"))
    agencies = "|".join(raw["agencies"])
    caption, boilerplate, reading = raw["caption"], raw["boilerplate"], raw["reading"]
    return RoleCues(
        credits=_compile(caption["credits"], agencies),
        caption_prefixes=_compile(caption["prefixes"]),
        credit_lines=_compile(caption["credit_lines"], agencies),
        weak_credits=_compile(caption["weak_credits"], agencies),
        notices=_compile(boilerplate["notices"], agencies),
        furniture=_whole_line(boilerplate["furniture"]),
        menus=_whole_line(boilerplate["menus"]),
        headers=_whole_line(boilerplate["headers"]),
        header_prefixes=tuple(re.compile(rf"^\s*(?:{p})\s*:\s*\S", re.IGNORECASE) for p in boilerplate["headers"]),
        appeals=tuple(
            _Cue(re.compile(item["pattern"], re.IGNORECASE), float(item["weight"])) for item in boilerplate["appeals"]
        ),
        weak=_compile(boilerplate["weak"]),
        tail=_compile(boilerplate["tail"]),
        narrative=re.compile(reading["narrative"], re.IGNORECASE),
        reader=re.compile(reading["reader"], re.IGNORECASE),
        imperative=re.compile(reading["imperative"], re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Line:
    """One paragraph and what its words say about it, before its neighbours are looked at."""

    text: str
    addressed: bool  # speaks to the reader (you, we, our, an imperative) outside quotation marks
    appeal: float  # summed weight of its appeal cues; 0 unless it speaks to the reader
    narrative: bool  # reports what someone said (a reporting verb outside quotation marks)
    orders: bool  # opens with an imperative ("Get The Brief.", "Sign up")
    headline: bool  # short, and without a sentence's closing punctuation

    @property
    def is_appeal(self) -> bool:
        return self.appeal >= 1 and len(self.text) <= _APPEAL_MAX_CHARS


def _read_line(text: str, cues: RoleCues) -> _Line:
    if len(text) > _FURNITURE_MAX_CHARS:
        return _Line(text=text, addressed=False, appeal=0, narrative=True, orders=False, headline=False)
    outside = _QUOTED.sub(" ", text)
    # A story that reports an appeal ("the paper asked readers to donate") is not one: appeals
    # count only in lines that speak to the reader, which also spares most lines the search.
    addressed = bool(cues.reader.search(outside) or cues.imperative.search(outside.strip()))
    return _Line(
        text=text,
        addressed=addressed,
        appeal=cues.appeal_weight(text) if addressed else 0,
        narrative=bool(cues.narrative.search(outside)),
        orders=bool(cues.imperative.match(text)),
        headline=_is_headline(text),
    )


def _is_headline(text: str) -> bool:
    text = text.strip()
    return (
        len(text) <= _HEADLINE_MAX_CHARS
        and not text.endswith((".", '"', "”", ":", ";", ",", "'", "’"))
        and not text.startswith(("—", "–", "-", "(", "["))
        and any(c.isalpha() for c in text)
    )


def assign_roles(text: str, spans: list[tuple[int, int]], *, cues: RoleCues | None = None) -> list[Paragraph]:
    """One Paragraph per span, each with the role its cues and position give it."""
    cues = cues or load_cues()
    lines = [_read_line(text[s:e], cues) for s, e in spans]
    roles: list[str] = ["body"] * len(lines)
    rules: list[str] = [""] * len(lines)
    for i, line in enumerate(lines):
        roles[i], rules[i] = _classify(line, cues)
    _mark_above_story(lines, roles, rules, cues)
    _mark_caption_above_date(lines, roles, rules)
    _mark_caption_descriptions(lines, roles, rules, cues)
    _mark_link_lists(lines, roles, rules, cues)
    _mark_box_titles(lines, roles, rules)
    _mark_tail_run(lines, roles, rules, cues)
    _mark_title(lines, roles, rules)
    return [
        Paragraph(index=i, role=roles[i], start=s, end=e, rule=rules[i])  # type: ignore[arg-type]
        for i, (s, e) in enumerate(spans)
    ]


def _classify(line: _Line, cues: RoleCues) -> tuple[str, str]:
    """The role a line has on its own words, and the rule that gave it."""
    text = line.text
    if len(text) > _FURNITURE_MAX_CHARS:
        return "body", ""
    if _any(cues.furniture, text) or cues.is_header(text) or _any(cues.header_prefixes, text):
        return "boilerplate", "furniture"
    if _any_at_end(cues.credits, text) or cues.is_credit_line(text):
        return "caption", "credit"
    if _any(cues.caption_prefixes, text) and not line.narrative:
        return "caption", "caption-prefix"
    if len(text) <= _NOTICE_MAX_CHARS and _any(cues.notices, text):
        return "boilerplate", "notice"
    if line.is_appeal:
        return "boilerplate", "appeal"
    if is_date_line(text):
        return "dateline", "date"
    if is_byline(text):
        return "byline", "byline"
    if _any(cues.menus, text):
        return "boilerplate", "menu"
    return "body", ""


def _story_start(lines: list[_Line], roles: list[str], cues: RoleCues) -> int:
    """Index of the story's first paragraph: the first body line that is neither a headline nor a credit."""
    for i, line in enumerate(lines):
        if roles[i] == "body" and not line.headline and not _any_at_end(cues.weak_credits, line.text):
            return i
    return len(lines)


def _mark_above_story(lines: list[_Line], roles: list[str], rules: list[str], cues: RoleCues) -> None:
    """Lines above the story read as captions and bylines where, further down, they would be story.

    "... in Nagano on Monday. (Kyodo)" is a caption up there, a sentence below; "JANE DOE" is a byline.
    """
    for i in range(_story_start(lines, roles, cues)):
        if roles[i] != "body":
            continue
        if not lines[i].narrative and _any_at_end(cues.weak_credits, lines[i].text):
            roles[i], rules[i] = "caption", "credit-above-story"
        elif is_byline(lines[i].text, above_story=True):
            roles[i], rules[i] = "byline", "byline-above-story"


def _mark_caption_above_date(lines: list[_Line], roles: list[str], rules: list[str]) -> None:
    """A sentence on top of the page, right above the date line, describes the photo: stories start
    below their date. Under a title, it would be the standfirst, so only banners may stand above."""
    first = next((i for i, r in enumerate(roles) if r not in ("boilerplate", "caption")), None)
    if first is None or first + 1 >= len(lines) or roles[first] != "body" or roles[first + 1] != "dateline":
        return
    line = lines[first]
    if line.text.rstrip().endswith(".") and not line.headline and _reads_like_caption(line):
        roles[first], rules[first] = "caption", "above-date"


def _mark_caption_descriptions(lines: list[_Line], roles: list[str], rules: list[str], cues: RoleCues) -> None:
    """A credit on a line of its own ("Getty Images") credits the short description just above it."""
    for i in range(1, len(lines)):
        if roles[i] != "caption" or not cues.is_credit_line(lines[i].text):
            continue
        above = lines[i - 1]
        if roles[i - 1] == "body" and _reads_like_caption(above):
            roles[i - 1], rules[i - 1] = "caption", "above-credit"


def _reads_like_caption(line: _Line) -> bool:
    # Captions describe a picture: no reported speech, no quotation, not a paragraph's length.
    text = line.text
    return (
        len(text) <= _CAPTION_MAX_CHARS
        and not line.narrative
        and not _QUOTED.search(text)
        and not text.rstrip().endswith(":")
    )


def _mark_link_lists(lines: list[_Line], roles: list[str], rules: list[str], cues: RoleCues) -> None:
    """Headlines listed under a header ("Related stories:", "More on this story", "Topics") are links."""
    for i, line in enumerate(lines):
        if roles[i] != "boilerplate" or not (cues.is_header(line.text) or line.text.rstrip().endswith(":")):
            continue
        j = i + 1
        # A gallery link ("In pictures: ...") reads like a caption; in the list it is a link.
        while j < len(lines) and roles[j] in ("body", "caption") and lines[j].headline:
            roles[j], rules[j] = "boilerplate", "link-list"
            j += 1


def _mark_box_titles(lines: list[_Line], roles: list[str], rules: list[str]) -> None:
    """A newsletter box's name ("The Morning Brief") stands above its pitch and its buttons.

    A subhead above a lone "Sign up for our newsletter" stays story: the box needs two lines below.
    The name may be an order too: "Get The Brief."
    """
    for i in range(1, len(lines) - 2):
        line = lines[i]
        if (
            roles[i] == "body"
            and (line.headline or (line.orders and len(line.text) <= _SHORT_LINE_CHARS))
            and rules[i + 1] == "appeal"
            and roles[i + 2] == "boilerplate"
        ):
            roles[i], rules[i] = "boilerplate", "box-title"


def _mark_tail_run(lines: list[_Line], roles: list[str], rules: list[str], cues: RoleCues) -> None:
    """Appeals, links and signatures at the end of a page form one run: mark the whole run.

    Walking back from the last paragraph, a paragraph joins the run when it is furniture already,
    carries an appeal, a house-notice word or a reporter's biography, or is a headline (a related
    list without its header). The story's own sentences stop the walk; the run counts once it holds
    boilerplate or a biography.
    """
    start = len(lines)
    counts = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        tail_cue = _any(cues.tail, line.text)
        if roles[i] == "boilerplate" or tail_cue:
            counts = True
        elif not _joins_tail_run(line, roles[i], cues):
            break
        start = i
    if not counts:
        return
    start = _skip_story_list(lines, roles, start)
    start = _skip_story_last_line(lines, roles, start)
    for i in range(start, len(lines)):
        if roles[i] == "body":
            roles[i], rules[i] = "boilerplate", "tail-run"


def _joins_tail_run(line: _Line, role: str, cues: RoleCues) -> bool:
    if role in ("caption", "byline", "dateline"):
        return True
    if line.narrative and not line.addressed:
        return False  # "Readers can subscribe ..., the paper said.": the story reporting
    return line.appeal > 0 or _any(cues.weak, line.text) or line.headline


def _skip_story_list(lines: list[_Line], roles: list[str], start: int) -> int:
    """Items of a list the story introduces ("The following are exempt:") are story, not links."""
    if start == 0 or roles[start - 1] != "body" or not lines[start - 1].text.rstrip().endswith(":"):
        return start
    while start < len(lines) and roles[start] == "body" and lines[start].headline and lines[start].appeal == 0:
        start += 1
    return start


def _skip_story_last_line(lines: list[_Line], roles: list[str], start: int) -> int:
    """A lone unpunctuated line right after the story ends the story; links come two or more at a time."""
    if start == 0 or start + 1 >= len(lines) or roles[start - 1] != "body":
        return start
    if _is_bare_headline(lines[start], roles[start]) and not _is_bare_headline(lines[start + 1], roles[start + 1]):
        return start + 1
    return start


def _is_bare_headline(line: _Line, role: str) -> bool:
    return role == "body" and line.headline and line.appeal == 0


def _mark_title(lines: list[_Line], roles: list[str], rules: list[str]) -> None:
    """The first headline of a page, with only banners and captions above it, is its title.

    A headline below a date line or a byline is a list item or a subhead: pages print those above.
    """
    if len(lines) < 3:
        return
    first = next((i for i, r in enumerate(roles) if r not in ("boilerplate", "caption")), None)
    if first is None or roles[first] != "body":
        return
    text = lines[first].text
    if (
        lines[first].headline
        and (text[0].isalnum() or text[0] in "\"“‘'")
        and len(text.split()) >= 3
        and not text.endswith(("?", "!"))
    ):
        roles[first], rules[first] = "title", "first-line"
