"""The bench's own instrument: stage CPU measured inside a real multi-process trace."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED

FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def test_stage_cpu_counts_every_stage_in_every_process(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("news.html", "nodate.html", "story.txt", "story.md"):
        shutil.copy(FIXTURES / name, pages / name)
    shutil.copy(SEED, pages / SEED.name)
    db = tmp_path / "s.db"
    env = {**os.environ, "TRACER_JOBS": "2"}
    proc = subprocess.run([sys.executable, "-m", "bench.stage_cpu", str(pages), "--db", str(db),
                           "--quiet", "--jobs", "2"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # extraction, analysis and prematching run in the forked workers, commits in the parent:
    # a wrapper lost in either kind of process leaves its count short
    assert result["calls"] == {"extract": 5, "analyse": 5, "prematch": 5, "commit": 5}
    assert all(v > 0 for v in result["seconds"].values())
    assert result["tree_cpu"] > sum(result["seconds"].values())
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 5


def test_eval_duplication_plants_what_it_says_and_scores_it():
    """The duplication benchmark's variants, on a text written for this test (no ../shared)."""
    import random

    from bench import eval_duplication as ev

    body = [
        "The council voted on Tuesday to extend the curfew for another two weeks in the city, "
        "citing a rise in break-ins around the main market and the bus station after dark.",
        "Shop owners said the measure had already cost them most of their evening trade, and "
        "several said they would have to let staff go before the end of the month.",
        "Police reported fewer incidents since the curfew began, according to a statement "
        "released on Monday, though officers said it was too early to draw conclusions.",
        "Opposition members called for a review of the policy before the end of the month.",
    ]
    text = "\n\n".join(["Council extends city curfew", *body]) + "\n"
    rng = random.Random(1)
    cases = {v: ev.plant("t", text, v, rng) for v in ev.VARIANTS}
    assert all(c is not None for c in cases.values())
    assert cases["headline-exact"].text.count("Council extends city curfew") == 2
    assert cases["paragraph-repeated"].text.count(cases["paragraph-repeated"].planted) == 2
    for variant, case in cases.items():
        kinds, pointed = ev.raised(case)
        expected = ev.POSITIVE.get(variant)
        assert kinds == ({expected} if expected else set()), variant
        assert pointed in (None, True)
    result = ev.score(list(cases.values()))
    assert result["duplicate-headline"]["f1"] == 1.0 and result["repeated-paragraph"]["f1"] == 1.0


def test_eval_layers_reads_its_labels_and_says_when_the_data_is_absent(tmp_path, capsys):
    from bench import eval_layers as ev

    labels = ev.read_labels()
    assert labels and set(labels.values()) == {"right", "wrong"}
    assert all(isinstance(start, int) and " → " in chain for _, chain, start in labels)
    assert ev.main(["--data", str(tmp_path)]) == 0
    assert "nothing scored" in capsys.readouterr().out


@pytest.mark.parametrize("name, read", [("eval_anonymous", 58), ("eval_vague", 70), ("eval_repeats", 18)])
def test_a_page_flag_evaluation_reads_its_labels_and_says_when_the_data_is_absent(tmp_path, capsys, name, read):
    import importlib

    from bench.handread import read_labels

    ev = importlib.import_module(f"bench.{name}")
    labels = read_labels(ev.LABELS, 3, ints=(1,))
    assert len(labels) == read and set(labels.values()) == {"right", "wrong"}
    assert all(page.endswith(".gz") and isinstance(start, int) and words for page, start, words in labels)
    assert ev.main(["--data", str(tmp_path)]) == 0
    assert "nothing scored" in capsys.readouterr().out


def test_eval_pronouns_scores_a_speaker_against_the_names_read_by_hand(tmp_path, capsys):
    from bench import eval_pronouns as ev

    rows = ev.read_labels()
    assert len(rows) == 80 and all(names for _, _, _, names, _, _ in rows)
    held = ev.read_labels(ev.HELD_OUT)  # the held-out sample keeps its verdicts as first read
    assert len(held) == 40 and {first for *_, first in held} == {"right", "left", "wrong"}
    assert not {(doc, start) for doc, start, *_ in held} & {(doc, start) for doc, start, *_ in rows}
    second = ev.read_labels(ev.HELD_OUT_2)  # a second draw, apart from both
    assert len(second) == 40 and {first for *_, first in second} <= {"right", "left", "wrong"}
    assert not {(doc, start) for doc, start, *_ in second} & {(doc, start) for doc, start, *_ in rows + held}
    assert ev.verdict("Mr. Obama", "he", ("Obama", "Barack Obama")) == "right"
    assert ev.verdict("Lolita Grayson", "He", ("Alan Grayson",)) == "wrong"
    assert ev.verdict("she", "she", ("-",)) == "right"
    assert ev.verdict("she", "she", ("Fiorina",)) == "left"
    assert ev.verdict(None, "he", ("Trump",)) == "gone"
    assert ev.main(["--data", str(tmp_path)]) == 0
    assert "nothing scored" in capsys.readouterr().out


def test_eval_speakers_scores_the_held_out_speakers_against_the_names_read_by_hand(tmp_path, capsys):
    from bench import eval_speakers as ev

    rows = ev.read_labels()
    assert len(rows) == 50 and {first for *_, first, _ in rows} == {"right", "wrong"}
    assert all(names and speaker for _, _, speaker, names, _, _ in rows)
    assert ev.verdict("Sen. Ted Cruz", ("Cruz", "Ted Cruz")) == "right"
    assert ev.verdict("Facebook message", ("Cruz", "Ted Cruz")) == "wrong"
    assert ev.verdict(None, ("Cruz",)) == "gone"
    assert ev.verdict(None, ("-",)) == "right" and ev.verdict("Few people", ("-",)) == "wrong"
    assert ev.main(["--data", str(tmp_path)]) == 0
    assert "nothing scored" in capsys.readouterr().out


def test_handread_sorts_by_label_and_checks_floors(tmp_path, capsys):
    from bench.handread import by_verdict, check_floors

    raised = [("a", "x", 1), ("b", "y", 2), ("c", "z", 3)]
    labels = {("a", "x"): "right", ("b", "y"): "wrong"}
    assert by_verdict(raised, labels, 2) == ([raised[0]], [raised[1]], [raised[2]])
    floors = tmp_path / "floors.json"
    floors.write_text('{"precision": 0.9}')
    assert check_floors({"precision": 0.95}, floors) == 0
    assert check_floors({"precision": 0.5}, floors, "read more") == 1
    assert "BELOW FLOOR precision 0.500 < floor 0.9 (read more)" in capsys.readouterr().out
