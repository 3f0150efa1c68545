"""Where phrases begin and end: a sentence's tokens, the subject before a verb, the claim
after it, a name and its apposition after a quote, relay tails ("citing Y").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..dateline import WEEKDAYS
from ..models import Attribution, Span
from ..names import TITLE_ABBREVIATIONS
from ..normalize import PLACE_ABBREV, SENTENCE_STARTERS, abbreviation_before
from .reader import _Reader
from .speakers import _NAME_PARTICLES, _bounds, _np_span, _role_then_name, _span, _strip_content, campus_after, is_state
from .vocabulary import (
    _BOUNDARY_PUNCT,
    _CLAUSE_VERBS,
    _CLOSE_PAREN,
    _COMMA_GAP,
    _CONJUNCTIONS,
    _FINITE,
    _LEADING_ADVERBS,
    _NOT_SUBJECT_ENDS,
    _ORDINALS,
    _OUT,
    _PARTY,
    _PASSIVE_AUX,
    _PAST,
    _POINT,
    _PREPOSITIONS,
    _ROLE,
    _SEQUENCE_ADVERBS,
    _SPEECH_WORDS,
    _SUBJECT_OPENERS,
    _TAIL_APPOSITIVE,
    _TAIL_LIMIT,
    _TO_OUTLET,
    _TOKEN,
    _WITHHOLDS_NAME,
    ADDING,
    ADVERBIAL,
    ANON_HEADS,
    AUX,
    CARRIED_WORDS,
    CLAUSE_WORDS,
    CUE_WORDS,
    DEGREE_ADVERBS,
    DETERMINERS,
    DOCUMENT_SEEN,
    FINDING_HEADS,
    FINDING_VERBS,
    GROUP_NOUNS,
    OBTAINED_BY,
    PRONOUNS,
    QUANTIFIERS,
    QUOTE_ONLY_VERBS,
    QUOTED_BY_VERBS,
    RELAY_TAIL,
    SPEECH_VERBS,
    TOLD_OBJECT,
    VAGUE_SOURCE,
    _letters,
    _time_before,
    unnamed_media,
)


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
# a work its maker is named by ("who wrote the speech"), no claim of theirs (verbs._WORK_WRITTEN)
_WORK_AFTER = re.compile(r"(?:the|a|an|his|her|their)\s+(?:[a-z-]+\s+){0,2}(?:speech|letter|book|memoir|op-ed|column|essay"
                         r"|article|novel|song|script|bill|legislation|law|amendment|report|opinion)\b")
_OF_A_BODY = re.compile(r"\bof\s+(?:the\s+)?(?:University|College|Institute)\b")
# A relative clause that withholds the speaker's name, up to the sentence's verb: "A diplomat
# who asked not to be named because the talks were private told Reuters". The verbs inside it
# ("asked", "speak") stop the walk back to the subject, so it is matched whole.
_WHO_UNNAMED = re.compile(
    rf"who\s+(?:[a-z]+\s+){{0,3}}?(?:{_WITHHOLDS_NAME}|"
    r"(?:on|under)\s+(?:the\s+)?conditions?\s+of\s+anonymity|not\s+authori[sz]ed\s+to\s+(?:talk|be\s+(?:named|identified|quoted))|"
    r"(?:asked|requested)\s+not\s+to\s+be\s+(?:named|identified|quoted)|(?:was|were)\s+granted\s+anonymity|"
    r"(?:did\s+not|didn['\u2019]t)\s+want\s+to\s+be\s+(?:named|identified)|"
    r"(?:could|can|would)(?:\s+not|n['\u2019]t)\s+be\s+(?:named|identified)|"
    # an unnamed speaker's claim to know: "A source who said he was close to the talks told"
    r"(?:said|says)\s+(?:he|she|they)\s+(?:was|were|is|are|had\s+been|has\s+been)\s+"
    r"(?:close\s+to|familiar\s+with|briefed\s+on|involved\s+in|privy\s+to|knowledgeable\s+about))"
    r"(?:\s+[^\s,;:\u201c\u201d\"()]+){0,16}")
_WHO_UNNAMED_WORDS = ("anonym", "named", "identified", "authori", "record", "quoted", "close", "familiar", "briefed",
                      "involved", "privy", "knowledgeable")


def _who_unnamed(text: str, toks, j: int, floor: int) -> tuple[int, int] | None:
    """The subject whose relative clause, ending at token ``j``, withholds its name
    (``_WHO_UNNAMED``): from the noun phrase before "who" to the clause's end."""
    w = j
    while w > 0 and j - w < 24 and toks[w][2].lower() != "who":
        w -= 1
    if w <= 0 or toks[w][2].lower() != "who" or toks[w][0] < floor:
        return None
    clause = text[toks[w][0]:toks[j][1]]
    if not any(word in clause for word in _WHO_UNNAMED_WORDS) or not _WHO_UNNAMED.fullmatch(clause):
        return None
    sub = _subject_before(text, toks, w, floor)
    if sub is None or text[sub[0]:sub[1]].lower() == "who" or "," in text[sub[1]:toks[w][0]]:
        return None  # (", who ...,": an appositive, the appositive rules' own)
    return sub[0], toks[j][1]


