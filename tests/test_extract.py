import time
from pathlib import Path

import pytest

from tracer import extract as extract_module
from tracer.errors import ExtractionError
from tracer.extract import decode, extract

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
FETCHED = "2025-01-01T00:00:00+00:00"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def html_page(body_html: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Headline</title></head><body><article>{body_html}</article></body></html>"


# Accented words in every paragraph so a wrong decoding shows in the text.
LATIN_PARAGRAPHS = [
    "Le café de la gare a rouvert ses portes mercredi après des travaux qui ont duré près de deux années entières.",
    "« Nous sommes très heureux de revoir nos habitués », a déclaré la gérante, Hélène Lefèvre, devant une foule nombreuse.",
    "La municipalité a financé la rénovation à hauteur de cent mille euros, selon le maire adjoint chargé du patrimoine.",
    "Les premiers clients ont goûté une crème brûlée préparée par le chef, arrivé de Genève au début de l'été dernier.",
]
JAPANESE_PARAGRAPHS = [
    "東京都は水曜日、新しい図書館の建設計画を発表した。計画によると、図書館は来年の春に着工し、二年後に開館する予定だという。",
    "都の担当者は記者会見で「子どもから高齢者まで、誰もが気軽に立ち寄れる場所にしたい」と述べ、地域の住民との対話を続ける考えを示した。",
    "新しい図書館には約五十万冊の本が置かれ、学習室や展示室のほか、地元の歴史を紹介する資料室も設けられる。",
    "建設費は約百億円と見込まれており、都は国の補助金も活用して費用を賄う方針である。住民の間では期待の声が上がっている。",
]


def encoded_page(paragraphs, encoding, declare: bool) -> bytes:
    head = f'<meta charset="{encoding}">' if declare else ""
    body = "<h1>Headline</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    return html_page(body, head).encode(encoding)


# --- HTML -----------------------------------------------------------------------------------


def test_news_page_text_and_metadata():
    article = extract(fixture("news.html"), input="news.html", kind="html", fetched_at=FETCHED)
    assert article.title == "Port Strike Enters Third Week as Talks Stall"
    assert article.text.startswith(article.title + "\n\n")
    assert "Dock workers at the city's container terminal" in article.text
    assert "mediation by the labor ministry" in article.text
    for boilerplate in ("Subscribe today", "Privacy policy", "newsletter", "All rights reserved"):
        assert boilerplate not in article.text
    assert article.canonical == "https://www.harborgazette.example/news/2024/03/port-strike-third-week"
    assert article.site_name == "Harbor Gazette"
    assert article.published == "2024-03-14"
    assert article.author == "Maria Delgado"
    assert article.content_type == "html"
    assert article.fetched_at == FETCHED


def test_html_paragraph_spans_point_into_text_title_first():
    article = extract(fixture("news.html"), input="news.html", kind="html")
    assert article.paragraphs[0].text == article.title
    assert len(article.paragraphs) == 7
    for span in article.paragraphs:
        assert article.text[span.start : span.end] == span.text
    # the page's <h1> repeats the headline: it appears once only
    assert article.text.count("Port Strike Enters Third Week") == 1


def test_page_without_date_has_no_published_date():
    article = extract(fixture("nodate.html"), input="nodate.html", kind="html", fetched_at=FETCHED)
    assert article.published is None
    article = extract(fixture("nodate.html"), input="nodate.html", kind="html")
    assert article.published is None  # not today's date either


def test_url_and_redirects_carried():
    article = extract(
        fixture("news.html"), input="https://t.example/a", kind="url",
        url="https://t.example/a", redirects=("https://t.example/old",), content_type="text/html",
    )
    assert article.url == "https://t.example/a"
    assert article.redirects == ("https://t.example/old",)
    assert article.content_type == "html"


@pytest.mark.parametrize("head, url, expected", [
    # the rel token, ASCII case folded, among others; the link wins over og:url
    ('<meta property="og:url" content="https://o.example/og">'
     '<link rel="Alternate CANONICAL" href="https://o.example/c">', None, "https://o.example/c"),
    # relative hrefs resolve against the page URL; og:url when there is no link
    ('<link rel="canonical" href="/story">', "https://o.example/a/b", "https://o.example/story"),
    ('<meta property="og:url" content="https://o.example/og">', None, "https://o.example/og"),
    # not the token, not http(s), or no href: nothing
    ('<link rel="canonicalize" href="https://o.example/x">', None, None),
    ('<link rel="canonical" href="javascript:void(0)">', None, None),
    ('<link rel="canonical"><meta name="og:url" content="https://o.example/n">', None, None),
    # a relative link without a page URL is skipped for the absolute og:url
    ('<link rel="canonical" href="/s"><meta property="og:url" content="https://o.example/og">',
     None, "https://o.example/og"),
])
def test_canonical_url_rules(head, url, expected):
    tree = extract_module.parse_html(f"<html><head>{head}</head><body><p>x</p></body></html>")
    assert extract_module._canonical(tree, url) == expected


def test_title_loses_site_suffix_only_when_it_names_the_site():
    assert extract_module._strip_site("Storm hits coast | Harbor Gazette", "Harbor Gazette", None) == "Storm hits coast"
    assert extract_module._strip_site("Storm hits - coast - Helge.at", None, "https://www.helge.at/x") == "Storm hits - coast"
    assert extract_module._strip_site("Storm - the aftermath", "Harbor Gazette", None) == "Storm - the aftermath"


def test_no_article_html_raises():
    with pytest.raises(ExtractionError, match=r"^noarticle.html: no article text found"):
        extract(fixture("noarticle.html"), input="noarticle.html", kind="html")


def test_trafilatura_none_becomes_extraction_error(monkeypatch):
    monkeypatch.setattr(extract_module, "bare_extraction", lambda *a, **k: None)
    with pytest.raises(ExtractionError, match="no article text found"):
        extract(fixture("news.html"), input="news.html", kind="html")


def test_trafilatura_crash_becomes_extraction_error(monkeypatch):
    def boom(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr(extract_module, "bare_extraction", boom)
    with pytest.raises(ExtractionError, match=r"^x.html: extraction failed \(KeyError"):
        extract(fixture("news.html"), input="x.html", kind="html")


def test_deeply_nested_tags_finish_quickly():
    page = "<html><body>" + "<div>" * 20_000 + "<p>" + "word " * 100 + "</p>" + "</div>" * 20_000 + "</body></html>"
    started = time.perf_counter()
    try:
        article = extract(page.encode(), input="deep.html", kind="html")
        assert article.text
    except ExtractionError as err:
        assert str(err).startswith("deep.html: ")
    assert time.perf_counter() - started < 10


# --- decoding -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["iso-8859-1", "cp1252"])
@pytest.mark.parametrize("declare", [True, False])
def test_latin1_and_cp1252(encoding, declare):
    paragraphs = LATIN_PARAGRAPHS + (["Il a qualifié l’ouverture de « moment historique » — un mot fort."] if encoding == "cp1252" else [])
    article = extract(encoded_page(paragraphs, encoding, declare), input="fr.html", kind="html")
    for paragraph in paragraphs:
        assert paragraph in article.text


@pytest.mark.parametrize("declare", [True, False])
def test_shift_jis(declare):
    article = extract(encoded_page(JAPANESE_PARAGRAPHS, "shift_jis", declare), input="ja.html", kind="html")
    for paragraph in JAPANESE_PARAGRAPHS:
        assert paragraph in article.text


def test_http_charset_wins_over_nothing():
    data = "\n".join(["Titre", ""] + LATIN_PARAGRAPHS).encode("latin-1")
    article = extract(data, input="fr.txt", kind="text", content_type="text/plain; charset=ISO-8859-1")
    assert LATIN_PARAGRAPHS[1] in article.text


def test_invalid_utf8_is_replaced_not_fatal():
    good = "Le café rouvre. " * 20
    data = html_page("<h1>Headline</h1>" + f"<p>{good}</p><p>{good}</p>", '<meta charset="utf-8">').encode()
    data = data.replace("rouvre".encode(), b"rou\xffvre", 1)
    article = extract(data, input="bad.html", kind="html")
    assert "café" in article.text


def test_decode_bom_and_utf8_mislabelled():
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == "café"
    assert decode("café".encode("utf-16")) == "café"
    # a Latin-1 label on UTF-8 bytes: the bytes win
    assert decode('<meta charset="iso-8859-1">café'.encode()) == '<meta charset="iso-8859-1">café'


# --- rejections -----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", ""])
def test_empty_input(data):
    with pytest.raises(ExtractionError, match=r"^empty.html: empty input"):
        extract(data, input="empty.html", kind="html")


def test_png_named_html_is_binary():
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    with pytest.raises(ExtractionError, match=r"^image.html: a PNG image, not a page"):
        extract(data, input="image.html", kind="html")


def test_control_characters_are_binary():
    data = bytes(range(1, 32)) * 100
    with pytest.raises(ExtractionError, match=r"^blob.txt: binary data"):
        extract(data, input="blob.txt", kind="text")


# --- text -----------------------------------------------------------------------------------


def test_text_first_line_is_title_and_offsets_into_full_text():
    data = fixture("story.txt")
    article = extract(data, input="story.txt", kind="text")
    assert article.title == "Council Approves Budget for New Library"
    assert article.text == data.decode()
    assert article.paragraphs[0].text == article.title
    for span in article.paragraphs:
        assert article.text[span.start : span.end] == span.text
    assert article.content_type == "text"


def test_markdown_title_drops_hashes():
    article = extract(fixture("story.md"), input="story.md", kind="text")
    assert article.title == "Council Approves Budget for New Library"
    assert article.text.startswith("# Council")


def test_headline_only_text_raises():
    with pytest.raises(ExtractionError, match=r"^headline.txt: only a headline"):
        extract(fixture("headline.txt"), input="headline.txt", kind="text")


def test_a_list_of_urls_is_not_an_article():
    feeds = (Path(__file__).parents[1] / "seeds" / "feeds.txt").read_bytes()
    with pytest.raises(ExtractionError, match=r"^feeds.txt: a list of URLs, not an article; "
                                              r"trace the pages it lists with `tracer trace --from feeds.txt`"):
        extract(feeds, input="feeds.txt", kind="text")
    # an article that cites a few links, or a headline over one link, is still an article
    for text in ("Sources for this story\n\nhttps://example.org/a\nhttps://example.org/b\n",
                 "# Links\n\nhttps://example.org/a\n"):
        assert extract(text.encode(), input="a.txt", kind="text").text == text


def test_stdin_sniffs_html_and_text():
    assert extract(fixture("news.html"), input="-", kind="stdin").content_type == "html"
    assert extract(fixture("story.txt"), input="-", kind="stdin").content_type == "text"


def test_seed_reads_as_text():
    seed = Path(__file__).parents[1] / "seeds" / "000_bb8df73bd08e0a73.txt"
    if not seed.exists():
        pytest.skip("seed file not present")
    article = extract(seed.read_bytes(), input=str(seed), kind="text")
    assert article.title
    assert len(article.paragraphs) > 2


def test_title_is_the_start_of_text_after_unicode_normalisation():
    decomposed = "Cafe\u0301 reopens after two years"  # "é" as e + combining accent
    body = "".join(f"<p>{p}</p>" for p in LATIN_PARAGRAPHS)
    page = html_page(f"<h1>{decomposed}</h1>{body}", f"<meta charset='utf-8'><meta property='og:title' content='{decomposed}'>")
    article = extract(page.encode(), input="nfc.html", kind="html")
    assert article.title == "Caf\u00e9 reopens after two years"
    assert article.text.startswith(article.title + "\n\n")


def test_http_equiv_and_browser_labels():
    body = "<h1>Headline</h1>" + "".join(f"<p>{p}</p>" for p in JAPANESE_PARAGRAPHS)
    for head in ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
                 '<meta charset="x-sjis">'):
        article = extract(html_page(body, head).encode("cp932"), input="ja.html", kind="html")
        assert JAPANESE_PARAGRAPHS[0] in article.text


def test_content_type_header_charset_beats_detection():
    data = encoded_page(LATIN_PARAGRAPHS, "cp1252", declare=False)
    article = extract(data, input="https://x.example/fr", kind="url", content_type="text/html; charset=windows-1252")
    assert LATIN_PARAGRAPHS[0] in article.text


def test_url_serving_plain_text_reads_as_text():
    article = extract(fixture("story.txt"), input="https://x.example/s.txt", kind="url", content_type="text/plain")
    assert article.content_type == "text"
    assert article.title == "Council Approves Budget for New Library"


def test_metadata_bug_keeps_the_article(monkeypatch):
    def boom(tree):
        raise AttributeError("bug in metadata")

    monkeypatch.setattr(extract_module, "examine_meta", boom)
    article = extract(fixture("news.html"), input="news.html", kind="html")
    assert article.published is None
    assert "Dock workers" in article.text
    assert article.title  # the first block stands in for the missing headline


# --- the extraction evaluation's own scoring (bench/eval_extraction.py) ---------------------


def test_eval_scoring_and_missing_data(tmp_path, capsys):
    from bench import eval_extraction

    assert eval_extraction.shingle_pr("a b c d e", "a b c d e") == (1.0, 1.0)
    precision, recall = eval_extraction.shingle_pr("a b c d e f", "a b c d x y z w")
    assert (precision, recall) == (1 / 5, 1 / 3)
    assert eval_extraction.shingle_pr("", "") == (1.0, 1.0)
    assert eval_extraction.authors("Joe S.; Ann Lee") == eval_extraction.authors(["joe s", "Ann  Lee"])
    assert eval_extraction.main(["--data", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out


def test_plain_text_saved_as_html_reads_as_text():
    article = extract(fixture("story.txt"), input="story.html", kind="html")
    assert article.content_type == "text"
    assert article.title == "Council Approves Budget for New Library"


def test_bare_fragment_is_given_a_document():
    fragment = "".join(f"<p>{p}</p>" for p in LATIN_PARAGRAPHS)
    article = extract(fragment.encode("utf-8"), input="frag.html", kind="html")
    assert LATIN_PARAGRAPHS[1] in article.text
    with pytest.raises(ExtractionError, match="^tiny.html: no article text found"):
        extract(b"<p>short</p>", input="tiny.html", kind="html")


BODY = "".join(f"<p>{p}</p>" for p in [
    "The port strike entered its third week on Monday as talks between the union and the operators stalled again.",
    "Shipping lines have diverted dozens of vessels to other harbours, and queues of lorries stretch for miles.",
    "Both sides said they were ready to meet again, but neither named a date for the next round of negotiations.",
])


def test_a_date_in_the_pages_code_is_no_publication_date_but_json_ld_is():
    code = "<script>// Updated 2015.02.04 by the web team</script>"
    article = extract(html_page(code + BODY), input="p.html", kind="html", fetched_at=FETCHED)
    assert article.published is None
    assert "The port strike entered its third week" in article.text  # (the text after the script stays)
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-02-23"}</script>'
    article = extract(html_page(code + BODY, head=ld), input="p.html", kind="html", fetched_at=FETCHED)
    assert (article.published or "")[:10] == "2015-02-23"


def test_date_after_the_fetch_is_not_a_publication_date():
    article = extract(fixture("news.html"), input="news.html", kind="html", fetched_at="2024-01-01T00:00:00Z")
    assert article.published is None


# ``byline`` re-implements trafilatura's author fallback without copying the page; each
# case is compared with ``trafilatura.metadata.extract_author`` itself, not only with the
# value we expect, so an upgrade of trafilatura that changes its rules fails here.
BYLINE_PAGES = {
    "rel-author": ('<p>x</p><a rel="author" href="/j">Jane Roe</a>', "Jane Roe"),
    "tier order beats document order": (
        '<div class="post-author-box">Posted by Tom Bell</div>'
        '<span class="author-name">Ann Lee</span>', "Ann Lee"),
    "inside a discarded sidebar": (
        '<div class="sidebar"><span class="author">Side Bar</span></div>'
        '<p class="byline">By Real Person</p>', "Real Person"),
    "inside a date element": (
        '<time><span class="author">Not Him</span></time><div id="author">Kim Park</div>',
        "Kim Park"),
    "discarded block inside the byline keeps its tail": (
        '<div class="byline">By Ada Cole<span class="date">9 Jan</span> and Bo Dahl</div>',
        "Ada Cole; Bo Dahl"),
    "rel=me child element": ('<strong><rel>me</rel>Li Wei</strong>', None),
    "last resort any element": ('<section data-component="Byline">Max Mustermann</section>',
                                "Max Mustermann"),
    "too long is skipped": (
        f'<span class="author">{"word " * 40}</span><h4 class="byline">Short Name</h4>',
        "Short Name"),
    "nothing": ('<p>Just a paragraph of text here.</p>', None),
}


@pytest.mark.parametrize("case", sorted(BYLINE_PAGES))
def test_byline_matches_trafilatura_extract_author(case):
    from trafilatura import load_html
    from trafilatura.metadata import extract_author

    body, expected = BYLINE_PAGES[case]
    html = f"<html><head><title>t</title></head><body>{body}</body></html>"
    theirs = extract_author(load_html(html))
    ours = extract_module.byline(load_html(html))
    assert ours == theirs
    if expected is not None:
        assert ours == expected


PARSE_CASES = {
    "page": "<!DOCTYPE html><html><head><title>T</title></head><body><p>Café — naïve</p></body></html>",
    "xml declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p><p>y</p></body></html>',
    "self-closing html": '<html lang="en"/>\n<body><p>Body text</p><div>more</div></body>',
    "no html tag, one block": "<p>Only a fragment of text here.</p>",
    "no html tag, two blocks": "<div>One</div><div>Two</div>",
    "control characters": "<html><body><p>a\x01b\x0bc</p></body></html>",
    "cjk": "<html><body><p>東京で会見した。</p></body></html>",
}


@pytest.mark.parametrize("case", sorted(PARSE_CASES))
def test_parse_html_builds_the_tree_trafilatura_builds(case):
    from lxml import etree
    from trafilatura import load_html

    html = PARSE_CASES[case]
    theirs, ours = load_html(html), extract_module.parse_html(html)
    assert (theirs is None) == (ours is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


# Pieces that trigger each of trafilatura's repairs, in any order and place (before and
# after the 8,192-character head that ``repaired_bytes`` repairs alone).
_REPAIR_PIECES = [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">',
    "<!doctype html>", '<html lang="en"/>', "<html\n/>", '<HTML xmlns="x" />', "\n", "\n", " ",
    "x" * 3000, "<p>text</p>", "\x00", "\x0b", "\ufffe", "\uffff", "\ud800", "é", "中", "\r\n",
]


def test_repaired_bytes_equal_trafilaturas_repair_of_the_whole_page():
    import random

    from trafilatura.utils import repair_faulty_html

    rng = random.Random(7)
    for _ in range(3000):
        html = "".join(rng.choice(_REPAIR_PIECES) for _ in range(rng.randrange(12)))
        beginning = html[:50].lower()
        assert extract_module.repaired_bytes(html, beginning) == (
            repair_faulty_html(html, beginning).encode("utf8", "surrogatepass")), repr(html[:120])


def test_a_photo_gallery_of_other_stories_is_not_the_article():
    slides = "".join(f"<li>{n}/50 Story {n} headline. Another company reported results on Monday, "
                     f"according to company accounts, and shares rose.</li>" for n in range(2, 6))
    html = ("<html><head><title>Hotel secrets</title></head><body><article><h1>Hotel secrets</h1>"
            "<p>Hotel towels and sheets might not be as clean as they look, according to hotel bosses "
            "who spoke to us about the business for this article.</p>"
            "<p>On 9/11 anniversaries the hotel is full, the manager said, and rooms are cleaned twice.</p>"
            f"<ul>{slides}</ul></article></body></html>")
    art = extract(html.encode(), input="gallery.html", kind="html")
    assert "according to hotel bosses" in art.text and "9/11 anniversaries" in art.text
    assert "/50" not in art.text


def test_a_declared_publication_day_before_the_one_htmldate_picks_wins():
    # htmldate reads "analyticsAttributes.articleDate" (here the day of an update) before
    # "og:article:published_time"; the story was online from the day it declares
    head = ('<meta name="analyticsAttributes.articleDate" content="2020-01-20T09:49:32Z"/>'
            '<meta property="og:article:published_time" content="2020-01-19T12:25:36Z"/>')
    body = "<h1>Headline</h1>" + "".join(f"<p>{p}</p>" for p in LATIN_PARAGRAPHS)
    article = extract(html_page(body, head).encode(), input="p.html", kind="html", fetched_at=FETCHED)
    assert article.published == "2020-01-19"


def test_declared_publication_sources_and_bounds():
    def tree(head):
        return extract_module.parse_html(f"<html><head>{head}</head><body><p>x</p></body></html>")

    declared = extract_module._declared_published
    assert declared(tree('<meta property="article:published_time" content="2019-09-24T08:00:00+00:00">'),
                    "2024-01-01") == "2019-09-24"
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-12-06T22:00:40Z"}</script>'
    assert declared(tree(ld), "2025-01-01") == "2024-12-06"
    assert declared(tree(ld), "2024-12-01") is None  # after the page was read: no publication day
    assert declared(tree('<meta property="article:published_time" content="soon">'), "2025-01-01") is None
    assert declared(tree('<meta property="article:published_time" content="2019-02-30">'), "2025-01-01") is None
    assert declared(tree("<title>none</title>"), "2025-01-01") is None
    assert extract_module._earliest("2020-01-20", "2020-01-19") == "2020-01-19"
    assert extract_module._earliest("2020-01-19", "2020-01-25") == "2020-01-19"
    assert extract_module._earliest(None, "2020-01-19") == "2020-01-19"
