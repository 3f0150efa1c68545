"""Rules that start from a verb in a sentence: "X said (that) ...", "according to X",
"X told Y", "as quoted by X", speech acts ("urged"), vague stances ("critics fear") and
characterisations ("called it “a disaster”").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..dateline import WEEKDAY_PATTERN
from ..models import Attribution, Span
from .phrases import (
    _PARENTHETICAL_REST,
    _QUOTE_MARKS,
    _RELATIVE_WORDS,
    _SUBJECT_PRONOUNS,
    _TO_SOMEONE_THEN_PARTICIPLE,
    _WORK_AFTER,
    _add_relays,
    _adding,
    _adverb_after_aux,
    _after_cue,
    _apposition_end,
    _content_end,
    _inside_quote,
    _name_end,
    _relay_tail,
    _skip_aux_back,
    _subject_before,
    _tokens,
    _told_via,
)
from .reader import _COMPANY_HEADS, _Reader
from .speakers import (
    _BODY_WORDS,
    _INSTITUTION_LAST,
    BODY_HEADS,
    _bounds,
    _has_person,
    _is_anonymous,
    _role_then_name,
    _span,
    _speaker_name,
    _strip_content,
    _vague_source,
    is_state,
)
from .vocabulary import (
    _ADD_VERBS,
    _ADDED_THING,
    _APPOSITIVE,
    _AS_BEFORE,
    _AS_SAID,
    _ASKED,
    _CALLED_PARTICLE,
    _CLAUSE_START,
    _CLAUSE_TAIL,
    _CONJUNCTIONS,
    _DASH_APPOSITIVE,
    _DASH_RUN,
    _END_APPOSITIVE,
    _FINITE,
    _INTRO_PHRASE,
    _INVERTED_SPEAKER,
    _INVERTING,
    _LEADING_ADVERBS,
    _NEXT_FINITE,
    _NOTHING_AFTER,
    _NOUN_MODIFIERS,
    _NP_END,
    _OPENER_COMMA,
    _OUT,
    _PASSIVE_AUX,
    _PAST,
    _PLACE_OR_TIME_TAIL,
    _POINT,
    _PREPOSITIONS,
    _REPORTS_CUE,
    _SENTENCE_SUBJECT,
    _SEQUENCE_ADVERBS,
    _THAT,
    _VERB_WORDS,
    _WH_WORDS,
    _WHO_APPOSITIVE,
    ACCORDING_TO,
    ACT_VERBS,
    AMBIGUOUS_VERBS,
    AUX,
    CARRIED_WORDS,
    CARRIED_WORDS_REST,
    CHARACTERIZE_VERBS,
    CITED_AS,
    CITED_ASIDE,
    CITING_AFTER_CLAIM,
    CITING_ASIDE,
    CITING_OPENING,
    CLAUSE_WORDS,
    CUE_WORDS,
    DETERMINERS,
    DOCUMENT_SEEN,
    FINDING_HEADS,
    FINDING_VERBS,
    GROUP_NOUNS,
    HEADLINE_SHY_ACTS,
    PARTICIPLES,
    PRONOUNS,
    QUANTIFIERS,
    QUOTED_AS_BY,
    QUOTED_BY,
    REPORT_CITED,
    REPORT_WORDS,
    REPORTED_CITING,
    SPEECH_VERBS,
    STANCE_VERBS,
    THAT_CLAUSE_VERBS,
    THAT_ONLY_VERBS,
    VAGUE_PHRASES,
    _letters,
    _time_before,
    unnamed_media,
)

_FIRST_REPORTED = re.compile(
    r"(?:,\s*(?P<as>as\s+)?|\s+(?:was|were|had\s+been|has\s+been)\s+)"  # ("..., as cited by TASS.")
    r"(?P<cue>(?:(?:first|originally)\s+)?(?:reported|published|broadcast|disclosed|revealed|(?<=\bas\s)cited|(?<=\bas\s)quoted)"
    r"(?:\s+(?:earlier|previously|first))?\s+(?:by|in|on))\s+(?P<src>(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,4})")
_REPORTED_BY_WORDS = frozenset("reported published broadcast disclosed revealed cited quoted".split())
# "a Bloomberg report citing people familiar with the matter", "a report by Reuters that cited
# two officials": the report, then whom it cites
_REPORT_CITING = re.compile(r"(?P<report>.+?\b(?:report|story|article|dispatch)s?)\s+(?:that\s+)?(?:citing|cited|quoting|quoted)\s+"
                            r"(?P<np>\S.*)")
_INTERVIEWS_WITH = re.compile(r"(?:(?:an?|the|several|many|dozens\s+of|more\s+than\s+\w+)\s+)?(?:[\w-]+\s+)?"
                              r"(?:interviews?|conversations?|discussions?)\s+with\s+(?P<np>\S.*)")
_SPOKE_TO = re.compile(r"\bwho\s+(?:spoke|talked)\s+(?:to|with)\s+(?P<outlet>(?:the\s+)?[A-Z][\w.'\u2019&-]*"
                       r"(?:\s+[A-Z][\w.'\u2019&-]*){0,3})")
# An opening adverb or time is no name: "Specifically, ...", "But in March, the month after ..."
_ADVERB_OPENER = re.compile(r"[A-Z][a-z]+ly,|(?:First|Second|Third|Thus|Hence|Therefore|Moreover|Furthermore"
                            r"|Meanwhile|Instead|Afterwards?|Again|Indeed|However|Well|Now|Still|Sure|Yes|Look|Plus"
                            r"|Besides|Anyway|Then|Also|Finally),"
                            r"|(?:(?:But|And|Yet|So)\s+(?i:in|on|at|during|after|before|since|until|by|last|midday"
                            r"|early|late|earlier|later|today|yesterday|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
                            r"|In|On|At|During|After|Before|Since|Until|By|Last)\s")
_FOOTNOTE_END = re.compile(r"[a-z]\.\d{1,3}\s+[A-Z]")
_THAT_NEXT = re.compile(r"\s+that\b")
# What a maker or a government recalls is no memory: "Tesla recalled 2 million cars",
# "Russia recalled its ambassador", "Ford is recalling the 2019 Explorer"
_RECALLED_GOODS = re.compile(
    r"\s+(?:(?:about|nearly|almost|more\s+than|over|some|roughly|around|at\s+least)\s+)?(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|hundreds|thousands|millions)\b"
    r"|\s+(?:its|their|the|his|her)\s+(?:top\s+|\w+\s+)?(?:ambassadors?|envoys?|diplomats?|consuls?|vehicles|cars|trucks|"
    r"products?|models?|batches|lots|units|devices|(?:19|20)\d\d)\b")
_PREPOSITION_NEXT = re.compile(r"\s+(?i:at|in|on|by|as|for|to)\s")
_COPULA_NEXT = re.compile(r"\s+(?:was|is|were|are)\b")
_NOUN_THEN_NAME = re.compile(r"(?i:the|a|an|this|that)\s+[a-z]+\s+[A-Z][\w'\u2019-]+")  # "the letter Mike"
_CONJUNCTION_COMMA = re.compile(rf"(?:{'|'.join(sorted(w.capitalize() for w in _CONJUNCTIONS))}),\s")  # "But, "
# a sequence word before a lower-case subject (vocabulary's list, and the times that order too)
_SEQUENCE_LEAD = re.compile(rf"(?:{'|'.join(sorted(_SEQUENCE_ADVERBS | {'Then', 'Later', 'Now', 'Meanwhile'}))})\s+(?=[a-z])")
_PREPOSITION_BEFORE = re.compile(r"(?i)\s*(?:in|on|at|with|through|via|during|after|before|from|under)\s+"
                                 r"(?:a|an|the|his|her|their|its|this|that)\s+")
# "Stephen S. Cohen and J. Bradford DeLong ... suggest that": people named, who put it forward
_NAMED_PAIR = re.compile(r"(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?[A-Z][\w'\u2019-]+\s+and\s+(?:[A-Z][a-z.]+\s+){0,2}[A-Z][\w'\u2019-]+\b")
_FINDERS = re.compile(r"\b(?:[Rr]esearchers|[Ss]cientists|[Ii]nvestigators|[Ee]conomists|[Aa]uthors|[Ss]cholars"
                      r"|[Ee]pidemiologists|[Aa]stronomers|[Pp]hysicists|[Bb]iologists|[Pp]sychologists|[Aa]uditors)\b")
# "The study, published Tuesday in the journal Science, ...": a document, then its apposition
_DOCUMENT_APPOSED = re.compile(
    r"(?P<np>(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3}['\u2019]s)"
    r"(?:\s+[\w'\u2019-]+){0,3}?\s+(?:study|report|survey|poll|analysis|review|audit|investigation|paper|research|filing|memo|documents?|records|data))"
    r"\s*,\s+[^,;:\u201c\u201d\"\n]{3,140}(?:,\s*)?")
_ANONYMITY_ASKED = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity|to\s+remain\s+anonymous"
                             r"|that\s+(?:his|her|their)\s+names?\s+not\s+be)\b")
_TICKER_SUBJECT = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,5})\s*"
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE American|TSX|TSXV|TSX-V|LSE|AIM|ASX|OTC|OTCQX|OTCQB|HKEX|SGX|SIX|Euronext"
    r"|Xetra|BSE|NSE)\s*:\s*[A-Z][\w.-]*(?:[;,]\s*)?)+\)\s+(?:(?:today|on\s+\w+day|yesterday)\s+)?")
# "According to the Wall Street Journal, which cited people familiar with the matter, ...",
# "..., according to RIA Novosti, citing a diplomatic source."
_WHICH_CITED = re.compile(r",\s+(?:(?:which|who)\s+(?:cited|quoted)|citing|quoting)\s+"
                          r"(?P<np>[^,;:\u201c\u201d\"\n]{3,80}?)(?:,\s+|\s*[.;]?\s*$)")
_ISSUED_SAYING = re.compile(
    r"(?P<np>.+?)\s+(?:issued|released|put\s+out|sent(?:\s+out)?|posted|published|tweeted|signed)\s+"
    r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|release|letter|tweet|post|e-?mail|memo|note"
    r"|message|notice)")
_WORDING = re.compile(r"(?i)\b(?:phrase|term|word|words|name|label|title|nickname|slogan)$")
_SUPPOSING = frozenset(("let's", "let\u2019s", "let us", "please"))  # "Let's say ...", "Please explain": no report


def _after_dateline(reader: _Reader, start: int, ts: int) -> int:
    """Where a sentence's own words begin: after the dateline ("WASHINGTON (AP) \u2014",
    "LONDON, Jan 9 (Reuters) -") when the sentence opens with it, else at ``start``."""
    if start <= reader.dateline_end < ts:
        return reader.dateline_end + len(_DASH_RUN.match(reader.text[reader.dateline_end:ts]).group(0))
    return start


def _intro_only(text: str, start: int, end: int) -> bool:
    """Whether the words before a speaker are an opening phrase and little else ("During a
    rally in Iowa on Tuesday, Trump said in ..."): then no claim precedes the speaker. "After
    the first iPhones shipped, people began using them ..., Cook said while visiting ..."
    has a claim after its opening phrase."""
    m = _INTRO_PHRASE.match(text, start, end)
    return m is not None and len(text[m.end():end].split()) < 4


def _quote_after_intro(text: str, start: int, end: int, rest: str) -> bool:
    """An opening phrase, the speaker, then the quote: 'Asked why ..., Scott told "CBS This
    Morning" co-host Gayle King, "Because ..."': the claim is the quote after the speaker."""
    return rest[:1] == "," and rest[1:].lstrip()[:1] in "\u201c\"" and _intro_only(text, start, end)


def _sentence_rules(reader: _Reader, sent: Span, quotes, words: set | None = None) -> None:
    """Every rule that reads a reported claim in one sentence, in the order they take their
    spans (a cue or a source taken by one is no other's)."""
    if words is None:
        words = set(_letters(sent.text.lower()).split())
    if CUE_WORDS.isdisjoint(words):
        return  # most sentences report nothing: a set lookup decides
    # Every rule below runs only when the words it needs are in the sentence (a cheap,
    # exact prefilter: the patterns scan slowly, the sets answer at once).
    if "according" in words:
        _according_to(reader, sent, quotes)
    _relays_named(reader, sent, quotes, words)
    if _may_be_vague(words):
        _vague_phrases(reader, sent, quotes)
    if "as" in words:
        _as_source_said(reader, sent, quotes)
    if not words.isdisjoint(_REPORTED_BY_WORDS):
        _first_reported(reader, sent, quotes)
    if "asked" in words:
        _asked(reader, sent)
    if not words.isdisjoint(("understands", "learned", "learnt")):
        _outlet_learned(reader, sent, quotes)
    _reported_speech(reader, sent, quotes, words)
    if not words.isdisjoint(_LEADING_PARTICIPLES):
        _leading_participle(reader, sent)


# "Noting that the economy had slowed, Powell said ...": a remark before its speaker
_LEADING_PARTICIPLES = frozenset("noting acknowledging arguing warning insisting stressing explaining claiming "
                                 "conceding asserting emphasizing emphasising".split())
_LEADING_PARTICIPLE = re.compile(
    r"(?P<cue>Noting|Acknowledging|Arguing|Warning|Insisting|Stressing|Explaining|Claiming|Conceding|Asserting"
    r"|Emphasi[sz]ing)\s+(?P<content>that\s+[^,;:\u201c\u201d\"\n]{3,200}?),\s+")


def _leading_participle(reader: _Reader, sent: Span) -> None:
    """Rule leading-participle: "Noting that the economy had slowed, Powell said ...": the
    remark is the speaker's of the sentence's own report, read after it."""
    text = reader.text
    m = _LEADING_PARTICIPLE.match(text, _after_dateline(reader, sent.start, sent.end), sent.end)
    if m is None:
        return
    main = next((a for a in reader.out if a.source is not None and a.kind != "credit"
                 and m.end() <= a.source.start and a.cue.start < sent.end), None)
    if main is not None:
        reader.add("leading-participle", "indirect", _span(text, m.start("cue"), m.end("cue")), main.source,
                   _span(text, m.start("content"), m.end("content")))


# the verb after "X, according to Y," (a finite one is found by _FINITE)
_PAST_VERB = re.compile(r",\s+(?:\w+\s+)?[a-z]+ed\b|,\s+(?:made|went|took|gave|left|met|sent|told|said|won|lost|paid|spent|"
                        r"rose|fell|grew|came|became|began|found|got|held|kept|ran|saw|sold|bought|brought)\b")
# where a clause starts inside a run-on source: a subject word, then its verb within four words
_CLAUSE_IN_SOURCE = re.compile(
    r"(?<=\w)\s+(?=(?:the|a|an|he|she|they|it|we|I|his|her|their|its|this|these|those|[A-Z][\w'\u2019-]+)"
    r"\s+(?:[\w'\u2019-]+\s+){0,3}?(?:is|was|are|were|will|would|could|can|may|might|should|must|has|had|have|"
    r"did|does|fled|[a-z]+ed|[a-z]{2,}s)\b)")
# A sentence opening with one of these before "according to X" says its claim after X
# ("Now, according to the recent 50-state poll, some are swinging"), not before: the
# openings the subject rules already pass over, lower-cased, and a few more.
_OPENERS = _CONJUNCTIONS | {w.lower() for w in _LEADING_ADVERBS | _SEQUENCE_ADVERBS} | {
    "however", "currently", "overall", "for example", "for instance", "in addition", "in fact", "in particular",
    "as a result", "at the same time", "by contrast", "in contrast", "in other words", "of course", "above all"}


def _according_to(reader: _Reader, sent: Span, quotes) -> None:
    """Rule according-to: "According to X, ..." / "..., according to X."."""
    text = reader.text
    for m in ACCORDING_TO.finditer(text, sent.start, sent.end):
        if _inside_quote(reader, m.start(), quotes):
            continue
        np_end = _name_end(text, m.end(), _np_end(text, m.end(), sent.end), sent.end)  # "according to Mr. Hedge"
        note = _FOOTNOTE_END.search(text, m.end(), np_end)
        if note:  # "according to Iowa Starting Line.2 Warren has ...": a footnote mark ends the sentence
            np_end = note.start() + 1
        before = text[sent.start:m.start()].strip()
        if (not before or before.rstrip(",").lower() in _OPENERS) and text[np_end:sent.end].strip(" .") == "":
            # "According to the mayor the council will vote": no comma, so the source ends
            # where a clause starts (a subject, then its verb)
            clause = _CLAUSE_IN_SOURCE.search(text, m.end(), np_end)
            if clause is not None:
                np_end = clause.start()
        src = _span(text, m.end(), np_end)
        cue = _span(text, m.start(), m.end())
        if src is None or src.text.split(None, 1)[0].lower() in _WH_WORDS:
            continue  # "according to how expensive they were": a measure, not a source
        if _BY_A_MEASURE.match(src.text):
            continue  # "adjust according to own preferences", "according to plan": a measure
        aside = text.rfind("(", sent.start, m.start())
        if aside >= 0 and text.find(")", aside, m.start()) < 0 and text[aside + 1:m.start()].strip():
            # "(the actual number is close to 16 percent, according to factcheck.org)": the
            # source holds what its parenthesis says, not the sentence around it
            content = _strip_content(text, aside + 1, m.start())
        elif before.lower().replace("\u2019", "'") in {"that's", "that is", "this is", "that was"} and text[np_end:sent.end].strip(" .") == "":
            # "Kids love them. That's according to a survey": the claim is the sentence before
            k = bisect_left(reader.sentence_starts, sent.start)
            prev = reader.sentence_starts[k - 1] if k > 0 else sent.start
            content = (_strip_content(text, prev, sent.start) if "\n" not in text[prev:sent.start].strip()
                       else None)
            if content is None:
                continue
        elif not before or before.rstrip(",").lower() in _OPENERS or before.endswith(" that,"):
            # ("The AP reported that, according to an analysis, 85 of ...": the claim follows)
            content = _strip_content(text, np_end, sent.end)
        elif before.endswith(",") and "," not in before[:-1] and text.startswith(",", np_end) and not _FINITE.search(before) and (
                _FINITE.search(text, np_end, sent.end) or _PAST_VERB.match(text, np_end, sent.end)):
            # "President Trump, according to the White House, made a trip": the subject
            # before and its verb after are one claim; one span, as for "X, she said, is ..."
            content = _strip_content(text, sent.start, sent.end)
        else:
            content = _strip_content(text, sent.start, m.start())
        talked = _INTERVIEWS_WITH.match(src.text)
        if talked and not reader.outlet(talked.group("np")):
            # "according to interviews with a dozen party officials": those interviewed speak
            # (not "interviews with CNN", an outlet's broadcasts)
            src = _span(text, src.start + talked.start("np"), src.start + talked.end("np"))
        cited = _REPORT_CITING.match(src.text)
        report = reader.outlet(cited.group("report")) if cited else None
        if report is not None:
            # "according to a Bloomberg report citing people familiar with the matter": the
            # people, through Bloomberg
            src = _span(text, src.start + cited.start("np"), src.start + cited.end("np"))
            reader.blocked.append((m.start(), np_end))
            reader.add("according-to", "according-to", cue, src, content, via=(report.name,))
            continue
        outlet = reader.outlet(src.text)
        which = _WHICH_CITED.match(text, np_end, sent.end) if outlet is not None else None
        if which:
            # "According to the Wall Street Journal, which cited people familiar with the
            # matter, the deal ...": those people, through the Journal
            src = _span(text, which.start("np"), which.end("np"))
            if not before or before.rstrip(",").lower() in _OPENERS:
                content = _strip_content(text, which.end(), sent.end)
            reader.blocked.append((m.start(), which.end()))
            reader.add("according-to", "according-to", cue, src, content, via=(outlet.name,))
            continue
        # (not "a statement carried by the official IRNA news agency": relays.py reads what an
        # outlet carried)
        via = (outlet.name,) if (outlet and outlet.kind == "agency" and len(src.text.split()) > 1 and _has_person(src.text)
                                 and not DOCUMENT_SEEN.search(src.text)) else ()
        spoke = _SPOKE_TO.search(src.text) if not via and " who " in src.text else None
        if spoke:  # "according to three intelligence sources who spoke to Fox News"
            relay = reader.outlet(spoke.group("outlet"))
            via = (relay.name,) if relay else ()
        reader.blocked.append((m.start(), np_end))
        reader.add("according-to", "according-to", cue, src, content, via=via)


_THAT_NEXT = re.compile(r",?\s*that\s")
# "X, asked about the report, said ...": a passive aside, then the subject's own verb
_ASKED_ASIDE = re.compile(r"(?:about|if|whether|why|how|what|on|by|for|to\s+comment)\b[^,;:\u201c\u201d\"]{0,150},\s+"
                          r"(?:[a-z]+\s+){0,2}(?:said|says|told|tells|replied|responded|answered|added|insisted|"
                          r"noted|acknowledged|conceded|declined|refused|shrugged|laughed)\b")


# ", the semi-official " before an outlet's name: its description, after the claim it closes
_DESCRIBED_BEFORE = re.compile(r",\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}\Z")


def _relays_named(reader: _Reader, sent: Span, quotes, words: set) -> None:
    """Rules cited-as-saying / reported-citing: relays naming the outlet and its source."""
    text = reader.text
    relays = []
    if not words.isdisjoint(("saying", "stating", "writing", "telling")) and not words.isdisjoint(("quoted", "cited")):
        relays += [(QUOTED_BY, "quoted-by-as-saying"), (QUOTED_AS_BY, "quoted-by-as-saying"), (CITED_AS, "cited-as-saying")]
    if "citing" in words or "quoting" in words:  # (lower-cased words: "Citing" opens the sentence too)
        relays += [(REPORTED_CITING, "reported-citing"), (CITING_ASIDE, "citing-reported"),
                   (CITING_OPENING, "citing-opening"), (CITING_AFTER_CLAIM, "said-then-citing")]
    if not words.isdisjoint(("cited", "quoted")) and not words.isdisjoint(("which", "that")):
        relays.append((CITED_ASIDE, "cited-reported"))
    if not words.isdisjoint(("cited", "quoted", "citing", "quoting")) and not words.isdisjoint(REPORT_WORDS):
        relays.append((REPORT_CITED, "report-cited"))
    for pattern, rule in relays:
        for m in pattern.finditer(text, sent.start, sent.end):
            if _inside_quote(reader, m.start(), quotes):
                continue
            group = "relay2" if rule == "report-cited" and m.group("relay") is None else "relay"
            known = reader.outlet(m.group(group))
            relay = known.name if known else reader.outlet_before(m.group(group), m.start(group))
            if rule in {"citing-opening", "said-then-citing"} and (
                    relay is None or m.start() != _after_dateline(reader, sent.start, m.start() + 1)):
                continue  # a known outlet's, opening the sentence: its report is the whole of it
            if rule in {"cited-reported", "report-cited"} and relay is None:
                continue  # a known outlet's only: "Smith, who cited a poll, said" argues from it
            cue = _span(text, m.start("cue"), m.end("cue"))
            src = _span(text, m.start("np"), m.end("np"))
            if rule == "said-then-citing":
                content = _strip_content(text, m.start("claim"), m.end("claim"))
            elif rule in {"cited-as-saying", "quoted-by-as-saying", "citing-reported", "cited-reported", "citing-opening",
                          "report-cited"} or (
                    _THAT_NEXT.match(text, m.end(), sent.end)):
                # ("Earlier, the Journal reported, citing officials, that ...": what follows
                # "that" is the report, not "Earlier, the" before the outlet)
                content = _strip_content(text, m.end(), sent.end)
            else:
                # (what the outlet is, before its name, is no part of the claim: "..., the
                # semi-official Tasnim news agency said, citing ...")
                described = _DESCRIBED_BEFORE.search(text, sent.start, m.start("relay"))
                claim_end = described.start() if described else m.start("relay")
                content = _strip_content(text, sent.start, claim_end) or _strip_content(text, m.end(), sent.end)
            named = m.group(group)
            unnamed = named.removeprefix("the ")  # "quoted by (the) state media as saying": a hop, nameless
            name = _speaker_name(named)  # (a name, not "An early tweet" capitalised by the sentence)
            via = ((relay,) if relay else (name,) if name[:1].isupper()
                   else (unnamed,) if unnamed_media(unnamed) else ())
            if reader.add(rule, "relay", cue, src, content, via=via):
                reader.blocked.append((m.start(), m.end()))


def _vague_phrases(reader: _Reader, sent: Span, quotes) -> None:
    """Vague phrases without a source: "it is believed", "reports say", "reportedly"."""
    text = reader.text
    for m in VAGUE_PHRASES.finditer(text, sent.start, sent.end):
        if _inside_quote(reader, m.start(), quotes):
            continue
        if _MODAL_BE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "might be seen by others as": a supposition, no one's verdict
        cue = _span(text, m.start("cue"), m.end("cue"))
        content = reader.after_dateline(_vague_phrase_content(text, m, sent))
        if content is not None and any(a.rule == "vague-phrase" and a.content == content for a in reader.out):
            reader.used.append((cue.start, cue.end))
            continue  # "X reportedly did A and Y reportedly did B": one sentence, one claim to flag
        if cue and not reader.taken(cue.start, cue.end):
            src = cue if _REPORTS_CUE.match(cue.text) else None
            reader.out.append(Attribution(cue=cue, kind="according-to", source=src, content=content,
                                          speaker=None, anonymous=False, vague=True, rule="vague-phrase"))
            reader.used.append((cue.start, cue.end))


def _as_source_said(reader: _Reader, sent: Span, quotes) -> None:
    """Rule as-source-said: "As The Hill pointed out, ..." / "As reported by Western Journalism, ..."."""
    text = reader.text
    m = _AS_SAID.match(text, sent.start, sent.end)
    if m and not _inside_quote(reader, m.start(), quotes):
        by = m.group("src1") is not None
        which = "1" if by else "2"
        content = _strip_content(text, m.start("content"), sent.end)
        if content:
            reader.add("as-source-said", "according-to" if by else "indirect",
                       _span(text, m.start("cue" + which), m.end("cue" + which)),
                       _span(text, m.start("src" + which), m.end("src" + which)), content)


def _first_reported(reader: _Reader, sent: Span, quotes) -> None:
    """Rules first-reported / reported-by: "The plan, first reported by The Information, ..." /
    "The news was first reported by Politico": where the story broke (or who reported it),
    when an outlet is named."""
    text = reader.text
    for m in _FIRST_REPORTED.finditer(text, sent.start, sent.end):
        name = m.group("src").rstrip(".")  # "... first reported by the Financial Times."
        outlet = reader.outlet(name)
        if outlet is None or _inside_quote(reader, m.start(), quotes) or reader.taken(m.start(), m.end()):
            continue
        if m.group("as") and not SPEECH_VERBS.isdisjoint(_letters(text[sent.start:m.start()].lower()).split()):
            continue  # "..., the official said, as quoted by TASS": a relay of what was said (phrases.py)
        src_end = m.start("src") + len(name)
        content = (_strip_content(text, sent.start, m.start()) if text[m.end():sent.end].strip(" .,") == ""
                   else _strip_content(text, sent.start, sent.end))
        if content is not None:
            reader.blocked.append((m.start(), src_end))
            rule = "first-reported" if m.group("cue").startswith(("first", "originally")) else "reported-by"
            reader.add(rule, "according-to", _span(text, m.start("cue"), m.end("cue")),
                       _span(text, m.start("src"), src_end), content)


# "..., the BBC understands." / "The Times has learned that ...": what an outlet reports
# from its own sources, in the words of the British press (a known outlet only: "Smith
# understands that ..." is a belief)
_OUTLET_NAME = r"(?P<src>(?:[Tt]he\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3})"
_LEARNED = r"(?P<cue>understands|has\s+(?:learned|learnt|been\s+told))"
_OUTLET_LEARNED_AFTER = re.compile(rf",\s+{_OUTLET_NAME}\s+{_LEARNED}\s*[.!]?\s*$")
_OUTLET_LEARNED_BEFORE = re.compile(rf"{_OUTLET_NAME}\s+{_LEARNED}\s+that\s+")


def _outlet_learned(reader: _Reader, sent: Span, quotes) -> None:
    """Rule outlet-learned: "The prime minister faces a revolt, the BBC understands."."""
    text = reader.text
    begin = _after_dateline(reader, sent.start, sent.end)
    m = _OUTLET_LEARNED_BEFORE.match(text, begin, sent.end)
    after = m is None
    if after:
        m = _OUTLET_LEARNED_AFTER.search(text, begin, sent.end)
    if m is None or _inside_quote(reader, m.start("cue"), quotes) or reader.outlet(m.group("src")) is None:
        return
    content = _strip_content(text, begin, m.start()) if after else _strip_content(text, m.end(), sent.end)
    if content is not None:
        reader.add("outlet-learned", "indirect", _span(text, m.start("cue"), m.end("cue")),
                   _span(text, m.start("src"), m.end("src")), content)


def _asked(reader: _Reader, sent: Span) -> None:
    """Rule asked: "Asked whether he would run, Reyes said ..." (a question put to someone)."""
    text = reader.text
    m = _ASKED.match(text, sent.start, sent.end)
    if m and not reader.taken(m.start("cue"), m.end("cue")):
        reader.add("asked", "indirect", _span(text, m.start("cue"), m.end("cue")), None,
                   _span(text, m.start("content"), m.end("content")))
        return
    # '"You bet I would," Christie said when asked whether he would ...': the question put
    for m in _WHEN_ASKED.finditer(text, sent.start, sent.end):
        if not reader.taken(m.start("cue"), m.end("cue")):  # (to the sentence's end: "U.S." is no stop)
            reader.add("asked", "indirect", _span(text, m.start("cue"), m.end("cue")), None,
                       _strip_content(text, m.start("content"), m.end("content")))


def _reported_speech(reader: _Reader, sent: Span, quotes, words: set) -> None:
    """Rules speaker-said-that / content-speaker-said / content-said-speaker: reported speech,
    read at each speech verb of the sentence (``_speech_verb``)."""
    text = reader.text
    verbs = words & _VERB_WORDS
    if "clear" in words and "made" in words:
        verbs.add("made")  # "Obama made clear that ...", "she made it clear that ...": see _MADE_CLEAR
    if not verbs:
        return
    # A cue inside a quote or on a span taken or blocked is skipped below, and stays so for
    # the rest of the sentence (those lists only grow): drop it before tokenising.
    def dead(ts: int, te: int) -> bool:
        return _inside_quote(reader, ts, quotes) or reader.taken(ts, te) or reader.in_blocked(ts)

    toks, verb_indexes = _verb_tokens(text, sent, verbs, dead)
    for i in verb_indexes:
        _speech_verb(reader, sent, quotes, toks, i)


def _speech_verb(reader: _Reader, sent: Span, quotes, toks, i: int) -> None:
    """The reported speech, if any, at the verb ``toks[i]``."""
    text = reader.text
    ts, te, word = toks[i]
    low = word.lower()
    if low in _POINT:
        out = _OUT.match(text, te)
        if out is None:
            return
        te = out.end()
    elif low == "made":
        clear = _MADE_CLEAR.match(text, te)
        if clear is None:
            return  # "made" alone reports nothing
        te = clear.end()
    if low in CHARACTERIZE_VERBS:
        _characterize(reader, sent, toks, i, quotes)
        return
    finding = low in FINDING_VERBS
    if low in STANCE_VERBS and low not in SPEECH_VERBS:
        _vague_stance(reader, sent, toks, i, quotes)
        return
    if low in ACT_VERBS:
        _speech_act(reader, sent, toks, i)
        return
    if low not in SPEECH_VERBS and not finding and low != "made":
        return
    if _inside_quote(reader, ts, quotes) or reader.taken(ts, te):
        return
    if reader.in_blocked(ts):
        return
    if _noun_not_verb(text, toks, i, te, low):
        return
    if not low.endswith("ing") and _passive(toks, i):
        # "The virus has been reported in ...", "Donald Trump was asked whether ...": the
        # subject did not speak (though later pronouns may name it)
        sub = _subject_before(text, toks, i, sent.start)
        reader.mention(_span(text, *sub) if sub else None)
        return
    if low == "saying":
        poll = _SHARE_SAYING.search(text, max(sent.start, ts - 90), ts)
        if poll:
            # a poll's share: "with 30 percent of voters saying they have a positive view"
            content = _strip_content(text, _after_cue(text, te, sent.end, low)[0], _content_end(text, te, sent.end))
            if content:
                reader.add("share-saying", "indirect", _span(text, ts, te),
                           _span(text, poll.start("np"), poll.end("np")), content)
            return
    # (from after a dateline: "Tehran, IRNA -- Foreign Minister X said" is X)
    sub = _subject_before(text, toks, i, _after_dateline(reader, sent.start, ts))
    if sub and low in PARTICIPLES and _PARTICIPLE_GAP.search(text, sub[1], ts):
        sub = None  # "will be worth it, saying he is ...": the sentence's subject says it
    if sub and _PREPOSITION_BEFORE.fullmatch(text, sent.start, sub[0]):
        return  # "In a Facebook message posted Friday, Cruz said": the message is where, not who
    if sub and low == "saying":
        issued = _ISSUED_SAYING.fullmatch(text, *sub)
        if issued:  # "the Trump campaign issued a statement saying": the campaign says it
            sub = issued.span("np")
    if sub and text[sub[0]:sub[1]].lower() in _SUPPOSING:
        return  # "Let's say you have two files": a supposition, no one's report
    if sub and low in _BARE_PARTICIPLES and toks[i - 1][2].lower() not in AUX:
        return  # "Forbes shot back in an article stating that": no finite verb to read
    if low in THAT_ONLY_VERBS and not _THAT_NEXT.match(text, te):
        return  # "recommended the book": no claim; "recommends that people wear masks" is one
    if low.startswith("recall") and _RECALLED_GOODS.match(text, te):
        # a recall of goods or of envoys, no recollection; the maker is still named
        # ("Tesla recalled 2 million cars. The company said": Tesla)
        sub = _subject_before(text, toks, i, sent.start)
        reader.mention(_span(text, *sub) if sub else None)
        return
    if sub and low == "asking":
        return  # "the union is asking for a raise": a request; only ", asking X why" reports
    if sub and low.startswith("suggest") and _WORDING.search(text, sub[0], sub[1]):
        return  # "the phrase suggests a campaign has to ...", "as its name suggests": a reading of words
    if finding and (sub is None or text.find(",", sent.start, sub[0]) >= 0):
        # "The study, published Tuesday in the journal Science, found that ...": the
        # study, named before its apposition
        m = _DOCUMENT_APPOSED.fullmatch(text, _after_dateline(reader, sent.start, ts), _skip_aux_back(text, toks, i))
        if m is not None:
            sub = (m.start("np"), m.end("np"))
    if sub and finding and not FINDING_HEADS.search(text[sub[0]:sub[1]]) and not (
            not low.startswith("suggest") and _FINDERS.search(text, sub[0], sub[1]) and _THAT.match(text, te)) and not (
            low.startswith("show") and _carried_words(reader, text[sub[0]:sub[1]])) and not (
            low == "suggest" and _THAT.match(text, te) and _NAMED_PAIR.match(text, sub[0], sub[1])):
        # (people who find: "Researchers at Stanford found that ...", with its "that")
        if low.startswith("suggest"):
            _vague_stance(reader, sent, toks, i, quotes)  # "Several political experts suggest that ..."
        return
    if sub is None and not finding and text.find(")", sent.start, ts) >= 0:
        # a press release's "Acme Corp (NYSE: ACME) today announced": the company, whose
        # ticker is no aside to read around
        m = _TICKER_SUBJECT.fullmatch(text, _after_dateline(reader, sent.start, ts), ts)
        if m:
            sub = (m.start("np"), m.end("np"))
    if not finding and (sub is None or (text[sent.start:sub[0]].rstrip().endswith(",")
                                        and text[sub[0]:sub[1]].lower() not in _SUBJECT_PRONOUNS)):
        # (not "But, to cover his tracks ..., he explained": a pronoun has no appositive)
        sub = _apposed_speaker(reader, sent, toks, i, te, low, sub)
    if not finding and sub is None and i and text[toks[i - 1][1]:ts].rstrip().endswith(("\u2014", "\u2013")):
        # Rule speaker-dash-appositive: "Jason Sims — a teacher from Mount Pleasant — says"
        m = _DASH_APPOSITIVE.match(text, _after_dateline(reader, sent.start, ts), _skip_aux_back(text, toks, i))
        if m:
            sub = (m.start("np"), m.end("np"))
    if sub is None and (low in PARTICIPLES or low == "citing") and i and (
            _PARTICIPLE_GAP.search(text, toks[i - 1][1], ts) or toks[i - 1][2].lower() == "by"):
        _participle_saying(reader, sent, toks, i, te, low)
        return
    if sub is None and not finding and i and _coordinated(reader, sent, toks, i, te):
        return
    if sub is None and not finding:
        _content_said_speaker(reader, sent, toks, i, te, low)
        return
    if sub is None:
        return
    _speaker_said(reader, sent, quotes, toks, i, te, low, sub, finding)


def _carried_words(reader: _Reader, subject: str) -> bool:
    """Whether ``subject`` is words a known outlet carried ("comments carried by IRNA")."""
    m = CARRIED_WORDS.fullmatch(subject)
    return m is not None and reader.outlet(m.group("outlet")) is not None


_BEFORE_A_NOUN = frozenset("amid despite against about over of to with by for from on in among after before".split())
# what comes before "claims" the noun: "his claims that", "such claims that", "familiar claims that"
_OWNER_PRONOUNS = frozenset("his her their its our my your".split())
_BEFORE_CLAIMS = _OWNER_PRONOUNS | frozenset("such these those new false baseless similar".split())
_ADJECTIVE_ENDS = ("iar", "ous", "ful", "ive", "ical", "able", "ible", "less", "ed")
_CLAIMS_THAT = re.compile(r"\s+(?:that\b|[\u201c\"]|'')")


# a degree and an adverb of how often before a participle make it an adjective ("the most
# commonly reported drugs"); "more recently reported that" still reports
_DEGREE_WORDS = frozenset({"most", "more", "less", "least"})
_HOW_COMMONLY = frozenset({"commonly", "frequently", "widely", "often", "rarely", "seldom", "heavily",
                           "highly", "broadly", "routinely", "regularly", "consistently"})


def _noun_not_verb(text: str, toks, i: int, te: int, low: str) -> bool:
    """Whether the cue word at ``toks[i]`` is a noun or an adjective here, or asks for
    anonymity, rather than reporting what someone said."""
    if low == "claim" and i and toks[i - 1][2].endswith(("'s", "\u2019s")) and (
            _CLAIM_TO.match(text, te) or _NEXT_FINITE.match(text, te)):  # "the ministry's claim is false"
        return True  # "the Party's claim to a divine right": a noun ("North Korea's claim that" reports)
    if low == "claim" and i and toks[i - 1][2].lower() in _OWNER_PRONOUNS and not _CLAIMS_THAT.match(text, te):
        return True  # "Nevada is staking its claim as a swing state": a noun ("his claim that" reports)
    if low in {"asked", "requested", "asking", "requesting"} and _ANONYMITY_ASKED.match(text, te):
        return True  # "who asked not to be identified": a request to stay unnamed, no claim
    if low == "telling" and i and (toks[i - 1][2].lower() in _DEGREE or (
            toks[i - 1][2].lower() in _BE and _TELLING_ADJ_AFTER.match(text, te))):
        return True  # "the most telling promise", "Alpert's metaphor is telling in its own right"
    if low == "say" and i and (toks[i - 1][2].lower() in _BEFORE_NOUN_SAY or (
            toks[i - 1][2].lower() in {"some", "any"} and _SAY_NOUN_AFTER.match(text, te))):
        return True  # "a larger say than", "the final say", "wanted some say in": a noun
    if i and low.endswith(("ed", "ing")) and (toks[i - 1][2].lower() in _ADJECTIVE_DETERMINERS
                                               or _possessive_adjective(text, toks[i - 1][2], te)):
        return True  # "the reported cases", "a telling response", "the state's confirmed caseload"
    if (i > 1 and low.endswith("ed") and toks[i - 2][2].lower() in _DEGREE_WORDS
            and toks[i - 1][2].lower() in _HOW_COMMONLY):
        return True  # "The most commonly reported drugs are", "Other, less commonly reported, drugs"
    if low in {"reports", "report", "claims", "estimates", "fears", "hopes", "thought", "promises", "pledges",
               "vows", "forecast", "forecasts"} and i:
        prev = toks[i - 1][2].lower()
        if prev in _BEFORE_A_NOUN:
            return True  # "Amid claims that Trump lied", "against claims that": a noun after a preposition
        if prev in {"have", "has", "had"} and low.endswith("s"):
            return True  # "Malaysia, Brunei and Taiwan also have claims in the area": what they hold
        if (low == "claims" and prev not in _NOUN_MODIFIERS and prev not in DETERMINERS and prev not in _BEFORE_CLAIMS
                and "-" not in prev and not prev.endswith(_ADJECTIVE_ENDS)
                and not toks[i - 1][2].endswith(("'s", "\u2019s")) and _CLAIMS_THAT.match(text, te)):
            return False  # "The Turkish government claims that ...", "The ad claims “...”": a verb
        if low in _BODY_REPORT_VERBS and _body_reports(text, toks, i, te):
            return False  # "The central bank forecast that ...", "..., the ministry estimates.": a verb
        if (prev in _NOUN_MODIFIERS or (toks[i - 1][2][:1].islower() and prev not in _SUBJECT_WORDS)
                or toks[i - 1][2].endswith(("'s", "\u2019s")) or _NEXT_FINITE.match(text, te)
                or DOCUMENT_SEEN.match(text, te)):
            return True  # "media reports", "their hopes", "Trump's vows", "Intelligence reports seen by": a noun
    return False


# A body or a kind of people named in lower case reports with a verb that is also a noun: "The
# central bank forecast that ...", "Russia's statistics agency estimates that ...", "..., the
# ministry reports." ("the weather forecast", "central bank reports that ..." with no
# determiner, "amid the agency's estimates that" stay nouns)
_BODY_REPORT_VERBS = frozenset(("forecast", "forecasts", "estimates", "reports"))
_REPORTING_HEADS = _BODY_WORDS | BODY_HEADS | _INSTITUTION_LAST | _COMPANY_HEADS | GROUP_NOUNS
_ENDS_HERE = re.compile(r"\s*(?:[.!?;]|$)")


def _body_reports(text: str, toks, i: int, te: int) -> bool:
    """Whether ``toks[i]`` is the verb of a subject naming a body or people in lower case: the
    word before it is such a head (``_REPORTING_HEADS``), its noun phrase opens on a determiner
    or an owner ("the", "Russia's") no more than three words before, at the start of a clause,
    and a "that" clause or a quote follows, or, after a comma, the sentence ends ("Inflation
    will ease, the central bank forecast.")."""
    if toks[i - 1][2].lower() not in _REPORTING_HEADS:
        return False
    k = i - 1
    while k > 0 and i - k <= 4:
        word = toks[k - 1][2]
        low = word.lower()
        if low in DETERMINERS or word.endswith(("'s", "\u2019s")):
            k -= 1
            break
        if low in _BEFORE_A_NOUN or low in CLAUSE_WORDS or low in AUX or low in SPEECH_VERBS:
            return False
        k -= 1
    else:
        return False
    gap = text[toks[k - 1][1]:toks[k][0]] if k else ""
    if k and "," not in gap and toks[k - 1][2].lower() not in CLAUSE_WORDS:
        return False  # "cited the bank reports that": an object
    return bool(_CLAIMS_THAT.match(text, te) or ("," in gap and _ENDS_HERE.match(text, te)))


# "with 50 percent saying", "leaving 62 percent of voters saying", "with three in 10 saying"
_SHARE_SAYING = re.compile(
    r"\b(?:with|left|leaving)\s+(?P<np>(?:about\s+|nearly\s+|almost\s+|only\s+|just\s+|roughly\s+)?"
    r"(?:\d[\d.,]*\s*(?:percent|per\s+cent|%)|(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:\d+|ten))"
    r"(?:\s+of\s+[\w'\u2019 -]{1,40}?)?)\s+$")
# "when asked whether ...", "when asked by a reporter if ...", "Asked on Fox News who ..."
_WHEN_ASKED = re.compile(
    r"\b[Ww]hen\s+(?P<cue>asked)\s+(?:(?:by|on|during|in|at)\s+[^,;:\u201c\u201d\"]{1,40}?\s+)?"
    r"(?P<content>(?:about|whether|if|what|why|how|who|whom|which|where)\s+[^,;:\n\u201c\u201d\"]{1,200}?)(?=\s*[,;:?]|\s*$)")
_CLAUSE_LEAD = re.compile(r",\s+(as|while|when|because|although|though|whereas|even\s+as|and|but)\s+(?=[A-Z])")


def _apposed_speaker(reader: _Reader, sent: Span, toks, i: int, te: int, low: str, sub):
    """The speaker set apart by commas before the verb (rule speaker-appositive-said:
    "Marley Anderson, 21, a junior from Las Vegas, said ..."), else ``sub`` as it was."""
    text, ts = reader.text, toks[i][0]
    end = _skip_aux_back(text, toks, i)
    begin = _after_dateline(reader, sent.start, ts)  # "LONDON, Jan 9 (Reuters) - X, a ..., said"
    for lead in _CLAUSE_LEAD.finditer(text, begin, end):
        # "The bickering began early, as Peña Nieto, contradicting Trump, said": the clause
        # the verb belongs to opens after "as"; after "and" or "but" only when a clause comes
        # before it ("It is on track, and Brian Deese, the adviser, said"; not "Kurt Volker,
        # the former envoy, and Tim Morrison, an official, testified": two speakers)
        if lead.group(1) not in {"and", "but"} or _FINITE.search(text, begin, lead.start()):
            begin = lead.end()
    m = _appositive(text, begin, end)
    if m is not None and (m.group("np").strip(" ,").lower() in _CONJUNCTIONS
                          or _CONJUNCTION_COMMA.match(m.group("np"))):
        # "But, said Solovey, “...”": the speaker follows the verb; "But, the former CEO
        # of Hewlett-Packard added": the aside is the subject, "And, to the extent
        # that ..., it could offer": a clause
        m = None
    if m is not None and m.group("np").rsplit(None, 1)[-1].lower() in _JOINING:
        # "Clinton, who was speaking to mayors, did not mention Trump, but told ...": the
        # verb is the subject's second; the subject is the name and its asides only
        sub, m = (m.start("np"), m.start("np") + _coordinated_np(m.group("np"))), None
    if m is not None and _ADVERB_OPENER.match(m.group("np")):
        # "Specifically, these fighters protect your eyes, said Velikova", "But in March,
        # the month after ..., the court": an opening, no name; a name may follow it
        # ("And on Tuesday, Kevin Brady, chairman of ..., said")
        comma = text.find(", ", m.start("np"), end)
        m = _appositive(text, comma + 2, end) if comma >= 0 else None
        if m is not None and not m.group("np")[:1].isupper():
            m = None
    if m is None and text.count(",", begin, end) >= 2:
        # '"...," the economist Jared Bern, a former adviser, wrote' / '..., his top
        # aide, Tad Devon, told reporters': the claim, then an apposed speaker
        m = _END_APPOSITIVE.search(text, max(begin, end - 220), end)
        if m is not None and _opener_tail(m.group("np")):
            m = None  # "At the town hall in Hudson, New Hampshire Monday, the supporter retorted"
        if m is None and not low.endswith("ing"):
            m = _WHO_APPOSITIVE.search(text, max(begin, end - 260), end)
            if m is not None and not _FINITE.search(text, begin, m.start("np")):
                m = None  # "Donna Rawlings, 59, of Ashton, Md., who watched ..., said": no claim before it
    if m:
        sub = (m.start("np"), m.end("np"))
    elif sub is None and low in _SAID_FORMS and not (low in _INVERTING and _inverted_speaker(text, te, sent.end)):
        sub = _long_appositive(text, begin, end)
    lead = _SEQUENCE_LEAD.match(text, *sub) if sub else None
    if lead:  # "First his wife, longtime aide Huma Abedin, announced": not "First"
        sub = (lead.end(), sub[1])
    return sub


_JOINING = frozenset(("and", "but", "or", "yet"))  # (not "so": "..., which was the first to do so")
# what opens an aside after a name ("Suu Kyi, 70,", "Trump, speaking to veterans,", "Ina
# Kirsch,"), not a verb phrase ("did not mention Trump", "seized the floor")
_ASIDE_OPENS = re.compile(r"(?:who|whose|which|a|an|the|his|her|their|its|like|unlike|then|now|once|"
                          r"also|himself|herself|[a-z]+ing|\d+|[A-Z][\w.'\u2019-]*)\b")
_PAST_AFTER_NAME = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*(?=\s+[a-z]+ed\b)")


def _coordinated_np(np: str) -> int:
    """The length of the subject at the start of ``np``, a subject and its first verb phrase
    before a conjunction ("He endorsed Clinton, but": "He"; "Suu Kyi, 70, said it was too
    early but": "Suu Kyi, 70"; "Rice endorsed Clinton, but": "Rice")."""
    parts = np.split(", ")
    first = parts[0]
    if first.split(None, 1)[0].lower() in _SUBJECT_PRONOUNS:
        return len(first.split(None, 1)[0])
    m = _PAST_AFTER_NAME.match(first)
    if m and len(parts) == 2:  # "Rice endorsed Clinton, but"
        return m.end()
    keep = len(first)
    for part in parts[1:]:
        if not _ASIDE_OPENS.match(part) or part.rsplit(None, 1)[-1].lower() in _JOINING:
            break
        keep += 2 + len(part)
    return keep


def _participle_saying(reader: _Reader, sent: Span, toks, i: int, te: int, low: str) -> None:
    """Rule participle-saying: "Sanders defended the plan, saying it would pay for itself" /
    "Bolton distanced himself by saying ..."."""
    text, ts = reader.text, toks[i][0]
    # Rule participle-saying: "Sanders defended the plan, saying it would pay for
    # itself" / "Bolton distanced himself by saying ..."
    begin = _after_dateline(reader, sent.start, ts)  # "WASHINGTON (AP) \u2014 Sen. X defended ..."
    m = _sentence_subject(text, begin, ts)
    if m and _PASSIVE_AFTER.match(text, m.end("np"), ts):
        m = None  # "Two officers were charged Tuesday with falsifying records, stating they
        # had checked ...": what they were charged with states it, not they
    content = _strip_content(text, _after_cue(text, te, sent.end, low)[0], sent.end)
    if content and low == "telling" and not _CLAUSE_START.match(content.text):
        # "telling supporters in Columbus, Ohio, that he had ...": the claim is the clause
        that = _THAT.search(content.text, 0, 80)
        if that:
            content = _strip_content(text, content.start + that.start(1), sent.end)
    if low == "citing" and content and _THEN_REPORTED.search(content.text):
        content = None  # "The news, citing an anonymous source, reported ...": a relay
    # "citing legal risks": what is cited need be no clause
    if (m and content and (low in {"saying", "citing"} or _bare_clause(content.text)
                           or (_THAT_OR_QUOTE.match(content.text) if low in _OBJECT_PARTICIPLES
                               else _CLAUSE_START.match(content.text)))
            and not _SAYS_NOTHING.match(content.text)):  # "by saying nothing", "saying so"
        reader.add("participle-saying", "indirect", _span(text, ts, te),
                   _span(text, m.start("np"), _np_trimmed(text, m.start("np"), m.end("np"))), content)


def _content_said_speaker(reader: _Reader, sent: Span, toks, i: int, te: int, low: str) -> None:
    """Rule content-said-speaker: "..., said the official."."""
    text, ts = reader.text, toks[i][0]
    # Rule content-said-speaker: "..., said the official."
    gap = text[toks[i - 1][1]:ts] if i else ""
    if low in _INVERTING and i and ("," in gap or "\u201d" in gap or '"' in gap):
        m = _inverted_speaker(text, te, sent.end)
        if m:
            np_end = _name_end(text, te + m.start("np"), te + m.end("np"), sent.end)
            src = _span(text, te + m.start("np"), _apposition_end(text, np_end, sent.end))
            start = _quote_opened_before(text, sent.start, toks[i - 1][1])
            content = _strip_content(text, start, toks[i - 1][1])
            reader.add("content-said-speaker", "indirect", _span(text, ts, te), src, content)


def _quote_opened_before(text: str, start: int, end: int) -> int:
    """Where the claim ending at ``end`` starts: ``start``, or the opening quote mark of a
    quotation that the sentence only closes ('"... with China. Bigger than the little
    deal" announced in October, said Scissors'), if that is in the same paragraph."""
    part = text[start:end]
    if part.count('"') % 2 == 0 and part.count("\u201d") <= part.count("\u201c"):
        return start
    mark = "\u201c" if part.count("\u201d") > part.count("\u201c") else '"'
    opened = text.rfind(mark, max(0, start - 600), start)
    if opened < 0 or "\n" in text[opened:start]:
        return start
    return opened


def _speaker_said(reader: _Reader, sent: Span, quotes, toks, i: int, te: int, low: str, sub, finding: bool) -> None:
    """What the subject ``sub`` of the verb at ``toks[i]`` said: rules claim-as-speaker-said,
    content-speaker-said and speaker-said-that."""
    text, (ts, _, word) = reader.text, toks[i]
    if word == "Revealed" and i and _PREPOSITION_NEXT.match(text, te):
        return  # "The Beauty of Korea Revealed at ...": a title-case headline's passive
    if low == "adding" and toks[i - 1][2].lower() in AUX and not _THAT_NEXT.match(text, te):
        return  # "Mortal Kombat 11 is adding the Terminator": it adds a thing, no remark
    if _COPULA_NEXT.match(text, te) and _NOUN_THEN_NAME.fullmatch(text, *sub):
        return  # "the letter Mike wrote was kind": a relative clause about a thing
    if low.endswith("ed") and _THING_SUBJECT.fullmatch(text, *sub):
        return  # "..., a deal announced at the beginning of the week": it was announced
    if "?" in text[te:sent.end + 1] and _INVERTED_AUX.search(text, sent.start, sub[0]):
        return  # "How did he write those books?": a question, nothing reported
    src = _span(text, *sub)
    cue = _span(text, ts, te)
    pos, obj = _after_cue(text, te, sent.end, low)
    told = _told_via(reader, obj)  # ("The minister told state media that ...": a relay, unnamed)
    via = [told] if told else []
    preceded_by_comma = (text[sent.start:sub[0]].rstrip().endswith((",", "\u201d", '"', "''")) and sub[0] > sent.start + 3
                         and not (text[sub[0]].isdigit() and text[sub[0] - 2].isdigit()))  # "50,000": one number
    more_via, relays, pos2 = _relay_tail(reader, pos, sent.end)
    via += more_via
    rest2 = text[pos2:sent.end]
    as_said = _AS_BEFORE.search(text, sent.start, sub[0]) if sub[0] - sent.start > 12 else None
    if as_said and (_CLAUSE_TAIL.match(rest2) or _PLACE_OR_TIME_TAIL.match(rest2)):
        # Rule claim-as-speaker-said: "..., as David Dayen noted in The Intercept."
        content = _strip_content(text, sent.start, as_said.start())
        if content and reader.add("claim-as-speaker-said", "indirect", cue, src, content, tuple(via)):
            return
    if preceded_by_comma and ((_CLAUSE_TAIL.match(rest2) and not _quote_after_intro(text, sent.start, sub[0], rest2)) or (
            _PLACE_OR_TIME_TAIL.match(rest2) and len(text[sent.start:sub[0]].split()) >= 4
            and not _intro_only(text, sent.start, sub[0]))):
        # Rule content-speaker-said: "Seoul and Washington have advanced ..., a senior US official said"
        # (also "..., journalist Martha Raddatz said in posing the question": what follows
        # the verb says where or how; the claim is before)
        cstart = sent.start
        content = _strip_content(text, cstart, sub[0])
        if content and any(s <= content.start and content.end <= e + 1 for s, e in reader.quoted):
            return
        rule = "content-speaker-said"
        if rest2.lstrip().startswith(",") and (content is None or len(content.text.split()) <= 2 or (
                len(content.text.split()) <= 5 and content.text.split()[0].lower() in _PREPOSITIONS
                and not _FINITE.search(content.text))):
            # "Still, he said, officials have to decide ...": the claim follows the cue;
            # the opening word belongs to it ("Loyalty, he noted, has long been ...")
            after = _strip_content(text, pos2, sent.end)
            begin = _bounds(text, sent.start, sub[0])[0]
            opener = text[begin:sub[0]].split(None, 1)[0].lower() if begin < sub[0] else ""
            content = (Span.of(text, begin, after.end) if after and opener and opener not in _PREPOSITIONS
                       else after)  # "In the end, he said, ...": the time is not the claim
            rule = "speaker-said-parenthetical"
        elif content and _PARENTHETICAL_REST.match(rest2) and not CARRIED_WORDS_REST.match(rest2):
            # "The golf industry, she said, is doing much better": the claim goes on after
            # the speaker; one span from its start to its end, as for a quote passage
            after = _strip_content(text, pos2, sent.end)
            if after:
                content = Span.of(text, content.start, after.end)
        kind = "direct-quote" if content and content.text[:1] in "\u201c\"" else "indirect"
        att = reader.add(rule, kind, cue, src, content, tuple(via))
        if att:
            _add_relays(reader, relays, att, content)
            _adding(reader, att, pos2, sent.end)
        return
    if _NOTHING_AFTER.match(rest2) and not obj:
        return  # "Trump said." with nothing reported
    # Rule speaker-said-that: "Trump said (on Thursday) (that) ..."
    content = _strip_content(text, pos2, _content_end(text, pos2, sent.end))
    if content is None:
        return
    if content.text.startswith(("to ", "about ", "of ", "for ", "it ", "so ", "nothing", "no ")) and low in {"said", "says", "told"}:
        if _said_no(content.text) or (not content.text.startswith(("it ", "no "))
                                      and not _ABOUT_AMOUNT.match(content.text)):
            return
    if _said_little(low, content.text):
        return  # "Lazar said little, offering only ...", "their smiles said a lot": how much, no claim
    if _TO_SOMEONE_THEN_PARTICIPLE.match(content.text):
        return  # "Ruiz wrote to the board, saying ...": the participle reports it
    if low in {"reported", "reports", "report"} and _REPORTED_TO_BOSS.match(content.text):
        return  # "Mr. Mannix reported daily to Louis B. Mayer": whom he answered to, no report
    if _SAID_THIS_WHERE.match(content.text):
        return  # "The official said this while addressing a ceremony": what was said came before
    if low == "asked" and text[:ts].rstrip().endswith(",") and _ASKED_ASIDE.match(content.text):
        return  # "Gov. Rourke, asked about the report, told reporters ...": she was asked
    if low in {"asked", "asks", "ask"} and _TO_VERB.match(content.text):
        return  # "Trust members asked to get the presentation": a request, no claim
    if low in _ADD_VERBS and _ADDED_THING.match(content.text):
        return  # "we added 1 million jobs", "islands added to the list": not a remark
    if low.startswith("claim") and (content.text.startswith(("responsibility", "credit"))
                                    or _CLAIMED_PRIZE.match(content.text)):
        return  # "no terrorist organization has claimed responsibility", "claimed the nomination",
        # "the fire claimed the lives of six": an act or a toll, not a report
    if low in {"asked", "asks", "ask"} and content.text.startswith(("for ", "about it")):
        return  # "her family asked for privacy": a request, not a report
    if low.startswith("report") and (content.text.startswith(("for duty", "for work", "to work", "to duty"))
                                     or _TO_THE_POLICE.match(content.text)):
        return  # "the 18 staffers who reported for duty", "reported the incident to the police": no report
    if low in {"said", "says"} and content.text.startswith("as ") and not content.text.startswith("as much"):
        return  # '"...," he said as he raised his hand': what he did then, not what he said
    if low in {"told", "tells", "tell"} and _TOLD_A_TALE.match(content.text):
        return  # "as easily as it tells the truth": an idiom, no report
    if (low in {"told", "tells", "tell"} and _A_STORY.match(content.text)
            and text[sub[0]:sub[1]].lower().rsplit(None, 1)[-1] in _WORKS):
        return  # "His book tells the story of a family": the work's narrative
    if low in {"said", "says", "say"} and _SAID_A_WORD.match(content.text):
        return  # "She said goodbye to her colleagues": a greeting, no report
    if low.startswith("argu") and content.text.startswith(_ARGUED_AWHILE) and not _OVER_WHY.match(content.text):
        return  # "They argued for hours about the bill": a quarrel, no claim
    if low.startswith("argu") and _CASES_ARGUED.match(content.text):
        return  # "who has argued a number of cases before the Supreme Court": a lawyer's work, no claim
    if content.text.startswith("back,") or content.text == "back":
        return  # "I wrote back, saying that ...": the reply is the participle's
    if low in {"revealed", "reveals", "unveiled", "unveils"} and _PRODUCT_SHOWN.match(content.text):
        return  # "Audi revealed the second production model": a thing shown, no claim
    if low.startswith("admit") and _LET_IN.match(content.text):
        return  # "the country had admitted more than 1.4 million refugees": let in, not confessed
    if low.startswith("insist") and content.text.startswith("on "):
        return  # "governments will insist on stricter checks": a demand, not a claim
    if low.startswith("respond") and content.text[:3].lower() == "to ":  # (a headline's "Responded To")
        # "Biden responded to Mr. Trump's interjection": what was answered is no report
        # ("... by saying ..." is the participle's own); the name may be taken later
        reader.mention(src)
        return
    if content.text.startswith(("with ", "by ", "from ", "into ")) or (low == "assured" and content.text.startswith("of ")):
        return  # "Clinton is assured of winning": a preposition follows, not a report
    if low in {"revealed", "unveiled", "confirmed", "named"} and content.text.startswith("as "):
        return  # "2020 Audi e-tron Sportback revealed as electric 4-door coupe": a passive
    if _object_not_report(low, content.text):
        return  # "Clinton maintains a commanding lock": an object, not a report
    if _thing_written(low, content.text):
        reader.mention(src)  # ("actress America Ferrera wrote a viral blog ... Ferrera told")
        return  # "He wrote handbooks for ...", "wrote a memoir": a work, not a claim
    subject = text[sub[0]:sub[1]].lower()
    if low in THAT_CLAUSE_VERBS and subject in {"it", "this", "that", "which"}:
        return  # "it underscores that ...": a fact shows it, nobody says it
    if subject == "who" or subject.endswith((" who", ", which")):
        # "the source, who said he had spoken to people inside, told Reuters", "A source who
        # said he was close to the talks told Reuters": the relative clause ends where the
        # sentence's own verb comes
        restrictive = subject.endswith("who") and not text[sent.start:sub[1] - 3].rstrip().endswith(",")
        tail = (_THEN_REPORTED if not restrictive else _THEN_REPORTED_BARE).search(content.text)
        if tail and restrictive and "," in content.text[:tail.start()]:
            tail = None  # "analysts who claim to find X palatable, Bolton said": another's verb
        if tail:
            content = _strip_content(text, content.start, content.start + tail.start())
            if content is None or (subject.endswith(", which") and len(content.text.split()) <= 4
                                   and not _FINITE.search(content.text)):
                return  # "The Financial Times, which first reported the talks, said": a story, no claim
            if _thing_written(low, content.text) or (low in _WRITE_VERBS and content.text.startswith("to ")):
                return  # "The Republican who wrote the speech ... says": a work, or whom it went to, no claim
    kind = "direct-quote" if content.text[:1] in "\u201c\"" else "indirect"
    rule = "speaker-told" if low in {"told", "tells", "tell"} else ("finding" if finding else "speaker-said-that")
    att = reader.add(rule, kind, cue, src, content, tuple(via))
    if att:
        _add_relays(reader, relays, att, content)
        _adding(reader, att, content.end, sent.end)  # "warned the Fed not to act, noting ..."


def _passive(toks, i: int) -> bool:
    """Whether the verb at token ``i`` follows a form of "be" ("was asked", "has been
    reported"), past the words allowed between a subject and its verb."""
    j = i - 1
    while j >= 0 and (toks[j][2].lower() in AUX or _adverb_after_aux(toks, j)):
        if toks[j][2].lower() in _PASSIVE_AUX:
            return True
        j -= 1
    return False


_HELD_BY_OTHERS = frozenset("suspected believed thought feared expected considered alleged known".split())
_VAGUE_PARTICIPLES = frozenset("believed understood said reported thought alleged claimed rumored rumoured learned learnt".split())
_ADJECTIVE_DETERMINERS = (DETERMINERS - {"one", "all", "both", "some", "many", "most", "few", "several", "two", "three",
                                          "four", "five", "six"}
                          | {"new", "latest", "fresh", "stark", "dire", "grim", "final", "early"})  # "Democrats' new warning"
_SUBJECT_WORDS = PRONOUNS | AUX | {"who"}


_DELEGATES = re.compile(r"\s+delegates?\b")
_QUESTIONED_SOMEONE = re.compile(r"(?:[A-Z][\w.'-]*(?<!'s)(?:\s+[A-Z][\w.'-]*(?<!'s))*|him|her|them|the\s+witness(?:es)?)\s+(?:about|on|over|for|during)\b")
_SAYING_AFTER = re.compile(r"(?:,|\bby)\s+(?:%s)\b" % "|".join(sorted(PARTICIPLES)))


_NEXT_WORD = re.compile(r"\s+[\"\u201c\u2018']?([a-z]+)\b")  # (a quoted noun: "his alleged “paramours”")
_NOT_NOUNS = DETERMINERS | PRONOUNS | CLAUSE_WORDS | _PREPOSITIONS | {"to", "him", "them", "us", "me", "not", "never"}


def _possessive_adjective(text: str, before: str, end: int) -> bool:
    """"the state's confirmed caseload": a verb form between a possessive and its noun (not
    "Clinton's said that ...", where "'s" is "has")."""
    if not before.endswith(("'s", "\u2019s")) or before[:-2].lower() in {"he", "she", "it", "that", "who", "there", "what"}:
        return False
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1) not in _NOT_NOUNS


