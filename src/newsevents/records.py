"""The typed records that flow between the pipeline's stages.

Every stage takes and returns these frozen, keyword-only dataclasses; dicts appear only at the
edges (JSON, DuckDB rows). Offsets are character offsets into ``Article.text``, half-open
(``text[start:end]``), as spaCy counts them. This module imports nothing else of ours.

    RawDocument --clean--> Article --nlp--> Doc --actors/quotes/coding--> ArticleResult
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SCHEMA = "newsevents/1"

ParagraphRole = Literal["title", "byline", "dateline", "body", "caption", "boilerplate"]
PARAGRAPH_ROLES: tuple[str, ...] = ("title", "byline", "dateline", "body", "caption", "boilerplate")

MediaType = Literal["text/plain", "text/html"]

# PLOVER's sixteen event categories, in the order of its codebook.
PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
UNDIRECTED_CATEGORIES: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@dataclass(frozen=True, kw_only=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, kw_only=True, slots=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    ``content`` is plain text or HTML, as ``media_type`` says. ``origin`` names where it came
    from (a path, ``<stdin>``, ``feed.xml#3``) so that errors can point at it.
    """

    id: str
    content: str
    media_type: MediaType = "text/plain"
    origin: str = ""
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    # "option" (the user gave it) or "metadata" (a feed entry, a JSON Lines field).
    published_from: str | None = None
    source: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Paragraph:
    """A non-empty line (or HTML block) of the article with its role and the rule that gave it."""

    index: int
    role: ParagraphRole
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """A cleaned article: the text that all offsets point into, its paragraphs and metadata."""

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    content_hash: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # Where the publication date came from: "option", "metadata", "html", "dateline", or None.
    published_from: str | None = None
    source: str | None = None
    origin: str = ""
    # A wire tag such as "(JTA) —" or "WASHINGTON (AP) —", when the story opens with one.
    wire: Span | None = None
    dateline_place: str | None = None

    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.role == "body")


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    """One place in the text that refers to an actor, and how it was recognised."""

    start: int
    end: int
    text: str
    actor_id: str
    # name, alias, title, demonym, metonym, pronoun, nominal, ner
    via: str = "name"


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    """A canonical actor of one article, with every mention of it."""

    id: str
    name: str
    country: str | None
    sector: str | None = None
    # person, state, organization, group
    kind: str = "organization"
    # The role the actor held at the article's date ("Prime Minister of Israel").
    role: str | None = None
    # "dictionary:<file>" or "rule:<name>": where the actor's identity came from.
    origin: str = ""
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class DateRef:
    """A date expression and, when it can be resolved, the date it names.

    ``value`` is None when the expression is relative and no publication date is known: it is
    never guessed from today's clock.
    """

    text: str
    start: int
    end: int
    value: dt.date | None = None
    # day, month, year
    precision: str = "day"
    relative: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote:
    """Words in quotation marks attributed to a speaker."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_span: Span | None = None
    channel: str | None = None
    channel_span: Span | None = None
    verb: str | None = None
    # True for a fragment inside a sentence of the reporter's ("calling it 'null and void'").
    partial: bool = False
    component: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceCited:
    """Who the story attributes a claim to: "according to Axios", "officials said", "reportedly"."""

    name: str
    start: int
    end: int
    # according_to, said, reportedly, reported
    kind: str
    actor: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    """One coded event: who did what to whom, with the evidence for every field."""

    id: str
    category: str
    cameo: str | None
    source: str | tuple[str, ...] | None
    target: str | tuple[str, ...] | None
    evidence: Span
    trigger: Span
    negated: bool = False
    hypothetical: bool = False
    mode: str | None = None
    context: tuple[str, ...] = ()
    source_span: Span | None = None
    target_span: Span | None = None
    date: DateRef | None = None
    confidence: float = 0.5
    rule: str = ""
    coder: str = ""
    goldstein: float | None = None
    quad_class: int | None = None
    # Why a side was filled without a word in the sentence naming it ("locus", "speaker").
    inferred: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    sources_cited: tuple[SourceCited, ...] = ()
    dates: tuple[DateRef, ...] = ()
    components: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Failure:
    """A document that could not be processed, and why; batch work records it and goes on."""

    origin: str
    message: str
    document_id: str | None = None
