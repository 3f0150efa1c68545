"""SOURCE arguments -> inputs: URLs, .html/.htm/.txt/.md files (gzipped too), directories, stdin,
list files.

``expand`` is lazy: a corpus directory is walked one entry at a time and nothing is read.
A source that cannot be used becomes an ``Input`` with ``error`` set (failures are data, the
batch goes on); ``read`` raises ``InputError`` for the caller to record.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt", ".md"})
GZIP_SUFFIX = ".gz"  # "page.html.gz", "story.txt.gz": read decompressed
_FILE_TYPES = "a .html, .htm, .txt or .md file (or one of those gzipped, .html.gz)"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_LOOKS_LIKE_HOST = re.compile(r"^(www\.|[\w-]+(\.[\w-]+)*\.[a-z]{2,}/)", re.I)  # "example.com/news"


@dataclass(frozen=True)
class Input:
    """One thing to trace. ``kind``: "url" | "html" | "text" | "stdin"."""

    kind: str
    name: str  # what the user typed, or the file path joined under the directory given
    path: Path | None
    error: str | None = None  # one line: why this input cannot be used and what to do


def expand(sources: Iterable[str], from_file: str | None = None) -> Iterator[Input]:
    """Every input named by ``sources``, then by ``from_file`` (one source per line), in order."""
    for source in sources:
        yield from _expand_one(source)
    if from_file is not None:
        yield from _expand_list(from_file)


def _expand_list(list_file: str) -> Iterator[Input]:
    # Relative paths in a list file are taken as given (relative to the working directory),
    # like `xargs` or `wget -i`, so a list written by `find` works unchanged.
    try:
        with open(list_file, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                line = line.strip()
                if line and not line.startswith("#"):
                    yield from _expand_one(line)
    except FileNotFoundError:
        yield Input("text", list_file, Path(list_file), f"{list_file}: list file not found; check the --from path")
    except PermissionError:
        yield Input("text", list_file, Path(list_file), f"{list_file}: permission denied reading the list file; check its permissions")
    except IsADirectoryError:
        yield Input("text", list_file, Path(list_file), f"{list_file}: is a directory, not a list file; pass the directory as a SOURCE instead")
    except OSError as err:
        yield Input("text", list_file, Path(list_file), f"{list_file}: cannot read the list file ({err.strerror or err}); check the path")


def _expand_one(source: str) -> Iterator[Input]:
    if source == "-":
        yield Input("stdin", "-", None)
        return
    scheme = _SCHEME.match(source)
    if scheme:
        yield _url_input(source, scheme.group(1).lower())
        return
    path = Path(source)
    if path.is_dir():
        yield from _walk(path, source, set())
    else:
        found = _file_input(path, source, explicit=True)
        if found is not None:  # always set for a path named explicitly
            yield found


def _url_input(source: str, scheme: str) -> Input:
    if scheme in ("http", "https"):
        return Input("url", source, None)
    if scheme == "file":
        hint = "pass the file path instead"
    else:
        hint = "use an http(s) URL or a file path"
    return Input("url", source, None, f"{source}: unsupported URL scheme '{scheme}'; {hint}")


def kind_of(path: Path) -> str | None:
    """"html" or "text" from the file name ("page.html.gz" is HTML); None for other files."""
    suffix = path.suffix.lower()
    if suffix == GZIP_SUFFIX:  # saved pages and crawls are often gzipped: the name inside decides
        suffix = Path(path.stem).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _file_input(path: Path, name: str, explicit: bool) -> Input | None:
    kind = kind_of(path)
    if not path.exists():
        # a dangling symlink or a typo: name it either way
        hint = "check the path, or add https:// for a URL" if _LOOKS_LIKE_HOST.match(name) else "check the path"
        return Input(kind or "text", name, path, f"{name}: no such file or directory; {hint}")
    if kind is None:
        if not explicit:
            return None  # directories hold other files too; skip them quietly
        return Input(
            "text", name, path,
            f"{name}: unsupported file type '{path.suffix or '(none)'}'; give {_FILE_TYPES}",
        )
    if not path.is_file():
        return Input(kind, name, path, f"{name}: not a regular file; give {_FILE_TYPES}")
    if not os.access(path, os.R_OK):
        return Input(kind, name, path, f"{name}: permission denied; check the file's permissions")
    return Input(kind, name, path)


URL_LIST_PEEK = 64 * 1024  # a list of URLs longer than this is read, and refused, as an article
URL_LIST_HEAD = 4096  # read first: enough to tell an article from a list


def _listed_urls(inp: Input) -> bool:
    """A small text file in a directory that only lists URLs (``seeds/feeds.txt``): no
    article, so the walk skips it as it skips other files (named, it is refused)."""
    if inp.error or inp.kind != "text":
        return False
    try:
        size = inp.path.stat().st_size
        if size > URL_LIST_PEEK:
            return False
        with inp.path.open("rb") as f:
            head = f.read(URL_LIST_HEAD)
            # an article's first line (its headline) is no URL: most files end here
            if len(head) < size and _url_count(head.decode("utf-8", "replace").rsplit("\n", 1)[0]) is None:
                return False
            return url_list((head + f.read()).decode("utf-8", "replace"))
    except OSError:
        return False  # reading it later names the problem


def _walk(directory: Path, name: str, seen: set[tuple[int, int]]) -> Iterator[Input]:
    """Files under ``directory`` in sorted name order, recursively; hidden entries skipped."""
    try:
        info = directory.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:  # a symlink loop: walk each real directory once
            return
        seen.add(key)
        with os.scandir(directory) as scan:
            entries = sorted((e.name, e.is_dir()) for e in scan if not e.name.startswith("."))
    except PermissionError:
        yield Input("html", name, directory, f"{name}: permission denied listing the directory; check its permissions")
        return
    except OSError as err:
        yield Input("html", name, directory, f"{name}: cannot list the directory ({err.strerror or err}); check the path")
        return
    for entry, is_dir in entries:
        child, child_name = directory / entry, os.path.join(name, entry)
        if is_dir:
            yield from _walk(child, child_name, seen)
        else:
            found = _file_input(child, child_name, explicit=False)
            if found is not None and not _listed_urls(found):
                yield found


def read(inp: Input, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of a file or stdin input, at most ``max_bytes``; raises ``InputError``."""
    if inp.error:
        raise InputError(inp.error)
    if inp.kind == "url":
        raise InputError(f"{inp.name}: a URL, not a file; fetch it (tracer.fetch) instead of reading it")
    if inp.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(max_bytes + 1)
        except OSError as err:
            raise InputError(f"-: cannot read standard input ({err.strerror or err}); pipe a page into tracer") from None
        if isinstance(data, str):  # a text-mode stream was handed in
            data = data.encode("utf-8")
        _check_size(inp.name, len(data), max_bytes)
        return data
    if inp.path is None:
        raise InputError(f"{inp.name}: no path to read; pass a file, a directory, a URL or -")
    try:
        # a gzipped file is read decompressed, and no further than the cap: a small file that
        # inflates to gigabytes stops at max_bytes + 1 like any other
        opener = gzip.open if inp.path.suffix.lower() == GZIP_SUFFIX else open
        with opener(inp.path, "rb") as handle:
            data = handle.read(max_bytes + 1)  # one byte more tells "too large" without reading it all
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise InputError(f"{inp.name}: not a readable gzip file ({err}); decompress it, or give the page itself") from None
    except FileNotFoundError:
        raise InputError(f"{inp.name}: no such file or directory; check the path") from None
    except PermissionError:
        raise InputError(f"{inp.name}: permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise InputError(f"{inp.name}: is a directory; pass it as a SOURCE to trace the files inside") from None
    except OSError as err:
        raise InputError(f"{inp.name}: cannot read ({err.strerror or err}); check the file") from None
    _check_size(inp.name, len(data), max_bytes)
    return data


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            f"{name}: larger than {max_bytes:,} bytes; raise max_bytes (TRACER_MAX_BYTES) or trim the file"
        )


def sniff(data: bytes) -> str:
    """"html" or "text" for stdin data: markup starts with ``<`` or holds an ``<html`` tag."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n\f")
    if head.startswith(b"<") or b"<html" in head.lower():
        return "html"
    return "text"


_URL_LINE = re.compile(r"(?i)(?:https?|ftp)://\S+$")


def url_list(text: str) -> bool:
    """Every line a URL, a ``#`` comment or blank (a ``--from`` or ``--feeds`` list, such as
    ``seeds/feeds.txt``, handed over as an article), with at least two URLs."""
    urls = _url_count(text)
    return urls is not None and urls >= 2


def _url_count(text: str) -> int | None:
    """How many lines are URLs, when every other line is a ``#`` comment or blank; else None."""
    urls = 0
    for line in text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not _URL_LINE.match(line):
            return None
        urls += 1
    return urls
