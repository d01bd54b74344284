"""Records to table rows and back: the only place that knows how a record is laid out in DuckDB.

``result_rows`` flattens one ArticleResult into plain dicts per table (Arrow builds its tables from
them); ``result_from_rows`` rebuilds the ArticleResult from the rows of one article.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

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

Row = dict[str, Any]
TABLES = ("articles", "article_urls", "paragraphs", "actors", "mentions", "quotes", "events", "sources_cited", "dates")


def _span(prefix: str, span: Span | None) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _ids(ref: str | tuple[str, ...] | None) -> tuple[list[str] | None, bool]:
    if ref is None:
        return None, False
    return (list(ref), True) if isinstance(ref, tuple) else ([ref], False)


def side_summary(ids: Sequence[str] | None, actors: Mapping[str, Actor]) -> tuple[str | None, str | None, str | None]:
    """(countries, label, key) of one side of an event.

    ``countries`` joins the side's distinct country codes ("USA", "EGY+ITA"); ``key`` is what
    linking compares: the country where known, else the actor's lower-cased name.
    """
    if not ids:
        return None, None, None
    found = [actors.get(i) for i in ids]
    countries = sorted({a.country for a in found if a is not None and a.country})
    label = " + ".join(a.name if a is not None else i for a, i in zip(found, ids, strict=True))
    keys = sorted(
        {(a.country or "@" + a.name.lower()) if a is not None else "@" + i for a, i in zip(found, ids, strict=True)}
    )
    return ("+".join(countries) or None), label, "+".join(keys)


def event_day(event: Event, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The day an event is counted on: its own date at day precision, else the article's date."""
    if event.date is not None and event.date.value is not None and event.date.precision == "day":
        return event.date.value, "event"
    if published is not None:
        return published, "published"
    return None, None


def result_rows(result: ArticleResult, *, article_id: str, version: str, now: dt.datetime) -> dict[str, list[Row]]:
    """Rows for every table, keyed by table name, for one article stored under ``article_id``."""
    a = result.article
    actors = {x.id: x for x in result.actors}
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    rows["articles"].append({
        "id": article_id, "content_hash": a.content_hash, "url": a.url, "title": a.title, "source": a.source,
        "published": a.published, "published_from": a.published_from, "origin": a.origin,
        "wire_start": a.wire.start if a.wire else None, "wire_end": a.wire.end if a.wire else None,
        "wire_text": a.wire.text if a.wire else None, "dateline_place": a.dateline_place, "text": a.text,
        "components": json.dumps(result.components, sort_keys=True), "newsevents_version": version, "ingested_at": now,
    })  # fmt: skip
    rows["article_urls"].append(
        {
            "article_id": article_id,
            "url": a.url,
            "source": a.source,
            "origin": a.origin,
            "published": a.published,
            "added_at": now,
        }
    )
    rows["paragraphs"] = [
        {"article_id": article_id, "idx": p.index, "role": p.role, "start": p.start, "end": p.end, "rule": p.rule}
        for p in a.paragraphs
    ]
    for actor in result.actors:
        rows["actors"].append({"article_id": article_id, "actor_id": actor.id, "name": actor.name, "country": actor.country,
                               "sector": actor.sector, "kind": actor.kind, "role": actor.role, "origin": actor.origin})  # fmt: skip
        rows["mentions"].extend(
            {
                "article_id": article_id,
                "actor_id": actor.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "via": m.via,
            }
            for m in actor.mentions
        )
    rows["quotes"] = [_quote_row(q, article_id, actors) for q in result.quotes]
    rows["events"] = [_event_row(e, article_id, actors, a.published, version) for e in result.events]
    rows["sources_cited"] = [
        {"article_id": article_id, "name": s.name, "start": s.start, "end": s.end, "kind": s.kind, "actor": s.actor}
        for s in result.sources_cited
    ]
    rows["dates"] = [{"article_id": article_id, **_date(d)} for d in result.dates]
    return rows


def _date(d: DateRef) -> Row:
    return {
        "text": d.text,
        "start": d.start,
        "end": d.end,
        "value": d.value,
        "precision": d.precision,
        "relative": d.relative,
    }


def _quote_row(q: Quote, article_id: str, actors: Mapping[str, Actor]) -> Row:
    speaker = actors.get(q.speaker) if q.speaker else None
    return {
        "article_id": article_id, "quote_id": q.id, "text": q.text, "start": q.start, "end": q.end,
        "speaker": q.speaker, "speaker_name": q.speaker_name, **_span("speaker", q.speaker_span),
        "channel": q.channel, **_span("channel", q.channel_span), "verb": q.verb, "partial": q.partial,
        "component": q.component, "speaker_country": speaker.country if speaker else None,
    }  # fmt: skip


