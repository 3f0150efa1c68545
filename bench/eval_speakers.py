"""`make eval`: who speaks, on a held-out sample of PolNeAR dev attributions read by hand.

    python -m bench.eval_speakers --data ../shared/data

A chain's first hop is the speaker the tool names for a claim. ``bench/labels/
speaker-names-heldout.tsv`` holds 50 attributions with a speaker, drawn at random (seed
112826) from those the tool read on PolNeAR dev (never tuned on), each read by hand in
context before any change made from them: the names that are right for it ("-" where the cue
reports nothing) and the verdict as first read. Each is scored now by the speaker of the
attribution the tool reads at that cue:

* right: one of the right names (a title aside: "Sen. Ted Cruz" is Ted Cruz);
* wrong: anyone else (and any speaker where the right names are "-");
* gone: no attribution at that cue any more ("-" rows count this as right).

The verdicts as first read are the figure to trust; both are printed. Floors in
``bench/floors_speakers.json``. Reads ../shared/data and says so when absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import handread
from bench.eval_pronouns import _TITLE
from bench.handread import check_floors
from tracer import attribution, normalize

LABELS = Path(__file__).with_name("labels") / "speaker-names-heldout.tsv"
FLOORS = Path(__file__).with_name("floors_speakers.json")


def read_labels(path: Path = LABELS) -> list[tuple[str, int, str, tuple[str, ...], str, str]]:
    """(document, cue offset, speaker as first read, right names, verdict as first read, note)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc, start, speaker, names, first, note = (line.split("\t") + [""])[:6]
            rows.append((doc, int(start), speaker, tuple(n.strip() for n in names.split("|")), first, note))
    return rows


def verdict(speaker: str | None, names: tuple[str, ...]) -> str:
    if names == ("-",):
        return "right" if speaker is None else "wrong"
    if speaker is None:
        return "gone"
    right = {_TITLE.sub("", n).lower() for n in names}
    return "right" if _TITLE.sub("", speaker).lower() in right else "wrong"


def score(rows, texts: dict) -> tuple[dict, list[str]]:
    """Verdict counts now, and a line for each row not right."""
    counts = {"right": 0, "wrong": 0, "gone": 0}
    misses, read = [], {}
    for doc, start, _, names, _, note in rows:
        if doc not in read:
            read[doc] = attribution.extract(normalize.clean(texts[doc].read_text(encoding="utf-8")))
        speaker = next((a.speaker for a in read[doc] if a.cue.start == start and a.speaker), None)
        v = verdict(speaker, names)
        counts[v] += 1
        if v != "right":
            misses.append(f"  {v:5} {doc} @{start}: tool {speaker!r}, right {'|'.join(names)}"
                          + (f" ({note})" if note else ""))
    return counts, misses


def _precision(counts: dict) -> float:
    read = counts["right"] + counts["wrong"]
    return counts["right"] / read if read else 1.0


def main(argv=None) -> int:
    args = handread.arguments(__doc__, argv, listing=False)
    if not handread.data_present("eval_speakers", args.data, "polnear", "PolNeAR texts"):
        return 0
    texts = {p.stem: p for p in (Path(args.data) / "polnear").glob("*/text/*.txt")}
    rows = read_labels()
    first = {"right": 0, "wrong": 0, "gone": 0}
    for row in rows:
        first[row[4]] += 1
    now, misses = score(rows, texts)
    print(f"== who speaks: {len(rows)} attributions on PolNeAR dev, held out, read by hand ({LABELS.name})")
    print(f"  as first read: right {first['right']}, wrong {first['wrong']}; precision {_precision(first):.3f}")
    print(f"  now:           right {now['right']}, wrong {now['wrong']}, no longer read {now['gone']}; "
          f"precision {_precision(now):.3f}")
    print("\n".join(misses))
    return check_floors({"held_out_precision": _precision(first), "now_precision": _precision(now)}, FLOORS)


if __name__ == "__main__":
    sys.exit(main())
