"""The cron entry point: feeds -> new article URLs -> trace; a lock, a run log.

One run (``tracer watch --feeds FILE``):

1. takes a non-blocking ``flock`` on ``<db>.watch.lock``; a second run exits at once
   with :class:`~tracer.errors.LockedError` (exit code 4);
2. fetches every feed (RSS/Atom with feedparser, sitemaps with a small lxml parser) with a
   conditional GET (ETag / Last-Modified kept in ``feeds``); a 304 costs one request;
3. records every entry URL (normalised with courlan, tracking parameters stripped) in
   ``feed_items`` as ``pending`` in the same transaction that stores the feed's new
   validators, so a kill after that point loses nothing: the next run picks pending items
   up even when the feed then answers 304;
4. fetches each pending item (robots.txt honoured, per-host delay, size cap, timeouts,
   retries: all in :mod:`tracer.fetch`), traces it, and commits its ``feed_items`` row
   as soon as it is done. A stored article (status ``done``) is fetched again only when
   its feed entry says it was updated; a failed one is retried on later runs up to
   ``settings.max_failures`` times. Tracing is idempotent (same input + same text = same
   row), so an item killed between its article and its row is not stored twice.

Feeds themselves are not checked against robots.txt: the user named them, as a feed
reader's subscriptions (robots.txt governs the crawl of the articles they list).

Item statuses: pending, done, failed (retried while failures < max_failures), skipped
(robots.txt disallows it, or it is not a page we can read; not retried).
"""

from __future__ import annotations

import fcntl
import io
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit, urlunsplit

from .errors import ExitCode, FetchError, InputError, LockedError, TracerError
from .settings import Settings

MAX_SUBSITEMAPS = 50  # sitemap index: at most this many child sitemaps per index per run
MAX_ENTRIES = 5000  # per feed or sitemap, to bound one run


@dataclass(frozen=True)
class RunSummary:
    run_id: int | None
    started: str
    finished: str
    feeds: int  # feeds (and child sitemaps) checked
    new: int  # articles traced and stored for the first time (or a new version)
    unchanged: int  # fetched again, same text as stored
    failed: int  # feeds and items that failed this run
    skipped: int  # items robots.txt disallows or that are not pages
    failures: tuple[tuple[str, str], ...]  # (url, reason)
    exit_code: int
    summary: str = ""  # what the CLI prints on stderr: one line, then one per failure
    not_modified: int = 0  # feeds that answered 304
    written: tuple[str, ...] = ()  # report and digest files written to --out
    requests: int = 0  # HTTP requests sent (robots.txt included)


@dataclass
class _Tally:
    feeds: int = 0
    feeds_failed: int = 0
    not_modified: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)
    traces: list = field(default_factory=list)
    written: list = field(default_factory=list)


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _now_fn(now) -> Callable[[], str]:
    if now is None:
        return _utc_now
    if callable(now):
        return now
    return lambda: str(now)


# -- feeds file -----------------------------------------------------------------------------


