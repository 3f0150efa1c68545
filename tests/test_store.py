
from dataclasses import replace

import pytest

from tracer import migrations
from tracer.errors import NotFound, StoreError
from tracer.models import (
    Article,
    Chain,
    ChainHop,
    Credit,
    Fingerprint,
    Flag,
    Link,
    Outlet,
    ParagraphHash,
    Passage,
    Span,
    Splits,
)
from tracer.store import BUCKET_CAP, COMMON_KEY_ROWS, Store, band_key, pack_splits, unpack_splits

NOW = "2026-01-01T00:00:00+00:00"


def make(text="Headline\n\nBody text of the article.", input="a.txt", sha="s1"):
    art = Article(input, "Headline", text, (Span.of(text, 0, 8),), url=None)
    fp = Fingerprint("v1", sha, (1, 2, 3), ("0:ab", "1:cd"), (5, 6, 2**63 + 7),
                     (ParagraphHash("p1", 0, 8),), (ParagraphHash("s1", 10, 20),))
    return dict(article=art, fingerprint=fp, outlet=Outlet("Example News", "example.org"),
                dateline=None, credits=(Credit("Reuters", "agency", None),),
                attributions=(), chains=(Chain((ChainHop("official", "source"),
                                                 ChainHop("Example News", "publisher"))),),
                flags=(Flag("vague-attribution", "m", Span.of(text, 0, 8)),), now=NOW)


def test_migrate_blank_database_columns():
    store = Store(":memory:", memory=True, now=NOW)
    tables = set(store.db.table_names())
    for t in ["articles", "outlets", "fingerprints", "lsh_bands", "paragraphs", "attributions",
              "chains", "chain_hops", "flags", "links", "runs", "feeds", "feed_items"]:
        assert t in tables
    cols = store.db["articles"].columns_dict
    for c in ["input", "url", "outlet", "title", "published", "fetched_at", "text", "sha256"]:
        assert c in cols
    assert migrations.migrate(store.db, NOW) == []  # idempotent


