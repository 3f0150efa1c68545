"""The stand-ins for trafilatura's XPaths select exactly what the XPaths select."""

import random
from pathlib import Path

import pytest
import trafilatura
from lxml import etree, html
from trafilatura import xpaths as trafilatura_xpaths

from tracer import xpaths
from tracer.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"

TAGS = ["div", "section", "aside", "article", "main", "list", "item", "details", "ol", "ul",
        "p", "span", "h1", "a", "header"]
# Values that hit (and narrowly miss) the patterns of every translated expression, in
# several cases and with neighbours, so each branch is taken both ways.
WORDS = ["comment", "Comments", "commentary", "comol", "disqus_thread", "dsq-comments",
         "article-comments", "post-comments", "mvp-post-add-box", "mvp-post-add-wrap",
         "infinite-scroll", "infinitescroll", "elementor-share-buttons", "cookie", "Cookie",
         "nav", "Nav", "NAV", "navigation", "share", "shared", "share-bar", "social", "ad-top",
         " ad ", "x-ad-y", "widget", "byline", "sidebar", "bread-crumb", "hidden", "hide-me",
         "reply-box", "comments-title", "akismet", "noprint", "post", "entry", "articleBody",
         "articleContent", "article-body", "article__body", "post-content", "fulltext",
         "FullText", "story", "story-body", "text", "cell", "postarea", "content",
         "content-main", "Main-Content", "main-CONTENT", "page-Content", "Page-content",
         "caption", "figcaption", "primary", "main", "x", "", "meta", "related", "footer"]
ATTRS = ["id", "class", "style", "role", "data-component", "data-lp-replacement-content",
         "aria-hidden", "itemprop"]
SPECIAL = {
    "style": ["display:none", "display: none", "color: red", "visibility:hidden", ""],
    "role": ["navigation", "Navigation", "article", "main", "banner"],
    "data-component": ["MostPopularStories", "Story"],
    "aria-hidden": ["true", "false"],
    "itemprop": ["articleBody", "text"],
}


def _value(rng: random.Random, attr: str) -> str:
    if attr in SPECIAL and rng.random() < 0.7:
        return rng.choice(SPECIAL[attr])
    return " ".join(rng.choice(WORDS) for _ in range(rng.choice((1, 1, 1, 2, 3))))


def random_tree(rng: random.Random, size: int = 60):
    root = etree.Element("body")
    nodes = [root]
    for _ in range(size):
        parent = rng.choice(nodes)
        if rng.random() < 0.05:
            parent.append(etree.Comment("a comment"))
            continue
        el = etree.SubElement(parent, rng.choice(TAGS))
        # attributes in a random order: @id|@class reads whichever comes first
        for attr in rng.sample(ATTRS, rng.choice((0, 1, 2, 2, 3, 4))):
            el.set(attr, _value(rng, attr))
        el.text = "t"
        nodes.append(el)
    # through lxml.html, as trafilatura's trees are
    return html.fromstring(etree.tostring(root, encoding="unicode"))


def same(a, b) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def test_every_stand_in_is_active_with_the_trafilatura_it_was_written_for():
    active = xpaths.stand_ins(trafilatura_xpaths)
    if trafilatura.__version__ != "2.3.1":
        pytest.skip(f"trafilatura {trafilatura.__version__}: the stand-ins were written for 2.3.1")
    assert set(active) == set(xpaths.WRITTEN_FOR)
    # and extract installed them into the lists trafilatura's modules read
    for name, index in active:
        assert isinstance(getattr(trafilatura_xpaths, name)[index], xpaths.StandIn)


@pytest.mark.parametrize("key", sorted(xpaths.WRITTEN_FOR), ids=lambda k: f"{k[0]}[{k[1]}]")
def test_stand_in_selects_what_the_xpath_selects_on_generated_trees(key):
    stand_in = xpaths.stand_ins(trafilatura_xpaths).get(key)
    if stand_in is None:
        pytest.skip(f"{key} is not active with trafilatura {trafilatura.__version__}")
    rng = random.Random(f"{key[0]}{key[1]}")  # str seeds are stable across processes
    hits = 0
    for _ in range(400):
        tree = random_tree(rng)
        for context in (tree, rng.choice(list(tree.iter(etree.Element)))):
            want = stand_in.xpath(context)
            assert same(stand_in(context), want), (key, etree.tostring(context)[:500])
            hits += bool(want)
    assert hits > 20  # the generated trees exercise the expression, not just its misses


def test_a_changed_expression_keeps_trafilaturas_own_xpath():
    class Module:
        BODY_XPATH = [etree.XPath(".//article[@class='other']")]

    assert xpaths.stand_ins(Module) == {}
    assert xpaths.install(Module) == []
    assert isinstance(Module.BODY_XPATH[0], etree.XPath)


def test_install_and_uninstall_round_trip():
    expr = trafilatura_xpaths.BODY_XPATH[0]
    try:
        xpaths.uninstall(trafilatura_xpaths)
        assert isinstance(trafilatura_xpaths.BODY_XPATH[0], etree.XPath)
        xpaths.install(trafilatura_xpaths)
        xpaths.install(trafilatura_xpaths)  # idempotent: a stand-in is never wrapped in another
        again = trafilatura_xpaths.BODY_XPATH[0]
        assert not isinstance(getattr(again, "xpath", None), xpaths.StandIn)
    finally:
        xpaths.install(trafilatura_xpaths)
    assert type(trafilatura_xpaths.BODY_XPATH[0]) is type(expr)


def test_a_document_rather_than_an_element_goes_to_the_xpath():
    stand_in = next(iter(xpaths.stand_ins(trafilatura_xpaths).values()), None)
    if stand_in is None:
        pytest.skip("no stand-in active")
    doc = etree.ElementTree(html.fromstring("<div id='comments'><p>x</p></div>"))
    assert same(stand_in(doc), stand_in.xpath(doc))


@pytest.mark.parametrize("name", ["news.html", "nodate.html", "noarticle.html"])
def test_extraction_is_the_same_with_trafilaturas_own_xpaths(name):
    data = (FIXTURES / name).read_bytes()

    def run():
        try:
            return extract(data, input=name, kind="html")
        except Exception as e:  # noarticle.html: the same error both ways
            return str(e)

    fast = run()
    try:
        xpaths.uninstall(trafilatura_xpaths)
        own = run()
    finally:
        xpaths.install(trafilatura_xpaths)
    assert fast == own
