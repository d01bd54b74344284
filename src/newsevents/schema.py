"""The ``newsevents/1`` JSON schema: ArticleResult to a dict and back.

One object per article: ``{schema, article, paragraphs, actors, quotes, events, sources_cited,
dates, components}``. Offsets are character offsets into ``article.text``, half-open.
Events add to PLOVER's fields the CAMEO code, a Goldstein-style weight, the quad class, the
rule that fired, the coder's name, a confidence and the evidence sentence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsevents.records import (
    SCHEMA,
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

JSON = dict[str, Any]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _span(span: Span | None) -> JSON | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _ref(ref: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(ref) if isinstance(ref, tuple) else ref


def date_to_dict(date: DateRef | None) -> JSON | None:
    if date is None:
        return None
    return {"text": date.text, "start": date.start, "end": date.end, "value": _date(date.value),
            "precision": date.precision, "relative": date.relative}  # fmt: skip


def to_dict(result: ArticleResult, *, include_text: bool = True) -> JSON:
    """The newsevents/1 object for one article."""
    article = result.article
    return {
        "schema": SCHEMA,
        "article": {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "published": _date(article.published),
            "published_from": article.published_from,
            "origin": article.origin,
            "content_hash": article.content_hash,
            "wire": _span(article.wire),
            "dateline_place": article.dateline_place,
            **({"text": article.text} if include_text else {}),
        },
        "paragraphs": [
            {"index": p.index, "role": p.role, "start": p.start, "end": p.end, "rule": p.rule}
            for p in article.paragraphs
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "country": a.country,
                "sector": a.sector,
                "kind": a.kind,
                "role": a.role,
                "origin": a.origin,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text, "via": m.via} for m in a.mentions],
            }
            for a in result.actors
        ],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "speaker_span": _span(q.speaker_span),
                "channel": q.channel,
                "channel_span": _span(q.channel_span),
                "verb": q.verb,
                "partial": q.partial,
                "component": q.component,
            }
            for q in result.quotes
        ],
        "events": [_event(e) for e in result.events],
        "sources_cited": [
            {"name": s.name, "kind": s.kind, "start": s.start, "end": s.end, "actor": s.actor}
            for s in result.sources_cited
        ],
        "dates": [date_to_dict(d) for d in result.dates],
        "components": dict(result.components),
    }


def _event(e: Event) -> JSON:
    return {
        "id": e.id,
        "category": e.category,
        "cameo": e.cameo,
        "mode": e.mode,
        "context": list(e.context),
        "source": _ref(e.source),
        "target": _ref(e.target),
        "source_span": _span(e.source_span),
        "target_span": _span(e.target_span),
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "date": date_to_dict(e.date),
        "evidence": _span(e.evidence),
        "trigger": _span(e.trigger),
        "confidence": e.confidence,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "rule": e.rule,
        "coder": e.coder,
        "inferred": list(e.inferred),
    }


# -- back from JSON ----------------------------------------------------------------------------


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _parse_span(obj: JSON | None) -> Span | None:
    return None if obj is None else Span(start=obj["start"], end=obj["end"], text=obj["text"])


def _parse_ref(ref: str | list[str] | None) -> str | tuple[str, ...] | None:
    return tuple(ref) if isinstance(ref, list) else ref


def _parse_daterefs(obj: JSON | None) -> DateRef | None:
    if obj is None:
        return None
    return DateRef(text=obj["text"], start=obj["start"], end=obj["end"], value=_parse_date(obj.get("value")),
                   precision=obj.get("precision", "day"), relative=bool(obj.get("relative")))  # fmt: skip


def from_dict(obj: JSON) -> ArticleResult:
    """An ArticleResult from its newsevents/1 object (the article text must be included)."""
    a = obj["article"]
    article = Article(
        id=a["id"], text=a["text"], content_hash=a["content_hash"], title=a.get("title"), url=a.get("url"),
        source=a.get("source"), published=_parse_date(a.get("published")), published_from=a.get("published_from"),
        origin=a.get("origin", ""), wire=_parse_span(a.get("wire")), dateline_place=a.get("dateline_place"),
        paragraphs=tuple(Paragraph(index=p["index"], role=p["role"], start=p["start"], end=p["end"], rule=p.get("rule", ""))
                         for p in obj["paragraphs"]),
    )  # fmt: skip
    actors = tuple(
        Actor(id=x["id"], name=x["name"], country=x.get("country"), sector=x.get("sector"), kind=x.get("kind", ""),
              role=x.get("role"), origin=x.get("origin", ""),
              mentions=tuple(Mention(start=m["start"], end=m["end"], text=m["text"], actor_id=x["id"], via=m.get("via", ""))
                             for m in x.get("mentions", [])))
        for x in obj["actors"]
    )  # fmt: skip
    quotes = tuple(
        Quote(id=q["id"], text=q["text"], start=q["start"], end=q["end"], speaker=q.get("speaker"),
              speaker_name=q.get("speaker_name"), speaker_span=_parse_span(q.get("speaker_span")),
              channel=q.get("channel"), channel_span=_parse_span(q.get("channel_span")), verb=q.get("verb"),
              partial=bool(q.get("partial")), component=q.get("component", ""))
        for q in obj["quotes"]
    )  # fmt: skip
    events = tuple(
        Event(id=e["id"], category=e["category"], cameo=e.get("cameo"), mode=e.get("mode"),
              context=tuple(e.get("context", [])), source=_parse_ref(e.get("source")), target=_parse_ref(e.get("target")),
              source_span=_parse_span(e.get("source_span")), target_span=_parse_span(e.get("target_span")),
              negated=bool(e.get("negated")), hypothetical=bool(e.get("hypothetical")),
              date=_parse_daterefs(e.get("date")), evidence=_parse_span(e["evidence"]),  # type: ignore[arg-type]
              trigger=_parse_span(e["trigger"]), confidence=float(e.get("confidence", 0.5)),  # type: ignore[arg-type]
              goldstein=e.get("goldstein"), quad_class=e.get("quad_class"), rule=e.get("rule", ""),
              coder=e.get("coder", ""), inferred=tuple(e.get("inferred", [])))
        for e in obj["events"]
    )  # fmt: skip
    sources = tuple(
        SourceCited(name=s["name"], kind=s["kind"], start=s["start"], end=s["end"], actor=s.get("actor"))
        for s in obj.get("sources_cited", [])
    )
    dates = tuple(d for d in (_parse_daterefs(x) for x in obj.get("dates", [])) if d is not None)
    return ArticleResult(article=article, actors=actors, quotes=quotes, events=events, sources_cited=sources,
                         dates=dates, components=dict(obj.get("components", {})))  # fmt: skip
