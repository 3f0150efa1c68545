"""Which of a page's titles is its headline: pure choice, no HTML here (extract.py reads it).

A page names itself several times: ``og:title`` and JSON-LD (often a rewrite for social
media and search), ``<title>`` (usually with the site's name) and its ``<h1>``, which is
what a reader sees above the story. When an ``<h1>`` tells the same story as one of the
other titles it is the headline ("Coronavirus: New York ramps up mass burials amid
outbreak", where og:title says "New York ramps up mass burials amid virus outbreak"). An
``<h1>`` that shares too little with them is a site logo or a section name ("Allergies
Health Center"), not the headline, and the metadata's title stands.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import normalize

# An <h1> is the headline when at least this share of the shorter one's words (of the
# <h1> and a title) is in both, and at least MIN_SHARED words are.
SHARE = 0.6
MIN_SHARED = 2
MAX_WORDS = 60  # a longer <h1> is a block of text set large, not a headline


def choose(h1s: Iterable[str], titles: Iterable[str], site_names: Iterable[str] = ()) -> str | None:
    """The ``<h1>`` (as given) that best agrees with any of ``titles``, or None.

    ``site_names`` (canonical forms) are never headlines: an ``<h1>`` that only names the
    site agrees with every title that ends in the site's name."""
    sites = {s for s in site_names if s}
    site_words = {w for s in sites for w in s.split()}
    title_words = [set(w) for w in (normalize.tokens(t) for t in titles) if w and " ".join(w) not in sites]
    best, best_key = None, None
    for h1 in h1s:
        words = normalize.tokens(h1)
        if not words or len(words) > MAX_WORDS or len(set(words) - site_words) < MIN_SHARED:
            continue  # ("The Spokesman-Review Newspaper": a logo is the site's name, or nearly)
        mine = set(words)
        for theirs in title_words:
            shared = len(mine & theirs)
            if shared >= MIN_SHARED and shared >= SHARE * min(len(mine), len(theirs)):
                # the share first, then the closer length ("Yellow Vests and I" beats
                # "Pamela Anderson" in the title "Yellow Vests and I — Pamela Anderson"),
                # then the shorter: a headline beats its kicker-and-headline when the
                # metadata carries both
                key = (shared / min(len(mine), len(theirs)), -abs(len(mine) - len(theirs)), -len(mine))
                if best_key is None or key > best_key:
                    best, best_key = h1, key
    return best
