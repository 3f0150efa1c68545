"""Outlet registry: names, aliases, domains, kind (agency or outlet), labels with their source.

The data file ``tracer/data/outlets.json`` is built by ``bench/build_outlets.py`` from the
State Media Monitor typology (via ASD, MIT) and the idiap News-Media-Reliability golden truth
(Apache-2.0), plus a curated list of wire agencies; credits in ``data/OUTLETS-SOURCE.md``.
A label always travels with its meaning and its source: never a bare "state media".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from . import names as _names
from .models import Label, Outlet

# State Media Monitor typology codes (https://statemediamonitor.com/typology/).
TYPOLOGY = MappingProxyType({
    "SC": "state-controlled media",
    "CaPu": "captured public or state-managed media",
    "CaPr": "captured private media",
    "ISFM": "independent state-funded and state-managed media",
    "ISF": "independent state-funded media",
    "ISM": "independent state-managed media",
    "IP": "independent public media",
})
# Labels that make a chain hop "state-affiliated" for the flag of that name.
STATE_AFFILIATED = frozenset({"SC", "CaPu", "CaPr"})

RELIABILITY = MappingProxyType({
    1: ("reliable", "rated reliable"),
    0: ("mixed", "rated mixed reliability"),
    -1: ("unreliable", "rated unreliable"),
})

_NON_WORD = re.compile(r"[^\w]+")
_CAPITALS = re.compile(r"[A-Z][A-Z]+")  # runs of capitals: an acronym may be one
_WORDS = re.compile(r"\w[\w&.-]*(?<!\.)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_SITE_SUFFIXES = frozenset(("com", "org", "net", "co.uk"))
_EDGE_MARKS = " \t\n.,;:!?\"'()[]\u201c\u201d\u2018\u2019"


def _norm(name: str) -> str:
    """Case-, punctuation- and leading-"the"-insensitive key."""
    key = _NON_WORD.sub(" ", name.lower()).strip()
    return key[4:] if key.startswith("the ") else key


def _host(value: str) -> str | None:
    """``https://www.Example.com/x`` or ``example.com`` -> ``example.com``; None for a plain name."""
    value = value.strip().lower()
    had_scheme = bool(_SCHEME.match(value))
    value = _SCHEME.sub("", value)
    host = value.split("/")[0].split("?")[0].split(":")[0].strip(".")
    if " " in host or "." not in host:
        return None
    if not had_scheme and "/" not in value and not re.search(r"\.[a-z]{2,}$", host):
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


# Names that are also plain words: a state outlet called "Today", "Star", "The Mirror" or
# "The Herald" is found by its domain, never by a mention, which is far more often another
# paper ("Medical News Today", the British Mirror, "the Houston Chronicle" as "The
# Chronicle"). Found by reading every state-media flag on the 928 PolNeAR texts and 257
# bench pages.
GENERIC_NAMES = frozenset(("today", "star", "mirror", "herald", "chronicle", "times", "sun", "nation", "post",
                           "world", "voice", "standard", "tribune", "observer", "express", "monitor", "citizen",
                           "leader", "record", "daily news", "national", "mercury", "public radio", "iran",
                           "paper"))  # "The paper said, citing ...": any paper, not thepaper.cn
# who holds an outlet, written before its name: "Kremlin-backed", "state-run"
HELD_BY = "backed|run|owned|funded|controlled|based|affiliated|linked"
# The word before a name that may still describe it ("the South Korean Yonhap", "Russia's
# Sputnik"), unlike one that makes it part of another name ("Medical News Today",
# "International Business Times", "Republican National Convention")
_DESCRIBES = re.compile(r"(?:[A-Z][a-z]*(?:an|ean|ian|ese|ish|ch|i)|[A-Z][\w.&-]*['\u2019]s?|The|A|An|TV"  # "state TV IRIB"
                        rf"|[A-Z][\w.]*-(?:{HELD_BY}|official)"  # "Kremlin-backed"
                        r"|Pro-[\w-]+"  # "Pro-government Sabah"
                        r"|Official|State)$")  # "Semi-official Tasnim news agency", "State TV"
