"""Corpus-sized runs on Apache Spark: the same pure core, distributed.

``run(inputs, out_dir, master=..., partitions=...)`` is what ``tracer spark`` calls. The job:

1. **Plan** (driver): INPUTs are WARC files (``.warc``, ``.warc.gz``), JSON Lines
   (``.jsonl``, ``.ndjson``, ``.json``, optionally ``.gz``) or Parquet files of
   ``{url, html | text, title, published}`` (a Spark-written Parquet directory counts as its
   part files), single article files (``.html``, ``.htm``, ``.md``, or ``.txt`` listed inside
   a manifest), or a manifest (a ``.txt`` INPUT) listing such files one per line (``#``
   comments; a relative path is taken as given, else relative to the manifest). Any of
   them may be a URI (``s3://``, ``gs://``, ``hdfs://``, ``https://``, ``file://``): it is
   read through fsspec (installed with ``.[spark]``; ``s3://`` also needs s3fs, ``gs://``
   gcsfs, ``hdfs://`` pyarrow's libhdfs), by the driver for manifests and directory
   listings and by each executor for its own file.
2. **Read and analyse** (one task per file, as Common Crawl's cc-pyspark does: an RDD of
   file paths, ``mapPartitions`` reading each file): each record becomes an ``Article``
   through ``tracer.extract.extract`` (HTML, or text built as the pipeline builds a .txt
   file) and then ``tracer.pipeline.analyse`` (dateline, attributions, chains, flags,
   fingerprint): the same functions as ``tracer trace``. A record that fails is a row in
   ``failures`` with its reason; the job goes on.
3. **Ids**: articles are numbered 1, 2, ... in input order (``zipWithIndex``); a repeated
   (input, sha256) is kept once, as the store keeps it once. These are the ids the single
   machine path would give the same inputs, so both results compare directly.
4. **Candidates**: every article's LSH band keys and paragraph/sentence hashes (what
   ``Store.candidates`` looks up) are exploded into (key, id) rows; a key shared by 2 to
   ``max_bucket`` articles yields all its pairs (self-join on the key, ``a.id < b.id``,
   distinct). A key shared by more than ``max_bucket`` articles is **skipped** (written to
   ``skipped_buckets`` and counted in the summary): at that size it is boilerplate (a
   copyright line) or one wire story carried by thousands of pages, whose pairs the other
   keys of the story usually still produce. As in the store, a pair that shares only one
   passage, on more than ``store.COMMON_KEY_ROWS`` rows of the archive (the later article's
   own aside), is no candidate: one boilerplate line is no copy. ``tracer trace`` bounds
   buckets differently (it reads a bucket's ``store.BUCKET_CAP`` earliest members, and counts
   a passage's rows among the articles stored before), so on a corpus with such buckets
   the two paths may differ; the default (``DEFAULT_MAX_BUCKET``,
   ``TRACER_SPARK_MAX_BUCKET``) bounds one bucket to ~500k pairs.
5. **Verify**: every pair is checked exactly by ``tracer.match.compare`` on both ``Stored``
   records (the later id first, as ``pipeline.link_copies`` compares a new article with a
   stored one); a link gets its relation and direction there. The ``uncredited-copy`` flag
   of each link's target comes from ``tracer.copies.uncredited_copy``, as in the pipeline.
6. **Write** Parquet datasets under ``out_dir``: articles, fingerprints, bands, paragraphs,
   attributions, chains, chain_hops, flags, links, failures, skipped_buckets, and
   ``_tracer.json`` (counts, stage timings, parameters). ``tracer import`` loads them.

PySpark is imported only here (and only when this module is imported): the rest of tracer
never needs it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from . import fingerprint as fp
from . import normalize
from .errors import TracerError
from .models import Span
from .remote import filesystem, is_uri, open_input

DEFAULT_MAX_BUCKET = 1000
READ_SLICES_PER_PARTITION = 8
ARTICLES_PER_PARTITION = 2000  # ~45 MB of pickled analyses per partition
MAX_RECORD_BYTES = 10_000_000  # as settings.max_bytes: larger records are failures
DATASETS = ("articles", "fingerprints", "bands", "paragraphs", "attributions", "chains",
            "chain_hops", "flags", "links", "failures", "skipped_buckets")

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")
PARQUET_SUFFIXES = (".parquet",)
ARTICLE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text", ".md": "text"}


# --- planning (driver) -------------------------------------------------------------------


def _kind(path: str, *, in_manifest: bool) -> str | None:
    low = path.lower()
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    suffix = os.path.splitext(low)[1]
    if suffix == ".txt" and not in_manifest:
        return "manifest"
    return ARTICLE_SUFFIXES.get(suffix)


def plan(inputs: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(tasks, problems): one (kind, path) task per file in input order; (path, reason) each
    for inputs that cannot be read. Raises TracerError when there is nothing to run."""
    tasks: list[tuple[str, str]] = []
    problems: list[tuple[str, str]] = []

    def add_dir(path: str, fs, inner: str) -> None:
        """A remote directory: every readable file in it, in name order."""
        protocol = path.split("://", 1)[0]
        for child in sorted(fs.find(inner)):
            name = child if is_uri(child) else f"{protocol}://{child}"
            kind = _kind(name, in_manifest=True)
            if kind is not None and not os.path.basename(child).startswith((".", "_")):
                tasks.append((kind, name))

    def add_local_dir(path: str, p: Path) -> None:
        parts = sorted(str(x) for x in p.rglob("*.parquet") if not x.name.startswith((".", "_")))
        if parts:
            tasks.extend(("parquet", x) for x in parts)
            return
        for child in sorted(x for x in p.rglob("*") if x.is_file()):
            if any(part.startswith(".") for part in child.relative_to(p).parts):
                continue
            kind = _kind(str(child), in_manifest=True)
            if kind is not None:
                tasks.append((kind, os.path.join(path, str(child.relative_to(p)))))

    def add(path: str, in_manifest: bool, base: Path | None = None) -> None:
        if is_uri(path):
            fs, inner = filesystem(path)
            if fs.isdir(inner):
                return add_dir(path, fs, inner)
            exists, missing, base = fs.exists(inner), "no such file; check the URI", None
        else:
            p = Path(path)
            if base is not None and not p.exists() and not p.is_absolute() and (base / p).exists():
                p, path = base / p, str(base / p)
            if p.is_dir():
                return add_local_dir(path, p)
            exists, missing, base = p.exists(), "no such file or directory; check the path", p.parent
        kind = _kind(path, in_manifest=in_manifest)
        if kind is None:
            problems.append((path, f"{path}: unsupported input type; give WARC, JSON Lines, "
                                   "Parquet, .html/.txt/.md files or a .txt manifest"))
        elif not exists:
            problems.append((path, f"{path}: {missing}"))
        elif kind == "manifest":
            try:
                with open_input(path, "rb") as handle:
                    lines = handle.read().decode("utf-8", errors="replace").splitlines()
            except OSError as e:
                problems.append((path, f"{path}: cannot read the manifest ({e.strerror or e})"))
                return
            for line in lines:
                line = line.strip()
                if line and not line.startswith("#"):
                    add(line, True, base)
        else:
            tasks.append((kind, path))

    for item in inputs:
        add(item, False)
    if not tasks:
        why = "; ".join(r for _, r in problems[:3]) or "no inputs given"
        raise TracerError(f"spark: nothing to read ({why})")
    return tasks, problems


