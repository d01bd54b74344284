"""The event store: DuckDB schema and migrations, writing results, linking events, queries and exports.

from newsevents.store import Store, EventFilter
with Store.open("news.duckdb", read_only=True) as store:
    frame = store.events_frame(EventFilter(dyad=("USA", "IRN"), undirected=True))
"""

from newsevents.store.linking import LinkOptions
from newsevents.store.migrations import SCHEMA_VERSION
from newsevents.store.queries import EventFilter, QuoteFilter
from newsevents.store.store import DEFAULT_DB, ENV_DB, SeenCopy, Store, default_path

__all__ = [
    "DEFAULT_DB",
    "ENV_DB",
    "SCHEMA_VERSION",
    "EventFilter",
    "LinkOptions",
    "QuoteFilter",
    "SeenCopy",
    "Store",
    "default_path",
]
