"""`make bench` (issue #2): pages/s of `tracer trace` on the shared HTML pages next to
`trafilatura.extract` alone, single process, on the same pages in the same run.

Target: tracer >= 1.5x the single-process trafilatura rate (both cores), with everything
besides extraction under 25% of the time. Reads ../shared/data (says so when absent).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATASETS = ("article-extraction-benchmark/html", "trafilatura-eval-en/html",
            "readability-testpages-news")


def collect_pages(data: Path, out: Path) -> list[Path]:
    """Decompress every shared HTML page into ``out`` (one .html file each)."""
    pages = []
    for sub in DATASETS:
        for gz in sorted((data / sub).rglob("*.gz")):
            if "expected" in gz.name:
                continue
            name = f"{len(pages):04d}.html"
            target = out / name
            target.write_bytes(gzip.decompress(gz.read_bytes()))
            pages.append(target)
    return pages


def own_xpaths(own: bool = True) -> None:
    """trafilatura with its own XPath expressions (the baseline), or with tracer's stand-ins
    (``tracer/xpaths.py``, which importing ``tracer.extract`` installs in this process)."""
    from trafilatura import xpaths as trafilatura_xpaths

    from tracer import xpaths

    (xpaths.uninstall if own else xpaths.install)(trafilatura_xpaths)


def time_trafilatura(pages: list[Path], own: bool = True) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of trafilatura.extract over the pages, in this process;
    ``own=False`` with tracer's XPath stand-ins in place of trafilatura's expressions."""
    import trafilatura

    own_xpaths(own)
    trafilatura.extract(pages[0].read_bytes())  # warm-up: imports and caches
    start, cpu = time.perf_counter(), time.process_time()
    for page in pages:
        trafilatura.extract(page.read_bytes(), deduplicate=False)
    return time.perf_counter() - start, time.process_time() - cpu


def time_trafilatura_forked(pages: list[Path], processes: int) -> float:
    """Wall seconds of trafilatura.extract over the pages split across ``processes`` forked
    copies of this (warm) process: what this machine's cores give a per-page cost equal
    to trafilatura's, start-up free. The reference for how far two cores can go here."""
    import trafilatura

    own_xpaths()
    trafilatura.extract(pages[0].read_bytes())
    start = time.perf_counter()
    pids = []
    for k in range(processes):
        pid = os.fork()
        if pid == 0:  # child: its share of the pages, then out without cleanup
            try:
                for page in pages[k::processes]:
                    trafilatura.extract(page.read_bytes(), deduplicate=False)
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    return time.perf_counter() - start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_stages(pages: list[Path], db: Path) -> dict[str, float]:
    """Single-process breakdown of tracer's own work per stage, done as the timed runs do it
    (``tracer trace --quiet``: a file store, commits grouped, no report built, the garbage
    collector tuned for a batch)."""
    from tracer import pipeline
    from tracer.extract import extract
    from tracer.settings import Settings
    from tracer.store import Store

    settings = Settings()
    store = Store(db, now="bench")
    stages = {"extract": 0.0, "analyse": 0.0, "store+match": 0.0}
    # the garbage collector tuned as tracer trace tunes it for a batch
    with pipeline._batch_gc(), store.group(settings.commit_every, settings.commit_seconds) as tick:
        for page in pages:
            data = page.read_bytes()
            t0 = time.perf_counter()
            try:
                article = extract(data, input=str(page), kind="html")
            except Exception:
                stages["extract"] += time.perf_counter() - t0
                continue
            t1 = time.perf_counter()
            analysis = pipeline.analyse(article)
            t2 = time.perf_counter()
            pipeline.commit(store, analysis, now="bench", report=False)
            tick()
            t3 = time.perf_counter()
            stages["extract"] += t1 - t0
            stages["analyse"] += t2 - t1
            stages["store+match"] += t3 - t2
    return stages


def _trace_args(pages_dir: Path, db: Path, jobs: int | None) -> list[str]:
    """``tracer trace`` arguments of a timed run: every page, a fresh store, no report."""
    return [str(pages_dir), "--db", str(db), "--quiet"] + (["--jobs", str(jobs)] if jobs else [])


