"""Extract stage: recover the article (body, title, date, author, source, url) from a document.

Plain text (a pasted web page) goes through the boilerplate remover and the plain-text metadata
detectors; HTML goes through trafilatura (with its metadata) and then the same furniture checks;
Markdown is taken as written by a person, only turned into plain paragraphs. Front matter
overrides whatever was extracted. Each field's origin is recorded in Article.provenance.
The Article goes on to analyse.

Modules: boilerplate (the article's run of prose in a pasted page), furniture (line tests for
menus, captions, footers...), metadata (dates, datelines, bylines, headlines), genre (opinion
and fact-check labels), html_text and markdown_text (HTML and Markdown to plain paragraphs).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import Article, SourceDocument
from . import boilerplate, furniture, genre, html_meta, html_text, markdown_text, metadata

# Bylines, datelines and date lines sit just above the body; further up is the site's masthead.
HEADER_WINDOW = 12
# The plain-text reading of an HTML page replaces the extractor's body when it holds this share
# of the extractor's words and this many times as many words.
SECOND_OPINION_COVERAGE = 0.9
SECOND_OPINION_GAIN = 1.6
SECOND_OPINION_START_WINDOW = 3  # ... and the two bodies start within this many paragraphs
TITLE_MAX_WORDS = 40  # a first paragraph longer than this is text even if it repeats the title
DISCLAIMER_WINDOW = 3  # an opinion piece's disclaimer closes it: its last paragraphs, or the page after it


@dataclass
class _Found:
    """What a reader found: the body, and each field as (value, origin)."""

    body: str
    fields: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def offer(self, name: str, value: Any, origin: str) -> None:
        """Record a field unless it is empty or already known from a better place."""
        if value not in (None, "") and name not in self.fields:
            self.fields[name] = (value, origin)


# A tag, comment or doctype: an .html file without any is plain text saved under that name
# (the HTML reader would find no element to take the article from).
_MARKUP = re.compile(r"<[A-Za-z!/?]")


def extract(doc: SourceDocument) -> Article:
    """The article in `doc`; fields that cannot be established are None."""
    if doc.kind == "html" and _MARKUP.search(doc.text):
        found = _from_html(doc.text)
    elif doc.kind == "md":
        found = _from_markdown(doc.text)
    else:
        found = _from_plain_text(doc.text)  # .txt, and the text of a .docx or .pdf
    return _article(doc, _with_front_matter(_with_stated(found, doc), doc))


def _with_stated(found: _Found, doc: SourceDocument) -> _Found:
    """What the container states (a Word title, a saved page's address and access date) is
    surer than what was read from the text."""
    for name, value, origin in doc.stated:
        if name == "accessed":
            date = _iso_date(value)
            if date:
                found.fields["accessed"] = (date, origin)
        elif value:
            found.fields[name] = (value, origin)
    return found


def require_text(article: Article) -> Article:
    """The article, or an InputError when nothing of it could be recovered."""
    if not article.body.strip():
        reason = "no article text found (only page furniture, or markup too deeply nested to read)"
        raise InputError(reason, article.path)
    return article


def _from_plain_text(text: str) -> _Found:
    parts = boilerplate.split_page(text)
    found = _Found(body="\n\n".join(parts.body))
    # Share buttons can fill dozens of lines between the headline and the body; they are no part
    # of the header, so they must not push the headline out of reach.
    head = tuple(line for line in parts.head if not furniture.is_share_button(line))
    found.offer("author", metadata.page_author(head, parts.body, parts.tail, dt.date.today()), "byline")
    _offer_header_fields(found, head[-HEADER_WINDOW:], parts.body[0] if parts.body else "")
    dated = metadata.page_date(head, parts.body, parts.tail, dt.date.today())
    if dated:
        found.offer("date", dated[0], dated[1])
    found.offer("source", _publisher(parts.tail), "heuristic")
    found.offer("title", metadata.pick_headline(head, parts.body), "heuristic")
    found.offer("genre", genre.genre_of_text(head[-HEADER_WINDOW:]), "label")
    found.offer("genre", genre.genre_of_disclaimer([*parts.body[-DISCLAIMER_WINDOW:], *parts.tail]), "disclaimer")
    return found


def _publisher(tail: tuple[str, ...]) -> str | None:
    """The holder of the page's copyright notice: the footer's, so the last one on the page."""
    return next(filter(None, map(metadata.parse_copyright_holder, reversed(tail))), None)


def _offer_header_fields(found: _Found, header: tuple[str, ...], first_paragraph: str) -> None:
    """Datelines first (they carry the outlet and an exact date), then bylines, then bare dates."""
    datelines = [metadata.parse_dateline(line) for line in header] + [metadata.parse_lead_dateline(first_paragraph)]
    for dateline in datelines:
        if dateline:
            found.offer("source", dateline.agency, "dateline")
            found.offer("date", dateline.date, "dateline")
    for line in header:
        author = metadata.parse_byline(line)
        if author:
            found.offer("author", author, "byline")
            found.offer("date", metadata.parse_date(line), "byline")


def _from_html(html: str) -> _Found:
    import trafilatura  # imported here: it takes a noticeable time to load, and only HTML needs it
    from trafilatura.settings import Document

    tree = trafilatura.load_html(html_text.close_void_elements(html))
    if tree is None:
        return _Found(body="")
    # Read the page's visible text before the extractor, which prunes the tree it is given.
    page = html_text.visible_text(tree)
    page_genre, verdict = genre.genre_of_page(tree)
    document = trafilatura.bare_extraction(
        tree,
        # The fallback extractors (jusText) take time quadratic in a run of short blocks: a page
        # of thousands of <li> items took minutes. A news page has far fewer blocks (no page of
        # the dev sets with more than 1,100 has its text changed by the fallback).
        fast=_block_count(tree) > FALLBACK_MAX_BLOCKS,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        # Dates from the page's own metadata only; scanning the whole page for dates is slow and guesses.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, Document):  # None, or a dict in older releases
        return _from_plain_text(page)
    title = _clean(document.title)
    paragraphs = furniture.clean_extracted(_without_title(_lines(document.text or ""), title))
    paragraphs = _with_missed_text(paragraphs, page)
    found = _Found(body="\n\n".join(paragraphs))
    sites = [*html_meta.site_names(tree), *filter(None, [_clean(document.sitename)])]
    headline = html_meta.visible_headline(tree, [*html_meta.page_titles(tree), title or ""])
    found.offer("title", headline, "h1")
    found.offer("title", html_meta.without_site_name(title, sites) if title else None, "metadata")
    text = _from_plain_text(page)
    _offer_date(found, tree, _iso_date(document.date), text)
    if "date" not in found.fields:
        found.offer("date", _scanned_date(html), "page scan")
    authors = html_meta.clean_authors(_clean(document.author), sites)
    found.offer("author", html_meta.without_claimants(authors, html_meta.claimants(tree)), "metadata")
    if text.fields.get("author", (None, ""))[1] == "byline":
        found.offer("author", html_meta.clean_authors(text.fields["author"][0], sites), "byline")
    _offer_lead_dateline(found, paragraphs)
    found.offer("source", _clean(document.sitename), "metadata")
    found.offer("url", _clean(document.url), "metadata")
    found.offer("genre", page_genre, "metadata")
    found.offer("verdict", verdict, "metadata")
    return found


FALLBACK_MAX_BLOCKS = 2000
_BLOCK_TAGS = ("p", "li", "div", "td", "tr", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")


def _block_count(tree: Any) -> int:
    return sum(1 for _ in tree.iter(*_BLOCK_TAGS))


def _offer_date(found: _Found, tree: Any, extractor: dt.date | None, text: _Found) -> None:
    """The publication date: the one in the page's address, else the one the page prints beside
    the article (what its reader sees; markup timestamps are often set by a CMS on import, or in
    UTC, a day off the publisher's), else the markup's statement, else the extractor's reading;
    a date printed only after an "Updated" label comes last."""
    found.offer("date", html_meta.url_date(tree), "url")
    printed, printed_origin = text.fields.get("date", (None, ""))
    if printed_origin != "updated label":
        found.offer("date", printed, printed_origin)
    stated = html_meta.published_date(tree)
    markup, origin = (stated[0], stated[1]) if stated else (extractor, "metadata")
    found.offer("date", markup, origin)
    found.offer("date", printed, printed_origin)


def _scanned_date(html: str) -> dt.date | None:
    """The last resort: htmldate's scan of the whole page for its original date. A scan's date on
    the first of a month is usually a month or a year written without a day, so it is refused."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=True, original_date=True, max_date=dt.date.today().isoformat())
    except (ValueError, TypeError):
        return None
    date = _iso_date(found)
    return date if date and date.day != 1 else None


def _with_missed_text(paragraphs: list[str], page: str) -> list[str]:
    """The extractor sometimes keeps only part of an article (sections in separate containers).
    The boilerplate remover, run on the page's visible text, is the second opinion: when its body
    starts about where the extractor's does, contains nearly all the extractor kept and is much longer,
    it found more of the article."""
    second = boilerplate.split_page(page).body
    if not paragraphs:
        return list(second)
    if not _start_together(paragraphs, second):
        return paragraphs
    kept, found = _word_bag(paragraphs), _word_bag(second)
    kept_total, found_total = sum(kept.values()), sum(found.values())
    covered = sum((kept & found).values()) >= SECOND_OPINION_COVERAGE * kept_total
    return list(second) if covered and found_total >= SECOND_OPINION_GAIN * kept_total else paragraphs


def _start_together(first: list[str], second: tuple[str, ...]) -> bool:
    """Does either body open with one of the other's first few paragraphs?"""
    window = SECOND_OPINION_START_WINDOW
    return bool(second) and (
        _comparable(second[0]) in map(_comparable, first[:window])
        or _comparable(first[0]) in map(_comparable, second[:window])
    )


def _word_bag(paragraphs: list[str] | tuple[str, ...]) -> Counter[str]:
    return Counter(word for paragraph in paragraphs for word in paragraph.lower().split())


def _from_markdown(text: str) -> _Found:
    title, paragraphs = markdown_text.to_paragraphs(text)
    found = _Found(body="\n\n".join(paragraphs))
    found.offer("title", title, "heading")
    _offer_lead_dateline(found, paragraphs)
    return found


def _offer_lead_dateline(found: _Found, paragraphs: list[str]) -> None:
    dateline = metadata.parse_lead_dateline(paragraphs[0]) if paragraphs else None
    if dateline:
        found.offer("source", dateline.agency, "dateline")
        found.offer("date", dateline.date, "dateline")


def _without_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Extractors often keep the page's <h1>; the headline is the title, not body text. The
    metadata title may carry the site's name ("Headline - Site"): a first paragraph making up
    most of the title is the headline."""
    if not paragraphs or not title or furniture.word_count(paragraphs[0]) > TITLE_MAX_WORDS:
        return paragraphs
    first, headline = _comparable(paragraphs[0]), _comparable(title)
    return paragraphs[1:] if first in headline and 2 * len(first) >= len(headline) else paragraphs


def _comparable(text: str) -> str:
    return " ".join(text.casefold().split())


def _with_front_matter(found: _Found, doc: SourceDocument) -> _Found:
    """Front matter is what the teacher wrote down: it overrides anything extracted."""
    for name in ("title", "author", "source", "url"):
        value = _clean(doc.front(name))
        if value:
            found.fields[name] = (value, "front-matter")
    date_text = doc.front("date")
    if date_text:
        date = _iso_date(date_text) or metadata.parse_date(date_text)
        if date:
            found.fields["date"] = (date, "front-matter")
    return found


def _article(doc: SourceDocument, found: _Found) -> Article:
    values = {name: value for name, (value, _) in found.fields.items()}
    provenance = tuple((name, origin) for name, (_, origin) in found.fields.items())
    return Article(path=doc.path, body=found.body, provenance=provenance, **values)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _clean(value: str | None) -> str | None:
    """Collapse whitespace; empty becomes None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d-])")


def _iso_date(value: str | None) -> dt.date | None:
    """A date from an ISO string ("2019-11-18", "2019-11-18T10:00:00Z"); partial dates are None, and
    so is anything else that merely starts with ten characters fromisoformat reads (a digit run)."""
    text = str(value).strip() if value else ""
    if not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
