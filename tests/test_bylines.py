import pytest

from tracer import bylines
from tracer.extract import extract

from .test_extract import html_page

# Each "raw" is what trafilatura's author reading gave on a real page of the shared benchmarks.
TIDIED = [
    ("Joshua Sokol May", "Joshua Sokol"),  # "By Joshua Sokol May 3, 2018": the date's month
    ("Laura June Topolsky July", "Laura June Topolsky"),  # a month inside a name stays
    ("CBS News February", "CBS News"),
    ("JERUSALEM POST STAFF NOVEMBER", "JERUSALEM POST STAFF"),
    ("Jane Roe Jan. 4 2020", "Jane Roe"),
    ("Grant Tinsley; PhD", "Grant Tinsley"),
    ("Ilana Muhlstein; MS; RDN", "Ilana Muhlstein"),
    ("Brenda Goodman; MA", "Brenda Goodman"),
    ("Ben Silverman Games Editor", "Ben Silverman"),
    ("Paul Takahashi; Staff writer", "Paul Takahashi"),
    ("STEVE PEOPLES; AP National Political Writer", "STEVE PEOPLES"),
    ("Greg Beacham; Ap Sports Writer", "Greg Beacham"),
    ("Art Edwards says", "Art Edwards"),
    ("By Ana Sandoiu", "Ana Sandoiu"),
    ("Stella Kim; Jennifer Jett", "Stella Kim; Jennifer Jett"),
    ("Jessica Holly; Gail Levy; Jessica Holly", "Jessica Holly; Gail Levy"),
]


@pytest.mark.parametrize("raw,tidied", TIDIED)
def test_tidy_cuts_what_is_not_a_name(raw, tidied):
    assert bylines.tidy(raw) == tidied


@pytest.mark.parametrize("raw", [
    "Username", "No Author", "Admin", "Follow", "Our Foreign Staff", "Staff Writer",
    "Author Bo",  # one word left once "Author" is cut: a handle at most
    "Martin Chikilian Martin is a full-stack engineer; Has Worked As A Professional Python Developer Since",
    "", None,
])
def test_tidy_leaves_no_byline_when_no_name_is_left(raw):
    assert bylines.tidy(raw) is None


@pytest.mark.parametrize("name", [
    "Reuters",  # an agency's byline is provenance: never cut
    "Theresa May", "April Roach", "Brian May",  # months as names
    "Wikimedia Foundation", "The Economist",  # an organisation's byline stays
    "Ludwig van der Berg-Smith de la Cruz",  # particles do not count as words
    "Michael L. Anderson", "Daniel O'Mahony", "NATALIYA VASILYEVA",
    "Todd",  # one word as the page gave it (trafilatura's reading), not cut down to one
])
def test_tidy_keeps_names(name):
    assert bylines.tidy(name) == name


def test_extract_tidies_the_pages_byline():
    body = "<article><h1>Budget agreed</h1><p>" + (
        "The council met on Tuesday and agreed a new budget for the coming year. " * 5) + "</p></article>"

    def author(meta: str):
        page = html_page(body, f'<title>Budget agreed</title><meta name="author" content="{meta}">')
        return extract(page.encode(), input="page.html", kind="html").author

    assert author("Grant Tinsley, PhD") == "Grant Tinsley"  # trafilatura splits at the comma
    assert author("Staff writer") is None
    assert author("Maria Delgado") == "Maria Delgado"