def _speech_act(reader: _Reader, sent: Span, toks, i: int) -> None:
    """Rule speech-act: "Clinton has repeatedly accused Trump of using divisive rhetoric"."""
    text = reader.text
    ts, te, word = toks[i]
    if reader.taken(ts, te) or reader.in_blocked(ts) or (i and toks[i - 1][2].lower() in _ADJECTIVE_DETERMINERS):
        return  # "the accused"
    if _DELEGATES.match(text, te):
        return  # "270 pledged delegates"
    if _passive(toks, i):
        return  # "Trump was accused of ...": the subject did not speak
    if word.lower() == "accused" and i and _OF_NEXT.match(text, te) and (
            toks[i - 1][2].lower() not in AUX and toks[i - 1][2].lower() not in _SUBJECT_PRONOUNS):
        # "A Turkish religious movement accused of illegally financing ...": the accused, who
        # is still named for later (not "the senator she has accused of ...", "who he accused of")
        sub = _subject_before(text, toks, i, sent.start)
        if sub and all(w[:1].isupper() for w in text[sub[0]:sub[1]].split()):
            reader.mention(_span(text, *sub))  # a name ("Mark Meadows accused of ..."), not "Kaine defended people"
        return
    if word.endswith("s") and _PLURAL_NOUN_AFTER.match(text, te):
        return  # "the deficit scolds who shape ...": a noun
    if ts < reader.headline_end and word.lower() in HEADLINE_SHY_ACTS:
        return  # "Republican assails elites ...", "Absent Trump, Cruz derides debate": a headline's shorthand
    sub = _subject_before(text, toks, i, sent.start)
    if sub is None or text[sub[0]:sub[1]].lower() in {"who", "which", "that"} or _WHO_ADVERB_END.search(
            text, sub[0], sub[1]):
        # "Trump, who previously questioned ..., said", "Saul Anuzis, a top adviser ... who
        # has long dismissed attempts to ..., floated": the clause is not the report
        return
    pos = _after_cue(text, te, sent.end, word)[0]
    end = _content_end(text, pos, sent.end)
    if _SAYING_AFTER.search(text, pos, sent.end):  # (the claim's end stops before it: the sentence's)
        return  # "defended the plan by saying ...": the participle's report
    content = _strip_content(text, pos, end)
    if content and word.lower() == "questioned" and _QUESTIONED_SOMEONE.match(content.text):
        return  # "Republicans questioned Morrison about his testimony": they asked, they claimed nothing
    if content and word.lower().endswith("ed") and content.text.startswith("by "):
        # "a practice criticized by Miller and some civil rights advocates": a passive whose
        # agent spoke; the noun before it is what was said about (as PolNeAR reads it)
        comma = content.text.find(",")
        agent = _span(text, content.start + 3, content.end if comma < 0 else content.start + comma)
        if agent is not None:
            reader.add("speech-act", "indirect", _span(text, ts, te), agent, _span(text, *sub))
        return
    if content:
        reader.add("speech-act", "indirect", _span(text, ts, te), _span(text, *sub), content)


