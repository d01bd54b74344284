"""Which reader a file needs: by its suffix where that is unambiguous, else by its first bytes."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

from newsevents.ingest.decode import binary_kind
from newsevents.ingest.options import unreadable

# How much of a file the sniffer reads: enough for an XML prolog and a long <head>.
HEAD_BYTES = 8192

# A suffix that names its format is trusted: that reader gives the precise error when the content
# disagrees ("not a WARC file") instead of a vague one.
_SUFFIX_KINDS = (
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".rss", "feed"),
    (".atom", "feed"),
)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt", ".text", ".md")

_HTML_MARK = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


def read_head(path: Path) -> bytes:
    """The first bytes of a file, enough to tell its kind; InputError if it cannot be read."""
    try:
        with path.open("rb") as stream:
            return stream.read(HEAD_BYTES)
    except OSError as exc:
        raise unreadable(path, exc) from exc


def kind_for(name: str, head: bytes) -> str:
    """The kind of a file called ``name`` that starts with ``head``.

    One of ``text``, ``html``, ``jsonl``, ``feed``, ``warc`` (each has a reader), ``json``, ``gzip``
    or ``binary`` (refused, each with its own reason).
    """
    lower = name.lower()
    sniffed = sniff(head)
    for suffix, kind in _SUFFIX_KINDS:
        if lower.endswith(suffix):
            # Binary junk named .jsonl would otherwise be a failure for every "line" in it.
            return "binary" if sniffed == "binary" and kind != "warc" else kind
    if lower.endswith(_HTML_SUFFIXES):
        return "binary" if sniffed in ("binary", "gzip") else "html"
    if lower.endswith(_TEXT_SUFFIXES):
        # A ".txt" saved from a browser is often the page's HTML; it is never meant as JSON.
        return sniffed if sniffed in ("html", "binary", "gzip") else "text"
    return sniffed


def sniff(head: bytes) -> str:
    """The kind the first bytes of a file say it is."""
    if head.startswith(b"\x1f\x8b"):
        inner = sniff(_gunzip_head(head))
        return inner if inner in ("warc", "jsonl") else "gzip"
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if body.startswith(b"WARC/"):
        return "warc"  # before the binary test: a WARC's first records may hold images
    if binary_kind(head):
        return "binary"
    if body.startswith(b"{"):
        return "jsonl" if _first_line_is_object(body) else "json"
    if body.startswith(b"<"):
        if _HTML_MARK.search(body) and not _FEED_MARK.search(body[:512]):
            return "html"
        return "feed" if body.startswith(b"<?xml") or _FEED_MARK.search(body) else "html"
    return "html" if _HTML_MARK.search(body[:2048]) else "text"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def _first_line_is_object(body: bytes) -> bool:
    line = body.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A first line longer than the head cannot be checked here; its reader will say.
        return b"\n" not in body
