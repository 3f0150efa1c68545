"""Report renderers on a hand-built trace of the seed (tests/fixtures/report/seed_trace.py)."""

from __future__ import annotations

import dataclasses
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

import tracer
from tests.fixtures.report.seed_trace import SEED_TEXT, seed_trace
from tracer.models import Article, Trace
from tracer.report import FORMATS, highlight, render, safe_url, to_claimreview, to_dict

SCHEMA = json.loads((Path(tracer.__file__).parent / "schema" / "report.schema.json").read_text())
CHAIN = "senior US official \u2192 Yonhap \u2192 Sputnik \u2192 Pakistan Point News"
FLAG_KINDS = (
    "duplicate-headline",
    "repeated-paragraph",
    "anonymous-source",
    "vague-attribution",
    "multi-layer-attribution",
    "state-affiliated-source",
)
HOSTILE_TITLE = '<script>alert(1)</script><img src=x onerror="alert(2)"> [click](javascript:alert(3)) | `x`'
HOSTILE_BODY = (
    HOSTILE_TITLE
    + "\n\n<a href=\"javascript:alert(4)\" onclick=\"alert(5)\">Moscow</a> <svg onload=alert(6)> & "
    "</textarea></style></title> a senior US official said on Thursday <iframe src=//evil>.\n"
)


@pytest.fixture
def trace() -> Trace:
    return seed_trace()


def bare_trace(**changes) -> Trace:
    text = "Headline\n\nBody text without any attribution."
    article = Article(input="x.txt", title="Headline", text=text, paragraphs=())
    base = Trace(article, None, "0" * 64, None, None, (), (), (), ())
    return dataclasses.replace(base, **changes)


def hostile_trace() -> Trace:
    t = seed_trace()
    text = HOSTILE_BODY + "\n" + t.article.text
    shift = len(HOSTILE_BODY) + 1

    def move(span):
        return None if span is None else dataclasses.replace(span, start=span.start + shift, end=span.end + shift)

    flags = tuple(dataclasses.replace(f, evidence=move(f.evidence), related=tuple(move(r) for r in f.related)) for f in t.flags)
    atts = tuple(
        dataclasses.replace(a, cue=move(a.cue), source=move(a.source), content=move(a.content)) for a in t.attributions
    )
    script = text.find("<script>")
    flags += (dataclasses.replace(t.flags[2], evidence=type(t.flags[2].evidence)(text[script : script + 25], script, script + 25)),)
    copies = (dataclasses.replace(t.copies[0], url="javascript:alert(7)", outlet="<b onmouseover=alert(8)>X</b>"),) + t.copies[1:]
    outlet = dataclasses.replace(t.outlet, name='<script>alert("outlet")</script>')
    return dataclasses.replace(
        t,
        article=dataclasses.replace(t.article, text=text, title=HOSTILE_TITLE, url="javascript:alert(9)"),
        flags=flags,
        attributions=atts,
        copies=copies,
        outlet=outlet,
        undecided=("<script>alert('undecided')</script>",),
    )


# ----------------------------------------------------------------------------- dict / JSON


def test_formats_constant():
    assert FORMATS == ("text", "markdown", "json", "html", "claimreview")
    with pytest.raises(ValueError, match="unknown report format"):
        render(bare_trace(), "pdf")


def test_to_dict_matches_the_contract(trace):
    d = to_dict(trace)
    assert d["schema_version"] == "1.4"
    assert "text" not in d
    assert d["title"].startswith("South Korea, US Make Progress In")
    assert d["outlet"] == {"name": "Pakistan Point News", "domain": "pakistanpoint.com", "kind": "outlet", "labels": []}
    assert [h["name"] for h in d["chain"]] == ["senior US official", "Yonhap", "Sputnik", "Pakistan Point News"]
    assert d["chains"][0] == d["chain"] and len(d["chains"]) == 2
    assert d["layers"] == 3
    sputnik = d["chain"][2]
    assert sputnik["labels"] == [
        {
            "label": "SC",
            "meaning": "state-controlled media",
            "source": "State Media Monitor typology via Alliance for Securing Democracy, 2024-02-07 snapshot",
        }
    ]
    assert [f["kind"] for f in d["flags"]] == list(FLAG_KINDS)
    assert d["dateline"]["place"] == "MOSCOW" and d["dateline"]["date"] == "2020-01-09"
    assert d["dateline"]["credits"] == ["Sputnik"]
    assert d["credits"][0]["name"] == "Sputnik" and d["credits"][0]["kind"] == "agency"
    assert d["attributions"][0]["via"] == ["Yonhap", "Sputnik"]
    copy = d["copies"][0]
    assert copy["earlier"] is True and copy["relation"] == "verbatim" and copy["published"] == "2020-01-09"
    assert copy["shared_passages"][0]["target_span"]["text"].startswith("Seoul and Washington")
    assert d["undecided"]


