"""Bytes to text: strict for plain text, lenient the way browsers are for HTML.

Plain text is UTF-8. When it is not, and the bytes are *clearly* Windows-1252 (the usual encoding
of English text saved on Windows or exported from old wire archives: curly quotes are 0x93/0x94,
dashes 0x96/0x97), it is read as Windows-1252 with a logged warning. "Clearly" means: no valid
UTF-8 multi-byte sequence anywhere (so this is not damaged UTF-8, which would turn into
mojibake), no byte that Windows-1252 leaves undefined, and no control characters. Windows-1252
is a superset of Latin-1's printable characters, so Latin-1 text reads correctly too. Anything
else is refused with the byte and its offset, because a wrong guess would silently corrupt names,
and names are what the actor stage matches.

HTML declares its encoding (a BOM, the HTTP header, ``<meta charset>``); without one, browsers
fall back to Windows-1252, and so do we, replacing undecodable bytes rather than failing a page.
"""

from __future__ import annotations

import codecs
import logging
import re

from newsevents.errors import InputError

log = logging.getLogger(__name__)

# Magic numbers of files people drop into a folder of articles by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# A complete UTF-8 multi-byte character; in Windows-1252 text these byte pairs are mojibake ("Ã©").
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252 by every browser.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}

UNKNOWN_KIND = "not a text, HTML, JSON Lines, feed or WARC file"


def binary_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is, when that is binary; None for text."""
    if head.startswith(_UTF16_BOMS):
        return None
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in head:
        return "binary data, with NUL bytes"
    # More than one control character in ten: no text editor wrote this.
    if head and len(_CONTROL.findall(head)) * 10 > len(head):
        return "binary data"
    return None


def universal_newlines(text: str) -> str:
    """The newline handling of ``Path.read_text``, so offsets agree with what other tools read."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, origin: str) -> str:
    """Plain text, UTF-8 (or clearly Windows-1252), with universal newlines; InputError if not."""
    _check_text_like(data, origin)
    if data.startswith(_UTF16_BOMS):
        text = _decode_utf16(data, origin)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _windows_1252(data, origin, exc)
    if not text.strip():
        raise InputError(origin, "file holds only whitespace")
    return universal_newlines(text)


def decode_html(data: bytes, origin: str, *, charset: str | None = None) -> str:
    """An HTML page as text, in the encoding it declares (``charset`` is the HTTP header's)."""
    _check_text_like(data, origin)
    if data.startswith(codecs.BOM_UTF8):
        return universal_newlines(data[3:].decode("utf-8", errors="replace"))
    if data.startswith(_UTF16_BOMS):
        return universal_newlines(_decode_utf16(data, origin))
    meta = _META_CHARSET.search(data[:4096])
    for label in (charset, meta and meta.group(1).decode("ascii", "replace")):
        if label and (codec := _codec(label)):
            return universal_newlines(data.decode(codec, errors="replace"))
    try:
        return universal_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        log.debug("%s: HTML declares no encoding and is not UTF-8; reading it as Windows-1252", origin)
        return universal_newlines(data.decode("cp1252", errors="replace"))


def _check_text_like(data: bytes, origin: str) -> None:
    if not data:
        raise InputError(origin, "file is empty")
    if not data.strip():
        raise InputError(origin, "file holds only whitespace")
    found = binary_kind(data[:8192])
    if found:
        raise InputError(origin, f"{UNKNOWN_KIND} (it looks like {found})")


def _decode_utf16(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not valid UTF-16 (at byte offset {exc.start})") from exc


def _windows_1252(data: bytes, origin: str, exc: UnicodeDecodeError) -> str:
    if not (_UTF8_MULTIBYTE.search(data) or _CP1252_UNDEFINED.search(data) or _CONTROL.search(data)):
        log.warning("%s: not UTF-8; read as Windows-1252 (convert it with iconv to silence this)", origin)
        return data.decode("cp1252")
    line = data.count(b"\n", 0, exc.start) + 1
    raise InputError(
        origin,
        f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (line {line}); "
        "convert it with iconv -f <encoding> -t utf-8",
    ) from exc


def _codec(label: str) -> str | None:
    name = _CHARSET_ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
