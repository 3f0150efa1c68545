"""Command-line interface. Thin: parse flags, call the library, render, map errors to
exit codes (see ``tracer.errors.ExitCode``). No traceback reaches a user."""

from __future__ import annotations

import json
import signal
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from . import __version__
from .errors import ExitCode, StoreError, TracerError
from .settings import load as load_settings
from .settings import read_config

TRACE_FORMATS = ("text", "markdown", "json", "html")
REPORT_FORMATS = TRACE_FORMATS + ("claimreview",)
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json", "html": "html",
              "claimreview": "jsonld"}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _fail(e: TracerError) -> None:
    click.echo(f"tracer: error: {e}", err=True)
    sys.exit(int(e.exit_code))


def _open_store(db: str | None, settings, *, existing: bool = False):
    """The store; with ``existing``, only one already made (a read command pointed at a
    mistyped path would otherwise make an empty store there and answer with nothing)."""
    from .store import Store

    path = db or settings.db
    if existing and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no store here yet; trace articles into it first "
                         f"(tracer trace SOURCE --db {path}), or check --db / TRACER_DB")
    return Store(path, now=_now())


# Articles left to index before a search that are worth a line on stderr (a few seconds).
INDEX_NOTICE = 5_000

db_option = click.option("--db", type=click.Path(dir_okay=False),
                         help="SQLite store (default: $TRACER_DB or db/provenance.db)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tracer")
def cli():
    """Trace where a news story came from: copies, citation chains and flags."""


@cli.command()
@click.argument("sources", nargs=-1)
@db_option
@click.option("--format", "fmt", type=click.Choice(TRACE_FORMATS), default="text",
              show_default=True, help="report format on stdout")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one report object per input")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="also write one report file per article into DIR")
@click.option("--include-text", is_flag=True, help="include the article text in JSON")
@click.option("--from", "from_file", type=click.Path(dir_okay=False),
              help="read SOURCES from FILE, one per line")
@click.option("--jobs", type=int, help="worker processes (default: one per core)")
@click.option("--allow-private", is_flag=True, default=None,
              help="allow fetching loopback/private addresses (TRACER_ALLOW_PRIVATE=1)")
@click.option("--quiet", "-q", is_flag=True, help="no reports on stdout, only the summary")
def trace(sources, db, fmt, as_json, out_dir, include_text, from_file, jobs, allow_private,
          quiet):
    """Trace SOURCES (URLs, .html/.htm/.txt/.md files, gzipped or not, directories, - for stdin) into
    the store and print a report for each.

    Exit codes: 0 all traced, 1 nothing usable, 2 usage, 3 partial (some inputs
    failed; the rest are stored).
    """
    from . import pipeline, report

    if not sources and not from_file:
        raise click.UsageError("give at least one SOURCE (a URL, file, directory or -) or --from FILE")
    fmt = "json" if as_json else fmt
    settings = load_settings(jobs=jobs, allow_private=allow_private)
    try:
        store = _open_store(db, settings)
        run_id = store.start_run("trace", _now(), args=" ".join(sources))
        counts = {"inputs": 0, "traced": 0, "unchanged": 0, "failed": 0}
        color = fmt == "text" and sys.stdout.isatty()
        outcomes = pipeline.trace(sources, store, settings, now=_now(), from_file=from_file,
                                  stdin=sys.stdin.buffer, run_id=run_id,
                                  reports=not quiet or bool(out_dir))
        for outcome in _until_interrupted(outcomes, store, run_id, counts):
            counts["inputs"] += 1
            counts[outcome.status] += 1
            if outcome.error is not None:
                click.echo(f"tracer: error: {outcome.error}", err=True)
                if fmt == "json" and not quiet:
                    click.echo(json.dumps({"input": outcome.input, "error": outcome.error}))
                continue
            if outcome.trace is None:  # --quiet: no report asked for
                continue
            if out_dir:
                _write_report(out_dir, outcome.trace, fmt if fmt != "text" else "html",
                              include_text)
            if not quiet:
                text = report.render(outcome.trace, fmt, color=color, include_text=include_text)
                click.echo(text)
        code = _exit_code(counts)
        store.finish_run(run_id, now=_now(), status=code.name.lower(),
                         counts={**counts, "exit_code": int(code)})
    except TracerError as e:
        _fail(e)
    where = db or settings.db
    click.echo(f"tracer: {counts['inputs']} input(s): {counts['traced']} traced, "
               f"{counts['unchanged']} unchanged, {counts['failed']} failed; store {where}",
               err=True)
    sys.exit(int(code))


