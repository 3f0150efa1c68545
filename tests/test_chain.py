"""Citation chains and flags, end to end through dateline -> attribution -> chain."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracer import attribution, chain, dateline, outlets
from tracer.models import Article
from tracer.normalize import clean, first_line, paragraphs


def article(text: str, **kw) -> Article:
    text = clean(text)
    head = first_line(text)
    return Article(input="test.txt", title=head.text if head else "", text=text, paragraphs=paragraphs(text), **kw)


def trace(text: str, **kw):
    art = article(text, **kw)
    reg = outlets.load()
    line = dateline.parse(art.text)
    credits, chains, flags, outlet = chain.build(art, line, attribution.extract(art.text), reg)
    return art, line, credits, chains, flags, outlet


def names(c):
    return [h.name for h in c.hops]


def test_seed_traces_to_the_expected_chain(seed_text):
    art, line, credits, chains, flags, outlet = trace(seed_text, published="2020-01-09")
    assert (line.place, line.date, line.publisher) == ("MOSCOW", "2020-01-09", "Pakistan Point News")
    assert [c.name for c in credits] == ["Sputnik"] and credits[0].kind == "agency"
    assert outlet.name == "Pakistan Point News"
    principal = chains[0]
    assert names(principal) == ["unnamed senior US official (State Department)", "Yonhap", "Sputnik",
                                "Pakistan Point News"]
    assert [h.kind for h in principal.hops] == ["source", "agency", "agency", "publisher"]
    assert principal.layers == 3
    for hop in principal.hops:
        assert hop.evidence is not None
        assert art.text[hop.evidence.start : hop.evidence.end] == hop.evidence.text
    assert "senior US official" in principal.hops[0].evidence.text
    assert "Yonhap" in principal.hops[1].evidence.text

    kinds = {f.kind for f in flags}
    assert kinds == {"anonymous-source", "vague-attribution", "multi-layer-attribution", "state-affiliated-source"}
    anon = [f for f in flags if f.kind == "anonymous-source"]
    assert len(anon) == 1
    for mention in ("a senior US official", "the State Department official", "the official"):
        assert mention in anon[0].message
    vague = [f for f in flags if f.kind == "vague-attribution"]
    assert [f.evidence.text for f in vague] == ["According to media reports"]
    state = [f for f in flags if f.kind == "state-affiliated-source"]
    assert len(state) == 1
    assert state[0].message.startswith("Sputnik: state-controlled media (SC)")
    assert "State Media Monitor" in state[0].message and "2024-02-07" in state[0].message
    assert "Sputnik" in state[0].evidence.text
    multi = [f for f in flags if f.kind == "multi-layer-attribution"]
    assert len(multi) == 1 and "3 layers" in multi[0].message
    for f in flags:
        for span in (f.evidence, *f.related):
            assert art.text[span.start : span.end] == span.text


def test_seed_flags_a_date_far_from_the_dateline(seed_text):
    *_, flags, _ = trace(seed_text, published="2020-03-01")
    dates = [f for f in flags if f.kind == "date-inconsistency"]
    assert len(dates) == 1 and "2020-01-09" in dates[0].message and "2020-03-01" in dates[0].message
    *_, flags, _ = trace(seed_text, published="2020-01-10T08:00:00Z")
    assert not [f for f in flags if f.kind == "date-inconsistency"]


def test_wire_story_on_a_known_site():
    text = ("Senate passes bill\n\nWASHINGTON (AP) \u2014 The Senate passed the bill on Tuesday, "
            "Senator Jane Roe said.\n\n\u201cIt was a long night,\u201d Roe told reporters.")
    art, line, credits, chains, flags, outlet = trace(text, url="https://www.breitbart.com/news/x/")
    assert outlet.name == "Breitbart News"
    assert [c.name for c in credits] == ["Associated Press"]
    assert names(chains[0]) == ["Jane Roe", "Associated Press", "Breitbart News"]
    assert chains[0].layers == 2
    assert not {"anonymous-source", "vague-attribution", "state-affiliated-source"} & {f.kind for f in flags}


def test_reported_citing_builds_the_relay_hop():
    text = ("Talks to resume\n\nSEOUL, Jan. 9 (Yonhap) -- The talks will resume next week, "
            "Xinhua reported, citing a foreign ministry spokesman.")
    art, line, credits, chains, flags, outlet = trace(text, site_name="The Korea Herald")
    assert names(chains[0]) == ["unnamed foreign ministry spokesman", "Xinhua", "Yonhap", "The Korea Herald"]
    state = [f for f in flags if f.kind == "state-affiliated-source"]
    assert [f.message.split(":")[0] for f in state] == ["Xinhua"]
    assert any(f.kind == "multi-layer-attribution" for f in flags)


@pytest.mark.parametrize("sentence, first", [
    ("Kyodo news agency said, quoting government sources, that Tokyo would lodge a protest.",
     ["unnamed government sources", "Kyodo"]),
    ("According to the Wall Street Journal, which cited people familiar with the matter, the deal "
     "collapsed.", ["unnamed people familiar with the matter", "The Wall Street Journal"]),
    ("The talks failed, according to RIA Novosti, citing a diplomatic source.",
     ["unnamed diplomatic source", "RIA Novosti"]),
    # whom the outlet reported speaking reaches the page through it too
    ("The foreign ministry said the talks had failed, according to RIA Novosti, citing a diplomatic source.",
     ["foreign ministry", "RIA Novosti"]),
    ("In a statement carried by IRNA, the foreign ministry said the talks would resume.",
     ["foreign ministry", "IRNA"]),
    ("The foreign ministry said the talks would resume. The remarks were carried by IRNA.",
     ["foreign ministry", "IRNA"]),
    ("The foreign ministry said the talks would resume, carried by IRNA, which said the date was set.",
     ["foreign ministry", "IRNA"]),
    ("Sources said she did chime in, a point Feinstein also acknowledged to Bloomberg.", ["Feinstein", "Bloomberg"]),
    ("Citing an unnamed official, Yonhap said the North had fired two missiles.",
     ["unnamed official", "Yonhap"]),
    ("Citing an anonymous government source, Yonhap said the North had fired two missiles.",
     ["anonymous government source", "Yonhap"]),  # (not "unnamed anonymous government source")
    ("Kishida said in an interview with public broadcaster NHK that Japan would respond.", ["Kishida", "NHK"]),
    ("Iran's Tasnim news agency, quoted by Reuters, said the tanker had been seized.",
     ["Iran's Tasnim news agency", "Reuters"]),
    ("A diplomat cited by Reuters said the talks had failed.", ["unnamed diplomat", "Reuters"]),
])
def test_whom_an_outlet_quoted_or_cited_reaches_the_page_through_it(sentence, first):
    text = "Talks stall\n\nMOSCOW (Sputnik) - " + sentence
    *_, chains, _, _ = trace(text, site_name="Pakistan Point News")
    assert names(chains[0]) == first + ["Sputnik", "Pakistan Point News"]
    assert chains[0].layers == 3


def test_an_outlet_s_closing_according_to_relays_the_agency_s_report():
    text = ("Missiles fired\n\nYonhap, citing a government source, reported that the North fired two "
            "missiles, according to Sputnik.")
    *_, chains, _, _ = trace(text, site_name="Pakistan Point News")
    # one chain, in the order the words travelled (not Sputnik relayed by Yonhap)
    assert [names(c) for c in chains] == [
        ["unnamed government source", "Yonhap", "Sputnik", "Pakistan Point News"]]


@pytest.mark.parametrize("sentence, first", [
    # a Reuters dateline before a speaker in apposition
    ("Sen. Jane Roe, a Democrat from Ohio, said the bill would fail.", ["Jane Roe"]),
    ("The Global Times, a tabloid published by the ruling Communist Party's People's Daily, said in an "
     "editorial that the move was provocative.", ["Global Times"]),
    ("Interfax news agency quoted the head of the region, Vyacheslav Gladkov, as saying three people "
     "were wounded.", ["Vyacheslav Gladkov", "Interfax"]),
    ("Interfax cited Peskov as telling reporters that Moscow was ready.", ["Peskov", "Interfax"]),
    # an acronym the registry knows for the broadcaster it names
    ("State broadcaster CCTV said the factory fire killed 12 people.", ["China Central Television (CCTV)"]),
    # an outlet after what it is, reporting what a source said
    ("North Korea said on Sunday it had tested a new missile, state news agency KCNA reported.",
     ["North Korea", "KCNA"]),
])
def test_wire_copy_after_a_reuters_dateline(sentence, first):
    text = "Fire kills 12\n\nBEIJING, March 3 (Reuters) - " + sentence
    *_, chains, _, _ = trace(text, site_name="The Korea Herald")
    assert names(chains[0]) == first + ["Reuters", "The Korea Herald"]


def test_asking_not_to_be_named_is_no_claim_and_no_description():
    text = ("Talks stall\n\nWASHINGTON (Reuters) - The official, who asked not to be identified because he "
            "was not authorized to speak publicly, said talks had stalled.")
    art, line, credits, chains, flags, outlet = trace(text, site_name="The Korea Herald")
    assert [names(c) for c in chains] == [["unnamed official", "Reuters", "The Korea Herald"]]
    assert "asked" not in {a.cue.text for a in attribution.extract(text)}


def test_a_networks_short_name_before_a_person_is_the_network():
    *_, chains, _, _ = trace("Debate\n\n\"I think he's wrong,\" Fox's Chris Wallace said.", site_name="Politico")
    assert names(chains[0]) == ["Chris Wallace", "Fox News", "Politico"]
    *_, chains, _, _ = trace("Film\n\nMegan Fox's agent said the film was delayed.", site_name="Politico")
    assert names(chains[0]) == ["Megan Fox's agent", "Politico"]


@pytest.mark.parametrize("lede, chain_names", [
    ("NEW YORK, Jan. 9, 2020 /PRNewswire/ -- Acme Corp (NYSE: ACME) today announced that it will acquire "
     "Widget Inc.", ["Acme Corp", "PR Newswire"]),
    ("TORONTO, Jan. 9, 2020 (GLOBE NEWSWIRE) -- Acme Ltd. (TSX: ACM) announced today that its CEO will "
     "retire.", ["Acme Ltd", "GlobeNewswire"]),
])
def test_a_press_release_speaks_for_the_company_behind_its_ticker(lede, chain_names):
    *_, chains, _, _ = trace("Acme news\n\n" + lede, site_name="Springfield Shopper")
    assert names(chains[0]) == chain_names + ["Springfield Shopper"]


@pytest.mark.parametrize("body, chain_names", [
    ("Smith, in an op-ed published Sunday in The New York Times, argued that the tax was a mistake.",
     ["Smith", "The New York Times"]),
    ("The deal was reported earlier by Reuters.", ["Reuters"]),
    ("The attack killed 12 people, as cited by TASS.", ["TASS"]),
])
def test_where_a_claim_was_published_first(body, chain_names):
    *_, chains, _, _ = trace("Tax\n\n" + body, site_name="Springfield Shopper")
    assert names(chains[0]) == chain_names + ["Springfield Shopper"]


@pytest.mark.parametrize("body, chain_names", [
    ("The bill passed, according to Senate records reviewed by The Associated Press.",
     ["Senate records", "Associated Press"]),
    ("According to emails obtained by The Washington Post, the aide knew of the plan.",
     ["emails", "The Washington Post"]),
    # "official" describes the agency: no official spoke
    ("North Korea's official KCNA said the launch was a success.", ["KCNA"]),
    # a statement an agency carried is no statement of the agency's
    ("A statement carried by the official IRNA news agency said the talks would resume.",
     ["statement", "IRNA"]),
    # whom an unnamed source spoke to is the relay, not a description of them
    ("The plan stalled, according to a person with knowledge of the matter who spoke to CNN.",
     ["unnamed person with knowledge of the matter", "CNN"]),
])
def test_what_an_outlet_obtained_reaches_the_page_through_it(body, chain_names):
    *_, chains, _, _ = trace("Plan\n\n" + body, site_name="Springfield Shopper")
    assert names(chains[0]) == chain_names + ["Springfield Shopper"]


def test_a_speaker_after_an_agency_dateline_without_parentheses_is_read_whole():
    *_, chains, _, _ = trace("Talks\n\nTehran, IRNA -- Foreign Minister Abbas Araghchi said the talks would resume.",
                             site_name="Tehran Times")
    assert names(chains[0]) == ["Abbas Araghchi", "IRNA", "Tehran Times"]


def test_a_denial_after_but_is_no_part_of_the_outlets_report():
    found = attribution.extract(clean(
        "Speeches\n\nThe Wall Street Journal reported in October that her speaking firm advertised her "
        "availability for paid speeches, but Fiorina's team denied that she would accept new speeches."))
    assert [(a.speaker, a.via) for a in found] == [("The Wall Street Journal", ()), ("Fiorina's team", ())]


@pytest.mark.parametrize("text", [
    "Strike\n\nPARIS (AP/Reuters) \u2014 The strike spread to the railways, union officials said.",
    "Strike\n\nThe strike spread to the railways, union officials said.\n\nab/rc (AP, Reuters)",  # DW's sign-off
])
def test_agencies_credited_side_by_side_each_carry_the_story_not_one_the_other(text):
    *_, chains, flags, _ = trace(text, site_name="Deutsche Welle")
    assert [names(c) for c in chains] == [["unnamed union officials", "Associated Press", "DW"],
                                          ["unnamed union officials", "Reuters", "DW"]]
    assert all(c.layers == 2 for c in chains)
    assert [f.message for f in flags if f.kind == "multi-layer-attribution"] == [
        "The claim reaches this page through 2 layers: unnamed union officials \u2192 Associated Press \u2192 DW."]


def test_a_dateline_saying_one_carried_the_other_makes_one_chain_and_keeps_it_when_stored():
    """"KVELLER via JTA —": Kveller's story, carried by JTA, then the page (the dateline says
    so itself, ``Dateline.carried``; it was sniffed from " via " in the dateline's text)."""
    from tracer.importer import _dateline

    text = "Justice\n\nKVELLER via JTA \u2014 The court swore in a justice, officials said."
    line = dateline.parse(clean(text))
    assert line.carried and line.credits == ("Kveller", "JTA")
    assert _dateline(json.dumps(line.to_dict())) == line  # as the store and the Spark job keep it
    *_, chains, flags, _ = trace(text, site_name="The Times of Israel")
    assert [names(c) for c in chains] == [["unnamed officials", "Kveller", "JTA", "The Times of Israel"]]
    side_by_side = dateline.parse(clean("Strike\n\nPARIS (AP/Reuters) \u2014 The strike spread."))
    assert not side_by_side.carried and "carried" not in side_by_side.to_dict()


