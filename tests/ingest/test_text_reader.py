"""Plain-text and HTML files, and standard input: one article each, with the offsets contract."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest import ReadOptions, iter_documents, read_stdin
from newsevents.ingest.decode import decode_text
from newsevents.records import Failure, RawDocument


def only(path: Path, options: ReadOptions | None = None) -> RawDocument:
    [item] = list(iter_documents([path], options))
    assert isinstance(item, RawDocument), item
    return item


def test_text_file_is_one_plain_document_named_by_its_stem(data: Path) -> None:
    doc = only(data / "wire-ceasefire.txt")
    assert (doc.id, doc.media_type, doc.origin) == ("wire-ceasefire", "text/plain", str(data / "wire-ceasefire.txt"))
    assert doc.content == (data / "wire-ceasefire.txt").read_text(encoding="utf-8")
    assert doc.published is None and doc.url is None and doc.source is None


def test_crlf_file_reads_as_path_read_text_does(data: Path) -> None:
    raw = (data / "wire-crlf.txt").read_bytes()
    assert b"\r\n" in raw, "the fixture must keep its CRLF line endings (see .gitattributes)"
    doc = only(data / "wire-crlf.txt")
    assert doc.content == (data / "wire-crlf.txt").read_text(encoding="utf-8")
    assert "\r" not in doc.content


def test_offsets_into_crlf_text_point_at_the_same_words(data: Path) -> None:
    doc = only(data / "wire-crlf.txt")
    start = doc.content.index("ROTTERDAM")
    assert doc.content[start : start + len("ROTTERDAM (Meridian)")] == "ROTTERDAM (Meridian)"
    # Every line of the decoded text is a line of the file, in order, without its CR.
    assert doc.content.split("\n") == raw_lines(data / "wire-crlf.txt")


def raw_lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")


def test_lone_carriage_returns_are_newlines_too(tmp_path: Path) -> None:
    path = tmp_path / "old-mac.txt"
    path.write_bytes(b"Headline here now\rBy A Reporter\r\rBody text of the story.\r")
    assert (
        only(path).content
        == path.read_text(encoding="utf-8")
        == "Headline here now\nBy A Reporter\n\nBody text of the story.\n"
    )


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfKYIV (Meridian) \xe2\x80\x94 Talks resumed.\n")
    assert only(path).content == path.read_text(encoding="utf-8-sig") == "KYIV (Meridian) — Talks resumed.\n"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("LIMA (Meridian) — Congress voted.\r\n".encode("utf-16"))
    assert only(path).content == "LIMA (Meridian) — Congress voted.\n"


def test_clearly_windows_1252_text_is_read_with_a_warning(data: Path, caplog: pytest.LogCaptureFixture) -> None:
    doc = only(data / "wire-windows1252.txt")
    assert doc.content.startswith("Minister resigns over “leaked” budget memo\nBy José Alvarez")
    assert "MADRID (Meridian) — Spain’s budget minister" in doc.content
    assert "read as Windows-1252" in caplog.text and "wire-windows1252.txt" in caplog.text


def test_damaged_utf8_is_refused_naming_the_byte_and_offset(data: Path) -> None:
    [failure] = list(iter_documents([data / "bad" / "damaged-utf8.txt"]))
    assert isinstance(failure, Failure)
    raw = (data / "bad" / "damaged-utf8.txt").read_bytes()
    offset = raw.index(b"\x93")
    assert failure.message.startswith(f"not valid UTF-8: byte 0x93 at offset {offset} (line 3)")
    assert failure.origin == str(data / "bad" / "damaged-utf8.txt") and failure.document_id == "damaged-utf8"


def test_bytes_windows_1252_leaves_undefined_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Plain words and then \x81 a byte no encoding we guess at uses.\n")
    [failure] = list(iter_documents([path]))
    assert isinstance(failure, Failure) and "byte 0x81 at offset 21" in failure.message


def test_html_file_is_left_whole_for_the_clean_stage(data: Path) -> None:
    doc = only(data / "page-grain-corridor.html")
    assert doc.media_type == "text/html" and doc.id == "page-grain-corridor"
    assert doc.content.startswith("<!DOCTYPE html>")


def test_text_file_holding_a_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text("<!doctype html><html><body><p>Story.</p></body></html>", encoding="utf-8")
    assert only(path).media_type == "text/html"


def test_html_charset_declared_in_meta_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(
        b'<html><head><meta charset="iso-8859-1"></head><body><p>Bri\xf1ones said \x93no\x94.</p></body></html>'
    )
    assert "Briñones said “no”." in only(path).content


def test_stdin_is_one_document_with_a_hash_id(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "ANKARA (Meridian) — Turkey and Greece agreed on Monday to resume talks.\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    doc = read_stdin(ReadOptions(source="Meridian"))
    assert doc.id.startswith("stdin-") and len(doc.id) == len("stdin-") + 12
    assert (doc.content, doc.origin, doc.source, doc.media_type) == (
        text.replace("\r\n", "\n"),
        "<stdin>",
        "Meridian",
        "text/plain",
    )


def test_stdin_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 2000)))
    with pytest.raises(InputError, match=r"<stdin>: input is over the 0.001 MB limit"):
        read_stdin(ReadOptions(max_bytes=1000))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1).filter(str.strip))
def test_decoded_text_equals_read_text_for_any_utf8(text: str) -> None:
    data = text.encode("utf-8")
    expected = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline=None).read()
    if not expected.strip():
        return
    try:
        decoded = decode_text(data, "t.txt")
    except InputError as exc:
        # Text full of control characters is refused as binary; nothing else may be.
        assert "binary" in exc.problem
        return
    assert decoded == expected
