"""Rules that start from a quotation mark: the speaker before or after a quote, a quote
continued over paragraphs, a quote opened by a lead-in ("He said:").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Span
from .phrases import (
    _CLAUSE_AFTER,
    _SUBJECT_PRONOUNS,
    _add_relays,
    _adding,
    _after_cue,
    _apposition_end,
    _claim_start,
    _name_end,
    _relay_tail,
    _sentence_end,
    _sentence_start,
    _subject_before,
    _tail_cue,
    _tokens,
    _told_via,
)
from .reader import _Reader
from .speakers import _IN_MEDIUM, _WHEN_CONTACTED, _anon_heads, _role_then_name, _span
from .vocabulary import (
    _AFTER_FULL_STOP,
    _DETERMINERS_PRONOUNS,
    _FINITE,
    _LEAD_IN,
    _OPENS_NEXT_QUOTE,
    _QUOTE,
    _VERB_FIRST_TAIL,
)

_ROLE_THEN_FULL_NAME = re.compile(r"[a-z][\w-]*(?:\s+[\w.'\u2019-]+){0,4}\s+[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+\s*$")
_INNER_CLOSE = {"\u2019", "'"}  # a quote's last mark may close a quote inside it
_BEFORE_CONTINUATION = {".", ",", "!", "?", ":", ";", "\u2014", "-", "\u201d", '"'}


def _reported(reader: _Reader, att, quote: tuple[int, int], relays, content: Span, pos: int, end: int) -> None:
    """A quote the speaker after it reports: marked as quoted, then its relays ("..., he told
    Yonhap") and an added remark (", adding ...") up to the sentence's end."""
    reader.quoted.append(quote)
    _add_relays(reader, relays, att, content)
    _adding(reader, att, pos, _sentence_end(reader, pos, end))


def _quote_rules(reader: _Reader, para: Span, quotes: list[tuple[int, int]]) -> None:
    """Direct quotes in one paragraph, the speaker after or before the quote."""
    text = reader.text
    last = None  # index in reader.out of the attribution made for the last quote

    def continued(qs: int, qe: int) -> None:
        """Rule quote-continuation: a further quote in the same paragraph as an attributed
        one, after a stop or a comma (a title quoted inside the speaker's clause is not one):
        one attribution for the whole passage, “A,” he said. “B.”"""
        if (last is None or any(s <= qs < e for s, e in reader.quoted)
                or text[para.start:qs].rstrip()[-1:] not in _BEFORE_CONTINUATION):
            return
        if any(a.content is not None and a.content.start <= qs < a.content.end for a in reader.out[last + 1:]):
            return  # '..., adding, “B.”': the quote is the added remark's
        prev = reader.out[last]
        if prev.content is not None and prev.content.start < qs and "\n" not in text[prev.content.end:qs]:
            reader.out[last] = replace(prev, content=Span.of(text, prev.content.start, qe))
            reader.quoted.append((qs, qe))

    for qs, qe in quotes:
        mark = 2 if text.startswith("''", qs) else 1  # NYT-style '' quotes
        inner = text[qs + mark:qe - mark] if qe - qs > 2 * mark else ""
        tail_end = para.end
        tail = text[qe:tail_end]
        if len(inner.split(None, 2)) < 3 and not (
                text[qe - mark - 1:qe - mark] in {",", "?", "!"} and (_VERB_FIRST_TAIL.match(tail) or _tail_cue(tail))):
            continued(qs, qe)  # “It’s not quite optimistic,” he said. “We’re hopeful.”
            continue  # else a scare quote or a title, not speech; “Denver,” he answered. is speech
        # Rule quote-speaker-after: “...,” the official said / “...,” said Trump
        m = _VERB_FIRST_TAIL.match(tail)
        if m and not text[qe:qe + 1].isalnum():
            np = m.group("np")
            # "said the man who built his political career on his blue collar credentials": the
            # man, whatever the relative clause after him says (its length and verbs are its own)
            head = np.split(" who ", 1)[0] if " who " in np else np
            if (np.split() and (np[:1].isupper() or np.split()[0].lower() in _DETERMINERS_PRONOUNS
                                or _role_then_name(np))
                    and len(head.split()) <= (10 if " of " not in head else 12) and not _FINITE.search(head)):  # not a clause: "said he does ..."
                cue = _span(text, qe + m.start("verb"), qe + m.end("verb"))
                np_end = _name_end(text, qe + m.start("np"), qe + m.end("np"), tail_end)
                np_end = _apposition_end(text, np_end, tail_end)
                asked = _WHEN_CONTACTED.search(text, qe + m.start("np"), np_end)
                if asked:
                    np_end = asked.start()  # "said a spokesperson when contacted by Reuters"
                medium = _IN_MEDIUM.search(text, qe + m.start("np"), np_end)
                if medium and medium.start() > qe + m.start("np"):
                    np_end = medium.start()
                src = _span(text, qe + m.start("np"), np_end)
                pos, _ = _after_cue(text, np_end, tail_end, m.group("verb"))
                via, relays, pos = _relay_tail(reader, pos, tail_end)
                content = Span.of(text, _claim_start(reader, para, qs), qe)  # made only when a rule reports the quote
                att = reader.add("quote-said-speaker", "direct-quote", cue, src, content, tuple(via))
                if att:
                    last = len(reader.out) - 1
                    _reported(reader, att, (qs, qe), relays, content, pos, para.end)
                continue
        end_mark = text[qe - mark - 1:qe - mark]
        if end_mark in _INNER_CLOSE and qe - mark - 2 > qs:  # “We’re like ‘Ebony and Ivory,’” he said
            end_mark = text[qe - mark - 2:qe - mark - 1]
        found = _tail_cue(tail) if end_mark in {",", "?", "!", "\u2014", "-", "."} else None
        if found and end_mark == "." and not _AFTER_FULL_STOP.match(tail[found[3]:]):
            found = None  # after a full stop only "Trump said." closes the quote
        if (found and end_mark in {".", "?", "!"} and tail[:found[0]].strip() == "" and tail[found[0]:found[0] + 1].isupper()
                and _OPENS_NEXT_QUOTE.match(tail, found[3])):
            found = None  # “... ?” He answered, “...”: a new sentence that opens the next quote
        if found:
            ns, ne, vs, ve = (qe + x for x in found)
            verb = text[vs:ve]
            np = text[ns:ne]
            words = np.split()
            if (words and (np[:1].isupper() or words[0].lower() in _DETERMINERS_PRONOUNS or _anon_heads(np)
                           or _ROLE_THEN_FULL_NAME.match(np))  # "former speechwriter Noam Neusner wrote"
                    and not (len(words) > 1 and words[0].lower() in _SUBJECT_PRONOUNS and words[1].islower())  # "He demands ... claims." (not "He Jianxiong")
                    and not _CLAUSE_AFTER.match(text, ve)):  # "..., but he said that ..." reports no quote
                cue = _span(text, vs, ve)
                src = _span(text, ns, ne)
                pos, obj = _after_cue(text, ve, tail_end, verb)
                via, relays, pos = _relay_tail(reader, pos, tail_end)
                told = _told_via(reader, obj)
                if told:
                    via.insert(0, told)
                content = Span.of(text, _claim_start(reader, para, qs), qe)
                att = reader.add("quote-speaker-said", "direct-quote", cue, src, content, tuple(via))
                if att:
                    last = len(reader.out) - 1
                    _reported(reader, att, (qs, qe), relays, content, pos, para.end)
                continue
        # Rule quote-speaker-before: Trump said: “...” / the official told reporters, “...”
        base = max(para.start, qs - 200)
        # the pattern ends with "[:,]" and blanks: skip its slow search when the text does not
        m = _LEAD_IN.search(text, base, qs) if text[base:qs].rstrip()[-1:] in (":", ",") else None
        if m:
            vs, ve = m.start("verb"), m.end("verb")
            verb = m.group("verb")
            sub_start = _sentence_start(reader, max(base, vs - 120), vs)
            toks = _tokens(text, sub_start, vs)
            toks.append((vs, ve, verb))
            sub = _subject_before(text, toks, len(toks) - 1, sub_start)
            if sub:
                cue = _span(text, vs, ve)
                src = _span(text, *sub)
                pos, obj = _after_cue(text, ve, m.end("adv"), verb)
                via, relays, _ = _relay_tail(reader, pos, m.end("adv"))
                told = _told_via(reader, obj)
                if told:
                    via.insert(0, told)
                content = Span.of(text, qs, qe)
                att = reader.add("speaker-said-quote", "direct-quote", cue, src, content, tuple(via))
                if att:
                    reader.quoted.append((qs, qe))
                    last = len(reader.out) - 1
                    continue
                # the cue is taken: “A,” she told Hewitt, “B.” continues the quote before
        continued(qs, qe)


def _quote_after_lead_in(reader: _Reader, prev: Span, para: Span) -> None:
    """Rule speaker-said-quote across a paragraph break: "Trump said:" then a quoted paragraph."""
    text = reader.text
    m = _LEAD_IN.search(text, max(prev.start, prev.end - 200), prev.end)
    q = _QUOTE.match(text, para.start, para.end)
    if not m or not q:
        return
    vs, ve, verb = m.start("verb"), m.end("verb"), m.group("verb")
    sub_start = max(prev.start, vs - 120)
    toks = _tokens(text, sub_start, vs) + [(vs, ve, verb)]
    sub = _subject_before(text, toks, len(toks) - 1, sub_start)
    if sub:
        reader.add("speaker-said-quote", "direct-quote", _span(text, vs, ve), _span(text, *sub),
                   Span.of(text, q.start(), q.end()))
        reader.quoted.append((q.start(), q.end()))


# A paragraph that opens a quote and does not close it: the quote goes on in the next one.
_OPEN_QUOTE = re.compile(r"[\u201c\"][^\u201d\"]*", re.S)


def _opens_quote(para: Span) -> bool:
    return para.text[:1] in ("\u201c", '"') and _OPEN_QUOTE.fullmatch(para.text) is not None


def _join_open_quote(reader: _Reader, open_quote: Span | None, para: Span, before: int) -> None:
    """“A.¶“B,” she said: the speaker of B said A too; one attribution for the passage."""
    if open_quote is None or len(reader.out) <= before:
        return
    att = reader.out[before]
    if att.kind == "direct-quote" and att.content is not None and att.content.start == para.start:
        reader.out[before] = replace(att, content=Span.of(reader.text, open_quote.start, att.content.end))
