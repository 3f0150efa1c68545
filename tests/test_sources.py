import io
import os
from pathlib import Path

import pytest

from tracer import sources
from tracer.errors import InputError
from tracer.sources import Input, expand, read, sniff


def touch(path: Path, text: str = "Headline\n\nBody.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_urls_and_schemes():
    got = list(expand(["https://example.com/a", "http://example.com/b", "ftp://example.com/c", "file:///tmp/x.html"]))
    assert [(i.kind, i.name, i.error) for i in got[:2]] == [
        ("url", "https://example.com/a", None),
        ("url", "http://example.com/b", None),
    ]
    assert got[2].error == "ftp://example.com/c: unsupported URL scheme 'ftp'; use an http(s) URL or a file path"
    assert "pass the file path instead" in got[3].error


def test_files_by_extension(tmp_path):
    names = ["a.html", "b.HTM", "c.txt", "d.md"]
    for name in names:
        touch(tmp_path / name)
    got = list(expand([str(tmp_path / n) for n in names]))
    assert [i.kind for i in got] == ["html", "html", "text", "text"]
    assert all(i.error is None and i.path == Path(i.name) for i in got)


def test_explicit_file_with_other_extension_is_an_error(tmp_path):
    path = touch(tmp_path / "notes.pdf")
    [got] = expand([str(path)])
    assert got.error == (f"{path}: unsupported file type '.pdf'; give a .html, .htm, .txt or .md file "
                         "(or one of those gzipped, .html.gz)")


def test_missing_path():
    [got] = expand(["missing.txt"])
    assert got.error == "missing.txt: no such file or directory; check the path"


def test_directory_recursive_sorted_hidden_and_others_skipped(tmp_path):
    for rel in ["b.txt", "a.html", "sub/c.md", "sub/deeper/d.htm", "z.txt", "image.png", ".hidden.txt",
                ".git/e.txt", "sub/.cache/f.html"]:
        touch(tmp_path / rel)
    got = list(expand([str(tmp_path)]))
    root = str(tmp_path)
    assert [i.name for i in got] == [
        os.path.join(root, "a.html"),
        os.path.join(root, "b.txt"),
        os.path.join(root, "sub", "c.md"),
        os.path.join(root, "sub", "deeper", "d.htm"),
        os.path.join(root, "z.txt"),
    ]
    assert all(i.error is None for i in got)


def test_a_list_of_urls_in_a_directory_is_skipped_but_refused_when_named(tmp_path, capsys):
    from tracer.cli import cli

    (tmp_path / "feeds.txt").write_text("# feeds\nhttps://a.example/rss\nhttps://b.example/rss\n")
    (tmp_path / "story.txt").write_text("Headline here\n\nThe mayor said the bridge would reopen in May.\n")
    assert [Path(i.name).name for i in expand([str(tmp_path)])] == ["story.txt"]
    assert [Path(i.name).name for i in expand([str(tmp_path / "feeds.txt")])] == ["feeds.txt"]
    db = str(tmp_path / "t.db")
    with pytest.raises(SystemExit) as done:
        cli.main(["trace", str(tmp_path / "feeds.txt"), "--db", db, "-q"], prog_name="tracer")
    assert done.value.code == 1 and "a list of URLs, not an article" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        cli.main(["trace", str(tmp_path), "--db", db, "-q"], prog_name="tracer")
    assert done.value.code == 0 and "1 traced, 0 unchanged, 0 failed" in capsys.readouterr().err


def test_directory_symlink_loop_terminates(tmp_path):
    touch(tmp_path / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    got = list(expand([str(tmp_path)]))
    assert [Path(i.name).name for i in got] == ["a.txt"]


def test_expand_is_lazy(tmp_path):
    touch(tmp_path / "a.txt")
    stream = expand([str(tmp_path), "missing.txt"])
    assert next(stream).name.endswith("a.txt")  # the second source is not looked at yet


def test_stdin_source():
    [got] = expand(["-"])
    assert got == Input("stdin", "-", None)


def test_from_file(tmp_path):
    page = touch(tmp_path / "page.html", "<html></html>")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# comment\n\nhttps://example.com/a\n  {page}  \n\n# another\nmissing.md\n", encoding="utf-8")
    got = list(expand(["https://example.com/first"], from_file=str(listing)))
    assert [i.name for i in got] == ["https://example.com/first", "https://example.com/a", str(page), "missing.md"]
    assert got[3].error.startswith("missing.md: no such file")


def test_from_file_missing():
    [got] = expand([], from_file="nolist.txt")
    assert got.error == "nolist.txt: list file not found; check the --from path"


def test_unreadable_file_in_directory(tmp_path, monkeypatch):
    touch(tmp_path / "ok.txt")
    touch(tmp_path / "secret.txt")
    real_access = os.access
    # root reads everything whatever the mode bits say, so simulate the refusal
    monkeypatch.setattr(sources.os, "access", lambda p, mode: not str(p).endswith("secret.txt") and real_access(p, mode))
    got = list(expand([str(tmp_path)]))
    assert [i.error for i in got] == [None, f"{tmp_path / 'secret.txt'}: permission denied; check the file's permissions"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permission bits")
def test_unreadable_file_real_permissions(tmp_path):
    path = touch(tmp_path / "secret.txt")
    path.chmod(0)
    try:
        [got] = expand([str(path)])
        assert "permission denied" in got.error
    finally:
        path.chmod(0o644)


def test_read_file_and_size_cap(tmp_path):
    path = touch(tmp_path / "a.txt", "x" * 100)
    [inp] = expand([str(path)])
    assert read(inp, max_bytes=100) == b"x" * 100
    with pytest.raises(InputError, match=r"a.txt: larger than 99 bytes; raise max_bytes"):
        read(inp, max_bytes=99)


def test_read_size_message_uses_thousands():
    inp = Input("stdin", "-", None)
    with pytest.raises(InputError, match=r"^-: larger than 10,000,000 bytes"):
        read(inp, max_bytes=10_000_000, stdin=io.BytesIO(b"x" * 10_000_001))


def test_read_errors_are_input_errors(tmp_path, monkeypatch):
    [missing] = expand(["missing.txt"])
    with pytest.raises(InputError, match="^missing.txt: no such file"):
        read(missing, max_bytes=10)
    gone = Input("text", "gone.txt", tmp_path / "gone.txt")  # vanished after expand
    with pytest.raises(InputError, match="^gone.txt: no such file"):
        read(gone, max_bytes=10)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(InputError, match="^locked.txt: permission denied"):
        read(Input("text", "locked.txt", tmp_path / "locked.txt"), max_bytes=10)


def test_read_url_is_refused():
    with pytest.raises(InputError, match="a URL, not a file"):
        read(Input("url", "https://example.com", None), max_bytes=10)


def test_read_stdin():
    assert read(Input("stdin", "-", None), max_bytes=100, stdin=io.BytesIO(b"<html>")) == b"<html>"


def test_sniff():
    assert sniff(b"  \n<!DOCTYPE html><html>") == "html"
    assert sniff(b"\xef\xbb\xbf<p>hi</p>") == "html"
    assert sniff(b"Headline\n\nSome text about <html> tags") == "html"
    assert sniff(b"Headline\n\nBody text.") == "text"


def test_missing_path_that_looks_like_a_url_gets_a_hint():
    [got] = expand(["www.example.com/story"])
    assert got.error == "www.example.com/story: no such file or directory; check the path, or add https:// for a URL"
    [got] = expand(["news.example.org/a/b.html"])
    assert got.error.endswith("add https:// for a URL")
    [got] = expand(["missing/story.txt"])
    assert got.error.endswith("; check the path")


def test_gzipped_pages_and_texts_are_read_decompressed(tmp_path):
    import gzip

    (tmp_path / "a.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress("Headline\n\nBody.\n".encode()))
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(b"x"))  # an archive: skipped in a directory
    got = list(expand([str(tmp_path)]))
    assert [(Path(i.name).name, i.kind) for i in got] == [("a.html.gz", "html"), ("b.txt.gz", "text")]
    assert read(got[0], 1000) == b"<html><body><p>Hi</p></body></html>"
    assert read(got[1], 1000) == "Headline\n\nBody.\n".encode()


def test_a_gzipped_file_is_capped_decompressed_and_a_broken_one_is_named(tmp_path):
    import gzip

    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))  # ~5 KB that inflates to 5 MB
    [inp] = expand([str(bomb)])
    with pytest.raises(InputError, match="larger than 1,000,000 bytes"):
        read(inp, 1_000_000)
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"not gzip at all")
    [inp] = expand([str(broken)])
    with pytest.raises(InputError, match=r"broken.txt.gz: not a readable gzip file .*; decompress it, or give the page itself"):
        read(inp, 1000)
    truncated = tmp_path / "cut.html.gz"
    truncated.write_bytes(gzip.compress(b"<p>" + b"a" * 10_000)[:40])
    [inp] = expand([str(truncated)])
    with pytest.raises(InputError, match="not a readable gzip file"):
        read(inp, 100_000)
