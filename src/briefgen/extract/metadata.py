"""Metadata detection in plain text: publication dates, datelines, bylines and headlines.

Every function here reads a line (or a few lines) and either recognises a field or returns None:
a field we cannot establish is unknown, never guessed. Dates must carry a day, a month and a
year; a relative ("yesterday") or partial ("March 15th") date is not a publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import alternation, rows, words

# Month names by language, from the lexicon (months.yaml).
_MONTH_NAMES: dict[str, tuple[str, ...]] = {
    language: tuple(row["names"]) for language, row in rows("month_names").items()
}


def _month_numbers() -> dict[str, int]:
    numbers = {name: int(row["month"]) for name, row in rows("month_variants").items()}
    for names in _MONTH_NAMES.values():
        for number, name in enumerate(names, start=1):
            numbers.setdefault(name, number)
    return numbers


MONTHS = _month_numbers()

_MONTH_ALTERNATION = "|".join(sorted((re.escape(name) for name in MONTHS), key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_ALTERNATION})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Blogs print the published and the modified date side by side without a space ("3. Mai 20243. Mai
# 2024", "May 3, 2024May 5, 2024"): a year may run straight into the next date, and a date may
# start right after a year.
_YEAR_END = rf"(?:\b|(?=(?:[0-3]?\d\.?\s*)?(?:{_MONTH_ALTERNATION})\b))"
_DATE_START = r"(?:\b|(?<=(?:19|20)\d\d))"

# "Nov 4, 2001", "November 18, 2019", "4 November 2001", "24 сентября 2018", "4 de março de 2019",
# "2001-11-04", "04.11.2001", "27/09/2018", "2018년 8월 25일".
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"{_DATE_START}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_YEAR_END}",
        rf"{_DATE_START}{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}{_YEAR_END}",
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)",  # also "2024-05-02T10:00"
        r"\b(?P<year>(?:19|20)\d\d)\s*년\s*(?P<month>[01]?\d)\s*월\s*(?P<day>[0-3]?\d)\s*일",
        r"\b(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日",
        # Dotted numeric dates are day first wherever they are written ("12.01.2017": 12 January).
        r"(?<![\d.])(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d)\b(?!:\d)",
        r"\b(?P<first>[0-3]?\d)[./](?P<second>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b",
    )
)

# Words that only make sense in a wire-service dateline: "(AFP)", "(Reuters)", "(AP)".
_AGENCY = r"(?P<agency>[A-Za-z][A-Za-z.&-]{1,15}(?: [A-Z][A-Za-z.&-]{1,15})?)"
# The place of a dateline: one to four capitalised words ("Moscow", "ST. JOSEPH, Mich.").
_PLACE = r"(?P<place>[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3})"
# A dateline on its own line: "Moscow (AFP) Nov 4, 2001", "WASHINGTON (AP) --".
_DATELINE_LINE = re.compile(
    rf"^{_PLACE}\s*\({_AGENCY}\)\s*(?:[-—–:,]+\s*)?(?P<rest>.{{0,40}})$"
)
# A dateline opening the first paragraph: "(Reuters) — The ...", "MOSCOW (AFP) - The ...",
# "Geneva, Feb 6, 2026 -- The ...": the dash, then what comes before it must be a place, an
# agency and/or a date.
_LEAD_DASH = re.compile(r"\s(?:--|—|–|-)\s|^\([^)]{2,20}\)\s*(?:--|—|–|-)\s")
_LEAD_PREFIX = re.compile(rf"^(?:{_PLACE})?\s*(?:\({_AGENCY}\))?[\s,]*$")
LEAD_DATELINE_MAX_CHARS = 60
_OUTLET_OPENER = re.compile(r"^\((?P<agency>[A-Z][A-Za-z.&-]{1,15}(?: [A-Z][A-Za-z.&-]{1,15})?)\)\s+(?=[A-Z\"“‘'])")
_SITE_OPENER = re.compile(r"^(?P<agency>[A-Za-z][\w-]*\.[A-Za-z]{2,4})\s+(?:--|—|–|-)\s+")

_BYLINE = re.compile(rf"^{alternation('byline_words')}\s+(?P<name>.+)$", re.IGNORECASE)
_NAME_WORD = re.compile(rf"^[A-ZÀ-ÞА-ЯЁ][\w'’.-]*$|^{alternation('name_particles')}$")
_NAME_END = re.compile(
    rf"\s*(?:[,|•·—–/]|\s-\s|\b{alternation('byline_name_ends')}\b|\d|\b(?:{_MONTH_ALTERNATION})\.?\s+\d).*$",
    re.IGNORECASE,
)
_NAME_JOINERS = words("name_joiners")
_LETTERS = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")

# Headline detection: how far above the body to look, and what a headline looks like.
HEADLINE_WINDOW = 25
# Two-word lines are section labels, names or buttons far more often than headlines (one counts
# only when the lede repeats it: rule two-word-headline); CJK lines have few spaces, so for them
# characters count: five or more, as menu labels in Chinese run to two to four.
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS, HEADLINE_MAX_CHARS = 3, 30, 250
HEADLINE_MIN_CJK_CHARS = 5
HEADLINE_GOOD_WORDS = (4, 14)  # a longer line under the headline is usually its standfirst
HEADLINE_REPEAT_BONUS = 1.5
HEADLINE_DISTANCE_COST = 0.1
HEADLINE_ABOVE_META_BONUS = 1.0  # the headline usually sits right above the byline or date
HEADLINE_ABOVE_STANDFIRST_BONUS = 0.5
_LEDE_ECHO = rows("headline_evidence")["lede_echo"]
_LOWER_CASE_START = rows("headline_evidence")["lower_case_start"]
_TWO_WORDS = rows("headline_evidence")["two_word_line"]
TWO_WORDS = 2
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
# One sentence: no full stop, question or exclamation mark followed by a new sentence inside it. The
# mark must follow two small letters, so that "St. Louis" or "Mr. Roe" is not a sentence end.
_INNER_SENTENCE_END = re.compile(r"[a-zß-ÿа-яё]{2}[.!?]\s+[\"“„«¿¡]?[A-ZÀ-ÞА-ЯЁ]")
_NOT_HEADLINE_MARKS = re.compile(alternation("not_headline_marks"), re.IGNORECASE)
# A full stop, colon or comma at the end marks a sentence or a label, not a headline.
_NOT_HEADLINE_END = re.compile(r"[.:;,…]$|\.\.\.$")
# Site furniture that looks like a short line (English and a few common languages; extra signal).
_NOT_HEADLINE_WORDS = re.compile(
    rf"\b{alternation('not_headline_words')}\b|\bcredits?\s*(?::|\.\.|…)|©|@|https?:|www\.|\b\d{{1,2}}:\d\d\b",
    re.IGNORECASE,
)
# Share buttons run several network names together ("Facebook Twitter Email").
_SOCIAL = re.compile(rf"\b{alternation('social_networks')}\b", re.IGNORECASE)
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# Copyright notices: the holder follows the sign (and maybe years) and ends at a full stop, a
# separator or "All rights reserved"; company-form suffixes are dropped ("Example Media, LLC").
# The word counts only with a sign or a year after it: prose also says "copyright".
_COPYRIGHT = re.compile(
    r"(?:©|ⓒ|\(c\)|\bcopyright\b(?=\s*(?:©|ⓒ|\(c\)|@|(?:19|20)\d\d)))+\s*(?:©|\(c\))?\s*(?P<holder>.+)",
    re.IGNORECASE,
)
_COPYRIGHT_WORDS = re.compile(r"©|ⓒ|\(c\)|\bcopyright\b|^\s*@", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b,?")
_RIGHTS_RESERVED = re.compile(r"rights? reserved", re.IGNORECASE)
_HOLDER_END = re.compile(
    rf"\.\s|(?-i:\.[A-Z])|\s[|•·/]\s|{alternation('copyright_holder_ends')}|\(|\s-\s", re.IGNORECASE
)
_CORPORATE_SUFFIX = re.compile(rf",?\s+{alternation('legal_forms')}\.?$", re.IGNORECASE)
HOLDER_MAX_WORDS = 6
HOLDER_NOTICE_START_CHARS = 40


@dataclass(frozen=True)
class Dateline:
    """A wire-service dateline: the outlet and, when it carries a full date, the date."""

    agency: str | None
    date: dt.date | None


def parse_date(text: str) -> dt.date | None:
    """The first complete, unambiguous calendar date written in `text`, else None."""
    return _split_off_date(text)[0]


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first") is not None:
        day_month = _day_month_from_numeric(int(groups["first"]), int(groups["second"]))
        if day_month is None:
            return None
        day, month = day_month
    else:
        month_text = groups["month"].lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
        day = int(groups["day"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month_from_numeric(first: int, second: int) -> tuple[int, int] | None:
    """Day and month of "dd/mm" or "mm/dd" when only one reading is a valid date; None if both are."""
    if first > 12 and second <= 12:
        return first, second
    if second > 12 and first <= 12:
        return second, first
    if first == second and first <= 12:
        return first, second
    return None


def parse_dateline(line: str) -> Dateline | None:
    """A standalone dateline line ("Moscow (AFP) Nov 4, 2001"), else None."""
    if "(" not in line:
        return None
    match = _DATELINE_LINE.match(line.strip())
    if match is None:
        return None
    rest = match.group("rest").strip()
    date = parse_date(rest)
    if rest and date is None and _LETTERS.search(rest) and not _looks_like_partial_date(rest):
        return None
    return Dateline(agency=match.group("agency"), date=date)


def _looks_like_partial_date(text: str) -> bool:
    words = [w.lower().rstrip(".,") for w in text.split()]
    return bool(words) and len(words) <= 4 and any(w in MONTHS for w in words)


def parse_lead_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph ("MOSCOW (AFP) - ...", "Geneva, Feb 6, 2026 -- ...",
    "(CNN) The ...", "Example.net - The ..."), else None."""
    found = _lead_dateline(paragraph)
    return found[0] if found else None


