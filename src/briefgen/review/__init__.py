"""Review stage: the instructor's part, between the (cached) analysis and assembly.

`prepare` applies corrections.toml to the analysed articles, leaves out the files it skips, puts
the articles in order and into sections, and gathers everything still doubtful into a
`Review`: the doubts of each article (from the analysis, see analyse.doubts, plus those that need
the other articles or the edition date, such as glossary statuses checked more than six months
before it), files briefgen did not read, theme mistakes and
corrections that matched nothing. `briefgen check` prints the review; `build` counts it.

Modules: corrections (the corrections file), order (order and sections), theme (theme mistakes),
report (the review in the terminal and as review.html).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..analyse.glossary import STALE_AFTER_MONTHS, is_stale
from ..config import CONFIG_NAME, COURSE_GLOSSARY_NAMES, Settings
from ..model import ArticleDigest, Doubt, Section
from ..read import unread_files
from .corrections import CORRECTIONS_NAME, Corrections, apply_correction
from .order import order_articles
from .theme import theme_problems

# An article this many days older than the edition gets a flag: its context boxes and the glossary
# describe the state of things at the edition date, not at the article's.
OLD_ARTICLE_DAYS = 365
# Two articles sharing this share of their five-word runs are copies of one story.
NEAR_DUPLICATE_SHARE = 0.8
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ArticleReview:
    """What is left to review in one article file."""

    file: str
    title: str | None
    doubts: tuple[Doubt, ...]


@dataclass(frozen=True)
class Review:
    folder: Path
    corrections: Path  # where corrections go (the file may not exist yet)
    articles: tuple[ArticleReview, ...]
    folder_items: tuple[Doubt, ...] = ()  # unread files, theme mistakes

    @property
    def count(self) -> int:
        return len(self.folder_items) + sum(len(article.doubts) for article in self.articles)


@dataclass(frozen=True)
class Prepared:
    digests: tuple[ArticleDigest, ...]  # corrected, in briefing order, skipped files left out
    sections: tuple[Section, ...]
    warnings: tuple[str, ...]
    review: Review


def prepare(
    folder: Path,
    digests: Sequence[ArticleDigest],
    settings: Settings,
    corrections: Corrections,
    edition: dt.date,
    builtin_theme: Path,
) -> Prepared:
    warnings: list[str] = []
    corrected: list[ArticleDigest] = []
    for digest in digests:
        correction = corrections.get(digest.article.path.name)
        if correction is None:
            corrected.append(digest)
            continue
        if correction.skip:
            continue
        fixed, unmatched = apply_correction(digest, correction, settings.summary_sentences, settings.quotes_per_article)
        warnings += [f"{corrections.name()}: {line}" for line in unmatched]
        misses = tuple(Doubt("correction", f"this correction matched nothing: {line}",
                             "# remove that correction, or make it match the article again") for line in unmatched)
        corrected.append(replace(fixed, doubts=fixed.doubts + misses))
    present = {digest.article.path.name for digest in digests}
    for name, _ in corrections.by_file:
        if name not in present and not (folder / name).exists():
            warnings.append(f'{corrections.name()}: ["{name}"]: no file of this name in the folder')
    kept = [_with_stale_statuses(_with_age_doubt(digest, edition, corrections), edition, corrections)
            for digest in _duplicates_flagged(corrected)]
    ordered, sections, order_warnings = order_articles(kept, settings, corrections)
    warnings += order_warnings
    folder_items = _unread(folder, settings, corrections) + [
        Doubt("theme", problem, "") for problem in theme_problems(settings.theme, builtin_theme)]
    warnings += [item.message for item in folder_items]
    review = Review(
        folder=folder,
        corrections=corrections.path or folder / CORRECTIONS_NAME,
        articles=tuple(ArticleReview(d.article.path.name, d.article.title, d.doubts) for d in ordered),
        folder_items=tuple(folder_items),
    )
    return Prepared(tuple(ordered), sections, tuple(warnings), review)


def _duplicates_flagged(digests: list[ArticleDigest]) -> list[ArticleDigest]:
    """A text pasted twice, or two copies of one story, is flagged on the later file (the instructor
    leaves one out with `skip = true`); both stay printed until then."""
    seen: list[tuple[str, set[tuple[str, ...]]]] = []
    # Which earlier articles have each word run: the shared runs of every earlier article are then
    # counted in one pass over this one's, instead of one set intersection per pair of articles.
    holders: dict[tuple[str, ...], list[int]] = {}
    result = []
    for digest in digests:
        shingles = _shingles(digest.article.body)
        shared = Counter(index for shingle in shingles for index in holders.get(shingle, ()))
        first = next((seen[index] for index in sorted(shared)
                      if _share_of(shared[index], shingles, seen[index][1]) >= NEAR_DUPLICATE_SHARE), None)
        for shingle in shingles:
            holders.setdefault(shingle, []).append(len(seen))
        seen.append((digest.article.path.name, shingles))
        if first is not None:
            same = "the same text" if shingles == first[1] else "nearly the same text"
            digest = replace(digest, doubts=(*digest.doubts, Doubt(
                "duplicate", f"{same} as {first[0]}: printed twice", 'skip = true  # or: accept = ["duplicate"]')))
        result.append(digest)
    return result


def _shingles(body: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(body.casefold())
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def _share_of(common: int, these: set[tuple[str, ...]], those: set[tuple[str, ...]]) -> float:
    """The share of the shorter text's word runs (`common` of them shared) that the other text has too."""
    smaller = min(len(these), len(those))
    return common / smaller if smaller else 0.0


