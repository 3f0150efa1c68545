import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracer import fingerprint as fp
from tracer import match, normalize
from tracer.models import Article, Fingerprint, Stored

HEADLINE = "Council Approves New Budget For City Parks After Months Of Dispute"
BODY = [
    "The city council approved a new budget for public parks on Tuesday, ending a dispute that had delayed repairs for most of the year.",
    "Council members voted seven to two in favour of the plan, which adds money for playgrounds, lighting and the care of old trees across the city.",
    '"This is a good day for every family that uses our parks," the mayor told reporters after the vote at city hall.',
    "Opponents said the plan spends too much on new projects while existing facilities in the eastern districts are still waiting for basic repairs.",
    "The budget sets aside four million dollars for the riverside park, where flooding damaged paths and benches during the spring storms.",
    "Parks officials said work on the first playgrounds could begin in early summer if contractors are hired on schedule.",
    "A group of residents who had campaigned for months for better lighting in the northern parks welcomed the decision but promised to watch the spending closely.",
    "The council will review progress on the repairs at a public meeting in the autumn, when the first reports from the parks department are due.",
]
OTHER_SAME_TOPIC = [
    "Residents packed a community centre on Monday evening to argue over how the city should pay for its aging parks and swimming pools.",
    "Several speakers asked the council to delay any decision until an independent audit of the parks department had been completed.",
    "A local business owner said the riverside area had become unsafe at night and that lighting should come before any new playgrounds.",
    "The mayor did not attend the meeting, but a spokesperson said the administration was listening carefully to every neighbourhood.",
    "Council members are expected to vote on the parks budget next week after a final round of negotiations with the finance committee.",
    "Budget documents show that spending on park maintenance has fallen by almost a third over the past decade while visitor numbers rose.",
]
HOST = [
    "The regional rail operator announced on Wednesday that it will add evening trains on the coastal line starting next month.",
    "Commuters have complained for years that the last train leaves too early for people who work late shifts in the harbour district.",
    "The operator said the new services would be paid for by a grant from the transport ministry and by higher parking fees at stations.",
    "Union representatives said they had not been consulted about the new timetable and asked for talks about staffing the late trains.",
    "A spokesperson for the operator said the timetable would be reviewed after six months based on passenger numbers.",
]


def article(title, paras):
    return "\n\n".join([title] + list(paras)) + "\n"


def stored(id, text, *, published=None, outlet=None, credits=(), title=None):
    title = title if title is not None else normalize.first_line(text).text
    art = Article(input=f"doc{id}.txt", title=title, text=text,
                  paragraphs=normalize.paragraphs(text), published=published)
    return Stored(id, art, fp.fingerprint(text, skip=fp.body_start(text, title)),
                  credits=credits, outlet=outlet)


ORIGINAL = article(HEADLINE, BODY)


def edited_body():
    paras = list(BODY)
    paras[1] = paras[1].replace("voted seven to two", "voted 7-2")
    paras[3] = paras[3].replace("Opponents said", "Critics argued")
    paras[4] = paras[4].replace("four million dollars", "$4 million")
    paras[6] = paras[6].replace(" but promised to watch the spending closely", "")
    del paras[5]
    return paras


VARIANTS = {
    "verbatim": (article(HEADLINE, BODY + ["This story was first published by the Valley Gazette."]), "verbatim"),
    "truncated": (article(HEADLINE, BODY[:4]), "derived"),
    "edited": (article(HEADLINE, edited_body()), "derived"),
    "reordered": (article(HEADLINE, [BODY[0]] + BODY[4:] + BODY[1:4]), "derived"),
    "reheadlined": (article("Parks Finally Get Their Money", BODY), "derived"),
    "partial": (article("Evening Trains Coming To Coastal Line", HOST[:3] + BODY[4:7] + HOST[3:]), "partial"),
}


@pytest.mark.parametrize("kind", list(VARIANTS))
def test_relation_of_each_kind_of_copy(kind):
    text, relation = VARIANTS[kind]
    link = match.compare(stored(1, ORIGINAL), stored(2, text))
    assert link is not None, kind
    assert link.relation == relation, (kind, link.evidence)
    assert link.source_id == 1  # stored first, or the containing text
    assert link.passages


def test_identical_texts_are_verbatim_with_similarity_one():
    link = match.compare(stored(1, ORIGINAL), stored(2, ORIGINAL))
    assert link.relation == "verbatim"
    assert link.similarity == 1.0 and link.containment == 1.0


