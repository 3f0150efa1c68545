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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import dateline as _dateline
from . import language as _language
from . import names as _names
from . import outlets as _outlets
from .models import Attribution, Span
from .normalize import PLACE_ABBREV, SENTENCE_STARTERS, abbreviation_before, paragraphs, sentences

# --- vocabularies -------------------------------------------------------------------------

SPEECH_VERBS = frozenset("""
said says say saying told tells telling wrote writes write writing added adds adding
asked asks noted notes noting reported reports announced announces suggested suggests argued argues
arguing tweeted tweets explained explains explaining declared declares acknowledged acknowledges
acknowledging stated claimed claims claiming insisted insists insisting warned warns warning
replied replies responded responds recalled recalls recalling concluded predicted predicts revealed
stressed stresses admitted admits confirmed confirms denied denies mentioned posted
vowed vows promised promises agreed agrees contended contends
maintained maintains answered answers cautioned testified emphasized emphasised observed remarked joked quipped
countered conceded alleged alleges charged complained complains disclosed indicated estimated
estimates assured cited cites citing quoted wondered expects expected hopes fears feared
argue insist claim warn contend deny predict acknowledge admit explain suggest
pointed points asking
reiterated reiterates asserted asserts lamented laments recounted recounts retorted
""".split())
# "pointed out" is a report; "pointed to" is not: these count only with "out" after them.
_POINT = frozenset(("pointed", "points"))
_OUT = re.compile(r"\s+out\b")
# Communication verbs: the verbs (and "according to") that report an act of saying,
# writing, asking or answering, as the issue "Attribution and citation chains that hold up on
# real news" scores them. Lemma -> inflected forms. Deliberately left out: cognition and
# stance ("think", "believe", "want", "hope", "fear"), evaluation ("called", "described",
# "criticized", "praised", "accused"), evidence ("show", "find", "suggest", "seem") and
# commitments ("promise", "vow", "pledge"): PolNeAR annotates those too, but they report a
# position rather than words someone said.
COMMUNICATION_VERBS: dict[str, frozenset[str]] = {
    lemma: frozenset(forms.split()) for lemma, forms in {
        "say": "say says said saying",
        "tell": "tell tells told telling",
        "according to": "according",
        "report": "report reports reported reporting reportedly",
        "announce": "announce announces announced announcing",
        "write": "write writes wrote written writing",
        "state": "state states stated stating",
        "add": "add adds added adding",
        "ask": "ask asks asked asking",
        "explain": "explain explains explained explaining",
        "claim": "claim claims claimed claiming",
        "note": "note notes noted noting",
        "tweet": "tweet tweets tweeted tweeting",
        "testify": "testify testifies testified testifying",
        "confirm": "confirm confirms confirmed confirming",
        "deny": "deny denies denied denying",
        "insist": "insist insists insisted insisting",
        "argue": "argue argues argued arguing",
        "declare": "declare declares declared declaring",
        "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
        "admit": "admit admits admitted admitting",
        "concede": "concede concedes conceded conceding",
        "warn": "warn warns warned warning",
        "reply": "reply replies replied replying",
        "respond": "respond responds responded responding",
        "answer": "answer answers answered answering",
        "recall": "recall recalls recalled recalling",
        "comment": "comment comments commented commenting",
        "remark": "remark remarks remarked remarking",
        "mention": "mention mentions mentioned mentioning",
        "reveal": "reveal reveals revealed revealing",
        "disclose": "disclose discloses disclosed disclosing",
        "stress": "stress stresses stressed stressing",
        "emphasize": "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
        "assert": "assert asserts asserted asserting",
        "contend": "contend contends contended contending",
        "allege": "allege alleges alleged alleging",
        "point out": "pointed",  # only with "out": see communication_lemma
        "post": "post posts posted posting",
        "predict": "predict predicts predicted predicting",
        "quote": "quote quotes quoted quoting",
        "cite": "cite cites cited citing",
    }.items()
}
_COMM_FORMS = {form: lemma for lemma, forms in COMMUNICATION_VERBS.items() for form in forms}
_CUE_WORD = re.compile(r"[a-z]+")


def communication_lemma(cue: str) -> str | None:
    """The communication verb a cue phrase holds ("has also said" -> "say"), or None.

    "according to" and "pointed out" need both words; "point" alone is not a report.
    """
    words = _CUE_WORD.findall(cue.lower())
    for i, word in enumerate(words):
        lemma = _COMM_FORMS.get(word)
        if lemma is None:
            if word in {"point", "points", "pointing"} and words[i + 1:i + 2] == ["out"]:
                return "point out"
            continue
        if lemma == "according to" and words[i + 1:i + 2] != ["to"]:
            continue
        if lemma == "point out" and words[i + 1:i + 2] != ["out"]:
            continue
        return lemma
    return None


# Speech acts that carry a claim about someone else: "Clinton accused Trump of ...",
# "Warren praised ...", "the mayor urged residents to ...". Read with a subject before the
# verb only, and not in the passive ("was accused of").
ACT_VERBS = frozenset("""
accused accuses criticized criticizes criticised criticises urged urges praised praises
condemned condemns blamed blames denounced denounces slammed slams
defended defends pledged pledges questioned dismissed dismisses blasted blasts mocked mocks touted touts
""".split())
_PASSIVE_AUX = frozenset("is was were are be been being get gets got".split())
# Verbs that attribute only right after a quote ("…,” he continued").
QUOTE_ONLY_VERBS = frozenset("continued continues joked quipped shouted yelled chanted".split())
# Verbs whose subject must look like a study or a poll ("a poll found that ...").
FINDING_VERBS = frozenset("show shows showed showing found finds find suggest indicates".split())
FINDING_HEADS = re.compile(r"(?i)\b(?:poll|polls|survey|surveys|study|studies|report|data|analysis|research|figures|numbers|results|review|audit|investigation|probe|memo|document|documents|records|filing)\b")
# Words skipped between the subject and its verb ("has also said").
AUX = frozenset("""
am has have had also previously later earlier reportedly repeatedly would will then again once
further recently often publicly privately separately quickly flatly later last first initially
is was were are be been being did does do just already still not never even only since himself
herself themselves itself may might could should must can cannot
""".split())
# Words that end a subject when walking back from the verb.
CLAUSE_WORDS = frozenset("""
that which and but because when while as if so although though since after before where what
how why whether or nor than until unless yet however meanwhile instead also then
""".split()) - {"also"}
# Plural nouns for people that can open a subject in lower case ("voters say", "others say").
GROUP_NOUNS = frozenset("""
others voters officials aides critics experts analysts supporters opponents residents people majorities
respondents economists advocates activists observers sources lawmakers members leaders friends allies
strategists advisers advisors organizers protesters students workers democrats republicans conservatives
liberals progressives delegates donors investors scientists researchers doctors lawyers prosecutors
police authorities officers diplomats
""".split())
# Verbs that characterise rather than report ("called it “a disaster”").
CHARACTERIZE_VERBS = frozenset("called calls calling call dubbed labeled labelled branded described describes describing".split())
PARTICIPLES = frozenset("saying adding noting arguing explaining insisting warning claiming declaring writing telling calling asking".split())
# The subject opening a sentence: a name (with a title or party tag), a pronoun or a short description.
_SENTENCE_SUBJECT = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Later|Earlier|Meanwhile),?\s+)?"
    r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+(?<!\bof)|"  # lower case after an opener
    r"(?!(?:When|If|As|After|Before|While|Although|Because|Since|Though|With|In|On|At|For|From|During|Prior|That|This|There"
    r"|And|But|Yet|So|Or|Then|Still|Also|Every|Each|By|To|Of|Under|Over|Despite|Amid|Without|Through|Until|Unless|Once)\b)"
    # "Health care providers have protested", "Trump aides had said": lower-case words up to an
    # auxiliary (without one, "Trump aides insisted" reads a word too far on train: left out)
    r"(?:[A-Z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){1,3}(?=\s+(?:have|has|had|are|were)\s+[a-z]+ed\b)|"
    r"(?:(?:[A-Z][\w.'\u2019-]*|of)\s+){0,5}[A-Z][\w'\u2019-]*(?:\s+\([RDI]-[\w.]+\))?))"
    r"\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(?!(?:and|or|of|in|on|at|to|for|with|who|which|that)\b)[a-z]+\b"
)
_ASKED = re.compile(r"(?:(?:But|And|When|Later),?\s+)?(?P<cue>Asked)\s+(?P<content>(?:about|whether|if|what|why|how|who|when|where|to|by)\b[^;\n]{2,200}?),")
# Verbs that invert after the content: "..., said the official."
_INVERTING = frozenset("said says added adds asked wrote writes continued explained noted recalled replied".split())
_MEDIA_WORD = re.compile(r"(?i)\b(?:agency|news|newspaper|network|channel|broadcaster|tv|radio|website|outlet|daily|magazine|times|post|journal|tribune|herald|gazette)\b")
_SUBORDINATORS = frozenset("when if as after before while although because since though once unless until prior whether".split())
_TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday Today Yesterday".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())
_DAY_PARTS = frozenset("morning afternoon evening night".split())
_BEFORE_DAY = frozenset("on later earlier late early last this".split())
_DATED = frozenset("out made held taken given written shown seen run built sent".split())  # "a poll out Monday"


_TIME_ENDS = _DAYS | _DAY_PARTS | {"day", "week"}  # the last word of every phrase below


def _time_before(toks, j: int) -> int:
    """The index of the last token before a time phrase that ends at token ``j`` ("on
    Friday", "later Thursday", "Sunday morning", "yesterday", "earlier in the day"); ``j``
    when none ends there. The time between a subject and its verb is not the subject."""
    if j < 0 or toks[j][2].lower() not in _TIME_ENDS:
        return j  # most subjects: one set lookup

    def word(m: int) -> str:
        return toks[m][2].lower() if m >= 0 else ""
    m = j
    if word(m) in {"day", "morning", "afternoon", "evening", "week"} and word(m - 1) == "the" \
            and word(m - 2) == "in" and word(m - 3) in {"earlier", "later"}:
        return m - 4  # "earlier in the day"
    if word(m) in _DAY_PARTS and word(m - 1) in _DAYS:
        m -= 1  # "Sunday morning"
    if word(m) not in _DAYS or word(m - 1) == "super":  # "Super Tuesday" is an event
        return j
    m -= 1
    if word(m) in _BEFORE_DAY:
        m -= 1
        if word(m + 1) == "on" and word(m) in {"later", "earlier"}:
            m -= 1  # "later on Friday"
    elif word(m).endswith("ed") or word(m) in _DATED:
        return j  # "a poll released Friday said": the day is part of the subject
    return m
_PREPOSITIONS = frozenset("with in on at for from after before during as by under over despite since into than like".split())
# A finite verb inside a would-be subject shows it is a clause: "Nadal kept Spain's ...".
_CLAUSE_VERBS = frozenset("""
is was are were has have had will would can could should did does do kept went made took won lost got
gave came ran met saw left held led sent spent built brought bought felt became began spoke stood fell
drew grew knew threw chose rose broke wore drove sat
""".split())
_PAST = re.compile(r"^[a-z]{3,}ed$")
# Unions used per token or per quote, built once.
_SUBJECT_OPENERS = _PREPOSITIONS | _SUBORDINATORS
_NOT_SUBJECT_ENDS = _PREPOSITIONS | _SUBORDINATORS | {
    "to", "of", "and", "but", "or", "the", "a", "an", "that", "which",  # "... when asked"
    "about", "without", "against", "toward", "towards", "upon", "among", "through", "via",  # "wondered about adding"
    "worth"}  # "It's worth noting that": the writer's aside


# Verbs that often take a plain object ("agreed a deal", "maintains a lead"): they report
# speech only when a clause follows ("that ...", a quote, "he would ...").
AMBIGUOUS_VERBS = frozenset("""
agreed agrees posted charged expected expects hopes fears feared maintains maintained mentioned
estimated estimates answers answered
""".split())
_CLAUSE_START = re.compile(
    r"(?:that\b|[\u201c\"']|(?:he|she|they|it|we|I|you|there|this|these|those|his|her|their|its|our|the|a|an|"
    r"[A-Z][\w.'\u2019-]*)\s+(?:[\w'\u2019-]+\s+){0,6}?(?:is|was|are|were|will|would|could|should|can|may|might|"
    r"must|has|had|have|did|does|do|had|[a-z]+ed|[a-z]+s)\b)"
)
_LEADING_ADVERBS = frozenset("Now Then Also Still Instead Meanwhile Indeed Yet Later Earlier Previously Separately Yesterday Today Tonight"
                             " Alternatively Otherwise Similarly Likewise".split())
