"""Load the Parquet datasets written by ``tracer spark`` into the SQLite store.

Every article is rebuilt as the dataclasses the pipeline hands to ``Store.save`` and saved
through it (the same write path as ``tracer trace``), so an article already stored with the
same input and sha256 is not stored twice and its existing id is used. Unlike ``trace``,
the import commits ``batch`` articles per transaction (a bulk load: one commit per article
would dominate a 10M-article import); an interrupted import loses at most the open batch,
and running it again completes it, since nothing is stored twice. Links are re-mapped onto
the store ids and saved with ``Store.save_links`` (a pair already linked either way is skipped); the ``uncredited-copy`` flag of each new link
is recomputed by ``copies.uncredited_copy`` on the stored records, as ``pipeline.link_copies``
does, because its message names the store id of the source. Importing twice adds nothing.

Reads with pyarrow (installed with ``.[spark]``); never imports PySpark.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import fingerprint as fp
from .copies import passages_from_json, uncredited_copy
from .errors import TracerError
from .models import (
    Article,
    Attribution,
    Chain,
    ChainHop,
    Credit,
    Dateline,
    Fingerprint,
    Flag,
    Label,
    Link,
    Outlet,
    ParagraphHash,
    Span,
)
from .normalize import paragraphs as split_paragraphs
from .store import _unpack

BATCH = 1000


class _Dir:
    """The output directory: a local path, or a URI (``s3://``, ``hdfs://``, ``file://``)
    read through fsspec, so a cluster's ``--out`` can be imported where it was written."""

    def __init__(self, where: str):
        from .remote import filesystem, is_uri

        self.name = where.rstrip("/")
        self.fs, self.root = filesystem(self.name) if is_uri(self.name) else (None, self.name)

    def is_dir(self) -> bool:
        return self.fs.isdir(self.root) if self.fs else Path(self.root).is_dir()

    def exists(self, name: str) -> bool:
        path = f"{self.root}/{name}"
        return self.fs.exists(path) if self.fs else Path(path).exists()

    def read(self, name: str):
        import pyarrow.parquet as pq

        return pq.read_table(f"{self.root}/{name}", filesystem=self.fs)


def _read(parquet_dir: _Dir, name: str, *, required: bool = True):
    path = f"{parquet_dir.name}/{name}"
    if not parquet_dir.exists(name):
        if required:
            raise TracerError(f"{parquet_dir.name}: no '{name}' dataset; give the --out "
                              "directory of a finished `tracer spark` run")
        return None
    try:
        return parquet_dir.read(name)
    except Exception as e:  # pyarrow raises ArrowInvalid, OSError, ...
        raise TracerError(f"{path}: cannot read the Parquet dataset ({type(e).__name__}: {e}); "
                          "run `tracer spark` again") from None


class _Grouped:
    """Rows of one dataset by article id, sorted once; ``rows(id)`` slices without a scan."""

    def __init__(self, table, key: str = "article_id", order: tuple[str, ...] = ()):
        import numpy as np

        if table is None or table.num_rows == 0:
            self.table, self.keys = None, np.zeros(0, dtype=np.int64)
            return
        self.table = table.sort_by([(key, "ascending")] + [(c, "ascending") for c in order])
        self.keys = self.table.column(key).to_numpy()

    def rows(self, article_id: int) -> list[dict]:
        if self.table is None:
            return []
        lo = int(self.keys.searchsorted(article_id, "left"))
        hi = int(self.keys.searchsorted(article_id, "right"))
        return self.table.slice(lo, hi - lo).to_pylist() if hi > lo else []


def _span(row: dict, prefix: str) -> Span | None:
    if row.get(f"{prefix}_text") is None:
        return None
    return Span(row[f"{prefix}_text"], row[f"{prefix}_start"], row[f"{prefix}_end"])


def _span_d(d) -> Span | None:
    return None if not d else Span(d["text"], d["start"], d["end"])


def _labels(items) -> tuple[Label, ...]:
    return tuple(Label(x["label"], x["meaning"], x["source"]) for x in items or ())


def _outlet(raw: str | None) -> Outlet | None:
    if not raw:
        return None
    d = json.loads(raw)
    return Outlet(d["name"], d.get("domain"), d.get("kind", "outlet"), _labels(d.get("labels")),
                  tuple(d.get("aliases") or ()))


def _dateline(raw: str | None) -> Dateline | None:
    if not raw:
        return None
    d = json.loads(raw)
    return Dateline(d.get("place"), d.get("date"), d.get("publisher"),
                    tuple(d.get("credits") or ()), _span_d(d["span"]), bool(d.get("carried")))


def rebuild(row: dict, fp_row: dict | None, bands: list[dict], hashes: list[dict],
            atts: list[dict], chains: list[dict], hops: list[dict], flags: list[dict]) -> dict:
    """One article's rows -> the keyword arguments of ``Store.save``."""
    article = Article(
        input=row["input"], title=row["title"] or "", text=row["text"],
        paragraphs=split_paragraphs(row["text"]), url=row["url"], canonical=row["canonical"],
        site_name=row["site_name"], published=row["published"], author=row["author"],
        fetched_at=row["fetched_at"], redirects=tuple(json.loads(row["redirects"] or "[]")),
        content_type=row["content_type"] or "text",
    )
    if fp_row is None:
        raise TracerError(f"{row['input']}: no fingerprint row in the Spark output; "
                          "run `tracer spark` again")
    fingerprint = Fingerprint(
        version=fp_row["version"], sha256=fp_row["sha256"],
        signature=_unpack(fp_row["signature"]), bands=tuple(b["band"] for b in bands),
        shingles=_unpack(fp_row["shingles"], fp_row.get("n_shingles")),
        paragraphs=tuple(ParagraphHash(h["hash"], h["start"], h["end"])
                         for h in hashes if h["kind"] == "paragraph"),
        sentences=tuple(ParagraphHash(h["hash"], h["start"], h["end"])
                        for h in hashes if h["kind"] == "sentence"),
    )
    if fingerprint.version != fp.VERSION:  # written by an earlier tracer: not comparable
        fingerprint = fp.fingerprint(article.text, skip=fp.body_start(article.text, article.title))
    credits = tuple(Credit(c["name"], c["kind"], _span_d(c.get("evidence")), c.get("link"))
                    for c in json.loads(row["credits"] or "[]"))
    attributions = tuple(
        Attribution(cue=_span(a, "cue"), kind=a["kind"], source=_span(a, "source"),
                    content=_span(a, "content"), speaker=a["speaker"],
                    via=tuple(json.loads(a["via"] or "[]")), anonymous=bool(a["anonymous"]),
                    vague=bool(a["vague"]), rule=a["rule"] or "")
        for a in atts)
    by_chain: dict[int, list[ChainHop]] = {}
    for h in hops:
        by_chain.setdefault(h["chain_idx"], []).append(
            ChainHop(h["name"], h["kind"], _span(h, "evidence"),
                     _labels(json.loads(h["labels"] or "[]")), h.get("link")))  # (not before 1.4)
    built = tuple(Chain(tuple(by_chain.get(c["idx"], ()))) for c in chains)
    own = tuple(Flag(f["kind"], f["message"], _span(f, "evidence"),
                     tuple(_span_d(s) for s in json.loads(f["related"] or "[]")))
                for f in flags if f["source_id"] is None)
    return {"article": article, "fingerprint": fingerprint, "outlet": _outlet(row["outlet"]),
            "dateline": _dateline(row["dateline"]), "credits": credits,
            "attributions": attributions, "chains": built, "flags": own,
            "raw_sha256": row["raw_sha256"]}


@dataclass(frozen=True)
class Imported:
    """What one import did."""

    source: str
    added: int
    unchanged: int
    new_links: int
    links: int  # link rows in the Spark output
    failed: int  # failure rows in the Spark output, recorded in the run

    def summary(self) -> str:
        return (f"import: {self.added} articles added, {self.unchanged} already stored, "
                f"{self.new_links} new links (of {self.links}), "
                f"{self.failed} failures recorded, from {self.source}")


def import_parquet(parquet_dir: str, store, *, now: str, batch: int = BATCH) -> Imported:
    """Load a ``tracer spark`` output directory into ``store``, ``batch`` articles per commit."""
    base = _Dir(str(parquet_dir))
    if not base.is_dir():
        raise TracerError(f"{parquet_dir}: not a directory; give the --out directory of "
                          "`tracer spark`")
    articles = _read(base, "articles")
    fps = _Grouped(_read(base, "fingerprints"))
    bands = _Grouped(_read(base, "bands", required=False))
    hashes = _Grouped(_read(base, "paragraphs", required=False), order=("idx",))
    atts = _Grouped(_read(base, "attributions", required=False), order=("idx",))
    chains = _Grouped(_read(base, "chains", required=False), order=("idx",))
    hops = _Grouped(_read(base, "chain_hops", required=False), order=("chain_idx", "position"))
    flags = _Grouped(_read(base, "flags", required=False), order=("idx",))
    links = _read(base, "links", required=False)

    run_id = store.start_run("import", now, args=str(parquet_dir))
    ids: dict[int, int] = {}
    created = unchanged = 0
    batch = max(1, batch)
    for chunk in articles.sort_by("id").to_batches(max_chunksize=batch):
        with store.transaction():  # Store.save joins it: one commit per chunk
            for row in chunk.to_pylist():
                i = row["id"]
                fp_rows = fps.rows(i)
                kw = rebuild(row, fp_rows[0] if fp_rows else None, bands.rows(i),
                             hashes.rows(i), atts.rows(i), chains.rows(i), hops.rows(i),
                             flags.rows(i))
                store_id, new = store.save(**kw, now=now, run_id=run_id)
                ids[i] = store_id
                created += new
                unchanged += not new

    new_links = []
    if links is not None and links.num_rows:
        rows = links.sort_by([("source_id", "ascending"), ("target_id", "ascending")])
        batch_links = [
            Link(source_id=ids[r["source_id"]], target_id=ids[r["target_id"]],
                 relation=r["relation"], similarity=r["similarity"],
                 containment=r["containment"], passages=passages_from_json(r["passages"]),
                 evidence=tuple(json.loads(r["evidence"] or "[]")))
            for r in rows.to_pylist() if r["source_id"] in ids and r["target_id"] in ids
        ]
        for start in range(0, len(batch_links), batch):
            part = batch_links[start:start + batch]
            with store.transaction():  # the links and the flags they raise, one commit
                added = store.save_links(part, now)
                for link in added:  # as pipeline.link_copies: the target may carry uncredited text
                    source, target = store.party(link.source_id), store.party(link.target_id)
                    flag = uncredited_copy(target, source, link.passages)
                    if flag:
                        store.add_flags(target.id, [flag])
            new_links += added

    store.refresh_search()  # a bulk load: index it once now, not at the first search
    failures = _read(base, "failures", required=False)
    failed = 0 if failures is None else failures.num_rows
    for r in ([] if failures is None else failures.to_pylist()):
        store.record_failure(run_id, r["input"], r["reason"], now)
    store.finish_run(run_id, now=now, status="ok" if not failed else "partial",
                     counts={"inputs": len(ids) + failed, "traced": created,
                             "unchanged": unchanged, "failed": failed})
    return Imported(str(parquet_dir), created, unchanged, len(new_links),
                    0 if links is None else links.num_rows, failed)
