"""tracer.fetch against local servers on 127.0.0.1 (pytest-httpserver, plus a raw socket
server for misbehaving peers: truncated, dribbling, gzip bombs)."""

from __future__ import annotations

import functools
import gzip
import socket
import threading
import time

import pytest
from pytest_httpserver import HTTPServer

from tracer import fetch
from tracer.errors import FetchError
from tracer.fetch import Fetcher, retry_after_seconds
from tracer.settings import Settings

HTML = b"<html><head><title>T</title></head><body><p>Hello world.</p></body></html>"


def settings(**kw) -> Settings:
    base = dict(allow_private=True, host_delay=0.0, retries=2, backoff=0.01, timeout=1.0,
                total_timeout=2.0, max_retry_after=5.0, contact_url="https://example.org/contact")
    base.update(kw)
    return Settings(**base)


def fetcher(**kw) -> tuple[Fetcher, list[float]]:
    sleeps: list[float] = []
    return Fetcher(settings(**kw), sleep=sleeps.append), sleeps


class RawServer:
    """Accepts connections on 127.0.0.1 and runs ``handler(conn)`` for each, in a thread."""

    def __init__(self, handler):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.handler = handler
        self.sent = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def url(self, path="/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            self.handler(self, conn)
        except OSError:
            pass
        finally:
            conn.close()

    def send(self, conn, data: bytes):
        conn.sendall(data)
        self.sent += len(data)

    def close(self):
        self.sock.close()


@pytest.fixture
def raw_server():
    servers = []

    def make(handler):
        server = RawServer(handler)
        servers.append(server)
        return server

    yield make
    for s in servers:
        s.close()


@functools.lru_cache(maxsize=1)
def bomb() -> bytes:
    return gzip.compress(b"\0" * (60 * 1024 * 1024), compresslevel=9)


# -- the happy path ---------------------------------------------------------------------


def test_200_html(httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data(
        HTML, content_type="text/html; charset=utf-8", headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})
    f, _ = fetcher()
    r = f.get(httpserver.url_for("/a"))
    assert r.status == 200 and r.body == HTML
    assert r.url == r.final_url == httpserver.url_for("/a")
    assert r.redirects == () and not r.not_modified
    assert r.media_type == "text/html" and r.charset == "utf-8"
    assert r.etag == '"v1"' and r.last_modified.startswith("Mon, 01 Jan 2024")
    assert r.fetched_at.endswith("Z") and "T" in r.fetched_at
    request, _ = httpserver.log[0]
    assert "tracer" in request.headers["User-Agent"]
    assert "https://example.org/contact" in request.headers["User-Agent"]


def test_gzip_page_is_decoded(httpserver: HTTPServer):
    httpserver.expect_request("/z").respond_with_data(
        gzip.compress(HTML), content_type="text/html", headers={"Content-Encoding": "gzip"})
    f, _ = fetcher()
    assert f.get(httpserver.url_for("/z")).body == HTML


# -- HTTP errors and retries --------------------------------------------------------------


@pytest.mark.parametrize("status, words", [(404, "HTTP 404 Not Found; check the URL"),
                                           (500, "HTTP 500 Internal Server Error")])
def test_http_errors_name_the_url(httpserver: HTTPServer, status, words):
    httpserver.expect_request("/x").respond_with_data("no", status=status)
    f, _ = fetcher()
    url = httpserver.url_for("/x")
    with pytest.raises(FetchError) as exc:
        f.get(url)
    assert str(exc.value).startswith(url) and words in str(exc.value)
    assert exc.value.status == status and "\n" not in str(exc.value)


def test_429_retry_after_is_honoured_and_capped(httpserver: HTTPServer):
    httpserver.expect_oneshot_request("/r").respond_with_data("slow down", status=429, headers={"Retry-After": "2"})
    httpserver.expect_oneshot_request("/r").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    httpserver.expect_request("/r").respond_with_data(HTML, content_type="text/html")
    f, sleeps = fetcher(retries=3)
    assert f.get(httpserver.url_for("/r")).body == HTML
    assert sleeps == [2.0, 5.0]  # the second Retry-After (120 s) capped at max_retry_after


def test_retry_after_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412480.0) == 30.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert retry_after_seconds("7", now=0) == 7.0
    assert retry_after_seconds("soon", now=0) is None and retry_after_seconds(None, now=0) is None