def _database_before(migration: int, path):
    """A store as a tracer from before ``migration`` left it: every earlier one applied."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    for number, name, fn in sorted(migrations.MIGRATIONS):
        if number < migration:
            fn(db)
            db["_migrations"].insert({"number": number, "name": name, "applied": NOW}, pk="number")
    return db


def test_flags_stored_before_about_id_get_it_from_their_message(tmp_path):
    """Migration 6: an uncredited-copy flag named its earlier copy only in its message."""
    db = _database_before(6, tmp_path / "old.db")
    db["flags"].insert_all([
        {"article_id": 3, "kind": "uncredited-copy", "message": "carries text first published by "
         "Metro Wire (article 12) and credits nobody; 1 other earlier copy carries it too (article 14)"},
        {"article_id": 3, "kind": "vague-attribution", "message": "Vague attribution: 'reports (article 9)'"}])
    assert migrations.migrate(db, NOW)[0] == 6
    assert [r["about_id"] for r in db["flags"].rows] == [12, None]
    store = Store(tmp_path / "old.db", now=NOW)
    assert [f.about for f in store.flags(3)] == [12, None]


def test_band_keys_stored_as_text_become_integers_in_a_clustered_table(tmp_path):
    """Migration 7, on a store written before it (and a row migration 4 rewrote as a number)."""
    db = _database_before(7, tmp_path / "old.db")
    db.conn.executemany("insert into lsh_bands (article_id, band) values (?, ?)",
                        [(1, "0:00ff00ff00ff00ff"), (2, "0:00ff00ff00ff00ff"), (2, "41:ffffffffffffffff"),
                         (3, str(band_key("7:0123456789abcdef")))])
    db.conn.commit()
    assert migrations.migrate(db, NOW)[0] == 7
    rows = sorted(db.execute("select band, article_id from lsh_bands").fetchall())
    assert rows == sorted([(band_key("0:00ff00ff00ff00ff"), 1), (band_key("0:00ff00ff00ff00ff"), 2),
                           (band_key("41:ffffffffffffffff"), 2), (band_key("7:0123456789abcdef"), 3)])
    assert "without rowid" in db.execute("select sql from sqlite_master where name = 'lsh_bands'").fetchone()[0]
    assert 0 < band_key("41:ffffffffffffffff") < 2**63  # an SQLite integer, never negative
    db.conn.close()
    store = Store(tmp_path / "old.db", now=NOW)
    assert store.candidates(9, ["0:00ff00ff00ff00ff"], []) == []  # no such articles: none current
    store.db.conn.executemany("insert into articles (id, input, sha256, current, text) values (?, ?, ?, 1, '')",
                              [(i, f"a{i}", f"s{i}") for i in (1, 2, 3)])
    assert store.candidates(9, ["0:00ff00ff00ff00ff", "7:0123456789abcdef"], []) == [1, 2, 3]


def test_a_one_sentence_paragraph_is_one_row_and_reads_back_as_both(tmp_path):
    kw = make(input="a.txt", sha="a")
    one = ParagraphHash("same", 10, 40)  # a paragraph that is one sentence
    fp = replace(kw["fingerprint"], paragraphs=(ParagraphHash("p0", 0, 8), one),
                 sentences=(ParagraphHash("s0", 0, 4), one, ParagraphHash("s2", 50, 70)))
    store = Store(tmp_path / "s.db", now=NOW)
    article_id, _ = store.save(**{**kw, "fingerprint": fp})
    rows = store.db.execute("select kind, hash from paragraphs where article_id = ? order by rowid",
                            [article_id]).fetchall()
    assert rows == [("paragraph", "p0"), ("both", "same"), ("sentence", "s0"), ("sentence", "s2")]
    back = Store(tmp_path / "s.db", now=NOW).stored(article_id).fingerprint
    assert (back.paragraphs, back.sentences) == (fp.paragraphs, fp.sentences)  # in text order
    # rows written before "both" (one of each kind) read back the same
    store.db.execute("update paragraphs set kind = 'paragraph' where kind = 'both'")
    store.db.execute("insert into paragraphs (article_id, kind, hash, start, [end]) values (?, 'sentence', 'same', 10, 40)",
                     [article_id])
    store.db.conn.commit()
    back = Store(tmp_path / "s.db", now=NOW).stored(article_id).fingerprint
    assert (back.paragraphs, back.sentences) == (fp.paragraphs, fp.sentences)
    assert store.candidates(-1, [], ["same"]) == [article_id]


def test_stored_flags_keep_their_related_spans_and_what_they_point_at(tmp_path):
    store = Store(tmp_path / "s.db", now=NOW)
    flag = Flag("uncredited-copy", "m", Span("a b", 0, 3), (Span("c", 5, 6),), about=7)
    store.add_flags(1, [flag])
    assert store.flags(1) == (flag,)


def test_candidate_query_reads_each_bucket_through_its_index(tmp_path):
    """Migration 3's (key, article_id) indexes: each key's earliest members are read in
    index order, a bounded number of them; no bucket is scanned whole or sorted."""
    from tracer.store import _CANDIDATES

    store = Store(tmp_path / "p.db", now=NOW)
    plan = [r[3] for r in store.db.execute("explain query plan " + _CANDIDATES, {"bands": '["a"]', "hashes": '["b"]', "me": 1})]
    assert "SEARCH lsh_bands USING PRIMARY KEY (band=?)" in plan  # migration 7: clustered on it
    assert "SEARCH paragraphs USING COVERING INDEX idx_paragraphs_hash_article_id (hash=?)" in plan
    assert not any(step.startswith(("SCAN lsh_bands", "SCAN paragraphs")) for step in plan)


def test_a_bucket_costs_the_same_whatever_its_size():
    """The query's work (SQLite VM steps, counted by a progress handler: no clock) stays the
    same when a band and a footer line are on 10x more articles."""

    def steps(n: int) -> int:
        store = Store(":memory:", memory=True, now=NOW)
        conn = store.db.conn
        conn.executemany("insert into articles (id, input, sha256, current, text) values (?, ?, ?, 1, '')",
                         [(i, f"a{i}", f"s{i}") for i in range(1, n + 1)])
        conn.executemany("insert into lsh_bands (article_id, band) values (?, ?)",
                         [(i, band_key("0:wire")) for i in range(1, n + 1)])
        conn.executemany("insert into paragraphs (article_id, kind, hash, start, [end]) "
                         "values (?, 'paragraph', 'footer', 0, 8)", [(i,) for i in range(1, n + 1)])
        count = [0]

        def tick():
            count[0] += 1
            return 0

        conn.set_progress_handler(tick, 100)
        found = store.candidates(-1, ["0:wire"], ["footer"])
        conn.set_progress_handler(None, 0)
        assert len(found) == BUCKET_CAP
        return count[0]

    assert steps(5_000) < 1.2 * steps(500)


@pytest.mark.parametrize("json_keys", [True, False], ids=["json-arrays", "placeholders"])
def test_a_crowded_bucket_gives_its_earliest_members(json_keys):
    """A band carried by more than BUCKET_CAP articles (one wire story everywhere): its
    BUCKET_CAP earliest-stored members, the origin first."""
    store = Store(":memory:", memory=True, now=NOW)
    store._json = json_keys
    ids = [_save_passages(store, f"{i}.txt", (f"own-{i}",), ("0:wire",)) for i in range(BUCKET_CAP + 5)]
    assert store.candidates(-1, ["0:wire"], []) == ids[:BUCKET_CAP]
    assert store.candidates(-1, ["0:wire", "9:none"], ["own-104"]) == ids[:BUCKET_CAP] + [ids[104]]


def test_wal_mode(tmp_path):
    store = Store(tmp_path / "p.db", now=NOW)
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    # savepoint undo pages in memory (no system calls per article); the migrations ran before
    assert store.db.execute("pragma temp_store").fetchone()[0] == 2  # MEMORY
    assert store.db.execute("pragma cache_size").fetchone()[0] == -16000


def test_save_is_idempotent_and_roundtrips():
    store = Store(":memory:", memory=True, now=NOW)
    a_id, created = store.save(**make())
    again, created2 = store.save(**make())
    assert created and not created2 and again == a_id
    assert store.db["articles"].count == 1 and store.db["chains"].count == 1
    stored = store.stored(a_id)
    assert stored.fingerprint.shingles == (5, 6, 2**63 + 7)
    assert stored.credits == ("Reuters",) and stored.outlet == "Example News"
    assert store.get("a.txt")["id"] == a_id and store.get(str(a_id))["id"] == a_id


def test_changed_page_keeps_earlier_version():
    store = Store(":memory:", memory=True, now=NOW)
    first, _ = store.save(**make())
    second, _ = store.save(**make(text="Headline\n\nNew body.", sha="s2"))
    rows = {r["id"]: r["current"] for r in store.db["articles"].rows}
    assert rows == {first: 0, second: 1}
    assert store.get("a.txt")["id"] == second


@pytest.mark.parametrize("json_keys", [True, False], ids=["json-arrays", "placeholders"])
def test_candidates_by_band_and_paragraph_hash(json_keys):
    store = Store(":memory:", memory=True, now=NOW)
    assert store._json  # this SQLite has JSON; the placeholders are for one without
    store._json = json_keys
    a, _ = store.save(**make(input="a.txt", sha="a"))
    b, _ = store.save(**make(input="b.txt", sha="b"))
    assert store.candidates(b, ["0:ab"], []) == [a]
    assert store.candidates(b, [], ["p1"]) == [a]
    assert store.candidates(b, ["9:zz"], ["nope"]) == []
    assert store.candidates(b, ["0:ab", "9:zz"], ["nope", "p1"]) == [a]


def _save_passages(store, name: str, passages: tuple[str, ...], bands: tuple[str, ...] = ()) -> int:
    kw = make(input=name, sha=name)
    fp = replace(kw["fingerprint"], bands=bands, sentences=(),
                 paragraphs=tuple(ParagraphHash(h, 0, 8) for h in passages))
    return store.save(**{**kw, "fingerprint": fp})[0]


@pytest.mark.parametrize("json_keys", [True, False], ids=["json-arrays", "placeholders"])
def test_one_shared_boilerplate_passage_is_no_candidate(json_keys):
    """A passage on more than COMMON_KEY_ROWS rows ("Follow us on Twitter ..."): sharing only
    it makes no candidate; sharing it and one more passage, or a band, still does."""
    store = Store(":memory:", memory=True, now=NOW)
    store._json = json_keys
    first = _save_passages(store, "first.txt", ("follow-us",))
    assert store.candidates(-1, [], ["follow-us"]) == [first]  # one carrier: a candidate
    carriers = [first] + [_save_passages(store, f"{i}.txt", ("follow-us",)) for i in range(COMMON_KEY_ROWS - 1)]
    me = _save_passages(store, "me.txt", ("follow-us",))
    # the querying article's own row does not count: as in a worker, which asks before saving
    assert store.candidates(me, [], ["follow-us"]) == carriers
    assert store.candidates(-1, [], ["follow-us"]) == []
    _save_passages(store, "one-more.txt", ("follow-us",))
    two = _save_passages(store, "two.txt", ("follow-us", "quote"))
    banded = _save_passages(store, "banded.txt", ("follow-us",), ("7:ef",))
    assert store.candidates(-1, [], ["follow-us"]) == []  # now on COMMON_KEY_ROWS + 3 rows
    assert store.candidates(-1, [], ["follow-us", "quote"]) == [two]  # two shared passages
    assert store.candidates(-1, ["7:ef"], ["follow-us"]) == [banded]
    assert store.candidates(-1, [], ["quote"]) == [two]  # a rare passage alone is enough


def test_links_saved_once_either_direction():
    store = Store(":memory:", memory=True, now=NOW)
    a, _ = store.save(**make(input="a.txt", sha="a"))
    b, _ = store.save(**make(input="b.txt", sha="b"))
    p = Passage(Span("Body", 10, 14), Span("Body", 10, 14))
    link = Link(a, b, "verbatim", 1.0, 1.0, (p,), ("tie-break",))
    assert len(store.save_links([link], NOW)) == 1
    assert store.save_links([Link(b, a, "verbatim", 1.0, 1.0)], NOW) == []
    rows = list(store.links(a))
    assert len(rows) == 1 and rows[0]["s_input"] == "a.txt" and rows[0]["t_input"] == "b.txt"


def test_links_keep_passage_offsets_and_read_their_text_from_both_articles():
    """A link's passages are kept as offsets (their text is the articles'), and read back
    as the spans that were saved, for reports (``Copy``) and ``tracer links`` alike."""
    from tracer.copies import copy_from_link_row
    from tracer.linkview import link_object

    first, second = "Headline\n\nBody text of the article.", "Other head\n\nIntro.\n\nBody text of the article."
    store = Store(":memory:", memory=True, now=NOW)
    a, _ = store.save(**make(text=first, input="a.txt", sha="a"))
    b, _ = store.save(**make(text=second, input="b.txt", sha="b"))
    passages = (Passage(Span.of(first, 10, 35), Span.of(second, 20, 45), 0.9876),
                Passage(Span.of(first, 0, 8), Span.of(second, 0, 5)))
    store.save_links([Link(a, b, "derived", 0.5, 0.9, passages, ("tie-break",))], NOW)
    raw = store.db.execute("select passages from links").fetchone()[0]
    assert raw == "[[10,35,20,45,0.9876],[0,8,0,5,1.0]]"  # no text
    row = next(store.links(a))
    assert copy_from_link_row(row, b).passages == passages
    assert link_object(row)["shared_passages"][0] == {
        "source_span": {"text": "Body text of the article.", "start": 10, "end": 35},
        "target_span": {"text": "Body text of the article.", "start": 20, "end": 45}}
    view = store.db.execute("select source_text, target_text, score from link_passages order by passage")
    assert view.fetchall() == [("Body text of the article.", "Body text of the article.", 0.9876),
                               ("Headline", "Other", 1.0)]


def test_links_stored_with_passage_texts_keep_offsets_after_migration_10(tmp_path, capsys):
    """Migration 10, on a store whose links kept each passage's text from both articles."""
    import json

    db = _database_before(10, tmp_path / "old.db")
    texts = {1: "Headline\n\nBody text of the article.", 2: "Head\n\nBody text of the article, copied."}
    db.conn.executemany("insert into articles (id, input, sha256, current, text) values (?, ?, ?, 1, ?)",
                        [(i, f"a{i}", f"s{i}", t) for i, t in texts.items()])
    old = [{"source_span": {"text": "Body text of the article", "start": 10, "end": 34},
            "target_span": {"text": "Body text of the article", "start": 6, "end": 30}, "score": 0.95}]
    db.conn.execute("insert into links (source_id, target_id, relation, similarity, containment, passages,"
                    " evidence) values (1, 2, 'derived', 0.8, 0.9, ?, '[]')", [json.dumps(old)])
    db.conn.commit()
    assert migrations.migrate(db, NOW)[0] == 10
    assert db.execute("select passages from links").fetchone()[0] == "[[10,34,6,30,0.95]]"
    db.conn.close()
    from tracer.linkview import link_object

    store = Store(tmp_path / "old.db", now=NOW)
    assert link_object(next(store.links(1)))["shared_passages"] == [
        {"source_span": old[0]["source_span"], "target_span": old[0]["target_span"]}]
    assert capsys.readouterr().err == ""  # a store this small is rewritten without a word


