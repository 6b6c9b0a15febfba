"""The order of the articles and the sections they are printed under.

An article's place is its `order` in corrections.toml, else its place in briefgen.toml's `order`
list or `[sections]` lists, else it comes after those, by file name. Its section is its `section`
in corrections.toml, else the briefgen.toml section that lists it. Articles without a section come
first, without a heading; then each section, in briefgen.toml's order, then in the order its
first article comes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..config import Settings
from ..model import ArticleDigest, Section
from .corrections import Corrections


def order_articles(
    digests: Sequence[ArticleDigest], settings: Settings, corrections: Corrections
) -> tuple[list[ArticleDigest], tuple[Section, ...], list[str]]:
    """(digests in briefing order with their section set, the sections, warnings)."""
    listed = list(settings.order) + [name for _, names in settings.sections for name in names]
    in_section = {name: title for title, names in settings.sections for name in names}
    names = {digest.article.path.name for digest in digests}
    warnings = [f"briefgen.toml: 'order' or 'sections' names '{name}', which is not an article of this folder"
                for name in dict.fromkeys(listed) if name not in names]

    def place(digest: ArticleDigest) -> tuple[bool, int, str]:
        name = digest.article.path.name
        correction = corrections.get(name)
        rank = correction.order if correction and correction.order is not None else (
            listed.index(name) + 1 if name in listed else None)
        return rank is None, rank or 0, name

    ordered = [replace(digest, section=digest.section or in_section.get(digest.article.path.name))
               for digest in sorted(digests, key=place)]
    titles = list(dict.fromkeys([title for title, _ in settings.sections]
                                + [d.section for d in ordered if d.section is not None]))
    if not titles:
        return ordered, (), warnings
    groups = [None, *titles]
    grouped = [digest for title in groups for digest in ordered if digest.section == title]
    sections = []
    for title in groups:
        members = tuple(index for index, digest in enumerate(grouped) if digest.section == title)
        if members:
            sections.append(Section(title, members))
    return grouped, tuple(sections), warnings
