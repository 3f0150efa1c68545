"""Within-article duplication: a headline printed twice, a paragraph repeated.

Pure. Both copies are returned as evidence so a fact-checker can see them side by side.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
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
# From this many paragraphs on, pairs are first screened by their character counts (below
# it, numpy's fixed cost per call is more than the pairs cost: 0.1 ms a page)
SCREEN_FROM = 16
_BUCKETS = 32  # characters counted by code point mod 32


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
    # The headline is the first block: a pair further down is the lede printed twice ("CITY
    # (Outlet) - <lede>"), which is a repeated paragraph, not a headline
    # (bench/eval_duplication.py: 35 of 88 such ledes were called headlines).
    for i, first in enumerate(top[:1]):
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
    flags, used, done = [], set(), set()
    alike: list[Flag] = []  # two rows of a table alike: one of many in a template (below), no repeat alone
    fuzzy = len(paras) <= MAX_FUZZY_PARAGRAPHS
    counts: Counter | None = None  # the page's words, counted when a near repeat needs them
    for i, j in _pairs(canon, fuzzy):
        if i in done or i in used or j in used:
            continue  # the first copy of each paragraph is flagged once, with its first repeat
        a, b = canon[i], canon[j]
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        repeated = a == b or short in long_
        if not repeated and fuzzy and _close(len(short), len(long_)):
            repeated = bool(fuzz.ratio(a, b, score_cutoff=PARAGRAPH_CUTOFF))
            if repeated:
                if counts is None:
                    counts = Counter(words.within(0, len(article.text)))
                repeated = not _parallel(a.split(), b.split(), counts)
        if repeated:
            used.add(j)
            done.add(i)
            which = "the lede" if i == 0 else "a paragraph"
            flags.append(Flag(
                "repeated-paragraph",
                f"{which} is repeated nearly verbatim: {_short(paras[i].text, 70)!r}",
                paras[i], (paras[j],),
            ))
            if a != b and _table_row(paras[i].text) and _table_row(paras[j].text):
                alike.append(flags[-1])
    if len(flags) > MAX_REPEAT_FLAGS:
        return (_many_repeats(flags),)
    return tuple(f for f in flags if f not in alike)


def _table_row(text: str) -> bool:
    """A table's row as extraction writes it ("| my_ggp + theme(axis.text = ...) | ... |"):
    rows of one table are alike by design ("axis.text" / "axis.text.x"). Many alike make
    the template flag; two or three alike are no repeat (a row printed twice still is)."""
    return text.startswith("|") and text.rstrip().endswith("|")


# Words whose swap makes a parallel statement, never a copy-editing slip: a page says one
# thing of women and the same of men, of the left and of the right.
_CONTRASTS = frozenset(frozenset(pair.split("/")) for pair in """
women/men woman/man female/male females/males girls/boys girl/boy she/he her/his mother/father
mothers/fathers daughter/son daughters/sons wife/husband sister/brother left/right before/after
up/down north/south east/west minimum/maximum high/low higher/lower highest/lowest increase/decrease
buy/sell buying/selling import/export imports/exports input/output inputs/outputs positive/negative
upper/lower inner/outer summer/winter spring/autumn morning/evening day/night democrats/republicans
democratic/republican liberal/conservative liberals/conservatives adults/children adult/child
""".split())


def _parallel(a: list[str], b: list[str], counts: Counter) -> bool:
    """Whether two nearly equal paragraphs are rows of one template, not one paragraph twice:
    one says of women what the other says of men (``_CONTRASTS``), or they differ in one run
    of at most three words, and that run holds a number ("RTX 3080" /
    "RTX 3090") or words the page uses elsewhere too ("Availability: ADP is ..." /
    "Availability: BIS is ...").
    A typo or an edit that made a near repeat leaves a word the page has nowhere else, or one
    a letter or two from the other."""
    changes = [op for op in Levenshtein.opcodes(a, b) if op.tag != "equal"]
    if any(op.tag == "replace" and op.src_end - op.src_start == 1 and op.dest_end - op.dest_start == 1
           and frozenset((a[op.src_start], b[op.dest_start])) in _CONTRASTS for op in changes):
        return True  # "a 7-site measurement in women, ..." / "... in men, ...": one said of each
    if len(changes) != 1 or changes[0].tag != "replace":
        return False
    op = changes[0]
    old, new = a[op.src_start:op.src_end], b[op.dest_start:op.dest_end]
    if len(old) > 3 or len(new) > 3:
        return False
    if any(ch.isdigit() for word in old + new for ch in word):
        return True
    if len(old) == len(new) == 1 and Levenshtein.distance(old[0], new[0]) <= 2:
        return False  # "goverment" / "government": a typo fixed or made, the same paragraph
    return all(counts[w] > a.count(w) + b.count(w) for w in old + new)


def _close(short: int, long_: int) -> bool:
    """Whether lengths allow ``fuzz.ratio >= PARAGRAPH_CUTOFF``: it needs |a| - |b| <= 8 % of
    |a| + |b| (every extra character is an edit); below, only containment can hold."""
    return short * (200 - PARAGRAPH_CUTOFF) >= long_ * PARAGRAPH_CUTOFF


def _pairs(canon: list[str], fuzzy: bool) -> Iterable[tuple[int, int]]:
    """The pairs (i, j), i < j, in the order the loop tries them, that could be repeats:
    the shorter at least 0.6 of the longer (a near-verbatim copy or one contained in the
    other), and on longer pages also what character counts allow."""
    lengths = [len(c) for c in canon]
    if len(canon) < SCREEN_FROM:
        return ((i, j) for i, la in enumerate(lengths) for j in range(i + 1, len(lengths))
                if not (la < 0.6 * lengths[j] if la <= lengths[j] else lengths[j] < 0.6 * la))
    return _screened(canon, np.array(lengths, dtype=np.int64), fuzzy)


@functools.lru_cache(maxsize=32)
def _upper(n: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(n, 1)


def _screened(canon: list[str], lengths: np.ndarray, fuzzy: bool) -> list[tuple[int, int]]:
    """``_pairs`` for a long page, all at once. Sound screens, so the flags are those of
    trying every pair (tested): a paragraph contained in another has no more of any
    character than it, and fuzz.ratio's Indel distance is at least the sum of the
    differences of the two counts of each character (one edit moves one count by one).
    Counting characters by code point mod 32 only lowers that sum. On the bench pages
    with 25-324 paragraphs: 89 -> 22 ms, the flags unchanged."""
    n = len(canon)
    first, second = _upper(n)
    la, lb = lengths[first], lengths[second]
    short, long_ = np.minimum(la, lb), np.maximum(la, lb)
    near = short >= 0.6 * long_
    first, second, la, lb, short, long_ = (x[near] for x in (first, second, la, lb, short, long_))
    codes = np.frombuffer("".join(canon).encode("utf-32-le"), dtype=np.uint32) % _BUCKETS
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    counts = np.bincount(rows * _BUCKETS + codes, minlength=n * _BUCKETS).reshape(n, _BUCKETS)
    # int16 halves the time; a count fits it while no paragraph is longer than 32,767
    counts = counts.astype(np.int16 if int(lengths.max()) < 2**15 else np.int64)
    diff = counts[first] - counts[second]
    possible = np.where(la <= lb, (diff <= 0).all(axis=1), (diff >= 0).all(axis=1))
    if fuzzy:
        edits = np.abs(diff).sum(axis=1)  # a lower bound of the Indel distance
        # the ratio is 100 * (1 - distance / (|a| + |b|)); one edit of slack for rounding
        allowed = (100 - PARAGRAPH_CUTOFF) * (la + lb) / 100 + 1
        possible |= (short * (200 - PARAGRAPH_CUTOFF) >= long_ * PARAGRAPH_CUTOFF) & (edits <= allowed)
    return list(zip(first[possible].tolist(), second[possible].tolist()))


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
