"""Assemble stage: the analysed articles become one Briefing.

Decisions that need every article live here: which article first explains a term (a term gets
a context box only where it is first used), the cross-article key points, the back-matter
glossary.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ..analyse.summarize import key_points
from ..config import Settings
from ..model import ArticleDigest, Briefing, Section, TermExplanation


def assemble(
    digests: Sequence[ArticleDigest],
    settings: Settings,
    edition: dt.date,
    sections: tuple[Section, ...] = (),
    edition_for: str = "student",
) -> Briefing:
    boxed = _boxes_at_first_use(digests, settings.boxes_per_article)
    # Point the glossary at the article whose box explains a term; a term that never got a box
    # (over the per-article limit) points at the first article that uses it.
    first_use = _first_use(digests) | _first_use(boxed)
    return Briefing(
        title=settings.title,
        date=edition,
        digests=tuple(boxed),
        key_points=tuple(key_points(digests)),
        glossary=_glossary(digests),
        first_use=tuple(first_use.items()),
        settings=settings.describe(),
        edition=edition_for,
        sections=sections,
    )


def _boxes_at_first_use(digests: Sequence[ArticleDigest], limit: int) -> list[ArticleDigest]:
    explained: set[str] = set()
    result = []
    for digest in digests:
        fresh = [term for term in digest.terms if term.term not in explained][:limit]
        explained.update(term.term for term in fresh)
        result.append(replace(digest, terms=tuple(fresh)))
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
