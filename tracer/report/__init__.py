"""Report renderers: text, Markdown, JSON, HTML and ClaimReview JSON-LD.

Pure: a :class:`~tracer.models.Trace` goes in, a string comes out. No file or network
I/O apart from jinja2 loading the HTML template shipped in ``tracer/templates/``.

Everything that comes from a page (titles, bodies, names, URLs) is untrusted: the
Markdown renderer escapes it, the HTML renderer autoescapes it and builds highlighted
text piece by piece, and only ``http(s)`` URLs ever become links.

One module per format (``text``, ``markdown``, ``html``, ``claimreview``; ``data`` for the
dict that JSON and ClaimReview start from), and ``summary`` for what they all say alike.
"""

from __future__ import annotations

from ..models import Trace
from .claimreview import render_claimreview, to_claimreview
from .data import SCHEMA_VERSION, render_json, to_dict
from .html import chain_layout, highlight, render_html, safe_url
from .markdown import md, render_markdown
from .summary import said, shorten
from .text import render_text

__all__ = ["FORMATS", "SCHEMA_VERSION", "chain_layout", "highlight", "md", "render", "render_claimreview",
           "render_html", "render_json", "render_markdown", "render_text", "said", "safe_url", "shorten",
           "to_claimreview", "to_dict"]

FORMATS = ("text", "markdown", "json", "html", "claimreview")



def render(trace: Trace, fmt: str, *, color: bool = False, include_text: bool = False) -> str:
    """Render one trace in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "text":
        return render_text(trace, color=color)
    if fmt == "json":
        return render_json(trace, include_text=include_text)
    if fmt == "markdown":
        return render_markdown(trace)
    if fmt == "html":
        return render_html(trace)
    if fmt == "claimreview":
        return render_claimreview(trace)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
