"""Rules for a speaker before a colon: "Trump: “We will win”", interview transcripts, and
the headline topics and time stamps that look like speakers but are not.
"""

from __future__ import annotations

import re

from ..models import Span
from .reader import _Reader
from .speakers import _strip_content

_COLON_NAME = r"(?P<src>(?:[A-Z][\w.'\u2019-]*|of|the|in|on|and)(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the|in|on|and|to)){0,5})"
# "Trump: Cruz Has 'To Come a Long Way'" (a headline), "TAPPER: And obviously ..." (a transcript)
_COLON_LINE = re.compile(rf"{_COLON_NAME}(?P<cue>:)\s+(?P<content>[\"\u201c\u2018'A-Z].*)")
# "... - Philip Bump: “Two weeks ago ...”"
_COLON_QUOTE = re.compile(rf"(?:^|(?<=[-\u2014\u2013.]\s)){_COLON_NAME}(?P<cue>:)\s*(?P<content>[\"\u201c].*)", re.M)
# What every ``_COLON_QUOTE`` hit holds: a fast search that rules most paragraphs out.
_COLON_BEFORE_QUOTE = re.compile(r":\s*[\"\u201c]")
# Labels before a colon that name no speaker.
_NOT_SOURCES = frozenset("""
update edit watch exclusive breaking video live related the latest news guide analysis opinion editorial column photos
photo note editor's note read more see also listen correction and more from
credit credits via by image images pictures updated posted published filed date tags topics category
share summary advertisement sponsored disclaimer subscribe contact email phone background
wow look whoa clarification clarifications corrections bombshell boom busted shocking revealed leaked
confirmed yikes ouch huge epic unreal
""".split() + ["just in", "just leaked", "just released", "must see", "must read", "paid notice", "breaking news", "the latest", "news guide", "editor's note", "read more", "see also", "more from", "last updated",
               "first published", "sign up", "key takeaways", "the bottom line", "bottom line"])
# A headline's words before its colon that make a topic, not a speaker: a preposition
# ("Obama on Climate Change:"), or four words or more ("Elizabeth Warren Hammers Wells Fargo CEO:")
_TOPIC = re.compile(r"(?i)\b(?:on|to|over|for|in|with|about|against|at|by|from|after|before)\b|^\S+(?:\s+\S+){3,}$")
# "DEAR ABBY:" (a letter's salutation), "SEE MORE:", "Watch Live:": an address or a call
# to the reader, not a speaker
_ADDRESS_OR_CALL = re.compile(r"(?i)(?:dear|see|read|watch|get|click|download|join|follow|listen|shop)\b")
# "HS Roundup:", "Delegate Update:", "Breitbart News Daily:": a section or a series, not a speaker
_SECTION_WORDS = frozenset("Update Updates Roundup Recap Review Preview Focus Daily Briefing Digest Explainer Guide "
                           "Highlights Takeaways Timeline Quiz Notebook Mailbag Podcast".split())
# "Buggy Python Code: The 10 Most Common Mistakes ...": a list's title, not a claim
_LISTICLE = re.compile(r"(?:The\s+)?\d+\s+[A-Z]")
# "The Ninth Circle: The Hellish View from Inside the Beltway", "Netanyahu and Obama: A
# tortured relationship": a title after the colon, a noun phrase with no verb of a claim
_TITLE_AFTER = re.compile(r"(?:The|A|An)\s")
_CLAIM_VERB = re.compile(r"(?i)\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
                         r"does|do|did|says|say|said|wants?|needs?|gets?|makes?|takes?)\b|n['\u2019]t\b")
# "Democrats' new warning: ...": someone's thing, a topic
_WHOSE_THING = re.compile(r"['\u2019]s?\s+\w")
# "UPDATED: Tue., Nov. 19, 2019": a date after a colon is a stamp, not a claim
_STAMP = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    r"[a-z]*\.?\s+\d|\d{1,4}[-/.]\d)")

# "Continued Stone:", "Added Trump:": a speech verb before the speaker's name
_VERB_FIRST = re.compile(r"(?:Continued|Added|Said|Wrote|Explained|Concluded|Noted|Replied|Responded|Answered"
                         r"|Tweeted|Declared|Insisted)\s+(?=[A-Z])")


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
        src_start = m.start("src")
        verb = _VERB_FIRST.match(src)
        if verb:  # "Continued Stone: “...”": the verb is no part of who speaks
            src, src_start = src[verb.end():], src_start + verb.end()
        if (src.lower() in _NOT_SOURCES or len(src) < 2 or _ADDRESS_OR_CALL.match(src)
                or any(s <= m.start() < e for s, e in reader.blocked)):
            continue
        if index and src.lower() in {"source", "sources"}:
            continue  # "SOURCE: Al Jazeera" under a story is a credit; "Sources: ..." atop one is not
        if _STAMP.match(m.group("content")):
            continue
        if index == 0 and m.group("content")[:1] not in "\"\u201c" and (
                _TOPIC.search(src) or _WHOSE_THING.search(src) or src.rsplit(None, 1)[-1] in _SECTION_WORDS
                or _LISTICLE.match(m.group("content"))
                or (_TITLE_AFTER.match(m.group("content")) and not _CLAIM_VERB.search(m.group("content")))):
            continue  # "Obama on Climate Change: ...", "Big Win For Bernie: ...": a topic, not a speaker
            # (two names may be either: "Russia and Syria: U.S.-backed Forces Blocking ..." is
            # their claim, "Netanyahu and Obama: A tortured relationship" a topic)
        cue = Span.of(text, m.start("cue"), m.end("cue"))
        content = _strip_content(text, m.start("content"), m.end("content"))
        kind = "direct-quote" if m.group("content")[:1] in "\"\u201c" or src.isupper() else "indirect"
        reader.add("colon-headline" if index == 0 else "colon-speaker", kind, cue,
                   Span.of(text, src_start, src_start + len(src)), content)
