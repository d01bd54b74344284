"""The event store: one DuckDB file holding articles, everything extracted from them, and linked events.

DuckDB lets one process write a file and, while it does, no other process open it at all. The
store is therefore opened for short spells: ``newsevents ingest`` opens it for each batch of
results and closes it again, and ``Store.open`` waits (retrying with back-off up to ``timeout``
seconds) while another process holds the lock. A reader thus sees the store as of the last
committed batch, and never a half-written article: each article is written whole in one
transaction (a batch of whole articles shares one), so a crash or ``kill -9`` loses at most the
batch in flight, and the next run writes it again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa

from newsevents.errors import NotFoundError, StoreError
from newsevents.records import ArticleResult, RawDocument
from newsevents.store.arrow import fetch_arrow, insert_arrow, registered, scalar, table_schema
from newsevents.store.linking import LinkOptions, link_events
from newsevents.store.migrations import SCHEMA_VERSION, current_version, migrate
from newsevents.store.queries import EventFilter
from newsevents.store.rows import TABLES, Row, result_from_rows, result_rows

log = logging.getLogger(__name__)

FrameKind = Literal["pandas", "polars", "arrow"]
DEFAULT_DB = "newsevents.duckdb"
ENV_DB = "NEWSEVENTS_DB"
# Child tables written with each article, in the order they are read back.
CHILD_TABLES = ("paragraphs", "actors", "mentions", "quotes", "events", "sources_cited", "dates")
_ORDER = {"paragraphs": "idx", "actors": "rowid", "mentions": "rowid", "quotes": "rowid", "events": "rowid",
          "sources_cited": "rowid", "dates": "rowid", "article_urls": "added_at"}  # fmt: skip


def default_path() -> Path:
    """``$NEWSEVENTS_DB`` if set, else ``./newsevents.duckdb``."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


@lru_cache(maxsize=1)
def package_version() -> str:
    try:
        return version("newsevents")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


@dataclass(frozen=True, kw_only=True)
class SeenCopy:
    """Another copy of a stored story (same content hash): its address is added, nothing else."""

    content_hash: str
    url: str | None = None
    source: str | None = None
    origin: str = ""
    published: dt.date | None = None