def test_a_source_cited_by_a_name_but_no_outlet_is_no_relay():
    found = attribution.extract(clean("Poll\n\nCiting a new poll, Smith said the race was close. "
                                      "The study was cited by Reuters."))
    assert [(a.speaker, a.via) for a in found] == [("Smith", ())]


@pytest.mark.parametrize("body, speaker", [
    ("The Britain-based Syrian Observatory for Human Rights said 20 fighters were killed.",
     "Syrian Observatory for Human Rights"),
    ("The Washington-based Heritage Foundation said the data was flawed.", "Heritage Foundation"),
])
def test_where_a_body_is_based_is_no_part_of_its_name(body, speaker):
    found = attribution.extract(clean("War\n\n" + body))
    assert [a.speaker for a in found] == [speaker]


def test_a_statement_speaks_for_whoever_issued_it():
    body = ("A statement issued by the Sanders campaign late Tuesday said the plan would pass. "
            "The statement also said the vote was near.")
    found = attribution.extract(clean("Plan\n\n" + body))
    assert [a.speaker for a in found] == ["Sanders campaign", "Sanders campaign"]


@pytest.mark.parametrize("sentence, outlet", [
    ("The official Xinhua news agency said cases rose.", "Xinhua"),
    ("The semi-official Fars news agency said cases rose.", "Fars"),
    ("Semi-official Tasnim news agency said three guards were killed.", "Tasnim"),
])
def test_an_official_news_agency_is_the_agency_not_an_unnamed_official(sentence, outlet):
    *_, chains, flags, _ = trace("Cases rise\n\n" + sentence, site_name="The Korea Herald")
    assert names(chains[0]) == [outlet, "The Korea Herald"]
    assert not any(f.kind == "anonymous-source" for f in flags)
    assert any(f.kind == "state-affiliated-source" and f.message.startswith(outlet) for f in flags)


@pytest.mark.parametrize("sentence", [
    "The AKP said in a statement that the vote would go ahead as planned.",  # Turkey's ruling party
    "PIA said all flights to Lahore had been cancelled because of fog.",  # the airline
    "The GNA said its forces had retaken the town from Haftar's troops.",  # Libya's government
    "The PAP said its candidates would contest every seat in the election.",  # Singapore's party
    "According to the RSS, the rally drew thousands of volunteers.",  # the Indian organisation
    "The PBC said it would cut the reserve requirement ratio.",  # China's central bank
    "According to RTS, the Swiss government will hold a referendum on the issue.",  # not Senegal's
    "KBC said its quarterly profit rose 12 percent.",  # the Belgian bank
    # the airline reporting its own flights, as an outlet would report ("AKP reported that")
    "PIA reported that a flight from Karachi had landed safely in Lahore after an engine failure.",
    "A flight from Karachi landed safely in Lahore, PIA reported.",
])
def test_an_acronym_another_body_shares_is_no_state_outlet_without_context(sentence):
    *_, chains, flags, _ = trace("Story of the day\n\n" + sentence)
    assert chains[0].hops[0].kind == "source" and not chains[0].hops[0].labels
    assert not any(f.kind == "state-affiliated-source" for f in flags)


@pytest.mark.parametrize("sentence, outlet", [
    ("MTV reported that the singer had cancelled her tour.", "MTV"),  # the US channel, not Hungary's
    ("TVN reported that the minister had resigned.", "TVN"),  # Poland's, not Chile's
])
def test_an_outlet_reporting_by_a_shared_acronym_is_the_outlet_english_copy_means(sentence, outlet):
    *_, chains, flags, _ = trace("Story of the day\n\n" + sentence)
    hop = chains[0].hops[0]
    assert (hop.name, hop.kind, hop.labels) == (outlet, "outlet", ())  # reporting as outlets do
    assert not any(f.kind == "state-affiliated-source" for f in flags)