_OF_NEXT = re.compile(r"\s+of\b")
# a relative clause's adverb between "who" and its verb ("who has long dismissed"), which
# hides the "who" from the auxiliaries ``_subject_before`` walks back over
_WHO_ADVERB_END = re.compile(r"\b(?:who|which)\s+(?:(?:has|have|had|is|are|was|were)\s+)?"
                             r"(?:long|once|often|never|also|still|[a-z]+ly)\s*$")
_BELIEF_VERBS = frozenset("believe believes believed think thinks fear fears worry worries worried doubt doubts doubted "
                           "adamant insistent".split())  # ("was adamant that": insisted)
_THAT_CLAUSE = re.compile(r"that\s")


_MODALS = frozenset("might may could would should".split())
_CAUSATIVE = frozenset("help helps helped helping make makes made making let lets letting".split())
_OBJECT_PEOPLE = frozenset("them us him her people".split())
# before a stance word, what makes it a noun: "the greatest fear that I have ever seen", "their
# doubts", "no worries" (not "that": "people that fear", a relative pronoun)
_NOUN_BEFORE = frozenset("the a an their his her its our my your no any every greatest biggest deepest worst".split())
_FEEL_IDIOM = re.compile(r"\s+(?:free|like)\b")


def _vague_phrase_content(text: str, m, sent: Span) -> Span | None:
    """What a vague phrase (a ``VAGUE_PHRASES`` match ``m`` in ``sent``) credits."""
    after = text[m.end():sent.end]
    if m.start() - sent.start < 3:
        return _strip_content(text, m.end(), sent.end)  # "It is believed that ..."
    adverb = m.group("cue").lower().endswith("ly")  # "reportedly", "allegedly": inside a clause
    if (len(after.split()) < 3 and not (adverb and after.strip())) or after.lstrip()[:1] in ",.;:":
        return _strip_content(text, sent.start, m.start())  # "..., some say."
    if m.group("cue").lower() != "reportedly" and text[sent.start:m.start()].rstrip().endswith((",", "\u2013", "\u2014")):
        return _strip_content(text, m.end(), sent.end)  # "..., many believe Clinton has ...": what follows
    # "The FBI is reportedly making ...", "a strategy some believe he could replicate": inside
    # a clause, the sentence is the claim
    return _strip_content(text, sent.start, sent.end)


