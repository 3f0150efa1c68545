"""HTTP fetching: the only module that imports requests.

One :class:`Fetcher` per run holds a session and everything that must not be module
state: when each host was last asked (per-host delay) and each host's robots.txt.

What it guarantees for every :meth:`Fetcher.get`:

- only http and https; TLS always verified; no proxies, ``.netrc`` or other
  environment credentials (``trust_env`` off); cookies live for one ``get`` and
  stay with the host that set them; no ``Authorization`` header is ever sent;
- loopback, private, link-local, multicast, reserved and cloud-metadata addresses
  are refused after DNS resolution, on every redirect hop, and the connection goes
  to the very address that was vetted (no DNS-rebinding window), unless
  ``settings.allow_private``;
- connect/read timeouts *and* a total deadline (a server dribbling one byte a second
  never trips a per-read timeout);
- the body is streamed and counted after decompression, so a small gzip bomb is
  stopped at ``settings.max_bytes`` without being inflated;
- redirects are followed by hand, each hop recorded, at most ``settings.max_redirects``,
  loops detected;
- retries with exponential backoff on connection errors, 429 and 5xx, honouring
  ``Retry-After`` (seconds or an HTTP date) capped at ``settings.max_retry_after``;
- a per-host delay, robots.txt (RFC 9309) on request, conditional GET.

Every failure is a :class:`~tracer.errors.FetchError` whose message is one line naming
the URL and the next step; it also carries ``url`` and ``status`` (HTTP status or None)
for callers that record failures as data.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Callable
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

from tracer.errors import FetchError
from tracer.settings import Settings

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
RETRY_CODES = frozenset({429, 500, 502, 503, 504})
CHUNK = 64 * 1024
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
ROBOTS_TOKEN = "tracer"

# Addresses a fetch must never reach unless allow_private: ``is_global`` already excludes
# loopback, RFC 1918, link-local (169.254.169.254, the cloud metadata address), CG-NAT
# (100.64/10, where Alibaba's metadata lives), unique-local (fd00:ec2::254), reserved and
# documentation ranges; these cover what ``is_global`` lets through.
_EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "192.88.99.0/24",  # 6to4 relay anycast
        "64:ff9b::/96",  # NAT64: embeds an IPv4 address
        "64:ff9b:1::/48",
        "2002::/16",  # 6to4: embeds an IPv4 address
        "5f00::/16",  # segment routing
    )
)
_METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


@dataclass(frozen=True)
class Response:
    url: str  # the URL asked for
    final_url: str
    status: int
    content_type: str | None  # the Content-Type header as sent ("text/html; charset=utf-8")
    body: bytes
    redirects: tuple[str, ...]  # every URL visited before the final one
    etag: str | None
    last_modified: str | None
    fetched_at: str  # ISO 8601, UTC
    not_modified: bool = False

    @property
    def media_type(self) -> str:
        """``text/html`` from ``text/html; charset=utf-8`` ('' when not sent)."""
        return (self.content_type or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def blocked_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for any address a public fetch must not reach."""
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        not ip.is_global
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_unspecified
        or any(ip in net for net in _EXTRA_BLOCKED)
    )


class _Refused(requests.exceptions.RequestException):
    """A host resolved to an address we refuse to connect to."""

    def __init__(self, address: str):
        super().__init__(address)
        self.address = address


class _Unresolved(requests.exceptions.ConnectionError):
    """DNS gave no address for the host."""