def without_lead_dateline(paragraph: str) -> str:
    """`paragraph` after its opening dateline ("Geneva, Feb 6, 2026 -- The treaty..." -> "The
    treaty..."), or the paragraph itself when it opens with none."""
    found = _lead_dateline(paragraph)
    return paragraph[found[1] :] if found else paragraph


def _lead_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """The opening dateline and where the text after it starts."""
    # News convention: the outlet in parentheses opens the first sentence ("(CNN) The ..."), or
    # a web outlet's name before a dash ("Example.net - The ...").
    opener = _OUTLET_OPENER.match(paragraph) or _SITE_OPENER.match(paragraph)
    if opener:
        return Dateline(agency=opener.group("agency"), date=None), opener.end()
    dash = _LEAD_DASH.search(paragraph[: LEAD_DATELINE_MAX_CHARS + 4])
    if dash is None:
        return None
    prefix = paragraph[: dash.end()].strip().rstrip("-—–").strip()
    date, place_and_agency = _split_off_date(prefix)
    if date is not None and not place_and_agency.strip(" ,"):
        return Dateline(agency=None, date=date), dash.end()  # "27.1.2022 - The ...": a press release's date
    match = _LEAD_PREFIX.match(place_and_agency)
    if match is None or not (match.group("place") or match.group("agency")):
        return None
    if match.group("agency") is None and date is None:
        return None  # "Word - ..." alone is too common in prose to be read as a dateline
    return Dateline(agency=match.group("agency"), date=date), dash.end()