def _state_after_place(text: str, toks, k: int, j: int) -> bool:
    """Whether tokens ``k``..``j`` are the state or country after a place ("officials in
    Broward County, Florida"): the subject goes on through the comma."""
    if text[toks[k - 1][1]:toks[k][0]] != ", " or not is_state(text[toks[k][0]:toks[j][1]]):
        return False
    return bool(_IN_PLACE_END.search(text, max(0, toks[k - 1][0] - 40), toks[k - 1][1]))


_IN_PLACE_END = re.compile(r"\b(?:in|of|from|at|near)(?:\s+[A-Z][\w.'-]*){1,3}$")


def _campus_after_university(text: str, toks, k: int, j: int) -> bool:
    """Whether tokens ``k``..``j`` are the campus after a state's university ("the
    University of California, Berkeley"): the subject goes on through the comma."""
    return (text[toks[k - 1][1]:toks[k][0]] == ", "
            and campus_after(text[max(0, toks[k - 1][0] - 40):toks[k - 1][1]], text[toks[k][0]:toks[j][1]]))


def _plural_head(toks, k: int, j: int, verb: str) -> bool:
    """Whether tokens ``k``..``j`` open with a lower-case noun phrase of at most four words
    whose last word names people or records in the plural ("local GOP leaders", "protest
    organizers in ...", "campaign finance records") before a verb that agrees with it (not
    "says", and no participle: "carrying signs saying")."""
    if verb.endswith(("s", "ing")) and not verb.endswith("ss"):
        return False
    if any(t[2].lower() in _NOT_HEAD_WORDS for t in toks[k:j + 1]):
        return False  # "group of hackers who U.S. officials say": the subject is another's
    head = []
    for t in toks[k:j + 1]:
        if t[2].lower() in _PREPOSITIONS:
            break
        head.append(t[2])
    if not 1 <= len(head) <= 4 or not head[0][:1].islower():
        return False
    last = head[-1]
    return (last in GROUP_NOUNS or (_PEOPLE_PLURAL.search(last) is not None and last not in _NOT_PEOPLE_PLURALS)) and all(
        w.replace("-", "").isalpha() for w in head)


_NOT_PEOPLE_PLURALS = frozenset("waters matters numbers quarters borders orders powers answers centers "
                                "events percents contents incidents elements segments moments".split())
_NOT_HEAD_WORDS = frozenset("who whose that which among through amid including".split())
# plural nouns for people ("organizers", "specialists", "politicians", "participants",
# "representatives") and for records ("documents", "filings", "records", "polls")
_PEOPLE_PLURAL = re.compile(r"(?:[a-z]{2}(?:ers|ors|ists|ians|ants|ents|ives|ees)|documents|filings|records|polls"
                            r"|surveys|groups|courts|elders|foes|hands|officials)$")


_DASHES = frozenset({"\u2014", "\u2013", "--"})


def _aside_start(text: str, toks, k: int, floor: int) -> int | None:
    """The first token of a dashed or bracketed aside that ends just before token ``k`` ("X
    — where Parkland is located — said", "Kasich (who has 25 delegates) said"), or None."""
    if k <= 0 or k >= len(toks):
        return None
    dash = text[toks[k - 1][1]:toks[k][0]].strip()
    if dash not in _DASHES and dash != ")":
        return None
    opening = "(" if dash == ")" else dash
    for m in range(k - 1, max(1, k - 15) - 1, -1):
        if toks[m][0] < floor:
            return None
        gap = text[toks[m - 1][1]:toks[m][0]]
        if gap.strip() == opening:
            return None if _PARTY.match(toks[m][2]) else m  # "(R-Texas)" is the name's own
        if gap != " " and not (gap == ", " and opening != "("):
            return None  # other punctuation inside: not one aside (a dashed one may list:
            # "Many speakers — including Muslims, Christians, Jews — said")
    return None


# Subject pronouns take no words before them; relative words open a clause.
_SUBJECT_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i", "you"))
_RELATIVE_WORDS = frozenset(("who", "whom", "whose", "that", "which"))


_COPULA_OPENERS = frozenset(("it's", "that's", "there's", "here's", "what's"))
# participles that report what follows them (not "writing songs", "adding provisions")
_CLAUSE_PARTICIPLES = frozenset("saying telling calling describing arguing insisting claiming warning noting "
                                "explaining declaring asking".split())
