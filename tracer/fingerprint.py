"""Fingerprints for finding copies: word shingles, MinHash signature, LSH bands, passage hashes.

Pure and deterministic: the same text gives the same :class:`Fingerprint` in every process
(no Python ``hash``; fixed seeds), and every fingerprint carries :data:`VERSION`, which
changes whenever any parameter below does (stored fingerprints of another version must be
recomputed before they are compared).

Choices, with the numbers behind them:

* **Tokens** are ``normalize.tokens`` (NFKC, lower-cased ``\\w+``): the same words
  ``normalize.canonical`` keeps, so case, quotes, punctuation and white space never matter.
  The text is lower-cased once, its non-word characters made spaces one for one, and each
  paragraph/sentence splits its own slice of that (``_Words``).
* **Shingles** are 5-word windows. Each token is hashed once with ``zlib.crc32`` (C speed) and
  the windows are combined with a vectorised polynomial hash in numpy, then mixed down to
  32 bits: on 300 PolNeAR texts about 2x faster than a per-shingle ``sha1`` or ``blake2b``
  in Python (0.57 s vs 1.78 s / 1.24 s on a loaded 2-core box; noisy).
* **MinHash**: one-permutation hashing (Li, Owen & Zhang 2012) with densification
  (Shrivastava 2017): the 32-bit shingle hashes are already random, so their range is cut
  into 126 equal bins and each bin's smallest hash is its value; an empty bin (short texts)
  borrows the value of the first non-empty bin in its own fixed random order of bins,
  marked as borrowed so it never equals a bin's own value. A position is equal in two
  texts with probability about their Jaccard, and the positions are nearly independent.
  ``mh1`` used 126 hashes ``(a*x + b) mod (2**61 - 1)`` with ``a < 2**29``: ``a*x`` never
  wrapped, so about half the permutations kept the order of ``x`` and all picked the same
  element. On 400 pairs of 900 random shingles at Jaccard 0.5 its estimate had a spread
  (sd) of 0.27 and a pair shared a band 0.68 of the time, against the S-curve's 0.996;
  this scheme: sd 0.043, 1.000. It also costs 0.06 ms a page instead of 0.43.
* **LSH**: 42 bands x 3 rows. A pair with shingle Jaccard J becomes a candidate with
  probability ``1 - (1 - J**3)**42``: 0.996 at J = 0.5, 0.68 at 0.3, 0.04 at 0.1, 0.005 at
  0.05. (32 x 4 would give only 0.87 at 0.5.) Truncated and partial copies have a low Jaccard
  but share paragraph or sentence hashes, which the store also uses to find candidates, and
  every candidate is verified exactly by ``match.compare``.
* **Headline**: ``skip`` is the number of leading characters (the headline block) left out of
  the shingles, signature, bands and passage hashes, so a re-headlined copy has the same body
  fingerprint and two different stories under one headline share nothing.
  :func:`body_start` finds that offset from the title; ``sha256`` always covers the whole text.
  Callers should pass ``skip=body_start(article.text, article.title)``; with ``skip=0`` the
  headline is shingled too, which costs a re-headlined copy only a few shingles, and
  ``match.compare`` sets headline hashes aside either way.
* **Passage hashes**: ``blake2b`` (8 bytes, hex) of ``normalize.canonical`` of each paragraph
  and each sentence with at least :data:`MIN_WORDS` words; shorter ones (bylines, "Advertisement",
  one-line quotes) would link unrelated stories.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from functools import lru_cache

import numpy as np

from . import normalize
from .models import Fingerprint, ParagraphHash

SHINGLE = 5
PERMUTATIONS = 126  # signature length: the bins of one-permutation hashing (the name is mh1's)
BANDS = 42
ROWS = 3
SEED = 20240107
MIN_WORDS = 8  # paragraphs and sentences shorter than this get no passage hash
SPLIT = 3  # version of normalize.sentences' rules: sentence hashes change with them
VERSION = f"oph1-w{SHINGLE}-p{PERMUTATIONS}-b{BANDS}x{ROWS}-s{SPLIT}"

_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
_POLY = np.uint64(0x100000001B3)  # FNV-64 prime as the polynomial base
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_WORD = re.compile(r"\w")

assert BANDS * ROWS == PERMUTATIONS

# Bin k holds the hashes x with floor(x * PERMUTATIONS / 2**32) == k, those from
# _EDGES[k] = ceil(k * 2**32 / PERMUTATIONS) on: in a sorted array each bin is a run, and
# one searchsorted finds every bin's smallest hash.
_EDGES = np.array([-(-k * (1 << 32) // PERMUTATIONS) for k in range(PERMUTATIONS + 1)],
                  dtype=np.uint64)
_BORROWED = np.uint64(1 << 32)  # added to a borrowed value: above every 32-bit hash


def _orders() -> np.ndarray:
    rng = np.random.default_rng(SEED)
    return np.stack([rng.permutation(PERMUTATIONS) for _ in range(PERMUTATIONS)])


_ORDER = _orders()  # row k: the bins an empty bin k borrows from, in turn (fixed seed)
_ROWS = np.arange(PERMUTATIONS)


def candidate_probability(jaccard: float, bands: int = BANDS, rows: int = ROWS) -> float:
    """The LSH S-curve: chance that a pair with this shingle Jaccard shares a band."""
    return 1.0 - (1.0 - jaccard**rows) ** bands


def shingle_hashes(text: str) -> np.ndarray:
    """Sorted unique 32-bit hashes (uint64 array) of the text's 5-word shingles.

    A text shorter than one shingle gives a single shingle of all its words; no words, none.
    """
    return _shingles(normalize.tokens(text))


def _shingles(words: list[str]) -> np.ndarray:
    n = len(words)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=n)
    width = min(SHINGLE, n)
    count = n - width + 1
    with np.errstate(over="ignore"):
        h = ids[:count].copy()
        for k in range(1, width):
            h = h * _POLY + ids[k : k + count]
        h ^= h >> np.uint64(33)
        h *= _MIX1
        h ^= h >> np.uint64(33)
        h *= _MIX2
        h ^= h >> np.uint64(33)
    return _sorted_unique(h & _MASK32)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a page's shingle hashes in a third of its time (numpy 2's hash-based
    unique, then a sort: 0.08 ms; a sort and a mask: 0.025 ms for 900 values)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


class _Words:
    """Tokens of any slice of a text, equal to ``normalize.tokens`` of that slice. The text
    is lower-cased once and every character that ``\\w`` does not match made a space
    (``_spaced``, one for one), so a slice's tokens are that slice's ``str.split()``: no
    offsets to index, no regex per slice (a page's ~100 paragraphs and sentences, its
    shingles and its repeated-paragraph check each take a slice; 0.30 -> 0.15 ms a page
    against a bisection into an index of every token).

    Offsets are trusted only when folding changes characters one for one: when the text is
    NFKC-normalized already, or would be but for "…" and no-break spaces (which fold to
    "..." and " "; a "." and a " " in their place split the words the same way), and
    lower-casing keeps its length. Otherwise (a ligature, "½", decomposed accents) every span
    is re-tokenised: comparing lengths alone was fooled when a ligature's extra character
    and a composed accent's lost one cancelled out. A slice that cuts a word in two holds
    that word's piece, as ``normalize.tokens`` of the slice would.
    """

    def __init__(self, text: str):
        self.text = text
        plain = text
        if "\u2026" in text or "\u00a0" in text:  # "…": in 14% of the bench pages
            plain = text.replace("\u2026", ".").replace("\u00a0", " ")
        lowered = plain.lower()
        self.exact = unicodedata.is_normalized("NFKC", plain) and len(lowered) == len(text)
        self.lowered = lowered
        self._spaced: str | None = None

    def within(self, start: int, end: int) -> list[str]:
        spaced = self.spaced
        if spaced is None:
            return normalize.tokens(self.text[start:end])
        return spaced[start:end].split()

    @property
    def spaced(self) -> str | None:
        """The text whose slices ``str.split()`` into tokens; None when offsets cannot be
        trusted (then ``within`` re-tokenises). For loops over many slices: no call each."""
        if not self.exact:
            return None
        if self._spaced is None:
            self._spaced = _spaced(self.lowered)
        return self._spaced


_NOT_WORD = re.compile(r"\W")
_SPACE = np.uint32(32)


@lru_cache(maxsize=1)
def word_chars() -> np.ndarray:
    """Whether ``\\w`` matches each character of the Basic Multilingual Plane (surrogates:
    no), from one substitution over all of them (~9 ms, once a process: ``trace`` makes it
    before forking its workers)."""
    plane = "".join(map(chr, range(0xD800))) + "\0" * 0x800 + "".join(map(chr, range(0xE000, 0x10000)))
    return np.frombuffer(_NOT_WORD.sub("\0", plane).encode("utf-32-le"), dtype=np.uint32) != 0


def _spaced(lowered: str) -> str:
    """``lowered`` with every character ``\\w`` does not match made a space, one for one: a
    table lookup over its code points (0.03 ms a page, against 0.15 for ``re.sub``)."""
    try:
        codes = np.frombuffer(lowered.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate: no code point to look up
        return _NOT_WORD.sub(" ", lowered)
    if codes.size == 0 or codes.max() >= 0x10000:  # (emoji and the like: past the table)
        return _NOT_WORD.sub(" ", lowered)
    return np.where(word_chars()[codes], codes, _SPACE).tobytes().decode("utf-32-le")


@lru_cache(maxsize=8)  # the fingerprint, then the matcher, read the same new text
def words_of(text: str) -> _Words:
    """The shared ``_Words`` of a text: its tokenisation is built once for both."""
    return _Words(text)


def signature(shingles: np.ndarray) -> np.ndarray:
    """MinHash signature (PERMUTATIONS uint64 values) of sorted unique 32-bit shingle hashes,
    as ``shingle_hashes`` gives them; all ``_PRIME`` for an empty set."""
    x = np.asarray(shingles, dtype=np.uint64)
    if len(x) == 0:
        return np.full(PERMUTATIONS, _PRIME, dtype=np.uint64)
    starts = np.searchsorted(x, _EDGES)
    first, full = starts[:-1], starts[:-1] < starts[1:]
    sig = x[np.minimum(first, len(x) - 1)]
    if not full.all():
        source = _ORDER[_ROWS, np.argmax(full[_ORDER], axis=1)]  # first non-empty in its order
        sig = np.where(full, sig, x[first[source]] + _BORROWED)
    return sig


def bands(sig) -> tuple[str, ...]:
    """LSH band keys ``"<band index>:<16 hex>"`` for a signature; none for an empty text."""
    values = np.asarray(sig, dtype=np.uint64)
    if len(values) == 0 or bool((values == _PRIME).all()):
        return ()
    raw, width = values.astype("<u8").tobytes(), 8 * ROWS  # one conversion, then byte slices
    return tuple(f"{i}:{hashlib.blake2b(raw[i * width:(i + 1) * width], digest_size=8).hexdigest()}"
                 for i in range(BANDS))


def _digest(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()


def passage_hash(text: str) -> str:
    """Hex digest of the canonical form of a paragraph or sentence.

    ``" ".join(normalize.tokens(text))`` equals ``normalize.canonical(text)`` (the quote folding
    only touches non-word characters) and is faster.
    """
    return _digest(normalize.tokens(text))


def _hashes(spans, skip: int, words: _Words, made: dict) -> tuple[ParagraphHash, ...]:
    """Passage hashes of the spans from ``skip`` on; ``made`` holds those already made, by
    offsets, so a one-sentence paragraph (most news paragraphs) is hashed once."""
    out = []
    for span in spans:
        if span.start < skip:
            continue
        found = made.get((span.start, span.end))
        if found is None:
            words_in = words.within(span.start, span.end)
            if len(words_in) < MIN_WORDS:
                continue
            found = made[span.start, span.end] = ParagraphHash(_digest(words_in), span.start, span.end)
        out.append(found)
    return tuple(out)


@lru_cache(maxsize=1024)  # the matcher asks again for every candidate pair (pure, bounded)
def body_start(text: str, title: str | None = None) -> int:
    """Offset where the body begins: after the leading lines that repeat the headline.

    The headline is ``title`` when given, else the first non-empty line. Leading lines whose
    canonical form equals the headline's (case and punctuation aside, as in the seed's two
    headline lines) are skipped. Returns 0 when the text does not start with the headline or
    when nothing would be left.
    """
    first = normalize.first_line(text)
    if first is None:
        return 0
    head = normalize.canonical(title) if title else normalize.canonical(first.text)
    if not head:
        return 0
    pos, end = 0, 0
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        line = text[pos:stop]
        if line.strip():
            if normalize.canonical(line) != head:
                break
            end = stop
        pos = stop + 1
    if end == 0 or not _WORD.search(text, end):
        return 0
    return end


def fingerprint(text: str, *, skip: int = 0) -> Fingerprint:
    """Fingerprint of ``text``; the first ``skip`` characters (the headline block) are left out
    of the shingles, signature, bands and passage hashes (see the module docstring)."""
    skip = max(0, min(skip, len(text)))
    words = words_of(text)
    body = words.within(skip, len(text))
    if skip and not body:
        skip, body = 0, words.within(0, len(text))
    everything = body if not skip else words.within(0, len(text))
    shingles = _shingles(body)
    sig = signature(shingles)
    made: dict = {}  # passage hashes by offsets, shared by paragraphs and sentences
    return Fingerprint(
        version=VERSION,
        # " ".join(tokens) == normalize.canonical(text): the sha256 of the canonical text
        sha256=hashlib.sha256(" ".join(everything).encode("utf-8")).hexdigest(),
        signature=tuple(sig.tolist()) if len(shingles) else (),
        bands=bands(sig) if len(shingles) else (),
        shingles=tuple(shingles.tolist()),
        paragraphs=_hashes(normalize.paragraphs(text), skip, words, made),
        sentences=_hashes(normalize.sentences(text), skip, words, made),
    )


def intersection(a, b) -> int:
    """Number of shared values of two sorted unique shingle tuples."""
    if not a or not b:
        return 0
    if len(a) > len(b):
        a, b = b, a
    return len(set(a).intersection(b))


def jaccard(a, b) -> float:
    """Exact Jaccard of two shingle sets; 1.0 for two empty sets (identical empty texts)."""
    if not a and not b:
        return 1.0
    inter = intersection(a, b)
    return inter / (len(a) + len(b) - inter)


def containment(a, b) -> float:
    """|A ∩ B| / min(|A|, |B|): the share of the smaller text found in the larger."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return intersection(a, b) / min(len(a), len(b))


def estimate(sig_a, sig_b) -> float:
    """Jaccard estimated from two MinHash signatures (share of equal positions)."""
    if not sig_a or not sig_b or len(sig_a) != len(sig_b):
        return 0.0
    return sum(x == y for x, y in zip(sig_a, sig_b)) / len(sig_a)
