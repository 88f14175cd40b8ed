"""A local test web site: real pages (German and English articles, feeds, listings, sitemaps)
plus paths that misbehave on purpose. In-process, threaded, on 127.0.0.1 with an ephemeral port.

Use from any test module:

    # tests/conftest.py (the lead's) -- either line works:
    from http_site import http_site, http_site_server  # noqa: F401  (tests/ is on sys.path)
    pytest_plugins = ["http_site"]

    def test_something(http_site):
        url = http_site.url("/feeds/rss.xml")
        ...
        assert "/private/secret.html" not in http_site.paths()

`http_site_server` is session-scoped (one server for the whole run); `http_site` is the same
server with its request log, per-path counters and robots.txt settings reset for each test.
HttpSite offers url(path), base_url, port, paths(), count(path), requests_to(path) (method,
path, query, lower-cased headers, client_port, bytes_sent, client_gave_up, finished event),
and the settable robots_txt / robots_status (e.g. 404 or 503) for the current test.

Static pages live in pages/; the text `{{BASE}}` in them is replaced by the server's base URL
(sitemaps and some feeds need absolute URLs). Misbehaving paths are listed in MISBEHAVIOURS.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

PAGES_DIR = Path(__file__).parent / "pages"
HUGE_BODY_BYTES = 40 * 1024 * 1024
HUGE_CHUNK_BYTES = 64 * 1024
GZIP_BOMB_BYTES = 50_000_000
CONDITIONAL_ETAG = '"v1-5f3a"'
CONDITIONAL_LAST_MODIFIED = "Wed, 25 Nov 2026 07:28:00 GMT"
DEFAULT_ROBOTS_TXT = "User-agent: *\nDisallow: /private/\n"
# "Größe: 1,5 GW – Ärger" in latin-1, served with a header that claims utf-8
LATIN1_BODY = "<html><body><p>Größe: 1,5 GW, Ärger über Preise</p></body></html>".encode("latin-1")
PDF_BODY = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
FEED_CONTENT_TYPES = {
    "/feeds/rss.xml": "application/rss+xml; charset=utf-8",
    "/feeds/atom.xml": "application/atom+xml; charset=utf-8",
    "/feeds/rdf.xml": "application/rdf+xml; charset=utf-8",
}

MISBEHAVIOURS = {
    "/misbehave/flaky-500": "500 on the first request, 200 afterwards",
    "/misbehave/always-500": "500 every time",
    "/misbehave/rate-limited": "429 with Retry-After: 1 on the first request, 200 afterwards",
    "/misbehave/rate-limited-date": "429 with Retry-After as an HTTP date 2 minutes ahead, then 200",
    "/misbehave/slow?seconds=N": "waits N seconds (default 2) before answering",
    "/misbehave/trickle": "sends a 200 body one byte every 0.2 s",
    "/misbehave/slow-headers?interval=S&lines=N": "the status line, then one header line every S seconds (0.5), N lines (40)",
    "/misbehave/endless-feed?items=N&delay=S&bad=1": "RSS listing N items (10,000) at /misbehave/item/<n>?delay=S; "
                                                   "bad=1 adds javascript:, file:, link-less and repeated items",
    "/misbehave/item/<n>?delay=S": "a short English article page, after S seconds (0)",
    "/misbehave/bad-utf8": "a utf-8 page with curly quotes and a few invalid bytes, declared utf-8",
    "/misbehave/template": "an article whose <template> elements hold text no reader sees",
    "/feeds/odd-pages.xml": "a feed of the two pages above",
    "/misbehave/reset": "closes the socket with a TCP reset, no response",
    "/misbehave/reset-once": "reset on the first request, 200 afterwards",
    "/misbehave/loop-a": "302 -> loop-b -> loop-a ...",
    "/misbehave/chain/N": "N redirects in a row, then 200",
    "/misbehave/huge": "40 MiB body, generated while sending",
    "/misbehave/latin1": "latin-1 bytes under a 'charset=utf-8' header",
    "/misbehave/chunked-gzip": "a German article, gzip Content-Encoding, chunked Transfer-Encoding",
    "/misbehave/gzip-bomb": "50 MB of zeros as a ~50 kB gzip Content-Encoding body",
    "/misbehave/to-ftp": "302 to an ftp:// URL",
    "/misbehave/to-private": "302 to a path robots.txt disallows",
    "/misbehave/no-location": "302 without a Location header",
    "/conditional/article.html": "ETag + Last-Modified; 304 when either validator matches",
    "/conditional/feed.xml": "the RSS feed, with the same validators",
    "/docs/report.pdf": "PDF bytes, application/pdf",
}


@dataclass
class RecordedRequest:
    """One request as the server saw it. headers has lower-case names."""

    method: str
    path: str  # without the query string
    query: str
    headers: dict[str, str]
    client_port: int = 0  # the same port twice in a row means a reused (pooled) connection
    bytes_sent: int = 0  # body bytes written (so far, for streamed bodies)
    finished: threading.Event = field(default_factory=threading.Event)
    client_gave_up: bool = False  # the client closed the connection before the body was done


class HttpSite:
    """The running server plus what it has seen."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.requests: list[RecordedRequest] = []
        self._hits: dict[str, int] = {}
        self.robots_status = 200
        self.robots_txt = DEFAULT_ROBOTS_TXT
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="http_site", daemon=True)
        self._thread.start()

    # --- for tests -----------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base_url + path

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def count(self, path: str) -> int:
        return self.paths().count(path)

    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def reset(self) -> None:
        """Forget requests and counters; restore the default robots.txt."""
        with self._lock:
            self.requests.clear()
            self._hits.clear()
        self.robots_status = 200
        self.robots_txt = DEFAULT_ROBOTS_TXT

    def stop(self) -> None:
        self._stop.set()  # wakes handlers that sleep on purpose
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # --- used by the handler ---------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> int:
        """Log the request; return how many times this path was hit (1 for the first)."""
        with self._lock:
            self.requests.append(request)
            self._hits[request.path] = self._hits.get(request.path, 0) + 1
            return self._hits[request.path]

    def _wait(self, seconds: float) -> None:
        self._stop.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler sleeping on purpose must not hold up shutdown
    allow_reuse_address = True
    site: HttpSite


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client's connection pool is exercised
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet test output

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, OSError):
            pass  # the client hung up (timeouts, truncation tests): expected here

    def finish(self) -> None:
        try:
            super().finish()
        except (ConnectionError, OSError, ValueError):
            pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        site = self.server.site
        parts = urlsplit(self.path)
        record = RecordedRequest(
            method="GET",
            path=parts.path,
            query=parts.query,
            headers={name.lower(): value for name, value in self.headers.items()},
            client_port=self.client_address[1],
        )
        hit = site._record(record)
        try:
            self._dispatch(site, record, parts.path, parse_qs(parts.query), hit)
        except (ConnectionError, OSError):
            record.client_gave_up = True
            raise
        finally:
            record.finished.set()

    # --- routing -------------------------------------------------------------------------

    def _dispatch(self, site: HttpSite, record: RecordedRequest, path: str, query: dict, hit: int) -> None:
        if path == "/robots.txt":
            if site.robots_status != 200:
                return self._send(record, site.robots_status, b"robots unavailable", "text/plain")
            return self._send(record, 200, site.robots_txt.encode(), "text/plain; charset=utf-8")
        if path == "/misbehave/flaky-500":
            if hit == 1:
                return self._send(record, 500, b"temporary failure", "text/plain")
            return self._send(record, 200, b"<html><body>recovered</body></html>", "text/html; charset=utf-8")
        if path == "/misbehave/always-500":
            return self._send(record, 500, b"broken", "text/plain")
        if path == "/misbehave/rate-limited":
            if hit == 1:
                return self._send(record, 429, b"slow down", "text/plain", {"Retry-After": "1"})
            return self._send(record, 200, b"<html><body>welcome back</body></html>", "text/html; charset=utf-8")
        if path == "/misbehave/rate-limited-date":
            if hit == 1:
                later = email.utils.formatdate(time.time() + 120, usegmt=True)
                return self._send(record, 429, b"slow down", "text/plain", {"Retry-After": later})
            return self._send(record, 200, b"<html><body>ok</body></html>", "text/html; charset=utf-8")
        if path == "/misbehave/slow":
            site._wait(float(query.get("seconds", ["2"])[0]))
            return self._send(record, 200, b"<html><body>too late</body></html>", "text/html; charset=utf-8")
        if path == "/misbehave/trickle":
            return self._trickle(site, record)
        if path == "/misbehave/slow-headers":
            return self._slow_headers(site, record, float(query.get("interval", ["0.5"])[0]),
                                      int(query.get("lines", ["40"])[0]))
        if path == "/misbehave/endless-feed":
            return self._endless_feed(site, record, int(query.get("items", ["10000"])[0]),
                                      query.get("delay", ["0"])[0], query.get("bad", ["0"])[0] == "1")
        if path.startswith("/misbehave/item/"):
            site._wait(float(query.get("delay", ["0"])[0]))
            return self._send(record, 200, _item_page(path.rsplit("/", 1)[1]), "text/html; charset=utf-8")
        if path == "/misbehave/bad-utf8":
            return self._send(record, 200, BAD_UTF8_BODY, "text/html; charset=utf-8")
        if path == "/misbehave/template":
            return self._send(record, 200, TEMPLATE_BODY, "text/html; charset=utf-8")
        if path == "/misbehave/reset" or (path == "/misbehave/reset-once" and hit == 1):
            return self._reset_connection()
        if path == "/misbehave/reset-once":
            return self._send(record, 200, b"<html><body>second time lucky</body></html>", "text/html; charset=utf-8")
        if path == "/misbehave/loop-a":
            return self._redirect(record, "/misbehave/loop-b")
        if path == "/misbehave/loop-b":
            return self._redirect(record, "/misbehave/loop-a")
        if path.startswith("/misbehave/chain/"):
            remaining = int(path.rsplit("/", 1)[1])
            if remaining > 0:
                return self._redirect(record, f"/misbehave/chain/{remaining - 1}", status=301)
            return self._send(record, 200, b"<html><body>end of chain</body></html>", "text/html; charset=utf-8")
        if path == "/misbehave/huge":
            return self._huge(record)
        if path == "/misbehave/chunked-gzip":
            return self._chunked_gzip(record)
        if path == "/misbehave/gzip-bomb":
            return self._send(record, 200, _gzip_bomb(), "text/html", {"Content-Encoding": "gzip"})
        if path == "/misbehave/latin1":
            return self._send(record, 200, LATIN1_BODY, "text/html; charset=utf-8")
        if path == "/misbehave/to-ftp":
            return self._redirect(record, "ftp://127.0.0.1/pub/file.txt")
        if path == "/misbehave/to-private":
            return self._redirect(record, "/private/secret.html")
        if path == "/misbehave/no-location":
            return self._send(record, 302, b"", "text/plain")
        if path == "/conditional/article.html":
            return self._conditional(site, record, "articles/en/tpu-deal.html", "text/html; charset=utf-8")
        if path == "/conditional/feed.xml":
            return self._conditional(site, record, "feeds/rss.xml", "application/rss+xml; charset=utf-8")
        if path == "/docs/report.pdf":
            return self._send(record, 200, PDF_BODY, "application/pdf")
        return self._static(site, record, path)

    def _static(self, site: HttpSite, record: RecordedRequest, path: str) -> None:
        relative = "index.html" if path in ("/", "") else path.lstrip("/")
        if relative.endswith("/"):
            relative += "index.html"
        file = (PAGES_DIR / relative).resolve()
        if PAGES_DIR.resolve() not in file.parents or not file.is_file():
            return self._send(record, 404, b"<html><body>not found</body></html>", "text/html; charset=utf-8")
        body = file.read_bytes().replace(b"{{BASE}}", site.base_url.encode())
        content_type = FEED_CONTENT_TYPES.get(path) or CONTENT_TYPES.get(file.suffix, "application/octet-stream")
        return self._send(record, 200, body, content_type)

    # --- responses -----------------------------------------------------------------------

    def _send(
        self, record: RecordedRequest, status: int, body: bytes, content_type: str, headers: dict | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        record.bytes_sent += len(body)

    def _redirect(self, record: RecordedRequest, location: str, status: int = 302) -> None:
        self._send(record, status, b"", "text/plain", {"Location": location})

    def _conditional(self, site: HttpSite, record: RecordedRequest, page: str, content_type: str) -> None:
        validators = {"ETag": CONDITIONAL_ETAG, "Last-Modified": CONDITIONAL_LAST_MODIFIED}
        if (
            self.headers.get("If-None-Match") == CONDITIONAL_ETAG
            or self.headers.get("If-Modified-Since") == CONDITIONAL_LAST_MODIFIED
        ):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        body = (PAGES_DIR / page).read_bytes().replace(b"{{BASE}}", site.base_url.encode())
        self._send(record, 200, body, content_type, validators)

    def _huge(self, record: RecordedRequest) -> None:
        # generated while sending: the test process never holds 40 MiB on either side
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_BODY_BYTES))
        self.end_headers()
        chunk = b"<p>" + b"x" * (HUGE_CHUNK_BYTES - 7) + b"</p>\n"
        sent = 0
        while sent < HUGE_BODY_BYTES:
            piece = chunk[: HUGE_BODY_BYTES - sent]
            self.wfile.write(piece)
            sent += len(piece)
            record.bytes_sent = sent

    def _chunked_gzip(self, record: RecordedRequest) -> None:
        # how most real news sites answer: compressed, length unknown up front
        compressed = gzip.compress((PAGES_DIR / "articles/de/rechenzentrum-gigawatt.html").read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(compressed), 100):
            piece = compressed[start : start + 100]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            record.bytes_sent += len(piece)
        self.wfile.write(b"0\r\n\r\n")

    def _trickle(self, site: HttpSite, record: RecordedRequest) -> None:
        body = b"<html><body>" + b"." * 50 + b"</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for byte in body:
            if site._stop.is_set():
                return
            self.wfile.write(bytes([byte]))
            record.bytes_sent += 1
            site._wait(0.2)

    def _slow_headers(self, site: HttpSite, record: RecordedRequest, interval: float, lines: int) -> None:
        # every line arrives well within any read timeout; only a deadline on the whole request stops it
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for number in range(lines):
            if site._stop.is_set():
                return
            site._wait(interval)
            self.wfile.write(b"X-Slow-%d: patience\r\n" % number)
        body = b"<html><body><p>finally</p></body></html>"
        self.wfile.write(b"Content-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        record.bytes_sent += len(body)

    def _endless_feed(self, site: HttpSite, record: RecordedRequest, items: int, delay: str, bad: bool) -> None:
        base = site.base_url
        entries = []
        if bad:
            entries += [
                "<item><title>script</title><link>javascript:alert(1)</link></item>",
                "<item><title>local</title><link>file:///etc/passwd</link></item>",
                "<item><title>no link at all</title></item>",
                f"<item><link>{base}/misbehave/item/0?delay={delay}</link></item>",  # repeated below
            ]
        entries += [f"<item><link>{base}/misbehave/item/{n}?delay={delay}</link></item>" for n in range(items)]
        body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
                f"<link>{base}/</link>{''.join(entries)}</channel></rss>").encode()
        self._send(record, 200, body, "application/rss+xml; charset=utf-8")

    def _reset_connection(self) -> None:
        # SO_LINGER with timeout 0 makes close() send a TCP RST instead of a polite FIN
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


