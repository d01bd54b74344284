"""Event patterns: the verbs, nouns and phrases that report events, as validated data.

A pattern names a trigger (verb lemmas, noun lemmas or a fixed phrase), the conditions under
which it fires (a preposition, an object), where its target comes from, and how negation and
modality change it. The shipped patterns live in ``data/patterns/*.yaml``; users add their own
files with the same format.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from newsevents.errors import ConfigError
from newsevents.records import PLOVER_CATEGORIES
from newsevents.yamlio import YAMLError, load_yaml


class Pattern(BaseModel):
    """One rule of the coder; see the comments in ``data/patterns/README.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    category: str
    cameo: str | None = None
    mode: str | None = None
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    # The verb must govern one of these prepositions or particles ("call for", "crack down").
    preps: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    # The verb's object (or passive subject) must be one of these lemmas ("impose" + "tariff").
    objects: tuple[str, ...] = ()
    # Complement verbs that must follow ("refuse to X", "agree to X"): any lemma if ["*"].
    complements: tuple[str, ...] = ()
    # A that-clause under the verb must carry one of these modals ("said Libya must hand over").
    complement_modals: tuple[str, ...] = ()
    # A warning is a threat only when it names what will happen ("warned that Iran would bear the
    # consequences") or whom it is addressed to: "warned that people were on the brink of famine"
    # and "warned of floods" describe, they do not threaten.
    forward_only: bool = False
    # Who acts: the clause's subject, or the speaker of the quote the trigger stands in.
    source: Literal["subject", "speaker", "none"] = "subject"
    # Where the target is: the verb's object, the object of one of target_preps, the clause's
    # subject ("Iran is in great danger"), another actor named in the same quote or sentence, or nowhere.
    target: Literal[
        "object",
        "prep",
        "none",
        "complement_object",
        "complement_subject",
        "subject",
        "mentioned",
        "subject_or_mentioned",
    ] = "object"
    target_preps: tuple[str, ...] = ()
    # For noun triggers: verbs that make the noun an event ("hold talks", "impose sanctions").
    light_verbs: tuple[str, ...] = ()
    # flag: a negated trigger is a negated event; require: the pattern fires only when negated.
    negation: Literal["flag", "require"] = "flag"
    # flag: modal or conditional triggers are hypothetical; ignore: the category is about the future.
    modality: Literal["flag", "ignore"] = "flag"
    # When no target is written, the source's own country is the target (domestic events).
    domestic: bool | None = None
    # The verb must have no direct object: "called on Iran" asks, "called the move a mistake" names.
    bare: bool = False
    # A compound subject acts on itself, pairwise in both directions, whatever the object:
    # "Armenia and Azerbaijan exchanged prisoners", "Ethiopian and Eritrean troops clashed".
    reciprocal: bool = False
    confidence: float = 0.7

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in PLOVER_CATEGORIES:
            raise ValueError(f"unknown PLOVER category {value!r}")
        return value

    @field_validator("verbs", "nouns", "phrases", "preps", "particles", "objects", "complements", "light_verbs", "complement_modals",
                     "target_preps", mode="before")  # fmt: skip
    @classmethod
    def _as_tuple(cls, value: object) -> object:
        if isinstance(value, str):
            return (value,)
        return value

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.preps) + bool(self.particles) + bool(self.complements)


DOMESTIC_BY_DEFAULT = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "RETREAT", "REQUEST", "ACCUSE"})


@dataclass
class PatternIndex:
    """Patterns indexed by trigger word."""

    by_verb: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    by_noun: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    phrases: list[Pattern] = field(default_factory=list)
    all: list[Pattern] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def add(self, pattern: Pattern) -> None:
        self.all.append(pattern)
        for verb in pattern.verbs:
            self.by_verb[verb.lower()].append(pattern)
        for noun in pattern.nouns:
            self.by_noun[noun.lower()].append(pattern)
        if pattern.phrases:
            self.phrases.append(pattern)


def load_patterns(extra_files: list[Path] | None = None) -> PatternIndex:
    """The shipped patterns, then the user's files (a user pattern with a shipped id replaces it)."""
    texts: list[tuple[str, str]] = []
    folder = resources.files("newsevents.coding") / "data" / "patterns"
    for resource in sorted(folder.iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".yaml"):
            texts.append((f"builtin:{resource.name}", resource.read_text("utf-8")))
    for path in extra_files or []:
        try:
            texts.append((str(path), Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read pattern file: {exc}") from exc
    by_id: dict[str, Pattern] = {}
    index = PatternIndex()
    for origin, text in texts:
        for pattern in _parse(origin, text):
            by_id[pattern.id] = pattern
        index.files.append(origin)
    for pattern in by_id.values():
        index.add(pattern)
    return index


def _parse(origin: str, text: str) -> list[Pattern]:
    try:
        raw = load_yaml(text) or []
    except YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(raw, list):
        raise ConfigError(f"{origin}: a pattern file is a list of patterns")
    patterns = []
    for number, item in enumerate(raw, 1):
        try:
            pattern = Pattern.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            label = item.get("id") if isinstance(item, dict) else item
            where = ".".join(map(str, first["loc"]))
            raise ConfigError(f"{origin}: pattern {number} ({label}): {where}: {first['msg']}") from exc
        if not (pattern.verbs or pattern.nouns or pattern.phrases):
            raise ConfigError(f"{origin}: pattern {number} ({pattern.id}): needs verbs, nouns or phrases")
        patterns.append(pattern)
    return patterns
