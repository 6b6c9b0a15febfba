"""The PDF of a large briefing, laid out in parts so that its memory stays bounded (issue 20).

WeasyPrint keeps every page's boxes and computed styles until the PDF is written, so a briefing
laid out whole needs memory in proportion to its articles. Above `articles_per_part` articles the
briefing's HTML is cut into parts of that many articles (the front matter goes with the first,
the back matter with the last); each part is laid out, written and freed before the next, and
starts on a new page. A part does not know, on its own, three numbers the theme prints, so they
are given to it:

- the page it starts on: `counter-reset: page` on its first page;
- the briefing's page count: the theme's `counter(pages)` is read as `counter(briefgen-pages)`,
  a counter every page of the part resets to it;
- the page each of its links points at (contents, page references of the back matter): the
  theme's `target-counter(attr(href url), page)` is read as `counter(briefgen-target)`, a counter
  each link resets to its target's page.

The numbers come from the previous layout of the parts, and the parts are laid out again until
each one was given what the others produce: twice in practice, as the first round cannot know
the page count. The parts are then joined with pypdf, the outline is rebuilt from every part's
bookmarks (levels nest across parts), and the links between parts are added again.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from .. import lexicon
from ..config import Settings
from .render import layout_pdf, render_pdf

PDF_POINTS_PER_PIXEL = 0.75  # WeasyPrint lays out in CSS pixels (1/96 in) and writes PDF points (1/72 in)
# A bound, not a tuning: the rounds stop when every part was given what the others produce.
MAX_ROUNDS = 4
_PAGES_COUNTER = re.compile(r"\bcounter\(\s*pages\b")
_TARGET_PAGE = re.compile(r"\btarget-counter\(\s*attr\(\s*href(?:\s+url)?\s*\)\s*,\s*page\b")


def articles_per_part(settings: Settings) -> int:
    """Articles a part holds: the setting pdf_part_articles, else the lexicon's measured number."""
    return settings.pdf_part_articles or int(lexicon.rows("pdf_parts")["articles"]["per_part"])


def briefing_pdf(html: str, settings: Settings, allowed_roots: tuple[Path, ...], edition: dt.date | None,
                 articles: int, on_page: Callable[[int], None]) -> tuple[bytes, dict[str, int]]:
    """The PDF of a briefing's `html` (of `articles` articles) and the page each HTML anchor is on.
    One document unless the briefing is larger than a part; a PDF variant (PDF/A, PDF/UA) is always
    one document, as its tags and metadata cannot be joined from parts. `on_page` hears the number
    of each page laid out."""
    size = articles_per_part(settings)
    if articles > size and not settings.pdf_variant:
        source = _Source.parse(html, articles)
        if source is not None:
            return _in_parts(source, size, settings, allowed_roots, edition, on_page)
    with pages_reported(on_page):
        document = layout_pdf(html, settings, allowed_roots)
        data = render_pdf(html, settings, allowed_roots, edition, document=document)
    return data, anchor_pages(document)


def anchor_pages(document) -> dict[str, int]:
    """The page (from 1) of each anchor of a laid-out document, where it first appears."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


@dataclass(frozen=True)
class _Given:
    """What a part is told: its first page's number less one, the page count, its links' pages."""

    offset: int
    total: int
    targets: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class _Laid:
    """One part laid out: what it was given, its PDF, and what the join and the other parts need
    (positions in PDF points from the bottom left of the part's pages)."""

    given: _Given
    pdf: bytes
    pages: int
    anchors: Mapping[str, tuple[int, float, float]]  # name: (page index in the part, x, y)
    bookmarks: tuple[tuple[int, int, str, float, float, bool], ...]  # (page index, level, label, x, y, open)
    links: tuple[tuple[int, str, tuple[float, float, float, float]], ...]  # out of the part: (page index, anchor, rect)


class _Source:
    """The briefing's HTML with its articles found: the elements whose id is article-N, as the
    default theme's contents links point at them."""

    def __init__(self, html: str, articles: int):
        self.html = html
        self.articles = articles

    @classmethod
    def parse(cls, html: str, articles: int) -> _Source | None:
        """None when the theme's articles cannot be told apart (an id missing, an article in another)."""
        root = _parse(html)
        units = _units(root, articles)
        return cls(html, articles) if units is not None else None

    def part(self, numbers: range) -> lxml.html.HtmlElement:
        """The document holding articles `numbers` (from 1) and what goes with them: what comes
        before an article in its container goes with it (the masthead with the first article, a
        section's heading with the section's first), what comes after a container's last article
        goes with that article (the back matter with the last)."""
        root = _parse(self.html)
        units = _units(root, self.articles)
        assert units is not None  # parse() found them in the same HTML
        spans: dict[lxml.html.HtmlElement, tuple[int, int]] = {}
        for number, unit in enumerate(units, 1):
            for element in (unit, *unit.iterancestors()):
                first, last = spans.get(element, (number, number))
                spans[element] = (min(first, number), max(last, number))
        _prune(root.body, spans, set(units), numbers)
        return root


def _parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))