# "The group also pasted up posters explaining": words between a subject and its verb
_BETWEEN_SUBJECT_AND_VERB = frozenset("also then later just again".split())
# a subject whose head is a lower-case noun: a role ("The Vermont senator") or a body of people
_ROLE_OR_GROUP = re.compile(rf"{_ROLE}|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w'\u2019-]+\s+){{0,2}}"
                            rf"(?:group|company|campaign|committee|party|administration|government|agency|{'|'.join(sorted(GROUP_NOUNS))})")
_MESSAGE_VERBS = frozenset("emailed e-mailed tweeted texted messaged wrote posted published".split())
_MESSAGES = frozenset("""statement release letter tweet tweets post email e-mail emails memo note message notice
video ad advertisement flyer mailer petition report op-ed editorial column blog""".split())
_WEEKDAYS = frozenset(day.capitalize() for day in WEEKDAYS)
_HOW_OFTEN = frozenset("many several countless numerous multiple few".split())  # ... before "times"
_MEDIUM_THEN_NAME = re.compile(r"(?:(?:state|official|private)(?:-run|-owned|-controlled)?\s+)?(?:news\s+agency|media|"
                               r"broadcaster|television|TV|newspaper|daily|tabloid|radio|outlet|network|news\s+site)"
                               r"\s+[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3}")
_IMPERATIVES = frozenset("try consider avoid remember join click visit".split())
_WHAT_WAS_SAID = frozenset(("nothing", "everything", "anything", "whatever"))


def _capital_runs(toks, lo: int, hi: int) -> list[int]:
    """Indexes in ``lo:hi`` where a run of capitalised words starts ("a dynamic Greenberg": 2)."""
    return [m for m in range(lo, hi) if toks[m][2][:1].isupper() and not toks[m - 1][2][:1].isupper()]


_MANY = frozenset("multiple numerous various at".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())


def _made_public(toks, m: int) -> bool:
    """"An indictment made public on Friday said": "made" names when, no clause of its own."""
    return toks[m][2] == "made" and m + 1 < len(toks) and toks[m + 1][2] == "public"


_MODAL_NAMES = frozenset(("May", "Will"))  # Theresa May, George Will: a name before "said"
_FINITE_SPEECH = frozenset("""said says told tells wrote writes added adds argued argues noted notes
warned warns asked asks replied insisted insists explained explains""".split())


def _modal_name(toks, j: int, i: int) -> bool:
    """Whether the modal-looking word at ``j`` is a name: "May" or "Will", capitalised, right
    before a finite speech verb ("“...,” May said"; "may said" is no English)."""
    return j == i - 1 and toks[j][2] in _MODAL_NAMES and toks[i][2] in _FINITE_SPEECH


_OWNERS = frozenset({"his", "her", "their", "my", "our"})
_PAIRED_PRONOUNS = frozenset({"he", "she", "i", "we", "they"})


_BY_AN_OUTLET = re.compile(r" by (?:the |[A-Z])")  # (not "an article cited by her campaign quoted")
# "and carried by IRNA" after a document's maker ("a statement issued by the ministry and ...")
_AND_CARRIED = re.compile(rf"and\s+{OBTAINED_BY}\s")


def _degree_of_adverb(toks, j: int, i: int) -> bool:
    """Whether token ``j`` is the "most" or "more" of an adverb before the verb ("The agency
    most recently reported"), not a subject ("Most said")."""
    return (j + 1 < i and toks[j][2].lower() in {"most", "more"}
            and toks[j + 1][2].lower().endswith("ly") and toks[j + 1][2].lower() in AUX)


_DEMONSTRATIVES = frozenset(("this", "that", "these", "those"))
# what a writer infers from, after a demonstrative: no report and no document ("That disproportionate impact
# suggests Washington ... might do well to reassess"; "the new evidence suggests" is one)
_INFERENCE_HEADS = frozenset("""factor factors opener impact effect effects trend trends pattern patterns shift
change changes gap difference correlation approach decision move""".split())


def _adverb_after_aux(toks, j: int) -> bool:
    """Whether token ``j`` is an adverb in "-ly" after an auxiliary ("cannot necessarily
    claim", "He also openly said", "was widely criticized"): how, not who, as the auxiliary."""
    word = toks[j][2]
    return j > 0 and word.endswith("ly") and word.islower() and toks[j - 1][2].lower() in AUX


def _second_noun_phrase(text: str, toks, k: int, j: int) -> int | None:
    """The token opening a second noun phrase inside subject tokens ``k..j``: "the" right
    after a capitalised noun that follows a lower-case word ("the only Amendment the Founding
    Fathers", not "Rock the Vote"); None when there is none."""
    for m in range(j - 1, k + 1, -1):
        if (toks[m][2] == "the" and toks[m - 1][2][:1].isupper() and toks[m - 1][2].isalpha()
                and text[toks[m - 1][1]:toks[m][0]] == " " and toks[m - 2][2].islower()):
            return m
    return None


