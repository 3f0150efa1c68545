"""The outlets a claim passed through that the rule which read it did not name, found once
every speaker is resolved: the outlet a source spoke on or to, named beside the report ("In
an interview with The New York Times, Smith said"), one that carried it ("..., in comments
carried by KCNA"), and one whose report holds the attribution ("Officials said ..., Reuters
reported"; "..., according to local media reports", whose outlets go unnamed). Each joins
the attribution's ``via``, so the chain reads source → outlet → page. An outlet that carried
the words and says more in a clause of its own ("..., carried by state broadcaster RTS, which
said ...") is the speaker of that clause (rule carried-which-said).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Attribution, Span
from ..outlets import meant, mistaken
from .reader import _CARRIED_STATEMENT, _OWN_WORDS
from .speakers import _speaker_name
from .vocabulary import OBTAINED_BY, PRONOUNS, QUOTED_BY_PHRASE, UNNAMED_MEDIA


def through_outlets(text: str, reader, starts: list[int], registry) -> list[Attribution]:
    """``reader.out`` with the relays of ``_obtained_by``, ``_on_a_medium`` and
    ``_relayed_inside`` added, and a speaker's own voice made one with them (``_one_voice``);
    ``starts`` are the text's sentence starts."""
    atts = _carried_next(text, reader, starts, _on_a_medium(text, reader, starts, _obtained_by(reader)))
    return _one_voice(text, _relayed_inside(text, atts, registry), starts)


# A document an outlet obtained, reviewed or carried reaches the page through it: "according
# to Senate records reviewed by The Associated Press", "emails obtained by The Washington
# Post", "A statement carried by the official IRNA news agency said" ("a statement issued by the
# ministry and carried by IRNA": the ministry's, through IRNA); so does a source an
# outlet quoted: "Iran's Tasnim news agency, quoted by Reuters, said"
_OBTAINED_BY = re.compile(
    rf"(?P<doc>.+?)(?:(?:,?\s+and)?\s+{OBTAINED_BY}\s+(?P<outlet>(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[A-Z].*)"
    rf"|,?\s+(?P<quoted>(?:as\s+)?{QUOTED_BY_PHRASE})\s+"
    r"(?P<quoter>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*"
    r"(?:\s+(?:news|agency|newspaper|daily|broadcaster|network|channel|television|radio|website|magazine|wire|service)){0,2}"
    r"|the\s+[a-z]+),?)")


def _obtained_by(reader) -> list[Attribution]:
    out = []
    for a in reader.out:
        phrase = a.source.text.strip() if a.source is not None and a.speaker else ""
        m = _OBTAINED_BY.fullmatch(phrase) if " by " in phrase else None
        known = reader.outlet(m.group("outlet") or m.group("quoter")) if m else None
        if known is not None and known.name not in a.via:
            # (a person's own words, "his remarks carried by IRNA": whom the reader found "his"
            # names; "The statement, carried by IRNA": its maker, as the reader found it)
            own = _OWN_WORDS.fullmatch(m.group("doc").rstrip(" ,")) or _CARRIED_STATEMENT.fullmatch(phrase)
            speaker = a.speaker if own else _common_noun(_speaker_name(m.group("doc")))
            a = Attribution(a.cue, a.kind, a.source, a.content, speaker,
                            (*a.via, known.name), a.anonymous, a.vague, a.rule)
        elif m and m.group("quoted") and a.speaker.endswith(m.group("quoter")):
            # "A source quoted by the newspaper said": the source, whoever quoted it
            a = Attribution(a.cue, a.kind, a.source, a.content, _speaker_name(m.group("doc")),
                            a.via, a.anonymous, a.vague, a.rule)
        out.append(a)
    return out


# the words themselves, capitalised only as a sentence's first: "Comments carried by IRNA showed"
_CAPITALISED_WORDS = frozenset(("Comments", "Remarks", "Statement", "Statements"))


def _common_noun(name: str) -> str:
    """``name``, or the carried words it is in lower case ("Comments" -> "comments"), as
    "..., comments carried by IRNA showed" names them mid-sentence."""
    return name.lower() if name in _CAPITALISED_WORDS else name


