"""A process pool for ``tracer trace`` that survives a dying worker.

``multiprocessing.Pool`` waits forever for the result of a worker killed mid-job (the
kernel's OOM killer, a crash in a C extension): one bad page hung the whole run. Here each
worker has its own pipe, so the parent knows which input each worker holds; a worker that
dies turns that input into an error result and is replaced, and the batch goes on.

No threads: the parent sends jobs and reads results itself (``connection.wait``), so it
never forks while another of its threads is inside SQLite, and nothing spins beside it
(the stock pool's worker-handler thread busy-looped while a result sat unread).

Results come back in input order, with at most ``window`` jobs in flight.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler

# Jobs queued on one worker beyond the one it is running: enough to keep it busy while the
# parent stores, few enough that the inbound pipe (64 KB) never fills, so the parent's send
# cannot block against a worker blocked sending its result.
QUEUED = 2
# A job this large (standard input read by the parent) goes only to an idle worker: a busy
# one may be blocked sending a large result while the parent is blocked sending it the job.
BIG_JOB = 16_384


def _serve(conn, fn: Callable, setup: Callable | None) -> None:
    """Worker loop: a job in, its result out, until ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if setup is not None:
        setup()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(fn(job))


class _Worker:
    def __init__(self, ctx, fn: Callable, setup: Callable | None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, fn, setup), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque = deque()  # (sequence number, job), oldest is the one running


def imap(fn: Callable, jobs: Iterable, *, processes: int, window: int,
         died: Callable[[object, str], object], ctx=None,
         setup: Callable | None = None) -> Iterator:
    """``fn(job)`` for every job in ``processes`` worker processes, yielded in input order.

    The workers start now, before the first result is asked for. ``fn`` must not raise
    (return failures as values). When a worker dies, ``died(job, reason)`` stands in for
    the result of the job it was running, and the jobs queued behind it go to the other
    workers. ``setup()`` runs in each worker started now, not in the replacements of dead
    ones, which are forked later from a parent that may be in the middle of anything.
    """
    ctx = ctx or multiprocessing.get_context()
    workers = [_Worker(ctx, fn, setup) for _ in range(processes)]
    return _results(fn, jobs, workers, window, died, ctx)


def _results(fn, jobs, workers, window, died, ctx) -> Iterator:
    jobs = iter(jobs)
    done: dict[int, object] = {}
    retry: deque = deque()  # (sequence number, job) that were queued on a worker that died
    sent = next_out = 0
    exhausted = False

    def bury(worker: _Worker) -> None:
        """Read what the dead worker finished, blame the job it was running, requeue the
        rest on the others and start a replacement."""
        while worker.jobs and _poll(worker.conn):
            try:
                done[worker.jobs[0][0]] = worker.conn.recv()
            except (EOFError, OSError):
                break
            worker.jobs.popleft()
        _end(worker.process, 5)  # it closed its pipe: it is dead, or about to be ended
        if worker.jobs:
            seq, job = worker.jobs.popleft()
            done[seq] = died(job, _reason(worker.process.exitcode))
            retry.extendleft(reversed(worker.jobs))
        worker.conn.close()
        workers[workers.index(worker)] = _Worker(ctx, fn, None)

    try:
        while True:
            while True:  # fill: the least busy worker takes the next job
                worker = min(workers, key=lambda w: len(w.jobs))
                if len(worker.jobs) > QUEUED:
                    break
                if retry:
                    item = retry.popleft()  # already counted in the window
                elif exhausted or sent - next_out >= window:
                    break
                else:
                    try:
                        item = (sent, next(jobs))
                    except StopIteration:
                        exhausted = True
                        break
                    sent += 1
                payload = ForkingPickler.dumps(item[1])
                if len(payload) > BIG_JOB and worker.jobs:
                    retry.appendleft(item)  # waits for an idle worker (see BIG_JOB)
                    break
                try:
                    worker.conn.send_bytes(payload)
                except OSError:  # it died while idle: this job never reached it
                    retry.appendleft(item)
                    bury(worker)
                    continue
                worker.jobs.append(item)
            if next_out in done:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                continue  # room in the window again: fill before waiting
            if exhausted and not retry and next_out == sent:
                return
            busy = [w for w in workers if w.jobs]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        bury(worker)
                        continue
                    done[worker.jobs.popleft()[0]] = result
                elif worker.process.sentinel in ready:
                    bury(worker)
    finally:
        for worker in workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in workers:
            _end(worker.process, 1 if worker.jobs else 5)
            worker.conn.close()


def _end(process, timeout: float) -> None:
    """Wait up to ``timeout`` seconds for a worker to exit, then kill it."""
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()


def _poll(conn) -> bool:
    try:
        return conn.poll()
    except (EOFError, OSError):
        return False


def _reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"

