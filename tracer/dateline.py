"""Datelines and credit lines: who the page says its text came from.

``MOSCOW (Pakistan Point News / Sputnik - 09th January, 2020)``, ``WASHINGTON (AP) —``,
``LONDON, Jan 9 (Reuters) -``, ``(CNN)``; bylines ("By X, Associated Press"), sign-offs
("— AP", "Source: Xinhua", "With inputs from PTI", "(Reporting by ...; Editing by ...)").
Pure functions over the text; every span is an offset into the string given.

Relative dates: ``resolve_relative("on Thursday", anchor)`` reads "today", "yesterday",
"on Thursday", "last week", "two days ago", "on Jan. 9" against an anchor date (the
dateline's date or the page's); ``weekday_conflicts`` finds "Friday, Jan. 9, 2020" where
the date fell on another day.
"""

from __future__ import annotations

import datetime as _dt
import re

from . import outlets as _outlets
from .models import Credit, Dateline, Span
from .names import PLACES
from .normalize import paragraphs

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# "January 9, 2020", "Jan. 9", "09th January, 2020", "9 Jan 2020", "2020-01-09".
DATE = re.compile(
    rf"(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>(?:19|20)\d\d))?)"
    rf"|(?P<dm>(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?(?:\s+(?P<y2>(?:19|20)\d\d))?)"
    r"|(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))",
    re.I,
)

_UPPER_PLACE = r"[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]*){0,4}"
_TITLE_PLACE = r"[A-Z][a-z.'\u2019-]+(?:[ -][A-Z][a-z.'\u2019-]+){0,3}"
# ", Ukraine" after the place, or ANI's "New Delhi [India]"
_QUALIFIER = r"(?:,\s*[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*){0,2}|\s*\[[A-Z][\w .'\u2019-]{1,30}\])?"
_BRACKETED = re.compile(r"\s*\[([^\]]+)\]")
_PARENS = r"(?P<parens>(?:\s*\([^()\n]{1,90}\))+)"
_DATE_PART = rf"(?:,\s*(?P<date>{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?|{_DAY}\s+{_MONTH}(?:,?\s+(?:19|20)\d\d)?))?"
_DASH = r"(?:\s*(?:\u2014|\u2013|--|\.-|-|:)|(?=\s))"  # (".-": EFE's "Madrid, Jan 9 (EFE).-")

# Rule "place-credit": PLACE[, Qualifier][, Date][.] (Credit...) [—] (a full stop after the
# day: Trend's "BAKU, Azerbaijan, January 9. (Trend)")
PLACE_CREDIT = re.compile(
    rf"(?P<place>{_UPPER_PLACE}|{_TITLE_PLACE}){_QUALIFIER}{_DATE_PART}(?:(?<=\d)\.)?{_PARENS}{_DASH}"
)
# Rule "place-slash": MOSCOW, January 9. /TASS/. and NEW YORK, Jan. 9, 2020 /PRNewswire/ --
PLACE_SLASH = re.compile(
    rf"(?P<place>{_UPPER_PLACE}|{_TITLE_PLACE}){_QUALIFIER}{_DATE_PART}\.?\s*/(?P<inside>[A-Z][\w .&'-]{{1,40}})/\.?"
)
# Rule "place-dash": WASHINGTON — / NEW DELHI: / TEHRAN, Jan 9 - (no credit named; a lone
# hyphen only after a day: "TEHRAN, Jan 9 (Reuters) -" without its credit, where "US - China"
# or "AIDS - a history" open sentences with no day)
PLACE_DASH = re.compile(
    rf"(?P<place>{_UPPER_PLACE}){_QUALIFIER}{_DATE_PART}(?:\s*(?:\u2014|\u2013|--|:)|(?(date)\s+-|(?!)))(?=\s)"
)
# Rule "title-place-dash": "Tehran, Jan 9 -", the same in title case, read only where it cannot
# be a sentence's opening: a city the list below knows (or any place with a country or US
# state after it, ``names.PLACES``: "Dover, Delaware"), a day, a dash and a capital
# ("Monday, Jan 9 -", "Update, Jan 9 -", "Jordan, May 5 - he said" stay no datelines)
TITLE_PLACE_DASH = re.compile(
    rf"(?P<place>{_TITLE_PLACE})(?:,\s*(?P<qualifier>[A-Z][a-z.'\u2019]+(?:\s+[A-Z][a-z.'\u2019]+){{0,2}}))?"
    rf",\s*(?P<date>{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?|{_DAY}\s+{_MONTH}(?:,?\s+(?:19|20)\d\d)?)"
    r"\s*(?:\u2014|\u2013|--|-)(?=\s+[A-Z\u201c\"])"
)
# Capitals and the cities wire copy is most often filed from, as a title-case dateline names them
DATELINE_CITIES = frozenset("""
Tehran Moscow Beijing Shanghai London Paris Berlin Rome Madrid Lisbon Brussels Vienna Geneva Zurich Bern
Amsterdam Hague Stockholm Oslo Copenhagen Helsinki Warsaw Prague Budapest Bucharest Sofia Belgrade Zagreb
Sarajevo Athens Ankara Istanbul Kyiv Kiev Minsk Tbilisi Yerevan Baku Astana Almaty Tashkent Bishkek Dushanbe
Ashgabat Kabul Islamabad Karachi Lahore Peshawar Quetta Delhi Mumbai Kolkata Chennai Bengaluru Dhaka Kathmandu
Colombo Tokyo Seoul Pyongyang Taipei Manila Jakarta Hanoi Bangkok Yangon Naypyitaw Singapore Canberra Sydney
Melbourne Wellington Baghdad Damascus Beirut Amman Jerusalem Ramallah Riyadh Jeddah Doha Dubai Muscat Sanaa
Aden Manama Cairo Tripoli Tunis Algiers Rabat Khartoum Nairobi Mogadishu Kampala Kigali
Dodoma Lusaka Harare Pretoria Johannesburg Lagos Abuja Accra Dakar Bamako Niamey Ouagadougou Abidjan Conakry
Kinshasa Luanda Maputo Washington Ottawa Havana Caracas Bogota Lima Quito Santiago Brasilia
Montevideo Asuncion
""".split()) | frozenset((  # names of two words or more
    "New Delhi", "Addis Ababa", "Buenos Aires", "Mexico City", "New York", "Hong Kong", "Kuala Lumpur",
    "Abu Dhabi", "Sao Paulo", "Rio de Janeiro", "The Hague", "Dar es Salaam", "Cape Town", "Phnom Penh",
    "Ulan Bator", "Tel Aviv", "Los Angeles", "San Francisco"))
