"""Report renderers: text, Markdown, JSON, HTML and ClaimReview JSON-LD.

Pure: a :class:`~tracer.models.Trace` goes in, a string comes out. No file or network
I/O apart from jinja2 loading the HTML template shipped in ``tracer/templates/``.

Everything that comes from a page (titles, bodies, names, URLs) is untrusted: the
Markdown renderer escapes it, the HTML renderer autoescapes it and builds highlighted
text piece by piece, and only ``http(s)`` URLs ever become links.
"""

from __future__ import annotations

import json
import re
import textwrap
from functools import lru_cache

from .copies import date_shown
from .models import Attribution, Chain, ChainHop, Copy, Flag, Label, Span, Trace
from .outlets import STATE_AFFILIATED

SCHEMA_VERSION = "1.1"  # 1.1: copies[].dateline_date
FORMATS = ("text", "markdown", "json", "html", "claimreview")
ARROW = "\u2192"  # →


# --------------------------------------------------------------------------- dict / JSON


def _span(span: Span | None) -> dict | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _label(label: Label) -> dict:
    return {"label": label.label, "meaning": label.meaning, "source": label.source}


def _hop(hop: ChainHop) -> dict:
    out = {"name": hop.name, "kind": hop.kind, "evidence": _span(hop.evidence)}
    labels = _hop_labels(hop)
    if labels:
        out["labels"] = [_label(lb) for lb in labels]
    return out


def _hop_labels(hop: ChainHop) -> tuple[Label, ...]:
    # ChainHop.labels is optional (added with a default); older hops have none.
    return tuple(getattr(hop, "labels", ()) or ())


def _attribution(a: Attribution) -> dict:
    return {
        "source": _span(a.source),
        "cue": _span(a.cue),
        "content": _span(a.content),
        "kind": a.kind,
        "speaker": a.speaker,
        "via": list(a.via),
    }


def _flag(f: Flag) -> dict:
    return {
        "kind": f.kind,
        "message": f.message,
        "evidence": _span(f.evidence),
        "related": [_span(s) for s in f.related],
    }


def _copy(c: Copy) -> dict:
    return {
        "id": c.id,
        "input": c.input,
        "url": c.url,
        "outlet": c.outlet,
        "published": c.published,
        "dateline_date": c.dateline_date,
        "relation": c.relation,
        "similarity": round(float(c.similarity), 4),
        "containment": round(float(c.containment), 4),
        "earlier": bool(c.earlier),
        "shared_passages": [
            {"source_span": _span(p.source), "target_span": _span(p.target)} for p in c.passages
        ],
    }


def to_dict(trace: Trace, *, include_text: bool = False) -> dict:
    """The report object (ARCHITECTURE.md, "Report object") plus ``schema_version``."""
    a = trace.article
    outlet = None
    if trace.outlet is not None:
        o = trace.outlet
        outlet = {
            "name": o.name,
            "domain": o.domain,
            "kind": o.kind,
            "labels": [_label(lb) for lb in o.labels],
        }
    dateline = None
    if trace.dateline is not None:
        d = trace.dateline
        dateline = {
            "place": d.place,
            "date": d.date,
            "publisher": d.publisher,
            "credits": list(d.credits),
            "span": _span(d.span),
        }
    chains = [[_hop(h) for h in chain.hops] for chain in trace.chains]
    out: dict = {
        "schema_version": SCHEMA_VERSION,
        "input": a.input,
        "id": trace.id,
        "url": a.url,
        "title": a.title,
        "outlet": outlet,
        "published": a.published,
    }
    if include_text:
        out["text"] = a.text
    out.update(
        {
            "sha256": trace.sha256,
            "dateline": dateline,
            "credits": [
                {"name": c.name, "kind": c.kind, "evidence": _span(c.evidence)}
                for c in trace.credits
            ],
            "attributions": [_attribution(x) for x in trace.attributions],
            "chain": chains[0] if chains else [],
            "chains": chains,
            "layers": trace.layers,
            "flags": [_flag(f) for f in trace.flags],
            "copies": [_copy(c) for c in trace.copies],
            "undecided": list(trace.undecided),
        }
    )
    return out