def test_a_flags_long_evidence_is_kept_as_offsets_and_read_back_whole():
    """An uncredited copy's evidence (a shared passage) is the article's text: kept as
    offsets past QUOTED_EVIDENCE characters, cut from the article when read; a short
    quote keeps its text."""
    from tracer.store import QUOTED_EVIDENCE

    body = "Copied passage. " * 40
    text = "Headline\n\n" + body
    store = Store(":memory:", memory=True, now=NOW)
    a, _ = store.save(**make(text=text, input="a.txt", sha="a"))
    long = Span.of(text, 10, len(text))
    short = Span.of(text, 0, 8)
    assert len(long.text) > QUOTED_EVIDENCE
    store.add_flags(a, [Flag("uncredited-copy", "copied", long, about=7), Flag("vague-attribution", "vague", short)])
    kept = store.db.execute("select evidence_text, evidence_start, evidence_end from flags"
                            " where message in ('copied', 'vague') order by id").fetchall()
    assert kept == [(None, 10, len(text)), ("Headline", 0, 8)]
    assert [f.evidence for f in store.flags(a) if f.message in ("copied", "vague")] == [long, short]
    view = store.db.execute("select evidence_text from flag_evidence where message in ('copied', 'vague') order by id").fetchall()
    assert view == [(long.text,), ("Headline",)]