_PASSIVE_AFTER = re.compile(r"\s+(?:(?:also|later|then)\s+)?(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:[a-z]+ly\s+)?"
                            r"(?:charged|accused|arrested|indicted|sued|convicted|sentenced|fired|ordered|found|cited|fined)\b")
_RELATIVE_AUX_END = re.compile(r"\b(?:who|that|which)\s+(?:did|does|do|didn['\u2019]t|doesn['\u2019]t|don['\u2019]t|"
                               r"would|wouldn['\u2019]t|could|couldn['\u2019]t|may|might|still|also|never)\s*$")


def _vague_stance(reader, sent: Span, toks, i: int, quotes) -> None:
    """Rules vague-stance, anonymous-stance and named-stance: "Critics charge that ...",
    "Many economists believe ...", "Intelligence officials believe ...": a position credited
    to a crowd nobody can ask, or to people kept unnamed. A named subject counts only for a
    belief with its that-clause ("Clinton believes that ..."); what one person "wants" or
    "feels" is not a report of words."""
    text = reader.text
    ts, te, word = toks[i]
    if _inside_quote(reader, ts, quotes) or reader.taken(ts, te) or reader.in_blocked(ts):
        return
    if (i and toks[i - 1][2].lower() in _MODALS) or _FEEL_IDIOM.match(text, te):
        return  # "why officials might feel free to back ...": a supposition, not a reported view
    if i and toks[i - 1][2].lower() in _NOUN_BEFORE:
        return  # "this reeks of the greatest fear that I have ever seen": a noun, no one's stance
    if word.lower() in _HELD_BY_OTHERS and _passive(toks, i):
        # "a charity that prosecutors said was suspected of ...": suspected by no one named
        # here ("politicians are worried that ..." still hold their worry)
        return
    sub = _subject_before(text, toks, i, sent.start)
    if sub is None or _RELATIVE_AUX_END.search(text, sub[0], sub[1]):
        return  # "I (the person who didn't want to be seen)": a relative clause, no one's stance
    if i >= 2 and any(toks[k][2].lower() in _CAUSATIVE for k in range(max(0, i - 3), i - 1)) and all(
            toks[k][2].islower() for k in range(max(0, i - 3), i)) and (
            toks[i - 1][2].endswith("s") or toks[i - 1][2] in _OBJECT_PEOPLE):
        # "one of her e-mails helped officials realize that ...", "made many voters believe":
        # what made them, no one's stance (not "critics who made the case believe")
        return
    vague = _vague_source(text[sub[0]:sub[1]])
    content = _strip_content(text, te, sent.end)
    if content is None:
        return
    if not vague and not _is_anonymous(text[sub[0]:sub[1]]):
        # a named subject's belief, with its clause: "Trump believes that the nominee has earned"
        if (word.lower() in _BELIEF_VERBS and _THAT_CLAUSE.match(content.text)
                and text[sub[0]:sub[1]].lower() not in {"i", "we", "you"}):  # the author's own view
            reader.add("named-stance", "indirect", _span(text, ts, te), _span(text, *sub), content)
        return
    if not _CLAUSE_START.match(content.text) and len(content.text.split()) < 4:
        return
    if _NO_VIEW.match(content.text) and word.lower() in _WISH_FEEL:
        return  # "many businesses want to know", "the rage Democrats felt toward Bush": no view held
    reader.add("vague-stance" if vague else "anonymous-stance", "indirect", _span(text, ts, te),
               _span(text, *sub), content, vague=vague)