# a word after an outlet's name that makes it another body's name ("Reuters Institute"), or
# a thing's ("Sputnik V developers said": the vaccine's)
_NAME_GOES_ON = frozenset("""
Institute Foundation Center Centre University College School Council Journal Review Prize Award
Awards Society Association Trust Fund Museum Library Tower Building Arena Stadium V Light
""".split())
# Outlet names that are plain words in lower case ("Mic", mic.com; "into the mic"): they name
# the outlet only as written, capitalised and no acronym ("he told Mic"; not "the MIC", the
# Malaysian Indian Congress or a military-industrial complex)
WORD_NAMES = frozenset(("mic",))


def _as_word_name(written: str) -> bool:
    """Whether the last word of ``written`` is capitalised as a name, not in capitals."""
    words = written.strip(_EDGE_MARKS).split()
    word = words[-1] if words else ""
    return word[:1].isupper() and word[1:].islower()


# One-word outlet names that are also people's given names: followed by another capitalised
# word that is none of the trade's (a sub-brand: "Dawn News", "Petra English"), they are a person ("Petra Kvitova said", "Mehr Ali, a
# shopkeeper, said", "Tasnim Ahmed"), not Jordan's, Iran's or Bangladesh's agencies
_ALSO_GIVEN_NAMES = frozenset("Petra Mehr Tasnim Antara Dawn Sabah Lusa Mic".split())  # ("Mic Wright")
_TRADE_WORDS = frozenset("""
News Online TV Television Radio English Urdu Arabic Daily Weekly Agency Channel Network Media
""".split())


