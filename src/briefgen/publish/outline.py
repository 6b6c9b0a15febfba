"""The briefing as a flat run of typed blocks, for the editable outputs (Word and Markdown).

The PDF and HTML come from the Jinja theme; a .docx or .md cannot run a theme, so they are written
from this outline instead, which says the same things in the same order as the default templates:
masthead, key points, contents, the sections and their articles (kicker, headline, byline, summary,
key quotes, context boxes, term notes, discussion questions, the instructor's notes in that edition,
source line), glossary, sources. Each writer maps a block kind to its own markup
(a named Word style, a Markdown construct), so the wording lives here once.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import ArticleDigest, Briefing, TermExplanation
from .render import cited_title, long_date, reading_minutes

# The kinds of block, in the order they first appear.
KINDS = ("kicker", "title", "masthead", "heading", "key_point", "contents_section", "contents_entry", "section",
         "article_kicker", "headline", "byline", "subheading", "summary", "quote", "speaker", "box_term", "box",
         "term_note", "question", "answer", "instructor", "source_line", "glossary_term", "glossary_definition",
         "source_entry")
INSTRUCTOR = "instructor"  # Briefing.edition of the instructor's: answers, notes and what is left to review


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
    groups = [(section.title, section.articles) for section in briefing.sections] or [
        (None, tuple(range(len(briefing.digests))))]
    for title, members in groups:
        if title:
            yield Block("contents_section", title)
        for index in members:
            yield Block("contents_entry", f"{index + 1}. {headline(briefing.digests[index])}")
    for title, members in groups:
        if title:
            yield Block("section", title)
        for index in members:
            yield from _article(briefing.digests[index], index + 1, briefing)
    yield from _glossary(briefing)
    yield Block("heading", "Sources")
    for digest in briefing.digests:
        yield Block("source_entry", _source_entry(digest))


def _known(*parts: str | None) -> list[str]:
    """The parts that are known: an unknown outlet or date is left out, never printed as "unknown"."""
    return [part for part in parts if part]


def _source_entry(digest: ArticleDigest) -> str:
    article = digest.article
    published = ", ".join(_known(article.source, long_date(article.date) if article.date else None))
    title = f"{cited_title(article)} " if article.title else ""
    where = f"{article.url} (file {article.path.name})" if article.url else f"File {article.path.name}"
    accessed = f" Accessed {long_date(article.accessed)}." if article.accessed else ""
    return f"{published + '. ' if published else ''}{title}{where}.{accessed}"


def headline(digest: ArticleDigest) -> str:
    return digest.article.title or ""  # analyse gives every article with text a headline, never its file name


def _article(digest: ArticleDigest, number: int, briefing: Briefing) -> Iterator[Block]:
    article = digest.article
    label = {"opinion": "Opinion", "fact-check": "Fact-check" + (f": {article.verdict}" if article.verdict else "")}
    kicker = _known(label.get(article.genre or ""), article.source, long_date(article.date) if article.date else None)
    if kicker:
        yield Block("article_kicker", " · ".join(kicker))
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
    yield from _term_notes(digest)
    yield from _questions(digest, briefing.edition == INSTRUCTOR)
    if briefing.edition == INSTRUCTOR:
        yield from _for_the_instructor(digest)
    if article.url:  # the file name is in the Sources list
        accessed = f" · accessed {long_date(article.accessed)}" if article.accessed else ""
        yield Block("source_line", f"Original: {article.url}{accessed}")


def _term_notes(digest: ArticleDigest) -> Iterator[Block]:
    """One line each: a term an earlier briefing explained, and the abbreviations only the article defines."""
    for note in digest.earlier:
        page = f": p. {note.page}" if note.page else ""
        yield Block("term_note", f"{note.term} — explained in {note.briefing}{page}")
    if digest.abbreviations:
        listed = "; ".join(f"{a.short} ({a.long})" for a in digest.abbreviations)
        yield Block("term_note", f"Abbreviations: {listed}.")


def _for_the_instructor(digest: ArticleDigest) -> Iterator[Block]:
    """The notes of corrections.toml and what is left to review (instructor edition)."""
    if not (digest.notes or digest.doubts):
        return
    yield Block("instructor", f"For the instructor · {digest.article.path.name}")
    for note in digest.notes:
        yield Block("instructor", note)
    if digest.doubts:
        yield Block("instructor", "Still to review: " + "; ".join(f"{d.kind}: {d.message}" for d in digest.doubts))


def _questions(digest: ArticleDigest, answers: bool) -> Iterator[Block]:
    """The discussion questions of corrections.toml; their answers only in the instructor edition."""
    if not digest.questions:
        return
    yield Block("subheading", "For discussion")
    for number, question in enumerate(digest.questions, start=1):
        yield Block("question", f"{number}. {question.ask}")
        if answers and question.answer:
            yield Block("answer", f"Answer: {question.answer}")


def _term_heading(term: TermExplanation) -> str:
    expansion = f" — {term.expansion}" if term.expansion and term.expansion != term.term else ""
    return term.term + expansion


def _status(term: TermExplanation, in_box: bool = False) -> str:
    """ "Status: ..." ("Since this article (April 2015): ..." in a box, for an article older than the status)."""
    if not term.status:
        return ""
    as_of = f" (as of {long_date(term.as_of)})" if term.as_of else ""
    return f"{term.status_heading if in_box else 'Status'}: {term.status}{as_of}"


def _box(term: TermExplanation) -> Iterator[Block]:
    yield Block("box_term", _term_heading(term))
    if term.definition:
        yield Block("box", term.definition)
    if term.article_wording and term.article_wording != term.expansion:
        yield Block("box", f"The article writes: {term.article_wording}.")
    if term.status:
        yield Block("box", _status(term, in_box=True))
    if term.origin == "text":
        yield Block("box", "As defined in the article.")


def _glossary(briefing: Briefing) -> Iterator[Block]:
    """As the default theme: a line per boxed term, then the other terms in full (no page numbers here)."""
    if not briefing.glossary:
        return
    first_use = {term: index + 1 for term, index in briefing.first_use}
    printed = {use.term: use.article + 1 for use in briefing.term_uses}
    boxed = {term.term for digest in briefing.digests for term in digest.terms}
    yield Block("heading", "Glossary")
    for term in briefing.glossary:
        if term.term in boxed:
            yield Block("glossary_term", f"{term.term}, article {first_use[term.term]}")
    for term in briefing.glossary:
        if term.term in boxed:
            continue
        yield Block("glossary_term", _term_heading(term))
        yield Block("glossary_definition", term.definition or "As the article defines it.")
        status = _status(term)
        where = (f"Printed in article {printed[term.term]}." if term.term in printed
                 else f"In the original of article {first_use[term.term]}.")
        yield Block("glossary_definition", f"{status + '. ' if status else ''}{where}")
