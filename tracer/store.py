"""The SQLite store: rows <-> dataclasses. The only importer of sqlite_utils.

WAL mode, a busy timeout and ``BEGIN IMMEDIATE`` transactions, so concurrent writers wait
instead of failing. Each article is all or nothing (a transaction, or a savepoint inside a
:meth:`Store.group` commit); a crash loses at most the uncommitted group.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from pathlib import Path

import sqlite_utils

from . import migrations, normalize
from .copies import dateline_date, passages_to_json
from .errors import NotFound, StoreError
from .fingerprint import VERSION as FINGERPRINT_VERSION
from .models import (
    Article,
    Attribution,
    Chain,
    Credit,
    Dateline,
    Fingerprint,
    Flag,
    Link,
    Outlet,
    ParagraphHash,
    Party,
    Span,
    Splits,
    Stored,
)

BUSY_TIMEOUT_S = 30
BUCKET_CAP = 100  # members read from one oversized LSH band or passage-hash bucket
# A passage hash on more rows than this is boilerplate ("Follow us on Twitter", a copyright
# line): an article that shares only that one passage with the new one (no band, no other
# passage) is no candidate. match.compare would reject it (one shared sentence) unless the
# rest of the two texts overlapped by edits alone.
COMMON_KEY_ROWS = 20
# Stored records kept in memory: a story's copies meet the same earlier copies again and
# again (each of n copies is verified against the ones before it). A stored article never
# changes under its id, so the cache cannot go stale; ~40 KB each, ~20 MB in all.
STORED_CACHE = 512
# A flag's evidence longer than this (an uncredited copy's shared passage: 1.4 KB on average,
# 16.7 of the 22 MB flags table on the syndication bench) is kept as offsets only, its text
# cut from the article's when read (``flags``; the ``flag_evidence`` view for Datasette).
QUOTED_EVIDENCE = 300
# Keys (LSH bands, passage hashes) of the articles this Store saved, newest id for each: with
# them the store's process can tell that nothing saved since a worker's read snapshot shares
# a key with a new article, and skip its candidate query. ~90 keys an article: about the
# last 2,200 articles' keys (~27 MB) are kept, then forgotten, and the query runs again until
# the workers' snapshots reach the articles saved after that.
RECENT_KEYS = 200_000


def _pack(values: Iterable[int]) -> bytes:
    return array("Q", values).tobytes()


def _unpack(blob: bytes | None, count: int | None = None) -> tuple[int, ...]:
    """Integers packed by ``_pack`` or ``_pack_shingles``: 4 bytes each when ``count`` of
    them fill the blob that way, else 8."""
    if not blob:
        return ()
    values = array("I" if count and len(blob) == 4 * count else "Q")
    values.frombytes(blob)
    return tuple(values)


def _pack_shingles(values: tuple[int, ...]) -> bytes:
    """Shingle hashes are 32-bit (``fingerprint.shingle_hashes``): 4 bytes each, which halves
    a fingerprint's shingles (5.5 -> 2.8 KB an article on the syndication bench); 8 for
    anything wider. ``_unpack`` tells the two apart by ``n_shingles``."""
    wide = bool(values) and max(values) >= 1 << 32
    return array("Q" if wide else "I", values).tobytes()


def _insert(conn, table: str, row: dict) -> int:
    """A plain INSERT: sqlite-utils' insert re-reads the table schema on every call."""
    cols = ", ".join(f"[{c}]" for c in row)
    marks = ", ".join("?" * len(row))
    return conn.execute(f"insert into [{table}] ({cols}) values ({marks})",
                        list(row.values())).lastrowid


def pack_splits(made: Splits) -> bytes | None:
    """A text's splits as a blob: the count of paragraph offsets, then every offset less the
    one before it (both lists only grow), as 16-bit values (32-bit when a gap is wider),
    after one byte naming the width: ~215 bytes a syndication-bench article."""
    values = [len(made.paragraphs)]
    for offsets in (made.paragraphs, made.sentences):
        values += [b - a for a, b in zip((0, *offsets), offsets)]
    if min(values) < 0:  # not a split of one text; the matcher splits the text itself
        return None
    code = "H" if max(values) < 1 << 16 else "I"
    return code.encode() + array(code, values).tobytes()


