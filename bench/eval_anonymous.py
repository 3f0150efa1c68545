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

import logging
import sys
from pathlib import Path

from bench import handread
from bench.handread import bench_pages, by_verdict, check_floors
from tracer import pipeline

LABELS = Path(__file__).with_name("labels") / "anonymous-flags.tsv"
FLOORS = Path(__file__).with_name("floors_anonymous.json")


def flags(data: Path) -> list[tuple[str, int, str, str]]:
    """(page, evidence offset, evidence words, context) of every anonymous-source flag on
    the bench HTML pages."""
    out = []
    for rel, article in bench_pages(data):
        name = str(rel)  # the Readability pages are all called source.html.gz, each in its own folder
        for flag in pipeline.analyse(article).flags:
            if flag.kind != "anonymous-source" or flag.evidence is None:
                continue
            ev = flag.evidence
            context = article.text[max(0, ev.start - 120):ev.end + 120].replace("\n", " ").replace("\t", " ")
            out.append((name, ev.start, ev.text, context))
    return out


def read_labels(path: Path = LABELS) -> dict[tuple[str, int, str], str]:
    return handread.read_labels(path, 3, ints=(1,)) if path.exists() else {}


def main(argv=None) -> int:
    args = handread.arguments(__doc__, argv)
    if not handread.data_present("eval_anonymous", args.data, "article-extraction-benchmark", "bench pages"):
        return 0
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    raised = flags(Path(args.data))
    labels = read_labels()
    right, wrong, unread = by_verdict(raised, labels, 3)
    read = len(right) + len(wrong)
    precision = handread.precision(right, wrong)
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