def test_retries_exhausted_on_503_with_exponential_backoff(httpserver: HTTPServer):
    httpserver.expect_request("/down").respond_with_data("down", status=503)
    f, sleeps = fetcher(retries=2, backoff=0.5)
    with pytest.raises(FetchError) as exc:
        f.get(httpserver.url_for("/down"))
    assert "HTTP 503" in str(exc.value) and "after 2 retries; try later" in str(exc.value)
    assert sleeps == [0.5, 1.0]
    assert len(httpserver.log) == 3


def test_connection_refused_is_retried_then_named():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    f, sleeps = fetcher(retries=2, backoff=0.01)
    url = f"http://127.0.0.1:{port}/"
    with pytest.raises(FetchError) as exc:
        f.get(url)
    assert str(exc.value) == f"Couldn't connect to {url}: connection refused; check the URL or try later"
    assert len(sleeps) == 2


def test_only_http_and_https():
    f, _ = fetcher()
    with pytest.raises(FetchError, match="only http and https"):
        f.get("file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https"):
        f.get("ftp://example.org/x")


# -- redirects -----------------------------------------------------------------------------


def redirect(httpserver, path, to, status=302):
    httpserver.expect_request(path).respond_with_data("", status=status, headers={"Location": to})


def test_redirect_chain_is_recorded(httpserver: HTTPServer):
    redirect(httpserver, "/r1", "/r2", 301)
    redirect(httpserver, "/r2", httpserver.url_for("/final"), 307)
    httpserver.expect_request("/final").respond_with_data(HTML, content_type="text/html")
    f, _ = fetcher()
    r = f.get(httpserver.url_for("/r1"))
    assert r.final_url == httpserver.url_for("/final")
    assert r.redirects == (httpserver.url_for("/r1"), httpserver.url_for("/r2"))
    assert r.url == httpserver.url_for("/r1")


def test_redirect_loop(httpserver: HTTPServer):
    redirect(httpserver, "/a", "/b")
    redirect(httpserver, "/b", "/a")
    f, _ = fetcher()
    with pytest.raises(FetchError, match="redirect loop"):
        f.get(httpserver.url_for("/a"))
    assert len(httpserver.log) == 2


def test_more_than_five_redirects(httpserver: HTTPServer):
    for i in range(7):
        redirect(httpserver, f"/h{i}", f"/h{i + 1}")
    httpserver.expect_request("/h7").respond_with_data(HTML, content_type="text/html")
    f, _ = fetcher()
    with pytest.raises(FetchError, match="more than 5 redirects"):
        f.get(httpserver.url_for("/h0"))
    assert len(httpserver.log) == 6
    # five are fine
    r = f.get(httpserver.url_for("/h2"))
    assert len(r.redirects) == 5


def test_cookies_and_credentials_do_not_cross_hosts(httpserver: HTTPServer):
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        # the same server under another host name: localhost (cookies ignore ports)
        target = f"http://localhost:{other.port}/landing"
        httpserver.expect_request("/start").respond_with_data(
            "", status=302, headers={"Location": target, "Set-Cookie": "sid=secret; Path=/"})
        other.expect_request("/landing").respond_with_data(HTML, content_type="text/html")
        f, _ = fetcher()
        url = httpserver.url_for("/start").replace("http://", "http://user:pw@")
        r = f.get(url)
        assert r.final_url == target
        landing, _ = other.log[0]
        assert "Cookie" not in landing.headers
        assert "Authorization" not in landing.headers
        assert len(f.session.cookies) == 0  # nothing carried over to the next fetch
    finally:
        other.stop()


# -- bodies: size, bombs, truncation, dribbling ----------------------------------------------