def test_long_flag_evidence_stored_whole_is_kept_as_offsets_after_migration_12(tmp_path):
    """Migration 12, on a store whose flags kept their evidence's text however long."""
    text = "Headline\n\n" + "Copied passage. " * 40
    db = _database_before(12, tmp_path / "old.db")
    db.conn.execute("insert into articles (id, input, sha256, current, text) values (1, 'a', 's', 1, ?)", [text])
    rows = [(1, "uncredited-copy", "m", text[10:], 10, len(text)),  # the article's: offsets only
            (1, "uncredited-copy", "n", "not the article's " * 30, 10, 550),  # kept: not a cut of it
            (1, "vague-attribution", "v", "Headline", 0, 8)]
    db.conn.executemany("insert into flags (article_id, kind, message, evidence_text, evidence_start,"
                        " evidence_end) values (?, ?, ?, ?, ?, ?)", rows)
    db.conn.commit()
    assert migrations.migrate(db, NOW)[0] == 12
    kept = [r[0] for r in db.execute("select evidence_text from flags order by id")]
    assert kept == [None, rows[1][3], "Headline"]
    db.conn.close()
    store = Store(tmp_path / "old.db", now=NOW)
    assert [f.evidence.text for f in store.flags(1)] == [text[10:], rows[1][3], "Headline"]


def test_a_hop_named_by_a_canonical_link_keeps_the_link():
    """"NBC News → MSN": the hop NBC News has no quoted words, only the page's canonical link."""
    url = "https://www.nbcnews.com/news/story-n1"
    hops = (ChainHop("Luz Contreras Arroyo", "source"), ChainHop("NBC News", "outlet", link=url),
            ChainHop("MSN", "publisher"))
    store = Store(":memory:", memory=True, now=NOW)
    store.save(**{**make(), "chains": (Chain(hops),)})
    rows = store.db.execute("select name, link from chain_hops order by position").fetchall()
    assert rows == [("Luz Contreras Arroyo", None), ("NBC News", url), ("MSN", None)]


