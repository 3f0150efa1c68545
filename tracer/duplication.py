"""Within-article duplication: a headline printed twice, a paragraph repeated.

Pure. Both copies are returned as evidence so a fact-checker can see them side by side.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .fingerprint import words_of
from .models import Article, Flag, Span

HEADLINE_CUTOFF = 95  # same headline up to case, punctuation and whitespace
PARAGRAPH_CUTOFF = 92  # nearly verbatim
MIN_PARAGRAPH_CHARS = 60  # short lines ("Advertisement") repeat for other reasons
MAX_FUZZY_PARAGRAPHS = 200  # beyond this, exact repeats only (quadratic cost)
HEADLINE_WINDOW = 3  # a repeated headline sits at the top of the page
MAX_REPEAT_FLAGS = 3  # more repeated paragraphs than this make one flag, not one each
MAX_REPEAT_EVIDENCE = 20  # spans kept as that flag's evidence


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def duplicate_headline(article: Article) -> Flag | None:
    """The headline repeated near the top, differing only in case, punctuation or spacing."""
    paras = article.paragraphs
    if not paras:
        return None
    # An HTML article's first block is the title we prepended; a body that repeats it
    # is extraction, not the page's doing, so HTML pages compare body blocks only.
    start = 1 if article.content_type == "html" else 0
    top = [p for p in paras[start : start + HEADLINE_WINDOW + 1] if len(p.text) < 300]
    for i, first in enumerate(top):
        for second in top[i + 1 :]:
            score = fuzz.ratio(first.text, second.text, processor=default_process,
                               score_cutoff=HEADLINE_CUTOFF)
            if score:
                how = "identical" if first.text == second.text else "differs only in case, punctuation or spacing"
                return Flag(
                    "duplicate-headline",
                    f"headline appears twice ({how}): {_short(first.text)!r}",
                    first, (second,),
                )
    return None


def repeated_paragraphs(article: Article, headlines: tuple[Span, ...] = ()) -> tuple[Flag, ...]:
    """Paragraphs repeated nearly verbatim, including one contained in another
    (the summary repeated as the dateline paragraph). The headline block(s) are left to
    ``duplicate_headline``."""
    skip = {h.start for h in headlines} | {article.paragraphs[0].start} if article.paragraphs else set()
    paras = [p for p in article.paragraphs
             if len(p.text) >= MIN_PARAGRAPH_CHARS and p.start not in skip]
    words = words_of(article.text)  # the fingerprint's tokenisation of the same text
    canon = [" ".join(words.within(p.start, p.end)) for p in paras]  # == canonical(p.text)
    flags, used = [], set()
    fuzzy = len(paras) <= MAX_FUZZY_PARAGRAPHS
    lengths = [len(c) for c in canon]
    for i, a in enumerate(canon):
        if i in used:
            continue
        la = lengths[i]
        for j in range(i + 1, len(canon)):
            lb = lengths[j]
            if (la < 0.6 * lb if la <= lb else lb < 0.6 * la) or j in used:
                continue  # neither near-verbatim nor a repeat inside a longer paragraph
            b = canon[j]
            short, long_, ls, ll = (a, b, la, lb) if la <= lb else (b, a, lb, la)
            repeated = a == b or short in long_
            # ratio >= 92 needs |a| - |b| <= 8 % of |a| + |b| (every extra character is an
            # edit): below that length ratio only containment can hold, so skip the scorer.
            if not repeated and fuzzy and ls * (200 - PARAGRAPH_CUTOFF) >= ll * PARAGRAPH_CUTOFF:
                repeated = bool(fuzz.ratio(a, b, score_cutoff=PARAGRAPH_CUTOFF))
            if repeated:
                used.add(j)
                which = "the lede" if i == 0 else "a paragraph"
                flags.append(Flag(
                    "repeated-paragraph",
                    f"{which} is repeated nearly verbatim: {_short(paras[i].text, 70)!r}",
                    paras[i], (paras[j],),
                ))
                break
    if len(flags) > MAX_REPEAT_FLAGS:
        return (_many_repeats(flags),)
    return tuple(flags)


def _many_repeats(flags: list[Flag]) -> Flag:
    """One flag for a page whose paragraphs repeat over and over: FAQ rows, recipe cards and
    table rows do, and a fact-checker needs to know it once, not once a row."""
    spans = [s for f in flags for s in (f.evidence, *f.related) if s is not None]
    return Flag(
        "repeated-paragraph",
        f"{len(flags)} paragraphs are repeated nearly verbatim (pages built from a template, "
        f"such as FAQs, lists or tables, repeat rows; a news story should not), first: "
        f"{_short(flags[0].evidence.text, 70)!r}",
        flags[0].evidence, tuple(spans[1:MAX_REPEAT_EVIDENCE]),
    )


def flags(article: Article) -> tuple[Flag, ...]:
    headline = duplicate_headline(article)
    if headline is None:
        return repeated_paragraphs(article)
    return (headline,) + repeated_paragraphs(article, (headline.evidence, *headline.related))
