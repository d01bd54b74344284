"""The closed English word classes the rules share, read from ``data/lexicon.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any

from newsevents.yamlio import load_yaml


@dataclass(frozen=True)
class Lexicon:
    modals: frozenset[str]
    intent_modals: frozenset[str]
    irrealis_heads: frozenset[str]
    intent_heads: frozenset[str]
    mandative_heads: frozenset[str]
    own_pattern_heads: frozenset[str]
    negating_heads: frozenset[str]
    condition_marks: frozenset[str]
    relativizers: frozenset[str]
    first_person: frozenset[str]
    saying_verbs: frozenset[str]
    speech_act_nouns: frozenset[str]
    event_nouns: frozenset[str]
    act_families: dict[str, frozenset[str]]
    place_nouns: frozenset[str]
    people_nouns: frozenset[str]
    personal_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    pair_nouns: frozenset[str]
    party_nouns: frozenset[str]
    person_titles: frozenset[str]
    person_roles: frozenset[str]
    owned_groups: frozenset[str]
    organization_references: frozenset[str]
    institution_heads: frozenset[str]
    institution_words: frozenset[str]
    deploy_verbs: frozenset[str]
    sector_families: dict[str, frozenset[str]]
    org_sector_words: dict[str, str]
    sector_labels: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_yaml((resources.files("newsevents") / "data" / "lexicon.yaml").read_text("utf-8"))
    values: dict[str, Any] = {}
    for field in fields(Lexicon):
        value = raw[field.name]
        if field.name in ("sector_families", "act_families"):
            values[field.name] = {word: frozenset(family) for family in value for word in family}
            continue
        values[field.name] = dict(value) if isinstance(value, dict) else frozenset(str(v) for v in value)
    return Lexicon(**values)
