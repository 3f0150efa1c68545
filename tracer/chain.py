"""Citation chains: primary source -> relaying outlets -> credited agency -> publishing page.

``build(article, dateline, attributions, registry)`` joins what ``dateline`` and
``attribution`` read into credits, one chain per primary source (chains[0] the principal
one: the lede's claim), flags with evidence, and the publishing outlet. Pure.

date-inconsistency covers three cases (``_date_flags``): a dateline date far from the page
date, a weekday written with a date it did not fall on ("Friday, Jan. 9, 2020"), and a
lede's "said on Friday" too far before a dated dateline (read with
``dateline.resolve_relative``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import dateline as _dl
from . import names as _names
from . import normalize
from . import outlets as _outlets
from .attribution.speakers import is_person
from .attribution.vocabulary import ANON_HEADS, QUOTED_BY_PHRASE, VAGUE_SOURCE
from .models import (
    Article,
    Attribution,
    Chain,
    ChainHop,
    Credit,
    Dateline,
    Flag,
    Outlet,
    Span,
)

DATE_TOLERANCE_DAYS = 2  # a dateline a day or two off the page date is time zones and updates
UNKNOWN_PUBLISHER = "unknown publisher"
# Primary sources: what a person or body said. Credits and bare relays are not sources.
SOURCE_KINDS = frozenset({"direct-quote", "indirect", "according-to", "relay"})
_PRONOUN = re.compile(r"(?i)^(?:he|she|they|it|i|we|you|who|his|her)$")
_DETERMINER = re.compile(r"(?i)^(?:a|an|the|one|this|that|his|her|their|its)\s+")  # ("Her aides": whose, named)
_NAME_NEARBY = 1000  # characters after a pronoun source within which its name is quoted instead


# How many, said before "unnamed" ("two unnamed officers", "another unnamed source")
_COUNTS = frozenset("""
two three four five six seven eight nine ten several some many other another multiple both
""".split())
# Words lower-cased when they open a speaker's name (it opened a sentence); those beside the
# counts describe the person and follow "unnamed" ("unnamed senior official").
_LOWER_FIRST = _COUNTS | {"senior", "top", "former", "current"}
# common words that open an unnamed source's description at a sentence's start
_COMMON_OPENERS = frozenset("""
company campaign administration government police military industry party federal local state city
county agency department court hospital school university security intelligence defense health
election border prison airline bank
""".split())
_POSSESSIVE = re.compile(  # a name's, or "his"
    r"(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['\u2019]s|(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?=\S)")


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*://)?([^/?#:]+)", url.strip())
    if not m or "." not in m.group(1):
        return None
    return re.sub(r"^(?:www\d?|m|amp)\.", "", m.group(1).lower())


def _site_name(article: Article) -> str | None:
    site_name = article.site_name
    if site_name and _NO_NAME.match(site_name):
        return None  # "Copyright 2014", "© 2019 ...": the page's notice, not its name
    if site_name and " | " in site_name:
        return site_name.split(" | ", 1)[0].strip() or None  # "LinkNaija | Nigeria's popular ..."
    return site_name


def publishing_outlet(article: Article, dateline: Dateline | None, registry) -> Outlet | None:
    """The page's own outlet: its URL's domain, its site name, or the dateline's publisher.
    A page republishing another outlet's (``republished_from``) is its host's, not the
    outlet its canonical link names."""
    return _publisher(article, dateline, registry, _republished(article, registry))


def _publisher(article: Article, dateline: Dateline | None, registry,
               republished: tuple[Outlet | None, Outlet] | None) -> Outlet | None:
    site_name = _site_name(article)
    domain = _domain(article.canonical) or _domain(article.url)
    if republished is not None:
        host = republished[0]
        if host is not None:  # a saved page, named by its site name
            return _named_by_site(host, site_name, registry)
        domain = _domain(article.url)
    for candidate in (domain, site_name, dateline.publisher if dateline else None):
        if candidate:
            found = registry.find(candidate)
            if found is not None:
                return _named_by_page(_named_by_site(found, site_name, registry), article, registry)
    if site_name and _HANDLE.fullmatch(site_name.strip()):
        site_name = None  # "Wday_", "@wday": a social-media handle, not the site's name
    if site_name:
        return Outlet(name=site_name.strip(), domain=domain)
    if dateline is not None and dateline.publisher:
        return Outlet(name=dateline.publisher, domain=domain)
    if domain:
        return Outlet(name=domain, domain=domain)
    return None


def republished_from(article: Article, registry) -> Outlet | None:
    """The outlet whose article this page republishes, named by the page's canonical link
    only: an aggregator's copy (MSN's of a Business Insider story) or a sister paper's
    (the Vancouver Sun's of a Financial Post one) points its canonical link at the original.

    The page's own site is its URL's; a saved page without one is the outlet its site name
    names ("MSN"), unless that is a news agency (an AP story on SFGate names its site
    "Associated Press": the agency is the page's byline, not its host). None when the
    link and the page are one brand (chron.com for the Houston Chronicle,
    nationalgeographic.co.uk for National Geographic) or either is unknown."""
    found = _republished(article, registry)
    return None if found is None else found[1]


def _republished(article: Article, registry) -> tuple[Outlet | None, Outlet] | None:
    """(the host when only the site name names it, the outlet the canonical link names)."""
    linked = _registered(article.canonical)
    if linked is None:
        return None
    own = _registered(article.url)
    host = None
    if own is None:
        name = _site_name(article)
        if not name or article.url:
            return None
        host = registry.find(name) or registry.site_named(name)
        if host is None or host.kind == "agency" or not host.domain:
            return None
        own = _registered(host.domain)
    if own is None or own == linked or _stem(own) == _stem(linked):
        return None
    origin = registry.find(linked) or Outlet(name=linked, domain=linked)
    own_outlet = host or registry.find(own)
    for one, other_domain in ((origin, own), (own_outlet, linked)):
        if one is not None and (one.domain == other_domain or _spells(one.name, other_domain)):
            return None  # one brand, two domains
    return host, origin


def _registered(url: str | None) -> str | None:
    """The registered domain of a URL ("www.msn.com/en-us/..." -> "msn.com"); None if none."""
    if not url:
        return None
    host = _domain(url)
    if host is None or _IP_ADDRESS.fullmatch(host):
        return None  # (a page served from an address has no site of its own)
    from courlan import extract_domain  # (its public-suffix list: "bbc.co.uk", "cnn.com")

    found = extract_domain("https://" + host, fast=True)
    return found.lower() if found else None


def load_suffixes() -> None:
    """Read the public-suffix list now (~40 ms, once a process) rather than at the first
    canonical link: a batch calls this before forking, so its workers share the list."""
    from courlan import extract_domain

    extract_domain("https://bbc.co.uk")  # (a host its fast path cannot read: loads the list)


_IP_ADDRESS = re.compile(r"[\d.]+")  # (IPv6 hosts never reach it: ``_domain`` stops at a colon)


def _stem(domain: str) -> str:
    return domain.split(".", 1)[0]


_HANDLE = re.compile(r"@\w+|\w+_")
_NO_NAME = re.compile(r"(?i)\s*(?:copyright\b|\u00a9|\(c\)\s|all rights reserved)")


def _named_by_site(outlet: Outlet, site_name: str | None, registry) -> Outlet:
    """An outlet known only by its rated domain ("rollingstone.com") takes the name the page
    gives itself ("Rolling Stone"), unless that name is another outlet's (an AP story on
    SFGate names its site "Associated Press") or reads as no name (a slogan, a URL)."""
    if outlet.name != outlet.domain or not site_name:
        return outlet
    name = site_name.strip()
    if not name or len(name) > 60 or "|" in name or "://" in name:
        return outlet
    other = registry.find(name)
    if other is not None and other.domain != outlet.domain:
        return outlet
    return replace(outlet, name=name) if _spells(name, outlet.domain) else outlet


def _named_by_page(outlet: Outlet, article: Article, registry) -> Outlet:
    """An outlet still known only by its rated domain, whose page writes the domain's name as
    a capitalised word of its title or text: "Axios" for axios.com ("Axios Future"), "Vox"."""
    if outlet.name != outlet.domain or not outlet.domain:
        return outlet
    stem = outlet.domain.split(".", 1)[0]
    if len(stem) < 3 or not stem.isalpha():
        return outlet
    written = re.compile(rf"(?<![\w.@/-]){re.escape(stem)}(?![\w@/-]|\.\w)", re.IGNORECASE)
    for m in written.finditer(f"{article.title or ''}\n{article.text[:_NAME_WINDOW]}"):
        name = m.group(0)
        if name[:1].isupper():
            other = registry.find(name)
            return outlet if other is not None and other.domain != outlet.domain else replace(outlet, name=name)
    return outlet


_NAME_WINDOW = 5000  # characters of text searched for the outlet's name


def _spells(name: str, domain: str) -> bool:
    """Whether a site name is the domain's ("Rolling Stone" rollingstone.com, "Slate Magazine"
    slate.com, "New York Post" nypost.com), not another host's ("MSN" on businessinsider.com)."""
    stem = domain.split(".", 1)[0]
    words = re.findall(r"[a-z0-9]+", name.lower())
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    squashed = "".join(words)
    if not squashed:
        return False
    initials = "".join(w[0] for w in words[:-1]) + words[-1]
    return stem in squashed or squashed in stem or initials == stem