@pytest.mark.parametrize("text, outlet", [
    ("Ghana reform\n\nACCRA (GNA) - The government announced reforms. The GNA said they start soon.", "GNA"),
    ("Cabinet named\n\nMorocco's official MAP news agency reported that the king named a premier.", "MAP"),
    ("Launch\n\nChina's state broadcaster CCTV reported that the launch had succeeded.", "China Central"),
    ("Dam\n\nAccording to the state-run ENA, the dam would be completed next year.", "ENA"),
    ("Resignation\n\nThe Ghana News Agency (GNA) reported that the minister had resigned. "
     "The GNA said the resignation took effect at once.", "GNA"),
    ("Visit\n\nThe premier will visit China next month, AKP reported.", "AKP"),  # reporting as outlets do
    ("Visit\n\nAKP reported on Monday that the premier would visit China.", "AKP"),
    # the Philippine agency by a word of the trade, though its bare reporting says nothing
    ("Typhoon\n\nThe state-run PIA reported that the typhoon had made landfall in Luzon.", "PIA"),
])
def test_an_acronym_with_the_text_saying_it_is_an_outlet_keeps_its_labels(text, outlet):
    *_, chains, flags, _ = trace(text)
    assert any(f.kind == "state-affiliated-source" and f.message.startswith(outlet) for f in flags)


@pytest.mark.parametrize("sentence, speaker", [
    ("Petra Kvitova said she was happy with her serve.", "Petra Kvitova"),  # not Jordan's agency
    ("Mehr Ali, a shopkeeper, said prices had doubled.", "Mehr Ali"),  # not Iran's
    ("Antara Sen said the lecture was cancelled.", "Antara Sen"),  # not Indonesia's
    ("Sputnik V developers said the vaccine was effective.", "Sputnik V developers"),  # the vaccine
])
def test_an_outlet_s_name_that_is_also_a_given_name_before_a_surname_is_a_person(sentence, speaker):
    *_, chains, flags, _ = trace("Story of the day\n\n" + sentence)
    assert chains[0].hops[0].name == speaker and chains[0].hops[0].kind == "source"
    assert not any(f.kind == "state-affiliated-source" for f in flags)


def test_such_a_name_before_a_word_of_the_trade_is_still_the_outlet():
    *_, chains, flags, _ = trace("Talks\n\nPetra reported that the king met the envoy. "
                                 "Tasnim News Agency said the talks ended.")
    assert {c.hops[0].name for c in chains} == {"Petra", "Tasnim"}
    assert sum(f.kind == "state-affiliated-source" for f in flags) == 2


def test_cctv_footage_is_no_broadcaster():
    *_, chains, flags, _ = trace("Arrest\n\nCCTV footage showed the suspect entering the building, police said.")
    assert not any(f.kind == "state-affiliated-source" for f in flags)


def test_an_acronym_in_a_credit_line_keeps_its_labels():
    *_, chains, _, _ = trace("Justice sworn in\n\nKVELLER via JTA \u2014 The state has sworn in its first "
                             "Native American justice, the court said.")
    jta = [h for h in chains[0].hops if h.name == "JTA"]
    assert jta and jta[0].labels  # JTA is no news-first acronym, but a credit line names an outlet


def test_publisher_falls_back_to_site_name_domain_or_unknown():
    text = "Headline\n\nThe mayor said the road would reopen."
    *_, chains, _, outlet = trace(text, site_name="Springfield Shopper")
    assert outlet.name == "Springfield Shopper" and chains[0].hops[-1].name == "Springfield Shopper"
    *_, chains, _, outlet = trace(text, url="https://news.example-town.org/a/1")
    assert outlet.name == "news.example-town.org"
    *_, chains, _, outlet = trace(text)
    assert outlet is None and chains[0].hops[-1].name == "unknown publisher"
    assert chains[0].hops[-1].kind == "publisher"


def test_article_without_attributions_still_has_a_chain():
    art, line, credits, chains, flags, outlet = trace("Rain today\n\nLONDON (Reuters) - Rain fell.",
                                                      url="https://www.reuters.com/x")
    assert names(chains[0]) == ["Reuters"] and chains[0].layers == 0
    assert [c.name for c in credits] == ["Reuters"]


def test_state_flag_for_a_captured_publisher():
    reg = outlets.from_dict({"sources": {"asd": "ASD test"},
                             "outlets": [{"name": "Captured Daily", "domains": ["captured.example"], "labels": ["CaPr"]}]})
    art = article("Headline\n\nThe mayor said the road would reopen.", url="https://captured.example/x")
    credits, chains, flags, outlet = chain.build(art, None, attribution.extract(art.text, reg), reg)
    state = [f for f in flags if f.kind == "state-affiliated-source"]
    assert state and state[0].message == "Captured Daily: captured private media (CaPr), ASD test."


def test_vague_and_anonymous_speakers_do_not_lead_when_a_named_one_exists():
    text = ("Headline\n\nAccording to media reports, the plan is dead.\n\n"
            "Maria Lopez said on Monday that the plan was dead.")
    *_, chains, _, _ = trace(text)
    assert chains[0].hops[0].name == "Maria Lopez"


WIRE = """Minister says talks stalled

MOSCOW, March 3 (Reuters) - Peace talks have stalled, the Kremlin said on Tuesday, according to the TASS news agency.

"There is no progress at all," Kremlin spokesman Ivan Petrov told reporters. "We are waiting."

Interfax quoted a diplomatic source as saying that a new round was not planned.

A senior Western diplomat, who spoke on condition of anonymity, told Reuters the talks could resume in April.

(Reporting by Jane Roe; Editing by John Doe)
"""


def test_wire_story_chains_and_relays():
    art, line, credits, chains, flags, outlet = trace(WIRE, url="https://www.reuters.com/world/x")
    assert outlet.name == "Reuters" and [c.name for c in credits] == ["Reuters"]
    # The lede's claim leads, not the headline's speaker.
    assert names(chains[0]) == ["Kremlin", "TASS", "Reuters"]
    all_chains = [names(c) for c in chains]
    assert ["unnamed diplomatic source", "Interfax", "Reuters"] in all_chains
    assert ["Ivan Petrov", "Reuters"] in all_chains
    assert ["unnamed senior Western diplomat", "Reuters"] in all_chains
    state = [f for f in flags if f.kind == "state-affiliated-source"]
    assert [f.message.split(":")[0] for f in state] == ["TASS"]
    anon = [f for f in flags if f.kind == "anonymous-source"]
    assert len(anon) == 2


def test_one_unnamed_crowd_is_one_flag_whatever_the_sentence_capitalises():
    text = ("Guards charged\n\nProsecutors alleged that the guards slept through their shift.\n\n"
            "On Tuesday, prosecutors asserted that the two were the only guards on the unit.")
    flags = trace(text)[4]
    (anon,) = [f for f in flags if f.kind == "anonymous-source"]
    assert anon.evidence.text == "Prosecutors" and [s.text for s in anon.related] == ["prosecutors"]


def test_according_to_after_a_cue_is_a_relay_not_a_second_source():
    atts = attribution.extract(WIRE)
    tass = [a for a in atts if "TASS" in (a.source.text if a.source else "")]
    assert [(a.kind, a.rule, a.speaker) for a in tass] == [("relay", "relay-according-to", "TASS")]
    kremlin = [a for a in atts if a.speaker == "Kremlin"][0]
    assert kremlin.via == ("TASS",) and kremlin.content.text == "Peace talks have stalled"


def test_empty_article():
    art = Article(input="empty.txt", title="", text="", paragraphs=())
    credits, chains, flags, outlet = chain.build(art, None, (), outlets.load())
    assert credits == () and flags == () and outlet is None
    assert names(chains[0]) == ["unknown publisher"] and chains[0].layers == 0


def test_credit_line_credits_and_publisher_dedupe():
    text = "Headline\n\nThe mayor said the road would reopen.\n\n(With inputs from PTI)"
    art, line, credits, chains, flags, outlet = trace(text, url="https://www.hindustantimes.com/x")
    assert [c.name for c in credits] == ["PTI"] and credits[0].evidence.text == "(With inputs from PTI)"
    assert names(chains[0]) == ["mayor", "PTI", "Hindustan Times"]


def test_an_outlet_as_primary_source_keeps_its_labels():
    text = "Headline\n\nAccording to Xinhua, the talks will resume next week."
    *_, chains, flags, _ = trace(text, site_name="Some Daily")
    assert [(h.name, h.kind) for h in chains[0].hops] == [("Xinhua", "agency"), ("Some Daily", "publisher")]
    assert [f.message.split(":")[0] for f in flags if f.kind == "state-affiliated-source"] == ["Xinhua"]


def test_an_outlet_named_by_an_alias_is_still_that_outlet():
    # the registry's name is "People's Daily (Renmin Ribao)"; pages write "the People’s Daily"
    text = ("Headline\n\nOn Monday, the People’s Daily, the mouthpiece of the Communist party, "
            "warned that there is no room for compromise.")
    *_, chains, flags, _ = trace(text, site_name="Some Daily")
    assert [(h.name, h.kind) for h in chains[0].hops] == [("People's Daily (Renmin Ribao)", "outlet"),
                                                          ("Some Daily", "publisher")]
    assert chains[0].hops[0].evidence.text.startswith("the People’s Daily")
    assert [f.message.split(":")[0] for f in flags if f.kind == "state-affiliated-source"] == [
        "People's Daily (Renmin Ribao)"]


def test_year_less_dateline_against_the_page_date():
    text = "Headline\n\nSEOUL, Jan. 9 (Yonhap) -- Exports rose, officials said."
    *_, flags, _ = trace(text, published="2020-03-01")
    dates = [f for f in flags if f.kind == "date-inconsistency"]
    assert len(dates) == 1 and "2020-01-09" in dates[0].message
    *_, flags, _ = trace(text, published="2020-01-10")
    assert not [f for f in flags if f.kind == "date-inconsistency"]
    *_, flags, _ = trace("Headline\n\nSEOUL, Dec. 31 (Yonhap) -- Exports rose.", published="2021-01-01")
    assert not [f for f in flags if f.kind == "date-inconsistency"]