def _units(root: lxml.html.HtmlElement, articles: int) -> list[lxml.html.HtmlElement] | None:
    ids: dict[str, lxml.html.HtmlElement] = {}
    for element in root.xpath("//*[starts-with(@id, 'article-')]"):  # one pass: a lookup per id is a pass each
        ids.setdefault(element.get("id"), element)
    units = [ids.get(f"article-{number}") for number in range(1, articles + 1)]
    found = set(units)
    if None in found or any(ancestor in found for unit in units if unit is not None
                            for ancestor in unit.iterancestors()):
        return None
    return [unit for unit in units if unit is not None]


def _prune(element: lxml.html.HtmlElement, spans: Mapping[lxml.html.HtmlElement, tuple[int, int]],
           units: set[lxml.html.HtmlElement], numbers: range) -> None:
    """Drop from `element` the articles outside `numbers` and what goes with them (see _Source.part)."""
    children = list(element)
    owners: list[int] = []
    following = None
    for child in reversed(children):  # what precedes an article goes with it
        following = spans[child][0] if child in spans else following
        owners.append(following if following is not None else 0)
    owners.reverse()
    preceding = 0
    for child, owner in zip(children, owners, strict=True):
        if child in spans:
            first, last = spans[child]
            preceding = last
            if last < numbers.start or first >= numbers.stop:
                child.drop_tree()
            elif child not in units:
                _prune(child, spans, units, numbers)
        elif (owner or preceding) not in numbers:  # after a container's last article: goes with it
            child.drop_tree()


def _given_html(root: lxml.html.HtmlElement, given: _Given) -> str:
    """A part's HTML with the numbers it is given (see the module's docstring)."""
    for style in root.iter("style"):
        style.text = _TARGET_PAGE.sub("counter(briefgen-target", _PAGES_COUNTER.sub(
            "counter(briefgen-pages", style.text or ""))
    pages = dict(given.targets)
    for link in root.body.iter():
        target = _internal_target(link)
        if target in pages:
            declared = (link.get("style") or "").strip().rstrip(";")
            link.set("style", (declared + "; " if declared else "") + f"counter-reset: briefgen-target {pages[target]}")
    numbers = lxml.html.Element("style")
    numbers.text = (f"@page {{ counter-reset: briefgen-pages {given.total} }}\n"
                    f"@page :first {{ counter-reset: page {given.offset + 1} briefgen-pages {given.total} }}\n")
    root.head.append(numbers)
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _internal_target(element: lxml.html.HtmlElement) -> str | None:
    href = element.get("href") if isinstance(element.tag, str) else None
    return href[1:] if href and href.startswith("#") else None


