"""Offline sentence splitting and word tokenising for English news text.

nupunkt (pure Python, no downloads) proposes sentence boundaries; we then undo the ones a reader
would call wrong in news copy:

* inside a quotation ("We are ready. We always were," he said) — a quote is one unit for
  summaries and quote extraction;
* after an abbreviation that cannot end a sentence (Gen., Mr., Nov., No.) and, unless a normal
  sentence opening follows, after U.S., p.m. and the like;
* before a fragment that starts in lower case.

Blank lines are hard boundaries (paragraphs never merge), and so are line breaks in pasted
pages, where every line is its own paragraph, a byline or a dateline. Sentences are returned as
verbatim substrings of the input, in order, so callers can find them again in the text.

`SumyTokenizer` plugs this splitter into sumy in place of its NLTK tokenizer, whose punkt data
is not available offline.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import nupunkt

from .. import lexicon

Span = tuple[int, int]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_QUOTE_MARK = re.compile("[\"'“”„«»‘’]")
_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*", re.UNICODE)

# Abbreviations that introduce a name or a date, so a sentence never ends on them (matched
# with their capital: "Gen." is an abbreviation, "gen." is not).
_NEVER_FINAL = lexicon.words("never_final")
# Abbreviations that introduce a number ("No. 10", "Fig. 3"); "no." before a word ends a sentence.
_BEFORE_NUMBER = lexicon.words("before_number")
# Abbreviations that often sit mid-sentence ("U.S. officials") but can also end one
# ("moved to the U.S."): we keep the sentence going unless an ordinary opening word follows.
_USUALLY_MEDIAL = lexicon.words("usually_medial")
_SENTENCE_OPENERS = lexicon.words("sentence_openers")

# A real quotation rarely runs longer; past this, paired marks are more likely stray quotes
# (a misplaced apostrophe, a quote left open) than one quotation, and merging would glue
# several sentences together.
_LONGEST_QUOTATION = {"double": 600, "single": 350}

_OPENING_PUNCT = "([{—–-/"
_CLOSING_PUNCT = ".,;:!?)]}—–-…"
# A fragment starting with one of these continues the sentence before it (a dash may be a bullet).
_CONTINUING_PUNCT = ",;:)]}"


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, verbatim and in order (surrounding whitespace stripped)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[Span]:
    """(start, end) character offsets of each sentence of `text`, in order."""
    spans: list[Span] = []
    for block_start, block_end in _blocks(text):
        spans.extend(_block_sentences(text, block_start, block_end))
    return spans


def words(sentence: str) -> list[str]:
    """The words of a sentence: letters and digits, keeping U.S., don't and anti-missile whole."""
    return _WORD.findall(sentence)


class SumyTokenizer:
    """sumy's tokenizer interface (`to_sentences`, `to_words`, `language`) over our splitter."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def _blocks(text: str) -> Iterator[Span]:
    """Spans that no sentence may cross: paragraphs, and lines unless the paragraph is hard-wrapped."""
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield from _paragraph_blocks(text, start, match.start())
        start = match.end()
    yield from _paragraph_blocks(text, start, len(text))


def _paragraph_blocks(text: str, start: int, end: int) -> Iterator[Span]:
    paragraph = text[start:end]
    if "\n" not in paragraph or _is_hard_wrapped(paragraph):
        yield start, end
        return
    block_start = offset = start
    lines = paragraph.split("\n")
    for line, next_line in zip(lines, [*lines[1:], None], strict=False):
        offset += len(line)
        if next_line is None or not next_line.lstrip()[:1].islower():  # a lower-case line continues
            yield block_start, offset
            block_start = offset + 1
        offset += 1


def _is_hard_wrapped(paragraph: str) -> bool:
    """True for prose wrapped at a fixed width (e-mail style), where line breaks mean nothing.

    A pasted web page has one paragraph, byline or dateline per line instead; there a line break
    is a boundary. Wrapped text has several lines of similar, long width, and some of them end
    inside a sentence. (A headline above its first paragraph is one long line, not several.)
    """
    lines = [line.strip() for line in paragraph.split("\n")]
    if len(lines) < 3:
        return False
    full_lines = lines[:-1]
    return all(45 <= len(line) <= 100 for line in full_lines) and any(
        not line.endswith((".", "!", "?", '"', "”", ":")) for line in full_lines
    )


def _block_sentences(text: str, start: int, end: int) -> list[Span]:
    block = text[start:end]
    if not block.strip():
        return []
    raw = [(s, e) for s, e in nupunkt.sent_spans(block)]
    quotes = quotation_spans(block)
    merged: list[Span] = []
    for span in raw:
        if merged and _should_join(block, merged[-1], span, quotes):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return [_strip(text, start + s, start + e) for s, e in merged if block[s:e].strip()]


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _should_join(block: str, previous: Span, current: Span, quotes: list[Span]) -> bool:
    before = block[previous[0]:previous[1]].rstrip()
    after = block[current[0]:current[1]].lstrip()
    if not before or not after:
        return True
    boundary = previous[0] + len(before)
    if any(open_at < boundary < close_at for open_at, close_at in quotes):
        return True
    if after[0].islower() or after[0] in _CONTINUING_PUNCT:
        return True
    return _ends_with_abbreviation(before, after)


def _ends_with_abbreviation(before: str, after: str) -> bool:
    if not before.endswith("."):
        return False
    last = before.split()[-1].lstrip("(\"'“‘").rstrip(".")
    if last in _NEVER_FINAL:
        return True
    if last in _BEFORE_NUMBER:
        return after[0].isdigit()
    if last.lower() in _USUALLY_MEDIAL:
        first_word = after.split()[0].strip("\"'“‘(").lower()
        return first_word not in _SENTENCE_OPENERS
    return False


def quotation_spans(text: str) -> list[Span]:
    """(open, close) offsets of the quotation marks that pair up in `text` (double and single).

    Straight quotes are told apart by what surrounds them; an apostrophe inside or at the start
    of a word (don't, '90s) is not a quotation mark. A quote opened and never closed (a
    quotation continued in the next paragraph) pairs with nothing.
    """
    spans: list[Span] = []
    open_at: dict[str, int | None] = {"double": None, "single": None}
    for mark in _QUOTE_MARK.finditer(text):
        index = mark.start()
        kind, family = _quote_mark(text, index, mark.group(), open_at)
        if kind == "open":
            open_at[family] = index
        elif kind == "close" and open_at[family] is not None:
            start = open_at[family]
            if index - start <= _LONGEST_QUOTATION[family]:  # type: ignore[operator]
                spans.append((start, index))  # type: ignore[arg-type]
            open_at[family] = None
    return sorted(spans)


def _quote_mark(text: str, index: int, char: str, open_at: dict[str, int | None]) -> tuple[str, str]:
    """("open" | "close" | "", family) for the character at `index`."""
    if char in "“„«":
        return "open", "double"
    if char in "”»":
        return "close", "double"
    if char not in "\"'‘’":
        return "", ""
    family = "double" if char == '"' else "single"
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if family == "single" and before.isalnum() and after.isalnum():
        return "", ""  # an apostrophe: don't, O'Brien
    if family == "single" and after.isdigit():
        return "", ""  # an elision: '90s
    opens = (before.isspace() or before in _OPENING_PUNCT) and not after.isspace()
    closes = after.isspace() or after in _CLOSING_PUNCT or after in "\"'”’"
    if char == "‘" or (opens and not closes):
        return "open", family
    if char == "’" or (closes and not opens):
        return ("close", family) if open_at[family] is not None else ("", "")
    if char == '"':
        return ("close" if open_at[family] is not None else "open"), family
    return "", ""
