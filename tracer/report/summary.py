"""What every format says the same way: shortened quotes, the chain in one line, the
timeline of copies, the outlet labels, the copies in one sentence."""

from __future__ import annotations

import re

from ..copies import date_shown
from ..models import Attribution, Chain, Flag, Label, Trace
from .data import _hop_labels

ARROW = "\u2192"  # →



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
    inner = shorten(text, width).strip()
    if inner[:1] in '"\u201c':
        # a whole quotation (its closing mark gone when cut short): ours replace its marks;
        # a claim that only ends on a quoted word keeps both of its own ('is "ironclad."')
        inner = inner[1:]
        if inner[-1:] in '"\u201d':
            inner = inner[:-1]
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
        "outlet": trace.outlet.name if trace.outlet else (a.site_name or "unknown outlet"),
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
        if first["url"] or first["input"]:  # (a file traced has no URL: its path says which copy)
            tail += f" ({first['url'] or first['input']})"
    outlets = len({c.outlet for c in trace.copies if c.outlet})
    among = f" from {outlets} outlet{'s' if outlets != 1 else ''}" if outlets else ""
    return f"this text appears in {n} other {noun}{among}; {tail}"


def _undecided(trace: Trace) -> list[str]:
    out = list(trace.undecided)
    if not trace.article.published and not any("date" in u.lower() for u in out):
        dated = _dateline_date(trace)
        out.insert(0, "publication date unknown: " + (
            f"the page gives none apart from its dateline ({dated})" if dated else "the page does not state one"
        ))
    return out