# Rule "place-agency": "Tehran, IRNA --", "Tehran, Nov 27, IRNA --", "Kabul, Xinhua -": an
# agency after the place (and the day), no parentheses; Kazinform's "ASTANA. KAZINFORM -" and
# Armenpress's "YEREVAN, JANUARY 9, ARMENPRESS." (a month in capitals, a full stop)
PLACE_AGENCY = re.compile(
    rf"(?P<place>{_UPPER_PLACE}|{_TITLE_PLACE})(?i:{_DATE_PART})[,.]\s*(?P<inside>[A-Z][A-Za-z]{{1,11}})"
    r"(?:\s*(?:\u2014|\u2013|--|-)|\.)(?=\s)"
)
# Rule "date-credit": "Nov 27 (Reuters) -": the day and the agency, no place (company news)
DATE_CREDIT = re.compile(
    rf"(?P<date>{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?|{_DAY}\s+{_MONTH}(?:,?\s+(?:19|20)\d\d)?)"
    r"\s*\((?P<inside>[A-Z][\w .&'-]{0,40})\)\s*(?:\u2014|\u2013|--|-)(?=\s)"
)
# Rule "date-dash": WebMD's "Feb. 23, 2015 -- ": a dated lede, no place, no credit (a year
# needed: "May 5 -" opens sentences too)
DATE_DASH = re.compile(rf"(?P<date>{_MONTH}\s+{_DAY},?\s+(?:19|20)\d\d)\s*(?:\u2014|\u2013|--)(?=\s)")
# Rule "via-credit": JTA's "KVELLER via JTA —": the story's outlet, then the agency that carried it
VIA_CREDIT = re.compile(r"(?P<first>[A-Z][\w.&'\u2019 -]{1,40}?)\s+via\s+(?P<second>[A-Z][\w.&'\u2019 -]{1,40}?)"
                        r"\s*(?:\u2014|\u2013|--)(?=\s)")
# Rule "credit-only": (CNN) at the start of the lede.
CREDIT_ONLY = re.compile(r"\((?P<inside>[A-Z][\w .&'-]{0,40})\)\s*(?:\u2014|\u2013|--|-)?")

# Capitalised labels that open a line like a dateline but name no place.
NOT_PLACES = frozenset("""
BREAKING UPDATE UPDATED EXCLUSIVE WATCH VIDEO LIVE OPINION ANALYSIS EDITORIAL CORRECTION PHOTOS
NOTE RELATED ADVERTISEMENT SPONSORED LISTEN READ MORE ALERT FLASH URGENT COMMENTARY REVIEW
""".split()) | {"EDITOR'S NOTE", "READ MORE", "BREAKING NEWS", "JUST IN"}
# "TAPPER: ..." turns: two or more mean a transcript, whose colons name speakers.
_SPEAKER_TURN = re.compile(r"(?m)^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)?:")


def _transcript(text: str) -> bool:
    """Two speaker turns or more: asked only of a "PLACE:" head (the scan of every line start
    was a fifth of ``parse``)."""
    return len(_SPEAKER_TURN.findall(text)) >= 2


