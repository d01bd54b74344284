"""The actors of one article while they are being resolved, and the token-to-actor index."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsevents.records import Actor, Mention

FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM"})


def group_name(country_name: str, sector: str) -> str:
    """ "Mali government", "Israel military": a country's group of a sector, in words."""
    from newsevents.lexicon import lexicon  # the lexicon loads data; keep this module import-light

    return f"{country_name} {lexicon().sector_labels.get(sector, sector)}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "actor"


@dataclass
class WorkingActor:
    """An actor under construction; frozen into :class:`Actor` when resolution is done."""

    id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    origin: str
    role: str | None = None
    plural: bool = False
    # The country was not written next to the actor but taken from the article's main country.
    country_inferred: bool = False
    mentions: list[Mention] = field(default_factory=list)

    @property
    def surname(self) -> str | None:
        """The name a story uses alone: the last word, or the first in names written family name
        first (Chinese, Korean, Vietnamese: "Lai" of "Lai Ching-te")."""
        if self.kind != "person":
            return None
        parts = self.name.split()
        if len(parts) < 2:
            return None
        return parts[0] if self.country in FAMILY_NAME_FIRST else parts[-1]


@dataclass
class ActorTable:
    """All actors of an article, and which actor each mentioned token refers to."""

    actors: dict[str, WorkingActor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    # Compound references ("the two men") map a token to several actors.
    token_group: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Tokens naming a place (country, capital, city, region) and the country it is in.
    place_country: dict[int, str] = field(default_factory=dict)
    locus: str | None = None
    # The country of the story's dateline ("SEOUL, South Korea —"), where it was filed.
    home: str | None = None
    country_counts: Counter[str] = field(default_factory=Counter)

    def add(self, actor: WorkingActor) -> WorkingActor:
        existing = self.actors.get(actor.id)
        if existing is not None:
            return existing
        self.actors[actor.id] = actor
        return actor

    def mention(self, actor: WorkingActor, span: SpacySpan, via: str) -> None:
        """Record a mention unless its tokens already point at an actor."""
        if any(i in self.token_actor or i in self.token_group for i in range(span.start, span.end)):
            return
        for i in range(span.start, span.end):
            self.token_actor[i] = actor.id
        actor.mentions.append(
            Mention(start=span.start_char, end=span.end_char, text=span.text, actor_id=actor.id, via=via)
        )

    def unmention(self, doc: Doc, indices: range) -> None:
        """Forget the mentions covering these tokens (a larger phrase is about to claim them)."""
        for i in indices:
            actor_id = self.token_actor.pop(i, None)
            if actor_id is None:
                continue
            actor = self.actors[actor_id]
            char = doc[i].idx
            actor.mentions = [m for m in actor.mentions if not m.start <= char < m.end]

    def mention_group(self, actor_ids: tuple[str, ...], span: SpacySpan, via: str) -> None:
        for i in range(span.start, span.end):
            self.token_group[i] = actor_ids
        for actor_id in actor_ids:
            self.actors[actor_id].mentions.append(
                Mention(start=span.start_char, end=span.end_char, text=span.text, actor_id=actor_id, via=via)
            )

    def actor_at(self, index: int) -> tuple[str, ...]:
        if index in self.token_actor:
            return (self.token_actor[index],)
        return self.token_group.get(index, ())

    def freeze(self, referenced: set[str] | None = None) -> tuple[Actor, ...]:
        """The actors with mentions, plus those ``referenced`` by events though never named
        (a domestic event's target is the source's own country)."""
        out = []
        for actor in self.actors.values():
            if not actor.mentions and actor.id not in (referenced or set()):
                continue
            mentions = tuple(sorted(actor.mentions, key=lambda m: (m.start, m.end)))
            out.append(
                Actor(
                    id=actor.id,
                    name=actor.name,
                    country=actor.country,
                    sector=actor.sector,
                    kind=actor.kind,
                    role=actor.role,
                    origin=actor.origin + (" +locus" if actor.country_inferred else ""),
                    mentions=mentions,
                )
            )
        out.sort(key=lambda a: a.mentions[0].start if a.mentions else 10**12)
        return tuple(out)