def _verb_tokens(text: str, sent: Span, verbs: set, dead=None) -> tuple[list, list[int]]:
    """(tokens, indexes of the tokens whose lower-cased word is one of ``verbs``), in text order.

    Verbs are found with ``str.find`` on the lower-cased sentence and a bisection over the
    token starts, not by lower-casing every token; the sentence is tokenised only up to the
    first blank after the last verb (tokens never hold a blank, so those tokens are the
    same as the whole sentence's). Same indexes as a loop over every token, less those
    for which ``dead(start, end)`` holds (the caller would skip them); with no verb left,
    the sentence is not tokenised at all.
    """
    low = sent.text.lower()
    if len(low) != len(sent.text):  # a character whose lower case is longer: walk the tokens
        toks = _tokens(text, sent.start, sent.end)
        return toks, [i for i, t in enumerate(toks) if t[2].lower() in verbs]
    hits = []
    for verb in verbs:
        pos = low.find(verb)
        while pos >= 0:
            hits.append((pos, verb))
            pos = low.find(verb, pos + 1)
    if dead is not None:
        hits = [(p, v) for p, v in hits if not dead(sent.start + p, sent.start + p + len(v))]
    if not hits:
        return [], []
    last = max(p + len(v) for p, v in hits)
    blank = _BLANK.search(low, last)
    toks = _tokens(text, sent.start, sent.start + (blank.start() if blank else len(low)))
    found = set()
    for pos, verb in hits:
        pos += sent.start
        # (pos,) sorts just before a token starting at pos: the first token from pos on
        k = bisect_left(toks, (pos,))
        if k < len(toks) and toks[k][0] == pos and toks[k][1] - pos == len(verb):
            found.add(k)
    return toks, sorted(found)


