"""Local paths or URIs (``s3://``, ``gs://``, ``hdfs://``, ``https://``, ``file://``), opened
for reading through fsspec. Used by the Spark job (inputs, manifests) and by ``tracer import``
(an output directory written by a cluster); fsspec comes with ``.[spark]``.
"""

from __future__ import annotations

import gzip
import re

from .errors import TracerError

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # a Windows path has no "://"


def is_uri(path: str) -> bool:
    return bool(_URI.match(path))


def filesystem(path: str):
    """(fsspec filesystem, path inside it) for a URI; a one-line TracerError otherwise."""
    try:
        import fsspec
    except ImportError:
        raise TracerError(f"{path}: reading URIs needs fsspec; run `.venv/bin/pip install -e "
                          "'.[spark]'` (s3:// also needs s3fs, gs:// gcsfs)") from None
    try:
        return fsspec.core.url_to_fs(path)
    except (ImportError, ValueError) as e:  # a scheme whose driver is not installed
        raise TracerError(f"{path}: cannot read this URI ({e}); install the fsspec driver "
                          "for its scheme on the driver and every executor") from None


def open_input(path: str, mode: str = "rb", *, compression: str | None = None):
    """A local file or a URI, opened for reading (``compression="gzip"`` decompresses)."""
    if not is_uri(path):
        return gzip.open(path, mode) if compression == "gzip" else open(path, mode)
    fs, inner = filesystem(path)
    return fs.open(inner, mode, compression=compression)