_CAPITAL = re.compile(r"\b[A-Z]")
_NOUN_MODIFIERS = frozenset("media news press local recent earlier other unconfirmed some many several conflicting initial later previous similar".split())
_PARTY = re.compile(r"^[RDI]-[A-Z][\w.]*$")
QUANTIFIERS = frozenset("about nearly almost roughly more fewer less half most majority majorities only just over under".split())
PRONOUNS = frozenset("he she they it i we you".split())
DETERMINERS = frozenset("""
a an the one two three four five six several some many most other another both all few
his her their its our this these those each any no such more
""".split())
ANON_HEADS = re.compile(
    r"(?i)\b(official|officials|source|sources|person|people|diplomat|diplomats|aide|aides|insider|"
    r"insiders|officer|officers|spokesman|spokeswoman|spokesperson|staffer|staffers|adviser|advisers|"
    r"advisor|advisors|individual|individuals|member|members|lawmaker|lawmakers|executive|executives|"
    r"spokesmen|spokeswomen|spokespeople|representative|representatives|ally|allies|lawyer|lawyers|"
    r"attorney(?!\s+general)|attorneys|employee|employees|confidant|confidants|confidante|associate|"
    r"associates|operative|operatives|strategist|strategists|circle)\b"  # "Trump's inner circle"
)
# A sentence saying its speaker is unnamed on purpose.
_ANONYMITY = re.compile(
    r"(?i)\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously|not\s+authori[sz]ed\s+to\s+(?:speak|discuss|comment)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|"
    r"(?:declined|refused)\s+to\s+speak\s+on\s+the\s+record)\b"
)
ANON_CLAUSE = re.compile(
    r"(?i)\b(?:on (?:the )?condition of anonymity|not authori[sz]ed to|asked not to be (?:named|identified)|"
    r"declined to be (?:named|identified)|requested anonymity|speaking anonymously|unnamed|anonymous|"
    r"familiar with|with knowledge of|close to the)\b"
)
VAGUE_SOURCE = re.compile(
    r"(?i)^(?:(?:some|many|several|various|local|other|unconfirmed|recent|news|media|press|foreign)\s+)*"
    r"(?:media\s+)?(?:reports?|rumou?rs?|observers|critics|experts|analysts|people|commentators|"
    r"pundits|claims|accounts|sources|media|outlets|estimates|polls|surveys|studies|"
    r"supporters|voters|delegates|conservatives|liberals|progressives|republicans|democrats)$"
    # "outside experts", "the experts", "Clinton critics": whoever they are, nobody is named;
    # "Clinton supporters", "GOP voters": a whole group
    r"|^(?:[\w'\u2019-]+\s+){1,3}(?:observers|critics|experts|analysts|commentators|pundits|polls|studies|"
    r"supporters|voters|delegates|conservatives|liberals|progressives)$"
    # "most Republicans", "many of you": part of a group, nobody in particular
    r"|^(?:few|all|many|some|most|several|none)(?:\s+of\s+(?:the\s+)?[\w'\u2019-]+|(?:\s+[\w'\u2019-]+){0,3}\s+"
    r"(?!(?:offic|source|aide|diplomat|insider|spokes|staffer|lawyer|attorney|representative)\w*s\b)[\w'\u2019-]+s)?"
    r"(?:\s+who\b.*)?$"  # "many diehard Sanders supporters who came to Philadelphia"
)
VAGUE_PHRASES = re.compile(
    r"(?i)\b(?P<cue>it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:believed|understood|said|reported|thought|alleged|claimed|rumou?red|learned|learnt)|"
    r"(?:media\s+|news\s+|press\s+)?reports\s+(?:say|said|suggest|suggested|claim|claimed|indicate|indicated)|"
    r"reportedly|rumou?rs\s+(?:say|have\s+it)|(?:some|many)\s+(?:say|believe|claim))\b"
)
TIME_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|this\s+week|last\s+week|last\s+month|earlier\s+this\s+week|this\s+morning)"
ADVERBIAL = re.compile(
    r"\A(?:,?\s*(?:"
    rf"(?:on|late|early|earlier|later)?\s*{TIME_WORDS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|in\s+(?:a|an|his|her|their|its|the)\s+(?:joint\s+|written\s+|brief\s+|televised\s+|separate\s+)?(?:statement|interview|tweet|speech|briefing|post|letter|video|email|e-mail|op-ed|message|report|memo|note|release|press\s+release|news\s+conference|press\s+conference|conference\s+call|phone\s+interview|radio\s+interview|television\s+interview|blog\s+post|column)"
    r"(?:\s+(?:on|with|to|at|from)\s+[\w.'\u2019 -]{1,40}?(?=,|\s+that\b|\s*$|\s+(?:on|in|carried|published|released)\s+))?"
    r"|at\s+(?:a|an|the)\s+(?:news\s+conference|press\s+conference|rally|briefing|hearing|event|campaign\s+event|town\s+hall|meeting|debate)(?:\s+in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"|on\s+(?:Twitter|Facebook|Instagram|Fox\s+News|CNN|MSNBC|television|TV|radio|air)"
    r"|on\s+(?:his|her|their|its|the)\s+(?:own\s+)?(?:blog|website|web\s+site|Facebook\s+page|Twitter\s+(?:account|feed)|podcast|radio\s+show|show)"
    r"|at\s+the\s+(?:[A-Z][\w.'\u2019-]*(?:\s+|(?=[,.;]|$))){1,6}"  # "at the Dubai Air Show"
    r"|(?:to\s+)?reporters|recently|repeatedly|previously|again|also|flatly|publicly|privately|separately|bluntly|simply|later"
    r"))+"
)
TOLD_OBJECT = re.compile(
    r"\A\s+(?P<obj>reporters|journalists|the\s+press|him|her|them|us|me|you|supporters|the\s+crowd|the\s+audience|"
    r"(?:The\s+|the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'\u2019&-]*){0,4}"
    r"(?:\s+(?:show|program|programme|broadcast|podcast)\b)?|"  # "told NBC News' Today show"
    r"(?:a|an|the)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?(?=\s+(?:that|on|in|at)\b|,|\.|:|$))"
)
RELAY_TAIL = re.compile(
    r"\A,?\s*(?P<cue>as\s+(?:quoted|cited|reported)\s+by|(?:carried|published|released|distributed|broadcast)\s+by|according\s+to|in\s+(?:an?\s+)?(?:interview|comments|remarks)\s+(?:with|to)|citing|speaking\s+to|talking\s+to|told)\s+"
    r"(?P<np>(?:the\s+)?[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,7}?)(?=\s*(?:,|\.|;|$|\s+on\b|\s+in\b|\s+that\b))"
)
ADDING = re.compile(r"\A[^,.;:\u201c\u201d\"\n]{0,40}?\s*,\s*(?P<cue>adding|noting|saying|explaining|arguing|stressing|insisting|warning|citing|mentioning|recalling|acknowledging|pointing\s+out|claiming|declaring|asking|going\s+on\s+to\s+say)\b(?:\s+that\b)?\s*")
ACCORDING_TO = re.compile(r"(?i)\baccording\s+to\s+")
# "The minister was quoted by Yonhap as saying ..."
QUOTED_BY = re.compile(
    r"(?P<np>\b[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)\s+(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?P<cue>(?:quoted|cited)\s+by)\s+(?P<relay>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)\s+as\s+saying\b(?:\s+that\b)?\s*"
)
CITED_AS = re.compile(
    r"(?P<relay>\b[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)\s+(?P<cue>(?:cited|quoted)\s+)(?P<np>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,7}?)\s+as\s+saying\b(?:\s+that\b)?\s*"
)
REPORTED_CITING = re.compile(
    r"(?P<relay>\b[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)\s+(?P<cue>(?:reported|said|reports|says|wrote)(?:\s+on\s+[A-Z]\w+)?,?\s+citing)\s+(?P<np>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,8}?)(?=\s*(?:,|\.|;|$|\s+that\b))"
)

# A person-like name: two or three capitalised words ("Maria Lopez"), for pronouns with no earlier speaker.
_PERSON = re.compile(r"(?<![\w.])(?!(?:When|If|As|After|Before|While|Although|Because|Since|Though|With|In|On|At|For|From|During|The|This|That|But|And"
                     r"|What|Who|How|Why|Where|Which|It|He|She|They|We|There|Here|Then|Now|So|Some|Many|All)\b)"
                     r"(?:(?:Mr|Ms|Mrs|Dr)\. )?[A-Z][a-z]+(?: [A-Z]\.)? (?!(?:Mr|Ms|Mrs|Dr)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# A quote ends at its first closing mark or line end. The curly and straight branches are
# greedy over characters that exclude both, so they match what a lazy repeat would, with no
# backtracking at each character ("''" quotes may hold a lone "'": that branch stays lazy).
# Mixed marks ("...” or “...") are common in pages typed by hand: either closing mark ends
# a quote opened by either opening mark.
_QUOTE = re.compile(r"[\u201c\"][^\u201c\u201d\"]{2}[^\u201c\u201d\"\n]*(?:[\u201d\"]|$)|''[^\n]{2,}?(?:''|$)", re.M)
_TOKEN = re.compile(r"[A-Za-z0-9][\w.'\u2019&-]*(?<![.'\u2019-])|[A-Z]\.(?:[A-Z]\.)+")
_BOUNDARY_PUNCT = re.compile(r"[,;:\u201c\u201d\"()\u2014\u2013\[\]]|\s-\s")
_VERB_FIRST_TAIL = re.compile(r"\A\s*,?\s*(?P<verb>said|says|asked|added|wrote|tweeted|replied|continued|recalled|explained|noted)\s+(?P<np>[^,.;:\u201c\u201d\"]{1,80}?)(?=\s*[,.;]|\s*$)")
# A cue right before an opening quote: "... the official told reporters: “"
_LEAD_IN = re.compile(
    r"\b(?P<verb>said|says|told|tells|added|adds|wrote|writes|asked|tweeted|declared|stated|explained|continued|"
    r"replied|responded|answered|recalled|noted|warned|insisted|argued|announced|saying|adding|telling|writing)\b"
    r"(?P<adv>[^.:\u201c\u201d\"!?\n]{0,60}?)\s*[:,]\s*\Z"
)


# Any word that can start a rule; sentences without one are skipped.
# What a crowd "thinks" or "fears" is an attribution worth a flag when nobody is named:
# "Critics charge that ...", "many economists believe ...". Only with a vague subject.
STANCE_VERBS = frozenset("""
believe believes think thinks fear fears worry worries charge charges doubt doubts
note applaud applauds expect suspect suspects feel feels wonder wonders realize realizes want wants
speculate speculates
worried doubted suspected felt wondered realized wanted speculated
dispute disputes disputed oppose opposes opposed reject rejects rejected
agree agrees agreed disagree disagrees disagreed concurred
""".split())
CUE_WORDS = ACT_VERBS | SPEECH_VERBS | FINDING_VERBS | QUOTE_ONLY_VERBS | CHARACTERIZE_VERBS | STANCE_VERBS | {"according", "reportedly", "believed", "understood", "rumors", "rumours"}
# The words of a sentence are the runs of a-z in its lower-cased text. Every other character
# made a blank, ``str.split`` gives the same words as ``re.findall("[a-z]+")``, about twice as
# fast; a character beyond ASCII becomes "?" first (one byte each, so offsets stay).
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _letters(low: str) -> str:
    """``low`` with every character other than a-z made a blank; same length, same offsets."""
    return low.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")


# Words the token loop of ``_sentence_rules`` acts on.
_SPEECH_WORDS = SPEECH_VERBS | QUOTE_ONLY_VERBS
_VERB_WORDS = ACT_VERBS | SPEECH_VERBS | FINDING_VERBS | CHARACTERIZE_VERBS | STANCE_VERBS
_SENT_END = re.compile(r"[.!?][\"\u201d\u2019]?(?=\s|$)")
# A sentence end with text after it (normalize.sentences splits only at one of these).
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")
# Where a speaker phrase after a quote ends; "Ms." or "J." is not a full stop.
_TAIL_LIMIT = re.compile(r"[,;:!?\u201c\u201d\"\n]|''|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bSt)(?<!\b[A-Z])\.")
_NP_END = re.compile(r",|;|\.(?=\s|$)|\s\u2014|\s\u2013|\s-\s|\s--|\.\)|\bthat\b|\n")


# Words that open a sentence as a time or a comment, never a name: "Friday, Bill Clinton
# said", "Interestingly, ..., Hackett said" (the speaker is after the comma).
_OPENERS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|July|"
            "September|October|November|December|Early|Late|Every|Each|Next|Last|Today|Tonight|"
            "Yesterday|Now|Then|Also|Still|Later|Earlier|Again|Overall|Instead|Indeed|Meanwhile|"
            "However|Nevertheless|Nonetheless|Moreover|Furthermore|Likewise|Interestingly|Separately|"
            "Similarly|Additionally|Ultimately|Finally|Initially|Previously|Currently|Recently|Notably|"
            "Importantly|Unfortunately|Fortunately|Surprisingly|Ironically|Apparently|Clearly|Obviously|"
            "Alternatively|Otherwise")
_OPENER_COMMA = re.compile(
    rf"(?:(?:(?:Early|Late|Last|Next|This|Every|Each)\s+)?(?:{_OPENERS})(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:Last|Next|This|Earlier|Later)\s+(?:week|month|year|spring|summer|fall|autumn|winter)"
    r"|(?:Hours|Days|Weeks|Months|Minutes|Moments|Years)\s+(?:later|earlier|before|after))\s*,\s+")
