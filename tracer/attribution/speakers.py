"""Who a phrase names: a person, an anonymous or a vague source, an organised body.

Pure lookups on a speaker phrase (its head, its bare name, whether it is anonymous), the
span helpers every rule uses, and the memo tables that make them cheap when names recur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import names as _names
from ..models import Span
from .vocabulary import (
    _ACRONYM_END,
    _ARTICLE_START,
    _CAPITAL_WORD,
    _DASH_RUN,
    _DASH_SPLIT,
    _LEADING_ARTICLE,
    _NON_WORDS,
    _NP_WORD,
    _OPENERS,
    _PARENTHESES,
    _PERSON_HEAD,
    _PREPOSITIONS,
    _THE_START,
    _TIME_WORDS,
    _WHO_TAIL,
    ANON_CLAUSE,
    ANON_HEADS,
    AS_SAID_VERBS,
    CLAUSE_WORDS,
    DETERMINERS,
    FINDING_HEADS,
    GROUP_NOUNS,
    OBTAINED_BY,
    PARTIES,
    QUANTIFIERS,
    VAGUE_SOURCE,
)

RECENT = 40  # speakers a pronoun or "the official" may reach back to
# Nouns for an organised body: "the group" may refer back to "the Brennan Center".
_BODY_WORDS = frozenset("""
group foundation institute center centre council committee association union organization organisation
coalition alliance network fund project society league federation commission bureau board forum
initiative think-tank tank caucus
""".split())


@dataclass
class _Speaker:
    """One speaker seen so far, for resolving "he" and "the official"."""

    name: str
    head: str | None
    anonymous: bool
    descriptors: list = field(default_factory=list)
    pronoun: str | None = None  # "he" or "she" once known (from a title or an earlier reference)
    person: bool | None = None  # one person, whom "he" or "she" may name (not "doctors", "the agency"); see _Reader.one_person
    roles: frozenset = frozenset()  # titles before the name ("Sen. Ted Cruz": senator), for "the senator"
    places: frozenset = frozenset()  # parties, states and countries said of them ("Texas Sen. Ted Cruz")
    offices: frozenset = frozenset()  # an office's words before the name ("Prime Minister Imran Khan": prime)
    surname: str | None = field(init=False)  # the last word of the name, for "Trump" after "Donald Trump"

    def __post_init__(self) -> None:
        words = self.name.split()
        # a description's last word is no surname: "Clinton says" after "Aides to Clinton
        # say" is Clinton, not her aides ("Ursula von der Leyen" keeps hers)
        self.surname = words[-1] if words and _LINKING.isdisjoint(words[:-1]) else None


_LINKING = frozenset("to of for at with in from on by".split())


# Titles written before a name, by the role noun a later "the ..." uses for the same person.
_ROLE_OF_TITLE = {
    "sen": "senator", "senator": "senator", "gov": "governor", "governor": "governor",
    "rep": "congressman", "congressman": "congressman", "congresswoman": "congresswoman",
    "president": "president", "mayor": "mayor", "secretary": "secretary", "judge": "judge",
    "gen": "general", "general": "general", "premier": "premier", "minister": "minister",
    "chancellor": "chancellor", "ambassador": "ambassador", "sheriff": "sheriff",
    "commissioner": "commissioner", "candidate": "candidate", "nominee": "nominee",
    "prince": "prince", "princess": "princess", "sheikh": "sheikh",
}
_TITLED_ROLES = frozenset(_ROLE_OF_TITLE.values()) - {"candidate", "nominee", "secretary", "minister"}
_TITLE_WORDS = re.compile(r"\b(%s)\b\.?" % "|".join(sorted(_ROLE_OF_TITLE, key=len, reverse=True)), re.I)


@lru_cache(maxsize=4096)
def roles_of(np: str, name: str) -> frozenset[str]:
    """The role nouns of the titles in ``np`` before ``name`` ("Texas Sen. Ted Cruz" ->
    senator; "Republican presidential candidate Donald Trump" -> candidate)."""
    at = np.find(name.split()[0]) if name else -1
    if at < 0 and " " in name:
        at = np.find(name.rsplit(None, 1)[-1])  # "Gov. Inslee" for "Jay Inslee", named before
    if at <= 0:
        return frozenset()
    return frozenset(_ROLE_OF_TITLE[m.group(1).lower()] for m in _TITLE_WORDS.finditer(np, 0, at)
                     if not np[max(0, m.start() - 5):m.start()].lower().endswith("vice "))  # not "Vice President"


# "the Prime Minister" after "The Chief Minister said": a word of an office names another
# office (a minister's other words, "the Pakistani minister", may be anyone's)
OFFICE_HEADS = frozenset(("minister", "secretary"))
OFFICES = frozenset("""prime chief foreign finance interior home defence defense health education justice
trade commerce energy information labour labor agriculture environment transport economy treasury water
planning housing law industry industries petroleum power sports tourism culture science railways religious
deputy junior state army navy""".split())


def offices_of(np: str, name: str) -> frozenset[str]:
    """The words of an office in ``np`` before ``name`` ("Prime Minister Imran Khan" -> prime)."""
    at = np.find(name.split()[0]) if name else -1
    return frozenset(w for w in np[:max(at, 0)].lower().split() if w in OFFICES)


# What is written or found ("the letter", "a new poll", "the review"): it may say something,
# but it is no "he", "she" or "they".
_DOCUMENT_HEADS = frozenset("""
letter report statement poll survey study memo document documents excerpts transcript release article post book
email emails filing data analysis filings records results summary polls surveys review reviews investigation
inquiry probe audit assessment ruling decision order story reply response column editorial op-ed piece blog
tweet tweets speech interview video ad ads affidavit complaint indictment lawsuit suit motion brief
testimony deposition subpoena warrant verdict
""".split())
# Bodies that act and speak as one, named by what they are ("the ministry", "the company")
BODY_HEADS = frozenset("""
agency department ministry office administration government company firm campaign party court police
military army navy embassy consulate
""".split())
# Heads of phrases that name no single person: "she said" never refers back to "the agency",
# "her team", "the letter" or "a mere 9 percent".
_NOT_PERSON_HEADS = _BODY_WORDS | _DOCUMENT_HEADS | BODY_HEADS | frozenset("""
team staff state city county country nation public crowd audience people percent community
newspaper paper network station website site case performance media press outlets house tv
brothers sisters associates partners holdings industries studios airlines motors systems technologies
pictures labs laboratories services networks stores family families couple jury panel
""".split())
# things that "say", in lower case ("The sign said ... She said" is not the sign; "Paul Song",
# "Andrew Card" are people)
_THING_HEADS = frozenset("""
sign signs label map chart graph film movie documentary song headline caption banner poster placard screen
page app law bill rule warning notice note text message plaque slogan card menu manual guide constitution
treaty agreement contract policy plan proposal script lyrics
""".split())
# the last word of a body's name, never a person's ("Citizens' Independent Transportation
# Trust"); read on the name before any "of" ("Robert Gordon of Northwestern University" is one)
_INSTITUTION_LAST = frozenset("trust authority university college school hospital bank club corporation institution".split())


def _is_document(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in _DOCUMENT_HEADS


_OF_PART = re.compile(r"\s+(?:by|from|of|in|on|at|for|with)\s+")
_NUMBER = re.compile(r"\d{1,3}(?:[,.]\d+)*%?|\d+%")  # "85% of Democrats" (not "9/11 widow Terry Strada")
_ACRONYM = re.compile(r"[A-Z]{2,4}")  # "CBP", "FBI" (a transcript's "FALLIN:" is longer)


# Words of a speaker's name that say which pronoun the text will use ("spokeswoman for X")
_SHE_WORDS = frozenset("spokeswoman chairwoman congresswoman businesswoman woman wife mother sister daughter "
                       "girl widow grandmother actress".split())
_HE_WORDS = frozenset("spokesman chairman congressman businessman man husband father brother son boy "
                      "widower grandfather actor".split())


def _pronoun_of(sp: "_Speaker") -> str | None:
    """"he", "she" or None: what the text said (a title, an earlier pronoun), else the given
    name, else a word of the name that says it ("spokeswoman for Janney", "his wife")."""
    if sp.pronoun:
        return sp.pronoun
    found = _names.pronoun(sp.name)
    if found is None and " " not in sp.name:
        # a given name alone ("Andrew said", a feature's way with a royal or a child): a
        # surname alone resolves to the full name before it, so this one is the whole name
        found = "she" if sp.name in _names.FEMALE else "he" if sp.name in _names.MALE else None
    if found is None:
        words = set(sp.name.lower().split())
        found = "she" if not _SHE_WORDS.isdisjoint(words) else "he" if not _HE_WORDS.isdisjoint(words) else None
    return found



@lru_cache(maxsize=4096)
def _bare_surname(phrase: str) -> str | None:
    """The name in a phrase that is one name alone: "Trump", "Mr. Chipok", "Carter however"
    (not "Trump confidant")."""
    phrase = _names.TITLE.sub("", phrase.strip(), count=1)  # "Mr. Chipok", "Dr Fauci", "Sen. Cruz"
    words = phrase.split()
    if len(words) == 2 and words[0].lower() in _NAME_PARTICLES and _CAPITAL_WORD.fullmatch(words[1]):
        return words[1]  # "Mr. de Vos", "De Blasio": the surname "Pierre de Vos" ends on
    if not 1 <= len(words) <= 2 or not _CAPITAL_WORD.fullmatch(words[0]):
        return None
    if len(words) == 1 or words[1] in _ASIDE_WORDS or (words[1].islower() and words[1].endswith("ly")):
        return words[0]  # "Rubio only said" (the -ly words _np_span keeps)
    return None


# Titles only before a surname ("Dean" is a given name too: "Dean Baker"): "Dean Amar" is
# one of the people named before ("Vikram Amar, dean of ..."), or a name of its own.
_TITLE_THEN_SURNAME = re.compile(r"(?:Dean|Professor)\s+([A-Z][\w'\u2019-]+)")
_PEOPLES_NAME = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){1,3}[A-Z][\w'\u2019-]*")  # not "analysis by Lee Epstein"


def _titled_surname(name: str) -> str | None:
    m = _TITLE_THEN_SURNAME.fullmatch(name)
    return m.group(1) if m else None


_ASIDE_WORDS = frozenset("however meanwhile too also though himself herself then now later instead again still".split())


@lru_cache(maxsize=4096)
def _is_person(name: str, outlet: bool) -> bool:
    """Whether a speaker's name can be one person: not an outlet, an acronym, a body, a
    document or a plural ("physicians", "officials")."""
    if outlet or _ACRONYM.fullmatch(name) or _vague_source(name) or name in _names.NOT_PEOPLE or " and " in name:
        return False  # (and "Wilcox and Beruff" are two)
    words = _OF_PART.split(name, 1)[0].split()  # "new report by Politico": the report
    if not words:
        return False
    first, last = words[0].lower(), words[-1]
    if _plural_of_whom(name.split()):
        return False  # "Attorneys for Clinton", "Officials with the committee": several people
    if first in DETERMINERS or first in CLAUSE_WORDS or first in QUANTIFIERS or _NUMBER.fullmatch(first):
        return False  # "Several Democrats", "Those", "But" (a stray sentence opener), "85% of voters"
    if len(words) > 1 and _ACRONYM.fullmatch(last) and last not in _ROMAN:
        return False  # "a desperate HP", "the embattled FBI": a body (not "John Smith III")
    head = _head(name)
    if (last.lower() in _NOT_PERSON_HEADS or last.lower() in _INSTITUTION_LAST or last.lower() in GROUP_NOUNS
            or (head is not None and head in _NOT_PERSON_HEADS) or last in _THING_HEADS):
        return False
    # a lower-case plural: "doctors", "officials" (not "Sanders", not "boss")
    return not (last[:1].islower() and last.endswith("s") and not last.endswith(("ss", "us", "is")))


def is_person(name: str) -> bool:
    """Whether a name no outlet goes by can be one person (see ``_is_person``)."""
    return _is_person(name, False)


_OF_WHOM = frozenset("for with at from close familiar".split())  # "Attorneys for Clinton"
_AGED = re.compile(r"^(?:[Aa]n?\s+|[Tt]he\s+)?\d{1,3}-year-old\s+(?=[A-Z])")
_ROMAN = frozenset("II III IV VI VII VIII".split())
_SPAN_STRIP = " \t\n,;:"


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets ``_span`` keeps (empty when ``end <= start``)."""
    n = len(text)  # clamp both offsets to [0, n]
    start = 0 if start < 0 else n if start > n else start
    end = 0 if end < 0 else n if end > n else end
    while start < end and text[start] in _SPAN_STRIP:
        start += 1
    while end > start and text[end - 1] in _SPAN_STRIP:
        end -= 1
    return start, end