# The outlet a source spoke on or through, named beside the report: "In an interview with The
# New York Times, ...", "Speaking to the BBC, ...", "In comments to Reuters", "Asked by CNN",
# "in response to questions from Reuters", "said on CNN's State of the Union", "in an interview
# aired Sunday on CBS", "appearing on Fox News Sunday", "wrote in The Washington Post"
_MEDIUM = re.compile(
    r"\b(?:(?:[Ii]nterviews?|[Cc]onversation|[Cc]omments|[Rr]emarks|[Ss]tatement|[Ee]-?mail|[Ll]etter|[Mm]essage"
    r"|[Ss]peaking|[Tt]alking|spoke)\s+(?:with|to)"
    r"|(?:[Aa]sked|[Qq]uestioned|[Cc]ontacted|[Rr]eached)\s+by|[Qq]uestions\s+from"
    r"|(?:said|says|saying|told|tells|appearing|appeared|speaking|(?:aired|broadcast)(?:\s+[A-Z]\w+day)?)\s+on"
    # "confirmed the news to People magazine", "explained to CBS"
    r"|(?:said|confirmed|revealed|admitted|explained|disclosed|acknowledged|insisted|denied|stressed)"
    r"(?:\s+(?:the|this|that|it|his|her|their|its)(?:\s+[\w-]+){0,2})?\s+to"
    # "In a statement carried by IRNA, the ministry said"
    r"|(?:[Ss]tatement|[Cc]omments|[Rr]emarks|[Mm]essage|[Ll]etter),?\s+(?:carried|broadcast|aired|relayed)\s+by"
    r"|(?:wrote|writes|writing)\s+(?:in|for)"
    # "in an op-ed published Sunday in The New York Times"
    r"|(?:op-ed|column|essay)(?:\s+(?:published|posted|that\s+ran)(?:\s+(?:on\s+)?[A-Z]\w+day)?)?\s+(?:in|for|by))"
    # (after what it is: "in an interview with public broadcaster NHK", "told the German newspaper Bild")
    r"\s+(?P<outlet>(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){1,3}(?=[A-Z]))?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})")


# an outlet's name after "carried by" and the like, with up to four words describing it first
# ("state news agency KCNA")
_CARRIER = r"(?P<outlet>(?:[\w-]+\s+){0,4}?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
# ... and one that carried it, closing what was said: "Kim said the plan would fail, in
# comments carried by state news agency KCNA"; "The minister said ..., reports Dawn"; or
# before a clause of the outlet's own: "..., carried by state broadcaster RTS, which said"
_CARRIED_TAIL = re.compile(
    r",\s*(?:as\s+)?(?:in\s+(?:a\s+|an\s+)?(?:comments|remarks|statement|interview|speech|message)\s+)?"
    r"(?:(?:carried|published|broadcast|aired|quoted|cited|reported)\s+by|reports|reported|writes|wrote)\s+"
    + _CARRIER + r"(?:\s*$|(?=,\s+which\s))")


# ... whose own clause says something of its own: "..., carried by state broadcaster RTS, which
# said the decision was final" (the outlet's claim, read here: the speaker's rule took the
# whole tail as its content)
_WHICH_SAID = re.compile(r",\s+which\s+(?:also\s+)?(?P<cue>said|says|reported|reports|added|wrote|writes)\s+(?=\S)")


def _which_said(text: str, a: Attribution, tail: re.Match, name: str) -> Attribution | None:
    """The outlet's own claim after the carried-by tail ``tail`` of ``a``'s content, said by
    ``name``; None when no "which said" follows the outlet."""
    said = _WHICH_SAID.match(a.content.text, tail.end())
    claim = a.content.text[said.end():].rstrip(" ,;.") if said else ""
    if not claim:
        return None
    at = a.content.start
    return Attribution(Span.of(text, at + said.start("cue"), at + said.end("cue")), "indirect",
                       Span.of(text, at + tail.start("outlet"), at + tail.end("outlet")),
                       Span.of(text, at + said.end(), at + said.end() + len(claim)), name, rule="carried-which-said")