@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(list("ab AB.,:\n\u201c\u201d\"") + [
    "MOSCOW (Sputnik) ", "said", " a senior official", "According to media reports, ", "as quoted by Yonhap",
    "Xinhua reported, citing a source, ", "He ", "told reporters", "\n\n"]), max_size=40))
def test_build_never_raises_and_evidence_is_in_the_text(pieces):
    art, line, credits, chains, flags, outlet = trace("".join(pieces))
    assert chains
    for c in chains:
        for h in c.hops:
            if h.evidence is not None:
                assert art.text[h.evidence.start : h.evidence.end] == h.evidence.text
    for f in flags:
        for span in (f.evidence, *f.related):
            if span is not None:
                assert art.text[span.start : span.end] == span.text


def _dates(flags):
    return [f for f in flags if f.kind == "date-inconsistency"]


LEDE = ("Talks advance\n\nMOSCOW (Pakistan Point News / Sputnik - 09th January, 2020) Seoul and Washington "
        "have advanced in talks, a senior US official said on {day}.\n\nMore text follows here.")


def test_lede_weekday_agreeing_with_the_dateline_is_not_flagged():
    for day in ("Thursday", "Wednesday"):  # the dateline's day, or the day before
        *_, flags, _ = trace(LEDE.format(day=day), published="2020-01-09")
        assert not _dates(flags)


def test_lede_weekday_contradicting_the_dateline_is_flagged():
    art, line, *_, flags, _ = trace(LEDE.format(day="Friday"), published="2020-01-09")
    (flag,) = _dates(flags)
    assert flag.evidence.text == "said on Friday"
    assert art.text[flag.evidence.start:flag.evidence.end] == flag.evidence.text
    assert flag.related == (line.span,)
    assert "2020-01-03" in flag.message and "6 days" in flag.message


def test_lede_weekday_and_a_page_date_alone_can_agree():
    text = "Talks advance\n\nThe mayor said on Friday that the road would reopen.\n\nMore text."
    *_, flags, _ = trace(text, published="2020-01-09")  # pages run days after the news
    assert not _dates(flags)
    *_, flags, _ = trace(text)  # no date at all: nothing to compare
    assert not _dates(flags)


def test_a_weekend_between_dateline_and_lede_weekday_is_tolerated():
    text = LEDE.format(day="Friday").replace("09th January", "13th January")  # Monday 13 January
    *_, flags, _ = trace(text, published="2020-01-13")
    assert not _dates(flags)
    text = LEDE.format(day="Friday").replace("09th January", "14th January")  # Tuesday: four days
    *_, flags, _ = trace(text, published="2020-01-14")
    assert len(_dates(flags)) == 1


def test_weekday_written_with_a_wrong_date_is_flagged():
    text = "Talks advance\n\nThe talks opened on Friday, Jan. 9, 2020 in Seoul.\n\nMore text."
    *_, flags, _ = trace(text)
    (flag,) = _dates(flags)
    assert flag.evidence.text == "Friday, Jan. 9, 2020" and "Thursday" in flag.message


def test_dateline_and_page_date_far_apart_is_flagged_with_the_dateline_as_evidence():
    _, line, *_, flags, _ = trace(LEDE.format(day="Thursday"), published="2020-02-20")
    (flag,) = _dates(flags)
    assert flag.evidence == line.span and "42 days apart" in flag.message


def test_the_page_naming_itself_in_its_dateline_is_no_layer():
    text = ("Voters head to the polls\n\n"
            "AUSTIN (KXAN) \u2014 Turnout was higher than expected on Tuesday, association executive "
            "director Tim Lee said.")
    _, _, credits, chains, flags, outlet = trace(text, url="https://www.kxan.com/news/voters/")
    assert [c.name for c in credits] == ["KXAN"]  # the credit is still recorded
    assert names(chains[0]) == ["Tim Lee", outlet.name] and chains[0].layers == 1
    assert chains[0].hops[-1].evidence.text == "AUSTIN (KXAN)"
    assert not [f for f in flags if f.kind == "multi-layer-attribution"]
    text_vice = "Fires rage\n\nSAO PAULO (VICE US) \u2014 The fires doubled this year, NASA scientist Jane Roe said."
    _, _, _, chains, _, _ = trace(text_vice, url="https://www.vice.com/en/article/fires")
    assert chains[0].layers == 1  # an edition of the page's own outlet
    # another outlet in the dateline is still a layer
    text = text.replace("(KXAN)", "(AP)")
    _, _, _, chains, _, _ = trace(text, url="https://www.kxan.com/news/voters/")
    assert names(chains[0])[1] == "Associated Press" and chains[0].layers == 2


def test_a_stations_call_sign_in_its_dateline_is_the_page_itself():
    text = ("Salon owner speaks out\n\n"
            "HOUSTON, Texas (KTRK) -- The owner said a man entered one of their salons on Tuesday.")
    _, _, _, chains, flags, outlet = trace(text, url="https://abc13.com/salon-owner/12345/")
    assert chains[0].layers == 1 and names(chains[0])[-1] == outlet.name
    assert not [f for f in flags if f.kind == "multi-layer-attribution"]
    # the same call sign on another station's site is still a relay
    _, _, _, chains, _, _ = trace(text, url="https://www.kxan.com/news/salon-owner/")
    assert "KTRK" in names(chains[0]) and chains[0].layers == 2


def test_telling_the_page_itself_is_no_relay():
    text = ("Jail suicides\n\nExperts on jail suicide told USA Today that the guards had missed their rounds.")
    _, _, _, chains, _, outlet = trace(text, url="https://www.usatoday.com/story/news/jail/")
    assert outlet.name == "USA Today"
    assert [(h.name, h.kind) for h in chains[0].hops] == [("Experts on jail suicide", "source"),
                                                         ("USA Today", "publisher")]


def test_a_named_speaker_has_one_chain_per_route():
    text = ("Sanders holds on\n\n"
            "Sanders has suggested that superdelegates tilted the race toward his rival.\n\n"
            "\"That stacks the deck,\" Sanders told MSNBC's Rachel Maddow in an interview last week.")
    _, _, _, chains, flags, _ = trace(text, url="https://www.washingtonpost.com/politics/sanders/")
    assert sorted(names(c) for c in chains) == [["Sanders", "MSNBC", "The Washington Post"],
                                                ["Sanders", "The Washington Post"]]
    multi = [f for f in flags if f.kind == "multi-layer-attribution"]
    assert [f.evidence.text for f in multi] == ["Sanders"] and "told" in text[multi[0].evidence.start:][:20]


def test_campaign_spokesman_and_a_no_break_space_before_the_name_is_not_anonymous():
    text = "Fallon speaks\n\nCampaign spokesman\u00a0Brian Fallon told Politico the review would conclude soon."
    atts = attribution.extract(text)
    assert [(a.speaker, a.anonymous) for a in atts] == [("Brian Fallon", False)]


def test_how_many_unnamed_sources_is_said_before_unnamed():
    text = """Talks stall

Two people familiar with the matter said the talks had stalled. Another source said the
delegation would leave on Friday. A senior official said no deal was near.
"""
    all_chains = [names(c)[0] for c in trace(text)[3]]
    assert "two unnamed people familiar with the matter" in all_chains
    assert "another unnamed source" in all_chains
    assert "unnamed senior official" in all_chains


def test_an_unnamed_source_reads_as_english():
    text = """Trade talks

Officials said the talks had stalled. President Trump's advisers suggested that Beijing resume buying farm products.
The minister did not comment, but his spokesman said the minister was ill.
"""
    all_chains = [names(c)[0] for c in trace(text)[3]]
    assert "his unnamed spokesman" in all_chains
    assert "unnamed officials" in all_chains
    assert "President Trump's unnamed advisers" in all_chains


def test_an_outlet_known_by_its_rated_domain_takes_the_name_the_page_gives_itself():
    from dataclasses import replace as _replace

    reg = outlets.load()
    page = Article(input="p.html", title="T", text="T\n\nBody of the story.", paragraphs=(),
                   url="https://www.rollingstone.com/music/x", site_name="Rolling Stone")
    assert chain.publishing_outlet(page, None, reg).name == "Rolling Stone"
    assert chain.publishing_outlet(_replace(page, url="https://nypost.com/x", site_name="New York Post"),
                                   None, reg).name == "New York Post"  # initials: ny + post
    # another host's name or an agency's name keeps the domain
    assert chain.publishing_outlet(_replace(page, url="https://wsvn.com/x", site_name="WSVN 7News | Miami News, Weather"),
                                   None, reg).name == "WSVN 7News"  # the slogan after the bar dropped
    for url, site in (("https://www.businessinsider.com/x", "MSN"), ("https://www.sfgate.com/x", "Associated Press")):
        assert chain.publishing_outlet(_replace(page, url=url, site_name=site), None, reg).name == url.split("www.")[-1].split("/")[0]


def test_an_outlet_known_by_its_rated_domain_takes_the_name_its_page_writes():
    reg = outlets.load()
    page = Article(input="p.html", title="Vox Explainers", text="Vox Explainers\n\nBody of the story.",
                   paragraphs=(), url="https://www.vox.com/x")
    assert chain.publishing_outlet(page, None, reg).name == "Vox"
    # only a capitalised word is a name: a link or a lower-case mention is not
    plain = Article(input="p.html", title="Explainers", text="Explainers\n\nSee www.vox.com/x and vox.",
                    paragraphs=(), url="https://www.vox.com/x")
    assert chain.publishing_outlet(plain, None, reg).name == "vox.com"


