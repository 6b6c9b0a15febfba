"""Dates an article writes, and their resolution against the article's date, for the timeline.

`find_dates` (analyse stage, cached) reads the dates of a body as the text gives them:

* a full date: "4 November 2001", "Nov. 4, 2001", "13-15 November 2001";
* a month and day without a year: "November 13-15", "March 15th";
* a month and year: "March 2015";
* a year that dates an event noun (lexicon event_nouns): "a 1972 treaty", "the 2000 election campaign";
* a weekday: "said Saturday", "on Tuesday", "last Tuesday";
* a day counted from the article's: "yesterday", "tomorrow".

`resolve` (assemble stage, so a date corrected in corrections.toml is the one used) turns a
mention into dates, or refuses. The conventions it states, from news writing (AP style):

* `same-year`: a month and day written without a year are in the article's year; when that
  day is more than half a year from the article's date the nearest such day may be in the next
  or the last year, so the mention is refused rather than guessed.
* `weekday-within-a-week`: a weekday alone names a day of the week before the article's date
  when its verb is in the past ("said Saturday") or "last" stands before it, of the week after
  when a future marker stands before it ("is expected to meet on Tuesday") or "next"; otherwise,
  or on the article's own weekday, it is refused.
* `no-article-date`: every relative date (weekday, "yesterday", a month and day without a
  year) is refused when the article has no date.
* `other-year`: a month and day without a year, a weekday or "yesterday" in a sentence that names
  another year than the article's ("ratified it in 2000 ... on 30 June of that year") is refused.
* `dateline`: the date of a report's opening place-and-date line ("Geneva, Feb 6, 2026 --") is
  not an event.
* `quoted-relative`: a relative date inside quotation marks counts from the day the words were
  spoken, which the text does not give: refused.
* `caption`: a photo caption pasted with the article ("In this March 16 photo, ...") dates the
  picture, not an event of the story (analyse.doubts.reads_like_caption): not found.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from .. import lexicon
from ..model import ArticleDigest, DateMention, TimelineEntry
from .doubts import reads_like_caption
from .sentences import quoted_regions, sentence_spans

_MONTH_NUMBER: dict[str, int] = {}
for _language in ("en", "en_short"):
    for _number, _name in enumerate(lexicon.rows("month_names")[_language]["names"], start=1):
        _MONTH_NUMBER[_name] = _number
for _name, _row in lexicon.rows("month_variants").items():
    _MONTH_NUMBER[_name] = int(_row["month"])

_WEEKDAYS = {name: day for day, name in enumerate(lexicon.ordered("weekday_names"))}
_RELATIVE_DAYS = {name: int(row["days"]) for name, row in lexicon.rows("relative_days").items()}
_SHIFTS = {name: str(row["way"]) for name, row in lexicon.rows("weekday_shifts").items()}
_PAST_VERBS = lexicon.words("past_verbs")

_FULL_MONTHS = set(lexicon.rows("month_names")["en"]["names"])
_MONTH_FORMS = (m.capitalize() if m in _FULL_MONTHS else m.capitalize() + r"\.?" for m in _MONTH_NUMBER)
_MONTH = "(?P<month>" + "|".join(sorted(_MONTH_FORMS, key=len, reverse=True)) + ")"
_SUFFIX = "(?:" + "|".join(lexicon.ordered("ordinal_suffixes")) + ")?"
_DAY = rf"(?P<day>[0-3]?\d){_SUFFIX}"
_LAST_DAY = rf"(?:\s*[-–]\s*|\s+to\s+)(?P<last>[0-3]?\d){_SUFFIX}"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_END = r"(?![\w-])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(rf"(?<![\w-]){_DAY}(?:{_LAST_DAY})?\s+{_MONTH}(?:,?\s+{_YEAR})?{_END}")),
    ("date", re.compile(rf"(?<![\w-]){_MONTH}\s+{_DAY}(?:{_LAST_DAY})?(?:,?\s+{_YEAR})?{_END}")),
    ("month", re.compile(rf"(?<![\w-]){_MONTH}\s+(?:of\s+)?{_YEAR}{_END}")),
    ("year", re.compile(
        rf"(?<![\w-]){_YEAR}\s+(?:[A-Z][\w-]*\s+){{0,3}}(?i:{lexicon.alternation('event_nouns')}){_END}")),
    ("weekday", re.compile(
        rf"(?<![\w-])(?:(?P<shift>{lexicon.alternation('weekday_shifts')})\s+)?"
        rf"(?P<weekday>{'|'.join(name.capitalize() for name in _WEEKDAYS)}){_END}")),
    ("offset", re.compile(rf"(?<![\w-])(?P<offset>{lexicon.alternation('relative_days')}){_END}", re.IGNORECASE)),
)

_FUTURE = re.compile(rf"(?<![\w’']){lexicon.alternation('future_markers')}(?!\w)", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")
# Words that may stand between a verb and its weekday: "said on Saturday", "met late Tuesday".
_BETWEEN_VERB_AND_DAY = frozenset({"on", "late", "early", "last", "this", "past"})

CLAUSE_WORDS = 20  # a timeline line quotes at most this many words of the article (two lines of a column)
_SHORT_CLAUSE = 10  # words: a clause this short is continued with the next piece's opening words
_MIN_OTHER_WORDS = 4  # a clause must say something besides its date ("Updated April 9, 2015" does not)
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:(]|\s[-–—]{1,2}\s|—)\s*")
# A day number of a span over a month's end, or a month and day inside a longer number.
_MAX_DAY = 31


def find_dates(text: str) -> tuple[DateMention, ...]:
    """The dates `text` writes, in order, each with the short clause that states its event."""
    regions = quoted_regions(text)
    quoted = sorted((region.start, region.end) for region in regions)
    sentences = sentence_spans(text, regions)
    starts = [start for start, _end in sentences]
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            index = bisect_right(starts, match.start()) - 1
            if index < 0:
                continue
            sentence = sentences[index]
            if _in_dateline(text, match) or reads_like_caption(text[sentence[0] : sentence[1]]):
                continue
            mention = _mention(kind, match, text, sentence, _inside(match.start(), quoted))
            if mention is None:
                continue
            years = tuple(sorted({int(y) for y in _ANY_YEAR.findall(text, *sentence)}))
            mention = replace(mention, sentence_years=years)
            taken.append((match.start(), match.end()))
            mentions.append(mention)
    return tuple(sorted(mentions, key=lambda m: m.start))


_ANY_YEAR = re.compile(r"(?<![\w-])(1[6-9]\d\d|20\d\d)(?![\w-])")
_DATELINE_END = re.compile(r"\s*(?:--|[—–])\s")


def _in_dateline(text: str, match: re.Match[str]) -> bool:
    """`dateline`: a date in the place-and-date line that opens a report ("Geneva, Feb 6, 2026 --")
    dates the report, not an event."""
    if not _DATELINE_END.match(text, match.end()):
        return False
    opening = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    return not any(word[:1].islower() for word in opening.split())


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _mention(kind: str, match: re.Match[str], text: str, sentence: tuple[int, int], quoted: bool) -> DateMention | None:
    clause = _clause(text, sentence, match.start(), match.end())
    if clause is None:
        return None
    groups = match.groupdict()
    written = match.group()
    if kind in ("date", "month"):
        month = _MONTH_NUMBER[groups["month"].lower().rstrip(".")]
        year = int(groups["year"]) if groups.get("year") else None
        if kind == "month":
            return DateMention(written, clause, match.start(), "month", year=year, month=month)
        day, last = int(groups["day"]), int(groups["last"]) if groups.get("last") else None
        if not 1 <= day <= _MAX_DAY or (last is not None and not day < last <= _MAX_DAY):
            return None
        if year is None and quoted:
            return None  # quoted-relative
        return DateMention(written, clause, match.start(), "date", year=year, month=month, day=day, last_day=last)
    if kind == "year":
        return DateMention(written, clause, match.start(), "year", year=int(groups["year"]))
    if quoted:
        return None  # quoted-relative
    if kind == "offset":
        return DateMention(written, clause, match.start(), "offset", days=_RELATIVE_DAYS[groups["offset"].lower()])
    shift = groups.get("shift")
    way = _SHIFTS[shift.lower()] if shift else _way_of(text, sentence[0], match.start())
    return DateMention(written, clause, match.start(), "weekday", weekday=_WEEKDAYS[groups["weekday"].lower()], way=way)


def _way_of(text: str, sentence_start: int, at: int) -> str | None:
    """Whether a bare weekday is in the past week (a past verb right before it) or the coming
    one (a future marker before it in the sentence); None when the words do not say."""
    before = _WORD.findall(text[sentence_start:at])
    words = [word.lower() for word in before]
    while words and words[-1] in _BETWEEN_VERB_AND_DAY:
        words.pop()
    if words and (words[-1] in _PAST_VERBS or (words[-1].endswith("ed") and len(words[-1]) > 3)):
        return "past"
    if _FUTURE.search(" ".join(words[-8:])):
        return "future"
    return None


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """The sentence around text[start:end], or when it is long the pieces between its commas and
    dashes nearest the date, up to CLAUSE_WORDS words; "…" marks what was left out. None when the
    clause says nothing but the date."""
    lo, hi = sentence
    pieces = _pieces(text, lo, hi)
    at = next((k for k, (a, b) in enumerate(pieces) if a <= start < b), None)
    if at is None:
        return None
    first = last = at
    count = _count(text, *pieces[at])
    while True:
        grown = False
        for k in (first - 1, last + 1):
            if 0 <= k < len(pieces) and count + _count(text, *pieces[k]) <= CLAUSE_WORDS:
                count += _count(text, *pieces[k])
                first, last = min(first, k), max(last, k)
                grown = True
                break
        if not grown:
            break
    a, b = pieces[first][0], pieces[last][1]
    if _count(text, a, b) - _count(text, start, end) < _MIN_OTHER_WORDS:
        return None
    if count < _SHORT_CLAUSE and last + 1 < len(pieces):
        # "In a joint statement published Oct. 25, ..." says what happened in the next piece:
        # its opening words, up to the line's length
        following = text[pieces[last + 1][0] : pieces[last + 1][1]].split()[: CLAUSE_WORDS - count]
        return ("…" if a > lo else "") + text[a : pieces[last + 1][0]].strip() + " " + " ".join(following) + "…"
    words = text[a:b].split()
    if len(words) > CLAUSE_WORDS:  # one piece longer than a line may hold: the words nearest the date
        offset = len(text[a:start].split())
        keep = max(0, min(offset - CLAUSE_WORDS // 3, len(words) - CLAUSE_WORDS))
        words = words[keep : keep + CLAUSE_WORDS]
        return ("…" if keep else "") + " ".join(words) + ("…" if keep + CLAUSE_WORDS < len(text[a:b].split()) else "")
    body = " ".join(words)
    return ("…" if a > lo else "") + body + ("…" if b < hi and not body.endswith((".", "?", "!")) else "")


def _pieces(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    pieces = []
    position = lo
    for match in _CLAUSE_BREAK.finditer(text, lo, hi):
        if match.start() > position:
            pieces.append((position, match.start()))
        position = match.end()
    if position < hi:
        pieces.append((position, hi))
    # A piece after a quotation's comma opens with its closing mark ('," Roe said'): not part of it.
    return [(a + (len(text[a:b]) - len(text[a:b].lstrip(_CLOSING)) if a > lo else 0), b)
            for a, b in pieces if text[a:b].strip(_CLOSING)]


_CLOSING = "\"”’' "


def _count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# --- resolution -------------------------------------------------------------------------------

HALF_YEAR = 183  # days: a month and day further than this from the article's date is refused (same-year)


def resolve(mention: DateMention, article_date: dt.date | None) -> tuple[dt.date, dt.date | None, str] | None:
    """(first day, last day or None, precision) of `mention` against `article_date`, or None when
    the conventions above do not make it certain."""
    if mention.kind == "year" and mention.year:
        return dt.date(mention.year, 1, 1), None, "year"
    if mention.kind == "month" and mention.year and mention.month:
        return dt.date(mention.year, mention.month, 1), None, "month"
    if mention.kind == "date" and mention.month and mention.day:
        return _resolve_day(mention, article_date)
    if article_date is None:
        return None  # no-article-date
    if any(other != article_date.year for other in mention.sentence_years):
        return None  # a weekday or "yesterday" in a sentence about another year counts from that time
    if mention.kind == "offset":
        return article_date + dt.timedelta(days=mention.days), None, "day"
    if mention.kind == "weekday" and mention.weekday is not None and mention.way:
        gap = (article_date.weekday() - mention.weekday) % 7
        if gap == 0:
            return None  # the article's own weekday: that day, or a week before or after
        if mention.way == "past":
            return article_date - dt.timedelta(days=gap), None, "day"
        return article_date + dt.timedelta(days=7 - gap), None, "day"
    return None


def _resolve_day(mention: DateMention, article_date: dt.date | None) -> tuple[dt.date, dt.date | None, str] | None:
    assert mention.month and mention.day
    year = mention.year
    if year is None:
        if article_date is None:
            return None  # no-article-date
        year = article_date.year
    try:
        first = dt.date(year, mention.month, mention.day)
        last = dt.date(year, mention.month, mention.last_day) if mention.last_day else None
    except ValueError:
        return None  # "31 November" is no day
    if mention.year is None and article_date is not None and abs((first - article_date).days) > HALF_YEAR:
        return None  # same-year: the nearest such day may be in another year
    if mention.year is None and any(other != year for other in mention.sentence_years):
        return None  # same-year: the sentence names another year ("in 2000 ... on 30 June of that year")
    return first, last, "day"


def resolved_mentions(mentions: tuple[DateMention, ...], article_date: dt.date | None
                      ) -> Iterator[tuple[DateMention, tuple[dt.date, dt.date | None, str]]]:
    for mention in mentions:
        found = resolve(mention, article_date)
        if found is not None:
            yield mention, found


# --- across articles ------------------------------------------------------------------------------

def timeline(digests: Sequence[ArticleDigest], boxed: Sequence[ArticleDigest]) -> tuple[TimelineEntry, ...]:
    """The week's dated events, oldest first, without duplicates: each article's resolved dates,
    with the article's clause, then, marked background, the key dates of the terms boxed in
    `boxed` (the assembled digests) in a year the article itself dates something in ("a 1972
    treaty" brings the ABM Treaty's signing, 26 May 1972; its 1974 protocol stays in the box) and
    up to the article's date (a later one is in the box's "Since this article" line; an article
    without a date gets none, since nothing tells what came before it)."""
    entries: dict[tuple[Any, ...], TimelineEntry] = {}
    years_named: dict[int, set[int]] = {}
    for index, digest in enumerate(digests):
        for mention, (start, end, precision) in resolved_mentions(digest.dates, digest.article.date):
            entry = TimelineEntry(start, end, precision, mention.clause, index, written=mention.written)
            entries.setdefault((index, start, end, precision), entry)
            years_named.setdefault(index, set()).update(range(start.year, (end or start).year + 1))
    for index, digest in enumerate(boxed):
        for term in digest.terms:
            for when, event in term.key_dates:
                start, precision = _key_date(when)
                if digest.article.date is None or start > digest.article.date:
                    continue  # later events are the box's "Since this article"; an undated article has no "before"
                if start.year not in years_named.get(index, set()):
                    continue  # the box's history, not this article's: it would bury the week's own dates
                if precision == "day" and any(e.start == start and e.precision == "day" and not e.background
                                              for e in entries.values()):
                    continue  # the article states that day itself: its words, not the glossary's twice
                background = TimelineEntry(start, None, precision, f"{term.term}: {event}", index,
                                           term=term.term, background=True, written=when)
                entries.setdefault((term.term, start, precision, event), background)
    order = {"year": 0, "month": 1, "day": 2}
    return tuple(sorted(entries.values(), key=lambda e: (
        e.start.year, e.start.month if e.precision != "year" else 0, e.start.day if e.precision == "day" else 0,
        order[e.precision], e.end or e.start, e.background, e.article if e.article is not None else -1)))


def _key_date(when: str) -> tuple[dt.date, str]:
    """A glossary key date (YYYY-MM-DD, YYYY-MM or YYYY, as the glossary checks) and its precision."""
    parts = [int(part) for part in when.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), "year"
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), "month"
    return dt.date(parts[0], parts[1], parts[2]), "day"
