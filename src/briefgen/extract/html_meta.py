"""What an HTML page states about itself in its markup: schema.org JSON-LD, <meta> tags, <time>
elements and the visible <h1>.

Publication dates are read as the publisher wrote them (the calendar day of the timestamp, in the
publisher's own offset): converting to another time zone moves late-evening stories to the next
day. Modified and updated dates are never publication dates. The keys that name a publication
date, the labels that open an author field and the words that are not names are lexicon tables
(markup.yaml).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..lexicon import alternation, ordered, words
from . import metadata

_PUBLISHED_KEYS = ordered("publication_date_keys")
_ARTICLE_TYPES = words("article_types")
_PUBLISHER_TYPES = words("publisher_types")
_ISO_DAY = re.compile(r"\b((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?=$|[T\s_]|\b)")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)")
_UTC = re.compile(r"(?:Z|[+-]00:?00)$")
_UTC_TIME = re.compile(r"^((?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(?:Z|[+-]00:?00)$")
# Timestamps with an offset ("2020-05-01T23:00:00-04:00", "Fri, 01 May 2020 23:00:00 -0400").
_OFFSET = re.compile(r"(?:T\d\d:\d\d(?::\d\d)?(?:\.\d+)?|\d\d:\d\d:\d\d) ?([+-])(\d\d):?(\d\d)\b")
OFFSET_SCAN_CHARS = 200_000
LOCAL_MIDNIGHT_MIN_UTC_HOUR = 21
_AUTHOR_LABEL = re.compile(rf"^\s*{alternation('author_labels')}\s*[:：]?\s+", re.IGNORECASE)
_AUTHOR_TAIL = re.compile(rf"\s+{alternation('author_tails')}$", re.IGNORECASE)
_NOT_A_NAME = words("not_author_names")
_DEGREES = words("academic_degrees")
# "Facebook Com", "Tagesschau De": an extractor's reading of a domain or profile URL, not a person.
_DOMAIN_WORD = re.compile(r"(?:^|\s|\.)(?:com|org|net|de|at|ch|fr|it|es|co|uk|eu|info|io|ru|pl|nl|be)$", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|•|·|::|»|/)\s+")
_DOMAIN_NAME = re.compile(r"\w\.(?:[a-z]{2,4})\b", re.IGNORECASE)
H1_MIN_WORDS = 2
SITE_PART_MAX_WORDS = 5  # a "| Site" tail is short; a longer tail is part of the headline


def schema_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Every schema.org object in the page's JSON-LD scripts (unreadable scripts are skipped)."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if isinstance(data.get(key), (list, dict)):
                yield from _objects(data[key])


def types_of(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind)] if kind else []


def _articles(tree: Any) -> list[dict[str, Any]]:
    """The schema.org objects that describe the article (NewsArticle, BlogPosting...)."""
    return [item for item in schema_objects(tree) if any(kind.lower() in _ARTICLE_TYPES for kind in types_of(item))]


def markup_date(value: Any) -> dt.date | None:
    """The calendar day of a markup timestamp ("2020-12-25T01:59:50+02:00" -> 2020-12-25, as written)."""
    text = str(value or "").strip()
    match = _ISO_DAY.search(text)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    return metadata.parse_date(text)


def url_date(tree: Any) -> dt.date | None:
    """The date in the page's own address ("/2023/11/08/..."), the publisher's day of publication."""
    for url in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        match = _URL_DAY.search(str(url))
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


def published_date(tree: Any) -> tuple[dt.date, str, bool] | None:
    """The publication date the markup states, where it was found, and whether it was written in
    UTC (then the publisher's own day may be the one before or after): the article's schema.org
    datePublished, then <meta> publication keys, then a <time> marked as the publication's."""
    for value, origin in _published_values(tree):
        date = markup_date(value)
        if date:
            utc = bool(_UTC.search(str(value)))
            return (_publisher_day(str(value), tree) or date) if utc else date, origin, utc
    return None


def _publisher_day(value: str, tree: Any) -> dt.date | None:
    """The publisher's own day of a timestamp written in UTC: in the offset the page's other
    timestamps are written in (a CMS stores UTC, its templates print local time); without one, a
    timestamp on the hour late in the UTC evening is a date entered without a time, stored as
    midnight in a zone east of Greenwich (Central Europe's 23:00Z), so the next day."""
    match = _UTC_TIME.search(value)
    if match is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(match.group(1)).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None
    offset = _page_offset(tree)
    if offset is not None:
        return moment.astimezone(offset).date()
    if moment.hour >= LOCAL_MIDNIGHT_MIN_UTC_HOUR and moment.minute == moment.second == 0:
        return (moment + dt.timedelta(days=1)).date()
    return None


def _page_offset(tree: Any) -> dt.timezone | None:
    """The UTC offset most of the page's other timestamps are written with, if they name one."""
    found: Counter[int] = Counter()
    text = " ".join([*tree.xpath("//script/text()"), *tree.xpath("//meta/@content | //time/@datetime")])
    for sign, hours, minutes in _OFFSET.findall(text[:OFFSET_SCAN_CHARS]):
        minutes_total = int(hours) * 60 + int(minutes)
        if minutes_total and minutes_total <= 14 * 60:
            found[(-1 if sign == "-" else 1) * minutes_total] += 1
    if not found:
        return None
    minutes_total = found.most_common(1)[0][0]
    return dt.timezone(dt.timedelta(minutes=minutes_total))


def _published_values(tree: Any) -> Iterator[tuple[Any, str]]:
    for item in _articles(tree) + list(schema_objects(tree)):
        yield item.get("datePublished"), "schema.org"
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        metas.setdefault(key, meta.get("content"))
    for key in _PUBLISHED_KEYS:
        yield metas.get(key), "meta"
    for element in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished' or contains(@class,'publish')]"
                              " | //*[@itemprop='datePublished'][@datetime or @content]"):
        yield element.get("datetime") or element.get("content"), "time"


