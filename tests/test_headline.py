from tracer.extract import extract
from tracer.headline import choose

BODY = "".join(f"<p>{s}</p>" for s in [
    "City officials said on Tuesday that crews had opened three new burial trenches on Hart Island "
    "as the number of deaths in the outbreak kept rising across the five boroughs.",
    "The island has been used for mass burials for more than a century, the mayor's office said in "
    "a statement, and contract workers now dig there five days a week instead of one.",
    "Relatives who cannot afford a private funeral may still ask for a body to be moved later, "
    "according to the city's medical examiner, who said records are kept for every grave.",
])


def page(h1: str, og: str, title: str, site: str = "Harbor Gazette") -> bytes:
    head = (f'<meta property="og:title" content="{og}"><meta property="og:site_name" content="{site}">'
            f"<title>{title}</title>")
    return (f"<html><head>{head}</head><body><header><a href='/'>{site}</a></header>"
            f"<article>{h1}{BODY}</article></body></html>").encode()


def title_of(data: bytes) -> str:
    return extract(data, input="p.html", kind="html").title


def test_the_h1_is_the_headline_when_it_tells_the_same_story_as_og_title():
    data = page("<h1>Coronavirus: New York ramps up mass burials amid outbreak</h1>",
                "New York ramps up mass burials amid virus outbreak",
                "Coronavirus: New York ramps up mass burials amid outbreak - Harbor Gazette")
    article = extract(data, input="p.html", kind="html")
    assert article.title == "Coronavirus: New York ramps up mass burials amid outbreak"
    # the text opens with the headline a reader sees, once
    assert article.text.startswith(article.title + "\n\n")
    assert article.text.count("ramps up mass burials") == 1


def test_an_h1_naming_the_site_or_a_section_leaves_the_metadata_title():
    og = "Crews open new burial trenches on Hart Island"
    for h1 in ("<h1>Harbor Gazette</h1>", "<h1>Health Center</h1>"):
        article = extract(page(h1, og, og + " | Harbor Gazette"), input="p.html", kind="html")
        assert article.title == og


def test_a_kicker_in_its_own_element_is_not_part_of_the_headline():
    data = page("<h1><span>Open Progress</span><br><span>Why collaborative thinking beats "
                "individual smarts</span></h1>",
                "Why collaborative thinking beats individual smarts",
                "Open Progress - Why collaborative thinking beats individual smarts | Harbor Gazette")
    assert title_of(data) == "Why collaborative thinking beats individual smarts"


def test_choose_prefers_the_closest_agreeing_h1():
    title = ["Yellow Vests and I — Pamela Anderson"]
    assert choose(["Pamela Anderson", "Yellow Vests and I"], title) == "Yellow Vests and I"
    # a longer on-page headline that the social title shortened
    assert choose(["How to Care for Hydrangeas to Get the Most Beautiful Blooms on the Block"],
                  ["How to Care for Hydrangeas"]).startswith("How to Care for Hydrangeas to Get")


def test_choose_needs_enough_shared_words():
    assert choose(["Allergies Health Center"], ["Babies Who Eat Peanuts Early May Avoid Allergy"]) is None
    assert choose(["WordPress"], ["Want to See a More Diverse WordPress Contributor Community?"]) is None
    assert choose(["Harbor Gazette"], ["Storm hits coast Harbor Gazette"], {"harbor gazette"}) is None
    assert choose([], ["Anything"]) is None
    assert choose(["Storm hits coast"], []) is None
    assert choose(["word " * 61], ["word"]) is None  # a block of text set large


def test_an_icons_title_or_a_logo_h1_does_not_stand_in_for_the_page_title():
    # (the page's <title> after an icon's, as on an Atlas Obscura page)
    data = ('<html><head><meta property="og:title" content="Take your next trip with Harbor Gazette!">'
            '</head><body><svg><title>Share</title></svg><h1>Coronavirus: New York ramps up mass '
            f"burials amid outbreak</h1><article>{BODY}</article>"
            "<title>Coronavirus: New York ramps up mass burials amid outbreak - Harbor Gazette</title>"
            "</body></html>").encode()
    assert title_of(data) == "Coronavirus: New York ramps up mass burials amid outbreak"
    # a logo set as <h1> agrees with a <title> that names the site: still not the headline
    assert choose(["The Harbor Gazette Newspaper"], ["The Harbor Gazette", "Storm hits coast"],
                  {"the harbor gazette"}) is None


def test_an_h1s_icons_and_styles_are_not_part_of_its_text():
    data = page("<h1><svg><title>Share icon</title></svg>Coronavirus: New York ramps up "
                "<style>.x{}</style>mass burials amid outbreak</h1>",
                "New York ramps up mass burials amid virus outbreak",
                "Coronavirus: New York ramps up mass burials amid outbreak - Harbor Gazette")
    assert title_of(data) == "Coronavirus: New York ramps up mass burials amid outbreak"
