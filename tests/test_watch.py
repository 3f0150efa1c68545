"""tracer.watch: feeds -> new URLs -> trace, against a local server on 127.0.0.1 and a
real Store (temp file) with the real pipeline."""

from __future__ import annotations

import fcntl
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from tracer.errors import ExitCode, LockedError
from tracer.fetch import Fetcher
from tracer.settings import Settings
from tracer.store import Store
from tracer.watch import lock_path, normalize_item_url, parse_feed, read_feeds, watch

FIXTURES = Path(__file__).parent / "fixtures" / "watch"
NOW = "2020-01-10T12:00:00Z"


def _fake_trace_document(store, data: bytes, *, input, kind, url=None, fetched_at=None, redirects=(),
                         content_type=None, settings=None, now, run_id=None):
    """Stands in for pipeline.trace_document while the pipeline's modules are still landing:
    same contract (idempotent on input + content), no analysis."""
    import hashlib
    import re as _re

    from tracer.models import Article, Outcome, Trace

    digest = hashlib.sha256(data).hexdigest()
    title = (_re.search(rb"<title>(.*?)</title>", data) or [b"", b""])[1].decode()
    article = Article(input=input, title=title, text=title, paragraphs=(), url=url, fetched_at=fetched_at,
                      redirects=tuple(redirects), content_type=kind)
    with store.transaction() as db:
        found = store.find(input, digest)
        if found is None:
            found = db["articles"].insert({"input": input, "url": url, "title": title, "sha256": digest,
                                           "text": title, "current": 1, "run_id": run_id}).last_pk
            status = "traced"
        else:
            status = "unchanged"
    trace = Trace(article=article, id=found, sha256=digest, outlet=None, dateline=None, credits=(),
                  attributions=(), chains=(), flags=())
    return Outcome(input, trace=trace, status=status)


try:
    from tracer.pipeline import trace_document as TRACE_DOCUMENT

    REAL_PIPELINE = True
except ImportError:  # pragma: no cover - only while pipeline.py's imports are incomplete
    TRACE_DOCUMENT, REAL_PIPELINE = _fake_trace_document, False


def article_html(n: int, title: str | None = None, body_of: int | None = None) -> bytes:
    k = n if body_of is None else body_of
    paras = [
        f"MOSCOW (Local Wire) - The city council of district {k} approved a new budget on Thursday, "
        f"officials said, after a debate that lasted {k + 3} hours and ended in a narrow vote.",
        f"According to a senior official, the plan for district {k} sets aside money for {k * 7} new "
        "buses, two bridges and the repair of schools damaged by the winter floods.",
        f"\u201cWe have waited for this for years,\u201d said resident number {k}, who asked not to be named. "
        "Opponents said the council had not explained where the money would come from.",
        f"The vote in district {k} follows months of protests. A final reading is expected next week, "
        "the council's press office said in a statement.",
    ]
    title = title or f"District {n} approves budget after long debate"
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='Local Wire'></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def settings(**kw) -> Settings:
    base = dict(allow_private=True, host_delay=0.0, retries=1, backoff=0.0, timeout=0.3, total_timeout=2.0,
                max_retry_after=1.5, max_bytes=200_000, max_failures=3, jobs=1)
    base.update(kw)
    return Settings(**base)