def unpack_splits(blob: bytes | None) -> Splits | None:
    if not blob or blob[:1] not in (b"H", b"I"):  # none kept (or not ours): split the text
        return None
    values = array(chr(blob[0]))
    values.frombytes(blob[1:])
    n = values[0]
    return Splits(tuple(accumulate(values[1:1 + n])), tuple(accumulate(values[1 + n:])))


def write_fingerprint(conn, article_id: int, fingerprint: Fingerprint,
                      splits: Splits | None) -> None:
    """The fingerprint's rows: its own (with the text's ``splits``, made by the same
    version of the rules; None before migration 8), its LSH bands and its passage hashes."""
    row = {
        "article_id": article_id, "version": fingerprint.version,
        "sha256": fingerprint.sha256, "signature": _pack(fingerprint.signature),
        "shingles": _pack_shingles(fingerprint.shingles), "n_shingles": len(fingerprint.shingles),
    }
    if splits is not None:
        row["splits"] = pack_splits(splits)
    _insert(conn, "fingerprints", row)
    # Plain executemany: sqlite-utils' insert_all re-inspects the table on every
    # call, which cost more than the inserts themselves on small articles.
    conn.executemany("insert into lsh_bands (band, article_id) values (?, ?)",
                     [(band_key(b), article_id) for b in fingerprint.bands])
    # A one-sentence paragraph (18 % of the passage rows of 1,000 bench articles) is one
    # row of kind "both", not a paragraph row and a sentence row with the same hash.
    sentences = {(h.start, h.end) for h in fingerprint.sentences}
    paragraphs = {(p.start, p.end) for p in fingerprint.paragraphs}
    conn.executemany(
        "insert into paragraphs (article_id, kind, hash, start, [end]) values (?, ?, ?, ?, ?)",
        [(article_id, "both" if (p.start, p.end) in sentences else "paragraph", p.hash, p.start, p.end)
         for p in fingerprint.paragraphs]
        + [(article_id, "sentence", h.hash, h.start, h.end) for h in fingerprint.sentences
           if (h.start, h.end) not in paragraphs])


def _credit_names(raw: str | None) -> tuple[str, ...]:
    """The credited agencies' names from an ``articles.credits`` value (JSON)."""
    return tuple(c["name"] for c in json.loads(raw or "[]"))


def _span_tuple(span: Span | None) -> tuple:
    return (None, None, None) if span is None else (span.text, span.start, span.end)


def _evidence_tuple(span: Span | None) -> tuple:
    """A flag's evidence columns: a long span's text is not kept (``QUOTED_EVIDENCE``)."""
    if span is not None and len(span.text) > QUOTED_EVIDENCE:
        return (None, span.start, span.end)
    return _span_tuple(span)


def _span_json(span: Span | None):
    return None if span is None else span.to_dict()


def band_key(band: str) -> int:
    """A band key as the store keeps it: one integer, the band's index in its top bits and
    57 bits of its hash below (always a positive SQLite integer), where the text
    ``"<index>:<16 hex>"`` took 19 bytes. With the table clustered on (band, article_id)
    and no second index (migration 7), 42 rows cost 0.26 ms to insert against 0.56 for text
    keys in a rowid table with its index (3,000 articles' rows; ~0.1 ms less a saved
    article in ``save``, noisy), and 1,000,000 articles' bands take 1.6 GiB, not 4.1."""
    index, _, digest = band.partition(":")
    try:
        if 0 <= int(index) < 64:
            return (int(index) << 57) | (int(digest, 16) >> 7)
    except ValueError:
        pass
    # not a key ``fingerprint.bands`` makes: any string still gets one
    return int.from_bytes(hashlib.blake2b(band.encode(), digest_size=8).digest(), "big") >> 1


