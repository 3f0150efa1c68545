"""The words and patterns the attribution rules read: verbs of saying, doing and believing,
the words that open, end or join a speaker phrase, and the regular expressions built from them.

Data only (and three small pure helpers on it): compiled once at import.
"""

from __future__ import annotations

import re

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
argue insist claim warn contend deny predict acknowledge admit explain suggest allege assert reiterate concede
underscored underscores underlined highlighted affirmed reaffirmed reaffirms clarified hinted boasted bragged
pointed points asking
reiterated reiterates asserted asserts lamented laments recounted recounts retorted
declaring stating announcing
contending asserting stressing emphasizing emphasising reiterating predicting conceding confirming
denying revealing alleging mentioning remarking tweeting
recommends recommended
forecast forecasts forecasted
""".split())
# ... these only before "that": "The CDC recommends that people wear masks" (not "recommended
# the book", "recommended him for the job")
THAT_ONLY_VERBS = frozenset(("recommends", "recommended"))
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


# Speech acts read in the body only: a headline's "Republican assails elites" names no one
HEADLINE_SHY_ACTS = frozenset("""
decried decries derided derides assailed assails lambasted lambastes rebuked rebukes scolded scolds
chastised chastises castigated castigates lauded lauds railed rails
""".split())

# Speech acts that carry a claim about someone else: "Clinton accused Trump of ...",
# "Warren praised ...", "the mayor urged residents to ...". Read with a subject before the
# verb only, and not in the passive ("was accused of").
ACT_VERBS = frozenset("""
accused accuses criticized criticizes criticised criticises urged urges praised praises
condemned condemns blamed blames denounced denounces slammed slams
defended defends pledged pledges questioned dismissed dismisses blasted blasts mocked mocks touted touts
""".split()) | HEADLINE_SHY_ACTS
_PASSIVE_AUX = frozenset("is was were are be been being get gets got".split())
# Verbs that attribute only right after a quote ("…,” he continued").
QUOTE_ONLY_VERBS = frozenset("continued continues joked quipped shouted yelled chanted".split())
# Verbs whose subject must look like a study or a poll ("a poll found that ...").
FINDING_VERBS = frozenset("show shows showed showing found finds find suggest indicates".split())
FINDING_HEADS = re.compile(r"(?i)\b(?:poll|polls|survey|surveys|study|studies|report|reports|data|analysis|research|figures|numbers|results|review|audit|investigation|probe|memo|document|documents|records|filing)\b")
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
PARTICIPLES = frozenset("saying adding noting arguing explaining insisting warning claiming declaring writing telling calling asking "
                        "stating announcing acknowledging recalling contending asserting stressing emphasizing emphasising "
                        "reiterating predicting conceding confirming denying revealing alleging mentioning remarking "
                        "tweeting".split())
# The subject opening a sentence: a name (with a title or party tag), a pronoun or a short description.
_SENTENCE_SUBJECT = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Later|Earlier|Meanwhile),?\s+(?:even\s+|then\s+)?)?"
    r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|(?:[Aa]|[Aa]n|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|One|Another)\s+(?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]+(?<!\bof)"
    # not ending on a word that stands before a noun ("the former president showed", not "the former")
    r"(?<!\bformer)(?<!\blate)(?<!\bsenior)(?<!\bcurrent)(?<!\bretired)(?<!\bacting)(?<!\boutgoing)|"  # lower case after an opener
    r"(?!(?:When|If|As|After|Before|While|Although|Because|Since|Though|With|In|On|At|For|From|During|Prior|That|This|There"
    r"|And|But|Yet|So|Or|Then|Still|Also|Every|Each|By|To|Of|Under|Over|Despite|Amid|Without|Through|Until|Unless|Once"
    r"|Even|Only|Just|Perhaps|Maybe)\b)"
    r"(?!(?:The|A|An)\s+[a-z])"  # an article alone is no name ("The district GOP Chairman ...")
    # "Health care providers have protested", "Trump aides had said": lower-case words up to an
    # auxiliary (without one, "Trump aides insisted" reads a word too far on train: left out)
    r"(?:[A-Z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){1,3}(?=\s+(?:have|has|had|are|were)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b)|"
    # "Attorneys for Clinton appeared", "Officials with knowledge of the matter said": a plural
    # and the people or body it is of
    r"[A-Z][a-z]+s\s+(?:for|with|at|from|close\s+to|familiar\s+with)\s+(?:the\s+)?(?:[\w.'\u2019-]+\s+){0,4}?"
    r"(?!(?:of|in|on|at|to|for|with|the|a|an|and|or)\b)[\w'\u2019-]+(?=\s+[a-z])|"
    # "Republican presidential candidate Donald Trump quickly took to Twitter": a role, then a name
    r"[A-Z][\w'\u2019-]*(?:\s+(?!(?:in|of|at|on|for|to|from|by|with|and|or|who|which|that|also|then|still|just|not|has|have|had|is|was"
    r"|are|were|will|would|can|could|did|does|do)\b)[a-z][\w'\u2019-]*){1,3}"
    r"(?:\s+[A-Z][\w.'\u2019-]*){1,2}\s+[A-Z][\w'\u2019-]*(?:\s+\([RDI]-[\w.]+\))?(?=\s+[a-z])|"
    r"(?:(?:[A-Z][\w.'\u2019-]*|of)\s+){0,5}[A-Z][\w'\u2019-]*(?:\s+\([RDI]-[\w.]+\))?))"
    # ("Sanders on Saturday criticized the accord, saying ...": the day is no verb)
    r"\s+(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?"
    r"(?!(?:and|or|of|in|on|at|to|for|with|who|which|that)\b)[a-z]+\b"
)
_ASKED = re.compile(r"(?:(?:But|And|When|Later),?\s+)?(?P<cue>Asked)\s+"
                    # "Asked on Fox News who ...", "Asked Tuesday about ...", "Asked specifically what ..."
                    r"(?:(?:on|during|in|at)\s+[^,;:\u201c\u201d\"]{1,40}?\s+(?=(?:about|whether|if|what|why|how|who|when|where)\b)"
                    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|later|again|specifically|repeatedly)\s+)?"
                    r"(?P<content>(?:about|whether|if|what|why|how|who|when|where|to|by)\b[^;\n]{2,200}?),")
# Verbs that invert after the content: "..., said the official."
_INVERTING = frozenset("said says say added adds asked wrote writes continued explained noted recalled replied".split())
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
        if j >= 3 and toks[j][2] == "time" and toks[j - 3][2] == "for" and toks[j - 2][2] == "the":
            return _time_before(toks, j - 4)  # "the report on Wednesday for the first time cited"
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
# words that only qualify a verb ("and almost immediately disclosed them"): no subject
DEGREE_ADVERBS = frozenset(("almost", "nearly", "barely", "hardly", "scarcely"))
_NOT_SUBJECT_ENDS = _PREPOSITIONS | _SUBORDINATORS | {
    "to", "of", "and", "but", "or", "the", "a", "an", "that", "which",  # "... when asked"
    "about", "without", "against", "toward", "towards", "upon", "among", "through", "via",  # "wondered about adding"
    "worth",  # "It's worth noting that": the writer's aside
    "need",  # "One need not deny"
    "recent", "latest"}  # "his recent claim that": a noun after an adjective, no verb


# Verbs that often take a plain object ("agreed a deal", "maintains a lead"): they report
# speech only when a clause follows ("that ...", a quote, "he would ...").
AMBIGUOUS_VERBS = frozenset("""
agreed agrees posted charged expected expects hopes fears feared maintains maintained mentioned
estimated estimates answers answered forecast forecasts forecasted
contending asserting stressing emphasizing emphasising reiterating predicting conceding confirming
denying revealing alleging mentioning remarking tweeting
""".split())
# Verbs that report only with a "that" clause or a quote after them: "underscored that the
# talks would continue", not "highlighted the risks", "hinted at a deal", "reaffirmed its commitment"
THAT_CLAUSE_VERBS = frozenset("""
underscored underscores underlined highlighted affirmed reaffirmed reaffirms clarified hinted boasted bragged
assert reiterate
""".split())
_CLAUSE_START = re.compile(
    r"(?:that\b|[\u201c\"']|(?:he|she|they|it|we|I|you|there|this|these|those|his|her|their|its|our|the|a|an|"
    r"[A-Z][\w.'\u2019-]*)\s+(?:[\w'\u2019-]+\s+){0,6}?(?:is|was|are|were|will|would|could|should|can|may|might|"
    r"must|has|had|have|did|does|do|had|[a-z]+ed|[a-z]+s)\b)"
)
_LEADING_ADVERBS = frozenset("Now Then Also Still Instead Meanwhile Indeed Yet Later Earlier Previously Separately Yesterday Today Tonight"
                             " Alternatively Otherwise Similarly Likewise Plus Summary"  # ("Summary": a box's label)
                             " Sometimes Often Occasionally Usually Typically Frequently Rarely".split())  # how often
# Openings that order or link what is told, not who tells it: "First his wife ... announced",
# "Thus Trump said". An ordinal only before a lower-case word: "First Lady Melania Trump",
# "Third Point" (a fund), "Second Circuit" are names.
_CONJUNCTIONS = frozenset(("but", "and", "yet", "so", "or"))  # "But, said Solovey": no subject
_ORDINALS = frozenset(("First", "Second", "Third"))
_SEQUENCE_ADVERBS = _ORDINALS | frozenset(
    "Secondly Finally Lastly Moreover Furthermore Additionally Ultimately Eventually Afterward Afterwards"
    " Subsequently Initially Recently Thus Hence Therefore".split())
_CAPITAL = re.compile(r"\b[A-Z]")
_NOUN_MODIFIERS = frozenset("media news press local recent earlier other unconfirmed some many several conflicting initial later previous similar".split())
_PARTY = re.compile(r"^[RDI](?:-[A-Z][\w.]*)?$")  # "(R-Texas)", and a bare "(R)"
QUANTIFIERS = frozenset("about nearly almost roughly more fewer less half most majority majorities only just over under".split())
PRONOUNS = frozenset("he she they it i we you".split())
# A party's names, each to one form: qualifiers that tell two descriptions apart ("the
# Democratic candidate" is not "the GOP candidate")
PARTIES = {"Republican": "Republican", "Republicans": "Republican", "GOP": "Republican",
           "Democratic": "Democratic", "Democrat": "Democratic", "Democrats": "Democratic",
           "Libertarian": "Libertarian"}
# what an outlet obtained, reviewed or carried ("emails obtained by The Washington Post", "a
# statement carried by the official IRNA news agency"): reader.py does not read such a phrase
# as the outlet, relays.py relays it through the outlet
OBTAINED_BY = r"(?:obtained|reviewed|seen|viewed|examined|analy[sz]ed|carried|broadcast|aired|relayed)\s+by"
# words an outlet carried, which show what was said as a document shows its finding ("...,
# comments carried by IRNA showed"): a subject (phrases.py) of a finding verb (verbs.py)
# when the outlet is known, relayed through it (relays.py)
_CARRIED_WORDS = (r"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:[Cc]omments|[Rr]emarks|[Ss]tatements?)"
                  r"\s+(?:carried|broadcast|aired|published|relayed)\s+by\s+")
CARRIED_WORDS = re.compile(_CARRIED_WORDS + r"(?P<outlet>\S.*)")
# ... closing a claim and its speaker ("..., Rouhani said, comments carried by IRNA showed"):
# no more of what the speaker said (verbs.py)
CARRIED_WORDS_REST = re.compile(r"\s*,\s+" + _CARRIED_WORDS)
# ... and a source an outlet quoted or polled: "Iran's Tasnim news agency, quoted by Reuters,
# said", "Analysts polled by Reuters had expected"
QUOTED_BY_VERBS = frozenset(("quoted", "cited", "interviewed", "contacted", "polled", "surveyed"))
QUOTED_BY_PHRASE = rf"(?:{'|'.join(sorted(QUOTED_BY_VERBS))})\s+by"
# "intelligence reports seen by Reuters suggest": the noun a document's participle follows
DOCUMENT_SEEN = re.compile(rf"\s+{OBTAINED_BY}\b")
DETERMINERS = frozenset("""
a an the one two three four five six several some many most other another both all few
his her their its our this these those each any no such more
""".split())
_DETERMINERS_PRONOUNS = DETERMINERS | PRONOUNS
ANON_HEADS = re.compile(
    r"(?i)\b(official|officials|source|sources|person|people|diplomat|diplomats|aide|aides|insider|"
    r"insiders|officer|officers|spokesman|spokeswoman|spokesperson|staffer|staffers|adviser|advisers|"
    r"advisor|advisors|individual|individuals|member|members|lawmaker|lawmakers|executive|executives|"
    r"spokesmen|spokeswomen|spokespeople|representative|representatives|ally|allies|lawyer|lawyers|"
    r"attorney(?!\s+general)|attorneys|employee|employees|confidant|confidants|confidante|associate|"
    r"associates|operative|operatives|strategist|strategists|circle|"  # "Trump's inner circle"
    r"columnist|correspondent|witness|witnesses|resident|villager|"
    # officials by their work ("Prosecutors said", "State's reviewers had said"), particular
    # people whose names the text withholds
    r"prosecutors|investigators|reviewers|negotiators)\b"
)
# The words by which a text says its speaker is unnamed on purpose (``phrases._WHO_UNNAMED``
# reads them, and a few more, in a relative clause)
_WITHHOLDS_NAME = (
    r"on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously|not\s+authori[sz]ed\s+to\s+(?:speak|discuss|comment)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|"
    r"(?:declined|refused)\s+to\s+speak\s+on\s+the\s+record")
# A sentence saying its speaker is unnamed on purpose.
_ANONYMITY = re.compile(rf"(?i)\b(?:{_WITHHOLDS_NAME})\b")
ANON_CLAUSE = re.compile(
    r"(?i)\b(?:on (?:the )?condition of anonymity|not authori[sz]ed to|asked not to be (?:named|identified)|"
    r"declined to be (?:named|identified)|requested anonymity|speaking anonymously|unnamed|anonymous|"
    r"familiar with|with knowledge of|close to the)\b"
)
# media of a kind, no outlet named ("state media", "local TV"): VAGUE_SOURCE, TOLD_OBJECT
_MEDIA_KIND = (r"(?:local|state|state-run|state-owned|state-controlled|government|government-run|pro-government|"
               r"official|national|regional|independent|opposition|foreign|western|domestic)")
_MEDIA_HEAD = r"(?i:media|press|television|tv|radio|broadcasters?|outlets|newspapers|news\s+agencies)"
# a plural of particular people kept unnamed ("officials", "sources"): anonymous, never vague
_NOT_PARTICULAR = r"(?!(?:offic|source|aide|diplomat|insider|spokes|staffer|lawyer|attorney|representative)\w*s\b)"
VAGUE_SOURCE = re.compile(
    r"(?i)^(?:(?:some|many|several|various|local|other|unconfirmed|recent|news|media|press|foreign)\s+)*"
    r"(?:media\s+)?(?:reports?|rumou?rs?|observers|critics|experts|analysts|people|commentators|"
    # (not bare "scientists", "researchers": in a story about one study, its authors)
    r"economists|historians|scholars|academics|pollsters|"
    r"pundits|claims|accounts|sources|media|outlets|estimates|polls|surveys|studies|"
    r"supporters|voters|delegates|conservatives|liberals|progressives|republicans|democrats|advocates|"
    # a crowd: "Mourners say", "Demonstrators said"
    r"mourners|demonstrators|protesters|protestors|marchers|environmentalists|conservationists)$"
    # "outside experts", "the experts", "Clinton critics": whoever they are, nobody is named;
    # "Clinton supporters", "GOP voters": a whole group
    r"|^(?:[\w'\u2019-]+\s+){1,3}(?:observers|critics|experts|analysts|commentators|pundits|polls|studies|"
    r"supporters|voters|delegates|conservatives|liberals|progressives)$"
    # "local GOP leaders", "political scientists", "civil rights groups": a kind of people
    # (not "top committee leaders", "two GOP strategists": particular people)
    r"|^(?!(?:top|senior|key|chief|leading|two|three|four|five|six|several|both|the|these|those)\b)"
    r"(?:[\w'\u2019-]+\s+){1,3}(?:leaders|scientists|specialists|forecasters|economists|strategists|activists|"
    r"advocates|groups|proponents|opponents)$"
    # "most Republicans", "many of you": part of a group, nobody in particular
    # ("some in the crowd", "many in Congress": part of a body, no one in it named)
    r"|^(?:few|all|many|some|most|several|none)(?:\s+of\s+(?:the\s+)?[\w'\u2019-]+|\s+(?:in|within|among)\s+(?:the\s+)?[\w'\u2019-]+|(?:\s+[\w'\u2019-]+){0,3}\s+"
    rf"{_NOT_PARTICULAR}[\w'\u2019-]+s(?:\s+(?:at|from)\s+(?:the\s+)?[\w'\u2019-]+)?)?"  # "Many speakers at the service"
    r"(?:\s+who\b.*)?$"  # "many diehard Sanders supporters who came to Philadelphia"
    # "a majority of Americans", "A chorus of prominent Republicans", "thousands of protesters":
    # a share or a crowd of a group, no one in it named (not "a number of officials": anonymous)
    r"|^(?:an?\s+(?:clear\s+|slim\s+|large\s+|growing\s+|small\s+|vast\s+)?(?:majority|chorus|number|host|handful)"
    r"|the\s+(?:vast\s+)?majority|scores|dozens|hundreds|thousands|millions)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?"
    rf"(?:[\w'\u2019-]+\s+){{0,3}}{_NOT_PARTICULAR}[\w'\u2019-]+s$"
    # "state media", "state-run television", "pro-government newspapers": media of a kind,
    # no outlet named (a capitalised country before them, "Chinese state media", too)
    rf"|^(?:{_MEDIA_KIND}\s+)+{_MEDIA_HEAD}(?:\s+reports?)?$"
)
# what ends a vague source that is media of a kind: "state media", "local media reports"
UNNAMED_MEDIA = re.compile(rf"(?i)\b{_MEDIA_HEAD}(?:\s+reports?)?$")


def unnamed_media(np: str) -> bool:
    """Whether ``np`` is media of a kind that names no outlet: "state media", "local TV"."""
    return UNNAMED_MEDIA.search(np) is not None and VAGUE_SOURCE.match(np) is not None


# the words of VAGUE_PHRASES' verdicts ("is widely seen as", "regarded by many as") no other cue holds
_VAGUE_VERDICT_WORDS = frozenset("seen regarded considered viewed hailed widely generally commonly".split())
# ... and "clear" of "made (it) clear that", which reports (verbs._MADE_CLEAR)
VAGUE_PHRASES = re.compile(
    r"(?i)\b(?P<cue>it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:believed|understood|said|reported|thought|alleged|claimed|rumou?red|learned|learnt)|"
    r"(?:media\s+|news\s+|press\s+)?reports\s+(?:say|said|suggest|suggested|claim|claimed|indicate|indicated)|"
    r"reportedly|rumou?rs\s+(?:say|have\s+it)|(?:some|many)\s+(?:say(?!\s+(?:in|over|on)\b)|believe|claim)|"
    # a verdict with no one to own it: "is widely seen as", "was seen by some as"
    r"(?:is|are|was|were|been|being)\s+(?:widely|generally|commonly)\s+(?:seen|regarded|considered|viewed|believed|thought)|"
    r"(?:seen|regarded|considered|viewed|criticized|criticised|praised|hailed|described)\s+by\s+(?:some|many|most|critics|others)"
    r"(?!\s+(?:of|who)\b))\b"
)  # (not "wanted some say in the matter": a noun)
TIME_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|this\s+week|last\s+week|(?:this|last)\s+weekend|over\s+the\s+weekend|last\s+month|earlier\s+this\s+week|this\s+morning)"
ADVERBIAL = re.compile(
    r"\A(?:,?\s*(?:"
    rf"(?:on|late|early|earlier|later)?\s*{TIME_WORDS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|in\s+(?:a|an|his|her|their|its|the)\s+(?:joint\s+|written\s+|brief\s+|televised\s+|separate\s+)?(?:statement|interview|tweet|speech|briefing|post|letter|video|email|e-mail|op-ed|message|report|memo|note|release|press\s+release|news\s+conference|press\s+conference|conference\s+call|phone\s+interview|radio\s+interview|television\s+interview|blog\s+post|column)"
    # ("in a statement posted on Telegram", "in a message published on its website")
    r"(?:\s+(?:(?:posted|published|released|issued|shared)\s+)?(?:(?:aired|broadcast)(?:\s+[A-Z]\w+day)?\s+on|on|with|to|at|from|for|via)\s+[\w.'\u2019 -]{1,40}?(?=,|\s+that\b|\s*$|\s+(?:on|in|carried|published|released)\s+))?"
    r"|at\s+(?:a|an|the)\s+(?:news\s+conference|press\s+conference|rally|briefing|hearing|event|campaign\s+event|town\s+hall|meeting|debate)(?:\s+in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"|on\s+(?:Twitter|Facebook|Instagram|Fox\s+News|CNN|MSNBC|television|TV|radio|air|Telegram|YouTube|TikTok"
    r"|LinkedIn|Threads|Bluesky|Truth\s+Social|X(?:,\s+(?:formerly|previously)\s+(?:known\s+as\s+)?Twitter,?)?)"
    r"|in\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}(?=\s*:|\s+that\b)"  # "told reporters in Springfield:"
    r"|on\s+(?:his|her|their|its|the)\s+(?:own\s+)?(?:blog|website|web\s+site|Facebook\s+page|Twitter\s+(?:account|feed)|podcast|radio\s+show|show)"
    r"|at\s+the\s+(?:[A-Z][\w.'\u2019-]*(?:\s+|(?=[,.;]|$))){1,6}"  # "at the Dubai Air Show"
    r"|(?:to\s+)?reporters|recently|repeatedly|previously|again|also|flatly|publicly|privately|separately|bluntly|simply|later"
    r")(?![\w-]))+"  # a whole word: "again", not the start of "against"
)
TOLD_OBJECT = re.compile(
    r"\A\s+(?P<obj>reporters|journalists|the\s+press|him|her|them|us|me|you|supporters|the\s+crowd|the\s+audience|"
    # "told police he ...", "told executives he wants": people addressed, then the claim
    r"(?:the\s+)?(?:police|investigators|detectives|officers|prosecutors|authorities|lawmakers|legislators|senators|"
    r"executives|employees|staff|investors|analysts|students|parents|voters|members|delegates|donors|listeners|"
    r"viewers|readers|attendees|jurors|the\s+jury|the\s+court|the\s+judge|a\s+judge|the\s+committee)"
    r"(?=\s+(?:that|he|she|they|it|we|I|the|his|her|their|its)\b)|"
    # "told state media on Monday that ...": media of a kind, no outlet named
    rf"(?:{_MEDIA_KIND}\s+)+{_MEDIA_HEAD}(?![\w-])(?!\s+[A-Z])|"
    # "told Russian news agency RIA Novosti", "told state broadcaster NHK": the name after its description
    r"(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:state(?:-run|-owned)?\s+|official\s+|private\s+)?(?:news\s+agency|broadcaster|newspaper|daily|"
    r"television|TV|radio|news\s+site|outlet|network)\s+[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3}|"
    r"(?:The\s+|the\s+)?(?:Yahoo!|[A-Z][\w.'\u2019&-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'\u2019&-]*){0,4}"
    r"(?:\s+(?:show|program|programme|broadcast|podcast)\b)?|"  # "told NBC News' Today show", "told Yahoo! News"
    # a show's quoted title, and its host: 'told "CBS This Morning" co-host Gayle King'
    r"[\u201c\"][A-Z][^\u201c\u201d\".!?\n]{0,40}[\u201d\"](?:\s+(?:co-)?(?:host|anchor|moderator)"
    r"(?:\s+[A-Z][\w.'\u2019-]*){1,3})?(?=\s+(?:that|on|in|at)\b|,|\.|:|$)|"
    r"(?:a|an|the)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?(?=\s+(?:that|on|in|at)\b|,|\.|:|$))"
)
RELAY_TAIL = re.compile(
    r"\A,?\s*(?P<cue>as\s+(?:quoted|cited|reported)\s+by|when\s+(?:contacted|reached)\s+by|(?:in\s+(?:a\s+|an\s+)?(?:comments|remarks|statement|interview|speech|message)\s+)?(?:carried|published|released|distributed|broadcast|aired)\s+by|according\s+to|in\s+(?:an?\s+)?(?:interview|comments|remarks)\s+(?:with|to)|citing|speaking\s+to|talking\s+to|told)\s+"
    r"(?P<np>(?:the\s+)?[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,7}?)(?=\s*(?:,|\.|;|$|\s+on\b|\s+in\b|\s+that\b))"
)
# (after a quoted title too: 'said on MSNBC's "Morning Joe," adding, ...')
ADDING = re.compile(r"\A(?:[^,.;:\u201c\u201d\"\n]{0,40}?\s*,\s*|[^,.;:\u201c\u201d\"\n]{0,30}?[\u201c\"][^\u201c\u201d\"\n]{1,40}?,?[\u201d\"]\s*,?\s*)(?:while\s+)?(?P<cue>adding|noting|saying|explaining|arguing|stressing|insisting|warning|citing|mentioning|recalling|acknowledging|pointing\s+out|claiming|declaring|asking|going\s+on\s+to\s+say)\b(?:\s+that\b)?\s*")
ACCORDING_TO = re.compile(r"(?i)\baccording\s+to\s+")
# "The minister was quoted by Yonhap as saying ..."
QUOTED_BY = re.compile(
    r"(?P<np>\b[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)\s+(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?P<cue>(?:quoted|cited)\s+by)\s+(?P<relay>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)\s+as\s+saying\b(?:\s+that\b)?\s*"
)
# "The minister was quoted as saying by Interfax that ..."
QUOTED_AS_BY = re.compile(
    r"(?P<np>\b[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)\s+(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?P<cue>(?:quoted|cited)\s+as\s+saying\s+by)\s+(?P<relay>(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)"
    r"(?=\s+that\b|,|\s*$)(?:\s+that\b)?\s*"
)
CITED_AS = re.compile(
    r"(?P<relay>\b[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)\s+(?P<cue>(?:cited|quoted)\s+)(?P<np>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,7}?"
    # "quoted the head of the region, Vyacheslav Gladkov, as saying": a name in apposition
    r"(?:,\s+[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,5},)?)\s+as\s+"
    # ("as telling reporters that", "as stating"): what the relay says was said
    r"(?:saying|stating|writing|telling(?:\s+[\w.'\u2019-]+){1,4}?(?=\s+that\b))\b(?:\s+that\b)?\s*"
)
REPORTED_CITING = re.compile(
    r"(?P<relay>\b[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)\s+(?P<cue>(?:reported|said|reports|says|wrote)(?:\s+(?:earlier|previously|first|late|also))?(?:\s+on\s+[A-Z]\w+|\s+[A-Z]\w+day)?,?\s+(?:citing|quoting))\s+(?P<np>[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,8}?)(?=\s*(?:,|\.|;|$|\s+that\b))"
)

# "Reuters, citing an anonymous government source, reported that ...": the source, relayed
# (and "Kyodo news agency said, quoting government sources, ...")
CITING_ASIDE = re.compile(
    r"(?P<relay>\b[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?),\s+(?P<cue>citing|quoting)\s+"
    r"(?P<np>[^,;:\u201c\u201d\"\n]{3,80}?),\s+(?:reported|reports|said|says|wrote|writes|added)"
    r"(?:\s+(?:on\s+)?[A-Z]\w+day)?(?:\s+that)?\s+"
)

# "The report by Bloomberg, which cited unnamed sources, said ...": the same, in a relative
# clause (a known outlet's only: "Smith, who cited a poll, said" argues from the poll)
CITED_ASIDE = re.compile(
    r"(?P<relay>\b[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?),\s+(?:which|that)\s+(?P<cue>cited|quoted)\s+"
    r"(?P<np>[^,;:\u201c\u201d\"\n]{3,80}?),\s+(?:reported|said|wrote|added)(?:\s+(?:on\s+)?[A-Z]\w+day)?(?:\s+that)?\s+"
)

# "A Reuters story that quoted a senior diplomat said ...", "A report by Reuters citing two
# officials said ...": the same, the report the subject (a known outlet's only, as above)
REPORT_WORDS = frozenset(("report", "story", "article", "dispatch", "broadcast"))
_REPORT_NOUN = rf"(?:news\s+)?(?:{'|'.join(sorted(REPORT_WORDS))})"
REPORT_CITED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?P<relay>[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,4})\s+"
    rf"{_REPORT_NOUN}|{_REPORT_NOUN}\s+(?:by|from|in|on)\s+(?P<relay2>(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){{0,4}}))"
    r",?\s+(?:(?:that|which)\s+)?(?P<cue>cited|quoted|citing|quoting)\s+"
    r"(?P<np>[^,;:\u201c\u201d\"\n]{3,80}?),?\s+(?:said|says|reported|reports|added|claimed|showed|stated)"
    r"(?:\s+(?:on\s+)?[A-Z]\w+day)?(?:\s+that)?\s+"
)

# "Interfax said the ship had sunk, quoting a navy spokesman": the same, the participle after
# the claim (an outlet only, as for CITING_OPENING: "Smith said the plan failed, citing a new
# poll" is his own argument)
CITING_AFTER_CLAIM = re.compile(
    r"(?P<relay>(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)\s+"
    r"(?:reported|reports|said|says|wrote|writes)(?:\s+(?:on\s+)?[A-Z]\w+day)?(?:\s+that)?\s+"
    r"(?P<claim>[^;:\u201c\u201d\"\n]{5,300}?),\s+(?P<cue>citing|quoting)\s+"
    r"(?P<np>[^,;:\u201c\u201d\"\n]{3,80}?)(?=\s*(?:[.;]|$))"
)

# "Citing an unnamed official, Yonhap said ...": the same, the participle first (an outlet
# only: "Citing a new poll, Smith said" is no relay)
CITING_OPENING = re.compile(
    r"(?P<cue>[Cc]iting|[Qq]uoting)\s+(?P<np>[^,;:\u201c\u201d\"\n]{3,80}?),\s+"
    r"(?P<relay>(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[\w.'\u2019&-]+){0,5}?)\s+"
    r"(?:reported|reports|said|says|wrote|writes|added)(?:\s+(?:on\s+)?[A-Z]\w+day)?(?:\s+that)?\s+"
)

# A person-like name: two or three capitalised words ("Maria Lopez"), for pronouns with no earlier speaker.
_PERSON = re.compile(r"(?<![\w.])(?!(?:When|If|As|After|Before|While|Although|Because|Since|Though|With|In|On|At|For|From|During|The|This|That|But|And"
                     r"|What|Who|How|Why|Where|Which|It|He|She|They|We|There|Here|Then|Now|So|Some|Many|All)\b)"
                     r"(?:(?:Mr|Ms|Mrs|Dr)\. |(?:President|Governor|Senator|Secretary|Mayor|Judge|Premier|Minister|"
                     r"Sen\.|Gov\.|Rep\.|Gen\.) (?=[A-Z][a-z]+(?: [A-Z]\.)? [A-Z]))?"  # "Governor John Rankin", not "Governor John"
                     r"[A-Z][a-z]+(?: [A-Z]\.(?:[A-Z]\.)?)? (?!(?:Mr|Ms|Mrs|Dr)\b)(?:O['\u2019])?[A-Z][a-z]+(?:[A-Z][a-z]+)?"
                     r"(?:-[A-Z][a-z]+)?\b")  # "McDowell", "O'Brien", "Shanklin-Hawkins"
# A quote ends at its first closing mark or line end. The curly and straight branches are
# greedy over characters that exclude both, so they match what a lazy repeat would, with no
# backtracking at each character ("''" quotes may hold a lone "'": that branch stays lazy).
# Mixed marks ("...” or “...") are common in pages typed by hand: either closing mark ends
# a quote opened by either opening mark.
_QUOTE = re.compile(r"[\u201c\"][^\u201c\u201d\"]{2}[^\u201c\u201d\"\n]*(?:[\u201d\"]|$)|''[^\n]{2,}?(?:''|$)", re.M)


def _may_quote(text: str) -> bool:
    """Whether ``_QUOTE`` can match in ``text``: every match opens with one of these."""
    return "\u201c" in text or '"' in text or "''" in text


_TOKEN = re.compile(r"[A-Za-z0-9][\w.'\u2019&-]*(?<![.'\u2019-])|[A-Z]\.(?:[A-Z]\.)+")
_BOUNDARY_PUNCT = re.compile(r"[,;:\u201c\u201d\"()\u2014\u2013\[\]]|\s-\s")
_VERB_FIRST_TAIL = re.compile(r"\A\s*,?\s*(?P<verb>said|says|asked|added|wrote|tweeted|replied|continued|recalled|explained|noted)\s+(?P<np>[^,.;:\u201c\u201d\"]{1,100}?)(?=\s*[,.;]|\s*$)")
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
adamant insistent
""".split())
CUE_WORDS = ACT_VERBS | SPEECH_VERBS | FINDING_VERBS | QUOTE_ONLY_VERBS | CHARACTERIZE_VERBS | STANCE_VERBS | {"according", "reportedly", "believed", "understood", "understands", "learned", "learnt", "rumors", "rumours", "clear"} | _VAGUE_VERDICT_WORDS
# The words of a sentence are the runs of a-z in its lower-cased text. Every other character
# made a blank, ``str.split`` gives the same words as ``re.findall("[a-z]+")``, about twice as
# fast; a character beyond ASCII becomes "?" first (one byte each, so offsets stay).
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _letters(low: str) -> str:
    """``low`` with every character other than a-z made a blank; same length, same offsets."""
    return low.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")


