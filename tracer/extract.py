"""HTML (trafilatura) or plain text -> Article. The only module that imports trafilatura
(it installs ``xpaths``, stand-ins for trafilatura's slowest XPath expressions).

Bytes are decoded here (BOM, HTTP charset, ``<meta charset>``, then detection), parsed once
(``parse_html``), and handed to trafilatura as a tree. Every failure is an
``ExtractionError`` naming the input and the next step; trafilatura's own channel (log a
line, return None) never leaks out.
"""

from __future__ import annotations

import codecs
import logging
import re
from copy import deepcopy
from datetime import datetime, timezone
from functools import lru_cache
from itertools import islice
from urllib.parse import urljoin

import charset_normalizer
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction
from trafilatura import xpaths as trafilatura_xpaths
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    Document,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.utils import repair_faulty_html, trim
from trafilatura.xml import delete_element

from . import bylines, headline, normalize, xpaths
from .errors import ExtractionError
from .models import Article, Span
from .sources import url_list

# trafilatura's regex XPaths cost a Python callback per element and attribute; the stand-ins
# select the same elements in C-filtered walks (tracer/xpaths.py): 35.1 -> 29.5 ms a page.
xpaths.install(trafilatura_xpaths)

# trafilatura and its helpers log every discarded page; we raise instead, so mute them.
for _name in ("trafilatura", "htmldate", "justext", "courlan", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# Measured with bench/eval_extraction.py on ../shared/data (F1 on the Zyte benchmark /
# trafilatura-eval-en / Readability news pages; pages per CPU second on the Zyte pages):
#   trafilatura.extract alone     0.949 / 0.934 / 0.925   29 p/s (no metadata)
#   tracer, favor_precision       0.960 / 0.940 / 0.936   19 p/s (with full metadata)
#   tracer, favor_recall          0.962 / 0.938 / 0.940   25 p/s (full) / 30 p/s (_metadata)  <- kept
#   tracer, favor_recall + fast   0.965 / 0.934 / 0.940   25 p/s (misses text on some pages)
# Recall mode skips the readability/justext second pass once the text is long, which makes
# it the fastest, and it beats trafilatura alone on all three sets. Tables stay in
# (dropping them cost 0.006 F1 on trafilatura-eval-en). Comments off: not the article.
TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "favor_recall": True,
    "include_tables": True,
    "deduplicate": False,  # its process-wide cache would drop the very copies we look for
    "with_metadata": False,  # read by _metadata below, without categories/tags/licence (-9% time)
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it shares the first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x7fELF", "an executable"),
)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w:.+-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w:.+-]+)", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_WORDY = re.compile(r"\w", re.UNICODE)
_WORDS = re.compile(r"\w+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
MIN_PROSE_WORDS = 6  # an article has at least one block this long ...
MIN_PROSE_CHARS = 40  # ... or this many word characters (unspaced scripts)
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_TITLE_SEP = re.compile(r"\s+[|\u2013\u2014\u00b7-]\s+")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")

# Labels Python does not know, and (WHATWG) the supersets browsers decode instead:
# Latin-1 and ASCII pages are read as windows-1252, Shift_JIS as cp932, GB2312 as GBK.
_LABELS = {
    "x-sjis": "cp932", "windows-31j": "cp932", "x-euc-jp": "euc_jp", "x-mac-roman": "mac_roman",
    "iso-8859-8-i": "iso8859_8", "windows-874": "cp874", "x-cp1251": "cp1251",
    "unicode-1-1-utf-8": "utf-8",
}
_ALIASES = {
    "iso8859-1": "cp1252", "ascii": "cp1252", "shift_jis": "cp932", "gb2312": "gbk",
    "euc_kr": "cp949", "tis-620": "cp874",
}


def extract(
    data: bytes | str,
    *,
    input: str,
    kind: str,
    url: str | None = None,
    fetched_at: str | None = None,
    redirects: tuple[str, ...] = (),
    content_type: str | None = None,
) -> Article:
    """One page as an Article; ``kind`` is "html", "text" or "stdin" (sniffed) or "url" (HTML)."""
    kind = _resolve_kind(data, kind, content_type)
    if isinstance(data, bytes):
        _reject_empty(data.strip(), input)
        _reject_binary(data, input)
        text = decode(data, content_type, html=kind == "html")
    else:
        text = data
    if not text.strip():
        raise ExtractionError(f"{input}: empty input; check the file or URL")
    if kind == "html":
        return _from_html(text, input, url, fetched_at, redirects)  # cleans the extracted text only
    text = normalize.clean(text)
    markdown = input.lower().endswith(".md") or "markdown" in (content_type or "").lower()
    return _from_text(text, input, url, fetched_at, redirects, markdown)


def _resolve_kind(data: bytes | str, kind: str, content_type: str | None) -> str:
    if kind in ("html", "text"):
        return kind
    if kind == "url" and content_type:
        return "text" if content_type.lower().startswith("text/plain") else "html"
    if kind == "url":
        return "html"
    head = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "replace")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n\f")
    return "html" if head.startswith(b"<") or b"<html" in head.lower() else "text"


