"""Datelines and credit lines, on sentences written for these tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracer import dateline


@pytest.mark.parametrize(
    "lede, place, date, publisher, credits",
    [
        ("MOSCOW (Pakistan Point News / Sputnik - 09th January, 2020) Talks advanced.",
         "MOSCOW", "2020-01-09", "Pakistan Point News", ("Sputnik",)),
        ("WASHINGTON (AP) \u2014 The senate voted.", "WASHINGTON", None, None, ("Associated Press",)),
        ("Washington (AFP) \u2013 The senate voted.", "Washington", None, None, ("AFP",)),
        ("LONDON, Jan 9 (Reuters) - Shares fell.", "LONDON", None, None, ("Reuters",)),
        ("NEW DELHI, Jan 9 (PTI) The cabinet met.", "NEW DELHI", None, None, ("PTI",)),
        ("BEIJING, Jan. 9 (Xinhua) -- Trade grew.", "BEIJING", None, None, ("Xinhua",)),
        ("SEOUL, Jan. 9 (Yonhap) -- Exports rose.", "SEOUL", None, None, ("Yonhap",)),
        ("ISLAMABAD, Jan 9 (APP): The assembly met.", "ISLAMABAD", None, None, ("APP",)),
        ("LONDON, January 9, 2020 (Reuters) - Shares fell.", "LONDON", "2020-01-09", None, ("Reuters",)),
        ("DAKAR, Senegal (AP) \u2014 Rain fell.", "DAKAR, Senegal", None, None, ("Associated Press",)),
        ("HEMPSTEAD, N.Y., Sept. 26 (UPI) \u2014 A debate.", "HEMPSTEAD, N.Y.", None, None, ("UPI",)),
        ("Nagpur (India) (AFP) \u2013 A match.", "Nagpur (India)", None, None, ("AFP",)),
        ("PARIS (AP/Reuters) \u2014 A strike.", "PARIS", None, None, ("Associated Press", "Reuters")),
        ("(CNN) The storm hit.", None, None, None, ("CNN",)),
        ("WASHINGTON \u2014 The senate voted.", "WASHINGTON", None, None, ()),
        ("MOSCOW, January 9. /TASS/. Russia said.", "MOSCOW", None, None, ("TASS",)),
        ("NEW YORK, Jan. 9, 2020 /PRNewswire/ -- Acme said.", "NEW YORK", "2020-01-09", None, ("PR Newswire",)),
        ("Islamabad, January 9 (Pakistan Point News - 9th Jan, 2020) The court met.",
         "Islamabad", "2020-01-09", "Pakistan Point News", ()),
        ("KARACHI, Jan 9 (INP): The court met.", "KARACHI", None, None, ("INP",)),
        ("Tehran, IRNA -- The talks resumed.", "Tehran", None, None, ("IRNA",)),  # no parentheses
        ("Kabul, Xinhua - Officials met.", "Kabul", None, None, ("Xinhua",)),
        ("BERLIN (dpa) - The cabinet met.", "BERLIN", None, None, ("dpa",)),  # its name in lower case
        ("Tehran, Nov. 27, 2025, IRNA -- The talks resumed.", "Tehran", "2025-11-27", None, ("IRNA",)),
        ("Nov 27 (Reuters) - Apple said it would buy back shares.", None, None, None, ("Reuters",)),  # no place
        ("January 9, 2020 (Reuters) - Shares fell.", None, "2020-01-09", None, ("Reuters",)),
        ("New Delhi [India], Nov 27 (ANI): The cabinet met.", "New Delhi, India", None, None, ("ANI",)),
        # PPI's desk tag, and an agency the registry knows in a title-case dateline
        ("LAHORE, Jan 9 (PPI-OT): The chief minister spoke.", "LAHORE", None, None, ("PPI",)),
        ("Srinagar, Jan 9 (KNO): Police said two militants were killed.", "Srinagar", None, None, ("KNO",)),
        ("KVELLER via JTA \u2014 The court swore in a justice.", None, None, None, ("Kveller", "JTA")),
        ("Feb. 23, 2015 -- Peanut allergies have risen.", None, "2015-02-23", None, ()),  # WebMD: a date alone
        ("Madrid, Jan 9, 2020 (EFE).- The talks resumed.", "Madrid", "2020-01-09", None, ("EFE",)),  # EFE's ".-"
        # Kazinform's and Armenpress's forms: the agency after a full stop, or after a day in capitals
        ("ASTANA. KAZINFORM \u2013 The president met the envoy.", "ASTANA", None, None, ("Kazinform",)),
        ("YEREVAN, JANUARY 9, 2020, ARMENPRESS. The talks resumed.", "YEREVAN", "2020-01-09", None, ("Armenpress",)),
        ("MINSK, 9 January (BelTA) - The talks resumed.", "MINSK", None, None, ("BelTA",)),
        # Trend's full stop after the day, and its bare name, which only a dateline reads as the agency
        ("BAKU, Azerbaijan, January 9. (Trend) The talks resumed.", "BAKU, Azerbaijan", None, None,
         ("Trend News Agency",)),
        ("BAKU, Azerbaijan, January 9 (Trend) - The talks resumed.", "BAKU, Azerbaijan", None, None,
         ("Trend News Agency",)),
        ("ATHENS (ANA-MPA) - The talks resumed.", "ATHENS", None, None, ("AMNA",)),  # Athens-Macedonian
        ("Kabul (Pajhwok): The talks resumed.", "Kabul", None, None, ("Pajhwok",)),
        # a wire dateline with its credit left out: the place and day, and no outlet made up
        ("TEHRAN, Jan 9 - The talks resumed.", "TEHRAN", None, None, ()),
        ("TEHRAN, Jan 9 (Reuters) - The talks resumed.", "TEHRAN", None, None, ("Reuters",)),
        ("MINSK, 9 January - The talks resumed.", "MINSK", None, None, ()),
        ("LONDON, January 9, 2020 - Shares fell.", "LONDON", "2020-01-09", None, ()),
        # ... in title case: a city the list knows, or a place with its country or state after it
        ("Tehran, Jan 9 - The talks resumed.", "Tehran", None, None, ()),
        ("New Delhi, 9 January 2020 — The cabinet met.", "New Delhi", "2020-01-09", None, ()),
        ("Kyiv, Ukraine, Jan. 9 -- The talks resumed.", "Kyiv, Ukraine", None, None, ()),
        ("Dover, Delaware, Jan 9 - The trial opened.", "Dover, Delaware", None, None, ()),
    ],
)
def test_dateline_forms(lede, place, date, publisher, credits):
    text = "A headline\n\n" + lede + "\n\nMore text."
    d = dateline.parse(text)
    assert d is not None
    assert (d.place, d.date, d.publisher, d.credits) == (place, date, publisher, credits)
    assert text[d.span.start : d.span.end] == d.span.text
    assert d.span.text.startswith(lede[:4])


@pytest.mark.parametrize("lede", ["May 5 - the day it rained.", "Two hostages \u2014 an American and an Australian \u2014 were freed.",
                                  "Fans via Twitter \u2014 mostly angry \u2014 wrote in.",
                                  # a lone hyphen after capitals but no day is no dateline's
                                  "US - China talks resumed on Monday.", "TEHRAN - The talks resumed.",
                                  # in title case: an unknown place, a weekday or a word, no day,
                                  # or no capital after the dash
                                  "Springfield, Jan 9 - The fair opened.", "Monday, Jan 9 - The talks resumed.",
                                  "Update, Jan 9 - The talks resumed.", "Tehran - The talks resumed.",
                                  "Paris, May 5 - the day it rained.", "Jordan, May 5 - He said it rained."])
def test_no_dateline_in_a_sentence_opening_with_a_date_or_a_dash(lede):
    assert dateline.parse("A headline\n\n" + lede + "\n\nMore text.") is None


def test_dateline_found_after_byline_and_headlines():
    text = "Headline\n\nHeadline again\n\nBy JANE DOE\nSEOUL (Yonhap) -- Exports rose."
    d = dateline.parse(text)
    assert d.credits == ("Yonhap",) and d.place == "SEOUL"


@pytest.mark.parametrize("text", [
    "The president (Donald Trump) said so.",
    "I (think) so.",
    "",
    "(",
    "no dateline here at all, just words.",
])
def test_no_dateline(text):
    assert dateline.parse(text) is None


def test_transcript_turns_are_not_datelines():
    text = "Debate transcript\n\nTAPPER: Welcome back.\n\nPENCE: Thank you, Jake."
    assert dateline.parse(text) is None


def test_parse_date_forms():
    assert dateline.parse_date("09th January, 2020") == "2020-01-09"
    assert dateline.parse_date("Jan. 9, 2020") == "2020-01-09"
    assert dateline.parse_date("9 Jan 2020") == "2020-01-09"
    assert dateline.parse_date("2020-01-09") == "2020-01-09"
    assert dateline.parse_date("Jan 9") is None  # no year: left undecided


def test_a_dateline_without_its_credit_names_the_day_and_no_outlet():
    d = dateline.parse("A headline\n\nTEHRAN, Jan 9 - The talks resumed.\n\nMore text.")
    assert (d.span.text, d.credits, d.publisher) == ("TEHRAN, Jan 9", (), None)
    assert dateline.yearless_day(d.span.text) == "Jan 9"


def test_yearless_day_is_named_not_dated():
    assert dateline.yearless_day("LOS ANGELES, Sept. 28 (UPI)") == "Sept. 28"
    assert dateline.yearless_day("BEIRUT, 3 March (AFP) -") == "3 March"
    assert dateline.yearless_day("LONDON, Jan 9, 2020 (Reuters) -") is None  # dated
    assert dateline.yearless_day("WASHINGTON (AP) —") is None  # no day at all


def test_credit_lines():
    text = (
        "Title\n\nBy JANE DOE, Associated Press\n\nBody text here.\n\nSource: Xinhua\n\n"
        "(With inputs from PTI)\n\n(Reuters)\n\n\u2014 AFP\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n\n"
        "This story has not been edited by our staff and is auto-generated from a syndicated feed.\n\n"
        "With inputs from agencies"
    )
    credits = dateline.credit_lines(text)
    names = [c.name for c in credits]
    for expected in ["Associated Press", "Xinhua", "PTI", "Reuters", "AFP",
                     "syndicated feed (agency not named)", "agencies (not named)"]:
        assert expected in names
    for c in credits:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.kind == "agency"


def test_a_bullets_sentence_naming_an_outlet_is_no_credit():
    text = "Title\n\nCameras watch the halls.\n\n- Avigilon declined to comment to Reuters.\n\n\u2014 Reuters\n"
    assert [(c.name, c.evidence.text) for c in dateline.credit_lines(text)] == [("Reuters", "\u2014 Reuters")]


@pytest.mark.parametrize("tail, names", [
    ("The Associated Press contributed to this report.", ["Associated Press"]),
    ("Reuters contributed reporting.", ["Reuters"]),
    ("Associated Press writer Jane Roe in Chicago contributed to this report.", ["Associated Press"]),
    ("The Washington Post and CNN contributed to this story.", ["The Washington Post", "CNN"]),
    ("Additional reporting by Reuters", ["Reuters"]),
    ("Jane Roe contributed to this report.", []),  # a person: no outlet credited
    ("(AFP Photo)", []),  # the picture's credit, not the story's
    ("\u00a9 AFP Photo", []),
    # republication notices, feed footers and feed disclaimers
    ("This article is republished from The Conversation under a Creative Commons license.", ["The Conversation"]),
    ("The post Pound falls appeared first on Springfield Shopper.", ["Springfield Shopper"]),
    ("This story has been published from a wire agency feed without modifications to the text.",
     ["syndicated feed (agency not named)"]),
    ("Disclaimer: This post has been auto-published from an agency feed without any modifications to the text.",
     ["syndicated feed (agency not named)"]),
    ("(via Reuters)", ["Reuters"]),
    ("Via Getty Images", []),
    ("ab/rc (AFP, Reuters, dpa)", ["AFP", "Reuters", "dpa"]),  # Deutsche Welle: editors' initials, agencies
    # a syndicate under a column; agencies side by side on a line of their own (Indian papers)
    ("Distributed by Tribune Content Agency, LLC.", ["Tribune Content Agency"]),
    ("Syndicated by Creators", ["Creators"]),
    ("AFP/PTI", ["AFP", "PTI"]),
    ("Reuters / AP", ["Reuters", "Associated Press"]),
    ("Politics/Culture", []),  # a section's path, no agency
])
def test_credit_forms_name_the_outlet_and_a_photo_credit_does_not(tail, names):
    text = "Title\n\nThe pound fell on Thursday after the data.\n\n" + tail
    assert [c.name for c in dateline.credit_lines(text)] == names


def test_line_credits_are_read_on_the_first_line_and_on_indented_ones():
    # (the line rules search "\n" + text: the first line has no newline of its own)
    text = "By Reuters Staff\n\nThe pound fell.\n\n\t(AFP)\n  \u2014 AP\nab/rc (dpa)\nAFP/PTI"
    assert [(c.name, c.evidence.start, c.evidence.text) for c in dateline.credit_lines(text)] == [
        ("Reuters", 0, "By Reuters Staff"), ("AFP", 35, "\t(AFP)"), ("Associated Press", 42, "  \u2014 AP"),
        ("dpa", 49, "ab/rc (dpa)"), ("PTI", 61, "AFP/PTI")]


def test_no_credit_lines_in_plain_text():
    assert dateline.credit_lines("Title\n\nThe mayor said the road would reopen.") == ()


def test_syndication_credit_lines():
    text = "Title\n\nBody text.\n\nThis article was originally published by The Conversation."
    assert [(c.name, c.kind) for c in dateline.credit_lines(text)] == [("The Conversation", "outlet")]
    text = "Title\n\nBody text.\n\nRepublished with permission from Xinhua."
    assert [c.name for c in dateline.credit_lines(text)] == ["Xinhua"]
    assert dateline.credit_lines("Title\n\nHe first appeared on stage in 1990.") == ()


@pytest.mark.parametrize("text, names", [
    ("Title\n\nBody.\n\nOriginally published on Live Science.", ["Live Science"]),
    ("Title\n\nBody.\n\nA version of this story was first published by The Conversation.", ["The Conversation"]),
    ("Title\n\nBody.\n\nThis piece first appeared on Global Risk Insights.", ["Global Risk Insights"]),
    # another subject's first appearance is no credit for the page
    ("Title\n\nCases of the virus first appeared in West Michigan at the end of August.", []),
    ("Title\n\nThe report was first published by Der Spiegel and later confirmed by the ministry.", []),
])
def test_originally_published_is_said_of_the_page(text, names):
    assert [c.name for c in dateline.credit_lines(text)] == names


def test_labels_are_not_places():
    assert dateline.parse("Headline\n\nBREAKING: The senate voted.") is None
    assert dateline.parse("Headline\n\nUPDATE \u2014 The senate voted.") is None


PIECES = list("ab AB.,:;\n()/-\u2014") + ["MOSCOW", "(AP)", "(Reuters)", "Jan. 9", "2020", " (", "By ",
                                        "Source: ", "/TASS/", "Sputnik", "Editing by", "With inputs from "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=50))
def test_spans_stay_inside_any_text(pieces):
    text = "".join(pieces)
    line = dateline.parse(text)
    if line is not None:
        assert text[line.span.start : line.span.end] == line.span.text
    for c in dateline.credit_lines(text):
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text


THURSDAY = __import__("datetime").date(2020, 1, 9)  # 9 January 2020 was a Thursday


@pytest.mark.parametrize("phrase, expected", [
    ("said on Thursday", "2020-01-09"),   # the anchor's own weekday: that day
    ("on Friday", "2020-01-03"),          # the latest Friday on or before the anchor
    ("last Thursday", "2020-01-02"),      # strictly before
    ("next Thursday", "2020-01-16"),      # strictly after
    ("yesterday", "2020-01-08"),
    ("today", "2020-01-09"),
    ("tonight", "2020-01-09"),
    ("tomorrow", "2020-01-10"),
    ("last week", "2019-12-30"),          # periods resolve to their first day (weeks: Monday)
    ("this week", "2020-01-06"),
    ("next week", "2020-01-13"),
    ("last month", "2019-12-01"),
    ("last year", "2019-01-01"),
    ("two days ago", "2020-01-07"),
    ("3 weeks ago", "2019-12-19"),
    ("on Jan. 9", "2020-01-09"),
    ("on Dec. 31", "2019-12-31"),         # a year-less date takes the year nearest the anchor
    ("on January 2, 2019", "2019-01-02"),
    ("Thursday, Jan. 9", "2020-01-09"),
    ("9th January", "2020-01-09"),
])
def test_resolve_relative(phrase, expected):
    assert dateline.resolve_relative(phrase, THURSDAY).isoformat() == expected


def test_resolve_relative_future_and_nothing():
    assert dateline.resolve_relative("will meet on Friday", THURSDAY, past=False).isoformat() == "2020-01-10"
    assert dateline.resolve_relative("on Thursday", THURSDAY, past=False) == THURSDAY
    assert dateline.resolve_relative("no time here", THURSDAY) is None
    assert dateline.resolve_relative("on Friday", None) is None
    assert dateline.resolve_relative("", THURSDAY) is None


def test_weekday_conflicts():
    text = "Talks opened on Friday, Jan. 9, 2020 and closed on Thursday, 9 January."
    (span, day), = dateline.weekday_conflicts(text, THURSDAY)
    assert span.text == "Friday, Jan. 9, 2020" and text[span.start:span.end] == span.text
    assert day == THURSDAY
    assert dateline.weekday_conflicts("On Thursday, Jan. 9, 2020 they met.") == ()
    assert dateline.weekday_conflicts("On Friday, Jan. 9 they met.") == ()  # no year, no anchor: undecided
    assert len(dateline.weekday_conflicts("On Friday, Jan. 9 they met.", THURSDAY)) == 1


@pytest.mark.parametrize("name", [d.capitalize() for d in dateline.WEEKDAYS])
def test_each_weekday_name_is_read_before_its_date(name):
    # (names are found from the "day" they end in: each length of name before it)
    text = f"Today, on {name}, Jan. 9, 2020, and on Sundays, they met."
    found = [(span.text, day) for span, day in dateline.weekday_conflicts(text)]
    assert found == ([] if name == "Thursday" else [(f"{name}, Jan. 9, 2020", THURSDAY)])


def test_relative_date_spans():
    text = "He said on Thursday that talks resume next week, two days ago."
    assert [s.text for s in dateline.relative_dates(text)] == ["Thursday", "next week", "two days ago"]


def test_weekday_dates_found_where_the_plain_search_finds_them():
    import random

    from tracer import dateline as dl

    rng = random.Random(3)
    pieces = ["Monday", "Tuesday", "Thursday, Jan. 9, 2020", "Friday, 10 January", "Sunday the 3rd of May",
              "xMonday, Jan. 9", "Saturday,", " Sept. 28", " 2019", ", ", "day ", "Mon", "Wednesday  March 4th",
              "on Tuesday, Feb 30", "\n", "Sundays, June 1", "FRIDAY, Jan 1"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        plain = [(m.start(), m.end()) for m in dl.WEEKDAY_DATE.finditer(text)]
        assert [(m.start(), m.end()) for m in dl._weekday_dates(text)] == plain, text


def test_an_agency_spelled_out_before_its_acronym_is_a_sentence_not_a_dateline():
    # "The Saudi Press Agency (SPA) said ..." looks like "Place (Credit)" but the "place" is
    # the credited agency's own name: the sentence is an attribution, not a credit line
    text = "King approves plan\n\nThe Saudi Press Agency (SPA) said the king had approved the plan."
    assert dateline.parse(text) is None
    line = dateline.parse("King approves plan\n\nRiyadh (SPA) - The king approved the plan.")
    assert line is not None and line.credits == ("SPA",)