def read_feeds(path: str) -> list[str]:
    """One URL a line; blank lines and ``#`` comments ignored; duplicates dropped."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"{path}: feeds file not found; check the --feeds path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; --feeds takes a file of URLs, one a line") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read the feeds file ({e.strerror or e}); check the path") from None
    urls: list[str] = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line not in urls:
            urls.append(line)
    if not urls:
        raise InputError(f"{path}: no feed URLs in it; add feed or sitemap URLs, one a line")
    return urls


# -- parsing feeds and sitemaps ---------------------------------------------------------------


def normalize_item_url(url: str, base: str | None = None) -> str | None:
    """Absolute, courlan-normalised, tracking parameters and fragment stripped; None if unusable."""
    from courlan import clean_url

    url = (url or "").strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    cleaned = clean_url(url)
    if not cleaned:
        return None
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _iso(struct) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", struct)
    except (TypeError, ValueError):
        return None


def _iso_text(value: str | None) -> str | None:
    """A sitemap <lastmod> (W3C datetime) as ISO UTC; the date alone when that is all it gives."""
    if not value:
        return None
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else None
    if len(value) <= 10:
        return dt.date().isoformat()
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sitemap_root(body: bytes):
    head = body[:2048].lstrip()
    if b"<urlset" not in head and b"<sitemapindex" not in head:
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None or etree.QName(root).localname not in ("urlset", "sitemapindex"):
        return None
    return root


def parse_sitemap(root, base: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(entries [(url, lastmod)], child sitemaps) from a parsed <urlset> or <sitemapindex>."""
    from lxml import etree

    entries: list[tuple[str, str | None]] = []
    children: list[str] = []
    kind = etree.QName(root).localname
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = lastmod = None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "loc" and loc is None and child.getparent() is node:
                loc = (child.text or "").strip()
            elif name in ("lastmod", "publication_date") and child.text:
                lastmod = max(filter(None, [lastmod, _iso_text(child.text)]), default=None)
        if not loc:
            continue
        if kind == "sitemapindex":
            children.append(urljoin(base, loc))
        else:
            entries.append((loc, lastmod))
    return entries, children


def parse_feed(body: bytes, base: str, content_type: str | None = None
               ) -> tuple[list[tuple[str, str | None]], list[str], str | None]:
    """(entries [(url, updated)], child sitemaps, error) from feed or sitemap bytes.

    feedparser gets the bytes in a BytesIO: given bare bytes it would try them as a
    file name first, and given a URL it would fetch it itself.
    """
    root = _sitemap_root(body)
    if root is not None:
        entries, children = parse_sitemap(root, base)
        return entries, children, None
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={
        "content-location": base, "content-type": content_type or "application/xml"})
    if not parsed.entries and not parsed.get("version"):
        what = (content_type or "no content type").split(";")[0]
        return [], [], f"not an RSS/Atom feed or a sitemap ({what})"
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            for candidate in entry.get("links", []):
                if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                    link = candidate["href"]
                    break
        if not link:
            guid = entry.get("id") or ""
            link = guid if guid.startswith(("http://", "https://")) else None
        if not link:
            continue
        # dict.get: feedparser's own get maps a missing updated_parsed to published_parsed with a warning
        updated = _iso(dict.get(entry, "updated_parsed")) or _iso(dict.get(entry, "published_parsed"))
        entries.append((link, updated))
    return entries, [], None


# -- the lock ---------------------------------------------------------------------------------


class _Lock:
    def __init__(self, path: str | None):
        self.path = path
        self.handle = None

    def __enter__(self):
        if self.path is None:
            return self
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a+")
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.close()
            self.handle = None
            raise LockedError(f"{self.path}: another watch run holds the lock; this run did nothing "
                              "(the lock is released when that run exits; try again then)") from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"{os.getpid()}\n")
        self.handle.flush()
        return self

    def __exit__(self, *exc):
        if self.handle is not None:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def lock_path(store) -> str | None:
    path = getattr(store, "path", None)
    return None if path is None else f"{path}.watch.lock"


# -- the run --------------------------------------------------------------------------------------