def test_same_topic_different_story_is_not_linked():
    other = article("Residents Argue Over Parks Budget", OTHER_SAME_TOPIC)
    assert match.compare(stored(1, ORIGINAL), stored(2, other)) is None


def test_shared_headline_alone_is_not_a_link():
    same_headline = article(HEADLINE, OTHER_SAME_TOPIC)
    assert match.compare(stored(1, ORIGINAL), stored(2, same_headline)) is None
    # also when the fingerprints were made without skipping the headline
    a, b = stored(1, ORIGINAL), stored(2, same_headline)
    a = Stored(1, a.article, fp.fingerprint(ORIGINAL))
    b = Stored(2, b.article, fp.fingerprint(same_headline))
    assert match.compare(a, b) is None


def test_one_shared_quote_is_not_reuse():
    quote = BODY[2]
    other = article("Residents Argue Over Parks Budget", OTHER_SAME_TOPIC[:3] + [quote] + OTHER_SAME_TOPIC[3:])
    assert match.compare(stored(1, ORIGINAL), stored(2, other)) is None


def test_direction_from_dates_overrides_storage_order():
    copy = VARIANTS["verbatim"][0]
    link = match.compare(stored(1, copy, published="2020-01-10"),
                         stored(2, ORIGINAL, published="2020-01-09"))
    assert (link.source_id, link.target_id) == (2, 1)
    assert "published 2020-01-09 before 2020-01-10" in link.evidence


def test_direction_from_datetimes_on_the_same_day():
    link = match.compare(stored(1, VARIANTS["verbatim"][0], published="2020-01-09T12:00:00+00:00"),
                         stored(2, ORIGINAL, published="2020-01-09T08:30:00+00:00"))
    assert link.source_id == 2


def test_future_dates_are_ignored():
    link = match.compare(stored(1, ORIGINAL, published="2020-01-09"),
                         stored(2, VARIANTS["verbatim"][0], published="2031-01-01"),
                         now="2020-02-01")
    assert not any(e.startswith("published") for e in link.evidence)
    assert link.source_id == 1


def test_direction_from_datelines_when_pages_carry_no_date():
    copy = VARIANTS["verbatim"][0]

    def dated(id, text, day, published=None):
        return dataclasses.replace(stored(id, text, published=published), dateline_date=day)

    # the stored-first copy's dateline is a day later: the dateline decides, not the id
    link = match.compare(dated(1, copy, "2020-01-10"), dated(2, ORIGINAL, "2020-01-09"))
    assert (link.source_id, link.target_id) == (2, 1)
    assert "dateline dated 2020-01-09 before dateline dated 2020-01-10" in link.evidence
    # a page's own date against the other's dateline
    link = match.compare(dated(1, copy, "2020-01-10"), stored(2, ORIGINAL, published="2020-01-08"))
    assert link.source_id == 2 and "published 2020-01-08 before dateline dated 2020-01-10" in link.evidence
    # two page dates decide whatever the datelines say
    link = match.compare(dated(1, copy, "2020-01-01", published="2020-01-10"),
                         dated(2, ORIGINAL, "2020-01-12", published="2020-01-09"))
    assert link.source_id == 2 and not any("dateline" in e for e in link.evidence)
    # the same day, a future day or no dateline on one side: the later rules decide
    for a, b in ((dated(1, ORIGINAL, "2020-01-09"), dated(2, copy, "2020-01-09")),
                 (dated(1, ORIGINAL, "2020-01-09"), dated(2, copy, "2031-01-01")),
                 (dated(1, ORIGINAL, "2020-01-10"), stored(2, copy))):
        link = match.compare(b, a, now="2020-02-01")
        assert link.source_id == 1 and any(e.startswith("tie-break") for e in link.evidence)


def test_direction_from_credits():
    agency = stored(5, ORIGINAL, outlet="Sputnik", published="2020-01-09")
    page = stored(3, VARIANTS["verbatim"][0], outlet="Pakistan Point News",
                  credits=("Sputnik",), published="2020-01-09")
    link = match.compare(page, agency)
    assert (link.source_id, link.target_id) == (5, 3)
    assert "target credits Sputnik" in link.evidence


def test_direction_from_containment_truncated_copy_is_downstream():
    link = match.compare(stored(1, VARIANTS["truncated"][0]), stored(2, ORIGINAL))
    assert (link.source_id, link.target_id) == (2, 1)
    # the figure is the passages' cover of the target, named as such: not the link's containment
    assert any(e.startswith("target's text is contained in the source's: shared passages cover 1.00 of the target")
               for e in link.evidence)