def _span(text: str, start: int, end: int) -> Span | None:
    start, end = _bounds(text, start, end)
    return Span(text[start:end], start, end) if end > start else None


_TRAILING_ASIDE = re.compile(r",\s*(?:meanwhile|however|though|too|also|in\s+turn|for\s+(?:his|her|their|its)\s+part)\s*,?\s*$", re.I)


# "Russians now", "Cruz openly", "Trump at the time", "Rep. Roe last month": said when, or how,
# not who
_TRAILING_WHEN = re.compile(r"(?<=[A-Za-z])\s+(?:now|then|soon|again|already|ever|(?!(?:only|early|family|ally|rally|assembly|supply|reply|daily|weekly|monthly|quarterly|elderly|belly|"
                            r"bully|anomaly|monopoly|tally)\b)[a-z]+ly|"
                            r"at\s+the\s+time|(?:last|this|next)\s+(?:week|month|year|night)|"
                            r"(?:earlier|later)(?:\s+(?:this|that|on)\s+\w+)?)$")


_WHEN_LAST = frozenset("""now then soon again already ever time week month year night day morning afternoon evening earlier later
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())  # the last words of those tails


# ... unless it belongs to the phrase: "a report released last year", "until earlier this
# year", "cannot necessarily"
_WHEN_BELONGS = re.compile(r"(?:\b(?:until|since|from|just|as|than|of|cannot|can|could|would|will|should|not|"
                           r"may|might|must|do|does|did)|[a-z]ed)$")


# "wrote Fadem in a Tuesday research report", "said CEO Craig Menear in the company's news
# release": where it was said, not who said it
_IN_MEDIUM = re.compile(
    r"\s+in\s+(?:(?:a|an|his|her|their|its|the)\s+)?(?:[\w.'\u2019-]+\s+){0,3}?"
    r"(?:statement|report|release|interview|note|email|e-mail|letter|tweet|post|memo|column|op-ed|"
    r"speech|video|briefing|filing|newsletter|podcast|message|analysis|blog|remarks)s?\b")
_WHEN_CONTACTED = re.compile(r"(?<!,)\s+when\s+(?:contacted|reached|asked|questioned|approached)\b[^,]*$")  # (an aside in commas stays)


def _unbalanced(phrase: str) -> int | None:
    """Where a phrase's first unmatched bracket is: a ")" closing nothing, or a "(" never
    closed (the span ran into or out of an aside); None when they pair up."""
    opened: list[int] = []  # where each bracket still open opened
    for i, ch in enumerate(phrase):
        if ch == "(":
            opened.append(i)
        elif ch == ")":
            if not opened:
                return i
            opened.pop()
    return opened[0] if opened else None


def _np_span(text: str, span: Span) -> Span | None:
    """A source phrase without a trailing full stop ("agency." -> "agency"; "U.S." stays), a
    trailing aside ("Tim Clark, meanwhile") or a time or manner ("Cruz openly")."""
    end = span.end
    if "," in span.text:
        aside = _TRAILING_ASIDE.search(span.text)
        if aside:
            end = span.start + aside.start()
            span = _span(text, span.start, end) or span
    if " when " in span.text:  # "a WeWork spokesperson when contacted by Reuters"
        asked = _WHEN_CONTACTED.search(span.text)
        if asked and asked.start() > 0:
            end = span.start + asked.start()
            span = _span(text, span.start, end) or span
    if "(" in span.text or ")" in span.text:  # "exit polls (a sizable margin", "Factcheck.org)"
        cut = _unbalanced(span.text)
        if cut is not None and cut > 0:
            end = span.start + cut
            span = _span(text, span.start, end) or span
    last = span.text.rsplit(None, 1)[-1] if " " in span.text else ""
    when = _TRAILING_WHEN.search(span.text) if last in _WHEN_LAST or last.endswith("ly") else None
    if when and when.start() > 0 and not _WHEN_BELONGS.search(span.text, 0, when.start()):
        end = span.start + when.start()
        span = _span(text, span.start, end) or span
    if end > span.start and text[end - 1] == "." and not _ACRONYM_END.search(text[span.start:end]):
        end -= 1
    elif span.text[:1] not in _SPAN_STRIP and span.text[-1:] not in _SPAN_STRIP:
        return span  # already what ``_span`` would make of it
    return _span(text, span.start, end) or span


def _strip_content(text: str, start: int, end: int) -> Span | None:
    """Content without a leading connective ("In fact,", "But") or a trailing full stop.

    A leading "that" stays, as in the PolNeAR annotations; adverbials before it
    ("in Miami on Tuesday that ...") go.
    """
    s, e = _bounds(text, start, end)  # offsets only: no Span made for them
    if e <= s or text[s] in ".)]":
        return None  # ".(Photo: AP)": a caption's tail, not a claim
    if text[s] in "-\u2014\u2013":  # "according to X -- ...": the dash opens an aside
        s += len(_DASH_RUN.match(text, s, e).group(0))
        if e <= s:
            return None
    m = _LEAD_CONNECTIVE.match(text, s, e) or _LEAD_ADVERBIAL.match(text, s, e) or _LEAD_AS_SAID.match(text, s, e)
    if m:
        s = m.end()
    close = text.find(")", s, e)
    if close > s and text.find("(", s, close) < 0:
        e = close  # the aside it stands in ends there: "(the mayor said it was flawed) came out"
    while e > s and text[e - 1] in ".!? ":
        e -= 1
    return _span(text, s, e)


_LEAD_CONNECTIVE = re.compile(r"(?:[Aa]t the time|In fact|Still|However|Meanwhile|Indeed|Instead|Now|Yet),\s+|(?:But|And|So|Yet)\s+(?=[a-z\d\u201c\"A-Z])")
# "As Dr. Gupta noted at the time, ...": someone else's remark opens it, the claim follows
_LEAD_AS_SAID = re.compile(rf"As\s+[^,;:\u201c\u201d\"]{{3,80}}?\s+(?:{AS_SAID_VERBS})(?:\s+at\s+the\s+time)?,\s+")
_LEAD_ADVERBIAL = re.compile(
    r"(?:(?:in|on|at|this|last|during|earlier|after|before|over|from|via|through|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|today|yesterday)\b"
    # (a month's abbreviation and a year are no stop: "on Sept. 30 that", "on Jan. 9, 2020, that")
    r"(?:[^,.;:\u201c\u201d\"]|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|,\s+(?:19|20)\d\d,?){0,60}?\s)(?=that\s)"
)


def _may_hold(np: str, stems: tuple[str, ...]) -> bool:
    """False only when ``np`` is ASCII and holds none of ``stems`` (lower case), so that a
    case-insensitive pattern needing one cannot match: a substring test is much faster than
    such a pattern. Beyond ASCII, case folding is wider ("\u017f" matches "s"): the pattern decides."""
    if not np.isascii():
        return True
    low = np.lower()
    for stem in stems:
        if stem in low:
            return True
    return False


# Every ``ANON_HEADS`` word holds one of these; every ``_PERSON_HEAD`` word too.
_ANON_HEAD_STEMS = ("offic", "source", "person", "people", "diplomat", "aide", "insider", "spokes", "staffer", "circle",
                    "advis", "individual", "member", "lawmaker", "executive", "representative", "ally",
                    "allies", "lawyer", "attorney", "employee", "confidant", "associate", "operative",
                    "strategist", "columnist", "correspondent", "witness", "resident", "villager", "prosecutors",
                    "investigators", "reviewers", "negotiators", "leaders")
# Every ``ANON_CLAUSE`` phrase holds one of these.
_ANON_CLAUSE_STEMS = ("anonym", "authori", "asked not to be", "declined to be", "unnamed", "familiar with",
                      "knowledge of", "close to the")
_PERSON_HEAD_STEMS = ("official", "source", "spokes", "minister", "diplomat", "aide", "officer")


# "the semi-official Tasnim news agency", "the official Xinhua news agency", "North Korea's
# official KCNA": "official" describes the outlet named after it; no official speaks
_OUTLET_AFTER_OFFICIAL = re.compile(
    r"\s+(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b)[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*"
    r"\s+(?:[Nn]ews\s+[Aa]gency|newspaper|daily|media|[Tt]elevision|TV|broadcaster|[Rr]adio|[Aa]gency)\b"
    r"|[A-Z]{2,6}\s*(?:$|,)"
    # "official news agency SANA": what it is, then its name
    r"|(?:news\s+agency|newspaper|television|TV|broadcaster|radio)\s+[A-Z])")
# ... and the document or thing named right after it: "an official statement", "the official
# report", "official figures" (a document with no issuer named, as "a statement" is: no
# person the text keeps unnamed; "official sources" are people)
_THING_AFTER_OFFICIAL = re.compile(r"\s+(?:%s)s?\b" % "|".join(sorted(_DOCUMENT_HEADS | _THING_HEADS
                                                                       | {"figure", "estimate", "count", "tally"})),
                                   re.IGNORECASE)


@lru_cache(maxsize=4096)
def _anon_heads(np: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of every ``ANON_HEADS`` match: one scan for ``_head``,
    ``_is_anonymous`` and ``_may_name_outlet``, which all read the same phrases."""
    if not _may_hold(np, _ANON_HEAD_STEMS):
        return ()
    # "People's Daily", "the Spokesman-Review": part of a name, not a role
    found = tuple((m.start(), m.end(), m.group(1)) for m in ANON_HEADS.finditer(np)
                  if np[m.end():m.end() + 1] not in _NAME_GLUE
                  and not (m.group(1).lower() == "official" and (np[max(0, m.start() - 5):m.start()].lower() == "semi-"
                                                                 or _OUTLET_AFTER_OFFICIAL.match(np, m.end())
                                                                 or _THING_AFTER_OFFICIAL.match(np, m.end()))))
    if "eaders" in np:
        found += tuple((m.start(1), m.end(1), m.group(1)) for m in _PARTICULAR_LEADERS.finditer(np))
    return found


# "Top committee leaders", "senior Republican leaders": particular people, unnamed (not
# "European leaders", "GOP leaders": a kind of people, vague)
_PARTICULAR_LEADERS = re.compile(r"(?i)\b(?:top|senior)\s+(?:[\w'\u2019-]+\s+){0,2}(leaders)\b")


@lru_cache(maxsize=4096)
def _head(np: str) -> str | None:
    heads = _anon_heads(np)
    if heads:  # the last one
        return heads[-1][2].lower().rstrip("s")
    words = _NP_WORD.findall(np)
    return words[-1].lower() if words else None


# "aide Kellyanne Conway", "director Tim Lee": a name after the role (not "officials at the
# State Department": no preposition on the way)
_NAME_AFTER = re.compile(r"(?:the\s+)?(?:[A-Z]|(?:(?!(?:at|of|for|in|on|with|from|to|by|and|or|who|that)\b)"
                         r"[a-z][\w-]*\s+){1,2}[A-Z][\w'\u2019-]+\s+[A-Z])")
_NAME_APPOSED = re.compile(r",\s*(?:the\s+)?(?:[A-Z][a-z]{1,3}\.\s+)*[A-Z][\w'\u2019-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'\u2019-]+")
_NAME_GLUE = frozenset("-'\u2019")
_CROWD_WORDS = r"(?:some|many|most|several|few|other|ordinary|local)"  # "many people"
_BARE_PEOPLE = re.compile(rf"(?i)(?:(?:{_CROWD_WORDS}|the)\s+)?people$")
# "People in Fort Pierce", "people on IRC or Stackoverflow", "people in attendance": a crowd
# somewhere, vague ("people in Trump world", "in Clinton's orbit", "people briefed on the
# talks": insiders kept unnamed)
_PEOPLE_SOMEWHERE = re.compile(
    rf"(?i)(?:{_CROWD_WORDS}\s+)?people\s+(?:everywhere"
    r"|(?:on|in|at|from|across|around)\s+(?!.*\b(?:world|orbit|circles?|camp|administration|campaign|government"
    r"|office|team|party|leadership|talks|negotiations?|meetings?|room|company|industry|department|ministry"
    r"|agency|house|briefed|involved|close)\b)[^,]+)$")
_HEAD_IN_PHRASE = re.compile(r"\b(?:for|to|by|with|from|about|at|in|on|of|that|which)\b")
_PARTITIVE = re.compile(r"(?i)(?:one|two|three|some|several|many|most|none|each|any|all|few|both|dozens|scores|hundreds"
                        r"|a\s+(?:small\s+|large\s+|growing\s+)?(?:number|handful))\s+of\b(?!.*\b(?:for|to|by|with|from|about|at|in|on|that|which)\b)")
_FULL_NAME_FIRST = re.compile(rf"({_PEOPLES_NAME.pattern})\s*,")  # two words or more
_NAME_FIRST = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*\s*,")


# A post only one person holds, named by whose it is: "the country's top diplomat", "Iran's top
# diplomat", "the top U.S. diplomat in Iraq", "the company's chief executive" (not "a top
# diplomat", "top diplomats", "a senior diplomat": one of several, unnamed)
_ONE_PERSON_ROLE = re.compile(
    r"(?:[Tt]he\s+(?:[\w.-]+['\u2019]s\s+)?|(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['\u2019]s\s+)"
    r"(?:top|chief)\s+(?:[A-Z][\w.-]*\s+)?(?:diplomat|executive)"
    r"(?:\s+(?:in|at|of|for|to)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?")


@lru_cache(maxsize=4096)
def _is_anonymous(np: str) -> bool:
    first, comma, rest = np.partition(",")
    if comma and first.strip() in _OPENING_WORDS:
        np = rest  # "Rather, sources close to her campaign": the opening word is no name
    if "\xa0" in np:
        np = np.replace("\xa0", " ")  # "Campaign spokesman\xa0Brian Fallon": a name after all
    if _may_hold(np, _ANON_CLAUSE_STEMS) and ANON_CLAUSE.search(np):
        # "Steve Elmendorf, a ... lobbyist close to the Clintons": the clause describes a named man
        named = _FULL_NAME_FIRST.match(np)
        return named is None or _anon_heads(named.group(1)) != ()
    heads = _anon_heads(np)
    if not heads:
        return False
    if _ONE_PERSON_ROLE.fullmatch(np.strip()):
        return False  # "the country's top diplomat": the one person who holds the post
    if _BARE_PEOPLE.match(np.strip()) or _PEOPLE_SOMEWHERE.match(np.strip()):
        return False  # "people worry", "many people say": vague, not somebody kept unnamed
    start, end, _ = heads[0]
    after = np[end:].strip(" ,")
    # "Trump aide Kellyanne Conway", "Vatican spokesman the Rev. Federico Lombardi": a name
    # follows the title; "the group's executive director, Betty Bradley": one in apposition
    if _NAME_AFTER.match(after) or _NAME_APPOSED.search(after):
        return False
    before = np[:start].strip()
    if _NAME_FIRST.match(before):  # "Brian Fallon, a spokesman for the campaign"
        return False
    if _HEAD_IN_PHRASE.search(before) and not _PARTITIVE.match(before):
        return False  # "a document she prepared for her lawyers": the document speaks
    # "Officials", "a senior US official", "the State Department official", "a Trump aide"
    words = before.split()
    if words and words[0].lower() not in DETERMINERS and words[0].lower() not in {"senior", "top", "unnamed", "anonymous", "us", "u.s.", "western", "administration", "government"}:
        # "Mike Pompeo's spokesman" stays anonymous; "Clinton campaign officials" too.
        return len(words) <= 4
    return True


_TITLED_NAME = re.compile(
    r"^(?P<title>.*\b(?:senator|sen\.|rep\.|representative|president|secretary|gov\.|governor|mayor|minister|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|gen\.|general|judge|justice|chancellor|speaker|leader|chairman|chairwoman|"
    r"chair|ambassador|director|spokesman|spokeswoman|spokesperson|nominee|candidate|adviser|advisor|whip|treasurer|"
    r"rev\.|reverend|rabbi|imam|bishop|archbishop|cardinal|congressman|congresswoman|alderman|alderwoman|"
    r"councilman|councilwoman|councillor|supervisor|col\.|colonel|maj\.|major|moderator|co-moderator|journalist|"
    r"filmmaker|dietitian|billionaire|businessman|businesswoman|administrator|"
    r"lt\.?|lieutenant|sgt\.?|sergeant|capt\.?|captain|detective|sheriff|deputy|trooper|cpl\.?|corporal|"
    r"aide|manager|chief|commissioner|attorney|officer|official|analyst|professor|founder|ceo|executive|"
    r"critic|host|anchor|author|writer|columnist|reporter|editor|coach|player|actor|actress|singer|star|"
    r"economist|strategist|pollster|lawyer|activist|researcher|scientist|doctor|historian|expert|colleague|"
    r"superintendent|teacher|scholar|principal|employee|worker|resident|student|volunteer|owner|nurse|"
    r"farmer|voter|supporter|parent|neighbou?r|survivor|pastor|veteran|retiree|homeowner|coordinator|organi[sz]er)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+)"
    r"(?P<name>[A-Z\u00c0-\u00de][^\W\d_]+(?: [A-Z]\.)?(?: [A-Z\u00c0-\u00de][\w'\u2019-]+){1,2})$",
    re.I,
)


_SPACED_DASH = re.compile(r"\s(?:\u2014|\u2013|--)\s")
_OF_PLACE = re.compile(r"\s+of\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)$")
_STATES = frozenset(("New York", "New Jersey", "New Hampshire", "New Mexico", "North Carolina", "South Carolina",
                     "North Dakota", "South Dakota", "West Virginia", "Rhode Island", "D.C.",
                     # countries of two words or more
                     "North Korea", "South Korea", "Saudi Arabia", "New Zealand", "South Africa", "South Sudan",
                     "United Kingdom", "United States", "Sri Lanka", "Hong Kong", "United Arab Emirates",
                     "Czech Republic", "El Salvador", "Costa Rica", "Puerto Rico", "Ivory Coast", "North Macedonia"))


def is_state(part: str) -> bool:
    """Whether a part of a speaker phrase is a state or country ("Portland, Oregon",
    "Michigan, Trump"): no speaker, and a place's state the subject reads through."""
    return part in _STATES or part in _names.PLACES


def campus_after(before: str, after: str) -> bool:
    """Whether ``after``, set off by a comma, is the campus of the state university that
    ``before`` ends on ("the University of California", "Berkeley"): one name, not two."""
    m = _STATE_UNIVERSITY_END.search(before)
    return m is not None and is_state(m.group("state")) and bool(_CAMPUS.fullmatch(after))


_STATE_UNIVERSITY_END = re.compile(r"\bUniversity\s+of\s+(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")
_CAMPUS = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")
_PLACE_PART = re.compile(r"(?:[A-Z][a-z]{0,4}\.?|[A-Z]\.[A-Z]\.?|\d+)$")  # "Fla.", "N.H.", an age
# ... which a short surname also matches: "Mayer" of "Mayer, Disney's chairman of ..."
_SHORT_SURNAME = re.compile(r"[A-Z][a-z]{2,4}")
# Short words that are no surname: places, and sentence openers set off by a comma
# ("First, Democratic party officials said")
_NOT_A_SURNAME = frozenset(_OPENERS.split("|")) | frozenset(
    "Iowa Ohio Utah Texas Maine Idaho Miss Mass Penn Wash Calif Conn Minn Mich Tenn "
    "And But So Or First Second Third Well Yes No Oh Look Sure Again Thus Today".split())
_CAPITAL_RUN = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)+")
_INNER_LOWER = re.compile(r"\s[a-z]")
_ROLE_LINKS = frozenset("of at for in with from on by to the and or who that atop near inside outside aboard across via using".split())