def credits_of(dateline: Dateline | None, attributions: tuple[Attribution, ...], registry,
               text: str = "") -> tuple[Credit, ...]:
    """Who the page credits for its text: dateline credits first, then credit lines (an
    acronym another country's outlet shares is that one's in a ``text`` about that country:
    "DAKAR (RTS) -")."""
    out: dict[str, Credit] = {}
    pairs = [(name, dateline.span) for name in dateline.credits] if dateline else []
    pairs += [(a.speaker, a.cue) for a in attributions if a.kind == "credit" and a.speaker]
    for name, span in pairs:
        outlet = _outlets.meant(registry, registry.find(name), name, text)
        canonical = outlet.name if outlet else name
        # An unknown name in a dateline's parenthesis ("(INP)") is most often a news agency.
        guess = bool(re.search(r"(?i)agenc|feed|wire", name)) or (
            dateline is not None and span == dateline.span and name.isupper() and len(name) <= 6)
        kind = outlet.kind if outlet else ("agency" if guess else "outlet")
        out.setdefault(canonical, Credit(canonical, kind, span))
    return tuple(out.values())


def _body_start(article: Article) -> int:
    """Where the body starts: after the headline paragraph and any repeat of it."""
    paras = article.paragraphs or ()
    if not paras:
        return 0
    first = normalize.canonical(paras[0].text)
    end = paras[0].end
    for para in paras[1:3]:
        if normalize.canonical(para.text) == first:
            end = para.end
        else:
            break
    return end


