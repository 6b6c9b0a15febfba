"""Abbreviations the text itself defines: `Long Form (LF)`, `LF (Long Form)`, `LF = Long Form`, ...

The core is a letter aligner. A short form is read off the words written just before (or inside)
its parentheses: each of its letters comes from a word's start, continues the previous match inside
the same word ("PrepCom" from "Preparatory Conference"), or is a capital inside a word
("eXchange"). Skipping a content word or taking a letter from the middle of a word costs
something; the cheapest alignment gives where the long form starts. Among near-cheapest
alignments the longest wins, so the whole name is kept ("Nuclear Non-Proliferation Treaty (NPT)",
where Schwartz-Hearst, taking the shortest span that holds the letters, drops "Nuclear").

Long forms are returned exactly as written, without surrounding quotation marks.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import words
from ..model import Acronym

# --- short forms -----------------------------------------------------------------------------

_MAX_SHORT_LEN = 14
# A token of letters/digits joined by . - / & ' and perhaps a number or a word: "JS 5", "TICAD V", "ABM Treaty".
# Its letters are Latin, with the diacritics the language writes them with: Turkish "İMM", "TÜBİTAK".
_LATIN = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # ASCII, Latin-1 and Latin Extended-A and -B, not × ÷
_SHORT_TOKEN = rf"[{_LATIN}](?:[{_LATIN}.\-/&'’–]*[{_LATIN}.])?"
_SHORT_FORM = re.compile(rf"{_SHORT_TOKEN}(?: (?:[0-9]+|[IVX]+|[A-Z][a-z]+))?")
_ROMAN = re.compile(r"[IVX]+|[ivx]+")
# What may surround the short form inside its parentheses: (the “NPT”), (hereinafter “NPT”), (NPT, 1968).
_SHORT_LEAD = re.compile(
    r"^(?:hereinafter(?: referred to as)?|hereafter|henceforth|also known as|known as|"
    r"abbreviated(?: as)?|the)\s+",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’«»„"


def _is_short_form(candidate: str) -> bool:
    """Acronym-like: short, at most a token and a number, with two capitals (or one and a digit)."""
    if not 2 <= len(candidate) <= _MAX_SHORT_LEN or not _SHORT_FORM.fullmatch(candidate):
        return False
    uppers = sum(ch.isupper() for ch in candidate)
    if uppers < 2 and not (uppers == 1 and any(ch.isdigit() for ch in candidate)):
        return False
    return not _ROMAN.fullmatch(candidate)  # "(II)", "(iv)": numbering, not a name


def _short_in_parentheses(inner: str) -> str | None:
    """The short form a parenthesis holds, if it holds one: "NPT", "the “NPT”", "NPT, 1968"."""
    first = re.split(r"[,;]", inner, maxsplit=1)[0].strip()
    first = _SHORT_LEAD.sub("", first).strip(_QUOTES + " ")
    return first if _is_short_form(first) else None


# --- the aligner -------------------------------------------------------------------------------

# Words a name may contain without contributing a letter ("Committee *on the* Elimination").
_FUNCTION_WORDS = words("name_function_words")
# Costs (lower is better).
_COST_INNER_CAPITAL = 0.5  # "eXchange" gives the X of SDMX
_COST_INNER_LETTER = 1.0  # a letter from the middle of a word: weak evidence...
_COST_INNER_LETTER_LONG_WORD = 0.5  # ...unless the word is a compound: "hydroChloroFluoroCarbons"
_LONG_WORD = 12
_COST_INNER_LETTER_UNENTERED = 1.5  # a letter from inside a word whose initial gave nothing
_COST_DROPPED_LETTER = 1.0  # a lowercase letter of the short form that the long form does not have
_COST_SKIPPED_WORD = 1.5  # a content word inside the long form that gives no letter
_COST_SKIPPED_NAME_WORD = 0.75  # a capitalised one: names drop words ("Office of the United Nations High...")
_COST_SKIPPED_PREFIX = 0.25  # "Non" in "Non-Proliferation": part of a compound that gives no letter
_PREFER_LONGER_WITHIN = 0.5  # a longer long form wins if it costs at most this much more


@dataclass(frozen=True)
class _Piece:
    """A run of letters or digits; `joined` when a hyphen ties it to the next piece ("Non-Proliferation"),
    `comma_after` when a comma follows it."""

    text: str
    start: int
    end: int
    joined: bool = False
    comma_after: bool = False


_PIECE = re.compile(r"[^\W_]+")
_HYPHENS = frozenset({"-", "‑", "–"})


def _pieces(text: str, start: int, end: int) -> tuple[_Piece, ...]:
    found = list(_PIECE.finditer(text, start, end))
    pieces = []
    for i, match in enumerate(found):
        gap = text[match.end() : found[i + 1].start()] if i + 1 < len(found) else ""
        pieces.append(_Piece(match.group(), match.start(), match.end(), gap in _HYPHENS, "," in gap))
    return tuple(pieces)


_PLURAL = re.compile(r"(?<=[A-Z])(?:['’][sS]|s)$")


def _short_units(short: str) -> tuple[str, ...]:
    """The short form as units to align: its letters, and its numbers whole ("EE21" -> E, E, 21)."""
    # A plural after capitals ("IPAs", "NGO's", "NGO'S") is not one of the long form's initials.
    body = short.rstrip(".")
    plural = _PLURAL.search(body)
    if plural and sum(ch.isupper() for ch in body[: plural.start()]) >= 2:
        body = body[: plural.start()]
    return tuple(re.findall(r"[0-9]+|[^\W\d_]", body))


_WHOLE_WORD_END = re.compile(r"[A-Z][a-z]{3,}$")


def _ends_with_word(short: str) -> str | None:
    """The word a short form ends with, as in "UN-Women" or "UNWomen": the long form ends with it too."""
    match = _WHOLE_WORD_END.search(short)
    return match.group().lower() if match and match.start() > 0 else None


def _skip_cost(piece: _Piece) -> float:
    low = piece.text.lower()
    if low in _FUNCTION_WORDS or low.isdigit():
        return 0.0
    if piece.joined:
        return _COST_SKIPPED_PREFIX
    return _COST_SKIPPED_NAME_WORD if piece.text[0].isupper() else _COST_SKIPPED_WORD


def _lower(text: str) -> str:
    """`text` in lower case, letter for letter: offsets into it are offsets into `text`. (Turkish
    "İ" lowers to "i" and a combining dot, two characters: it is taken as the "i" it writes.)"""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower()[:1] for ch in text)


class _Aligner:
    """Aligns one short form against a run of words; `cost(start)` is for a long form starting at piece `start`."""

    def __init__(self, units: tuple[str, ...], pieces: tuple[_Piece, ...], free_tail: bool = False):
        self.units = tuple(_lower(unit) for unit in units)
        # A lowercase letter of a mixed-case short form may have no source: "PrepCom" for "Preparatory Conference".
        mixed_case = any(unit.isupper() for unit in units)
        self.optional = tuple(mixed_case and unit.islower() for unit in units)
        self.pieces = pieces
        self.free_tail = free_tail  # words after the last letter's cost nothing ("UN-Women")
        self.lowered = tuple(_lower(p.text) for p in pieces)
        self._best = lru_cache(maxsize=None)(self._best_uncached)

    def cost(self, start: int) -> float:
        """Infinite when the short form cannot be spelled from pieces[start:] beginning at its first letter."""
        first, low = self.units[0], self.lowered[start]
        if not low.startswith(first) or (first.isdigit() and low != first) or low in _FUNCTION_WORDS:
            return math.inf
        return self._best(1, start, len(first))

    def _best_uncached(self, u: int, p: int, offset: int) -> float:
        """Units u.. still to match; `offset` characters of piece p are used (0: not entered yet)."""
        if u == len(self.units):
            tail = self.pieces[p + 1 if offset else p :]
            return 0.0 if self.free_tail else sum(_skip_cost(piece) for piece in tail)
        if p >= len(self.pieces):
            return math.inf
        options = [cost + self._best(u + 1, p, used) for cost, used in self._letter_options(self.units[u], p, offset)]
        if self.optional[u]:
            options.append(_COST_DROPPED_LETTER + self._best(u + 1, p, offset))
        # Or leave this piece for the next, paying for it if it gave nothing.
        skip = 0.0 if offset else _skip_cost(self.pieces[p])
        options.append(skip + self._best(u, p + 1, 0))
        return min(options)

    def _letter_options(self, unit: str, p: int, offset: int) -> list[tuple[float, int]]:
        """Ways piece p can give `unit` after `offset` used characters: (cost, characters used after)."""
        low, text = self.lowered[p], self.pieces[p].text
        if unit.isdigit():
            return [(0.0, len(low))] if offset == 0 and low == unit else []
        if offset == 0 and low.startswith(unit):
            return [(0.0, 1)]
        options = []
        if offset and offset < len(low) and low[offset] == unit:
            options.append((0.0, offset + 1))  # contiguous: "Prep" from "Preparatory"
        k = low.find(unit, offset + 1)
        if k > 0:  # the first later occurrence is as good as any
            if text[k].isupper():
                cost = _COST_INNER_CAPITAL
            elif offset == 0:
                cost = _COST_INNER_LETTER_UNENTERED  # "Exchange" gives the X of SPX
            else:
                cost = _COST_INNER_LETTER_LONG_WORD if len(low) >= _LONG_WORD else _COST_INNER_LETTER
            options.append((cost, k + 1))
        return options


def _max_cost(units: tuple[str, ...]) -> float:
    """How much imperfection a short form of this length tolerates."""
    return 1.5 + 0.25 * max(0, len(units) - 3)


def _best_start(short: str, pieces: tuple[_Piece, ...]) -> int | None:
    """Index of the piece where the long form for `short` starts, or None if none fits well enough."""
    units = _short_units(short)
    aligner = _Aligner(units, pieces)
    word = _ends_with_word(short)
    if word and len(pieces) > 1 and pieces[-1].text.lower() == word and len(units) > len(word):
        # "UN-Women": initials, then the name's last word; the words between are left out on purpose.
        aligner = _Aligner(units[: -len(word)], pieces[:-1], free_tail=True)
    if not aligner.units or not aligner.pieces:
        return None
    limit = _max_cost(units)
    scored = [(cost, start) for start in range(len(aligner.pieces)) if (cost := aligner.cost(start)) <= limit]
    if not scored:
        return None
    cheapest, start = min(scored)
    if aligner.free_tail:
        # The initials belong to the words nearest the elided part: the last place they fit.
        return max(start for cost, start in scored if cost == cheapest)
    # Prefer a longer long form that costs about as much ("Nuclear Non-Proliferation Treaty"), but not across
    # a comma ("UNDP, in cooperation with") nor from a lowercase word into a name ("sessions of the Office").
    for cost, earlier in sorted(scored, key=lambda item: -item[1]):
        if earlier >= start or cost > cheapest + _PREFER_LONGER_WITHIN:
            continue
        if any(piece.comma_after for piece in aligner.pieces[earlier:start]):
            continue
        if aligner.pieces[earlier].text[0].islower() and aligner.pieces[start].text[0].isupper():
            continue
        start = earlier
    return start


# --- where long forms may be -------------------------------------------------------------------

# A long form does not run across these: sentence ends, clause punctuation, brackets, line breaks.
_HARD_BOUNDARY = re.compile(r"(?<![A-Z])\.\s|[;:()\[\]{}=\n•|]|[“«„]")
_WINDOW_PIECES = 3  # pieces a long form may have per letter of its short form (and a few more)


def _window_before(text: str, end: int, units: int) -> tuple[int, int]:
    """The span of text a long form ending at `end` can occupy (quotes around it are left out)."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    quoted = stop > 0 and text[stop - 1] in "”\"»'’"
    if quoted:
        stop -= 1
    start = max(0, stop - 40 * max(units, 3))
    boundaries = list(_HARD_BOUNDARY.finditer(text, start, stop))
    if quoted and text[stop] in "\"'":
        # A straight quote closing the long form: the matching one opens it.
        opening = text.rfind(text[stop], start, stop)
        if opening >= 0:
            return opening + 1, stop
    if boundaries:
        start = boundaries[-1].end()
    return start, stop