def watch(feeds_file: str, store, settings: Settings, *, out_dir: str | None = None, now=None,
          fetcher=None, trace_document=None) -> RunSummary:
    """One monitoring run over the feeds in ``feeds_file``; see the module docstring.

    ``now`` is an ISO timestamp or a function returning one (default: the clock);
    ``fetcher`` and ``trace_document`` are injectable for tests.
    """
    clock = _now_fn(now)
    feeds = read_feeds(feeds_file)
    with _Lock(lock_path(store)):
        own_fetcher = fetcher is None
        if own_fetcher:
            from .fetch import Fetcher

            fetcher = Fetcher(settings)
        if trace_document is None:
            from .pipeline import trace_document
        started = clock()
        run_id = store.start_run("watch", started, args=feeds_file)
        tally = _Tally()
        status = "interrupted"
        try:
            queue_feeds = _check_feeds(feeds, store, settings, fetcher, clock, tally)
            _process_items(queue_feeds, store, settings, fetcher, trace_document, clock, run_id, tally)
            store.refresh_search()  # a store fed by cron stays searchable, in Datasette too
            if out_dir:
                _write_out(out_dir, tally, started)
            status = "done"
        finally:
            finished = clock()
            exit_code = _exit_code(tally)
            if status == "done":
                status = {ExitCode.OK: "ok", ExitCode.PARTIAL: "partial"}.get(exit_code, "failed")
            for url, reason in tally.failures:
                store.record_failure(run_id, url, reason, finished)
            store.finish_run(run_id, now=finished, status=status, counts={
                "feeds": tally.feeds, "new": tally.new, "unchanged": tally.unchanged,
                "failed": tally.failed, "inputs": tally.new + tally.unchanged + tally.failed,
                "traced": tally.new, "exit_code": int(exit_code)})
            requests_sent = getattr(fetcher, "requests", 0)
            if own_fetcher:
                fetcher.close()
    return RunSummary(
        run_id=run_id, started=started, finished=finished, feeds=tally.feeds, new=tally.new,
        unchanged=tally.unchanged, failed=tally.failed, skipped=tally.skipped,
        failures=tuple(tally.failures), exit_code=int(exit_code),
        summary=_summary_text(run_id, tally, exit_code), not_modified=tally.not_modified,
        written=tuple(tally.written), requests=requests_sent,
    )


def _exit_code(t: _Tally) -> ExitCode:
    if t.feeds and t.feeds_failed == t.feeds and not (t.new or t.unchanged):
        return ExitCode.ERROR  # not one feed could be read and nothing was traced
    if t.failed:
        return ExitCode.PARTIAL
    return ExitCode.OK


def _summary_text(run_id, t: _Tally, exit_code) -> str:
    line = (f"watch run {run_id}: {t.feeds} feeds ({t.not_modified} not modified, {t.feeds_failed} failed), "
            f"{t.new} new, {t.unchanged} unchanged, {t.failed} failed, {t.skipped} skipped")
    if t.written:
        line += f"; {len(t.written)} files written"
    lines = [line] + [f"  failed: {reason}" if reason.startswith(url) or url in reason
                      else f"  failed: {url}: {reason}" for url, reason in t.failures]
    return "\n".join(lines)


def _check_feeds(feeds: list[str], store, settings, fetcher, clock, t: _Tally) -> list[str]:
    """Fetch each feed (and child sitemaps); record new items as pending. Returns the feeds read."""
    table = store.db["feeds"]
    todo = list(feeds)
    seen = set()
    checked: list[str] = []
    children_left = MAX_SUBSITEMAPS * max(len(feeds), 1)
    while todo:
        feed = todo.pop(0)
        if feed in seen:
            continue
        seen.add(feed)
        t.feeds += 1
        checked.append(feed)
        row = _row(table, feed)
        try:
            resp = fetcher.get(feed, etag=row.get("etag"), last_modified=row.get("last_modified"))
        except FetchError as e:
            _feed_failed(store, feed, str(e), clock(), t)
            continue
        if resp.not_modified:
            t.not_modified += 1
            with store.transaction() as db:
                db["feeds"].upsert({"url": feed, "checked_at": clock(), "status": "not-modified", "error": None},
                                   pk="url")
            continue
        entries, children, error = parse_feed(resp.body, resp.final_url, resp.content_type)
        if error:
            _feed_failed(store, feed, f"{feed}: {error}; check it is a feed URL", clock(), t)
            continue
        children = children[:MAX_SUBSITEMAPS]
        for child in children:
            if children_left > 0:
                todo.append(child)
                children_left -= 1
        _record_entries(store, feed, resp, entries[:MAX_ENTRIES], children, clock())
    return checked


def _row(table, pk) -> dict:
    rows = list(table.rows_where("url = ?", [pk]))
    return rows[0] if rows else {}


