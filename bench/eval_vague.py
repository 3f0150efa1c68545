"""`make eval`: how often a `vague-attribution` flag on a real web page points at a claim that
rests on a source the text leaves vague.

    python -m bench.eval_vague --data ../shared/data [--list]

PolNeAR's labels score the flag on news text (``bench/eval_attribution.py``: precision 0.76 on
held-out dev); this reads it where users meet it: every `vague-attribution` flag on the 257
HTML pages of the extraction benchmarks, each read by hand in its context
(``bench/labels/vague-flags.tsv``). A flag is right when a claim rests on a vague source
("experts say", "reportedly", "studies show", "it is understood", an unnamed crowd); wrong when
the source is named, or the words credit no claim at all (a wish, a feeling, a stance, the
writer's own hedge). Keyed as ``eval_anonymous``'s labels are: when a fix moves a flag, it
counts as unread until read again. Floors in ``bench/floors_vague.json``. Reads
../shared/data and says so when it is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import handread

LABELS = Path(__file__).with_name("labels") / "vague-flags.tsv"
FLOORS = Path(__file__).with_name("floors_vague.json")


def main(argv=None) -> int:
    return handread.page_flag_main(__doc__, argv, kind="vague-attribution", labels_path=LABELS,
                                   floors_path=FLOORS, name="eval_vague")


if __name__ == "__main__":
    sys.exit(main())