def _subject_before(text: str, toks, i: int, floor: int) -> tuple[int, int] | None:
    """Offsets of the subject ending just before token ``i`` (walking back over auxiliaries)."""
    j = i - 1
    while j >= 0 and (toks[j][2].lower() in AUX or toks[j][2].lower() in DEGREE_ADVERBS
                      or (toks[j][2] == "both" and j > 0 and toks[j - 1][2][:1].isupper()
                          and toks[j - 1][2].lower() not in _CONJUNCTIONS)  # "Bolton and Gorka both said"
                      or _degree_of_adverb(toks, j, i)
                      # "cannot necessarily claim": an adverb after an auxiliary is how, not who
                      or _adverb_after_aux(toks, j)) \
            and not _boundary(text, toks, j + 1) and not _modal_name(toks, j, i):
        j -= 1
    if j > 1 and "who" in text[toks[max(0, j - 24)][0]:toks[j][0]] and (unnamed := _who_unnamed(text, toks, j, floor)):
        return unnamed
    if j > 0 and toks[j][2].lower() in _SUBJECT_PRONOUNS and toks[j - 1][2].lower() not in {"and", "or", "of"}:
        # a subject pronoun takes no words before it: "notifies people who it thinks could",
        # "But, to cover his tracks ..., he explained", "told WeWork executives he wants"
        return toks[j][0], toks[j][1]
    aside, closing = _aside_start(text, toks, j + 1, floor), 0
    if aside is not None:
        # "officials in Broward County — where Parkland is located — announced": the
        # subject is before the aside, which the source span keeps (as an appositive)
        closing = len(text[:toks[j + 1][0]].rstrip())
        j = aside - 1
    elif j < 0 or _boundary(text, toks, j + 1):
        return None
    end, k = toks[j][1], j
    if toks[k][2].lower() == "who":
        return toks[k][0], max(end, closing)
    # a relative clause makes a subject longer: "The man who built his career on blue collar
    # credentials said"
    # (so does a document's maker and its carrier: "A statement issued by the foreign ministry
    # and carried by IRNA said")
    # (and so does a body named for where people are from: "Stephen S. Cohen and J. Bradford
    # DeLong of the University of California, Berkeley suggest")
    longest = 14 if (_WHO.search(text, toks[max(0, j - 12)][0], toks[j][0])
                     or _AND_CARRIED.search(text, toks[max(0, j - 12)][0], toks[j][0])
                     or _OF_A_BODY.search(text, toks[max(0, j - 12)][0], toks[j][0])) else 9
    while k > 0 and j - k < longest:
        prev = toks[k - 1][2].lower()
        if _boundary(text, toks, k) and not (_state_after_place(text, toks, k, j)
                                              or _campus_after_university(text, toks, k, j)):
            break
        if prev == "and" and _AND_CARRIED.match(text, toks[k - 1][0]):
            k -= 1  # "... issued by the ministry and carried by IRNA": one document, two participles
            continue
        if prev in CLAUSE_WORDS and not (prev in {"and", "or"} and k >= 2 and (
                # "Officials in Iowa and Ohio say", "people on IRC or Stackoverflow claim"
                (toks[k][2][:1].isupper() and toks[k - 2][2][:1].isupper())
                # "he and his wife Kali explained", "he and Brafman had said": a pronoun and
                # someone of theirs, or named
                or ((toks[k][2].lower() in _OWNERS or toks[k][2][:1].isupper())
                    and toks[k - 2][2].lower() in _PAIRED_PRONOUNS))) \
                and not (prev in {"that", "this"} and toks[k - 1][0] == floor and toks[k - 1][2][:1].isupper()):
            break  # (a sentence's opening "That report found": a determiner, part of the subject)
        if (prev in SPEECH_VERBS or prev in FINDING_VERBS) and not DOCUMENT_SEEN.match(text, toks[k - 1][1]) and not (
                prev in QUOTED_BY_VERBS and _BY_AN_OUTLET.match(text, toks[k - 1][1])) and not (
                k >= 3 and toks[k - 2][2] == "who"):
            # ("intelligence reports seen by Reuters suggest", "A diplomat quoted by Reuters said": the noun's;
            # a who-clause's verb says which ones: "The Republican who wrote the speech says",
            # "the groups who wrote to her say")
            break
        k -= 1
    if k < j and toks[k][2].lower() in {"and", "or"}:
        k += 1  # "Pat Toomey (Pa.) and Chuck Grassley (Iowa) have denounced": no "and" opens a subject
    before = _time_before(toks, j)
    if before < j:
        # "Amnesty International on Tuesday said", "Lionsgate yesterday announced": the time
        # is not the speaker. With nothing before it, this walk finds none: "X, who ..., on
        # Friday described" is the appositive rule's, "X did Y but on Monday said" the
        # coordinated rule's.
        if before < k:
            return None
        j = before
    if toks[k][2].lower() in {"on", "last"} and j - k >= 2 and toks[k + 1][2] in _WEEKDAYS:
        k += 2  # "On Monday the mayor said": when, then who
    if toks[k][2].lower() in _SUBJECT_OPENERS and not (
            toks[k][2].lower() == "at" and k < j and toks[k + 1][2].lower() in {"least", "most"}):
        # "Prior to launch Google said": keep the final run of capitalised words ("At least
        # half of voters say" is a quantity, no opening)
        runs = _capital_runs(toks, k + 1, j + 1)
        if not runs:
            return None
        k = runs[-1]
    copula = next((m for m in range(k, j) if toks[m][2].lower().replace("\u2019", "'") in _COPULA_OPENERS), None)
    if copula is not None:
        # "It's a dynamic Greenberg said could drive ...": what the speaker said is described
        # first; the speaker is the capitalised run after it ("a dynamic [that] Greenberg said")
        # ("That's the takeaway from freshly filed Federal Election Commission reports": a
        # preposition before the run makes it an object, not a speaker)
        runs = _capital_runs(toks, copula + 1, j + 1)
        if not runs or any(toks[m][2].lower() in _PREPOSITIONS for m in range(copula + 1, runs[-1])):
            return None
        k = runs[-1]
    if j - k >= 2 and toks[k][2] in {"This", "That", "Next", "Last"} and toks[k + 1][2].lower() in {
            "time", "week", "year", "month"}:
        k += 2  # "This time he replied", "Last week the mayor said": the time is not the speaker
    elif j - k >= 2 and toks[k][2].lower() in _HOW_OFTEN and toks[k + 1][2].lower() == "times":
        k += 2  # "no matter how many times people told him": how often, not who
    elif j > k and toks[k][2] in _WEEKDAYS and toks[k + 1][2].lower() in {"the", "a", "an", "his", "her", "their"}:
        k += 1  # "in a tweet Monday the mayor said": the day is not the speaker
    elif j - k >= 2 and toks[k][2] in {"No", "Small"} and toks[k + 1][2] == "wonder":
        k += 2  # "No wonder Trump said": the aside is not the speaker
    elif j - k >= 2 and toks[k][2] in {"Looks", "Seems", "Sounds"} and toks[k + 1][2] == "like":
        k += 2  # "Looks like someone told Trump that ...": the guess is not the speaker
    end = toks[j][1]
    start = max(toks[k][0], floor)
    np = text[start:end]
    first = np.split(None, 1)[0] if np and not np.isspace() else ""
    if not first or toks[j][2].lower() in _NOT_SUBJECT_ENDS or (j > k and toks[j][2].lower() in {"this", "these"}) or (
            j > k and toks[j][2].lower() == "all" and toks[j - 1][2].lower() == "of"):
        # ("He bases this claim on", "Forty-three percent of all reported contributions": a
        # demonstrative after other words, or "of all", is a noun's, which the verb's form modifies)
        return None
    if j > k and (toks[k][2] in _LEADING_ADVERBS or (  # "Now research shows": the adverb is not the source
            toks[k][2] in _SEQUENCE_ADVERBS and (toks[k][2] not in _ORDINALS or toks[k + 1][2][:1].islower()))
            or toks[k][2].lower() == "something"):  # "- something Sanders aides argue is possible"
        k += 1
        start = toks[k][0]
        np = text[start:end]
        first = np.split()[0]
    if (cut := _second_noun_phrase(text, toks, k, j)) is not None:
        # "... infringing on the only Amendment the Founding Fathers wrote": a noun, then
        # "the" with no word between them, opens a relative clause; its subject speaks
        k, start = cut, toks[cut][0]
        np = text[start:end]
        first = np.split()[0]
    fl = first.lower()
    if j > k and fl.endswith("ing") and first[:1].isupper() and toks[k + 1][2].lower() in _PREPOSITIONS:
        # "Following with a few more tweets, @keizi666 emphasizes": an opening participle's
        # phrase; the speaker is a capitalised run after it, if any
        runs = _capital_runs(toks, k + 2, j + 1)
        if not runs:
            return None
        k = runs[-1]
        start = toks[k][0]
        np = text[start:end]
        first = np.split()[0]
        fl = first.lower()
    if fl in _IMPERATIVES and j > k:
        return None  # "Try joining a local yoga studio to start adding ...": advice to the reader
    if fl in DEGREE_ADVERBS and all(w.endswith("ly") for w in np.split()[1:]):
        return None  # "and almost immediately disclosed them": how, not who
    if np.strip(" ,").lower() in _CONJUNCTIONS:
        return None  # "But, said Solovey, “...”": the speaker follows the verb
    if fl in _WHAT_WAS_SAID and " " in np.strip():
        return None  # "Nothing the president said will assuage ...": what was said, a relative clause
    if np.lower() in {"that", "this", "needless", "having", "that's", "this is"} or (
            np.lower() == "all" and toks[i][2].lower() == "told"):  # "All told, ...": in all
        return None  # "That said, ..."
    if fl in _DEMONSTRATIVES and j > k and (all(t[2].endswith("ly") for t in toks[k + 1:j + 1])
                                            or toks[j][2].lower() in _INFERENCE_HEADS):
        return None  # "This essentially says", "this factor predicts": a reading of a thing, no one's claim
    if not (first[:1].isupper() or first[:1].isdigit() or fl in DETERMINERS or fl in QUANTIFIERS or fl in PRONOUNS or ANON_HEADS.match(first)
            or fl in GROUP_NOUNS or VAGUE_SOURCE.match(np) or FINDING_HEADS.match(first)
            or (fl in _NUMBER_WORDS and j > k)  # "while nine in 10 said", "two of the three said"
            or (fl in _MANY and j > k)  # "multiple sources privy to negotiations say", "At least half of voters say"
            # "federal officials", "law enforcement officials": lower-case words before the head
            or (j - k <= 3 and ANON_HEADS.fullmatch(toks[j][2]))
            or (fl in _NAME_PARTICLES and j > k and toks[k + 1][2][:1].isupper())  # "de Blasio"
            # "campaign chairman John Podesta told", "co-host Mika Brzezinski asked"
            or (j - k >= 2 and toks[j][2][:1].isupper() and toks[j - 1][2][:1].isupper() and _role_then_name(np))
            # "local GOP leaders say", "protest organizers in Cleveland say": people, in the plural
            or _plural_head(toks, k, j, toks[i][2])
            # "..., state news agency KCNA reported": an outlet after what it is
            or _MEDIUM_THEN_NAME.fullmatch(np)
            # "..., comments carried by IRNA showed": the words, through the outlet
            or CARRIED_WORDS.fullmatch(np)):
        return None
    head_end = j + 1
    for m in range(k, j + 1):
        if toks[m][2].lower() in {"who", "whose", "that", "which"}:
            head_end = m
            break
    if toks[i][2] in _CLAUSE_PARTICIPLES:
        for m in range(k + 1, head_end):
            if not (_PAST.match(toks[m][2]) or toks[m][2] in _CLAUSE_VERBS):
                continue
            s = m - 1 if m - 1 == k or toks[m - 1][2] not in _BETWEEN_SUBJECT_AND_VERB else m - 2
            if (toks[s][2][:1].isupper() and toks[s][2].lower() not in DETERMINERS) or (
                    (toks[m][2] in _MESSAGE_VERBS or toks[i - 1][2].lower() in _MESSAGES) and (
                        (s == k and toks[s][2] in _SUBJECT_PRONOUNS)
                        or (s > k and _ROLE_OR_GROUP.fullmatch(text, toks[k][0], toks[s][1])))):
                # "Sanders started out their ninth debate saying": the clause's subject says
                # it; a pronoun or a role only when what it sent says it ("The Vermont
                # senator emailed supporters saying", "she released a statement saying"; not
                # "she kept telling me no", "he began calling Libyan groups")
                return toks[k][0], toks[s][1]
    at_least = fl == "at" and j > k and toks[k + 1][2].lower() in {"least", "most"}  # "At least half of voters"
    if (fl in _PREPOSITIONS and not at_least) or any((t[2] in _CLAUSE_VERBS and not _made_public(toks, m))
                                  or "n't" in t[2] or "n\u2019t" in t[2]
                                  for m, t in enumerate(toks[k:head_end], k)) or any(
            _PAST.match(toks[m][2]) and toks[m - 1][2][:1].isupper() and toks[m - 1][2].lower() not in DETERMINERS
            and m + 1 < head_end and (toks[m + 1][2][:1].isupper() or toks[m + 1][2].lower() in DETERMINERS)
            for m in range(k + 1, head_end)):
        return None  # "With ...", "Nadal kept Spain's ...": a clause, not a speaker
    if j - k >= longest:  # a subject this long is a clause, not a speaker
        return None
    if toks[j][2] in _WEEKDAYS and all(t[2][:1].isupper() for t in toks[k:j + 1]):
        return None  # "voters going to the polls on Super Tuesday said": a day, no speaker
    if text.count("(", start, end) > text.count(")", start, end):
        close = _CLOSE_PAREN.match(text[end:end + 2])
        if close:
            end += close.end()  # keep a party tag whole: "Sen. John Cornyn (R-Texas)"
    return start, max(end, closing)