def _resolve_public(host: str, port: int | None) -> str:
    """Resolve ``host`` once, refuse it unless public, return the address to connect to."""
    if host.lower().rstrip(".") in _METADATA_HOSTS:
        raise _Refused(host)
    try:
        infos = socket.getaddrinfo(host, port or 0, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _Unresolved(f"couldn't resolve {host}") from exc
    if not infos:
        raise _Unresolved(f"couldn't resolve {host}")
    address = infos[0][4][0].split("%")[0]
    ip = ipaddress.ip_address(address)
    if blocked_address(ip):
        raise _Refused(str(ip))
    return f"[{ip}]" if ip.version == 6 else str(ip)


class _PinnedAdapter(HTTPAdapter):
    """Connect to the address vetted by :func:`_resolve_public`, never re-resolving.

    The technique is requests-hardened's ``IPFilterAdapter``: resolve in
    ``build_connection_pool_key_attributes``, swap the pool's host for the vetted IP,
    keep the name in the ``Host`` header, and for TLS check the certificate and send
    SNI for the name. Our own check adds link-local, reserved, CG-NAT and metadata names
    and gives messages a user can act on.
    """

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        request.headers = CaseInsensitiveDict(request.headers or {})
        name = host_params["host"]
        port = host_params["port"]
        host_header = f"[{name}]" if ":" in name else name
        if port is not None:
            host_header += f":{port}"
        request.headers["Host"] = host_header
        if host_params["scheme"] == "https":
            pool_kwargs["assert_hostname"] = name
            pool_kwargs["server_hostname"] = name
        host_params["host"] = _resolve_public(name, port)
        return host_params, pool_kwargs


def _fail(url: str, message: str, *, status: int | None = None, retryable: bool = False) -> FetchError:
    err = FetchError(message)
    err.url = url
    err.status = status
    err.retryable = retryable
    return err


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _cause(exc: BaseException) -> str:
    """A short human reason from a requests/urllib3 exception chain (most specific wins)."""
    chain: list[BaseException] = []
    stack = [exc]
    while stack:
        e = stack.pop()
        if e is None or any(e is seen for seen in chain):
            continue
        chain.append(e)
        stack.extend([e.__cause__, e.__context__])
        stack.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
        reason = getattr(e, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    kinds = (
        ((socket.gaierror, urllib3.exceptions.NameResolutionError, _Unresolved), "name not found"),
        ((ConnectionRefusedError,), "connection refused"),
        ((ConnectionResetError,), "connection reset"),
        ((urllib3.exceptions.IncompleteRead, urllib3.exceptions.ProtocolError),
         "the connection closed before the promised length"),
    )
    for types, text in kinds:
        if any(isinstance(e, types) for e in chain):
            return text
    if any(isinstance(e, (requests.exceptions.ConnectTimeout, urllib3.exceptions.ConnectTimeoutError))
           and not isinstance(e, urllib3.exceptions.NewConnectionError) for e in chain):
        return "connection timed out"
    if any(isinstance(e, (urllib3.exceptions.ReadTimeoutError, requests.exceptions.ReadTimeout, TimeoutError))
           for e in chain):
        return "no answer in time"
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None if unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(when.timestamp() - now, 0.0)


def _is_text_type(media_type: str) -> bool:
    return (
        not media_type
        or media_type.startswith("text/")
        or media_type in {"application/xhtml+xml", "application/xml", "application/rss+xml",
                          "application/atom+xml", "application/rdf+xml"}
        or media_type.endswith("+xml")
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _clean(url: str) -> str:
    """Drop the fragment: it is never sent and must not defeat loop detection."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


class Fetcher:
    """A polite, bounded HTTP client. Use one per run; ``close()`` (or ``with``) when done."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ):
        self.settings = settings or Settings()
        self.sleep = sleep
        self.clock = clock
        self.wall = wall
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies, .netrc credentials or CA overrides
        self.session.max_redirects = self.settings.max_redirects
        ua = self.settings.user_agent
        if self.settings.contact_url:
            ua = f"{ua} +{self.settings.contact_url}"
        self.session.headers.update({"User-Agent": ua, "Accept": "text/html,application/xhtml+xml,"
                                     "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"})
        if not self.settings.allow_private:
            if not hasattr(HTTPAdapter, "build_connection_pool_key_attributes"):
                # older requests never call the hook: the address check would silently not run
                raise FetchError("requests >= 2.32.2 is needed to refuse private addresses; "
                                 "upgrade it (pip install -U requests)")
            adapter = _PinnedAdapter()
            self.session.mount("http://", adapter)
            self.session.mount("https://", adapter)
        self._last_request: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | bool] = {}
        self.requests = 0  # requests sent, robots.txt included (for benchmarks and tests)

    # -- public API ------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = False,
    ) -> Response:
        """GET ``url`` as an HTML, text or XML page; raise FetchError with a reason otherwise."""
        return self._get(url, etag=etag, last_modified=last_modified, check_robots=check_robots,
                         max_bytes=self.settings.max_bytes, any_type=False)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (fetched once per host per Fetcher)."""
        origin = _origin(url)
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._load_robots(origin)
            self._robots[origin] = rules
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(ROBOTS_TOKEN, url)

    def robots_unreachable(self, url: str) -> bool:
        """True when ``url``'s robots.txt could not be read (5xx, timeout): all disallowed for now."""
        return self._robots.get(_origin(url)) is False

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------

    def _load_robots(self, origin: str) -> RobotFileParser | bool:
        robots_url = f"{origin}/robots.txt"
        try:
            resp = self._get(robots_url, max_bytes=ROBOTS_MAX_BYTES, any_type=True, check_robots=False)
        except FetchError as exc:
            status = getattr(exc, "status", None)
            if "refusing private address" in str(exc):
                raise
            if status is not None and 400 <= status < 500:
                return True  # RFC 9309: unavailable -> everything allowed
            return False  # 5xx, timeout, unreachable -> everything disallowed
        rules = RobotFileParser(robots_url)
        rules.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_TOKEN)
        if delay:
            try:
                self._host_delay[_host(origin)] = min(float(delay), self.settings.max_retry_after)
            except (TypeError, ValueError):
                pass
        return rules

    def _check_url(self, url: str, asked: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise _fail(asked, f"{url}: only http and https URLs can be fetched; check the URL")
        if not parts.hostname:
            raise _fail(asked, f"{url}: no host in the URL; check the URL")

    def _wait_for_host(self, host: str) -> None:
        delay = max(self.settings.host_delay, self._host_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if delay > 0 and last is not None:
            wait = delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)

    def _get(self, url, *, etag=None, last_modified=None, check_robots=False, max_bytes, any_type):
        self._check_url(url, url)
        current = _clean(url)
        if check_robots and not self.allowed(current):
            raise _fail(url, f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self.session.cookies.clear()  # cookies live for one get, never across fetches
        redirects: list[str] = []
        visited = {current}
        budget = {"deadline": self.clock() + self.settings.total_timeout}
        try:
            while True:
                resp = self._send(url, current, headers, budget)
                status = resp.status_code
                if status in REDIRECT_CODES:
                    location = resp.headers.get("Location")
                    resp.close()
                    if not location:
                        raise _fail(url, f"{current}: HTTP {status} redirect without a Location; check the URL",
                                    status=status)
                    target = _clean(urljoin(current, location.strip()))
                    self._check_url(target, url)
                    if target in visited:
                        raise _fail(url, f"{url}: redirect loop at {target}; check the URL in a browser")
                    if len(redirects) >= self.settings.max_redirects:
                        raise _fail(url, f"{url}: more than {self.settings.max_redirects} redirects; "
                                    "check the URL in a browser")
                    redirects.append(current)
                    visited.add(target)
                    current = target
                    if check_robots and not self.allowed(current):
                        raise _fail(url, f"{url}: redirected to {current}, disallowed by robots.txt")
                    continue
                fetched_at = datetime.fromtimestamp(self.wall(), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                if status == 304:
                    resp.close()
                    return Response(url, current, 304, resp.headers.get("Content-Type"), b"",
                                    tuple(redirects), resp.headers.get("ETag") or etag,
                                    resp.headers.get("Last-Modified") or last_modified, fetched_at, True)
                if status >= 400 or status < 200:
                    resp.close()
                    raise self._http_error(url, current, status)
                content_type = resp.headers.get("Content-Type")
                media = (content_type or "").split(";")[0].strip().lower()
                if not any_type and not _is_text_type(media):
                    resp.close()
                    raise _fail(url, f"{current}: not an HTML or text page ({media}); give the URL of an article page",
                                status=status)
                body = self._read(resp, url, current, budget["deadline"], max_bytes)
                return Response(url, current, status, content_type, body, tuple(redirects),
                                resp.headers.get("ETag"), resp.headers.get("Last-Modified"), fetched_at, False)
        finally:
            self.session.cookies.clear()

    def _http_error(self, url: str, current: str, status: int) -> FetchError:
        where = url if current == url else f"{url} (via {current})"
        text = f"HTTP {status} {_reason(status)}".rstrip()
        if status == 429:
            hint = f"the site asks us to slow down; still refused after {self.settings.retries} retries, try later"
        elif status >= 500:
            hint = f"the server failed after {self.settings.retries} retries; try later"
        elif status in (401, 403):
            hint = "the site refuses us; it may need a login or block robots"
        elif status in (404, 410):
            hint = "check the URL"
        else:
            hint = "check the URL"
        return _fail(url, f"{where}: {text}; {hint}", status=status, retryable=status in RETRY_CODES)

    def _send(self, url: str, current: str, headers: dict, budget: dict) -> requests.Response:
        """One hop, retried on connection errors, 429 and 5xx. Returns a streamed response."""
        host = _host(current)
        s = self.settings
        attempt = 0
        while True:
            self._wait_for_host(host)
            remaining = budget["deadline"] - self.clock()
            if remaining <= 0:
                raise _fail(url, f"{url}: took longer than {s.total_timeout:g}s in all; try later "
                            "or raise TRACER_TOTAL_TIMEOUT", retryable=True)
            timeout = min(s.timeout, remaining)
            try:
                self.requests += 1
                resp = self.session.get(current, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(timeout, timeout), verify=True)
            except _Refused as exc:
                raise _fail(url, f"{current}: refusing private address {exc.address}; set "
                            "TRACER_ALLOW_PRIVATE=1 or --allow-private for local testing") from None
            except requests.exceptions.SSLError as exc:
                raise _fail(url, f"{current}: TLS certificate check failed ({_cause(exc)}); "
                            "the site's certificate is not valid, it was not read") from None
            except requests.exceptions.InvalidURL as exc:
                raise _fail(url, f"{current}: invalid URL ({exc}); check the URL") from None
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
                reason = _cause(exc)
                unresolved = reason == "name not found"
                if attempt < s.retries and not unresolved:
                    self._backoff(attempt, budget)
                    attempt += 1
                    continue
                host_name = urlsplit(current).hostname
                if unresolved:
                    raise _fail(url, f"Couldn't resolve {host_name} for {url}; check the URL") from None
                raise _fail(url, f"Couldn't connect to {current}: {reason}; check the URL or try later",
                            retryable=True) from None
            finally:
                self._last_request[host] = self.clock()
            if resp.status_code in RETRY_CODES and attempt < s.retries:
                wait = retry_after_seconds(resp.headers.get("Retry-After"), self.wall())
                resp.close()
                self._backoff(attempt, budget, wait)
                attempt += 1
                continue
            return resp

    def _backoff(self, attempt: int, budget: dict, retry_after: float | None = None) -> None:
        wait = self.settings.backoff * (2**attempt) if retry_after is None else retry_after
        wait = min(wait, self.settings.max_retry_after)
        if wait > 0:
            self.sleep(wait)
            budget["deadline"] += wait  # waiting politely does not eat the download budget

    def _read(self, resp: requests.Response, url: str, current: str, deadline: float, max_bytes: int) -> bytes:
        """Read the body, counting decoded bytes; stop at ``max_bytes`` or the deadline."""
        too_large = _fail(url, f"{current}: response larger than {max_bytes:,} bytes; raise TRACER_MAX_BYTES "
                          "if this is a real article")
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and not resp.headers.get("Content-Encoding"):
            if int(declared) > max_bytes:
                resp.close()
                raise too_large
        raw = resp.raw
        fired = threading.Event()

        def stop() -> None:  # unblock a read stuck on a dribbling server
            fired.set()
            try:
                raw.shutdown()
            except Exception:  # noqa: BLE001 - already closed or released: nothing to stop
                pass

        timer = threading.Timer(max(deadline - self.clock(), 0.0), stop)
        timer.daemon = True
        timer.start()
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if fired.is_set() or self.clock() > deadline:
                    break
                data = raw.read1(CHUNK, decode_content=True)
                if not data:
                    break
                size += len(data)
                if size > max_bytes:
                    raise too_large
                chunks.append(data)
        except FetchError:
            raise
        except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException, OSError) as exc:
            if fired.is_set():
                raise self._too_slow(url) from None
            if isinstance(exc, urllib3.exceptions.DecodeError):
                raise _fail(url, f"{current}: the compressed body is corrupt; try later") from None
            if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
                raise _fail(url, f"{current}: the server stopped sending; try later", retryable=True) from None
            raise _fail(url, f"{current}: the body was cut short ({_cause(exc)}); try later",
                        retryable=True) from None
        finally:
            timer.cancel()
            resp.close()
        if fired.is_set() or self.clock() > deadline:
            raise self._too_slow(url)
        return b"".join(chunks)

    def _too_slow(self, url: str) -> FetchError:
        return _fail(url, f"{url}: took longer than {self.settings.total_timeout:g}s in all; try later "
                     "or raise TRACER_TOTAL_TIMEOUT", retryable=True)


def fetch(url: str, settings: Settings | None = None, **kwargs) -> Response:
    """One-off fetch with a throwaway :class:`Fetcher`."""
    with Fetcher(settings) as fetcher:
        return fetcher.get(url, **kwargs)


__all__ = ["Fetcher", "Response", "fetch", "blocked_address", "retry_after_seconds"]