def _long_form(text: str, short: str, start: int, end: int) -> str | None:
    """The long form of `short` written at the end of text[start:end], or None."""
    units = len(_short_units(short))
    # "INT 1 International chart 1 (INT 1)": the short form is not part of its own definition.
    window = text[start:end]
    for earlier in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", window):
        start = end - len(window) + earlier.end()
    pieces = _pieces(text, start, end)[-(_WINDOW_PIECES * units + 3) :]
    first = _best_start(short, pieces)
    if first is None:
        first = _unordered_start(short, pieces)
    if first is None:
        return None
    long = text[pieces[first].start : end].strip().strip(_QUOTES + " ,")
    return _POSSESSIVE.sub("", long) or None


_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")  # "the International Atomic Energy Agency's (IAEA) board"


def _unordered_start(short: str, pieces: tuple[_Piece, ...]) -> int | None:
    """Where a name starts whose initials are the short form's letters in another order, as with names
    that changed or were translated: "United Nations Population Fund (UNFPA)", "... for Standardization (ISO)".

    Every content word's initial must be one of the short form's capitals, all but at most one capital
    must be used, and the name must start with the first one.
    """
    if not short.isupper() or not short.isalpha() or len(short) < 3:
        return None
    letters = short.lower()
    remaining = list(letters)
    best = None
    for index in range(len(pieces) - 1, -1, -1):
        low = pieces[index].text.lower()
        if low in _FUNCTION_WORDS:
            continue
        if low[0] not in remaining:
            break
        remaining.remove(low[0])
        if low[0] == letters[0] and len(remaining) <= 1:
            best = index
    return best