def _dateline_day(line: Dateline, published: date) -> date | None:
    """The dateline's day; a year-less "Jan 9" takes the year that puts it nearest the page date."""
    if line.date:
        try:
            return date.fromisoformat(line.date)
        except ValueError:
            return None
    m = _dl.DATE.search(line.span.text)
    if not m or m.group("iso"):
        return None
    month = _dl.MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
    day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group(0))
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def _cover(a: Span | None, b: Span | None, text: str) -> Span | None:
    """The span from the earlier to the later of two spans, when they are close."""
    if a is None or b is None:
        return a or b
    start, end = min(a.start, b.start), max(a.end, b.end)
    if end - start > 120 or end > len(text):
        return a
    return Span.of(text, start, end)


# (and a comma's clause of where or how it was said: "The Foreign Office spokesperson, in a
# statement issued here, said")
_CLAUSE_AFTER_SOURCE = re.compile(rf",?\s+(?:who|(?:as\s+)?{QUOTED_BY_PHRASE})\s"
                                  r"|,\s+(?:in|on|at|during|while|when|speaking|talking|addressing|after)\s")


def _descriptors(speaker: str, atts: list[Attribution]) -> list[str]:
    """Further descriptions of one speaker: "the State Department official" adds "State Department"."""
    words = {w.lower() for w in re.findall(r"[\w.'-]+", speaker)}
    out = []
    for a in atts:
        if a.source is None or _PRONOUN.match(a.source.text.strip()):
            continue
        # (not "spoke to CNN", nor the outlet of "cited by Reuters": a hop of its own)
        rest = _CLAUSE_AFTER_SOURCE.split(_DETERMINER.sub("", a.source.text.strip()), 1)[0]
        extra = [w for w in re.findall(r"[\w.'-]+", rest) if w.lower() not in words
                 and w.lower() not in {"official", "officials", "source", "sources", "the", "a", "an",
                                       "who", "which", "that"}]  # (not "unnamed official (who)")
        phrase = " ".join(extra)
        if phrase and phrase not in out and len(extra) <= 4:
            out.append(phrase)
    return out