def test_hops_stored_before_migration_13_have_no_link_and_new_ones_do(tmp_path):
    """Migration 13 adds chain_hops.link to a store written without it."""
    db = _database_before(13, tmp_path / "old.db")
    db.conn.execute("insert into chains (id, article_id, idx, layers, summary) values (1, 9, 0, 0, 'AP')")
    db.conn.execute("insert into chain_hops (chain_id, position, name, kind) values (1, 0, 'AP', 'agency')")
    db.conn.commit()
    assert migrations.migrate(db, NOW) == [13]
    assert db.execute("select name, link from chain_hops").fetchall() == [("AP", None)]
    db.conn.close()
    store = Store(tmp_path / "old.db", now=NOW)
    hops = (ChainHop("Reuters", "outlet", link="https://reuters.com/a"), ChainHop("MSN", "publisher"))
    store.save(**{**make(), "chains": (Chain(hops),)})
    assert store.db.execute("select link from chain_hops where name = 'Reuters'").fetchone() == (
        "https://reuters.com/a",)


def test_failed_transaction_rolls_back():
    store = Store(":memory:", memory=True, now=NOW)
    with pytest.raises(RuntimeError):
        with store.transaction() as db:
            db["runs"].insert({"kind": "x"})
            raise RuntimeError("boom")
    assert store.db["runs"].count == 0


def test_not_found_message():
    store = Store(":memory:", memory=True, now=NOW)
    with pytest.raises(NotFound, match="trace it first"):
        store.get("missing.txt")


def test_unwritable_store_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(blocker / "sub" / "p.db", now=NOW)


def test_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(bad, now=NOW)


def test_runs_and_failures():
    store = Store(":memory:", memory=True, now=NOW)
    run = store.start_run("trace", NOW)
    store.record_failure(run, "x.txt", "x.txt: empty", NOW)
    store.finish_run(run, now=NOW, status="partial", counts={"inputs": 2, "failed": 1, "zzz": 1})
    row = store.db["runs"].get(run)
    assert row["status"] == "partial" and row["failed"] == 1 and row["finished"] == NOW
    assert store.db["failures"].count == 1


def _analysis(text, name):
    from tracer import extract, pipeline

    return pipeline.analyse(extract.extract(text.encode(), input=name, kind="text"))


STORY = ("Port strike ends after talks\n\n"
         "Dock workers in the northern port ended a nine-day strike on Tuesday after the "
         "union and the operators agreed on a new wage scale, the union said.\n\n"
         "The agreement raises pay by six percent this year and four percent next year, "
         "and it adds a night-shift bonus that the workers had asked for since the spring.")


def test_stored_record_is_the_same_from_the_cache_and_from_the_database(tmp_path):
    from tracer import pipeline

    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now="2026-01-01")
    copy = pipeline.commit(store, _analysis(STORY.replace("Tuesday", "Monday"), "b.txt"),
                           now="2026-01-01")
    assert copy.trace.copies and copy.trace.copies[0].id == first.trace.id
    cached = store.stored(first.trace.id)
    fresh = Store(tmp_path / "s.db").stored(first.trace.id)  # a new Store: nothing cached
    assert cached.article.text == fresh.article.text
    assert cached.fingerprint.shingles == fresh.fingerprint.shingles
    assert cached.fingerprint.sentences == fresh.fingerprint.sentences
    assert (cached.credits, cached.outlet) == (fresh.credits, fresh.outlet)
    blob, n = store.db.execute("select shingles, n_shingles from fingerprints where article_id = ?",
                               [first.trace.id]).fetchone()
    assert n == len(fresh.fingerprint.shingles) > 0 and len(blob) == 4 * n  # 32-bit hashes


@pytest.mark.parametrize("values", [(), (0, 7, 2**32 - 1), (5, 6, 2**63 + 7)])
def test_shingles_pack_in_four_bytes_when_they_fit_and_read_back_either_way(values):
    from tracer.store import _pack, _pack_shingles, _unpack

    blob = _pack_shingles(values)
    assert len(blob) == (4 if all(v < 2**32 for v in values) else 8) * len(values)
    assert _unpack(blob, len(values)) == values
    assert _unpack(_pack(values), len(values)) == values  # as stored before migration 11


def test_shingles_stored_in_eight_bytes_are_narrowed_by_migration_11(tmp_path):
    from tracer.store import _pack

    db = _database_before(11, tmp_path / "old.db")
    db.conn.executemany("insert into fingerprints (article_id, version, shingles, n_shingles) values (?, 'v', ?, ?)",
                        [(1, _pack((3, 2**32 - 1)), 2), (2, _pack((2**40,)), 1), (3, b"", 0)])
    db.conn.commit()
    assert migrations.migrate(db, NOW)[0] == 11
    blobs = [r[0] for r in db.execute("select shingles from fingerprints order by article_id")]
    assert [len(b) for b in blobs] == [8, 8, 0]  # two narrowed, one too wide to be, none
    from tracer.store import _unpack

    assert _unpack(blobs[0], 2) == (3, 2**32 - 1) and _unpack(blobs[1], 1) == (2**40,)