# --- the patterns ------------------------------------------------------------------------------

_PARENTHESES = re.compile(r"\(([^()\n]{1,200})\)")
# "SF =" (or "SF=") opening a definition, as in lists under tables: "NFS = not further stated; GS = ...".
_EQUATION_SHORT = re.compile(r"(?:^|(?<=[\s;,(*:]))(?P<short>[A-Za-z][A-Za-z0-9.\-/&]{0,11})\s?=\s?(?!=)")
_EQUATION_REACH = 250  # characters a long form after "=" may run to
# The Long Form, or LF, ... / the Long Form, also known as LF, ...
# The white space is taken from where its run starts ((?<!\s)): tried from every space of a long
# run of spaces, `\s+` made the search quadratic in the run's length.
_OR_SHORT = re.compile(
    r"(?:,|(?<!\s))\s+(?:or|also known as|known as|hereinafter|abbreviated(?: as)?)\s+(?:the\s+)?"
    rf"[“\"']?(?P<short>{_SHORT_TOKEN})[”\"']?(?=[\s,;.)]|$)"
)


def find_acronyms(text: str) -> list[Acronym]:
    """Every (short form, long form) pair the text defines, in order of first definition, without repeats."""
    found: list[tuple[int, Acronym]] = []
    found += _parenthesised(text)
    found += _equations(text)
    found += _or_forms(text)
    unique: dict[tuple[str, str], int] = {}
    for position, acronym in sorted(found, key=lambda item: item[0]):
        unique.setdefault((acronym.short, acronym.long), position)
    return [Acronym(short, long) for short, long in unique]


