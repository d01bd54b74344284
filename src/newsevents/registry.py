"""Named, versioned components: event coders are registered under names such as ``rules.plover.v1``.

The built-in coder registers itself the same way a plugin does, through the ``newsevents.coders``
entry-point group, so a user can install a package with their own coder (one backed by a local
LLM, say) and select it with ``--coder NAME`` without forking. A coder is a factory called with
the pipeline's resources that returns an object with ``name`` and
``code(doc, article, table, quotes, dates) -> list[Event]``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Protocol

from spacy.tokens import Doc

from newsevents.actors.table import ActorTable
from newsevents.errors import ConfigError
from newsevents.records import Article, DateRef, Event, Quote


class Coder(Protocol):
    name: str

    def code(
        self, doc: Doc, article: Article, table: ActorTable, quotes: list[Quote], dates: list[DateRef]
    ) -> list[Event]: ...


CoderFactory = Callable[..., Coder]

_CODERS: dict[str, CoderFactory] = {}


def register_coder(name: str) -> Callable[[CoderFactory], CoderFactory]:
    def decorate(factory: CoderFactory) -> CoderFactory:
        _CODERS[name] = factory
        return factory

    return decorate


def coder_names() -> list[str]:
    _load_entry_points()
    return sorted(_CODERS)


def make_coder(name: str, **resources: Any) -> Coder:
    _load_entry_points()
    factory = _CODERS.get(name)
    if factory is None:
        raise ConfigError(f"no coder named {name!r}; installed coders: {', '.join(sorted(_CODERS)) or 'none'}")
    return factory(**resources)


def _load_entry_points() -> None:
    for entry in entry_points(group="newsevents.coders"):
        if entry.name not in _CODERS:
            try:
                _CODERS[entry.name] = entry.load()
            except Exception as exc:  # a broken plugin must not break the built-in coders
                raise ConfigError(f"cannot load coder plugin {entry.name!r} ({entry.value}): {exc}") from exc
