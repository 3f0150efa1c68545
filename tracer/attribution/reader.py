"""The state of reading one text: the attributions found so far, the speakers met (for
"he", "she" and "the official" to reach back to), and the spans already taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from ..models import Attribution, Span
from ..names import GIVEN as _GIVEN
from ..names import NOT_PEOPLE, PLACES, TITLE_ABBREVIATIONS
from ..names import TITLE as _TITLE
from ..names import pronoun as _pronoun_of_name
from ..normalize import SENTENCE_STARTERS
from ..outlets import HELD_BY, meant, mistaken
from .speakers import (
    _BODY_WORDS,
    _HE_WORDS,
    _MADE_BY,
    _PEOPLES_NAME,
    _ROLE_OF_TITLE,
    _SHE_WORDS,
    _STATES,
    _TITLED_ROLES,
    _UNKNOWN,
    OFFICE_HEADS,
    OFFICES,
    RECENT,
    _bare_surname,
    _head,
    _is_anonymous,
    _is_document,
    _is_person,
    _may_name_outlet,
    _norm_name,
    _np_span,
    _outlet_cache,
    _pronoun_of,
    _span,
    _Speaker,
    _speaker_name,
    _titled_surname,
    _vague_source,
    is_group,
    is_state,
    offices_of,
    qualifiers,
    qualifiers_conflict,
    roles_of,
)
from .vocabulary import (
    _ANONYMITY,
    _CAPITAL,
    _CLAUSE_VERBS,
    _CONTRACTION,
    _DASH_RUN,
    _DAYS,
    _DEFINITE_START,
    _HONORIFIC,
    _MEDIA_WORD,
    _PERSON,
    _QUOTE,
    CLAUSE_WORDS,
    CUE_WORDS,
    DETERMINERS,
    GROUP_NOUNS,
    OBTAINED_BY,
    PARTIES,
    PRONOUNS,
    _may_quote,
)

# Last words of capitalised pairs that are no person when no given name says otherwise
_NOT_PERSON_LAST = frozenset("Day Week Month Year Eve House Party Department Court Street Avenue Square "
                             "Act Bill Times Post News Journal Tribune Center Centre University College "
                             "Convention Committee Council Association Agency Foundation Institute Commission "
                             "Administration Caucus Conference Campaign Service Office Board "
                             "Tower Hotel Building Plaza Hall Park Eastern Western Northern Southern "
                             "States Island Islands City County Valley Beach Bay River Kingdom Republic".split())


# the heads of one unnamed person whom "that person" or "the source" names again
_ONE_UNNAMED_HEADS = frozenset("source person official aide adviser advisor insider staffer spokesman spokeswoman "
                               "spokesperson strategist operative lawmaker diplomat officer".split())
# a company's legal form, which a text drops once it has named it ("Microsoft Corp said ...
# Microsoft said")
_COMPANY_SUFFIX = re.compile(r",?\s+(?:Corp|Corporation|Inc|Co|Ltd|LLC|plc|PLC)\.?$")
# every word capitalised, after an optional "the": "Business Insider", "the Daily Beast"
_PROPER_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w&'\u2019.-]*(?:\s+[A-Z][\w&'\u2019.-]*)+")
# A news organisation named again by what it is: "The news organization, citing ..."
_MEDIA_BACKREF = re.compile(r"(?i)(?:the\s+)?(?:news\s+(?:organi[sz]ation|outlet|agency|service|site|network)|newspaper|"
                            r"paper|broadcaster|network|magazine|wire\s+service|publication|outlet)$")
_LAST_WORD_OF_NAME = re.compile(r"[Tt]he\s+(Times|Post|Journal|Globe|Tribune|Herald|Guardian|Telegraph|Examiner|Star|Sun|Beast|Hill|Atlantic|Independent)")
# A capitalised run that names a news outlet the registry lacks: two words or more with a
# paper's word among them ("The Times of London", "Atlanta Journal-Constitution"), or a name
# with what it is right after it ("Family Circle magazine", "Kommersant newspaper"); read
# only where "the newspaper" or "the magazine" refers back.
_PAPER_WORD = re.compile(r"\b(?:Times|Post|Journal|Tribune|Herald|Gazette|Telegraph|Chronicle|Observer|Courier|"
                         r"Examiner|Inquirer|Globe|Daily|Sunday|Magazine)\b")
_MEDIA_AFTER = re.compile(r"[ \t]+(?:magazine|newspaper|daily|tabloid|weekly)\b")
_ARTICLE = re.compile(r"^(?:The|A|An)(?:\s+|$)")
_DEMONYM = re.compile(r"[A-Z][a-z]*(?:an|ese|ish|ch|i)")  # "a German newspaper": no name


def _unknown_outlet(run: str, text: str, end: int) -> bool:
    name = _ARTICLE.sub("", run)
    if not name or name in NOT_PEOPLE or _DEMONYM.fullmatch(name):
        return False  # "The newspaper", "a Louisiana newspaper", "the German daily"
    return (" " in name and _PAPER_WORD.search(name) is not None) or _MEDIA_AFTER.match(text, end) is not None


# A company's name as a sentence may give it: made the subject ("Alienware currently has"),
# possessed ("Google's attempt"), described ("Alphabet, the parent company of Google"), or
# named with its suffix ("Vanguard Logistics Services"); for "the company" said after it.
_COMPANY_WORDS = frozenset("Inc Corp Corporation Co Ltd LLC plc Group Holdings Services Industries Technologies".split())
_COMPANY_NOUNS = "(?:company|firm|giant|maker|retailer|group|conglomerate)"
_COMPANY_NAME = re.compile(
    r"(?<![\w.'\u2019-])(?!(?:The|This|That|These|Those|Its|His|Her|Their|Our|My|It|He|She|They|We|I|A|An|As|But|And|Or|So|Yet"
    r"|If|When|While|After|Before|Since|In|On|At|For|From|With|By|To|Of|Just|Even|Only|Also|Then|Now|Still|Here|There"
    r"|Most|Some|Many|Late|Last|Earlier|Later|Meanwhile|Today|Yesterday|Tomorrow)\b)"
    r"(?P<name>[A-Z][\w&-]*[A-Za-z](?:[ \t]+(?:&[ \t]+)?[A-Z][\w&-]*[A-Za-z]){0,3})(?![\w-])"
    r"(?:(?P<owns>['\u2019]s\b)"
    rf"|(?P<called>[ \t]+(?:{'|'.join(sorted(_COMPANY_WORDS))})\b\.?)"
    rf"|(?P<apposed>,[ \t]+(?:the|a|an)[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?{_COMPANY_NOUNS}\b)"
    r"|(?P<acts>[ \t]+(?:[a-z]+ly[ \t]+)?(?:is|was|has|had|have|are|were|will|would|said|says|[a-z]+ed|[a-z]{3,}s)\b))?")
# "the oil giant Exxon Mobil", "the drug company Valeant": the name a description introduces
_COMPANY_DESCRIBED = re.compile(rf"\bthe[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?{_COMPANY_NOUNS}[ \t]+$")
# A body named by what it is, for "the agency", "the department", "the group" said after
# it: a capitalised name ending in a word of that kind ("Congressional Budget Office",
# "Department of Labor", "WeWorkers Coalition"), or, for an agency or organisation, an
# acronym ("CBP", "WHO")
_NAME_WORD = r"[A-Z][\w.&'\u2019-]*"
_KIND_WORDS = {
    "agency": "Agency|Administration|Office|Bureau|Service|Commission|Department|Authority|Enforcement"
              "|Investigations|Protection",
    "department": "Department",
    "ministry": "Ministry",
    "organization": "Organi[sz]ation|International|Foundation|Institute|Association|Watch|Council",
    "group": "Group|Coalition|Alliance|Network|Union|Association|Committee|PAC|Watch|Project|Fund|Council"
             "|Foundation",
}
# the credit rating agencies, which a text calls "the agency" without saying what they are:
# "Moody's expects growth to slow, the agency said"
_RATING_AGENCIES = (r"Moody['\u2019]s|Fitch(?:[ \t]+Ratings)?|Standard[ \t]+(?:&|and)[ \t]+Poor['\u2019]s"
                    r"|S&P(?:[ \t]+Global(?:[ \t]+Ratings)?)?")
_KIND_WORDS["organisation"] = _KIND_WORDS["organization"]
_KIND_WORDS["it"] = "|".join(sorted({w for ws in _KIND_WORDS.values() for w in ws.split("|")}))
_INSTITUTION_NAMES = {
    head: re.compile(
        rf"(?<![\w.'\u2019-])(?P<name>(?:{_NAME_WORD}[ \t]+(?:(?:of|for|and|on)[ \t]+)?){{0,5}}(?:{words})\b"
        rf"(?:[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*)?"
        + (r"|[A-Z]{2,5}(?![\w.'\u2019-])" if head in ("agency", "organization", "organisation") else "")
        + (rf"|(?P<rated>{_RATING_AGENCIES})(?![\w&'\u2019-])" if head == "agency" else "")
        # a country's ministry in lower case: "China's foreign ministry", "the Russian defence ministry"
        + (r"|(?:[A-Z][a-z]+['\u2019]s|[A-Z][a-z]+(?:an|ese|ish|ian|ic|ch|i))[ \t]+(?:[a-z]+[ \t]+){0,2}ministry\b"
           if head == "ministry" else "") + ")")
    for head, words in _KIND_WORDS.items()}
# "the health ministry", "the justice department": the word before the head says which one
_PORTFOLIO_HEADS = frozenset(("ministry", "department"))
_NOT_PORTFOLIOS = frozenset("""the a an its their this that same federal national regional local provincial
city country's nation's government new whole entire relevant""".split())


def _other_portfolio(words: list[str], head: str, name: str) -> bool:
    """Whether the description ``words`` ("the health ministry", "the Prime Minister") gives
    its ``head`` a portfolio that ``name`` ("defence ministry", "Chief Minister") does not hold."""
    if len(words) < 2 or words[-1].lower() != head:
        return False
    held = set(name.lower().split())
    if head in OFFICE_HEADS:
        return any(w.lower() in OFFICES and w.lower() not in held for w in words[:-1])
    if head not in _PORTFOLIO_HEADS:
        return False
    return any(w.lower() not in _NOT_PORTFOLIOS and w.lower() not in held for w in words[:-1])


# a country owning the outlet ("North Korea's official KCNA news agency"): no words of a name
_COUNTRY_S = re.compile(r"\s*((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)['\u2019]s\s")
# a capitalised word just before a name, which may be the name's start ("Lynn Fitch"); not
# an initial ("C. Boyden Gray")
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'\u2019-]+[ \t]+$")
# a name inside a sentence, after a word in lower case or a comma ("worried Tasos Georgelis",
# "On Monday, Lajos Kosa"), whose first word is a given name: not a sentence's first word
# ("Yesterday"), nor part of a longer name ("Hans-Peter Bartels", "Shelley Moore Capito")
_LOWER_WORD_BEFORE = re.compile(r"(?:(?<![\w-])[a-z][\w'\u2019-]*[;:]?|\w,)[ \t]+$")
_NOT_INSTITUTIONS = frozenset("US USA UK EU GOP AP TV CEO CFO COO LLC II III".split())
# "the report" after "a new report released on Monday by Stanford University's Center on
# Poverty and Inequality": the work of whom the text said made it
_WORK_HEADS = frozenset("report study survey poll analysis audit review investigation paper".split())
_WORK_BY = {
    head: re.compile(
        rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?{head},?[ \t]+"
        r"(?:(?:released|published|issued|commissioned|compiled|prepared|conducted|produced|written|"
        r"carried[ \t]+out|out)[ \t]+(?:(?:on|in|over|last|this|earlier|late|early)[ \t]+(?:[\w-]+[ \t]+){1,2}?){0,2})?"
        rf"(?P<prep>by|from)[ \t]+(?P<who>(?:the[ \t]+)?{_NAME_WORD}(?:(?:[ \t]+(?:(?:of|for|and|on|the)[ \t]+)*"
        # (a list inside the name: "National Academies of Sciences, Engineering and Medicine")
        rf"|,[ \t]+(?=(?:{_NAME_WORD}[ \t]+)+and[ \t]+[A-Z])){_NAME_WORD}){{0,7}})")
    for head in _WORK_HEADS}
_PLURAL_WORD = re.compile(r"[A-Z][a-z]+[^s]s")  # "Investors", not "Express"
# a common noun opening a sentence, never a company's name: an abstract noun by its ending
# ("Inflation will slow ..., the central bank said", "Unemployment has risen"), or a word of
# the economy a bank or a company reports on ("Growth slowed", "Demand remains weak"), alone
# or before a plural the rule takes for a verb ("Oil prices fell", "Interest rates will stay")
_ABSTRACT_NOUN = re.compile(r"[A-Z][a-z]+(?:tion|ment|ness|ism)")
_ECONOMY_WORDS = frozenset("""
Growth Demand Supply Output Trade Debt Revenue Profit Spending Lending Activity Oil Gold Gas Fuel
Food Energy Interest Mortgage Home Housing Consumer Stock Bond Market
""".split())
# what may stand before a sentence's subject: a bullet, a conjunction, an opening phrase's comma
_OPENING = re.compile(r"\s*(?:[-\u2013\u2022*][ \t]+)?(?:(?:But|And|Yet|So|Still|Now)[ \t]+|[^,\n\u201c\u201d\"]{2,60},[ \t]+)?")
_NAME_RUN = re.compile(r"[A-Z][\w.&'\u2019-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w.&'\u2019-]*)*")


_SURNAME_SUBJECT = re.compile(  # "Carson brought", "Mr. Netanyahu did", "Bloomberg now denies"
    r"(?:(?P<title>Mr|Mrs|Ms)\.?\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:(?:now|also|then|still|later|[a-z]+ly)\s+)?"
    rf"(?:[a-z]+ed|[a-z]+s|said|told|{'|'.join(sorted(_CLAUSE_VERBS))})\b")
# "Sanders's lengthy victory speech focused": groups as ``_SURNAME_SUBJECT``'s (no title)
_SURNAME_OWNER = re.compile(r"(?P<title>)([A-Z][a-z]+)(?:'s|\u2019s)\s+(?:[a-z]+\s+){0,3}[a-z]+\s+(?:[a-z]+ed|[a-z]+s)\b")
_HONORIFIC_BEFORE = re.compile(r"(?:Mr|Mrs|Ms)\. $")
_IT_SENTENCES = 4  # how far back a body that spoke may be the "it" that follows
_PLURAL_TITLE_BEFORE = re.compile(r"\b(?:Govs|Sens|Reps|Gens|Drs|Profs)\.\s*$")
# a sentence opening on a full name as its subject, perhaps after a role and its comma
# ("Kazakhstan's foreign minister, Erlan Idrissov, plays down", "Foreign minister Erlan Idrissov plays")
_UNKNOWN_SUBJECT = re.compile(
    r"(?:(?:[A-Z][\w'\u2019-]*\s+)?(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])|[A-Z][\w'\u2019-]*\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*,\s+)?"
    r"(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?),?\s+(?:[a-z]+ly\s+)?(?!(?:is|was|has|does)\b)[a-z]{2,}(?:s|ed)\b")
_TITLES_ONLY = re.compile(r"\s*(?:[A-Z][\w.'\u2019-]*\s+){0,4}")  # "Vice President ", "Texas Sen. "
# a sentence's opening phrase before its subject: "At a rally in Portland, Maine, on Thursday
# afternoon, Trump included ..." (to its last comma)
_INTRO = re.compile(r"(?:At|In|On|During|After|Before|Earlier|Later|Speaking|Meanwhile)\b"
                    r"[^.;:!?\"\u201c\u201d]{0,100},\s+")
# "Fox News' Chris Wallace", "the Washington Post's Robert Costa": a person at an outlet
_STAFFER = re.compile(r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})['\u2019]s?\s+"
                      r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019-]*[a-z]){1,2})")
# a network's short name, read only before a person's name ("Fox's Chris Wallace"; "Fox" alone
# is no alias: the animal, Megan Fox)
_STAFF_OWNERS = {"Fox": "Fox News"}
# "Global Times editor Hu Xijin", "Xinhua reporter Li Wei": a person at an outlet by their
# job, who speaks as "RT reporter Ivan Petrov" and "CNN anchor Jake Tapper" did (``resolve``)
_TITLED_STAFFER = re.compile(r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})"
                             r"\s+(?:[a-z][\w-]*\s+){1,3}"
                             r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019-]*[a-z]){1,2})")
_DESK_WORDS = frozenset("checker checkers desk staff team editors editor reporters board".split())
# cues of what a person posts themselves: "CNN's Dana Bash tweeted" reached the page through
# her own account, not through CNN
_OWN_MEDIUM = re.compile(r"(?i)tweet|post")
# kin written just before a full name: another person of the family ("his daughter Ivanka
# Trump"), whom an earlier bare surname is not
_KIN_BEFORE = re.compile(r"(?i)\b(?:daughter|son|wife|husband|brother|sister|father|mother|widow|spouse|"
                         r"niece|nephew|cousin|grand(?:son|daughter|father|mother)|first\s+lady)\b[^.;]*\Z")
# kin opening a sentence by a given name: "But his wife, Jane, offered a preview"
# (the kin word's pronoun is the one a speaker's name gives: _SHE_WORDS, _HE_WORDS)
_KIN_SUBJECT = re.compile(r"(?:(?:But|And|Yet|So|Meanwhile),?\s+)?(?:[Hh]is|[Hh]er|[Tt]heir)\s+"
                          r"(?P<kin>wife|mother|daughter|sister|widow|husband|father|son|brother|widower),\s+"
                          r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*),")
# what a news outlet's name does that a person of that surname does not, as a cue
_PUBLISHED = frozenset("reported reports reporting according wrote writes published publishes cited citing".split())
_AT_EVENT = re.compile(r"\s+(?:\w+\s+)?at\s+(?:the|a|an)\s")  # "said at the POLITICO event": not on air
_GIVEN_NAMES = re.compile(r"(?:[A-Z][\w'\u2019-]*\.?)(?: [A-Z][\w'\u2019-]*\.?)*")  # "Debbie", "Amanda A."
_SUMMARY_END = 600  # a surname this early may be named in full only after it (an abstract, a lede)
# a plural subject opening a sentence, and its verb: "Progressives tend", "Cruz's allies
# bristle", "Millennials have reached", "Other Republican leaders said"
_PLURAL_SUBJECT = re.compile(
    r"(?:(?:But|And|Still|Yet|Now|Instead|Meanwhile),?\s+)?"
    r"(?P<np>(?:[A-Z][\w'\u2019-]*|[a-z]+)(?:\s+[\w'\u2019-]+){0,3}?\s+[a-z][\w-]*[a-z]s|[A-Z][a-z]+[a-z]s"
    # two people: "Professors Foner and Alba suggest", "Mr. Smith and Ms. Jones have"
    r"|(?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]+\s+and\s+(?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]+)"
    r"\s+(?:(?:also|often|still|now|all|both|generally|largely|mostly)\s+)?"
    r"(?:have|had|are|were|say|said|tend|want|think|believe|argue|insist|agree|worry|fear|know|see|will|would|"
    r"can|could|may|might|do|did|don['\u2019]t|didn['\u2019]t|[a-z]+ed|(?!(?:%s)\b)[a-z]{3,}(?<!s))\b"
    % "|".join(sorted("""
    the and but for nor yet who whom whose that which than then there here too only also alike abroad
    familiar close such nationwide themselves across about after before during since until without within
    through around between among against into over under onto upon like from with including especially
    """.split())))
_NOT_A_GROUP = frozenset("""
it its this that these those there here he she his her i we you all in with on at for from after before
during as when while if because since though although despite under over by of to into about among
between without within unless once whether until even
""".split())  # a pronoun, or an opening phrase ("In a press release", "With Nusra fighters playing")
_REPORT_WORDS = CUE_WORDS | {"is", "are", "was", "were", "has", "have", "had"}  # no subject holds one
_NOT_PLURAL = frozenset("was has this his its does yes thus always perhaps whereas across unless is us".split()
                        # "A few minutes later they": a time, no group
                        + "seconds minutes hours days weeks months years decades times".split())  # -s, no plural
# "his campaign", "her lawyer": the people around a person; named by whose they are
# ("Bernie Sanders's campaign"), as "he" or "she" there would be
# a body's own document: "its weekly update", "its latest report"
_ITS_DOCUMENT = re.compile(r"(?i)its\s+((?:[\w-]+\s+){0,2}?(?:update|report|statement|filing|assessment|analysis|data|survey"
                           r"|estimate|estimates|figures|website|release|bulletin|announcement|notice|review|study))")
# figures a crowd of companies reported are each one's own, no rumour ("most of the companies
# reported in-line or better than expected results", "many retailers reported weak sales")
_RESULT_VERBS = frozenset("reported report reports posted".split())
_OWN_RESULTS = re.compile(r"(?i)(?!that\b)(?:[\w-]+\s+){0,6}?(?:results|earnings|profits?|revenues?|sales|losses|growth|"
                          r"quarter|figures)\b")
# a person's document and the clause that says what it says ("Clinton's statement in an
# affidavit that she ...")
_OWNERS_DOCUMENT = re.compile(
    r"\b(?P<owner>[A-Z][\w-]+)['\u2019]s\s+(?:[\w-]+\s+){0,2}(?:statement|affidavit|claim|assertion|testimony"
    r"|letter|e-?mail|remarks|account|insistence|argument|contention|promise|pledge)\b"
    r"(?:[^.;\u201c\u201d\"\n]|\.(?=\s+[\d(a-z])){0,90}?"  # (through "Aug. 8, 2015,")
    r"\bthat\s+\Z")
# a subject after "if", "unless", "whether" does not report: the clause supposes or asks
_CONDITION_BEFORE = re.compile(r"(?i)\b(?:if|unless|whether)\s+\Z")
_OBTAINED_BY_OUTLET = re.compile(rf"\s{OBTAINED_BY}\s")
_POSSESSED_NOUNS = "|".join("""
campaign campaigns camp aide aides adviser advisers advisor advisors lawyer lawyers attorney attorneys
spokesman spokeswoman spokesperson spokespeople representative representatives office team staff
staffers wife ex-wife husband ex-husband son sons daughter daughters brother brothers sister sisters
mother father parents family friend friends supporters allies critics defenders surrogates doctor
physician colleague colleagues boss rivals opponents manager chief publicist agent
""".split())
_POSSESSED = re.compile(r"(?i)(his|her)\s+((?:[\w-]+\s+){0,3}?(?:%s))" % _POSSESSED_NOUNS)
# "his remarks (carried by IRNA)", "her latest comments", "his statement": the person's own
# words, so the person "he" or "she" names speaks (not "his campaign statement": the campaign's)
_OWN_WORDS = re.compile(r"(?i)(?P<words>(his|her)\s+(?:(?!(?:%s)\s)[a-z][\w-]*\s+){0,2}?(?:remarks|comments|statements?))"
                        r"(?:,?\s+(?:and\s+)?%s\s+\S.*)?" % (_POSSESSED_NOUNS, OBTAINED_BY))
# "The statement, carried by IRNA, said": the statement spoken of before, read as "the
# statement" alone is (its maker, when one spoke in a statement: ``_stated_before``; else the
# statement itself); relays.py adds the outlet that carried it
_CARRIED_STATEMENT = re.compile(rf"(?P<doc>[Tt]he\s+statement),?\s+(?:and\s+)?{OBTAINED_BY}\s+\S.*")
_POSSESSED_ONE = frozenset("""
aide adviser advisor lawyer attorney spokesman spokeswoman spokesperson representative wife ex-wife
husband ex-husband son daughter brother sister mother father friend doctor physician colleague boss
manager chief publicist agent
""".split())  # one person
_POSSESSED_PRONOUN = {**dict.fromkeys("spokeswoman wife ex-wife daughter sister mother".split(), "she"),
                      **dict.fromkeys("spokesman husband ex-husband son brother father".split(), "he")}
# What an outlet published, named by the outlet: "a report in The Guardian", "The Guardian's
# story", "a new Bloomberg analysis" speak for The Guardian and Bloomberg. Not speakers'
# _DOCUMENT_HEADS: an outlet's letter, tweet or interview holds someone else's words.
_DOCUMENT_WORDS = frozenset("""
report reports story stories article articles investigation investigations analysis analyses
editorial piece dispatch tally count review survey poll data estimate estimates calculation
calculations exclusive
""".split())
_REPORT_FILLER = frozenset("""
a an the in by from of on published new recent latest earlier separate investigative own
monday tuesday wednesday thursday friday saturday sunday
news agency newspaper paper daily weekly magazine broadcaster channel network website outlet wire service
""".split())  # (the last line what the outlet is: "a report by the Yonhap news agency")


# what a story says an outlet is, before its name: "the Kremlin-backed RT", "pro-government
# Sabah", "the state-run"
_OUTLET_DESCRIBED = re.compile(
    rf"(?:[Tt]he\s+)?(?:(?:[\w.]+-(?:{HELD_BY}|leaning)"
    r"|[Pp]ro-[\w-]+|[Ss]tate|[Oo]fficial|[Ss]emi-official|[Ii]ndependent|[Oo]pposition)\s+)+")


def _described(np: str, name: str) -> bool:
    """Whether ``np`` is the outlet ``name`` with only what it is before it ("the
    Kremlin-backed RT")."""
    np = np.strip()
    m = _OUTLET_DESCRIBED.match(np)
    return m is not None and _norm_name(np[m.end():]) == _norm_name(name)


# what follows an outlet's name and is no part of it: a relative clause ("Fars, which is
# close to the Guards"), the acronym it goes by ("the Korean Central News Agency (KCNA)")
_RELATIVE_TAIL = re.compile(r",\s+(?:which|that)\s.*\Z", re.DOTALL)
_ACRONYM_AFTER = re.compile(r"\s+\([A-Z][A-Za-z]{1,7}\)")


def _named_words(outlet, np: str) -> int:
    """How many words name ``outlet`` in ``np``: its name's, or its longest alias's found there
    ("Korean Central News Agency" for KCNA)."""
    low = np.lower()
    return max([len(outlet.name.split())] + [len(n.split()) for n in outlet.aliases if n.lower() in low])


def _outlets_report(np: str, name: str) -> bool:
    """Whether ``np`` is a document the outlet ``name`` published ("a report in The Guardian")."""
    own = {w.lower() for w in re.findall(r"[\w&.-]+", name)}
    rest = [w.lower() for w in re.findall(r"[\w&.-]+", re.sub(r"['\u2019]s\b", "", np)) if w.lower() not in own]
    return bool(rest) and any(w in _DOCUMENT_WORDS for w in rest) and all(
        w in _DOCUMENT_WORDS or w in _REPORT_FILLER for w in rest)


# "the company" is a body that spoke just before (``resolve``)
_COMPANY_HEADS = frozenset("company firm retailer automaker carmaker airline bank insurer network".split())
# what a story calls a person it has just named ("the retired neurosurgeon", "the former
# presidential candidate"): never an unnamed source's heads (official, aide, spokesman), nor
# an interviewer's ("the host said" after the guest's answer is the host)
_EPITHETS = frozenset("""
neurosurgeon surgeon physician doctor candidate nominee frontrunner front-runner contender hopeful
businessman businesswoman billionaire mogul developer entrepreneur executive economist activist
actor actress singer star author novelist professor scientist researcher historian
comedian rapper musician coach quarterback veteran diplomat founder commentator pundit pollster
strategist columnist writer lawmaker legislator incumbent challenger evangelist pastor preacher
republican democrat
""".split())
_PARTY_NOUNS = frozenset(("republican", "democrat"))
_PARTY_NAMES = frozenset(PARTIES.values())
# what may name the person just named: an epithet, or a role no title was given for ("Christie
# defended ... “...,” the governor said"); not "the president", as often another person
_JUST_NAMED_HEADS = _EPITHETS | (_TITLED_ROLES - {"president"})
_STRAIGHT_QUOTE_END = re.compile(r',"\s*$')  # spoken words in straight quotes, closing on a comma
# "..., a point Feinstein also acknowledged": she speaks, the clause before is the point
_POINT_NOUNS = ("point", "claim", "view", "assertion", "charge", "fact", "notion", "position", "argument")
_POINT_CONCEDED = re.compile(r"(?:^|,\s+)(?:a|an)\s+(?:%s)\s+" % "|".join(_POINT_NOUNS) +
                             r"(?P<who>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*)$")
# "Prince Alwaleed", "Sheikh Tamim": a royal named by title and given name
_ROYAL = re.compile(r"(?:[Tt]he\s+)?(?:Crown\s+)?(?:Prince|Princess|Sheikh|Emir)\s+([A-Z][a-z]+)(?=\s*(?:,|$))")
# "Nevins of Showtime": a surname and the body the person is of
_SURNAME_OF = re.compile(r"([A-Z][a-z]+) of (?:the )?[A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*)*")
_ASKED_AFTER = re.compile(r"\s+(?:asked|wondered|inquired)\b")
_ASKED_BEFORE = re.compile(r"\basked\s+(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?$")  # "Conroy asked Sanders": who answers
_ANYONE = frozenset("someone somebody anyone anybody everyone everybody".split())
_WHO_CROWDS = frozenset(("those", "some", "many", "others", "few"))  # "some who warned"
_NO_WHO_HEADS = frozenset("""number share proportion majority minority percentage rest state city country nation
area county region district town world community neighborhood""".split())
# a sentence opening on a participle phrase: "Asked about ...,", "Speaking to reporters ...,"
_OPENING_PHRASE = re.compile(r"(?:Asked|Pressed|Reached|Questioned|Speaking|Responding|Referring|Writing)\s")
_OBJECT_PRONOUNS = {"him": "he", "them": "they"}


class _Reader:
    """The state of one pass over one text (local to ``extract``; only outlet lookups outlive it)."""

    def __init__(self, text: str, registry):
        self.text = text
        self.registry = registry
        self.speakers: list[_Speaker] = []
        self.out: list[Attribution] = []
        self.used: list[tuple[int, int]] = []  # cue spans taken
        self.quoted: list[tuple[int, int]] = []  # quote spans attributed
        self.blocked: list[tuple[int, int]] = []  # spans no cue may come from (sources, dateline)
        self.dateline_end = -1
        self.outlet_cache = _outlet_cache(registry)
        self.by_name: dict[str, _Speaker] = {}
        self.sentence_starts: list[int] = []  # of ``sentences(text)``, set by ``extract``
        self.headline_end = text.find("\n") if "\n" in text else 0  # a .txt file's first line
        self.mentions: list[tuple[int, int, _Speaker]] = []  # source spans and whom they name
        self.named_only: list[Span] = []  # subjects of no attribution ("Trump was asked"), see ``mention``
        self.outlet_of: dict[str, str] = {}  # speaker -> the outlet they were named at ("Fox News' Chris Wallace")
        self.subject_names: list[tuple[int, int, str]] = []  # people opening sentences, set by ``extract``

    # speakers -----------------------------------------------------------------------
    def staffer(self, np: str) -> tuple[str, int, str] | None:
        """(person, offset of the person in ``np``, outlet) for "Fox News' Chris Wallace":
        the person speaks, and what they said reaches the page through their outlet. None
        for any other phrase ("The Washington Post's Fact Checker" is the Post's)."""
        if "'" not in np and "\u2019" not in np:
            return None
        m = _STAFFER.fullmatch(np.strip())
        if m is None or m.group("name").rsplit(None, 1)[-1].lower() in _DESK_WORDS:
            return None
        outlet = self.registry.named(_STAFF_OWNERS.get(m.group("owner"), m.group("owner")))
        if outlet is None or not _is_person(m.group("name"), self.registry.named(m.group("name")) is not None):
            return None
        return m.group("name"), np.index(m.group("name")), outlet.name

    def _titled_staffer(self, np: str, outlet) -> bool:
        """Whether ``np`` is a person named after ``outlet`` and their job ("Global Times
        editor Hu Xijin"): the person speaks, not the outlet."""
        m = _TITLED_STAFFER.fullmatch(np.strip())
        return (m is not None and self.outlet(m.group("owner")) is outlet
                and _is_person(m.group("name"), self.registry.named(m.group("name")) is not None))

    def resolve(self, np: str, at: int | None = None) -> tuple[str, bool]:
        """(speaker, anonymous) for a subject phrase, resolving pronouns and back-references."""
        staff = self.staffer(np)
        if staff is not None:
            name, offset, _ = staff
            return self.resolve(name, None if at is None else at + offset)
        carried = _CARRIED_STATEMENT.fullmatch(np.strip()) if at is not None else None
        if carried:
            return self.resolve(carried.group("doc"), at)
        low = np.lower().strip()
        if "'" in low or "\u2019" in low:
            low = _CONTRACTION.sub("", low)  # "We\u2019re" -> "we"
        pair = _PRONOUN_AND_THEIRS.match(np.strip())
        if pair is not None and at is not None:
            # "he and his wife Kali": whom "he" names, and the rest as written
            name, anon = self.resolve(pair.group(1), at)
            if name.lower() != pair.group(1).lower():
                return f"{name} and {pair.group(2)}", anon
        # ("Fars news agency, which is close to the Guards": Fars)
        tail = _RELATIVE_TAIL.search(np) if ", " in np else None
        named = np[:tail.start()] if tail and "," not in np[:tail.start()] else np  # (not "CNN, like AP, which")
        if (_may_name_outlet(named) or (_PROPER_NAME.fullmatch(named.strip()) and self.registry.named(named) is not None)) \
                and not _OBTAINED_BY_OUTLET.search(named):  # (what an outlet obtained is no outlet: relays.py)
            # (the second: a known outlet whose name holds a role word, "Business Insider")
            outlet = self.outlet(named)  # "the TASS news agency" -> "TASS"
            owner = _COUNTRY_S.match(named) if outlet is not None else None
            words = len(_ACRONYM_AFTER.sub("", named).split()) - (
                len(owner.group(1).split()) if owner and is_state(owner.group(1)) else 0)
            if outlet is not None and (words <= _named_words(outlet, named) + 4 and (
                    outlet.kind == "agency" or _MEDIA_WORD.search(named) or _norm_name(named) == _norm_name(outlet.name)
                    # (by any name it goes by: "State-run Pakistan Television" is PTV (Pakistan))
                    or any(_described(named, name) for name in (outlet.name, *outlet.aliases)))
                    or _outlets_report(named, outlet.name)) \
                    and not self._titled_staffer(named, outlet):
                return outlet.name, False
        if at is not None and low.startswith("the "):
            outlet = self.outlet_before(np, at)
            if outlet is not None:
                # a speaker, as the phrase was before it was known for the outlet: "The Post
                # reported that ... It added" is the Post
                speaker = self.by_name.get(outlet)
                if speaker is None:
                    speaker = self.by_name[outlet] = _Speaker(outlet, None, False)
                    self.speakers.append(speaker)
                else:
                    self._mentioned_last(speaker)
                return outlet, False
        low = _OBJECT_PRONOUNS.get(low, low)  # "according to him": the one "he" is
        if low == "who" and at is not None:
            antecedent = self._antecedent(at)
            if antecedent is not None:  # "from Mike Lee, who declared": Mike Lee, not the last speaker
                return self.resolve(antecedent.text, antecedent.start)
        if low in PRONOUNS or low in {"who", "his", "her"}:
            return self._pronoun(np, low, at)
        possessed = _POSSESSED.fullmatch(np.strip()) if at is not None else None
        if possessed:
            pronoun = "he" if possessed.group(1).lower() == "his" else "she"
            owner = self._last_named(pronoun, at)
            unnamed = False
            if owner is None:  # no one named that near: whom "he" or "she" would name
                # (not a person further back: "The minister did not comment, but his
                # spokesman said" is no "President Trump's spokesman")
                owner, unnamed = self._pronoun(pronoun, pronoun, at, names_near=False)
                # (a name that says it is a person's: not "EgyptAir", "GOP presidential nominee")
                unnamed = unnamed or not (_pronoun_of_name(owner) or _TITLE.match(owner))
            if owner[:1].isupper() and owner != "I" and not unnamed and "'s " not in owner:  # (not "X's brother's")
                anon = _is_anonymous(np)  # "his aides" stay unnamed, whoever's they are
                return self._possessed(f"{owner}'s {possessed.group(2)}", anon)
        own_words = _OWN_WORDS.fullmatch(np.strip()) if at is not None else None
        if own_words:
            # the one "he" or "she" would name there, as for "he said"; the words themselves
            # when no one fits ("his remarks", as the text wrote them)
            pronoun = "he" if own_words.group(2).lower() == "his" else "she"
            owner, anon = self._pronoun(pronoun, pronoun, at)
            return (owner, anon) if owner != pronoun else (own_words.group("words"), False)
        its = _ITS_DOCUMENT.fullmatch(np.strip()) if at is not None else None
        if its and self.speakers:
            # "according to its weekly update" after "The World Health Organization said": that
            # body's update, from the body that spoke in this sentence or the one before
            body = self._it_near(at)
            if body is not None and not body.anonymous:
                return self._possessed(f"{body.name}'s {its.group(1)}", False)
        head = _head(np)
        if _DEFINITE_START.match(np) and head:
            found = self._described(np, low, head, at)
            if found is not None:
                return found
        return self._named(np, head, at)

    def _pronoun(self, np: str, low: str, at: int | None, *, names_near: bool = True) -> tuple[str, bool]:
        """(speaker, anonymous) for a pronoun ``low`` (or "who", "his", "her"): the writer, the
        reader, or the speaker or person named before that it fits. Without ``names_near``,
        a person never quoted is looked for only while no one has spoken."""
        sp = None
        if low == "you":
            # the reader ("everything else you say"), a question's ("Would you say") or an
            # interview's guest ("Q: You said yesterday"): never the last speaker named
            return "you", False
        if low in {"we", "us", "our"} and not self._in_quote(at):
            return "we", False  # "As we said in our review": the writer, not the last speaker
        if low == "i" and at is not None and not self._in_quote(at) and at > self.text.find("\n"):
            # "I truly believe ...", "when I asked him" outside a quote: the writer (a
            # headline's "Blumenthal: ‘No Idea’ If I Would ..." is the one it quotes)
            return "I", False
        if self.speakers:
            if low in {"it", "its"} and at is not None:
                sp = self._it_near(at) or self._it_recent(at)
            else:
                sp = ((self._document_owner(low, at) if at is not None and low in {"he", "she"} else None)
                      or (self._mentioned(low, at) if at is not None and low in {"he", "she", "they"} else None))
                if sp is None and low == "they" and at is not None:
                    # no group spoke near: the plural subject opening this sentence or the one
                    # before, before any group further back ("Professors Foner and Alba suggest
                    # ... They write", not a ministry quoted paragraphs before)
                    group = self._plural_subject(at)
                    if group is not None:
                        return self._group(group)
                if sp is None:
                    sp = self._compatible(low)
                    if (sp is not None and at is not None and low in {"he", "she"} and self._replies(low, at)
                            and sp.name in self._askers(max(0, at - 600), at)):
                        sp = None  # the one who asked does not reply: a person named near does
            told = _TOLD_OBJECT.match(self.text, at + len(low)) if sp is not None and at is not None else None
            if told and sp.surname in told.group(1).split():
                sp = None  # "he told Hannity" is not Hannity, whoever else it is
        if sp is not None:
            if low in {"he", "she"}:
                sp.pronoun = sp.pronoun or low
            return sp.name, sp.anonymous
        if low == "it" and at is not None:
            # no body that spoke fits: one named by its kind ("the Business Council of British
            # Columbia opposed an increase. “...,” it recommended")
            named = self._institution_before("it", at)
            if named is not None:
                return self._body(named, at)
        if low == "they" and at is not None and not self.speakers:
            # "Millennials have reached a broad consensus ...: By nearly 2-1, they say"
            group = self._plural_subject(at)
            if group is not None:
                return self._group(group)
        # no speaker fits (or none spoke yet): a person the text named near, though never as a
        # source ("Susan Rice said ... But Mr. Netanyahu did not see it that way. ..., he complained")
        if at is not None and (low in {"he", "she"} and names_near or low in {"he", "she", "who"} and not self.speakers):
            floor = max(0, at - 600)
            found = [*_PERSON.finditer(self.text, floor, at)]
            if low != "who":  # "Mr. Trump wasn't satisfied. ..., he said"
                found = sorted(found + [*_MR_SURNAME.finditer(self.text, floor, at)], key=lambda m: m.start())
                # not the one the pronoun acts on ("she advises President Htin Kyaw")
                acts_on = _PRONOUN_ACTS_ON[low]
                found = [m for m in found if not acts_on.search(self.text, max(0, m.start() - 30), m.start())]
            names = [_whole_name(self.text, m, at) for m in found]
            if names and _may_quote(self.text[floor:at]):
                # not a name inside a quote ("“Going to Pizza Express ...,” he said")
                quotes = [m.span() for m in _QUOTE.finditer(self.text, floor, at)]
                names = [_whole_name(self.text, m, at) for m in found if not any(s <= m.start() < e for s, e in quotes)]
            # "he"/"she": the last name whose given name (or "Mr."/"Ms.") fits ("Robby
            # Mook"), else the last titled one ("President Obama"); an untitled pair with
            # no given name we know was as often a place or a phrase ("San Bernardino",
            # "Iraq War"). "who": the last that may be a person, unless a common noun comes
            # first ("voters who").
            if low == "who":
                before = self.text[max(0, at - 40):at].rstrip(" ,").rsplit(None, 1)[-1:]
                fitting = ([n for n in names if self._may_be_person(n)]
                           if not before or not before[0][:1].islower() else [])
            else:
                fitting = ([n for n in names if (_pronoun_of_name(n) or _honorific_pronoun(n)) == low]
                           or [n for n in names if _TITLE.match(n) and self._may_be_person(n)
                               and _honorific_pronoun(n) in (None, low)  # (not "he" for "Mrs. Clinton")
                               and _pronoun_of_name(n) in (None, low)])  # (nor "she" for "President Barack Obama")
            if fitting:
                name = fitting[-1]
                if _honorific_pronoun(name):  # "Mr. Trump" after "Donald J. Trump": the full name
                    surname = name.rsplit(None, 1)[-1]
                    name = next((n for n in reversed(names) if not _honorific_pronoun(n)
                                 and n.rsplit(None, 1)[-1] == surname), name)
                bare = _TITLE.sub("", name, count=1)
                if " " not in bare:  # "Mr. Ryan", "Admiral Harris": the full name given further back
                    name = self._full_name_before(bare, at, None if low == "who" else low) or name
                return _speaker_name(name), False  # "Governor John Rankin" -> "John Rankin"
        if low == "i":
            return "I", False  # the writer, or the one speaking in a transcript
        if low == "who" and at is not None and (described := self._who_described(at)) is not None:
            return self.resolve(described.text, described.start)
        return (low if low in PRONOUNS else np.strip()), False

    def _described(self, np: str, low: str, head: str, at: int | None) -> tuple[str, bool] | None:
        """(speaker, anonymous) for a definite description ("the group", "the senator", "the
        statement", "the retired neurosurgeon") that names one named before; None if none."""
        # "the group" after "the National Golf Foundation said": the body named before
        # (not a name of its own: "The Heritage Foundation" is not the group named before)
        words = np.split()
        # no name inside it: "the new report", not "the Pew report"
        described = not any(w[:1].isupper() for w in words[1:])
        generic = head in _BODY_WORDS and len(words) <= 3 and described
        own = qualifiers(np)
        numbers = {w for w in words if w.replace(",", "").replace(".", "").isdigit()}  # (not "50-state")
        if head == "statement" and len(words) == 2 and at is not None:
            # "the US military said in a statement. ... “...,” the statement said": its maker
            sp = self._stated_before(at)
            if sp is not None:
                return sp
        if head in _COMPANY_HEADS and len(words) == 2 and at is not None:
            # "Twitter said in a statement ... The company said": a body that spoke in
            # this sentence or the one before, as "it" would be
            sp = self._it_near(at)
            if sp is not None and not self._relays_here(sp.name, at):
                return sp.name, sp.anonymous
        if head in _COMPANY_HEADS and at is not None and len(words) <= 4 and described:
            # "Velocity Micro is still letting you ... The company is quoting": no body spoke
            # that near, but one the text made the subject of a sentence, or named as a company
            named = self._company_before(at)
            if named is not None:
                return self._body(named, at)
        if head in _WORK_HEADS and at is not None and len(words) <= 3 and described:
            work = self._work_before(head, at)
            if work is not None:
                return work
        if head in _INSTITUTION_NAMES and at is not None and len(words) <= 3 and described:
            # "CBP announced ... the agency said", "according to the nonpartisan Congressional
            # Budget Office ... the agency said": the body of that kind named just before
            named = self._institution_before(head, at)
            if named is not None and not _other_portfolio(words, head, named):
                return self._body(named, at)
        if head in _PARTY_MEMBERS and len(words) == 2 and at is not None:
            # "Former Florida Sen. Bob Graham ... The Democrat told Yahoo! News": the elected
            # official just named, whose party the text does not give as another
            found = self._member_before(head, at)
            if found is not None:
                return found
        for sp in reversed(self.speakers[-RECENT:]):
            # a title given before ("Sen. Ted Cruz", then "the senator"), unless the
            # description names a state or party not said of them ("the Florida senator")
            titled = head in sp.roles and (not own or not own.isdisjoint(sp.places))
            if sp.head == head or titled or (generic and sp.head in _BODY_WORDS and not sp.anonymous):
                if numbers and not numbers <= set(sp.name.split()):
                    continue  # "the 30 percent who say" is not the "50 percent" before
                if own and qualifiers_conflict(own, sp):
                    continue  # "the Vermont senator and Democratic candidate" is not "the Florida senator and Republican candidate"
                if _other_portfolio(words, head, " ".join((sp.name, *sp.offices))):
                    continue  # "the health ministry" is not the "defence ministry" quoted before
                extra = _speaker_name(np)
                extra = re.sub(rf"(?i)\s*\b{re.escape(head)}s?\b\s*", " ", extra).strip()
                if extra and extra.lower() not in sp.name.lower() and extra not in sp.descriptors:
                    sp.descriptors.append(extra)
                return sp.name, sp.anonymous
        if head in {"person", "source"} and len(words) == 2:
            # "a source close to him said. That person said": the unnamed one just quoted
            for sp in reversed(self.speakers[-RECENT:]):
                if (sp.anonymous and sp.head in _ONE_UNNAMED_HEADS
                        and sp.head + "s" not in sp.name.lower().split()):  # not "sources close to him"
                    return sp.name, sp.anonymous
        if at is not None and head in _TITLED_ROLES and len(words) <= 4:
            found = self._titled_before(head, own, at, vice="vice" in low.split(),
                                        former="former" in low.split())
            if found is not None:
                return found
        if at is not None and head in _JUST_NAMED_HEADS and len(words) <= 6 and (head in np or head in _PARTY_NOUNS):
            # (a capitalised head is a name's, "The Philippine Star"; but "the Republican")
            # "Ben Carson said ... the retired neurosurgeon told REVOLT TV ... The former
            # Republican presidential candidate continued": the person just named
            sp = self._person_just_named(at) if _plain_epithet(words[1:]) else None
            places = own - _PARTY_NAMES  # (not "the Florida senator" for "Texas Sen. Ted Cruz")
            if sp is not None and not (own and qualifiers_conflict(own, sp) or places and sp.places and places.isdisjoint(sp.places)):
                return sp.name, sp.anonymous
        if (at is not None and low.startswith("the ") and 2 <= len(words) <= 3 and described
                and head not in _BODY_WORDS and head not in _COMPANY_HEADS and head not in _ROLE_OF_TITLE):
            # (a title's holder is ``_titled_before``'s: "the president" is not "World Bank President ...")
            return self._role_named_before(" ".join(words[1:]), at)
        return None

    def _role_named_before(self, role: str, at: int) -> tuple[str, bool] | None:
        """'the analyst' after "Jefferies analyst Jonathan Matuszewski said": the person
        last named with that role just before the name, outside quotes, within a few
        paragraphs; None when the text gave the role to no one so."""
        floor = max(0, at - 1500)
        quotes = [q.span() for q in _QUOTE.finditer(self.text, floor, at)]
        pattern = re.compile(rf"\b(?i:{re.escape(role)})\s+(?P<name>(?:[A-Z][a-z]+\.?\s+){{1,2}}[A-Z][\w'\u2019-]*[a-z])\b")
        found = [m for m in pattern.finditer(self.text, floor, at) if not any(qs < m.start() < qe for qs, qe in quotes)]
        if not found or not self._may_be_person(name := found[-1].group("name")):
            return None
        surname = name.split()[-1]
        if any(m.group().split()[-1] != surname for m in _PERSON.finditer(self.text, found[-1].end(), at)
               if not any(qs < m.start() < qe for qs, qe in quotes)):
            return None  # another named since ("actress America Ferrera ... star Selenis Leyva ... The actress")
        known = self._known_person(name)
        return known.name, known.anonymous

    def _named(self, np: str, head: str, at: int | None) -> tuple[str, bool]:
        """(speaker, anonymous) for a name or a description: a speaker named before by this name
        or a part of it ("Trump" after "Donald Trump"), else a new speaker."""
        name, anon = _speaker_name(np), _is_anonymous(np)
        honorific = _honorific_pronoun(np.strip())  # "Mr. Chipok": he
        royal = _ROYAL.match(np.strip())
        if royal:
            # "Prince Alwaleed" after "Saudi Prince Alwaleed Bin Talal": royals go by the given name
            for sp in reversed(self.speakers[-RECENT:]):
                if sp.name.split()[0] == royal.group(1) and len(sp.name.split()) >= 2 and not sp.anonymous:
                    self._mentioned_last(sp)
                    return sp.name, sp.anonymous
        surname = _bare_surname(np) or _bare_surname(name)  # "Arroyo, a family physician"
        person = surname is None and _titled_surname(name)  # "Dean Amar": a person's surname
        if not surname and not person and " of " in name:
            of = _SURNAME_OF.fullmatch(name)  # "Nevins of Showtime" after "David Nevins"
            if of and any(sp.surname == of.group(1) and len(sp.name.split()) >= 2 and not sp.anonymous
                          for sp in self.speakers[-RECENT:]):
                surname = of.group(1)
        if surname or person:
            surname = surname or person
            # "Trump" after "Donald Trump"; "Mr. Chipok" after "Paul H. Chipok"
            for sp in reversed(self.speakers[-RECENT:]):
                if person and not _PEOPLES_NAME.fullmatch(sp.name):
                    continue
                if honorific and (sp.pronoun or _pronoun_of_name(sp.name)) not in (None, honorific):
                    continue  # "Mr. Khan" is not Ghazala Khan, named before him
                if sp.surname == surname and (" and " in sp.name) == (" and " in name):
                    # ("Thomas said" after "Noel and Thomas both acknowledged": one of two, not both)
                    if honorific and sp.pronoun is None:
                        sp.pronoun = honorific
                    self._mentioned_last(sp)  # ("McCain said. The senator ...")
                    return sp.name, sp.anonymous
            # "Sembler" after "... Mel Sembler" in the text (for a bare surname, before the next
            # test: "Sanders" after "Bernie Sanders" is not "the Sanders campaign" that spoke)
            full_name_before = at is not None and " and " not in name
            full = self._full_name_before(surname, at, honorific) if full_name_before and not honorific else None
            if full is None and at is not None and np.strip() == surname:
                # the name this very surname ends, which the source was cut from ("from George
                # H.W. Bush calling Ronald Reagan's policies “voodoo economics”")
                full = next(iter(self._full_names(surname, at, at + len(surname), None)), None)
            if full is None and not person:
                # "Mr. Lou" after "Lou Jiwei", "Geng" after "Geng Shuang": a name written surname
                # first (no name ends in "Lou"); without "Mr.", a person's name only
                first = [sp for sp in self.speakers[-RECENT:] if len(sp.name.split()) == 2
                         and sp.name.split()[0] == surname and not sp.anonymous
                         and (honorific or _PEOPLES_NAME.fullmatch(sp.name))]
                if len(first) == 1 and not any(sp.surname == surname for sp in self.speakers):
                    self._mentioned_last(first[0])
                    return first[0].name, first[0].anonymous
            if honorific and full_name_before:
                full = self._full_name_before(surname, at, honorific)
                if full is None:  # "Mr. Georgelis" after "worried Tasos Georgelis, deputy commissioner"
                    full = self._full_name_before(surname, at, honorific, any_given=True)
            if full is not None:
                name = full
        known = self.by_name.get(name)
        if known is None and name[:1].isupper() and name[1:2].islower():
            # "De Blasio" opening a sentence is the "de Blasio" named before
            low = name.lower()
            known = next((sp for sp in self.speakers if sp.name.lower() == low), None)
        if known is None and name[:1].isupper() and self.speakers:
            # "Microsoft" after "Microsoft Corp" (and the reverse): one company
            bare = _COMPANY_SUFFIX.sub("", name)
            if bare:
                known = next((sp for sp in reversed(self.speakers[-RECENT:])
                              if sp.name != name and _COMPANY_SUFFIX.sub("", sp.name) == bare), None)
        if known is None and " " in name and " and " not in name and name[:1].isupper():
            # "Wasserman Schultz" after "Debbie Wasserman Schultz": the end of a longer name
            tail = " " + name
            known = next((sp for sp in reversed(self.speakers[-RECENT:])
                          if sp.name.endswith(tail) and not sp.anonymous
                          and _GIVEN_NAMES.fullmatch(sp.name[:-len(tail)])), None)
        if known is not None:
            known.roles |= roles_of(np, name)  # "Ted Cruz", then "Sen. Ted Cruz"
            known.offices |= offices_of(np, name)
            known.places |= qualifiers(np, first=True)
            self._mentioned_last(known)
            return known.name, known.anonymous
        pronoun = honorific
        if head in _DAYS:
            head = _head(name)  # "a congressional report on Wednesday": the report's, for "the report"
        speaker = _Speaker(name, head, anon, pronoun=pronoun, roles=roles_of(np, name),
                           places=qualifiers(np, first=True), offices=offices_of(np, name))
        self.speakers.append(speaker)
        self.by_name[name] = speaker
        return name, anon

    def _last_named(self, pronoun: str, at: int) -> str | None:
        """The last person the pronoun may name written in the sentence of ``at`` or the one
        before, spoken or not ("the panel held Pagliano in contempt ... His lawyer said":
        Bryan Pagliano, not the last speaker), by their full name; None when no one is
        named there. A person is a speaker's surname or one the text gave a full name to."""
        floor = self._sentences_back(at, 1)
        surnames = {sp.surname: sp for sp in self.speakers if sp.surname and not sp.anonymous}
        other = "she" if pronoun == "he" else "he"
        for m in reversed([*_CAPITALISED.finditer(self.text, floor, at)]):
            word = m.group(1)
            if word in SENTENCE_STARTERS:
                continue
            sp = surnames.get(word)
            if sp is not None and self.one_person(sp) and self._may_be_person(sp.name) and (
                    _pronoun_of_name(sp.name) or _TITLE.match(sp.name) or sp.pronoun):  # (not "EgyptAir")
                if _pronoun_of(sp) != other:
                    return sp.name
                continue
            full = self._full_name_before(word, at)
            if full is not None and _pronoun_of_name(full) != other and self._may_be_person(full):
                return full  # (not "New York")
        return None

    def _document_owner(self, pronoun: str, at: int) -> _Speaker | None:
        """The owner of the document whose "that" clause the pronoun opens: "Clinton's
        statement in an Aug. 8, 2015, affidavit that she said" is Clinton, whoever spoke last."""
        m = _OWNERS_DOCUMENT.search(self.text, max(0, at - 160), at)
        if m is None:
            return None
        owner, fits = m.group("owner"), self._fits(pronoun)
        for sp in reversed(self.speakers):
            if (sp.surname == owner or sp.name == owner) and not sp.anonymous and fits(sp):
                return sp
        full = self._full_name_before(owner, at, pronoun)  # named, though never a speaker
        return self._person(_speaker_name(full), pronoun) if full else None

    def _company_before(self, at: int) -> str | None:
        """The company "the company" at ``at`` names when no body spoke just before it: in the
        nearest of its sentence and the two before (quotes skipped) that has one, a name the
        text calls a company ("the oil giant Exxon Mobil", "Alphabet, the parent company"),
        else one in the possessive ("Google's attempt"), else the sentence's subject
        ("Velocity Micro is still letting"). Never a person's or a place's name; None if none."""
        starts = self.sentence_starts
        own = bisect_right(starts, at) - 1
        unquoted = (k for k in range(own, -1, -1) if k == own or not self._in_quote(starts[k]))
        for k in islice(unquoted, 3):
            start = starts[k]
            end = min(at, starts[k + 1] if k + 1 < len(starts) else len(self.text))
            found = {}
            for m in _COMPANY_NAME.finditer(self.text, start, end):
                name = m.group("name") + (m.group("called") or "")  # "Vanguard Logistics Services"
                if self._in_quote(m.start()) or not self._may_be_company(name, at):
                    continue
                called = m.group("called") or name.rsplit(None, 1)[-1] in _COMPANY_WORDS
                if called or m.group("apposed") or _COMPANY_DESCRIBED.search(self.text, max(start, m.start() - 40), m.start()):
                    found.setdefault(0, name)
                elif m.group("owns"):
                    found.setdefault(1, name)
                elif m.group("acts") and _OPENING.fullmatch(self.text, start, m.start()) and (
                        " " in name or not self._common_noun(name)):
                    found.setdefault(2, name)  # (not "Investors will pay", "Inflation will slow")
            if found:
                return found[min(found)]
        return None

    def _body(self, named: str, at: int) -> tuple[str, bool]:
        """(speaker, anonymous) for a company's or another body's name found before ``at``,
        made a speaker that is never whom "he" names."""
        name, anon = self._named(named, _head(named), at)
        body = self.by_name.get(name)
        if body is not None:
            body.person = False
        return name, anon

    def _work_before(self, head: str, at: int) -> tuple[str, bool] | None:
        """(speaker, anonymous) for "the report", "the study" and their like: the one a
        speaker already named as whose ("a study from Harvard University found"), else the
        last the text introduced before ``at`` as made by someone, outside quotes
        ("a new report released on Monday by Stanford University's Center ..."); None if
        neither."""
        for sp in reversed(self.speakers[-RECENT:]):
            if sp.name.startswith((f"{head} by ", f"{head} from ")) and not sp.anonymous:
                self._mentioned_last(sp)
                return sp.name, False
        found = None
        for m in _WORK_BY[head].finditer(self.text, 0, at + 200):
            if m.start() > at:  # (one may start at ``at``: "The poll, released ... by X, showed")
                break
            if not self._in_quote(m.start()) and m.group("who") not in _NOT_INSTITUTIONS:
                found = m
        if found is None:
            return None
        return self._named(f"{head} {found.group('prep')} {found.group('who')}", head, at)

    def _institution_before(self, head: str, at: int) -> str | None:
        """The last body of the kind ``head`` says ("agency", "department", "group"; any of
        them for "it") that the text named by name in the sentence of ``at`` or the two
        before, outside quotes; None if none."""
        floor = self._sentences_back(at, 2)
        pattern = _INSTITUTION_NAMES[head]
        found = None
        for m in pattern.finditer(self.text, floor, at):
            name, rated = m.group("name"), m.groupdict().get("rated")  # (a rating agency: an outlet's site too)
            if self._in_quote(m.start()) or name in _NOT_INSTITUTIONS or not rated and self.registry.named(name) is not None:
                continue
            if rated and _NAME_WORD_BEFORE.search(self.text, max(0, m.start() - 30), m.start()):
                continue  # a surname: "Attorney General Lynn Fitch"
            found = name
        return found

    def _common_noun(self, word: str) -> bool:
        """Whether ``word``, opening a sentence, is a common noun rather than a name: a plural
        ("Investors"), an abstract noun or a word of the economy ("Inflation", "Growth"), or a
        word the text writes in lower case elsewhere ("inflation"); never one the text also
        capitalises inside a sentence, as a name ("Uber", though tagged "uber")."""
        common = (_PLURAL_WORD.fullmatch(word) or _ABSTRACT_NOUN.fullmatch(word) or word in _ECONOMY_WORDS
                  or re.search(rf"\b{re.escape(word.lower())}\b", self.text) is not None)
        return bool(common) and not self._named_inside(word)

    def _named_inside(self, word: str) -> bool:
        """Whether ``word`` is capitalised inside a sentence somewhere in the text, as a name
        is (a sentence's first word is capitalised whatever it is)."""
        return re.search(rf"(?<=[a-z,;] ){re.escape(word)}\b", self.text) is not None

    def _may_be_company(self, name: str, at: int) -> bool:
        """Whether ``name`` may be a company's: not a person's (a given name, a title, a
        surname of a full name before ``at``), a place's, a day's or a heading's."""
        words = name.split()
        if (words[0] in _GIVEN or _TITLE.match(name) or any(w in NOT_PEOPLE for w in words)  # (places too)
                or name in _STATES or name.isupper() and len(name) > 5):
            return False  # (an all-capitals word is a heading, "ABSTRACT", unless short: "IBM")
        known = self.by_name.get(name)
        if known is not None and (known.pronoun or self.one_person(known)) and " " in name:
            return False
        # not a person's surname: "Trump's company" after "Donald Trump"
        return len(words) > 1 or self._full_name_before(name, at) is None

    def _stated_before(self, at: int) -> tuple[str, bool] | None:
        """(speaker, anonymous) of the last source that spoke "in a statement" (or whose
        statement spoke: "A statement issued by the campaign said") in the few sentences
        before ``at``; None when none did."""
        starts = self.sentence_starts
        floor = starts[max(0, bisect_right(starts, at) - 1 - _IT_SENTENCES)]
        found = None
        for a in self.out:
            if (floor <= a.cue.start < at and a.speaker is not _PENDING and a.speaker
                    and (a.speaker[:1].isupper() or _maker_in_lower_case(a))
                    and (_IN_A_STATEMENT.match(self.text, a.cue.end) or (
                        a.source is not None and "statement" in a.source.text
                        and _MADE_BY.fullmatch(a.source.text.strip())))):
                found = (a.speaker, a.anonymous)
        return found

    def _possessed(self, name: str, anon: bool) -> tuple[str, bool]:
        """The speaker ``name`` ("Bernie Sanders's campaign"), made once: "the campaign"
        later finds it by its head word."""
        known = self.by_name.get(name)
        if known is None:
            last = name.rsplit(None, 1)[-1].lower()
            known = self.by_name[name] = _Speaker(
                name, _head(name), anon, pronoun=_POSSESSED_PRONOUN.get(last),
                person=last in _POSSESSED_ONE)  # "he" may be "Trump's lawyer", never "Trump's campaign"
            self.speakers.append(known)
        else:
            self._mentioned_last(known)
        return known.name, known.anonymous

    def _mentioned_last(self, speaker: _Speaker) -> None:
        """Move a known speaker to the end of ``speakers``: most recently mentioned last."""
        self.speakers.remove(speaker)
        self.speakers.append(speaker)

    def resolve_all(self) -> None:
        """Name the speaker of every attribution found, in the order their sources appear
        in the text (the rules find them in another order: quotes first), so that "she"
        and "the official" look back over what precedes them and nothing else."""
        pending = sorted([(att.source.start, att.cue.start, k) for k, att in enumerate(self.out)
                          if att.speaker is _PENDING]
                         + [(span.start, span.start, -1 - n) for n, span in enumerate(self.named_only)])
        named: dict[tuple[int, int], tuple[str, bool]] = {}
        for _, _, k in pending:
            if k < 0:  # a name for later pronouns and surnames to take, no speaker
                span = self.named_only[-1 - k]
                speaker = self.by_name.get(self.resolve(span.text, span.start)[0])
                if speaker is not None:
                    self.mentions.append((span.start, span.end, speaker))
                continue
            att = self.out[k]
            key = (att.source.start, att.source.end)
            if key not in named:
                name, anon = self.resolve(att.source.text, att.source.start)
                speaker = self.by_name.get(name)
                if not anon and name[:1].islower() and self._kept_unnamed(att.source):
                    anon = True  # "said the woman, who spoke on the condition of anonymity"
                    if speaker is not None:
                        speaker.anonymous = True
                named[key] = name, anon
                if speaker is not None:
                    self.mentions.append((*key, speaker))
            via = att.via
            staff = self.staffer(att.source.text)
            if staff is not None:
                self.outlet_of[named[key][0]] = staff[2]
            outlet = self.outlet_of.get(named[key][0]) if self.outlet_of else None
            if (outlet is not None and outlet not in via and not _OWN_MEDIUM.match(att.cue.text)
                    and not _AT_EVENT.match(self.text, att.cue.end)):
                # the outlet the person works for relays what they said ("Fox News' Chris
                # Wallace said ... Wallace added": both through Fox News)
                via = (*via, outlet)
            # not ``replace``: it looks the fields up on every call, a tenth of this loop
            self.out[k] = Attribution(att.cue, att.kind, att.source, att.content, named[key][0],
                                      via, named[key][1], att.vague, att.rule)
        self._offices_named_later()
        self._surnames_named_later()

    def _surnames_named_later(self) -> None:
        """A bare surname no earlier name held ("Clarke said" where a page's first mention
        was cut) is the one speaker the text names in full with it later ("NASA's Steve
        Clarke, deputy associate administrator, said"), when only one person has it."""
        for k, att in enumerate(self.out):
            surname = att.speaker
            if not surname or att.anonymous or " " in surname or not surname[:1].isupper():
                continue
            if att.cue.text.split(None, 1)[0].lower() in _PUBLISHED and self.registry.named(surname) is not None:
                continue  # "Bloomberg reported", then "Michael Bloomberg said": the news service
            holders = {sp.name for sp in self.speakers
                       if sp.surname == surname and sp.name != surname and self.one_person(sp)}
            if len(holders) != 1:
                continue
            holder = holders.pop()
            if any(_KIN_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
                   for m in re.finditer(re.escape(holder), self.text)):
                continue  # "Trump said ...", then "his daughter Ivanka Trump said": another Trump
            named = re.compile(rf"([A-Z][\w.'\u2019-]*)\s+(?:[A-Z][\w.'\u2019-]*\s+){{0,2}}{re.escape(surname)}\b")
            # another person of that name before, whom the surname did not take ("Marcel
            # Lehel Lazar ... Lazar admitted", then "his wife, Gabriela Violeta Lazar")
            if all(m.group(1) == holder.split(None, 1)[0] for m in named.finditer(self.text, 0, att.source.start)):
                self.out[k] = Attribution(att.cue, att.kind, att.source, att.content, holder,
                                          att.via, att.anonymous, att.vague, att.rule)

    def _offices_named_later(self) -> None:
        """A bare office no earlier name held ("Governor says naming ... is historic" in a
        subhead) is the one speaker the text gives that title later ("Gov. Jay Inslee said"),
        when only one has it."""
        for k, att in enumerate(self.out):
            office = att.speaker.lower() if att.speaker and " " not in att.speaker else ""
            if office not in _TITLED_ROLES or att.anonymous:
                continue
            holders = {sp.name for sp in self.speakers if office in sp.roles and sp.name.lower() != office}
            if len(holders) == 1:
                self.out[k] = Attribution(att.cue, att.kind, att.source, att.content, holders.pop(),
                                          att.via, att.anonymous, att.vague, att.rule)

    def one_person(self, sp: _Speaker) -> bool:
        """Whether "he" or "she" may name a speaker (worked out once, when a pronoun asks)."""
        if sp.person is None:
            sp.person = _is_person(sp.name, self.registry.named(sp.name) is not None)
        return sp.person

    def outlet_before(self, np: str, at: int):
        """The name of the outlet "the news organization", "the newspaper" or "the Times" at
        ``at`` refers back to: the last one named in the 400 characters before it ("after CNBC
        reported ... The news organization, citing ..."), or in the 3,000 before it whose name
        ends with the word ("the New York Times reported ... According to the Times"); None
        when ``np`` is no such phrase or none is. Only "the newspaper" and its like take an
        outlet the registry does not know (see ``_UNKNOWN_OUTLET``)."""
        short = _LAST_WORD_OF_NAME.fullmatch(np.strip())
        if short:
            # "the Times" after "the New York Times reported": the outlet whose name ends so,
            # named before in the text (never a guess: "the Times" alone is no outlet)
            found = None
            for m in _NAME_RUN.finditer(self.text, max(0, at - 3000), at):
                outlet = self.outlet(m.group(0))
                if outlet is not None and outlet.name.rsplit(None, 1)[-1] == short.group(1):
                    found = outlet.name
            return found
        if not _MEDIA_BACKREF.match(np.split(",", 1)[0].strip()):  # ("The newspaper, long a ... advocate")
            return None
        found = None
        for m in _NAME_RUN.finditer(self.text, max(0, at - 400), at):
            outlet = self.outlet(m.group(0))
            if outlet is not None:
                found = outlet.name
            elif _unknown_outlet(m.group(0), self.text, m.end()):
                # one the registry does not know, named as one: "The Times of London", "Family
                # Circle magazine" ("The magazine said": Family Circle, not an unnamed magazine)
                found = _speaker_name(m.group(0))
        return found

    def _may_be_person(self, name: str) -> bool:
        last = name.rsplit(None, 1)[-1]
        return (last not in _NOT_PERSON_LAST and last not in PLACES and name not in _STATES
                and _is_person(name, self.registry.named(name) is not None))

    def _kept_unnamed(self, source: Span) -> bool:
        """Whether the rest of the source's sentence says it is unnamed on purpose ("..., who
        spoke on the condition of anonymity", "declined to speak on the record")."""
        starts = self.sentence_starts
        k = bisect_right(starts, source.start)
        end = min(starts[k] if k < len(starts) else len(self.text), source.end + 240)
        return _ANONYMITY.search(self.text, source.end, end) is not None

    def _fits(self, pronoun: str):
        """Who a pronoun may name: "they" anyone who is not one person ("Wilcox and Beruff",
        "the agency", "officials"); "he" or "she" one person not known as the other."""
        if pronoun == "they":  # (not a report or a review: what is written says, but is no "they")
            return lambda sp: not self.one_person(sp) and not _is_document(sp.name)
        other = "she" if pronoun == "he" else "he"
        return lambda sp: self.one_person(sp) and _pronoun_of(sp) != other

    def _titled_before(self, role: str, own: frozenset[str], at: int, *, vice: bool = False,
                       former: bool = False) -> tuple[str, bool] | None:
        """'the president' when no speaker was titled so: the last person the text titled
        that way before ``at`` ("President Donald Trump met ... The president said"), with the
        state or party the description names written just before the title."""
        # A story names its president once, at the top, and says "the president" after; a
        # senator or a governor so far back was as often another one, named without the title.
        floor = 0 if role == "president" else max(0, at - 3000)
        titled = []
        quotes = [q.span() for q in _QUOTE.finditer(self.text, floor, at)]
        for m in _TITLED_MENTION.finditer(self.text, floor, at):
            if any(qs < m.start() < qe for qs, qe in quotes):
                continue  # a title inside someone's quote ("... than President Obama and me")
            if former and not _FORMER_BEFORE.search(self.text, max(0, m.start() - 50), m.start()):
                continue  # "the former president" is not the one titled President now
            if _ROLE_OF_TITLE[m.group(1).lower().rstrip(".")] != role:
                continue
            if own and not all(q in self.text[max(0, m.start() - 40):m.start()] for q in own):
                continue
            before = _WORD_BEFORE.search(self.text, max(0, m.start() - 30), m.start())
            if (before is not None and before.group(1) == "Vice") != vice:
                continue  # "the president" is not "Vice President Joe Biden", nor the reverse
            if role == "president" and before and before.group(1) != "Vice" and not _may_qualify(before.group(1)):
                continue  # "World Bank President Jim Yong Kim" presides over the bank (an
                # "Atlantic City Mayor" or a "U.S. District Judge" is still the mayor, the judge)
            titled.append(m.group(2))
        if not titled:
            return None
        # of those so titled, the one whose surname the text used last ("Gov. Eric Holcomb
        # ... Kentucky Gov. Matt Bevin ... Holcomb's campaign. The governor said")
        name = max(titled, key=lambda n: self.text.rfind(n.split()[-1], floor, at))
        known = self._known_person(name, frozenset((role,)))
        return known.name, known.anonymous

    def _member_before(self, head: str, at: int) -> tuple[str, bool] | None:
        """'the Democrat', 'the Republican': the one official the text titled ("Sen.",
        "Rep.", "Gov.", "Mayor", ...) in the sentence of ``at`` or the one before, outside
        quotes, unless the text gives that official the other party; None otherwise."""
        floor = self._sentences_back(at, 1)
        other = _OTHER_PARTY[head]
        quotes = [q.span() for q in _QUOTE.finditer(self.text, floor, at)]
        found = set()
        for m in _TITLED_MENTION.finditer(self.text, floor, at):
            if any(qs < m.start() < qe for qs, qe in quotes):
                continue
            if _ROLE_OF_TITLE[m.group(1).lower().rstrip(".")] not in _ELECTED:
                continue  # (not "Gen.", "Judge", "Ambassador": no party of theirs is said)
            near = self.text[max(0, m.start() - 30):min(at, m.end() + 12)]
            if other.search(near):
                continue  # "Republican Sen. Rand Paul", "Rep. Jane Smith (R-Ohio)" is no Democrat
            found.add(m.group(2))
        if len(found) != 1:
            return None  # none, or two officials: which one is not said
        name = found.pop()
        if " " not in name:  # "Sen. Graham": the full name given further back, if any
            name = self._full_name_before(name, at) or name
        return name, False

    def _full_name_before(self, surname: str, at: int, pronoun: str | None = None,
                          any_given: bool = False) -> str | None:
        """The one full name the text gave before ``at`` (anywhere, for a headline's surname)
        to a person of this surname, when it gave one only ("Celebrities ... Amy Schumer ...
        Schumer tweeted"); a given name we know or a title says it is a person's ("Republican
        Party" is not). With ``pronoun`` (from "Mr."/"Ms."), names whose given name says the
        other are not counted ("Mr. Khan" after Khizr and Ghazala Khan is Khizr Khan). With
        ``any_given`` (when "Mr." already says a person is meant), a given name we do not know
        counts too ("Tasos Georgelis"), in a name that may be a person's."""
        if at <= self.headline_end:  # a headline's surname: the body names that person after it
            at = len(self.text)
        found = self._full_names(surname, 0, at, pronoun, any_given)
        if not found and at < _SUMMARY_END:
            # a summary's "Mr. Ryan said", the full text's "Speaker Paul D. Ryan" after it
            found = self._full_names(surname, at, len(self.text), pronoun, any_given)
        if len({(n.split()[0], n.split()[-1]) for n in found}) == 1:
            return min(found, key=lambda n: self.text.find(n))  # ("Donald J. Trump", "Donald Trump"): the first written
        return None

    def _full_names(self, surname: str, start: int, stop_at: int, pronoun: str | None,
                    any_given: bool = False) -> set[str]:
        """The full names of people ending in ``surname`` written between the offsets (see
        ``_full_name_before``)."""
        found = set()
        end = self.text.find(surname, start, stop_at)
        while end >= 0:  # each time the surname was written, the name it ends, if any
            stop = end + len(surname)
            for w in _WORD_START.finditer(self.text, max(0, end - 40), end):
                m = _PERSON.match(self.text, w.start(), stop)  # the longest name ending there
                if m and m.end() == stop and (_pronoun_of_name(m.group(0)) is not None or _TITLE.match(m.group(0))):
                    found.add(_speaker_name(m.group(0)))
                    break
                if (m and m.end() == stop and any_given and m.group(0).split(None, 1)[0] not in PARTIES
                        and _LOWER_WORD_BEFORE.search(self.text, max(0, m.start() - 30), m.start())
                        and self._may_be_person(m.group(0))):
                    found.add(_speaker_name(m.group(0)))
                    break
            end = self.text.find(surname, stop, stop_at)
        # a name with a given name ("Barack Obama"; "President Obama" adds only a title)
        return {n for n in found if len(_TITLE.sub("", n, count=1).split()) > 1
                and (pronoun is None or _pronoun_of_name(n) in (None, pronoun))}

    def _sentences_back(self, at: int, back: int) -> int:
        """Where the sentence ``back`` sentences before the one of ``at`` starts (0 before
        the first sentence): the floor of a look-back over ``back + 1`` sentences."""
        own = bisect_right(self.sentence_starts, at) - 1
        return self.sentence_starts[max(0, own - back)] if own >= 0 else 0

    def _in_quote(self, at: int | None) -> bool:
        """Whether ``at`` lies inside a quote of its paragraph."""
        if at is None:
            return False
        start = self.text.rfind("\n", 0, at) + 1
        return self.text.count("\u201c", start, at) > self.text.count("\u201d", start, at) or \
            self.text.count('"', start, at) % 2 == 1

    def _quote_opening(self, at: int) -> int | None:
        """Where the quote closing just before ``at`` opens (``“...,” he said``), or None."""
        before = self.text[max(0, at - 4):at]
        if "\u201d" not in before:
            return None
        opening = self.text.rfind("\u201c", max(0, at - 3000), at)
        return opening if opening >= 0 else None

    def _compatible(self, pronoun: str) -> _Speaker | None:
        """The nearest earlier speaker "he", "she" or "they" can refer to (None when nobody
        recent fits); any other pronoun names the last speaker."""
        if pronoun in {"it", "its"}:  # a body or a document: never one person, nor a group
            return next((sp for sp in reversed(self.speakers[-RECENT:])
                         if not self.one_person(sp) and not is_group(sp.name)), None)
        if pronoun not in {"he", "she", "they"}:
            return self.speakers[-1]
        fits = self._fits(pronoun)
        for sp in reversed(self.speakers[-RECENT:]):
            if fits(sp):
                return sp
        return None

    def _mentions_between(self, floor: int, at: int) -> list:
        """(start, end, speaker) of the mentions starting in ``floor:at``: recorded in text
        order (``resolve_all``), so one slice."""
        return self.mentions[bisect_left(self.mentions, (floor,)):bisect_left(self.mentions, (at,))]

    def _it_near(self, at: int) -> _Speaker | None:
        """A body that spoke in the sentence of the "it" at ``at`` or the one before ("In a
        blog post, Twitter said ... It added"), the last first: one the text never treats as
        a person (no full name ends in its name; no "he" or "she" was read as it), though a
        one-word name may be a surname elsewhere. None when no body spoke that near."""
        floor = self._sentences_back(at, 1)
        near = self._mentions_between(floor, at)
        for _s, e, sp in reversed(near):
            if e > at or is_group(sp.name) or sp.anonymous:
                continue
            if not self.one_person(sp):
                return sp
            if " " not in sp.name and sp.pronoun is None and self._full_name_before(sp.name, len(self.text)) is None:
                return sp  # "Twitter", "Verizon": no person's surname in this text
        return None

    def _it_recent(self, at: int) -> _Speaker | None:
        """The last body that spoke, if it spoke within the last few sentences before the
        "it" at ``at`` (further back, "it" was as often a thing never quoted: an email, a
        film, a military)."""
        sp = self._compatible("it")
        if sp is None:
            return None
        starts = self.sentence_starts
        floor = starts[max(0, bisect_right(starts, at) - 1 - _IT_SENTENCES)]
        near = self._mentions_between(floor, at)
        return sp if any(x is sp for _, _, x in near) else None

    def _mentioned(self, pronoun: str, at: int) -> _Speaker | None:
        """The speaker "he", "she" or "they" at ``at`` most likely names: the first one
        mentioned, outside quotes, in the nearest of the last few sentences that mentions
        one (as a source, or, for "he" and "she", by surname: "Rubio disagreed. “...,” he
        said."). None when none is."""
        fits = self._fits(pronoun)
        by_surname: dict[str, _Speaker] = {}
        if pronoun != "they":  # a group has no surname
            for sp in self.speakers[-RECENT:]:  # later speakers win a shared surname
                if sp.surname and sp.surname[:1].isupper() and len(sp.surname) > 1 and fits(sp):
                    by_surname[sp.surname] = sp
        starts = self.sentence_starts
        # after a long quote ("“... Same spot .... I'll leave the rest,” he said") the last few
        # sentences are the quote's own: look back from where it opens
        opening = self._quote_opening(at)
        own = bisect_right(starts, opening if opening is not None else at) - 1
        floor = starts[max(0, own - _MENTION_SENTENCES)] if own >= 0 else 0
        near = self._mentions_between(floor, at)
        found = [(s, sp) for s, e, sp in near if e <= at and fits(sp)]
        if by_surname:
            text = self.text
            # capitalised words looked up in a dict: a pattern of this text's surnames would
            # be compiled anew for nearly every pronoun (the set grows as the text is read)
            hits = [m for m in _CAPITALISED.finditer(text, floor, at) if m.group(1) in by_surname]
            if hits:
                quotes = [m.span() for m in _QUOTE.finditer(text, floor, at)]
                # what a speaker near said is not who speaks next: "Yet Trump is also a
                # “change agent,” Cole said. “...,” he said" is Cole
                sources = {(s, e) for s, e, _ in near}
                said = [(a.content.start, a.content.end) for a in self.out if a.content is not None
                        and a.content.end <= at and a.source is not None
                        and (a.source.start, a.source.end) in sources]
                for m in hits:
                    pos = m.start()
                    if any(s <= pos < e for s, e in said):
                        continue
                    if not any(s <= pos < e for s, e, _ in near) and not any(s < pos < e for s, e in quotes):
                        title = _HONORIFIC_BEFORE.search(text, max(0, pos - 5), pos)
                        if title and _honorific_pronoun(title.group(0)) != pronoun:
                            continue  # "Mr. Clinton's past" is no "she", whatever Clinton spoke
                        found.append((pos, by_surname[m.group(1)]))
        if found and self._replies(pronoun, at):
            # "an Iowa voter asked if she might ... "Wow ...," she replied": who replies is not
            # who asked (nor "one questioner claimed ... “You’re right, ...,” he said")
            askers = self._askers(floor, at)
            found = [(pos, sp) for pos, sp in found if sp.name not in askers]
        if pronoun != "they" and not found:
            # a person introduced in a sentence that reports nothing ("Her son, filmmaker
            # Charlie McDowell, also remembers it. “...,” he said"), when no speaker is near:
            # a full name whose given name fits the pronoun
            found = self._named_persons(pronoun, floor, at)
            if not found and own >= 1:
                found = self._unknown_subject(pronoun, starts[own - 1], starts[own])
        elif pronoun != "they" and own >= 0:
            # ... or the subject opening the pronoun's own sentence, with speakers further back
            # ("Vice President Joe Biden weighed in as well, telling Mic ..., “...,” he said";
            # not "a role with President Donald Trump, a decision he disclosed")
            # (or the sentence before it: "Governor Chris Christie – a Cowboys fan – gave a one
            # word answer. “Denver,” he answered.")
            for k in (own, own - 1) if own else (own,):
                mine = starts[k]
                if any(pos >= mine for pos, _ in found):
                    break
                if _PLURAL_TITLE_BEFORE.search(self.text, max(0, mine - 8), mine):
                    break  # "particularly Govs. Jeb Bush and Chris Christie": no sentence starts there
                intro = _INTRO.match(self.text, mine, at)
                fits = [(pos, sp) for pos, sp in self._named_persons(pronoun, mine, at)
                        if _TITLES_ONLY.fullmatch(self.text, mine, pos)
                        or (intro and _TITLES_ONLY.fullmatch(self.text, intro.end(), pos))]
                if not fits and k < own:
                    fits = self._unknown_subject(pronoun, mine, starts[own])
                if fits:
                    found += fits
                    break
        elif pronoun == "they" and own >= 0:
            # ... and "they" the plural subject opening its own sentence or the one before,
            # when the groups that spoke are further back ("Cruz's allies bristle at the
            # suggestion ... -- it's a two-way street, they insist"; "Millennials have reached
            # a broad consensus ... By nearly 2-1, they say")
            group = self._plural_subject(at, max((pos for pos, _ in found), default=None))
            if group is not None:
                sp = self.by_name.get(self._group(group)[0])
                if sp is not None and fits(sp):
                    found.append((group.start("np"), sp))
        told = _TOLD_OBJECT.match(self.text, at + len(pronoun))
        if told:  # "he told Hannity": not Hannity
            whom = set(told.group(1).split())
            found = [(pos, sp) for pos, sp in found if sp.surname not in whom]
        if not found:
            return None
        by_sentence: dict[int, list[tuple[int, _Speaker]]] = {}
        for pos, sp in found:
            by_sentence.setdefault(bisect_right(starts, pos), []).append((pos, sp))
        order = sorted(by_sentence, reverse=True)
        for k in order:
            sentence = starts[k - 1] if k else 0
            # the first mentioned in that sentence, outside a dashed or bracketed aside ("— the
            # late neurologist wrote about it in his book — Steenburgen wasn't thrilled")
            first = min((self._in_aside(sentence, pos), pos, i, sp)
                        for i, (pos, sp) in enumerate(by_sentence[k]))
            # unless the sentence opens on the pronoun ("Though he did not mention Rubio by
            # name, he made it clear ... an alternative to Trump. He asked"): its names are
            # not who "he" is, which was settled before
            if k == order[-1] or not _pronoun_subject(self.text, pronoun, sentence, first[1]):
                # "Scott Conroy asked Sanders whether ... “Sure it is,” he said": the one asked answers
                asked = next((sp for pos, sp in by_sentence[k] if pos > first[1]
                              and _ASKED_BEFORE.search(self.text, max(0, pos - 16), pos)), None)
                return asked or first[3]
        return None

    def _replies(self, pronoun: str, at: int) -> bool:
        """Whether the pronoun at ``at`` answers someone: "she replied", or a quote opening
        "You're right" or "Good question"."""
        if _REPLY_AFTER.match(self.text, at + len(pronoun)):
            return True
        opening = self._quote_opening(at)
        return opening is not None and _REPLY_OPENING.match(self.text, opening) is not None

    def _askers(self, floor: int, at: int) -> set[str]:
        """Speakers who asked between ``floor`` and ``at`` ("an Iowa voter asked", "one
        questioner claimed")."""
        text = self.text
        return {a.speaker for a in self.out if a.source is not None and floor <= a.source.start < at
                and a.speaker and ((text[a.cue.start:a.cue.end].lower() in _ASKING
                                    # (not "Blumenthal was asked": he is the one who answers)
                                    and not _PASSIVE_BEFORE.search(text, max(0, a.cue.start - 20), a.cue.start))
                                   or a.speaker.rsplit(None, 1)[-1].lower() in _ASKERS)}

    def _group(self, subject) -> tuple[str, bool]:
        """A ``_PLURAL_SUBJECT`` match resolved as a speaker that is no one person ("Millennials",
        capitalised, is no "he")."""
        name, anonymous = self.resolve(subject.group("np"), subject.start("np"))
        sp = self.by_name.get(name)
        if sp is not None:
            sp.person = False
        return name, anonymous

    def _person_just_named(self, at: int) -> _Speaker | None:
        """The person named last, by a name, in the sentence of ``at`` or the one before it;
        None when the last speaker mentioned there is no named person (or none is)."""
        # after a quote of several sentences, the sentences before it ("“Well first of all,
        # ... And a lot of it ...,” the retired neurosurgeon told REVOLT TV")
        opening = self._quote_opening(at)
        if opening is None and _STRAIGHT_QUOTE_END.search(self.text, max(0, at - 4), at):
            # a straight quote closing on a comma: spoken words, opened by the straight quote before
            opening = self.text.rfind('"', max(0, at - 3000), self.text.rfind('"', 0, at))
            opening = opening if opening >= 0 else None
        k = bisect_right(self.sentence_starts, opening if opening is not None else at) - 1
        floor = self.sentence_starts[max(0, k - 1)] if k >= 0 else 0
        mentions = [(s, e, sp) for s, e, sp in self._mentions_between(floor, at) if e <= at]
        if mentions and _ASKED_AFTER.match(self.text, mentions[-1][1]):
            # not one who asked, but the one asked, before the question (a sentence of its
            # own when it ends on "?"): "Sanders remarked. “That would be you?” Borger
            # asked. “...,” the senator said"
            asked = bisect_right(self.sentence_starts, mentions[-1][0]) - 1
            floor = self.sentence_starts[max(0, asked - 2)]
            mentions = [(s, e, sp) for s, e, sp in self._mentions_between(floor, at)
                        if e <= at and not _ASKED_AFTER.match(self.text, e)]
        near = [(e, sp) for s, e, sp in mentions]
        opened = [(s, e, name) for s, e, name in self.subject_names  # (not one who asked, as above)
                  if floor <= s and e <= at and not _ASKED_AFTER.match(self.text, e)]
        if opened and (not near or opened[-1][1] > near[-1][0]):
            # "Marco Rubio spoke over boos ... Rubio offered the crowd ... The Florida senator
            # sought": named as the subject of a sentence after the last speaker
            s, e, name = opened[-1]
            known = self.by_name.get(self.resolve(name, s)[0])
            if known is not None:
                near.append((e, known))
        if not near:
            return None
        end, sp = near[-1]
        if sp.anonymous or not sp.name[:1].isupper() or not self.one_person(sp) or len(sp.name.split()) < 2:
            return None
        own = bisect_right(self.sentence_starts, at) - 1
        mine = max(end, self.sentence_starts[own] if own >= 0 else 0)
        if any(m.group().rsplit(None, 1)[-1] != sp.surname for m in _PERSON.finditer(self.text, mine, at)):
            return None  # someone else named in its sentence ("... along with Donald Trump, ... the businessman")
        return sp

    def _relays_here(self, name: str, at: int) -> bool:
        """Whether ``name`` reports what holds ``at`` ("As Mashable reports, the company
        announced": Mashable is no company here)."""
        k = bisect_right(self.sentence_starts, at) - 1
        start = self.sentence_starts[k] if k >= 0 else 0
        return any(a.content is not None and a.content.start <= at < a.content.end and a.source is not None
                   and start <= a.source.start < at and name in a.source.text for a in self.out)

    def _plural_subject(self, at: int, mentioned: int | None = None):
        """The ``_PLURAL_SUBJECT`` match opening the sentence of ``at`` or the one before
        (nearest first), outside quotes; none when a speaker was ``mentioned`` (its last
        mention's offset) in either."""
        starts = self.sentence_starts
        own = bisect_right(starts, at) - 1
        if own < 0 or (mentioned is not None and mentioned >= starts[max(0, own - 1)]):
            # a group that spoke in the sentence before is nearer than the opening of this one,
            # which may be what it said ("Wilcox and Beruff argued ... State departments can
            # do that, they said")
            return None
        for k in (own, own - 1) if own else (own,):
            mine = starts[k]
            group = _PLURAL_SUBJECT.match(self.text, mine, at)
            words = group.group("np").lower().split() if group else ()
            if (group and not self._in_quote(mine) and words[0] not in _NOT_A_GROUP
                    and words[-1] not in _NOT_PLURAL and _REPORT_WORDS.isdisjoint(words)):
                return group  # (not "A statement said the talks")
        return None

    def _named_persons(self, pronoun: str, floor: int, at: int) -> list[tuple[int, _Speaker]]:
        """(position, speaker) of the full names between ``floor`` and ``at``, outside
        quotes, whose given name is the pronoun's ("Charlie McDowell" for "he")."""
        out = []
        quotes = None
        for m in _PERSON.finditer(self.text, floor, at):
            name = _speaker_name(m.group(0))
            if _pronoun_of_name(name) != pronoun:
                continue
            if quotes is None:
                quotes = [q.span() for q in _QUOTE.finditer(self.text, floor, at)]
            if any(qs <= m.start() < qe for qs, qe in quotes):
                continue
            out.append((m.start(), self._person(name, pronoun)))
        # a surname opening a sentence, for the full name the text gave before ("Carson
        # brought in a new campaign manager, retired Army general Bob Dees, ... He praised")
        for k in range(bisect_left(self.sentence_starts, floor), bisect_left(self.sentence_starts, at)):
            start = self.sentence_starts[k]
            kin = _KIN_SUBJECT.match(self.text, start, at)
            if kin and kin.group("kin") in (_SHE_WORDS if pronoun == "she" else _HE_WORDS) and not any(
                    kin.start("name") <= pos < kin.end("name") for pos, _ in out):
                # "But his wife, Jane, offered a preview ... “...,” she said": kin named by the
                # given name alone, which no full-name pattern finds
                out.append((start, self._person(kin.group("name"), pronoun)))
            intro = _INTRO.match(self.text, start, at)
            m = (_SURNAME_SUBJECT.match(self.text, start, at)
                 or _SURNAME_OWNER.match(self.text, start, at)
                 or (intro and _SURNAME_SUBJECT.match(self.text, intro.end(), at)))
            if m is None or m.group(2) in SENTENCE_STARTERS or any(pos == m.start() for pos, _ in out):
                continue
            if m.group("title") and _honorific_pronoun(m.group("title") + ". ") != pronoun:
                continue  # "Mr. Netanyahu" is no "she"
            if quotes is None:
                quotes = [q.span() for q in _QUOTE.finditer(self.text, floor, at)]
            if not any(qs <= m.start() < qe for qs, qe in quotes) and not self._in_quote(m.start()):
                full = self._full_name_before(m.group(2), m.start(), pronoun)  # "she": Hillary, not Bill
                if full is not None and _pronoun_of_name(full) == pronoun:
                    out.append((m.start(), self._person(full, pronoun)))
        return sorted(out, key=lambda x: x[0])

    def _unknown_subject(self, pronoun: str, start: int, end: int) -> list[tuple[int, _Speaker]]:
        """The full name opening the sentence at ``start`` (before ``end``) as its subject,
        its given name telling no other pronoun ("Kazakhstan's foreign minister, Erlan
        Idrissov, plays down concerns. ..., he says"): whom the next sentence's pronoun names
        when nothing nearer fits it."""
        m = _UNKNOWN_SUBJECT.match(self.text, start, end)
        if m is None:
            return []
        name = _speaker_name(m.group("name"))
        if _TITLE.match(name):  # "President Obama backed her up": the full name given before, if any
            name = self._full_name_before(name.split()[-1], m.start("name"), pronoun) or name
        if (name.split()[0] in SENTENCE_STARTERS or _pronoun_of_name(name) not in (None, pronoun)
                or not self._may_be_person(name)):
            return []
        return [(m.start("name"), self._person(name, pronoun))]

    def _known_person(self, name: str, roles: frozenset = frozenset()) -> _Speaker:
        """The speaker named ``name``, else the last one with its surname, else a new one."""
        surname = name.split()[-1]
        return (self.by_name.get(name) or next((sp for sp in reversed(self.speakers) if sp.surname == surname), None)
                or self._person(name, roles=roles))

    def _person(self, name: str, pronoun: str | None = None, roles: frozenset = frozenset()) -> _Speaker:
        """The speaker of a person's full name, made when the text has none yet."""
        known = self.by_name.get(name)
        if known is None:
            known = _Speaker(name, name.split()[-1].lower(), False, pronoun=pronoun, roles=roles)
            self.speakers.append(known)
            self.by_name[name] = known
        return known

    def _in_a_title(self, cue: Span) -> bool:
        """Whether a capitalised cue lies inside a name or title of running text ("The
        latest Rasmussen Reports poll"), not in a title-case headline ("..., Noah Says.")."""
        return (cue.text[:1].isupper() and _IN_A_NAME.match(self.text, cue.end) is not None
                and _CAPITALISED_BEFORE.search(self.text, max(0, cue.start - 30), cue.start) is not None
                and not self._title_case_line(cue.start))

    def _words_before_who(self, at: int) -> list[tuple[int, str]]:
        """(offset, word) of the noun phrase just before a "who" at ``at``, at most five
        words back to a verb, a preposition or a stop; [] when none ends there."""
        words = [(m.start(1), m.group(1), m.group(2))
                 for m in _WORD_AND_GAP.finditer(self.text, max(0, at - 80), at)]
        np: list[tuple[int, str]] = []
        for start, word, gap in reversed(words):
            low = word.lower()
            verb = word[:1].islower() and low.endswith(("ing", "ed"))  # ("Ted" is none)
            if (np and gap.strip()) or low in _NOT_IN_ANTECEDENT or verb:
                break  # a verb or participle ends it; a comma may stand only before "who"
            if not np and gap.strip(" ,"):
                return []
            np.append((start, word))
            if len(np) == 5 or low in DETERMINERS:
                break
        return np[::-1]

    def _who_described(self, at: int) -> Span | None:
        """The words a "who" at ``at`` follows when nothing better names its speaker
        ("some far-right commentators who have suggested"): better than "who" itself."""
        np = self._words_before_who(at)
        if not any(w.lower() not in DETERMINERS or w.lower() in _WHO_CROWDS for _, w in np):
            return None
        if np[-1][1].lower() in _ANYONE:
            return None  # "For someone who conceded ..., Hillary Clinton": no one yet
        return Span.of(self.text, np[0][0], np[-1][0] + len(np[-1][1]))

    def _antecedent(self, at: int) -> Span | None:
        """The noun phrase a "who" at ``at`` follows, when it names people: a person's name
        with a given name we know ("from Mike Lee, who") or a plural of people ("legal
        experts, who", "Republicans who"). None otherwise: a name without one, a body, a
        singular description, often a named person's appositive ("Harold Doley, a banker
        and former official who"); there the speaker found before stands."""
        np = self._words_before_who(at)
        named = [w for _, w in np if w.lower() not in DETERMINERS]
        if not named:
            return None
        start, end = np[0][0], np[-1][0] + len(np[-1][1])
        head = named[-1]
        people = head.lower() in GROUP_NOUNS and (head[:1].islower() or head in {"Democrats", "Republicans"})
        person = (len(named) >= 2 and all(w[:1].isupper() for w in named)
                  and (_pronoun_of_name(" ".join(named)) is not None
                       # "Rep. Alexandria Ocasio-Cortez, who": a title says it is a person
                       or _TITLE_ABBREVIATION_BEFORE.search(self.text, max(0, start - 8), start) is not None))
        # "the Mexican president, who said": one office, whoever holds it (as "the senator")
        office = np[0][1].lower() == "the" and head.lower() in _TITLED_ROLES
        # "the manager believed the waitress, who said": a person the text only describes
        # (not an apposition, "Harold Doley, the banker who": there the name stands)
        # (nor "people in the state who", whose "who" is the people's; "the number who said"
        # counts people, it is none of them); "an Israeli prime minister who has declared":
        # someone described, not the last speaker (after an apposition's comma, "Joseph R.
        # Biden, a figure who", as before)
        article = np[0][1].lower()
        described = ((article == "the" and len(named) <= 2 or article in {"a", "an"}) and head[:1].islower()
                     and head.lower() not in _NO_WHO_HEADS and not self.text[:start].rstrip().endswith(","))
        return Span.of(self.text, start, end) if people or person or office or described else None

    def _title_case_line(self, pos: int) -> bool:
        """Whether the line around ``pos`` is written in title case (a headline: "Mary
        Steenburgen Wrote the Best Original Movie Song of the Year")."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        words = _WORD.findall(self.text, start, end if end >= 0 else len(self.text))
        long = [w for w in words if len(w) > 3]
        return bool(long) and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)

    def _in_aside(self, sentence: int, pos: int) -> bool:
        """Whether ``pos`` lies between two dashes or inside brackets of the sentence
        opening at ``sentence``."""
        before = self.text[sentence:pos]
        if before.count("(") > before.count(")"):
            return True
        if "," not in before and _OPENING_PHRASE.match(self.text, sentence, pos):
            # "Asked about his criticisms of Trump, Christie said ... he said": the opening
            # phrase is about the subject, who comes after it
            return self.text.find(",", pos, pos + 120) >= 0
        dashes = before.count("\u2014") + before.count(" \u2013 ") + before.count(" -- ")
        if dashes % 2 == 0:
            return False
        k = bisect_right(self.sentence_starts, pos)
        end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
        after = self.text[pos:end]
        return "\u2014" in after or " \u2013 " in after or " -- " in after

    def after_dateline(self, content: Span | None) -> Span | None:
        """``content`` less the dateline ("MOSCOW (Sputnik) -"), which is not the claim."""
        if content is not None and content.start < self.dateline_end < content.end:
            lead = _DASH_RUN.match(self.text[self.dateline_end:content.end]).end()
            content = _span(self.text, self.dateline_end + lead, content.end)
        return content

    def outlet(self, phrase: str):
        """The outlet a phrase names, looked up once per phrase and registry."""
        if not phrase:
            return None
        found = self.outlet_cache.get(phrase, _UNKNOWN)  # one lookup; safe if the table is cleared
        if found is _UNKNOWN:
            # only phrases with a capitalised word can name an outlet
            found = self.registry.find_in(phrase) if _CAPITAL.search(phrase) else None
            self.outlet_cache[phrase] = found
        if found is not None and mistaken(self.registry, found, phrase, self.text):
            return None  # "CNS" after "Christian News Service" (this text's, so not cached)
        return meant(self.registry, found, phrase, self.text)  # (Serbia's RTS in a text about Serbia)

    # output --------------------------------------------------------------------------
    def taken(self, start: int, end: int) -> bool:
        for s, e in self.used:  # a plain loop: cheaper than any() over a generator
            if s < end and start < e:
                return True
        return False

    def in_blocked(self, pos: int) -> bool:
        for s, e in self.blocked:
            if s <= pos < e:
                return True
        return False

    def mention(self, subject: Span | None) -> None:
        """The subject of a verb that makes it no speaker ("Donald Trump was asked ..."): no
        attribution, but the name is one that "he" or a bare "Trump" may take later."""
        if subject is None:
            return
        subject = _np_span(self.text, subject)
        name = _speaker_name(subject.text).split()
        if name and all(word[:1].isupper() for word in name):  # a name, not "the same" or "a new design"
            self.named_only.append(subject)

    def add(self, rule: str, kind: str, cue: Span | None, source: Span | None, content: Span | None,
            via: tuple[str, ...] = (), vague: bool = False) -> Attribution | None:
        if cue is None or self.taken(cue.start, cue.end):
            return None
        if self._in_a_title(cue):
            return None  # "Rasmussen Reports poll", "Fortune Telling,": part of a name or title
        if _possessed(self.text, cue):
            # a noun ("Trump's claim that ..."): the claim is the owner's, when the source
            # found is that owner
            source = _possessor(self.text, source, cue.start)
            if source is None:
                return None
            if content is not None and _PREDICATE_FIRST.match(content.text):
                return None  # "the ministry's claim “is patently false”": said of the claim, not its content
        if content is not None and len(content.text) < 48 and _NO_CLAIM_WORDS.issuperset(content.text.lower().split()):
            return None  # "Vindman reported to him", "a prospect Vindman denied earlier in the day"
        if content is not None and len(content.text) < 48 and {
                w.strip(",;") for w in content.text.lower().split()} <= {cue.text.lower(), "and", "or", "again", "then"}:
            return None  # "Ford wrote, and wrote, and wrote": the verb again, nothing said
        if content is not None and cue.text.endswith("ed") and _REDUCED_RELATIVE.match(content.text):
            return None  # "the deaths announced in New York on Friday was 777": no one announces
        source = _np_span(self.text, source) if source is not None else None
        if source is not None and _CONDITION_BEFORE.search(self.text, max(0, source.start - 12), source.start):
            return None  # "if Holt asks him about his taxes", "whether lawmakers wanted": a supposition or a question
        point = (_POINT_CONCEDED.search(source.text) if source is not None
                 and any(w in source.text for w in _POINT_NOUNS) else None)
        if point is not None:
            # "..., a point Feinstein also acknowledged": she speaks, and the point is the clause before
            if point.start() == 0:  # the source is "a point Feinstein": the clause is before it
                k = bisect_right(self.sentence_starts, source.start) - 1
                begin = self.sentence_starts[k] if k >= 0 else 0
                claim_start, claim_end = begin, self.text.rfind(",", begin, source.start)
            else:
                claim_start, claim_end = source.start, source.start + point.start()
            claim = self.text[claim_start:claim_end] if claim_end > claim_start else ""
            that = claim.rfind(" that ")
            content = _span(self.text, claim_start + (that + 6 if that >= 0 else 0), claim_end) if claim else content
            source = _span(self.text, source.start + point.start("who"), source.end)
        if source is not None and _NEGATED_SOURCE.match(source.text):
            return None  # "no evidence indicated that ...", "nobody said so": no one claims it
        if source is not None and source.text.lower() in {"there", "here"}:
            return None  # "There have already been telling responses": no one tells
        if (source is not None and _OWNER_LEFT_OPEN.search(source.text)
                and _OWNER_LEFT_OPEN.search(_speaker_name(source.text))):
            return None  # "De Blasio also repeated his (claim)", "The binding of his (own copy)":
            # a phrase cut off before its noun, no speaker's name
        if (source is not None and _NO_NAME_IN_TITLE_CASE.search(source.text)
                and self._title_case_line(cue.start)):
            return None  # a headline's phrase, not a speaker: "Woman Steps Forward With Bombshell Claim"
        content = self.after_dateline(content)
        speaker = None
        if source is not None:
            speaker = _PENDING  # named by ``resolve_all`` once the whole text is read
            # "experts say" is vague; "sources say" is vague and anonymous
            vague = vague or _vague_source(source.text)
            if vague and content is not None and _OWN_RESULTS.match(content.text) and cue.text.lower() in _RESULT_VERBS:
                vague = False  # "most of the companies reported better than expected results": their own figures
            if (vague or source.text.lower() == "you") and _MODAL_BEFORE.search(self.text, max(0, cue.start - 24), cue.start):
                # "Few would argue", "most Republicans can agree": a supposition, no source;
                # "“I'm Batman,” you will say", "you can claim for compensation": the reader's
                return None
            if _COUNTERFACTUAL_BEFORE.search(self.text, max(0, cue.start - 24), cue.start):
                return None  # "Few people would have described him as ...": what was not said
        att = Attribution(cue=cue, kind=kind, source=source, content=content, speaker=speaker,
                          via=tuple(dict.fromkeys(via)) if via else (), anonymous=False, vague=vague, rule=rule)
        self.used.append((cue.start, cue.end))
        if source is not None:
            self.blocked.append((source.start, source.end))
        self.out.append(att)
        return att


def _maker_in_lower_case(att: Attribution) -> bool:
    """Whether an attribution's speaker in lower case may have made a statement spoken of
    later: a body ("the foreign ministry said in a statement ... The statement said"), not
    a pronoun nothing named nor an unnamed or vague source ("officials said in a statement")."""
    return not (att.anonymous or att.vague or att.speaker.lower() in PRONOUNS)


def _plain_epithet(words: list[str]) -> bool:
    """Whether the capitalised words of a description are only a party, a state or a country
    ("Republican presidential candidate", "New York businessman"), never a name of its own
    ("the Lincoln actor" plays Abraham Lincoln)."""
    runs = re.findall(r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)*", " ".join(words))
    return all(_place_or_party(r) or (" " in r and _place_or_party(r.rsplit(None, 1)[0]) and r.rsplit(None, 1)[1] in PARTIES)
               for r in runs)  # (and a place's party: "the South Carolina Republican")


def _place_or_party(run: str) -> bool:
    return run in PARTIES or run in PLACES or is_state(run)


def _honorific_pronoun(name: str) -> str | None:
    """"he" for "Mr. ...", "she" for "Mrs.", "Ms." and "Miss ..."; None without one."""
    m = _HONORIFIC.match(name)
    return None if m is None else "he" if m.group(1) == "Mr" else "she"


# "she advises " before a name: the one she acts on is not she
_PRONOUN_ACTS_ON = {p: re.compile(rf"(?i)\b{p}\s+[a-z]+\s+$") for p in ("he", "she")}
# "Mr. Trump wasn't satisfied. ..., he said": a surname after an honorific is a person's,
# whose pronoun the honorific gives
_MR_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms)\. [A-Z][a-z]+(?:[A-Z][a-z]+)?\b(?! [A-Z])")  # not "Mr. John Smith"
# the third word of a name ``_PERSON`` reads two words of: "Iranian Foreign Minister Mohammad
# Javad Zarif met ... He said" is Zarif, not "Mohammad Javad" (no fourth capitalised word
# follows: "Barack Obama White House" is no name; "Jr." is no word of it, as speakers are named)
_THIRD_NAME = re.compile(r"[ \t](?!(?:Jr|Sr)\b)(?:O['\u2019])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?(?![\w-]|[ \t]+[A-Z])")


def _whole_name(text: str, m: re.Match, at: int) -> str:
    """The name ``m`` matched, with the third word that ends it before ``at``, if any (not a
    day, a month or a place: "Hillary Clinton Tuesday")."""
    third = _THIRD_NAME.match(text, m.end(), at)
    return m.group(0) + third.group(0) if third and third.group(0).lstrip() not in NOT_PEOPLE else m.group(0)
# a speaker's phrase cut off before its noun ("De Blasio also repeated his (claim)")
_OWNER_LEFT_OPEN = re.compile(r"(?:^|\s)(?:his|her|their|its|our|my|your)$", re.IGNORECASE)
_WORD_START = re.compile(r"(?<![\w.'\u2019-])(?=[A-Z])")  # where a capitalised word may begin
# Words a title-case headline capitalises that no speaker's name holds ("Drivers Are So
# Shocked By These 3 Words On Highway Warning Sign", "Media Growls In Response To Kaine's
# Claim"), a listicle's count ("17 Of The Most Powerful Things Latinos Said"), "I'm"
_NO_NAME_IN_TITLE_CASE = re.compile(
    r"\b(?:By|On|To|In|With|About|After|Before|Into|Over|Are|Is|Was|Were|Will|Has|Have|Had)\b"
    r"|^\d+ Of\b|\bI['\u2019]m\b")
# a capitalised cue between a capitalised word and a lower-case word, a comma or a bracket is
# inside a name or title ("The latest Rasmussen Reports poll", "Fortune Telling, published")
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:\n\u201c\"])\b[A-Z][\w'\u2019-]* $")
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_IN_A_NAME = re.compile(r"(?:[ \t]+[a-z]|[,;)])")
_AFTER_POSSESSIVE = re.compile(r"(?<![Ll]e)(?<![Ll])\w(?:['\u2019]s|s['\u2019]) $")  # not "Let's say"
# what may follow "'s" as "has" or "is": "Trump's said", "He's claiming", "That's according to"
_PARTICIPLE = re.compile(
    r"(?i)\w+ed|\w+ing|said|told|written|spoken|shown|known|made|held|given|taken|put|got|gotten|led|according\s+to")


# a verb first: what follows the possessed noun is said about it ("X's claim is false")
_PREDICATE_FIRST = re.compile(r"[\u201c\"']?(?:is|was|are|were|has|had|have|will|would|seems?|seemed|remains?|remained)\b")


_TITLE_ABBREVIATION_BEFORE = re.compile(rf"\b(?:{'|'.join(TITLE_ABBREVIATIONS)})\.\s+\Z")
_PRONOUN_AND_THEIRS = re.compile(r"(he|she|He|She)\s+and\s+((?:his|her)\s+.+)")


def _possessed(text: str, cue: Span) -> bool:
    """Whether a cue follows a possessive and is a noun ("Trump's claim", "the Browns'
    notes"), not a verb after "'s" read as "has" or "is" ("Trump's said", "He's claiming")."""
    if not _AFTER_POSSESSIVE.search(text, max(0, cue.start - 4), cue.start):
        return False
    contracted = text[cue.start - 3:cue.start - 2] in ("'", "\u2019")
    return not (contracted and _PARTICIPLE.fullmatch(cue.text))


def _possessor(text: str, source: Span | None, cue_start: int) -> Span | None:
    """The owner in "<owner>'s <cue>" when ``source`` ends on it: "Hillary Clinton's" ->
    "Hillary Clinton", "Politifact seized on Trump's" -> "Trump"; None otherwise."""
    if source is None or source.end < cue_start - 3 or source.end > cue_start:
        return None
    owner = _OWNER_RUN.search(text, source.start, source.end)
    if owner is None:
        return None
    return Span.of(text, owner.start(1), owner.end(1))


# the owner before "'s" at the end of a source: a run of capitalised words, or a noun
# phrase opened by "the" ("the Russian and Syrian defense ministry's")
_OWNER_RUN = re.compile(
    r"((?:\b[Tt]he\s+(?:[\w-]+\s+){0,5}[\w-]+)|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)(?:['\u2019]s|s['\u2019])\s*$")
# a modal before the cue makes a crowd's words a supposition ("will say" is a speech to come)
_MODAL_BEFORE = re.compile(r"(?:\b(?:can|could|would|will|might|may|should|must)|['\u2019]ll)\s+(?:not\s+|never\s+|also\s+)?$",
                           re.IGNORECASE)
# ... and "would have" anyone's words that were never said ("Few people would have described")
_COUNTERFACTUAL_BEFORE = re.compile(r"(?i)\b(?:would|could|might|should)(?:\s+not|n['\u2019]t)?\s+have\s+$")
# a source that credits no one ("no evidence", "Nobody", "None of the officials")
_NEGATED_SOURCE = re.compile(
    r"(?:no(?!\s+(?:wonder|doubt|matter)\b)|nobody|none(?!\s+other\b)|neither)\b(?!\.)", re.IGNORECASE)


# A "claim" made only of these words says when, or to whom, and nothing else.
_NO_CLAIM_WORDS = frozenset("""
to him her them me us earlier later again in on at the this last day week month year
morning afternoon evening night today yesterday tonight recently previously time
monday tuesday wednesday thursday friday saturday sunday
""".split())
# After a participle, a place or time and then the sentence's own verb: a reduced relative
# clause ("patients admitted to New York hospitals", "deaths announced in New York on Friday
# was 777"), not a report.
# (No determiner or pronoun on the way: "confirmed in 2015 the program was over" reports.)
_REDUCED_RELATIVE = re.compile(r"(?:in|on|at|to|from|during)\s+(?:(?:(?!(?:the|a|an|his|her|its|their|this|that|these|those|"
                               r"he|she|it|they|we|i)\b)[^\s,;:.\u201c\"]+)\s+)*?(?:was|were|is|are|has|have)\s|"
                               r"to\s+(?:[A-Z][\w.'-]*\s+)*(?:hospitals?|clinics?|prisons?|jails?|court)\b")
_IN_A_STATEMENT = re.compile(r"(?:\s+\w+){0,3}?\s+in\s+(?:a|an)\s+(?:\w+\s+)?statement\b")  # after a cue
_PENDING = "\x00pending"  # the speaker of an attribution whose source is not resolved yet
# the one a pronoun speaker told or asked: "he told Hannity", "she later told Mr. Smith"
_TOLD_OBJECT = re.compile(r"\s+(?:[a-z]+\s+)?(?:told|tells|asked|asks)\s+((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)")
# "the Democrat", "the Republican": an official of that party, not one said to be of the other
_PARTY_MEMBERS = frozenset(("democrat", "republican"))
_OTHER_PARTY = {
    "democrat": re.compile(r"\b(?:Republican|GOP)\b|\(R-|\(R\)"),
    "republican": re.compile(r"\b(?:Democrat|Democratic)\b|\(D-|\(D\)"),
}
_ELECTED = frozenset("senator governor congressman congresswoman mayor president".split())
# a title and the name after it ("President Donald Trump", "Gov. John Kasich"), for "the
# president" when no speaker was titled so ("Secretary of State John Kerry" is left out)
_TITLED_MENTION = re.compile(
    r"\b(President|Governor|Gov\.|Senator|Sen\.|Mayor|Judge|Premier|Chancellor|Ambassador|Sheriff|"
    r"Commissioner|Rep\.|Congressman|Congresswoman|Gen\.|General)\s+"
    r"((?:[A-Z][a-z]+\s+){0,2}(?:[A-Z]\.\s+)?[A-Z][\w-]+)(?:['\u2019]s?)?(?![\w'\u2019]|\s+of\b)")
_WORD_BEFORE = re.compile(r"\b([A-Z][\w.]*) +$")  # on the same line
# "former" before a title, perhaps with the place it was held: "Former New York City Mayor"
_FORMER_BEFORE = re.compile(r"\b(?i:former)\s+(?:[A-Z][\w.'\u2019-]*\s+){0,4}$")
_NATIONAL = frozenset(("U.S.", "US", "American", "Former", "Then", "Acting"))
_OPENERS = CLAUSE_WORDS | DETERMINERS | {"in", "on", "at", "for", "with", "by", "from", "to", "after", "before", "said", "says"}


def _may_qualify(word: str) -> bool:
    """Whether a capitalised word just before a title still makes it the title a bare "the
    president" or "the governor" names: a state, a party, a nation ("Kentucky GOP Gov.",
    "U.S. President", "Former President"); not a body's name ("World Bank President")."""
    return word in _NATIONAL or word in PARTIES or is_state(word) or word.lower() in _OPENERS


def _pronoun_subject(text: str, pronoun: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start`` opens on ``pronoun`` ("He asked", "Though he did
    not mention ...") before ``end``."""
    m = _OPENS_ON_PRONOUN.match(text, start, end)
    return m is not None and m.group(1).lower() == pronoun


# a word and the gap after it, for walking back from a "who"
_WORD_AND_GAP = re.compile(r"([\w'\u2019.-]+)([^\w'\u2019.-]*)")
_NOT_IN_ANTECEDENT = frozenset("""
said says told by from of to with among for at in on and or but that than as is was are were has
have had about against like including who whom which whose when where while if because
""".split())
_OPENS_ON_PRONOUN = re.compile(
    r"\W*(?:(?:But|And|Though|Although|While|When|As|After|Before|Because|Since|If|Yet|So|Still|"
    r"Instead)\s+)?(he|she|He|She)\b")


_REPLY_AFTER = re.compile(r"\s+(?:replied|responded|answered|retorted|shot\s+back)\b")
_REPLY_OPENING = re.compile(
    r"\u201c\s*(?:you(?:'re|\u2019re|\s+are)\s+(?:\w+\s+)?right|(?:good|great|fair)\s+question)\b", re.I)
_ASKING = frozenset({"asked", "asks", "questioned", "wondered", "wonders", "quizzed"})
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\w+\s+)?$", re.I)
_ASKERS = frozenset({"questioner", "questioners", "interviewer"})
_MENTION_SENTENCES = 3  # how far back "he" or "she" looks for a mention, in sentences


# a whole capitalised name: "Trump", "Trump's" (-> "Trump"), "O'Rourke", "Lopez-Cantera";
# not the "Trump" of "Trump-backed"
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])([A-Z]\w*(?:['\u2019][A-Z]\w*)?(?:-[A-Z]\w*)*)(?:['\u2019]s)?(?![\w-])")