# Words the token loop of ``verbs._reported_speech`` acts on.
_SPEECH_WORDS = SPEECH_VERBS | QUOTE_ONLY_VERBS
_VERB_WORDS = ACT_VERBS | SPEECH_VERBS | FINDING_VERBS | CHARACTERIZE_VERBS | STANCE_VERBS
# A sentence end with text after it (normalize.sentences splits only at one of these).
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")
# Where a speaker phrase after a quote ends; "Ms." or "J." is not a full stop.
_TAIL_LIMIT = re.compile(r"[,;:!?\u201c\u201d\"\n]|''|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bSt)(?<!\b[A-Z])\.")
_NP_END = re.compile(r",|;|[.?!](?=\s|$)|\s\u2014|\s\u2013|\s-\s|\s--|\.\)|\bthat\b|\n|\sas\s+(?:part|a\s+result)\b")  # "according to UEFA as part of"


# Words that open a sentence as a time or a comment, never a name: "Friday, Bill Clinton
# said", "Interestingly, ..., Hackett said" (the speaker is after the comma).
_OPENERS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|July|"
            "September|October|November|December|Early|Late|Every|Each|Next|Last|Today|Tonight|"
            "Yesterday|Now|Then|Also|Still|Later|Earlier|Again|Overall|Instead|Indeed|Meanwhile|"
            "However|Nevertheless|Nonetheless|Moreover|Furthermore|Likewise|Interestingly|Separately|"
            "Similarly|Additionally|Ultimately|Finally|Initially|Previously|Currently|Recently|Notably|"
            "Importantly|Unfortunately|Fortunately|Surprisingly|Ironically|Apparently|Clearly|Obviously|"
            "Alternatively|Otherwise|There|Here")