def _until_interrupted(outcomes, store, run_id: int, counts: dict):
    """The outcomes; on Ctrl-C the run is recorded as interrupted and the command ends with
    one line (the articles finished before it are committed on the way out)."""
    try:
        yield from outcomes
    except KeyboardInterrupt:
        # a second Ctrl-C must not cut the putting away short (it printed a traceback)
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            outcomes.close()  # commits the open group and stops the workers
            store.finish_run(run_id, now=_now(), status="interrupted",
                             counts={**counts, "exit_code": int(ExitCode.INTERRUPTED)})
        finally:
            signal.signal(signal.SIGINT, previous)
        click.echo(f"tracer: interrupted after {counts['inputs']} input(s) ({counts['traced']} "
                   f"traced, {counts['unchanged']} unchanged, {counts['failed']} failed), all "
                   "stored; run the same command again to finish (stored inputs come back unchanged)",
                   err=True)
        sys.exit(int(ExitCode.INTERRUPTED))


def _exit_code(counts: dict) -> ExitCode:
    if counts["failed"] == 0:
        return ExitCode.OK
    if counts["failed"] == counts["inputs"]:
        return ExitCode.ERROR
    return ExitCode.PARTIAL


def _write_report(out_dir: str, trace, fmt: str, include_text: bool) -> Path:
    from . import report

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"article-{trace.id}.{EXTENSIONS[fmt]}"
    path.write_text(report.render(trace, fmt, include_text=include_text), encoding="utf-8")
    return path


@cli.command(name="report")
@click.argument("article")
@db_option
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text",
              show_default=True, help="report format (claimreview: schema.org ClaimReview JSON-LD)")
@click.option("--include-text", is_flag=True, help="include the article text in JSON")
def report_cmd(article, db, fmt, include_text):
    """Print the report of a stored ARTICLE (its id, URL or input path).

    A file that is not in the store yet is traced first.
    """
    from . import pipeline, report

    settings = load_settings()
    try:
        store = _open_store(db, settings, existing=not Path(article).exists())
        try:
            found = pipeline.load_trace(store, article)
        except TracerError:
            if not Path(article).exists():
                raise
            outcome = next(pipeline.trace([article], store, load_settings(jobs=1), now=_now()))
            if outcome.error is not None:
                raise TracerError(outcome.error) from None
            found = outcome.trace
        click.echo(report.render(found, fmt, color=fmt == "text" and sys.stdout.isatty(),
                                 include_text=include_text))
    except TracerError as e:
        _fail(e)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one link object per line")
@click.option("--article", help="only links of this ARTICLE (id, URL or input path)")
def links(db, as_json, article):
    """List syndication links: which stored articles share text, and which came first."""
    from .linkview import link_object, render_link

    settings = load_settings()
    try:
        store = _open_store(db, settings, existing=True)
        article_id = store.get(article)["id"] if article else None
        for row in store.links(article_id):
            obj = link_object(row)
            click.echo(json.dumps(obj, ensure_ascii=False) if as_json else render_link(obj))
    except TracerError as e:
        _fail(e)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="JSON Lines (the default output)")
def attributions(files, as_json):
    """Who said what, through whom, in each FILE (no store). Offsets are into the
    file's decoded text."""
    from .attribution import extract
    from .decode import decode_file
    from .language import reads_english
    from .linkview import attribution_object

    failed = 0
    for name in files:
        try:
            text = decode_file(name)
        except TracerError as e:
            click.echo(f"tracer: error: {e}", err=True)
            failed += 1
            continue
        found = [attribution_object(a) for a in extract(text)]
        click.echo(json.dumps({"input": name, "attributions": found}, ensure_ascii=False))
        if not reads_english(text):
            click.echo(f"tracer: {name} does not read as English; attributions are read in English "
                       "only (credits naming known outlets aside)", err=True)
    if failed:
        sys.exit(int(ExitCode.ERROR if failed == len(files) else ExitCode.PARTIAL))


