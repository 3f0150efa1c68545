"""Syndication results as a report shows them: copies and the uncredited-copy flag. Pure."""

from __future__ import annotations

import json
import re

from .models import Copy, Flag, Party, Passage, Span


def _span(d: dict | None) -> Span | None:
    return None if not d else Span(d["text"], d["start"], d["end"])


def passages_to_json(passages: tuple[Passage, ...]) -> str:
    """Shared passages as the store keeps them: offsets only, ``[source start, source end,
    target start, target end, score]`` each. Their text is the two articles' stored text
    (a row's text never changes), which each passage copied twice before: 116 of the 260 MB
    of a 5,000-article syndication-bench store."""
    return json.dumps([[p.source.start, p.source.end, p.target.start, p.target.end, p.score]
                       for p in passages], separators=(",", ":"))


def passages_from_json(raw: str | None, source_text: str | None = None,
                       target_text: str | None = None) -> tuple[Passage, ...]:
    """Shared passages back to dataclasses: as the store keeps them (offsets, cut from the
    source's and the target's texts), or as objects with their text (a Spark dataset; links
    stored before migration 10)."""
    out = []
    for p in json.loads(raw or "[]"):
        if isinstance(p, list):
            if source_text is None or target_text is None:
                raise ValueError("passages kept as offsets need both articles' texts")
            s0, s1, t0, t1, score = p
            out.append(Passage(Span.of(source_text, s0, s1), Span.of(target_text, t0, t1), score))
        else:
            out.append(Passage(_span(p["source_span"]), _span(p["target_span"]), p.get("score", 1.0)))
    return tuple(out)


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
    passages = passages_from_json(row["passages"], row["s_text"], row["t_text"])
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


# Shared text two outlets may each have from a third party, which says nothing of who copied
# whom: a quote from a statement both carry, a list (a tour's dates, a results table: lines
# that end in no sentence), a press release's paragraph about the company ("Ascom is a
# global solutions provider ... Ascom's mission is ...").
_QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")
_RELEASED = re.compile(r"\bin an? (?:written |joint )?(?:statement|press release|news release|release)\b")
_SENTENCE_END = re.compile(r"[.!?:][\u201d\"')\]]?\s*$")
_SELF_DESCRIPTION = re.compile(r"(?:About [^\n]{1,60}\n+)?(?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}),?(?: [^.]{0,60},)? (?:is|are) (?:a|an|the) ")
MIN_COPIED_WORDS = 40  # shared words, besides those, for the flag (match.MIN_PARTIAL_EXACT_WORDS)


def _third_party(text: str) -> bool:
    """Whether a shared passage is text both outlets may carry from a third party (see above)."""
    if _RELEASED.search(text) and sum(m.end() - m.start() for m in _QUOTED.finditer(text)) >= 0.6 * len(text):
        return True  # (a quote alone may be the first outlet's own interview: lifted, it is copying)
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) >= 3 and not any(_SENTENCE_END.search(line) for line in lines):
        return True
    about = _SELF_DESCRIPTION.match(text)
    return about is not None and text.count(about.group("name")) >= 2


def uncredited_copy(target: Party, source: Party, passages: tuple[Passage, ...]) -> Flag | None:
    """The later copy credits nobody yet carries text first published by another outlet.

    A credit naming the copy's own outlet ("This article originally appeared on <its own
    name>") credits nobody else (bench/eval_syndication.py: 9 of the 10 flags it missed).
    Passages both may carry from a third party (``_third_party``) are no evidence: when
    there are such, fewer than ``MIN_COPIED_WORDS`` shared words besides them raise no flag."""
    own = _name(target.outlet)
    if any(_name(c) != own for c in target.credits):
        return None
    if target.outlet and source.outlet and target.outlet == source.outlet:
        return None  # an outlet republishing itself is not copying
    own_text = tuple(p for p in passages if not _third_party(p.target.text))
    if len(own_text) < len(passages):
        if sum(len(p.target.text.split()) for p in own_text) < MIN_COPIED_WORDS:
            return None
        passages = own_text
    origin = source.outlet or source.origin
    # whose story the earlier copy says it is: stripped of "DUBAI (Reuters)", the copy still
    # carries Reuters' text
    theirs = [c for c in source.credits if _name(c) != _name(source.outlet)]
    crediting = f", crediting {', '.join(theirs)}" if theirs else ""
    evidence = passages[0].target if passages else None
    return Flag(
        "uncredited-copy",
        f"carries text first published by {origin} (article {source.id}{crediting}) and credits nobody",
        evidence,
        about=source.id,
    )


def one_uncredited(flags: tuple[Flag, ...], copies: tuple[Copy, ...]) -> tuple[Flag, ...]:
    """One uncredited-copy flag however many earlier copies the text shares: the one naming
    the earliest (``copies`` is earliest first), with the others counted. A story on fifty
    sites raised one flag per earlier copy, each saying that copy published it first."""
    mine = [f for f in flags if f.kind == "uncredited-copy"]
    if len(mine) < 2:
        return flags
    rank = {c.id: k for k, c in enumerate(copies)}
    first = min(mine, key=lambda f: rank.get(f.about, len(rank)))
    others = sorted(f.about for f in mine if f is not first and f.about is not None)
    more = len(mine) - 1
    noted = Flag(first.kind, f"{first.message}; {more} other earlier cop{'y' if more == 1 else 'ies'} "
                             f"carr{'ies' if more == 1 else 'y'} it too (article{'' if more == 1 else 's'} "
                             f"{', '.join(map(str, others))})", first.evidence, first.related, first.about)
    return tuple(noted if f is first else f for f in flags if f.kind != "uncredited-copy" or f is first)