def _feed_failed(store, feed: str, reason: str, now: str, t: _Tally) -> None:
    t.feeds_failed += 1
    t.failed += 1
    t.failures.append((feed, reason))
    with store.transaction() as db:
        db["feeds"].upsert({"url": feed, "checked_at": now, "status": "failed", "error": reason}, pk="url")


def _record_entries(store, feed: str, resp, entries, children, now: str) -> None:
    """New entries become pending items, in the same transaction as the feed's validators."""
    with store.transaction() as db:
        items = db["feed_items"]
        seen: set[str] = set()
        for raw_url, updated in entries:
            url = normalize_item_url(raw_url, resp.final_url)
            if url is None or url in seen:
                continue
            seen.add(url)
            row = _row(items, url)
            if not row:
                items.insert({"url": url, "feed": feed, "first_seen": now, "updated": updated,
                              "article_id": None, "status": "pending", "failures": 0,
                              "last_error": None, "fetched_at": None}, pk="url")
            elif updated and row.get("updated") and updated > row["updated"] and row["status"] in ("done", "failed"):
                # the entry says the article changed since we read it: read it again
                items.update(url, {"updated": updated, "status": "pending", "failures": 0})
            elif updated and not row.get("updated"):
                items.update(url, {"updated": updated})
        # A sitemap index keeps no validators: a 304 would hide its child sitemaps, which
        # carry their own validators and are cheap to ask about.
        index = bool(children)
        db["feeds"].upsert({"url": feed, "etag": None if index else resp.etag,
                            "last_modified": None if index else resp.last_modified,
                            "checked_at": now, "status": "ok", "error": None}, pk="url")


def _pending(store, feeds: list[str], settings) -> list[dict]:
    if not feeds:
        return []
    marks = ",".join("?" for _ in feeds)
    return list(store.db.query(
        f"select url, feed, failures from feed_items where feed in ({marks}) and "
        "(status = 'pending' or (status = 'failed' and coalesce(failures, 0) < ?)) "
        "order by first_seen, rowid", [*feeds, settings.max_failures]))


def _interleave(rows: list[dict]) -> list[dict]:
    """Round-robin over hosts, so one host's politeness delay overlaps other hosts' work."""
    by_host: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_host[(urlsplit(row["url"]).hostname or "")].append(row)
    out: list[dict] = []
    queues = [q[::-1] for q in by_host.values()]
    while queues:
        for q in queues:
            out.append(q.pop())
        queues = [q for q in queues if q]
    return out


_PERMANENT = ("not an HTML or text page", "response larger than", "only http and https",
              "refusing private address")


def _process_items(feeds, store, settings, fetcher, trace_document, clock, run_id, t: _Tally) -> None:
    items = store.db["feed_items"]
    for row in _interleave(_pending(store, feeds, settings)):
        url = row["url"]
        try:
            allowed = fetcher.allowed(url)
        except FetchError as e:
            allowed, reason = None, str(e)
        if allowed is False and getattr(fetcher, "robots_unreachable", lambda u: False)(url):
            allowed, reason = None, (f"{url}: robots.txt could not be read (server error or timeout), "
                                     "so nothing on the host may be fetched for now; retried next run")
        if allowed is False:
            t.skipped += 1
            with store.transaction():
                items.update(url, {"status": "skipped", "last_error": f"{url}: disallowed by robots.txt",
                                   "fetched_at": None})
            continue
        outcome = None
        if allowed is None:
            error = reason
        else:
            try:
                resp = fetcher.get(url, check_robots=True)
                kind = "html" if resp.media_type in ("", "text/html", "application/xhtml+xml") else "text"
                outcome = trace_document(store, resp.body, input=url, kind=kind, url=resp.final_url,
                                         fetched_at=resp.fetched_at, redirects=resp.redirects,
                                         content_type=resp.content_type, settings=settings, now=clock(),
                                         run_id=run_id)
                error = outcome.error if outcome.status == "failed" else None
            except TracerError as e:
                error = str(e)
            except Exception as e:  # a bug in one item must not stop the run
                error = f"{url}: internal error ({type(e).__name__}: {e}); please report it"
        if error is None:
            trace = outcome.trace
            with store.transaction():
                items.update(url, {"status": "done", "article_id": trace.id if trace else None,
                                   "last_error": None, "fetched_at": resp.fetched_at})
            if outcome.status == "unchanged":
                t.unchanged += 1
            else:
                t.new += 1
                if trace is not None:
                    t.traces.append(trace)
            continue
        failures = (row.get("failures") or 0) + 1
        permanent = any(marker in error for marker in _PERMANENT)
        if permanent:
            failures = max(failures, settings.max_failures)
        t.failed += 1
        t.failures.append((url, error))
        with store.transaction():
            items.update(url, {"status": "failed", "failures": failures, "last_error": error})


