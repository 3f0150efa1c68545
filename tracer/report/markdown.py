"""The Markdown report, with a Mermaid diagram of the citation chain; page text escaped."""

from __future__ import annotations

import re

from ..models import Trace
from .data import SCHEMA_VERSION, _hop_labels
from .summary import (
    _chain_line,
    _copies_summary,
    _distinct,
    _labels_of,
    _published,
    _q,
    _related,
    _timeline,
    _undecided,
    said,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md(text: str | None) -> str:
    """Escape page text for Markdown: no raw HTML, no links, no emphasis, no table breaks."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """Inside a one-backtick code span: no backticks, no line breaks."""
    return " ".join(text.replace("`", "%60").split())


def _mermaid_label(text: str) -> str:
    """Mermaid node label: anything beyond plain letters becomes a #code; entity."""
    out = []
    for ch in " ".join(text.split()):
        if ch.isalnum() or ch in " ,.-_'/":
            out.append(ch)
        else:
            out.append(f"#{ord(ch)};")
    return "".join(out)


def render_markdown(trace: Trace) -> str:
    a = trace.article
    out: list[str] = []
    out.append(f"# {md(a.title) or 'No headline'}")
    out.append("")
    if trace.outlet:
        o = trace.outlet
        outlet = f"**{md(o.name)}**" + (f" ({md(o.domain)})" if o.domain else "")
    else:
        outlet = md(a.site_name) or "outlet unknown"
    out.append(f"- Outlet: {outlet}")
    out.append(f"- Published: {md(_published(trace))}")
    if a.author:
        out.append(f"- Byline: {md(a.author)}")
    if a.url:
        out.append(f"- URL: `{_code(a.url)}`")
    out.append(f"- Input: `{_code(a.input)}`")
    if trace.dateline:
        d = trace.dateline
        bits = ", ".join(md(x) for x in (d.place, d.date) if x) or "unread"
        credits = f"; credits {', '.join(md(c) for c in d.credits)}" if d.credits else ""
        out.append(f"- Dateline: {bits}{credits}")
    for name, lb in _labels_of(trace):
        out.append(f"- Label: {md(name)} is **{md(lb.label)}** ({md(lb.meaning)}); source: {md(lb.source)}")
    out.append("")

    out.append("## Citation chain")
    out.append("")
    chain = trace.chain
    if chain and chain.hops:
        out.append(f"{md(_chain_line(chain))}")
        out.append("")
        out.append(f"**Layers: {trace.layers}**")
        out.append("")
        out.append("```mermaid")
        out.append("flowchart LR")
        for i, hop in enumerate(chain.hops):
            tags = "".join(f" \u00b7 {_mermaid_label(lb.label)}" for lb in _hop_labels(hop))
            out.append(f'  h{i}["{_mermaid_label(hop.name)}<br/>{_mermaid_label(hop.kind)}{tags}"]')
        for i in range(len(chain.hops) - 1):
            out.append(f"  h{i} --> h{i + 1}")
        out.append("```")
        out.append("")
        out.append("| # | Hop | Kind | Labels | Evidence |")
        out.append("| --- | --- | --- | --- | --- |")
        for i, hop in enumerate(chain.hops, 1):
            ev = (md(_q(hop.evidence.text, 120)) if hop.evidence
                  else f"canonical link: {md(hop.link)}" if hop.link else "")
            labels = "; ".join(
                f"**{md(lb.label)}** ({md(lb.meaning)}; source: {md(lb.source)})" for lb in _hop_labels(hop)
            )
            out.append(f"| {i} | {md(hop.name)} | {md(hop.kind)} | {labels} | {ev} |")
        for i, other in enumerate(trace.chains[1:], 2):
            out.append("")
            out.append(f"Chain {i}: {md(_chain_line(other))} (layers: {other.layers})")
    else:
        out.append("No citation chain found. **Layers: 0**")
    out.append("")

    out.append(f"## Flags ({len(trace.flags)})")
    out.append("")
    if trace.flags:
        out.append("| Flag | What | Evidence |")
        out.append("| --- | --- | --- |")
        for f in trace.flags:
            ev = md(_q(f.evidence.text, 160)) if f.evidence else ""
            also, more = _related(f)
            if also:
                ev += " " + " ".join(f"also {md(_q(r, 80))}" for r in also)
            if more:
                ev += f" (+{more} more)"
            out.append(f"| `{_code(f.kind).replace('|', '')}` | {md(f.message)} | {ev} |")
    else:
        out.append("No flags.")
    out.append("")

    if trace.credits or trace.attributions:
        out.append("## Credits and attributions")
        out.append("")
        for c in trace.credits:
            ev = (f": {md(_q(c.evidence.text, 120))}" if c.evidence
                  else f": canonical link {md(c.link)}" if c.link else "")
            out.append(f"- Credit: **{md(c.name)}** ({md(c.kind)}){ev}")
        for at, times in _distinct(trace.attributions):
            who = at.speaker or (at.source.text if at.source else "unnamed")
            via = f" via {', '.join(md(v) for v in at.via)}" if at.via else ""
            says = f": {md(_q(said(at), 120))}" if at.content else ""
            again = f" (\u00d7{times})" if times > 1 else ""
            out.append(f"- {md(at.kind)}: {md(who)}{via}{says}{again}")
        out.append("")

    out.append("## Copies")
    out.append("")
    out.append(md(_copies_summary(trace)) + ".")
    out.append("")
    if trace.copies:
        out.append("| Published | Outlet | Relation | Similarity | Containment | URL |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for row in _timeline(trace):
            url = md(row["url"] or row["input"] or "")
            if row["self"]:
                out.append(f"| {md(row['when'] or 'unknown')} | **{md(row['outlet'])}** (this article) | | | | {url} |")
            else:
                out.append(
                    f"| {md(row['when'] or 'unknown')} | {md(row['outlet'])} | {md(row['relation'])} "
                    f"| {row['similarity']:.2f} | {row['containment']:.2f} | {url} |"
                )
        out.append("")
        shared = [(c, p) for c in trace.copies for p in c.passages[:2]]
        if shared:
            out.append("Shared passages (earlier text first):")
            out.append("")
            for c, p in shared:
                first, then = (md(c.outlet or "copy"), "this article") if c.earlier else ("this article", md(c.outlet or "copy"))
                out.append(f"- {first}: {md(_q(p.source.text, 140))} \u2192 {then}: {md(_q(p.target.text, 140))}")
            out.append("")
    undecided = _undecided(trace)
    if undecided:
        out.append("## What the tool could not decide")
        out.append("")
        for u in undecided:
            out.append(f"- {md(u)}")
        out.append("")
    out.append(f"<sub>tracer report, schema {SCHEMA_VERSION}; sha256 {md(trace.sha256)}</sub>")
    return "\n".join(out) + "\n"
