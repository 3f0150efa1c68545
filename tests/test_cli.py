"""Every CLI command through click's CliRunner, the seed end to end through --json."""

import json
import os
import shutil
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from tracer.cli import cli
from tracer.store import Store

SEED_CHAIN = ["Yonhap", "Sputnik", "Pakistan Point News"]


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_seed_end_to_end_json(seed_path, isolated_store):
    result = run("trace", str(seed_path), "--json")
    assert result.exit_code == 0, result.output
    (report,) = jsonl(result.stdout)
    names = [hop["name"] for hop in report["chain"]]
    assert "official" in names[0].lower()
    assert names[1:] == SEED_CHAIN
    assert report["layers"] == 3
    assert report["dateline"]["place"] == "MOSCOW"
    assert report["dateline"]["date"] == "2020-01-09"
    assert [c["name"] for c in report["credits"]] == ["Sputnik"]
    kinds = {f["kind"] for f in report["flags"]}
    assert {"duplicate-headline", "repeated-paragraph", "anonymous-source",
            "vague-attribution", "state-affiliated-source"} <= kinds
    for flag in report["flags"]:
        ev = flag["evidence"]
        if ev:
            text = seed_path.read_text(encoding="utf-8")
            assert text[ev["start"]:ev["end"]] == ev["text"]
    assert isolated_store.exists()


def test_seed_text_report_shows_chain_arrows(seed_path):
    result = run("trace", str(seed_path))
    assert result.exit_code == 0
    assert "Yonhap → Sputnik → Pakistan Point News" in result.stdout


def test_retrace_is_idempotent(seed_path, isolated_store):
    run("trace", str(seed_path))
    result = run("trace", str(seed_path))
    assert result.exit_code == 0
    assert "1 unchanged" in result.stderr
    store = Store(isolated_store)
    assert store.db["articles"].count == 1
    assert store.db["runs"].count == 2


def test_partial_failure_keeps_the_rest(seed_path, tmp_path, isolated_store):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("trace", str(tmp_path / "missing.txt"), str(empty), str(seed_path))
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("tracer: error:")]
    assert len(errors) == 2 and "missing.txt" in errors[0] and "empty.txt" in errors[1]
    assert "Traceback" not in result.output
    store = Store(isolated_store)
    assert store.db["articles"].count == 1
    assert store.db["failures"].count == 2
    assert list(store.db["runs"].rows)[0]["status"] == "partial"


def test_all_failed_is_exit_1(tmp_path):
    result = run("trace", str(tmp_path / "nope.html"))
    assert result.exit_code == 1
    assert "nope.html" in result.stderr


def test_no_sources_is_usage_error():
    result = run("trace")
    assert result.exit_code == 2


def test_json_lines_keep_input_order_with_errors(seed_path, tmp_path):
    result = run("trace", str(tmp_path / "missing.txt"), str(seed_path), "--json")
    objs = jsonl(result.stdout)
    assert [o["input"] for o in objs] == [str(tmp_path / "missing.txt"), str(seed_path)]
    assert "error" in objs[0] and objs[1]["layers"] == 3


def test_report_formats(seed_path):
    run("trace", str(seed_path), "--quiet")
    md = run("report", str(seed_path), "--format", "markdown")
    assert md.exit_code == 0 and "Yonhap" in md.stdout and "```mermaid" in md.stdout
    js = json.loads(run("report", str(seed_path), "--format", "json").stdout)
    assert js["layers"] == 3 and js["schema_version"]
    html = run("report", "1", "--format", "html").stdout
    assert html.lstrip().lower().startswith("<!doctype html") and "Sputnik" in html


