"""Syndication results as a report shows them: copies and the uncredited-copy flag. Pure."""

from __future__ import annotations

import json

from .models import Copy, Flag, Party, Passage, Span


def _span(d: dict | None) -> Span | None:
    return None if not d else Span(d["text"], d["start"], d["end"])


def passages_from_json(raw: str | None) -> tuple[Passage, ...]:
    """Shared passages as the store keeps them (JSON) back to dataclasses."""
    return tuple(Passage(_span(p["source_span"]), _span(p["target_span"]), p.get("score", 1.0))
                 for p in json.loads(raw or "[]"))


def dateline_date(raw: str | None) -> str | None:
    """The date an ``articles.dateline`` value (JSON) gives, if any."""
    return json.loads(raw).get("date") if raw else None


def date_shown(published: str | None, dateline_date: str | None) -> str | None:
    """A date to show: the page's own, else its dateline's, marked as such."""
    if published:
        return published
    return f"{dateline_date} (dateline)" if dateline_date else None


def copy_from_link_row(row: dict, article_id: int) -> Copy:
    """A links row (joined with both articles, see Store.links) seen from ``article_id``."""
    other_is_source = row["target_id"] == article_id
    p = "s_" if other_is_source else "t_"
    passages = passages_from_json(row["passages"])
    return Copy(
        id=row["source_id"] if other_is_source else row["target_id"],
        input=row[p + "input"], url=row[p + "url"], outlet=row[p + "outlet"],
        published=row[p + "published"], relation=row["relation"],
        similarity=row["similarity"], containment=row["containment"],
        earlier=other_is_source, passages=passages,
        dateline_date=dateline_date(row.get(p + "dateline")),
    )


def order(copies: list[Copy]) -> tuple[Copy, ...]:
    """Earliest first: known dates (a dateline's where the page gives none) ascending, then
    earlier-than-us, then by id."""
    return tuple(sorted(copies, key=lambda c: (c.day is None, c.day or "",
                                               not c.earlier, c.id)))


def _name(value: str | None) -> str:
    name = (value or "").casefold().strip()
    return name[4:] if name.startswith("the ") else name


def uncredited_copy(target: Party, source: Party, passages: tuple[Passage, ...]) -> Flag | None:
    """The later copy credits nobody yet carries text first published by another outlet.

    A credit naming the copy's own outlet ("This article originally appeared on <its own
    name>") credits nobody else (bench/eval_syndication.py: 9 of the 10 flags it missed)."""
    own = _name(target.outlet)
    if any(_name(c) != own for c in target.credits):
        return None
    if target.outlet and source.outlet and target.outlet == source.outlet:
        return None  # an outlet republishing itself is not copying
    origin = source.outlet or source.origin
    evidence = passages[0].target if passages else None
    return Flag(
        "uncredited-copy",
        f"carries text first published by {origin} (article {source.id}) and credits nobody",
        evidence,
    )
