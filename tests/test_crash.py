"""Crash safety: kill -9 mid-trace, concurrent writers, a full disk, a read-only store."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tracer import normalize, pipeline
from tracer.errors import StoreError
from tracer.models import Article
from tracer.store import Store

NOW = "2026-01-01T00:00:00+00:00"
TOPICS = ["harbour", "council", "election", "storm", "budget", "court", "railway", "school",
          "hospital", "bridge", "festival", "mine", "airport", "river", "market", "museum"]


def write_corpus(directory, n, prefix="a"):
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        body = " ".join(f"{topic} {prefix}{i} word{j} item{(i * 7 + j) % 97}" for j in range(60))
        (directory / f"{prefix}{i:04d}.txt").write_text(
            f"Report {prefix}{i} on the {topic}\n\n{body}.\n\nThe {topic} official said "
            f"{prefix}{i} would follow, according to media reports.\n", encoding="utf-8")


def tracer(*args, db):
    return [sys.executable, "-m", "tracer", "trace", *map(str, args), "--db", str(db),
            "--quiet", "--jobs", "1"]


def count(db, sql="select count(*) from articles"):
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_kill_9_then_retrace_stores_each_once(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "p.db"
    write_corpus(corpus, 150)
    # small groups, so that the kill lands between two commits, not after the last one
    env = {**os.environ, "TRACER_COMMIT_EVERY": "5"}
    proc = subprocess.Popen(tracer(corpus, db=db), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            if db.exists() and count(db) >= 10:
                break
        except sqlite3.OperationalError:
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < count(db) < 150, "the kill should land in the middle of the run"
    done = subprocess.run(tracer(corpus, db=db), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert count(db) == 150
    assert count(db, "select count(distinct input) from articles") == 150
    assert count(db, "select count(*) from fingerprints") == 150
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_two_writers_at_once(tmp_path):
    db = tmp_path / "p.db"
    write_corpus(tmp_path / "one", 40, "x")
    write_corpus(tmp_path / "two", 40, "y")
    Store(db, now=NOW).close()  # migrate once so both start on the same schema
    procs = [subprocess.Popen(tracer(tmp_path / d, db=db), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for d in ("one", "two")]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert count(db) == 80
    assert count(db, "select count(*) from runs where status = 'ok'") == 2


def seed_article(i: int) -> Article:
    text = f"Headline {i}\n\n" + " ".join(f"sentence{i} number {j} of the body." for j in range(200))
    return Article(f"in{i}.txt", f"Headline {i}", text, normalize.paragraphs(text))


def test_full_disk_gives_clear_error_and_store_intact(tmp_path):
    store = Store(tmp_path / "p.db", now=NOW)
    pipeline.commit(store, pipeline.analyse(seed_article(0)), now=NOW)
    pages = store.db.execute("pragma page_count").fetchone()[0]
    store.db.execute(f"pragma max_page_count = {pages + 2}")  # SQLite's own "disk full"
    with pytest.raises(StoreError, match="disk"):
        for i in range(1, 50):
            pipeline.commit(store, pipeline.analyse(seed_article(i)), now=NOW)
    assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert store.db.execute("select count(*) from articles").fetchone()[0] >= 1
    # every stored article is whole: an article row always has its fingerprint
    assert store.db.execute(
        "select count(*) from articles a left join fingerprints f on f.article_id = a.id "
        "where f.article_id is null").fetchone()[0] == 0


@pytest.mark.skipif(shutil.which("chattr") is None, reason="chattr not available")
def test_read_only_store_is_a_clear_error(tmp_path):
    db = tmp_path / "p.db"
    Store(db, now=NOW).close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"p.db{suffix}").unlink(missing_ok=True)
    before = db.read_bytes()
    if subprocess.run(["chattr", "+i", str(tmp_path)], capture_output=True).returncode:
        pytest.skip("chattr +i not permitted here")
    try:
        result = subprocess.run(tracer(tmp_path / "nothing.txt", db=db), capture_output=True,
                                text=True)
    finally:
        subprocess.run(["chattr", "-i", str(tmp_path)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(db) in result.stderr and result.stderr.count("\n") == 1
    assert db.read_bytes() == before