def test_a_copyright_notice_is_no_site_name():
    page = Article(input="p.html", title="T", text="T\n\nBody of the story.", paragraphs=(),
                   url="https://example-unlisted-site.org/x", site_name="Copyright 2014")
    assert chain.publishing_outlet(page, None, outlets.load()).name == "example-unlisted-site.org"


def test_a_site_names_slogan_after_a_bar_is_no_part_of_its_name():
    page = Article(input="p.html", title="T", text="T\n\nBody of the story.", paragraphs=(),
                   url="https://linknaija-unlisted.example/x", site_name="LinkNaija | Nigeria's popular news platform")
    assert chain.publishing_outlet(page, None, outlets.load()).name == "LinkNaija"


@pytest.mark.parametrize("handle", ["Wday_", "@wdayru"])
def test_a_social_media_handle_is_no_site_name(handle):
    page = Article(input="p.html", title="T", text="T\n\nBody of the story.", paragraphs=(),
                   url="https://www.wday.ru/dom-eda/x/", site_name=handle)
    assert chain.publishing_outlet(page, None, outlets.load()).name == "wday.ru"


def test_a_sources_evidence_quotes_its_name_where_the_text_gives_it():
    text = ("Flight\n\nCarly Fiorina spoke in Iowa. “Flying is an activity, not an accomplishment,” she said.\n\n"
            "Fiorina said Clinton had achieved little.\n")
    _, _, _, chains, _, _ = trace(text)
    assert chains[0].hops[0].name == "Carly Fiorina" and chains[0].hops[0].evidence.text == "Fiorina"
    # a pronoun alone: the pronoun with its verb
    _, _, _, chains, _, _ = trace("Flight\n\nCarly Fiorina spoke in Iowa. “Flying is an activity,” she said.\n")
    assert chains[0].hops[0].evidence.text == "she said"


@pytest.mark.parametrize("sentence, person", [
    ("Global Times editor Hu Xijin said the sanctions would fail.", "Hu Xijin"),
    ("Xinhua reporter Li Wei said the road had reopened.", "Li Wei"),
    ("RT reporter Ivan Petrov said the town had fallen.", "Ivan Petrov"),
])
def test_a_state_outlets_journalist_named_by_their_job_is_the_source_not_the_outlet(sentence, person):
    # the person is the source, as for any outlet's reporter: no hop, so no state flag
    *_, chains, flags, _ = trace("Sanctions\n\n" + sentence, site_name="The Korea Herald")
    assert names(chains[0]) == [person, "The Korea Herald"]
    assert chains[0].hops[0].kind == "source"
    assert not any(f.kind == "state-affiliated-source" for f in flags)


def test_an_outlets_staffer_reaches_the_page_through_the_outlet_unless_it_is_the_page():
    text = "Debate night\n\nFox News' Chris Wallace said the moderators would not fact-check the candidates."
    _, _, _, chains, _, _ = trace(text, url="https://www.washingtonpost.com/politics/debate/")
    assert names(chains[0]) == ["Chris Wallace", "Fox News", "The Washington Post"]
    _, _, _, chains, _, _ = trace(text, url="https://www.foxnews.com/politics/debate")
    assert names(chains[0]) == ["Chris Wallace", "Fox News"]


def test_unnamed_people_of_a_named_person_are_named_so():
    *_, chains, flags, _ = trace("Clinton aides upbeat\n\nHillary Clinton spoke in Ohio on Monday. Her senior "
                                 "aides said she would win the state.\n")
    assert names(chains[0])[0] == "Hillary Clinton's unnamed senior aides"  # whose, and no "(Her)"
    assert [f.kind for f in flags] == ["anonymous-source"]


def test_a_source_inside_an_outlets_report_is_one_chain_through_it():
    *_, chains, flags, _ = trace("Plant to close\n\nCompany officials said the plant would close next year, "
                                 "Reuters reported.\n")
    assert [names(c) for c in chains] == [["unnamed company officials", "Reuters", "unknown publisher"]]
    assert chains[0].layers == 2


def test_a_source_unnamed_in_its_own_words_is_not_unnamed_twice():
    *_, chains, _, _ = trace("Plan to fail\n\nYonhap reported, citing an unnamed official, that the plan would fail.\n")
    assert names(chains[0])[:2] == ["unnamed official", "Yonhap"]


def test_a_relay_hops_evidence_is_the_outlets_own_words():
    *_, chains, _, _ = trace("Plant to close\n\nCompany officials said the plant would close next year, Reuters "
                             "reported.\n\nIn an interview with The New York Times, Jane Doe said the town would "
                             "survive.\n")
    evidence = {h.name: h.evidence.text for c in chains for h in c.hops if h.evidence is not None}
    assert evidence["Reuters"] == "Reuters reported"
    assert evidence["The New York Times"] == "The New York Times"


def test_what_media_reports_said_a_source_said_is_one_chain_through_them():
    text = "Floods kill 12\n\nOfficials said 12 people died in the floods, according to local media reports."
    *_, chains, flags, _ = trace(text, site_name="Pakistan Point News")
    assert [names(c) for c in chains] == [["unnamed officials", "local media reports", "Pakistan Point News"]]
    assert chains[0].layers == 2
    # a layer, but no outlet: the hop says it names no one
    assert [h.kind for h in chains[0].hops] == ["source", "vague", "publisher"]
    # still vague: the reports name no outlet
    assert {f.kind for f in flags} >= {"vague-attribution", "multi-layer-attribution", "anonymous-source"}


def test_a_vague_relay_beyond_the_principal_chain_still_counts_as_a_layer():
    text = ("Floods kill 12\n\nJane Doe, the mayor, said the plan was dead. Officials said 12 people died in "
            "the floods, according to local media reports.")
    *_, chains, flags, _ = trace(text, site_name="Pakistan Point News")
    assert [names(c) for c in chains][1] == ["unnamed officials", "local media reports", "Pakistan Point News"]
    layered = [f for f in flags if f.kind == "multi-layer-attribution"]
    assert [f.evidence.text for f in layered] == ["Officials"]
    assert not any(f.kind == "state-affiliated-source" for f in flags)

def test_a_source_quoted_by_unnamed_media_reaches_the_page_through_a_vague_hop():
    text = "Talks fail\n\nThe minister was quoted by state media as saying the talks had failed."
    *_, chains, flags, _ = trace(text, site_name="Pakistan Point News")
    assert [(h.name, h.kind) for h in chains[0].hops] == [
        ("minister", "source"), ("state media", "vague"), ("Pakistan Point News", "publisher")]
    # no vague attribution says so, the hop does: flagged at the media's words
    vague = [f for f in flags if f.kind == "vague-attribution"]
    assert [f.evidence.text for f in vague] == ["state media"]
    assert {f.kind for f in flags} >= {"multi-layer-attribution"}

def test_where_an_unnamed_source_said_it_is_no_part_of_its_name():
    text = ("Pakistan wants peace\n\nISLAMABAD, Jan 9 (APP): The Foreign Office spokesperson, in a statement "
            "issued here, said Pakistan wanted peace.")
    *_, chains, _, _ = trace(text, site_name="Pakistan Point News")
    assert names(chains[0]) == ["unnamed Foreign Office spokesperson", "APP", "Pakistan Point News"]


def test_a_dateline_without_its_credit_adds_no_hop():
    """"TEHRAN, Jan 9 -": a wire dateline whose credit the page left out is the place and day,
    not part of the speaker's name and no outlet of its own."""
    line, _, chains, _, _ = trace("Talks\n\nTEHRAN, Jan 9 - Foreign Minister Abbas Araghchi said the talks would "
                                  "resume.", site_name="Tehran Times")[1:]
    assert (line.place, line.credits) == ("TEHRAN", ())
    assert [names(c) for c in chains] == [["Abbas Araghchi", "Tehran Times"]]


def test_a_title_case_dateline_without_its_credit_adds_no_hop():
    """"Tehran, Jan 9 -": the same, in title case."""
    line, _, chains, _, _ = trace("Talks\n\nTehran, Jan 9 - Foreign Minister Abbas Araghchi said the talks would "
                                  "resume.", site_name="Tehran Times")[1:]
    assert (line.place, line.credits, line.span.text) == ("Tehran", (), "Tehran, Jan 9")
    assert [names(c) for c in chains] == [["Abbas Araghchi", "Tehran Times"]]


