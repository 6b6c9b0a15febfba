"""What kind of piece a page says it is: an opinion piece, a fact-check, or (None) a news report.

Only what the page itself states counts: its schema.org type (OpinionNewsArticle, ClaimReview),
its section (<meta property="article:section" content="Opinion">), a label in its URL path
("/opinion/...", "/a/fact-check-..."), a label line above the headline ("OPINION"), or an
opinion piece's disclaimer at its end ("These are the personal views of the author."). A
fact-check's verdict comes from its ClaimReview rating ("False"). The labels are the lexicon
table genre_labels.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

from .. import lexicon
from ..lexicon import alternation

LABEL_LINE_MAX_WORDS = 3  # "Opinion", "Fact check", "Op-Ed": a label, not a sentence
_GENRES: dict[str, str] = {label: row["genre"] for label, row in lexicon.rows("genre_labels").items()}
_PATH_PART = re.compile(r"[/_.]+")
_OPINION_DISCLAIMER = re.compile(alternation("opinion_disclaimers"), re.IGNORECASE)
DISCLAIMER_MAX_WORDS = 40  # a disclaimer is a line or two, not a paragraph that discusses views


def genre_of_page(tree: Any) -> tuple[str | None, str | None]:
    """(genre, verdict) of an HTML page (an lxml tree, read before an extractor prunes it)."""
    verdict = None
    url = next(iter(tree.xpath("//meta[@property='og:url']/@content | //link[@rel='canonical']/@href")), None)
    labels: list[str] = []
    for item in _schema_items(tree):
        kind = item.get("@type")
        labels += [str(k) for k in kind] if isinstance(kind, list) else [str(kind)]
        rating = item.get("reviewRating")
        if isinstance(rating, dict) and str(rating.get("alternateName") or "").strip():
            verdict = " ".join(str(rating["alternateName"]).split())
    labels += [str(value) for value in tree.xpath("//meta[@property='article:section' or @name='article:section']"
                                                  "/@content")]
    labels += _path_labels(str(url) if url else None)
    genre = next((_GENRES[key] for label in labels if (key := " ".join(label.lower().split())) in _GENRES), None)
    return genre, verdict if genre == "fact-check" else None


def genre_of_text(head: Sequence[str]) -> str | None:
    """The genre a plain-text page states in a short label line above its article."""
    for line in head:
        label = " ".join(line.lower().strip(" :|-–—").split())
        if len(label.split()) <= LABEL_LINE_MAX_WORDS and label in _GENRES:
            return _GENRES[label]
    return None


def genre_of_disclaimer(lines: Sequence[str]) -> str | None:
    """"opinion" when one of the lines (a page's last lines) is an opinion piece's disclaimer
    ("These are the personal views of the author."), else None."""
    for line in lines:
        if len(line.split()) <= DISCLAIMER_MAX_WORDS and _OPINION_DISCLAIMER.search(line):
            return "opinion"
    return None


def _path_labels(url: str | None) -> list[str]:
    """The URL path's parts and their first words: "/a/fact-check-russia-..." gives "fact-check"."""
    if not url:
        return []
    labels = []
    for part in _PATH_PART.split(urlparse(url).path.lower()):
        words = part.split("-")
        labels += [part, words[0], "-".join(words[:2])]
    return labels


def _schema_items(tree: Any) -> Iterator[dict]:
    """Every schema.org object in the page's JSON-LD scripts (unreadable scripts are skipped)."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _objects(graph)
