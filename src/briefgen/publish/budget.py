"""A page budget: the briefing is shortened, in a stated order, until its PDF fits `max_pages`.

The order, each step laid out again and measured before the next is taken:

0. the Timeline page, then the Who's who page (seminar aids, which the articles do not need);
1. fewer summary sentences per article, one at a time, down to MIN_SUMMARY;
2. fewer key quotes and context boxes per article, one of each at a time, down to no quotes and
   MIN_BOXES box;
3. the glossary at the back down to its index (one line a term, no definitions).

Nothing is cut that the budget does not need, and what was cut is reported. When even the shortest
briefing is longer than the budget, the shortest is kept and `Fitted.fits` is false: the build
warns (exit 0, or 3 with --strict) rather than refusing to print.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..config import Settings
from ..model import Briefing

MIN_SUMMARY = 2  # a summary of one sentence no longer tells the story
MIN_BOXES = 1  # the first term an article needs explained keeps its box


@dataclass(frozen=True)
class Fitted:
    briefing: Briefing
    settings: Settings  # the settings the briefing was assembled with (shortened as needed)
    pages: int
    pages_before: int  # at full length
    cuts: tuple[str, ...]  # what was shortened, in words, in the order it was done
    fits: bool


def shortenings(settings: Settings) -> Iterator[Settings]:
    """Ever shorter settings, in the stated order, starting with `settings` itself."""
    current = settings
    yield current
    if current.timeline:
        current = replace(current, timeline=False)
        yield current
    if current.whos_who:
        current = replace(current, whos_who=False)
        yield current
    while current.summary_sentences > MIN_SUMMARY:
        current = replace(current, summary_sentences=current.summary_sentences - 1)
        yield current
    while current.quotes_per_article > 0 or current.boxes_per_article > MIN_BOXES:
        current = replace(current, quotes_per_article=max(0, current.quotes_per_article - 1),
                          boxes_per_article=max(MIN_BOXES, current.boxes_per_article - 1))
        yield current
    if current.back_glossary != "index":
        yield replace(current, back_glossary="index")


def describe_cuts(full: Settings, short: Settings) -> tuple[str, ...]:
    cuts = []
    if full.timeline and not short.timeline:
        cuts.append("the Timeline page")
    if full.whos_who and not short.whos_who:
        cuts.append("the Who's who page")
    if short.summary_sentences < full.summary_sentences:
        cuts.append(f"summaries to {short.summary_sentences} sentences (from {full.summary_sentences})")
    if short.quotes_per_article < full.quotes_per_article:
        cuts.append(f"key quotes to {short.quotes_per_article} per article (from {full.quotes_per_article})")
    if short.boxes_per_article < full.boxes_per_article:
        cuts.append(f"context boxes to {short.boxes_per_article} per article (from {full.boxes_per_article})")
    if short.back_glossary == "index" and full.back_glossary != "index":
        cuts.append("the glossary at the back to its index (no definitions)")
    return tuple(cuts)


def fit_pages(
    settings: Settings,
    assemble_with: Callable[[Settings], Briefing],
    count_pages: Callable[[Briefing, Settings], int],
) -> Fitted:
    """The longest briefing within `settings.max_pages`, from `assemble_with` (settings to briefing)
    and `count_pages` (its PDF's page count); the shortest one when none fits."""
    assert settings.max_pages is not None, "fit_pages needs a page budget"
    first_pages = None
    for shorter in shortenings(settings):
        briefing = assemble_with(shorter)
        pages = count_pages(briefing, shorter)
        first_pages = pages if first_pages is None else first_pages
        if pages <= settings.max_pages:
            break
    assert first_pages is not None  # shortenings() yields the settings themselves first
    return Fitted(briefing, shorter, pages, first_pages, describe_cuts(settings, shorter), pages <= settings.max_pages)


def budget_report(fitted: Fitted, budget: int) -> str:
    """One line for the user: what was cut to fit, or that nothing could make it fit."""
    if not fitted.fits:
        return (f"the page budget of {budget} cannot hold these articles: the shortest briefing "
                f"({'; '.join(fitted.cuts) or 'nothing left to cut'}) takes {fitted.pages} pages; "
                "raise --pages (max_pages) or leave articles out")
    if not fitted.cuts:
        return f"page budget {budget}: {fitted.pages} pages, nothing cut"
    return (f"page budget {budget}: {fitted.pages} pages (from {fitted.pages_before}) after cutting "
            + "; ".join(fitted.cuts))