_NAME = rf"(?!(?:When|If|As|After|Before|While|Although|Because|Since|Though|Once|Unless|Until|With|In|On|At|For|From|During|Prior|That|This|These|Those|There|Here|I|{_OPENERS})\b)(?:(?:[A-Z][\w.'\u2019-]*|of|de|la|van|von|al|bin)(?:\s+(?:[A-Z][\w.'\u2019-]*|of|de|la|van|von|al|bin|\([A-Z][\w.-]*\))){{0,6}})"
_ROLE = (r"(?:A|An|The|[A-Z][\w.-]*['\u2019]s)\s+(?:[\w'\u2019-]+\s+){0,3}(?:spokes\w+|official|aide|adviser|advisor|director|manager|"
         r"chairman|chairwoman|leader|member|lawyer|attorney|analyst|professor|economist|strategist|consultant|"
         r"pollster|executive|president|secretary|minister|officer|representative|senator|founder|researcher|"
         r"diplomat|source|person|insider|staffer|official|mayor|governor|judge|economist|commander|"
         r"office|campaign|team|author|co-author|writer|columnist|editor|reporter|host|historian|scholar|"
         r"expert|fellow|partner|chief|head|owner|organizer|candidate|nominee|delegate|ambassador|"
         r"commissioner|administrator|chair|activist|organiser|coordinator|CEO|chancellor)\b"
         r"(?:\s+(?:of|for|at|with)\s+(?:the\s+|a\s+)?[\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]*){0,3})?")  # "The author of the book"
# "Florida delegate John Archer", "Republican strategist Ann Roe": capitalised words, a
# lower-case role, then the name
_TITLED = r"(?:[A-Z][\w.'\u2019-]*\s+){1,2}[a-z][\w-]+\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}"
# "White House officials, speaking on condition of anonymity, said": people not named
_UNNAMED_GROUP = (r"[A-Z][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,4}?\s+(?:officials|sources|aides|diplomats|"
                  r"officers|spokesmen|spokespeople|insiders|staffers|advisers|advisors|lawmakers|analysts|"
                  r"experts|people|investigators|prosecutors|executives)")
_CONNECTIVE = (r"(?:Still|However|Meanwhile|Yet|Instead|Also|Now|Then|Indeed|Earlier|Later|Separately|Overall|"
               r"Nonetheless|Moreover|Afterward|Afterwards|Today|Yesterday|Instead|Finally|Again|Besides|Similarly|"
               r"Privately|Publicly|Asked|Speaking|In|On|At|After|Before|During|When|While|Since|For|With|As|If)")
_APPOS = r"[^,;:\u201c\u201d\"()\u2014\u2013]{1,180}?(?:,\s+[^,;:\u201c\u201d\"()\u2014\u2013]{1,80}?){0,2}"
# "Marley Anderson, 21, a junior from Las Vegas, said" / "A Twitter spokesman, Christopher Abboud, said"
# "In an interview, " / "On Tuesday, " before "Steve Hunt, a former executive, said"
_INTRO = (r"(?:(?:In|On|At|During|After|Before|Earlier|Later|Last|This|Speaking|Asked|Appearing|Continuing|"
          r"Inside|Outside|Alongside|Following|Amid|Amidst|Despite|Under|Throughout|Within|Among|Against|"
          r"Across|Behind|Beyond|Unlike|By|Upon|Shortly|Back|Prior|Besides|Given|Thanks|Minutes|Hours|Days|"
          r"Weeks|Months|A\s+(?:day|week|month|year|few\s+\w+)\s+(?:later|earlier|ago|before|after))\b"
          r"[^,;:\u201c\u201d\"]{0,80},\s+"
          r"|(?:While|Although|Though|As|When|Since|Because|If)\b[^,;:\u201c\u201d\"]{1,100},\s+)")
# The tokens of a sentence end at its last verb: what follows one is read from the text.
_NEXT_FINITE = re.compile(r"\s+(?:(?:is|was|are|were|has|have|had|would|could|should)(?:n['\u2019]t)?|will|can|"
                          r"won['\u2019]t|can['\u2019]t)(?!['\u2019\w])")
_ADD_VERBS = frozenset(("added", "adds", "add", "adding"))
# What follows "added" when something was added, not said: a number, a sum, "to ...", "them to"
_ADDED_THING = re.compile(r"[\d$]|to\b|(?:them|it|him|her|us|this|these|those)\s+to\b")
_WH_WORDS = frozenset("how what whether when where why which who whom".split())
_THAT = re.compile(r"[\s,](that\b)")
_AS_NAME = r"(?:(?:The\s+|the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+(?:[A-Z][\w.'\u2019&-]*|of|de)){0,5}|(?:the|a|an|his|her|their)\s+[a-z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){0,2})"
_AS_SAID = re.compile(
    r"(?:(?:But|And|Yet|So)\s+)?[Aa]s\s+"
    rf"(?:(?P<cue1>(?:first\s+)?(?:reported|noted)\s+by)\s+(?P<src1>{_AS_NAME})"
    rf"|(?P<src2>{_AS_NAME})\s+(?:has\s+|have\s+|had\s+)?(?P<cue2>pointed\s+out|noted|reported|wrote|said|explained|observed|put\s+it))"
    r"\s*,\s*(?P<content>\S)")
_INTRO_PHRASE = re.compile(_INTRO)
_APPOSITIVE = re.compile(
    rf"(?:(?:But|And|Yet|So|Still|Meanwhile|However|Also),?\s+)?{_INTRO}?(?!{_CONNECTIVE}\b)(?P<np>(?:{_NAME}|{_ROLE}|{_TITLED}|{_UNNAMED_GROUP}(?=,\s+(?:speaking|who|requesting|declining|familiar)\b)),\s+(?!(?:he|she|they|it|we|I)\s*,?\s*$){_APPOS}"
    # "Sen. Jack Reed (D-R.I.), said": a stray comma after the name
    rf"|{_NAME}(?=,\s*$)"
    # "Another delegate on the Cruz slate, Jim Poolman, said": a description, then the name
    # ("The plan died, Maria Lopez said" is a claim and its speaker: only "Another"/"One")
    rf"|(?:Another|One)\s+(?:(?!\b(?:is|was|are|were|has|had|have|will|would|did|does|"
    rf"could|should|can)\b)[^,;:\u201c\u201d\"()]){{1,60}}?,\s+{_NAME}),?\s*$"
)
_END_APPOSITIVE = re.compile(
    rf"(?:,|[\u201d\"]|'')\s+(?P<np>(?:(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}})?(?!{_CONNECTIVE}\b){_NAME},\s+"
    rf"(?:a|an|the|his|her|their|its)\s[^,;:\u201c\u201d\"()]{{1,100}}?"
    rf"|(?:his|her|their|its|the|a|an)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:aide|spokes\w+|adviser|advisor|"
    rf"manager|director|strategist|lawyer|attorney|pollster|economist|chairman|chairwoman|friend),\s+{_NAME}),?\s*$"
)
_DASH_APPOSITIVE = re.compile(
    rf"(?:(?:But|And|Yet|So|Still),?\s+)?(?P<np>(?:{_NAME}|{_ROLE})\s*[\u2014\u2013]\s*[^\u2014\u2013\u201c\u201d\"]{{1,140}}?\s*[\u2014\u2013])\s*$"
)
_TAIL_APPOSITIVE = re.compile(
    rf"\A\s*,?\s*(?P<np>{_NAME},\s+{_APPOS}),\s+(?P<verb>said|says|added|wrote|writes|told|tells|tweeted|explained|noted|argued|recalled|asked|insisted|continued|declared)\b"
)