def _in_parts(source: _Source, size: int, settings: Settings, allowed_roots: tuple[Path, ...],
              edition: dt.date | None, on_page: Callable[[int], None]) -> tuple[bytes, dict[str, int]]:
    spans = [range(start, min(start + size, source.articles + 1)) for start in range(1, source.articles + 1, size)]
    targets = [sorted({t for element in source.part(numbers).body.iter() if (t := _internal_target(element))})
               for numbers in spans]
    # Before the first round, pages are guessed with as many digits as there are articles' numbers:
    # a briefing has about as many pages as articles, give or take a factor of three.
    guess = 10 ** (len(str(source.articles)) - 1)
    laid: list[_Laid | None] = [None] * len(spans)
    for _round in range(MAX_ROUNDS):
        pages = _absolute_pages(laid)
        total = sum(part.pages for part in laid if part) if all(laid) else guess
        offset, changed = 0, False
        for index, numbers in enumerate(spans):
            given = _Given(offset, total, tuple((target, pages.get(target, guess)) for target in targets[index]))
            part = laid[index]
            if part is None or part.given != given:
                part = laid[index] = _lay_out(source.part(numbers), given, settings, allowed_roots, edition, on_page)
                changed = True
            offset += part.pages
        if not changed:
            break
    done = [part for part in laid if part]
    identifier = hashlib.sha256(source.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return _join(done, identifier), _absolute_pages(done)


def _absolute_pages(laid: list[_Laid | None] | list[_Laid]) -> dict[str, int]:
    pages: dict[str, int] = {}
    offset = 0
    for part in laid:
        if part is None:
            break
        for name, (index, _x, _y) in part.anchors.items():
            pages.setdefault(name, offset + index + 1)
        offset += part.pages
    return pages


def _lay_out(root: lxml.html.HtmlElement, given: _Given, settings: Settings, allowed_roots: tuple[Path, ...],
             edition: dt.date | None, on_page: Callable[[int], None]) -> _Laid:
    html = _given_html(root, given)
    del root
    with pages_reported(lambda number: on_page(given.offset + number)):
        document = layout_pdf(html, settings, allowed_roots)
        pdf = render_pdf(html, settings, allowed_roots, edition, document=document)
    anchors: dict[str, tuple[int, float, float]] = {}
    bookmarks: list[tuple[int, int, str, float, float, bool]] = []
    links: list[tuple[int, str, tuple[float, float, float, float]]] = []
    for index, page in enumerate(document.pages):
        def point(x: float, y: float, height: float = page.height) -> tuple[float, float]:
            return x * PDF_POINTS_PER_PIXEL, (height - y) * PDF_POINTS_PER_PIXEL

        for name, (x, y, _width, _height) in page.anchors.items():
            anchors.setdefault(name, (index, *point(x, y)))
        for level, label, (x, y), state in page.bookmarks:
            bookmarks.append((index, level, label, *point(x, y), state != "closed"))
        # WeasyPrint leaves out a link to an anchor the part does not hold; the join adds it again.
        links.extend((index, target, (*point(x1, y2), *point(x2, y1)))
                     for kind, target, (x1, y1, x2, y2), _box in page.links if kind == "internal")
    laid = _Laid(given, pdf, len(document.pages), anchors, tuple(bookmarks),
                 tuple(link for link in links if link[1] not in anchors))
    del document
    gc.collect()  # WeasyPrint's boxes hold cycles: free this part's before the next is laid out
    return laid


def _join(parts: list[_Laid], identifier: bytes) -> bytes:
    """One PDF of the laid-out parts, with the outline and the links between parts."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import ArrayObject, ByteStringObject, Fit, IndirectObject

    writer = PdfWriter()
    offsets = []
    for part in parts:
        offsets.append(len(writer.pages))
        reader = PdfReader(io.BytesIO(part.pdf))
        if not offsets[-1] and reader.metadata:
            writer.add_metadata(dict(reader.metadata))
        writer.append(reader, import_outline=False)
    anchors = {name: (offset + index, x, y) for part, offset in zip(parts, offsets, strict=True)
               for name, (index, x, y) in part.anchors.items()}
    for part, offset in zip(parts, offsets, strict=True):
        for index, target, rect in part.links:
            if target in anchors:
                page, x, y = anchors[target]
                writer.add_annotation(offset + index, Link(rect=rect, border=[0, 0, 0], target_page_index=page,
                                                                     fit=Fit.xyz(x, y, 0)))
    levels: list[tuple[int, IndirectObject]] = []  # the open outline entries, by level
    for part, offset in zip(parts, offsets, strict=True):
        for index, level, label, x, y, is_open in part.bookmarks:
            while levels and levels[-1][0] >= level:
                levels.pop()
            item = writer.add_outline_item(title=label, page_number=offset + index,
                                           parent=levels[-1][1] if levels else None, fit=Fit.xyz(x, y, 0),
                                           is_open=is_open)
            levels.append((level, item))
    writer._ID = ArrayObject([ByteStringObject(identifier), ByteStringObject(identifier)])  # same briefing, same bytes
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@contextmanager
def pages_reported(on_page: Callable[[int], None]) -> Iterator[None]:
    """Passes WeasyPrint's page-by-page layout progress (its documented `weasyprint.progress`
    logger) to `on_page`, with the number of each page laid out."""
    logger = logging.getLogger("weasyprint.progress")
    handler = _PageHandler(on_page)
    saved = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the messages are for us, not for the user's log
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


class _PageHandler(logging.Handler):
    def __init__(self, on_page: Callable[[int], None]):
        super().__init__()
        self.on_page = on_page

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if str(record.msg).startswith(_PAGE_MESSAGE) and isinstance(args, tuple) and args and isinstance(args[0], int):
            self.on_page(args[0])


# How WeasyPrint's progress logger announces each page it lays out ("... - Page %d").
_PAGE_MESSAGE = "Step 5 - Creating layout - Page"