def _split_off_date(text: str) -> tuple[dt.date | None, str]:
    """(the date written in `text`, `text` without it)."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _date_from_match(match)
            if date is not None:
                return date, (text[: match.start()] + text[match.end() :]).strip()
    return None, text


def parse_byline(line: str) -> str | None:
    """The author's name in a byline ("by Dmitry Zaks", "By Jane Doe, Reuters"), else None."""
    match = _BYLINE.match(line.strip())
    if match is None:
        return None
    name = _NAME_END.sub("", match.group("name")).strip()
    words = name.split()
    if not 1 <= len(words) <= 8:
        return None
    if not all(_NAME_WORD.match(w) or w.lower() in _NAME_JOINERS for w in words):
        return None
    if words[0].lower() in _NAME_JOINERS or words[-1].lower() in _NAME_JOINERS:
        return None
    return _tidy_name(name)


def _tidy_name(name: str) -> str:
    """Shouted bylines ("By JANE DOE") read better in title case."""
    return name.title() if name.isupper() else name


# Dates on the page (page_date): how far from the body to look, how many words besides the date
# a line may have (a byline, a label, a reading time), and which labels say what the date is.
PAGE_DATE_LINES_ABOVE = 15
PAGE_DATE_BODY_LINES = 2
PAGE_DATE_LINES_BELOW = 3
PAGE_DATE_PLAIN_LINES_BELOW = 1  # further down, unlabelled dates are comments' and teasers'
PAGE_DATE_MAX_OTHER_WORDS = 10
LABELLED_LINE_MAX_WORDS = 20
LABEL_DATE_MAX_GAP = 24  # characters between a label and its date ("Veröffentlicht am: Dienstag, ")
_PUBLISHED_LABEL = re.compile(rf"(?:^|(?<=[\s|·•,/(-])){alternation('published_labels')}\b[\s:：,]*", re.IGNORECASE)
_UPDATED_LABEL = re.compile(rf"(?:^|(?<=[\s|·•,/(-])){alternation('updated_labels')}\b[\s:：,]*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")
_BRACKETED = re.compile(r"[(\[][^()\[\]]*$")
_CLOSING = re.compile(r"[^()\[\]]*[)\]]")


