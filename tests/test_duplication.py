from tracer import duplication, normalize
from tracer.models import Article


def article(text, content_type="text"):
    return Article("x.txt", normalize.first_line(text).text, text, normalize.paragraphs(text),
                   content_type=content_type)


def test_seed_headline_and_lede(seed_text):
    flags = duplication.flags(article(seed_text))
    kinds = [f.kind for f in flags]
    assert kinds == ["duplicate-headline", "repeated-paragraph"]
    head, lede = flags
    assert head.evidence.start == 0 and "In Military" in head.evidence.text
    assert "in Military" in head.related[0].text
    assert seed_text[head.related[0].start:head.related[0].end] == head.related[0].text
    assert lede.evidence.text.startswith("Seoul and Washington")
    assert lede.related[0].text.startswith("MOSCOW (Pakistan Point News")


def test_distinct_headline_not_flagged():
    text = "Storm hits coast\n\nStorm hits coast, thousands evacuated\n\nBody text here."
    assert duplication.duplicate_headline(article(text)) is None


def test_headline_differing_in_punctuation_and_space():
    text = "Talks resume: officials say\n\nTalks  resume officials say!\n\nBody."
    flag = duplication.duplicate_headline(article(text))
    assert flag is not None and flag.kind == "duplicate-headline"


def test_html_title_repeated_once_by_extraction_is_not_flagged():
    text = "Storm hits coast\n\nStorm hits coast\n\nThe body follows here."
    # The first block is the title prepended by extraction; a single repeat in the body
    # is the page's h1, not a duplicated headline.
    assert duplication.duplicate_headline(article(text, "html")) is None


def test_no_repeat_in_ordinary_article():
    paras = [
        "The council voted on Tuesday to extend the curfew for another two weeks in the city.",
        "Shop owners said the measure had already cost them most of their evening trade.",
        "Police reported fewer incidents since the curfew began, according to a statement.",
        "Opposition members called for a review of the policy before the end of the month.",
    ]
    text = "Headline\n\n" + "\n\n".join(paras)
    assert duplication.repeated_paragraphs(article(text)) == ()


def test_repeated_paragraph_near_verbatim():
    para = "The minister said the budget would be presented to parliament next week, officials added."
    text = f"Headline\n\n{para}\n\nSomething else entirely that is long enough to count as a paragraph.\n\n{para.replace('next week', 'next  week')}"
    flags = duplication.repeated_paragraphs(article(text))
    assert len(flags) == 1 and flags[0].related[0].start > flags[0].evidence.start