def _event_row(e: Event, article_id: str, actors: Mapping[str, Actor], published: dt.date | None, version: str) -> Row:
    source_ids, source_multi = _ids(e.source)
    target_ids, target_multi = _ids(e.target)
    src_country, src_label, src_key = side_summary(source_ids, actors)
    tgt_country, tgt_label, tgt_key = side_summary(target_ids, actors)
    day, day_from = event_day(e, published)
    d = e.date
    return {
        "article_id": article_id, "event_id": e.id, "category": e.category, "cameo": e.cameo, "mode": e.mode,
        "context": list(e.context), "source_ids": source_ids, "source_multi": source_multi,
        "target_ids": target_ids, "target_multi": target_multi,
        **_span("source", e.source_span), **_span("target", e.target_span),
        "negated": e.negated, "hypothetical": e.hypothetical,
        "date_text": d.text if d else None, "date_start": d.start if d else None, "date_end": d.end if d else None,
        "date_value": d.value if d else None, "date_precision": d.precision if d else None,
        "date_relative": d.relative if d else None,
        **_span("evidence", e.evidence), **_span("trigger", e.trigger),
        "confidence": e.confidence, "goldstein": e.goldstein, "quad_class": e.quad_class, "rule": e.rule,
        "coder": e.coder, "coder_version": version, "inferred": list(e.inferred),
        "src_country": src_country, "tgt_country": tgt_country, "src_label": src_label, "tgt_label": tgt_label,
        "src_key": src_key, "tgt_key": tgt_key, "day": day, "day_from": day_from,
    }  # fmt: skip


# -- back to records ---------------------------------------------------------------------------


def _read_span(row: Row, prefix: str) -> Span | None:
    if row.get(f"{prefix}_start") is None:
        return None
    return Span(start=row[f"{prefix}_start"], end=row[f"{prefix}_end"], text=row[f"{prefix}_text"] or "")


def _read_ref(ids: list[str] | None, multi: bool | None) -> str | tuple[str, ...] | None:
    if ids is None:
        return None
    return tuple(ids) if multi else ids[0]


def result_from_rows(rows: Mapping[str, Sequence[Row]]) -> ArticleResult:
    """The ArticleResult stored in ``rows`` (one article's rows per table, in stored order)."""
    a = rows["articles"][0]
    wire = None if a["wire_start"] is None else Span(start=a["wire_start"], end=a["wire_end"], text=a["wire_text"])
    article = Article(
        id=a["id"], text=a["text"], content_hash=a["content_hash"], title=a["title"], url=a["url"], source=a["source"],
        published=a["published"], published_from=a["published_from"], origin=a["origin"] or "", wire=wire,
        dateline_place=a["dateline_place"],
        paragraphs=tuple(Paragraph(index=p["idx"], role=p["role"], start=p["start"], end=p["end"], rule=p["rule"] or "")
                         for p in rows["paragraphs"]),
    )  # fmt: skip
    mentions: dict[str, list[Mention]] = {}
    for m in rows["mentions"]:
        mentions.setdefault(m["actor_id"], []).append(
            Mention(start=m["start"], end=m["end"], text=m["text"], actor_id=m["actor_id"], via=m["via"] or "")
        )
    actors = tuple(
        Actor(id=x["actor_id"], name=x["name"], country=x["country"], sector=x["sector"], kind=x["kind"] or "",
              role=x["role"], origin=x["origin"] or "", mentions=tuple(mentions.get(x["actor_id"], ())))
        for x in rows["actors"]
    )  # fmt: skip
    quotes = tuple(
        Quote(id=q["quote_id"], text=q["text"], start=q["start"], end=q["end"], speaker=q["speaker"],
              speaker_name=q["speaker_name"], speaker_span=_read_span(q, "speaker"), channel=q["channel"],
              channel_span=_read_span(q, "channel"), verb=q["verb"], partial=bool(q["partial"]),
              component=q["component"] or "")
        for q in rows["quotes"]
    )  # fmt: skip
    events = tuple(_read_event(e) for e in rows["events"])
    sources = tuple(
        SourceCited(name=s["name"], start=s["start"], end=s["end"], kind=s["kind"], actor=s["actor"])
        for s in rows["sources_cited"]
    )
    dates = tuple(
        DateRef(text=d["text"], start=d["start"], end=d["end"], value=d["value"], precision=d["precision"],
                relative=bool(d["relative"]))
        for d in rows["dates"]
    )  # fmt: skip
    components = json.loads(a["components"]) if a["components"] else {}
    return ArticleResult(article=article, actors=actors, quotes=quotes, events=events, sources_cited=sources,
                         dates=dates, components=components)  # fmt: skip


def _read_event(e: Row) -> Event:
    date = None
    if e["date_start"] is not None:
        date = DateRef(text=e["date_text"], start=e["date_start"], end=e["date_end"], value=e["date_value"],
                       precision=e["date_precision"] or "day", relative=bool(e["date_relative"]))  # fmt: skip
    evidence = _read_span(e, "evidence") or Span(start=0, end=0, text="")
    trigger = _read_span(e, "trigger") or Span(start=0, end=0, text="")
    return Event(
        id=e["event_id"], category=e["category"], cameo=e["cameo"], mode=e["mode"], context=tuple(e["context"] or ()),
        source=_read_ref(e["source_ids"], e["source_multi"]), target=_read_ref(e["target_ids"], e["target_multi"]),
        source_span=_read_span(e, "source"), target_span=_read_span(e, "target"), negated=bool(e["negated"]),
        hypothetical=bool(e["hypothetical"]), date=date, evidence=evidence, trigger=trigger,
        confidence=float(e["confidence"]), goldstein=e["goldstein"], quad_class=e["quad_class"], rule=e["rule"] or "",
        coder=e["coder"] or "", inferred=tuple(e["inferred"] or ()),
    )  # fmt: skip
