"""Syndication results as a report shows them: copies and the uncredited-copy flag. Pure."""

from __future__ import annotations

import json

from .models import Copy, Flag, Passage, Span, Stored


def _span(d: dict) -> Span:
    return Span(d["text"], d["start"], d["end"])


def copy_from_link_row(row: dict, article_id: int) -> Copy:
    """A links row (joined with both articles, see Store.links) seen from ``article_id``."""
    other_is_source = row["target_id"] == article_id
    p = "s_" if other_is_source else "t_"
    passages = tuple(
        Passage(_span(x["source_span"]), _span(x["target_span"]), x.get("score", 1.0))
        for x in json.loads(row["passages"] or "[]")
    )
    return Copy(
        id=row["source_id"] if other_is_source else row["target_id"],
        input=row[p + "input"], url=row[p + "url"], outlet=row[p + "outlet"],
        published=row[p + "published"], relation=row["relation"],
        similarity=row["similarity"], containment=row["containment"],
        earlier=other_is_source, passages=passages,
    )


def order(copies: list[Copy]) -> tuple[Copy, ...]:
    """Earliest first: known dates ascending, then earlier-than-us, then by id."""
    return tuple(sorted(copies, key=lambda c: (c.published is None, c.published or "",
                                               not c.earlier, c.id)))


def uncredited_copy(target: Stored, source: Stored, passages: tuple[Passage, ...]) -> Flag | None:
    """The later copy credits nobody yet carries text first published by another outlet."""
    if target.credits:
        return None
    if target.outlet and source.outlet and target.outlet == source.outlet:
        return None  # an outlet republishing itself is not copying
    origin = source.outlet or source.article.url or source.article.input
    evidence = passages[0].target if passages else None
    return Flag(
        "uncredited-copy",
        f"carries text first published by {origin} (article {source.id}) and credits nobody",
        evidence,
    )
