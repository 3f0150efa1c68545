"""Bad input, one batch through the CLI: every bad input gets a one-line error naming it,
no traceback, bounded time, and the rest of the batch is stored (exit 3)."""

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from tracer.cli import cli
from tracer.store import Store

ARTICLE = ("<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
           + "".join(f"<p>The harbour master said on Monday that paragraph {i} of the port story "
                     f"was true, adding that ships would dock again soon after repairs.</p>"
                     for i in range(6)) + "</article></body></html>")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path
        if path == "/ok":
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif path in ("/404", "/500"):
            self._send(int(path[1:]), b"no", "text/plain")
        elif path == "/429":
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop2" if path == "/loop" else "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(ARTICLE.encode()[:500])
        elif path == "/bomb":
            body = gzip.compress(b"<p>" + b"a" * (60 * 1024 * 1024))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>x</p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        else:
            self._send(404, b"", "text/plain")

    def _send(self, status, body, ctype):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def bad_files(tmp_path):
    files = {
        "empty.txt": b"",
        "binary.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        "headline-only.txt": b"Just a headline\n\n",
        "feeds.txt": b"# my feeds\nhttps://example.org/rss.xml\n\nhttps://example.com/feed\n",
        "no-article.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "huge.html": b"<html><body><p>" + b"word " * (11 * 1024 * 1024) + b"</p></body></html>",
    }
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_bad_batch(tmp_path, server, monkeypatch, seed_path, isolated_store):
    monkeypatch.setenv("TRACER_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("TRACER_RETRIES", "1")
    monkeypatch.setenv("TRACER_BACKOFF", "0.01")
    monkeypatch.setenv("TRACER_MAX_RETRY_AFTER", "1")
    monkeypatch.setenv("TRACER_TIMEOUT", "2")
    monkeypatch.setenv("TRACER_TOTAL_TIMEOUT", "2")
    monkeypatch.setenv("TRACER_HOST_DELAY", "0")
    urls = [f"{server}/{p}" for p in ("404", "500", "429", "loop", "truncated", "bomb",
                                      "image", "slow")]
    files = bad_files(tmp_path)
    missing = tmp_path / "missing.txt"
    sources = [*map(str, files), str(missing), *urls, str(seed_path), f"{server}/ok"]
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["trace", *sources, "--json"], catch_exceptions=False)
    elapsed = time.monotonic() - start
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["input"] for o in objs] == sources
    errors = [line for line in result.stderr.splitlines() if line.startswith("tracer: error:")]
    assert len(errors) == len(sources) - 2
    for obj in objs[:-2]:
        assert "error" in obj, obj
        name = obj["input"].rsplit("/", 1)[-1]
        assert name in obj["error"], obj["error"]
        assert "\n" not in obj["error"]
    assert objs[-2]["layers"] == 3 and objs[-1]["title"] == "Port reopens"
    store = Store(isolated_store)
    assert store.db["articles"].count == 2
    assert store.db["failures"].count == len(sources) - 2
    assert elapsed < 120  # bounded: the slow body and the retries are cut by their caps


def test_deeply_nested_html_is_bounded(tmp_path):
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 20000 + "<p>" + "A sentence of text. " * 50
                    + "</p>" + "</div>" * 20000 + "</body></html>")
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["trace", str(page), "--json"], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    assert time.monotonic() - start < 60


@pytest.mark.parametrize("encoding, text", [
    ("latin-1", "Café owners in Zürich said the señor's plan was naïve."),
    ("cp1252", "The minister’s “reform” was praised — by some — in Montréal."),
    ("shift_jis", "東京の港は月曜日に再開したと港長が述べた。船は修理後すぐに入港する予定だ。"),
])
def test_legacy_charsets_undeclared_txt(tmp_path, encoding, text):
    path = tmp_path / f"{encoding}.txt"
    body = "\n\n".join([text] * 4)
    path.write_bytes(f"Headline line\n\n{body}\n".encode(encoding))
    result = CliRunner().invoke(cli, ["trace", str(path), "--json", "--include-text"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert text in json.loads(result.stdout)["text"]
