"""The worker pool: results in input order, and a worker that dies costs only its own job."""

import os
import signal
import time

import pytest

from tracer import pipeline, settings, workers
from tracer.store import Store

from .test_store import NOW, STORY

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked here")


def _square(n):
    time.sleep(0.002 * (n % 3))  # uneven jobs, so results come back out of order
    return n * n


def _kill_on_7(n):
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def _pid(_):
    return os.getpid()


def _died(job, reason):
    return ("died", job, reason)


def test_results_come_back_in_input_order():
    out = list(workers.imap(_square, range(60), processes=2, window=8, died=_died))
    assert out == [n * n for n in range(60)]


def test_a_worker_killed_mid_job_costs_only_that_job():
    out = list(workers.imap(_kill_on_7, range(30), processes=2, window=8, died=_died))
    assert out[7] == ("died", 7, "killed by SIGKILL")
    assert out[:7] + out[8:] == [n * n for n in range(30) if n != 7]  # queued jobs retried


def test_every_worker_dying_still_finishes_the_batch():
    out = list(workers.imap(_kill_on_7, [7, 7, 7, 1, 2], processes=2, window=4, died=_died))
    assert out == [("died", 7, "killed by SIGKILL")] * 3 + [1, 4]


def test_a_worker_killed_while_idle_is_replaced_without_blaming_a_job():
    results = workers.imap(_pid, range(40), processes=2, window=2, died=_died)
    first = next(results)
    os.kill(first, signal.SIGKILL)  # it may be idle or busy: either way no job is lost
    time.sleep(0.2)
    rest = list(results)
    assert len(rest) == 39
    assert sum(1 for r in rest if isinstance(r, tuple)) <= 1  # at most the job it was running


def test_setup_runs_only_in_the_workers_started_with_the_pool():
    out = list(workers.imap(_flag_or_die, [0, 1, 0, 0, 0, 0], processes=1, window=1,
                            died=_died, setup=_set_flag))
    assert out == [True, ("died", 1, "killed by SIGKILL"), False, False, False, False]


_FLAG = False


def _set_flag():
    global _FLAG
    _FLAG = True


def _flag_or_die(n):
    if n == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return _FLAG


def test_a_killed_worker_fails_one_input_and_the_batch_is_stored(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(8):
        (corpus / f"{i}.txt").write_text(STORY.replace("northern", f"district-{i}"),
                                         encoding="utf-8")
    real = pipeline.prepare

    def oom(inp, *args, **kwargs):  # what the kernel's OOM killer does to a worker
        if inp.name.endswith("3.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(inp, *args, **kwargs)

    monkeypatch.setattr(pipeline, "prepare", oom)
    store = Store(tmp_path / "s.db")
    config = settings.load({}, jobs=2)
    outcomes = list(pipeline.trace([str(corpus)], store, config, now=NOW))
    assert [o.status for o in outcomes] == ["traced"] * 3 + ["failed"] + ["traced"] * 4
    assert "3.txt: its worker process was killed by SIGKILL" in outcomes[3].error
    assert "--jobs 1" in outcomes[3].error
    assert store.db["articles"].count == 7
    assert store.db["failures"].count == 1


def _size(job):
    return len(job) if isinstance(job, bytes) else b"x" * 200_000  # large results, both ways


def test_large_jobs_and_large_results_do_not_deadlock():
    jobs = [b"y" * 300_000 if n % 3 == 0 else n for n in range(12)]
    out = list(workers.imap(_size, jobs, processes=2, window=8, died=_died))
    assert [o if isinstance(o, int) else len(o) for o in out] == [
        300_000 if n % 3 == 0 else 200_000 for n in range(12)]