def test_spans_are_offsets_into_the_text(trace):
    d = to_dict(trace, include_text=True)
    text = d["text"]
    assert text == SEED_TEXT

    def spans(obj):
        if isinstance(obj, dict):
            if set(obj) == {"text", "start", "end"}:
                yield obj
            else:
                for v in obj.values():
                    yield from spans(v)
        elif isinstance(obj, list):
            for v in obj:
                yield from spans(v)

    checked = 0
    for key in ("dateline", "credits", "attributions", "chains", "flags"):
        for s in spans(d[key]):
            assert text[s["start"] : s["end"]] == s["text"]
            checked += 1
    assert checked > 20


def test_schema_validates_reports(trace):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for t in (trace, bare_trace(), hostile_trace()):
        jsonschema.validate(to_dict(t), SCHEMA, cls=jsonschema.Draft202012Validator)
        jsonschema.validate(to_dict(t, include_text=True), SCHEMA, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_a_broken_report(trace):
    d = to_dict(trace)
    del d["layers"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA, cls=jsonschema.Draft202012Validator)
    d = to_dict(trace)
    d["flags"][0]["kind"] = "Duplicate Headline"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_json_is_one_line_and_round_trips(trace):
    out = render(trace, "json")
    assert "\n" not in out
    assert json.loads(out) == to_dict(trace)
    assert json.loads(render(trace, "json", include_text=True))["text"] == SEED_TEXT
    # Page text with newlines and control characters still yields one line.
    assert "\n" not in render(hostile_trace(), "json", include_text=True)


# ----------------------------------------------------------------------------- text


def test_text_reads_at_a_glance(trace):
    out = render(trace, "text")
    lines = out.splitlines()
    assert lines[0] == trace.article.title
    assert "Pakistan Point News (pakistanpoint.com) \u00b7 2020-01-09" in lines[1]
    assert "dateline: MOSCOW, 2020-01-09 \u2014 credits Sputnik" in out
    assert f"chain: {CHAIN}" in out
    assert "layers: 3" in out
    assert "label: Sputnik is SC (state-controlled media)" in out
    assert "source: State Media Monitor typology via Alliance for Securing Democracy, 2024-02-07 snapshot" in out
    for kind in FLAG_KINDS:
        assert f"  {kind}: " in out
    assert "\u201cAccording to media reports\u201d" in out
    assert "\u201ca senior US official\u201d" in out
    assert "this text appears in 2 other articles from 2 outlets; earliest: Sputnik, 2020-01-09" in out
    assert "could not decide:" in out and "never names them" in out
    assert "\x1b[" not in out


def test_text_timeline_is_earliest_first(trace):
    out = render(trace, "text")
    assert out.index("Sputnik  verbatim") < out.index("(this article)") < out.index("UrduPoint  derived")


def test_text_copies_say_where_each_is_and_what_it_shares(trace):
    out = render(trace, "text")
    sputnik, urdupoint = trace.copies
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "Sputnik  verbatim" in line)
    assert lines[at].endswith(sputnik.url)
    # the earlier copy's side of its longest passage (the lede), and a count of the others
    lede = max((p.source for p in sputnik.passages), key=lambda s: s.end - s.start)
    assert lines[at + 1].startswith("      shares \u201c" + lede.text[:40])
    assert lines[at + 1].endswith("(+1 more passage)")
    at = next(i for i, line in enumerate(lines) if "UrduPoint  derived" in line)
    # the later copy's side: its one passage, with no count
    assert lines[at + 1].startswith("      shares \u201cI would assess that we are certainly")
    assert "more passage" not in lines[at + 1]
    # a copy known only by the file it was traced from is named by that file
    local = dataclasses.replace(urdupoint, url=None, input="copies/urdupoint.txt")
    out = render(dataclasses.replace(trace, copies=(sputnik, local)), "text")
    assert "UrduPoint  derived, similarity 0.71  copies/urdupoint.txt" in out


