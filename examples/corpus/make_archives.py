#!/usr/bin/env python3
"""Builds the demo corpus's archive files from the HTML kept in `sources/`.

    python3 examples/corpus/make_archives.py

writes, next to this script:

- crawl-halmark-floods.warc      WARC/1.0: warcinfo, one request, two responses
- crawl-mpa-fisheries.warc.gz    WARC/1.0, every record its own gzip member
- korvath-herald-fisheries.html.gz

The output is reproducible: record ids are UUIDv5 of fixed names, dates are fixed,
and gzip members carry mtime 0. Only the standard library is used.
The `.html.in` sources use an extension Parallax does not read, so the corpus
holds each article once.
"""

import base64
import gzip
import hashlib
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
NAMESPACE = uuid.UUID("6f1d6c1e-3c55-4c2e-9a57-0d3f2b7c9e10")


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


def sha1_digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC/1.0 record: header lines, a blank line, the block, two CRLFs."""
    lines = ["WARC/1.0"] + [f"{k}: {v}" for k, v in headers]
    lines.append(f"Content-Length: {len(block)}")
    head = "\r\n".join(lines).encode("utf-8") + b"\r\n\r\n"
    return head + block + b"\r\n\r\n"


def warcinfo(filename: str, date: str) -> bytes:
    fields = (
        "software: parallax-demo make_archives.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "description: Fictional pages for the Parallax demo corpus\r\n"
        "robots: obey\r\n"
    ).encode("utf-8")
    return warc_record(
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Date", date),
            ("WARC-Record-ID", record_id("warcinfo:" + filename)),
            ("WARC-Filename", filename),
            ("Content-Type", "application/warc-fields"),
        ],
        fields,
    )


def request(url: str, date: str, info_id: str) -> bytes:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    block = (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "User-Agent: parallax-demo-crawler/1.0\r\n"
        "Accept: text/html,application/xhtml+xml\r\n"
        "Accept-Encoding: identity\r\n"
        "\r\n"
    ).encode("ascii")
    return warc_record(
        [
            ("WARC-Type", "request"),
            ("WARC-Date", date),
            ("WARC-Record-ID", record_id("request:" + url)),
            ("WARC-Concurrent-To", record_id("response:" + url)),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-Target-URI", url),
            ("Content-Type", "application/http;msgtype=request"),
            ("WARC-Block-Digest", sha1_digest(block)),
        ],
        block,
    )


def response(url: str, date: str, http_date: str, info_id: str, body: bytes, charset: str) -> bytes:
    http_head = (
        "HTTP/1.1 200 OK\r\n"
        f"Date: {http_date}\r\n"
        "Server: nginx\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: max-age=300\r\n"
        "Connection: close\r\n"
        "\r\n"
    ).encode("ascii")
    block = http_head + body
    return warc_record(
        [
            ("WARC-Type", "response"),
            ("WARC-Date", date),
            ("WARC-Record-ID", record_id("response:" + url)),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-Target-URI", url),
            ("WARC-IP-Address", "192.0.2.10"),
            ("Content-Type", "application/http;msgtype=response"),
            ("WARC-Block-Digest", sha1_digest(block)),
            ("WARC-Payload-Digest", sha1_digest(body)),
        ],
        block,
    )


def source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def build_floods_warc() -> None:
    name = "crawl-halmark-floods.warc"
    info_id = record_id("warcinfo:" + name)
    courier = "https://www.halmarkcourier.example/news/2025/03/17/ostrel-floods-drenn"
    lbs = "https://www.lbs.example/en/a/halmark-floods-displace-1200/33918.html"
    records = [
        warcinfo(name, "2025-03-17T15:00:00Z"),
        request(courier, "2025-03-17T15:00:02Z", info_id),
        response(
            courier,
            "2025-03-17T15:00:02Z",
            "Mon, 17 Mar 2025 15:00:02 GMT",
            info_id,
            source("halmark-courier-floods.html.in").encode("utf-8"),
            "UTF-8",
        ),
        # Only the HTTP header names this page's charset: the body is Windows-1252.
        response(
            lbs,
            "2025-03-17T15:00:09Z",
            "Mon, 17 Mar 2025 15:00:09 GMT",
            info_id,
            source("lbs-floods.html.in").encode("windows-1252"),
            "windows-1252",
        ),
    ]
    (HERE / name).write_bytes(b"".join(records))


def build_fisheries_warc_gz() -> None:
    name = "crawl-mpa-fisheries.warc.gz"
    info_id = record_id("warcinfo:" + name)
    mpa = "https://www.meridianpress.example/en/economy/2025/04/23/valdoria-kestria-herring-quota"
    records = [
        warcinfo(name, "2025-04-23T17:30:00Z"),
        request(mpa, "2025-04-23T17:30:01Z", info_id),
        response(
            mpa,
            "2025-04-23T17:30:01Z",
            "Wed, 23 Apr 2025 17:30:01 GMT",
            info_id,
            source("mpa-fisheries.html.in").encode("utf-8"),
            "utf-8",
        ),
    ]
    (HERE / name).write_bytes(b"".join(gz(r) for r in records))


def build_html_gz() -> None:
    data = source("korvath-herald-fisheries.html.in").encode("utf-8")
    (HERE / "korvath-herald-fisheries.html.gz").write_bytes(gz(data))


if __name__ == "__main__":
    build_floods_warc()
    build_fisheries_warc_gz()
    build_html_gz()