_OPENER_COMMA = re.compile(
    rf"(?:(?:(?:Early|Late|Last|Next|This|Every|Each)\s+)?(?:{_OPENERS})(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:(?:Early|Late|Earlier|Later)\s+)?(?:Last|Next|This|Earlier|Later|last|next|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)"
    r"|(?:Hours|Days|Weeks|Months|Minutes|Moments|Years)\s+(?:later|earlier|before|after))\s*,\s+")
_NAME = rf"(?!(?:When|If|As|After|Before|While|Although|Because|Since|Though|Once|Unless|Until|With|In|On|At|For|From|During|Prior|That|This|These|Those|There|Here|I|{_OPENERS})\b)(?:(?:[A-Z][\w.'\u2019-]*|of|de|la|van|von|al|bin)(?:\s+(?:[A-Z][\w.'\u2019-]*|of|de|la|van|von|al|bin|for(?=\s+[A-Z])|\([A-Z][\w.-]*\))){{0,6}})"
# the head nouns of a description that gives a speaker's role ("a senior official", "the source")
_ROLE_HEADS = (r"spokes\w+|official|aide|adviser|advisor|director|manager|"
               r"chairman|chairwoman|leader|member|lawyer|attorney|analyst|professor|economist|strategist|consultant|"
               r"pollster|executive|president|secretary|minister|officer|representative|senator|founder|researcher|"
               r"diplomat|source|person|insider|staffer|official|mayor|governor|judge|economist|commander|"
               r"office|campaign|team|author|co-author|writer|columnist|editor|reporter|host|historian|scholar|"
               r"expert|fellow|partner|chief|head|owner|organizer|candidate|nominee|delegate|ambassador|"
               r"commissioner|administrator|chair|activist|organiser|coordinator|CEO|chancellor")