def _candidates_sql(band_keys: str, hash_keys: str) -> str:
    """The candidate query, with the SQL that lists the band and hash keys (one column,
    ``value``).

    Each key's members are read in (key, article_id) order, at most ``BUCKET_CAP`` of them
    (a band's from the table, clustered on that order; a passage's through its index), and
    a passage's size is counted up to
    ``COMMON_KEY_ROWS + 1``: a bucket of any size costs the same (a window over each bucket
    read all of it: 260 ms a query once one footer line was on 200,000 articles)."""
    return f"""
    with band_hit as (
        select b.article_id from ({band_keys}) k
        join lsh_bands b on b.band = k.value and b.article_id in (
            select article_id from lsh_bands where band = k.value order by article_id limit {BUCKET_CAP})
    ),
    hash_hit as (
        select p.article_id, p.hash, (
            select count(*) from (
                select 1 from paragraphs where hash = k.value and article_id != :me
                limit {COMMON_KEY_ROWS + 1})
        ) as size
        from ({hash_keys}) k
        join paragraphs p on p.rowid in (
            select rowid from paragraphs where hash = k.value order by article_id limit {BUCKET_CAP})
    ),
    hit as (
        select article_id from band_hit
        union
        select article_id from hash_hit group by article_id
        having min(size) <= {COMMON_KEY_ROWS} or count(distinct hash) >= 2
    )
    select a.id from articles a join hit on hit.article_id = a.id
    where a.current = 1 and a.id != :me
    order by a.id
"""


def _listed(prefix: str, n: int) -> str:
    """``n`` named placeholders (``:b0``, ``:b1``, ...) as a one-column table named like
    json_each's (no rows for 0)."""
    if not n:
        return "select null as value where 0"
    return "select column1 as value from (values " + ", ".join(f"(:{prefix}{i})" for i in range(n)) + ")"


# A flag with its evidence's text, cut from the article's when not kept (``QUOTED_EVIDENCE``)
_FLAGS = """
select f.kind, f.message, f.evidence_start, f.evidence_end, f.related, f.about_id,
       coalesce(f.evidence_text, (select substr(a.text, f.evidence_start + 1, f.evidence_end - f.evidence_start)
                                  from articles a where a.id = f.article_id)) as evidence_text
from flags f where f.article_id = ? order by f.id"""

# The keys go in as two JSON arrays, so the statement's text never changes and SQLite
# prepares it once per connection (with one placeholder per key it was compiled anew for
# every article: 0.66 -> 0.50 ms). An SQLite built without JSON gets the placeholders.
_CANDIDATES = _candidates_sql("select value from json_each(:bands)", "select value from json_each(:hashes)")


def _has_json(conn) -> bool:
    try:
        conn.execute("select value from json_each('[]')").fetchall()
        return True
    except sqlite3.OperationalError:
        return False


