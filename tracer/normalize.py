"""Text normalisation with offsets kept: paragraphs, sentences, tokens.

Every function is pure. Spans always point into the string they were given, so later
stages can quote evidence verbatim. ``paragraphs`` and ``sentences`` are memoised: the
dateline, attribution, fingerprint and match stages all split the same text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .models import Span, Splits

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"\w+", re.UNICODE)

# Abbreviations that end with a period but rarely end a sentence in news copy.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "a.m", "p.m", "mt", "ft", "ave", "rev", "adm", "maj", "pres", "sec", "dept", "est", "fig",
}
_SENT_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+|$)")


def clean(text: str) -> str:
    """Unicode NFC, unified newlines; offsets of the result are what gets stored."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def canonical(text: str) -> str:
    """Case-, quote- and whitespace-folded form for hashing and comparison: the words only,
    so curly and straight quotes or a no-break space make no difference."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def token_spans(text: str) -> list[Span]:
    return [Span(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def _strip_span(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    kept = piece.strip()  # str.strip and str.isspace agree on what white space is
    if not kept:
        return None
    start += len(piece) - len(piece.lstrip())
    return Span(kept, start, start + len(kept))


@functools.lru_cache(maxsize=64)
def paragraphs(text: str) -> tuple[Span, ...]:
    """Blank-line separated blocks; a text without blank lines splits on lines."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, start = [], 0
    for m in separator.finditer(text):
        span = _strip_span(text, start, m.start())
        if span:
            spans.append(span)
        start = m.end()
    span = _strip_span(text, start, len(text))
    if span:
        spans.append(span)
    return tuple(spans)


_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_WINDOW = 24  # longer than any abbreviation: the token before a period is looked at here


# "U.S." and its like end sentences too ("... talks in the U.S. He said"): after them, a
# word that starts sentences and never a name ("U.S. Army") ends the sentence.
PLACE_ABBREV = {"u.s", "u.k", "u.n"}
# ("And", "So", "Yet" are left out: title-case headlines put them after "U.S." mid-sentence)
SENTENCE_STARTERS = {"He", "She", "It", "They", "We", "I", "The", "This", "That", "These", "Those",
                     "But", "His", "Her", "Their", "Its", "There", "However"}
_NEXT_WORD = re.compile(r"\s+(\w+)")
_SHORT = 1 + max(map(len, _ABBREV | PLACE_ABBREV))  # letters no abbreviation has


def abbreviation_before(chunk: str, start: int, dot: int) -> bool:
    """Whether the token ending at the period ``chunk[dot]`` is an abbreviation or an
    initial ("Mr.", "U.S.", "J.") that does not end the sentence. Looks at a short window,
    never the whole paragraph."""
    lo = max(start, dot - _WINDOW)
    word = _WORD_BEFORE.search(chunk, lo, dot + 1)
    if not word:
        return False
    if word.start() == lo and lo > start and (chunk[lo - 1].isalnum() or chunk[lo - 1] in "._"):
        return False  # the token runs past the window: too long to be an abbreviation
    token = word.group(1)
    lowered = token.lower()
    if lowered in PLACE_ABBREV:
        after = _NEXT_WORD.match(chunk, dot + 1)
        return not (after and after.group(1) in SENTENCE_STARTERS)
    return lowered in _ABBREV or (len(token) == 1 and "A" <= token <= "Z")


# Names that end in a stop and do not end a sentence ("Yahoo! Finance reported", "the VW
# ID. Buzz"), unless a word that starts sentences follows ("... joined Yahoo! He said").
_NAME_STOP = re.compile(r"(?<![\w.])(?:Yahoo|Jeopardy|Yahtzee|Joomla|Wham)!$|(?<![\w.])(?:VW|Volkswagen)\s+ID\.$")


def name_stop(chunk: str, start: int, end: int) -> bool:
    """Whether the stop ending at ``chunk[end - 1]`` ends a name, not the sentence."""
    if not _NAME_STOP.search(chunk, max(start, end - 16), end):
        return False
    after = _NEXT_WORD.match(chunk, end)
    return not (after and after.group(1) in SENTENCE_STARTERS)


def splits(text: str) -> Splits:
    """``paragraphs(text)`` and ``sentences(text)`` as offsets."""
    return Splits(tuple(x for span in paragraphs(text) for x in (span.start, span.end)),
                  tuple(x for span in sentences(text) for x in (span.start, span.end)))


@functools.lru_cache(maxsize=2048)
def sentences(text: str, within: Span | None = None) -> tuple[Span, ...]:
    """Sentences with offsets into ``text`` (rule-based; paragraph breaks always split)."""
    out: list[Span] = []
    blocks = [within] if within else list(paragraphs(text))
    for block in blocks:
        base, chunk, start = block.start, block.text, 0
        nxt = _NEXT_CHAR.match(chunk)
        begin = nxt.start(1) if nxt else len(chunk)  # the sentence's first character
        for m in _SENT_END.finditer(chunk):
            dot = m.start()
            # a stop after more letters than any abbreviation has ends the sentence: the
            # check that costs a search runs only for short words
            if chunk[dot] == "." and not (dot - _SHORT >= start and chunk[dot - _SHORT:dot].isalpha()) \
                    and abbreviation_before(chunk, start, dot):
                continue
            end = m.end()
            nxt = _NEXT_CHAR.match(chunk, end)
            if nxt and nxt.group(1).islower():
                continue
            if name_stop(chunk, start, dot + 1):
                continue
            # from its first character to its end mark: nothing to strip
            out.append(Span(text[base + begin:base + end], base + begin, base + end))
            start, begin = end, nxt.start(1) if nxt else len(chunk)
        span = _strip_span(text, base + begin, base + len(chunk))
        if span:
            out.append(span)
    return tuple(out)


def first_line(text: str) -> Span | None:
    """The first non-empty line: a .txt file's headline."""
    pos = 0
    for line in text.split("\n"):
        span = _strip_span(text, pos, pos + len(line))
        if span:
            return span
        pos += len(line) + 1
    return None