_ROLE = (rf"(?:A|An|The|[A-Z][\w.-]*['\u2019]s)\s+(?:[\w'\u2019-]+\s+){{0,3}}(?:{_ROLE_HEADS})\b"
         r"(?:\s+(?:of|for|at|with)\s+(?:the\s+|a\s+)?[\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]*){0,3})?")  # "The author of the book"
# "Florida delegate John Archer", "Republican strategist Ann Roe": capitalised words, a
# lower-case role, then the name
_TITLED = r"(?:[A-Z][\w.'\u2019-]*\s+){1,2}[a-z][\w-]+\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}"
# "White House officials, speaking on condition of anonymity, said": people not named
_UNNAMED_GROUP = (r"[A-Z][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,4}?\s+(?:officials|sources|aides|diplomats|"
                  r"officers|spokesmen|spokespeople|insiders|staffers|advisers|advisors|lawmakers|analysts|"
                  r"experts|people|investigators|prosecutors|executives)")
# "Democratic economists, like their Republican counterparts, say": a kind of people, then an
# aside comparing or listing them
_VAGUE_GROUP = (r"[A-Z][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,3}?\s+(?:economists|scientists|researchers|critics|"
                r"supporters|opponents|voters|leaders|members|activists|advocates|observers|Democrats|Republicans|"
                r"conservatives|liberals|speakers|candidates)")
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
# What follows "added" when something was added, not said: a number, a sum, "to ...", "them to",
# "up to" (what things came to)
_ADDED_THING = re.compile(r"[\d$]|to\b|up\b|(?:them|it|him|her|us|this|these|those)\s+to\b"
                          r"|(?:more|less|nearly|almost|about|around|roughly|over|some|just|only)\s+(?:than\s+)?[\d$]"  # "added more than 2%"
                          r"|(?:a|an|another|his|her|their|its)\s+(?!(?:note|caveat|warning|word|remark|comment|plea|disclaimer)\b)"  # "added a goal"
                          r"|(?:additional|extra)\s+(?!(?:details?|comments?|remarks?)\b)")  # "added additional content"
