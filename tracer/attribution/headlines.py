"""A headline's or a lede's speaker, named as the body names them.

Headlines describe who speaks ("DNC chair dismisses ...", "OK Gov Fallin: ...", "Hillary vows
...", "British diplomat praises ..."), and so do ledes ("A lawmaker in the Philippines is
calling for ..."); the body names the person in full. Read after every speaker is resolved
(``_Reader.resolve_all``): pure, attributions in, attributions out.
"""

from __future__ import annotations

import re

from .. import names as _names
from ..models import Attribution

# words of a headline's speaker that say nothing of who it is; the roles that make it one person's
_HEADLINE_FILLER = frozenset("the a an new top former ex says said".split())
_PERSON_ROLES = frozenset("""
chair chairman chairwoman chief diplomat ambassador son daughter wife husband mother father brother
sister gov governor senator sen rep congressman congresswoman president ceo spokesman spokeswoman
aide adviser advisor lawyer attorney judge mayor minister secretary candidate nominee founder
""".split())
# a titled surname: "OK Gov Fallin", "Sen. Cruz"
_TITLED_HEAD = re.compile(r"(?:[A-Z]{2}\s+)?(?:Gov|Sen|Rep|Mayor|Governor|Senator|President|Dr|Mr|Mrs|Ms)\.?\s+[A-Z]")
_HEAD_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
# a person's full name: "Mary Fallin", "Harry B. Harris"
_FULL_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+| [A-Z]\.)* [A-Z][\w'\u2019-]+")
# the titles just before a name ("British Ambassador to the United States ", "Democratic
# National Committee Chair "), and an apposition after it (", president of the Service
# Employees International Union,")
_TITLES_BEFORE = re.compile(r"(?:(?:[A-Z][\w.'\u2019-]*|of|to|the|for|and|%s)\s+)+$" % "|".join(sorted(_PERSON_ROLES)))
_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+)?[a-z][^,.;\n]{0,80}")
_CAPITAL_RUN_OF = re.compile(r"(?:[A-Z][a-z]+ ){1,5}[A-Z][a-z]+")  # "Democratic National Committee"
_PRONOUN_WORDS = frozenset("he she they it i we you who his her".split())  # a headline's "He", left as is