_PIECE_SPLIT = re.compile(r"\s*(?:/|;|,|\s[-\u2013\u2014]\s|\s-|\band\b|&)\s*")
_NAMEISH = re.compile(r"^[A-Z][\w.'&\u2019-]*(?:\s+[\w.'&\u2019-]+){0,5}$")
_MAX_LINES = 10


def parse_date(text: str) -> str | None:
    """ISO date from "09th January, 2020", "Jan. 9, 2020", "2020-01-09"; None without a year."""
    m = DATE.search(text)
    if not m:
        return None
    if m.group("iso"):
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2")
        if not year:
            return None
        y, mo = int(year), MONTHS[month[:3].lower()]
        d = int(re.match(r"\d+", day).group(0))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def yearless_day(text: str) -> str | None:
    """The day a dateline states without a year ("Sept. 28" of "LOS ANGELES, Sept. 28
    (UPI)"), which ``parse_date`` cannot turn into a date; None when there is none or it
    has a year."""
    m = DATE.search(text)
    if not m or m.group("iso") or m.group("y1") or m.group("y2"):
        return None
    return m.group(0).strip()


def _lines(text: str):
    """(start, line) for the first lines of the first paragraphs."""
    count = 0
    for para in paragraphs(text)[:8]:
        pos = para.start
        for line in para.text.split("\n"):
            stripped = len(line) - len(line.lstrip())
            yield pos + stripped, line.lstrip()
            pos += len(line) + 1
            count += 1
            if count >= _MAX_LINES:
                return


_LOWER_CASE_AGENCIES = frozenset({"dpa", "dpa-AFX"})


def _names(inside: str, registry) -> tuple[list[str], str | None]:
    """Names and a date read from the last parenthesis of a dateline."""
    date = parse_date(inside)
    rest = DATE.sub(" ", inside) if date or DATE.search(inside) else inside
    names = []
    for piece in _PIECE_SPLIT.split(rest):
        piece = piece.strip(" .-\u2013\u2014")
        if piece and not piece[0].isdigit() and (_NAMEISH.match(piece) or piece in _LOWER_CASE_AGENCIES):
            names.append(piece)  # ("BERLIN (dpa) -": the German agency writes its name so)
    return names, date


# Agencies a dateline's parenthesis names by a word the registry may not take alone, being
# another's name or a common word elsewhere ("Trend Micro", "a trend")
_DATELINE_NAMES = {"Trend": "Trend News Agency"}


def _read(names: list[str], registry, dated: bool = False) -> tuple[str | None, tuple[str, ...], bool]:
    """(publisher, credits, any_known) from the names in a dateline's parenthesis.

    "(Pakistan Point News / Sputnik - 09th January, 2020)": the page's outlet, then the agency.
    A lone outlet (not an agency) with a date, "(Pakistan Point News - 9th Jan, 2020)", is the
    publisher's own dateline; a lone name without one, "(CNN)", is a credit.
    """
    found = [(n, registry.find(n) or (registry.find(_DATELINE_NAMES[n]) if n in _DATELINE_NAMES else None))
             for n in names]
    known = any(o is not None for _, o in found)
    if dated and len(found) == 1 and found[0][1] is not None and found[0][1].kind == "outlet":
        return found[0][1].name, (), True
    publisher = None
    if len(found) >= 2 and (found[0][1] is None or found[0][1].kind != "agency"):
        publisher = found[0][1].name if found[0][1] else found[0][0]
        found = found[1:]
    credits = tuple(dict.fromkeys(o.name if o else n for n, o in found))
    return publisher, credits, known


def _known_place(place: str, qualifier: str | None) -> bool:
    """Whether a title-case dateline's place (or the country or state after it: "Dover,
    Delaware") is one the lists know."""
    return place in DATELINE_CITIES or (qualifier is not None and qualifier in PLACES)


def _spelled_out(place: str, credits: tuple[str, ...], registry) -> bool:
    """Whether a title-case "place" is the credited outlet's own name, its acronym after it:
    "The Saudi Press Agency (SPA) said ..." opens a sentence, no dateline."""
    if place.isupper():
        return False
    found = registry.find_in(place)
    return found is not None and found.name in credits