def test_copies_without_a_page_date_are_dated_by_their_dateline(trace):
    sputnik, urdupoint = trace.copies
    undated = dataclasses.replace(sputnik, published=None, dateline_date="2020-01-09")
    t = dataclasses.replace(trace, copies=(undated, urdupoint))
    assert "  2020-01-09 (dateline)  Sputnik  verbatim" in render(t, "text")
    # copies of unknown outlet are counted as articles, not as outlets
    unnamed = dataclasses.replace(urdupoint, outlet=None)
    summary = render(dataclasses.replace(t, copies=(undated, unnamed)), "text")
    assert "this text appears in 2 other articles from 1 outlet; earliest: Sputnik" in summary
    assert "| 2020-01-09 (dateline) | Sputnik | verbatim |" in render(t, "markdown")
    assert '<span class="when">2020-01-09 (dateline)</span>' in render(t, "html")
    copy = to_dict(t)["copies"][0]
    assert copy["published"] is None and copy["dateline_date"] == "2020-01-09"
    jsonschema.validate(to_dict(t), SCHEMA, cls=jsonschema.Draft202012Validator)
    # the article itself, with no page date, is dated by its dateline too
    own = dataclasses.replace(t, article=dataclasses.replace(t.article, published=None))
    assert own.dateline.date == "2020-01-09"
    assert "Pakistan Point News (pakistanpoint.com) \u00b7 2020-01-09 (dateline)" in render(own, "text")
    assert "- Published: 2020-01-09 (dateline)" in render(own, "markdown")
    assert "dateline dated <time>2020-01-09</time>" in render(own, "html")
    # no date of either kind: said so
    nodate = dataclasses.replace(undated, dateline_date=None)
    assert "  date unknown  Sputnik  verbatim" in render(dataclasses.replace(t, copies=(nodate, urdupoint)), "text")


def test_an_attribution_the_text_repeats_is_listed_once_with_its_count(trace):
    first = trace.attributions[0]
    # the same reading of a repeated paragraph: same words, other offsets
    again = dataclasses.replace(first, cue=dataclasses.replace(first.cue, start=first.cue.start + 900,
                                                               end=first.cue.end + 900))
    t = dataclasses.replace(trace, attributions=trace.attributions + (again,))
    text = render(t, "text")
    assert f"attributions ({len(t.attributions)}):" in text
    said = [line for line in text.splitlines() if line.startswith(f"  {first.kind}: {first.speaker}")]
    assert len(said) == 1 and said[0].endswith("(\u00d72)")
    assert render(t, "markdown").count("(\u00d72)") == 1
    assert len(to_dict(t)["attributions"]) == len(t.attributions)  # JSON keeps every one


def test_text_colour_and_terminal_safety(trace):
    out = render(trace, "text", color=True)
    assert "\x1b[31;1mduplicate-headline\x1b[0m" in out
    nasty = bare_trace(article=dataclasses.replace(bare_trace().article, title="Evil \x1b]0;pwned\x07\x1b[2J title"))
    plain = render(nasty, "text")
    assert "\x1b" not in plain and "\x07" not in plain
    assert plain.startswith("Evil ]0;pwned[2J title")


def test_text_without_chain_copies_or_date():
    out = render(bare_trace(undecided=("publication date unknown",)), "text")
    assert "no citation chain found" in out
    assert "layers: 0" in out
    assert "flags: none" in out
    assert "date unknown" in out
    assert "no other copy of this text found" in out
    assert "publication date unknown" in out