def _with_age_doubt(digest: ArticleDigest, edition: dt.date, corrections: Corrections) -> ArticleDigest:
    date = digest.article.date
    correction = corrections.get(digest.article.path.name)
    if date is None or (edition - date).days <= OLD_ARTICLE_DAYS or (correction and "old" in correction.accept):
        return digest
    years = (edition - date).days // 365
    age = f"{years} year{'s' if years != 1 else ''}" if years else f"{(edition - date).days} days"
    doubt = Doubt("old", f"published {date.isoformat()}, {age} before this edition: the context boxes and "
                  "the glossary describe later events; tell students which is which", 'accept = ["old"]')
    return replace(digest, doubts=(*digest.doubts, doubt))


def _with_stale_statuses(digest: ArticleDigest, edition: dt.date, corrections: Corrections) -> ArticleDigest:
    """One doubt listing the article's glossary terms whose status was last checked more than six
    months before the edition (analyse.glossary.is_stale): the instructor re-checks them, or
    updates them in the course glossary, before printing."""
    correction = corrections.get(digest.article.path.name)
    stale = [term for term in digest.terms if term.as_of and term.status and is_stale(term.as_of, edition)]
    if not stale or (correction and "stale" in correction.accept):
        return digest
    listed = "; ".join(f"{term.term} ({term.as_of.isoformat()})" for term in stale if term.as_of)
    doubt = Doubt("stale", f"status checked more than {STALE_AFTER_MONTHS} months before this edition: {listed}; "
                  "re-check it, or give the term an updated entry in the course glossary", 'accept = ["stale"]')
    return replace(digest, doubts=(*digest.doubts, doubt))


def _unread(folder: Path, settings: Settings, corrections: Corrections) -> list[Doubt]:
    """Files in the folder that are neither articles nor files the settings use."""
    used = {folder / CONFIG_NAME, folder / CORRECTIONS_NAME, *(folder / name for name in COURSE_GLOSSARY_NAMES)}
    used |= {path.resolve() for path in (*settings.glossaries, *([settings.theme] if settings.theme else []))}
    if corrections.path is not None:
        used.add(corrections.path.resolve())
    items = []
    for path, reason in unread_files(folder):
        if path in used or path.resolve() in used:
            continue
        correction = corrections.get(path.name)
        if correction is not None and correction.skip:
            continue
        items.append(Doubt("file", f"{path}: not read: {reason}", f'["{path.name}"]\nskip = true  # to leave it'))
    return items
