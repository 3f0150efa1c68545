"""Python stand-ins for trafilatura's costliest XPath expressions: same elements, same order.

trafilatura 2.x finds boilerplate and the article body with XPath expressions that call
EXSLT ``re:test`` on ``@id`` and ``@class``. lxml runs every such test as a Python callback,
for every candidate element, after libxml2 has walked every descendant: on the 257 shared
bench pages the nine below took 8.4-12 ms of a 30-38 ms extraction. The functions here
select the same elements with ``iterdescendants(tags)`` (the tag filter runs in C) and
compiled regexes: 2.2-2.6 ms for all nine.

Each stand-in replaces its expression only when the expression's text is the one it was
written from (:data:`WRITTEN_FOR`, a digest of the whitespace-normalised XPath); another
trafilatura release keeps its own XPaths, so a change upstream can cost speed, never
correctness. The regular expressions are read out of the XPath text itself. The tests
compare every stand-in with the XPath it replaces, on generated trees and on pages.

XPath string values that matter here: a missing attribute is ``""``; ``@id|@class`` is the
first of the two in the element's attribute order; ``re:test`` is ``re.search`` with
``re.UNICODE`` (plus ``re.I`` for the ``'i'`` flag) on that value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from lxml import etree

_RE_TEST = re.compile(r"re:test\(@([\w|@-]+), '([^']*)'(?:, '(\w*)')?\)")


def _digest(path: str) -> str:
    return hashlib.sha256(" ".join(path.split()).encode("utf-8")).hexdigest()[:16]


def _patterns(path: str) -> list[re.Pattern]:
    """The ``re:test`` patterns of an expression, in order of appearance."""
    return [re.compile(p, re.UNICODE | (re.I if "i" in (flags or "") else 0))
            for _, p, flags in _RE_TEST.findall(path)]


def _first(el, a: str, b: str) -> str:
    """String value of ``@a|@b``: the one of the two that comes first on the element."""
    va, vb = el.get(a), el.get(b)
    if va is None:
        return vb or ""
    if vb is None:
        return va
    keys = el.keys()  # both are there: the one first in the element's attribute order
    return va if keys.index(a) < keys.index(b) else vb


def _raw_tree_prune_0(path: str) -> Callable:
    id_any, class_any, id_mvp, class_mvp = _patterns(path)

    def select(tree):
        out = []
        for el in tree.iterdescendants("div", "section", "aside"):
            i, c = el.get("id") or "", el.get("class") or ""
            if (id_any.search(i) or class_any.search(c)) and (
                    next(el.iterdescendants("h1"), None) is None
                    or id_mvp.search(i) or class_mvp.search(c)):
                out.append(el)
        return out
    return select


def _raw_tree_prune_1(path: str) -> Callable:
    def select(tree):
        return [el for el in tree.iterdescendants("div", "section", "aside")
                if "elementor-share-buttons" in (el.get("class") or "")]
    return select


def _remove_comments_and_lists(path: str) -> Callable:
    id_any, class_any, id_list, class_list = _patterns(path)

    def select(tree):
        out = []
        for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
            i, c = el.get("id") or "", el.get("class") or ""
            if not (id_any.search(i) or class_any.search(c)):
                continue
            if el.tag not in ("ol", "ul") or id_list.search(i) or class_list.search(c):
                out.append(el)
        return out
    return select


def _overall_discard_0(path: str) -> Callable:
    cookie, id_rx, class_rx = _patterns(path)

    def select(tree):
        out = []
        for el in tree.iterdescendants("div", "item", "list", "p", "section", "span"):
            if (el.get("data-lp-replacement-content") is not None
                    or "nav" in (el.get("role") or "").replace("N", "n")
                    or "MostPopularStories" in (el.get("data-component") or "")
                    or cookie.search(_first(el, "id", "class"))
                    or id_rx.search(el.get("id") or "")
                    or class_rx.search(el.get("class") or "")):
                out.append(el)
        return out
    return select


def _overall_discard_1(path: str) -> Callable:
    hidden, id_rx, class_rx = _patterns(path)

    def select(tree):
        out = []
        for el in tree.iterdescendants(etree.Element):
            if not el.attrib:  # every test below needs an attribute
                continue
            c, style = el.get("class"), el.get("style") or ""
            if (c == "comments-title"
                    or _first(el, "id", "class").startswith("reply-")
                    or hidden.search(_first(el, "id", "style"))
                    or "display:none" in style or "display: none" in style
                    or id_rx.search(el.get("id") or "")
                    or class_rx.search(c or "")
                    or el.get("aria-hidden") == "true"):
                out.append(el)
        return out
    return select


def _body_0(path: str) -> Callable:
    id_rx, class_rx = _patterns(path)

    def select(tree):
        # `.//*[...][1]`: the first matching child of each parent, not the first overall.
        out, parents = [], set()
        for el in tree.iterdescendants("article", "div", "main", "section"):
            c, i = el.get("class"), el.get("id")
            if (c == "post" or c == "entry" or el.get("itemprop") == "articleBody"
                    or i == "articleContent" or id_rx.search(i or "")
                    or class_rx.search(c or "")):
                parent = el.getparent()
                if parent not in parents:
                    parents.add(parent)
                    out.append(el)
        return out
    return select


def _body_2(path: str) -> Callable:
    id_rx, fulltext, class_rx = _patterns(path)

    def select(tree):
        for el in tree.iterdescendants("article", "div", "main", "section"):
            c, i = el.get("class") or "", el.get("id")
            if (el.get("role") == "article" or i == "article" or i == "story"
                    or c in ("postarea", "art-postcontent", "text", "cell", "story")
                    or id_rx.search(i or "") or fulltext.search(c) or class_rx.search(c)):
                return [el]
        return []
    return select


_CM = str.maketrans("CM", "cm")
_CP = str.maketrans("CP", "cp")


def _body_3(path: str) -> Callable:
    id_rx, class_rx = _patterns(path)

    def select(tree):
        for el in tree.iterdescendants("article", "div", "main", "section"):
            i, c = el.get("id"), el.get("class")
            i_, c_ = i or "", c or ""
            if (i == "content" or c == "content" or id_rx.search(i_) or class_rx.search(c_)
                    or "main-content" in i_.translate(_CM)
                    or "main-content" in c_.translate(_CM)
                    or "page-content" in c_.translate(_CP)):
                return [el]
        return []
    return select


def _discard_image(path: str) -> Callable:
    def select(tree):
        return [el for el in tree.iterdescendants("div", "item", "list", "p", "section", "span")
                if "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")]
    return select


# (list in trafilatura.xpaths, index) -> (digest of the XPath it was written from, builder)
WRITTEN_FOR: dict[tuple[str, int], tuple[str, Callable[[str], Callable]]] = {
    ("RAW_TREE_PRUNE_XPATH", 0): ("77023cff86242dc8", _raw_tree_prune_0),
    ("RAW_TREE_PRUNE_XPATH", 1): ("3c7afe92279543d5", _raw_tree_prune_1),
    ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0): ("ec1083e558ae70c0", _remove_comments_and_lists),
    ("OVERALL_DISCARD_XPATH", 0): ("d9e4b7d7125b4838", _overall_discard_0),
    ("OVERALL_DISCARD_XPATH", 1): ("9abb7217d588fd5a", _overall_discard_1),
    ("BODY_XPATH", 0): ("8cab6e6e5b503a8d", _body_0),
    ("BODY_XPATH", 2): ("3ac5a80dac974e64", _body_2),
    ("BODY_XPATH", 3): ("a3befe41db4d28b9", _body_3),
    ("DISCARD_IMAGE_ELEMENTS", 0): ("271b5ef29bbc5bf0", _discard_image),
}


class StandIn:
    """A callable in place of one trafilatura XPath; ``xpath`` keeps the original."""

    __slots__ = ("name", "xpath", "path", "select")

    def __init__(self, name: str, xpath, select: Callable):
        self.name, self.xpath, self.path, self.select = name, xpath, xpath.path, select

    def __call__(self, tree, **variables):
        if variables or not isinstance(tree, etree._Element):
            return self.xpath(tree, **variables)  # only elements were translated
        return self.select(tree)

    def __repr__(self) -> str:
        return f"<StandIn {self.name}>"


def stand_ins(module) -> dict[tuple[str, int], StandIn]:
    """A stand-in for each expression of ``module`` (``trafilatura.xpaths``) whose text is
    the one it was written for (others are left out)."""
    out = {}
    for (name, index), (digest, build) in WRITTEN_FOR.items():
        exprs = getattr(module, name, None)
        if not isinstance(exprs, list) or index >= len(exprs):
            continue
        xpath = exprs[index]
        if isinstance(xpath, StandIn):
            xpath = xpath.xpath
        if isinstance(xpath, etree.XPath) and _digest(xpath.path) == digest:
            out[(name, index)] = StandIn(f"{name}[{index}]", xpath, build(xpath.path))
    return out


def install(module) -> list[str]:
    """Put the stand-ins in ``module``'s lists (``trafilatura.xpaths``; trafilatura's other
    modules share these lists); idempotent. Returns the names of the expressions replaced."""
    done = []
    for (name, index), stand_in in stand_ins(module).items():
        getattr(module, name)[index] = stand_in
        done.append(stand_in.name)
    return done


def uninstall(module) -> None:
    """Give trafilatura its own XPaths back."""
    for name, _ in WRITTEN_FOR:
        exprs = getattr(module, name, None) or []
        for index, expr in enumerate(exprs):
            if isinstance(expr, StandIn):
                exprs[index] = expr.xpath
