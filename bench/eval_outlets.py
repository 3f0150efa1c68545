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

LABELS = Path(__file__).with_name("labels") / "state-affiliated-flags.tsv"
FLOORS = Path(__file__).with_name("floors_outlets.json")


def documents(data: Path):
    """(name, Article) for every PolNeAR text and every bench HTML page."""
    for path in sorted((data / "polnear").glob("*/text/*.txt")):
        yield path.stem, extract(path.read_text(encoding="utf-8"), input=path.name, kind="text")
    for sub in DATASETS:
        for gz in sorted((data / sub).rglob("*.gz")):
            if "expected" in gz.name:
                continue
            try:
                yield f"{sub.split('/')[0]}/{gz.name}", extract(gzip.decompress(gz.read_bytes()),
                                                                input=gz.name, kind="html")
            except TracerError:
                continue


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
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc, outlet, verdict = line.split("\t")[:3]
            labels[(doc, outlet)] = verdict
    return labels


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--list", action="store_true", help="print every flag raised, with its context")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "polnear").is_dir():
        print(f"eval_outlets: no PolNeAR texts under {args.data} (../shared/data exists only on the "
              "team's machine); nothing scored")
        return 0
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    raised = flags(data)
    labels = read_labels()
    right, wrong, unread = by_verdict(raised, labels, 2)
    known_wrong = sum(1 for v in labels.values() if v == "wrong")
    read = len(right) + len(wrong)
    precision = len(right) / read if read else 1.0
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