def test_text_when_the_article_is_the_earliest(trace):
    later = tuple(dataclasses.replace(c, earlier=False) for c in trace.copies)
    out = render(dataclasses.replace(trace, copies=later), "text")
    assert "this article is the earliest known" in out


# ----------------------------------------------------------------------------- Markdown


def test_markdown_content(trace):
    out = render(trace, "markdown")
    assert out.startswith("# South Korea, US Make Progress In Military Cost\\-Sharing Talks") or out.startswith(
        "# South Korea, US Make Progress In Military Cost-Sharing Talks"
    )
    assert CHAIN in out
    assert "**Layers: 3**" in out
    assert "```mermaid\nflowchart LR\n" in out
    assert '  h0["senior US official<br/>source"]' in out
    assert '  h2["Sputnik<br/>agency \u00b7 SC"]' in out
    assert "  h2 --> h3" in out
    assert "| Flag | What | Evidence |" in out
    for kind in FLAG_KINDS:
        assert f"| `{kind}` |" in out
    assert "State Media Monitor typology via Alliance for Securing Democracy, 2024\\-02\\-07 snapshot" in out or (
        "State Media Monitor typology via Alliance for Securing Democracy, 2024-02-07 snapshot" in out
    )
    assert "| 2020-01-09 | Sputnik | verbatim | 0.93 | 0.98 |" in out
    assert "## What the tool could not decide" in out
    assert "Shared passages" in out


def test_markdown_escapes_page_text():
    out = render(hostile_trace(), "markdown")
    assert "<script>" not in out and "<img" not in out and "<a " not in out and "<iframe" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "\\[click\\](javascript:alert(3))" in out  # no link syntax survives
    assert "](javascript:" not in out.replace("\\](javascript:", "")
    # Pipes and backticks from the page cannot break a table row or open code.
    for line in out.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = line.replace("\\|", "").count("|")
            header = {"| Flag": 4, "| `": 4, "| #": 6, "| Pub": 7, "| 20": 7, "| 1 ": 6, "| 2 ": 6, "| 3 ": 6, "| 4 ": 6}
            expected = next((n for k, n in header.items() if line.startswith(k)), None)
            if expected:
                assert cells == expected, line
    assert "\\`x\\`" in out
    # The only raw HTML is the tool's own footer and Mermaid line breaks.
    raw = [tag for tag in ("<b ", "<b>", "<svg", "<a", "</textarea", "</style") if tag in out]
    assert raw == []


def test_mermaid_labels_are_escaped():
    t = seed_trace()
    hops = list(t.chain.hops)
    hops[1] = dataclasses.replace(hops[1], name='Evil"]; click h0 "javascript:alert(1)"')
    t = dataclasses.replace(t, chains=(dataclasses.replace(t.chain, hops=tuple(hops)),))
    out = render(t, "markdown")
    block = out.split("```mermaid")[1].split("```")[0]
    assert 'Evil#34;#93;#59; click h0 #34;javascript#58;alert#40;1#41;#34;' in block
    assert block.count('"') == 2 * len(hops)


# ----------------------------------------------------------------------------- HTML


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Collector:
    c = Collector()
    c.feed(html)
    c.close()
    return c


def test_html_first_screen_content(trace):
    html = render(trace, "html")
    doc = parse(html)
    text = " ".join("".join(doc.text).split())
    assert html.startswith("<!doctype html>")
    metas = [a for t, a in doc.tags if t == "meta"]
    assert {"http-equiv": "Content-Security-Policy",
            "content": "default-src 'none'; style-src 'unsafe-inline'; img-src data:"} in metas
    assert any(a.get("name") == "viewport" for a in metas)
    assert "@media print" in html and "@media (max-width" in html
    h1 = html.index("<h1>")
    assert html[h1:].startswith("<h1>South Korea, US Make Progress In Military Cost-Sharing Talks")
    assert "Pakistan Point News" in text and "published 2020-01-09" in text
    assert "dateline: MOSCOW, 2020-01-09, credits Sputnik" in text
    assert "SC Sputnik: state-controlled media \u2014 source: State Media Monitor typology via Alliance for Securing Democracy, 2024-02-07 snapshot" in text
    assert "layers: 3" in text and "3 attribution layers" in text
    assert CHAIN in text
    # The chain is an inline SVG with one box per hop, each name in a <text>, and arrows.
    assert sum(1 for t, a in doc.tags if t == "rect" and "box" in a.get("class", "")) == 8  # wide + narrow
    assert sum(1 for t, _ in doc.tags if t == "line") == 6
    for name in ("senior US official", "Yonhap", "Sputnik", "Pakistan Point News"):
        assert 'class="name" ' in html and f">{name}</text>" in html
    assert ">SC: state-controlled media</text>" in html
    assert "\u201cas quoted by the South Korean Yonhap" in html
    for kind in FLAG_KINDS:
        assert f'<span class="kind">{kind}</span>' in html
    # Flags come before the article text, copies and undecided after it.
    order = [html.index(f'id="{s}"') for s in ("chain", "flags", "text", "copies", "undecided")]
    assert order == sorted(order)