def _parenthesised(text: str) -> list[tuple[int, Acronym]]:
    """`Long Form (LF)` and `LF (Long Form)`."""
    found = []
    for match in _PARENTHESES.finditer(text):
        inner = match.group(1).strip()
        short = _short_in_parentheses(inner)
        if short:
            span = _window_before(text, match.start(), len(_short_units(short)))
            long = _long_form(text, short, *span)
            if long:
                found.append((match.start(), Acronym(short, long)))
                continue
        acronym = _short_before_definition(text, match.start(), inner)
        if acronym:
            found.append((match.start(), acronym))
    return found


_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_WORD_BEFORE = re.compile(rf"(?:^|(?<=[\s(“\"/]))({_SHORT_TOKEN})\s*$")


def _short_before_definition(text: str, paren_start: int, inner: str) -> Acronym | None:
    """`LF (Long Form)`: the word before the parenthesis is a short form the whole parenthesis spells."""
    before = _WORD_BEFORE.search(text, max(0, paren_start - _MAX_SHORT_LEN - 2), paren_start)
    if not before or not _is_short_form(before.group(1)) or " " not in inner:
        return None
    short = before.group(1)
    long = _LEADING_ARTICLE.sub("", inner.strip(_QUOTES + " ")).strip(_QUOTES + " ")
    units = _short_units(short)
    pieces = _pieces(long, 0, len(long))
    if not units or not pieces or any(piece.text == short for piece in pieces):
        return None  # "NATO (NATO headquarters)" is no definition
    return Acronym(short, long) if _Aligner(units, pieces).cost(0) <= _max_cost(units) else None


