"""The self-contained HTML report: the chain drawn as SVG, the text with its attributions
and flags highlighted; autoescaped (jinja2, ``tracer/templates/``), only http(s) links."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from ..models import Chain, Span, Trace
from ..outlets import STATE_AFFILIATED
from .data import SCHEMA_VERSION, _hop_labels
from .summary import _chain_line, _copies_summary, _dateline_date, _labels_of, _related, _timeline, _undecided, shorten


@lru_cache(maxsize=1)
def _env():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("tracer", "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else is shown as text."""
    if not url:
        return None
    u = url.strip()
    if re.match(r"^https?://[^\s\"'<>]+$", u, re.IGNORECASE) and not any(ord(c) < 32 for c in u):
        return u
    return None


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Word-wrapped lines; the last one ends with an ellipsis when text was left out."""
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if len(last) > width - 1:
            last = last[: width - 1]
        lines[-1] = last.rstrip(" ,;:") + "\u2026"
    return lines


def chain_layout(chain: Chain | None, *, vertical: bool = False) -> dict | None:
    """Boxes, arrows and text lines for the inline SVG chain diagram."""
    if chain is None or not chain.hops:
        return None
    box_w, gap, line_h = (300, 40, 17) if vertical else (208, 50, 16)
    name_width, ev_width = (32, 40) if vertical else (21, 30)
    ev_max = 3 if vertical else 5
    hops = []
    for i, hop in enumerate(chain.hops):
        labels = _hop_labels(hop)
        badge = ", ".join(f"{lb.label}: {lb.meaning}" for lb in labels)
        ev = (_wrap("\u201c" + hop.evidence.text + "\u201d", ev_width, ev_max) if hop.evidence
              else _wrap("canonical link: " + hop.link, ev_width, ev_max) if hop.link
              else ["(no evidence quoted)"])
        hops.append(
            {
                "i": i,
                "name_lines": _wrap(hop.name, name_width, 3),
                "full": f"{hop.name} ({hop.kind})" + (f": \u201c{hop.evidence.text}\u201d" if hop.evidence
                                                      else f": canonical link {hop.link}" if hop.link else ""),
                "kind": hop.kind,
                "badge": shorten(badge, 44 if vertical else 30) if badge else "",
                # Only state affiliation (SC, CaPu, CaPr) draws the warning border.
                "labelled": any(lb.label in STATE_AFFILIATED for lb in labels),
                "evidence": ev,
            }
        )
    # Every box as tall as the tallest: kind line, name lines, label line.
    names = max(len(h["name_lines"]) for h in hops)
    box_h = max(26 + 17 * names + (16 if any(h["badge"] for h in hops) else 0) + 8, 60)
    x = y = 10
    for h in hops:
        h["x"], h["y"] = x, y
        if vertical:
            y += box_h + 8 + len(h["evidence"]) * line_h + gap
        else:
            x += box_w + gap
    if vertical:
        width, height = box_w + 20, y - gap + 10
    else:
        height = 10 + box_h + 12 + max(len(h["evidence"]) for h in hops) * line_h + 8
        width = x - gap + 10
    arrows = []
    for a, b in zip(hops, hops[1:]):
        if vertical:
            y1 = a["y"] + box_h + 8 + len(a["evidence"]) * line_h + 2
            arrows.append({"x1": 10 + box_w / 2, "y1": y1, "x2": 10 + box_w / 2, "y2": b["y"] - 4})
        else:
            yy = 10 + box_h / 2
            arrows.append({"x1": a["x"] + box_w + 4, "y1": yy, "x2": b["x"] - 6, "y2": yy})
    return {
        "hops": hops,
        "arrows": arrows,
        "width": width,
        "height": height,
        "box_w": box_w,
        "box_h": box_h,
        "line_h": line_h,
        "vertical": vertical,
        "title": _chain_line(chain),
    }


_ROLE_ORDER = ("flag", "source", "cue", "content")


def highlight(text: str, marks: list[tuple[Span | None, str, str]]) -> list[dict]:
    """Split ``text`` into segments, each with the roles (source/cue/content/flag) covering it.

    ``marks``: (span, role, note). Spans outside the text or whose text does not match are
    skipped. The template escapes every segment; nothing here is markup.
    """
    n = len(text)
    valid = []
    for span, role, note in marks:
        if span is None or span.start < 0 or span.end > n or span.start >= span.end:
            continue
        if span.text and text[span.start : span.end] != span.text:
            continue
        valid.append((span.start, span.end, role, note))
    cuts = sorted({0, n, *(s for s, _, _, _ in valid), *(e for _, e, _, _ in valid)})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        roles, notes = [], []
        for s, e, role, note in valid:
            if s <= start and end <= e:
                if role not in roles:
                    roles.append(role)
                if note and note not in notes:
                    notes.append(note)
        roles.sort(key=_ROLE_ORDER.index)
        segments.append({"text": text[start:end], "roles": roles, "note": "; ".join(notes)})
    return segments


def _html_context(trace: Trace) -> dict:
    a = trace.article
    marks: list[tuple[Span | None, str, str]] = []
    for at in trace.attributions:
        who = at.speaker or (at.source.text if at.source else "")
        via = f" via {', '.join(at.via)}" if at.via else ""
        marks.append((at.source, "source", f"source ({at.kind}){via}"))
        marks.append((at.cue, "cue", f"cue: {at.kind}"))
        marks.append((at.content, "content", f"said by {who}{via}" if who else "content"))
    for f in trace.flags:
        marks.append((f.evidence, "flag", f"flag: {f.kind}"))
        for rel in f.related:
            marks.append((rel, "flag", f"flag: {f.kind}"))
    timeline = _timeline(trace)
    for row in timeline:
        row["href"] = safe_url(row["url"])
        c = row["copy"]
        row["passages"] = []
        if c is not None:
            # Passage.source is the earlier text of the two.
            left = row["outlet"] if c.earlier else "this article"
            right = "this article" if c.earlier else row["outlet"]
            for p in c.passages[:3]:
                row["passages"].append(
                    {"left": shorten(p.source.text, 420), "right": shorten(p.target.text, 420),
                     "left_name": left, "right_name": right}
                )
            row["more_passages"] = max(len(c.passages) - 3, 0)
    return {
        "t": trace,
        "a": a,
        "schema_version": SCHEMA_VERSION,
        "href": safe_url(a.url),
        "published": a.published,
        "dateline_date": _dateline_date(trace),
        "labels": _labels_of(trace),
        "chain": trace.chain,
        "chain_text": _chain_line(trace.chain),
        "svg_h": chain_layout(trace.chain),
        "svg_v": chain_layout(trace.chain, vertical=True),
        "other_chains": [(_chain_line(c), c.layers) for c in trace.chains[1:]],
        "layers": trace.layers,
        "flags": [
            {"kind": f.kind, "message": f.message,
             "evidence": shorten(f.evidence.text, 240) if f.evidence else "",
             "related": [shorten(r, 160) for r in _related(f)[0]], "more": _related(f)[1]}
            for f in trace.flags
        ],
        "segments": highlight(a.text, marks),
        "has_attr": bool(trace.attributions),
        "timeline": timeline,
        "copies_summary": _copies_summary(trace),
        "undecided": _undecided(trace),
    }


def render_html(trace: Trace) -> str:
    return _env().get_template("report.html").render(**_html_context(trace))
