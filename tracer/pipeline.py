"""The only module that joins I/O and the pure core.

Workers (`workers.imap`, one process per core) read, fetch, extract and analyse, and match each
new article against what the store has committed (``prematch``); the parent process owns
the store: it saves each article all or nothing (group-committed), verifies the candidate
copies no worker could see and records links. A failure in one input becomes an
``Outcome`` with a reason; the batch goes on.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from . import (
    attribution,
    chain,
    dateline,
    duplication,
    fingerprint,
    language,
    match,
    normalize,
    outlets,
    workers,
)
from .copies import copy_from_link_row, one_uncredited, order, uncredited_copy
from .errors import TracerError
from .models import (
    Article,
    Attribution,
    Chain,
    Credit,
    Dateline,
    Fingerprint,
    Flag,
    Link,
    Outcome,
    Outlet,
    Party,
    Splits,
    Stored,
    Trace,
)
from .settings import Settings
from .sources import Input, expand, read


@dataclass(frozen=True)
class Analysis:
    """Everything the pure core reads from one article, before the store sees it."""

    article: Article
    fingerprint: Fingerprint
    dateline: Dateline | None
    credits: tuple[Credit, ...]
    attributions: tuple[Attribution, ...]
    chains: tuple[Chain, ...]
    flags: tuple[Flag, ...]
    outlet: Outlet | None
    raw_sha256: str | None = None
    splits: Splits | None = None  # the text's paragraphs and sentences, for the matcher


def analyse(article: Article) -> Analysis:
    """Pure reading of one article: dateline, attributions, chain, flags, fingerprint."""
    line = dateline.parse(article.text)
    found = attribution.extract(article.text, line=line)
    credits, chains, chain_flags, outlet = chain.build(article, line, found, outlets.load())
    return Analysis(
        article=article,
        # The headline block stays out of the shingles: a re-headlined copy is still a
        # copy, and one headline over two different stories is not.
        fingerprint=fingerprint.fingerprint(
            article.text, skip=fingerprint.body_start(article.text, article.title)),
        dateline=line,
        credits=credits,
        attributions=found,
        chains=chains,
        flags=duplication.flags(article) + tuple(chain_flags) + language.flags(article),
        outlet=outlet,
        splits=normalize.splits(article.text),  # split already: cached
    )


def _extract(data: bytes, **kw) -> Article:
    from .extract import extract  # trafilatura import is heavy; only workers that extract pay

    return extract(data, **kw)


@functools.lru_cache(maxsize=1)
def _fetcher(settings: Settings):
    """One Fetcher per worker process, so its per-host delay and connections are shared
    across the URLs that worker handles."""
    from .fetch import Fetcher

    return Fetcher(settings)


def prepare(inp: Input, settings: Settings, data: bytes | None = None,
            now: str | None = None) -> Analysis:
    """Read (or fetch) and analyse one input; raises TracerError with a one-line reason."""
    if inp.error:
        raise TracerError(inp.error)
    if inp.kind == "url":
        resp = _fetcher(settings).get(inp.name)
        kind = "html" if "html" in (resp.content_type or "html") else "text"
        article = _extract(resp.body, input=inp.name, kind=kind, url=resp.final_url,
                           fetched_at=resp.fetched_at, redirects=resp.redirects,
                           content_type=resp.content_type)
        raw = resp.body
    else:
        raw = data if data is not None else read(inp, settings.max_bytes)
        kind = inp.kind
        if kind == "stdin":
            kind = "html" if raw.lstrip()[:1] == b"<" else "text"
        article = _extract(raw, input=inp.name, kind=kind, fetched_at=now)
    return replace(analyse(article), raw_sha256=hashlib.sha256(raw).hexdigest())


def _prepare_job(job) -> tuple[str, Analysis | None, str | None, Prematched | None]:
    """Pool worker: never raises, so one bad input cannot stop the batch. With a store path
    it also matches the article against the store's committed articles (``prematch``)."""
    inp, data, settings, now, db = job
    try:
        analysis = prepare(inp, settings, data, now)
    except TracerError as e:
        return inp.name, None, str(e), None
    except MemoryError:
        return inp.name, None, f"{inp.name}: ran out of memory reading it; skip or split this input", None
    except Exception as e:  # a bug must not lose the rest of the batch
        return inp.name, None, f"{inp.name}: internal error ({type(e).__name__}: {e}); please report it", None
    try:
        found = prematch(_reader(db), analysis, now=now) if db and _FORKED_CLEAN else None
    except Exception:  # only a head start: the store's process matches whatever is missing
        found = None
    return inp.name, analysis, None, found


# True only in workers forked when the pool starts, before the store's process opens its
# first write transaction. A worker forked later (the replacement of one that died) copies
# SQLite's in-memory record of the locks its parent holds on the same file, so it must not
# open the store: it leaves matching to the store's process.
_FORKED_CLEAN = False


# The id a new article is compared under before it has one. Larger than any stored id, as its
# real id will be, so match.compare's tie-break (lower id first) decides the same way.
PENDING_ID = 2**62