class Store:
    """One SQLite file. ``Store(path)`` opens (creating and migrating) it."""

    def __init__(self, path: str | Path, *, now: str = "", memory: bool = False):
        self.path = None if memory else Path(path)
        try:
            if memory:
                conn = sqlite3.connect(":memory:", isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), isolation_level=None, timeout=BUSY_TIMEOUT_S,
                    check_same_thread=False,
                )
                conn.execute("PRAGMA journal_mode=WAL")
                # Checkpoint every ~40 MB of WAL instead of every 4 MB: fewer fsyncs on
                # long traces (measured 0.8 ms less per article), same crash safety.
                conn.execute("PRAGMA wal_autocheckpoint=10000")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
            conn.execute("PRAGMA synchronous=NORMAL")
            # A group of articles dirties more pages than the default 2 MB cache holds:
            # it spilled to the WAL mid-transaction and re-read pages from it (pwrite and
            # pread per article 107 -> 48 and 91 -> 15 with 16 MB; 64 MB gains nothing).
            conn.execute("PRAGMA cache_size=-16000")
            conn.execute("PRAGMA foreign_keys=OFF")
            self.db = sqlite_utils.Database(conn)
            migrations.migrate(self.db, now)
            # Each article is a savepoint, whose undo pages SQLite writes to a temporary
            # file unless told otherwise: 345 pwrite calls per article on the 2,000-article
            # syndication corpus. In memory they cost no system call. Set after the
            # migrations, whose index builds sort a whole table: that stays on disk.
            conn.execute("PRAGMA temp_store=MEMORY")
            self._json = _has_json(conn)
            self._stored: OrderedDict[int, Stored] = OrderedDict()
            # Records remembered inside open transactions (one dict per savepoint level),
            # cached only once committed: a rolled-back id may be handed out again.
            self._pending: list[dict[int, Stored]] = []
            # Every article with an id above ``_covered_after`` was saved by this Store and
            # its keys are in ``_recent``; ``_retired`` holds the ids it made not current.
            self._recent: dict[str, int] = {}
            self._retired: set[int] = set()
            self._covered_after: int | None = None
            self._committed_top: int | None = None  # the newest id as of our last commit
            self._sharing: tuple[int, int] = (0, 0)  # see _note_keys
        except (sqlite3.Error, OSError) as e:
            raise StoreError(
                f"{path}: cannot open the store ({e}); check the path is a writable "
                "SQLite file or set TRACER_DB / --db"
            ) from None

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def transaction(self):
        """``BEGIN IMMEDIATE``: take the write lock up front so writers queue, not fail.

        Nested use is a savepoint inside the open transaction: an error rolls back only the
        nested work (one article of a :meth:`group`), and the outer transaction decides
        whether the rest is kept."""
        if self.db.conn.in_transaction:
            with self._savepoint():
                yield self.db
            return
        self._begin()
        try:
            yield self.db
        except sqlite3.Error as e:
            self._rollback()
            raise StoreError(f"{self.path or 'store'}: write failed ({e}); nothing of this "
                             "article was stored; check free disk space and permissions") from None
        except BaseException:
            self._rollback()
            raise
        else:
            self._commit()

    @contextmanager
    def snapshot(self):
        """A read transaction: every read inside sees the store as of its first read
        (WAL), whatever other connections commit meanwhile."""
        conn = self.db.conn
        conn.execute("BEGIN")
        try:
            yield self.db
        finally:
            conn.execute("ROLLBACK")  # nothing was written: ending the read is enough

    @contextmanager
    def group(self, articles: int, seconds: float):
        """Group commit: many articles' transactions in one, committed every ``articles``
        articles or ``seconds`` (whichever first) and on the way out, even on an error or
        Ctrl-C, since each finished article is whole (its own savepoint).

        Yields ``tick()``, to call after each article. A crash loses at most the open group,
        which the next run traces again (re-tracing is idempotent). One COMMIT per article
        was a quarter of the store's time per article; ``articles <= 1`` keeps it."""
        if articles <= 1 or self.db.conn.in_transaction:
            yield lambda: None
            return
        state = {"n": 0, "since": time.monotonic()}

        def tick():
            state["n"] += 1
            if not self.db.conn.in_transaction:  # SQLite rolled the group back (disk full, I/O)
                raise StoreError(f"{self.path}: a write error rolled back up to {state['n']} "
                                 "article(s) of the open group; check free disk space, then "
                                 "trace again (what is stored is kept)")
            if state["n"] >= articles or time.monotonic() - state["since"] >= seconds:
                self._commit()
                self._begin()
                state.update(n=0, since=time.monotonic())

        self._begin()
        try:
            yield tick
        finally:
            if self.db.conn.in_transaction:
                self._commit()

    def _begin(self) -> None:
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
            top = self.last_id()
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write to the store ({e}); "
                             "check free disk space and permissions") from None
        self._pending = [{}]
        # Another writer since our last commit (or the first write, or too many keys
        # held): only articles saved from now on are covered by ``_recent``.
        if top != self._committed_top or len(self._recent) > RECENT_KEYS:
            self._recent.clear()
            self._retired.clear()
            self._covered_after = top

    def _commit(self) -> None:
        conn = self.db.conn
        try:
            top = self.last_id()  # still holding the write lock: every id up to it is known
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback()
            raise StoreError(f"{self.path}: commit failed ({e}); the store is "
                             "unchanged; check free disk space") from None
        self._committed_top = top
        for stored in self._pending.pop().values():
            self._cache(stored)
        self._pending = []

    def _rollback(self) -> None:
        # After some errors (disk full) SQLite has already rolled back.
        if self.db.conn.in_transaction:
            self.db.conn.execute("ROLLBACK")
        self._pending = []
        self._committed_top = None  # ids handed out may be handed out again: start over

    @contextmanager
    def _savepoint(self):
        conn = self.db.conn
        name = f"nested{len(self._pending)}"
        conn.execute(f"SAVEPOINT {name}")
        self._pending.append({})
        try:
            yield
        except BaseException as e:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                self._pending.pop()
            else:
                self._pending = []
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"{self.path or 'store'}: write failed ({e}); nothing of this "
                                 "article was stored; check free disk space and permissions") from None
            raise
        else:
            conn.execute(f"RELEASE {name}")
            done = self._pending.pop()
            self._pending[-1].update(done)

    # -- runs -----------------------------------------------------------------
    def start_run(self, kind: str, now: str, args: str = "") -> int:
        with self.transaction():
            return self.db["runs"].insert(
                {"kind": kind, "started": now, "status": "running", "args": args}
            ).last_pk

    def finish_run(self, run_id: int, *, now: str, status: str, counts: dict) -> None:
        cols = {k: v for k, v in counts.items() if k in self.db["runs"].columns_dict}
        with self.transaction():
            self.db["runs"].update(run_id, {"finished": now, "status": status, **cols})

    def record_failure(self, run_id: int | None, input: str, reason: str, now: str) -> None:
        with self.transaction():
            self.db["failures"].insert(
                {"run_id": run_id, "input": input, "reason": reason, "at": now}
            )

    # -- articles -------------------------------------------------------------
    def find(self, input: str, sha256: str) -> int | None:
        row = self.db.execute(
            "select id from articles where input = ? and sha256 = ?", [input, sha256]
        ).fetchone()
        return row[0] if row else None

    def save(self, *, article: Article, fingerprint: Fingerprint, outlet: Outlet | None,
             dateline: Dateline | None, credits: tuple[Credit, ...],
             attributions: tuple[Attribution, ...], chains: tuple[Chain, ...],
             flags: tuple[Flag, ...], now: str, run_id: int | None = None,
             raw_sha256: str | None = None, splits: Splits | None = None) -> tuple[int, bool]:
        """Store one traced article, all or nothing (a transaction, or a savepoint inside
        one); returns (id, created). ``splits``: the text's, when the caller has them.

        The same input with the same content is not stored twice.
        """
        with self.transaction() as db:
            existing = self.find(article.input, fingerprint.sha256)
            if existing is not None:
                return existing, False
            outlet_id = self._outlet_id(outlet) if outlet else None
            retired = [r[0] for r in db.conn.execute(
                "select id from articles where input = ? and current = 1", [article.input])]
            if retired:  # an earlier version of this input
                db.conn.execute("update articles set current = 0 where input = ?", [article.input])
                self._retired.update(retired)
            row = {
                "input": article.input, "url": article.url, "canonical": article.canonical,
                "outlet": outlet.name if outlet else None, "outlet_id": outlet_id,
                "title": article.title, "published": article.published,
                "author": article.author, "site_name": article.site_name,
                "fetched_at": article.fetched_at, "traced_at": now, "text": article.text,
                "sha256": fingerprint.sha256, "raw_sha256": raw_sha256,
                "content_type": article.content_type,
                "redirects": json.dumps(list(article.redirects)),
                "dateline": json.dumps(dateline.to_dict()) if dateline else None,
                "credits": json.dumps([c.to_dict() for c in credits]),
                "layers": chains[0].layers if chains else 0,
                "version": fingerprint.version, "current": 1, "run_id": run_id,
            }
            article_id = _insert(db.conn, "articles", row)
            conn = db.conn
            write_fingerprint(conn, article_id, fingerprint,
                              splits or normalize.splits(article.text))
            self._note_keys(article_id, fingerprint)
            conn.executemany(
                "insert into attributions (article_id, idx, kind, rule, speaker, via, anonymous,"
                " vague, source_text, source_start, source_end, cue_text, cue_start, cue_end,"
                " content_text, content_start, content_end)"
                " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, i, a.kind, a.rule, a.speaker, json.dumps(list(a.via)),
                  int(a.anonymous), int(a.vague), *_span_tuple(a.source), *_span_tuple(a.cue),
                  *_span_tuple(a.content)) for i, a in enumerate(attributions)])
            if chains:
                # Ids chosen here (the write lock is held), so that all chains and all their
                # hops go in two statements instead of two per chain (~6 per article).
                first = conn.execute("select coalesce(max(id), 0) + 1 from chains").fetchone()[0]
                conn.executemany(
                    "insert into chains (id, article_id, idx, layers, summary) values (?, ?, ?, ?, ?)",
                    [(first + idx, article_id, idx, chain.layers,
                      " → ".join(h.name for h in chain.hops)) for idx, chain in enumerate(chains)])
                conn.executemany(
                    "insert into chain_hops (chain_id, position, name, kind, evidence_text,"
                    " evidence_start, evidence_end, link) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(first + idx, pos, h.name, h.kind, *_span_tuple(h.evidence), h.link)
                     for idx, chain in enumerate(chains) for pos, h in enumerate(chain.hops)])
            conn.executemany(
                "insert into flags (article_id, kind, message, evidence_text, evidence_start,"
                " evidence_end, related, about_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, f.kind, f.message, *_evidence_tuple(f.evidence),
                  json.dumps([_span_json(x) for x in f.related]), f.about) for f in flags])
            return article_id, True

    def add_flags(self, article_id: int, flags: Iterable[Flag]) -> None:
        with self.transaction() as db:
            for f in flags:
                seen = db.execute(
                    "select 1 from flags where article_id = ? and kind = ? and message = ?",
                    [article_id, f.kind, f.message]).fetchone()
                if not seen:
                    text, start, end = _evidence_tuple(f.evidence)
                    _insert(db.conn, "flags", {"article_id": article_id, "kind": f.kind,
                                        "message": f.message, "evidence_text": text,
                                        "evidence_start": start, "evidence_end": end,
                                        "related": json.dumps([_span_json(s) for s in f.related]),
                                        "about_id": f.about})

    def flags(self, article_id: int) -> tuple[Flag, ...]:
        """Every stored flag of an article, including those added by later matches."""
        rows = self.db.query(_FLAGS, [article_id])
        return tuple(
            Flag(r["kind"], r["message"],
                 None if r["evidence_text"] is None
                 else Span(r["evidence_text"], r["evidence_start"], r["evidence_end"]),
                 tuple(Span(s["text"], s["start"], s["end"]) for s in json.loads(r["related"] or "[]")),
                 r["about_id"])
            for r in rows)

    def _outlet_id(self, outlet: Outlet) -> int:
        row = self.db.execute("select id from outlets where name = ?", [outlet.name]).fetchone()
        if row:
            return row[0]
        labels = json.dumps([{"label": lb.label, "meaning": lb.meaning, "source": lb.source}
                             for lb in outlet.labels])
        return _insert(self.db.conn, "outlets", {"name": outlet.name, "domain": outlet.domain,
                                                 "kind": outlet.kind, "labels": labels})

    def get(self, ref: str | int) -> dict:
        """An article row by id, URL or input path (the current version)."""
        ref = str(ref)
        row = None
        if ref.isdigit():
            row = self._row("select * from articles where id = ?", [int(ref)])
        for column in ("input", "url", "canonical"):
            if row is None:
                row = self._row(f"select * from articles where {column} = ? "
                                "order by current desc, id desc limit 1", [ref])
        if row is None and not ref.startswith(("http://", "https://")):
            row = self._row("select * from articles where input = ? "
                            "order by current desc, id desc limit 1", [str(Path(ref))])
        if row is None:
            raise NotFound(f"{ref}: not in the store; trace it first with `tracer trace {ref}`")
        return row

    def _row(self, sql: str, params) -> dict | None:
        cur = self.db.execute(sql, params)
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else None

    def article(self, row: dict, made: Splits | None = None) -> Article:
        """A stored article; ``made``: its text's splits, read back (its paragraphs are then
        cut at the kept offsets, not found again by the rules)."""
        text = row["text"]
        if made is None:
            paragraphs = normalize.paragraphs(text)
        else:
            cuts = made.paragraphs
            paragraphs = tuple(Span(text[a:b], a, b) for a, b in zip(cuts[::2], cuts[1::2]))
        return Article(
            input=row["input"], title=row["title"] or "", text=text,
            paragraphs=paragraphs, url=row["url"], canonical=row["canonical"],
            site_name=row["site_name"], published=row["published"], author=row["author"],
            fetched_at=row["fetched_at"], redirects=tuple(json.loads(row["redirects"] or "[]")),
            content_type=row["content_type"] or "text",
        )

    # -- matching ---------------------------------------------------------------
    def candidates(self, article_id: int, bands: Iterable[str],
                   hashes: Iterable[str]) -> list[int]:
        """Other current articles sharing an LSH band or a paragraph/sentence hash.

        One statement. A key shared by more than ``BUCKET_CAP`` articles (boilerplate such
        as a recurring editor's note, or a story carried by hundreds of sites) contributes
        only its ``BUCKET_CAP`` earliest-stored members: the origin and the early copies,
        which is what provenance needs, without loading every carrier on each new copy.
        An article sharing only one passage, on more than ``COMMON_KEY_ROWS`` rows, is none:
        one shared boilerplate line is no copy (on the syndication bench this cut the
        pairs verified from 44,739 to 15,220, with the same 13,894 links).
        """
        bands, hashes = [band_key(b) for b in bands], list(hashes)
        if not bands and not hashes:
            return []
        if self._json:
            rows = self.db.conn.execute(
                _CANDIDATES, {"bands": json.dumps(bands), "hashes": json.dumps(hashes), "me": article_id})
        else:
            sql = _candidates_sql(_listed("b", len(bands)), _listed("h", len(hashes)))
            keys = {f"b{i}": b for i, b in enumerate(bands)} | {f"h{i}": h for i, h in enumerate(hashes)}
            rows = self.db.conn.execute(sql, {**keys, "me": article_id})
        return [r[0] for r in rows]

    def last_id(self) -> int:
        """The newest article's id (0 for an empty store)."""
        return self.db.conn.execute("select coalesce(max(id), 0) from articles").fetchone()[0]

    def _note_keys(self, article_id: int, fingerprint: Fingerprint) -> None:
        recent = self._recent
        keys = [*fingerprint.bands, *fingerprint.passage_hashes]
        # The newest article saved here before this one that shares a key with it.
        self._sharing = (article_id, max([recent.get(key, 0) for key in keys], default=0))
        for key in keys:
            recent[key] = article_id

    def unchanged_since(self, article_id: int, upto: int, seen: Iterable[int]) -> bool:
        """Whether ``candidates`` for the article just saved (``article_id``) would answer
        what it answered in a read snapshot whose newest article was ``upto``: every
        article saved since was saved here and shares no LSH band or passage hash with it,
        and none of the candidates ``seen`` then has been made not current. False when
        unsure (then ask again)."""
        if self._covered_after is None or upto < self._covered_after:
            return False
        saved, sharing = self._sharing
        if saved != article_id or sharing > upto:
            return False
        return self._retired.isdisjoint(seen)

    def stored(self, article_id: int) -> Stored:
        """The matcher's view of a stored article (text, fingerprint, credits, outlet)."""
        hit = self._held(article_id)
        if hit is not None:
            return hit
        row = self._row("select * from articles where id = ?", [article_id])
        if row is None:
            raise NotFound(f"{article_id}: not in the store")
        fp = self.db.execute(
            "select version, sha256, shingles, splits, n_shingles from fingerprints"
            " where article_id = ?", [article_id]).fetchone()
        # in text order, as the fingerprint made them; a "both" row (a one-sentence
        # paragraph) is one hash in both lists
        hashes = [(k, ParagraphHash(h, s, e)) for k, h, s, e in self.db.execute(
            "select kind, hash, start, end from paragraphs where article_id = ? order by start, end",
            [article_id])]
        fingerprint = Fingerprint(
            # the matcher reads neither the signature nor the bands: not unpacked
            version=fp[0], sha256=fp[1], signature=(), bands=(),
            shingles=_unpack(fp[2], fp[4]),
            paragraphs=tuple(h for k, h in hashes if k != "sentence"),
            sentences=tuple(h for k, h in hashes if k != "paragraph"),
        )
        # the matcher splits it next: from the offsets, not the rules
        made = unpack_splits(fp[3]) if fp[0] == FINGERPRINT_VERSION else None
        found = Stored(id=row["id"], article=self.article(row, made), fingerprint=fingerprint,
                       credits=_credit_names(row["credits"]), outlet=row["outlet"],
                       dateline_date=dateline_date(row["dateline"]), splits=made)
        self.remember(found)
        return found

    def party(self, article_id: int) -> Party:
        """What the uncredited-copy rule reads of a stored article: one row, where
        ``stored`` would load its text and fingerprint (a link's other side is rarely in
        the cache; those loads were ~1 ms a link in the store's process)."""
        hit = self._held(article_id, touch=False)
        if hit is not None:
            return Party.of(hit)
        row = self.db.execute("select credits, outlet, url, input from articles where id = ?",
                              [article_id]).fetchone()
        if row is None:
            raise NotFound(f"{article_id}: not in the store")
        return Party(article_id, _credit_names(row[0]), row[1], row[2] or row[3])

    def _held(self, article_id: int, touch: bool = True) -> Stored | None:
        """A record already in memory: the cache (``touch`` marks it recently used), or an
        article saved in a transaction still open."""
        hit = self._stored.get(article_id)
        if hit is not None:
            if touch:
                self._stored.move_to_end(article_id)
            return hit
        for frame in self._pending:
            if article_id in frame:
                return frame[article_id]
        return None

    def remember(self, stored: Stored) -> None:
        """Keep a Stored record (the pipeline hands over each article it has just saved);
        inside a transaction it is kept only if that transaction commits."""
        if self._pending:
            self._pending[-1][stored.id] = stored
        else:
            self._cache(stored)

    def _cache(self, stored: Stored) -> None:
        self._stored[stored.id] = stored
        self._stored.move_to_end(stored.id)
        if len(self._stored) > STORED_CACHE:
            self._stored.popitem(last=False)

    def save_links(self, links: Iterable[Link], now: str) -> list[Link]:
        """Insert links not yet known (either direction); returns the new ones."""
        new = []
        links = list(links)
        if not links:
            return new
        with self.transaction() as db:
            for link in links:
                known = db.execute(
                    "select 1 from links where (source_id = ? and target_id = ?) "
                    "or (source_id = ? and target_id = ?)",
                    [link.source_id, link.target_id, link.target_id, link.source_id]).fetchone()
                if known:
                    continue
                _insert(db.conn, "links", {
                    "source_id": link.source_id, "target_id": link.target_id,
                    "relation": link.relation, "similarity": round(link.similarity, 4),
                    "containment": round(link.containment, 4),
                    "passages": passages_to_json(link.passages),
                    "evidence": json.dumps(list(link.evidence)), "created_at": now,
                })
                new.append(link)
        return new

    def links(self, article_id: int | None = None) -> Iterator[dict]:
        """Link rows with both ends' summaries, earliest source first."""
        where = "" if article_id is None else "where l.source_id = :a or l.target_id = :a"
        sql = f"""
            select l.*, s.input as s_input, s.url as s_url, s.outlet as s_outlet,
                   s.published as s_published, s.title as s_title, s.dateline as s_dateline,
                   s.text as s_text,
                   t.input as t_input, t.url as t_url, t.outlet as t_outlet,
                   t.published as t_published, t.title as t_title, t.dateline as t_dateline,
                   t.text as t_text
            from links l join articles s on s.id = l.source_id
            join articles t on t.id = l.target_id {where}
            order by l.id
        """
        cur = self.db.execute(sql, {"a": article_id} if article_id is not None else {})
        cols = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(cols, row))

    def _indexed_upto(self) -> int:
        # FTS5's ``docsize`` table holds one row per indexed article, under its id.
        return self.db.conn.execute(
            "select coalesce(max(id), 0) from articles_fts_docsize").fetchone()[0]

    def unindexed(self, after: int | None = None) -> int:
        """Articles stored since the full-text index was last brought up to date (after
        the article ``after``, when the caller has read that already)."""
        done = self._indexed_upto() if after is None else after
        return self.db.conn.execute("select count(*) from articles where id > ?",
                                    [done]).fetchone()[0]

    def refresh_search(self) -> int:
        """Add the articles stored since the full-text index was last brought up to date
        (none is added on save: see migration 5); returns how many. One statement, ~0.4 ms
        an article."""
        with self.transaction() as db:
            done = self._indexed_upto()
            missing = self.unindexed(after=done)
            if missing:
                db.conn.execute("insert into articles_fts (rowid, title, text) "
                                "select id, title, text from articles where id > ?", [done])
        return missing

    def search(self, query: str, limit: int = 20) -> list[dict]:
        self.refresh_search()
        try:
            rows = list(self.db["articles"].search(
                query, columns=["id", "input", "url", "outlet", "title", "published", "dateline"],
                limit=limit))
            for row in rows:
                row["dateline_date"] = dateline_date(row.pop("dateline"))
            return rows
        except sqlite3.OperationalError as e:
            raise StoreError(f"search {query!r}: {e}; quote phrases with double quotes") from None
