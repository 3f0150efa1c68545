"""The Spark path (tracer.spark, tracer.importer) against the single-machine path.

Run with ``make test-spark`` (installs PySpark, warcio and pyarrow; needs Java 17). Skipped
with a message when any of them is missing; the plain suite never imports PySpark (this
module imports it only inside fixtures).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracer import pipeline
from tracer.cli import cli
from tracer.settings import load as load_settings
from tracer.store import Store

pytestmark = pytest.mark.spark

FIXTURES = Path(__file__).parent / "fixtures" / "spark"
NOW = "2026-11-20T12:00:00+00:00"
WARC_DATE = "2026-11-19T08:00:00Z"


@pytest.fixture(scope="session")
def spark():
    for name in ("pyspark", "warcio", "pyarrow"):
        pytest.importorskip(name, reason=f"{name} is not installed; run `make test-spark`")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is missing; install a JRE 17 (apt-get install openjdk-17-jre-headless)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("tracer-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _html(title: str, paragraphs: list[str], canonical: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    link = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{link}</head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>\n{body}</article>"
            f"<footer>© Example Media. All rights reserved.</footer></body></html>").encode()


def _paragraphs(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").strip().split("\n\n")


def _write_warc(path: Path) -> list[tuple[str, bytes]]:
    """A tiny WARC: a request, two HTML pages, a 404 and an image. Returns the HTML pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    wire = _paragraphs("wire.txt")
    cycling = _paragraphs("unrelated_a.txt")
    pages = [
        ("https://daily.example/ports-shut-by-storm",
         # the wire's own page, named by the canonical link: a hop with a link, no words
         _html("Ports shut as storm lashes German coast", wire[1:7],
               "https://www.reuters.com/world/europe/storm-shuts-ports-idUSKBN1")),
        ("https://city.example/news/bike-lanes",
         _html("Council backs bike lanes after long fight", cycling[1:] + [
             "The council will publish the full route map on its website next week, "
             "together with a timetable for each phase of the works."])),
    ]
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def record(url, kind, payload, status="200 OK", ctype="text/html; charset=utf-8"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, kind, payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": WARC_DATE}))

        writer.write_record(writer.create_warc_record(
            pages[0][0], "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
            warc_headers_dict={"WARC-Date": WARC_DATE}))
        record(*pages[0][:1], "response", pages[0][1])
        record("https://daily.example/missing", "response", b"<html>gone</html>",
               status="404 Not Found")
        record("https://daily.example/logo.png", "response", b"\x89PNG....", ctype="image/png")
        record(*pages[1][:1], "response", pages[1][1])
    return pages


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The corpus on disk: .txt files, a JSON Lines file, a WARC and a manifest of them.

    The JSON Lines rows name their input; the same texts are also written as .txt files
    under those names, so ``tracer.pipeline.trace`` reads the very same articles.
    """
    pytest.importorskip("warcio", reason="warcio is not installed; run `make test-spark`")
    root = tmp_path_factory.mktemp("corpus")
    files = []
    for src in sorted(FIXTURES.glob("*.txt")):
        dst = root / src.name
        shutil.copy(src, dst)
        files.append(str(dst))
    rows_dir = root / "rows"
    rows_dir.mkdir()
    wire, other = _paragraphs("wire.txt"), _paragraphs("unrelated_b.txt")
    texts = {
        # an uncredited verbatim copy of a story without a credit line
        "copy_b.txt": "\n\n".join(other) + "\n",
        # re-headlined and shortened wire copy without the Reuters dateline
        "rewrite.txt": "\n\n".join(["Storm shuts ports in northern Germany",
                                    wire[2], wire[3], wire[4], wire[5]]) + "\n",
    }
    rows = []
    for name, text in texts.items():
        (rows_dir / name).write_text(text, encoding="utf-8")
        rows.append({"input": str(rows_dir / name), "text": text})
    jsonl = root / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    warc = root / "crawl.warc.gz"
    pages = _write_warc(warc)
    manifest = root / "manifest.txt"
    manifest.write_text("# test corpus\n" + "\n".join(files + [str(jsonl), str(warc)]) + "\n",
                        encoding="utf-8")
    return {"root": root, "files": files + [r["input"] for r in rows], "pages": pages,
            "manifest": str(manifest)}


@pytest.fixture(scope="session")
def single(corpus, tmp_path_factory):
    """The single-machine path: ``pipeline.trace`` of the files, then the WARC pages through
    ``pipeline.trace_document`` (the entry for bytes already fetched), into a temp store."""
    path = tmp_path_factory.mktemp("single") / "single.db"
    store = Store(path, now=NOW)
    outcomes = list(pipeline.trace(corpus["files"], store, load_settings(jobs=1), now=NOW))
    for url, html in corpus["pages"]:
        outcomes.append(pipeline.trace_document(
            store, html, input=url, kind="html", url=url, fetched_at=WARC_DATE,
            content_type="text/html; charset=utf-8", now=NOW))
    assert all(o.status == "traced" for o in outcomes), [o.error for o in outcomes]
    store.close()
    return path


@pytest.fixture(scope="session")
def spark_out(spark, corpus, tmp_path_factory):
    from tracer import spark as job

    out = tmp_path_factory.mktemp("spark") / "out"
    summary = job.run([corpus["manifest"]], str(out), master="local[2]", partitions=2, now=NOW)
    return out, summary


def _table(out: Path, name: str) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(str(out / name)).to_pylist()


def _rows(db: Path, sql: str) -> list[dict]:
    store = Store(db, now=NOW)
    try:
        cur = store.db.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        store.close()


def _links_json(db: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["links", "--json", "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    return sorted(lines, key=lambda o: (o["source"]["id"], o["target"]["id"]))


# --- the job against the single-machine path ---------------------------------------------


def test_summary_counts(spark_out, single):
    out, summary = spark_out
    n = len(_rows(single, "select id from articles"))
    assert f"spark: {n} articles from 8 file(s), 0 failed" in summary  # 6 .txt, JSONL, WARC
    meta = json.loads((out / "_tracer.json").read_text())
    assert meta["articles"] == n and meta["failed"] == 0 and meta["skipped_buckets"] == 0


def test_same_ids_as_single_machine(spark_out, single):
    out, _ = spark_out
    spark_ids = {r["id"]: r["input"] for r in _table(out, "articles")}
    store_ids = {r["id"]: r["input"] for r in _rows(single, "select id, input from articles")}
    assert spark_ids == store_ids


def test_same_links_as_single_machine(spark_out, single):
    out, _ = spark_out
    ids = {r["id"]: r["input"] for r in _table(out, "articles")}
    got = {(ids[r["source_id"]], ids[r["target_id"]], r["relation"]) for r in _table(out, "links")}
    want = {(r["s"], r["t"], r["relation"]) for r in _rows(single, """
        select s.input as s, t.input as t, l.relation from links l
        join articles s on s.id = l.source_id join articles t on t.id = l.target_id""")}
    assert got == want
    relations = Counter(r for _, _, r in want)
    assert relations["verbatim"] >= 2 and relations["derived"] >= 2 and relations["partial"] >= 2
    names = {(Path(s).name, Path(t).name, r) for s, t, r in want}
    assert ("unrelated_b.txt", "copy_b.txt", "verbatim") in names
    assert ("https://daily.example/ports-shut-by-storm" in {s for s, _, _ in want}
            or "https://daily.example/ports-shut-by-storm" in {t for _, t, _ in want})
    # the cycling story is linked only to the WARC page that republishes it
    unrelated = next(f for f in ids.values() if f.endswith("unrelated_a.txt"))
    assert {(s, t) for s, t, _ in want if unrelated in (s, t)} == {
        (unrelated, "https://city.example/news/bike-lanes")}


def test_same_chains_and_flags_as_single_machine(spark_out, single):
    out, _ = spark_out
    ids = {r["id"]: r["input"] for r in _table(out, "articles")}
    got_chains = sorted((ids[r["article_id"]], r["idx"], r["summary"], r["layers"])
                        for r in _table(out, "chains"))
    want_chains = sorted((r["input"], r["idx"], r["summary"], r["layers"]) for r in _rows(
        single, "select a.input, c.idx, c.summary, c.layers from chains c "
                "join articles a on a.id = c.article_id"))
    assert got_chains == want_chains and want_chains
    got_flags = Counter((ids[r["article_id"]], r["kind"], r["message"])
                        for r in _table(out, "flags"))
    want_flags = Counter((r["input"], r["kind"], r["message"]) for r in _rows(
        single, "select a.input, f.kind, f.message from flags f "
                "join articles a on a.id = f.article_id"))
    assert got_flags == want_flags
    assert any(kind == "uncredited-copy" for _, kind, _ in want_flags)


def test_warc_filters_records(spark_out):
    out, _ = spark_out
    inputs = {r["input"] for r in _table(out, "articles")}
    assert "https://daily.example/ports-shut-by-storm" in inputs
    assert "https://city.example/news/bike-lanes" in inputs
    assert not any("missing" in i or "logo" in i for i in inputs)
    page = next(r for r in _table(out, "articles") if r["input"].endswith("bike-lanes"))
    assert page["url"] == page["input"] and page["content_type"] == "html"
    assert page["fetched_at"] == WARC_DATE


# --- import into the store ---------------------------------------------------------------


def test_import_gives_the_same_links_json(spark_out, single, tmp_path):
    out, _ = spark_out
    db = tmp_path / "imported.db"
    result = CliRunner().invoke(cli, ["import", str(out), "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _links_json(db) == _links_json(single)
    assert "articles added" in result.output


def test_import_reads_a_uri(spark_out, single, tmp_path):
    pytest.importorskip("fsspec")
    out, _ = spark_out
    db = tmp_path / "from-uri.db"
    result = CliRunner().invoke(cli, ["import", f"file://{out}", "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _links_json(db) == _links_json(single)


def test_import_is_idempotent(spark_out, tmp_path):
    from tracer.importer import import_parquet

    out, _ = spark_out
    store = Store(tmp_path / "twice.db", now=NOW)
    first = import_parquet(str(out), store, now=NOW)
    assert store.unindexed() == 0  # a bulk load is indexed for search at its end
    counts = {t: store.db[t].count for t in ("articles", "links", "flags", "lsh_bands",
                                             "paragraphs", "attributions", "chains",
                                             "chain_hops", "fingerprints")}
    second = import_parquet(str(out), store, now=NOW)
    again = {t: store.db[t].count for t in counts}
    assert counts == again
    assert second.added == 0 and second.new_links == 0
    assert "0 articles added" in second.summary() and "0 new links" in second.summary()
    assert first.added == counts["articles"] and first.failed == 0


def test_import_fills_the_store_like_trace(spark_out, single, tmp_path):
    out, _ = spark_out
    db = tmp_path / "full.db"
    CliRunner().invoke(cli, ["import", str(out), "--db", str(db)], catch_exceptions=False)
    for table, cols in [("articles", "id, input, title, text, sha256, outlet, layers, credits, "
                                     "dateline, version"),
                        ("fingerprints", "article_id, signature, shingles, n_shingles"),
                        ("lsh_bands", "article_id, band"),
                        ("paragraphs", "article_id, kind, hash, start, end"),
                        ("attributions", "article_id, idx, kind, cue_text, cue_start, "
                                         "source_text, content_text, via, anonymous, vague"),
                        ("chain_hops", "chain_id, position, name, kind, evidence_text, link"),
                        ("flags", "article_id, kind, message, evidence_start, related"),
                        ("outlets", "name, domain, kind, labels")]:
        sql = f"select {cols} from {table} order by {cols}"
        assert _rows(db, sql) == _rows(single, sql), table
    # a report reads an imported article like a traced one
    ref = next(r["input"] for r in _rows(db, "select input from articles")
               if r["input"].endswith("wire.txt"))
    runner = CliRunner()
    got = runner.invoke(cli, ["report", ref, "--format", "json", "--db", str(db)],
                        catch_exceptions=False)
    want = runner.invoke(cli, ["report", ref, "--format", "json", "--db", str(single)],
                         catch_exceptions=False)
    assert got.exit_code == 0, got.output
    assert json.loads(got.output)["copies"] == json.loads(want.output)["copies"]
    assert json.loads(got.output)["chain"] == json.loads(want.output)["chain"]


# --- inputs, failures and the bucket cap --------------------------------------------------


def test_failures_and_bucket_cap(spark, corpus, tmp_path):
    from tracer import spark as job

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "https://x.example/a", "text": ""}\nnot json\n[1, 2]\n'
                   + json.dumps({"url": "https://x.example/b", "title": "Harbour reopens",
                                 "text": "\n\n".join(_paragraphs("wire.txt")[1:]),
                                 "published": "2026-11-18"}) + "\n"
                   + json.dumps({"url": "https://x.example/c",
                                 "text": (FIXTURES / "wire.txt").read_text()}) + "\n",
                   encoding="utf-8")
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({
        "url": ["https://y.example/p"], "title": ["Cycling lanes approved"],
        "text": ["\n\n".join(_paragraphs("unrelated_a.txt")[1:])],
        "published": pa.array([datetime.date(2026, 11, 2)], pa.date32())}),
        str(tmp_path / "rows.parquet"))
    out = tmp_path / "out"
    summary = job.run([str(bad), str(tmp_path / "rows.parquet"), str(tmp_path / "nope.warc")],
                      str(out), master="local[2]", partitions=2, max_bucket=1, now=NOW)
    failures = {r["input"]: r["reason"] for r in _table(out, "failures")}
    assert "https://x.example/a" in failures  # no html, no text
    assert any("not JSON" in r for r in failures.values())
    assert any("not a JSON object" in r for r in failures.values())
    assert any("no such file" in r for r in failures.values())
    arts = {r["input"]: r for r in _table(out, "articles")}
    row = arts["https://x.example/b"]
    assert row["title"] == "Harbour reopens" and row["text"].startswith("Harbour reopens\n\n")
    assert row["published"] == "2026-11-18" and row["url"] == "https://x.example/b"
    parquet_row = arts["https://y.example/p"]
    assert parquet_row["published"] == "2026-11-02"
    assert parquet_row["text"].startswith("Cycling lanes approved\n\n")
    # max_bucket=1: every shared key is skipped, so no pair is compared
    assert "0 candidate pairs" in summary and "bucket(s) over 1 skipped" in summary
    assert _table(out, "skipped_buckets") and not _table(out, "links")
    # the import loads what worked, records each failure, and says so with exit code 3
    db = tmp_path / "partial.db"
    result = CliRunner().invoke(cli, ["import", str(out), "--db", str(db), "--batch", "2"])
    assert result.exit_code == 3, result.output
    assert f"{len(failures)} failures recorded" in result.output
    store = Store(db, now=NOW)
    assert store.db["articles"].count == len(arts)
    assert {r["input"] for r in store.db.query("select input from failures")} == set(failures)


def test_plan_manifest_and_problems(corpus, tmp_path):
    from tracer.errors import TracerError
    from tracer.spark import plan

    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / "list.txt").write_text("a.html\n# comment\n\nmissing.jsonl\nimage.png\n")
    tasks, problems = plan([str(tmp_path / "list.txt")])
    assert tasks == [("html", str(tmp_path / "a.html"))]
    assert [Path(p).name for p, _ in problems] == ["missing.jsonl", "image.png"]
    with pytest.raises(TracerError, match="nothing to read"):
        plan([str(tmp_path / "image.png")])


def test_one_shared_boilerplate_line_makes_no_pair(spark, tmp_path):
    """As in the store: 25 articles that share only a footer line (25 rows, over
    COMMON_KEY_ROWS) give no candidate pair; two of them that also share a paragraph do."""
    import random

    from tracer import spark as job
    from tracer.store import COMMON_KEY_ROWS

    footer = "Follow us on Twitter for the latest election news every single day."
    shared = "The council voted late on Tuesday to close the old harbour bridge for repairs next spring."
    rng = random.Random(11)
    rows = []
    for i in range(COMMON_KEY_ROWS + 5):
        words = [f"w{rng.randrange(5000)}" for _ in range(60)]
        paragraphs = [f"Story {i}", " ".join(words[:30]) + ".", " ".join(words[30:]) + "."]
        if i in (3, 17):
            paragraphs.append(shared)
        rows.append({"url": f"https://news.example/{i}", "text": "\n\n".join(paragraphs + [footer])})
    src = tmp_path / "footer.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = job.run([str(src)], str(tmp_path / "out"), master="local[2]", partitions=2, now=NOW)
    assert "1 candidate pairs" in summary, summary