@pytest.mark.parametrize("body, chain_names", [
    # a named speaker's claim closing on their own statement or spokesman: one source, through
    # the outlet that carried the statement
    ("The foreign ministry said the talks would resume, according to a statement carried by IRNA.",
     [["foreign ministry", "IRNA"]]),
    ("The foreign ministry said the talks would resume, according to a statement carried by the official IRNA "
     "news agency.", [["foreign ministry", "IRNA"]]),
    ("\u201cThe talks will resume,\u201d the ministry said, according to a statement carried by IRNA.",
     [["ministry", "IRNA"]]),
    ("Police said three people were killed in the blast, according to a spokesman.", [["Police"]]),
    ("Three people were killed in the blast, police said, according to a police spokesman.", [["police"]]),
    ("Ayatollah Ali Khamenei said the talks would resume, comments carried by IRNA showed.",
     [["Ayatollah Ali Khamenei", "IRNA"]]),
    # no speaker named beside it: the statement or the comments, unnamed, through the outlet
    ("The talks will resume, according to a statement carried by IRNA.", [["statement", "IRNA"]]),
    ("The talks will resume next week, according to a statement carried by the official IRNA news agency.",
     [["statement", "IRNA"]]),
    ("Iran is ready to resume the talks, comments carried by IRNA showed.", [["comments", "IRNA"]]),
    ("The talks will resume, according to a statement issued by the foreign ministry and carried by IRNA.",
     [["foreign ministry", "IRNA"]]),
    # another's voice stays another source
    ("Police said three people were killed in the blast, according to a spokesman for the hospital.",
     [["Police"], ["unnamed spokesman for the hospital"]]),
    ("Smith said the plan would fail, according to a statement from the White House.", [["Smith"], ["White House"]]),
    # ... and so does the voice of a body that is not the claim's speaker
    # (the men "who said" are a source of their own: the words "who" follows name them)
    ("Police arrested two men who said they were lost, according to a spokesman.",
     [["two men"], ["unnamed spokesman"]]),
])
def test_a_speakers_own_statement_or_spokesman_is_one_source(body, chain_names):
    *_, chains, flags, _ = trace("Talks\n\n" + body, site_name="Springfield Shopper")
    assert [names(c) for c in chains] == [c + ["Springfield Shopper"] for c in chain_names]
    unnamed = any(c[0].startswith("unnamed") for c in chain_names)
    assert any(f.kind == "anonymous-source" for f in flags) == unnamed


def test_the_claim_ends_before_the_speakers_own_statement():
    found = attribution.extract(clean("Talks\n\nThe foreign ministry said the talks would resume, according to a "
                                      "statement carried by IRNA."))
    assert [(a.speaker, a.via, a.content.text) for a in found] == [("foreign ministry", ("IRNA",), "the talks would resume")]


@pytest.mark.parametrize("body, chain_names", [
    # a statement's issuer, named after it or before it, is the source, through the outlet
    # that carried the statement
    ("A statement issued by the foreign ministry and carried by IRNA said the talks would resume.",
     [["foreign ministry", "IRNA"]]),
    ("The talks will resume, a statement issued by the foreign ministry and carried by IRNA said.",
     [["foreign ministry", "IRNA"]]),
    ("A foreign ministry statement carried by IRNA said the talks would resume.", [["foreign ministry", "IRNA"]]),
    ("The talks will resume, according to a foreign ministry statement carried by IRNA.",
     [["foreign ministry", "IRNA"]]),
    ("A White House statement said the talks would resume.", [["White House"]]),
    # no issuer named: the statement or the comments, through the outlet, at a sentence's
    # start as in its middle
    ("A statement carried by IRNA said the talks would resume.", [["statement", "IRNA"]]),
    ("The statement, carried by IRNA, said the talks would resume.", [["statement", "IRNA"]]),
    # "the statement" carried by an outlet, after its maker spoke in a statement: the maker's,
    # as "the statement said" alone is, through the outlet
    ("The Iranian foreign ministry said in a statement on Monday that the talks had begun. The "
     "statement, carried by IRNA, said the talks would resume.",
     [["Iranian foreign ministry"], ["Iranian foreign ministry", "IRNA"]]),
    ("Comments carried by IRNA showed the talks would resume.", [["comments", "IRNA"]]),
    ("Iran is ready to resume the talks, comments carried by IRNA showed.", [["comments", "IRNA"]]),
    # ... nor an official one (what kind it is: no unnamed official speaks)
    ("An official statement said the talks would resume.", [["official statement"]]),
    ("An official statement carried by IRNA said the talks would resume.", [["official statement", "IRNA"]]),
    # ... nor a body's statement ("joint", "written" say what kind it is, not whose)
    ("A joint statement said the talks would resume.", [["joint statement"]]),
    ("A written statement said the talks would resume.", [["written statement"]]),
])
def test_a_statements_issuer_is_its_source(body, chain_names):
    *_, chains, _, _ = trace("Talks\n\n" + body, site_name="Springfield Shopper")
    assert [names(c) for c in chains] == [c + ["Springfield Shopper"] for c in chain_names]


@pytest.mark.parametrize("body, chain_names", [
    ("The Times of London reported that the deal was off.", [["The Times (UK)"]]),
    ("The Times (London) reported that the deal was off.", [["The Times (UK)"]]),
    ("The deal was off, according to The Times of London.", [["The Times (UK)"]]),
    ("The Times reported that the deal was off.", [["Times"]]),  # which Times, the text does not say
])
def test_the_times_of_london_is_the_british_paper(body, chain_names):
    *_, chains, _, _ = trace("Deal\n\n" + body, site_name="Springfield Shopper")
    assert [names(c) for c in chains] == [c + ["Springfield Shopper"] for c in chain_names]


def test_an_official_statement_raises_no_anonymous_source_flag():
    """The labelling guide's "other": a document whose issuer goes unnamed, no person the text
    withholds (as "A statement said" raises none); "An official said" still does."""
    *_, flags, _ = trace("Talks\n\nAn official statement said the talks would resume.")
    assert [f.kind for f in flags if f.kind in {"anonymous-source", "vague-attribution"}] == []
    *_, flags, _ = trace("Talks\n\nAn official said the talks would resume.")
    assert [f.kind for f in flags if f.kind in {"anonymous-source", "vague-attribution"}] == ["anonymous-source"]


@pytest.mark.parametrize("body, speaker, content", [
    ("Iran is ready to resume the talks with the West, Rouhani said, comments carried by IRNA showed.",
     "Rouhani", "Iran is ready to resume the talks with the West"),
    ("Iran is ready to resume the talks, President Hassan Rouhani said, his remarks carried by IRNA showed.",
     "Hassan Rouhani", "Iran is ready to resume the talks"),
])
def test_the_claim_ends_before_its_speaker_and_the_words_an_outlet_carried(body, speaker, content):
    found = attribution.extract(clean("Talks\n\n" + body))
    assert [(a.speaker, a.via, a.content.text) for a in found] == [(speaker, ("IRNA",), content)]


@pytest.mark.parametrize("body, speaker, via", [
    # "his remarks" with no speaker in its own clause: the person "he" names there, as for
    # "he said", through the outlet that carried the remarks
    ("Foreign Minister Mohammad Zarif said on Monday that the talks were useful. Iran is ready to cooperate, "
     "his remarks carried by IRNA said.", "Mohammad Zarif", ("IRNA",)),
    ("Foreign Minister Mohammad Zarif said on Monday that the talks were useful. His remarks, carried by IRNA, "
     "said Iran is ready to cooperate.", "Mohammad Zarif", ("IRNA",)),
    ("Sen. Susan Collins said on Monday that the bill was dead. Her comments carried by CNN showed it "
     "would not return.", "Susan Collins", ("CNN",)),
    ("Sen. Susan Collins said on Monday that the bill was dead. It would not return, her statement said.",
     "Susan Collins", ()),
    # no one "his" fits: the remarks as written, still through the outlet
    ("Sen. Susan Collins said on Monday that the bill was dead. It would not return, his remarks carried "
     "by CNN said.", "his remarks", ("CNN",)),
])
def test_a_persons_remarks_carried_by_an_outlet_are_theirs(body, speaker, via):
    found = attribution.extract(clean("Talks\n\n" + body))
    assert [(a.speaker, a.via) for a in found][1:] == [(speaker, via)]


def test_the_remarks_of_a_person_named_before_trace_to_them_through_the_outlet():
    *_, chains, _, _ = trace("Talks\n\nForeign Minister Mohammad Zarif said on Monday that the talks were useful. "
                             "Iran is ready to cooperate, his remarks carried by IRNA said.",
                             site_name="Springfield Shopper")
    assert [names(c) for c in chains] == [["Mohammad Zarif", "Springfield Shopper"],
                                          ["Mohammad Zarif", "IRNA", "Springfield Shopper"]]


def test_a_speaker_set_inside_the_claim_still_splits_it():
    """The guard: "The golf industry, she said, is doing much better" is one claim around
    its speaker; only carried words after the speaker end it."""
    found = attribution.extract(clean("Golf\n\nThe golf industry, Smith said, is doing much better this year."))
    assert [(a.speaker, a.content.text) for a in found] == [
        ("Smith", "The golf industry, Smith said, is doing much better this year")]


@pytest.mark.parametrize("text, chain_names", [
    # "PTV" in a text about Pakistan: Pakistan Television, with its code (CaPu), as the speaker
    # and as the outlet that relayed others
    ("Speech\n\nISLAMABAD - Pakistan's prime minister addressed the nation on Sunday, PTV reported.",
     [["PTV (Pakistan)"]]),
    ("Border\n\nISLAMABAD - Officials said the border would reopen on Monday, PTV reported.",
     [["unnamed officials", "PTV (Pakistan)"]]),
    ("Speech\n\nState-run Pakistan Television reported that Prime Minister Imran Khan would speak.",
     [["PTV (Pakistan)"]]),
    # ... the Philippines' in a text about the Philippines
    ("Speech\n\nMANILA - President Rodrigo Duterte addressed the nation on Sunday, PTV reported.",
     [["PTV (Philippines)"]]),
])
def test_a_bare_ptv_is_the_state_broadcaster_of_the_country_the_text_is_about(text, chain_names):
    *_, chains, flags, _ = trace(text, site_name="Springfield Shopper")
    assert [names(c) for c in chains] == [c + ["Springfield Shopper"] for c in chain_names]
    assert [f.message.split(":")[0] for f in flags if f.kind == "state-affiliated-source"] == [chain_names[0][-1]]