_IN_YEAR = re.compile(r"\s+in\s+(?:19|20)\d\d$")
_ROLE_THEN_TAIL = re.compile(r"^[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019.-]+){1,2})$")
_RELATION = re.compile(r"(?:His|Her|Their|Its|My|Our|his|her|their|its|my|our)\s+[a-z]")  # "His wife"
# "WeWork's parent company, The We Company": a name its article opens, every word capitalised
_ARTICLE_NAME = re.compile(r"[Tt]he\s+[A-Z][\w&.'\u2019-]*(?:\s+(?:(?:of|for|on)\s+)?[A-Z][\w&.'\u2019-]*)*")
_OPENING_WORDS = frozenset("Plus Also However Still Yet Indeed Meanwhile Instead Thus Hence Moreover Furthermore "
                           "Additionally Finally First Second Third Lastly Again Then Now Later Earlier Overall "
                           "Similarly Likewise Otherwise Alternatively Besides Nonetheless Nevertheless Therefore "
                           "Consequently Ultimately Rather Back Regardless Separately Previously Currently "
                           "Notably Importantly Initially Eventually".split())
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing\s+(?i:against|on|to|for|with|about|over|the|a|an|his|her|their"
                                 r"|from|at|in|up|out|back|down|off|into)\s")
_OPENING_TOPIC = re.compile(r"(?:Of|As for|About|Regarding|On)\s")  # whom the words are about
# "Reached by POLITICO, Bennett denied", "Here in Columbia, Sanders", "Like Corker, Menendez":
# an opening, then the speaker (when the rest is a name and its verb, not a long clause)
_OPENING_PHRASE = re.compile(r"(?:(?:Reached|Asked|Contacted|Pressed|Interviewed|Questioned|Approached)\s+(?:by|about|on)"
                             r"|(?:Here|There)\s+in|(?:Like|Unlike))\s")
