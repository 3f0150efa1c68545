"""The terminal report: plain, or with ANSI colours when the output is a terminal."""

from __future__ import annotations

import re

from ..models import Trace
from .data import _hop_labels
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
    shorten,
)

# The terminal report is read at a glance: past these, a line says how many more there are
# and where to read them (a health page quoting 28 studies printed 28 chain lines).
MORE_CHAINS = 8  # chains after the principal one
MAX_ATTRIBUTIONS = 25
_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36", "magenta": "35"}


def _style(text: str, *styles: str, color: bool) -> str:
    if not color or not styles:
        return text
    codes = ";".join(_ANSI[s] for s in styles)
    return f"\x1b[{codes}m{text}\x1b[0m"


def _plain(text: str | None) -> str:
    """Page text for a terminal: control characters (ANSI escapes included) removed."""
    if not text:
        return ""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text)


def render_text(trace: Trace, *, color: bool = False) -> str:
    s = lambda text, *st: _style(text, *st, color=color)  # noqa: E731
    a = trace.article
    lines: list[str] = []
    lines.append(s(_plain(a.title) or "(no headline)", "bold"))
    if trace.outlet:
        o = trace.outlet
        outlet = _plain(o.name) + (f" ({_plain(o.domain)})" if o.domain else "")
    else:
        outlet = _plain(a.site_name) or "outlet unknown"
    byline = f" \u00b7 by {_plain(a.author)}" if a.author else ""
    lines.append(f"{outlet} \u00b7 {_plain(_published(trace))}{byline}")
    if a.url:
        lines.append(s(_plain(a.url), "dim"))
    elif a.input:
        lines.append(s(_plain(a.input), "dim"))
    if trace.dateline:
        d = trace.dateline
        bits = [x for x in (d.place, d.date) if x]
        txt = "dateline: " + (", ".join(_plain(b) for b in bits) or "unread")
        if d.credits:
            txt += " \u2014 credits " + ", ".join(_plain(c) for c in d.credits)
        if d.publisher:
            txt += f" \u2014 publisher {_plain(d.publisher)}"
        lines.append(txt)
    labels = _labels_of(trace)
    for name, lb in labels:
        lines.append(
            s(f"label: {_plain(name)} is {_plain(lb.label)} ({_plain(lb.meaning)})", "yellow")
            + s(f" \u2014 source: {_plain(lb.source)}", "dim")
        )
    lines.append("")

    chain = trace.chain
    if chain and chain.hops:
        lines.append(s("chain: ", "bold") + s(_plain(_chain_line(chain)), "cyan"))
        lines.append(s(f"layers: {trace.layers}", "bold"))
        width = max(len(_plain(h.name)) for h in chain.hops)
        for hop in chain.hops:
            ev = (_q(_plain(hop.evidence.text), 70) if hop.evidence
                  else f"canonical link: {_plain(hop.link)}" if hop.link else "(no evidence quoted)")
            tags = "".join(f" [{_plain(lb.label)}]" for lb in _hop_labels(hop))
            lines.append(
                f"  {_plain(hop.name):<{width}}  {hop.kind:<9}  " + s(ev, "dim") + s(tags, "yellow")
            )
        for i, other in enumerate(trace.chains[1:MORE_CHAINS + 1], 2):
            lines.append(f"  chain {i}: {_plain(_chain_line(other))} (layers: {other.layers})")
        rest = len(trace.chains) - 1 - MORE_CHAINS
        if rest > 0:
            lines.append(s(f"  ... and {rest} more chains (every one in --format markdown, html or json)", "dim"))
    else:
        lines.append(s("chain: ", "bold") + "no citation chain found")
        lines.append(s("layers: 0", "bold"))
    lines.append("")

    if trace.flags:
        lines.append(s(f"flags ({len(trace.flags)}):", "bold"))
        for f in trace.flags:
            lines.append("  " + s(f.kind, "red", "bold") + f": {_plain(f.message)}")
            if f.evidence:
                lines.append("    " + s(_q(_plain(f.evidence.text)), "dim"))
            also, more = _related(f)
            for rel in also:
                lines.append("    " + s("also: " + _q(_plain(rel)), "dim"))
            if more:
                lines.append("    " + s(f"(+{more} more)", "dim"))
    else:
        lines.append(s("flags: none", "bold"))
    lines.append("")

    if trace.credits:
        lines.append(s("credits: ", "bold") + ", ".join(
            f"{_plain(c.name)} ({c.kind})" for c in trace.credits
        ))
        for c in trace.credits:
            if c.evidence:
                lines.append("  " + s(_q(_plain(c.evidence.text), 70), "dim"))
            elif c.link:
                lines.append("  " + s(f"canonical link: {_plain(c.link)}", "dim"))
    if trace.attributions:
        lines.append(s(f"attributions ({len(trace.attributions)}):", "bold"))
        distinct = _distinct(trace.attributions)
        for at, times in distinct[:MAX_ATTRIBUTIONS]:
            who = at.speaker or (at.source.text if at.source else "unnamed")
            via = f" via {', '.join(_plain(v) for v in at.via)}" if at.via else ""
            says = ": " + _q(_plain(said(at)), 70) if at.content else ""
            again = f" (\u00d7{times})" if times > 1 else ""
            lines.append(f"  {at.kind}: {_plain(shorten(who, 40))}{via}" + s(says, "dim") + again)
        if len(distinct) > MAX_ATTRIBUTIONS:
            lines.append(s(f"  ... and {len(distinct) - MAX_ATTRIBUTIONS} more (every one in --format "
                           "markdown, html or json)", "dim"))
    if trace.credits or trace.attributions:
        lines.append("")

    lines.append(s("copies: ", "bold") + _plain(_copies_summary(trace)))
    for row in _timeline(trace) if trace.copies else ():
        when = row["when"] or "date unknown"
        if row["self"]:
            lines.append(f"  {when:<12}  {_plain(row['outlet'])}  " + s("(this article)", "green"))
        else:
            # the URL, else the file it was traced from: two copies by one outlet (or none
            # known) are otherwise the same line
            place = row["url"] or row["input"]
            where = f"  {_plain(place)}" if place else ""
            lines.append(
                f"  {when:<12}  {_plain(row['outlet'])}  {row['relation']}, "
                f"similarity {row['similarity']:.2f}" + s(where, "dim")
            )
            # the longest shared passage, as the copy has it (passages run earlier -> later)
            spans = [p.source if row["earlier"] else p.target for p in row["copy"].passages]
            if spans:
                text = max(spans, key=lambda span: span.end - span.start).text
                more = len(spans) - 1
                tail = f" (+{more} more passage{'s' if more > 1 else ''})" if more else ""
                lines.append(s(f"      shares {_q(_plain(text), 80)}{tail}", "dim"))
    undecided = _undecided(trace)
    if undecided:
        lines.append("")
        lines.append(s("could not decide:", "bold"))
        for u in undecided:
            lines.append(f"  - {_plain(u)}")
    return "\n".join(lines) + "\n"