_BLANK = re.compile(r"\s")
# a wish or a feeling, not a view: "want(ed) to <verb>", "felt toward/about/for/like ..."
_WISH_FEEL = frozenset("want wants wanted feel feels felt".split())
_NO_VIEW = re.compile(r"(?:to|toward|towards|about|for|like|at|with)\b")
_TO_VERB = re.compile(r"to\s+(?:be\s+)?[a-z]+\b(?!\s+(?:that|whether|if)\b)")
# "said this while addressing a ceremony", "stated this at a news conference": the words
# are the ones before, given again only by "this"
_SAID_THIS_WHERE = re.compile(r"(?:this|these\s+words)\s+(?:while|when|during|at|in|on|after|before|as|today|here)\b")
_BY_A_MEASURE = re.compile(
    # ("according to their instinctive preference"; not "the budget office", "the initial schedule
    # published Thursday": a body, a document)
    r"(?i)(?:(?:your|their|his|her|one's|its)\s+(?:[a-z]+\s+)?|the\s+)?(?:own\b|plan\b|schedule\b|tastes?\b|"
    r"preferences?\b|need\b|needs\b|size\b|instructions\b|directions\b|wishes\b|liking\b|"
    r"details\Z)"  # "According to the details, the accused was arrested": a report's opening, no source
    # "used according to the license described below", "according to the package directions",
    # "exactly according to the way we are supposed to": how a thing is done, no source
    r"|the\s+(?:[a-z]+\s+)?(?:licen[cs]es?|directions|instructions|way)\b"
    r"|age\b")  # "Results vary according to age" (not "according to The Age", a newspaper)


# "saying nothing", "saying nothing about the deal", "saying so": no claim ("saying nothing
# was marked classified" is one)
_SAYS_NOTHING = re.compile(r"(?:nothing(?:\s+(?:at\s+all|more|else|further|about|of|on|to)\b.*)?\.?$|so[ .]|so$)")


# "reported daily to Louis B. Mayer", "reports directly to the chief executive": a post, not a
# report ("reported to regulators that ..." is one: a "that" or a quote after whom keeps it)
_REPORTED_TO_BOSS = re.compile(r"(?:(?:directly|daily|only)\s+)?to\s+(?![^.;:]*\bthat\b)[^\u201c\u201d\"':;]{0,80}$")


# "claimed the nomination", "claiming his third victory", "claimed the coldest temperature",
# "the storm claimed at least 10 lives", "The family claimed Ford's body": a prize, a toll or a
# body taken, not a claim made (PolNeAR labels none of these; "Clinton claimed victory in a
# tweet", with no determiner, it does).
# The words before the noun are no verb, nor is the word after it: "claimed the party lost
# seats" and "claimed the record was falsified" are claims.
_CLAIMED_PRIZE = re.compile(
    r"(?:(?:the|a|an|his|her|their|its|our|your|(?-i:[A-Z])[\w.-]*['\u2019]s)\s+"  # ("it's" is no owner)
    r"(?:(?!(?:will|would|is|was|are|were|has|have|had|can|could|won|lost|did|does)\b)[\w'\u2019-]+\s+){0,2}?"
    r"(?:nomination|prize|title|crown|trophy|medal|championship|cup|victory|win|majority|seat|spot|place"
    r"|record|lead|throne|award|jackpot|pole|temperature|body|bodies|remains)s?"
    r"|(?:(?:the|at\s+least|more\s+than|nearly|almost|over|some|about|another|[\d,]+|\w+teen|\w+ty|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|hundreds|thousands|dozens|millions)\s+){1,3}lives)\b"
    r"(?!\s+(?:was|is|were|are|had|has|have|would|will|could|should|might|may|did|does|shows?|showed)\b)",
    re.IGNORECASE)


# "said little", "said a lot about it", "said very little publicly", "say little to nothing
# about": an amount of talk, no claim
# ("said much of the money was spent", "said more than 100 died" are claims)
_SAID_LITTLE = re.compile(r"(?:very\s+)?(?:little|a\s+lot|much|a\s+great\s+deal)"
                          r"(?:[,.;]|$|\s+(?:about|on|publicly|in\s+public|else|(?:to|or)\s+nothing)\b)")


def _said_little(verb: str, content: str) -> bool:
    """Whether "said"/"says"/"say" tells only how much was said (``_SAID_LITTLE``)."""
    return verb in {"said", "says", "say"} and _SAID_LITTLE.match(content) is not None


# "said no to the plan", "said no more": a refusal; "said no deal was near", "said no one
# came" (a clause after "no") is a claim
_NO_CLAIM = re.compile(
    r"no\s+(?!to\b|more\b|thanks\b|comment\b)(?:[\w'\u2019-]+\s+){0,5}?"
    r"(?:is|was|are|were|will|would|could|should|can|may|might|must|has|had|have|did|does|do|"
    r"[a-z]+ed|came|knew|saw|went|got|took|made)\b")


def _said_no(content: str) -> bool:
    """Content opening with "no" that reports nothing: a refusal."""
    return content.startswith("no ") and not _NO_CLAIM.match(content)


_TRAILING_FUNCTION_WORDS = re.compile(r"(?:\s+(?:of|for|at|in|on|with|from|to|by|the|a|an))+$")


def _np_trimmed(text: str, start: int, end: int) -> int:
    """The end of a subject without the function words the short subject pattern can stop
    on ("A spokesman for" the firm declined, saying ...): "A spokesman"."""
    m = _TRAILING_FUNCTION_WORDS.search(text, start, end)
    return m.start() if m and m.start() > start else end


# a time that opens a sentence without a comma
_TIME_LEAD = re.compile(r"(?:A\s+few|A\s+couple\s+of|Several|Two|Three|Four|Five|Ten)\s+(?:seconds|minutes|hours|days|"
                        r"weeks|months|years)\s+(?:later|earlier|ago),?\s+")


def _sentence_subject(text: str, begin: int, end: int):
    """The subject opening a sentence, after an opening time or phrase ("Hours later,",
    "Inside the arena,", "In a victory speech on Tuesday,", "A few minutes later", "In Ames,
    Iowa, on Sunday,"): a ``_SENTENCE_SUBJECT`` match. None after an opening phrase whose
    subject does not follow it: the phrase's own words are no subject."""
    if lead := _TIME_LEAD.match(text, begin, end):
        begin = lead.end()  # "A few minutes later they ... said": when, then who
    intro = _INTRO_PHRASE.match(text, begin, end)
    opener = _OPENER_COMMA.match(text, begin, end) or intro or _PARTICIPLE_OPENER.match(text, begin, end)
    if opener:
        after = opener.end()
        while tail := _opener_tail(text, after, end):
            after = tail.end()  # "At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried"
        m = _SENTENCE_SUBJECT.match(text, after, end)
        if m:
            return _longer_subject(text, m, end)
        if opener is intro:
            return None  # "Alongside BLM calls for action, even a top GOP strategist said": no opener's words
    m = _SENTENCE_SUBJECT.match(text, begin, end)
    return _longer_subject(text, m, end) if m else None


def _longer_subject(text: str, m, end: int):
    """A sentence subject cut short at its first lower-case word, run on: an opening role to
    its name ("Former Pennsylvania governor Ed Rendell"), a nationality, party or possessive
    over the nouns after it ("The Russian space agency", "Ryan's campaign")."""
    np = m.group("np")
    if np.split(None, 1)[0] in _ROLE_OPENERS:
        # "Former prosecutor and New York City Mayor Rudy Giuliani, who backs Trump, trashed ...,
        # calling": the role runs on to the name ("Former" alone was the speaker)
        return _ROLE_THEN_NAME.match(text, m.start("np"), end) or m
    if np.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        if np[:-2].rsplit(None, 1)[-1].lower() in _NOT_OWNERS:
            return m  # "He's comparing", "It's become": a contraction, no possessive
    elif not ((np.count(" ") == 1 and _DEMONYM_END.search(np))
              or ((place := _ARTICLE_PLACE.fullmatch(np)) and is_state(place.group("place")))):
        return m  # ("A New York judge has rejected": the place runs on over its noun too)
    # ("One of Grayson's former supporters ... wrote": a possessive runs on over its noun too)
    longer = _DEMONYM_NP.match(text, m.start("np"), end)
    return longer or m