def test_a_stored_text_is_read_back_split_as_it_was_saved(tmp_path):
    """The store keeps each text's paragraph and sentence offsets, and hands them to the
    matcher instead of splitting the text again."""
    from tracer import match, normalize, pipeline

    store = Store(tmp_path / "s.db")
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now="2026-01-01")
    blob = store.db.execute("select splits from fingerprints where article_id = ?",
                            [first.trace.id]).fetchone()[0]
    assert unpack_splits(blob) == normalize.splits(STORY)
    normalize.sentences.cache_clear()
    normalize.paragraphs.cache_clear()
    copy = pipeline.as_stored(_analysis(STORY.replace("Tuesday", "Monday"), "b.txt"), 99)
    normalize.sentences.cache_clear()
    normalize.paragraphs.cache_clear()
    match._BODIES.clear()
    stored = Store(tmp_path / "s.db").stored(first.trace.id)  # a new Store: read from the database
    read = match.compare(copy, stored)
    assert normalize.sentences.cache_info().currsize == 0  # read, not split
    assert normalize.paragraphs.cache_info().currsize == 0
    assert stored.splits == normalize.splits(STORY)
    assert stored.article.paragraphs == normalize.paragraphs(STORY)
    # and the link to a copy is the one made from a fresh split
    match._BODIES.clear()
    fresh = match.compare(replace(copy, splits=None), replace(stored, splits=None))
    assert normalize.sentences.cache_info().currsize == 2  # split, both
    assert read.passages == fresh.passages and read.relation == fresh.relation == "derived"


@pytest.mark.parametrize("offsets", [
    ((0, 8, 10, 90), (10, 40, 41, 90)),
    ((0, 5, 7, 70_007), (7, 70_000, 70_001, 70_007)),  # a gap past 16 bits
    ((0, 12), ()),
])
def test_splits_pack_into_a_blob_and_back(offsets):
    made = Splits(*offsets)
    assert unpack_splits(pack_splits(made)) == made
    assert len(pack_splits(Splits((0, 8, 10, 90), (10, 40, 41, 90)))) == 1 + 2 * 9
    assert pack_splits(Splits((5, 3), ())) is None  # not the split of one text
    assert unpack_splits(None) is None
    assert unpack_splits(b"\x00garbage") is None  # not a blob of ours: the text is split instead


def test_fingerprints_stored_before_splits_are_split_when_read(tmp_path):
    """Migration 8: rows from before it have no offsets; the matcher splits their text."""
    from tracer import normalize, pipeline

    db = _database_before(8, tmp_path / "old.db")
    db.conn.close()
    store = Store(tmp_path / "old.db", now=NOW)
    first = pipeline.commit(store, _analysis(STORY, "a.txt"), now="2026-01-01")
    store.db.execute("update fingerprints set splits = null")
    stored = Store(tmp_path / "old.db").stored(first.trace.id)
    assert stored.splits is None
    assert stored.article.paragraphs == normalize.paragraphs(STORY)


def test_party_is_the_stored_record_seen_by_the_uncredited_copy_rule(tmp_path):
    from tracer import pipeline
    from tracer.models import Party

    store = Store(tmp_path / "s.db")
    credited = STORY.replace("Dock workers", "LONDON, Jan 9 (Reuters) - Dock workers")
    ids = [pipeline.commit(store, _analysis(text, name), now="2026-01-01").trace.id
           for text, name in ((STORY, "a.txt"), (credited, "https://example.org/b"))]
    fresh = Store(tmp_path / "s.db")  # nothing cached: the one-row read
    for article_id in ids:
        whole = store.stored(article_id)
        assert fresh.party(article_id) == store.party(article_id) == Party.of(whole)
    assert fresh.party(ids[0]).origin == "a.txt"
    assert fresh.party(ids[1]).credits == ("Reuters",)
    with pytest.raises(NotFound):
        fresh.party(10**6)


def test_a_rolled_back_article_is_never_served_under_a_reused_id(tmp_path, monkeypatch):
    import sqlite3

    from tracer import pipeline

    store = Store(tmp_path / "s.db")
    pipeline.commit(store, _analysis(STORY, "a.txt"), now="2026-01-01")
    real = store.save_links

    def broken(links, now):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "save_links", broken)
    lost = STORY.replace("Dock workers", "Crane drivers")
    with pytest.raises(StoreError):
        pipeline.commit(store, _analysis(lost, "b.txt"), now="2026-01-01")
    monkeypatch.setattr(store, "save_links", real)
    other = "Library reopens\n\n" + "The city library reopened its doors on Friday after a year of repairs to the roof. " * 3
    a = _analysis(other, "c.txt")  # saved as `tracer import` saves, without matching
    kept, _ = store.save(article=a.article, fingerprint=a.fingerprint, outlet=a.outlet,
                         dateline=a.dateline, credits=a.credits, attributions=a.attributions,
                         chains=a.chains, flags=a.flags, now="2026-01-01")
    assert store.stored(kept).article.text.startswith("Library reopens")
    assert store.db.execute("select count(*) from articles").fetchone()[0] == 2


# -- group commit (tracer trace) -------------------------------------------------------------

def _stories(n):
    return [STORY.replace("northern", f"district-{i}") + f"\n\nThe harbour office number {i} "
            "confirmed the new schedule for the night shifts on Friday afternoon." for i in range(n)]


def _count(path, sql="select count(*) from articles"):
    import sqlite3

    conn = sqlite3.connect(path)  # another connection: sees committed rows only
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _trace(store, tmp_path, texts, **settings):
    from tracer import pipeline
    from tracer import settings as config

    for i, text in enumerate(texts):
        (tmp_path / f"s{i:02d}.txt").write_text(text, encoding="utf-8")
    names = [str(tmp_path / f"s{i:02d}.txt") for i in range(len(texts))]
    return pipeline.trace(names, store, config.load({}, jobs=1, **settings), now=NOW)