def test_oversized_body_is_refused(httpserver: HTTPServer):
    httpserver.expect_request("/big").respond_with_data(b"x" * 50_000, content_type="text/html")
    f, _ = fetcher(max_bytes=10_000)
    with pytest.raises(FetchError, match="response larger than 10,000 bytes; raise TRACER_MAX_BYTES"):
        f.get(httpserver.url_for("/big"))


def test_oversized_body_without_content_length(raw_server):
    def handler(server, conn):
        server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
        for _ in range(100):
            server.send(conn, b"y" * 10_000)

    srv = raw_server(handler)
    f, _ = fetcher(max_bytes=50_000)
    with pytest.raises(FetchError, match="larger than 50,000 bytes"):
        f.get(srv.url())


def test_gzip_bomb_is_stopped_at_the_cap(raw_server):
    body = bomb()
    assert len(body) < 100_000  # ~60 KB on the wire, 60 MiB once inflated

    def handler(server, conn):
        server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                    + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode())
        for i in range(0, len(body), 4096):
            server.send(conn, body[i:i + 4096])

    srv = raw_server(handler)
    f, _ = fetcher(max_bytes=1_000_000)
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than 1,000,000 bytes"):
        f.get(srv.url())
    assert time.monotonic() - started < 1.0


def test_truncated_body(raw_server):
    def handler(server, conn):
        server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>cut")

    srv = raw_server(handler)
    f, _ = fetcher()
    with pytest.raises(FetchError, match="cut short"):
        f.get(srv.url())