def visible_headline(tree: Any, labels: list[str]) -> str | None:
    """The page's <h1> when it is the article's headline: the only one with text, or the one that
    the page's own titles (og:title, <title>, schema.org headline) repeat."""
    headings = [" ".join(" ".join(h.itertext()).split()) for h in tree.xpath("//body//h1")]
    headings = [h for h in dict.fromkeys(headings) if len(h.split()) >= H1_MIN_WORDS]
    if not headings:
        return None
    if len(headings) == 1:
        return headings[0]
    named = [h for h in headings if any(_comparable(h) in _comparable(label) for label in labels if label)]
    return named[0] if named else None


def page_titles(tree: Any) -> list[str]:
    """The titles a page gives itself: og:title, schema.org headline, twitter:title, <title>."""
    found = [str(v) for v in tree.xpath("//meta[@property='og:title' or @name='og:title']/@content")]
    found += [str(item["headline"]) for item in _articles(tree) if isinstance(item.get("headline"), str)]
    found += [str(v) for v in tree.xpath("//meta[@name='twitter:title' or @property='twitter:title']/@content")]
    found += [" ".join(t.split()) for t in tree.xpath("//head/title/text()")]
    return [" ".join(t.split()) for t in found if t.strip()]


def site_names(tree: Any) -> list[str]:
    """The names a page gives its site or publisher: og:site_name, application-name, schema.org publisher."""
    found = [str(v) for v in tree.xpath(
        "//meta[@property='og:site_name' or @name='og:site_name' or @name='application-name']/@content")]
    for item in schema_objects(tree):
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            found.append(publisher["name"])
        is_publisher = any(kind.lower() in _PUBLISHER_TYPES for kind in types_of(item))
        if is_publisher and isinstance(item.get("name"), str):
            found.append(item["name"])
    return [" ".join(name.split()) for name in found if name.strip()]


def without_site_name(title: str, sites: list[str]) -> str:
    """The title without the site's name before or after a separator ("Headline | Site", "Site - Headline").
    Without a known site name, only a short last part after a bar or carrying a domain is cut."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    first, last = title[: separators[0].start()], title[separators[-1].end() :]
    known = [site for site in map(_comparable, sites) if site]

    def is_site(part: str) -> bool:
        text = _comparable(part)
        return bool(text) and any(text == site or site in text or text in site for site in known)

    if is_site(last):
        return title[: separators[-1].start()].strip()
    if is_site(first):
        return title[separators[0].end() :].strip()
    short = len(last.split()) <= SITE_PART_MAX_WORDS
    if short and (separators[-1].group().strip() == "|" or _DOMAIN_NAME.search(last)):
        return title[: separators[-1].start()].strip()
    return title


def clean_authors(value: str | None, sites: list[str]) -> str | None:
    """An author field without labels ("Von", "Posted by"), roles glued on ("Staff"), degrees
    ("PhD"), placeholders ("Name", "Admin") and names made from a web domain ("Facebook Com"); the
    outlet's own name is dropped when people are named beside it ("Ernst Roe; Jungle World")."""
    if not value:
        return None
    names = []
    for raw in re.split(r"\s*;\s*", value):
        name = _AUTHOR_TAIL.sub("", _AUTHOR_LABEL.sub("", raw)).strip(" ,")
        comparable = _comparable(name)
        if not _LETTER.search(name) or comparable in _NOT_A_NAME or comparable in _DEGREES:
            continue
        if _DOMAIN_WORD.search(name) and "." not in name:
            continue
        names.append(name)
    people = [name for name in names if not _is_site(name, sites)]
    return "; ".join(dict.fromkeys(people or names)) or None


def _is_site(name: str, sites: list[str]) -> bool:
    text = _comparable(name)
    known = [site for site in map(_comparable, sites) if site]
    return bool(text) and any(text == site or text.replace(" ", "") in site.replace(" ", "") for site in known)


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def claimants(tree: Any) -> list[str]:
    """Who made the claim a fact-check reviews (schema.org ClaimReview itemReviewed's author): the
    claim's source, never the fact-check's author."""
    found: list[str] = []
    for item in schema_objects(tree):
        if "claimreview" not in (kind.lower() for kind in types_of(item)):
            continue
        reviewed = item.get("itemReviewed")
        authors = reviewed.get("author") if isinstance(reviewed, dict) else None
        for author in authors if isinstance(authors, list) else [authors]:
            name = author.get("name") if isinstance(author, dict) else author
            if isinstance(name, str) and name.strip():
                found.append(" ".join(name.split()))
    return found


def without_claimants(authors: str | None, claimed_by: list[str]) -> str | None:
    """An author field without the names that are the reviewed claim's source ("The Russian;
    Syrian defense ministries" when the claimant is "The Russian and Syrian defense ministries")."""
    if not authors or not claimed_by:
        return authors
    sources = [_comparable(name) for name in claimed_by]
    kept = [name for name in authors.split("; ") if not any(_comparable(name) in source for source in sources)]
    return "; ".join(kept) or None