_ON_DAY = re.compile(r"\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,?\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?)?$")
# a headline's "9 (More) Offensive Things Donald Trump Has Said": the things, then who said them
_THINGS_SAID = re.compile(r"(?:[\w()'\u2019-]+\s+){0,4}(?:Things|Times|Ways|Words|Lies|Quotes|Moments|Comments"
                         r"|Remarks|Claims|Statements|Tweets)\s+(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){1,2})$")
# the role word just before a full name in capitals ("Benghazi Widow Dorothy Woods")
_ROLE_BEFORE_NAME = frozenset("""widow widower rival recorder counsel clerk chairman chairwoman chair director
spokesman spokeswoman spokesperson secretary treasurer commissioner administrator superintendent sheriff
prosecutor attorney lawyer analyst economist strategist pollster adviser advisor aide editor columnist
correspondent reporter anchor host producer founder president ceo executive manager coordinator organizer
activist candidate nominee delegate""".split())
# a lower-case word that describes the one named after it, a name that is no crowd
_MOOD_THEN_NAME = re.compile(r"([a-z]{3,})\s+([A-Z][a-z]+(?<!s)|[A-Z]{2,})")
_NOT_MOODS = QUANTIFIERS | DETERMINERS | frozenset("senior junior former top chief fellow then future late certain".split())
_CLOCK_GLUED = re.compile(r"^\d{1,2}(?:[AP]M|[ap]m)(?=[A-Z][a-z])")
_HEADLINE_ADVERBS = ("Just", "Finally", "Already", "Also", "Now", "Officially", "Actually")
_HEADLINE_ADVERB_TAIL = re.compile(rf"(?<=[A-Za-z])\s+(?:{'|'.join(_HEADLINE_ADVERBS)})$")
_RELEASED_TAIL = re.compile(r"(?<=\w)(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthey)(?<!\bwe)\s+(?:released|published|issued|unsealed|filed|made\s+public)$")
_OUT_ON_DAY = re.compile(r"(?<=[a-z])(?:\s+to\s+be)?\s+(?:released|published|out|filed|issued|unsealed|made\s+public)\s+(?:on\s+)?"
                         r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")
_IN_MEDIUM_TAIL = re.compile(_IN_MEDIUM.pattern + "$")
_IN_STATE_TAIL = re.compile(r"\s+in\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)$")  # "... of NASA's JPL in California"
_ROLE_NAME_IN = re.compile(r"(?:[a-z][\w-]*\s+){1,3}((?:[A-Z][\w'\u2019-]*\.?\s+){1,2}[A-Z][\w'\u2019-]+)"
                           r"\s+in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?")
_ROLE_NAME_OF = re.compile(r"(?:[a-z][\w-]*\s+){1,3}((?:[A-Z][\w'\u2019-]*\.?\s+){1,2}[A-Z][\w'\u2019-]+)\s+of\s+[A-Z]")


def _affiliated_person(name: str) -> str:
    """"NASA's Steve Clarke", "Texas-based Matt Mackowiak", "Benghazi Widow Dorothy Woods",
    "FBI General Counsel James A. Baker": the person, not the words that place them (an
    owner, a base, a role); other names as they are ("Cornell William Brooks")."""
    words = name.split()
    for size in (2, 3):
        if len(words) <= size:
            break
        person, pre = words[-size:], words[:-size]
        if person[0] not in _names.GIVEN or not all(w[:1].isupper() for w in words):
            continue  # (not "A spokesman for ... candidate Hillary Clinton": the spokesman)
        last = pre[-1]
        if last.endswith(("'s", "\u2019s", "s'", "s\u2019", "-based")) or last.lower() in _ROLE_BEFORE_NAME:
            return " ".join(person)
    return name


# A message and whoever put it out ("A statement issued by the Sanders campaign late Tuesday
# said"): its maker speaks ("carried by" an outlet is a relay: relays.py; "issued by the
# ministry and carried by IRNA": the ministry)
_MADE_BY = re.compile(r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[\w-]+\s+){0,2}?(?:statement|release|letter|memo|note|message"
                      r"|e-?mail|tweet|post|video|ad|(?P<numbers>details|figures|data|statistics))s?\s+(?:(?:released|issued|put\s+out"
                      r"|sent(?:\s+out)?|posted|signed|tweeted|provided|shared|compiled|published)\s+by|from)\s+(?P<maker>\S.*?)"
                      rf"(?:,?\s+and\s+{OBTAINED_BY}\s+\S.*)?")
# ... or named before it: "a foreign ministry statement", "The White House statement" (a
# body's; not "a joint statement", "an official statement", "a Monday statement")
_BODY_STATEMENT = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?P<maker>(?:[\w-]+\s+){0,2}?(?:[Mm]inistry|[Oo]ffice|[Dd]epartment|[Gg]overnment|[Pp]olice"
    r"|[Mm]ilitary|[Aa]rmy|[Nn]avy|[Ee]mbassy|[Cc]onsulate|[Cc]ampaign|[Aa]gency|[Cc]ouncil|[Cc]ommittee|[Cc]ommission"
    r"|[Pp]residency|[Kk]remlin|Pentagon|White\s+House))\s+statement")
# "Florida's Rick Wilson": the state is no part of his name; but it is of "China's Foreign
# Ministry", "Britain's Foreign Office" (a body of that country, not a person)
_PLACES_OWN = re.compile(
    r"((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)['\u2019]s\s+(?=[A-Z][\w'\u2019-]+\s+"
    r"(?!(?:Ministry|Office|Department|Embassy|Consulate|Mission|Army|Navy|Police|Parliament|Cabinet|Government|"
    r"Court|Bank|Council|Commission|Agency|Service|Forces|Guard|Military|Committee|Command|Authority|Bureau|"
    r"Board|Directorate|Secretariat)$)[A-Z][\w'\u2019-]+$)")
_ALL_OF_THEM = re.compile(r"(?<=\w)(?<!\bof)(?<!\bat)\s+(?:both|all|each|also|too)$")
_RANKED = re.compile(r"^(?:[Tt]he\s+)?(?:No\.\s*)?\d+(?:st|nd|rd|th)?-(?:ranked|seeded)\s+(?=[A-Z])")
_BASED = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*-based\s+(?=(?:[a-z]+\s+){0,3}[A-Z])")
_HONOURABLE = re.compile(r"\b(?:the\s+)?Hon(?:ou?rable|\.)\s+")


_FOR_PRINCIPAL = re.compile(r"(?i)\b(?:spokes\w+|aides?|advis[eo]rs?|lawyers?|attorneys?|representatives?)\s+(?:for|to)\b")


_NOT_A_NAME = frozenset("another one others some many several both all each".split())
# "officials in Broward County, Florida": unnamed people of a place, not the place
_UNNAMED_OF_PLACE = re.compile(
    r"(?:[a-z]+\s+){0,2}(?:officials|sources|people|officers|aides|authorities|investigators|residents|"
    r"employees|staffers|lawmakers)\s+(?:in|at|from|for|with)\s+[A-Z]")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_TIME_ENDS = ("week", "month", "year", "night", "yesterday", "today", "earlier", "later", "elsewhere", *_MONTHS)
_TIME_TAIL = re.compile(r"(?<=[A-Za-z])(?:\s+just)?\s+(?:(?:last|this|earlier\s+this)\s+(?:week|month|year|night)|yesterday|today"
                        rf"|earlier|later|elsewhere|in\s+(?:{'|'.join(_MONTHS)}))$")
# a royal title (and its country) before a name; "King" and "Queen" are surnames too often
_ROYAL_TITLE = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:Crown\s+)?(?:Prince|Princess|Sheikh|Emir)\s+(?=[A-Z][a-z])")
# committee, rank and party before a name ("Senate Intelligence Ranking Democrat Dianne Feinstein")
_TITLED_PARTY = re.compile(r"(?:[A-Z][\w.-]*\s+)+(?:Democrat|Republican)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'\u2019-]+)")
# a party before a person's name or title ("Democrat Elijah Cummings", "GOP Rep McCaul")
_PARTY_LABEL = re.compile(r"(?:Democrat|Republican|Independent|Libertarian|GOP)\s+"
                          r"(?=(?:Rep|Sen|Gov)\.?\s+[A-Z]|([A-Z][a-z]+)\s+[A-Z])")


