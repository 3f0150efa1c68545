"""Frozen dataclasses that cross module boundaries.

No third-party imports here: every stage speaks these types, dicts live only at the
database and JSON edges (``store`` and ``report``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of text with character offsets into the article text as stored."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(text[start:end], start, end)


@dataclass(frozen=True)
class Splits:
    """Where a text's paragraphs and sentences lie, as ``normalize.paragraphs`` and
    ``normalize.sentences`` split it: flat (start, end, start, end, ...) offsets. Cheap to
    send between processes and to store, so a text is split once, not by every process
    that reads it."""

    paragraphs: tuple[int, ...]
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class Article:
    """One page: a URL or an input file, after extraction.

    ``text`` always starts with the headline block, so every span (headline
    duplication, dateline, attributions) is an offset into this one string.
    ``paragraphs`` are spans into ``text`` (blank-line separated blocks).
    """

    input: str
    title: str
    text: str
    paragraphs: tuple[Span, ...]
    url: str | None = None
    canonical: str | None = None
    site_name: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime; never a fetch date
    author: str | None = None
    fetched_at: str | None = None  # when we read it (ISO, UTC)
    redirects: tuple[str, ...] = ()  # every URL visited before the final one
    content_type: str = "text"  # "html" or "text"


@dataclass(frozen=True)
class Dateline:
    """``MOSCOW (Pakistan Point News / Sputnik - 09th January, 2020)`` read apart."""

    place: str | None
    date: str | None  # ISO date when it could be read
    publisher: str | None  # the page's own outlet when named ("Pakistan Point News")
    credits: tuple[str, ...]  # canonical agency names credited ("Sputnik")
    span: Span
    # the credits carried the story one to the next ("KVELLER via JTA"), not side by side
    # ("PARIS (AP/Reuters)")
    carried: bool = False

    def to_dict(self) -> dict:
        """As the store and the Spark job keep it (``carried`` only when set)."""
        d = {"place": self.place, "date": self.date, "publisher": self.publisher,
             "credits": list(self.credits), "span": self.span.to_dict()}
        if self.carried:
            d["carried"] = True
        return d


@dataclass(frozen=True)
class Credit:
    """Who the page credits for its text."""

    name: str
    kind: str  # "agency" | "outlet"
    evidence: Span | None
    link: str | None = None  # the URL that credits it when no words do: the page's canonical link

    def to_dict(self) -> dict:
        out = {"name": self.name, "kind": self.kind,
               "evidence": None if self.evidence is None else self.evidence.to_dict()}
        if self.link:
            out["link"] = self.link
        return out


@dataclass(frozen=True)
class Attribution:
    """Who said what, through whom. ``kind``: direct-quote, indirect, according-to, relay, credit."""

    cue: Span
    kind: str
    source: Span | None = None
    content: Span | None = None
    speaker: str | None = None  # resolved speaker ("senior US official"), pronouns resolved
    via: tuple[str, ...] = ()  # outlets that relayed it, nearest first ("Yonhap")
    anonymous: bool = False
    vague: bool = False
    rule: str = ""  # name of the rule that matched, for debugging and evaluation


@dataclass(frozen=True)
class ChainHop:
    name: str
    kind: str  # "source" (a person or body; mid-chain, a person who relayed) | "agency" | "outlet"
    # | "vague" (a relay naming no one) | "publisher"
    evidence: Span | None = None
    labels: tuple[Label, ...] = ()  # the hop's outlet labels with their source (Sputnik: SC)
    link: str | None = None  # the URL that names this hop when no words do (a canonical link)


@dataclass(frozen=True)
class Chain:
    """Primary source first, the publishing page last."""

    hops: tuple[ChainHop, ...]

    @property
    def layers(self) -> int:
        return max(len(self.hops) - 1, 0)


@dataclass(frozen=True)
class Flag:
    kind: str  # kebab-case, stable (see ARCHITECTURE.md)
    message: str
    evidence: Span | None = None
    related: tuple[Span, ...] = ()  # further evidence (the other copy of a repeated paragraph)
    about: int | None = None  # the stored article it points at (uncredited-copy: the earlier copy)


@dataclass(frozen=True)
class Label:
    """An outlet label with its meaning and where it came from; never a bare "state media"."""

    label: str  # e.g. "SC"
    meaning: str  # e.g. "state-controlled media"
    source: str  # e.g. "State Media Monitor typology via ASD, 2024-02-07 snapshot"


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str | None = None
    kind: str = "outlet"  # "agency" | "outlet"
    labels: tuple[Label, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParagraphHash:
    hash: str  # hex digest of the normalised paragraph
    start: int
    end: int


@dataclass(frozen=True)
class Fingerprint:
    """Everything cross-article matching needs, versioned."""

    version: str
    sha256: str  # of the normalised text
    signature: tuple[int, ...]  # MinHash values
    bands: tuple[str, ...]  # one LSH band key per band ("<band index>:<hash>")
    shingles: tuple[int, ...]  # sorted unique word-shingle hashes, for exact verification
    paragraphs: tuple[ParagraphHash, ...] = ()
    sentences: tuple[ParagraphHash, ...] = ()

    @property
    def passage_hashes(self) -> list[str]:
        """The paragraph then sentence hashes: the keys, with ``bands``, that copies share."""
        return [p.hash for p in self.paragraphs] + [s.hash for s in self.sentences]


@dataclass(frozen=True)
class Passage:
    """A passage shared by two articles: spans in the source and the target text."""

    source: Span
    target: Span
    score: float = 1.0


@dataclass(frozen=True)
class Link:
    """A syndication edge; ``source_id`` is the earlier copy."""

    source_id: int
    target_id: int
    relation: str  # verbatim | derived | partial
    similarity: float  # Jaccard of word shingles
    containment: float  # share of the smaller text found in the larger
    passages: tuple[Passage, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Copy:
    """Another stored article carrying the same text, as shown in a report."""

    id: int
    input: str
    url: str | None
    outlet: str | None
    published: str | None
    relation: str
    similarity: float
    containment: float
    earlier: bool  # True when this copy came before the reported article
    passages: tuple[Passage, ...] = ()  # shared passages; source = the earlier of the two
    dateline_date: str | None = None  # ISO date its dateline gives, when it gives one

    @property
    def day(self) -> str | None:
        """Its date for ordering and display: the page's own, else its dateline's."""
        return self.published or self.dateline_date


@dataclass(frozen=True)
class Stored:
    """An article as the matcher sees it: read back from the store or just traced."""

    id: int
    article: Article
    fingerprint: Fingerprint
    credits: tuple[str, ...] = ()  # canonical names of agencies the page credits
    outlet: str | None = None  # the publishing outlet's name
    dateline_date: str | None = None  # ISO date its dateline gives, when it gives one
    splits: Splits | None = None  # the text's, when known: the matcher reads them, not re-splits


@dataclass(frozen=True)
class Party:
    """One side of a link as the uncredited-copy rule reads it: the store answers this
    with one row, without loading the article's text and fingerprint as ``Stored`` does."""

    id: int
    credits: tuple[str, ...]
    outlet: str | None
    origin: str  # the page's URL, else the input it was traced from

    @classmethod
    def of(cls, stored: Stored) -> Party:
        a = stored.article
        return cls(stored.id, stored.credits, stored.outlet, a.url or a.input)


@dataclass(frozen=True)
class Trace:
    """The full reading of one article: what ``report`` renders."""

    article: Article
    id: int | None
    sha256: str
    outlet: Outlet | None
    dateline: Dateline | None
    credits: tuple[Credit, ...]
    attributions: tuple[Attribution, ...]
    chains: tuple[Chain, ...]
    flags: tuple[Flag, ...]
    copies: tuple[Copy, ...] = ()
    undecided: tuple[str, ...] = ()  # plain statements of what the tool could not decide

    @property
    def chain(self) -> Chain | None:
        return self.chains[0] if self.chains else None

    @property
    def layers(self) -> int:
        return self.chain.layers if self.chain else 0


@dataclass(frozen=True)
class Outcome:
    """The result of one input in a batch: a trace (None when no report was asked for), or
    a failure with its reason."""

    input: str
    trace: Trace | None = None
    error: str | None = None  # one line: what went wrong and what to do
    status: str = "traced"  # traced | unchanged | failed


def to_plain(obj) -> dict:
    """Dataclass -> plain dict (recursively); for JSON and store edges."""
    return asdict(obj)


__all__ = [name for name in dir() if name[0].isupper()] + ["to_plain", "field"]