# --- reading and analysing (executors) ---------------------------------------------------


def _article_from_row(row: dict, input: str, fetched_at: str | None):
    """A JSON Lines / Parquet / WARC record -> Article, through tracer.extract.extract."""
    from .extract import extract

    url = row.get("url") or None
    html, text = row.get("html"), row.get("text")
    if html:
        article = extract(html, input=input, kind="html", url=url, fetched_at=fetched_at,
                          content_type=row.get("content_type"))
    elif text:
        title = (row.get("title") or "").strip()
        head = normalize.first_line(text)
        if title and (head is None or normalize.canonical(head.text) != normalize.canonical(title)):
            text = f"{title}\n\n{text}"  # a .txt file's first line is its headline
        article = extract(text, input=input, kind="text", url=url, fetched_at=fetched_at)
    else:
        raise TracerError(f"{input}: the record has neither html nor text; give one of them")
    published = row.get("published")
    if published:  # a Parquet date/timestamp column arrives as date/datetime
        published = published.isoformat() if hasattr(published, "isoformat") else str(published)
        article = replace(article, published=published)
    return article


def _analyse(make, input: str, raw: bytes | None):
    """("ok", Analysis) or ("fail", input, reason): never raises, like pipeline._prepare_job."""
    from .pipeline import analyse

    try:
        a = analyse(make())
        if raw is not None:
            a = replace(a, raw_sha256=hashlib.sha256(raw).hexdigest())
        return ("ok", a)
    except TracerError as e:
        return ("fail", input, str(e))
    except MemoryError:
        return ("fail", input, f"{input}: ran out of memory reading it; skip or split this input")
    except Exception as e:  # a bug must not lose the rest of the corpus
        return ("fail", input,
                f"{input}: internal error ({type(e).__name__}: {e}); please report it")