# A name, then the finite verb of a clause it is the subject of ("Bennett denied the notion
# that ...", "Mrs. Clinton tried to expand on ...", "Senator Bernie Sanders of Vermont endorsed")
# (not a sentence's opening word before an adjective, "A married couple", "The retired
# neurosurgeon"; not a participle before its preposition, "People briefed on the talks")
_NAME_THEN_VERB = re.compile(
    r"(?!(?:A|An|The|And|But|Or|So|Yet|Another|Other|Others|Some|Many|Most|Few|People|He|She|They|It|We|I"
    r"|This|That|These|Those|Research|Researchers)\b)"
    r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?:\s+(?:of|from)\s+[A-Z][\w.]*)?(?:\s+campaign)?)"
    r"\s+(?:also\s+|then\s+|later\s+)?(?:tried\s+to|[a-z]{2,}ed\s+"
    r"(?!(?:on|in|at|by|for|with|from|to|into|about|over|under|during|after|before|as)\b)(?:\w|\u201c|\"))")


@lru_cache(maxsize=4096)
def _speaker_name(np: str) -> str:
    """"a senior US official" -> "senior US official"; "Senator Jane Roe" -> "Jane Roe"."""
    name = np.strip()
    if (" by " in name or " from " in name) and (made := _MADE_BY.fullmatch(name)):
        # "A statement released by the Trump campaign", "a statement from the ministry": the maker
        # (but "data from Iowa" are about Iowa)
        maker = made.group("maker").removeprefix("the ")
        if not (made.group("numbers") and is_state(maker)):
            name = made.group("maker")
    elif " statement" in name and (body := _BODY_STATEMENT.fullmatch(name)):
        name = body.group("maker")  # "A foreign ministry statement said": the ministry
    if name[:1].isdigit():
        name = _CLOCK_GLUED.sub("", name)  # a live blog's "10:35PMChris Christie Says": the time
    if " " in name and (things := _THINGS_SAID.match(name)):
        # a headline's "9 (More) Offensive Things Donald Trump Has Said": whoever said them
        if things.group("name").split(None, 1)[0] in _names.GIVEN:
            name = things.group("name")
    if name.endswith(_HEADLINE_ADVERBS):
        name = _HEADLINE_ADVERB_TAIL.sub("", name)  # "Republicans Finally Confirmed": Republicans
    if "Hon" in name:  # "Senator the Hon. Aubyn Hill": a courtesy title, not part of the name
        name = _HONOURABLE.sub("", name)
    if name.endswith(("19", "20"), -4, -2) and " in " in name:
        name = _IN_YEAR.sub("", name)  # "Microsoft in 2017": the year is not the name
    if " on " in name:
        name = _ON_DAY.sub("", name)  # "said Amnesty International on Tuesday, November 19"
    if name.endswith("day"):
        name = _OUT_ON_DAY.sub("", name)  # "a Monmouth poll out Monday": the poll, not its day
    if name.endswith(("released", "published", "issued", "unsealed", "filed", "made public")):
        bare = _RELEASED_TAIL.sub("", name)  # "A Gallup Korea poll released (on Friday) showed",
        if FINDING_HEADS.search(bare) or _is_document(bare):  # "An indictment unsealed on Friday said"
            name = bare
    if name.startswith(("both ", "Both ")) and " and " in name:
        name = name[5:]  # "both Roscosmos and NASA": the two of them
    if " in " in name:
        name = _IN_MEDIUM_TAIL.sub("", name)  # "according to her lawyers in a court filing"
    if name.endswith(("both", "all", "each", "also", "too")):
        name = _ALL_OF_THEM.sub("", name)  # "Noel and Thomas both acknowledged"
    if "-based " in name:
        name = _BASED.sub("", name)  # "the Britain-based Syrian Observatory ...": where it sits, not its name
    if "-" in name[:16]:
        name = _RANKED.sub("", name)  # "the 14th-ranked Schwartzman said"
        name = _AGED.sub("", name)  # "62-year-old Brenda Johnson": her age is no part of her name
    if "\u2014" in name or "\u2013" in name or " --" in name:  # what ``_DASH_SPLIT`` splits at
        parts = _DASH_SPLIT.split(name)
        # "Jason Sims — a teacher —"; but "(Nevada, which) holds a caucus -- Sanders": the
        # name after a clause cut in two
        last = parts[-1] if (parts[0][:1].islower() and parts[-1][:1].isupper()
                             and _SPACED_DASH.search(name)) else ""  # not "Rutgers University–New Brunswick"
        name = last or parts[0] or name
    if _may_hold(name, ("who", "speaking", "using", "studying")):
        name = _WHO_TAIL.sub("", name)
    if "," in name:  # an appositive: the name is the part that looks like one
        parts = [p.strip() for p in name.split(",") if p.strip()]
        for n in range(len(parts) - 1, 0, -1):
            if campus_after(parts[n - 1], parts[n]):
                parts[n - 1:n + 1] = [f"{parts[n - 1]}, {parts[n]}"]  # "the University of California, Berkeley"
        if len(parts) > 1 and (_OPENING_PARTICIPLE.match(parts[0]) or parts[0] in _OPENING_WORDS
                               or _OPENING_TOPIC.match(parts[0])
                               or (_OPENING_PHRASE.match(parts[0])
                                   and (parts[1].count(" ") < 8 or _NAME_THEN_VERB.match(parts[1])))):
            # "Railing Against Trump, Sanders Vows ...", "Plus, other research", "Of Sanders,
            # McCaskill said": the opening is no name
            parts = parts[1:]
        # "Police in Portland, Oregon": the part after a place is the place's state;
        # "(Speaking in Novi,) Michigan, Trump": a state beside a name is not the speaker
        places = {p for p in parts if is_state(p)}
        named = [p for p in parts if p[:1].isupper() and not _ARTICLE_START.match(p) and not _PLACE_PART.match(p)
                 and p not in places]
        people = [p for p in named if all(w[:1].isupper() or w in {"de", "van", "von", "al", "bin"} for w in p.split())]
        if named and named[0].lower() in _NOT_A_NAME and len(parts) == 2:
            named = people = [parts[1]]  # "Another, Pelco, announced": Pelco
        if not people and len(parts) == 2 and _RELATION.match(parts[0]):
            titled = _TITLED_NAME.match(parts[1]) if len(parts[1].split()) >= 3 else None
            tail = _ROLE_THEN_TAIL.search(parts[1]) if parts[1][:1].islower() else None
            if titled and titled.group("name")[:1].isupper():
                # "His wife, longtime Hillary Clinton aide Huma Abedin, announced": the name
                named = people = [titled.group("name")]
            elif tail:
                named = people = [tail.group(1)]  # "Her son, filmmaker Charlie McDowell"
        if not people:
            people = [p for p in parts if _ARTICLE_NAME.fullmatch(p)]  # (not "the company")
        run = (_CAPITAL_RUN.search(parts[0]) if not people and parts[0][:1].islower()
               and not _UNNAMED_OF_PLACE.match(parts[0]) else None)
        if not people and _SHORT_SURNAME.fullmatch(parts[0]) and parts[0] not in _NOT_A_SURNAME:
            name = parts[0]  # "Mayer, Disney's chairman of ...": a short surname, then a role
        else:
            name = run.group() if run else (people or named or [p for p in parts if p not in places and p[:1].isupper()]
                                            or parts)[0]  # "undecided voter Jo Roe of Derry, N.H."
    if "'s " in name or "\u2019s " in name:
        place = _PLACES_OWN.match(name)
        if place and is_state(place.group(1)):
            name = name[place.end():]  # "Florida's Rick Wilson": the state is no part of the name
    if " " in name and ("ed " in name or " tried " in name):  # (a cheap test before the pattern)
        clause = _NAME_THEN_VERB.match(name)
        if clause:
            name = clause.group(1)  # "Bennett denied the notion that ...": Bennett
    if name.count(" ") >= 2 and name[:1].isupper():
        name = _affiliated_person(name)
    name = _LEADING_ARTICLE.sub("", name)
    if name.startswith("One in "):
        name = "o" + name[1:]  # "One in five say" opening a sentence is the "one in five" said later
    described = _MOOD_THEN_NAME.fullmatch(name)
    if described and described.group(1) not in _NOT_MOODS and described.group(1) not in _NAME_PARTICLES \
            and described.group(2) not in PARTIES:
        name = described.group(2)  # "a terse Miller agreed", "a defensive Obama said": the person
    party = _PARTY_LABEL.match(name)
    if party and (party.group(1) is None or party.group(1) in _names.GIVEN):
        name = name[party.end():]  # "Democrat Hillary Clinton": her party is no part of her name
    if "(" in name:
        name = _PARENTHESES.sub("", name)
    if "Prince" in name or "Sheikh" in name or "Emir" in name:
        royal = _ROYAL_TITLE.match(name)
        if royal:
            name = name[royal.end():]  # "Saudi Prince Alwaleed Bin Talal": the title is no part of the name
    if name.endswith(_TIME_ENDS):
        timeless = _TIME_TAIL.sub("", name)
        if timeless.rsplit(None, 1)[-1][:1].isupper() and timeless not in _OPENING_WORDS:
            # "Rep. Brad Sherman last month", "Clark in October": when, not who ("Back in April": neither)
            name = timeless  # (nor "a poll released last week": the time is the poll's)
    if " Democrat " in name or " Republican " in name:
        inner = _TITLED_PARTY.fullmatch(name)
        if inner and inner.group("name").split()[0] in _names.GIVEN:
            # "Senate Intelligence Ranking Democrat Dianne Feinstein", "House Intelligence
            # Republican Mike Pompeo": the committee, rank and party are her titles
            name = inner.group("name")
    # a title and a two-word name make three words at least: most names skip the slow pattern
    m = _TITLED_NAME.match(name) if len(name.split()) >= 3 else None
    if m is None and " of " in name:
        # "Republican Rep. Lee Zeldin of New York", "Sen. Ted Cruz of Texas": the state a
        # titled name is of is no part of it (the reader keeps it among the speaker's places)
        place = _OF_PLACE.search(name)
        if place and is_state(place.group(1)):
            m = _TITLED_NAME.match(name[:place.start()])
    if m and _FOR_PRINCIPAL.search(m.group("title")):
        m = None  # "spokesman for presidential candidate Hillary Clinton": she is whom he speaks for
    if m and m.group("name")[:1].isupper() and m.group("name").split()[0].lower() not in {"house", "department"}:
        name = m.group("name")
    elif (name[:1].islower() and " in " in name and (placed := _ROLE_NAME_IN.fullmatch(name))
          and _ROLE_LINKS.isdisjoint(name[:placed.start(1)].split())):
        name = placed.group(1)  # "political scientist Dossym Satpayev in Almaty": where he is is no part of his name
    elif name[:1].islower() or (" " in name and _INNER_LOWER.search(name)):
        # "former Bush speechwriter Ann Roe" -> "Ann Roe"; at a sentence's start "High
        # school math teacher Angie Cooper" -> "Angie Cooper"
        words = name.split()
        last_lower = max(i for i, w in enumerate(words) if w[:1].islower())
        tail = words[last_lower + 1:]
        if (2 <= len(tail) <= 3 and words[last_lower] not in _NAME_PARTICLES
                and _ROLE_LINKS.isdisjoint(words[:last_lower + 1])):  # not "officials at the State Department"
            name = " ".join(tail)
        elif (" of " in name and (person := _ROLE_NAME_OF.match(name))
              and _ROLE_LINKS.isdisjoint(name[:person.start(1)].split())):  # (not "officials at the State Department of")
            # "planetary geologist Rosaly Lopes of NASA's Jet Propulsion Laboratory": the
            # person of the place, as "Rosaly Lopes of NASA" (the role is no part of the name)
            name = name[person.start(1):]
    if " in " in name and name[:1].isupper() and (state := _IN_STATE_TAIL.search(name)) \
            and " of " in name[:state.start()] and is_state(state.group(1)):
        name = name[:state.start()]  # "Rosaly Lopes of NASA's Jet Propulsion Laboratory in California"
    if "  " in name or "\n" in name:
        name = " ".join(name.split())  # "Cruz  and Trump": a line break or a double space in the text
    return name.strip() or np.strip()