def time_stage_cpu(pages_dir: Path, jobs: int | None, run: int = 0) -> dict:
    """CPU seconds of each stage in a real ``tracer trace`` run with ``jobs`` workers,
    summed over every process (``bench/stage_cpu.py``), and of the whole process tree."""
    db = pages_dir.parent / f"stage-cpu-{jobs}-{run}.db"  # a fresh store: all new articles
    cmd = [sys.executable, "-m", "bench.stage_cpu", *_trace_args(pages_dir, db, jobs)]
    proc = subprocess.run(cmd, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SystemExit(f"bench_extraction: bench.stage_cpu failed: {proc.stderr.strip()[-500:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    with sqlite3.connect(db) as conn:  # every page new to this store, so all stages ran
        result["stored"] = conn.execute("select count(*) from articles").fetchone()[0]
    return result


def time_tracer_cli(pages_dir: Path, jobs: int | None, run: int = 0) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the whole process tree, summary line) of one CLI run."""
    db = pages_dir.parent / f"bench-{jobs}-{run}.db"  # a fresh store each run: all new articles
    cmd = [sys.executable, "-m", "tracer", "trace", *_trace_args(pages_dir, db, jobs)]
    env = {**os.environ, "TRACER_JOBS": str(jobs or 0)}
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    return (elapsed, _children_cpu() - cpu,
            proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"bench_extraction: {data} is absent; nothing to measure (it exists only on the "
              "development machines)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        pages_dir = Path(tmp) / "pages"
        pages_dir.mkdir()
        pages = collect_pages(data, pages_dir)
        n = len(pages)
        stages = time_stages(pages, Path(tmp) / "stages.db")
        single, _, _ = time_tracer_cli(pages_dir, 1)
        # The VM's speed drifts run to run: interleave baseline and tracer, take medians.
        bases, boths, base_cpus, both_cpus, forked, stood, staged = [], [], [], [], [], [], []
        cores = os.cpu_count() or 1
        for run in range(args.rounds):
            # Odd rounds run tracer first: a machine speeding up or slowing down through a
            # round then favours each side as often as the other.
            if run % 2:
                both, tracer_cpu, summary = time_tracer_cli(pages_dir, 0, run)
            wall, cpu = time_trafilatura(pages)
            bases.append(wall)
            base_cpus.append(cpu)
            stood.append(time_trafilatura(pages, own=False)[0])
            if hasattr(os, "fork") and cores > 1:
                forked.append(time_trafilatura_forked(pages, cores))
            if not run % 2:
                both, tracer_cpu, summary = time_tracer_cli(pages_dir, 0, run)
            boths.append(both)
            both_cpus.append(tracer_cpu)
            staged.append(time_stage_cpu(pages_dir, cores, run))
    base, both = statistics.median(bases), statistics.median(boths)
    base_cpu, both_cpu = statistics.median(base_cpus), statistics.median(both_cpus)
    # Each round times the baseline and tracer back to back, so the per-round ratio is
    # the figure least moved by the VM's drift between rounds.
    ratios = [b / t for b, t in zip(bases, boths)]
    total = sum(stages.values())
    print(f"extraction speed on {n} shared HTML pages ({os.cpu_count()} cores; medians of "
          f"{args.rounds} interleaved rounds)")
    print(f"  baseline trafilatura.extract, 1 process : {n / base:7.1f} pages/s  ({base:.2f} s)"
          f"  rounds {', '.join(f'{n / b:.1f}' for b in bases)}")
    print(f"  tracer trace --jobs 1 (CLI, incl. start) : {n / single:7.1f} pages/s  ({single:.2f} s)"
          f"  ratio {base / single:.2f}x")
    print(f"  tracer trace, one job per core (CLI)     : {n / both:7.1f} pages/s  ({both:.2f} s)"
          f"  ratio of medians {base / both:.2f}x"
          f"  rounds {', '.join(f'{n / b:.1f}' for b in boths)}")
    print(f"  per-round ratios {', '.join(f'{r:.2f}' for r in ratios)}; "
          f"median {statistics.median(ratios):.2f}x  (target >= 1.50x)")
    # How much of tracer's lead is its stand-ins for trafilatura's regex XPaths: the same
    # baseline with them in place (identical text; tracer/xpaths.py).
    print(f"  reference: trafilatura.extract with tracer's XPath stand-ins, 1 process: "
          f"{n / statistics.median(stood):.1f} pages/s, {statistics.median(b / x for b, x in zip(bases, stood)):.2f}x "
          f"trafilatura's own (median of rounds); tracer / this: "
          f"{statistics.median(x / t for x, t in zip(stood, boths)):.2f}x")
    if forked:
        # The same baseline run on every core at once: the machine's own two-core scaling
        # (shared caches, a busy host), which bounds any two-process tool of equal cost.
        scaling = [b / f for b, f in zip(bases, forked)]
        print(f"  reference: trafilatura.extract in {cores} forked processes: "
              f"{n / statistics.median(forked):.1f} pages/s, scaling "
              f"{', '.join(f'{x:.2f}' for x in scaling)}; median "
              f"{statistics.median(scaling):.2f}x over 1 process; tracer / this: "
              f"{', '.join(f'{f / t:.2f}' for f, t in zip(forked, boths))}")
    # CPU seconds move less than wall time when other machines share the cores; they bound
    # what the cores can give: n cores at best run n / (tracer CPU / trafilatura CPU) x.
    print(f"  CPU per page: trafilatura {1000 * base_cpu / n:.1f} ms, tracer {1000 * both_cpu / n:.1f} ms "
          f"(all processes, start-up included); {cores} uncontended cores would give at most "
          f"{cores * base_cpu / both_cpu:.2f}x")
    print("  tracer stage shares, 1 process, as --quiet: " + ", ".join(
        f"{k} {v / total:.1%}" for k, v in stages.items())
          + "  (target: all but extract < 25%)")
    # The same shares measured in the timed configuration itself: every stage's CPU in
    # every process of a real run (workers extract, analyse and prematch; the store's
    # process commits), which is what the target is about.
    names = list(staged[0]["seconds"])
    cpu = {k: statistics.median(r["seconds"][k] for r in staged) for k in names}
    tree = statistics.median(r["tree_cpu"] for r in staged)
    besides = 1 - cpu["extract"] / sum(cpu.values())
    per_run = [1 - r["seconds"]["extract"] / sum(r["seconds"].values()) for r in staged]
    print(f"  tracer stage CPU in the timed run, {cores} workers + the store's process (ms a "
          f"page, medians of {len(staged)} runs): "
          + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in cpu.items())
          + f"; all but extract {besides:.1%} of the stages (runs "
          + ", ".join(f"{x:.1%}" for x in per_run) + "; target < 25%); start-up, reading "
          f"and hand-over between processes {1000 * (tree - sum(cpu.values())) / n:.1f} more; "
          f"articles stored per run {', '.join(str(r['stored']) for r in staged)}")
    print(f"  last run: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
