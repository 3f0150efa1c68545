"""What the evaluations scored against labels read by hand share: their command line and
"no data" line, the label files, the bench pages they read, sorting what the tool raised by
its label, precision, and the floors check that makes `make eval` fail."""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.bench_extraction import DATASETS


def arguments(doc: str, argv, *, listing: bool = True) -> argparse.Namespace:
    """``--data`` (and ``--list``, to print every item raised with its context)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    if listing:
        ap.add_argument("--list", action="store_true", help="print every flag raised, with its context")
    return ap.parse_args(argv)


def data_present(name: str, data: str, needs: str, what: str) -> bool:
    """Whether ``data/needs`` is there; when not, says so in one line (``../shared/data``
    exists only on the team's machine)."""
    if (Path(data) / needs).is_dir():
        return True
    print(f"{name}: no {what} under {data} (../shared/data exists only on the team's machine); nothing scored")
    return False


def read_labels(path: Path, width: int, *, ints: tuple[int, ...] = (),
                keep: Callable[[list[str]], bool] | None = None) -> dict[tuple, str]:
    """Verdicts of a labels file (tab-separated, ``#`` comments): the first ``width`` columns
    (those in ``ints`` read as numbers) -> the next one; rows ``keep`` refuses are left out."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if keep is None or keep(cols):
                key = tuple(int(c) if i in ints else c for i, c in enumerate(cols[:width]))
                labels[key] = cols[width]
    return labels


def bench_pages(data: Path) -> Iterator[tuple[Path, object]]:
    """(path under ``data``, Article) for every bench HTML page, extracted as a fetched page
    would be; pages the extractor refuses are left out."""
    from tracer.errors import TracerError
    from tracer.extract import extract

    for sub in DATASETS:
        for gz in sorted((data / sub).rglob("*.gz")):
            if "expected" in gz.name:
                continue
            try:
                yield gz.relative_to(data), extract(gzip.decompress(gz.read_bytes()), input=gz.name, kind="html")
            except TracerError:
                continue


def precision(right: list, wrong: list) -> float:
    """Right over read (1.0 when nothing is read)."""
    read = len(right) + len(wrong)
    return len(right) / read if read else 1.0


def by_verdict(raised: list[tuple], labels: dict, width: int) -> tuple[list, list, list]:
    """(right, wrong, unread): the raised items whose first ``width`` fields are labelled
    "right", "wrong", or not labelled yet."""
    right = [r for r in raised if labels.get(r[:width]) == "right"]
    wrong = [r for r in raised if labels.get(r[:width]) == "wrong"]
    unread = [r for r in raised if r[:width] not in labels]
    return right, wrong, unread


def check_floors(figures: dict[str, float], path: Path, hint: str = "") -> int:
    """Print whether every floor in ``path`` (JSON, figure -> lowest value) is met; 1 when
    one is not (a missing figure counts as 0), else 0."""
    floors = json.loads(path.read_text()) if path.exists() else {}
    below = [f"{k} {figures[k]:.3f} < floor {v}" for k, v in floors.items() if figures.get(k, 0) < v]
    if below:
        print("BELOW FLOOR " + "; ".join(below) + (f" ({hint})" if hint else ""))
        return 1
    print(f"all {len(floors)} floors met ({path.name})")
    return 0


def page_flags(data: Path, kind: str) -> list[tuple[str, int, str, str]]:
    """(page, evidence offset, evidence words, context) of every ``kind`` flag the pipeline
    raises on the bench HTML pages; a page is named by its path under ``data`` (the
    Readability pages are all called source.html.gz, each in its own folder)."""
    from tracer import pipeline

    out = []
    for rel, article in bench_pages(data):
        for flag in pipeline.analyse(article).flags:
            if flag.kind != kind or flag.evidence is None:
                continue
            ev = flag.evidence
            context = article.text[max(0, ev.start - 120):ev.end + 120].replace("\n", " ").replace("\t", " ")
            out.append((str(rel), ev.start, ev.text, context))
    return out


def page_flag_main(doc: str, argv, *, kind: str, labels_path: Path, floors_path: Path, name: str) -> int:
    """`make eval` for one flag read by hand on every bench page: precision over the flags
    read, the unread and the wrong listed (all with ``--list``); floors fail the run."""
    import logging

    args = arguments(doc, argv)
    if not data_present(name, args.data, "article-extraction-benchmark", "bench pages"):
        return 0
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    raised = page_flags(Path(args.data), kind)
    labels = read_labels(labels_path, 3, ints=(1,)) if labels_path.exists() else {}
    right, wrong, unread = by_verdict(raised, labels, 3)
    read = len(right) + len(wrong)
    share = precision(right, wrong)
    print(f"== {kind} flags on the 257 bench HTML pages (labels: {labels_path.name}, "
          f"{len(labels)} flags read by hand)")
    print(f"  raised {len(raised)}; read {read}: right {len(right)}, wrong {len(wrong)}; "
          f"precision {share:.3f}; not read yet {len(unread)}")
    for page, start, words, context in (raised if args.list else wrong + unread):
        verdict = labels.get((page, start, words), "UNREAD")
        print(f"  {verdict:6} {page}\t{start}\t{words}\t{context}")
    figures = {"precision": share, "unread": -len(unread)}
    return check_floors(figures, floors_path, f"label the unread flags in {labels_path.name}")
