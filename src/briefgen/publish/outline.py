"""The briefing as a flat run of typed blocks, for the editable outputs (Word and Markdown).

The PDF and HTML come from the Jinja theme; a .docx or .md cannot run a theme, so they are written
from this outline instead, which says the same things in the same order as the default templates:
masthead, key points, contents, each article (kicker, headline, byline, summary, key quotes,
context boxes, source line), glossary, sources. Each writer maps a block kind to its own markup
(a named Word style, a Markdown construct), so the wording lives here once.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import ArticleDigest, Briefing, TermExplanation
from .render import long_date, reading_minutes

# The kinds of block, in the order they first appear.
KINDS = ("kicker", "title", "masthead", "heading", "key_point", "contents_entry", "article_kicker", "headline",
         "byline", "subheading", "summary", "quote", "speaker", "box_term", "box", "source_line",
         "glossary_term", "glossary_definition", "source_entry")


@dataclass(frozen=True)
class Block:
    kind: str  # one of KINDS
    text: str
    new_page: bool = False  # starts on a new page (each article, the back matter)


def briefing_outline(briefing: Briefing) -> tuple[Block, ...]:
    return tuple(_blocks(briefing))


def _blocks(briefing: Briefing) -> Iterator[Block]:
    people = dict(briefing.settings)  # course, instructor, institution, for the masthead
    yield Block("kicker", f"Briefing · {long_date(briefing.date)}")
    yield Block("title", briefing.title)
    if people.get("course"):
        yield Block("masthead", people["course"])
    names = [people[key] for key in ("instructor", "institution") if people.get(key)]
    if names:
        yield Block("masthead", " · ".join(names))
    count = len(briefing.digests)
    minutes = reading_minutes(sum(digest.word_count for digest in briefing.digests))
    yield Block("masthead", f"{count} article{'' if count == 1 else 's'} · about {minutes} minutes of reading in "
                "the originals")
    if briefing.key_points:
        yield Block("heading", "Key points")
        for index, point in briefing.key_points:
            yield Block("key_point", f"{point} (article {index + 1})")
    yield Block("heading", "Contents")
    for number, digest in enumerate(briefing.digests, start=1):
        yield Block("contents_entry", f"{number}. {headline(digest)}")
    for number, digest in enumerate(briefing.digests, start=1):
        yield from _article(digest, number, briefing)
    first_use = dict(briefing.first_use)
    boxed = {term.term for digest in briefing.digests for term in digest.terms}
    if briefing.glossary:
        yield Block("heading", "Glossary", new_page=True)
        for term in briefing.glossary:
            yield from _glossary_entry(term, first_use.get(term.term, 0) + 1, term.term in boxed)
    yield Block("heading", "Sources", new_page=not briefing.glossary)
    yield Block("masthead", f"One line per article, in briefing order; all accessed on {long_date(briefing.date)}.")
    for digest in briefing.digests:
        article = digest.article
        where = f"{article.url} (file {article.path.name})" if article.url else f"File {article.path.name}"
        yield Block("source_entry", f"{article.source or 'Outlet unknown'}, {long_date(article.date)}. "
                    f"“{headline(digest)}.” {where}.")


def headline(digest: ArticleDigest) -> str:
    return digest.article.title or digest.article.path.name


def _article(digest: ArticleDigest, number: int, briefing: Briefing) -> Iterator[Block]:
    article = digest.article
    yield Block("article_kicker", f"{article.source or 'Outlet unknown'} · {long_date(article.date)}", new_page=True)
    yield Block("headline", f"{number}. {headline(digest)}")
    author = f"By {article.author} · " if article.author else ""
    yield Block("byline", f"{author}{reading_minutes(digest.word_count)} min read")
    if digest.summary:
        yield Block("subheading", "Summary")
        for sentence in digest.summary:
            yield Block("summary", " ".join(sentence.split()))
    if digest.quotes:
        yield Block("subheading", "Key quotes")
        for quote in digest.quotes:
            yield Block("quote", f"“{quote.quote}”")
            yield Block("speaker", "— " + ", ".join(part for part in (quote.speaker or "unattributed", quote.role)
                                                     if part))
    if digest.terms:
        yield Block("subheading", "Context")
        for term in digest.terms:
            yield from _box(term)
    url = f" · {article.url}" if article.url else ""
    yield Block("source_line", f"Source: {article.path.name}{url} · accessed {long_date(briefing.date)}")


def _term_heading(term: TermExplanation) -> str:
    expansion = f" — {term.expansion}" if term.expansion and term.expansion != term.term else ""
    return term.term + expansion


def _status(term: TermExplanation) -> str:
    if not term.status:
        return ""
    as_of = f" (as of {long_date(term.as_of)})" if term.as_of else ""
    return f"Status: {term.status}{as_of}"


def _box(term: TermExplanation) -> Iterator[Block]:
    yield Block("box_term", _term_heading(term))
    if term.definition:
        yield Block("box", term.definition)
    if term.article_wording and term.article_wording != term.expansion:
        yield Block("box", f"The article writes: {term.article_wording}.")
    if term.status:
        yield Block("box", _status(term))
    if term.origin == "text":
        yield Block("box", "As defined in the article.")


def _glossary_entry(term: TermExplanation, article_number: int, boxed: bool) -> Iterator[Block]:
    yield Block("glossary_term", _term_heading(term))
    yield Block("glossary_definition",
                term.definition or f"Defined in the article: {term.article_wording or term.expansion}.")
    if boxed:
        yield Block("glossary_definition", f"First explained in article {article_number}.")
    else:
        status = _status(term)
        yield Block("glossary_definition", f"{status + ' ' if status else ''}Used in article {article_number}.")
