"""Build ``tracer/data/outlets.json`` from ../shared/data/outlets/ plus a curated wire list.

    python -m bench.build_outlets --data ../shared/data [--out tracer/data/outlets.json]

Inputs (facts about outlets, from outside the team; see tracer/data/OUTLETS-SOURCE.md):
- ASD-at-GMF/state-media-profiles State_Media_Matrix.csv (MIT), State Media Monitor typology.
- idiap/News-Media-Reliability golden_truth_dataset.csv (Apache-2.0), Burdisso et al. 2024.

Only the columns the registry needs are kept: name, aliases, domains, kind, country,
typology code; domain -> reliability label and its label source.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

# The curated part: wire agencies (kind "agency") and a few publishers the tool meets
# often. Name first, then aliases, then domains. Canonical names are what credits show.
AGENCIES: list[tuple[str, list[str], list[str]]] = [
    ("Associated Press", ["AP", "The Associated Press", "AP News"], ["apnews.com", "ap.org"]),
    ("AFP", ["Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse"], ["afp.com"]),
    ("Reuters", ["Thomson Reuters", "Reuters News"], ["reuters.com"]),
    ("UPI", ["United Press International"], ["upi.com"]),
    ("Xinhua", ["Xinhua News Agency", "New China News Agency", "Xinhuanet"], ["xinhuanet.com", "news.cn"]),
    ("TASS", ["ITAR-TASS", "TASS Russian News Agency", "Tass News Agency", "Tass"], ["tass.com", "tass.ru"]),
    ("Sputnik", ["Sputnik News", "Sputnik International", "Sputnik News Agency"],
     ["sputniknews.com", "sputnikglobe.com", "sputniknews.in", "sputniknews.ru"]),
    ("Yonhap", ["Yonhap News Agency", "Yonhap News", "South Korean Yonhap news agency"],
     ["yna.co.kr", "yonhapnews.co.kr"]),
    ("ANI", ["Asian News International"], ["aninews.in"]),
    ("PTI", ["Press Trust of India"], ["ptinews.com"]),
    ("IANS", ["Indo-Asian News Service", "Indo Asian News Service"], ["ianslive.in"]),
    ("UNI", ["United News of India"], ["uniindia.com"]),
    ("APP", ["Associated Press of Pakistan"], ["app.com.pk"]),
    ("WAM", ["Emirates News Agency"], ["wam.ae"]),
    ("Anadolu", ["Anadolu Agency", "Anadolu Ajansi", "AA"], ["aa.com.tr"]),
    ("EFE", ["Agencia EFE"], ["efe.com"]),
    ("dpa", ["Deutsche Presse-Agentur", "Deutsche Presse Agentur"], ["dpa.com"]),
    ("Kyodo", ["Kyodo News", "Kyodo News Agency"], ["kyodonews.net", "kyodonews.jp"]),
    ("Jiji Press", ["Jiji"], ["jiji.com"]),
    ("Bernama", ["Malaysian National News Agency"], ["bernama.com"]),
    ("ANSA", ["Agenzia Nazionale Stampa Associata"], ["ansa.it"]),
    ("RIA Novosti", ["RIA"], ["ria.ru"]),
    ("Interfax", [], ["interfax.ru", "interfax.com"]),
    ("IRNA", ["Islamic Republic News Agency"], ["irna.ir"]),
    ("Fars", ["Fars News Agency"], ["farsnews.ir"]),
    ("Tasnim", ["Tasnim News Agency"], ["tasnimnews.com"]),
    ("Mehr", ["Mehr News Agency"], ["mehrnews.com"]),
    ("KCNA", ["Korean Central News Agency"], ["kcna.kp"]),
    ("CNA", ["Central News Agency", "Focus Taiwan"], ["cna.com.tw", "focustaiwan.tw"]),
    ("PA", ["Press Association", "PA Media", "The Press Association"], ["pa.media"]),
    ("AAP", ["Australian Associated Press"], ["aap.com.au"]),
    ("Canadian Press", ["The Canadian Press", "CP"], ["thecanadianpress.com"]),
    ("Bloomberg", ["Bloomberg News"], ["bloomberg.com"]),
    ("SANA", ["Syrian Arab News Agency"], ["sana.sy"]),
    ("SPA", ["Saudi Press Agency"], ["spa.gov.sa"]),
    ("QNA", ["Qatar News Agency"], ["qna.org.qa"]),
    ("KUNA", ["Kuwait News Agency"], ["kuna.net.kw"]),
    ("MENA", ["Middle East News Agency"], ["mena.org.eg"]),
    ("Petra", ["Jordan News Agency"], ["petra.gov.jo"]),
    ("Antara", ["Antara News Agency"], ["antaranews.com"]),
    ("VNA", ["Vietnam News Agency"], ["vnanet.vn"]),
    ("China News Service", ["CNS", "Zhongguo Xinwen She"], ["chinanews.com", "chinanews.com.cn"]),
    ("Ukrinform", [], ["ukrinform.net", "ukrinform.ua"]),
    ("PAP", ["Polish Press Agency", "Polska Agencja Prasowa"], ["pap.pl"]),
    ("Lusa", ["Agencia Lusa"], ["lusa.pt"]),
    ("Europa Press", [], ["europapress.es"]),
    ("Prensa Latina", [], ["prensa-latina.cu", "plenglish.com"]),
    ("NAN", ["News Agency of Nigeria"], ["nannews.ng"]),
    ("BSS", ["Bangladesh Sangbad Sangstha"], ["bssnews.net"]),
    ("Newsis", [], ["newsis.com"]),
    ("Agencia Brasil", ["Agência Brasil"], ["agenciabrasil.ebc.com.br"]),
    ("PR Newswire", ["PRNewswire", "PRNewswire-USNewswire"], ["prnewswire.com"]),
    ("Business Wire", ["BusinessWire"], ["businesswire.com"]),
    ("GlobeNewswire", ["Globe Newswire"], ["globenewswire.com"]),
    ("INP", ["Independent News Pakistan"], ["inp.net.pk"]),
    ("NNI", ["News Network International"], []),
    ("JTA", ["Jewish Telegraphic Agency"], ["jta.org"]),  # "KVELLER via JTA —"
    ("PPI", ["Pakistan Press International", "PPI-OT"], ["ppinewsagency.com"]),  # "LAHORE (PPI-OT):"
    ("KNO", ["Kashmir News Observer"], []),  # "Srinagar, Jan 9 (KNO):"
    # national agencies the typology lists as plain outlets ("ASTANA. KAZINFORM -", "MINSK,
    # 9 January (BelTA) -"): agencies here, with the typology's domains, so its labels join
    ("Kazinform", ["Kazakhstan National News Agency"], ["inform.kz"]),
    ("Armenpress", ["Armenian News Agency"], ["armenpress.am"]),
    ("BelTA", ["Belarusian Telegraph Agency", "Belta"], ["belta.by"]),
    ("Azertac", ["AZERTAC", "Azerbaijan State News Agency"], ["azertac.az"]),
    ("Agerpres", [], ["agerpres.ro"]),
    ("Tanjug", [], ["tanjug.rs"]),
    ("HINA", ["Croatian News Agency"], ["hina.hr"]),  # (not "Hina": a given name)
    ("Notimex", [], ["notimex.mx"]),
    ("Telam", ["Télam"], ["telam.com.ar"]),
    ("RSS", ["Rastriya Samachar Samiti"], ["rssnepal.org.np"]),
    ("TASR", ["News Agency of the Slovak Republic"], ["tasr.sk"]),
    ("STA", ["Slovenian Press Agency", "Slovenian News Agency"], ["sta.si"]),
    # agencies no data source lists; the Dutch ANP before Niger's (Agence Nigerienne de
    # Presse keeps its full name and domain): the one English copy credits
    ("ANP", ["Algemeen Nederlands Persbureau"], ["anp.nl"]),
    ("Ritzau", [], ["ritzau.dk"]),
    ("Belga", ["Belga News Agency"], ["belganewsagency.eu", "belga.be"]),
    ("TT", ["TT News Agency", "Tidningarnas Telegrambyrå"], ["tt.se"]),
    ("NTB", ["Norsk Telegrambyrå"], ["ntb.no"]),
    ("STT", ["STT-FNB", "Finnish News Agency"], ["stt.fi"]),
    ("UNIAN", [], ["unian.info", "unian.net"]),
    ("Pajhwok", ["Pajhwok Afghan News"], ["pajhwok.com"]),
    ("AKIpress", [], ["akipress.com"]),
    # Azerbaijan's Trend: never by the bare "Trend" ("Trend Micro", "a trend"), which names it
    # only in a dateline's credit ("BAKU, Azerbaijan, January 9. (Trend)": dateline.py)
    ("Trend News Agency", [], ["trend.az"]),
]

PUBLISHERS: list[tuple[str, list[str], list[str]]] = [
    ("Pakistan Point News", ["UrduPoint", "Urdu Point", "UrduPoint News", "Pakistan Point"],
     ["urdupoint.com", "pakistanpoint.com"]),
    ("CNN", ["Cable News Network", "CNN International"], ["cnn.com"]),
    ("The New York Times", ["New York Times", "NYT", "NY Times"], ["nytimes.com"]),
    ("The Washington Post", ["Washington Post", "WaPo"], ["washingtonpost.com"]),
    ("The Wall Street Journal", ["Wall Street Journal", "WSJ"], ["wsj.com"]),
    ("USA Today", ["USA TODAY"], ["usatoday.com"]),
    ("Politico", ["POLITICO"], ["politico.com"]),
    ("The Hill", [], ["thehill.com"]),
    ("Breitbart News", ["Breitbart"], ["breitbart.com"]),
    ("HuffPost", ["Huffington Post", "The Huffington Post"], ["huffingtonpost.com", "huffpost.com"]),
    ("Western Journalism", ["Western Journal", "The Western Journal"], ["westernjournalism.com", "westernjournal.com"]),
    # a one-word name no rated domain's stem finds ("he told Mic"), a plain word in lower case
    # ("into the mic"): tracer.outlets matches it as written, capitalised (WORD_NAMES)
    ("Mic", [], ["mic.com"]),
    # state outlets the typology lists under longer names than the ones news copy uses
    ("RT", ["RT International", "Russia Today", "RT News"], ["rt.com"]),
    ("CGTN", ["China Global Television Network", "China Global Television Network (CGTN)"], ["cgtn.com"]),
    ("Fox News", ["Fox News Channel", "FOX News"], ["foxnews.com"]),
    ("NBC News", ["NBC"], ["nbcnews.com"]),
    ("ABC News", ["ABC"], ["abcnews.go.com"]),
    ("CBS News", ["CBS"], ["cbsnews.com"]),
    ("MSNBC", [], ["msnbc.com"]),
    ("NPR", ["National Public Radio"], ["npr.org"]),
    ("BBC", ["BBC News", "British Broadcasting Corporation"], ["bbc.com", "bbc.co.uk"]),
    ("The Guardian", ["Guardian"], ["theguardian.com", "guardian.co.uk"]),
    ("The Times of India", ["Times of India", "TOI"], ["timesofindia.indiatimes.com"]),
    ("Hindustan Times", ["HT"], ["hindustantimes.com"]),
    ("NDTV", [], ["ndtv.com"]),
    ("Dawn", ["Dawn News"], ["dawn.com"]),
    ("The Express Tribune", ["Express Tribune"], ["tribune.com.pk"]),
    ("The News International", [], ["thenews.com.pk"]),
    ("The Korea Herald", ["Korea Herald"], ["koreaherald.com"]),
    ("The Korea Times", ["Korea Times"], ["koreatimes.co.kr"]),
    ("South China Morning Post", ["SCMP"], ["scmp.com"]),
    ("Daily Mail", ["Mail Online", "MailOnline"], ["dailymail.co.uk"]),
    ("The Independent", [], ["independent.co.uk"]),
    ("The Telegraph", ["Daily Telegraph"], ["telegraph.co.uk"]),
    ("Yahoo News", [], ["news.yahoo.com"]),
    # the Canadian broadcaster, not the Azerbaijani channel the typology also lists as "CBC"
    ("CBC", ["CBC News", "Canadian Broadcasting Corporation"], ["cbc.ca"]),
    # the US broadcaster, not the Philippine Broadcasting Service the typology also calls "PBS"
    ("PBS", ["Public Broadcasting Service", "PBS NewsHour"], ["pbs.org"]),
    # likewise the channels English copy means by these names, not the state ones the
    # typology also lists under them (Hungary's MTV, Chile's TVN, Senegal's RTS, Burundi's ABP)
    ("MTV", ["MTV News"], ["mtv.com"]),
    ("TVN", ["TVN24"], ["tvn24.pl", "tvn.pl"]),
    ("RTS", ["Radio Télévision Suisse"], ["rts.ch"]),
    ("ABP News", ["ABP"], ["abplive.com"]),
    # outlets wire copy cites whose names are not their domains' stems (so the rated-domain
    # fallback cannot name them); none whose name is also a common noun once "the" is
    # dropped ("The Economist", "The Atlantic", "The Intercept"), a party ("Vox") or a surname
    # ("Forbes"): names match case-insensitively
    ("Financial Times", ["FT"], ["ft.com"]),
    ("Los Angeles Times", ["LA Times", "L.A. Times"], ["latimes.com"]),
    ("New York Post", ["NY Post"], ["nypost.com"]),
    ("Newsweek", [], ["newsweek.com"]),
    ("CNBC", [], ["cnbc.com"]),
    ("Axios", [], ["axios.com"]),
    ("Sky News", [], ["news.sky.com"]),
    ("ITV News", [], ["itv.com"]),
    ("Evening Standard", ["London Evening Standard"], ["standard.co.uk"]),
    ("Daily Mirror", ["The Daily Mirror"], ["mirror.co.uk"]),
    ("France 24", ["France24"], ["france24.com"]),
    ("Euronews", [], ["euronews.com"]),
    ("Le Monde", [], ["lemonde.fr"]),
    ("Der Spiegel", ["Spiegel"], ["spiegel.de"]),
    ("El País", ["El Pais"], ["elpais.com"]),
    ("Corriere della Sera", [], ["corriere.it"]),
    ("Haaretz", [], ["haaretz.com"]),
    ("The Times of Israel", ["Times of Israel"], ["timesofisrael.com"]),
    # London's The Times only by a name no other Times goes by ("the Times" alone is any paper's)
    ("The Times (UK)", ["Times of London", "The Times (London)"], ["thetimes.co.uk", "timesonline.co.uk"]),
    ("Nikkei", ["Nikkei Asia", "Nikkei Asian Review", "Nikkei Shimbun"], ["nikkei.com", "asia.nikkei.com"]),
    ("Caixin", [], ["caixinglobal.com", "caixin.com"]),
    ("The Sydney Morning Herald", ["Sydney Morning Herald"], ["smh.com.au"]),
    ("The Globe and Mail", ["Globe and Mail"], ["theglobeandmail.com"]),
    ("Toronto Star", [], ["thestar.com"]),
    ("The Verge", [], ["theverge.com"]),
    ("TechCrunch", [], ["techcrunch.com"]),
    ("ProPublica", [], ["propublica.org"]),
    ("Semafor", [], ["semafor.com"]),
    ("Punchbowl News", [], ["punchbowl.news"]),
    ("Kommersant", [], ["kommersant.ru"]),
    ("Vedomosti", [], ["vedomosti.ru"]),
    ("Meduza", [], ["meduza.io"]),
    ("Novaya Gazeta", [], ["novayagazeta.ru"]),
    ("Ukrainska Pravda", [], ["pravda.com.ua"]),
    ("Bild", ["Bild-Zeitung", "Bild am Sonntag"], ["bild.de"]),
    ("Die Welt", ["Welt am Sonntag"], ["welt.de"]),
    ("Frankfurter Allgemeine Zeitung", ["FAZ", "Frankfurter Allgemeine"], ["faz.net"]),
    ("Süddeutsche Zeitung", ["Sueddeutsche Zeitung", "Suddeutsche Zeitung"], ["sueddeutsche.de"]),
    ("Le Figaro", [], ["lefigaro.fr"]),
    ("Libération", [], ["liberation.fr"]),  # (not "Liberation": "People's Liberation Army")
    ("La Repubblica", [], ["repubblica.it"]),
    ("Asahi Shimbun", ["The Asahi Shimbun", "Asahi"], ["asahi.com"]),
    ("Yomiuri Shimbun", ["The Yomiuri Shimbun", "Yomiuri"], ["yomiuri.co.jp"]),
    ("Mainichi Shimbun", ["The Mainichi", "Mainichi"], ["mainichi.jp"]),
    ("JoongAng Ilbo", ["Korea JoongAng Daily"], ["joongang.co.kr"]),
    ("Chosun Ilbo", ["The Chosun Ilbo"], ["chosun.com"]),
    ("Dong-A Ilbo", [], ["donga.com"]),
    # South Asian, Asian, African, Middle Eastern and Latin American outlets wire copy cites
    # (the typology lists state media only; these are not), found missing by a battery of
    # such copy; same rule as above: no plain words ("The Hindu", "Mint", "The Nation",
    # "The Star", "Punch", "The Australian" stay out)
    ("Geo News", ["Geo TV"], ["geo.tv"]),
    ("ARY News", [], ["arynews.tv"]),
    ("Samaa TV", ["Samaa", "Samaa News"], ["samaa.tv"]),
    ("Dunya News", ["Dunya TV"], ["dunyanews.tv"]),
    ("Business Recorder", [], ["brecorder.com"]),
    ("Pakistan Today", [], ["pakistantoday.com.pk"]),
    ("India Today", [], ["indiatoday.in"]),
    ("News18", ["CNN-News18"], ["news18.com"]),
    ("Zee News", [], ["zeenews.india.com"]),
    ("Times Now", [], ["timesnownews.com"]),
    ("WION", [], ["wionews.com"]),
    ("Firstpost", [], ["firstpost.com"]),
    ("The Quint", [], ["thequint.com"]),
    ("ThePrint", [], ["theprint.in"]),  # (not "The Print": "- Print Article")
    ("The Economic Times", ["Economic Times"], ["economictimes.indiatimes.com"]),
    ("Greater Kashmir", [], ["greaterkashmir.com"]),
    ("Rising Kashmir", [], ["risingkashmir.com"]),
    ("Kashmir Observer", [], ["kashmirobserver.net"]),
    ("Prothom Alo", [], ["prothomalo.com"]),
    ("Dhaka Tribune", [], ["dhakatribune.com"]),
    ("The Kathmandu Post", ["Kathmandu Post"], ["kathmandupost.com"]),
    ("The Japan Times", ["Japan Times"], ["japantimes.co.jp"]),
    ("Sankei Shimbun", ["Sankei", "The Sankei Shimbun"], ["sankei.com"]),
    ("Hankyoreh", ["The Hankyoreh"], ["hani.co.kr"]),
    ("The Philippine Star", ["Philippine Star", "PhilStar"], ["philstar.com"]),
    ("Philippine Daily Inquirer", ["Inquirer.net"], ["inquirer.net"]),
    ("Rappler", [], ["rappler.com"]),
    ("Manila Bulletin", [], ["mb.com.ph"]),
    ("VnExpress", [], ["vnexpress.net"]),
    ("New Straits Times", ["NST"], ["nst.com.my"]),
    ("The New Zealand Herald", ["New Zealand Herald", "NZ Herald"], ["nzherald.co.nz"]),
    ("The Jerusalem Post", ["Jerusalem Post", "JPost"], ["jpost.com"]),
    ("Ynet", ["Ynetnews", "Yedioth Ahronoth"], ["ynetnews.com", "ynet.co.il"]),
    ("i24NEWS", [], ["i24news.tv"]),
    ("Kathimerini", ["Ekathimerini"], ["ekathimerini.com", "kathimerini.gr"]),
    ("Al-Monitor", ["Al Monitor"], ["al-monitor.com"]),
    ("The New Arab", [], ["newarab.com"]),
    ("Egypt Independent", [], ["egyptindependent.com"]),
    ("Daily Maverick", [], ["dailymaverick.co.za"]),
    ("News24", [], ["news24.com"]),
    ("Mail & Guardian", ["Mail and Guardian"], ["mg.co.za"]),
    ("Premium Times", [], ["premiumtimesng.com"]),
    ("Clarín", ["Clarin"], ["clarin.com"]),
    ("Folha de S.Paulo", ["Folha", "Folha de Sao Paulo", "Folha de São Paulo"], ["folha.uol.com.br"]),
    ("O Globo", [], ["oglobo.globo.com"]),
    ("Infobae", [], ["infobae.com"]),
]

# Typology entries news copy names otherwise: entry name -> (the name copy uses, or None to
# keep it; more aliases). The typology's spelling stays an alias.
RENAMES: dict[str, tuple[str | None, list[str]]] = {
    "IRIB TV": ("IRIB", ["Islamic Republic of Iran Broadcasting"]),
    "Voice of America": (None, ["VOA"]),
    "Radio Free Europe/Radio Liberty": (None, ["RFE/RL", "Radio Free Europe", "Radio Liberty"]),
    "PBC": ("Radio Pakistan", ["Pakistan Broadcasting Corporation"]),
    "Radio France Internationale (RFI)": ("RFI", ["Radio France Internationale"]),
    "Al Ahram Publishing House (Al Ahram": ("Al-Ahram", ["Ahram Online", "Al Ahram Publishing House"]),
    "Philippines News Agency": (None, ["Philippine News Agency", "PNA"]),
    "Russia-1 (Россия-1)": ("Russia-1", ["Rossiya 1", "Rossiya-1", "Russia 1"]),
    "Russia-24 (Россия-24)": ("Russia-24", ["Rossiya 24", "Rossiya-24", "Russia 24"]),
    "Pervyy kanal": ("Channel One Russia", ["Pervyi Kanal", "Perviy Kanal"]),
    "Yeni Safah": ("Yeni Şafak", ["Yeni Safak"]),
    # (the typology gives China Daily the Chinese name of China Youth Daily, its next row)
    "China Daily (Zhōngguó Qīngnián Bào)": ("China Daily", []),
    "AMNA": (None, ["ANA-MPA"]),  # its credit: "ATHENS (ANA-MPA) -"
    # the typology's row for Radio Television of Serbia (RTS) names its first channel; the bare
    # "RTS" stays the Swiss broadcaster's, Serbia's in a text about Serbia (tracer.outlets.meant)
    "RTS1": ("Radio Television of Serbia", ["Radio Televizija Srbije"]),
    # news copy's "state-run Pakistan Television" (the typology's company name ends in
    # "Corporation"); the bare "PTV" is Pakistan's in a text about Pakistan (tracer.outlets.meant)
    "PTV (Pakistan)": (None, ["Pakistan Television"]),
}

ASSET_PREFIX = re.compile(r"^(?:news agency|print media|print|television|tv|radio|online|news portals?)\s*:\s*", re.I)
PAREN = re.compile(r"\s*\(([^)]*)\)?\s*")
SLD = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}


def norm(name: str) -> str:
    # Same folding as tracer.outlets._norm: case, punctuation, a leading "the".
    name = re.sub(r"[^\w]+", " ", name.lower()).strip()
    return re.sub(r"^the ", "", name)


def domain_of(url: str) -> str | None:
    url = url.strip().lower()
    if not url:
        return None
    url = re.sub(r"^[a-z]+://", "", url)
    host = url.split("/")[0].split(":")[0]
    host = re.sub(r"^www\d?\.", "", host)
    return host if "." in host else None


def registrable(host: str) -> str:
    parts = host.split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in SLD:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def build(data: Path) -> dict:
    outlets: list[dict] = []
    alias_index: dict[str, int] = {}
    domain_index: dict[str, int] = {}
    ambiguous: set[str] = set()  # names two countries' outlets share: neither's to match

    def add(name, aliases, domains, kind, country=None):
        i = len(outlets)
        outlets.append({"name": name, "kind": kind, "aliases": [], "domains": [], "labels": [],
                        **({"country": country} if country else {})})
        for alias in [name, *aliases]:
            key = norm(alias)
            if key and key not in alias_index and key not in ambiguous:
                alias_index[key] = i
                if alias != name:
                    outlets[i]["aliases"].append(alias)
        for d in domains:
            if d and d not in domain_index:
                domain_index[d] = i
                outlets[i]["domains"].append(d)
        return i

    for name, aliases, domains in AGENCIES:
        add(name, aliases, domains, "agency")
    for name, aliases, domains in PUBLISHERS:
        add(name, aliases, domains, "outlet")
    curated = len(outlets)

    def disambiguate(i, keys):
        # "PTV" is Pakistan's and the Philippines' state television: each keeps its domain
        # and its longer names, takes its country into its name, and the shared name finds
        # neither (a label is never given on a name that may be the other outlet's)
        ambiguous.update(keys)
        o = outlets[i]
        for key in keys:
            if alias_index.get(key) == i:
                del alias_index[key]
        if norm(o["name"]) in ambiguous:
            o["name"] = f"{o['name']} ({o['country']})"
            alias_index[norm(o["name"])] = i
        o["aliases"] = [a for a in o["aliases"] if norm(a) not in ambiguous]

    def curated_by_domain(d):
        for key in (d, registrable(d)):
            i = domain_index.get(key)
            if i is not None and i < curated:
                return i
        return None

    rows = list(csv.DictReader(open(data / "asd-state-media" / "State_Media_Matrix.csv", encoding="utf-8")))
    assets_per_company: dict[str, set] = {}
    for r in rows:
        assets_per_company.setdefault(r["Media company"], set()).add(r["Main assets"])
    for r in rows:
        code = r["Typology"].strip()
        if not code:
            continue
        asset = ASSET_PREFIX.sub("", r["Main assets"].strip()).strip()
        bare = PAREN.sub(" ", asset).strip()
        company = r["Media company"].strip().rstrip("*")
        d = domain_of(r["URL"])
        country = r["Country"].strip()
        i = alias_index.get(norm(asset))
        if i is None:
            i = alias_index.get(norm(bare))
        if i is not None and i >= curated and outlets[i].get("country") not in (None, country):
            disambiguate(i, {norm(asset), norm(bare)} - {""})  # same name, another country's outlet
            i = None
        if i is None and norm(asset) in ambiguous:
            i = alias_index.get(norm(f"{asset} ({country})"))  # that country's, met before
        if i is not None and i < curated and d and outlets[i]["domains"] and curated_by_domain(d) not in (i, None):
            i = None  # same acronym, another outlet (Cyprus CNA vs Taiwan CNA)
        if i is not None and i < curated and d and outlets[i]["domains"] and curated_by_domain(d) is None:
            i = None  # a name shared with a curated outlet on another domain (Namibia's NBC vs NBC News)
        if i is None and d is not None:
            i = curated_by_domain(d)
            if i is not None and norm(bare) not in alias_index:
                alias_index[norm(bare)] = i
                outlets[i]["aliases"].append(bare)
        if i is None:
            # "China Central Television (CCTV)": the bare name and its acronym name it too (an
            # acronym of four capitals or more: "AIR", "CRI" are words or others' too often)
            aliases = [bare, *(a for a in PAREN.findall(asset) if re.fullmatch(r"[A-Z]{4,}", a))] if bare != asset else []
            if len(assets_per_company[r["Media company"]]) == 1:
                aliases += [PAREN.sub(" ", company).strip(), *PAREN.findall(company)]
            name = asset
            if norm(asset) in ambiguous:
                name = f"{asset} ({country})"
            elif norm(asset) in alias_index:  # an acronym another outlet owns: use the company name
                name, aliases = PAREN.sub(" ", company).strip(), [asset, *aliases]
            i = add(name, aliases, [], "agency" if re.search(r"news agency", company + asset, re.I) else "outlet",
                    country)
        o = outlets[i]
        o.setdefault("country", country)
        if d and d not in domain_index:
            domain_index[d] = i
            o["domains"].append(d)
        if code not in o["labels"]:
            o["labels"].append(code)

    for o in outlets:
        if o["name"] in RENAMES:
            new_name, more = RENAMES[o["name"]]
            i = alias_index[norm(o["name"])]
            if new_name:
                o["aliases"].insert(0, o["name"])
                o["name"] = new_name
            for alias in [new_name or o["name"], *more]:
                if norm(alias) not in alias_index:
                    alias_index[norm(alias)] = i
                    o["aliases"].append(alias)
            o["aliases"] = [a for a in dict.fromkeys(o["aliases"]) if a != o["name"]]
    missing = set(RENAMES) - {o["name"] for o in outlets} - {a for o in outlets for a in o["aliases"]}
    if missing:
        raise SystemExit(f"build_outlets: RENAMES names entries the typology no longer has: {sorted(missing)}")

    reliability: dict[str, list] = {}
    for r in csv.DictReader(open(data / "news-media-reliability" / "golden_truth_dataset.csv", encoding="utf-8")):
        d = domain_of(r["domain"])
        if d:
            reliability[d] = [int(r["reliability_label"]), r["label_source"].strip()]
    for o in outlets:
        for k in ("aliases", "domains", "labels"):
            if not o[k]:
                del o[k]
    return {
        "version": 1,
        "sources": {
            "asd": "State Media Monitor typology via Alliance for Securing Democracy, 2024-02-07 snapshot",
            "reliability": "Burdisso et al. 2024 (idiap News-Media-Reliability golden truth, commit c3f5025)",
        },
        "outlets": outlets,
        "reliability": dict(sorted(reliability.items())),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default="../shared/data")
    p.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "tracer" / "data" / "outlets.json"))
    args = p.parse_args(argv)
    src = Path(args.data) / "outlets"
    if not src.is_dir():
        print(f"{src} not found: nothing to build", file=sys.stderr)
        return 0
    doc = build(src)
    # One outlet per line: compact, yet diffs stay readable.
    lines = ['{"version": 1,', '"sources": ' + json.dumps(doc["sources"], ensure_ascii=False) + ",", '"outlets": [']
    lines.append(",\n".join(json.dumps(o, ensure_ascii=False, separators=(",", ":")) for o in doc["outlets"]))
    lines.append("],")
    lines.append('"reliability": ' + json.dumps(doc["reliability"], separators=(",", ":")))
    lines.append("}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(doc['outlets'])} outlets, {len(doc['reliability'])} reliability labels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