_WH_WORDS = frozenset("how what whether when where why which who whom".split())
_THAT = re.compile(r"[\s,](that\b)")
_AS_NAME = r"(?:(?:The\s+|the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+(?:[A-Z][\w.'\u2019&-]*|of|de)){0,5}|(?:the|a|an|his|her|their)\s+[a-z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){0,2}|we|he|she|they)"
# the verbs of "As X noted, ...": someone's remark that opens a sentence
AS_SAID_VERBS = r"pointed\s+out|noted|reported|wrote|said|explained|observed|put\s+it"
_AS_SAID = re.compile(
    r"(?:(?:But|And|Yet|So)\s+)?[Aa]s\s+"
    rf"(?:(?P<cue1>(?:first\s+)?(?:reported|noted)\s+by)\s+(?P<src1>{_AS_NAME})"
    rf"|(?P<src2>{_AS_NAME})\s+(?:has\s+|have\s+|had\s+)?(?P<cue2>{AS_SAID_VERBS}))"
    # (when: "As I said earlier,", "As the mayor noted on Monday,")
    r"(?:\s+(?:earlier|before|previously|recently|then|at\s+the\s+time|last\s+\w+|(?:on|in)\s+[A-Z\d][\w.]*(?:\s+\d+)?"
    r"|in\s+(?:our|his|her|its|their|my|a|an|the)\s+[^,.;:\u201c\u201d\"]{1,40}?))?"  # "As we said in our review,"
    r"\s*,\s*(?P<content>\S)")
