"""The bench's own instrument: stage CPU measured inside a real multi-process trace."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT, SEED

FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def test_stage_cpu_counts_every_stage_in_every_process(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("news.html", "nodate.html", "story.txt", "story.md"):
        shutil.copy(FIXTURES / name, pages / name)
    shutil.copy(SEED, pages / SEED.name)
    db = tmp_path / "s.db"
    env = {**os.environ, "TRACER_JOBS": "2"}
    proc = subprocess.run([sys.executable, "-m", "bench.stage_cpu", str(pages), "--db", str(db),
                           "--quiet", "--jobs", "2"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # extraction, analysis and prematching run in the forked workers, commits in the parent:
    # a wrapper lost in either kind of process leaves its count short
    assert result["calls"] == {"extract": 5, "analyse": 5, "prematch": 5, "commit": 5}
    assert all(v > 0 for v in result["seconds"].values())
    assert result["tree_cpu"] > sum(result["seconds"].values())
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 5
