"""Extraction accuracy on ../shared/data: tracer next to trafilatura alone, in the same run.

    python -m bench.eval_extraction --data ../shared/data

Datasets and their scoring (see each dataset's SOURCE.md):
- article-extraction-benchmark (Zyte): ``\\w+`` tokens, 4-gram shingles with multiplicity,
  per-item normalised P/R, F1 from the mean P and R.
- trafilatura-eval-en: ``with``/``without`` snippets (TP/FN/FP summed over pages), plus title,
  author and date accuracy of tracer's metadata on the pages that have it.
- readability-testpages-news: 4-gram shingle P/R/F1 against expected.html stripped; title
  match; author against Readability.js's byline (its own output, leading "By " dropped).
trafilatura alone is scored on the metadata ``trafilatura.extract_metadata`` reads.

tracer is scored on its body text (the title block removed) to be comparable with trafilatura,
which returns the body only. "cpu p/s" is pages per CPU second including gunzip and scoring,
for orientation (bench/ measures speed properly). Exit status 1 when tracer falls below a floor in bench/floors.json.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from trafilatura import xpaths as trafilatura_xpaths

from tracer import xpaths
from tracer.errors import ExtractionError
from tracer.extract import extract

FLOORS = Path(__file__).with_name("floors.json")
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)  # Readability keeps "By " in some bylines

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


# --- systems: html bytes -> (body text, metadata or None) ------------------------------------


def tracer_system(data: bytes, name: str) -> tuple[str, dict | None]:
    try:
        article = extract(data, input=name, kind="html")
    except ExtractionError:
        return "", None
    body = "\n\n".join(p.text for p in article.paragraphs[1:])  # without the title block
    return body, {"title": article.title, "author": article.author, "date": article.published}


def trafilatura_default(data: bytes, name: str) -> tuple[str, dict | None]:
    """The text, and the metadata ``extract_metadata`` reads (the baseline for tracer's)."""
    meta = trafilatura.extract_metadata(data)
    found = {"title": meta.title, "author": meta.author, "date": meta.date} if meta else {
        "title": None, "author": None, "date": None}
    return trafilatura.extract(data) or "", found


def trafilatura_precision(data: bytes, name: str) -> tuple[str, dict | None]:
    return trafilatura.extract(data, favor_precision=True) or "", None


SYSTEMS: dict[str, Callable[[bytes, str], tuple[str, dict | None]]] = {
    "tracer": tracer_system,
    "trafilatura": trafilatura_default,
    "traf-precision": trafilatura_precision,
}
# The baselines run trafilatura as published, with its own XPath expressions, not the
# stand-ins importing tracer.extract installs (the same text, in less time).
AS_PUBLISHED = {"trafilatura", "traf-precision"}


# --- scoring ------------------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_pr(gold: str, pred: str) -> tuple[float, float]:
    """Per-item precision and recall as the Zyte benchmark's evaluate.py computes them."""
    true, found = shingles(gold), shingles(pred)
    tp = sum((true & found).values())
    fp, fn = sum(found.values()) - tp, sum(true.values()) - tp
    if tp + fp + fn == 0:
        return 1.0, 1.0  # both empty: nothing to find, nothing wrongly found
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def mean_prf(pairs: list[tuple[float, float]]) -> dict:
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def squash(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


# Curly and straight quotes are one headline ("‘Star Wars’ Original Cuts ..." on the page,
# "'Star Wars' Original Cuts ..." in the page's metadata).
_QUOTES = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", "''''\"\"\"\"")


def fold(text: str | None) -> str:
    return squash(text).translate(_QUOTES).casefold()


def authors(value: str | list | None) -> set[str]:
    if isinstance(value, list):  # some gold records list the names
        value = ";".join(value)
    # names compared as word sequences: "Joe S." and "Joe S" are the same byline
    names = (" ".join(_WORD.findall(fold(a))) for a in re.split(r";|,|\band\b", value or ""))
    return {name for name in names if name}


# --- datasets -----------------------------------------------------------------------------


def zyte(root: Path, system) -> dict:
    base = root / "article-extraction-benchmark"
    gold = json.loads((base / "ground-truth.shared.json").read_text(encoding="utf-8"))
    pairs, empty = [], 0
    for item, record in sorted(gold.items()):
        body, _ = system(gzip.decompress((base / "html" / f"{item}.html.gz").read_bytes()), item)
        pairs.append(shingle_pr(record["articleBody"], body))
        empty += not body
    return {**mean_prf(pairs), "n": len(pairs), "empty": empty}


def trafilatura_en(root: Path, system) -> dict:
    base = root / "trafilatura-eval-en"
    gold = json.loads((base / "evaldata.shared.json").read_text(encoding="utf-8"))
    tp = fn = fp = tn = empty = 0
    meta = Counter()
    for key, record in sorted(gold.items()):
        body, found = system(gzip.decompress((base / "html" / f"{record['file']}.gz").read_bytes()), key)
        body = squash(body)
        empty += not body
        hits = [squash(s) in body for s in record.get("with", [])]
        leaks = [squash(s) in body for s in record.get("without", [])]
        tp, fn = tp + sum(hits), fn + len(hits) - sum(hits)
        fp, tn = fp + sum(leaks), tn + len(leaks) - sum(leaks)
        if found is not None and "title" in record:
            meta["pages"] += 1
            meta["title"] += fold(found["title"]) == fold(record["title"])
            meta["author"] += authors(found["author"]) == authors(record.get("author"))
            meta["date"] += (found["date"] or "")[:10] == (record.get("date") or "")[:10]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    out = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
           "accuracy": (tp + tn) / max(tp + fn + fp + tn, 1), "n": len(gold), "empty": empty}
    if meta["pages"]:
        out.update({f: meta[f] / meta["pages"] for f in ("title", "author", "date")}, meta_pages=meta["pages"])
    return out


def readability(root: Path, system) -> dict:
    base = root / "readability-testpages-news"
    pairs, titles, n_titles, empty = [], 0, 0, 0
    bylines = n_bylines = 0
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8", "replace")
        gold_text = html.unescape(_TAG.sub(" ", expected))
        body, found = system(gzip.decompress((folder / "source.html.gz").read_bytes()), folder.name)
        pairs.append(shingle_pr(gold_text, body))
        empty += not body
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        if found is not None and meta.get("title"):
            n_titles += 1
            titles += fold(found["title"]) == fold(meta["title"])
        if found is not None:  # every page: a null byline expects none
            n_bylines += 1
            bylines += authors(found["author"]) == authors(_BY.sub("", meta.get("byline") or ""))
    out = {**mean_prf(pairs), "n": len(pairs), "empty": empty}
    if n_titles:
        out["title"] = titles / n_titles
    if n_bylines:
        out["author"] = bylines / n_bylines
    return out


DATASETS = {
    "article-extraction-benchmark": zyte,
    "trafilatura-eval-en": trafilatura_en,
    "readability-testpages-news": readability,
}


# --- report -------------------------------------------------------------------------------


def run(root: Path, systems=SYSTEMS) -> dict:
    results: dict = {}
    for dataset, score in DATASETS.items():
        if not (root / dataset).is_dir():
            print(f"skipping {dataset}: not found under {root}", file=sys.stderr)
            continue
        for name, system in systems.items():
            (xpaths.uninstall if name in AS_PUBLISHED else xpaths.install)(trafilatura_xpaths)
            started = time.process_time()  # CPU time: steadier than wall time on a shared machine
            result = score(root, system)
            result["pages_per_s"] = result["n"] / max(time.process_time() - started, 1e-9)
            results.setdefault(dataset, {})[name] = result
    return results


def table(results: dict) -> str:
    lines = [f"{'dataset':<30} {'system':<15} {'P':>6} {'R':>6} {'F1':>6} {'empty':>5} {'cpu p/s':>8}  extra"]
    for dataset, by_system in results.items():
        for name, r in by_system.items():
            extra = "  ".join(
                f"{k}={r[k]:.3f}" for k in ("accuracy", "title", "author", "date") if k in r
            )
            lines.append(
                f"{dataset:<30} {name:<15} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} "
                f"{r['empty']:5d} {r['pages_per_s']:8.1f}  {extra}"
            )
    deltas = [
        f"{dataset} {by_system['tracer']['f1'] - by_system['trafilatura']['f1']:+.3f}"
        for dataset, by_system in results.items()
        if "tracer" in by_system and "trafilatura" in by_system
    ]
    if deltas:  # the target: never below trafilatura alone on the same pages
        lines.append("tracer F1 minus trafilatura alone: " + ", ".join(deltas))
    return "\n".join(lines)


def below_floors(results: dict, floors: dict) -> list[str]:
    """One line per tracer figure under its pinned floor."""
    failures = []
    for dataset, metrics in floors.items():
        measured = results.get(dataset, {}).get("tracer")
        if measured is None:
            continue
        for metric, floor in metrics.items():
            if measured.get(metric, 0.0) < floor:
                failures.append(f"{dataset} {metric}: {measured.get(metric, 0.0):.3f} < floor {floor:.3f}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.eval_extraction", description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="../shared/data", help="folder holding the shared datasets")
    parser.add_argument("--floors", default=str(FLOORS), help="JSON floors (key 'extraction')")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    root = Path(args.data)
    if not root.is_dir():
        print(f"eval_extraction: {root} not found; nothing to evaluate (get the shared data to run it)")
        return 0
    results = run(root)
    print(table(results))
    if args.json:
        print(json.dumps(results, indent=2))
    floors = json.loads(Path(args.floors).read_text(encoding="utf-8")).get("extraction", {})
    failures = below_floors(results, floors)
    for line in failures:
        print(f"BELOW FLOOR: {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