@dataclass(frozen=True)
class Registry:
    """Read-only lookups over the outlet data; build it with ``load()``."""

    outlets: tuple[Outlet, ...]
    by_alias: Mapping[str, int]
    by_domain: Mapping[str, int]
    reliability: Mapping[str, Label]
    acronyms: frozenset[str] = frozenset()  # alias keys written in capitals ("MR", "MAP"): matched in capitals only

    def find(self, name_or_domain: str) -> Outlet | None:
        """An outlet by name, alias, URL or domain (subdomains match their parent)."""
        if not name_or_domain or not name_or_domain.strip():
            return None
        outlet = self.named(name_or_domain)
        if outlet is not None:
            return outlet
        host = _host(name_or_domain)
        if host is None:
            return None
        parts = host.split(".")
        for k in range(len(parts) - 1):
            candidate = ".".join(parts[k:])
            i = self.by_domain.get(candidate)
            if i is not None:
                return self.outlets[i]
            label = self.reliability.get(candidate)
            if label is not None:  # known only by its domain and a reliability rating
                return Outlet(name=candidate, domain=candidate, kind="outlet", labels=(label,))
        return None

    def named(self, name: str) -> Outlet | None:
        """The outlet whose name or alias is exactly ``name`` (case and punctuation aside;
        an acronym only in capitals: "Mr" is not the outlet MR)."""
        key = _norm(name)
        i = self.by_alias.get(key)
        if i is None:
            return self._by_site_name(name)
        if key in self.acronyms and not name.strip().isupper():
            return None
        if key in WORD_NAMES and not _as_word_name(name):
            return None  # "the mic", not Mic
        return self.outlets[i]

    def _by_site_name(self, name: str) -> Outlet | None:
        """An outlet known only by its rated domain, named as its domain spells it: "Business
        Insider" (businessinsider.com), "the Daily Beast" (thedailybeast.com). Two to five
        capitalised words, not opening on a given name ("Joe Biden" is not joebiden.com, nor
        "Rush Limbaugh" rushlimbaugh.com); the name as written, less a leading "the"."""
        words = name.strip(_EDGE_MARKS).split()  # "the Las Vegas Sun." at a sentence's end
        if words and words[0].lower() == "the":
            words = words[1:]
        if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words) or words[0] in _names.GIVEN:
            return None
        key = _NON_WORD.sub("", "".join(words).lower())
        domain = self._site_names.get(key)
        if domain is None:
            domain = self._site_names.get("the" + key)
            if domain is None:
                return None
            words = ["The", *words]
        return Outlet(name=" ".join(words), domain=domain, kind="outlet", labels=(self.reliability[domain],))

    def site_named(self, word: str) -> Outlet | None:
        """An outlet known only by its rated domain, named by that domain's whole stem as one
        word: a page's site name "MSN" (msn.com). Not for running text, where such a word is
        often something else."""
        key = word.strip().lower()
        domain = self._site_names.get(key) if key.isalnum() else None
        return None if domain is None else self.find(domain)

    @cached_property
    def _site_names(self) -> Mapping[str, str]:
        """Rated domains without an outlet entry, by the name before their suffix
        ("businessinsider" -> businessinsider.com); .com, .org, .net and .co.uk only (not
        "whitehouse.news")."""
        found: dict[str, str] = {}
        for domain in self.reliability:
            if domain in self.by_domain:
                continue
            stem, _, suffix = domain.partition(".")
            if suffix in _SITE_SUFFIXES:
                found.setdefault(stem, domain)
        return MappingProxyType(found)

    def find_in(self, phrase: str) -> Outlet | None:
        """The longest run of words in ``phrase`` naming a known outlet.

        For descriptions such as "the South Korean Yonhap news agency" or "Russia's Sputnik".
        Only runs starting with a capital letter count, so "the state" never matches.
        """
        outlet = self.find(phrase)
        if outlet is not None:
            return outlet
        words = _WORDS.findall(phrase)[:24]
        # Each run's key is ``_norm`` of its words: the words' own keys joined, less a
        # leading "the". Each word is normalised once, and a run whose key cannot start an
        # alias is skipped before any lookup (this was a tenth of attribution's time).
        keys = [_NON_WORD.sub(" ", w.lower()).split() for w in words]
        firsts = self._alias_firsts
        for size in range(min(len(words), 6), 0, -1):
            for k in range(len(words) - size + 1):
                if not words[k][:1].isupper():
                    continue
                if k and words[k - 1][:1].isupper() and not _DESCRIBES.match(words[k - 1]):
                    continue  # the tail of another name: "Medical News Today" is not "Today"
                if k + size < len(words) and words[k + size] in _NAME_GOES_ON:
                    continue  # the head of another name: "Reuters Institute", "Independent Journal"
                if (size == 1 and words[k] in _ALSO_GIVEN_NAMES and k + 1 < len(words)
                        and words[k + 1][:1].isupper() and words[k + 1] not in _TRADE_WORDS):
                    continue  # a person: "Petra Kvitova"
                run = [t for w in keys[k : k + size] for t in w]
                if len(run) > 1 and run[0] == "the":
                    run = run[1:]
                if not run or run[0] not in firsts:
                    continue
                key = " ".join(run)
                outlet = self.by_alias.get(key)
                if outlet is not None and not (key in self.acronyms and not "".join(words[k : k + size]).isupper()) and (
                        key not in WORD_NAMES or _as_word_name(words[k + size - 1])):
                    return self.outlets[outlet]
        return None

    @cached_property
    def _alias_firsts(self) -> frozenset[str]:
        """The first word of every alias key."""
        return frozenset(key.split(" ", 1)[0] for key in self.by_alias)

    def canonical(self, name: str) -> str:
        """The registry's name for ``name``, or ``name`` itself when unknown."""
        outlet = self.find(name)
        return outlet.name if outlet else name.strip()

    def is_agency(self, name: str) -> bool:
        outlet = self.find(name)
        return bool(outlet and outlet.kind == "agency")


# Outlet acronyms that name a news outlet before anything else in English text, so a bare
# mention is enough. Any other acronym of three letters or fewer, and the two longer ones
# below, is as often another body's: "The AKP said" (Turkey's ruling party, not Cambodia's
# agency), "PIA said all flights ..." (the airline, not the Philippine Information Agency),
# "The GNA said its forces" (Libya's government), "PTI" (a Pakistani party), "AAP" (an
# Indian one), "CCTV footage", "the MENA region". Those name the outlet only with something
# in the text to say so (see ``out_of_context``). Found by sentences written for the purpose
# (bench/labels/acronym-sentences.tsv): 21 of 26 raised a false state-affiliated flag before.
NEWS_ACRONYMS = frozenset("""
ap afp upi bbc cnn nhk efe wam qna spa app bss vna nna mti bta ctk ani rt dw ft npr pbs abc
cbs nbc cna trt rai orf zdf ard rfi voa vov vtv nyt wsj toi kbs sbs yle nrk svt rte cbc rnz faz
tvp
""".split())
AMBIGUOUS_ACRONYMS = frozenset(("cctv", "mena"))
# a word of the trade right after the acronym ("the ANP news agency", "RTS television") ...
_TRADE_AFTER = (r"(?:['\u2019]s\s+)?(?:(?:state|official|national|news|press)\s+)*"
                r"(?:news\s+agency|agency|news|TV|television|radio|broadcaster|channel"
                r"|newspaper|daily|website|wire)\b")
