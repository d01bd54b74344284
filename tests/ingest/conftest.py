"""Fixtures for the reader tests: the data folder, and a writer for small WARC files."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"

# (target URI, HTTP status line, Content-Type, body) of each response record.
Page = tuple[str, str, str, bytes]

KENYA_PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kenya and Ethiopia sign water-sharing deal | Rift Daily</title>
<meta property="og:site_name" content="Rift Daily">
<meta property="article:published_time" content="2023-05-17T10:00:00+03:00"></head>
<body><nav><a href="/">Home</a> <a href="/region">Region</a></nav><article>
<h1>Kenya and Ethiopia sign water-sharing deal</h1>
<p>NAIROBI (RD) \xe2\x80\x94 Kenya and Ethiopia signed an agreement on Wednesday to share water from the Omo river, ending a dispute that had strained relations for a decade, officials said.</p>
<p>"This treaty protects the lake and the people who live around it," Kenyan Water Minister Alice Wahome said at the signing ceremony in Nairobi.</p>
<p>Ethiopia will release a minimum flow from its dams during the dry season under the deal.</p>
</article><footer>Copyright Rift Daily. Subscribe today.</footer></body></html>"""

CHILE_PAGE = (
    b"<html><head><title>Chile names new cabinet</title></head><body><article><h1>Chile names new cabinet</h1>"
    b"<p>SANTIAGO (AS) \x97 Chile\x92s president named a new cabinet on Monday, replacing six ministers after weeks "
    b"of street protests, the government said in a statement.</p><p>Former finance minister Ignacio Bri\xf1ones "
    b"was appointed to the interior ministry, which oversees the police.</p></article></body></html>"
)

CRAWL_PAGES: list[Page] = [
    ("https://riftdaily.example/region/kenya-ethiopia-water", "200 OK", "text/html; charset=utf-8", KENYA_PAGE),
    ("https://riftdaily.example/img/omo.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0fake-jpeg"),
    ("https://riftdaily.example/old-link", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
    ("https://riftdaily.example/moved", "301 Moved Permanently", "text/html", b""),
    ("https://andes.example/chile-cabinet", "200 OK", "text/html; charset=windows-1252", CHILE_PAGE),
]


def write_warc_file(path: Path, pages: Iterable[Page], *, gzip: bool = True) -> Path:
    """A WARC with a warcinfo record, a request before each response, and a metadata record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsevents tests"}))
    for uri, status, content_type, body in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", uri.split("/")[2])], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    writer.write_record(writer.create_warc_record("metadata:crawl", "metadata", payload=io.BytesIO(b"pages: done")))
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def write_warc() -> Callable[..., Path]:
    return write_warc_file