def parse(text: str, registry=None) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs, or None."""
    registry = registry or _outlets.load()
    for start, line in _lines(text):
        head = line[:200]
        m = PLACE_CREDIT.match(head)
        if m:
            groups = re.findall(r"\(([^()\n]*)\)", m.group("parens"))
            names, pdate = _names(groups[-1], registry)
            publisher, credits, known = _read(names, registry, dated=pdate is not None)
            title_case = not m.group("place").isupper()
            if names and (known or not title_case) and not _spelled_out(m.group("place"), credits, registry):
                place = m.group(0)[: m.start("parens") - m.start()]
                if m.group("date"):
                    place = place[: m.start("date") - m.start()]
                place = _BRACKETED.sub(r", \1", place.strip(" ,"))  # ANI's "New Delhi [India]"
                if len(groups) > 1:  # "Nagpur (India) (AFP)": earlier parentheses qualify the place
                    place += "".join(f" ({g})" for g in groups[:-1])
                date = pdate or (parse_date(m.group("date")) if m.group("date") else None)
                end = start + m.end("parens")
                return Dateline(place, date, publisher, credits, Span.of(text, start, end))
        m = PLACE_SLASH.match(head)
        if m:
            names, _ = _names(m.group("inside"), registry)
            publisher, credits, known = _read(names, registry)
            if names and (known or m.group("place").isupper()):
                date = parse_date(m.group("date")) if m.group("date") else None
                return Dateline(m.group("place").strip(" ,"), date, publisher, credits,
                                Span.of(text, start, start + len(head[: m.end()].rstrip(" ."))))
        m = PLACE_AGENCY.match(head)
        if m:
            agency = registry.find(m.group("inside"))
            if agency is not None and agency.kind == "agency":
                end = start + m.end("inside")
                date = parse_date(m.group("date")) if m.group("date") else None
                return Dateline(m.group("place"), date, None, (agency.name,), Span.of(text, start, end))
        m = DATE_CREDIT.match(head)
        if m:
            agency = registry.find(m.group("inside"))
            if agency is not None:
                end = start + m.end("inside") + 1
                return Dateline(None, parse_date(m.group("date")), None, (agency.name,), Span.of(text, start, end))
        m = VIA_CREDIT.match(head)
        if m:
            found = [(n, registry.find(n)) for n in (m.group("first").strip(), m.group("second").strip())]
            if any(o is not None for _, o in found):
                # (an unknown outlet as it is written, but "KVELLER" as "Kveller")
                names = tuple(o.name if o else (n.title() if n.isupper() and len(n) > 4 else n) for n, o in found)
                return Dateline(None, None, None, names, Span.of(text, start, start + m.end("second")), carried=True)
        m = DATE_DASH.match(head)
        if m:
            return Dateline(None, parse_date(m.group("date")), None, (), Span.of(text, start, start + m.end("date")))
        m = CREDIT_ONLY.match(head)
        if m:
            outlet = registry.find(m.group("inside"))
            if outlet is not None:
                end = start + m.end("inside") + 1
                return Dateline(None, None, None, (outlet.name,), Span.of(text, start, end))
        m = TITLE_PLACE_DASH.match(head)
        if m and _known_place(m.group("place"), m.group("qualifier")):
            end = start + len(head[: m.end()].rstrip(" \u2014\u2013-"))
            place = head[: m.start("date")].rstrip(" ,")  # "Dover, Delaware"
            return Dateline(place, parse_date(m.group("date")), None, (), Span.of(text, start, end))
        m = PLACE_DASH.match(head)
        if m and m.group(0).rstrip().endswith(":") and _transcript(text):
            m = None  # "TAPPER: And obviously ..." is a speaker, not a place
        if m and len(m.group("place")) >= 3 and m.group("place").strip(" ,") not in NOT_PLACES:
            date = parse_date(m.group("date")) if m.group("date") else None
            place = m.group("place").strip(" ,")
            end = start + len(head[: m.end()].rstrip(" \u2014\u2013-:"))
            return Dateline(place, date, None, (), Span.of(text, start, end))
    return None


# --- credit lines -------------------------------------------------------------------------

# the lower-case words a dash credit may hold ("— AP and Reuters", "- Reuters staff")
_CREDIT_WORDS = frozenset("and with from staff news wire wires agency agencies reports reporting inputs via".split())
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_AGENCY_WORDS = r"[A-Z][\w.&'\u2019-]*(?:[ /][\w.&'\u2019-]+){0,5}"
CREDIT_RULES: tuple[tuple[str, re.Pattern], ...] = (
    # "By JULIE PACE, Associated Press" / "By Reuters Staff" / "By The Associated Press"
    ("byline", re.compile(r"(?m)^[ \t]*By\s+(?P<body>[^\n]{2,120})$")),
    # "— AP", "- Reuters", "–AFP" on a line of its own
    ("dash-credit", re.compile(rf"(?m)^[ \t]*(?:\u2014|\u2013|-|--)\s*(?P<body>{_AGENCY_WORDS})\s*\.?[ \t]*$")),
    # "Source: Xinhua", "Courtesy: ANI", "Credit: AP", "Via AFP"
    ("source-line", re.compile(
        rf"(?im)^[ \t]*\(?(?:(?:sources?|courtesy|credits?|agencies)\s*[:\-\u2013\u2014]|via\s*[:\-\u2013\u2014]?)"
        rf"\s*(?P<body>{_AGENCY_WORDS})\)?\s*\.?[ \t]*$")),
    # "(With inputs from PTI)", "With agency inputs", "With inputs from agencies"
    ("inputs-from", re.compile(
        r"(?i)\(?\bwith\s+(?:additional\s+)?(?:inputs?|reporting|input)\s+(?:from|by)\s+(?P<body>[\w.&'\u2019 ,/-]{2,80}?)\)?\s*(?:\.|$|\n)")),
    ("agency-inputs", re.compile(r"(?i)\(?\bwith\s+(?P<body>agency|wire)\s+inputs?\)?")),
    # Deutsche Welle's sign-off: the editors' initials, then the agencies: "ab/rc (AFP, Reuters, dpa)"
    ("initials-credit", re.compile(r"(?m)^[ \t]*[a-z]{2,3}(?:/[a-z]{2,3})*\s*\((?P<body>[A-Za-z][\w .,&/-]{1,80})\)[ \t]*$")),
    # A paragraph that is only "(Reuters)" / "(AFP)"
    ("paren-credit", re.compile(rf"(?m)^[ \t]*\((?P<body>{_AGENCY_WORDS})\)\s*\.?[ \t]*$")),
    # Reuters sign-off: "(Reporting by X; Editing by Y)"
    ("reuters-signoff", re.compile(r"\(?\b(?:Additional )?(?:[Rr]eporting|[Ww]riting) by [^\n)]{2,600}?\b[Ee]diting by\b")),
    # AP/Reuters/AFP copyright notices
    ("copyright", re.compile(
        rf"(?i)(?:copyright|\u00a9|\(c\))\s*(?:\(c\)\s*)?(?:\d{{4}}\s+)?(?P<body>{_AGENCY_WORDS.replace('[A-Z]', '[A-Za-z]', 1)})")),
    # "This story has not been edited by HT staff and is auto-generated from a syndicated feed."
    # "... has been published from a wire agency feed without modifications to the text."
    ("syndicated-feed", re.compile(r"(?i)(?:auto-?generated|(?:auto-?)?published) from an? "
                                   r"(?:syndicated|agency|wire(?: agency)?) feed")),
    # "This article originally appeared on The Conversation." / "Republished with permission from X."
    ("originally-published", re.compile(
        r"(?i)\b(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s+(?P<body>[A-Z][\w.&'\u2019 -]{1,60}?)\s*(?:\.|,|;|\(|$|\n)")),
    # a WordPress feed's footer: "The post <title> appeared first on <site>."
    ("appeared-first", re.compile(r"\bappeared\s+first\s+on\s+(?P<body>[A-Z][\w.&'\u2019 -]{1,60}?)\s*(?:\.|,|;|$|\n)")),
    ("republished", re.compile(
        r"(?i)\b(?:re(?:published|printed|posted))\s+(?:with\s+permission\s+)?(?:from|of|by)\s+(?P<body>[A-Z][\w.&'\u2019 -]{1,60}?)"
        # "... republished from The Conversation under a Creative Commons license."
        r"(?:\s*(?:\.|,|;|$|\n)|(?=\s+(?:under|with|as\s+part)\b))")),
    # "Published by HT Digital Content Services with permission from X."
    ("with-permission", re.compile(r"(?i)with permission from (?P<body>[A-Z][\w.&' -]{1,60}?)\s*(?:\.|$|\n)")),
    # "The Associated Press contributed to this report.", "Reuters contributed reporting."
    ("contributed", re.compile(r"(?P<body>[A-Z][^\n.!?]{1,120}?)\s+contributed\s+(?:reporting|to\s+th(?:is|e)\s+(?:report|story|article))")),
    # "Additional reporting by Reuters" (a Reuters sign-off without its "Editing by" is read here)
    ("additional-reporting", re.compile(r"(?i)\badditional\s+reporting\s+by\s+(?P<body>[^\n.;)]{2,80})")),
    # a syndicate's line under a column: "Distributed by Tribune Content Agency, LLC."
    ("distributed-by", re.compile(
        r"(?im)^[ \t]*\(?(?:distributed|syndicated)\s+by\s+(?P<body>[A-Z][\w.&'\u2019 -]{1,60}?)"
        r"(?:,?\s+(?:LLC|Inc|Ltd|L\.P)\.?)?\s*\.?\)?[ \t]*$")),
    # agencies alone on a line, side by side: "AFP/PTI", "Reuters / AP" (each must be one)
    ("agency-pair", re.compile(r"(?m)^[ \t]*(?P<body>[A-Z][\w.&-]*(?:[ \t]*/[ \t]*[A-Z][\w.&-]*){1,3})[ \t]*\.?[ \t]*$")),
)
# a credit for a picture, not for the words: "(AFP Photo)", "Photo: Reuters"
_PICTURE_CREDIT = re.compile(r"(?i)\b(?:photos?|image|images|video|file|graphic|illustration)\b")


def _credits_in(body: str, registry) -> list:
    """Outlets named in a credit line's body."""
    found = []
    whole = registry.find(body.strip(" .()"))
    if whole is not None:
        return [whole]
    for piece in re.split(r"\s*(?:,|/|\||;|\(|\)|\band\b|&|\s[-\u2013\u2014]\s|\bfor\b|\bof\b)\s*", body):
        piece = piece.strip(" .")
        if piece:
            outlet = registry.find(piece) or (registry.find_in(piece) if len(piece.split()) <= 6 else None)
            if outlet is not None and outlet not in found:
                found.append(outlet)
    return found


