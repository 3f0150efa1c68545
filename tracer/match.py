"""Verify candidate copies, align the shared passages, classify and order them in time.

Pure: two :class:`Stored` records in, a :class:`Link` (or ``None``) out. ``compare`` never
trusts the LSH candidate step: every decision is made from the exact shingle sets and a
sentence alignment of the two body texts.

How a pair is read (thresholds measured on ``bench/eval_syndication.py``; see its output):

1. **Body.** The headline block (leading lines repeating ``article.title``) is set aside:
   a re-headlined copy is still a copy, and one headline over two different stories is not.
2. **Exact overlap.** Jaccard and containment (``|A∩B| / min(|A|,|B|)``) of the 5-word
   shingle sets; a pair with containment under :data:`MIN_CONTAINMENT`, fewer than two shared
   paragraph/sentence hashes and fewer than :data:`MIN_SHARED_SHINGLES` shared shingles is
   rejected without aligning (the usual candidate that shares one boilerplate sentence).
3. **Alignment** (:func:`align`): sentences matched by canonical text, then fuzzy pairs
   (rapidfuzz ``ratio``/``token_sort_ratio`` on canonical text, cut-off
   :data:`FUZZY_CUTOFF`), then short sentences next to a match; consecutive matched sentences
   merge into passages, so reordered paragraphs and light edits still align.
4. **Coverage**: the share of each body's words inside aligned sentences, with at most one
   short (boilerplate) unmatched paragraph at either end of each body left out.
5. **Relation**: ``verbatim`` when every body sentence matches exactly, in order, on both
   sides and the headlines agree; ``derived`` when one side is mostly covered
   (coverage >= :data:`WHOLE_COVERAGE`: edited, truncated, reordered, re-headlined); ``partial``
   when at least :data:`MIN_PARTIAL_WORDS` words (:data:`MIN_PARTIAL_EXACT_WORDS` if matched
   exactly) in :data:`MIN_PARTIAL_SENTENCES` sentences of 8+ words are shared but both sides
   carry their own text; otherwise not a copy (``None``). A single shared quote, a reworded
   quote or one recurring editor's note stays below these floors (measured false links).
6. **Direction** (the first rule that decides wins, each reason kept in ``evidence``):
   credits (a page crediting outlet X is downstream of X's own page), publication dates
   (dates after ``now`` are ignored; a page with no date of its own is dated by its
   dateline, by day), containment (a copy whose body lies inside the
   other's, which is at least 15% longer, is the truncated, downstream one), then the fixed
   tie-break: the lower id (stored first) is the source.
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from . import fingerprint as fp
from . import normalize
from .models import Link, Passage, Span, Splits, Stored

MIN_CONTAINMENT = 0.15  # below this, alignment is only tried with 2+ shared passage hashes ...
MIN_SHARED_SHINGLES = 40  # ... or this many shared shingles (cheap reject of boilerplate hits)
FUZZY_CUTOFF = 80.0  # rapidfuzz score (0-100) for two sentences to count as one edited sentence
FUZZY_MIN_WORDS = 6  # shorter sentences only match exactly
FUZZY_MAX_PAIRS = 250_000  # beyond this many unmatched sentence pairs (book-length texts) only
# exact matches are used: bounds time and the score matrix (1 MB of float32)
ANCHOR_MIN_WORDS = 4  # shorter exact matches only count next to another match
WHOLE_COVERAGE = 0.8  # one side this covered: the whole story was taken (derived/verbatim)
VERBATIM_COVERAGE = 0.98  # exact, in-order coverage on both sides for "verbatim"
HEADLINE_SAME = 0.9  # headline similarity at which two headlines count as the same
MIN_PARTIAL_WORDS = 60  # shared words, counting only sentences of fingerprint.MIN_WORDS or more,
MIN_PARTIAL_SENTENCES = 2  # ... in at least this many such sentences (one shared quote is not reuse)
MIN_PARTIAL_EXACT_WORDS = 40  # or this many words in exactly matched such sentences
BOILERPLATE_WORDS = 40  # an unmatched edge paragraph this short is boilerplate
CONTAINED = 0.9  # direction from containment: the smaller side this covered ...
CONTAINING = 0.85  # ... and the larger side at most this covered


class _Sentence(NamedTuple):  # internal, ~30 an article: cheaper to make than a frozen dataclass
    start: int
    end: int
    canon: str
    words: int
    paragraph: int


_BODIES: OrderedDict[tuple[str, str | None], tuple[_Sentence, ...]] = OrderedDict()
_BODIES_MAX = 1024  # an article meets many candidates: split it once (pure, bounded)


def _body_sentences(text: str, title: str | None, made: Splits | None = None) -> tuple[_Sentence, ...]:
    """The body's sentences as the matcher compares them. ``made``: the text's splits when
    the caller has them (a worker's or the store's), read as offsets: no Span per sentence."""
    key = (text, title)
    hit = _BODIES.get(key)
    if hit is not None:
        _BODIES.move_to_end(key)
        return hit
    if made is None:
        made = normalize.splits(text)
    skip = fp.body_start(text, title)
    starts = [p for p in made.paragraphs[::2] if p >= skip]
    words_of = fp.words_of(text)
    spaced = words_of.spaced  # made already if just fingerprinted
    out = []
    # the same sentences, paragraph by paragraph, that the fingerprint made, each
    # numbered by the body paragraph it lies in
    offsets = made.sentences
    for k in range(0, len(offsets), 2):
        start, end = offsets[k], offsets[k + 1]
        if start < skip:
            continue
        words = spaced[start:end].split() if spaced is not None else words_of.within(start, end)
        if words:
            number = bisect.bisect_right(starts, start) - 1
            out.append(_Sentence(start, end, " ".join(words), len(words), number))
    body = tuple(out)
    _BODIES[key] = body
    if len(_BODIES) > _BODIES_MAX:
        _BODIES.popitem(last=False)
    return body


def _match(sa: list[_Sentence], sb: list[_Sentence]) -> dict[int, tuple[int, float]]:
    """Sentence pairs: exact (score 1.0), then fuzzy, then short sentences beside a match."""
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    where: dict[str, list[int]] = {}
    for j, s in enumerate(sb):
        where.setdefault(s.canon, []).append(j)
    for i, s in enumerate(sa):
        if s.words < ANCHOR_MIN_WORDS:
            continue
        for j in where.get(s.canon, ()):
            if j not in used:
                pairs[i] = (j, 1.0)
                used.add(j)
                break
    ia = [i for i, s in enumerate(sa) if i not in pairs and s.words >= FUZZY_MIN_WORDS]
    jb = [j for j, s in enumerate(sb) if j not in used and s.words >= FUZZY_MIN_WORDS]
    if ia and jb and len(ia) * len(jb) <= FUZZY_MAX_PAIRS:
        qa = [sa[i].canon for i in ia]
        qb = [sb[j].canon for j in jb]
        # token_sort_ratio is ratio on sorted tokens: sort once here instead of per pair
        sa_sorted = [" ".join(sorted(q.split())) for q in qa]
        sb_sorted = [" ".join(sorted(q.split())) for q in qb]
        scores = np.maximum(
            process.cdist(qa, qb, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, dtype=np.float32),
            process.cdist(sa_sorted, sb_sorted, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                          dtype=np.float32),
        )
        rows, cols = np.nonzero(scores)
        order = np.argsort(-scores[rows, cols], kind="stable")
        for k in order:
            i, j = ia[rows[k]], jb[cols[k]]
            if i not in pairs and j not in used:
                pairs[i] = (j, float(scores[rows[k], cols[k]]) / 100.0)
                used.add(j)
    changed = True
    while changed:  # short sentences ("He declined.") between or beside matched ones
        changed = False
        for i, s in enumerate(sa):
            if i in pairs:
                continue
            for step in (-1, 1):
                if i - step in pairs:
                    j = pairs[i - step][0] + step
                    if 0 <= j < len(sb) and j not in used and sb[j].canon == s.canon:
                        pairs[i] = (j, 1.0)
                        used.add(j)
                        changed = True
                        break
    return pairs


def _passages(text_a: str, text_b: str, sa, sb, pairs) -> tuple[Passage, ...]:
    out: list[Passage] = []
    run: list[tuple[int, int, float]] = []

    def flush():
        if run:
            a0, a1 = sa[run[0][0]].start, sa[run[-1][0]].end
            b0, b1 = sb[run[0][1]].start, sb[run[-1][1]].end
            score = sum(r[2] for r in run) / len(run)
            out.append(Passage(Span.of(text_a, a0, a1), Span.of(text_b, b0, b1), round(score, 4)))

    for i in sorted(pairs):
        j, score = pairs[i]
        if run and not (i == run[-1][0] + 1 and j == run[-1][1] + 1):
            flush()
            run = []
        run.append((i, j, score))
    flush()
    return tuple(out)


def align(a_text: str, b_text: str, *, a_title: str | None = None,
          b_title: str | None = None) -> tuple[Passage, ...]:
    """Passages the two texts share, as spans in both (``source`` in ``a_text``).

    Sentence-level and order-free: reordered paragraphs give one passage per run of
    consecutive matched sentences; edited sentences match fuzzily. Headline blocks (lines
    repeating the title, or the first line when no title is given) are left out.
    """
    sa = _body_sentences(a_text, a_title)
    sb = _body_sentences(b_text, b_title)
    return _passages(a_text, b_text, sa, sb, _match(sa, sb))


def headline_similarity(a: str | None, b: str | None) -> float:
    """Token-sort similarity (0-1) of two headlines on their canonical form; 0 when one is missing."""
    ca, cb = normalize.canonical(a or ""), normalize.canonical(b or "")
    if not ca or not cb:
        return 0.0
    return fuzz.token_sort_ratio(ca, cb) / 100.0


def similarity(a: Stored, b: Stored) -> float:
    """Exact Jaccard of the two shingle sets (symmetric; 1.0 for identical texts)."""
    return fp.jaccard(a.fingerprint.shingles, b.fingerprint.shingles)


@dataclass(frozen=True)
class _Coverage:
    a: float  # share of a's body words in matched sentences
    b: float
    exact_a: float  # the same, exact matches only
    exact_b: float
    shared_words: int  # in matched sentence pairs of at least fingerprint.MIN_WORDS words
    shared_sentences: int  # such pairs
    exact_words: int  # the same, exact matches only
    exact_sentences: int
    in_order: bool


def _coverage(sa, sb, pairs) -> _Coverage:
    matched_b = {j: score for j, score in pairs.values()}

    def side(sents, matched: dict[int, float]):
        total = [s.words for s in sents]
        skip = set()
        if sents:  # one short unmatched paragraph at either end is boilerplate
            for para in {sents[0].paragraph, sents[-1].paragraph}:
                idx = [k for k, s in enumerate(sents) if s.paragraph == para]
                if all(k not in matched for k in idx) and sum(total[k] for k in idx) <= BOILERPLATE_WORDS:
                    skip.update(idx)
        denom = sum(w for k, w in enumerate(total) if k not in skip) or 1
        cov = sum(total[k] for k in matched if k not in skip) / denom
        exact = sum(total[k] for k, score in matched.items() if score == 1.0 and k not in skip) / denom
        return min(cov, 1.0), min(exact, 1.0)

    cov_a, exact_a = side(sa, {i: s for i, (j, s) in pairs.items()})
    cov_b, exact_b = side(sb, matched_b)
    js = [pairs[i][0] for i in sorted(pairs)]
    long = [(min(sa[i].words, sb[j].words), score) for i, (j, score) in pairs.items()
            if min(sa[i].words, sb[j].words) >= fp.MIN_WORDS]
    exact = [w for w, score in long if score == 1.0]
    return _Coverage(cov_a, cov_b, exact_a, exact_b, sum(w for w, _ in long), len(long),
                     sum(exact), len(exact),
                     all(x < y for x, y in zip(js, js[1:])))


def _classify(cov: _Coverage, headline: float, same_body: bool) -> str | None:
    """verbatim | derived | partial | None, from the coverage of an alignment."""
    whole = max(cov.a, cov.b) >= WHOLE_COVERAGE
    if whole and (same_body or (min(cov.exact_a, cov.exact_b) >= VERBATIM_COVERAGE and cov.in_order)):
        return "verbatim" if headline >= HEADLINE_SAME else "derived"
    if whole:
        return "derived"
    if cov.shared_words >= MIN_PARTIAL_WORDS and cov.shared_sentences >= MIN_PARTIAL_SENTENCES:
        return "partial"
    if cov.exact_words >= MIN_PARTIAL_EXACT_WORDS and cov.exact_sentences >= MIN_PARTIAL_SENTENCES:
        return "partial"
    return None


_NAME = re.compile(r"[\W_]+")


def _name(value: str | None) -> str:
    """An outlet's name as a credit is matched with it: case, spaces and punctuation aside,
    and a domain as the name it spells ("businessinsider.com", which a copy's canonical link
    credits, is the page that calls itself "Business Insider")."""
    value = (value or "").casefold().strip()
    if "." in value and " " not in value:
        value = value.removeprefix("www.").split(".", 1)[0]
    return _NAME.sub("", value)


def _when(value: str | None, now: str | None):
    """A comparable publication time: (date, datetime | None); None when unreadable or future."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
            text = text[:10]
        except ValueError:
            return None
    has_time = len(text) > 10
    limit = _when(now, None) if now else None
    if limit is not None and moment.date() > limit[0]:
        return None
    return moment.date(), (moment if has_time and moment.tzinfo is not None else None)