_OBJECT_VERBS = frozenset("told tells tell asked asks ask assured reminded informed warned urged".split())
# a month's abbreviation is no sentence's end: "told VOA's Carla Babb on Nov. 20 that"
_MONTH_DOT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_OBJECT_THEN_CLAUSE = re.compile(
    r"\s+(?P<obj>(?!(?:that|whether|why|if|how|what|when|by)\b)(?:%s|[^,.;:\u201c\u201d\"\n]){1,60}?"
    # "the paper, The Chief, that", "investors of New Media, its parent, on Oct. 31 that"
    r"(?:,\s+[^,.;:\u201c\u201d\"\n]{1,40},(?:\s+(?:%s|[^,.;:\u201c\u201d\"\n]){1,30}?)?)?)\s+(?=(?:that|whether|why|if|how)\s)"
    % (_MONTH_DOT, _MONTH_DOT))
# "boasted of his appeal to voters that ...": of what the boast was (the "that" is the noun's)
_OF_MEANS_ABOUT = frozenset("boasted boasts bragged brags complained complains warned warns spoke speaks".split())
_OF_TOPIC = re.compile(r"\s+of\s+[^,.;:\u201c\u201d\"\n]{1,60}?(?=\s*:|\s+that\b|,\s*[\u201c\"])")  # "said of the senator, “...”"
_TO_WHOM_THAT = re.compile(r"\s+to\s+(?P<obj>(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3}|him|her|them|us|me)"
                           r"\s+(?=that\s)")
