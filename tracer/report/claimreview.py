"""schema.org ClaimReview JSON-LD: the provenance of one claim for fact-checking sites."""

from __future__ import annotations

import json

from ..models import Trace
from .summary import _chain_line, _timeline, said


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
