"""Find input files and dispatch each to the reader for its kind."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import InputError
from newsevents.records import Failure, RawDocument

# Larger inputs are refused rather than read whole: a single news article is rarely over 1 MB,
# and a 50 MB "article" is almost always a dump that should be split (JSON Lines, WARC).
MAX_DOCUMENT_BYTES = 5_000_000

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """Metadata the user gives on the command line; it wins over what the document says."""

    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    max_bytes: int = MAX_DOCUMENT_BYTES


def iter_documents(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[RawDocument | Failure]:
    """Every document under ``paths`` (files, folders, globs), in a stable order."""
    options = options or ReadOptions()
    for path in _expand(paths):
        if isinstance(path, Failure):
            yield path
            continue
        try:
            yield read_file(path, options)
        except InputError as exc:
            yield Failure(origin=exc.origin, message=exc.problem, document_id=path.stem)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _readable_suffix(p))
        elif path.is_file():
            yield path
        elif any(ch in str(raw) for ch in "*?["):
            matches = sorted(p for p in Path().glob(str(raw)) if p.is_file())
            if not matches:
                yield Failure(origin=str(raw), message="no file matches this pattern")
            yield from matches
        else:
            yield Failure(origin=str(raw), message="no such file or directory")


def _readable_suffix(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(".gold.json"):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES


def read_file(path: Path, options: ReadOptions) -> RawDocument:
    """One text or HTML file as a RawDocument; raises InputError naming the file."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(origin, f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit for one article")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot read file: {exc.strerror or exc}") from exc
    media_type = "text/html" if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(data) else "text/plain"
    text = decode(data, origin)
    return RawDocument(
        id=path.stem,
        content=text,
        media_type=media_type,
        origin=origin,
        url=options.url,
        published=options.published,
        source=options.source,
    )


def read_stdin(options: ReadOptions | None = None) -> RawDocument:
    """The whole of standard input as one document, its id a hash of the text."""
    options = options or ReadOptions()
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError("<stdin>", f"input is over the {options.max_bytes / 1e6:.0f} MB limit for one article")
    text = decode(data, "<stdin>")
    doc_id = "stdin-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    media_type = "text/html" if _looks_like_html(data) else "text/plain"
    return RawDocument(
        id=doc_id, content=text, media_type=media_type, origin="<stdin>",
        url=options.url, published=options.published, source=options.source,
    )  # fmt: skip


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text with universal newlines, or an InputError saying why not."""
    if not data.strip():
        raise InputError(origin, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(origin, "file is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            origin, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it with iconv first"
        ) from exc
    # The same newline handling as Path.read_text, so offsets agree with what other tools read.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head