def _on_a_medium(text: str, reader, starts: list[int], atts: list[Attribution]) -> list[Attribution]:
    """Each attribution with the outlet it was said on or to, when its sentence names one
    beside the report (outside what was said): that outlet relays it, as "told Reuters" does."""
    out = []
    for a in atts:
        # (not one told to an outlet already: "In an interview with Fox News, Trump responded
        # to a claim that he told The New York Times ...")
        if a.content is not None and a.speaker and not a.vague and not a.via and a.kind not in {"relay", "credit"}:
            k = bisect_right(starts, a.cue.start) - 1
            start = starts[k] if k >= 0 else 0
            if a.cue.start < a.content.start:
                lo, hi = start, a.content.start  # the opening, the source, the cue
            else:  # "..., Smith said on CNN", in its own sentence
                end = starts[k + 1] if k + 1 < len(starts) else len(text)
                # (a quote passage goes on past the cue: "“...,” Smith said in an interview
                # with CNN. “...”": beside the cue, not after the passage's end)
                lo = a.content.end if a.content.end <= a.cue.start else a.cue.end
                hi = min(end, a.cue.end + 60)
            tail = _CARRIED_TAIL.search(a.content.text)
            known = reader.outlet(tail.group("outlet")) if tail else None
            if known is not None and known.name != a.speaker:
                kept = a.content.text[:tail.start()]
                content = Span(kept, a.content.start, a.content.start + len(kept))
                out.append(Attribution(a.cue, a.kind, a.source, content, a.speaker, (*a.via, known.name),
                                       a.anonymous, a.vague, a.rule))
                own = _which_said(text, a, tail, known.name)
                if own is not None:
                    out.append(own)
                continue
            for m in _MEDIUM.finditer(text, lo, hi):
                name = re.sub(r"['\u2019]s$", "", m.group("outlet"))
                known = reader.outlet(name)
                if (known is not None and known.name != a.speaker and known.name not in a.via
                        and not reader._in_quote(m.start())):
                    a = Attribution(a.cue, a.kind, a.source, a.content, a.speaker, (*a.via, known.name),
                                    a.anonymous, a.vague, a.rule)
                    break
        out.append(a)
    return out


# ... or in the sentence after it, which says what carried the words just reported: "Araghchi
# said the talks would resume. The remarks were carried by IRNA." / "His comments were
# broadcast by state television CCTV."
_CARRIED_NEXT = re.compile(
    r"(?:The|His|Her|Their|These|Those|Such)\s+(?:remarks|comments|statements?|words|message|speech|interview)"
    r"\s+(?:was|were|had\s+been|have\s+been)\s+(?:first\s+)?(?:carried|broadcast|aired|published|relayed|reported)\s+by\s+"
    + _CARRIER +
    r"(?:\s+(?:news\s+agency|agency|news|television|TV|radio|broadcaster|channel|newspaper|daily|website))?\s*[.;]")


def _carried_next(text: str, reader, starts: list[int], atts: list[Attribution]) -> list[Attribution]:
    """Each attribution of a sentence followed by one saying an outlet carried those words
    (``_CARRIED_NEXT``), relayed by that outlet."""
    relays: dict[int, str] = {}  # the sentence before's index -> the outlet that carried it
    for k, start in enumerate(starts[1:], 1):
        m = _CARRIED_NEXT.match(text, start)
        if m and not reader._in_quote(start):
            known = reader.outlet(m.group("outlet"))
            if known is not None:
                relays[k - 1] = known.name
    if not relays:
        return atts
    out = []
    for a in atts:
        name = relays.get(bisect_right(starts, a.cue.start) - 1)
        if (name is not None and a.content is not None and a.speaker and not a.vague and name != a.speaker
                and name not in a.via and a.kind not in {"relay", "credit"}):
            a = Attribution(a.cue, a.kind, a.source, a.content, a.speaker, (*a.via, name),
                            a.anonymous, a.vague, a.rule)
        out.append(a)
    return out