_ROLE_OPENERS = frozenset("Former Retired Longtime Veteran".split())
# an opening role, then the first full name after it (before a comma, a bracket or a verb)
_ROLE_THEN_NAME = re.compile(r"(?P<np>[A-Z][a-z]+\s+(?:[\w.'\u2019-]+\s+){0,6}?[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+)"
                             r"(?=\s*(?:,|\(|\s[a-z]))")
_NOT_OWNERS = frozenset("he she it that there what who here let where how".split())
_DEMONYM_END = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+(?:Republican|Democratic|GOP|[A-Z][a-z]+(?:an|ese|ish|ch|i))$")
_ARTICLE_PLACE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")  # "A New York", "The Florida"
# the nouns after it: lower-case words, up to a verb (an auxiliary, a past form) or a preposition
_DEMONYM_NP = re.compile(
    r"(?P<np>(?:(?:[Aa]n?|[Tt]he)\s+[A-Z][\w-]*(?:\s+[A-Z][a-z]+){0,2}|(?:[Oo]ne\s+of\s+(?:the\s+)?)?[A-Z][\w.-]*(?:[\u2019']s|s[\u2019']))(?:\s+(?!(?:would|will|has|had|have|is|was|are|were|said|says|did|does"
    r"|could|can|may|might|should|must|also|then|not|who|which|that|of|in|on|at|for|to|from|by|with|and|or"
    r"|went|told|made|took|gave|got|ran|came|wrote|spoke|saw|knew|thought|found|began|left|put|kept|held"
    r"|brought|sent|paid|met|won|lost|sought|fought|taught|bought|became|felt|heard|stood|led"
    r"|runs|sees|makes|takes|gets|keeps|holds|wants)\b)"
    r"(?![a-z]+ed\b)[a-z][\w-]*){1,3}"
    r"(?:\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})?)(?=\s+[a-z])")  # "... investment giant CITIC runs"


# "Thanking the community for supporting him, he sounded ...", "Reached last week in a brief
# phone call, Bennett declined ...": a participle phrase opens it
_PARTICIPLE_OPENER = re.compile(r"(?:[A-Z][a-z]+ing|Reached|Asked|Contacted|Pressed|Interviewed|Questioned|Approached"
                                r"|Confronted|Challenged)\b[^,;:\u201c\u201d\"\n]{0,80},\s+")


_TO_THE_POLICE = re.compile(r"(?:the|a|an|it|this|that)\b[^,;.]{0,50}?\bto\s+(?:the\s+)?(?:local\s+)?"
                            r"(?:police|authorities|FBI|sheriff)\b")
# What is written may be a thing ("wrote a memoir", "wrote handbooks for ..."): a write verb
# reports a claim with a clause or a quote, if need be after whom or where it was written for
# ("wrote to Sanders' Senate office that ...", "wrote for The Washington Informer that ...",
# "wrote in both listings he was ...", "wrote of Ms. Merkel: ''...''", "wrote the local
# newspaper, The Perry Chief, that ..."); "wrote about" is a topic.
_WRITE_VERBS = frozenset(("wrote", "writes", "write", "writing"))
_WRITTEN_CLAIM = re.compile(r"(?:(?:to|for|in|on|of|back)\b[^;\n\u201c\u201d\"]{0,90}?)?"
                            r"(?:\bthat\b|\s*[:\u201c\"]|\s*''|\s(?:he|she|they|it|we|I)\s)"
                            r"|[^;\n\u201c\u201d\"]{0,60}?,\s+that\b")  # "wrote the local newspaper, The Perry Chief, that"


def _thing_written(low: str, content: str) -> bool:
    """Whether a write verb's object is a work or a letter, not what it says (see above)."""
    return low in _WRITE_VERBS and (_WORK_WRITTEN.match(content) is not None or _BOOK_WRITTEN.match(content) is not None
                                    or not _CLAUSE_START.match(content) and not _WRITTEN_CLAIM.match(content))


# "wrote his dissertation on the failures of ...", "wrote a book that inspired the documentary":
# a work, which ``_CLAUSE_START`` takes for a subject ("a book that inspired"); not "wrote a
# book arguing that ..." nor "wrote a letter ..." (a letter's words are often what it said)
_BOOK_WRITTEN = re.compile(r"(?:the|a|an|his|her|their|its|one|two|three|several)\s+(?:[a-z-]+\s+){0,2}"
                           r"(?:books?|dissertation|thesis|novels?|memoirs?|plays?|screenplays?|songs?|scripts?"
                           r"|constitution|biography|autobiography|poems?|textbooks?"
                           r"|programs?|software|code|algorithms?|apps?)\b"  # "wrote the specific programs that"
                           r"(?![^,;:.]{0,40}?\b(?:saying|arguing|claiming|contending|asserting|warning|in\s+which)\b)")


# "wrote the powerful speech delivered by ...": a work named, which another's participle
# follows (not "wrote a letter congratulating organizers", which says what the letter did)
_WORK_WRITTEN = re.compile(_WORK_AFTER.pattern + r"\s+[a-z]+ed\s+by\b")


def _coordinated(reader: _Reader, sent: Span, toks, i: int, te: int) -> bool:
    """Rule coordinated-said: "Carson admitted the name was wrong, but said his campaign ...".

    A verb after "and"/"but" shares the sentence's subject: the source of an earlier
    attribution in the sentence, else the subject opening the sentence.
    """
    text = reader.text
    ts, _, word = toks[i]  # (``te``: the cue's end, past "out" of "pointed out", "clear" of "made clear")
    low = word.lower()
    found = _coordinated_subject(reader, sent, toks, i)
    src = _span(text, *found) if found else None
    if src is None:
        return False
    pos, obj = _after_cue(text, te, sent.end, low)
    content = _strip_content(text, pos, sent.end)
    if content is None or content.text.startswith(("to ", "about ", "of ", "for ", "so ", "nothing", "with ", "by ", "from ", "into ")):
        return False
    if _said_no(content.text) or _said_little(low, content.text):
        return False
    if _object_not_report(low, content.text) or _thing_written(low, content.text):
        return False
    if low in _ADD_VERBS and _ADDED_THING.match(content.text):
        return False  # "... and adds them to the blocklist"
    if len(content.text.split()) < 3 and content.text[:1] not in "\u201c\u2018\"'":
        return False  # "Browns' defensive snap counts, stats, and notes: Week 11": a list of nouns
    kind = "direct-quote" if content.text[:1] in "\u201c\"" else "indirect"
    told = _told_via(reader, obj)  # "... but told The Huffington Post that ...": a relay
    reader.add("coordinated-said", kind, _span(text, ts, te), src, content, (told,) if told else ())
    return True


def _coordinated_subject(reader: _Reader, sent: Span, toks, i: int) -> tuple[int, int] | None:
    """The subject a verb after "and"/"but" shares (offsets): the source of an earlier
    attribution in the sentence, else the subject opening the sentence."""
    text = reader.text
    ts = toks[i][0]
    j = i - 1
    while j > 0 and toks[j][2].lower() in AUX:
        j -= 1
    j = max(_time_before(toks, j), 0)  # "but on Tuesday wrote"
    if toks[j][2].lower() not in {"and", "but"} or _inside_quote(reader, ts, reader.quoted):
        return None
    if _QUOTE_MARKS.search(text, toks[j][1], ts):
        return None
    if j >= 2 and toks[j - 2][2].lower() in PRONOUNS and _PAST.match(toks[j - 1][2]) and (
            not text[toks[j - 2][1]:toks[j - 1][0]].strip() and not text[toks[j - 1][1]:toks[j][0]].strip()):
        return toks[j - 2][0], toks[j - 2][1]  # "..., he laughed and said": that clause's subject
    earlier = [a for a in reader.out if sent.start <= a.cue.start < ts and a.source is not None]
    if earlier:
        return earlier[-1].source.start, earlier[-1].source.end
    begin = _after_dateline(reader, sent.start, ts)
    m = _sentence_subject(text, begin, toks[j][0])
    if m and _NEW_CLAUSE.search(text, m.end("np"), toks[j][0]):
        return None  # "X signed an order, while Mike Huckabee ... proposed ... and said": not X
    if m and m.group("np").lower() in AUX:
        return None  # "Does the candidate ... get tired and say the wrong thing?": a question's verb
    if m and m.group("np").lower() in _BARE_CROWD:
        group = _GROUP_AFTER.match(text, m.end("np"), toks[j][0])
        if group:  # "Some voters backed him and said": the voters, not "Some"
            return m.start("np"), group.end()
    if m and m.group("np").endswith(("'s", "\u2019s", "s'", "s\u2019")):
        m = _longer_subject(text, m, toks[j][0])  # "Sanders' campaign launched ... and announced"
        np = m.group("np")
        if np.endswith(("'", "\u2019")) or (np.endswith(("'s", "\u2019s"))
                                            and np[:-2].rsplit(None, 1)[-1].lower() not in _NOT_OWNERS):
            return None  # "Browns' defensive snap counts, stats, and notes: Week 11": an owner, no subject
    return (m.start("np"), m.end("np")) if m else None


_BARE_CROWD = frozenset("some many most several few".split())
_GROUP_AFTER = re.compile(r"\s+(?:%s)\b" % "|".join(sorted(GROUP_NOUNS)))
_NEW_CLAUSE = re.compile(r",\s+(?:while|whereas|although|though|but|as|when)\s+[A-Z]")


def _may_be_vague(words: set) -> bool:
    """Whether a sentence holds the words ``VAGUE_PHRASES`` needs (a necessary condition)."""
    return ("reports" in words or "reportedly" in words or "rumors" in words or "rumours" in words
            or ("it" in words and not words.isdisjoint(("is", "was", "been")) and not words.isdisjoint(_VAGUE_PARTICIPLES))
            or (not words.isdisjoint(("some", "many")) and not words.isdisjoint(("say", "believe", "claim")))
            or ("by" in words and not words.isdisjoint(_BY_WHOM)) or not words.isdisjoint(_WIDELY))


_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:who|whom|which)\b")
_MADE_CLEAR = re.compile(r"\s+(?:it\s+)?(?:very\s+|abundantly\s+|perfectly\s+)?clear\b(?!\s+(?:of|to|the|a|an|his|her|their|its)\b)")
_MODAL_BE_BEFORE = re.compile(r"\b(?:can|could|would|might|may|should|must)\s+(?:not\s+)?be\s+$")
_BY_WHOM = frozenset("some many most critics others".split())  # "seen by some as": see VAGUE_PHRASES
_WIDELY = frozenset("widely generally commonly".split())


# A past-tense verb and its object inside a would-be subject: a clause ("used the technique")
_VERB_THEN_OBJECT = re.compile(r"\b(?:[a-z]+ed|to\s+[a-z]+)\s+(?:the|a|an|his|her|their|its|this|that)\s")
_RELATIVE = re.compile(r"\b(?:who|which|that)\b")
_SO_BEFORE = re.compile(r"(?i)\bso[\s-]$")  # "the so called ...", not "also called"


# An opening phrase goes on past its first comma when what comes before the next one is the
# place's state or the day ("At the town hall in Hudson, New Hampshire Monday, the supporter
# retorted", "At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried"), and a day with
# where opens a sentence ("Tuesday in New York City, ...")
_DAY = rf"{WEEKDAY_PATTERN}(?:\s+(?:morning|afternoon|evening|night))?"  # "Tuesday night"
_OPENER_TAIL = re.compile(rf"(?:(?P<state>[A-Z][\w.]*(?:\s+(?!{WEEKDAY_PATTERN}\b)[A-Z][\w.]*){{0,2}})"
                          rf"(?:\s+(?:on\s+)?{_DAY})?|(?:on\s+)?{_DAY}),\s+")
_DAY_OPENING = re.compile(rf"{_DAY}(?:\s+(?:in|at|on)\s+[^,]*)?,")


def _opener_tail(text: str, start: int = 0, end: int | None = None):
    """The ``_OPENER_TAIL`` match at ``start``, if its capitalised words are a state."""
    tail = _OPENER_TAIL.match(text, start, len(text) if end is None else end)
    return tail if tail and (tail.group("state") is None or is_state(tail.group("state"))) else None


def _appositive(text: str, start: int, end: int):
    """A ``_APPOSITIVE`` match for the subject ``text[start:end]`` ("Marley Anderson, 21, a
    junior from Las Vegas,"), after an opening time ("Friday, Texas, leading 13 states,")."""
    opener = _OPENER_COMMA.match(text, start, end)
    begin = opener.end() if opener else start
    # the pattern's phrase holds a comma ("Name, ..."): without one it cannot match
    m = _APPOSITIVE.match(text, begin, end) if text.find(",", begin, end) >= 0 else None
    if m is not None and ((m.start("np") > begin and _opener_tail(m.group("np")))
                          or _DAY_OPENING.match(m.group("np"))):
        # "At the town hall in Hudson, New Hampshire Monday, the supporter retorted",
        # "Tuesday in New York City, while on the trail, former president Bill Clinton said"
        return None
    return m


# "a deal announced on Monday": a thing, so a reduced passive, not a speaker
_THING_SUBJECT = re.compile(
    r"(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|move|decision|plan|change|step|merger|acquisition|purchase|"
    r"sale|law|bill|measure|rule|policy|program|programme|project|proposal|settlement|partnership|investment|"
    r"transaction|contract|cut|hike|increase|decrease|rise|drop|figure|total|amount|product|feature|update|"
    r"service|model|version|device|tariff|ban|fine|penalty|sanction|deadline|date|price|budget)s?", re.I)
