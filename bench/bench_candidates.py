"""`make bench` (issue #4): the candidate query at scale.

Builds a store whose ``lsh_bands`` table holds the bands of N synthetic articles (default
1,000,000: 42 million band rows, with planted near-copies sharing bands), then times
``Store.candidates`` (the single statement the pipeline runs for each new article) for
random probe articles. Target: p99 under 5 ms. Prints the store's size on disk and this
process's peak RSS. No ../shared data is needed.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tracer import fingerprint as fp
from tracer.store import Store, band_key

BATCH = 50_000


def band_keys(rng: random.Random) -> list[str]:
    return [f"{i}:{rng.getrandbits(48):012x}" for i in range(fp.BANDS)]


def build(store: Store, n: int, seed: int = 3) -> list[list[str]]:
    """N articles' bands; every 50th article is a near-copy sharing 30% of an earlier one's
    bands. Returns a sample of probe band lists (half of them near-copies)."""
    rng = random.Random(seed)
    conn = store.db.conn
    # the rows go to a staging table first, then into the clustered one in its key order:
    # 42M inserts at random places in a b-tree would take hours
    # (temp_store first: changing it drops temp tables; 42M rows would be RAM)
    conn.execute("PRAGMA temp_store=FILE")
    conn.execute("create temp table stage (band integer, article_id integer)")
    probes, recent = [], []
    conn.execute("BEGIN")
    for start in range(1, n + 1, BATCH):
        ids = range(start, min(start + BATCH, n + 1))
        conn.executemany("insert into articles (id, input, sha256, current, text) "
                         "values (?, ?, ?, 1, '')", [(i, f"a{i}", f"s{i}") for i in ids])
        rows = []
        for i in ids:
            keys = band_keys(rng)
            if recent and i % 50 == 0:
                source = rng.choice(recent)
                keep = rng.sample(range(fp.BANDS), int(fp.BANDS * 0.3))
                for k in keep:
                    keys[k] = source[k]
            recent.append(keys)
            if len(recent) > 1000:
                recent.pop(0)
            rows.extend((band_key(k), i) for k in keys)
        conn.executemany("insert into stage (band, article_id) values (?, ?)", rows)
    conn.execute("COMMIT")
    conn.execute("insert or ignore into lsh_bands (band, article_id) select band, article_id from stage"
                 " order by band, article_id")
    conn.execute("drop table stage")
    conn.execute("analyze")
    conn.execute("PRAGMA temp_store=MEMORY")  # as Store sets it after its migrations
    for _ in range(500):
        probe = band_keys(rng)
        if rng.random() < 0.5:
            source = rng.choice(recent)
            for k in rng.sample(range(fp.BANDS), 10):
                probe[k] = source[k]
        probes.append(probe)
    return probes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bands.db"
        store = Store(path, now="bench")
        t0 = time.perf_counter()
        probes = build(store, args.n)
        built = time.perf_counter() - t0
        store.candidates(0, probes[0], [])  # warm the page cache like a running tracer
        times, found = [], 0
        for probe in probes:
            t = time.perf_counter()
            found += len(store.candidates(0, probe, []))
            times.append((time.perf_counter() - t) * 1000)
        size = sum(p.stat().st_size for p in Path(tmp).glob("bands.db*"))
        store.close()
    times.sort()
    p50 = statistics.median(times)
    p99 = times[int(len(times) * 0.99) - 1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"candidate query over {args.n:,} articles' LSH bands ({args.n * fp.BANDS:,} rows; "
          f"built in {built:.0f} s)")
    print(f"  {len(times)} probes: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {times[-1]:.2f} ms "
          f"(target p99 < 5 ms); {found} candidates returned")
    print(f"  store on disk {size / 2**20:,.0f} MiB; peak RSS of this process {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