@functools.lru_cache(maxsize=1)
def _reader(db: str):
    """One read-only use of the store per worker process (opened after the fork)."""
    from .store import Store

    return Store(db)


def as_stored(a: Analysis, article_id: int) -> Stored:
    """The matcher's view of an analysed article, under ``article_id``."""
    return Stored(id=article_id, article=a.article, fingerprint=a.fingerprint,
                  credits=tuple(c.name for c in a.credits),
                  outlet=a.outlet.name if a.outlet else None,
                  dateline_date=a.dateline.date if a.dateline else None, splits=a.splits)


@dataclass(frozen=True)
class Prematched:
    """A worker's comparisons of a new article with the store as of one read snapshot:
    ``links`` by candidate id (links name the new article ``PENDING_ID``); every article
    in that snapshot has an id of at most ``upto``."""

    links: dict[int, Link | None]
    upto: int


def prematch(store, a: Analysis, *, now: str) -> Prematched | None:
    """``match.compare`` of a new article with each candidate committed in the store, in
    one read snapshot. Workers run this in parallel; the store's process then compares
    only the candidates committed since (``link_copies``). None for an article already
    stored (a re-trace finds it unchanged)."""
    fp = a.fingerprint
    new = as_stored(a, PENDING_ID)
    hashes = fp.passage_hashes
    with store.snapshot():
        if store.find(a.article.input, fp.sha256) is not None:
            return None
        return Prematched(
            links={other_id: match.compare(new, store.stored(other_id), now=now)
                   for other_id in store.candidates(PENDING_ID, fp.bands, hashes)},
            upto=store.last_id())


def commit(store, analysis: Analysis, *, now: str, run_id: int | None = None,
           prematched: Prematched | None = None, report: bool = True) -> Outcome:
    """Save one analysed article, find its copies, and return its trace (with ``report``
    false, only the status: the trace's queries were a tenth of the store's process's time
    in a quiet batch)."""
    a = analysis
    with store.transaction():  # all or nothing: the article, its links and the flags they raise
        article_id, created = store.save(
            article=a.article, fingerprint=a.fingerprint, outlet=a.outlet, dateline=a.dateline,
            credits=a.credits, attributions=a.attributions, chains=a.chains, flags=a.flags,
            now=now, run_id=run_id, raw_sha256=a.raw_sha256, splits=a.splits,
        )
        if created:
            link_copies(store, article_id, a, now=now, prematched=prematched)
    return Outcome(a.article.input, trace=build_trace(store, article_id, a) if report else None,
                   status="traced" if created else "unchanged")


def link_copies(store, article_id: int, a: Analysis, *, now: str,
                prematched: Prematched | None = None) -> None:
    """Candidates from the LSH bands and paragraph hashes, each verified exactly (or already
    verified by a worker: ``prematched``); the new article, as the matcher sees it, is
    handed to the store's cache for its later copies."""
    fp = a.fingerprint
    new = as_stored(a, article_id)
    hashes = fp.passage_hashes
    done = prematched.links if prematched is not None else {}
    if prematched is not None and store.unchanged_since(article_id, prematched.upto, done):
        # Nothing saved since the worker's snapshot shares a key with this article: the
        # worker's candidates are the store's, without the store's query (~0.3 ms).
        candidates = sorted(done)
    else:
        candidates = store.candidates(article_id, fp.bands, hashes)
    links = []
    for other_id in candidates:
        if other_id in done:  # compared by a worker, under PENDING_ID
            link = done[other_id]
            if link is not None:
                link = replace(link, source_id=_own(link.source_id, article_id),
                               target_id=_own(link.target_id, article_id))
        else:
            link = match.compare(new, store.stored(other_id), now=now)
        if link is not None:
            links.append(link)
    me = Party.of(new)
    for link in store.save_links(links, now):
        source = me if link.source_id == article_id else store.party(link.source_id)
        target = me if link.target_id == article_id else store.party(link.target_id)
        flag = uncredited_copy(target, source, link.passages)
        if flag:
            store.add_flags(target.id, [flag])
    store.remember(new)  # kept only if the transaction commits: an id may be reused


def _own(link_id: int, article_id: int) -> int:
    return article_id if link_id == PENDING_ID else link_id


def build_trace(store, article_id: int, a: Analysis) -> Trace:
    """The report's view: the analysis plus copies and flags added by later matches."""
    copies = order([copy_from_link_row(row, article_id) for row in store.links(article_id)])
    kinds = {(f.kind, f.message) for f in a.flags}
    extra = tuple(f for f in store.flags(article_id) if (f.kind, f.message) not in kinds)
    return Trace(
        article=a.article, id=article_id, sha256=a.fingerprint.sha256, outlet=a.outlet,
        dateline=a.dateline, credits=a.credits, attributions=a.attributions,
        chains=a.chains, flags=one_uncredited(a.flags + extra, copies), copies=copies,
        undecided=undecided(a, copies),
    )