# Patterns used inside functions, compiled once.
_ACRONYM_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
_NP_WORD = re.compile(r"[\w'\u2019-]+")
_DASH_SPLIT = re.compile(r"\s*[\u2014\u2013]\s*")
_WHO_TAIL = re.compile(r"(?i),?\s+(?:who|speaking|, who)\b.*$")
_ARTICLE_START = re.compile(r"(?i)(?:a|an|the)\s")
_LEADING_ARTICLE = re.compile(r"(?i)^(?:a|an|the|one)\s+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_CONTRACTION = re.compile(r"['\u2019](?:re|ve|m|s|d|ll)$")
_DEFINITE_START = re.compile(r"(?i)^(?:the|this|that)\s")
_CAPITAL_WORD = re.compile(r"[A-Z][\w'\u2019-]+")
_HONORIFIC = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s")
_DASH_RUN = re.compile(r"[\s\u2014\u2013:-]*")
_CLOSE_PAREN = re.compile(r"\.?\)")
_TO_OUTLET = re.compile(r"\b(?:to|with)\s+((?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3})")
_OPENS_NEXT_QUOTE = re.compile(r"[^.\u201c\u201d\"]{0,40}?[,:]\s*[\u201c\"]")
_AFTER_FULL_STOP = re.compile(r"[\s]*(?:,|\.|;|\s+(?:on|in|at|to)\b)")
_COMMA_GAP = re.compile(r"\s*,?\s*")
_REPORTS_CUE = re.compile(r"(?i)(?:media\s+|news\s+|press\s+)?reports")
_FINITE = re.compile(r"\b(?:is|was|are|were|had|has|have|will|would|could|should|can|did|does|do|"
                     r"may|might|must)\b")
_INVERTED_SPEAKER = re.compile(r"\s+(?P<np>(?:the|a|an)?\s*[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)(?=\s*(?:[,.;]|$))")
_AS_BEFORE = re.compile(r",\s+(?:just\s+)?as\s+$")
_PLACE_OR_TIME_TAIL = re.compile(r"\s*(?:in|on|at|during|while|after|before|when|from|via|through)\b(?!.*\bthat\b)")
_CLAUSE_TAIL = re.compile(r"\s*(?:[.!?]\s*$|,|;|$)")
_NOTHING_AFTER = re.compile(r"\s*(?:[.!?]\s*$|$)")
_CALLED_PARTICLE = re.compile(r"\s+(?:for|on|off|up|in|out|it\s+quits|back)\b")
_THE_START = re.compile(r"^the ")
_NON_WORDS = re.compile(r"[^\w]+")
_PERSON_HEAD = re.compile(r"\b(?:official|source|spokes\w+|minister|diplomat|aide|officer)s?\b", re.I)


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
    surname: str | None = field(init=False)  # the last word of the name, for "Trump" after "Donald Trump"

    def __post_init__(self) -> None:
        words = self.name.split()
        self.surname = words[-1] if words else None


# Heads of phrases that name no single person: "she said" never refers back to "the agency",
# "her team", "the letter" or "a mere 9 percent".
_NOT_PERSON_HEADS = _BODY_WORDS | frozenset("""
agency department ministry office administration government company firm campaign team staff party
court police state city county country nation public crowd audience people percent community
letter report statement poll survey study memo document documents excerpts transcript release
newspaper paper network station website site article post book email emails filing data analysis
filings records results summary case performance media press outlets polls surveys house tv
""".split())
_OF_PART = re.compile(r"\s+(?:by|from|of|in|on|at|for|with)\s+")
_NUMBER = re.compile(r"\d{1,3}(?:[,.]\d+)*%?|\d+%")  # "85% of Democrats" (not "9/11 widow Terry Strada")
_ACRONYM = re.compile(r"[A-Z]{2,4}")  # "CBP", "FBI" (a transcript's "FALLIN:" is longer)


def _pronoun_of(sp: "_Speaker") -> str | None:
    """"he", "she" or None: what the text said (a title, an earlier pronoun), else the given name."""
    return sp.pronoun or _names.pronoun(sp.name)


@lru_cache(maxsize=4096)
def _bare_surname(phrase: str) -> str | None:
    """The name in a phrase that is one name alone: "Trump", "Mr. Chipok", "Carter however"
    (not "Trump confidant")."""
    phrase = _names.TITLE.sub("", phrase.strip(), count=1)  # "Mr. Chipok", "Dr Fauci", "Sen. Cruz"
    words = phrase.split()
    if not 1 <= len(words) <= 2 or not _CAPITAL_WORD.fullmatch(words[0]):
        return None
    if len(words) == 1 or words[1] in _ASIDE_WORDS or (words[1].islower() and words[1].endswith("ly")):
        return words[0]  # "Rubio only said" (the -ly words _np_span keeps)
    return None


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
    if first in DETERMINERS or first in CLAUSE_WORDS or first in QUANTIFIERS or _NUMBER.fullmatch(first):
        return False  # "Several Democrats", "Those", "But" (a stray sentence opener), "85% of voters"
    head = _head(name)
    if last.lower() in _NOT_PERSON_HEADS or last.lower() in GROUP_NOUNS or (head is not None and head in _NOT_PERSON_HEADS):
        return False
    # a lower-case plural: "doctors", "officials" (not "Sanders", not "boss")
    return not (last[:1].islower() and last.endswith("s") and not last.endswith(("ss", "us", "is")))


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
_TRAILING_WHEN = re.compile(r"(?<=[A-Za-z])\s+(?:now|then|soon|again|already|(?!(?:only|early|family|ally|rally|assembly|supply|reply|daily|weekly|monthly|quarterly|elderly|belly|"
                            r"bully|anomaly|monopoly|tally)\b)[a-z]+ly|"
                            r"at\s+the\s+time|(?:last|this|next)\s+(?:week|month|year|night)|"
                            r"(?:earlier|later)(?:\s+(?:this|that|on)\s+\w+)?)$")


_WHEN_LAST = frozenset("""now then soon again already time week month year night day morning afternoon evening earlier later
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())  # the last words of those tails


# ... unless it belongs to the phrase: "a report released last year", "until earlier this
# year", "cannot necessarily"
_WHEN_BELONGS = re.compile(r"(?:\b(?:until|since|from|just|as|than|of|cannot|can|could|would|will|should|not|"
                           r"may|might|must|do|does|did)|[a-z]ed)$")


def _np_span(text: str, span: Span) -> Span | None:
    """A source phrase without a trailing full stop ("agency." -> "agency"; "U.S." stays), a
    trailing aside ("Tim Clark, meanwhile") or a time or manner ("Cruz openly")."""
    end = span.end
    if "," in span.text:
        aside = _TRAILING_ASIDE.search(span.text)
        if aside:
            end = span.start + aside.start()
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
    m = _LEAD_CONNECTIVE.match(text, s, e) or _LEAD_ADVERBIAL.match(text, s, e)
    if m:
        s = m.end()
    while e > s and text[e - 1] in ".!?":
        e -= 1
    return _span(text, s, e)


_LEAD_CONNECTIVE = re.compile(r"(?:In fact|Still|However|Meanwhile|Indeed|Instead|Now|Yet),\s+|(?:But|And|So|Yet)\s+(?=[a-z\d\u201c\"A-Z])")
_LEAD_ADVERBIAL = re.compile(
    r"(?:(?:in|on|at|this|last|during|earlier|after|before|over|from|via|through|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|today|yesterday)\b[^,.;:\u201c\u201d\"]{0,60}?\s)(?=that\s)"
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
                    "strategist")
# Every ``ANON_CLAUSE`` phrase holds one of these.
_ANON_CLAUSE_STEMS = ("anonym", "authori", "asked not to be", "declined to be", "unnamed", "familiar with",
                      "knowledge of", "close to the")
_PERSON_HEAD_STEMS = ("official", "source", "spokes", "minister", "diplomat", "aide", "officer")


@lru_cache(maxsize=4096)
def _anon_heads(np: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of every ``ANON_HEADS`` match: one scan for ``_head``,
    ``_is_anonymous`` and ``_may_name_outlet``, which all read the same phrases."""
    if not _may_hold(np, _ANON_HEAD_STEMS):
        return ()
    # "People's Daily", "the Spokesman-Review": part of a name, not a role
    return tuple((m.start(), m.end(), m.group(1)) for m in ANON_HEADS.finditer(np)
                 if np[m.end():m.end() + 1] not in _NAME_GLUE)


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
_BARE_PEOPLE = re.compile(r"(?i)(?:(?:some|many|most|several|few|other|ordinary|local|the)\s+)?people$")
_HEAD_IN_PHRASE = re.compile(r"\b(?:for|to|by|with|from|about|at|in|on|of|that|which)\b")
_PARTITIVE = re.compile(r"(?i)(?:one|two|three|some|several|many|most|none|each|any|all|few|both)\s+of\b(?!.*\b(?:for|to|by|with|from|about|at|in|on|that|which)\b)")
_NAME_FIRST = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*\s*,")


@lru_cache(maxsize=4096)
def _is_anonymous(np: str) -> bool:
    if _may_hold(np, _ANON_CLAUSE_STEMS) and ANON_CLAUSE.search(np):
        return True
    heads = _anon_heads(np)
    if not heads:
        return False
    if _BARE_PEOPLE.match(np.strip()):
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
    r"mr\.|mrs\.|ms\.|dr\.|prof\.|gen\.|general|judge|justice|chancellor|speaker|leader|chairman|chairwoman|"
    r"chair|ambassador|director|spokesman|spokeswoman|spokesperson|nominee|candidate|adviser|advisor|"
    r"aide|manager|chief|commissioner|attorney|officer|official|analyst|professor|founder|ceo|executive|"
    r"critic|host|anchor|author|writer|columnist|reporter|editor|coach|player|actor|actress|singer|star|"
    r"economist|strategist|pollster|lawyer|activist|researcher|scientist|doctor|historian|expert)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+)"
    r"(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][\w'\u2019-]+){1,2})$",
    re.I,
)


_PLACE_PART = re.compile(r"(?:[A-Z][a-z]{0,4}\.?|[A-Z]\.[A-Z]\.?|\d+)$")  # "Fla.", "N.H.", an age
# ... which a short surname also matches: "Mayer" of "Mayer, Disney's chairman of ..."
_SHORT_SURNAME = re.compile(r"[A-Z][a-z]{2,4}")
# Short words that are no surname: places, and sentence openers set off by a comma
# ("First, Democratic party officials said")
_NOT_A_SURNAME = frozenset(_OPENERS.split("|")) | frozenset(
    "Iowa Ohio Utah Texas Maine Idaho Miss Mass Penn Wash Calif Conn Minn Mich Tenn "
    "And But So Or First Second Third Well Yes No Oh Look Sure Again Thus Today".split())
_CAPITAL_RUN = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)+")
_ROLE_LINKS = frozenset("of at for in with from on by to the and or who that".split())


@lru_cache(maxsize=4096)
def _speaker_name(np: str) -> str:
    """"a senior US official" -> "senior US official"; "Senator Jane Roe" -> "Jane Roe"."""
    name = np.strip()
    if "\u2014" in name or "\u2013" in name:  # what ``_DASH_SPLIT`` splits at
        name = _DASH_SPLIT.split(name)[0] or name  # "Jason Sims — a teacher —"
    if _may_hold(name, ("who", "speaking")):
        name = _WHO_TAIL.sub("", name)
    if "," in name:  # an appositive: the name is the part that looks like one
        parts = [p.strip() for p in name.split(",") if p.strip()]
        named = [p for p in parts if p[:1].isupper() and not _ARTICLE_START.match(p) and not _PLACE_PART.match(p)]
        people = [p for p in named if all(w[:1].isupper() or w in {"de", "van", "von", "al", "bin"} for w in p.split())]
        run = _CAPITAL_RUN.search(parts[0]) if not people and parts[0][:1].islower() else None
        if not people and _SHORT_SURNAME.fullmatch(parts[0]) and parts[0] not in _NOT_A_SURNAME:
            name = parts[0]  # "Mayer, Disney's chairman of ...": a short surname, then a role
        else:
            name = run.group() if run else (people or named or parts)[0]  # "undecided voter Jo Roe of Derry, N.H."
    name = _LEADING_ARTICLE.sub("", name)
    if "(" in name:
        name = _PARENTHESES.sub("", name)
    # a title and a two-word name make three words at least: most names skip the slow pattern
    m = _TITLED_NAME.match(name) if len(name.split()) >= 3 else None
    if m and m.group("name")[:1].isupper() and m.group("name").split()[0].lower() not in {"house", "department"}:
        name = m.group("name")
    elif name[:1].islower():  # "former Bush speechwriter Ann Roe" -> "Ann Roe"
        words = name.split()
        last_lower = max(i for i, w in enumerate(words) if w[:1].islower())
        tail = words[last_lower + 1:]
        if (2 <= len(tail) <= 3 and words[last_lower] not in _NAME_PARTICLES
                and _ROLE_LINKS.isdisjoint(words[:last_lower + 1])):  # not "officials at the State Department"
            name = " ".join(tail)
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
        self.mentions: list[tuple[int, int, _Speaker]] = []  # source spans and whom they name

    # speakers -----------------------------------------------------------------------
    def resolve(self, np: str, at: int | None = None) -> tuple[str, bool]:
        """(speaker, anonymous) for a subject phrase, resolving pronouns and back-references."""
        low = np.lower().strip()
        if "'" in low or "\u2019" in low:
            low = _CONTRACTION.sub("", low)  # "We\u2019re" -> "we"
        if _may_name_outlet(np):
            outlet = self.outlet(np)  # "the TASS news agency" -> "TASS"
            if outlet is not None and len(np.split()) <= len(outlet.name.split()) + 4 and (
                    outlet.kind == "agency" or _MEDIA_WORD.search(np) or _norm_name(np) == _norm_name(outlet.name)):
                return outlet.name, False
        if low in PRONOUNS or low in {"who", "his", "her"}:
            sp = None
            if self.speakers:
                sp = (self._mentioned(low, at) if at is not None and low in {"he", "she", "they"} else None) or self._compatible(low)
            if sp is not None:
                if low in {"he", "she"}:
                    sp.pronoun = sp.pronoun or low
                return sp.name, sp.anonymous
            if low in {"he", "she", "who"} and at is not None and not self.speakers:
                names = _PERSON.findall(self.text, max(0, at - 600), at)
                if names:
                    return names[-1], False
            return (low if low in PRONOUNS else np.strip()), False
        head = _head(np)
        if _DEFINITE_START.match(np) and head:
            # "the group" after "the National Golf Foundation said": the body named before
            generic = head in _BODY_WORDS and len(np.split()) <= 3
            for sp in reversed(self.speakers[-RECENT:]):
                if sp.head == head or (generic and sp.head in _BODY_WORDS and not sp.anonymous):
                    extra = _speaker_name(np)
                    extra = re.sub(rf"(?i)\s*\b{re.escape(head)}s?\b\s*", " ", extra).strip()
                    if extra and extra.lower() not in sp.name.lower() and extra not in sp.descriptors:
                        sp.descriptors.append(extra)
                    return sp.name, sp.anonymous
        name, anon = _speaker_name(np), _is_anonymous(np)
        title = _HONORIFIC.match(np.strip())
        surname = _bare_surname(np) or _bare_surname(name)  # "Arroyo, a family physician"
        if surname:
            # "Trump" after "Donald Trump"; "Mr. Chipok" after "Paul H. Chipok"
            for sp in reversed(self.speakers[-RECENT:]):
                if sp.surname == surname:
                    if title and sp.pronoun is None:
                        sp.pronoun = "he" if title.group(1) == "Mr" else "she"
                    return sp.name, sp.anonymous
        known = self.by_name.get(name)
        if known is not None:
            self.speakers.remove(known)  # most recently mentioned last
            self.speakers.append(known)
            return known.name, known.anonymous
        pronoun = ("he" if title.group(1) == "Mr" else "she") if title else None
        speaker = _Speaker(name, head, anon, pronoun=pronoun)
        self.speakers.append(speaker)
        self.by_name[name] = speaker
        return name, anon

    def resolve_all(self) -> None:
        """Name the speaker of every attribution found, in the order their sources appear
        in the text (the rules find them in another order: quotes first), so that "she"
        and "the official" look back over what precedes them and nothing else."""
        pending = sorted((att.source.start, att.cue.start, k) for k, att in enumerate(self.out)
                         if att.speaker is _PENDING)
        named: dict[tuple[int, int], tuple[str, bool]] = {}
        for _, _, k in pending:
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
            # not ``replace``: it looks the fields up on every call, a tenth of this loop
            self.out[k] = Attribution(att.cue, att.kind, att.source, att.content, named[key][0],
                                      att.via, named[key][1], att.vague, att.rule)

    def one_person(self, sp: _Speaker) -> bool:
        """Whether "he" or "she" may name a speaker (worked out once, when a pronoun asks)."""
        if sp.person is None:
            sp.person = _is_person(sp.name, self.registry.named(sp.name) is not None)
        return sp.person

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
        if pronoun == "they":
            return lambda sp: not self.one_person(sp)
        other = "she" if pronoun == "he" else "he"
        return lambda sp: self.one_person(sp) and _pronoun_of(sp) != other

    def _compatible(self, pronoun: str) -> _Speaker | None:
        """The nearest earlier speaker "he", "she" or "they" can refer to (None when nobody
        recent fits); any other pronoun names the last speaker."""
        if pronoun not in {"he", "she", "they"}:
            return self.speakers[-1]
        fits = self._fits(pronoun)
        for sp in reversed(self.speakers[-RECENT:]):
            if fits(sp):
                return sp
        return None

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
        own = bisect_right(starts, at) - 1
        floor = starts[max(0, own - _MENTION_SENTENCES)] if own >= 0 else 0
        # mentions are recorded in text order (``resolve_all``): the window's are one slice
        near = self.mentions[bisect_left(self.mentions, (floor,)):bisect_left(self.mentions, (at,))]
        found = [(s, sp) for s, e, sp in near if e <= at and fits(sp)]
        if by_surname:
            text = self.text
            # capitalised words looked up in a dict: a pattern of this text's surnames would
            # be compiled anew for nearly every pronoun (the set grows as the text is read)
            hits = [m for m in _CAPITALISED.finditer(text, floor, at) if m.group(1) in by_surname]
            if hits:
                quotes = [m.span() for m in _QUOTE.finditer(text, floor, at)]
                for m in hits:
                    pos = m.start()
                    if not any(s <= pos < e for s, e, _ in near) and not any(s < pos < e for s, e in quotes):
                        found.append((pos, by_surname[m.group(1)]))
        if not found:
            return None
        last = max(bisect_right(starts, pos) for pos, _ in found)
        return min((pos, i, sp) for i, (pos, sp) in enumerate(found) if bisect_right(starts, pos) == last)[2]

    def outlet(self, phrase: str):
        """The outlet a phrase names, looked up once per phrase and registry."""
        if not phrase:
            return None
        found = self.outlet_cache.get(phrase, _UNKNOWN)  # one lookup; safe if the table is cleared
        if found is _UNKNOWN:
            # only phrases with a capitalised word can name an outlet
            found = self.registry.find_in(phrase) if _CAPITAL.search(phrase) else None
            self.outlet_cache[phrase] = found
        return found

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

    def add(self, rule: str, kind: str, cue: Span | None, source: Span | None, content: Span | None,
            via: tuple[str, ...] = (), vague: bool = False) -> Attribution | None:
        if cue is None or self.taken(cue.start, cue.end):
            return None
        if content is not None and len(content.text) < 48 and _NO_CLAIM_WORDS.issuperset(content.text.lower().split()):
            return None  # "Vindman reported to him", "a prospect Vindman denied earlier in the day"
        if content is not None and cue.text.endswith("ed") and _REDUCED_RELATIVE.match(content.text):
            return None  # "the deaths announced in New York on Friday was 777": no one announces
        source = _np_span(self.text, source) if source is not None else None
        if content is not None and content.start < self.dateline_end < content.end:
            # the dateline ("MOSCOW (Sputnik) -") is not the claim
            lead = _DASH_RUN.match(self.text[self.dateline_end:content.end]).end()
            content = _span(self.text, self.dateline_end + lead, content.end)
        speaker = None
        if source is not None:
            speaker = _PENDING  # named by ``resolve_all`` once the whole text is read
            # "experts say" is vague; "sources say" is vague and anonymous
            vague = vague or _vague_source(source.text)
        att = Attribution(cue=cue, kind=kind, source=source, content=content, speaker=speaker,
                          via=tuple(dict.fromkeys(via)) if via else (), anonymous=False, vague=vague, rule=rule)
        self.used.append((cue.start, cue.end))
        if source is not None:
            self.blocked.append((source.start, source.end))
        self.out.append(att)
        return att


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
_PENDING = "\x00pending"  # the speaker of an attribution whose source is not resolved yet
_MENTION_SENTENCES = 3  # how far back "he" or "she" looks for a mention, in sentences


# a whole capitalised name: "Trump", "Trump's" (-> "Trump"), "O'Rourke", "Lopez-Cantera";
# not the "Trump" of "Trump-backed"
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])([A-Z]\w*(?:['\u2019][A-Z]\w*)?(?:-[A-Z]\w*)*)(?:['\u2019]s)?(?![\w-])")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of each token in ``text[start:end]``.

    ``findall`` plus ``str.find`` is faster than a match object per token, and gives the
    same offsets: a token starts with a letter or digit, and between two tokens there is
    no letter or digit (one would start a token), so ``find`` cannot stop early.
    """
    out = []
    find = text.find
    pos = start
    for word in _TOKEN.findall(text, start, end):
        pos = find(word, pos)
        out.append((pos, pos + len(word), word))
        pos += len(word)
    return out


def _boundary(text: str, toks, k: int) -> bool:
    """Whether the gap before token ``k`` ends a subject ("(R-Texas)" party tags do not)."""
    gap = text[toks[k - 1][1]:toks[k][0]]
    if gap == " ":  # the usual gap: no boundary
        return False
    if "\n" in gap:
        return True
    if not _BOUNDARY_PUNCT.search(gap):
        return False
    if gap.strip() == "(" and _PARTY.match(toks[k][2]):
        return False
    if gap.strip(" .") == ")" and _PARTY.match(toks[k - 1][2]):
        return False
    return True


_WHO = re.compile(r"\bwho\b")


def _subject_before(text: str, toks, i: int, floor: int) -> tuple[int, int] | None:
    """Offsets of the subject ending just before token ``i`` (walking back over auxiliaries)."""
    j = i - 1
    while j >= 0 and toks[j][2].lower() in AUX and not _boundary(text, toks, j + 1):
        j -= 1
    if j < 0 or _boundary(text, toks, j + 1):
        return None
    end, k = toks[j][1], j
    if toks[k][2].lower() == "who":
        return toks[k][0], end
    # a relative clause makes a subject longer: "The man who built his career on blue collar
    # credentials said"
    longest = 14 if _WHO.search(text, toks[max(0, j - 12)][0], toks[j][0]) else 9
    while k > 0 and j - k < longest:
        prev = toks[k - 1][2].lower()
        if _boundary(text, toks, k):
            break
        if prev in CLAUSE_WORDS and not (prev == "and" and toks[k][2][:1].isupper() and k >= 2 and toks[k - 2][2][:1].isupper()):
            break
        if prev in SPEECH_VERBS or prev in FINDING_VERBS:
            break
        k -= 1
    before = _time_before(toks, j)
    if before < j:
        # "Amnesty International on Tuesday said", "Lionsgate yesterday announced": the time
        # is not the speaker. With nothing before it, this walk finds none: "X, who ..., on
        # Friday described" is the appositive rule's, "X did Y but on Monday said" the
        # coordinated rule's.
        if before < k:
            return None
        j = before
    if toks[k][2].lower() in _SUBJECT_OPENERS:
        # "Prior to launch Google said": keep the final run of capitalised words
        runs = [m for m in range(k + 1, j + 1) if toks[m][2][:1].isupper() and not toks[m - 1][2][:1].isupper()]
        if not runs:
            return None
        k = runs[-1]
    if j - k >= 2 and toks[k][2] in {"This", "That", "Next", "Last"} and toks[k + 1][2].lower() in {
            "time", "week", "year", "month"}:
        k += 2  # "This time he replied", "Last week the mayor said": the time is not the speaker
    end = toks[j][1]
    start = max(toks[k][0], floor)
    np = text[start:end]
    first = np.split(None, 1)[0] if np and not np.isspace() else ""
    if not first or toks[j][2].lower() in _NOT_SUBJECT_ENDS:
        return None
    if j > k and toks[k][2] in _LEADING_ADVERBS:  # "Now research shows": the adverb is not the source
        k += 1
        start = toks[k][0]
        np = text[start:end]
        first = np.split()[0]
    fl = first.lower()
    if np.lower() in {"that", "this", "needless", "having", "that's", "this is"} or (
            np.lower() == "all" and toks[i][2].lower() == "told"):  # "All told, ...": in all
        return None  # "That said, ..."
    if not (first[:1].isupper() or first[:1].isdigit() or fl in DETERMINERS or fl in QUANTIFIERS or fl in PRONOUNS or ANON_HEADS.match(first)
            or fl in GROUP_NOUNS or VAGUE_SOURCE.match(np) or FINDING_HEADS.match(first)
            # "federal officials", "law enforcement officials": lower-case words before the head
            or (j - k <= 3 and ANON_HEADS.fullmatch(toks[j][2]))
            or (fl in _NAME_PARTICLES and j > k and toks[k + 1][2][:1].isupper())  # "de Blasio"
            # "campaign chairman John Podesta told", "co-host Mika Brzezinski asked"
            or (j - k >= 2 and toks[j][2][:1].isupper() and toks[j - 1][2][:1].isupper() and _role_then_name(np))):
        return None
    head_end = j + 1
    for m in range(k, j + 1):
        if toks[m][2].lower() in {"who", "that", "which"}:
            head_end = m
            break
    if fl in _PREPOSITIONS or any(t[2] in _CLAUSE_VERBS or "n't" in t[2] or "n\u2019t" in t[2]
                                  for t in toks[k:head_end]) or any(
            _PAST.match(toks[m][2]) and toks[m - 1][2][:1].isupper() and toks[m - 1][2].lower() not in DETERMINERS
            and m + 1 < head_end and (toks[m + 1][2][:1].isupper() or toks[m + 1][2].lower() in DETERMINERS)
            for m in range(k + 1, head_end)):
        return None  # "With ...", "Nadal kept Spain's ...": a clause, not a speaker
    if j - k >= longest:  # a subject this long is a clause, not a speaker
        return None
    if text.count("(", start, end) > text.count(")", start, end):
        close = _CLOSE_PAREN.match(text[end:end + 2])
        if close:
            end += close.end()  # keep a party tag whole: "Sen. John Cornyn (R-Texas)"
    return start, end


_OBJECT_VERBS = frozenset("told tells tell asked asks ask assured reminded informed warned urged".split())
_OBJECT_THEN_CLAUSE = re.compile(
    r"\s+(?P<obj>(?!(?:that|whether|why|if|how|what|when|by)\b)[^,.;:\u201c\u201d\"\n]{1,60}?"
    r"(?:,\s+[^,.;:\u201c\u201d\"\n]{1,40},)?)\s+(?=(?:that|whether|why|if|how)\s)")  # "the paper, The Chief, that"
_OF_TOPIC = re.compile(r"\s+of\s+[^,.;:\u201c\u201d\"\n]{1,60}?(?=\s*:|\s+that\b)")
_ASIDE_THEN_THAT = re.compile(r"\s*,\s*[^,.;:\u201c\u201d\"\n]{1,40},\s*(?=that\s)")


# Where reported speech gives way to the speaker's next act: "... and asked whether ...",
# "..., but lamented that ...". (Cutting at ", while ...", ", making ..." or a dash was
# measured too: no better or worse on dev.)
_CONTENT_STOP = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:he|she|they|we|I)\s+)?(?:also\s+|then\s+|later\s+)?(?:said|says|asked|added|called|urged|argued|noted|told|"
    r"warned|insisted|pressed|lamented|acknowledged|denied|claimed|suggested|vowed|promised|declined|refused|"
    r"questioned|accused|criticized|praised|defended|pointed|points|goes|went)\b")
_CONTENT_STOP_AFTER = 12  # characters of content before a stop counts
# "Ruiz wrote to the board, saying ...": the participle carries the report, not "wrote"
_TO_SOMEONE_THEN_PARTICIPLE = re.compile(r"(?:to|about|on)\s[^,.;:\u201c\u201d\"]{1,60},\s+(?:saying|adding|writing|noting|arguing|telling)\b")


def _content_end(text: str, start: int, end: int) -> int:
    m = _CONTENT_STOP.search(text, start + _CONTENT_STOP_AFTER, end) if end - start > _CONTENT_STOP_AFTER else None
    return m.start() if m else end


# After "A, he said," a rest that continues the claim, not a time, place or participle.
_PARENTHETICAL_REST = re.compile(
    r"\s*,\s+(?!(?:in|on|at|during|after|before|when|while|as|according|citing|adding|noting|saying|"
    r"referring|speaking|pointing|and|but|or|who|which|although|though|because|since|if|"
    r"[a-z]+ing)\b)[\w\u201c\"]")


def _after_cue(text: str, pos: int, end: int, verb: str) -> tuple[int, str | None]:
    """Skip adverbials and a "told" object after the cue; (new position, object)."""
    obj = None
    rest = text[pos:end]
    if verb.lower() in {"told", "tells", "tell", "telling"}:
        m = TOLD_OBJECT.match(rest)
        if m:
            obj = m.group("obj")
            pos += m.end()
            rest = text[pos:end]
    m = ADVERBIAL.match(rest)
    if m and m.end() > 0:
        pos += m.end()
        # "in a statement to Reuters", "in an interview with AFP": the outlet relays it
        to = _TO_OUTLET.search(m.group(0))
        if to and obj is None:
            obj = to.group(1)
        rest = text[pos:end]
    if verb.lower() in _OBJECT_VERBS:
        # "told cheering supporters in Iowa that ...", "asked the directors whether ...":
        # whom the words were for, then what was said
        m = _OBJECT_THEN_CLAUSE.match(rest)
        if m and not _FINITE.search(m.group("obj")):
            obj = obj or m.group("obj")
            pos += m.end()
            rest = text[pos:end]
    m = _OF_TOPIC.match(rest) if rest.startswith(" of ") else None
    if m:
        pos += m.end()  # "said of the request: ...", "said of Trump that ...": whom it was about
        rest = text[pos:end]
    m = _ASIDE_THEN_THAT.match(rest)
    if m and not _FINITE.search(m.group(0)):
        pos += m.end()  # "said, without evidence, that ...": the aside is the writer's
    return pos, obj


def _relay_tail(reader: _Reader, pos: int, end: int) -> tuple[list[str], list[tuple[Span, Span, str]], int]:
    """Relays after a cue: ", as quoted by the South Korean Yonhap news agency"."""
    text, via, relays = reader.text, [], []
    for _ in range(3):
        m = RELAY_TAIL.match(text[pos:end])
        if not m:
            break
        outlet = reader.outlet(m.group("np"))
        cue = _span(text, pos + m.start("cue"), pos + m.end("cue"))
        np = _span(text, pos + m.start("np"), pos + m.end("np"))
        if outlet is None:
            if m.group("cue").lower().startswith(("told", "speaking", "talking", "in ")):
                pos += m.end()
                continue
            break
        via.append(outlet.name)
        if cue and np:
            relays.append((cue, np, outlet.name))
        pos += m.end()
    return via, relays, pos


# After "..., she said" a clause of its own: "that ...", "his campaign was ...", "she also
# said, without evidence, that ...": the quote before is not what the verb reports.
_CLAUSE_AFTER = re.compile(r"(?:\s*,[^,.;\u201c\u201d\"]{1,40},)?\s+(?:that|he|she|they|it|we|I|you|his|her|their|its|our|my)\b")
_TITLE_ABBREV = frozenset("mr mrs ms dr prof sen rep gov gen lt col sgt capt rev adm maj pres atty supt cmdr cpl".split())
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]{2,4})\Z")
_NAME_RUN = re.compile(r"[^,.;:\u201c\u201d\"\n]+")


def _title_before(text: str, start: int, dot: int) -> bool:
    w = _TITLE_BEFORE.search(text, max(start, dot - 4), dot)
    return w is not None and w.group(1).lower() in _TITLE_ABBREV


def _name_ends_here(text: str, pos: int, limit: int) -> bool:
    """Whether a name may end at ``pos``, just after an initial's period ("Casey Jr.,")."""
    return pos >= limit or text[pos] in ",;)" or text[pos].isspace()


def _name_end(text: str, start: int, end: int, limit: int) -> int:
    """Where a speaker's name that a pattern stopped at a period or inside brackets really
    ends: "said Sen. John Cornyn (R-Texas)", not "said Sen"."""
    while end < limit:
        if text.count("(", start, end) > text.count(")", start, end):
            close = text.find(")", end, min(limit, end + 20))
            return close + 1 if close >= 0 else end
        # a title, an initial or "U.S." before the period: "Sen. Robert P. Casey Jr."
        title = text.startswith(".", end) and end > start and (
            abbreviation_before(text, start, end) or _title_before(text, start, end))
        initial = (text[end - 1:end].isupper() and (end - 1 == start or not text[end - 2].isalpha())
                   and text[max(start, end - 3):end].lower() not in PLACE_ABBREV)
        run = _NAME_RUN.match(text, end + 1, limit) if title or (initial and text[end - 2:end - 1] == ".") else None
        # after an initial a name goes on in capitals; after "Gov." or "U.S." a role may
        # too ("former Pennsylvania Gov. and party chairman Ed Rendell")
        first = run.group().strip()[:1] if run else ""
        if first.isupper() and run.group().split()[0] in SENTENCE_STARTERS:
            first = ""  # "said the U.S. He left": the next sentence
        if not (first.isupper() or first == "(" or (first.islower() and not initial)):
            return end + 1 if run is not None and initial and _name_ends_here(text, end + 1, limit) else end
        end = run.end() - (len(run.group()) - len(run.group().rstrip()))
    return end


# After a speaker named after the verb, a description running to the end of the sentence
# is part of who speaks: "said Alex Conant, a partner at Firehouse Strategies." Not a
# time, a place, a participle or a clause joined by "and"/"but".
_APPOSITION_PART = re.compile(
    r",\s+(?!(?:in|on|at|during|after|before|when|while|as|according|and|but|or|so|because|though|"
    r"although|if|then|now|also|even|still|later|earlier|today|yesterday|to|for|from|with|by|via|"
    r"than|about|not|just|only|too|again|please|meanwhile|however|"
    r"(?!(?:acting|managing|ranking|outgoing|incoming|founding|presiding|sitting|visiting|"
    r"consulting|leading|governing|reigning)\b)[a-z]+ing)\b)\w")
_APPOSITION_STOP = re.compile(r"[.!?](?=[\"\u201d\u2019)]?(?:\s|$))")
_APPOSITION_BREAK = re.compile(r"[\u201c\u201d\";:]")
_APPOSITION_MAX = 200


def _apposition_end(text: str, end: int, limit: int) -> int:
    """Where the description after a speaker at ``end`` ends, or ``end`` when none follows:
    its comma-parts up to the full stop, stopping before a time, a participle or a clause
    ("said Ana Ruiz, a partner, on Monday" ends at "partner")."""
    if not _APPOSITION_PART.match(text, end, limit):
        return end
    stop = min(limit, end + _APPOSITION_MAX)
    for m in _APPOSITION_STOP.finditer(text, end, stop):
        if m.group() == "." and abbreviation_before(text, end, m.start()):
            continue
        return _description_parts(text, end, m.start()) if _describes(text[end:m.start()]) else end
    if stop == limit and limit - end <= _APPOSITION_MAX:  # "of Derry, N.H." at the paragraph's end
        last = limit
        while last > end and (text[last - 1].isspace() or text[last - 1] in ".!?"):
            last -= 1
        if _describes(text[end:last]):
            return _description_parts(text, end, last)
    return end


def _describes(tail: str) -> bool:
    """Whether the text after a speaker can be a description of them: no quote, colon or
    speech verb ("said Ruiz, who told reporters ..." reports again)."""
    return not _APPOSITION_BREAK.search(tail) and _SPEECH_WORDS.isdisjoint(_letters(tail.lower()).split())


_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")


def _description_parts(text: str, end: int, stop: int) -> int:
    """The end of the comma-parts of a description from ``end`` to ``stop``, up to the
    first that is not one (a comma inside a number, "$1,200", is not a part's end)."""
    last = end
    comma = _next_comma(text, end, stop)
    while comma >= 0 and _APPOSITION_PART.match(text, comma, stop):
        nxt = _next_comma(text, comma + 1, stop)
        last = nxt if nxt >= 0 else stop
        comma = nxt
    return last


def _next_comma(text: str, start: int, stop: int) -> int:
    comma = text.find(",", start, stop)
    while comma >= 0 and _DIGIT_COMMA.match(text, comma):
        comma = text.find(",", comma + 1, stop)
    return comma


_QUOTE_MARKS = re.compile(r"[\u201c\u201d\"]|''")


def _claim_start(reader: _Reader, para: Span, qs: int) -> int:
    """Where the claim holding a quote starts: the sentence's start when the words before
    the quote are part of it ('Trump and Clinton have "very different goals," she said'),
    else the quote's. Not when they hold another quote or a cue of their own, end with a
    colon, or lie before a line break."""
    text = reader.text
    start = _sentence_start(reader, max(para.start, qs - 300, text.rfind("\n", 0, qs) + 1), qs)
    before = text[start:qs].rstrip()
    if not before or before.endswith(":") or _QUOTE_MARKS.search(text, start, qs):
        return qs  # "Clinton seemed irritated: “...”": the words before the colon are the writer's
    if not CUE_WORDS.isdisjoint(_letters(text[start:qs].lower()).split()):
        return qs
    return _bounds(text, start, qs)[0]


_ROLE_THEN_FULL_NAME = re.compile(r"[a-z][\w-]*(?:\s+[\w.'\u2019-]+){0,4}\s+[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+\s*$")
_INNER_CLOSE = {"\u2019", "'"}  # a quote's last mark may close a quote inside it
_BEFORE_CONTINUATION = {".", ",", "!", "?", ":", ";", "\u2014", "-", "\u201d", '"'}


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
            if (np.split() and (np[:1].isupper() or np.split()[0].lower() in _DETERMINERS_PRONOUNS
                                or _role_then_name(np))
                    and len(np.split()) <= 10 and not _FINITE.search(np)):  # not a clause: "said he does ..."
                cue = _span(text, qe + m.start("verb"), qe + m.end("verb"))
                np_end = _name_end(text, qe + m.start("np"), qe + m.end("np"), tail_end)
                np_end = _apposition_end(text, np_end, tail_end)
                src = _span(text, qe + m.start("np"), np_end)
                pos, _ = _after_cue(text, np_end, tail_end, m.group("verb"))
                via, relays, pos = _relay_tail(reader, pos, tail_end)
                content = Span.of(text, _claim_start(reader, para, qs), qe)  # made only when a rule reports the quote
                att = reader.add("quote-said-speaker", "direct-quote", cue, src, content, tuple(via))
                if att:
                    reader.quoted.append((qs, qe))
                    last = len(reader.out) - 1
                    _add_relays(reader, relays, att, content)
                    _adding(reader, att, pos, _sentence_end(text, pos, para.end))
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
            if (np.split() and (np[:1].isupper() or np.split()[0].lower() in _DETERMINERS_PRONOUNS or _anon_heads(np)
                                or _ROLE_THEN_FULL_NAME.match(np))  # "former speechwriter Noam Neusner wrote"
                    and not _CLAUSE_AFTER.match(text, ve)):  # "..., but he said that ..." reports no quote
                cue = _span(text, vs, ve)
                src = _span(text, ns, ne)
                pos, obj = _after_cue(text, ve, tail_end, verb)
                via, relays, pos = _relay_tail(reader, pos, tail_end)
                o = reader.outlet(obj) if obj else None
                if o:
                    via.insert(0, o.name)
                content = Span.of(text, _claim_start(reader, para, qs), qe)
                att = reader.add("quote-speaker-said", "direct-quote", cue, src, content, tuple(via))
                if att:
                    reader.quoted.append((qs, qe))
                    last = len(reader.out) - 1
                    _add_relays(reader, relays, att, content)
                    _adding(reader, att, pos, _sentence_end(text, pos, para.end))
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
                o = reader.outlet(obj) if obj else None
                if o:
                    via.insert(0, o.name)
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


def _skip_aux_back(text: str, toks, i: int) -> int:
    """Where the subject must end for the verb at token ``i`` ("has also said" -> before
    "has", "on Friday said" -> before "on")."""
    j = i
    while j > 0 and toks[j - 1][2].lower() in AUX:
        j -= 1
    if j > 0:
        j = _time_before(toks, j - 1) + 1
    return toks[max(j, 0)][0]


# Every character ``_TAIL_LIMIT`` can match at: a fast scan for where to try it.
_TAIL_STOP = re.compile(r"[,;:!?\u201c\u201d\"\n'.]")


def _tail_limit(tail: str, pos: int) -> int:
    """Where ``_TAIL_LIMIT.search(tail, pos)`` matches, else ``len(tail)``.

    A search with that pattern tries all its branches and look-behinds at every
    character; the character class skips to the few places it can match.
    """
    for c in _TAIL_STOP.finditer(tail, pos):
        if _TAIL_LIMIT.match(tail, c.start()):
            return c.start()
    return len(tail)


def _tail_cue(tail: str) -> tuple[int, int, int, int] | None:
    """After a closing quote: (subject start, end, verb start, end) of ", the official told"."""
    m = _TAIL_APPOSITIVE.match(tail)
    if m:
        return m.start("np"), m.end("np"), m.start("verb"), m.end("verb")
    m = _COMMA_GAP.match(tail)
    toks = _tokens(tail, m.end(), _tail_limit(tail, m.end()))[:12]
    for i, (ts, te, word) in enumerate(toks):
        if (word.lower() in SPEECH_VERBS or word.lower() in QUOTE_ONLY_VERBS) and i > 0:
            if word.lower() in _POINT:
                out = _OUT.match(tail, te)
                if out is None:
                    return None
                te = out.end()
            j = i - 1
            while j > 0 and toks[j][2].lower() in AUX:
                j -= 1
            if toks[j][2].lower() in AUX or any(t[2].lower() == "according" for t in toks[:i]):
                return None
            first = 1 if j > 0 and toks[0][2].lower() in {"and", "but"} else 0  # "..., and critics told"
            return toks[first][0], toks[j][1], ts, te
    return None


_COLON_NAME = r"(?P<src>(?:[A-Z][\w.'\u2019-]*|of|the|in|on|and)(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the|in|on|and|to)){0,5})"
# "Trump: Cruz Has 'To Come a Long Way'" (a headline), "TAPPER: And obviously ..." (a transcript)
_COLON_LINE = re.compile(rf"{_COLON_NAME}(?P<cue>:)\s+(?P<content>[\"\u201c\u2018'A-Z].*)")
# "... - Philip Bump: “Two weeks ago ...”"
_COLON_QUOTE = re.compile(rf"(?:^|(?<=[-\u2014\u2013.]\s)){_COLON_NAME}(?P<cue>:)\s*(?P<content>[\"\u201c].*)", re.M)
# What every ``_COLON_QUOTE`` hit holds: a fast search that rules most paragraphs out.
_COLON_BEFORE_QUOTE = re.compile(r":\s*[\"\u201c]")
# Labels before a colon that name no speaker.
_NOT_SOURCES = frozenset("""
update watch exclusive breaking video live related the latest news guide analysis opinion editorial photos
photo note editor's note read more see also listen correction and more from
credit credits via by image images pictures updated posted published filed date tags topics category
share summary advertisement sponsored disclaimer subscribe contact email phone background
""".split() + ["the latest", "news guide", "editor's note", "read more", "see also", "more from", "last updated",
               "first published", "sign up", "key takeaways", "the bottom line", "bottom line"])
# A headline's words before its colon that make a topic, not a speaker: a preposition
# ("Obama on Climate Change:"), or four words or more ("Elizabeth Warren Hammers Wells Fargo CEO:")
_TOPIC = re.compile(r"(?i)\b(?:on|to|over|for|in|with|about|against|at|by|from|after|before)\b|^\S+(?:\s+\S+){3,}$")
# "UPDATED: Tue., Nov. 19, 2019": a date after a colon is a stamp, not a claim
_STAMP = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    r"[a-z]*\.?\s+\d|\d{1,4}[-/.]\d)")