def _dated(s: Stored) -> str:
    if s.article.published:
        return f"published {s.article.published}"
    return f"dateline dated {s.dateline_date}"


def _direction(a: Stored, b: Stored, *, relation: str, cov: _Coverage | None = None,
              now: str | None = None) -> tuple[Stored, Stored, list[str]]:
    """(source, target, evidence): which copy came first, and why."""
    outlet_a, outlet_b = _name(a.outlet), _name(b.outlet)
    credits_a = {_name(c) for c in a.credits}
    credits_b = {_name(c) for c in b.credits}
    b_credits_a = bool(outlet_a) and outlet_a in credits_b
    a_credits_b = bool(outlet_b) and outlet_b in credits_a
    if b_credits_a != a_credits_b:
        if b_credits_a:
            return a, b, [f"target credits {a.outlet}"]
        return b, a, [f"target credits {b.outlet}"]
    evidence: list[str] = []
    wa, wb = _when(a.article.published, now), _when(b.article.published, now)
    if wa and wb:
        first = None
        if wa[1] is not None and wb[1] is not None and wa[1] != wb[1]:
            first = a if wa[1] < wb[1] else b
        elif wa[0] != wb[0]:
            first = a if wa[0] < wb[0] else b
        if first is not None:
            other = b if first is a else a
            return first, other, [
                f"published {first.article.published} before {other.article.published}"]
        evidence.append(f"published the same day ({a.article.published})")
    else:
        # A page without a date of its own may still carry its dateline's ("MOSCOW (Sputnik -
        # 09th January, 2020)"): the day its text was filed. Compared by day, with the other
        # page's own date or dateline, before containment and the tie-break.
        da = wa or _when(a.dateline_date, now)
        db = wb or _when(b.dateline_date, now)
        if da and db and da[0] != db[0]:
            first, other = (a, b) if da[0] < db[0] else (b, a)
            return first, other, [f"{_dated(first)} before {_dated(other)}"]
    if relation == "derived" and cov is not None:
        if cov.a >= CONTAINED and cov.b <= CONTAINING:  # a lies inside b: a is the truncated copy
            return b, a, evidence + [_contained(cov.a)]
        if cov.b >= CONTAINED and cov.a <= CONTAINING:
            return a, b, evidence + [_contained(cov.b)]
    first, other = (a, b) if a.id <= b.id else (b, a)
    return first, other, evidence + ["tie-break: the source was stored first (lower id)"]