def name_speakers(text: str, headline_end: int, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` with each headline speaker the body never names so ("DNC chair", "OK Gov
    Fallin", "Hillary", "British diplomat", "Trump’s Son") renamed as the first person the
    body names in full whose name, or the titles around its first writing, fit the headline's
    words ("Democratic National Committee Chair Debbie Wasserman Schultz", "British diplomat
    Sir Peter Westmacott", "his son Eric Trump"): see ``_namesake``. ``headline_end``: where
    the headline (the first line) ends."""
    if headline_end <= 0:
        return atts
    head = [k for k, a in enumerate(atts) if a.cue.start < headline_end and a.source is not None
            and a.source.end <= headline_end and isinstance(a.speaker, str)]
    if not head:
        return atts
    body = [a for a in atts if a.cue.start >= headline_end and a.source is not None and isinstance(a.speaker, str)]
    in_body = {a.speaker for a in body}
    out = list(atts)
    for k in head:
        att = out[k]
        if att.speaker in in_body or _PRONOUN_WORDS.issuperset(att.speaker.lower().split()):
            continue
        found = _namesake(text, headline_end, att.source.text, body)
        if found is not None:
            out[k] = Attribution(att.cue, att.kind, att.source, att.content, found.speaker,
                                 att.via, found.anonymous, att.vague, att.rule)
    return out


def _namesake(text: str, headline_end: int, phrase: str, body: list[Attribution]) -> Attribution | None:
    """The first of ``body`` naming a person the headline's ``phrase`` describes: a given
    name alone ("Hillary") is the full name it opens, a titled surname ("OK Gov Fallin") the
    one it ends; a role ("DNC chair", "British diplomat") a name whose titles hold the role's
    other words or spell its acronym. None when the phrase is a full name or none of these,
    or nobody fits."""
    words = _HEAD_WORD.findall(phrase)
    if not words or _FULL_NAME.fullmatch(phrase.strip()):
        return None
    owners = {w[:-2].lower() for w in words if w.endswith(("'s", "\u2019s"))}  # "Trump’s Son"
    keys = {w.lower() for w in words} - _HEADLINE_FILLER
    roles = keys & _PERSON_ROLES
    given = words[0] if len(words) == 1 and words[0] in _names.GIVEN else None
    titled = words[-1] if len(words) >= 2 and _TITLED_HEAD.match(phrase) else None
    if not (roles or given or titled):
        return None
    qualifiers = {k for k in keys - roles if not k.endswith(("'s", "\u2019s"))} | owners
    acronyms = {w for w in words if w.isupper() and 2 <= len(w) <= 6}
    for a in body:
        if a.anonymous or not _FULL_NAME.fullmatch(a.speaker):
            continue
        first, last = a.speaker.split()[0], a.speaker.split()[-1]
        if (given and first == given) or (titled and last == titled):
            return a  # "Hillary" is Hillary Clinton; "OK Gov Fallin" Mary Fallin
        if not roles or not qualifiers:
            continue
        # the words around the body's first writing of the full name: its titles before it,
        # an apposition after it ("Mary Kay Henry, president of the Service ...")
        at = text.find(a.speaker, headline_end)
        if at < 0:
            continue
        titles = _titles(text, headline_end, at, a.speaker)
        title_words = {w.lower() for w in _HEAD_WORD.findall(titles)}
        initials = {"".join(w[0] for w in run[i:j]) for run in
                    (r.split() for r in _CAPITAL_RUN_OF.findall(titles))
                    for i in range(len(run)) for j in range(i + 2, len(run) + 1)}
        if (qualifiers - owners) & title_words or acronyms & initials or (
                owners & {last.lower()} and roles & title_words):
            return a  # "DNC chair": Democratic National Committee Chair Debbie Wasserman Schultz
    return None


def _titles(text: str, floor: int, at: int, name: str) -> str:
    """The titles before the name written at ``at`` and the apposition after it."""
    before = _TITLES_BEFORE.search(text, max(floor, at - 100), at)
    after = _APPOSITION.match(text, at + len(name))
    return (before.group() if before else "") + " " + (after.group() if after else "")


# A lede describes the person it then names: "A lawmaker in the Philippines is calling for
# ...", then "“...,” Joey Salceda said"; "A spokesman for ... Hillary Clinton called ...",
# then "Clinton spokesman Brian Fallon said". The roles so described, with the titles that
# write each before a name ("Rep. Adam Schiff" is the headline's "Lawmaker").
_LEDE_ROLES = {
    **{w: frozenset({"lawmaker", "legislator", "rep", "representative", "congressman",
                     "congresswoman", "sen", "senator", "assemblyman", "assemblywoman", "mp"})
       for w in ("lawmaker", "legislator")},
    **{w: frozenset({"spokesman", "spokeswoman", "spokesperson"})
       for w in ("spokesman", "spokeswoman", "spokesperson")},
    **{w: frozenset({w}) for w in ("diplomat", "ambassador", "lawyer", "attorney", "adviser",
                                   "advisor", "aide", "minister", "senator", "congressman",
                                   "congresswoman", "governor", "mayor")},
}
# words of a description that say it is unnamed on purpose, or is more than one person
_KEPT_UNNAMED = re.compile(r"(?i)\b(?:familiar|anonymity|anonymous|unnamed|authori[sz]ed|"
                           r"another|other|one of|some|several|many)\b")
_DESCRIPTION = re.compile(r"(?:[Aa]n?\s+)?(?P<head>(?:[A-Z][\w.'\u2019-]*\s+)*)(?P<role>[A-Za-z]+)"
                          r"(?:\s+(?:for|of|in|from|to|at|on)\s+(?P<of>[^,;:\n]{1,80}))?")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_LEDE_PARAGRAPHS = 3  # the headline, a deck or dateline line, the lede
_NAMED_WITHIN = 1500  # characters after the description where its name must come


def name_described(text: str, starts: list[int], atts: list[Attribution]) -> list[Attribution]:
    """``atts`` with the unnamed speaker a headline or lede describes by one role ("A
    lawmaker in the Philippines", "Lawmaker", "A spokesman for ... Hillary Clinton")
    renamed, wherever the text says it, as the person the text names next: the first
    named speaker after it, when the titles of their first writing hold that role and
    one of the description's own names, if it has any ("Clinton spokesman Brian Fallon";
    a "Rep." is any lawmaker), or when a later "the lawmaker" was read as the description.
    ``starts``: where the text's paragraphs start."""
    lede_end = starts[_LEDE_PARAGRAPHS] if len(starts) > _LEDE_PARAGRAPHS else len(text)
    out = list(atts)
    for a in atts:
        if not (a.anonymous and a.source is not None and isinstance(a.speaker, str)
                and a.source.start < lede_end):
            continue
        m = _DESCRIPTION.fullmatch(a.source.text.strip())
        if m is None or _KEPT_UNNAMED.search(a.source.text):
            continue
        role = m.group("role").lower()
        titles_of_role = _LEDE_ROLES.get(role)
        if titles_of_role is None:
            continue
        named = _named_next(text, a, out, role, titles_of_role, m)
        if named is None:
            continue
        out = [Attribution(b.cue, b.kind, b.source, b.content, named.speaker, b.via, False,
                           b.vague, b.rule)
               if b.speaker == a.speaker and b.anonymous else b for b in out]
    return out


def _named_next(text: str, described: Attribution, atts, role: str, titles_of_role, m):
    """The first named speaker after ``described`` if it is the person described (see
    ``name_described``), else None."""
    words = _HEAD_WORD.findall((m.group("head") or "") + " " + (m.group("of") or ""))
    own = {_POSSESSIVE.sub("", w.lower()) for w in words if w[:1].isupper()}  # "Clinton", "Philippines"
    for a in atts:
        if a.cue.start <= described.source.end or a.source is None or a.anonymous:
            continue
        if a.source.start > described.source.end + _NAMED_WITHIN:
            return None
        if not isinstance(a.speaker, str) or not _FULL_NAME.fullmatch(a.speaker) or (
                a.speaker.split()[0] not in _names.GIVEN):
            continue  # (not a person: "Associated Press")
        at = text.find(a.speaker, described.source.end)
        if at < 0:
            return None
        titles = _titles(text, described.source.end, at, a.speaker)
        title_words = {_POSSESSIVE.sub("", w.lower()) for w in _HEAD_WORD.findall(titles)}
        if title_words & titles_of_role and (not own or own & title_words or role in {"lawmaker", "legislator"}):
            return a  # "Clinton spokesman Brian Fallon", "Rep. Adam Schiff"
        later = any(b.speaker == described.speaker and b.source is not None and b.source.start > at
                    and b.source.text.lower().startswith("the " + role) for b in atts)
        return a if later else None  # ("the lawmaker, who ..." after Joey Salceda is named)
    return None
