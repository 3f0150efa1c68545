"""A file's text for commands that read without the store (``tracer attributions``).

Reuses ``sources`` (reading with the size cap and its one-line errors) and ``extract``
(charset detection, article extraction for HTML), so the offsets are into the same text a
trace would store for a text file.
"""

from __future__ import annotations

from .errors import InputError
from .normalize import clean
from .settings import Settings
from .sources import Input, kind_of, read


def decode_file(name: str, settings: Settings | None = None) -> str:
    """A file's decoded text; HTML files give their extracted article text."""
    from pathlib import Path

    from .extract import decode, extract

    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory; pass the files inside it")
    kind = kind_of(path) or "text"
    data = read(Input(kind, name, path), (settings or Settings()).max_bytes)
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks binary, not text; pass a .txt, .md or .html article")
    if kind == "html":
        return extract(data, input=name, kind="html").text
    return clean(decode(data, html=False))
