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


def _reference_repeats(a: Article) -> list[tuple[int, int]]:
    """The plain rule, pair by pair: (start of the first, start of the repeat)."""
    from rapidfuzz import fuzz

    paras = [p for p in a.paragraphs[1:] if len(p.text) >= duplication.MIN_PARAGRAPH_CHARS]
    canon = [normalize.canonical(p.text) for p in paras]
    out, used = [], set()
    for i in range(len(paras)):
        if i in used:
            continue
        for j in range(i + 1, len(paras)):
            if j in used:
                continue
            x, y = canon[i], canon[j]
            short, long_ = sorted((x, y), key=len)
            if len(short) < 0.6 * len(long_):
                continue
            if x == y or short in long_ or fuzz.ratio(x, y) >= duplication.PARAGRAPH_CUTOFF:
                used.add(j)
                out.append((paras[i].start, paras[j].start))
                break
    return out


def test_repeated_paragraphs_match_the_plain_rule_on_generated_articles():
    import random

    rng = random.Random(11)
    words = ("the council said on tuesday that a new budget for parks would add money "
             "for trees lighting and repairs across districts after months of dispute").split()
    flagged = long_flagged = 0
    for n in range(300):
        # every third page is long enough to have its pairs screened by character counts
        count = rng.randint(duplication.SCREEN_FROM, 45) if n % 3 == 0 else rng.randint(2, 12)
        paras = [" ".join(rng.choice(words) for _ in range(rng.randint(10, 40))).capitalize() + "."
                 for _ in range(count)]
        for _ in range(rng.randint(0, 3)):  # repeats: verbatim, edited, cut, extended
            p = rng.choice(paras)
            kind = rng.randrange(5)
            if kind == 1:
                k = rng.randrange(len(p))
                p = p[:k] + rng.choice("xyz ") + p[k + 1:]
            elif kind == 2:
                p = p[: int(len(p) * rng.uniform(0.55, 0.95))]
            elif kind == 3:
                p = p + " " + " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
            else:  # edited up to the cutoff and past it: ratio about 91-96
                for k in rng.sample(range(len(p)), int(len(p) * rng.uniform(0.04, 0.09))):
                    p = p[:k] + rng.choice("xyz") + p[k + 1:]
            paras.insert(rng.randrange(len(paras) + 1), p)
        a = article("Headline of the story\n\n" + "\n\n".join(paras))
        got = [(f.evidence.start, f.related[0].start) for f in duplication.repeated_paragraphs(a)]
        assert got == _reference_repeats(a)
        flagged += bool(got)
        long_flagged += bool(got) and n % 3 == 0
    assert flagged > 100  # the generated repeats are found, not only the misses agreed on
    assert long_flagged > 40


def test_a_page_of_repeated_rows_gets_one_flag_not_one_a_row():
    rows = [f"Question {k}: is the bus service running on the holiday timetable this week? Yes, "
            f"route {k} runs every hour." for k in range(6)]
    text = "Bus FAQ\n\n" + "\n\n".join(rows + rows)
    flags = duplication.repeated_paragraphs(article(text))
    assert len(flags) == 1 and flags[0].kind == "repeated-paragraph"
    assert flags[0].message.startswith("6 paragraphs are repeated")
    assert flags[0].evidence.text == rows[0] and len(flags[0].related) == 11
    assert all(text[s.start:s.end] == s.text for s in flags[0].related)


def test_a_few_repeats_keep_a_flag_each():
    rows = [f"Paragraph {k} says the council met on Tuesday and agreed to fund the new park." for k in range(3)]
    text = "Council news\n\n" + "\n\n".join(rows + rows)
    assert len(duplication.repeated_paragraphs(article(text))) == 3


def test_a_short_lede_repeated_after_a_dateline_is_a_repeated_paragraph_not_a_headline():
    """The headline is the first block: a pair below it is the lede printed twice."""
    lede = ("A year ago it seemed unlikely that Donald Trump would become the Republican nominee for "
            "president, let alone one who would go on to win the general election, and yet here we are, "
            "looking back at the things he has said about Latinos.")
    text = f"Offensive things Trump has said\n\n{lede}\n\nNEW YORK (CNN) -- {lede}\n\nThe rest of the story follows."
    assert [f.kind for f in duplication.flags(article(text))] == ["repeated-paragraph"]


def test_rows_of_one_template_are_not_a_repeated_paragraph():
    from tracer.duplication import repeated_paragraphs

    rows = [
        "US RTX 3080 retailers at a glance: Best Buy, Amazon, B&H and Newegg all list the card.",
        "Prices vary by retailer, and stock of the BIS scanner and the ADP chamber is limited.",
        "US RTX 3090 retailers at a glance: Best Buy, Amazon, B&H and Newegg all list the card.",
        "- Availability: ADP is typically only available at universities and medical settings today.",
        "- Availability: BIS is typically only available at universities and medical settings today.",
    ]
    assert repeated_paragraphs(article("Cards\n\n" + "\n\n".join(rows))) == ()
    # a typo fixed in the copy, or a word the page has nowhere else, is still one paragraph twice
    lede = "The governor said the bridge would reopen in May after repairs to its northern span."
    again = "The govenor said the bridge would reopen in May after repairs to its northern span."
    assert len(repeated_paragraphs(article(f"Bridge\n\n{lede}\n\nMore follows.\n\n{again}"))) == 1


def test_two_rows_of_a_table_alike_are_no_repeat_but_a_row_printed_twice_is():
    from tracer.duplication import repeated_paragraphs

    first = "| my_ggp + theme(axis.text = element_text(size = 20)) # Axis text size |"
    second = "| my_ggp + theme(axis.text.x = element_text(size = 20)) # x-axis text size |"
    prose = "Example 2 illustrates how to modify the font size of the axis labels of the plot."
    assert repeated_paragraphs(article(f"Fonts\n\n{prose}\n\n{first}\n\nMore text.\n\n{second}")) == ()
    assert len(repeated_paragraphs(article(f"Fonts\n\n{prose}\n\n{first}\n\nMore text.\n\n{first}"))) == 1
    # many rows alike: the template flag, as before
    rows = [f"| {name} Camera: the camera you will use when playing locked to a player. | Default Tele |"
            for name in "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet".split()]
    flags = repeated_paragraphs(article("Settings\n\n" + "\n\n".join(rows)))
    assert len(flags) == 1 and "template" in flags[0].message


def test_one_thing_said_of_women_and_of_men_is_no_repeat():
    """healthline's "For a 7-site measurement in women, ..." / "... in men, ..." (a labelled
    wrong flag): a swap such as women/men makes two statements, not one printed twice."""
    from tracer.duplication import repeated_paragraphs

    women = ("For a 7-site measurement in women, the chest, area near the armpit and area beneath the "
             "shoulder blade are also measured.")
    men = "For a 7-site measurement in men, the areas near the armpit and beneath the shoulder blade are also measured."
    prose = "Skinfold measurements estimate body fat from the thickness of the fat under the skin."
    assert repeated_paragraphs(article(f"Body fat\n\n{prose}\n\n{women}\n\n{men}")) == ()
    assert len(repeated_paragraphs(article(f"Body fat\n\n{prose}\n\n{women}\n\n{women}"))) == 1