def test_html_is_self_contained(trace):
    doc = parse(render(trace, "html"))
    tags = {t for t, _ in doc.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form", "image", "use"}
    for tag, attrs in doc.tags:
        assert "src" not in attrs and "srcset" not in attrs
        assert not any(k.startswith("on") for k in attrs)
        if "href" in attrs:
            assert tag == "a" and attrs["href"].startswith("https://")
            assert "noreferrer" in attrs["rel"]
        if "style" in attrs:
            assert "url(" not in attrs["style"]


def test_html_article_text_highlighted(trace):
    html = render(trace, "html")
    assert '<span class="h-source" title=' in html
    assert ">a senior US official</span>" in html
    assert '<span class="h-flag h-cue" title="cue: according-to; flag: vague-attribution">According to media reports</span>' in html
    assert 'class="h-content"' in html
    doc = parse(html)
    joined = "".join(doc.text)
    assert "Special Measures Agreement (SMA) expired on December 31." in joined
    assert 'the alliance with Seoul is "ironclad."' in joined


def test_highlight_segments_cover_the_text_exactly(trace):
    t = trace.article.text
    marks = [(a.source, "source", "") for a in trace.attributions] + [(f.evidence, "flag", f.kind) for f in trace.flags]
    marks += [(None, "cue", ""), (dataclasses.replace(trace.flags[0].evidence, text="wrong"), "flag", "bad"),
              (type(trace.flags[0].evidence)("x", len(t) - 1, len(t) + 5), "flag", "out of range")]
    segs = highlight(t, marks)
    assert "".join(s["text"] for s in segs) == t
    assert not any("bad" in s["note"] or "out of range" in s["note"] for s in segs)
    anon = next(s for s in segs if s["text"] == "a senior US official")
    assert anon["roles"] == ["flag", "source"]
    assert highlight("", marks) == []


def test_html_copies_timeline_and_undecided(trace):
    html = render(trace, "html")
    copies = html[html.index('id="copies"') : html.index('id="undecided"')]
    assert copies.index("2020-01-09</span> &middot; <strong>Sputnik") < copies.index("(this article)") < copies.index("UrduPoint")
    assert "<span class=\"rel\">verbatim</span>" in copies and "similarity 0.93" in copies
    assert "Sputnik (earlier)</figcaption>" in copies and "this article (later)</figcaption>" in copies
    assert 'href="https://sputniknews.com/asia/202001091077965321-south-korea-us-make-progress/"' in copies
    undecided = html[html.index('id="undecided"') :]
    assert "<li>who the State Department official is: the article never names them</li>" in undecided


def test_html_minimal_trace_states_what_is_missing():
    html = render(bare_trace(), "html")
    text = " ".join("".join(parse(html).text).split())
    assert "No citation chain found" in text
    assert "layers: 0" in text
    assert "publication date unknown" in text
    assert "No flags." in text
    assert "no other copy of this text found" in text.lower()


def test_html_hostile_page_renders_inert():
    html = render(hostile_trace(), "html")
    doc = parse(html)
    tags = [t for t, _ in doc.tags]
    for bad in ("script", "img", "iframe", "textarea", "b"):
        assert bad not in tags, bad
    assert tags.count("svg") == 2  # our two chain diagrams, nothing from the page
    assert tags.count("style") == 1 and tags.count("title") == 1 + 2 * 4  # page + one per hop per diagram
    for tag, attrs in doc.tags:
        assert not any(k.lower().startswith("on") for k in attrs), (tag, attrs)
        for k in ("href", "src", "xlink:href", "action"):
            assert not (attrs.get(k) or "").strip().lower().startswith("javascript:"), (tag, attrs)
    assert [a["href"] for t, a in doc.tags if t == "a"] == [
        "https://www.urdupoint.com/en/world/south-korea-us-make-progress-in-military-cost-801234.html"
    ]
    text = "".join(doc.text)
    assert "<script>alert(1)</script>" in text  # shown as text
    assert '<svg onload=alert(6)>' in text
    assert "javascript:alert(9)" in text and "javascript:alert(7)" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "</textarea></style></title>" not in html


# ----------------------------------------------------------------------------- ClaimReview


def test_claimreview_structure(trace):
    out = render(trace, "claimreview")
    doc = json.loads(out)
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert doc["claimReviewed"].startswith("Seoul and Washington have advanced in negotiations")
    claim = doc["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Person", "name": "senior US official"}
    first = claim["firstAppearance"]
    assert first == {
        "@type": "CreativeWork",
        "url": "https://sputniknews.com/asia/202001091077965321-south-korea-us-make-progress/",
        "datePublished": "2020-01-09",
        "publisher": {"@type": "Organization", "name": "Sputnik"},
        "author": {"@type": "Organization", "name": "Sputnik"},
    }
    urls = [w["url"] for w in claim["appearance"]]
    assert urls == [trace.article.url, trace.copies[1].url]  # the article itself, then the later copy
    assert all(w["@type"] == "CreativeWork" and w["datePublished"] for w in claim["appearance"])
    assert doc["reviewRating"]["@type"] == "Rating"
    assert CHAIN in doc["reviewRating"]["ratingExplanation"]
    assert "not a verdict" in doc["reviewRating"]["ratingExplanation"]


def test_claimreview_when_the_article_came_first(trace):
    later = tuple(dataclasses.replace(c, earlier=False) for c in trace.copies)
    doc = to_claimreview(dataclasses.replace(trace, copies=later))
    assert doc["itemReviewed"]["firstAppearance"]["url"] == trace.article.url
    assert [w["url"] for w in doc["itemReviewed"]["appearance"]] == [c.url for c in trace.copies]


def test_claimreview_bare_trace():
    doc = json.loads(render(bare_trace(), "claimreview"))
    assert doc["claimReviewed"] == "Headline"
    assert doc["itemReviewed"]["firstAppearance"] == {"@type": "CreativeWork", "name": "x.txt"}
    assert doc["itemReviewed"]["appearance"] == []
    assert "author" not in doc["itemReviewed"]


def test_safe_url():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://Example.org") == "HTTP://Example.org"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "//evil", "https://x\" onclick=\"y", None, ""):
        assert safe_url(bad) is None


# ----------------------------------------------------------------------------- Datasette metadata

TABLES = ("articles", "outlets", "fingerprints", "lsh_bands", "paragraphs", "attributions",
          "chains", "chain_hops", "flags", "links", "runs")


def metadata() -> dict:
    return json.loads((Path(tracer.__file__).parent / "data" / "datasette-metadata.json").read_text())


def test_datasette_metadata_describes_every_table():
    meta = metadata()
    db = meta["databases"]["provenance"]
    assert meta["title"] and meta["description"]
    for table in TABLES:
        assert db["tables"][table]["description"], table
    assert set(db["queries"]) == {
        "articles_sharing_text", "chains_through_state_affiliated_outlets", "most_copied_this_week", "flags_by_outlet",
    }
    assert ":article" in db["queries"]["articles_sharing_text"]["sql"]


def _provenance_db():
    import sqlite3

    sqlite_utils = pytest.importorskip("sqlite_utils")
    from tracer.migrations import migrate

    conn = sqlite3.connect(":memory:")
    db = sqlite_utils.Database(conn)
    migrate(db, now="2026-11-26T00:00:00Z")
    labels = json.dumps([{"label": "SC", "meaning": "state-controlled media", "source": "State Media Monitor typology"}])
    db["outlets"].insert_all([
        {"id": 1, "name": "Sputnik", "domain": "sputniknews.com", "kind": "agency", "labels": labels},
        {"id": 2, "name": "Pakistan Point News", "domain": "pakistanpoint.com", "kind": "outlet", "labels": "[]"},
    ])
    db["articles"].insert_all([
        {"id": 1, "input": "a", "outlet": "Sputnik", "title": "Origin", "published": "2020-01-09", "current": 1, "sha256": "1"},
        {"id": 2, "input": "b", "outlet": "Pakistan Point News", "title": "Copy", "published": "2020-01-09", "current": 1, "sha256": "2"},
        {"id": 3, "input": "c", "outlet": "UrduPoint", "title": "Copy 2", "published": "2020-01-10", "current": 1, "sha256": "3"},
    ])
    db.execute("insert into links (source_id, target_id, relation, similarity, containment, created_at) "
               "values (1, 2, 'verbatim', 0.93, 0.98, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
               "(1, 3, 'derived', 0.71, 0.84, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
               "(2, 3, 'derived', 0.70, 0.80, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
    db.execute("insert into chains (id, article_id, idx, layers, summary) values (1, 2, 0, 3, 'x')")
    db.execute("insert into chain_hops (chain_id, position, name, kind) values "
               "(1, 0, 'senior US official', 'source'), (1, 1, 'Yonhap', 'agency'), "
               "(1, 2, 'Sputnik', 'agency'), (1, 3, 'Pakistan Point News', 'publisher')")
    db.execute("insert into flags (article_id, kind, message) values (2, 'anonymous-source', 'm'), "
               "(2, 'vague-attribution', 'm'), (3, 'anonymous-source', 'm')")
    return conn


def test_datasette_canned_queries_run_on_the_store_schema():
    conn = _provenance_db()
    queries = metadata()["databases"]["provenance"]["queries"]
    for name in queries:
        conn.execute("explain " + queries[name]["sql"], {"article": 2})
    rows = conn.execute(queries["articles_sharing_text"]["sql"], {"article": 2}).fetchall()
    assert [(r[0], r[-1]) for r in rows] == [(1, "earlier copy"), (3, "later copy")]
    rows = conn.execute(queries["chains_through_state_affiliated_outlets"]["sql"]).fetchall()
    assert len(rows) == 1 and "Sputnik" in rows[0] and "SC" in rows[0]
    rows = conn.execute(queries["most_copied_this_week"]["sql"]).fetchall()
    assert [(r[0], r[5]) for r in rows] == [(1, 2)]
    rows = conn.execute(queries["flags_by_outlet"]["sql"]).fetchall()
    assert ("Pakistan Point News", "anonymous-source", 1, 1) in rows and ("UrduPoint", "anonymous-source", 1, 1) in rows


def test_chain_layout_wraps_long_names(trace):
    from tracer.report import chain_layout

    hops = list(trace.chain.hops)
    hops[0] = dataclasses.replace(hops[0], name="unnamed senior US official (State Department) speaking on background to reporters in Washington on Thursday")
    chain = dataclasses.replace(trace.chain, hops=tuple(hops))
    for vertical, width in ((False, 21), (True, 32)):
        g = chain_layout(chain, vertical=vertical)
        lines = g["hops"][0]["name_lines"]
        assert len(lines) == 3 and lines[-1].endswith("\u2026")
        assert all(len(line) <= width for line in lines)
        assert g["box_h"] >= 26 + 17 * 3
        assert len(g["arrows"]) == 3
    html = render(dataclasses.replace(trace, chains=(chain,)), "html")
    assert "<title>unnamed senior US official (State Department) speaking on background to reporters in Washington on Thursday (source)" in html
    assert chain_layout(None) is None


# ----------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tracer.models import Span  # noqa: E402
from tracer.report import md  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70),
                                                st.sampled_from(["source", "cue", "content", "flag"])), max_size=8))
