"""Links and attributions as JSON objects and terminal lines (ARCHITECTURE.md contracts)."""

from __future__ import annotations

import json

from .copies import dateline_date, passages_from_json
from .models import Attribution, Span


def _span(span: Span | None):
    return None if span is None else span.to_dict()


def attribution_object(a: Attribution) -> dict:
    return {"source": _span(a.source), "cue": _span(a.cue), "content": _span(a.content),
            "kind": a.kind, "speaker": a.speaker, "via": list(a.via),
            "anonymous": a.anonymous, "vague": a.vague, "rule": a.rule}


def _end(row: dict, p: str) -> dict:
    return {"id": row[f"{p}id"] if f"{p}id" in row else None, "input": row[f"{p}_input"],
            "url": row[f"{p}_url"], "outlet": row[f"{p}_outlet"],
            "published": row[f"{p}_published"], "title": row[f"{p}_title"],
            # the date its dateline gives: direction's evidence where a page has no date
            "dateline_date": dateline_date(row.get(f"{p}_dateline"))}


def link_object(row: dict) -> dict:
    """A row of ``Store.links`` as the link object of the CLI contract."""
    source, target = _end(row, "s"), _end(row, "t")
    source["id"], target["id"] = row["source_id"], row["target_id"]
    return {
        "source": source, "target": target, "relation": row["relation"],
        "similarity": row["similarity"], "containment": row["containment"],
        "shared_passages": [{"source_span": p.source.to_dict(), "target_span": p.target.to_dict()}
                            for p in passages_from_json(row["passages"], row["s_text"], row["t_text"])],
        "evidence": json.loads(row["evidence"] or "[]"),
    }


def render_link(obj: dict) -> str:
    s, t = obj["source"], obj["target"]

    def name(end):
        when = end["published"] or (f"dateline {end['dateline_date']}" if end.get("dateline_date")
                                    else "date unknown")
        return f"#{end['id']} {end['outlet'] or end['url'] or end['input']} ({when})"

    # match.compare's evidence: three lines on the overlap, then why the source came first
    lines = [f"{name(s)} → {name(t)}",
             f"    {obj['relation']}, similarity {obj['similarity']:.2f}, containment "
             f"{obj['containment']:.2f}; " + ("; ".join(obj["evidence"][1:3])
                                             or f"{len(obj['shared_passages'])} shared passage(s)")]
    if obj["evidence"][3:]:
        lines.append("    source first: " + "; ".join(obj["evidence"][3:]))
    return "\n".join(lines)