def _raw(value) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def _rows(kind: str, path: str) -> Iterator[dict]:
    """Records of a JSON Lines or Parquet file as dicts."""
    if kind == "jsonl":
        packed = "gzip" if path.lower().endswith(".gz") else None
        with io.TextIOWrapper(open_input(path, "rb", compression=packed), encoding="utf-8",
                              errors="replace") as handle:
            for n, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except ValueError as e:
                        row = {"_error": f"{path}:{n}: not JSON ({e}); fix the line"}
                    if not isinstance(row, dict):
                        row = {"_error": f"{path}:{n}: not a JSON object; give one object per line"}
                    row["_n"] = n
                    yield row
    else:
        import pyarrow.parquet as pq

        n = 0
        with open_input(path, "rb") as handle:
            for batch in pq.ParquetFile(handle).iter_batches(batch_size=256):
                for row in batch.to_pylist():
                    n += 1
                    row["_n"] = n
                    yield row


def _warc_records(path: str) -> Iterator[tuple[str, dict, bytes]]:
    from warcio.archiveiterator import ArchiveIterator

    with open_input(path, "rb") as stream:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type")
                     if record.http_headers else
                     record.rec_headers.get_header("Content-Type")) or ""
            low = ctype.lower()
            if record.http_headers and record.http_headers.get_statuscode() not in ("200", None):
                continue
            if low and "html" not in low and not low.startswith("text/plain"):
                continue
            body = record.content_stream().read(MAX_RECORD_BYTES + 1)
            date = record.rec_headers.get_header("WARC-Date")
            row = {"url": url, "content_type": ctype or None, "_date": date}
            yield url or f"{path}#{record.rec_headers.get_header('WARC-Record-ID')}", row, body


def read_task(kind: str, path: str, now: str) -> Iterator[tuple]:
    """Every record of one input file, analysed: ("ok", Analysis) or ("fail", input, reason)."""
    from .extract import extract

    try:
        if kind in ("html", "text"):
            with open_input(path, "rb") as handle:
                data = handle.read(MAX_RECORD_BYTES + 1)
            if len(data) > MAX_RECORD_BYTES:
                yield ("fail", path,
                       f"{path}: larger than {MAX_RECORD_BYTES} bytes; skip or split it")
                return
            yield _analyse(lambda: extract(data, input=path, kind=kind, fetched_at=now), path, data)
        elif kind == "warc":
            for input, row, body in _warc_records(path):
                if len(body) > MAX_RECORD_BYTES:
                    yield ("fail", input, f"{input}: record larger than {MAX_RECORD_BYTES} bytes")
                    continue
                is_text = (row["content_type"] or "").lower().startswith("text/plain")
                if is_text:
                    from .extract import decode

                    row["text"] = decode(body, row["content_type"], html=False)
                else:
                    row["html"] = body
                fetched = row.pop("_date") or now
                yield _analyse(lambda row=row, input=input, fetched=fetched: _article_from_row(row, input, fetched), input, body)
        else:
            for row in _rows(kind, path):
                input = row.get("input") or row.get("url") or f"{path}#{row['_n']}"
                if "_error" in row:
                    yield ("fail", input, row["_error"])
                    continue
                payload = row.get("html") or row.get("text")
                raw = _raw(payload) if payload else None
                if raw is not None and len(raw) > MAX_RECORD_BYTES:
                    yield ("fail", input, f"{input}: larger than {MAX_RECORD_BYTES} bytes")
                    continue
                fetched = row.get("fetched_at") or now
                yield _analyse(lambda row=row, input=input, fetched=fetched: _article_from_row(row, input, fetched), input, raw)
    except (OSError, ValueError, EOFError) as e:  # unreadable or corrupt file: name it, go on
        yield ("fail", path, f"{path}: cannot read ({type(e).__name__}: {e}); check the file")
    except TracerError as e:  # a URI this executor cannot open (fsspec or its driver missing)
        yield ("fail", path, str(e))