def render_json(trace: Trace, *, include_text: bool = False) -> str:
    """One line, JSON Lines friendly."""
    return json.dumps(to_dict(trace, include_text=include_text), ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- shared helpers


def shorten(text: str | None, width: int = 90) -> str:
    """Whitespace collapsed, cut at a word boundary with an ellipsis."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "\u2026"


def _q(text: str | None, width: int = 90) -> str:
    """A quotation, shortened, without doubling the page's own quote marks."""
    inner = shorten(text, width).strip().strip('"\u201c\u201d')
    return f"\u201c{inner}\u201d"


_OPEN_QUOTE = re.compile(r"[\u201c\"]")
_CLOSE_QUOTE = re.compile(r"[\u201d\"][^\u201d\"]*$")


def said(at: Attribution) -> str:
    """What an attribution says: its content, with its speaker and cue cut out where the
    claim runs across them ("“A,” Ann Roe told NBC News. “B.”" -> "“A,” … “B.”"; "The
    industry, she said, is doing better" -> "The industry … is doing better")."""
    c = at.content
    inner = [s for s in (at.source, at.cue) if s is not None and c.start <= s.start and s.end <= c.end]
    if not inner or not c.text:
        return c.text
    lo, hi = min(s.start for s in inner) - c.start, max(s.end for s in inner) - c.start
    if lo == 0 or hi == len(c.text):  # the speaker opens or closes the claim: nothing to cut around
        return c.text
    head, tail = c.text[:lo], c.text[hi:]
    close = _CLOSE_QUOTE.search(head)
    opening = _OPEN_QUOTE.search(tail)
    if close and opening:  # from the end of the first quote to the start of the next
        head, tail = head[:close.start() + 1], tail[opening.start():]
    return f"{head.rstrip(' ,')} \u2026 {tail.lstrip(' ,')}"


def _related(f: Flag, limit: int = 2) -> tuple[list[str], int]:
    """A flag's further evidence: distinct texts other than the main quote, and how many more."""
    seen = {" ".join(f.evidence.text.split())} if f.evidence else set()
    texts = []
    for r in f.related:
        key = " ".join(r.text.split())
        if key and key not in seen:
            seen.add(key)
            texts.append(r.text)
    return texts[:limit], max(len(texts) - limit, 0)


def _chain_line(chain: Chain | None) -> str:
    if chain is None or not chain.hops:
        return ""
    return f" {ARROW} ".join(h.name for h in chain.hops)


def _timeline(trace: Trace) -> list[dict]:
    """The article and its copies, earliest first (undated last, matcher's order kept)."""
    rows = []
    for c in trace.copies:
        rows.append(
            {
                "self": False,
                "id": c.id,
                "outlet": c.outlet or "unknown outlet",
                "published": c.published,
                "when": date_shown(c.published, c.dateline_date),
                "day": c.day,
                "url": c.url,
                "input": c.input,
                "relation": c.relation,
                "similarity": c.similarity,
                "containment": c.containment,
                "earlier": c.earlier,
                "copy": c,
            }
        )
    a = trace.article
    me = {
        "self": True,
        "id": trace.id,
        "outlet": trace.outlet.name if trace.outlet else (a.site_name or "this article"),
        "published": a.published,
        "when": date_shown(a.published, _dateline_date(trace)),
        "day": a.published or _dateline_date(trace),
        "url": a.url,
        "input": a.input,
        "relation": None,
        "similarity": None,
        "containment": None,
        "earlier": False,
        "copy": None,
    }
    # Earlier copies before the article, later ones after; dates order within each group.
    def key(r):
        group = 0 if r["earlier"] else (1 if r["self"] else 2)
        return (group, r["day"] is None, r["day"] or "")

    rows.append(me)
    return sorted(rows, key=key)


def _distinct(attributions) -> list[tuple[Attribution, int]]:
    """Each attribution once, with how often the text makes it (a repeated lede repeats its
    attributions word for word), in the order they first appear."""
    seen: dict[tuple, list] = {}
    for at in attributions:
        key = (at.kind, at.speaker, at.source.text if at.source else None, at.via,
               said(at) if at.content else None)
        if key in seen:
            seen[key][1] += 1
        else:
            seen[key] = [at, 1]
    return [(at, times) for at, times in seen.values()]


def _dateline_date(trace: Trace) -> str | None:
    return trace.dateline.date if trace.dateline else None


def _earliest(trace: Trace) -> dict | None:
    """The earliest known appearance among the copies, or None when the article is first."""
    earlier = [r for r in _timeline(trace) if r["earlier"]]
    return earlier[0] if earlier else None


def _labels_of(trace: Trace) -> list[tuple[str, Label]]:
    """(outlet name, label) for the publishing outlet and every labelled hop, once each."""
    seen, out = set(), []
    if trace.outlet:
        for lb in trace.outlet.labels:
            key = (trace.outlet.name, lb.label)
            if key not in seen:
                seen.add(key)
                out.append((trace.outlet.name, lb))
    for chain in trace.chains:
        for hop in chain.hops:
            for lb in _hop_labels(hop):
                key = (hop.name, lb.label)
                if key not in seen:
                    seen.add(key)
                    out.append((hop.name, lb))
    return out


def _published(trace: Trace) -> str:
    dated = date_shown(trace.article.published, _dateline_date(trace))
    return dated or "date unknown"


def _copies_summary(trace: Trace) -> str:
    n = len(trace.copies)
    if not n:
        return "no other copy of this text found in the store"
    noun = "article" if n == 1 else "articles"
    first = _earliest(trace)
    if first is None:
        tail = "this article is the earliest known"
    else:
        tail = f"earliest: {first['outlet']}, {first['when'] or 'date unknown'}"
        if first["url"]:
            tail += f" ({first['url']})"
    outlets = len({c.outlet for c in trace.copies if c.outlet})
    among = f" from {outlets} outlet{'s' if outlets != 1 else ''}" if outlets else ""
    return f"this text appears in {n} other {noun}{among}; {tail}"


# --------------------------------------------------------------------------- text


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
    lines.append(f"{outlet} \u00b7 {_plain(_published(trace))}")
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
            ev = _q(_plain(hop.evidence.text), 70) if hop.evidence else "(no evidence quoted)"
            tags = "".join(f" [{_plain(lb.label)}]" for lb in _hop_labels(hop))
            lines.append(
                f"  {_plain(hop.name):<{width}}  {hop.kind:<9}  " + s(ev, "dim") + s(tags, "yellow")
            )
        for i, other in enumerate(trace.chains[1:], 2):
            lines.append(f"  chain {i}: {_plain(_chain_line(other))} (layers: {other.layers})")
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
    if trace.attributions:
        lines.append(s(f"attributions ({len(trace.attributions)}):", "bold"))
        for at, times in _distinct(trace.attributions):
            who = at.speaker or (at.source.text if at.source else "unnamed")
            via = f" via {', '.join(_plain(v) for v in at.via)}" if at.via else ""
            says = ": " + _q(_plain(said(at)), 70) if at.content else ""
            again = f" (\u00d7{times})" if times > 1 else ""
            lines.append(f"  {at.kind}: {_plain(shorten(who, 40))}{via}" + s(says, "dim") + again)
    if trace.credits or trace.attributions:
        lines.append("")

    lines.append(s("copies: ", "bold") + _plain(_copies_summary(trace)))
    for row in _timeline(trace) if trace.copies else ():
        when = row["when"] or "date unknown"
        if row["self"]:
            lines.append(f"  {when:<12} {_plain(row['outlet'])}  " + s("(this article)", "green"))
        else:
            # the URL, else the file it was traced from: two copies by one outlet (or none
            # known) are otherwise the same line
            place = row["url"] or row["input"]
            where = f"  {_plain(place)}" if place else ""
            lines.append(
                f"  {when:<12} {_plain(row['outlet'])}  {row['relation']}, "
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


# --------------------------------------------------------------------------- Markdown


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
            ev = md(_q(hop.evidence.text, 120)) if hop.evidence else ""
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
            ev = f": {md(_q(c.evidence.text, 120))}" if c.evidence else ""
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


# --------------------------------------------------------------------------- HTML


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
        ev = _wrap("\u201c" + hop.evidence.text + "\u201d", ev_width, ev_max) if hop.evidence else ["(no evidence quoted)"]
        hops.append(
            {
                "i": i,
                "name_lines": _wrap(hop.name, name_width, 3),
                "full": f"{hop.name} ({hop.kind})" + (f": \u201c{hop.evidence.text}\u201d" if hop.evidence else ""),
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


def _undecided(trace: Trace) -> list[str]:
    out = list(trace.undecided)
    if not trace.article.published and not any("date" in u.lower() for u in out):
        dated = _dateline_date(trace)
        out.insert(0, "publication date unknown: " + (
            f"the page gives none apart from its dateline ({dated})" if dated else "the page does not state one"
        ))
    return out


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


# --------------------------------------------------------------------------- ClaimReview


def _work(url: str | None, published: str | None, outlet: str | None, input_: str | None) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if url:
        work["url"] = url
    elif input_:
        work["name"] = input_
    if published:
        work["datePublished"] = published
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
        work["author"] = {"@type": "Organization", "name": outlet}
    return work


def _claim_text(trace: Trace) -> str:
    """The principal claim: the content of the attribution that opens the principal chain."""
    chain = trace.chain
    first = chain.hops[0] if chain and chain.hops else None
    for at in trace.attributions:
        if at.content and first and (at.speaker == first.name or (at.source and at.source.text == first.name)):
            return said(at)
    for at in trace.attributions:
        if at.content:
            return said(at)
    return trace.article.title


def to_claimreview(trace: Trace) -> dict:
    """schema.org ClaimReview: where the claim first appeared and where it was carried since."""
    a = trace.article
    rows = _timeline(trace)
    first = next((r for r in rows if r["earlier"]), None) or next(r for r in rows if r["self"])
    outlet_name = trace.outlet.name if trace.outlet else a.site_name
    works = []
    for r in rows:
        if r is first:
            continue
        works.append(_work(r["url"], r["published"], r["outlet"] if not r["self"] else outlet_name, r["input"]))
    chain = trace.chain
    claim: dict = {
        "@type": "Claim",
        "firstAppearance": _work(
            first["url"], first["published"], first["outlet"] if not first["self"] else outlet_name, first["input"]
        ),
        "appearance": works,
    }
    if chain and chain.hops:
        src = chain.hops[0]
        claim["author"] = {"@type": "Person" if src.kind == "source" else "Organization", "name": src.name}
    kinds = ", ".join(f.kind for f in trace.flags) or "none"
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": " ".join(_claim_text(trace).split()),
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": "tracer (automated provenance report)"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": f"Provenance traced: {trace.layers} attribution layers",
            "ratingExplanation": (
                f"Citation chain: {_chain_line(chain) or 'none found'}. Flags: {kinds}. "
                "This is a provenance reading, not a verdict on the claim's truth."
            ),
        },
    }


def render_claimreview(trace: Trace) -> str:
    return json.dumps(to_claimreview(trace), ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- entry point


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
