"""`make eval`: the English check that gates the attribution rules, scored against py3langid.

    python -m bench.eval_language --data ../shared/data

Texts: the gold article bodies of the Zyte article-extraction benchmark (119 pages, several
languages) and every PolNeAR text (English news). Reference: py3langid, the language
identifier trafilatura uses (installed with the test extra), "en" or not. Prints precision,
recall and F1 of "not English", the PolNeAR texts wrongly called not English, and the time
per text of both. Reads ../shared/data (says so when absent).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from tracer import language


def texts(data: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    truth = data / "article-extraction-benchmark" / "ground-truth.shared.json"
    if truth.exists():
        bodies = json.loads(truth.read_text(encoding="utf-8"))
        out["article-extraction-benchmark"] = [v["articleBody"] for v in bodies.values() if v.get("articleBody")]
    polnear = sorted((data / "polnear").glob("*/text/*.txt"))
    if polnear:
        out["polnear"] = [p.read_text(encoding="utf-8") for p in polnear]
    return out


def timed(fn, items) -> tuple[list, float]:
    start = time.perf_counter()
    results = [fn(x) for x in items]
    return results, (time.perf_counter() - start) / max(1, len(items)) * 1000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data")
    args = parser.parse_args(argv)
    sets = texts(Path(args.data))
    if not sets:
        print(f"eval_language: no data under {args.data} (../shared/data exists only on the team's "
              "machine); nothing scored")
        return 0
    try:
        import py3langid
    except ImportError:
        print("eval_language: py3langid is not installed (make installs the test extra); nothing scored")
        return 0
    py3langid.classify("warm up")
    print("language check (not English: attribution rules skipped), reference py3langid")
    print(f"  {'dataset':30} {'texts':>5} {'ref not-en':>10} {'P':>6} {'R':>6} {'F1':>6}"
          f" {'tracer ms':>9} {'py3langid ms':>12}")
    for name, items in sets.items():
        ours, ours_ms = timed(lambda t: not language.reads_english.__wrapped__(t), items)
        ref, ref_ms = timed(lambda t: py3langid.classify(t)[0] != "en", items)
        tp = sum(o and r for o, r in zip(ours, ref))
        fp = sum(o and not r for o, r in zip(ours, ref))
        fn = sum(r and not o for o, r in zip(ours, ref))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {name:30} {len(items):5d} {sum(ref):10d} {p:6.3f} {r:6.3f} {f1:6.3f}"
              f" {ours_ms:9.3f} {ref_ms:12.3f}")
        if fp or fn:
            print(f"    disagreements: {fp} called not English by tracer only, {fn} by py3langid only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
