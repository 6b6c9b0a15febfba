"""Assemble stage: the analysed articles become one Briefing.

Decisions that need every article live here: which article first explains a term (a term gets
a context box only where it is first used), the cross-article key points, the back-matter
glossary, and where the printed text first shows each term without a box (so that a page
reference points at words the reader can see, not at words only in the original article).
A term an earlier briefing of the course explained gets a one-line note, not a box (see
publish/course.py). The settings' lengths are applied here too, so that a page budget can ask for a shorter briefing
from the same analyses.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from ..analyse.glossary import Glossary
from ..analyse.people import whos_who
from ..analyse.summarize import key_points
from ..analyse.timeline import timeline
from ..config import Settings
from ..model import ArticleDigest, Briefing, EarlierExplanation, Section, TermExplanation, TermUse

# Key points are short, at most three lines of the front page's box (about 72 characters a line
# at its type size): a summary sentence of 80 to 220 characters is preferred (the first such, as news
# puts the story first); below 80 a sentence is more often a transition than the story's statement.
KEY_POINT_CHARS = (80, 220)


def assemble(
    digests: Sequence[ArticleDigest],
    settings: Settings,
    edition: dt.date,
    sections: tuple[Section, ...] = (),
    edition_for: str = "student",
    glossary: Glossary | None = None,
    earlier: Mapping[str, EarlierExplanation] | None = None,
) -> Briefing:
    """The briefing of `digests`; `glossary` (the one the analysis used) finds its terms' aliases in
    the printed text, and without it a term is found by its name and expansion only. A term in
    `earlier` (casefolded term -> where an earlier briefing of the course explained it) gets a
    one-line note instead of a box."""
    shortened = [_shortened(digest, settings) for digest in digests]
    # The key points may take a lede that heads its own page: on the front page it is the story's statement.
    printed = [replace(digest, summary=without_headline(digest.summary, digest.article.title)) for digest in shortened]
    boxed = _boxes_at_first_use(printed, settings.boxes_per_article, earlier or {})
    # Point the glossary at the article whose box explains a term; a term that never got a box
    # (over the per-article limit) points at the first article that uses it.
    first_use = _first_use(digests) | _first_use(boxed)
    terms = _glossary(digests)
    has_box = {term.term for digest in boxed for term in digest.terms}
    return Briefing(
        title=settings.title,
        date=edition,
        digests=tuple(boxed),
        key_points=tuple(key_points(shortened, length=KEY_POINT_CHARS)),
        glossary=terms,
        first_use=tuple(first_use.items()),
        term_uses=tuple(_printed_uses(boxed, [t for t in terms if t.term not in has_box], glossary)),
        settings=settings.describe(),
        edition=edition_for,
        sections=sections,
        # The back-matter pages of issue 18, in both editions; a switch off leaves them empty.
        whos_who=whos_who([digest.people for digest in digests]) if settings.whos_who else (),
        timeline=timeline(digests, boxed) if settings.timeline else (),
    )


def _shortened(digest: ArticleDigest, settings: Settings) -> ArticleDigest:
    """At most the settings' summary sentences and quotes (the first ones: news puts the story first)."""
    return replace(digest, summary=digest.summary[: settings.summary_sentences],
                   quotes=digest.quotes[: settings.quotes_per_article],
                   reading_grade=digest.reading_grade if settings.reading_level else None)


def without_headline(summary: Sequence[str], headline: str | None) -> tuple[str, ...]:
    """The summary less any sentence that says, word for word, what the headline says.

    A page without a headline line is headed by its own first sentence (analyse/headline.py), which the
    summary often picks too: printed under itself it tells the student nothing new and costs lines.
    An article of that one sentence keeps it: a summary is never emptied by its own headline."""
    words = _words(headline) if headline else ()
    rest = tuple(sentence for sentence in summary if _words(sentence) != words)
    return rest or tuple(summary)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