# --- rows for the Parquet datasets (executors) -------------------------------------------


def _span3(span: Span | None) -> tuple:
    return (None, None, None) if span is None else (span.text, span.start, span.end)


def _span_json(span: Span | None):
    return None if span is None else span.to_dict()


def _labels_json(labels) -> list:
    return [{"label": lb.label, "meaning": lb.meaning, "source": lb.source} for lb in labels]


def _pack(values) -> bytes:
    from array import array

    return array("Q", values).tobytes()


def article_row(i: int, a) -> tuple:
    art, o, d = a.article, a.outlet, a.dateline
    outlet = None if o is None else json.dumps(
        {"name": o.name, "domain": o.domain, "kind": o.kind, "labels": _labels_json(o.labels),
         "aliases": list(o.aliases)}, ensure_ascii=False)
    dateline = None if d is None else json.dumps(d.to_dict(), ensure_ascii=False)
    credits = json.dumps([c.to_dict() for c in a.credits], ensure_ascii=False)
    return (i, art.input, art.url, art.canonical, art.title, art.published, art.author,
            art.site_name, art.fetched_at, art.text, a.fingerprint.sha256, a.raw_sha256,
            art.content_type, json.dumps(list(art.redirects)), o.name if o else None, outlet,
            dateline, credits, a.chains[0].layers if a.chains else 0, a.fingerprint.version)


def side_rows(i: int, a) -> Iterator[tuple]:
    """(dataset, row) for every per-article dataset but ``articles``."""
    f = a.fingerprint
    yield "fingerprints", (i, f.version, f.sha256, _pack(f.signature), _pack(f.shingles),
                           len(f.shingles))
    for band in f.bands:
        yield "bands", (i, band)
    for n, (kind, h) in enumerate([("paragraph", h) for h in f.paragraphs]
                                  + [("sentence", h) for h in f.sentences]):
        yield "paragraphs", (i, n, kind, h.hash, h.start, h.end)
    for n, t in enumerate(a.attributions):
        yield "attributions", (i, n, t.kind, t.rule, t.speaker, json.dumps(list(t.via)),
                               bool(t.anonymous), bool(t.vague), *_span3(t.source),
                               *_span3(t.cue), *_span3(t.content))
    for n, chain in enumerate(a.chains):
        yield "chains", (i, n, chain.layers, " → ".join(h.name for h in chain.hops))
        for pos, hop in enumerate(chain.hops):
            yield "chain_hops", (i, n, pos, hop.name, hop.kind, *_span3(hop.evidence),
                                 json.dumps(_labels_json(hop.labels), ensure_ascii=False), hop.link)
    for n, flag in enumerate(a.flags):
        yield "flags", flag_row(i, n, flag, None)


def flag_row(i: int, n: int | None, flag, source_id: int | None) -> tuple:
    return (i, n, flag.kind, flag.message, *_span3(flag.evidence),
            json.dumps([_span_json(s) for s in flag.related], ensure_ascii=False), source_id)


def link_row(link) -> tuple:
    passages = [{"source_span": p.source.to_dict(), "target_span": p.target.to_dict(),
                 "score": p.score} for p in link.passages]
    return (link.source_id, link.target_id, link.relation, float(link.similarity),
            float(link.containment), json.dumps(passages, ensure_ascii=False),
            json.dumps(list(link.evidence), ensure_ascii=False))


def _spans(prefix: str) -> str:
    return f"{prefix}_text string, {prefix}_start int, {prefix}_end int"