# reports with no outlet named: "media reports", "local press reports", "news reports"
_MEDIA_REPORTS = re.compile(r"\b(?:media|press|news)\b.*\breports?\b|^(?:\w+\s+)?reports$", re.IGNORECASE)


# a vague crowd an outlet reported is that outlet's ("According to the Global Times, experts
# believe ..."); not a poll's share of voters ("A Bloomberg poll showed 72 percent of voters")
_CROWDS = frozenset("experts analysts observers critics commentators insiders diplomats scholars scientists "
                    "economists specialists researchers residents witnesses".split())


# a clause of its own after the outlet's report: "The Journal reported that ..., but Fiorina's
# team denied that ..." (the denial is no part of the Journal's report)
_BUT_CLAUSE = re.compile(r",\s+(?:but|while|although|though|yet|whereas)\s+\Z")


def _relayed_inside(text: str, out: list[Attribution], registry) -> list[Attribution]:
    """What a source said inside what an outlet reported reached the page through that
    outlet ("Company officials said the plant would close, Reuters reported"; "According
    to Reuters, officials said ..."): the outlet joins the inner attribution's ``via``, so
    the chain reads officials → Reuters → page, not two chains of one layer each."""
    outer = []  # (content start, content end, outlet, the cue of the report that says so)
    wrapping = []  # outlets' closing "according to": (content start, content end, outlet)
    # ("Bloomberg denies he ever said it" is Michael R. Bloomberg, not the news agency)
    surnames = {a.speaker.rsplit(None, 1)[-1] for a in out if a.speaker and " " in a.speaker}
    found: dict[str, object] = {}  # one lookup per speaker
    for a in out:
        if a.content is None or not a.speaker:
            continue
        if a.vague:
            if (a.rule == "according-to" and _MEDIA_REPORTS.search(a.speaker)) or UNNAMED_MEDIA.search(a.speaker):
                # "Officials said 12 died, according to local media reports", "Police said
                # ..., state media reported": unnamed outlets relayed them (a hop with no
                # name, still a layer)
                outer.append((a.content.start, a.content.end, a.speaker, a.cue.start))
            continue
        if a.via and (a.kind == "relay" or a.rule == "according-to"):
            # "..., Yonhap reported, citing the ministry", "..., according to RIA Novosti,
            # citing a diplomatic source": what the outlet reported holds the inner claims
            outer.extend((a.content.start, a.content.end, name, a.cue.start) for name in a.via)
            continue
        if not a.speaker[:1].isupper() or a.anonymous or a.speaker in surnames:
            continue  # (an outlet's name is capitalised)
        known = found[a.speaker] = found[a.speaker] if a.speaker in found else registry.find(a.speaker)
        if known is not None:
            relays = known.name == a.speaker and not mistaken(registry, known, a.speaker, text)
        else:
            relays = meant(registry, None, a.speaker, text) is not None  # ("PTV" in a text about Pakistan)
        if relays:
            outer.append((a.content.start, a.content.end, a.speaker, a.cue.start))
            if a.content.end <= a.cue.start:  # a closing "according to X", "..., X reported"
                wrapping.append((a.content.start, a.content.end, a.speaker))
    if not outer:
        return out
    wrappers = {name for _, _, name in wrapping}
    nested = []
    for a in out:
        # "Yonhap, citing a source, reported that ..., according to Sputnik": each report
        # holds the other's cue; the outlet's closing "according to" is the outer one (the
        # source → Yonhap → Sputnik), where "Bloomberg reports that ..., according to the
        # Roper Center" (no outlet) cites Roper inside Bloomberg's report; an outlet's closing
        # "..., Reuters reported" is the outer one too: "The Guardian said ..., Reuters
        # reported" is the Guardian through Reuters, not each through the other
        inside = [name for s, e, name, cue in outer
                  if s <= a.cue.start < e and (a.source is None or s < a.source.end <= e)
                  and name != a.speaker and name not in a.via
                  and not (a.content is not None and a.content.start <= cue < a.content.end
                           and a.speaker in wrappers)]
        if inside and a.source is not None and _BUT_CLAUSE.search(text, max(0, a.source.start - 12), a.source.start):
            inside = []
        if a.kind == "relay":  # (an agency's own report: only a closing "according to" wraps it)
            inside = [name for s, e, name in wrapping if s <= a.cue.start < e and name != a.speaker
                      and name not in a.via] if a.via else []
        if inside and a.speaker and (not a.vague or a.speaker.rsplit(None, 1)[-1].lower() in _CROWDS):
            a = Attribution(a.cue, a.kind, a.source, a.content, a.speaker, (*a.via, *inside),
                            a.anonymous, a.vague, a.rule)
        nested.append(a)
    return nested