# Outlet lookups are pure (registry, phrase) -> outlet, and names recur from article to
# article ("Trump", "Reuters"): each registry keeps one lookup table across calls. A
# registry is not hashable, so it is found by identity; the entry holds it, so its id is
# never reused while the table lives. Bounded: a few registries, a few thousand phrases.
_OUTLET_CACHES: dict[int, tuple[object, dict]] = {}
_OUTLET_CACHE_REGISTRIES = 4
_OUTLET_CACHE_PHRASES = 8192
_UNKNOWN = object()


def _outlet_cache(registry) -> dict:
    entry = _OUTLET_CACHES.get(id(registry))
    if entry is None or entry[0] is not registry:
        if len(_OUTLET_CACHES) >= _OUTLET_CACHE_REGISTRIES:
            _OUTLET_CACHES.clear()  # tests build many small registries; a trace uses one
        entry = _OUTLET_CACHES[id(registry)] = (registry, {})
    if len(entry[1]) > _OUTLET_CACHE_PHRASES:
        entry[1].clear()
    return entry[1]


_NAME_PARTICLES = frozenset("de del della di da du van von der den ter ten le la al el bin ibn".split())
_MONTHS = frozenset("January February March April May June July August September October November December".split())


def _role_then_name(np: str) -> bool:
    """ "former aide David Axelrod", "pollster Frank Lutz": a lower-case title before a name
    (not "late Tuesday", "on Monday")."""
    words = np.split()
    if len(words) < 2 or words[0].lower() in _PREPOSITIONS or words[0].lower() in {"late", "early", "last", "this", "next"}:
        return False
    last = words[-1].strip(".,")
    return last[:1].isupper() and last not in _TIME_WORDS and last not in _MONTHS


