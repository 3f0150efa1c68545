"""Property tests over the pure core: never an exception on arbitrary text, spans always
inside the text, similarity symmetric and 1.0 for identical text.

`make test` runs a short pass; `make fuzz` runs the same properties far longer
(hypothesis profile "fuzz").
"""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracer import attribution, dateline, duplication, fingerprint, match, normalize, report
from tracer.models import Article, Stored
from tracer.pipeline import analyse

settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# News-shaped text: words, quotes, datelines, agency names and odd unicode mixed in.
WORDS = st.sampled_from([
    "said", "told", "reporters", "according", "to", "as", "quoted", "by", "Reuters", "AP",
    "(AP)", "—", "Sputnik", "Yonhap", "official", "a", "senior", "the", "he", "she", "They",
    "MOSCOW", "WASHINGTON,", "Jan", "9", "(Reuters)", "-", '"', "“", "”", "‘", "’", "citing",
    "media", "reports", "sources", "familiar", "with", "matter.", "\n", "\n\n", ".", ",",
    "Mr.", "U.S.", "it", "is", "believed", "that", "(Pakistan Point News / Sputnik - 09th January, 2020)",
    "\u00a0", "\u200b", "é", "日本", "\t", ":", "Source:", "Xinhua", "With", "inputs", "from", "agencies",
])
NEWSY = st.lists(WORDS, max_size=120).map(" ".join)
TEXT = st.one_of(st.text(max_size=400), NEWSY)


def inside(span, text):
    return span is None or (0 <= span.start <= span.end <= len(text)
                            and text[span.start:span.end] == span.text)


def make_article(text: str) -> Article:
    text = normalize.clean(text)
    head = normalize.first_line(text)
    return Article("fuzz.txt", head.text if head else "", text, normalize.paragraphs(text))


@given(TEXT)
def test_normalize_spans_inside(text):
    for span in normalize.paragraphs(text) + normalize.sentences(text):
        assert inside(span, text)
    assert normalize.canonical(text) == normalize.canonical(normalize.canonical(text))


@given(TEXT)
def test_dateline_never_raises(text):
    found = dateline.parse(text)
    assert found is None or inside(found.span, text)


@given(TEXT)
def test_attribution_spans_inside(text):
    for a in attribution.extract(text):
        assert inside(a.cue, text) and inside(a.source, text) and inside(a.content, text)
        assert a.kind in {"direct-quote", "indirect", "according-to", "relay", "credit"}


@given(TEXT)
def test_duplication_spans_inside(text):
    article = make_article(text)
    for flag in duplication.flags(article):
        assert inside(flag.evidence, article.text)
        assert all(inside(s, article.text) for s in flag.related)


@given(TEXT)
def test_fingerprint_deterministic(text):
    a, b = fingerprint.fingerprint(text), fingerprint.fingerprint(text)
    assert a == b and a.version == fingerprint.VERSION
    assert list(a.shingles) == sorted(set(a.shingles))


def stored(i, text):
    article = make_article(text)
    return Stored(i, article, fingerprint.fingerprint(article.text))


@given(NEWSY, NEWSY)
def test_similarity_symmetric_and_identity(x, y):
    a, b = stored(1, x), stored(2, y)
    assert match.similarity(a, b) == match.similarity(b, a)
    if a.fingerprint.shingles:
        assert match.similarity(a, stored(3, x)) == 1.0
    link_ab, link_ba = match.compare(a, b), match.compare(b, a)
    assert (link_ab is None) == (link_ba is None)
    if link_ab:
        assert link_ab.similarity == link_ba.similarity
        assert {link_ab.source_id, link_ab.target_id} == {1, 2}
        by_id = {1: a, 2: b}
        for p in link_ab.passages:
            assert inside(p.source, by_id[link_ab.source_id].article.text)
            assert inside(p.target, by_id[link_ab.target_id].article.text)


@given(TEXT)
def test_report_renders_every_format(text):
    from tracer.models import Trace

    a = analyse(make_article(text))
    trace = Trace(article=a.article, id=1, sha256=a.fingerprint.sha256, outlet=a.outlet,
                  dateline=a.dateline, credits=a.credits, attributions=a.attributions,
                  chains=a.chains, flags=a.flags)
    for fmt in report.FORMATS:
        out = report.render(trace, fmt)
        assert isinstance(out, str) and out
    json.loads(report.render(trace, "json"))
    for hop in (trace.chain.hops if trace.chain else ()):
        assert inside(hop.evidence, a.article.text)
