"""`tracer spark` inputs given as URIs (s3://, hdfs://, file://...), read through fsspec.

Planning (driver) and reading (executor) are plain Python, so these run without Spark or
Java; ``file://`` stands in for a remote filesystem.
"""

from __future__ import annotations

import json
import sys

import pytest

from tracer.errors import TracerError
from tracer.remote import is_uri
from tracer.spark import plan, read_task

NOW = "2026-11-20T12:00:00+00:00"
STORY = ("Dock workers in the northern port ended a nine-day strike on Tuesday after the "
         "union and the operators agreed on a new wage scale, the union said.")


def _jsonl(path, n):
    rows = [{"url": f"https://example.org/{i}", "title": f"Port strike ends ({i})",
             "text": STORY + f" Story number {i} of the batch."} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_is_uri():
    assert is_uri("s3://bucket/crawl/part-0.warc.gz") and is_uri("file:///tmp/a.jsonl")
    assert not is_uri("/tmp/a.jsonl") and not is_uri("C:\\data\\a.jsonl")


def test_uri_file_manifest_and_directory_are_planned_and_read(tmp_path):
    pytest.importorskip("fsspec")
    shard = tmp_path / "shards"
    shard.mkdir()
    _jsonl(shard / "a.jsonl", 2)
    _jsonl(shard / "b.jsonl", 1)
    (shard / "_SUCCESS").write_text("")
    uri = f"file://{shard}"
    tasks, problems = plan([f"{uri}/a.jsonl"])
    assert tasks == [("jsonl", f"{uri}/a.jsonl")] and problems == []
    tasks, _ = plan([uri])  # a directory: every readable file in it, in name order
    assert tasks == [("jsonl", f"{uri}/a.jsonl"), ("jsonl", f"{uri}/b.jsonl")]
    manifest = tmp_path / "list.txt"
    manifest.write_text(f"{uri}/b.jsonl\n# remote shards\n{uri}/missing.jsonl\n")
    tasks, problems = plan([f"file://{manifest}"])
    assert tasks == [("jsonl", f"{uri}/b.jsonl")]
    assert [p for p, _ in problems] == [f"{uri}/missing.jsonl"]
    results = list(read_task("jsonl", f"{uri}/a.jsonl", NOW))
    assert [r[0] for r in results] == ["ok", "ok"]
    assert [r[1].article.url for r in results] == ["https://example.org/0", "https://example.org/1"]
    assert results[0][1].article.text.startswith("Port strike ends (0)\n\nDock workers")


def test_uri_without_fsspec_is_one_clear_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "fsspec", None)  # as if not installed
    with pytest.raises(TracerError, match=r"s3://bucket/a.jsonl: reading URIs needs fsspec"):
        plan(["s3://bucket/a.jsonl"])
    # on an executor the same problem is a failure row for that file, not a crashed job
    assert list(read_task("jsonl", "s3://bucket/a.jsonl", NOW)) == [
        ("fail", "s3://bucket/a.jsonl",
         "s3://bucket/a.jsonl: reading URIs needs fsspec; run `.venv/bin/pip install -e "
         "'.[spark]'` (s3:// also needs s3fs, gs:// gcsfs)")]


def test_unknown_scheme_names_the_uri(tmp_path):
    pytest.importorskip("fsspec")
    with pytest.raises(TracerError, match=r"nosuch://x/a.jsonl: cannot read this URI"):
        plan(["nosuch://x/a.jsonl"])