def _source_name(speaker: str, atts: list[Attribution]) -> str:
    if not any(a.anonymous for a in atts):
        return speaker
    extra = _descriptors(speaker, atts)
    first, _, rest = speaker.partition(" ")
    if first.lower() in _LOWER_FIRST and rest:  # "Two federal officers" opened a sentence
        speaker = f"{first.lower()} {rest}"
    elif first[:1].isupper() and ANON_HEADS.fullmatch(first):
        speaker = f"{first.lower()} {rest}".rstrip()  # "Executives across the world" opened a sentence
    elif first.lower() in _COMMON_OPENERS and rest and rest == rest.lower():
        speaker = f"{first.lower()} {rest}"  # "Company officials" opened a sentence; not "State Department officials"
    owner = _POSSESSIVE.match(speaker)
    if not _SAYS_UNNAMED.isdisjoint(speaker.lower().split()):
        # "an unnamed official", "an anonymous government source" say so themselves: not
        # "unnamed unnamed official", "unnamed anonymous government source"
        name = speaker
    elif first.lower() in _COUNTS and rest:
        name = f"{first.lower()} unnamed {rest}"
    elif owner:  # "President Trump's unnamed advisers", not "unnamed President Trump's advisers"
        name = f"{owner.group(0)}unnamed {speaker[owner.end():]}"
    else:
        name = f"unnamed {speaker}"
    return name + (f" ({', '.join(extra)})" if extra else "")