def _is_lock_error(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def connect(path: Path, *, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, waiting while another process holds the file's lock."""
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            con.execute("SET enable_progress_bar = false")  # the library never prints
            return con
        except duckdb.Error as exc:
            if not _is_lock_error(exc) or time.monotonic() + delay > deadline:
                hint = f" (another process is using it; waited {timeout:g} s)" if _is_lock_error(exc) else ""
                raise StoreError(f"cannot open the store {path}{hint}: {exc}") from exc
            time.sleep(delay)
            delay = min(delay * 1.5, 0.1)  # short: readers hold the file for milliseconds


class Store:
    """Articles, their extractions and linked events in one DuckDB file."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool, link_options: LinkOptions
    ) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.link_options = link_options

    @classmethod
    def open(
        cls, path: str | Path | None = None, *, read_only: bool = False, timeout: float = 30.0,
        link_options: LinkOptions | None = None,
    ) -> Store:  # fmt: skip
        """Open (creating and migrating when writable) the store at ``path`` or the default path."""
        path = Path(path) if path is not None else default_path()
        if read_only and not path.exists():
            raise NotFoundError(f"no event store at {path}: create one with `newsevents ingest PATH`")
        if not read_only and path.parent and not path.parent.exists():
            raise StoreError(f"cannot create the store {path}: folder {path.parent} does not exist")
        con = connect(path, read_only=read_only, timeout=timeout)
        try:
            if read_only:
                found = current_version(con)
                if found != SCHEMA_VERSION:
                    raise StoreError(f"the store {path} has schema version {found}, not {SCHEMA_VERSION}: "
                                     "open it once for writing (e.g. `newsevents ingest`) to upgrade it")  # fmt: skip
            else:
                migrate(con)
        except BaseException:
            con.close()
            raise
        return cls(con, path, read_only=read_only, link_options=link_options or LinkOptions())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def write(self, result: ArticleResult) -> bool:
        """Store one article in one transaction; False when its content hash was already stored."""
        return self.write_many([result])[0]

    def write_many(
        self, results: Sequence[ArticleResult], *, copies: Iterable[SeenCopy] = (), replace: bool = False
    ) -> list[bool]:
        """Store whole articles in one transaction; for each, whether it was new.

        An article whose content hash is stored already only adds its address. With ``replace``,
        such an article's extractions are replaced instead (re-coding with a newer coder).
        """
        self._writable()
        now = dt.datetime.now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            stored = self._stored_ids([r.article.content_hash for r in results] + [c.content_hash for c in copies])
            if replace:
                self._drop_extractions(
                    [stored[r.article.content_hash] for r in results if r.article.content_hash in stored]
                )
            fresh, flags, extra = self._sort_out(results, stored, replace=replace)
            extra.extend(copies)
            self._insert(fresh, stored, replace=replace, now=now)
            self._add_urls(extra, {**stored, **{r.article.content_hash: i for i, r in fresh}}, now)
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot write {len(results)} article(s) to {self.path}: {exc}") from exc
        return flags

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only")

    def _stored_ids(self, hashes: list[str]) -> dict[str, str]:
        if not hashes:
            return {}
        with registered(self.con, "_hashes", pa.table({"h": pa.array(hashes, pa.string())})):
            rows = self.con.execute(
                "SELECT content_hash, id FROM articles WHERE content_hash IN (SELECT h FROM _hashes)"
            )
            return dict(rows.fetchall())

    def _sort_out(
        self, results: Sequence[ArticleResult], stored: dict[str, str], *, replace: bool
    ) -> tuple[list[tuple[str, ArticleResult]], list[bool], list[SeenCopy]]:
        """Split a batch into articles to insert (with their stored ids) and copies of known ones."""
        taken = self._taken_ids([r.article.id for r in results])
        fresh: list[tuple[str, ArticleResult]] = []
        flags: list[bool] = []
        copies: list[SeenCopy] = []
        seen: set[str] = set()
        for result in results:
            a = result.article
            if a.content_hash in seen or (a.content_hash in stored and not replace):
                copies.append(SeenCopy(content_hash=a.content_hash, url=a.url, source=a.source, origin=a.origin,
                                       published=a.published))  # fmt: skip
                flags.append(False)
                continue
            seen.add(a.content_hash)
            article_id = stored.get(a.content_hash) or a.id
            if a.content_hash not in stored and article_id in taken:
                # Two different stories under one name (index.html from two sites): keep both.
                article_id = f"{a.id}~{a.content_hash[:8]}"
            taken.add(article_id)
            fresh.append((article_id, result))
            flags.append(a.content_hash not in stored)
        return fresh, flags, copies

    def _taken_ids(self, ids: list[str]) -> set[str]:
        with registered(self.con, "_ids", pa.table({"id": pa.array(ids, pa.string())})):
            return {
                r[0] for r in self.con.execute("SELECT id FROM articles WHERE id IN (SELECT id FROM _ids)").fetchall()
            }

    def _insert(
        self, fresh: list[tuple[str, ArticleResult]], stored: dict[str, str], *, replace: bool, now: dt.datetime
    ) -> None:
        if not fresh:
            return
        tables: dict[str, list[Row]] = {name: [] for name in TABLES}
        for article_id, result in fresh:
            rows = result_rows(result, article_id=article_id, version=package_version(), now=now)
            if result.article.content_hash in stored:
                del rows["articles"], rows["article_urls"]  # replaced: the article row is updated below
                self._update_article(components=result.components, article_id=article_id)
            for name, items in rows.items():
                tables[name].extend(items)
        articles = {i: {"id": i, "source": r.article.source, "url": r.article.url} for i, r in fresh}
        link_events(self.con, tables["events"], articles, self.link_options)
        for name in TABLES:
            if tables[name]:
                insert_arrow(self.con, name, pa.Table.from_pylist(tables[name], schema=table_schema(self.con, name)))

    def _update_article(self, *, components: dict[str, str], article_id: str) -> None:
        self.con.execute(
            "UPDATE articles SET components = ?, newsevents_version = ? WHERE id = ?",
            [json.dumps(components, sort_keys=True), package_version(), article_id],
        )

    def _add_urls(self, copies: list[SeenCopy], ids: dict[str, str], now: dt.datetime) -> None:
        rows = [{"article_id": ids[c.content_hash], "url": c.url, "source": c.source, "origin": c.origin,
                 "published": c.published, "added_at": now} for c in copies if c.content_hash in ids]  # fmt: skip
        if not rows:
            return
        table = pa.Table.from_pylist(rows, schema=table_schema(self.con, "article_urls"))
        with registered(self.con, "_copies", table):
            # The same address seen again (a re-run) adds nothing; a new outlet or file adds a row.
            self.con.execute(
                "INSERT INTO article_urls SELECT DISTINCT ON (c.article_id, coalesce(c.url, c.origin)) c.* FROM _copies c "
                "WHERE NOT EXISTS (SELECT 1 FROM article_urls u WHERE u.article_id = c.article_id "
                "AND coalesce(u.url, u.origin) IS NOT DISTINCT FROM coalesce(c.url, c.origin))"
            )

    def _drop_extractions(self, article_ids: list[str]) -> None:
        """Delete what was extracted from these articles and correct the linked events they fed."""
        if not article_ids:
            return
        from newsevents.store.maintenance import drop_extractions

        drop_extractions(self.con, article_ids, CHILD_TABLES)

    # -- reading -----------------------------------------------------------------------------

    def known_hashes(self) -> set[str]:
        """Every stored content hash (ingest checks against these before any NLP)."""
        return {r[0] for r in self.con.execute("SELECT content_hash FROM articles").fetchall()}

    def article(self, article_id: str) -> ArticleResult:
        """The stored ArticleResult of one article; raises NotFoundError."""
        return self.articles([article_id])[0]

    def articles(self, article_ids: Sequence[str]) -> list[ArticleResult]:
        """Stored ArticleResults, in the order asked; raises NotFoundError for a missing id."""
        tables = {name: self._rows(name, article_ids) for name in ("articles", *CHILD_TABLES)}
        by_article: dict[str, dict[str, list[Row]]] = {i: {name: [] for name in tables} for i in article_ids}
        for name, rows in tables.items():
            for row in rows:
                by_article[row["id" if name == "articles" else "article_id"]][name].append(row)
        missing = [i for i in article_ids if not by_article[i]["articles"]]
        if missing:
            raise NotFoundError(f"no article {missing[0]!r} in {self.path}")
        return [result_from_rows(by_article[i]) for i in article_ids]

    def _rows(self, table: str, article_ids: Sequence[str]) -> list[Row]:
        key = "id" if table == "articles" else "article_id"
        order = "" if table == "articles" else f" ORDER BY {key}, {_ORDER[table]}"
        with registered(self.con, "_want", pa.table({"id": pa.array(list(article_ids), pa.string())})):
            sql = f"SELECT * FROM {table} WHERE {key} IN (SELECT id FROM _want){order}"
            return fetch_arrow(self.con, sql).to_pylist()

    def article_urls(self, article_id: str) -> list[Row]:
        """Every address the story was seen at, first one first."""
        return self._rows("article_urls", [article_id])

    def counts(self) -> dict[str, int]:
        """Rows per table: a quick picture of what the store holds."""
        out = {}
        for name in (*TABLES, "linked_events"):
            out[name] = int(scalar(self.con, f"SELECT count(*) FROM {name}"))
        return out

    def query(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run one parameterised query and return an Arrow table."""
        return fetch_arrow(self.con, sql, params)

    def iter_documents(self, *, chunk: int = 500) -> Iterator[RawDocument]:
        """Stored articles as documents again (their cleaned text), to re-extract them with a newer coder."""
        ids = [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY ingested_at, id").fetchall()]
        for start in range(0, len(ids), chunk):
            for row in self._rows("articles", ids[start : start + chunk]):
                yield RawDocument(id=row["id"], content=row["text"], origin=row["origin"] or row["id"], url=row["url"],
                                  title=row["title"], published=row["published"], source=row["source"])  # fmt: skip

    # -- frames ------------------------------------------------------------------------------

    def events_frame(self, f: EventFilter | None = None, *, mentions: bool = False, limit: int = 1_000_000_000,
                     kind: FrameKind = "pandas") -> Any:  # fmt: skip
        """Linked events (or mentions) as a pandas or polars DataFrame (or an Arrow table)."""
        from newsevents.store import queries

        return to_frame(queries.events(self.con, f or EventFilter(), mentions=mentions, limit=limit), kind)

    def timeline_frame(self, f: EventFilter | None = None, *, by: str = "month", mentions: bool = False,
                       kind: FrameKind = "pandas") -> Any:  # fmt: skip
        """Counts and Goldstein sums per period and category (long form) as a DataFrame."""
        from newsevents.store import queries

        return to_frame(queries.timeline(self.con, f or EventFilter(), by=by, mentions=mentions), kind)

    def table_frame(self, table: str, *, kind: FrameKind = "pandas") -> Any:
        """A whole stored table as a DataFrame."""
        if table not in (*TABLES, "linked_events"):
            raise NotFoundError(f"no table {table!r}; tables: {', '.join((*TABLES, 'linked_events'))}")
        return to_frame(fetch_arrow(self.con, f"SELECT * FROM {table}"), kind)


def to_frame(table: pa.Table, kind: FrameKind) -> Any:
    """An Arrow table as pandas (``pip install newsevents[frames]``), polars, or left as Arrow."""
    if kind == "arrow":
        return table
    if kind == "polars":
        try:
            import polars
        except ImportError as exc:
            raise StoreError("polars is not installed: pip install polars") from exc
        return polars.from_arrow(table)
    try:
        import pandas  # noqa: F401 (to_pandas needs it; a clear message beats pyarrow's)
    except ImportError as exc:
        raise StoreError("pandas is not installed: pip install 'newsevents[frames]'") from exc
    return table.to_pandas()
