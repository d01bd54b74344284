"""PLOVER categories, CAMEO codes and their weights, read from ``data/ontology.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsevents.records import PLOVER_CATEGORIES
from newsevents.yamlio import load_yaml


@dataclass(frozen=True)
class CategoryInfo:
    name: str
    cameo: str
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True)
class Ontology:
    categories: dict[str, CategoryInfo]
    cameo_goldstein: dict[str, float]
    cameo_names: dict[str, str]
    cameo_modes: dict[str, str]
    cameo_contexts: dict[str, tuple[str, ...]]

    def goldstein(self, category: str, cameo: str | None) -> float:
        if cameo and cameo in self.cameo_goldstein:
            return self.cameo_goldstein[cameo]
        return self.categories[category].goldstein

    def quad_class(self, category: str) -> int:
        return self.categories[category].quad_class


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    raw = load_yaml((resources.files("newsevents.coding") / "data" / "ontology.yaml").read_text("utf-8"))
    categories = {
        name: CategoryInfo(name=name, cameo=str(v["cameo"]), quad_class=int(v["quad_class"]),
                           goldstein=float(v["goldstein"]), description=v["description"])
        for name, v in raw["categories"].items()
    }  # fmt: skip
    missing = set(PLOVER_CATEGORIES) - set(categories)
    if missing:
        raise ValueError(f"ontology.yaml lacks categories: {sorted(missing)}")
    return Ontology(
        categories=categories,
        cameo_goldstein={str(k): float(v["goldstein"]) for k, v in raw["cameo"].items()},
        cameo_names={str(k): v["name"] for k, v in raw["cameo"].items()},
        cameo_modes={str(k): v["mode"] for k, v in raw["cameo"].items() if v.get("mode")},
        cameo_contexts={
            str(k): tuple(str(v["context"]).split(";")) for k, v in raw["cameo"].items() if v.get("context")
        },
    )