# ... or before it ("state broadcaster RTS", "the official news agency ANP")
_TRADE_BEFORE = (r"\b(?:agency|broadcaster|channel|television|TV|radio|newspaper|daily|outlet|"
                 r"state\s+media|news\s+service|(?:state|government)-(?:run|owned|controlled|backed|funded))"
                 r"\s+(?:the\s+)?")  # (not "the UN-backed GNA": Libya's government)
# ... or the acronym reporting as an outlet reports, with no article and nothing after the verb
# but what it reported or when: "..., AKP reported.", "AKP reported on Monday that". A party
# or a company is "the AKP", reports its own news ("KBC reported that its profit rose") or a
# thing ("PIA reported a loss"), and mostly says rather than reports
_REPORTED = (r"(?<![Tt]he\s){written}\s+reported"
             r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|earlier))?"
             r"(?:\s+that\s+(?!(?:its|their|it|they)\b)|\s*[,.;]|\s+citing\b)")
# the acronyms another news outlet goes by in English copy, for which reporting tells
# nothing: "CNS" (Catholic News Service, CNSNews.com; not China News Service), "ACN"
# (Catalan News; not Cuba's agency), "TV4" (Sweden's; not Turkey's); and another body's
# that reports its own news with no "its" to show it: "PIA reported that a flight ..."
# (Pakistan International Airlines; not the Philippine Information Agency)
_OTHER_REPORTERS = frozenset(("cns", "acn", "tv4", "pia"))


def out_of_context(registry: Registry, outlet: Outlet | None, phrase: str, text: str) -> bool:
    """Whether ``phrase`` names ``outlet`` only by an acronym that is as often another body's
    (not in :data:`NEWS_ACRONYMS`), with nothing in ``text`` to say the outlet is meant: a
    word of the trade beside the acronym, in the phrase or anywhere in the text; the acronym
    reporting as an outlet reports (``_REPORTED``, "..., AKP reported."); the outlet's full
    name or domain anywhere in the text; or a dateline's credit, "(GNA) -"."""
    own = _own_acronyms(registry, outlet, phrase)
    if not own:
        return False  # named by its full name ("Agence Nigerienne de Presse")
    return _acronym_out_of_context(registry, outlet, own[0], phrase, text)


def _acronym_out_of_context(registry: Registry, outlet: Outlet, key: str, phrase: str, text: str) -> bool:
    """``out_of_context`` for the acronym ``key`` (lower case) written in ``phrase``."""
    if key in NEWS_ACRONYMS or (len(key) > 3 and key not in AMBIGUOUS_ACRONYMS):
        return False
    written = re.escape(key.upper())
    if re.search(rf"\b{written}\s+{_TRADE_AFTER}|{_TRADE_BEFORE}{written}\b", f"{phrase}\n{text}"):
        return False
    if key not in _OTHER_REPORTERS and re.search(r"\b" + _REPORTED.format(written=written), text):
        return False
    if re.search(rf"\(\s*(?:[^()\n]{{0,60}}[/,]\s*)?{written}\s*(?:[-,/][^()\n]{{0,40}})?\)\s*[-:\u2013\u2014]|/{written}/",
                 text[:_DATELINE_REACH]):
        return False  # the dateline's credit: "ACCRA (GNA) -", "ACCRA, Jan 9 (AFP/GNA) -", "/GNA/"
    folded = text.casefold()
    for name in (outlet.name, *outlet.aliases):
        if _norm(name) not in registry.acronyms and name.casefold() in folded:
            return False
    return not (outlet.domain and outlet.domain in folded)