def undecided(a: Analysis, copies) -> tuple[str, ...]:
    """What the tool could not decide, in plain words."""
    out = []
    if not a.article.published and not (a.dateline and a.dateline.date):
        day = dateline.yearless_day(a.dateline.span.text) if a.dateline else None
        out.append(f"publication date unknown: the dateline gives a day without a year (“{day}”)"
                   if day else "publication date unknown: the page carries no date we could read")
    if a.outlet is None:
        out.append("publishing outlet unknown: no site name, dateline or known domain")
    if not a.chains:
        out.append("no primary source identified: the article attributes no claim we could read")
    if any(c.day is None for c in copies):
        out.append("some copies carry no date: which came first was decided by the stored "
                   "evidence and tie-break, not by dates")
    return tuple(out)


def load_trace(store, ref: str) -> Trace:
    """Re-read a stored article (the pure analysis is recomputed; copies come from links)."""
    row = store.get(ref)
    return build_trace(store, row["id"], analyse(store.article(row)))


def _jobs(settings: Settings, n_hint: int | None = None) -> int:
    jobs = settings.jobs or os.cpu_count() or 1
    return max(1, min(jobs, n_hint or jobs))


def trace(sources: Iterable[str], store, settings: Settings, *, now: str,
          from_file: str | None = None, stdin=None, run_id: int | None = None,
          reports: bool = True) -> Iterator[Outcome]:
    """Trace every input in order, yielding one Outcome each (streamed, never the corpus);
    ``reports=False`` leaves out the traces of stored articles (``tracer trace -q``)."""
    def jobs_iter(db: str | None):
        for inp in expand(sources, from_file=from_file):
            data = None
            if inp.kind == "stdin" and not inp.error:
                try:
                    data = read(inp, settings.max_bytes, stdin=stdin)
                except TracerError as e:
                    inp = replace(inp, error=str(e))
            yield inp, data, settings, now, db

    processes = _jobs(settings)
    if processes > 1 and hasattr(os, "fork"):
        # Load once here so forked workers inherit them instead of each paying again.
        from . import extract  # noqa: F401  (trafilatura and lxml)

        outlets.load()
        fingerprint.word_chars()
        chain.load_suffixes()
    with _batch_gc():
        if processes == 1:
            yield from _commit_all(map(_prepare_job, jobs_iter(None)), store, settings, now,
                                   run_id, reports)
        else:
            yield from _trace_in_pool(jobs_iter, processes, store, settings, now, run_id,
                                      reports)


@contextmanager
def _batch_gc():
    """The garbage collector tuned for a batch: everything loaded so far (modules, regexes,
    outlet lists) is frozen out of its scans, and the youngest generation is collected
    every 10,000 allocations instead of 700. Its full scans over the cache of stored
    records took 0.45 ms of the store's process per article (2,000-article corpus; 0.2
    ms after). Forked workers inherit both, and freezing first keeps the pages they share
    with the parent from being copied by the collector's writes."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _trace_in_pool(jobs_iter, processes: int, store, settings: Settings, now, run_id,
                   reports: bool):
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    # Workers match against what the store has committed, so the store's process, the one
    # part that does not run in parallel, only compares what was committed since.
    fork = ctx.get_start_method() == "fork"
    db = str(store.path) if store.path is not None and fork else None
    results = workers.imap(_prepare_job, jobs_iter(db), processes=processes,
                           window=processes * 8, died=_died, ctx=ctx,
                           setup=_forked_clean if fork else None)
    yield from _commit_all(results, store, settings, now, run_id, reports)


def _forked_clean() -> None:
    global _FORKED_CLEAN
    _FORKED_CLEAN = True


def _died(job, reason: str) -> tuple[str, None, str, None]:
    name = job[0].name
    return name, None, (f"{name}: its worker process was {reason} while tracing it (out of "
                        "memory?); the rest of the batch went on; retry it alone with "
                        "--jobs 1"), None


def _commit_all(results, store, settings: Settings, now, run_id,
                reports: bool) -> Iterator[Outcome]:
    """Each article in its own (nested) transaction, committed in groups (``commit_every``
    articles or ``commit_seconds``): a failing article is rolled back alone."""
    with store.group(settings.commit_every, settings.commit_seconds) as tick:
        for name, analysis, error, prematched in results:
            if error is not None:
                store.record_failure(run_id, name, error, now)
                outcome = Outcome(name, error=error, status="failed")
            else:
                try:
                    outcome = commit(store, analysis, now=now, run_id=run_id,
                                     prematched=prematched, report=reports)
                except TracerError as e:
                    outcome = Outcome(name, error=str(e), status="failed")
            tick()
            yield outcome


def trace_document(store, data: bytes, *, input: str, kind: str, url: str | None = None,
                   fetched_at: str | None = None, redirects: tuple[str, ...] = (),
                   content_type: str | None = None, settings: Settings | None = None,
                   now: str, run_id: int | None = None) -> Outcome:
    """Trace bytes already fetched (the watch job's entry): extract, analyse, commit."""
    try:
        article = _extract(data, input=input, kind=kind, url=url, fetched_at=fetched_at,
                           redirects=redirects, content_type=content_type)
        analysis = replace(analyse(article), raw_sha256=hashlib.sha256(data).hexdigest())
        return commit(store, analysis, now=now, run_id=run_id)
    except TracerError as e:
        return Outcome(input, error=str(e), status="failed")