@pytest.mark.parametrize("text, outlet, state", [
    # Serbia's RTS in a text about Serbia: the typology's Radio Television of Serbia, with its code
    ("Sanctions\n\nBELGRADE, Jan 9 (Reuters) - President Aleksandar Vucic said the country would not impose "
     "sanctions, carried by state broadcaster RTS, which said the decision was final.", "Radio Television of Serbia", True),
    ("Sanctions\n\nSerbian state broadcaster RTS reported that the decision was final.", "Radio Television of Serbia", True),
    # Senegal's in a text about Senegal, a dateline's credit as a mention
    ("Vote\n\nDAKAR (RTS) - President Macky Sall said the election would go ahead.",
     "Radiodiffusion T\u00e9l\u00e9vision S\u00e9n\u00e9galaise", True),
    ("Vote\n\nSenegalese state broadcaster RTS reported that the election would go ahead.",
     "Radiodiffusion T\u00e9l\u00e9vision S\u00e9n\u00e9galaise", True),
    ("Sanctions\n\nBELGRADE (RTS) - President Aleksandar Vucic said the decision was final.",
     "Radio Television of Serbia", True),
    # ... the Swiss one otherwise, or where the text says so, whatever else it names
    ("Vote\n\nThe Swiss state broadcaster RTS reported that Serbia had won the match.", "RTS", False),
    ("Vote\n\nState broadcaster RTS reported that the referendum would go ahead.", "RTS", False),
    ("Vote\n\nDAKAR (RTS) - The Swiss broadcaster said the vote in Geneva would go ahead.", "RTS", False),
])
def test_a_shared_acronym_names_the_outlet_of_the_country_the_text_is_about(text, outlet, state):
    *_, chains, flags, _ = trace(text, site_name="Springfield Shopper")
    hops = [h for c in chains for h in c.hops if h.name in {"RTS", "Radio Television of Serbia",
                                                            "Radiodiffusion T\u00e9l\u00e9vision S\u00e9n\u00e9galaise"}]
    assert hops and {h.name for h in hops} == {outlet}
    assert any(f.kind == "state-affiliated-source" and f.message.startswith(outlet) for f in flags) is state


def _page(**kw) -> Article:
    text = "Flu shots\n\nDoctors offered free flu shots, Dr. Luz Arroyo told NBC News on Tuesday.\n"
    return Article(input="p.html", title="Flu shots", text=text, paragraphs=paragraphs(text), **kw)


NBC = "https://www.nbcnews.com/news/latino/doctors-offer-flu-shots-n1085206"


def test_a_page_whose_canonical_link_is_another_outlets_republishes_it():
    reg = outlets.load()
    fetched = _page(url="https://www.msn.com/en-us/news/us/doctors/ar-BBXYZ", canonical=NBC)
    saved = _page(canonical=NBC, site_name="MSN")  # a saved page: its site name names the host
    for page in (fetched, saved):
        assert chain.republished_from(page, reg).name == "NBC News"
        assert chain.publishing_outlet(page, None, reg).name in {"msn.com", "MSN"}
        line = dateline.parse(page.text)
        credits, chains, flags, outlet = chain.build(page, line, attribution.extract(page.text), reg)
        assert [(c.name, c.evidence, c.link) for c in credits] == [("NBC News", None, NBC)]
        hops = chains[0].hops
        assert names(chains[0]) == ["Luz Arroyo", "NBC News", outlet.name]
        assert hops[1].link == NBC and hops[1].evidence is not None  # "told NBC News" quoted
    # with no words naming it, the hop is the canonical link's alone
    bare = Article(input="p.html", title="T", text="T\n\nThe game launches in December for $10.\n",
                   paragraphs=(), canonical="http://www.businessinsider.com/super-mario-run", site_name="MSN")
    credits, chains, _, outlet = chain.build(bare, None, (), reg)
    assert outlet.name == "MSN" and outlet.domain == "msn.com"
    assert [(h.name, h.kind, h.evidence, h.link) for h in chains[0].hops] == [
        ("businessinsider.com", "outlet", None, "http://www.businessinsider.com/super-mario-run"),
        ("MSN", "publisher", None, None)]


@pytest.mark.parametrize("url, canonical, site_name", [
    (None, "https://www.chron.com/news/x", "Houston Chronicle"),  # one paper, two domains
    (None, "https://www.nationalgeographic.co.uk/x", "National Geographic"),  # an edition
    (None, "https://www.sfgate.com/news/x", "Associated Press"),  # the agency is the byline, not the host
    ("http://127.0.0.1:8000/story", NBC, None),  # an address is no site
    ("https://edition.cnn.com/x", "https://www.cnn.com/x", None),  # a subdomain
    ("https://www.msn.com/x", None, "MSN"),  # no canonical link
    (None, NBC, None),  # a saved page naming no host
    (None, NBC, "NBC News"),  # its own
])
def test_a_canonical_link_to_the_same_brand_or_no_host_republishes_nothing(url, canonical, site_name):
    reg = outlets.load()
    page = _page(url=url, canonical=canonical, site_name=site_name)
    assert chain.republished_from(page, reg) is None
    assert all(c.link is None for c in chain.build(page, None, (), reg)[0])


def test_the_public_suffix_list_is_loaded_before_a_batch_forks():
    # `trace` calls this before forking so that workers share the list instead of each
    # reading it at its first canonical link; a call that only took courlan's fast path
    # (which reads "cnn.com" without the list) would leave it unloaded.
    from tld import utils

    utils.tld_names.clear()  # (as in a fresh process; the next call reads it again)
    chain.load_suffixes()
    assert any(utils.tld_names.values())
    assert chain._registered("https://www.bbc.co.uk/news/x") == "bbc.co.uk"


@pytest.mark.parametrize("sentence, chain_names", [
    ("The Guardian said the bank's outlook was negative, Reuters reported.", ["The Guardian", "Reuters"]),
    ("Fitch Ratings said the bank's outlook was negative, the Associated Press reported.",
     ["Fitch Ratings", "Associated Press"]),
])
def test_an_outlet_quoted_inside_another_outlet_s_closing_report_is_relayed_by_it(sentence, chain_names):
    # each outlet's words hold the other's cue; the closing "..., X reported" is the outer report
    # (the two had each been the other's relay, and the cycle left no chain at all)
    chains = trace("Bank outlook cut\n\n" + sentence)[3]
    assert names(chains[0])[:2] == chain_names


@pytest.mark.parametrize("sentence, chain_names", [
    # the source cited after the claim
    ("Interfax said the ship had sunk, quoting a navy spokesman.",
     ["unnamed navy spokesman", "Interfax"]),
    ("Yonhap reported on Monday that the talks had stalled, citing a government official.",
     ["unnamed government official", "Yonhap"]),
    # ... or in a clause on the outlet's report
    ("The report by Bloomberg, which cited unnamed sources, said the deal was close.",
     ["unnamed sources", "Bloomberg"]),
    ("A Reuters story, which quoted a senior diplomat, said the deal was close.",
     ["unnamed senior diplomat", "Reuters"]),
    # ... or with no commas, the report the subject
    ("A Reuters story that quoted a senior diplomat said the deal was close.",
     ["unnamed senior diplomat", "Reuters"]),
    ("A report by Reuters that cited two officials said the deal was close.",
     ["two unnamed officials", "Reuters"]),
    ("An AP report quoting a police official said five people died.",
     ["unnamed police official", "Associated Press"]),
    ("A report in The New York Times citing two officials said the deal was close.",
     ["two unnamed officials", "The New York Times"]),
])
def test_an_outlet_s_report_naming_its_source_is_relayed(sentence, chain_names):
    chains = trace("Talks stall\n\n" + sentence)[3]
    assert names(chains[0])[:2] == chain_names


def test_a_person_citing_a_poll_after_a_claim_relays_nothing():
    # "citing" after a person's claim is their argument, not a relay (as for "Citing a poll, Smith said")
    chains = trace("Plan fails\n\nSmith said the plan failed, citing a new poll.")[3]
    assert names(chains[0])[0] == "Smith"
    assert all(a.kind != "relay" for a in attribution.extract("Smith said the plan failed, citing a new poll."))


def test_tass_in_title_case_is_the_state_agency():
    chains, flags = trace("Talks stall\n\nTass quoted Kremlin spokesman Dmitry Peskov as saying the talks had stalled.")[3:5]
    assert names(chains[0])[:2] == ["Dmitry Peskov", "TASS"]
    assert any(f.kind == "state-affiliated-source" for f in flags)


@pytest.mark.parametrize("sentence", [
    "Smith, who cited a new poll, said the race was tight.",
    "A Smith report that cited a new poll said the race was tight.",
])
def test_a_person_who_cited_a_poll_relays_nothing(sentence):
    # "Smith, who cited a poll, said" argues from the poll: no outlet, no relay
    atts = attribution.extract(sentence)
    assert all(a.kind != "relay" for a in atts)


@pytest.mark.parametrize("sentence, outlet", [
    ("The missile flew 600 km, according to a report by the Yonhap news agency.", "Yonhap"),
    ("Shares rose after a report by the Nikkei newspaper said Toyota would cut output.", "Nikkei"),
    ("The missile flew 600 km, according to a report published on Monday by the Yonhap news agency.", "Yonhap"),
])
def test_a_report_by_an_outlet_named_with_what_it_is_speaks_for_the_outlet(sentence, outlet):
    # "the Yonhap news agency", "the Nikkei newspaper": the outlet, however long the phrase
    chains = trace("Report\n\n" + sentence)[3]
    assert names(chains[0])[0] == outlet