_INVERTED_AUX = re.compile(r"\b(?:did|does|do|will|would|can|could|should)\s+\Z", re.I)  # "How did he ..."
_TOLD_A_TALE = re.compile(r"(?:the\s+truth|a\s+lie|lies|jokes|a\s+joke|the\s+time|the\s+difference)\b")
# "His book tells the story of a family": a work's narrative, no claim (a person's "told the
# story of" is their account)
_A_STORY = re.compile(r"(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:story|stories|tale|tales)\s+(?:of|about)\b")
_WORKS = frozenset("book books film films movie documentary novel memoir play musical show series exhibition album song".split())
# "She said goodbye to her colleagues": a greeting or a rite, nothing reported
_SAID_A_WORD = re.compile(r"(?:goodbye|good-bye|goodbyes|farewell|hello|thanks|thank\s+you|grace|a\s+prayer|"
                          r"(?:a|his|her|their)\s+(?:final\s+|last\s+)?(?:goodbyes?|farewells?|prayers?)|amen)\b")
# "They argued for hours about the bill": a quarrel, no claim
# (but "Experts have argued over why": a question debated, whose answers the text goes on to give)
_OVER_WHY = re.compile(r"(?:about|over)\s+(?:why|whether|how|what|who)\b")
_ARGUED_AWHILE = ("about ", "over ", "with ", "for hours", "for days", "for weeks", "for months", "for years",
                  "back and forth")
_CASES_ARGUED = re.compile(r"(?:(?:a\s+number\s+of|several|many|dozens\s+of|\w+)\s+)?cases\b|(?:the|a|his|her|their)\s+case\s+(?:before|in)\b")
_PRODUCT_SHOWN = re.compile(
    r"(?:the|its|their|his|her|a|an)\s+(?:[\w.'\u2019-]+\s+){0,6}?(?:model|version|car|concept|convertible|coupe|"
    r"sedan|suv|truck|phone|smartphone|device|laptop|tablet|console|product|lineup|line-up|range|design|"
    r"prototype|collection|edition|album|single|trailer|logo|cover|look)s?\b(?!\s+(?:that|is|was|will|would)\b)", re.I)
_LET_IN = re.compile(r"\d|(?:more|fewer|less|about|some|nearly|almost|over|around|up\s+to|at\s+least|"
                     r"to\s+(?:the\s+|a\s+)?(?:hospital|school|college|university|bar|ICU|intensive\s+care))\b")
# "said about half of ...": an amount, not a topic
_ABOUT_AMOUNT = re.compile(r"about\s+(?:\$?\d|half|a\s+(?:third|quarter|fifth|dozen)|one|two|three|four|five|"
                           r"six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s+(?:hundred|thousand|million))")
# "citing an anonymous source, reported ...": the cited source of a report (a relay)
_THEN_REPORTED = re.compile(r",\s+(?:said|says|reported|reports|wrote|writes|told|tells|added|claimed)\b")
# (after a restrictive "who" clause no comma comes: "a source who said he was close to the
# talks told Reuters"; the word before the verb is no subject or auxiliary of it)
_THEN_REPORTED_BARE = re.compile(
    r"(?<=[a-z])(?<!\bhe)(?<!\bshe)(?<!\bthey)(?<!\bwe)(?<!\bit)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)(?<!\bis)"
    r"(?<!\bare)(?<!\bhad)(?<!\bhas)(?<!\bhave)(?<!\band)(?<!\bor)(?<!\bbut)(?<!\bwho)(?<!\bthat)(?<!\bI)"
    r"\s+(?:said|says|say|told|tells)\b")
_CLAIM_TO = re.compile(r"\s+(?:to(?!\s+(?:have|be|being)\b)|on|over)\b")  # "the Party's claim to a divine right" (not "North Korea's claim that")
_DEGREE = frozenset("most more very particularly especially quite equally less so".split())
_BE = frozenset("is are was were be been being".split())
_TELLING_ADJ_AFTER = re.compile(r"\s*(?:[.,;:!?]|in\b|about\b|of\b|$)")
_SAY_NOUN_AFTER = re.compile(r"\s+(?:in|over|on)\b")
_BEFORE_NOUN_SAY = frozenset("a the no any more larger bigger greater final little much real equal "
                             "their his her its our your my".split())
# Participles read only after a comma or dash (the participle rule) or an auxiliary ("is
# declaring"): with a bare noun before them the subject walk runs into other clauses
_BARE_PARTICIPLES = frozenset("""declaring stating announcing acknowledging admitting insisting contending
asserting stressing emphasizing emphasising reiterating predicting conceding confirming denying revealing alleging
mentioning remarking tweeting""".split())
# Participles as likely to take a thing as a claim ("revealing the same silver eyes",
# "mentioning the fact that ..."): read only before "that", a quote or a clause with a verb
_OBJECT_PARTICIPLES = frozenset("""asserting stressing emphasizing emphasising reiterating predicting conceding confirming
denying revealing alleging mentioning tweeting""".split())
_THAT_OR_QUOTE = re.compile(r"that\b|[\u201c\"]|''")


def _object_not_report(verb: str, content: str) -> bool:
    """Whether a verb that reports only with a clause after it ("maintains", "underscored")
    has an object there instead: "maintains a commanding lock", "highlighted the risks"."""
    if verb in AMBIGUOUS_VERBS:
        return not _CLAUSE_START.match(content)
    return verb in THAT_CLAUSE_VERBS and not _THAT_OR_QUOTE.match(content)


def _bare_clause(content: str) -> bool:
    """A claim with no "that" and a subject ``_CLAUSE_START`` does not know ("arguing such
    legislation could expose ..."): a finite verb within its first eight words, and no
    preposition first ("arguing with the host on how it should be ...")."""
    words = content.split(None, 8)
    return bool(words) and words[0].lower() not in _NOT_CLAUSE_OPENERS and _FINITE.search(" ".join(words[:8])) is not None


_NOT_CLAUSE_OPENERS = _PREPOSITIONS | {"to", "with", "about", "for", "against", "how", "why", "what", "whether"}
_PARTICIPLE_GAP = re.compile(r",|\s[\u2013\u2014]\s|\s--\s")  # "flipped his choice on the spot \u2013 saying"
# The verbs a subject and a long aside may precede: the usual ones of a report (not "added":
# "The sound system, cycling through ..., added Latin hits")
_SAID_FORMS = frozenset("said says say told tells wrote writes argued noted reported announced".split())
_NOT_OPENERS = frozenset("""When If As After Before While Although Because Since Though With In On At For
From During Despite Amid Asked Like Unlike Instead Under Over Through Without Unless Until Once Given
Besides Beyond Following Including According Still Yet But And So Then Now Meanwhile However Also Last
This That These Those There Here It Its""".split())
_ASIDE_STOP = re.compile(r"[;:()]|''")
# The last subordinate clause's opening inside a would-be subject: the speaker is after it.
_INNER_CLAUSE = re.compile(
    r".*\s(?:after|before|because|when|while|since|although|though|if|until|unless|whether|where)\s+(?=\S)")
_LEADING_QUOTE = re.compile(r"(?:\u201c[^\u201c\u201d\n]*\u201d|\"[^\"\n]*\"|''[^\n]*?'')\s+")
_ASIDE_QUOTE = re.compile(r"[\u201c\u201d\"]")
_LEAD_PHRASE = re.compile(r"(?:(?:And|But|Yet|So),?\s+|(?:For now|By then|Until now|So far|Still|Now),\s+"
                          r"|(?:however|meanwhile),\s+)(?=\S)")  # (after an opener: "On Wednesday, however, ...")


# (nor is a clause: "..., James B. Comey, said that online communications ... by Ms. Malik")
_TOPIC_OPENERS = _PREPOSITIONS | {"about", "of", "to", "whether", "that"}


def _inverted_speaker(text: str, te: int, end: int):
    """The speaker after a verb that ends a claim ("..., said the official", "..., says
    certified financial planner Eric Roberge"): an ``_INVERTED_SPEAKER`` match, or None."""
    m = _INVERTED_SPEAKER.match(text[te:end])
    if m is None or _FINITE.search(m.group("np")):
        return None  # "..., said Fiorina was involved": a clause, not a speaker
    np = m.group("np")
    if np.split()[0] in _TOPIC_OPENERS:
        return None  # "Mr. Trump, asked about the deaths of ... Mr. Putin, had said": a topic
    if np.strip()[:1].isupper() or np.split()[0].lower() in DETERMINERS or _role_then_name(np):
        return m
    return None


def _long_appositive(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Rule speaker-appositive-said, for the asides ``_APPOSITIVE`` does not know: "Clinton,
    35, the daughter of Bill and Hillary Clinton, said", "Several candidates, including
    Trump, said", "Mary Susan, clad in a red cape, said". The subject is the sentence's
    noun phrase up to its first comma, and the aside runs from there to a comma just
    before the verb; the span holds both, as an appositive's does."""
    close = text[start:end].rstrip()
    if close.endswith((",\u201d", ',"')):  # 'Humphrey, who calls Trump a “sociopath,” said'
        last, after = start + len(close) - 2, start + len(close)
    elif close.endswith(","):
        last = after = start + len(close) - 1
    else:
        return None
    opener = _OPENER_COMMA.match(text, start, end) or _INTRO_PHRASE.match(text, start, end)
    begin = opener.end() if opener else start
    lead = _LEAD_PHRASE.match(text, begin, end)  # "And a third, ...", "For now, Pantucci, ..."
    if lead:
        begin = lead.end()
    quote = _LEADING_QUOTE.match(text, begin, end)  # '“He deserved it,” the assailant, John McGraw, told'
    if quote:
        begin = quote.end()
    dash = max(text.rfind(" \u2014 ", begin, end), text.rfind(" \u2013 ", begin, end), text.rfind(" -- ", begin, end))
    if dash >= 0 and text.find(",", begin, end) > dash:  # "It was no accident — Brendan Buck, a spokesman, told"
        begin = text.index(" ", dash + 2) + 1
    comma = text.find(",", begin, end)
    if comma < 0 or comma >= last or last - comma > 200 or _ASIDE_STOP.search(text, begin, last):
        return None
    inner = _INNER_CLAUSE.search(text, begin, comma)
    if inner:  # "The dispute started after a woman in Worcester, Massachusetts, told": the woman
        begin = inner.end()
    quotes = _ASIDE_QUOTE.findall(text, comma, after)  # a title or a word quoted in the aside
    if quotes.count("\u201c") != quotes.count("\u201d") or quotes.count('"') % 2:
        return None
    np = text[begin:comma]
    words = np.split()
    if not 1 <= len(words) <= 8 or _FINITE.search(np) or "\n" in np:
        return None
    first = words[0]
    if not (first[:1].isupper() or first.lower() in DETERMINERS or first.lower() in QUANTIFIERS):
        return None
    if first.lower() in CLAUSE_WORDS or first in _NOT_OPENERS:
        return None  # "When ...,", "If ...,": a clause opens the sentence
    if not SPEECH_VERBS.isdisjoint(w.lower() for w in words):
        return None  # "Kiedis said his band and Brian Burton, AKA Danger Mouse, wrote ..."
    return begin, after if after > last + 1 else last


def _called_object(between: str) -> bool:
    """Whether the words between "called" and a quote lead to it as what was called: none,
    a name ("called Clinton an ISIS “co-founder”"), a name and an aside ("called Valeant's
    chief executive, J. Michael Pearson, ''incredibly driven''", "called them in an article
    last week, ''Manchurian anchors''"). Not a clause or a participle after a comma ("she
    called the group the Reckoning Crew, Scott told “CBS This Morning”", "called Democratic
    bigwigs to the stage, singing “...”")."""
    if ";" in between:
        return False
    commas = between.count(",")
    if not commas:
        return True
    parts = between.split(",")
    tail = parts[-1].split()
    if commas == 1:
        return not tail
    aside = parts[1].split()  # (not "a firm called Gavekal, argues that as ... deepen, “...”")
    return (commas == 2 and len(tail) <= 2 and not any(w.endswith("ing") for w in tail)
            and len(aside) <= 8 and _RELATIVE_WORDS.isdisjoint(aside))


def _characterize(reader: _Reader, sent: Span, toks, i: int, quotes) -> None:
    """Rule called-quote: "Graham called both candidates “crazy”"; "she described the plan as ..."."""
    text = reader.text
    ts, te, word = toks[i]
    low = word.lower()
    if _inside_quote(reader, ts, quotes) or reader.taken(ts, te) or reader.in_blocked(ts):
        return
    if _CALLED_PARTICLE.match(text[te:te + 12]):
        return  # "called for", "called on": a demand or a visit, not a characterisation
    if low == "called" and _SO_BEFORE.search(text, max(0, ts - 4), ts):
        return  # "the so called “Implementation Initiative”": a name given, no one's judgment
    if not low.endswith("ing") and _passive(toks, i):
        return  # "Oz has been called a charlatan": the subject is the one called
    sub = _subject_before(text, toks, i, sent.start)
    if sub is None and low.endswith("ing") and i and "," in text[toks[i - 1][1]:ts]:
        m = _sentence_subject(text, sent.start, ts)
        sub = (m.start("np"), m.end("np")) if m else None
    if sub is None and i and not low.endswith("ing"):  # (a participle's subject is the sentence's)
        # "Trump, who ..., on Friday described": the name before the aside
        m = _appositive(text, sent.start, _skip_aux_back(text, toks, i))
        sub = (m.start("np"), m.end("np")) if m else _coordinated_subject(reader, sent, toks, i)
    if sub is None or text[sub[0]:sub[1]].lower() in {"who", "which", "that", "what"}:
        return
    clause = _VERB_THEN_OBJECT.search(text, sub[0], sub[1])
    if clause and not _RELATIVE.search(text, sub[0], clause.start()):
        # "the researchers used the technique called “...”": a name given, not a judgment
        # (unlike "Viguerie, who masterminded the use of ..., called her “...”")
        return
    if low.startswith("descri"):
        end = _NP_END.search(text, te, sent.end)
        content = _strip_content(text, te, end.start() if end and end.group(0) != "that" else sent.end)
    else:
        q = [(s, e) for s, e in quotes if te < s < te + 120 and e <= sent.end + 1]
        if not q or not _called_object(text[te:q[0][0]]):
            return
        content = _strip_content(text, te, q[0][1])
    if content is not None:
        reader.add("called-quote", "indirect", _span(text, ts, te), _span(text, *sub), content)


def _np_end(text: str, start: int, limit: int) -> int:
    """End of the noun phrase after "according to": the next comma, stop or clause."""
    m = _NP_END.search(text, start, limit)
    return m.start() if m else limit
