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

Real text holds few outlet acronyms that other bodies share ("The AKP said" is Turkey's
ruling party, not Cambodia's agency), so ``bench/labels/acronym-sentences.tsv`` holds
sentences written for the purpose, each with the outlet it means or "-": the flag's
precision, recall and F1 on them are printed too (a tuned set: the rules came from it).
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
SENTENCES = Path(__file__).with_name("labels") / "acronym-sentences.tsv"
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


def score_sentences(path: Path = SENTENCES) -> tuple[int, int, int, list[str]]:
    """(right flags, wrong flags, missed outlets, the sentences gone wrong) on the written
    sentences: a flag is right when its outlet is the one the sentence means."""
    right = wrong = missed = 0
    bad = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        meant, sentence = line.split("\t", 1)
        article = extract(f"Story of the day\n\n{sentence}\n", input="sentence.txt", kind="text")
        named = [f.message.split(":", 1)[0] for f in pipeline.analyse(article).flags
                 if f.kind == "state-affiliated-source"]
        hit = meant != "-" and any(n.startswith(tuple(meant.split("|"))) for n in named)
        right += hit
        wrong += len(named) - hit
        missed += meant != "-" and not hit
        if len(named) != hit or (meant != "-" and not hit):
            bad.append(f"{meant} | {sentence} | flagged: {', '.join(named) or 'none'}")
    return right, wrong, missed, bad


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
    hits, misfires, missed, bad = score_sentences()
    p = hits / (hits + misfires) if hits + misfires else 0.0
    r = hits / (hits + missed) if hits + missed else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"== the same flag on written sentences with outlet acronyms others share ({SENTENCES.name}; "
          f"tuned on)")
    print(f"  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (right {hits}, wrong {misfires}, missed {missed})")
    for line in bad:
        print(f"  {line}")
    return check_floors({"precision": precision, "unread": -len(unread)}, FLOORS,
                        f"label the unread flags in {LABELS.name}" if unread else "")


if __name__ == "__main__":
    sys.exit(main())