def test_a_document_quoting_someone_is_no_hop_of_its_own():
    # "An early tweet" is capitalised by the sentence, not a name: the tweet carried the words,
    # and no outlet called "early tweet" relayed them
    text = "Gun plan\n\nAn early tweet quoted the president as saying “Need to do something!”"
    chains = trace(text)[3]
    assert all("tweet" not in h.name for c in chains for h in c.hops)


@pytest.mark.parametrize("sentence, outlet", [
    ("The launch succeeded, the official Korean Central News Agency (KCNA) said on Friday.", "KCNA"),
    ("The Korean Central News Agency (KCNA) said the launch succeeded.", "KCNA"),
    ("Iran's Fars news agency, which is close to the Revolutionary Guards, said two drones were shot down.",
     "Fars"),
    ("The Huffington Post, which first covered him as entertainment, said it would treat the campaign as news.",
     "HuffPost"),
])
def test_an_outlet_named_in_full_with_its_acronym_or_a_clause_about_it_is_the_outlet(sentence, outlet):
    # the official agency's full name, the acronym after it, and "which is close to ..." are
    # no part of the name: the hop is the outlet (with its labels), not an unnamed source
    atts = [a for a in attribution.extract(sentence) if a.kind != "credit"]
    assert [a.speaker for a in atts] == [outlet]
    assert not atts[0].anonymous


def test_an_outlet_compared_with_another_stays_itself():
    # "CNN, like The Associated Press, which ...": CNN declared, not AP
    atts = attribution.extract("CNN, like The Associated Press, which was the first to do so, declared that "
                               "Clinton had enough delegates.")
    assert [a.speaker for a in atts if a.kind != "credit"] == ["CNN"]


@pytest.mark.parametrize("sentence, vague", [
    ("North Korea's state media said the missile was a new type.", True),
    ("Russian news agencies reported that the drills had ended.", True),
    ("Federal agencies said the rule was unclear.", False),  # government bodies, not the press
    ("China's media regulator said the rule was clear.", False),
])
def test_a_country_s_press_names_no_outlet(sentence, vague):
    atts = [a for a in attribution.extract(sentence) if a.kind != "credit"]
    assert [a.vague for a in atts] == [vague]


def test_a_claim_closing_on_unnamed_news_agencies_goes_through_them():
    chains = trace("Drills end\n\nOfficials said the drills had ended, Russian news agencies reported.")[3]
    assert [(h.name, h.kind) for h in chains[0].hops][:2] == [("unnamed officials", "source"),
                                                               ("Russian news agencies", "vague")]


def test_an_outlet_that_reported_earlier_citing_its_source_relays_it():
    # "reported earlier, citing ...": the adverb is no part of the cue's break (it had read
    # "citing" as the summit's own words)
    chains = trace("Summit delayed\n\nThe summit will be delayed, the Wall Street Journal reported earlier, "
                   "citing people familiar with the matter.")[3]
    assert [h.name for h in chains[0].hops][:2] == ["unnamed people familiar with the matter",
                                                    "The Wall Street Journal"]
    assert len(chains) == 1


@pytest.mark.parametrize("sentence", [
    "The summit will be delayed, according to Arab media.",
    "Greek media reported that the summit would be delayed.",
])
def test_the_press_of_a_people_names_no_outlet(sentence):
    atts = [a for a in attribution.extract(sentence) if a.kind != "credit"]
    assert [a.vague for a in atts] == [True]


@pytest.mark.parametrize("sentence, hop", [
    ("“We will respond,” Kanaani told local media.", "local media"),
    ("“We will respond,” foreign ministry spokesman Nasser Kanaani told state TV.", "state TV"),
    ("Kanaani told state television: “We will respond.”", "state television"),
])
def test_a_quote_told_to_unnamed_media_goes_through_them(sentence, hop):
    # as "Kanaani told state TV that ..." already did: a hop with no name, still a layer
    chains = trace("Iran responds\n\n" + sentence)[3]
    assert [(h.name, h.kind) for h in chains[0].hops][1] == (hop, "vague")


def test_a_quote_told_to_reporters_has_no_hop():
    chains = trace("Iran responds\n\n“We will respond,” Kanaani told reporters.")[3]
    assert [h.kind for h in chains[0].hops] == ["source", "publisher"]


@pytest.mark.parametrize("sentence", [
    "The vessel was carrying fuel, the semi-official Tasnim news agency said, citing a Guards commander.",
    "The vessel was carrying fuel, the state-run IRNA reported, quoting a police official.",
])
def test_what_an_outlet_is_is_no_part_of_the_claim_it_relays(sentence):
    relay, = [a for a in attribution.extract(sentence) if a.kind == "relay"]
    assert relay.content.text == "The vessel was carrying fuel"


def test_telling_the_credited_agency_is_one_route_with_the_rest():
    # in an AP story, "told The Associated Press" and "said" reach the page the same way: one chain
    text = ("Deal collapses\n\nWASHINGTON (AP) — The deal collapsed on Thursday.\n\n"
            "“We were close,” Sen. Chris Murphy told The Associated Press. Murphy said the White House "
            "had not asked for changes.")
    chains = trace(text)[3]
    routes = [names(c) for c in chains if names(c)[0] == "Chris Murphy"]
    assert len(routes) == 1 and routes[0][1] == "Associated Press"


@pytest.mark.parametrize("sentence, flagged", [
    ("A new Gallup poll shows 60 percent of voters want action on the border.", []),
    ("Polls show most voters want action on the border.", ["Polls show"]),
    # another poll inside a poll's finding is a claim of its own
    ("The new poll finds Trump up four points, while other recent surveys show Clinton with a narrow edge.",
     ["other recent surveys show"]),
])
def test_a_share_a_poll_counts_is_its_result_not_a_vague_source(sentence, flagged):
    flags = trace("Poll\n\n" + sentence)[4]
    assert [f.evidence.text for f in flags if f.kind == "vague-attribution"] == flagged


@pytest.mark.parametrize("sentence, outlet", [
    ("Syria's official news agency SANA said 12 people were killed.", "SANA"),
    ("Iran's official news agency IRNA said the talks would resume.", "IRNA"),
])
def test_official_before_what_an_outlet_is_and_its_name_is_no_official(sentence, outlet):
    # "official news agency SANA": the agency speaks, no unnamed official
    atts = [a for a in attribution.extract(sentence) if a.kind != "credit"]
    assert [(a.speaker, a.anonymous) for a in atts] == [(outlet, False)]


@pytest.mark.parametrize("sentence", [
    "The strike killed 12 people, the Syrian Observatory for Human Rights, a Britain-based war monitor, said.",
    "The Syrian Observatory for Human Rights, a Britain-based war monitor, said the strike killed 12 people.",
])
def test_a_body_named_with_for_keeps_its_name_beside_an_apposition(sentence):
    atts = [a for a in attribution.extract(sentence) if a.kind != "credit"]
    assert [a.speaker for a in atts] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize("text, relay", [
    ("Law blocked\n\nJudge Carlton Reeves ruled on Thursday. The law is unfair, Reeves wrote, citing precedent.",
     "Reeves"),
    ("Lawmaker speaks\n\nRep. Joey Salceda spoke on Monday. Salceda, citing data from the U.S. State "
     "Department, said the country would gain.", "Salceda"),
])
def test_a_person_who_relays_a_source_is_a_source_hop_and_a_layer(text, relay):
    # a judge or a lawmaker citing something is no outlet; the claim still reaches the page
    # through them
    chains, flags = trace(text)[3:5]
    hops = [(h.name, h.kind) for c in chains for h in c.hops[1:-1]]
    assert hops == [(relay, "source")]
    assert [f.kind for f in flags].count("multi-layer-attribution") == 1


def test_an_outlet_the_registry_lacks_is_still_an_outlet_hop():
    chains = trace("Ceasefire\n\nThe ceasefire held, the Kyiv Independent reported, citing local officials.")[3]
    assert [(h.name, h.kind) for h in chains[0].hops[1:-1]] == [("Kyiv Independent", "outlet")]


@pytest.mark.parametrize("body, routes", [
    # an outlet's own claim, elsewhere than what it relays, is a chain of its own
    ("CNN said Delaney met with donors on Tuesday. Delaney told CNN that he was focused on his job.",
     [["CNN"], ["Delaney", "CNN"]]),
    # the outlet's report of what it relays is its hop only
    ("Officials said the talks had failed, Reuters reported.", [["unnamed officials", "Reuters"]]),
    ("Reuters, citing two officials, reported that the talks had failed.", [["two unnamed officials", "Reuters"]]),
    # ... and so is its report of someone's words, when it relays that someone elsewhere
    ("Trump told The New York Times that he was happy. Trump said: “There will always be exceptions,” "
     "the Times reported.", [["Trump", "The New York Times"], ["Trump"]]),
])
def test_an_outlet_that_relays_others_keeps_a_chain_for_its_own_claims(body, routes):
    chains = trace("Talks\n\n" + body)[3]
    assert sorted(names(c)[:-1] for c in chains) == sorted(routes)


@pytest.mark.parametrize("sentence, outlet", [
    # the British press's words for an outlet's own sources: the outlet's claim
    ("The prime minister is facing a revolt over housing targets, the BBC understands.", "BBC"),
    ("The Guardian has learned that ministers have drawn up concessions.", "The Guardian"),
])
def test_what_an_outlet_understands_or_has_learned_is_its_report(sentence, outlet):
    chains = trace("Revolt\n\n" + sentence)[3]
    assert [names(c)[:-1] for c in chains] == [[outlet]]


def test_what_a_person_understands_is_no_report():
    assert attribution.extract("The minister is facing a revolt, Smith understands.") == ()