@cli.command()
@click.argument("query")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one hit per line")
def search(query, db, as_json):
    """Full-text search over stored articles (SQLite FTS5 syntax)."""
    from .copies import date_shown

    settings = load_settings()
    try:
        store = _open_store(db, settings, existing=True)
        pending = store.unindexed()
        if pending >= INDEX_NOTICE:
            click.echo(f"tracer: indexing {pending} stored article(s) for search first "
                       "(once; ~0.4 ms each)", err=True)
        rows = store.search(query)
    except TracerError as e:
        _fail(e)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        when = date_shown(row["published"], row["dateline_date"]) or "date unknown"
        click.echo(f"{row['id']:>6}  {when}  {row['outlet'] or '?'}  {row['title']}  "
                   f"({row['url'] or row['input']})")
    if not rows:
        click.echo(f"tracer: no stored article matches {query!r}", err=True)


@cli.command()
@db_option
def index(db):
    """Bring the full-text search index up to date (search and watch runs do it
    themselves; `make browse` runs this before Datasette opens the store)."""
    settings = load_settings()
    try:
        store = _open_store(db, settings, existing=True)
        added = store.refresh_search()
    except TracerError as e:
        _fail(e)
    click.echo(f"tracer: search index: {added} article(s) added; store {store.path}", err=True)


@cli.command()
@click.option("--feeds", required=True, type=click.Path(dir_okay=False),
              help="file of feed or sitemap URLs, one per line, # comments")
@click.option("--config", type=click.Path(dir_okay=False),
              help="settings file (KEY=VALUE lines, names as in the settings table)")
@db_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="write each new article's report and a run digest here")
@click.option("--allow-private", is_flag=True, default=None,
              help="allow fetching loopback/private addresses (TRACER_ALLOW_PRIVATE=1)")
def watch(feeds, config, db, out_dir, allow_private):
    """One monitoring run over FEEDS: the cron entry point.

    Exit codes: 0 all went well, 3 some items failed, 1 nothing could be done,
    4 another run holds the lock.
    """
    from . import watch as watcher

    try:
        overrides = read_config(config) if config else {}
        settings = load_settings(allow_private=allow_private, **overrides)
        store = _open_store(db, settings)
        summary = watcher.watch(feeds, store, settings, out_dir=out_dir)
    except TracerError as e:
        _fail(e)
    click.echo(summary.summary, err=True)
    sys.exit(int(summary.exit_code))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="directory for the Parquet datasets (articles, links, attributions, flags)")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL")
@click.option("--partitions", type=int, help="Spark partitions for the join stages")
@click.option("--max-bucket", type=int,
              help="skip band/passage keys shared by more articles (TRACER_SPARK_MAX_BUCKET)")
def spark(inputs, out_dir, master, partitions, max_bucket):
    """Fingerprint and link a corpus-sized archive on Apache Spark (pip install .[spark]).

    INPUTS are WARC files, JSON Lines or Parquet files of {url, html|text, title,
    published}, or a manifest (.txt) listing them. Load the results with `tracer import`.
    """
    try:
        from . import spark as spark_job
    except ImportError as e:
        _fail(TracerError(f"spark: PySpark is not installed ({e}); run "
                          "`.venv/bin/pip install -e '.[spark]'` or `make test-spark`"))
    try:
        summary = spark_job.run(list(inputs), out_dir, master=master, partitions=partitions,
                                max_bucket=max_bucket)
    except TracerError as e:
        _fail(e)
    click.echo(summary, err=True)


@cli.command(name="import")
@click.argument("parquet_dir", type=click.Path(file_okay=False))
@db_option
@click.option("--batch", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Articles per transaction (a bulk load; rerun to finish an interrupted one).")
def import_cmd(parquet_dir, db, batch):
    """Load Spark results (the Parquet datasets written by `tracer spark`) into the store.

    Exits 3 when the Spark run recorded failures (they are copied into the run's log)."""
    from .importer import import_parquet

    settings = load_settings()
    try:
        done = import_parquet(parquet_dir, _open_store(db, settings), now=_now(), batch=batch)
    except TracerError as e:
        _fail(e)
    click.echo(done.summary(), err=True)
    if done.failed:
        sys.exit(int(ExitCode.PARTIAL))


def main():  # pragma: no cover - console entry for `python -m tracer`
    cli()
