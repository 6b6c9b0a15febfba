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
    kind: str  # "txt", "md", "html", "docx" or "pdf"
    text: str  # the decoded file body (front matter removed for .md)
    front_matter: tuple[tuple[str, str], ...] = ()  # ("title", "..."), ("date", "2001-11-04"), ...
    # What the file's container states, with where: ("title", "...", "heading") from a Word title,
    # ("url", ..., "saved page") and ("accessed", "2026-12-02", ...) from briefgen fetch or a PDF's print header.
    stated: tuple[tuple[str, str, str], ...] = ()

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
    accessed: dt.date | None = None  # when the page was fetched or saved, if known (never the edition date)
    provenance: tuple[tuple[str, str], ...] = ()  # (field name, origin)
    genre: str | None = None  # "opinion" or "fact-check" when the page labels it so; None for news
    verdict: str | None = None  # a fact-check's rating as the page gives it ("False")

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
    open_end: bool = False  # its closing mark is missing and no paragraph continues it: where it ends is a guess


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
    article_wording: str | None = None  # the long form exactly as the article wrote it, when it defines the term
    key_dates: tuple[tuple[str, str], ...] = ()  # the entry's dated events, oldest first
    sources: str | None = None
    article_date: dt.date | None = None  # the date of the article this box is for, when known
    events_since_article: tuple[tuple[str, str], ...] = ()  # key dates later than the article's date

    @property
    def status_heading(self) -> str:
        """How a box introduces its status: "Since this article (April 2015)" when the entry records
        events after the article's date, so the reader can tell the article's time from the box's."""
        if self.events_since_article and self.article_date:
            return f"Since this article ({self.article_date:%B %Y})"
        return "Status"


@dataclass(frozen=True)
class EarlierExplanation:
    """A term a course's earlier briefing already explained: printed as one line, not a box."""

    term: str
    briefing: str  # which briefing explained it, e.g. "week 3"
    page: int | None = None  # the page of its box in that briefing's PDF, when known


@dataclass(frozen=True)
class Doubt:
    """Something briefgen is unsure of, for the instructor to settle (see `briefgen check`).

    `kind` is a stable key ("title", "date", "speaker", "summary", ...) that a correction's
    `accept` list names; `subject` says which sentence, quote or term it is about (its opening
    words), so one correction settles one doubt; `correction` is the TOML to write in the article's
    section of corrections.toml to settle it ("" when no line of the file can).
    """

    kind: str
    message: str
    correction: str = ""
    subject: str = ""


@dataclass(frozen=True)
class Question:
    """A discussion question from corrections.toml; the answer is printed in the instructor edition only."""

    ask: str
    answer: str | None = None


@dataclass(frozen=True)
class PersonMention:
    """Someone an article quotes or names as acting, with the role the article gives (None when it
    gives none): one per person and article (analyse.people)."""

    name: str  # the fullest spelling the article uses ("Sergei Ivanov" for "Ivanov")
    role: str | None = None
    quoted: bool = False
    start: int = 0  # offset of the first mention in the article body


@dataclass(frozen=True)
class DateMention:
    """A date as an article writes it, before it is resolved against the article's date
    (analyse.timeline): `kind` says which fields are set."""

    written: str  # the date words verbatim ("November 13-15", "last Tuesday", "a 1972")
    clause: str  # the short verbatim clause around it, for the timeline
    start: int = 0  # offset in the article body
    kind: str = "date"  # "date", "month", "year", "weekday" or "offset"
    year: int | None = None  # None for a month and day written without a year
    month: int | None = None
    day: int | None = None
    last_day: int | None = None  # the end of a span of days ("13-15 November")
    weekday: int | None = None  # 0 for Monday
    way: str | None = None  # a weekday's direction: "past" or "future"; None when the text does not tell
    days: int = 0  # an offset from the article's date ("yesterday": -1)
    sentence_years: tuple[int, ...] = ()  # the years its sentence writes ("in 2000 ... on 30 June of that year")