class Site:
    """The feed, its articles and robots.txt, with a per-path request counter."""

    def __init__(self, server: HTTPServer):
        self.server = server
        self.base = server.url_for("").rstrip("/")
        self.etag = '"v1"'
        self.feed = (FIXTURES / "feed.rss").read_text().replace("{base}", self.base).encode()
        self.hits: dict[str, int] = {}
        self.busy_left = 1
        self.lock = threading.Lock()
        server.expect_request("/robots.txt").respond_with_handler(self._count(lambda r: Response(
            "User-agent: *\nDisallow: /private/\n", content_type="text/plain")))
        server.expect_request("/feed.rss").respond_with_handler(self._count(self._feed))
        for path, n in (("/news/new-1", 1), ("/news/known", 3)):
            html = article_html(n)
            server.expect_request(path).respond_with_handler(
                self._count(lambda r, html=html: Response(html, content_type="text/html; charset=utf-8")))
        copy = article_html(2, title="Council backs district budget", body_of=1)
        server.expect_request("/news/new-2").respond_with_handler(
            self._count(lambda r: Response(copy, content_type="text/html")))
        server.expect_request("/news/fail-500").respond_with_handler(self._count(lambda r: Response("oops", 500)))
        server.expect_request("/news/busy-429").respond_with_handler(self._count(self._busy))
        server.expect_request("/news/timeout").respond_with_handler(self._count(self._slow))
        server.expect_request("/news/big").respond_with_handler(
            self._count(lambda r: Response(b"<p>" + b"x" * 300_000, content_type="text/html")))
        server.expect_request("/news/picture").respond_with_handler(
            self._count(lambda r: Response(b"\x89PNG", content_type="image/png")))
        server.expect_request("/private/secret").respond_with_handler(
            self._count(lambda r: Response(article_html(9), content_type="text/html")))

    def _count(self, fn):
        def handler(request):
            with self.lock:
                self.hits[request.path] = self.hits.get(request.path, 0) + 1
            return fn(request)
        return handler

    def _feed(self, request):
        if request.headers.get("If-None-Match") == self.etag:
            return Response(status=304, headers={"ETag": self.etag})
        return Response(self.feed, content_type="application/rss+xml", headers={"ETag": self.etag})

    def _busy(self, request):
        if self.busy_left > 0:
            self.busy_left -= 1
            return Response("busy", status=429, headers={"Retry-After": "30"})
        return Response(article_html(4), content_type="text/html")

    def _slow(self, request):
        time.sleep(0.5)
        return Response(article_html(5), content_type="text/html")

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def httpserver():
    """A threaded server: a slow handler must not hold up the other items' requests."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def site(httpserver: HTTPServer):
    return Site(httpserver)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "watch.db", now=NOW)
    yield s
    s.close()


def feeds_file(tmp_path, *urls) -> str:
    path = tmp_path / "feeds.txt"
    path.write_text("# test feeds\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return str(path)


def items(store) -> dict[str, dict]:
    return {row["url"]: row for row in store.db["feed_items"].rows}


def run(site_or_none, store, feeds, s=None, sleeps=None, **kw):
    s = s or settings()
    fetcher = Fetcher(s, sleep=(sleeps.append if sleeps is not None else (lambda x: None)))
    kw.setdefault("trace_document", TRACE_DOCUMENT)
    return watch(feeds, store, s, now=NOW, fetcher=fetcher, **kw)


# -- reading feeds -----------------------------------------------------------------------------------


def test_read_feeds_skips_comments_and_duplicates(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("# comment\nhttp://a.example/feed\n\nhttp://b.example/rss  # inline\nhttp://a.example/feed\n")
    assert read_feeds(str(path)) == ["http://a.example/feed", "http://b.example/rss"]


def test_read_feeds_errors(tmp_path):
    from tracer.errors import InputError

    with pytest.raises(InputError, match="feeds file not found"):
        read_feeds(str(tmp_path / "missing.txt"))
    (tmp_path / "empty.txt").write_text("# nothing\n")
    with pytest.raises(InputError, match="no feed URLs"):
        read_feeds(str(tmp_path / "empty.txt"))


def test_normalize_item_url_strips_trackers_and_fragments():
    assert normalize_item_url("HTTP://Example.ORG:80/a/b?utm_source=x&id=3#top") == "http://example.org/a/b?id=3"
    assert normalize_item_url("/news/1", "https://example.org/feed") == "https://example.org/news/1"
    assert normalize_item_url("mailto:x@example.org") is None
    assert normalize_item_url("") is None


def test_parse_rss_atom_and_sitemaps():
    base = "http://example.org"
    rss = (FIXTURES / "feed.rss").read_text().replace("{base}", base).encode()
    entries, children, error = parse_feed(rss, base + "/feed.rss", "application/rss+xml")
    assert error is None and children == []
    urls = [u for u, _ in entries]
    assert "http://example.org/news/new-2" in urls  # relative link resolved against the feed
    assert dict(entries)["http://example.org/news/new-1"] == "2020-01-06T10:00:00Z"

    atom = (FIXTURES / "atom.xml").read_text().replace("{base}", base).replace("{updated}", "2020-01-09T10:00:00Z")
    entries, _, error = parse_feed(atom.encode(), base + "/atom")
    assert error is None and entries == [("http://example.org/atom/story-1", "2020-01-09T10:00:00Z")]

    index = (FIXTURES / "sitemap-index.xml").read_text().replace("{base}", base).encode()
    entries, children, _ = parse_feed(index, base + "/sitemap.xml")
    assert entries == [] and children == ["http://example.org/sitemap-news.xml"]

    news = (FIXTURES / "sitemap-news.xml").read_text().replace("{base}", base).encode()
    entries, children, _ = parse_feed(news, base + "/sitemap-news.xml")
    assert entries == [("http://example.org/map/a", "2020-01-09T05:00:00Z"),
                       ("http://example.org/map/b?gclid=123", "2020-01-09T09:30:00Z")]

    _, _, error = parse_feed(b"\x89PNG not a feed at all", base + "/x")
    assert error and "not an RSS/Atom feed" in error


def test_feedparser_never_reads_a_file_named_by_the_body(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss><channel><item><link>http://leak.example/</link></item></channel></rss>')
    entries, _, _ = parse_feed(str(secret).encode(), "http://example.org/feed")
    assert entries == []


# -- a full run ----------------------------------------------------------------------------------------


def test_first_run_new_known_failing_and_skipped(site, store, tmp_path):
    known = site.url("/news/known")
    store.db["feed_items"].insert({"url": known, "feed": site.url("/feed.rss"), "first_seen": "2020-01-05T09:00:00Z",
                                   "updated": "2020-01-05T09:00:00Z", "status": "done", "failures": 0})
    sleeps: list[float] = []
    summary = run(site, store, feeds_file(tmp_path, site.url("/feed.rss")), sleeps=sleeps)

    assert (summary.new, summary.unchanged, summary.failed, summary.skipped) == (3, 0, 4, 1)
    assert summary.exit_code == ExitCode.PARTIAL and summary.feeds == 1
    assert 1.5 in sleeps  # Retry-After: 30 honoured, capped at max_retry_after
    rows = items(store)
    assert rows[site.url("/news/new-1")]["status"] == "done"
    assert rows[site.url("/news/new-1")]["article_id"] is not None
    assert rows[site.url("/news/busy-429")]["status"] == "done"
    assert rows[site.url("/private/secret")]["status"] == "skipped"
    assert site.hits.get("/private/secret") is None  # robots.txt: never fetched
    assert site.hits.get("/news/known") is None  # already stored
    assert site.hits["/news/new-1"] == 1  # the tracking-parameter twin was de-duplicated
    for path in ("/news/fail-500", "/news/timeout", "/news/big", "/news/picture"):
        assert rows[site.url(path)]["status"] == "failed", path
        assert site.url(path) in rows[site.url(path)]["last_error"]
    reasons = dict(summary.failures)
    assert "HTTP 500" in reasons[site.url("/news/fail-500")]
    assert "larger than 200,000 bytes" in reasons[site.url("/news/big")]
    assert "not an HTML or text page" in reasons[site.url("/news/picture")]
    assert "Couldn't connect" in reasons[site.url("/news/timeout")]
    assert summary.summary.splitlines()[0].startswith(f"watch run {summary.run_id}: 1 feeds")
    assert len(summary.summary.splitlines()) == 5
    run_row = store.db["runs"].get(summary.run_id)
    assert run_row["kind"] == "watch" and run_row["status"] == "partial"
    assert (run_row["new"], run_row["failed"], run_row["feeds"]) == (3, 4, 1)
    assert store.db["failures"].count == 4
    feed_row = store.db["feeds"].get(site.url("/feed.rss"))
    assert feed_row["etag"] == '"v1"' and feed_row["status"] == "ok"
    # the run leaves the full-text index up to date (Datasette reads it as it is)
    indexed = store.db.execute("select count(*) from articles_fts_docsize").fetchone()[0]
    assert indexed == store.db["articles"].count == 3


def test_second_run_is_conditional_and_fetches_no_stored_article(site, store, tmp_path):
    feeds = feeds_file(tmp_path, site.url("/feed.rss"))
    first = run(site, store, feeds)
    assert first.new == 4  # new-1, new-2, busy-429 and known (not stored beforehand here)
    site.hits.clear()
    site.server.clear_log()
    second = run(site, store, feeds)
    assert second.not_modified == 1 and second.new == 0
    feed_requests = [r for r, resp in site.server.log if r.path == "/feed.rss"]
    assert len(feed_requests) == 1 and feed_requests[0].headers["If-None-Match"] == '"v1"'
    assert site.server.log[[r.path for r, _ in site.server.log].index("/feed.rss")][1].status_code == 304
    for path in ("/news/new-1", "/news/new-2", "/news/busy-429", "/news/known", "/private/secret",
                 "/news/big", "/news/picture"):
        assert site.hits.get(path) is None, path  # stored, skipped or permanently failed
    # transient failures are retried, once per run, up to max_failures
    assert site.hits["/news/fail-500"] == 2  # one request plus one retry
    assert second.failed == 2 and second.exit_code == ExitCode.PARTIAL
    run(site, store, feeds)
    site.hits.clear()
    fourth = run(site, store, feeds)
    assert site.hits.get("/news/fail-500") is None  # gave up after 3 failures
    assert items(store)[site.url("/news/fail-500")]["failures"] == 3
    assert fourth.exit_code == ExitCode.OK
    assert store.db["articles"].count == 4


def test_updated_entry_is_fetched_again(site, store, tmp_path):
    feeds = feeds_file(tmp_path, site.url("/feed.rss"))
    run(site, store, feeds)
    site.hits.clear()
    site.etag = '"v2"'
    site.feed = site.feed.replace(b"<pubDate>Mon, 06 Jan 2020 11:00:00 GMT", b"<pubDate>Tue, 07 Jan 2020 08:00:00 GMT")
    summary = run(site, store, feeds)
    assert site.hits.get("/news/new-2") == 1 and site.hits.get("/news/new-1") is None
    assert summary.unchanged == 1  # same text: no new row
    assert items(store)[site.url("/news/new-2")]["updated"] == "2020-01-07T08:00:00Z"


def test_out_dir_reports_and_digest(site, store, tmp_path):
    out = tmp_path / "out"
    summary = run(site, store, feeds_file(tmp_path, site.url("/feed.rss")), out_dir=str(out))
    written = sorted(p.name for p in out.iterdir())
    digests = [n for n in written if n.startswith("digest-")]
    assert digests == ["digest-20200110T120000Z.md"]
    assert sum(n.endswith(".html") for n in written) == 4 and sum(n.endswith(".md") for n in written) == 5
    digest = (out / digests[0]).read_text()
    assert "## New articles" in digest and "District 1 approves budget" in digest
    assert "## New copies found" in digest
    if REAL_PIPELINE:
        assert "copy of" in digest  # new-2 copies new-1
    assert "## New flags" in digest
    assert "## Failures" in digest and "HTTP 500" in digest
    assert len(summary.written) == len(written)


def test_every_feed_failing_exits_1(httpserver: HTTPServer, store, tmp_path):
    httpserver.expect_request("/gone.rss").respond_with_data("gone", status=404)
    httpserver.expect_request("/notafeed").respond_with_data(b"<html><body>hi</body></html>", content_type="text/html")
    summary = run(None, store, feeds_file(tmp_path, httpserver.url_for("/gone.rss"), httpserver.url_for("/notafeed")))
    assert summary.exit_code == ExitCode.ERROR and summary.failed == 2
    assert store.db["runs"].get(summary.run_id)["status"] == "failed"


def test_sitemap_index_and_atom(httpserver: HTTPServer, store, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    for name in ("sitemap-index.xml", "sitemap-news.xml"):
        httpserver.expect_request(f"/{name}").respond_with_data(
            (FIXTURES / name).read_text().replace("{base}", base), content_type="application/xml",
            headers={"ETag": f'"{name}"'})
    atom = (FIXTURES / "atom.xml").read_text().replace("{base}", base).replace("{updated}", "2020-01-09T10:00:00Z")
    httpserver.expect_request("/atom").respond_with_data(atom, content_type="application/atom+xml")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    for i, path in enumerate(("/map/a", "/map/b", "/atom/story-1")):
        httpserver.expect_request(path).respond_with_data(article_html(20 + i), content_type="text/html")
    summary = run(None, store, feeds_file(tmp_path, base + "/sitemap-index.xml", base + "/atom"))
    assert summary.new == 3 and summary.exit_code == ExitCode.OK and summary.feeds == 3
    assert set(items(store)) == {base + "/map/a", base + "/map/b", base + "/atom/story-1"}
    assert store.db["feeds"].get(base + "/sitemap-index.xml")["etag"] is None  # index: always re-read
    assert store.db["feeds"].get(base + "/sitemap-news.xml")["etag"] == '"sitemap-news.xml"'


# -- locking and crashes ---------------------------------------------------------------------------------


def test_overlapping_run_gets_locked_error(site, store, tmp_path):
    with open(lock_path(store), "a+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(LockedError, match="another watch run holds the lock") as exc:
            run(site, store, feeds_file(tmp_path, site.url("/feed.rss")))
        assert exc.value.exit_code == ExitCode.LOCKED == 4
    assert site.hits == {}  # the second run did nothing
    assert store.db["runs"].count == 0
    assert run(site, store, feeds_file(tmp_path, site.url("/feed.rss"))).new == 4  # lock released


def test_kill_mid_run_then_rerun_stores_each_article_once(site, store, tmp_path):
    feeds = feeds_file(tmp_path, site.url("/feed.rss"))
    done = []

    def dying_trace(*args, **kwargs):
        outcome = TRACE_DOCUMENT(*args, **kwargs)  # the article is committed...
        done.append(outcome)
        if len(done) == 2:
            raise KeyboardInterrupt  # ...and the process dies before its feed_items row is
        return outcome

    with pytest.raises(KeyboardInterrupt):
        run(site, store, feeds, trace_document=dying_trace)
    assert store.db["runs"].get(1)["status"] == "interrupted"
    assert store.db["articles"].count == 2
    statuses = [row["status"] for row in items(store).values()]
    assert statuses.count("done") == 1  # the second item's row was never committed

    summary = run(site, store, feeds)  # the feed now answers 304: pending items still run
    assert summary.not_modified == 1
    assert summary.unchanged == 1  # the item in flight is re-read, not stored twice
    assert summary.new == 2  # known and busy-429, never reached by the killed run
    per_input = list(store.db.query("select input, count(*) n from articles group by input"))
    assert len(per_input) == 4 and all(row["n"] == 1 for row in per_input)
    done = {u for u, r in items(store).items() if r["status"] == "done"}
    assert done == {site.url(p) for p in ("/news/new-1", "/news/new-2", "/news/known", "/news/busy-429")}


def test_unreachable_robots_txt_is_a_retried_failure_not_a_skip(httpserver: HTTPServer, store, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    atom = (FIXTURES / "atom.xml").read_text().replace("{base}", base).replace("{updated}", "2020-01-09T10:00:00Z")
    httpserver.expect_request("/atom").respond_with_data(atom, content_type="application/atom+xml")
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("", status=503)
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("", status=503)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/atom/story-1").respond_with_data(article_html(30), content_type="text/html")
    feeds = feeds_file(tmp_path, base + "/atom")
    first = run(None, store, feeds)
    assert (first.failed, first.skipped, first.exit_code) == (1, 0, ExitCode.PARTIAL)
    assert "robots.txt could not be read" in first.failures[0][1]
    assert [r.path for r, _ in httpserver.log].count("/atom/story-1") == 0
    second = run(None, store, feeds)
    assert second.new == 1 and second.exit_code == ExitCode.OK


def test_kill_9_mid_run_then_rerun(httpserver: HTTPServer, store, tmp_path):
    """A real process killed with SIGKILL while an article is in flight; the rerun (which can
    take the lock at once: flock dies with the process) stores every article exactly once."""
    import os
    import signal
    import subprocess
    import sys

    base = httpserver.url_for("").rstrip("/")
    links = "".join(f"<item><link>{base}/k/{i}</link></item>" for i in range(4))
    httpserver.expect_request("/feed").respond_with_data(
        f'<rss version="2.0"><channel><title>k</title>{links}</channel></rss>', content_type="application/rss+xml",
        headers={"ETag": '"k1"'})
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    in_flight, release = threading.Event(), threading.Event()

    def page(request):
        n = int(request.path.rsplit("/", 1)[1])
        if n == 2 and not release.is_set():
            in_flight.set()
            release.wait(10)  # hold the third article until the process is dead
        return Response(article_html(40 + n), content_type="text/html")

    httpserver.expect_request("/k/0").respond_with_handler(page)
    for i in range(1, 4):
        httpserver.expect_request(f"/k/{i}").respond_with_handler(page)
    feeds = feeds_file(tmp_path, base + "/feed")
    db = str(store.path)
    script = ("import sys; from tracer import settings, store, watch; "
              "s = settings.load(); st = store.Store(sys.argv[2]); watch.watch(sys.argv[1], st, s)")
    env = dict(os.environ, TRACER_ALLOW_PRIVATE="1", TRACER_HOST_DELAY="0", TRACER_JOBS="1")
    child = subprocess.Popen([sys.executable, "-c", script, feeds, db], env=env,
                             cwd=Path(__file__).resolve().parent.parent)
    try:
        assert in_flight.wait(30), "the child never reached the third article"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        release.set()
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert store.db["articles"].count == 2
    assert store.db["runs"].get(1)["status"] == "running"  # what a kill -9 leaves behind

    summary = run(None, store, feeds)  # takes the lock at once
    assert summary.new == 2 and summary.failed == 0
    per_input = list(store.db.query("select input, count(*) n from articles group by input"))
    assert len(per_input) == 4 and all(row["n"] == 1 for row in per_input)
    assert {r["status"] for r in items(store).values()} == {"done"}


def test_cli_watch_exit_codes(site, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracer.cli import cli

    monkeypatch.setenv("TRACER_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("TRACER_HOST_DELAY", "0")
    monkeypatch.setenv("TRACER_RETRIES", "0")
    monkeypatch.setenv("TRACER_TIMEOUT", "0.3")
    db = str(tmp_path / "cli.db")
    feeds = feeds_file(tmp_path, site.url("/feed.rss"))
    Store(db).close()
    with open(f"{db}.watch.lock", "a+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        locked = CliRunner().invoke(cli, ["watch", "--feeds", feeds, "--db", db])
    assert locked.exit_code == 4 and "another watch run holds the lock" in locked.output
    result = CliRunner().invoke(cli, ["watch", "--feeds", feeds, "--db", db])
    assert result.exit_code == 3  # some items failed, the rest stored
    assert "watch run 1: 1 feeds" in result.output and "failed: " in result.output
