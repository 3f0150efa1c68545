"""Tidy the author trafilatura reads from a page's markup into a byline of people's names.

trafilatura's ``extract_author`` takes whatever text sits in an author element, and pages
put more than the name there: the date that follows it ("Joshua Sokol May", from "By Joshua
Sokol May 3, 2018"), a credential ("Grant Tinsley; PhD"), a desk title ("Ben Silverman
Games Editor"), a verb ("Art Edwards says"), a placeholder ("Username", "No Author"), a
desk in place of a person ("Our Foreign Staff") or a sentence of the author's biography. A fact-checker reads the
byline as "who wrote this", so those are cut; a name is never rewritten otherwise, and an
organisation's byline ("Wikimedia Foundation") stays. Pure: a string in, a string or None
out.
"""

from __future__ import annotations

import re

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Degrees and licences written after a name ("Brenda Goodman, MA"); split off as a name of
# their own by trafilatura, which splits on commas.
_CREDENTIALS = {"phd", "ph d", "md", "m d", "ma", "msc", "ms", "mba", "mph", "rn", "rd", "ld",
                "rdn", "cde", "np", "pharmd", "mbbs", "dds", "dvm", "do", "jd", "llm", "facp", "frcp",
                "ba", "bsc", "mfa"}
# What a page puts in its author box when it has no author.
_PLACEHOLDERS = {"username", "no author", "author", "admin", "administrator", "follow",
                 "anonymous", "unknown", "staff", "guest", "editor", "by"}
_ROLES = {"editor", "writer", "reporter", "correspondent", "columnist", "contributor",
          "producer", "analyst", "critic", "photographer", "intern"}
# Words that stand before a role in a desk title ("Senior Political Reporter"); a name's
# own words are not cut unless they are here.
_DESKS = {"senior", "staff", "chief", "deputy", "managing", "contributing", "associate",
          "executive", "assistant", "political", "politics", "games", "gaming", "tech",
          "technology", "science", "sports", "business", "health", "news", "national",
          "foreign", "digital", "features", "entertainment", "opinion", "investigative",
          "white", "house", "economics", "culture", "travel", "weather", "legal", "world"}
_AGENCIES = {"ap", "afp", "upi", "reuters"}  # cut in a desk title only: "AP Sports Writer"
_TITLE_WORDS = _DESKS | _AGENCIES  # what may stand before a role in a desk title
_DESK_ONLY = _DESKS | _ROLES  # a byline of these words alone names a desk
_VERBS = {"says", "said", "writes", "wrote", "reports", "reported"}
_LEAD = re.compile(r"^(?:by|author|written by|posted by|story by)\s*:?\s+", re.IGNORECASE)
_WORD = re.compile(r"[\w'’.-]+")
MAX_WORDS = 5  # besides particles ("van der"): longer is a sentence ("Has Worked As A ...")
_PARTICLES = {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le",
              "bin", "bint", "al", "el", "ibn", "y", "dos", "das"}


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _name(piece: str) -> str | None:
    """One name of the byline, tidied; None when nothing of a person's name is left."""
    piece = piece.strip()
    words = _WORD.findall(_LEAD.sub("", piece))
    if not words:
        return None
    # a trailing date: "May" and the day, year or time after it (never the name's own words)
    for i in range(len(words) - 1, 1, -1):
        if words[i].casefold().rstrip(".") in _MONTHS and all(
                any(c.isdigit() for c in w) for w in words[i + 1:]):
            words = words[:i]
            break
    while len(words) > 2 and words[-1].casefold() in _VERBS:
        words = words[:-1]
    if words[-1].casefold() in _ROLES:  # "Games Editor", "AP National Political Writer"
        cut = len(words) - 1
        while cut and words[cut - 1].casefold() in _TITLE_WORDS:
            cut -= 1
        words = words[:cut]
        if not words:
            return None
    folded = _fold(" ".join(words))
    if folded in _CREDENTIALS or folded in _PLACEHOLDERS:
        return None
    if words[0].casefold() == "our" or all(w.casefold() in _DESK_ONLY for w in words):
        return None  # a desk, not a person: "Our Foreign Staff", "Staff Writer"
    if sum(w.casefold() not in _PARTICLES for w in words) > MAX_WORDS:
        return None
    if len(words) == len(_WORD.findall(piece)):
        return piece
    # cut down to one word ("Author Bo"): a handle at most, as trafilatura reads one word
    return " ".join(words) if len(words) > 1 else None


def tidy(author: str | None) -> str | None:
    """The byline's names joined with "; " (trafilatura's separator), each tidied; None
    when no name is left."""
    if not author:
        return None
    names = []
    for piece in author.split(";"):
        name = _name(piece)
        if name and name not in names:
            names.append(name)
    return "; ".join(names) or None
