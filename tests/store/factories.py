"""Hand-built ArticleResults for store tests: no spaCy, every record type filled in."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from newsevents.clean.article import content_hash
from newsevents.records import (
    Actor,
    Article,
    ArticleResult,
    DateRef,
    Event,
    Mention,
    Paragraph,
    Quote,
    SourceCited,
    Span,
)

COUNTRY_NAMES = {"USA": "United States", "IRN": "Iran", "ISR": "Israel", "GBR": "United Kingdom", "FRA": "France",
                 "RUS": "Russia", "UKR": "Ukraine", "CHN": "China"}  # fmt: skip
GOLDSTEIN = {"ASSAULT": -10.0, "CONSULT": 1.0, "AGREE": 4.0, "ACCUSE": -2.0, "THREATEN": -4.4, "AID": 7.0,
             "SANCTION": -4.0, "REQUEST": -2.0}  # fmt: skip
QUAD = {"ASSAULT": 4, "CONSULT": 1, "AGREE": 1, "ACCUSE": 3, "THREATEN": 3, "AID": 2, "SANCTION": 4, "REQUEST": 3}


@dataclass(frozen=True)
class Ev:
    """One event to write into a generated article: ``sentence`` must name source and target."""

    source: str
    category: str
    target: str
    sentence: str
    trigger: str
    date: dt.date | None = None
    negated: bool = False
    hypothetical: bool = False


def make_result(
    article_id: str, events: list[Ev], *, published: dt.date | None = dt.date(2020, 1, 8), source: str | None = "Wire",
    url: str | None = None, title: str | None = None, extra: str = "", quote: str | None = None,
) -> ArticleResult:  # fmt: skip
    """An article whose body is the events' sentences (plus ``extra``), with actors, quotes and all."""
    title = title or f"Story {article_id}"
    lines = [title, *[e.sentence for e in events]]
    if quote:
        lines.append(f'"{quote}," the Iranian foreign minister said.')
    if extra:
        lines.append(extra)
    text = "\n".join(lines)
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    paragraphs = tuple(
        Paragraph(index=i, role="title" if i == 0 else "body", start=s, end=s + len(line), rule="test")
        for i, (s, line) in enumerate(zip(starts, lines, strict=True))
    )
    codes = sorted({c for e in events for c in (e.source, e.target)} | ({"IRN"} if quote else set()))
    actors = []
    for code in codes:
        name = COUNTRY_NAMES[code]
        mentions = tuple(Mention(start=i, end=i + len(name), text=name, actor_id=code.lower(), via="name")
                         for i in _find_all(text, name))  # fmt: skip
        actors.append(Actor(id=code.lower(), name=name, country=code, sector="GOV", kind="state", role=None,
                            origin="dictionary:countries", mentions=mentions))  # fmt: skip
    result_events = tuple(_event(article_id, e, text, starts[i + 1], published) for i, e in enumerate(events))
    quotes: tuple[Quote, ...] = ()
    cited: tuple[SourceCited, ...] = ()
    if quote:
        q_start = text.index(quote)
        said = text.index(" said", q_start)
        quotes = (Quote(id=f"q{q_start}", text=quote, start=q_start, end=q_start + len(quote), speaker="irn",
                        speaker_name="the Iranian foreign minister",
                        speaker_span=Span(start=said - 28, end=said, text=text[said - 28 : said]),
                        channel=None, channel_span=None, verb="said", partial=False, component="quotes.test"),)  # fmt: skip
        cited = (SourceCited(name="the Iranian foreign minister", start=said - 28, end=said, kind="said", actor="irn"),)
    article = Article(id=article_id, text=text, paragraphs=paragraphs, content_hash=content_hash(text), title=title,
                      url=url, published=published, published_from="option" if published else None, source=source,
                      origin=f"tests/{article_id}.txt", wire=None, dateline_place=None)  # fmt: skip
    dates = tuple(e.date for e in result_events if e.date is not None)
    return ArticleResult(article=article, actors=tuple(actors), quotes=quotes, events=result_events,
                         sources_cited=cited, dates=dates,
                         components={"actors": "actors.test", "quotes": "quotes.test", "coder": "coder.test.v1"})  # fmt: skip


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _event(article_id: str, e: Ev, text: str, start: int, published: dt.date | None) -> Event:
    def span(word: str) -> Span:
        i = text.index(word, start)
        return Span(start=i, end=i + len(word), text=word)

    def maybe(word: str) -> Span | None:
        return span(word) if word in text[start:] else None

    date = None
    if e.date is not None:
        d = span(e.date.strftime("%B"))
        date = DateRef(text=d.text, start=d.start, end=d.end, value=e.date, precision="day", relative=False)
    key = f"{article_id}|{e.source}|{e.category}|{e.target}|{start}"
    return Event(
        id="e" + hashlib.sha1(key.encode()).hexdigest()[:12], category=e.category, cameo="190" if e.category == "ASSAULT" else "040",
        source=e.source.lower(), target=e.target.lower(), evidence=Span(start=start, end=start + len(e.sentence), text=e.sentence),
        trigger=span(e.trigger), negated=e.negated, hypothetical=e.hypothetical, mode=None, context=("military",),
        source_span=maybe(COUNTRY_NAMES[e.source]), target_span=maybe(COUNTRY_NAMES[e.target]), date=date,
        confidence=0.9, rule=f"test.{e.category.lower()}", coder="coder.test.v1", goldstein=GOLDSTEIN.get(e.category, 0.0),
        quad_class=QUAD.get(e.category, 1), inferred=(),
    )  # fmt: skip


def strike(article_id: str, sentence: str | None = None, **kw: object) -> ArticleResult:
    """An article reporting the US strike on Iran, in words of its own."""
    sentence = sentence or "The United States attacked Iran with missiles near Baghdad on Wednesday."
    return make_result(article_id, [Ev("USA", "ASSAULT", "IRN", sentence, "attacked")], **kw)  # type: ignore[arg-type]