def _dates_in(text: str) -> list[tuple[dt.date, int, int]]:
    """Every complete date written in `text`, with its span, in reading order."""
    found: list[tuple[dt.date, int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _date_from_match(match)
            if date is not None and not any(s <= match.start() < e for _, s, e in found):
                found.append((date, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def _labelled_date(line: str, label: re.Pattern[str], today: dt.date) -> dt.date | None:
    """The date that follows `label` closely in `line` ("Veröffentlicht am 26. Oktober 2023")."""
    if len(line.split()) > LABELLED_LINE_MAX_WORDS:
        return None  # "the report, published on 3 March 2020, ..." is a sentence, not a label
    dates = _dates_in(line)
    for match in label.finditer(line):
        for date, start, _ in dates:
            if match.end() <= start <= match.end() + LABEL_DATE_MAX_GAP and date <= today:
                return date
    return None


def _short_date_line(line: str, today: dt.date) -> dt.date | None:
    """The date of a short line that carries one beside a few words (a byline, a place, a reading
    time: "Jane Roe / 07.11.2023 / 09:30"); a sentence that mentions a date is not one."""
    found = _dates_in(line)
    dates = [date for date, _, _ in found]
    if not dates or len(set(dates)) > 1 or dates[0] > today:
        return None
    if any(_BRACKETED.search(line[:start]) and _CLOSING.match(line[end:]) for _, start, end in found):
        return None  # "(Daily Mail, 2003-04-08)", "[ 27 January 2020 ] Teaser": a citation's or a list's date
    rest = line
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    if len(_WORD.findall(rest)) > PAGE_DATE_MAX_OTHER_WORDS or ends_like_sentence_with_words(rest):
        return None
    return dates[0]


def ends_like_sentence_with_words(text: str) -> bool:
    """Prose: several words and a full stop at the end."""
    stripped = text.strip()
    return len(_WORD.findall(stripped)) >= 5 and stripped.endswith((".", "!", "?"))


def page_date(
    head: Sequence[str], body: Sequence[str], tail: Sequence[str], today: dt.date
) -> tuple[dt.date, str] | None:
    """The publication date a pasted page prints around its article, and how it was found.

    News and blog pages print the date next to the article: in the lines just above it (with the
    byline, or alone), at its very start, or in a line just below it. A date after a publication
    label ("Published", "Veröffentlicht am") wins; then a short line carrying a date, nearest the
    body; a date after an "Updated" label only when the page prints no other. A date after
    `today` is never a publication date, and a date inside a sentence is the story's, not the
    page's."""
    above = list(reversed(head[-PAGE_DATE_LINES_ABOVE:]))
    near = [*above, *body[:PAGE_DATE_BODY_LINES], *tail[:PAGE_DATE_LINES_BELOW]]
    for line in near:
        date = _labelled_date(line, _PUBLISHED_LABEL, today)
        if date:
            return date, "date label"
    plain = [*above, *body[:PAGE_DATE_BODY_LINES], *tail[:PAGE_DATE_PLAIN_LINES_BELOW]]
    dates = [date for line in plain if not _UPDATED_LABEL.search(line) and (date := _short_date_line(line, today))]
    if dates:
        others = {date for line in above if (date := _short_date_line(line, today)) and date != dates[0]}
        # Two dates above the article (a teaser list, a calendar): the page does not say which is its own.
        return None if others else (dates[0], "date line")
    for line in near:
        date = _labelled_date(line, _UPDATED_LABEL, today)
        if date:
            return date, "updated label"
    return None


def is_date_line(line: str) -> bool:
    """A short line that is essentially a date or timestamp ("Nov 18, 2019 at 9:24 pm ET")."""
    text = line.strip()
    if len(text) > 60 or not _DIGIT.search(text):
        return False
    without_date = text
    for pattern in _DATE_PATTERNS:
        without_date = pattern.sub(" ", without_date)
    if without_date == text:
        return False
    return len(_LETTERS.findall(without_date)) <= 12


def pick_headline(head: Sequence[str], body: Sequence[str] = ()) -> str | None:
    """The headline among the lines above an article body, else None.

    A headline is a short line without a final full stop (that would be a standfirst or a
    caption), is not a byline or date, and sits close above the body; pages often repeat it
    (breadcrumbs, "Up next", share buttons), which makes a candidate likelier, and the lede
    restates it (rule lede-echo). A page pasted without a gap may have its headline as the
    body's first paragraph (rule opening-headline).
    """
    window = list(head[-HEADLINE_WINDOW:])
    lede = _content_words(" ".join(body[: _LEDE_ECHO["lede_paragraphs"]]))
    candidates: list[tuple[float, str]] = []
    for index in range(len(window) - 1, -1, -1):
        line = window[index]
        echo = _lede_echo(line, lede)
        if _could_be_headline(line):
            penalty = 0.0
        elif _is_two_word_headline(line, echo):
            penalty = _TWO_WORDS["weight"]
        else:
            continue
        distance = len(window) - 1 - index
        score = _headline_score(line, window, window[index + 1 :]) - HEADLINE_DISTANCE_COST * distance
        candidates.append((score + echo - penalty, line))
    opening = _opening_headline(body)
    if opening:
        score = _headline_score(opening, [*window, opening], body[1:3])
        candidates.append((score + _lede_echo(opening, _content_words(" ".join(body[1:3]))), opening))
    # max() keeps the first of equal scores: the line nearest the body.
    return max(candidates, key=lambda candidate: candidate[0])[1] if candidates else None


def _is_two_word_headline(line: str, echo: float) -> bool:
    """Rule two-word-headline: a line of two words is a menu item or a label far more often
    than a headline; it counts only when the lede repeats every word of it."""
    return (len(line.split()) == TWO_WORDS and echo >= _LEDE_ECHO["weight"]
            and _could_be_headline(line, min_words=TWO_WORDS))


def _content_words(text: str) -> set[str]:
    return {word.casefold() for word in _CONTENT_WORD.findall(text)}


def _lede_echo(line: str, lede: set[str]) -> float:
    """Rule lede-echo: the share of the line's words that the lede repeats, weighted."""
    own = _content_words(line)
    return _LEDE_ECHO["weight"] * len(own & lede) / len(own) if own else 0.0


def _opening_headline(body: Sequence[str]) -> str | None:
    """Rule opening-headline: the body's first paragraph when it reads as a headline: a headline
    line of one sentence, followed by a longer paragraph (the boilerplate remover keeps a
    headline pasted without a blank line above the text as part of the article)."""
    if len(body) < 2 or not _could_be_headline(body[0]) or _INNER_SENTENCE_END.search(body[0]):
        return None
    return body[0] if len(body[1].split()) > len(body[0].split()) else None


def _could_be_headline(line: str, min_words: int = HEADLINE_MIN_WORDS) -> bool:
    words = len(line.split())
    long_enough = words >= min_words or len(_CJK_CHAR.findall(line)) >= HEADLINE_MIN_CJK_CHARS
    if not long_enough or words > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if _NOT_HEADLINE_END.search(line) or _NOT_HEADLINE_WORDS.search(line) or len(_SOCIAL.findall(line)) >= 2:
        return False
    if _NOT_HEADLINE_MARKS.search(line):
        return False
    if len(_LETTERS.findall(line)) < len(line) / 2:
        return False
    # A byline with a label inside the line ("Text: Jane Roe", "Article by Jane Roe") is no headline either.
    return not (_BYLINE.match(line) or parse_dateline(line) or parse_date(line)
                or labelled_author(line, dt.date.today()))


def _headline_score(line: str, window: list[str], below: Sequence[str]) -> float:
    words = len(line.split())
    score = 1.0 if HEADLINE_GOOD_WORDS[0] <= words <= HEADLINE_GOOD_WORDS[1] else 0.0
    score -= _LOWER_CASE_START["weight"] if line[:1].islower() else 0.0
    if any(other is not line and line in other for other in window):
        score += HEADLINE_REPEAT_BONUS
    if any(_is_meta(other) for other in below[:2]):
        score += HEADLINE_ABOVE_META_BONUS
    elif any(_is_meta(other) for other in below[2:3]):
        score += HEADLINE_ABOVE_META_BONUS / 2  # a standfirst or a caption between
    if below and not _is_meta(below[0]) and len(below[0].split()) > words and any(_is_meta(o) for o in below[1:3]):
        score += HEADLINE_ABOVE_STANDFIRST_BONUS  # the headline, then its longer standfirst, then the byline
    return score


def _is_meta(line: str) -> bool:
    today = dt.date.today()
    return bool(
        _BYLINE.match(line) or _BYLINE_ANYWHERE.search(line) or parse_dateline(line) or is_date_line(line)
        or _short_date_line(line, today) or _labelled_date(line, _PUBLISHED_LABEL, today)
    )


def parse_copyright_holder(line: str) -> str | None:
    """The publisher in a page's copyright notice ("© 2019 Example Media, LLC. All rights reserved."
    -> "Example Media"), else None. Only dated or "all rights reserved" notices count: an undated
    "© Jane Roe" is a photo credit."""
    match = _COPYRIGHT.search(line)
    if match is None or match.start() > HOLDER_NOTICE_START_CHARS:
        return None  # a notice opens its line; a © deep in a line belongs to a caption
    if not (_YEAR_RANGE.search(line) or _RIGHTS_RESERVED.search(line)):
        return None
    holder = _YEAR_RANGE.sub(" ", _COPYRIGHT_WORDS.sub(" ", match.group("holder")))
    holder = _HOLDER_END.split(holder, maxsplit=1)[0]
    holder = _CORPORATE_SUFFIX.sub("", " ".join(holder.split())).strip(" ,.-–")
    words = holder.split()
    if not 1 <= len(words) <= HOLDER_MAX_WORDS or not _LETTERS.search(holder):
        return None
    return holder


# Bylines anywhere in a header line (page_author); for headlines, a byline's label after a separator.
_BYLINE_LABEL = re.compile(rf"(?:^|(?<=[\s|·•,/(—–-])){alternation('byline_labels')}(?=\s|[A-ZÀ-Þ])\s*", re.IGNORECASE)
_BYLINE_OPENERS = words("byline_prefix_words")
_BYLINE_ANYWHERE = re.compile(rf"^{alternation('byline_words')}\b[:\s]|(?:^|\|\s*)by\s", re.IGNORECASE)
_SEPARATOR_END = re.compile(r"[|·•/—–,:-]\s*$")
_NAME_STOP = re.compile(
    rf"\s+(?:am|um|on|at|im|mit|vom|ein kommentar|\d+ kommentare?|\d+ comments?|twitter|illustrations?|fotos?|photos?"
    rf"|{alternation('published_labels')}|{alternation('updated_labels')})\b.*$"
    rf"|\s*(?:[|•·—–/(]|\s-\s|(?<![^\W\d_])\d|\b(?:{_MONTH_ALTERNATION})\.?\s+\d).*$",
    re.IGNORECASE,
)
_GLUED_ROLE = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])")
_NOT_A_NAME = words("not_author_names")
_NOT_NAME_WORDS = words("not_name_words")
_USER_NAME = re.compile(r"^[\w.-]{2,24}$")
AUTHOR_LINE_MAX_WORDS = 16
AUTHOR_LINES_ABOVE = 25  # a labelled byline may sit above a long standfirst, captions and share buttons
AUTHOR_MAX_NAME_WORDS = 5
CO_AUTHOR_MAX_WORDS = 3


def page_author(head: Sequence[str], body: Sequence[str], tail: Sequence[str], today: dt.date) -> str | None:
    """The author a pasted page names in a byline near the article: a label ("By", "Von", "Text:",
    "Auteur :") opening a short line, or following a date, a separator or a word such as "Posted"
    ("Posted 11 April 2018 by Jane Roe", "4.02.2022 par Bob Roe"). A one-word user name counts
    only in a line that also carries a date (blogs: "Posted on 3 May 2019 by jdoe")."""
    above = list(reversed(head[-PAGE_DATE_LINES_ABOVE:]))
    labelled = [*reversed(head[-AUTHOR_LINES_ABOVE:]), *body[:PAGE_DATE_BODY_LINES], *tail[:PAGE_DATE_LINES_BELOW]]
    for line in labelled:
        name = labelled_author(line, today)
        if name:
            return name
    for index, line in enumerate(above):
        if _short_date_line(line, today) is None:
            continue
        name = _name_beside_date(line)
        if name:
            return name
        # A name alone on a line just above or below the date: "Jane Roe" / "7 May 2021".
        reach = [*above[index + 1 : index + 1 + BARE_NAME_REACH], *above[max(0, index - BARE_NAME_REACH) : index]]
        for neighbour in reach:
            if _is_bare_name(neighbour):
                return neighbour.strip()
    return None


_DATE_SEPARATOR = re.compile(r"\s+[|·•/—–-]\s+|\s*[|·•]\s*|\s/\s?|\s?/\s")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d\d(?:\s*(?:uhr|am|pm|h))?\b", re.IGNORECASE)
BARE_NAME_WORDS = (2, 3)
BARE_NAME_REACH = 2  # lines between a date line and the name printed above or below it


def _name_beside_date(line: str) -> str | None:
    """The author in a date line that names one before its date, set off by a separator
    ("Jane Roe / 07.11.2023 / 09:30", "Jane Roe · April 19, 2019 · 7 comments")."""
    dates = _dates_in(line)
    if not dates:
        return None
    before = line[: dates[0][1]]
    parts = [part for part in _DATE_SEPARATOR.split(before) if part.strip()]
    if not parts or not _DATE_SEPARATOR.search(before + " "):
        return None
    candidate = parts[0].strip()
    return candidate if _is_bare_name(candidate) and len(parts) == 1 else None


def _is_bare_name(line: str) -> bool:
    """A line that is only a person's name: two or three capitalised words, no digits, no month."""
    name_words = line.split()
    if not BARE_NAME_WORDS[0] <= len(name_words) <= BARE_NAME_WORDS[1] or _DIGIT.search(line):
        return False
    if any(w.casefold().strip("'’") in _NOT_NAME_WORDS or w.endswith(("'s", "’s")) for w in name_words):
        return False
    if line.strip().casefold() in _NOT_A_NAME or _NOT_HEADLINE_WORDS.search(line):
        return False
    if any(w.lower().rstrip(".") in MONTHS for w in name_words):
        return False
    capitalised = [w for w in name_words if _NAME_WORD.match(w) and not w.isupper()]
    particles = [w for w in name_words if w.lower() in _NAME_JOINERS]
    return len(capitalised) + len(particles) == len(name_words) and len(capitalised) >= 2


def labelled_author(line: str, today: dt.date) -> str | None:
    """The name after a byline label in a short line, else None (see page_author)."""
    text = line.strip()
    if len(text.split()) > AUTHOR_LINE_MAX_WORDS:
        return None
    for match in _BYLINE_LABEL.finditer(text):
        prefix = text[: match.start()].strip()
        if prefix and not _opens_byline(prefix):
            continue
        names = _names_after_label(_NAME_STOP.sub("", text[match.end() :]), bool(_dates_in(text)))
        if names:
            return ", ".join(names)
    return None


def _names_after_label(text: str, dated: bool) -> list[str]:
    """The names in what follows a byline label: one or more, separated by commas; a name glued to
    its role ("Evan RoeStaff Writer") loses the role."""
    names: list[str] = []
    for part in text.split(","):
        name_words = part.split()
        for index, word in enumerate(name_words[1:], start=1):
            glued = _GLUED_ROLE.split(word)
            if len(glued) > 1:
                name_words = [*name_words[:index], glued[0]]
                break
        name = " ".join(name_words).strip(" .:")
        if not name or name.casefold() in _NOT_A_NAME:
            break
        if len(name_words) == 1 and not name[:1].isupper():
            if dated and _USER_NAME.match(name) and name.casefold() not in _NAME_JOINERS and not names:
                names.append(name)
            break
        if not 1 <= len(name_words) <= AUTHOR_MAX_NAME_WORDS or not all(
                _NAME_WORD.match(w) or w.lower() in _NAME_JOINERS for w in name_words) or \
                name_words[-1].lower() in _NAME_JOINERS:
            break
        if names and not (2 <= len(name_words) <= CO_AUTHOR_MAX_WORDS and not any(w.isupper() for w in name_words)):
            break  # "Jane Roe, CNN Senior Analyst": a role after the comma, not a second author
        names.append(_tidy_name(name))
    return names


def _opens_byline(prefix: str) -> bool:
    """May `prefix` stand before a byline label: a separator, a date just before it ("4.02.2022
    par Jane"), or an opener word ("Posted", "Analysis")?"""
    if _SEPARATOR_END.search(prefix):
        return True
    if any(end >= len(prefix) - 1 for _, _, end in _dates_in(prefix)):
        return True
    folded = prefix.casefold().split()
    return folded[-1] in _BYLINE_OPENERS or " ".join(folded[-2:]) in _BYLINE_OPENERS
