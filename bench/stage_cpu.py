"""CPU time of each stage of a real ``tracer trace`` run, in every process it starts.

``python -m bench.stage_cpu [tracer trace arguments]`` runs the CLI in this process, with
the pipeline's stage functions wrapped to add their thread CPU time to a table in shared
memory, made before the workers are forked (so they inherit both the table and the
wrappers). Prints one JSON object on stdout when the run ends: seconds per stage,
articles traced, and the CPU of the whole process tree. Bench code only: the tool itself
is not instrumented.

Stages: ``extract`` (trafilatura and tracer's metadata: the worker's ``_extract``),
``analyse`` (dateline, attributions, chain, flags, fingerprint), ``prematch`` (a worker
comparing the new article with the store) and ``commit`` (the store's process: saving
and linking, and committing each group of articles).
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import resource
import sys
import time

STAGES = ("extract", "analyse", "prematch", "commit")


def _instrument(totals, lock, counts) -> None:
    from tracer import pipeline
    from tracer.store import Store

    inside = [0]  # stages running in this process: time is added by the outermost only

    def timed(index: int, fn, count: bool = True):
        def wrapper(*args, **kwargs):
            inside[0] += 1
            start = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.thread_time() - start
                inside[0] -= 1
                if not inside[0]:
                    with lock:
                        totals[index] += spent
                        counts[index] += count
        return wrapper

    for index, name in enumerate(("_extract", "analyse", "prematch", "commit")):
        setattr(pipeline, name, timed(index, getattr(pipeline, name)))
    # A group of articles is committed after the last one's ``commit`` returned: the
    # COMMIT is the store's work too (not counted as a call).
    Store._commit = timed(STAGES.index("commit"), Store._commit, count=False)


def _tree_cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def main(argv: list[str]) -> int:
    ctx = multiprocessing.get_context("fork")
    totals = ctx.RawArray("d", len(STAGES))
    counts = ctx.RawArray("q", len(STAGES))
    lock = ctx.Lock()
    _instrument(totals, lock, counts)
    from tracer.cli import cli

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            cli.main(["trace", *argv], standalone_mode=False)
        except SystemExit:
            pass
    print(json.dumps({"seconds": dict(zip(STAGES, totals)), "calls": dict(zip(STAGES, counts)),
                      "tree_cpu": _tree_cpu()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
