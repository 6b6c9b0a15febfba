"""The plain data that flows through the pipeline.

load -> SourceDocument -> extract -> Article -> analyse -> ArticleDigest -> assemble -> Briefing

Every stage takes and returns these frozen dataclasses; nothing passes dicts of dicts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceDocument:
    """A file as read from disk: decoded text plus what the reader could see without analysis."""

    path: Path
    kind: str  # "txt", "md" or "html"
    text: str  # the decoded file body (front matter removed for .md)
    front_matter: tuple[tuple[str, str], ...] = ()  # ("title", "..."), ("date", "2001-11-04"), ...

    @property
    def name(self) -> str:
        return self.path.name

    def front(self, key: str) -> str | None:
        return next((value for k, value in self.front_matter if k == key), None)


@dataclass(frozen=True)
class Article:
    """The article recovered from a page: its body without page furniture, and its metadata.

    A field we could not establish is None ("unknown"), never a guess. `provenance` says where
    each known field came from: "front-matter", "metadata", "dateline", "byline", "heading", ...
    """

    path: Path
    body: str  # paragraphs separated by one blank line
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    provenance: tuple[tuple[str, str], ...] = ()  # (field name, origin)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]

    def origin(self, field_name: str) -> str | None:
        return next((o for f, o in self.provenance if f == field_name), None)


@dataclass(frozen=True)
class Quote:
    """A direct quotation: `quote` is the text inside the quotation marks, verbatim."""

    quote: str
    speaker: str | None = None  # the name printed: None when no rule found one, or none was sure enough
    role: str | None = None
    start: int = 0  # character offset of the quote in the article body, for ordering
    rule: str | None = None  # the attribution rule that found the speaker (analyse.speakers.rules)
    confidence: float | None = None  # 0..1, how often that rule names the right person (dev benchmarks)
    unsure_speaker: str | None = None  # a name the rules found but not surely enough to print, for review


@dataclass(frozen=True)
class Acronym:
    """An abbreviation the text itself defines; `long` is exactly as written in the text."""

    short: str
    long: str


@dataclass(frozen=True)
class DatedName:
    """A name that means a glossary entry only in articles written in a span of time: "Iran nuclear
    deal" is the Lausanne framework in May 2015 and the JCPOA from July 2015. Either end may be open."""

    name: str
    start: dt.date | None = None  # the first article date it applies to
    end: dt.date | None = None  # the last

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class GlossaryEntry:
    """One curated glossary entry (see src/briefgen/data/glossary.yaml for the format)."""

    term: str
    definition: str
    as_of: dt.date
    expansion: str | None = None
    aliases: tuple[str, ...] = ()
    status: str | None = None
    key_dates: tuple[tuple[str, str], ...] = ()  # (ISO date, event)
    related: tuple[str, ...] = ()
    sources: str | None = None
    origin_file: str = ""  # which glossary file it came from
    dated_aliases: tuple[DatedName, ...] = ()


@dataclass(frozen=True)
class TermExplanation:
    """A term explained in a briefing: from the glossary, from the article's own definition, or both."""

    term: str
    expansion: str | None
    definition: str | None
    as_of: dt.date | None
    origin: str  # "glossary" or "text"
    status: str | None = None
    article_wording: str | None = None  # the long form as the article wrote it, when it defines the term


@dataclass(frozen=True)
class ArticleDigest:
    """Everything the analysis stage found in one article."""

    article: Article
    summary: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    terms: tuple[TermExplanation, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    word_count: int = 0


@dataclass(frozen=True)
class Briefing:
    """The assembled briefing, ready for a template."""

    title: str
    date: dt.date
    digests: tuple[ArticleDigest, ...]
    key_points: tuple[tuple[int, str], ...] = ()  # (article index, sentence)
    glossary: tuple[TermExplanation, ...] = ()  # every term used, alphabetical
    first_use: tuple[tuple[str, int], ...] = ()  # (term, index of the article that first explains it)
    settings: tuple[tuple[str, str], ...] = field(default=())  # course, instructor, ... for the masthead
