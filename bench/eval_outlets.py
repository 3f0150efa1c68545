"""`make eval`: how often a `state-affiliated-source` flag names the right outlet.

    python -m bench.eval_outlets --data ../shared/data [--list]

The flag says a hop of the citation chain is a state-controlled or captured outlet (State
Media Monitor typology). A wrong one accuses an outlet that is not there, so each flag the
tool raises on real text is checked against ``bench/labels/state-affiliated-flags.tsv``:
every such flag raised on the 928 PolNeAR texts and the 257 HTML pages of the extraction
benchmarks, by this code or by the code before the fixes of 2026-11-28, read by hand in its
context and marked right or wrong. Prints precision over the flags raised, the known-wrong
flags still raised, and any flag nobody has read yet (``--list`` prints them all with their
context, to label). Floors in ``bench/floors_outlets.json``. Reads ../shared/data and says
so when it is absent.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from bench import handread
from bench.handread import bench_pages, by_verdict, check_floors
from tracer import pipeline
from tracer.extract import extract

LABELS = Path(__file__).with_name("labels") / "state-affiliated-flags.tsv"
FLOORS = Path(__file__).with_name("floors_outlets.json")


def documents(data: Path):
    """(name, Article) for every PolNeAR text and every bench HTML page (a page named by its
    path under ``data``: the Readability pages all share one file name)."""
    for path in sorted((data / "polnear").glob("*/text/*.txt")):
        yield path.stem, extract(path.read_text(encoding="utf-8"), input=path.name, kind="text")
    for rel, article in bench_pages(data):
        yield str(rel), article


def flags(data: Path) -> list[tuple[str, str, str]]:
    """(document, outlet, context) of every state-affiliated-source flag raised."""
    out = []
    for name, article in documents(data):
        for flag in pipeline.analyse(article).flags:
            if flag.kind != "state-affiliated-source":
                continue
            outlet = flag.message.split(":", 1)[0]
            ev = flag.evidence
            context = ("(the page's publisher)" if ev is None else
                       article.text[max(0, ev.start - 60):ev.end + 30].replace("\n", " ").replace("\t", " "))
            out.append((name, outlet, context))
    return out


def read_labels(path: Path = LABELS) -> dict[tuple[str, str], str]:
    return handread.read_labels(path, 2)


def main(argv=None) -> int:
    args = handread.arguments(__doc__, argv)
    if not handread.data_present("eval_outlets", args.data, "polnear", "PolNeAR texts"):
        return 0
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    raised = flags(Path(args.data))
    labels = read_labels()
    right, wrong, unread = by_verdict(raised, labels, 2)
    known_wrong = sum(1 for v in labels.values() if v == "wrong")
    precision = handread.precision(right, wrong)
    print(f"== state-affiliated-source flags on 928 PolNeAR texts and the bench HTML pages "
          f"(labels: {LABELS.name}, {len(labels)} flags read by hand)")
    print(f"  raised {len(raised)}: right {len(right)}, wrong {len(wrong)}, not read yet {len(unread)}; "
          f"precision over those read {precision:.3f}")
    print(f"  wrong flags on the list ({known_wrong}) still raised: {len(wrong)}")
    for doc, outlet, context in (raised if args.list else wrong + unread):
        verdict = labels.get((doc, outlet), "UNREAD")
        print(f"  {verdict:6} {doc} | {outlet} | {context}")
    return check_floors({"precision": precision, "unread": -len(unread)}, FLOORS,
                        f"label the unread flags in {LABELS.name}" if unread else "")


if __name__ == "__main__":
    sys.exit(main())