def test_report_traces_an_untraced_file(seed_path):
    result = run("report", str(seed_path), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["layers"] == 3


def test_report_unknown_article(seed_path):
    assert run("trace", str(seed_path), "-q").exit_code == 0
    result = run("report", "12345")
    assert result.exit_code == 1 and "not in the store" in result.stderr


def test_copies_and_links(seed_path, tmp_path):
    copy = tmp_path / "copy.txt"
    text = seed_path.read_text(encoding="utf-8")
    copy.write_text(text.replace("MOSCOW (Pakistan Point News / Sputnik - 09th January, 2020) ",
                                 ""), encoding="utf-8")
    run("trace", str(seed_path), str(copy), "--quiet")
    links = jsonl(run("links", "--json").stdout)
    assert len(links) == 1
    link = links[0]
    assert {link["source"]["input"], link["target"]["input"]} == {str(seed_path), str(copy)}
    assert link["relation"] in {"verbatim", "derived"}
    assert link["similarity"] > 0.8 and link["shared_passages"]
    only = run("links", "--article", str(copy))
    assert only.exit_code == 0 and "→" in only.stdout
    report = json.loads(run("report", str(copy), "--format", "json").stdout)
    assert len(report["copies"]) == 1
    # the copy names no outlet: its own row says so, as the other rows do
    md = run("report", str(copy), "--format", "markdown").stdout
    assert "| **unknown outlet** (this article) |" in md and "this article** (this article)" not in md


def test_a_later_dateline_is_the_later_copy_whatever_was_stored_first(seed_path, tmp_path):
    """Neither text file carries a date of its own; their datelines do."""
    refiled = tmp_path / "refiled.txt"
    refiled.write_text(seed_path.read_text(encoding="utf-8").replace(
        "Sputnik - 09th January, 2020)", "Sputnik - 10th January, 2020)"), encoding="utf-8")
    run("trace", str(refiled), str(seed_path), "--quiet")  # the later one gets the lower id
    (link,) = jsonl(run("links", "--json").stdout)
    assert (link["source"]["input"], link["target"]["input"]) == (str(seed_path), str(refiled))
    assert "dateline dated 2020-01-09 before dateline dated 2020-01-10" in link["evidence"]
    assert (link["source"]["dateline_date"], link["target"]["dateline_date"]) == ("2020-01-09", "2020-01-10")
    # the terminal line says which came first and why; the report orders and dates the copies
    ends, overlap, why = run("links").stdout.rstrip("\n").split("\n")
    assert ends.startswith("#2 Pakistan Point News (dateline 2020-01-09) → #1 ")
    assert overlap.startswith("    derived, similarity ") and "shared passage" in overlap
    assert why == "    source first: dateline dated 2020-01-09 before dateline dated 2020-01-10"
    report = run("report", str(refiled)).stdout
    assert "earliest: Pakistan Point News, 2020-01-09 (dateline)" in report
    assert report.index("  2020-01-09 (dateline)  Pakistan Point News  derived") < report.index(
        "  2020-01-10 (dateline)  Pakistan Point News  (this article)")
    assert "some copies carry no date" not in report
    (copy,) = json.loads(run("report", str(refiled), "--format", "json").stdout)["copies"]
    assert copy["published"] is None and copy["dateline_date"] == "2020-01-09" and copy["earlier"]


def test_attributions_command(seed_path):
    result = run("attributions", str(seed_path), "--json")
    assert result.exit_code == 0
    (obj,) = jsonl(result.stdout)
    assert obj["input"] == str(seed_path)
    text = seed_path.read_text(encoding="utf-8")
    assert obj["attributions"]
    for a in obj["attributions"]:
        assert text[a["cue"]["start"]:a["cue"]["end"]] == a["cue"]["text"]
    assert any("Yonhap" in a["via"] for a in obj["attributions"])


def test_attributions_missing_file(tmp_path):
    result = run("attributions", str(tmp_path / "x.txt"))
    assert result.exit_code == 1 and "x.txt" in result.stderr


def test_search(seed_path):
    run("trace", str(seed_path), "--quiet")
    result = run("search", "Yonhap")
    assert result.exit_code == 0 and "Cost-Sharing" in result.stdout
    # dated by its dateline (the seed page gives no date), and named by where it came from
    assert "  2020-01-09 (dateline)  Pakistan Point News  " in result.stdout
    assert result.stdout.rstrip().endswith(f"({seed_path})")
    (row,) = jsonl(run("search", "Yonhap", "--json").stdout)
    assert row["dateline_date"] == "2020-01-09" and row["published"] is None
    nothing = run("search", "zebra")
    assert nothing.exit_code == 0 and nothing.stdout == ""
    assert "no stored article matches 'zebra'" in nothing.stderr


def test_index_brings_the_search_index_up_to_date(seed_path):
    run("trace", str(seed_path), "--quiet")
    first = run("index")
    assert first.exit_code == 0 and "search index: 1 article(s) added" in first.stderr
    assert "search index: 0 article(s) added" in run("index").stderr


def test_search_says_when_it_indexes_many_articles_first(seed_path, monkeypatch):
    from tracer import cli as cli_module

    run("trace", str(seed_path), "--quiet")
    monkeypatch.setattr(cli_module, "INDEX_NOTICE", 1)
    first = run("search", "Yonhap")
    assert "indexing 1 stored article(s) for search first" in first.stderr
    assert "Cost-Sharing" in first.stdout
    assert "indexing" not in run("search", "Yonhap").stderr  # done once


def test_stdin_and_from_file(seed_path, tmp_path):
    result = run("trace", "-", "--json", input=seed_path.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and jsonl(result.stdout)[0]["layers"] == 3
    listing = tmp_path / "list.txt"
    listing.write_text(f"# inputs\n{seed_path}\n")
    result = run("trace", "--from", str(listing), "--json")
    assert jsonl(result.stdout)[0]["input"] == str(seed_path)


def test_directory_and_out_dir(seed_path, tmp_path):
    corpus = tmp_path / "corpus" / "nested"
    corpus.mkdir(parents=True)
    shutil.copy(seed_path, corpus / "seed.txt")
    out = tmp_path / "reports"
    result = run("trace", str(tmp_path / "corpus"), "--out", str(out), "--format", "html")
    assert result.exit_code == 0
    files = list(out.glob("*.html"))
    assert len(files) == 1 and "Pakistan Point News" in files[0].read_text(encoding="utf-8")


PAGE = b"""<!doctype html><html><head><title>Storm closes port - Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Storm closes port</h1>
<p>WASHINGTON (AP) \xe2\x80\x94 A storm closed the port on Tuesday, the harbour master said, adding that ships would wait offshore until the wind dropped.</p>
<p>"We cannot risk the crews," harbour master Jane Doe told reporters at the quay on Tuesday afternoon.</p>
<p>According to local media reports, dozens of containers fell into the sea overnight near the breakwater.</p>
</article><footer>Copyright Example Times</footer></body></html>"""


@pytest.fixture
def server():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/story":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(PAGE)
            elif self.path == "/old":
                self.send_response(301)
                self.send_header("Location", "/story")
                self.end_headers()
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_url_input_from_local_server(server, monkeypatch):
    monkeypatch.setenv("TRACER_ALLOW_PRIVATE", "1")
    result = run("trace", f"{server}/old", f"{server}/gone", "--json")
    assert result.exit_code == 3
    ok, gone = jsonl(result.stdout)
    assert ok["url"] == f"{server}/story"
    assert ok["title"].startswith("Storm closes port")
    assert [c["name"] for c in ok["credits"]] == ["Associated Press"]
    assert "404" in gone["error"] and "/gone" in gone["error"]


def test_private_address_refused_by_default(server, monkeypatch):
    monkeypatch.delenv("TRACER_ALLOW_PRIVATE", raising=False)
    result = run("trace", f"{server}/story")
    assert result.exit_code == 1
    assert "private" in result.stderr.lower() or "loopback" in result.stderr.lower()


def _stories(corpus, n: int):
    """``n`` short, distinct stories as 00.txt, 01.txt, ... in ``corpus``."""
    corpus.mkdir()
    for i in range(n):
        (corpus / f"{i:02d}.txt").write_text(
            f"Story {i}\n\nThe mayor said on Monday that item {i} of the plan would go ahead, "
            f"according to a statement, adding that story {i} was unique.\n", encoding="utf-8")
    return corpus


def test_worker_pool_keeps_input_order(seed_path, tmp_path, isolated_store):
    corpus = _stories(tmp_path / "corpus", 12)
    (corpus / "05.txt").write_text("")  # one failure in the middle
    result = run("trace", str(corpus), str(seed_path), "--jobs", "2", "--json")
    assert result.exit_code == 3
    objs = jsonl(result.stdout)
    assert [o["input"] for o in objs] == [str(corpus / f"{i:02d}.txt") for i in range(12)] + [
        str(seed_path)]
    assert "error" in objs[5] and objs[-1]["layers"] == 3
    assert Store(isolated_store).db["articles"].count == 12


def test_ctrl_c_keeps_what_was_traced_and_records_the_run(tmp_path, isolated_store, monkeypatch):
    from tracer import pipeline

    corpus = _stories(tmp_path / "corpus", 5)
    real = pipeline.commit

    def commit(store, analysis, **kwargs):
        if analysis.article.input.endswith("3.txt"):
            raise KeyboardInterrupt  # Ctrl-C while the fourth article is being stored
        return real(store, analysis, **kwargs)

    monkeypatch.setattr(pipeline, "commit", commit)
    real_finish = Store.finish_run

    def impatient_finish(self, *args, **kwargs):  # Ctrl-C again while the run is put away
        os.kill(os.getpid(), signal.SIGINT)
        return real_finish(self, *args, **kwargs)

    monkeypatch.setattr(Store, "finish_run", impatient_finish)
    handler = signal.getsignal(signal.SIGINT)
    result = run("trace", str(corpus), "-q")
    assert signal.getsignal(signal.SIGINT) is handler  # restored
    assert result.exit_code == 130
    assert "interrupted after 3 input(s) (3 traced, 0 unchanged, 0 failed)" in result.stderr
    assert "run the same command again" in result.stderr
    store = Store(isolated_store)
    assert store.db["articles"].count == 3
    assert [(r["status"], r["traced"], r["exit_code"]) for r in store.db["runs"].rows] == [
        ("interrupted", 3, 130)]


def test_every_option_of_every_command_says_what_it_does():
    import click

    from tracer.cli import cli

    silent = [f"{name} {param.opts[0]}" for name, command in cli.commands.items()
              for param in command.params
              if isinstance(param, click.Option) and not param.help and param.name != "help"]
    assert silent == []


@pytest.mark.parametrize("args", [["links"], ["search", "Clinton"], ["index"], ["report", "1"]])
def test_a_read_command_on_a_missing_store_says_so_and_makes_none(tmp_path, args):
    db = tmp_path / "typo" / "provenance.db"
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 1
    assert "no store here yet" in result.output and "tracer trace SOURCE" in result.output
    assert not db.exists() and not db.parent.exists()


def test_a_gzipped_page_traces_and_a_broken_one_fails_alone(tmp_path, seed_path, isolated_store):
    import gzip

    good = tmp_path / "seed.txt.gz"
    good.write_bytes(gzip.compress(seed_path.read_bytes()))
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"<html>not gzipped</html>")
    result = run("trace", str(good), str(broken), "--json")
    assert result.exit_code == 3
    report, failure = jsonl(result.stdout)
    assert report["input"] == str(good) and report["layers"] == 3
    assert [hop["name"] for hop in report["chain"]][1:] == SEED_CHAIN
    assert failure["input"] == str(broken) and "not a readable gzip file" in failure["error"]
    assert f"{broken}: not a readable gzip file" in result.stderr
