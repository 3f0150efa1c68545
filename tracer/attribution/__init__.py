"""Who said what, through whom: attribution rules with names, spans with offsets.

``extract(text)`` reads direct quotes, indirect speech, "according to", "told", relays
("as quoted by Yonhap", "X reported, citing Y") and credit lines, and marks anonymous
("a senior US official") and vague ("according to media reports") sources. Every rule has a
name (``Attribution.rule``); every span is an offset into ``text``. Pure and fast: the
patterns are compiled once, the only module-level state is bounded memo tables of pure
lookups (a phrase's speaker name, head and anonymity; outlet lookups per registry), and
nothing raises on arbitrary text.

Speed: a sentence is read only when its word set holds a cue word, each slow pattern only
when the words it needs are there (or a fast scan finds where it can match), and the verb
tokens are found with ``str.find`` rather than a loop over every token; a verb inside a
quote or a taken span is dropped before the sentence is tokenised
(``python -m bench.bench_attribution``; about 300 PolNeAR articles per CPU second, against
150 before; about 20% less CPU again since, see the commit log).

``COMMUNICATION_VERBS`` / ``communication_lemma`` name the verbs that report an act of
saying ("said", "told", "according to", "tweeted", "testified", ...), the subset the issue
"Attribution and citation chains that hold up on real news" scores
(``python -m bench.eval_attribution``).

The package, in the order its modules import each other (names with a leading underscore
are shared between these modules only):

* ``vocabulary``: the verbs and function words the rules read, and the patterns built from them;
* ``speakers``: who a phrase names (a person, an anonymous or vague source, a body);
* ``reader``: the state of reading one text (speakers met, spans taken, pronouns resolved);
* ``phrases``: where a subject, a claim, a name or a relay tail begins and ends;
* ``quotes``, ``colons``, ``verbs``: the rules, by what starts them (a quotation mark, a
  speaker before a colon, a verb of saying, doing or believing);
* ``headlines``: a headline's speaker named as the body names them ("DNC chair" -> Debbie
  Wasserman Schultz), once every speaker is resolved;
* ``relays``: the outlets a claim passed through that its own rule did not name ("In an
  interview with The New York Times, ...", "Officials said ..., Reuters reported"), last;
* this module: ``extract``, which runs the rules paragraph by paragraph, and credit lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .. import dateline as _dateline
from .. import language as _language
from .. import names as _names
from .. import outlets as _outlets
from ..models import Attribution, Span
from ..normalize import paragraphs, sentences
from . import headlines as _headlines
from . import relays as _relays
from .colons import _colon_rules
from .quotes import _join_open_quote, _opens_quote, _quote_after_lead_in, _quote_rules
from .reader import _PENDING, _Reader
from .verbs import _sentence_rules
from .vocabulary import (
    _INNER_SENTENCE_END,
    _QUOTE,
    COMMUNICATION_VERBS,
    CUE_WORDS,
    SPEECH_VERBS,
    _letters,
    _may_quote,
    communication_lemma,
)


def _credit_attributions(text: str, registry) -> list[Attribution]:
    out = []
    for credit in _dateline.credit_lines(text, registry):
        if credit.evidence is not None:
            out.append(Attribution(cue=credit.evidence, kind="credit", source=credit.evidence, content=None,
                                   speaker=credit.name, rule="credit-line"))
    return out


_UNPARSED = object()


def _within(spans: tuple[Span, ...], starts: list[int], block: Span) -> tuple[Span, ...]:
    """The spans (sorted, not overlapping) that start inside ``block``; ``starts`` are
    their starts (one list per text: no key function called at each bisection step)."""
    lo = bisect_left(starts, block.start)
    return spans[lo:bisect_left(starts, block.end, lo)]


def _cue_sentences(letters: str, para: Span, sents: tuple[Span, ...]) -> list[tuple[Span, set]] | None:
    """(sentence, word set) of each sentence of ``para`` with a cue word, in text order;
    ``letters`` is the paragraph made letters (``_letters``, same offsets).

    None when the sentences do not hold every word of the paragraph whole (a letter
    between them, or a sentence edge inside a word): the paragraph's own words decide
    then. Otherwise the paragraph's words are those of its sentences, and it holds a cue
    word exactly when this list is not empty.
    """
    out, pos = [], 0
    for sent in sents:
        s, e = sent.start - para.start, sent.end - para.start
        if s < pos or letters[pos:s].strip() or (s == pos and s and letters[s - 1] != " " and letters[s] != " "):
            return None
        words = letters[s:e].split()
        if not CUE_WORDS.isdisjoint(words):  # else _sentence_rules would return at once
            out.append((sent, set(words)))
        pos = e
    if letters[pos:].strip():
        return None
    return out


# a sentence opening on a person's full name and a verb ("Marco Rubio spoke over boos"),
# or on the surname alone ("Rubio offered the crowd ...")
_FULL_NAME_SUBJECT = re.compile(r"(?P<given>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                                r"(?=\s+(?!(?:of|and|or|in|on|at|to|for|with|from|who|which|that)\b)[a-z]+\b)")
_SURNAME_SUBJECT = re.compile(r"(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b)")
_MODAL_NAMES = frozenset(("Will", "May", "Can"))  # "Will Sanders come down?"


def _named_subjects(reader: _Reader, all_sentences) -> list[tuple[int, int, str]]:
    """(start, end, full name) of the people who open sentences outside quotes ("Marco Rubio
    spoke over boos ... Rubio offered the crowd ..."), for an epithet after them to take
    ("The Florida senator sought ..."; ``_Reader._person_just_named``). A surname alone
    counts once the text has opened a sentence with the full name."""
    text, found, full = reader.text, [], {}
    for sent in all_sentences:
        if reader._in_quote(sent.start):
            continue  # the speaker's words, not the text's subject
        m = _FULL_NAME_SUBJECT.match(text, sent.start)
        if m and m.group("given") in _names.GIVEN and m.group("given") not in _MODAL_NAMES:
            full[m.group("surname")] = m.group()
            found.append((m.start(), m.end(), m.group()))
            continue
        m = _SURNAME_SUBJECT.match(text, sent.start)
        if m and m.group("surname") in full:
            found.append((m.start(), m.end(), full[m.group("surname")]))
    return found


def extract(text: str, registry=None, *, line=_UNPARSED) -> tuple[Attribution, ...]:
    """Attributions in ``text``, in text order; offsets into ``text``. ``line`` is the
    text's dateline when the caller has parsed it already (``dateline.parse(text)``)."""
    if not text or not text.strip():
        return ()
    registry = registry or _outlets.load()
    if not _language.reads_english(text):
        # the rules read English: on another language only credits naming known outlets
        # are sure (``language.flags`` tells the reader why the rest is empty)
        return tuple(sorted((a for a in _credit_attributions(text, registry) if _inside(a, len(text))),
                            key=lambda a: (a.cue.start, a.cue.end)))
    reader = _Reader(text, registry)
    if line is _UNPARSED:
        line = _dateline.parse(text, registry)
    if line is not None:
        reader.blocked.append((line.span.start, line.span.end))
        reader.dateline_end = line.span.end
    # The whole text's split (which the fingerprint makes too, so it is cached) holds each
    # paragraph's sentences: ``sentences`` never lets one run across a paragraph break.
    all_sentences = sentences(text)
    starts = reader.sentence_starts = [sent.start for sent in all_sentences]
    # Lower-cased and made letters once for the whole text, sliced per paragraph: lower-casing
    # maps character by character, so the slices are each paragraph's own (unless a character
    # lengthened, which shifts offsets: then each paragraph is done on its own, as before).
    low_text = text.lower()
    letters_text = _letters(low_text) if len(low_text) == len(text) else None
    try:
        prev = open_quote = None
        paras = paragraphs(text)
        for index, para in enumerate(paras):
            # spans taken in earlier paragraphs cannot overlap this one: keep the checks short
            reader.used, reader.quoted = [], []
            if reader.blocked:
                reader.blocked = [(s, e) for s, e in reader.blocked if e > para.start]
            if prev is not None and para.text[:1] in "\u201c\"" and prev.text.rstrip().endswith((":", ",")):
                _quote_after_lead_in(reader, prev, para)
            prev = para
            if para.text.isupper() or (para.text[:1] == "|" and para.text.count("|") > 3) or para.text.count(" | ") > 1:
                # a line in capitals is a link to another story or a section head ("LAUREN
                # ALAINA SAYS 'DWTS' HAS HELPED HER LOSE 25 POUNDS"), not this one's report;
                # a row of three cells or more is data ("| S | Juston Burris | 42 | ... 1 pass
                # defended |"; a page laid out in a table of one or two cells is read); headlines
                # joined by " | " are links to other stories ("Hillicon Valley: Progressives
                # oppose funding bill ... | Senators call for 5G security coordinator | ...")
                open_quote = None
                continue
            if ":" in para.text:
                _colon_rules(reader, para, index)
            if letters_text is not None:
                letters, same = letters_text[para.start:para.end], True
            else:
                low = para.text.lower()
                letters, same = _letters(low), len(low) == len(para.text)
            sents = _within(all_sentences, starts, para)
            # a paragraph of several sentences is split into words once, sentence by sentence
            cue_sentences = _cue_sentences(letters, para, sents) if same and len(sents) > 1 else None
            if cue_sentences is None:
                para_words = letters.split()
                if CUE_WORDS.isdisjoint(para_words):
                    open_quote = para if _opens_quote(para) else None
                    continue
            elif not cue_sentences:
                open_quote = para if _opens_quote(para) else None
                continue
            before = len(reader.out)
            quotes = [m.span() for m in _QUOTE.finditer(text, para.start, para.end)] if _may_quote(para.text) else []
            _quote_rules(reader, para, quotes)
            if not _INNER_SENTENCE_END.search(para.text):
                # a paragraph with no full stop inside is one sentence: what ``sentences`` returns
                if cue_sentences is not None:
                    para_words = letters.split()
                _sentence_rules(reader, para, quotes, set(para_words))
            elif cue_sentences is not None:
                for sent, words in cue_sentences:
                    _sentence_rules(reader, sent, quotes, words)
            else:
                # a word never runs across a sentence end: a sentence's words are those of its
                # piece of ``letters`` (unless lower-casing lengthened a character: offsets shift)
                for sent in sents:
                    if not same:
                        _sentence_rules(reader, sent, quotes)
                        continue
                    words = letters[sent.start - para.start:sent.end - para.start].split()
                    if not CUE_WORDS.isdisjoint(words):  # else _sentence_rules returns at once
                        _sentence_rules(reader, sent, quotes, set(words))
            _join_open_quote(reader, open_quote, para, before)
            open_quote = para if _opens_quote(para) else None
        reader.subject_names = _named_subjects(reader, all_sentences)
        reader.resolve_all()
        reader.out = _headlines.name_speakers(text, reader.headline_end, reader.out)
        reader.out = _headlines.name_described(text, [p.start for p in paras], reader.out)
        reader.out = _relays.through_outlets(text, reader, starts, registry)
        out = reader.out + _credit_attributions(text, registry)
    except (IndexError, ValueError, RecursionError):  # defensive: rules never break a trace
        out = [a for a in reader.out if a.speaker is not _PENDING]
    relay_cues = {(a.cue.start, a.cue.end) for a in out if a.kind == "relay"}
    out = [a for a in out if not (a.kind == "according-to" and (a.cue.start, a.cue.end) in relay_cues)]
    if any(a.rule == "vague-phrase" for a in out):
        out = [a for a in out if not (a.rule == "vague-phrase" and a.source is None and _said_by_someone_named(a, out))]
    return tuple(sorted((a for a in out if _inside(a, len(text))), key=lambda a: (a.cue.start, a.cue.end)))


def _said_by_someone_named(hedge: Attribution, atts) -> bool:
    """Whether a "reportedly" stands inside what a named source said before its name
    ("officers reportedly found drugs, Harris said"): the hedge is that source's, and the
    claim has a name. (In "X confirmed that ..., which will reportedly ..." it may be the
    writer's: kept.)"""
    return any(a is not hedge and a.content is not None and a.source is not None and not a.vague
               and not a.anonymous and a.kind != "credit" and a.content.end <= a.cue.start
               and a.content.start <= hedge.cue.start < a.content.end for a in atts)


def _inside(att: Attribution, n: int) -> bool:
    for s in (att.cue, att.source, att.content):  # a plain loop: cheaper than all() over a generator
        if s is not None and not 0 <= s.start <= s.end <= n:
            return False
    return True


__all__ = ["extract", "SPEECH_VERBS", "COMMUNICATION_VERBS", "communication_lemma"]