# Cheap pre-checks: a rule's pattern runs only when its check holds. Each check is a
# necessary condition of a match (a keyword in the lower-cased text, a line that starts the
# way the rule's line must), so skipping on a failed one never loses a credit; within a
# check the cheapest test comes first. Scanning every pattern over every text cost a third
# of a millisecond a page, a tenth of all the reading besides extraction.
_COPYRIGHT_KEYS = ("copyright", "\u00a9", "(c)")
# Line starts as the line rules need them, searched in "\n" + text: led by a literal
# newline a search is ten times faster than one led by "(?m)^", which is tried everywhere.
_LINE_STARTS = {
    "byline": re.compile(r"\n[ \t]*By"),
    "dash": re.compile(r"\n[ \t]*[\u2014\u2013-]"),
    # a line led by a dash or a credit word ("Source:", "Via AFP"): dash and source lines
    "keyed": re.compile(r"(?i)\n[ \t]*(?:\u2014|\u2013|-|\(?(?:sources?|courtesy|credits?|via|agencies)\b)"),
    "lower": re.compile(r"\n[ \t]*[a-z]"),
    "paren": re.compile(r"\n[ \t]*\("),
    "slashed": re.compile(r"\n[ \t]*[A-Z][^\n/]*/"),  # a capital, then a slash on its line
}
# Prefilters run on the lower-cased text: literal-led patterns that find quickly whether a
# rule's slow, case-insensitive pattern can match at all.
_INPUTS_FROM = re.compile(r"with\s+(?:additional\s+)?(?:inputs?|reporting)\s+(?:from|by)\s")
_AGENCY_INPUTS = re.compile(r"with\s+(?:agency|wire)\s+input")
_ORIGINALLY = re.compile(r"originally\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s")
_FIRST = re.compile(r"first\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s")
_REPUBLISHED = re.compile(r"re(?:published|printed|posted)\s+(?:with\s+permission\s+)?(?:from|of|by)\s")
_SIGNOFF = re.compile(r"(?:reporting|writing) by ")
_DISTRIBUTED = re.compile(r"(?:distributed|syndicated)\s+by\s")
_LINE_RULES = frozenset({"dash-credit", "source-line", "paren-credit", "initials-credit", "copyright", "agency-pair"})
# what a page's "originally published on X" is said of: the page itself, or nothing (a line
# that opens with it), not another subject's first appearance
_THIS_PIECE = re.compile(
    r"(?i)(?:(?:^|\n)[ \t(]*|\b(?:this|the)\s+(?:article|story|piece|post|blog\s+post|column|essay|op-ed|commentary|"
    r"interview|content|item|version|feature|analysis)(?:\s+of\s+this\s+\w+)?\s+(?:(?:was|is|has\s+been|had\s+been|"
    r"was\s+also)\s+)?)\Z")