def _item_page(number: str) -> bytes:
    return (f"<html lang='en'><head><title>Item {number}</title></head><body><article><h1>Item {number}</h1>"
            f"<p>Item {number} of an endless feed: a cloud provider reports more data centre capacity, "
            "with no deal named.</p></article></body></html>").encode()


# Curly quotes and dashes as valid utf-8, and three bytes that are not utf-8 at all
BAD_UTF8_BODY = (
    "<html lang='en'><head><title>Cloud contract</title></head><body><article><h1>Cloud contract</h1>"
    "<p>Nordwind Cloud said it will supply “up to 2 gigawatts” of capacity to Beispiel AI – a deal worth "
    "$9bn – starting in 2027, the company’s chief executive said on Tuesday.</p>".encode()
    + b"<p>Caf\xe9 owners near the site were not asked \xff\xfe.</p></article></body></html>"
)
TEMPLATE_BODY = (
    "<html lang='en'><head><title>Template page</title></head><body><article><h1>Template page</h1>"
    "<p>Nordwind Cloud said it will supply two gigawatts of capacity to Beispiel AI from 2027, in a "
    "contract the companies described as their largest so far.</p>"
    "<template id='teaser'><p>Hidden teaser: win a gigawatt in our reader contest.</p></template>"
    "<p>The capacity will come from new sites in Norway and Finland, the company said.</p>"
    "</article></body></html>"
).encode()


@functools.cache
def _gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * GZIP_BOMB_BYTES, compresslevel=9)


@pytest.fixture(scope="session")
def http_site_server():
    """One local site for the whole test session."""
    site = HttpSite()
    yield site
    site.stop()


@pytest.fixture
def http_site(http_site_server: HttpSite) -> HttpSite:
    """The local site with a clean request log, counters and default robots.txt."""
    http_site_server.reset()
    return http_site_server
