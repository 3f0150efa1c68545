"""What the evaluations scored against labels read by hand share: sorting what the tool
raised by its label, and the floors check that makes `make eval` fail."""

from __future__ import annotations

import json
from pathlib import Path


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