def test_tie_break_lower_id_is_source():
    a, b = stored(7, ORIGINAL), stored(4, VARIANTS["verbatim"][0])
    for x, y in ((a, b), (b, a)):
        link = match.compare(x, y)
        assert link.source_id == 4
        assert any(e.startswith("tie-break") for e in link.evidence)


def test_headline_similarity_in_evidence():
    link = match.compare(stored(1, ORIGINAL), stored(2, VARIANTS["reheadlined"][0]))
    assert any(e.startswith("headline similarity 0.") for e in link.evidence)


@pytest.mark.parametrize("kind", list(VARIANTS))
def test_passages_are_spans_of_both_texts_oriented_source_to_target(kind):
    text = VARIANTS[kind][0]
    a, b = stored(2, ORIGINAL), stored(1, text)  # the copy has the lower id
    link = match.compare(a, b)
    texts = {a.id: a.article.text, b.id: b.article.text}
    for p in link.passages:
        src, tgt = texts[link.source_id], texts[link.target_id]
        assert 0 <= p.source.start < p.source.end <= len(src)
        assert src[p.source.start : p.source.end] == p.source.text
        assert tgt[p.target.start : p.target.end] == p.target.text
        assert 0.0 < p.score <= 1.0


def test_align_reordered_and_edited():
    passages = match.align(ORIGINAL, VARIANTS["reordered"][0])
    assert len(passages) >= 2  # one passage per moved block
    covered = sum(p.source.end - p.source.start for p in passages)
    assert covered > 0.9 * len(ORIGINAL[ORIGINAL.index(BODY[0]):].strip())
    fuzzy = match.align(ORIGINAL, VARIANTS["edited"][0])
    assert any(p.score < 1.0 for p in fuzzy)


def test_similarity_symmetric():
    for text, _ in VARIANTS.values():
        a, b = stored(1, ORIGINAL), stored(2, text)
        assert match.similarity(a, b) == match.similarity(b, a)
        ab, ba = match.compare(a, b), match.compare(b, a)
        assert (ab.similarity, ab.containment, ab.relation) == (ba.similarity, ba.containment, ba.relation)
        assert (ab.source_id, ab.target_id) == (ba.source_id, ba.target_id)


def test_old_fingerprint_versions_are_recomputed():
    a = stored(1, ORIGINAL)
    old = Stored(2, a.article, Fingerprint(version="old", sha256="x", signature=(), bands=(),
                                           shingles=(1, 2, 3)))
    link = match.compare(a, old)
    assert link is not None and link.similarity == 1.0


sentences = st.lists(st.sampled_from(BODY + OTHER_SAME_TOPIC + HOST), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None)
@given(sentences, sentences)
def test_compare_properties(x, y):
    ta, tb = article("First Headline Here", x), article("Second Headline There", y)
    a, b = stored(1, ta), stored(2, tb)
    ab, ba = match.compare(a, b), match.compare(b, a)
    assert (ab is None) == (ba is None)
    if ab is not None:
        assert ab.similarity == ba.similarity and ab.relation == ba.relation
        assert 0.0 <= ab.similarity <= 1.0 and 0.0 <= ab.containment <= 1.0
        for p in ab.passages:
            assert p.source.text == {1: ta, 2: tb}[ab.source_id][p.source.start : p.source.end]
            assert p.target.text == {1: ta, 2: tb}[ab.target_id][p.target.start : p.target.end]
    if x == y:
        assert ab is not None and ab.similarity == 1.0


def test_records_sharing_an_id_are_each_read_for_themselves():
    """A worker compares every new article under the same id (pipeline.PENDING_ID) against
    the same cached candidate: nothing computed for one is reused for the next."""
    source = stored(1, ORIGINAL)
    copy = stored(2**62, VARIANTS["verbatim"][0])
    unrelated = stored(2**62, article("Residents Argue Over Parks Budget", OTHER_SAME_TOPIC))
    truncated = stored(2**62, VARIANTS["truncated"][0])

    def jaccard(x):
        return round(fp.jaccard(x.fingerprint.shingles, source.fingerprint.shingles), 4)

    assert match.compare(copy, source).similarity == jaccard(copy)
    assert match.compare(unrelated, source) is None
    link = match.compare(truncated, source)
    assert link.relation == "derived" and link.similarity == jaccard(truncated) < jaccard(copy)
    # and a record's answer does not depend on what was compared before
    assert match.compare(copy, source) == match.compare(stored(2**62, VARIANTS["verbatim"][0]), source)