def _norm_name(name: str) -> str:
    return _THE_START.sub("", _NON_WORDS.sub(" ", name.lower()).strip())


def _has_person(np: str) -> bool:
    return _may_hold(np, _PERSON_HEAD_STEMS) and bool(_PERSON_HEAD.search(np))


@lru_cache(maxsize=4096)
def _may_name_outlet(np: str) -> bool:
    """Whether ``resolve`` looks ``np`` up as an outlet: not an official, a source or a person."""
    if "fficial" in np:
        np = _OFFICIAL_OUTLET.sub("", np)  # "the official Xinhua news agency": no official
    return len(np) > 2 and not _anon_heads(np) and not _has_person(np)


_OFFICIAL_OUTLET = re.compile(r"\b(?:[Ss]emi-)?[Oo]fficial(?=" + _OUTLET_AFTER_OFFICIAL.pattern + ")")


_EVEN = re.compile(r"(?i)^(?:even|only|also)\s+")


@lru_cache(maxsize=4096)
def _vague_source(np: str) -> bool:
    if _ONE_REPORT.match(np.strip()):
        return False  # "That report found", "the report said": one document, named before
    # "Critics, like their Republican counterparts," / "Many speakers — including Muslims,
    # Jews —": the head before the aside says who, unless the aside names one of them
    # ("Several candidates, including Trump"); "even some allies" is "some allies"
    head, *aside = _ASIDE.split(np.strip(), 1)
    if aside and _INCLUDING_A_NAME.search(aside[0]):
        return False
    owner = _OWNER.match(head)
    if owner and is_state(owner.group(1)) and _UNNAMED_MEDIA.match("Local " + head[owner.end():]):
        return True  # "North Korea's state media": a country's press, no outlet named
    if owner and owner.group(1) not in _PARTY_WORDS and not _STANCE_GROUP.search(head):
        # "NASA's scientists", "China's leaders": that body's own people, not a crowd
        # ("Trump's critics" are a crowd: a stance toward him)
        return False
    head = _EVEN.sub("", head.strip())
    tail = _UNINVOLVED.search(head)
    if tail:
        head = head[:tail.start()]  # "Experts not involved in the research": still experts
    if _OWN_PEOPLE.match(head) and not _KIND_OF.match(head) and head.split(None, 1)[0] not in PARTIES:
        return False  # "Alibaba leaders", "Google engineers": that body's own people, as "NASA's scientists"
    return bool(VAGUE_SOURCE.match(head) or _UNNAMED_MEDIA.match(head) or _PEOPLE_SOMEWHERE.match(head))


