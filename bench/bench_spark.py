"""Spark path vs single-machine path: articles/s, JVM start-up, and the job at scale.

    PYSPARK_PYTHON=.venv/bin/python .venv/bin/python -m bench.bench_spark --data ../shared/data

(``make bench-spark``). What it measures, on the same machine and cores:

1. **JVM start-up**: creating the SparkSession, then the first Python task (worker start).
2. **Same corpus, both paths** (``--compare``, default 5000 articles as .txt files):
   ``tracer trace DIR --jobs 2`` (the single-machine path, SQLite included) against
   ``tracer.spark.run`` on a manifest of the same files with ``--master`` (default local[2])
   in an already started session, plus ``tracer import`` of its output; the link counts of
   both are printed side by side.
3. **Scale** (``--sizes``, default 20000): the Spark job alone on JSON Lines shards;
   100k is extrapolated linearly from the largest measured size and labelled so (candidate
   pairs per article grow slowly with size in this corpus, so it is a low estimate).
   ``--sizes 10000,100000`` measures it (an hour or more on 2 cores).

The defaults take ~12-15 min on an idle 2-core machine. docs/spark.md's figures came from
``--compare 2000 --sizes 10000,30000`` and ``--compare 10000 --sizes ""``.

The corpus: PolNeAR article texts (``DATA/polnear/train/text``) as bases; every original is a
base with 30% of its words replaced at random (seeded), so originals do not share text; then
planted variants of earlier originals: 8% verbatim copies, 7% truncated (first 60% of the
paragraphs), 5% lightly edited and re-headlined, 5% partial reuse (two paragraphs inside
another original). Without ../shared (or ``--synthetic``) the bases are generated text from
a fixed vocabulary, and the output says so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")
MIX = (("original", 0.75), ("verbatim", 0.08), ("truncated", 0.07), ("edited", 0.05),
       ("partial", 0.05))


# --- corpus ------------------------------------------------------------------------------


def load_bases(data: Path | None, synthetic: bool) -> tuple[list[list[str]], str]:
    """Base articles as paragraph lists (headline first) and a note on where they came from."""
    folder = data / "polnear" / "train" / "text" if data else None
    if not synthetic and folder and folder.is_dir():
        bases = []
        for path in sorted(folder.glob("*.txt")):
            paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
            if len(paras) >= 4:
                bases.append(paras)
        return bases, f"PolNeAR train texts ({len(bases)} bases from {folder})"
    why = "--synthetic given" if synthetic else f"{folder} is absent"
    rng = random.Random(7)
    vocab = ["".join(rng.choice("etaoinshrdlucmfwypvbgk") for _ in range(rng.randint(2, 9)))
             for _ in range(3000)]
    bases = []
    for _ in range(400):
        paras = [" ".join(rng.choice(vocab) for _ in range(8)).capitalize()]
        for _ in range(rng.randint(6, 12)):
            sents = [" ".join(rng.choice(vocab) for _ in range(rng.randint(10, 24))).capitalize()
                     + "." for _ in range(rng.randint(2, 4))]
            paras.append(" ".join(sents))
        bases.append(paras)
    return bases, f"synthetic text ({why}; 400 generated bases)"


def _perturb(text: str, rng: random.Random, vocab: list[str], rate: float) -> str:
    return WORD.sub(lambda m: rng.choice(vocab) if rng.random() < rate else m.group(0), text)


def make_corpus(n: int, bases: list[list[str]], seed: int = 1) -> list[tuple[str, str]]:
    """n (kind, text) articles: originals and planted variants of earlier originals."""
    rng = random.Random(seed)
    vocab = sorted({w for paras in bases[:200] for p in paras for w in WORD.findall(p)})
    originals: list[list[str]] = []
    out = []

    def original() -> list[str]:
        base = rng.choice(bases)
        return [_perturb(p, rng, vocab, 0.3) for p in base]

    kinds, weights = zip(*MIX)
    for _ in range(n):
        kind = rng.choices(kinds, weights)[0] if originals else "original"
        if kind == "original":
            paras = original()
            originals.append(paras)
        else:
            src = rng.choice(originals)
            if kind == "verbatim":
                paras = list(src)
            elif kind == "truncated":
                paras = src[: max(3, int(len(src) * 0.6))]
            elif kind == "edited":
                paras = ([_perturb(src[0], rng, vocab, 0.5)]
                         + [_perturb(p, rng, vocab, 0.02) for p in src[1:]])
            else:
                own = original()
                body = [p for p in src[1:] if len(p.split()) >= 12][:2]
                paras = own[:2] + body + own[2:]
        out.append((kind, "\n\n".join(paras) + "\n"))
    return out


def write_txt(corpus, folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i, (_, text) in enumerate(corpus, 1):
        path = folder / f"{i:07d}.txt"
        path.write_text(text, encoding="utf-8")
        names.append(str(path))
    return names


def write_jsonl(corpus, folder: Path, shards: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"part-{k:04d}.jsonl" for k in range(shards)]
    per = -(-len(corpus) // shards)
    for k, path in enumerate(paths):
        with path.open("w", encoding="utf-8") as out:
            for i in range(k * per, min(len(corpus), (k + 1) * per)):
                out.write(json.dumps({"input": f"syn/{i + 1:07d}", "text": corpus[i][1]}) + "\n")
    return [str(p) for p in paths]


# --- measuring ---------------------------------------------------------------------------


def load_avg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def tree_cpu() -> float:
    """CPU seconds used by this process's descendants (the JVM, its Python workers, and the
    children they reaped), read from /proc: under a loaded machine, wall time lies, CPU
    time does not. It can undercount: a Python worker that ended without being reaped by a
    process still alive is missed (a 30k run read lower per article than a 10k one)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2:].split()
        stats[int(entry)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        f = stats.get(pid)
        if f:
            total += sum(int(x) for x in f[11:15])  # utime, stime, cutime, cstime
        todo.extend(children.get(pid, []))
    return total / tick


def start_spark(master: str):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    t0 = time.perf_counter()
    spark = (SparkSession.builder.master(master).appName("tracer-bench")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", os.environ.get("TRACER_SPARK_DRIVER_MEMORY", "8g"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    jvm = time.perf_counter() - t0
    t1 = time.perf_counter()
    sc = spark.sparkContext
    sc.parallelize(range(2), 2).map(lambda x: x).count()  # Python workers start
    spark.createDataFrame(sc.parallelize([("a", 1), ("a", 2)], 2), "key string, id long") \
        .groupBy("key").count().collect()  # the SQL engine's first query (code generation)
    first_task = time.perf_counter() - t1
    return spark, jvm, first_task


def spark_job(inputs: list[str], out: Path, master: str, partitions: int | None) -> dict:
    from tracer import spark as job

    t, cpu = time.perf_counter(), tree_cpu()
    job.run(inputs, str(out), master=master, partitions=partitions)
    wall = time.perf_counter() - t
    meta = json.loads((out / "_tracer.json").read_text())
    meta["wall_s"] = round(wall, 2)
    meta["cpu_s"] = round(tree_cpu() - cpu, 1)
    return meta


def single_machine(folder: Path, db: Path, jobs: int) -> tuple[float, int, int]:
    env = dict(os.environ, TRACER_JOBS=str(jobs))
    import resource

    t, cpu0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([str(Path(sys.executable).parent / "tracer"), "trace", str(folder),
                           "--db", str(db), "--jobs", str(jobs), "-q"],
                          env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"tracer trace failed ({proc.returncode}): {proc.stderr[-2000:]}")
    with sqlite3.connect(db) as conn:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        links = conn.execute("select count(*) from links").fetchone()[0]
    return wall, cpu, articles, links


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--synthetic", action="store_true", help="generated text, not PolNeAR")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--compare", type=int, default=5000, help="articles for the side by side")
    ap.add_argument("--sizes", default="20000", help="Spark-only sizes, comma-separated")
    ap.add_argument("--shards", type=int, default=32, help="JSON Lines files per scale corpus")
    ap.add_argument("--keep", action="store_true", help="keep the temp directory")
    args = ap.parse_args(argv)
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("bench_spark: PySpark is not installed; run `make bench-spark`", file=sys.stderr)
        return 1
    from tracer.importer import import_parquet
    from tracer.store import Store

    bases, note = load_bases(args.data, args.synthetic)
    cores = os.cpu_count()
    tmp = Path(tempfile.mkdtemp(prefix="tracer-bench-spark-"))
    results: dict = {"corpus": note, "master": args.master, "cores": cores}
    print(f"corpus: {note}; mix {', '.join(f'{k} {w:.0%}' for k, w in MIX)}")
    print(f"machine: {cores} cores, load average at start {load_avg()}")
    try:
        spark, jvm, first = start_spark(args.master)
        results["jvm_startup_s"], results["first_task_s"] = round(jvm, 2), round(first, 2)
        print(f"JVM start-up (SparkSession): {jvm:.1f} s; "
              f"first Python task and SQL query: {first:.1f} s")

        # same corpus, both paths
        n = args.compare
        corpus = make_corpus(n, bases)
        folder = tmp / "txt"
        names = write_txt(corpus, folder)
        manifest = tmp / "manifest.txt"
        manifest.write_text("\n".join(names) + "\n", encoding="utf-8")
        words = sum(len(t.split()) for _, t in corpus) / n
        wall, cpu, stored, links = single_machine(folder, tmp / "single.db", jobs=cores or 2)
        meta = spark_job([str(manifest)], tmp / "out-compare", args.master, args.partitions)
        t = time.perf_counter()
        store = Store(tmp / "imported.db", now="2026-01-01T00:00:00+00:00")
        import_parquet(str(tmp / "out-compare"), store, now="2026-01-01T00:00:00+00:00")
        store.close()
        imp = time.perf_counter() - t
        results["compare"] = {"articles": n, "words_per_article": round(words),
                              "single_s": round(wall, 2), "single_cpu_s": round(cpu, 1),
                              "single_links": links, "spark_cpu_s": meta["cpu_s"],
                              "spark_s": meta["wall_s"], "spark_links": meta["links"],
                              "spark_timings": meta["timings"], "import_s": round(imp, 2),
                              "spark_pairs": meta["pairs"]}
        print(f"\n{n} articles ({words:.0f} words each on average), .txt files:")
        print(f"  single machine  tracer trace --jobs {cores}: {wall:7.1f} s  "
              f"{n / wall:6.1f} articles/s  {cpu:7.1f} CPU s  {links} links ({stored} stored)")
        print(f"  Spark {args.master:10s} job (JVM up):  {meta['wall_s']:7.1f} s  "
              f"{n / meta['wall_s']:6.1f} articles/s  {meta['cpu_s']:7.1f} CPU s  "
              f"{meta['links']} links "
              f"({meta['pairs']} candidate pairs)")
        print(f"  Spark stages: {meta['timings']}")
        print(f"  tracer import of the Spark output: {imp:.1f} s ({n / imp:.0f} articles/s)")
        print(f"  load average now {load_avg()}")
        shutil.rmtree(folder, ignore_errors=True)

        # scale
        results["scale"] = []
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            corpus = make_corpus(size, bases, seed=size)
            shards = write_jsonl(corpus, tmp / f"jsonl-{size}", args.shards)
            del corpus
            meta = spark_job(shards, tmp / f"out-{size}", args.master, args.partitions)
            row = {"articles": size, "wall_s": meta["wall_s"], "cpu_s": meta["cpu_s"],
                   "cpu_ms_per_article": round(meta["cpu_s"] / size * 1000, 1),
                   "pairs": meta["pairs"],
                   "links": meta["links"], "timings": meta["timings"],
                   "ms_per_article": round(meta["wall_s"] / size * 1000, 2),
                   "load_avg": load_avg()}
            results["scale"].append(row)
            print(f"\nSpark {args.master} on {size} articles ({args.shards} JSON Lines shards): "
                  f"{meta['wall_s']:.1f} s, {size / meta['wall_s']:.1f} articles/s, "
                  f"{meta['cpu_s']:.0f} CPU s ({row['cpu_ms_per_article']} CPU ms/article), "
                  f"{meta['pairs']} pairs, {meta['links']} links; stages {meta['timings']}; "
                  f"load average {row['load_avg']}")
            shutil.rmtree(tmp / f"jsonl-{size}", ignore_errors=True)
            shutil.rmtree(tmp / f"out-{size}", ignore_errors=True)
        if results["scale"] and max(r["articles"] for r in results["scale"]) < 100_000:
            big = max(results["scale"], key=lambda r: r["articles"])
            est = big["ms_per_article"] * 100_000 / 1000
            results["extrapolated_100k_s"] = round(est)
            print(f"\n100k articles: EXTRAPOLATED (not measured) from {big['articles']}: "
                  f"~{est / 60:.0f} min on {args.master}")
        spark.stop()
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print("\n" + json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