def _colon_rules(reader: _Reader, para: Span, index: int) -> None:
    """Headlines and transcripts: "Trump: ...", "TAPPER: ...", "Philip Bump: “...”"."""
    text = reader.text
    line_end = text.find("\n", para.start, para.end)
    line_end = para.end if line_end < 0 else line_end
    m = _COLON_LINE.match(text, para.start, line_end)
    if m and (index == 0 or m.group("src").isupper() or m.group("content")[:1] in "\"\u201c"):
        pattern_hits = [m]
    else:
        has_quote = _COLON_BEFORE_QUOTE.search(text, para.start, para.end)
        pattern_hits = list(_COLON_QUOTE.finditer(text, para.start, para.end)) if has_quote else []
    for m in pattern_hits:
        src = m.group("src").strip()
        if src.lower() in _NOT_SOURCES or len(src) < 2 or any(s <= m.start() < e for s, e in reader.blocked):
            continue
        if index and src.lower() in {"source", "sources"}:
            continue  # "SOURCE: Al Jazeera" under a story is a credit; "Sources: ..." atop one is not
        if _STAMP.match(m.group("content")):
            continue
        if index == 0 and m.group("content")[:1] not in "\"\u201c" and _TOPIC.search(src):
            continue  # "Obama on Climate Change: ...", "Big Win For Bernie: ...": a topic, not a speaker
        cue = Span.of(text, m.start("cue"), m.end("cue"))
        content = _strip_content(text, m.start("content"), m.end("content"))
        kind = "direct-quote" if m.group("content")[:1] in "\"\u201c" or src.isupper() else "indirect"
        reader.add("colon-headline" if index == 0 else "colon-speaker", kind, cue,
                   Span.of(text, m.start("src"), m.start("src") + len(src)), content)