def test_dribbling_body_is_stopped_by_the_total_deadline(raw_server):
    def handler(server, conn):
        server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
        for _ in range(400):  # forever, as far as the test is concerned
            server.send(conn, b"<p>")
            time.sleep(0.05)

    srv = raw_server(handler)
    f, _ = fetcher(timeout=0.5, total_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1s in all"):
        f.get(srv.url())
    assert time.monotonic() - started < 1.8


def test_non_html_content_type(httpserver: HTTPServer):
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG....", content_type="image/png")
    f, _ = fetcher()
    with pytest.raises(FetchError, match=r"not an HTML or text page \(image/png\)"):
        f.get(httpserver.url_for("/img"))


def test_feeds_and_text_are_accepted(httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(b"<rss/>", content_type="application/rss+xml")
    httpserver.expect_request("/t").respond_with_data(b"plain", content_type="text/plain")
    f, _ = fetcher()
    assert f.get(httpserver.url_for("/feed")).body == b"<rss/>"
    assert f.get(httpserver.url_for("/t")).body == b"plain"


# -- robots.txt ----------------------------------------------------------------------------------


def test_robots_disallow_and_allow(httpserver: HTTPServer):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    httpserver.expect_request("/public/a").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/private/a").respond_with_data(HTML, content_type="text/html")
    f, _ = fetcher()
    assert f.get(httpserver.url_for("/public/a"), check_robots=True).body == HTML
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        f.get(httpserver.url_for("/private/a"), check_robots=True)
    paths = [req.path for req, _ in httpserver.log]
    assert "/private/a" not in paths
    assert paths.count("/robots.txt") == 1  # cached per host


def test_robots_disallow_for_our_token(httpserver: HTTPServer):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: tracer\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain")
    f, _ = fetcher()
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        f.get(httpserver.url_for("/a"), check_robots=True)


def test_robots_404_allows_everything(httpserver: HTTPServer):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    f, _ = fetcher()
    assert f.get(httpserver.url_for("/a"), check_robots=True).status == 200


def test_robots_500_disallows_everything(httpserver: HTTPServer):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=500)
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    f, _ = fetcher(retries=0)
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        f.get(httpserver.url_for("/a"), check_robots=True)
    assert [req.path for req, _ in httpserver.log] == ["/robots.txt"]


def test_robots_only_when_asked(httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    f, _ = fetcher()
    f.get(httpserver.url_for("/a"))
    assert [req.path for req, _ in httpserver.log] == ["/a"]


# -- conditional GET, politeness -------------------------------------------------------------------


def test_conditional_get_304(httpserver: HTTPServer):
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    f, _ = fetcher()
    r = f.get(httpserver.url_for("/feed"), etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert r.not_modified and r.status == 304 and r.body == b""
    assert r.etag == '"v1"'
    request, _ = httpserver.log[0]
    assert request.headers["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_per_host_delay(httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    now = [100.0]
    sleeps: list[float] = []
    f = Fetcher(settings(host_delay=2.0), sleep=sleeps.append, clock=lambda: now[0])
    f.get(httpserver.url_for("/a"))
    now[0] += 0.5
    f.get(httpserver.url_for("/a"))
    assert sleeps == [1.5]
    other = Fetcher(settings(host_delay=2.0), sleep=sleeps.append, clock=lambda: now[0])
    other.get(httpserver.url_for("/a"))  # state is per Fetcher, not per module
    assert sleeps == [1.5]


# -- private addresses ---------------------------------------------------------------------------------


def test_private_address_refused_by_default(httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    f = Fetcher(Settings(host_delay=0.0), sleep=lambda s: None)
    url = httpserver.url_for("/a")
    with pytest.raises(FetchError) as exc:
        f.get(url)
    assert str(exc.value) == (f"{url}: refusing private address 127.0.0.1; set TRACER_ALLOW_PRIVATE=1 "
                              "or --allow-private for local testing")
    with pytest.raises(FetchError, match="refusing private address"):
        f.get(f"http://localhost:{httpserver.port}/a")
    assert httpserver.log == []


def test_private_address_refused_across_a_redirect(httpserver: HTTPServer, monkeypatch):
    # "public.example" plays a public host that the resolver vets; it redirects to loopback.
    real = fetch._resolve_public
    monkeypatch.setattr(fetch, "_resolve_public",
                        lambda host, port: "127.0.0.1" if host == "public.example" else real(host, port))
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/internal")})
    httpserver.expect_request("/internal").respond_with_data("secret", content_type="text/html")
    f = Fetcher(Settings(host_delay=0.0), sleep=lambda s: None)
    with pytest.raises(FetchError, match="refusing private address 127.0.0.1"):
        f.get(f"http://public.example:{httpserver.port}/start")
    assert [req.path for req, _ in httpserver.log] == ["/start"]
    start, _ = httpserver.log[0]
    assert start.headers["Host"] == f"public.example:{httpserver.port}"  # name kept, vetted IP used


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                                     "100.100.100.200", "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1",
                                     "fd00:ec2::254", "::ffff:127.0.0.1", "2002:7f00:1::1", "64:ff9b::a9fe:a9fe"])
def test_blocked_addresses(address):
    import ipaddress

    assert fetch.blocked_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_public_addresses(address):
    import ipaddress

    assert not fetch.blocked_address(ipaddress.ip_address(address))


def test_metadata_host_names_refused():
    f = Fetcher(Settings(host_delay=0.0, retries=0), sleep=lambda s: None)
    with pytest.raises(FetchError, match="refusing private address"):
        f.get("http://metadata.google.internal/computeMetadata/v1/")



def test_tls_is_always_verified_on_the_pinned_address(tmp_path, monkeypatch):
    """A self-signed certificate is refused, through the pinned-address adapter (SNI path)."""
    import shutil
    import ssl
    import subprocess
    from http.server import BaseHTTPRequestHandler
    from http.server import HTTPServer as StdServer

    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=public.example", "-addext", "subjectAltName=DNS:public.example",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(HTML)

        def log_message(self, *a):
            pass

    server = StdServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real = fetch._resolve_public
    monkeypatch.setattr(fetch, "_resolve_public",
                        lambda host, port: "127.0.0.1" if host == "public.example" else real(host, port))
    try:
        f = Fetcher(Settings(host_delay=0.0, retries=0, timeout=2.0), sleep=lambda s: None)
        with pytest.raises(FetchError, match="TLS certificate check failed"):
            f.get(f"https://public.example:{server.server_address[1]}/")
    finally:
        server.shutdown()
