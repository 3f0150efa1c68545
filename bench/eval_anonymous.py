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

import sys
from pathlib import Path

from bench import handread

LABELS = Path(__file__).with_name("labels") / "anonymous-flags.tsv"
FLOORS = Path(__file__).with_name("floors_anonymous.json")


def main(argv=None) -> int:
    return handread.page_flag_main(__doc__, argv, kind="anonymous-source", labels_path=LABELS,
                                   floors_path=FLOORS, name="eval_anonymous")


if __name__ == "__main__":
    sys.exit(main())
