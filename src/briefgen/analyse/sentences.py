"""Offline sentence splitting, quotation-mark pairing and word tokenising for English news text.

One quotation-mark pairer and one sentence splitter, used by summaries, quotes and terms alike,
so a summary's "mostly a quotation" test and the quote finder read the same marks and the same
sentences.

`quoted_regions` pairs quotation marks paragraph by paragraph (straight and curly; double marks,
or single marks in texts that use no double ones), following the news convention that a quote
left open at the end of a paragraph continues when the next one re-opens it. Apostrophes
(don't, the Joneses' votes, '90s) are told from marks by their neighbours.

nupunkt (pure Python, no downloads) proposes sentence boundaries; we then undo the ones a reader
would call wrong in news copy:

* inside a quotation ("We are ready. We always were," he said) — a quote is one unit for
  summaries and quote extraction;
* after a question or exclamation that ends a quotation, when its attribution follows
  ("Why now?" Roe asked.);
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

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from .. import lexicon

Span = tuple[int, int]

_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*", re.UNICODE)

# Abbreviations that introduce a name or a date, so a sentence never ends on them (matched
# with their capital: "Gen." is an abbreviation, "gen." is not).
_NEVER_FINAL = lexicon.words("never_final") | {
    title.capitalize() for title, row in lexicon.rows("titles").items() if not row.get("full_word")
}
# Abbreviations that introduce a number ("No. 10", "Fig. 3"); "no." before a word ends a sentence.
_BEFORE_NUMBER = lexicon.words("before_number")
# Abbreviations that often sit mid-sentence ("U.S. officials") but can also end one
# ("moved to the U.S."): we keep the sentence going unless an ordinary opening word follows.
_USUALLY_MEDIAL = lexicon.words("usually_medial")
_SENTENCE_OPENERS = lexicon.words("sentence_openers")

# A fragment starting with one of these continues the sentence before it (a dash may be a bullet).
_CONTINUING_PUNCT = ",;:)]}"


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, verbatim and in order (surrounding whitespace stripped)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str, regions: Sequence[Region] | None = None) -> list[Span]:
    """(start, end) character offsets of each sentence of `text`, in order.

    `regions`: the text's quoted regions, when the caller has them already (`quoted_regions(text)`).
    """
    quotes = sorted(_quotation_spans(text, quoted_regions(text) if regions is None else regions))
    opens = [o for o, _c in quotes]
    spans: list[Span] = []
    for block_start, block_end in _blocks(text):
        # The block's quotations only (found by bisection: reading all of them for every block was quadratic).
        first, last = bisect.bisect_left(opens, block_start), bisect.bisect_left(opens, block_end)
        inside = [(o - block_start, c - block_start) for o, c in quotes[first:last] if c < block_end]
        spans.extend(_block_sentences(text, block_start, block_end, inside))
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
        # A lower-case line continues the one before, and so does the attribution of a question
        # quoted on the line before ('"Why now?"' / 'Roe asked.').
        continues = next_line is not None and (
            next_line.lstrip()[:1].islower()
            or (_QUESTION_IN_QUOTES.search(line.rstrip()) is not None and _opens_with_attribution(next_line))
        )
        if not continues:
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


def _block_sentences(text: str, start: int, end: int, quotes: list[Span]) -> list[Span]:
    import nupunkt  # here, not above: a rebuild from the cache uses this module's words() only

    block = text[start:end]
    if not block.strip():
        return []
    raw = [piece for span in nupunkt.sent_spans(block) for piece in _split_missed_ends(block, span)]
    merged: list[Span] = []
    runs = _open_runs(quotes)
    for span in raw:
        if merged and _should_join(block, merged[-1], span, runs):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return [_strip(text, start + s, start + e) for s, e in merged if block[s:e].strip()]


# nupunkt sometimes takes a plain word or an acronym before a full stop for an abbreviation ("the
# dog that caught the car. His ...", "the super PAC. Then ..."): after a word of two or more
# lower-case letters or capitals, a full stop before a capital or an opening quotation mark ends
# the sentence, unless the word is one of our abbreviations.
_FULL_STOP_BEFORE_CAPITAL = re.compile(r"\.(?=\s+[\"“‘']?[A-Z])")
_PLAIN_WORD_OR_ACRONYM = re.compile(r"\b(?:[a-z]{2,}|[A-Z]{2,})$")


def _split_missed_ends(block: str, span: Span) -> list[Span]:
    start, end = span
    pieces = []
    for stop in _FULL_STOP_BEFORE_CAPITAL.finditer(block, start, end):
        word = _PLAIN_WORD_OR_ACRONYM.search(block, max(start, stop.start() - 40), stop.start())
        if word is None or _is_abbreviation(word.group()):
            continue
        pieces.append((start, stop.end()))
        start = stop.end()
    pieces.append((start, end))
    return pieces


def _is_abbreviation(word: str) -> bool:
    return word in _NEVER_FINAL or word in _BEFORE_NUMBER or word.lower() in _USUALLY_MEDIAL


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _open_runs(quotes: list[Span]) -> tuple[list[int], list[int]]:
    """The union of the open intervals (open, close) of `quotes`, as sorted disjoint runs: whether a
    boundary is inside a quotation then takes log time, not a read of every quotation of the block
    (which made a block of thousands of quotations quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    for open_at, close_at in sorted(quotes):
        if ends and open_at < ends[-1]:
            ends[-1] = max(ends[-1], close_at)
        elif open_at < close_at:
            starts.append(open_at)
            ends.append(close_at)
    return starts, ends


def _should_join(block: str, previous: Span, current: Span, runs: tuple[list[int], list[int]]) -> bool:
    before = block[previous[0]:previous[1]].rstrip()
    after = block[current[0]:current[1]].lstrip()
    if not before or not after:
        return True
    boundary = previous[0] + len(before)
    k = bisect.bisect_left(runs[0], boundary) - 1
    if k >= 0 and boundary < runs[1][k]:
        return True
    if after[0].islower() or after[0] in _CONTINUING_PUNCT:
        return True
    if _QUESTION_IN_QUOTES.search(before) and _opens_with_attribution(after):
        return True
    return _ends_with_abbreviation(before, after)


# A question or exclamation closing a quotation: '"Why now?"', "'Out!'".
_QUESTION_IN_QUOTES = re.compile("[?!][\"”’'»]{1,2}$")
_CUE_VERBS = lexicon.words("cue_verbs")
_PAST_TENSE = re.compile(r"[a-z]{3,}ed")
_ATTRIBUTION_WORDS = 12  # "Roe asked", "Jane Roe, the chair of the county party, said of the visit"


_CUE_PAIRS = frozenset(tuple(pair.split()) for pair in lexicon.words("cue_pairs"))


def _opens_with_attribution(after: str) -> bool:
    """ '"Why now?" Roe asked.' / 'Roe went on, ...' / 'Roe wondered.': the words after the
    quotation attribute it: a speech cue, or a name and a past tense ("The talks then ended." is
    a new sentence)."""
    opening = words(after)[:_ATTRIBUTION_WORDS]
    if any(
        word in _CUE_VERBS or (word, following) in _CUE_PAIRS
        for word, following in zip(opening, [*opening[1:], ""], strict=False)
    ):
        return True
    named = len(opening) > 1 and opening[0][:1].isupper() and opening[0].lower() not in _SENTENCE_OPENERS
    return named and _PAST_TENSE.fullmatch(opening[1]) is not None


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


# ---------------------------------------------------------------------------------------------
# Quotation marks

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
# Markup left in pasted pages (<tweet author="@x">): its attribute values are not quotations.
_MARKUP_TAG = re.compile(r"<[A-Za-z/][^<>]{0,400}>")
# Doubled apostrophes standing in for double marks (''like this''), as some archive exports write.
_TYPEWRITER_DOUBLE = re.compile(r"(?:^|\s)''\w")

_DOUBLE_MARKS = {'"': "straight", "“": "curly", "”": "curly", "„": "curly", "«": "guillemet", "»": "guillemet"}
_SINGLE_MARKS = {"'": "straight", "‘": "curly", "’": "curly"}
_OPENING_GLYPHS = "“„«‘"
_CLOSING_MARKS = "\"”’'»"
_CLOSING_GLYPHS = "”»’"
_BEFORE_OPENING = "([{—–-/"
_AFTER_CLOSING = ".,;:!?)]}—–-…"


@dataclass(frozen=True)
class Region:
    """The inside of one pair of quotation marks, within one paragraph."""

    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    paragraph: int
    opened: int  # offset of the opening mark
    closed: int | None  # offset just past the closing mark; None when left open at the paragraph end
    secondary: bool = False  # single marks in a text that quotes with double ones


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, or lines when there are none."""
    breaker = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    spans, start = [], 0
    for brk in breaker.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def mask_markup(text: str) -> str:
    """`text` with markup tags blanked out, offsets unchanged."""
    return _MARKUP_TAG.sub(lambda m: " " * len(m.group()), text)


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at i, judged by its neighbours inside [lo, hi).

    Marks of the same family right beside it are looked past: in ‘He said, ‘No.’’ the first
    closing mark is followed by another, and both close.
    """
    family = _SINGLE_MARKS if text[i] in _SINGLE_MARKS else _DOUBLE_MARKS
    before, after = i - 1, i + 1
    while before >= lo and text[before] in family and text[before] != "'":
        before -= 1
    while after < hi and text[after] in family and text[after] != "'":
        after += 1
    prev = text[before] if before >= lo else None
    nxt = text[after] if after < hi else None
    space_before = prev is None or prev.isspace() or prev in _BEFORE_OPENING
    space_after = nxt is None or nxt.isspace() or nxt in _AFTER_CLOSING
    return space_before and not (nxt is None or nxt.isspace()), space_after and not (prev is None or prev.isspace())


# A mark that drops letters at a word's start ('em, ’til, rock ’n’ roll, the ’90s) is an apostrophe.
_ELISION = re.compile(rf"(?:{lexicon.alternation('elisions')})(?!\w)|\d\d(?:s\b|(?![\w%]|[.,]\d))", re.IGNORECASE)
_ELISION_END = re.compile(r"(?<![\w’'])[’']n$", re.IGNORECASE)


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether a single mark is not a quotation mark.

    Between two letters or digits (don't, Russia's) it is an apostrophe, and so it is before an
    elided word or a decade (’em, ’n’, the ’90s). Doubled straight ('') it is the typewriter
    stand-in for a double mark that some archive exports use; those are left alone, like every
    other text without real quotation marks. Doubled curly marks (’’) close two nested quotations.
    """
    if lo < i < hi - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
        return True
    if _ELISION.match(text, i + 1, hi) or _ELISION_END.search(text, max(lo, i - 3), i):
        return True
    return text[i] == "'" and ((i > lo and text[i - 1] == "'") or (i < hi - 1 and text[i + 1] == "'"))


_PLURAL_POSSESSIVE = re.compile(r"[sS][’'] [a-z]")


def _is_plural_possessive(text: str, i: int, hi: int) -> bool:
    """ "the inspectors' report": an apostrophe, if a closing mark still follows in the paragraph
    before any opening one. In ‘an open process’ and that it would be ‘fair’ the next mark opens a
    quotation, so this one closes the first."""
    if not _PLURAL_POSSESSIVE.match(text, i - 1):
        return False
    for j in range(i + 1, hi):
        if text[j] in "’'‘" and not _is_apostrophe(text, j, i + 1, hi):
            can_open, can_close = _flanks(text, j, i + 1, hi)
            if can_close and not can_open:
                return True
            if can_open and not can_close:
                return False
    return False


def _mark_role(glyph: str, can_open: bool, can_close: bool, inside: bool) -> str:
    """'open' or 'close' for one mark; context beats the glyph, which beats the state."""
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if glyph in _OPENING_GLYPHS:
        return "open"
    if glyph in _CLOSING_GLYPHS:
        return "close"
    return "close" if inside else "open"


# The characters the scan stops at: the marks of a family, and line breaks (a quote re-opened on a new line).
_MARK_OR_BREAK = {
    id(marks): re.compile("[\n" + re.escape("".join(marks)) + "]") for marks in (_DOUBLE_MARKS, _SINGLE_MARKS)
}


def _scan_paragraph(text: str, lo: int, hi: int, marks: dict[str, str], paragraph: int) -> list[Region]:
    """Top-level quoted regions in text[lo:hi]; nested quotes of another glyph family stay inside."""
    regions: list[Region] = []
    stack: list[tuple[str, int]] = []  # (glyph family, offset of the opening mark)

    def leave_open(at: int) -> None:
        opened = stack[0][1]
        regions.append(Region(opened + 1, _rstrip(text, opened + 1, at), paragraph, opened, None))
        stack.clear()

    for candidate in _MARK_OR_BREAK[id(marks)].finditer(text, lo, hi):
        i = candidate.start()
        glyph = text[i]
        if glyph == "\n" and stack and _reopens_after(text, i, hi, marks):
            leave_open(i)  # a line that re-opens the quote: the continuation convention, line by line
            continue
        family = marks.get(glyph)
        if family is None or (marks is _SINGLE_MARKS and _is_apostrophe(text, i, lo, hi)):
            continue
        can_open, can_close = _flanks(text, i, lo, hi)
        if marks is _SINGLE_MARKS and (not (can_open or can_close) or (stack and _is_plural_possessive(text, i, hi))):
            continue
        if _mark_role(glyph, can_open, can_close, bool(stack)) == "open":
            # single marks nest in single marks, but not right after a sentence's end: "goes on. 'There"
            # re-opens a quotation whose paragraph break was lost
            nested = marks is _SINGLE_MARKS and can_open and not can_close and not _after_sentence_end(text, i, lo)
            if len(stack) == 1 and stack[0][0] == family and not nested:
                leave_open(i)  # the same marks re-opened at the top level: a closing mark was dropped
            if not stack or stack[-1][0] != family or nested:
                stack.append((family, i))  # single marks nest in single marks: ‘He said, ‘No.’’
        elif stack:
            _, opened = stack.pop()
            if not stack:
                regions.append(Region(opened + 1, i, paragraph, opened, i + 1))
    if stack:
        leave_open(hi)
    return [r for r in regions if r.end > r.start]


def _after_sentence_end(text: str, i: int, lo: int) -> bool:
    """Whether the mark at i follows a sentence's last punctuation and a space: "goes on. '"."""
    j = i - 1
    while j >= lo and text[j] in " \t":
        j -= 1
    return j < i - 1 and j >= lo and text[j] in ".!?…"


def _reopens_after(text: str, i: int, hi: int, marks: dict[str, str]) -> bool:
    """Whether the line after the line break at i starts with an opening quotation mark."""
    j = i + 1
    while j < hi and text[j] in " \t":
        j += 1
    return j < hi and text[j] in marks and _flanks(text, j, i + 1, hi)[0]


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def quoted_regions(text: str) -> list[Region]:
    """Every top-level quoted region of `text`, in order.

    Double marks are the quotation marks when the text uses any; otherwise single marks are
    (British style), told apart from apostrophes by their neighbours. Single-marked regions in a
    text that quotes with double marks come back as `secondary`: headline style, or a quotation
    set the British way inside an otherwise American text.
    """
    scanned = mask_markup(text)
    spans = paragraph_spans(text)
    primary = _scan(scanned, spans, _DOUBLE_MARKS)
    if _TYPEWRITER_DOUBLE.search(scanned):
        return primary  # quoted with '' pairs: single marks are only quotations nested inside
    if not primary:
        return _scan(scanned, spans, _SINGLE_MARKS)
    outside = _blank_regions(scanned, primary)
    secondary = [replace(r, secondary=True) for r in _scan(outside, spans, _SINGLE_MARKS)]
    return sorted(primary + secondary, key=lambda r: r.start)


def _scan(text: str, spans: list[tuple[int, int]], marks: dict[str, str]) -> list[Region]:
    return [r for n, (lo, hi) in enumerate(spans) for r in _scan_paragraph(text, lo, hi, marks, n)]


def _blank_regions(text: str, regions: Sequence[Region]) -> str:
    """`text` with the given regions, marks included, blanked out."""
    return blank_spans(text, [(r.opened, r.closed or r.end) for r in regions])


def blank_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with spaces over the spans, line breaks kept, so every offset stays valid."""
    chars = list(text)
    for lo, hi in spans:
        for i in range(lo, hi):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)




# A real quotation rarely runs longer (characters); past this, paired marks are more likely stray
# quotes (a misplaced apostrophe) than one quotation, and merging would glue sentences together.
_LONGEST_QUOTATION = {"double": 600, "single": 350}


def quotation_spans(text: str) -> list[Span]:
    """(open, close) offsets of the quotation marks that pair up in `text`, top level only.

    The pairs of `quoted_regions`; a quote left open at the end of its paragraph (continued in the
    next) pairs with nothing.
    """
    return _quotation_spans(text, quoted_regions(text))


def _quotation_spans(text: str, regions: Sequence[Region]) -> list[Span]:
    """Closed regions as (opening mark, closing mark). A pair that runs longer than a quotation
    rarely does is more likely a stray mark than one quotation, and would glue sentences together."""
    spans = []
    for region in regions:
        if region.closed is None:
            continue
        family = "single" if text[region.opened] in _SINGLE_MARKS else "double"
        if region.closed - 1 - region.opened <= _LONGEST_QUOTATION[family]:
            spans.append((region.opened, region.closed - 1))
    return spans


# "(CNN) The ...", "PanARMENIAN.Net - Verified ...": the outlet's tag run into the first sentence.
_OUTLET_TAG = re.compile(
    r"^\(([A-Z][\w .&-]{1,24})\)\s+(?=[A-Z\"“‘'])|^([A-Z][\w.&]*(?:\s[A-Z][\w.&]*)?)\s[-–—]\s(?=[A-Z])")


def outlet_tag(paragraph: str) -> str | None:
    """The outlet's tag opening a paragraph: "CNN" in "(CNN) The United States ...", else None."""
    match = _OUTLET_TAG.match(paragraph)
    return (match.group(1) or match.group(2)) if match else None