_INTRO_PHRASE = re.compile(_INTRO)
_APPOSITIVE = re.compile(
    rf"(?:(?:But|And|Yet|So|Still|Meanwhile|However|Also),?\s+)?{_INTRO}?(?!{_CONNECTIVE}\b)(?P<np>(?:{_NAME}|{_ROLE}|{_TITLED}|{_UNNAMED_GROUP}(?=,\s+(?:speaking|who|requesting|declining|familiar)\b)|{_VAGUE_GROUP}(?=,\s+(?:like|unlike|including|such\s+as)\b)),\s+(?!(?:he|she|they|it|we|I)\s*,?\s*$){_APPOS}"
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
    # a comma between two capitalised words, inside a name the description holds: "a research
    # analyst at the Council on Energy, Environment and Water think tank told CBS News"
    rf"(?:(?<=\s[A-Z][a-z])[a-z]*,\s+[A-Z][^,;:\u201c\u201d\"()]{{1,60}}?)?"
    rf"|(?:his|her|their|its|the|a|an)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:aide|spokes\w+|adviser|advisor|"
    rf"manager|director|strategist|lawyer|attorney|pollster|economist|chairman|chairwoman|friend),\s+{_NAME}),?\s*$"
)
# "..., the source, who said he had spoken to people inside, told Reuters": the claim, then a
# speaker whose relative clause stands between it and the verb
_WHO_APPOSITIVE = re.compile(
    rf"(?:,|[\u201d\"]|'')\s+(?P<np>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'\u2019-]+\s+){{0,3}}?"
    rf"(?:{_ROLE_HEADS})s?\b|{_UNNAMED_GROUP}|(?!{_CONNECTIVE}\b){_NAME}),\s+who\s+[^,;:\u201c\u201d\"()\u2014\u2013]{{3,160}}?,\s*$")
