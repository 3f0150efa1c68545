"""`make eval`: how often a `repeated-paragraph` flag on a real web page points at a paragraph
the page really prints twice.

    python -m bench.eval_repeats --data ../shared/data [--list]

``bench/eval_duplication.py`` scores the flag on PolNeAR texts with duplicates planted in
them; this reads it where users meet it: every `repeated-paragraph` flag on the 257 HTML
pages of the extraction benchmarks, each read by hand in its context
(``bench/labels/repeat-flags.tsv``). A flag is right when the page prints that paragraph (or
passage) twice, or, for the one flag a page of many repeats gets, when the page is built from
repeating rows; wrong when the two are different rows of one template ("in women" / "in
men"). Keyed as ``eval_anonymous``'s labels are. Floors in ``bench/floors_repeats.json``.
Reads ../shared/data and says so when it is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import handread

LABELS = Path(__file__).with_name("labels") / "repeat-flags.tsv"
FLOORS = Path(__file__).with_name("floors_repeats.json")


def main(argv=None) -> int:
    return handread.page_flag_main(__doc__, argv, kind="repeated-paragraph", labels_path=LABELS,
                                   floors_path=FLOORS, name="eval_repeats")


if __name__ == "__main__":
    sys.exit(main())