# Rules whose wording names a source even when the registry does not know it.
_NAMED_BY_RULE = frozenset({"originally-published", "republished", "with-permission", "appeared-first", "distributed-by"})


# The line rules' patterns led by a newline in place of "(?m)^", for "\n" + text (as fast
# as the line-start checks above, and the same matches).
_NEWLINE_LED = {rule: re.compile(pattern.pattern.replace("^", "\n", 1), pattern.flags)
                for rule, pattern in CREDIT_RULES if re.match(r"\(\?i?m\)\^", pattern.pattern)}


class _Page:
    """A text as the pre-checks read it: lower-cased, and after a newline (so that every
    line, the first too, starts after one); each check's search is made once."""

    def __init__(self, text: str):
        self.low, self.lined, self._found = text.lower(), "\n" + text, {}

    def has(self, *keys: str) -> bool:
        return any(k in self.low for k in keys)

    def line(self, kind: str) -> bool:
        if kind not in self._found:
            self._found[kind] = _LINE_STARTS[kind].search(self.lined) is not None
        return self._found[kind]


_CHECKS = {
    "byline": lambda p: "by " in p.low and p.line("byline"),
    "dash-credit": lambda p: p.line("dash") and p.line("keyed"),
    "source-line": lambda p: p.line("keyed"),
    "inputs-from": lambda p: "with " in p.low and p.has("input", "reporting") and bool(_INPUTS_FROM.search(p.low)),
    "agency-inputs": lambda p: "input" in p.low and p.has("agency", "wire") and bool(_AGENCY_INPUTS.search(p.low)),
    "initials-credit": lambda p: "(" in p.low and p.line("lower"),
    "paren-credit": lambda p: "(" in p.low and p.line("paren"),
    "reuters-signoff": lambda p: "editing by" in p.low and bool(_SIGNOFF.search(p.low)),
    "copyright": lambda p: p.has(*_COPYRIGHT_KEYS),
    "syndicated-feed": lambda p: "feed" in p.low and p.has("generated", "published"),
    "with-permission": lambda p: "permission" in p.low,
    "originally-published": lambda p: bool(_ORIGINALLY.search(p.low) or _FIRST.search(p.low)),
    "appeared-first": lambda p: "appeared first" in p.low,
    "republished": lambda p: p.has("republished", "reprinted", "reposted") and bool(_REPUBLISHED.search(p.low)),
    "contributed": lambda p: "contributed" in p.low,
    "additional-reporting": lambda p: "additional reporting" in p.low,
    "distributed-by": lambda p: "ted by" in p.low and p.has("distributed", "syndicated") and bool(_DISTRIBUTED.search(p.low)),
    "agency-pair": lambda p: "/" in p.low and p.line("slashed"),
}
assert set(_CHECKS) == {rule for rule, _ in CREDIT_RULES}  # a new rule brings its check