def _equations(text: str) -> list[tuple[int, Acronym]]:
    """`LF = Long Form`, as in lists of abbreviations under tables."""
    found = []
    starts = list(_EQUATION_SHORT.finditer(text))
    for i, match in enumerate(starts):
        short = match.group("short").rstrip(".")
        # The next "XY =" of a run of definitions ends this one.
        stop = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        long = _equation_long_form(short, text[match.end() : min(stop, match.end() + _EQUATION_REACH)])
        if long:
            found.append((match.start(), Acronym(short, long)))
    return found


_EQUATION_END = re.compile(r"(?<![A-Z])\.(?:\s|$)|,(?!\d)|[;=()\[\]\n]|\s[A-Za-z][/.)](?:\s|$)")
_WORD = re.compile(r"[^\W\d_]{3,}")
_FOOTNOTE_NUMBER = re.compile(r"\s+\d+$")


def _equation_long_form(short: str, rest: str) -> str | None:
    """The long form after "SF =": up to punctuation or a list marker ("a/", "A."), plausibly spelling SF."""
    if not (_is_short_form(short) or 2 <= len(short) <= 5):
        return None  # "Oxychloride = chloride oxide" is a formula, not an abbreviation
    end = _EQUATION_END.search(rest)
    long = rest[: end.start() if end else len(rest)].strip().strip(_QUOTES + " *")
    if not any(ch.isdigit() for ch in short):
        long = _FOOTNOTE_NUMBER.sub("", long)
    if not long or not long[0].isalnum() or not _WORD.search(long):
        return None
    initial = short[0].lower()
    if not any(word.lower().lstrip("0123456789,-").startswith(initial) for word in long.split()):
        return None
    return _trim_after_initials(short, long)


def _trim_after_initials(short: str, long: str) -> str:
    """Cut text that runs on after words whose initials spell the short form, when a capital starts it:
    "IEC = International Electrotechnical Commission Condition of the vehicle" ends before "Condition"."""
    units = _short_units(short)
    pieces = _pieces(long, 0, len(long))
    content = [piece for piece in pieces if piece.text.lower() not in _FUNCTION_WORDS]
    if len(content) <= len(units) or any(len(unit) > 1 for unit in units):
        return long
    initials = tuple(piece.text[0].lower() for piece in content[: len(units)])
    units = tuple(unit.lower() for unit in units)
    last = content[len(units) - 1]
    follower = pieces[pieces.index(last) + 1]
    if initials == units and follower.text[0].isupper():
        return long[: last.end]
    return long


def _or_forms(text: str) -> list[tuple[int, Acronym]]:
    """`the Long Form, or LF,` and `the Long Form, known as LF`."""
    found = []
    for match in _OR_SHORT.finditer(text):
        short = match.group("short").rstrip(".")
        if not _is_short_form(short):
            continue
        span = _window_before(text, match.start(), len(_short_units(short)))
        long = _long_form(text, short, *span)
        if long:
            found.append((match.start(), Acronym(short, long)))
    return found