def _contained(share: float) -> str:
    # the passages' cover, not the shingle containment the link also shows (a short
    # page's few shingles can fall below it while every sentence of it is shared)
    return f"target's text is contained in the source's: shared passages cover {share:.2f} of the target's body"


def _comparable(s: Stored):
    """Its fingerprint, made again from the text when stored by another version."""
    f = s.fingerprint
    if f.version == fp.VERSION:
        return f
    return fp.fingerprint(s.article.text, skip=fp.body_start(s.article.text, s.article.title))


def _passage_keys(f) -> set[str]:
    return {h.hash for h in f.paragraphs + f.sentences}


def _headline_hashes(s: Stored) -> set[str]:
    skip = fp.body_start(s.article.text, s.article.title)
    f = s.fingerprint
    return {h.hash for h in f.paragraphs + f.sentences if h.start < skip}


def _shared_passages(a: Stored, fa, b: Stored, fb) -> int:
    """How many passage hashes both texts hold, headlines aside."""
    return len((_passage_keys(fa) & _passage_keys(fb)) - _headline_hashes(a) - _headline_hashes(b))


def compare(a: Stored, b: Stored, *, now: str | None = None) -> Link | None:
    """A syndication link between two stored articles, or None when neither copies the other.

    ``Link.source_id`` is the earlier copy; ``passages`` are oriented source -> target.
    """
    fa, fb = _comparable(a), _comparable(b)
    shingles_a, shingles_b = fa.shingles, fb.shingles
    inter = fp.intersection(shingles_a, shingles_b)
    union = len(shingles_a) + len(shingles_b) - inter
    jac = inter / union if union else 1.0
    smaller = min(len(shingles_a), len(shingles_b))
    cont = inter / smaller if smaller else float(union == 0)
    if cont < MIN_CONTAINMENT and inter < MIN_SHARED_SHINGLES and (
        _shared_passages(a, fa, b, fb) < MIN_PARTIAL_SENTENCES  # (asked only here: rarely)
    ):
        return None  # at most one shared sentence (a quote, a recurring editor's note)
    ta, tb = a.article.text, b.article.text
    sa = _body_sentences(ta, a.article.title, a.splits)
    sb = _body_sentences(tb, b.article.title, b.splits)
    pairs = _match(sa, sb)
    if not pairs:
        return None
    cov = _coverage(sa, sb, pairs)
    same_body = [s.canon for s in sa] == [s.canon for s in sb]
    headline = headline_similarity(_title(a), _title(b))
    relation = _classify(cov, headline, same_body)
    if relation is None:
        return None
    source, target, evidence = _direction(a, b, relation=relation, cov=cov, now=now)
    passages = _passages(ta, tb, sa, sb, pairs)
    if source is b:
        passages = tuple(Passage(p.target, p.source, p.score) for p in passages)
    words = cov.shared_words
    evidence = [
        f"{relation}: jaccard {jac:.2f}, containment {cont:.2f}",
        f"{len(passages)} shared passage{'s' if len(passages) != 1 else ''}, {words} words",
        f"headline similarity {headline:.2f}",
    ] + evidence
    return Link(
        source_id=source.id,
        target_id=target.id,
        relation=relation,
        similarity=round(jac, 4),
        containment=round(cont, 4),
        passages=passages,
        evidence=tuple(evidence),
    )


def _title(s: Stored) -> str | None:
    if s.article.title:
        return s.article.title
    line = normalize.first_line(s.article.text)
    return line.text if line else None
