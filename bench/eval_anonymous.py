"""`make eval`: how often an `anonymous-source` flag on a real web page points at a source the
text really leaves unnamed.

    python -m bench.eval_anonymous --data ../shared/data [--list]

PolNeAR's labels score the flag on news text (``bench/eval_attribution.py``); this reads it
where users meet it: every `anonymous-source` flag on the 257 HTML pages of the extraction
benchmarks, each read by hand in its context (``bench/labels/anonymous-flags.tsv``). A flag
is right when the source its evidence shows made a claim and the page never says who they
are ("two people familiar with the matter", "an agency spokesman"); wrong when the page names
them, or the words are no source at all. A flag is keyed by page, the offset of its evidence
and the evidence's words: when a fix moves it, it counts as unread until read again. Prints
precision over the flags read and lists the unread and the wrong. Floors in
``bench/floors_anonymous.json``. Reads ../shared/data and says so when it is absent.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import sys
from pathlib import Path

from bench.bench_extraction import DATASETS
from bench.handread import by_verdict, check_floors
from tracer import pipeline
from tracer.errors import TracerError
from tracer.extract import extract

LABELS = Path(__file__).with_name("labels") / "anonymous-flags.tsv"
FLOORS = Path(__file__).with_name("floors_anonymous.json")


def pages(data: Path):
    """(name, Article) for every bench HTML page, named by its path under ``data`` (the
    Readability pages are all called source.html.gz, each in its own folder)."""
    for sub in DATASETS:
        for gz in sorted((data / sub).rglob("*.gz")):
            if "expected" in gz.name:
                continue
            try:
                yield str(gz.relative_to(data)), extract(gzip.decompress(gz.read_bytes()), input=gz.name, kind="html")
            except TracerError:
                continue


def flags(data: Path) -> list[tuple[str, int, str, str]]:
    """(page, evidence offset, evidence words, context) of every anonymous-source flag on
    the bench HTML pages."""
    out = []
    for name, article in pages(data):
        for flag in pipeline.analyse(article).flags:
            if flag.kind != "anonymous-source" or flag.evidence is None:
                continue
            ev = flag.evidence
            context = article.text[max(0, ev.start - 120):ev.end + 120].replace("\n", " ").replace("\t", " ")
            out.append((name, ev.start, ev.text, context))
    return out


def read_labels(path: Path = LABELS) -> dict[tuple[str, int, str], str]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, start, words, verdict = line.split("\t")[:4]
            labels[(page, int(start), words)] = verdict
    return labels


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--list", action="store_true", help="print every flag raised, with its context")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "article-extraction-benchmark").is_dir():
        print(f"eval_anonymous: no bench pages under {args.data} (../shared/data exists only on the "
              "team's machine); nothing scored")
        return 0
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    raised = flags(data)
    labels = read_labels() if LABELS.exists() else {}
    right, wrong, unread = by_verdict(raised, labels, 3)
    read = len(right) + len(wrong)
    precision = len(right) / read if read else 1.0
    print(f"== anonymous-source flags on the 257 bench HTML pages (labels: {LABELS.name}, "
          f"{len(labels)} flags read by hand)")
    print(f"  raised {len(raised)}; read {read}: right {len(right)}, wrong {len(wrong)}; "
          f"precision {precision:.3f}; not read yet {len(unread)}")
    for page, start, words, context in (raised if args.list else wrong + unread):
        verdict = labels.get((page, start, words), "UNREAD")
        print(f"  {verdict:6} {page}\t{start}\t{words}\t{context}")
    figures = {"precision": precision, "unread": -len(unread)}
    return check_floors(figures, FLOORS, f"label the unread flags in {LABELS.name}")


if __name__ == "__main__":
    sys.exit(main())