_ASIDE_THEN_THAT = re.compile(r"\s*,\s*[^,.;:\u201c\u201d\"\n]{1,40},\s*(?=that\s)")


# Where reported speech gives way to the speaker's next act: "... and asked whether ...",
# "..., but lamented that ...". (Cutting at ", while ...", ", making ..." or a dash was
# measured too: no better or worse on dev.)
_CONTENT_STOP = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:late|early|on|last|this)\s+[A-Z]?[a-z]+\s+)?(?:(?:he|she|they|we|I)\s+)?"
    r"(?:also\s+|then\s+|later\s+)?(?:said|says|asked|added|called|urged|argued|noted|told|announced|"
    r"warned|insisted|pressed|lamented|acknowledged|denied|claimed|suggested|vowed|promised|declined|refused|"
    r"questioned|accused|criticized|praised|defended|pointed|points|goes|went)\b")
_CONTENT_STOP_AFTER = 12  # characters of content before a stop counts
# "Ruiz wrote to the board, saying ...": the participle carries the report, not "wrote"
_TO_SOMEONE_THEN_PARTICIPLE = re.compile(r"(?:to|about|on)\s[^,.;:\u201c\u201d\"]{1,60},\s+(?:saying|adding|writing|noting|arguing|telling)\b")


# ... or another speaker's report joined on: "... is on track, and Brian Deese, the White House
# climate change adviser, said ...", "... worse than today, while nine in 10 said ..."
_OTHER_SPEAKER_STOP = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?!(?:he|she|they|we|I|it)\b)[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,5}?"
    r"(?:,\s[^,;:\u201c\u201d\"]{1,90},)?\s+(?:said|says|told|added|argued|noted|insisted|warned|contended|contends)\b"
    # "... she is prepared, compared with the 30 percent who say the same"
    r"|,\s+compared\s+(?:with|to)\s+[^,;]{1,60}?\s+who\s+(?:say|says|said)\b"
    # a participle's report of its own ("warned the Fed not to act, noting limited gains"): ``_adding``
    r"|,\s+(?:while\s+)?(?:adding|noting|saying|explaining|arguing|stressing|insisting|citing|pointing\s+out|declaring|"
    r"acknowledging)\s+that\b")