_DATELINE_REACH = 400  # characters from the text's start where a dateline may stand


def _own_acronyms(registry: Registry, outlet: Outlet | None, phrase: str) -> list[str]:
    """The acronym keys written in ``phrase`` that name ``outlet``, in the order written."""
    if outlet is None:
        return []
    return [key for key in dict.fromkeys(w.lower() for w in _CAPITALS.findall(phrase))
            if key in registry.acronyms and registry.outlets[registry.by_alias[key]] is outlet]


def mistaken(registry: Registry, outlet: Outlet | None, phrase: str, text: str, *,
             credited: bool = False) -> bool:
    """Whether ``phrase``, though it matches ``outlet``, names something else in ``text``: an
    acronym out of context (``credited``: the phrase is a dateline's or credit line's, an
    outlet by its place, "KVELLER via JTA") or spelled out as another name."""
    return ((not credited and out_of_context(registry, outlet, phrase, text))
            or spelled_otherwise(registry, outlet, phrase, text))


def spelled_otherwise(registry: Registry, outlet: Outlet | None, phrase: str, text: str) -> bool:
    """Whether ``phrase`` names a state-affiliated ``outlet`` by an acronym that ``text``
    spells out as another name: after "Christian News Service", "CNS" is not China News
    Service. Asked only when such an outlet is found, which is rare (no cost elsewhere)."""
    if outlet is None or not state_labels(outlet):
        return False
    for key in _own_acronyms(registry, outlet, phrase):
        spelled = r"\s+(?:(?:of|for|and)\s+)?".join(f"{c.upper()}[a-z]+" for c in key)
        for m in re.finditer(rf"\b{spelled}\b", text):
            other = registry.by_alias.get(_norm(m.group()))
            if other is None or registry.outlets[other] is not outlet:
                return True
    return False


# Shared acronyms curated as the outlet English copy means most (see OUTLETS-SOURCE.md) that
# name another country's outlet in a text about that country and nothing of the first's:
# "Serbian state broadcaster RTS", a BELGRADE dateline; "DAKAR (RTS) -", Senegal's. With no
# outlet curated under the acronym (None: each country's keeps its own name, "PTV (Pakistan)",
# and the bare acronym finds none), the one of the country the text is about: "ISLAMABAD -
# ..., PTV reported" is Pakistan Television, "MANILA - ..., PTV reported" the Philippines'.
# key -> (the curated outlet's country's words, ((another outlet's name, its country's words), ...))
_OTHER_COUNTRY = MappingProxyType({
    "rts": (re.compile(r"\b(?:Swiss|Switzerland|Geneva|GENEVA|Lausanne|Bern|BERN|Zurich|ZURICH)\b"),
            (("Radio Television of Serbia",
              re.compile(r"\b(?:Serbia|Serbian|Serbs?|Belgrade|BELGRADE|Vu[c\u010d]i[c\u0107])\b")),
             ("Radiodiffusion T\u00e9l\u00e9vision S\u00e9n\u00e9galaise",
              re.compile(r"\b(?:Senegal|Senegalese|S\u00e9n\u00e9gal|Dakar|DAKAR|Macky\s+Sall)\b")))),
    "ptv": (None,
            (("PTV (Pakistan)",
              re.compile(r"\b(?:Pakistan|Pakistani|Pakistanis|Islamabad|ISLAMABAD|Karachi|KARACHI|Lahore|LAHORE"
                         r"|Rawalpindi|RAWALPINDI|Peshawar|PESHAWAR|Quetta|QUETTA|Imran\s+Khan|(?:Nawaz|Shehbaz)\s+Sharif)\b")),
             ("PTV (Philippines)",
              re.compile(r"\b(?:Philippines|Philippine|Filipino|Filipinos|Manila|MANILA|Quezon|Davao|DAVAO"
                         r"|Cebu|CEBU|Mindanao|Malaca\u00f1ang|Malacanang|Duterte|Ferdinand\s+(?:R\.\s+)?Marcos)\b")))),
})


