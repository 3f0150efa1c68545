"""`make bench` (issue #7): peak RSS while tracing 10k and 100k text articles.

Goal: under 300 MB and not growing with the corpus (inputs are streamed, never held).
The corpus is generated here (synthetic news-like text), so no ../shared data is needed.
Peak RSS is the largest of the tracer process tree (parent + workers), read from
``getrusage(RUSAGE_CHILDREN)`` after the run, via a wrapper process per run.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOCAB = ("government minister said officials reported talks agreement week city council "
         "police court election president market company shares prices oil energy storm "
         "harbour port ships workers union strike school hospital health report data "
         "according statement spokesman told reporters Monday Tuesday Wednesday Thursday "
         "Friday budget tax plan vote parliament opposition leader party campaign").split()

WRAPPER = """
import resource, subprocess, sys, json, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": proc.returncode, "peak_mb": peak_kb / 1024, "seconds": elapsed,
                  "tail": proc.stderr.strip().splitlines()[-1:]}))
"""


def write_corpus(directory: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(n):
        sub = directory / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        paras = []
        for _ in range(rng.randint(4, 9)):
            sentence = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(12, 30)))
            paras.append(f"{sentence.capitalize()} item{i}, the spokesman said.")
        (sub / f"{i:06d}.txt").write_text(f"Story {i}: {rng.choice(VOCAB)} news\n\n"
                                          + "\n\n".join(paras) + "\n", encoding="utf-8")


def measure(corpus: Path, db: Path) -> dict:
    cmd = [sys.executable, "-c", WRAPPER, sys.executable, "-m", "tracer", "trace",
           str(corpus), "--db", str(db), "--quiet"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000",
                        help="corpus sizes, comma-separated (default 10000,100000)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    print("peak RSS while tracing text articles (goal < 300 MB, flat with corpus size)")
    results = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, db = Path(tmp) / "corpus", Path(tmp) / "p.db"
            t0 = time.perf_counter()
            write_corpus(corpus, n)
            made = time.perf_counter() - t0
            r = measure(corpus, db)
            results.append((n, r))
            print(f"  {n:>7} articles: peak RSS {r['peak_mb']:6.1f} MB, {r['seconds']:7.1f} s "
                  f"({n / r['seconds']:6.1f} articles/s; corpus written in {made:.0f} s) "
                  f"exit {r['rc']}  {' '.join(r['tail'])}")
    if len(results) > 1:
        (n0, r0), (n1, r1) = results[0], results[-1]
        print(f"  growth {n0} -> {n1} articles: x{r1['peak_mb'] / r0['peak_mb']:.2f} peak RSS "
              f"for x{n1 / n0:.0f} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
