"""Bytes -> text for commands that read a file without the store (``tracer attributions``)."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .normalize import clean


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then charset-normalizer's best guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def decode_file(name: str) -> str:
    """A file's text; HTML files give their extracted article text."""
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory; pass the files inside it") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read it ({e.strerror}); check its permissions") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks binary, not text; pass a .txt, .md or .html article")
    if path.suffix.lower() in {".html", ".htm"}:
        from .extract import extract

        return extract(data, input=name, kind="html").text
    return clean(decode_bytes(data))