def meant(registry: Registry, outlet: Outlet | None, phrase: str, text: str) -> Outlet | None:
    """``outlet``, found by ``phrase``, or the outlet of another country that goes by the same
    acronym when ``text`` is about that country, and about no other the acronym may mean
    (``_OTHER_COUNTRY``). Asked after ``mistaken``: the acronym still needs its context. With
    ``outlet`` None, an acronym no outlet is curated under names that country's, when ``text``
    gives the acronym its context as ``mistaken`` asks of any (``out_of_context``)."""
    if outlet is None:
        for key in dict.fromkeys(w.lower() for w in _CAPITALS.findall(phrase)):
            other = _OTHER_COUNTRY.get(key)
            if other is None or other[0] is not None or not re.search(rf"\b{key.upper()}\b", phrase):
                continue
            about = [name for name, words in other[1] if words.search(text)]
            found = registry.named(about[0]) if len(about) == 1 else None
            if found is not None and not _acronym_out_of_context(registry, found, key, phrase, text):
                return found
        return None
    for key in _own_acronyms(registry, outlet, phrase):
        other = _OTHER_COUNTRY.get(key)
        if other is None or other[0] is None or other[0].search(text):
            continue
        about = [name for name, words in other[1] if words.search(text)]
        if len(about) == 1:  # (a text about Serbia and Senegal both says neither)
            return registry.named(about[0]) or outlet
    return outlet


def state_labels(outlet: Outlet | None) -> tuple[Label, ...]:
    """The outlet's labels that make it state-affiliated (SC, CaPu, CaPr)."""
    return tuple(lab for lab in (outlet.labels if outlet else ()) if lab.label in STATE_AFFILIATED)


def from_dict(doc: dict) -> Registry:
    """A registry from the data file's JSON object (tests build small ones this way)."""
    sources = doc.get("sources", {})
    asd = sources.get("asd", "State Media Monitor typology via Alliance for Securing Democracy")
    rel_source = sources.get("reliability", "Burdisso et al. 2024 (idiap News-Media-Reliability)")
    reliability: dict[str, Label] = {}
    for domain, (value, origin) in doc.get("reliability", {}).items():
        code, meaning = RELIABILITY.get(int(value), ("unknown", "unrated"))
        reliability[domain] = Label(code, f"{meaning} (label from {origin})", rel_source)
    outlets, by_alias, by_domain, acronyms, worded = [], {}, {}, set(), set()
    for i, row in enumerate(doc.get("outlets", [])):
        labels = []
        for code in row.get("labels", []):
            clean = code.rstrip("?")
            meaning = TYPOLOGY.get(clean, "unknown typology code")
            labels.append(Label(clean, meaning + (" (marked uncertain)" if clean != code else ""), asd))
        seen = {(lab.label, lab.source) for lab in labels}
        for domain in row.get("domains", []):
            rel = reliability.get(domain)
            if rel and (rel.label, rel.source) not in seen:
                seen.add((rel.label, rel.source))
                labels.append(rel)
        domains = row.get("domains", [])
        outlets.append(Outlet(
            name=row["name"], domain=domains[0] if domains else None, kind=row.get("kind", "outlet"),
            labels=tuple(labels), aliases=tuple(row.get("aliases", ())),
        ))
        state = bool(row.get("labels"))
        for alias in (row["name"], *row.get("aliases", ())):
            key = _norm(alias)
            if state and key in GENERIC_NAMES:
                continue  # "Today", "The Mirror": by domain only (see GENERIC_NAMES)
            by_alias.setdefault(key, i)
            if by_alias[key] == i and len(key) <= 5:
                # (only for the outlet that holds the key; one also written as a word, "Tass"
                # in wire copy, is matched in any case)
                (acronyms if alias.strip().isupper() else worded).add(key)
        for domain in domains:
            by_domain.setdefault(domain, i)
    return Registry(tuple(outlets), MappingProxyType(by_alias), MappingProxyType(by_domain),
                    MappingProxyType(reliability), frozenset(acronyms - worded))


@lru_cache(maxsize=1)
def load() -> Registry:
    """The shipped registry (read once per process)."""
    text = resources.files("tracer").joinpath("data/outlets.json").read_text(encoding="utf-8")
    return from_dict(json.loads(text))