_DASH_APPOSITIVE = re.compile(
    rf"(?:(?:But|And|Yet|So|Still),?\s+)?(?P<np>(?:{_NAME}|{_ROLE})\s*[\u2014\u2013]\s*[^\u2014\u2013\u201c\u201d\"]{{1,140}}?\s*[\u2014\u2013])\s*$"
)
_TAIL_APPOSITIVE = re.compile(
    rf"\A\s*,?\s*(?P<np>{_NAME},\s+{_APPOS}),\s+(?P<verb>said|says|added|wrote|writes|told|tells|tweeted|explained|noted|argued|recalled|asked|insisted|continued|declared)\b"
)

# Patterns used inside functions, compiled once.
_ACRONYM_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
_NP_WORD = re.compile(r"[\w'\u2019-]+")
_DASH_SPLIT = re.compile(r"\s*(?:[\u2014\u2013]|\s--(?=\s|$))\s*")
# "officials, who ...", "officials speaking on ...", "NASA scientists using a telescope atop ..."
_WHO_TAIL = re.compile(r"(?i),?\s+(?:who|speaking|using|studying|, who)\b.*$")
_ARTICLE_START = re.compile(r"(?i)(?:a|an|the)\s")
_LEADING_ARTICLE = re.compile(r"(?i)^(?:a|an|the|one(?!\s+(?:of|in)\b)|even)\s+")  # not "One of the occupants", "one in four"
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_CONTRACTION = re.compile(r"['\u2019](?:re|ve|m|s|d|ll)$")
_DEFINITE_START = re.compile(r"(?i)^(?:the|this|that)\s")
_CAPITAL_WORD = re.compile(r"[A-Z][\w'\u2019-]+")
_HONORIFIC = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s")
_DASH_RUN = re.compile(r"[\s\u2014\u2013:-]*")
_CLOSE_PAREN = re.compile(r"\.?\)")
_TO_OUTLET = re.compile(r"\b(?:to|with|for)\s+((?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3})")
_OPENS_NEXT_QUOTE = re.compile(r"[^.\u201c\u201d\"]{0,40}?[,:]\s*[\u201c\"]")
_AFTER_FULL_STOP = re.compile(r"[\s]*(?:,|\.|;|\s+(?:on|in|at|to)\b)")
_COMMA_GAP = re.compile(r"\s*,?\s*")
_REPORTS_CUE = re.compile(r"(?i)(?:media\s+|news\s+|press\s+)?reports")
_FINITE = re.compile(r"\b(?:is|was|are|were|had|has|have|will|would|could|should|can|did|does|do|"
                     r"may|might|must)(?:n['\u2019]t)?\b|\b(?:won|ca)n['\u2019]t\b")  # "doesn’t", "can't"
_INVERTED_SPEAKER = re.compile(r"\s+(?P<np>(?:the|a|an)?\s*[\w.'\u2019&-]+(?:\s+[\w.'\u2019&-]+){0,6}?)(?=\s*(?:[,.;]|$))")
_AS_BEFORE = re.compile(r",\s+(?:just\s+)?as\s+$")
_PLACE_OR_TIME_TAIL = re.compile(r"\s*(?:in|on|at|during|while|after|before|when|from|via|through)\b(?!.*\bthat\b)")
_CLAUSE_TAIL = re.compile(r"\s*(?:[.!?]\s*$|,|;|$)")
_NOTHING_AFTER = re.compile(r"\s*(?:[.!?]\s*$|$)")
_CALLED_PARTICLE = re.compile(r"\s+(?:for|on|off|up|in|out|it\s+quits|back)\b")
_THE_START = re.compile(r"^the ")
_NON_WORDS = re.compile(r"[^\w]+")
_PERSON_HEAD = re.compile(r"\b(?:official|source|spokes\w+|minister|diplomat|aide|officer)s?\b", re.I)