@dataclass(frozen=True)
class ArticleDigest:
    """Everything the analysis stage found in one article."""

    article: Article
    summary: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    terms: tuple[TermExplanation, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    word_count: int = 0
    doubts: tuple[Doubt, ...] = ()  # what the analysis is unsure of, for the instructor
    abbreviations: tuple[Acronym, ...] = ()  # defined in the article, unknown to the glossary: one line, no box
    earlier: tuple[EarlierExplanation, ...] = ()  # terms explained in an earlier briefing of the course
    people: tuple[PersonMention, ...] = ()  # who is quoted or named as acting, for the who's who
    dates: tuple[DateMention, ...] = ()  # the dates the article writes, for the timeline
    reading_grade: float | None = None  # Flesch-Kincaid grade (analyse.readability); None for a short text
    # Set from corrections.toml after the (cached) analysis, never by it:
    notes: tuple[str, ...] = ()  # the instructor's notes (instructor edition only)
    questions: tuple[Question, ...] = ()  # discussion questions (both editions; answers for the instructor)
    section: str | None = None  # the heading the article is printed under


@dataclass(frozen=True)
class Section:
    """A heading of the briefing and the articles under it (indices into Briefing.digests, in order)."""

    title: str | None  # None for articles outside every section, printed first without a heading
    articles: tuple[int, ...]


@dataclass(frozen=True)
class TermUse:
    """Where the printed briefing first shows a term that has no context box: the words
    `start:end` of item `item` (a summary sentence or a quote, 0 for the headline) of `part`
    ("title", "summary" or "quote") of the article with index `article`."""

    term: str
    article: int
    part: str
    item: int
    start: int
    end: int


@dataclass(frozen=True)
class WhoEntry:
    """One person of the who's who, merged across articles ("Ivanov" and "Sergei Ivanov" are one)."""

    name: str
    roles: tuple[str, ...] = ()  # as the articles give them, most complete first; () when none gives one
    group: str | None = None  # the country or organisation the roles name ("Russia"), for the headings
    articles: tuple[int, ...] = ()  # indices of the articles that name the person
    quoted_in: tuple[int, ...] = ()  # those of them that quote the person


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event of the timeline: from an article (its verbatim clause) or, marked background,
    from the glossary's key dates of a term boxed this week."""

    start: dt.date
    end: dt.date | None = None  # the last day of a span
    precision: str = "day"  # "day", "month" or "year": how much of `start` the source gives
    text: str = ""  # the article's clause, or the glossary's event
    article: int | None = None  # index of the article that states it, or that boxed the term
    term: str | None = None  # the glossary term, for background entries
    background: bool = False
    written: str = ""  # the date as the article wrote it ("last Tuesday"), for review

    @property
    def label(self) -> str:
        """The date as printed: "1972", "March 2015", "4 November 2001", "13–15 November 2001"."""
        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "month":
            return f"{self.start:%B %Y}"
        if self.end and self.end != self.start:
            if self.end.month == self.start.month and self.end.year == self.start.year:
                return f"{self.start.day}–{self.end.day} {self.end:%B %Y}"
            return f"{self.start.day} {self.start:%B %Y} – {self.end.day} {self.end:%B %Y}"
        return f"{self.start.day} {self.start:%B %Y}"


@dataclass(frozen=True)
class Briefing:
    """The assembled briefing, ready for a template."""

    title: str
    date: dt.date
    digests: tuple[ArticleDigest, ...]
    key_points: tuple[tuple[int, str], ...] = ()  # (article index, sentence)
    glossary: tuple[TermExplanation, ...] = ()  # every term used, alphabetical
    first_use: tuple[tuple[str, int], ...] = ()  # (term, index of the article that first explains it)
    term_uses: tuple[TermUse, ...] = ()  # the first printed words of each term without a box
    box_pages: tuple[tuple[str, int], ...] = ()  # (term, PDF page of its box), once a PDF is laid out
    settings: tuple[tuple[str, str], ...] = field(default=())  # course, instructor, ... for the masthead
    edition: str = "student"  # or "instructor": adds notes, answers and what is left to review
    sections: tuple[Section, ...] = ()  # the headings articles are grouped under; () for none
    whos_who: tuple[WhoEntry, ...] = ()  # by group, then surname; () when switched off (whos_who = false)
    timeline: tuple[TimelineEntry, ...] = ()  # oldest first; () when switched off (timeline = false)