def credit_lines(text: str, registry=None) -> tuple[Credit, ...]:
    """Credits stated outside the dateline: bylines, sign-offs, source lines, feed notices."""
    registry = registry or _outlets.load()
    out: dict[str, Credit] = {}
    page = _Page(text)
    for rule, pattern in CREDIT_RULES:
        if not _CHECKS[rule](page):
            continue
        led = _NEWLINE_LED.get(rule)
        # (a match in "\n" + text starts at its newline: one character before the line, in
        # the text's offsets exactly where the line starts)
        found = ((m, m.start(), m.end() - 1) for m in led.finditer(page.lined)) if led else (
            (m, m.start(), m.end()) for m in pattern.finditer(text))
        for m, start, end in found:
            while end > start and text[end - 1].isspace():
                end -= 1  # evidence without the trailing newline
            span = Span.of(text, start, end)
            if rule == "reuters-signoff":
                names = [("Reuters", "agency")]
            elif rule == "syndicated-feed":
                names = [("syndicated feed (agency not named)", "agency")]
            elif rule == "agency-inputs" or (rule == "inputs-from" and re.fullmatch(r"(?i)\s*(?:the\s+)?agenc(?:y|ies)\s*", m.group("body"))):
                names = [("agencies (not named)", "agency")]
            else:
                body = m.group("body")
                if rule == "byline" and len(body) > 100:
                    continue
                if rule == "dash-credit" and not _CREDIT_WORDS.issuperset(_LOWER_WORD.findall(body)):
                    continue  # "- Avigilon declined to comment to Axios.": a bullet's sentence
                if rule in _LINE_RULES and _PICTURE_CREDIT.search(body):
                    continue  # "(AFP Photo)": the picture's, not the story's
                if rule == "copyright" and not registry.find_in(body):
                    continue
                if rule == "originally-published" and not _THIS_PIECE.search(text, max(0, start - 60), start):
                    continue  # "Cases first appeared in West Michigan", "The report was first published by Der Spiegel"
                found = _credits_in(body, registry)
                if rule == "agency-pair" and (len(found) <= body.count("/") or any(o.kind != "agency" for o in found)):
                    continue  # "AFP/PTI": every name one agency's ("Politics/Culture" is a section)
                if not found and rule == "contributed":
                    found = [o for o in [registry.find_in(body)] if o is not None]  # "Associated Press writer Jo Roe in Chicago"
                names = [(o.name, o.kind) for o in found]
                if not names and rule in _NAMED_BY_RULE and body[:1].isupper() and len(body.split()) <= 6:
                    names = [(body.strip(" ."), "outlet")]  # "originally appeared on The Conversation"
            for name, kind in names:
                out.setdefault(name, Credit(name, kind, span))
    return tuple(sorted(out.values(), key=lambda c: c.evidence.start if c.evidence else 0))


# --- relative dates -----------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY = WEEKDAY_PATTERN
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
# "on Thursday", "last Friday", "yesterday", "last week", "two days ago", "on Jan. 9", "Thursday, Jan. 9, 2020"
RELATIVE = re.compile(
    rf"(?i)\b(?:"
    rf"(?P<wd_date>(?P<wd2>{_WEEKDAY}),?\s+(?:the\s+)?(?P<date2>{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:19|20)\d\d)?))"
    rf"|(?P<date>{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?(?![\d:])|{_DAY}\s+{_MONTH}(?:,?\s+(?:19|20)\d\d)?)"
    rf"|(?:(?P<wd_mod>last|next|this|past|coming)\s+)?(?P<wd>{_WEEKDAY})"
    r"|(?P<day>today|tonight|yesterday|tomorrow)"
    r"|(?P<period_mod>last|this|next|past|previous)\s+(?P<period>week|month|year)"
    r"|(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+(?P<dir>ago|earlier|later|from\s+now)"
    r")\b"
)


def _weekday_date(anchor, weekday: int, mod: str | None, past: bool):
    back = (anchor.weekday() - weekday) % 7  # days back to the latest such weekday (0: the anchor)
    if mod == "last":
        return anchor - _dt.timedelta(days=back or 7)
    if mod in {"next", "coming"}:
        return anchor + _dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if past or back == 0:
        return anchor - _dt.timedelta(days=back)
    return anchor + _dt.timedelta(days=7 - back)