# A speaker's own voice, named alone after the claim: "Police said ..., according to a
# spokesman", "The ministry said ..., according to a statement carried by IRNA", "Khamenei said
# ..., comments carried by IRNA showed" (or a description of the speaker's: "a police spokesman")
_VOICE_NOUNS = r"(?:statement|comments|remarks|spokes(?:man|woman|person))"
_VOICE = re.compile(rf"(?:(?P<owner>.+?)\s+)?{_VOICE_NOUNS}", re.IGNORECASE)
_THEIR = frozenset(("his", "her", "their", "its"))
_VOICE_WORD = re.compile(rf"\b{_VOICE_NOUNS}\b", re.IGNORECASE)


def _one_voice(text: str, atts: list[Attribution], starts: list[int]) -> list[Attribution]:
    """Each claim a named speaker made that closes on their own statement or spokesman, one
    attribution: the speaker's, through the outlet that carried the statement, with the claim
    ending before the closing words; not a second chain with "statement" or an unnamed
    spokesman as its source."""
    merged: dict[int, Attribution] = {}
    dropped: set[int] = set()
    for k, a in enumerate(atts):
        if a.content is None or not a.speaker or a.kind == "credit" or a.content.end > a.cue.start:
            continue  # (only a closing one: what was said comes first)
        voice = _VOICE.fullmatch(a.speaker)
        floor = starts[bisect_right(starts, a.cue.start) - 1] if starts and starts[0] <= a.cue.start else 0
        # (or the speaker's by name: "..., according to a statement from the ministry")
        own = a.source is not None and _VOICE_WORD.search(a.source.text)
        if voice is None and not own:
            continue
        for j, b in enumerate(atts):
            b = merged.get(j, b)
            if (j == k or j in dropped or b.kind not in {"direct-quote", "indirect"} or not b.speaker
                    or b.anonymous or b.vague or b.speaker.lower() in PRONOUNS
                    or not max(a.content.start, floor) <= b.cue.start < a.cue.start):
                continue
            if not (b.cue.end >= a.content.end or (b.source is not None and b.source.start <= a.content.start)):
                break  # not the claim's speaker: "Police arrested two men who said ..., a spokesman said"
            owner = voice.group("owner") if voice else None
            if owner is not None and owner.lower() in _THEIR:
                owner = None  # "..., Rouhani said, his remarks carried by IRNA showed": his own
            if not ((own and b.speaker == a.speaker) or (voice and (
                    owner is None or set(owner.lower().split()) <= set(b.speaker.lower().split())))):
                break  # another's voice: "Smith said ..., according to a statement from the White House"
            content = b.content
            cut = min(a.cue.start, a.source.start) if a.source is not None else a.cue.start
            if content is not None and content.start < cut < content.end:
                kept = text[content.start:cut].rstrip(" ,;\u2014\u2013-")
                content = Span.of(text, content.start, content.start + len(kept)) if kept else content
            via = (*b.via, *(v for v in a.via if v not in b.via and v != b.speaker))
            merged[j] = Attribution(b.cue, b.kind, b.source, content, b.speaker, via, b.anonymous, b.vague, b.rule)
            dropped.add(k)
            break
    if not dropped:
        return atts
    return [merged.get(j, b) for j, b in enumerate(atts) if j not in dropped]