SCHEMAS = {
    "articles": "id long, input string, url string, canonical string, title string, "
                "published string, author string, site_name string, fetched_at string, "
                "text string, sha256 string, raw_sha256 string, content_type string, "
                "redirects string, outlet_name string, outlet string, dateline string, "
                "credits string, layers int, version string",
    "fingerprints": "article_id long, version string, sha256 string, signature binary, "
                    "shingles binary, n_shingles int",
    "bands": "article_id long, band string",
    "paragraphs": "article_id long, idx int, kind string, hash string, start int, end int",
    "attributions": "article_id long, idx int, kind string, rule string, speaker string, "
                    f"via string, anonymous boolean, vague boolean, {_spans('source')}, "
                    f"{_spans('cue')}, {_spans('content')}",
    "chains": "article_id long, idx int, layers int, summary string",
    "chain_hops": "article_id long, chain_idx int, position int, name string, kind string, "
                  f"{_spans('evidence')}, labels string, link string",
    "flags": f"article_id long, idx int, kind string, message string, {_spans('evidence')}, "
             "related string, source_id long",
    "links": "source_id long, target_id long, relation string, similarity double, "
             "containment double, passages string, evidence string",
    "failures": "input string, reason string",
    "skipped_buckets": "key string, size long",
}


# --- matching (executors) ----------------------------------------------------------------


def candidate_keys(a) -> list[tuple[str, int]]:
    """What Store.candidates looks up, each with the rows it adds to a store: LSH band keys
    ("b...") and paragraph/sentence hashes ("p...", a row per paragraph or sentence)."""
    f = a.fingerprint
    keys = {"b" + b: 1 for b in f.bands}
    for h in f.paragraphs + f.sentences:
        keys["p" + h.hash] = keys.get("p" + h.hash, 0) + 1
    return sorted(keys.items())


def to_stored(i: int, a):
    """The matcher's view of an analysed article (bands and signature are not needed)."""
    from .pipeline import as_stored

    return as_stored(replace(a, fingerprint=replace(a.fingerprint, bands=(), signature=())), i)


def verify(first, second, now: str) -> list[tuple]:
    """match.compare on a candidate pair, the later id first as pipeline.link_copies does.

    Returns [] or [(link_row, flag_row | None)]."""
    from . import match
    from .copies import uncredited_copy
    from .models import Party

    new, old = (first, second) if first.id > second.id else (second, first)
    link = match.compare(new, old, now=now)
    if link is None:
        return []
    source = new if link.source_id == new.id else old
    target = old if source is new else new
    flag = uncredited_copy(Party.of(target), Party.of(source), link.passages)
    return [(link_row(link), flag_row(target.id, None, flag, source.id) if flag else None)]