def _calendar_date(text: str, anchor):
    """A calendar date in ``text``; a year-less one takes the year nearest the anchor."""
    m = DATE.search(text)
    if not m or m.group("iso"):
        iso = parse_date(text)
        return _dt.date.fromisoformat(iso) if iso else None
    month = MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
    day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group(0))
    year = m.group("y1") or m.group("y2")
    years = [int(year)] if year else [anchor.year - 1, anchor.year, anchor.year + 1]
    found = []
    for y in years:
        try:
            found.append(_dt.date(y, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def resolve_relative(text_span: str, anchor, *, past: bool = True):
    """The day a time expression names, read against ``anchor`` (a ``datetime.date``), or None.

    "today"/"tonight" -> the anchor; "yesterday"/"tomorrow" -> a day before/after;
    "on Thursday" -> the latest Thursday on or before the anchor (``past=False``: the next
    one on or after it, for "will meet on Thursday"); "last Thursday" -> strictly before;
    "next Thursday" -> strictly after; "last week"/"this week"/"next week" -> that week's
    Monday; "last month"/"last year" -> its first day; "two days ago" -> two days back;
    "on Jan. 9" -> that day in the year nearest the anchor; "Jan. 9, 2020" -> that day.
    A weekday with a date ("Thursday, Jan. 9") resolves to the date: ``weekday_conflicts``
    checks that they agree. Pure; anything else gives None.
    """
    if anchor is None or not text_span:
        return None
    m = RELATIVE.search(text_span)
    if not m:
        return None
    if m.group("wd_date") or m.group("date"):
        return _calendar_date(m.group("date2") or m.group("date"), anchor)
    if m.group("wd"):
        mod = (m.group("wd_mod") or "").lower() or None
        return _weekday_date(anchor, WEEKDAYS.index(m.group("wd").lower()), mod, past)
    if m.group("day"):
        return anchor + _dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group("day").lower()])
    if m.group("period"):
        mod, period = m.group("period_mod").lower(), m.group("period").lower()
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[mod]
        if period == "week":
            return anchor - _dt.timedelta(days=anchor.weekday()) + _dt.timedelta(weeks=step)
        if period == "month":
            month = anchor.month - 1 + step
            return _dt.date(anchor.year + month // 12, month % 12 + 1, 1)
        return _dt.date(anchor.year + step, 1, 1)
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
    days = count * (7 if m.group("unit").lower().startswith("week") else 1)
    return anchor - _dt.timedelta(days=days) if m.group("dir").lower() in {"ago", "earlier"} else anchor + _dt.timedelta(days=days)


def relative_dates(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Spans of the time expressions ``resolve_relative`` reads, between ``start`` and ``end``."""
    end = len(text) if end is None else end
    return tuple(Span.of(text, m.start(), m.end()) for m in RELATIVE.finditer(text, start, end))


# A weekday with a calendar date, as news copy writes them (capitalised): "Thursday, Jan. 9, 2020".
WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?(?P<date>{_MONTH}\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:19|20)\d\d)?)\b"
)


# Every WEEKDAY_DATE match begins at a weekday's name, and every name ends in "day": a
# search for that literal is a fast scan, where WEEKDAY_DATE, opening with \b, is tried at
# every position (0.24 ms a page) and the names' alternation nearly so (0.03; this 0.005).
_WEEKDAY_NAME = re.compile(WEEKDAY_PATTERN)
_NAME_STARTS = (3, 4, 5, 6)  # before "day": Mon Fri Sun / Tues / Thurs Satur / Wednes


def _weekday_dates(text: str):
    """``WEEKDAY_DATE.finditer(text)``, tried only where a weekday's name starts."""
    end = 0
    day = text.find("day")
    while day >= 0:
        for back in _NAME_STARTS:  # (at most one name ends at this "day")
            start = day - back
            if start >= end and _WEEKDAY_NAME.match(text, start, day + 3):
                m = WEEKDAY_DATE.match(text, start)
                if m:
                    end = m.end()
                    yield m
                break
        day = text.find("day", day + 3)


def weekday_conflicts(text: str, anchor=None) -> tuple[tuple[Span, _dt.date], ...]:
    """"Friday, Jan. 9, 2020" where 9 January 2020 was a Thursday: (span, the date as read).

    A year-less date takes the year nearest ``anchor``; without an anchor it needs a year.
    """
    out = []
    for m in _weekday_dates(text):
        if anchor is not None:
            day = _calendar_date(m.group("date"), anchor)
        else:
            iso = parse_date(m.group("date"))
            day = _dt.date.fromisoformat(iso) if iso else None
        if day is not None and WEEKDAYS[day.weekday()] != m.group("wd").lower():
            out.append((Span.of(text, m.start(), m.end()), day))
    return tuple(out)
