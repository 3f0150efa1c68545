"""Numbered schema migrations. Never edit a released migration: add the next one.

Each migration is a function taking a sqlite_utils Database; ``migrate`` applies the
missing ones in order, each inside its own transaction, and records them in
``_migrations``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

MIGRATIONS: list[tuple[int, str, Callable]] = []


def migration(number: int, name: str):
    def register(fn):
        MIGRATIONS.append((number, name, fn))
        return fn

    return register


@migration(1, "initial schema")
def m001_initial(db) -> None:
    db["articles"].create(
        {
            "id": int, "input": str, "url": str, "canonical": str, "outlet": str,
            "outlet_id": int, "title": str, "published": str, "author": str,
            "site_name": str, "fetched_at": str, "traced_at": str, "text": str,
            "sha256": str, "raw_sha256": str, "content_type": str, "redirects": str,
            "dateline": str, "credits": str, "layers": int, "version": str,
            "current": int, "run_id": int,
        },
        pk="id",
    )
    # Same input + same content = the same row (idempotent re-trace); a changed page
    # gets a new row and the old one keeps current = 0.
    db["articles"].create_index(["input", "sha256"], unique=True)
    db["articles"].create_index(["url"])
    db["articles"].create_index(["sha256"])
    db["articles"].create_index(["published"])
    db["outlets"].create(
        {"id": int, "name": str, "domain": str, "kind": str, "labels": str}, pk="id"
    )
    db["outlets"].create_index(["name"], unique=True)
    db["fingerprints"].create(
        {"article_id": int, "version": str, "sha256": str, "signature": bytes,
         "shingles": bytes, "n_shingles": int},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["lsh_bands"].create({"article_id": int, "band": str})
    db["lsh_bands"].create_index(["band"])
    db["lsh_bands"].create_index(["article_id"])
    db["paragraphs"].create(
        {"article_id": int, "kind": str, "hash": str, "start": int, "end": int}
    )
    db["paragraphs"].create_index(["hash"])
    db["paragraphs"].create_index(["article_id"])
    db["attributions"].create(
        {"id": int, "article_id": int, "idx": int, "kind": str, "rule": str, "speaker": str,
         "via": str, "anonymous": int, "vague": int,
         "source_text": str, "source_start": int, "source_end": int,
         "cue_text": str, "cue_start": int, "cue_end": int,
         "content_text": str, "content_start": int, "content_end": int},
        pk="id",
    )
    db["attributions"].create_index(["article_id"])
    db["chains"].create(
        {"id": int, "article_id": int, "idx": int, "layers": int, "summary": str}, pk="id"
    )
    db["chains"].create_index(["article_id"])
    db["chain_hops"].create(
        {"chain_id": int, "position": int, "name": str, "kind": str,
         "evidence_text": str, "evidence_start": int, "evidence_end": int},
        pk=("chain_id", "position"),
    )
    db["flags"].create(
        {"id": int, "article_id": int, "kind": str, "message": str,
         "evidence_text": str, "evidence_start": int, "evidence_end": int, "related": str},
        pk="id",
    )
    db["flags"].create_index(["article_id"])
    db["flags"].create_index(["kind"])
    db["links"].create(
        {"id": int, "source_id": int, "target_id": int, "relation": str,
         "similarity": float, "containment": float, "passages": str, "evidence": str,
         "created_at": str},
        pk="id",
    )
    db["links"].create_index(["source_id", "target_id"], unique=True)
    db["links"].create_index(["target_id"])
    db["runs"].create(
        {"id": int, "kind": str, "started": str, "finished": str, "status": str,
         "inputs": int, "traced": int, "unchanged": int, "failed": int, "feeds": int,
         "new": int, "exit_code": int, "args": str},
        pk="id",
    )
    db["failures"].create(
        {"id": int, "run_id": int, "input": str, "reason": str, "at": str}, pk="id"
    )
    db["failures"].create_index(["run_id"])
    db["feeds"].create(
        {"url": str, "etag": str, "last_modified": str, "checked_at": str, "status": str,
         "error": str},
        pk="url",
    )
    db["feed_items"].create(
        {"url": str, "feed": str, "first_seen": str, "updated": str, "article_id": int,
         "status": str, "failures": int, "last_error": str, "fetched_at": str},
        pk="url",
    )
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


@migration(2, "index watch items by feed and status")
def m002_feed_items_index(db) -> None:
    db["feed_items"].create_index(["feed", "status"], if_not_exists=True)


@migration(3, "candidate buckets indexed by key and article")
def m003_bucket_indexes(db) -> None:
    # Store.candidates reads each bucket's earliest members (row_number over the bucket,
    # ordered by article_id): with article_id in the index SQLite reads them in order
    # instead of sorting every bucket (0.61 -> 0.44 ms a query on 2,000 articles). The
    # one-column indexes answer nothing the new ones do not.
    db["lsh_bands"].create_index(["band", "article_id"], if_not_exists=True)
    db["paragraphs"].create_index(["hash", "article_id"], if_not_exists=True)
    db.execute("drop index if exists idx_lsh_bands_band")
    db.execute("drop index if exists idx_paragraphs_hash")


@migration(4, "fingerprints of earlier versions recomputed (MinHash mh1 -> oph1)")
def m004_refingerprint(db) -> None:
    refingerprint(db)


@migration(5, "full-text index brought up to date when read, not by triggers")
def m005_search_index_on_read(db) -> None:
    # The triggers tokenised every article's title and text as it was stored: ~0.4 ms of
    # the store's ~2 ms an article, paid by every trace and cron run whether or not the
    # store is ever searched, and paid twice more by the update trigger whenever a
    # column it does not index (``current``, ``version``) changed. ``Store.refresh_search``
    # indexes what is missing, in one statement, before the index is read. Everything
    # stored so far was indexed by the triggers.
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        db.execute(f"drop trigger if exists [{trigger}]")


@migration(6, "flags name the stored article they point at (about_id)")
def m006_flag_about(db) -> None:
    # An uncredited-copy flag named its earlier copy only in its message ("... (article
    # 12) ..."), which the report then had to parse to keep the earliest. Flags stored
    # before carry the id back from that message.
    db["flags"].add_column("about_id", int)
    db.execute("update flags set about_id = cast(substr(message, instr(message, '(article ') + 9) as integer)"
               " where kind = 'uncredited-copy' and instr(message, '(article ') > 0")


@migration(7, "LSH band keys as integers, in a table clustered on (band, article_id)")
def m007_integer_bands(db) -> None:
    # Text keys ("12:0123456789abcdef") in a rowid table with a (band, article_id) index:
    # every band row was written twice, 19-byte keys each time. One b-tree of integers
    # (store.band_key), with no second index, costs about half as much to insert into and
    # answers the candidate query from the same order.
    from .store import band_key  # the store imports this module

    def key(value) -> int:
        # (a row migration 4 rewrote is an integer already, kept as text by the column)
        return band_key(value) if ":" in str(value) else int(value)

    db.conn.create_function("band_key", 1, key, deterministic=True)
    db.execute("create table lsh_bands_new (band integer not null, article_id integer not null,"
               " primary key (band, article_id)) without rowid")
    db.execute("insert or ignore into lsh_bands_new (band, article_id)"
               " select band_key(band), article_id from lsh_bands")
    db.execute("drop table lsh_bands")
    db.execute("alter table lsh_bands_new rename to lsh_bands")
    # No index by article: only ``refingerprint`` deletes by article, in one pass; an index
    # would be written with every band row.


@migration(8, "each fingerprint keeps its text's paragraph and sentence offsets")
def m008_splits(db) -> None:
    # A worker comparing a new article with stored ones split each stored text again
    # (~0.4 ms each); with the offsets kept it reads them. Rows from before stay NULL:
    # those texts are split as before.
    db["fingerprints"].add_column("splits", bytes)


@migration(9, "recompute fingerprints: sentences no longer end inside 'Yahoo!' or 'VW ID.' (split rules s3)")
def m009_refingerprint_s3(db) -> None:
    refingerprint(db)


@migration(10, "links keep their shared passages as offsets; view link_passages shows their text")
def m010_passage_offsets(db) -> None:
    # Each passage kept its text from both articles, which the articles table holds
    # already: on a 5,000-article syndication-bench store, 116 of its 260 MB.
    from .copies import passages_from_json, passages_to_json
    from .store import _has_json  # the store imports this module

    conn = db.conn
    rows = conn.execute("select id, passages from links where passages like '[{%'").fetchall()
    if len(rows) > 10_000:  # a one-time wait: say why the store is slow to open
        print(f"tracer: rewriting the shared passages of {len(rows)} stored links as offsets (once)",
              file=sys.stderr)
    conn.executemany("update links set passages = ? where id = ?",
                     [(passages_to_json(passages_from_json(raw)), link_id) for link_id, raw in rows])
    if _has_json(conn):
        # For Datasette and sqlite3: one row per shared passage, with both texts.
        conn.execute("""
            create view if not exists link_passages as
            select l.id as link_id, l.source_id, l.target_id, l.relation, p.key as passage,
                   substr(s.text, json_extract(p.value, '$[0]') + 1,
                          json_extract(p.value, '$[1]') - json_extract(p.value, '$[0]')) as source_text,
                   substr(t.text, json_extract(p.value, '$[2]') + 1,
                          json_extract(p.value, '$[3]') - json_extract(p.value, '$[2]')) as target_text,
                   json_extract(p.value, '$[0]') as source_start, json_extract(p.value, '$[1]') as source_end,
                   json_extract(p.value, '$[2]') as target_start, json_extract(p.value, '$[3]') as target_end,
                   json_extract(p.value, '$[4]') as score
            from links l, json_each(l.passages) p
            join articles s on s.id = l.source_id join articles t on t.id = l.target_id""")


@migration(11, "shingle hashes packed in 4 bytes each, not 8")
def m011_narrow_shingles(db) -> None:
    # They are 32-bit: half of each fingerprint row was zeros.
    from .store import _pack_shingles, _unpack  # the store imports this module

    db.conn.create_function("narrow", 2, lambda blob, n: _pack_shingles(_unpack(blob, n)),
                            deterministic=True)
    db.execute("update fingerprints set shingles = narrow(shingles, n_shingles)"
               " where n_shingles > 0 and length(shingles) = 8 * n_shingles")


@migration(12, "a flag's long evidence is kept as offsets; view flag_evidence shows its text")
def m012_flag_evidence_offsets(db) -> None:
    # An uncredited copy's evidence is a whole shared passage, which the article holds:
    # on the syndication bench's store, 16.7 of the flags table's 22 MB.
    from .store import QUOTED_EVIDENCE  # the store imports this module

    db.execute(
        "update flags set evidence_text = null where length(evidence_text) > ? and evidence_text ="
        " (select substr(a.text, flags.evidence_start + 1, flags.evidence_end - flags.evidence_start)"
        " from articles a where a.id = flags.article_id)", [QUOTED_EVIDENCE])
    # For Datasette and sqlite3: the flags with every evidence's text.
    db.execute("""
        create view if not exists flag_evidence as
        select f.id, f.article_id, f.kind, f.message,
               coalesce(f.evidence_text, substr(a.text, f.evidence_start + 1,
                                                f.evidence_end - f.evidence_start)) as evidence_text,
               f.evidence_start, f.evidence_end, f.related, f.about_id
        from flags f join articles a on a.id = f.article_id""")


@migration(13, "chain hops keep the canonical link that names a republished page's origin")
def m013_hop_links(db) -> None:
    # "NBC News → MSN": the hop's evidence is the page's canonical link, not quoted words
    db["chain_hops"].add_column("link", str)


def refingerprint(db) -> int:
    """Recompute every stored fingerprint whose version is not the current one, from the
    stored text: its signature, bands and passage hashes, so that new articles find the old
    ones through the same keys. Returns how many were recomputed. Add a migration that calls
    it whenever ``fingerprint.VERSION`` changes."""
    from . import fingerprint as fp
    from . import normalize
    from .store import write_fingerprint  # the store imports this module

    conn = db.conn
    stale = [row[0] for row in conn.execute(
        "select article_id from fingerprints where version != ?", [fp.VERSION])]
    if stale:  # a one-time wait of ~5 ms an article: say why the store is slow to open
        # band rows have no index by article (migration 7): the stale ones go in one pass
        conn.execute("delete from lsh_bands where article_id in"
                     " (select article_id from fingerprints where version != ?)", [fp.VERSION])
        print(f"tracer: recomputing the fingerprints of {len(stale)} stored "
              f"article{'s' if len(stale) != 1 else ''} "
              f"(fingerprint version {fp.VERSION}; once)", file=sys.stderr)
    kept = "splits" in db["fingerprints"].columns_dict  # (from migration 8 on)
    for article_id in stale:
        found = conn.execute("select text, title from articles where id = ?", [article_id]).fetchone()
        if found is None:  # a fingerprint row without its article: nothing to compare with
            continue
        text, title = found
        for table in ("fingerprints", "paragraphs"):
            conn.execute(f"delete from {table} where article_id = ?", [article_id])
        f = fp.fingerprint(text, skip=fp.body_start(text, title))
        write_fingerprint(conn, article_id, f, normalize.splits(text) if kept else None)
        conn.execute("update articles set version = ? where id = ?", [f.version, article_id])
    return len(stale)


def applied(db) -> set[int]:
    if "_migrations" not in db.table_names():
        return set()
    return {row["number"] for row in db["_migrations"].rows}


def migrate(db, now: str) -> list[int]:
    """Apply every missing migration; returns the numbers applied."""
    done = applied(db)
    ran = []
    for number, name, fn in sorted(MIGRATIONS):
        if number in done:
            continue
        with db.atomic():
            fn(db)
            db["_migrations"].insert(
                {"number": number, "name": name, "applied": now}, pk="number"
            )
        ran.append(number)
    return ran