# --- decoding ---------------------------------------------------------------------------


def decode(data: bytes, content_type: str | None = None, html: bool = True) -> str:
    """Bytes -> str: BOM, declared charset (HTTP, then ``<meta>``), UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _codec(_declared(content_type, data if html else b""))
    try:
        # Valid UTF-8 with non-ASCII bytes is almost never an accident, while mislabelled
        # pages ("iso-8859-1" on UTF-8 text) are common: UTF-8 wins over a legacy label.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        return data.decode(declared, errors="replace")
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    best = _best_guess(charset_normalizer.from_bytes(data[:200_000]))
    if best is not None and best.encoding:
        encoding = _codec(best.encoding) or "utf-8"
        return data.decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def _best_guess(matches):
    """charset-normalizer's best match, but windows-1252 among equally good guesses: on
    Western text cp1250/cp1257 often tie with it, and it is the web's commonest legacy
    encoding (browsers read "latin-1" as cp1252 too)."""
    best = matches.best()
    if best is None:
        return None
    for m in matches:
        if m.encoding == "cp1252" and (m.chaos, -m.coherence) <= (best.chaos, -best.coherence):
            return m
    return best


def _declared(content_type: str | None, data: bytes) -> str | None:
    if content_type:
        found = _CT_CHARSET.search(content_type)
        if found:
            return found.group(1)
    if data:
        found = _META_CHARSET.search(data[:8192])
        if found:
            return found.group(1).decode("ascii", "replace")
    return None


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, None when unknown."""
    if not label:
        return None
    label = label.strip().lower()
    try:
        name = codecs.lookup(_LABELS.get(label, label)).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # a page that says UTF-16 in ASCII bytes is not UTF-16 (WHATWG)
    return _ALIASES.get(name, name)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated or spliced page) rather than another charset."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = len(_NON_ASCII.findall(text)) - broken
    return text if wide > 0 and broken <= max(1, wide // 10) else None


# --- rejection --------------------------------------------------------------------------


def _reject_empty(data: bytes, input: str) -> None:
    if not data:
        raise ExtractionError(f"{input}: empty input; check the file or URL")


def _reject_binary(data: bytes, input: str) -> None:
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text is full of NUL bytes
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ExtractionError(f"{input}: {what}, not a page; check the file or URL")
    head = data[:8192]
    control = len(head) - len(head.translate(None, _CONTROL))
    if b"\x00" in head or control > len(head) * 0.05:
        raise ExtractionError(f"{input}: binary data, not a page; check the file or URL")


# --- plain text -------------------------------------------------------------------------


def _from_text(text, input, url, fetched_at, redirects, markdown) -> Article:
    headline = normalize.first_line(text)
    if headline is None:
        raise ExtractionError(f"{input}: empty input; check the file or URL")
    if not _WORDY.search(text[headline.end :]):
        raise ExtractionError(f"{input}: only a headline, no body text; give the full article")
    if url_list(text):
        raise ExtractionError(
            f"{input}: a list of URLs, not an article; trace the pages it lists with "
            f"`tracer trace --from {input}`, or watch feeds with `tracer watch --feeds {input}`")
    title = _MD_HEADING.sub("", headline.text).strip() if markdown else headline.text
    return Article(
        input=input,
        title=title or headline.text,
        text=text,
        paragraphs=normalize.paragraphs(text),
        url=url,
        fetched_at=fetched_at,
        redirects=tuple(redirects),
        content_type="text",
    )


# --- HTML -------------------------------------------------------------------------------


def _from_html(html, input, url, fetched_at, redirects) -> Article:
    if not html.lstrip().startswith("<"):
        # plain text saved as .html (or served as text/html): read it as the text it is
        return _from_text(normalize.clean(html), input, url, fetched_at, redirects, markdown=False)
    try:
        tree = parse_html(html)
        if tree is None:  # trafilatura refuses a bare fragment ("<p>..</p>"): give it a document
            tree = parse_html(f"<html><body>{html}</body></html>")
    except Exception as err:  # lxml raises a zoo of errors on hostile markup
        raise ExtractionError(f"{input}: HTML could not be parsed ({type(err).__name__}); check the page") from None
    if tree is None:
        raise ExtractionError(f"{input}: HTML could not be parsed; check that it is a web page")
    canonical = _canonical(tree, url)
    try:
        meta = _metadata(tree, canonical or url, fetched_at)
    except RecursionError:
        raise ExtractionError(f"{input}: HTML nested too deeply to extract; check the page") from None
    except Exception:  # metadata is optional: a bug reading it must not cost the article text
        meta = Document()
    try:
        doc = bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    except RecursionError:
        raise ExtractionError(f"{input}: HTML nested too deeply to extract; check the page") from None
    except Exception as err:  # a bug in trafilatura must not stop the batch
        raise ExtractionError(
            f"{input}: extraction failed ({type(err).__name__}: {err}); report the page"
        ) from None
    if doc is None:
        raise ExtractionError(f"{input}: no article text found in the HTML; check it is an article page")
    # cleaned piece by piece so that ``title`` is exactly the start of ``text``
    body = [p for p in (_one_line(line) for line in normalize.clean(doc.text or "").split("\n")) if p]
    host = canonical or url
    title = _strip_site(_headline(tree, meta, host) or _one_line(normalize.clean(meta.title or "")),
                        meta.sitename, host)
    if body and title and normalize.canonical(body[0]) == normalize.canonical(title):
        body = body[1:]  # the page's <h1> repeats the headline; keep it once
    body = _without_gallery(body)
    if not any(_is_prose(p) for p in body):
        raise ExtractionError(f"{input}: no article text found in the HTML; check it is an article page")
    if not title:
        title, body = body[0], body[1:]  # no headline in the page: its first block stands in
    text = "\n\n".join([title, *body])
    return Article(
        input=input,
        title=title,
        text=text,
        paragraphs=_spans(text),
        url=url,
        canonical=canonical,
        site_name=meta.sitename or None,
        published=_published(meta.date, fetched_at),
        author=bylines.tidy(meta.author),
        fetched_at=fetched_at,
        redirects=tuple(redirects),
        content_type="html",
    )


def _parser():
    """trafilatura's HTML parser (same options), but with lxml's C-level element class
    lookup instead of ``lxml.html``'s Python one, which runs for every element object
    created: trafilatura walks the tree a dozen times, and the lookup was ~7 % of
    extraction. Every element is still an ``HtmlElement``; only lxml.html's form-field
    classes (``InputElement``, ``FormElement``...) are gone, which trafilatura never uses."""
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


_HTML_PARSER = _parser()


def parse_html(html: str):
    """The tree trafilatura's ``load_html`` builds from a decoded page, in half the time.

    ``load_html`` hands libxml2 the ``str`` first (which it converts from UCS-4) and falls
    back to UTF-8 bytes with the same parser; this goes straight to the bytes, with the same
    repairs and the same rejection of non-HTML. tests/test_extract.py checks that the trees
    serialise identically (they do on every shared benchmark page).
    """
    beginning = html[:50].lower()
    try:
        tree = lxml_html.fromstring(repaired_bytes(html, beginning), parser=_HTML_PARSER)
    except Exception:  # as trafilatura's fromstring_bytes: lxml refuses some documents
        tree = None
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None  # as load_html: not an HTML document
    return tree


# The ASCII controls trafilatura's repair deletes from the whole page (its INVALID_XML_CHARS
# also holds U+FFFE and U+FFFF), as the single UTF-8 bytes they are.
_XML_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_HEAD = 8192  # characters: the doctype and first-lines repairs read the first 4,096


def repaired_bytes(html: str, beginning: str) -> bytes:
    """``repair_faulty_html(html, beginning)`` as UTF-8, for libxml2.

    Its first step deletes invalid XML characters with a regex over the whole page (~1 ms
    for 200 KB); the bytes tell in C whether there are any. Without them, only the head
    needs the repair: its other fixes (a doctype, a self-closing ``<html/>``) act on the
    first line and the first 4,096 characters, which the head, cut at a line end after
    8,192, holds whole. tests/test_extract.py checks the bytes against the full repair.
    """
    data = html.encode("utf8", "surrogatepass")
    if ("\ufffe" in html or "\uffff" in html  # a page of Latin-1 characters answers at once
            or len(data.translate(None, _XML_CONTROL_BYTES)) != len(data)):
        return repair_faulty_html(html, beginning).encode("utf8", "surrogatepass")
    cut = html.find("\n", _HEAD) + 1 or len(html)
    head = html[:cut]
    fixed = repair_faulty_html(head, beginning)
    if fixed == head:
        return data
    if len(head) - len(fixed) > _HEAD - 4096:  # a doctype thousands of characters long
        return repair_faulty_html(html, beginning).encode("utf8", "surrogatepass")
    return (fixed + html[cut:]).encode("utf8", "surrogatepass")


def _metadata(tree, url: str | None, fetched_at: str | None):
    """trafilatura's ``extract_metadata`` minus categories, tags and licence, which we never use."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single word is a handle or a site, not a byline (as trafilatura)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura guards this call the same way: JSON-LD in the wild is broken
        pass
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or byline(tree)
    for script in tree.xpath("//script[not(contains(@type, 'ld+json'))]"):
        # htmldate reads dates in code too ("// Updated 2015.02.04 by David Ware" became a
        # news page's date); JSON-LD's datePublished stays. The tree goes on to trafilatura,
        # which drops scripts anyway (the same articles on the three benchmarks).
        _drop(script)
    params = _date_params(fetched_at)
    meta.date = _earliest(find_date(tree, url=url, **params), _declared_published(tree, params["max_date"]))
    meta.sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@") or None
    if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
        meta.sitename = meta.sitename.title()
    meta.clean_and_trim()
    return meta


def _drop(el) -> None:
    """Remove ``el`` but not the text after it (lxml keeps that as the element's tail)."""
    parent, tail = el.getparent(), el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# --- byline -----------------------------------------------------------------------------
# trafilatura's ``extract_author`` (2.x) deep-copies the whole page, deletes comment, date
# and figure blocks from the copy, then runs three XPath tiers whose ``re:test`` calls back
# into Python for every element: ~9 ms a page, a quarter of our extraction. ``byline`` reads
# the same tiers and the same discard rules (trafilatura's regexes, verbatim) in one pass
# over the page itself (~3 ms): a candidate inside a discarded block is skipped, and only a
# candidate that holds one is copied. tests/test_extract.py checks that it returns what
# ``extract_author`` returns, so a trafilatura upgrade that changes the rules is noticed.
_TIER1_TAGS = frozenset(("a", "address", "div", "link", "p", "span", "strong"))
_TIER2_TAGS = frozenset(("a", "div", "h3", "h4", "p", "span"))
_DISCARD_TAGS = frozenset(("a", "div", "section", "span"))
_TIER1_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_TIER2_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_TIER2_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_TIER3_ID = re.compile(r"[Aa]uthor")
_TIER3_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer")


def byline(tree) -> str | None:
    """The page's author from its markup (trafilatura's ``extract_author``, without the copy)."""
    tiers, discarded = _byline_candidates(tree)
    for tier in tiers:
        for elem in tier:
            if elem in discarded or any(a in discarded for a in elem.iterancestors()):
                continue  # gone from trafilatura's pruned copy
            content = trim(" ".join(_kept_text(elem, discarded)))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


@lru_cache(maxsize=4096)
def _class_rules(cls: str) -> tuple[bool, bool, bool, bool]:
    """What a class attribute alone says: (discard, tier 1, tier 2, tier 3). A page repeats a
    few dozen class names over hundreds of elements; searching each element's class with
    four patterns cost ~2 us a search (``byline`` 3.7 -> 2.9 ms a page once cached)."""
    return (cls in ("comments", "title", "date") or bool(_DISCARD_CLASS.search(cls)),
            cls == "author" or bool(_TIER1_CLASS.search(cls)),
            cls in ("byline", "username", "byl", "BBL") or bool(_TIER2_CLASS.search(cls)),
            bool(_TIER3_CLASS.search(cls)))


@lru_cache(maxsize=4096)
def _id_rules(id_: str) -> tuple[bool, bool, bool, bool]:
    """What an id attribute alone says: (discard, tier 1, tier 2, tier 3)."""
    return (id_ == "comments" or bool(_DISCARD_ID.search(id_)), id_ == "author",
            bool(_TIER2_ID.search(id_)), bool(_TIER3_ID.search(id_)))


_NONE = (False, False, False, False)


def _byline_candidates(root):
    """Each tier's matches in document order, and every element the discard rules remove."""
    tier1, tier2, tier3, discarded = [], [], [], set()
    rel_parents = {r.getparent() for r in root.iter("rel")}  # almost always none
    for el in root.iter(etree.Element):
        get, tag = el.get, el.tag
        cls, id_ = get("class"), get("id")
        d_cls, t1_cls, t2_cls, t3_cls = _class_rules(cls) if cls else _NONE
        d_id, t1_id, t2_id, t3_id = _id_rules(id_) if id_ else _NONE
        itemprop, component = get("itemprop") or "", get("data-component") or ""
        if tag in ("time", "figure") or (tag in _DISCARD_TAGS and el is not root and (
                d_id or d_cls or "Figure" in component)):
            discarded.add(el)
        if tag == "author" or (tag in _TIER1_TAGS and (
                t1_id or t1_cls or get("rel") == "author" or itemprop == "author name"
                or get("data-testid") in ("AuthorCard", "AuthorURL")
                or (el in rel_parents
                    and any("".join(r.itertext()) == "me" for r in el.iterchildren("rel"))))):
            tier1.append(el)
        if tag in _TIER2_TAGS and (t2_cls or t2_id or "author" in itemprop):
            tier2.append(el)
        if t3_cls or t3_id or "Byline" in component or "author" in itemprop:
            tier3.append(el)
    return (tier1, tier2, tier3), discarded


def _kept_text(elem, discarded):
    inside = [d for d in elem.iterdescendants() if d in discarded]
    if not inside:
        return elem.itertext()
    copy = deepcopy(elem)  # a byline block, not the page
    twins = dict(zip(elem.iter(), copy.iter()))
    for node in inside:
        delete_element(twins[node])  # its tail joins the text before it, as in trafilatura
    return copy.itertext()


def _headline(tree, meta, host: str | None) -> str | None:
    """The page's ``<h1>`` when it agrees with its metadata's title or ``<title>`` (see
    ``headline.choose``); read before trafilatura prunes the tree."""
    h1s = []
    for h1 in islice(tree.iter("h1"), MAX_HEADINGS):
        # A kicker set in its own element ("<h1><span>Open Progress</span>Why ...</h1>")
        # is not part of the headline: each child's text is a candidate too.
        h1s += [h1, *(child for child in h1 if child.tail or len(h1) > 1)]
    if not h1s:
        return None
    # every <title> with text, a few: an empty one, or an icon's (SVG has <title> too), can
    # come before the page's own
    titles = [meta.title, *("".join(t.itertext()) for t in islice(tree.iter("title"), MAX_HEADINGS))]
    return headline.choose(
        [_one_line(normalize.clean(" ".join(_shown_text(h)))) for h in h1s],
        [_strip_site(_one_line(normalize.clean(t)), meta.sitename, host) for t in titles if t],
        _site_names(meta.sitename, host))


MAX_HEADINGS = 8  # <h1> (and <title>) read: past this many, a page lists stories
_HIDDEN = frozenset(("script", "style", "noscript", "template", "svg"))


def _shown_text(el):
    """The text a reader sees in ``el``: not a script's, a style's or an icon's."""
    if not isinstance(el.tag, str) or el.tag in _HIDDEN:
        return
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _HIDDEN:
            yield from _shown_text(child)
        if child.tail:
            yield child.tail


def _canonical(tree, url: str | None) -> str | None:
    """``<link rel=canonical>``, else ``og:url``; absolute http(s) only."""
    # Searched anywhere: libxml2 moves <head> content into <body> after a stray tag. One
    # walk over the two tags in C (an XPath union with translate() took twice as long).
    links, metas = [], []
    for el in tree.iter("link", "meta"):
        if el.tag == "link":
            href = el.get("href")
            # the token "canonical" in rel, ASCII case folded (as the XPath it replaces)
            if href is not None and " canonical " in f" {(el.get('rel') or '').translate(_FOLD_CANONICAL)} ":
                links.append(href)
        elif el.get("property") == "og:url":
            content = el.get("content")
            if content is not None:
                metas.append(content)
    for href in links + metas:  # the link first
        absolute = urljoin(url or "", href.strip())
        if absolute.startswith(("http://", "https://")):
            return absolute
    return None


_FOLD_CANONICAL = str.maketrans("CANONICAL", "canonical")


def _site_names(site_name: str | None, host: str | None) -> set[str]:
    """Canonical forms a page's own name takes: its site name and its domain."""
    names = {normalize.canonical(site_name or "")}
    if host:  # "www.helge.at" -> "helge at", "helge"
        domain = re.sub(r"^[a-z]+://", "", host).split("/")[0].removeprefix("www.")
        names |= {normalize.canonical(domain), normalize.canonical(domain.split(".")[0])}
    names.discard("")
    return names


def _strip_site(title: str, site_name: str | None, host: str | None) -> str:
    """"Headline | Site" -> "Headline" when the trailing part names the site."""
    names = _site_names(site_name, host)
    cuts = list(_TITLE_SEP.finditer(title))
    for i, cut in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(title)
        part, rest = title[cut.end() : end], title[cut.end() :]  # "Site" or "Site | Slogan"
        if normalize.canonical(part) in names or normalize.canonical(rest) in names:
            return title[: cut.start()].strip() or title  # keep the separators inside the headline
    return title


_SLIDE = re.compile(r"(?:[-\u2022*]\s+)?\d{1,3}/(\d{1,3})\s")


def _without_gallery(blocks: list[str]) -> list[str]:
    """The blocks less a photo gallery's slide captions ("- 2/50 Star Wars boosts economy
    ...", "- 3/50 ..."): other stories, not this one. Three slides of one gallery at least,
    so that a paragraph opening with "9/11" stays."""
    slides: dict[str, list[int]] = {}
    for i, block in enumerate(blocks):
        m = _SLIDE.match(block)
        if m:
            slides.setdefault(m.group(1), []).append(i)
    drop = {i for found in slides.values() if len(found) >= 3 for i in found}
    return [b for i, b in enumerate(blocks) if i not in drop] if drop else blocks


def _is_prose(block: str) -> bool:
    """A sentence rather than a menu item or a form label (recall mode keeps those on empty pages)."""
    words = _WORDS.findall(block)
    # CJK text has no spaces between words: count characters there
    return len(words) >= MIN_PROSE_WORDS or sum(map(len, words)) >= MIN_PROSE_CHARS


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _spans(text: str) -> tuple[Span, ...]:
    """Blocks joined by blank lines, title block first; offsets into ``text``."""
    spans, start = [], 0
    for block in text.split("\n\n"):
        if block:
            spans.append(Span(block, start, start + len(block)))
        start += len(block) + 2
    return tuple(spans)


def _date_params(fetched_at: str | None) -> dict:
    # Only dates the page states: no guessing from free text, and nothing after the fetch.
    # (trafilatura's default caps at today, and its ``filedate`` is today: never used.)
    max_date = (fetched_at or datetime.now(timezone.utc).isoformat())[:10]
    return {"original_date": True, "extensive_search": False, "max_date": max_date}


# The publication time a page declares for its article. htmldate reads other dates first:
# on a Reuters page it took "analyticsAttributes.articleDate" (the last update, a day
# later) over "og:article:published_time". A page published on a day was online from it,
# so the earlier of the two is the first publication (``_earliest``).
_PUBLISHED_META = frozenset(("article:published_time", "og:article:published_time", "datepublished",
                             "article.published", "pubdate"))
_DATE_PUBLISHED_JSON = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _declared_published(tree, max_date: str) -> str | None:
    """The day (YYYY-MM-DD, as the page writes it) of the article's declared publication
    time: its ``article:published_time`` or ``datePublished`` meta, else its JSON-LD's
    first ``datePublished``; None when there is none, or it is malformed or later than
    ``max_date``."""
    found = None
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in _PUBLISHED_META:
            found = el.get("content") or ""
            break
    if found is None:
        for script in tree.iter("script"):
            if "ld+json" in (script.get("type") or "") and script.text:
                m = _DATE_PUBLISHED_JSON.search(script.text)
                if m:
                    found = m.group(1)
                    break
    m = _DAY.match((found or "").strip())
    if m is None:
        return None
    try:
        day = datetime.strptime(m.group(0), "%Y-%m-%d").date().isoformat()
    except ValueError:
        return None
    return day if "1995-01-01" <= day <= max_date else None


def _earliest(found: str | None, declared: str | None) -> str | None:
    """htmldate's day, or the declared publication day when that is earlier."""
    if found and declared:
        return min(found[:10], declared)
    return found or declared


def _published(date: str | None, fetched_at: str | None) -> str | None:
    if not date:
        return None
    if fetched_at and date[:10] > fetched_at[:10]:
        return None  # later than we read the page: a wrong date, not a publication date
    return date