def test_a_failing_article_in_a_group_is_rolled_back_alone(tmp_path, monkeypatch):
    import sqlite3

    store = Store(tmp_path / "s.db")
    real = store.save_links

    def broken(links, now):  # fails after the article's rows were written
        if any(store.stored(link.target_id).article.input.endswith("s02.txt") for link in links):
            raise sqlite3.OperationalError("disk I/O error")
        return real(links, now)

    monkeypatch.setattr(store, "save_links", broken)
    outcomes = list(_trace(store, tmp_path, _stories(5), commit_every=100))
    assert [o.status for o in outcomes] == ["traced", "traced", "failed", "traced", "traced"]
    assert "s02.txt" in outcomes[2].error or "write failed" in outcomes[2].error
    assert _count(tmp_path / "s.db") == 4
    assert _count(tmp_path / "s.db", "select count(*) from articles where input like '%s02.txt'") == 0
    ids = {row[0] for row in store.db.execute("select id from articles")}
    # the rolled-back article's id is not served from the cache; every link joins kept rows
    assert all(store.stored(i).id == i for i in ids)
    assert _count(tmp_path / "s.db", "select count(*) from links where source_id not in "
                  "(select id from articles) or target_id not in (select id from articles)") == 0


def test_groups_commit_as_they_fill_and_on_the_way_out(tmp_path):
    store = Store(tmp_path / "s.db")
    outcomes = _trace(store, tmp_path, _stories(7), commit_every=3, commit_seconds=3600)
    seen = [next(outcomes) for _ in range(4)]  # the 4th is yielded after the first group commits
    assert all(o.status == "traced" for o in seen)
    assert _count(tmp_path / "s.db") == 3
    outcomes.close()  # the caller stops (Ctrl-C, a broken pipe): finished articles are kept
    assert _count(tmp_path / "s.db") == 4
    assert not store.db.conn.in_transaction


def test_commit_every_one_commits_each_article(tmp_path):
    store = Store(tmp_path / "s.db")
    outcomes = _trace(store, tmp_path, _stories(3), commit_every=1)
    next(outcomes)
    assert _count(tmp_path / "s.db") == 1
    assert [o.status for o in outcomes] == ["traced", "traced"]
    assert _count(tmp_path / "s.db") == 3


def test_group_finds_copies_stored_earlier_in_the_same_group(tmp_path):
    store = Store(tmp_path / "s.db")
    text = _stories(1)[0]
    outcomes = list(_trace(store, tmp_path, [text, text.replace("Tuesday", "Monday")],
                           commit_every=100))
    assert outcomes[1].trace.copies and outcomes[1].trace.copies[0].id == outcomes[0].trace.id
    assert _count(tmp_path / "s.db", "select count(*) from links") == 1


def test_a_group_rolled_back_by_sqlite_stops_the_run_with_a_clear_error(tmp_path):
    store = Store(tmp_path / "s.db")
    with pytest.raises(StoreError, match="rolled back up to 2 article"):
        with store.group(100, 3600) as tick:
            store.save(**make(input="a.txt", sha="a"))
            tick()
            store.db.conn.execute("ROLLBACK")  # what SQLite does itself on a full disk
            store.save(**make(input="b.txt", sha="b"))  # now outside any group transaction
            tick()
    assert _count(tmp_path / "s.db") == 1  # only the article saved on its own was kept


def test_sentence_hashes_of_the_s2_split_rules_are_recomputed_on_open(tmp_path, capsys):
    """Migration 9: a store written before "Yahoo!" stopped ending sentences (split rules
    s2) gets the current sentence hashes and kept splits, so a new copy shares them."""
    from tracer import fingerprint as fp
    from tracer import normalize

    text = ("Headline\n\nYahoo! Finance reported that the merger of the two regional banks was "
            "approved by regulators on Tuesday afternoon.\n\nShares of both banks rose in late trading.")
    current = fp.fingerprint(text, skip=fp.body_start(text, "Headline"))
    path = tmp_path / "s2.db"
    store = Store(path, now=NOW)
    args = make(text=text)
    args["fingerprint"] = replace(current, version=current.version.replace("-s3", "-s2"),
                                  sentences=(ParagraphHash("0" * 16, 10, 16),))  # s2: "Yahoo!" alone
    store.save(**args)
    store.db.execute("delete from _migrations where number = 9")
    store.close()

    store = Store(path, now=NOW)  # migrates
    assert "recomputing the fingerprints of 1 stored article (" in capsys.readouterr().err
    assert store.db.execute("select version from fingerprints").fetchone()[0] == fp.VERSION
    hashes = {r[0] for r in store.db.execute("select hash from paragraphs")}
    assert hashes == {h.hash for h in current.paragraphs + current.sentences}
    assert "0" * 16 not in hashes
    first = [s.text for s in normalize.sentences(text)][1]
    assert first.startswith("Yahoo! Finance reported")