def test_highlight_always_covers_the_text(text, raw):
    marks = [(Span(text[max(s, 0):max(e, 0)], s, e), role, role) for s, e, role in raw]
    segs = highlight(text, marks)
    assert "".join(seg["text"] for seg in segs) == text
    assert all(seg["text"] for seg in segs)
    for seg in segs:
        assert all(r in ("flag", "source", "cue", "content") for r in seg["roles"])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_markdown_escape_leaves_no_markup(text):
    out = md(text)
    assert "<" not in out and ">" not in out and "\n" not in out
    unescaped = out.replace("\\\\", "")
    for ch in "[]`|*_":
        assert unescaped.count(ch) == unescaped.count("\\" + ch)


@pytest.mark.parametrize("body, shown", [
    # a quote that runs on across its speaker: the speaker and cue are cut out
    ("\u201cThis is how epidemics begin,\u201d Dr. Ann Roe, a member of the group, told NBC News. "
     "\u201cIt could get out of control.\u201d",
     "\u201cThis is how epidemics begin,\u201d \u2026 \u201cIt could get out of control.\u201d"),
    ("The industry, she said, is doing better than a year ago.", "The industry \u2026 is doing better than a year ago"),
    # the speaker after the claim: the claim as it stands
    ("\u201cWe will win,\u201d Ann Roe said.", "\u201cWe will win,\u201d"),
])
def test_what_an_attribution_says_leaves_out_its_speaker(body, shown):
    from tracer import attribution, report

    at = [a for a in attribution.extract(body) if a.kind != "relay"][0]
    assert report.said(at) == shown