_SAYS_UNNAMED = frozenset({"unnamed", "anonymous", "unidentified"})
_EDITIONS = frozenset(("us", "uk", "au", "ca", "in"))


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Stations whose site does not carry their call sign, which their datelines use ("HOUSTON,
# Texas (KTRK) --" on abc13.com): ABC's owned stations.
_CALL_SIGNS = {
    "abc7ny.com": "WABC", "abc7.com": "KABC", "abc7chicago.com": "WLS", "6abc.com": "WPVI",
    "abc7news.com": "KGO", "abc13.com": "KTRK", "abc11.com": "WTVD", "abc30.com": "KFSN",
}


def _is_publisher(name: str, outlet: Outlet | None) -> bool:
    """Whether a credited name is the publishing outlet itself, written another way: the
    page's own name in its dateline ("(HawaiiNewsNow) -" on hawaiinewsnow.com, "KXAN" on
    kxan.com, "Live Science" on livescience.com) is no layer between source and page."""
    if outlet is None:
        return False
    if name == outlet.name:
        return True
    key = _key(name)
    if len(key) < 3:
        return False
    own = {_key(n) for n in (outlet.name, *outlet.aliases)}
    own |= {_key(n.rsplit(".", 1)[0]) for n in (outlet.name, outlet.domain or "") if "." in n}
    if outlet.domain:
        own.add(_key(outlet.domain.split(".")[0]))
        sign = _CALL_SIGNS.get(outlet.domain.removeprefix("www."))
        if sign:
            own.add(_key(sign))
    # "VICE US" on vice.com: an edition of the page's own outlet
    return key in own or (key[-2:] in _EDITIONS and key[:-2] in own)


def _hop(name: str, registry, evidence: Span | None, default_kind: str = "outlet", text: str = "") -> ChainHop:
    outlet = _outlets.meant(registry, registry.find(name), name, text)  # (Serbia's RTS in a text about Serbia)
    return ChainHop(outlet.name if outlet else name, outlet.kind if outlet else default_kind, evidence)


def _append(hops: list[ChainHop], hop: ChainHop) -> None:
    for k, h in enumerate(hops):
        if h.name.lower() == hop.name.lower():
            if hop.link and not h.link:  # named in words and by the canonical link: both kept
                hops[k] = replace(h, link=hop.link)
            return
    hops.append(hop)


def build(article: Article, dateline: Dateline | None, attributions: tuple[Attribution, ...],
          registry=None) -> tuple[tuple[Credit, ...], tuple[Chain, ...], tuple[Flag, ...], Outlet | None]:
    """(credits, chains, flags, publishing outlet) for one article."""
    registry = registry or _outlets.load()
    text = article.text
    republished = _republished(article, registry)
    outlet = _publisher(article, dateline, registry, republished)
    credits = credits_of(dateline, attributions, registry, text)
    origin = republished[1] if republished is not None else None
    linked = None  # the outlet the canonical link names: the page's nearest hop
    if origin is not None and not _is_publisher(origin.name, outlet):
        linked = next((c for c in credits if c.name == origin.name), None)
        if linked is None:
            linked = Credit(origin.name, origin.kind, None, link=article.canonical)
            credits += (linked,)
    credited = [c for c in credits if not _is_publisher(c.name, outlet) and c is not linked]

    # The tail every chain shares: credited agencies, the dateline's publisher, the page.
    # Agencies credited side by side ("PARIS (AP/Reuters) —", Deutsche Welle's "(AFP,
    # Reuters, dpa)") each carried the story to the page: one tail each, not a relay from one
    # to the next; only a dateline that says so ("KVELLER via JTA") makes one carry the other's.
    credit_hops = [ChainHop(c.name, c.kind, c.evidence, link=c.link) for c in credited]
    one_after_another = dateline is not None and dateline.carried
    tails: list[list[ChainHop]] = ([[hop] for hop in credit_hops] if len(credit_hops) > 1 and not one_after_another
                                   else [credit_hops])
    if dateline and dateline.publisher:
        named = registry.find(dateline.publisher)
        name = named.name if named else dateline.publisher
        if not _is_publisher(name, outlet):
            for tail in tails:
                tail.append(ChainHop(name, "outlet", dateline.span))
    if linked is not None:  # its page is the one this page copies: last before the page
        for tail in tails:
            _append(tail, ChainHop(linked.name, linked.kind, linked.evidence, link=article.canonical))
    publisher_evidence = dateline.span if dateline and outlet and dateline.publisher and registry.canonical(dateline.publisher) == outlet.name else None
    if publisher_evidence is None:  # "AUSTIN (KXAN)" on kxan.com: the page names itself
        publisher_evidence = next((c.evidence for c in credits if c not in credited), None)
    page = ChainHop(outlet.name if outlet else UNKNOWN_PUBLISHER, "publisher", publisher_evidence)

    # Group the attributions by resolved speaker, in order of first appearance.
    relayed = {v.lower() for a in attributions for v in a.via}
    relay_evidence: dict[str, Span] = {}
    for a in attributions:
        if a.kind == "relay" and a.speaker and not a.via:
            relay_evidence.setdefault(a.speaker.lower(), _cover(a.cue, a.source, text))
    # One chain per named speaker and route: what Sanders told CNN reaches the page through
    # CNN, what he said at a rally does not ("Sanders → CNN → page", "Sanders → page"). An
    # unnamed source quoted through a relay once is that relay's throughout (the seed's
    # official, whom Sputnik had only through Yonhap): one chain, all its relays.
    unnamed = {a.speaker for a in attributions if a.anonymous}
    # a relay that names no one ("according to media reports") is a hop of kind "vague", no outlet
    vague_relays = {a.speaker.lower() for a in attributions if a.vague and a.speaker}
    groups: dict[tuple[str, tuple[str, ...]], list[Attribution]] = {}
    credited_names = {c.name.lower() for c in credits}
    for a in attributions:
        if a.kind not in SOURCE_KINDS or not a.speaker or _PRONOUN.match(a.speaker.strip()):
            continue
        if a.kind == "relay" and not a.via:
            continue  # "as quoted by Yonhap": Yonhap is a hop, not a source
        if a.speaker.lower() in relayed and _wraps_a_relayed_claim(a, attributions):
            continue  # "Officials said ..., Reuters reported": Reuters' hop, no chain of its own
        # (an agency the page credits is every chain's tail already: "told The Associated
        # Press" in an AP story is one route with what Murphy said at a rally)
        route = () if a.speaker in unnamed else tuple(v for v in a.via if not _is_publisher(v, outlet)
                                                      and v.lower() not in credited_names)
        groups.setdefault((a.speaker, route), []).append(a)
    body = _body_start(article)
    # The principal chain is the lede's claim: named or described speakers in the body first,
    # headline-only speakers, credited agencies and vague sources after.
    ordered = sorted(groups.items(), key=lambda kv: (any(a.vague for a in kv[1]),
                                                     kv[0][0].lower() in credited_names,
                                                     all(a.cue.start < body for a in kv[1]),
                                                     min(a.cue.start if a.cue.start >= body else 10**9 for a in kv[1]),
                                                     kv[1][0].cue.start))

    chains: list[Chain] = []
    for (speaker, _route), atts in ordered:
        # evidence from the body if any, where the text names the source nearby ("Fiorina", not
        # "she"; not a name pages later, which would move the flag's place in the text)
        in_body = [a for a in atts if a.cue.start >= body] or atts
        first = next((a for a in in_body if a.cue.start - in_body[0].cue.start <= _NAME_NEARBY
                      and a.source and not _PRONOUN.match(a.source.text.strip())), in_body[0])
        anonymous = any(a.anonymous for a in atts)
        named = registry.find(speaker) if not anonymous else None
        if named is not None and _outlets.mistaken(registry, named, speaker, text):
            named = None
        elif not anonymous:
            # (Serbia's RTS in a text about Serbia; "PTV", no one outlet's, Pakistan's in one about Pakistan)
            named = _outlets.meant(registry, named, speaker, text)
        if named is not None:
            # "According to Xinhua, ...": the source is itself an outlet, and its labels count,
            # named by any of its aliases ("the People's Daily": People's Daily (Renmin Ribao))
            hops: list[ChainHop] = [ChainHop(named.name, named.kind, first.source or first.cue)]
        else:
            evidence = first.source or first.cue
            if _PRONOUN.match(evidence.text.strip()):
                evidence = _cover(first.source, first.cue, text)  # "she said": the pronoun's own words
            hops = [ChainHop(_source_name(speaker, atts), "source", evidence)]
        for a in atts:
            for name in a.via:
                if not _is_publisher(name, outlet):  # "Sanders told Politico" on politico.com
                    evidence = (relay_evidence.get(name.lower()) or _reported(name, a, attributions, text)
                                or _named_near(name, a, text) or a.cue)
                    kind = ("vague" if name.lower() in vague_relays or VAGUE_SOURCE.match(name)
                            else "source" if _person_relay(name, registry, text) else "outlet")
                    _append(hops, _hop(name, registry, evidence, kind, text))
        chains += _routes(hops, tails, page)
    if not chains:
        chains += _routes([], tails, page)

    credit_spans = {c.evidence for c in credits if c.evidence is not None} | ({dateline.span} if dateline else set())
    chains = [Chain(tuple(_labelled(h, registry, outlet, text, credit_spans) for h in c.hops)) for c in chains]
    flags = _flags(article, dateline, attributions, chains, registry, credit_spans)
    return credits, tuple(chains), flags, outlet


def _person_relay(name: str, registry, text: str) -> bool:
    """Whether a relay no outlet goes by is a person the text names ("Reeves wrote, citing
    precedent" after "Judge Reeves"; "Salceda, citing data from ..." after "Joey Salceda"):
    a hop of kind ``source``, not ``outlet``. Outlets the registry lacks ("the Kyiv
    Independent") have no title or given name before them."""
    if registry.find(name) is not None or not is_person(name):
        return False
    if _names.pronoun(name):
        return True  # "Joey Salceda, citing ..."
    before = re.finditer(rf"\b([A-Z][\w]*\.?)\s+(?:[A-Z]\.\s+)?{re.escape(name.split()[-1])}\b", text)
    return any(m.group(1) in _names.MALE or m.group(1) in _names.FEMALE or _names.TITLE.fullmatch(m.group(1) + " ")
               for m in before)


def _extent(a: Attribution) -> tuple[int, int]:
    spans = [s for s in (a.cue, a.source, a.content) if s is not None]
    return min(s.start for s in spans), max(s.end for s in spans)


def _wraps_a_relayed_claim(a: Attribution, attributions) -> bool:
    """Whether the report ``a`` of an outlet that relays others in the text is itself the
    report of another's words ("Officials said ..., Reuters reported"; "Reuters, citing
    officials, said"), not a claim of its own ("CNN said Delaney met donors. Delaney told CNN
    that ..."): the outlet's hop, no chain of its own."""
    start, end = _extent(a)
    name = a.speaker.lower()
    for b in attributions:
        if b is a:
            continue
        if any(v.lower() == name for v in b.via):
            b_start, b_end = _extent(b)
            if b_start < end and start < b_end:
                return True
        elif (a.content is not None and a.content.start <= b.cue.start < a.content.end
              or b.content is not None and b.content.start <= a.cue.start < b.content.end):
            return True  # "Trump said: '...', the Times reported": whose words it reports
    return False


def _reported(name: str, inner: Attribution, attributions, text: str) -> Span | None:
    """The words of the outlet ``name`` whose report holds ``inner`` ("Officials said ...,
    Reuters reported": "Reuters reported"), as the evidence of its hop; None when none does."""
    for a in attributions:
        if (a.speaker == name and a.content is not None and a is not inner
                and a.content.start <= inner.cue.start < a.content.end):
            return _cover(a.cue, a.source, text)
    return None


def _named_near(name: str, a: Attribution, text: str) -> Span | None:
    """The outlet's name as written beside the report ("In an interview with The New York
    Times, Smith said": "The New York Times"), nearest the cue; None when not written so."""
    lo, hi = max(0, a.cue.start - 200), min(len(text), a.cue.end + 200)
    found = list(re.finditer(re.escape(name), text[lo:hi], re.IGNORECASE))
    if not found:
        return None
    m = min(found, key=lambda m: abs(lo + m.start() - a.cue.start))
    return Span.of(text, lo + m.start(), lo + m.end())


def _labelled(hop: ChainHop, registry, outlet: Outlet | None, text: str, credit_spans: set) -> ChainHop:
    """The hop with its outlet's labels (state affiliation, reliability), each carrying its
    meaning and source, so every report can show them next to the name."""
    if hop.labels or hop.kind in {"source", "vague"}:
        return hop
    known = outlet if hop.kind == "publisher" and outlet and outlet.name == hop.name else registry.find(hop.name)
    if known is not outlet and _outlets.mistaken(registry, known, hop.name, text,
                                                 credited=hop.evidence in credit_spans):
        return hop
    return replace(hop, labels=known.labels) if known and known.labels else hop


def _routes(hops: list[ChainHop], tails: list[list[ChainHop]], page: ChainHop) -> list[Chain]:
    """One chain per tail: the source's hops, then that tail's credits, then the page."""
    chains = []
    for tail in tails:
        route = list(hops)
        for hop in tail + [page]:
            _append(route, hop)
        chains.append(Chain(tuple(route)))
    return chains


def _flags(article: Article, dateline: Dateline | None, attributions, chains: list[Chain], registry,
           credit_spans: set) -> tuple[Flag, ...]:
    """The chain's flags; ``credit_spans``: the evidence of the page's own credits, the
    dateline's span among them."""
    text = article.text
    flags: list[Flag] = []

    # anonymous-source: one flag per unnamed speaker, every mention as evidence (a
    # sentence's capital is no other speaker: "Prosecutors alleged" ... "prosecutors asserted")
    anon: dict[str, list[Attribution]] = {}
    for a in attributions:
        if a.anonymous and a.kind in SOURCE_KINDS and a.source is not None:
            anon.setdefault((a.speaker or a.source.text).lower(), []).append(a)
    for _speaker, atts in anon.items():
        mentions = list(dict.fromkeys(a.source.text for a in atts))
        spans = list({(a.source.start, a.source.end): a.source for a in atts}.values())
        flags.append(Flag("anonymous-source",
                          f"Unnamed source: {', '.join(repr(m) for m in mentions)}; the text never names them.",
                          spans[0], tuple(spans[1:])))

    # vague-attribution: "According to media reports", "it is believed"; one flag per phrase.
    vague: dict[str, list[Span]] = {}
    # what a poll or study found ("A Gallup poll shows 60 percent of voters want ...") is its
    # result, not a claim resting on the share or crowd it counts (another poll in it is one:
    # "..., while other recent surveys show ...")
    found = [a.content for a in attributions if a.rule == "finding" and a.content is not None]
    for a in attributions:
        if a.vague and (a.rule == "finding" or not any(c.start <= a.cue.start < c.end for c in found)):
            span = _cover(a.cue, a.source, text) if a.source is not None else a.cue
            vague.setdefault(normalize.canonical(span.text), []).append(span)
    # a relay that names no outlet, where no vague attribution says so ("was quoted by state
    # media as saying": the minister speaks, the media go unnamed)
    said = [s for spans in vague.values() for s in spans]
    for chain in chains:
        for h in chain.hops:
            if h.kind == "vague" and h.evidence is not None and not any(
                    s.start < h.evidence.end and h.evidence.start < s.end for s in said):
                said.append(h.evidence)
                vague.setdefault(normalize.canonical(h.evidence.text), []).append(h.evidence)
    for spans in vague.values():
        flags.append(Flag("vague-attribution", f"Vague attribution: {spans[0].text!r} names no source.",
                          spans[0], tuple(spans[1:])))

    # multi-layer-attribution: the principal chain, and any chain with an explicit relay in
    # the text (not the page's own credits: a dateline's or a credit line's agency)
    for i, chain in enumerate(chains):
        # (every hop between the source and the page relays: an outlet, media unnamed or a
        # person, "Salceda, citing data from the State Department, said"; credit_spans holds
        # the dateline's span too)
        relayed = any(h.evidence is not None and h.evidence not in credit_spans for h in chain.hops[1:-1])
        if chain.layers >= 2 and (i == 0 or relayed) and chain.hops[0].kind == "source":
            names = " \u2192 ".join(h.name for h in chain.hops)
            flags.append(Flag("multi-layer-attribution",
                              f"The claim reaches this page through {chain.layers} layers: {names}.",
                              chain.hops[0].evidence, tuple(h.evidence for h in chain.hops[1:] if h.evidence)))

    # state-affiliated-source: any outlet a chain passes through labelled SC, CaPu or CaPr.
    seen = set()
    for chain in chains:
        for hop in chain.hops:
            if hop.kind in {"source", "vague"} or hop.name in seen:
                continue
            found = registry.find(hop.name)
            if _outlets.mistaken(registry, found, hop.name, text, credited=hop.evidence in credit_spans):
                continue  # "CNS" after "Christian News Service"
            labels = _outlets.state_labels(found)
            if labels:
                seen.add(hop.name)
                what = "; ".join(f"{lab.meaning} ({lab.label}), {lab.source}" for lab in labels)
                flags.append(Flag("state-affiliated-source", f"{found.name}: {what}.", hop.evidence))

    flags += _date_flags(article, dateline, attributions)
    return tuple(flags)


# A time word right after a cue ("said on Thursday") or right before it ("on Thursday said").
_TIME_AFTER_CUE = re.compile(rf"\s+(?:on\s+|late\s+|early\s+)?(?P<t>{_dl.WEEKDAY_PATTERN}|yesterday|today)\b")
_TIME_BEFORE_CUE = re.compile(rf"\b(?:on\s+)?(?P<t>{_dl.WEEKDAY_PATTERN}|yesterday|today)\s+(?:(?:also|again|then)\s+)?$")
_PAST_CUES = frozenset("said told wrote spoke".split())
LEDE_PARAGRAPHS = 2  # body paragraphs read as the lede
# How far before a dated dateline the lede's weekday may fall: a Monday story may report
# what was said on Friday; a Thursday story's "said on Friday" is six days old.
LEDE_TOLERANCE_DAYS = 3


def _page_day(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published[:10]) if article.published else None
    except ValueError:
        return None


def _date_flags(article: Article, dateline: Dateline | None, attributions) -> list[Flag]:
    """date-inconsistency: dates the page gives that cannot all be true.

    1. The dateline's date against the page's publication date (more than
       ``DATE_TOLERANCE_DAYS`` apart).
    2. A weekday written with a date that fell on another day ("Friday, Jan. 9, 2020").
    3. The lede's "said on Friday" read against a dated dateline: a past-tense cue's weekday
       resolves to the latest such day on or before the dateline's date; more than
       ``LEDE_TOLERANCE_DAYS`` earlier, the weekday and the date disagree (a dateline
       dates the day's news: "said on Thursday" under a Thursday dateline is that day).
       Against a page date alone this is no contradiction (pages run days after the
       news), so without a dated dateline the lede is not checked.
    """
    text = article.text
    flags: list[Flag] = []
    page = _page_day(article)
    line_day = _dateline_day(dateline, page) if dateline and (dateline.date or page) else None
    if line_day and page and abs((line_day - page).days) > DATE_TOLERANCE_DAYS:
        flags.append(Flag("date-inconsistency",
                          f"The dateline says {line_day.isoformat()} but the page is dated {page.isoformat()} "
                          f"({abs((line_day - page).days)} days apart).", dateline.span))
    anchor = line_day or page
    for span, day in _dl.weekday_conflicts(text, anchor):
        flags.append(Flag("date-inconsistency",
                          f"{span.text!r}: {day.strftime('%d %B %Y').lstrip('0')} was a {day.strftime('%A')}.", span))
    if line_day is None:
        return flags
    anchor = line_day
    body = _body_start(article)
    lede = [p for p in article.paragraphs if p.start >= body][:LEDE_PARAGRAPHS]
    if not lede:
        return flags
    lede_end = lede[-1].end
    seen = set()
    for a in attributions:
        if not (body <= a.cue.start < lede_end) or a.kind == "credit":
            continue
        word = a.cue.text.lower()
        if word not in _PAST_CUES and not word.endswith("ed"):
            continue
        m = _TIME_AFTER_CUE.match(text, a.cue.end, min(len(text), a.cue.end + 40))
        if m:
            span = Span.of(text, a.cue.start, m.end())
        else:
            m = _TIME_BEFORE_CUE.search(text, max(body, a.cue.start - 30), a.cue.start)
            span = Span.of(text, m.start(), a.cue.end) if m else None
        if m is None or m.group("t").lower() in seen:
            continue
        said_on = _dl.resolve_relative(m.group("t"), anchor, past=True)
        if said_on is None or (anchor - said_on).days <= LEDE_TOLERANCE_DAYS:
            continue
        seen.add(m.group("t").lower())
        flags.append(Flag("date-inconsistency",
                          f"The lede says {span.text!r}, but the dateline is {anchor.strftime('%A')} "
                          f"{anchor.isoformat()}: the latest {m.group('t')} before it was {said_on.isoformat()}, "
                          f"{(anchor - said_on).days} days earlier.",
                          span, (dateline.span,)))
    return flags