# --- the job (driver) --------------------------------------------------------------------


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def session(master: str = "local[2]", app: str = "tracer"):
    """A SparkSession (the active one if any) with the settings tracer relies on."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # not under spark-submit (whose --master and --conf must win): our master
        builder = (builder.master(master).config("spark.ui.showConsoleProgress", "false"))
        if master.startswith("local"):
            from .settings import load as load_settings

            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            # local mode runs the executors inside the driver's JVM: its heap is theirs
            builder = (builder.config("spark.ui.enabled", "false")
                       .config("spark.driver.memory", load_settings().spark_driver_memory))
    try:
        spark = builder.getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        return spark
    except Exception as e:  # Java missing, bad master URL
        raise TracerError(f"spark: cannot start Spark on {master} ({type(e).__name__}: "
                          f"{str(e).splitlines()[0] if str(e) else ''}); check that Java 17 "
                          "is installed (java -version) and the --master URL") from None


def run(inputs: list[str], out_dir: str, *, master: str = "local[2]",
        partitions: int | None = None, max_bucket: int | None = None,
        now: str | None = None) -> str:
    """Run the job; returns a one-line summary. Stops the SparkSession only if it started it."""
    from pyspark.sql import SparkSession

    tasks, problems = plan(list(inputs))
    if max_bucket is None:
        from .settings import load as load_settings

        max_bucket = load_settings().spark_max_bucket
    started = SparkSession.getActiveSession() is None
    t0 = time.perf_counter()
    spark = session(master)
    startup = time.perf_counter() - t0
    try:
        stats = run_job(spark, tasks, out_dir, partitions=partitions, max_bucket=max_bucket,
                        now=now or _now(), problems=problems)
    except TracerError:
        raise
    except Exception as e:
        first = (str(e).strip().splitlines() or [""])[0][:300]
        raise TracerError(f"spark: the job failed ({type(e).__name__}: {first}); see the "
                          "Spark log above") from None
    finally:
        if started:
            spark.stop()
    stats["startup_s"] = round(startup, 2)
    _write_meta(out_dir, stats)
    return summary(stats, out_dir)


def summary(s: dict, out_dir: str) -> str:
    rel = ", ".join(f"{k} {v}" for k, v in sorted(s["relations"].items())) or "none"
    skipped = (f", {s['skipped_buckets']} bucket(s) over {s['max_bucket']} skipped"
               if s["skipped_buckets"] else "")
    return (f"spark: {s['articles']} articles from {s['files']} file(s), {s['failed']} failed; "
            f"{s['pairs']} candidate pairs, {s['links']} links ({rel}){skipped}; "
            f"wrote {out_dir} in {s['job_s']:.1f} s")


def _write_meta(out_dir: str, stats: dict) -> None:
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    Path(out_dir, "_tracer.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")


def run_job(spark, tasks: list[tuple[str, str]], out_dir: str, *, partitions: int | None,
            max_bucket: int, now: str, problems=()) -> dict:
    """The job on an existing session; returns counts and stage timings (seconds)."""
    from concurrent.futures import ThreadPoolExecutor

    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from .store import COMMON_KEY_ROWS  # the driver's only: executors need not load the store

    sc = spark.sparkContext
    parts = partitions or max(2, sc.defaultParallelism * 2)
    spark.conf.set("spark.sql.shuffle.partitions", str(parts))
    out = str(Path(out_dir).resolve())
    disk = StorageLevel.MEMORY_AND_DISK
    timings: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now_ = time.perf_counter()
        timings[name] = round(now_ - clock[0], 2)
        clock[0] = now_

    # 2. read and analyse: one task per file (WARC files are large), but at most
    # READ_SLICES_PER_PARTITION x parts tasks, so many small article files do not each pay
    # a task's overhead
    slices = max(1, min(len(tasks), parts * READ_SLICES_PER_PARTITION))
    results = (sc.parallelize(list(tasks), numSlices=slices)
               .mapPartitions(lambda it: (r for kind, path in it
                                          for r in read_task(kind, path, now)))
               .persist(disk))
    counts = results.map(lambda r: r[0]).countByValue()  # materialises: the reading happens here
    if not partitions:
        # Partitions grow with the corpus: one block of analysed articles must fit in an
        # executor's heap at once (at 100k articles, 4 partitions were ~600 MB each: OOM).
        parts = max(parts, -(-counts.get("ok", 0) // ARTICLES_PER_PARTITION))
        spark.conf.set("spark.sql.shuffle.partitions", str(parts))
    lap("read_analyse_s")

    # 3. ids in input order (zipWithIndex keeps partition order); a repeated (input, sha256)
    # is kept once, as Store.save keeps it once
    indexed = results.filter(lambda r: r[0] == "ok").map(lambda r: r[1]).zipWithIndex()
    key = indexed.map(lambda t: ((t[0].article.input, t[0].fingerprint.sha256), t[1]))
    dup_keys = set(key.map(lambda kv: (kv[0], 1)).reduceByKey(lambda x, y: x + y, parts)
                   .filter(lambda kv: kv[1] > 1).keys().collect())
    drop: set[int] = set()
    if dup_keys:
        for _, idxs in key.filter(lambda kv: kv[0] in dup_keys).groupByKey().collect():
            drop.update(sorted(idxs)[1:])
        articles = (indexed.filter(lambda t: t[1] not in drop).keys().zipWithIndex()
                    .map(lambda t: (t[1] + 1, t[0])))
    else:
        articles = indexed.map(lambda t: (t[1] + 1, t[0]))
    if articles.getNumPartitions() < parts:  # a few big files: spread the later stages
        articles = articles.repartition(parts)
    articles = articles.persist(disk)
    n_articles = counts.get("ok", 0) - len(drop)
    lap("ids_s")

    # 4. candidate pairs: explode keys, bucket sizes, self-join within capped buckets; as in
    # the store, a pair whose only shared key is one boilerplate passage (on more than
    # COMMON_KEY_ROWS rows, the later article's own aside) is no candidate
    keys = spark.createDataFrame(
        articles.flatMap(lambda t: ((k, t[0], n) for k, n in candidate_keys(t[1]))),
        "key string, id long, rows long", verifySchema=False).persist(disk)
    sizes = (keys.groupBy("key").agg(F.count("*").alias("size"), F.sum("rows").alias("key_rows"))
             .filter("size >= 2").persist(disk))
    skipped_rows = sizes.filter(F.col("size") > max_bucket).collect()
    members = keys.join(sizes.filter(F.col("size") <= max_bucket).select("key", "key_rows"), "key")
    a, b = members.alias("a"), members.alias("b")
    passage = F.col("key").startswith("p")
    pairs = (a.join(b, (F.col("a.key") == F.col("b.key")) & (F.col("a.id") < F.col("b.id")))
             .select(F.col("a.id").alias("i"), F.col("b.id").alias("j"), F.col("a.key").alias("key"),
                     (F.col("a.key_rows") - F.col("b.rows")).alias("others"))
             .groupBy("i", "j")
             .agg(F.count(F.when(~passage, 1)).alias("bands"), F.count(F.when(passage, 1)).alias("passages"),
                  F.min(F.when(passage, F.col("others"))).alias("fewest"))
             .filter((F.col("bands") > 0) | (F.col("passages") >= 2) | (F.col("fewest") <= COMMON_KEY_ROWS))
             .select("i", "j"))
    pair_rdd = pairs.rdd.map(lambda r: (r[0], r[1])).persist(disk)
    n_pairs = pair_rdd.count()
    keys.unpersist()
    sizes.unpersist()
    lap("candidates_s")

    # 5. exact verification with match.compare on both Stored records
    stored = articles.map(lambda t: (t[0], to_stored(t[0], t[1])))
    verified = (pair_rdd.join(stored, parts)
                .map(lambda kv: (kv[1][0], kv[1][1])).join(stored, parts)
                .flatMap(lambda kv: verify(kv[1][0], kv[1][1], now))
                .persist(disk))
    relations = dict(verified.map(lambda r: (r[0][2], 1)).countByKey())
    lap("verify_s")

    # 6. write the datasets (concurrent jobs: each is small next to its scheduling latency)
    def write(name, rows, n=None):
        df = spark.createDataFrame(rows, SCHEMAS[name], verifySchema=False)
        # coalesce: fewer files and tasks than the read slices (no shuffle, order kept)
        df.coalesce(n or parts).write.mode("overwrite").parquet(f"{out}/{name}")

    side = articles.flatMap(lambda t: side_rows(t[0], t[1])).persist(disk)
    jobs = [("articles", articles.map(lambda t: article_row(t[0], t[1])), None)]
    jobs += [(name, side.filter(lambda r, n=name: r[0] == n).map(lambda r: r[1]), None)
             for name in ("fingerprints", "bands", "paragraphs", "attributions", "chains",
                          "chain_hops")]
    jobs.append(("flags", side.filter(lambda r: r[0] == "flags").map(lambda r: r[1])
                 .union(verified.filter(lambda r: r[1] is not None).map(lambda r: r[1])), None))
    jobs.append(("links", verified.map(lambda r: r[0]), max(1, min(parts, 8))))
    failed = results.filter(lambda r: r[0] == "fail").map(lambda r: (r[1], r[2]))
    jobs.append(("failures", failed.union(sc.parallelize(list(problems), 1)), 1))
    jobs.append(("skipped_buckets",
                 sc.parallelize([(r["key"], r["size"]) for r in skipped_rows], 1), 1))
    with ThreadPoolExecutor(max_workers=4) as pool:
        for f in [pool.submit(write, *job) for job in jobs]:
            f.result()
    lap("write_s")
    for rdd in (side, verified, pair_rdd, articles, results):
        rdd.unpersist()
    return {
        "version": 1, "fingerprint_version": fp.VERSION, "now": now, "files": len(tasks),
        "articles": n_articles, "failed": counts.get("fail", 0) + len(problems),
        "duplicates_dropped": len(drop), "pairs": n_pairs,
        "links": sum(relations.values()), "relations": relations,
        "skipped_buckets": len(skipped_rows), "max_bucket": max_bucket, "partitions": parts,
        "read_tasks": slices, "job_s": round(sum(timings.values()), 2), "timings": timings,
    }
