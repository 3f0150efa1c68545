"""`python -m bench.bench_watch`: the cost of an hourly cron run when nothing changed.

10 feeds x 100 items served on 127.0.0.1 (a threaded http.server with ETag / 304), a
temporary store, the real fetcher and pipeline. A first run reads every feed and traces the
1,000 articles; a second run over the unchanged feeds should send one conditional request
per feed (answered 304) and fetch no article.

Goal: second run < 1 s wall time, 10 conditional feed requests, 0 article requests.
``host_delay`` is 0 here (one loopback server plays every host); with the default 1 s and
ten real hosts the second run still sends one request per host, so it costs no delay.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WORDS = ("council budget minister election river border police court bank market strike "
         "hospital school storm flood bridge railway port harbour airline treaty summit army "
         "protest festival museum farmers drought harvest prices wages union factory mayor "
         "senate ruling appeal verdict inquiry report agency official spokesman statement "
         "capital province village coast island mountain desert forest energy pipeline grid").split()


def article(feed: int, item: int) -> bytes:
    rng = random.Random(feed * 1000 + item)
    title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} in region {feed}-{item}"
    paras = []
    for _ in range(5):
        words = [rng.choice(WORDS) for _ in range(rng.randint(35, 60))]
        paras.append(" ".join(words).capitalize() + f", officials in region {feed}-{item} said.")
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>").encode()


def feed_xml(base: str, feed: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Story {feed}-{i}</title><link>{base}/a/{feed}/{i}?utm_source=rss</link>"
        f"<pubDate>Thu, 09 Jan 2020 {i % 24:02d}:00:00 GMT</pubDate></item>" for i in range(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
            f"<link>{base}/</link>{entries}</channel></rss>").encode()


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.feeds = self.conditional = self.not_modified = self.articles = self.robots = 0

    def reset(self):
        with self.lock:
            self.feeds = self.conditional = self.not_modified = self.articles = self.robots = 0


def serve(n_feeds: int, n_items: int):
    counter = Counter()
    state = {"base": ""}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = 1 << 16  # one send per response: no Nagle / delayed-ACK stalls on loopback

        def log_message(self, *args):  # quiet
            pass

        def _send(self, status, body=b"", ctype="text/html", headers=()):
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def do_GET(self):
            path = self.path.split("?")[0]
            parts = path.strip("/").split("/")
            if path == "/robots.txt":
                with counter.lock:
                    counter.robots += 1
                return self._send(404, b"", "text/plain")
            if parts[0] == "feed" and len(parts) == 2:
                etag = f'"feed-{parts[1]}-v1"'
                with counter.lock:
                    counter.feeds += 1
                    if self.headers.get("If-None-Match"):
                        counter.conditional += 1
                if self.headers.get("If-None-Match") == etag:
                    with counter.lock:
                        counter.not_modified += 1
                    return self._send(304, headers=[("ETag", etag)])
                body = feed_xml(state["base"], int(parts[1]), n_items)
                return self._send(200, body, "application/rss+xml", [("ETag", etag)])
            if parts[0] == "a" and len(parts) == 3:
                with counter.lock:
                    counter.articles += 1
                return self._send(200, article(int(parts[1]), int(parts[2])), "text/html; charset=utf-8")
            return self._send(404, b"not here", "text/plain")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, state["base"], counter


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=10)
    ap.add_argument("--items", type=int, default=100)
    args = ap.parse_args(argv)

    from tracer.settings import Settings
    from tracer.store import Store
    from tracer.watch import watch

    server, base, counter = serve(args.feeds, args.items)
    settings = Settings(allow_private=True, host_delay=0.0, jobs=1)
    with tempfile.TemporaryDirectory() as tmp:
        feeds = Path(tmp) / "feeds.txt"
        feeds.write_text("\n".join(f"{base}/feed/{i}" for i in range(args.feeds)) + "\n")
        store = Store(Path(tmp) / "bench.db", now="bench")
        try:
            t0 = time.perf_counter()
            first = watch(str(feeds), store, settings)
            t1 = time.perf_counter()
            first_counts = (counter.feeds, counter.articles, counter.robots)
            counter.reset()
            t2 = time.perf_counter()
            second = watch(str(feeds), store, settings)
            t3 = time.perf_counter()
        finally:
            store.close()
            server.shutdown()
    n = args.feeds * args.items
    print(f"bench_watch: {args.feeds} feeds x {args.items} items on {base} (host_delay 0, real pipeline)")
    print(f"  first run : {t1 - t0:7.2f} s  {first.new} new, {first.failed} failed; "
          f"{first_counts[0]} feed, {first_counts[1]} article, {first_counts[2]} robots.txt requests "
          f"({n / max(t1 - t0, 1e-9):.0f} articles/s)")
    print(f"  second run: {t3 - t2:7.3f} s  (goal < 1 s)  {second.new} new, exit {second.exit_code}")
    print(f"  second run requests: {counter.conditional} conditional feed requests "
          f"({counter.not_modified} answered 304; goal {args.feeds}), {counter.articles} article requests "
          f"(goal 0), {counter.robots} robots.txt")
    ok = (t3 - t2 < 1.0 and counter.conditional == args.feeds and counter.not_modified == args.feeds
          and counter.articles == 0 and first.new == n)
    print("  PASS" if ok else "  FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