# a capitalised word that says where or whose side a group is, not which body: a nationality
# ("Turkish", "Iranian") or "State", "Local", ... (for _KIND_OF and _UNNAMED_MEDIA)
_PLACE_OR_SIDE = r"[A-Z][a-z]+(?:an|ish|ese|i|ic|ch)|Arab|Greek|Thai|Swiss|Gulf|State|Local|Foreign|Government|Opposition"
# a name, then people of it ("Alibaba leaders have denied"); not a kind ("European leaders",
# "Local leaders", "Democratic leaders")
_OWN_PEOPLE = re.compile(r"[A-Z][\w&.-]*\s+(?:leaders|executives|engineers|scientists|researchers|officials|staff|employees)$")
_KIND_OF = re.compile(rf"(?:{_PLACE_OR_SIDE}|[A-Z][a-z]+(?:al|ive|ous|ent|ant|ary|ed|ing|ful|less|ern)"
                      r"|Party|Business|Community|Military|World|Top|Senior|Some|Many|Most|Other|Former|Outside|Key)\s")


# "Turkish media", "Russian state media", "local TV": the press of a place, no outlet named
# ("BFM TV", "Fox TV" are outlets: a capitalised word there must read as a nationality)
_UNNAMED_MEDIA = re.compile(rf"(?:(?:[a-z][\w-]*|{_PLACE_OR_SIDE}|Official|Regional|National|Western)\s+){{1,3}}"
                            r"(?:media|press|newspapers|outlets|television|TV|news\s+agencies)(?:\s+reports?)?$")
# what says an unnamed crowd's distance from the story, not who they are
_UNINVOLVED = re.compile(r"(?i)(?<=\w)\s+(?:who\s+(?:were|was|are)\s+)?not\s+"
                         r"(?:(?:involved|connected|affiliated)\s+with|involved\s+in)\b.*$")
_OWNER = re.compile(r"(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)['\u2019]s?\s")
_PARTY_WORDS = frozenset(PARTIES) | {"Republican Party", "Democratic Party"}
_STANCE_GROUP = re.compile(r"(?i)\b(?:critics|opponents|supporters|detractors|fans|rivals|foes|enemies|defenders|backers|admirers|skeptics)$")
_ASIDE = re.compile(r",\s+(?=(?:like|unlike|including|such\s+as|among\s+them|as\s+well\s+as)\b)"
                    r"|\s+[\u2014\u2013]\s+|\s+--\s+")
# a capitalised word not ending in "s" after "including": a name ("including Trump"), not a
# group ("including several Democrats", "including Muslims, Christians")
_INCLUDING_A_NAME = re.compile(r"^(?:including|among\s+them|such\s+as)\b.*?\b[A-Z][\w.'\u2019-]*(?<![sS])\b")


_ONE_REPORT = re.compile(r"(?i)(?:the|that|this|its|his|her|their)\s+(?:new\s+|latest\s+)?(?:report|study|poll|survey)$")


# any capitalised word, for the qualifiers of a description
_QUALIFIER_WORD = re.compile(r"\b[A-Z][\w'\u2019-]*")


@lru_cache(maxsize=4096)
def qualifiers(np: str, *, first: bool = False) -> frozenset[str]:
    """The parties, states and countries a description names, after its first word unless
    ``first`` ("the Vermont senator and Democratic presidential candidate" -> Vermont,
    Democratic)."""
    words = _QUALIFIER_WORD.findall(np if first else np.strip().partition(" ")[2])
    out = {PARTIES[w] for w in words if w in PARTIES}
    out |= {w for w in words if is_state(w)}
    out |= {f"{a} {b}" for a, b in zip(words, words[1:]) if is_state(f"{a} {b}")}  # "New Hampshire"
    return frozenset(out)


def qualifiers_conflict(own: frozenset[str], sp) -> bool:
    """Whether an earlier speaker's (``sp``) descriptions name parties, states or countries and none
    of ``own``. A named speaker with no description (its name is no description) conflicts
    with none."""
    described = sp.name[:1].islower() or sp.head in sp.name.lower().split()[-1:]
    theirs: set[str] = set()
    for phrase in ([sp.name] if described else []) + list(sp.descriptors):
        theirs |= qualifiers(phrase, first=True)
    return bool(theirs) and own.isdisjoint(theirs)


_GROUP_OPENERS = frozenset("some many most none all several few both".split())


def is_group(name: str) -> bool:
    """Whether a speaker is a group of people or things ("American officials", "his
    supporters", "75 percent of Republicans", "Wilcox and Beruff"): a "they", never an "it".
    A capitalised name ending in "s" is often one body ("Reuters", "The New York Times")."""
    words = name.split()
    if not words:
        return False
    last, first = words[-1], words[0].lower()
    return (" and " in name or first in _GROUP_OPENERS or first[:1].isdigit() or last.lower() in GROUP_NOUNS
            or (last[:1].islower() and last.endswith("s") and not last.endswith(("ss", "us", "is", "news")))
            or _plural_of_whom(words))


def _plural_of_whom(words: list[str]) -> bool:
    """"Attorneys for Clinton", "officials familiar with the system": several people."""
    return (len(words) > 2 and words[1] in _OF_WHOM and words[0].endswith("s")
            and not words[0].endswith(("ss", "us", "is")))