def has_box_content(term: TermExplanation) -> bool:
    """A context box needs a definition: a term with only the article's own long form would print
    a box that says nothing the article does not ("MaT — Maghawir al Thawra. As defined in the article.")."""
    return bool(term.definition)


def _boxes_at_first_use(digests: Sequence[ArticleDigest], limit: int,
                        earlier: Mapping[str, EarlierExplanation]) -> list[ArticleDigest]:
    explained: set[str] = set()
    noted: set[str] = set()
    result = []
    for digest in digests:
        keys = [key for term in digest.terms if (key := term.term.casefold()) in earlier and key not in noted]
        noted.update(keys)
        notes = [earlier[key] for key in dict.fromkeys(keys)]
        fresh = [term for term in digest.terms
                 if term.term not in explained and term.term.casefold() not in earlier and has_box_content(term)]
        explained.update(term.term for term in fresh[:limit])
        result.append(replace(digest, terms=tuple(fresh[:limit]), earlier=tuple(notes)))
    return result


def _first_use(digests: Sequence[ArticleDigest]) -> dict[str, int]:
    first: dict[str, int] = {}
    for index, digest in enumerate(digests):
        for term in digest.terms:
            first.setdefault(term.term, index)
    return first


def _glossary(digests: Sequence[ArticleDigest]) -> tuple[TermExplanation, ...]:
    """Every term any article uses, once, alphabetical; the glossary's wording wins over an article's."""
    by_term: dict[str, TermExplanation] = {}
    for digest in digests:
        for term in digest.terms:
            if term.term not in by_term or (term.origin == "glossary" and by_term[term.term].origin != "glossary"):
                by_term[term.term] = term
    return tuple(sorted(by_term.values(), key=lambda t: t.term.casefold()))


def printed_parts(digest: ArticleDigest) -> Iterator[tuple[str, int, str]]:
    """(part, item, text) of everything an article prints that may use a term, in reading order."""
    if digest.article.title:
        yield "title", 0, digest.article.title
    for item, sentence in enumerate(digest.summary):
        yield "summary", item, sentence
    for item, quote in enumerate(digest.quotes):
        yield "quote", item, quote.quote


def _printed_uses(
    digests: Sequence[ArticleDigest], terms: Sequence[TermExplanation], glossary: Glossary | None
) -> Iterator[TermUse]:
    """The first place the printed briefing shows each of `terms`; a term only in the originals has none."""
    wanted = {term.term: term for term in terms}
    if glossary is not None and not any(glossary.get(name) for name in wanted):
        # No wanted term is a glossary entry: skip the glossary's matcher, which is costly to
        # build (often none is wanted at all: every term got its box).
        glossary = None
    found: set[str] = set()
    for index, digest in enumerate(digests):
        for part, item, text in printed_parts(digest):
            taken: list[tuple[int, int]] = []
            for name, start, end in _mentions(text, wanted, glossary):
                overlaps = any(start < other_end and other_start < end for other_start, other_end in taken)
                if name in found or overlaps:
                    continue
                found.add(name)
                taken.append((start, end))
                yield TermUse(name, index, part, item, start, end)


def _mentions(
    text: str, terms: dict[str, TermExplanation], glossary: Glossary | None
) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) of every place `text` names one of `terms`: through the glossary's matcher
    (aliases, plurals, hyphen styles) for its entries, by the term or its long form otherwise."""
    known = set()
    if glossary is not None:
        for match in glossary.find_terms(text):
            if match.entry.term in terms:
                known.add(match.entry.term)
                yield match.entry.term, match.start, match.end
    for name, term in terms.items():
        if name in known or (glossary is not None and glossary.get(name) is not None):
            continue
        for form in (term.term, term.article_wording, term.expansion):
            # The substring test first: most terms are absent from most sentences.
            found = _whole_words(form).search(text) if form and form in text else None
            if found:
                yield name, found.start(), found.end()
                break


@lru_cache(maxsize=4096)
def _whole_words(form: str) -> re.Pattern[str]:
    """`form` as a whole word or phrase (compiled once: a briefing asks for each term in every sentence)."""
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
