"""Speed of ``attribution.extract`` on one core: articles and attributions per second.

    python -m bench.bench_attribution --data ../shared/data [--split both|dev|train]
                                      [--repeat N] [--profile]

Runs over the PolNeAR texts (shared data, never shipped); when they are absent it says so
and times a synthetic article instead. The machine is shared with other processes, so CPU
seconds (``time.process_time``) are the figure to compare; wall seconds are printed too.
Each text is read once before timing; the outlet registry is loaded once (as a trace does).
The memoised paragraph/sentence splits are cleared before every pass, so each pass pays for
them as a first reading of a new article would.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from tracer import attribution, normalize, outlets

TARGET = 300  # articles per second on one core (issue: attribution and citation chains)

SYNTHETIC = """Talks resume in Seoul

SEOUL (Yonhap) -- Seoul and Washington have advanced their talks on defence costs, a senior US
official said on Thursday, as quoted by the Yonhap news agency.

"We are closer than we were a month ago," the official told reporters. "There is more to do."

According to media reports, the next round will take place in Washington. Maria Lopez, a
spokeswoman for the ministry, said the government hoped for a deal before March.

Analysts say the agreement matters to both sides. The ministry declined to comment further.
"""


def texts(data: Path, split: str) -> tuple[list[str], str]:
    root = data / "polnear"
    splits = ["dev", "train"] if split == "both" else [split]
    found = [p.read_text(encoding="utf-8") for s in splits for p in sorted((root / s / "text").glob("*.txt"))]
    if found:
        return found, f"PolNeAR {'+'.join(splits)}"
    print(f"{root} not found: PolNeAR is shared data outside the repo; timing a synthetic article "
          "(100 copies of about 800 words) instead.")
    head, _, body = SYNTHETIC.partition("\n\n")
    paras = body.split("\n\n")
    # about 800 words, like a PolNeAR article: the body's paragraphs eight times over
    body = "\n\n".join(p.replace("March", f"March {k + 1}") for k in range(8) for p in paras)
    return [f"{head} {i}\n\n{body}" for i in range(100)], "synthetic"


def run(items: list[str], registry) -> tuple[int, float, float]:
    normalize.paragraphs.cache_clear()
    normalize.sentences.cache_clear()
    count = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for text in items:
        count += len(attribution.extract(text, registry))
    return count, time.process_time() - cpu, time.perf_counter() - wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="attribution.extract speed on one core.")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--split", default="both", choices=["dev", "train", "both"])
    ap.add_argument("--repeat", type=int, default=3, help="passes; the fastest (least CPU) is reported")
    ap.add_argument("--profile", action="store_true", help="print the top functions of one pass (cProfile)")
    args = ap.parse_args(argv)
    items, label = texts(Path(args.data), args.split)
    registry = outlets.load()
    words = sum(len(t.split()) for t in items)
    best = None
    for _ in range(max(args.repeat, 1)):
        result = run(items, registry)
        if best is None or result[1] < best[1]:
            best = result
    count, cpu, wall = best
    n = len(items)
    print(f"{label}: {n} articles, {words / n:.0f} words/article on average, {count} attributions")
    print(f"  CPU  {cpu:.3f} s: {n / cpu:8.1f} articles/s, {count / cpu:9.1f} attributions/s, "
          f"{1000 * cpu / n:.2f} ms/article")
    print(f"  wall {wall:.3f} s: {n / wall:8.1f} articles/s, {count / wall:9.1f} attributions/s")
    print(f"  target {TARGET} articles/s (CPU): {'met' if n / cpu >= TARGET else 'NOT met'}")
    if args.profile:
        normalize.paragraphs.cache_clear()
        normalize.sentences.cache_clear()
        prof = cProfile.Profile()
        prof.enable()
        for text in items:
            attribution.extract(text, registry)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