def test_the_terminal_report_says_how_many_more_chains_and_attributions_there_are(trace):
    from tracer.models import Chain, ChainHop
    from tracer.report.text import MAX_ATTRIBUTIONS, MORE_CHAINS

    page = trace.chains[0].hops[-1]
    chains = trace.chains[:1] + tuple(Chain((ChainHop(f"study {i}", "source"), page)) for i in range(20))
    first = trace.attributions[0]
    atts = tuple(dataclasses.replace(first, speaker=f"study {i}") for i in range(40))
    t = dataclasses.replace(trace, chains=chains, attributions=atts)
    text = render(t, "text")
    assert text.count("  chain ") == MORE_CHAINS and "study 7 " in text and "study 8 " not in text.split("flags")[0]
    assert f"... and {20 - MORE_CHAINS} more chains (every one in --format markdown, html or json)" in text
    assert f"... and {40 - MAX_ATTRIBUTIONS} more (every one in --format markdown, html or json)" in text
    markdown = render(t, "markdown")
    assert "study 19" in markdown and markdown.count("study 39") >= 1  # the full report keeps them all


def test_a_quotation_is_not_quoted_twice_and_a_quoted_word_keeps_its_marks():
    from tracer.report.summary import _q

    assert _q('"We will win."') == "\u201cWe will win.\u201d"
    assert _q("\u201cWe will win.\u201d") == "\u201cWe will win.\u201d"
    # a claim ending on a quoted word: both of the page's marks stay (one was cut before)
    assert _q('that the alliance is "ironclad."') == '\u201cthat the alliance is "ironclad."\u201d'


def test_the_byline_is_in_every_format_and_only_when_the_page_gives_one():
    t = bare_trace()
    t = dataclasses.replace(t, article=dataclasses.replace(t.article, author="Jane Doe <b>x</b>"))
    assert "Headline\noutlet unknown \u00b7 date unknown \u00b7 by Jane Doe <b>x</b>\n" in render(t, "text")
    assert "- Byline: Jane Doe &lt;b&gt;x&lt;/b&gt;\n" in render(t, "markdown")
    html = render(t, "html")
    assert "by Jane Doe &lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert to_dict(t)["author"] == "Jane Doe <b>x</b>"
    jsonschema.validate(to_dict(t), SCHEMA)
    bare = bare_trace()
    assert to_dict(bare)["author"] is None
    assert " by " not in render(bare, "text").splitlines()[1]
    assert "Byline" not in render(bare, "markdown")
    assert "by " not in " ".join("".join(parse(render(bare, "html")).text).split()).split("Headline", 2)[-1][:80]
