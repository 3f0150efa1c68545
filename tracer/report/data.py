"""A trace as plain data: the dict every machine-readable format starts from, and JSON."""

from __future__ import annotations

import json

from ..models import Attribution, ChainHop, Copy, Flag, Label, Span, Trace

SCHEMA_VERSION = "1.4"  # 1.1: copies[].dateline_date; 1.2: flags[].about; 1.3: author; 1.4: link



def _span(span: Span | None) -> dict | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _label(label: Label) -> dict:
    return {"label": label.label, "meaning": label.meaning, "source": label.source}


def _hop(hop: ChainHop) -> dict:
    out = {"name": hop.name, "kind": hop.kind, "evidence": _span(hop.evidence)}
    if hop.link:
        out["link"] = hop.link
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
        "about": f.about,
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
        "author": a.author,
    }
    if include_text:
        out["text"] = a.text
    out.update(
        {
            "sha256": trace.sha256,
            "dateline": dateline,
            "credits": [c.to_dict() for c in trace.credits],
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