# -- --out: reports and the digest -------------------------------------------------------------------


def _slug(text: str | None, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
    return slug[:limit].rstrip("-") or "article"


def _write_out(out_dir: str, t: _Tally, started: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    try:
        from . import report
    except ImportError:
        report = None
    notes: list[str] = []
    for trace in t.traces:
        if report is None:
            notes.append("reports not written: tracer.report is not available")
            break
        stem = f"{trace.id}-{_slug(trace.article.title)}"
        for fmt, suffix in (("html", "html"), ("markdown", "md")):
            path = out / f"{stem}.{suffix}"
            try:
                path.write_text(report.render(trace, fmt), encoding="utf-8")
                t.written.append(str(path))
            except Exception as e:  # noqa: BLE001 - one broken report must not stop the run
                notes.append(f"{path.name}: not written ({type(e).__name__}: {e})")
    stamp = re.sub(r"[^0-9TZ]", "", started)
    digest = out / f"digest-{stamp}.md"
    digest.write_text(_digest(t, started, notes), encoding="utf-8")
    t.written.append(str(digest))


def _md(text) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", str(text or ""))


def _digest(t: _Tally, started: str, notes: list[str]) -> str:
    lines = [f"# Watch digest {started}", "",
             f"{t.feeds} feeds checked ({t.not_modified} not modified), {t.new} new articles, "
             f"{t.unchanged} unchanged, {t.failed} failed, {t.skipped} skipped.", ""]
    lines += ["## New articles", ""]
    if not t.traces:
        lines.append("None.")
    for trace in t.traces:
        a = trace.article
        outlet = trace.outlet.name if trace.outlet else (a.site_name or "outlet unknown")
        chain = " → ".join(h.name for h in trace.chain.hops) if trace.chain else "no chain"
        lines.append(f"- [{_md(a.title or a.url)}]({a.url}) — {_md(outlet)}, {a.published or 'date unknown'}; "
                     f"chain: {_md(chain)} (layers {trace.layers})")
    lines += ["", "## New copies found", ""]
    copies = [(trace, c) for trace in t.traces for c in trace.copies]
    if not copies:
        lines.append("None.")
    for trace, c in copies:
        which = "earlier" if c.earlier else "later"
        lines.append(f"- {_md(trace.article.title or trace.article.url)}: {c.relation} copy of "
                     f"{_md(c.url or c.input)} ({_md(c.outlet or 'outlet unknown')}, {which}, "
                     f"similarity {c.similarity:.2f}, containment {c.containment:.2f})")
    lines += ["", "## New flags", ""]
    flags = [(trace, f) for trace in t.traces for f in trace.flags]
    if not flags:
        lines.append("None.")
    for trace, f in flags:
        lines.append(f"- `{f.kind}` {_md(trace.article.title or trace.article.url)}: {_md(f.message)}")
    if t.failures:
        lines += ["", "## Failures", ""]
        lines += [f"- {_md(reason)}" for _, reason in t.failures]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in notes]
    return "\n".join(lines) + "\n"


__all__ = ["RunSummary", "watch", "read_feeds", "parse_feed", "parse_sitemap", "normalize_item_url", "lock_path"]