def _sentence_start(reader: _Reader, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (``normalize.sentences``' split, made once
    per text), looking back no further than ``lo``: a subject never reaches into the
    sentence before ("... each other. She said, “...”")."""
    starts = reader.sentence_starts
    i = bisect_right(starts, pos) - 1
    return max(lo, starts[i]) if i >= 0 else lo


def _sentence_end(text: str, pos: int, limit: int) -> int:
    m = _SENT_END.search(text, pos, limit)
    return m.end() if m else limit


def _add_relays(reader: _Reader, relays, att: Attribution, content: Span | None) -> None:
    for cue, np, name in relays:
        np = _np_span(reader.text, np)
        low = cue.text.lower()
        rule = ("relay-as-quoted-by" if low.startswith("as ") else "relay-according-to" if low.startswith("according")
                else "relay-citing" if low.startswith("citing")
                else "relay-carried-by" if low.endswith(" by") else "relay-told")
        reader.out.append(Attribution(cue=cue, kind="relay", source=np, content=att.content or content, speaker=name,
                                      via=(), rule=rule))
        reader.used.append((cue.start, cue.end))


def _adding(reader: _Reader, att: Attribution, pos: int, end: int) -> None:
    """", adding that ..." after a cue: a second attribution to the same speaker."""
    text = reader.text
    m = ADDING.match(text[pos:end])
    if not m:
        return
    cue = _span(text, pos + m.start("cue"), pos + m.end("cue"))
    content = _strip_content(text, pos + m.end(), end)
    if cue and content and not reader.taken(cue.start, cue.end):
        reader.out.append(Attribution(cue=cue, kind="indirect", source=att.source, content=content,
                                      speaker=att.speaker, via=att.via, anonymous=att.anonymous,
                                      vague=att.vague, rule="adding"))
        reader.used.append((cue.start, cue.end))


def _inside_quote(reader: _Reader, pos: int, quotes) -> bool:
    for s, e in quotes:
        if s < pos < e:
            return True
    return False


def _sentence_rules(reader: _Reader, sent: Span, quotes, words: set | None = None) -> None:
    text = reader.text
    if words is None:
        words = set(_letters(sent.text.lower()).split())
    if CUE_WORDS.isdisjoint(words):
        return  # most sentences report nothing: a set lookup decides
    # Every pattern below runs only when the words it needs are in the sentence (a cheap,
    # exact prefilter: the patterns scan slowly, the sets answer at once).
    # Rule according-to: "According to X, ..." / "..., according to X."
    for m in (ACCORDING_TO.finditer(text, sent.start, sent.end) if "according" in words else ()):
        if _inside_quote(reader, m.start(), quotes):
            continue
        np_end = _name_end(text, m.end(), _np_end(text, m.end(), sent.end), sent.end)  # "according to Mr. Hedge"
        src = _span(text, m.end(), np_end)
        cue = _span(text, m.start(), m.end())
        if src is None or src.text.split(None, 1)[0].lower() in _WH_WORDS:
            continue  # "according to how expensive they were": a measure, not a source
        before = text[sent.start:m.start()].strip()
        if not before or before.lower() in {"but", "and", "yet", "so"}:
            content = _strip_content(text, np_end, sent.end)
        else:
            content = _strip_content(text, sent.start, m.start())
        outlet = reader.outlet(src.text)
        reader.blocked.append((m.start(), np_end))
        reader.add("according-to", "according-to", cue, src, content,
                   via=(outlet.name,) if outlet and outlet.kind == "agency" and len(src.text.split()) > 1 and _has_person(src.text) else ())
    # Rule cited-as-saying / reported-citing: relays naming the outlet and its source.
    relays = []
    if "saying" in words and not words.isdisjoint(("quoted", "cited")):
        relays += [(QUOTED_BY, "quoted-by-as-saying"), (CITED_AS, "cited-as-saying")]
    if "citing" in words:
        relays.append((REPORTED_CITING, "reported-citing"))
    for pattern, rule in relays:
        for m in pattern.finditer(text, sent.start, sent.end):
            if _inside_quote(reader, m.start(), quotes):
                continue
            relay = reader.outlet(m.group("relay"))
            cue = _span(text, m.start("cue"), m.end("cue"))
            src = _span(text, m.start("np"), m.end("np"))
            if rule in {"cited-as-saying", "quoted-by-as-saying"}:
                content = _strip_content(text, m.end(), sent.end)
            else:
                content = _strip_content(text, sent.start, m.start("relay")) or _strip_content(text, m.end(), sent.end)
            via = (relay.name,) if relay else ((_speaker_name(m.group("relay")),) if m.group("relay")[:1].isupper() else ())
            if reader.add(rule, "relay", cue, src, content, via=via):
                reader.blocked.append((m.start(), m.end()))
    # Vague phrases without a source: "it is believed", "reports say", "reportedly".
    for m in (VAGUE_PHRASES.finditer(text, sent.start, sent.end) if _may_be_vague(words) else ()):
        if _inside_quote(reader, m.start(), quotes):
            continue
        cue = _span(text, m.start("cue"), m.end("cue"))
        content = _strip_content(text, m.end(), sent.end) if m.start() - sent.start < 3 else _strip_content(text, sent.start, m.start())
        if cue and not reader.taken(cue.start, cue.end):
            src = cue if _REPORTS_CUE.match(cue.text) else None
            reader.out.append(Attribution(cue=cue, kind="according-to", source=src, content=content,
                                          speaker=None, anonymous=False, vague=True, rule="vague-phrase"))
            reader.used.append((cue.start, cue.end))
    # Rule as-source-said: "As The Hill pointed out, ..." / "As reported by Western Journalism, ..."
    m = _AS_SAID.match(text, sent.start, sent.end) if "as" in words else None
    if m and not _inside_quote(reader, m.start(), quotes):
        by = m.group("src1") is not None
        which = "1" if by else "2"
        content = _strip_content(text, m.start("content"), sent.end)
        if content:
            reader.add("as-source-said", "according-to" if by else "indirect",
                       _span(text, m.start("cue" + which), m.end("cue" + which)),
                       _span(text, m.start("src" + which), m.end("src" + which)), content)
    # Rule asked: "Asked whether he would run, Reyes said ..." (a question put to someone).
    m = _ASKED.match(text, sent.start, sent.end) if "asked" in words else None
    if m and not reader.taken(m.start("cue"), m.end("cue")):
        reader.add("asked", "indirect", _span(text, m.start("cue"), m.end("cue")), None,
                   _span(text, m.start("content"), m.end("content")))
    # Rules speaker-said-that / content-speaker-said / content-said-speaker: reported speech.
    if _VERB_WORDS.isdisjoint(words):
        return
    # A cue inside a quote or on a span taken or blocked is skipped below, and stays so for
    # the rest of the sentence (those lists only grow): drop it before tokenising.
    def dead(ts: int, te: int) -> bool:
        return _inside_quote(reader, ts, quotes) or reader.taken(ts, te) or reader.in_blocked(ts)

    toks, verb_indexes = _verb_tokens(text, sent, words & _VERB_WORDS, dead)
    for i in verb_indexes:
        ts, te, word = toks[i]
        low = word.lower()
        if low in _POINT:
            out = _OUT.match(text, te)
            if out is None:
                continue
            te = out.end()
        if low in CHARACTERIZE_VERBS:
            _characterize(reader, sent, toks, i, quotes)
            continue
        finding = low in FINDING_VERBS
        if low in STANCE_VERBS and low not in SPEECH_VERBS:
            _vague_stance(reader, sent, toks, i, quotes)
            continue
        if low in ACT_VERBS:
            _speech_act(reader, sent, toks, i)
            continue
        if low not in SPEECH_VERBS and not finding:
            continue
        if _inside_quote(reader, ts, quotes) or reader.taken(ts, te):
            continue
        if reader.in_blocked(ts):
            continue
        if i and low.endswith(("ed", "ing")) and (toks[i - 1][2].lower() in _ADJECTIVE_DETERMINERS
                                                   or _possessive_adjective(text, toks[i - 1][2], te)):
            continue  # "the reported cases", "a telling response", "the state's confirmed caseload"
        if low in {"reports", "report", "claims", "estimates", "fears", "hopes", "thought", "promises", "pledges",
                   "vows"} and i and (
                toks[i - 1][2].lower() in _NOUN_MODIFIERS
                or (toks[i - 1][2][:1].islower() and toks[i - 1][2].lower() not in _SUBJECT_WORDS)
                or _NEXT_FINITE.match(text, te)):
            continue  # "media reports", "their hopes", "Security reports are welcome": a noun
        sub = _subject_before(text, toks, i, sent.start)
        if sub and low == "asking":
            continue  # "the union is asking for a raise": a request; only ", asking X why" reports
        if sub and finding and not FINDING_HEADS.search(text[sub[0]:sub[1]]):
            if low.startswith("suggest"):
                _vague_stance(reader, sent, toks, i, quotes)  # "Several political experts suggest that ..."
            continue
        if not finding and (sub is None or text[sent.start:sub[0]].rstrip().endswith(",")):
            # Rule speaker-appositive-said: "Marley Anderson, 21, a junior from Las Vegas, said ..."
            end = _skip_aux_back(text, toks, i)
            m = _appositive(text, sent.start, end)
            if m is None and sub is None and text.count(",", sent.start, end) >= 2:
                # '"...," the economist Jared Bern, a former adviser, wrote' / '..., his top
                # aide, Tad Devon, told reporters': the claim, then an apposed speaker
                m = _END_APPOSITIVE.search(text, max(sent.start, end - 220), end)
            if m:
                sub = (m.start("np"), m.end("np"))
        if not finding and sub is None and i and text[toks[i - 1][1]:ts].rstrip().endswith(("\u2014", "\u2013")):
            # Rule speaker-dash-appositive: "Jason Sims — a teacher from Mount Pleasant — says"
            m = _DASH_APPOSITIVE.match(text, sent.start, _skip_aux_back(text, toks, i))
            if m:
                sub = (m.start("np"), m.end("np"))
        if sub is None and low in PARTICIPLES and i and (
                "," in text[toks[i - 1][1]:ts] or toks[i - 1][2].lower() == "by"):
            # Rule participle-saying: "Sanders defended the plan, saying it would pay for
            # itself" / "Bolton distanced himself by saying ..."
            begin = sent.start
            if sent.start <= reader.dateline_end < ts:  # "WASHINGTON (AP) \u2014 Sen. X defended ..."
                begin = reader.dateline_end + len(_DASH_RUN.match(text[reader.dateline_end:ts]).group(0))
            m = _sentence_subject(text, begin, ts)
            content = _strip_content(text, _after_cue(text, te, sent.end, low)[0], sent.end)
            if content and low == "telling" and not _CLAUSE_START.match(content.text):
                # "telling supporters in Columbus, Ohio, that he had ...": the claim is the clause
                that = _THAT.search(content.text, 0, 80)
                if that:
                    content = _strip_content(text, content.start + that.start(1), sent.end)
            if (m and content and (low == "saying" or _CLAUSE_START.match(content.text))
                    and not _SAYS_NOTHING.match(content.text)):  # "by saying nothing", "saying so"
                reader.add("participle-saying", "indirect", _span(text, ts, te),
                           _span(text, m.start("np"), m.end("np")), content)
            continue
        if sub is None and not finding and i and _coordinated(reader, sent, toks, i):
            continue
        if sub is None and not finding:
            # Rule content-said-speaker: "..., said the official."
            gap = text[toks[i - 1][1]:ts] if i else ""
            if low in _INVERTING and i and ("," in gap or "\u201d" in gap or '"' in gap):
                m = _INVERTED_SPEAKER.match(text[te:sent.end])
                if m and _FINITE.search(m.group("np")):
                    m = None  # "..., said Fiorina was involved": a clause, not a speaker
                if m and (m.group("np").strip()[:1].isupper() or m.group("np").split()[0].lower() in DETERMINERS
                          or _role_then_name(m.group("np"))):
                    np_end = _name_end(text, te + m.start("np"), te + m.end("np"), sent.end)
                    src = _span(text, te + m.start("np"), _apposition_end(text, np_end, sent.end))
                    content = _strip_content(text, sent.start, toks[i - 1][1])
                    reader.add("content-said-speaker", "indirect", _span(text, ts, te), src, content)
            continue
        if sub is None:
            continue
        src = _span(text, *sub)
        cue = _span(text, ts, te)
        pos, obj = _after_cue(text, te, sent.end, low)
        via = []
        if obj:
            o = reader.outlet(obj)
            if o:
                via.append(o.name)
        preceded_by_comma = text[sent.start:sub[0]].rstrip().endswith((",", "\u201d", '"')) and sub[0] > sent.start + 3
        more_via, relays, pos2 = _relay_tail(reader, pos, sent.end)
        via += more_via
        rest2 = text[pos2:sent.end]
        as_said = _AS_BEFORE.search(text, sent.start, sub[0]) if sub[0] - sent.start > 12 else None
        if as_said and (_CLAUSE_TAIL.match(rest2) or _PLACE_OR_TIME_TAIL.match(rest2)):
            # Rule claim-as-speaker-said: "..., as David Dayen noted in The Intercept."
            content = _strip_content(text, sent.start, as_said.start())
            if content and reader.add("claim-as-speaker-said", "indirect", cue, src, content, tuple(via)):
                continue
        if preceded_by_comma and (_CLAUSE_TAIL.match(rest2) or (
                _PLACE_OR_TIME_TAIL.match(rest2) and len(text[sent.start:sub[0]].split()) >= 4
                and not _INTRO_PHRASE.match(text, sent.start, sub[0]))):
            # Rule content-speaker-said: "Seoul and Washington have advanced ..., a senior US official said"
            # (also "..., journalist Martha Raddatz said in posing the question": what follows
            # the verb says where or how; the claim is before)
            cstart = sent.start
            content = _strip_content(text, cstart, sub[0])
            if content and any(s <= content.start and content.end <= e + 1 for s, e in reader.quoted):
                continue
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
            elif content and _PARENTHETICAL_REST.match(rest2):
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
            continue
        if _NOTHING_AFTER.match(rest2) and not obj:
            continue  # "Trump said." with nothing reported
        # Rule speaker-said-that: "Trump said (on Thursday) (that) ..."
        content = _strip_content(text, pos2, _content_end(text, pos2, sent.end))
        if content is None:
            continue
        if content.text.startswith(("to ", "about ", "of ", "for ", "it ", "so ", "nothing", "no ")) and low in {"said", "says", "told"}:
            if not content.text.startswith("it "):
                continue
        if _TO_SOMEONE_THEN_PARTICIPLE.match(content.text):
            continue  # "Ruiz wrote to the board, saying ...": the participle reports it
        if low in _ADD_VERBS and _ADDED_THING.match(content.text):
            continue  # "we added 1 million jobs", "islands added to the list": not a remark
        if content.text.startswith(("with ", "by ", "from ", "into ")) or (low == "assured" and content.text.startswith("of ")):
            continue  # "Clinton is assured of winning": a preposition follows, not a report
        if low in AMBIGUOUS_VERBS and not _CLAUSE_START.match(content.text):
            continue  # "Clinton maintains a commanding lock": an object, not a report
        kind = "direct-quote" if content.text[:1] in "\u201c\"" else "indirect"
        rule = "speaker-told" if low in {"told", "tells", "tell"} else ("finding" if finding else "speaker-said-that")
        att = reader.add(rule, kind, cue, src, content, tuple(via))
        if att:
            _add_relays(reader, relays, att, content)


_VAGUE_PARTICIPLES = frozenset("believed understood said reported thought alleged claimed rumored rumoured learned learnt".split())


_DETERMINERS_PRONOUNS = DETERMINERS | PRONOUNS
_ADJECTIVE_DETERMINERS = DETERMINERS - {"one", "all", "both", "some", "many", "most", "few", "several", "two", "three", "four", "five", "six"}
_SUBJECT_WORDS = PRONOUNS | AUX | {"who"}


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


_DELEGATES = re.compile(r"\s+delegates?\b")
_QUESTIONED_SOMEONE = re.compile(r"(?:[A-Z][\w.'-]*(?<!'s)(?:\s+[A-Z][\w.'-]*(?<!'s))*|him|her|them|the\s+witness(?:es)?)\s+(?:about|on|over|for|during)\b")
_SAYING_AFTER = re.compile(r"(?:,|\bby)\s+(?:%s)\b" % "|".join(sorted(PARTICIPLES)))


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
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
    j = i - 1
    while j >= 0 and toks[j][2].lower() in AUX:
        if toks[j][2].lower() in _PASSIVE_AUX:
            return  # "Trump was accused of ...": the subject did not speak
        j -= 1
    sub = _subject_before(text, toks, i, sent.start)
    if sub is None or text[sub[0]:sub[1]].lower() in {"who", "which", "that"}:
        return  # "Trump, who previously questioned ..., said": the clause is not the report
    pos = _after_cue(text, te, sent.end, word)[0]
    end = _content_end(text, pos, sent.end)
    if _SAYING_AFTER.search(text, pos, end):
        return  # "defended the plan by saying ...": the participle's report
    content = _strip_content(text, pos, end)
    if content and word.lower() == "questioned" and _QUESTIONED_SOMEONE.match(content.text):
        return  # "Republicans questioned Morrison about his testimony": they asked, they claimed nothing
    if content:
        reader.add("speech-act", "indirect", _span(text, ts, te), _span(text, *sub), content)


_BELIEF_VERBS = frozenset("believe believes believed think thinks fear fears worry worries worried doubt doubts doubted".split())
_THAT_CLAUSE = re.compile(r"that\s")


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
    sub = _subject_before(text, toks, i, sent.start)
    if sub is None:
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


# "saying nothing", "saying nothing about the deal", "saying so": no claim ("saying nothing
# was marked classified" is one)
_SAYS_NOTHING = re.compile(r"(?:nothing(?:\s+(?:at\s+all|more|else|further|about|of|on|to)\b.*)?\.?$|so[ .]|so$)")


def _sentence_subject(text: str, begin: int, end: int):
    """The subject opening a sentence, after an opening time or phrase ("Hours later,",
    "Inside the arena,", "In a victory speech on Tuesday,"): a ``_SENTENCE_SUBJECT`` match."""
    opener = _OPENER_COMMA.match(text, begin, end) or _INTRO_PHRASE.match(text, begin, end)
    if opener:
        m = _SENTENCE_SUBJECT.match(text, opener.end(), end)
        if m:
            return m
    return _SENTENCE_SUBJECT.match(text, begin, end)


def _coordinated(reader: _Reader, sent: Span, toks, i: int) -> bool:
    """Rule coordinated-said: "Carson admitted the name was wrong, but said his campaign ...".

    A verb after "and"/"but" shares the sentence's subject: the source of an earlier
    attribution in the sentence, else the subject opening the sentence.
    """
    text = reader.text
    ts, te, word = toks[i]
    low = word.lower()
    found = _coordinated_subject(reader, sent, toks, i)
    src = _span(text, *found) if found else None
    if src is None:
        return False
    pos, obj = _after_cue(text, te, sent.end, low)
    content = _strip_content(text, pos, sent.end)
    if content is None or content.text.startswith(("to ", "about ", "of ", "for ", "so ", "nothing", "no ", "with ", "by ", "from ", "into ")):
        return False
    if low in AMBIGUOUS_VERBS and not _CLAUSE_START.match(content.text):
        return False
    if low in _ADD_VERBS and _ADDED_THING.match(content.text):
        return False  # "... and adds them to the blocklist"
    kind = "direct-quote" if content.text[:1] in "\u201c\"" else "indirect"
    reader.add("coordinated-said", kind, _span(text, ts, te), src, content)
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
    earlier = [a for a in reader.out if sent.start <= a.cue.start < ts and a.source is not None]
    if earlier:
        return earlier[-1].source.start, earlier[-1].source.end
    begin = sent.start
    if sent.start <= reader.dateline_end < ts:
        begin = reader.dateline_end + len(_DASH_RUN.match(text[reader.dateline_end:ts]).group(0))
    m = _sentence_subject(text, begin, toks[j][0])
    return (m.start("np"), m.end("np")) if m else None


_QUOTE_MARKS = re.compile(r"[\u201c\u201d\"]")


def _may_be_vague(words: set) -> bool:
    """Whether a sentence holds the words ``VAGUE_PHRASES`` needs (a necessary condition)."""
    return ("reports" in words or "reportedly" in words or "rumors" in words or "rumours" in words
            or ("it" in words and not words.isdisjoint(("is", "was", "been")) and not words.isdisjoint(_VAGUE_PARTICIPLES))
            or (not words.isdisjoint(("some", "many")) and not words.isdisjoint(("say", "believe", "claim"))))


# A past-tense verb and its object inside a would-be subject: a clause ("used the technique")
_VERB_THEN_OBJECT = re.compile(r"\b[a-z]+ed\s+(?:the|a|an|his|her|their|its|this|that)\s")
_RELATIVE = re.compile(r"\b(?:who|which|that)\b")


def _appositive(text: str, start: int, end: int):
    """A ``_APPOSITIVE`` match for the subject ``text[start:end]`` ("Marley Anderson, 21, a
    junior from Las Vegas,"), after an opening time ("Friday, Texas, leading 13 states,")."""
    opener = _OPENER_COMMA.match(text, start, end)
    begin = opener.end() if opener else start
    # the pattern's phrase holds a comma ("Name, ..."): without one it cannot match
    return _APPOSITIVE.match(text, begin, end) if text.find(",", begin, end) >= 0 else None


def _characterize(reader: _Reader, sent: Span, toks, i: int, quotes) -> None:
    """Rule called-quote: "Graham called both candidates “crazy”"; "she described the plan as ..."."""
    text = reader.text
    ts, te, word = toks[i]
    low = word.lower()
    if _inside_quote(reader, ts, quotes) or reader.taken(ts, te) or reader.in_blocked(ts):
        return
    if _CALLED_PARTICLE.match(text[te:te + 12]):
        return  # "called for", "called on": a demand or a visit, not a characterisation
    sub = _subject_before(text, toks, i, sent.start)
    if sub is None and low.endswith("ing") and i and "," in text[toks[i - 1][1]:ts]:
        m = _SENTENCE_SUBJECT.match(text, sent.start, ts)
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
        if not q:
            return
        content = _strip_content(text, te, q[0][1])
    if content is not None:
        reader.add("called-quote", "indirect", _span(text, ts, te), _span(text, *sub), content)


def _norm_name(name: str) -> str:
    return _THE_START.sub("", _NON_WORDS.sub(" ", name.lower()).strip())


def _has_person(np: str) -> bool:
    return _may_hold(np, _PERSON_HEAD_STEMS) and bool(_PERSON_HEAD.search(np))


@lru_cache(maxsize=4096)
def _may_name_outlet(np: str) -> bool:
    """Whether ``resolve`` looks ``np`` up as an outlet: not an official, a source or a person."""
    return len(np) > 2 and not _anon_heads(np) and not _has_person(np)


_EVEN = re.compile(r"(?i)^(?:even|only|also)\s+")


@lru_cache(maxsize=4096)
def _vague_source(np: str) -> bool:
    return bool(VAGUE_SOURCE.match(_EVEN.sub("", np.strip())))  # "even some allies" is "some allies"


def _np_end(text: str, start: int, limit: int) -> int:
    """End of the noun phrase after "according to": the next comma, stop or clause."""
    m = _NP_END.search(text, start, limit)
    return m.start() if m else limit


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


def _may_quote(para: str) -> bool:
    """Whether ``_QUOTE`` can match in ``para``: every match opens with one of these."""
    return "\u201c" in para or '"' in para or "''" in para


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
        for index, para in enumerate(paragraphs(text)):
            # spans taken in earlier paragraphs cannot overlap this one: keep the checks short
            reader.used, reader.quoted = [], []
            if reader.blocked:
                reader.blocked = [(s, e) for s, e in reader.blocked if e > para.start]
            if prev is not None and para.text[:1] in "\u201c\"" and prev.text.rstrip().endswith((":", ",")):
                _quote_after_lead_in(reader, prev, para)
            prev = para
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
        reader.resolve_all()
        out = reader.out + _credit_attributions(text, registry)
    except (IndexError, ValueError, RecursionError):  # defensive: rules never break a trace
        out = [a for a in reader.out if a.speaker is not _PENDING]
    relay_cues = {(a.cue.start, a.cue.end) for a in out if a.kind == "relay"}
    out = [a for a in out if not (a.kind == "according-to" and (a.cue.start, a.cue.end) in relay_cues)]
    return tuple(sorted((a for a in out if _inside(a, len(text))), key=lambda a: (a.cue.start, a.cue.end)))


def _inside(att: Attribution, n: int) -> bool:
    for s in (att.cue, att.source, att.content):  # a plain loop: cheaper than all() over a generator
        if s is not None and not 0 <= s.start <= s.end <= n:
            return False
    return True


__all__ = ["extract", "SPEECH_VERBS", "COMMUNICATION_VERBS", "communication_lemma"]