def test_fingerprints_of_an_earlier_version_are_recomputed_on_open(tmp_path, capsys):
    """Migration 4: a store written under another fingerprint version gets the current
    signature, bands and passage hashes from its stored text, so new copies find it."""
    from tracer import fingerprint as fp

    text = ("Council Approves Budget\n\nThe city council approved a new budget for public "
            "parks on Tuesday, ending a dispute that had delayed repairs for a year.\n\n"
            "Members voted seven to two for the plan, which adds money for playgrounds.")
    path = tmp_path / "old.db"
    store = Store(path, now=NOW)
    old_id, _ = store.save(**make(text=text))  # fingerprint version "v1", made-up keys
    store.db.execute("delete from _migrations where number = 4")  # as an older tracer left it
    store.close()

    store = Store(path, now=NOW)  # migrates
    assert "recomputing the fingerprints of 1 stored article (" in capsys.readouterr().err
    current = fp.fingerprint(text, skip=fp.body_start(text, "Headline"))
    row = store.db.execute("select version, signature from fingerprints").fetchone()
    assert row[0] == fp.VERSION
    assert store.db.execute("select version from articles").fetchone()[0] == fp.VERSION
    assert sorted(r[0] for r in store.db.execute("select band from lsh_bands")) == sorted(
        band_key(b) for b in current.bands)
    hashes = {r[0] for r in store.db.execute("select hash from paragraphs")}
    assert hashes == {h.hash for h in current.paragraphs + current.sentences}
    assert store.candidates(-1, current.bands, []) == [old_id]
    assert migrations.refingerprint(store.db) == 0  # nothing left to recompute


def _indexed(store) -> int:
    return store.db.execute("select count(*) from articles_fts_docsize").fetchone()[0]


def test_the_search_index_is_brought_up_to_date_when_read(tmp_path):
    """Migration 5: saving an article leaves the full-text index alone; a search first
    indexes what is missing, once."""
    store = Store(tmp_path / "s.db", now=NOW)
    assert store.db.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0] == 0
    store.save(**make(text="Headline\n\nHarbour cranes stopped at noon.", input="a.txt", sha="a"))
    store.save(**make(text="Headline\n\nThe library reopened its rooms.", input="b.txt", sha="b"))
    assert _indexed(store) == 0
    assert [r["input"] for r in store.search("cranes")] == ["a.txt"]
    assert _indexed(store) == 2 and store.refresh_search() == 0
    store.save(**make(text="Headline\n\nMore cranes arrived by ship.", input="c.txt", sha="c"))
    assert [r["input"] for r in store.search("cranes")] == ["a.txt", "c.txt"]
    assert store.refresh_search() == 0 and _indexed(store) == 3


def test_a_store_indexed_by_triggers_keeps_its_index_without_them(tmp_path):
    """Migration 5 on a store an older tracer wrote: triggers gone, nothing indexed twice."""
    path = tmp_path / "old.db"
    store = Store(path, now=NOW)
    store.db.execute("delete from _migrations where number = 5")
    store.db.execute("""create trigger articles_ai after insert on articles begin
        insert into articles_fts (rowid, title, text) values (new.rowid, new.title, new.text);
        end""")  # as migration 1 left it
    store.save(**make(text="Headline\n\nHarbour cranes stopped at noon.", input="a.txt", sha="a"))
    assert _indexed(store) == 1
    store.close()
    store = Store(path, now=NOW)  # migrates
    assert store.db.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0] == 0
    assert store.refresh_search() == 0 and [r["input"] for r in store.search("cranes")] == ["a.txt"]


def test_spark_output_of_another_fingerprint_version_is_recomputed_on_import():
    """tracer import of output written by an earlier tracer: its fingerprint rows are not
    comparable with the store's, so they are recomputed from the text."""
    from tracer import fingerprint as fp
    from tracer.importer import rebuild
    from tracer.store import _pack

    text = "Headline\n\nThe council approved a new budget for the city's parks on Tuesday night."
    row = {"input": "a.txt", "title": "Headline", "text": text, "url": None, "canonical": None,
           "site_name": None, "published": None, "author": None, "fetched_at": None,
           "redirects": "[]", "content_type": "text", "credits": "[]", "outlet": None,
           "dateline": None, "raw_sha256": None}
    old = {"version": "mh1-w5-p126-b42x3-s2", "sha256": "x", "signature": _pack([1, 2]),
           "shingles": _pack([3])}
    kw = rebuild(row, old, [{"band": "0:old"}], [], [], [], [], [])
    assert kw["fingerprint"] == fp.fingerprint(text, skip=fp.body_start(text, "Headline"))
    current = dict(old, version=fp.VERSION)  # the current version is taken as written
    assert rebuild(row, current, [{"band": "0:kept"}], [], [], [], [], [])[
        "fingerprint"].bands == ("0:kept",)


def test_a_credit_to_the_copys_own_outlet_credits_nobody():
    """'This article originally appeared on <its own name>' does not excuse a copy."""
    from tracer.copies import uncredited_copy
    from tracer.models import Party

    source = Party(1, (), "The New York Times", "https://nytimes.example/a")
    for credits, flagged in ((("The Courier",), True), (("Courier",), True), (("Reuters",), False),
                             (("The Courier", "AP"), False), ((), True)):
        target = Party(2, credits, "The Courier", "https://courier.example/b")
        assert (uncredited_copy(target, source, ()) is not None) is flagged, credits