def _content_end(text: str, start: int, end: int) -> int:
    if end - start <= _CONTENT_STOP_AFTER:
        return end
    m = _CONTENT_STOP.search(text, start + _CONTENT_STOP_AFTER, end)
    if m:
        end = m.start()
    if ", " in text[start:end]:
        other = _OTHER_SPEAKER_STOP.search(text, start + _CONTENT_STOP_AFTER, end)
        if other:
            end = other.start()
    return end


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
    m = _TO_WHOM_THAT.match(rest) if rest.startswith(" to ") else None
    if m:
        obj = obj or m.group("obj")  # "confirmed to WIRED that ...": whom it was said to
        pos += m.end()
        rest = text[pos:end]
    m = _OF_TOPIC.match(rest) if rest.startswith(" of ") and verb.lower() not in _OF_MEANS_ABOUT else None
    if m:
        pos += m.end()  # "said of the request: ...", "said of Trump that ...": whom it was about
        rest = text[pos:end]
    m = _ASIDE_THEN_THAT.match(rest)
    if m and not _FINITE.search(m.group(0)):
        pos += m.end()  # "said, without evidence, that ...": the aside is the writer's
    return pos, obj


def _told_via(reader: _Reader, obj: str | None) -> str | None:
    """The relay that the one told names: an outlet ("told Reuters"), or media of a kind
    ("told state TV": a hop with no name); None for anyone else ("told reporters")."""
    if not obj:
        return None
    outlet = reader.outlet(obj)
    if outlet is not None:
        return outlet.name
    return obj if unnamed_media(obj) else None


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
                if unnamed_media(m.group("np")):
                    via.append(m.group("np").removeprefix("the "))  # "..., he told state TV": unnamed
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
_TITLE_ABBREV = frozenset(t.lower() for t in TITLE_ABBREVIATIONS)
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]{2,4})\Z")
_NAME_RUN = re.compile(r"[^,.;:?!\u201c\u201d\"\n]+")


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
    speech verb ("said Ruiz, who told reporters ..." reports again; a capitalised word is a
    name's: "the European Center for Medium-Range Weather Forecasts")."""
    return not _APPOSITION_BREAK.search(tail) and _SPEECH_WORDS.isdisjoint(
        w for w in _letters(tail).split() if not w[:1].isupper())


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


_BULLET = re.compile(r"[-*\u2022\u2013\u2014\u25aa\u25ba\u00b7]+\s+")


def _claim_start(reader: _Reader, para: Span, qs: int) -> int:
    """Where the claim holding a quote starts: the sentence's start when the words before
    the quote are part of it ('Trump and Clinton have "very different goals," she said'),
    else the quote's. Not when they hold another quote or a cue of their own, end with a
    colon, or lie before a line break."""
    text = reader.text
    start = _sentence_start(reader, max(para.start, qs - 300, text.rfind("\n", 0, qs) + 1), qs)
    bullet = _BULLET.match(text, start, qs)  # "- “You have to ask ...,” he tells Axios": a list item
    if bullet:
        start = bullet.end()
    before = text[start:qs].rstrip()
    if not before or before.endswith(":") or _QUOTE_MARKS.search(text, start, qs):
        return qs  # "Clinton seemed irritated: “...”": the words before the colon are the writer's
    if not CUE_WORDS.isdisjoint(_letters(text[start:qs].lower()).split()):
        return qs
    return _bounds(text, start, qs)[0]


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


_PERCEIVED = frozenset("heard seen overheard caught filmed recorded spotted".split())


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
            while j > 0 and toks[j][2].lower() in AUX and not _modal_name(toks, j, i):
                j -= 1
            if j > 1 and word.lower().endswith("ing") and toks[j][2].lower() in _PERCEIVED and (
                    toks[j - 1][2].lower() in _PASSIVE_AUX):
                j -= 2  # "..., the man could be heard saying": who was heard is the speaker
                while j > 0 and toks[j][2].lower() in AUX:
                    j -= 1
            if (toks[j][2].lower() in AUX and not _modal_name(toks, j, i)) or any(
                    t[2].lower() == "according" for t in toks[:i]):
                return None
            first = 1 if j > 0 and toks[0][2].lower() in {"and", "but"} else 0  # "..., and critics told"
            return toks[first][0], toks[j][1], ts, te
    return None


def _sentence_start(reader: _Reader, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (``normalize.sentences``' split, made once
    per text), looking back no further than ``lo``: a subject never reaches into the
    sentence before ("... each other. She said, “...”")."""
    starts = reader.sentence_starts
    i = bisect_right(starts, pos) - 1
    return max(lo, starts[i]) if i >= 0 else lo


def _sentence_end(reader: _Reader, pos: int, limit: int) -> int:
    """Where the sentence holding ``pos`` ends (``normalize.sentences``' split, which knows
    "U.S." and "Sen." are no full stops), at most ``limit``."""
    starts = reader.sentence_starts
    k = bisect_right(starts, pos)
    return min(starts[k], limit) if k < len(starts) else limit


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


_APPOSITION_THEN_COMMA = re.compile(r",\s*[^,.;:\u201c\u201d\"\n]{1,80}?(?=,)")


def _adding(reader: _Reader, att: Attribution, pos: int, end: int) -> None:
    """", adding that ..." after a cue: a second attribution to the same speaker."""
    text = reader.text
    m = ADDING.match(text[pos:end])
    if not m:
        # "said Peter Rice, chairman of Fox Networks Group, noting that ...": past the speaker's
        # apposition
        aside = _APPOSITION_THEN_COMMA.match(text, pos, end)
        m = ADDING.match(text[aside.end():end]) if aside else None
        if not m:
            return
        pos = aside.end()
    cue = _span(text, pos + m.start("cue"), pos + m.end("cue"))
    after = pos + m.end()
    that = text.rfind("that", pos + m.end("cue"), after)  # "adding that ...": the "that" stays, as
    content = _strip_content(text, that if that >= 0 else after, end)  # PolNeAR marks it
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


_QUOTE_MARKS = re.compile(r"[\u201c\u201d\"]")
